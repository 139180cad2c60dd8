/* rapport-store.c: the store object: opening the progress file, migrating it, statements
 * and transactions
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rapport-paths.h"
#include "rapport-store-private.h"

static void rapport_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportStore, rapport_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      rapport_store_initable_iface_init))

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

/* One row of one statement, or an error. */
gboolean
rapport_store_step_row (RapportStore      *self,
                        RapportStoreStmt  *stmt,
                        gboolean          *has_row,
                        GError           **error)
{
  int rc = sqlite3_step (stmt);

  *has_row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  rapport_store_set_sqlite_error (self, rc, error);

  return FALSE;
}

gboolean
rapport_store_step_done (RapportStore      *self,
                         RapportStoreStmt  *stmt,
                         GError           **error)
{
  gboolean has_row;

  return rapport_store_step_row (self, stmt, &has_row, error);
}

/* Every row, or an error: either a step failed, or @func returned FALSE
 * and set @error itself.
 */
gboolean
rapport_store_foreach_row (RapportStore         *self,
                           RapportStoreStmt     *stmt,
                           RapportStoreRowFunc   func,
                           gpointer              user_data,
                           GError              **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!func (stmt, user_data, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
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
    {
      rapport_store_autobackup_note_write (self);
      return TRUE;
    }

  rapport_store_rollback (self);

  return FALSE;
}

void
rapport_store_rollback (RapportStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Runs one bound statement as its own transaction. */
gboolean
rapport_store_write_one (RapportStore      *self,
                         RapportStoreStmt  *stmt,
                         GError           **error)
{
  if (!rapport_store_begin (self, error))
    return FALSE;

  if (!rapport_store_step_done (self, stmt, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }

  return rapport_store_commit (self, error);
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

gint64
rapport_store_unix_or (GDateTime *time,
                       gint64     fallback)
{
  return time != NULL ? g_date_time_to_unix (time) : fallback;
}

gint64
rapport_store_unix_or_now (GDateTime *time)
{
  return time != NULL ? g_date_time_to_unix (time) : g_get_real_time () / G_USEC_PER_SEC;
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

/* After a restore or a reset: see RapportStore::replaced. */
void
rapport_store_emit_replaced (RapportStore *self)
{
  g_signal_emit (self, signals[REPLACED], 0);
}

sqlite3 *
rapport_store_get_connection (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return self->db;
}

/* Files */

/* SQLite would create the file 0644; the journal is private, so the file is
 * made first, readable by its owner only.  The -wal and -shm files copy the
 * mode of the database file when SQLite creates them.
 */
gboolean
rapport_store_prepare_private_file (const char  *path,
                                    GError     **error)
{
  static const char * const companions[] = { "-wal", "-shm", "-journal" };
  GStatBuf st;
  int fd;

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      rapport_store_set_errno_error (error, errno, path);
      return FALSE;
    }

  if (fstat (fd, &st) == 0 && (st.st_mode & 077) != 0 && fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      close (fd);
      rapport_store_set_errno_error (error, saved_errno, path);
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

/* Opening */

gboolean
rapport_store_migrate (RapportStore  *self,
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

gboolean
rapport_store_set_journal_mode (RapportStore  *self,
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
  RapportStoreFileState state;
  int rc;

  if (!rapport_paths_ensure_private_dir (dir, &local_error))
    {
      rapport_store_set_folder_error (error, local_error, self->path);
      return FALSE;
    }

  /* SQLite needs to create the -wal and -shm files beside the database. */
  if (g_access (dir, W_OK) != 0)
    {
      rapport_store_set_errno_error (error, errno, self->path);
      return FALSE;
    }

  if (!rapport_store_prepare_private_file (self->path, error))
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
      sqlite3_busy_timeout (self->db, RAPPORT_STORE_BUSY_TIMEOUT_MS);

      if (!rapport_store_inspect_file (self->db, self->path, &state, error))
        return FALSE;

      if (state.damage == 0)
        break;

      if (attempt > 0)
        {
          rapport_store_set_error_for_code (error, RAPPORT_STORE_ERROR_CORRUPT, self->path,
                                            sqlite3_errstr (state.damage));
          return FALSE;
        }

      g_clear_pointer (&self->db, sqlite3_close);
      if (!rapport_store_recover (self, error))
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

  if (!rapport_store_set_journal_mode (self, "wal", error))
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
          g_autofree char *backup = rapport_store_make_backup (self, RAPPORT_STORE_BACKUP_MIGRATION,
                                                               state.version, error);

          if (backup == NULL)
            return FALSE;
        }

      if (!rapport_store_migrate (self, state.version, error))
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

  /* A brand-new store has nothing worth a daily backup yet. */
  rapport_store_autobackup_start (self, !created);

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

  /* A copy under way ends first; then the statements, as a connection
   * with live statements does not close.
   */
  rapport_store_autobackup_stop (self);
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
