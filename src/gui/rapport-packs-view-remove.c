/* rapport-packs-view-remove.c: removing a pack from the Packs view, after
 * asking whether to keep the learner's progress in it
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-error-dialog.h"
#include "rapport-pack-install.h"
#include "rapport-packs-view-private.h"
#include "rapport-paths.h"
#include "rapport-toast.h"

static void
remove_pack (RapportPacksView *self,
             const char       *pack_id,
             const char       *title,
             gboolean          keep_progress)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = rapport_paths_get_data_dir ();
  g_autofree char *toast = NULL;

  g_assert (RAPPORT_IS_PACKS_VIEW (self));

  if (!rapport_pack_remove (pack_id, data_dir, self->store, keep_progress, &error))
    {
      rapport_show_error (GTK_WIDGET (self), _("Could Not Remove the Pack"), error);
      return;
    }

  /* Translators: the placeholder is a pack's title */
  toast = g_strdup_printf (_("“%s” removed"), title);
  rapport_packs_view_show_toast (self, rapport_toast_new_urgent (toast));
  rapport_packs_view_emit_catalog_changed (self);

  /* Removed from a damaged pack's own page: that page has nothing left to show. */
  rapport_packs_view_close_summary (self);
}

static void
on_remove_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              RapportPacksView *self)
{
  const char *pack_id = g_object_get_data (G_OBJECT (dialog), "pack-id");
  const char *title = g_object_get_data (G_OBJECT (dialog), "title");

  if (g_strcmp0 (response, "keep") == 0)
    remove_pack (self, pack_id, title, TRUE);
  else if (g_strcmp0 (response, "remove-progress") == 0)
    remove_pack (self, pack_id, title, FALSE);
}

/* Asks whether to keep the learner's progress, then removes the pack. */
void
rapport_packs_view_ask_remove (RapportPacksView *self,
                               const char       *pack_id,
                               const char       *title)
{
  GtkWidget *dialog;

  g_return_if_fail (RAPPORT_IS_PACKS_VIEW (self));
  g_return_if_fail (pack_id != NULL && title != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Remove Pack?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: the placeholder is a pack's title */
                                  _("The topics of “%s” will no longer be shown. Your progress in them can be kept in case you install the pack again."),
                                  title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove-progress", _("_Remove Progress Too"),
                                    "keep", _("_Keep Progress"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove-progress",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pack-id", g_strdup (pack_id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "title", g_strdup (title), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_dialog_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_remove_button_clicked_cb (GtkButton        *button,
                             RapportPacksView *self)
{
  rapport_packs_view_ask_remove (self,
                                 g_object_get_data (G_OBJECT (button), "pack-id"),
                                 g_object_get_data (G_OBJECT (button), "title"));
}

GtkWidget *
rapport_packs_view_create_remove_button (RapportPacksView *self,
                                         const char       *pack_id,
                                         const char       *title)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *accessible = NULL;

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Pack"));
  /* Translators: the placeholder is a pack's title */
  accessible = g_strdup_printf (_("Remove “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "pack-id", g_strdup (pack_id), g_free);
  g_object_set_data_full (G_OBJECT (button), "title", g_strdup (title), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_button_clicked_cb),
                           self, 0);

  return button;
}

/* The title the store recorded when the pack was installed: a broken pack's
 * own pack.json may be what is damaged.
 */
char *
rapport_packs_view_lookup_recorded_title (RapportPacksView *self,
                                          const char       *pack_id)
{
  g_autoptr(GPtrArray) records = NULL;

  if (self->store != NULL)
    records = rapport_store_list_packs (self->store, NULL);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      RapportStorePack *record = records->pdata[i];

      if (g_strcmp0 (record->id, pack_id) == 0 && record->title != NULL)
        return g_strdup (record->title);
    }

  return g_strdup (pack_id);
}
