/* test-journal-entry.c: one journal entry in a real window: read, then
 * edited; its date picked or typed; its ratings typed; its prompts.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rapport-application.h"
#include "rapport-journal-view.h"
#include "rapport-journal-when.h"
#include "rapport-skill.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-window.h"

static RapportApplication *app;

static RapportWindow *
get_window (void)
{
  RapportWindow *window;

  if (app == NULL)
    app = rapport_test_app_new ();

  window = rapport_test_app_get_window (app);
  rapport_window_set_view (window, "journal");
  return window;
}

static GtkWidget *
entry_row (RapportJournalEditor *editor,
           const char           *title)
{
  GtkWidget *row = rapport_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static GtkWidget *
button_labelled (GtkWidget  *root,
                 const char *label)
{
  GtkWidget *button = rapport_test_find_widget (root, GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  return button;
}

/* The row of the @skill-th skill among the ratings. */
static GtkWidget *
skill_row (RapportJournalEditor *editor,
           guint                 skill)
{
  /* In the ratings, not among the prompts above them. */
  GtkWidget *group = rapport_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_GROUP, "Rate Yourself");
  GtkWidget *label = rapport_test_find_widget (group, GTK_TYPE_LABEL, rapport_skill_get_nth (skill)->title);
  GtkWidget *row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);

  g_assert_nonnull (row);
  return row;
}

static int
rating_of (RapportJournalEditor *editor,
           guint                 skill)
{
  GtkWidget *row = skill_row (editor, skill);

  for (int level = 1; level <= 5; level++)
    {
      g_autofree char *text = g_strdup_printf ("%d", level);

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rapport_test_find_widget (row, GTK_TYPE_TOGGLE_BUTTON,
                                                                                    text))))
        return level;
    }

  return 0;
}

static void
save_screenshots (RapportWindow *window,
                  const char    *name)
{
  g_autofree char *dark = g_strdup_printf ("%s-dark", name);
  g_autofree char *narrow = g_strdup_printf ("%s-narrow-dark", name);
  GSettings *settings = rapport_application_get_settings (app);

  rapport_test_save_screenshot (GTK_WIDGET (window), name);
  g_settings_set_string (settings, "color-scheme", "dark");
  rapport_test_save_screenshot (GTK_WIDGET (window), dark);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
  rapport_test_save_screenshot (GTK_WIDGET (window), narrow);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  g_settings_set_string (settings, "color-scheme", "default");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
}

/* The whole screen, popovers included, when ImageMagick is there. */
static void
save_screen (const char *name)
{
  g_autofree char *import = g_find_program_in_path ("import");
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  const char *argv[] = { import, "-window", "root", path, NULL };

  if (import == NULL)
    return;
  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, NULL, NULL);
  g_test_message ("screenshot: %s", path);
}

/* Once the page's cross-fade is over. */
static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static gboolean
title_row_has_focus (gpointer user_data)
{
  GtkWidget *title = user_data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (title));

  return focus != NULL && gtk_widget_is_ancestor (focus, title);
}

/* An entry opens to read; Edit opens its fields with the cursor at the end
 * of the title and nothing selected, so a key typed adds to it.
 */
static void
test_read_then_edit (void)
{
  RapportWindow *window = get_window ();
  RapportJournalView *view = rapport_window_get_journal_view (window);
  RapportJournalEditor *editor;
  GtkWidget *title;
  GtkWidget *focus;
  int start = -1, end = -1;
  g_autofree char *uuid = NULL;

  uuid = rapport_test_app_write_entry (window, "late delivery", rapport_skill_get_nth (2), 4);
  rapport_test_app_activate_row (rapport_test_app_find_row (window, "late delivery"));
  g_assert_true (rapport_test_wait_until (rapport_test_app_reader_shown, window, 3000));
  editor = rapport_journal_view_get_editor (view);
  g_assert_cmpstr (rapport_journal_editor_get_uuid (editor), ==, uuid);

  /* The read page: the title as text, the rating with its rubric; no
   * field to type into has the focus: Edit has it.
   */
  {
    GtkWidget *heading = rapport_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_LABEL, "late delivery");
    GtkWidget *edit = button_labelled (GTK_WIDGET (editor), "_Edit");

    g_assert_nonnull (heading);
    g_assert_true (gtk_widget_get_mapped (heading));
    g_assert_true (gtk_widget_get_mapped (edit));
    rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (focus == edit || gtk_widget_is_ancestor (focus, edit));
    g_assert_false (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus));
  }
  title = entry_row (editor, "_Title");
  g_assert_true (rapport_test_wait_until (is_unmapped, title, 3000));
  save_screenshots (window, "journal-read");

  /* Edit by keyboard: Enter on the focused Edit button. */
  rapport_test_press_keys (GTK_WINDOW (window), "Return");
  g_assert_false (rapport_journal_editor_get_reading (editor));
  g_assert_true (rapport_test_wait_until (title_row_has_focus, title, 3000));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (title), &start, &end));
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (title)), ==, (int) strlen ("late delivery"));
  rapport_test_type_text (GTK_WINDOW (window), " again");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "late delivery again");
  save_screenshots (window, "journal-edit");

  /* Back goes to the read page, which shows what is stored; Edit again
   * brings back what was typed.
   */
  rapport_test_press_keys (GTK_WINDOW (window), "<Alt>Left");
  g_assert_true (rapport_test_app_reader_shown (window));
  g_assert_true (gtk_widget_get_mapped (rapport_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_LABEL,
                                                                  "late delivery")));
  gtk_widget_activate_action (GTK_WIDGET (editor), "journal.edit", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "late delivery again");
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>s");
  g_assert_true (rapport_test_wait_until (rapport_test_app_editor_closed, window, 3000));
  g_assert_nonnull (rapport_test_app_wait_for_row (window, "late delivery again"));
}

static GDateTime *
stored_time (const char *uuid)
{
  g_autoptr(RapportStoreEntry) entry = rapport_store_get_journal_entry (rapport_application_get_store (app),
                                                                       uuid, NULL);

  g_assert_nonnull (entry);
  return g_date_time_to_local (entry->occurred);
}

/* The date: shown in the locale's form, picked from a calendar and a time,
 * or typed in any of several forms; what cannot be read is said plainly.
 */
static void
test_date (void)
{
  RapportWindow *window = get_window ();
  RapportJournalEditor *editor = rapport_test_app_new_entry (window);
  GtkWidget *when = entry_row (editor, "_When");
  GtkWidget *button = rapport_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_MENU_BUTTON, NULL);
  GtkPopover *popover;
  GtkCalendar *calendar;
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) picked = g_date_time_new_local (2026, 11, 23, 14, 30, 0);
  g_autoptr(GDateTime) yesterday = NULL;
  g_autoptr(GDateTime) saved = NULL;
  g_autofree char *picked_text = NULL;
  g_autofree char *uuid = NULL;
  GtkWidget *error;

  /* A new entry starts now, in the locale's own form (C: 11/23/26 14:30). */
  {
    g_autofree char *shown = g_date_time_format (now, "%x ");

    g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (when)), shown));
  }

  /* The calendar opens on the field's date; a day and a time picked are
   * written into the field.
   */
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (rapport_test_wait_until ((RapportTestCondition) gtk_widget_get_mapped, popover, 3000));
  calendar = GTK_CALENDAR (rapport_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_CALENDAR, NULL));
  rapport_test_collect_widgets (GTK_WIDGET (popover), GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 2);
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (calendar);

    g_assert_cmpint (g_date_time_get_day_of_year (shown), ==, g_date_time_get_day_of_year (now));
    g_assert_cmpint (gtk_spin_button_get_value_as_int (spins->pdata[0]), ==, g_date_time_get_hour (now));
  }
  gtk_calendar_select_day (calendar, picked);
  gtk_spin_button_set_value (spins->pdata[0], 14);
  gtk_spin_button_set_value (spins->pdata[1], 30);
  picked_text = rapport_journal_format_when (picked);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (when)), ==, picked_text);
  g_assert_cmpstr (picked_text, ==, "11/23/26 14:30");
  rapport_test_save_screenshot (GTK_WIDGET (popover), "journal-date-popover");
  save_screen ("journal-date-popover-screen");
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", "dark");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 20);
  save_screen ("journal-date-popover-screen-narrow-dark");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", "default");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
  gtk_popover_popdown (popover);
  g_assert_true (rapport_test_wait_until (is_unmapped, popover, 3000));

  /* Typed: read when the user is done (Enter), and shown back in the
   * field's own form.
   */
  gtk_widget_grab_focus (when);
  gtk_editable_set_text (GTK_EDITABLE (when), "yesterday 9:05 pm");
  rapport_test_press_keys (GTK_WINDOW (window), "Return");
  yesterday = g_date_time_add_days (now, -1);
  {
    g_autoptr(GDateTime) expected = g_date_time_new_local (g_date_time_get_year (yesterday),
                                                           g_date_time_get_month (yesterday),
                                                           g_date_time_get_day_of_month (yesterday), 21, 5, 0);
    g_autofree char *text = rapport_journal_format_when (expected);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (when)), ==, text);
  }

  /* Unreadable: the field says so at once, and Save says what to do. */
  gtk_editable_set_text (GTK_EDITABLE (when), "the day before the meeting");
  rapport_test_press_keys (GTK_WINDOW (window), "Return");
  error = NULL;
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    rapport_test_collect_widgets (GTK_WIDGET (editor), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len && error == NULL; i++)
      if (g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), "Rapport cannot read this as a date"))
        error = labels->pdata[i];
  }
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_get_mapped (error));
  g_assert_true (gtk_widget_has_css_class (when, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "calendar button"));
  rapport_test_save_screenshot (GTK_WIDGET (window), "journal-date-unreadable");
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>s");
  g_assert_true (rapport_test_wait_until (rapport_test_app_dialog_shown, NULL, 3000));
  {
    GtkWindow *dialog = rapport_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                     gtk_label_get_text (GTK_LABEL (error)));
    g_signal_emit_by_name (rapport_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Close"), "clicked");
  }
  g_assert_true (rapport_test_wait_until (rapport_test_app_dialog_gone, NULL, 3000));

  /* ISO 8601 is always understood; it is saved as typed. */
  gtk_editable_set_text (GTK_EDITABLE (when), "2026-11-23T14:30");
  uuid = g_strdup (rapport_journal_editor_get_uuid (editor));
  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, "_Title")), "dated by hand");
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>s");
  g_assert_true (rapport_test_wait_until (rapport_test_app_editor_closed, window, 3000));
  saved = stored_time (uuid);
  g_assert_true (g_date_time_equal (saved, picked));
}

static GPtrArray *
prompt_rows (RapportJournalEditor *editor)
{
  GtkWidget *group = rapport_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_GROUP,
                                               "Questions to Think About");
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_nonnull (group);
  rapport_test_collect_widgets (group, ADW_TYPE_EXPANDER_ROW, rows);
  return rows;
}

static char *
all_text (RapportJournalEditor *editor)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GString *text = g_string_new (NULL);

  rapport_test_collect_widgets (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    {
      GtkTextIter start, end;
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (views->pdata[i]);
      g_autofree char *part = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      part = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append (text, part);
    }

  return g_string_free (text, FALSE);
}

static RapportTopic *
topic_of (const char *skill_key)
{
  GListModel *topics = rapport_catalog_get_topics (rapport_application_get_catalog (app));

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, i);

      if (g_strcmp0 (rapport_topic_get_skill (topic), skill_key) == 0)
        return topic;
    }

  g_assert_not_reached ();
}

/* The prompts of the skills being rated, shown above the fields as
 * guidance: none pasted into the text, and they follow the ratings.
 */
static void
test_prompts (void)
{
  RapportWindow *window = get_window ();
  RapportJournalEditor *editor = rapport_test_app_new_entry (window);
  const RapportSkill *empathy = rapport_skill_lookup ("empathy");
  const RapportSkill *listening = rapport_skill_lookup ("active-listening");
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;

  g_assert_null (rapport_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "Insert a _Prompt"));
  rows = prompt_rows (editor);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_signal_emit_by_name (rapport_test_find_widget (skill_row (editor, rapport_skill_get_position ("empathy")),
                                                   GTK_TYPE_TOGGLE_BUTTON, "4"), "clicked");
  rows = prompt_rows (editor);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, empathy->title);
  g_assert_cmpstr (adw_expander_row_get_subtitle (rows->pdata[0]), ==,
                   rapport_inline_get_text (rapport_topic_get_prompt (topic_of ("empathy"), 0)));
  g_assert_true (gtk_widget_get_mapped (rows->pdata[0]));
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_signal_emit_by_name (rapport_test_find_widget (skill_row (editor, rapport_skill_get_position ("active-listening")),
                                                   GTK_TYPE_TOGGLE_BUTTON, "3"), "clicked");
  rows = prompt_rows (editor);
  g_assert_cmpuint (rows->len, ==, 2);
  /* In the course's order, as the ratings below. */
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, listening->title);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[1]), ==, empathy->title);
  adw_expander_row_set_expanded (rows->pdata[1], TRUE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
                              rapport_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW, NULL))), 0);
  save_screenshots (window, "journal-prompts");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Cleared, a skill's questions go; nothing was written into the text. */
  g_signal_emit_by_name (rapport_test_find_widget (skill_row (editor, rapport_skill_get_position ("empathy")),
                                                   GTK_TYPE_TOGGLE_BUTTON, "–"), "clicked");
  rows = prompt_rows (editor);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, listening->title);
  text = all_text (editor);
  g_assert_cmpstr (text, ==, "");
  rapport_journal_editor_discard (editor);
}

static gboolean
is_inside (GtkWidget *widget,
           GtkWidget *window)
{
  graphene_rect_t bounds;

  return gtk_widget_get_mapped (widget) &&
         gtk_widget_compute_bounds (widget, window, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (window);
}

/* A rating per key: a digit on the focused skill rates it and brings up the
 * next; 0 or Backspace clears it.  Save stays on screen at any scroll
 * position, and Ctrl+S saves.
 */
static void
test_rate_by_keys (void)
{
  RapportWindow *window = get_window ();
  RapportJournalEditor *editor = rapport_test_app_new_entry (window);
  GtkWidget *save = button_labelled (GTK_WIDGET (editor), "_Save Entry");
  GtkWidget *scroller = rapport_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW, NULL);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  static const int expected[] = { 4, 3, 0, 5, 2, 1, 5, 4, 3, 2 };
  g_autofree char *uuid = g_strdup (rapport_journal_editor_get_uuid (editor));
  g_autoptr(RapportStoreEntry) saved = NULL;

  g_assert_cmpuint (rapport_skill_get_count (), ==, G_N_ELEMENTS (expected));
  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, "_Title")), "ten ratings");

  /* On the first skill's row, as Tab reaches it, a digit rates it and
   * brings up the next.
   */
  gtk_widget_grab_focus (skill_row (editor, 0));
  rapport_test_press_keys (GTK_WINDOW (window), "4");
  g_assert_cmpint (rating_of (editor, 0), ==, 4);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == skill_row (editor, 1));
  rapport_test_press_keys (GTK_WINDOW (window), "3");
  g_assert_cmpint (rating_of (editor, 1), ==, 3);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == skill_row (editor, 2));
  /* The next skill is on screen whole, its rubric sentence with it. */
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_true (is_inside (skill_row (editor, 2), GTK_WIDGET (window)));
  rapport_test_save_screenshot (GTK_WIDGET (window), "journal-rate-focus");

  /* Backspace and 0 clear the rating and leave the focus where it was, for
   * the rating meant instead.
   */
  rapport_test_press_keys (GTK_WINDOW (window), "5");
  g_assert_cmpint (rating_of (editor, 2), ==, 5);
  gtk_widget_grab_focus (skill_row (editor, 2));
  rapport_test_press_keys (GTK_WINDOW (window), "BackSpace");
  g_assert_cmpint (rating_of (editor, 2), ==, 0);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == skill_row (editor, 2));
  rapport_test_press_keys (GTK_WINDOW (window), "2");
  g_assert_cmpint (rating_of (editor, 2), ==, 2);
  gtk_widget_grab_focus (skill_row (editor, 2));
  rapport_test_press_keys (GTK_WINDOW (window), "0");
  g_assert_cmpint (rating_of (editor, 2), ==, 0);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == skill_row (editor, 2));

  /* A digit counts on the row's own buttons too. */
  gtk_widget_grab_focus (rapport_test_find_widget (skill_row (editor, 3), GTK_TYPE_TOGGLE_BUTTON, "1"));
  for (guint skill = 3; skill < rapport_skill_get_count (); skill++)
    {
      g_autofree char *key = g_strdup_printf ("%d", expected[skill]);

      rapport_test_press_keys (GTK_WINDOW (window), key);
      g_assert_cmpint (rating_of (editor, skill), ==, expected[skill]);
      /* After the last skill, Save: Enter would save. */
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                     (skill + 1 < rapport_skill_get_count () ? skill_row (editor, skill + 1) : save));
    }

  /* Save is on screen at the bottom of the page and at its top: it is not
   * in the scrolled page at all.
   */
  g_assert_false (gtk_widget_is_ancestor (save, scroller));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_true (is_inside (save, GTK_WIDGET (window)));
  save_screenshots (window, "journal-rate-by-keys");
  gtk_adjustment_set_value (adjustment, 0);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_true (is_inside (save, GTK_WIDGET (window)));

  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>s");
  g_assert_true (rapport_test_wait_until (rapport_test_app_editor_closed, window, 3000));
  saved = rapport_store_get_journal_entry (rapport_application_get_store (app), uuid, NULL);
  g_assert_nonnull (saved);
  for (guint i = 0; i < rapport_skill_get_count (); i++)
    g_assert_cmpint (rapport_store_entry_get_rating (saved, rapport_skill_get_nth (i)->key), ==, expected[i]);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  rapport_test_init (&argc, &argv);

  g_test_add_func ("/rapport/journal-entry/read-then-edit", test_read_then_edit);
  g_test_add_func ("/rapport/journal-entry/date", test_date);
  g_test_add_func ("/rapport/journal-entry/prompts", test_prompts);
  g_test_add_func ("/rapport/journal-entry/rate-by-keys", test_rate_by_keys);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
