/* rapport-error-dialog.c: telling the user that something failed
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-error-dialog.h"

/**
 * rapport_show_error:
 * @widget: any widget of the window the dialog belongs to
 * @heading: what failed, translated, in title case ("Could Not …")
 * @error: why; core errors carry a translated sentence that says what to do
 */
void
rapport_show_error (GtkWidget    *widget,
                    const char   *heading,
                    const GError *error)
{
  GtkRoot *root;
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  root = gtk_widget_get_root (widget);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
