/* rapport-calibration.c: does the learner's self-rating match their quiz scores?
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "rapport-calibration.h"
#include "rapport-skill.h"

double
rapport_calibration_rating_to_percent (double rating)
{
  return (rating - 1.0) * 25.0;
}

/* "4" for a whole rating, "4.3" (in the user's locale) for a mean. */
char *
rapport_calibration_format_rating (double rating)
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

  rating_text = rapport_calibration_format_rating (rating);
  score = (int) round (quiz_percent);

  if (gap > 0)
    {
      calibration->verdict = RAPPORT_CALIBRATION_OVERRATES;
      /* Translators: %1$s is a skill, %2$s a self-rating out of 5 (e.g. "5"
       * or "4.5"), %3$d a quiz score in percent.  E.g. "You rate your Active
       * Listening 5/5 but score 55 % in its quiz." */
      calibration->sentence = g_strdup_printf (_("You rate your %1$s %2$s/5 but score %3$d %% "
                                                 "in its quiz."),
                                               rapport_skill_get_display_title (skill_key), rating_text, score);
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
                                               score, rapport_skill_get_display_title (skill_key), rating_text);
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

