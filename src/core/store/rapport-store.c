/* rapport-store.c: opening, checking, backing up and restoring the progress store
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

#define BUSY_TIMEOUT_MS    5000
#define DAILY_BACKUPS_KEPT 7

typedef enum
{
  BACKUP_MIGRATION,
  BACKUP_DAILY,
  BACKUP_BEFORE_RESTORE,
  BACKUP_BEFORE_RESET,
} BackupKind;

/* Indexed by BackupKind.  Only daily backups are ever rotated away. */
static const char * const backup_suffixes[] = { "", "-daily", "-before-restore", "-before-reset" };

typedef struct
{
  char       *path;
  char       *stamp;     /* YYYYMMDD-HHMMSS, UTC */
  GDateTime  *time;
  int         counter;
  int         version;
  BackupKind  kind;
} BackupFile;

/* What a read of a file's header and a quick_check found. */
typedef struct
{
  int version;
  int application_id;
  int n_objects;
  int damage;      /* 0, or SQLITE_CORRUPT / SQLITE_NOTADB */
} FileState;

static void rapport_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportStore, rapport_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      rapport_store_initable_iface_init))

G_DEFINE_QUARK (rapport-store-error-quark, rapport_store_error)

enum {
  REPLACED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Errors */

static RapportStoreError
error_code_for (int rc,
                int sys_errno)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      return RAPPORT_STORE_ERROR_FULL;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return RAPPORT_STORE_ERROR_READ_ONLY;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return RAPPORT_STORE_ERROR_CORRUPT;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return RAPPORT_STORE_ERROR_BUSY;

    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      return RAPPORT_STORE_ERROR_INVALID;

    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      if (sys_errno == ENOSPC || sys_errno == EDQUOT)
        return RAPPORT_STORE_ERROR_FULL;
      if (sys_errno == EACCES || sys_errno == EPERM || sys_errno == EROFS)
        return RAPPORT_STORE_ERROR_READ_ONLY;
      return RAPPORT_STORE_ERROR_FAILED;

    default:
      return RAPPORT_STORE_ERROR_FAILED;
    }
}

static void
set_error_for_code (GError            **error,
                    RapportStoreError   code,
                    const char         *path,
                    const char         *detail)
{
  g_autofree char *folder = path != NULL ? g_path_get_dirname (path) : NULL;

  switch (code)
    {
    case RAPPORT_STORE_ERROR_FULL:
      g_set_error_literal (error, RAPPORT_STORE_ERROR, code,
                           _("The disk is full, so Rapport could not write to it. Nothing "
                             "saved before was lost. Free some disk space, then try again."));
      break;

    case RAPPORT_STORE_ERROR_READ_ONLY:
      if (folder != NULL)
        g_set_error (error, RAPPORT_STORE_ERROR, code,
                     _("The folder “%s” is read-only, so Rapport cannot save there. "
                       "Make the folder writable, then try again."), folder);
      else
        g_set_error_literal (error, RAPPORT_STORE_ERROR, code,
                             _("The progress folder is read-only, so Rapport cannot save "
                               "your progress. Make the folder writable, then try again."));
      break;

    case RAPPORT_STORE_ERROR_CORRUPT:
      g_set_error (error, RAPPORT_STORE_ERROR, code,
                   _("The progress file is damaged (%s). Close Rapport and open it again "
                     "to restore the latest backup."), detail);
      break;

    case RAPPORT_STORE_ERROR_BUSY:
      g_set_error_literal (error, RAPPORT_STORE_ERROR, code,
                           _("Another program is using the progress file. Close it, then "
                             "try again."));
      break;

    case RAPPORT_STORE_ERROR_INVALID:
      g_set_error (error, RAPPORT_STORE_ERROR, code,
                   _("Rapport refused to save data that is not valid (%s). Nothing was "
                     "changed. Please report this problem."), detail);
      break;

    case RAPPORT_STORE_ERROR_TOO_NEW:
    case RAPPORT_STORE_ERROR_NOT_A_STORE:
    case RAPPORT_STORE_ERROR_NOT_FOUND:
    case RAPPORT_STORE_ERROR_FAILED:
    default:
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                   _("Rapport could not read or save your progress (%s). Try again; if "
                     "this keeps happening, restart Rapport."), detail);
      break;
    }
}

void
rapport_store_set_db_error (sqlite3     *db,
                            const char  *path,
                            int          rc,
                            GError     **error)
{
  int sys_errno = db != NULL ? sqlite3_system_errno (db) : 0;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  set_error_for_code (error, error_code_for (rc, sys_errno), path, detail);
}

void
rapport_store_set_sqlite_error (RapportStore  *self,
                                int            rc,
                                GError       **error)
{
  g_assert (RAPPORT_IS_STORE (self));

  rapport_store_set_db_error (self->db, self->path, rc, error);
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  RapportStoreError code;

  if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    code = RAPPORT_STORE_ERROR_READ_ONLY;
  else if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    code = RAPPORT_STORE_ERROR_FULL;
  else
    code = RAPPORT_STORE_ERROR_FAILED;

  set_error_for_code (error, code, path, g_strerror (saved_errno));
}

/* @folder_error comes from rapport_paths_ensure_private_dir(), whose message
 * already names the folder.
 */
static void
set_folder_error (GError      **error,
                  const GError *folder_error,
                  const char   *path)
{
  if (g_error_matches (folder_error, G_FILE_ERROR, G_FILE_ERROR_ACCES)
      || g_error_matches (folder_error, G_FILE_ERROR, G_FILE_ERROR_PERM)
      || g_error_matches (folder_error, G_FILE_ERROR, G_FILE_ERROR_ROFS))
    set_error_for_code (error, RAPPORT_STORE_ERROR_READ_ONLY, path, NULL);
  else if (g_error_matches (folder_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
    set_error_for_code (error, RAPPORT_STORE_ERROR_FULL, path, NULL);
  else
    g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                         folder_error->message);
}

/* Statements */

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

RapportStoreStmt *
rapport_store_prepare (RapportStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (RAPPORT_IS_STORE (self));
  g_assert (sql != NULL);

  /* Keyed by the address of the static SQL text: no hashing of strings. */
  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      rapport_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

void
rapport_store_stmt_release (RapportStoreStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
rapport_store_step_done (RapportStore      *self,
                         RapportStoreStmt  *stmt,
                         GError           **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  rapport_store_set_sqlite_error (self, rc, error);

  return FALSE;
}

static gboolean
exec_cached (RapportStore  *self,
             const char    *sql,
             GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = rapport_store_prepare (self, sql, error);

  return stmt != NULL && rapport_store_step_done (self, stmt, error);
}

/* IMMEDIATE takes the write lock at once, so a busy database waits for the
 * busy timeout here instead of failing half-way through the transaction.
 */
gboolean
rapport_store_begin (RapportStore  *self,
                     GError       **error)
{
  return exec_cached (self, "BEGIN IMMEDIATE", error);
}

gboolean
rapport_store_commit (RapportStore  *self,
                      GError       **error)
{
  if (exec_cached (self, "COMMIT", error))
    return TRUE;

  rapport_store_rollback (self);

  return FALSE;
}

void
rapport_store_rollback (RapportStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

void
rapport_store_bind_text (RapportStoreStmt *stmt,
                         int               index,
                         const char       *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
rapport_store_bind_time (RapportStoreStmt *stmt,
                         int               index,
                         GDateTime        *time)
{
  if (time == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, g_date_time_to_unix (time));
}

char *
rapport_store_column_dup_text (RapportStoreStmt *stmt,
                               int               column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL)
    return NULL;

  return g_strndup (text, sqlite3_column_bytes (stmt, column));
}

GDateTime *
rapport_store_column_time (RapportStoreStmt *stmt,
                           int               column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column));
}

sqlite3 *
rapport_store_get_connection (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return self->db;
}

/* Files */

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
static gboolean
inspect_file (sqlite3     *db,
              const char  *path,
              FileState   *state,
              GError     **error)
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
is_rapport_file (const FileState *state)
{
  return state->damage == 0
         && state->application_id == RAPPORT_STORE_APPLICATION_ID
         && state->version >= 1
         && state->version <= RAPPORT_STORE_SCHEMA_VERSION;
}

static sqlite3 *
open_read_only (const char  *path,
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

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  return db;
}

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

/* SQLite would create the file 0644; the journal is private, so the file is
 * made first, readable by its owner only.  The -wal and -shm files copy the
 * mode of the database file when SQLite creates them.
 */
static gboolean
prepare_private_file (const char  *path,
                      GError     **error)
{
  static const char * const companions[] = { "-wal", "-shm", "-journal" };
  GStatBuf st;
  int fd;

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }

  if (fstat (fd, &st) == 0 && (st.st_mode & 077) != 0 && fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      close (fd);
      set_errno_error (error, saved_errno, path);
      return FALSE;
    }
  close (fd);

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *companion = g_strconcat (path, companions[i], NULL);

      if (g_stat (companion, &st) == 0 && (st.st_mode & 077) != 0)
        g_chmod (companion, 0600);
    }

  return TRUE;
}

/* Copies a live database with the backup API (a plain file copy of a WAL
 * database can lose everything) into a private temporary file beside @dest,
 * which is then renamed over @dest.  The copy is a self-contained file in
 * rollback-journal mode.
 */
static gboolean
copy_database (sqlite3     *src,
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
      set_errno_error (error, errno, dest);
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp_path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
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
      set_errno_error (error, saved_errno, dest);
      return FALSE;
    }

  fsync_dir (dir);

  return TRUE;
}

/* Backups */

static void
backup_file_free (BackupFile *file)
{
  g_free (file->path);
  g_free (file->stamp);
  g_clear_pointer (&file->time, g_date_time_unref);
  g_free (file);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BackupFile, backup_file_free)

static int
compare_backups_newest_first (gconstpointer a,
                              gconstpointer b)
{
  const BackupFile *fa = *(const BackupFile **) a;
  const BackupFile *fb = *(const BackupFile **) b;
  int cmp = strcmp (fb->stamp, fa->stamp);

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
static GPtrArray *
list_backups (const char *dir)
{
  static GRegex *regex;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) backup_file_free);
  g_autoptr(GDir) gdir = NULL;
  const char *name;

  if (g_once_init_enter (&regex))
    {
      GRegex *compiled = g_regex_new ("^progress-([0-9]{8}-[0-9]{6})-v([0-9]{1,6})"
                                      "(-daily|-before-restore|-before-reset)?"
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
      g_autoptr(BackupFile) file = NULL;
      g_autofree char *kind = NULL;
      g_autofree char *counter = NULL;
      g_autofree char *version = NULL;
      GStatBuf st;
      int y, mo, d, h, mi, s;

      if (!g_regex_match (regex, name, 0, &match))
        continue;

      file = g_new0 (BackupFile, 1);
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

      file->version = atoi (version);
      file->counter = counter != NULL && *counter != '\0' ? atoi (counter) : 0;
      file->kind = BACKUP_MIGRATION;
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

/* Writes backups/progress-YYYYMMDD-HHMMSS-vN[-kind].db (UTC), mode 0600. */
static char *
make_backup (RapportStore  *self,
             BackupKind     kind,
             int            version,
             GError       **error)
{
  g_autofree char *dir = rapport_store_get_backup_dir (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!rapport_paths_ensure_private_dir (dir, &local_error))
    {
      g_autofree char *inside = g_build_filename (dir, "progress.db", NULL);

      set_folder_error (error, local_error, inside);
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

  if (!copy_database (self->db, path, error))
    return NULL;

  return g_steal_pointer (&path);
}

static int
current_version (RapportStore *self)
{
  int version = 0;

  query_int (self->db, "PRAGMA user_version", &version);

  return version;
}

/* Once a day, on open; the last DAILY_BACKUPS_KEPT daily copies are kept. A
 * failure here is logged and does not stop the app: the data itself is fine.
 */
static void
rotate_backups (RapportStore *self)
{
  g_autofree char *dir = rapport_store_get_backup_dir (self);
  g_autoptr(GPtrArray) backups = list_backups (dir);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  gboolean needed = TRUE;
  guint n_daily = 0;

  if (backups->len > 0)
    {
      const BackupFile *newest = g_ptr_array_index (backups, 0);
      GTimeSpan age = g_date_time_difference (now, newest->time);

      /* A clock set far back must not stop backups for good. */
      needed = age >= G_TIME_SPAN_DAY || age < -G_TIME_SPAN_DAY;
    }

  if (needed)
    {
      g_autofree char *path = make_backup (self, BACKUP_DAILY, current_version (self), &error);

      if (path == NULL)
        {
          g_message ("Could not make the daily backup of %s: %s", self->path, error->message);
          return;
        }

      g_ptr_array_unref (backups);
      backups = list_backups (dir);
    }

  for (guint i = 0; i < backups->len; i++)
    {
      const BackupFile *file = g_ptr_array_index (backups, i);

      if (file->kind != BACKUP_DAILY)
        continue;

      if (++n_daily > DAILY_BACKUPS_KEPT && g_unlink (file->path) != 0)
        g_message ("Could not remove the old backup %s: %s", file->path, g_strerror (errno));
    }
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

static gboolean
restore_newest_backup (RapportStore  *self,
                       char         **restored_from,
                       GDateTime    **restored_time)
{
  g_autofree char *dir = rapport_store_get_backup_dir (self);
  g_autoptr(GPtrArray) backups = list_backups (dir);

  for (guint i = 0; i < backups->len; i++)
    {
      const BackupFile *file = g_ptr_array_index (backups, i);
      g_autoptr(GError) error = NULL;
      FileState state;
      sqlite3 *db;
      gboolean ok;

      db = open_read_only (file->path, &error);
      if (db == NULL)
        {
          g_message ("Skipping backup %s: %s", file->path, error->message);
          continue;
        }

      ok = inspect_file (db, file->path, &state, &error) && is_rapport_file (&state);
      ok = ok && copy_database (db, self->path, &error);
      sqlite3_close (db);

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

/* The journal cannot be rebuilt from anywhere else: keep the damaged file
 * under a new name, never delete it, and bring back the newest good backup.
 */
static gboolean
recover (RapportStore  *self,
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
      set_errno_error (error, errno, self->path);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (self->path, companions[i], NULL);
      g_autofree char *to = g_strconcat (damaged, companions[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          set_errno_error (error, errno, from);
          return FALSE;
        }
    }

  g_message ("The progress file %s was damaged; it was moved to %s", self->path, damaged);

  g_clear_pointer (&self->damaged_path, g_free);
  g_clear_pointer (&self->recovery_notice, g_free);
  self->damaged_path = g_strdup (damaged);

  if (restore_newest_backup (self, &restored_from, &restored_time))
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (restored_time);
      g_autofree char *when = g_date_time_format (local, "%x %H:%M");

      self->recovery = RAPPORT_STORE_RECOVERY_RESTORED_BACKUP;
      self->recovery_notice =
        g_strdup_printf (_("Your progress file was damaged, so Rapport restored the backup "
                           "from %s. Changes made after that time are missing. The damaged "
                           "file was kept as “%s”."), when, damaged);
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

  return prepare_private_file (self->path, error);
}

/* Opening */

static gboolean
migrate (RapportStore  *self,
         int            from,
         GError       **error)
{
  if (!rapport_store_begin (self, error))
    return FALSE;

  if (!rapport_store_schema_migrate (self->db, from, RAPPORT_STORE_SCHEMA_VERSION, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }

  return rapport_store_commit (self, error);
}

static gboolean
set_journal_mode (RapportStore  *self,
                  const char    *mode,
                  GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    ok = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), mode) == 0;
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    {
      rapport_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }

  if (!ok)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                   _("Rapport could not switch the progress file “%s” to safe writing "
                     "(%s journal). Check that it is on a local disk."), self->path, mode);
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_store (RapportStore  *self,
            gboolean      *created,
            GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autoptr(GError) local_error = NULL;
  FileState state;
  int rc;

  if (!rapport_paths_ensure_private_dir (dir, &local_error))
    {
      set_folder_error (error, local_error, self->path);
      return FALSE;
    }

  /* SQLite needs to create the -wal and -shm files beside the database. */
  if (g_access (dir, W_OK) != 0)
    {
      set_errno_error (error, errno, self->path);
      return FALSE;
    }

  if (!prepare_private_file (self->path, error))
    return FALSE;

  for (guint attempt = 0; ; attempt++)
    {
      /* One thread uses the connection (see rapport-store.h), so SQLite's
       * own mutex is pure cost: a lock and an unlock around every step and
       * every column read, a fifth of the time bench/chart takes to read
       * ten years of ratings.
       */
      rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                            NULL);
      if (rc != SQLITE_OK)
        {
          rapport_store_set_sqlite_error (self, rc, error);
          return FALSE;
        }

      sqlite3_extended_result_codes (self->db, TRUE);
      sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

      if (!inspect_file (self->db, self->path, &state, error))
        return FALSE;

      if (state.damage == 0)
        break;

      if (attempt > 0)
        {
          set_error_for_code (error, RAPPORT_STORE_ERROR_CORRUPT, self->path,
                              sqlite3_errstr (state.damage));
          return FALSE;
        }

      g_clear_pointer (&self->db, sqlite3_close);
      if (!recover (self, error))
        return FALSE;
    }

  if (state.application_id != RAPPORT_STORE_APPLICATION_ID
      && !(state.application_id == 0 && state.version == 0 && state.n_objects == 0))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_A_STORE,
                   _("“%s” is not a Rapport progress file, so Rapport left it unchanged. "
                     "Move it to another folder, then open Rapport again."), self->path);
      return FALSE;
    }

  if (state.version > RAPPORT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_TOO_NEW,
                   _("Your progress was saved by a newer version of Rapport (file version "
                     "%d; this version reads up to %d). Open it with that newer version. "
                     "The file was left unchanged."),
                   state.version, RAPPORT_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (!set_journal_mode (self, "wal", error))
    return FALSE;

  rc = sqlite3_exec (self->db,
                     "PRAGMA synchronous = FULL;"
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA secure_delete = ON;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      rapport_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }

  if (state.version < RAPPORT_STORE_SCHEMA_VERSION)
    {
      if (state.version > 0)
        {
          g_autofree char *backup = make_backup (self, BACKUP_MIGRATION, state.version, error);

          if (backup == NULL)
            return FALSE;
        }

      if (!migrate (self, state.version, error))
        return FALSE;
    }

  *created = state.version == 0;

  return TRUE;
}

static gboolean
rapport_store_initable_init (GInitable     *initable,
                             GCancellable  *cancellable,
                             GError       **error)
{
  RapportStore *self = RAPPORT_STORE (initable);
  gboolean created = FALSE;

  if (self->path == NULL)
    self->path = rapport_store_get_default_path ();

  if (!open_store (self, &created, error))
    {
      g_hash_table_remove_all (self->statements);
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  if (!created)
    rotate_backups (self);

  return TRUE;
}

static void
rapport_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = rapport_store_initable_init;
}

static void
rapport_store_finalize (GObject *object)
{
  RapportStore *self = (RapportStore *) object;

  /* Statements first: a connection with live statements does not close. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->recovery_notice, g_free);
  g_clear_pointer (&self->damaged_path, g_free);
  g_clear_pointer (&self->reset_backup_path, g_free);

  G_OBJECT_CLASS (rapport_store_parent_class)->finalize (object);
}

static void
rapport_store_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RapportStore *self = RAPPORT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_store_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RapportStore *self = RAPPORT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_store_class_init (RapportStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_store_finalize;
  object_class->get_property = rapport_store_get_property;
  object_class->set_property = rapport_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportStore::replaced:
   *
   * All of the user's data changed at once (a restore or a reset): every
   * view showing progress must read it again.
   */
  signals[REPLACED] =
    g_signal_new ("replaced",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rapport_store_init (RapportStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

/* Public API */

char *
rapport_store_get_default_path (void)
{
  g_autofree char *dir = rapport_paths_get_data_dir ();

  return g_build_filename (dir, "progress.db", NULL);
}

RapportStore *
rapport_store_new (GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (RAPPORT_TYPE_STORE, NULL, error, NULL);
}

RapportStore *
rapport_store_new_for_path (const char  *path,
                            GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (RAPPORT_TYPE_STORE, NULL, error, "path", path, NULL);
}

const char *
rapport_store_get_path (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return self->path;
}

RapportStoreRecovery
rapport_store_get_recovery (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), RAPPORT_STORE_RECOVERY_NONE);

  return self->recovery;
}

/* A translated sentence for a banner, or NULL when nothing happened. */
const char *
rapport_store_get_recovery_notice (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return self->recovery_notice;
}

const char *
rapport_store_get_damaged_path (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return self->damaged_path;
}

gboolean
rapport_store_export_to_file (RapportStore  *self,
                              const char    *path,
                              GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return copy_database (self->db, path, error);
}

static sqlite3 *
open_restore_source (const char  *path,
                     FileState   *state,
                     GError     **error)
{
  sqlite3 *db;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_A_STORE,
                   _("“%s” is not a Rapport backup, so nothing was restored. Choose a file "
                     "that Rapport exported."), path);
      return NULL;
    }

  db = open_read_only (path, error);
  if (db == NULL)
    return NULL;

  if (!inspect_file (db, path, state, error))
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
  FileState state;
  sqlite3 *src;
  int version;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  src = open_restore_source (path, &state, error);
  if (src == NULL)
    return FALSE;

  backup_path = make_backup (self, BACKUP_BEFORE_RESTORE, current_version (self), error);
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

  if (!set_journal_mode (self, "delete", error))
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
      set_journal_mode (self, "wal", NULL);
      return FALSE;
    }

  if (!set_journal_mode (self, "wal", error))
    return FALSE;

  version = current_version (self);
  if (version < RAPPORT_STORE_SCHEMA_VERSION && !migrate (self, version, error))
    return FALSE;

  g_signal_emit (self, signals[REPLACED], 0);

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

  backup_path = make_backup (self, BACKUP_BEFORE_RESET, current_version (self), error);
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
  g_signal_emit (self, signals[REPLACED], 0);

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
