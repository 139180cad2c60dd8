/* test-progress-chart.c: what the Progress view's charts draw and say, in
 * a real window, each case from an empty store: a couple of ratings, a
 * year of them, two skills on one spot, a single quiz; the names of the
 * view's focusable widgets; the skill profile in a narrow window.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rapport-application.h"
#include "rapport-progress-view.h"
#include "rapport-radar-view.h"
#include "rapport-skill.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-window.h"

static RapportApplication *app;

/* One application for all cases; each empties its store first. */
static RapportWindow *
get_window (void)
{
  app = app != NULL ? app : rapport_test_app_new ();

  return rapport_test_app_get_window (app);
}

/* An empty store, before each case writes its own data. */
static RapportStore *
empty_store (void)
{
  RapportStore *store;
  g_autoptr(GError) error = NULL;

  get_window ();
  store = rapport_application_get_store (app);
  g_assert_nonnull (store);
  g_assert_true (rapport_store_reset (store, &error));
  g_assert_no_error (error);

  return store;
}

static GDateTime *
days_ago (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_add_days (now, -days);
}

/* An entry at @when rating @n_skills skills (@keys) with @ratings. */
static RapportStoreEntry *
entry_new (GDateTime         *when,
           const char        *title,
           const char *const *keys,
           const int         *ratings,
           guint              n_skills)
{
  RapportStoreEntry *entry = rapport_store_entry_new ();

  g_date_time_unref (entry->occurred);
  entry->occurred = g_date_time_ref (when);
  g_free (entry->title);
  entry->title = g_strdup (title);
  for (guint i = 0; i < n_skills; i++)
    rapport_store_entry_set_rating (entry, keys[i], ratings[i]);

  return entry;
}

static void
save_entry (RapportStore      *store,
            int                days,
            const char        *title,
            const char *const *keys,
            const int         *ratings,
            guint              n_skills)
{
  g_autoptr(GDateTime) when = days_ago (days);
  g_autoptr(RapportStoreEntry) entry = entry_new (when, title, keys, ratings, n_skills);
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_save_journal_entry (store, entry, &error));
  g_assert_no_error (error);
}

static void
save_quiz (RapportStore *store,
           GDateTime    *when,
           const char   *skill_key,
           double        score)
{
  g_autoptr(RapportStoreAttempt) attempt = rapport_store_attempt_new (RAPPORT_CORE_PACK_ID, skill_key,
                                                                      skill_key);
  g_autoptr(GError) error = NULL;

  attempt->finished = g_date_time_ref (when);
  attempt->started = g_date_time_add_minutes (when, -10);
  attempt->score = score;
  attempt->passed = score >= 80;
  attempt->state = RAPPORT_STORE_ATTEMPT_FINISHED;
  g_assert_true (rapport_store_add_quiz_attempt (store, attempt, &error));
  g_assert_no_error (error);
}

/* The Progress view read afresh from the store, showing @range. */
static RapportProgressView *
show_progress (RapportSeriesRange range)
{
  RapportWindow *window = get_window ();
  RapportProgressView *view;

  rapport_window_set_view (window, "learn");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
  rapport_window_set_view (window, "progress");
  view = rapport_window_get_progress_view (window);
  rapport_progress_view_set_range (view, range);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 5);
  g_assert_false (rapport_progress_view_get_empty (view));

  return view;
}

static void
set_window_width (int width)
{
  RapportWindow *window = get_window ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, width < 600 ? 700 : 720);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
}

static void
set_dark (gboolean dark)
{
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme",
                         dark ? "dark" : "default");
}

/* The chart's index of @kind's series for @skill_key. */
static guint
line_of (RapportChartView   *chart_view,
         RapportStoreSeries  kind,
         const char         *skill_key)
{
  g_autoptr(GPtrArray) series = rapport_chart_view_get_visible_series (chart_view);

  for (guint i = 0; i < series->len; i++)
    if (rapport_series_get_kind (series->pdata[i]) == kind
        && g_str_equal (rapport_series_get_skill_key (series->pdata[i]), skill_key))
      return i;

  g_assert_not_reached ();
}

/* Every line the chart draws goes the way the description says it does:
 * up for "rose", down for "fell", level for "stayed".
 */
static void
assert_lines_agree (RapportChartView *chart_view)
{
  RapportChart *chart = rapport_chart_view_get_chart (chart_view);
  const char *description = rapport_chart_view_get_description (chart_view);
  g_autoptr(GPtrArray) series = rapport_chart_view_get_visible_series (chart_view);
  guint n_lines = 0;

  rapport_test_wait_for_frames (GTK_WIDGET (chart_view), 3);
  for (guint i = 0; i < series->len; i++)
    {
      RapportStoreSeries kind = rapport_series_get_kind (series->pdata[i]);
      const char *title = rapport_skill_get_display_title (rapport_series_get_skill_key (series->pdata[i]));
      RapportSeries *line = rapport_chart_get_shown (chart, i, TRUE);
      const RapportSeriesPoint *points;
      g_autofree char *expected = NULL;
      const char *verb;
      guint n;

      g_assert_nonnull (line);
      points = rapport_series_get_points (line, &n);
      if (n < 2)
        continue;

      switch (rapport_series_direction (kind, points[0].value, points[n - 1].value))
        {
        case RAPPORT_SERIES_ROSE:
          verb = "rose from";
          break;
        case RAPPORT_SERIES_FELL:
          verb = "fell from";
          break;
        case RAPPORT_SERIES_STAYED:
        default:
          verb = "stayed at";
          break;
        }
      expected = g_strdup_printf ("%s%s %s", title, kind == RAPPORT_STORE_SERIES_QUIZ_SCORE ? " quiz scores" : "",
                                  verb);
      g_test_message ("line %u: %.2f to %.2f, %u points: \"%s\"", i, points[0].value,
                      points[n - 1].value, n, expected);
      g_assert_nonnull (strstr (description, expected));
      n_lines++;
    }

  g_assert_cmpuint (n_lines, >, 0);
}

/* What @widget shows, as cairo's premultiplied ARGB32 (B, G, R, A). */
static guchar *
render_widget (GtkWidget *widget,
               int       *width,
               int       *height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  guchar *data;

  rapport_test_wait_for_frames (widget, 3);
  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  data = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (texture, data, *width * 4);

  return data;
}

/* Opaque pixels of @color within @r of (@x, @y). */
static guint
count_color_near (const guchar            *data,
                  int                      width,
                  int                      height,
                  double                   x,
                  double                   y,
                  int                      r,
                  const RapportChartColor *color)
{
  guint count = 0;

  for (int py = MAX ((int) y - r, 0); py <= MIN ((int) y + r, height - 1); py++)
    for (int px = MAX ((int) x - r, 0); px <= MIN ((int) x + r, width - 1); px++)
      {
        const guchar *p = data + 4 * ((gsize) py * width + px);

        if (p[3] > 240 && ABS (p[2] - color->red * 255) < 30 && ABS (p[1] - color->green * 255) < 30
            && ABS (p[0] - color->blue * 255) < 30)
          count++;
      }

  return count;
}

static void
scroll_to (GtkWidget *widget,
           double     above)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  double x, y;

  g_assert_true (gtk_widget_translate_coordinates (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                                   0, 0, &x, &y));
  /* The viewport's coordinates are those of what it shows. */
  gtk_adjustment_set_value (adjustment, MAX (gtk_adjustment_get_value (adjustment) + y - above, 0));
  rapport_test_wait_for_frames (widget, 3);
}

/* Light, dark and at 360 px, the window scrolled to @widget. */
static void
save_screenshots (GtkWidget  *widget,
                  const char *name)
{
  GtkWidget *window = GTK_WIDGET (get_window ());
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);
  g_autofree char *narrow = g_strconcat (name, "-narrow", NULL);

  scroll_to (widget, 60);
  rapport_test_save_screenshot (window, name);
  set_dark (TRUE);
  rapport_test_save_screenshot (window, dark);
  set_dark (FALSE);
  set_window_width (360);
  scroll_to (widget, 60);
  rapport_test_save_screenshot (window, narrow);
  set_window_width (1000);
  scroll_to (widget, 1000000);
}

/* A skill rated 3, then 4 the day after: drawn rising, as the description
 * says, not as a flat line at 3.5 with faint dots.
 */
static void
test_two_ratings (void)
{
  RapportStore *store = empty_store ();
  const RapportSkill *skill = rapport_skill_get_nth (3);
  const RapportChartColor *palette = rapport_chart_get_palette (FALSE, NULL);
  g_autofree char *rose = g_strdup_printf ("%s rose from 3.0 to 4.0 over 1 day.", skill->title);
  const int three = 3, four = 4;
  RapportProgressView *view;
  RapportChartView *chart_view;
  RapportChart *chart;
  RapportSeries *line;
  const RapportSeriesPoint *points;
  g_autofree guchar *pixels = NULL;
  double x[2], y[2];
  int width, height;
  guint index, n;

  save_entry (store, 1, "first call", &skill->key, &three, 1);
  save_entry (store, 0, "second call", &skill->key, &four, 1);
  view = show_progress (RAPPORT_SERIES_RANGE_30_DAYS);
  chart_view = rapport_progress_view_get_chart_view (view);
  chart = rapport_chart_view_get_chart (chart_view);

  g_test_message ("%s", rapport_chart_view_get_description (chart_view));
  g_assert_nonnull (strstr (rapport_chart_view_get_description (chart_view), rose));

  /* The line is the two values, 3 then 4 ... */
  index = line_of (chart_view, RAPPORT_STORE_SERIES_SELF_RATING, skill->key);
  line = rapport_chart_get_shown (chart, index, TRUE);
  points = rapport_series_get_points (line, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (points[0].value, ==, 3);
  g_assert_cmpfloat (points[1].value, ==, 4);
  assert_lines_agree (chart_view);

  /* ... drawn so: a solid dot of the skill's colour at each, the second
   * higher.
   */
  pixels = render_widget (GTK_WIDGET (chart_view), &width, &height);
  for (guint i = 0; i < 2; i++)
    {
      guint count;

      g_assert_true (rapport_chart_map_point (chart, index, &points[i], &x[i], &y[i]));
      count = count_color_near (pixels, width, height, x[i], y[i], 4, &palette[3]);
      g_test_message ("value %.0f at (%.0f, %.0f): %u pixels of its colour", points[i].value, x[i], y[i], count);
      g_assert_cmpuint (count, >=, 20);
    }
  g_assert_cmpfloat (y[1], <, y[0] - 10);

  save_screenshots (GTK_WIDGET (chart_view), "progress-two-ratings");
}

/* A year of daily ratings (one skill rising, one falling, one level) and
 * weekly quizzes: each line goes the way its words go, the quiz scores sit
 * in a panel of their own, and no tick names a day after today.
 */
static void
test_year (void)
{
  RapportStore *store = empty_store ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_store_entry_free);
  const char *keys[3] = { rapport_skill_get_nth (0)->key, rapport_skill_get_nth (1)->key,
                          rapport_skill_get_nth (2)->key };
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (17);
  RapportProgressView *view;
  RapportChartView *chart_view;
  RapportChart *chart;
  cairo_rectangle_int_t ratings_panel, scores_panel;
  const RapportAxis *times;
  gint64 from, to;

  for (int day = 364; day >= 0; day--)
    {
      g_autoptr(GDateTime) when = days_ago (day);
      double t = (364 - day) / 364.0;
      int ratings[3];
      g_autofree char *title = g_strdup_printf ("day %d", day);

      ratings[0] = CLAMP ((int) (1.5 + 3 * t + g_rand_double_range (rand, -1, 1) + 0.5), 1, 5);
      ratings[1] = CLAMP ((int) (4.5 - 2.5 * t + g_rand_double_range (rand, -1, 1) + 0.5), 1, 5);
      ratings[2] = CLAMP ((int) (3 + g_rand_double_range (rand, -0.6, 0.6) + 0.5), 1, 5);
      g_ptr_array_add (entries, entry_new (when, title, keys, ratings, 3));
      if (day % 7 == 3)
        save_quiz (store, when, keys[2], 40 + 50 * t);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      RapportStoreEntry *entry = entries->pdata[i];

      entry->created = g_date_time_ref (entry->occurred);
      entry->updated = g_date_time_ref (entry->occurred);
    }
  g_assert_true (rapport_store_import_journal_entries (store, entries, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_rand_free (rand);

  view = show_progress (RAPPORT_SERIES_RANGE_YEAR);
  chart_view = rapport_progress_view_get_chart_view (view);
  chart = rapport_chart_view_get_chart (chart_view);
  g_test_message ("%s", rapport_chart_view_get_description (chart_view));
  assert_lines_agree (chart_view);

  /* Two panels, each with its scale's title. */
  g_assert_true (rapport_chart_get_panel_area (chart, RAPPORT_STORE_SERIES_SELF_RATING, &ratings_panel));
  g_assert_true (rapport_chart_get_panel_area (chart, RAPPORT_STORE_SERIES_QUIZ_SCORE, &scores_panel));
  g_assert_cmpint (ratings_panel.y + ratings_panel.height, <, scores_panel.y);
  g_assert_cmpstr (rapport_chart_get_axis_title (chart, RAPPORT_STORE_SERIES_SELF_RATING), ==, "Self-rating 1–5");
  g_assert_cmpstr (rapport_chart_get_axis_title (chart, RAPPORT_STORE_SERIES_QUIZ_SCORE), ==, "Quiz score %");

  rapport_chart_view_get_range (chart_view, &from, &to);
  times = rapport_chart_get_time_axis (chart);
  g_assert_nonnull (times);
  for (guint i = 0; i < times->n_ticks; i++)
    {
      g_assert_cmpint (times->ticks[i].time, >=, from);
      g_assert_cmpint (times->ticks[i].time, <, to);
    }

  save_screenshots (GTK_WIDGET (chart_view), "progress-year");

  /* The same at 360 px, where a column holds several days. */
  set_window_width (360);
  assert_lines_agree (chart_view);
  set_window_width (1000);
}

static guint
count_substrings (const char *text,
                  const char *needle)
{
  guint count = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    count++;

  return count;
}

static void
assert_tip_names_both (const char         *tip,
                       const RapportSkill *a,
                       const RapportSkill *b,
                       const char         *date)
{
  g_autofree char *a_value = g_strdup_printf ("%s, self-rating 4 of 5", a->title);
  g_autofree char *b_value = g_strdup_printf ("%s, self-rating 4 of 5", b->title);

  g_assert_nonnull (tip);
  g_test_message ("tip: %s", tip);
  g_assert_nonnull (strstr (tip, a_value));
  g_assert_nonnull (strstr (tip, b_value));
  g_assert_cmpuint (count_substrings (tip, "Journal entry “same day”"), ==, 2);
  /* The date once, for both. */
  g_assert_cmpuint (count_substrings (tip, date), ==, 1);
}

static gboolean
tip_shows (gpointer data)
{
  return rapport_chart_view_get_tip (data) != NULL;
}

static gboolean
tip_gone (gpointer data)
{
  return rapport_chart_view_get_tip (data) == NULL;
}

/* Two skills rated 4 in the same entry are drawn on one spot: the tip
 * under the pointer, and the keyboard's, names both with the date.
 */
static void
test_equal_values (void)
{
  RapportStore *store = empty_store ();
  RapportWindow *window = get_window ();
  const RapportSkill *a = rapport_skill_get_nth (0);
  const RapportSkill *b = rapport_skill_get_nth (1);
  const char *keys[2] = { a->key, b->key };
  const int before[2] = { 3, 2 }, same[2] = { 4, 4 }, after[2] = { 5, 3 };
  g_autoptr(GDateTime) when = days_ago (5);
  g_autofree char *date = g_date_time_format (when, "%A %-d %B %Y");
  RapportProgressView *view;
  RapportChartView *chart_view;
  RapportChart *chart;
  const RapportSeriesPoint *point;
  RapportSeries *focused = NULL;
  double x, y;

  save_entry (store, 10, "day before", keys, before, 2);
  save_entry (store, 5, "same day", keys, same, 2);
  save_entry (store, 0, "day after", keys, after, 2);
  view = show_progress (RAPPORT_SERIES_RANGE_30_DAYS);
  chart_view = rapport_progress_view_get_chart_view (view);
  chart = rapport_chart_view_get_chart (chart_view);
  scroll_to (GTK_WIDGET (chart_view), 60);

  /* Both on the one spot. */
  point = rapport_series_get_point (rapport_chart_get_shown (chart, line_of (chart_view, RAPPORT_STORE_SERIES_SELF_RATING, b->key),
                                                             FALSE), 1);
  g_assert_cmpfloat (point->value, ==, 4);
  g_assert_true (rapport_chart_map_point (chart, line_of (chart_view, RAPPORT_STORE_SERIES_SELF_RATING, b->key),
                                          point, &x, &y));

  rapport_test_move_pointer (GTK_WIDGET (chart_view), x + 1, y - 1);
  g_assert_true (rapport_test_wait_until (tip_shows, chart_view, 5000));
  assert_tip_names_both (rapport_chart_view_get_tip (chart_view), a, b, date);
  rapport_test_save_screenshot (GTK_WIDGET (window), "progress-equal-values-tip");
  set_dark (TRUE);
  rapport_test_save_screenshot (GTK_WIDGET (window), "progress-equal-values-tip-dark");
  set_dark (FALSE);
  rapport_test_move_pointer (GTK_WIDGET (chart_view), x, y + 60);
  /* The motion may reach the window a frame or two later on a busy machine. */
  g_assert_true (rapport_test_wait_until (tip_gone, chart_view, 5000));

  /* By keyboard: the first skill's newest value, then the one before. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (chart_view)));
  rapport_test_press_keys (GTK_WINDOW (window), "Left");
  point = rapport_chart_view_get_focused_point (chart_view, &focused);
  g_assert_nonnull (point);
  g_assert_cmpstr (rapport_series_get_skill_key (focused), ==, a->key);
  g_assert_cmpfloat (point->value, ==, 4);
  assert_tip_names_both (rapport_chart_view_get_tip (chart_view), a, b, date);
  rapport_test_save_screenshot (GTK_WIDGET (window), "progress-equal-values-focus");
}

/* The local day of @time, counted on. */
static int
day_number (gint64 time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return g_date_time_get_year (local) * 400 + g_date_time_get_day_of_year (local);
}

/* No tick names a day after today, or before the first day shown. */
static void
assert_ticks_in_range (RapportChartView *chart_view,
                       gboolean          single_day)
{
  RapportChart *chart = rapport_chart_view_get_chart (chart_view);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *today_label = g_date_time_format (now, "%-d %b");
  g_autofree char *tomorrow_label = g_date_time_format (tomorrow, "%-d %b");
  const RapportAxis *times;
  gint64 from, to;

  rapport_test_wait_for_frames (GTK_WIDGET (chart_view), 3);
  rapport_chart_view_get_range (chart_view, &from, &to);
  times = rapport_chart_get_time_axis (chart);
  g_assert_nonnull (times);
  g_assert_cmpuint (times->n_ticks, >, 0);
  for (guint i = 0; i < times->n_ticks; i++)
    {
      g_test_message ("tick %u: %s", i, times->ticks[i].label);
      g_assert_cmpint (times->ticks[i].time, >=, from);
      g_assert_cmpint (times->ticks[i].time, <, to);
      g_assert_cmpint (day_number (times->ticks[i].time), <=, day_number (g_date_time_to_unix (now)));
      g_assert_cmpstr (times->ticks[i].label, !=, tomorrow_label);
    }

  /* A day alone: its hours, under its date. */
  if (single_day)
    g_assert_cmpstr (times->ticks[0].label, ==, today_label);
}

/* One quiz, taken now: a dot at the right edge, under ticks that stop at
 * today; all time is today alone, which the axis names.  The same with
 * ratings from today only.
 */
static void
test_one_quiz (void)
{
  RapportStore *store = empty_store ();
  RapportWindow *window = get_window ();
  const RapportSkill *skill = rapport_skill_get_nth (2);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const int four = 4;
  RapportProgressView *view;
  RapportChartView *chart_view;

  save_quiz (store, now, skill->key, 70);
  view = show_progress (RAPPORT_SERIES_RANGE_30_DAYS);
  chart_view = rapport_progress_view_get_chart_view (view);
  assert_ticks_in_range (chart_view, FALSE);
  save_screenshots (GTK_WIDGET (chart_view), "progress-one-quiz");

  view = show_progress (RAPPORT_SERIES_RANGE_ALL);
  assert_ticks_in_range (chart_view, TRUE);
  scroll_to (GTK_WIDGET (chart_view), 60);
  rapport_test_save_screenshot (GTK_WIDGET (window), "progress-one-quiz-all-time");

  /* Points only today: a rating too. */
  save_entry (store, 0, "today", &skill->key, &four, 1);
  view = show_progress (RAPPORT_SERIES_RANGE_ALL);
  assert_ticks_in_range (chart_view, TRUE);
  view = show_progress (RAPPORT_SERIES_RANGE_90_DAYS);
  assert_ticks_in_range (chart_view, FALSE);
}

/* What a screen reader says for @widget: its accessible label, else the
 * label of a button labelled by its own text.  GTK 4.8 has no getter for
 * accessible properties; its test API returns the value it finds when
 * that differs from the one asked about, and no widget is labelled "\x01".
 */
static char *
accessible_name (GtkWidget *widget)
{
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");

  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL
      && gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return g_strdup (gtk_button_get_label (GTK_BUTTON (widget)));

  return NULL;
}

/* Tab goes through the whole view, and every stop has a name a screen
 * reader can say, not a class name ("GtkFlowBoxChild").
 */
static void
test_focus_names (void)
{
  RapportStore *store = empty_store ();
  RapportWindow *window = get_window ();
  const RapportSkill *skill = rapport_skill_get_nth (0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();
  g_autoptr(GString) unnamed = g_string_new (NULL);
  const int ratings[3] = { 2, 3, 4 };
  RapportProgressView *view;
  GtkWidget *first = NULL;
  gboolean chart_reached = FALSE, radar_reached = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    save_entry (store, 6 - 3 * (int) i, "call", &skill->key, &ratings[i], 1);
  save_quiz (store, now, skill->key, 60);
  view = show_progress (RAPPORT_SERIES_RANGE_30_DAYS);

  /* From the first range button, Tab by Tab until the focus comes back. */
  first = rapport_test_find_widget (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON, "30 Days");
  g_assert_nonnull (first);
  g_assert_true (gtk_widget_grab_focus (first));
  for (guint step = 0; step < 200; step++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (view)))
        {
          if (stops->len > 0 && focus == first)
            break;
          if (!g_ptr_array_find (stops, focus, NULL))
            g_ptr_array_add (stops, focus);
        }
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
    }

  g_assert_cmpuint (stops->len, >=, 10);
  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = stops->pdata[i];
      g_autofree char *name = accessible_name (stop);

      g_test_message ("stop %u: %s “%s”", i, G_OBJECT_TYPE_NAME (stop), name != NULL ? name : "(none)");
      if (name == NULL || *name == '\0' || g_type_from_name (name) != 0)
        g_string_append_printf (unnamed, " %u (%s)", i, G_OBJECT_TYPE_NAME (stop));
      chart_reached |= RAPPORT_IS_CHART_VIEW (stop);
      radar_reached |= RAPPORT_IS_RADAR_VIEW (stop);
    }
  if (unnamed->len > 0)
    g_error ("focusable widgets without a name a screen reader can say:%s", unnamed->str);

  /* Both charts are stops, to be read value by value. */
  g_assert_true (chart_reached);
  g_assert_true (radar_reached);
}

/* At 360 px the skill profile's names stand clear of one another around a
 * radar that fills the width.
 */
static void
test_radar_narrow (void)
{
  RapportStore *store = empty_store ();
  RapportWindow *window = get_window ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  int ratings[10];
  RapportProgressView *view;
  RapportRadarView *radar;
  RapportRadarLayout layout;
  int width, height;

  for (guint i = 0; i < rapport_skill_get_count (); i++)
    {
      g_ptr_array_add (keys, (gpointer) rapport_skill_get_nth (i)->key);
      ratings[i] = 1 + (int) (i * 7 % 5);
    }
  save_entry (store, 40, "then", (const char * const *) keys->pdata, ratings, keys->len);
  for (guint i = 0; i < keys->len; i++)
    ratings[i] = MIN (ratings[i] + 1, 5);
  save_entry (store, 0, "now", (const char * const *) keys->pdata, ratings, keys->len);

  set_window_width (360);
  view = show_progress (RAPPORT_SERIES_RANGE_30_DAYS);
  radar = RAPPORT_RADAR_VIEW (rapport_test_find_widget (GTK_WIDGET (view), RAPPORT_TYPE_RADAR_VIEW, NULL));
  g_assert_nonnull (radar);
  scroll_to (GTK_WIDGET (radar), 90);
  width = gtk_widget_get_width (GTK_WIDGET (radar));
  height = gtk_widget_get_height (GTK_WIDGET (radar));
  rapport_radar_view_get_layout (radar, &layout);
  g_test_message ("radar %d×%d: radius %.0f, names at %.0f %%", width, height, layout.radius,
                  100 * layout.label_scale);

  g_assert_cmpint (layout.width, ==, width);
  g_assert_cmpuint (layout.n_axes, ==, rapport_skill_get_count ());
  /* Half the width across or more (before: 136 px of 336), the names at
   * 80 % of their size at least.
   */
  g_assert_cmpfloat (2 * layout.radius, >=, 0.5 * width);
  g_assert_cmpfloat (layout.label_scale, >=, 0.8);
  for (guint i = 0; i < layout.n_axes; i++)
    {
      const cairo_rectangle_t *r = &layout.labels[i];

      g_assert_cmpfloat (r->x, >=, 0);
      g_assert_cmpfloat (r->x + r->width, <=, width);
      for (guint j = 0; j < i; j++)
        {
          const cairo_rectangle_t *s = &layout.labels[j];

          if (r->x < s->x + s->width && s->x < r->x + r->width && r->y < s->y + s->height && s->y < r->y + r->height)
            g_error ("the names of spokes %u and %u overlap", j, i);
        }
    }

  rapport_test_save_screenshot (GTK_WIDGET (window), "progress-radar-narrow");
  set_dark (TRUE);
  rapport_test_save_screenshot (GTK_WIDGET (window), "progress-radar-narrow-dark");
  set_dark (FALSE);
  set_window_width (1000);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
  scroll_to (GTK_WIDGET (radar), 90);
  rapport_test_save_screenshot (GTK_WIDGET (window), "progress-radar-wide");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  rapport_test_init (&argc, &argv);

  g_test_add_func ("/rapport/progress-chart/two-ratings", test_two_ratings);
  g_test_add_func ("/rapport/progress-chart/year", test_year);
  g_test_add_func ("/rapport/progress-chart/equal-values", test_equal_values);
  g_test_add_func ("/rapport/progress-chart/one-quiz", test_one_quiz);
  g_test_add_func ("/rapport/progress-chart/focus-names", test_focus_names);
  g_test_add_func ("/rapport/progress-chart/radar-narrow", test_radar_narrow);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
