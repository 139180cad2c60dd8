/* rapport-calibration.h: does the learner's self-rating match their quiz scores?
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

/* "4" for a whole rating, "4.3" (in the user's locale) for a mean. */
char               *rapport_calibration_format_rating (double rating);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCalibration, rapport_calibration_free)

G_END_DECLS
