/* rapport-chart-widget.c: what the two chart widgets (skill trends, skill profile) share
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-chart-widget.h"

static void
chart_widget_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GtkWidgetClass *parent_class = g_type_class_peek_parent (GTK_WIDGET_GET_CLASS (widget));

  parent_class->css_changed (widget, change);

  /* The foreground colour is read in snapshot. */
  gtk_widget_queue_draw (widget);
}

void
rapport_chart_widget_class_setup (GtkWidgetClass *widget_class)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (g_type_parent (G_TYPE_FROM_CLASS (widget_class)) == GTK_TYPE_WIDGET);

  widget_class->css_changed = chart_widget_css_changed;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

void
rapport_chart_widget_init_input (GtkWidget                     *widget,
                                 const RapportChartWidgetInput *input)
{
  GtkEventController *controller;
  GtkGesture *click;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (input != NULL);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", input->key_pressed, widget,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "enter", input->focus_enter, widget,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", input->focus_leave, widget,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", input->motion, widget,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", input->motion_leave, widget,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "released", input->click_released, widget,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
}

void
rapport_chart_widget_measure (GtkOrientation  orientation,
                              int             min_width,
                              int             nat_width,
                              int             min_height,
                              int             nat_height,
                              int            *minimum,
                              int            *natural)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = min_width;
      *natural = nat_width;
    }
  else
    {
      *minimum = min_height;
      *natural = nat_height;
    }
}

void
rapport_chart_widget_draw_tip (GtkWidget     *widget,
                               cairo_t       *cr,
                               const char    *markup,
                               double         x,
                               double         y,
                               gboolean       dark,
                               const GdkRGBA *foreground)
{
  GtkStyleContext *context;
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA background, text;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (markup != NULL);
  g_return_if_fail (foreground != NULL);

  context = gtk_widget_get_style_context (widget);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, "popover_bg_color", &background))
    background = dark ? (GdkRGBA) { 0.22, 0.22, 0.24, 1 } : (GdkRGBA) { 1, 1, 1, 1 };
  if (!gtk_style_context_lookup_color (context, "popover_fg_color", &text))
    text = *foreground;
  G_GNUC_END_IGNORE_DEPRECATIONS

  G_STATIC_ASSERT (sizeof (GdkRGBA) == sizeof (RapportChartColor));
  layout = gtk_widget_create_pango_layout (widget, NULL);
  rapport_chart_draw_tip (cr, layout, markup, x, y,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                          (const RapportChartColor *) &background,
                          (const RapportChartColor *) &text);
}

void
rapport_chart_widget_paint_export_background (cairo_t *cr)
{
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_restore (cr);
}
