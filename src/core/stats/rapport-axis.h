/* rapport-axis.h: tick positions and labels for the Progress view's charts
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rapport-store.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_AXIS_UNIT_HOUR,
  RAPPORT_AXIS_UNIT_DAY,
  RAPPORT_AXIS_UNIT_WEEK,          /* Mondays (ISO 8601) */
  RAPPORT_AXIS_UNIT_MONTH,         /* the first of the month */
  RAPPORT_AXIS_UNIT_YEAR,          /* the first of January */
  RAPPORT_AXIS_UNIT_VALUE,         /* a value axis */
} RapportAxisUnit;

typedef struct
{
  double  position;                /* 0..1 from the axis' start (left, or bottom) */
  gint64  time;                    /* time axes: unix seconds; value axes: 0 */
  double  value;                   /* value axes: the value; time axes: 0 */
  char   *label;                   /* translated, in the user's locale */
} RapportAxisTick;

typedef struct
{
  RapportAxisUnit  unit;
  guint            step;           /* every @step units, e.g. 3 for every third month */
  guint            n_ticks;
  RapportAxisTick *ticks;          /* in order along the axis */
} RapportAxis;

/* The ticks between @from and @to (both included) at local midnights, the
 * first of months and so on in @tz (NULL: local).  The unit and step are the
 * coarsest of 1–12 hours, 1–4 days, 1–2 weeks, 1–6 months or 1–100 years that
 * gives 4 to 8 ticks; if none does, the one nearest to that (more ticks on a
 * tie).  Steps count from fixed origins (the hour 0, day 0 of the Julian
 * calendar, week 0, January, year 0), so scrolling a chart does not shift
 * its ticks.
 */
RapportAxis *rapport_axis_new_for_time   (gint64              from,
                                          gint64              to,
                                          GTimeZone          *tz);

/* The time axis of a chart showing [@from, @to), as the Progress view's
 * ranges are (they end at the next midnight after today): like
 * rapport_axis_new_for_time() but without a tick at @to, so no label names
 * a day after the last one shown, and with hour ticks (a range of one day)
 * naming the day at its midnight rather than saying "00:00".
 */
RapportAxis *rapport_axis_new_for_range  (gint64              from,
                                          gint64              to,
                                          GTimeZone          *tz);

/* Self-ratings: 1 to 5, each labelled; quiz scores: 0 to 100 % every 25. */
RapportAxis *rapport_axis_new_for_values (RapportStoreSeries  kind);

void         rapport_axis_free           (RapportAxis        *axis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportAxis, rapport_axis_free)

G_END_DECLS
