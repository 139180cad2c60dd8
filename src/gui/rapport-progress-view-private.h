/* rapport-progress-view-private.h: what the Progress view's two files share
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-progress-view.h"
#include "rapport-radar-view.h"

G_BEGIN_DECLS

struct _RapportProgressView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkStack             *stack;
  GtkToggleButton      *range_30_button;
  GtkToggleButton      *range_90_button;
  GtkToggleButton      *range_year_button;
  GtkToggleButton      *range_all_button;
  GtkMenuButton        *export_button;
  GtkLabel             *lessons_label;
  GtkLabel             *quizzes_label;
  GtkLabel             *streak_label;
  GtkLabel             *improved_label;
  GtkLabel             *improved_caption;
  RapportChartView     *chart_view;
  GtkFlowBox           *legend_box;
  GtkBox               *calibration_list;
  RapportRadarView     *radar_view;
  GtkDropDown          *compare_dropdown;

  /* owned */
  RapportStore         *store;
  RapportCatalog       *catalog;
  GPtrArray            *ratings;       /* of RapportSeries, in the range */
  GPtrArray            *quiz_scores;
  GPtrArray            *all_ratings;   /* all time, for the skill profile */
  GPtrArray            *all_quiz_scores;
  GtkCssProvider       *legend_css;
  GtkFileChooserNative *chooser;
  char                 *export_format;

  /* state */
  RapportSeriesRange    range;
  gboolean              empty;
};

/* rapport-progress-view-export.c: "progress.export", with the format:
 * asks where to save, then rapport_progress_view_export_to().
 */
void rapport_progress_view_export_action (GtkWidget           *widget,
                                          const char          *action_name,
                                          GVariant            *parameter);

G_END_DECLS
