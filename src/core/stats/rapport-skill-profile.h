/* rapport-skill-profile.h: the Skill Profile (radar chart)
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rapport-series.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* The skill profile (radar chart): each skill's level "now" and at an
 * earlier date, 0..1, or -1 without data.
 *
 * A skill's level at time T is its self-rating as of T
 * (rapport_series_value_at() with RAPPORT_SKILL_PROFILE_WINDOW: the mean of
 * the last 30 days' ratings, or the last rating before them), normalised
 * (r − 1) / 4.  A skill never rated by T uses its quiz scores the same way,
 * normalised score / 100: self-ratings come first because every journal
 * entry rates skills, while quizzes are rarer and test one topic.
 */
#define RAPPORT_SKILL_PROFILE_WINDOW (30 * RAPPORT_SERIES_DAY)

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
GArray             *rapport_skill_profile_compute (GPtrArray              *ratings,
                                                    GPtrArray              *quiz_scores,
                                                    gint64                  then,
                                                    gint64                  now);

/* The radar in words, for screen readers: "Compared with 23 August 2026,
 * Empathy rose from 2 to 4; Assertiveness fell from 4 to 3. 6 other skills
 * stayed the same. 2 skills are not rated yet."  @then: the earlier date.
 */
char               *rapport_skill_profile_describe       (GArray                  *values,
                                                           GDateTime               *then);
/* One spoke: "Empathy: 4 now, 2 on 23 August 2026". */
char               *rapport_skill_profile_describe_value (const RapportRadarValue *value,
                                                           GDateTime               *then);

G_END_DECLS
