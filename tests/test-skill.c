/* test-skill.c: the ten skills of the curriculum.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rapport/skill/keys", test_skill_keys);
  g_test_add_func ("/rapport/skill/titles-distinct", test_skill_titles_distinct);
  g_test_add_func ("/rapport/skill/unknown", test_skill_unknown);

  return g_test_run ();
}
