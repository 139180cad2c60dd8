/* test-rapport-pack.c: the trainers' command-line tool, run as they run it.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs rapport-pack with the arguments and, if @schema is not NULL, with
 * RAPPORT_SCHEMA set to it.
 */
static void
run_tool (Run        *run,
          const char *schema,
          ...) G_GNUC_NULL_TERMINATED;

static void
run_tool (Run        *run,
          const char *schema,
          ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("RAPPORT_PACK_BINARY"));
  va_start (args, schema);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (schema != NULL)
    g_subprocess_launcher_setenv (launcher, "RAPPORT_SCHEMA", schema, TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);

  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

static char *
fixture (const char *first,
         ...) G_GNUC_NULL_TERMINATED;

static char *
fixture (const char *first,
         ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, (gpointer) "fixtures");
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  while ((part = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static void
test_cli_validate_valid (void)
{
  g_auto(Run) topic = { 0 };
  g_auto(Run) pack = { 0 };
  g_auto(Run) manifest = { 0 };
  g_autofree char *topic_path = fixture ("topics", "valid-full.xml", NULL);
  g_autofree char *pack_path = fixture ("packs", "mini", NULL);
  g_autofree char *manifest_path = fixture ("packs", "mini", "pack.json", NULL);

  run_tool (&topic, NULL, "validate", topic_path, NULL);
  g_assert_cmpint (topic.status, ==, 0);
  g_assert_cmpstr (topic.err, ==, "");
  g_assert_true (g_str_has_suffix (topic.out, ": valid\n"));

  run_tool (&pack, NULL, "validate", pack_path, NULL);
  g_assert_cmpint (pack.status, ==, 0);
  g_assert_cmpstr (pack.err, ==, "");
  g_assert_nonnull (strstr (pack.out, "valid pack “A Small Pack” with 2 topics"));

  /* pack.json itself stands for its folder. */
  run_tool (&manifest, NULL, "validate", manifest_path, NULL);
  g_assert_cmpint (manifest.status, ==, 0);
}

/* Each problem is one "file:line: message" line that names the file. */
static void
test_cli_validate_problems (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = fixture ("topics", "bad-attribute.xml", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_auto(GStrv) lines = NULL;

  run_tool (&run, NULL, "validate", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");

  lines = g_strsplit (run.err, "\n", -1);
  first = g_strdup_printf ("%s:4: <lesson> cannot have the attribute “level”", path);
  second = g_strdup_printf ("%s:4: minutes must be a whole number from 1 to 120, not “five”.", path);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], first));
  g_assert_cmpstr (lines[1], ==, second);
  g_assert_true (g_str_has_prefix (lines[2], "rapport-pack: "));
  g_assert_cmpstr (lines[3], ==, "");
}

static void
test_cli_validate_broken_pack (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("broken-XXXXXX", &error);
  g_autofree char *manifest = g_build_filename (folder, "pack.json", NULL);
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (manifest,
                                      "{\n"
                                      "  \"id\": \"Broken Pack\",\n"
                                      "  \"title\": \"Broken\",\n"
                                      "  \"version\": \"1\",\n"
                                      "  \"authors\": [\"A\"],\n"
                                      "  \"language\": \"en\",\n"
                                      "  \"license\": \"CC0-1.0\",\n"
                                      "  \"description\": \"d\",\n"
                                      "  \"topics\": [{ \"file\": \"topics/gone.xml\" }]\n"
                                      "}\n", -1, &error));

  run_tool (&run, NULL, "validate", folder, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s:2: “id” must be a reverse domain name", manifest);
  g_assert_true (g_str_has_prefix (run.err, expected));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("\n%s:9: Could not read", manifest);
  g_assert_nonnull (strstr (run.err, expected));
}

static void
test_cli_usage (void)
{
  g_autofree char *path = fixture ("topics", "valid-full.xml", NULL);
  const char *usage_errors[][3] = {
    { NULL, NULL, NULL },
    { "frobnicate", path, NULL },
    { "validate", NULL, NULL },
    { "validate", path, path },
    { "inspect", "--bogus", path },
  };

  for (guint i = 0; i < G_N_ELEMENTS (usage_errors); i++)
    {
      g_auto(Run) run = { 0 };

      run_tool (&run, NULL, usage_errors[i][0], usage_errors[i][1], usage_errors[i][2], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, !=, "");
    }
}

static void
test_cli_help (void)
{
  g_auto(Run) tool = { 0 };
  g_auto(Run) validate = { 0 };
  g_auto(Run) inspect = { 0 };

  run_tool (&tool, NULL, "--help", NULL);
  g_assert_cmpint (tool.status, ==, 0);
  g_assert_true (g_str_has_prefix (tool.out, "Usage: rapport-pack COMMAND"));
  g_assert_nonnull (strstr (tool.out, "validate PATH"));
  g_assert_nonnull (strstr (tool.out, "inspect [--json] PATH"));

  run_tool (&validate, NULL, "validate", "--help", NULL);
  g_assert_cmpint (validate.status, ==, 0);
  g_assert_nonnull (strstr (validate.out, "rapport-pack validate [OPTION…] PATH"));

  run_tool (&inspect, NULL, "inspect", "--help", NULL);
  g_assert_cmpint (inspect.status, ==, 0);
  g_assert_nonnull (strstr (inspect.out, "--json"));
}

static JsonObject *
topic_at (JsonObject *root,
          guint       position)
{
  JsonArray *topics = json_object_get_array_member (root, "topics");

  return json_array_get_object_element (topics, position);
}

static void
test_cli_inspect_json (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture ("packs", "mini", NULL);
  JsonObject *root;
  JsonObject *topic;
  JsonArray *types;

  run_tool (&run, NULL, "inspect", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);

  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, "org.example.mini");
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "A Small Pack");
  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==, "2.1");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "topics")), ==, 2);

  topic = topic_at (root, 0);
  g_assert_cmpstr (json_object_get_string_member (topic, "id"), ==, "refunds");
  g_assert_cmpstr (json_object_get_string_member (topic, "title"), ==, "Handling Refunds");
  g_assert_cmpstr (json_object_get_string_member (topic, "skill"), ==, "problem-solving");
  g_assert_cmpint (json_object_get_int_member (topic, "lessons"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (topic, "questions"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (topic, "prompts"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (topic, "rubric_levels"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (topic, "words"), ==, 99);
  types = json_object_get_array_member (topic, "question_types");
  g_assert_cmpuint (json_array_get_length (types), ==, 5);
  g_assert_cmpstr (json_array_get_string_element (types, 0), ==, "single");
  g_assert_cmpstr (json_array_get_string_element (types, 3), ==, "scenario");

  topic = topic_at (root, 1);
  g_assert_cmpstr (json_object_get_string_member (topic, "id"), ==, "minimal");
  g_assert_cmpint (json_object_get_int_member (topic, "questions"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (topic, "question_types")), ==, 0);
}

static void
test_cli_inspect_topic (void)
{
  g_auto(Run) json = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture ("topics", "valid-full.xml", NULL);
  JsonObject *root;

  run_tool (&json, NULL, "inspect", path, "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_null_member (root, "id"));
  g_assert_cmpstr (json_object_get_string_member (topic_at (root, 0), "id"), ==, "refunds");

  run_tool (&text, NULL, "inspect", path, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "refunds  Handling Refunds (problem-solving)"));
  g_assert_nonnull (strstr (text.out, "2 lessons, 99 words, 6 questions"));
}

static void
test_cli_inspect_invalid (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = fixture ("topics", "bad-skill.xml", NULL);
  g_autofree char *expected = g_strdup_printf ("%s:1: ", path);

  run_tool (&run, NULL, "inspect", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, expected));
}

static void
test_cli_schema_missing (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = fixture ("topics", "valid-full.xml", NULL);

  run_tool (&run, "/nonexistent/rapport-topic.rng", "validate", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "/nonexistent/rapport-topic.rng"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/rapport/rapport-pack/validate-valid", test_cli_validate_valid);
  g_test_add_func ("/rapport/rapport-pack/validate-problems", test_cli_validate_problems);
  g_test_add_func ("/rapport/rapport-pack/validate-broken-pack", test_cli_validate_broken_pack);
  g_test_add_func ("/rapport/rapport-pack/usage", test_cli_usage);
  g_test_add_func ("/rapport/rapport-pack/help", test_cli_help);
  g_test_add_func ("/rapport/rapport-pack/inspect-json", test_cli_inspect_json);
  g_test_add_func ("/rapport/rapport-pack/inspect-topic", test_cli_inspect_topic);
  g_test_add_func ("/rapport/rapport-pack/inspect-invalid", test_cli_inspect_invalid);
  g_test_add_func ("/rapport/rapport-pack/schema-missing", test_cli_schema_missing);

  return g_test_run ();
}
