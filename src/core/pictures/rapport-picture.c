/* rapport-picture.c: a pack's picture drawn in a separate, locked-down process.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Drawing a picture is where a hostile one costs: an SVG of a few kilobytes
 * with a large blur kept librsvg busy for minutes. So pictures are drawn by
 * rapport-picture-decoder (src/sandbox), one process a picture, with its
 * CPU time and memory limited and no network or files (see its README),
 * and this client waits for it without blocking anything:
 *
 *  - a decoder does what costs (starting, loading its libraries, locking
 *    itself down) before it knows its picture, so one is started ahead of
 *    time while a topic with pictures is on screen, and handed the next
 *    picture (rapport-picture-spare.c); without one, a decoder is started
 *    for the picture;
 *  - the picture's bytes go to the decoder's standard input, its pixels
 *    come back on standard output (rapport-picture-protocol.h) and are
 *    checked against the limits the client asked for: the decoder is not
 *    trusted either;
 *  - the decoder is killed when the caller cancels, when it runs longer
 *    than RAPPORT_PICTURE_WALL_SECONDS, and when it writes more than it
 *    announced; the result is returned only after the process has ended,
 *    so a caller that has its answer leaves nothing running;
 *  - at most RAPPORT_PICTURE_MAX_RUNNING decoders run at once in a
 *    process, the others wait in line: a lesson with many costly pictures
 *    takes its time, not all of the machine.
 *
 * The errors say why a picture is not shown: it ran over its time, it
 * needed too much memory, it is not a picture, the decoder is missing.
 *
 * This file holds the API and the line of decodes; one decoder process,
 * its pipes and its end are in rapport-picture-process.c, the spare in
 * rapport-picture-spare.c.
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rapport-pack.h"
#include "rapport-picture-private.h"

G_STATIC_ASSERT (RAPPORT_PICTURE_MAX_INPUT == RAPPORT_PACK_MAX_MEDIA_SIZE);

G_DEFINE_QUARK (rapport-picture-error-quark, rapport_picture_error)

/* What every decode in the process shares. */
static GMutex lock;
static GQueue waiting = G_QUEUE_INIT;   /* of GTask, each with a reference */
static guint n_turns;                   /* decodes that have started and not ended */
static guint n_alive;                   /* decoder processes not yet reaped */

static void
decode_free (Decode *d)
{
  g_clear_pointer (&d->bytes, g_bytes_unref);
  g_clear_pointer (&d->path, g_free);
  g_clear_object (&d->process);
  if (d->timeout_source != NULL)
    g_source_destroy (d->timeout_source);
  g_clear_pointer (&d->timeout_source, g_source_unref);
  g_clear_pointer (&d->pixels, g_free);
  if (d->errors != NULL)
    g_string_free (d->errors, TRUE);
  g_clear_object (&d->cancellable);
  g_free (d);
}

void
rapport_picture_free (RapportPicture *picture)
{
  if (picture == NULL)
    return;

  g_clear_pointer (&picture->pixels, g_bytes_unref);
  g_free (picture);
}

/**
 * rapport_picture_get_decoder_path:
 *
 * Where the decoder is: $RAPPORT_PICTURE_DECODER (the tests and `meson
 * devenv` set it), the installed program, or the build tree's when Rapport
 * runs uninstalled.
 *
 * Returns: (transfer full): the path to start; it may not exist
 */
char *
rapport_picture_get_decoder_path (void)
{
  const char *env = g_getenv ("RAPPORT_PICTURE_DECODER");
  g_autofree char *installed = g_build_filename (LIBEXECDIR, DECODER_NAME, NULL);

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE) ||
      !g_file_test (BUILD_PICTURE_DECODER, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&installed);

  return g_strdup (BUILD_PICTURE_DECODER);
}

/**
 * rapport_picture_get_n_running:
 *
 * Returns: how many decoder processes this process has handed a picture
 *   that have not ended yet (spares waiting for one are not counted: see
 *   rapport_picture_get_n_spares())
 */
guint
rapport_picture_get_n_running (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = n_alive;
  g_mutex_unlock (&lock);

  return n;
}

/* The decoder may end before it has read all of its input; writing to it
 * must then fail with EPIPE rather than end this process. GSocket ignores
 * SIGPIPE process-wide for the same reason.
 */
static void
ignore_sigpipe (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      struct sigaction action;

      if (sigaction (SIGPIPE, NULL, &action) == 0 && action.sa_handler == SIG_DFL)
        signal (SIGPIPE, SIG_IGN);
      g_once_init_leave (&done, 1);
    }
}

static gboolean
start_idle_cb (gpointer user_data)
{
  /* The idle holds the queue's reference; the decode takes one of its own. */
  rapport_picture_process_start (g_object_ref (user_data));

  return G_SOURCE_REMOVE;
}

static void
schedule (GTask       *task,
          GSourceFunc  func)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_callback (source, func, task, g_object_unref);
  g_source_set_static_name (source, "[rapport] picture decoder");
  g_source_attach (source, g_task_get_context (task));
}

/* The decode's turn is over: the next in line, if any, takes it. */
static void
end_turn (void)
{
  gboolean idle;
  GTask *next;

  g_mutex_lock (&lock);
  next = g_queue_pop_head (&waiting);
  if (next != NULL)
    ((Decode *) g_task_get_task_data (next))->queued = FALSE;
  else
    n_turns--;
  idle = n_turns == 0;
  g_mutex_unlock (&lock);

  if (next != NULL)
    schedule (next, start_idle_cb);
  else if (idle)
    rapport_picture_spare_refill ();   /* now that it competes with no picture */
}

/**
 * rapport_picture_end_turn:
 * @had_process: whether a decoder process was started (and has ended)
 *
 * Ends @d's turn: no more cancelling, and the next in line starts.
 */
void
rapport_picture_end_turn (Decode   *d,
                          gboolean  had_process)
{
  if (d->cancelled_id != 0)
    g_cancellable_disconnect (d->cancellable, d->cancelled_id);
  d->cancelled_id = 0;

  if (had_process)
    {
      g_mutex_lock (&lock);
      n_alive--;
      g_mutex_unlock (&lock);
    }

  end_turn ();
}

gboolean
rapport_picture_is_cancelled (Decode *d)
{
  gboolean cancelled;

  g_mutex_lock (&lock);
  cancelled = d->cancelled;
  g_mutex_unlock (&lock);

  return cancelled;
}

/**
 * rapport_picture_attach_process:
 *
 * Gives @d its running process, for cancelling to kill.
 *
 * Returns: whether @d was cancelled meanwhile: the caller kills it then
 */
gboolean
rapport_picture_attach_process (Decode      *d,
                                GSubprocess *process)
{
  gboolean cancelled;

  g_mutex_lock (&lock);
  d->process = g_object_ref (process);
  cancelled = d->cancelled;
  n_alive++;
  g_mutex_unlock (&lock);

  return cancelled;
}

static gboolean
return_cancelled_idle_cb (gpointer user_data)
{
  GTask *task = user_data;
  Decode *d = g_task_get_task_data (task);

  g_cancellable_disconnect (d->cancellable, d->cancelled_id);
  d->cancelled_id = 0;
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Drawing the picture was cancelled."));

  return G_SOURCE_REMOVE;
}

/* May run in any thread: the process is killed at once, a decode waiting
 * for its turn leaves the line.
 */
static void
on_cancelled_cb (GCancellable *cancellable,
                 gpointer      user_data)
{
  GTask *task = user_data;
  Decode *d = g_task_get_task_data (task);
  g_autoptr(GSubprocess) process = NULL;
  gboolean was_waiting = FALSE;

  g_mutex_lock (&lock);
  d->cancelled = TRUE;
  if (d->process != NULL)
    process = g_object_ref (d->process);
  if (d->queued)
    {
      was_waiting = g_queue_remove (&waiting, task);
      d->queued = FALSE;
    }
  g_mutex_unlock (&lock);

  if (process != NULL)
    g_subprocess_force_exit (process);

  /* The queue's reference goes to the idle callback. */
  if (was_waiting)
    schedule (task, return_cancelled_idle_cb);
}

/**
 * rapport_picture_decode_async:
 * @bytes: the picture, as rapport_pack_read_media() gives it
 * @type: what it is
 * @cancellable: (nullable): cancelling kills the decoder
 *
 * Draws the picture in rapport-picture-decoder, with the limits of
 * rapport-picture-protocol.h. @callback runs in the thread-default main
 * context of the caller, once the decoder has ended.
 */
void
rapport_picture_decode_async (GBytes              *bytes,
                              RapportMediaType     type,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Decode *d;
  gboolean start;

  g_return_if_fail (bytes != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_picture_decode_async);
  g_task_set_name (task, "[rapport] rapport_picture_decode_async");

  d = g_new0 (Decode, 1);
  d->bytes = g_bytes_ref (bytes);
  d->type = type;
  d->path = rapport_picture_get_decoder_path ();
  d->errors = g_string_new (NULL);
  d->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_task_set_task_data (task, d, (GDestroyNotify) decode_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (g_bytes_get_size (bytes) == 0 || g_bytes_get_size (bytes) > RAPPORT_PICTURE_MAX_INPUT)
    {
      g_autofree char *size = g_format_size_full (RAPPORT_PICTURE_MAX_INPUT, G_FORMAT_SIZE_IEC_UNITS);

      g_task_return_new_error (task, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_INVALID,
                               _("The picture is empty or larger than %s."), size);
      return;
    }

  if (!g_file_test (d->path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_task_return_new_error (task, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_MISSING,
                               _("The program that draws pictures is missing: %s is not there. "
                                 "Reinstall Rapport, or set RAPPORT_PICTURE_DECODER to its path."),
                               d->path);
      return;
    }

  ignore_sigpipe ();

  g_mutex_lock (&lock);
  start = n_turns < RAPPORT_PICTURE_MAX_RUNNING;
  if (start)
    n_turns++;
  else
    {
      d->queued = TRUE;
      g_queue_push_tail (&waiting, g_object_ref (task));
    }
  g_mutex_unlock (&lock);

  /* Connected without the lock held: it may call back at once. */
  if (cancellable != NULL)
    d->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled_cb), task, NULL);

  if (start)
    rapport_picture_process_start (g_steal_pointer (&task));
}

/**
 * rapport_picture_decode_finish:
 * @stats: (out) (optional): what the decode cost, also when it failed
 *
 * Returns: (transfer full) (nullable): the pixels, or %NULL with a
 *   %RAPPORT_PICTURE_ERROR (or %G_IO_ERROR_CANCELLED) that says why
 */
RapportPicture *
rapport_picture_decode_finish (GAsyncResult         *result,
                               RapportPictureStats  *stats,
                               GError              **error)
{
  Decode *d;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_picture_decode_async, NULL);

  d = g_task_get_task_data (G_TASK (result));
  if (stats != NULL)
    *stats = d->stats;

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_sync_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/**
 * rapport_picture_decode:
 *
 * rapport_picture_decode_async(), waited for in a main context of its own:
 * for the command-line tool. Blocks for as long as the decoder runs.
 */
RapportPicture *
rapport_picture_decode (GBytes               *bytes,
                        RapportMediaType      type,
                        GCancellable         *cancellable,
                        RapportPictureStats  *stats,
                        GError              **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  RapportPicture *picture;

  g_return_val_if_fail (bytes != NULL, NULL);

  g_main_context_push_thread_default (context);
  rapport_picture_decode_async (bytes, type, cancellable, on_sync_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  picture = rapport_picture_decode_finish (result, stats, error);
  g_main_context_pop_thread_default (context);

  return picture;
}
