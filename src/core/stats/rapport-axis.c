/* rapport-axis.c: tick positions and labels for the Progress view's charts
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-axis.h"

#define MIN_TICKS 4
#define MAX_TICKS 8

typedef struct
{
  RapportAxisUnit unit;
  guint           step;
  double          seconds;   /* about, to skip steps far too fine or too coarse */
} Candidate;

#define HOUR  3600.0
#define DAY   (24 * HOUR)
#define MONTH (30.44 * DAY)
#define YEAR  (365.25 * DAY)

/* Finest first. */
static const Candidate candidates[] = {
  { RAPPORT_AXIS_UNIT_HOUR, 1, HOUR },
  { RAPPORT_AXIS_UNIT_HOUR, 2, 2 * HOUR },
  { RAPPORT_AXIS_UNIT_HOUR, 3, 3 * HOUR },
  { RAPPORT_AXIS_UNIT_HOUR, 4, 4 * HOUR },
  { RAPPORT_AXIS_UNIT_HOUR, 6, 6 * HOUR },
  { RAPPORT_AXIS_UNIT_HOUR, 12, 12 * HOUR },
  { RAPPORT_AXIS_UNIT_DAY, 1, DAY },
  { RAPPORT_AXIS_UNIT_DAY, 2, 2 * DAY },
  { RAPPORT_AXIS_UNIT_DAY, 3, 3 * DAY },
  { RAPPORT_AXIS_UNIT_DAY, 4, 4 * DAY },
  { RAPPORT_AXIS_UNIT_WEEK, 1, 7 * DAY },
  { RAPPORT_AXIS_UNIT_WEEK, 2, 14 * DAY },
  { RAPPORT_AXIS_UNIT_MONTH, 1, MONTH },
  { RAPPORT_AXIS_UNIT_MONTH, 2, 2 * MONTH },
  { RAPPORT_AXIS_UNIT_MONTH, 3, 3 * MONTH },
  { RAPPORT_AXIS_UNIT_MONTH, 6, 6 * MONTH },
  { RAPPORT_AXIS_UNIT_YEAR, 1, YEAR },
  { RAPPORT_AXIS_UNIT_YEAR, 2, 2 * YEAR },
  { RAPPORT_AXIS_UNIT_YEAR, 5, 5 * YEAR },
  { RAPPORT_AXIS_UNIT_YEAR, 10, 10 * YEAR },
  { RAPPORT_AXIS_UNIT_YEAR, 20, 20 * YEAR },
  { RAPPORT_AXIS_UNIT_YEAR, 50, 50 * YEAR },
  { RAPPORT_AXIS_UNIT_YEAR, 100, 100 * YEAR },
};

/* Candidates with more ticks than this are not even generated. */
#define MAX_ESTIMATE 24.0

static void
tick_clear (RapportAxisTick *tick)
{
  g_free (tick->label);
}

void
rapport_axis_free (RapportAxis *axis)
{
  if (axis == NULL)
    return;

  for (guint i = 0; i < axis->n_ticks; i++)
    tick_clear (&axis->ticks[i]);
  g_free (axis->ticks);
  g_free (axis);
}

static void
date_of (gint64     time,
         GTimeZone *tz,
         GDate     *date)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/* Appends the unix time of @date at @hour:00 in @tz if it is in [@from, @to]
 * and after the last one (a daylight-saving gap may repeat an hour).
 */
static void
add_time (GArray      *times,
          const GDate *date,
          int          hour,
          GTimeZone   *tz,
          gint64       from,
          gint64       to)
{
  g_autoptr(GDateTime) local = g_date_time_new (tz, g_date_get_year (date),
                                                g_date_get_month (date),
                                                g_date_get_day (date), hour, 0, 0);
  gint64 time;

  if (local == NULL)
    return;

  time = g_date_time_to_unix (local);
  if (time < from || time > to)
    return;
  if (times->len > 0 && g_array_index (times, gint64, times->len - 1) >= time)
    return;

  g_array_append_val (times, time);
}

/* The ticks of @candidate in [@from, @to], local midnights and so on. */
static GArray *
generate (const Candidate *candidate,
          gint64           from,
          gint64           to,
          GTimeZone       *tz)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (gint64));
  GDate date, end;
  guint step = candidate->step;

  date_of (from, tz, &date);
  date_of (to, tz, &end);

  switch (candidate->unit)
    {
    case RAPPORT_AXIS_UNIT_HOUR:
      for (; g_date_compare (&date, &end) <= 0; g_date_add_days (&date, 1))
        for (guint hour = 0; hour < 24; hour += step)
          add_time (times, &date, (int) hour, tz, from, to);
      break;

    case RAPPORT_AXIS_UNIT_DAY:
      for (; g_date_compare (&date, &end) <= 0; g_date_add_days (&date, 1))
        if (g_date_get_julian (&date) % step == 0)
          add_time (times, &date, 0, tz, from, to);
      break;

    case RAPPORT_AXIS_UNIT_WEEK:
      /* Julian day 1 (1 January of year 1) was a Monday. */
      while (g_date_get_weekday (&date) != G_DATE_MONDAY)
        g_date_add_days (&date, 1);
      for (; g_date_compare (&date, &end) <= 0; g_date_add_days (&date, 7))
        if (((g_date_get_julian (&date) - 1) / 7) % step == 0)
          add_time (times, &date, 0, tz, from, to);
      break;

    case RAPPORT_AXIS_UNIT_MONTH:
      g_date_set_day (&date, 1);
      for (; g_date_compare (&date, &end) <= 0; g_date_add_months (&date, 1))
        if ((g_date_get_month (&date) - 1) % step == 0)
          add_time (times, &date, 0, tz, from, to);
      break;

    case RAPPORT_AXIS_UNIT_YEAR:
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, g_date_get_year (&date));
      for (; g_date_compare (&date, &end) <= 0; g_date_add_years (&date, 1))
        if (g_date_get_year (&date) % step == 0)
          add_time (times, &date, 0, tz, from, to);
      break;

    case RAPPORT_AXIS_UNIT_VALUE:
    default:
      g_assert_not_reached ();
    }

  return times;
}

static const char *
label_format (RapportAxisUnit unit)
{
  switch (unit)
    {
    case RAPPORT_AXIS_UNIT_HOUR:
      /* Translators: a time of day under a chart, for g_date_time_format();
       * see https://docs.gtk.org/glib/method.DateTime.format.html */
      /* xgettext:no-c-format */
      return C_("chart time axis", "%H:%M");

    case RAPPORT_AXIS_UNIT_DAY:
    case RAPPORT_AXIS_UNIT_WEEK:
      /* Translators: a day under a chart, e.g. "3 Mar", for g_date_time_format() */
      /* xgettext:no-c-format */
      return C_("chart time axis", "%-d %b");

    case RAPPORT_AXIS_UNIT_MONTH:
      /* Translators: a month under a chart, e.g. "Mar 2026", for g_date_time_format() */
      /* xgettext:no-c-format */
      return C_("chart time axis", "%b %Y");

    case RAPPORT_AXIS_UNIT_YEAR:
    case RAPPORT_AXIS_UNIT_VALUE:
    default:
      /* Translators: a year under a chart, for g_date_time_format() */
      /* xgettext:no-c-format */
      return C_("chart time axis", "%Y");
    }
}

static RapportAxis *
axis_new (RapportAxisUnit unit,
          guint           step,
          guint           n_ticks)
{
  RapportAxis *axis = g_new0 (RapportAxis, 1);

  axis->unit = unit;
  axis->step = step;
  axis->n_ticks = n_ticks;
  axis->ticks = g_new0 (RapportAxisTick, MAX (n_ticks, 1));

  return axis;
}

/* How far @count is outside [MIN_TICKS, MAX_TICKS]; 0 inside. */
static guint
miss (guint count)
{
  if (count < MIN_TICKS)
    return MIN_TICKS - count;

  return count > MAX_TICKS ? count - MAX_TICKS : 0;
}

/* Ticks in [@from, @last], placed along [@from, @to]; with @dated_hours,
 * an hour tick at a local midnight names its day instead of "00:00".
 */
static RapportAxis *
axis_for_time (gint64     from,
               gint64     to,
               gint64     last,
               GTimeZone *tz,
               gboolean   dated_hours)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GArray) best = NULL;
  const Candidate *chosen = NULL;
  double span = (double) (to - from);
  const char *format;
  RapportAxis *axis;

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const Candidate *candidate = &candidates[i];
      g_autoptr(GArray) times = NULL;

      if (span / candidate->seconds > MAX_ESTIMATE && i + 1 < G_N_ELEMENTS (candidates))
        continue;

      times = generate (candidate, from, last, tz);

      /* The coarsest in range wins; otherwise the nearest, finer on a tie. */
      if (chosen == NULL
          || (miss (times->len) == 0)
          || miss (times->len) < miss (best->len))
        {
          g_clear_pointer (&best, g_array_unref);
          best = g_steal_pointer (&times);
          chosen = candidate;
        }

      if (span / candidate->seconds < 1.0)
        break;
    }

  g_assert (chosen != NULL);

  axis = axis_new (chosen->unit, chosen->step, best->len);
  format = label_format (chosen->unit);

  for (guint i = 0; i < best->len; i++)
    {
      gint64 time = g_array_index (best, gint64, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
      g_autoptr(GDateTime) when = g_date_time_to_timezone (utc, tz);
      RapportAxisTick *tick = &axis->ticks[i];
      gboolean midnight = chosen->unit == RAPPORT_AXIS_UNIT_HOUR
                          && g_date_time_get_hour (when) == 0 && g_date_time_get_minute (when) == 0;

      tick->time = time;
      tick->position = (double) (time - from) / span;
      tick->label = g_date_time_format (when, dated_hours && midnight
                                              ? label_format (RAPPORT_AXIS_UNIT_DAY) : format);
      if (tick->label == NULL)
        tick->label = g_date_time_format (when, "%F");
    }

  return axis;
}

RapportAxis *
rapport_axis_new_for_time (gint64     from,
                           gint64     to,
                           GTimeZone *tz)
{
  g_return_val_if_fail (from < to, NULL);

  return axis_for_time (from, to, to, tz, FALSE);
}

RapportAxis *
rapport_axis_new_for_range (gint64     from,
                            gint64     to,
                            GTimeZone *tz)
{
  g_return_val_if_fail (from < to, NULL);

  /* @to is the first moment the chart does not show: the next midnight
   * after today, whose tick would name tomorrow.
   */
  return axis_for_time (from, to, to - 1, tz, TRUE);
}

RapportAxis *
rapport_axis_new_for_values (RapportStoreSeries kind)
{
  RapportAxis *axis;

  g_return_val_if_fail (kind <= RAPPORT_STORE_SERIES_QUIZ_SCORE, NULL);

  axis = axis_new (RAPPORT_AXIS_UNIT_VALUE, kind == RAPPORT_STORE_SERIES_SELF_RATING ? 1 : 25, 5);

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      RapportAxisTick *tick = &axis->ticks[i];

      tick->position = i / 4.0;
      if (kind == RAPPORT_STORE_SERIES_SELF_RATING)
        {
          tick->value = i + 1;
          tick->label = g_strdup_printf ("%u", i + 1);
        }
      else
        {
          tick->value = i * 25;
          /* Translators: a percentage on a chart's axis, e.g. "75 %" */
          tick->label = g_strdup_printf (C_("chart value axis", "%u %%"), i * 25);
        }
    }

  return axis;
}
