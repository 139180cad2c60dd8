/* rapport-file-chooser.c: the one way Rapport asks for a file to open or
 * save, and tells how saving it went
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-error-dialog.h"
#include "rapport-file-chooser.h"
#include "rapport-toast.h"

void
rapport_file_chooser_show (GtkFileChooserNative **slot,
                           GtkWidget             *parent,
                           GtkFileChooserAction   action,
                           const char            *title,
                           const char            *accept_label,
                           const char            *current_name,
                           GtkFileFilter         *filter,
                           GCallback              response_cb,
                           gpointer               owner)
{
  GtkRoot *root;

  g_return_if_fail (slot != NULL);
  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (title != NULL);
  g_return_if_fail (G_IS_OBJECT (owner));

  root = gtk_widget_get_root (parent);

  rapport_file_chooser_clear (slot);

  *slot = gtk_file_chooser_native_new (title,
                                       GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       action,
                                       accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (*slot), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (*slot), filter);
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (*slot), current_name);
  g_signal_connect_object (*slot, "response", response_cb, owner, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (*slot));
}

void
rapport_file_chooser_clear (GtkFileChooserNative **slot)
{
  g_return_if_fail (slot != NULL);

  if (*slot != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*slot));
  g_clear_object (slot);
}

char *
rapport_file_chooser_get_path (GFile   *file,
                               GError **error)
{
  char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Choose a file on this computer."));

  return path;
}

gboolean
rapport_file_chooser_export (GtkWidget            *view,
                             GFile                *file,
                             RapportFileWriteFunc  write_func,
                             gpointer              data,
                             const char           *error_title,
                             const char           *done_title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (view), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);
  g_return_val_if_fail (error_title != NULL, FALSE);
  g_return_val_if_fail (done_title != NULL, FALSE);

  path = rapport_file_chooser_get_path (file, &error);
  if (path == NULL || !write_func (data, path, &error))
    {
      rapport_show_error (view, error_title, error);
      return FALSE;
    }

  /* A toast title is markup: a file name may hold “&” or “<”. */
  escaped = g_markup_escape_text (done_title, -1);
  rapport_toast_emit (view, g_signal_lookup ("show-toast", G_OBJECT_TYPE (view)),
                      rapport_toast_new_urgent (escaped));
  return TRUE;
}
