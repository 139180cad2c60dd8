/* rapport-chart-view.c: the skill-trend chart as a widget
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rapport-chart-view.h"
#include "rapport-skill.h"

struct _RapportChartView
{
  GtkWidget parent_instance;

  /* owned */
  RapportChart *chart;
  GPtrArray    *series;         /* of RapportSeries */
  GHashTable   *hidden_skills;  /* skill keys */
  char         *description;

  /* state */
  gint64        from;
  gint64        to;
  gboolean      dark;
};

G_DEFINE_FINAL_TYPE (RapportChartView, rapport_chart_view, GTK_TYPE_WIDGET)

static const RapportChartColor *
color_for_skill (const char *skill_key,
                 gboolean    dark)
{
  guint n_colors;
  const RapportChartColor *palette = rapport_chart_get_palette (dark, &n_colors);
  int position = rapport_skill_get_position (skill_key);

  return &palette[MAX (position, 0) % n_colors];
}

static gboolean
series_visible (RapportChartView *self,
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

      if (visible_only && !series_visible (self, series))
        continue;
      index = rapport_chart_add_series (chart, series,
                                        color_for_skill (rapport_series_get_skill_key (series), dark));
      rapport_chart_set_series_visible (chart, index, series_visible (self, series));
    }
}

static char *
describe_series (RapportSeries *series,
                 gint64         from,
                 gint64         to)
{
  const RapportSkill *skill = rapport_skill_lookup (rapport_series_get_skill_key (series));
  const char *title = skill != NULL ? _(skill->title) : rapport_series_get_skill_key (series);
  g_autoptr(RapportSeries) trend = NULL;
  const RapportSeriesPoint *first, *last;
  guint n_points;
  guint days;

  if (rapport_series_get_n_points (series) == 0)
    return NULL;

  trend = rapport_series_moving_average (series, rapport_series_trend_window_for_span (to - from));
  first = rapport_series_get_points (trend, &n_points);
  last = &first[n_points - 1];
  days = MAX (1, (guint) ((last->time - first->time + RAPPORT_SERIES_DAY / 2) / RAPPORT_SERIES_DAY));

  if (n_points < 2)
    /* Translators: a skill and a self-rating out of 5 */
    return g_strdup_printf (_("%s was rated %.1f once."), title, first->value);

  /* Rounded as they are read out, so "rose from 3.0 to 3.0" never happens. */
  if (round (last->value * 10) > round (first->value * 10))
    /* Translators: a skill, two self-ratings out of 5 and a number of days */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s rose from %.1f to %.1f over %u day.",
                                         "%s rose from %.1f to %.1f over %u days.", days),
                            title, first->value, last->value, days);
  if (round (last->value * 10) < round (first->value * 10))
    /* Translators: a skill, two self-ratings out of 5 and a number of days */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s fell from %.1f to %.1f over %u day.",
                                         "%s fell from %.1f to %.1f over %u days.", days),
                            title, first->value, last->value, days);

  /* Translators: a skill, a self-rating out of 5 and a number of days */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s stayed at %.1f over %u day.",
                                       "%s stayed at %.1f over %u days.", days),
                          title, first->value, days);
}

static void
update_description (RapportChartView *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->series->len; i++)
    {
      RapportSeries *series = self->series->pdata[i];
      g_autofree char *sentence = NULL;

      /* Quiz scores are told in the calibration sentences beside the chart. */
      if (rapport_series_get_kind (series) != RAPPORT_STORE_SERIES_SELF_RATING ||
          !series_visible (self, series))
        continue;
      sentence = describe_series (series, self->from, self->to);
      if (sentence == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, sentence);
    }

  if (text->len == 0)
    g_string_append (text, _("No self-ratings to show in this range."));

  g_free (self->description);
  self->description = g_string_free (text, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
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
rapport_chart_view_set_series (RapportChartView *self,
                               GPtrArray        *series)
{
  g_return_if_fail (RAPPORT_IS_CHART_VIEW (self));

  /* The chart drops its references first, so no series it holds changes. */
  rapport_chart_remove_all_series (self->chart);
  g_ptr_array_set_size (self->series, 0);
  for (guint i = 0; series != NULL && i < series->len; i++)
    g_ptr_array_add (self->series, rapport_series_ref (series->pdata[i]));

  fill_chart (self, self->chart, self->dark, FALSE);
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
    if (series_visible (self, self->series->pdata[i]))
      g_ptr_array_add (visible, rapport_series_ref (self->series->pdata[i]));

  return visible;
}

const char *
rapport_chart_view_get_description (RapportChartView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHART_VIEW (self), NULL);

  return self->description;
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

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_restore (cr);
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
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 720;
    }
  else
    {
      *minimum = 200;
      *natural = 320;
    }
}

static void
rapport_chart_view_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rapport_chart_view_parent_class)->css_changed (widget, change);

  /* The foreground colour is read in snapshot. */
  gtk_widget_queue_draw (widget);
}

static void
rapport_chart_view_finalize (GObject *object)
{
  RapportChartView *self = RAPPORT_CHART_VIEW (object);

  g_clear_pointer (&self->chart, rapport_chart_free);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->hidden_skills, g_hash_table_unref);
  g_clear_pointer (&self->description, g_free);

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
  widget_class->css_changed = rapport_chart_view_css_changed;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rapport_chart_view_init (RapportChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

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
