/* rapport-pack.c: the trainers' tool for topic files and lesson packs.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* rapport-pack validate PATH         exit 0 when valid, 1 with problems
 * rapport-pack inspect [--json] PATH what a topic file or pack holds
 *
 * PATH is a topic file, a pack folder or its pack.json. Problems go to
 * standard error as "file:line: message", the form editors jump to.
 * Exit status 2 means the command line was wrong.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rapport-pack.h"
#include "rapport-topic-loader.h"

#define EXIT_INVALID 1
#define EXIT_USAGE   2

typedef struct
{
  RapportPack *pack;     /* NULL for a lone topic file */
  GListStore  *topics;   /* of RapportTopic */
} Loaded;

static void
loaded_clear (Loaded *loaded)
{
  g_clear_object (&loaded->pack);
  g_clear_object (&loaded->topics);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loaded, loaded_clear)

static int
usage_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("rapport-pack: %s\n", message);
  g_printerr (_("Try “rapport-pack --help” for more information."));
  g_printerr ("\n");

  return EXIT_USAGE;
}

static void
print_tool_help (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n\n%s\n  %-26s%s\n  %-26s%s\n\n%s\n",
           _("Usage: rapport-pack COMMAND [OPTION…] PATH"),
           _("Checks and describes Rapport topic files and lesson packs. PATH is a "
             "topic file (.xml), a pack folder or its pack.json."),
           _("Commands:"),
           "validate PATH", _("Check a topic file or pack; list every problem"),
           "inspect [--json] PATH", _("Show what a topic file or pack holds"),
           _("Run “rapport-pack COMMAND --help” for the options of a command."));
}

/* The schema Rapport ships: $RAPPORT_SCHEMA, the installed copy, or the
 * source tree's when running uninstalled.
 */
static RapportTopicLoader *
create_loader (GError **error)
{
  const char *env = g_getenv ("RAPPORT_SCHEMA");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "rapport-topic.rng", NULL);
  g_autofree char *source = g_build_filename (SOURCE_DATADIR, "rapport-topic.rng", NULL);

  if (env != NULL && env[0] != '\0')
    return rapport_topic_loader_new_from_file (env, error);

  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return rapport_topic_loader_new_from_file (installed, error);

  if (g_file_test (source, G_FILE_TEST_IS_REGULAR))
    return rapport_topic_loader_new_from_file (source, error);

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
               _("The topic schema was found neither in %s nor in %s; "
                 "set RAPPORT_SCHEMA to its path."),
               installed, source);
  return NULL;
}

static void
print_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = rapport_problem_to_string (g_ptr_array_index (problems, i));

      g_printerr ("%s\n", line);
    }
}

/* Loads PATH as a pack folder (or its pack.json) or as one topic file.
 * Returns FALSE with the problems printed.
 */
static gboolean
load_path (const char *path,
           Loaded     *loaded)
{
  g_autoptr(RapportTopicLoader) loader = NULL;
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (path);

  loader = create_loader (&error);
  if (loader == NULL)
    {
      g_printerr ("rapport-pack: %s\n", error->message);
      return FALSE;
    }

  loaded->topics = g_list_store_new (RAPPORT_TYPE_TOPIC);

  if (g_file_test (path, G_FILE_TEST_IS_DIR) || g_str_equal (basename, RAPPORT_PACK_MANIFEST))
    {
      g_autofree char *folder = g_file_test (path, G_FILE_TEST_IS_DIR) ?
                                g_strdup (path) : g_path_get_dirname (path);
      GListModel *topics;

      loaded->pack = rapport_pack_load_folder (folder, loader, problems, &error);
      if (loaded->pack == NULL)
        {
          print_problems (problems);
          g_printerr ("rapport-pack: %s\n", error->message);
          return FALSE;
        }

      topics = rapport_pack_get_topics (loaded->pack);
      for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
        {
          g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, i);

          g_list_store_append (loaded->topics, topic);
        }
    }
  else
    {
      g_autoptr(RapportTopic) topic = NULL;

      topic = rapport_topic_loader_load_from_file (loader, path, NULL, problems, &error);
      if (topic == NULL)
        {
          print_problems (problems);
          if (!g_error_matches (error, RAPPORT_TOPIC_ERROR, RAPPORT_TOPIC_ERROR_INVALID))
            return FALSE;   /* the problem already says it */
          g_printerr ("rapport-pack: %s\n", error->message);
          return FALSE;
        }

      g_list_store_append (loaded->topics, topic);
    }

  return TRUE;
}

static gboolean
parse_verb_options (const char    *verb,
                    const char    *parameter,
                    const char    *summary,
                    GOptionEntry  *entries,
                    int           *argc,
                    char        ***argv,
                    int           *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("rapport-pack %s", verb);

  g_set_prgname (name);
  context = g_option_context_new (parameter);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error ("%s", error->message);
      return FALSE;
    }

  if (*argc != 2)
    {
      *status = usage_error (_("“%s” needs exactly one PATH."), verb);
      return FALSE;
    }

  return TRUE;
}

static int
run_validate (int    argc,
              char **argv)
{
  g_auto(Loaded) loaded = { NULL, NULL };
  int status = 0;
  guint n_topics;

  if (!parse_verb_options ("validate", _("PATH"),
                           _("Checks a topic file, or a pack folder with every topic it lists, "
                             "and prints each problem as “file:line: message”. Exits with 0 when "
                             "everything is valid and 1 when there are problems."),
                           NULL, &argc, &argv, &status))
    return status;

  if (!load_path (argv[1], &loaded))
    return EXIT_INVALID;

  n_topics = g_list_model_get_n_items (G_LIST_MODEL (loaded.topics));
  if (loaded.pack != NULL)
    g_print (ngettext ("%s: valid pack “%s” with %u topic\n",
                       "%s: valid pack “%s” with %u topics\n", n_topics),
             argv[1], rapport_pack_get_title (loaded.pack), n_topics);
  else
    g_print (_("%s: valid\n"), argv[1]);

  return EXIT_SUCCESS;
}

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

static int
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
                             "\"prompts\", \"rubric_levels\", \"words\"}]}; id, title and version "
                             "are null for a lone topic file."),
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

int
main (int   argc,
      char *argv[])
{
  const char *verb;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_tool_help (stderr);
      return EXIT_USAGE;
    }

  verb = argv[1];

  if (g_str_equal (verb, "--help") || g_str_equal (verb, "-h") || g_str_equal (verb, "help"))
    {
      print_tool_help (stdout);
      return EXIT_SUCCESS;
    }

  if (g_str_equal (verb, "--version"))
    {
      g_print ("rapport-pack %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_str_equal (verb, "validate"))
    return run_validate (argc - 1, argv + 1);

  if (g_str_equal (verb, "inspect"))
    return run_inspect (argc - 1, argv + 1);

  return usage_error (_("Unknown command “%s”."), verb);
}
