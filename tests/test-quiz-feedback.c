/* test-quiz-feedback.c: answering on the quiz page, in a real window: the
 * arrow keys.
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
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-unit-utils.h"
#include "rapport-window.h"

/* A quiz whose fourteen questions are all drawn: every kind of question. */
#define TOPIC "empathy"
#define SEED  17

static RapportApplication *app;

/* The quiz page of a new window of @width × 700, the default height, with
 * the empathy quiz started.
 */
static RapportQuizPage *
start_quiz (int             width,
            RapportWindow **window)
{
  RapportLearnView *learn;
  RapportTopic *topic;
  GtkWidget *page;

  *window = rapport_test_app_get_window (app);
  rapport_window_set_view (*window, "learn");
  gtk_window_set_default_size (GTK_WINDOW (*window), width, 700);
  learn = rapport_window_get_learn_view (*window);
  topic = rapport_catalog_lookup_topic (rapport_application_get_catalog (app), "io.github.rapportapp.core", TOPIC);
  g_assert_nonnull (topic);
  rapport_learn_view_start_quiz (learn, topic, SEED);
  rapport_test_wait_for_frames (GTK_WIDGET (*window), 20);
  page = rapport_test_find_widget (GTK_WIDGET (*window), RAPPORT_TYPE_QUIZ_PAGE, NULL);
  g_assert_nonnull (page);
  g_test_message ("window %d × %d for a default size of %d × 700",
                  gtk_widget_get_width (GTK_WIDGET (*window)), gtk_widget_get_height (GTK_WIDGET (*window)), width);

  return RAPPORT_QUIZ_PAGE (page);
}

static void
press_picks (RapportWindow *window,
             const guint   *picks,
             guint          n_picks)
{
  for (guint i = 0; i < n_picks; i++)
    {
      char key[2] = { (char) ('1' + picks[i]), '\0' };

      g_assert_cmpuint (picks[i], <, 9);
      rapport_test_press_keys (GTK_WINDOW (window), key);
    }
}

/* Keys */

static guint
active_mask (GPtrArray *buttons)
{
  guint mask = 0;

  for (guint i = 0; i < buttons->len; i++)
    mask |= gtk_check_button_get_active (buttons->pdata[i]) ? 1u << i : 0;

  return mask;
}

static GtkWidget *
focus_of (RapportWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Answers and leaves questions until one of @type is shown; its check buttons into @buttons. */
static void
skip_to (RapportWindow      *window,
         RapportQuizPage    *page,
         RapportQuestionType type,
         GPtrArray          *buttons)
{
  RapportQuizSession *session = rapport_quiz_page_get_session (page);

  while (rapport_question_get_question_type (rapport_quiz_session_get_question (session, rapport_quiz_session_get_position (session))) != type)
    {
      guint picks[RAPPORT_UNIT_MAX_PICKS];
      guint n_picks = rapport_unit_shown_answer (session, TRUE, picks);

      press_picks (window, picks, n_picks);
      rapport_test_press_keys (GTK_WINDOW (window), "Return");
      rapport_test_press_keys (GTK_WINDOW (window), "Return");
    }

  g_ptr_array_set_size (buttons, 0);
  rapport_test_collect_widgets (GTK_WIDGET (page), GTK_TYPE_CHECK_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, >=, 3);
}

static void
test_arrow_keys (void)
{
  RapportWindow *window;
  RapportQuizPage *page = start_quiz (1000, &window);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  const char *sideways[] = { "Left", "Right", "KP_Left", "KP_Right" };
  guint ticked;

  /* Select-all: Up and Down move between the choices and tick nothing… */
  skip_to (window, page, RAPPORT_QUESTION_MULTIPLE, buttons);
  rapport_test_press_keys (GTK_WINDOW (window), "1");
  g_assert_true (focus_of (window) == buttons->pdata[0]);
  ticked = active_mask (buttons);
  g_assert_cmpuint (ticked, ==, 1);
  for (guint i = 1; i < buttons->len; i++)
    {
      rapport_test_press_keys (GTK_WINDOW (window), "Down");
      g_assert_true (focus_of (window) == buttons->pdata[i]);
      g_assert_cmpuint (active_mask (buttons), ==, ticked);
    }
  /* …past the last one comes Check… */
  rapport_test_press_keys (GTK_WINDOW (window), "Down");
  g_assert_true (focus_of (window) == GTK_WIDGET (rapport_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Check Answer")));
  g_assert_cmpuint (active_mask (buttons), ==, ticked);
  rapport_test_press_keys (GTK_WINDOW (window), "1");
  g_assert_cmpuint (active_mask (buttons), ==, 0);
  rapport_test_press_keys (GTK_WINDOW (window), "Down");
  g_assert_true (focus_of (window) == buttons->pdata[1]);
  rapport_test_press_keys (GTK_WINDOW (window), "Up");
  g_assert_true (focus_of (window) == buttons->pdata[0]);
  rapport_test_press_keys (GTK_WINDOW (window), "Up");
  g_assert_true (focus_of (window) == buttons->pdata[0]);
  g_assert_cmpuint (active_mask (buttons), ==, 0);
  /* …Left and Right do nothing, and Space ticks and unticks the focused one. */
  for (guint i = 0; i < G_N_ELEMENTS (sideways); i++)
    {
      rapport_test_press_keys (GTK_WINDOW (window), sideways[i]);
      g_assert_true (focus_of (window) == buttons->pdata[0]);
      g_assert_cmpuint (active_mask (buttons), ==, 0);
    }
  rapport_test_press_keys (GTK_WINDOW (window), "Down");
  rapport_test_press_keys (GTK_WINDOW (window), "space");
  g_assert_cmpuint (active_mask (buttons), ==, 1u << 1);
  rapport_test_press_keys (GTK_WINDOW (window), "space");
  g_assert_cmpuint (active_mask (buttons), ==, 0);
  rapport_test_press_keys (GTK_WINDOW (window), "space");
  rapport_test_press_keys (GTK_WINDOW (window), "Return");
  rapport_test_press_keys (GTK_WINDOW (window), "Return");

  /* One choice: the arrow keys move the choice, as radio buttons do; one is always chosen, the focused one. */
  skip_to (window, page, RAPPORT_QUESTION_SINGLE, buttons);
  rapport_test_press_keys (GTK_WINDOW (window), "1");
  g_assert_cmpuint (active_mask (buttons), ==, 1);
  rapport_test_press_keys (GTK_WINDOW (window), "Down");
  g_assert_cmpuint (active_mask (buttons), ==, 1u << 1);
  g_assert_true (focus_of (window) == buttons->pdata[1]);
  rapport_test_press_keys (GTK_WINDOW (window), "Up");
  g_assert_cmpuint (active_mask (buttons), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (sideways); i++)
    {
      guint mask;

      rapport_test_press_keys (GTK_WINDOW (window), sideways[i]);
      mask = active_mask (buttons);
      g_assert_cmpuint (mask & (mask - 1), ==, 0);
      g_assert_cmpuint (mask, !=, 0);
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (focus_of (window))));
    }

  rapport_test_app_close_windows (app);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  rapport_test_init (&argc, &argv);

  app = rapport_test_app_new ();

  g_test_add_func ("/rapport/quiz-feedback/arrow-keys", test_arrow_keys);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
