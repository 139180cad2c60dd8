/* rapport-figure.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A lesson's <figure>: the picture from the pack, with its alt text as the
 * picture's accessible description. When the picture cannot be shown (its
 * file was damaged or removed from the installed pack), the alt text takes
 * its place in a frame, as the format promises.
 *
 * Pictures come from packs that anyone can send. They were checked when the
 * pack was loaded (rapport-media.c) and are checked again when read back,
 * with their checksum; then they are decoded from memory in a worker thread:
 *
 *  - PNG and JPEG by gdk-pixbuf's built-in loaders, which are told to stop
 *    before allocating anything larger than RAPPORT_MEDIA_MAX_PIXELS;
 *  - SVG by librsvg 2.54.7 through gdk-pixbuf. That version has the fix for
 *    CVE-2023-38633 (reading local files through a crafted URL); besides,
 *    the check refuses any SVG that refers outside itself, scripts, entities
 *    and oversized embedded pictures, and with no base file librsvg has
 *    nothing to resolve a relative reference against. The output is limited
 *    to FIGURE_MAX_SVG_SIZE pixels on its longer side.
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "rapport-figure.h"
#include "rapport-media.h"

#define FIGURE_MAX_SVG_SIZE 2048

struct _RapportFigure
{
  GtkWidget     parent_instance;

  /* children */
  GtkWidget    *box;
  GtkPicture   *picture;
  GtkWidget    *placeholder;

  /* owned */
  GCancellable *cancellable;

  /* state */
  gboolean      finished;
};

G_DEFINE_FINAL_TYPE (RapportFigure, rapport_figure, GTK_TYPE_WIDGET)

typedef struct
{
  RapportPack *pack;
  char        *src;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->pack);
  g_free (data->src);
  g_free (data);
}

static void
on_size_prepared_cb (GdkPixbufLoader *loader,
                     int              width,
                     int              height,
                     gpointer         user_data)
{
  RapportMediaType type = GPOINTER_TO_INT (user_data);
  int longer = MAX (width, height);

  if (width <= 0 || height <= 0)
    return;

  if (type == RAPPORT_MEDIA_SVG)
    {
      if (longer > FIGURE_MAX_SVG_SIZE)
        gdk_pixbuf_loader_set_size (loader,
                                    MAX (1, (int) ((gint64) width * FIGURE_MAX_SVG_SIZE / longer)),
                                    MAX (1, (int) ((gint64) height * FIGURE_MAX_SVG_SIZE / longer)));
      return;
    }

  /* A size of zero makes the loader stop before it allocates anything. */
  if ((guint64) width * height > RAPPORT_MEDIA_MAX_PIXELS)
    gdk_pixbuf_loader_set_size (loader, 0, 0);
}

static GdkPixbuf *
decode (GBytes            *bytes,
        RapportMediaType   type,
        GError           **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) close_error = NULL;
  const char *mime_type;
  gboolean written;
  gboolean closed;
  GdkPixbuf *pixbuf;

  switch (type)
    {
    case RAPPORT_MEDIA_PNG:
      mime_type = "image/png";
      break;

    case RAPPORT_MEDIA_JPEG:
      mime_type = "image/jpeg";
      break;

    case RAPPORT_MEDIA_SVG:
    default:
      mime_type = "image/svg+xml";
      break;
    }

  loader = gdk_pixbuf_loader_new_with_mime_type (mime_type, error);
  if (loader == NULL)
    return NULL;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared_cb), GINT_TO_POINTER (type));
  written = gdk_pixbuf_loader_write_bytes (loader, bytes, error);
  /* Always closed, even after an error: a loader must not be left open. */
  closed = gdk_pixbuf_loader_close (loader, written ? error : &close_error);
  if (!written || !closed)
    return NULL;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                           _("The picture could not be decoded."));
      return NULL;
    }

  return g_object_ref (pixbuf);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  RapportMediaInfo info = { 0 };
  GError *error = NULL;
  GdkPixbuf *pixbuf;

  bytes = rapport_pack_read_media (data->pack, data->src, &info, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  pixbuf = decode (bytes, info.type, &error);
  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pixbuf, g_object_unref);
}

static void
show_placeholder (RapportFigure *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->picture), FALSE);
  gtk_widget_set_visible (self->placeholder, TRUE);
}

static void
on_load_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RapportFigure) self = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  self->finished = TRUE;

  if (pixbuf == NULL)
    {
      g_message ("A lesson picture could not be shown: %s", error->message);
      show_placeholder (self);
      return;
    }

  texture = gdk_texture_new_for_pixbuf (pixbuf);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->picture), TRUE);
  gtk_widget_queue_resize (GTK_WIDGET (self));
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
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_val_if_fail (pack == NULL || RAPPORT_IS_PACK (pack), NULL);
  g_return_val_if_fail (src != NULL, NULL);
  g_return_val_if_fail (alt != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_FIGURE, NULL);
  gtk_picture_set_alternative_text (self->picture, alt);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (self->placeholder)), alt);

  if (pack == NULL)
    {
      self->finished = TRUE;
      show_placeholder (self);
      return GTK_WIDGET (self);
    }

  data = g_new0 (LoadData, 1);
  data->pack = g_object_ref (pack);
  data->src = g_strdup (src);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, on_load_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, rapport_figure_new);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);

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
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (rapport_figure_parent_class)->dispose (object);
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

  widget_class->measure = rapport_figure_measure;
  widget_class->get_request_mode = rapport_figure_get_request_mode;
  widget_class->size_allocate = rapport_figure_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "figure");
}

static void
rapport_figure_init (RapportFigure *self)
{
  GtkWidget *icon;
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
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "rapport-lesson-body");
  gtk_box_append (GTK_BOX (self->placeholder), label);
  gtk_widget_set_visible (self->placeholder, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->placeholder);
}
