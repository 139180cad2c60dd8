/* rapport-summary.h: the Progress view's summary cards
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rapport-series.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* The journal streak: how many consecutive local days, counting back from
 * today (in @now's time zone), have at least one entry.  Today without an
 * entry yet does not break it (the day is not over): then the count starts
 * at yesterday.  Days are calendar days, so a daylight-saving change (a day
 * of 23 or 25 hours) neither breaks nor doubles one.  @times in any order;
 * times after today are ignored.
 */
guint               rapport_summary_count_streak  (const gint64           *times,
                                                    guint                   n_times,
                                                    GDateTime              *now);

/* "%u day" / "%u days", for the streak card. */
char               *rapport_summary_format_streak (guint                   days);

/* The skill that improved most: for each skill, its self-rating trend
 * (rapport_series_moving_average() with @window) at its first and last
 * point; a skill with too few self-ratings uses its quiz scores instead.
 * "Too few" is fewer than RAPPORT_SUMMARY_MIN_TREND_POINTS values, or values
 * spanning less than @window.  Changes are compared on the 0..1 scale of
 * rapport_series_normalise(), so a rating point counts as 25 quiz points.
 */
#define RAPPORT_SUMMARY_MIN_TREND_POINTS RAPPORT_SERIES_MIN_POINTS_TO_SMOOTH

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
gboolean            rapport_summary_find_most_improved (GPtrArray          *ratings,
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
} RapportSummary;

gboolean            rapport_summary_load  (RapportSummary *summary,
                                                    RapportStore           *store,
                                                    GPtrArray              *ratings,
                                                    GPtrArray              *quiz_scores,
                                                    gint64                  from,
                                                    gint64                  to,
                                                    GDateTime              *now,
                                                    GError                **error);

G_END_DECLS
