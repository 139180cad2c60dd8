/* rapport-media.h: checking the pictures that come with a pack.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A picture larger than this on either side is refused: a learner's screen
 * never needs it, and a decoder would need hundreds of megabytes for it.
 */
#define RAPPORT_MEDIA_MAX_DIMENSION 8192

/* Nor may it have more pixels than 4096 × 4096: decoded, that is 64 MiB,
 * which the lesson reader may hold; 8192 × 8192 would be 256 MiB.
 */
#define RAPPORT_MEDIA_MAX_PIXELS    (4096 * 4096)

typedef enum
{
  RAPPORT_MEDIA_PNG,
  RAPPORT_MEDIA_JPEG,
  RAPPORT_MEDIA_SVG,
} RapportMediaType;

typedef struct
{
  RapportMediaType type;
  guint            width;    /* pixels; 0 for SVG */
  guint            height;
} RapportMediaInfo;

gboolean rapport_media_check (const char        *name,
                              GBytes            *bytes,
                              RapportMediaInfo  *info,
                              guint             *line,
                              GError           **error);

G_END_DECLS
