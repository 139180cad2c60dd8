/* rapport-progress.c: what the Progress view says about the series
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "rapport-progress.h"
#include "rapport-skill.h"

/* Calibration */

double
rapport_calibration_rating_to_percent (double rating)
{
  return (rating - 1.0) * 25.0;
}

static const char *
skill_title (const char *key)
{
  const RapportSkill *skill = rapport_skill_lookup (key);

  return skill != NULL ? _(skill->title) : key;
}

/* "4" for a whole rating, "4.3" (in the user's locale) for a mean. */
static char *
format_rating (double rating)
{
  double tenths = round (rating * 10.0) / 10.0;

  if (tenths == floor (tenths))
    return g_strdup_printf ("%d", (int) tenths);

  return g_strdup_printf ("%.1f", tenths);
}

RapportCalibration *
rapport_calibration_new (const char *skill_key,
                         double      rating,
                         double      quiz_percent)
{
  RapportCalibration *calibration;
  g_autofree char *rating_text = NULL;
  double gap;
  int score;

  g_return_val_if_fail (skill_key != NULL, NULL);
  g_return_val_if_fail (rating == 0 || (rating >= 1 && rating <= 5), NULL);
  g_return_val_if_fail (quiz_percent <= 100, NULL);

  calibration = g_new0 (RapportCalibration, 1);
  calibration->skill_key = g_strdup (skill_key);
  calibration->rating = rating;
  calibration->rating_percent = rating > 0 ? rapport_calibration_rating_to_percent (rating) : -1;
  calibration->quiz_percent = quiz_percent >= 0 ? quiz_percent : -1;

  if (rating == 0 || quiz_percent < 0)
    {
      calibration->verdict = RAPPORT_CALIBRATION_MISSING;
      return calibration;
    }

  gap = calibration->rating_percent - calibration->quiz_percent;
  if (fabs (gap) < RAPPORT_CALIBRATION_GAP)
    {
      calibration->verdict = RAPPORT_CALIBRATION_AGREE;
      return calibration;
    }

  rating_text = format_rating (rating);
  score = (int) round (quiz_percent);

  if (gap > 0)
    {
      calibration->verdict = RAPPORT_CALIBRATION_OVERRATES;
      /* Translators: %1$s is a skill, %2$s a self-rating out of 5 (e.g. "5"
       * or "4.5"), %3$d a quiz score in percent.  E.g. "You rate your Active
       * Listening 5/5 but score 55 % in its quiz." */
      calibration->sentence = g_strdup_printf (_("You rate your %1$s %2$s/5 but score %3$d %% "
                                                 "in its quiz."),
                                               skill_title (skill_key), rating_text, score);
    }
  else
    {
      calibration->verdict = RAPPORT_CALIBRATION_UNDERRATES;
      /* Translators: %1$d is a quiz score in percent, %2$s a skill, %3$s a
       * self-rating out of 5.  E.g. "You score 92 % in Empathy quizzes but
       * rate yourself 2/5: you may be better than you think." */
      calibration->sentence = g_strdup_printf (_("You score %1$d %% in %2$s quizzes but rate "
                                                 "yourself %3$s/5: you may be better than you "
                                                 "think."),
                                               score, skill_title (skill_key), rating_text);
    }

  return calibration;
}

void
rapport_calibration_free (RapportCalibration *calibration)
{
  if (calibration == NULL)
    return;

  g_free (calibration->skill_key);
  g_free (calibration->sentence);
  g_free (calibration);
}

static gboolean
calibration_value (RapportSeries          *series,
                   RapportCalibrationMode  mode,
                   double                 *value)
{
  const RapportSeriesPoint *points;
  double sum = 0;
  guint n;

  if (series == NULL)
    return FALSE;

  points = rapport_series_get_points (series, &n);
  if (n == 0)
    return FALSE;

  if (mode == RAPPORT_CALIBRATION_LATEST)
    {
      *value = points[n - 1].value;
      return TRUE;
    }

  for (guint i = 0; i < n; i++)
    sum += points[i].value;
  *value = sum / n;

  return TRUE;
}

GPtrArray *
rapport_calibration_list_new (GPtrArray              *ratings,
                              GPtrArray              *quiz_scores,
                              RapportCalibrationMode  mode)
{
  GPtrArray *list;

  g_return_val_if_fail (mode <= RAPPORT_CALIBRATION_AVERAGE, NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_calibration_free);

  for (guint i = 0; i < rapport_skill_get_count (); i++)
    {
      const char *key = rapport_skill_get_nth (i)->key;
      double rating = 0;
      double score = -1;

      if (!calibration_value (rapport_series_list_find (ratings, key), mode, &rating))
        rating = 0;
      if (!calibration_value (rapport_series_list_find (quiz_scores, key), mode, &score))
        score = -1;

      g_ptr_array_add (list, rapport_calibration_new (key, CLAMP (rating, 0, 5),
                                                      MIN (score, 100)));
    }

  return list;
}

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
rapport_progress_count_streak (const gint64 *times,
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
rapport_progress_format_streak (guint days)
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

  points = rapport_series_get_points (series, &n);
  if (n < RAPPORT_PROGRESS_MIN_TREND_POINTS || points[n - 1].time - points[0].time < window)
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
rapport_progress_find_most_improved (GPtrArray          *ratings,
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
rapport_progress_summary_load (RapportProgressSummary  *summary,
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
  RapportProgressSummary result = { 0 };

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

  result.journal_streak = rapport_progress_count_streak ((const gint64 *) (gpointer) times->data,
                                                         times->len, now);
  result.has_most_improved =
    rapport_progress_find_most_improved (ratings, quiz_scores,
                                         rapport_series_trend_window_for_span (to - from),
                                         &result.most_improved);

  *summary = result;

  return TRUE;
}

/* Radar */

static double
level_at (RapportSeries      *ratings,
          RapportSeries      *quiz_scores,
          gint64              time,
          RapportStoreSeries *kind)
{
  double value;

  if (ratings != NULL
      && rapport_series_value_at (ratings, time, RAPPORT_PROGRESS_RADAR_WINDOW, &value))
    {
      *kind = RAPPORT_STORE_SERIES_SELF_RATING;
      return rapport_series_normalise (*kind, value);
    }

  if (quiz_scores != NULL
      && rapport_series_value_at (quiz_scores, time, RAPPORT_PROGRESS_RADAR_WINDOW, &value))
    {
      *kind = RAPPORT_STORE_SERIES_QUIZ_SCORE;
      return rapport_series_normalise (*kind, value);
    }

  *kind = RAPPORT_STORE_SERIES_SELF_RATING;

  return -1;
}

GArray *
rapport_progress_compute_radar (GPtrArray *ratings,
                                GPtrArray *quiz_scores,
                                gint64     then,
                                gint64     now)
{
  GArray *values;

  g_return_val_if_fail (then <= now, NULL);

  values = g_array_sized_new (FALSE, TRUE, sizeof (RapportRadarValue),
                              rapport_skill_get_count ());

  for (guint i = 0; i < rapport_skill_get_count (); i++)
    {
      RapportRadarValue value = { rapport_skill_get_nth (i)->key };
      RapportSeries *rated = rapport_series_list_find (ratings, value.skill_key);
      RapportSeries *scored = rapport_series_list_find (quiz_scores, value.skill_key);

      value.now = level_at (rated, scored, now, &value.now_kind);
      value.then = level_at (rated, scored, then, &value.then_kind);
      g_array_append_val (values, value);
    }

  return values;
}

/* A radar value in its own units: "4" or "3.5" for a self-rating, "72 %"
 * for a quiz score.
 */
static char *
format_level (double             level,
              RapportStoreSeries kind)
{
  if (kind == RAPPORT_STORE_SERIES_SELF_RATING)
    return format_rating (1.0 + 4.0 * level);

  /* Translators: a quiz score in percent */
  return g_strdup_printf (_("%.0f %%"), 100.0 * level);
}

static char *
format_day (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: the earlier date of the skill profile; see g_date_time_format() */
  return g_date_time_format (local, C_("skill profile", "%-d %B %Y"));
}

char *
rapport_progress_describe_radar_value (const RapportRadarValue *value,
                                       GDateTime               *then)
{
  g_autofree char *day = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *then_text = NULL;
  const char *title;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (then != NULL, NULL);

  title = skill_title (value->skill_key);
  day = format_day (then);
  if (value->now >= 0)
    now_text = format_level (value->now, value->now_kind);
  if (value->then >= 0)
    then_text = format_level (value->then, value->then_kind);

  if (now_text != NULL && then_text != NULL)
    /* Translators: a skill, its level now, a date and its level then */
    return g_strdup_printf (_("%s: %s now, %s on %s"), title, now_text, then_text, day);
  if (now_text != NULL)
    /* Translators: a skill, its level now and a date */
    return g_strdup_printf (_("%s: %s now, not rated by %s"), title, now_text, day);

  /* Translators: a skill */
  return g_strdup_printf (_("%s: not rated yet"), title);
}

char *
rapport_progress_describe_radar (GArray    *values,
                                 GDateTime *then)
{
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *day = NULL;
  guint n_same = 0;
  guint n_unrated = 0;
  GString *text;

  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (then != NULL, NULL);

  day = format_day (then);

  for (guint i = 0; i < values->len; i++)
    {
      const RapportRadarValue *value = &g_array_index (values, RapportRadarValue, i);
      const char *title = skill_title (value->skill_key);
      g_autofree char *now_text = NULL;
      g_autofree char *then_text = NULL;
      g_autofree char *change = NULL;

      if (value->now < 0)
        {
          n_unrated++;
          continue;
        }

      now_text = format_level (value->now, value->now_kind);
      if (value->then < 0)
        /* Translators: a skill and its level, such as "4" or "72 %" */
        change = g_strdup_printf (_("%s is new at %s"), title, now_text);
      else
        {
          then_text = format_level (value->then, value->then_kind);

          /* Compared as they are read out, so "rose from 4 to 4" never happens. */
          if (g_str_equal (now_text, then_text))
            {
              n_same++;
              continue;
            }
          if (value->now > value->then)
            /* Translators: a skill and its two levels, such as "2" and "4" */
            change = g_strdup_printf (_("%s rose from %s to %s"), title, then_text, now_text);
          else
            /* Translators: a skill and its two levels, such as "4" and "3" */
            change = g_strdup_printf (_("%s fell from %s to %s"), title, then_text, now_text);
        }

      if (changes->len > 0)
        g_string_append (changes, _("; "));
      g_string_append (changes, change);
    }

  if (n_unrated == values->len)
    return g_strdup (_("No skill has a self-rating or a quiz score yet."));

  text = g_string_new (NULL);
  if (changes->len > 0)
    /* Translators: a date, then a list of changes such as "Empathy rose from 2 to 4" */
    g_string_printf (text, _("Compared with %s, %s."), day, changes->str);
  else
    /* Translators: a date */
    g_string_printf (text, _("Nothing changed since %s."), day);

  if (n_same > 0 && changes->len > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u other skill stayed the same.",
                                                 "%u other skills stayed the same.", n_same),
                              n_same);
    }
  if (n_unrated > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u skill is not rated yet.",
                                                 "%u skills are not rated yet.", n_unrated),
                              n_unrated);
    }

  return g_string_free (text, FALSE);
}
