/* test-journal-io.c: exporting the journal as Markdown and JSON, importing JSON
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "rapport-journal-io.h"
#include "rapport-skill.h"
#include "rapport-store-private.h"
#include "rapport-unit-utils.h"

/* Helpers */

/* A store of its own for each @name, in the test's data folder. */
static RapportStore *
open_store (const char *name)
{
  g_autofree char *path = g_build_filename (name, "progress.db", NULL);

  return rapport_unit_open_store (path);
}

static GPtrArray *
list_all (RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  RapportStoreJournalQuery query = { .limit = 100000 };
  GPtrArray *entries = rapport_store_list_journal_entries (store, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);

  return entries;
}

static guint
count_entries (RapportStore *store)
{
  g_autoptr(GPtrArray) entries = list_all (store);

  return entries->len;
}

static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (g_date_time_to_unix (a), ==, g_date_time_to_unix (b));
}

static void
assert_same_entry (const RapportStoreEntry *a,
                   const RapportStoreEntry *b)
{
  g_assert_cmpstr (a->uuid, ==, b->uuid);
  assert_same_time (a->created, b->created);
  assert_same_time (a->occurred, b->occurred);
  assert_same_time (a->updated, b->updated);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->situation, ==, b->situation);
  g_assert_cmpstr (a->went_well, ==, b->went_well);
  g_assert_cmpstr (a->try_next, ==, b->try_next);
  g_assert_true (g_strv_equal ((const char * const *) a->tags, (const char * const *) b->tags));
  g_assert_cmpuint (a->ratings->len, ==, b->ratings->len);
  for (guint i = 0; i < a->ratings->len; i++)
    {
      const RapportStoreRating *rating = &g_array_index (a->ratings, RapportStoreRating, i);

      g_assert_cmpint (rapport_store_entry_get_rating (b, rating->skill_key), ==, rating->rating);
    }
}

static void
assert_same_journal (RapportStore *a,
                     RapportStore *b)
{
  g_autoptr(GPtrArray) ea = list_all (a);
  g_autoptr(GPtrArray) eb = list_all (b);

  g_assert_cmpuint (ea->len, ==, eb->len);
  for (guint i = 0; i < ea->len; i++)
    assert_same_entry (g_ptr_array_index (ea, i), g_ptr_array_index (eb, i));
}

/* A journal with what is hard to carry: every skill, unicode, quotes,
 * backslashes, control characters, line breaks, long text, empty fields.
 */
static void
fill_store (RapportStore *store)
{
  g_autoptr(GDateTime) day1 = g_date_time_new_utc (2024, 2, 29, 9, 15, 30);
  g_autoptr(GDateTime) day2 = g_date_time_new_utc (2025, 12, 31, 23, 59, 59);
  g_autoptr(GDateTime) day3 = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 3, 1, 8, 0, 0);
  g_autoptr(RapportStoreEntry) rich = NULL;
  g_autoptr(RapportStoreEntry) long_text = NULL;
  g_autoptr(RapportStoreEntry) empty = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  const char *tags[] = { "phone", "Ümlaut-ß", "a,b", "quote \"x\"", "日本語", "", NULL };

  rich = rapport_unit_new_entry ("Gespräch mit Frau Müller — “quoted” \"plain\" \\ back\\slash 🙂", day1);
  rich->created = g_date_time_ref (created);
  g_free (rich->situation);
  rich->situation = g_strdup ("Line one\nLine two\r\n\ttabbed\n\nNew paragraph\x01 ctrl");
  g_free (rich->went_well);
  rich->went_well = g_strdup ("Ich habe ruhig gesprochen. 我保持冷静。 مرحبا");
  g_free (rich->try_next);
  rich->try_next = g_strdup ("{\"json\": [1, 2]} </script> ' OR 1=1; --");
  rapport_store_entry_set_tags (rich, tags);
  for (guint i = 0; i < rapport_skill_get_count (); i++)
    rapport_store_entry_set_rating (rich, rapport_skill_get_nth (i)->key, 1 + (int) i % 5);
  rapport_unit_save_entry (store, rich);

  while (big->len < 100 * 1024)
    g_string_append (big, "Ein langer Text über einen schwierigen Anruf, Zeile für Zeile.\n");
  long_text = rapport_unit_new_entry ("Long", day2);
  g_free (long_text->situation);
  long_text->situation = g_strdup (big->str);
  g_free (long_text->went_well);
  long_text->went_well = g_strdup (big->str);
  g_free (long_text->try_next);
  long_text->try_next = g_strdup (big->str);
  rapport_store_entry_set_rating (long_text, "empathy", 5);
  rapport_unit_save_entry (store, long_text);

  /* Only the required fields. */
  empty = rapport_unit_new_entry ("", day3);
  rapport_unit_save_entry (store, empty);
}

static void
assert_import_refused (RapportStore *store,
                       const char   *json,
                       gssize        length,
                       int           code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint before = count_entries (store);
  guint added = 99;
  guint skipped = 99;

  bytes = g_bytes_new (json, length >= 0 ? (gsize) length : strlen (json));
  g_assert_false (rapport_journal_import_json (store, bytes, "hostile.json", &added, &skipped,
                                               &error));
  g_assert_error (error, RAPPORT_JOURNAL_IO_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "hostile.json"));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 0);
  g_assert_cmpuint (count_entries (store), ==, before);
}

#define HEADER \
  "{\"format\": \"rapport-journal\", \"version\": 1, \"exported\": \"2026-03-01T10:00:00Z\",\n" \
  " \"entries\": [\n"
#define UUID_A "0b8e3c1a-2f4d-4e6b-8a9c-1d2e3f4a5b6c"
#define UUID_B "7c6b5a4f-3e2d-4c1b-9a8f-7e6d5c4b3a29"
#define ENTRY_A \
  "{\"uuid\": \"" UUID_A "\", \"created\": \"2026-02-01T10:00:00Z\"," \
  " \"occurred\": \"2026-02-01T09:00:00+01:00\", \"updated\": \"2026-02-02T10:00:00Z\"," \
  " \"title\": \"A\", \"situation\": \"s\", \"went_well\": \"w\", \"try_next\": \"t\"," \
  " \"tags\": [\"x\"], \"ratings\": {\"empathy\": 4}}"

static char *
file_with (const char *entry)
{
  return g_strdup_printf (HEADER "%s%s\n]}\n", ENTRY_A, entry != NULL ? entry : "");
}

/* Entry B with one member's JSON value replaced (or added when new). */
static char *
file_with_b (const char *member,
             const char *value)
{
  const char *names[] = { "uuid", "created", "occurred", "updated", "title", "situation",
                          "went_well", "try_next", "tags", "ratings", NULL };
  const char *values[] = { "\"" UUID_B "\"", "\"2026-02-03T10:00:00Z\"",
                           "\"2026-02-03T10:00:00Z\"", "\"2026-02-03T10:00:00Z\"", "\"B\"",
                           "\"\"", "\"\"", "\"\"", "[]", "{\"assertiveness\": 2}", NULL };
  g_autoptr(GString) entry = g_string_new (",\n{");
  gboolean found = FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean this = g_str_equal (names[i], member);

      found |= this;
      if (this && value == NULL)
        continue;
      g_string_append_printf (entry, "%s\"%s\": %s", entry->len > 3 ? ", " : "", names[i],
                              this ? value : values[i]);
    }
  if (!found)
    g_string_append_printf (entry, ", \"%s\": %s", member, value);
  g_string_append (entry, "}");

  return file_with (entry->str);
}

/* Tests */

static void
test_round_trip (void)
{
  g_autoptr(RapportStore) source = open_store ("source");
  g_autoptr(RapportStore) target = open_store ("target");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rapport_unit_scratch_path ("journal.json");
  g_autofree char *json = NULL;
  guint added = 0, skipped = 0;

  fill_store (source);

  g_assert_true (rapport_journal_export_json (source, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
  g_assert_true (g_str_has_prefix (json, "{\n  \"format\" : \"rapport-journal\",\n"));
  g_assert_nonnull (strstr (json, "\"version\" : 1,"));
  g_assert_nonnull (strstr (json, "\"occurred\" : \"2024-02-29T09:15:30Z\""));
  g_assert_nonnull (strstr (json, "\"created\" : \"2024-03-01T08:00:00Z\""));

  g_assert_true (rapport_journal_import_json_file (target, path, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);
  g_assert_cmpuint (skipped, ==, 0);

  /* Every field, including created and updated, as the source has it. */
  assert_same_journal (source, target);
}

static void
test_reimport_same_store (void)
{
  g_autoptr(RapportStore) store = open_store ("store");
  g_autoptr(RapportStore) copy = open_store ("copy");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 6, 1, 12, 0, 0);
  g_autoptr(RapportStoreEntry) only_here = rapport_unit_new_entry ("Only in the store", later);
  char *json;
  guint added = 99, skipped = 99;

  fill_store (store);
  json = rapport_journal_to_json (store, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (json, strlen (json));

  /* An entry written after the export is kept. */
  rapport_unit_save_entry (store, only_here);
  g_assert_true (rapport_journal_import_json (copy, bytes, "journal.json", NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (rapport_journal_import_json (store, bytes, "journal.json", &added, &skipped,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 3);
  g_assert_cmpuint (count_entries (store), ==, 4);
  g_assert_true (rapport_store_delete_journal_entry (store, only_here->uuid, &error));
  assert_same_journal (store, copy);

  /* And again into the copy: nothing added, nothing lost. */
  g_assert_true (rapport_journal_import_json (copy, bytes, "journal.json", &added, &skipped,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 3);
  assert_same_journal (store, copy);
}

static gboolean
import_text (RapportStore *store,
             const char   *json,
             guint        *added,
             guint        *skipped)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  gboolean ok = rapport_journal_import_json (store, bytes, "journal.json", added, skipped,
                                             &error);

  g_assert_no_error (error);

  return ok;
}

static void
test_newer_replaces (void)
{
  g_autoptr(RapportStore) store = open_store ("store");
  g_autoptr(RapportStoreEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = file_with (NULL);
  g_autofree char *newer = NULL;
  g_autofree char *older = NULL;
  g_autofree char *same_newer_stamp = NULL;
  guint added, skipped;

  g_assert_true (import_text (store, first, &added, &skipped));
  g_assert_cmpuint (added, ==, 1);

  /* Changed and edited later: replaces the entry, ratings and tags too. */
  newer = g_strdup_printf (HEADER "{\"uuid\": \"" UUID_A "\", \"created\": \"2026-02-01T10:00:00Z\","
                           " \"occurred\": \"2026-02-01T08:30:00Z\", \"updated\": \"2026-02-05T10:00:00Z\","
                           " \"title\": \"A, edited\", \"situation\": \"s2\", \"tags\": [\"y\", \"z\"],"
                           " \"ratings\": {\"empathy\": 2, \"active-listening\": 5}}]}");
  g_assert_true (import_text (store, newer, &added, &skipped));
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (skipped, ==, 0);
  g_assert_cmpuint (count_entries (store), ==, 1);

  entry = rapport_store_get_journal_entry (store, UUID_A, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->title, ==, "A, edited");
  g_assert_cmpstr (entry->situation, ==, "s2");
  g_assert_cmpstr (entry->went_well, ==, "");
  g_assert_cmpint (g_date_time_get_hour (entry->occurred), ==, 8);
  g_assert_cmpint (g_date_time_get_day_of_month (entry->updated), ==, 5);
  g_assert_cmpint (rapport_store_entry_get_rating (entry, "empathy"), ==, 2);
  g_assert_cmpint (rapport_store_entry_get_rating (entry, "active-listening"), ==, 5);
  g_assert_cmpuint (g_strv_length (entry->tags), ==, 2);
  g_clear_pointer (&entry, rapport_store_entry_free);

  /* The old version again: the newer edit here wins. */
  g_assert_true (import_text (store, first, &added, &skipped));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 1);

  /* Changed, but stamped before the entry here was last edited. */
  older = g_strdup_printf (HEADER "{\"uuid\": \"" UUID_A "\", \"created\": \"2026-02-01T10:00:00Z\","
                           " \"occurred\": \"2026-02-01T08:30:00Z\", \"updated\": \"2026-02-04T10:00:00Z\","
                           " \"title\": \"Stale\"}]}");
  g_assert_true (import_text (store, older, &added, &skipped));
  g_assert_cmpuint (skipped, ==, 1);

  /* Same content with a later stamp: nothing to change. */
  same_newer_stamp = g_strdup_printf (HEADER "{\"uuid\": \"" UUID_A "\","
                                      " \"created\": \"2026-02-01T10:00:00Z\","
                                      " \"occurred\": \"2026-02-01T08:30:00Z\","
                                      " \"updated\": \"2027-01-01T00:00:00Z\","
                                      " \"title\": \"A, edited\", \"situation\": \"s2\","
                                      " \"tags\": [\"y\", \"z\"],"
                                      " \"ratings\": {\"active-listening\": 5, \"empathy\": 2}}]}");
  g_assert_true (import_text (store, same_newer_stamp, &added, &skipped));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 1);

  entry = rapport_store_get_journal_entry (store, UUID_A, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->title, ==, "A, edited");
  g_assert_cmpint (g_date_time_get_day_of_month (entry->updated), ==, 5);
}

static void
test_hostile (void)
{
  g_autoptr(RapportStore) store = open_store ("store");
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) deep_in_entry = NULL;
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autofree char *huge_title = NULL;
  g_autofree char *huge_text = NULL;
  g_autofree char *too_big = NULL;
  g_autofree char *valid = file_with (NULL);
  g_autofree char *garbage = NULL;
  g_autofree char *two_docs = NULL;
  guint added, skipped;
  const struct
  {
    const char *member;
    const char *value;    /* NULL: leave the member out */
  } bad_members[] = {
    { "uuid", NULL },
    { "uuid", "\"not-a-uuid\"" },
    { "uuid", "\"0b8e3c1a2f4d4e6b8a9c1d2e3f4a5b6c\"" },
    { "uuid", "42" },
    { "uuid", "\"" UUID_A "\"" },                 /* twice in the file */
    { "created", NULL },
    { "occurred", "\"yesterday\"" },
    { "occurred", "\"2026-02-30T10:00:00Z\"" },
    { "occurred", "\"2026-02-03T10:00:00\"" },    /* no time zone */
    { "occurred", "\"2026-02-03\"" },
    { "updated", "1767225600" },
    { "title", "5" },
    { "title", "null" },
    { "title", "[\"a\"]" },
    { "situation", "{}" },
    { "tags", "\"phone\"" },
    { "tags", "[1]" },
    { "tags", "[[\"a\"]]" },
    { "ratings", "[4]" },
    { "ratings", "{\"empathy\": 0}" },
    { "ratings", "{\"empathy\": 6}" },
    { "ratings", "{\"empathy\": -1}" },
    { "ratings", "{\"empathy\": 4.5}" },
    { "ratings", "{\"empathy\": 4.0}" },
    { "ratings", "{\"empathy\": \"4\"}" },
    { "ratings", "{\"empathy\": true}" },
    { "ratings", "{\"empathy\": 99999999999999999999}" },
    { "ratings", "{\"telepathy\": 3}" },
    { "ratings", "{\"\": 3}" },
    { "ratings", "{\"empathy\": 3, \"empathy\": 4}" },
    { "mood", "\"happy\"" },
  };
  const char *bad_files[] = {
    "",
    "   \n",
    "not json",
    "\x89PNG\r\n\x1a\n",
    "{\"format\": \"rapport-journal\"",
    "[]",
    "\"rapport-journal\"",
    "{}",
    "{\"format\": \"something-else\", \"version\": 1, \"exported\": \"2026-03-01T10:00:00Z\", "
    "\"entries\": []}",
    "{'format': 'rapport-journal'}",
    "{\"format\": \"rapport-journal\", \"version\": \"1\", \"exported\": \"2026-03-01T10:00:00Z\", "
    "\"entries\": []}",
    "{\"format\": \"rapport-journal\", \"version\": 0, \"exported\": \"2026-03-01T10:00:00Z\", "
    "\"entries\": []}",
    "{\"format\": \"rapport-journal\", \"version\": 1, \"exported\": \"2026-03-01T10:00:00Z\", "
    "\"entries\": {}}",
    "{\"format\": \"rapport-journal\", \"version\": 1, \"exported\": \"2026-03-01T10:00:00Z\", "
    "\"entries\": [1]}",
    "{\"format\": \"rapport-journal\", \"version\": 1, \"entries\": []}",
    "{\"format\": \"rapport-journal\", \"version\": 1, \"exported\": \"now\", \"entries\": []}",
    "{\"format\": \"rapport-journal\", \"version\": 1, \"exported\": \"2026-03-01T10:00:00Z\", "
    "\"entries\": [], \"extra\": true}",
    "{\"format\": \"rapport-journal\", \"version\": 1, \"exported\": \"2026-03-01T10:00:00Z\", "
    "\"entries\": [],}",
  };

  /* Something to lose. */
  g_assert_true (import_text (store, valid, &added, &skipped));
  g_assert_cmpuint (count_entries (store), ==, 1);
  g_assert_true (rapport_store_delete_journal_entry (store, UUID_A, NULL));
  g_assert_cmpuint (count_entries (store), ==, 0);
  {
    g_autoptr(GDateTime) when = g_date_time_new_utc (2025, 1, 1, 12, 0, 0);
    g_autoptr(RapportStoreEntry) kept = rapport_unit_new_entry ("Kept", when);

    rapport_unit_save_entry (store, kept);
  }

  /* The file is refused as a whole, so entry A (valid) is not added either. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_members); i++)
    {
      g_autofree char *json = file_with_b (bad_members[i].member, bad_members[i].value);

      g_test_message ("%s: %s", bad_members[i].member,
                      bad_members[i].value != NULL ? bad_members[i].value : "(missing)");
      assert_import_refused (store, json, -1, RAPPORT_JOURNAL_IO_ERROR_INVALID);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    assert_import_refused (store, bad_files[i], -1, RAPPORT_JOURNAL_IO_ERROR_INVALID);

  /* Made by a newer Rapport: said so. */
  assert_import_refused (store,
                         "{\"format\": \"rapport-journal\", \"version\": 2, "
                         "\"exported\": \"2030-01-01T00:00:00Z\", \"entries\": []}",
                         -1, RAPPORT_JOURNAL_IO_ERROR_TOO_NEW);

  /* Deep nesting, alone (json-glib 1.6 would overflow its stack) and inside an entry. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  assert_import_refused (store, deep->str, -1, RAPPORT_JOURNAL_IO_ERROR_INVALID);
  deep_in_entry = g_string_new (NULL);
  g_string_append (deep_in_entry, deep->str);
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep_in_entry, ']');
  {
    g_autofree char *json = file_with_b ("tags", deep_in_entry->str);

    assert_import_refused (store, json, -1, RAPPORT_JOURNAL_IO_ERROR_INVALID);
  }

  /* Huge strings: over the field limits, and a file over the file limit. */
  g_string_append_c (huge, '"');
  for (guint i = 0; i <= RAPPORT_JOURNAL_MAX_TEXT; i++)
    g_string_append_c (huge, 'x');
  g_string_append_c (huge, '"');
  huge_text = file_with_b ("situation", huge->str);
  assert_import_refused (store, huge_text, -1, RAPPORT_JOURNAL_IO_ERROR_INVALID);
  g_string_truncate (huge, RAPPORT_JOURNAL_MAX_TITLE + 2);
  g_string_append_c (huge, '"');
  huge_title = file_with_b ("title", huge->str);
  assert_import_refused (store, huge_title, -1, RAPPORT_JOURNAL_IO_ERROR_INVALID);
  {
    g_autofree char *tag = g_strnfill (RAPPORT_JOURNAL_MAX_TAG + 1, 't');
    g_autofree char *tags = g_strdup_printf ("[\"%s\"]", tag);
    g_autofree char *json = file_with_b ("tags", tags);

    assert_import_refused (store, json, -1, RAPPORT_JOURNAL_IO_ERROR_INVALID);
  }

  too_big = g_malloc (RAPPORT_JOURNAL_MAX_FILE_SIZE + 2);
  memset (too_big, ' ', RAPPORT_JOURNAL_MAX_FILE_SIZE + 1);
  memcpy (too_big, valid, strlen (valid));
  too_big[RAPPORT_JOURNAL_MAX_FILE_SIZE + 1] = '\0';
  assert_import_refused (store, too_big, RAPPORT_JOURNAL_MAX_FILE_SIZE + 1,
                         RAPPORT_JOURNAL_IO_ERROR_TOO_LARGE);

  /* Trailing garbage, and a second document json-glib would quietly read. */
  garbage = g_strconcat (valid, "xyz", NULL);
  assert_import_refused (store, garbage, -1, RAPPORT_JOURNAL_IO_ERROR_INVALID);
  two_docs = g_strconcat (valid, valid, NULL);
  assert_import_refused (store, two_docs, -1, RAPPORT_JOURNAL_IO_ERROR_INVALID);

  /* A NUL byte, and text that is not UTF-8. */
  assert_import_refused (store, valid, strlen (valid) + 1, RAPPORT_JOURNAL_IO_ERROR_INVALID);
  {
    g_autofree char *latin1 = file_with_b ("title", "\"Gespr\xe4" "ch\"");

    assert_import_refused (store, latin1, -1, RAPPORT_JOURNAL_IO_ERROR_INVALID);
  }

  g_assert_cmpuint (count_entries (store), ==, 1);
}

/* Where a user has to look: the file, the entry and its line. */
static void
test_error_names_place (void)
{
  g_autoptr(RapportStore) store = open_store ("store");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *json = file_with_b ("ratings", "{\n\"empathy\": 6}");

  /* Line 1 header, 2 "entries", 3 entry A, 4 entry B, 5 the rating. */
  bytes = g_bytes_new (json, strlen (json));
  g_assert_false (rapport_journal_import_json (store, bytes, "mine.json", NULL, NULL, &error));
  g_assert_error (error, RAPPORT_JOURNAL_IO_ERROR, RAPPORT_JOURNAL_IO_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Could not import “mine.json”. Entry 2 (line 5): "
                   "The rating for “empathy” must be a whole number from 1 to 5.");
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_free (json);

  json = file_with_b ("occurred", "\"2026-02-03 10:00\"");
  bytes = g_bytes_new (json, strlen (json));
  g_assert_false (rapport_journal_import_json (store, bytes, "mine.json", NULL, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message,
                                   "Could not import “mine.json”. Entry 2 (line 4): "
                                   "“occurred” is not a date"));
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  g_free (json);
  json = g_strdup ("{\"format\": \"rapport-journal\",\n\n \"version\": 1,,}");
  bytes = g_bytes_new (json, strlen (json));
  g_assert_false (rapport_journal_import_json (store, bytes, "mine.json", NULL, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "Could not import “mine.json”. Line 3: "));
}

/* The import is one transaction: a store failure on the last entry leaves
 * none of the others behind.
 */
static void
test_all_or_nothing (void)
{
  g_autoptr(RapportStore) store = open_store ("store");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *json = file_with_b ("title", "\"boom\"");
  guint added = 99;

  g_assert_cmpint (sqlite3_exec (rapport_store_get_connection (store),
                                 "CREATE TEMP TRIGGER fail_boom BEFORE INSERT ON journal_entry"
                                 " WHEN new.title = 'boom' BEGIN SELECT RAISE (ABORT, 'boom'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  bytes = g_bytes_new (json, strlen (json));
  g_assert_false (rapport_journal_import_json (store, bytes, "journal.json", &added, NULL,
                                               &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "journal.json"));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (count_entries (store), ==, 0);
  g_clear_error (&error);

  /* The store still works afterwards. */
  g_assert_cmpint (sqlite3_exec (rapport_store_get_connection (store), "DROP TRIGGER fail_boom",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (rapport_journal_import_json (store, bytes, "journal.json", &added, NULL,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
}

static void
test_markdown (void)
{
  g_autoptr(RapportStore) store = open_store ("store");
  g_autoptr(GDateTime) march = g_date_time_new_utc (2026, 3, 3, 14, 5, 0);
  g_autoptr(GDateTime) february = g_date_time_new_utc (2026, 2, 27, 9, 30, 0);
  g_autoptr(RapportStoreEntry) hostile = rapport_unit_new_entry ("Refund *urgent* #1 _now_ [x](y) <b>", march);
  g_autoptr(RapportStoreEntry) plain = rapport_unit_new_entry ("", february);
  g_autoptr(GError) error = NULL;
  g_autofree char *md = NULL;
  g_autofree char *path = rapport_unit_scratch_path ("journal.md");
  g_autofree char *file = NULL;
  const char *tags[] = { "phone", "follow_up", NULL };
  const char *march_pos, *february_pos;

  g_free (hostile->situation);
  hostile->situation = g_strdup ("First line\nsecond line\n\n- not a list\n1. not numbered\n"
                                 "# not a heading\n> not a quote\n    not code\n---\n"
                                 "`code` ~strike~ a|b \\ &amp; & done");
  g_free (hostile->went_well);
  hostile->went_well = g_strdup ("I listened.");
  g_free (hostile->try_next);
  hostile->try_next = g_strdup ("Call back by 5 pm.");
  rapport_store_entry_set_tags (hostile, tags);
  rapport_store_entry_set_rating (hostile, "empathy", 4);
  rapport_store_entry_set_rating (hostile, "business-writing", 2);
  rapport_store_entry_set_rating (hostile, "communication", 5);
  rapport_unit_save_entry (store, hostile);

  g_free (plain->went_well);
  plain->went_well = g_strdup ("Only this.");
  rapport_unit_save_entry (store, plain);

  md = rapport_journal_to_markdown (store, &error);
  g_assert_no_error (error);
  g_test_message ("%s", md);

  g_assert_true (g_str_has_prefix (md, "# Reflection Journal\n\n"
                                      "2 entries, exported from Rapport on "));

  /* Newest first, grouped by month. */
  march_pos = strstr (md, "\n## March 2026\n");
  february_pos = strstr (md, "\n## February 2026\n");
  g_assert_nonnull (march_pos);
  g_assert_nonnull (february_pos);
  g_assert_true (march_pos < february_pos);

  g_assert_nonnull (strstr (md, "\n### Refund \\*urgent\\* \\#1 \\_now\\_ \\[x\\](y) &lt;b>\n\n"
                                "Tuesday, 3 March 2026, 14:05\n"));
  /* Ratings in the course's order, with translated skill titles. */
  g_assert_nonnull (strstr (md, "\n- Effective Communication: 5/5\n"
                                "- Empathy: 4/5\n"
                                "- Business & Email Writing: 2/5\n"));
  g_assert_nonnull (strstr (md, "\nTags: phone, follow\\_up\n"));
  g_assert_nonnull (strstr (md, "\n#### Situation\n\nFirst line  \nsecond line\n\n"
                                "\\- not a list  \n1\\. not numbered  \n\\# not a heading  \n"
                                "\\> not a quote  \nnot code  \n\\---  \n"
                                "\\`code\\` \\~strike\\~ a\\|b \\\\ &amp;amp; & done\n"));
  g_assert_nonnull (strstr (md, "\n#### What went well\n\nI listened.\n"));
  g_assert_nonnull (strstr (md, "\n#### What to try next\n\nCall back by 5 pm.\n"));

  /* An entry without a title or ratings, and empty sections left out. */
  g_assert_nonnull (strstr (md, "\n### Untitled entry\n\nFriday, 27 February 2026, 09:30\n\n"
                                "#### What went well\n\nOnly this.\n"));
  g_assert_null (strstr (february_pos, "Situation"));

  g_assert_true (rapport_journal_export_markdown (store, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &file, NULL, NULL));
  g_assert_true (g_str_has_prefix (file, "# Reflection Journal\n"));
}

static void
test_file_modes (void)
{
  g_autoptr(RapportStore) store = open_store ("store");
  g_autoptr(GError) error = NULL;
  g_autofree char *md = rapport_unit_scratch_path ("journal.md");
  g_autofree char *json = rapport_unit_scratch_path ("journal.json");
  g_autofree char *dir = g_path_get_dirname (md);
  g_autofree char *old = NULL;
  g_autoptr(GDir) gdir = NULL;
  const char *name;
  guint n_files = 0;

  fill_store (store);

  /* A file the user's umask made readable by everyone is replaced, not reused. */
  g_assert_true (g_file_set_contents_full (json, "old", 3, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
  g_assert_no_errno (g_chmod (json, 0644));

  g_assert_true (rapport_journal_export_markdown (store, md, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_journal_export_json (store, json, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (rapport_unit_mode_of (md), ==, 0600);
  g_assert_cmpuint (rapport_unit_mode_of (json), ==, 0600);
  g_assert_true (g_file_get_contents (json, &old, NULL, NULL));
  g_assert_true (g_str_has_prefix (old, "{"));

  /* No temporary files left beside them. */
  gdir = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (gdir)) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);

  /* A folder that does not exist: an error, not a crash. */
  {
    g_autofree char *missing = rapport_unit_scratch_path ("no/such/folder.json");

    g_assert_false (rapport_journal_export_json (store, missing, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "folder.json"));
  }
}

static void
test_empty_journal (void)
{
  g_autoptr(RapportStore) store = open_store ("store");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *md = NULL;
  char *json;
  guint added = 99, skipped = 99;

  md = rapport_journal_to_markdown (store, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (md, "# Reflection Journal\n\n0 entries, exported"));

  json = rapport_journal_to_json (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"entries\" : []"));
  bytes = g_bytes_new_take (json, strlen (json));
  g_assert_true (rapport_journal_import_json (store, bytes, "empty.json", &added, &skipped,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* Dates in the Markdown are local time; make local time known. */
  g_setenv ("TZ", "UTC", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/rapport/journal-io/round-trip", test_round_trip);
  g_test_add_func ("/rapport/journal-io/reimport", test_reimport_same_store);
  g_test_add_func ("/rapport/journal-io/newer-replaces", test_newer_replaces);
  g_test_add_func ("/rapport/journal-io/hostile", test_hostile);
  g_test_add_func ("/rapport/journal-io/error-names-place", test_error_names_place);
  g_test_add_func ("/rapport/journal-io/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/rapport/journal-io/markdown", test_markdown);
  g_test_add_func ("/rapport/journal-io/file-modes", test_file_modes);
  g_test_add_func ("/rapport/journal-io/empty-journal", test_empty_journal);

  return g_test_run ();
}
