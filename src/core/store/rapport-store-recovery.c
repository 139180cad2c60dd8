/* rapport-store-recovery.c: detecting a damaged file, and putting the newest good backup in
 * its place
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rapport-store-private.h"

/* Detecting damage */

static int
query_int (sqlite3    *db,
           const char *sql,
           int        *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  return rc;
}

static gboolean
is_damage (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

/* Reads nothing but the header and the b-trees: opening a file this way and
 * closing it again leaves its bytes alone.  The header comes first, so that
 * a file from a newer Rapport or another program is recognised without
 * parsing a schema this version may not understand.
 */
gboolean
rapport_store_inspect_file (sqlite3                *db,
                            const char             *path,
                            RapportStoreFileState  *state,
                            GError                **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  memset (state, 0, sizeof *state);

  rc = query_int (db, "PRAGMA user_version", &state->version);
  if (rc == SQLITE_OK)
    rc = query_int (db, "PRAGMA application_id", &state->application_id);

  if (rc == SQLITE_OK
      && (state->version > RAPPORT_STORE_SCHEMA_VERSION
          || (state->application_id != 0
              && state->application_id != RAPPORT_STORE_APPLICATION_ID)))
    return TRUE;

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      int n_rows = 0;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);

          if (n_rows++ > 0 || g_strcmp0 (result, "ok") != 0)
            state->damage = SQLITE_CORRUPT;
        }
      sqlite3_finalize (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }

  if (rc == SQLITE_OK)
    rc = query_int (db, "SELECT count(*) FROM sqlite_schema", &state->n_objects);

  if (is_damage (rc))
    {
      state->damage = rc & 0xff;
      return TRUE;
    }

  if (rc != SQLITE_OK)
    {
      rapport_store_set_db_error (db, path, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_rapport_file (const RapportStoreFileState *state)
{
  return state->damage == 0
         && state->application_id == RAPPORT_STORE_APPLICATION_ID
         && state->version >= 1
         && state->version <= RAPPORT_STORE_SCHEMA_VERSION;
}

sqlite3 *
rapport_store_open_read_only (const char  *path,
                              GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      rapport_store_set_db_error (db, path, rc, error);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, RAPPORT_STORE_BUSY_TIMEOUT_MS);

  return db;
}

/* @path opened read-only if it is an undamaged Rapport file this version
 * can read; %NULL otherwise, with @error set only when the file could not
 * be opened or read at all.
 */
sqlite3 *
rapport_store_open_good_backup (const char  *path,
                                GError     **error)
{
  RapportStoreFileState state;
  sqlite3 *db;

  db = rapport_store_open_read_only (path, error);
  if (db == NULL)
    return NULL;

  if (rapport_store_inspect_file (db, path, &state, error) && is_rapport_file (&state))
    return db;

  sqlite3_close (db);

  return NULL;
}

int
rapport_store_current_version (RapportStore *self)
{
  int version = 0;

  query_int (self->db, "PRAGMA user_version", &version);

  return version;
}

/* Recovery */

static char *
unused_name (const char *base)
{
  char *path = g_strdup (base);

  for (int counter = 2; g_file_test (path, G_FILE_TEST_EXISTS); counter++)
    {
      g_free (path);
      path = g_strdup_printf ("%s-%d", base, counter);
    }

  return path;
}

/* Any kind of backup (daily, session, exit, before a migration, a restore
 * or a reset): the newest that passes its check wins.
 */
static gboolean
restore_newest_backup (RapportStore  *self,
                       char         **restored_from,
                       GDateTime    **restored_time)
{
  g_autofree char *dir = rapport_store_get_backup_dir (self);
  g_autoptr(GPtrArray) backups = rapport_store_list_backups (dir);

  for (guint i = 0; i < backups->len; i++)
    {
      const RapportStoreBackupFile *file = g_ptr_array_index (backups, i);
      g_autoptr(GError) error = NULL;
      sqlite3 *db;
      gboolean ok;

      db = rapport_store_open_good_backup (file->path, &error);
      ok = db != NULL && rapport_store_copy_database (db, self->path, &error);
      g_clear_pointer (&db, sqlite3_close);

      if (ok)
        {
          *restored_from = g_strdup (file->path);
          *restored_time = g_date_time_ref (file->time);
          return TRUE;
        }

      g_message ("Skipping backup %s: %s", file->path,
                 error != NULL ? error->message : "failed its check");
    }

  return FALSE;
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b)
         && g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* The banner's sentence after a restore: when the copy was saved, in local
 * time, said the way a person would ("at 14:32 today").  @now is the
 * caller's, so that the tests can pin it.
 */
char *
rapport_store_describe_restore (GDateTime  *saved,
                                GDateTime  *now,
                                const char *damaged)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (saved);
  g_autoptr(GDateTime) today = g_date_time_to_local (now);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (today, -1);
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  g_autofree char *date = NULL;

  if (same_day (local, today))
    {
      /* Translators: the first %s is a time (14:32), the second a file's path */
      return g_strdup_printf (_("Your progress file was damaged. Rapport restored the copy "
                                "saved at %s today; anything after that is missing. The "
                                "damaged file was kept as “%s”."), time, damaged);
    }

  if (same_day (local, yesterday))
    {
      /* Translators: the first %s is a time (14:32), the second a file's path */
      return g_strdup_printf (_("Your progress file was damaged. Rapport restored the copy "
                                "saved at %s yesterday; anything after that is missing. The "
                                "damaged file was kept as “%s”."), time, damaged);
    }

  date = g_date_time_format (local, "%x");
  /* Translators: a date (the locale's short form), a time (14:32), then a file's path */
  return g_strdup_printf (_("Your progress file was damaged. Rapport restored the copy saved on "
                            "%s at %s; anything after that is missing. The damaged file was "
                            "kept as “%s”."), date, time, damaged);
}

/* The journal cannot be rebuilt from anywhere else: keep the damaged file
 * under a new name, never delete it, and bring back the newest good backup.
 */
gboolean
rapport_store_recover (RapportStore  *self,
                       GError       **error)
{
  static const char * const companions[] = { "-wal", "-shm" };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *base = g_strdup_printf ("%s.damaged-%s", self->path, stamp);
  g_autofree char *damaged = unused_name (base);
  g_autofree char *restored_from = NULL;
  g_autoptr(GDateTime) restored_time = NULL;

  if (g_rename (self->path, damaged) != 0)
    {
      rapport_store_set_errno_error (error, errno, self->path);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (self->path, companions[i], NULL);
      g_autofree char *to = g_strconcat (damaged, companions[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          rapport_store_set_errno_error (error, errno, from);
          return FALSE;
        }
    }

  g_message ("The progress file %s was damaged; it was moved to %s", self->path, damaged);

  g_clear_pointer (&self->damaged_path, g_free);
  g_clear_pointer (&self->recovery_notice, g_free);
  self->damaged_path = g_strdup (damaged);

  if (restore_newest_backup (self, &restored_from, &restored_time))
    {
      self->recovery = RAPPORT_STORE_RECOVERY_RESTORED_BACKUP;
      self->recovery_notice = rapport_store_describe_restore (restored_time, now, damaged);
      g_message ("Restored %s from %s", self->path, restored_from);
    }
  else
    {
      self->recovery = RAPPORT_STORE_RECOVERY_STARTED_FRESH;
      self->recovery_notice =
        g_strdup_printf (_("Your progress file was damaged and no usable backup was found, "
                           "so Rapport started a new one. The damaged file was kept as “%s”."),
                         damaged);
    }

  return rapport_store_prepare_private_file (self->path, error);
}
