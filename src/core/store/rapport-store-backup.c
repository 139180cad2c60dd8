/* rapport-store-backup.c: copies of the progress file: taking, listing and pruning backups,
 * export, restore from a file, and the reset that keeps a copy of what it removed
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rapport-paths.h"
#include "rapport-store-private.h"

/* What the automatic backups (daily, session, exit) may take: the newest
 * five of a session or an exit and the last seven days, within 100 MiB.  A
 * store with ten years of entries is about 7 MB, so the budget only bites
 * for unusual stores; then the oldest go first (see
 * rapport_store_prune_backups()).
 */
const RapportStoreBackupPolicy rapport_store_backup_policy = {
  .recent = 5,
  .daily = 7,
  .max_bytes = 100 * 1024 * 1024,
};

/* Indexed by RapportStoreBackupKind.  Only the automatic kinds (daily,
 * session, exit) are ever pruned.
 */
static const char * const backup_suffixes[] = {
  "", "-daily", "-before-restore", "-before-reset", "-session", "-exit",
};

/* Files */

static void
fsync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Copies a live database with the backup API (a plain file copy of a WAL
 * database can lose everything) into a private temporary file beside @dest,
 * which is then renamed over @dest.  The copy is a self-contained file in
 * rollback-journal mode.
 */
gboolean
rapport_store_copy_database (sqlite3     *src,
                             const char  *dest,
                             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest);
  g_autofree char *base = g_path_get_basename (dest);
  g_autofree char *tmp_name = g_strdup_printf (".%s-XXXXXX", base);
  g_autofree char *tmp_path = g_build_filename (dir, tmp_name, NULL);
  sqlite3_backup *backup;
  sqlite3 *db = NULL;
  int fd;
  int rc;

  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      rapport_store_set_errno_error (error, errno, dest);
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp_path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, RAPPORT_STORE_BUSY_TIMEOUT_MS);
      backup = sqlite3_backup_init (db, "main", src, "main");
      if (backup == NULL)
        {
          rc = sqlite3_errcode (db);
        }
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = sqlite3_errcode (db);
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      rapport_store_set_db_error (db, dest, rc, error);
      sqlite3_close (db);
      g_unlink (tmp_path);
      return FALSE;
    }

  rc = sqlite3_close (db);
  if (rc != SQLITE_OK)
    {
      rapport_store_set_db_error (NULL, dest, rc, error);
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, dest) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      rapport_store_set_errno_error (error, saved_errno, dest);
      return FALSE;
    }

  fsync_dir (dir);

  return TRUE;
}

/* Backups */

static void
backup_file_free (RapportStoreBackupFile *file)
{
  g_free (file->path);
  g_free (file->stamp);
  g_clear_pointer (&file->time, g_date_time_unref);
  g_free (file);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportStoreBackupFile, backup_file_free)

static int
compare_backups_newest_first (gconstpointer a,
                              gconstpointer b)
{
  const RapportStoreBackupFile *fa = *(const RapportStoreBackupFile **) a;
  const RapportStoreBackupFile *fb = *(const RapportStoreBackupFile **) b;
  int cmp = strcmp (fb->stamp, fa->stamp);

  /* Names tell seconds only: within one, the file written last is newer. */
  if (cmp == 0 && fa->written != fb->written)
    cmp = fb->written > fa->written ? 1 : -1;

  return cmp != 0 ? cmp : fb->counter - fa->counter;
}

char *
rapport_store_get_backup_dir (RapportStore *self)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  dir = g_path_get_dirname (self->path);

  return g_build_filename (dir, "backups", NULL);
}

/* Only names this code writes are listed, so rotation can never delete a
 * file the user put there.
 */
GPtrArray *
rapport_store_list_backups (const char *dir)
{
  static GRegex *regex;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) backup_file_free);
  g_autoptr(GDir) gdir = NULL;
  const char *name;

  if (g_once_init_enter (&regex))
    {
      GRegex *compiled = g_regex_new ("^progress-([0-9]{8}-[0-9]{6})-v([0-9]{1,6})"
                                      "(-daily|-before-restore|-before-reset|-session|-exit)?"
                                      "(?:-([0-9]{1,6}))?\\.db$",
                                      G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex, compiled);
    }

  gdir = g_dir_open (dir, 0, NULL);
  if (gdir == NULL)
    return g_steal_pointer (&files);

  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(RapportStoreBackupFile) file = NULL;
      g_autofree char *kind = NULL;
      g_autofree char *counter = NULL;
      g_autofree char *version = NULL;
      GStatBuf st;
      int y, mo, d, h, mi, s;

      if (!g_regex_match (regex, name, 0, &match))
        continue;

      file = g_new0 (RapportStoreBackupFile, 1);
      file->path = g_build_filename (dir, name, NULL);
      file->stamp = g_match_info_fetch (match, 1);
      version = g_match_info_fetch (match, 2);
      kind = g_match_info_fetch (match, 3);
      counter = g_match_info_fetch (match, 4);

      if (g_lstat (file->path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      if (sscanf (file->stamp, "%4d%2d%2d-%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6)
        continue;
      file->time = g_date_time_new_utc (y, mo, d, h, mi, s);
      if (file->time == NULL)
        continue;

      file->size = st.st_size;
      file->written = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
      file->version = atoi (version);
      file->counter = counter != NULL && *counter != '\0' ? atoi (counter) : 0;
      file->kind = RAPPORT_STORE_BACKUP_MIGRATION;
      for (guint i = 1; i < G_N_ELEMENTS (backup_suffixes); i++)
        {
          if (g_strcmp0 (kind, backup_suffixes[i]) == 0)
            file->kind = i;
        }

      g_ptr_array_add (files, g_steal_pointer (&file));
    }

  g_ptr_array_sort (files, compare_backups_newest_first);

  return g_steal_pointer (&files);
}

/* Writes @dir/progress-YYYYMMDD-HHMMSS-vN[-kind].db (UTC), mode 0600, from
 * @src.  Used on the store's thread with its own connection, and on the
 * backup worker with the worker's.
 */
char *
rapport_store_write_backup (sqlite3                 *src,
                            const char              *dir,
                            RapportStoreBackupKind   kind,
                            int                      version,
                            GError                 **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!rapport_paths_ensure_private_dir (dir, &local_error))
    {
      g_autofree char *inside = g_build_filename (dir, "progress.db", NULL);

      rapport_store_set_folder_error (error, local_error, inside);
      return NULL;
    }

  for (int counter = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); counter++)
    {
      g_autofree char *name = NULL;

      g_clear_pointer (&path, g_free);
      if (counter == 1)
        name = g_strdup_printf ("progress-%s-v%d%s.db", stamp, version, backup_suffixes[kind]);
      else
        name = g_strdup_printf ("progress-%s-v%d%s-%d.db", stamp, version,
                                backup_suffixes[kind], counter);
      path = g_build_filename (dir, name, NULL);
    }

  if (!rapport_store_copy_database (src, path, error))
    return NULL;

  return g_steal_pointer (&path);
}

char *
rapport_store_make_backup (RapportStore            *self,
                           RapportStoreBackupKind   kind,
                           int                      version,
                           GError                 **error)
{
  g_autofree char *dir = rapport_store_get_backup_dir (self);

  return rapport_store_write_backup (self->db, dir, kind, version, error);
}

static gboolean
is_automatic (RapportStoreBackupKind kind)
{
  return kind == RAPPORT_STORE_BACKUP_DAILY || kind == RAPPORT_STORE_BACKUP_SESSION
         || kind == RAPPORT_STORE_BACKUP_EXIT;
}

/* A day after the last backup that is kept for long (daily, or one made
 * before a migration, a restore or a reset): session and exit backups come
 * and go within minutes, so they do not count.  @backups is newest first.
 */
gboolean
rapport_store_daily_backup_due (GPtrArray *backups,
                                GDateTime *now)
{
  for (guint i = 0; i < backups->len; i++)
    {
      const RapportStoreBackupFile *file = g_ptr_array_index (backups, i);
      GTimeSpan age;

      if (file->kind == RAPPORT_STORE_BACKUP_SESSION || file->kind == RAPPORT_STORE_BACKUP_EXIT)
        continue;

      /* A clock set far back must not stop backups for good. */
      age = g_date_time_difference (now, file->time);
      return age >= G_TIME_SPAN_DAY || age < -G_TIME_SPAN_DAY;
    }

  return TRUE;
}

/* The newest backup a recovery could restore, which pruning must keep. */
static const RapportStoreBackupFile *
newest_good_backup (GPtrArray *backups)
{
  for (guint i = 0; i < backups->len; i++)
    {
      const RapportStoreBackupFile *file = g_ptr_array_index (backups, i);
      sqlite3 *db = rapport_store_open_good_backup (file->path, NULL);

      if (db != NULL)
        {
          sqlite3_close (db);
          return file;
        }
    }

  return NULL;
}

static gboolean
remove_backup (const RapportStoreBackupFile *file)
{
  if (g_unlink (file->path) == 0)
    return TRUE;

  g_message ("Could not remove the old backup %s: %s", file->path, g_strerror (errno));

  return FALSE;
}

/* After each automatic backup.  Of the automatic kinds, the newest
 * @policy->recent session and exit backups and the newest @policy->daily
 * daily ones stay; if they add up to more than @policy->max_bytes, the
 * oldest session and exit backups go, then the oldest daily ones, until
 * they fit.  The newest backup that passes its check stays whatever its
 * kind, age or size.  Backups made before a migration, a restore or a reset
 * and files this code did not name are never removed.  Safe on any thread:
 * it touches only the folder.
 */
void
rapport_store_prune_backups (const char                     *dir,
                             const RapportStoreBackupPolicy *policy)
{
  g_autoptr(GPtrArray) backups = rapport_store_list_backups (dir);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  const RapportStoreBackupFile *good = newest_good_backup (backups);
  guint n_recent = 0;
  guint n_daily = 0;
  guint64 total = 0;

  for (guint i = 0; i < backups->len; i++)
    {
      const RapportStoreBackupFile *file = g_ptr_array_index (backups, i);
      gboolean over;

      if (!is_automatic (file->kind))
        continue;

      if (file->kind == RAPPORT_STORE_BACKUP_DAILY)
        over = ++n_daily > policy->daily;
      else
        over = ++n_recent > policy->recent;

      if (over && file != good && remove_backup (file))
        continue;

      g_ptr_array_add (kept, (gpointer) file);
      total += file->size;
    }

  /* Oldest first: the session and exit backups (pass 0), then the daily
   * ones (pass 1).
   */
  for (guint pass = 0; pass < 2 && total > policy->max_bytes; pass++)
    {
      for (guint i = kept->len; i-- > 0 && total > policy->max_bytes;)
        {
          const RapportStoreBackupFile *file = g_ptr_array_index (kept, i);

          if (file == good || (file->kind == RAPPORT_STORE_BACKUP_DAILY) != (pass == 1))
            continue;

          if (remove_backup (file))
            total -= file->size;
        }
    }
}

/* Export, restore and reset */

gboolean
rapport_store_export_to_file (RapportStore  *self,
                              const char    *path,
                              GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return rapport_store_copy_database (self->db, path, error);
}

static sqlite3 *
open_restore_source (const char             *path,
                     RapportStoreFileState  *state,
                     GError                **error)
{
  sqlite3 *db;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_A_STORE,
                   _("“%s” is not a Rapport backup, so nothing was restored. Choose a file "
                     "that Rapport exported."), path);
      return NULL;
    }

  db = rapport_store_open_read_only (path, error);
  if (db == NULL)
    return NULL;

  if (!rapport_store_inspect_file (db, path, state, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  if (state->damage == SQLITE_CORRUPT)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged, so nothing was restored. Your current progress is "
                     "unchanged. Try an older backup."), path);
    }
  else if (state->damage != 0 || state->application_id != RAPPORT_STORE_APPLICATION_ID
           || state->version < 1)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_A_STORE,
                   _("“%s” is not a Rapport backup, so nothing was restored. Choose a file "
                     "that Rapport exported."), path);
    }
  else if (state->version > RAPPORT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Rapport, so this version cannot "
                     "restore it. Your current progress is unchanged. Restore it with that "
                     "newer version."), path);
    }
  else
    {
      return db;
    }

  sqlite3_close (db);

  return NULL;
}

gboolean
rapport_store_restore_from_file (RapportStore  *self,
                                 const char    *path,
                                 GError       **error)
{
  g_autofree char *backup_path = NULL;
  sqlite3_backup *backup;
  RapportStoreFileState state;
  sqlite3 *src;
  int version;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  src = open_restore_source (path, &state, error);
  if (src == NULL)
    return FALSE;

  /* The switch out of WAL below needs the file to itself. */
  rapport_store_wait_for_backup (self);

  backup_path = rapport_store_make_backup (self, RAPPORT_STORE_BACKUP_BEFORE_RESTORE,
                                          rapport_store_current_version (self), error);
  if (backup_path == NULL)
    {
      sqlite3_close (src);
      return FALSE;
    }

  /* The restored file may be an older schema; statements are prepared anew.
   * A WAL database refuses a backup from a file with another page size, so
   * the copy is made in rollback mode; it is one transaction either way.
   */
  g_hash_table_remove_all (self->statements);

  if (!rapport_store_set_journal_mode (self, "delete", error))
    {
      sqlite3_close (src);
      return FALSE;
    }

  backup = sqlite3_backup_init (self->db, "main", src, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (self->db);
    }
  else
    {
      rc = sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_close (src);

  if (rc != SQLITE_OK)
    {
      rapport_store_set_sqlite_error (self, rc, error);
      rapport_store_set_journal_mode (self, "wal", NULL);
      return FALSE;
    }

  if (!rapport_store_set_journal_mode (self, "wal", error))
    return FALSE;

  version = rapport_store_current_version (self);
  if (version < RAPPORT_STORE_SCHEMA_VERSION && !rapport_store_migrate (self, version, error))
    return FALSE;

  /* The newest backup now is the one of what was replaced: a damaged file
   * must not bring that back.
   */
  rapport_store_autobackup_note_write (self);
  rapport_store_emit_replaced (self);

  return TRUE;
}

gboolean
rapport_store_reset (RapportStore  *self,
                     GError       **error)
{
  g_autofree char *backup_path = NULL;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The checkpoint below must find no reader that keeps the removed data
   * in the WAL.
   */
  rapport_store_wait_for_backup (self);

  backup_path = rapport_store_make_backup (self, RAPPORT_STORE_BACKUP_BEFORE_RESET,
                                          rapport_store_current_version (self), error);
  if (backup_path == NULL)
    return FALSE;

  if (!rapport_store_begin (self, error))
    return FALSE;

  rc = sqlite3_exec (self->db,
                     "DELETE FROM journal_entry;"
                     "DELETE FROM quiz_attempt;"
                     "DELETE FROM lesson_progress;"
                     "DELETE FROM review_item;"
                     "DELETE FROM draft;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      rapport_store_set_sqlite_error (self, rc, error);
      rapport_store_rollback (self);
      return FALSE;
    }

  if (!rapport_store_commit (self, error))
    return FALSE;

  /* secure_delete overwrote the freed pages; this also empties the WAL, which
   * still held copies of them.
   */
  sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);

  g_free (self->reset_backup_path);
  self->reset_backup_path = g_steal_pointer (&backup_path);
  rapport_store_emit_replaced (self);

  return TRUE;
}

/* The copy rapport_store_reset() kept of the data it removed: restoring it
 * undoes the reset.  %NULL before any reset.
 */
const char *
rapport_store_get_reset_backup_path (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return self->reset_backup_path;
}
