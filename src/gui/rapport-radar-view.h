/* rapport-radar-view.h: the skill profile (a radar of the ten skills) as a widget
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-chart-render.h"
#include "rapport-skill-profile.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_RADAR_VIEW (rapport_radar_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportRadarView, rapport_radar_view, RAPPORT, RADAR_VIEW, GtkWidget)

GtkWidget  *rapport_radar_view_new              (void);
/* @values: (element-type RapportRadarValue) (nullable): from
 * rapport_skill_profile_compute(), compared with @then.
 */
void        rapport_radar_view_set_values       (RapportRadarView *self,
                                                 GArray           *values,
                                                 GDateTime        *then);
/* The profile in words, as screen readers hear it. */
const char *rapport_radar_view_get_description  (RapportRadarView *self);
/* The spoke the keyboard is on, or -1. */
int         rapport_radar_view_get_focused_axis (RapportRadarView *self);
/* The focused or hovered skill's values in words; NULL when no tip shows. */
const char *rapport_radar_view_get_tip          (RapportRadarView *self);
/* Where the radar is laid out at the widget's size, with its font: the
 * layout its drawing and hit testing use.
 */
void        rapport_radar_view_get_layout       (RapportRadarView   *self,
                                                 RapportRadarLayout *layout);
/* Draws the profile for export: light palette, dark text, on white. */
void        rapport_radar_view_render_export    (RapportRadarView *self,
                                                 cairo_t          *cr,
                                                 int               width,
                                                 int               height);

G_END_DECLS
