/* probe.c: what the LD_PRELOAD probes of the benchmarks share.
 *
 * A probe is preloaded into a GTK 4 program, which is not modified, and
 * reports one line to the file named by $RAPPORT_BENCH_OUT (stderr when
 * unset), then ends the process with _exit (), skipping the program's own
 * shutdown.  Each probe (first-frame.c, lesson-open.c) defines
 * probe_window_mapped (), which this file calls once, when the first
 * GtkWindow of the process is mapped.
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
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "probe.h"

static char *out_path;
static gboolean hook_installed;
static gboolean window_seen;
static double phases[PROBE_N_PHASES];

/* CLOCK_REALTIME in seconds, as the scripts read the clock before exec. */
double
probe_realtime (void)
{
  struct timespec now;

  clock_gettime (CLOCK_REALTIME, &now);

  return now.tv_sec + now.tv_nsec / 1e9;
}

/* When each phase of start-up began (0 when it did not happen). */
double
probe_get_phase (ProbePhase phase)
{
  g_return_val_if_fail (phase < PROBE_N_PHASES, 0);

  return phases[phase];
}

static void *
next_symbol (const char *name)
{
  void *sym = dlsym (RTLD_NEXT, name);

  if (sym == NULL)
    {
      fprintf (stderr, "rapport-bench-probe: cannot find %s: %s\n", name, dlerror ());
      _exit (125);
    }

  return sym;
}

/* Drops this library from LD_PRELOAD so that the processes the program
 * starts (Rapport's picture decoder) are not probed too.
 */
static void
strip_self_from_ld_preload (void)
{
  const char *preload = getenv ("LD_PRELOAD");
  g_autofree char *self_name = NULL;
  GString *kept;
  char **entries;
  Dl_info info;

  if (preload == NULL || dladdr ((void *) strip_self_from_ld_preload, &info) == 0 ||
      info.dli_fname == NULL)
    return;

  self_name = g_path_get_basename (info.dli_fname);
  kept = g_string_new (NULL);
  entries = g_strsplit_set (preload, " :", -1);
  for (char **e = entries; *e != NULL; e++)
    {
      g_autofree char *name = g_path_get_basename (*e);

      if (**e == '\0' || g_str_equal (name, self_name))
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

  phases[PROBE_PHASE_LOADED] = probe_realtime ();
  if (path != NULL && *path != '\0')
    out_path = strdup (path);
  unsetenv ("RAPPORT_BENCH_OUT");
  strip_self_from_ld_preload ();
}

static void
write_line (const char *line)
{
  size_t len = strlen (line);
  int fd = STDERR_FILENO;

  if (out_path != NULL)
    {
      fd = open (out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd < 0)
        {
          fprintf (stderr, "rapport-bench-probe: cannot open %s: %s\n", out_path, strerror (errno));
          _exit (124);
        }
    }

  if (write (fd, line, len) != (ssize_t) len || write (fd, "\n", 1) != 1)
    _exit (123);
  if (fd != STDERR_FILENO)
    close (fd);
}

/* Reports @line and ends the process at once. */
void
probe_finish (const char *line)
{
  write_line (line);
  _exit (0);
}

/* Reports "error: " and the message, and ends the process: the script
 * shows the message.
 */
void
probe_fail (const char *format,
            ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  line = g_strconcat ("error: ", message, NULL);
  write_line (line);
  _exit (3);
}

/* Finding Rapport's widgets by their type names, which every build of it
 * has had: the probes link none of its code.
 */

static gboolean
is_a (GtkWidget  *widget,
      const char *type_name)
{
  GType type = g_type_from_name (type_name);

  return type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (widget, type);
}

/* Adds @widget and every descendant of it of the type @type_name to @found. */
void
probe_find_all (GtkWidget  *widget,
                const char *type_name,
                GPtrArray  *found)
{
  if (is_a (widget, type_name))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    probe_find_all (child, type_name, found);
}

/* The first of probe_find_all()'s widgets (that is mapped, if @mapped). */
GtkWidget *
probe_find_first (GtkWidget  *widget,
                  const char *type_name,
                  gboolean    mapped)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  probe_find_all (widget, type_name, found);
  for (guint i = 0; i < found->len; i++)
    if (!mapped || gtk_widget_get_mapped (found->pdata[i]))
      return found->pdata[i];

  return NULL;
}

/* Whether the Learn view shows its topic grid: the course is loaded. */
gboolean
probe_course_shown (GtkWindow *window)
{
  GtkWidget *learn = probe_find_first (GTK_WIDGET (window), "RapportLearnView", FALSE);
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

  if (learn == NULL)
    return FALSE;

  probe_find_all (learn, "GtkStack", stacks);
  for (guint i = 0; i < stacks->len; i++)
    {
      const char *name = gtk_stack_get_visible_child_name (stacks->pdata[i]);

      if (name != NULL && g_str_equal (name, "grid"))
        return TRUE;
    }

  return FALSE;
}

static gboolean
on_widget_mapped (GSignalInvocationHint *ihint,
                  guint                  n_param_values,
                  const GValue          *param_values,
                  gpointer               user_data)
{
  GObject *instance;

  if (window_seen || n_param_values < 1)
    return FALSE;

  instance = g_value_get_object (&param_values[0]);
  if (!GTK_IS_WINDOW (instance))
    return TRUE; /* keep waiting for the first window */

  if (gtk_widget_get_frame_clock (GTK_WIDGET (instance)) == NULL)
    {
      fprintf (stderr, "rapport-bench-probe: mapped window has no frame clock\n");
      return TRUE;
    }

  window_seen = TRUE;
  phases[PROBE_PHASE_MAPPED] = probe_realtime ();
  probe_window_mapped (GTK_WINDOW (instance));

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

/* An emission hook runs before every handler of the (run-last) signal,
 * whether the program connected its handler or overrides the class's.
 */
static gboolean
on_activate_emitted (GSignalInvocationHint *ihint,
                     guint                  n_param_values,
                     const GValue          *param_values,
                     gpointer               user_data)
{
  phases[PROBE_PHASE_ACTIVATE] = probe_realtime ();

  return FALSE; /* once */
}

int
g_application_run (GApplication *application,
                   int           argc,
                   char        **argv)
{
  static int (*real) (GApplication *, int, char **);

  if (real == NULL)
    real = (int (*) (GApplication *, int, char **)) next_symbol ("g_application_run");

  phases[PROBE_PHASE_RUN] = probe_realtime ();
  if (GTK_IS_APPLICATION (application))
    {
      g_signal_connect (application, "startup", G_CALLBACK (on_startup), NULL);
      g_signal_add_emission_hook (g_signal_lookup ("activate", G_TYPE_APPLICATION), 0,
                                  on_activate_emitted, NULL, NULL);
    }

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
