/* rapport-confirm-dialog.c: asking before something that replaces or drops
 * the learner's work
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-confirm-dialog.h"

void
rapport_confirm_dialog_show (GtkWidget  *parent,
                             const char *heading,
                             const char *body,
                             const char *cancel_id,
                             const char *cancel_label,
                             const char *confirm_id,
                             const char *confirm_label,
                             GCallback   response_cb,
                             gpointer    owner)
{
  GtkRoot *root;
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (cancel_id != NULL && confirm_id != NULL);
  g_return_if_fail (G_IS_OBJECT (owner));

  root = gtk_widget_get_root (parent);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog,
                                    cancel_id, cancel_label,
                                    confirm_id, confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, confirm_id, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, cancel_id);
  adw_message_dialog_set_close_response (dialog, cancel_id);
  g_signal_connect_object (dialog, "response", response_cb, owner, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}
