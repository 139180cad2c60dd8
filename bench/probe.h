/* probe.h: what the LD_PRELOAD probes of the benchmarks share (probe.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The moments of start-up probe.c notes, in order. */
typedef enum
{
  PROBE_PHASE_LOADED,    /* the probe's constructor: the libraries are loaded and relocated */
  PROBE_PHASE_RUN,       /* g_application_run () called: main () has done its part */
  PROBE_PHASE_ACTIVATE,  /* GApplication::activate emitted, before any of its handlers */
  PROBE_PHASE_MAPPED,    /* the first window mapped */
  PROBE_N_PHASES
} ProbePhase;

double          probe_realtime      (void);
double          probe_get_phase     (ProbePhase  phase);

/* Defined by each probe: called once, when the process's first GtkWindow
 * is mapped (it has a frame clock by then).
 */
void            probe_window_mapped (GtkWindow  *window);

void            probe_find_all      (GtkWidget  *widget,
                                     const char *type_name,
                                     GPtrArray  *found);
GtkWidget      *probe_find_first    (GtkWidget  *widget,
                                     const char *type_name,
                                     gboolean    mapped);
gboolean        probe_course_shown  (GtkWindow  *window);

G_NORETURN void probe_finish        (const char *line);
G_NORETURN void probe_fail          (const char *format,
                                     ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
