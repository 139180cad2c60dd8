/* test-pack-archive.c: .rapportpack files, hostile ones included; building,
 * installing, upgrading and removing packs.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <utime.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rapport-catalog.h"
#include "rapport-keys.h"
#include "rapport-media.h"
#include "rapport-pack-archive.h"
#include "rapport-pack-install.h"
#include "rapport-store.h"
#include "rapport-unit-utils.h"

#define ACME_ID   "com.acme.customer-care"
#define MIB       (1024 * 1024)

static RapportTopicLoader *loader;

/* Files and folders */

static char *
acme_fixture (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "packs", "acme", NULL);
}

/* A fresh folder inside the test's own isolated data folder. */
static char *
make_folder (const char *name)
{
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_no_errno (g_mkdir_with_parents (path, 0700));

  return path;
}

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_no_errno (g_mkdir_with_parents (to, 0700));

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        {
          copy_tree (source, target);
        }
      else
        {
          g_autofree char *contents = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
          g_assert_true (g_file_set_contents (target, contents, length, NULL));
        }
    }
}

/* Every path under @root with its type and size, one per line, sorted:
 * what "nothing was written" is compared with.
 */
static void
list_tree_into (const char *root,
                const char *relative,
                GPtrArray  *lines)
{
  g_autofree char *path = relative[0] != '\0' ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_relative = relative[0] != '\0' ?
                                        g_build_filename (relative, name, NULL) : g_strdup (name);
      g_autofree char *child = g_build_filename (root, child_relative, NULL);
      GStatBuf st;

      g_assert_no_errno (g_lstat (child, &st));
      g_ptr_array_add (lines, g_strdup_printf ("%s %s %" G_GINT64_FORMAT, child_relative,
                                               S_ISDIR (st.st_mode) ? "dir" :
                                               S_ISLNK (st.st_mode) ? "link" : "file",
                                               S_ISDIR (st.st_mode) ? (gint64) 0 : (gint64) st.st_size));
      if (S_ISDIR (st.st_mode))
        list_tree_into (root, child_relative, lines);
    }
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
list_tree (const char *root)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  list_tree_into (root, "", lines);
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **) lines->pdata);
}

static char *
read_text (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  return contents;
}

static void
write_text (const char *path,
            const char *text)
{
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

/* The 1-based line of the first line of @text that contains @words. */
static guint
line_of (const char *text,
         const char *words)
{
  const char *found = strstr (text, words);
  guint line = 1;

  g_assert_nonnull (found);
  for (const char *p = text; p < found; p++)
    {
      if (*p == '\n')
        line++;
    }

  return line;
}

static void
log_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = rapport_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("%s", line);
    }
}

/* Asserts that a problem names @file (any line when @line is G_MAXUINT) and says @words. */
static void
assert_problem (GPtrArray  *problems,
                const char *file,
                guint       line,
                const char *words)
{
  for (guint i = 0; i < problems->len; i++)
    {
      RapportProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_equal (problem->file, file) && (line == G_MAXUINT || problem->line == line) &&
          strstr (problem->message, words) != NULL)
        return;
    }

  log_problems (problems);
  g_error ("no problem %s:%u saying “%s”", file, line, words);
}

/* Making zip files, the way an attacker would */

typedef struct
{
  struct archive *writer;
  GByteArray     *output;
} Zip;

static la_ssize_t
zip_write_cb (struct archive *archive,
              void           *user_data,
              const void     *buffer,
              size_t          length)
{
  g_byte_array_append (user_data, buffer, length);

  return length;
}

static Zip *
zip_new (void)
{
  Zip *zip = g_new0 (Zip, 1);

  zip->output = g_byte_array_new ();
  zip->writer = archive_write_new ();
  g_assert_cmpint (archive_write_set_format_zip (zip->writer), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_set_options (zip->writer, "zip:compression=deflate"), ==, ARCHIVE_OK);
  /* The fastest level: the bombs below deflate hundreds of megabytes of
   * zeros, which at the default level takes most of this test's time under
   * valgrind, for a ratio (about 1000 to 1) that is the same. */
  g_assert_cmpint (archive_write_set_options (zip->writer, "zip:compression-level=1"), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_set_bytes_in_last_block (zip->writer, 1), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open2 (zip->writer, zip->output, NULL, zip_write_cb, NULL, NULL), ==,
                   ARCHIVE_OK);

  return zip;
}

static struct archive_entry *
zip_entry (const char *name,
           int         type)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, type);
  archive_entry_set_perm (entry, type == AE_IFDIR ? 0755 : 0644);

  return entry;
}

static void
zip_add (Zip        *zip,
         const char *name,
         const void *data,
         gsize       length)
{
  struct archive_entry *entry = zip_entry (name, AE_IFREG);

  archive_entry_set_size (entry, length);
  g_assert_cmpint (archive_write_header (zip->writer, entry), ==, ARCHIVE_OK);
  if (length > 0)
    g_assert_cmpint (archive_write_data (zip->writer, data, length), ==, (la_ssize_t) length);
  archive_entry_free (entry);
}

static void
zip_add_text (Zip        *zip,
              const char *name,
              const char *text)
{
  zip_add (zip, name, text, strlen (text));
}

static void
zip_add_zeros (Zip        *zip,
               const char *name,
               gsize       size)
{
  static const char zeros[MIB];
  struct archive_entry *entry = zip_entry (name, AE_IFREG);

  archive_entry_set_size (entry, size);
  g_assert_cmpint (archive_write_header (zip->writer, entry), ==, ARCHIVE_OK);
  for (gsize done = 0; done < size; done += MIN (size - done, sizeof zeros))
    archive_write_data (zip->writer, zeros, MIN (size - done, sizeof zeros));
  archive_entry_free (entry);
}

static void
zip_add_symlink (Zip        *zip,
                 const char *name,
                 const char *target)
{
  struct archive_entry *entry = zip_entry (name, AE_IFLNK);

  archive_entry_set_symlink (entry, target);
  g_assert_cmpint (archive_write_header (zip->writer, entry), ==, ARCHIVE_OK);
  archive_entry_free (entry);
}

static void
zip_add_dir (Zip        *zip,
             const char *name)
{
  struct archive_entry *entry = zip_entry (name, AE_IFDIR);

  g_assert_cmpint (archive_write_header (zip->writer, entry), ==, ARCHIVE_OK);
  archive_entry_free (entry);
}

static void
zip_add_files (Zip        *zip,
               GHashTable *files,
               const char *except)
{
  g_autofree const char **names = NULL;
  guint n_names;

  names = (const char **) g_hash_table_get_keys_as_array (files, &n_names);
  qsort (names, n_names, sizeof (char *), compare_lines);
  for (guint i = 0; i < n_names; i++)
    {
      GBytes *bytes = g_hash_table_lookup (files, names[i]);

      if (except == NULL || !g_str_equal (names[i], except))
        zip_add (zip, names[i], g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
}

static GBytes *
zip_finish (Zip *zip)
{
  GBytes *bytes;

  g_assert_cmpint (archive_write_close (zip->writer), ==, ARCHIVE_OK);
  archive_write_free (zip->writer);
  bytes = g_byte_array_free_to_bytes (zip->output);
  g_free (zip);

  return bytes;
}

/* The files of the Acme sample pack as the tool builds it: name → GBytes. */
static GHashTable *
acme_files (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = acme_fixture ();
  g_autofree char *folder = make_folder ("built");
  g_autofree char *path = g_build_filename (folder, "acme.rapportpack", NULL);
  GHashTable *files;

  g_assert_true (rapport_pack_build (fixture, path, loader, problems, &error));
  g_assert_no_error (error);

  files = rapport_pack_archive_read_file (path, problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (files);

  return files;
}

/* pack.json with the checksum of @name set to that of @bytes. */
static void
replace_file (GHashTable *files,
              const char *name,
              GBytes     *bytes,
              gboolean    update_checksum)
{
  g_hash_table_insert (files, g_strdup (name), g_bytes_ref (bytes));

  if (update_checksum)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      GBytes *manifest = g_hash_table_lookup (files, "pack.json");
      g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      const char *members[] = { "topics", "media" };
      JsonObject *root;
      char *json;
      gsize length;

      g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (manifest, NULL),
                                                 g_bytes_get_size (manifest), NULL));
      root = json_node_get_object (json_parser_get_root (parser));
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        {
          JsonArray *array = json_object_get_array_member (root, members[m]);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonObject *entry = json_array_get_object_element (array, i);

              if (g_str_equal (json_object_get_string_member (entry, "file"), name))
                json_object_set_string_member (entry, "sha256", sha256);
            }
        }

      json_generator_set_root (generator, json_parser_get_root (parser));
      json_generator_set_pretty (generator, TRUE);
      json = json_generator_to_data (generator, &length);
      g_hash_table_insert (files, g_strdup ("pack.json"), g_bytes_new_take (json, length));
    }
}

static GBytes *
zip_of_files (GHashTable *files)
{
  Zip *zip = zip_new ();

  zip_add_files (zip, files, NULL);

  return zip_finish (zip);
}

/* The pack's files, then one entry more: @name, holding @text. */
static GBytes *
zip_of_files_and (GHashTable *files,
                  const char *name,
                  const char *text)
{
  Zip *zip = zip_new ();

  zip_add_files (zip, files, NULL);
  zip_add_text (zip, name, text);

  return zip_finish (zip);
}

/* Patches the declared uncompressed size of the only entry of @zip, in the
 * local header, the central directory and the data descriptor, to @size:
 * an archive that lies about how much it unpacks to.
 */
static GBytes *
lie_about_size (GBytes  *zip,
                guint32  size)
{
  gsize length = g_bytes_get_size (zip);
  guint8 *data = g_memdup2 (g_bytes_get_data (zip, NULL), length);
  guint8 *eocd = data + length - 22;
  guint32 central, compressed, data_start;
  guint8 *descriptor;

#define LE16(p) ((guint32) (p)[0] | ((guint32) (p)[1] << 8))
#define LE32(p) (LE16 (p) | (LE16 ((p) + 2) << 16))
#define SET32(p, v) G_STMT_START { (p)[0] = (v) & 0xff; (p)[1] = ((v) >> 8) & 0xff; \
                                   (p)[2] = ((v) >> 16) & 0xff; (p)[3] = ((v) >> 24) & 0xff; } G_STMT_END

  g_assert_cmpmem (data, 4, "PK\003\004", 4);
  g_assert_cmpmem (eocd, 4, "PK\005\006", 4);
  central = LE32 (eocd + 16);
  g_assert_cmpmem (data + central, 4, "PK\001\002", 4);
  compressed = LE32 (data + central + 20);
  data_start = 30 + LE16 (data + 26) + LE16 (data + 28);

  SET32 (data + 22, size);
  SET32 (data + central + 24, size);
  descriptor = data + data_start + compressed;
  if (memcmp (descriptor, "PK\007\010", 4) == 0)
    SET32 (descriptor + 12, size);

#undef LE16
#undef LE32
#undef SET32

  return g_bytes_new_take (data, length);
}

/* Reading archives */

static void
test_archive_read_valid (void)
{
  g_autoptr(GHashTable) files = acme_files ();
  g_autofree char *folder = make_folder ("valid");
  g_autofree char *path = g_build_filename (folder, "acme.rapportpack", NULL);
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPack) pack = NULL;
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(RapportTopic) topic = NULL;
  Zip *maker;

  g_assert_cmpuint (g_hash_table_size (files), ==, 5);
  g_assert_true (g_hash_table_contains (files, "pack.json"));
  g_assert_true (g_hash_table_contains (files, "topics/refund-request.xml"));
  g_assert_true (g_hash_table_contains (files, "media/refund-steps.svg"));

  /* Folder entries, as zip tools add them, carry nothing and are fine. */
  maker = zip_new ();
  zip_add_dir (maker, "media/");
  zip_add_dir (maker, "topics/");
  zip_add_files (maker, files, NULL);
  zip = zip_finish (maker);
  write_bytes (path, zip);

  g_assert_true (rapport_pack_path_is_archive (path));
  {
    /* Whatever it is called, a zip file is read as one. */
    g_autofree char *renamed = g_build_filename (folder, "acme.zip", NULL);
    g_autofree char *fixture = acme_fixture ();
    g_autofree char *manifest = g_build_filename (fixture, "pack.json", NULL);

    write_bytes (renamed, zip);
    g_assert_true (rapport_pack_path_is_archive (renamed));
    g_assert_false (rapport_pack_path_is_archive (manifest));
    g_assert_false (rapport_pack_path_is_archive (folder));
  }
  pack = rapport_pack_load_path (path, loader, problems, &error);
  log_problems (problems);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpstr (rapport_pack_get_id (pack), ==, ACME_ID);
  g_assert_cmpstr (rapport_pack_get_archive (pack), ==, path);
  g_assert_null (rapport_pack_get_folder (pack));
  g_assert_cmpuint (rapport_pack_get_n_media_files (pack), ==, 2);
  g_assert_cmpstr (rapport_pack_get_media_file (pack, 0), ==, "media/refund-steps.svg");
  g_assert_nonnull (rapport_pack_get_media_sha256 (pack, 0));
  g_assert_cmpuint (g_list_model_get_n_items (rapport_pack_get_topics (pack)), ==, 2);

  topic = g_list_model_get_item (rapport_pack_get_topics (pack), 0);
  g_assert_cmpstr (rapport_topic_get_title (topic), ==, "Handling a refund request at Acme");
  g_assert_cmpstr (rapport_topic_get_pack_id (topic), ==, ACME_ID);
  g_assert_null (rapport_topic_get_source_path (topic));
}

typedef enum
{
  SETUP_NONE,
  SETUP_ZIP_SLIP,
  SETUP_ABSOLUTE,
  SETUP_BACKSLASH,
  SETUP_DRIVE_LETTER,
  SETUP_SYMLINK,
  SETUP_SYMLINK_THEN_FILE,
  SETUP_DUPLICATE,
  SETUP_FILE_FOLDER_CLASH,
  SETUP_TOO_MANY_ENTRIES,
  SETUP_BOMB,
  SETUP_LYING_BOMB,
  SETUP_TOTAL_BOMB,
  SETUP_HUGE_XML,
  SETUP_LARGE_XML,
  SETUP_TRUNCATED,
  SETUP_CORRUPT,
  SETUP_NOT_A_ZIP,
  SETUP_BAD_MANIFEST,
  SETUP_CHECKSUM_MISMATCH,
  SETUP_MISSING_TOPIC,
  SETUP_MISSING_CHECKSUM,
  SETUP_UNLISTED,
  SETUP_MISSING_PICTURE,
  SETUP_BROKEN_PICTURE,
  SETUP_HOSTILE_SVG,
} Setup;

typedef struct
{
  const char *name;
  Setup       setup;
  const char *file;      /* NULL: the archive itself */
  guint       line;      /* G_MAXUINT: any */
  const char *words;
} Hostile;

static const Hostile hostile_cases[] = {
  { "zip-slip", SETUP_ZIP_SLIP, NULL, 0, "“../../../outside/evil.txt” points outside the pack" },
  { "absolute", SETUP_ABSOLUTE, NULL, 0, "points outside the pack" },
  /* libarchive reads a zip's "\\" as "/", as zip tools on Windows mean it. */
  { "backslash", SETUP_BACKSLASH, NULL, 0, "“../../outside/evil.txt” points outside the pack" },
  { "drive-letter", SETUP_DRIVE_LETTER, NULL, 0, "“C:/evil.txt” points outside the pack" },
  { "symlink", SETUP_SYMLINK, NULL, 0, "“media/passwd.png” is a symbolic link" },
  { "symlink-then-file", SETUP_SYMLINK_THEN_FILE, NULL, 0, "“media” is a symbolic link" },
  { "duplicate", SETUP_DUPLICATE, NULL, 0, "“topics/upset-customer.xml” appears twice" },
  { "file-folder-clash", SETUP_FILE_FOLDER_CLASH, NULL, 0, "is in a folder that is also a file" },
  { "too-many-entries", SETUP_TOO_MANY_ENTRIES, NULL, 0, "more than 500 entries" },
  { "bomb", SETUP_BOMB, NULL, 0, "“topics/bomb.xml” unpacks to more than 8.0\xc2\xa0MiB" },
  { "lying-bomb", SETUP_LYING_BOMB, NULL, 0, "“topics/bomb.xml” unpacks to more than 8.0\xc2\xa0MiB" },
  { "total-bomb", SETUP_TOTAL_BOMB, NULL, 0, "The pack file unpacks to more than 64.0\xc2\xa0MiB" },
  { "huge-xml", SETUP_HUGE_XML, NULL, 0, "“topics/refund-request.xml” unpacks to more than 8.0\xc2\xa0MiB" },
  { "large-xml", SETUP_LARGE_XML, "topics/refund-request.xml", 0, "The file is too large" },
  { "truncated", SETUP_TRUNCATED, NULL, 0, "damaged or cut short" },
  { "corrupt", SETUP_CORRUPT, NULL, 0, "The pack file is damaged" },
  { "not-a-zip", SETUP_NOT_A_ZIP, NULL, 0, "This is not a Rapport pack file" },
  { "bad-manifest", SETUP_BAD_MANIFEST, "pack.json", 2, "not valid JSON" },
  { "checksum-mismatch", SETUP_CHECKSUM_MISMATCH, "pack.json", G_MAXUINT,
    "The SHA-256 checksum of “topics/upset-customer.xml” does not match" },
  { "missing-topic", SETUP_MISSING_TOPIC, "pack.json", G_MAXUINT,
    "“topics/upset-customer.xml” is not in the pack" },
  { "missing-checksum", SETUP_MISSING_CHECKSUM, "pack.json", 11,
    "“topics/refund-request.xml” has no “sha256”" },
  { "unlisted", SETUP_UNLISTED, "notes.txt", 0, "pack.json does not list it" },
  { "missing-picture", SETUP_MISSING_PICTURE, "topics/refund-request.xml", G_MAXUINT,
    "The picture “media/refund-steps.svg” is not in the pack" },
  { "broken-picture", SETUP_BROKEN_PICTURE, "media/till-receipt.png", 0,
    "“media/till-receipt.png” is not a PNG image" },
  { "hostile-svg", SETUP_HOSTILE_SVG, "media/refund-steps.svg", 0,
    "must not have a document type declaration" },
};

static GBytes *
make_hostile (Setup       setup,
              const char *root)
{
  g_autoptr(GHashTable) files = acme_files ();
  g_autofree char *absolute = g_build_filename (root, "outside", "abs.txt", NULL);
  g_autofree char *outside = g_build_filename (root, "outside", NULL);
  g_autoptr(GBytes) good = NULL;
  Zip *zip;

  switch (setup)
    {
    case SETUP_ZIP_SLIP:
      return zip_of_files_and (files, "../../../outside/evil.txt", "gotcha");

    case SETUP_ABSOLUTE:
      zip = zip_new ();
      zip_add_text (zip, absolute, "gotcha");
      zip_add_files (zip, files, NULL);
      return zip_finish (zip);

    case SETUP_BACKSLASH:
      return zip_of_files_and (files, "..\\..\\outside\\evil.txt", "gotcha");

    case SETUP_DRIVE_LETTER:
      return zip_of_files_and (files, "C:/evil.txt", "gotcha");

    case SETUP_SYMLINK:
      zip = zip_new ();
      zip_add_symlink (zip, "media/passwd.png", "/etc/passwd");
      zip_add_files (zip, files, NULL);
      return zip_finish (zip);

    case SETUP_SYMLINK_THEN_FILE:
      /* Extracting this would write outside/till-receipt.png. */
      zip = zip_new ();
      good = g_bytes_ref (g_hash_table_lookup (files, "pack.json"));
      zip_add (zip, "pack.json", g_bytes_get_data (good, NULL), g_bytes_get_size (good));
      zip_add_symlink (zip, "media", outside);
      zip_add_files (zip, files, "pack.json");
      return zip_finish (zip);

    case SETUP_DUPLICATE:
      return zip_of_files_and (files, "topics/upset-customer.xml", "<topic/>");

    case SETUP_FILE_FOLDER_CLASH:
      return zip_of_files_and (files, "media/till-receipt.png/inside.txt", "x");

    case SETUP_TOO_MANY_ENTRIES:
      zip = zip_new ();
      zip_add_files (zip, files, NULL);
      for (guint i = 0; i < RAPPORT_PACK_ARCHIVE_MAX_ENTRIES; i++)
        {
          g_autofree char *name = g_strdup_printf ("media/%03u.txt", i);

          zip_add_text (zip, name, "x");
        }
      return zip_finish (zip);

    case SETUP_BOMB:
    case SETUP_LYING_BOMB:
      {
        /* 200 MiB of zeros, about 200 KiB compressed, made once: making it
         * is most of what these cases cost under valgrind.
         */
        static GBytes *bomb;

        if (bomb == NULL)
          {
            zip = zip_new ();
            zip_add_zeros (zip, "topics/bomb.xml", 200 * MIB);
            bomb = zip_finish (zip);
          }

        return setup == SETUP_BOMB ? g_bytes_ref (bomb) : lie_about_size (bomb, 1000);
      }

    case SETUP_TOTAL_BOMB:
      /* Each entry below the cap for one file, all of them above the total. */
      zip = zip_new ();
      zip_add_files (zip, files, NULL);
      for (guint i = 0; i < 9; i++)
        {
          g_autofree char *name = g_strdup_printf ("media/zeros-%u.png", i);

          zip_add_zeros (zip, name, 7 * MIB + MIB / 2);
        }
      return zip_finish (zip);

    case SETUP_HUGE_XML:
    case SETUP_LARGE_XML:
      {
        gsize size = setup == SETUP_HUGE_XML ? 9 * MIB : 5 * MIB;
        GString *xml = g_string_new ("<?xml version=\"1.0\"?>\n<topic><!-- ");
        g_autoptr(GBytes) bytes = NULL;

        while (xml->len < size)
          g_string_append (xml, "a long comment that compresses well ");
        g_string_append (xml, "--></topic>\n");
        bytes = g_string_free_to_bytes (xml);
        replace_file (files, "topics/refund-request.xml", bytes, TRUE);
        return zip_of_files (files);
      }

    case SETUP_TRUNCATED:
      good = zip_of_files (files);
      return g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) / 2);

    case SETUP_CORRUPT:
      {
        gsize length;
        guint8 *data;
        guint32 data_start;

        good = zip_of_files (files);
        length = g_bytes_get_size (good);
        data = g_memdup2 (g_bytes_get_data (good, NULL), length);
        data_start = 30 + (data[26] | (data[27] << 8)) + (data[28] | (data[29] << 8));
        for (guint i = 0; i < 16; i++)
          data[data_start + 4 + i] ^= 0x5a;
        return g_bytes_new_take (data, length);
      }

    case SETUP_NOT_A_ZIP:
      return g_bytes_new_static ("{ \"id\": \"not a zip\" }\n", 22);

    case SETUP_BAD_MANIFEST:
      {
        static const char manifest[] = "{\n  \"id\": \"" ACME_ID "\",\n  oops\n}\n";
        g_autoptr(GBytes) bytes = g_bytes_new_static (manifest, sizeof manifest - 1);

        replace_file (files, "pack.json", bytes, FALSE);
        return zip_of_files (files);
      }

    case SETUP_CHECKSUM_MISMATCH:
      {
        g_autoptr(GBytes) original = g_bytes_ref (g_hash_table_lookup (files, "topics/upset-customer.xml"));
        g_autofree char *text = g_strndup (g_bytes_get_data (original, NULL), g_bytes_get_size (original));
        g_autoptr(GBytes) bytes = NULL;
        char *p = strstr (text, "frustrating");

        /* One word changed, the checksum not. */
        g_assert_nonnull (p);
        memcpy (p, "FRUSTRATING", strlen ("FRUSTRATING"));
        bytes = g_bytes_new (text, strlen (text));
        replace_file (files, "topics/upset-customer.xml", bytes, FALSE);
        return zip_of_files (files);
      }

    case SETUP_MISSING_TOPIC:
      g_hash_table_remove (files, "topics/upset-customer.xml");
      return zip_of_files (files);

    case SETUP_MISSING_CHECKSUM:
      {
        g_autofree char *fixture = acme_fixture ();
        g_autofree char *path = g_build_filename (fixture, "pack.json", NULL);
        g_autoptr(GBytes) bytes = rapport_unit_read_bytes (path);

        replace_file (files, "pack.json", bytes, FALSE);
        return zip_of_files (files);
      }

    case SETUP_UNLISTED:
      return zip_of_files_and (files, "notes.txt", "remember to add the exchange topic");

    case SETUP_MISSING_PICTURE:
      {
        g_autoptr(GBytes) manifest = g_bytes_ref (g_hash_table_lookup (files, "pack.json"));
        g_autofree char *text = g_strndup (g_bytes_get_data (manifest, NULL), g_bytes_get_size (manifest));
        g_autoptr(JsonParser) parser = json_parser_new ();
        g_autoptr(JsonGenerator) generator = json_generator_new ();
        JsonArray *media;
        char *json;
        gsize length;

        g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
        media = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "media");
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (media, 0), "file"),
                         ==, "media/refund-steps.svg");
        json_array_remove_element (media, 0);
        json_generator_set_root (generator, json_parser_get_root (parser));
        json = json_generator_to_data (generator, &length);
        g_hash_table_insert (files, g_strdup ("pack.json"), g_bytes_new_take (json, length));
        g_hash_table_remove (files, "media/refund-steps.svg");
        return zip_of_files (files);
      }

    case SETUP_BROKEN_PICTURE:
      {
        g_autoptr(GBytes) bytes = g_bytes_new_static ("GIF89a not a png", 16);

        replace_file (files, "media/till-receipt.png", bytes, TRUE);
        return zip_of_files (files);
      }

    case SETUP_HOSTILE_SVG:
      {
        static const char svg[] =
          "<?xml version=\"1.0\"?>\n"
          "<!DOCTYPE svg [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
          "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&secret;</text></svg>\n";
        g_autoptr(GBytes) bytes = g_bytes_new_static (svg, sizeof svg - 1);

        replace_file (files, "media/refund-steps.svg", bytes, TRUE);
        return zip_of_files (files);
      }

    case SETUP_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* Each hostile archive is refused with its own message, and installing it
 * writes nothing anywhere: not in the data folder, not next to it.
 */
static void
test_archive_hostile (gconstpointer data)
{
  const Hostile *c = data;
  g_autofree char *root = make_folder ("hostile");
  g_autofree char *data_dir = g_build_filename (root, "data", NULL);
  g_autofree char *incoming = g_build_filename (root, "incoming", NULL);
  g_autofree char *outside = g_build_filename (root, "outside", NULL);
  g_autofree char *archive_name = g_strdup_printf ("%s.rapportpack", c->name);
  g_autofree char *path = g_build_filename (incoming, archive_name, NULL);
  g_autofree char *store_path = g_build_filename (g_get_user_cache_dir (), "progress.db", NULL);
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GPtrArray) read_problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportPackInstallResult) result = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(GBytes) zip = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  guint64 n_unpacked = 0;
  gint64 start;

  g_assert_no_errno (g_mkdir_with_parents (data_dir, 0700));
  g_assert_no_errno (g_mkdir_with_parents (incoming, 0700));
  g_assert_no_errno (g_mkdir_with_parents (outside, 0700));

  store = rapport_store_new_for_path (store_path, &error);
  g_assert_no_error (error);

  zip = make_hostile (c->setup, root);
  write_bytes (path, zip);
  before = list_tree (root);

  start = g_get_monotonic_time ();
  g_assert_false (rapport_pack_install (path, data_dir, store, loader, RAPPORT_PACK_INSTALL_DEFAULT,
                                        &result, problems, &error));
  g_test_message ("%s refused in %" G_GINT64_FORMAT " ms: %s", c->name,
                  (g_get_monotonic_time () - start) / 1000, error != NULL ? error->message : "");
  log_problems (problems);
  g_assert_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID);
  g_assert_null (result);
  assert_problem (problems, c->file != NULL ? c->file : path, c->line, c->words);
  if (c->setup != SETUP_MISSING_CHECKSUM)
    g_assert_cmpuint (problems->len, ==, 1);

  /* Nothing was written: not in the data folder, not outside it. */
  after = list_tree (root);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);
  packs = rapport_store_list_packs (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (packs->len, ==, 0);

  /* The sizes that count are the ones actually unpacked. */
  files = rapport_pack_archive_read (zip, "hostile", read_problems, &n_unpacked, NULL);
  if (c->setup == SETUP_BOMB)
    {
      /* Declared too large: refused before unpacking anything of it. */
      g_assert_null (files);
      g_assert_cmpuint (n_unpacked, ==, 0);
    }
  else if (c->setup == SETUP_LYING_BOMB)
    {
      /* Declared as 1000 bytes: refused after a few MiB, not 200. */
      g_assert_null (files);
      g_assert_cmpuint (n_unpacked, >, RAPPORT_PACK_ARCHIVE_MAX_ENTRY_SIZE);
      g_assert_cmpuint (n_unpacked, <=, RAPPORT_PACK_ARCHIVE_MAX_ENTRY_SIZE + MIB);
    }
  else if (c->setup == SETUP_TOTAL_BOMB)
    {
      g_assert_null (files);
      g_assert_cmpuint (n_unpacked, >, RAPPORT_PACK_ARCHIVE_MAX_TOTAL_SIZE);
      g_assert_cmpuint (n_unpacked, <=, RAPPORT_PACK_ARCHIVE_MAX_TOTAL_SIZE + MIB);
    }
}

/* Pictures */

static guint32
crc32_of (const guint8 *data,
          gsize         length)
{
  guint32 c = 0xffffffffu;

  for (gsize i = 0; i < length; i++)
    {
      c ^= data[i];
      for (guint k = 0; k < 8; k++)
        c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    }

  return c ^ 0xffffffffu;
}

/* A PNG made of its signature and chunks, with right CRCs. */
static GBytes *
make_png (guint32  width,
          guint32  height,
          gboolean with_data)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GByteArray) png = g_byte_array_new ();
  struct { const char *type; guint8 data[13]; gsize length; } chunks[] = {
    { "IHDR", { width >> 24, width >> 16, width >> 8, width, height >> 24, height >> 16, height >> 8,
                height, 8, 2, 0, 0, 0 }, 13 },
    { "IDAT", { 0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01 }, 9 },
    { "IEND", { 0 }, 0 },
  };

  g_byte_array_append (png, signature, sizeof signature);
  for (guint i = 0; i < G_N_ELEMENTS (chunks); i++)
    {
      guint8 header[8] = { 0, 0, 0, chunks[i].length };
      guint8 crc_bytes[4];
      g_autoptr(GByteArray) crc_input = g_byte_array_new ();
      guint32 crc;

      if (i == 1 && !with_data)
        continue;

      memcpy (header + 4, chunks[i].type, 4);
      g_byte_array_append (crc_input, header + 4, 4);
      g_byte_array_append (crc_input, chunks[i].data, chunks[i].length);
      crc = crc32_of (crc_input->data, crc_input->len);
      crc_bytes[0] = crc >> 24; crc_bytes[1] = crc >> 16; crc_bytes[2] = crc >> 8; crc_bytes[3] = crc;

      g_byte_array_append (png, header, 8);
      g_byte_array_append (png, chunks[i].data, chunks[i].length);
      g_byte_array_append (png, crc_bytes, 4);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static void
assert_media (const char *name,
              GBytes     *bytes,
              const char *words)
{
  g_autoptr(GError) error = NULL;
  RapportMediaInfo info;
  gboolean ok;

  ok = rapport_media_check (name, bytes, &info, NULL, &error);
  if (words == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }

  g_assert_false (ok);
  g_assert_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID);
  g_test_message ("%s: %s", name, error->message);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static void
test_archive_media (void)
{
  g_autofree char *fixture = acme_fixture ();
  g_autofree char *png_path = g_build_filename (fixture, "media", "till-receipt.png", NULL);
  g_autofree char *svg_path = g_build_filename (fixture, "media", "refund-steps.svg", NULL);
  g_autoptr(GBytes) png = rapport_unit_read_bytes (png_path);
  g_autoptr(GBytes) svg = rapport_unit_read_bytes (svg_path);
  g_autoptr(GBytes) made = make_png (40, 30, TRUE);
  g_autoptr(GBytes) no_data = make_png (40, 30, FALSE);
  g_autoptr(GBytes) too_wide = make_png (RAPPORT_MEDIA_MAX_DIMENSION + 1, 2, TRUE);
  g_autoptr(GBytes) long_strip = make_png (RAPPORT_MEDIA_MAX_DIMENSION, 2048, TRUE);
  g_autoptr(GBytes) too_many_pixels = make_png (RAPPORT_MEDIA_MAX_DIMENSION, 2049, TRUE);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (png, 0, g_bytes_get_size (png) - 10);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  static const guint8 jpeg[] = {
    0xff, 0xd8,                                                   /* start of image */
    0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
    0xff, 0xc0, 0x00, 0x0b, 8, 0x00, 0x02, 0x00, 0x03, 1, 1, 0x11, 0,  /* 3 × 2 pixels */
    0xff, 0xda, 0x00, 0x08, 1, 1, 0x00, 0, 63, 0,                  /* start of scan */
    0x12, 0x34, 0xff, 0x00, 0x56,
    0xff, 0xd9,                                                   /* end of image */
  };
  g_autoptr(GBytes) jpeg_bytes = g_bytes_new_static (jpeg, sizeof jpeg);
  g_autoptr(GBytes) jpeg_cut = g_bytes_new_static (jpeg, sizeof jpeg - 2);
  guint8 *bad_crc_data;
  g_autoptr(GBytes) bad_crc = NULL;
  RapportMediaInfo info;
  struct {
    const char *svg;
    const char *words;   /* NULL: valid */
  } svgs[] = {
    { "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>", NULL },
    { "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
      "<defs><path id=\"p\" d=\"M0 0h1\"/></defs><use xlink:href=\"#p\"/>"
      "<image href=\"data:image/png;base64,"
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"
      "\"/></svg>", NULL },
    /* Only a PNG signature: not a picture. */
    { "<svg xmlns=\"http://www.w3.org/2000/svg\">"
      "<image href=\"data:image/png;base64,iVBORw0KGgo=\"/></svg>", "is damaged or too large" },
    /* 8000 × 8000 pixels in 67 bytes of base64. */
    { "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"data:image/png;base64,"
      "iVBORw0KGgoAAAANSUhEUgAAH0AAAB9ACAIAAACJkzqjAAAACUlEQVR4nGMAAAABAAFe/335AAAAAElFTkSuQmCC"
      "\"/></svg>", "is damaged or too large" },
    { "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"data:image/gif;base64,R0lGODlh\"/></svg>",
      "refers to a file outside itself" },
    { "<!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&a;</svg>",
      "must not have a document type declaration" },
    { "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "contains a script" },
    { "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "contains a script" },
    { "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"file:///etc/passwd\"/></svg>",
      "refers to a file outside itself" },
    { "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill: url(http://example.com/x)\"/></svg>",
      "refers to a file outside itself" },
    { "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import url(x.css);</style></svg>",
      "refers to a file outside itself" },
    { "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject/></svg>", "<foreignObject>" },
    { "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>", "is not an SVG image" },
    { "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect>\n</svg>", "not well-formed XML" },
  };

  assert_media ("media/till-receipt.png", png, NULL);
  g_assert_true (rapport_media_check ("media/till-receipt.png", png, &info, NULL, &error));
  g_assert_cmpint (info.type, ==, RAPPORT_MEDIA_PNG);
  g_assert_cmpuint (info.width, ==, 96);
  g_assert_cmpuint (info.height, ==, 64);
  assert_media ("media/made.png", made, NULL);
  assert_media ("media/no-data.png", no_data, "holds no picture");
  assert_media ("media/wide.png", too_wide, "at most 8192 × 8192");
  /* 8192 × 2048 is 4096 × 4096 pixels: the most a decoder is asked for. */
  assert_media ("media/strip.png", long_strip, NULL);
  assert_media ("media/large.png", too_many_pixels, "at most 16777216 pixels in all");
  assert_media ("media/cut.png", cut, "damaged or cut short");
  assert_media ("media/png.jpg", png, "is not a JPEG image");
  assert_media ("media/empty.png", empty, "is empty");

  bad_crc_data = g_memdup2 (g_bytes_get_data (made, NULL), g_bytes_get_size (made));
  bad_crc_data[20] ^= 1;   /* inside IHDR */
  bad_crc = g_bytes_new_take (bad_crc_data, g_bytes_get_size (made));
  assert_media ("media/bad-crc.png", bad_crc, "a checksum inside it does not match");

  assert_media ("media/photo.jpeg", jpeg_bytes, NULL);
  g_assert_true (rapport_media_check ("media/photo.jpg", jpeg_bytes, &info, NULL, NULL));
  g_assert_cmpint (info.type, ==, RAPPORT_MEDIA_JPEG);
  g_assert_cmpuint (info.width, ==, 3);
  g_assert_cmpuint (info.height, ==, 2);
  assert_media ("media/photo.jpg", jpeg_cut, "damaged or cut short");
  assert_media ("media/jpeg.png", jpeg_bytes, "is not a PNG image");

  assert_media ("media/refund-steps.svg", svg, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (svgs); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (svgs[i].svg, strlen (svgs[i].svg));

      assert_media ("media/x.svg", bytes, svgs[i].words);
    }

  {
    static const char broken[] = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect>\n</svg>";
    g_autoptr(GBytes) bytes = g_bytes_new_static (broken, sizeof broken - 1);
    guint line = 0;

    g_assert_false (rapport_media_check ("media/x.svg", bytes, NULL, &line, NULL));
    g_assert_cmpuint (line, ==, 3);
  }
}

/* Building */

static void
assert_built_entries (const char *path)
{
  struct archive *reader = archive_read_new ();
  struct archive_entry *entry;
  g_autofree char *previous = g_strdup ("");
  guint n = 0;

  archive_read_support_format_zip_seekable (reader);
  g_assert_cmpint (archive_read_open_filename (reader, path, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (reader, &entry) == ARCHIVE_OK)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (archive_entry_mtime (entry));

      /* Sorted, plain files, 0644, owned by nobody in particular, 1980-01-01. */
      g_assert_cmpstr (archive_entry_pathname (entry), >, previous);
      g_assert_cmpint (archive_entry_filetype (entry), ==, AE_IFREG);
      g_assert_cmpint (archive_entry_perm (entry), ==, 0644);
      g_assert_cmpint (archive_entry_uid (entry), ==, 0);
      g_assert_cmpint (archive_entry_gid (entry), ==, 0);
      g_assert_cmpint (g_date_time_get_year (time), ==, 1980);
      g_assert_cmpint (g_date_time_get_month (time), ==, 1);
      g_assert_cmpint (g_date_time_get_day_of_month (time), ==, 1);
      g_free (previous);
      previous = g_strdup (archive_entry_pathname (entry));
      n++;
    }
  archive_read_free (reader);

  g_assert_cmpuint (n, ==, 5);
}

static void
test_archive_build_reproducible (void)
{
  g_autofree char *fixture = acme_fixture ();
  g_autofree char *folder = make_folder ("build");
  g_autofree char *copy = g_build_filename (folder, "acme-copy", NULL);
  g_autofree char *first = g_build_filename (folder, "first.rapportpack", NULL);
  g_autofree char *second = g_build_filename (folder, "second.rapportpack", NULL);
  g_autofree char *topic = g_build_filename (copy, "topics", "refund-request.xml", NULL);
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(RapportPack) pack = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *svg_sha256 = NULL;
  g_autofree char *fixture_manifest_path = NULL;
  g_autofree char *fixture_manifest = NULL;
  GStatBuf st;

  g_assert_true (rapport_pack_build (fixture, first, loader, problems, &error));
  g_assert_no_error (error);

  /* A copy with other times and modes is the same pack. */
  copy_tree (fixture, copy);
  g_assert_no_errno (g_chmod (topic, 0600));
  g_assert_true (g_utime (topic, &(struct utimbuf) { 12345, 12345 }) == 0);
  g_assert_true (rapport_pack_build (copy, second, loader, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  first_bytes = rapport_unit_read_bytes (first);
  second_bytes = rapport_unit_read_bytes (second);
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));
  g_assert_no_errno (g_stat (first, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  assert_built_entries (first);

  /* Every topic and picture has its checksum, the one only a topic shows
   * included; the trainer's folder is left as it was.
   */
  files = rapport_pack_archive_read_file (first, problems, &error);
  g_assert_no_error (error);
  manifest = g_strndup (g_bytes_get_data (g_hash_table_lookup (files, "pack.json"), NULL),
                        g_bytes_get_size (g_hash_table_lookup (files, "pack.json")));
  g_test_message ("%s", manifest);
  svg_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256,
                                             g_hash_table_lookup (files, "media/refund-steps.svg"));
  g_assert_nonnull (strstr (manifest, "\"media/refund-steps.svg\""));
  g_assert_nonnull (strstr (manifest, svg_sha256));
  g_assert_cmpuint (line_of (manifest, "\"media/refund-steps.svg\""), <,
                    line_of (manifest, "\"media/till-receipt.png\""));
  fixture_manifest_path = g_build_filename (fixture, "pack.json", NULL);
  fixture_manifest = read_text (fixture_manifest_path);
  g_assert_null (strstr (fixture_manifest, "sha256"));

  pack = rapport_pack_load_archive (first, loader, problems, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rapport_pack_get_n_topic_files (pack); i++)
    g_assert_nonnull (rapport_pack_get_topic_sha256 (pack, i));
}

static void
test_archive_build_invalid (void)
{
  g_autofree char *fixture = acme_fixture ();
  g_autofree char *folder = make_folder ("build-invalid");
  g_autofree char *copy = g_build_filename (folder, "acme", NULL);
  g_autofree char *output = g_build_filename (folder, "acme.rapportpack", NULL);
  g_autofree char *picture = g_build_filename (copy, "media", "refund-steps.svg", NULL);
  g_autofree char *topic_path = g_build_filename (copy, "topics", "refund-request.xml", NULL);
  g_autofree char *topic = NULL;
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;

  copy_tree (fixture, copy);
  g_assert_no_errno (g_remove (picture));

  g_assert_false (rapport_pack_build (copy, output, loader, problems, &error));
  g_assert_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID);
  topic = read_text (topic_path);
  /* libxml2 puts an element on the line where its start tag ends. */
  assert_problem (problems, topic_path, line_of (topic, "alt=\"Three steps in a row"),
                  "The picture “media/refund-steps.svg” is not in the pack");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

/* Installing */

typedef struct
{
  char         *root;
  char         *data_dir;
  char         *v1;        /* pack files */
  char         *v2;
  RapportStore *store;
} Installed;

static void
installed_clear (Installed *f)
{
  g_free (f->root);
  g_free (f->data_dir);
  g_free (f->v1);
  g_free (f->v2);
  g_clear_object (&f->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Installed, installed_clear)

static char *
cut_between (const char *text,
             const char *from,
             const char *to)
{
  const char *start = strstr (text, from);
  const char *end = start != NULL ? strstr (start, to) : NULL;
  g_autofree char *head = NULL;

  g_assert_nonnull (end);
  end += strlen (to);
  head = g_strndup (text, start - text);

  return g_strconcat (head, end, NULL);
}

static char *
replace_all (const char *text,
             const char *from,
             const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  g_assert_cmpuint (g_strv_length (parts), >, 1);

  return g_strjoinv (to, parts);
}

/* Version 1.0 of the Acme pack, and 1.1 without the lesson "after-the-call"
 * and the question "no-answer".
 */
static void
installed_setup (Installed *f)
{
  g_autofree char *fixture = acme_fixture ();
  g_autofree char *v2_folder = NULL;
  g_autofree char *manifest_path = NULL;
  g_autofree char *topic_path = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *topic = NULL;
  g_autofree char *store_path = NULL;
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;

  f->root = make_folder ("install");
  f->data_dir = g_build_filename (f->root, "data", NULL);
  f->v1 = g_build_filename (f->root, "acme-1.0.rapportpack", NULL);
  f->v2 = g_build_filename (f->root, "acme-1.1.rapportpack", NULL);
  v2_folder = g_build_filename (f->root, "acme-1.1", NULL);

  g_assert_true (rapport_pack_build (fixture, f->v1, loader, problems, &error));
  g_assert_no_error (error);

  copy_tree (fixture, v2_folder);
  manifest_path = g_build_filename (v2_folder, "pack.json", NULL);
  topic_path = g_build_filename (v2_folder, "topics", "refund-request.xml", NULL);
  manifest = read_text (manifest_path);
  topic = read_text (topic_path);
  {
    g_autofree char *newer = replace_all (manifest, "\"version\": \"1.0\"", "\"version\": \"1.1\"");

    write_text (manifest_path, newer);
  }
  {
    g_autofree char *without_lesson = cut_between (topic, "<lesson key=\"after-the-call\"", "</lesson>");
    g_autofree char *without_question = cut_between (without_lesson, "<ordering key=\"no-answer\">",
                                                     "</ordering>");

    write_text (topic_path, without_question);
  }
  g_assert_true (rapport_pack_build (v2_folder, f->v2, loader, problems, &error));
  log_problems (problems);
  g_assert_no_error (error);

  store_path = g_build_filename (f->root, "progress.db", NULL);
  f->store = rapport_store_new_for_path (store_path, &error);
  g_assert_no_error (error);
}

static char *
installed_version (Installed *f)
{
  g_autofree char *manifest = g_build_filename (f->data_dir, "packs", ACME_ID, "pack.json", NULL);
  g_autoptr(GBytes) bytes = rapport_unit_read_bytes (manifest);
  g_autoptr(RapportPack) pack = rapport_pack_new_from_manifest (bytes, manifest, NULL, NULL);

  g_assert_nonnull (pack);

  return g_strdup (rapport_pack_get_version (pack));
}

static RapportPackInstallResult *
install (Installed               *f,
         const char              *path,
         RapportPackInstallFlags  flags)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  RapportPackInstallResult *result = NULL;

  g_assert_true (rapport_pack_install (path, f->data_dir, f->store, loader, flags, &result, problems,
                                       &error));
  log_problems (problems);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static void
assert_store_version (Installed  *f,
                      const char *version)
{
  g_autoptr(GPtrArray) packs = rapport_store_list_packs (f->store, NULL);
  RapportStorePack *record;

  g_assert_cmpuint (packs->len, ==, version != NULL ? 1 : 0);
  if (version == NULL)
    return;

  record = g_ptr_array_index (packs, 0);
  g_assert_cmpstr (record->id, ==, ACME_ID);
  g_assert_cmpstr (record->version, ==, version);
  g_assert_cmpstr (record->title, ==, "Acme Customer Care: Refunds");
}

/* Nothing hidden is left in the packs folder: no staging, no old copy. */
static void
assert_no_leftovers (Installed *f)
{
  g_autofree char *packs_dir = g_build_filename (f->data_dir, "packs", NULL);
  g_autoptr(GDir) dir = g_dir_open (packs_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_assert_cmpstr (name, ==, ACME_ID);
}

static void
test_archive_install_upgrade (void)
{
  g_auto(Installed) f = { 0 };
  g_autoptr(RapportPackInstallResult) first = NULL;
  g_autoptr(RapportPackInstallResult) upgrade = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCatalog) catalog = NULL;
  g_autoptr(RapportStoreAttempt) attempt = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GDateTime) soon = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (soon, 30);
  g_auto(GStrv) folders = NULL;
  g_auto(GStrv) completed = NULL;
  g_autofree char *version = NULL;
  g_autofree char *expected_folder = NULL;
  g_autofree char *installed_topic = NULL;
  RapportTopic *topic;

  installed_setup (&f);
  expected_folder = g_build_filename (f.data_dir, "packs", ACME_ID, NULL);

  first = install (&f, f.v1, RAPPORT_PACK_INSTALL_DEFAULT);
  g_assert_cmpint (first->kind, ==, RAPPORT_PACK_INSTALL_NEW);
  g_assert_null (first->previous_version);
  g_assert_cmpstr (first->folder, ==, expected_folder);
  g_assert_cmpstr (first->version, ==, "1.0");
  assert_store_version (&f, "1.0");
  installed_topic = g_build_filename (expected_folder, "topics", "refund-request.xml", NULL);
  g_assert_true (g_file_test (installed_topic, G_FILE_TEST_IS_REGULAR));

  /* The learner's progress in version 1.0. */
  g_assert_true (rapport_store_mark_lesson_completed (f.store, ACME_ID, "refund-request", "find-the-order",
                                                      NULL, &error));
  g_assert_true (rapport_store_mark_lesson_completed (f.store, ACME_ID, "refund-request", "after-the-call",
                                                      NULL, &error));
  g_assert_true (rapport_store_upsert_review_item (f.store, ACME_ID, "refund-request", "kettle", 2, soon,
                                                   &error));
  g_assert_true (rapport_store_upsert_review_item (f.store, ACME_ID, "upset-customer", "calm-down", 1, soon,
                                                   &error));
  attempt = rapport_store_attempt_new (ACME_ID, "refund-request", "problem-solving");
  attempt->score = 80;
  attempt->passed = TRUE;
  g_assert_true (rapport_store_add_quiz_attempt (f.store, attempt, &error));
  g_assert_no_error (error);

  /* The newer version replaces it and keeps the progress. */
  {
    g_autoptr(RapportPack) newer = rapport_pack_open (f.v2, loader, NULL, NULL);

    g_assert_cmpint (rapport_pack_get_install_kind (newer, f.data_dir, NULL), ==, RAPPORT_PACK_INSTALL_UPGRADE);
  }
  upgrade = install (&f, f.v2, RAPPORT_PACK_INSTALL_DEFAULT);
  g_assert_cmpint (upgrade->kind, ==, RAPPORT_PACK_INSTALL_UPGRADE);
  g_assert_cmpstr (upgrade->previous_version, ==, "1.0");
  g_assert_cmpstr (upgrade->version, ==, "1.1");
  version = installed_version (&f);
  g_assert_cmpstr (version, ==, "1.1");
  assert_store_version (&f, "1.1");
  assert_no_leftovers (&f);

  completed = rapport_store_list_completed_lessons (f.store, ACME_ID, "refund-request", &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) completed, "find-the-order"));
  due = rapport_store_list_due_reviews (f.store, later, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  attempts = rapport_store_list_quiz_attempts (f.store, ACME_ID, "refund-request", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attempts->len, ==, 1);

  /* The catalog reads the installed pack like the core course. */
  folders = rapport_pack_list_installed_folders (f.data_dir);
  g_assert_cmpuint (g_strv_length (folders), ==, 1);
  g_assert_cmpstr (folders[0], ==, expected_folder);
  catalog = rapport_catalog_new ();
  rapport_catalog_set_loader (catalog, loader);
  g_assert_true (rapport_catalog_load (catalog, (const char * const *) folders, &error));
  g_assert_cmpuint (rapport_catalog_get_problems (catalog)->len, ==, 0);
  topic = rapport_catalog_lookup_topic (catalog, ACME_ID, "refund-request");
  g_assert_nonnull (topic);
  g_assert_cmpuint (rapport_topic_get_n_lessons (topic), ==, 2);
  g_assert_nonnull (rapport_catalog_lookup_topic (catalog, ACME_ID, "upset-customer"));
}

static void
test_archive_install_older (void)
{
  g_auto(Installed) f = { 0 };
  g_autoptr(RapportPackInstallResult) installed = NULL;
  g_autoptr(RapportPackInstallResult) result = NULL;
  g_autoptr(RapportPackInstallResult) downgrade = NULL;
  g_autoptr(RapportPackInstallResult) again = NULL;
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *version = NULL;
  g_autofree char *installed_version_text = NULL;

  installed_setup (&f);
  installed = install (&f, f.v2, RAPPORT_PACK_INSTALL_DEFAULT);

  /* An older version is refused, and nothing changes. */
  before = list_tree (f.data_dir);
  g_assert_false (rapport_pack_install (f.v1, f.data_dir, f.store, loader, RAPPORT_PACK_INSTALL_DEFAULT,
                                        &result, problems, &error));
  g_assert_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_OLDER);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Version 1.1 of “Acme Customer Care: Refunds” is installed"));
  g_assert_null (result);
  after = list_tree (f.data_dir);
  g_assert_cmpstr (after, ==, before);
  assert_store_version (&f, "1.1");
  {
    g_autoptr(RapportPack) older = rapport_pack_open (f.v1, loader, NULL, NULL);

    g_assert_cmpint (rapport_pack_get_install_kind (older, f.data_dir, &installed_version_text), ==,
                     RAPPORT_PACK_INSTALL_DOWNGRADE);
  }
  g_assert_cmpstr (installed_version_text, ==, "1.1");

  /* Unless the learner confirms. */
  downgrade = install (&f, f.v1, RAPPORT_PACK_INSTALL_ALLOW_OLDER);
  g_assert_cmpint (downgrade->kind, ==, RAPPORT_PACK_INSTALL_DOWNGRADE);
  g_assert_cmpstr (downgrade->previous_version, ==, "1.1");
  version = installed_version (&f);
  g_assert_cmpstr (version, ==, "1.0");
  assert_store_version (&f, "1.0");

  /* The same version again, from the trainer's folder this time. */
  {
    g_autofree char *fixture = acme_fixture ();

    again = install (&f, fixture, RAPPORT_PACK_INSTALL_DEFAULT);
    g_assert_cmpint (again->kind, ==, RAPPORT_PACK_INSTALL_REINSTALL);
  }
  assert_no_leftovers (&f);
}

static void
assert_n_installed (Installed *f,
                    guint      n)
{
  g_auto(GStrv) folders = rapport_pack_list_installed_folders (f->data_dir);

  g_assert_cmpuint (g_strv_length (folders), ==, n);
}

/* Whether the lesson read and the question to review in the Acme pack are
 * still in the store.
 */
static void
assert_progress (Installed *f,
                 gboolean   kept,
                 GDateTime *later)
{
  g_autoptr(RapportStoreLesson) lesson = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GError) error = NULL;

  lesson = rapport_store_get_lesson (f->store, ACME_ID, "refund-request", "find-the-order", &error);
  g_assert_no_error (error);
  due = rapport_store_list_due_reviews (f->store, later, 0, &error);
  g_assert_no_error (error);
  attempts = rapport_store_list_quiz_attempts (f->store, ACME_ID, "refund-request", &error);
  g_assert_no_error (error);

  if (kept)
    {
      g_assert_nonnull (lesson->completed);
      g_assert_cmpuint (due->len, ==, 1);
      g_assert_cmpuint (attempts->len, ==, 1);
    }
  else
    {
      g_assert_null (lesson->opened);
      g_assert_cmpuint (due->len, ==, 0);
      g_assert_cmpuint (attempts->len, ==, 0);
    }
}

static void
test_archive_remove (void)
{
  g_auto(Installed) f = { 0 };
  g_autoptr(RapportPackInstallResult) first = NULL;
  g_autoptr(RapportPackInstallResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
  g_autofree char *folder = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *junk = NULL;
  g_autoptr(RapportStoreAttempt) attempt = NULL;

  installed_setup (&f);
  folder = g_build_filename (f.data_dir, "packs", ACME_ID, NULL);
  first = install (&f, f.v1, RAPPORT_PACK_INSTALL_DEFAULT);
  g_assert_true (rapport_store_mark_lesson_completed (f.store, ACME_ID, "refund-request", "find-the-order",
                                                      NULL, &error));
  g_assert_true (rapport_store_upsert_review_item (f.store, ACME_ID, "refund-request", "kettle", 1, now,
                                                   &error));
  attempt = rapport_store_attempt_new (ACME_ID, "refund-request", "problem-solving");
  rapport_store_attempt_add_answer (attempt, "kettle", "2", 1, 1, TRUE);
  attempt->score = 100;
  attempt->passed = TRUE;
  g_assert_true (rapport_store_add_quiz_attempt (f.store, attempt, &error));
  g_assert_no_error (error);

  /* A hidden leftover and a stray file are not packs. */
  hidden = g_build_filename (f.data_dir, "packs", ".com.acme.other.install-abc123", NULL);
  junk = g_build_filename (f.data_dir, "packs", "README", NULL);
  g_assert_no_errno (g_mkdir (hidden, 0700));
  write_text (junk, "not a pack");
  assert_n_installed (&f, 1);
  g_assert_no_errno (g_rmdir (hidden));
  g_assert_no_errno (g_remove (junk));

  /* Removed, progress kept for when it comes back. */
  g_assert_true (rapport_pack_remove (ACME_ID, f.data_dir, f.store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  assert_store_version (&f, NULL);
  assert_n_installed (&f, 0);
  assert_progress (&f, TRUE, later);
  assert_no_leftovers (&f);

  /* Removing it again: it is not installed. */
  g_assert_false (rapport_pack_remove (ACME_ID, f.data_dir, f.store, TRUE, &error));
  g_assert_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_NOT_INSTALLED);
  g_clear_error (&error);

  /* Back, with its progress; then removed with it. */
  second = install (&f, f.v1, RAPPORT_PACK_INSTALL_DEFAULT);
  g_assert_cmpint (second->kind, ==, RAPPORT_PACK_INSTALL_NEW);
  assert_progress (&f, TRUE, later);
  g_assert_true (rapport_pack_remove (ACME_ID, f.data_dir, f.store, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  assert_progress (&f, FALSE, later);

  /* Rapport's own course is not a pack to remove. */
  g_assert_false (rapport_pack_remove (RAPPORT_CORE_PACK_ID, f.data_dir, f.store, TRUE, &error));
  g_assert_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_RESERVED);
}

/* A pack cannot take the place of Rapport's own course. */
static void
test_archive_install_reserved (void)
{
  g_auto(Installed) f = { 0 };
  g_autofree char *fixture = acme_fixture ();
  g_autofree char *copy = NULL;
  g_autofree char *manifest_path = NULL;
  g_autofree char *manifest = NULL;
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPackInstallResult) result = NULL;

  installed_setup (&f);
  copy = g_build_filename (f.root, "impostor", NULL);
  copy_tree (fixture, copy);
  manifest_path = g_build_filename (copy, "pack.json", NULL);
  manifest = read_text (manifest_path);
  {
    g_autofree char *impostor = replace_all (manifest, ACME_ID, RAPPORT_CORE_PACK_ID);

    write_text (manifest_path, impostor);
  }

  g_assert_false (rapport_pack_install (copy, f.data_dir, f.store, loader, RAPPORT_PACK_INSTALL_ALLOW_OLDER,
                                        &result, problems, &error));
  g_assert_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_RESERVED);
  g_assert_false (g_file_test (f.data_dir, G_FILE_TEST_EXISTS));
}

/* Installing in two steps, as the app does (files in a worker thread, the
 * store on the main thread): an installation never committed puts back
 * what was there, whether that was nothing or an older version.
 */
static void
test_archive_install_uncommitted (void)
{
  g_auto(Installed) f = { 0 };
  g_autoptr(RapportPackInstallResult) installed = NULL;
  g_autoptr(RapportPackInstallResult) committed = NULL;
  g_autoptr(RapportPack) v1 = NULL;
  g_autoptr(RapportPack) v2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  RapportPackInstallation *installation;

  installed_setup (&f);
  v1 = rapport_pack_open (f.v1, loader, NULL, &error);
  g_assert_no_error (error);
  v2 = rapport_pack_open (f.v2, loader, NULL, &error);
  g_assert_no_error (error);

  /* New: the files are in place before the commit, and gone without it. */
  installation = rapport_pack_install_files (v1, f.data_dir, RAPPORT_PACK_INSTALL_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (installation);
  version = installed_version (&f);
  g_assert_cmpstr (version, ==, "1.0");
  g_clear_pointer (&version, g_free);
  rapport_pack_installation_free (installation);
  assert_n_installed (&f, 0);
  assert_store_version (&f, NULL);
  assert_no_leftovers (&f);

  installed = install (&f, f.v1, RAPPORT_PACK_INSTALL_DEFAULT);

  /* An upgrade not committed: version 1.0 is back. */
  installation = rapport_pack_install_files (v2, f.data_dir, RAPPORT_PACK_INSTALL_DEFAULT, &error);
  g_assert_no_error (error);
  version = installed_version (&f);
  g_assert_cmpstr (version, ==, "1.1");
  g_clear_pointer (&version, g_free);
  rapport_pack_installation_free (installation);
  version = installed_version (&f);
  g_assert_cmpstr (version, ==, "1.0");
  g_clear_pointer (&version, g_free);
  assert_store_version (&f, "1.0");
  assert_no_leftovers (&f);

  /* Committed: the store records it and the old copy is gone. */
  installation = rapport_pack_install_files (v2, f.data_dir, RAPPORT_PACK_INSTALL_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_pack_installation_commit (installation, f.store, &committed, &error));
  g_assert_no_error (error);
  rapport_pack_installation_free (installation);
  g_assert_cmpint (committed->kind, ==, RAPPORT_PACK_INSTALL_UPGRADE);
  g_assert_cmpstr (committed->previous_version, ==, "1.0");
  version = installed_version (&f);
  g_assert_cmpstr (version, ==, "1.1");
  assert_store_version (&f, "1.1");
  assert_no_leftovers (&f);

  /* Going back still needs the learner's word. */
  g_assert_null (rapport_pack_install_files (v1, f.data_dir, RAPPORT_PACK_INSTALL_DEFAULT, &error));
  g_assert_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_OLDER);
}

/* An installed pack whose files were changed or deleted is not loaded; the
 * catalog keeps it as broken, with its problems, for the Packs view.
 */
static void
test_archive_broken_installed (void)
{
  g_auto(Installed) f = { 0 };
  g_autoptr(RapportPackInstallResult) installed = NULL;
  g_autoptr(RapportCatalog) catalog = NULL;
  g_autoptr(RapportBrokenPack) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) folders = NULL;
  g_autofree char *topic_path = NULL;
  g_autofree char *manifest_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *edited = NULL;
  RapportProblem *problem;

  installed_setup (&f);
  installed = install (&f, f.v1, RAPPORT_PACK_INSTALL_DEFAULT);
  topic_path = g_build_filename (installed->folder, "topics", "refund-request.xml", NULL);
  manifest_path = g_build_filename (installed->folder, "pack.json", NULL);

  text = read_text (topic_path);
  edited = replace_all (text, "Find the order first", "Find the order");
  write_text (topic_path, edited);

  catalog = rapport_catalog_new ();
  rapport_catalog_set_loader (catalog, loader);
  folders = rapport_pack_list_installed_folders (f.data_dir);
  g_assert_true (rapport_catalog_load (catalog, (const char * const *) folders, &error));
  g_assert_cmpuint (g_list_model_get_n_items (rapport_catalog_get_packs (catalog)), ==, 0);
  g_assert_null (rapport_catalog_lookup_pack (catalog, ACME_ID));
  g_assert_cmpuint (g_list_model_get_n_items (rapport_catalog_get_broken_packs (catalog)), ==, 1);
  broken = g_list_model_get_item (rapport_catalog_get_broken_packs (catalog), 0);
  g_assert_cmpstr (rapport_broken_pack_get_id (broken), ==, ACME_ID);
  g_assert_cmpstr (rapport_broken_pack_get_folder (broken), ==, installed->folder);
  g_assert_cmpuint (rapport_broken_pack_get_problems (broken)->len, ==, 1);
  problem = rapport_broken_pack_get_problems (broken)->pdata[0];
  g_assert_cmpstr (problem->file, ==, manifest_path);
  g_assert_nonnull (strstr (problem->message, "The SHA-256 checksum of “topics/refund-request.xml” does not match"));

  /* Without pack.json the folder is still listed, and still broken. */
  g_clear_object (&broken);
  g_clear_pointer (&folders, g_strfreev);
  g_assert_no_errno (g_remove (manifest_path));
  folders = rapport_pack_list_installed_folders (f.data_dir);
  g_assert_cmpuint (g_strv_length (folders), ==, 1);
  g_assert_true (rapport_catalog_load (catalog, (const char * const *) folders, &error));
  g_assert_cmpuint (g_list_model_get_n_items (rapport_catalog_get_broken_packs (catalog)), ==, 1);
  broken = g_list_model_get_item (rapport_catalog_get_broken_packs (catalog), 0);
  problem = rapport_broken_pack_get_problems (broken)->pdata[0];
  g_assert_cmpstr (problem->file, ==, manifest_path);

  /* And it can be removed. */
  g_assert_true (rapport_pack_remove (ACME_ID, f.data_dir, f.store, FALSE, &error));
  g_assert_no_error (error);
  assert_n_installed (&f, 0);
}

/* The reader gets a picture back only as the pack has it: checked, with the
 * checksum pack.json gives, and only the pack's own pictures.
 */
static void
test_archive_read_media (void)
{
  g_auto(Installed) f = { 0 };
  g_autoptr(RapportPackInstallResult) installed = NULL;
  g_autoptr(RapportPack) pack = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *png_path = NULL;
  RapportMediaInfo info = { 0 };

  installed_setup (&f);
  installed = install (&f, f.v1, RAPPORT_PACK_INSTALL_DEFAULT);
  pack = rapport_pack_load_folder (installed->folder, loader, NULL, &error);
  g_assert_no_error (error);

  bytes = rapport_pack_read_media (pack, "media/till-receipt.png", &info, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpint (info.type, ==, RAPPORT_MEDIA_PNG);
  g_assert_cmpuint (info.width, ==, 96);
  g_assert_cmpuint (info.height, ==, 64);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = rapport_pack_read_media (pack, "media/refund-steps.svg", &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.type, ==, RAPPORT_MEDIA_SVG);
  g_clear_pointer (&bytes, g_bytes_unref);

  g_assert_null (rapport_pack_read_media (pack, "media/not-there.png", NULL, &error));
  g_assert_nonnull (strstr (error->message, "is not in the pack"));
  g_clear_error (&error);
  g_assert_null (rapport_pack_read_media (pack, "pack.json", NULL, &error));
  g_assert_nonnull (strstr (error->message, "is not in the pack"));
  g_clear_error (&error);

  /* Changed after the pack was loaded. */
  png_path = g_build_filename (installed->folder, "media", "till-receipt.png", NULL);
  write_text (png_path, "\x89PNG\r\n");
  g_assert_null (rapport_pack_read_media (pack, "media/till-receipt.png", NULL, &error));
  g_assert_nonnull (strstr (error->message, "has changed since the pack was installed"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  loader = rapport_unit_new_loader ();

  g_test_add_func ("/rapport/pack-archive/read-valid", test_archive_read_valid);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/rapport/pack-archive/hostile/%s", hostile_cases[i].name);

      g_test_add_data_func (name, &hostile_cases[i], test_archive_hostile);
    }
  g_test_add_func ("/rapport/pack-archive/media", test_archive_media);
  g_test_add_func ("/rapport/pack-archive/build-reproducible", test_archive_build_reproducible);
  g_test_add_func ("/rapport/pack-archive/build-invalid", test_archive_build_invalid);
  g_test_add_func ("/rapport/pack-archive/install-upgrade", test_archive_install_upgrade);
  g_test_add_func ("/rapport/pack-archive/install-older", test_archive_install_older);
  g_test_add_func ("/rapport/pack-archive/remove", test_archive_remove);
  g_test_add_func ("/rapport/pack-archive/install-reserved", test_archive_install_reserved);
  g_test_add_func ("/rapport/pack-archive/install-uncommitted", test_archive_install_uncommitted);
  g_test_add_func ("/rapport/pack-archive/broken-installed", test_archive_broken_installed);
  g_test_add_func ("/rapport/pack-archive/read-media", test_archive_read_media);

  return rapport_unit_run (loader, NULL);
}
