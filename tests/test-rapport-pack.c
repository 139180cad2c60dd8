/* test-rapport-pack.c: the trainers' command-line tool, run as they run it.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rapport-pack-archive.h"
#include "rapport-unit-utils.h"

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

/* A lesson left open: the line printed is where its </lesson> belongs, the
 * one an editor jumps to, not the end of the file where the parser noticed.
 */
static void
test_cli_validate_left_open (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = fixture ("topics", "bad-unclosed-lesson.xml", NULL);
  g_autofree char *expected = NULL;

  run_tool (&run, NULL, "validate", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s:8: <lesson>, opened on line 4, is not closed. It probably ends "
                              "at line 8, before the <lesson> on line 10: add </lesson> there. "
                              "(The mistake shows only at the </topic> on line 22.)\n", path);
  g_assert_true (g_str_has_prefix (run.err, expected));
}

/* A pack.json with the id @id whose only topic, named on line 9, is not there. */
static void
write_manifest_without_topic (const char *path,
                              const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_strdup_printf ("{\n"
                                           "  \"id\": \"%s\",\n"
                                           "  \"title\": \"Broken\",\n"
                                           "  \"version\": \"1\",\n"
                                           "  \"authors\": [\"A\"],\n"
                                           "  \"language\": \"en\",\n"
                                           "  \"license\": \"CC0-1.0\",\n"
                                           "  \"description\": \"d\",\n"
                                           "  \"topics\": [{ \"file\": \"topics/gone.xml\" }]\n"
                                           "}\n", id);

  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_assert_no_error (error);
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
  write_manifest_without_topic (manifest, "Broken Pack");

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
    { "new", NULL, NULL },
    { "build", path, NULL },
    { "build", "-o", NULL },
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
  g_assert_nonnull (strstr (tool.out, "new DIR"));
  g_assert_nonnull (strstr (tool.out, "validate PATH"));
  g_assert_nonnull (strstr (tool.out, "build DIR -o FILE"));
  g_assert_nonnull (strstr (tool.out, "inspect [--json] PATH"));

  for (guint i = 0; i < 2; i++)
    {
      g_auto(Run) verb = { 0 };
      const char *name = i == 0 ? "new" : "build";
      g_autofree char *usage = g_strdup_printf ("rapport-pack %s [OPTION…] DIR", name);

      run_tool (&verb, NULL, name, "--help", NULL);
      g_assert_cmpint (verb.status, ==, 0);
      g_assert_nonnull (strstr (verb.out, usage));
      if (i == 1)
        g_assert_nonnull (strstr (verb.out, "--output=FILE"));
    }

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

static char *
scratch (const char *name)
{
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));

  return path;
}

/* new DIR: a pack folder that is valid as it is and builds. */
static void
test_cli_new (void)
{
  g_auto(Run) created = { 0 };
  g_auto(Run) validated = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) built = { 0 };
  g_autofree char *folder = scratch ("Refund Basics");
  g_autofree char *output = scratch ("refund-basics.rapportpack");
  g_autofree char *topic = g_build_filename (folder, "topics", "first-topic.xml", NULL);
  g_autofree char *picture = g_build_filename (folder, "media", "greeting.svg", NULL);
  g_autofree char *manifest = g_build_filename (folder, "pack.json", NULL);
  g_autofree char *manifest_text = NULL;

  run_tool (&created, NULL, "new", folder, NULL);
  g_assert_cmpint (created.status, ==, 0);
  g_assert_cmpstr (created.err, ==, "");
  g_assert_nonnull (strstr (created.out, "“org.example.refund-basics”"));
  g_assert_true (g_file_test (topic, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (picture, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (manifest, &manifest_text, NULL, NULL));
  g_assert_nonnull (strstr (manifest_text, "\"topics/first-topic.xml\""));

  run_tool (&validated, NULL, "validate", folder, NULL);
  g_assert_cmpint (validated.status, ==, 0);
  g_assert_nonnull (strstr (validated.out, "valid pack “My lesson pack” with 1 topic"));

  /* Never over a trainer's work. */
  run_tool (&again, NULL, "new", folder, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already exists"));

  run_tool (&built, NULL, "build", folder, "-o", output, NULL);
  g_assert_cmpint (built.status, ==, 0);
  g_assert_nonnull (strstr (built.out, "(1 topic, 1 picture)"));
}

/* build DIR -o FILE twice gives the same bytes; validate and inspect read them. */
static void
test_cli_build (void)
{
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) validated = { 0 };
  g_auto(Run) inspected = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autofree char *pack = fixture ("packs", "acme", NULL);
  g_autofree char *first_path = scratch ("first.rapportpack");
  g_autofree char *second_path = scratch ("second.rapportpack");
  JsonObject *root;
  JsonArray *media;

  run_tool (&first, NULL, "build", pack, "-o", first_path, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.err, ==, "");
  g_assert_nonnull (strstr (first.out, "built “Acme Customer Care: Refunds” version 1.0 (2 topics, 2 pictures)"));
  run_tool (&second, NULL, "build", "--output", second_path, pack, NULL);
  g_assert_cmpint (second.status, ==, 0);

  first_bytes = rapport_unit_read_bytes (first_path);
  second_bytes = rapport_unit_read_bytes (second_path);
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));

  run_tool (&validated, NULL, "validate", first_path, NULL);
  g_assert_cmpint (validated.status, ==, 0);
  g_assert_cmpstr (validated.err, ==, "");
  g_assert_nonnull (strstr (validated.out, "valid pack “Acme Customer Care: Refunds” with 2 topics"));

  run_tool (&inspected, NULL, "inspect", "--json", first_path, NULL);
  g_assert_cmpint (inspected.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, inspected.out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, "com.acme.customer-care");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "topics")), ==, 2);
  media = json_object_get_array_member (root, "media");
  g_assert_cmpuint (json_array_get_length (media), ==, 2);
  /* A built pack.json lists the pictures by name. */
  g_assert_cmpstr (json_array_get_string_element (media, 0), ==, "media/refund-steps.svg");
}

static void
test_cli_build_refused (void)
{
  g_auto(Run) missing = { 0 };
  g_auto(Run) topic = { 0 };
  g_auto(Run) broken = { 0 };
  g_autofree char *topic_path = fixture ("topics", "valid-full.xml", NULL);
  g_autofree char *folder = scratch ("broken");
  g_autofree char *manifest = g_build_filename (folder, "pack.json", NULL);
  g_autofree char *output = scratch ("broken.rapportpack");

  run_tool (&missing, NULL, "build", "/nonexistent/pack", "-o", output, NULL);
  g_assert_cmpint (missing.status, ==, 1);

  run_tool (&topic, NULL, "build", topic_path, "-o", output, NULL);
  g_assert_cmpint (topic.status, ==, 1);
  g_assert_nonnull (strstr (topic.err, "is not a pack folder"));

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  write_manifest_without_topic (manifest, "org.example.broken");
  run_tool (&broken, NULL, "build", folder, "-o", output, NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_cmpstr (broken.out, ==, "");
  g_assert_nonnull (strstr (broken.err, ":9: Could not read"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

/* Problems inside a pack file name the files by their names in it. */
static void
test_cli_validate_archive_problems (void)
{
  g_auto(Run) built = { 0 };
  g_auto(Run) changed = { 0 };
  g_auto(Run) cut = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(GBytes) whole = NULL;
  g_autofree char *pack = fixture ("packs", "acme", NULL);
  g_autofree char *path = scratch ("acme.rapportpack");
  g_autofree char *changed_path = scratch ("changed.rapportpack");
  g_autofree char *cut_path = scratch ("cut.rapportpack");
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  GBytes *topic;
  char *skill;

  run_tool (&built, NULL, "build", pack, "-o", path, NULL);
  g_assert_cmpint (built.status, ==, 0);

  /* A topic changed after the build: its checksum and its skill are wrong. */
  files = rapport_pack_archive_read_file (path, NULL, &error);
  g_assert_no_error (error);
  topic = g_hash_table_lookup (files, "topics/upset-customer.xml");
  text = g_strndup (g_bytes_get_data (topic, NULL), g_bytes_get_size (topic));
  skill = strstr (text, "skill=\"empathy\"");
  g_assert_nonnull (skill);
  memcpy (skill, "skill=\"emphasy\"", strlen ("skill=\"emphasy\""));
  g_hash_table_insert (files, g_strdup ("topics/upset-customer.xml"), g_bytes_new (text, strlen (text)));
  g_assert_true (rapport_pack_archive_write (files, changed_path, &error));

  run_tool (&changed, NULL, "validate", changed_path, NULL);
  g_assert_cmpint (changed.status, ==, 1);
  g_assert_nonnull (strstr (changed.err, "pack.json:17: The SHA-256 checksum of “topics/upset-customer.xml” does not match"));
  g_assert_nonnull (strstr (changed.err, "\ntopics/upset-customer.xml:3: “emphasy” is not one of Rapport’s skills"));

  /* A file cut short in the download. */
  whole = rapport_unit_read_bytes (path);
  g_assert_true (g_file_set_contents (cut_path, g_bytes_get_data (whole, NULL), g_bytes_get_size (whole) - 100,
                                      &error));
  run_tool (&cut, NULL, "inspect", cut_path, NULL);
  g_assert_cmpint (cut.status, ==, 1);
  g_assert_cmpstr (cut.out, ==, "");
  expected = g_strdup_printf ("%s: This is not a Rapport pack file, or it is damaged or cut short", cut_path);
  g_assert_true (g_str_has_prefix (cut.err, expected));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/rapport/rapport-pack/validate-valid", test_cli_validate_valid);
  g_test_add_func ("/rapport/rapport-pack/validate-problems", test_cli_validate_problems);
  g_test_add_func ("/rapport/rapport-pack/validate-left-open", test_cli_validate_left_open);
  g_test_add_func ("/rapport/rapport-pack/validate-broken-pack", test_cli_validate_broken_pack);
  g_test_add_func ("/rapport/rapport-pack/usage", test_cli_usage);
  g_test_add_func ("/rapport/rapport-pack/help", test_cli_help);
  g_test_add_func ("/rapport/rapport-pack/inspect-json", test_cli_inspect_json);
  g_test_add_func ("/rapport/rapport-pack/inspect-topic", test_cli_inspect_topic);
  g_test_add_func ("/rapport/rapport-pack/inspect-invalid", test_cli_inspect_invalid);
  g_test_add_func ("/rapport/rapport-pack/schema-missing", test_cli_schema_missing);
  g_test_add_func ("/rapport/rapport-pack/new", test_cli_new);
  g_test_add_func ("/rapport/rapport-pack/build", test_cli_build);
  g_test_add_func ("/rapport/rapport-pack/build-refused", test_cli_build_refused);
  g_test_add_func ("/rapport/rapport-pack/validate-archive-problems", test_cli_validate_archive_problems);

  return g_test_run ();
}
