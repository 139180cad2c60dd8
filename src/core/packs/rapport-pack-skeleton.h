/* rapport-pack-skeleton.h: the pack.json of a pack that is being made: by
 * `rapport-pack new`, by `rapport-pack import`, or by the app from a bank.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char         *id;
  const char         *title;
  const char * const *authors;       /* NULL-terminated, at least one */
  const char         *language;
  const char         *license;
  const char         *description;
} RapportPackSkeleton;

char *rapport_pack_skeleton_id       (const char                *name);
char *rapport_pack_skeleton_manifest (const RapportPackSkeleton *skeleton,
                                      const char * const        *topic_files);

G_END_DECLS
