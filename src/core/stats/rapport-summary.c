/* rapport-summary.c: the Progress view's summary cards: streak, most improved skill, counts
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "rapport-summary.h"
#include "rapport-skill.h"

/* Streak */

/* Days since 1970-01-01 in @tz's calendar. */
static gint64
local_day (GTimeZone *tz,
           gint64     time)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, time);
  gint64 local = time + (interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0);

  /* Floor division, for times before 1970. */
  return local >= 0 ? local / RAPPORT_SERIES_DAY
                    : -((-local + RAPPORT_SERIES_DAY - 1) / RAPPORT_SERIES_DAY);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  gint64 ta = *(const gint64 *) a;
  gint64 tb = *(const gint64 *) b;

  return ta > tb ? -1 : ta < tb ? 1 : 0;
}

guint
rapport_summary_count_streak (const gint64 *times,
                               guint         n_times,
                               GDateTime    *now)
{
  g_autofree gint64 *sorted = NULL;
  GTimeZone *tz;
  gint64 today, expected = 0;
  gboolean started = FALSE;
  guint count = 0;

  g_return_val_if_fail (times != NULL || n_times == 0, 0);
  g_return_val_if_fail (now != NULL, 0);

  if (n_times == 0)
    return 0;

  tz = g_date_time_get_timezone (now);
  today = local_day (tz, g_date_time_to_unix (now));

  sorted = g_memdup2 (times, n_times * sizeof (gint64));
  qsort (sorted, n_times, sizeof (gint64), compare_newest_first);

  for (guint i = 0; i < n_times; i++)
    {
      gint64 day = local_day (tz, sorted[i]);

      if (day > today)
        continue;

      if (!started)
        {
          if (day < today - 1)
            return 0;
          started = TRUE;
          expected = day;
        }

      if (day == expected)
        {
          count++;
          expected--;
        }
      else if (day < expected)
        break;
    }

  return count;
}

char *
rapport_summary_format_streak (guint days)
{
  /* Translators: the journal streak, on a card in the Progress view */
  return g_strdup_printf (ngettext ("%u day", "%u days", days), days);
}

/* Most improved */

static gboolean
trend_change (RapportSeries      *series,
              gint64              window,
              RapportImprovement *improvement)
{
  g_autoptr(RapportSeries) trend = NULL;
  const RapportSeriesPoint *points;
  double scale;
  guint n;

  if (series == NULL)
    return FALSE;

  /* The chart's rule, so the card never names a skill the chart draws as
   * values rather than a trend.
   */
  if (!rapport_series_can_smooth (series, window, G_MININT64, G_MAXINT64))
    return FALSE;

  trend = rapport_series_moving_average (series, window);
  points = rapport_series_get_points (trend, &n);

  improvement->skill_key = rapport_series_get_skill_key (series);
  improvement->kind = rapport_series_get_kind (series);
  improvement->start = points[0].value;
  improvement->end = points[n - 1].value;
  scale = improvement->kind == RAPPORT_STORE_SERIES_SELF_RATING ? 4.0 : 100.0;
  improvement->change = (improvement->end - improvement->start) / scale;

  return TRUE;
}

gboolean
rapport_summary_find_most_improved (GPtrArray          *ratings,
                                     GPtrArray          *quiz_scores,
                                     gint64              window,
                                     RapportImprovement *improvement)
{
  RapportImprovement best = { NULL };
  gboolean found = FALSE;

  g_return_val_if_fail (window > 0, FALSE);

  for (guint i = 0; i < rapport_skill_get_count (); i++)
    {
      const char *key = rapport_skill_get_nth (i)->key;
      RapportImprovement candidate = { NULL };

      if (!trend_change (rapport_series_list_find (ratings, key), window, &candidate)
          && !trend_change (rapport_series_list_find (quiz_scores, key), window, &candidate))
        continue;

      if (candidate.change > 0 && (!found || candidate.change > best.change))
        {
          best = candidate;
          found = TRUE;
        }
    }

  if (found && improvement != NULL)
    *improvement = best;

  return found;
}

/* Summary */

gboolean
rapport_summary_load (RapportSummary  *summary,
                               RapportStore            *store,
                               GPtrArray               *ratings,
                               GPtrArray               *quiz_scores,
                               gint64                   from,
                               gint64                   to,
                               GDateTime               *now,
                               GError                 **error)
{
  g_autoptr(GDateTime) from_time = NULL;
  g_autoptr(GDateTime) to_time = NULL;
  g_autoptr(GArray) times = NULL;
  RapportSummary result = { 0 };

  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (from < to, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  from_time = g_date_time_new_from_unix_utc (from);
  to_time = g_date_time_new_from_unix_utc (to);

  if (!rapport_store_count_activity (store, from_time, to_time, &result.lessons_completed,
                                     &result.quizzes_passed, error))
    return FALSE;

  times = rapport_store_list_journal_times (store, NULL, NULL, error);
  if (times == NULL)
    return FALSE;

  result.journal_streak = rapport_summary_count_streak ((const gint64 *) (gpointer) times->data,
                                                         times->len, now);
  result.has_most_improved =
    rapport_summary_find_most_improved (ratings, quiz_scores,
                                         rapport_series_trend_window_for_span (to - from),
                                         &result.most_improved);

  *summary = result;

  return TRUE;
}

