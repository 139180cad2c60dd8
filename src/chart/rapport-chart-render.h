/* rapport-chart-render.h: draws the skill-trend chart with cairo
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "rapport-axis.h"
#include "rapport-skill-profile.h"
#include "rapport-series.h"

G_BEGIN_DECLS

/* The layout of GdkRGBA, so a widget can pass its colours as they are. */
typedef struct
{
  float red;
  float green;
  float blue;
  float alpha;
} RapportChartColor;

/* The chart of the Progress view without GTK: the same code draws it in the
 * widget's snapshot (through gtk_snapshot_append_cairo()), into a PNG or SVG
 * surface for export, and in bench/chart.
 *
 * It holds the series it is given and keeps their downsampled points and
 * trends for the last plot width, so a redraw at the same size only draws,
 * and a resize downsamples again without querying the store.
 * Self-ratings and quiz scores never share a scale: each kind shown has a
 * panel of its own with a titled axis ("Self-rating 1–5" above, "Quiz
 * score %" below) over one time axis.  Self-ratings are drawn as faint raw
 * points under a trend line, quiz scores as dots with a dashed trend; a
 * series with too few values for a trend (rapport_series_can_smooth()) is
 * drawn as its values, joined, with a dot at each.
 */
typedef struct _RapportChart RapportChart;

/* The chart shows [@from, @to) with time ticks in @tz (NULL: local). */
RapportChart            *rapport_chart_new                (gint64                   from,
                                                           gint64                   to,
                                                           GTimeZone               *tz);
void                     rapport_chart_free               (RapportChart            *self);

/* A new range for the same chart, e.g. when the user picks another. */
void                     rapport_chart_set_range          (RapportChart            *self,
                                                           gint64                   from,
                                                           gint64                   to);
/* Before giving it the series of a new query. */
void                     rapport_chart_remove_all_series  (RapportChart            *self);

/* Adds a line; it is rapport_series_line_for_width() (the trend, or the
 * values when too few) with the window
 * rapport_series_trend_window_for_span() gives for the range.
 * Returns its index.
 */
guint                    rapport_chart_add_series         (RapportChart            *self,
                                                           RapportSeries           *series,
                                                           const RapportChartColor *color);
guint                    rapport_chart_get_n_series       (RapportChart            *self);
void                     rapport_chart_set_series_visible (RapportChart            *self,
                                                           guint                    index,
                                                           gboolean                 visible);
/* Device pixels per unit, e.g. gtk_widget_get_scale_factor(): pixel targets
 * get a layer that many times finer.  Default: 1.
 */
void                     rapport_chart_set_scale_factor   (RapportChart            *self,
                                                           int                      scale);
/* Text and axes; the grid is drawn in it at low opacity.  Default: black. */
void                     rapport_chart_set_foreground     (RapportChart            *self,
                                                           const RapportChartColor *color);

/* Draws onto @cr at (0, 0), @width × @height user units, without painting a
 * background.  Labels use @context (a widget's, for its font), or with NULL
 * a context for @cr and "Sans 9".
 */
void                     rapport_chart_render             (RapportChart            *self,
                                                           cairo_t                 *cr,
                                                           PangoContext            *context,
                                                           int                      width,
                                                           int                      height);

/* Where the last render put the plot (inside the axes): all panels, from
 * the top of the first to the bottom of the last.
 */
void                     rapport_chart_get_plot_area      (RapportChart            *self,
                                                           cairo_rectangle_int_t   *area);
/* Where the last render put the panel of @kind; FALSE when it drew none. */
gboolean                 rapport_chart_get_panel_area     (RapportChart            *self,
                                                           RapportStoreSeries       kind,
                                                           cairo_rectangle_int_t   *area);
/* The title the last render gave the axis of @kind's panel (translated),
 * or NULL when it drew no such panel.
 */
const char              *rapport_chart_get_axis_title     (RapportChart            *self,
                                                           RapportStoreSeries       kind);
/* The time axis the last render drew (rapport_axis_new_for_range()), or
 * NULL before the first render.
 */
const RapportAxis       *rapport_chart_get_time_axis      (RapportChart            *self);
/* What the last render drew for line @index: its downsampled values (with
 * their sources), or with @trend its line (rapport_series_line_for_width()):
 * a trend, or the values as they are (trend window 0); NULL before the
 * first render.
 */
RapportSeries           *rapport_chart_get_shown          (RapportChart            *self,
                                                           guint                    index,
                                                           gboolean                 trend);

/* Where the last render put @point of line @index, in the user units of
 * the render; FALSE before the first render.
 */
gboolean                 rapport_chart_map_point          (RapportChart            *self,
                                                           guint                    index,
                                                           const RapportSeriesPoint *point,
                                                           double                  *x,
                                                           double                  *y);
/* The shown point of a visible line nearest to (@x, @y) within @radius, by
 * the last render; FALSE when there is none.
 */
gboolean                 rapport_chart_find_point         (RapportChart            *self,
                                                           double                   x,
                                                           double                   y,
                                                           double                   radius,
                                                           guint                   *index,
                                                           guint                   *position);

/* A shown point: the line's index and the point's position in its shown values. */
typedef struct
{
  guint index;
  guint position;
} RapportChartHit;

/* Returns: (element-type RapportChartHit): every shown point of a visible
 * line within @radius of (@x, @y) by the last render, by line and then in
 * time order, e.g. two skills rated the same on the same day.
 */
GArray                  *rapport_chart_find_points        (RapportChart            *self,
                                                           double                   x,
                                                           double                   y,
                                                           double                   radius);

/* A tooltip-like box of @text (Pango markup allowed) beside (@x, @y),
 * kept inside @width × @height: above the point when there is room, else
 * below.  The chart widgets draw it for the focused or hovered value.
 */
void                     rapport_chart_draw_tip           (cairo_t                 *cr,
                                                           PangoLayout             *layout,
                                                           const char              *text,
                                                           double                   x,
                                                           double                   y,
                                                           int                      width,
                                                           int                      height,
                                                           const RapportChartColor *background,
                                                           const RapportChartColor *foreground);

/* The skill profile: a radar of the ten skills, each on a spoke from the
 * centre (level 0, a self-rating of 1) to the rim (level 1, a rating of 5),
 * the first at the top and the rest clockwise, with a legend above it.
 * "Now" is a filled shape, "then" a dashed outline; a skill without a value
 * has no dot and its corner sits at the centre.
 */
#define RAPPORT_RADAR_MAX_AXES 16

/* Where a radar puts its parts in @width × @height: the largest radar that
 * leaves each skill's name room beside its spoke, inside the area and clear
 * of every other name.  The names are measured with the labels' font: at
 * their size, or smaller (label_scale) when that gives a much larger radar
 * (a narrow window), wrapped between words, or as a last resort within
 * them.  The rectangles are the names as drawn (in bold, the focused name's
 * weight, so focusing a spoke moves nothing).
 */
typedef struct
{
  int                width;
  int                height;
  guint              n_axes;
  double             cx;
  double             cy;
  double             radius;          /* of the rim, level 1 */
  double             label_scale;     /* 1 or less */
  PangoWrapMode      label_wrap;
  double             label_x[RAPPORT_RADAR_MAX_AXES];      /* each name's layout origin ... */
  double             label_y[RAPPORT_RADAR_MAX_AXES];
  int                label_width[RAPPORT_RADAR_MAX_AXES];  /* ... and wrap width */
  PangoAlignment     label_align[RAPPORT_RADAR_MAX_AXES];
  cairo_rectangle_t  labels[RAPPORT_RADAR_MAX_AXES];       /* each name's extents */
} RapportRadarLayout;

typedef struct
{
  RapportChartColor         foreground;   /* text, rings and spokes */
  RapportChartColor         now;
  RapportChartColor         then;
  const char               *now_label;    /* the legend's words for each shape */
  const char               *then_label;
  int                       focused;      /* a spoke drawn emphasised, or -1 */
  const RapportRadarLayout *layout;       /* from rapport_radar_compute_layout() for the
                                           * same size and values; NULL: computed */
} RapportRadarStyle;

/* The layout of a radar of @values (at most RAPPORT_RADAR_MAX_AXES) in
 * @width × @height; names are measured with @context (a widget's), or with
 * NULL a context for @cr in "Sans 9".  Without room for a radar (fewer than
 * three values, or too small an area), n_axes is 0.
 */
void                     rapport_radar_compute_layout     (cairo_t                 *cr,
                                                           PangoContext            *context,
                                                           int                      width,
                                                           int                      height,
                                                           const RapportRadarValue *values,
                                                           guint                    n_values,
                                                           RapportRadarLayout      *layout);

/* Draws @values (rapport_skill_profile_compute()) onto @cr at (0, 0),
 * @width × @height, without a background; @context as for
 * rapport_chart_render().
 */
void                     rapport_radar_render             (cairo_t                 *cr,
                                                           PangoContext            *context,
                                                           int                      width,
                                                           int                      height,
                                                           const RapportRadarValue *values,
                                                           guint                    n_values,
                                                           const RapportRadarStyle *style);
/* Where @layout puts @level (0..1) on spoke @axis, for hit testing and for
 * tests.
 */
void                     rapport_radar_get_point          (const RapportRadarLayout *layout,
                                                           guint                    axis,
                                                           double                   level,
                                                           double                  *x,
                                                           double                  *y);
/* The spoke nearest to (@x, @y), or whose name is there; -1 outside the
 * radar and its names.
 */
int                      rapport_radar_find_axis          (const RapportRadarLayout *layout,
                                                           double                   x,
                                                           double                   y);

/* Ten colours from the GNOME palette that stay apart on a light (or, with
 * @dark, a dark) background.
 */
const RapportChartColor *rapport_chart_get_palette        (gboolean                 dark,
                                                           guint                   *n_colors);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportChart, rapport_chart_free)

G_END_DECLS
