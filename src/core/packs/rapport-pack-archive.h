/* rapport-pack-archive.h: .rapportpack files as zip archives, read into
 * memory and written reproducibly; loading and building them as packs is
 * in rapport-pack.h.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-problem.h"

G_BEGIN_DECLS

/* Limits for a pack file from anyone. The sizes count the bytes actually
 * unpacked, not the sizes the archive declares.
 */
#define RAPPORT_PACK_ARCHIVE_MAX_FILE_SIZE   (64 * 1024 * 1024)
#define RAPPORT_PACK_ARCHIVE_MAX_ENTRIES     500
#define RAPPORT_PACK_ARCHIVE_MAX_ENTRY_SIZE  (8 * 1024 * 1024)
#define RAPPORT_PACK_ARCHIVE_MAX_TOTAL_SIZE  (64 * 1024 * 1024)

GHashTable  *rapport_pack_archive_read       (GBytes              *archive,
                                              const char          *display_name,
                                              GPtrArray           *problems,
                                              guint64             *n_unpacked,
                                              GError             **error);
GHashTable  *rapport_pack_archive_read_file  (const char          *path,
                                              GPtrArray           *problems,
                                              GError             **error);
gboolean     rapport_pack_archive_write      (GHashTable          *files,
                                              const char          *path,
                                              GError             **error);

G_END_DECLS
