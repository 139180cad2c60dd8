/* fuzz-pack-archive.c: any bytes as a .rapportpack file, read and checked
 * as installing it would, then built back into a manifest.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-pack-archive.h"
#include "rapport-pack-private.h"
#include "rapport-problem.h"
#include "rapport-topic-loader.h"

#include "fuzz-common.h"

static RapportTopicLoader *
get_loader (void)
{
  static RapportTopicLoader *loader = NULL;

  if (loader == NULL)
    {
      g_autoptr(GError) error = NULL;

      fuzz_init_once ();
      loader = rapport_topic_loader_new_from_file (FUZZ_SCHEMA, &error);
      g_assert_no_error (error);
    }

  return loader;
}

/* A pack that passed every check must describe itself in a pack.json that
 * passes them too: that is what building and installing write.
 */
static void
check_manifest_round_trip (RapportPack *pack)
{
  g_autoptr(GBytes) manifest = rapport_pack_build_manifest (pack);
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPack) again = NULL;

  again = rapport_pack_new_from_manifest (manifest, "built/pack.json", problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpstr (rapport_pack_get_id (again), ==, rapport_pack_get_id (pack));
  g_assert_cmpuint (rapport_pack_get_n_topic_files (again), ==,
                    rapport_pack_get_n_topic_files (pack));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  RapportTopicLoader *loader = get_loader ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(RapportPack) pack = NULL;
  RapportPackSource source = { 0 };
  guint64 n_unpacked = 0;

  files = rapport_pack_archive_read (bytes, "fuzz.rapportpack", problems, &n_unpacked, &error);
  fuzz_check_problems (problems, files != NULL, error);
  g_assert_cmpuint (n_unpacked, <=, RAPPORT_PACK_ARCHIVE_MAX_TOTAL_SIZE + 64 * 1024);

  if (files == NULL)
    return 0;

  /* As installing a pack file checks it. */
  source.files = files;
  source.archive = "fuzz.rapportpack";
  pack = rapport_pack_load_source (&source, loader,
                                   RAPPORT_PACK_LOAD_REQUIRE_CHECKSUMS |
                                   RAPPORT_PACK_LOAD_KEEP_FILES,
                                   problems, &error);
  fuzz_check_problems (problems, pack != NULL, error);

  if (pack != NULL)
    check_manifest_round_trip (pack);

  return 0;
}
