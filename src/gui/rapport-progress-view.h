/* rapport-progress-view.h: each skill over time
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-catalog.h"
#include "rapport-chart-view.h"
#include "rapport-series.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PROGRESS_VIEW (rapport_progress_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportProgressView, rapport_progress_view, RAPPORT, PROGRESS_VIEW, GtkWidget)

void               rapport_progress_view_setup          (RapportProgressView *self,
                                                         RapportStore        *store,
                                                         RapportCatalog      *catalog);
void               rapport_progress_view_reload         (RapportProgressView *self);
RapportSeriesRange rapport_progress_view_get_range      (RapportProgressView *self);
void               rapport_progress_view_set_range      (RapportProgressView *self,
                                                         RapportSeriesRange   range);
/* Whether the encouraging empty state shows instead of the chart. */
gboolean           rapport_progress_view_get_empty      (RapportProgressView *self);
RapportChartView  *rapport_progress_view_get_chart_view (RapportProgressView *self);
/* @format: "png" or "svg" (the chart as shown), or "csv" (its data) */
gboolean           rapport_progress_view_export_to      (RapportProgressView *self,
                                                         const char          *format,
                                                         GFile               *file);

G_END_DECLS
