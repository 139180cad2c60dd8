/* rapport-file-chooser.h: the one way Rapport asks for a file to open or
 * save, and tells how saving it went
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows a modal native file chooser over @parent's window and keeps it in
 * *@slot until the next one (a chooser must outlive its response).  One
 * still in *@slot is destroyed first.  @response_cb is connected swapped:
 * it is called as (@owner, response, chooser), and @owner may go away
 * before the chooser answers.
 *
 * @current_name: (nullable): the suggested file name when saving
 * @filter: (nullable): the only kind of file offered
 */
void rapport_file_chooser_show (GtkFileChooserNative **slot,
                                GtkWidget             *parent,
                                GtkFileChooserAction   action,
                                const char            *title,
                                const char            *accept_label,
                                const char            *current_name,
                                GtkFileFilter         *filter,
                                GCallback              response_cb,
                                gpointer               owner);

/* Destroys the chooser in *@slot, if there is one, and clears the slot:
 * for a dispose, so that no chooser outlives its owner.
 */
void rapport_file_chooser_clear (GtkFileChooserNative **slot);

/* The path of @file, or NULL with @error set: a chooser may hand back a
 * file that is not on this computer.
 */
char *rapport_file_chooser_get_path (GFile   *file,
                                     GError **error);

/* Writes a file to the path it is given, @data its owner's. */
typedef gboolean (*RapportFileWriteFunc) (gpointer     data,
                                          const char  *path,
                                          GError     **error);

/* Writes @file through @write_func, then tells the user how it went: on
 * failure (a file not on this computer is one) @error_title and the reason
 * in a dialog over @view; on success @done_title as an urgent toast
 * through @view's "show-toast" signal (rapport-toast.h).
 *
 * @done_title: plain text, not markup
 * Returns: whether the file was written
 */
gboolean rapport_file_chooser_export (GtkWidget            *view,
                                      GFile                *file,
                                      RapportFileWriteFunc  write_func,
                                      gpointer              data,
                                      const char           *error_title,
                                      const char           *done_title);

G_END_DECLS
