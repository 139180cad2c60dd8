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
#include <string.h>

#include <glib/gi18n.h>

#include "rapport-axis.h"
#include "rapport-chart-render.h"
#include "rapport-skill.h"

#define LABEL_GAP      6     /* between a label and the plot */
#define POINT_SIZE     2     /* raw self-ratings, in pixels */
#define QUIZ_RADIUS    3.5
#define TREND_WIDTH    2.0
#define QUIZ_WIDTH     1.5
#define LONE_RADIUS    3.5   /* a trend value with no neighbour within the window */
#define GRID_ALPHA     0.12
#define LABEL_ALPHA    0.7
#define POINT_ALPHA    0.3
#define QUIZ_ALPHA     0.8
#define LAYER_PAD      3     /* room for points on the plot's edges */
#define DASH_ON        4     /* quiz trends: pixels drawn, then skipped */
#define DASH_PERIOD    7

typedef struct
{
  /* owned */
  RapportSeries     *series;
  RapportSeries     *shown;          /* downsampled for shown_columns */
  RapportSeries     *shown_trend;    /* sampled for shown_columns */

  RapportChartColor  color;
  gboolean           visible;
} Line;

struct _RapportChart
{
  /* owned */
  GPtrArray             *lines;      /* of Line */
  GTimeZone             *tz;

  cairo_surface_t       *layer;      /* the data, for pixel targets */
  double                *column_low; /* scratch, one per layer column */
  double                *column_high;
  double                *column_slope;

  gint64                 from;
  gint64                 to;
  gint64                 window;     /* of the trends */
  RapportChartColor      foreground;
  cairo_rectangle_int_t  plot;
  guint                  shown_columns;
  int                    scale;
};

static void
line_free (Line *line)
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
  Line *line;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (series != NULL, 0);
  g_return_val_if_fail (color != NULL, 0);

  line = g_new0 (Line, 1);
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

  ((Line *) g_ptr_array_index (self->lines, index))->visible = !!visible;
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
  Line *line;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);

  line = g_ptr_array_index (self->lines, index);

  return trend ? line->shown_trend : line->shown;
}

static Line *
visible_line (RapportChart *self,
              guint         index)
{
  Line *line;

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
  double normalised = rapport_series_normalise (kind, point->value);

  *x = self->plot.x + (double) (point->time - self->from) * self->plot.width
                      / (double) (self->to - self->from);
  *y = self->plot.y + self->plot.height * (1.0 - normalised);
}

gboolean
rapport_chart_map_point (RapportChart             *self,
                         guint                     index,
                         const RapportSeriesPoint *point,
                         double                   *x,
                         double                   *y)
{
  Line *line;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (point != NULL, FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  if (index >= self->lines->len || self->shown_columns == 0)
    return FALSE;

  line = g_ptr_array_index (self->lines, index);
  map_point (self, rapport_series_get_kind (line->series), point, x, y);

  return TRUE;
}

gboolean
rapport_chart_find_point (RapportChart *self,
                          double        x,
                          double        y,
                          double        radius,
                          guint        *index,
                          guint        *position)
{
  double best = radius * radius;
  gboolean found = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index != NULL && position != NULL, FALSE);

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = visible_line (self, i);
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
          if (distance <= best)
            {
              best = distance;
              *index = i;
              *position = p;
              found = TRUE;
            }
        }
    }

  return found;
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

typedef struct
{
  double x0, y0;     /* plot origin (left, top) */
  double width, height;
  double x_scale;    /* pixels per second */
  gint64 from;
} Mapping;

static inline double
map_x (const Mapping *m,
       gint64         time)
{
  return m->x0 + (double) (time - m->from) * m->x_scale;
}

static inline double
map_y (const Mapping      *m,
       RapportStoreSeries  kind,
       double              value)
{
  return m->y0 + m->height * (1.0 - rapport_series_normalise (kind, value));
}

static void
set_color (cairo_t                 *cr,
           const RapportChartColor *color,
           double                   alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
label_size (PangoLayout *layout,
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

      label_size (layout, axis->ticks[i].label, &w, &h);
      widest = MAX (widest, w);
      *height = MAX (*height, h);
    }

  return widest;
}

static void
show_label (cairo_t     *cr,
            PangoLayout *layout,
            const char  *text,
            double       x,
            double       y)
{
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, round (x), round (y));
  pango_cairo_show_layout (cr, layout);
}

/* Right-aligned left of the plot (@right_side: left-aligned right of it). */
static void
draw_value_labels (cairo_t           *cr,
                   PangoLayout       *layout,
                   const RapportAxis *axis,
                   const Mapping     *m,
                   gboolean           right_side)
{
  for (guint i = 0; i < axis->n_ticks; i++)
    {
      double y = m->y0 + m->height * (1.0 - axis->ticks[i].position);
      int w, h;

      label_size (layout, axis->ticks[i].label, &w, &h);
      if (right_side)
        show_label (cr, layout, axis->ticks[i].label, m->x0 + m->width + LABEL_GAP, y - h / 2.0);
      else
        show_label (cr, layout, axis->ticks[i].label, m->x0 - LABEL_GAP - w, y - h / 2.0);
    }
}

static void
draw_grid (cairo_t           *cr,
           const RapportAxis *values,
           const RapportAxis *times,
           const Mapping     *m)
{
  cairo_set_line_width (cr, 1.0);

  /* Half-pixel offsets put one-pixel lines on whole pixels. */
  for (guint i = 0; i < values->n_ticks; i++)
    {
      double y = floor (m->y0 + m->height * (1.0 - values->ticks[i].position)) + 0.5;

      cairo_move_to (cr, m->x0, y);
      cairo_line_to (cr, m->x0 + m->width, y);
    }

  for (guint i = 0; i < times->n_ticks; i++)
    {
      double x = floor (m->x0 + m->width * times->ticks[i].position) + 0.5;

      cairo_move_to (cr, x, m->y0);
      cairo_line_to (cr, x, m->y0 + m->height);
    }

  cairo_stroke (cr);
}

static void
draw_time_labels (cairo_t           *cr,
                  PangoLayout       *layout,
                  const RapportAxis *times,
                  const Mapping     *m,
                  int                width)
{
  for (guint i = 0; i < times->n_ticks; i++)
    {
      double x = m->x0 + m->width * times->ticks[i].position;
      int w, h;

      label_size (layout, times->ticks[i].label, &w, &h);
      x = CLAMP (x - w / 2.0, 0, MAX (0, width - w));
      show_label (cr, layout, times->ticks[i].label, x, m->y0 + m->height + LABEL_GAP / 2.0);
    }
}

/* Vector targets: cairo paths */

static void
path_points (cairo_t       *cr,
             Line          *line,
             const Mapping *m)
{
  RapportStoreSeries kind = rapport_series_get_kind (line->shown);
  const RapportSeriesPoint *points;
  guint n;

  points = rapport_series_get_points (line->shown, &n);
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      double x = map_x (m, points[i].time);
      double y = map_y (m, kind, points[i].value);

      if (kind == RAPPORT_STORE_SERIES_SELF_RATING)
        {
          cairo_rectangle (cr, round (x) - POINT_SIZE / 2, round (y) - POINT_SIZE / 2,
                           POINT_SIZE, POINT_SIZE);
        }
      else
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, QUIZ_RADIUS, 0, 2 * G_PI);
        }
    }

  set_color (cr, &line->color,
             kind == RAPPORT_STORE_SERIES_SELF_RATING ? POINT_ALPHA : QUIZ_ALPHA);
  cairo_fill (cr);
}

static void
path_trend (cairo_t       *cr,
            Line          *line,
            const Mapping *m,
            gint64         window)
{
  RapportStoreSeries kind = rapport_series_get_kind (line->shown_trend);
  const RapportSeriesPoint *points;
  guint n;

  points = rapport_series_get_points (line->shown_trend, &n);
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      double x = map_x (m, points[i].time);
      double y = map_y (m, kind, points[i].value);

      /* A gap longer than the window has no trend: the line stops.  A lone
       * point becomes a dot, as large as a quiz score's, so a single rating
       * can be seen.
       */
      if (i == 0 || points[i].time - points[i - 1].time > window)
        {
          if (i + 1 == n || points[i + 1].time - points[i].time > window)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, x, y, LONE_RADIUS, 0, 2 * G_PI);
              cairo_close_path (cr);
            }
          cairo_move_to (cr, x, y);
        }
      else
        {
          cairo_line_to (cr, x, y);
        }
    }

  if (kind == RAPPORT_STORE_SERIES_QUIZ_SCORE)
    {
      static const double dashes[] = { DASH_ON, DASH_PERIOD - DASH_ON };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_set_line_width (cr, QUIZ_WIDTH);
    }
  else
    {
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, TREND_WIDTH);
    }

  set_color (cr, &line->color, 1.0);
  cairo_stroke (cr);
}

/* Pixel targets: our own rasteriser */

typedef struct
{
  guint8 *data;
  int     stride;
  int     width;
  int     height;
} Canvas;

/* Premultiplied, 0..255, at full coverage. */
typedef struct
{
  guint red;
  guint green;
  guint blue;
  guint alpha;
} Ink;

static inline guint
div255 (guint value)
{
  return (value + 1 + (value >> 8)) >> 8;
}

static Ink
ink_for (const RapportChartColor *color,
         double                   alpha)
{
  double a = CLAMP (color->alpha * alpha, 0.0, 1.0);
  Ink ink;

  ink.alpha = (guint) (a * 255 + 0.5);
  ink.red = (guint) (CLAMP (color->red, 0.f, 1.f) * a * 255 + 0.5);
  ink.green = (guint) (CLAMP (color->green, 0.f, 1.f) * a * 255 + 0.5);
  ink.blue = (guint) (CLAMP (color->blue, 0.f, 1.f) * a * 255 + 0.5);

  return ink;
}

static inline guint32 *
pixel_at (Canvas *canvas,
          int     x,
          int     y)
{
  return (guint32 *) (gpointer) (canvas->data + (gsize) y * canvas->stride) + x;
}

/* OVER, on cairo's native-endian premultiplied ARGB32. */
static inline void
blend (guint32   *pixel,
       const Ink *ink)
{
  guint32 d = *pixel;
  guint inverse = 255 - ink->alpha;

  if (inverse == 0)
    {
      *pixel = (ink->alpha << 24) | (ink->red << 16) | (ink->green << 8) | ink->blue;
      return;
    }

  *pixel = ((ink->alpha + div255 ((d >> 24) * inverse)) << 24)
           | ((ink->red + div255 (((d >> 16) & 0xff) * inverse)) << 16)
           | ((ink->green + div255 (((d >> 8) & 0xff) * inverse)) << 8)
           | (ink->blue + div255 ((d & 0xff) * inverse));
}

static inline void
blend_partly (guint32   *pixel,
              const Ink *ink,
              double     covered)
{
  guint coverage = (guint) (covered * 255 + 0.5);
  Ink part = {
    div255 (ink->red * coverage), div255 (ink->green * coverage),
    div255 (ink->blue * coverage), div255 (ink->alpha * coverage),
  };

  blend (pixel, &part);
}

/* Column @x from @top to @bottom, the partly covered end pixels antialiased. */
static void
fill_span (Canvas    *canvas,
           int        x,
           double     top,
           double     bottom,
           const Ink *ink)
{
  int first, last;

  if (x < 0 || x >= canvas->width)
    return;

  top = MAX (top, 0.0);
  bottom = MIN (bottom, (double) canvas->height);
  if (bottom <= top)
    return;

  first = (int) floor (top);
  last = (int) ceil (bottom) - 1;
  if (first == last)
    {
      blend_partly (pixel_at (canvas, x, first), ink, bottom - top);
      return;
    }

  blend_partly (pixel_at (canvas, x, first), ink, first + 1.0 - top);
  for (int y = first + 1; y < last; y++)
    blend (pixel_at (canvas, x, y), ink);
  blend_partly (pixel_at (canvas, x, last), ink, bottom - last);
}

/* Whole pixels only. */
static void
fill_box (Canvas    *canvas,
          int        left,
          int        top,
          int        size,
          const Ink *ink)
{
  int right = MIN (left + size, canvas->width);
  int bottom = MIN (top + size, canvas->height);

  for (int y = MAX (top, 0); y < bottom; y++)
    {
      guint32 *row = pixel_at (canvas, 0, y);

      for (int x = MAX (left, 0); x < right; x++)
        blend (row + x, ink);
    }
}

static void
fill_disc (Canvas    *canvas,
           double     cx,
           double     cy,
           double     radius,
           const Ink *ink)
{
  for (int y = (int) floor (cy - radius); y < (int) ceil (cy + radius); y++)
    for (int x = (int) floor (cx - radius); x < (int) ceil (cx + radius); x++)
      {
        double dx = x + 0.5 - cx;
        double dy = y + 0.5 - cy;
        double covered = CLAMP (radius + 0.5 - sqrt (dx * dx + dy * dy), 0.0, 1.0);

        if (covered > 0 && x >= 0 && x < canvas->width && y >= 0 && y < canvas->height)
          blend_partly (pixel_at (canvas, x, y), ink, covered);
      }
}

/* The mapping onto the layer: the plot's, moved by the padding and scaled. */
static Mapping
layer_mapping (const Mapping *m,
               int            scale)
{
  Mapping l = *m;

  l.x0 = LAYER_PAD * scale;
  l.y0 = LAYER_PAD * scale;
  l.width = m->width * scale;
  l.height = m->height * scale;
  l.x_scale = m->x_scale * scale;

  return l;
}

static void
raster_points (Canvas        *canvas,
               Line          *line,
               const Mapping *l,
               int            scale)
{
  RapportStoreSeries kind = rapport_series_get_kind (line->shown);
  const RapportSeriesPoint *points;
  Ink ink;
  int size = POINT_SIZE * scale;
  guint n;

  points = rapport_series_get_points (line->shown, &n);
  ink = ink_for (&line->color,
                 kind == RAPPORT_STORE_SERIES_SELF_RATING ? POINT_ALPHA : QUIZ_ALPHA);

  for (guint i = 0; i < n; i++)
    {
      double x = map_x (l, points[i].time);
      double y = map_y (l, kind, points[i].value);

      if (kind == RAPPORT_STORE_SERIES_SELF_RATING)
        fill_box (canvas, (int) (x + 0.5) - size / 2, (int) (y + 0.5) - size / 2, size, &ink);
      else
        fill_disc (canvas, x, y, QUIZ_RADIUS * scale, &ink);
    }
}

/* Records the part of a segment inside each column it crosses. */
static void
add_segment (RapportChart *self,
             int           n_columns,
             double        x0,
             double        y0,
             double        x1,
             double        y1,
             int          *first,
             int          *last)
{
  double slope = x1 > x0 ? (y1 - y0) / (x1 - x0) : 0;
  int c0 = (int) floor (x0);
  int c1 = x1 > x0 ? (int) ceil (x1) - 1 : c0;

  for (int c = MAX (c0, 0); c <= MIN (c1, n_columns - 1); c++)
    {
      double xa = MAX (x0, (double) c);
      double xb = MIN (x1, c + 1.0);
      double ya = x1 > x0 ? y0 + (xa - x0) * slope : y0;
      double yb = x1 > x0 ? y0 + (xb - x0) * slope : y1;

      self->column_low[c] = MIN (self->column_low[c], MIN (ya, yb));
      self->column_high[c] = MAX (self->column_high[c], MAX (ya, yb));
      self->column_slope[c] = MAX (self->column_slope[c], ABS (slope));
      *first = MIN (*first, c);
      *last = MAX (*last, c);
    }
}

static void
raster_trend (RapportChart  *self,
              Canvas        *canvas,
              Line          *line,
              const Mapping *l,
              int            scale)
{
  RapportStoreSeries kind = rapport_series_get_kind (line->shown_trend);
  gboolean dashed = kind == RAPPORT_STORE_SERIES_QUIZ_SCORE;
  double half = (dashed ? QUIZ_WIDTH : TREND_WIDTH) * scale / 2.0;
  const RapportSeriesPoint *points;
  int first = canvas->width;
  int last = -1;
  Ink ink;
  guint n;

  points = rapport_series_get_points (line->shown_trend, &n);
  if (n == 0)
    return;

  ink = ink_for (&line->color, 1.0);
  for (guint i = 0; i < n; i++)
    {
      double x = map_x (l, points[i].time);
      double y = map_y (l, kind, points[i].value);

      /* A lone point (between gaps longer than the window) is a dot. */
      if ((i == 0 || points[i].time - points[i - 1].time > self->window)
          && (i + 1 == n || points[i + 1].time - points[i].time > self->window))
        fill_disc (canvas, x, y, LONE_RADIUS * scale, &ink);
      else if (i > 0 && points[i].time - points[i - 1].time <= self->window)
        add_segment (self, canvas->width, map_x (l, points[i - 1].time),
                     map_y (l, kind, points[i - 1].value), x, y, &first, &last);
    }

  for (int c = MAX (first, 0); c <= last; c++)
    {
      /* A line of slope s is sqrt (1 + s²) times its width tall; capped, as
       * a steep line's column already spans its climb.
       */
      double slope = MIN (self->column_slope[c], 1.0);
      double grow = sqrt (1.0 + slope * slope);

      if (self->column_low[c] <= self->column_high[c]
          && (!dashed || (c / scale) % DASH_PERIOD < DASH_ON))
        fill_span (canvas, c, self->column_low[c] - half * grow,
                   self->column_high[c] + half * grow, &ink);

      self->column_low[c] = G_MAXDOUBLE;
      self->column_high[c] = -G_MAXDOUBLE;
      self->column_slope[c] = 0;
    }
}

/* Grows only: while a window is being resized, every frame has another
 * size, and a new layer each time would be megabytes of fresh memory.
 */
static void
ensure_layer (RapportChart *self,
              int           width,
              int           height)
{
  int old_width = 0;

  if (self->layer != NULL)
    {
      old_width = cairo_image_surface_get_width (self->layer);
      if (old_width >= width && cairo_image_surface_get_height (self->layer) >= height)
        return;

      width = MAX (width, old_width);
      height = MAX (height, cairo_image_surface_get_height (self->layer));
    }

  g_clear_pointer (&self->layer, cairo_surface_destroy);
  self->layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  if (width > old_width)
    {
      self->column_low = g_renew (double, self->column_low, width);
      self->column_high = g_renew (double, self->column_high, width);
      self->column_slope = g_renew (double, self->column_slope, width);
      for (int c = 0; c < width; c++)
        {
          self->column_low[c] = G_MAXDOUBLE;
          self->column_high[c] = -G_MAXDOUBLE;
          self->column_slope[c] = 0;
        }
    }
}

static void
raster_data (RapportChart  *self,
             cairo_t       *cr,
             const Mapping *m)
{
  Mapping l = layer_mapping (m, self->scale);
  Canvas canvas;

  canvas.width = (self->plot.width + 2 * LAYER_PAD) * self->scale;
  canvas.height = (self->plot.height + 2 * LAYER_PAD) * self->scale;
  ensure_layer (self, canvas.width, canvas.height);

  /* Detaches any snapshot a recording surface took of the last frame. */
  cairo_surface_flush (self->layer);
  canvas.data = cairo_image_surface_get_data (self->layer);
  canvas.stride = cairo_image_surface_get_stride (self->layer);
  memset (canvas.data, 0, (gsize) canvas.stride * canvas.height);

  /* All the faint points first, so no trend line is hidden under them. */
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);

      if (line->visible)
        raster_points (&canvas, line, &l, self->scale);
    }

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);

      if (line->visible)
        raster_trend (self, &canvas, line, &l, self->scale);
    }

  cairo_surface_mark_dirty (self->layer);

  cairo_save (cr);
  cairo_translate (cr, m->x0 - LAYER_PAD, m->y0 - LAYER_PAD);
  cairo_scale (cr, 1.0 / self->scale, 1.0 / self->scale);
  cairo_set_source_surface (cr, self->layer, 0, 0);
  cairo_rectangle (cr, 0, 0, canvas.width, canvas.height);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
path_data (RapportChart  *self,
           cairo_t       *cr,
           const Mapping *m)
{
  cairo_save (cr);

  /* Points on the edges may stick out by their radius, no further. */
  cairo_rectangle (cr, m->x0 - LAYER_PAD, m->y0 - LAYER_PAD,
                   m->width + 2 * LAYER_PAD, m->height + 2 * LAYER_PAD);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);

      if (line->visible)
        path_points (cr, line, m);
    }

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);

      if (line->visible)
        path_trend (cr, line, m, self->window);
    }

  cairo_restore (cr);
}

static gboolean
is_vector_target (cairo_t *cr)
{
  switch ((int) cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return TRUE;

    default:
      return FALSE;
    }
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
      Line *line = g_ptr_array_index (self->lines, i);

      g_clear_pointer (&line->shown, rapport_series_unref);
      g_clear_pointer (&line->shown_trend, rapport_series_unref);
      line->shown = rapport_series_downsample (line->series, self->from, self->to, columns);
      line->shown_trend = rapport_series_trend_for_width (line->series, self->window,
                                                          self->from, self->to, columns);
    }

  self->shown_columns = columns;
}

void
rapport_chart_render (RapportChart *self,
                      cairo_t      *cr,
                      PangoContext *context,
                      int           width,
                      int           height)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(RapportAxis) left = NULL;
  g_autoptr(RapportAxis) right = NULL;
  g_autoptr(RapportAxis) times = NULL;
  gboolean has_ratings = FALSE;
  gboolean has_scores = FALSE;
  int left_width, right_width, label_height = 0;
  Mapping m;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);

      if (!line->visible)
        continue;
      if (rapport_series_get_kind (line->series) == RAPPORT_STORE_SERIES_SELF_RATING)
        has_ratings = TRUE;
      else
        has_scores = TRUE;
    }

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

  /* Ratings on the left; scores on the left only when alone. */
  left = rapport_axis_new_for_values (has_ratings || !has_scores
                                      ? RAPPORT_STORE_SERIES_SELF_RATING
                                      : RAPPORT_STORE_SERIES_QUIZ_SCORE);
  if (has_ratings && has_scores)
    right = rapport_axis_new_for_values (RAPPORT_STORE_SERIES_QUIZ_SCORE);

  left_width = widest_label (layout, left, &label_height) + 2 * LABEL_GAP;
  right_width = right != NULL ? widest_label (layout, right, &label_height) + 2 * LABEL_GAP
                              : 2 * LABEL_GAP;

  self->plot.x = left_width;
  self->plot.y = label_height / 2 + LABEL_GAP;
  self->plot.width = width - left_width - right_width;
  self->plot.height = height - self->plot.y - label_height - LABEL_GAP;
  if (self->plot.width < 2 || self->plot.height < 2)
    return;

  m.x0 = self->plot.x;
  m.y0 = self->plot.y;
  m.width = self->plot.width;
  m.height = self->plot.height;
  m.from = self->from;
  m.x_scale = m.width / (double) (self->to - self->from);

  times = rapport_axis_new_for_time (self->from, self->to, self->tz);

  cairo_save (cr);

  set_color (cr, &self->foreground, GRID_ALPHA);
  draw_grid (cr, left, times, &m);

  set_color (cr, &self->foreground, LABEL_ALPHA);
  draw_value_labels (cr, layout, left, &m, FALSE);
  if (right != NULL)
    draw_value_labels (cr, layout, right, &m, TRUE);
  draw_time_labels (cr, layout, times, &m, width);

  /* Two points per column of the plot; more would not show. */
  ensure_shown (self, (guint) self->plot.width * self->scale);

  if (is_vector_target (cr))
    path_data (self, cr, &m);
  else
    raster_data (self, cr, &m);

  cairo_restore (cr);
}

/* Tips */

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
  set_color (cr, background, 0.96);
  cairo_fill_preserve (cr);
  set_color (cr, foreground, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  set_color (cr, foreground, 1.0);
  cairo_move_to (cr, round (left) + TIP_PAD, round (top) + TIP_PAD);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* Radar */

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
  double across = width / 2.0 - label_width - LABEL_GAP;
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

static void
radar_shape (cairo_t             *cr,
             const RadarGeometry *g,
             const RapportRadarValue *values,
             guint                n_values,
             gboolean             then)
{
  for (guint i = 0; i < n_values; i++)
    {
      double level = then ? values[i].then : values[i].now;
      double x, y;

      radar_point (g, n_values, i, level < 0 ? 0 : level, &x, &y);
      if (level < 0)
        radar_point (g, n_values, i, 0, &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

static void
radar_dots (cairo_t                 *cr,
            const RadarGeometry     *g,
            const RapportRadarValue *values,
            guint                    n_values,
            gboolean                 then)
{
  for (guint i = 0; i < n_values; i++)
    {
      double level = then ? values[i].then : values[i].now;
      double x, y;

      if (level < 0)
        continue;
      radar_point (g, n_values, i, level, &x, &y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, RADAR_DOT_RADIUS, 0, 2 * G_PI);
    }
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

  label_size (layout, style->now_label, &now_width, &h);
  label_size (layout, style->then_label, &then_width, &h);
  x = MAX (0, (width - (16 + 6 + now_width + 18 + 16 + 6 + then_width)) / 2.0);

  set_color (cr, &style->now, RADAR_FILL_ALPHA);
  cairo_rectangle (cr, x, 8, 16, 10);
  cairo_fill (cr);
  set_color (cr, &style->now, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_rectangle (cr, x, 8, 16, 10);
  cairo_stroke (cr);
  set_color (cr, &style->foreground, LABEL_ALPHA);
  show_label (cr, layout, style->now_label, x + 22, 13 - h / 2.0);

  x += 22 + now_width + 18;
  set_color (cr, &style->then, 1);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_rectangle (cr, x, 8, 16, 10);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  set_color (cr, &style->foreground, LABEL_ALPHA);
  show_label (cr, layout, style->then_label, x + 22, 13 - h / 2.0);
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
      double x = g->cx + (g->radius + LABEL_GAP) * cos (angle);
      double y = g->cy + (g->radius + LABEL_GAP) * sin (angle);
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

      set_color (cr, &style->foreground, style->focused == (int) i ? 1.0 : LABEL_ALPHA);
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

  g = radar_geometry (width, height);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Rings at the five rating levels, and the spokes. */
  set_color (cr, &style->foreground, GRID_ALPHA * 1.5);
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
      set_color (cr, &style->foreground, 0.6);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
      cairo_stroke (cr);
    }

  /* The rating scale along the first spoke. */
  set_color (cr, &style->foreground, LABEL_ALPHA * 0.8);
  for (guint level = 0; level <= 4; level++)
    {
      char text[4];
      double x, y;
      int w, h;

      g_snprintf (text, sizeof text, "%u", level + 1);
      radar_point (&g, n_values, 0, level / 4.0, &x, &y);
      label_size (layout, text, &w, &h);
      show_label (cr, layout, text, x + 4, y - h);
    }

  /* Then, a dashed outline under now's filled shape. */
  radar_shape (cr, &g, values, n_values, TRUE);
  set_color (cr, &style->then, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  radar_dots (cr, &g, values, n_values, TRUE);
  cairo_fill (cr);

  radar_shape (cr, &g, values, n_values, FALSE);
  set_color (cr, &style->now, RADAR_FILL_ALPHA);
  cairo_fill_preserve (cr);
  set_color (cr, &style->now, 1);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  radar_dots (cr, &g, values, n_values, FALSE);
  cairo_fill (cr);

  radar_labels (cr, layout, &g, values, n_values, style);
  radar_legend (cr, layout, width, style);

  cairo_restore (cr);
}
