/* journal-view.c: the journal view's own work per step, widgets included.
 *
 * bench/journal times the store's queries. This adds what the view does
 * with their results: building 50 rows, and laying out and painting them,
 * up to the frame that shows them. It opens a real window (run it under a
 * display; bench/journal-view starts its own Xvfb).
 *
 *   rapport-bench-journal-view STORE.db [--runs N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rapport-bench-common.h"
#include "rapport-journal-view.h"

static int n_runs = 11;


static gboolean painted;
static gint64 frame_start;
static gint64 frame_end;

static void
on_before_paint_cb (GdkFrameClock *clock,
                    gpointer       user_data)
{
  frame_start = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  frame_end = g_get_monotonic_time ();
  painted = TRUE;
}

/* Runs @step, then lets the frame that shows its result happen. Returns the
 * work in ms: the step itself plus that frame's update, layout and paint.
 * The wait for the frame clock's next tick (up to a frame at 60 Hz) is not
 * work and is left out.
 */
static double
time_step (GtkWidget *window,
           void     (*step) (gpointer),
           gpointer   data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gint64 start, end;
  gulong before, after;

  while (g_main_context_iteration (NULL, FALSE))
    ;

  painted = FALSE;
  before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  start = g_get_monotonic_time ();
  step (data);
  end = g_get_monotonic_time ();
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);

  return ((end - start) + (frame_end - frame_start)) / 1000.0;
}

static GtkWidget *
find (GtkWidget *root,
      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static RapportJournalView *view;

static void
step_reload (gpointer data)
{
  rapport_journal_view_reload (view);
}

static void
step_next_page (gpointer data)
{
  g_signal_emit_by_name (data, "edge-reached", GTK_POS_BOTTOM);
}

static void
step_search (gpointer data)
{
  gtk_editable_set_text (GTK_EDITABLE (data), "call");
  g_signal_emit_by_name (data, "search-changed");
}

static void
step_clear (gpointer data)
{
  gtk_editable_set_text (GTK_EDITABLE (data), "");
  g_signal_emit_by_name (data, "search-changed");
}

static void
report (const char *what,
        GArray     *samples)
{
  g_array_sort (samples, rapport_bench_compare_doubles);
  g_print ("  %-42s %8.2f %8.2f   %s\n", what,
           g_array_index (samples, double, samples->len / 2),
           g_array_index (samples, double, samples->len - 1),
           g_array_index (samples, double, samples->len / 2) < 16 ? "ok" : "over");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window;
  GtkWidget *scroller;
  GtkWidget *entry;

  if (argc < 2)
    {
      g_printerr ("usage: %s STORE.db [RUNS]\n", argv[0]);
      return 2;
    }
  if (argc > 2)
    n_runs = MAX (1, atoi (argv[2]));

  gtk_init ();
  adw_init ();

  store = rapport_store_new_for_path (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  view = g_object_new (RAPPORT_TYPE_JOURNAL_VIEW, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);

  rapport_journal_view_setup (view, store, NULL);
  scroller = find (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  entry = find (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);

  for (int run = 0; run < n_runs; run++)
    {
      double ms = time_step (window, step_reload, NULL);

      g_array_append_val (open_ms, ms);

      /* Scroll: the next pages as the list reaches its end. */
      for (int page = 0; page < 10; page++)
        {
          ms = time_step (window, step_next_page, scroller);
          g_array_append_val (page_ms, ms);
        }

      ms = time_step (window, step_search, entry);
      g_array_append_val (search_ms, ms);
      time_step (window, step_clear, entry);
    }

  g_print ("Journal view, %u entries per page; ms of work: the step plus the frame that shows it\n",
           25);
  g_print ("  %-42s %8s %8s   target\n", "step", "median", "worst");
  report ("open (first page of rows)", open_ms);
  report ("scroll: next page of rows", page_ms);
  report ("search \"call\": first page of rows", search_ms);
  g_print ("Target: a median step under 16 ms (one frame at 60 Hz).\n");

  return 0;
}
