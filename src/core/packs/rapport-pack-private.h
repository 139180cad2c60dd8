/* rapport-pack-private.h: one loader for pack folders and pack files.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-pack.h"

G_BEGIN_DECLS

/* Where a pack's files come from. Exactly one of @folder and @files is set:
 * a folder on disk, read file by file with size caps, or the entries of a
 * .rapportpack archive already read into memory (name → GBytes).
 */
typedef struct
{
  const char *folder;
  GHashTable *files;
  const char *archive;   /* with @files: the archive's path, for the pack */
} RapportPackSource;

typedef enum
{
  RAPPORT_PACK_LOAD_NONE              = 0,
  /* A built pack file: every topic and picture needs its SHA-256, and every
   * file in it must be listed in pack.json.
   */
  RAPPORT_PACK_LOAD_REQUIRE_CHECKSUMS = 1 << 0,
  /* Keep the bytes of pack.json and of every file that was checked, so that
   * exactly what was checked is what gets built or installed.
   */
  RAPPORT_PACK_LOAD_KEEP_FILES        = 1 << 1,
} RapportPackLoadFlags;

RapportPack *rapport_pack_load_source    (const RapportPackSource  *source,
                                          RapportTopicLoader       *loader,
                                          RapportPackLoadFlags      flags,
                                          GPtrArray                *problems,
                                          GError                  **error);
GHashTable  *rapport_pack_get_files      (RapportPack              *self);
GBytes      *rapport_pack_build_manifest (RapportPack              *self);
void         rapport_pack_set_pack_error (GError                  **error,
                                          const char               *name,
                                          guint                     n_problems);

G_END_DECLS
