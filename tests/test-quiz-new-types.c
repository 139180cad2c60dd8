/* test-quiz-new-types.c: matching, short-answer and numeric questions on
 * the quiz page, in a real window: answered with the mouse (real pointer
 * clicks) and with the keyboard alone, their marks after Check, the right
 * answers in the results, and the attempt the store keeps; screenshots of
 * each type before and after Check, light, dark and 360 px wide.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "rapport-application.h"
#include "rapport-learn-view.h"
#include "rapport-question.h"
#include "rapport-quiz-page.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-unit-utils.h"
#include "rapport-window.h"

#define PACK_ID "org.example.new-types"

static RapportApplication *app;
static RapportTopicLoader *loader;
static RapportTopic *topic;   /* tests/fixtures/quiz/new-types.xml */

/* How the learner answers each question: for matching, the option (the
 * question's own index) for each pair; for a typed one, the text.
 */
typedef struct
{
  const char *key;
  guint       options[3];
  const char *text;
  gboolean    correct;
  double      points;
  const char *json;
} Answer;

/* Helpers */

static RapportWindow *
show_quiz (guint32 seed)
{
  RapportWindow *window = rapport_test_app_get_window (app);

  rapport_test_resize (GTK_WINDOW (window), 1000);
  rapport_test_app_start_quiz (window, topic, seed);

  return window;
}

static RapportQuestion *
current_question (RapportQuizSession *session)
{
  return rapport_quiz_session_get_question (session, rapport_quiz_session_get_position (session));
}

static const Answer *
find_answer (const Answer *answers,
             guint         n,
             const char   *key)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (answers[i].key, key))
      return &answers[i];

  g_assert_not_reached ();
}

static GtkWidget *
popover_of (GtkWidget *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (drop_down); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return child;

  return NULL;
}

static gboolean
popover_open (gpointer drop_down)
{
  GtkWidget *popover = popover_of (drop_down);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

static gboolean
popover_closed (gpointer drop_down)
{
  return !popover_open (drop_down);
}

/* The drop-downs of a matching question, a pair each, in the order written. */
static GPtrArray *
drop_downs (RapportQuizPage *page)
{
  GPtrArray *found = g_ptr_array_new ();

  rapport_test_collect_mapped (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, found);

  return found;
}

/* The number on screen (from 1) of option @option. */
static guint
shown_number (RapportQuizSession *session,
              guint               option)
{
  guint n;
  const guint *shown = rapport_quiz_session_get_presented_choices (session, rapport_quiz_session_get_position (session), &n);

  for (guint i = 0; i < n; i++)
    if (shown[i] == option)
      return i + 1;

  g_assert_not_reached ();
}

static char *
numbered_option (RapportQuestion    *question,
                 RapportQuizSession *session,
                 guint               option)
{
  return g_strdup_printf ("%u. %s", shown_number (session, option), rapport_question_get_option (question, option));
}

/* Screenshots: light and dark at 1000 px, and light at 360 px. */
static void
shoot (RapportWindow *window,
       const char    *type,
       const char    *when)
{
  GSettings *settings = rapport_application_get_settings (app);
  g_autofree char *light = g_strdup_printf ("quiz-%s-%s-light", type, when);
  g_autofree char *dark = g_strdup_printf ("quiz-%s-%s-dark", type, when);
  g_autofree char *narrow = g_strdup_printf ("quiz-%s-%s-360", type, when);

  rapport_test_save_screenshot (GTK_WIDGET (window), light);
  g_settings_set_string (settings, "color-scheme", "dark");
  rapport_test_save_screenshot (GTK_WIDGET (window), dark);
  g_settings_set_string (settings, "color-scheme", "default");
  rapport_test_resize (GTK_WINDOW (window), 360);
  rapport_test_save_screenshot (GTK_WIDGET (window), narrow);
  /* Nothing in the question makes the window wider than 360 px. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  rapport_test_resize (GTK_WINDOW (window), 1000);
}

/* Answering */

/* Matching with the mouse: each drop-down clicked open, its option clicked. */
static void
match_by_mouse (RapportQuizPage    *page,
                RapportQuizSession *session,
                const Answer       *answer,
                gboolean            screenshots)
{
  RapportQuestion *question = current_question (session);
  g_autoptr(GPtrArray) downs = drop_downs (page);

  g_assert_cmpuint (downs->len, ==, rapport_question_get_n_pairs (question));
  for (guint i = 0; i < downs->len; i++)
    {
      GtkWidget *drop_down = downs->pdata[i];
      g_autofree char *text = numbered_option (question, session, answer->options[i]);
      GtkWidget *item;

      g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down)), ==, 0);
      rapport_test_click (drop_down);
      g_assert_true (rapport_test_wait_until (popover_open, drop_down, 3000));
      if (i == 0 && screenshots)
        rapport_test_save_screenshot (popover_of (drop_down), "quiz-matching-list");
      item = rapport_test_find_mapped_label (popover_of (drop_down), text);
      g_assert_nonnull (item);
      rapport_test_click (item);
      g_assert_true (rapport_test_wait_until (popover_closed, drop_down, 3000));
      /* The list's own window, over the next item, is gone from the X
       * server too before the next click.
       */
      rapport_test_wait_for_frames (drop_down, 5);
      XSync (gdk_x11_display_get_xdisplay (gtk_widget_get_display (drop_down)), False);
      g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down)), ==,
                        shown_number (session, answer->options[i]));
    }
}

/* Matching with the keys: the first list opened with Space and walked with
 * Down to its option, Enter taking it; the others by the option's number,
 * which moves on to the next item.
 */
static void
match_by_keyboard (RapportWindow      *window,
                   RapportQuizPage    *page,
                   RapportQuizSession *session,
                   const Answer       *answer)
{
  g_autoptr(GPtrArray) downs = drop_downs (page);

  for (guint i = 0; i < downs->len; i++)
    {
      GtkWidget *drop_down = downs->pdata[i];
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
      guint number = shown_number (session, answer->options[i]);

      /* The focus is on this item's drop-down: the first when the question
       * shows, the next after a number key.
       */
      g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, drop_down));
      if (i == 0)
        {
          rapport_test_press_keys (GTK_WINDOW (window), "space");
          g_assert_true (rapport_test_wait_until (popover_open, drop_down, 3000));
          /* The list starts on "Choose a match"; each Down moves one on. */
          for (guint step = 0; step < number; step++)
            rapport_test_press_keys (GTK_WINDOW (window), "Down");
          rapport_test_press_keys (GTK_WINDOW (window), "Return");
          g_assert_true (rapport_test_wait_until (popover_closed, drop_down, 3000));
          g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down)), ==, number);
          /* Enter took the item and did not check the question. */
          g_assert_cmpuint (rapport_quiz_session_get_n_answered (session), ==,
                            rapport_quiz_session_get_position (session));
          rapport_test_press_keys (GTK_WINDOW (window), "Tab");
        }
      else
        {
          char digit[2] = { (char) ('0' + number), '\0' };

          rapport_test_press_keys (GTK_WINDOW (window), digit);
          g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down)), ==, number);
        }
    }
}

/* After Check: each pair says its match and whether it is right, the
 * drop-downs are gone, and a screen reader hears the same.
 */
static void
assert_match_marks (RapportQuizPage    *page,
                    RapportQuizSession *session,
                    const Answer       *answer)
{
  RapportQuestion *question = current_question (session);
  g_autoptr(GPtrArray) downs = drop_downs (page);

  g_assert_cmpuint (downs->len, ==, 0);
  for (guint i = 0; i < rapport_question_get_n_pairs (question); i++)
    {
      guint right = rapport_question_get_pair_option (question, i);
      g_autofree char *yours = g_strdup_printf ("Your match: %s", rapport_question_get_option (question, answer->options[i]));
      g_autofree char *wrong = g_strdup_printf ("Wrong match · the right one is “%s”",
                                                rapport_question_get_option (question, right));
      /* Left items differ; their rows hold the rest. */
      GtkWidget *left = rapport_test_find_mapped_label (GTK_WIDGET (page),
                                           rapport_inline_get_text (rapport_question_get_pair_left (question, i)));
      GtkWidget *row;

      g_assert_nonnull (left);
      row = gtk_widget_get_parent (left);
      g_assert_true (gtk_widget_has_css_class (row, answer->options[i] == right ? "rapport-quiz-right"
                                                                                 : "rapport-quiz-wrong"));
      g_assert_nonnull (rapport_test_find_mapped_label (row, yours));
      g_assert_nonnull (rapport_test_find_mapped_label (row, answer->options[i] == right ? "Right match" : wrong));
    }
}

static void
assert_typed_marks (RapportQuizPage    *page,
                    RapportQuizSession *session,
                    const Answer       *answer)
{
  RapportQuestion *question = current_question (session);
  const RapportQuizAnswerResult *result = rapport_quiz_session_get_result (session, rapport_quiz_session_get_position (session));
  GtkWidget *entry = rapport_test_find_widget (GTK_WIDGET (page), GTK_TYPE_ENTRY, NULL);
  GtkWidget *row = gtk_widget_get_parent (entry);
  g_autofree char *description = rapport_test_accessible_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  RapportInline *feedback;

  g_assert_cmpstr (result->text, ==, answer->text);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, answer->text);
  g_assert_true (gtk_widget_has_css_class (row, answer->correct ? "rapport-quiz-right" : "rapport-quiz-wrong"));
  g_assert_nonnull (rapport_test_find_mapped_label (row, answer->correct ? "Your answer · accepted" : "Your answer · not accepted"));

  /* The accepted answer's feedback, or the one for anything else. */
  feedback = answer->correct
             ? rapport_accept_get_feedback (rapport_question_get_accept (question,
                                                                         g_array_index (result->answer, guint, 0)))
             : rapport_question_get_feedback_other (question);
  g_assert_nonnull (feedback);
  g_assert_nonnull (rapport_test_find_mapped_label (row, rapport_inline_get_text (feedback)));
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, rapport_inline_get_text (feedback)));

  if (!answer->correct)
    {
      g_autofree char *first = rapport_accept_to_display (rapport_question_get_accept (question, 0));
      g_autofree char *line = g_strdup_printf (rapport_question_get_question_type (question) == RAPPORT_QUESTION_NUMERIC
                                               ? "Right answer: %s" : "Accepted answer: %s", first);
      GtkWidget *label = rapport_test_find_mapped_label (GTK_WIDGET (page), line);

      g_assert_nonnull (label);
      /* In a row of its own, marked right: the label, its line, the row. */
      g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (gtk_widget_get_parent (label)),
                                               "rapport-quiz-right"));
    }
}

static const char *
type_name (RapportQuestion *question)
{
  return rapport_question_type_to_string (rapport_question_get_question_type (question));
}

/* The results: a row a question in the order asked; a missed one open,
 * with the learner's answer beside the right one.
 */
/* "left → right", a pair a line, with @options[pair] the right item. */
static char *
pairs_text (RapportQuestion *question,
            const guint     *options)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rapport_question_get_n_pairs (question); i++)
    g_string_append_printf (text, "%s%s → %s", i > 0 ? "\n" : "",
                            rapport_inline_get_text (rapport_question_get_pair_left (question, i)),
                            rapport_question_get_option (question, options[i]));

  return g_string_free (text, FALSE);
}

static char *
expected_right (RapportQuestion  *question,
                const char      **title)
{
  GString *text;
  guint n = rapport_question_get_n_accepts (question);
  guint rights[RAPPORT_QUESTION_MAX_PAIRS];

  if (rapport_question_get_question_type (question) == RAPPORT_QUESTION_MATCHING)
    {
      *title = "Right matches";
      for (guint i = 0; i < rapport_question_get_n_pairs (question); i++)
        rights[i] = rapport_question_get_pair_option (question, i);
      return pairs_text (question, rights);
    }

  if (rapport_question_get_question_type (question) == RAPPORT_QUESTION_SHORT)
    *title = n > 1 ? "Accepted answers" : "Accepted answer";
  else
    *title = n > 1 ? "Right answers" : "Right answer";
  text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *shown = rapport_accept_to_display (rapport_question_get_accept (question, i));

      g_string_append_printf (text, "%s%s%s", i > 0 ? "\n" : "", n > 1 ? "• " : "", shown);
    }

  return g_string_free (text, FALSE);
}

static void
assert_results (RapportQuizPage    *page,
                RapportQuizSession *session,
                const Answer       *answers,
                guint               n_answers)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  rapport_test_collect_widgets (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, rows);
  g_assert_cmpuint (rows->len, ==, rapport_quiz_session_get_n_questions (session));
  for (guint i = 0; i < rows->len; i++)
    {
      RapportQuestion *question = rapport_quiz_session_get_question (session, i);
      const Answer *answer = find_answer (answers, n_answers, rapport_question_get_key (question));
      const RapportQuizAnswerResult *result = rapport_quiz_session_get_result (session, i);
      const char *title = NULL;
      g_autofree char *right = expected_right (question, &title);
      g_autofree char *prompt = g_markup_escape_text (rapport_inline_get_text (rapport_question_get_prompt (question)), -1);
      GtkWidget *yours = rapport_test_find_widget (rows->pdata[i], ADW_TYPE_ACTION_ROW, "Your answer");
      GtkWidget *right_row = rapport_test_find_widget (rows->pdata[i], ADW_TYPE_ACTION_ROW, title);

      g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[i]), ==, prompt);
      g_assert_nonnull (yours);
      if (answer->text != NULL)
        g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (yours)), ==, answer->text);
      else
        {
          g_autofree char *mine = pairs_text (question, answer->options);

          g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (yours)), ==, mine);
        }

      g_assert_true (result->correct == answer->correct);
      g_assert_cmpfloat_with_epsilon (result->points, answer->points, 1e-9);
      if (answer->correct)
        {
          g_assert_null (right_row);
          g_assert_false (adw_expander_row_get_expanded (rows->pdata[i]));
          continue;
        }

      g_test_message ("%s: %s “%s”", answer->key, title, right);
      g_assert_nonnull (right_row);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (right_row)), ==, right);
      g_assert_true (adw_expander_row_get_expanded (rows->pdata[i]));
      g_assert_true (gtk_widget_get_mapped (right_row));
    }
}

/* The stored attempt: each answer's JSON and points, as the engine scored them. */
static void
assert_stored (RapportQuizSession *session,
               const Answer       *answers,
               guint               n_answers)
{
  RapportStore *store = rapport_application_get_store (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStoreAttempt) stored = NULL;
  double sum = 0;

  g_assert_cmpint (rapport_quiz_session_get_attempt_id (session), >, 0);
  stored = rapport_store_get_quiz_attempt (store, rapport_quiz_session_get_attempt_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->pack_id, ==, PACK_ID);
  g_assert_cmpstr (stored->topic_key, ==, "new-types");
  g_assert_cmpuint (stored->answers->len, ==, n_answers);
  for (guint i = 0; i < stored->answers->len; i++)
    {
      const RapportStoreAnswer *saved = g_ptr_array_index (stored->answers, i);
      const Answer *answer = find_answer (answers, n_answers, saved->question_key);

      g_assert_cmpstr (saved->answer, ==, answer->json);
      g_assert_cmpfloat_with_epsilon (saved->points, answer->points, 1e-9);
      g_assert_cmpfloat (saved->points_possible, ==, 1);
      g_assert_true (saved->correct == answer->correct);
      sum += answer->points;
    }
  g_assert_cmpfloat_with_epsilon (stored->score, sum * 100 / n_answers, 1e-9);
}

/* Enter on an answer that is not one yet: a bell, a sentence that says
 * what to do, and the question still open.
 */
static void
assert_refused (RapportWindow      *window,
                RapportQuizPage    *page,
                RapportQuizSession *session,
                const char         *typed,
                const char         *expected)
{
  GtkWidget *entry = rapport_test_find_widget (GTK_WIDGET (page), GTK_TYPE_ENTRY, NULL);
  guint answered = rapport_quiz_session_get_n_answered (session);

  if (typed != NULL)
    rapport_test_type_text (GTK_WINDOW (window), typed);
  rapport_test_press_keys (GTK_WINDOW (window), "Return");
  g_assert_cmpuint (rapport_quiz_session_get_n_answered (session), ==, answered);
  g_assert_cmpstr (rapport_test_app_quiz_hint (page), ==, expected);
  if (entry != NULL)
    {
      g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (entry)));
      /* Emptied again, as a learner would. */
      rapport_test_press_keys (GTK_WINDOW (window), "<Primary>a");
      rapport_test_press_keys (GTK_WINDOW (window), "BackSpace");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
    }
}

/* From the focus the question starts with, Tab by Tab to the Check button:
 * each stop has a name a screen reader says; the drop-downs are named after
 * their item.
 */
static void
assert_focus_names (RapportWindow      *window,
                    RapportQuizPage    *page,
                    RapportQuizSession *session)
{
  RapportQuestion *question = current_question (session);
  GtkWidget *check = rapport_test_app_quiz_button (page);
  guint n_stops = 0;

  for (guint step = 0; step < 20; step++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
      g_autofree char *name = NULL;

      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (page)));
      if (focus == check)
        break;

      name = rapport_test_accessible_property (GTK_IS_TEXT (focus) ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : focus,
                         GTK_ACCESSIBLE_PROPERTY_LABEL);
      g_test_message ("stop %u: %s “%s”", n_stops, G_OBJECT_TYPE_NAME (focus), name != NULL ? name : "(none)");
      g_assert_nonnull (name);
      if (rapport_question_get_question_type (question) == RAPPORT_QUESTION_MATCHING)
        {
          g_autofree char *expected = g_strdup_printf ("Match for “%s”",
                                                       rapport_inline_get_text (rapport_question_get_pair_left (question, n_stops)));

          g_assert_cmpstr (name, ==, expected);
        }
      else
        g_assert_cmpstr (name, ==, rapport_question_get_question_type (question) == RAPPORT_QUESTION_NUMERIC
                                   ? "Your answer, a number" : "Your answer");
      n_stops++;
      rapport_test_press_keys (GTK_WINDOW (window), "Tab");
    }

  g_assert_cmpuint (n_stops, ==, rapport_question_get_question_type (question) == RAPPORT_QUESTION_MATCHING
                                 ? rapport_question_get_n_pairs (question) : 1);
  /* Back to where the question started. */
  for (guint i = 0; i < n_stops; i++)
    rapport_test_press_keys (GTK_WINDOW (window), "<Shift>Tab");
}

/* The whole quiz, by @by_mouse or by the keyboard alone. */
static void
take_quiz (guint32       seed,
           gboolean      by_mouse,
           const Answer *answers,
           guint         n_answers,
           gboolean      screenshots)
{
  RapportWindow *window = show_quiz (seed);
  RapportQuizPage *page = rapport_test_app_quiz_page (window);
  RapportQuizSession *session = rapport_quiz_page_get_session (page);
  guint shot = 0;

  g_assert_cmpuint (rapport_quiz_session_get_n_questions (session), ==, n_answers);
  for (guint position = 0; position < n_answers; position++)
    {
      RapportQuestion *question = current_question (session);
      RapportQuestionType type = rapport_question_get_question_type (question);
      const Answer *answer = find_answer (answers, n_answers, rapport_question_get_key (question));
      gboolean first_of_type = screenshots && (shot & (1u << type)) == 0;

      g_test_message ("question %u: %s (%s) by %s", position + 1, answer->key, type_name (question),
                      by_mouse ? "mouse" : "keyboard");
      g_assert_cmpuint (rapport_quiz_session_get_position (session), ==, position);
      if (first_of_type)
        {
          g_autofree char *name = g_strdup_printf ("quiz-%s-start", type_name (question));

          rapport_test_save_screenshot (GTK_WIDGET (window), name);
        }

      if (!by_mouse)
        {
          assert_focus_names (window, page, session);
          if (type == RAPPORT_QUESTION_MATCHING)
            assert_refused (window, page, session, NULL, "Choose a match for every item first.");
          else if (type == RAPPORT_QUESTION_SHORT)
            assert_refused (window, page, session, " ... ", "Type an answer in words first.");
          else
            {
              assert_refused (window, page, session, NULL, "Type a number first, such as 2.5.");
              assert_refused (window, page, session, "1,500",
                              "Rapport cannot read “\xe2\x81\xa8" "1,500\xe2\x81\xa9” as a number. Type digits with at most one decimal "
                              "separator and no thousands separators, such as 2.5.");
              assert_refused (window, page, session, "2 0",
                              "Rapport cannot read “\xe2\x81\xa8" "2 0\xe2\x81\xa9” as a number. Type digits with at most one decimal "
                              "separator and no thousands separators, such as 2.5.");
            }
        }

      if (type == RAPPORT_QUESTION_MATCHING)
        {
          if (by_mouse)
            match_by_mouse (page, session, answer, first_of_type);
          else
            match_by_keyboard (window, page, session, answer);
        }
      else
        {
          GtkWidget *entry = rapport_test_find_widget (GTK_WIDGET (page), GTK_TYPE_ENTRY, NULL);

          g_assert_nonnull (entry);
          if (by_mouse)
            {
              rapport_test_click (entry);
              g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
            }
          else
            /* The focus starts in the field: the learner just types. */
            g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
          rapport_test_type_text (GTK_WINDOW (window), answer->text);
          g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, answer->text);
        }

      if (first_of_type)
        shoot (window, type_name (question), "before");

      if (by_mouse)
        rapport_test_click (rapport_test_app_quiz_button (page));
      else
        rapport_test_press_keys (GTK_WINDOW (window), "Return");
      g_assert_cmpuint (rapport_quiz_session_get_n_answered (session), ==, position + 1);

      if (type == RAPPORT_QUESTION_MATCHING)
        assert_match_marks (page, session, answer);
      else
        assert_typed_marks (page, session, answer);
      g_assert_nonnull (rapport_test_find_mapped_label (GTK_WIDGET (page), answer->correct ? "Correct"
                                                              : answer->points > 0 ? "Partly right: 0.33 of 1 point"
                                                              : "Not quite"));

      if (first_of_type)
        {
          shoot (window, type_name (question), "after");
          shot |= 1u << type;
        }

      if (by_mouse)
        rapport_test_click (rapport_test_app_quiz_button (page));
      else
        rapport_test_press_keys (GTK_WINDOW (window), "Return");
    }

  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_FINISHED);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
  assert_results (page, session, answers, n_answers);
  if (screenshots)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();
      GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (rapport_test_find_widget (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, NULL),
                                                                                  GTK_TYPE_SCROLLED_WINDOW));
      graphene_rect_t bounds;

      rapport_test_save_screenshot (GTK_WIDGET (window), "quiz-new-types-results");
      /* The answers, from the first missed one. */
      rapport_test_collect_widgets (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, rows);
      for (guint i = 0; i < rows->len; i++)
        if (adw_expander_row_get_expanded (rows->pdata[i]) &&
            gtk_widget_compute_bounds (rows->pdata[i], gtk_scrolled_window_get_child (scroller), &bounds))
          {
            gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), bounds.origin.y);
            break;
          }
      rapport_test_save_screenshot (GTK_WIDGET (window), "quiz-new-types-results-answers");
    }
  assert_stored (session, answers, n_answers);
  rapport_test_app_close_windows (app);
}

/* Tests */

/* Wrong and right by turns; pairs chosen by the question's own indices:
 * m-needs is Information, Acknowledgement, A decision (0, 1, 2), m-skills
 * Paraphrasing, Empathy, Empathy (0, 1, 1).
 */
static const Answer by_mouse[] = {
  { "m-needs", { 0, 1, 2 }, NULL, TRUE, 1, "{\"matches\":[0,1,2]}" },
  { "m-skills", { 2, 1, 0 }, NULL, FALSE, 1.0 / 3, "{\"matches\":[2,1,0]}" },
  { "s-name", { 0 }, "a smile", FALSE, 0, "{\"text\":\"a smile\"}" },
  { "s-sla", { 0 }, "SLA", TRUE, 1, "{\"text\":\"SLA\",\"accepted\":0}" },
  { "n-seconds", { 0 }, "20", TRUE, 1, "{\"text\":\"20\",\"value\":20.0,\"accepted\":0}" },
  { "n-refund", { 0 }, "42.5", FALSE, 0, "{\"text\":\"42.5\",\"value\":42.5}" },
};

static const Answer by_keyboard[] = {
  { "m-needs", { 0, 2, 1 }, NULL, FALSE, 1.0 / 3, "{\"matches\":[0,2,1]}" },
  { "m-skills", { 0, 1, 1 }, NULL, TRUE, 1, "{\"matches\":[0,1,1]}" },
  { "s-name", { 0 }, "their name", TRUE, 1, "{\"text\":\"their name\",\"accepted\":1}" },
  { "s-sla", { 0 }, "sla", FALSE, 0, "{\"text\":\"sla\"}" },
  { "n-seconds", { 0 }, "80", FALSE, 0, "{\"text\":\"80\",\"value\":80.0}" },
  { "n-refund", { 0 }, "21.25", TRUE, 1, "{\"text\":\"21.25\",\"value\":21.25,\"accepted\":0}" },
};

static void
test_mouse (void)
{
  take_quiz (11, TRUE, by_mouse, G_N_ELEMENTS (by_mouse), TRUE);
}

static void
test_keyboard (void)
{
  take_quiz (12, FALSE, by_keyboard, G_N_ELEMENTS (by_keyboard), FALSE);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  rapport_test_init (&argc, &argv);

  app = rapport_test_app_new ();
  loader = rapport_unit_new_loader ();
  topic = rapport_unit_load_topic (loader, "quiz", "new-types.xml", PACK_ID);

  g_test_add_func ("/rapport/quiz-new-types/mouse", test_mouse);
  g_test_add_func ("/rapport/quiz-new-types/keyboard", test_keyboard);

  ret = g_test_run ();

  g_clear_object (&topic);
  g_clear_object (&loader);
  g_clear_object (&app);

  return ret;
}
