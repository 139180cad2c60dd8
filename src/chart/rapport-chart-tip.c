/* rapport-chart-tip.c: the tooltip-like box the chart widgets draw for
 * the focused or hovered values
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "rapport-chart-private.h"

#define TIP_PAD    6
#define TIP_RADIUS 6
#define TIP_GAP    10

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
rapport_chart_draw_tip (cairo_t                 *cr,
                        PangoLayout             *layout,
                        const char              *text,
                        double                   x,
                        double                   y,
                        int                      width,
                        int                      height,
                        const RapportChartColor *background,
                        const RapportChartColor *foreground)
{
  int text_width, text_height;
  double box_width, box_height, left, top;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));
  g_return_if_fail (text != NULL);

  pango_layout_set_width (layout, -1);
  pango_layout_set_markup (layout, text, -1);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  if (text_width + 2 * TIP_PAD > width)
    {
      /* Wrapped to fit a narrow widget. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_width (layout, MAX (width - 2 * TIP_PAD - 2, 1) * PANGO_SCALE);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
    }
  box_width = text_width + 2 * TIP_PAD;
  box_height = text_height + 2 * TIP_PAD;

  left = CLAMP (x - box_width / 2, 0, MAX (0, width - box_width));
  top = y - TIP_GAP - box_height;
  if (top < 0)
    top = MIN (y + TIP_GAP, MAX (0, height - box_height));

  cairo_save (cr);
  rounded_rectangle (cr, round (left) + 0.5, round (top) + 0.5, box_width, box_height, TIP_RADIUS);
  rapport_chart_set_color (cr, background, 0.96);
  cairo_fill_preserve (cr);
  rapport_chart_set_color (cr, foreground, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  rapport_chart_set_color (cr, foreground, 1.0);
  cairo_move_to (cr, round (left) + TIP_PAD, round (top) + TIP_PAD);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}
