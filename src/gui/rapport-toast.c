/* rapport-toast.c: how a view raises a message without reaching up to its window
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-toast.h"

guint
rapport_toast_signal_new (GType view_type)
{
  g_return_val_if_fail (g_type_is_a (view_type, GTK_TYPE_WIDGET), 0);

  return g_signal_new ("show-toast",
                       view_type,
                       G_SIGNAL_RUN_LAST,
                       0,
                       NULL, NULL,
                       NULL,
                       G_TYPE_NONE,
                       1,
                       ADW_TYPE_TOAST);
}

void
rapport_toast_emit (gpointer  view,
                    guint     signal_id,
                    AdwToast *toast)
{
  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_signal_emit (view, signal_id, 0, toast);
  g_object_unref (toast);
}

AdwToast *
rapport_toast_new_urgent (const char *title)
{
  AdwToast *toast;

  g_return_val_if_fail (title != NULL, NULL);

  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  return toast;
}
