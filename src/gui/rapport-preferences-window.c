/* rapport-preferences-window.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-confirm-dialog.h"
#include "rapport-error-dialog.h"
#include "rapport-file-chooser.h"
#include "rapport-preferences-window.h"
#include "rapport-store.h"

struct _RapportPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template widgets */
  AdwComboRow          *style_row;
  AdwPreferencesGroup  *data_group;
  AdwPreferencesGroup  *reset_group;

  /* owned */
  GSettings            *settings;
  RapportStore         *store;
  GtkFileChooserNative *chooser;
  GFile                *restore_file;
  char                 *undo_path;
};

G_DEFINE_FINAL_TYPE (RapportPreferencesWindow, rapport_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows of the style combo, in the order of the GtkStringList in the template. */
static const char * const color_scheme_nicks[] = { "default", "light", "dark" };

/**
 * rapport_preferences_window_new:
 * @store: (nullable): the progress store; %NULL when it could not be opened
 */
RapportPreferencesWindow *
rapport_preferences_window_new (GSettings    *settings,
                                RapportStore *store)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (store == NULL || RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       "store", store,
                       NULL);
}


static void
toast (RapportPreferencesWindow *self,
       AdwToast                 *toast)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* Export */

void
rapport_preferences_window_export_to (RapportPreferencesWindow *self,
                                      GFile                    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (RAPPORT_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store != NULL);

  path = g_file_get_path (file);
  basename = g_file_get_basename (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Choose a file on this computer."));
      rapport_show_error (GTK_WIDGET (self), _("Could Not Export Progress"), error);
      return;
    }

  if (!rapport_store_export_to_file (self->store, path, &error))
    {
      rapport_show_error (GTK_WIDGET (self), _("Could Not Export Progress"), error);
      return;
    }

  /* A toast title is markup: a file name may hold “&” or “<”. */
  escaped = g_markup_escape_text (basename, -1);
  /* Translators: the placeholder is a file name */
  title = g_strdup_printf (_("Progress exported to “%s”"), escaped);
  toast (self, adw_toast_new (title));
}

static GtkFileFilter *
progress_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Rapport progress files"));
  gtk_file_filter_add_pattern (filter, "*.rapport-progress");
  return filter;
}

/* Both choosers: saving one is an export, opening one a restore. */
static void
on_chooser_response_cb (RapportPreferencesWindow *self,
                        int                       response,
                        GtkFileChooserNative     *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    rapport_preferences_window_export_to (self, file);
  else
    rapport_preferences_window_restore_from (self, file);
}

static void
on_export_row_activated_cb (RapportPreferencesWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GtkFileFilter) filter = progress_file_filter ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  /* Translators: the file name suggested for an export; the placeholder is a date */
  name = g_strdup_printf (_("Rapport progress %s.rapport-progress"), date);
  rapport_file_chooser_show (&self->chooser, GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                             _("Export Progress"), _("_Export"), name, filter,
                             G_CALLBACK (on_chooser_response_cb), self);
}

/* Restore */

static void
on_restore_dialog_response_cb (RapportPreferencesWindow *self,
                               const char               *response,
                               AdwMessageDialog         *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_steal_pointer (&self->restore_file);
  g_autofree char *path = NULL;

  if (!g_str_equal (response, "restore") || file == NULL)
    return;

  path = g_file_get_path (file);
  if (!rapport_store_restore_from_file (self->store, path, &error))
    {
      rapport_show_error (GTK_WIDGET (self), _("Could Not Restore Progress"), error);
      return;
    }

  toast (self, adw_toast_new (_("Progress restored")));
}

/* Asks first: restoring replaces everything the store holds now. */
void
rapport_preferences_window_restore_from (RapportPreferencesWindow *self,
                                         GFile                    *file)
{
  g_autofree char *basename = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (RAPPORT_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store != NULL);

  g_set_object (&self->restore_file, file);
  basename = g_file_get_basename (file);

  /* Translators: the placeholder is a file name */
  body = g_strdup_printf (_("Your lessons, quiz results and journal will be replaced by the contents of “%s”. "
                            "A backup of what you have now is kept first."),
                          basename);
  rapport_confirm_dialog_show (GTK_WIDGET (self), _("Replace Your Progress?"), body,
                               "cancel", _("_Cancel"),
                               "restore", _("_Replace"),
                               G_CALLBACK (on_restore_dialog_response_cb), self);
}

static void
on_restore_row_activated_cb (RapportPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = progress_file_filter ();

  rapport_file_chooser_show (&self->chooser, GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                             _("Restore Progress"), _("_Open"), NULL, filter,
                             G_CALLBACK (on_chooser_response_cb), self);
}

/* Reset, with undo: the store keeps a backup of what it removed, and
 * "Undo" restores that copy.
 */

static void
on_reset_undo_cb (RapportPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->undo_path == NULL)
    return;

  if (!rapport_store_restore_from_file (self->store, self->undo_path, &error))
    {
      rapport_show_error (GTK_WIDGET (self), _("Could Not Undo the Reset"), error);
      return;
    }

  g_clear_pointer (&self->undo_path, g_free);
  toast (self, adw_toast_new (_("Progress brought back")));
}

static void
on_reset_dialog_response_cb (RapportPreferencesWindow *self,
                             const char               *response,
                             AdwMessageDialog         *dialog)
{
  g_autoptr(GError) error = NULL;
  AdwToast *reset_toast;

  if (!g_str_equal (response, "reset"))
    return;

  if (!rapport_store_reset (self->store, &error))
    {
      rapport_show_error (GTK_WIDGET (self), _("Could Not Reset Progress"), error);
      return;
    }

  g_free (self->undo_path);
  self->undo_path = g_strdup (rapport_store_get_reset_backup_path (self->store));

  reset_toast = adw_toast_new (_("Progress reset"));
  adw_toast_set_button_label (reset_toast, _("_Undo"));
  adw_toast_set_priority (reset_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (reset_toast, 10);
  g_signal_connect_object (reset_toast, "button-clicked",
                           G_CALLBACK (on_reset_undo_cb), self,
                           G_CONNECT_SWAPPED);
  toast (self, reset_toast);
}

static void
on_reset_row_activated_cb (RapportPreferencesWindow *self)
{
  rapport_confirm_dialog_show (GTK_WIDGET (self),
                               _("Reset All Progress?"),
                               _("Every lesson mark, quiz result and journal entry will be removed. "
                                 "You can undo this right afterwards, and a backup is kept."),
                               "cancel", _("_Cancel"),
                               "reset", _("_Reset"),
                               G_CALLBACK (on_reset_dialog_response_cb), self);
}

static gboolean
color_scheme_to_row (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_scheme_nicks); i++)
    {
      if (g_str_equal (nick, color_scheme_nicks[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
row_to_color_scheme (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  guint row = g_value_get_uint (value);

  if (row >= G_N_ELEMENTS (color_scheme_nicks))
    return NULL;

  return g_variant_new_string (color_scheme_nicks[row]);
}

static void
rapport_preferences_window_constructed (GObject *object)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (rapport_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_to_row,
                                row_to_color_scheme,
                                NULL, NULL);

  if (self->store == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->reset_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->data_group), FALSE);
      adw_preferences_group_set_description (self->data_group,
                                             _("Your progress could not be opened, so it cannot be exported or restored. "
                                               "The message at the top of the main window says why."));
    }
}

static void
rapport_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_preferences_window_dispose (GObject *object)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_PREFERENCES_WINDOW);
  rapport_file_chooser_clear (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->restore_file);
  g_clear_pointer (&self->undo_path, g_free);

  G_OBJECT_CLASS (rapport_preferences_window_parent_class)->dispose (object);
}

static void
rapport_preferences_window_class_init (RapportPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_preferences_window_constructed;
  object_class->dispose = rapport_preferences_window_dispose;
  object_class->get_property = rapport_preferences_window_get_property;
  object_class->set_property = rapport_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RAPPORT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/rapport-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, data_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, reset_group);
  gtk_widget_class_bind_template_callback (widget_class, on_export_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_row_activated_cb);
}

static void
rapport_preferences_window_init (RapportPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
