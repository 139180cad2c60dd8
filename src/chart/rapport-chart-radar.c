/* rapport-chart-radar.c: draws the skill profile, a radar of the ten skills
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rapport-chart-private.h"
#include "rapport-skill.h"

#define RADAR_LEGEND_HEIGHT 28   /* the legend's line above the radar */
#define RADAR_LABEL_WIDTH   120  /* room for a skill's name beside a spoke */
#define RADAR_LABEL_HEIGHT  34   /* two lines of it above or below */
#define RADAR_HUB           0.08 /* the centre's share of the radius: level 0 */
#define RADAR_FILL_ALPHA    0.25
#define RADAR_DOT_RADIUS    3.5

typedef struct
{
  double cx, cy;
  double radius;
  int    label_width;
} RadarGeometry;

static RadarGeometry
radar_geometry (int width,
                int height)
{
  RadarGeometry g;
  int label_width = MIN (RADAR_LABEL_WIDTH, MAX (width * 27 / 100, 40));
  double across = width / 2.0 - label_width - RAPPORT_CHART_LABEL_GAP;
  double down = (height - RADAR_LEGEND_HEIGHT) / 2.0 - RADAR_LABEL_HEIGHT;

  g.cx = width / 2.0;
  g.cy = RADAR_LEGEND_HEIGHT + (height - RADAR_LEGEND_HEIGHT) / 2.0;
  g.radius = MAX (MIN (across, down), 10.0);
  g.label_width = label_width;

  return g;
}

static double
radar_angle (guint n_values,
             guint axis)
{
  return -G_PI / 2 + 2 * G_PI * axis / MAX (n_values, 1);
}

static void
radar_point (const RadarGeometry *g,
             guint                n_values,
             guint                axis,
             double               level,
             double              *x,
             double              *y)
{
  double r = g->radius * (RADAR_HUB + (1 - RADAR_HUB) * CLAMP (level, 0.0, 1.0));
  double angle = radar_angle (n_values, axis);

  *x = g->cx + r * cos (angle);
  *y = g->cy + r * sin (angle);
}

void
rapport_radar_get_point (int     width,
                         int     height,
                         guint   n_values,
                         guint   axis,
                         double  level,
                         double *x,
                         double *y)
{
  RadarGeometry g = radar_geometry (width, height);

  g_return_if_fail (x != NULL && y != NULL);

  radar_point (&g, n_values, axis, level, x, y);
}

int
rapport_radar_find_axis (int    width,
                         int    height,
                         guint  n_values,
                         double x,
                         double y)
{
  RadarGeometry g = radar_geometry (width, height);
  double dx = x - g.cx;
  double dy = y - g.cy;
  double turn;

  if (n_values == 0 || dx * dx + dy * dy > (g.radius + RADAR_LABEL_HEIGHT) * (g.radius + RADAR_LABEL_HEIGHT))
    return -1;

  /* The fraction of a turn clockwise from the top, rounded to a spoke. */
  turn = (atan2 (dy, dx) + G_PI / 2) / (2 * G_PI);
  if (turn < 0)
    turn += 1;

  return (int) lround (turn * n_values) % (int) n_values;
}

/* What radar_path() traces of a shape. */
typedef enum
{
  RADAR_OUTLINE,
  RADAR_DOTS,      /* a dot at each corner that has a value */
} RadarPart;

/* The now (or @then) shape; a skill without a value puts its corner at the
 * centre, and has no dot.
 */
static void
radar_path (cairo_t                 *cr,
            const RadarGeometry     *g,
            const RapportRadarValue *values,
            guint                    n_values,
            gboolean                 then,
            RadarPart                part)
{
  for (guint i = 0; i < n_values; i++)
    {
      double level = then ? values[i].then : values[i].now;
      double x, y;

      radar_point (g, n_values, i, level < 0 ? 0 : level, &x, &y);
      if (part == RADAR_OUTLINE && i == 0)
        {
          cairo_move_to (cr, x, y);
        }
      else if (part == RADAR_OUTLINE)
        {
          cairo_line_to (cr, x, y);
        }
      else if (level >= 0)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, RADAR_DOT_RADIUS, 0, 2 * G_PI);
        }
    }

  if (part == RADAR_OUTLINE)
    cairo_close_path (cr);
}

static void
radar_legend (cairo_t                 *cr,
              PangoLayout             *layout,
              int                      width,
              const RapportRadarStyle *style)
{
  static const double dashes[] = { 4, 3 };
  int now_width, then_width, h;
  double x;

  rapport_chart_label_size (layout, style->now_label, &now_width, &h);
  rapport_chart_label_size (layout, style->then_label, &then_width, &h);
  x = MAX (0, (width - (16 + 6 + now_width + 18 + 16 + 6 + then_width)) / 2.0);

  rapport_chart_set_color (cr, &style->now, RADAR_FILL_ALPHA);
  cairo_rectangle (cr, x, 8, 16, 10);
  cairo_fill (cr);
  rapport_chart_set_color (cr, &style->now, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_rectangle (cr, x, 8, 16, 10);
  cairo_stroke (cr);
  rapport_chart_set_color (cr, &style->foreground, RAPPORT_CHART_LABEL_ALPHA);
  rapport_chart_show_label (cr, layout, style->now_label, x + 22, 13 - h / 2.0);

  x += 22 + now_width + 18;
  rapport_chart_set_color (cr, &style->then, 1);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_rectangle (cr, x, 8, 16, 10);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  rapport_chart_set_color (cr, &style->foreground, RAPPORT_CHART_LABEL_ALPHA);
  rapport_chart_show_label (cr, layout, style->then_label, x + 22, 13 - h / 2.0);
}

static void
radar_labels (cairo_t                 *cr,
              PangoLayout             *layout,
              const RadarGeometry     *g,
              const RapportRadarValue *values,
              guint                    n_values,
              const RapportRadarStyle *style)
{
  /* A narrow radar gets smaller names, so "Management" still fits. */
  double scale = g->label_width < RADAR_LABEL_WIDTH ? 0.85 : 1.0;

  pango_layout_set_width (layout, g->label_width * PANGO_SCALE);
  /* Whole words: every skill's longest word fits the width. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);

  for (guint i = 0; i < n_values; i++)
    {
      const RapportSkill *skill = rapport_skill_lookup (values[i].skill_key);
      const char *title = skill != NULL ? g_dgettext (GETTEXT_PACKAGE, skill->title)
                                        : values[i].skill_key;
      double angle = radar_angle (n_values, i);
      double x = g->cx + (g->radius + RAPPORT_CHART_LABEL_GAP) * cos (angle);
      double y = g->cy + (g->radius + RAPPORT_CHART_LABEL_GAP) * sin (angle);
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
      int w, h;

      pango_attr_list_insert (attributes, pango_attr_scale_new (scale));
      if (style->focused == (int) i)
        pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attributes);
      pango_layout_set_text (layout, title, -1);

      /* Centred above and below, towards the outside on the sides. */
      if (cos (angle) > 0.3)
        pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      else if (cos (angle) < -0.3)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      else
        pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_size (layout, &w, &h);
      w = g->label_width;

      if (cos (angle) > 0.3)
        ;
      else if (cos (angle) < -0.3)
        x -= w;
      else
        x -= w / 2.0;

      if (sin (angle) < -0.3)
        y -= h;
      else if (sin (angle) <= 0.3)
        y -= h / 2.0;

      rapport_chart_set_color (cr, &style->foreground,
                               style->focused == (int) i ? 1.0 : RAPPORT_CHART_LABEL_ALPHA);
      cairo_move_to (cr, round (x), round (y));
      pango_cairo_show_layout (cr, layout);
    }

  pango_layout_set_width (layout, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_attributes (layout, NULL);
}

void
rapport_radar_render (cairo_t                 *cr,
                      PangoContext            *context,
                      int                      width,
                      int                      height,
                      const RapportRadarValue *values,
                      guint                    n_values,
                      const RapportRadarStyle *style)
{
  static const double dashes[] = { 5, 4 };
  g_autoptr(PangoLayout) layout = NULL;
  RadarGeometry g;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (values != NULL || n_values == 0);
  g_return_if_fail (style != NULL);

  if (n_values < 3 || width < 40 || height < RADAR_LEGEND_HEIGHT + 40)
    return;

  layout = rapport_chart_create_layout (cr, context);

  g = radar_geometry (width, height);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Rings at the five rating levels, and the spokes. */
  rapport_chart_set_color (cr, &style->foreground, RAPPORT_CHART_GRID_ALPHA * 1.5);
  cairo_set_line_width (cr, 1);
  for (guint level = 0; level <= 4; level++)
    {
      for (guint i = 0; i <= n_values; i++)
        {
          double x, y;

          radar_point (&g, n_values, i % n_values, level / 4.0, &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
  for (guint i = 0; i < n_values; i++)
    {
      double x, y;

      radar_point (&g, n_values, i, 0, &x, &y);
      cairo_move_to (cr, x, y);
      radar_point (&g, n_values, i, 1, &x, &y);
      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  if (style->focused >= 0 && (guint) style->focused < n_values)
    {
      double x0, y0, x1, y1;

      radar_point (&g, n_values, style->focused, 0, &x0, &y0);
      radar_point (&g, n_values, style->focused, 1, &x1, &y1);
      rapport_chart_set_color (cr, &style->foreground, 0.6);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
      cairo_stroke (cr);
    }

  /* The rating scale along the first spoke. */
  rapport_chart_set_color (cr, &style->foreground, RAPPORT_CHART_LABEL_ALPHA * 0.8);
  for (guint level = 0; level <= 4; level++)
    {
      char text[4];
      double x, y;
      int w, h;

      g_snprintf (text, sizeof text, "%u", level + 1);
      radar_point (&g, n_values, 0, level / 4.0, &x, &y);
      rapport_chart_label_size (layout, text, &w, &h);
      rapport_chart_show_label (cr, layout, text, x + 4, y - h);
    }

  /* Then, a dashed outline under now's filled shape. */
  radar_path (cr, &g, values, n_values, TRUE, RADAR_OUTLINE);
  rapport_chart_set_color (cr, &style->then, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  radar_path (cr, &g, values, n_values, TRUE, RADAR_DOTS);
  cairo_fill (cr);

  radar_path (cr, &g, values, n_values, FALSE, RADAR_OUTLINE);
  rapport_chart_set_color (cr, &style->now, RADAR_FILL_ALPHA);
  cairo_fill_preserve (cr);
  rapport_chart_set_color (cr, &style->now, 1);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  radar_path (cr, &g, values, n_values, FALSE, RADAR_DOTS);
  cairo_fill (cr);

  radar_labels (cr, layout, &g, values, n_values, style);
  radar_legend (cr, layout, width, style);

  cairo_restore (cr);
}
