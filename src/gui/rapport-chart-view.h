/* rapport-chart-view.h: the skill-trend chart as a widget
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-chart-render.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CHART_VIEW (rapport_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportChartView, rapport_chart_view, RAPPORT, CHART_VIEW, GtkWidget)

/* The title of the journal entry @entry_uuid, for the tip of a self-rating
 * it holds: a new string ("" for an entry without a title), or NULL when
 * it cannot be read.
 */
typedef char *(*RapportChartViewTitleFunc) (const char *entry_uuid,
                                            gpointer    user_data);

GtkWidget    *rapport_chart_view_new               (void);
void          rapport_chart_view_set_range         (RapportChartView *self,
                                                    gint64            from,
                                                    gint64            to);
void          rapport_chart_view_get_range         (RapportChartView *self,
                                                    gint64           *from,
                                                    gint64           *to);
/* @series: (element-type RapportSeries) (nullable): self-ratings and quiz
 * scores in any mix; each is drawn in its skill's colour.
 * @title_func: (nullable): where the tip finds the titles of the entries
 * the self-ratings came from, called with @user_data, which must last as
 * long as the series are shown.
 */
void          rapport_chart_view_set_series        (RapportChartView          *self,
                                                    GPtrArray                 *series,
                                                    RapportChartViewTitleFunc  title_func,
                                                    gpointer                   user_data);
/* Hidden skills stay hidden when new series come. */
void          rapport_chart_view_set_skill_visible (RapportChartView *self,
                                                    const char       *skill_key,
                                                    gboolean          visible);
gboolean      rapport_chart_view_get_skill_visible (RapportChartView *self,
                                                    const char       *skill_key);
/* Returns: (element-type RapportSeries) (transfer container): the series
 * of skills shown, in the order given.
 */
GPtrArray    *rapport_chart_view_get_visible_series (RapportChartView *self);
/* The trend in words, as screen readers hear it. */
const char   *rapport_chart_view_get_description   (RapportChartView *self);
/* The hovered or focused value's date, value and source as a screen reader
 * hears them; NULL when no tip shows.
 */
const char   *rapport_chart_view_get_tip           (RapportChartView *self);
/* The value the keyboard is on, NULL for none; @series: its series. */
const RapportSeriesPoint *rapport_chart_view_get_focused_point (RapportChartView  *self,
                                                                RapportSeries    **series);
RapportChart *rapport_chart_view_get_chart         (RapportChartView *self);

/* Draws the visible series for export: light palette, dark text, on white;
 * @scale as for rapport_chart_set_scale_factor().
 */
void          rapport_chart_view_render_export     (RapportChartView *self,
                                                    cairo_t          *cr,
                                                    int               width,
                                                    int               height,
                                                    int               scale);

G_END_DECLS
