/* rapport-chart-widget.h: what the two chart widgets (skill trends, skill profile) share
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-chart-render.h"

G_BEGIN_DECLS

/* A chart widget's handlers, each connected swapped to the widget:
 * "key-pressed" of a key controller, "enter" and "leave" of a focus
 * controller, "motion" and "leave" of a motion controller, "released" of a
 * click gesture.
 */
typedef struct
{
  GCallback key_pressed;
  GCallback focus_enter;
  GCallback focus_leave;
  GCallback motion;
  GCallback motion_leave;
  GCallback click_released;
} RapportChartWidgetInput;

/* For the class_init of a final class derived from GtkWidget: the CSS
 * name "chart", an image to screen readers, and a redraw whenever the
 * style changes (the colours are read in snapshot).
 */
void rapport_chart_widget_class_setup (GtkWidgetClass                *widget_class);

/* For init: focusable, focused by a click, and @input's handlers. */
void rapport_chart_widget_init_input  (GtkWidget                     *widget,
                                       const RapportChartWidgetInput *input);

/* For measure: @min_width × @min_height at least, @nat_width × @nat_height
 * by choice.
 */
void rapport_chart_widget_measure     (GtkOrientation                 orientation,
                                       int                            min_width,
                                       int                            nat_width,
                                       int                            min_height,
                                       int                            nat_height,
                                       int                           *minimum,
                                       int                           *natural);

/* rapport_chart_draw_tip() of @markup beside (@x, @y), in the colours of a
 * popover (or, without them, of the @dark or light style and @foreground),
 * kept inside @widget.
 */
void rapport_chart_widget_draw_tip    (GtkWidget                     *widget,
                                       cairo_t                       *cr,
                                       const char                    *markup,
                                       double                         x,
                                       double                         y,
                                       gboolean                       dark,
                                       const GdkRGBA                 *foreground);

/* An export's background: white, whatever the window shows, as a file is
 * read away from it.
 */
void rapport_chart_widget_paint_export_background (cairo_t           *cr);

G_END_DECLS
