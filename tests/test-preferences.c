/* test-preferences.c: the Data page of Preferences and the store banner,
 * driven under Xvfb as a user would.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rapport-application.h"
#include "rapport-preferences-window.h"
#include "rapport-store.h"
#include "rapport-test-utils.h"
#include "rapport-unit-utils.h"
#include "rapport-window.h"

/* The application of the main test process; subprocesses make their own. */
static RapportApplication *app;

/* Helpers: the store */

static char *
save_entry (RapportStore *store,
            const char   *title)
{
  g_autoptr(RapportStoreEntry) entry = rapport_unit_new_entry (title, NULL);

  rapport_store_entry_set_rating (entry, "empathy", 4);
  rapport_unit_save_entry (store, entry);

  return g_strdup (entry->uuid);
}

static guint
count_entries (RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = rapport_store_list_journal_entries (store, NULL, &error);

  g_assert_no_error (error);

  return entries->len;
}

/* Each test starts from an empty journal, whatever ran before it. */
static void
empty_journal (RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = rapport_store_list_journal_entries (store, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      RapportStoreEntry *entry = g_ptr_array_index (entries, i);

      rapport_store_delete_journal_entry (store, entry->uuid, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (count_entries (store), ==, 0);
}

/* A folder outside the store's own, as a user's Documents would be. */
static char *
scratch_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_home_dir (), "Documents", NULL);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));

  return g_build_filename (dir, name, NULL);
}

static char *
store_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapport", "progress.db", NULL);
}

/* Helpers: windows */

static gboolean
widget_is_mapped (gpointer user_data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (user_data));
}

static gboolean
widget_is_unmapped (gpointer user_data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (user_data));
}

static gboolean
window_is_ready (gpointer user_data)
{
  return rapport_window_get_ready (RAPPORT_WINDOW (user_data));
}

static RapportWindow *
get_window (RapportApplication *application)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (application));
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_assert_true (RAPPORT_IS_WINDOW (window));
  g_assert_true (rapport_test_wait_until (widget_is_mapped, window, 5000));
  g_assert_true (rapport_test_wait_until (window_is_ready, window, 5000));

  return RAPPORT_WINDOW (window);
}

/* Preferences and its dialogs are not application windows: every toplevel goes. */
static void
close_all_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

typedef struct
{
  GtkWidget  *root;
  GType       type;
  const char *label;     /* the widget's label, title or text property */
  GtkWidget  *found;
} Search;

static gboolean
mapped_widget_found (gpointer user_data)
{
  Search *search = user_data;
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();

  search->found = NULL;
  rapport_test_collect_widgets (search->root, search->type, widgets);
  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = widgets->pdata[i];

      if (gtk_widget_get_mapped (widget) &&
          rapport_test_find_widget (widget, search->type, search->label) == widget)
        {
          search->found = widget;
          return TRUE;
        }
    }

  return FALSE;
}

/* A widget the user can see, once it is on screen (toasts and dialogs animate in). */
static GtkWidget *
wait_for_widget (GtkWidget  *root,
                 GType       type,
                 const char *label)
{
  Search search = { root, type, label, NULL };

  if (!rapport_test_wait_until (mapped_widget_found, &search, 5000))
    g_error ("No visible %s “%s” appeared", g_type_name (type), label);

  return search.found;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
  GtkWidget  *found;
} TextSearch;

static gboolean
text_shown (gpointer user_data)
{
  TextSearch *search = user_data;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  search->found = NULL;
  rapport_test_collect_widgets (search->root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];

      /* The text as displayed, after markup is applied. */
      if (gtk_widget_get_mapped (GTK_WIDGET (label)) &&
          strstr (gtk_label_get_text (label), search->text) != NULL)
        {
          search->found = GTK_WIDGET (label);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
text_gone (gpointer user_data)
{
  return !text_shown (user_data);
}

static GtkWidget *
wait_for_text (GtkWidget  *root,
               const char *text)
{
  TextSearch search = { root, text, NULL };

  if (!rapport_test_wait_until (text_shown, &search, 5000))
    g_error ("“%s” was not shown", text);

  return search.found;
}

static gboolean
toplevel_shown (gpointer user_data)
{
  return rapport_test_find_toplevel (GPOINTER_TO_SIZE (user_data)) != NULL;
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  gpointer type = GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_true (rapport_test_wait_until (toplevel_shown, type, 5000));

  return ADW_MESSAGE_DIALOG (rapport_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* Clicks the dialog's button for RESPONSE, as a user would, and waits for the
 * dialog to go away.
 */
static void
click_response (AdwMessageDialog *dialog,
                const char       *response)
{
  const char *label = adw_message_dialog_get_response_label (dialog, response);
  GtkWidget *button;

  g_assert_nonnull (label);
  button = wait_for_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, label);
  g_assert_true (gtk_widget_is_sensitive (button));

  /* The answer may open another dialog at once (an error), so wait for this one. */
  g_object_ref (dialog);
  gtk_widget_activate (button);
  g_assert_true (rapport_test_wait_until (widget_is_unmapped, dialog, 5000));
  g_object_unref (dialog);
}

typedef struct
{
  AdwPreferencesWindow *window;
  const char           *page;
} PageWait;

static gboolean
page_is (gpointer user_data)
{
  PageWait *wait = user_data;

  return g_strcmp0 (adw_preferences_window_get_visible_page_name (wait->window), wait->page) == 0;
}

/* Opens Preferences from the main window's menu action and clicks its Data tab. */
static RapportPreferencesWindow *
open_data_page (RapportWindow *window)
{
  gpointer type = GSIZE_TO_POINTER (RAPPORT_TYPE_PREFERENCES_WINDOW);
  GtkWindow *preferences;
  GtkWidget *tab;
  PageWait wait;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  g_assert_true (rapport_test_wait_until (toplevel_shown, type, 5000));
  preferences = rapport_test_find_toplevel (RAPPORT_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));

  tab = wait_for_widget (GTK_WIDGET (preferences), GTK_TYPE_TOGGLE_BUTTON, "Data");
  gtk_widget_activate (tab);
  wait = (PageWait) { ADW_PREFERENCES_WINDOW (preferences), "data" };
  g_assert_true (rapport_test_wait_until (page_is, &wait, 2000));
  wait_for_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "_Export Progress…");

  return RAPPORT_PREFERENCES_WINDOW (preferences);
}

static GtkWidget *
find_row (RapportPreferencesWindow *preferences,
          const char               *title)
{
  GtkWidget *row = rapport_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);

  return row;
}

static void
set_color_scheme (const char *scheme,
                  gboolean    dark)
{
  GSettings *settings = rapport_application_get_settings (app);

  g_settings_set_string (settings, "color-scheme", scheme);
  g_assert_cmpint (adw_style_manager_get_dark (adw_style_manager_get_default ()), ==, dark);
}

/* /rapport/preferences/data-export */

static void
test_data_export (void)
{
  RapportStore *store = rapport_application_get_store (app);
  g_autoptr(RapportStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *toast = NULL;
  RapportPreferencesWindow *preferences;
  RapportWindow *window;
  gsize length;
  /* A name as a user might type it: the toast shows it exactly. */
  const char *name = "Calls & <notes> progress.rapport-progress";
  g_autofree char *path = scratch_path (name);

  g_assert_nonnull (store);
  empty_journal (store);
  uuid = save_entry (store, "Calmed an angry caller");

  window = get_window (app);
  preferences = open_data_page (window);
  g_assert_true (gtk_widget_is_sensitive (find_row (preferences, "_Export Progress…")));
  g_assert_true (gtk_widget_is_sensitive (find_row (preferences, "_Restore From File…")));
  g_assert_true (gtk_widget_is_sensitive (find_row (preferences, "Re_set Progress…")));

  set_color_scheme ("light", FALSE);
  rapport_test_save_screenshot (GTK_WIDGET (preferences), "preferences-data-light");
  set_color_scheme ("dark", TRUE);
  rapport_test_save_screenshot (GTK_WIDGET (preferences), "preferences-data-dark");
  set_color_scheme ("light", FALSE);

  file = g_file_new_for_path (path);
  rapport_preferences_window_export_to (preferences, file);

  /* No error dialog, and a toast that names the file. */
  g_assert_null (rapport_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  toast = g_strdup_printf ("Progress exported to “%s”", name);
  wait_for_text (GTK_WIDGET (preferences), toast);
  rapport_test_save_screenshot (GTK_WIDGET (preferences), "preferences-data-exported");

  /* The journal is private, and so is a copy of it. */
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (rapport_unit_mode_of (path), ==, 0600);

  /* The export is a whole store on its own: opened (in a copy, since opening
   * writes to it) it holds the entry and needed no repair.
   */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  copy_path = scratch_path ("opened-copy.db");
  g_file_set_contents (copy_path, contents, length, &error);
  g_assert_no_error (error);
  copy = rapport_store_new_for_path (copy_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_store_get_recovery (copy), ==, RAPPORT_STORE_RECOVERY_NONE);
  g_assert_true (rapport_unit_has_entry (copy, uuid));
  g_assert_cmpuint (count_entries (copy), ==, 1);

  /* Exporting changed nothing in the user's own data. */
  g_assert_true (rapport_unit_has_entry (store, uuid));

  g_settings_reset (rapport_application_get_settings (app), "color-scheme");
  close_all_windows ();
}

/* /rapport/preferences/data-reset-undo */

static AdwMessageDialog *
click_reset_row (RapportPreferencesWindow *preferences)
{
  GtkWidget *row = find_row (preferences, "Re_set Progress…");
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_true (gtk_widget_is_sensitive (row));
  g_assert_true (gtk_widget_activate (row));

  dialog = wait_for_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (preferences));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Reset All Progress?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "journal entry will be removed"));
  /* The safe answer is the default; the dangerous one is marked as such. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "reset"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "reset"), ==, "_Reset");

  return dialog;
}

static void
test_data_reset_undo (void)
{
  RapportStore *store = rapport_application_get_store (app);
  g_autofree char *uuid = NULL;
  RapportPreferencesWindow *preferences;
  AdwMessageDialog *dialog;
  GtkWidget *undo;

  empty_journal (store);
  uuid = save_entry (store, "Explained a late refund");

  preferences = open_data_page (get_window (app));

  /* Cancel keeps everything. */
  dialog = click_reset_row (preferences);
  rapport_test_save_screenshot (GTK_WIDGET (dialog), "preferences-reset-dialog");
  click_response (dialog, "cancel");
  g_assert_true (rapport_unit_has_entry (store, uuid));
  g_assert_cmpuint (count_entries (store), ==, 1);
  g_assert_false (text_shown (&(TextSearch) { GTK_WIDGET (preferences), "Progress reset", NULL }));

  /* Reset removes it, and says so with an Undo button… */
  dialog = click_reset_row (preferences);
  click_response (dialog, "reset");
  g_assert_false (rapport_unit_has_entry (store, uuid));
  g_assert_cmpuint (count_entries (store), ==, 0);
  wait_for_text (GTK_WIDGET (preferences), "Progress reset");
  undo = wait_for_widget (GTK_WIDGET (preferences), GTK_TYPE_BUTTON, "_Undo");
  rapport_test_save_screenshot (GTK_WIDGET (preferences), "preferences-reset-toast");

  /* …which brings it back, and the reset toast goes away. */
  gtk_widget_activate (undo);
  wait_for_text (GTK_WIDGET (preferences), "Progress brought back");
  g_assert_true (rapport_unit_has_entry (store, uuid));
  g_assert_cmpuint (count_entries (store), ==, 1);
  g_assert_true (rapport_test_wait_until (text_gone,
                                          &(TextSearch) { GTK_WIDGET (preferences), "Progress reset", NULL },
                                          5000));

  close_all_windows ();
}

/* /rapport/preferences/data-restore */

static AdwMessageDialog *
restore_from (RapportPreferencesWindow *preferences,
              const char               *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *basename = g_path_get_basename (path);
  AdwMessageDialog *dialog;

  rapport_preferences_window_restore_from (preferences, file);
  dialog = wait_for_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (preferences));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Replace Your Progress?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), basename));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "restore"), ==, "_Replace");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "restore"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);

  return dialog;
}

static void
test_data_restore (void)
{
  RapportStore *store = rapport_application_get_store (app);
  g_autofree char *exported = scratch_path ("before-changes.rapport-progress");
  g_autofree char *notes = scratch_path ("call notes.txt");
  g_autoptr(GFile) exported_file = g_file_new_for_path (exported);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  RapportPreferencesWindow *preferences;
  AdwMessageDialog *dialog;
  const char *body;

  empty_journal (store);
  first = save_entry (store, "Kept: handled a billing dispute");

  preferences = open_data_page (get_window (app));
  rapport_preferences_window_export_to (preferences, exported_file);
  wait_for_text (GTK_WIDGET (preferences), "Progress exported to");

  second = save_entry (store, "Written after the export");
  g_assert_cmpuint (count_entries (store), ==, 2);

  /* Cancel restores nothing. */
  dialog = restore_from (preferences, exported);
  click_response (dialog, "cancel");
  g_assert_true (rapport_unit_has_entry (store, second));
  g_assert_cmpuint (count_entries (store), ==, 2);

  /* Replace brings back exactly what was exported. */
  dialog = restore_from (preferences, exported);
  rapport_test_save_screenshot (GTK_WIDGET (dialog), "preferences-restore-dialog");
  click_response (dialog, "restore");
  g_assert_null (rapport_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  wait_for_text (GTK_WIDGET (preferences), "Progress restored");
  g_assert_true (rapport_unit_has_entry (store, first));
  g_assert_false (rapport_unit_has_entry (store, second));
  g_assert_cmpuint (count_entries (store), ==, 1);

  /* A file that is not a Rapport store: an error says so, and nothing changes. */
  g_file_set_contents (notes, "Customer called about a refund.\n", -1, &error);
  g_assert_no_error (error);
  dialog = restore_from (preferences, notes);
  click_response (dialog, "restore");
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Restore Progress");
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("error dialog: %s", body);
  g_assert_nonnull (strstr (body, "call notes.txt"));
  g_assert_nonnull (strstr (body, "is not a Rapport backup"));
  g_assert_nonnull (strstr (body, "nothing was restored"));
  rapport_test_save_screenshot (GTK_WIDGET (dialog), "preferences-restore-error");
  click_response (dialog, "close");
  g_assert_true (rapport_unit_has_entry (store, first));
  g_assert_cmpuint (count_entries (store), ==, 1);

  close_all_windows ();
}

/* /rapport/preferences/recovery-banner: each case runs in a subprocess,
 * because the application opens its store once, when it registers.
 */

static RapportApplication *
start_application (void)
{
  g_autoptr(GError) error = NULL;
  RapportApplication *application = rapport_application_new ();

  /* The main test process holds the application's name on the bus. */
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  return application;
}

typedef struct
{
  RapportWindow *window;
  GtkInfoBar    *banner;
} BannerWait;

static gboolean
banner_shown (gpointer user_data)
{
  BannerWait *wait = user_data;
  GtkWidget *revealer;

  if (rapport_window_get_banner_text (wait->window) == NULL)
    return FALSE;

  revealer = rapport_test_find_widget (GTK_WIDGET (wait->banner), GTK_TYPE_REVEALER, NULL);

  return revealer != NULL && gtk_revealer_get_child_revealed (GTK_REVEALER (revealer));
}

static gboolean
banner_hidden (gpointer user_data)
{
  GtkWidget *revealer = rapport_test_find_widget (user_data, GTK_TYPE_REVEALER, NULL);

  return !gtk_info_bar_get_revealed (user_data) &&
         !gtk_revealer_get_child_revealed (GTK_REVEALER (revealer));
}

/* The banner as the user sees it: on screen, fully slid in, with TEXT. */
static GtkInfoBar *
wait_for_banner (RapportWindow *window,
                 const char    *text)
{
  GtkWidget *banner = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_INFO_BAR, NULL);
  BannerWait wait = { window, GTK_INFO_BAR (banner) };

  g_assert_nonnull (banner);
  g_assert_true (rapport_test_wait_until (banner_shown, &wait, 5000));
  g_assert_true (gtk_widget_get_mapped (banner));
  g_assert_cmpstr (rapport_window_get_banner_text (window), ==, text);
  wait_for_text (banner, text);

  return GTK_INFO_BAR (banner);
}

static void
overwrite_header (const char *path)
{
  guint8 junk[100];
  int fd;

  memset (junk, 0x5a, sizeof junk);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, sizeof junk, 0), ==, (gssize) sizeof junk);
  close (fd);
}

static void
recovered_child (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(RapportStore) setup = NULL;
  g_autoptr(RapportApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *backups = NULL;
  RapportStore *store;
  RapportWindow *window;
  GtkInfoBar *banner;
  GtkWidget *close_button;
  const char *notice;

  /* An entry, the daily backup of the second start, a later entry, then damage. */
  setup = rapport_store_new_for_path (path, &error);
  g_assert_no_error (error);
  kept = save_entry (setup, "In the backup");
  g_clear_object (&setup);
  setup = rapport_store_new_for_path (path, &error);
  g_assert_no_error (error);
  rapport_store_wait_for_backup (setup);
  backups = rapport_store_get_backup_dir (setup);
  g_assert_true (g_file_test (backups, G_FILE_TEST_IS_DIR));
  lost = save_entry (setup, "After the backup");
  g_clear_object (&setup);
  overwrite_header (path);

  application = start_application ();
  store = rapport_application_get_store (application);
  g_assert_nonnull (store);
  g_assert_cmpint (rapport_store_get_recovery (store), ==, RAPPORT_STORE_RECOVERY_RESTORED_BACKUP);
  notice = rapport_store_get_recovery_notice (store);

  window = get_window (application);
  banner = wait_for_banner (window, notice);
  g_test_message ("banner: %s", notice);
  g_assert_cmpint (gtk_info_bar_get_message_type (banner), ==, GTK_MESSAGE_WARNING);
  g_assert_nonnull (strstr (notice, "was damaged"));
  g_assert_nonnull (strstr (notice, "restored the copy saved at "));
  /* It names the damaged copy it kept, which is really there. */
  g_assert_nonnull (strstr (notice, rapport_store_get_damaged_path (store)));
  g_assert_true (g_file_test (rapport_store_get_damaged_path (store), G_FILE_TEST_IS_REGULAR));
  rapport_test_save_screenshot (GTK_WIDGET (window), "banner-recovered");

  /* What the banner says is true: the backed-up entry is back, the later one is not. */
  g_assert_true (rapport_unit_has_entry (store, kept));
  g_assert_false (rapport_unit_has_entry (store, lost));

  /* The user can dismiss it with its close button. */
  close_button = rapport_test_find_widget (GTK_WIDGET (banner), GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (close_button);
  g_assert_true (gtk_widget_get_mapped (close_button));
  gtk_widget_activate (close_button);
  g_assert_true (rapport_test_wait_until (banner_hidden, banner, 5000));
  g_assert_null (rapport_window_get_banner_text (window));

  close_all_windows ();
}

static void
set_user_version (const char *path,
                  int         version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
unavailable_child (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(RapportStore) setup = NULL;
  g_autoptr(RapportApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *backups = NULL;
  RapportPreferencesWindow *preferences;
  RapportWindow *window;
  GtkInfoBar *banner;
  const char *text;
  const char *description;
  GStatBuf st_before, st_after;

  /* A store a newer Rapport has written. */
  setup = rapport_store_new_for_path (path, &error);
  g_assert_no_error (error);
  uuid = save_entry (setup, "Written by a newer Rapport");
  backups = rapport_store_get_backup_dir (setup);
  g_clear_object (&setup);
  set_user_version (path, RAPPORT_STORE_SCHEMA_VERSION + 1);
  g_assert_no_errno (g_stat (path, &st_before));
  before = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);

  application = start_application ();
  g_assert_null (rapport_application_get_store (application));
  g_assert_error ((GError *) rapport_application_get_store_error (application),
                  RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_TOO_NEW);

  window = get_window (application);
  text = rapport_window_get_banner_text (window);
  g_assert_nonnull (text);
  g_test_message ("banner: %s", text);
  banner = wait_for_banner (window, text);
  g_assert_cmpint (gtk_info_bar_get_message_type (banner), ==, GTK_MESSAGE_ERROR);
  g_assert_true (g_str_has_prefix (text, "Your progress could not be opened, so nothing you do "
                                         "now will be saved."));
  g_assert_nonnull (strstr (text, "newer version of Rapport"));
  rapport_test_save_screenshot (GTK_WIDGET (window), "banner-error");

  /* Preferences cannot export, restore or reset a store that is not open, and says why. */
  preferences = open_data_page (window);
  g_assert_false (gtk_widget_is_sensitive (find_row (preferences, "_Export Progress…")));
  g_assert_false (gtk_widget_is_sensitive (find_row (preferences, "_Restore From File…")));
  g_assert_false (gtk_widget_is_sensitive (find_row (preferences, "Re_set Progress…")));
  description = adw_preferences_group_get_description (
    ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (find_row (preferences, "_Export Progress…"),
                                                    ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_nonnull (strstr (description, "could not be opened"));
  wait_for_text (GTK_WIDGET (preferences), "could not be opened");
  rapport_test_save_screenshot (GTK_WIDGET (preferences), "preferences-data-unavailable");

  close_all_windows ();
  g_clear_object (&application);

  /* The newer file is exactly as it was: not migrated, not backed up, not touched. */
  g_assert_no_errno (g_stat (path, &st_after));
  after = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (st_before.st_mtim.tv_sec, ==, st_after.st_mtim.tv_sec);
  g_assert_cmpint (st_before.st_mtim.tv_nsec, ==, st_after.st_mtim.tv_nsec);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

static void
test_recovery_banner (void)
{
  rapport_test_run_in_subprocess (recovered_child);
}

static void
test_unavailable_banner (void)
{
  rapport_test_run_in_subprocess (unavailable_child);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  rapport_test_init (&argc, &argv);

  /* A subprocess makes its own application, after preparing its store. */
  if (!g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      app = rapport_application_new ();
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  g_test_add_func ("/rapport/preferences/data-export", test_data_export);
  g_test_add_func ("/rapport/preferences/data-reset-undo", test_data_reset_undo);
  g_test_add_func ("/rapport/preferences/data-restore", test_data_restore);
  g_test_add_func ("/rapport/preferences/recovery-banner", test_recovery_banner);
  g_test_add_func ("/rapport/preferences/unavailable-banner", test_unavailable_banner);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
