/* test-series.c: the Progress view's data: series, ticks, calibration, summary, radar, CSV
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rapport-axis.h"
#include "rapport-calibration.h"
#include "rapport-series.h"
#include "rapport-skill.h"
#include "rapport-skill-profile.h"
#include "rapport-store.h"
#include "rapport-summary.h"
#include "rapport-unit-utils.h"

#define DAY RAPPORT_SERIES_DAY
#define HOUR ((gint64) 3600)

/* Central European time, with its daylight-saving rules: summer time from
 * the last Sunday of March (02:00 → 03:00) to the last Sunday of October
 * (03:00 → 02:00).  A rule string, so the test needs no tzdata.
 */
#define BERLIN "CET-1CEST,M3.5.0,M10.5.0/3"

/* Helpers */

static gint64
utc (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (y, mo, d, h, mi, 0);

  return g_date_time_to_unix (time);
}

static GTimeZone *
zone (const char *identifier)
{
  GTimeZone *tz = g_time_zone_new_identifier (identifier);

  g_assert_nonnull (tz);

  return tz;
}

static gint64
local (GTimeZone *tz, int y, int mo, int d, int h, int mi)
{
  g_autoptr(GDateTime) time = g_date_time_new (tz, y, mo, d, h, mi, 0);

  return g_date_time_to_unix (time);
}

static GDateTime *
local_now (GTimeZone *tz, int y, int mo, int d, int h, int mi)
{
  return g_date_time_new (tz, y, mo, d, h, mi, 0);
}

/* A self-rating series from (time, value) pairs, each with its own uuid. */
static RapportSeries *
ratings_of (const char   *skill_key,
            const gint64 *times,
            const double *values,
            guint         n)
{
  RapportSeries *series = rapport_series_new (skill_key, RAPPORT_STORE_SERIES_SELF_RATING);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("entry-%s-%u", skill_key, i);

      rapport_series_append (series, times[i], values[i], uuid, 0);
    }

  return series;
}

/* Daily values from @first, one a day at noon UTC. */
static RapportSeries *
daily (const char         *skill_key,
       RapportStoreSeries  kind,
       gint64              first,
       const double       *values,
       guint               n)
{
  RapportSeries *series = rapport_series_new (skill_key, kind);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("%s-%u", skill_key, i);

      if (kind == RAPPORT_STORE_SERIES_SELF_RATING)
        rapport_series_append (series, first + i * DAY, values[i], uuid, 0);
      else
        rapport_series_append (series, first + i * DAY, values[i], NULL, 1000 + i);
    }

  return series;
}

static GPtrArray *
list_of (RapportSeries *first,
         ...)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_series_unref);
  va_list args;

  va_start (args, first);
  for (RapportSeries *series = first; series != NULL; series = va_arg (args, RapportSeries *))
    g_ptr_array_add (list, series);
  va_end (args);

  return list;
}

/* The series type */

static void
test_series_build (void)
{
  g_autoptr(RapportSeries) series = rapport_series_new ("empathy",
                                                        RAPPORT_STORE_SERIES_SELF_RATING);
  g_autoptr(RapportSeries) scores = rapport_series_new ("empathy",
                                                        RAPPORT_STORE_SERIES_QUIZ_SCORE);
  g_autofree char *uuid = g_strdup ("0b6f2c1e-5e2a-4c55-9b7e-0d4b3c2a1f00");
  const RapportSeriesPoint *points;
  guint n;

  g_assert_cmpstr (rapport_series_get_skill_key (series), ==, "empathy");
  g_assert_cmpint (rapport_series_get_kind (series), ==, RAPPORT_STORE_SERIES_SELF_RATING);
  g_assert_cmpint (rapport_series_get_trend_window (series), ==, 0);
  g_assert_cmpuint (rapport_series_get_n_points (series), ==, 0);

  rapport_series_append (series, 100, 3, uuid, 0);
  rapport_series_append (series, 100, 4, "second", 0);
  rapport_series_append (series, 200, 5, uuid, 0);
  rapport_series_append (scores, 150, 92.5, NULL, 7);

  /* The series keeps its own copy of the uuid. */
  uuid[0] = 'X';
  points = rapport_series_get_points (series, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (points[0].time, ==, 100);
  g_assert_cmpfloat (points[0].value, ==, 3);
  g_assert_cmpstr (points[0].entry_uuid, ==, "0b6f2c1e-5e2a-4c55-9b7e-0d4b3c2a1f00");
  g_assert_cmpstr (points[2].entry_uuid, ==, points[0].entry_uuid);
  g_assert_cmpint (points[2].attempt_id, ==, 0);
  g_assert_cmpstr (rapport_series_get_point (series, 1)->entry_uuid, ==, "second");

  g_assert_null (rapport_series_get_point (scores, 0)->entry_uuid);
  g_assert_cmpint (rapport_series_get_point (scores, 0)->attempt_id, ==, 7);

  /* A reference keeps the points alive. */
  {
    RapportSeries *extra = rapport_series_ref (series);

    g_clear_pointer (&series, rapport_series_unref);
    g_assert_cmpuint (rapport_series_get_n_points (extra), ==, 3);
    series = extra;
  }

  g_assert_cmpfloat (rapport_series_normalise (RAPPORT_STORE_SERIES_SELF_RATING, 1), ==, 0);
  g_assert_cmpfloat (rapport_series_normalise (RAPPORT_STORE_SERIES_SELF_RATING, 4), ==, 0.75);
  g_assert_cmpfloat (rapport_series_normalise (RAPPORT_STORE_SERIES_QUIZ_SCORE, 55), ==, 0.55);
}

static char *
save_entry (RapportStore *store,
            gint64        when,
            const char   *skill_key,
            int           rating)
{
  g_autoptr(RapportStoreEntry) entry = rapport_store_entry_new ();

  g_date_time_unref (entry->occurred);
  entry->occurred = g_date_time_new_from_unix_utc (when);
  if (skill_key != NULL)
    rapport_store_entry_set_rating (entry, skill_key, rating);
  rapport_unit_save_entry (store, entry);

  return g_strdup (entry->uuid);
}

static gint64
save_attempt (RapportStore *store,
              const char   *topic_key,
              const char   *skill_key,
              gint64        finished,
              double        score,
              gboolean      finished_state)
{
  g_autoptr(RapportStoreAttempt) attempt = rapport_store_attempt_new ("core", topic_key,
                                                                       skill_key);
  g_autoptr(GError) error = NULL;

  attempt->started = g_date_time_new_from_unix_utc (finished - 600);
  attempt->finished = g_date_time_new_from_unix_utc (finished);
  attempt->score = score;
  attempt->passed = score >= 70;
  attempt->state = finished_state ? RAPPORT_STORE_ATTEMPT_FINISHED
                                  : RAPPORT_STORE_ATTEMPT_ABANDONED;
  g_assert_true (rapport_store_add_quiz_attempt (store, attempt, &error));
  g_assert_no_error (error);

  return attempt->id;
}

static void
test_series_load (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("rapport/progress.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GPtrArray) some = NULL;
  g_autofree char *a = save_entry (store, utc (2026, 1, 1, 9, 0), "empathy", 2);
  g_autofree char *b = save_entry (store, utc (2026, 1, 2, 9, 0), "empathy", 4);
  g_autofree char *c = save_entry (store, utc (2026, 1, 3, 9, 0), "communication", 5);
  gint64 passed = save_attempt (store, "empathy", "empathy", utc (2026, 1, 2, 10, 0), 80, TRUE);
  const char * const keys[] = { "communication", "no-such-skill", NULL };
  RapportSeries *empathy;
  const RapportSeriesPoint *points;
  guint n;

  save_attempt (store, "empathy", "empathy", utc (2026, 1, 2, 11, 0), 10, FALSE);

  /* NULL: the ten skills, in course order. */
  ratings = rapport_series_load (store, NULL, RAPPORT_STORE_SERIES_SELF_RATING, G_MININT64,
                                 G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ratings->len, ==, rapport_skill_get_count ());
  for (guint i = 0; i < ratings->len; i++)
    g_assert_cmpstr (rapport_series_get_skill_key (ratings->pdata[i]), ==,
                     rapport_skill_get_nth (i)->key);

  empathy = rapport_series_list_find (ratings, "empathy");
  points = rapport_series_get_points (empathy, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (points[0].time, ==, utc (2026, 1, 1, 9, 0));
  g_assert_cmpfloat (points[0].value, ==, 2);
  g_assert_cmpstr (points[0].entry_uuid, ==, a);
  g_assert_cmpstr (points[1].entry_uuid, ==, b);
  g_assert_cmpint (points[1].attempt_id, ==, 0);
  g_assert_cmpstr (rapport_series_get_point (rapport_series_list_find (ratings, "communication"),
                                             0)->entry_uuid, ==, c);
  g_assert_cmpint (rapport_series_list_get_first_time (ratings), ==, utc (2026, 1, 1, 9, 0));

  /* Only finished attempts. */
  scores = rapport_series_load (store, NULL, RAPPORT_STORE_SERIES_QUIZ_SCORE, G_MININT64,
                                G_MAXINT64, &error);
  g_assert_no_error (error);
  points = rapport_series_get_points (rapport_series_list_find (scores, "empathy"), &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat (points[0].value, ==, 80);
  g_assert_cmpint (points[0].attempt_id, ==, passed);
  g_assert_null (points[0].entry_uuid);

  /* Chosen keys, a half-open range; the series outlive the store's strings. */
  some = rapport_series_load (store, keys, RAPPORT_STORE_SERIES_SELF_RATING,
                              utc (2026, 1, 2, 9, 0), utc (2026, 1, 3, 9, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 2);
  g_assert_cmpuint (rapport_series_get_n_points (some->pdata[0]), ==, 0);
  g_assert_cmpuint (rapport_series_get_n_points (some->pdata[1]), ==, 0);
  g_assert_null (rapport_series_list_find (some, "empathy"));
  g_clear_pointer (&some, g_ptr_array_unref);

  some = rapport_series_load (store, keys, RAPPORT_STORE_SERIES_SELF_RATING,
                              utc (2026, 1, 3, 9, 0), G_MAXINT64, &error);
  g_clear_object (&store);
  g_assert_cmpstr (rapport_series_get_point (some->pdata[0], 0)->entry_uuid, ==, c);
  g_assert_cmpint (rapport_series_list_get_first_time (some), ==, utc (2026, 1, 3, 9, 0));
}

static void
test_series_reload (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("rapport/progress.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(RapportSeries) held = NULL;
  g_autofree char *a = save_entry (store, utc (2026, 1, 1, 9, 0), "communication", 2);
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  RapportSeries *empathy;

  list = rapport_series_load (store, NULL, RAPPORT_STORE_SERIES_SELF_RATING, G_MININT64,
                              G_MAXINT64, &error);
  g_assert_no_error (error);
  empathy = rapport_series_list_find (list, "empathy");
  g_assert_cmpuint (rapport_series_get_n_points (empathy), ==, 0);

  /* A chart still draws communication's series. */
  held = rapport_series_ref (rapport_series_list_find (list, "communication"));

  b = save_entry (store, utc (2026, 1, 2, 9, 0), "communication", 4);
  c = save_entry (store, utc (2026, 1, 2, 10, 0), "empathy", 5);
  g_assert_true (rapport_series_list_reload (list, store, G_MININT64, G_MAXINT64, &error));
  g_assert_no_error (error);

  /* Refilled in place where nothing else held it ... */
  g_assert_true (rapport_series_list_find (list, "empathy") == empathy);
  g_assert_cmpuint (rapport_series_get_n_points (empathy), ==, 1);
  g_assert_cmpstr (rapport_series_get_point (empathy, 0)->entry_uuid, ==, c);

  /* ... replaced where something did, which still sees what it saw. */
  g_assert_false (rapport_series_list_find (list, "communication") == held);
  g_assert_cmpuint (rapport_series_get_n_points (held), ==, 1);
  g_assert_cmpstr (rapport_series_get_point (held, 0)->entry_uuid, ==, a);
  g_assert_cmpuint (rapport_series_get_n_points (rapport_series_list_find (list,
                                                                           "communication")),
                    ==, 2);
  g_assert_cmpuint (list->len, ==, rapport_skill_get_count ());

  /* Another range, into the same list. */
  g_assert_true (rapport_series_list_reload (list, store, utc (2026, 1, 2, 0, 0),
                                             utc (2026, 1, 2, 9, 30), &error));
  g_assert_cmpuint (rapport_series_get_n_points (empathy), ==, 0);
  g_assert_cmpstr (rapport_series_get_point (rapport_series_list_find (list, "communication"),
                                             0)->entry_uuid, ==, b);
}

/* Downsampling */

static guint
column_of (gint64 time,
           gint64 from,
           gint64 to,
           guint  width)
{
  guint column = (guint) ((double) (time - from) * width / (double) (to - from));

  return MIN (column, width - 1);
}

/* Checks every promise of rapport_series_downsample(). */
static void
assert_downsampled (RapportSeries *series,
                    gint64         from,
                    gint64         to,
                    guint          width)
{
  g_autoptr(RapportSeries) shown = rapport_series_downsample (series, from, to, width);
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *kept = g_new0 (guint, width);
  g_autofree double *low = g_new (double, width);
  g_autofree double *high = g_new (double, width);
  g_autofree gboolean *has_low = g_new0 (gboolean, width);
  g_autofree gboolean *has_high = g_new0 (gboolean, width);
  const RapportSeriesPoint *in, *out;
  const RapportSeriesPoint *first = NULL, *last = NULL;
  guint n_in, n_out, n_range = 0;
  gboolean saw_first = FALSE, saw_last = FALSE;

  in = rapport_series_get_points (series, &n_in);
  out = rapport_series_get_points (shown, &n_out);

  for (guint c = 0; c < width; c++)
    {
      low[c] = G_MAXDOUBLE;
      high[c] = -G_MAXDOUBLE;
    }

  for (guint i = 0; i < n_in; i++)
    {
      guint c;

      g_assert_nonnull (in[i].entry_uuid);
      g_hash_table_insert (by_uuid, (gpointer) in[i].entry_uuid, (gpointer) &in[i]);
      if (in[i].time < from || in[i].time >= to)
        continue;

      n_range++;
      if (first == NULL)
        first = &in[i];
      last = &in[i];
      c = column_of (in[i].time, from, to, width);
      low[c] = MIN (low[c], in[i].value);
      high[c] = MAX (high[c], in[i].value);
    }

  g_assert_cmpuint (n_out, <=, 2 * width);
  g_assert_cmpuint (n_out, <=, n_range);
  if (n_range == 0)
    {
      g_assert_cmpuint (n_out, ==, 0);
      return;
    }

  for (guint i = 0; i < n_out; i++)
    {
      const RapportSeriesPoint *original = g_hash_table_lookup (by_uuid, out[i].entry_uuid);
      guint c = column_of (out[i].time, from, to, width);

      /* Every kept point is one of the originals, with its source. */
      g_assert_nonnull (original);
      g_assert_cmpint (out[i].time, ==, original->time);
      g_assert_cmpfloat (out[i].value, ==, original->value);
      g_assert_cmpint (out[i].time, >=, from);
      g_assert_cmpint (out[i].time, <, to);
      if (i > 0)
        g_assert_cmpint (out[i - 1].time, <=, out[i].time);

      kept[c]++;
      g_assert_cmpuint (kept[c], <=, 2);
      if (out[i].value == low[c])
        has_low[c] = TRUE;
      if (out[i].value == high[c])
        has_high[c] = TRUE;
      if (original == first)
        saw_first = TRUE;
      if (original == last)
        saw_last = TRUE;
    }

  g_assert_true (saw_first);
  g_assert_true (saw_last);

  for (guint c = 0; c < width; c++)
    {
      gboolean edge = c == column_of (first->time, from, to, width)
                      || c == column_of (last->time, from, to, width);

      if (low[c] > high[c])
        {
          g_assert_cmpuint (kept[c], ==, 0);
          continue;
        }

      /* Every column with values keeps its lowest and highest; the first
       * and last columns keep their end point and the farther extreme.
       */
      g_assert_cmpuint (kept[c], >=, 1);
      if (!edge)
        {
          g_assert_true (has_low[c]);
          g_assert_true (has_high[c]);
        }
      else
        {
          g_assert_true (has_low[c] || has_high[c]);
        }
    }
}

static void
test_series_downsample_random (void)
{
  g_autoptr(RapportSeries) series = rapport_series_new ("empathy",
                                                        RAPPORT_STORE_SERIES_SELF_RATING);
  GRand *rand = g_rand_new_with_seed (11);
  gint64 time = 1000000;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("p%u", i);

      /* Bursts, gaps and points in the same second. */
      time += g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_int_range (rand, 1, 3000);
      rapport_series_append (series, time, g_rand_int_range (rand, 1, 6), uuid, 0);
    }

  for (guint width = 1; width < 2000; width = width * 3 + 1)
    {
      const RapportSeriesPoint *points = rapport_series_get_points (series, NULL);
      guint n = rapport_series_get_n_points (series);

      assert_downsampled (series, points[0].time, points[n - 1].time + 1, width);
      /* A window into the middle, and one wider than the data. */
      assert_downsampled (series, points[n / 3].time, points[2 * n / 3].time, width);
      assert_downsampled (series, points[0].time - 100000, points[n - 1].time + 100000, width);
    }

  g_rand_free (rand);
}

static void
test_series_downsample_ten_years (void)
{
  g_autoptr(RapportSeries) series = rapport_series_new ("empathy",
                                                        RAPPORT_STORE_SERIES_SELF_RATING);
  g_autoptr(RapportSeries) shown = NULL;
  GRand *rand = g_rand_new_with_seed (3);
  gint64 from = utc (2016, 1, 1, 0, 0);
  gint64 to = utc (2026, 1, 1, 0, 0);
  guint days = (guint) ((to - from) / DAY);

  g_assert_cmpuint (days, ==, 3653);
  for (guint day = 0; day < days; day++)
    {
      g_autofree char *uuid = g_strdup_printf ("day-%u", day);

      rapport_series_append (series, from + day * DAY + 12 * HOUR,
                             g_rand_int_range (rand, 1, 6), uuid, 0);
    }

  assert_downsampled (series, from, to, 1200);

  shown = rapport_series_downsample (series, from, to, 1200);
  g_assert_cmpuint (rapport_series_get_n_points (shown), <=, 2400);
  /* About three days a column: most columns keep two. */
  g_assert_cmpuint (rapport_series_get_n_points (shown), >, 2000);
  g_assert_cmpstr (rapport_series_get_point (shown, 0)->entry_uuid, ==, "day-0");
  g_assert_cmpstr (rapport_series_get_point (shown, rapport_series_get_n_points (shown) - 1)
                   ->entry_uuid, ==, "day-3652");

  g_rand_free (rand);
}

static void
test_series_downsample_edges (void)
{
  const gint64 times[] = { 0, 10, 20, 30, 40, 50, 60, 70 };
  const double values[] = { 4, 1, 5, 2, 4, 5, 1, 2 };
  g_autoptr(RapportSeries) series = ratings_of ("empathy", times, values, G_N_ELEMENTS (times));
  g_autoptr(RapportSeries) empty = rapport_series_new ("empathy",
                                                       RAPPORT_STORE_SERIES_SELF_RATING);
  g_autoptr(RapportSeries) shown = NULL;
  const RapportSeriesPoint *points;
  guint n;

  /* One column: the first and the last point. */
  shown = rapport_series_downsample (series, 0, 80, 1);
  points = rapport_series_get_points (shown, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (points[0].time, ==, 0);
  g_assert_cmpint (points[1].time, ==, 70);
  g_clear_pointer (&shown, rapport_series_unref);

  /* Two columns of four: the first point (4) with the extreme farther from
   * it, 1 (at 10) rather than 5; the last (2) with 5 (at 50) rather than 1.
   */
  shown = rapport_series_downsample (series, 0, 80, 2);
  points = rapport_series_get_points (shown, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (points[0].time, ==, 0);
  g_assert_cmpint (points[1].time, ==, 10);
  g_assert_cmpint (points[2].time, ==, 50);
  g_assert_cmpint (points[3].time, ==, 70);
  g_clear_pointer (&shown, rapport_series_unref);

  /* Four columns of two: all kept, in time order. */
  shown = rapport_series_downsample (series, 0, 80, 4);
  points = rapport_series_get_points (shown, &n);
  g_assert_cmpuint (n, ==, 8);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (points[i].time, ==, times[i]);
  g_clear_pointer (&shown, rapport_series_unref);

  /* Outside the range: dropped; the range's own first and last are kept. */
  shown = rapport_series_downsample (series, 15, 65, 100);
  points = rapport_series_get_points (shown, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpint (points[0].time, ==, 20);
  g_assert_cmpint (points[n - 1].time, ==, 60);
  g_clear_pointer (&shown, rapport_series_unref);

  shown = rapport_series_downsample (series, 100, 200, 10);
  g_assert_cmpuint (rapport_series_get_n_points (shown), ==, 0);
  g_clear_pointer (&shown, rapport_series_unref);

  shown = rapport_series_downsample (empty, 0, 80, 10);
  g_assert_cmpuint (rapport_series_get_n_points (shown), ==, 0);
}

/* Trends */

static void
test_series_moving_average (void)
{
  const gint64 times[] = { 0, DAY, 2 * DAY, 3 * DAY, 10 * DAY };
  const double values[] = { 1, 2, 3, 4, 5 };
  /* A window of two days: each point and its neighbours up to a day away.
   * The ends average only what is there; day 10 has no neighbours.
   */
  const double expected[] = { 1.5, 2, 3, 3.5, 5 };
  g_autoptr(RapportSeries) series = ratings_of ("empathy", times, values, G_N_ELEMENTS (times));
  g_autoptr(RapportSeries) trend = rapport_series_moving_average (series, 2 * DAY);
  g_autoptr(RapportSeries) wide = rapport_series_moving_average (series, 100 * DAY);
  g_autoptr(RapportSeries) empty = rapport_series_new ("empathy",
                                                       RAPPORT_STORE_SERIES_SELF_RATING);
  g_autoptr(RapportSeries) empty_trend = rapport_series_moving_average (empty, DAY);
  const RapportSeriesPoint *points;
  guint n;

  points = rapport_series_get_points (trend, &n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  g_assert_cmpint (rapport_series_get_trend_window (trend), ==, 2 * DAY);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (points[i].time, ==, times[i]);
      g_assert_cmpfloat_with_epsilon (points[i].value, expected[i], 1e-12);
      g_assert_cmpstr (points[i].entry_uuid, ==,
                       rapport_series_get_point (series, i)->entry_uuid);
    }

  /* A window wider than the data: the mean everywhere. */
  points = rapport_series_get_points (wide, &n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (points[i].value, 3, 1e-12);

  g_assert_cmpuint (rapport_series_get_n_points (empty_trend), ==, 0);

  g_assert_cmpint (rapport_series_trend_window_for_span (DAY), ==, 7 * DAY);
  g_assert_cmpint (rapport_series_trend_window_for_span (90 * DAY + HOUR), ==, 7 * DAY);
  g_assert_cmpint (rapport_series_trend_window_for_span (365 * DAY), ==, 30 * DAY);
  g_assert_cmpint (rapport_series_trend_window_for_span (3653 * DAY), ==, 30 * DAY);
}

static void
test_series_trend_for_width (void)
{
  g_autoptr(RapportSeries) dense = rapport_series_new ("empathy",
                                                       RAPPORT_STORE_SERIES_SELF_RATING);
  g_autoptr(RapportSeries) sampled = NULL;
  g_autoptr(RapportSeries) sparse_trend = NULL;
  g_autoptr(RapportSeries) moving = NULL;
  GRand *rand = g_rand_new_with_seed (5);
  const RapportSeriesPoint *in, *out;
  gint64 from = 0, to = 1000 * HOUR, window = 24 * HOUR;
  guint n_in, n_out;

  /* Hourly values with a gap of ten days in the middle. */
  for (guint i = 0; i < 1000; i++)
    if (i < 400 || i >= 640)
      rapport_series_append (dense, i * HOUR + 1800, g_rand_int_range (rand, 1, 6), "x", 0);

  sampled = rapport_series_trend_for_width (dense, window, from, to, 50);
  in = rapport_series_get_points (dense, &n_in);
  out = rapport_series_get_points (sampled, &n_out);
  g_assert_cmpuint (n_out, <=, 50);
  g_assert_cmpuint (n_out, >, 30);
  g_assert_cmpint (rapport_series_get_trend_window (sampled), ==, window);

  for (guint i = 0; i < n_out; i++)
    {
      double sum = 0;
      guint count = 0;

      /* One sample in the middle of its column ... */
      g_assert_cmpint ((out[i].time - from) % (20 * HOUR), ==, 10 * HOUR);
      g_assert_null (out[i].entry_uuid);

      /* ... the mean of the values within half the window. */
      for (guint j = 0; j < n_in; j++)
        if (ABS (in[j].time - out[i].time) <= window / 2)
          {
            sum += in[j].value;
            count++;
          }
      g_assert_cmpuint (count, >, 0);
      g_assert_cmpfloat_with_epsilon (out[i].value, sum / count, 1e-9);
    }

  /* No sample in the gap, where no value is within half a window. */
  for (guint i = 0; i < n_out; i++)
    g_assert_true (out[i].time < 412 * HOUR || out[i].time > 628 * HOUR);

  /* Fewer points than columns: the moving average at each point in range. */
  sparse_trend = rapport_series_trend_for_width (dense, window, 100 * HOUR, 110 * HOUR, 50);
  moving = rapport_series_moving_average (dense, window);
  out = rapport_series_get_points (sparse_trend, &n_out);
  g_assert_cmpuint (n_out, ==, 10);
  for (guint i = 0; i < n_out; i++)
    {
      g_assert_cmpint (out[i].time, ==, rapport_series_get_point (moving, 100 + i)->time);
      g_assert_cmpfloat (out[i].value, ==, rapport_series_get_point (moving, 100 + i)->value);
    }

  g_rand_free (rand);
}

/* Two ratings a day apart, 3 then 4: a seven-day trend makes both 3.5, a
 * flat line that says the skill stood still while it rose.  Too few for a
 * trend, the line is the values themselves, and its words agree.
 */
static void
test_series_line_few_values (void)
{
  const gint64 times[] = { 10 * DAY, 11 * DAY };
  const double values[] = { 3, 4 };
  g_autoptr(RapportSeries) series = ratings_of ("empathy", times, values, G_N_ELEMENTS (times));
  g_autoptr(RapportSeries) trend = rapport_series_trend_for_width (series, 7 * DAY, 0, 30 * DAY, 300);
  g_autoptr(RapportSeries) line = rapport_series_line_for_width (series, 7 * DAY, 0, 30 * DAY, 300);
  g_autoptr(RapportSeries) burst = rapport_series_new ("empathy", RAPPORT_STORE_SERIES_SELF_RATING);
  g_autoptr(RapportSeries) burst_line = NULL;
  RapportSeriesChange change;
  const RapportSeriesPoint *points;
  guint n;

  /* What a trend would draw: flat. */
  points = rapport_series_get_points (trend, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (points[0].value, ==, points[1].value);

  /* What the chart draws: 3, then 4, with their entries. */
  g_assert_false (rapport_series_can_smooth (series, 7 * DAY, 0, 30 * DAY));
  points = rapport_series_get_points (line, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (rapport_series_get_trend_window (line), ==, 0);
  g_assert_cmpfloat (points[0].value, ==, 3);
  g_assert_cmpfloat (points[1].value, ==, 4);
  g_assert_cmpstr (points[1].entry_uuid, ==, "entry-empathy-1");

  g_assert_true (rapport_series_get_change (series, 7 * DAY, 0, 30 * DAY, &change));
  g_assert_false (change.smoothed);
  g_assert_cmpuint (change.n_values, ==, 2);
  g_assert_cmpfloat (change.start, ==, 3);
  g_assert_cmpfloat (change.end, ==, 4);
  g_assert_cmpint (change.direction, ==, RAPPORT_SERIES_ROSE);
  g_assert_cmpint (change.end_time - change.start_time, ==, DAY);

  /* Many values within one window would average to one flat line too. */
  for (guint i = 0; i < 20; i++)
    rapport_series_append (burst, 5 * DAY + i * HOUR, 1 + i / 5, "x", 0);
  g_assert_false (rapport_series_can_smooth (burst, 7 * DAY, 0, 30 * DAY));
  burst_line = rapport_series_line_for_width (burst, 7 * DAY, 0, 30 * DAY, 300);
  g_assert_cmpuint (rapport_series_get_n_points (burst_line), ==, 20);
  g_assert_true (rapport_series_get_change (burst, 7 * DAY, 0, 30 * DAY, &change));
  g_assert_cmpint (change.direction, ==, RAPPORT_SERIES_ROSE);

  /* Nothing in range: no change. */
  g_assert_false (rapport_series_get_change (series, 7 * DAY, 20 * DAY, 30 * DAY, &change));

  /* As read out: 3.04 and 3.01 both read "3.0". */
  g_assert_cmpint (rapport_series_direction (RAPPORT_STORE_SERIES_SELF_RATING, 3.04, 3.01), ==,
                   RAPPORT_SERIES_STAYED);
  g_assert_cmpint (rapport_series_direction (RAPPORT_STORE_SERIES_SELF_RATING, 3.0, 3.1), ==,
                   RAPPORT_SERIES_ROSE);
  g_assert_cmpint (rapport_series_direction (RAPPORT_STORE_SERIES_QUIZ_SCORE, 80.2, 79.9), ==,
                   RAPPORT_SERIES_STAYED);
  g_assert_cmpint (rapport_series_direction (RAPPORT_STORE_SERIES_QUIZ_SCORE, 80, 60), ==,
                   RAPPORT_SERIES_FELL);
}

/* With enough values the line is the trend, and it starts and ends where
 * the description's words do, however many values a column holds: the
 * drawn line never goes the other way from what is said.
 */
static void
test_series_line_agrees (void)
{
  const guint widths[] = { 40, 150, 1000 };

  for (guint seed = 1; seed <= 40; seed++)
    {
      g_autoptr(RapportSeries) series = rapport_series_new ("empathy",
                                                            seed % 2 ? RAPPORT_STORE_SERIES_SELF_RATING
                                                                     : RAPPORT_STORE_SERIES_QUIZ_SCORE);
      GRand *rand = g_rand_new_with_seed (seed);
      guint n_values = g_rand_int_range (rand, 5, 800);
      double drift = g_rand_double_range (rand, -1, 1);
      gint64 from = 0, to = 365 * DAY, window = 30 * DAY;
      gint64 time = g_rand_int_range (rand, 0, 20) * DAY;

      for (guint i = 0; i < n_values && time < to; i++)
        {
          double level = 3 + drift * 2 * (double) time / (double) to + g_rand_double_range (rand, -1, 1);

          if (seed % 2)
            rapport_series_append (series, time, CLAMP ((int) (level + 0.5), 1, 5), "x", 0);
          else
            rapport_series_append (series, time, CLAMP (level * 20, 0, 100), NULL, i + 1);
          time += g_rand_int_range (rand, HOUR, 3 * DAY);
        }

      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          g_autoptr(RapportSeries) line = rapport_series_line_for_width (series, window, from, to,
                                                                         widths[w]);
          RapportSeriesChange change;
          const RapportSeriesPoint *points;
          guint n;

          if (!rapport_series_get_change (series, window, from, to, &change))
            continue;
          points = rapport_series_get_points (line, &n);
          g_assert_cmpuint (n, >, 0);
          g_assert_cmpuint (n, <=, widths[w]);
          g_assert_cmpint (points[0].time, ==, change.start_time);
          g_assert_cmpint (points[n - 1].time, ==, change.end_time);
          g_assert_cmpfloat (points[0].value, ==, change.start);
          g_assert_cmpfloat (points[n - 1].value, ==, change.end);
          g_assert_cmpint (rapport_series_direction (rapport_series_get_kind (series),
                                                     points[0].value, points[n - 1].value),
                           ==, change.direction);
          if (change.smoothed)
            g_assert_cmpint (rapport_series_get_trend_window (line), ==, window);
        }

      g_rand_free (rand);
    }
}

static void
test_series_value_at (void)
{
  const gint64 times[] = { DAY, 10 * DAY, 40 * DAY };
  const double values[] = { 2, 4, 5 };
  g_autoptr(RapportSeries) series = ratings_of ("empathy", times, values, G_N_ELEMENTS (times));
  double value = -1;

  g_assert_false (rapport_series_value_at (series, 0, 30 * DAY, &value));
  g_assert_true (rapport_series_value_at (series, DAY, 30 * DAY, &value));
  g_assert_cmpfloat (value, ==, 2);
  g_assert_true (rapport_series_value_at (series, 12 * DAY, 30 * DAY, &value));
  g_assert_cmpfloat (value, ==, 3);
  g_assert_true (rapport_series_value_at (series, 35 * DAY, 30 * DAY, &value));
  g_assert_cmpfloat (value, ==, 4);
  g_assert_true (rapport_series_value_at (series, 45 * DAY, 30 * DAY, &value));
  g_assert_cmpfloat (value, ==, 5);
  /* Nothing in the last 30 days: the last value stands. */
  g_assert_true (rapport_series_value_at (series, 400 * DAY, 30 * DAY, &value));
  g_assert_cmpfloat (value, ==, 5);
}

static void
test_series_ranges (void)
{
  g_autoptr(GTimeZone) berlin = zone (BERLIN);
  /* The day after summer time began: 30 March 2026, 10:00 CEST. */
  g_autoptr(GDateTime) now = local_now (berlin, 2026, 3, 30, 10, 0);
  gint64 from, to;

  rapport_series_range_get_bounds (RAPPORT_SERIES_RANGE_30_DAYS, now, G_MAXINT64, &from, &to);
  g_assert_cmpint (to, ==, local (berlin, 2026, 3, 31, 0, 0));
  g_assert_cmpint (to, ==, utc (2026, 3, 30, 22, 0));
  g_assert_cmpint (from, ==, local (berlin, 2026, 3, 1, 0, 0));
  g_assert_cmpint (from, ==, utc (2026, 2, 28, 23, 0));
  /* Thirty local days, one of them 23 hours long. */
  g_assert_cmpint (to - from, ==, 30 * DAY - HOUR);

  rapport_series_range_get_bounds (RAPPORT_SERIES_RANGE_90_DAYS, now, G_MAXINT64, &from, &to);
  g_assert_cmpint (from, ==, local (berlin, 2025, 12, 31, 0, 0));

  rapport_series_range_get_bounds (RAPPORT_SERIES_RANGE_YEAR, now, G_MAXINT64, &from, &to);
  g_assert_cmpint (from, ==, local (berlin, 2025, 3, 31, 0, 0));

  /* All time: from the local midnight before the first value ... */
  rapport_series_range_get_bounds (RAPPORT_SERIES_RANGE_ALL, now, utc (2020, 6, 14, 23, 30),
                                   &from, &to);
  g_assert_cmpint (from, ==, local (berlin, 2020, 6, 15, 0, 0));
  g_assert_cmpint (to, ==, local (berlin, 2026, 3, 31, 0, 0));

  /* ... or 30 days when there is none. */
  rapport_series_range_get_bounds (RAPPORT_SERIES_RANGE_ALL, now, G_MAXINT64, &from, &to);
  g_assert_cmpint (from, ==, local (berlin, 2026, 3, 1, 0, 0));
}

/* Axis ticks */

typedef struct
{
  const char      *name;
  gint64           from;
  gint64           to;
  RapportAxisUnit  unit;
  guint            step;
  guint            n_ticks;
  const char      *first_label;
} TimeAxisCase;

static void
assert_time_axis_sane (const RapportAxis *axis,
                       gint64             from,
                       gint64             to,
                       GTimeZone         *tz)
{
  for (guint i = 0; i < axis->n_ticks; i++)
    {
      const RapportAxisTick *tick = &axis->ticks[i];
      g_autoptr(GDateTime) utc_time = g_date_time_new_from_unix_utc (tick->time);
      g_autoptr(GDateTime) when = g_date_time_to_timezone (utc_time, tz);

      g_assert_cmpint (tick->time, >=, from);
      g_assert_cmpint (tick->time, <=, to);
      g_assert_cmpfloat_with_epsilon (tick->position,
                                      (double) (tick->time - from) / (double) (to - from),
                                      1e-12);
      if (i > 0)
        g_assert_cmpfloat (axis->ticks[i - 1].position, <, tick->position);
      g_assert_nonnull (tick->label);
      g_assert_cmpstr (tick->label, !=, "");

      /* Ticks fall on the unit's boundaries, in local time. */
      g_assert_cmpint (g_date_time_get_minute (when), ==, 0);
      if (axis->unit != RAPPORT_AXIS_UNIT_HOUR)
        g_assert_cmpint (g_date_time_get_hour (when), ==, 0);
      else
        g_assert_cmpint (g_date_time_get_hour (when) % axis->step, ==, 0);
      if (axis->unit == RAPPORT_AXIS_UNIT_WEEK)
        g_assert_cmpint (g_date_time_get_day_of_week (when), ==, 1);
      if (axis->unit == RAPPORT_AXIS_UNIT_MONTH || axis->unit == RAPPORT_AXIS_UNIT_YEAR)
        g_assert_cmpint (g_date_time_get_day_of_month (when), ==, 1);
      if (axis->unit == RAPPORT_AXIS_UNIT_MONTH)
        g_assert_cmpint ((g_date_time_get_month (when) - 1) % axis->step, ==, 0);
      if (axis->unit == RAPPORT_AXIS_UNIT_YEAR)
        {
          g_assert_cmpint (g_date_time_get_month (when), ==, 1);
          g_assert_cmpint (g_date_time_get_year (when) % axis->step, ==, 0);
        }
    }
}

static void
test_series_axis_time (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  const TimeAxisCase cases[] = {
    { "1 day", utc (2026, 3, 10, 0, 0), utc (2026, 3, 11, 0, 0),
      RAPPORT_AXIS_UNIT_HOUR, 6, 5, "00:00" },
    { "10 days", utc (2026, 3, 1, 0, 0), utc (2026, 3, 11, 0, 0),
      RAPPORT_AXIS_UNIT_DAY, 3, 4, "2 Mar" },
    { "30 days", utc (2026, 3, 1, 0, 0), utc (2026, 3, 31, 0, 0),
      RAPPORT_AXIS_UNIT_WEEK, 1, 5, "2 Mar" },
    { "90 days", utc (2026, 1, 1, 0, 0), utc (2026, 4, 1, 0, 0),
      RAPPORT_AXIS_UNIT_MONTH, 1, 4, "Jan 2026" },
    { "1 year", utc (2025, 3, 31, 0, 0), utc (2026, 3, 31, 0, 0),
      RAPPORT_AXIS_UNIT_MONTH, 3, 4, "Apr 2025" },
    { "5 years", utc (2021, 1, 1, 0, 0), utc (2026, 1, 1, 0, 0),
      RAPPORT_AXIS_UNIT_YEAR, 1, 6, "2021" },
    { "20 years", utc (2006, 1, 1, 0, 0), utc (2026, 1, 1, 0, 0),
      RAPPORT_AXIS_UNIT_YEAR, 5, 4, "2010" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RapportAxis) axis = rapport_axis_new_for_time (cases[i].from, cases[i].to, tz);

      g_test_message ("%s: unit %d, step %u, %u ticks, first \"%s\"", cases[i].name, axis->unit,
                      axis->step, axis->n_ticks, axis->ticks[0].label);
      g_assert_cmpint (axis->unit, ==, cases[i].unit);
      g_assert_cmpuint (axis->step, ==, cases[i].step);
      g_assert_cmpuint (axis->n_ticks, ==, cases[i].n_ticks);
      g_assert_cmpstr (axis->ticks[0].label, ==, cases[i].first_label);
      assert_time_axis_sane (axis, cases[i].from, cases[i].to, tz);
    }
}

/* Every span from a day to twenty years gets about 4–8 ticks. */
static void
test_series_axis_time_sweep (void)
{
  g_autoptr(GTimeZone) berlin = zone (BERLIN);
  gint64 from = local (berlin, 2006, 2, 7, 13, 20);
  guint n_outside = 0, n_spans = 0;

  for (double span = DAY; span <= 20 * 365.25 * DAY; span *= 1.07, n_spans++)
    {
      gint64 to = from + (gint64) span;
      g_autoptr(RapportAxis) axis = rapport_axis_new_for_time (from, to, berlin);

      assert_time_axis_sane (axis, from, to, berlin);
      g_assert_cmpuint (axis->n_ticks, >=, 3);
      g_assert_cmpuint (axis->n_ticks, <=, 9);
      if (axis->n_ticks < 4 || axis->n_ticks > 8)
        n_outside++;
    }

  /* Off by one only where two units' counts straddle the range. */
  g_test_message ("%u of %u spans outside 4-8 ticks", n_outside, n_spans);
  g_assert_cmpuint (n_outside * 20, <=, n_spans);
}

static void
test_series_axis_dst (void)
{
  g_autoptr(GTimeZone) berlin = zone (BERLIN);
  /* Across both changes: local midnights stay midnights. */
  gint64 spring_from = local (berlin, 2026, 3, 27, 0, 0);
  gint64 spring_to = local (berlin, 2026, 4, 2, 0, 0);
  gint64 autumn_from = local (berlin, 2026, 10, 23, 0, 0);
  gint64 autumn_to = local (berlin, 2026, 10, 29, 0, 0);
  g_autoptr(RapportAxis) spring = rapport_axis_new_for_time (spring_from, spring_to, berlin);
  g_autoptr(RapportAxis) autumn = rapport_axis_new_for_time (autumn_from, autumn_to, berlin);

  g_assert_cmpint (spring->unit, ==, RAPPORT_AXIS_UNIT_DAY);
  g_assert_cmpint (autumn->unit, ==, RAPPORT_AXIS_UNIT_DAY);
  assert_time_axis_sane (spring, spring_from, spring_to, berlin);
  assert_time_axis_sane (autumn, autumn_from, autumn_to, berlin);
}

static void
test_series_axis_values (void)
{
  g_autoptr(RapportAxis) ratings = rapport_axis_new_for_values (RAPPORT_STORE_SERIES_SELF_RATING);
  g_autoptr(RapportAxis) scores = rapport_axis_new_for_values (RAPPORT_STORE_SERIES_QUIZ_SCORE);
  const char *rating_labels[] = { "1", "2", "3", "4", "5" };
  const char *score_labels[] = { "0 %", "25 %", "50 %", "75 %", "100 %" };

  g_assert_cmpuint (ratings->n_ticks, ==, 5);
  g_assert_cmpuint (scores->n_ticks, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpfloat (ratings->ticks[i].position, ==, i / 4.0);
      g_assert_cmpfloat (ratings->ticks[i].value, ==, i + 1);
      g_assert_cmpstr (ratings->ticks[i].label, ==, rating_labels[i]);
      g_assert_cmpfloat (scores->ticks[i].position, ==, i / 4.0);
      g_assert_cmpfloat (scores->ticks[i].value, ==, i * 25);
      g_assert_cmpstr (scores->ticks[i].label, ==, score_labels[i]);
      /* The tick is where the chart draws the value. */
      g_assert_cmpfloat (rapport_series_normalise (RAPPORT_STORE_SERIES_SELF_RATING,
                                                   ratings->ticks[i].value),
                         ==, ratings->ticks[i].position);
    }
}

/* The time axis of a chart's range never names a day after the last it
 * shows: the ranges end at the next midnight after today, and that tick
 * named tomorrow under today's values.
 */
static void
assert_no_day_after (const RapportAxis *axis,
                     gint64             from,
                     gint64             to,
                     GTimeZone         *tz)
{
  g_autoptr(GDateTime) to_utc = g_date_time_new_from_unix_utc (to - 1);
  g_autoptr(GDateTime) last_day = g_date_time_to_timezone (to_utc, tz);

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      g_autoptr(GDateTime) utc_time = g_date_time_new_from_unix_utc (axis->ticks[i].time);
      g_autoptr(GDateTime) when = g_date_time_to_timezone (utc_time, tz);

      g_assert_cmpint (axis->ticks[i].time, >=, from);
      g_assert_cmpint (axis->ticks[i].time, <, to);
      g_assert_cmpint (g_date_time_get_day_of_year (when) + 400 * g_date_time_get_year (when), <=,
                       g_date_time_get_day_of_year (last_day) + 400 * g_date_time_get_year (last_day));
      g_assert_cmpfloat_with_epsilon (axis->ticks[i].position,
                                      (double) (axis->ticks[i].time - from) / (double) (to - from),
                                      1e-12);
    }
}

static void
test_series_axis_range (void)
{
  g_autoptr(GTimeZone) berlin = zone (BERLIN);
  gint64 today = local (berlin, 2026, 12, 7, 0, 0);
  gint64 tomorrow = local (berlin, 2026, 12, 8, 0, 0);
  guint n_ranges = 0, n_before = 0;

  /* One value today (all time then is today alone): hours of today, the
   * first naming the day, none tomorrow's midnight.
   */
  {
    g_autoptr(RapportAxis) old = rapport_axis_new_for_time (today, tomorrow, berlin);
    g_autoptr(RapportAxis) axis = rapport_axis_new_for_range (today, tomorrow, berlin);

    g_assert_cmpint (old->ticks[old->n_ticks - 1].time, ==, tomorrow);
    g_assert_cmpint (axis->unit, ==, RAPPORT_AXIS_UNIT_HOUR);
    g_assert_cmpuint (axis->n_ticks, >=, 4);
    g_assert_cmpstr (axis->ticks[0].label, ==, "7 Dec");
    for (guint i = 1; i < axis->n_ticks; i++)
      g_assert_null (strstr (axis->ticks[i].label, "Dec"));
    assert_no_day_after (axis, today, tomorrow, berlin);
    assert_time_axis_sane (axis, today, tomorrow, berlin);
  }

  /* Every range the view offers, ending on each day of a year. */
  for (gint64 day = local (berlin, 2026, 1, 1, 12, 0); day < local (berlin, 2027, 1, 1, 0, 0); day += DAY)
    for (RapportSeriesRange range = RAPPORT_SERIES_RANGE_30_DAYS; range <= RAPPORT_SERIES_RANGE_ALL; range++)
      {
        g_autoptr(GDateTime) utc_now = g_date_time_new_from_unix_utc (day);
        g_autoptr(GDateTime) now = g_date_time_to_timezone (utc_now, berlin);
        g_autoptr(RapportAxis) old = NULL;
        g_autoptr(RapportAxis) axis = NULL;
        gint64 from, to;

        /* All time with a first value some weeks or years back. */
        rapport_series_range_get_bounds (range, now, day - (gint64) (n_ranges % 900) * DAY, &from, &to);
        old = rapport_axis_new_for_time (from, to, berlin);
        axis = rapport_axis_new_for_range (from, to, berlin);
        n_before += old->n_ticks > 0 && old->ticks[old->n_ticks - 1].time == to;
        n_ranges++;

        assert_no_day_after (axis, from, to, berlin);
        assert_time_axis_sane (axis, from, to, berlin);
        g_assert_cmpuint (axis->n_ticks, >=, 3);
        g_assert_cmpuint (axis->n_ticks, <=, 9);
        /* Days, weeks, months and years are labelled as ever. */
        if (axis->unit == old->unit && axis->step == old->step && axis->unit != RAPPORT_AXIS_UNIT_HOUR)
          for (guint i = 0; i < axis->n_ticks; i++)
            g_assert_cmpstr (axis->ticks[i].label, ==, old->ticks[i].label);
      }

  /* Before, the ranges ending on a tick's day named tomorrow. */
  g_test_message ("%u of %u ranges had a tick for tomorrow", n_before, n_ranges);
  g_assert_cmpuint (n_before, >, 0);
}

/* Calibration */

static void
test_series_calibration (void)
{
  g_autoptr(RapportCalibration) over = rapport_calibration_new ("active-listening", 5, 55);
  g_autoptr(RapportCalibration) under = rapport_calibration_new ("empathy", 2, 92);
  g_autoptr(RapportCalibration) agree = rapport_calibration_new ("empathy", 3, 70);
  g_autoptr(RapportCalibration) edge = rapport_calibration_new ("empathy", 5, 70);
  g_autoptr(RapportCalibration) near = rapport_calibration_new ("empathy", 5, 70.5);
  g_autoptr(RapportCalibration) unrated = rapport_calibration_new ("empathy", 0, 55);
  g_autoptr(RapportCalibration) untested = rapport_calibration_new ("empathy", 4, -1);
  g_autoptr(RapportCalibration) nothing = rapport_calibration_new ("empathy", 0, -1);

  g_assert_cmpfloat (rapport_calibration_rating_to_percent (1), ==, 0);
  g_assert_cmpfloat (rapport_calibration_rating_to_percent (3), ==, 50);
  g_assert_cmpfloat (rapport_calibration_rating_to_percent (5), ==, 100);

  g_assert_cmpint (over->verdict, ==, RAPPORT_CALIBRATION_OVERRATES);
  g_assert_cmpfloat (over->rating_percent, ==, 100);
  g_assert_cmpstr (over->sentence, ==,
                   "You rate your Active Listening 5/5 but score 55 % in its quiz.");

  g_assert_cmpint (under->verdict, ==, RAPPORT_CALIBRATION_UNDERRATES);
  g_assert_cmpstr (under->sentence, ==,
                   "You score 92 % in Empathy quizzes but rate yourself 2/5: "
                   "you may be better than you think.");

  /* 50 against 70: within the gap. */
  g_assert_cmpint (agree->verdict, ==, RAPPORT_CALIBRATION_AGREE);
  g_assert_null (agree->sentence);

  /* The gap itself (100 against 70) is a disagreement; just inside is not. */
  g_assert_cmpint (edge->verdict, ==, RAPPORT_CALIBRATION_OVERRATES);
  g_assert_nonnull (edge->sentence);
  g_assert_cmpint (near->verdict, ==, RAPPORT_CALIBRATION_AGREE);
  g_assert_null (near->sentence);

  g_assert_cmpint (unrated->verdict, ==, RAPPORT_CALIBRATION_MISSING);
  g_assert_cmpfloat (unrated->rating_percent, ==, -1);
  g_assert_null (unrated->sentence);
  g_assert_cmpint (untested->verdict, ==, RAPPORT_CALIBRATION_MISSING);
  g_assert_cmpfloat (untested->quiz_percent, ==, -1);
  g_assert_null (untested->sentence);
  g_assert_cmpint (nothing->verdict, ==, RAPPORT_CALIBRATION_MISSING);
  g_assert_null (nothing->sentence);
}

static void
test_series_calibration_list (void)
{
  const double rated[] = { 4, 5 };
  const double scored[] = { 50, 60 };
  const double listened[] = { 4 };
  const double scored_high[] = { 90 };
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GPtrArray) latest = NULL;
  g_autoptr(GPtrArray) average = NULL;
  gint64 start = utc (2026, 1, 1, 12, 0);

  ratings = list_of (daily ("active-listening", RAPPORT_STORE_SERIES_SELF_RATING, start, rated, 2),
                     daily ("empathy", RAPPORT_STORE_SERIES_SELF_RATING, start, listened, 1),
                     NULL);
  scores = list_of (daily ("active-listening", RAPPORT_STORE_SERIES_QUIZ_SCORE, start, scored, 2),
                    daily ("empathy", RAPPORT_STORE_SERIES_QUIZ_SCORE, start, scored_high, 1),
                    NULL);

  latest = rapport_calibration_list_new (ratings, scores, RAPPORT_CALIBRATION_LATEST);
  average = rapport_calibration_list_new (ratings, scores, RAPPORT_CALIBRATION_AVERAGE);
  g_assert_cmpuint (latest->len, ==, rapport_skill_get_count ());
  g_assert_cmpuint (average->len, ==, rapport_skill_get_count ());

  for (guint i = 0; i < latest->len; i++)
    {
      const RapportCalibration *l = latest->pdata[i];
      const RapportCalibration *a = average->pdata[i];

      g_assert_cmpstr (l->skill_key, ==, rapport_skill_get_nth (i)->key);
      if (g_str_equal (l->skill_key, "active-listening"))
        {
          /* Latest: 5 (100 %) against 60 %; average: 4.5 (87.5 %) against 55 %. */
          g_assert_cmpstr (l->sentence, ==,
                           "You rate your Active Listening 5/5 but score 60 % in its quiz.");
          g_assert_cmpstr (a->sentence, ==,
                           "You rate your Active Listening 4.5/5 but score 55 % in its quiz.");
        }
      else if (g_str_equal (l->skill_key, "empathy"))
        {
          /* 4 (75 %) against 90 %: they agree. */
          g_assert_cmpint (l->verdict, ==, RAPPORT_CALIBRATION_AGREE);
          g_assert_null (l->sentence);
        }
      else
        {
          g_assert_cmpint (l->verdict, ==, RAPPORT_CALIBRATION_MISSING);
          g_assert_null (l->sentence);
          g_assert_null (a->sentence);
        }
    }
}

/* Summary */

static void
test_series_streak (void)
{
  g_autoptr(GTimeZone) berlin = zone (BERLIN);
  g_autoptr(GDateTime) spring = local_now (berlin, 2026, 3, 30, 10, 0);
  g_autoptr(GDateTime) autumn = local_now (berlin, 2026, 10, 26, 12, 0);
  /* Each just after or before a local midnight, across the change to
   * summer time on 29 March: in UTC these fall on only two days.
   */
  const gint64 four[] = {
    local (berlin, 2026, 3, 30, 0, 30),
    local (berlin, 2026, 3, 29, 23, 30),
    local (berlin, 2026, 3, 28, 0, 10),
    local (berlin, 2026, 3, 27, 23, 30),
  };
  const gint64 same_day[] = {
    local (berlin, 2026, 3, 29, 8, 0),
    local (berlin, 2026, 3, 29, 12, 0),
    local (berlin, 2026, 3, 29, 23, 59),
    local (berlin, 2026, 3, 30, 9, 0),
  };
  const gint64 gap[] = {
    local (berlin, 2026, 3, 30, 9, 0),
    local (berlin, 2026, 3, 28, 9, 0),
    local (berlin, 2026, 3, 27, 9, 0),
  };
  const gint64 two_days_ago[] = { local (berlin, 2026, 3, 28, 9, 0) };
  const gint64 future[] = {
    local (berlin, 2026, 4, 2, 9, 0),
    local (berlin, 2026, 3, 30, 9, 0),
  };
  /* 25 October has 25 hours; 00:01 and 23:59 are still the same day. */
  const gint64 long_day[] = {
    local (berlin, 2026, 10, 26, 0, 1),
    local (berlin, 2026, 10, 25, 23, 59),
    local (berlin, 2026, 10, 25, 0, 1),
    local (berlin, 2026, 10, 24, 23, 59),
  };
  const gint64 unordered[] = {
    local (berlin, 2026, 3, 28, 9, 0),
    local (berlin, 2026, 3, 30, 9, 0),
    local (berlin, 2026, 3, 29, 9, 0),
  };

#define STREAK(now, times) rapport_summary_count_streak (times, G_N_ELEMENTS (times), now)

  g_assert_cmpint (four[0] - four[1], ==, HOUR);
  g_assert_cmpuint (STREAK (spring, four), ==, 4);
  /* Today not written yet (the same days but today): the streak still
   * counts up to yesterday.
   */
  g_assert_cmpuint (rapport_summary_count_streak (four + 1, G_N_ELEMENTS (four) - 1, spring), ==, 3);
  g_assert_cmpuint (STREAK (spring, same_day), ==, 2);
  g_assert_cmpuint (STREAK (spring, gap), ==, 1);
  g_assert_cmpuint (STREAK (spring, two_days_ago), ==, 0);
  g_assert_cmpuint (STREAK (spring, future), ==, 1);
  g_assert_cmpuint (STREAK (autumn, long_day), ==, 3);
  g_assert_cmpuint (STREAK (spring, unordered), ==, 3);
  g_assert_cmpuint (rapport_summary_count_streak (NULL, 0, spring), ==, 0);

#undef STREAK
}

static void
test_series_format_streak (void)
{
  g_autofree char *none = rapport_summary_format_streak (0);
  g_autofree char *one = rapport_summary_format_streak (1);
  g_autofree char *many = rapport_summary_format_streak (12);

  g_assert_cmpstr (none, ==, "0 days");
  g_assert_cmpstr (one, ==, "1 day");
  g_assert_cmpstr (many, ==, "12 days");
}

static void
test_series_most_improved (void)
{
  gint64 start = utc (2026, 1, 1, 12, 0);
  double up_two[60], up_one[60], down[60], burst[10];
  double jump[] = { 1, 1, 5, 5 };
  double quiz[10];
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GPtrArray) declining = NULL;
  RapportImprovement best = { NULL };

  for (guint i = 0; i < 60; i++)
    {
      up_two[i] = i < 30 ? 2 : 4;
      up_one[i] = i < 30 ? 3 : 4;
      down[i] = i < 30 ? 4 : 2;
    }
  for (guint i = 0; i < 10; i++)
    {
      burst[i] = i < 5 ? 1 : 5;
      quiz[i] = i < 5 ? 20 : 90;
    }

  ratings = list_of (daily ("empathy", RAPPORT_STORE_SERIES_SELF_RATING, start, up_two, 60),
                     daily ("communication", RAPPORT_STORE_SERIES_SELF_RATING, start, up_one, 60),
                     daily ("assertiveness", RAPPORT_STORE_SERIES_SELF_RATING, start, down, 60),
                     /* Too few values, and too short a time: not trusted. */
                     daily ("active-listening", RAPPORT_STORE_SERIES_SELF_RATING, start, jump, 4),
                     NULL);
  {
    RapportSeries *quick = rapport_series_new ("interpersonal", RAPPORT_STORE_SERIES_SELF_RATING);

    for (guint i = 0; i < 10; i++)
      rapport_series_append (quick, start + i * HOUR, burst[i], "x", 0);
    g_ptr_array_add (ratings, quick);
  }

  /* Never rated, but quizzed: its scores stand in (0.7 of the scale). */
  scores = list_of (daily ("stress-management", RAPPORT_STORE_SERIES_QUIZ_SCORE, start, quiz, 10),
                    NULL);

  g_assert_true (rapport_summary_find_most_improved (ratings, scores, 7 * DAY, &best));
  g_assert_cmpstr (best.skill_key, ==, "stress-management");
  g_assert_cmpint (best.kind, ==, RAPPORT_STORE_SERIES_QUIZ_SCORE);
  g_assert_cmpfloat_with_epsilon (best.change, 0.7, 1e-9);

  /* Without it: two rating points of four. */
  g_assert_true (rapport_summary_find_most_improved (ratings, NULL, 7 * DAY, &best));
  g_assert_cmpstr (best.skill_key, ==, "empathy");
  g_assert_cmpint (best.kind, ==, RAPPORT_STORE_SERIES_SELF_RATING);
  g_assert_cmpfloat_with_epsilon (best.start, 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (best.end, 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (best.change, 0.5, 1e-9);

  declining = list_of (daily ("assertiveness", RAPPORT_STORE_SERIES_SELF_RATING, start, down, 60),
                       NULL);
  g_assert_false (rapport_summary_find_most_improved (declining, NULL, 7 * DAY, &best));
  g_assert_false (rapport_summary_find_most_improved (NULL, NULL, 7 * DAY, &best));
}

static void
test_series_summary (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("rapport/progress.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = local_now (tz, 2026, 3, 30, 18, 0);
  g_autoptr(GDateTime) before = g_date_time_new_utc (2025, 12, 1, 9, 0, 0);
  g_autoptr(GDateTime) inside = g_date_time_new_utc (2026, 3, 10, 9, 0, 0);
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  RapportSummary summary;
  gint64 from, to;

  rapport_series_range_get_bounds (RAPPORT_SERIES_RANGE_30_DAYS, now, G_MAXINT64, &from, &to);

  g_assert_true (rapport_store_mark_lesson_completed (store, "core", "empathy", "one", before,
                                                      &error));
  g_assert_true (rapport_store_mark_lesson_completed (store, "core", "empathy", "two", inside,
                                                      &error));
  g_assert_true (rapport_store_mark_lesson_completed (store, "core", "assertiveness", "one",
                                                      inside, &error));
  g_assert_no_error (error);

  /* Empathy passed twice in range, failed once; assertiveness before it. */
  save_attempt (store, "empathy", "empathy", utc (2026, 3, 11, 9, 0), 75, TRUE);
  save_attempt (store, "empathy", "empathy", utc (2026, 3, 12, 9, 0), 95, TRUE);
  save_attempt (store, "empathy", "empathy", utc (2026, 3, 13, 9, 0), 40, TRUE);
  save_attempt (store, "assertiveness", "assertiveness", utc (2025, 12, 2, 9, 0), 90, TRUE);

  /* Empathy from 2 to 4 over the month, written daily up to yesterday. */
  for (int day = 0; day < 29; day++)
    g_free (save_entry (store, from + day * DAY + 9 * HOUR, "empathy", day < 14 ? 2 : 4));

  ratings = rapport_series_load (store, NULL, RAPPORT_STORE_SERIES_SELF_RATING, from, to, &error);
  g_assert_no_error (error);
  scores = rapport_series_load (store, NULL, RAPPORT_STORE_SERIES_QUIZ_SCORE, from, to, &error);
  g_assert_no_error (error);

  g_assert_true (rapport_summary_load (&summary, store, ratings, scores, from, to, now,
                                       &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.lessons_completed, ==, 2);
  g_assert_cmpuint (summary.quizzes_passed, ==, 1);
  /* 1 to 29 March: today (the 30th) not written yet. */
  g_assert_cmpuint (summary.journal_streak, ==, 29);
  g_assert_true (summary.has_most_improved);
  g_assert_cmpstr (summary.most_improved.skill_key, ==, "empathy");
  g_assert_cmpfloat_with_epsilon (summary.most_improved.start, 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary.most_improved.end, 4, 1e-9);
}

/* Radar */

static void
test_series_radar (void)
{
  const gint64 times[] = { 0, 10 * DAY, 100 * DAY };
  const double values[] = { 2, 4, 5 };
  const double quiz[] = { 80 };
  g_autoptr(GPtrArray) ratings = list_of (ratings_of ("empathy", times, values, 3), NULL);
  g_autoptr(GPtrArray) scores = list_of (daily ("stress-management",
                                                RAPPORT_STORE_SERIES_QUIZ_SCORE, 50 * DAY,
                                                quiz, 1),
                                         NULL);
  g_autoptr(GArray) radar = rapport_skill_profile_compute (ratings, scores, 20 * DAY, 110 * DAY);

  g_assert_cmpuint (radar->len, ==, rapport_skill_get_count ());
  for (guint i = 0; i < radar->len; i++)
    {
      const RapportRadarValue *value = &g_array_index (radar, RapportRadarValue, i);

      g_assert_cmpstr (value->skill_key, ==, rapport_skill_get_nth (i)->key);
      if (g_str_equal (value->skill_key, "empathy"))
        {
          /* Then: the mean of 2 and 4 in the 30 days before, 3 → 0.5; now: 5 → 1. */
          g_assert_cmpfloat (value->then, ==, 0.5);
          g_assert_cmpfloat (value->now, ==, 1.0);
          g_assert_cmpint (value->now_kind, ==, RAPPORT_STORE_SERIES_SELF_RATING);
        }
      else if (g_str_equal (value->skill_key, "stress-management"))
        {
          /* Never rated: the quiz score, carried forward; none yet back then. */
          g_assert_cmpfloat (value->then, ==, -1);
          g_assert_cmpfloat (value->now, ==, 0.8);
          g_assert_cmpint (value->now_kind, ==, RAPPORT_STORE_SERIES_QUIZ_SCORE);
        }
      else
        {
          g_assert_cmpfloat (value->then, ==, -1);
          g_assert_cmpfloat (value->now, ==, -1);
        }
    }
}

/* CSV */

static void
test_series_csv (void)
{
  g_autoptr(RapportSeries) odd = rapport_series_new ("odd, \"key\"\nline",
                                                     RAPPORT_STORE_SERIES_SELF_RATING);
  g_autoptr(RapportSeries) scores = rapport_series_new ("empathy",
                                                        RAPPORT_STORE_SERIES_QUIZ_SCORE);
  g_autoptr(RapportSeries) trend = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *csv = NULL;
  gsize length;

  rapport_series_append (odd, utc (2026, 1, 2, 3, 4) + 5, 4, "u,1", 0);
  rapport_series_append (odd, utc (2026, 1, 2, 15, 0), 3, "plain\r", 0);
  rapport_series_append (scores, utc (1999, 12, 31, 23, 59), 92.5, NULL, 42);
  trend = rapport_series_moving_average (odd, DAY);

  list = list_of (rapport_series_ref (odd), rapport_series_ref (scores),
                  rapport_series_ref (trend), NULL);
  csv = rapport_series_to_csv (list, &length);
  g_assert_cmpuint (length, ==, strlen (csv));
  g_assert_cmpstr (csv, ==,
                   "time,skill,skill_title,series,value,entry_uuid,attempt_id\r\n"
                   "2026-01-02T03:04:05Z,\"odd, \"\"key\"\"\nline\",\"odd, \"\"key\"\"\nline\","
                   "self-rating,4,\"u,1\",\r\n"
                   "2026-01-02T15:00:00Z,\"odd, \"\"key\"\"\nline\",\"odd, \"\"key\"\"\nline\","
                   "self-rating,3,\"plain\r\",\r\n"
                   "1999-12-31T23:59:00Z,empathy,Empathy,quiz-score,92.5,,42\r\n"
                   "2026-01-02T03:04:05Z,\"odd, \"\"key\"\"\nline\",\"odd, \"\"key\"\"\nline\","
                   "self-rating-trend,3.5,\"u,1\",\r\n"
                   "2026-01-02T15:00:00Z,\"odd, \"\"key\"\"\nline\",\"odd, \"\"key\"\"\nline\","
                   "self-rating-trend,3.5,\"plain\r\",\r\n");
}

static void
test_series_csv_file (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "export", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.csv", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const double values[] = { 3, 4 };
  const char *name;
  guint n_files = 0;

  list = list_of (daily ("empathy", RAPPORT_STORE_SERIES_SELF_RATING, utc (2026, 1, 1, 9, 0),
                         values, 2),
                  NULL);
  expected = rapport_series_to_csv (list, NULL);

  /* A file the user had left readable by others is replaced, private. */
  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_no_errno (g_chmod (path, 0644));
  g_assert_cmpuint (rapport_unit_mode_of (path), ==, 0644);

  g_assert_true (rapport_series_export_csv (list, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_unit_mode_of (path), ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, expected);

  /* No temporary file left behind. */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpstr (name, ==, "chart.csv");
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 1);

  g_assert_false (rapport_series_export_csv (list, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (error->message, "Could not save the chart data as"));
}

/* The radar in words: rises, falls, new skills, the rest counted. */
static void
test_series_radar_sentences (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (RapportRadarValue));
  g_autofree char *text = NULL;
  g_autofree char *one = NULL;
  g_autofree char *same = NULL;

  /* Local time is UTC here, and noon stays on its day in any case. */
  g_setenv ("TZ", "UTC", TRUE);
  g_time_zone_unref (g_time_zone_new_local ());
  then = g_date_time_new (tz, 2026, 8, 23, 12, 0, 0);

  for (guint i = 0; i < rapport_skill_get_count (); i++)
    {
      RapportRadarValue value = { rapport_skill_get_nth (i)->key, -1, -1,
                                  RAPPORT_STORE_SERIES_SELF_RATING,
                                  RAPPORT_STORE_SERIES_SELF_RATING };

      g_array_append_val (values, value);
    }

  text = rapport_skill_profile_describe (values, then);
  g_assert_cmpstr (text, ==, "No skill has a self-rating or a quiz score yet.");
  g_clear_pointer (&text, g_free);

  /* Empathy 2 → 4; Communication 4 → 3.5; Assertiveness new at 60 % (a
   * quiz score); Active Listening 3 → 3.
   */
  g_array_index (values, RapportRadarValue, 2).then = 0.25;
  g_array_index (values, RapportRadarValue, 2).now = 0.75;
  g_array_index (values, RapportRadarValue, 0).then = 0.75;
  g_array_index (values, RapportRadarValue, 0).now = 0.625;
  g_array_index (values, RapportRadarValue, 5).now = 0.6;
  g_array_index (values, RapportRadarValue, 5).now_kind = RAPPORT_STORE_SERIES_QUIZ_SCORE;
  g_array_index (values, RapportRadarValue, 1).then = 0.5;
  g_array_index (values, RapportRadarValue, 1).now = 0.5;

  text = rapport_skill_profile_describe (values, then);
  g_assert_cmpstr (text, ==,
                   "Compared with 23 August 2026, Effective Communication fell from 4 to 3.5; "
                   "Empathy rose from 2 to 4; Assertiveness is new at 60 %. "
                   "1 other skill stayed the same. 6 skills are not rated yet.");

  one = rapport_skill_profile_describe_value (&g_array_index (values, RapportRadarValue, 2), then);
  g_assert_cmpstr (one, ==, "Empathy: 4 now, 2 on 23 August 2026");
  g_clear_pointer (&one, g_free);
  one = rapport_skill_profile_describe_value (&g_array_index (values, RapportRadarValue, 5), then);
  g_assert_cmpstr (one, ==, "Assertiveness: 60 % now, not rated by 23 August 2026");
  g_clear_pointer (&one, g_free);
  one = rapport_skill_profile_describe_value (&g_array_index (values, RapportRadarValue, 9), then);
  g_assert_cmpstr (one, ==, "Cross-Cultural Etiquette: not rated yet");

  /* Nothing moved: said so, not an empty list. */
  for (guint i = 0; i < values->len; i++)
    g_array_index (values, RapportRadarValue, i).then = g_array_index (values, RapportRadarValue, i).now;
  g_array_index (values, RapportRadarValue, 5).then_kind = RAPPORT_STORE_SERIES_QUIZ_SCORE;
  same = rapport_skill_profile_describe (values, then);
  g_assert_cmpstr (same, ==, "Nothing changed since 23 August 2026. 6 skills are not rated yet.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/rapport/series/build", test_series_build);
  g_test_add_func ("/rapport/series/load", test_series_load);
  g_test_add_func ("/rapport/series/reload", test_series_reload);
  g_test_add_func ("/rapport/series/downsample-random", test_series_downsample_random);
  g_test_add_func ("/rapport/series/downsample-ten-years", test_series_downsample_ten_years);
  g_test_add_func ("/rapport/series/downsample-edges", test_series_downsample_edges);
  g_test_add_func ("/rapport/series/moving-average", test_series_moving_average);
  g_test_add_func ("/rapport/series/trend-for-width", test_series_trend_for_width);
  g_test_add_func ("/rapport/series/line-few-values", test_series_line_few_values);
  g_test_add_func ("/rapport/series/line-agrees", test_series_line_agrees);
  g_test_add_func ("/rapport/series/value-at", test_series_value_at);
  g_test_add_func ("/rapport/series/ranges", test_series_ranges);
  g_test_add_func ("/rapport/series/axis-time", test_series_axis_time);
  g_test_add_func ("/rapport/series/axis-time-sweep", test_series_axis_time_sweep);
  g_test_add_func ("/rapport/series/axis-dst", test_series_axis_dst);
  g_test_add_func ("/rapport/series/axis-range", test_series_axis_range);
  g_test_add_func ("/rapport/series/axis-values", test_series_axis_values);
  g_test_add_func ("/rapport/series/calibration", test_series_calibration);
  g_test_add_func ("/rapport/series/calibration-list", test_series_calibration_list);
  g_test_add_func ("/rapport/series/streak", test_series_streak);
  g_test_add_func ("/rapport/series/format-streak", test_series_format_streak);
  g_test_add_func ("/rapport/series/most-improved", test_series_most_improved);
  g_test_add_func ("/rapport/series/summary", test_series_summary);
  g_test_add_func ("/rapport/series/radar", test_series_radar);
  g_test_add_func ("/rapport/series/radar-sentences", test_series_radar_sentences);
  g_test_add_func ("/rapport/series/csv", test_series_csv);
  g_test_add_func ("/rapport/series/csv-file", test_series_csv_file);

  return g_test_run ();
}
