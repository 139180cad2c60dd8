/* first-frame.c: LD_PRELOAD probe for bench/startup.
 *
 * Preload this into any GTK 4 program (the program itself is not modified).
 * When the first GtkWindow of the process is mapped it connects to that
 * window's frame clock; at the first "after-paint" it writes one line
 *
 *   <CLOCK_REALTIME seconds, ns precision> <peak RSS of the process in KiB>
 *
 * to the file named by $RAPPORT_BENCH_OUT (stderr when unset) and ends the
 * process with _exit (0), skipping the program's own shutdown.
 *
 * The GtkWidget::map emission hook can only be added once GTK has been
 * initialised, which a constructor cannot wait for.  So the hook is
 * installed lazily from whichever of these public entry points the program
 * calls first (calls from the program go through the PLT, so the definitions
 * below win over GTK's and GIO's own):
 *
 *  - g_application_run (): a "startup" handler is connected; it runs after
 *    GtkApplication's (and AdwApplication's) class handler, i.e. after
 *    gtk_init ();
 *  - gtk_init () and gtk_init_check (), for programs without GtkApplication;
 *  - gtk_window_present (), as a last resort.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <gtk/gtk.h>

#define PROBE_NAME "rapport-first-frame"

static char *out_path;
static gboolean hook_installed;
static gboolean window_seen;

static void *
next_symbol (const char *name)
{
  void *sym = dlsym (RTLD_NEXT, name);

  if (sym == NULL)
    {
      fprintf (stderr, PROBE_NAME ": cannot find %s: %s\n", name, dlerror ());
      _exit (125);
    }

  return sym;
}

/* Drops this library from LD_PRELOAD so that child processes (if the
 * program spawns any) are not probed too. */
static void
strip_self_from_ld_preload (void)
{
  const char *preload = getenv ("LD_PRELOAD");
  GString *kept;
  char **entries;

  if (preload == NULL)
    return;

  kept = g_string_new (NULL);
  entries = g_strsplit_set (preload, " :", -1);
  for (char **e = entries; *e != NULL; e++)
    {
      if (**e == '\0' || strstr (*e, PROBE_NAME) != NULL)
        continue;
      if (kept->len > 0)
        g_string_append_c (kept, ':');
      g_string_append (kept, *e);
    }

  if (kept->len > 0)
    setenv ("LD_PRELOAD", kept->str, 1);
  else
    unsetenv ("LD_PRELOAD");

  g_strfreev (entries);
  g_string_free (kept, TRUE);
}

__attribute__((constructor)) static void
probe_init (void)
{
  const char *path = getenv ("RAPPORT_BENCH_OUT");

  if (path != NULL && *path != '\0')
    out_path = strdup (path);
  unsetenv ("RAPPORT_BENCH_OUT");
  strip_self_from_ld_preload ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  struct timespec now;
  struct rusage usage;
  char line[128];
  int len;
  int fd;

  clock_gettime (CLOCK_REALTIME, &now);
  getrusage (RUSAGE_SELF, &usage);

  len = snprintf (line, sizeof line, "%lld.%09ld %ld\n",
                  (long long) now.tv_sec, (long) now.tv_nsec, (long) usage.ru_maxrss);

  if (out_path != NULL)
    {
      fd = open (out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd < 0)
        {
          fprintf (stderr, PROBE_NAME ": cannot open %s: %s\n", out_path, strerror (errno));
          _exit (124);
        }
    }
  else
    {
      fd = STDERR_FILENO;
    }

  if (write (fd, line, (size_t) len) != len)
    _exit (123);
  if (fd != STDERR_FILENO)
    close (fd);

  _exit (0);
}

static gboolean
on_widget_mapped (GSignalInvocationHint *ihint,
                  guint                  n_param_values,
                  const GValue          *param_values,
                  gpointer               user_data)
{
  GObject *instance;
  GdkFrameClock *clock;

  if (window_seen || n_param_values < 1)
    return FALSE;

  instance = g_value_get_object (&param_values[0]);
  if (!GTK_IS_WINDOW (instance))
    return TRUE; /* keep waiting for the first window */

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (instance));
  if (clock == NULL)
    {
      fprintf (stderr, PROBE_NAME ": mapped window has no frame clock\n");
      return TRUE;
    }

  window_seen = TRUE;
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);

  return FALSE; /* removes the hook */
}

/* Only call once GTK is initialised. */
static void
ensure_hook (void)
{
  guint map_id;

  if (hook_installed)
    return;
  hook_installed = TRUE;

  /* The class must exist before its signals can be looked up; never unref'd. */
  g_type_class_ref (GTK_TYPE_WIDGET);
  map_id = g_signal_lookup ("map", GTK_TYPE_WIDGET);
  g_signal_add_emission_hook (map_id, 0, on_widget_mapped, NULL, NULL);
}

static void
on_startup (GApplication *app,
            gpointer      user_data)
{
  ensure_hook ();
}

int
g_application_run (GApplication *application,
                   int           argc,
                   char        **argv)
{
  static int (*real) (GApplication *, int, char **);

  if (real == NULL)
    real = (int (*) (GApplication *, int, char **)) next_symbol ("g_application_run");

  if (GTK_IS_APPLICATION (application))
    g_signal_connect (application, "startup", G_CALLBACK (on_startup), NULL);

  return real (application, argc, argv);
}

void
gtk_init (void)
{
  static void (*real) (void);

  if (real == NULL)
    real = (void (*) (void)) next_symbol ("gtk_init");

  real ();
  ensure_hook ();
}

gboolean
gtk_init_check (void)
{
  static gboolean (*real) (void);
  gboolean ok;

  if (real == NULL)
    real = (gboolean (*) (void)) next_symbol ("gtk_init_check");

  ok = real ();
  if (ok)
    ensure_hook ();

  return ok;
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real) (GtkWindow *);

  if (real == NULL)
    real = (void (*) (GtkWindow *)) next_symbol ("gtk_window_present");

  ensure_hook ();
  real (window);
}
