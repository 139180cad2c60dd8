/* rapport-figure.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A lesson's <figure>: the picture from the pack, with its alt text as the
 * picture's accessible description. When the picture cannot be shown (its
 * file was damaged or removed from the installed pack, or drawing it ran
 * over its limits), the alt text takes its place in a frame, as the format
 * promises, with the reason below it.
 *
 * Pictures come from packs that anyone can send. They were checked when the
 * pack was loaded (rapport-media.c) and are checked again when read back,
 * with their checksum, in a worker thread; then they are drawn in a
 * separate, locked-down process (rapport-picture.c), with limits on its time
 * and memory, the same size limits as before, and no network or files:
 * an SVG that would keep librsvg busy for minutes is stopped after seconds,
 * and the app stays responsive meanwhile.
 *
 * The drawing is cancelled, which kills the process, as soon as the figure
 * leaves the screen (the lesson is left, the window closes) and starts
 * again if it comes back before it was done.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-figure.h"
#include "rapport-media.h"
#include "rapport-picture.h"

struct _RapportFigure
{
  GtkWidget     parent_instance;

  /* children */
  GtkWidget    *box;
  GtkPicture   *picture;
  GtkWidget    *placeholder;
  GtkLabel     *alt_label;
  GtkLabel     *reason_label;

  /* owned */
  GCancellable *cancellable;
  RapportPack  *pack;
  char         *src;

  /* state */
  gboolean      finished;
  gboolean      interrupted;
};

G_DEFINE_FINAL_TYPE (RapportFigure, rapport_figure, GTK_TYPE_WIDGET)

typedef struct
{
  RapportPack      *pack;
  char             *src;
  RapportMediaType  type;   /* once read */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->pack);
  g_free (data->src);
  g_free (data);
}

/* Reading and checking the file may take a moment; drawing happens in the
 * decoder's process.
 */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  RapportMediaInfo info = { 0 };
  GError *error = NULL;
  GBytes *bytes;

  bytes = rapport_pack_read_media (data->pack, data->src, &info, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->type = info.type;
  g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

/* What the learner reads under the alt text: why there is no picture. */
static char *
reason_for (const GError *error,
            double        stopped_after)
{
  if (g_error_matches (error, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_TIMEOUT))
    /* Translators: %.1f is a number of seconds, such as 4.0 */
    return g_strdup_printf (_("The picture is not shown: drawing it took longer than %.1f s."),
                            stopped_after);

  if (g_error_matches (error, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_MEMORY))
    return g_strdup (_("The picture is not shown: drawing it needed more memory than a picture "
                       "may use."));

  if (g_error_matches (error, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_MISSING))
    return g_strdup (_("The picture is not shown: the program that draws pictures is missing. "
                       "Reinstall Rapport."));

  if (g_error_matches (error, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_FAILED))
    return g_strdup (_("The picture is not shown: the program that draws pictures failed."));

  if (g_error_matches (error, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_INVALID))
    return g_strdup (_("The picture is not shown: it is damaged or not a picture Rapport can "
                       "draw."));

  return g_strdup (_("The picture is not shown: its file is damaged or missing from the pack."));
}

static void
show_placeholder (RapportFigure *self,
                  const GError  *error,
                  double         stopped_after)
{
  g_autofree char *reason = error != NULL ? reason_for (error, stopped_after) : NULL;

  gtk_label_set_text (self->reason_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), reason != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->picture), FALSE);
  gtk_widget_set_visible (self->placeholder, TRUE);
}

static void
fail (RapportFigure *self,
      const GError  *error,
      double         stopped_after)
{
  g_clear_object (&self->cancellable);
  self->finished = TRUE;
  g_message ("A lesson picture could not be shown: %s", error->message);
  show_placeholder (self, error, stopped_after);
}

static void
on_decode_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RapportFigure) self = user_data;
  g_autoptr(RapportPicture) picture = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  RapportPictureStats stats = { 0 };

  picture = rapport_picture_decode_finish (result, &stats, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (picture == NULL)
    {
      fail (self, error, stats.stopped_after);
      return;
    }

  g_clear_object (&self->cancellable);
  self->finished = TRUE;

  /* The formats gdk_texture_new_for_pixbuf() chose for the same pixels. */
  texture = gdk_memory_texture_new ((int) picture->width, (int) picture->height,
                                    picture->format == RAPPORT_PICTURE_FORMAT_RGBA8 ?
                                    GDK_MEMORY_R8G8B8A8 : GDK_MEMORY_R8G8B8,
                                    picture->pixels, picture->rowstride);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->picture), TRUE);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_read_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RapportFigure) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LoadData *data = g_task_get_task_data (G_TASK (result));

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (bytes == NULL)
    {
      fail (self, error, 0);
      return;
    }

  rapport_picture_decode_async (bytes, data->type, self->cancellable, on_decode_done_cb,
                                g_object_ref (self));
}

static void
start_loading (RapportFigure *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  data = g_new0 (LoadData, 1);
  data->pack = g_object_ref (self->pack);
  data->src = g_strdup (self->src);

  self->interrupted = FALSE;
  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, on_read_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_loading);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, read_thread);
}

/**
 * rapport_figure_new:
 * @pack: (nullable): the pack the lesson comes from
 * @src: the picture's name in the pack
 * @alt: what the picture shows, in words
 */
GtkWidget *
rapport_figure_new (RapportPack *pack,
                    const char  *src,
                    const char  *alt)
{
  RapportFigure *self;

  g_return_val_if_fail (pack == NULL || RAPPORT_IS_PACK (pack), NULL);
  g_return_val_if_fail (src != NULL, NULL);
  g_return_val_if_fail (alt != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_FIGURE, NULL);
  gtk_picture_set_alternative_text (self->picture, alt);
  gtk_label_set_text (self->alt_label, alt);

  if (pack == NULL)
    {
      self->finished = TRUE;
      show_placeholder (self, NULL, 0);
      return GTK_WIDGET (self);
    }

  self->pack = g_object_ref (pack);
  self->src = g_strdup (src);
  start_loading (self);

  return GTK_WIDGET (self);
}

/* Whether the picture is shown, or its alt text instead. */
gboolean
rapport_figure_get_finished (RapportFigure *self)
{
  g_return_val_if_fail (RAPPORT_IS_FIGURE (self), FALSE);

  return self->finished;
}

GtkPicture *
rapport_figure_get_picture (RapportFigure *self)
{
  g_return_val_if_fail (RAPPORT_IS_FIGURE (self), NULL);

  return self->picture;
}

static void
rapport_figure_dispose (GObject *object)
{
  RapportFigure *self = RAPPORT_FIGURE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->src, g_free);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (rapport_figure_parent_class)->dispose (object);
}

/* Off screen, a picture still being drawn costs a process for nothing. */
static void
rapport_figure_unmap (GtkWidget *widget)
{
  RapportFigure *self = RAPPORT_FIGURE (widget);

  if (!self->finished && self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->interrupted = TRUE;
    }

  GTK_WIDGET_CLASS (rapport_figure_parent_class)->unmap (widget);
}

static void
rapport_figure_map (GtkWidget *widget)
{
  RapportFigure *self = RAPPORT_FIGURE (widget);

  GTK_WIDGET_CLASS (rapport_figure_parent_class)->map (widget);

  if (self->interrupted && !self->finished && self->pack != NULL)
    start_loading (self);
}

/* The lesson scrolls, so it is given its minimum height, and a picture that
 * may shrink has none: the figure asks for the height that the picture
 * needs at the width it gets (its own width at most, never wider).
 */
static void
rapport_figure_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  RapportFigure *self = RAPPORT_FIGURE (widget);
  GdkPaintable *paintable = gtk_picture_get_paintable (self->picture);
  int width;
  int height;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->picture)) || paintable == NULL ||
      gdk_paintable_get_intrinsic_width (paintable) <= 0 ||
      gdk_paintable_get_intrinsic_height (paintable) <= 0)
    {
      gtk_widget_measure (self->box, orientation, for_size, minimum, natural,
                          minimum_baseline, natural_baseline);
      return;
    }

  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 0;
      *natural = width;
    }
  else
    {
      int shown_width = for_size < 0 ? width : MIN (for_size, width);

      *minimum = *natural = (int) ((gint64) height * shown_width + width - 1) / width;
    }
}

static GtkSizeRequestMode
rapport_figure_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rapport_figure_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  RapportFigure *self = RAPPORT_FIGURE (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
}

static void
rapport_figure_class_init (RapportFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_figure_dispose;

  widget_class->map = rapport_figure_map;
  widget_class->unmap = rapport_figure_unmap;
  widget_class->measure = rapport_figure_measure;
  widget_class->get_request_mode = rapport_figure_get_request_mode;
  widget_class->size_allocate = rapport_figure_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "figure");
}

static void
rapport_figure_init (RapportFigure *self)
{
  GtkWidget *icon;
  GtkWidget *texts;
  GtkWidget *label;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->picture, TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->picture), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->picture), "rapport-lesson-picture");
  gtk_widget_set_visible (GTK_WIDGET (self->picture), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->picture));

  /* What the learner sees instead of a picture that cannot be shown. */
  self->placeholder = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->placeholder, "rapport-lesson-figure");
  icon = gtk_image_new_from_icon_name ("image-missing-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Picture not shown"),
                                  -1);
  gtk_box_append (GTK_BOX (self->placeholder), icon);
  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (self->placeholder), texts);

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "rapport-lesson-body");
  gtk_box_append (GTK_BOX (texts), label);
  self->alt_label = GTK_LABEL (label);

  /* Why: in smaller, dimmer type, so that the description comes first. */
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (texts), label);
  self->reason_label = GTK_LABEL (label);

  gtk_widget_set_visible (self->placeholder, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->placeholder);
}
