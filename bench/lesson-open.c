/* lesson-open.c: LD_PRELOAD probe for bench/lesson (see probe.c).
 *
 * Opens one lesson in Rapport's window the way the learner does, and times
 * it.  $RAPPORT_BENCH_LESSON names it: "PACK_ID TOPIC_KEY POSITION"
 * (POSITION from 0).  Once the window shows the course (the Learn view's
 * topic grid), the probe activates win.open-topic, as a topic card or a
 * quiz's link does; once the topic's page is on screen it waits
 * $RAPPORT_BENCH_SETTLE_MS (default 500) for start-up's background work to
 * end, then emits the page's "open-lesson", as activating the lesson's row
 * does, and watches the frames that follow:
 *
 *  - text: the first frame painted with the lesson view on screen (its
 *    text is laid out synchronously when it is shown);
 *  - pictures: the first frame painted once every figure of the lesson
 *    shows its picture (a GtkPicture with a paintable); a figure that
 *    shows its "cannot be shown" frame instead is an error.
 *
 * It reports one line, in milliseconds from the emission:
 *
 *   <text ms> <pictures ms, or - without figures> <figures> <frames>
 *   <peak RSS of the process, KiB> <peak RSS of its largest ended child, KiB>
 *   <the emission, CLOCK_MONOTONIC µs> (to find it in `perf record -k CLOCK_MONOTONIC`)
 *   <CPU ms from the emission on, of the process and of its ended children>
 *
 * The child is Rapport's picture decoder, which has ended by the time its
 * picture is shown.  Only public GTK calls, type names and the signal and
 * action names are used, so the same probe measures older builds of
 * Rapport.  Animations are switched off, so that the lesson is shown whole
 * in the first frame instead of sliding in.  With $RAPPORT_BENCH_SHOT set to
 * a file name, the window is saved there as a PNG once measured, to look at
 * what was measured.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "probe.h"

#define POLL_MS     10
#define TIMEOUT_MS  20000

typedef enum
{
  WAIT_COURSE,
  WAIT_TOPIC,
  SETTLE,
  WAIT_TEXT,
  WAIT_PICTURES,
} State;

static struct
{
  GtkWindow *window;
  State      state;
  char      *pack_id;
  char      *topic_key;
  guint      position;
  guint      settle_ms;
  gint64     started;       /* µs, monotonic */
  gint64     settle_from;
  gint64     t0;            /* the emission */
  double     cpu0;          /* CPU seconds of the process then */
  double     text_ms;
  guint      frames;
  GPtrArray *figures;       /* of GtkWidget, borrowed: the lesson view keeps them */
} probe;

/* 1: the picture is shown; 0: not yet; -1: its "cannot be shown" frame is. */
static int
figure_state (GtkWidget *figure)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();
  GtkWidget *picture = probe_find_first (figure, "GtkPicture", FALSE);

  if (picture != NULL && gtk_widget_get_visible (picture) &&
      gtk_picture_get_paintable (GTK_PICTURE (picture)) != NULL)
    return 1;

  probe_find_all (figure, "GtkBox", boxes);
  for (guint i = 0; i < boxes->len; i++)
    if (gtk_widget_has_css_class (boxes->pdata[i], "rapport-lesson-figure") &&
        gtk_widget_get_visible (boxes->pdata[i]))
      return -1;

  return 0;
}

/* The window as it was painted last, in a PNG file. */
static void
save_window (const char *path)
{
  GtkWidget *widget = GTK_WIDGET (probe.window);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    probe_fail ("could not save the window to %s", path);
}

/* User and system seconds of the process, and of its ended children. */
static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);

  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static G_NORETURN void
report (gint64 now)
{
  struct rusage self;
  struct rusage children;
  g_autofree char *pictures = NULL;
  g_autofree char *line = NULL;

  getrusage (RUSAGE_SELF, &self);
  getrusage (RUSAGE_CHILDREN, &children);
  pictures = probe.figures->len == 0 ? g_strdup ("-")
                                     : g_strdup_printf ("%.3f", (now - probe.t0) / 1000.0);
  line = g_strdup_printf ("%.3f %s %u %u %ld %ld %" G_GINT64_FORMAT " %.3f", probe.text_ms, pictures,
                          probe.figures->len, probe.frames, (long) self.ru_maxrss,
                          (long) children.ru_maxrss, probe.t0,
                          (cpu_seconds (RUSAGE_SELF) + cpu_seconds (RUSAGE_CHILDREN) - probe.cpu0) * 1000);
  if (g_getenv ("RAPPORT_BENCH_SHOT") != NULL)
    save_window (g_getenv ("RAPPORT_BENCH_SHOT"));
  probe_finish (line);
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();
  GtkWidget *lesson;

  probe.frames++;
  if (probe.state == WAIT_TEXT)
    {
      lesson = probe_find_first (GTK_WIDGET (probe.window), "RapportLessonView", TRUE);
      if (lesson == NULL)
        return;

      probe.text_ms = (now - probe.t0) / 1000.0;
      probe_find_all (lesson, "RapportFigure", probe.figures);
      probe.state = WAIT_PICTURES;
    }

  for (guint i = 0; i < probe.figures->len; i++)
    {
      int state = figure_state (probe.figures->pdata[i]);

      if (state < 0)
        probe_fail ("figure %u of the lesson shows that its picture cannot be shown", i + 1);
      if (state == 0)
        return;
    }

  report (now);
}

static gboolean
poll_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  GtkWidget *page;

  if (now - probe.started > TIMEOUT_MS * 1000)
    probe_fail ("the lesson was not shown within %d s (state %d)", TIMEOUT_MS / 1000, probe.state);

  switch (probe.state)
    {
    case WAIT_COURSE:
      if (!probe_course_shown (probe.window))
        return G_SOURCE_CONTINUE;
      if (!gtk_widget_activate_action (GTK_WIDGET (probe.window), "win.open-topic", "(ss)",
                                       probe.pack_id, probe.topic_key))
        probe_fail ("the window has no action win.open-topic");
      probe.state = WAIT_TOPIC;
      return G_SOURCE_CONTINUE;

    case WAIT_TOPIC:
      if (probe_find_first (GTK_WIDGET (probe.window), "RapportTopicPage", TRUE) == NULL)
        return G_SOURCE_CONTINUE;
      probe.settle_from = now;
      probe.state = SETTLE;
      return G_SOURCE_CONTINUE;

    case SETTLE:
      if (now - probe.settle_from < probe.settle_ms * (gint64) 1000)
        return G_SOURCE_CONTINUE;

      page = probe_find_first (GTK_WIDGET (probe.window), "RapportTopicPage", TRUE);
      if (page == NULL)
        probe_fail ("the topic's page went away");
      g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (probe.window)), "after-paint",
                        G_CALLBACK (on_after_paint), NULL);
      probe.state = WAIT_TEXT;
      probe.cpu0 = cpu_seconds (RUSAGE_SELF) + cpu_seconds (RUSAGE_CHILDREN);
      probe.t0 = g_get_monotonic_time ();
      g_signal_emit_by_name (page, "open-lesson", probe.position);
      return G_SOURCE_CONTINUE;

    case WAIT_TEXT:
    case WAIT_PICTURES:
    default:
      return G_SOURCE_CONTINUE;
    }
}

void
probe_window_mapped (GtkWindow *window)
{
  const char *lesson = g_getenv ("RAPPORT_BENCH_LESSON");
  const char *settle = g_getenv ("RAPPORT_BENCH_SETTLE_MS");
  g_auto(GStrv) parts = NULL;

  if (lesson == NULL || (parts = g_strsplit (lesson, " ", 3)) == NULL || g_strv_length (parts) != 3)
    probe_fail ("set RAPPORT_BENCH_LESSON to \"PACK_ID TOPIC_KEY POSITION\"");

  probe.window = window;
  probe.pack_id = g_strdup (parts[0]);
  probe.topic_key = g_strdup (parts[1]);
  probe.position = (guint) strtoul (parts[2], NULL, 10);
  probe.settle_ms = settle != NULL ? (guint) strtoul (settle, NULL, 10) : 500;
  probe.figures = g_ptr_array_new ();
  probe.started = g_get_monotonic_time ();

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_timeout_add (POLL_MS, poll_cb, NULL);
}
