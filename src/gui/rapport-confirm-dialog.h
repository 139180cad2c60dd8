/* rapport-confirm-dialog.h: asking before something that replaces or drops
 * the learner's work
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Presents a message dialog over @parent's window with two answers: the
 * safe one (@cancel_id), which is the default and what closing the dialog
 * says, and @confirm_id, shown as destructive.  @response_cb is connected
 * swapped: it is called as (@owner, response, dialog), and not at all once
 * @owner is gone.
 */
void rapport_confirm_dialog_show (GtkWidget  *parent,
                                  const char *heading,
                                  const char *body,
                                  const char *cancel_id,
                                  const char *cancel_label,
                                  const char *confirm_id,
                                  const char *confirm_label,
                                  GCallback   response_cb,
                                  gpointer    owner);

G_END_DECLS
