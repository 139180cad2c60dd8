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

/* Writes LENGTH bytes of the output; returns FALSE with ERROR set when it cannot. */
typedef gboolean (*RapportPictureWriteFunc) (const guchar  *data,
                                             gsize          length,
                                             gpointer       user_data,
                                             GError       **error);

gboolean         rapport_picture_type_from_string (const char                 *string,
                                                   RapportMediaType           *type);
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
