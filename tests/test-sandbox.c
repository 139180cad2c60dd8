/* test-sandbox.c: what a process locked down by rapport-sandbox.c can still do.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A child process locks itself down as rapport-picture-decoder does, then
 * tries what a compromised decoder would: the network, running a program,
 * a new process, signalling its parent, writing or creating a file,
 * reading the user's files. Each attempt must fail; threads, reading the
 * fonts and writing to its pipe must still work.
 *
 * The decoder itself, run as a program: it ends with the process that
 * started it, also when that one ended before the decoder could ask, and
 * refuses a request that is not exactly what the protocol says.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gstdio.h>

#include "rapport-picture-protocol.h"
#include "rapport-sandbox.h"
#include "rapport-test-pictures.h"

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif
#ifndef UNDER_ASAN
# define UNDER_ASAN 0
#endif

static void *
thread_func (void *data)
{
  return data;
}

/* Each probe is one line: "name ok" or "name FAILED: why". */
static void
report (int         fd,
        const char *name,
        gboolean    ok,
        const char *why)
{
  char line[256];
  int length = snprintf (line, sizeof line, "%s %s%s%s\n", name, ok ? "ok" : "FAILED",
                         ok ? "" : ": ", ok ? "" : why);

  if (write (fd, line, (size_t) length) != length)
    _exit (3);
}

static void
probe_refused (int         fd,
               const char *name,
               int         result)
{
  report (fd, name, result < 0 && (errno == EPERM || errno == EACCES), g_strerror (errno));
}

/* In the child, after it locked itself down. */
static void
probe (int         fd,
       const char *private_file,
       const char *scratch_dir,
       gboolean    landlock)
{
  g_autofree char *new_file = g_build_filename (scratch_dir, "written-by-sandbox", NULL);
  char *const argv[] = { (char *) "/bin/true", NULL };
  struct rlimit limit;
  pthread_t thread;
  pid_t pid;
  int opened;

  probe_refused (fd, "socket-inet", socket (AF_INET, SOCK_STREAM, 0));
  probe_refused (fd, "socket-unix", socket (AF_UNIX, SOCK_STREAM, 0));
  probe_refused (fd, "execve", execve ("/bin/true", argv, NULL));

  pid = fork ();
  if (pid == 0)
    _exit (0);
  probe_refused (fd, "fork", pid);

  probe_refused (fd, "kill-parent", kill (getppid (), 0));
  probe_refused (fd, "open-write", open (private_file, O_WRONLY));
  probe_refused (fd, "open-create", open (new_file, O_RDONLY | O_CREAT, 0600));
  probe_refused (fd, "open-truncate", open (private_file, O_RDONLY | O_TRUNC));
  probe_refused (fd, "unlink", unlink (private_file));
  probe_refused (fd, "mkdir", mkdir (new_file, 0700));

  /* Only Landlock keeps files from being read. */
  opened = open (private_file, O_RDONLY);
  if (landlock)
    probe_refused (fd, "read-private-file", opened);
  if (opened >= 0)
    close (opened);

  opened = open ("/etc/fonts/fonts.conf", O_RDONLY);
  report (fd, "read-fonts", opened >= 0 || errno == ENOENT, g_strerror (errno));
  if (opened >= 0)
    close (opened);

  report (fd, "thread", pthread_create (&thread, NULL, thread_func, NULL) == 0 &&
                        pthread_join (thread, NULL) == 0, "pthread_create failed");

#if UNDER_ASAN
  /* See rapport-sandbox.c: no address-space limit under AddressSanitizer. */
  report (fd, "rlimit-as", getrlimit (RLIMIT_AS, &limit) == 0 && limit.rlim_cur == RLIM_INFINITY,
          "RLIMIT_AS is set under AddressSanitizer");
#else
  report (fd, "rlimit-as", getrlimit (RLIMIT_AS, &limit) == 0 &&
                           limit.rlim_cur == 512 * 1024 * 1024 && limit.rlim_max == limit.rlim_cur,
          "RLIMIT_AS is not 512 MiB");
#endif
  report (fd, "rlimit-cpu", getrlimit (RLIMIT_CPU, &limit) == 0 &&
                            limit.rlim_cur == 4 && limit.rlim_max == 5,
          "RLIMIT_CPU is not 4 s, 5 s hard");
  report (fd, "rlimit-fsize", getrlimit (RLIMIT_FSIZE, &limit) == 0 && limit.rlim_max == 0,
          "RLIMIT_FSIZE is not 0");
  /* Raising a hard limit again takes a privilege it does not have. */
  limit.rlim_cur = limit.rlim_max = RLIM_INFINITY;
  probe_refused (fd, "raise-rlimit", setrlimit (RLIMIT_CPU, &limit));
}

/* The child's side: locks itself down, then probes.  Returns its exit
 * status, having freed what it allocated (valgrind follows the child).
 */
static int
run_locked_down_child (int                         fd,
                       const RapportSandboxLimits *limits,
                       const char                 *private_file,
                       const char                 *scratch_dir)
{
  g_autoptr(GPtrArray) paths = rapport_sandbox_read_only_paths ();
  g_autofree char *why_not = NULL;
  g_autoptr(GError) child_error = NULL;
  guint landlock_abi;
  char line[64];

  if (!rapport_sandbox_set_limits (limits, &child_error))
    return 4;
  landlock_abi = rapport_sandbox_landlock (paths, &why_not);
  if (!rapport_sandbox_seccomp (&child_error))
    return 5;
  snprintf (line, sizeof line, "landlock %u\n", landlock_abi);
  if (write (fd, line, strlen (line)) < 0)
    return 3;
  probe (fd, private_file, scratch_dir, landlock_abi > 0);

  return 0;
}

static void
test_locked_down (void)
{
  RapportSandboxLimits limits = { 4, 5, 512, 64 };
  g_autofree char *scratch_dir = g_dir_make_tmp ("rapport-sandbox-XXXXXX", NULL);
  g_autofree char *private_file = g_build_filename (scratch_dir, "journal.txt", NULL);
  g_autofree char *new_file = g_build_filename (scratch_dir, "written-by-sandbox", NULL);
  g_autofree char *output = NULL;
  g_autoptr(GString) buffer = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint landlock_abi = 0;
  int pipe_fds[2];
  int status = 0;
  pid_t pid;
  char chunk[1024];
  ssize_t n;

  g_assert_true (g_file_set_contents (private_file, "Dear diary", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pipe (pipe_fds), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (pipe_fds[0]);
      _exit (run_locked_down_child (pipe_fds[1], &limits, private_file, scratch_dir));
    }

  close (pipe_fds[1]);
  buffer = g_string_new (NULL);
  while ((n = read (pipe_fds[0], chunk, sizeof chunk)) > 0)
    g_string_append_len (buffer, chunk, n);
  close (pipe_fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  lines = g_strsplit (buffer->str, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "landlock "));
  landlock_abi = (guint) g_ascii_strtoull (lines[0] + strlen ("landlock "), NULL, 10);
  g_test_message ("Landlock ABI in force: %u", landlock_abi);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_test_message ("%s", lines[i]);
      g_assert_null (strstr (lines[i], "FAILED"));
    }
  g_assert_cmpuint (g_strv_length (lines), >=, 18);

  /* Nothing was written, and the file is as it was. */
  g_assert_false (g_file_test (new_file, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (private_file, &output, NULL, &error));
  g_assert_cmpstr (output, ==, "Dear diary");
  g_assert_cmpint (g_remove (private_file), ==, 0);
  g_assert_cmpint (g_rmdir (scratch_dir), ==, 0);
}

typedef gboolean (*Condition) (int pid);

/* Whether CONDITION holds for PID within five seconds: a decoder starts
 * in a few hundredths of a second, a busy machine may take far longer.
 */
static gboolean
wait_for (Condition condition,
          int       pid)
{
  for (guint i = 0; i < 500; i++)
    {
      if (condition (pid))
        return TRUE;
      g_usleep (10 * 1000);
    }

  return condition (pid);
}

/* Past its arguments and its limits: it has asked to die with its parent. */
static gboolean
has_cpu_limit (int pid)
{
  g_autofree char *limit = rapport_test_proc_field (pid, "limits", "Max cpu time");

  return limit != NULL && g_str_has_prefix (limit, "4 ");
}

static gboolean
has_ended (int pid)
{
  return !rapport_test_pid_exists (pid);
}

/* A shell starts the decoder, with a picture that never comes (its input
 * is a pipe that this test keeps open), and ends: the kernel kills the
 * decoder with it. Without PR_SET_PDEATHSIG the decoder would wait for
 * its picture for ever, an orphan.
 */
static void
test_decoder_dies_with_parent (void)
{
  g_autofree char *decoder = g_strdup (g_getenv ("RAPPORT_PICTURE_DECODER"));
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(GDataInputStream) shell_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  int picture_pipe[2];
  int pid;

  g_assert_nonnull (decoder);
  g_assert_true (g_unix_open_pipe (picture_pipe, FD_CLOEXEC, &error));
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_take_fd (launcher, picture_pipe[0], 3);
  /* The shell ends once this test closes its input. */
  shell = g_subprocess_launcher_spawn (launcher, &error, "/bin/sh", "-c",
                                       "\"$0\" --parent=$$ <&3 3<&- & echo $!; read line || :",
                                       decoder, NULL);
  g_assert_no_error (error);

  shell_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (shell));
  line = g_data_input_stream_read_line (shell_out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  pid = atoi (line);
  g_assert_cmpint (pid, >, 0);

  g_assert_true (wait_for (has_cpu_limit, pid));
  g_assert_true (rapport_test_pid_exists (pid));

  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (shell), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (shell, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (wait_for (has_ended, pid));
  close (picture_pipe[1]);
}

/* Its parent, by the pid it was given, has gone already: it ends at once
 * instead of waiting for a signal that will not come.
 */
static void
test_decoder_orphaned (void)
{
  g_autofree char *decoder = g_strdup (g_getenv ("RAPPORT_PICTURE_DECODER"));
  g_autofree char *not_parent = g_strdup_printf ("--parent=%d", (int) getppid ());
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) errors = NULL;
  g_autofree char *message = NULL;

  g_assert_nonnull (decoder);
  /* Its input stays open: had it not ended, it would wait on it. */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              decoder, not_parent, NULL);
  g_assert_no_error (error);
  errors = g_input_stream_read_bytes (g_subprocess_get_stderr_pipe (process), 4096, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);

  message = g_strndup (g_bytes_get_data (errors, NULL), g_bytes_get_size (errors));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
  g_assert_cmpstr (message, ==, "rapport-picture-decoder: the process that started it has ended\n");
}

static GBytes *
request (const char *magic,
         guint32     type,
         guint32     length,
         const char *picture,
         gsize       picture_length)
{
  GByteArray *bytes = g_byte_array_new ();
  RapportPictureRequest header = { { 0 } };

  memcpy (header.magic, magic, RAPPORT_PICTURE_MAGIC_LENGTH);
  header.type = type;
  header.length = length;
  g_byte_array_append (bytes, (const guint8 *) &header, sizeof header);
  g_byte_array_append (bytes, (const guint8 *) picture, (guint) picture_length);

  return g_byte_array_free_to_bytes (bytes);
}

/* A request that is not exactly what the protocol says, or not of the
 * type the decoder was started for, ends the decoder before it decodes
 * anything, with a message that says what was wrong.
 */
static void
test_decoder_request (void)
{
  const char *decoder = g_getenv ("RAPPORT_PICTURE_DECODER");
  const char *magic = RAPPORT_PICTURE_REQUEST_MAGIC;
  struct { GBytes *input; const char *message; const char *arg; } cases[] = {
    { g_bytes_new_static ("", 0), "no picture was sent" },
    { g_bytes_new_static (magic, 7), "the request ends after 7 bytes, in its header of 16" },
    { request ("RPICTUR1", RAPPORT_PICTURE_REQUEST_PNG, 3, "abc", 3), "the request does not start with RPICREQ1" },
    { request (magic, 0, 3, "abc", 3), "the request asks for a picture of type 0, which is not 1, 2 or 3" },
    { request (magic, 4, 3, "abc", 3), "the request asks for a picture of type 4, which is not 1, 2 or 3" },
    { request (magic, RAPPORT_PICTURE_REQUEST_SVG, 0, "", 0), "the request announces 0 bytes; a picture has 1 to 8388608" },
    { request (magic, RAPPORT_PICTURE_REQUEST_SVG, RAPPORT_PICTURE_MAX_INPUT + 1, "<svg/>", 6),
      "the request announces 8388609 bytes; a picture has 1 to 8388608" },
    { request (magic, RAPPORT_PICTURE_REQUEST_JPEG, 10, "abc", 3), "the picture ends after 3 of the 10 bytes announced" },
    { request (magic, RAPPORT_PICTURE_REQUEST_PNG, 3, "abcd", 4), "the request goes on after the 3 bytes announced" },
    { request (magic, RAPPORT_PICTURE_REQUEST_PNG, 3, "abc", 3), "the request is for another type of picture than --type",
      "--type=" RAPPORT_PICTURE_TYPE_SVG },
  };

  g_assert_nonnull (decoder);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) input = cases[i].input;
      g_autoptr(GBytes) output = NULL;
      g_autoptr(GBytes) errors = NULL;
      g_autofree char *message = NULL;
      g_autofree char *expected = g_strdup_printf ("rapport-picture-decoder: %s\n", cases[i].message);

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                  G_SUBPROCESS_FLAGS_STDERR_PIPE, &error, decoder, cases[i].arg, NULL);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_communicate (process, input, NULL, &output, &errors, &error));
      g_assert_no_error (error);

      message = g_strndup (g_bytes_get_data (errors, NULL), g_bytes_get_size (errors));
      g_assert_cmpstr (message, ==, expected);
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
      g_assert_cmpuint (g_bytes_get_size (output), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rapport/sandbox/locked-down", test_locked_down);
  g_test_add_func ("/rapport/sandbox/decoder-dies-with-parent", test_decoder_dies_with_parent);
  g_test_add_func ("/rapport/sandbox/decoder-orphaned", test_decoder_orphaned);
  g_test_add_func ("/rapport/sandbox/decoder-request", test_decoder_request);

  return g_test_run ();
}
