/* rapport-store-autobackup.c: the backups Rapport takes by itself: the daily one on open, one
 * after a session's first writes and then every few minutes while they go on (on a worker
 * thread with its own connection), and one at a clean exit
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-store-private.h"

/* The first backup of a session waits a minute after the first write, so
 * that the burst that comes with it (the draft saved as the learner types,
 * the entry, the next edit) lands in one copy instead of one copy each.
 * While writes go on, one copy every five minutes at most: a crash then
 * loses at most about the last five minutes, and the worker copies the
 * whole file (7 MB for ten years of entries) a dozen times an hour at most,
 * never for nothing: without a write since the last copy there is none.
 */
#define FIRST_DELAY_MS (60 * 1000)
#define INTERVAL_MS (5 * 60 * 1000)

typedef struct
{
  /* owned; set before the thread starts, read-only while it runs */
  char                   *path;
  char                   *dir;
  GMainContext           *context;
  GThread                *thread;
  int                     version;

  /* borrowed; touched only on the store's thread, by finish_job() */
  RapportStore           *store;

  /* written by the thread, read once it has ended */
  char                   *written;
  GError                 *error;
  GSource                *done_source;
} BackupJob;

struct _RapportStoreAutoBackup
{
  /* owned */
  GSource   *timeout;
  BackupJob *job;

  guint      first_delay_ms;
  guint      interval_ms;
  gint64     due;            /* monotonic µs; 0: no backup waiting */
  gint64     last_started;   /* monotonic µs; 0: none yet */
  gboolean   dirty;          /* written to since the last backup began */
};

static void
backup_job_free (BackupJob *job)
{
  g_assert (job->thread == NULL);

  if (job->done_source != NULL)
    {
      g_source_destroy (job->done_source);
      g_source_unref (job->done_source);
    }
  g_main_context_unref (job->context);
  g_clear_error (&job->error);
  g_free (job->written);
  g_free (job->dir);
  g_free (job->path);
  g_free (job);
}

static void schedule (RapportStore *self);

/* On the store's thread, once the worker has ended. */
static void
finish_job (RapportStore *self,
            BackupJob    *job)
{
  RapportStoreAutoBackup *backups = self->autobackup;

  g_assert (backups->job == job);

  g_clear_pointer (&job->thread, g_thread_join);
  backups->job = NULL;

  if (job->written == NULL)
    {
      /* Nothing is lost yet: the data itself is fine.  Try again after the
       * interval, as if the copy had been taken.
       */
      g_message ("Could not back up %s (Rapport tries again in a few minutes): %s", job->path,
                 job->error != NULL ? job->error->message : "unknown error");
      backups->dirty = TRUE;
    }

  backup_job_free (job);
  schedule (self);
}

static gboolean
on_job_done_cb (gpointer user_data)
{
  BackupJob *job = user_data;

  finish_job (job->store, job);

  return G_SOURCE_REMOVE;
}

/* The worker.  The store's connection belongs to the store's thread, so the
 * copy reads the file through a connection of its own: the backup API
 * copies it in one read transaction, which in WAL mode sees the last
 * committed state, never a transaction in progress, and does not stop the
 * store from writing meanwhile.
 */
static gpointer
backup_thread_func (gpointer data)
{
  BackupJob *job = data;
  g_autoptr(GPtrArray) backups = rapport_store_list_backups (job->dir);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  RapportStoreBackupKind kind = RAPPORT_STORE_BACKUP_SESSION;
  sqlite3 *db;
  GSource *source;

  /* A session that runs for days still leaves one copy a day. */
  if (rapport_store_daily_backup_due (backups, now))
    kind = RAPPORT_STORE_BACKUP_DAILY;

  db = rapport_store_open_read_only (job->path, &job->error);
  if (db != NULL)
    {
      job->written = rapport_store_write_backup (db, job->dir, kind, job->version, &job->error);
      sqlite3_close (db);
    }

  if (job->written != NULL)
    rapport_store_prune_backups (job->dir, &rapport_store_backup_policy);

  source = g_idle_source_new ();
  g_source_set_callback (source, on_job_done_cb, job, NULL);
  g_source_set_static_name (source, "[rapport] backup written");
  job->done_source = source;
  g_source_attach (source, job->context);

  return NULL;
}

static void
start_job (RapportStore *self)
{
  RapportStoreAutoBackup *backups = self->autobackup;
  g_autoptr(GError) error = NULL;
  BackupJob *job;

  g_assert (backups->job == NULL);

  job = g_new0 (BackupJob, 1);
  job->store = self;
  job->path = g_strdup (self->path);
  job->dir = rapport_store_get_backup_dir (self);
  job->version = rapport_store_current_version (self);
  job->context = g_main_context_ref_thread_default ();

  /* Writes from now on may miss the copy: they call for the next one. */
  backups->dirty = FALSE;
  backups->last_started = g_get_monotonic_time ();

  job->thread = g_thread_try_new ("rapport-backup", backup_thread_func, job, &error);
  if (job->thread == NULL)
    {
      g_message ("Could not back up %s (Rapport tries again in a few minutes): %s", self->path,
                 error->message);
      backups->dirty = TRUE;
      backup_job_free (job);
      schedule (self);
      return;
    }

  backups->job = job;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  RapportStore *self = user_data;
  RapportStoreAutoBackup *backups = self->autobackup;

  g_clear_pointer (&backups->timeout, g_source_unref);
  backups->due = 0;
  start_job (self);

  return G_SOURCE_REMOVE;
}

static void
cancel_timeout (RapportStoreAutoBackup *backups)
{
  if (backups->timeout != NULL)
    {
      g_source_destroy (backups->timeout);
      g_clear_pointer (&backups->timeout, g_source_unref);
    }
  backups->due = 0;
}

/* The first write after a backup sets the time of the next one; the writes
 * after it do not push it back, or a learner who never pauses would never
 * get one.
 */
static void
schedule (RapportStore *self)
{
  RapportStoreAutoBackup *backups = self->autobackup;
  gint64 now;
  gint64 due;

  if (!backups->dirty || backups->job != NULL || backups->timeout != NULL)
    return;

  now = g_get_monotonic_time ();
  due = now + (gint64) backups->first_delay_ms * G_TIME_SPAN_MILLISECOND;
  if (backups->last_started != 0)
    due = MAX (due, backups->last_started + (gint64) backups->interval_ms * G_TIME_SPAN_MILLISECOND);

  backups->due = due;
  backups->timeout = g_timeout_source_new ((guint) ((due - now) / G_TIME_SPAN_MILLISECOND));
  g_source_set_priority (backups->timeout, G_PRIORITY_LOW);
  g_source_set_callback (backups->timeout, on_timeout_cb, self, NULL);
  g_source_set_static_name (backups->timeout, "[rapport] session backup");
  g_source_attach (backups->timeout, g_main_context_get_thread_default ());
}

void
rapport_store_autobackup_start (RapportStore *self,
                                gboolean      daily)
{
  g_assert (self->autobackup == NULL);

  self->autobackup = g_new0 (RapportStoreAutoBackup, 1);
  self->autobackup->first_delay_ms = FIRST_DELAY_MS;
  self->autobackup->interval_ms = INTERVAL_MS;

  if (daily)
    {
      g_autofree char *dir = rapport_store_get_backup_dir (self);
      g_autoptr(GPtrArray) backups = rapport_store_list_backups (dir);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      if (rapport_store_daily_backup_due (backups, now))
        start_job (self);
    }
}

/* After every committed write; nothing while the file is being opened. */
void
rapport_store_autobackup_note_write (RapportStore *self)
{
  if (self->autobackup == NULL)
    return;

  self->autobackup->dirty = TRUE;
  schedule (self);
}

/* With the store: a copy under way is finished first, so that no half-made
 * file is left behind.
 */
void
rapport_store_autobackup_stop (RapportStore *self)
{
  RapportStoreAutoBackup *backups = self->autobackup;

  if (backups == NULL)
    return;

  cancel_timeout (backups);
  if (backups->job != NULL)
    {
      g_clear_pointer (&backups->job->thread, g_thread_join);
      backup_job_free (backups->job);
    }
  g_clear_pointer (&self->autobackup, g_free);
}

gint64
rapport_store_get_backup_due (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);

  return self->autobackup != NULL ? self->autobackup->due : 0;
}

/**
 * rapport_store_set_backup_delays:
 * @first_ms: from the first write after a backup to the next backup
 * @interval_ms: the least time between the start of two backups
 *
 * A backup already waiting is moved to the new time.
 */
void
rapport_store_set_backup_delays (RapportStore *self,
                                 guint         first_ms,
                                 guint         interval_ms)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));
  g_return_if_fail (self->autobackup != NULL);

  self->autobackup->first_delay_ms = first_ms;
  self->autobackup->interval_ms = interval_ms;

  if (self->autobackup->timeout != NULL)
    {
      cancel_timeout (self->autobackup);
      schedule (self);
    }
}

/* Blocks until the copy under way, if any, is written. */
void
rapport_store_wait_for_backup (RapportStore *self)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));

  if (self->autobackup != NULL && self->autobackup->job != NULL)
    finish_job (self, self->autobackup->job);
}

/**
 * rapport_store_backup_on_exit:
 *
 * The last copy of a session, taken at once on this thread: nothing when
 * nothing was written since the last backup.  The session's next backup
 * is called off.
 *
 * Returns: %FALSE, with @error set, when the copy could not be written
 */
gboolean
rapport_store_backup_on_exit (RapportStore  *self,
                              GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->autobackup == NULL)
    return TRUE;

  rapport_store_wait_for_backup (self);
  cancel_timeout (self->autobackup);
  if (!self->autobackup->dirty)
    return TRUE;

  dir = rapport_store_get_backup_dir (self);
  path = rapport_store_write_backup (self->db, dir, RAPPORT_STORE_BACKUP_EXIT,
                                     rapport_store_current_version (self), error);
  if (path == NULL)
    return FALSE;

  self->autobackup->dirty = FALSE;
  rapport_store_prune_backups (dir, &rapport_store_backup_policy);

  return TRUE;
}
