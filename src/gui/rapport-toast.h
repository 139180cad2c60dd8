/* rapport-toast.h: how a view raises a message without reaching up to its window
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Adds a "show-toast" signal (one AdwToast argument) to @view_type, for
 * its class_init.  The window connects to it and shows the toast in place
 * of the last message (rapport_window_add_toast()).
 */
guint     rapport_toast_signal_new (GType        view_type);

/* Emits @signal_id on @view with @toast (transfer full): a view no one
 * listens to (in a test, say) drops the message.
 */
void      rapport_toast_emit       (gpointer     view,
                                    guint        signal_id,
                                    AdwToast    *toast);

/* The outcome of what the learner just did: it replaces an older message
 * instead of waiting behind it.
 */
AdwToast *rapport_toast_new_urgent (const char  *title);

G_END_DECLS
