/* rapport-chart-view-focus.c: the value of the chart widget the keyboard
 * or the pointer is on, and the words of its tip
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-chart-view-private.h"
#include "rapport-chart-widget.h"
#include "rapport-skill.h"

/* How near (in pixels) the pointer must come to a point to show it. */
#define HOVER_RADIUS 8.0

/* Points and the tip */

static RapportSeries *
shown_of (RapportChartView *self,
          int               line)
{
  RapportSeries *shown;

  if (line < 0 || (guint) line >= self->series->len
      || !rapport_chart_view_series_visible (self, self->series->pdata[line]))
    return NULL;

  shown = rapport_chart_get_shown (self->chart, line, FALSE);

  return shown != NULL && rapport_series_get_n_points (shown) > 0 ? shown : NULL;
}

const RapportSeriesPoint *
rapport_chart_view_mark_point (RapportChartView       *self,
                               const RapportChartMark *mark)
{
  RapportSeries *shown = shown_of (self, mark->line);

  if (shown == NULL || mark->position >= rapport_series_get_n_points (shown))
    return NULL;

  return rapport_series_get_point (shown, mark->position);
}

/* The point the tip is for: the hovered one, else the focused one. */
const RapportChartMark *
rapport_chart_view_tip_mark (RapportChartView *self)
{
  if (rapport_chart_view_mark_point (self, &self->hover) != NULL)
    return &self->hover;
  if (self->focused && rapport_chart_view_mark_point (self, &self->focus) != NULL)
    return &self->focus;

  return NULL;
}

static char *
entry_title (RapportChartView *self,
             const char       *uuid)
{
  if (self->title_func == NULL)
    return NULL;

  return self->title_func (uuid, self->title_data);
}

/* The value and where it came from, as two lines of the tip. */
static void
describe_point (RapportChartView         *self,
                RapportSeries            *series,
                const RapportSeriesPoint *point,
                char                    **value,
                char                    **source)
{
  const char *title = rapport_skill_get_display_title (rapport_series_get_skill_key (series));

  if (rapport_series_get_kind (series) == RAPPORT_STORE_SERIES_SELF_RATING)
    {
      g_autofree char *entry = point->entry_uuid != NULL ? entry_title (self, point->entry_uuid) : NULL;

      /* Translators: a skill and a self-rating out of 5 */
      *value = g_strdup_printf (_("%s, self-rating %.0f of 5"), title, point->value);
      if (entry != NULL && *entry != '\0')
        /* Translators: the title of the journal entry a self-rating came from */
        *source = g_strdup_printf (_("Journal entry “%s”"), entry);
      else
        *source = g_strdup (_("Journal entry without a title"));
    }
  else
    {
      /* Translators: a skill and a quiz score */
      *value = g_strdup_printf (_("%s, quiz score %.0f %%"), title, point->value);
      /* Translators: a skill and a quiz score */
      *source = g_strdup_printf (_("Quiz attempt, %s, %.0f %%"), title, point->value);
    }
}

static char *
format_day (gint64 time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  /* Translators: the date of a value in the chart's tip; see g_date_time_format() */
  char *date = g_date_time_format (local, _("%A %-d %B %Y"));

  return date != NULL ? date : g_strdup ("");
}

/* Every value the tip lists, by day: each day's date once, then its
 * values, each with where it came from.  Two skills rated the same on the
 * same day are drawn on one spot; the tip names both.
 */
static void
describe_marks (RapportChartView *self,
                char            **markup,
                char            **plain)
{
  GString *rich = g_string_new (NULL);
  GString *text = g_string_new (NULL);
  g_autofree char *last_day = NULL;

  for (guint i = 0; i < self->tip_marks->len; i++)
    {
      const RapportChartMark *mark = &g_array_index (self->tip_marks, RapportChartMark, i);
      const RapportSeriesPoint *point = rapport_chart_view_mark_point (self, mark);
      g_autofree char *day = format_day (point->time);
      g_autofree char *value = NULL;
      g_autofree char *source = NULL;
      g_autofree char *escaped_value = NULL;
      g_autofree char *escaped_source = NULL;

      describe_point (self, self->series->pdata[mark->line], point, &value, &source);
      if (g_strcmp0 (day, last_day) != 0)
        {
          g_autofree char *escaped_day = g_markup_escape_text (day, -1);

          g_string_append_printf (rich, "%s<b>%s</b>", rich->len > 0 ? "\n" : "", escaped_day);
          g_string_append_printf (text, "%s%s.", text->len > 0 ? " " : "", day);
          g_free (last_day);
          last_day = g_steal_pointer (&day);
        }
      escaped_value = g_markup_escape_text (value, -1);
      escaped_source = g_markup_escape_text (source, -1);
      g_string_append_printf (rich, "\n%s\n<small>%s</small>", escaped_value, escaped_source);
      g_string_append_printf (text, " %s. %s.", value, source);
    }

  *markup = g_string_free (rich, FALSE);
  *plain = g_string_free (text, FALSE);
}

/* Drawn within this many pixels of each other, values share a spot. */
#define SAME_SPOT_RADIUS 2.0

static int
compare_marks_by_time (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  RapportChartView *self = user_data;
  const RapportChartMark *mark_a = a;
  const RapportChartMark *mark_b = b;
  gint64 time_a = rapport_chart_view_mark_point (self, mark_a)->time;
  gint64 time_b = rapport_chart_view_mark_point (self, mark_b)->time;

  if (time_a != time_b)
    return time_a < time_b ? -1 : 1;

  return mark_a->line - mark_b->line;
}

/* The values around (@x, @y) within @radius, into the tip's list, by time
 * and then in course order (ratings before quiz scores).
 */
static void
collect_marks (RapportChartView *self,
               double            x,
               double            y,
               double            radius)
{
  g_autoptr(GArray) hits = rapport_chart_find_points (self->chart, x, y, radius);

  g_array_set_size (self->tip_marks, 0);
  for (guint i = 0; i < hits->len; i++)
    {
      const RapportChartHit *hit = &g_array_index (hits, RapportChartHit, i);
      RapportChartMark mark = { (int) hit->index, hit->position };

      if (rapport_chart_view_mark_point (self, &mark) != NULL)
        g_array_append_val (self->tip_marks, mark);
    }
  g_array_sort_with_data (self->tip_marks, compare_marks_by_time, self);
}

static void
update_tip_marks (RapportChartView *self)
{
  const RapportChartMark *mark = rapport_chart_view_tip_mark (self);
  double x, y;

  if (mark == &self->hover)
    {
      collect_marks (self, self->hover_x, self->hover_y, HOVER_RADIUS);
    }
  else if (mark != NULL
           && rapport_chart_map_point (self->chart, mark->line,
                                       rapport_chart_view_mark_point (self, mark), &x, &y))
    {
      collect_marks (self, x, y, SAME_SPOT_RADIUS);
    }
  else
    {
      g_array_set_size (self->tip_marks, 0);
    }

  /* The mark itself, whatever the search found. */
  if (mark != NULL && self->tip_marks->len == 0)
    g_array_append_val (self->tip_marks, *mark);
}

void
rapport_chart_view_update_tip (RapportChartView *self)
{
  g_clear_pointer (&self->tip, g_free);
  g_clear_pointer (&self->tip_text, g_free);

  update_tip_marks (self);
  if (self->tip_marks->len > 0)
    describe_marks (self, &self->tip, &self->tip_text);

  rapport_chart_view_announce (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rapport_chart_view_clear_marks (RapportChartView *self)
{
  self->focus.line = -1;
  self->hover.line = -1;
  rapport_chart_view_update_tip (self);
}

static void
set_focus_mark (RapportChartView *self,
                int               line,
                guint             position)
{
  self->focus.line = line;
  self->focus.position = position;
  /* The keyboard takes over from the pointer. */
  self->hover.line = -1;
  rapport_chart_view_update_tip (self);
}

/* The position in @shown nearest in time to @time. */
static guint
nearest_position (RapportSeries *shown,
                  gint64         time)
{
  const RapportSeriesPoint *points;
  guint n, best = 0;

  points = rapport_series_get_points (shown, &n);
  for (guint i = 1; i < n; i++)
    if (ABS (points[i].time - time) < ABS (points[best].time - time))
      best = i;

  return best;
}

/* The next line after @line (by @step, wrapping) that has shown points. */
static int
next_line (RapportChartView *self,
           int               line,
           int               step)
{
  int n = (int) self->series->len;

  for (int i = 1; i <= n; i++)
    {
      int candidate = ((line + step * i) % n + n) % n;

      if (shown_of (self, candidate) != NULL)
        return candidate;
    }

  return -1;
}

static gboolean
move_focus (RapportChartView *self,
            guint             keyval)
{
  const RapportSeriesPoint *current = rapport_chart_view_mark_point (self, &self->focus);
  RapportSeries *shown;
  guint n;
  int line;

  if (current == NULL)
    {
      /* The first key shows the newest value of the first line. */
      line = next_line (self, -1, 1);
      if (line < 0)
        return FALSE;
      shown = shown_of (self, line);
      set_focus_mark (self, line, rapport_series_get_n_points (shown) - 1);
      return TRUE;
    }

  shown = shown_of (self, self->focus.line);
  n = rapport_series_get_n_points (shown);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      set_focus_mark (self, self->focus.line, self->focus.position > 0 ? self->focus.position - 1 : 0);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      set_focus_mark (self, self->focus.line, MIN (self->focus.position + 1, n - 1));
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      set_focus_mark (self, self->focus.line, 0);
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      set_focus_mark (self, self->focus.line, n - 1);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      {
        gint64 time = current->time;

        line = next_line (self, self->focus.line,
                          keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down ? 1 : -1);
        shown = shown_of (self, line);
        set_focus_mark (self, line, nearest_position (shown, time));
        return TRUE;
      }

    default:
      return FALSE;
    }
}

static gboolean
on_key_pressed_cb (RapportChartView      *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (rapport_chart_view_mark_point (self, &self->focus) == NULL)
        return FALSE;
      rapport_chart_view_activate_mark (self, &self->focus);
      return TRUE;

    default:
      return move_focus (self, keyval);
    }
}

static void
on_focus_enter_cb (RapportChartView        *self,
                   GtkEventControllerFocus *controller)
{
  self->focused = TRUE;
  /* Tab into the chart shows a value at once, so the keys' use is clear. */
  if (rapport_chart_view_mark_point (self, &self->focus) == NULL)
    move_focus (self, GDK_KEY_End);
  else
    rapport_chart_view_update_tip (self);
}

static void
on_focus_leave_cb (RapportChartView        *self,
                   GtkEventControllerFocus *controller)
{
  self->focused = FALSE;
  rapport_chart_view_update_tip (self);
}

/* Whether the values under the pointer are still those the tip lists. */
static gboolean
same_marks (RapportChartView *self,
            GArray           *hits)
{
  if (hits->len != self->tip_marks->len)
    return FALSE;

  for (guint i = 0; i < hits->len; i++)
    {
      const RapportChartHit *hit = &g_array_index (hits, RapportChartHit, i);
      gboolean listed = FALSE;

      for (guint j = 0; j < self->tip_marks->len && !listed; j++)
        {
          const RapportChartMark *mark = &g_array_index (self->tip_marks, RapportChartMark, j);

          listed = mark->line == (int) hit->index && mark->position == hit->position;
        }
      if (!listed)
        return FALSE;
    }

  return TRUE;
}

static void
on_motion_cb (RapportChartView         *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *controller)
{
  g_autoptr(GArray) hits = NULL;
  RapportChartMark mark = { -1, 0 };
  guint line, position;

  self->hover_x = x;
  self->hover_y = y;
  if (rapport_chart_find_point (self->chart, x, y, HOVER_RADIUS, &line, &position))
    {
      mark.line = (int) line;
      mark.position = position;
    }

  if (mark.line == self->hover.line && mark.position == self->hover.position)
    {
      /* The same nearest value; others may have come under the pointer. */
      hits = rapport_chart_find_points (self->chart, x, y, HOVER_RADIUS);
      if (mark.line < 0 || same_marks (self, hits))
        return;
    }

  self->hover = mark;
  rapport_chart_view_update_tip (self);
}

static void
on_leave_cb (RapportChartView         *self,
             GtkEventControllerMotion *controller)
{
  if (self->hover.line < 0)
    return;

  self->hover.line = -1;
  rapport_chart_view_update_tip (self);
}

static void
on_click_released_cb (RapportChartView *self,
                      int               n_press,
                      double            x,
                      double            y,
                      GtkGestureClick  *gesture)
{
  guint line, position;

  if (!rapport_chart_find_point (self->chart, x, y, HOVER_RADIUS, &line, &position))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  set_focus_mark (self, (int) line, position);
  rapport_chart_view_activate_mark (self, &self->focus);
}

void
rapport_chart_view_init_input (RapportChartView *self)
{
  static const RapportChartWidgetInput input = {
    G_CALLBACK (on_key_pressed_cb),
    G_CALLBACK (on_focus_enter_cb),
    G_CALLBACK (on_focus_leave_cb),
    G_CALLBACK (on_motion_cb),
    G_CALLBACK (on_leave_cb),
    G_CALLBACK (on_click_released_cb),
  };

  rapport_chart_widget_init_input (GTK_WIDGET (self), &input);
}
