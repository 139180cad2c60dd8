/* rapport-progress.h: what the Progress view says about the series
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rapport-series.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* Calibration: does the learner's self-rating match their quiz scores?
 *
 * A rating r (1..5) is put on the quiz's scale as (r − 1) × 25 (1 → 0 %,
 * 3 → 50 %, 5 → 100 %).  When both are known and they differ by at least
 * RAPPORT_CALIBRATION_GAP percentage points, the skill gets a sentence;
 * otherwise (they agree, or either is missing) it gets none.
 */
#define RAPPORT_CALIBRATION_GAP 30.0

typedef enum
{
  RAPPORT_CALIBRATION_MISSING,     /* no self-rating, or no quiz score */
  RAPPORT_CALIBRATION_AGREE,
  RAPPORT_CALIBRATION_OVERRATES,   /* rates themself ≥ GAP above their scores */
  RAPPORT_CALIBRATION_UNDERRATES,  /* scores ≥ GAP above their rating */
} RapportCalibrationVerdict;

typedef enum
{
  RAPPORT_CALIBRATION_LATEST,      /* the newest rating against the newest score */
  RAPPORT_CALIBRATION_AVERAGE,     /* the mean rating against the mean score */
} RapportCalibrationMode;

typedef struct
{
  char                      *skill_key;
  double                     rating;          /* 1..5; 0: not rated */
  double                     rating_percent;  /* (rating − 1) × 25; -1: not rated */
  double                     quiz_percent;    /* 0..100; -1: no quiz */
  RapportCalibrationVerdict  verdict;
  char                      *sentence;        /* translated; NULL unless they disagree */
} RapportCalibration;

double              rapport_calibration_rating_to_percent (double rating);

/* @rating 0 and @quiz_percent below 0 mean "none". */
RapportCalibration *rapport_calibration_new        (const char             *skill_key,
                                                    double                  rating,
                                                    double                  quiz_percent);
void                rapport_calibration_free       (RapportCalibration     *calibration);

/* Returns: (element-type RapportCalibration): the ten skills in course order,
 * from the series in @ratings and @quiz_scores (either may lack a skill).
 */
GPtrArray          *rapport_calibration_list_new   (GPtrArray              *ratings,
                                                    GPtrArray              *quiz_scores,
                                                    RapportCalibrationMode  mode);

/* The journal streak: how many consecutive local days, counting back from
 * today (in @now's time zone), have at least one entry.  Today without an
 * entry yet does not break it (the day is not over): then the count starts
 * at yesterday.  Days are calendar days, so a daylight-saving change (a day
 * of 23 or 25 hours) neither breaks nor doubles one.  @times in any order;
 * times after today are ignored.
 */
guint               rapport_progress_count_streak  (const gint64           *times,
                                                    guint                   n_times,
                                                    GDateTime              *now);

/* "%u day" / "%u days", for the streak card. */
char               *rapport_progress_format_streak (guint                   days);

/* The skill that improved most: for each skill, its self-rating trend
 * (rapport_series_moving_average() with @window) at its first and last
 * point; a skill with too few self-ratings uses its quiz scores instead.
 * "Too few" is fewer than RAPPORT_PROGRESS_MIN_TREND_POINTS values, or values
 * spanning less than @window.  Changes are compared on the 0..1 scale of
 * rapport_series_normalise(), so a rating point counts as 25 quiz points.
 */
#define RAPPORT_PROGRESS_MIN_TREND_POINTS 5

typedef struct
{
  const char         *skill_key;   /* borrowed from the series */
  RapportStoreSeries  kind;        /* the series the trend came from */
  double              start;       /* the trend at the first point, in the series' units */
  double              end;         /* and at the last */
  double              change;      /* end − start, normalised: 0.25 = one rating point */
} RapportImprovement;

/* FALSE when no skill has enough data or none improved (change ≤ 0); ties
 * go to the skill the course teaches first.
 */
gboolean            rapport_progress_find_most_improved (GPtrArray          *ratings,
                                                         GPtrArray          *quiz_scores,
                                                         gint64              window,
                                                         RapportImprovement *improvement);

/* The summary cards, for [@from, @to): lessons completed and quizzes passed
 * in the range (rapport_store_count_activity()), the journal streak as of
 * @now, and the most improved skill from @ratings and @quiz_scores (the
 * range's series), with the range's trend window.
 */
typedef struct
{
  guint               lessons_completed;
  guint               quizzes_passed;
  guint               journal_streak;
  gboolean            has_most_improved;
  RapportImprovement  most_improved;   /* its skill_key borrows from the series */
} RapportProgressSummary;

gboolean            rapport_progress_summary_load  (RapportProgressSummary *summary,
                                                    RapportStore           *store,
                                                    GPtrArray              *ratings,
                                                    GPtrArray              *quiz_scores,
                                                    gint64                  from,
                                                    gint64                  to,
                                                    GDateTime              *now,
                                                    GError                **error);

/* The skill profile (radar chart): each skill's level "now" and at an
 * earlier date, 0..1, or -1 without data.
 *
 * A skill's level at time T is its self-rating as of T
 * (rapport_series_value_at() with RAPPORT_PROGRESS_RADAR_WINDOW: the mean of
 * the last 30 days' ratings, or the last rating before them), normalised
 * (r − 1) / 4.  A skill never rated by T uses its quiz scores the same way,
 * normalised score / 100: self-ratings come first because every journal
 * entry rates skills, while quizzes are rarer and test one topic.
 */
#define RAPPORT_PROGRESS_RADAR_WINDOW (30 * RAPPORT_SERIES_DAY)

typedef struct
{
  const char         *skill_key;   /* static, from rapport_skill_get_nth() */
  double              now;
  double              then;
  RapportStoreSeries  now_kind;    /* where each value came from */
  RapportStoreSeries  then_kind;
} RapportRadarValue;

/* Returns: (element-type RapportRadarValue): the ten skills in course order.
 * @ratings and @quiz_scores should reach back to the start (all time).
 */
GArray             *rapport_progress_compute_radar (GPtrArray              *ratings,
                                                    GPtrArray              *quiz_scores,
                                                    gint64                  then,
                                                    gint64                  now);

/* The radar in words, for screen readers: "Compared with 23 August 2026,
 * Empathy rose from 2 to 4; Assertiveness fell from 4 to 3. 6 other skills
 * stayed the same. 2 skills are not rated yet."  @then: the earlier date.
 */
char               *rapport_progress_describe_radar       (GArray                  *values,
                                                           GDateTime               *then);
/* One spoke: "Empathy: 4 now, 2 on 23 August 2026". */
char               *rapport_progress_describe_radar_value (const RapportRadarValue *value,
                                                           GDateTime               *then);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCalibration, rapport_calibration_free)

G_END_DECLS
