/* test-store.c: the progress store (SQLite)
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rapport-skill.h"
#include "rapport-store-private.h"
#include "rapport-unit-utils.h"

/* Helpers */

static char *
store_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapport", "progress.db", NULL);
}

static char *
backup_dir_for (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_build_filename (dir, "backups", NULL);
}

static GDateTime *
utc (int y, int mo, int d, int h, int mi)
{
  return g_date_time_new_utc (y, mo, d, h, mi, 0);
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return result;
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);

  return db;
}

static void
assert_integrity_ok (const char *path)
{
  sqlite3 *db = open_raw (path);
  g_autofree char *result = query_text (db, "PRAGMA integrity_check");

  g_assert_cmpstr (result, ==, "ok");
  sqlite3_close (db);
}

static void
load_fixture (const char *name,
              const char *path)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "store", name,
                                                    NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));

  db = open_raw (path);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
save_new_entry (RapportStore *store,
                const char   *title,
                const char   *situation)
{
  g_autoptr(RapportStoreEntry) entry = rapport_unit_new_entry (title, NULL);

  g_free (entry->situation);
  entry->situation = g_strdup (situation);
  rapport_store_entry_set_rating (entry, "empathy", 3);
  rapport_unit_save_entry (store, entry);

  return g_strdup (entry->uuid);
}

static guint
count_files_matching (const char *dir,
                      const char *pattern)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  g_autoptr(GPatternSpec) spec = g_pattern_spec_new (pattern);
  const char *name;
  guint n = 0;

  while (gdir != NULL && (name = g_dir_read_name (gdir)) != NULL)
    {
      if (g_pattern_spec_match_string (spec, name))
        n++;
    }

  return n;
}

static char *
find_file_matching (const char *dir,
                    const char *pattern)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  g_autoptr(GPatternSpec) spec = g_pattern_spec_new (pattern);
  const char *name;

  while (gdir != NULL && (name = g_dir_read_name (gdir)) != NULL)
    {
      if (g_pattern_spec_match_string (spec, name))
        return g_build_filename (dir, name, NULL);
    }

  return NULL;
}

static void
overwrite (const char *path,
           goffset     offset,
           gsize       length,
           guint8      byte)
{
  g_autofree guint8 *junk = g_malloc (length);
  int fd;

  for (gsize i = 0; i < length; i++)
    junk[i] = byte ^ (guint8) (i * 7);

  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, length, offset), ==, (gssize) length);
  close (fd);
}

/* Opening: files, modes, pragmas */

static void
test_store_new_file_private (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_new (&error);
  g_autofree char *path = store_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *backups = backup_dir_for (path);
  g_autofree char *mode = NULL;
  g_autofree char *uuid = NULL;
  sqlite3 *db;

  g_assert_no_error (error);
  g_assert_cmpstr (rapport_store_get_path (store), ==, path);
  g_assert_cmpint (rapport_store_get_recovery (store), ==, RAPPORT_STORE_RECOVERY_NONE);
  g_assert_null (rapport_store_get_recovery_notice (store));

  g_assert_cmpuint (rapport_unit_mode_of (dir), ==, 0700);
  g_assert_cmpuint (rapport_unit_mode_of (path), ==, 0600);

  uuid = save_new_entry (store, "first", "");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (rapport_unit_mode_of (wal), ==, 0600);

  db = rapport_store_get_connection (store);
  mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (rapport_unit_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (rapport_unit_query_int (db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (rapport_unit_query_int (db, "PRAGMA busy_timeout"), >, 0);
  g_assert_cmpint (rapport_unit_query_int (db, "PRAGMA user_version"), ==, RAPPORT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (rapport_unit_query_int (db, "PRAGMA application_id"), ==, RAPPORT_STORE_APPLICATION_ID);

  /* A brand-new store has nothing worth a backup yet. */
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

/* Files left readable by others (an older version, a copy, the user) become
 * private again on open.
 */
static void
test_store_tightens_modes (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(RapportStore) store = NULL;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  g_assert_no_errno (g_chmod (dir, 0755));
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_no_errno (g_chmod (path, 0644));

  store = rapport_unit_open_store (path);
  g_assert_cmpuint (rapport_unit_mode_of (dir), ==, 0700);
  g_assert_cmpuint (rapport_unit_mode_of (path), ==, 0600);
}

/* Migrations */

static void
check_fixture_data (RapportStore *store,
                    gboolean      has_v2_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStoreEntry) first = NULL;
  g_autoptr(RapportStoreEntry) second = NULL;
  g_autoptr(RapportStoreAttempt) attempt = NULL;
  g_autoptr(RapportStoreLesson) lesson = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(RapportStoreTopicSummary) summary = NULL;
  g_auto(GStrv) completed = NULL;
  g_autofree char *draft = NULL;
  RapportStoreJournalQuery query = { .search = "refund" };
  const RapportStoreAnswer *answer;

  first = rapport_store_get_journal_entry (store, "6f1c0a52-3d7e-4d8a-9a57-0b7d3c1e2f41",
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->title, ==, "Angry caller about a refund");
  g_assert_cmpstr (first->try_next, ==, "Offer a callback time instead of \"soon\".");
  g_assert_cmpint (g_date_time_to_unix (first->occurred), ==, 1700001900);
  g_assert_cmpint (g_date_time_to_unix (first->created), ==, 1700002000);
  g_assert_cmpint (rapport_store_entry_get_rating (first, "empathy"), ==, 4);
  g_assert_cmpint (rapport_store_entry_get_rating (first, "active-listening"), ==, 3);
  if (has_v2_data)
    {
      const char * const tags[] = { "refund", "phone", NULL };

      g_assert_cmpstrv (first->tags, tags);
    }
  else
    {
      g_assert_cmpuint (g_strv_length (first->tags), ==, 0);
    }

  second = rapport_store_get_journal_entry (store, "b2a4e9d0-8c61-4f3b-a0d5-5e2c7f9a1b36",
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->title, ==, "Café order mix-up — naïve promise");

  /* Full-text search covers the entries written before it existed. */
  found = rapport_store_list_journal_entries (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  query.search = "cafe naive";
  found = rapport_store_list_journal_entries (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);

  /* Version 3 copied the entries' times into the ratings for the chart. */
  points = rapport_store_get_skill_points (store, "empathy", RAPPORT_STORE_SERIES_SELF_RATING,
                                           NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 2);
  g_assert_cmpint (g_date_time_to_unix (((RapportStorePoint *) points->pdata[0])->time),
                   ==, 1700001900);
  g_assert_cmpint (g_date_time_to_unix (((RapportStorePoint *) points->pdata[1])->time),
                   ==, 1700086400);

  attempt = rapport_store_get_quiz_attempt (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (attempt->score, ==, 80.0);
  g_assert_true (attempt->passed);
  g_assert_cmpuint (attempt->answers->len, ==, 2);
  answer = g_ptr_array_index (attempt->answers, 1);
  g_assert_cmpstr (answer->question_key, ==, "q-feelings-2");
  g_assert_cmpfloat (answer->points, ==, 0.5);
  g_assert_false (answer->correct);

  summary = rapport_store_get_topic_summary (store, "core", "empathy", "empathy", 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->lessons_completed, ==, 1);
  g_assert_cmpuint (summary->n_attempts, ==, 1);
  g_assert_cmpfloat (summary->best_score, ==, 80.0);
  g_assert_cmpint (summary->latest_rating, ==, 5);

  lesson = rapport_store_get_lesson (store, "core", "empathy", "validating", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (lesson->position, ==, 0.25);
  g_assert_null (lesson->completed);

  completed = rapport_store_list_completed_lessons (store, "core", "empathy", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (completed), ==, 1);

  packs = rapport_store_list_packs (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (packs->len, ==, 1);

  draft = rapport_store_load_draft (store, NULL, &error);
  g_assert_no_error (error);
  if (has_v2_data)
    g_assert_cmpstr (draft, ==,
                     "{\"title\":\"Half-written entry\",\"situation\":\"A caller asked for\"}");
  else
    g_assert_null (draft);
}

static void
test_store_migrate (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *fixture = g_strdup_printf ("progress-v%d.sql", version);
  g_autofree char *path = store_path ();
  g_autofree char *backups = backup_dir_for (path);
  g_autofree char *pattern = g_strdup_printf ("progress-*-v%d.db", version);
  g_autofree char *backup = NULL;
  g_autoptr(RapportStore) store = NULL;
  sqlite3 *db;

  load_fixture (fixture, path);
  store = rapport_unit_open_store (path);

  db = rapport_store_get_connection (store);
  g_assert_cmpint (rapport_unit_query_int (db, "PRAGMA user_version"), ==, RAPPORT_STORE_SCHEMA_VERSION);
  check_fixture_data (store, version >= 2);

  /* The old file was backed up first and is still the old version. */
  backup = find_file_matching (backups, pattern);
  g_assert_nonnull (backup);
  g_assert_cmpuint (rapport_unit_mode_of (backup), ==, 0600);
  db = open_raw (backup);
  g_assert_cmpint (rapport_unit_query_int (db, "PRAGMA user_version"), ==, version);
  g_assert_cmpint (rapport_unit_query_int (db, "SELECT count(*) FROM journal_entry"), ==, 2);
  sqlite3_close (db);

  g_clear_object (&store);
  assert_integrity_ok (path);

  /* Opening again migrates nothing and backs up nothing more. */
  store = rapport_unit_open_store (path);
  check_fixture_data (store, version >= 2);
  g_assert_cmpuint (count_files_matching (backups, "progress-*.db"), ==, 1);
}

static char *
schema_of (sqlite3 *db)
{
  g_autoptr(GString) schema = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT type, name, tbl_name, sql FROM sqlite_schema"
                                       " ORDER BY type, name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 4; i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          /* Layout differs between the C strings and the fixtures. */
          for (const char *c = text != NULL ? text : ""; *c != '\0'; c++)
            {
              if (!g_ascii_isspace (*c))
                g_string_append_c (schema, *c);
            }
          g_string_append_c (schema, '|');
        }
      g_string_append_c (schema, '\n');
    }
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&schema), FALSE);
}

/* The fixtures must be what the migrations really made at that version,
 * or the migration tests prove nothing.
 */
static void
test_store_fixtures_match_migrations (void)
{
  g_autoptr(GError) error = NULL;

  for (int version = 1; version < RAPPORT_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *fixture = g_strdup_printf ("progress-v%d.sql", version);
      g_autofree char *fixture_name = g_strdup_printf ("fixture-%d.db", version);
      g_autofree char *code_name = g_strdup_printf ("code-%d.db", version);
      g_autofree char *from_fixture = rapport_unit_scratch_path (fixture_name);
      g_autofree char *from_code = rapport_unit_scratch_path (code_name);
      g_autofree char *schema_fixture = NULL;
      g_autofree char *schema_code = NULL;
      sqlite3 *db;

      load_fixture (fixture, from_fixture);
      db = open_raw (from_fixture);
      schema_fixture = schema_of (db);
      g_assert_cmpint (rapport_unit_query_int (db, "PRAGMA user_version"), ==, version);
      g_assert_cmpint (rapport_unit_query_int (db, "PRAGMA application_id"), ==,
                       RAPPORT_STORE_APPLICATION_ID);
      sqlite3_close (db);

      db = open_raw (from_code);
      g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_true (rapport_store_schema_migrate (db, 0, version, &error));
      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
      schema_code = schema_of (db);
      g_assert_cmpint (rapport_unit_query_int (db, "PRAGMA user_version"), ==, version);
      sqlite3_close (db);

      g_assert_cmpstr (schema_fixture, ==, schema_code);
    }
}

typedef struct
{
  GBytes   *bytes;
  struct timespec mtime;
} Snapshot;

static void
snapshot_take (Snapshot   *snapshot,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));
  snapshot->mtime = st.st_mtim;
  snapshot->bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
snapshot_assert_same (Snapshot   *snapshot,
                      const char *path)
{
  Snapshot now;

  snapshot_take (&now, path);
  g_assert_true (g_bytes_equal (snapshot->bytes, now.bytes));
  g_assert_cmpint (snapshot->mtime.tv_sec, ==, now.mtime.tv_sec);
  g_assert_cmpint (snapshot->mtime.tv_nsec, ==, now.mtime.tv_nsec);
  g_bytes_unref (now.bytes);
  g_bytes_unref (snapshot->bytes);
}

static void
make_foreign_db (const char *path,
                 int         application_id,
                 int         version)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = WAL;"
                                          "PRAGMA application_id = %d;"
                                          "PRAGMA user_version = %d;"
                                          "CREATE TABLE future (x TEXT);"
                                          "INSERT INTO future VALUES ('from the future');",
                                          application_id, version);
  sqlite3 *db;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  db = open_raw (path);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A file from a newer Rapport is refused and left exactly as it was. */
static void
test_store_too_new (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *backups = backup_dir_for (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  Snapshot before;
  sqlite3 *db;

  make_foreign_db (path, RAPPORT_STORE_APPLICATION_ID, RAPPORT_STORE_SCHEMA_VERSION + 1);

  /* A later version may use SQL this SQLite cannot even parse. */
  db = open_raw (path);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA writable_schema = ON;"
                                 "INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql)"
                                 " VALUES ('table', 'later', 'later', 0,"
                                 " 'CREATE TABLE later (x FROM THE FUTURE (((');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_no_errno (g_chmod (path, 0600));
  snapshot_take (&before, path);

  store = rapport_store_new_for_path (path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Rapport"));
  g_test_message ("%s", error->message);

  snapshot_assert_same (&before, path);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

static void
test_store_not_a_store (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  Snapshot before;

  make_foreign_db (path, 0, 0);
  g_assert_no_errno (g_chmod (path, 0600));
  snapshot_take (&before, path);

  store = rapport_store_new_for_path (path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_A_STORE);
  snapshot_assert_same (&before, path);
}

/* Crash safety: a writer killed mid-stream loses nothing it reported */

static int
run_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_new_for_path (path, &error);

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < 100000; i++)
    {
      g_autoptr(RapportStoreEntry) entry = rapport_store_entry_new ();

      g_free (entry->situation);
      entry->situation = g_strdup_printf ("Entry %u written by the child. %s", i,
                                          "Some text so that pages fill up. ");
      for (guint s = 0; s < rapport_skill_get_count (); s++)
        rapport_store_entry_set_rating (entry, rapport_skill_get_nth (s)->key, 1 + (i + s) % 5);

      if (!rapport_store_save_journal_entry (store, entry, &error))
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }

      /* Reported only after the commit returned. */
      printf ("%s\n", entry->uuid);
      fflush (stdout);
    }

  return 0;
}

static void
test_store_killed_writer (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GPtrArray) reported = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RapportStore) store = NULL;
  const guint kill_after[] = { 25, 40, 60 };

  g_assert_nonnull (self_exe);

  for (guint round = 0; round < G_N_ELEMENTS (kill_after); round++)
    {
      const char *argv[] = { self_exe, "--writer", path, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) buffer = g_string_new (NULL);
      guint n_round = 0;
      gboolean killed = FALSE;
      GPid pid;
      int out_fd;
      int status;
      char chunk[4096];
      gssize n;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      while ((n = read (out_fd, chunk, sizeof chunk)) != 0)
        {
          char *newline;

          if (n < 0 && errno == EINTR)
            continue;
          g_assert_cmpint (n, >, 0);
          g_string_append_len (buffer, chunk, n);

          while ((newline = strchr (buffer->str, '\n')) != NULL)
            {
              g_ptr_array_add (reported, g_strndup (buffer->str, newline - buffer->str));
              g_string_erase (buffer, 0, newline - buffer->str + 1);
              n_round++;
            }

          if (!killed && n_round >= kill_after[round])
            {
              g_assert_no_errno (kill (pid, SIGKILL));
              killed = TRUE;
            }
        }
      close (out_fd);

      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      g_test_message ("round %u: %u entries reported before the kill", round, n_round);
    }

  assert_integrity_ok (path);

  store = rapport_unit_open_store (path);
  g_assert_cmpint (rapport_store_get_recovery (store), ==, RAPPORT_STORE_RECOVERY_NONE);
  for (guint i = 0; i < reported->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RapportStoreEntry) entry = NULL;

      entry = rapport_store_get_journal_entry (store, reported->pdata[i], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (entry->ratings->len, ==, rapport_skill_get_count ());
    }
}

/* Damage and recovery */

/* Two entries: the first is in the daily backup made on the second open, the
 * second was written after it.
 */
static void
make_store_with_backup (const char  *path,
                        char       **in_backup,
                        char       **after_backup)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autofree char *backups = backup_dir_for (path);

  *in_backup = save_new_entry (store, "before the backup", "kept");
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *text = g_strnfill (3000 + i * 97, 'a' + i % 26);

      g_free (save_new_entry (store, "filler", text));
    }
  g_clear_object (&store);

  /* The daily backup is taken in the background. */
  store = rapport_unit_open_store (path);
  rapport_store_wait_for_backup (store);
  g_assert_cmpuint (count_files_matching (backups, "progress-*-daily.db"), ==, 1);
  *after_backup = save_new_entry (store, "after the backup", "lost");
  g_clear_object (&store);
}

static void
assert_damaged (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean damaged;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  damaged = rc != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_true (damaged);
}

static void
check_recovered (const char *path,
                 const char *in_backup,
                 const char *after_backup,
                 GBytes     *damaged_bytes)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) kept = NULL;
  g_autoptr(GBytes) kept_bytes = NULL;
  const char *damaged;

  g_assert_cmpint (rapport_store_get_recovery (store), ==, RAPPORT_STORE_RECOVERY_RESTORED_BACKUP);
  g_assert_nonnull (rapport_store_get_recovery_notice (store));
  g_test_message ("%s", rapport_store_get_recovery_notice (store));

  damaged = rapport_store_get_damaged_path (store);
  g_assert_nonnull (damaged);
  g_assert_true (g_str_has_prefix (damaged, path));
  g_assert_nonnull (strstr (damaged, ".damaged-"));
  g_assert_nonnull (strstr (rapport_store_get_recovery_notice (store), damaged));

  /* The damaged file is kept exactly as it was. */
  kept = g_file_new_for_path (damaged);
  kept_bytes = g_file_load_bytes (kept, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (kept_bytes, damaged_bytes));

  g_assert_true (rapport_unit_has_entry (store, in_backup));
  g_assert_false (rapport_unit_has_entry (store, after_backup));
  g_assert_cmpuint (rapport_unit_mode_of (path), ==, 0600);

  /* And the restored store takes new writes. */
  g_free (save_new_entry (store, "after recovery", ""));
  g_clear_object (&store);
  assert_integrity_ok (path);
}

/* A store with a backup, damaged by @damage, comes back from the backup. */
static void
assert_recovers_from (void (*damage) (const char *path))
{
  g_autofree char *path = store_path ();
  g_autofree char *in_backup = NULL;
  g_autofree char *after_backup = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) damaged = NULL;

  make_store_with_backup (path, &in_backup, &after_backup);
  damage (path);
  assert_damaged (path);
  damaged = g_file_load_bytes (file, NULL, NULL, NULL);

  check_recovered (path, in_backup, after_backup, damaged);
}

static void
damage_header (const char *path)
{
  overwrite (path, 0, 100, 0x5a);
}

/* Several whole pages in the middle of the b-trees. */
static void
damage_middle (const char *path)
{
  GStatBuf st;
  goffset middle;

  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_size, >, 20 * 4096);

  middle = (st.st_size / 2) / 4096 * 4096;
  overwrite (path, middle, 4 * 4096, 0xc3);
}

static void
test_store_recover_header (void)
{
  assert_recovers_from (damage_header);
}

static void
test_store_recover_middle (void)
{
  assert_recovers_from (damage_middle);
}

static void
test_store_recover_no_backup (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *uuid = NULL;
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  uuid = save_new_entry (store, "only copy", "");
  g_clear_object (&store);

  /* Not a database at all any more. */
  g_assert_true (g_file_set_contents (path, "this is not SQLite\n", -1, NULL));

  store = rapport_unit_open_store (path);
  g_assert_cmpint (rapport_store_get_recovery (store), ==, RAPPORT_STORE_RECOVERY_STARTED_FRESH);
  g_assert_nonnull (rapport_store_get_recovery_notice (store));
  g_assert_true (g_file_test (rapport_store_get_damaged_path (store), G_FILE_TEST_IS_REGULAR));
  g_assert_false (rapport_unit_has_entry (store, uuid));

  entries = rapport_store_list_journal_entries (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_cmpuint (rapport_unit_mode_of (path), ==, 0600);
}

/* A damaged newest backup is skipped for an older good one. */
static void
test_store_recover_skips_bad_backup (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *backups = backup_dir_for (path);
  g_autofree char *in_backup = NULL;
  g_autofree char *after_backup = NULL;
  g_autofree char *bad = g_build_filename (backups, "progress-29990101-000000-v3-daily.db", NULL);
  g_autoptr(RapportStore) store = NULL;

  make_store_with_backup (path, &in_backup, &after_backup);
  g_assert_true (g_file_set_contents (bad, "damaged backup", -1, NULL));
  overwrite (path, 0, 100, 0x11);

  store = rapport_unit_open_store (path);
  g_assert_cmpint (rapport_store_get_recovery (store), ==, RAPPORT_STORE_RECOVERY_RESTORED_BACKUP);
  g_assert_true (rapport_unit_has_entry (store, in_backup));
  g_assert_true (g_file_test (bad, G_FILE_TEST_EXISTS));
}

/* Daily backups rotate; nothing else in the folder is touched. */
static void
test_store_daily_backups (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *backups = backup_dir_for (path);
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  const char *others[] = {
    "notes.txt",
    "progress-old.db",
    "progress-20200101-000000-v1.db",
    "progress-20200102-000000-v3-before-reset.db",
    "progress-20200103-000000-v3-before-restore.db",
    "progress-20200104-000000-v3-daily.db.keep",
  };
  g_autofree char *newest = NULL;
  sqlite3 *db;

  g_free (save_new_entry (store, "backed up", ""));
  g_clear_object (&store);

  g_assert_no_errno (g_mkdir_with_parents (backups, 0700));
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("progress-202001%02u-120000-v3-daily.db", i + 1);
      g_autofree char *file = g_build_filename (backups, name, NULL);

      g_assert_true (g_file_set_contents (file, "old", -1, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *file = g_build_filename (backups, others[i], NULL);

      g_assert_true (g_file_set_contents (file, "keep me", -1, NULL));
    }

  store = rapport_unit_open_store (path);
  g_clear_object (&store);

  g_assert_cmpuint (count_files_matching (backups, "progress-*-daily.db"), ==, 7);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("progress-202001%02u-120000-v3-daily.db", i + 1);
      g_autofree char *file = g_build_filename (backups, name, NULL);

      g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *file = g_build_filename (backups, others[i], NULL);

      g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
    }

  /* The new one is a complete, private, self-contained copy. */
  {
    g_autoptr(GDir) gdir = g_dir_open (backups, 0, NULL);
    g_autofree char *suffix = g_strdup_printf ("-v%d-daily.db", RAPPORT_STORE_SCHEMA_VERSION);
    const char *name;

    while ((name = g_dir_read_name (gdir)) != NULL)
      {
        if (g_str_has_suffix (name, suffix) && !g_str_has_prefix (name, "progress-2020"))
          {
            g_assert_null (newest);
            newest = g_build_filename (backups, name, NULL);
          }
      }
  }
  g_assert_nonnull (newest);
  g_assert_cmpuint (rapport_unit_mode_of (newest), ==, 0600);
  db = open_raw (newest);
  g_assert_cmpint (rapport_unit_query_int (db, "SELECT count(*) FROM journal_entry"), ==, 1);
  sqlite3_close (db);

  /* Within a day, opening again makes no new backup. */
  store = rapport_unit_open_store (path);
  g_clear_object (&store);
  g_assert_cmpuint (count_files_matching (backups, "progress-*-daily.db"), ==, 7);
}

/* Data round trips */

static char *
junk_text (gsize length)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  char *text = g_malloc (length + 1);

  for (gsize i = 0; i < length; i++)
    text[i] = (char) g_rand_int_range (rand, 1, 256);
  text[length] = '\0';

  return text;
}

static void
test_store_round_trip (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GString) big = g_string_new (NULL);
  g_autofree char *junk = junk_text (8192);
  const char *texts[] = {
    "",
    "It's \"quoted\", 'single', `back` and \\backslash\\",
    "Robert'); DROP TABLE journal_entry;--",
    "\" OR 1=1 --",
    "%s %n %x {0} $1 ?1 :name @x",
    "Zoë Ångström — 日本語のテキスト — العربية — 🙂👍🏽 — e\u0301 — \u200b",
    "line one\nline two\r\n\ttabbed",
  };

  while (big->len < 100 * 1024)
    g_string_append (big, "A long reflection about a difficult call, with ünïcödé. ");
  g_string_truncate (big, 100 * 1024);

  for (guint i = 0; i < G_N_ELEMENTS (texts) + 2; i++)
    {
      const char *text = i < G_N_ELEMENTS (texts) ? texts[i]
                         : i == G_N_ELEMENTS (texts) ? junk
                         : big->str;
      const char * const tags[] = {
        text, "a,b", "new\nline", "'; DROP TABLE journal_tag; --", NULL
      };
      g_autoptr(GError) error = NULL;
      g_autoptr(RapportStoreEntry) entry = rapport_unit_new_entry (text, NULL);
      g_autoptr(RapportStoreEntry) loaded = NULL;

      g_free (entry->situation);
      entry->situation = g_strdup (text);
      g_free (entry->went_well);
      entry->went_well = g_strdup (text);
      g_free (entry->try_next);
      entry->try_next = g_strdup (text);
      rapport_store_entry_set_tags (entry, tags);
      rapport_store_entry_set_rating (entry, "assertiveness", 1 + i % 5);

      rapport_store_save_journal_entry (store, entry, &error);
      g_assert_no_error (error);

      loaded = rapport_store_get_journal_entry (store, entry->uuid, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (loaded->title, strlen (loaded->title), text, strlen (text));
      g_assert_cmpstr (loaded->situation, ==, text);
      g_assert_cmpstr (loaded->went_well, ==, text);
      g_assert_cmpstr (loaded->try_next, ==, text);
      g_assert_cmpstrv (loaded->tags, tags);
      g_assert_cmpint (rapport_store_entry_get_rating (loaded, "assertiveness"), ==, 1 + i % 5);
      /* Times are kept to the second. */
      g_assert_cmpint (g_date_time_to_unix (loaded->occurred), ==,
                       g_date_time_to_unix (entry->occurred));
      g_assert_true (g_date_time_equal (loaded->updated, entry->updated));
      g_assert_true (g_date_time_equal (loaded->created, entry->created));
    }

  g_clear_object (&store);
  assert_integrity_ok (path);
}

static void
test_store_update_and_delete (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GDateTime) when = utc (2024, 3, 1, 10, 0);
  g_autoptr(GDateTime) later = utc (2024, 3, 5, 10, 0);
  g_autoptr(RapportStoreEntry) entry = rapport_unit_new_entry ("First title", when);
  g_autoptr(RapportStoreEntry) loaded = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) created = NULL;
  const char * const tags[] = { "one", "two", NULL };
  const char * const fewer[] = { "two", NULL };

  rapport_store_entry_set_rating (entry, "empathy", 2);
  rapport_store_entry_set_rating (entry, "communication", 4);
  rapport_store_entry_set_tags (entry, tags);
  g_assert_true (rapport_store_save_journal_entry (store, entry, &error));
  g_assert_no_error (error);
  created = g_date_time_ref (entry->created);

  /* Saving the same uuid again replaces fields, ratings and tags. */
  g_free (entry->title);
  entry->title = g_strdup ("Second title");
  g_date_time_unref (entry->occurred);
  entry->occurred = g_date_time_ref (later);
  rapport_store_entry_set_rating (entry, "communication", 0);
  rapport_store_entry_set_rating (entry, "empathy", 5);
  rapport_store_entry_set_tags (entry, fewer);
  g_assert_true (rapport_store_save_journal_entry (store, entry, &error));
  g_assert_no_error (error);

  loaded = rapport_store_get_journal_entry (store, entry->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->title, ==, "Second title");
  g_assert_cmpuint (loaded->ratings->len, ==, 1);
  g_assert_cmpint (rapport_store_entry_get_rating (loaded, "empathy"), ==, 5);
  g_assert_cmpstrv (loaded->tags, fewer);
  g_assert_true (g_date_time_equal (loaded->created, created));
  g_assert_true (g_date_time_equal (loaded->occurred, later));

  /* The chart follows the entry's new time. */
  points = rapport_store_get_skill_points (store, "empathy", RAPPORT_STORE_SERIES_SELF_RATING,
                                           NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 1);
  g_assert_true (g_date_time_equal (((RapportStorePoint *) points->pdata[0])->time, later));
  g_assert_cmpstr (((RapportStorePoint *) points->pdata[0])->entry_uuid, ==, entry->uuid);
  g_clear_pointer (&points, g_ptr_array_unref);

  g_assert_true (rapport_store_delete_journal_entry (store, entry->uuid, &error));
  g_assert_no_error (error);
  g_assert_false (rapport_unit_has_entry (store, entry->uuid));
  points = rapport_store_get_skill_points (store, "empathy", RAPPORT_STORE_SERIES_SELF_RATING,
                                           NULL, NULL, &error);
  g_assert_cmpuint (points->len, ==, 0);
  g_assert_cmpint (rapport_unit_query_int (rapport_store_get_connection (store),
                              "SELECT count(*) FROM journal_tag"), ==, 0);

  /* Deleting again is harmless. */
  g_assert_true (rapport_store_delete_journal_entry (store, entry->uuid, &error));
  g_assert_no_error (error);
}

/* The schema itself refuses nonsense, whatever a caller does. */
static void
test_store_constraints (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  sqlite3 *db = rapport_store_get_connection (store);
  const char *bad[] = {
    "INSERT INTO journal_rating VALUES ((SELECT id FROM journal_entry), 'assertiveness', 6, 0)",
    "INSERT INTO journal_rating VALUES ((SELECT id FROM journal_entry), 'assertiveness', 0, 0)",
    "INSERT INTO journal_rating VALUES (12345, 'empathy', 3, 0)",
    "INSERT INTO quiz_attempt (pack_id, topic_key, skill_key, started_at, finished_at, state,"
    " score, passed) VALUES ('p', 't', 's', 0, 0, 'finished', 101, 1)",
    "INSERT INTO quiz_attempt (pack_id, topic_key, skill_key, started_at, finished_at, state,"
    " score, passed) VALUES ('p', 't', 's', 0, 0, 'paused', 50, 1)",
    "INSERT INTO lesson_progress VALUES ('p', 't', 'l', 0, 1.5, NULL)",
    "INSERT INTO draft VALUES (2, '{}', 0)",
    "INSERT INTO review_item VALUES ('p', 't', 'q', 0, 0)",
  };

  /* The first statements point at this entry. */
  g_free (save_new_entry (store, "x", ""));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      int rc = sqlite3_exec (db, bad[i], NULL, NULL, NULL);

      g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
    }
}

/* Full-text search */

static GPtrArray *
search (RapportStore *store,
        const char   *text)
{
  g_autoptr(GError) error = NULL;
  RapportStoreJournalQuery query = {
    .search = text,
    .snippet_open = "[",
    .snippet_close = "]",
  };
  GPtrArray *found = rapport_store_list_journal_entries (store, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);

  return found;
}

static guint
search_count (RapportStore *store,
              const char   *text)
{
  g_autoptr(GPtrArray) found = search (store, text);

  return found->len;
}

static void
test_store_search (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStoreEntry) entry = NULL;
  g_autofree char *refund = save_new_entry (store, "Furious customer",
                                            "He wanted a refund after waiting two weeks.");

  g_free (save_new_entry (store, "Calm call", "A polite question about shipping times."));
  g_free (save_new_entry (store, "Café résumé", "Naïve promise to a customer."));
  g_free (save_new_entry (store, "She said \"AND (NOT\"", "Odd words: NEAR OR title:refund"));

  found = search (store, "refund");
  g_assert_cmpuint (found->len, ==, 2);
  entry = rapport_store_get_journal_entry (store, refund, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    {
      RapportStoreEntry *hit = found->pdata[i];

      g_assert_nonnull (hit->snippet);
      g_assert_nonnull (strstr (hit->snippet, "[refund]"));
    }
  g_clear_pointer (&found, g_ptr_array_unref);

  g_assert_cmpuint (search_count (store, "REFUND"), ==, 2);
  g_assert_cmpuint (search_count (store, "wanted refund"), ==, 1);
  g_assert_cmpuint (search_count (store, "refund shipping"), ==, 0);
  g_assert_cmpuint (search_count (store, "cafe resume"), ==, 1);
  g_assert_cmpuint (search_count (store, "naive"), ==, 1);
  g_assert_cmpuint (search_count (store, "ship"), ==, 1);        /* last word is a prefix */
  g_assert_cmpuint (search_count (store, "customer"), ==, 2);
  g_assert_cmpuint (search_count (store, "\"refund\""), ==, 2);
  g_assert_cmpuint (search_count (store, "AND"), ==, 1);
  g_assert_cmpuint (search_count (store, "NEAR"), ==, 1);
  g_assert_cmpuint (search_count (store, "   "), ==, 4);         /* blank: no search */

  /* Search follows edits and deletions. */
  g_free (entry->situation);
  entry->situation = g_strdup ("He wanted his money back.");
  g_assert_true (rapport_store_save_journal_entry (store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (search_count (store, "refund"), ==, 1);
  g_assert_cmpuint (search_count (store, "money"), ==, 1);
  g_assert_true (rapport_store_delete_journal_entry (store, refund, &error));
  g_assert_cmpuint (search_count (store, "money"), ==, 0);
  g_assert_cmpuint (search_count (store, "shipping"), ==, 1);
}

static void
test_store_search_hostile (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autofree char *junk = junk_text (200);
  const char *queries[] = {
    "\"", "\"\"", "\"\"\"", "AND (", "(", ")))", "NEAR(", "NEAR(a b, 2)", "*", "**", "^",
    "-", "+", ":", "title:", "title:refund", "{title situation}: x", "a AND", "OR", "NOT",
    "a OR b NOT c", "'", "';", "'; DROP TABLE journal_entry; --", "\\", "%", "_", "\x01\x02",
    "🙂", "日本語", "e\u0301", "a\"b", "refund\"", "\"refund", "-refund", "refund*",
    "col : \" ( ) * ^ + - AND OR NOT NEAR",
  };
  g_autofree char *uuid = save_new_entry (store, "A refund story", "Nothing else.");

  /* search() asserts that none of them is an error. */
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    g_ptr_array_unref (search (store, queries[i]));

  g_assert_cmpuint (search_count (store, junk), ==, 0);
  g_assert_cmpuint (search_count (store, "refund\""), ==, 1);

  /* A page of text pasted into the search box: only its first 16 words
   * make the query (15,000 phrases kept SQLite busy for minutes).
   */
  {
    g_autoptr(GString) page = g_string_new ("a refund story ");
    g_autofree char *query = NULL;
    guint phrases = 0;

    while (page->len < 100 * 1000)
      g_string_append (page, "the customer read out every line of the bill ");
    query = rapport_store_build_search_query (page->str);
    for (const char *c = query; *c != '\0'; c++)
      phrases += *c == '"';
    g_assert_cmpuint (phrases, ==, 2 * 16);
    g_assert_true (g_str_has_prefix (query, "\"a\" \"refund\" \"story\" \"the\""));
    g_assert_cmpuint (search_count (store, page->str), ==, 0);
  }
  g_assert_cmpuint (search_count (store, "-refund"), ==, 1);
  g_assert_true (rapport_unit_has_entry (store, uuid));
  g_clear_object (&store);
  assert_integrity_ok (path);
}

static void
test_store_list_paging (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GDateTime) start = utc (2024, 1, 1, 12, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = g_date_time_add_days (start, 5);
  g_autoptr(GDateTime) to = g_date_time_add_days (start, 10);
  RapportStoreJournalQuery query = { .limit = 10 };

  /* Saved in shuffled order, so insertion order cannot pass for date order. */
  for (guint k = 0; k < 25; k++)
    {
      guint i = (k * 7) % 25;
      g_autoptr(GDateTime) when = g_date_time_add_days (start, i);
      g_autofree char *title = g_strdup_printf ("day %u", i);
      g_autoptr(RapportStoreEntry) entry = rapport_unit_new_entry (title, when);

      rapport_store_entry_set_rating (entry, i % 2 ? "empathy" : "communication", 3);
      g_assert_true (rapport_store_save_journal_entry (store, entry, &error));
    }

  for (guint page = 0; page < 3; page++)
    {
      g_autoptr(GPtrArray) entries = NULL;

      query.offset = page * 10;
      entries = rapport_store_list_journal_entries (store, &query, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, page < 2 ? 10 : 5);
      for (guint i = 0; i < entries->len; i++)
        {
          RapportStoreEntry *entry = entries->pdata[i];
          g_autofree char *title = g_strdup_printf ("day %u", 24 - page * 10 - i);

          g_assert_cmpstr (entry->title, ==, title);
        }
    }

  {
    g_autoptr(GPtrArray) entries = NULL;
    RapportStoreJournalQuery by_skill = { .skill_key = "empathy" };

    entries = rapport_store_list_journal_entries (store, &by_skill, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 12);
    for (guint i = 0; i < entries->len; i++)
      g_assert_cmpint (rapport_store_entry_get_rating (entries->pdata[i], "empathy"), ==, 3);
  }

  {
    g_autoptr(GPtrArray) entries = NULL;
    RapportStoreJournalQuery by_date = { .from = from, .to = to };

    entries = rapport_store_list_journal_entries (store, &by_date, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 5);
    g_assert_cmpstr (((RapportStoreEntry *) entries->pdata[0])->title, ==, "day 9");
    g_assert_cmpstr (((RapportStoreEntry *) entries->pdata[4])->title, ==, "day 5");
  }

  {
    g_autoptr(GPtrArray) entries = NULL;
    RapportStoreJournalQuery all = { .skill_key = "communication", .from = from, .to = to,
                                     .search = "day", .limit = 2, .offset = 1 };

    /* Days 5 to 9 rating communication: 8 and 6, newest first; skip one. */
    entries = rapport_store_list_journal_entries (store, &all, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 1);
    g_assert_cmpstr (((RapportStoreEntry *) entries->pdata[0])->title, ==, "day 6");
  }
}

/* Views */

typedef struct
{
  int y, mo, d, h;
  int rating;
} Rating;

/* 2024-01-01 is a Monday; 2024-01-07 a Sunday. */
static const Rating known_ratings[] = {
  { 2024, 1, 1, 9, 2 },
  { 2024, 1, 1, 18, 4 },
  { 2024, 1, 3, 12, 3 },
  { 2024, 1, 7, 23, 1 },
  { 2024, 1, 8, 8, 5 },
  { 2024, 2, 15, 10, 4 },
};

static RapportStore *
store_with_known_data (void)
{
  g_autofree char *path = store_path ();
  RapportStore *store = rapport_unit_open_store (path);
  g_autoptr(GError) error = NULL;
  struct { int d, h; double score; gboolean finished; } quizzes[] = {
    { 2, 10, 80, TRUE }, { 2, 15, 60, TRUE }, { 2, 16, 10, FALSE }, { 20, 9, 100, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known_ratings); i++)
    {
      const Rating *r = &known_ratings[i];
      g_autoptr(GDateTime) when = utc (r->y, r->mo, r->d, r->h, 0);
      g_autoptr(RapportStoreEntry) entry = rapport_unit_new_entry ("rated", when);

      rapport_store_entry_set_rating (entry, "empathy", r->rating);
      /* Another skill on the same entries must not leak into empathy's numbers. */
      rapport_store_entry_set_rating (entry, "communication", 5);
      g_assert_true (rapport_store_save_journal_entry (store, entry, &error));
    }

  for (guint i = 0; i < G_N_ELEMENTS (quizzes); i++)
    {
      g_autoptr(RapportStoreAttempt) attempt = rapport_store_attempt_new ("core", "empathy",
                                                                           "empathy");

      attempt->started = utc (2024, 1, quizzes[i].d, quizzes[i].h - 1, 30);
      attempt->finished = utc (2024, 1, quizzes[i].d, quizzes[i].h, 0);
      attempt->score = quizzes[i].score;
      attempt->passed = quizzes[i].score >= 70;
      attempt->state = quizzes[i].finished ? RAPPORT_STORE_ATTEMPT_FINISHED
                                           : RAPPORT_STORE_ATTEMPT_ABANDONED;
      g_assert_true (rapport_store_add_quiz_attempt (store, attempt, &error));
      g_assert_no_error (error);
    }

  return store;
}

typedef struct
{
  const char *start;
  double avg, min, max;
  guint count;
} Expected;

static void
assert_aggregates (RapportStore       *store,
                   RapportStoreSeries  series,
                   RapportStoreBucket  bucket,
                   GDateTime          *from,
                   GDateTime          *to,
                   GTimeZone          *tz,
                   const Expected     *expected,
                   guint               n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) aggregates = NULL;

  aggregates = rapport_store_get_skill_aggregates (store, "empathy", series, bucket,
                                                   from, to, tz, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aggregates->len, ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      const RapportStoreAggregate *a = aggregates->pdata[i];
      g_autofree char *start = g_date_time_format_iso8601 (a->start);

      g_assert_cmpstr (start, ==, expected[i].start);
      g_assert_cmpfloat_with_epsilon (a->avg, expected[i].avg, 1e-9);
      g_assert_cmpfloat (a->min, ==, expected[i].min);
      g_assert_cmpfloat (a->max, ==, expected[i].max);
      g_assert_cmpuint (a->count, ==, expected[i].count);
    }
}

#define ASSERT_AGGREGATES(store, series, bucket, from, to, tz, ...) \
  G_STMT_START { \
    const Expected expected_[] = { __VA_ARGS__ }; \
    assert_aggregates (store, series, bucket, from, to, tz, expected_, G_N_ELEMENTS (expected_)); \
  } G_STMT_END

static void
test_store_aggregates (void)
{
  g_autoptr(RapportStore) store = store_with_known_data ();
  g_autoptr(GTimeZone) plus10 = g_time_zone_new_identifier ("+10:00");
  g_autoptr(GDateTime) from = utc (2024, 1, 2, 0, 0);
  g_autoptr(GDateTime) to = utc (2024, 2, 1, 0, 0);
  const RapportStoreSeries R = RAPPORT_STORE_SERIES_SELF_RATING;

  g_assert_nonnull (plus10);

  ASSERT_AGGREGATES (store, R, RAPPORT_STORE_BUCKET_DAY, NULL, NULL, NULL,
                     { "2024-01-01T00:00:00Z", 3, 2, 4, 2 },
                     { "2024-01-03T00:00:00Z", 3, 3, 3, 1 },
                     { "2024-01-07T00:00:00Z", 1, 1, 1, 1 },
                     { "2024-01-08T00:00:00Z", 5, 5, 5, 1 },
                     { "2024-02-15T00:00:00Z", 4, 4, 4, 1 });

  ASSERT_AGGREGATES (store, R, RAPPORT_STORE_BUCKET_WEEK, NULL, NULL, NULL,
                     { "2024-01-01T00:00:00Z", 2.5, 1, 4, 4 },
                     { "2024-01-08T00:00:00Z", 5, 5, 5, 1 },
                     { "2024-02-12T00:00:00Z", 4, 4, 4, 1 });

  ASSERT_AGGREGATES (store, R, RAPPORT_STORE_BUCKET_MONTH, NULL, NULL, NULL,
                     { "2024-01-01T00:00:00Z", 3, 1, 5, 5 },
                     { "2024-02-01T00:00:00Z", 4, 4, 4, 1 });

  /* A range is half-open: [from, to). */
  ASSERT_AGGREGATES (store, R, RAPPORT_STORE_BUCKET_WEEK, from, to, NULL,
                     { "2024-01-01T00:00:00Z", 2, 1, 3, 2 },
                     { "2024-01-08T00:00:00Z", 5, 5, 5, 1 });

  /* In UTC+10 the Sunday-night rating falls on Monday of the next week. */
  ASSERT_AGGREGATES (store, R, RAPPORT_STORE_BUCKET_WEEK, NULL, NULL, plus10,
                     { "2024-01-01T00:00:00+10", 3, 2, 4, 3 },
                     { "2024-01-08T00:00:00+10", 3, 1, 5, 2 },
                     { "2024-02-12T00:00:00+10", 4, 4, 4, 1 });

  ASSERT_AGGREGATES (store, R, RAPPORT_STORE_BUCKET_DAY, NULL, NULL, plus10,
                     { "2024-01-01T00:00:00+10", 2, 2, 2, 1 },
                     { "2024-01-02T00:00:00+10", 4, 4, 4, 1 },
                     { "2024-01-03T00:00:00+10", 3, 3, 3, 1 },
                     { "2024-01-08T00:00:00+10", 3, 1, 5, 2 },
                     { "2024-02-15T00:00:00+10", 4, 4, 4, 1 });

  /* Quiz scores: finished attempts only. */
  ASSERT_AGGREGATES (store, RAPPORT_STORE_SERIES_QUIZ_SCORE, RAPPORT_STORE_BUCKET_DAY,
                     NULL, NULL, NULL,
                     { "2024-01-02T00:00:00Z", 70, 60, 80, 2 },
                     { "2024-01-20T00:00:00Z", 100, 100, 100, 1 });

  ASSERT_AGGREGATES (store, RAPPORT_STORE_SERIES_QUIZ_SCORE, RAPPORT_STORE_BUCKET_MONTH,
                     NULL, NULL, NULL,
                     { "2024-01-01T00:00:00Z", 80, 60, 100, 3 });
}

static void
test_store_points (void)
{
  g_autoptr(RapportStore) store = store_with_known_data ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GDateTime) from = utc (2024, 1, 3, 12, 0);
  g_autoptr(GDateTime) to = utc (2024, 1, 8, 8, 0);

  ratings = rapport_store_get_skill_points (store, "empathy", RAPPORT_STORE_SERIES_SELF_RATING,
                                            NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ratings->len, ==, G_N_ELEMENTS (known_ratings));
  for (guint i = 0; i < ratings->len; i++)
    {
      const RapportStorePoint *point = ratings->pdata[i];
      g_autoptr(GDateTime) when = utc (known_ratings[i].y, known_ratings[i].mo,
                                       known_ratings[i].d, known_ratings[i].h, 0);

      g_assert_true (g_date_time_equal (point->time, when));
      g_assert_cmpfloat (point->value, ==, known_ratings[i].rating);
      g_assert_true (rapport_unit_has_entry (store, point->entry_uuid));
      g_assert_cmpint (point->attempt_id, ==, 0);
    }
  g_clear_pointer (&ratings, g_ptr_array_unref);

  ratings = rapport_store_get_skill_points (store, "empathy", RAPPORT_STORE_SERIES_SELF_RATING,
                                            from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ratings->len, ==, 2);

  scores = rapport_store_get_skill_points (store, "empathy", RAPPORT_STORE_SERIES_QUIZ_SCORE,
                                           NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scores->len, ==, 3);
  g_assert_cmpfloat (((RapportStorePoint *) scores->pdata[0])->value, ==, 80);
  g_assert_cmpfloat (((RapportStorePoint *) scores->pdata[2])->value, ==, 100);
  for (guint i = 0; i < scores->len; i++)
    {
      const RapportStorePoint *point = scores->pdata[i];
      g_autoptr(RapportStoreAttempt) attempt = rapport_store_get_quiz_attempt (store,
                                                                              point->attempt_id,
                                                                              &error);

      g_assert_no_error (error);
      g_assert_cmpfloat (attempt->score, ==, point->value);
      g_assert_null (point->entry_uuid);
    }

  none = rapport_store_get_skill_points (store, "business-writing",
                                         RAPPORT_STORE_SERIES_SELF_RATING, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

typedef struct
{
  guint   skill_index;
  gint64  time;
  double  value;
  char   *uuid;
  gint64  attempt_id;
} SeenPoint;

static void
seen_point_clear (gpointer data)
{
  g_free (((SeenPoint *) data)->uuid);
}

static void
collect_point (guint        skill_index,
               gint64       time,
               double       value,
               const char  *entry_uuid,
               gint64       attempt_id,
               gpointer     user_data)
{
  SeenPoint point = { skill_index, time, value, g_strdup (entry_uuid), attempt_id };

  g_array_append_val ((GArray *) user_data, point);
}

/* The chart's bulk read gives what rapport_store_get_skill_points() gives. */
static void
assert_same_as_points (RapportStore       *store,
                       const char * const *keys,
                       RapportStoreSeries  series,
                       GDateTime          *from,
                       GDateTime          *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (SeenPoint));
  GStringChunk *strings = g_string_chunk_new (64);
  guint at = 0;

  g_array_set_clear_func (seen, seen_point_clear);
  g_assert_true (rapport_store_foreach_skill_point (store, keys, series, from, to, strings,
                                                    collect_point, seen, &error));
  g_assert_no_error (error);

  for (guint s = 0; keys[s] != NULL; s++)
    {
      g_autoptr(GPtrArray) points = rapport_store_get_skill_points (store, keys[s], series,
                                                                    from, to, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < points->len; i++, at++)
        {
          const RapportStorePoint *expected = points->pdata[i];
          const SeenPoint *point = &g_array_index (seen, SeenPoint, at);

          g_assert_cmpuint (at, <, seen->len);
          g_assert_cmpuint (point->skill_index, ==, s);
          g_assert_cmpint (point->time, ==, g_date_time_to_unix (expected->time));
          g_assert_cmpfloat (point->value, ==, expected->value);
          g_assert_cmpstr (point->uuid, ==, expected->entry_uuid);
          g_assert_cmpint (point->attempt_id, ==, expected->attempt_id);
        }
    }
  g_assert_cmpuint (at, ==, seen->len);

  g_string_chunk_free (strings);
}

static void
test_store_chart_points (void)
{
  g_autoptr(RapportStore) store = store_with_known_data ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = utc (2024, 1, 3, 12, 0);
  g_autoptr(GDateTime) to = utc (2024, 1, 8, 8, 0);
  g_autoptr(GDateTime) same = utc (2024, 3, 1, 9, 30);
  g_autoptr(RapportStoreEntry) first = rapport_unit_new_entry ("same second, first", same);
  g_autoptr(RapportStoreEntry) second = rapport_unit_new_entry ("same second, second", same);
  const char * const keys[] = { "empathy", "business-writing", "communication", NULL };
  const char * const none[] = { NULL };
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (SeenPoint));
  GStringChunk *strings = g_string_chunk_new (64);

  /* Two entries in the same second: each rating keeps its own entry. */
  rapport_store_entry_set_rating (first, "empathy", 1);
  rapport_store_entry_set_rating (second, "empathy", 5);
  g_assert_true (rapport_store_save_journal_entry (store, first, &error));
  g_assert_true (rapport_store_save_journal_entry (store, second, &error));
  g_assert_no_error (error);

  assert_same_as_points (store, keys, RAPPORT_STORE_SERIES_SELF_RATING, NULL, NULL);
  assert_same_as_points (store, keys, RAPPORT_STORE_SERIES_SELF_RATING, from, to);
  assert_same_as_points (store, keys, RAPPORT_STORE_SERIES_QUIZ_SCORE, NULL, NULL);
  assert_same_as_points (store, keys, RAPPORT_STORE_SERIES_QUIZ_SCORE, from, to);

  g_array_set_clear_func (seen, seen_point_clear);
  g_assert_true (rapport_store_foreach_skill_point (store, keys,
                                                    RAPPORT_STORE_SERIES_SELF_RATING, same,
                                                    NULL, strings, collect_point, seen,
                                                    &error));
  g_assert_cmpuint (seen->len, ==, 2);
  for (guint i = 0; i < seen->len; i++)
    {
      const SeenPoint *point = &g_array_index (seen, SeenPoint, i);

      g_assert_cmpstr (point->uuid, ==, point->value == 1 ? first->uuid : second->uuid);
    }

  /* No skills, no calls. */
  g_array_set_size (seen, 0);
  g_assert_true (rapport_store_foreach_skill_point (store, none,
                                                    RAPPORT_STORE_SERIES_SELF_RATING, NULL,
                                                    NULL, strings, collect_point, seen,
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 0);

  g_string_chunk_free (strings);
}

static void
test_store_activity (void)
{
  g_autoptr(RapportStore) store = store_with_known_data ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) may = utc (2024, 5, 1, 8, 0);
  g_autoptr(GDateTime) june = utc (2024, 6, 1, 8, 0);
  g_autoptr(GDateTime) later = utc (2024, 6, 2, 8, 0);
  g_autoptr(GArray) times = NULL;
  guint lessons = 99, quizzes = 99;

  g_assert_true (rapport_store_mark_lesson_completed (store, "core", "empathy", "one", may,
                                                      &error));
  g_assert_true (rapport_store_mark_lesson_completed (store, "core", "empathy", "two", june,
                                                      &error));
  /* Only opened: not read. */
  g_assert_true (rapport_store_mark_lesson_opened (store, "core", "empathy", "three", june,
                                                   &error));
  g_assert_no_error (error);

  g_assert_true (rapport_store_count_activity (store, NULL, NULL, &lessons, &quizzes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lessons, ==, 2);
  /* Passed twice (80 and 100), failed once (60), abandoned once: one quiz. */
  g_assert_cmpuint (quizzes, ==, 1);

  g_assert_true (rapport_store_count_activity (store, june, later, &lessons, &quizzes, &error));
  g_assert_cmpuint (lessons, ==, 1);
  g_assert_cmpuint (quizzes, ==, 0);

  /* Half-open: a lesson completed at @to is not in the range. */
  g_assert_true (rapport_store_count_activity (store, may, june, &lessons, NULL, &error));
  g_assert_cmpuint (lessons, ==, 1);

  times = rapport_store_list_journal_times (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (times->len, ==, G_N_ELEMENTS (known_ratings));
  for (guint i = 1; i < times->len; i++)
    g_assert_cmpint (g_array_index (times, gint64, i - 1), >=, g_array_index (times, gint64, i));
  g_clear_pointer (&times, g_array_unref);

  {
    g_autoptr(GDateTime) from = utc (2024, 1, 1, 18, 0);
    g_autoptr(GDateTime) to = utc (2024, 1, 7, 23, 0);
    g_autoptr(GDateTime) newest = utc (2024, 1, 3, 12, 0);

    /* [from, to): the entry at 18:00 on the first, not the one at 23:00 on the seventh. */
    times = rapport_store_list_journal_times (store, from, to, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (times->len, ==, 2);
    g_assert_cmpint (g_array_index (times, gint64, 0), ==, g_date_time_to_unix (newest));
    g_assert_cmpint (g_array_index (times, gint64, 1), ==, g_date_time_to_unix (from));
  }
}

static void
test_store_topic_summary (void)
{
  g_autoptr(RapportStore) store = store_with_known_data ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStoreTopicSummary) summary = NULL;
  g_autoptr(RapportStoreTopicSummary) empty = NULL;
  g_autoptr(GDateTime) last = utc (2024, 1, 20, 9, 0);
  g_autoptr(GDateTime) rated = utc (2024, 2, 15, 10, 0);

  g_assert_true (rapport_store_mark_lesson_completed (store, "core", "empathy", "one", NULL,
                                                      &error));
  g_assert_true (rapport_store_mark_lesson_completed (store, "core", "empathy", "two", NULL,
                                                      &error));
  g_assert_true (rapport_store_mark_lesson_opened (store, "core", "empathy", "three", NULL,
                                                   &error));
  g_assert_true (rapport_store_mark_lesson_completed (store, "core", "assertiveness", "one",
                                                      NULL, &error));
  g_assert_true (rapport_store_mark_lesson_completed (store, "other-pack", "empathy", "one",
                                                      NULL, &error));
  g_assert_no_error (error);

  summary = rapport_store_get_topic_summary (store, "core", "empathy", "empathy", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->lessons_completed, ==, 2);
  g_assert_cmpuint (summary->lessons_total, ==, 5);
  g_assert_cmpuint (summary->n_attempts, ==, 3);
  g_assert_cmpfloat (summary->best_score, ==, 100);
  g_assert_cmpfloat (summary->last_score, ==, 100);
  g_assert_true (summary->last_passed);
  g_assert_true (g_date_time_equal (summary->last_attempt, last));
  g_assert_cmpint (summary->latest_rating, ==, 4);
  g_assert_true (g_date_time_equal (summary->latest_rating_time, rated));
  g_clear_pointer (&summary, rapport_store_topic_summary_free);

  /* A pack update that dropped lessons cannot make progress exceed 100 %. */
  summary = rapport_store_get_topic_summary (store, "core", "empathy", "empathy", 1, &error);
  g_assert_cmpuint (summary->lessons_completed, ==, 1);

  empty = rapport_store_get_topic_summary (store, "core", "business-writing",
                                           "business-writing", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->lessons_completed, ==, 0);
  g_assert_cmpuint (empty->n_attempts, ==, 0);
  g_assert_cmpfloat (empty->best_score, ==, -1);
  g_assert_cmpfloat (empty->last_score, ==, -1);
  g_assert_null (empty->last_attempt);
  g_assert_cmpint (empty->latest_rating, ==, 0);
  g_assert_null (empty->latest_rating_time);
}

static void
test_store_lessons (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) opened = utc (2024, 5, 1, 8, 0);
  g_autoptr(GDateTime) done = utc (2024, 5, 1, 8, 20);
  g_autoptr(GDateTime) again = utc (2024, 6, 1, 8, 0);
  g_autoptr(RapportStoreLesson) never = NULL;
  g_autoptr(RapportStoreLesson) lesson = NULL;

  never = rapport_store_get_lesson (store, "core", "empathy", "intro", &error);
  g_assert_no_error (error);
  g_assert_null (never->opened);
  g_assert_null (never->completed);
  g_assert_cmpfloat (never->position, ==, 0);

  g_assert_true (rapport_store_mark_lesson_opened (store, "core", "empathy", "intro", opened,
                                                   &error));
  g_assert_true (rapport_store_set_lesson_position (store, "core", "empathy", "intro", 0.625,
                                                    &error));
  g_assert_true (rapport_store_mark_lesson_completed (store, "core", "empathy", "intro", done,
                                                      &error));
  g_assert_true (rapport_store_mark_lesson_completed (store, "core", "empathy", "intro", again,
                                                      &error));
  g_assert_no_error (error);

  lesson = rapport_store_get_lesson (store, "core", "empathy", "intro", &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (lesson->opened, opened));
  g_assert_cmpfloat (lesson->position, ==, 0.625);
  g_assert_true (g_date_time_equal (lesson->completed, done));
}

static void
test_store_quiz (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStoreAttempt) attempt = rapport_store_attempt_new ("core", "empathy",
                                                                       "empathy");
  g_autoptr(RapportStoreAttempt) abandoned = rapport_store_attempt_new ("core", "empathy",
                                                                         "empathy");
  g_autoptr(RapportStoreAttempt) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *json = "{\"choices\":[\"a\",\"c\"],\"text\":\"It's \\\"fine\\\"\"}";

  attempt->started = utc (2024, 1, 1, 10, 0);
  attempt->finished = utc (2024, 1, 1, 10, 12);
  attempt->score = 62.5;
  rapport_store_attempt_add_answer (attempt, "q1", json, 1.5, 2, FALSE);
  rapport_store_attempt_add_answer (attempt, "q2", "free text ✓", 1, 1, TRUE);
  g_assert_true (rapport_store_add_quiz_attempt (store, attempt, &error));
  g_assert_no_error (error);
  g_assert_cmpint (attempt->id, >, 0);

  abandoned->started = utc (2024, 1, 2, 10, 0);
  abandoned->finished = utc (2024, 1, 2, 10, 1);
  abandoned->state = RAPPORT_STORE_ATTEMPT_ABANDONED;
  g_assert_true (rapport_store_add_quiz_attempt (store, abandoned, &error));

  loaded = rapport_store_get_quiz_attempt (store, attempt->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->skill_key, ==, "empathy");
  g_assert_cmpint (loaded->state, ==, RAPPORT_STORE_ATTEMPT_FINISHED);
  g_assert_cmpfloat (loaded->score, ==, 62.5);
  g_assert_false (loaded->passed);
  g_assert_true (g_date_time_equal (loaded->finished, attempt->finished));
  g_assert_cmpuint (loaded->answers->len, ==, 2);
  g_assert_cmpstr (((RapportStoreAnswer *) loaded->answers->pdata[0])->answer, ==, json);
  g_assert_cmpfloat (((RapportStoreAnswer *) loaded->answers->pdata[0])->points, ==, 1.5);
  g_assert_cmpfloat (((RapportStoreAnswer *) loaded->answers->pdata[0])->points_possible, ==, 2);
  g_assert_true (((RapportStoreAnswer *) loaded->answers->pdata[1])->correct);

  list = rapport_store_list_quiz_attempts (store, "core", "empathy", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((RapportStoreAttempt *) list->pdata[0])->id, ==, abandoned->id);
  g_assert_cmpint (((RapportStoreAttempt *) list->pdata[0])->state, ==,
                   RAPPORT_STORE_ATTEMPT_ABANDONED);

  g_clear_pointer (&loaded, rapport_store_attempt_free);
  loaded = rapport_store_get_quiz_attempt (store, 999, &error);
  g_assert_null (loaded);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
}

static void
test_store_review_queue (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = utc (2024, 3, 10, 12, 0);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) last_week = g_date_time_add_days (now, -7);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
  g_autoptr(GPtrArray) due = NULL;

  g_assert_true (rapport_store_upsert_review_item (store, "core", "empathy", "q1", 1, yesterday,
                                                   &error));
  g_assert_true (rapport_store_upsert_review_item (store, "core", "empathy", "q2", 1, tomorrow,
                                                   &error));
  g_assert_true (rapport_store_upsert_review_item (store, "core", "conflict-management", "q1",
                                                   2, last_week, &error));
  g_assert_no_error (error);

  due = rapport_store_list_due_reviews (store, now, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpstr (((RapportStoreReviewItem *) due->pdata[0])->topic_key, ==,
                   "conflict-management");
  g_assert_cmpint (((RapportStoreReviewItem *) due->pdata[0])->box, ==, 2);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Answered right: next box, due later. */
  g_assert_true (rapport_store_upsert_review_item (store, "core", "conflict-management", "q1",
                                                   3, tomorrow, &error));
  g_assert_true (rapport_store_remove_review_item (store, "core", "empathy", "q1", &error));
  due = rapport_store_list_due_reviews (store, now, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);

  due = rapport_store_list_due_reviews (store, later, 1, &error);
  g_assert_cmpuint (due->len, ==, 1);
}

static void
test_store_draft_and_packs (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_autoptr(GDateTime) installed = utc (2024, 1, 1, 0, 0);
  g_autoptr(GPtrArray) packs = NULL;
  g_autofree char *draft = NULL;

  draft = rapport_store_load_draft (store, &updated, &error);
  g_assert_no_error (error);
  g_assert_null (draft);
  g_assert_null (updated);

  g_assert_true (rapport_store_save_draft (store, "{\"title\":\"one\"}", &error));
  g_assert_true (rapport_store_save_draft (store, "{\"title\":\"two\"}", &error));
  g_assert_no_error (error);
  draft = rapport_store_load_draft (store, &updated, &error);
  g_assert_cmpstr (draft, ==, "{\"title\":\"two\"}");
  g_assert_nonnull (updated);
  g_assert_cmpint (rapport_unit_query_int (rapport_store_get_connection (store),
                              "SELECT count(*) FROM draft"), ==, 1);
  g_clear_pointer (&draft, g_free);
  g_assert_true (rapport_store_clear_draft (store, &error));
  draft = rapport_store_load_draft (store, NULL, &error);
  g_assert_null (draft);

  /* Saving an entry drops the draft of that entry in the same commit, and
   * leaves a draft of another entry alone.
   */
  {
    g_autoptr(GDateTime) when = utc (2024, 3, 1, 9, 0);
    g_autoptr(RapportStoreEntry) entry = rapport_unit_new_entry ("drafted", when);
    g_autofree char *json = g_strdup_printf ("{\"uuid\":\"%s\",\"title\":\"drafted\"}", entry->uuid);
    const char *other = "{\"uuid\":\"0b0c8f4e-7c2e-4f43-9d1c-5b1f1b1d2e3f\",\"title\":\"other\"}";

    g_assert_true (rapport_store_save_draft (store, other, &error));
    g_assert_true (rapport_store_save_journal_entry (store, entry, &error));
    draft = rapport_store_load_draft (store, NULL, &error);
    g_assert_cmpstr (draft, ==, other);
    g_clear_pointer (&draft, g_free);

    g_assert_true (rapport_store_save_draft (store, json, &error));
    g_assert_true (rapport_store_save_journal_entry (store, entry, &error));
    g_assert_no_error (error);
    draft = rapport_store_load_draft (store, NULL, &error);
    g_assert_null (draft);

    /* A draft that is not JSON does not stop a save. */
    g_assert_true (rapport_store_save_draft (store, "not json", &error));
    g_assert_true (rapport_store_save_journal_entry (store, entry, &error));
    g_assert_no_error (error);
    draft = rapport_store_load_draft (store, NULL, &error);
    g_assert_cmpstr (draft, ==, "not json");
    g_clear_pointer (&draft, g_free);
    g_assert_true (rapport_store_clear_draft (store, &error));
  }

  g_assert_true (rapport_store_set_pack_installed (store, "core", "1.0", "Core", installed,
                                                   &error));
  g_assert_true (rapport_store_set_pack_installed (store, "acme-sales", "0.3", "Acme sales",
                                                   NULL, &error));
  g_assert_true (rapport_store_set_pack_installed (store, "core", "1.1", "Core", installed,
                                                   &error));
  g_assert_no_error (error);
  packs = rapport_store_list_packs (store, &error);
  g_assert_cmpuint (packs->len, ==, 2);
  g_assert_cmpstr (((RapportStorePack *) packs->pdata[0])->id, ==, "acme-sales");
  g_assert_cmpstr (((RapportStorePack *) packs->pdata[1])->version, ==, "1.1");
  g_assert_true (g_date_time_equal (((RapportStorePack *) packs->pdata[1])->installed, installed));
  g_clear_pointer (&packs, g_ptr_array_unref);

  g_assert_true (rapport_store_remove_pack (store, "acme-sales", &error));
  packs = rapport_store_list_packs (store, &error);
  g_assert_cmpuint (packs->len, ==, 1);
}

/* Export, restore, reset */

static void
test_store_export_restore (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *backups = backup_dir_for (path);
  g_autofree char *exported = rapport_unit_scratch_path ("my-progress.rapport-backup");
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = save_new_entry (store, "entry A", "");
  g_autofree char *b = save_new_entry (store, "entry B", "");
  g_autofree char *c = NULL;
  g_autofree char *before_restore = NULL;
  g_autofree char *mode = NULL;
  sqlite3 *db;

  g_assert_true (rapport_store_export_to_file (store, exported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_unit_mode_of (exported), ==, 0600);
  assert_integrity_ok (exported);

  /* A self-contained file: no -wal beside it is needed. */
  db = open_raw (exported);
  mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  g_assert_cmpint (rapport_unit_query_int (db, "SELECT count(*) FROM journal_entry"), ==, 2);
  sqlite3_close (db);

  c = save_new_entry (store, "entry C", "");
  g_assert_true (rapport_store_delete_journal_entry (store, a, &error));

  g_assert_true (rapport_store_restore_from_file (store, exported, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_unit_has_entry (store, a));
  g_assert_true (rapport_unit_has_entry (store, b));
  g_assert_false (rapport_unit_has_entry (store, c));
  g_assert_cmpuint (search_count (store, "entry"), ==, 2);

  /* What was there before is in the backups folder. */
  before_restore = find_file_matching (backups, "progress-*-before-restore.db");
  g_assert_nonnull (before_restore);
  g_assert_cmpuint (rapport_unit_mode_of (before_restore), ==, 0600);
  db = open_raw (before_restore);
  g_assert_cmpint (rapport_unit_query_int (db, "SELECT count(*) FROM journal_entry"), ==, 2);
  sqlite3_close (db);

  /* Still a working WAL store afterwards. */
  g_free (mode);
  mode = query_text (rapport_store_get_connection (store), "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_free (save_new_entry (store, "entry D", ""));
  g_clear_object (&store);
  assert_integrity_ok (path);
}

static void
test_store_restore_older_version (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *old = rapport_unit_scratch_path ("old-v1.db");
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GError) error = NULL;

  load_fixture ("progress-v1.sql", old);
  g_assert_true (rapport_store_restore_from_file (store, old, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_unit_query_int (rapport_store_get_connection (store), "PRAGMA user_version"), ==,
                   RAPPORT_STORE_SCHEMA_VERSION);
  check_fixture_data (store, FALSE);
}

static void
test_store_restore_rejects (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *text = rapport_unit_scratch_path ("notes.txt");
  g_autofree char *other = rapport_unit_scratch_path ("other.db");
  g_autofree char *newer = rapport_unit_scratch_path ("newer.db");
  g_autofree char *damaged = rapport_unit_scratch_path ("damaged.db");
  g_autofree char *missing = rapport_unit_scratch_path ("missing.db");
  g_autofree char *tmp = g_path_get_dirname (text);
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autofree char *uuid = save_new_entry (store, "precious", "");
  g_autoptr(GError) error = NULL;
  struct { const char *path; RapportStoreError code; } cases[] = {
    { text, RAPPORT_STORE_ERROR_NOT_A_STORE },
    { other, RAPPORT_STORE_ERROR_NOT_A_STORE },
    { newer, RAPPORT_STORE_ERROR_TOO_NEW },
    { damaged, RAPPORT_STORE_ERROR_CORRUPT },
    { missing, RAPPORT_STORE_ERROR_NOT_A_STORE },
    { tmp, RAPPORT_STORE_ERROR_NOT_A_STORE },
  };
  sqlite3 *db;

  g_assert_true (g_file_set_contents (text, "not a database", -1, NULL));
  make_foreign_db (other, 0, 1);
  make_foreign_db (newer, RAPPORT_STORE_APPLICATION_ID, RAPPORT_STORE_SCHEMA_VERSION + 1);

  /* A real export with a few b-tree pages wrecked. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *filler = g_strnfill (2000, 'a' + i % 26);

      g_free (save_new_entry (store, "filler", filler));
    }
  g_assert_true (rapport_store_export_to_file (store, damaged, &error));
  g_assert_no_error (error);
  overwrite (damaged, 8 * 4096, 6 * 4096, 0x77);
  assert_damaged (damaged);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_clear_error (&error);
      g_assert_false (rapport_store_restore_from_file (store, cases[i].path, &error));
      g_assert_error (error, RAPPORT_STORE_ERROR, (int) cases[i].code);
      g_assert_true (strstr (error->message, "unchanged") != NULL
                     || strstr (error->message, "nothing was restored") != NULL);
    }

  g_assert_true (rapport_unit_has_entry (store, uuid));
  db = open_raw (other);
  g_assert_cmpint (rapport_unit_query_int (db, "SELECT count(*) FROM future"), ==, 1);
  sqlite3_close (db);
}

static void
test_store_reset (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *backups = backup_dir_for (path);
  g_autoptr(RapportStore) store = store_with_known_data ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GDateTime) due_time = utc (2024, 1, 1, 0, 0);
  g_autofree char *before_reset = NULL;
  g_autofree char *draft = NULL;
  sqlite3 *db;

  g_assert_true (rapport_store_set_pack_installed (store, "core", "1.0", "Core", NULL, &error));
  g_assert_true (rapport_store_save_draft (store, "{}", &error));
  g_assert_true (rapport_store_mark_lesson_completed (store, "core", "empathy", "one", NULL,
                                                      &error));
  g_assert_true (rapport_store_upsert_review_item (store, "core", "empathy", "q1", 1, due_time,
                                                   &error));
  g_assert_no_error (error);

  g_assert_true (rapport_store_reset (store, &error));
  g_assert_no_error (error);

  entries = rapport_store_list_journal_entries (store, NULL, &error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_cmpuint (search_count (store, "rated"), ==, 0);
  draft = rapport_store_load_draft (store, NULL, &error);
  g_assert_null (draft);
  due = rapport_store_list_due_reviews (store, NULL, 0, &error);
  g_assert_cmpuint (due->len, ==, 0);
  db = rapport_store_get_connection (store);
  g_assert_cmpint (rapport_unit_query_int (db, "SELECT count(*) FROM quiz_attempt"), ==, 0);
  g_assert_cmpint (rapport_unit_query_int (db, "SELECT count(*) FROM quiz_answer"), ==, 0);
  g_assert_cmpint (rapport_unit_query_int (db, "SELECT count(*) FROM journal_rating"), ==, 0);
  g_assert_cmpint (rapport_unit_query_int (db, "SELECT count(*) FROM lesson_progress"), ==, 0);

  /* Installed packs are content, not progress: they stay. */
  packs = rapport_store_list_packs (store, &error);
  g_assert_cmpuint (packs->len, ==, 1);

  before_reset = find_file_matching (backups, "progress-*-before-reset.db");
  g_assert_nonnull (before_reset);
  db = open_raw (before_reset);
  g_assert_cmpint (rapport_unit_query_int (db, "SELECT count(*) FROM journal_entry"), ==,
                   G_N_ELEMENTS (known_ratings));
  sqlite3_close (db);

  g_free (save_new_entry (store, "a fresh start", ""));
  g_assert_cmpuint (search_count (store, "fresh"), ==, 1);
}

/* Errors users can act on */

static void
test_store_read_only (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(RapportStoreEntry) entry = rapport_unit_new_entry ("blocked", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = rapport_store_get_connection (store);

  /* SQLite's own read-only answer maps to READ_ONLY, whoever runs the test. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (rapport_store_save_journal_entry (store, entry, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (rapport_store_save_journal_entry (store, entry, &error));
  g_clear_object (&store);

  if (geteuid () == 0)
    {
      g_test_message ("not checking a read-only folder: root ignores folder permissions");
      return;
    }

  g_assert_no_errno (g_chmod (dir, 0500));
  store = rapport_store_new_for_path (path, &error);
  g_assert_no_errno (g_chmod (dir, 0700));

  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, dir));
  g_test_message ("%s", error->message);
}

static void
test_store_disk_full (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(RapportStoreEntry) big = rapport_unit_new_entry ("too big", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = save_new_entry (store, "saved before", "safe");
  g_autofree char *sql = NULL;
  sqlite3 *db = rapport_store_get_connection (store);

  g_free (big->situation);
  big->situation = g_strnfill (200 * 1024, 'x');

  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                         rapport_unit_query_int (db, "PRAGMA page_count") + 1);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (rapport_store_save_journal_entry (store, big, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_nonnull (strstr (error->message, "Nothing saved before was lost"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_assert_true (rapport_unit_has_entry (store, kept));
  g_assert_false (rapport_unit_has_entry (store, big->uuid));

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1000000", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_true (rapport_store_save_journal_entry (store, big, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  assert_integrity_ok (path);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/rapport/store/new-file-private", test_store_new_file_private);
  g_test_add_func ("/rapport/store/tightens-modes", test_store_tightens_modes);
  /* Every earlier version has a fixture, so each one's upgrade is tested. */
  for (int version = 1; version < RAPPORT_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *test_path = g_strdup_printf ("/rapport/store/migrate-v%d", version);

      g_test_add_data_func (test_path, GINT_TO_POINTER (version), test_store_migrate);
    }
  g_test_add_func ("/rapport/store/fixtures-match-migrations",
                   test_store_fixtures_match_migrations);
  g_test_add_func ("/rapport/store/too-new", test_store_too_new);
  g_test_add_func ("/rapport/store/not-a-store", test_store_not_a_store);
  g_test_add_func ("/rapport/store/killed-writer", test_store_killed_writer);
  g_test_add_func ("/rapport/store/recover-header", test_store_recover_header);
  g_test_add_func ("/rapport/store/recover-middle", test_store_recover_middle);
  g_test_add_func ("/rapport/store/recover-no-backup", test_store_recover_no_backup);
  g_test_add_func ("/rapport/store/recover-skips-bad-backup", test_store_recover_skips_bad_backup);
  g_test_add_func ("/rapport/store/daily-backups", test_store_daily_backups);
  g_test_add_func ("/rapport/store/round-trip", test_store_round_trip);
  g_test_add_func ("/rapport/store/update-and-delete", test_store_update_and_delete);
  g_test_add_func ("/rapport/store/constraints", test_store_constraints);
  g_test_add_func ("/rapport/store/search", test_store_search);
  g_test_add_func ("/rapport/store/search-hostile", test_store_search_hostile);
  g_test_add_func ("/rapport/store/list-paging", test_store_list_paging);
  g_test_add_func ("/rapport/store/aggregates", test_store_aggregates);
  g_test_add_func ("/rapport/store/points", test_store_points);
  g_test_add_func ("/rapport/store/chart-points", test_store_chart_points);
  g_test_add_func ("/rapport/store/activity", test_store_activity);
  g_test_add_func ("/rapport/store/topic-summary", test_store_topic_summary);
  g_test_add_func ("/rapport/store/lessons", test_store_lessons);
  g_test_add_func ("/rapport/store/quiz", test_store_quiz);
  g_test_add_func ("/rapport/store/review-queue", test_store_review_queue);
  g_test_add_func ("/rapport/store/draft-and-packs", test_store_draft_and_packs);
  g_test_add_func ("/rapport/store/export-restore", test_store_export_restore);
  g_test_add_func ("/rapport/store/restore-older-version", test_store_restore_older_version);
  g_test_add_func ("/rapport/store/restore-rejects", test_store_restore_rejects);
  g_test_add_func ("/rapport/store/reset", test_store_reset);
  g_test_add_func ("/rapport/store/read-only", test_store_read_only);
  g_test_add_func ("/rapport/store/disk-full", test_store_disk_full);

  return g_test_run ();
}
