/* rapport-chart-private.h: what the chart's files share: the chart's
 * fields, its lines, the mapping onto the plot and the drawing helpers
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-chart-render.h"

G_BEGIN_DECLS

#define LABEL_GAP      6     /* between a label and the plot */
#define POINT_SIZE     2     /* raw self-ratings, in pixels */
#define QUIZ_RADIUS    3.5
#define TREND_WIDTH    2.0
#define QUIZ_WIDTH     1.5
#define LONE_RADIUS    3.5   /* a trend value with no neighbour within the window */
#define GRID_ALPHA     0.12
#define LABEL_ALPHA    0.7
#define POINT_ALPHA    0.3
#define QUIZ_ALPHA     0.8
#define LAYER_PAD      3     /* room for points on the plot's edges */
#define DASH_ON        4     /* quiz trends: pixels drawn, then skipped */
#define DASH_PERIOD    7

typedef struct
{
  /* owned */
  RapportSeries     *series;
  RapportSeries     *shown;          /* downsampled for shown_columns */
  RapportSeries     *shown_trend;    /* sampled for shown_columns */

  RapportChartColor  color;
  gboolean           visible;
} Line;

struct _RapportChart
{
  /* owned */
  GPtrArray             *lines;      /* of Line */
  GTimeZone             *tz;

  cairo_surface_t       *layer;      /* the data, for pixel targets */
  double                *column_low; /* scratch, one per layer column */
  double                *column_high;
  double                *column_slope;

  gint64                 from;
  gint64                 to;
  gint64                 window;     /* of the trends */
  RapportChartColor      foreground;
  cairo_rectangle_int_t  plot;
  guint                  shown_columns;
  int                    scale;
};

typedef struct
{
  double x0, y0;     /* plot origin (left, top) */
  double width, height;
  double x_scale;    /* pixels per second */
  gint64 from;
} Mapping;

static inline double
map_x (const Mapping *m,
       gint64         time)
{
  return m->x0 + (double) (time - m->from) * m->x_scale;
}

static inline double
map_y (const Mapping      *m,
       RapportStoreSeries  kind,
       double              value)
{
  return m->y0 + m->height * (1.0 - rapport_series_normalise (kind, value));
}

/* The points of @series where @m puts them, one at a time:
 *
 *   PlotWalk w = plot_walk (series, m);
 *
 *   while (plot_walk_next (&w))
 *     draw point w.i of w.points at (w.x, w.y);
 */
typedef struct
{
  const Mapping            *m;
  const RapportSeriesPoint *points;
  guint                     n;
  RapportStoreSeries        kind;
  guint                     i;
  guint                     next;
  double                    x;
  double                    y;
} PlotWalk;

static inline PlotWalk
plot_walk (RapportSeries *series,
           const Mapping *m)
{
  PlotWalk w = { m, NULL, 0, rapport_series_get_kind (series), 0, 0, 0, 0 };

  w.points = rapport_series_get_points (series, &w.n);

  return w;
}

static inline gboolean
plot_walk_next (PlotWalk *w)
{
  if (w->next >= w->n)
    return FALSE;

  w->i = w->next++;
  w->x = map_x (w->m, w->points[w->i].time);
  w->y = map_y (w->m, w->kind, w->points[w->i].value);

  return TRUE;
}

/* Where the walk is on a trend: a gap longer than @window has no trend, so
 * the line stops there and starts again; a value with no neighbour within
 * the window is alone, and drawn as a dot.
 */
typedef enum
{
  TREND_START,
  TREND_ALONG,
  TREND_ALONE,
} TrendStep;

static inline TrendStep
plot_walk_trend_step (const PlotWalk *w,
                      gint64          window)
{
  const RapportSeriesPoint *points = w->points;
  guint i = w->i;

  if (i > 0 && points[i].time - points[i - 1].time <= window)
    return TREND_ALONG;
  if (i + 1 == w->n || points[i + 1].time - points[i].time > window)
    return TREND_ALONE;

  return TREND_START;
}

/* @color at @alpha (times its own) as the source of @cr. */
void         rapport_chart_set_color     (cairo_t                 *cr,
                                          const RapportChartColor *color,
                                          double                   alpha);
void         rapport_chart_label_size    (PangoLayout             *layout,
                                          const char              *text,
                                          int                     *width,
                                          int                     *height);
/* @text with its top left at (@x, @y), rounded to whole units. */
void         rapport_chart_show_label    (cairo_t                 *cr,
                                          PangoLayout             *layout,
                                          const char              *text,
                                          double                   x,
                                          double                   y);
/* A layout for labels: @context's (a widget's font), or with NULL one for
 * @cr in "Sans 9".
 */
PangoLayout *rapport_chart_create_layout (cairo_t                 *cr,
                                          PangoContext            *context);

/* The visible lines in the order they are drawn: every line's points, then
 * every line's trend.  Start with *@step at 0:
 *
 *   for (guint step = 0; rapport_chart_next_line (self, &step, &line, &trend);)
 */
gboolean     rapport_chart_next_line     (RapportChart            *self,
                                          guint                   *step,
                                          Line                   **line,
                                          gboolean                *trend);

/* Pixel targets: the data of the visible lines, drawn by the chart's own
 * rasteriser into its layer, then painted onto @cr at the plot
 * (rapport-chart-raster.c).
 */
void         rapport_chart_raster_data   (RapportChart            *self,
                                          cairo_t                 *cr,
                                          const Mapping           *m);

G_END_DECLS
