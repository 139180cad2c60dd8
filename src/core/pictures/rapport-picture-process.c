/* rapport-picture-process.c: one decoder process, its pipes and what its end means.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A decoder draws one picture, with the limits of
 * rapport-picture-protocol.h: the spare one, started ahead of time
 * (rapport-picture-spare.c), or one started for the picture. The request,
 * a RapportPictureRequest and the picture's bytes, goes to its standard
 * input; its standard output is read into a header and then exactly the
 * pixels the header announces, after checking them against the limits
 * asked for (the decoder is not trusted either: one that writes anything
 * else is killed); its standard error is kept up to a point, and drained.
 * A timer kills it RAPPORT_PICTURE_WALL_SECONDS after it was handed the
 * request. Once the three pipes and the process have ended, its exit
 * status, signal and message say what the caller is told.
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "rapport-picture-private.h"

static void read_stdout (GTask *task);
static void read_stderr (GTask *task);

static gboolean
on_timeout_cb (gpointer user_data)
{
  Decode *d = user_data;

  d->timed_out = TRUE;
  g_subprocess_force_exit (d->process);
  g_clear_pointer (&d->timeout_source, g_source_unref);

  return G_SOURCE_REMOVE;
}

/* The decoder's line on standard error, without its name. */
static char *
decoder_message (Decode *d)
{
  const char *text = d->errors->str;
  const char *newline;
  char *message;
  gsize length;

  if (g_str_has_prefix (text, DECODER_NAME ": "))
    text += strlen (DECODER_NAME ": ");
  newline = strchr (text, '\n');
  message = g_utf8_make_valid (text, newline != NULL ? newline - text : -1);

  /* The messages this client puts it in end their own sentence. */
  g_strchomp (message);
  length = strlen (message);
  while (length > 0 && message[length - 1] == '.')
    message[--length] = '\0';

  return message;
}

/* Running out of address space ends a decoder in one of a few ways: an
 * error from gdk-pixbuf or cairo, or an abort after a failed allocation in
 * GLib or in librsvg's Rust code. Each says so on standard error.
 */
static gboolean
says_out_of_memory (Decode *d)
{
  static const char * const phrases[] = {
    "memory allocation of", "failed to allocate", "cannot allocate memory", "out of memory",
    "not enough memory", "insufficient memory",
  };
  g_autofree char *text = g_ascii_strdown (d->errors->str, d->errors->len);

  for (gsize i = 0; i < G_N_ELEMENTS (phrases); i++)
    {
      if (strstr (text, phrases[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
set_timeout_error (GError **error,
                   double   seconds)
{
  /* Translators: %.1f is a number of seconds, such as 4.0 */
  g_set_error (error, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_TIMEOUT,
               _("Drawing this picture took longer than %.1f s and was stopped."), seconds);
}

static void
set_memory_error (GError **error)
{
  g_set_error (error, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_MEMORY,
               _("Drawing this picture needed more than %u MiB of memory and was stopped."),
               (guint) RAPPORT_PICTURE_MEMORY_MIB);
}

/* Whether the header announces pixels that this client asked for. */
static gboolean
header_is_valid (const Decode *d)
{
  const RapportPictureHeader *h = &d->header;
  guint bytes_per_pixel;

  if (memcmp (h->magic, RAPPORT_PICTURE_MAGIC, RAPPORT_PICTURE_MAGIC_LENGTH) != 0)
    return FALSE;

  if (h->format == RAPPORT_PICTURE_FORMAT_RGB8)
    bytes_per_pixel = 3;
  else if (h->format == RAPPORT_PICTURE_FORMAT_RGBA8)
    bytes_per_pixel = 4;
  else
    return FALSE;

  if (h->width == 0 || h->height == 0 ||
      h->width > RAPPORT_MEDIA_MAX_DIMENSION || h->height > RAPPORT_MEDIA_MAX_DIMENSION ||
      h->rowstride != h->width * bytes_per_pixel)
    return FALSE;

  if (d->type == RAPPORT_MEDIA_SVG)
    return MAX (h->width, h->height) <= RAPPORT_PICTURE_MAX_SVG_SIZE;

  return (guint64) h->width * h->height <= RAPPORT_MEDIA_MAX_PIXELS;
}

static RapportPicture *
take_picture (Decode *d)
{
  RapportPicture *picture = g_new0 (RapportPicture, 1);

  picture->width = d->header.width;
  picture->height = d->header.height;
  picture->rowstride = d->header.rowstride;
  picture->format = d->header.format;
  picture->pixels = g_bytes_new_take (g_steal_pointer (&d->pixels), d->pixels_size);

  return picture;
}

/* Everything is over: the process has ended and its pipes are drained. */
static void
complete (GTask *task)
{
  Decode *d = g_task_get_task_data (task);
  GSubprocess *process = d->process;
  GError *error = NULL;

  g_assert (d->pending == 0);

  if (d->timeout_source != NULL)
    g_source_destroy (d->timeout_source);
  g_clear_pointer (&d->timeout_source, g_source_unref);
  rapport_picture_end_turn (d, TRUE);

  d->stats.wall_seconds = (g_get_monotonic_time () - d->started) / (double) G_USEC_PER_SEC;
  if (d->have_header)
    {
      d->stats.cpu_seconds = d->header.cpu_usec / (double) G_USEC_PER_SEC;
      d->stats.peak_mib = (d->header.peak_kib + 1023) / 1024;
      d->stats.landlock_abi = RAPPORT_PICTURE_SANDBOX_LANDLOCK_ABI (d->header.sandbox);
      d->stats.seccomp = (d->header.sandbox & RAPPORT_PICTURE_SANDBOX_SECCOMP) != 0;
    }

  if (d->cancelled)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("Drawing the picture was cancelled."));
      return;
    }

  if (d->timed_out)
    {
      d->stats.stopped_after = RAPPORT_PICTURE_WALL_SECONDS;
      set_timeout_error (&error, RAPPORT_PICTURE_WALL_SECONDS);
    }
  else if (g_subprocess_get_if_signaled (process) && g_subprocess_get_term_sig (process) == SIGXCPU)
    {
      d->stats.cpu_seconds = d->stats.stopped_after = RAPPORT_PICTURE_CPU_SECONDS;
      set_timeout_error (&error, RAPPORT_PICTURE_CPU_SECONDS);
    }
  else if (d->bad_output)
    {
      g_set_error_literal (&error, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_FAILED,
                           _("The program that draws pictures gave something other than the "
                             "picture it was asked for."));
    }
  else if (g_subprocess_get_if_signaled (process))
    {
      if (says_out_of_memory (d))
        set_memory_error (&error);
      else
        g_set_error (&error, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_FAILED,
                     _("The program that draws pictures stopped unexpectedly (%s)."),
                     g_strsignal (g_subprocess_get_term_sig (process)));
    }
  else
    {
      int status = g_subprocess_get_exit_status (process);
      g_autofree char *message = decoder_message (d);

      if (status == RAPPORT_PICTURE_EXIT_OK && d->have_header && d->pixels_read == d->pixels_size)
        {
          g_task_return_pointer (task, take_picture (d), (GDestroyNotify) rapport_picture_free);
          return;
        }

      if (status == RAPPORT_PICTURE_EXIT_MEMORY || says_out_of_memory (d))
        set_memory_error (&error);
      else if (status == RAPPORT_PICTURE_EXIT_INVALID)
        g_set_error (&error, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_INVALID,
                     _("This picture cannot be drawn: %s."), message);
      else if (status == RAPPORT_PICTURE_EXIT_SANDBOX)
        g_set_error (&error, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_FAILED,
                     _("The program that draws pictures could not lock itself down: %s."),
                     message);
      else if (status == RAPPORT_PICTURE_EXIT_OK)
        g_set_error_literal (&error, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_FAILED,
                             _("The program that draws pictures gave something other than the "
                               "picture it was asked for."));
      else
        g_set_error (&error, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_FAILED,
                     _("The program that draws pictures failed (exit status %d): %s."),
                     status, message);
    }

  g_task_return_error (task, error);
}

static void
op_done (GTask *task)
{
  Decode *d = g_task_get_task_data (task);

  g_assert (d->pending > 0);

  if (--d->pending == 0)
    complete (task);
}

/* Kills the decoder for output it had no business writing; its pipes are
 * still read to their end.
 */
static void
reject_output (Decode *d)
{
  d->bad_output = TRUE;
  g_subprocess_force_exit (d->process);
}

/* Standard output: the header, then exactly the pixels it announced. */
static void
took_output (Decode *d,
             gsize   n)
{
  if (!d->have_header && !d->bad_output)
    {
      d->header_read += n;
      if (d->header_read == sizeof d->header)
        {
          if (!header_is_valid (d))
            reject_output (d);
          else
            {
              d->have_header = TRUE;
              d->pixels_size = (gsize) d->header.rowstride * d->header.height;
              d->pixels = g_try_malloc (d->pixels_size);
              if (d->pixels == NULL)
                reject_output (d);
            }
        }
    }
  else if (d->pixels != NULL && d->pixels_read < d->pixels_size)
    d->pixels_read += n;
  else if (!d->bad_output)
    reject_output (d);   /* more than it announced */
}

/* Standard error: kept up to a point, then only drained, so that the
 * decoder never waits on a full pipe.
 */
static void
took_errors (Decode *d,
             gsize   n)
{
  if (d->errors->len < STDERR_KEPT)
    g_string_append_len (d->errors, (const char *) d->error_scratch,
                         MIN (n, STDERR_KEPT - d->errors->len));
}

/* Either pipe: read on until it ends. */
static void
on_read_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Decode *d = g_task_get_task_data (task);
  gboolean is_stdout = object == G_OBJECT (g_subprocess_get_stdout_pipe (d->process));
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, NULL);

  if (n <= 0)
    {
      op_done (task);
      return;
    }

  if (is_stdout)
    {
      took_output (d, (gsize) n);
      read_stdout (task);
    }
  else
    {
      took_errors (d, (gsize) n);
      read_stderr (task);
    }
}

static void
read_stdout (GTask *task)
{
  Decode *d = g_task_get_task_data (task);
  GInputStream *stream = g_subprocess_get_stdout_pipe (d->process);
  guchar *buffer = d->scratch;
  gsize size = sizeof d->scratch;

  if (!d->have_header && !d->bad_output)
    {
      buffer = (guchar *) &d->header + d->header_read;
      size = sizeof d->header - d->header_read;
    }
  else if (d->pixels != NULL && d->pixels_read < d->pixels_size)
    {
      buffer = d->pixels + d->pixels_read;
      size = MIN (d->pixels_size - d->pixels_read, (gsize) G_MAXSSIZE);
    }

  g_input_stream_read_async (stream, buffer, size, G_PRIORITY_DEFAULT, NULL,
                             on_read_cb, g_object_ref (task));
}

static void
read_stderr (GTask *task)
{
  Decode *d = g_task_get_task_data (task);

  g_input_stream_read_async (g_subprocess_get_stderr_pipe (d->process),
                             d->error_scratch, sizeof d->error_scratch, G_PRIORITY_DEFAULT, NULL,
                             on_read_cb, g_object_ref (task));
}

static void
on_stdin_written_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  /* A decoder that ended early broke the pipe: its exit says why. */
  g_output_stream_writev_all_finish (G_OUTPUT_STREAM (object), result, NULL, NULL);
  g_output_stream_close (G_OUTPUT_STREAM (object), NULL, NULL);
  op_done (task);
}

static void
on_wait_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  op_done (task);
}

static const char *
type_argument (RapportMediaType type)
{
  switch (type)
    {
    case RAPPORT_MEDIA_PNG:
      return "--type=" RAPPORT_PICTURE_TYPE_PNG;
    case RAPPORT_MEDIA_JPEG:
      return "--type=" RAPPORT_PICTURE_TYPE_JPEG;
    case RAPPORT_MEDIA_SVG:
    default:
      return "--type=" RAPPORT_PICTURE_TYPE_SVG;
    }
}

static guint32
request_type (RapportMediaType type)
{
  switch (type)
    {
    case RAPPORT_MEDIA_PNG:
      return RAPPORT_PICTURE_REQUEST_PNG;
    case RAPPORT_MEDIA_JPEG:
      return RAPPORT_PICTURE_REQUEST_JPEG;
    case RAPPORT_MEDIA_SVG:
    default:
      return RAPPORT_PICTURE_REQUEST_SVG;
    }
}

/* Ends a decode that never started a process: takes the reference to TASK. */
static void
fail_to_start (GTask  *task,
               GError *error)
{
  Decode *d = g_task_get_task_data (task);

  rapport_picture_end_turn (d, FALSE);
  g_task_return_error (task, error);
  g_object_unref (task);
}

/**
 * rapport_picture_spawn_decoder:
 * @path: the decoder's program
 * @for_type: (nullable): the one type it will be asked for, or %NULL for a
 *   spare, which gets all of them ready
 *
 * Starts a decoder with the limits of rapport-picture-protocol.h. It gets
 * ready, locks itself down and then waits for its request on standard
 * input.
 *
 * Returns: (transfer full) (nullable): the process, or %NULL with @error
 *   set
 */
GSubprocess *
rapport_picture_spawn_decoder (const char        *path,
                               RapportMediaType  *for_type,
                               GError           **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *max_pixels = g_strdup_printf ("--max-pixels=%u", (guint) RAPPORT_MEDIA_MAX_PIXELS);
  g_autofree char *max_svg_size = g_strdup_printf ("--max-svg-size=%u", (guint) RAPPORT_PICTURE_MAX_SVG_SIZE);
  g_autofree char *cpu_seconds = g_strdup_printf ("--cpu-seconds=%u", (guint) RAPPORT_PICTURE_CPU_SECONDS);
  g_autofree char *memory_mib = g_strdup_printf ("--memory-mib=%u", (guint) RAPPORT_PICTURE_MEMORY_MIB);
  g_autofree char *parent = g_strdup_printf ("--parent=%d", (int) getpid ());
  const char *argv[] = {
    path, parent, max_pixels, max_svg_size, cpu_seconds, memory_mib,
    for_type != NULL ? type_argument (*for_type) : NULL, NULL,
  };

  /* Without a child_setup function and with the descriptors left open,
   * GLib 2.74 starts the decoder with posix_spawn() (a vfork-like clone)
   * instead of forking the app, which kept the main thread for 5 to 6 ms
   * while the kernel copied its page tables. The decoder sets
   * PR_SET_PDEATHSIG and closes what it inherited beyond its pipes itself,
   * first thing.
   */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        G_SUBPROCESS_FLAGS_INHERIT_FDS);

  return g_subprocess_launcher_spawnv (launcher, argv, error);
}

/**
 * rapport_picture_process_start:
 * @task: (transfer full): a decode whose turn it is
 *
 * Hands @task's picture to the spare decoder, or to a decoder started for
 * it, and returns its answer once the process has ended. Runs in the
 * task's context, which must also be the thread's default while the
 * streams' operations start: they call back in it.
 */
void
rapport_picture_process_start (GTask *task)
{
  Decode *d = g_task_get_task_data (task);
  GMainContext *context = g_task_get_context (task);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gconstpointer data;
  gsize length;

  if (rapport_picture_is_cancelled (d))
    {
      fail_to_start (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                _("Drawing the picture was cancelled.")));
      return;
    }

  process = rapport_picture_take_spare (d->path);
  d->stats.spare = process != NULL;
  d->started = g_get_monotonic_time ();
  if (process == NULL)
    process = rapport_picture_spawn_decoder (d->path, &d->type, &error);
  if (process == NULL)
    {
      fail_to_start (task, g_error_new (RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_MISSING,
                                        _("The program that draws pictures, %s, could not be "
                                          "started: %s."),
                                        d->path, error->message));
      return;
    }

  if (rapport_picture_attach_process (d, process))
    g_subprocess_force_exit (process);

  /* From the picture's handing over, also for a spare that waited long. */
  d->timeout_source = g_timeout_source_new (RAPPORT_PICTURE_WALL_SECONDS * 1000);
  g_source_set_callback (d->timeout_source, on_timeout_cb, d, NULL);
  g_source_set_static_name (d->timeout_source, "[rapport] picture decoder time limit");
  g_source_attach (d->timeout_source, context);

  data = g_bytes_get_data (d->bytes, &length);
  memcpy (d->request.magic, RAPPORT_PICTURE_REQUEST_MAGIC, RAPPORT_PICTURE_MAGIC_LENGTH);
  d->request.type = request_type (d->type);
  d->request.length = (guint32) length;
  d->request_vectors[0].buffer = &d->request;
  d->request_vectors[0].size = sizeof d->request;
  d->request_vectors[1].buffer = data;
  d->request_vectors[1].size = length;

  /* The task's own reference is passed to the four operations. */
  d->pending = 4;
  g_main_context_push_thread_default (context);
  g_output_stream_writev_all_async (g_subprocess_get_stdin_pipe (process), d->request_vectors,
                                    G_N_ELEMENTS (d->request_vectors), G_PRIORITY_DEFAULT, NULL,
                                    on_stdin_written_cb, g_object_ref (task));
  read_stdout (task);
  read_stderr (task);
  g_subprocess_wait_async (process, NULL, on_wait_cb, task);
  g_main_context_pop_thread_default (context);
}
