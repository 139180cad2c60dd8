/* test-quiz-feedback.c: what the quiz page shows after Check, in a real
 * window: marks in words and icons under each choice, contrast, the
 * feedback and Next scrolled into view, and the arrow keys.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "rapport-application.h"
#include "rapport-learn-view.h"
#include "rapport-question.h"
#include "rapport-quiz-page.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-unit-utils.h"
#include "rapport-window.h"

/* The quiz draws its questions from a larger pool: each test starts from
 * this seed and takes the first draw that has the questions it needs.
 */
#define TOPIC "empathy"
#define SEED  17

/* WCAG 2.1 AA for text under 18 pt (14 pt bold) */
#define AA_CONTRAST 4.5

static RapportApplication *app;

static const char *type_names[] = { "single", "multiple", "truefalse", "scenario", "ordering" };

/* The course's types; matching and typed answers are in test-quiz-new-types.c. */
#define COURSE_TYPES ((1u << G_N_ELEMENTS (type_names)) - 1)

G_STATIC_ASSERT (RAPPORT_QUESTION_ORDERING + 1 == G_N_ELEMENTS (type_names));

/* The quiz page of a new window of @width × 700, the default height, with
 * the empathy quiz started.
 */
typedef gboolean (*DrawWanted) (RapportQuizSession *session);

/* Every kind of question is in the draw. */
static gboolean
draws_every_type (RapportQuizSession *session)
{
  guint seen = 0;

  for (guint i = 0; i < rapport_quiz_session_get_n_questions (session); i++)
    seen |= 1u << rapport_question_get_question_type (rapport_quiz_session_get_question (session, i));

  return seen == COURSE_TYPES;
}

/* A select-all question, and a single-choice one after it. */
static gboolean
draws_multiple_then_single (RapportQuizSession *session)
{
  gboolean multiple = FALSE;

  for (guint i = 0; i < rapport_quiz_session_get_n_questions (session); i++)
    {
      RapportQuestionType type = rapport_question_get_question_type (rapport_quiz_session_get_question (session, i));

      if (type == RAPPORT_QUESTION_MULTIPLE)
        multiple = TRUE;
      else if (type == RAPPORT_QUESTION_SINGLE && multiple)
        return TRUE;
    }

  return FALSE;
}

static guint32
find_seed (RapportTopic *topic,
           DrawWanted    wanted)
{
  for (guint32 seed = SEED; seed < SEED + 1000; seed++)
    {
      g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (topic, "io.github.rapportapp.core", seed);

      if (wanted (session))
        return seed;
    }

  g_assert_not_reached ();
}

static RapportQuizPage *
start_quiz (int             width,
            DrawWanted      wanted,
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
  rapport_learn_view_start_quiz (learn, topic, find_seed (topic, wanted));
  rapport_test_wait_for_frames (GTK_WIDGET (*window), 20);
  page = rapport_test_find_widget (GTK_WIDGET (*window), RAPPORT_TYPE_QUIZ_PAGE, NULL);
  g_assert_nonnull (page);
  g_test_message ("window %d × %d for a default size of %d × 700",
                  gtk_widget_get_width (GTK_WIDGET (*window)), gtk_widget_get_height (GTK_WIDGET (*window)), width);

  return RAPPORT_QUIZ_PAGE (page);
}

static void
collect_with_class (GtkWidget  *root,
                    const char *css_class,
                    GPtrArray  *out)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  rapport_test_collect_widgets (root, GTK_TYPE_WIDGET, all);
  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_has_css_class (all->pdata[i], css_class))
      g_ptr_array_add (out, all->pdata[i]);
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 const char *css_class)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_with_class (root, css_class, found);
  g_assert_cmpuint (found->len, <=, 1);

  return found->len > 0 ? found->pdata[0] : NULL;
}

static guint
count_labels (GtkWidget  *root,
              const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = 0;

  rapport_test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    n += gtk_widget_get_visible (labels->pdata[i]) &&
         g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0;

  return n;
}

static GtkWidget *
next_button (RapportQuizPage *page)
{
  GtkWidget *button = rapport_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Next Question");

  if (button == NULL)
    button = rapport_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_See Results");
  g_assert_nonnull (button);

  return button;
}

/* A scenario's weakest reply, as its place on screen. */
static guint
weakest_reply (RapportQuizSession *session)
{
  guint position = rapport_quiz_session_get_position (session);
  RapportQuestion *question = rapport_quiz_session_get_question (session, position);
  guint n_shown;
  const guint *shown = rapport_quiz_session_get_presented_choices (session, position, &n_shown);
  guint weakest = 0;

  for (guint i = 1; i < n_shown; i++)
    if (rapport_choice_get_score (rapport_question_get_choice (question, shown[i])) <
        rapport_choice_get_score (rapport_question_get_choice (question, shown[weakest])))
      weakest = i;

  return weakest;
}

/* The answer a learner gives, as places on screen: wrong or right by turns
 * (starting with wrong, or when @flip right), a scenario's wrong reply the
 * weakest, and for select-all one right and one wrong tick, so that every
 * mark shows.
 */
static guint
choose_picks (RapportQuizSession *session,
              gboolean            flip,
              guint               picks[RAPPORT_UNIT_MAX_PICKS])
{
  guint position = rapport_quiz_session_get_position (session);
  RapportQuestionType type = rapport_question_get_question_type (rapport_quiz_session_get_question (session, position));
  gboolean right = (position % 2 == 1) != flip;
  guint wrong[RAPPORT_UNIT_MAX_PICKS];
  guint n;

  if (type == RAPPORT_QUESTION_MULTIPLE)
    {
      n = MIN (rapport_unit_shown_answer (session, TRUE, picks), 1);
      if (rapport_unit_shown_answer (session, FALSE, wrong) > 0)
        picks[n++] = wrong[0];
      return n;
    }

  if (type == RAPPORT_QUESTION_SCENARIO && !right)
    {
      picks[0] = weakest_reply (session);
      return 1;
    }

  return rapport_unit_shown_answer (session, right, picks);
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

/* The words that must mark a choice (NULL: none), as the issue asks for
 * them: never by colour alone, the scenario's grade beside the reply's
 * text and not glued onto it.
 */
static const char *
expected_mark (RapportQuestion *question,
               guint            index,
               gboolean         chosen,
               gboolean        *with_feedback)
{
  RapportQuestionType type = rapport_question_get_question_type (question);
  gboolean right = rapport_unit_is_right_choice (question, index);

  *with_feedback = chosen || (right && type != RAPPORT_QUESTION_TRUEFALSE);

  if (type == RAPPORT_QUESTION_SCENARIO)
    {
      guint score = rapport_choice_get_score (rapport_question_get_choice (question, index));

      if (score >= 2)
        return chosen ? "Your choice · best reply" : "Best reply";
      if (score == 1)
        return chosen ? "Your choice · acceptable" : "Acceptable";
      return chosen ? "Your choice · poor reply" : "Poor reply";
    }

  if (chosen)
    return right ? "Your choice · correct" : "Your choice · wrong";
  if (type == RAPPORT_QUESTION_MULTIPLE)
    return right ? "Missed · correct" : "Rightly left out";
  return right ? "Correct answer" : NULL;
}

static const char *
expected_feedback (RapportQuestion *question,
                   guint            index)
{
  RapportInline *feedback;

  if (rapport_question_get_question_type (question) == RAPPORT_QUESTION_TRUEFALSE)
    feedback = index == RAPPORT_QUIZ_TRUE ? rapport_question_get_feedback_true (question)
                                          : rapport_question_get_feedback_false (question);
  else
    feedback = rapport_choice_get_feedback (rapport_question_get_choice (question, index));

  return feedback != NULL ? rapport_inline_get_text (feedback) : NULL;
}

static gboolean
was_chosen (const RapportQuizAnswerResult *result,
            guint                          index)
{
  for (guint j = 0; j < result->answer->len; j++)
    if (g_array_index (result->answer, guint, j) == index)
      return TRUE;

  return FALSE;
}

/* @row holds the mark @words with an icon, below @above. */
static void
assert_mark (GtkWidget  *row,
             GtkWidget  *above,
             const char *words)
{
  GtkWidget *mark = find_with_class (row, "rapport-quiz-mark");
  GtkWidget *icon;
  graphene_rect_t mark_bounds, above_bounds;

  g_assert_nonnull (mark);
  g_assert_true (gtk_widget_get_mapped (mark));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (mark)), ==, words);
  icon = rapport_test_find_widget (gtk_widget_get_parent (mark), GTK_TYPE_IMAGE, NULL);
  g_assert_nonnull (icon);
  g_assert_nonnull (gtk_image_get_icon_name (GTK_IMAGE (icon)));
  g_assert_true (gtk_widget_compute_bounds (mark, row, &mark_bounds));
  g_assert_true (gtk_widget_compute_bounds (above, row, &above_bounds));
  g_assert_cmpfloat (mark_bounds.origin.y, >=, above_bounds.origin.y + above_bounds.size.height);
}

static void
assert_choice_marks (RapportQuizPage               *page,
                     RapportQuestion               *question,
                     const RapportQuizAnswerResult *result,
                     const guint                   *shown,
                     guint                          n_shown)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint n_missed = 0;

  rapport_test_collect_widgets (GTK_WIDGET (page), GTK_TYPE_CHECK_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, n_shown);

  for (guint i = 0; i < n_shown; i++)
    {
      GtkWidget *button = buttons->pdata[i];
      GtkWidget *row = gtk_widget_get_parent (button);
      GtkWidget *child = gtk_check_button_get_child (GTK_CHECK_BUTTON (button));
      gboolean chosen = was_chosen (result, shown[i]);
      gboolean with_feedback;
      const char *words;
      const char *feedback = expected_feedback (question, shown[i]);
      GtkWidget *feedback_label = find_with_class (row, "rapport-quiz-choice-feedback");
      g_autofree char *text = NULL;

      words = expected_mark (question, shown[i], chosen, &with_feedback);
      n_missed += g_strcmp0 (words, "Missed · correct") == 0;

      /* The choice's own text, nothing glued on ("— best reply"). */
      text = rapport_question_get_question_type (question) == RAPPORT_QUESTION_TRUEFALSE
             ? g_strdup_printf ("%u. %s", i + 1, shown[i] == RAPPORT_QUIZ_TRUE ? "True" : "False")
             : g_strdup_printf ("%u. %s", i + 1, rapport_inline_get_text (rapport_choice_get_text (rapport_question_get_choice (question, shown[i]))));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child)), ==, text);

      if (words == NULL)
        g_assert_null (find_with_class (row, "rapport-quiz-mark"));
      else
        assert_mark (row, button, words);

      /* Its feedback under it, and only there (not in the box below). */
      if (with_feedback && feedback != NULL)
        {
          g_assert_nonnull (feedback_label);
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (feedback_label)), ==, feedback);
          g_assert_cmpuint (count_labels (GTK_WIDGET (page), feedback), ==, 1);
        }
      else
        g_assert_null (feedback_label);
    }

  if (n_missed > 0)
    {
      GtkWidget *box = find_with_class (GTK_WIDGET (page), "rapport-quiz-feedback");
      g_autoptr(GString) numbers = g_string_new (NULL);
      g_autofree char *summary = NULL;

      for (guint i = 0; i < n_shown; i++)
        if (rapport_unit_is_right_choice (question, shown[i]) && !was_chosen (result, shown[i]))
          g_string_append_printf (numbers, "%s%u", numbers->len > 0 ? ", " : "", i + 1);
      summary = n_missed == 1
                ? g_strdup_printf ("You missed 1 correct choice: number %s.", numbers->str)
                : g_strdup_printf ("You missed %u correct choices: numbers %s.", n_missed, numbers->str);
      g_assert_cmpuint (count_labels (box, summary), ==, 1);
    }
}

/* Ordering: the learner's order, each step in or out of place and where it belongs. */
static void
assert_step_marks (RapportQuizPage               *page,
                   RapportQuestion               *question,
                   const RapportQuizAnswerResult *result)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_with_class (GTK_WIDGET (page), "rapport-quiz-step-row", rows);
  g_assert_cmpuint (rows->len, ==, rapport_question_get_n_steps (question));

  for (guint p = 0; p < rows->len; p++)
    {
      guint step = g_array_index (result->answer, guint, p);
      GtkWidget *label = find_with_class (rows->pdata[p], "rapport-quiz-step");
      g_autofree char *text = g_strdup_printf ("%u. %s", p + 1, rapport_inline_get_text (rapport_question_get_step (question, step)));
      g_autofree char *words = step == p ? g_strdup ("Right place")
                                         : g_strdup_printf ("Wrong place · belongs at step %u", step + 1);

      g_assert_nonnull (label);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, text);
      assert_mark (rows->pdata[p], label, words);
    }
}

/* The marks of the question at @position, just checked. */
static void
assert_marks (RapportQuizPage    *page,
              RapportQuizSession *session,
              guint               position)
{
  RapportQuestion *question = rapport_quiz_session_get_question (session, position);
  const RapportQuizAnswerResult *result = rapport_quiz_session_get_result (session, position);
  guint n_shown;
  const guint *shown = rapport_quiz_session_get_presented_choices (session, position, &n_shown);

  if (rapport_question_get_question_type (question) == RAPPORT_QUESTION_ORDERING)
    assert_step_marks (page, question, result);
  else
    assert_choice_marks (page, question, result, shown, n_shown);
}

/* @widget lies wholly inside what @scroller shows. */
static void
assert_in_view (GtkWidget  *scroller,
                GtkWidget  *widget,
                const char *what)
{
  graphene_rect_t bounds;
  double height = gtk_widget_get_height (scroller);

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, scroller, &bounds));
  if (bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > height)
    g_error ("%s spans %.0f to %.0f, outside the %.0f pixels shown",
             what, bounds.origin.y, bounds.origin.y + bounds.size.height, height);
}

/* Contrast, measured on the window as it is drawn */

static double
channel (guint8 value)
{
  double c = value / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG relative luminance of a pixel of a cairo ARGB32 buffer (B, G, R, A in memory). */
static double
luminance (const guint8 *pixel)
{
  return 0.2126 * channel (pixel[2]) + 0.7152 * channel (pixel[1]) + 0.0722 * channel (pixel[0]);
}

static double
contrast_ratio (double a,
                double b)
{
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

typedef struct
{
  guint8 *data;
  gsize   stride;
  int     width;
  int     height;
} Picture;

static void
render_window (GtkWidget *window,
               Picture   *picture)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  rapport_test_wait_for_frames (window, 5);
  picture->width = gtk_widget_get_width (window);
  picture->height = gtk_widget_get_height (window);
  gdk_paintable_snapshot (paintable, snapshot, picture->width, picture->height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, picture->width, picture->height));
  picture->stride = (gsize) picture->width * 4;
  g_free (picture->data);
  picture->data = g_malloc (picture->stride * picture->height);
  gdk_texture_download (texture, picture->data, picture->stride);
}

/* The contrast of the text in @bounds: its background is the colour most of
 * the box has, its text the pixel that stands out most from it (glyphs'
 * strokes reach the text's full colour).
 */
static double
measure_contrast (const Picture         *picture,
                  const graphene_rect_t *bounds)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint32 background = 0;
  guint best = 0;
  double background_luminance;
  double ratio = 1;
  int x0 = MAX (0, (int) ceil (bounds->origin.x));
  int y0 = MAX (0, (int) ceil (bounds->origin.y));
  int x1 = MIN (picture->width, (int) floor (bounds->origin.x + bounds->size.width));
  int y1 = MIN (picture->height, (int) floor (bounds->origin.y + bounds->size.height));

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 value = *(guint32 *) (picture->data + y * picture->stride + x * 4);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (value))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (value), GUINT_TO_POINTER (n));
        if (n > best)
          {
            best = n;
            background = value;
          }
      }

  background_luminance = luminance ((const guint8 *) &background);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      ratio = MAX (ratio, contrast_ratio (background_luminance,
                                          luminance (picture->data + y * picture->stride + x * 4)));

  return ratio;
}

/* Whether @label is text of the answer and its feedback: not a button's
 * (styled by libadwaita) and not the progress kicker above the question.
 */
static gboolean
is_feedback_text (GtkWidget *label)
{
  if (!gtk_widget_get_mapped (label) || gtk_label_get_text (GTK_LABEL (label))[0] == '\0' ||
      gtk_widget_has_css_class (label, "rapport-lesson-kicker"))
    return FALSE;

  for (GtkWidget *up = gtk_widget_get_parent (label); up != NULL; up = gtk_widget_get_parent (up))
    if (GTK_IS_BUTTON (up))
      return FALSE;

  return TRUE;
}

/* Every text of the checked question, scrolled into view page by page,
 * reaches AA contrast against what is drawn behind it.
 */
static void
assert_contrast (RapportWindow   *window,
                 RapportQuizPage *page,
                 const char      *style)
{
  GtkWidget *scroller = rapport_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  double kept = gtk_adjustment_get_value (adjustment);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GHashTable) measured = g_hash_table_new (NULL, NULL);
  Picture picture = { NULL, };
  double worst = G_MAXDOUBLE;
  guint n_text = 0;

  rapport_test_collect_widgets (scroller, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    n_text += is_feedback_text (labels->pdata[i]);
  g_assert_cmpuint (n_text, >, 3);

  gtk_adjustment_set_value (adjustment, 0);
  while (TRUE)
    {
      double value = gtk_adjustment_get_value (adjustment);

      render_window (GTK_WIDGET (window), &picture);
      for (guint i = 0; i < labels->len; i++)
        {
          GtkWidget *label = labels->pdata[i];
          graphene_rect_t in_scroller, in_window;
          double ratio;

          if (g_hash_table_contains (measured, label) || !is_feedback_text (label) ||
              !gtk_widget_compute_bounds (label, scroller, &in_scroller) ||
              in_scroller.origin.y < 0 || in_scroller.origin.y + in_scroller.size.height > gtk_widget_get_height (scroller))
            continue;

          g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (window), &in_window));
          ratio = measure_contrast (&picture, &in_window);
          g_test_message ("%s: %.2f:1 \"%s\"", style, ratio, gtk_label_get_text (GTK_LABEL (label)));
          if (ratio < AA_CONTRAST)
            g_error ("In the %s style, \"%s\" has a contrast of %.2f:1, under %.1f:1",
                     style, gtk_label_get_text (GTK_LABEL (label)), ratio, AA_CONTRAST);
          worst = MIN (worst, ratio);
          g_hash_table_add (measured, label);
        }

      if (value + gtk_adjustment_get_page_size (adjustment) >= gtk_adjustment_get_upper (adjustment))
        break;
      gtk_adjustment_set_value (adjustment, value + gtk_adjustment_get_page_size (adjustment) / 2);
    }

  g_assert_cmpuint (g_hash_table_size (measured), ==, n_text);
  g_test_message ("%s: the lowest contrast of %u texts is %.2f:1", style, n_text, worst);
  g_free (picture.data);
  gtk_adjustment_set_value (adjustment, kept);
}

static void
set_style (RapportWindow *window,
           const char    *scheme)
{
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", scheme);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
}

/* Takes the whole quiz at @width: after each check, the marks, and the
 * feedback and Next in view; for the first question of each kind, the
 * contrast (when @measure) and screenshots in both styles.
 */
static void
take_quiz (int      width,
           gboolean measure)
{
  RapportWindow *window;
  RapportQuizPage *page = start_quiz (width, draws_every_type, &window);
  RapportQuizSession *session = rapport_quiz_page_get_session (page);
  GtkWidget *scroller = rapport_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL);
  guint n = rapport_quiz_session_get_n_questions (session);
  guint seen = 0;

  for (guint position = 0; position < n; position++)
    {
      RapportQuestionType type = rapport_question_get_question_type (rapport_quiz_session_get_question (session, position));
      guint picks[RAPPORT_UNIT_MAX_PICKS];
      guint n_picks = choose_picks (session, width < 600, picks);
      GtkWidget *feedback;

      g_assert_cmpuint (rapport_quiz_session_get_position (session), ==, position);
      press_picks (window, picks, n_picks);
      rapport_test_press_keys (GTK_WINDOW (window), "Return");
      g_assert_nonnull (rapport_quiz_session_get_result (session, position));
      rapport_test_wait_for_frames (GTK_WIDGET (window), 3);

      /* What appeared is in view: the feedback's heading and Next, which has the focus. */
      {
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

        g_test_message ("question %u (%s): scrolled to %.0f of %.0f, %.0f shown", position + 1, type_names[type],
                        gtk_adjustment_get_value (adjustment), gtk_adjustment_get_upper (adjustment),
                        gtk_adjustment_get_page_size (adjustment));
      }
      feedback = find_with_class (GTK_WIDGET (page), "rapport-quiz-feedback");
      assert_in_view (scroller, gtk_widget_get_first_child (feedback), "The feedback's heading");
      assert_in_view (scroller, next_button (page), "Next");
      g_assert_true (gtk_widget_has_focus (next_button (page)));

      assert_marks (page, session, position);
      g_assert_cmpuint (count_labels (GTK_WIDGET (page), "best reply"), ==, 0);

      if ((seen & (1u << type)) == 0)
        {
          g_autofree char *light = g_strdup_printf ("quiz-feedback-%s-%d-light", type_names[type], width);
          g_autofree char *dark = g_strdup_printf ("quiz-feedback-%s-%d-dark", type_names[type], width);

          seen |= 1u << type;
          rapport_test_save_screenshot (GTK_WIDGET (window), light);
          set_style (window, "dark");
          rapport_test_save_screenshot (GTK_WIDGET (window), dark);
          if (measure)
            {
              assert_contrast (window, page, "dark");
              set_style (window, "default");
              assert_contrast (window, page, "light");
            }
          set_style (window, "default");
        }

      rapport_test_press_keys (GTK_WINDOW (window), "Return");
    }

  g_assert_cmpuint (seen, ==, COURSE_TYPES);
  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_FINISHED);
  rapport_test_app_close_windows (app);
}

static void
test_feedback_wide (void)
{
  take_quiz (1000, TRUE);
}

static void
test_feedback_narrow (void)
{
  take_quiz (360, FALSE);
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
      g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_IN_PROGRESS);
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
  RapportQuizPage *page = start_quiz (1000, draws_multiple_then_single, &window);
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
  rapport_test_init (&argc, &argv);
  app = rapport_test_app_new ();

  g_test_add_func ("/rapport/quiz-feedback/wide", test_feedback_wide);
  g_test_add_func ("/rapport/quiz-feedback/narrow", test_feedback_narrow);
  g_test_add_func ("/rapport/quiz-feedback/arrow-keys", test_arrow_keys);

  return rapport_unit_run (app, NULL);
}
