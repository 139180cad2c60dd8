/* rapport-picture-private.h: what the client's two files share.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-picture.h"

G_BEGIN_DECLS

#define DECODER_NAME        "rapport-picture-decoder"
#define STDERR_KEPT         4096
#define SCRATCH_SIZE        4096

/* One decode, the data of its GTask. The lock in rapport-picture.c guards
 * process, queued and cancelled, which cancelling may touch from another
 * thread; the rest belongs to the task's context.
 */
typedef struct
{
  /* owned */
  GBytes              *bytes;
  char                *path;
  GSubprocess         *process;
  GSource             *timeout_source;
  guchar              *pixels;
  GString             *errors;
  GCancellable        *cancellable;

  /* state */
  RapportMediaType     type;
  gulong               cancelled_id;
  gint64               started;
  guint                pending;
  gboolean             queued;
  gboolean             cancelled;
  gboolean             timed_out;
  gboolean             bad_output;
  gboolean             have_header;
  RapportPictureHeader header;
  gsize                header_read;
  gsize                pixels_size;
  gsize                pixels_read;
  RapportPictureRequest request;
  GOutputVector        request_vectors[2];   /* its header, then the picture */
  guchar               scratch[SCRATCH_SIZE];
  guchar               error_scratch[SCRATCH_SIZE];
  RapportPictureStats  stats;
} Decode;

/* rapport-picture.c: the line of decodes waiting for their turn */
void         rapport_picture_end_turn       (Decode            *d,
                                             gboolean           had_process);
gboolean     rapport_picture_is_cancelled   (Decode            *d);
gboolean     rapport_picture_attach_process (Decode            *d,
                                             GSubprocess       *process);

/* rapport-picture-process.c: one decoder process */
GSubprocess *rapport_picture_spawn_decoder  (const char        *path,
                                             RapportMediaType  *for_type,
                                             GError           **error);
void         rapport_picture_process_start  (GTask             *task);

/* rapport-picture-spare.c: the decoders started ahead of time */
GSubprocess *rapport_picture_take_spare     (const char        *path);
void         rapport_picture_spare_refill   (void);

G_END_DECLS
