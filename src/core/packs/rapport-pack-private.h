/* rapport-pack-private.h: what the files of the packs domain share: a
 * pack's fields, the one loader for pack folders and pack files, and the
 * helpers below it.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-pack.h"

G_BEGIN_DECLS

typedef struct
{
  char  *file;      /* relative to the pack, with "/" */
  char  *sha256;    /* lower-case hex, or NULL */
  guint  line;      /* in pack.json; 0 for a picture only a topic names */
} RapportPackFile;

/* Filled in by rapport-pack-manifest.c (from pack.json) and
 * rapport-pack-load.c (the topics, the pictures only topics name, where the
 * pack came from and the bytes it kept).
 */
struct _RapportPack
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *version;
  GStrv       authors;
  char       *language;
  char       *license;
  char       *description;
  char       *min_rapport_version;
  GArray     *topic_files;   /* of RapportPackFile */
  GArray     *media_files;   /* of RapportPackFile */
  GListStore *topics;        /* of RapportTopic */
  char       *folder;
  char       *archive;
  GHashTable *files;         /* name → GBytes, with RAPPORT_PACK_LOAD_KEEP_FILES */
};

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

/* rapport-pack-load.c */
RapportPack *rapport_pack_load_source    (const RapportPackSource  *source,
                                          RapportTopicLoader       *loader,
                                          RapportPackLoadFlags      flags,
                                          GPtrArray                *problems,
                                          GError                  **error);

/* rapport-pack-manifest.c */
RapportPack *rapport_pack_check_manifest (GBytes                   *manifest,
                                          const char               *display_name,
                                          GPtrArray                *problems,
                                          guint                    *n_problems);
GBytes      *rapport_pack_build_manifest (RapportPack              *self);

/* rapport-pack.c */
GHashTable  *rapport_pack_get_files      (RapportPack              *self);
char        *rapport_pack_sha256_of      (GBytes                   *bytes);

/* rapport-pack-archive.c: a zip archive in memory, and writing it out */
GBytes      *rapport_pack_archive_zip    (GHashTable               *files,
                                          GError                  **error);
gboolean     rapport_pack_archive_save   (const char               *path,
                                          GBytes                   *zip,
                                          GError                  **error);

/* rapport-pack-error.c */
void         rapport_pack_set_pack_error (GError                  **error,
                                          const char               *name,
                                          guint                     n_problems);
gboolean     rapport_pack_set_error      (GError                  **error,
                                          RapportPackError          code,
                                          const char               *format,
                                          ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
