/* test-learn.c: the course as a new hire meets it, in a real window.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "rapport-application.h"
#include "rapport-journal-view.h"
#include "rapport-learn-view.h"
#include "rapport-lesson.h"
#include "rapport-lesson-view.h"
#include "rapport-pack-install.h"
#include "rapport-paths.h"
#include "rapport-problem.h"
#include "rapport-progress-view.h"
#include "rapport-quiz-page.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-topic-card.h"
#include "rapport-topic-loader.h"
#include "rapport-topic-page.h"
#include "rapport-window.h"

#define CORE_PACK "io.github.rapportapp.core"

static RapportApplication *app;

static gboolean
cards_shown (gpointer user_data)
{
  GtkWidget *flowbox = rapport_test_find_widget (GTK_WIDGET (user_data), GTK_TYPE_FLOW_BOX, NULL);

  return flowbox != NULL && gtk_widget_get_first_child (flowbox) != NULL;
}

static RapportWindow *
get_window (void)
{
  RapportWindow *window;

  if (app == NULL)
    app = rapport_test_app_new ();

  window = rapport_test_app_get_window (app);
  g_assert_true (rapport_test_wait_until (cards_shown, window, 5000));
  rapport_window_set_view (window, "learn");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 2);

  return window;
}

static void
close_all_windows (void)
{
  rapport_test_app_close_windows (app);
}

static void
set_style (const char *scheme)
{
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", scheme);
}

/* The card a user would click: the flow box child whose title reads @title. */
static GtkFlowBoxChild *
find_card (RapportWindow *window,
           const char    *title)
{
  GtkWidget *flowbox = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_FLOW_BOX, NULL);
  GtkWidget *label = rapport_test_find_widget (flowbox, GTK_TYPE_LABEL, title);

  if (label == NULL)
    return NULL;

  return GTK_FLOW_BOX_CHILD (gtk_widget_get_ancestor (label, GTK_TYPE_FLOW_BOX_CHILD));
}

/* The progress, the card's last line. */
static const char *
card_status (GtkFlowBoxChild *card)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  rapport_test_collect_widgets (GTK_WIDGET (card), GTK_TYPE_LABEL, labels);
  /* title, the pack it came from (not for the course's own), summary, status */
  g_assert_cmpuint (labels->len, >=, 3);
  g_assert_cmpuint (labels->len, <=, 4);
  return gtk_label_get_text (labels->pdata[labels->len - 1]);
}

/* "N of M lessons" and then @suffix, M being the number of lessons the
 * course's topic @key has: lessons are added to the course over time.
 */
static char *
lessons_status (const char *key,
                guint       done,
                const char *suffix)
{
  RapportTopic *topic = rapport_catalog_lookup_topic (rapport_application_get_catalog (app),
                                                      CORE_PACK, key);

  g_assert_nonnull (topic);
  return g_strdup_printf ("%u of %u lessons%s", done, rapport_topic_get_n_lessons (topic), suffix);
}

/* Whether a label on @card (drawn or not) reads @text. */
static gboolean
card_says (GtkFlowBoxChild *card,
           const char      *text)
{
  return rapport_test_find_widget (GTK_WIDGET (card), GTK_TYPE_LABEL, text) != NULL;
}

/* A label inside @root, on screen, that reads @text. */
static GtkWidget *
find_shown_label (GtkWidget  *root,
                  const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  rapport_test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      if (gtk_widget_get_mapped (labels->pdata[i]) &&
          g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
        return labels->pdata[i];
    }

  return NULL;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  return find_shown_label (root, text) != NULL;
}

/* Scrolls the page that holds @widget to its end, for a screenshot. */
static void
scroll_to_end (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

/* Scrolls the page that holds @widget until @widget is at its top. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 24);
}

/* Light, dark and 360 px wide; @end, if not %NULL, is scrolled to the end
 * of its page in each.
 */
static void
save_styles (RapportWindow *window,
             const char    *name,
             GtkWidget     *end)
{
  g_autofree char *light = g_strconcat (name, "-light", NULL);
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);
  g_autofree char *narrow = g_strconcat (name, "-narrow", NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  set_style ("light");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
  if (end != NULL)
    scroll_to_end (end);
  rapport_test_save_screenshot (GTK_WIDGET (window), light);
  set_style ("dark");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
  rapport_test_save_screenshot (GTK_WIDGET (window), dark);
  set_style ("light");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
  if (end != NULL)
    scroll_to_end (end);
  rapport_test_save_screenshot (GTK_WIDGET (window), narrow);
  set_style ("default");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
}

typedef struct
{
  RapportLearnView *view;
  const char       *page;
} PageWait;

static gboolean
page_is (gpointer user_data)
{
  PageWait *wait = user_data;

  return g_strcmp0 (rapport_learn_view_get_page (wait->view), wait->page) == 0;
}

static void
wait_for_page (RapportWindow *window,
               const char    *page)
{
  PageWait wait = { rapport_window_get_learn_view (window), page };

  g_assert_true (rapport_test_wait_until (page_is, &wait, 3000));
  /* Let the leaflet's slide finish before looking. */
  rapport_test_wait_for_frames (GTK_WIDGET (window), 20);
}

static RapportLessonView *
lesson_view (RapportWindow *window)
{
  GtkWidget *view = rapport_test_find_widget (GTK_WIDGET (window), RAPPORT_TYPE_LESSON_VIEW, NULL);

  g_assert_nonnull (view);
  return RAPPORT_LESSON_VIEW (view);
}

static void
test_cards (void)
{
  RapportWindow *window = get_window ();
  static const char *titles[] = {
    "Effective Communication", "Active Listening", "Empathy", "Problem-Solving",
    "Interpersonal Skills", "Assertiveness", "Stress Management",
    "Conflict Management", "Business & Email Writing", "Cross-Cultural Etiquette",
  };
  static const char *keys[] = {
    "communication", "active-listening", "empathy", "problem-solving", "interpersonal",
    "assertiveness", "stress-management", "conflict-management", "business-writing",
    "cross-cultural",
  };
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  GtkWidget *flowbox = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_FLOW_BOX, NULL);

  g_assert_nonnull (flowbox);
  rapport_test_collect_widgets (flowbox, GTK_TYPE_FLOW_BOX_CHILD, cards);
  g_assert_cmpuint (cards->len, ==, G_N_ELEMENTS (titles));

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkFlowBoxChild *card = find_card (window, titles[i]);
      g_autofree char *status = NULL;

      g_assert_nonnull (card);
      /* The course is ordered as the pack lists it. */
      g_assert_cmpint (gtk_flow_box_child_get_index (card), ==, (int) i);
      /* The restart test, before this one, finished one Assertiveness lesson. */
      status = lessons_status (keys[i], g_str_equal (keys[i], "assertiveness"), "");
      g_assert_cmpstr (card_status (card), ==, status);
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  set_style ("light");
  rapport_test_save_screenshot (GTK_WIDGET (window), "learn-grid-light");
  set_style ("dark");
  rapport_test_save_screenshot (GTK_WIDGET (window), "learn-grid-dark");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  rapport_test_save_screenshot (GTK_WIDGET (window), "learn-grid-narrow-dark");
  set_style ("default");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);

  close_all_windows ();
}

static gboolean
label_shown (gpointer user_data)
{
  GtkWidget **found = user_data;

  return *found != NULL && gtk_widget_get_mapped (*found);
}

static void
test_read_lesson (void)
{
  RapportWindow *window = get_window ();
  RapportStore *store = rapport_application_get_store (app);
  GSettings *settings = rapport_application_get_settings (app);
  RapportLessonView *reader;
  RapportLesson *lesson;
  GtkFlowBoxChild *card;
  GtkWidget *widget;
  GtkWidget *found;
  g_autoptr(RapportStoreLesson) record = NULL;
  g_auto(GStrv) completed = NULL;
  g_autofree char *none_done = lessons_status ("empathy", 0, " done");
  g_autofree char *one_done = lessons_status ("empathy", 1, " done");
  g_autofree char *one_read = lessons_status ("empathy", 1, "");

  /* The card opens the topic page… */
  card = find_card (window, "Empathy");
  g_assert_nonnull (card);
  gtk_widget_activate (GTK_WIDGET (card));
  wait_for_page (window, "topic");
  widget = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, none_done);
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Level 5"));
  set_style ("light");
  rapport_test_save_screenshot (GTK_WIDGET (window), "topic-light");

  /* …whose button starts the first lesson. */
  widget = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Start the First Lesson");
  g_assert_nonnull (widget);
  g_signal_emit_by_name (widget, "clicked");
  wait_for_page (window, "lesson");
  reader = lesson_view (window);
  lesson = rapport_lesson_view_get_lesson (reader);
  g_assert_cmpstr (rapport_lesson_get_key (lesson), ==, "why-empathy-matters");
  found = rapport_test_find_widget (GTK_WIDGET (reader), GTK_TYPE_LABEL, rapport_lesson_get_title (lesson));
  g_assert_true (label_shown (&found));
  /* Opening is recorded. */
  record = rapport_store_get_lesson (store, CORE_PACK, "empathy", "why-empathy-matters", NULL);
  g_assert_nonnull (record);
  g_assert_nonnull (record->opened);
  g_assert_null (record->completed);
  rapport_test_save_screenshot (GTK_WIDGET (window), "lesson-light");
  set_style ("dark");
  rapport_test_save_screenshot (GTK_WIDGET (window), "lesson-dark");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  rapport_test_save_screenshot (GTK_WIDGET (window), "lesson-narrow-dark");
  set_style ("light");
  rapport_test_save_screenshot (GTK_WIDGET (window), "lesson-narrow-light");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  set_style ("default");

  /* Keyboard: next and previous lesson, zoom. */
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>Page_Down");
  g_assert_cmpstr (rapport_lesson_get_key (rapport_lesson_view_get_lesson (reader)), ==,
                   "naming-and-validating-feelings");
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>Page_Up");
  g_assert_cmpstr (rapport_lesson_get_key (rapport_lesson_view_get_lesson (reader)), ==,
                   "why-empathy-matters");
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>plus");
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "lesson-zoom"), 1.1, 0.001);
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>plus");
  rapport_test_save_screenshot (GTK_WIDGET (window), "lesson-zoomed");
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>minus");
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "lesson-zoom"), 1.1, 0.001);
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>0");
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "lesson-zoom"), 1.0, 0.001);

  /* Mark as done: recorded, and the button gives way to a note. */
  widget = rapport_test_find_widget (GTK_WIDGET (reader), GTK_TYPE_BUTTON, "_Mark as Done");
  g_assert_nonnull (widget);
  g_signal_emit_by_name (widget, "clicked");
  g_assert_false (gtk_widget_get_visible (widget));
  completed = rapport_store_list_completed_lessons (store, CORE_PACK, "empathy", NULL);
  g_assert_cmpuint (g_strv_length (completed), ==, 1);
  g_assert_cmpstr (completed[0], ==, "why-empathy-matters");

  /* Back (Alt+Left) to the topic, then to the grid: both show the progress. */
  rapport_test_press_keys (GTK_WINDOW (window), "<Alt>Left");
  wait_for_page (window, "topic");
  widget = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, one_done);
  g_assert_nonnull (widget);
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Continue"));
  rapport_test_save_screenshot (GTK_WIDGET (window), "topic-after-lesson");
  rapport_test_press_keys (GTK_WINDOW (window), "<Alt>Left");
  wait_for_page (window, "topics");
  g_assert_cmpstr (card_status (find_card (window, "Empathy")), ==, one_read);

  close_all_windows ();
}

/* The button in the footer whose content reads @label, or NULL. */
static GtkWidget *
footer_button (RapportLessonView *reader,
               const char        *label)
{
  GtkWidget *content = rapport_test_find_widget (GTK_WIDGET (reader), ADW_TYPE_BUTTON_CONTENT, label);

  return content != NULL ? gtk_widget_get_ancestor (content, GTK_TYPE_BUTTON) : NULL;
}

/* Where a reader who read to the end is, once the page has its height. */
static void
read_to_end (RapportLessonView *reader)
{
  GtkWidget *scroller = rapport_test_find_widget (GTK_WIDGET (reader), GTK_TYPE_SCROLLED_WINDOW, NULL);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  rapport_test_wait_for_frames (GTK_WIDGET (reader), 10);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

/* The last lesson of a topic does not end in a Next that cannot be
 * pressed: it offers the topic's quiz, or without one the topic page.
 */
static void
test_last_lesson (void)
{
  RapportWindow *window = get_window ();
  RapportLearnView *learn = rapport_window_get_learn_view (window);
  RapportTopic *empathy = rapport_catalog_lookup_topic (rapport_application_get_catalog (app), CORE_PACK, "empathy");
  guint n_lessons = rapport_topic_get_n_lessons (empathy);
  RapportLessonView *reader;
  GtkWidget *next;
  GtkWidget *quiz;

  /* Not the last lesson (the one before it): Next, and no quiz button. */
  g_assert_cmpuint (n_lessons, >=, 2);
  rapport_learn_view_open_lesson (learn, empathy, n_lessons - 2);
  wait_for_page (window, "lesson");
  reader = lesson_view (window);
  next = footer_button (reader, "_Next");
  quiz = footer_button (reader, "_Take the Quiz");
  g_assert_nonnull (next);
  g_assert_true (gtk_widget_get_mapped (next));
  g_assert_true (quiz == NULL || !gtk_widget_get_mapped (quiz));

  /* The last one (Ctrl+Page Down from the one before): Take the Quiz in
   * place of Next; Ctrl+Page Down does not start the quiz by itself.
   */
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>Page_Down");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 5);
  {
    g_autoptr(RapportLesson) last = g_list_model_get_item (rapport_topic_get_lessons (empathy), n_lessons - 1);

    g_assert_true (rapport_lesson_view_get_lesson (reader) == last);
  }
  quiz = footer_button (reader, "_Take the Quiz");
  g_assert_nonnull (quiz);
  g_assert_true (gtk_widget_get_mapped (quiz));
  g_assert_true (gtk_widget_is_sensitive (quiz));
  g_assert_false (gtk_widget_get_visible (next));
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>Page_Down");
  g_assert_cmpstr (rapport_learn_view_get_page (learn), ==, "lesson");

  /* One suggested action at a time: Mark as Done, then (Ctrl+D) the quiz,
   * which takes the focus: Enter starts it.
   */
  g_assert_false (gtk_widget_has_css_class (quiz, "suggested-action"));
  read_to_end (reader);
  rapport_test_save_screenshot (GTK_WIDGET (window), "lesson-last-unread");
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>d");
  g_assert_true (gtk_widget_has_css_class (quiz, "suggested-action"));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == quiz);

  set_style ("light");
  read_to_end (reader);
  rapport_test_save_screenshot (GTK_WIDGET (window), "lesson-last-light");
  set_style ("dark");
  rapport_test_save_screenshot (GTK_WIDGET (window), "lesson-last-dark");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  read_to_end (reader);
  rapport_test_save_screenshot (GTK_WIDGET (window), "lesson-last-narrow-dark");
  set_style ("light");
  rapport_test_save_screenshot (GTK_WIDGET (window), "lesson-last-narrow-light");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  set_style ("default");

  /* It starts the topic's quiz. */
  g_signal_emit_by_name (quiz, "clicked");
  wait_for_page (window, "quiz");
  {
    GtkWidget *page = rapport_test_find_widget (GTK_WIDGET (window), RAPPORT_TYPE_QUIZ_PAGE, NULL);
    RapportQuizSession *session = rapport_quiz_page_get_session (RAPPORT_QUIZ_PAGE (page));

    g_assert_true (rapport_quiz_session_get_topic (session) == empathy);
    g_assert_cmpuint (rapport_quiz_session_get_n_answered (session), ==, 0);
  }
  rapport_learn_view_go_back (learn);
  wait_for_page (window, "topic");

  /* A topic without a quiz: its last lesson leads back to the topic. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RapportTopicLoader) loader = rapport_topic_loader_new_from_file (g_getenv ("RAPPORT_SCHEMA"), &error);
    g_autoptr(RapportTopic) minimal = NULL;
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "topics", "valid-minimal.xml", NULL);
    GtkWidget *back;

    g_assert_no_error (error);
    minimal = rapport_topic_loader_load_from_file (loader, path, "org.example.test", NULL, &error);
    g_assert_no_error (error);
    g_assert_null (rapport_topic_get_quiz (minimal));

    rapport_learn_view_open_lesson (learn, minimal, 0);
    wait_for_page (window, "lesson");
    g_assert_null (footer_button (reader, "_Take the Quiz"));
    back = footer_button (reader, "_Back to Topic");
    g_assert_nonnull (back);
    g_assert_true (gtk_widget_get_mapped (back));
    g_assert_true (gtk_widget_is_sensitive (back));
    g_assert_false (gtk_widget_get_visible (next));
    g_signal_emit_by_name (back, "clicked");
    wait_for_page (window, "topic");
    g_assert_true (rapport_topic_page_get_topic (RAPPORT_TOPIC_PAGE (rapport_test_find_widget (GTK_WIDGET (window),
                                                                                                RAPPORT_TYPE_TOPIC_PAGE,
                                                                                                NULL))) == minimal);
  }

  close_all_windows ();
}

static gboolean
is_half_way (gpointer user_data)
{
  GtkAdjustment *adjustment = user_data;
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  return range > 0 && G_APPROX_VALUE (gtk_adjustment_get_value (adjustment) / range, 0.5, 0.02);
}

static void
test_reading_position (void)
{
  RapportWindow *window = get_window ();
  RapportLearnView *learn = rapport_window_get_learn_view (window);
  RapportTopic *topic;
  RapportLessonView *reader;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  double range;
  g_autoptr(RapportStoreLesson) record = NULL;

  topic = rapport_catalog_lookup_topic (rapport_application_get_catalog (app), CORE_PACK, "active-listening");
  g_assert_nonnull (topic);
  rapport_learn_view_open_lesson (learn, topic, 1);
  wait_for_page (window, "lesson");
  reader = lesson_view (window);
  scroller = GTK_SCROLLED_WINDOW (rapport_test_find_widget (GTK_WIDGET (reader), GTK_TYPE_SCROLLED_WINDOW, NULL));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  g_assert_cmpfloat (range, >, 100);

  /* Read half-way, leave, and come back: the page opens where it was left. */
  gtk_adjustment_set_value (adjustment, range / 2);
  rapport_test_press_keys (GTK_WINDOW (window), "<Alt>Left");
  wait_for_page (window, "topic");
  record = rapport_store_get_lesson (rapport_application_get_store (app), CORE_PACK,
                                     "active-listening", "paraphrase-and-summarise", NULL);
  g_assert_nonnull (record);
  g_assert_cmpfloat_with_epsilon (record->position, 0.5, 0.02);

  rapport_learn_view_open_lesson (learn, topic, 0);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 5);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  rapport_learn_view_open_lesson (learn, topic, 1);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
  /* However long the page takes to settle (sanitizer builds are slow). */
  rapport_test_wait_until (is_half_way, adjustment, 5000);
  range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment) / range, 0.5, 0.02);
  set_style ("dark");
  rapport_test_save_screenshot (GTK_WIDGET (window), "lesson-middle-dark");
  set_style ("light");
  rapport_test_save_screenshot (GTK_WIDGET (window), "lesson-middle-light");
  set_style ("default");

  close_all_windows ();
}

/* Restart: the first run marks a lesson done; a second, separate run of the
 * app sees it on the card.  Each runs in its own process, as the same user.
 */
static void
test_restart_first_run (void)
{
  RapportWindow *window;
  RapportTopic *topic;
  GtkWidget *button;

  if (!g_test_subprocess ())
    {
      g_test_skip ("Runs as a subprocess of /rapport/learn/restart");
      return;
    }

  window = get_window ();

  topic = rapport_catalog_lookup_topic (rapport_application_get_catalog (app), CORE_PACK, "assertiveness");
  rapport_learn_view_open_lesson (rapport_window_get_learn_view (window), topic, 2);
  wait_for_page (window, "lesson");
  button = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Mark as Done");
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_widget_get_visible (button));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_clear_object (&app);
}

static void
test_restart_second_run (void)
{
  RapportWindow *window;
  GtkFlowBoxChild *card;
  g_autofree char *one_read = NULL;
  g_autofree char *one_done = NULL;

  if (!g_test_subprocess ())
    {
      g_test_skip ("Runs as a subprocess of /rapport/learn/restart");
      return;
    }

  window = get_window ();
  card = find_card (window, "Assertiveness");
  one_read = lessons_status ("assertiveness", 1, "");
  one_done = lessons_status ("assertiveness", 1, " done");

  g_assert_nonnull (card);
  g_assert_cmpstr (card_status (card), ==, one_read);
  gtk_widget_activate (GTK_WIDGET (card));
  wait_for_page (window, "topic");
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, one_done));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_clear_object (&app);
}

static void
test_restart (void)
{
  g_setenv ("RAPPORT_TEST_SHARE_ROOT", "1", TRUE);
  g_test_trap_subprocess ("/rapport/learn/restart/first-run", 60 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_subprocess ("/rapport/learn/restart/second-run", 60 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("RAPPORT_TEST_SHARE_ROOT");
}

/* A pack the learner installed shows after the course, loaded by the same
 * code. Runs in its own process with fresh folders, as a new user.
 */
static void
test_installed_pack (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_problem_free);
  g_autoptr(RapportPackInstallResult) result = NULL;
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autofree char *data_dir = NULL;
  const char *schema = g_getenv ("RAPPORT_SCHEMA");
  g_autofree char *acme = g_test_build_filename (G_TEST_DIST, "fixtures", "packs", "acme", NULL);
  RapportWindow *window;
  GtkWidget *flowbox;
  GtkFlowBoxChild *card;
  GtkWidget *page;
  g_autofree char *accessible = NULL;
  g_autofree char *empathy_status = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  data_dir = rapport_paths_ensure_data_dir (&error);
  g_assert_no_error (error);
  {
    g_autoptr(RapportStore) store = rapport_store_new (&error);
    g_autoptr(RapportTopicLoader) loader = rapport_topic_loader_new_from_file (schema, &error);

    g_assert_no_error (error);
    g_assert_true (rapport_pack_install (acme, data_dir, store, loader, RAPPORT_PACK_INSTALL_DEFAULT,
                                         &result, problems, &error));
    g_assert_no_error (error);
  }

  window = get_window ();
  flowbox = rapport_test_find_widget (GTK_WIDGET (window), GTK_TYPE_FLOW_BOX, NULL);
  rapport_test_collect_widgets (flowbox, GTK_TYPE_FLOW_BOX_CHILD, cards);
  g_assert_cmpuint (cards->len, ==, 12);
  g_assert_cmpint (gtk_flow_box_child_get_index (find_card (window, "Cross-Cultural Etiquette")), ==, 9);
  g_assert_nonnull (find_card (window, "Handling a refund request at Acme"));
  g_assert_cmpint (gtk_flow_box_child_get_index (find_card (window, "Handling a refund request at Acme")), >=, 10);
  g_assert_cmpint (gtk_flow_box_child_get_index (find_card (window, "When a refund customer is upset")), >=, 10);

  /* The pack's cards say where they came from; the course's own say nothing. */
  card = find_card (window, "Handling a refund request at Acme");
  g_assert_true (card_says (card, "From the pack “Acme Customer Care: Refunds”"));
  g_assert_cmpstr (card_status (card), ==, "0 of 3 lessons");
  /* A screen reader says it too, before the progress. */
  accessible = gtk_test_accessible_check_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                   "Handling a refund request at Acme. Find the order, "
                                                   "check what the refund policy allows, and tell the "
                                                   "customer clearly what happens next. From the pack "
                                                   "“Acme Customer Care: Refunds”. 0 of 3 lessons");
  if (accessible != NULL)
    g_error ("%s", accessible);
  g_assert_false (card_says (find_card (window, "Empathy"), "From the pack “Acme Customer Care: Refunds”"));
  empathy_status = lessons_status ("empathy", 0, "");
  g_assert_cmpstr (card_status (find_card (window, "Empathy")), ==, empathy_status);
  save_styles (window, "learn-with-pack", GTK_WIDGET (card));

  /* So do the topic pages. */
  gtk_widget_activate (GTK_WIDGET (card));
  wait_for_page (window, "topic");
  page = rapport_test_find_widget (GTK_WIDGET (window), RAPPORT_TYPE_TOPIC_PAGE, NULL);
  g_assert_true (shows_label (page, "Handling a refund request at Acme"));
  g_assert_true (shows_label (page, "From the pack “Acme Customer Care: Refunds”"));
  save_styles (window, "topic-from-pack", NULL);
  rapport_learn_view_open_topic (rapport_window_get_learn_view (window),
                                 rapport_topic_card_get_topic (GTK_WIDGET (find_card (window, "Empathy"))));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 5);
  g_assert_true (shows_label (page, "Empathy"));
  g_assert_true (shows_label (page, "From Rapport’s built-in course"));
  g_assert_false (shows_label (page, "From the pack “Acme Customer Care: Refunds”"));
  rapport_test_save_screenshot (GTK_WIDGET (window), "topic-from-course");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_clear_object (&app);
}

static gboolean
journal_editor_shown (gpointer user_data)
{
  return rapport_journal_view_get_can_go_back (rapport_window_get_journal_view (user_data));
}

/* In German, a skill has one name, the same on its card, its topic page, in
 * the lesson reader, the journal editor and on the progress charts. Runs in
 * its own process: the language is chosen before the first message is read.
 */
static void
test_german_names (void)
{
  g_autofree char *locale_dir = NULL;
  RapportWindow *window;
  RapportTopic *topic;
  GtkFlowBoxChild *card;
  GtkWidget *page;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* The build's own translations, as the installed app reads them. */
  locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_setenv ("LANGUAGE", "de", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_assert_cmpstr (_("Active Listening"), ==, "Aktives Zuhören");

  window = get_window ();
  card = find_card (window, "Aktives Zuhören");
  g_assert_nonnull (card);
  g_assert_null (find_card (window, "Active Listening"));
  g_assert_nonnull (find_card (window, "Konfliktmanagement"));
  save_styles (window, "learn-german", NULL);

  gtk_widget_activate (GTK_WIDGET (card));
  wait_for_page (window, "topic");
  page = rapport_test_find_widget (GTK_WIDGET (window), RAPPORT_TYPE_TOPIC_PAGE, NULL);
  g_assert_true (shows_label (page, "Aktives Zuhören"));
  g_assert_false (shows_label (page, "Active Listening"));
  rapport_test_save_screenshot (GTK_WIDGET (window), "topic-german");

  topic = rapport_topic_card_get_topic (GTK_WIDGET (card));
  rapport_learn_view_open_lesson (rapport_window_get_learn_view (window), topic, 0);
  wait_for_page (window, "lesson");
  g_assert_true (shows_label (GTK_WIDGET (lesson_view (window)), "Aktives Zuhören"));
  g_assert_false (shows_label (GTK_WIDGET (lesson_view (window)), "Active Listening"));

  /* Two ratings of the skill, for the journal's list and the charts. */
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(RapportStoreEntry) entry = rapport_store_entry_new ();
      g_autoptr(GError) error = NULL;
      GDateTime *occurred = entry->occurred;

      entry->occurred = g_date_time_add_days (occurred, i - 2);
      g_date_time_unref (occurred);
      rapport_store_entry_set_rating (entry, "active-listening", 3 + i);
      g_assert_true (rapport_store_save_journal_entry (rapport_application_get_store (app), entry, &error));
      g_assert_no_error (error);
    }

  rapport_window_set_view (window, "journal");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-entry", NULL);
  g_assert_true (rapport_test_wait_until (journal_editor_shown, window, 5000));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 5);
  g_assert_true (shows_label (GTK_WIDGET (rapport_window_get_journal_view (window)), "Aktives Zuhören"));
  scroll_to (find_shown_label (GTK_WIDGET (rapport_window_get_journal_view (window)), "Aktives Zuhören"));
  rapport_test_save_screenshot (GTK_WIDGET (window), "journal-editor-german");
  rapport_journal_view_go_back (rapport_window_get_journal_view (window));

  rapport_window_set_view (window, "progress");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 5);
  g_assert_true (shows_label (GTK_WIDGET (rapport_window_get_progress_view (window)), "Aktives Zuhören"));
  rapport_test_save_screenshot (GTK_WIDGET (window), "progress-german");

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_clear_object (&app);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  rapport_test_init (&argc, &argv);

  /* The restart runs first: the subprocesses must be the only instance of
   * the app, so this process creates its own only afterwards.
   */
  g_test_add_func ("/rapport/learn/restart", test_restart);
  g_test_add_func ("/rapport/learn/installed-pack", test_installed_pack);
  g_test_add_func ("/rapport/learn/german", test_german_names);
  g_test_add_func ("/rapport/learn/restart/first-run", test_restart_first_run);
  g_test_add_func ("/rapport/learn/restart/second-run", test_restart_second_run);
  g_test_add_func ("/rapport/learn/cards", test_cards);
  g_test_add_func ("/rapport/learn/read-lesson", test_read_lesson);
  g_test_add_func ("/rapport/learn/reading-position", test_reading_position);
  g_test_add_func ("/rapport/learn/last-lesson", test_last_lesson);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
