/* first-frame.c: LD_PRELOAD probe for bench/startup (see probe.c).
 *
 * At the first "after-paint" of the first window's frame clock it notes
 *
 *   <CLOCK_REALTIME seconds> <peak RSS of the process in KiB>
 *   <CPU seconds of the process, user and system, all threads>
 *   <the time of each ProbePhase, CLOCK_REALTIME seconds, 0 if it did not happen>
 *
 * (getrusage's ru_maxrss and ru_utime + ru_stime, child processes not
 * included), reports it and ends the process.  On a busy machine the CPU
 * time varies less than the wall time.
 *
 * With $RAPPORT_BENCH_COURSE set (Rapport only), it goes on until the first
 * frame painted once the Learn view shows the course's topics (the course
 * and the packs loaded and their cards laid out; they fade in from that
 * frame on) and adds the same three figures for that frame to the line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <sys/resource.h>

#include "probe.h"

static GString *line;
static gboolean wait_for_course;

/* Appends the time, the peak RSS and the CPU time now. */
static void
append_now (void)
{
  double now = probe_realtime ();
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  g_string_append_printf (line, "%s%.6f %ld %.6f", line->len > 0 ? " " : "", now,
                          (long) usage.ru_maxrss,
                          usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
                          (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6);
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkWindow *window = user_data;

  if (line->len == 0)
    {
      append_now ();
      for (ProbePhase phase = 0; phase < PROBE_N_PHASES; phase++)
        g_string_append_printf (line, " %.6f", probe_get_phase (phase));
      if (!wait_for_course)
        probe_finish (line->str);
      return;
    }

  if (!probe_course_shown (window))
    return;

  append_now ();
  probe_finish (line->str);
}

void
probe_window_mapped (GtkWindow *window)
{
  line = g_string_new (NULL);
  wait_for_course = g_getenv ("RAPPORT_BENCH_COURSE") != NULL;
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), window);
}
