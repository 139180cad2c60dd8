/* rapport-series-derived.c: the series derived from one for a chart:
 * downsampled to its width, its trend, its value as of a time, and values
 * normalised to 0..1
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-series-private.h"

/* Downsampling */

/* The first point at or after @time. */
static guint
lower_bound (const RapportSeriesPoint *points,
             guint                     n_points,
             gint64                    time)
{
  guint lo = 0;
  guint hi = n_points;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (points[mid].time < time)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The first point after @time. */
static guint
upper_bound (const RapportSeriesPoint *points,
             guint                     n_points,
             gint64                    time)
{
  guint lo = 0;
  guint hi = n_points;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (points[mid].time <= time)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The points of @self and the first ([@start) and past the last (@end)
 * of those in [@from, @to); *@start ≥ *@end when there are none.
 */
static const RapportSeriesPoint *
points_in (RapportSeries *self,
           gint64         from,
           gint64         to,
           guint         *start,
           guint         *end)
{
  const RapportSeriesPoint *points = points_of (self);

  *start = lower_bound (points, self->points->len, from);
  *end = lower_bound (points, self->points->len, to);

  return points;
}

static inline guint
column_of (gint64 time,
           gint64 from,
           double scale,
           guint  width)
{
  guint column = (guint) ((double) (time - from) * scale);

  return MIN (column, width - 1);
}

/* Of the column's extremes @a and @b, the one farther in value from @anchor. */
static guint
farther (const RapportSeriesPoint *points,
         guint                     anchor,
         guint                     a,
         guint                     b)
{
  double da = ABS (points[a].value - points[anchor].value);
  double db = ABS (points[b].value - points[anchor].value);

  return db > da ? b : a;
}

static void
keep_pair (GArray                   *out,
           const RapportSeriesPoint *points,
           guint                     a,
           guint                     b)
{
  guint first = MIN (a, b);
  guint second = MAX (a, b);

  g_array_append_val (out, points[first]);
  if (second != first)
    g_array_append_val (out, points[second]);
}

RapportSeries *
rapport_series_downsample (RapportSeries *self,
                           gint64         from,
                           gint64         to,
                           guint          width)
{
  g_autoptr(RapportSeries) out = NULL;
  const RapportSeriesPoint *points;
  guint start, end, i;
  double scale;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (from < to, NULL);
  g_return_val_if_fail (width > 0, NULL);

  points = points_of (self);
  start = lower_bound (points, self->points->len, from);
  end = lower_bound (points, self->points->len, to);
  out = rapport_series_new_like (self, MIN (end - MIN (start, end), 2 * width));
  if (start >= end)
    return g_steal_pointer (&out);

  scale = (double) width / (double) (to - from);

  for (i = start; i < end;)
    {
      guint column = column_of (points[i].time, from, scale, width);
      guint lowest = i;
      guint highest = i;
      guint j;

      for (j = i + 1; j < end && column_of (points[j].time, from, scale, width) == column; j++)
        {
          if (points[j].value < points[lowest].value)
            lowest = j;
          if (points[j].value > points[highest].value)
            highest = j;
        }

      if (i == start && j == end)
        keep_pair (out->points, points, start, end - 1);
      else if (i == start)
        keep_pair (out->points, points, start, farther (points, start, lowest, highest));
      else if (j == end)
        keep_pair (out->points, points, farther (points, end - 1, lowest, highest), end - 1);
      else
        keep_pair (out->points, points, lowest, highest);

      i = j;
    }

  return g_steal_pointer (&out);
}

/* Trend */

RapportSeries *
rapport_series_moving_average (RapportSeries *self,
                               gint64         window)
{
  g_autoptr(RapportSeries) out = NULL;
  const RapportSeriesPoint *points;
  gint64 half = window / 2;
  guint n, lo = 0, hi = 0;
  double sum = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (window > 0, NULL);

  points = points_of (self);
  n = self->points->len;
  out = rapport_series_new_like (self, n);
  out->trend_window = window;

  for (guint i = 0; i < n; i++)
    {
      RapportSeriesPoint point = points[i];

      /* [lo, hi) is the window around point i; both ends only move forward. */
      while (hi < n && points[hi].time <= point.time + half)
        sum += points[hi++].value;
      while (points[lo].time < point.time - half)
        sum -= points[lo++].value;

      point.value = sum / (double) (hi - lo);
      g_array_append_val (out->points, point);
    }

  return g_steal_pointer (&out);
}

RapportSeries *
rapport_series_trend_for_width (RapportSeries *self,
                                gint64         window,
                                gint64         from,
                                gint64         to,
                                guint          width)
{
  g_autoptr(RapportSeries) out = NULL;
  const RapportSeriesPoint *points;
  gint64 half = window / 2;
  guint n, start, end, lo, hi;
  double step, sum = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (window > 0, NULL);
  g_return_val_if_fail (from < to, NULL);
  g_return_val_if_fail (width > 0, NULL);

  points = points_in (self, from, to, &start, &end);
  n = self->points->len;

  if (end - MIN (start, end) <= width)
    {
      g_autoptr(RapportSeries) trend = rapport_series_moving_average (self, window);

      out = rapport_series_new_like (trend, end - MIN (start, end));
      for (guint i = start; i < end; i++)
        g_array_append_val (out->points, points_of (trend)[i]);

      return g_steal_pointer (&out);
    }

  out = rapport_series_new_like (self, width);
  out->trend_window = window;
  step = (double) (to - from) / width;
  lo = hi = 0;

  for (guint column = 0; column < width; column++)
    {
      RapportSeriesPoint sample = { 0 };

      sample.time = from + (gint64) ((column + 0.5) * step);

      /* [lo, hi) is the window around the sample; both ends only move forward. */
      while (hi < n && points[hi].time <= sample.time + half)
        sum += points[hi++].value;
      while (lo < hi && points[lo].time < sample.time - half)
        sum -= points[lo++].value;

      if (hi == lo)
        {
          sum = 0;  /* no drift carried across a gap */
          continue;
        }

      sample.value = sum / (double) (hi - lo);
      g_array_append_val (out->points, sample);
    }

  return g_steal_pointer (&out);
}

/* Trend or values: what a chart draws and its description reads */

gboolean
rapport_series_can_smooth (RapportSeries *self,
                           gint64         window,
                           gint64         from,
                           gint64         to)
{
  const RapportSeriesPoint *points;
  guint start, end;

  g_return_val_if_fail (self != NULL, FALSE);

  points = points_in (self, from, to, &start, &end);

  return end >= start + RAPPORT_SERIES_MIN_POINTS_TO_SMOOTH
         && points[end - 1].time - points[start].time >= window;
}

/* The mean of the values within @half of @time, summed in one go: the
 * ends of a line and the description's start and end are this very
 * number, not a running sum that may differ in the last bit.
 */
static double
mean_around (const RapportSeriesPoint *points,
             guint                     n_points,
             gint64                    time,
             gint64                    half)
{
  guint lo = lower_bound (points, n_points, time - half);
  guint hi = upper_bound (points, n_points, time + half);
  double sum = 0;

  g_assert (hi > lo);

  for (guint i = lo; i < hi; i++)
    sum += points[i].value;

  return sum / (double) (hi - lo);
}

RapportSeries *
rapport_series_line_for_width (RapportSeries *self,
                               gint64         window,
                               gint64         from,
                               gint64         to,
                               guint          width)
{
  g_autoptr(RapportSeries) trend = NULL;
  g_autoptr(RapportSeries) out = NULL;
  const RapportSeriesPoint *points, *samples;
  RapportSeriesPoint first, last;
  guint n, start, end, n_samples, first_column, last_column;
  double scale;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (window > 0 && from < to && width > 0, NULL);

  points = points_in (self, from, to, &start, &end);
  n = self->points->len;

  if (!rapport_series_can_smooth (self, window, from, to))
    {
      out = rapport_series_new_like (self, end - MIN (start, end));
      out->trend_window = 0;
      for (guint i = start; i < end; i++)
        g_array_append_val (out->points, points[i]);

      return g_steal_pointer (&out);
    }

  trend = rapport_series_trend_for_width (self, window, from, to, width);
  samples = rapport_series_get_points (trend, &n_samples);
  out = rapport_series_new_like (trend, n_samples + 2);

  /* The samples of the columns hold no value of their own, so the ends are
   * those of the first and last value; the samples between them stay.
   */
  first = points[start];
  last = points[end - 1];
  first.value = mean_around (points, n, first.time, window / 2);
  last.value = mean_around (points, n, last.time, window / 2);
  if (end - start > width)
    {
      /* Sampled per column, as trend_for_width() does beyond one value a
       * column: its points have no source, and neither have its ends.
       */
      first.entry_uuid = last.entry_uuid = NULL;
      first.attempt_id = last.attempt_id = 0;
    }

  /* Still at most one point a column: the ends take the places of their
   * columns' samples.
   */
  scale = (double) width / (double) (to - from);
  first_column = column_of (first.time, from, scale, width);
  last_column = column_of (last.time, from, scale, width);
  g_array_append_val (out->points, first);
  for (guint i = 0; i < n_samples; i++)
    {
      guint column = column_of (samples[i].time, from, scale, width);

      if (samples[i].time > first.time && samples[i].time < last.time
          && (end - start <= width || (column != first_column && column != last_column)))
        g_array_append_val (out->points, samples[i]);
    }
  g_array_append_val (out->points, last);

  return g_steal_pointer (&out);
}

RapportSeriesDirection
rapport_series_direction (RapportStoreSeries kind,
                          double             start,
                          double             end)
{
  const char *format = kind == RAPPORT_STORE_SERIES_SELF_RATING ? "%.1f" : "%.0f";
  char start_text[G_ASCII_DTOSTR_BUF_SIZE];
  char end_text[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (start_text, sizeof start_text, format, start);
  g_ascii_formatd (end_text, sizeof end_text, format, end);

  if (g_str_equal (start_text, end_text))
    return RAPPORT_SERIES_STAYED;

  return end > start ? RAPPORT_SERIES_ROSE : RAPPORT_SERIES_FELL;
}

gboolean
rapport_series_get_change (RapportSeries       *self,
                           gint64               window,
                           gint64               from,
                           gint64               to,
                           RapportSeriesChange *change)
{
  const RapportSeriesPoint *points;
  guint n, start, end;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (window > 0, FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  points = points_in (self, from, to, &start, &end);
  n = self->points->len;
  if (start >= end)
    return FALSE;

  change->n_values = end - start;
  change->smoothed = rapport_series_can_smooth (self, window, from, to);
  change->start_time = points[start].time;
  change->end_time = points[end - 1].time;
  if (change->smoothed)
    {
      change->start = mean_around (points, n, change->start_time, window / 2);
      change->end = mean_around (points, n, change->end_time, window / 2);
    }
  else
    {
      change->start = points[start].value;
      change->end = points[end - 1].value;
    }
  change->direction = rapport_series_direction (self->kind, change->start, change->end);

  return TRUE;
}

gboolean
rapport_series_value_at (RapportSeries *self,
                         gint64         time,
                         gint64         window,
                         double        *value)
{
  const RapportSeriesPoint *points;
  guint end, i;
  double sum = 0;
  guint count = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (window >= 0, FALSE);

  points = points_of (self);
  end = upper_bound (points, self->points->len, time);
  if (end == 0)
    return FALSE;

  for (i = end; i > 0 && points[i - 1].time > time - window; i--)
    {
      sum += points[i - 1].value;
      count++;
    }

  if (value != NULL)
    *value = count > 0 ? sum / count : points[end - 1].value;

  return TRUE;
}

double
rapport_series_normalise (RapportStoreSeries kind,
                          double             value)
{
  double normalised;

  if (kind == RAPPORT_STORE_SERIES_SELF_RATING)
    normalised = (value - 1.0) / 4.0;
  else
    normalised = value / 100.0;

  return CLAMP (normalised, 0.0, 1.0);
}
