/* test-packs.c: a new hire imports the pack their trainer built, in a real
 * window, and later removes it.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rapport-application.h"
#include "rapport-lesson.h"
#include "rapport-pack-archive.h"
#include "rapport-pack-install.h"
#include "rapport-packs-view.h"
#include "rapport-paths.h"
#include "rapport-problem.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-topic.h"
#include "rapport-window.h"

#define ACME_ID    "com.acme.customer-care"
#define ACME_TITLE "Acme Customer Care: Refunds"
#define ACME_ROW_SUBTITLE "Version 1.0 · Acme Training Team\n" \
                          "Handling a refund request at Acme, When a refund customer is upset"

static RapportApplication *app;
static char *tmp_dir;

static RapportWindow *
get_window (void)
{
  RapportWindow *window;

  if (app == NULL)
    app = rapport_test_app_new ();

  window = rapport_test_app_get_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  rapport_window_set_view (window, "packs");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 2);

  return window;
}

static void
set_style (const char *scheme)
{
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", scheme);
}

static void
save_screenshots (RapportWindow *window,
                  const char    *name)
{
  g_autofree char *light = g_strconcat (name, "-light", NULL);
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);
  g_autofree char *narrow = g_strconcat (name, "-narrow", NULL);

  set_style ("light");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
  rapport_test_save_screenshot (GTK_WIDGET (window), light);
  set_style ("dark");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
  rapport_test_save_screenshot (GTK_WIDGET (window), dark);
  set_style ("light");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
  rapport_test_save_screenshot (GTK_WIDGET (window), narrow);
  set_style ("default");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
}

/* A label the user can see, inside @root. */
static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  GtkWidget *label = rapport_test_find_widget (root, GTK_TYPE_LABEL, text);

  return label != NULL && gtk_widget_is_drawable (label);
}

static GtkWidget *
visible_button (GtkWidget  *root,
                const char *label)
{
  GtkWidget *button = rapport_test_find_widget (root, GTK_TYPE_BUTTON, label);

  if (button == NULL || !gtk_widget_is_drawable (button))
    return NULL;

  return button;
}

static guint
count_installed (void)
{
  g_autofree char *data_dir = rapport_paths_get_data_dir ();
  g_auto(GStrv) folders = rapport_pack_list_installed_folders (data_dir);

  return folders != NULL ? g_strv_length (folders) : 0;
}

/* The trainer's side: the Acme fixture built into a pack file. */
static char *
build_acme_pack (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autofree char *acme = g_test_build_filename (G_TEST_DIST, "fixtures", "packs", "acme", NULL);
  g_autofree char *output = g_build_filename (tmp_dir, "acme.rapportpack", NULL);

  g_assert_true (rapport_pack_build (acme, output,
                                     rapport_application_get_topic_loader (app),
                                     problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  return g_steal_pointer (&output);
}

static gboolean
topic_card_shown (gpointer user_data)
{
  GtkWidget *flowbox = rapport_test_find_widget (GTK_WIDGET (user_data), GTK_TYPE_FLOW_BOX, NULL);

  return flowbox != NULL &&
         rapport_test_find_widget (flowbox, GTK_TYPE_LABEL, "Handling a refund request at Acme") != NULL;
}

static gboolean
topic_card_gone (gpointer user_data)
{
  return !topic_card_shown (user_data);
}

static gboolean
pack_listed (gpointer user_data)
{
  RapportPacksView *view = rapport_window_get_packs_view (user_data);

  /* The row's subtitle: the summary page's title may still be fading out. */
  return shows_label (GTK_WIDGET (view), ACME_ROW_SUBTITLE);
}

static gboolean
empty_state_shown (gpointer user_data)
{
  RapportPacksView *view = rapport_window_get_packs_view (user_data);

  return shows_label (GTK_WIDGET (view), "No Lesson Packs");
}

static void
test_empty (void)
{
  RapportWindow *window = get_window ();

  g_assert_true (rapport_test_wait_until (empty_state_shown, window, 5000));
  g_assert_nonnull (visible_button (GTK_WIDGET (rapport_window_get_packs_view (window)), "_Import…"));
  save_screenshots (window, "packs-empty");
}

/* A pack that is not a zip archive, and one whose manifest is broken: each
 * shows its problems, offers no Install, and leaves nothing behind.
 */
static void
test_invalid (void)
{
  RapportWindow *window = get_window ();
  RapportPacksView *view = rapport_window_get_packs_view (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_bytes_unref);
  g_autofree char *corrupt = g_build_filename (tmp_dir, "corrupt.rapportpack", NULL);
  g_autofree char *bad_manifest = g_build_filename (tmp_dir, "bad-manifest.rapportpack", NULL);
  g_autoptr(GFile) corrupt_file = g_file_new_for_path (corrupt);
  g_autoptr(GFile) bad_manifest_file = g_file_new_for_path (bad_manifest);
  guint installed = count_installed ();

  g_assert_true (g_file_set_contents (corrupt, "PK\x03\x04 this is not a zip archive", -1, &error));
  g_assert_no_error (error);
  rapport_packs_view_open_file (view, corrupt_file);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_true (shows_label (GTK_WIDGET (view), "corrupt.rapportpack"));
  g_assert_true (shows_label (GTK_WIDGET (view), "This pack cannot be installed."));
  g_assert_true (shows_label (GTK_WIDGET (view), "Problems"));
  g_assert_null (visible_button (GTK_WIDGET (view), "_Install"));
  g_assert_true (rapport_packs_view_get_can_go_back (view));

  g_hash_table_insert (files, (char *) "pack.json",
                       g_bytes_new_static ("{ \"id\": \"com.example.bad\", \"title\": 3 }\n", 39));
  g_assert_true (rapport_pack_archive_write (files, bad_manifest, &error));
  g_assert_no_error (error);
  rapport_packs_view_open_file (view, bad_manifest_file);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_true (shows_label (GTK_WIDGET (view), "bad-manifest.rapportpack"));
  g_assert_true (shows_label (GTK_WIDGET (view), "Problems"));
  g_assert_null (visible_button (GTK_WIDGET (view), "_Install"));
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean found = FALSE;

    /* Problems read `file:line: message`, naming the manifest. */
    rapport_test_collect_widgets (GTK_WIDGET (view), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_is_drawable (labels->pdata[i]) &&
          strstr (gtk_label_get_text (labels->pdata[i]), "pack.json:") != NULL)
        found = TRUE;
    g_assert_true (found);
  }
  save_screenshots (window, "packs-invalid");

  g_signal_emit_by_name (visible_button (GTK_WIDGET (view), "_Cancel"), "clicked");
  g_assert_false (rapport_packs_view_get_can_go_back (view));
  g_assert_cmpuint (count_installed (), ==, installed);
}

static void
test_import (void)
{
  RapportWindow *window = get_window ();
  RapportPacksView *view = rapport_window_get_packs_view (window);
  g_autofree char *path = build_acme_pack ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *install;

  rapport_packs_view_open_file (view, file);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_true (shows_label (GTK_WIDGET (view), ACME_TITLE));
  g_assert_true (shows_label (GTK_WIDGET (view), "Version 1.0 · Acme Training Team"));
  g_assert_true (shows_label (GTK_WIDGET (view), "New pack"));
  g_assert_true (shows_label (GTK_WIDGET (view), "Handling a refund request at Acme"));
  g_assert_true (shows_label (GTK_WIDGET (view), "When a refund customer is upset"));
  g_assert_false (shows_label (GTK_WIDGET (view), "Problems"));
  save_screenshots (window, "packs-summary");

  /* Nothing is written before the learner says so. */
  g_assert_cmpuint (count_installed (), ==, 0);
  install = visible_button (GTK_WIDGET (view), "_Install");
  g_assert_nonnull (install);
  g_signal_emit_by_name (install, "clicked");

  g_assert_cmpuint (count_installed (), ==, 1);
  g_assert_true (rapport_test_wait_until (pack_listed, window, 5000));
  g_assert_true (shows_label (GTK_WIDGET (view), ACME_TITLE));
  save_screenshots (window, "packs-list");

  /* The same file again is a reinstall, said so before installing. */
  rapport_packs_view_open_file (view, file);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_true (shows_label (GTK_WIDGET (view), "This version is already installed. Installing it again keeps your progress."));
  g_assert_nonnull (visible_button (GTK_WIDGET (view), "_Reinstall"));
  rapport_packs_view_go_back (view);

  rapport_window_set_view (window, "learn");
  g_assert_true (rapport_test_wait_until (topic_card_shown, window, 5000));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 2);
  rapport_test_save_screenshot (GTK_WIDGET (window), "packs-learn-grid");
}

static RapportTopic *
find_acme_topic (void)
{
  GListModel *topics = rapport_catalog_get_topics (rapport_application_get_catalog (app));

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, i);

      if (g_strcmp0 (rapport_topic_get_pack_id (topic), ACME_ID) == 0)
        return g_steal_pointer (&topic);
    }

  return NULL;
}

static void
test_remove_keep_progress (void)
{
  RapportWindow *window = get_window ();
  RapportPacksView *view = rapport_window_get_packs_view (window);
  RapportStore *store = rapport_application_get_store (app);
  g_autoptr(RapportTopic) topic = find_acme_topic ();
  g_autoptr(RapportLesson) lesson = NULL;
  g_autoptr(RapportStoreTopicSummary) summary = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *remove = NULL;
  GtkWindow *dialog;

  g_assert_nonnull (topic);
  lesson = g_list_model_get_item (rapport_topic_get_lessons (topic), 0);
  g_assert_true (rapport_store_mark_lesson_completed (store, ACME_ID, rapport_topic_get_key (topic),
                                                      rapport_lesson_get_key (lesson), NULL, &error));
  g_assert_no_error (error);

  g_assert_true (rapport_test_wait_until (pack_listed, window, 5000));
  rapport_test_collect_widgets (GTK_WIDGET (view), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), "Remove Pack") == 0)
      remove = buttons->pdata[i];
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);

  dialog = rapport_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Remove Pack?");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "remove-progress"));
  rapport_test_save_screenshot (GTK_WIDGET (dialog), "packs-remove-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  gtk_window_destroy (dialog);

  g_assert_cmpuint (count_installed (), ==, 0);
  g_assert_true (rapport_test_wait_until (empty_state_shown, window, 5000));
  rapport_window_set_view (window, "learn");
  g_assert_true (rapport_test_wait_until (topic_card_gone, window, 5000));

  summary = rapport_store_get_topic_summary (store, ACME_ID, rapport_topic_get_key (topic),
                                             rapport_topic_get_skill (topic),
                                             rapport_topic_get_n_lessons (topic), &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  g_assert_cmpuint (summary->lessons_completed, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  rapport_test_init (&argc, &argv);
  tmp_dir = g_dir_make_tmp ("rapport-packs-XXXXXX", &error);
  g_assert_no_error (error);

  /* In this order: each case starts where the previous one left off. */
  g_test_add_func ("/rapport/packs/empty", test_empty);
  g_test_add_func ("/rapport/packs/invalid", test_invalid);
  g_test_add_func ("/rapport/packs/import", test_import);
  g_test_add_func ("/rapport/packs/remove-keep-progress", test_remove_keep_progress);

  ret = g_test_run ();

  g_clear_object (&app);
  g_free (tmp_dir);

  return ret;
}
