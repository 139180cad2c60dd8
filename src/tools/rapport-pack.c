/* rapport-pack.c: the trainers' tool for topic files and lesson packs.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* rapport-pack new DIR               a working pack folder to start from
 * rapport-pack validate PATH         exit 0 when valid, 1 with problems
 * rapport-pack build DIR -o FILE     the .rapportpack file to hand out
 * rapport-pack inspect [--json] PATH what a topic file or pack holds
 * rapport-pack import [--json] [--topic KEY] [--skill SKILL] BANK DIR
 *                                    a Moodle bank (GIFT or Moodle XML) as topics
 * rapport-pack export --format gift|moodle PATH -o FILE
 *                                    the questions of PATH as a Moodle bank
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
#include "rapport-pack-tool.h"

void
loaded_clear (Loaded *loaded)
{
  g_clear_object (&loaded->pack);
  g_clear_object (&loaded->topics);
}


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
  fprintf (stream, "%s\n\n%s\n\n%s\n  %-26s%s\n  %-26s%s\n  %-26s%s\n  %-26s%s\n  %-26s%s\n  %-26s%s\n\n%s\n",
           _("Usage: rapport-pack COMMAND [OPTION…] PATH"),
           _("Creates, checks, builds and describes Rapport topic files and lesson packs. "
             "PATH is a topic file (.xml), a pack folder, its pack.json or a pack file "
             "(.rapportpack)."),
           _("Commands:"),
           "new DIR", _("Create a pack folder to start from"),
           "validate PATH", _("Check a topic file or pack; list every problem"),
           "build DIR -o FILE", _("Build the pack file to hand out from a pack folder"),
           "inspect [--json] PATH", _("Show what a topic file or pack holds"),
           "import [--json] BANK DIR", _("Turn a Moodle question bank into topics of a pack"),
           "export --format F PATH", _("Write the questions of a topic file or pack as a Moodle bank"),
           _("Run “rapport-pack COMMAND --help” for the options of a command."));
}

/* The schema Rapport ships: $RAPPORT_SCHEMA (which `meson devenv` sets to
 * the source tree's copy), else the installed copy.
 */
RapportTopicLoader *
create_loader (GError **error)
{
  const char *env = g_getenv ("RAPPORT_SCHEMA");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "rapport-topic.rng", NULL);

  if (env != NULL && env[0] != '\0')
    return rapport_topic_loader_new_from_file (env, error);

  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return rapport_topic_loader_new_from_file (installed, error);

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
               _("The topic schema is not in %s; set RAPPORT_SCHEMA to its path."),
               installed);
  return NULL;
}

void
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

gboolean
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

gboolean
parse_verb_options (const char    *verb,
                    const char    *parameter,
                    const char    *summary,
                    GOptionEntry  *entries,
                    int           *argc,
                    char        ***argv,
                    int           *status)
{
  return parse_verb_options_full (verb, parameter, 1, summary, entries, argc, argv, status);
}

gboolean
parse_verb_options_full (const char    *verb,
                         const char    *parameters,
                         int            n_parameters,
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
  context = g_option_context_new (parameters);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error ("%s", error->message);
      return FALSE;
    }

  if (*argc != n_parameters + 1)
    {
      if (n_parameters == 1)
        *status = usage_error (_("“%s” needs exactly one %s."), verb, parameters);
      else
        *status = usage_error (_("“%s” needs %s."), verb, parameters);
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
                             ".rapportpack file) with every topic and picture it lists, draws each "
                             "picture once under the limits learners' copies use (a few seconds of "
                             "CPU time, 512 MiB, no network or files), and prints each problem as "
                             "“file:line: message”. Exits with 0 when everything is valid and 1 "
                             "when there are problems."),
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

  if (g_str_equal (verb, "import"))
    return run_import (argc - 1, argv + 1);

  if (g_str_equal (verb, "export"))
    return run_export (argc - 1, argv + 1);

  return usage_error (_("Unknown command “%s”."), verb);
}
