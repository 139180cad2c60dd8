/* rapport-application.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-application.h"
#include "rapport-preferences-window.h"
#include "rapport-catalog.h"
#include "rapport-pack-install.h"
#include "rapport-paths.h"
#include "rapport-store.h"
#include "rapport-window.h"

struct _RapportApplication
{
  AdwApplication parent_instance;

  /* owned */
  GSettings    *settings;
  RapportStore *store;
  GError       *store_error;
  RapportCatalog *catalog;
  RapportTopicLoader *loader;
  gboolean      store_opened;
  gboolean      catalog_started;
};

G_DEFINE_FINAL_TYPE (RapportApplication, rapport_application, ADW_TYPE_APPLICATION)

RapportApplication *
rapport_application_new (void)
{
  return g_object_new (RAPPORT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

GSettings *
rapport_application_get_settings (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * rapport_application_get_store:
 *
 * Returns: (transfer none) (nullable): the progress store, or %NULL when it
 *   could not be opened (see rapport_application_get_store_error())
 */
RapportStore *
rapport_application_get_store (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  /* Opened on first use, which the window arranges for just after its first
   * frame: checking the file and keeping the daily backup must not delay
   * the window.  A store that cannot be opened (a newer Rapport wrote it,
   * the folder is read-only) must not stop the app: the window says what
   * happened and nothing is written.
   */
  if (!self->store_opened)
    {
      self->store_opened = TRUE;
      self->store = rapport_store_new (&self->store_error);
    }

  return self->store;
}

/**
 * rapport_application_get_catalog:
 *
 * Returns: (transfer none): every topic of every pack; loads in the
 *   background after start-up, see #RapportCatalog:loaded
 */
RapportCatalog *
rapport_application_get_catalog (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  return self->catalog;
}

/**
 * rapport_application_get_topic_loader:
 *
 * Returns: (transfer none): the loader that checks topic files against the
 *   schema Rapport ships, for the course and for packs being imported
 */
RapportTopicLoader *
rapport_application_get_topic_loader (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  if (self->loader == NULL)
    {
      g_autoptr(GBytes) schema = NULL;
      g_autoptr(GError) error = NULL;

      schema = g_resources_lookup_data (RESOURCE_BASE_PATH "/rapport-topic.rng", 0, NULL);
      g_assert (schema != NULL);
      self->loader = rapport_topic_loader_new_from_bytes (schema, &error);
      if (self->loader == NULL)
        g_error ("The topic schema Rapport ships does not compile: %s", error->message);
    }

  return self->loader;
}

static void load_catalog (RapportApplication *self);

/* Starts reading the course in the background, once. */
void
rapport_application_load_catalog (RapportApplication *self)
{
  g_return_if_fail (RAPPORT_IS_APPLICATION (self));

  if (self->catalog_started)
    return;

  self->catalog_started = TRUE;
  load_catalog (self);
}

/* Reads the course and the installed packs again, after a pack was
 * installed or removed; the catalog's lists change in place, so every view
 * bound to them follows.
 */
void
rapport_application_reload_catalog (RapportApplication *self)
{
  g_return_if_fail (RAPPORT_IS_APPLICATION (self));

  self->catalog_started = TRUE;
  load_catalog (self);
}

static void
on_catalog_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RapportApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_catalog_load_finish (RAPPORT_CATALOG (object), result, &error))
    g_warning ("Could not load the course: %s", error->message);

  for (guint i = 0; i < rapport_catalog_get_problems (self->catalog)->len; i++)
    {
      g_autofree char *problem = rapport_problem_to_string (rapport_catalog_get_problems (self->catalog)->pdata[i]);

      g_message ("%s", problem);
    }
}

static void
load_catalog (RapportApplication *self)
{
  g_autofree char *core_pack = rapport_catalog_find_core_pack ();
  g_autofree char *data_dir = rapport_paths_get_data_dir ();
  g_auto(GStrv) installed = rapport_pack_list_installed_folders (data_dir);
  g_autoptr(GStrvBuilder) folders = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;

  /* The course first, then the packs the learner installed, by the same
   * code: a pack with problems is left out and its problems logged.
   */
  g_strv_builder_add (folders, core_pack);
  if (installed != NULL)
    g_strv_builder_addv (folders, (const char **) installed);
  all = g_strv_builder_end (folders);

  rapport_catalog_set_loader (self->catalog, rapport_application_get_topic_loader (self));
  rapport_catalog_load_async (self->catalog, (const char * const *) all, NULL,
                              on_catalog_loaded_cb, g_object_ref (self));
}

/* Why the store could not be opened, for the window's banner. */
const GError *
rapport_application_get_store_error (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  rapport_application_get_store (self);
  return self->store_error;
}

static void
apply_color_scheme (RapportApplication *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  AdwColorScheme scheme;

  g_assert (RAPPORT_IS_APPLICATION (self));

  /* The enum values in the schema mirror the three choices in Preferences. */
  switch (g_settings_get_enum (self->settings, "color-scheme"))
    {
    case 1:
      scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
      break;

    case 2:
      scheme = ADW_COLOR_SCHEME_FORCE_DARK;
      break;

    default:
      scheme = ADW_COLOR_SCHEME_DEFAULT;
      break;
    }

  adw_style_manager_set_color_scheme (style_manager, scheme);
}

static void
on_settings_color_scheme_changed_cb (RapportApplication *self,
                                     const char         *key,
                                     GSettings          *settings)
{
  apply_color_scheme (self);
}

static void
rapport_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  RapportApplication *self = user_data;
  GList *windows;

  g_assert (RAPPORT_IS_APPLICATION (self));

  /* Closing each window lets it save its size before the application ends. */
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
rapport_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  static const char *developers[] = { "The Rapport developers", NULL };
  RapportApplication *self = user_data;
  GtkWindow *window;

  g_assert (RAPPORT_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Rapport"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Practise customer-service soft skills and see how you improve."),
                         "developer-name", "The Rapport developers",
                         "developers", developers,
                         "website", "https://github.com/rapportapp/rapport",
                         "issue-url", "https://github.com/rapportapp/rapport/issues",
                         "copyright", "© 2026 The Rapport developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: replace with your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
rapport_application_preferences_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  RapportApplication *self = user_data;
  RapportPreferencesWindow *preferences;

  g_assert (RAPPORT_IS_APPLICATION (self));

  preferences = rapport_preferences_window_new (self->settings, rapport_application_get_store (self));
  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The shortcuts window is built when first asked for rather than with every
 * main window (GTK's automatic gtk/help-overlay.ui), which keeps its
 * builder work out of start-up.
 */
static void
rapport_application_shortcuts_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  RapportApplication *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  g_assert (RAPPORT_IS_APPLICATION (self));

  builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/rapport-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_set_transient_for (shortcuts,
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (shortcuts);
}

static const GActionEntry app_actions[] = {
  { "quit", rapport_application_quit_action },
  { "about", rapport_application_about_action },
  { "preferences", rapport_application_preferences_action },
  { "shortcuts", rapport_application_shortcuts_action },
};

static void
rapport_application_startup (GApplication *application)
{
  RapportApplication *self = RAPPORT_APPLICATION (application);
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *preferences_accels[] = { "<Primary>comma", NULL };
  static const char *close_accels[] = { "<Primary>w", NULL };
  static const char *shortcuts_accels[] = { "<Primary>question", NULL };
  static const char *new_entry_accels[] = { "<Primary>n", NULL };

  G_APPLICATION_CLASS (rapport_application_parent_class)->startup (application);

  g_set_application_name (_("Rapport"));
  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (on_settings_color_scheme_changed_cb),
                           self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);

  self->catalog = rapport_catalog_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-entry", new_entry_accels);
}

/* A second launch arrives here too (through D-Bus), so it raises the window
 * that is already open instead of opening another one.
 */
static void
rapport_application_activate (GApplication *application)
{
  RapportApplication *self = RAPPORT_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (rapport_window_new (self));

  gtk_window_present (window);
}

/* `rapport FILE.rapportpack`, or a pack opened from the file manager: the
 * window shows what the pack contains before anything is installed.
 */
static void
rapport_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  RapportApplication *self = RAPPORT_APPLICATION (application);
  GtkWindow *window;

  g_application_activate (application);
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_assert (RAPPORT_IS_WINDOW (window));

  /* One summary at a time: the first pack is shown. */
  if (n_files > 0)
    rapport_window_open_pack (RAPPORT_WINDOW (window), files[0]);
}

/* A clean exit leaves a copy of everything written since the last backup.
 * The windows are gone by now, so the copy keeps no one waiting; the store
 * is not opened just for this.
 */
static void
rapport_application_shutdown (GApplication *application)
{
  RapportApplication *self = RAPPORT_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !rapport_store_backup_on_exit (self->store, &error))
    g_message ("Could not back up your progress on exit: %s", error->message);

  G_APPLICATION_CLASS (rapport_application_parent_class)->shutdown (application);
}

static void
rapport_application_dispose (GObject *object)
{
  RapportApplication *self = RAPPORT_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_object (&self->catalog);
  g_clear_object (&self->loader);

  G_OBJECT_CLASS (rapport_application_parent_class)->dispose (object);
}

static void
rapport_application_class_init (RapportApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rapport_application_dispose;

  app_class->startup = rapport_application_startup;
  app_class->shutdown = rapport_application_shutdown;
  app_class->activate = rapport_application_activate;
  app_class->open = rapport_application_open;
}

static void
rapport_application_init (RapportApplication *self)
{
}
