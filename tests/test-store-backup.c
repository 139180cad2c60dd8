/* test-store-backup.c: the automatic backups: when they are taken, what a copy of a live file
 * holds, what pruning keeps, and what the recovery notice says
 *
 * None of these tests waits for a clock: the delays are set to what each
 * test needs, and a test runs the main loop until the store has started the
 * backup it expects.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rapport-skill.h"
#include "rapport-store-private.h"
#include "rapport-unit-utils.h"

#define HOUR_MS (60 * 60 * 1000)

/* Helpers */

static char *
store_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapport", "progress.db", NULL);
}

static char *
backup_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapport", "backups", NULL);
}

static sqlite3 *
open_backup (const char *path)
{
  sqlite3 *db = NULL;
  g_autofree char *integrity = rapport_unit_integrity_check (path);

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpuint (rapport_unit_mode_of (path), ==, 0600);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  return db;
}

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = open_backup (path);
  gint64 n = rapport_unit_query_int (db, sql);

  sqlite3_close (db);

  return n;
}

static char *
save_entry (RapportStore *store,
            const char   *title)
{
  g_autoptr(RapportStoreEntry) entry = rapport_unit_new_entry (title, NULL);

  for (guint i = 0; i < rapport_skill_get_count (); i++)
    rapport_store_entry_set_rating (entry, rapport_skill_get_nth (i)->key, 1 + i % 5);
  rapport_unit_save_entry (store, entry);

  return g_strdup (entry->uuid);
}

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* @n entries of 4 KB each, in one transaction, so that copying the file
 * takes a while; written past the store's API, so they call for no backup.
 */
static void
add_filler (RapportStore *store,
            guint         n)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO journal_entry (uuid, created_at, occurred_at, updated_at, title, situation)"
    " WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
    " SELECT 'filler-' || i, 0, i, 0, 'filler', hex (randomblob (2000)) FROM n", n);

  exec_ok (rapport_store_get_connection (store), sql);
}

/* The backups of @kind in the folder, newest first. */
static GPtrArray *
list_kind (RapportStoreBackupKind kind)
{
  g_autofree char *dir = backup_dir ();
  g_autoptr(GPtrArray) all = rapport_store_list_backups (dir);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < all->len; i++)
    {
      const RapportStoreBackupFile *file = g_ptr_array_index (all, i);

      if (file->kind == kind)
        g_ptr_array_add (found, g_strdup (file->path));
    }

  return found;
}

static guint
count_kind (RapportStoreBackupKind kind)
{
  g_autoptr(GPtrArray) found = list_kind (kind);

  return found->len;
}

static guint
count_all (void)
{
  g_autofree char *dir = backup_dir ();
  g_autoptr(GPtrArray) all = rapport_store_list_backups (dir);

  return all->len;
}

/* The main loop runs until the waiting backup has started; then the test
 * waits for the worker to write it.
 */
static void
run_waiting_backup (RapportStore *store)
{
  g_assert_cmpint (rapport_store_get_backup_due (store), !=, 0);
  while (rapport_store_get_backup_due (store) != 0)
    g_main_context_iteration (NULL, TRUE);
  rapport_store_wait_for_backup (store);
}

/* When backups are taken */

/* The first write sets the time of the next backup and later writes do not
 * push it back; after a backup, the next waits for the interval; an exit
 * backup is taken only when something is new.
 */
static void
test_backup_debounce (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *dir = backup_dir ();
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exits = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  gint64 before, after, due;

  /* Nothing written, nothing waiting. */
  rapport_store_set_backup_delays (store, 60 * 1000, 5 * 60 * 1000);
  g_assert_cmpint (rapport_store_get_backup_due (store), ==, 0);

  before = g_get_monotonic_time ();
  first = save_entry (store, "first");
  after = g_get_monotonic_time ();
  due = rapport_store_get_backup_due (store);
  g_assert_cmpint (due, >=, before + 60 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (due, <=, after + 60 * G_TIME_SPAN_SECOND);

  second = save_entry (store, "second");
  g_assert_cmpint (rapport_store_get_backup_due (store), ==, due);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  /* Without the minute's wait: the waiting backup moves to now. */
  before = g_get_monotonic_time ();
  rapport_store_set_backup_delays (store, 0, 5 * 60 * 1000);
  g_assert_cmpint (rapport_store_get_backup_due (store), <=, g_get_monotonic_time ());
  run_waiting_backup (store);
  after = g_get_monotonic_time ();
  g_assert_cmpuint (count_all (), ==, 1);
  g_assert_cmpint (rapport_store_get_backup_due (store), ==, 0);

  /* The next write waits for the interval from that backup's start. */
  third = save_entry (store, "third");
  due = rapport_store_get_backup_due (store);
  g_assert_cmpint (due, >=, before + 5 * 60 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (due, <=, after + 5 * 60 * G_TIME_SPAN_SECOND);
  g_free (save_entry (store, "fourth"));
  g_assert_cmpint (rapport_store_get_backup_due (store), ==, due);

  /* A clean exit takes what is new at once and calls off the waiting one. */
  g_assert_true (rapport_store_backup_on_exit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_store_get_backup_due (store), ==, 0);
  exits = list_kind (RAPPORT_STORE_BACKUP_EXIT);
  g_assert_cmpuint (exits->len, ==, 1);
  g_assert_cmpint (count_rows (exits->pdata[0], "SELECT count(*) FROM journal_entry"), ==, 4);

  /* With nothing new, an exit adds no copy, and closing adds none either. */
  g_assert_true (rapport_store_backup_on_exit (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpuint (count_all (), ==, 2);
}

/* A store that is opened and closed without a write gets no backup but the
 * daily one, and the first copy of a day is that day's daily backup; a
 * session or exit backup does not count as one.
 */
static void
test_backup_daily (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *dir = backup_dir ();
  g_autofree char *old_daily = NULL;
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) two_days_ago = g_date_time_add_days (now, -2);
  g_autofree char *old_stamp = g_date_time_format (two_days_ago, "%Y%m%d-%H%M%S");
  g_autofree char *old_name = g_strdup_printf ("progress-%s-v3-daily.db", old_stamp);
  g_autoptr(GPtrArray) dailies = NULL;

  /* A new store: its first copy is the day's. */
  rapport_store_set_backup_delays (store, 0, 0);
  g_free (save_entry (store, "one"));
  run_waiting_backup (store);
  g_assert_cmpuint (count_kind (RAPPORT_STORE_BACKUP_DAILY), ==, 1);
  g_assert_cmpuint (count_kind (RAPPORT_STORE_BACKUP_SESSION), ==, 0);

  g_free (save_entry (store, "two"));
  run_waiting_backup (store);
  g_assert_cmpuint (count_kind (RAPPORT_STORE_BACKUP_DAILY), ==, 1);
  g_assert_cmpuint (count_kind (RAPPORT_STORE_BACKUP_SESSION), ==, 1);
  g_clear_object (&store);

  /* Opened again the same day: nothing. */
  store = rapport_unit_open_store (path);
  rapport_store_wait_for_backup (store);
  g_clear_object (&store);
  g_assert_cmpuint (count_all (), ==, 2);

  /* The daily backup made two days old, the session backup left as it is
   * (minutes old): the day's backup is due.
   */
  dailies = list_kind (RAPPORT_STORE_BACKUP_DAILY);
  old_daily = g_build_filename (dir, old_name, NULL);
  g_assert_no_errno (g_rename (dailies->pdata[0], old_daily));
  g_clear_pointer (&dailies, g_ptr_array_unref);

  store = rapport_unit_open_store (path);
  rapport_store_wait_for_backup (store);
  g_assert_cmpint (rapport_store_get_backup_due (store), ==, 0);
  g_clear_object (&store);
  dailies = list_kind (RAPPORT_STORE_BACKUP_DAILY);
  g_assert_cmpuint (dailies->len, ==, 2);
  g_assert_cmpstr (dailies->pdata[1], ==, old_daily);
  g_assert_cmpint (count_rows (dailies->pdata[0], "SELECT count(*) FROM journal_entry"), ==, 2);
}

/* A backup that cannot be written is logged, the app goes on, and the next
 * attempt comes after the interval.
 */
static void
test_backup_failure_retried (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *dir = backup_dir ();
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autofree char *uuid = NULL;
  gint64 before;

  /* A file where the folder should be. */
  g_assert_true (g_file_set_contents (dir, "in the way", -1, NULL));

  rapport_store_set_backup_delays (store, 0, HOUR_MS);
  uuid = save_entry (store, "kept anyway");
  before = g_get_monotonic_time ();
  run_waiting_backup (store);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_REGULAR));

  /* Retried after the interval, without a new write. */
  g_assert_cmpint (rapport_store_get_backup_due (store), >=, before + HOUR_MS * G_TIME_SPAN_MILLISECOND);
  g_assert_true (rapport_unit_has_entry (store, uuid));

  g_assert_no_errno (g_unlink (dir));
  rapport_store_set_backup_delays (store, 0, 0);
  run_waiting_backup (store);
  g_assert_cmpint (rapport_store_get_backup_due (store), ==, 0);
  g_assert_cmpuint (count_all (), ==, 1);
  g_assert_cmpuint (rapport_unit_mode_of (dir), ==, 0700);
}

/* What a copy of a live file holds */

static gint64
file_size (const char *path)
{
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));

  return st.st_size;
}

/* A transaction in progress is in the WAL file already (the cache is too
 * small to hold it), yet the copy has only what was committed; once it is
 * committed, the next copy has it.
 */
static void
test_backup_live_wal (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  sqlite3 *db = rapport_store_get_connection (store);
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *committed = NULL;
  gint64 wal_before;

  rapport_store_set_backup_delays (store, HOUR_MS, HOUR_MS);
  add_filler (store, 40);
  committed = save_entry (store, "committed");

  exec_ok (db, "PRAGMA cache_size = 8");
  wal_before = file_size (wal);
  exec_ok (db, "BEGIN IMMEDIATE");
  exec_ok (db, "INSERT INTO journal_entry (uuid, created_at, occurred_at, updated_at, title, situation)"
               " VALUES ('not-committed', 0, 0, 0, 'in progress', hex (randomblob (1000000)))");
  g_assert_cmpint (file_size (wal), >, wal_before + 1000000);

  rapport_store_set_backup_delays (store, 0, 0);
  run_waiting_backup (store);
  copies = list_kind (RAPPORT_STORE_BACKUP_DAILY);
  g_assert_cmpuint (copies->len, ==, 1);
  g_assert_cmpint (count_rows (copies->pdata[0], "SELECT count(*) FROM journal_entry"), ==, 41);
  g_assert_cmpint (count_rows (copies->pdata[0],
                               "SELECT count(*) FROM journal_entry WHERE uuid = 'not-committed'"),
                   ==, 0);
  g_assert_cmpint (count_rows (copies->pdata[0], "SELECT count(*) FROM journal_rating"), ==,
                   rapport_skill_get_count ());

  exec_ok (db, "COMMIT");
  exec_ok (db, "PRAGMA cache_size = -2000");
  g_free (save_entry (store, "after the commit"));
  run_waiting_backup (store);
  g_clear_pointer (&copies, g_ptr_array_unref);
  copies = list_kind (RAPPORT_STORE_BACKUP_SESSION);
  g_assert_cmpuint (copies->len, ==, 1);
  g_assert_cmpint (count_rows (copies->pdata[0], "SELECT count(*) FROM journal_entry"), ==, 43);
  g_assert_cmpint (count_rows (copies->pdata[0],
                               "SELECT length (situation) FROM journal_entry WHERE uuid = 'not-committed'"),
                   ==, 2000000);
}

/* Writes go on while the worker copies: the copy is one committed state,
 * whichever it caught, with every entry whole (all its ratings) and no
 * later entry without the earlier ones.
 */
static void
test_backup_during_writes (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GPtrArray) copies = NULL;
  sqlite3 *copy;
  gint64 n_entries, n_written, max_number;
  guint n_skills = rapport_skill_get_count ();
  g_autofree char *incomplete = g_strdup_printf (
    "SELECT count(*) FROM journal_entry AS e WHERE title != 'filler'"
    " AND (SELECT count(*) FROM journal_rating AS r WHERE r.entry_id = e.id) != %u", n_skills);

  rapport_store_set_backup_delays (store, 0, HOUR_MS);
  add_filler (store, 800);
  g_free (save_entry (store, "0"));

  /* The worker starts; the test writes at once, as the app may. */
  while (rapport_store_get_backup_due (store) != 0)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 1; i <= 50; i++)
    {
      g_autofree char *title = g_strdup_printf ("%u", i);

      g_free (save_entry (store, title));
    }
  rapport_store_wait_for_backup (store);

  copies = list_kind (RAPPORT_STORE_BACKUP_DAILY);
  g_assert_cmpuint (copies->len, ==, 1);
  copy = open_backup (copies->pdata[0]);
  n_entries = rapport_unit_query_int (copy, "SELECT count(*) FROM journal_entry");
  n_written = rapport_unit_query_int (copy, "SELECT count(*) FROM journal_entry WHERE title != 'filler'");
  max_number = rapport_unit_query_int (copy, "SELECT max (CAST (title AS INTEGER)) FROM journal_entry"
                                " WHERE title != 'filler'");
  g_test_message ("the copy caught %" G_GINT64_FORMAT " of the 51 entries", n_written);
  g_assert_cmpint (n_entries, ==, 800 + n_written);
  g_assert_cmpint (n_written, >=, 1);
  g_assert_cmpint (n_written, <=, 51);
  g_assert_cmpint (max_number, ==, n_written - 1);
  g_assert_cmpint (rapport_unit_query_int (copy, "SELECT count(*) FROM journal_rating"), ==,
                   n_written * n_skills);
  g_assert_cmpint (rapport_unit_query_int (copy, incomplete), ==, 0);
  sqlite3_close (copy);

  /* The writes after the copy's start call for another one. */
  g_assert_cmpint (rapport_store_get_backup_due (store), !=, 0);
}

/* What pruning keeps */

/* A real, good backup's bytes, under the names the tests give them. */
static GBytes *
good_backup_bytes (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *exported = rapport_unit_scratch_path ("good.db");
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GError) error = NULL;

  g_free (save_entry (store, "in every backup"));
  g_assert_true (rapport_store_export_to_file (store, exported, &error));
  g_assert_no_error (error);

  return rapport_unit_read_bytes (exported);
}

static char *
put_file (const char *name,
          GBytes     *bytes)
{
  g_autofree char *dir = backup_dir ();
  char *file = g_build_filename (dir, name, NULL);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_assert_true (g_file_set_contents (file, data, size, NULL));

  return file;
}

static gboolean
exists (const char *name)
{
  g_autofree char *dir = backup_dir ();
  g_autofree char *file = g_build_filename (dir, name, NULL);

  return g_file_test (file, G_FILE_TEST_EXISTS);
}

static const char * const never_pruned[] = {
  "notes.txt",
  "progress-old.db",
  "progress-20200101-000000-v1.db",
  "progress-20200102-000000-v3-before-reset.db",
  "progress-20200103-000000-v3-before-restore.db",
  "progress-20200104-000000-v3-daily.db.keep",
  ".progress-20200105-000000-v3-session.db-a1b2c3",
};

static void
put_never_pruned (GBytes *bytes)
{
  for (guint i = 0; i < G_N_ELEMENTS (never_pruned); i++)
    g_free (put_file (never_pruned[i], bytes));
}

static void
assert_never_pruned_kept (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (never_pruned); i++)
    g_assert_true (exists (never_pruned[i]));
}

/* The newest five session or exit backups and seven daily ones stay. */
static void
test_prune_counts (void)
{
  g_autoptr(GBytes) good = good_backup_bytes ();
  g_autofree char *dir = backup_dir ();

  put_never_pruned (good);
  /* Sessions at 10:00 … 10:07, exits at 10:01:30, 10:03:30 and 10:08:30 on
   * the same day, dailies on the 1st to the 10th.
   */
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("progress-20260110-10%02u00-v3-session.db", i);

      g_free (put_file (name, good));
    }
  for (guint i = 0; i < 3; i++)
    {
      static const guint minutes[] = { 1, 3, 8 };
      g_autofree char *name = g_strdup_printf ("progress-20260110-10%02u30-v3-exit.db", minutes[i]);

      g_free (put_file (name, good));
    }
  for (guint i = 1; i <= 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("progress-202601%02u-090000-v3-daily.db", i);

      g_free (put_file (name, good));
    }

  rapport_store_prune_backups (dir, &rapport_store_backup_policy);

  /* Newest first: exit 10:08:30, sessions 10:07, 10:06, 10:05, 10:04. */
  g_assert_true (exists ("progress-20260110-100830-v3-exit.db"));
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("progress-20260110-10%02u00-v3-session.db", i);

      g_assert_cmpint (exists (name), ==, i >= 4);
    }
  g_assert_false (exists ("progress-20260110-100330-v3-exit.db"));
  g_assert_false (exists ("progress-20260110-100130-v3-exit.db"));
  for (guint i = 1; i <= 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("progress-202601%02u-090000-v3-daily.db", i);

      g_assert_cmpint (exists (name), ==, i >= 4);
    }
  assert_never_pruned_kept ();
  g_assert_cmpuint (count_kind (RAPPORT_STORE_BACKUP_SESSION) + count_kind (RAPPORT_STORE_BACKUP_EXIT), ==, 5);
  g_assert_cmpuint (count_kind (RAPPORT_STORE_BACKUP_DAILY), ==, 7);
}

/* Over the byte budget, the oldest session and exit backups go first, then
 * the oldest daily ones; the newest good backup stays even when it alone is
 * over the budget.
 */
static void
test_prune_budget (void)
{
  g_autoptr(GBytes) good = good_backup_bytes ();
  g_autofree char *dir = backup_dir ();
  guint64 size = g_bytes_get_size (good);
  RapportStoreBackupPolicy policy = { .recent = 5, .daily = 7, .max_bytes = 4 * size };

  put_never_pruned (good);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("progress-20260110-10%02u00-v3-session.db", i);

      g_free (put_file (name, good));
    }
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("progress-202601%02u-090000-v3-daily.db", i);

      g_free (put_file (name, good));
    }

  /* Seven copies, room for four. */
  rapport_store_prune_backups (dir, &policy);
  g_assert_true (exists ("progress-20260110-100200-v3-session.db"));
  g_assert_false (exists ("progress-20260110-100100-v3-session.db"));
  g_assert_false (exists ("progress-20260110-100000-v3-session.db"));
  g_assert_false (exists ("progress-20260101-090000-v3-daily.db"));
  for (guint i = 2; i <= 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("progress-202601%02u-090000-v3-daily.db", i);

      g_assert_true (exists (name));
    }
  assert_never_pruned_kept ();

  /* Room for less than one copy: only the newest good one is left. */
  policy.max_bytes = size / 2;
  rapport_store_prune_backups (dir, &policy);
  g_assert_true (exists ("progress-20260110-100200-v3-session.db"));
  g_assert_cmpuint (count_kind (RAPPORT_STORE_BACKUP_DAILY), ==, 0);
  assert_never_pruned_kept ();
}

/* Damaged newer copies do not make pruning drop the newest good one, even
 * when the counts and the budget would.
 */
static void
test_prune_keeps_newest_good (void)
{
  g_autoptr(GBytes) good = good_backup_bytes ();
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a database", 14);
  g_autofree char *dir = backup_dir ();
  RapportStoreBackupPolicy policy = { .recent = 1, .daily = 1, .max_bytes = 1 };

  g_free (put_file ("progress-20260105-090000-v3-daily.db", good));
  g_free (put_file ("progress-20260104-090000-v3-daily.db", good));
  g_free (put_file ("progress-20260106-090000-v3-daily.db", junk));
  g_free (put_file ("progress-20260107-100000-v3-session.db", junk));
  g_free (put_file ("progress-20260107-110000-v3-exit.db", junk));

  rapport_store_prune_backups (dir, &policy);
  g_assert_true (exists ("progress-20260105-090000-v3-daily.db"));
  g_assert_cmpuint (count_all (), ==, 1);
}

/* Recovery */

/* The newest good backup, whatever its kind, comes back; the notice says
 * when it was saved.
 */
static void
test_backup_recovery (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(RapportStore) store = rapport_unit_open_store (path);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *dir = backup_dir ();
  g_autofree char *in_daily = NULL;
  g_autofree char *in_session = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *time = NULL;
  g_autoptr(GDateTime) local = NULL;
  const RapportStoreBackupFile *newest;
  const char *notice;
  guint8 junk[100];
  int fd;

  rapport_store_set_backup_delays (store, 0, 0);
  in_daily = save_entry (store, "in the daily backup");
  run_waiting_backup (store);
  in_session = save_entry (store, "in the session backup");
  run_waiting_backup (store);
  rapport_store_set_backup_delays (store, HOUR_MS, HOUR_MS);
  lost = save_entry (store, "after the last backup");
  g_clear_object (&store);

  all = rapport_store_list_backups (dir);
  newest = g_ptr_array_index (all, 0);
  g_assert_cmpint (newest->kind, ==, RAPPORT_STORE_BACKUP_SESSION);
  local = g_date_time_to_local (newest->time);
  time = g_date_time_format (local, "%H:%M");

  memset (junk, 0x5a, sizeof junk);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, sizeof junk, 0), ==, (gssize) sizeof junk);
  close (fd);

  store = rapport_unit_open_store (path);
  g_assert_cmpint (rapport_store_get_recovery (store), ==, RAPPORT_STORE_RECOVERY_RESTORED_BACKUP);
  notice = rapport_store_get_recovery_notice (store);
  g_test_message ("%s", notice);
  g_assert_true (rapport_unit_has_entry (store, in_daily));
  g_assert_true (rapport_unit_has_entry (store, in_session));
  g_assert_false (rapport_unit_has_entry (store, lost));
  g_assert_true (g_str_has_prefix (notice, "Your progress file was damaged. Rapport restored the "
                                           "copy saved at "));
  g_assert_nonnull (strstr (notice, time));
  g_assert_nonnull (strstr (notice, "; anything after that is missing."));
  g_assert_nonnull (strstr (notice, rapport_store_get_damaged_path (store)));
  sessions = list_kind (RAPPORT_STORE_BACKUP_SESSION);
  g_assert_cmpuint (sessions->len, ==, 1);
}

/* Today, yesterday, or the date: said in local time, relative to now. */
static void
test_backup_describe (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 10, 9, 0, 0);
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 3, 10, 8, 5, 0);
  g_autoptr(GDateTime) yesterday = g_date_time_new_local (2026, 3, 9, 23, 59, 0);
  g_autoptr(GDateTime) older = g_date_time_new_local (2026, 3, 1, 14, 32, 0);
  g_autoptr(GDateTime) last_year = g_date_time_new_local (2025, 3, 10, 8, 5, 0);
  g_autoptr(GDateTime) today_utc = g_date_time_to_utc (today);
  g_autofree char *older_date = g_date_time_format (older, "%x");
  g_autofree char *last_year_date = g_date_time_format (last_year, "%x");
  g_autofree char *on_older = g_strdup_printf ("Rapport restored the copy saved on %s at 14:32; ",
                                               older_date);
  g_autofree char *on_last_year = g_strdup_printf ("the copy saved on %s at 08:05; ",
                                                   last_year_date);
  g_autofree char *text = NULL;

  text = rapport_store_describe_restore (today_utc, now, "/x/progress.db.damaged-1");
  g_assert_cmpstr (text, ==, "Your progress file was damaged. Rapport restored the copy saved at "
                             "08:05 today; anything after that is missing. The damaged file was "
                             "kept as “/x/progress.db.damaged-1”.");
  g_clear_pointer (&text, g_free);

  text = rapport_store_describe_restore (yesterday, now, "/x/d");
  g_assert_nonnull (strstr (text, "Rapport restored the copy saved at 23:59 yesterday; "));
  g_clear_pointer (&text, g_free);

  text = rapport_store_describe_restore (older, now, "/x/d");
  g_assert_nonnull (strstr (text, on_older));
  g_clear_pointer (&text, g_free);

  text = rapport_store_describe_restore (last_year, now, "/x/d");
  g_assert_nonnull (strstr (text, on_last_year));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/rapport/store-backup/debounce", test_backup_debounce);
  g_test_add_func ("/rapport/store-backup/daily", test_backup_daily);
  g_test_add_func ("/rapport/store-backup/failure-retried", test_backup_failure_retried);
  g_test_add_func ("/rapport/store-backup/live-wal", test_backup_live_wal);
  g_test_add_func ("/rapport/store-backup/during-writes", test_backup_during_writes);
  g_test_add_func ("/rapport/store-backup/prune-counts", test_prune_counts);
  g_test_add_func ("/rapport/store-backup/prune-budget", test_prune_budget);
  g_test_add_func ("/rapport/store-backup/prune-keeps-newest-good", test_prune_keeps_newest_good);
  g_test_add_func ("/rapport/store-backup/recovery", test_backup_recovery);
  g_test_add_func ("/rapport/store-backup/describe", test_backup_describe);

  return g_test_run ();
}
