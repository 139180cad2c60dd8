/* rapport-chart-view.c: the skill-trend chart as a widget
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-chart-view-private.h"
#include "rapport-chart-widget.h"
#include "rapport-skill.h"

#define MARKER_RADIUS 6.0

G_DEFINE_FINAL_TYPE (RapportChartView, rapport_chart_view, GTK_TYPE_WIDGET)

enum
{
  POINT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const RapportChartColor *
color_for_skill (const char *skill_key,
                 gboolean    dark)
{
  guint n_colors;
  const RapportChartColor *palette = rapport_chart_get_palette (dark, &n_colors);
  int position = rapport_skill_get_position (skill_key);

  return &palette[MAX (position, 0) % n_colors];
}

gboolean
rapport_chart_view_series_visible (RapportChartView *self,
                                   RapportSeries    *series)
{
  return !g_hash_table_contains (self->hidden_skills, rapport_series_get_skill_key (series));
}

static void
fill_chart (RapportChartView *self,
            RapportChart     *chart,
            gboolean          dark,
            gboolean          visible_only)
{
  g_assert (RAPPORT_IS_CHART_VIEW (self));

  rapport_chart_remove_all_series (chart);
  for (guint i = 0; i < self->series->len; i++)
    {
      RapportSeries *series = self->series->pdata[i];
      guint index;

      if (visible_only && !rapport_chart_view_series_visible (self, series))
        continue;
      index = rapport_chart_add_series (chart, series,
                                        color_for_skill (rapport_series_get_skill_key (series), dark));
      rapport_chart_set_series_visible (chart, index,
                                        rapport_chart_view_series_visible (self, series));
    }
}

/* "3.5" for a self-rating, "72 %" for a quiz score. */
static char *
format_value (RapportStoreSeries kind,
              double             value)
{
  if (kind == RAPPORT_STORE_SERIES_SELF_RATING)
    return g_strdup_printf ("%.1f", value);

  /* Translators: a quiz score in percent */
  return g_strdup_printf (_("%.0f %%"), value);
}

/* In the words of rapport_series_get_change(), which reads the chart's
 * line: a handful of values as they are (smoothing three ratings of 1, 3
 * and 4 a day apart would say the skill "stayed at 2.7"), more as their
 * trend, so what is said and what is drawn always go the same way.
 */
static char *
describe_series (RapportSeries *series,
                 gint64         from,
                 gint64         to)
{
  RapportStoreSeries kind = rapport_series_get_kind (series);
  gboolean ratings = kind == RAPPORT_STORE_SERIES_SELF_RATING;
  const char *title = rapport_skill_get_display_title (rapport_series_get_skill_key (series));
  RapportSeriesChange change;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  guint n_points;
  guint days;

  if (!rapport_series_get_change (series, rapport_series_trend_window_for_span (to - from), from, to,
                                  &change))
    return NULL;

  n_points = change.n_values;
  days = MAX (1, (guint) ((change.end_time - change.start_time + RAPPORT_SERIES_DAY / 2) / RAPPORT_SERIES_DAY));
  start = format_value (kind, change.start);
  end = format_value (kind, change.end);

  if (n_points < 2)
    return ratings
           /* Translators: a skill and a self-rating out of 5 */
           ? g_strdup_printf (_("%s was rated %s once."), title, start)
           /* Translators: a skill and a quiz score such as "72 %" */
           : g_strdup_printf (_("%s: one quiz score, %s."), title, start);

  if (change.direction == RAPPORT_SERIES_ROSE)
    return ratings
           /* Translators: a skill, two self-ratings out of 5 and a number of days */
           ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s rose from %s to %s over %u day.",
                                           "%s rose from %s to %s over %u days.", days),
                              title, start, end, days)
           /* Translators: a skill, two quiz scores such as "72 %" and a number of days */
           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s quiz scores rose from %s to %s over %u day.",
                                           "%s quiz scores rose from %s to %s over %u days.", days),
                              title, start, end, days);
  if (change.direction == RAPPORT_SERIES_FELL)
    return ratings
           /* Translators: a skill, two self-ratings out of 5 and a number of days */
           ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s fell from %s to %s over %u day.",
                                           "%s fell from %s to %s over %u days.", days),
                              title, start, end, days)
           /* Translators: a skill, two quiz scores such as "72 %" and a number of days */
           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s quiz scores fell from %s to %s over %u day.",
                                           "%s quiz scores fell from %s to %s over %u days.", days),
                              title, start, end, days);

  return ratings
         /* Translators: a skill, a self-rating out of 5 and a number of days */
         ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s stayed at %s over %u day.",
                                         "%s stayed at %s over %u days.", days),
                            title, start, days)
         /* Translators: a skill, a quiz score such as "72 %" and a number of days */
         : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s quiz scores stayed at %s over %u day.",
                                         "%s quiz scores stayed at %s over %u days.", days),
                            title, start, days);
}

/* Self-ratings first, then quiz scores, each in course order. */
static void
append_descriptions (RapportChartView   *self,
                     GString            *text,
                     RapportStoreSeries  kind)
{
  for (guint i = 0; i < self->series->len; i++)
    {
      RapportSeries *series = self->series->pdata[i];
      g_autofree char *sentence = NULL;

      if (rapport_series_get_kind (series) != kind
          || !rapport_chart_view_series_visible (self, series))
        continue;
      sentence = describe_series (series, self->from, self->to);
      if (sentence == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, sentence);
    }
}

void
rapport_chart_view_announce (RapportChartView *self)
{
  /* A focused value is read out; otherwise the trend. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->tip_text != NULL && self->focus.line >= 0
                                  ? self->tip_text : self->description,
                                  -1);
}

static void
update_description (RapportChartView *self)
{
  GString *text = g_string_new (NULL);

  append_descriptions (self, text, RAPPORT_STORE_SERIES_SELF_RATING);
  append_descriptions (self, text, RAPPORT_STORE_SERIES_QUIZ_SCORE);

  if (text->len == 0)
    g_string_append (text, _("No self-ratings or quiz scores to show in this range."));
  else
    g_string_append (text, _(" Use the arrow keys to go through the values, and Enter to open one."));

  g_free (self->description);
  self->description = g_string_free (text, FALSE);
  rapport_chart_view_announce (self);
}

void
rapport_chart_view_activate_mark (RapportChartView       *self,
                                  const RapportChartMark *mark)
{
  const RapportSeriesPoint *point = rapport_chart_view_mark_point (self, mark);
  RapportSeries *series;

  if (point == NULL)
    return;

  series = self->series->pdata[mark->line];
  g_signal_emit (self, signals[POINT_ACTIVATED], 0, rapport_series_get_skill_key (series),
                 point->entry_uuid, point->attempt_id);
}

GtkWidget *
rapport_chart_view_new (void)
{
  return g_object_new (RAPPORT_TYPE_CHART_VIEW, NULL);
}

void
rapport_chart_view_set_range (RapportChartView *self,
                              gint64            from,
                              gint64            to)
{
  g_return_if_fail (RAPPORT_IS_CHART_VIEW (self));
  g_return_if_fail (from < to);

  self->from = from;
  self->to = to;
  rapport_chart_set_range (self->chart, from, to);
  rapport_chart_view_clear_marks (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rapport_chart_view_get_range (RapportChartView *self,
                              gint64           *from,
                              gint64           *to)
{
  g_return_if_fail (RAPPORT_IS_CHART_VIEW (self));

  if (from != NULL)
    *from = self->from;
  if (to != NULL)
    *to = self->to;
}

void
rapport_chart_view_set_series (RapportChartView          *self,
                               GPtrArray                 *series,
                               RapportChartViewTitleFunc  title_func,
                               gpointer                   user_data)
{
  g_return_if_fail (RAPPORT_IS_CHART_VIEW (self));

  /* The chart drops its references first, so no series it holds changes. */
  rapport_chart_remove_all_series (self->chart);
  g_ptr_array_set_size (self->series, 0);
  for (guint i = 0; series != NULL && i < series->len; i++)
    g_ptr_array_add (self->series, rapport_series_ref (series->pdata[i]));
  self->title_func = title_func;
  self->title_data = user_data;

  fill_chart (self, self->chart, self->dark, FALSE);
  rapport_chart_view_clear_marks (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rapport_chart_view_set_skill_visible (RapportChartView *self,
                                      const char       *skill_key,
                                      gboolean          visible)
{
  g_return_if_fail (RAPPORT_IS_CHART_VIEW (self));
  g_return_if_fail (skill_key != NULL);

  if (visible == rapport_chart_view_get_skill_visible (self, skill_key))
    return;

  if (visible)
    g_hash_table_remove (self->hidden_skills, skill_key);
  else
    g_hash_table_add (self->hidden_skills, g_strdup (skill_key));

  /* Series keep their indices in the chart: they were added in order. */
  for (guint i = 0; i < self->series->len; i++)
    if (g_str_equal (rapport_series_get_skill_key (self->series->pdata[i]), skill_key))
      rapport_chart_set_series_visible (self->chart, i, visible);

  if (rapport_chart_view_mark_point (self, &self->focus) == NULL)
    self->focus.line = -1;
  if (rapport_chart_view_mark_point (self, &self->hover) == NULL)
    self->hover.line = -1;
  rapport_chart_view_update_tip (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
rapport_chart_view_get_skill_visible (RapportChartView *self,
                                      const char       *skill_key)
{
  g_return_val_if_fail (RAPPORT_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (skill_key != NULL, FALSE);

  return !g_hash_table_contains (self->hidden_skills, skill_key);
}

GPtrArray *
rapport_chart_view_get_visible_series (RapportChartView *self)
{
  GPtrArray *visible;

  g_return_val_if_fail (RAPPORT_IS_CHART_VIEW (self), NULL);

  visible = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_series_unref);
  for (guint i = 0; i < self->series->len; i++)
    if (rapport_chart_view_series_visible (self, self->series->pdata[i]))
      g_ptr_array_add (visible, rapport_series_ref (self->series->pdata[i]));

  return visible;
}

const char *
rapport_chart_view_get_description (RapportChartView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHART_VIEW (self), NULL);

  return self->description;
}

const char *
rapport_chart_view_get_tip (RapportChartView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHART_VIEW (self), NULL);

  return self->tip_text;
}

const RapportSeriesPoint *
rapport_chart_view_get_focused_point (RapportChartView  *self,
                                      RapportSeries    **series)
{
  const RapportSeriesPoint *point;

  g_return_val_if_fail (RAPPORT_IS_CHART_VIEW (self), NULL);

  point = rapport_chart_view_mark_point (self, &self->focus);
  if (series != NULL)
    *series = point != NULL ? self->series->pdata[self->focus.line] : NULL;

  return point;
}

RapportChart *
rapport_chart_view_get_chart (RapportChartView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

void
rapport_chart_view_render_export (RapportChartView *self,
                                  cairo_t          *cr,
                                  int               width,
                                  int               height,
                                  int               scale)
{
  static const RapportChartColor black = { 0, 0, 0, 1 };
  g_autoptr(RapportChart) chart = NULL;

  g_return_if_fail (RAPPORT_IS_CHART_VIEW (self));
  g_return_if_fail (cr != NULL);

  /* A file is read away from the window, so it gets the light style
   * whatever the window shows.
   */
  chart = rapport_chart_new (self->from, self->to, NULL);
  rapport_chart_set_foreground (chart, &black);
  rapport_chart_set_scale_factor (chart, MAX (scale, 1));
  fill_chart (self, chart, FALSE, TRUE);

  rapport_chart_widget_paint_export_background (cr);
  rapport_chart_render (chart, cr, NULL, width, height);
}

static void
on_dark_changed_cb (RapportChartView *self,
                    GParamSpec       *pspec,
                    AdwStyleManager  *manager)
{
  self->dark = adw_style_manager_get_dark (manager);
  rapport_chart_remove_all_series (self->chart);
  fill_chart (self, self->chart, self->dark, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
draw_marker (RapportChartView       *self,
             cairo_t                *cr,
             const RapportChartMark *mark,
             const GdkRGBA          *foreground)
{
  const RapportSeriesPoint *point = rapport_chart_view_mark_point (self, mark);
  RapportSeries *series;
  const RapportChartColor *color;
  double x, y;

  if (point == NULL || !rapport_chart_map_point (self->chart, mark->line, point, &x, &y))
    return;

  series = self->series->pdata[mark->line];
  color = color_for_skill (rapport_series_get_skill_key (series), self->dark);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, MARKER_RADIUS, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, 1);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, foreground);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

/* The focused value's ring, a ring on each value the tip lists, and the tip. */
static void
draw_marks (RapportChartView *self,
            cairo_t          *cr,
            const GdkRGBA    *foreground,
            int               width,
            int               height)
{
  const RapportChartMark *mark = rapport_chart_view_tip_mark (self);
  double x, y;

  if (self->focused)
    draw_marker (self, cr, &self->focus, foreground);
  for (guint i = 0; i < self->tip_marks->len; i++)
    draw_marker (self, cr, &g_array_index (self->tip_marks, RapportChartMark, i), foreground);

  if (mark == NULL || self->tip == NULL
      || !rapport_chart_map_point (self->chart, mark->line,
                                   rapport_chart_view_mark_point (self, mark), &x, &y))
    return;

  rapport_chart_widget_draw_tip (GTK_WIDGET (self), cr, self->tip, x, y, self->dark, foreground);
}

static void
rapport_chart_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  RapportChartView *self = RAPPORT_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA foreground;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  G_STATIC_ASSERT (sizeof (GdkRGBA) == sizeof (RapportChartColor));
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
  rapport_chart_set_foreground (self->chart, (const RapportChartColor *) &foreground);
  rapport_chart_set_scale_factor (self->chart, gtk_widget_get_scale_factor (widget));

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rapport_chart_render (self->chart, cr, gtk_widget_get_pango_context (widget), width, height);
  draw_marks (self, cr, &foreground, width, height);
  cairo_destroy (cr);
}

static void
rapport_chart_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  /* Room for both value axes and a few ticks; wider is better. */
  rapport_chart_widget_measure (orientation, 240, 720, 200, 320, minimum, natural);
}

static void
rapport_chart_view_finalize (GObject *object)
{
  RapportChartView *self = RAPPORT_CHART_VIEW (object);

  g_clear_pointer (&self->chart, rapport_chart_free);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->hidden_skills, g_hash_table_unref);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->tip, g_free);
  g_clear_pointer (&self->tip_text, g_free);
  g_clear_pointer (&self->tip_marks, g_array_unref);

  G_OBJECT_CLASS (rapport_chart_view_parent_class)->finalize (object);
}

static void
rapport_chart_view_class_init (RapportChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rapport_chart_view_finalize;
  widget_class->snapshot = rapport_chart_view_snapshot;
  widget_class->measure = rapport_chart_view_measure;
  rapport_chart_widget_class_setup (widget_class);

  /**
   * RapportChartView::point-activated:
   * @skill_key: the skill of the value
   * @entry_uuid: (nullable): the journal entry of a self-rating
   * @attempt_id: the quiz attempt of a score; 0 for a self-rating
   *
   * A value was clicked, or chosen with Enter or Space.
   */
  signals[POINT_ACTIVATED] =
    g_signal_new ("point-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64);
}

static void
rapport_chart_view_init (RapportChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->focus.line = -1;
  self->hover.line = -1;
  self->tip_marks = g_array_new (FALSE, FALSE, sizeof (RapportChartMark));
  rapport_chart_view_init_input (self);

  rapport_series_range_get_bounds (RAPPORT_SERIES_RANGE_30_DAYS, now, G_MAXINT64, &self->from, &self->to);
  self->chart = rapport_chart_new (self->from, self->to, NULL);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_series_unref);
  self->hidden_skills = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->dark = adw_style_manager_get_dark (manager);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_dark_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Skill trends"),
                                  -1);
  update_description (self);
}
