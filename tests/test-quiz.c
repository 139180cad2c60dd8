/* test-quiz.c: taking a quiz by keyboard, in a real window.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rapport-application.h"
#include "rapport-learn-view.h"
#include "rapport-question.h"
#include "rapport-quiz-page.h"
#include "rapport-review.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
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
      ? g_strdup_printf ("Partly right: %g of %g points", first->points, first->points_possible)
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
  rapport_test_save_screenshot (GTK_WIDGET (window), "quiz-failed");
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
  /* Questions weigh their points (a scenario 2, an ordering one per step),
   * so the score comes from the session, and the label must show it.
   */
  score = rapport_quiz_session_get_score (session);
  g_assert_cmpfloat (score, <, 100);
  g_assert_cmpfloat (score, >=, 70);
  score_text = g_strdup_printf ("%.0f %%", score);
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, score_text));
  rapport_test_save_screenshot (GTK_WIDGET (window), "quiz-results");

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
  summary = rapport_store_get_topic_summary (store, CORE_PACK, "empathy", "empathy", 4, NULL);
  g_assert_cmpfloat_with_epsilon (summary->best_score, score, 0.01);

  /* And the Empathy card on the course grid shows best and last score. */
  rapport_learn_view_go_back (learn);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 20);
  {
    g_autofree char *card = g_strdup_printf ("0 of 4 lessons · quiz best %s, last %s", score_text, score_text);
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

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
