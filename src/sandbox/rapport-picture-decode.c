/* rapport-picture-decode.c: decoding a picture from memory, in the decoder's process.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The decoding itself, as the lesson reader did it in a worker thread
 * before pictures moved to their own process: gdk-pixbuf's loader for the
 * type, fed from memory, with the same size limits:
 *
 *  - PNG and JPEG (gdk-pixbuf's built-in loaders) stop before allocating
 *    more than max_pixels;
 *  - SVG (librsvg through gdk-pixbuf) is drawn at most max_svg_size pixels
 *    on its longer side.
 *
 * The decoder gets ready before it knows its picture: warming up draws a
 * pixel of PNG and of JPEG and a word of SVG text, which loads every
 * gdk-pixbuf module it may need and has librsvg, Pango and fontconfig read
 * what they read once, while files can still be opened. Then it locks
 * itself down and reads its request (rapport-picture-protocol.h), which is
 * checked strictly. Reading the request, decoding and writing are separate
 * steps so that the fuzz target (tests/fuzz) runs exactly this code in its
 * own process.
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "rapport-picture-decode.h"
#include "rapport-picture-protocol.h"

typedef struct
{
  RapportMediaType     type;
  RapportPictureLimits limits;
  guint64              refused_pixels;   /* a PNG or JPEG over the limit: how many */
} LoaderData;

/* Fed in pieces, so that a picture refused at its header is not
 * decompressed to the end for nothing.
 */
#define DECODE_CHUNK_SIZE (64 * 1024)

static void
on_size_prepared_cb (GdkPixbufLoader *loader,
                     int              width,
                     int              height,
                     gpointer         user_data)
{
  LoaderData *data = user_data;
  int longer = MAX (width, height);
  int max_size = (int) data->limits.max_svg_size;

  if (width <= 0 || height <= 0)
    return;

  if (data->type == RAPPORT_MEDIA_SVG)
    {
      if (longer > max_size)
        gdk_pixbuf_loader_set_size (loader,
                                    MAX (1, (int) ((gint64) width * max_size / longer)),
                                    MAX (1, (int) ((gint64) height * max_size / longer)));
      return;
    }

  /* A size of zero makes the loader stop before it allocates anything. */
  if ((guint64) width * height > data->limits.max_pixels)
    {
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      data->refused_pixels = (guint64) width * height;
    }
}

/**
 * rapport_picture_loader_new:
 *
 * Returns: (transfer full): a loader for pictures of @type that keeps to
 *   @limits, with gdk-pixbuf's module for the type loaded
 */
GdkPixbufLoader *
rapport_picture_loader_new (RapportMediaType            type,
                            const RapportPictureLimits *limits,
                            GError                    **error)
{
  GdkPixbufLoader *loader;
  LoaderData *data;
  const char *mime_type;

  g_assert (limits != NULL);

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

  data = g_new0 (LoaderData, 1);
  data->type = type;
  data->limits = *limits;
  g_object_set_data_full (G_OBJECT (loader), "rapport-picture-limits", data, g_free);
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared_cb), data);

  return loader;
}

/**
 * rapport_picture_loader_decode:
 *
 * Feeds @data to @loader, in pieces so that it stops as soon as the
 * picture's header is over the limits, and closes it.
 *
 * Returns: (transfer full) (nullable): the picture, or %NULL with a
 *   %GDK_PIXBUF_ERROR
 */
GdkPixbuf *
rapport_picture_loader_decode (GdkPixbufLoader  *loader,
                               const guchar     *data,
                               gsize             length,
                               GError          **error)
{
  g_autoptr(GError) write_error = NULL;
  g_autoptr(GError) close_error = NULL;
  LoaderData *limits;
  gboolean written;
  gboolean closed;
  GdkPixbuf *pixbuf;
  gsize offset = 0;

  g_assert (GDK_IS_PIXBUF_LOADER (loader));

  limits = g_object_get_data (G_OBJECT (loader), "rapport-picture-limits");
  written = TRUE;
  while (written && offset < length && limits->refused_pixels == 0)
    {
      gsize chunk = MIN (length - offset, DECODE_CHUNK_SIZE);

      written = gdk_pixbuf_loader_write (loader, data + offset, chunk, &write_error);
      offset += chunk;
    }

  /* Always closed, even after an error: a loader must not be left open. */
  closed = gdk_pixbuf_loader_close (loader, &close_error);

  if (limits->refused_pixels > 0)
    {
      g_set_error (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                   "the picture has %" G_GUINT64_FORMAT " pixels; at most %" G_GUINT64_FORMAT
                   " are drawn", limits->refused_pixels, limits->limits.max_pixels);
      return NULL;
    }

  if (!written)
    {
      g_propagate_error (error, g_steal_pointer (&write_error));
      return NULL;
    }

  if (!closed)
    {
      g_propagate_error (error, g_steal_pointer (&close_error));
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                           "the picture could not be decoded");
      return NULL;
    }

  return g_object_ref (pixbuf);
}

/**
 * rapport_picture_write:
 * @sandbox: the RAPPORT_PICTURE_SANDBOX_* flags to report
 * @cpu_usec: the CPU time to report
 * @peak_kib: the address space to report
 *
 * Writes @pixbuf as the decoder's output: a #RapportPictureHeader, then
 * its rows without padding.
 */
gboolean
rapport_picture_write (GdkPixbuf                *pixbuf,
                       guint32                   sandbox,
                       guint64                   cpu_usec,
                       guint32                   peak_kib,
                       RapportPictureWriteFunc   write_func,
                       gpointer                  user_data,
                       GError                  **error)
{
  RapportPictureHeader header = { { 0 } };
  const guchar *pixels;
  int n_channels;
  int width;
  int height;
  int rowstride;

  g_assert (GDK_IS_PIXBUF (pixbuf));

  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  n_channels = gdk_pixbuf_get_n_channels (pixbuf);

  if (gdk_pixbuf_get_colorspace (pixbuf) != GDK_COLORSPACE_RGB ||
      gdk_pixbuf_get_bits_per_sample (pixbuf) != 8 ||
      n_channels != (gdk_pixbuf_get_has_alpha (pixbuf) ? 4 : 3) ||
      width <= 0 || height <= 0)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE,
                           "the decoder gave pixels of an unexpected kind");
      return FALSE;
    }

  memcpy (header.magic, RAPPORT_PICTURE_MAGIC, RAPPORT_PICTURE_MAGIC_LENGTH);
  header.width = (guint32) width;
  header.height = (guint32) height;
  header.rowstride = (guint32) width * (guint32) n_channels;
  header.format = n_channels == 4 ? RAPPORT_PICTURE_FORMAT_RGBA8 : RAPPORT_PICTURE_FORMAT_RGB8;
  header.sandbox = sandbox;
  header.cpu_usec = cpu_usec;
  header.peak_kib = peak_kib;

  if (!write_func ((const guchar *) &header, sizeof header, user_data, error))
    return FALSE;

  /* Reading does not copy the pixels, as gdk_pixbuf_get_pixels() might. */
  pixels = gdk_pixbuf_read_pixels (pixbuf);
  for (int y = 0; y < height; y++)
    {
      if (!write_func (pixels + (gsize) y * rowstride, header.rowstride, user_data, error))
        return FALSE;
    }

  return TRUE;
}

/* A new loader for TYPE, fed DATA and closed. */
static GdkPixbuf *
decode (RapportMediaType            type,
        const RapportPictureLimits *limits,
        const guchar               *data,
        gsize                       length,
        GError                    **error)
{
  g_autoptr(GdkPixbufLoader) loader = rapport_picture_loader_new (type, limits, error);

  if (loader == NULL)
    return NULL;

  return rapport_picture_loader_decode (loader, data, length, error);
}

/**
 * rapport_picture_decode_and_write:
 *
 * The decoder's work in one call, with no sandbox and a CPU time of 0: for
 * the fuzz target and the tests, in their own process.
 */
gboolean
rapport_picture_decode_and_write (RapportMediaType             type,
                                  const RapportPictureLimits  *limits,
                                  const guchar                *data,
                                  gsize                        length,
                                  RapportPictureWriteFunc      write_func,
                                  gpointer                     user_data,
                                  GError                     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = decode (type, limits, data, length, error);

  if (pixbuf == NULL)
    return FALSE;

  return rapport_picture_write (pixbuf, 0, 0, 0, write_func, user_data, error);
}

/* A word of text: librsvg draws it through Pango, whose first font is
 * where fontconfig reads its configuration and caches.
 */
static const char warm_up_svg[] =
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" height=\"16\">"
  "<text x=\"0\" y=\"12\" font-size=\"12\">Aa</text></svg>";

static gboolean
warm_up_with (RapportMediaType            type,
              const RapportPictureLimits *limits,
              const guchar               *data,
              gsize                       length,
              GError                    **error)
{
  g_autoptr(GdkPixbuf) pixbuf = decode (type, limits, data, length, error);

  return pixbuf != NULL;
}

/* A white pixel, saved in FORMAT here: the savers are in the same module. */
static gboolean
warm_up_pixel (RapportMediaType            type,
               const char                 *format,
               const RapportPictureLimits *limits,
               GError                    **error)
{
  g_autoptr(GdkPixbuf) pixel = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1, 1);
  g_autofree char *buffer = NULL;
  gsize length = 0;

  gdk_pixbuf_fill (pixel, 0xffffffff);
  if (!gdk_pixbuf_save_to_buffer (pixel, &buffer, &length, format, error, NULL))
    return FALSE;

  return warm_up_with (type, limits, (const guchar *) buffer, length, error);
}

/**
 * rapport_picture_type_from_string:
 *
 * Returns: whether @string names a type (RAPPORT_PICTURE_TYPE_*)
 */
gboolean
rapport_picture_type_from_string (const char       *string,
                                  RapportMediaType *type)
{
  g_assert (type != NULL);

  if (g_strcmp0 (string, RAPPORT_PICTURE_TYPE_PNG) == 0)
    *type = RAPPORT_MEDIA_PNG;
  else if (g_strcmp0 (string, RAPPORT_PICTURE_TYPE_JPEG) == 0)
    *type = RAPPORT_MEDIA_JPEG;
  else if (g_strcmp0 (string, RAPPORT_PICTURE_TYPE_SVG) == 0)
    *type = RAPPORT_MEDIA_SVG;
  else
    return FALSE;

  return TRUE;
}

/**
 * rapport_picture_warm_up:
 * @types: RAPPORT_PICTURE_ALL_TYPES, or the bit of the one type to get ready
 *
 * Draws a PNG, a JPEG and an SVG with text (those of @types), each of a
 * few pixels and known here: afterwards creating a loader for any of the
 * types opens no file, and the first SVG with text does not wait for
 * fontconfig. The SVG costs most: librsvg, Pango and fontconfig's start.
 */
gboolean
rapport_picture_warm_up (const RapportPictureLimits  *limits,
                         guint                        types,
                         GError                     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (((types & (1u << RAPPORT_MEDIA_PNG)) && !warm_up_pixel (RAPPORT_MEDIA_PNG, "png", limits, &local_error)) ||
      ((types & (1u << RAPPORT_MEDIA_JPEG)) && !warm_up_pixel (RAPPORT_MEDIA_JPEG, "jpeg", limits, &local_error)) ||
      ((types & (1u << RAPPORT_MEDIA_SVG)) &&
       !warm_up_with (RAPPORT_MEDIA_SVG, limits, (const guchar *) warm_up_svg, sizeof warm_up_svg - 1,
                      &local_error)))
    {
      g_set_error (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_FAILED,
                   "getting the decoders ready failed: %s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Fills SIZE bytes of BUFFER unless the request ends first; *GOT says how
 * many it had.
 */
static gboolean
read_fully (RapportPictureReadFunc   read_func,
            gpointer                 user_data,
            guchar                  *buffer,
            gsize                    size,
            gsize                   *got,
            GError                 **error)
{
  *got = 0;
  while (*got < size)
    {
      gssize n = read_func (buffer + *got, size - *got, user_data, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      g_assert ((gsize) n <= size - *got);
      *got += (gsize) n;
    }

  return TRUE;
}

static gboolean
media_type_for_request (guint32           request_type,
                        RapportMediaType *type)
{
  switch (request_type)
    {
    case RAPPORT_PICTURE_REQUEST_PNG:
      *type = RAPPORT_MEDIA_PNG;
      return TRUE;

    case RAPPORT_PICTURE_REQUEST_JPEG:
      *type = RAPPORT_MEDIA_JPEG;
      return TRUE;

    case RAPPORT_PICTURE_REQUEST_SVG:
      *type = RAPPORT_MEDIA_SVG;
      return TRUE;

    default:
      return FALSE;
    }
}

static void
set_request_error (GError     **error,
                   const char  *format,
                   ...) G_GNUC_PRINTF (2, 3);

static void
set_request_error (GError     **error,
                   const char  *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (G_IO_ERROR, G_IO_ERROR_INVALID_DATA, format, args));
  va_end (args);
}

/**
 * rapport_picture_read_request:
 * @type: (out): the picture's type, as the request says
 *
 * Reads a #RapportPictureRequest and the picture it announces, through
 * @read_func, and checks that the input ends there. Nothing in it is
 * trusted: the magic, the type and the length are checked before a byte of
 * the picture is read, and the picture must be exactly as long as
 * announced.
 *
 * Returns: (transfer full) (nullable): the picture, or %NULL with a
 *   %G_IO_ERROR that says what was wrong with the request
 */
GBytes *
rapport_picture_read_request (RapportPictureReadFunc   read_func,
                              gpointer                 user_data,
                              RapportMediaType        *type,
                              GError                 **error)
{
  RapportPictureRequest request;
  g_autofree guchar *data = NULL;
  guchar extra;
  gsize got;

  g_assert (read_func != NULL && type != NULL);

  if (!read_fully (read_func, user_data, (guchar *) &request, sizeof request, &got, error))
    return NULL;
  if (got == 0)
    {
      set_request_error (error, "no picture was sent");
      return NULL;
    }
  if (got < sizeof request)
    {
      set_request_error (error, "the request ends after %" G_GSIZE_FORMAT " bytes, in its header of %"
                         G_GSIZE_FORMAT, got, sizeof request);
      return NULL;
    }

  if (memcmp (request.magic, RAPPORT_PICTURE_REQUEST_MAGIC, RAPPORT_PICTURE_MAGIC_LENGTH) != 0)
    {
      set_request_error (error, "the request does not start with " RAPPORT_PICTURE_REQUEST_MAGIC);
      return NULL;
    }
  if (!media_type_for_request (request.type, type))
    {
      set_request_error (error, "the request asks for a picture of type %u, which is not 1, 2 or 3",
                         (guint) request.type);
      return NULL;
    }
  if (request.length == 0 || request.length > RAPPORT_PICTURE_MAX_INPUT)
    {
      set_request_error (error, "the request announces %u bytes; a picture has 1 to %u",
                         (guint) request.length, (guint) RAPPORT_PICTURE_MAX_INPUT);
      return NULL;
    }

  data = g_malloc (request.length);
  if (!read_fully (read_func, user_data, data, request.length, &got, error))
    return NULL;
  if (got < request.length)
    {
      set_request_error (error, "the picture ends after %" G_GSIZE_FORMAT " of the %u bytes announced",
                         got, (guint) request.length);
      return NULL;
    }

  if (!read_fully (read_func, user_data, &extra, 1, &got, error))
    return NULL;
  if (got != 0)
    {
      set_request_error (error, "the request goes on after the %u bytes announced",
                         (guint) request.length);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), request.length);
}
