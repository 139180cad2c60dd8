/* rapport-progress-view-export.c: the Progress view's chart, skill profile
 * and data, saved to a file
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-svg.h>
#include <string.h>

#include "rapport-file-chooser.h"
#include "rapport-progress-view-private.h"

/* The size of an exported chart when the widget has none yet. */
#define EXPORT_WIDTH  1200
#define EXPORT_HEIGHT 600
#define EXPORT_PROFILE_SIZE 600

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: the placeholder is the drawing library's reason, in English */
               _("The chart could not be drawn (%s)."), cairo_status_to_string (status));
  return FALSE;
}

static void
render_export (RapportProgressView *self,
               gboolean             profile,
               cairo_t             *cr,
               int                  width,
               int                  height,
               int                  scale)
{
  if (profile)
    rapport_radar_view_render_export (self->radar_view, cr, width, height);
  else
    rapport_chart_view_render_export (self->chart_view, cr, width, height, scale);
}

/* @profile: the skill profile rather than the trend chart. */
static gboolean
export_image (RapportProgressView  *self,
              gboolean              profile,
              gboolean              svg,
              const char           *path,
              GError              **error)
{
  GtkWidget *widget = profile ? GTK_WIDGET (self->radar_view) : GTK_WIDGET (self->chart_view);
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    {
      width = profile ? EXPORT_PROFILE_SIZE : EXPORT_WIDTH;
      height = profile ? EXPORT_PROFILE_SIZE : EXPORT_HEIGHT;
    }

  if (svg)
    {
      surface = cairo_svg_surface_create (path, width, height);
      cr = cairo_create (surface);
      render_export (self, profile, cr, width, height, 1);
    }
  else
    {
      /* Twice the pixels, so the picture stays sharp in a document. */
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * 2, height * 2);
      cairo_surface_set_device_scale (surface, 2, 2);
      cr = cairo_create (surface);
      render_export (self, profile, cr, width, height, 2);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && !svg)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_cairo (status, error);
}

/* What rapport_progress_view_export_to() writes. */
typedef struct
{
  RapportProgressView *self;
  const char          *format;
} Export;

static gboolean
write_export (gpointer     data,
              const char  *path,
              GError     **error)
{
  Export *export = data;

  if (g_str_equal (export->format, "csv"))
    {
      g_autoptr(GPtrArray) visible = rapport_chart_view_get_visible_series (export->self->chart_view);

      return rapport_series_export_csv (visible, path, error);
    }

  return export_image (export->self, g_str_has_prefix (export->format, "profile-"),
                       g_str_has_suffix (export->format, "svg"), path, error);
}

/**
 * rapport_progress_view_export_to:
 * @format: "png" or "svg" (the chart as shown), "csv" (the data behind it),
 *   "profile-png" or "profile-svg" (the skill profile)
 */
gboolean
rapport_progress_view_export_to (RapportProgressView *self,
                                 const char          *format,
                                 GFile               *file)
{
  Export export = { self, format };
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (RAPPORT_IS_PROGRESS_VIEW (self), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  /* Translators: the placeholder is a file name */
  title = g_strdup_printf (_("Progress exported to “%s”"), name);
  return rapport_file_chooser_export (GTK_WIDGET (self), file, write_export, &export,
                                      _("Could Not Export Your Progress"), title);
}

static void
on_chooser_response_cb (RapportProgressView  *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && self->export_format != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      rapport_progress_view_export_to (self, self->export_format, file);
    }

  g_clear_object (&self->chooser);
  g_clear_pointer (&self->export_format, g_free);
}

void
rapport_progress_view_export_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  RapportProgressView *self = RAPPORT_PROGRESS_VIEW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  const char *title;

  if (g_str_equal (format, "png"))
    title = _("Export Chart as PNG");
  else if (g_str_equal (format, "svg"))
    title = _("Export Chart as SVG");
  else if (g_str_equal (format, "csv"))
    title = _("Export Data as CSV");
  else if (g_str_equal (format, "profile-png"))
    title = _("Export Skill Profile as PNG");
  else if (g_str_equal (format, "profile-svg"))
    title = _("Export Skill Profile as SVG");
  else
    g_return_if_reached ();

  if (g_str_has_prefix (format, "profile-"))
    /* Translators: a suggested file name; the placeholder is a date */
    name = g_strdup_printf (_("Skill Profile %s.%s"), date, format + strlen ("profile-"));
  else
    /* Translators: a suggested file name; the placeholder is a date */
    name = g_strdup_printf (_("Progress %s.%s"), date, format);
  g_free (self->export_format);
  self->export_format = g_strdup (format);
  rapport_file_chooser_show (&self->chooser, widget, GTK_FILE_CHOOSER_ACTION_SAVE, title,
                             _("_Export"), name, NULL, G_CALLBACK (on_chooser_response_cb), self);
}
