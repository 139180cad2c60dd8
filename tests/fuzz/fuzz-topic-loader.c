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

/* What a learner's answers reach of a question that loaded: the matching
 * options of every pair, and typed answers (the prompt, each accepted
 * answer's own words) compared with every accepted one.
 */
static void
check_quiz (RapportQuiz *quiz)
{
  if (quiz == NULL)
    return;

  for (guint i = 0; i < rapport_quiz_get_n_questions (quiz); i++)
    {
      g_autoptr(RapportQuestion) question = g_list_model_get_item (rapport_quiz_get_questions (quiz), i);
      const char *prompt = rapport_inline_get_text (rapport_question_get_prompt (question));

      for (guint pair = 0; pair < rapport_question_get_n_pairs (question); pair++)
        g_assert_cmpuint (rapport_question_get_pair_option (question, pair), <,
                          rapport_question_get_n_options (question));

      for (guint a = 0; a < rapport_question_get_n_accepts (question); a++)
        {
          RapportAccept *accept = rapport_question_get_accept (question, a);
          g_autofree char *shown = rapport_accept_to_display (accept);

          g_assert_true (g_utf8_validate (shown, -1, NULL));
          if (rapport_accept_get_text (accept) != NULL)
            {
              (void) rapport_question_match_text (question, rapport_accept_get_text (accept));
              (void) rapport_question_match_text (question, prompt);
            }
          else
            g_assert_cmpint (rapport_question_match_number (question, rapport_accept_get_value (accept)), >=, 0);
        }
    }
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
      check_quiz (rapport_topic_get_quiz (topic));
    }

  return 0;
}
