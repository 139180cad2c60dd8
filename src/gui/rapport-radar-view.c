/* rapport-radar-view.c: the skill profile (a radar of the ten skills) as a widget
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-chart-widget.h"
#include "rapport-radar-view.h"

/* Palette entries for the two shapes: blue and orange stay apart for
 * every common kind of colour blindness.
 */
#define NOW_COLOR  0
#define THEN_COLOR 3

struct _RapportRadarView
{
  GtkWidget parent_instance;

  /* owned */
  GArray    *values;       /* of RapportRadarValue */
  GDateTime *then;
  char      *then_label;   /* the legend's words for the earlier shape */
  char      *description;
  char      *tip;

  /* state */
  RapportRadarLayout layout;  /* for the size last drawn or asked */
  gboolean   layout_valid;
  int        focus;        /* a spoke, or -1 */
  int        hover;
  gboolean   dark;
  gboolean   focused;      /* the keyboard focus is in the radar */
};

G_DEFINE_FINAL_TYPE (RapportRadarView, rapport_radar_view, GTK_TYPE_WIDGET)

static guint
n_values (RapportRadarView *self)
{
  return self->values != NULL ? self->values->len : 0;
}

/* The spoke the tip is for: the hovered one, else the focused one. */
static int
tip_axis (RapportRadarView *self)
{
  if (self->hover >= 0 && (guint) self->hover < n_values (self))
    return self->hover;
  if (self->focused && self->focus >= 0
      && (guint) self->focus < n_values (self))
    return self->focus;

  return -1;
}

static void
update_tip (RapportRadarView *self)
{
  int axis = tip_axis (self);

  g_clear_pointer (&self->tip, g_free);
  if (axis >= 0 && self->then != NULL)
    self->tip = rapport_skill_profile_describe_value (&g_array_index (self->values,
                                                                       RapportRadarValue, axis),
                                                       self->then);

  /* A focused spoke is read out; otherwise the whole profile. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->tip != NULL && self->focus >= 0 ? self->tip
                                                                          : self->description,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GtkWidget *
rapport_radar_view_new (void)
{
  return g_object_new (RAPPORT_TYPE_RADAR_VIEW, NULL);
}

void
rapport_radar_view_set_values (RapportRadarView *self,
                               GArray           *values,
                               GDateTime        *then)
{
  g_return_if_fail (RAPPORT_IS_RADAR_VIEW (self));
  g_return_if_fail (values == NULL || then != NULL);

  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->then, g_date_time_unref);
  g_clear_pointer (&self->then_label, g_free);
  g_clear_pointer (&self->description, g_free);

  if (values != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (then);

      self->values = g_array_ref (values);
      self->then = g_date_time_ref (then);
      /* Translators: the legend of the earlier shape in the skill profile; see g_date_time_format() */
      self->then_label = g_date_time_format (local, _("%-d %B %Y"));
      self->description = rapport_skill_profile_describe (values, then);
    }
  else
    {
      self->description = g_strdup (_("No skill has a self-rating or a quiz score yet."));
    }

  if ((guint) MAX (self->focus, 0) >= n_values (self))
    self->focus = -1;
  self->hover = -1;
  self->layout_valid = FALSE;
  update_tip (self);
}

/* Measured with the widget's font, again only for another size or other
 * values: placing the names takes a few dozen Pango layouts.
 */
static const RapportRadarLayout *
ensure_layout (RapportRadarView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (!self->layout_valid || self->layout.width != width || self->layout.height != height)
    {
      rapport_radar_compute_layout (NULL, gtk_widget_get_pango_context (GTK_WIDGET (self)),
                                    width, height,
                                    self->values != NULL ? (const RapportRadarValue *) (gpointer) self->values->data
                                                         : NULL,
                                    n_values (self), &self->layout);
      self->layout_valid = TRUE;
    }

  return &self->layout;
}

void
rapport_radar_view_get_layout (RapportRadarView   *self,
                               RapportRadarLayout *layout)
{
  g_return_if_fail (RAPPORT_IS_RADAR_VIEW (self));
  g_return_if_fail (layout != NULL);

  *layout = *ensure_layout (self);
}

const char *
rapport_radar_view_get_description (RapportRadarView *self)
{
  g_return_val_if_fail (RAPPORT_IS_RADAR_VIEW (self), NULL);

  return self->description;
}

int
rapport_radar_view_get_focused_axis (RapportRadarView *self)
{
  g_return_val_if_fail (RAPPORT_IS_RADAR_VIEW (self), -1);

  return self->focus;
}

const char *
rapport_radar_view_get_tip (RapportRadarView *self)
{
  g_return_val_if_fail (RAPPORT_IS_RADAR_VIEW (self), NULL);

  return self->tip;
}

static void
render (RapportRadarView *self,
        cairo_t          *cr,
        PangoContext     *context,
        int               width,
        int               height,
        gboolean          dark,
        const GdkRGBA    *foreground,
        int               focused,
        const RapportRadarLayout *layout)
{
  const RapportChartColor *palette = rapport_chart_get_palette (dark, NULL);
  RapportRadarStyle style = { 0 };

  if (self->values == NULL)
    return;

  G_STATIC_ASSERT (sizeof (GdkRGBA) == sizeof (RapportChartColor));
  style.foreground = *(const RapportChartColor *) foreground;
  style.now = palette[NOW_COLOR];
  style.then = palette[THEN_COLOR];
  /* Translators: the legend of the current shape in the skill profile */
  style.now_label = _("Now");
  style.then_label = self->then_label;
  style.focused = focused;
  style.layout = layout;

  rapport_radar_render (cr, context, width, height,
                        (const RapportRadarValue *) (gpointer) self->values->data,
                        self->values->len, &style);
}

void
rapport_radar_view_render_export (RapportRadarView *self,
                                  cairo_t          *cr,
                                  int               width,
                                  int               height)
{
  static const GdkRGBA black = { 0, 0, 0, 1 };

  g_return_if_fail (RAPPORT_IS_RADAR_VIEW (self));
  g_return_if_fail (cr != NULL);

  rapport_chart_widget_paint_export_background (cr);
  /* A file's own size and font: laid out afresh. */
  render (self, cr, NULL, width, height, FALSE, &black, -1, NULL);
}

/* Input */

static void
set_focus_axis (RapportRadarView *self,
                int               axis)
{
  self->focus = axis;
  self->hover = -1;
  update_tip (self);
}

static gboolean
on_key_pressed_cb (RapportRadarView      *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  int n = (int) n_values (self);
  int focus = self->focus < 0 ? 0 : self->focus;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  /* Clockwise and back, the way the spokes go. */
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      set_focus_axis (self, self->focus < 0 ? 0 : (focus + 1) % n);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      set_focus_axis (self, self->focus < 0 ? n - 1 : (focus + n - 1) % n);
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      set_focus_axis (self, 0);
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      set_focus_axis (self, n - 1);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
on_focus_enter_cb (RapportRadarView        *self,
                   GtkEventControllerFocus *controller)
{
  self->focused = TRUE;
  if (self->focus < 0 && n_values (self) > 0)
    self->focus = 0;
  update_tip (self);
}

static void
on_focus_leave_cb (RapportRadarView        *self,
                   GtkEventControllerFocus *controller)
{
  self->focused = FALSE;
  update_tip (self);
}

static void
on_motion_cb (RapportRadarView         *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *controller)
{
  int axis = rapport_radar_find_axis (ensure_layout (self), x, y);

  if (axis == self->hover)
    return;

  self->hover = axis;
  update_tip (self);
}

static void
on_leave_cb (RapportRadarView         *self,
             GtkEventControllerMotion *controller)
{
  if (self->hover < 0)
    return;

  self->hover = -1;
  update_tip (self);
}

static void
on_click_released_cb (RapportRadarView *self,
                      int               n_press,
                      double            x,
                      double            y,
                      GtkGestureClick  *gesture)
{
  int axis = rapport_radar_find_axis (ensure_layout (self), x, y);

  if (axis < 0)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  set_focus_axis (self, axis);
}

/* Drawing */

static void
on_dark_changed_cb (RapportRadarView *self,
                    GParamSpec       *pspec,
                    AdwStyleManager  *manager)
{
  self->dark = adw_style_manager_get_dark (manager);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rapport_radar_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  RapportRadarView *self = RAPPORT_RADAR_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int axis = tip_axis (self);
  GdkRGBA foreground;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->values == NULL)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  render (self, cr, gtk_widget_get_pango_context (widget), width, height, self->dark,
          &foreground, axis, ensure_layout (self));

  if (axis >= 0 && self->tip != NULL)
    {
      const RapportRadarValue *value = &g_array_index (self->values, RapportRadarValue, axis);
      g_autofree char *escaped = g_markup_escape_text (self->tip, -1);
      double x, y;

      rapport_radar_get_point (ensure_layout (self), axis, MAX (value->now, 0), &x, &y);
      rapport_chart_widget_draw_tip (widget, cr, escaped, x, y, self->dark, &foreground);
    }

  cairo_destroy (cr);
}

static void
rapport_radar_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  /* Room for the skills' names around a readable radar; a scrolled view
   * gives its content the minimum height.  A narrow radar is as wide as
   * it can be and no taller than its names need, not 420 px of mostly
   * empty space.
   */
  int height = for_size > 0 ? CLAMP (for_size * 4 / 5 + 24, 280, 420) : 420;

  rapport_chart_widget_measure (orientation, 240, 520, height, height, minimum, natural);
}

static GtkSizeRequestMode
rapport_radar_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rapport_radar_view_finalize (GObject *object)
{
  RapportRadarView *self = RAPPORT_RADAR_VIEW (object);

  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->then, g_date_time_unref);
  g_clear_pointer (&self->then_label, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->tip, g_free);

  G_OBJECT_CLASS (rapport_radar_view_parent_class)->finalize (object);
}

static void
rapport_radar_view_class_init (RapportRadarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rapport_radar_view_finalize;
  widget_class->snapshot = rapport_radar_view_snapshot;
  widget_class->measure = rapport_radar_view_measure;
  widget_class->get_request_mode = rapport_radar_view_get_request_mode;
  rapport_chart_widget_class_setup (widget_class);
}

static void
rapport_radar_view_init (RapportRadarView *self)
{
  static const RapportChartWidgetInput input = {
    G_CALLBACK (on_key_pressed_cb),
    G_CALLBACK (on_focus_enter_cb),
    G_CALLBACK (on_focus_leave_cb),
    G_CALLBACK (on_motion_cb),
    G_CALLBACK (on_leave_cb),
    G_CALLBACK (on_click_released_cb),
  };
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->focus = -1;
  self->hover = -1;
  self->dark = adw_style_manager_get_dark (manager);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
  rapport_chart_widget_init_input (GTK_WIDGET (self), &input);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Skill profile"),
                                  -1);
  rapport_radar_view_set_values (self, NULL, NULL);
}
