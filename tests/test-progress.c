/* test-progress.c: the Progress view with known ratings, in a real window.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include <adwaita.h>

#include "rapport-application.h"
#include "rapport-progress-view.h"
#include "rapport-skill.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-window.h"

/* One entry every 5 days over 60 days: the first skill rises from 2 to 5,
 * the second stays at 3.
 */
#define N_ENTRIES 13

static RapportApplication *app;
static char *uuids[N_ENTRIES];

static void
seed_store (void)
{
  RapportStore *store = rapport_application_get_store (app);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_assert_nonnull (store);
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      g_autoptr(RapportStoreEntry) entry = rapport_store_entry_new ();
      g_autoptr(GError) error = NULL;
      int days_ago = 60 - 5 * (int) i;

      g_date_time_unref (entry->occurred);
      entry->occurred = g_date_time_add_days (now, -days_ago);
      g_free (entry->title);
      entry->title = g_strdup_printf ("call %u", i);
      rapport_store_entry_set_rating (entry, rapport_skill_get_nth (0)->key, 2 + (60 - days_ago) / 20);
      rapport_store_entry_set_rating (entry, rapport_skill_get_nth (1)->key, 3);
      g_assert_true (rapport_store_save_journal_entry (store, entry, &error));
      g_assert_no_error (error);
      uuids[i] = g_strdup (entry->uuid);
    }
}

static RapportWindow *
get_window (void)
{
  if (app == NULL)
    {
      app = rapport_test_app_new ();
      seed_store ();
    }

  return rapport_test_app_get_window (app);
}

static RapportProgressView *
show_progress (void)
{
  RapportWindow *window = get_window ();

  rapport_window_set_view (window, "progress");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);

  return rapport_window_get_progress_view (window);
}

/* The value on the summary card whose caption reads @caption. */
static const char *
card_value (RapportProgressView *view,
            const char          *caption)
{
  GtkWidget *label = rapport_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LABEL, caption);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_prev_sibling (label)));
}

static GtkWidget *
legend_button (RapportProgressView *view,
               const char          *skill_key)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  rapport_test_collect_widgets (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (g_object_get_data (buttons->pdata[i], "skill-key"), skill_key) == 0)
      return buttons->pdata[i];

  return NULL;
}

/* Pixels of @widget as drawn on screen within a small distance of @color. */
static guint
count_pixels (GtkWidget               *widget,
              const RapportChartColor *color)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *data = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint count = 0;

  rapport_test_wait_for_frames (widget, 3);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc ((gsize) width * height * 4);
  /* Cairo's ARGB32: B, G, R, A in memory on little-endian machines. */
  gdk_texture_download (texture, data, width * 4);
  for (int i = 0; i < width * height; i++)
    {
      const guchar *p = data + 4 * i;

      if (p[3] > 200 &&
          ABS (p[2] - color->red * 255) < 30 &&
          ABS (p[1] - color->green * 255) < 30 &&
          ABS (p[0] - color->blue * 255) < 30)
        count++;
    }

  return count;
}

/* As a click does it, without the delay of a keyboard activation. */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
}

static guint
n_shown (RapportProgressView *view)
{
  RapportChartView *chart_view = rapport_progress_view_get_chart_view (view);
  RapportSeries *shown;

  rapport_test_wait_for_frames (GTK_WIDGET (chart_view), 3);
  shown = rapport_chart_get_shown (rapport_chart_view_get_chart (chart_view), 0, FALSE);
  g_assert_nonnull (shown);
  return rapport_series_get_n_points (shown);
}

static void
test_chart (void)
{
  RapportProgressView *view = show_progress ();
  RapportChartView *chart_view = rapport_progress_view_get_chart_view (view);
  const RapportSkill *first = rapport_skill_get_nth (0);
  const RapportChartColor *palette = rapport_chart_get_palette (FALSE, NULL);
  g_autofree char *rose = g_strdup_printf ("%s rose from", first->title);
  GtkWidget *empty_title;
  GtkWidget *button;
  gint64 from, to;
  guint in_30_days, in_90_days, all_time;
  guint before, after;

  /* The chart, not the empty state. */
  g_assert_false (rapport_progress_view_get_empty (view));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart_view)));
  empty_title = rapport_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LABEL, "Nothing to Chart Yet");
  g_assert_true (empty_title == NULL || !gtk_widget_get_mapped (empty_title));

  /* The cards: an entry today keeps a one-day streak; nothing read or passed;
   * the rising skill improved most.
   */
  g_assert_cmpstr (card_value (view, "Lessons read"), ==, "0");
  g_assert_cmpstr (card_value (view, "Quizzes passed"), ==, "0");
  g_assert_cmpstr (card_value (view, "Journal streak"), ==, "1 day");
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    const char *improved = NULL;

    rapport_test_collect_widgets (GTK_WIDGET (view), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), "Most improved, "))
        {
          g_test_message ("%s", gtk_label_get_text (labels->pdata[i]));
          improved = gtk_label_get_text (GTK_LABEL (gtk_widget_get_prev_sibling (labels->pdata[i])));
        }
    g_assert_cmpstr (improved, ==, first->title);
  }

  /* The accessible description tells the trend. */
  g_assert_nonnull (strstr (rapport_chart_view_get_description (chart_view), rose));

  /* 30 days by default; longer ranges show more of the 13 ratings. */
  g_assert_cmpint (rapport_progress_view_get_range (view), ==, RAPPORT_SERIES_RANGE_30_DAYS);
  rapport_chart_view_get_range (chart_view, &from, &to);
  g_assert_cmpint (ABS (to - from - 30 * RAPPORT_SERIES_DAY), <=, 3600);
  in_30_days = n_shown (view);
  click (rapport_test_find_widget (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON, "90 Days"));
  g_assert_cmpint (rapport_progress_view_get_range (view), ==, RAPPORT_SERIES_RANGE_90_DAYS);
  in_90_days = n_shown (view);
  rapport_progress_view_set_range (view, RAPPORT_SERIES_RANGE_ALL);
  all_time = n_shown (view);
  g_assert_cmpuint (in_30_days, >=, 6);
  g_assert_cmpuint (in_30_days, <, in_90_days);
  g_assert_cmpuint (in_90_days, ==, N_ENTRIES);
  g_assert_cmpuint (all_time, ==, N_ENTRIES);

  /* Hiding the first skill in the legend takes its colour off the chart. */
  rapport_test_save_screenshot (GTK_WIDGET (get_window ()), "progress-light");
  before = count_pixels (GTK_WIDGET (chart_view), &palette[0]);
  button = legend_button (view, first->key);
  g_assert_nonnull (button);
  click (button);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_false (rapport_chart_view_get_skill_visible (chart_view, first->key));
  after = count_pixels (GTK_WIDGET (chart_view), &palette[0]);
  g_test_message ("pixels of the first skill's colour: %u shown, %u hidden", before, after);
  g_assert_cmpuint (before, >, 100);
  g_assert_cmpuint (after, <, before / 10);
  g_assert_null (strstr (rapport_chart_view_get_description (chart_view), rose));
  rapport_test_save_screenshot (GTK_WIDGET (get_window ()), "progress-skill-hidden");
  click (button);
  g_assert_true (rapport_chart_view_get_skill_visible (chart_view, first->key));
  g_assert_cmpuint (count_pixels (GTK_WIDGET (chart_view), &palette[0]), >, before / 2);
}

static void
test_styles (void)
{
  RapportWindow *window = get_window ();
  RapportProgressView *view = show_progress ();
  GSettings *settings = rapport_application_get_settings (app);
  RapportChartView *chart_view = rapport_progress_view_get_chart_view (view);
  const RapportChartColor *dark_palette = rapport_chart_get_palette (TRUE, NULL);

  g_settings_set_string (settings, "color-scheme", "dark");
  rapport_test_save_screenshot (GTK_WIDGET (window), "progress-dark");
  /* The dark palette's lighter blue, for contrast on the dark background. */
  g_assert_cmpuint (count_pixels (GTK_WIDGET (chart_view), &dark_palette[0]), >, 100);

  g_settings_set_string (settings, "color-scheme", "default");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  rapport_test_save_screenshot (GTK_WIDGET (window), "progress-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
}

static char *
read_file (const char *dir,
           const char *name,
           gsize      *length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_export (void)
{
  RapportProgressView *view = show_progress ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-progress-XXXXXX", &error);
  g_autofree char *png = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *csv = NULL;
  const char *formats[] = { "png", "svg", "csv" };
  gsize length;

  g_assert_no_error (error);
  rapport_progress_view_set_range (view, RAPPORT_SERIES_RANGE_ALL);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("progress.", formats[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_true (rapport_progress_view_export_to (view, formats[i], file));
    }

  png = read_file (dir, "progress.png", &length);
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);

  svg = read_file (dir, "progress.svg", &length);
  g_assert_nonnull (strstr (svg, "<svg"));

  /* Both skills' 13 ratings, under the header row. */
  csv = read_file (dir, "progress.csv", &length);
  g_assert_true (g_str_has_prefix (csv, "time,skill,skill_title,series,value,entry_uuid,attempt_id\r\n"));
  g_assert_nonnull (strstr (csv, uuids[0]));
  {
    g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
    guint n_ratings = 0;

    for (guint i = 1; lines[i] != NULL; i++)
      if (strstr (lines[i], ",self-rating,") != NULL)
        n_ratings++;
    g_assert_cmpuint (n_ratings, ==, 2 * N_ENTRIES);
  }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("progress.", formats[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Run last: it empties the store. */
static void
test_empty (void)
{
  RapportWindow *window = get_window ();
  RapportProgressView *view = show_progress ();
  RapportStore *store = rapport_application_get_store (app);
  GtkWidget *title;

  for (guint i = 0; i < N_ENTRIES; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (rapport_store_delete_journal_entry (store, uuids[i], &error));
      g_assert_no_error (error);
    }

  /* Coming back to the view reads the store again. */
  rapport_window_set_view (window, "learn");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 5);
  view = show_progress ();
  g_assert_true (rapport_progress_view_get_empty (view));
  title = rapport_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LABEL, "Nothing to Chart Yet");
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_get_mapped (title));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (rapport_progress_view_get_chart_view (view))));
  rapport_test_save_screenshot (GTK_WIDGET (window), "progress-empty");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  rapport_test_init (&argc, &argv);

  g_test_add_func ("/rapport/progress/chart", test_chart);
  g_test_add_func ("/rapport/progress/styles", test_styles);
  g_test_add_func ("/rapport/progress/export", test_export);
  g_test_add_func ("/rapport/progress/empty", test_empty);

  ret = g_test_run ();

  g_clear_object (&app);
  for (guint i = 0; i < N_ENTRIES; i++)
    g_free (uuids[i]);

  return ret;
}
