/* test-bad-input.c: every text field of the app, fed what users paste.
 *
 * Emoji (joined families, flags, skin tones), Arabic and Hebrew, mixed and
 * overridden direction, C0 controls, DEL, a byte order mark, combining
 * marks with nothing to combine with, markup, and a 100 kB paste go into
 * the journal's title, tags, three text fields and search, through the
 * clipboard, as a paste would (the date field must refuse them, saying how
 * to write a date).  These are all the text fields Rapport has.  What is saved must come back byte for
 * byte (the title and tags lose surrounding ASCII white space, and tags
 * are split at commas: that is all the editor changes), the list row must
 * stay one line inside the window, and the JSON export must bring the
 * entry back whole.  The quiz's typed answers take the same pastes: a
 * short answer keeps what fits its 400 characters and is scored and stored
 * as typed; a number field refuses what is not a number, saying how to
 * write one.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "rapport-application.h"
#include "rapport-journal-view.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-unit-utils.h"
#include "rapport-window.h"

/* U+FEFF, U+0301 alone, ZWJ family, flags, skin tone, Arabic, Hebrew,
 * U+202E (right-to-left override) closed by U+202C, controls, DEL, markup.
 */
#define HOSTILE_LINE \
  "\xef\xbb\xbf\xcc\x81 \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6 " \
  "\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5 \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd " \
  "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 refund \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d 42 " \
  "\xe2\x80\xae" "evil" "\xe2\x80\xac " \
  "\x01\x02\x03\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f <b>&amp; <i> # * _"

#define ARABIC_WORD "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7"

static RapportApplication *app;

typedef struct
{
  GtkWidget *widget;
  char      *before;
} PasteWait;

static char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

static gboolean
text_changed (gpointer user_data)
{
  PasteWait *wait = user_data;
  g_autofree char *now = widget_text (wait->widget);

  return g_strcmp0 (now, wait->before) != 0;
}

/* Puts TEXT on the clipboard and pastes it into the field (an entry row's
 * text, or a text view), replacing what was there, as Ctrl+A, Ctrl+V.
 * Returns what the field then holds.
 */
static char *
paste (GtkWidget  *field,
       const char *text)
{
  GtkWidget *target = field;
  PasteWait wait;

  if (!GTK_IS_TEXT_VIEW (field))
    target = rapport_test_find_widget (field, GTK_TYPE_TEXT, NULL);
  g_assert_nonnull (target);

  gtk_widget_grab_focus (target);
  if (GTK_IS_TEXT_VIEW (target))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (target));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_select_range (buffer, &start, &end);
    }
  else
    gtk_editable_select_region (GTK_EDITABLE (target), 0, -1);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (target), text);
  wait.widget = field;
  wait.before = widget_text (field);
  g_signal_emit_by_name (target, "paste-clipboard");
  g_assert_true (rapport_test_wait_until (text_changed, &wait, 5000));
  g_free (wait.before);

  return widget_text (field);
}

static GtkWidget *
find_row (RapportWindow *window,
          const char    *uuid)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();

  rapport_test_collect_widgets (GTK_WIDGET (rapport_window_get_journal_view (window)), GTK_TYPE_BOX, boxes);
  for (guint i = 0; i < boxes->len; i++)
    if (g_strcmp0 (g_object_get_data (boxes->pdata[i], "uuid"), uuid) == 0 && gtk_widget_get_mapped (boxes->pdata[i]))
      return boxes->pdata[i];

  return NULL;
}

/* The row stays inside the window, and each of its lines is one line. */
static void
assert_row_fits (RapportWindow *window,
                 GtkWidget     *row)
{
  int window_width = gtk_widget_get_width (GTK_WIDGET (window));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, window_width);

  for (GtkWidget *line = gtk_widget_get_first_child (row); line != NULL; line = gtk_widget_get_next_sibling (line))
    {
      PangoLayout *layout;

      if (!GTK_IS_LABEL (line) || !gtk_widget_get_visible (line))
        continue;
      g_assert_true (gtk_widget_compute_bounds (line, GTK_WIDGET (window), &bounds));
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, window_width);
      layout = gtk_label_get_layout (GTK_LABEL (line));
      g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
    }
}

static void
assert_same_entry (const RapportStoreEntry *a,
                   const RapportStoreEntry *b)
{
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->situation, ==, b->situation);
  g_assert_cmpstr (a->went_well, ==, b->went_well);
  g_assert_cmpstr (a->try_next, ==, b->try_next);
  g_assert_cmpstrv (a->tags, b->tags);
  g_assert_cmpint (rapport_store_entry_get_rating (a, "empathy"), ==, rapport_store_entry_get_rating (b, "empathy"));
}

static void
test_paste_everywhere (void)
{
  RapportWindow *window;
  RapportJournalView *view;
  RapportJournalEditor *editor;
  RapportStore *store;
  GtkWidget *title_row;
  GtkWidget *tags_row;
  GtkWidget *search;
  g_autoptr(GPtrArray) text_views = g_ptr_array_new ();
  g_autoptr(GString) long_paste = g_string_new (NULL);
  g_autoptr(RapportStoreEntry) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *situation = NULL;
  g_autofree char *went_well = NULL;
  g_autofree char *try_next = NULL;
  g_autofree char *expected_title = NULL;
  const char *expected_tags[] = {
    "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", "\xd7\xa2\xd7\x91\xd7\xa8\xd7\x99\xd7\xaa", "\x01\x7f", "\xcc\x81",
    NULL
  };
  GtkWidget *row;
  GtkWidget *four;

  app = rapport_test_app_new ();
  window = rapport_test_app_get_window (app);
  view = rapport_window_get_journal_view (window);
  store = rapport_application_get_store (app);
  rapport_window_set_view (window, "journal");

  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>n");
  g_assert_true (rapport_test_wait_until (rapport_test_app_editor_shown, window, 3000));
  editor = rapport_journal_view_get_editor (view);
  uuid = g_strdup (rapport_journal_editor_get_uuid (editor));
  title_row = rapport_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "_Title");
  tags_row = rapport_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "T_ags, separated by commas");
  g_assert_nonnull (title_row);
  g_assert_nonnull (tags_row);
  rapport_test_collect_widgets (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, text_views);
  g_assert_cmpuint (text_views->len, ==, 3);

  /* 100 kB of everything at once, on many lines, with CR LF and tabs. */
  while (long_paste->len < 100 * 1000)
    g_string_append (long_paste, HOSTILE_LINE "\r\n\t# not a heading\n\n");

  title = paste (title_row, "\t " HOSTILE_LINE " \r");
  tags = paste (tags_row, " \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd , \xd7\xa2\xd7\x91\xd7\xa8\xd7\x99\xd7\xaa,\x01\x7f,, \xcc\x81 ");
  situation = paste (text_views->pdata[0], long_paste->str);
  went_well = paste (text_views->pdata[1], "\xd9\x82\xd8\xa7\xd9\x84 \xd8\xa7\xd9\x84\xd8\xb9\xd9\x85\xd9\x8a\xd9\x84: "
                     "\xe2\x80\x8f" "refund 12.50 \xe2\x82\xac" "\xe2\x80\x8e\n\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\r\n");
  try_next = paste (text_views->pdata[2], "\x1b[31m red? \x7f \xef\xbb\xbf \xcc\x81\xcc\x81\xcc\x81 \x0b\x0c end");

  /* The fields hold what was pasted; single-line fields may only have
   * turned line breaks into something else, which they report here.
   */
  g_test_message ("title field: %zu bytes for %zu pasted", strlen (title), strlen ("\t " HOSTILE_LINE " \r"));
  g_assert_cmpstr (situation, ==, long_paste->str);
  g_assert_nonnull (strstr (title, HOSTILE_LINE));

  four = rapport_test_find_widget (gtk_widget_get_ancestor (rapport_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_LABEL, "Empathy"),
                                                            GTK_TYPE_LIST_BOX_ROW),
                                   GTK_TYPE_TOGGLE_BUTTON, "4");
  g_signal_emit_by_name (four, "clicked");
  rapport_test_save_screenshot (GTK_WIDGET (window), "bad-input-editor");

  /* The date field takes only a date: anything else is refused with a
   * sentence that shows the form, and nothing typed is lost.
   */
  {
    GtkWidget *when_row = rapport_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "_When");
    g_autofree char *when = widget_text (when_row);
    GtkWindow *dialog;
    GtkWidget *close;

    g_free (paste (when_row, HOSTILE_LINE));
    gtk_widget_grab_focus (title_row);
    rapport_test_press_keys (GTK_WINDOW (window), "<Primary>s");
    g_assert_true (rapport_test_wait_until (rapport_test_app_dialog_shown, NULL, 3000));
    dialog = rapport_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                     "Rapport cannot read this as a date and time. Choose one with the calendar"));
    close = rapport_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Close");
    g_signal_emit_by_name (close, "clicked");
    g_assert_true (rapport_test_wait_until (rapport_test_app_dialog_gone, NULL, 3000));
    g_assert_true (rapport_test_app_editor_shown (window));
    g_assert_null (rapport_store_get_journal_entry (store, uuid, NULL));
    g_free (paste (when_row, when));
  }

  gtk_widget_grab_focus (title_row);
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>s");
  g_assert_true (rapport_test_wait_until (rapport_test_app_editor_closed, window, 5000));

  /* Stored byte for byte. */
  saved = rapport_store_get_journal_entry (store, uuid, &error);
  g_assert_no_error (error);
  expected_title = g_strstrip (g_strdup (title));
  g_assert_cmpstr (saved->title, ==, expected_title);
  g_assert_cmpstr (saved->situation, ==, situation);
  g_assert_cmpstr (saved->went_well, ==, went_well);
  g_assert_cmpstr (saved->try_next, ==, try_next);
  g_assert_cmpstrv (saved->tags, expected_tags);
  g_assert_cmpint (rapport_store_entry_get_rating (saved, "empathy"), ==, 4);

  /* The row: one line each, inside the window, wide or narrow. */
  rapport_test_wait_for_frames (GTK_WIDGET (window), 5);
  row = find_row (window, uuid);
  g_assert_nonnull (row);
  assert_row_fits (window, row);
  rapport_test_save_screenshot (GTK_WIDGET (window), "bad-input-list");
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", "dark");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
  row = find_row (window, uuid);
  rapport_test_save_screenshot (GTK_WIDGET (window), "bad-input-list-narrow-dark");
  assert_row_fits (window, row);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", "default");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);

  /* Opened again, the editor shows exactly what was stored. */
  rapport_journal_view_open_entry (view, uuid);
  g_assert_true (rapport_test_wait_until (rapport_test_app_editor_shown, window, 3000));
  {
    g_autofree char *shown_title = widget_text (title_row);
    g_autofree char *shown_situation = widget_text (text_views->pdata[0]);
    g_autofree char *shown_went_well = widget_text (text_views->pdata[1]);
    g_autofree char *shown_try_next = widget_text (text_views->pdata[2]);

    g_assert_cmpstr (shown_title, ==, saved->title);
    g_assert_cmpstr (shown_situation, ==, saved->situation);
    g_assert_cmpstr (shown_went_well, ==, saved->went_well);
    g_assert_cmpstr (shown_try_next, ==, saved->try_next);
  }
  rapport_journal_view_go_back (view);
  g_assert_true (rapport_test_wait_until (rapport_test_app_editor_closed, window, 3000));

  /* Search: an Arabic word finds the entry; its snippet keeps the control
   * characters as text, and makes only the match bold.
   */
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>f");
  search = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (search);
  g_free (paste (search, ARABIC_WORD));
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (rapport_journal_view_get_n_shown (view), ==, 1);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 5);
  row = find_row (window, uuid);
  g_assert_nonnull (row);
  assert_row_fits (window, row);
  {
    gboolean found = FALSE;

    for (GtkWidget *line = gtk_widget_get_first_child (row); line != NULL; line = gtk_widget_get_next_sibling (line))
      if (GTK_IS_LABEL (line) && strstr (gtk_label_get_label (GTK_LABEL (line)), "<b>" ARABIC_WORD "</b>") != NULL)
        {
          const char *text = gtk_label_get_text (GTK_LABEL (line));

          g_test_message ("snippet: %s", gtk_label_get_label (GTK_LABEL (line)));
          g_assert_nonnull (strstr (text, "\x01\x02\x03"));
          g_assert_nonnull (strstr (text, "<b>&amp; <i>"));
          found = TRUE;
        }
    g_assert_true (found);
  }
  rapport_test_save_screenshot (GTK_WIDGET (window), "bad-input-search");

  /* Pastes into search that match nothing, or everything, break nothing. */
  g_free (paste (search, "\x01\x7f \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9 \"*^:(NEAR"));
  g_signal_emit_by_name (search, "search-changed");
  g_free (paste (search, long_paste->str));
  g_signal_emit_by_name (search, "search-changed");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 5);
  g_free (paste (search, "refund"));
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (rapport_journal_view_get_n_shown (view), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");

  /* Export and import: JSON brings the entry back byte for byte; the
   * Markdown keeps the title on its heading line and forges no heading
   * from the text.
   */
  {
    g_autofree char *dir = g_dir_make_tmp ("rapport-bad-input-XXXXXX", NULL);
    g_autofree char *json_path = g_build_filename (dir, "journal.json", NULL);
    g_autofree char *md_path = g_build_filename (dir, "journal.md", NULL);
    g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
    g_autoptr(GFile) md_file = g_file_new_for_path (md_path);
    g_autoptr(RapportStoreEntry) back = NULL;
    g_autofree char *markdown = NULL;
    guint headings = 0;

    g_assert_true (rapport_journal_view_export_to (view, "json", json_file));
    g_assert_true (rapport_journal_view_export_to (view, "markdown", md_file));
    g_assert_true (rapport_store_reset (store, &error));
    g_assert_no_error (error);
    g_assert_true (rapport_journal_view_import_from (view, json_file));
    back = rapport_store_get_journal_entry (store, uuid, &error);
    g_assert_no_error (error);
    assert_same_entry (back, saved);

    g_assert_true (g_file_get_contents (md_path, &markdown, NULL, NULL));
    g_assert_true (g_utf8_validate (markdown, -1, NULL));
    for (const char *p = markdown; (p = strstr (p, "\n### ")) != NULL; p++)
      headings++;
    g_assert_cmpuint (headings, ==, 1);
    g_assert_nonnull (strstr (markdown, ARABIC_WORD " refund"));
    g_assert_nonnull (strstr (markdown, "\\# not a heading"));
    g_assert_null (strstr (markdown, "\n# not a heading"));
    g_assert_nonnull (strstr (markdown, "&lt;b>&amp;amp; &lt;i> \\# \\* \\_"));
  }

  rapport_test_app_close_windows (app);
}

/* A seed whose quiz asks the short answer @first, then the number @second. */
static guint32
seed_for (RapportTopic *topic,
          const char   *first,
          const char   *second)
{
  for (guint32 seed = 1; seed < 10000; seed++)
    {
      g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (topic, NULL, seed);

      if (g_str_equal (rapport_question_get_key (rapport_quiz_session_get_question (session, 0)), first) &&
          g_str_equal (rapport_question_get_key (rapport_quiz_session_get_question (session, 1)), second))
        return seed;
    }

  g_assert_not_reached ();
}

static void
test_quiz_answers (void)
{
  g_autoptr(RapportTopicLoader) loader = rapport_unit_new_loader ();
  g_autoptr(RapportTopic) topic = rapport_unit_load_topic (loader, "quiz", "new-types.xml", "org.example.new-types");
  g_autoptr(GString) long_paste = g_string_new (NULL);
  g_autoptr(JsonNode) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *json = NULL;
  g_autofree char *number = NULL;
  RapportWindow *window;
  RapportQuizPage *page;
  RapportQuizSession *session;
  const RapportQuizAnswerResult *result;
  GtkWidget *entry;

  /* One registered application a process: the first test's, if it ran. */
  if (app == NULL)
    app = rapport_test_app_new ();
  window = rapport_test_app_get_window (app);
  rapport_test_resize (GTK_WINDOW (window), 360);
  page = rapport_test_app_start_quiz (window, topic, seed_for (topic, "s-name", "n-refund"));
  session = rapport_quiz_page_get_session (page);

  /* A short answer: 100 kB pasted, the field keeps its 400 characters. */
  while (long_paste->len < 100 * 1000)
    g_string_append (long_paste, HOSTILE_LINE "\r\n\t");
  entry = rapport_test_find_widget (GTK_WIDGET (page), GTK_TYPE_ENTRY, NULL);
  g_assert_nonnull (entry);
  typed = paste (entry, long_paste->str);
  g_assert_true (g_utf8_validate (typed, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (typed, -1), ==, 400);

  /* Everything at once, checked: not accepted, scored, stored as typed. */
  g_free (typed);
  typed = paste (entry, HOSTILE_LINE);
  g_assert_nonnull (strstr (typed, "refund"));
  rapport_test_press_keys (GTK_WINDOW (window), "Return");
  result = rapport_quiz_session_get_result (session, 0);
  g_assert_nonnull (result);
  g_assert_false (result->correct);
  g_assert_cmpstr (result->text, ==, g_strstrip (typed));
  json = rapport_quiz_session_get_answer_json (session, 0);
  stored = json_from_string (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (stored), "text"), ==, result->text);
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Your answer · not accepted"));
  rapport_test_save_screenshot (GTK_WIDGET (window), "bad-input-quiz-short");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  rapport_test_press_keys (GTK_WINDOW (window), "Return");

  /* A number: the same paste is refused with a sentence, shortened, that
   * says how to write a number; the question stays open.
   */
  entry = rapport_test_find_widget (GTK_WIDGET (page), GTK_TYPE_ENTRY, NULL);
  g_free (paste (entry, HOSTILE_LINE));
  rapport_test_press_keys (GTK_WINDOW (window), "Return");
  g_assert_null (rapport_quiz_session_get_result (session, 1));
  /* The paste is quoted isolated (U+2068 … U+2069), without its controls
   * and its right-to-left override, and cut short.
   */
  g_assert_true (g_str_has_prefix (rapport_test_app_quiz_hint (page), "Rapport cannot read “\xe2\x81\xa8"));
  g_assert_true (g_str_has_suffix (rapport_test_app_quiz_hint (page), "…\xe2\x81\xa9” as a number. Type digits with at most one "
                                                     "decimal separator and no thousands separators, such as 2.5."));
  g_assert_null (strstr (rapport_test_app_quiz_hint (page), "\xe2\x80\xae"));
  g_assert_null (strstr (rapport_test_app_quiz_hint (page), "\x01"));
  g_free (paste (entry, "12abc"));
  rapport_test_press_keys (GTK_WINDOW (window), "Return");
  g_assert_cmpstr (rapport_test_app_quiz_hint (page), ==, "Rapport cannot read “\xe2\x81\xa8" "12abc\xe2\x81\xa9” as a number. Type digits with at most "
                                         "one decimal separator and no thousands separators, such as 2.5.");
  g_free (typed);
  typed = paste (entry, long_paste->str);
  g_assert_cmpint (g_utf8_strlen (typed, -1), <=, 64);
  rapport_test_press_keys (GTK_WINDOW (window), "Return");
  g_assert_null (rapport_quiz_session_get_result (session, 1));
  rapport_test_save_screenshot (GTK_WIDGET (window), "bad-input-quiz-number");

  /* No-break spaces and a typographic minus sign are a number's. */
  number = paste (entry, "\xc2\xa0\xe2\x88\x92" "21.25\xc2\xa0");
  rapport_test_press_keys (GTK_WINDOW (window), "Return");
  result = rapport_quiz_session_get_result (session, 1);
  g_assert_nonnull (result);
  g_assert_cmpfloat (result->value, ==, -21.25);
  g_assert_false (result->correct);

  rapport_test_app_close_windows (app);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  rapport_test_init (&argc, &argv);

  g_test_add_func ("/rapport/bad-input/paste-everywhere", test_paste_everywhere);
  g_test_add_func ("/rapport/bad-input/quiz-answers", test_quiz_answers);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
