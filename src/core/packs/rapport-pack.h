/* rapport-pack.h: a lesson pack: pack.json and its topic files.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-media.h"
#include "rapport-problem.h"
#include "rapport-skill.h"         /* RAPPORT_CORE_PACK_ID */
#include "rapport-topic-loader.h"

G_BEGIN_DECLS

#define RAPPORT_PACK_ERROR (rapport_pack_error_quark ())

typedef enum
{
  RAPPORT_PACK_ERROR_INVALID,        /* the pack has problems; see the problem list */
  RAPPORT_PACK_ERROR_OLDER,          /* a newer version of the pack is installed */
  RAPPORT_PACK_ERROR_NOT_INSTALLED,  /* no pack with that id is installed */
  RAPPORT_PACK_ERROR_RESERVED,       /* the id is that of Rapport's own course */
  RAPPORT_PACK_ERROR_FAILED,         /* reading or writing files failed */
} RapportPackError;

GQuark rapport_pack_error_quark (void);

#define RAPPORT_PACK_MANIFEST         "pack.json"
#define RAPPORT_PACK_MAX_MANIFEST_SIZE (256 * 1024)
#define RAPPORT_PACK_MAX_JSON_DEPTH    16
#define RAPPORT_PACK_MAX_TOPICS        200
#define RAPPORT_PACK_MAX_MEDIA         200
#define RAPPORT_PACK_MAX_MEDIA_SIZE    (8 * 1024 * 1024)
#define RAPPORT_PACK_FILE_SUFFIX       ".rapportpack"

#define RAPPORT_TYPE_PACK (rapport_pack_get_type ())

G_DECLARE_FINAL_TYPE (RapportPack, rapport_pack, RAPPORT, PACK, GObject)

RapportPack        *rapport_pack_new_from_manifest      (GBytes             *manifest,
                                                         const char         *display_name,
                                                         GPtrArray          *problems,
                                                         GError            **error);
RapportPack        *rapport_pack_load_folder            (const char         *folder,
                                                         RapportTopicLoader *loader,
                                                         GPtrArray          *problems,
                                                         GError            **error);
RapportPack        *rapport_pack_load_path              (const char         *path,
                                                         RapportTopicLoader *loader,
                                                         GPtrArray          *problems,
                                                         GError            **error);
RapportPack        *rapport_pack_load_archive           (const char         *path,
                                                         RapportTopicLoader *loader,
                                                         GPtrArray          *problems,
                                                         GError            **error);
gboolean            rapport_pack_path_is_archive        (const char         *path);
gboolean            rapport_pack_build                  (const char         *folder,
                                                         const char         *output_path,
                                                         RapportTopicLoader *loader,
                                                         GPtrArray          *problems,
                                                         GError            **error);

const char         *rapport_pack_get_id                 (RapportPack        *self);
const char         *rapport_pack_get_title              (RapportPack        *self);
const char         *rapport_pack_get_version            (RapportPack        *self);
const char * const *rapport_pack_get_authors            (RapportPack        *self);
const char         *rapport_pack_get_language           (RapportPack        *self);
const char         *rapport_pack_get_license            (RapportPack        *self);
const char         *rapport_pack_get_description        (RapportPack        *self);
const char         *rapport_pack_get_min_rapport_version (RapportPack       *self);
guint               rapport_pack_get_n_topic_files      (RapportPack        *self);
const char         *rapport_pack_get_topic_file         (RapportPack        *self,
                                                         guint               position);
const char         *rapport_pack_get_topic_sha256       (RapportPack        *self,
                                                         guint               position);
guint               rapport_pack_get_n_media_files      (RapportPack        *self);
const char         *rapport_pack_get_media_file         (RapportPack        *self,
                                                         guint               position);
const char         *rapport_pack_get_media_sha256       (RapportPack        *self,
                                                         guint               position);
GListModel         *rapport_pack_get_topics             (RapportPack        *self);
const char         *rapport_pack_get_folder             (RapportPack        *self);
const char         *rapport_pack_get_archive            (RapportPack        *self);
GBytes             *rapport_pack_read_media             (RapportPack        *self,
                                                         const char         *src,
                                                         RapportMediaInfo   *info,
                                                         GError            **error);

G_END_DECLS
