/* rapport-chart-private.h: what the chart's files share: the chart's
 * fields, its lines, the mapping onto the plot and the drawing helpers
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-chart-render.h"

G_BEGIN_DECLS

#define RAPPORT_CHART_LABEL_GAP   6     /* between a label and the plot */
#define RAPPORT_CHART_GRID_ALPHA  0.12
#define RAPPORT_CHART_LABEL_ALPHA 0.7

typedef struct
{
  /* owned */
  RapportSeries     *series;
  RapportSeries     *shown;          /* downsampled for shown_columns */
  RapportSeries     *shown_trend;    /* sampled for shown_columns */

  RapportChartColor  color;
  gboolean           visible;
} RapportChartLine;

/* The panels, one per kind of value, indexed by RapportStoreSeries. */
#define RAPPORT_CHART_N_PANELS 2

struct _RapportChart
{
  /* owned */
  GPtrArray             *lines;      /* of RapportChartLine */
  GTimeZone             *tz;
  RapportAxis           *time_axis;  /* as last drawn */

  cairo_surface_t       *layer;      /* the data, for pixel targets */
  double                *column_low; /* scratch, one per layer column */
  double                *column_high;
  double                *column_slope;

  gint64                 from;
  gint64                 to;
  gint64                 window;     /* of the trends */
  RapportChartColor      foreground;
  cairo_rectangle_int_t  plot;       /* all panels, from the top one's top */
  cairo_rectangle_int_t  panels[RAPPORT_CHART_N_PANELS];  /* height 0: not drawn */
  const char            *titles[RAPPORT_CHART_N_PANELS];  /* static, translated */
  guint                  shown_columns;
  int                    scale;
};

typedef struct
{
  double x0;         /* the plot's left */
  double width;
  double top;        /* the top panel's top */
  double bottom;     /* the bottom panel's bottom */
  double y0[RAPPORT_CHART_N_PANELS];      /* each panel's top ... */
  double height[RAPPORT_CHART_N_PANELS];  /* ... and height, by kind */
  double x_scale;    /* pixels per second */
  gint64 from;
} RapportChartMapping;

/* @color at @alpha (times its own) as the source of @cr. */
void         rapport_chart_set_color     (cairo_t                   *cr,
                                          const RapportChartColor   *color,
                                          double                     alpha);
void         rapport_chart_label_size    (PangoLayout               *layout,
                                          const char                *text,
                                          int                       *width,
                                          int                       *height);
/* @text with its top left at (@x, @y), rounded to whole units. */
void         rapport_chart_show_label    (cairo_t                   *cr,
                                          PangoLayout               *layout,
                                          const char                *text,
                                          double                     x,
                                          double                     y);
/* A layout for labels: @context's (a widget's font), or with NULL one for
 * @cr in "Sans 9".
 */
PangoLayout *rapport_chart_create_layout (cairo_t                   *cr,
                                          PangoContext              *context);

/* The data of the visible lines at the plot: cairo paths on a vector
 * target, else the chart's own rasteriser (rapport-chart-data.c).
 */
void         rapport_chart_draw_data     (RapportChart              *self,
                                          cairo_t                   *cr,
                                          const RapportChartMapping *m);

G_END_DECLS
