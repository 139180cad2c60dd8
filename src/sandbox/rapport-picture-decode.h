/* rapport-picture-decode.h: decoding a picture from memory, in the decoder's process.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "rapport-media.h"

G_BEGIN_DECLS

typedef struct
{
  guint64 max_pixels;     /* PNG and JPEG: the loader stops before more */
  guint   max_svg_size;   /* SVG: drawn at most this large on its longer side */
} RapportPictureLimits;

/* Reads at most SIZE bytes of the request into BUFFER; returns how many, 0
 * at its end, or -1 with ERROR set.
 */
typedef gssize (*RapportPictureReadFunc) (guchar        *buffer,
                                          gsize          size,
                                          gpointer       user_data,
                                          GError       **error);

/* Writes LENGTH bytes of the output; returns FALSE with ERROR set when it cannot. */
typedef gboolean (*RapportPictureWriteFunc) (const guchar  *data,
                                             gsize          length,
                                             gpointer       user_data,
                                             GError       **error);

/* The types to warm up, as bits 1 << RapportMediaType. */
#define RAPPORT_PICTURE_ALL_TYPES ((1u << RAPPORT_MEDIA_PNG) | (1u << RAPPORT_MEDIA_JPEG) | \
                                   (1u << RAPPORT_MEDIA_SVG))

gboolean         rapport_picture_type_from_string (const char                 *string,
                                                   RapportMediaType           *type);
gboolean         rapport_picture_warm_up          (const RapportPictureLimits *limits,
                                                   guint                       types,
                                                   GError                    **error);
GBytes          *rapport_picture_read_request     (RapportPictureReadFunc      read_func,
                                                   gpointer                    user_data,
                                                   RapportMediaType           *type,
                                                   GError                    **error);
GdkPixbufLoader *rapport_picture_loader_new       (RapportMediaType            type,
                                                   const RapportPictureLimits *limits,
                                                   GError                    **error);
GdkPixbuf       *rapport_picture_loader_decode    (GdkPixbufLoader            *loader,
                                                   const guchar               *data,
                                                   gsize                       length,
                                                   GError                    **error);
gboolean         rapport_picture_write            (GdkPixbuf                  *pixbuf,
                                                   guint32                     sandbox,
                                                   guint64                     cpu_usec,
                                                   guint32                     peak_kib,
                                                   RapportPictureWriteFunc     write_func,
                                                   gpointer                    user_data,
                                                   GError                    **error);
gboolean         rapport_picture_decode_and_write (RapportMediaType            type,
                                                   const RapportPictureLimits *limits,
                                                   const guchar               *data,
                                                   gsize                       length,
                                                   RapportPictureWriteFunc     write_func,
                                                   gpointer                    user_data,
                                                   GError                    **error);

G_END_DECLS
