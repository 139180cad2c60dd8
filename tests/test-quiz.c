/* test-quiz.c: taking a quiz by keyboard, in a real window.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rapport-application.h"
#include "rapport-learn-view.h"
#include "rapport-lesson.h"
#include "rapport-lesson-view.h"
#include "rapport-question.h"
#include "rapport-quiz-page.h"
#include "rapport-review.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-topic-page.h"
#include "rapport-unit-utils.h"
#include "rapport-window.h"

#define CORE_PACK "io.github.rapportapp.core"

static RapportApplication *app;

static RapportWindow *
get_window (void)
{
  RapportWindow *window = rapport_test_app_get_window (app);

  rapport_window_set_view (window, "learn");
  return window;
}

static void
close_all_windows (void)
{
  rapport_test_app_close_windows (app);
}

static RapportTopic *
topic (const char *key)
{
  RapportTopic *found = rapport_catalog_lookup_topic (rapport_application_get_catalog (app), CORE_PACK, key);

  g_assert_nonnull (found);
  return found;
}

static RapportTopic *
lookup_topic (gpointer    user_data,
              const char *pack_id,
              const char *topic_key)
{
  return rapport_catalog_lookup_topic (rapport_application_get_catalog (app), pack_id, topic_key);
}

static RapportQuizPage *
quiz_page (RapportWindow *window)
{
  GtkWidget *page = rapport_test_find_widget (GTK_WIDGET (window), RAPPORT_TYPE_QUIZ_PAGE, NULL);

  g_assert_nonnull (page);
  return RAPPORT_QUIZ_PAGE (page);
}

static void
press_digit (RapportWindow *window,
             guint          shown)
{
  char key[2] = { (char) ('1' + shown), '\0' };

  g_assert_cmpuint (shown, <, 9);
  rapport_test_press_keys (GTK_WINDOW (window), key);
}

/* Answers the question on screen with the keyboard, rightly or wrongly. */
static void
answer_by_keyboard (RapportWindow      *window,
                    RapportQuizSession *session,
                    gboolean            right)
{
  guint picks[RAPPORT_UNIT_MAX_PICKS];
  guint n = rapport_unit_shown_answer (session, right, picks);

  for (guint i = 0; i < n; i++)
    press_digit (window, picks[i]);

  rapport_test_press_keys (GTK_WINDOW (window), "Return");
}

/* The right answer as the results name and show it, worked out from the
 * question itself: the correct choices, the best reply, true or false, or
 * the steps in order, one a line.
 */
static char *
expected_right (RapportQuestion  *question,
                const char      **title)
{
  GString *text = g_string_new (NULL);
  RapportQuestionType type = rapport_question_get_question_type (question);
  guint n = type == RAPPORT_QUESTION_ORDERING ? rapport_question_get_n_steps (question)
                                               : rapport_question_get_n_choices (question);
  guint found = 0;

  if (type == RAPPORT_QUESTION_TRUEFALSE)
    {
      *title = "Right answer";
      return g_string_free (g_string_append (text, rapport_question_get_answer (question) ? "True" : "False"),
                            FALSE);
    }

  for (guint i = 0; i < n; i++)
    {
      if (type == RAPPORT_QUESTION_ORDERING)
        {
          g_string_append_printf (text, "%s%u. %s", i > 0 ? "\n" : "", i + 1,
                                  rapport_inline_get_text (rapport_question_get_step (question, i)));
          found++;
        }
      else if (rapport_unit_is_right_choice (question, i))
        {
          g_string_append_printf (text, "%s• %s", found > 0 ? "\n" : "",
                                  rapport_inline_get_text (rapport_choice_get_text (rapport_question_get_choice (question, i))));
          found++;
        }
    }
  /* One choice stands as it is; several are a list. */
  if (found == 1 && type != RAPPORT_QUESTION_ORDERING)
    g_string_erase (text, 0, strlen ("• "));

  switch (type)
    {
    case RAPPORT_QUESTION_ORDERING:
      *title = "Right order";
      break;

    case RAPPORT_QUESTION_SCENARIO:
      *title = found > 1 ? "Best replies" : "Best reply";
      break;

    case RAPPORT_QUESTION_MULTIPLE:
      *title = found > 1 ? "Right choices" : "Right choice";
      break;

    default:
      *title = "Right answer";
      break;
    }

  return g_string_free (text, FALSE);
}

/* The results row of question @position, open, shows the learner's answer
 * and, when it was missed, the right one beside it.
 */
static void
assert_result_row (RapportQuizPage    *page,
                   RapportQuizSession *session,
                   guint               position)
{
  RapportQuestion *question = rapport_quiz_session_get_question (session, position);
  const RapportQuizAnswerResult *result = rapport_quiz_session_get_result (session, position);
  g_autofree char *prompt = g_markup_escape_text (rapport_inline_get_text (rapport_question_get_prompt (question)), -1);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *row;
  const char *title = NULL;
  g_autofree char *right = expected_right (question, &title);
  GtkWidget *right_row;

  /* One row a question, in the order asked (two scenarios may share a prompt). */
  rapport_test_collect_widgets (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, rows);
  g_assert_cmpuint (rows->len, ==, rapport_quiz_session_get_n_questions (session));
  row = rows->pdata[position];
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, prompt);
  g_assert_nonnull (rapport_test_find_widget (row, ADW_TYPE_ACTION_ROW, "Your answer"));
  right_row = rapport_test_find_widget (row, ADW_TYPE_ACTION_ROW, title);
  if (result->correct)
    {
      g_assert_null (right_row);
      return;
    }

  g_test_message ("question %u: %s “%s”", position, title, right);
  g_assert_nonnull (right_row);
  /* The subtitle is markup: what it reads is the label's text. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (right_row)), ==, right);
  /* Missed questions open by themselves: the right answer is on screen. */
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_true (gtk_widget_get_mapped (right_row));
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button = rapport_test_find_widget (root, GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  return button;
}

/* Whether some label under @root contains @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  rapport_test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        strstr (gtk_label_get_text (labels->pdata[i]), text) != NULL)
      return TRUE;

  return FALSE;
}

/* @prefix-light, -dark, -narrow-dark and -narrow-light (360 px wide). */
static void
save_styles (RapportWindow *window,
             const char    *prefix)
{
  static const struct { const char *suffix; const char *scheme; int width; } shots[] = {
    { "light", "light", 1000 }, { "dark", "dark", 1000 },
    { "narrow-dark", "dark", 360 }, { "narrow-light", "light", 360 },
  };
  GSettings *settings = rapport_application_get_settings (app);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s", prefix, shots[i].suffix);

      g_settings_set_string (settings, "color-scheme", shots[i].scheme);
      gtk_window_set_default_size (GTK_WINDOW (window), shots[i].width, shots[i].width < 1000 ? 700 : 720);
      rapport_test_save_screenshot (GTK_WIDGET (window), name);
    }
  g_settings_set_string (settings, "color-scheme", "default");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
}

static void
test_take_quiz (void)
{
  RapportWindow *window = get_window ();
  RapportLearnView *learn = rapport_window_get_learn_view (window);
  RapportStore *store = rapport_application_get_store (app);
  RapportQuizSession *session;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(RapportStoreTopicSummary) summary = NULL;
  GtkWidget *widget;
  g_autofree char *score_text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first_of_n = NULL;
  g_autoptr(GHashTable) still_missed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double score;
  guint n, wrong_at;

  /* The topic page's quiz row starts the quiz. */
  rapport_learn_view_open_topic (learn, topic ("empathy"));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 20);
  widget = rapport_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "_Take the Quiz");
  g_assert_nonnull (widget);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), "pass mark 70 %"));
  g_signal_emit_by_name (widget, "activated");
  g_assert_cmpstr (rapport_learn_view_get_page (learn), ==, "quiz");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 20);
  session = rapport_quiz_page_get_session (quiz_page (window));
  /* An attempt asks the quiz's draw from its pool, so "of" counts the draw. */
  n = rapport_quiz_session_get_n_questions (session);
  g_assert_cmpuint (n, >=, 12);
  g_assert_cmpuint (n, ==, rapport_quiz_get_draw (rapport_topic_get_quiz (topic ("empathy"))));
  g_assert_cmpuint (n, <, rapport_quiz_get_n_questions (rapport_topic_get_quiz (topic ("empathy"))));
  first_of_n = g_strdup_printf ("Question 1 of %u", n);
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, first_of_n));
  rapport_test_save_screenshot (GTK_WIDGET (window), "quiz-question");

  /* Keyboard only: a wrong answer first, with its feedback. */
  answer_by_keyboard (window, session, FALSE);
  {
    /* The draw is random here, so the first question may be an ordering one,
     * where a wrong order can still earn partial credit.
     */
    const RapportQuizAnswerResult *first = rapport_quiz_session_get_result (session, 0);
    g_autofree char *heading = first->points > 0
      ? g_strdup_printf ("Partly right: %.2g of 1 point", first->points)
      : g_strdup ("Not quite");

    g_assert_false (first->correct);
    g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, heading));
  }
  rapport_test_save_screenshot (GTK_WIDGET (window), "quiz-feedback");
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", "dark");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  rapport_test_save_screenshot (GTK_WIDGET (window), "quiz-feedback-narrow-dark");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", "default");
  rapport_test_press_keys (GTK_WINDOW (window), "Return");

  /* The first attempt: everything wrong, so it fails, and every question it
   * asked waits in the review queue.
   */
  for (guint i = 1; i < n; i++)
    {
      answer_by_keyboard (window, session, FALSE);
      g_assert_false (rapport_quiz_session_get_result (session, i)->correct);
      rapport_test_press_keys (GTK_WINDOW (window), "Return");
    }
  for (guint i = 0; i < n; i++)
    {
      RapportQuestion *question = rapport_quiz_session_get_question (session, i);

      g_hash_table_add (still_missed, g_strdup (rapport_question_get_key (question)));
    }
  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_FINISHED);
  g_assert_false (rapport_quiz_session_get_passed (session));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 20);
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Not Passed Yet"));
  /* Each missed question shows the right answer beside the learner's. */
  for (guint i = 0; i < n; i++)
    assert_result_row (quiz_page (window), session, i);
  /* How the score is made, and when the missed questions come back. */
  g_assert_true (shows_text (GTK_WIDGET (quiz_page (window)),
                             "Every question counts the same: 1 point, or part of a point when partly right."));
  {
    g_autofree char *due = g_strdup_printf ("The %u questions you missed come back in Review tomorrow.", n);

    g_assert_true (shows_text (GTK_WIDGET (quiz_page (window)), due));
  }
  /* After a fail, Retake is the suggested way on, and has the focus. */
  widget = find_button (GTK_WIDGET (quiz_page (window)), "_Retake");
  g_assert_true (gtk_widget_has_css_class (widget, "suggested-action"));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == widget);
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (quiz_page (window)), "_Continue")));
  rapport_test_save_screenshot (GTK_WIDGET (window), "quiz-failed");
  save_styles (window, "quiz-failed");
  {
    g_autoptr(GPtrArray) failed = rapport_store_list_quiz_attempts (store, CORE_PACK, "empathy", NULL);

    g_assert_cmpuint (failed->len, ==, 1);
    g_assert_false (((RapportStoreAttempt *) failed->pdata[0])->passed);
  }

  /* Retake (the button has the focus, so Enter would do too): a new draw. */
  widget = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Retake");
  g_assert_nonnull (widget);
  g_signal_emit_by_name (widget, "clicked");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
  session = rapport_quiz_page_get_session (quiz_page (window));
  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_IN_PROGRESS);
  g_assert_cmpuint (rapport_quiz_session_get_n_answered (session), ==, 0);
  g_assert_cmpuint (rapport_quiz_session_get_n_questions (session), ==, n);
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, first_of_n));

  /* The second attempt: one one-point question wrong, the rest right: a
   * pass.  The draw decides which questions come, and a wrong scenario or
   * ordering question can cost more than one point, so the miss is the
   * first question worth exactly one.
   */
  for (wrong_at = 0; wrong_at < n; wrong_at++)
    {
      RapportQuestion *question = rapport_quiz_session_get_question (session, wrong_at);
      RapportQuestionType type = rapport_question_get_question_type (question);

      if (type != RAPPORT_QUESTION_SCENARIO && type != RAPPORT_QUESTION_ORDERING)
        break;
    }
  g_assert_cmpuint (wrong_at, <, n);
  for (guint i = 0; i < n; i++)
    {
      const char *key = rapport_question_get_key (rapport_quiz_session_get_question (session, i));

      g_assert_cmpuint (rapport_quiz_session_get_position (session), ==, i);
      answer_by_keyboard (window, session, i != wrong_at);
      g_assert_true (rapport_quiz_session_get_result (session, i)->correct == (i != wrong_at));
      rapport_test_press_keys (GTK_WINDOW (window), "Return");
      if (i == wrong_at)
        g_hash_table_add (still_missed, g_strdup (key));
      else
        g_hash_table_remove (still_missed, key);
    }

  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_FINISHED);
  g_assert_true (rapport_quiz_session_get_passed (session));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 20);
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "You Passed"));
  /* Every question weighs one point: all right but one, and that one
   * missed or partly right.
   */
  score = rapport_quiz_session_get_score (session);
  g_assert_cmpfloat (score, <, 100);
  g_assert_cmpfloat (score, >=, (n - 1) * 100.0 / n - 1e-9);
  g_assert_cmpfloat_with_epsilon (score, (n - 1 + rapport_quiz_session_get_result (session, wrong_at)->points) * 100 / n,
                                  1e-9);
  score_text = g_strdup_printf ("%.0f %%", score);
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, score_text));
  assert_result_row (quiz_page (window), session, 0);
  g_assert_true (shows_text (GTK_WIDGET (quiz_page (window)),
                             "The 1 question you missed comes back in Review tomorrow."));
  /* After a pass, Continue is the suggested way on, and has the focus. */
  widget = find_button (GTK_WIDGET (quiz_page (window)), "_Continue");
  g_assert_true (gtk_widget_get_visible (widget));
  g_assert_true (gtk_widget_has_css_class (widget, "suggested-action"));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == widget);
  g_assert_false (gtk_widget_has_css_class (find_button (GTK_WIDGET (quiz_page (window)), "_Retake"),
                                            "suggested-action"));
  rapport_test_save_screenshot (GTK_WIDGET (window), "quiz-results");
  save_styles (window, "quiz-passed");

  /* Stored with every answer; the missed question waits in the review queue. */
  attempts = rapport_store_list_quiz_attempts (store, CORE_PACK, "empathy", NULL);
  g_assert_cmpuint (attempts->len, ==, 2);
  {
    g_autoptr(GDateTime) later = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (later, 2);
    g_autoptr(GPtrArray) due = rapport_store_list_due_reviews (store, tomorrow, 100, NULL);
    RapportStoreAttempt *full = rapport_store_get_quiz_attempt (store, rapport_quiz_session_get_attempt_id (session), NULL);

    g_assert_cmpuint (full->answers->len, ==, n);
    g_assert_cmpint (full->state, ==, RAPPORT_STORE_ATTEMPT_FINISHED);
    g_assert_true (full->passed);
    rapport_store_attempt_free (full);
    /* Missed in the first attempt and not answered right since, or missed in
     * the second: back tomorrow.  Missed, then answered right: on to three
     * days.
     */
    g_assert_cmpuint (due->len, ==, g_hash_table_size (still_missed));
    for (guint i = 0; i < due->len; i++)
      {
        RapportStoreReviewItem *item = g_ptr_array_index (due, i);

        g_assert_cmpstr (item->topic_key, ==, "empathy");
        g_assert_true (g_hash_table_contains (still_missed, item->question_key));
      }
  }

  /* Back to the topic: its quiz row shows the score. */
  widget = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Back to Topic");
  g_signal_emit_by_name (widget, "clicked");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 20);
  g_assert_cmpstr (rapport_learn_view_get_page (learn), ==, "topic");
  widget = rapport_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "_Take the Quiz");
  expected = g_strdup_printf ("best %s, last %s", score_text, score_text);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), expected));
  summary = rapport_store_get_topic_summary (store, CORE_PACK, "empathy", "empathy",
                                             rapport_topic_get_n_lessons (topic ("empathy")), NULL);
  g_assert_cmpfloat_with_epsilon (summary->best_score, score, 0.01);

  /* And the Empathy card on the course grid shows best and last score. */
  rapport_learn_view_go_back (learn);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 20);
  {
    g_autofree char *card = g_strdup_printf ("0 of %u lessons · quiz best %s, last %s",
                                             rapport_topic_get_n_lessons (topic ("empathy")),
                                             score_text, score_text);
    GtkWidget *flowbox = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_FLOW_BOX, NULL);

    g_assert_nonnull (rapport_test_find_widget (flowbox, GTK_TYPE_LABEL, card));
  }

  close_all_windows ();
}

static gboolean
dialog_shown (gpointer user_data)
{
  return rapport_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_abandon (void)
{
  RapportWindow *window = get_window ();
  RapportLearnView *learn = rapport_window_get_learn_view (window);
  RapportStore *store = rapport_application_get_store (app);
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(RapportStoreTopicSummary) summary = NULL;
  RapportQuizSession *session;
  GtkWindow *dialog;

  rapport_learn_view_start_quiz (learn, topic ("assertiveness"), 7);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 20);
  session = rapport_quiz_page_get_session (quiz_page (window));
  answer_by_keyboard (window, session, TRUE);
  rapport_test_press_keys (GTK_WINDOW (window), "Return");

  /* Leaving asks first; "Keep Going" stays… */
  rapport_test_press_keys (GTK_WINDOW (window), "<Alt>Left");
  g_assert_true (rapport_test_wait_until (dialog_shown, NULL, 3000));
  dialog = rapport_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Leave the Quiz?");
  rapport_test_save_screenshot (GTK_WIDGET (dialog), "quiz-leave-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_assert_cmpstr (rapport_learn_view_get_page (learn), ==, "quiz");

  /* …and "Leave Quiz" stores an abandoned attempt that is not a score. */
  rapport_test_press_keys (GTK_WINDOW (window), "<Alt>Left");
  g_assert_true (rapport_test_wait_until (dialog_shown, NULL, 3000));
  dialog = rapport_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "abandon");
  g_assert_cmpstr (rapport_learn_view_get_page (learn), ==, "topic");

  attempts = rapport_store_list_quiz_attempts (store, CORE_PACK, "assertiveness", NULL);
  g_assert_cmpuint (attempts->len, ==, 1);
  g_assert_cmpint (((RapportStoreAttempt *) attempts->pdata[0])->state, ==, RAPPORT_STORE_ATTEMPT_ABANDONED);
  summary = rapport_store_get_topic_summary (store, CORE_PACK, "assertiveness", "assertiveness", 4, NULL);
  g_assert_cmpfloat (summary->best_score, <, 0);

  close_all_windows ();
}

static void
test_review (void)
{
  RapportWindow *window;
  RapportLearnView *learn;
  RapportStore *store = rapport_application_get_store (app);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GtkWidget *label;
  GtkWidget *button;
  RapportQuizSession *session;

  /* Two missed questions of two topics are due now. */
  {
    RapportQuiz *quiz = rapport_topic_get_quiz (topic ("communication"));
    g_autoptr(RapportQuestion) first = g_list_model_get_item (rapport_quiz_get_questions (quiz), 0);
    RapportQuiz *quiz2 = rapport_topic_get_quiz (topic ("empathy"));
    g_autoptr(RapportQuestion) second = g_list_model_get_item (rapport_quiz_get_questions (quiz2), 0);

    g_assert_true (rapport_store_upsert_review_item (store, CORE_PACK, "communication",
                                                     rapport_question_get_key (first), 1, now, NULL));
    g_assert_true (rapport_store_upsert_review_item (store, CORE_PACK, "empathy",
                                                     rapport_question_get_key (second), 1, now, NULL));
  }

  window = get_window ();
  learn = rapport_window_get_learn_view (window);
  rapport_learn_view_refresh (learn);
  label = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                    "2 questions you missed are due for review today.");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  rapport_test_save_screenshot (GTK_WIDGET (window), "learn-review-due");

  button = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Start _Review");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (rapport_learn_view_get_page (learn), ==, "quiz");
  session = rapport_quiz_page_get_session (quiz_page (window));
  g_assert_cmpuint (rapport_quiz_session_get_n_questions (session), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      answer_by_keyboard (window, session, TRUE);
      rapport_test_press_keys (GTK_WINDOW (window), "Return");
    }
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Review Done"));
  /* A review's own wording: how many were right and when they come back
   * (box 2: in three days), no pass mark.
   */
  g_assert_true (shows_text (GTK_WIDGET (quiz_page (window)),
                             "You reviewed 2 questions: 2 right. The first of them comes back in 3 days."));
  g_assert_false (shows_text (GTK_WIDGET (quiz_page (window)), "Pass mark"));

  /* Both moved on to a later box: nothing is due today any more. */
  button = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Back to Topics");
  g_signal_emit_by_name (button, "clicked");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 20);
  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
    g_autoptr(GDateTime) later = g_date_time_new_now_utc ();
    guint n_due = 99;

    g_assert_true (rapport_review_count_due_today (store, later, tz, lookup_topic, NULL, &n_due, NULL));
    g_assert_cmpuint (n_due, ==, 0);
  }
  g_assert_null (rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                           "2 questions you missed are due for review today."));

  close_all_windows ();
}

static void
take_whole_quiz (RapportWindow *window,
                 gboolean       right)
{
  RapportQuizSession *session = rapport_quiz_page_get_session (quiz_page (window));

  for (guint i = 0; i < rapport_quiz_session_get_n_questions (session); i++)
    {
      answer_by_keyboard (window, session, right);
      rapport_test_press_keys (GTK_WINDOW (window), "Return");
    }
  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_FINISHED);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
}

static void
complete_lessons (RapportTopic *done,
                  const char   *which)
{
  RapportStore *store = rapport_application_get_store (app);

  for (guint i = 0; which[i] != '\0'; i++)
    {
      g_autoptr(RapportLesson) lesson = g_list_model_get_item (rapport_topic_get_lessons (done), which[i] - '0');
      g_autoptr(GError) error = NULL;

      g_assert_true (rapport_store_mark_lesson_completed (store, CORE_PACK, rapport_topic_get_key (done),
                                                          rapport_lesson_get_key (lesson), NULL, &error));
      g_assert_no_error (error);
    }
}

/* Every lesson of @done, however many the course gives it. */
static void
complete_all_lessons (RapportTopic *done)
{
  g_autoptr(GString) which = g_string_new (NULL);

  g_assert_cmpuint (rapport_topic_get_n_lessons (done), <=, 10);
  for (guint i = 0; i < rapport_topic_get_n_lessons (done); i++)
    g_string_append_c (which, '0' + i);
  complete_lessons (done, which->str);
}

/* Passes the quiz of @key and presses Continue (Enter: it has the focus). */
static void
pass_and_continue (RapportWindow *window,
                   const char    *key)
{
  RapportLearnView *learn = rapport_window_get_learn_view (window);

  rapport_learn_view_start_quiz (learn, topic (key), 11);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
  take_whole_quiz (window, TRUE);
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "You Passed"));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) ==
                 find_button (GTK_WIDGET (quiz_page (window)), "_Continue"));
  g_signal_emit_by_name (find_button (GTK_WIDGET (quiz_page (window)), "_Continue"), "clicked");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
}

static const char *
shown_lesson_key (RapportWindow *window)
{
  GtkWidget *view = rapport_test_find_widget (GTK_WIDGET (window), RAPPORT_TYPE_LESSON_VIEW, NULL);

  return rapport_lesson_get_key (rapport_lesson_view_get_lesson (RAPPORT_LESSON_VIEW (view)));
}

/* Continue, after a pass: the topic's first unfinished lesson, then the
 * next topic of the course, then, after the last topic, the course.
 */
static void
test_continue (void)
{
  RapportWindow *window = get_window ();
  RapportLearnView *learn = rapport_window_get_learn_view (window);
  RapportTopic *conflict = topic ("conflict-management");
  GtkWidget *page;

  pass_and_continue (window, "conflict-management");
  g_assert_cmpstr (rapport_learn_view_get_page (learn), ==, "lesson");
  {
    g_autoptr(RapportLesson) first = g_list_model_get_item (rapport_topic_get_lessons (conflict), 0);

    g_assert_cmpstr (shown_lesson_key (window), ==, rapport_lesson_get_key (first));
  }

  complete_lessons (conflict, "02");
  pass_and_continue (window, "conflict-management");
  g_assert_cmpstr (rapport_learn_view_get_page (learn), ==, "lesson");
  {
    g_autoptr(RapportLesson) second = g_list_model_get_item (rapport_topic_get_lessons (conflict), 1);

    g_assert_cmpstr (shown_lesson_key (window), ==, rapport_lesson_get_key (second));
  }

  /* All read: the next topic in the course's order. */
  complete_all_lessons (conflict);
  pass_and_continue (window, "conflict-management");
  g_assert_cmpstr (rapport_learn_view_get_page (learn), ==, "topic");
  page = rapport_test_find_widget (GTK_WIDGET (window), RAPPORT_TYPE_TOPIC_PAGE, NULL);
  g_assert_true (rapport_topic_page_get_topic (RAPPORT_TOPIC_PAGE (page)) == topic ("business-writing"));

  /* The last topic of the course, all read: back to the course. */
  complete_all_lessons (topic ("cross-cultural"));
  pass_and_continue (window, "cross-cultural");
  g_assert_cmpstr (rapport_learn_view_get_page (learn), ==, "topics");

  close_all_windows ();
}

/* A review of three due questions, one missed: its own results. */
static void
test_review_results (void)
{
  RapportStore *store = rapport_application_get_store (app);
  static const char *keys[] = { "active-listening", "problem-solving", "stress-management" };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  RapportWindow *window;
  RapportQuizSession *session;
  RapportQuizPage *page;
  GtkWidget *button;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      RapportQuiz *quiz = rapport_topic_get_quiz (topic (keys[i]));
      g_autoptr(RapportQuestion) question = g_list_model_get_item (rapport_quiz_get_questions (quiz), 1);

      g_assert_true (rapport_store_upsert_review_item (store, CORE_PACK, keys[i],
                                                       rapport_question_get_key (question), 1, now, NULL));
    }

  window = get_window ();
  g_assert_true (rapport_learn_view_start_review (rapport_window_get_learn_view (window), 5));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
  page = quiz_page (window);
  session = rapport_quiz_page_get_session (page);
  g_assert_cmpuint (rapport_quiz_session_get_n_questions (session), ==, 3);
  /* The second one asked is missed (partly right would count as missed too). */
  for (guint i = 0; i < 3; i++)
    {
      answer_by_keyboard (window, session, i != 1);
      rapport_test_press_keys (GTK_WINDOW (window), "Return");
    }
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
  g_assert_false (rapport_quiz_session_get_result (session, 1)->correct);

  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Review Done"));
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "2 of 3 right"));
  g_assert_true (shows_text (GTK_WIDGET (page),
                             "You reviewed 3 questions: 2 right. The 1 you missed comes back tomorrow."));
  g_assert_true (shows_text (GTK_WIDGET (page),
                             "Only a fully right answer counts as right; the others come back sooner."));
  g_assert_false (shows_text (GTK_WIDGET (page), "Pass mark"));
  g_assert_false (shows_text (GTK_WIDGET (page), "%"));
  for (guint i = 0; i < 3; i++)
    assert_result_row (page, session, i);

  /* No retake nor continue in a review: back to the course, focused. */
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (page), "_Retake")));
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (page), "_Continue")));
  button = find_button (GTK_WIDGET (page), "_Back to Topics");
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == button);

  save_styles (window, "review-results");

  g_signal_emit_by_name (button, "clicked");
  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  rapport_test_init (&argc, &argv);

  app = rapport_test_app_new ();

  g_test_add_func ("/rapport/quiz/take", test_take_quiz);
  g_test_add_func ("/rapport/quiz/abandon", test_abandon);
  g_test_add_func ("/rapport/quiz/review", test_review);
  g_test_add_func ("/rapport/quiz/review-results", test_review_results);
  g_test_add_func ("/rapport/quiz/continue", test_continue);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
