/* test-pack-import.c: `rapport-pack import`, run as a trainer runs it: banks
 * into new packs and into packs that exist, the report and its JSON, and
 * the cases where nothing may be written.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rapport-unit-utils.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* rapport-pack with @args (NULL-terminated), in the test's environment. */
static void
import (Result             *result,
        const char * const *args)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) command = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_strv_builder_add (argv, g_getenv ("RAPPORT_PACK_BINARY"));
  g_strv_builder_add (argv, "import");
  g_strv_builder_addv (argv, (const char **) args);
  command = g_strv_builder_end (argv);

  g_assert_true (g_spawn_sync (NULL, command, NULL, G_SPAWN_DEFAULT, NULL, NULL, &result->out,
                               &result->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);

  g_test_message ("exit %d\nstdout: %s\nstderr: %s", result->status, result->out, result->err);
}

static char *
bank (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "banks", name, NULL);
}

/* A folder of the test's own, and a name in it that does not exist yet. */
static char *
scratch_folder (char **inside)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("import-XXXXXX", &error);

  g_assert_no_error (error);
  if (inside != NULL)
    *inside = g_build_filename (folder, "pack", NULL);

  return folder;
}

static guint
count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static char *
read_text (const char *folder,
           const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  return contents;
}

static const char *
last_line (const char *text)
{
  static char line[256];
  gsize length = strlen (text);
  const char *start;

  g_assert_cmpuint (length, >, 0);
  g_assert_cmpint (text[length - 1], ==, '\n');
  for (start = text + length - 1; start > text && start[-1] != '\n'; start--)
    ;
  g_strlcpy (line, start, MIN (sizeof line, (gsize) (text + length - start)));

  return line;
}

/* A new pack from a GIFT bank: the report, the files, nothing else. */
static void
test_import_gift (void)
{
  g_auto(Result) result = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *parent = scratch_folder (&dir);
  g_autofree char *path = bank ("every-construct.gift");
  g_autofree char *manifest = NULL;
  g_autofree char *topic = NULL;
  g_autofree char *expected = NULL;

  import (&result, (const char *[]) { path, dir, NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (last_line (result.out), ==, "Imported 18 questions, skipped 0.");
  expected = g_strdup_printf ("%s:28: “ciao” gives 50 %% of the credit", path);
  g_assert_nonnull (strstr (result.out, expected));
  g_assert_cmpstr (result.err, ==, "");

  /* The pack and nothing beside it: the staging folder is gone. */
  g_assert_cmpuint (count_entries (parent), ==, 1);
  manifest = read_text (dir, "pack.json");
  g_assert_nonnull (strstr (manifest, "\"file\" : \"topics/greeting-callers.xml\""));
  g_assert_nonnull (strstr (manifest, "\"file\" : \"topics/escapes-and-formats.xml\""));
  topic = read_text (dir, "topics/greeting-callers.xml");
  g_assert_nonnull (strstr (topic, "<topic format=\"1\" key=\"greeting-callers\" "
                                   "skill=\"communication\""));
  g_assert_nonnull (strstr (topic, "<matching key=\"match\">"));
}

/* A Moodle XML bank, as JSON for programs: what was skipped, with lines,
 * the topics and the pictures; the pictures that are not are nowhere.
 */
static void
test_import_moodle_json (void)
{
  g_auto(Result) result = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *parent = scratch_folder (&dir);
  g_autofree char *path = bank ("every-construct.xml");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *media = NULL;
  JsonObject *root;
  JsonArray *skipped;
  JsonArray *pictures;
  JsonObject *first;

  import (&result, (const char *[]) { "--json", "--skill", "empathy", path, dir, NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, result.out, -1, &error));
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "imported"), ==, 10);
  skipped = json_object_get_array_member (root, "skipped");
  g_assert_cmpuint (json_array_get_length (skipped), ==, 7);
  first = json_array_get_object_element (skipped, 0);
  g_assert_cmpint (json_object_get_int_member (first, "line"), ==, 261);
  g_assert_cmpstr (json_object_get_string_member (first, "type"), ==, "file");
  g_assert_nonnull (strstr (json_object_get_string_member (first, "reason"), "escape.png"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "topics")), ==, 2);
  pictures = json_object_get_array_member (root, "media");
  g_assert_cmpuint (json_array_get_length (pictures), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (pictures, 0), ==, "media/till-receipt.png");

  /* "../../escape.png" was written nowhere, in the pack or beside it. */
  escaped = g_build_filename (parent, "escape.png", NULL);
  g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (parent), ==, 1);
  g_clear_pointer (&escaped, g_free);
  escaped = g_build_filename (dir, "escape.png", NULL);
  g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 3);   /* pack.json, topics, media */
  media = g_build_filename (dir, "media", NULL);
  g_assert_cmpuint (count_entries (media), ==, 3);
}

/* A bank with only the question types the loader knows gives a pack that
 * `rapport-pack validate` accepts as it is.
 */
static void
test_import_validates (void)
{
  g_auto(Result) result = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *parent = scratch_folder (&dir);
  g_autofree char *path = bank ("published/moodle/truefalse.xml");
  g_autofree char *media = g_build_filename (dir, "media", NULL);
  g_autofree char *topic = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(Result) again = { 0 };
  int wait_status = 0;

  import (&result, (const char *[]) { path, dir, NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (last_line (result.out), ==, "Imported 2 questions, skipped 0.");

  g_assert_true (g_spawn_sync (NULL,
                               (char *[]) { (char *) g_getenv ("RAPPORT_PACK_BINARY"), "validate",
                                            dir, NULL },
                               NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status,
                               NULL));
  g_test_message ("%s%s", out, err);
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);

  /* The same bank again: a topic of its own, the pictures the pack has. */
  import (&again, (const char *[]) { path, dir, NULL });
  g_assert_cmpint (again.status, ==, 0);
  topic = g_build_filename (dir, "topics", "truefalse-2.xml", NULL);
  g_assert_true (g_file_test (topic, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_entries (media), ==, 4);
}

/* Into a pack that exists: its files stay as they were, pack.json lists
 * the new topic after its own.
 */
static void
copy_pack (const char *from,
           const char *to)
{
  static const char * const files[] = { "pack.json", "topics/refunds.xml", "topics/minimal.xml" };
  g_autofree char *topics = g_build_filename (to, "topics", NULL);

  g_assert_no_errno (g_mkdir_with_parents (topics, 0755));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *contents = read_text (from, files[i]);
      g_autofree char *path = g_build_filename (to, files[i], NULL);

      g_assert_true (g_file_set_contents (path, contents, -1, NULL));
    }
}

static void
test_import_existing (void)
{
  g_auto(Result) result = { 0 };
  g_auto(Result) taken = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *parent = scratch_folder (&dir);
  g_autofree char *mini = g_test_build_filename (G_TEST_DIST, "fixtures", "packs", "mini", NULL);
  g_autofree char *path = bank ("every-construct.xml");
  g_autofree char *before = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *refunds = NULL;
  g_autofree char *original = NULL;
  g_autofree char *topic = NULL;

  copy_pack (mini, dir);
  before = read_text (dir, "pack.json");

  /* A key the pack has already: refused, and the pack untouched. */
  import (&taken, (const char *[]) { "--topic", "refunds", path, dir, NULL });
  g_assert_cmpint (taken.status, ==, 1);
  g_assert_nonnull (strstr (taken.err, "has a topic “refunds” already"));
  manifest = read_text (dir, "pack.json");
  g_assert_cmpstr (manifest, ==, before);
  g_clear_pointer (&manifest, g_free);
  g_assert_cmpuint (count_entries (parent), ==, 1);

  import (&result, (const char *[]) { "--topic", "moodle-refunds", path, dir, NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (last_line (result.out), ==, "Imported 10 questions, skipped 7.");

  manifest = read_text (dir, "pack.json");
  g_assert_nonnull (strstr (manifest, "\"id\" : \"org.example.mini\""));
  g_assert_nonnull (strstr (manifest, "\"file\" : \"topics/refunds.xml\""));
  g_assert_nonnull (strstr (manifest, "\"file\" : \"topics/moodle-refunds.xml\""));
  g_assert_true (strstr (manifest, "topics/minimal.xml") < strstr (manifest, "moodle-refunds"));
  refunds = read_text (dir, "topics/refunds.xml");
  original = read_text (mini, "topics/refunds.xml");
  g_assert_cmpstr (refunds, ==, original);
  topic = read_text (dir, "topics/moodle-refunds.xml");
  g_assert_nonnull (strstr (topic, "key=\"moodle-refunds\""));
  g_assert_nonnull (strstr (topic, "xml:lang=\"en\""));
  g_assert_cmpuint (count_entries (parent), ==, 1);
}

/* Nothing to import, a bank that is not one, a folder that is not a pack:
 * exit 1, every problem as "file:line: message", nothing written.
 */
static void
test_import_nothing (void)
{
  g_auto(Result) cloze = { 0 };
  g_auto(Result) encoding = { 0 };
  g_auto(Result) occupied = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *parent = scratch_folder (&dir);
  g_autofree char *clozes = bank ("published/moodle/broken_cloze_questions.xml");
  g_autofree char *latin = bank ("published/moodle/questions_encoding_windows-1252.gift.txt");
  g_autofree char *path = bank ("every-construct.gift");
  g_autofree char *line = NULL;
  g_autofree char *note = g_build_filename (parent, "notes.txt", NULL);

  import (&cloze, (const char *[]) { clozes, dir, NULL });
  g_assert_cmpint (cloze.status, ==, 1);
  line = g_strdup_printf ("%s:4: Embedded answers (Cloze) cannot be imported", clozes);
  g_assert_true (g_str_has_prefix (cloze.err, line));
  g_assert_cmpstr (last_line (cloze.out), ==, "Imported 0 questions, skipped 5.");
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  import (&encoding, (const char *[]) { latin, dir, NULL });
  g_assert_cmpint (encoding.status, ==, 1);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("%s:15: The text is not valid UTF-8 (byte 0xF6)", latin);
  g_assert_true (g_str_has_prefix (encoding.err, line));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  /* A folder with something else in it. */
  g_assert_true (g_file_set_contents (note, "mine", -1, NULL));
  import (&occupied, (const char *[]) { path, parent, NULL });
  g_assert_cmpint (occupied.status, ==, 1);
  g_assert_nonnull (strstr (occupied.err, "neither a pack folder"));
  g_assert_cmpuint (count_entries (parent), ==, 1);
}

/* Pictures that are not what they say, or that would take the decoder
 * down: each left out with why, the rest imported.
 */
static void
test_import_pictures (void)
{
  g_auto(Result) result = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *parent = scratch_folder (&dir);
  g_autofree char *path = g_build_filename (parent, "pictures.xml", NULL);
  /* A PNG header that claims 100,000 × 100,000 pixels. */
  static const guchar huge_png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0, 8, 2, 0, 0, 0, 0x27, 0x30, 0x9c, 0x9f,
    0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
  };
  static const char laughs[] =
    "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\">"
    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
    "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&b;</text></svg>";
  g_autofree char *png = g_base64_encode (huge_png, sizeof huge_png);
  g_autofree char *svg = g_base64_encode ((const guchar *) laughs, strlen (laughs));
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"
    "<question type=\"description\"><name><text>Pictures</text></name>\n"
    "<questiontext format=\"html\"><text><![CDATA[<p>Look.</p><img src=\"@@PLUGINFILE@@/huge.png\">"
    "<img src=\"@@PLUGINFILE@@/laughs.svg\">]]></text>\n"
    "<file name=\"huge.png\" encoding=\"base64\">%s</file>\n"
    "<file name=\"laughs.svg\" encoding=\"base64\">%s</file>\n"
    "<file name=\"fake.jpg\" encoding=\"base64\">aGVsbG8=</file>\n"
    "</questiontext></question>\n</quiz>\n", png, svg);
  g_autofree char *media = g_build_filename (dir, "media", NULL);
  g_autofree char *topic = NULL;

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  import (&result, (const char *[]) { path, dir, NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (last_line (result.out), ==, "Imported 1 question, skipped 3.");
  g_assert_nonnull (strstr (result.out, ":5: The file “huge.png” is left out: "));
  g_assert_nonnull (strstr (result.out, "100000 × 100000"));
  g_assert_nonnull (strstr (result.out, ":6: The file “laughs.svg” is left out: "));
  g_assert_nonnull (strstr (result.out, ":7: The file “fake.jpg” is left out: "));
  g_assert_false (g_file_test (media, G_FILE_TEST_EXISTS));
  topic = read_text (dir, "topics/pictures.xml");
  g_assert_null (strstr (topic, "<figure"));
  g_assert_nonnull (strstr (topic, "<p>Look.</p>"));
}

static void
test_import_usage (void)
{
  g_autofree char *path = bank ("every-construct.gift");
  g_autofree char *dir = NULL;
  g_autofree char *parent = scratch_folder (&dir);
  const char *wrong[][5] = {
    { path, NULL },
    { "--bogus", path, dir, NULL },
    { "--topic", "../escape", path, dir, NULL },
    { "--topic", "Not A Key", path, dir, NULL },
    { "--skill", "juggling", path, dir, NULL },
    { path, dir, "more", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_auto(Result) result = { 0 };

      import (&result, wrong[i]);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_true (g_str_has_prefix (result.err, "rapport-pack"));
      g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
    }
}

static void
test_import_help (void)
{
  g_auto(Result) help = { 0 };
  g_autofree char *out = NULL;
  int wait_status = 0;

  import (&help, (const char *[]) { "--help", NULL });
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "rapport-pack import [OPTION…] BANK DIR"));
  g_assert_nonnull (strstr (help.out, "--topic=KEY"));
  g_assert_nonnull (strstr (help.out, "--skill=SKILL"));
  g_assert_nonnull (strstr (help.out, "--json"));

  g_assert_true (g_spawn_sync (NULL,
                               (char *[]) { (char *) g_getenv ("RAPPORT_PACK_BINARY"), "--help",
                                            NULL },
                               NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &wait_status,
                               NULL));
  g_assert_nonnull (strstr (out, "\n  import [--json] BANK DIR  Turn a Moodle question bank"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rapport/pack-import/gift", test_import_gift);
  g_test_add_func ("/rapport/pack-import/moodle-json", test_import_moodle_json);
  g_test_add_func ("/rapport/pack-import/validates", test_import_validates);
  g_test_add_func ("/rapport/pack-import/existing", test_import_existing);
  g_test_add_func ("/rapport/pack-import/nothing", test_import_nothing);
  g_test_add_func ("/rapport/pack-import/pictures", test_import_pictures);
  g_test_add_func ("/rapport/pack-import/usage", test_import_usage);
  g_test_add_func ("/rapport/pack-import/help", test_import_help);

  return g_test_run ();
}
