/* rapport-chart-data.c: draws the chart's data: cairo paths on vector
 * targets, the chart's own rasteriser on pixel targets
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Why there is a rasteriser: see rapport-chart-render.c.  A line is one
 * antialiased vertical span per pixel column, a point a 2×2 box or a small
 * disc, all blended into one layer that is painted onto the target in one
 * go.  Vector targets get the same geometry as paths.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rapport-chart-private.h"

#define POINT_SIZE     2     /* raw self-ratings, in pixels */
#define QUIZ_RADIUS    3.5
#define TREND_WIDTH    2.0
#define QUIZ_WIDTH     1.5
#define LONE_RADIUS    3.5   /* a trend value with no neighbour within the window */
#define VALUE_RADIUS   3.5   /* a value on a line of values (too few for a trend) */
#define POINT_ALPHA    0.3
#define QUIZ_ALPHA     0.8
#define LAYER_PAD      3     /* room for points on the plot's edges */
#define DASH_ON        4     /* quiz trends: pixels drawn, then skipped */
#define DASH_PERIOD    7

static inline double
map_x (const RapportChartMapping *m,
       gint64                     time)
{
  return m->x0 + (double) (time - m->from) * m->x_scale;
}

static inline double
map_y (const RapportChartMapping *m,
       RapportStoreSeries         kind,
       double                     value)
{
  return m->y0[kind] + m->height[kind] * (1.0 - rapport_series_normalise (kind, value));
}

/* The points of @series where @m puts them, one at a time:
 *
 *   PlotWalk w = plot_walk (series, m);
 *
 *   while (plot_walk_next (&w))
 *     draw point w.i of w.points at (w.x, w.y);
 */
typedef struct
{
  const RapportChartMapping *m;
  const RapportSeriesPoint  *points;
  guint                      n;
  RapportStoreSeries         kind;
  guint                      i;
  guint                      next;
  double                     x;
  double                     y;
} PlotWalk;

static inline PlotWalk
plot_walk (RapportSeries             *series,
           const RapportChartMapping *m)
{
  PlotWalk w = { m, NULL, 0, rapport_series_get_kind (series), 0, 0, 0, 0 };

  w.points = rapport_series_get_points (series, &w.n);

  return w;
}

static inline gboolean
plot_walk_next (PlotWalk *w)
{
  if (w->next >= w->n)
    return FALSE;

  w->i = w->next++;
  w->x = map_x (w->m, w->points[w->i].time);
  w->y = map_y (w->m, w->kind, w->points[w->i].value);

  return TRUE;
}

/* Where the walk is on a trend: a gap longer than @window has no trend, so
 * the line stops there and starts again; a value with no neighbour within
 * the window is alone, and drawn as a dot.
 */
typedef enum
{
  TREND_START,
  TREND_ALONG,
  TREND_ALONE,
} TrendStep;

/* A line of values as they are (too few for a trend, see
 * rapport_series_line_for_width()) has a trend window of 0: it joins every
 * value to the next, however far apart, and has a dot at each.
 */
static inline gboolean
is_values (RapportSeries *line)
{
  return rapport_series_get_trend_window (line) == 0;
}

static inline TrendStep
plot_walk_trend_step (const PlotWalk *w,
                      gint64          window)
{
  const RapportSeriesPoint *points = w->points;
  guint i = w->i;

  if (window == 0)
    return i > 0 ? TREND_ALONG : w->n == 1 ? TREND_ALONE : TREND_START;

  if (i > 0 && points[i].time - points[i - 1].time <= window)
    return TREND_ALONG;
  if (i + 1 == w->n || points[i + 1].time - points[i].time > window)
    return TREND_ALONE;

  return TREND_START;
}

/* Vector targets: cairo paths */

static void
path_points (cairo_t                   *cr,
             RapportChartLine          *line,
             const RapportChartMapping *m)
{
  PlotWalk w = plot_walk (line->shown, m);

  if (w.n == 0)
    return;

  while (plot_walk_next (&w))
    {
      if (w.kind == RAPPORT_STORE_SERIES_SELF_RATING)
        {
          cairo_rectangle (cr, round (w.x) - POINT_SIZE / 2, round (w.y) - POINT_SIZE / 2,
                           POINT_SIZE, POINT_SIZE);
        }
      else
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, w.x, w.y, QUIZ_RADIUS, 0, 2 * G_PI);
        }
    }

  rapport_chart_set_color (cr, &line->color,
                           w.kind == RAPPORT_STORE_SERIES_SELF_RATING ? POINT_ALPHA : QUIZ_ALPHA);
  cairo_fill (cr);
}

/* A filled dot at each value of a line of values. */
static void
path_value_dots (cairo_t                   *cr,
                 RapportChartLine          *line,
                 const RapportChartMapping *m)
{
  PlotWalk w = plot_walk (line->shown_trend, m);

  while (plot_walk_next (&w))
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, w.x, w.y, VALUE_RADIUS, 0, 2 * G_PI);
    }

  rapport_chart_set_color (cr, &line->color, 1.0);
  cairo_fill (cr);
}

static void
path_trend (cairo_t                   *cr,
            RapportChartLine          *line,
            const RapportChartMapping *m,
            gint64                     window)
{
  PlotWalk w = plot_walk (line->shown_trend, m);

  if (w.n == 0)
    return;
  if (is_values (line->shown_trend))
    window = 0;

  while (plot_walk_next (&w))
    {
      /* A lone point becomes a dot, as large as a quiz score's, so a single
       * rating can be seen.
       */
      switch (plot_walk_trend_step (&w, window))
        {
        case TREND_ALONE:
          cairo_new_sub_path (cr);
          cairo_arc (cr, w.x, w.y, LONE_RADIUS, 0, 2 * G_PI);
          cairo_close_path (cr);
          cairo_move_to (cr, w.x, w.y);
          break;

        case TREND_START:
          cairo_move_to (cr, w.x, w.y);
          break;

        case TREND_ALONG:
        default:
          cairo_line_to (cr, w.x, w.y);
          break;
        }
    }

  if (w.kind == RAPPORT_STORE_SERIES_QUIZ_SCORE)
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

  rapport_chart_set_color (cr, &line->color, 1.0);
  cairo_stroke (cr);

  if (window == 0)
    path_value_dots (cr, line, m);
}

/* The visible lines in the order they are drawn: all the faint points
 * first, so no trend line is hidden under them, then the trends.  Start
 * with *@step at 0.
 */
static gboolean
next_line (RapportChart      *self,
           guint             *step,
           RapportChartLine **line,
           gboolean          *trend)
{
  while (*step < 2 * self->lines->len)
    {
      guint i = (*step)++;

      *line = g_ptr_array_index (self->lines, i % self->lines->len);
      *trend = i >= self->lines->len;
      if ((*line)->visible)
        return TRUE;
    }

  return FALSE;
}

static void
path_data (RapportChart              *self,
           cairo_t                   *cr,
           const RapportChartMapping *m)
{
  RapportChartLine *line;
  gboolean trend;

  cairo_save (cr);

  /* Points on the edges may stick out by their radius, no further. */
  cairo_rectangle (cr, m->x0 - LAYER_PAD, m->top - LAYER_PAD,
                   m->width + 2 * LAYER_PAD, m->bottom - m->top + 2 * LAYER_PAD);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (guint step = 0; next_line (self, &step, &line, &trend);)
    {
      if (trend)
        path_trend (cr, line, m, self->window);
      else
        path_points (cr, line, m);
    }

  cairo_restore (cr);
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
static RapportChartMapping
layer_mapping (const RapportChartMapping *m,
               int                        scale)
{
  RapportChartMapping l = *m;

  l.x0 = LAYER_PAD * scale;
  l.width = m->width * scale;
  l.top = LAYER_PAD * scale;
  l.bottom = l.top + (m->bottom - m->top) * scale;
  for (guint kind = 0; kind < RAPPORT_CHART_N_PANELS; kind++)
    {
      l.y0[kind] = (LAYER_PAD + m->y0[kind] - m->top) * scale;
      l.height[kind] = m->height[kind] * scale;
    }
  l.x_scale = m->x_scale * scale;

  return l;
}

static void
raster_points (Canvas                    *canvas,
               RapportChartLine          *line,
               const RapportChartMapping *l,
               int                        scale)
{
  PlotWalk w = plot_walk (line->shown, l);
  int size = POINT_SIZE * scale;
  Ink ink = ink_for (&line->color,
                     w.kind == RAPPORT_STORE_SERIES_SELF_RATING ? POINT_ALPHA : QUIZ_ALPHA);

  while (plot_walk_next (&w))
    {
      if (w.kind == RAPPORT_STORE_SERIES_SELF_RATING)
        fill_box (canvas, (int) (w.x + 0.5) - size / 2, (int) (w.y + 0.5) - size / 2, size, &ink);
      else
        fill_disc (canvas, w.x, w.y, QUIZ_RADIUS * scale, &ink);
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
raster_trend (RapportChart              *self,
              Canvas                    *canvas,
              RapportChartLine          *line,
              const RapportChartMapping *l,
              int                        scale)
{
  PlotWalk w = plot_walk (line->shown_trend, l);
  gboolean dashed = w.kind == RAPPORT_STORE_SERIES_QUIZ_SCORE;
  double half = (dashed ? QUIZ_WIDTH : TREND_WIDTH) * scale / 2.0;
  gint64 window = is_values (line->shown_trend) ? 0 : self->window;
  int first = canvas->width;
  int last = -1;
  Ink ink;

  if (w.n == 0)
    return;

  ink = ink_for (&line->color, 1.0);
  while (plot_walk_next (&w))
    {
      TrendStep step = plot_walk_trend_step (&w, window);

      /* A lone point (between gaps longer than the window) is a dot. */
      if (step == TREND_ALONE)
        fill_disc (canvas, w.x, w.y, LONE_RADIUS * scale, &ink);
      else if (step == TREND_ALONG)
        add_segment (self, canvas->width, map_x (l, w.points[w.i - 1].time),
                     map_y (l, w.kind, w.points[w.i - 1].value), w.x, w.y, &first, &last);
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

  /* On a line of values, each value is a dot on it. */
  for (w = plot_walk (line->shown_trend, l); window == 0 && plot_walk_next (&w);)
    fill_disc (canvas, w.x, w.y, VALUE_RADIUS * scale, &ink);
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
raster_data (RapportChart              *self,
             cairo_t                   *cr,
             const RapportChartMapping *m)
{
  RapportChartMapping l = layer_mapping (m, self->scale);
  Canvas canvas;
  RapportChartLine *line;
  gboolean trend;

  canvas.width = (self->plot.width + 2 * LAYER_PAD) * self->scale;
  canvas.height = (self->plot.height + 2 * LAYER_PAD) * self->scale;
  ensure_layer (self, canvas.width, canvas.height);

  /* Detaches any snapshot a recording surface took of the last frame. */
  cairo_surface_flush (self->layer);
  canvas.data = cairo_image_surface_get_data (self->layer);
  canvas.stride = cairo_image_surface_get_stride (self->layer);
  memset (canvas.data, 0, (gsize) canvas.stride * canvas.height);

  for (guint step = 0; next_line (self, &step, &line, &trend);)
    {
      if (trend)
        raster_trend (self, &canvas, line, &l, self->scale);
      else
        raster_points (&canvas, line, &l, self->scale);
    }

  cairo_surface_mark_dirty (self->layer);

  cairo_save (cr);
  cairo_translate (cr, m->x0 - LAYER_PAD, m->top - LAYER_PAD);
  cairo_scale (cr, 1.0 / self->scale, 1.0 / self->scale);
  cairo_set_source_surface (cr, self->layer, 0, 0);
  cairo_rectangle (cr, 0, 0, canvas.width, canvas.height);
  cairo_fill (cr);
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

void
rapport_chart_draw_data (RapportChart              *self,
                         cairo_t                   *cr,
                         const RapportChartMapping *m)
{
  if (is_vector_target (cr))
    path_data (self, cr, m);
  else
    raster_data (self, cr, m);
}
