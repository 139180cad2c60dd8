/* rapport-chart-radar.c: draws the skill profile, a radar of the ten skills
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rapport-chart-private.h"
#include "rapport-skill.h"

#define RADAR_LEGEND_HEIGHT 28   /* the legend's line above the radar */
#define RADAR_LABEL_WIDTH   120  /* the most a name is wide before it wraps */
#define RADAR_LABEL_MIN     24   /* room beside a spoke below which no name fits */
#define RADAR_BROKEN_MIN    64   /* the same for names broken within words: only long
                                  * words break, not every word at the room's width */
#define RADAR_LABEL_PAD     2    /* kept between two names */
#define RADAR_MIN_RADIUS    10.0
#define RADAR_TARGET        0.27 /* of the shorter side: a radius worth a smaller font */
#define RADAR_FLOOR         0.2  /* of it: below, names may break within words */
#define RADAR_HUB           0.08 /* the centre's share of the radius: level 0 */
#define RADAR_FILL_ALPHA    0.25
#define RADAR_DOT_RADIUS    3.5

static double
radar_angle (guint n_values,
             guint axis)
{
  return -G_PI / 2 + 2 * G_PI * axis / MAX (n_values, 1);
}

/* Layout */

static const char *
skill_title (const RapportRadarValue *value)
{
  const RapportSkill *skill = rapport_skill_lookup (value->skill_key);

  return skill != NULL ? g_dgettext (GETTEXT_PACKAGE, skill->title) : value->skill_key;
}

/* @layout's font for a name: @scale times its size, underlined when
 * @focused (not bold, which is wider: the focused name keeps its place).
 */
static void
set_label_font (PangoLayout *layout,
                double       scale,
                gboolean     focused)
{
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_scale_new (scale));
  if (focused)
    pango_attr_list_insert (attributes, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE));
  pango_layout_set_attributes (layout, attributes);
}

static gboolean
rectangles_meet (const cairo_rectangle_t *a,
                 const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width + RADAR_LABEL_PAD && b->x < a->x + a->width + RADAR_LABEL_PAD
         && a->y < b->y + b->height + RADAR_LABEL_PAD && b->y < a->y + a->height + RADAR_LABEL_PAD;
}

/* Places each name beside its spoke's tip for a radar of @radius: centred
 * above and below, towards the outside on the sides.  FALSE when a name
 * does not fit its room, leaves the area, or meets another.
 */
static gboolean
place_labels (PangoLayout        *layout,
              const char * const *titles,
              double              radius,
              RapportRadarLayout *out)
{
  double reach = radius + RAPPORT_CHART_LABEL_GAP;
  guint n = out->n_axes;

  out->radius = radius;
  pango_layout_set_wrap (layout, out->label_wrap);

  for (guint i = 0; i < n; i++)
    {
      double angle = radar_angle (n, i);
      double x = out->cx + reach * cos (angle);
      double y = out->cy + reach * sin (angle);
      cairo_rectangle_t *rect = &out->labels[i];
      PangoRectangle logical;
      double room;

      if (cos (angle) > 0.3)
        {
          room = out->width - x;
          out->label_align[i] = PANGO_ALIGN_LEFT;
        }
      else if (cos (angle) < -0.3)
        {
          room = x;
          out->label_align[i] = PANGO_ALIGN_RIGHT;
        }
      else
        {
          /* Wrapped no wider than the gap between the neighbouring spokes'
           * tips, so it stays clear of their names, unless a word is wider.
           */
          double gap = 2 * reach * sin (2 * G_PI / n);

          if (out->label_wrap == PANGO_WRAP_WORD && gap < RADAR_LABEL_WIDTH)
            {
              pango_layout_set_width (layout, PANGO_SCALE);
              pango_layout_set_text (layout, titles[i], -1);
              pango_layout_get_pixel_extents (layout, NULL, &logical);
              gap = MAX (gap, logical.width);
            }
          room = MIN (2 * MIN (x, out->width - x), MAX (gap, RADAR_LABEL_MIN));
          out->label_align[i] = PANGO_ALIGN_CENTER;
        }

      room = floor (MIN (room, RADAR_LABEL_WIDTH));
      if (room < (out->label_wrap == PANGO_WRAP_WORD ? RADAR_LABEL_MIN : RADAR_BROKEN_MIN))
        return FALSE;

      pango_layout_set_width (layout, (int) room * PANGO_SCALE);
      pango_layout_set_alignment (layout, out->label_align[i]);
      pango_layout_set_text (layout, titles[i], -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      /* A word wider than the room sticks out of it. */
      if (logical.width > room)
        return FALSE;

      out->label_width[i] = (int) room;
      if (out->label_align[i] == PANGO_ALIGN_LEFT)
        out->label_x[i] = x;
      else if (out->label_align[i] == PANGO_ALIGN_RIGHT)
        out->label_x[i] = x - room;
      else
        out->label_x[i] = x - room / 2;

      if (sin (angle) < -0.3)
        out->label_y[i] = y - logical.height;
      else if (sin (angle) <= 0.3)
        out->label_y[i] = y - logical.height / 2.0;
      else
        out->label_y[i] = y;
      out->label_x[i] = round (out->label_x[i]);
      out->label_y[i] = round (out->label_y[i]);

      rect->x = out->label_x[i] + logical.x;
      rect->y = out->label_y[i] + logical.y;
      rect->width = logical.width;
      rect->height = logical.height;

      if (rect->x < 0 || rect->x + rect->width > out->width
          || rect->y < RADAR_LEGEND_HEIGHT || rect->y + rect->height > out->height)
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (rectangles_meet (rect, &out->labels[j]))
          return FALSE;
    }

  return TRUE;
}

/* The largest radius at which the names fit in @out's font, or 0.  Too
 * large a radar pushes them out of the area, too small a one crowds them
 * together: stepping down from the largest finds a radius that fits, and
 * halving between it and the last that did not finds the edge.
 */
static double
largest_radius (PangoLayout        *layout,
                const char * const *titles,
                RapportRadarLayout *out)
{
  double hi = MIN (out->width / 2.0, (out->height - RADAR_LEGEND_HEIGHT) / 2.0);
  double lo;

  for (lo = hi * 0.94; lo >= RADAR_MIN_RADIUS; hi = lo, lo *= 0.94)
    if (place_labels (layout, titles, lo, out))
      break;

  if (lo < RADAR_MIN_RADIUS)
    return 0;

  while (hi - lo > 0.5)
    {
      double mid = (lo + hi) / 2;

      if (place_labels (layout, titles, mid, out))
        lo = mid;
      else
        hi = mid;
    }

  return floor (lo);
}

void
rapport_radar_compute_layout (cairo_t                 *cr,
                              PangoContext            *context,
                              int                      width,
                              int                      height,
                              const RapportRadarValue *values,
                              guint                    n_values,
                              RapportRadarLayout      *layout)
{
  /* The names' own size first, smaller ones for a radar of the target
   * size, and names broken within words only for one above the floor.
   */
  static const struct
  {
    double        scale;
    PangoWrapMode wrap;
  } fonts[] = {
    { 1.0, PANGO_WRAP_WORD },
    { 0.9, PANGO_WRAP_WORD },
    { 0.8, PANGO_WRAP_WORD },
    { 0.8, PANGO_WRAP_WORD_CHAR },
  };
  g_autoptr(PangoLayout) text = NULL;
  const char *titles[RAPPORT_RADAR_MAX_AXES];
  double best = 0, shorter;
  guint chosen = 0;

  g_return_if_fail (cr != NULL || context != NULL);
  g_return_if_fail (values != NULL || n_values == 0);
  g_return_if_fail (layout != NULL);

  memset (layout, 0, sizeof *layout);
  layout->width = width;
  layout->height = height;
  layout->label_scale = 1;
  if (n_values < 3 || n_values > RAPPORT_RADAR_MAX_AXES || width < 40 || height < RADAR_LEGEND_HEIGHT + 40)
    return;

  layout->n_axes = n_values;
  layout->cx = width / 2.0;
  layout->cy = RADAR_LEGEND_HEIGHT + (height - RADAR_LEGEND_HEIGHT) / 2.0;
  for (guint i = 0; i < n_values; i++)
    titles[i] = skill_title (&values[i]);

  text = rapport_chart_create_layout (cr, context);
  shorter = MIN (width, height - RADAR_LEGEND_HEIGHT);

  for (guint f = 0; f < G_N_ELEMENTS (fonts); f++)
    {
      double radius;

      if (fonts[f].wrap == PANGO_WRAP_WORD_CHAR && best >= RADAR_FLOOR * shorter)
        break;

      layout->label_scale = fonts[f].scale;
      layout->label_wrap = fonts[f].wrap;
      set_label_font (text, fonts[f].scale, FALSE);
      radius = largest_radius (text, titles, layout);
      if (radius > best)
        {
          best = radius;
          chosen = f;
        }
      if (radius >= RADAR_TARGET * shorter)
        break;
    }

  /* Placed again at the chosen size; with no fit at all, at the least. */
  layout->label_scale = fonts[chosen].scale;
  layout->label_wrap = fonts[chosen].wrap;
  set_label_font (text, fonts[chosen].scale, FALSE);
  place_labels (text, titles, MAX (best, RADAR_MIN_RADIUS), layout);
}

static void
radar_point (const RapportRadarLayout *g,
             guint                     axis,
             double                    level,
             double                   *x,
             double                   *y)
{
  double r = g->radius * (RADAR_HUB + (1 - RADAR_HUB) * CLAMP (level, 0.0, 1.0));
  double angle = radar_angle (g->n_axes, axis);

  *x = g->cx + r * cos (angle);
  *y = g->cy + r * sin (angle);
}

void
rapport_radar_get_point (const RapportRadarLayout *layout,
                         guint                     axis,
                         double                    level,
                         double                   *x,
                         double                   *y)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (x != NULL && y != NULL);

  radar_point (layout, axis, level, x, y);
}

int
rapport_radar_find_axis (const RapportRadarLayout *layout,
                         double                    x,
                         double                    y)
{
  double dx, dy, reach, turn;

  g_return_val_if_fail (layout != NULL, -1);

  if (layout->n_axes == 0)
    return -1;

  for (guint i = 0; i < layout->n_axes; i++)
    {
      const cairo_rectangle_t *rect = &layout->labels[i];

      if (x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height)
        return (int) i;
    }

  dx = x - layout->cx;
  dy = y - layout->cy;
  reach = layout->radius + 2 * RAPPORT_CHART_LABEL_GAP;
  if (dx * dx + dy * dy > reach * reach)
    return -1;

  /* The fraction of a turn clockwise from the top, rounded to a spoke. */
  turn = (atan2 (dy, dx) + G_PI / 2) / (2 * G_PI);
  if (turn < 0)
    turn += 1;

  return (int) lround (turn * layout->n_axes) % (int) layout->n_axes;
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
radar_path (cairo_t                  *cr,
            const RapportRadarLayout *g,
            const RapportRadarValue  *values,
            guint                     n_values,
            gboolean                  then,
            RadarPart                 part)
{
  for (guint i = 0; i < n_values; i++)
    {
      double level = then ? values[i].then : values[i].now;
      double x, y;

      radar_point (g, i, level < 0 ? 0 : level, &x, &y);
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
radar_labels (cairo_t                  *cr,
              PangoLayout              *layout,
              const RapportRadarLayout *g,
              const RapportRadarValue  *values,
              guint                     n_values,
              const RapportRadarStyle  *style)
{
  pango_layout_set_wrap (layout, g->label_wrap);

  for (guint i = 0; i < n_values; i++)
    {
      set_label_font (layout, g->label_scale, style->focused == (int) i);
      pango_layout_set_width (layout, g->label_width[i] * PANGO_SCALE);
      pango_layout_set_alignment (layout, g->label_align[i]);
      pango_layout_set_text (layout, skill_title (&values[i]), -1);

      rapport_chart_set_color (cr, &style->foreground,
                               style->focused == (int) i ? 1.0 : RAPPORT_CHART_LABEL_ALPHA);
      cairo_move_to (cr, g->label_x[i], g->label_y[i]);
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
  RapportRadarLayout computed;
  const RapportRadarLayout *g = style != NULL ? style->layout : NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (values != NULL || n_values == 0);
  g_return_if_fail (style != NULL);

  if (g == NULL || g->width != width || g->height != height || g->n_axes != n_values)
    {
      rapport_radar_compute_layout (cr, context, width, height, values, n_values, &computed);
      g = &computed;
    }
  if (g->n_axes == 0)
    return;

  layout = rapport_chart_create_layout (cr, context);

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

          radar_point (g, i % n_values, level / 4.0, &x, &y);
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

      radar_point (g, i, 0, &x, &y);
      cairo_move_to (cr, x, y);
      radar_point (g, i, 1, &x, &y);
      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  if (style->focused >= 0 && (guint) style->focused < n_values)
    {
      double x0, y0, x1, y1;

      radar_point (g, style->focused, 0, &x0, &y0);
      radar_point (g, style->focused, 1, &x1, &y1);
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
      radar_point (g, 0, level / 4.0, &x, &y);
      rapport_chart_label_size (layout, text, &w, &h);
      /* Just inside each ring, clear of the top name above the rim. */
      rapport_chart_show_label (cr, layout, text, x + 4, y + 1);
    }

  /* Then, a dashed outline under now's filled shape. */
  radar_path (cr, g, values, n_values, TRUE, RADAR_OUTLINE);
  rapport_chart_set_color (cr, &style->then, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  radar_path (cr, g, values, n_values, TRUE, RADAR_DOTS);
  cairo_fill (cr);

  radar_path (cr, g, values, n_values, FALSE, RADAR_OUTLINE);
  rapport_chart_set_color (cr, &style->now, RADAR_FILL_ALPHA);
  cairo_fill_preserve (cr);
  rapport_chart_set_color (cr, &style->now, 1);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  radar_path (cr, g, values, n_values, FALSE, RADAR_DOTS);
  cairo_fill (cr);

  radar_labels (cr, layout, g, values, n_values, style);
  radar_legend (cr, layout, width, style);

  cairo_restore (cr);
}
