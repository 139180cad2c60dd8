/* fuzz-pack-manifest.c: any bytes as a pack.json.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-pack.h"
#include "rapport-problem.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPack) pack = NULL;

  fuzz_init_once ();

  pack = rapport_pack_new_from_manifest (bytes, "fuzz/pack.json", problems, &error);
  fuzz_check_problems (problems, pack != NULL, error);

  if (pack != NULL)
    {
      /* What the Packs view shows of a pack. */
      g_assert_nonnull (rapport_pack_get_id (pack));
      g_assert_nonnull (rapport_pack_get_title (pack));
      g_assert_nonnull (rapport_pack_get_version (pack));
      g_assert_nonnull (rapport_pack_get_authors (pack));
      for (guint i = 0; i < rapport_pack_get_n_topic_files (pack); i++)
        g_assert_nonnull (rapport_pack_get_topic_file (pack, i));
      for (guint i = 0; i < rapport_pack_get_n_media_files (pack); i++)
        g_assert_nonnull (rapport_pack_get_media_file (pack, i));
    }

  return 0;
}
