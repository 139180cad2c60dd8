/* rapport-file-chooser.c: the one way Rapport asks for a file to open or save
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-file-chooser.h"

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

  if (*slot != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*slot));
  g_clear_object (slot);

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
