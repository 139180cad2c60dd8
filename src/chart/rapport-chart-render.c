/* rapport-chart-render.c: draws the skill-trend chart with cairo
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Like Sysprof's charts: the data are normalised to 0..1 and never more than
 * two points per pixel column are drawn, so ten years of daily ratings cost
 * about what a month does.
 *
 * Cairo's general rasteriser costs about a microsecond per path edge, so ten
 * stroked trend lines of a thousand vertices each would take 25 ms.  On
 * pixel targets (an image surface, or the recording surface behind
 * gtk_snapshot_append_cairo()) the data are therefore drawn by a small
 * rasteriser of our own into a layer that is then painted in one go: each
 * line, being a function of x, is one vertical span per pixel column from
 * its lowest to its highest point in that column, widened by the line's
 * vertical half-thickness and antialiased at both ends; points are 2×2
 * squares and small discs.  Vector targets (SVG, PDF: exports) get the same
 * geometry as cairo paths.  Axes, grid and labels are always cairo and Pango.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rapport-chart-private.h"

static void
line_free (RapportChartLine *line)
{
  g_clear_pointer (&line->series, rapport_series_unref);
  g_clear_pointer (&line->shown, rapport_series_unref);
  g_clear_pointer (&line->shown_trend, rapport_series_unref);
  g_free (line);
}

RapportChart *
rapport_chart_new (gint64     from,
                   gint64     to,
                   GTimeZone *tz)
{
  RapportChart *self;

  g_return_val_if_fail (from < to, NULL);

  self = g_new0 (RapportChart, 1);
  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  self->tz = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  self->from = from;
  self->to = to;
  self->window = rapport_series_trend_window_for_span (to - from);
  self->foreground = (RapportChartColor) { 0, 0, 0, 1 };
  self->scale = 1;

  return self;
}

void
rapport_chart_free (RapportChart *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->lines);
  g_time_zone_unref (self->tz);
  g_clear_pointer (&self->time_axis, rapport_axis_free);
  g_clear_pointer (&self->layer, cairo_surface_destroy);
  g_free (self->column_low);
  g_free (self->column_high);
  g_free (self->column_slope);
  g_free (self);
}

/* Keeps the layer and scratch memory: a widget keeps one chart and gives
 * it new data and ranges.
 */
void
rapport_chart_set_range (RapportChart *self,
                         gint64        from,
                         gint64        to)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (from < to);

  self->from = from;
  self->to = to;
  self->window = rapport_series_trend_window_for_span (to - from);
  self->shown_columns = 0;
}

void
rapport_chart_remove_all_series (RapportChart *self)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_set_size (self->lines, 0);
  self->shown_columns = 0;
}

guint
rapport_chart_add_series (RapportChart            *self,
                          RapportSeries           *series,
                          const RapportChartColor *color)
{
  RapportChartLine *line;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (series != NULL, 0);
  g_return_val_if_fail (color != NULL, 0);

  line = g_new0 (RapportChartLine, 1);
  line->series = rapport_series_ref (series);
  line->color = *color;
  line->visible = TRUE;
  g_ptr_array_add (self->lines, line);
  self->shown_columns = 0;

  return self->lines->len - 1;
}

guint
rapport_chart_get_n_series (RapportChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lines->len;
}

void
rapport_chart_set_series_visible (RapportChart *self,
                                  guint         index,
                                  gboolean      visible)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->lines->len);

  ((RapportChartLine *) g_ptr_array_index (self->lines, index))->visible = !!visible;
}

void
rapport_chart_set_scale_factor (RapportChart *self,
                                int           scale)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (scale >= 1);

  self->scale = scale;
}

void
rapport_chart_set_foreground (RapportChart            *self,
                              const RapportChartColor *color)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (color != NULL);

  self->foreground = *color;
}

void
rapport_chart_get_plot_area (RapportChart          *self,
                             cairo_rectangle_int_t *area)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (area != NULL);

  *area = self->plot;
}

RapportSeries *
rapport_chart_get_shown (RapportChart *self,
                         guint         index,
                         gboolean      trend)
{
  RapportChartLine *line;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);

  line = g_ptr_array_index (self->lines, index);

  return trend ? line->shown_trend : line->shown;
}

static RapportChartLine *
visible_line (RapportChart *self,
              guint         index)
{
  RapportChartLine *line;

  if (index >= self->lines->len || self->shown_columns == 0)
    return NULL;

  line = g_ptr_array_index (self->lines, index);

  return line->visible && line->shown != NULL ? line : NULL;
}

static void
map_point (RapportChart             *self,
           RapportStoreSeries        kind,
           const RapportSeriesPoint *point,
           double                   *x,
           double                   *y)
{
  const cairo_rectangle_int_t *panel = &self->panels[kind];
  double normalised = rapport_series_normalise (kind, point->value);

  *x = self->plot.x + (double) (point->time - self->from) * self->plot.width
                      / (double) (self->to - self->from);
  *y = panel->y + panel->height * (1.0 - normalised);
}

gboolean
rapport_chart_get_panel_area (RapportChart          *self,
                              RapportStoreSeries     kind,
                              cairo_rectangle_int_t *area)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (kind < RAPPORT_CHART_N_PANELS, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  *area = self->panels[kind];

  return self->panels[kind].height > 0;
}

const char *
rapport_chart_get_axis_title (RapportChart       *self,
                              RapportStoreSeries  kind)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind < RAPPORT_CHART_N_PANELS, NULL);

  return self->titles[kind];
}

const RapportAxis *
rapport_chart_get_time_axis (RapportChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->time_axis;
}

gboolean
rapport_chart_map_point (RapportChart             *self,
                         guint                     index,
                         const RapportSeriesPoint *point,
                         double                   *x,
                         double                   *y)
{
  RapportChartLine *line;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (point != NULL, FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  if (index >= self->lines->len || self->shown_columns == 0)
    return FALSE;

  line = g_ptr_array_index (self->lines, index);
  map_point (self, rapport_series_get_kind (line->series), point, x, y);

  return TRUE;
}

/* Calls @func for every shown point of a visible line within @radius of
 * (@x, @y), by line and then in time order, with its squared distance.
 */
typedef void (*PointFunc) (guint    index,
                           guint    position,
                           double   distance,
                           gpointer data);

static void
foreach_point_near (RapportChart *self,
                    double        x,
                    double        y,
                    double        radius,
                    PointFunc     func,
                    gpointer      data)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      RapportChartLine *line = visible_line (self, i);
      RapportStoreSeries kind;
      const RapportSeriesPoint *points;
      guint n;

      if (line == NULL)
        continue;

      kind = rapport_series_get_kind (line->shown);
      points = rapport_series_get_points (line->shown, &n);
      for (guint p = 0; p < n; p++)
        {
          double px, py, distance;

          map_point (self, kind, &points[p], &px, &py);
          distance = (px - x) * (px - x) + (py - y) * (py - y);
          if (distance <= radius * radius)
            func (i, p, distance, data);
        }
    }
}

typedef struct
{
  double   best;
  guint    index;
  guint    position;
  gboolean found;
} Nearest;

static void
keep_nearest (guint    index,
              guint    position,
              double   distance,
              gpointer data)
{
  Nearest *nearest = data;

  if (!nearest->found || distance <= nearest->best)
    {
      nearest->best = distance;
      nearest->index = index;
      nearest->position = position;
      nearest->found = TRUE;
    }
}

gboolean
rapport_chart_find_point (RapportChart *self,
                          double        x,
                          double        y,
                          double        radius,
                          guint        *index,
                          guint        *position)
{
  Nearest nearest = { 0, 0, 0, FALSE };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index != NULL && position != NULL, FALSE);

  foreach_point_near (self, x, y, radius, keep_nearest, &nearest);
  if (nearest.found)
    {
      *index = nearest.index;
      *position = nearest.position;
    }

  return nearest.found;
}

static void
add_hit (guint    index,
         guint    position,
         double   distance,
         gpointer data)
{
  RapportChartHit hit = { index, position };

  g_array_append_val ((GArray *) data, hit);
}

GArray *
rapport_chart_find_points (RapportChart *self,
                           double        x,
                           double        y,
                           double        radius)
{
  GArray *hits;

  g_return_val_if_fail (self != NULL, NULL);

  hits = g_array_new (FALSE, FALSE, sizeof (RapportChartHit));
  foreach_point_near (self, x, y, radius, add_hit, hits);

  return hits;
}

static const RapportChartColor light_palette[] = {
  { 0x1c / 255.f, 0x71 / 255.f, 0xd8 / 255.f, 1 },  /* Blue 4 */
  { 0x26 / 255.f, 0xa2 / 255.f, 0x69 / 255.f, 1 },  /* Green 5 */
  { 0xe5 / 255.f, 0xa5 / 255.f, 0x0a / 255.f, 1 },  /* Yellow 5 */
  { 0xe6 / 255.f, 0x61 / 255.f, 0x00 / 255.f, 1 },  /* Orange 4 */
  { 0xc0 / 255.f, 0x1c / 255.f, 0x28 / 255.f, 1 },  /* Red 4 */
  { 0x91 / 255.f, 0x41 / 255.f, 0xac / 255.f, 1 },  /* Purple 3 */
  { 0x98 / 255.f, 0x6a / 255.f, 0x44 / 255.f, 1 },  /* Brown 3 */
  { 0x5e / 255.f, 0x5c / 255.f, 0x64 / 255.f, 1 },  /* Dark 2 */
  { 0x62 / 255.f, 0xa0 / 255.f, 0xea / 255.f, 1 },  /* Blue 2 */
  { 0x33 / 255.f, 0xd1 / 255.f, 0x7a / 255.f, 1 },  /* Green 3 */
};

static const RapportChartColor dark_palette[] = {
  { 0x62 / 255.f, 0xa0 / 255.f, 0xea / 255.f, 1 },  /* Blue 2 */
  { 0x57 / 255.f, 0xe3 / 255.f, 0x89 / 255.f, 1 },  /* Green 2 */
  { 0xf8 / 255.f, 0xe4 / 255.f, 0x5c / 255.f, 1 },  /* Yellow 2 */
  { 0xff / 255.f, 0xa3 / 255.f, 0x48 / 255.f, 1 },  /* Orange 2 */
  { 0xf6 / 255.f, 0x61 / 255.f, 0x51 / 255.f, 1 },  /* Red 1 */
  { 0xc0 / 255.f, 0x61 / 255.f, 0xcb / 255.f, 1 },  /* Purple 2 */
  { 0xcd / 255.f, 0xab / 255.f, 0x8f / 255.f, 1 },  /* Brown 1 */
  { 0xc0 / 255.f, 0xbf / 255.f, 0xbc / 255.f, 1 },  /* Light 4 */
  { 0x99 / 255.f, 0xc1 / 255.f, 0xf1 / 255.f, 1 },  /* Blue 1 */
  { 0x8f / 255.f, 0xf0 / 255.f, 0xa4 / 255.f, 1 },  /* Green 1 */
};

const RapportChartColor *
rapport_chart_get_palette (gboolean  dark,
                           guint    *n_colors)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (light_palette) == G_N_ELEMENTS (dark_palette));

  if (n_colors != NULL)
    *n_colors = G_N_ELEMENTS (light_palette);

  return dark ? dark_palette : light_palette;
}

/* Drawing */

void
rapport_chart_set_color (cairo_t                 *cr,
                         const RapportChartColor *color,
                         double                   alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

void
rapport_chart_label_size (PangoLayout *layout,
                          const char  *text,
                          int         *width,
                          int         *height)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, width, height);
}

static int
widest_label (PangoLayout       *layout,
              const RapportAxis *axis,
              int               *height)
{
  int widest = 0;

  for (guint i = 0; axis != NULL && i < axis->n_ticks; i++)
    {
      int w, h;

      rapport_chart_label_size (layout, axis->ticks[i].label, &w, &h);
      widest = MAX (widest, w);
      *height = MAX (*height, h);
    }

  return widest;
}

void
rapport_chart_show_label (cairo_t     *cr,
                          PangoLayout *layout,
                          const char  *text,
                          double       x,
                          double       y)
{
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, round (x), round (y));
  pango_cairo_show_layout (cr, layout);
}

PangoLayout *
rapport_chart_create_layout (cairo_t      *cr,
                             PangoContext *context)
{
  PangoLayout *layout;

  if (context != NULL)
    {
      layout = pango_layout_new (context);
    }
  else
    {
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 9");

      layout = pango_cairo_create_layout (cr);
      pango_layout_set_font_description (layout, font);
    }

  return layout;
}

/* Where an axis's labels go: right-aligned left of a value axis's panel,
 * or centred under the bottom panel (kept inside @width) for time.
 */
typedef enum
{
  LABELS_LEFT,
  LABELS_BELOW,
} LabelSide;

static void
draw_tick_labels (cairo_t                   *cr,
                  PangoLayout               *layout,
                  const RapportAxis         *axis,
                  const RapportChartMapping *m,
                  LabelSide                  side,
                  RapportStoreSeries         kind,
                  int                        width)
{
  for (guint i = 0; i < axis->n_ticks; i++)
    {
      double position = axis->ticks[i].position;
      double x, y;
      int w, h;

      rapport_chart_label_size (layout, axis->ticks[i].label, &w, &h);
      if (side == LABELS_LEFT)
        {
          x = m->x0 - RAPPORT_CHART_LABEL_GAP - w;
          y = m->y0[kind] + m->height[kind] * (1.0 - position) - h / 2.0;
        }
      else
        {
          x = CLAMP (m->x0 + m->width * position - w / 2.0, 0, MAX (0, width - w));
          y = m->bottom + RAPPORT_CHART_LABEL_GAP / 2.0;
        }
      rapport_chart_show_label (cr, layout, axis->ticks[i].label, x, y);
    }
}

static void
draw_grid (cairo_t                   *cr,
           const RapportAxis         *values,
           const RapportAxis         *times,
           const RapportChartMapping *m,
           RapportStoreSeries         kind)
{
  double top = m->y0[kind];
  double bottom = top + m->height[kind];

  cairo_set_line_width (cr, 1.0);

  /* Half-pixel offsets put one-pixel lines on whole pixels. */
  for (guint i = 0; i < values->n_ticks; i++)
    {
      double y = floor (top + m->height[kind] * (1.0 - values->ticks[i].position)) + 0.5;

      cairo_move_to (cr, m->x0, y);
      cairo_line_to (cr, m->x0 + m->width, y);
    }

  for (guint i = 0; i < times->n_ticks; i++)
    {
      double x = floor (m->x0 + m->width * times->ticks[i].position) + 0.5;

      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
    }

  cairo_stroke (cr);
}

/* Downsamples again only when the plot's width changed. */
static void
ensure_shown (RapportChart *self,
              guint         columns)
{
  if (self->shown_columns == columns)
    return;

  for (guint i = 0; i < self->lines->len; i++)
    {
      RapportChartLine *line = g_ptr_array_index (self->lines, i);

      g_clear_pointer (&line->shown, rapport_series_unref);
      g_clear_pointer (&line->shown_trend, rapport_series_unref);
      line->shown = rapport_series_downsample (line->series, self->from, self->to, columns);
      line->shown_trend = rapport_series_line_for_width (line->series, self->window,
                                                         self->from, self->to, columns);
    }

  self->shown_columns = columns;
}

static const char *
axis_title (RapportStoreSeries kind)
{
  if (kind == RAPPORT_STORE_SERIES_SELF_RATING)
    /* Translators: the title of the chart's axis of self-ratings */
    return _("Self-rating 1–5");

  /* Translators: the title of the chart's axis of quiz scores */
  /* xgettext:no-c-format */
  return _("Quiz score %");
}

/* Ratings and quiz scores never share a scale: each kind shown gets a
 * panel of its own, ratings above, scores below, with the same time axis
 * under both.  On one plot with an axis either side, a rating of 4 sat on
 * the 75 % grid line and read as 75 %; in two panels, each with its axis
 * titled, no value can be read against the other's scale.
 */
static void
layout_panels (RapportChart *self,
               PangoLayout  *layout,
               int           width,
               int           height,
               RapportAxis **axes)
{
  gboolean shown[RAPPORT_CHART_N_PANELS] = { FALSE, FALSE };
  int left_width = 0, label_height = 0, title_height, plot_height;
  guint n_panels = 0;
  int y = 0;

  for (guint i = 0; i < self->lines->len; i++)
    {
      RapportChartLine *line = g_ptr_array_index (self->lines, i);

      /* A kind without a value gets no panel: the view adds every
       * skill's series, most of them often empty.
       */
      if (line->visible && rapport_series_get_n_points (line->series) > 0)
        shown[rapport_series_get_kind (line->series)] = TRUE;
    }
  /* An empty chart still shows the scale of ratings. */
  if (!shown[RAPPORT_STORE_SERIES_QUIZ_SCORE])
    shown[RAPPORT_STORE_SERIES_SELF_RATING] = TRUE;

  /* Room for the labels of both scales, shown or not, so the plot keeps
   * its place when a skill's quiz scores are shown or hidden.
   */
  for (RapportStoreSeries kind = 0; kind < RAPPORT_CHART_N_PANELS; kind++)
    {
      g_autoptr(RapportAxis) axis = rapport_axis_new_for_values (kind);

      left_width = MAX (left_width, widest_label (layout, axis, &label_height));
      self->titles[kind] = NULL;
      self->panels[kind] = (cairo_rectangle_int_t) { 0, 0, 0, 0 };
      if (!shown[kind])
        continue;

      axes[kind] = g_steal_pointer (&axis);
      n_panels++;
    }

  left_width += 2 * RAPPORT_CHART_LABEL_GAP;
  title_height = label_height + RAPPORT_CHART_LABEL_GAP / 2;
  /* Each panel: its title, half a tick label above and below the plot;
   * between panels a gap; under the last, the time labels.
   */
  plot_height = (height - (label_height + RAPPORT_CHART_LABEL_GAP)
                 - (int) n_panels * (title_height + label_height)
                 - ((int) n_panels - 1) * 2 * RAPPORT_CHART_LABEL_GAP) / (int) n_panels;

  for (RapportStoreSeries kind = 0; kind < RAPPORT_CHART_N_PANELS; kind++)
    {
      if (!shown[kind])
        continue;

      self->titles[kind] = axis_title (kind);
      y += title_height + label_height / 2;
      self->panels[kind] = (cairo_rectangle_int_t) { left_width, y, width - left_width - 2 * RAPPORT_CHART_LABEL_GAP,
                                                     plot_height };
      y += plot_height + label_height - label_height / 2 + 2 * RAPPORT_CHART_LABEL_GAP;
    }
}

void
rapport_chart_render (RapportChart *self,
                      cairo_t      *cr,
                      PangoContext *context,
                      int           width,
                      int           height)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(RapportAxis) ratings = NULL;
  g_autoptr(RapportAxis) scores = NULL;
  RapportAxis *axes[RAPPORT_CHART_N_PANELS] = { NULL, NULL };
  const cairo_rectangle_int_t *first = NULL, *last = NULL;
  RapportChartMapping m;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  layout = rapport_chart_create_layout (cr, context);
  layout_panels (self, layout, width, height, axes);
  ratings = axes[RAPPORT_STORE_SERIES_SELF_RATING];
  scores = axes[RAPPORT_STORE_SERIES_QUIZ_SCORE];

  for (RapportStoreSeries kind = 0; kind < RAPPORT_CHART_N_PANELS; kind++)
    if (axes[kind] != NULL)
      {
        first = first != NULL ? first : &self->panels[kind];
        last = &self->panels[kind];
      }

  g_assert (first != NULL && last != NULL);
  self->plot = *first;
  self->plot.height = last->y + last->height - first->y;
  if (self->plot.width < 2 || first->height < 2 || last->height < 2)
    return;

  m.x0 = self->plot.x;
  m.width = self->plot.width;
  m.top = self->plot.y;
  m.bottom = self->plot.y + self->plot.height;
  for (RapportStoreSeries kind = 0; kind < RAPPORT_CHART_N_PANELS; kind++)
    {
      m.y0[kind] = self->panels[kind].y;
      m.height[kind] = self->panels[kind].height;
    }
  m.from = self->from;
  m.x_scale = m.width / (double) (self->to - self->from);

  g_clear_pointer (&self->time_axis, rapport_axis_free);
  self->time_axis = rapport_axis_new_for_range (self->from, self->to, self->tz);

  cairo_save (cr);

  for (RapportStoreSeries kind = 0; kind < RAPPORT_CHART_N_PANELS; kind++)
    {
      int h;

      if (axes[kind] == NULL)
        continue;

      rapport_chart_set_color (cr, &self->foreground, RAPPORT_CHART_GRID_ALPHA);
      draw_grid (cr, axes[kind], self->time_axis, &m, kind);

      rapport_chart_set_color (cr, &self->foreground, RAPPORT_CHART_LABEL_ALPHA);
      draw_tick_labels (cr, layout, axes[kind], &m, LABELS_LEFT, kind, width);
      rapport_chart_label_size (layout, self->titles[kind], NULL, &h);
      /* Above the top tick's label, over the axis it names. */
      rapport_chart_show_label (cr, layout, self->titles[kind], RAPPORT_CHART_LABEL_GAP,
                                m.y0[kind] - h / 2.0 - h - RAPPORT_CHART_LABEL_GAP / 2.0);
    }
  draw_tick_labels (cr, layout, self->time_axis, &m, LABELS_BELOW, 0, width);

  /* Two points per column of the plot; more would not show. */
  ensure_shown (self, (guint) self->plot.width * self->scale);

  rapport_chart_draw_data (self, cr, &m);

  cairo_restore (cr);
}
