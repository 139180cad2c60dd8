/* test-window.c: the main window, driven under Xvfb as a user would.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rapport-application.h"
#include "rapport-preferences-window.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-window.h"

static RapportApplication *app;

typedef struct
{
  const char *name;
  const char *title;        /* as the switcher shows it */
  const char *empty_title;  /* the empty state a user sees there */
  const char *shortcut;
} View;

static const View views[] = {
  { "learn",    "_Learn",    "No Topics Yet",         "<Alt>1" },
  { "journal",  "_Journal",  "Your Journal Is Empty", "<Alt>2" },
  { "progress", "_Progress", "Nothing to Chart Yet",  "<Alt>3" },
  { "packs",    "P_acks",    "No Lesson Packs",       "<Alt>4" },
};

static gboolean
widget_is_mapped (gpointer user_data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (user_data));
}

static RapportWindow *
get_window (void)
{
  return rapport_test_app_get_window (app);
}

static void
close_all_windows (void)
{
  rapport_test_app_close_windows (app);
}

typedef struct
{
  RapportWindow *window;
  const char    *view;
} ViewWait;

static gboolean
view_is (gpointer user_data)
{
  ViewWait *wait = user_data;

  return g_strcmp0 (rapport_window_get_view (wait->window), wait->view) == 0;
}

/* What the user sees: the status page of the view, mapped on screen. */
typedef struct
{
  RapportWindow *window;
  const View    *view;
} EmptyWait;

static gboolean
empty_state_mapped (gpointer user_data)
{
  EmptyWait *wait = user_data;
  GtkWidget *page;

  page = rapport_test_find_widget (GTK_WIDGET (wait->window), ADW_TYPE_STATUS_PAGE, wait->view->empty_title);
  return page != NULL && gtk_widget_get_mapped (page);
}

static void
assert_empty_state_shown (RapportWindow *window,
                          const View    *view)
{
  EmptyWait wait = { window, view };
  GtkWidget *page;

  /* The Learn view finds out in the background that there is no course. */
  g_assert_true (rapport_test_wait_until (empty_state_mapped, &wait, 3000));
  page = rapport_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, view->empty_title);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (page)));
  g_assert_cmpuint (strlen (adw_status_page_get_description (ADW_STATUS_PAGE (page))), >, 20);
}

typedef struct
{
  GtkWidget  *switcher;
  const char *title;
  GtkWidget  *found;
} ButtonSearch;

static gboolean
switcher_button_shown (gpointer user_data)
{
  ButtonSearch *search = user_data;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  rapport_test_collect_widgets (search->switcher, GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      g_autofree char *label = NULL;

      g_object_get (buttons->pdata[i], "label", &label, NULL);
      if (g_strcmp0 (label, search->title) == 0 && gtk_widget_get_mapped (buttons->pdata[i]))
        {
          search->found = buttons->pdata[i];
          return TRUE;
        }
    }

  return FALSE;
}

/* The button a user would click, once it is on screen (the bottom bar slides in). */
static GtkWidget *
find_switcher_button (GtkWidget  *switcher,
                      const char *title)
{
  ButtonSearch search = { switcher, title, NULL };

  rapport_test_wait_until (switcher_button_shown, &search, 2000);

  return search.found;
}

static void
test_views_switcher (void)
{
  RapportWindow *window = get_window ();
  GtkWidget *switcher;

  /* Wide: the switcher sits in the header bar. */
  switcher = rapport_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE, NULL);
  g_assert_nonnull (switcher);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      guint j = G_N_ELEMENTS (views) - 1 - i;   /* visit in reverse so every click changes view */
      ViewWait wait = { window, views[j].name };
      GtkWidget *button = find_switcher_button (switcher, views[j].title);

      g_assert_nonnull (button);
      gtk_widget_activate (button);
      g_assert_true (rapport_test_wait_until (view_is, &wait, 2000));
      assert_empty_state_shown (window, &views[j]);
    }

  close_all_windows ();
}

static void
test_views_shortcuts (void)
{
  RapportWindow *window = get_window ();

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      guint j = (i + 1) % G_N_ELEMENTS (views);   /* start away from the current view */
      ViewWait wait = { window, views[j].name };

      rapport_test_press_keys (GTK_WINDOW (window), views[j].shortcut);
      g_assert_true (rapport_test_wait_until (view_is, &wait, 2000));
      assert_empty_state_shown (window, &views[j]);
    }

  close_all_windows ();
}

static void
test_empty_state_action (void)
{
  RapportWindow *window = get_window ();
  ViewWait wait = { window, "packs" };
  GtkWidget *button;

  rapport_window_set_view (window, "learn");
  assert_empty_state_shown (window, &views[0]);
  button = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Go to Packs");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  gtk_widget_activate (button);
  g_assert_true (rapport_test_wait_until (view_is, &wait, 2000));

  close_all_windows ();
}

typedef struct
{
  AdwViewSwitcherBar *bar;
  gboolean            revealed;
} BarWait;

static gboolean
bar_reveal_is (gpointer user_data)
{
  BarWait *wait = user_data;

  return adw_view_switcher_bar_get_reveal (wait->bar) == wait->revealed;
}

static void
screenshot_all_views (RapportWindow *window,
                      const char    *variant)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s", views[i].name, variant);
      const char *path;

      rapport_window_set_view (window, views[i].name);
      path = rapport_test_save_screenshot (GTK_WIDGET (window), name);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
set_dark (gboolean dark)
{
  GSettings *settings = rapport_application_get_settings (app);

  g_settings_set_string (settings, "color-scheme", dark ? "dark" : "light");
  g_assert_cmpint (adw_style_manager_get_dark (adw_style_manager_get_default ()), ==, dark);
}

/* A narrow window moves the view switcher from the header bar to a bar at the
 * bottom; every view is captured wide and narrow, light and dark.
 */
static void
test_adaptive_layout (void)
{
  GSettings *settings = rapport_application_get_settings (app);
  RapportWindow *window;
  BarWait wait;
  GtkWidget *bar;

  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 700);
  window = get_window ();
  bar = rapport_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL);
  wait = (BarWait) { ADW_VIEW_SWITCHER_BAR (bar), FALSE };
  g_assert_true (rapport_test_wait_until (bar_reveal_is, &wait, 2000));

  set_dark (FALSE);
  screenshot_all_views (window, "wide-light");
  set_dark (TRUE);
  screenshot_all_views (window, "wide-dark");
  close_all_windows ();

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 640);
  window = get_window ();
  bar = rapport_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL);
  wait = (BarWait) { ADW_VIEW_SWITCHER_BAR (bar), TRUE };
  g_assert_true (rapport_test_wait_until (bar_reveal_is, &wait, 2000));
  g_assert_true (gtk_widget_get_mapped (bar));
  /* The bottom bar switches views too. */
  {
    GtkWidget *button = find_switcher_button (bar, "_Journal");
    ViewWait view_wait = { window, "journal" };

    g_assert_nonnull (button);
    gtk_widget_activate (button);
    g_assert_true (rapport_test_wait_until (view_is, &view_wait, 2000));
  }

  screenshot_all_views (window, "narrow-dark");
  set_dark (FALSE);
  screenshot_all_views (window, "narrow-light");

  g_settings_reset (settings, "color-scheme");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  close_all_windows ();
}

static gboolean
preferences_shown (gpointer user_data)
{
  return rapport_test_find_toplevel (RAPPORT_TYPE_PREFERENCES_WINDOW) != NULL;
}

static void
test_preferences_color_scheme (void)
{
  GSettings *settings = rapport_application_get_settings (app);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  RapportWindow *window;
  GtkWindow *preferences;
  GtkWidget *row;

  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_false (adw_style_manager_get_dark (style_manager));

  window = get_window ();
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>comma");
  g_assert_true (rapport_test_wait_until (preferences_shown, NULL, 3000));
  preferences = rapport_test_find_toplevel (RAPPORT_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));

  row = rapport_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, "_Style");
  g_assert_nonnull (row);
  /* The row shows the stored choice… */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);
  rapport_test_save_screenshot (GTK_WIDGET (preferences), "preferences-light");

  /* …and a new choice is applied at once and kept. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));
  {
    g_autofree char *stored = g_settings_get_string (settings, "color-scheme");

    g_assert_cmpstr (stored, ==, "dark");
  }
  rapport_test_save_screenshot (GTK_WIDGET (preferences), "preferences-dark");

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);
  {
    g_autofree char *stored = g_settings_get_string (settings, "color-scheme");

    g_assert_cmpstr (stored, ==, "default");
  }

  gtk_window_destroy (preferences);
  close_all_windows ();
}

static gboolean
about_shown (gpointer user_data)
{
  return rapport_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW) != NULL;
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static void
test_primary_menu_and_about (void)
{
  RapportWindow *window = get_window ();
  GtkWidget *menu_button;
  GtkWidget *popover;
  GMenuModel *menu;
  GtkWindow *about;

  menu_button = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (menu_button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  g_assert_true (menu_has_action (menu, "app.preferences"));
  g_assert_true (menu_has_action (menu, "app.shortcuts"));
  g_assert_true (menu_has_action (menu, "app.about"));

  /* F10 opens the menu, as in every GNOME app. */
  rapport_test_press_keys (GTK_WINDOW (window), "F10");
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  g_assert_true (rapport_test_wait_until (widget_is_mapped, popover, 2000));
  g_assert_nonnull (rapport_test_find_widget (popover, GTK_TYPE_WIDGET, "_About Rapport"));
  rapport_test_save_screenshot (popover, "primary-menu");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.about", NULL));
  g_assert_true (rapport_test_wait_until (about_shown, NULL, 3000));
  about = rapport_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Rapport");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  rapport_test_save_screenshot (GTK_WIDGET (about), "about");

  gtk_window_destroy (about);
  close_all_windows ();
}

static gboolean
shortcuts_shown (gpointer user_data)
{
  return rapport_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) != NULL;
}

static gboolean
accels_equal (const char *a,
              const char *b)
{
  guint key_a, key_b;
  GdkModifierType mods_a, mods_b;

  if (!gtk_accelerator_parse (a, &key_a, &mods_a) || !gtk_accelerator_parse (b, &key_b, &mods_b))
    return FALSE;

  return key_a == key_b && mods_a == mods_b;
}

static gboolean
shortcut_listed (GPtrArray  *listed,
                 const char *accel)
{
  for (guint i = 0; i < listed->len; i++)
    {
      if (accels_equal (listed->pdata[i], accel))
        return TRUE;
    }

  return FALSE;
}

/* Every shortcut the application answers to must appear in the shortcuts
 * window, so adding one without listing it fails here.
 */
static void
test_shortcuts_window (void)
{
  RapportWindow *window = get_window ();
  g_auto(GStrv) actions = NULL;
  g_autoptr(GPtrArray) shortcut_widgets = g_ptr_array_new ();
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *shortcuts;

  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>question");
  g_assert_true (rapport_test_wait_until (shortcuts_shown, NULL, 3000));
  shortcuts = rapport_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  rapport_test_save_screenshot (GTK_WIDGET (shortcuts), "shortcuts");

  rapport_test_collect_widgets (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT, shortcut_widgets);
  for (guint i = 0; i < shortcut_widgets->len; i++)
    {
      char *accel = NULL;

      g_object_get (shortcut_widgets->pdata[i], "accelerator", &accel, NULL);
      g_ptr_array_add (listed, accel);
    }

  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_assert_cmpuint (g_strv_length (actions), >=, 4);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          if (!shortcut_listed (listed, accels[j]))
            g_error ("%s (%s) is missing from the shortcuts window", accels[j], actions[i]);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_assert_true (shortcut_listed (listed, views[i].shortcut));

  gtk_window_destroy (shortcuts);
  close_all_windows ();
}

static gboolean
window_is_maximized (gpointer user_data)
{
  return gtk_window_is_maximized (GTK_WINDOW (user_data));
}

static gboolean
window_is_820_wide (gpointer user_data)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (user_data));

  /* The surface is the window as the desktop sees it, decorations included. */
  return surface != NULL && gdk_surface_get_width (surface) == 820;
}

static void
test_window_state_restored (void)
{
  GSettings *settings = rapport_application_get_settings (app);
  RapportWindow *window = get_window ();
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 820, 610);
  rapport_window_set_view (window, "progress");
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next start comes back the way it was left. */
  window = get_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 610);
  g_assert_true (rapport_test_wait_until (window_is_820_wide, window, 3000));
  g_assert_cmpstr (rapport_window_get_view (window), ==, "progress");
  close_all_windows ();

  g_settings_set_boolean (settings, "window-maximized", TRUE);
  window = get_window ();
  g_assert_true (rapport_test_wait_until (window_is_maximized, window, 3000));
  rapport_window_set_view (window, "journal");
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* Closing a maximized window keeps the size it returns to when unmaximized. */
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  close_all_windows ();

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
  g_settings_reset (settings, "last-view");
}

typedef struct
{
  GSubprocess *process;
  gboolean     done;
} Launch;

static void
on_second_launch_done_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  Launch *launch = user_data;

  g_assert_true (g_subprocess_wait_finish (launch->process, result, NULL));
  launch->done = TRUE;
}

static gboolean
launch_done (gpointer user_data)
{
  return ((Launch *) user_data)->done;
}

static void
on_activate_count_cb (GApplication *application,
                      guint        *count)
{
  (*count)++;
}

/* A second `rapport` started from the shell must hand over to this instance
 * and exit, leaving one window.
 */
static void
test_single_instance (void)
{
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("RAPPORT_BINARY");
  RapportWindow *window = get_window ();
  Launch launch = { NULL, FALSE };
  guint activations = 0;
  gulong handler;

  g_assert_nonnull (binary);
  g_assert_true (g_application_get_is_registered (G_APPLICATION (app)));
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));

  handler = g_signal_connect (app, "activate", G_CALLBACK (on_activate_count_cb), &activations);

  launch.process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, binary, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (launch.process, NULL, on_second_launch_done_cb, &launch);
  g_assert_true (rapport_test_wait_until (launch_done, &launch, 20000));

  g_assert_true (g_subprocess_get_if_exited (launch.process));
  g_assert_cmpint (g_subprocess_get_exit_status (launch.process), ==, 0);
  g_assert_cmpuint (activations, ==, 1);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));

  g_signal_handler_disconnect (app, handler);
  g_clear_object (&launch.process);
  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  rapport_test_init (&argc, &argv);

  /* These tests cover the shell, so the Learn view shows its empty state:
   * the course is tested in test-learn.c.
   */
  g_setenv ("RAPPORT_CORE_PACK", "/nonexistent", TRUE);

  app = rapport_test_app_new ();

  g_test_add_func ("/rapport/window/views-switcher", test_views_switcher);
  g_test_add_func ("/rapport/window/views-shortcuts", test_views_shortcuts);
  g_test_add_func ("/rapport/window/empty-state-action", test_empty_state_action);
  g_test_add_func ("/rapport/window/adaptive-layout", test_adaptive_layout);
  g_test_add_func ("/rapport/window/preferences-color-scheme", test_preferences_color_scheme);
  g_test_add_func ("/rapport/window/primary-menu-and-about", test_primary_menu_and_about);
  g_test_add_func ("/rapport/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/rapport/window/state-restored", test_window_state_restored);
  g_test_add_func ("/rapport/window/single-instance", test_single_instance);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
