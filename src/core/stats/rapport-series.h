/* rapport-series.h: one skill's values over time, for the Progress view
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_SERIES_DAY ((gint64) 24 * 60 * 60)

/* The ranges the Progress view offers.  Each ends with today (local time)
 * and starts at a local midnight; see rapport_series_range_get_bounds().
 */
typedef enum
{
  RAPPORT_SERIES_RANGE_30_DAYS,
  RAPPORT_SERIES_RANGE_90_DAYS,
  RAPPORT_SERIES_RANGE_YEAR,
  RAPPORT_SERIES_RANGE_ALL,
} RapportSeriesRange;

/* One value and where it came from. */
typedef struct
{
  gint64      time;        /* unix seconds (UTC) */
  double      value;       /* self-rating 1..5, or quiz score 0..100 (percent) */
  const char *entry_uuid;  /* self-ratings: the journal entry; NULL for quiz scores */
  gint64      attempt_id;  /* quiz scores: the attempt; 0 for self-ratings */
} RapportSeriesPoint;

/* Reference-counted and, once built, never changed while anything but its
 * list holds it (see rapport_series_list_reload()), so a downsampled copy or
 * a trend can share its strings and a chart can hold it across redraws.
 * Points are in time order.
 */
typedef struct _RapportSeries RapportSeries;

#define RAPPORT_TYPE_SERIES (rapport_series_get_type ())

GType                     rapport_series_get_type        (void) G_GNUC_CONST;

RapportSeries            *rapport_series_new             (const char          *skill_key,
                                                          RapportStoreSeries   kind);
RapportSeries            *rapport_series_ref             (RapportSeries       *self);
void                      rapport_series_unref           (RapportSeries       *self);

/* While building only: @time must not be before the last point's. */
void                      rapport_series_append          (RapportSeries       *self,
                                                          gint64               time,
                                                          double               value,
                                                          const char          *entry_uuid,
                                                          gint64               attempt_id);

const char               *rapport_series_get_skill_key   (RapportSeries       *self);
RapportStoreSeries        rapport_series_get_kind        (RapportSeries       *self);
/* 0 for recorded values; the window for rapport_series_moving_average()'s. */
gint64                    rapport_series_get_trend_window (RapportSeries      *self);
guint                     rapport_series_get_n_points    (RapportSeries       *self);
const RapportSeriesPoint *rapport_series_get_points      (RapportSeries       *self,
                                                          guint               *n_points);
const RapportSeriesPoint *rapport_series_get_point       (RapportSeries       *self,
                                                          guint                position);

/* Returns: (element-type RapportSeries): one series per key of @skill_keys
 * (NULL: the ten skills of the course, in course order), with the values in
 * [@from, @to); G_MININT64 and G_MAXINT64 leave a side open.
 */
GPtrArray                *rapport_series_load            (RapportStore        *store,
                                                          const char * const  *skill_keys,
                                                          RapportStoreSeries   kind,
                                                          gint64               from,
                                                          gint64               to,
                                                          GError             **error);
/* Reads the values in [@from, @to) again into the series of @list (from
 * rapport_series_load()), for example after the user saved an entry or
 * picked another range.  A series nothing else holds keeps its memory and is
 * refilled; one still held elsewhere (drop a chart's references first with
 * rapport_chart_remove_all_series()) is replaced in @list by a new one, so
 * no holder ever sees a series change.  On error the series may be partly
 * filled.
 */
gboolean                  rapport_series_list_reload     (GPtrArray           *list,
                                                          RapportStore        *store,
                                                          gint64               from,
                                                          gint64               to,
                                                          GError             **error);
RapportSeries            *rapport_series_list_find       (GPtrArray           *list,
                                                          const char          *skill_key);
/* The earliest point of any series in @list; G_MAXINT64 when all are empty. */
gint64                    rapport_series_list_get_first_time (GPtrArray       *list);

/* [@from, @to) for @range: @to is the next local midnight after @now (in
 * @now's time zone), @from the local midnight 30 or 90 days before, or one
 * calendar year before; for all time, the midnight before @first_time (the
 * earliest value, G_MAXINT64 for none: then 30 days).
 */
void                      rapport_series_range_get_bounds (RapportSeriesRange range,
                                                           GDateTime         *now,
                                                           gint64             first_time,
                                                           gint64            *from,
                                                           gint64            *to);

/* The trend's window for a chart spanning @span seconds: 7 days up to 91
 * days (the 30- and 90-day ranges, with a daylight-saving hour to spare),
 * 30 days beyond (a year, all time), so the trend follows weeks in a short
 * range and months in a long one.
 */
gint64                    rapport_series_trend_window_for_span (gint64 span);

/* At most two points per pixel column for a chart of @width columns showing
 * [@from, @to): the lowest and highest value of each column, in time order
 * (one point if they are the same).  The first and last points in the range
 * are always kept: in their columns each stands in for one extreme and the
 * other kept point is the extreme farther from it.  Points outside the range
 * are dropped.  Sources are kept.  O(n).
 */
RapportSeries            *rapport_series_downsample      (RapportSeries       *self,
                                                          gint64               from,
                                                          gint64               to,
                                                          guint                width);

/* The trend: for each point, the mean of the values within @window / 2
 * seconds before and after it (a centred window).  At the ends the window is
 * cut off, not padded, so it averages only what was recorded; a point with no
 * neighbours in its window keeps its own value.  Times and sources are the
 * original's.  O(n).
 */
RapportSeries            *rapport_series_moving_average  (RapportSeries       *self,
                                                          gint64               window);

/* The trend as a chart @width columns wide showing [@from, @to) needs it:
 * when the series has no more points in the range than there are columns,
 * rapport_series_moving_average() at each of them; otherwise the same mean
 * taken once at the middle of each column that has values within @window / 2
 * (so at most one point per column, and no source: a sample of the trend is
 * no one entry).  O(n + width), without a full-length copy.
 */
RapportSeries            *rapport_series_trend_for_width (RapportSeries       *self,
                                                          gint64               window,
                                                          gint64               from,
                                                          gint64               to,
                                                          guint                width);

/* Fewer values than this in a chart's range are drawn and read out as they
 * are: a trend of two or three values only blurs them (ratings of 3 then 4
 * a day apart would be a flat line at 3.5).
 */
#define RAPPORT_SERIES_MIN_POINTS_TO_SMOOTH 5

/* Whether a trend with @window tells more than the values of @self in
 * [@from, @to) do: there are at least RAPPORT_SERIES_MIN_POINTS_TO_SMOOTH
 * of them, spanning at least @window (values all within one window would
 * average to one flat line, whatever they did).
 */
gboolean                  rapport_series_can_smooth      (RapportSeries       *self,
                                                          gint64               window,
                                                          gint64               from,
                                                          gint64               to);

/* The line a chart @width columns wide draws for @self over [@from, @to):
 * when rapport_series_can_smooth(), rapport_series_trend_for_width() with
 * its ends at the first and last value (the trend there, as
 * rapport_series_get_change() reads it, so the line and the words agree);
 * otherwise the values in range as they are, with their sources, and a
 * trend window of 0.
 */
RapportSeries            *rapport_series_line_for_width  (RapportSeries       *self,
                                                          gint64               window,
                                                          gint64               from,
                                                          gint64               to,
                                                          guint                width);

typedef enum
{
  RAPPORT_SERIES_STAYED,
  RAPPORT_SERIES_ROSE,
  RAPPORT_SERIES_FELL,
} RapportSeriesDirection;

/* Which way @start to @end goes as a person reads them: self-ratings to one
 * decimal, quiz scores to whole percent, so "rose from 3.0 to 3.0" never
 * happens.
 */
RapportSeriesDirection    rapport_series_direction       (RapportStoreSeries   kind,
                                                          double               start,
                                                          double               end);

/* What a series did over a chart's range, as its description says it. */
typedef struct
{
  guint                   n_values;    /* in the range */
  gboolean                smoothed;    /* start and end are the trend's, else the values' */
  gint64                  start_time;  /* of the first and last value in the range */
  gint64                  end_time;
  double                  start;
  double                  end;
  RapportSeriesDirection  direction;
} RapportSeriesChange;

/* The values of @self in [@from, @to) from first to last: the trend with
 * @window at both (the mean within @window / 2, as
 * rapport_series_moving_average() takes it) when rapport_series_can_smooth(),
 * else the first and last value.  FALSE when the range has no value.
 */
gboolean                  rapport_series_get_change      (RapportSeries       *self,
                                                          gint64               window,
                                                          gint64               from,
                                                          gint64               to,
                                                          RapportSeriesChange *change);

/* The value "as of" @time: the mean of the values in (@time − @window,
 * @time], or if there are none, the last value before that.  FALSE when the
 * series has no value at or before @time.
 */
gboolean                  rapport_series_value_at        (RapportSeries       *self,
                                                          gint64               time,
                                                          gint64               window,
                                                          double              *value);

/* 0..1 on the chart's axis: self-ratings (value − 1) / 4, scores value / 100. */
double                    rapport_series_normalise       (RapportStoreSeries   kind,
                                                          double               value);

/* RFC 4180 CSV of the series in @list, in order: a header row, then one row
 * per point: time (ISO 8601, UTC), skill key, skill title (translated),
 * series ("self-rating", "quiz-score", or either with "-trend"), value,
 * entry uuid, attempt id.  Lines end in CRLF; numbers use a full stop.
 */
char                     *rapport_series_to_csv          (GPtrArray           *list,
                                                          gsize               *length);
/* Written to a temporary file (mode 0600) beside @path, then renamed over it. */
gboolean                  rapport_series_export_csv      (GPtrArray           *list,
                                                          const char          *path,
                                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportSeries, rapport_series_unref)

G_END_DECLS
