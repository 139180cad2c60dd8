/* test-skill.c: the ten skills of the curriculum.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rapport-pack.h"
#include "rapport-skill.h"

/* The keys are stored in every learner's database and written in every lesson
 * pack, so their set and order must never change by accident.
 */
static void
test_skill_keys (void)
{
  static const char *expected[] = {
    "communication", "active-listening", "empathy", "problem-solving", "interpersonal",
    "assertiveness", "stress-management", "conflict-management", "business-writing",
    "cross-cultural",
  };

  g_assert_cmpuint (rapport_skill_get_count (), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const RapportSkill *skill = rapport_skill_get_nth (i);

      g_assert_cmpstr (skill->key, ==, expected[i]);
      g_assert_true (rapport_skill_lookup (expected[i]) == skill);
      g_assert_cmpint (rapport_skill_get_position (expected[i]), ==, i);
    }
}

static void
test_skill_titles_distinct (void)
{
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < rapport_skill_get_count (); i++)
    {
      const RapportSkill *skill = rapport_skill_get_nth (i);

      g_assert_cmpuint (strlen (skill->title), >, 3);
      g_assert_true (g_str_has_suffix (skill->icon_name, "-symbolic"));
      g_assert_true (g_hash_table_add (titles, (gpointer) skill->title));
    }
}

static void
test_skill_unknown (void)
{
  g_assert_null (rapport_skill_lookup ("listening"));
  g_assert_null (rapport_skill_lookup (""));
  g_assert_null (rapport_skill_lookup ("Empathy"));
  g_assert_cmpint (rapport_skill_get_position ("empathy "), ==, -1);
}

static RapportPack *
load_pack (const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTopicLoader) loader = rapport_topic_loader_new_from_file (g_getenv ("RAPPORT_SCHEMA"),
                                                                             &error);
  RapportPack *pack;

  g_assert_no_error (error);
  pack = rapport_pack_load_folder (folder, loader, NULL, &error);
  g_assert_no_error (error);

  return pack;
}

/* A topic of the course is shown by its skill's name, the one the journal
 * and the charts use; a pack's topic by its own title, with its pack's.
 */
static void
test_skill_topic_names (void)
{
  g_autofree char *acme_folder = g_test_build_filename (G_TEST_DIST, "fixtures", "packs", "acme", NULL);
  g_autoptr(RapportPack) core = load_pack (g_getenv ("RAPPORT_CORE_PACK"));
  g_autoptr(RapportPack) acme = load_pack (acme_folder);
  GListModel *topics = rapport_pack_get_topics (core);

  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, rapport_skill_get_count ());
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, i);

      g_assert_true (rapport_topic_is_core (topic));
      g_assert_cmpstr (rapport_topic_get_display_title (topic), ==,
                       rapport_skill_get_display_title (rapport_topic_get_skill (topic)));
      /* Untranslated, the same words the topic file gives. */
      g_assert_cmpstr (rapport_topic_get_display_title (topic), ==, rapport_topic_get_title (topic));
      g_assert_cmpstr (rapport_topic_get_pack_title (topic), ==, "Customer Service Essentials");
    }

  topics = rapport_pack_get_topics (acme);
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, i);

      g_assert_false (rapport_topic_is_core (topic));
      g_assert_cmpstr (rapport_topic_get_display_title (topic), ==, rapport_topic_get_title (topic));
      g_assert_cmpstr (rapport_topic_get_pack_title (topic), ==, "Acme Customer Care: Refunds");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rapport/skill/keys", test_skill_keys);
  g_test_add_func ("/rapport/skill/titles-distinct", test_skill_titles_distinct);
  g_test_add_func ("/rapport/skill/unknown", test_skill_unknown);
  g_test_add_func ("/rapport/skill/topic-names", test_skill_topic_names);

  return g_test_run ();
}
