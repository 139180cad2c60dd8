/* rapport-picture.h: a pack's picture drawn in a separate, locked-down process.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-media.h"
#include "rapport-picture-protocol.h"
#include "rapport-topic.h"

G_BEGIN_DECLS

#define RAPPORT_PICTURE_ERROR (rapport_picture_error_quark ())

typedef enum
{
  RAPPORT_PICTURE_ERROR_TIMEOUT,   /* it ran over its CPU or wall-clock time */
  RAPPORT_PICTURE_ERROR_MEMORY,    /* it needed more memory than it may have */
  RAPPORT_PICTURE_ERROR_INVALID,   /* not a picture the decoder can draw */
  RAPPORT_PICTURE_ERROR_MISSING,   /* the decoder program is not there or cannot start */
  RAPPORT_PICTURE_ERROR_FAILED,    /* the decoder crashed or gave output that is not valid */
} RapportPictureError;

GQuark rapport_picture_error_quark (void);

/* At most this many decoders run at once in a process; more wait their turn. */
#define RAPPORT_PICTURE_MAX_RUNNING 2

/* Spare decoders kept ready while a topic with pictures is on screen
 * (rapport-picture-spare.c): as many as may run at once, so that none of
 * the first pictures of a lesson waits for a decoder to start. One spare
 * left the second picture of a lesson with two to a decoder started cold,
 * whose start competed with the lesson's first frame (see
 * src/sandbox/README.md).
 */
#define RAPPORT_PICTURE_SPARES      RAPPORT_PICTURE_MAX_RUNNING

typedef struct
{
  guint                width;
  guint                height;
  gsize                rowstride;   /* width × bytes per pixel: rows are packed */
  RapportPictureFormat format;
  GBytes              *pixels;      /* height × rowstride bytes */
} RapportPicture;

/* What a decode cost, whether it succeeded or not. */
typedef struct
{
  double   wall_seconds;    /* from handing the decoder its picture (starting it, unless it was
                             * a spare) to its end, not its wait for a turn */
  double   cpu_seconds;     /* the CPU time it used, when it said; 0 otherwise */
  double   stopped_after;   /* for RAPPORT_PICTURE_ERROR_TIMEOUT: the limit it ran into */
  guint    peak_mib;        /* the most address space it used, when it said; 0 otherwise */
  guint    landlock_abi;    /* the Landlock ABI it was locked down with; 0 for none */
  gboolean seccomp;         /* whether its seccomp filter was in place */
  gboolean spare;           /* whether a spare decoder drew it, started before it was asked for */
} RapportPictureStats;

void            rapport_picture_free             (RapportPicture       *picture);

void            rapport_picture_decode_async     (GBytes               *bytes,
                                                  RapportMediaType      type,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
RapportPicture *rapport_picture_decode_finish    (GAsyncResult         *result,
                                                  RapportPictureStats  *stats,
                                                  GError              **error);
RapportPicture *rapport_picture_decode           (GBytes               *bytes,
                                                  RapportMediaType      type,
                                                  GCancellable         *cancellable,
                                                  RapportPictureStats  *stats,
                                                  GError              **error);

char           *rapport_picture_get_decoder_path (void);
guint           rapport_picture_get_n_running    (void);

/* A spare decoder, ready for the next picture (rapport-picture-spare.c). */
void            rapport_picture_prewarm          (gconstpointer         owner,
                                                  gboolean              wanted);
gboolean        rapport_picture_topic_has_pictures (RapportTopic       *topic);
guint           rapport_picture_get_n_spares     (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportPicture, rapport_picture_free)

G_END_DECLS
