/* rapport-store-error.c: the store's errors: SQLite and system failures as translated sentences
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "rapport-store-private.h"

G_DEFINE_QUARK (rapport-store-error-quark, rapport_store_error)

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

void
rapport_store_set_error_for_code (GError            **error,
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

  rapport_store_set_error_for_code (error, error_code_for (rc, sys_errno), path, detail);
}

void
rapport_store_set_sqlite_error (RapportStore  *self,
                                int            rc,
                                GError       **error)
{
  g_assert (RAPPORT_IS_STORE (self));

  rapport_store_set_db_error (self->db, self->path, rc, error);
}

void
rapport_store_set_errno_error (GError     **error,
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

  rapport_store_set_error_for_code (error, code, path, g_strerror (saved_errno));
}

/* @folder_error comes from rapport_paths_ensure_private_dir(), whose message
 * already names the folder.
 */
void
rapport_store_set_folder_error (GError      **error,
                                const GError *folder_error,
                                const char   *path)
{
  if (g_error_matches (folder_error, G_FILE_ERROR, G_FILE_ERROR_ACCES)
      || g_error_matches (folder_error, G_FILE_ERROR, G_FILE_ERROR_PERM)
      || g_error_matches (folder_error, G_FILE_ERROR, G_FILE_ERROR_ROFS))
    rapport_store_set_error_for_code (error, RAPPORT_STORE_ERROR_READ_ONLY, path, NULL);
  else if (g_error_matches (folder_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
    rapport_store_set_error_for_code (error, RAPPORT_STORE_ERROR_FULL, path, NULL);
  else
    g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                         folder_error->message);
}
