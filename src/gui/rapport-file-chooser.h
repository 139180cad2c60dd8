/* rapport-file-chooser.h: the one way Rapport asks for a file to open or save
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

G_END_DECLS
