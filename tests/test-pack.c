/* test-pack.c: lesson packs, their pack.json and their topic files.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rapport-json.h"
#include "rapport-keys.h"
#include "rapport-pack.h"
#include "rapport-unit-utils.h"

static RapportTopicLoader *loader;

/* A pack folder in the test's own temporary directory. */
static char *
make_pack (const char *manifest,
           ...) G_GNUC_NULL_TERMINATED;

static char *
make_pack (const char *manifest,
           ...)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("pack-XXXXXX", &error);
  g_autofree char *topics = g_build_filename (folder, "topics", NULL);
  g_autofree char *manifest_path = g_build_filename (folder, "pack.json", NULL);
  const char *fixture;
  va_list args;

  g_assert_no_error (error);
  g_assert_no_errno (g_mkdir (topics, 0700));
  g_assert_true (g_file_set_contents (manifest_path, manifest, -1, &error));

  /* Fixture topics copied in under their own names. */
  va_start (args, manifest);
  while ((fixture = va_arg (args, const char *)) != NULL)
    {
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "topics", fixture, NULL);
      g_autofree char *target = g_build_filename (topics, fixture, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (source, &contents, &length, &error));
      g_assert_true (g_file_set_contents (target, contents, length, &error));
    }
  va_end (args);

  return folder;
}

static char *
sha256_of_fixture (const char *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "topics", fixture, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static RapportPack *
load_pack (const char *folder,
           GPtrArray  *problems)
{
  g_autoptr(GError) error = NULL;
  RapportPack *pack = rapport_pack_load_folder (folder, loader, problems, &error);

  if (pack == NULL)
    {
      g_assert_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID);
      g_assert_cmpuint (problems->len, >, 0);
    }
  else
    {
      g_assert_no_error (error);
    }

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = rapport_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("%s", line);
    }

  return pack;
}

/* Asserts that some problem is in @file (relative to @folder) on @line and says @words. */
static void
assert_problem (GPtrArray  *problems,
                const char *folder,
                const char *file,
                guint       line,
                const char *words)
{
  g_autofree char *path = g_build_filename (folder, file, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      RapportProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_equal (problem->file, path) && problem->line == line &&
          strstr (problem->message, words) != NULL)
        return;
    }

  g_error ("no problem %s:%u saying “%s”", path, line, words);
}

#define VALID_HEAD \
  "{\n" \
  "  \"id\": \"org.example.refunds\",\n" \
  "  \"title\": \"Refunds\",\n" \
  "  \"version\": \"1.2\",\n" \
  "  \"authors\": [\"Ada Lovelace\", \"Grace Hopper\"],\n" \
  "  \"language\": \"en\",\n" \
  "  \"license\": \"CC-BY-4.0\",\n" \
  "  \"description\": \"How to handle refunds.\",\n" \
  "  \"min_rapport_version\": \"0.1\",\n"

static void
test_pack_valid (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportPack) pack = NULL;
  g_autoptr(RapportTopic) first = NULL;
  g_autoptr(RapportTopic) second = NULL;
  g_autofree char *sha = sha256_of_fixture ("valid-full.xml");
  g_autofree char *upper = g_ascii_strup (sha, -1);
  g_autofree char *manifest = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *full_path = NULL;
  GListModel *topics;

  /* An upper-case checksum is the same checksum. */
  manifest = g_strdup_printf (VALID_HEAD
                              "  \"topics\": [\n"
                              "    { \"file\": \"topics/valid-full.xml\", \"sha256\": \"%s\" },\n"
                              "    { \"file\": \"topics/valid-minimal.xml\" }\n"
                              "  ]\n"
                              "}\n", upper);
  folder = make_pack (manifest, "valid-full.xml", "valid-minimal.xml", NULL);

  pack = load_pack (folder, problems);
  g_assert_nonnull (pack);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_cmpstr (rapport_pack_get_id (pack), ==, "org.example.refunds");
  g_assert_cmpstr (rapport_pack_get_title (pack), ==, "Refunds");
  g_assert_cmpstr (rapport_pack_get_version (pack), ==, "1.2");
  g_assert_cmpstrv (rapport_pack_get_authors (pack), ((const char *[]) { "Ada Lovelace", "Grace Hopper", NULL }));
  g_assert_cmpstr (rapport_pack_get_language (pack), ==, "en");
  g_assert_cmpstr (rapport_pack_get_license (pack), ==, "CC-BY-4.0");
  g_assert_cmpstr (rapport_pack_get_description (pack), ==, "How to handle refunds.");
  g_assert_cmpstr (rapport_pack_get_min_rapport_version (pack), ==, "0.1");
  g_assert_cmpstr (rapport_pack_get_folder (pack), ==, folder);
  g_assert_cmpuint (rapport_pack_get_n_topic_files (pack), ==, 2);
  g_assert_cmpstr (rapport_pack_get_topic_file (pack, 0), ==, "topics/valid-full.xml");
  g_assert_cmpstr (rapport_pack_get_topic_sha256 (pack, 0), ==, sha);
  g_assert_null (rapport_pack_get_topic_sha256 (pack, 1));

  topics = rapport_pack_get_topics (pack);
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 2);
  first = g_list_model_get_item (topics, 0);
  second = g_list_model_get_item (topics, 1);
  g_assert_cmpstr (rapport_topic_get_key (first), ==, "refunds");
  g_assert_cmpstr (rapport_topic_get_key (second), ==, "minimal");
  g_assert_cmpstr (rapport_topic_get_pack_id (first), ==, "org.example.refunds");
  full_path = g_build_filename (folder, "topics", "valid-full.xml", NULL);
  g_assert_cmpstr (rapport_topic_get_source_path (first), ==, full_path);
}

static void
test_pack_manifest_only (void)
{
  static const char manifest[] = VALID_HEAD "  \"topics\": [{ \"file\": \"topics/a.xml\" }]\n}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (manifest, sizeof manifest - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPack) pack = NULL;

  pack = rapport_pack_new_from_manifest (bytes, "pack.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_pack_get_id (pack), ==, "org.example.refunds");
  g_assert_cmpuint (rapport_pack_get_n_topic_files (pack), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rapport_pack_get_topics (pack)), ==, 0);
  g_assert_null (rapport_pack_get_folder (pack));
}

/* Escaped characters, pairs for those beyond U+FFFF included, are text. */
static void
test_pack_escapes (void)
{
  static const char manifest[] =
    "{\n"
    "  \"id\": \"org.example.refunds\",\n"
    "  \"title\": \"Caf\\u00e9 \\ud83d\\ude00 \\\"quoted\\\" \\\\ \\/\",\n"
    "  \"version\": \"1.2\",\n"
    "  \"authors\": [\"Ada Lovelace\"],\n"
    "  \"language\": \"en\",\n"
    "  \"license\": \"CC-BY-4.0\",\n"
    "  \"description\": \"Line one\\nline two\\t\\u20AC\",\n"
    "  \"topics\": [{ \"file\": \"topics/a.xml\" }]\n"
    "}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (manifest, sizeof manifest - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPack) pack = NULL;

  pack = rapport_pack_new_from_manifest (bytes, "pack.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_pack_get_title (pack), ==, "Café 😀 \"quoted\" \\ /");
  g_assert_cmpstr (rapport_pack_get_description (pack), ==, "Line one\nline two\t€");
}

static void
test_pack_missing_fields (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportPack) pack = NULL;
  g_autofree char *folder = make_pack ("{\n"
                                       "  \"id\": \"org.example.refunds\",\n"
                                       "  \"version\": \"1\",\n"
                                       "  \"authors\": [],\n"
                                       "  \"language\": \"en\",\n"
                                       "  \"description\": \"\"\n"
                                       "}\n", NULL);

  pack = load_pack (folder, problems);
  g_assert_null (pack);
  g_assert_cmpuint (problems->len, ==, 5);
  assert_problem (problems, folder, "pack.json", 0, "The member “title” is missing");
  assert_problem (problems, folder, "pack.json", 0, "The member “license” is missing");
  assert_problem (problems, folder, "pack.json", 0, "The member “topics” is missing");
  assert_problem (problems, folder, "pack.json", 4, "“authors” must be a list of names");
  assert_problem (problems, folder, "pack.json", 6, "“description” is empty");
}

static void
test_pack_bad_values (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportPack) pack = NULL;
  g_autofree char *folder = make_pack ("{\n"
                                       "  \"id\": \"My Pack\",\n"
                                       "  \"title\": \"Refunds\",\n"
                                       "  \"version\": \"v1\",\n"
                                       "  \"authors\": [\"Ada\"],\n"
                                       "  \"language\": \"English\",\n"
                                       "  \"license\": \"CC-BY-4.0\",\n"
                                       "  \"description\": \"d\",\n"
                                       "  \"min_rapport_version\": \"99.0\",\n"
                                       "  \"titel\": \"typo\",\n"
                                       "  \"topics\": [\n"
                                       "    { \"file\": \"../../etc/passwd.xml\" },\n"
                                       "    { \"file\": \"topics/notes.txt\" },\n"
                                       "    { \"file\": \"topics/a.xml\", \"sha256\": \"abc\" },\n"
                                       "    { \"file\": \"topics/b.xml\", \"size\": 3 },\n"
                                       "    \"topics/c.xml\"\n"
                                       "  ]\n"
                                       "}\n", NULL);

  pack = load_pack (folder, problems);
  g_assert_null (pack);
  assert_problem (problems, folder, "pack.json", 2, "“id” must be a reverse domain name");
  assert_problem (problems, folder, "pack.json", 4, "“version” must be a version number");
  assert_problem (problems, folder, "pack.json", 6, "“language” must be a language code");
  assert_problem (problems, folder, "pack.json", 9, "This pack needs Rapport 99.0 or newer");
  assert_problem (problems, folder, "pack.json", 10, "“titel” is not a member of pack.json");
  assert_problem (problems, folder, "pack.json", 12, "“../../etc/passwd.xml” is not a file name inside the pack");
  assert_problem (problems, folder, "pack.json", 13, "its name must end in .xml");
  assert_problem (problems, folder, "pack.json", 14, "“sha256” must be 64 hexadecimal digits");
  assert_problem (problems, folder, "pack.json", 15, "“size” is not a member of a topic entry");
  assert_problem (problems, folder, "pack.json", 15, "Could not read");
  assert_problem (problems, folder, "pack.json", 16, "Each entry of “topics” must be an object");
}

static void
test_pack_id_rules (void)
{
  g_assert_true (rapport_pack_id_is_valid ("io.github.rapportapp.core"));
  g_assert_true (rapport_pack_id_is_valid ("org.example.my-pack2"));
  g_assert_false (rapport_pack_id_is_valid ("example.pack"));
  g_assert_false (rapport_pack_id_is_valid ("Org.Example.Pack"));
  g_assert_false (rapport_pack_id_is_valid ("org..pack"));
  g_assert_false (rapport_pack_id_is_valid ("org.example.2pack"));
  g_assert_false (rapport_pack_id_is_valid ("org.example.pack-"));
  g_assert_false (rapport_pack_id_is_valid ("org.example/../pack"));

  g_assert_cmpint (rapport_version_compare ("1.0", "1"), ==, 0);
  g_assert_cmpint (rapport_version_compare ("0.10", "0.9"), >, 0);
  g_assert_cmpint (rapport_version_compare ("0.1.0", PACKAGE_VERSION), <=, 0);
}

static void
test_pack_bad_json_line (void)
{
  struct {
    const char *json;
    guint       line;
    const char *words;
  } cases[] = {
    { "{\n  \"id\": \"org.example.a\",\n  \"title\": \"T\",\n}\n", 3, "There is a comma after the last item" },
    { "{\n  \"id\": \"org.example.a\",\n  \"title\": [1, 2,\n 3,]}\n", 4, "There is a comma after the last item" },
    { "{\n  \"id\": \"org.example.a\",\n  \"title\": tru\n}\n", 3, "not valid JSON: unexpected identifier" },
    { "{\n  \"id\": \"org.example.a\"\n  \"title\": \"T\"\n}\n", 2, "not valid JSON" },
    { "{\n\n  'id': 'org.example.a'\n}\n", 3, "double quotes" },
    { "{\n  \"id\": \"a\",\n  \"id\": \"b\"\n}\n", 3, "The member “id” is given twice" },
    { "   \n", 0, "The file is empty" },
    { "[1, 2]", 0, "must hold one JSON object" },
    /* A value, then more (json-glib would leak what follows; found by fuzzing). */
    { "\"authors\"{\n  \"id\": \"org.example.a\"\n}\n", 1, "more text after the end" },
    { "12\n{}\n", 2, "more text after the end" },
    { "true [1]", 1, "more text after the end" },
    /* Escapes that json-glib would turn into broken text (found by fuzzing). */
    { "{\n  \"id\": \"org.example.a\",\n  \"title\": \"A \\ud800 b\"\n}\n", 3,
      "The escape “\\ud800” does not stand for a character" },
    { "{\n  \"id\": \"org.example.a\",\n  \"title\": \"\\uDC00\"\n}\n", 3,
      "The escape “\\uDC00” does not stand for a character" },
    { "{\n  \"id\": \"org.example.a\",\n\n  \"title\": \"\\ud83d\\u0041\"\n}\n", 4,
      "The escape “\\ud83d” does not stand for a character" },
    { "{\n  \"id\": \"org.\\u0000example\"\n}\n", 2,
      "The escape “\\u0000” does not stand for a character" },
    { "{\n  \"id\": \"org.\\udCC-example\"\n}\n", 2,
      "The escape “\\udCC” does not stand for a character" },
    { "{\n  \"id\": \"org.\\u00é\"\n}\n", 2,
      "The escape “\\u00” does not stand for a character" },
    { "{\n  \"id\": \"org.\\727\"\n}\n", 2,
      "The escape “\\7” does not stand for a character" },
    { "{\n  \"id\": \"org.\\é\"\n}\n", 2,
      "The escape “\\é” does not stand for a character" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
      g_autoptr(RapportPack) pack = NULL;
      g_autofree char *folder = make_pack (cases[i].json, NULL);

      pack = load_pack (folder, problems);
      g_assert_null (pack);
      g_assert_cmpuint (problems->len, ==, 1);
      assert_problem (problems, folder, "pack.json", cases[i].line, cases[i].words);
    }
}

/* json-glib 1.6 would overflow its stack on this; the scan refuses it first. */
static void
test_pack_deep_brackets (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportPack) pack = NULL;
  g_autofree char *brackets = g_strnfill (200000, '[');
  g_autofree char *json = g_strdup_printf ("{\n\"id\": %s\n}", brackets);
  g_autofree char *folder = make_pack (json, NULL);

  pack = load_pack (folder, problems);
  g_assert_null (pack);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, folder, "pack.json", 2, "nested more than 16 levels deep");
}

static void
test_pack_json_limits (void)
{
  g_autofree char *large = g_strnfill (RAPPORT_PACK_MAX_MANIFEST_SIZE + 1, ' ');
  g_autoptr(GBytes) large_bytes = g_bytes_new_take (g_steal_pointer (&large), RAPPORT_PACK_MAX_MANIFEST_SIZE + 1);
  g_autoptr(GBytes) latin1 = g_bytes_new_static ("{\"a\": \"\xe9\"}", 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint line = 99;

  node = rapport_json_parse (large_bytes, RAPPORT_PACK_MAX_MANIFEST_SIZE, 16, NULL, &line, &error);
  g_assert_null (node);
  g_assert_error (error, RAPPORT_JSON_ERROR, RAPPORT_JSON_ERROR_TOO_LARGE);
  g_assert_cmpuint (line, ==, 0);
  g_clear_error (&error);

  node = rapport_json_parse (latin1, 1024, 16, NULL, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, RAPPORT_JSON_ERROR, RAPPORT_JSON_ERROR_INVALID);
}

static void
test_pack_checksum_mismatch (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportPack) pack = NULL;
  g_autofree char *other = sha256_of_fixture ("valid-minimal.xml");
  g_autofree char *manifest = g_strdup_printf (VALID_HEAD
                                               "  \"topics\": [\n"
                                               "    { \"file\": \"topics/valid-minimal.xml\" },\n"
                                               "    {\n"
                                               "      \"file\": \"topics/valid-full.xml\",\n"
                                               "      \"sha256\": \"%s\"\n"
                                               "    }\n"
                                               "  ]\n"
                                               "}\n", other);
  g_autofree char *folder = make_pack (manifest, "valid-full.xml", "valid-minimal.xml", NULL);

  pack = load_pack (folder, problems);
  g_assert_null (pack);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, folder, "pack.json", 12,
                  "The SHA-256 checksum of “topics/valid-full.xml” does not match");
}

/* A problem in a topic names the topic file and its line, not pack.json. */
static void
test_pack_invalid_topic (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportPack) pack = NULL;
  g_autofree char *folder = make_pack (VALID_HEAD
                                       "  \"topics\": [\n"
                                       "    { \"file\": \"topics/bad-skill.xml\" },\n"
                                       "    { \"file\": \"topics/bad-draw.xml\" },\n"
                                       "    { \"file\": \"topics/valid-full.xml\" }\n"
                                       "  ]\n"
                                       "}\n", "bad-skill.xml", "bad-draw.xml", "valid-full.xml", NULL);

  pack = load_pack (folder, problems);
  g_assert_null (pack);
  g_assert_cmpuint (problems->len, ==, 2);
  assert_problem (problems, folder, "topics/bad-skill.xml", 1, "is not one of Rapport’s skills");
  assert_problem (problems, folder, "topics/bad-draw.xml", 10, "The quiz draws 3 questions");
}

static void
test_pack_duplicate_topic_keys (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportPack) pack = NULL;
  g_autofree char *folder = make_pack (VALID_HEAD
                                       "  \"topics\": [\n"
                                       "    { \"file\": \"topics/valid-full.xml\" },\n"
                                       "    { \"file\": \"topics/copy.xml\" },\n"
                                       "    { \"file\": \"topics/valid-full.xml\" }\n"
                                       "  ]\n"
                                       "}\n", "valid-full.xml", NULL);
  g_autofree char *source = g_build_filename (folder, "topics", "valid-full.xml", NULL);
  g_autofree char *copy = g_build_filename (folder, "topics", "copy.xml", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));

  pack = load_pack (folder, problems);
  g_assert_null (pack);
  g_assert_cmpuint (problems->len, ==, 2);
  assert_problem (problems, folder, "pack.json", 12, "“topics/copy.xml” has the key “refunds”, "
                                                     "like “topics/valid-full.xml”");
  assert_problem (problems, folder, "pack.json", 13, "“topics/valid-full.xml” is listed twice");
}

static void
test_pack_no_manifest (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPack) pack = NULL;

  pack = rapport_pack_load_folder (g_get_tmp_dir (), loader, problems, &error);
  g_assert_null (pack);
  g_assert_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, g_get_tmp_dir (), "pack.json", 0, "Could not read");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  loader = rapport_unit_new_loader ();

  g_test_add_func ("/rapport/pack/valid", test_pack_valid);
  g_test_add_func ("/rapport/pack/manifest-only", test_pack_manifest_only);
  g_test_add_func ("/rapport/pack/missing-fields", test_pack_missing_fields);
  g_test_add_func ("/rapport/pack/bad-values", test_pack_bad_values);
  g_test_add_func ("/rapport/pack/id-rules", test_pack_id_rules);
  g_test_add_func ("/rapport/pack/bad-json-line", test_pack_bad_json_line);
  g_test_add_func ("/rapport/pack/escapes", test_pack_escapes);
  g_test_add_func ("/rapport/pack/deep-brackets", test_pack_deep_brackets);
  g_test_add_func ("/rapport/pack/json-limits", test_pack_json_limits);
  g_test_add_func ("/rapport/pack/checksum-mismatch", test_pack_checksum_mismatch);
  g_test_add_func ("/rapport/pack/invalid-topic", test_pack_invalid_topic);
  g_test_add_func ("/rapport/pack/duplicate-topic-keys", test_pack_duplicate_topic_keys);
  g_test_add_func ("/rapport/pack/no-manifest", test_pack_no_manifest);

  return rapport_unit_run (loader, NULL);
}
