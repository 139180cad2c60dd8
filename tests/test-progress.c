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
#include "rapport-radar-view.h"
#include "rapport-skill.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-window.h"

/* One entry every 5 days over 60 days: the first skill rises from 2 to 5,
 * the second stays at 3; the newest entry also rates Empathy 5, while its
 * three quizzes in the last 20 days scored 40, 50 and 45 %.
 */
#define N_ENTRIES 13
#define N_ATTEMPTS 3
#define EMPATHY 2

static RapportApplication *app;
static char *uuids[N_ENTRIES];
static gint64 attempt_ids[N_ATTEMPTS];

static void
seed_attempts (RapportStore *store,
               GDateTime    *now)
{
  const int days_ago[N_ATTEMPTS] = { 20, 10, 2 };
  const double scores[N_ATTEMPTS] = { 40, 50, 45 };
  const char *key = rapport_skill_get_nth (EMPATHY)->key;

  for (guint i = 0; i < N_ATTEMPTS; i++)
    {
      g_autoptr(RapportStoreAttempt) attempt = rapport_store_attempt_new (RAPPORT_CORE_PACK_ID, key, key);
      g_autoptr(GError) error = NULL;

      attempt->finished = g_date_time_add_days (now, -days_ago[i]);
      attempt->started = g_date_time_add_minutes (attempt->finished, -10);
      attempt->score = scores[i];
      attempt->passed = FALSE;
      attempt->state = RAPPORT_STORE_ATTEMPT_FINISHED;
      /* The last: 2 of 4 right (45 % comes from partial points). */
      for (guint q = 0; i == N_ATTEMPTS - 1 && q < 4; q++)
        {
          g_autofree char *question = g_strdup_printf ("question-%u", q);

          rapport_store_attempt_add_answer (attempt, question, "0", q % 2, 1, q % 2);
        }
      g_assert_true (rapport_store_add_quiz_attempt (store, attempt, &error));
      g_assert_no_error (error);
      attempt_ids[i] = attempt->id;
    }
}

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
      if (i == N_ENTRIES - 1)
        rapport_store_entry_set_rating (entry, rapport_skill_get_nth (EMPATHY)->key, 5);
      g_assert_true (rapport_store_save_journal_entry (store, entry, &error));
      g_assert_no_error (error);
      uuids[i] = g_strdup (entry->uuid);
    }

  seed_attempts (store, now);
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

/* Pixels of @widget as drawn on screen within a small distance of @color
 * and at least @alpha opaque (the chart draws on no background).
 */
static guint
count_blended_pixels (GtkWidget               *widget,
                      const RapportChartColor *color,
                      double                   alpha)
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

      /* Premultiplied: divided by the alpha for the colour as drawn. */
      if (p[3] > 0 && p[3] >= alpha * 200 &&
          ABS (p[2] * 255.0 / p[3] - color->red * 255) < 30 &&
          ABS (p[1] * 255.0 / p[3] - color->green * 255) < 30 &&
          ABS (p[0] * 255.0 / p[3] - color->blue * 255) < 30)
        count++;
    }

  return count;
}

static guint
count_pixels (GtkWidget               *widget,
              const RapportChartColor *color)
{
  return count_blended_pixels (widget, color, 1.0);
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
    g_assert_cmpuint (n_ratings, ==, 2 * N_ENTRIES + 1);
  }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("progress.", formats[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static GtkWidget *
legend_swatch (RapportProgressView *view,
               const char          *skill_key)
{
  GtkWidget *button = legend_button (view, skill_key);
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));

  return gtk_widget_get_first_child (box);
}

static void
test_quiz_and_calibration (void)
{
  RapportProgressView *view = show_progress ();
  RapportChartView *chart_view = rapport_progress_view_get_chart_view (view);
  const RapportSkill *empathy = rapport_skill_get_nth (EMPATHY);
  const RapportChartColor *palette = rapport_chart_get_palette (FALSE, NULL);
  g_autofree char *sentence = g_strdup_printf ("You rate your %s 5/5 but score 45 %% in its quiz.",
                                               empathy->title);
  g_autofree char *quiz_trend = g_strdup_printf ("%s quiz scores", empathy->title);
  GtkWidget *label;
  GtkWidget *swatch;
  guint before, after, swatch_shown, swatch_hidden;

  rapport_progress_view_set_range (view, RAPPORT_SERIES_RANGE_30_DAYS);
  rapport_test_wait_for_frames (GTK_WIDGET (view), 3);

  /* The newest rating (5) against the newest score (45 %). */
  label = rapport_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LABEL, sentence);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));

  /* The description tells the quiz scores too. */
  g_assert_nonnull (strstr (rapport_chart_view_get_description (chart_view), quiz_trend));

  /* Empathy's quiz dots (80 % opaque; ten days apart, so no trend joins
   * them) are drawn in its colour, and go with it.
   */
  before = count_blended_pixels (GTK_WIDGET (chart_view), &palette[EMPATHY], 0.8);
  swatch = legend_swatch (view, empathy->key);
  swatch_shown = count_pixels (swatch, &palette[EMPATHY]);
  click (legend_button (view, empathy->key));
  after = count_blended_pixels (GTK_WIDGET (chart_view), &palette[EMPATHY], 0.8);
  swatch_hidden = count_pixels (swatch, &palette[EMPATHY]);
  g_test_message ("empathy pixels: chart %u → %u, swatch %u → %u", before, after,
                  swatch_shown, swatch_hidden);
  g_assert_cmpuint (before, >, 20);
  g_assert_cmpuint (after, <, before / 5);
  g_assert_null (strstr (rapport_chart_view_get_description (chart_view), quiz_trend));

  /* A hidden skill's swatch is a ring of its colour, not a tinted dot. */
  g_assert_cmpuint (swatch_shown, >, 60);
  g_assert_cmpuint (swatch_hidden, >, 10);
  g_assert_cmpuint (swatch_hidden, <, swatch_shown * 3 / 4);
  rapport_test_save_screenshot (GTK_WIDGET (get_window ()), "progress-quiz-hidden");

  click (legend_button (view, empathy->key));
  g_assert_cmpuint (count_blended_pixels (GTK_WIDGET (chart_view), &palette[EMPATHY], 0.8), >, before / 2);
}

static gboolean
view_is_journal (gpointer data)
{
  return g_strcmp0 (rapport_window_get_view (data), "journal") == 0;
}

static gboolean
has_message_dialog (gpointer data)
{
  return rapport_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
has_no_message_dialog (gpointer data)
{
  return !has_message_dialog (data);
}

static gboolean
tip_shows (gpointer data)
{
  return rapport_chart_view_get_tip (data) != NULL;
}

static gboolean
tip_gone (gpointer data)
{
  return rapport_chart_view_get_tip (data) == NULL;
}

/* Pointing at a value shows its tip; away from every value, none. */
static void
test_point_hover (void)
{
  RapportProgressView *view = show_progress ();
  RapportChartView *chart_view = rapport_progress_view_get_chart_view (view);
  RapportChart *chart = rapport_chart_view_get_chart (chart_view);
  const RapportSeriesPoint *point;
  double x, y;

  rapport_progress_view_set_range (view, RAPPORT_SERIES_RANGE_30_DAYS);
  rapport_test_wait_for_frames (GTK_WIDGET (view), 3);

  /* The third-newest rating of the first skill: 4, from "call 10". */
  point = rapport_series_get_point (rapport_chart_get_shown (chart, 0, FALSE),
                                    rapport_series_get_n_points (rapport_chart_get_shown (chart, 0, FALSE)) - 3);
  g_assert_cmpstr (point->entry_uuid, ==, uuids[N_ENTRIES - 3]);
  g_assert_true (rapport_chart_map_point (chart, 0, point, &x, &y));

  rapport_test_move_pointer (GTK_WIDGET (chart_view), x + 2, y + 1);
  g_assert_true (rapport_test_wait_until (tip_shows, chart_view, 5000));
  g_test_message ("tip: %s", rapport_chart_view_get_tip (chart_view));
  g_assert_nonnull (strstr (rapport_chart_view_get_tip (chart_view), "Journal entry “call 10”"));
  rapport_test_save_screenshot (GTK_WIDGET (get_window ()), "progress-point-hover");

  rapport_test_move_pointer (GTK_WIDGET (chart_view), x, y + 40);
  /* The motion may reach the window a frame or two later on a busy machine. */
  g_assert_true (rapport_test_wait_until (tip_gone, chart_view, 5000));
}

static void
test_point_focus (void)
{
  RapportWindow *window = get_window ();
  RapportProgressView *view = show_progress ();
  RapportChartView *chart_view = rapport_progress_view_get_chart_view (view);
  const RapportSkill *first = rapport_skill_get_nth (0);
  const RapportSkill *empathy = rapport_skill_get_nth (EMPATHY);
  g_autofree char *quiz_source = g_strdup_printf ("Quiz attempt, %s, 45 %%", empathy->title);
  g_autofree char *heading = g_strdup_printf ("%s Quiz", empathy->title);
  RapportJournalEditor *editor;
  const RapportSeriesPoint *point;
  RapportSeries *series = NULL;
  AdwMessageDialog *dialog;
  guint presses;

  rapport_progress_view_set_range (view, RAPPORT_SERIES_RANGE_30_DAYS);
  rapport_test_wait_for_frames (GTK_WIDGET (view), 3);

  /* Focusing the chart puts the keyboard on the first skill's newest value. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart_view)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (chart_view)));
  rapport_test_wait_for_frames (GTK_WIDGET (chart_view), 2);
  point = rapport_chart_view_get_focused_point (chart_view, &series);
  g_assert_nonnull (point);
  g_assert_cmpstr (rapport_series_get_skill_key (series), ==, first->key);
  g_assert_cmpstr (point->entry_uuid, ==, uuids[N_ENTRIES - 1]);
  g_assert_nonnull (strstr (rapport_chart_view_get_tip (chart_view), "self-rating 5 of 5"));
  g_assert_nonnull (strstr (rapport_chart_view_get_tip (chart_view), "Journal entry “call 12”"));

  /* Left goes back in time: the entry before, its date, value and title. */
  rapport_test_press_keys (GTK_WINDOW (window), "Left");
  point = rapport_chart_view_get_focused_point (chart_view, NULL);
  g_assert_cmpstr (point->entry_uuid, ==, uuids[N_ENTRIES - 2]);
  g_test_message ("tip: %s", rapport_chart_view_get_tip (chart_view));
  g_assert_nonnull (strstr (rapport_chart_view_get_tip (chart_view), "Journal entry “call 11”"));
  rapport_test_save_screenshot (GTK_WIDGET (window), "progress-point-tip");
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", "dark");
  rapport_test_save_screenshot (GTK_WIDGET (window), "progress-point-tip-dark");
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", "default");
  /* Redrawn in the other palette, the keyboard is still on the same value. */
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_nonnull (rapport_chart_view_get_focused_point (chart_view, NULL));
  g_assert_cmpstr (rapport_chart_view_get_focused_point (chart_view, NULL)->entry_uuid, ==,
                   uuids[N_ENTRIES - 2]);

  /* Enter opens that entry in the journal editor. */
  rapport_test_press_keys (GTK_WINDOW (window), "Return");
  g_assert_true (rapport_test_wait_until (view_is_journal, window, 5000));
  editor = rapport_journal_view_get_editor (rapport_window_get_journal_view (window));
  g_assert_cmpstr (rapport_journal_editor_get_uuid (editor), ==, uuids[N_ENTRIES - 2]);
  rapport_test_save_screenshot (GTK_WIDGET (window), "progress-point-opened-entry");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);

  /* Down moves between skills (ratings, then quiz scores) to Empathy's quizzes. */
  view = show_progress ();
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (chart_view)));
  for (presses = 0; presses < 20; presses++)
    {
      point = rapport_chart_view_get_focused_point (chart_view, &series);
      if (point != NULL && point->attempt_id != 0)
        break;
      rapport_test_press_keys (GTK_WINDOW (window), "Down");
    }
  g_assert_nonnull (point);
  g_assert_cmpstr (rapport_series_get_skill_key (series), ==, empathy->key);
  rapport_test_press_keys (GTK_WINDOW (window), "End");
  point = rapport_chart_view_get_focused_point (chart_view, NULL);
  g_assert_cmpint (point->attempt_id, ==, attempt_ids[N_ATTEMPTS - 1]);
  g_assert_nonnull (strstr (rapport_chart_view_get_tip (chart_view), quiz_source));
  rapport_test_save_screenshot (GTK_WIDGET (window), "progress-quiz-tip");

  /* Enter shows that attempt's results. */
  rapport_test_press_keys (GTK_WINDOW (window), "Return");
  g_assert_true (rapport_test_wait_until (has_message_dialog, NULL, 5000));
  dialog = ADW_MESSAGE_DIALOG (rapport_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "You scored 45 %, below the pass mark."));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 of 4 questions answered correctly."));
  g_assert_true (adw_message_dialog_has_response (dialog, "topic"));
  rapport_test_wait_for_frames (GTK_WIDGET (dialog), 5);
  rapport_test_save_screenshot (GTK_WIDGET (dialog), "progress-attempt-results");
  /* Its button leads on to the quiz's topic. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    GtkWidget *open_topic = NULL;

    rapport_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      /* The dialog keeps a row and a column of its buttons; one shows. */
      if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), "_Open Topic") == 0
          && gtk_widget_get_mapped (buttons->pdata[i]))
        open_topic = buttons->pdata[i];
    click (open_topic);
  }
  g_assert_true (rapport_test_wait_until (has_no_message_dialog, NULL, 5000));
  g_assert_cmpstr (rapport_window_get_view (window), ==, "learn");
  g_test_message ("learn page: %s", rapport_learn_view_get_page (rapport_window_get_learn_view (window)));
  g_assert_cmpstr (rapport_learn_view_get_page (rapport_window_get_learn_view (window)), ==, "topic");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
}

static void
test_profile (void)
{
  RapportWindow *window = get_window ();
  RapportProgressView *view = show_progress ();
  RapportRadarView *radar = RAPPORT_RADAR_VIEW (rapport_test_find_widget (GTK_WIDGET (view),
                                                                          RAPPORT_TYPE_RADAR_VIEW,
                                                                          NULL));
  GtkDropDown *compare = GTK_DROP_DOWN (rapport_test_find_widget (GTK_WIDGET (view),
                                                                  GTK_TYPE_DROP_DOWN, NULL));
  const RapportChartColor *palette = rapport_chart_get_palette (FALSE, NULL);
  const RapportSkill *first = rapport_skill_get_nth (0);
  const RapportSkill *empathy = rapport_skill_get_nth (EMPATHY);
  g_autofree char *rose = g_strdup_printf ("%s rose from 2.5 to 4", first->title);
  g_autofree char *new_at = g_strdup_printf ("%s is new at 5", empathy->title);
  g_autofree char *first_tip = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-profile-XXXXXX", &error);
  const char *description;
  guint now_pixels;

  g_assert_no_error (error);
  g_assert_nonnull (radar);
  g_assert_nonnull (compare);

  /* Thirty days ago by default: the first skill's 30-day mean then (2, 2,
   * 2, 3, 3, 3) against now (3, 4, 4, 4, 4, 5); Empathy rated only now.
   */
  description = rapport_radar_view_get_description (radar);
  g_test_message ("%s", description);
  g_assert_true (g_str_has_prefix (description, "Compared with "));
  g_assert_nonnull (strstr (description, rose));
  g_assert_nonnull (strstr (description, new_at));
  g_assert_nonnull (strstr (description, "7 skills are not rated yet."));

  /* "Now" is drawn in the first palette colour. */
  now_pixels = count_pixels (GTK_WIDGET (radar), &palette[0]);
  g_test_message ("radar pixels of the 'now' colour: %u", now_pixels);
  g_assert_cmpuint (now_pixels, >, 100);

  /* Keys walk the spokes clockwise and say each value. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (radar)));
  g_assert_cmpint (rapport_radar_view_get_focused_axis (radar), ==, 0);
  first_tip = g_strdup (rapport_radar_view_get_tip (radar));
  g_assert_true (g_str_has_prefix (first_tip, first->title));
  g_assert_nonnull (strstr (first_tip, "4 now, 2.5 on "));
  rapport_test_press_keys (GTK_WINDOW (window), "Right");
  rapport_test_press_keys (GTK_WINDOW (window), "Right");
  g_assert_cmpint (rapport_radar_view_get_focused_axis (radar), ==, EMPATHY);
  g_assert_nonnull (strstr (rapport_radar_view_get_tip (radar), "5 now, not rated by "));
  rapport_test_press_keys (GTK_WINDOW (window), "Left");
  rapport_test_press_keys (GTK_WINDOW (window), "Left");
  rapport_test_press_keys (GTK_WINDOW (window), "Left");
  g_assert_cmpint (rapport_radar_view_get_focused_axis (radar), ==, (int) rapport_skill_get_count () - 1);
  rapport_test_press_keys (GTK_WINDOW (window), "Home");
  g_assert_cmpint (rapport_radar_view_get_focused_axis (radar), ==, 0);
  {
    /* Scrolled into view for the screenshot. */
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (radar), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    double x, y;

    gtk_widget_translate_coordinates (GTK_WIDGET (radar), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                      0, 0, &x, &y);
    g_test_message ("radar at %.0f, %d tall; scroll to %.0f of %.0f", y,
                    gtk_widget_get_height (GTK_WIDGET (radar)), y - 90,
                    gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 90);
    rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
    rapport_test_save_screenshot (GTK_WIDGET (window), "progress-profile");
    g_settings_set_string (rapport_application_get_settings (app), "color-scheme", "dark");
    rapport_test_save_screenshot (GTK_WIDGET (window), "progress-profile-dark");
    g_settings_set_string (rapport_application_get_settings (app), "color-scheme", "default");
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* A year back nothing was rated: every skill with a value now is new. */
  gtk_drop_down_set_selected (compare, 2);
  description = rapport_radar_view_get_description (radar);
  g_test_message ("%s", description);
  g_assert_null (strstr (description, rose));
  g_assert_nonnull (strstr (description, "Effective Communication is new at 4"));

  /* Exported as PNG (the "now" colour is in it) and SVG. */
  for (guint i = 0; i < 2; i++)
    {
      const char *format = i == 0 ? "profile-png" : "profile-svg";
      g_autofree char *path = g_build_filename (dir, i == 0 ? "profile.png" : "profile.svg", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (rapport_progress_view_export_to (view, format, file));
      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_no_error (error);
      if (i == 0)
        {
          cairo_surface_t *png = cairo_image_surface_create_from_png (path);
          const guchar *data;
          guint blue = 0;
          int stride;

          g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (cairo_image_surface_get_width (png), ==, 2 * gtk_widget_get_width (GTK_WIDGET (radar)));
          data = cairo_image_surface_get_data (png);
          stride = cairo_image_surface_get_stride (png);
          for (int y = 0; y < cairo_image_surface_get_height (png); y++)
            for (int x = 0; x < cairo_image_surface_get_width (png); x++)
              {
                const guchar *p = data + y * stride + 4 * x;

                if (ABS (p[2] - palette[0].red * 255) < 30 && ABS (p[1] - palette[0].green * 255) < 30
                    && ABS (p[0] - palette[0].blue * 255) < 30)
                  blue++;
              }
          g_test_message ("exported profile: %u pixels of the 'now' colour", blue);
          g_assert_cmpuint (blue, >, 400);
          cairo_surface_destroy (png);
        }
      else
        {
          g_assert_nonnull (strstr (contents, "<svg"));
          g_assert_nonnull (strstr (contents, "<path"));
        }
      g_unlink (path);
    }
  g_rmdir (dir);
  gtk_drop_down_set_selected (compare, 0);
}

/* The top-left corner of @widget in @view's coordinates. */
static void
origin_in (GtkWidget *widget,
           GtkWidget *view,
           double    *x,
           double    *y)
{
  g_assert_true (gtk_widget_translate_coordinates (widget, view, 0, 0, x, y));
}

static void
cards_positions (RapportProgressView *view,
                 double               xs[4],
                 double               ys[4])
{
  const char *captions[] = { "Lessons read", "Quizzes passed", "Journal streak", NULL };

  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *label = captions[i] != NULL
                         ? rapport_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LABEL, captions[i])
                         : NULL;
      GtkWidget *card;

      if (label == NULL)
        {
          g_autoptr(GPtrArray) labels = g_ptr_array_new ();

          rapport_test_collect_widgets (GTK_WIDGET (view), GTK_TYPE_LABEL, labels);
          for (guint j = 0; j < labels->len; j++)
            if (g_str_has_prefix (gtk_label_get_text (labels->pdata[j]), "Most improved"))
              label = labels->pdata[j];
        }
      g_assert_nonnull (label);
      card = gtk_widget_get_parent (label);
      origin_in (card, GTK_WIDGET (view), &xs[i], &ys[i]);
    }
}

static void
test_cards_layout (void)
{
  RapportWindow *window = get_window ();
  RapportProgressView *view = show_progress ();
  const int widths[] = { 1000, 640, 360 };
  double xs[4], ys[4];

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 720);
      rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
      cards_positions (view, xs, ys);
      g_test_message ("%d px: (%.0f, %.0f) (%.0f, %.0f) (%.0f, %.0f) (%.0f, %.0f)", widths[w],
                      xs[0], ys[0], xs[1], ys[1], xs[2], ys[2], xs[3], ys[3]);
      if (w == 0)
        {
          /* Wide: four in a row. */
          g_assert_cmpfloat (ys[0], ==, ys[3]);
          g_assert_cmpfloat (xs[0], <, xs[1]);
          g_assert_cmpfloat (xs[1], <, xs[2]);
          g_assert_cmpfloat (xs[2], <, xs[3]);
        }
      else if (w == 1)
        {
          /* Medium: two by two. */
          g_assert_cmpfloat (ys[0], ==, ys[1]);
          g_assert_cmpfloat (ys[2], ==, ys[3]);
          g_assert_cmpfloat (ys[0], <, ys[2]);
          g_assert_cmpfloat (xs[0], ==, xs[2]);
        }
      else
        {
          /* Narrow: one column. */
          g_assert_cmpfloat (xs[0], ==, xs[3]);
          g_assert_cmpfloat (ys[0], <, ys[1]);
          g_assert_cmpfloat (ys[1], <, ys[2]);
          g_assert_cmpfloat (ys[2], <, ys[3]);
          rapport_test_save_screenshot (GTK_WIDGET (window), "progress-cards-narrow");
          {
            GtkWidget *radar = rapport_test_find_widget (GTK_WIDGET (view), RAPPORT_TYPE_RADAR_VIEW, NULL);
            GtkWidget *scroller = gtk_widget_get_ancestor (radar, GTK_TYPE_SCROLLED_WINDOW);
            GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
            double x, y;

            origin_in (radar, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)), &x, &y);
            gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 90);
            rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
            rapport_test_save_screenshot (GTK_WIDGET (window), "progress-profile-narrow");
            gtk_adjustment_set_value (adjustment, 0);
          }
        }
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
}

/* Three ratings a day apart are too few for a trend: the description reads
 * them as they are (1 to 4), where a seven-day average would say the skill
 * stayed near 2.7.
 */
static void
test_few_ratings_described (void)
{
  RapportWindow *window = get_window ();
  RapportStore *store = rapport_application_get_store (app);
  const RapportSkill *skill = rapport_skill_get_nth (4);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *rose = g_strdup_printf ("%s rose from 1.0 to 4.0 over 2 days.", skill->title);
  const int ratings[3] = { 1, 3, 4 };
  RapportProgressView *view;

  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      g_autoptr(RapportStoreEntry) entry = rapport_store_entry_new ();
      g_autoptr(GError) error = NULL;

      entry->occurred = g_date_time_add_days (now, (int) i - 3);
      entry->title = g_strdup_printf ("short run %u", i);
      rapport_store_entry_set_rating (entry, skill->key, ratings[i]);
      g_assert_true (rapport_store_save_journal_entry (store, entry, &error));
      g_assert_no_error (error);
    }

  /* Coming back to the view reads the store again. */
  rapport_window_set_view (window, "learn");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 5);
  view = show_progress ();
  rapport_progress_view_set_range (view, RAPPORT_SERIES_RANGE_30_DAYS);
  rapport_test_wait_for_frames (GTK_WIDGET (view), 3);
  g_test_message ("%s", rapport_chart_view_get_description (rapport_progress_view_get_chart_view (view)));
  g_assert_nonnull (strstr (rapport_chart_view_get_description (rapport_progress_view_get_chart_view (view)),
                            rose));
}

/* Run last: it empties the store. */
static void
test_empty (void)
{
  RapportWindow *window = get_window ();
  RapportProgressView *view = show_progress ();
  RapportStore *store = rapport_application_get_store (app);
  GtkWidget *title;

  /* The entries go one by one; the quiz history only with a reset. */
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (rapport_store_delete_journal_entry (store, uuids[i], &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (rapport_store_reset (store, &error));
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
  g_test_add_func ("/rapport/progress/quiz-and-calibration", test_quiz_and_calibration);
  g_test_add_func ("/rapport/progress/point-hover", test_point_hover);
  g_test_add_func ("/rapport/progress/point-focus", test_point_focus);
  g_test_add_func ("/rapport/progress/profile", test_profile);
  g_test_add_func ("/rapport/progress/cards-layout", test_cards_layout);
  g_test_add_func ("/rapport/progress/export", test_export);
  g_test_add_func ("/rapport/progress/few-ratings-described", test_few_ratings_described);
  g_test_add_func ("/rapport/progress/empty", test_empty);

  ret = g_test_run ();

  g_clear_object (&app);
  for (guint i = 0; i < N_ENTRIES; i++)
    g_free (uuids[i]);

  return ret;
}
