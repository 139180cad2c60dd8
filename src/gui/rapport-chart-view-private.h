/* rapport-chart-view-private.h: what the chart widget's two files share
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-chart-view.h"

G_BEGIN_DECLS

/* A point of a line as last drawn: the line's index (that of its series)
 * and the point's position in the line's shown (downsampled) values.
 */
typedef struct
{
  int   line;       /* -1: none */
  guint position;
} RapportChartMark;

struct _RapportChartView
{
  GtkWidget                  parent_instance;

  /* owned */
  RapportChart              *chart;
  GPtrArray                 *series;         /* of RapportSeries */
  GHashTable                *hidden_skills;  /* skill keys */
  char                      *description;
  char                      *tip;            /* markup of the values the tip shows */
  char                      *tip_text;       /* the same, plain, for screen readers */
  GArray                    *tip_marks;      /* of RapportChartMark: the values it lists */

  /* borrowed, with the series */
  RapportChartViewTitleFunc  title_func;     /* the titles of entries */
  gpointer                   title_data;

  /* state */
  gint64                     from;
  gint64                     to;
  gboolean                   dark;
  gboolean                   focused;        /* the keyboard focus is in the chart */
  RapportChartMark           focus;          /* moved with the keyboard */
  RapportChartMark           hover;          /* nearest to the pointer */
  double                     hover_x;        /* where the pointer is */
  double                     hover_y;
};

/* rapport-chart-view.c */
gboolean                  rapport_chart_view_series_visible (RapportChartView       *self,
                                                             RapportSeries          *series);
/* Tells screen readers the focused value, or else the trend. */
void                      rapport_chart_view_announce       (RapportChartView       *self);
/* Emits "point-activated" for the value at @mark, if any. */
void                      rapport_chart_view_activate_mark  (RapportChartView       *self,
                                                             const RapportChartMark *mark);

/* rapport-chart-view-focus.c */
void                      rapport_chart_view_init_input     (RapportChartView       *self);
/* The value at @mark as last drawn, or NULL. */
const RapportSeriesPoint *rapport_chart_view_mark_point     (RapportChartView       *self,
                                                             const RapportChartMark *mark);
/* The mark the tip is for: the hovered one, else the focused one; NULL for none. */
const RapportChartMark   *rapport_chart_view_tip_mark       (RapportChartView       *self);
/* The values the tip lists: all those under the pointer, or the focused
 * one and any drawn on the same spot; then words for them, and a redraw.
 */
void                      rapport_chart_view_update_tip     (RapportChartView       *self);
/* Forgets the focused and hovered values, as new data come. */
void                      rapport_chart_view_clear_marks    (RapportChartView       *self);

G_END_DECLS
