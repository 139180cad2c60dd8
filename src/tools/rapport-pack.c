/* rapport-pack.c: the trainers' tool for topic files and lesson packs.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* rapport-pack new DIR               a working pack folder to start from
 * rapport-pack validate PATH         exit 0 when valid, 1 with problems
 * rapport-pack build DIR -o FILE     the .rapportpack file to hand out
 * rapport-pack inspect [--json] PATH what a topic file or pack holds
 *
 * PATH is a topic file, a pack folder, its pack.json or a .rapportpack file.
 * Problems go to standard error as "file:line: message", the form editors
 * jump to. Exit status 1 means invalid input, 2 a wrong command line.
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rapport-io.h"
#include "rapport-keys.h"
#include "rapport-pack.h"
#include "rapport-pack-archive.h"
#include "rapport-picture-check.h"
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
  fprintf (stream, "%s\n\n%s\n\n%s\n  %-26s%s\n  %-26s%s\n  %-26s%s\n  %-26s%s\n\n%s\n",
           _("Usage: rapport-pack COMMAND [OPTION…] PATH"),
           _("Creates, checks, builds and describes Rapport topic files and lesson packs. "
             "PATH is a topic file (.xml), a pack folder, its pack.json or a pack file "
             "(.rapportpack)."),
           _("Commands:"),
           "new DIR", _("Create a pack folder to start from"),
           "validate PATH", _("Check a topic file or pack; list every problem"),
           "build DIR -o FILE", _("Build the pack file to hand out from a pack folder"),
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

static gboolean
is_pack_path (const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);

  return g_file_test (path, G_FILE_TEST_IS_DIR) || g_str_equal (basename, RAPPORT_PACK_MANIFEST) ||
         rapport_pack_path_is_archive (path);
}

/* Loads PATH as a pack (a folder, its pack.json or a .rapportpack file) or
 * as one topic file. Returns FALSE with the problems printed.
 */
static gboolean
load_path (const char *path,
           Loaded     *loaded)
{
  g_autoptr(RapportTopicLoader) loader = NULL;
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;

  loader = create_loader (&error);
  if (loader == NULL)
    {
      g_printerr ("rapport-pack: %s\n", error->message);
      return FALSE;
    }

  loaded->topics = g_list_store_new (RAPPORT_TYPE_TOPIC);

  if (is_pack_path (path))
    {
      GListModel *topics;

      loaded->pack = rapport_pack_load_path (path, loader, problems, &error);
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
      *status = usage_error (_("“%s” needs exactly one %s."), verb, parameter);
      return FALSE;
    }

  return TRUE;
}

/* Draws each picture once, as Rapport would, and prints those that
 * learners would not see.
 */
static gboolean
draw_pictures (RapportPack *pack)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  RapportPictureCheck check = { 0 };

  if (!rapport_picture_check_pack (pack, problems, &check, &error))
    {
      g_printerr ("rapport-pack: %s\n", error->message);
      return FALSE;
    }

  print_problems (problems);
  if (problems->len > 0)
    g_printerr ("rapport-pack: %s\n",
                ngettext ("A picture of the pack would not be shown.",
                          "Pictures of the pack would not be shown.", problems->len));
  else if (check.n_shown > 0 && check.landlock_abi == 0)
    g_print (_("Note: this system has no Landlock; the pictures were drawn with seccomp and "
               "resource limits only.\n"));

  return problems->len == 0;
}

static int
run_validate (int    argc,
              char **argv)
{
  g_auto(Loaded) loaded = { NULL, NULL };
  int status = 0;
  guint n_topics;

  if (!parse_verb_options ("validate", _("PATH"),
                           _("Checks a topic file, or a pack (a folder, its pack.json or a "
                             ".rapportpack file) with every topic and picture it lists, and prints "
                             "each problem as “file:line: message”. Exits with 0 when everything "
                             "is valid and 1 when there are problems."),
                           NULL, &argc, &argv, &status))
    return status;

  if (!load_path (argv[1], &loaded))
    return EXIT_INVALID;

  if (loaded.pack != NULL && !draw_pictures (loaded.pack))
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

/* new */

/* The skeleton is English on purpose: it is the trainer's text to replace,
 * and its words show the format, not Rapport's interface.
 */
static const char skeleton_topic[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<!-- Your first topic. Replace the text, keep the structure; see FORMAT.md. -->\n"
  "<topic format=\"1\" key=\"first-topic\" skill=\"communication\"\n"
  "       icon=\"user-available-symbolic\" xml:lang=\"en\">\n"
  "  <title>Greeting a caller</title>\n"
  "  <summary>Open every call with your name, the company and an offer to help.</summary>\n"
  "\n"
  "  <lesson key=\"the-greeting\" minutes=\"3\">\n"
  "    <title>The first ten seconds</title>\n"
  "    <section>\n"
  "      <heading>Three parts of a greeting</heading>\n"
  "      <p>The caller decides in the first seconds whether they are in good hands.\n"
  "         A greeting with <strong>three parts</strong> tells them they are.</p>\n"
  "      <list ordered=\"true\">\n"
  "        <item>Say the company's name.</item>\n"
  "        <item>Say your own name.</item>\n"
  "        <item>Offer to help.</item>\n"
  "      </list>\n"
  "      <figure src=\"media/greeting.svg\"\n"
  "              alt=\"An agent with a headset, and a speech bubble with three short lines.\"/>\n"
  "      <tip>Smile as you speak: callers can hear it.</tip>\n"
  "      <instead>\n"
  "        <avoid>Yeah, hello?</avoid>\n"
  "        <try>Good morning, Example Company, this is Sam. How can I help?</try>\n"
  "        <why>The caller knows at once that they reached the right place and a person who listens.</why>\n"
  "      </instead>\n"
  "    </section>\n"
  "    <takeaways>\n"
  "      <item>Company, name, offer to help: every call, every time.</item>\n"
  "    </takeaways>\n"
  "  </lesson>\n"
  "\n"
  "  <quiz pass-mark=\"70\">\n"
  "    <single key=\"first-part\">\n"
  "      <prompt>What comes first in the greeting?</prompt>\n"
  "      <choice correct=\"true\"><text>The company's name.</text></choice>\n"
  "      <choice><text>The caller's account number.</text>\n"
  "        <feedback>Ask for details after you have greeted the caller.</feedback></choice>\n"
  "      <explanation>The caller first wants to know that they reached the right company.</explanation>\n"
  "    </single>\n"
  "    <multiple key=\"greeting-parts\">\n"
  "      <prompt>Which parts belong in the greeting? Select all that apply.</prompt>\n"
  "      <choice correct=\"true\"><text>The company's name.</text></choice>\n"
  "      <choice correct=\"true\"><text>Your own name.</text></choice>\n"
  "      <choice correct=\"true\"><text>An offer to help.</text></choice>\n"
  "      <choice><text>Today's special offers.</text>\n"
  "        <feedback>Offers can wait until you know what the caller needs.</feedback></choice>\n"
  "      <explanation>Company, name and an offer to help: three parts, no more.</explanation>\n"
  "    </multiple>\n"
  "    <truefalse key=\"smile\" answer=\"true\">\n"
  "      <prompt>Callers can hear whether you smile.</prompt>\n"
  "      <explanation>A smile changes the sound of the voice.</explanation>\n"
  "    </truefalse>\n"
  "    <scenario key=\"busy-morning\">\n"
  "      <dialogue>\n"
  "        <line speaker=\"customer\">Hello? Is this the right number for orders?</line>\n"
  "      </dialogue>\n"
  "      <prompt>What should the agent say?</prompt>\n"
  "      <reply score=\"2\"><text>Yes, this is Example Company, I'm Sam. How can I help with your order?</text>\n"
  "        <feedback>All three parts, and it answers the question.</feedback></reply>\n"
  "      <reply score=\"1\"><text>Yes, orders. What do you need?</text>\n"
  "        <feedback>It answers, but the caller still does not know who they are talking to.</feedback></reply>\n"
  "      <reply score=\"0\"><text>Hold on.</text>\n"
  "        <feedback>The caller is left wondering where they are.</feedback></reply>\n"
  "      <explanation>Greet fully, even when the caller speaks first.</explanation>\n"
  "    </scenario>\n"
  "    <ordering key=\"greeting-order\">\n"
  "      <prompt>Put the parts of the greeting in order.</prompt>\n"
  "      <step>Say the company's name.</step>\n"
  "      <step>Say your own name.</step>\n"
  "      <step>Offer to help.</step>\n"
  "      <explanation>From the general to the personal, then over to the caller.</explanation>\n"
  "    </ordering>\n"
  "  </quiz>\n"
  "\n"
  "  <journal>\n"
  "    <prompt>How did you greet your last caller?</prompt>\n"
  "    <prompt>Which part of the greeting do you forget most often?</prompt>\n"
  "  </journal>\n"
  "\n"
  "  <rubric>\n"
  "    <level value=\"1\">Starts calls without a greeting.</level>\n"
  "    <level value=\"2\">Greets, but leaves out the company or their name.</level>\n"
  "    <level value=\"3\">Greets with all three parts on most calls.</level>\n"
  "    <level value=\"4\">Greets with all three parts on every call, in a friendly voice.</level>\n"
  "    <level value=\"5\">Greets warmly and fits the greeting to the caller's first words.</level>\n"
  "  </rubric>\n"
  "</topic>\n";

static const char skeleton_picture[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"120\" viewBox=\"0 0 320 120\">\n"
  "  <circle cx=\"56\" cy=\"48\" r=\"22\" fill=\"#3584e4\"/>\n"
  "  <rect x=\"24\" y=\"76\" width=\"64\" height=\"36\" rx=\"16\" fill=\"#3584e4\"/>\n"
  "  <path d=\"M30 48a26 26 0 0 1 52 0\" fill=\"none\" stroke=\"#1c71d8\" stroke-width=\"5\"/>\n"
  "  <rect x=\"112\" y=\"12\" width=\"196\" height=\"84\" rx=\"14\" fill=\"#e8f0fe\" stroke=\"#3584e4\" stroke-width=\"3\"/>\n"
  "  <rect x=\"128\" y=\"28\" width=\"150\" height=\"10\" rx=\"5\" fill=\"#3584e4\"/>\n"
  "  <rect x=\"128\" y=\"48\" width=\"120\" height=\"10\" rx=\"5\" fill=\"#62a0ea\"/>\n"
  "  <rect x=\"128\" y=\"68\" width=\"90\" height=\"10\" rx=\"5\" fill=\"#99c1f1\"/>\n"
  "</svg>\n";

/* "org.example.<the folder's name>", made a valid id part. */
static char *
skeleton_id (const char *folder)
{
  g_autofree char *basename = g_path_get_basename (folder);
  g_autofree char *lower = g_ascii_strdown (basename, -1);
  g_autoptr(GString) part = g_string_new (NULL);
  g_autofree char *id = NULL;

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        g_string_append_c (part, *p);
      else if (part->len > 0 && part->str[part->len - 1] != '-')
        g_string_append_c (part, '-');
    }

  while (part->len > 0 && (part->str[part->len - 1] == '-'))
    g_string_truncate (part, part->len - 1);
  if (part->len > 0 && !g_ascii_islower (part->str[0]))
    g_string_prepend (part, "pack-");

  id = g_strdup_printf ("org.example.%s", part->len > 0 && part->len <= 63 ? part->str : "my-pack");
  if (!rapport_pack_id_is_valid (id))
    return g_strdup ("org.example.my-pack");

  return g_steal_pointer (&id);
}

static char *
skeleton_manifest (const char *id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "My lesson pack");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, "1.0");
  json_builder_set_member_name (builder, "authors");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "Your Name");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, "en");
  json_builder_set_member_name (builder, "license");
  json_builder_add_string_value (builder, "CC-BY-4.0");
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, "Say in a sentence or two what this pack teaches.");
  json_builder_set_member_name (builder, "min_rapport_version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, "topics/first-topic.xml");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, NULL);

  return g_strconcat (json, "\n", NULL);
}

static gboolean
is_missing_or_empty_folder (const char *path)
{
  g_autoptr(GDir) dir = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return FALSE;

  dir = g_dir_open (path, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) == NULL;
}

static gboolean
write_new_file (const char  *folder,
                const char  *name,
                const char  *contents,
                GError     **error)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  if (g_mkdir_with_parents (parent, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), parent, g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

static int
run_new (int    argc,
         char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *manifest = NULL;
  const char *folder;
  int status = 0;

  if (!parse_verb_options ("new", _("DIR"),
                           _("Creates the folder DIR with a pack to start from: pack.json, "
                             "one topic with a lesson, a picture and a quiz, ready to edit. "
                             "DIR must not exist yet, or be empty."),
                           NULL, &argc, &argv, &status))
    return status;

  folder = argv[1];
  if (!is_missing_or_empty_folder (folder))
    {
      g_printerr ("rapport-pack: ");
      g_printerr (_("“%s” already exists and is not an empty folder; choose a new folder."), folder);
      g_printerr ("\n");
      return EXIT_INVALID;
    }

  id = skeleton_id (folder);
  manifest = skeleton_manifest (id);

  if (!write_new_file (folder, RAPPORT_PACK_MANIFEST, manifest, &error) ||
      !write_new_file (folder, "topics/first-topic.xml", skeleton_topic, &error) ||
      !write_new_file (folder, "media/greeting.svg", skeleton_picture, &error))
    {
      g_printerr ("rapport-pack: %s\n", error->message);
      return EXIT_INVALID;
    }

  g_print (_("%s: created a new pack with the id “%s”.\n"), folder, id);
  g_print (_("Next: change the id to a domain you control, fill in pack.json, write your "
             "topics, then run “rapport-pack validate %s” and “rapport-pack build %s -o "
             "FILE.rapportpack”.\n"),
           folder, folder);

  return EXIT_SUCCESS;
}

/* build */

static int
run_build (int    argc,
           char **argv)
{
  g_autoptr(RapportTopicLoader) loader = NULL;
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autofree char *output = NULL;
  g_autofree char *sha256 = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The pack file to write, such as refunds.rapportpack"), N_("FILE") },
    { NULL }
  };
  const char *folder;
  int status = 0;
  guint n_topics;
  guint n_pictures;

  if (!parse_verb_options ("build", _("DIR"),
                           _("Checks the pack folder DIR like “validate”, then writes the pack "
                             "file to hand out: a zip archive of the pack, with the SHA-256 "
                             "checksum of every topic and picture in its pack.json. The same "
                             "folder always gives the same file, byte for byte."),
                           entries, &argc, &argv, &status))
    return status;

  if (output == NULL)
    return usage_error (_("“build” needs the file to write: -o FILE."));

  folder = argv[1];
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_printerr ("rapport-pack: ");
      g_printerr (_("“%s” is not a pack folder; “build” builds a pack file from the folder "
                    "that holds pack.json."),
                  folder);
      g_printerr ("\n");
      return EXIT_INVALID;
    }

  loader = create_loader (&error);
  if (loader == NULL)
    {
      g_printerr ("rapport-pack: %s\n", error->message);
      return EXIT_INVALID;
    }

  if (!rapport_pack_build (folder, output, loader, problems, &error))
    {
      print_problems (problems);
      g_printerr ("rapport-pack: %s\n", error->message);
      return EXIT_INVALID;
    }

  /* What was written, as a learner's Rapport reads it. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = rapport_problem_list_new ();
  pack = rapport_pack_load_archive (output, loader, problems, &error);
  if (pack == NULL)
    {
      print_problems (problems);
      g_printerr ("rapport-pack: %s\n", error->message);
      return EXIT_INVALID;
    }

  written = rapport_read_file_capped (output, RAPPORT_PACK_ARCHIVE_MAX_FILE_SIZE, NULL);
  if (written != NULL)
    sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, written);

  n_topics = rapport_pack_get_n_topic_files (pack);
  n_pictures = rapport_pack_get_n_media_files (pack);
  g_print (_("%s: built “%s” version %s"), output, rapport_pack_get_title (pack),
           rapport_pack_get_version (pack));
  g_print (" (");
  g_print (ngettext ("%u topic", "%u topics", n_topics), n_topics);
  g_print (", ");
  g_print (ngettext ("%u picture", "%u pictures", n_pictures), n_pictures);
  g_print (")\n");
  if (sha256 != NULL)
    g_print ("SHA-256 %s\n", sha256);

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

  if (g_str_equal (verb, "new"))
    return run_new (argc - 1, argv + 1);

  if (g_str_equal (verb, "validate"))
    return run_validate (argc - 1, argv + 1);

  if (g_str_equal (verb, "build"))
    return run_build (argc - 1, argv + 1);

  if (g_str_equal (verb, "inspect"))
    return run_inspect (argc - 1, argv + 1);

  return usage_error (_("Unknown command “%s”."), verb);
}
