/* rapport-picture-decoder.c: the program that draws one picture from a pack, locked down.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* rapport-picture-decoder [--parent=PID] [--max-pixels=N] [--max-svg-size=N]
 *                         [--cpu-seconds=N] [--memory-mib=N] [--type=png|jpeg|svg]
 *                         < request > pixels
 *
 * Rapport starts this program for the pictures a lesson shows and for
 * every picture `rapport-pack validate` checks (src/core/pictures). It does
 * everything that costs before it knows its picture, so that Rapport can
 * start one ahead of time and keep it waiting (a spare), in this order:
 *
 *  1. asks the kernel to kill it with its parent (PR_SET_PDEATHSIG), and
 *     ends at once if its parent is no longer the --parent it was given:
 *     the client died before it asked; closes every other descriptor;
 *  2. puts its limits in place (rapport-sandbox.c): the CPU time limit
 *     covers the warm-up that follows, about 15 ms (2 ms for a PNG alone);
 *  3. warms up (rapport-picture-decode.c): draws a pixel of PNG and of
 *     JPEG and a word of SVG text, which loads gdk-pixbuf's modules for all
 *     three types, librsvg, Pango and fontconfig while files can still be
 *     opened; only the one type's with --type, which a decoder started for
 *     a picture of that type is given (a spare is not: it may be handed
 *     any picture);
 *  4. locks itself down: Landlock, then seccomp;
 *  5. only then reads its request from standard input: a
 *     RapportPictureRequest (the type and the length, checked strictly)
 *     and exactly that many bytes, at most RAPPORT_PICTURE_MAX_INPUT, then
 *     the end of the input (rapport-picture-protocol.h); a request for
 *     another type than --type is refused;
 *  6. decodes and writes the pixels.
 *
 * A problem is one line on standard error and one of the
 * RapportPictureExit codes. A picture that takes too long ends with
 * SIGXCPU. One that asks for too much memory ends with an allocation
 * failure, which librsvg reports only as "Error displaying image": a
 * failure after the process came close to its address space limit is
 * taken for one.
 */

#include "config.h"

#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gio/gio.h>

#include "rapport-picture-decode.h"
#include "rapport-picture-protocol.h"
#include "rapport-sandbox.h"

#define DECODER_MAX_FILES 64

/* A decode that failed after using this much of its address space ran out
 * of it; normal pictures stay far below (see README.md).
 */
#define DECODER_OUT_OF_MEMORY_SHARE 0.75

static int
fail (RapportPictureExit  code,
      const char         *format,
      ...) G_GNUC_PRINTF (2, 3);

static int
fail (RapportPictureExit  code,
      const char         *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line, whatever the message holds. */
  g_strdelimit (message, "\r\n", ' ');
  fprintf (stderr, "rapport-picture-decoder: %s\n", message);

  return code;
}

static gboolean
parse_uint (const char *arg,
            const char *name,
            guint64     max,
            guint64    *value)
{
  gsize length = strlen (name);
  guint64 parsed;

  if (strncmp (arg, name, length) != 0 || arg[length] != '=')
    return FALSE;

  if (!g_ascii_string_to_unsigned (arg + length + 1, 10, 1, max, &parsed, NULL))
    exit (fail (RAPPORT_PICTURE_EXIT_USAGE, "%s needs a number from 1 to %" G_GUINT64_FORMAT,
                name, max));

  *value = parsed;
  return TRUE;
}

static gssize
read_cb (guchar  *buffer,
         gsize    size,
         gpointer user_data,
         GError **error)
{
  int fd = GPOINTER_TO_INT (user_data);

  while (TRUE)
    {
      ssize_t n = read (fd, buffer, MIN (size, (gsize) G_MAXSSIZE));

      if (n >= 0)
        return n;
      if (errno != EINTR)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       "reading the request failed: %s", g_strerror (errno));
          return -1;
        }
    }
}

static gboolean
write_all_cb (const guchar  *data,
              gsize          length,
              gpointer       user_data,
              GError       **error)
{
  int fd = GPOINTER_TO_INT (user_data);

  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                       "writing the pixels failed: %s", g_strerror (errno));
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }

  return TRUE;
}

static guint64
cpu_usec_used (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;

  return (guint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         (guint64) (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *why_not = NULL;
  RapportMediaType type;
  guint types = RAPPORT_PICTURE_ALL_TYPES;
  RapportPictureLimits limits = { RAPPORT_MEDIA_MAX_PIXELS, RAPPORT_PICTURE_MAX_SVG_SIZE };
  RapportSandboxLimits sandbox_limits = {
    RAPPORT_PICTURE_CPU_SECONDS, RAPPORT_PICTURE_CPU_HARD_SECONDS,
    RAPPORT_PICTURE_MEMORY_MIB, DECODER_MAX_FILES,
  };
  guint32 sandbox;
  guint landlock_abi;
  int status_fd;
  const guchar *data;
  gsize length;

  /* A decoder that outlives Rapport (which crashed, or was killed) is of
   * no use to anyone: the kernel ends it with its parent. Set here rather
   * than by the client between fork and exec, so that GLib can start it
   * with posix_spawn(), which does not copy the app's page tables.
   */
  if (prctl (PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0)
    return fail (RAPPORT_PICTURE_EXIT_SANDBOX, "PR_SET_PDEATHSIG: %s", g_strerror (errno));

  /* Whatever it inherited beyond its three pipes is not its business. */
  rapport_sandbox_close_other_fds ();

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      guint64 value;

      if (parse_uint (arg, "--parent", G_MAXINT, &value))
        {
          /* The parent died before the line above: no signal will come. */
          if ((guint64) getppid () != value)
            return fail (RAPPORT_PICTURE_EXIT_USAGE, "the process that started it has ended");
        }
      else if (g_str_has_prefix (arg, "--type="))
        {
          if (!rapport_picture_type_from_string (arg + strlen ("--type="), &type))
            return fail (RAPPORT_PICTURE_EXIT_USAGE, "--type must be png, jpeg or svg");
          types = 1u << type;
        }
      else if (parse_uint (arg, "--max-pixels", (guint64) RAPPORT_MEDIA_MAX_DIMENSION * RAPPORT_MEDIA_MAX_DIMENSION, &value))
        limits.max_pixels = value;
      else if (parse_uint (arg, "--max-svg-size", RAPPORT_MEDIA_MAX_DIMENSION, &value))
        limits.max_svg_size = (guint) value;
      else if (parse_uint (arg, "--cpu-seconds", 600, &value))
        {
          sandbox_limits.cpu_seconds = (guint) value;
          sandbox_limits.cpu_hard_seconds = (guint) value + 1;
        }
      else if (parse_uint (arg, "--memory-mib", 64 * 1024, &value))
        sandbox_limits.memory_mib = (guint) value;
      else
        return fail (RAPPORT_PICTURE_EXIT_USAGE, "unknown argument %s", arg);
    }

  /* Each malloc arena reserves 64 MiB of address space; threads would
   * otherwise spend the limit on reservations. librsvg's filters run on a
   * pool of threads, which is kept small for the same reason.
   */
  mallopt (M_ARENA_MAX, 2);
  g_setenv ("RAYON_NUM_THREADS", "2", TRUE);

  /* Before the warm-up, whose CPU time counts towards the limit too. */
  if (!rapport_sandbox_set_limits (&sandbox_limits, &error))
    return fail (RAPPORT_PICTURE_EXIT_SANDBOX, "%s", error->message);

  /* Loads the modules while files can still be opened. */
  if (!rapport_picture_warm_up (&limits, types, &error))
    return fail (RAPPORT_PICTURE_EXIT_SANDBOX, "%s", error->message);

  status_fd = rapport_sandbox_open_status ();
  sandbox = RAPPORT_PICTURE_SANDBOX_RLIMITS;
  paths = rapport_sandbox_read_only_paths ();
  landlock_abi = rapport_sandbox_landlock (paths, &why_not);
  if (landlock_abi > 0)
    sandbox |= RAPPORT_PICTURE_SANDBOX_LANDLOCK (landlock_abi);
  else
    g_debug ("Going on without Landlock: %s", why_not);

  if (!rapport_sandbox_seccomp (&error))
    return fail (RAPPORT_PICTURE_EXIT_SANDBOX, "%s", error->message);
  sandbox |= RAPPORT_PICTURE_SANDBOX_SECCOMP;

  /* From here on what comes in is looked at; a spare waits here. */
  input = rapport_picture_read_request (read_cb, GINT_TO_POINTER (STDIN_FILENO), &type, &error);
  if (input == NULL)
    return fail (RAPPORT_PICTURE_EXIT_USAGE, "%s", error->message);
  if ((types & (1u << type)) == 0)
    return fail (RAPPORT_PICTURE_EXIT_USAGE, "the request is for another type of picture than --type");

  /* Its module is loaded: no file is opened. */
  loader = rapport_picture_loader_new (type, &limits, &error);
  if (loader == NULL)
    return fail (RAPPORT_PICTURE_EXIT_SANDBOX, "no decoder for this type: %s", error->message);

  data = g_bytes_get_data (input, &length);
  pixbuf = rapport_picture_loader_decode (loader, data, length, &error);
  if (pixbuf == NULL)
    {
      guint peak_kib = rapport_sandbox_peak_kib (status_fd);

      if (g_error_matches (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY) ||
          peak_kib >= DECODER_OUT_OF_MEMORY_SHARE * sandbox_limits.memory_mib * 1024)
        return fail (RAPPORT_PICTURE_EXIT_MEMORY, "out of memory after %u MiB: %s",
                     peak_kib / 1024, error->message);

      return fail (RAPPORT_PICTURE_EXIT_INVALID, "%s", error->message);
    }

  if (!rapport_picture_write (pixbuf, sandbox, cpu_usec_used (), rapport_sandbox_peak_kib (status_fd),
                              write_all_cb, GINT_TO_POINTER (STDOUT_FILENO), &error))
    return fail (RAPPORT_PICTURE_EXIT_OUTPUT, "%s", error->message);

  return RAPPORT_PICTURE_EXIT_OK;
}
