/* test-journal.c: the reflection journal, driven by keyboard in a real window.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <unistd.h>

#include <adwaita.h>

#include "rapport-application.h"
#include "rapport-journal-view.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-window.h"

static RapportApplication *app;

static RapportWindow *
get_window (void)
{
  if (app == NULL)
    app = rapport_test_app_new ();

  return rapport_test_app_get_window (app);
}

static guint
count_entries (void)
{
  RapportStoreJournalQuery query = { .limit = 1000 };
  g_autoptr(GPtrArray) entries = rapport_store_list_journal_entries (rapport_application_get_store (app), &query, NULL);

  return entries->len;
}

static gboolean
editor_shown (gpointer user_data)
{
  RapportJournalView *view = rapport_window_get_journal_view (RAPPORT_WINDOW (user_data));

  return rapport_journal_view_get_can_go_back (view);
}

/* A row on screen: the list view's item whose title reads @title. */
static GtkWidget *
find_row (RapportWindow *window,
          const char    *title)
{
  RapportJournalView *view = rapport_window_get_journal_view (window);
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();

  rapport_test_collect_widgets (GTK_WIDGET (view), GTK_TYPE_BOX, boxes);
  for (guint i = 0; i < boxes->len; i++)
    {
      GtkWidget *label;

      if (g_object_get_data (boxes->pdata[i], "uuid") == NULL || !gtk_widget_get_mapped (boxes->pdata[i]))
        continue;
      label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (boxes->pdata[i]));
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), title) == 0)
        return boxes->pdata[i];
    }

  return NULL;
}

/* Activates a row as a click would. */
static void
activate_row (RapportWindow *window,
              GtkWidget     *row)
{
  GtkWidget *list = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_VIEW);

  g_signal_emit_by_name (list, "activate", GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "position")));
}

/* Whether a row shows a line with exactly this markup. */
static gboolean
row_has_line (GtkWidget  *row,
              const char *markup)
{
  for (GtkWidget *label = gtk_widget_get_first_child (row);
       label != NULL;
       label = gtk_widget_get_next_sibling (label))
    if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), markup) == 0)
      return TRUE;

  return FALSE;
}

/* Draft: the first process types and is killed; the second finds it. */
static void
test_draft_child (void)
{
  RapportWindow *window;

  if (!g_test_subprocess ())
    {
      g_test_skip ("Runs as a subprocess of /rapport/journal/draft-survives-kill");
      return;
    }

  window = get_window ();
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>n");
  g_assert_true (rapport_test_wait_until (editor_shown, window, 3000));
  rapport_test_type_text (GTK_WINDOW (window), "half written");
  /* Past the draft delay, then the hardest stop there is. */
  g_usleep (800 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  kill (getpid (), SIGKILL);
}

static void
test_draft_survives_kill (void)
{
  RapportWindow *window;
  GtkWidget *label;
  GtkWidget *title;

  g_setenv ("RAPPORT_TEST_SHARE_ROOT", "1", TRUE);
  g_test_trap_subprocess ("/rapport/journal/draft-child", 60 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("RAPPORT_TEST_SHARE_ROOT");
  g_test_trap_assert_failed ();  /* it was killed */

  window = get_window ();
  rapport_window_set_view (window, "journal");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
  label = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "You have an unsaved entry.");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  rapport_test_save_screenshot (GTK_WIDGET (window), "journal-draft");

  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>n");
  g_assert_true (rapport_test_wait_until (editor_shown, window, 3000));
  title = rapport_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "_Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "half written");
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                              "Your unsaved draft was brought back."));
  /* Saving turns the draft into an entry. */
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>s");
  g_assert_cmpuint (count_entries (), ==, 1);
  g_assert_null (rapport_store_load_draft (rapport_application_get_store (app), NULL, NULL));
  rapport_journal_view_reload (rapport_window_get_journal_view (window));
  g_assert_nonnull (find_row (window, "half written"));
}

typedef struct
{
  RapportWindow *window;
  const char    *text;
} ToastWait;

static gboolean
label_mapped (gpointer data)
{
  ToastWait *wait = data;
  GtkWidget *label = rapport_test_find_widget (GTK_WIDGET (wait->window), GTK_TYPE_LABEL, wait->text);

  return label != NULL && gtk_widget_get_mapped (label);
}

/* A message that replaces another comes after that one's animation. */
static gboolean
toast_shown (RapportWindow *window,
             const char    *text)
{
  ToastWait wait = { window, text };

  return rapport_test_wait_until (label_mapped, &wait, 5000);
}

static GtkWidget *
find_undo (RapportWindow *window)
{
  GtkWidget *button = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo");

  return button != NULL ? button : rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Undo");
}

static gboolean
undo_shown (gpointer window)
{
  GtkWidget *button = find_undo (window);

  return button != NULL && gtk_widget_get_mapped (button);
}

static void
test_write_search_edit_delete (void)
{
  RapportWindow *window = get_window ();
  RapportJournalView *view = rapport_window_get_journal_view (window);
  RapportJournalEditor *editor;
  RapportStore *store = rapport_application_get_store (app);
  g_autoptr(RapportStoreEntry) saved = NULL;
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *toast_button;
  guint before = count_entries ();

  /* Ctrl+N from another view opens a new entry. */
  rapport_window_set_view (window, "learn");
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>n");
  g_assert_true (rapport_test_wait_until (editor_shown, window, 3000));
  g_assert_cmpstr (rapport_window_get_view (window), ==, "journal");
  editor = rapport_journal_view_get_editor (view);

  /* Keyboard only: the title has the focus; then Tab along to Empathy's
   * "4" and press space.
   */
  rapport_test_type_text (GTK_WINDOW (window), "angry refund call");
  {
    GtkWidget *empathy = gtk_widget_get_ancestor (rapport_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_LABEL, "Empathy"),
                                                  GTK_TYPE_LIST_BOX_ROW);
    GtkWidget *four;
    guint presses = 0;

    g_assert_nonnull (empathy);
    four = rapport_test_find_widget (empathy, GTK_TYPE_TOGGLE_BUTTON, "4");
    g_assert_nonnull (four);
    while (gtk_root_get_focus (GTK_ROOT (window)) != four && presses++ < 80)
      rapport_test_press_keys (GTK_WINDOW (window), "Tab");
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == four);
    rapport_test_press_keys (GTK_WINDOW (window), "space");
    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (four)));
    /* The rubric sentence for level 4 shows beside the rating. */
    g_assert_true (g_str_has_prefix (gtk_label_get_text (g_object_get_data (G_OBJECT (empathy), "subtitle")), "4/5: "));
  }
  rapport_test_save_screenshot (GTK_WIDGET (window), "journal-editor");
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", "dark");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  rapport_test_save_screenshot (GTK_WIDGET (window), "journal-editor-narrow-dark");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", "default");
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>s");
  g_assert_cmpuint (count_entries (), ==, before + 1);
  g_assert_false (rapport_journal_view_get_can_go_back (view));

  /* The list shows it with its rating; search finds it with the match. */
  rapport_test_wait_for_frames (GTK_WIDGET (window), 5);
  row = find_row (window, "angry refund call");
  g_assert_nonnull (row);
  g_assert_true (row_has_line (row, "Empathy 4/5"));
  rapport_test_save_screenshot (GTK_WIDGET (window), "journal-list");
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", "dark");
  rapport_test_save_screenshot (GTK_WIDGET (window), "journal-list-dark");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  rapport_test_save_screenshot (GTK_WIDGET (window), "journal-list-narrow-dark");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", "default");

  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>f");
  rapport_test_type_text (GTK_WINDOW (window), "refund");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 20);  /* the search entry's delay */
  {
    GtkWidget *entry = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "refund");
    g_signal_emit_by_name (entry, "search-changed");
  }
  g_assert_cmpuint (rapport_journal_view_get_n_shown (view), ==, 1);
  row = find_row (window, "angry refund call");
  g_assert_nonnull (row);
  /* The matching word is highlighted in bold. */
  g_assert_true (row_has_line (row, "angry <b>refund</b> call"));
  rapport_test_save_screenshot (GTK_WIDGET (window), "journal-search");

  /* A search with no match says so. */
  rapport_test_type_text (GTK_WINDOW (window), "zzz");
  {
    GtkWidget *entry = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);

    g_signal_emit_by_name (entry, "search-changed");
    g_assert_cmpuint (rapport_journal_view_get_n_shown (view), ==, 0);
    g_assert_true (gtk_widget_get_mapped (rapport_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE,
                                                                    "No Matching Entries")));
    gtk_editable_set_text (GTK_EDITABLE (entry), "refund");
    g_signal_emit_by_name (entry, "search-changed");
  }

  /* Edit: open it, change the title, save. */
  row = find_row (window, "angry refund call");
  activate_row (window, row);
  g_assert_true (rapport_test_wait_until (editor_shown, window, 3000));
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>a");
  rapport_test_type_text (GTK_WINDOW (window), "calm refund call");
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>s");
  {
    RapportStoreJournalQuery query = { .search = "calm", .limit = 10 };
    g_autoptr(GPtrArray) found = rapport_store_list_journal_entries (store, &query, NULL);

    g_assert_cmpuint (found->len, ==, 1);
    saved = rapport_store_entry_copy (found->pdata[0]);
    g_assert_cmpint (rapport_store_entry_get_rating (saved, "empathy"), ==, 4);
  }
  g_assert_cmpuint (count_entries (), ==, before + 1);

  /* Delete shows a toast whose Undo brings the entry back. */
  rapport_journal_view_open_entry (view, saved->uuid);
  button = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Delete");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (count_entries (), ==, before);
  /* It replaces "Entry saved", after that one's animation. */
  g_assert_true (rapport_test_wait_until (undo_shown, window, 5000));
  toast_button = find_undo (window);
  g_assert_nonnull (toast_button);
  rapport_test_save_screenshot (GTK_WIDGET (window), "journal-deleted");
  g_signal_emit_by_name (toast_button, "clicked");
  g_assert_cmpuint (count_entries (), ==, before + 1);
  {
    g_autoptr(RapportStoreEntry) back = rapport_store_get_journal_entry (store, saved->uuid, NULL);

    g_assert_nonnull (back);
    g_assert_cmpstr (back->title, ==, "calm refund call");
    g_assert_cmpint (rapport_store_entry_get_rating (back, "empathy"), ==, 4);
  }
}

static void
test_export_import (void)
{
  RapportWindow *window = get_window ();
  RapportJournalView *view = rapport_window_get_journal_view (window);
  RapportStore *store = rapport_application_get_store (app);
  g_autofree char *dir = g_dir_make_tmp ("rapport-export-XXXXXX", NULL);
  g_autofree char *json_path = g_build_filename (dir, "journal.json", NULL);
  g_autofree char *md_path = g_build_filename (dir, "journal.md", NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) md_file = g_file_new_for_path (md_path);
  g_autofree char *markdown = NULL;
  g_autofree char *json = NULL;
  guint before = count_entries ();
  GStatBuf st;

  g_assert_cmpuint (before, >, 0);
  rapport_window_set_view (window, "journal");

  /* Markdown to read, JSON to move: both private files. */
  g_assert_true (rapport_journal_view_export_to (view, "markdown", md_file));
  g_assert_true (rapport_journal_view_export_to (view, "json", json_file));
  g_assert_cmpint (g_stat (md_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (json_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (md_path, &markdown, NULL, NULL));
  g_assert_nonnull (strstr (markdown, "calm refund call"));
  g_assert_nonnull (strstr (markdown, "Empathy: 4/5"));
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"format\" : \"rapport-journal\""));
  g_assert_true (toast_shown (window, "Journal exported to “journal.json”"));

  /* Importing what is already there adds nothing… */
  g_assert_true (rapport_journal_view_import_from (view, json_file));
  g_assert_cmpuint (count_entries (), ==, before);
  g_assert_true (toast_shown (window, "Nothing new to import: every entry is already in your journal"));

  /* …and after a reset it brings every entry back. */
  g_assert_true (rapport_store_reset (store, NULL));
  g_assert_cmpuint (count_entries (), ==, 0);
  g_assert_true (rapport_journal_view_import_from (view, json_file));
  g_assert_cmpuint (count_entries (), ==, before);
  g_assert_nonnull (find_row (window, "calm refund call"));
}

/* Leaving the editor keeps a draft only of what the user changed. */
static void
test_leave_unchanged (void)
{
  RapportWindow *window = get_window ();
  RapportJournalView *view = rapport_window_get_journal_view (window);
  RapportStore *store = rapport_application_get_store (app);
  RapportStoreJournalQuery query = { .limit = 1 };
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *banner;

  rapport_window_set_view (window, "journal");
  entries = rapport_store_list_journal_entries (store, &query, NULL);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_null (rapport_store_load_draft (store, NULL, NULL));

  /* An entry opened and left as it was, and a new one left empty. */
  rapport_journal_view_open_entry (view, ((RapportStoreEntry *) entries->pdata[0])->uuid);
  g_assert_true (rapport_test_wait_until (editor_shown, window, 3000));
  rapport_test_press_keys (GTK_WINDOW (window), "<Alt>Left");
  g_assert_false (editor_shown (window));
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>n");
  g_assert_true (rapport_test_wait_until (editor_shown, window, 3000));
  rapport_test_press_keys (GTK_WINDOW (window), "<Alt>Left");
  g_assert_false (editor_shown (window));
  g_assert_null (rapport_store_load_draft (store, NULL, NULL));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 5);
  banner = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "You have an unsaved entry.");
  g_assert_false (banner != NULL && gtk_widget_get_mapped (banner));

  /* One typed letter is worth keeping. */
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>n");
  g_assert_true (rapport_test_wait_until (editor_shown, window, 3000));
  rapport_test_type_text (GTK_WINDOW (window), "x");
  rapport_test_press_keys (GTK_WINDOW (window), "<Alt>Left");
  g_assert_nonnull (rapport_store_load_draft (store, NULL, NULL));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 5);
  banner = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "You have an unsaved entry.");
  g_assert_true (banner != NULL && gtk_widget_get_mapped (banner));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  rapport_test_init (&argc, &argv);

  /* The killed subprocess must be the only instance of the app. */
  g_test_add_func ("/rapport/journal/draft-survives-kill", test_draft_survives_kill);
  g_test_add_func ("/rapport/journal/draft-child", test_draft_child);
  g_test_add_func ("/rapport/journal/write-search-edit-delete", test_write_search_edit_delete);
  g_test_add_func ("/rapport/journal/export-import", test_export_import);
  g_test_add_func ("/rapport/journal/leave-unchanged", test_leave_unchanged);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
