/* chart.c: Progress chart benchmark (see bench/README.md)
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds ten years of daily self-ratings of the ten skills through the
 * store's API, then times one frame of the all-time skill-trend chart:
 * reading the ten series from the store, their trends, downsampling and
 * drawing into a 1200x600 image surface with the chart renderer the widget
 * will use.  Then a resize: the same chart drawn at other widths, which
 * downsamples again but does not read the store.  Each should fit in half a
 * frame at 60 Hz (8 ms).
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rapport-chart-render.h"
#include "rapport-series.h"
#include "rapport-skill.h"
#include "rapport-bench-common.h"
#include "rapport-store-private.h"

static int n_days = 3653;
static int n_runs = 21;
static int width = 1200;
static int height = 600;
static char *keep_dir;
static char *png_path;

#define TARGET_MS 8.0

static const GOptionEntry options[] = {
  { "runs", 'n', 0, G_OPTION_ARG_INT, &n_runs, "Measured runs of each step (default 21)", "N" },
  { "days", 0, 0, G_OPTION_ARG_INT, &n_days, "Days of ratings (default 3653)", "N" },
  { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, "Build the store in DIR and keep it", "DIR" },
  { "png", 0, 0, G_OPTION_ARG_FILENAME, &png_path, "Save the last frame as a PNG", "FILE" },
  { NULL }
};

/* Each skill improves at its own pace from about 1.5 to 4, with noise. */
static int
rating_for (GRand *rand,
            guint  skill,
            int    day)
{
  double progress = (double) day / n_days;
  double level = 1.5 + 2.5 * progress * (0.6 + skill / 22.0);
  double noise = g_rand_double_range (rand, -1.0, 1.0) + g_rand_double_range (rand, -1.0, 1.0);
  int rating = (int) (level + 0.6 * noise + 0.5);

  return CLAMP (rating, 1, 5);
}

/* A title and the ten skills' ratings of the day. */
static RapportStoreEntry *
day_entry (GRand     *rand,
           GDateTime *when,
           int        day)
{
  RapportStoreEntry *entry = rapport_store_entry_new ();

  g_free (entry->title);
  entry->title = g_strdup_printf ("Day %d", day + 1);
  g_date_time_unref (entry->occurred);
  entry->occurred = g_date_time_ref (when);
  for (guint s = 0; s < rapport_skill_get_count (); s++)
    rapport_store_entry_set_rating (entry, rapport_skill_get_nth (s)->key,
                                    rating_for (rand, s, day));

  return entry;
}

static void
populate (const char *path,
          GRand      *rand)
{
  double t0;
  g_autoptr(RapportStore) store = rapport_bench_build_store (path, n_days, rand, day_entry, &t0);

  g_print ("Built %d days of ratings of %u skills (%u ratings) in %.1f s\n", n_days,
           rapport_skill_get_count (), n_days * rapport_skill_get_count (),
           (rapport_bench_wall_ms () - t0) / 1e3);
}

typedef struct
{
  double query;
  double draw;           /* downsample, trends and render: the chart's first draw */
  double total;
  guint  n_values;
  guint  n_drawn;        /* points reaching cairo: raw and trend */
} Frame;

static void
clear (cairo_t *cr)
{
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* One frame of the all-time view, from the store to pixels.  Like the
 * widget, the bench keeps the chart and the list of series: the first frame
 * loads the series, later ones read the store again into the same list (as
 * after the user saves an entry), having dropped the chart's references.
 */
static void
frame (RapportStore  *store,
       GDateTime     *now,
       RapportChart  *chart,
       GPtrArray    **ratings,
       gboolean       fresh,
       cairo_t       *cr,
       Frame         *out)
{
  g_autoptr(GError) error = NULL;
  guint n_colors;
  const RapportChartColor *palette = rapport_chart_get_palette (FALSE, &n_colors);
  gint64 from, to;
  double t0, t1, t2;

  t0 = rapport_bench_wall_ms ();
  rapport_chart_remove_all_series (chart);
  if (fresh)
    g_clear_pointer (ratings, g_ptr_array_unref);
  rapport_series_range_get_bounds (RAPPORT_SERIES_RANGE_ALL, now, G_MAXINT64, &from, &to);
  if (*ratings == NULL)
    *ratings = rapport_series_load (store, NULL, RAPPORT_STORE_SERIES_SELF_RATING, G_MININT64,
                                    to, &error);
  else if (!rapport_series_list_reload (*ratings, store, G_MININT64, to, &error))
    g_clear_pointer (ratings, g_ptr_array_unref);
  if (*ratings == NULL)
    rapport_bench_die ("reading the series", error);
  rapport_series_range_get_bounds (RAPPORT_SERIES_RANGE_ALL, now,
                                   rapport_series_list_get_first_time (*ratings), &from, &to);

  t1 = rapport_bench_wall_ms ();
  rapport_chart_set_range (chart, from, to);
  for (guint i = 0; i < (*ratings)->len; i++)
    rapport_chart_add_series (chart, (*ratings)->pdata[i], &palette[i % n_colors]);

  clear (cr);
  rapport_chart_render (chart, cr, NULL, width, height);
  cairo_surface_flush (cairo_get_target (cr));
  t2 = rapport_bench_wall_ms ();

  out->query = t1 - t0;
  out->draw = t2 - t1;
  out->total = t2 - t0;
  out->n_values = 0;
  out->n_drawn = 0;
  for (guint i = 0; i < (*ratings)->len; i++)
    {
      out->n_values += rapport_series_get_n_points ((*ratings)->pdata[i]);
      out->n_drawn += rapport_series_get_n_points (rapport_chart_get_shown (chart, i, FALSE))
                      + rapport_series_get_n_points (rapport_chart_get_shown (chart, i, TRUE));
    }
}

/* Sorts @values. */
static void
row (const char *step,
     const char *detail,
     double     *values,
     guint       n,
     gboolean    has_target)
{
  double ms = rapport_bench_median (values, n);

  g_print ("  %-28s %-34s %8.3f  %7.3f - %-7.3f  %s\n", step, detail, ms, values[0],
           values[n - 1], has_target ? (ms < TARGET_MS ? "ok" : "over") : "");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportChart) chart = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree double *totals = NULL;
  g_autofree double *queries = NULL;
  g_autofree double *draws = NULL;
  g_autofree double *fresh_totals = NULL;
  g_autofree double *redraws = NULL;
  g_autofree double *resizes = NULL;
  g_autofree double *profiles = NULL;
  g_autoptr(GPtrArray) no_scores = g_ptr_array_new ();
  cairo_surface_t *profile_surface;
  cairo_t *profile_cr;
  cairo_surface_t *surface;
  cairo_t *cr;
  Frame f = { 0 };
  double cold;
  cairo_rectangle_int_t plot;

  rapport_bench_init ("bench/chart", "- Progress chart benchmark", options, &argc, &argv);
  if (n_runs < 1 || n_days < 1)
    rapport_bench_die ("options", NULL);

  path = rapport_bench_store_path (keep_dir, &dir);

  populate (path, rand);
  /* Let the kernel write the new file back now, not during the runs. */
  sync ();
  store = rapport_bench_open_store (path);

  /* The day after the last rating, so the all-time view shows all ten years. */
  {
    g_autoptr(GDateTime) first = g_date_time_new (tz, 2016, 1, 1, 12, 0, 0);

    now = g_date_time_add_days (first, n_days);
  }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);

  totals = g_new (double, n_runs);
  queries = g_new (double, n_runs);
  draws = g_new (double, n_runs);
  fresh_totals = g_new (double, n_runs);
  redraws = g_new (double, n_runs);
  resizes = g_new (double, n_runs);
  profiles = g_new (double, n_runs);

  /* Warm-up: fonts, caches, the statements, the chart's layer. */
  chart = rapport_chart_new (0, 1, tz);
  frame (store, now, chart, &ratings, TRUE, cr, &f);
  cold = f.total;

  for (int run = 0; run < n_runs; run++)
    {
      frame (store, now, chart, &ratings, FALSE, cr, &f);
      totals[run] = f.total;
      queries[run] = f.query;
      draws[run] = f.draw;
    }

  /* New lists of series every time: memory the process has not touched yet
   * costs a page fault per 4 KiB, which on the reference machine is slow.
   */
  for (int run = 0; run < n_runs; run++)
    {
      frame (store, now, chart, &ratings, TRUE, cr, &f);
      fresh_totals[run] = f.total;
    }

  /* Same size again: only drawing. */
  for (int run = 0; run < n_runs; run++)
    {
      double t0 = rapport_bench_wall_ms ();

      clear (cr);
      rapport_chart_render (chart, cr, NULL, width, height);
      cairo_surface_flush (surface);
      redraws[run] = rapport_bench_wall_ms () - t0;
    }

  /* A window being resized: every frame a new width, never the store. */
  for (int run = 0; run < n_runs; run++)
    {
      int w = width - 20 * ((run % 10) + 1);
      double t0 = rapport_bench_wall_ms ();

      clear (cr);
      rapport_chart_render (chart, cr, NULL, w, height);
      cairo_surface_flush (surface);
      resizes[run] = rapport_bench_wall_ms () - t0;
    }

  /* The skill profile: each skill's level now and 90 days ago from the ten
   * years of ratings the view already holds, drawn at 600×600.
   */
  profile_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 600);
  profile_cr = cairo_create (profile_surface);
  for (int run = 0; run < n_runs; run++)
    {
      const RapportChartColor *palette = rapport_chart_get_palette (FALSE, NULL);
      RapportRadarStyle style = { { 0, 0, 0, 1 }, palette[0], palette[3], "Now", "90 days ago", -1 };
      double t0 = rapport_bench_wall_ms ();
      g_autoptr(GArray) values = rapport_skill_profile_compute (ratings, no_scores,
                                                                g_date_time_to_unix (now) - 90 * RAPPORT_SERIES_DAY,
                                                                g_date_time_to_unix (now));

      clear (profile_cr);
      rapport_radar_render (profile_cr, NULL, 600, 600,
                            (const RapportRadarValue *) (gpointer) values->data, values->len, &style);
      cairo_surface_flush (profile_surface);
      profiles[run] = rapport_bench_wall_ms () - t0;
    }
  cairo_destroy (profile_cr);
  cairo_surface_destroy (profile_surface);

  /* Leave the last frame at full size, for --png. */
  clear (cr);
  rapport_chart_render (chart, cr, NULL, width, height);
  rapport_chart_get_plot_area (chart, &plot);

  g_print ("All-time view at %dx%d (plot %dx%d): %u values, %u points drawn; "
           "medians of %d runs\n\n",
           width, height, plot.width, plot.height, f.n_values, f.n_drawn, n_runs);
  g_print ("  %-28s %-34s %8s  %-17s  %s\n", "step", "", "median", "min - max (ms)", "target");
  row ("query", "10 skills, all time, reloaded", queries, n_runs, FALSE);
  row ("draw", "downsample, trends, axes, data", draws, n_runs, FALSE);
  row ("frame", "query + draw", totals, n_runs, TRUE);
  row ("frame, new series", "rapport_series_load() + draw", fresh_totals, n_runs, TRUE);
  row ("redraw, same size", "draw only", redraws, n_runs, TRUE);
  row ("resize", "downsample + draw, no query", resizes, n_runs, TRUE);
  row ("skill profile", "levels now and then + radar 600x600", profiles, n_runs, TRUE);
  g_print ("  %-28s %-34s %8.3f\n", "first frame of the process",
           "+ fonts, statements, layer (once)", cold);
  g_print ("\nTarget: a frame and a resize under %.0f ms.\n", TARGET_MS);

  if (png_path != NULL && cairo_surface_write_to_png (surface, png_path) != CAIRO_STATUS_SUCCESS)
    rapport_bench_die ("writing the PNG", NULL);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_clear_pointer (&chart, rapport_chart_free);
  g_clear_pointer (&ratings, g_ptr_array_unref);
  g_clear_object (&store);

  if (keep_dir == NULL)
    rapport_bench_remove_store (dir);

  return 0;
}
