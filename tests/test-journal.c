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

static GtkWidget *
find_row (RapportWindow *window,
          const char    *title)
{
  return rapport_test_app_find_row (window, title);
}

static void
activate_row (RapportWindow *window,
              GtkWidget     *row)
{
  rapport_test_app_activate_row (row);
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

/* The mapped button that activates @action (an icon has no label to find). */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  rapport_test_collect_widgets (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action) == 0 &&
          gtk_widget_get_mapped (buttons->pdata[i]))
        return buttons->pdata[i];
    }

  return NULL;
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

  /* Edit: open it to read, press Edit, change the title, save. */
  row = find_row (window, "angry refund call");
  activate_row (window, row);
  g_assert_true (rapport_test_wait_until (rapport_test_app_reader_shown, window, 3000));
  gtk_widget_activate_action (GTK_WIDGET (editor), "journal.edit", NULL);
  g_assert_false (rapport_journal_editor_get_reading (editor));
  /* Nothing is selected: Ctrl+A first, to write over the title. */
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
  button = find_action_button (GTK_WIDGET (editor), "journal.delete");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
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

/* An entry through the editor, with tags: typed in the fields as pasted
 * text, @skill rated @rating with its button, Ctrl+S.
 */
static char *
write_tagged (RapportWindow *window,
              const char    *title,
              const char    *tags,
              const char    *situation,
              const char    *skill,
              int            rating)
{
  RapportJournalEditor *editor = rapport_test_app_new_entry (window);
  g_autofree char *level = g_strdup_printf ("%d", rating);
  GtkWidget *row;
  GtkWidget *toggle;
  char *uuid;

  gtk_editable_set_text (GTK_EDITABLE (rapport_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "_Title")),
                         title);
  gtk_editable_set_text (GTK_EDITABLE (rapport_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                                 "T_ags, separated by commas")),
                         tags);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (rapport_test_find_widget (GTK_WIDGET (editor),
                                                                                              GTK_TYPE_TEXT_VIEW,
                                                                                              NULL))),
                            situation, -1);
  row = gtk_widget_get_ancestor (rapport_test_find_widget (rapport_test_find_widget (GTK_WIDGET (editor),
                                                                                     ADW_TYPE_PREFERENCES_GROUP,
                                                                                     "Rate Yourself"),
                                                           GTK_TYPE_LABEL, skill),
                                 GTK_TYPE_LIST_BOX_ROW);
  toggle = rapport_test_find_widget (row, GTK_TYPE_TOGGLE_BUTTON, level);
  g_signal_emit_by_name (toggle, "clicked");
  uuid = g_strdup (rapport_journal_editor_get_uuid (editor));
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>s");
  g_assert_true (rapport_test_wait_until (rapport_test_app_editor_closed, window, 5000));

  return uuid;
}

static GtkDropDown *
tag_dropdown (RapportWindow *window)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

  /* Skill, date range, tag. */
  rapport_test_collect_widgets (GTK_WIDGET (rapport_window_get_journal_view (window)), GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 3);
  return dropdowns->pdata[2];
}

static guint
tag_position (GtkDropDown *dropdown,
              const char  *tag)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), tag) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
search_for (RapportWindow *window,
            const char    *text)
{
  GtkWidget *entry = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
}

/* What an earlier test left in the search box and the filters goes. */
static void
show_everything (RapportWindow *window)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

  rapport_window_set_view (window, "journal");
  rapport_journal_view_go_back (rapport_window_get_journal_view (window));
  search_for (window, "");
  rapport_test_collect_widgets (GTK_WIDGET (rapport_window_get_journal_view (window)), GTK_TYPE_DROP_DOWN, dropdowns);
  for (guint i = 0; i < dropdowns->len; i++)
    gtk_drop_down_set_selected (dropdowns->pdata[i], 0);
}

static void
save_list_screenshots (RapportWindow *window,
                       const char    *name)
{
  g_autofree char *dark = g_strdup_printf ("%s-dark", name);
  g_autofree char *narrow = g_strdup_printf ("%s-narrow", name);
  GSettings *settings = rapport_application_get_settings (app);

  rapport_test_wait_for_frames (GTK_WIDGET (window), 5);
  rapport_test_save_screenshot (GTK_WIDGET (window), name);
  g_settings_set_string (settings, "color-scheme", "dark");
  rapport_test_save_screenshot (GTK_WIDGET (window), dark);
  g_settings_set_string (settings, "color-scheme", "default");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
  rapport_test_save_screenshot (GTK_WIDGET (window), narrow);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
}

/* Tags: shown on each row, found by search, and a filter of their own. */
static void
test_tags (void)
{
  RapportWindow *window = get_window ();
  RapportJournalView *view = rapport_window_get_journal_view (window);
  GtkDropDown *dropdown;
  GtkWidget *row;
  GtkWidget *clear;
  guint total;

  show_everything (window);
  g_free (write_tagged (window, "overcharged twice", "billing, Refund", "The bill showed the same fee twice.",
                        "Empathy", 4));
  g_free (write_tagged (window, "slow router", "billing", "He had restarted it three times.",
                        "Active Listening", 3));
  g_free (write_tagged (window, "untagged call", "", "A quiet one about nothing in particular.",
                        "Empathy", 2));
  total = rapport_journal_view_get_n_shown (view);

  /* Each row says its tags. */
  row = rapport_test_app_wait_for_row (window, "overcharged twice");
  g_assert_nonnull (row);
  g_assert_true (row_has_line (row, "Tags: billing, Refund"));
  g_assert_false (row_has_line (rapport_test_app_wait_for_row (window, "untagged call"), "Tags: "));

  /* A word that is only a tag finds its entries. */
  search_for (window, "refund");
  g_assert_nonnull (rapport_test_app_wait_for_row (window, "overcharged twice"));
  g_assert_null (find_row (window, "slow router"));
  search_for (window, "billing router");
  g_assert_cmpuint (rapport_journal_view_get_n_shown (view), ==, 1);
  g_assert_nonnull (rapport_test_app_wait_for_row (window, "slow router"));
  search_for (window, "");

  /* The filter lists every tag; choosing one shows its entries only, and
   * a visible button clears it.
   */
  dropdown = tag_dropdown (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dropdown)));
  g_assert_cmpuint (tag_position (dropdown, "Any tag"), ==, 0);
  g_assert_cmpuint (tag_position (dropdown, "billing"), !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (tag_position (dropdown, "Refund"), !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (dropdown, tag_position (dropdown, "billing"));
  g_assert_cmpuint (rapport_journal_view_get_n_shown (view), ==, 2);
  g_assert_null (find_row (window, "untagged call"));
  clear = NULL;
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    rapport_test_collect_widgets (GTK_WIDGET (view), GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len && clear == NULL; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), "Show Every Tag") == 0)
        clear = buttons->pdata[i];
  }
  g_assert_nonnull (clear);
  g_assert_true (gtk_widget_get_mapped (clear));
  save_list_screenshots (window, "journal-tags-filter");

  /* By keyboard: Tab from the search reaches the tag filter, through the
   * drop-downs and never the flow box's cells around them.
   */
  {
    gboolean reached = FALSE;

    gtk_widget_grab_focus (rapport_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY, NULL));
    for (guint i = 0; i < 10 && !reached; i++)
      {
        GtkWidget *focus;

        rapport_test_press_keys (GTK_WINDOW (window), "Tab");
        focus = gtk_root_get_focus (GTK_ROOT (window));
        g_assert_false (GTK_IS_FLOW_BOX_CHILD (focus));
        reached = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (dropdown));
      }
    g_assert_true (reached);
  }
  g_signal_emit_by_name (clear, "clicked");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_cmpuint (rapport_journal_view_get_n_shown (view), ==, total);
  g_assert_false (gtk_widget_get_visible (clear));

  /* A tag on an entry being read lists that tag's entries. */
  activate_row (window, rapport_test_app_wait_for_row (window, "overcharged twice"));
  g_assert_true (rapport_test_wait_until (rapport_test_app_reader_shown, window, 3000));
  save_list_screenshots (window, "journal-read-tags");
  {
    GtkWidget *tag = rapport_test_find_widget (GTK_WIDGET (rapport_journal_view_get_editor (view)),
                                               GTK_TYPE_BUTTON, "billing");

    g_assert_nonnull (tag);
    g_assert_true (gtk_widget_get_mapped (tag));
    g_signal_emit_by_name (tag, "clicked");
  }
  g_assert_false (rapport_journal_view_get_can_go_back (view));
  g_assert_cmpstr (rapport_journal_view_get_tag_filter (view), ==, "billing");
  g_assert_cmpuint (rapport_journal_view_get_n_shown (view), ==, 2);

  /* No match: the page says how to get everything back, in one click. */
  search_for (window, "zzz");
  g_assert_cmpuint (rapport_journal_view_get_n_shown (view), ==, 0);
  {
    GtkWidget *button = rapport_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON, "_Clear Filters");

    g_assert_nonnull (button);
    g_assert_true (gtk_widget_get_mapped (button));
    g_signal_emit_by_name (button, "clicked");
  }
  g_assert_cmpuint (rapport_journal_view_get_n_shown (view), ==, total);
  g_assert_null (rapport_journal_view_get_tag_filter (view));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rapport_test_find_widget (GTK_WIDGET (window),
                                                                                   GTK_TYPE_SEARCH_ENTRY, NULL))),
                   ==, "");
}

static gboolean
undo_gone (gpointer view)
{
  return rapport_journal_view_get_undo_toast (view) == NULL;
}

/* A deleted entry can be brought back for as long as the user takes to
 * read the message: the toast has no timeout, and ends only when the user
 * closes it or leaves the journal.
 */
static void
test_undo_waits (void)
{
  RapportWindow *window = get_window ();
  RapportJournalView *view = rapport_window_get_journal_view (window);
  RapportStore *store = rapport_application_get_store (app);
  g_autofree char *uuid = NULL;
  g_autoptr(RapportStoreEntry) before = NULL;
  g_autoptr(RapportStoreEntry) back = NULL;
  AdwToast *toast;
  GtkWidget *button;
  const char * const tags[] = { "escalation", "phone", NULL };

  show_everything (window);
  uuid = write_tagged (window, "supervisor asked for", "escalation, phone", "She wanted a manager at once.",
                       "Empathy", 5);
  before = rapport_store_get_journal_entry (store, uuid, NULL);
  g_assert_nonnull (before);

  rapport_journal_view_open_entry (view, uuid);
  g_assert_true (rapport_test_wait_until (rapport_test_app_reader_shown, window, 3000));
  button = find_action_button (GTK_WIDGET (rapport_journal_view_get_editor (view)), "journal.delete");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_null (rapport_store_get_journal_entry (store, uuid, NULL));
  g_assert_true (rapport_test_wait_until (undo_shown, window, 5000));
  /* No timeout, so nothing ends it while the main loop runs on (the
   * toast's own timer would have been 5 s).
   */
  toast = rapport_journal_view_get_undo_toast (view);
  g_assert_nonnull (toast);
  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 0);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 30);
  g_assert_true (rapport_journal_view_get_undo_toast (view) == toast);
  g_assert_true (undo_shown (window));

  /* The keyboard is back at the top of the list, not left in the page just
   * hidden (from where GTK would move it to the window's first button).
   */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         rapport_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY, NULL)));
  save_list_screenshots (window, "journal-undo-waits");
  g_assert_true (undo_shown (window));

  /* Undo brings it back whole: text, ratings, tags. */
  g_signal_emit_by_name (find_undo (window), "clicked");
  back = rapport_store_get_journal_entry (store, uuid, NULL);
  g_assert_nonnull (back);
  g_assert_cmpstr (back->title, ==, before->title);
  g_assert_cmpstr (back->situation, ==, before->situation);
  g_assert_cmpint (rapport_store_entry_get_rating (back, "empathy"), ==, 5);
  g_assert_cmpstrv (back->tags, tags);
  g_assert_true (rapport_test_app_row_shown (window, "supervisor asked for"));

  /* Leaving the journal ends the Undo: it would act out of sight. */
  rapport_journal_view_open_entry (view, uuid);
  g_signal_emit_by_name (find_action_button (GTK_WIDGET (rapport_journal_view_get_editor (view)), "journal.delete"),
                         "clicked");
  g_assert_true (rapport_test_wait_until (undo_shown, window, 5000));
  g_assert_nonnull (rapport_journal_view_get_undo_toast (view));
  rapport_window_set_view (window, "learn");
  g_assert_true (rapport_test_wait_until (undo_gone, view, 5000));
  rapport_window_set_view (window, "journal");
  g_assert_false (undo_shown (window));
}

/* Every row of the list has a name a screen reader says: on the list item
 * that takes the focus, its title, date, ratings and tags.
 */
static void
test_row_names (void)
{
  RapportWindow *window = get_window ();
  g_autofree char *uuid = NULL;
  g_autoptr(RapportStoreEntry) entry = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *mismatch = NULL;
  GtkWidget *row;
  GtkWidget *item;
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();
  guint named = 0;

  show_everything (window);
  g_free (write_tagged (window, "another row", "", "", "Active Listening", 2));
  uuid = write_tagged (window, "named row", "retention", "Wanted to cancel.", "Empathy", 3);
  entry = rapport_store_get_journal_entry (rapport_application_get_store (app), uuid, NULL);
  local = g_date_time_to_local (entry->occurred);
  date = g_date_time_format (local, "%A %-d %B %Y, %H:%M");
  expected = g_strdup_printf ("named row, %s. Empathy 3 of 5. Tags: retention.", date);

  row = rapport_test_app_wait_for_row (window, "named row");
  g_assert_nonnull (row);
  item = gtk_widget_get_parent (row);
  g_assert_true (gtk_widget_get_focusable (item));
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  g_assert_null (mismatch);

  /* And every other row on screen has one too. */
  rapport_test_collect_widgets (GTK_WIDGET (rapport_window_get_journal_view (window)), GTK_TYPE_BOX, boxes);
  for (guint i = 0; i < boxes->len; i++)
    {
      if (g_object_get_data (boxes->pdata[i], "uuid") == NULL || !gtk_widget_get_mapped (boxes->pdata[i]))
        continue;
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (gtk_widget_get_parent (boxes->pdata[i])),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL));
      named++;
    }
  g_assert_cmpuint (named, >=, 2);
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
  g_test_add_func ("/rapport/journal/tags", test_tags);
  g_test_add_func ("/rapport/journal/undo-waits", test_undo_waits);
  g_test_add_func ("/rapport/journal/row-names", test_row_names);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
