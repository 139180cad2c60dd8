/* rapport-pack-inspect.c: `rapport-pack inspect`, what a topic file or pack holds
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rapport-keys.h"
#include "rapport-pack-tool.h"
#include "rapport-topic-loader.h"

typedef struct
{
  guint    n_questions;
  gboolean types[RAPPORT_QUESTION_N_TYPES];
} QuizCounts;

static QuizCounts
count_quiz (RapportTopic *topic)
{
  RapportQuiz *quiz = rapport_topic_get_quiz (topic);
  QuizCounts counts = { 0 };
  GListModel *questions;

  if (quiz == NULL)
    return counts;

  questions = rapport_quiz_get_questions (quiz);
  counts.n_questions = g_list_model_get_n_items (questions);
  for (guint i = 0; i < counts.n_questions; i++)
    {
      g_autoptr(RapportQuestion) question = g_list_model_get_item (questions, i);

      counts.types[rapport_question_get_question_type (question)] = TRUE;
    }

  return counts;
}

static guint
count_rubric_levels (RapportTopic *topic)
{
  guint n_levels = 0;

  for (guint level = 1; level <= RAPPORT_RUBRIC_LEVELS; level++)
    {
      if (rapport_topic_get_rubric_level (topic, level) != NULL)
        n_levels++;
    }

  return n_levels;
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static char *
inspect_json (Loaded *loaded)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n_topics = g_list_model_get_n_items (G_LIST_MODEL (loaded->topics));

  json_builder_begin_object (builder);
  add_string_or_null (builder, "id", loaded->pack != NULL ? rapport_pack_get_id (loaded->pack) : NULL);
  add_string_or_null (builder, "title",
                      loaded->pack != NULL ? rapport_pack_get_title (loaded->pack) : NULL);
  add_string_or_null (builder, "version",
                      loaded->pack != NULL ? rapport_pack_get_version (loaded->pack) : NULL);

  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);

  for (guint i = 0; i < n_topics; i++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (G_LIST_MODEL (loaded->topics), i);
      QuizCounts counts = count_quiz (topic);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "id", rapport_topic_get_key (topic));
      add_string_or_null (builder, "title", rapport_topic_get_title (topic));
      add_string_or_null (builder, "skill", rapport_topic_get_skill (topic));
      json_builder_set_member_name (builder, "lessons");
      json_builder_add_int_value (builder, rapport_topic_get_n_lessons (topic));
      json_builder_set_member_name (builder, "questions");
      json_builder_add_int_value (builder, counts.n_questions);
      json_builder_set_member_name (builder, "question_types");
      json_builder_begin_array (builder);
      for (guint type = 0; type < RAPPORT_QUESTION_N_TYPES; type++)
        {
          if (counts.types[type])
            json_builder_add_string_value (builder, rapport_question_type_to_string (type));
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "prompts");
      json_builder_add_int_value (builder, rapport_topic_get_n_prompts (topic));
      json_builder_set_member_name (builder, "rubric_levels");
      json_builder_add_int_value (builder, count_rubric_levels (topic));
      json_builder_set_member_name (builder, "words");
      json_builder_add_int_value (builder, rapport_topic_get_word_count (topic));
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "media");
  json_builder_begin_array (builder);
  for (guint i = 0; loaded->pack != NULL && i < rapport_pack_get_n_media_files (loaded->pack); i++)
    json_builder_add_string_value (builder, rapport_pack_get_media_file (loaded->pack, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, NULL);
}

static void
inspect_text (Loaded *loaded)
{
  guint n_topics = g_list_model_get_n_items (G_LIST_MODEL (loaded->topics));
  guint total_words = 0;
  guint total_questions = 0;

  if (loaded->pack != NULL)
    {
      g_autofree char *authors = g_strjoinv (", ", (char **) rapport_pack_get_authors (loaded->pack));

      g_print ("%s\n", rapport_pack_get_title (loaded->pack));
      g_print ("  %-12s %s\n", _("id:"), rapport_pack_get_id (loaded->pack));
      g_print ("  %-12s %s\n", _("version:"), rapport_pack_get_version (loaded->pack));
      g_print ("  %-12s %s\n", _("authors:"), authors);
      g_print ("  %-12s %s\n", _("language:"), rapport_pack_get_language (loaded->pack));
      g_print ("  %-12s %s\n", _("licence:"), rapport_pack_get_license (loaded->pack));
      if (rapport_pack_get_n_media_files (loaded->pack) > 0)
        g_print ("  %-12s %u\n", _("pictures:"), rapport_pack_get_n_media_files (loaded->pack));
      g_print ("\n");
    }

  for (guint i = 0; i < n_topics; i++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (G_LIST_MODEL (loaded->topics), i);
      g_autoptr(GString) types = g_string_new (NULL);
      QuizCounts counts = count_quiz (topic);
      guint n_lessons = rapport_topic_get_n_lessons (topic);
      guint n_prompts = rapport_topic_get_n_prompts (topic);
      guint n_words = rapport_topic_get_word_count (topic);

      for (guint type = 0; type < RAPPORT_QUESTION_N_TYPES; type++)
        {
          if (!counts.types[type])
            continue;
          if (types->len > 0)
            g_string_append (types, ", ");
          g_string_append (types, rapport_question_type_to_string (type));
        }

      g_print ("%s  %s (%s)\n", rapport_topic_get_key (topic), rapport_topic_get_title (topic),
               rapport_topic_get_skill (topic));
      g_print ("    ");
      g_print (ngettext ("%u lesson", "%u lessons", n_lessons), n_lessons);
      g_print (", ");
      g_print (ngettext ("%u word", "%u words", n_words), n_words);
      g_print (", ");
      g_print (ngettext ("%u question", "%u questions", counts.n_questions), counts.n_questions);
      if (types->len > 0)
        g_print (" (%s)", types->str);
      g_print (", ");
      g_print (ngettext ("%u journal prompt", "%u journal prompts", n_prompts), n_prompts);
      g_print (", ");
      g_print (ngettext ("%u rubric level", "%u rubric levels", count_rubric_levels (topic)),
               count_rubric_levels (topic));
      g_print ("\n");

      total_words += n_words;
      total_questions += counts.n_questions;
    }

  if (loaded->pack != NULL)
    {
      g_print ("\n");
      g_print (ngettext ("%u topic", "%u topics", n_topics), n_topics);
      g_print (", ");
      g_print (ngettext ("%u word", "%u words", total_words), total_words);
      g_print (", ");
      g_print (ngettext ("%u question", "%u questions", total_questions), total_questions);
      g_print ("\n");
    }
}

int
run_inspect (int    argc,
             char **argv)
{
  g_auto(Loaded) loaded = { NULL, NULL };
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON for other programs"), NULL },
    { NULL }
  };
  int status = 0;

  if (!parse_verb_options ("inspect", _("PATH"),
                           _("Shows what a topic file or pack holds: its topics with their lessons, "
                             "questions, journal prompts, rubric levels and words. With --json, "
                             "prints {\"id\", \"title\", \"version\", \"topics\": [{\"id\", "
                             "\"title\", \"skill\", \"lessons\", \"questions\", \"question_types\", "
                             "\"prompts\", \"rubric_levels\", \"words\"}], \"media\": [file…]}; id, "
                             "title and version are null, and media empty, for a lone topic file."),
                           entries, &argc, &argv, &status))
    return status;

  if (!load_path (argv[1], &loaded))
    return EXIT_INVALID;

  if (as_json)
    {
      g_autofree char *json = inspect_json (&loaded);

      g_print ("%s\n", json);
    }
  else
    {
      inspect_text (&loaded);
    }

  return EXIT_SUCCESS;
}
