/* test-core-pack.c: the built-in curriculum, loaded as the app loads it.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-pack.h"
#include "rapport-skill.h"
#include "rapport-unit-utils.h"

static void
test_core_pack_manifest (void)
{
  g_autoptr(RapportPack) pack = rapport_unit_load_core_pack ();

  g_assert_cmpstr (rapport_pack_get_id (pack), ==, "io.github.rapportapp.core");
  g_assert_cmpstr (rapport_pack_get_title (pack), ==, "Customer Service Essentials");
  g_assert_cmpstr (rapport_pack_get_language (pack), ==, "en");
  g_assert_cmpstr (rapport_pack_get_license (pack), ==, "CC-BY-SA-4.0");
}

/* Ten topics, one per skill and in the course's order, each a real course:
 * enough lessons, words, practice and reflection.
 */
static void
test_core_pack_topics (void)
{
  g_autoptr(RapportPack) pack = rapport_unit_load_core_pack ();
  GListModel *topics = rapport_pack_get_topics (pack);

  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, rapport_skill_get_count ());

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, i);
      const RapportSkill *skill = rapport_skill_get_nth (i);
      RapportQuiz *quiz = rapport_topic_get_quiz (topic);
      gboolean types[RAPPORT_QUESTION_N_TYPES] = { FALSE };
      guint n_types = 0;
      guint n_questions;

      g_test_message ("%s: %u lessons, %u words, %u prompts", rapport_topic_get_key (topic),
                      rapport_topic_get_n_lessons (topic), rapport_topic_get_word_count (topic),
                      rapport_topic_get_n_prompts (topic));

      g_assert_cmpstr (rapport_topic_get_key (topic), ==, skill->key);
      g_assert_cmpstr (rapport_topic_get_skill (topic), ==, skill->key);
      g_assert_cmpstr (rapport_topic_get_pack_id (topic), ==, "io.github.rapportapp.core");
      g_assert_cmpuint (rapport_topic_get_n_lessons (topic), >=, 3);
      g_assert_cmpuint (rapport_topic_get_word_count (topic), >=, 1500);
      g_assert_cmpuint (rapport_topic_get_n_prompts (topic), >=, 4);
      for (guint level = 1; level <= RAPPORT_RUBRIC_LEVELS; level++)
        g_assert_nonnull (rapport_topic_get_rubric_level (topic, level));

      g_assert_nonnull (quiz);
      n_questions = rapport_quiz_get_n_questions (quiz);
      g_assert_cmpuint (n_questions, >=, 12);
      for (guint q = 0; q < n_questions; q++)
        {
          g_autoptr(RapportQuestion) question = g_list_model_get_item (rapport_quiz_get_questions (quiz), q);
          RapportQuestionType type = rapport_question_get_question_type (question);

          if (!types[type])
            n_types++;
          types[type] = TRUE;
        }
      g_assert_cmpuint (n_types, >=, 3);
      g_assert_true (types[RAPPORT_QUESTION_SCENARIO]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rapport/core-pack/manifest", test_core_pack_manifest);
  g_test_add_func ("/rapport/core-pack/topics", test_core_pack_topics);

  return g_test_run ();
}
