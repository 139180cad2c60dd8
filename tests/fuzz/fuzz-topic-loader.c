/* fuzz-topic-loader.c: any bytes as a topic file.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  RapportTopicLoader *loader = get_loader ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTopic) topic = NULL;

  topic = rapport_topic_loader_load_from_bytes (loader, bytes, "topics/fuzz.xml", "fuzz",
                                                problems, &error);
  fuzz_check_problems (problems, topic != NULL, error);

  if (topic != NULL)
    {
      /* What the Learn view reads first of every topic. */
      g_assert_nonnull (rapport_topic_get_key (topic));
      g_assert_nonnull (rapport_topic_get_title (topic));
      g_assert_cmpuint (g_list_model_get_n_items (rapport_topic_get_lessons (topic)), ==,
                        rapport_topic_get_n_lessons (topic));
      (void) rapport_topic_get_word_count (topic);
      (void) rapport_topic_get_minutes (topic);
    }

  return 0;
}
