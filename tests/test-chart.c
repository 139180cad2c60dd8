/* test-chart.c: the chart renderer, drawn offscreen and read back
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cairo-svg.h>

#include <glib/gstdio.h>

#include "rapport-chart-render.h"

#define DAY RAPPORT_SERIES_DAY
#define WIDTH 400
#define HEIGHT 200

/* 2026-01-01 00:00 UTC: where every chart here starts. */
#define START ((gint64) 1767225600)

static const RapportChartColor red = { 1, 0, 0, 1 };
static const RapportChartColor blue = { 0, 0, 1, 1 };

/* Sixty daily self-ratings of @value from START. */
static RapportSeries *
constant_ratings (double value)
{
  RapportSeries *series = rapport_series_new ("empathy", RAPPORT_STORE_SERIES_SELF_RATING);

  for (guint i = 0; i < 60; i++)
    rapport_series_append (series, START + i * DAY + DAY / 2, value, "entry", 0);

  return series;
}

/* A chart of @days from START, in UTC. */
static RapportChart *
utc_chart (guint days)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();

  return rapport_chart_new (START, START + days * DAY, tz);
}

static cairo_surface_t *
white_surface (int width,
               int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);

  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  cairo_surface_flush (surface);

  return *((guint32 *) (gpointer) (cairo_image_surface_get_data (surface)
                                   + y * cairo_image_surface_get_stride (surface)) + x);
}

/* Beside the GUI tests' screenshots: $G_TEST_BUILDDIR/screenshots/NAME.png */
static void
save_png (cairo_surface_t *surface,
          const char      *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("picture: %s", path);
}

static void
render (RapportChart    *chart,
        cairo_surface_t *surface,
        int              width,
        int              height)
{
  cairo_t *cr = cairo_create (surface);

  rapport_chart_render (chart, cr, NULL, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
}

/* The row of the plot where @rating is drawn. */
static int
row_of (RapportChart *chart,
        double        rating)
{
  cairo_rectangle_int_t plot;

  rapport_chart_get_plot_area (chart, &plot);

  return (int) (plot.y + plot.height * (1 - (rating - 1) / 4.0));
}

/* Whether column @x has a fully red pixel within two rows of @y. */
static gboolean
red_near (cairo_surface_t *surface,
          int              x,
          int              y)
{
  for (int dy = -2; dy <= 2; dy++)
    if (pixel (surface, x, y + dy) == 0xffff0000)
      return TRUE;

  return FALSE;
}

static void
test_chart_draws_trend (void)
{
  g_autoptr(RapportChart) chart = utc_chart (60);
  g_autoptr(RapportSeries) series = constant_ratings (3.5);
  cairo_surface_t *surface = white_surface (WIDTH, HEIGHT);
  cairo_surface_t *hidden = white_surface (WIDTH, HEIGHT);
  cairo_rectangle_int_t plot;
  int y;

  g_assert_cmpuint (rapport_chart_add_series (chart, series, &red), ==, 0);
  g_assert_cmpuint (rapport_chart_get_n_series (chart), ==, 1);
  g_assert_null (rapport_chart_get_shown (chart, 0, FALSE));

  render (chart, surface, WIDTH, HEIGHT);
  rapport_chart_get_plot_area (chart, &plot);
  g_assert_cmpint (plot.width, >, WIDTH / 2);
  g_assert_cmpint (plot.height, >, HEIGHT / 2);
  y = row_of (chart, 3.5);

  /* The trend (3.5 throughout) across the plot, in the line's colour ... */
  for (int x = plot.x + 5; x < plot.x + plot.width - 5; x += 37)
    g_assert_true (red_near (surface, x, y));
  /* ... and nothing in red far from it, or outside the plot. */
  g_assert_cmpuint (pixel (surface, plot.x + plot.width / 2, y - 20), ==, 0xffffffff);
  g_assert_cmpuint (pixel (surface, plot.x + plot.width / 2, y + 20), ==, 0xffffffff);
  g_assert_false (red_near (surface, plot.x + plot.width + 8, y));

  /* A hidden series is not drawn. */
  rapport_chart_set_series_visible (chart, 0, FALSE);
  render (chart, hidden, WIDTH, HEIGHT);
  g_assert_false (red_near (hidden, plot.x + plot.width / 2, y));

  save_png (surface, "chart-trend");
  cairo_surface_destroy (surface);
  cairo_surface_destroy (hidden);
}

/* A scale factor of 2: the data layer at twice the resolution, in place. */
static void
test_chart_scale (void)
{
  g_autoptr(RapportChart) chart = utc_chart (60);
  g_autoptr(RapportSeries) series = constant_ratings (3.5);
  cairo_surface_t *surface = white_surface (2 * WIDTH, 2 * HEIGHT);
  cairo_rectangle_int_t plot;
  cairo_t *cr = cairo_create (surface);
  int y;

  rapport_chart_set_scale_factor (chart, 2);
  rapport_chart_add_series (chart, series, &red);
  cairo_scale (cr, 2, 2);
  rapport_chart_render (chart, cr, NULL, WIDTH, HEIGHT);
  cairo_destroy (cr);

  rapport_chart_get_plot_area (chart, &plot);
  y = 2 * row_of (chart, 3.5);
  for (int x = 2 * plot.x + 10; x < 2 * (plot.x + plot.width) - 10; x += 51)
    g_assert_true (red_near (surface, x, y));
  g_assert_cmpuint (pixel (surface, 2 * plot.x + plot.width, y - 20), ==, 0xffffffff);
  /* Fewer values than device columns: the trend at each value. */
  g_assert_cmpuint (rapport_series_get_n_points (rapport_chart_get_shown (chart, 0, TRUE)), ==,
                    60);

  cairo_surface_destroy (surface);
}

static void
test_chart_resize (void)
{
  g_autoptr(RapportChart) chart = utc_chart (3000);
  g_autoptr(RapportSeries) series = rapport_series_new ("empathy",
                                                        RAPPORT_STORE_SERIES_SELF_RATING);
  cairo_surface_t *surface = white_surface (WIDTH, HEIGHT);
  GRand *rand = g_rand_new_with_seed (1);

  for (guint i = 0; i < 3000; i++)
    rapport_series_append (series, START + i * DAY, g_rand_int_range (rand, 1, 6), "e", 0);
  rapport_chart_add_series (chart, series, &red);

  for (int width = WIDTH; width >= 150; width -= 125)
    {
      cairo_rectangle_int_t plot;
      RapportSeries *shown, *trend;

      render (chart, surface, width, HEIGHT);
      rapport_chart_get_plot_area (chart, &plot);
      shown = rapport_chart_get_shown (chart, 0, FALSE);
      trend = rapport_chart_get_shown (chart, 0, TRUE);

      /* Downsampled again for the new width, from the series it holds. */
      g_assert_cmpint (plot.width, <, width);
      g_assert_cmpuint (rapport_series_get_n_points (shown), <=, 2 * plot.width);
      g_assert_cmpuint (rapport_series_get_n_points (shown), >, plot.width);
      g_assert_cmpuint (rapport_series_get_n_points (trend), <=, plot.width);
    }

  g_rand_free (rand);
  cairo_surface_destroy (surface);
}

static void
test_chart_axes (void)
{
  g_autoptr(RapportChart) chart = utc_chart (60);
  g_autoptr(RapportSeries) ratings = constant_ratings (3);
  g_autoptr(RapportSeries) scores = rapport_series_new ("empathy",
                                                        RAPPORT_STORE_SERIES_QUIZ_SCORE);
  cairo_surface_t *surface = white_surface (WIDTH, 2 * HEIGHT);
  cairo_rectangle_int_t alone, both, rating_panel, score_panel;
  RapportSeriesPoint four = { START + 20 * DAY, 4, "entry", 0 };
  RapportSeriesPoint three_quarters = { START + 20 * DAY, 75, NULL, 2 };
  double x, rating_y, score_y;

  rapport_series_append (scores, START + 10 * DAY, 80, NULL, 1);

  rapport_chart_add_series (chart, ratings, &red);
  render (chart, surface, WIDTH, 2 * HEIGHT);
  rapport_chart_get_plot_area (chart, &alone);
  g_assert_true (rapport_chart_get_panel_area (chart, RAPPORT_STORE_SERIES_SELF_RATING, &rating_panel));
  g_assert_cmpmem (&rating_panel, sizeof rating_panel, &alone, sizeof alone);
  g_assert_false (rapport_chart_get_panel_area (chart, RAPPORT_STORE_SERIES_QUIZ_SCORE, &score_panel));
  g_assert_cmpstr (rapport_chart_get_axis_title (chart, RAPPORT_STORE_SERIES_SELF_RATING), ==,
                   "Self-rating 1–5");
  g_assert_null (rapport_chart_get_axis_title (chart, RAPPORT_STORE_SERIES_QUIZ_SCORE));

  /* Quiz scores bring a panel of their own under the ratings', with its
   * own titled axis: the two scales never share a grid, so a rating of 4
   * cannot sit on the 75 % line and read as 75 %.  The plot keeps its
   * place across.
   */
  rapport_chart_add_series (chart, scores, &blue);
  cairo_surface_destroy (surface);
  surface = white_surface (WIDTH, 2 * HEIGHT);
  render (chart, surface, WIDTH, 2 * HEIGHT);
  save_png (surface, "chart-panels");
  rapport_chart_get_plot_area (chart, &both);
  g_assert_cmpint (both.x, ==, alone.x);
  g_assert_cmpint (both.width, ==, alone.width);
  g_assert_true (rapport_chart_get_panel_area (chart, RAPPORT_STORE_SERIES_SELF_RATING, &rating_panel));
  g_assert_true (rapport_chart_get_panel_area (chart, RAPPORT_STORE_SERIES_QUIZ_SCORE, &score_panel));
  g_assert_cmpint (rating_panel.y + rating_panel.height, <, score_panel.y);
  g_assert_cmpint (rating_panel.x, ==, score_panel.x);
  g_assert_cmpint (rating_panel.width, ==, score_panel.width);
  g_assert_cmpint (score_panel.height, >, 40);
  g_assert_cmpstr (rapport_chart_get_axis_title (chart, RAPPORT_STORE_SERIES_SELF_RATING), ==,
                   "Self-rating 1–5");
  g_assert_cmpstr (rapport_chart_get_axis_title (chart, RAPPORT_STORE_SERIES_QUIZ_SCORE), ==,
                   "Quiz score %");
  g_assert_true (rapport_chart_map_point (chart, 0, &four, &x, &rating_y));
  g_assert_true (rapport_chart_map_point (chart, 1, &three_quarters, &x, &score_y));
  g_assert_cmpfloat (rating_y, >, rating_panel.y);
  g_assert_cmpfloat (rating_y, <, rating_panel.y + rating_panel.height);
  g_assert_cmpfloat (score_y, >, score_panel.y);
  g_assert_cmpfloat (score_y, <, score_panel.y + score_panel.height);

  /* Hiding the scores takes their panel away. */
  rapport_chart_set_series_visible (chart, 1, FALSE);
  render (chart, surface, WIDTH, 2 * HEIGHT);
  rapport_chart_get_plot_area (chart, &both);
  g_assert_cmpmem (&both, sizeof both, &alone, sizeof alone);
  g_assert_null (rapport_chart_get_axis_title (chart, RAPPORT_STORE_SERIES_QUIZ_SCORE));

  /* An empty chart, and one too small for a plot, draw without trouble. */
  rapport_chart_remove_all_series (chart);
  g_assert_cmpuint (rapport_chart_get_n_series (chart), ==, 0);
  render (chart, surface, WIDTH, HEIGHT);
  render (chart, surface, 10, 10);

  cairo_surface_destroy (surface);
}

/* Like gtk_snapshot_append_cairo(): drawn into a recording, replayed later. */
static void
test_chart_recording (void)
{
  g_autoptr(RapportChart) chart = utc_chart (60);
  g_autoptr(RapportSeries) low = constant_ratings (1.5);
  g_autoptr(RapportSeries) high = constant_ratings (4.5);
  cairo_rectangle_t bounds = { 0, 0, WIDTH, HEIGHT };
  cairo_surface_t *first = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &bounds);
  cairo_surface_t *second = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &bounds);
  cairo_surface_t *replay = white_surface (WIDTH, HEIGHT);
  cairo_rectangle_int_t plot;
  cairo_t *cr;
  int x;

  rapport_chart_add_series (chart, low, &red);
  render (chart, first, WIDTH, HEIGHT);
  rapport_chart_remove_all_series (chart);
  rapport_chart_add_series (chart, high, &red);
  render (chart, second, WIDTH, HEIGHT);

  /* The first frame still shows its own data, though the chart has drawn
   * another into the same layer since.
   */
  cr = cairo_create (replay);
  cairo_set_source_surface (cr, first, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);

  rapport_chart_get_plot_area (chart, &plot);
  x = plot.x + plot.width / 2;
  g_assert_true (red_near (replay, x, row_of (chart, 1.5)));
  g_assert_false (red_near (replay, x, row_of (chart, 4.5)));

  cairo_surface_destroy (first);
  cairo_surface_destroy (second);
  cairo_surface_destroy (replay);
}

/* Exports get paths, not pixels. */
static void
test_chart_svg (void)
{
  g_autoptr(RapportChart) chart = utc_chart (60);
  g_autoptr(RapportSeries) series = constant_ratings (3.5);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "svg", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *svg = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  surface = cairo_svg_surface_create (path, WIDTH, HEIGHT);
  rapport_chart_add_series (chart, series, &red);
  render (chart, surface, WIDTH, HEIGHT);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &svg, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (svg, "<path"));
  /* The trend as a stroked red path, not an embedded picture. */
  g_assert_nonnull (strstr (svg, "stroke:rgb(100%,0%,0%)"));
  g_assert_null (strstr (svg, "<image"));
}

/* Red pixels (the line's colour, nearly opaque) in the box of 2 r + 1
 * pixels around (@x, @y).
 */
static guint
count_red (cairo_surface_t *surface,
           int              x,
           int              y,
           int              r)
{
  guint count = 0;

  for (int dy = -r; dy <= r; dy++)
    for (int dx = -r; dx <= r; dx++)
      {
        guint32 p = pixel (surface, x + dx, y + dy);

        if (((p >> 16) & 0xff) > 0xe0 && ((p >> 8) & 0xff) < 0x60 && (p & 0xff) < 0x60)
          count++;
      }

  return count;
}

/* Ratings far apart have no trend between them, and each must still be
 * seen: a dot as large as a quiz score's, not a speck of line width.
 */
static void
test_chart_lone_points (void)
{
  g_autoptr(RapportChart) chart = utc_chart (60);
  g_autoptr(RapportSeries) series = rapport_series_new ("empathy", RAPPORT_STORE_SERIES_SELF_RATING);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "svg", NULL);
  g_autofree char *path = g_build_filename (dir, "lone.svg", NULL);
  g_autofree char *svg = NULL;
  cairo_surface_t *surface = white_surface (WIDTH, HEIGHT);
  cairo_surface_t *vector;
  cairo_rectangle_int_t plot;
  int x, y;

  rapport_series_append (series, START + 30 * DAY, 3.0, "entry", 1);
  rapport_chart_add_series (chart, series, &red);
  render (chart, surface, WIDTH, HEIGHT);
  save_png (surface, "chart-lone-point");

  rapport_chart_get_plot_area (chart, &plot);
  x = plot.x + plot.width / 2;
  y = row_of (chart, 3.0);
  /* A disc of radius 3.5 covers about 38 pixels; a 2-pixel line's round
   * cap about 3.
   */
  g_assert_cmpuint (count_red (surface, x, y, 5), >=, 25);
  /* Round: not a bar across the plot. */
  g_assert_cmpuint (count_red (surface, x + 20, y, 3), ==, 0);

  /* In an SVG export too, as a filled shape. */
  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  vector = cairo_svg_surface_create (path, WIDTH, HEIGHT);
  render (chart, vector, WIDTH, HEIGHT);
  cairo_surface_finish (vector);
  cairo_surface_destroy (vector);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "fill:rgb(100%,0%,0%)"));

  cairo_surface_destroy (surface);
}

/* Every drawn point can be found where it was drawn, with its source. */
static void
test_chart_find_point (void)
{
  g_autoptr(RapportChart) chart = utc_chart (30);
  g_autoptr(RapportSeries) ratings = rapport_series_new ("empathy", RAPPORT_STORE_SERIES_SELF_RATING);
  g_autoptr(RapportSeries) scores = rapport_series_new ("empathy", RAPPORT_STORE_SERIES_QUIZ_SCORE);
  cairo_surface_t *surface = white_surface (WIDTH, HEIGHT);
  const RapportSeriesPoint *point;
  double x, y;
  guint line, position;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("entry-%u", i);

      rapport_series_append (ratings, START + (3 * i + 1) * DAY, 1 + i % 5, uuid, 0);
    }
  rapport_series_append (scores, START + 5 * DAY, 80, NULL, 42);
  rapport_chart_add_series (chart, ratings, &red);
  rapport_chart_add_series (chart, scores, &blue);

  /* Nothing to find before the first render. */
  g_assert_false (rapport_chart_find_point (chart, 10, 10, 1000, &line, &position));
  render (chart, surface, WIDTH, HEIGHT);

  for (guint i = 0; i < 10; i++)
    {
      point = rapport_series_get_point (rapport_chart_get_shown (chart, 0, FALSE), i);
      g_assert_true (rapport_chart_map_point (chart, 0, point, &x, &y));
      g_assert_true (rapport_chart_find_point (chart, x + 1, y - 1, 4, &line, &position));
      g_assert_cmpuint (line, ==, 0);
      g_assert_cmpuint (position, ==, i);
    }

  /* The quiz score at 80 % on the right axis, with its attempt. */
  point = rapport_series_get_point (rapport_chart_get_shown (chart, 1, FALSE), 0);
  g_assert_true (rapport_chart_map_point (chart, 1, point, &x, &y));
  g_assert_true (rapport_chart_find_point (chart, x, y, 4, &line, &position));
  g_assert_cmpuint (line, ==, 1);
  point = rapport_series_get_point (rapport_chart_get_shown (chart, line, FALSE), position);
  g_assert_cmpint (point->attempt_id, ==, 42);
  /* Blue, nearly opaque at its centre. */
  g_assert_cmpuint (pixel (surface, (int) x, (int) y) & 0xff, ==, 0xff);
  g_assert_cmpuint ((pixel (surface, (int) x, (int) y) >> 16) & 0xff, <, 0x40);

  /* Far from every point, or on a hidden line: nothing. */
  g_assert_false (rapport_chart_find_point (chart, x, y - 40, 4, &line, &position));
  rapport_chart_set_series_visible (chart, 1, FALSE);
  g_assert_false (rapport_chart_find_point (chart, x, y, 4, &line, &position));

  cairo_surface_destroy (surface);
}

/* Downsampled points keep the source of the row they came from. */
static void
test_chart_shown_sources (void)
{
  g_autoptr(RapportChart) chart = utc_chart (3650);
  g_autoptr(RapportSeries) ratings = rapport_series_new ("empathy", RAPPORT_STORE_SERIES_SELF_RATING);
  cairo_surface_t *surface = white_surface (WIDTH, HEIGHT);
  RapportSeries *shown;
  const RapportSeriesPoint *points;
  guint n;

  for (guint i = 0; i < 3650; i++)
    {
      char uuid[32];

      g_snprintf (uuid, sizeof uuid, "entry-%u-%u", i, 1 + (i * 7) % 5);
      rapport_series_append (ratings, START + i * DAY, 1 + (i * 7) % 5, uuid, 0);
    }
  rapport_chart_add_series (chart, ratings, &red);
  render (chart, surface, WIDTH, HEIGHT);

  shown = rapport_chart_get_shown (chart, 0, FALSE);
  points = rapport_series_get_points (shown, &n);
  g_assert_cmpuint (n, <, 3650);
  for (guint i = 0; i < n; i++)
    {
      guint day = (guint) ((points[i].time - START) / DAY);
      g_autofree char *expected = g_strdup_printf ("entry-%u-%.0f", day, points[i].value);

      g_assert_cmpstr (points[i].entry_uuid, ==, expected);
    }

  cairo_surface_destroy (surface);
}

static GArray *
radar_values (void)
{
  const char *keys[] = { "communication", "active-listening", "empathy", "problem-solving",
                         "interpersonal", "assertiveness", "stress-management",
                         "conflict-management", "business-writing", "cross-cultural" };
  GArray *values = g_array_new (FALSE, TRUE, sizeof (RapportRadarValue));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      RapportRadarValue value = { keys[i], 0.5, 0.25,
                                  RAPPORT_STORE_SERIES_SELF_RATING,
                                  RAPPORT_STORE_SERIES_SELF_RATING };

      if (i == 0)
        value.now = 1.0;
      if (i == 5)
        value.now = value.then = -1;
      g_array_append_val (values, value);
    }

  return values;
}

static void
radar_style (RapportRadarStyle *style)
{
  static const RapportChartColor black = { 0, 0, 0, 1 };

  style->foreground = black;
  style->now = blue;
  style->then = red;
  style->now_label = "Now";
  style->then_label = "1 March 2026";
  style->focused = -1;
  style->layout = NULL;
}

static void
test_chart_radar (void)
{
  g_autoptr(GArray) values = radar_values ();
  cairo_surface_t *surface = white_surface (400, 400);
  cairo_t *cr = cairo_create (surface);
  RapportRadarStyle style;
  RapportRadarLayout layout;
  double x, y, hub_x, hub_y;

  radar_style (&style);
  rapport_radar_render (cr, NULL, 400, 400, (const RapportRadarValue *) (gpointer) values->data,
                        values->len, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  rapport_radar_compute_layout (cr, NULL, 400, 400, (const RapportRadarValue *) (gpointer) values->data,
                                values->len, &layout);
  cairo_destroy (cr);
  save_png (surface, "chart-radar");

  /* The first skill at the rim, at the top, as a "now" dot. */
  rapport_radar_get_point (&layout, 0, 1.0, &x, &y);
  rapport_radar_get_point (&layout, 0, 0.0, &hub_x, &hub_y);
  g_assert_cmpfloat (ABS (x - hub_x), <, 0.5);
  g_assert_cmpfloat (y, <, hub_y - 60);
  g_assert_cmpuint (pixel (surface, (int) x, (int) y) & 0xffffff, ==, 0x0000ff);

  /* Inside the "now" shape a light tint of it; outside, none. */
  rapport_radar_get_point (&layout, 2, 0.4, &x, &y);
  {
    guint32 inside = pixel (surface, (int) x, (int) y);

    g_assert_cmpuint (inside & 0xff, >, (inside >> 16) & 0xff);
    g_assert_cmpuint (inside & 0xffffff, !=, 0xffffff);
  }
  rapport_radar_get_point (&layout, 2, 0.9, &x, &y);
  {
    guint32 outside = pixel (surface, (int) x + 3, (int) y);

    /* White, or the grey of a ring: no blue tint. */
    g_assert_cmpuint (outside & 0xff, ==, (outside >> 16) & 0xff);
  }

  /* The "then" dot on the third spoke at its level (0.25): red under the
   * "now" shape's light blue.
   */
  rapport_radar_get_point (&layout, 2, 0.25, &x, &y);
  {
    gboolean red_found = FALSE;

    for (int dy = -3; dy <= 3 && !red_found; dy++)
      for (int dx = -3; dx <= 3 && !red_found; dx++)
        {
          guint32 p = pixel (surface, (int) x + dx, (int) y + dy);

          red_found = ((p >> 16) & 0xff) > 0xa0 && ((p >> 16) & 0xff) > (p & 0xff) + 0x60;
        }
    g_assert_true (red_found);
  }

  /* Spokes are found by direction; far outside, none. */
  for (guint i = 0; i < values->len; i++)
    {
      rapport_radar_get_point (&layout, i, 0.7, &x, &y);
      g_assert_cmpint (rapport_radar_find_axis (&layout, x, y), ==, (int) i);
    }
  g_assert_cmpint (rapport_radar_find_axis (&layout, 2, 398), ==, -1);

  cairo_surface_destroy (surface);
}

static gboolean
rectangles_overlap (const cairo_rectangle_t *a,
                    const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* A narrow window (a phone, 360 px) leaves the radar about 320 px: the
 * names must still stand clear of one another, inside the area, around a
 * radar big enough to read.
 */
static void
test_chart_radar_narrow (void)
{
  const int widths[] = { 320, 336, 400, 720 };
  g_autoptr(GArray) values = radar_values ();

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      int width = widths[w], height = 420;
      cairo_surface_t *surface = white_surface (width, height);
      cairo_t *cr = cairo_create (surface);
      RapportRadarLayout layout;
      RapportRadarStyle style;
      g_autofree char *name = g_strdup_printf ("chart-radar-%d", width);

      rapport_radar_compute_layout (cr, NULL, width, height,
                                    (const RapportRadarValue *) (gpointer) values->data,
                                    values->len, &layout);
      g_test_message ("%d px: radius %.0f, names at %.0f %%", width, layout.radius,
                      100 * layout.label_scale);
      g_assert_cmpuint (layout.n_axes, ==, values->len);

      /* A radar worth the space, half the shorter side across or more
       * (before, 136 px of 320), its names at 80 % of their size at least,
       * broken between words.
       */
      g_assert_cmpfloat (layout.radius, >=, 0.25 * MIN (width, height));
      g_assert_cmpfloat (layout.label_scale, >=, 0.8);
      g_assert_cmpint (layout.label_wrap, ==, PANGO_WRAP_WORD);

      for (guint i = 0; i < layout.n_axes; i++)
        {
          const cairo_rectangle_t *rect = &layout.labels[i];

          g_assert_cmpfloat (rect->width, >, 0);
          g_assert_cmpfloat (rect->x, >=, 0);
          g_assert_cmpfloat (rect->x + rect->width, <=, width);
          g_assert_cmpfloat (rect->y + rect->height, <=, height);
          for (guint j = 0; j < i; j++)
            if (rectangles_overlap (rect, &layout.labels[j]))
              g_error ("at %d px the names of spokes %u and %u overlap", width, j, i);
        }

      /* Drawn with the same layout, and found by it. */
      radar_style (&style);
      style.layout = &layout;
      rapport_radar_render (cr, NULL, width, height, (const RapportRadarValue *) (gpointer) values->data,
                            values->len, &style);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      for (guint i = 0; i < layout.n_axes; i++)
        g_assert_cmpint (rapport_radar_find_axis (&layout, layout.labels[i].x + layout.labels[i].width / 2,
                                                  layout.labels[i].y + layout.labels[i].height / 2),
                         ==, (int) i);
      save_png (surface, name);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* German names are longer, with words like "Durchsetzungsvermögen": at
 * 320 px they still fit, broken within a word if nothing else will do.
 */
static void
test_chart_radar_long_names (void)
{
  const char *names[] = { "Wirksame Kommunikation", "Aktives Zuhören", "Empathie", "Problemlösung",
                          "Zwischenmenschliche Fähigkeiten", "Durchsetzungsvermögen",
                          "Stressbewältigung", "Konfliktmanagement",
                          "Geschäftliches Schreiben und E-Mails", "Interkulturelle Umgangsformen" };
  g_autoptr(GArray) values = radar_values ();
  cairo_surface_t *surface = white_surface (320, 420);
  cairo_t *cr = cairo_create (surface);
  RapportRadarLayout layout;
  RapportRadarStyle style;

  /* Not skills: each is drawn under its key. */
  for (guint i = 0; i < values->len; i++)
    g_array_index (values, RapportRadarValue, i).skill_key = names[i];

  rapport_radar_compute_layout (cr, NULL, 320, 420, (const RapportRadarValue *) (gpointer) values->data,
                                values->len, &layout);
  g_test_message ("radius %.0f, names at %.0f %%, %s", layout.radius, 100 * layout.label_scale,
                  layout.label_wrap == PANGO_WRAP_WORD ? "between words" : "within words");
  g_assert_cmpfloat (layout.radius, >=, 0.2 * 320);
  for (guint i = 0; i < layout.n_axes; i++)
    {
      g_assert_cmpfloat (layout.labels[i].x, >=, 0);
      g_assert_cmpfloat (layout.labels[i].x + layout.labels[i].width, <=, 320);
      for (guint j = 0; j < i; j++)
        g_assert_false (rectangles_overlap (&layout.labels[i], &layout.labels[j]));
    }

  radar_style (&style);
  rapport_radar_render (cr, NULL, 320, 420, (const RapportRadarValue *) (gpointer) values->data,
                        values->len, &style);
  save_png (surface, "chart-radar-long-names");
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_chart_radar_svg (void)
{
  g_autoptr(GArray) values = radar_values ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "rapport-radar-test.svg", NULL);
  g_autofree char *svg = NULL;
  cairo_surface_t *surface = cairo_svg_surface_create (path, 400, 400);
  cairo_t *cr = cairo_create (surface);
  RapportRadarStyle style;

  radar_style (&style);
  rapport_radar_render (cr, NULL, 400, 400, (const RapportRadarValue *) (gpointer) values->data,
                        values->len, &style);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "<svg"));
  /* The "now" shape is a blue path in the file. */
  g_assert_nonnull (strstr (svg, "rgb(0%,0%,100%)"));
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/rapport/chart/draws-trend", test_chart_draws_trend);
  g_test_add_func ("/rapport/chart/scale", test_chart_scale);
  g_test_add_func ("/rapport/chart/resize", test_chart_resize);
  g_test_add_func ("/rapport/chart/axes", test_chart_axes);
  g_test_add_func ("/rapport/chart/recording", test_chart_recording);
  g_test_add_func ("/rapport/chart/svg", test_chart_svg);
  g_test_add_func ("/rapport/chart/lone-points", test_chart_lone_points);
  g_test_add_func ("/rapport/chart/find-point", test_chart_find_point);
  g_test_add_func ("/rapport/chart/shown-sources", test_chart_shown_sources);
  g_test_add_func ("/rapport/chart/radar", test_chart_radar);
  g_test_add_func ("/rapport/chart/radar-svg", test_chart_radar_svg);
  g_test_add_func ("/rapport/chart/radar-narrow", test_chart_radar_narrow);
  g_test_add_func ("/rapport/chart/radar-long-names", test_chart_radar_long_names);

  return g_test_run ();
}
