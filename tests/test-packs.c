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
#include "rapport-figure.h"
#include "rapport-learn-view.h"
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
#define ACME_ROW_TOPICS "Acme Training Team\n" \
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
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  rapport_test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      if (gtk_widget_is_drawable (labels->pdata[i]) &&
          g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
        return TRUE;
    }

  return FALSE;
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

/* Any label the user can see inside @root whose text contains @text. */
static GtkWidget *
find_visible_label (GtkWidget  *root,
                    const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  rapport_test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      if (gtk_widget_is_drawable (labels->pdata[i]) &&
          strstr (gtk_label_get_text (labels->pdata[i]), text) != NULL)
        return labels->pdata[i];
    }

  return NULL;
}

static gboolean
summary_shown (gpointer user_data)
{
  RapportPacksView *view = rapport_window_get_packs_view (user_data);

  return !rapport_packs_view_get_busy (view) && rapport_packs_view_get_can_go_back (view);
}

/* The pack is read in the background: first a spinner, then the summary. */
static void
wait_for_summary (RapportWindow *window)
{
  g_assert_true (rapport_test_wait_until (summary_shown, window, 10000));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 2);
}

static gboolean
not_busy (gpointer user_data)
{
  RapportPacksView *view = rapport_window_get_packs_view (user_data);

  return !rapport_packs_view_get_busy (view) && !g_application_get_is_busy (G_APPLICATION (app));
}

/* The trainer's side: the Acme fixture at @version, built into a pack file
 * by the rapport-pack tool, as a trainer builds it.
 */
static char *
build_acme_pack (const char *version)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "packs", "acme", NULL);
  g_autofree char *folder_name = g_strdup_printf ("acme-%s", version);
  g_autofree char *folder = g_build_filename (tmp_dir, folder_name, NULL);
  g_autofree char *file_name = g_strdup_printf ("acme-%s.rapportpack", version);
  g_autofree char *output = g_build_filename (tmp_dir, file_name, NULL);
  g_autofree char *manifest_path = g_build_filename (folder, "pack.json", NULL);
  g_autofree char *manifest = NULL;
  g_autofree char *version_member = g_strdup_printf ("\"version\": \"%s\"", version);
  g_autoptr(GString) edited = NULL;
  g_autoptr(GSubprocess) copy = NULL;
  g_autoptr(GSubprocess) build = NULL;

  if (g_file_test (output, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&output);

  copy = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "cp", "-r", fixture, folder, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (copy, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (manifest_path, &manifest, NULL, &error));
  g_assert_no_error (error);
  edited = g_string_new (manifest);
  g_assert_cmpuint (g_string_replace (edited, "\"version\": \"1.0\"", version_member, 1), ==, 1);
  g_assert_true (g_file_set_contents (manifest_path, edited->str, -1, &error));
  g_assert_no_error (error);

  build = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                            g_getenv ("RAPPORT_PACK_BINARY"), "build", folder, "-o", output, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (build, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&output);
}

/* The version of the Acme pack in the data folder, or NULL. */
static char *
installed_acme_version (void)
{
  g_autofree char *data_dir = rapport_paths_get_data_dir ();
  g_autofree char *manifest_path = g_build_filename (data_dir, "packs", ACME_ID, "pack.json", NULL);
  g_autofree char *manifest = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RapportPack) pack = NULL;
  gsize length = 0;

  if (!g_file_get_contents (manifest_path, &manifest, &length, NULL))
    return NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&manifest), length);
  pack = rapport_pack_new_from_manifest (bytes, manifest_path, NULL, NULL);
  g_assert_nonnull (pack);

  return g_strdup (rapport_pack_get_version (pack));
}

/* No hidden folder of an install left behind in the data folder. */
static void
assert_no_leftovers (void)
{
  g_autofree char *data_dir = rapport_paths_get_data_dir ();
  g_autofree char *packs_dir = g_build_filename (data_dir, "packs", NULL);
  g_autoptr(GDir) dir = g_dir_open (packs_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_assert_false (name[0] == '.');
}

static void
click_visible_button (GtkWidget  *root,
                      const char *label)
{
  GtkWidget *button = visible_button (root, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
pack_at_version (gpointer user_data)
{
  g_autofree char *version = installed_acme_version ();

  return g_strcmp0 (version, user_data) == 0;
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
  return find_visible_label (GTK_WIDGET (view), ACME_ROW_TOPICS) != NULL;
}

static gboolean
empty_state_shown (gpointer user_data)
{
  RapportPacksView *view = rapport_window_get_packs_view (user_data);
  GtkWidget *stack = rapport_test_find_widget (GTK_WIDGET (view), GTK_TYPE_STACK, NULL);

  /* The page being left stays drawable while it fades out. */
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "empty") == 0 &&
         shows_label (GTK_WIDGET (view), "No Lesson Packs");
}

static void
test_empty (void)
{
  RapportWindow *window = get_window ();

  g_assert_true (rapport_test_wait_until (empty_state_shown, window, 5000));
  g_assert_nonnull (visible_button (GTK_WIDGET (rapport_window_get_packs_view (window)), "_Import…"));
  save_screenshots (window, "packs-empty");
}

#define UNCLOSED_MANIFEST \
  "{\n" \
  "  \"id\": \"com.example.unclosed\",\n" \
  "  \"title\": \"Unclosed\",\n" \
  "  \"version\": \"1.0\",\n" \
  "  \"authors\": [\"A. Trainer\"],\n" \
  "  \"language\": \"en\",\n" \
  "  \"license\": \"CC0-1.0\",\n" \
  "  \"description\": \"A lesson left open.\",\n" \
  "  \"topics\": [{ \"file\": \"topics/broken.xml\", \"sha256\": \"%s\" }]\n" \
  "}\n"

static GBytes *
read_fixture_bytes (const char *folder,
                    const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", folder, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* A pack that is not a zip archive, one whose manifest is broken, and one
 * with a lesson left open: each
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
  g_autofree char *unclosed = g_build_filename (tmp_dir, "unclosed-lesson.rapportpack", NULL);
  g_autoptr(GFile) corrupt_file = g_file_new_for_path (corrupt);
  g_autoptr(GFile) bad_manifest_file = g_file_new_for_path (bad_manifest);
  g_autoptr(GFile) unclosed_file = g_file_new_for_path (unclosed);
  g_autoptr(GBytes) topic = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *manifest = NULL;
  guint installed = count_installed ();

  g_assert_true (g_file_set_contents (corrupt, "PK\x03\x04 this is not a zip archive", -1, &error));
  g_assert_no_error (error);
  rapport_packs_view_open_file (view, corrupt_file);
  wait_for_summary (window);
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
  wait_for_summary (window);
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

  /* A damaged pack's page names its way out: Close, not Cancel, and what to do. */
  g_assert_null (visible_button (GTK_WIDGET (view), "_Cancel"));
  g_assert_null (visible_button (GTK_WIDGET (view), "_Remove Pack…"));
  g_assert_nonnull (find_visible_label (GTK_WIDGET (view), "Where to look: “pack.json”. Whoever made "
                                                           "the pack can correct it, check it with "
                                                           "“rapport-pack validate” and build the pack "
                                                           "file again. Nothing was installed."));
  g_signal_emit_by_name (visible_button (GTK_WIDGET (view), "_Close"), "clicked");
  g_assert_false (rapport_packs_view_get_can_go_back (view));
  g_assert_cmpuint (count_installed (), ==, installed);

  /* A topic with a lesson left open: the page names the file, and the line
   * where the lesson's end tag belongs, as `rapport-pack validate` does.
   */
  topic = read_fixture_bytes ("topics", "bad-unclosed-lesson.xml");
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, topic);
  manifest = g_strdup_printf (UNCLOSED_MANIFEST, checksum);
  g_hash_table_remove_all (files);
  g_hash_table_insert (files, (char *) "pack.json", g_bytes_new (manifest, strlen (manifest)));
  g_hash_table_insert (files, (char *) "topics/broken.xml", g_bytes_ref (topic));
  g_assert_true (rapport_pack_archive_write (files, unclosed, &error));
  g_assert_no_error (error);
  rapport_packs_view_open_file (view, unclosed_file);
  wait_for_summary (window);
  g_assert_nonnull (find_visible_label (GTK_WIDGET (view), "Where to look: “topics/broken.xml”. "));
  g_assert_true (shows_label (GTK_WIDGET (view),
                              "topics/broken.xml:8: <lesson>, opened on line 4, is not closed. It probably "
                              "ends at line 8, before the <lesson> on line 10: add </lesson> there. "
                              "(The mistake shows only at the </topic> on line 22.)"));
  g_assert_null (visible_button (GTK_WIDGET (view), "_Install"));
  save_screenshots (window, "packs-invalid-topic");
  click_visible_button (GTK_WIDGET (view), "_Close");
  g_assert_false (rapport_packs_view_get_can_go_back (view));
  g_assert_cmpuint (count_installed (), ==, installed);
}

static gboolean
open_topic_offered (gpointer user_data)
{
  return visible_button (GTK_WIDGET (user_data), "Open _First Topic") != NULL;
}

static void
test_import (void)
{
  RapportWindow *window = get_window ();
  RapportPacksView *view = rapport_window_get_packs_view (window);
  g_autofree char *path = build_acme_pack ("1.0");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RapportLearnView *learn;
  GtkWidget *install;

  /* Checking happens in the background, behind a spinner. */
  rapport_packs_view_open_file (view, file);
  g_assert_true (rapport_packs_view_get_busy (view));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 1);
  g_assert_nonnull (find_visible_label (GTK_WIDGET (view), "Checking Pack…"));
  wait_for_summary (window);
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

  g_assert_true (rapport_test_wait_until (pack_listed, window, 5000));
  g_assert_nonnull (find_visible_label (GTK_WIDGET (view), "Version 1.0 · " ACME_ROW_TOPICS));
  g_assert_cmpuint (count_installed (), ==, 1);
  assert_no_leftovers ();
  g_assert_true (shows_label (GTK_WIDGET (view), ACME_TITLE));
  save_screenshots (window, "packs-list");

  /* The toast that says so offers the pack's first topic, and opens it. */
  g_assert_true (rapport_test_wait_until (open_topic_offered, window, 5000));
  g_assert_true (shows_label (GTK_WIDGET (window), "“" ACME_TITLE "” installed"));
  click_visible_button (GTK_WIDGET (window), "Open _First Topic");
  g_assert_cmpstr (rapport_window_get_view (window), ==, "learn");
  learn = rapport_window_get_learn_view (window);
  g_assert_cmpstr (rapport_learn_view_get_page (learn), ==, "topic");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 20);
  g_assert_true (shows_label (GTK_WIDGET (learn), "Handling a refund request at Acme"));
  g_assert_true (shows_label (GTK_WIDGET (learn), "From the pack “" ACME_TITLE "”"));
  rapport_test_save_screenshot (GTK_WIDGET (window), "packs-opened-topic");
  rapport_learn_view_go_back (learn);
  rapport_window_set_view (window, "packs");

  /* The same file again is a reinstall, said so before installing. */
  rapport_packs_view_open_file (view, file);
  wait_for_summary (window);
  g_assert_true (shows_label (GTK_WIDGET (view), "This version is already installed. Installing it again keeps your progress."));
  g_assert_nonnull (visible_button (GTK_WIDGET (view), "_Reinstall"));
  rapport_packs_view_go_back (view);

  rapport_window_set_view (window, "learn");
  g_assert_true (rapport_test_wait_until (topic_card_shown, window, 5000));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 2);
  /* The course's line counts the pack's two topics with the core ten. */
  g_assert_true (shows_label (GTK_WIDGET (window),
                              "12 topics for everyday calls. Start anywhere: each topic stands on its own."));
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

/* A pack opened from the file manager arrives through GApplication::open;
 * one opened from a shell (`rapport FILE`) in a second process, which hands
 * it over to this one.
 */
typedef struct
{
  GSubprocess *process;
  gboolean     done;
} Launch;

static void
on_launch_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Launch *launch = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  launch->done = TRUE;
}

static gboolean
launch_done (gpointer user_data)
{
  return ((Launch *) user_data)->done;
}

static void
test_open_from_file_manager (void)
{
  RapportWindow *window = get_window ();
  RapportPacksView *view = rapport_window_get_packs_view (window);
  g_autofree char *newer = build_acme_pack ("1.1");
  g_autofree char *older = build_acme_pack ("1.0");
  g_autoptr(GFile) newer_file = g_file_new_for_path (newer);
  g_autoptr(GError) error = NULL;
  Launch launch = { NULL, FALSE };

  rapport_window_set_view (window, "journal");
  g_application_open (G_APPLICATION (app), &newer_file, 1, "");
  g_assert_cmpstr (rapport_window_get_view (window), ==, "packs");
  wait_for_summary (window);
  g_assert_true (shows_label (GTK_WIDGET (view), ACME_TITLE));
  g_assert_true (shows_label (GTK_WIDGET (view), "Version 1.1 · Acme Training Team"));
  g_assert_true (shows_label (GTK_WIDGET (view), "Upgrades version 1.0. Your progress is kept."));
  click_visible_button (GTK_WIDGET (view), "_Upgrade");
  g_assert_true (rapport_test_wait_until (not_busy, window, 10000));
  g_assert_true (rapport_test_wait_until (pack_at_version, (gpointer) "1.1", 5000));
  g_assert_false (rapport_packs_view_get_can_go_back (view));
  g_assert_cmpuint (count_installed (), ==, 1);
  assert_no_leftovers ();

  /* `rapport acme-1.0.rapportpack`: the second process exits, and this
   * window shows the older pack.
   */
  launch.process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                                     g_getenv ("RAPPORT_BINARY"), older, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (launch.process, NULL, on_launch_done_cb, &launch);
  g_assert_true (rapport_test_wait_until (launch_done, &launch, 20000));
  g_assert_true (g_subprocess_get_if_exited (launch.process));
  g_assert_cmpint (g_subprocess_get_exit_status (launch.process), ==, 0);
  g_clear_object (&launch.process);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  wait_for_summary (window);
  g_assert_true (shows_label (GTK_WIDGET (view), "Version 1.0 · Acme Training Team"));
  g_assert_true (shows_label (GTK_WIDGET (view), "This is older than the installed version 1.1."));
  g_assert_nonnull (visible_button (GTK_WIDGET (view), "Install _Older Version"));
  save_screenshots (window, "packs-older");
}

static AdwMessageDialog *
wait_for_dialog (RapportWindow *window)
{
  GtkWindow *dialog;

  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
  dialog = rapport_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);

  return ADW_MESSAGE_DIALOG (dialog);
}

/* Going back to an older version asks first; Cancel keeps the newer one. */
static void
test_older_version (void)
{
  RapportWindow *window = get_window ();
  RapportPacksView *view = rapport_window_get_packs_view (window);
  AdwMessageDialog *dialog;
  g_autofree char *version = NULL;

  g_assert_true (summary_shown (window));
  click_visible_button (GTK_WIDGET (view), "Install _Older Version");
  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Install an Older Version?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), ACME_TITLE));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  rapport_test_save_screenshot (GTK_WIDGET (dialog), "packs-older-dialog");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);

  g_assert_false (rapport_packs_view_get_busy (view));
  version = installed_acme_version ();
  g_assert_cmpstr (version, ==, "1.1");
  g_assert_true (summary_shown (window));

  click_visible_button (GTK_WIDGET (view), "Install _Older Version");
  dialog = wait_for_dialog (window);
  adw_message_dialog_response (dialog, "replace");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (rapport_test_wait_until (not_busy, window, 10000));
  g_assert_true (rapport_test_wait_until (pack_at_version, (gpointer) "1.0", 5000));
  g_assert_false (rapport_packs_view_get_can_go_back (view));
  assert_no_leftovers ();
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

/* Files dropped on the window from the file manager: a pack among them
 * opens in the Packs view; a file that is neither a pack nor a question
 * bank (test-bank-drop.c drops those) is refused.
 */
static void
test_drop (void)
{
  RapportWindow *window = get_window ();
  RapportPacksView *view = rapport_window_get_packs_view (window);
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (window));
  g_autofree char *newer = build_acme_pack ("1.1");
  g_autofree char *notes_path = g_build_filename (tmp_dir, "notes.odt", NULL);
  g_autoptr(GFile) notes = g_file_new_for_path (notes_path);
  g_autoptr(GFile) pack = g_file_new_for_path (newer);
  g_autoptr(GError) error = NULL;
  g_auto(GValue) single = G_VALUE_INIT;
  g_auto(GValue) list = G_VALUE_INIT;
  GSList *files = NULL;
  gboolean accepted = TRUE;

  g_assert_nonnull (target);
  g_assert_true (g_file_set_contents (notes_path, "Call notes\n", -1, &error));
  g_assert_no_error (error);

  rapport_window_set_view (window, "learn");
  g_value_init (&single, G_TYPE_FILE);
  g_value_set_object (&single, notes);
  g_signal_emit_by_name (target, "drop", &single, 40.0, 40.0, &accepted);
  g_assert_false (accepted);
  g_assert_cmpstr (rapport_window_get_view (window), ==, "learn");

  files = g_slist_append (files, notes);
  files = g_slist_append (files, pack);
  g_value_init (&list, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&list, files);
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &list, 40.0, 40.0, &accepted);
  g_assert_true (accepted);
  g_assert_cmpstr (rapport_window_get_view (window), ==, "packs");

  wait_for_summary (window);
  g_assert_true (shows_label (GTK_WIDGET (view), "Upgrades version 1.0. Your progress is kept."));
  save_screenshots (window, "packs-summary-upgrade");
  click_visible_button (GTK_WIDGET (view), "_Upgrade");
  g_assert_true (rapport_test_wait_until (not_busy, window, 10000));
  g_assert_true (rapport_test_wait_until (pack_at_version, (gpointer) "1.1", 5000));
}

static gboolean
acme_topic_at_version (gpointer user_data)
{
  RapportCatalog *catalog = rapport_application_get_catalog (app);
  RapportPack *pack = rapport_catalog_lookup_pack (catalog, ACME_ID);

  return pack != NULL && g_strcmp0 (rapport_pack_get_version (pack), user_data) == 0;
}

static gboolean
figures_finished (gpointer user_data)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new ();

  rapport_test_collect_widgets (GTK_WIDGET (user_data), RAPPORT_TYPE_FIGURE, figures);
  for (guint i = 0; i < figures->len; i++)
    {
      if (!rapport_figure_get_finished (figures->pdata[i]))
        return FALSE;
    }

  return figures->len > 0;
}

/* The one figure of the lesson on screen, once it is loaded. */
static RapportFigure *
wait_for_figure (RapportLearnView *learn)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new ();
  RapportFigure *figure = NULL;

  g_assert_true (rapport_test_wait_until (figures_finished, learn, 10000));
  rapport_test_collect_widgets (GTK_WIDGET (learn), RAPPORT_TYPE_FIGURE, figures);
  for (guint i = 0; i < figures->len; i++)
    {
      if (gtk_widget_get_mapped (figures->pdata[i]))
        {
          g_assert_null (figure);
          figure = figures->pdata[i];
        }
    }
  g_assert_nonnull (figure);

  return figure;
}

/* Lessons show their pack's pictures, PNG and SVG, with the alt text as
 * their description; a picture whose file was damaged since shows the alt
 * text in its place.
 */
static void
test_figure (void)
{
  RapportWindow *window = get_window ();
  RapportLearnView *learn = rapport_window_get_learn_view (window);
  g_autoptr(RapportTopic) topic = NULL;
  g_autofree char *data_dir = rapport_paths_get_data_dir ();
  g_autofree char *receipt = g_build_filename (data_dir, "packs", ACME_ID, "media", "till-receipt.png", NULL);
  g_autofree char *original = NULL;
  gsize original_length = 0;
  g_autoptr(GError) error = NULL;
  RapportFigure *figure;
  GtkPicture *picture;
  GdkPaintable *paintable;

  g_assert_true (rapport_test_wait_until (acme_topic_at_version, (gpointer) "1.1", 5000));
  topic = find_acme_topic ();
  g_assert_cmpstr (rapport_topic_get_key (topic), ==, "refund-request");

  rapport_window_set_view (window, "learn");
  rapport_learn_view_open_lesson (learn, topic, 0);
  figure = wait_for_figure (learn);
  picture = rapport_figure_get_picture (figure);
  paintable = gtk_picture_get_paintable (picture);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picture)));
  g_assert_nonnull (paintable);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 96);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 64);
  g_assert_cmpstr (gtk_picture_get_alternative_text (picture), ==,
                   "An Acme till receipt: the order number is printed under the date, "
                   "and the total in red at the bottom.");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 2);
  /* On screen at its own size: the window is wide enough. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (picture)), ==, 96);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (picture)), ==, 64);
  save_screenshots (window, "packs-lesson-figure");

  /* The SVG of the next lesson, drawn at its own size. */
  rapport_learn_view_open_lesson (learn, topic, 1);
  figure = wait_for_figure (learn);
  picture = rapport_figure_get_picture (figure);
  paintable = gtk_picture_get_paintable (picture);
  g_assert_nonnull (paintable);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 360);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 90);
  g_assert_cmpstr (gtk_picture_get_alternative_text (picture), ==,
                   "Three steps in a row: listen, check, confirm.");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 2);
  save_screenshots (window, "packs-lesson-svg");

  /* Damaged in the data folder after the pack was loaded. */
  g_assert_true (g_file_get_contents (receipt, &original, &original_length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (receipt, "\x89PNG not any more", -1, &error));
  g_assert_no_error (error);
  rapport_learn_view_open_lesson (learn, topic, 0);
  figure = wait_for_figure (learn);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rapport_figure_get_picture (figure))));
  g_assert_nonnull (find_visible_label (GTK_WIDGET (figure), "An Acme till receipt"));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 2);
  save_screenshots (window, "packs-lesson-figure-missing");
  g_assert_true (g_file_set_contents (receipt, original, original_length, &error));
  g_assert_no_error (error);

  /* Left open for the next case, which removes the pack. */
  g_assert_cmpstr (rapport_learn_view_get_page (learn), ==, "lesson");
}

static gboolean
learn_shows_grid (gpointer user_data)
{
  return g_strcmp0 (rapport_learn_view_get_page (user_data), "topics") == 0;
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
  g_assert_cmpstr (rapport_learn_view_get_page (rapport_window_get_learn_view (window)), ==, "lesson");
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

  /* The lesson of the pack that was open in the Learn view is closed. */
  g_assert_true (rapport_test_wait_until (learn_shows_grid, rapport_window_get_learn_view (window), 5000));
  rapport_window_set_view (window, "learn");
  g_assert_true (rapport_test_wait_until (topic_card_gone, window, 5000));
  g_assert_false (rapport_learn_view_get_can_go_back (rapport_window_get_learn_view (window)));

  summary = rapport_store_get_topic_summary (store, ACME_ID, rapport_topic_get_key (topic),
                                             rapport_topic_get_skill (topic),
                                             rapport_topic_get_n_lessons (topic), &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  g_assert_cmpuint (summary->lessons_completed, ==, 1);
}

static GtkWidget *
find_remove_button (GtkWidget *root)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  rapport_test_collect_widgets (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      if (gtk_widget_is_drawable (buttons->pdata[i]) &&
          g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), "Remove Pack") == 0)
        return buttons->pdata[i];
    }

  return NULL;
}

static gboolean
damaged_row_shown (gpointer user_data)
{
  RapportPacksView *view = rapport_window_get_packs_view (user_data);

  return find_visible_label (GTK_WIDGET (view), "This pack could not be loaded: ") != NULL;
}

static void
install_acme_quietly (void)
{
  g_autofree char *path = build_acme_pack ("1.0");
  g_autofree char *data_dir = rapport_paths_get_data_dir ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_pack_install (path, data_dir, rapport_application_get_store (app),
                                       rapport_application_get_topic_loader (app),
                                       RAPPORT_PACK_INSTALL_DEFAULT, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Deletes the installed Acme folder as a file manager would. */
static gboolean
delete_acme_folder (const char *data_dir)
{
  g_autofree char *folder = g_build_filename (data_dir, "packs", ACME_ID, NULL);
  g_autoptr(GSubprocess) rm = NULL;
  g_autoptr(GError) error = NULL;

  rm = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "rm", "-r", folder, NULL);
  g_assert_no_error (error);

  return g_subprocess_wait_check (rm, NULL, NULL) && !g_file_test (folder, G_FILE_TEST_EXISTS);
}

/* An installed pack whose files were changed or deleted in the data folder
 * is listed with what is wrong, and can be removed.
 */
static void
test_damaged (void)
{
  RapportWindow *window = get_window ();
  RapportPacksView *view = rapport_window_get_packs_view (window);
  g_autofree char *data_dir = rapport_paths_get_data_dir ();
  g_autofree char *topic_path = g_build_filename (data_dir, "packs", ACME_ID, "topics",
                                                  "refund-request.xml", NULL);
  g_autofree char *manifest_path = g_build_filename (data_dir, "packs", ACME_ID, "pack.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *label;
  GtkWidget *row;

  /* A topic edited by hand: its checksum no longer matches. */
  install_acme_quietly ();
  g_assert_true (g_file_get_contents (topic_path, &text, NULL, &error));
  g_assert_no_error (error);
  edited = g_strconcat (text, "<!-- edited -->\n", NULL);
  g_assert_true (g_file_set_contents (topic_path, edited, -1, &error));
  g_assert_no_error (error);
  rapport_application_reload_catalog (app);

  g_assert_true (rapport_test_wait_until (damaged_row_shown, window, 5000));
  label = find_visible_label (GTK_WIDGET (view), "This pack could not be loaded: ");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)),
                            "This pack could not be loaded: pack.json:"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)),
                            "The SHA-256 checksum of “topics/refund-request.xml” does not match"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)),
                            "Remove it, then import the pack file again."));
  /* Its title, as recorded when it was installed. */
  g_assert_true (shows_label (GTK_WIDGET (view), ACME_TITLE));
  g_assert_null (find_acme_topic ());
  save_screenshots (window, "packs-damaged");

  /* The row opens the damaged pack's page: which file, what to do, and the
   * way out, Close or Remove.
   */
  row = gtk_widget_get_ancestor (label, ADW_TYPE_ACTION_ROW);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activated");
  g_assert_true (rapport_packs_view_get_can_go_back (view));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 20);
  g_assert_true (shows_label (GTK_WIDGET (view), "This installed pack cannot be loaded, so its topics are not shown."));
  g_assert_true (shows_label (GTK_WIDGET (view), "Where to look: “pack.json”. Remove the pack, then import "
                                                 "its pack file again; a corrected one if the pack’s author "
                                                 "has fixed it. Your progress in it can be kept."));
  g_assert_nonnull (find_visible_label (GTK_WIDGET (view), "pack.json:"));
  g_assert_null (visible_button (GTK_WIDGET (view), "_Cancel"));
  g_assert_null (visible_button (GTK_WIDGET (view), "_Install"));
  save_screenshots (window, "packs-damaged-page");
  click_visible_button (GTK_WIDGET (view), "_Close");
  g_assert_false (rapport_packs_view_get_can_go_back (view));
  g_assert_true (rapport_test_wait_until (damaged_row_shown, window, 5000));
  g_assert_cmpuint (count_installed (), ==, 1);

  g_signal_emit_by_name (row, "activated");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 20);
  click_visible_button (GTK_WIDGET (view), "_Remove Pack…");
  dialog = wait_for_dialog (window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), ACME_TITLE));
  adw_message_dialog_response (dialog, "remove-progress");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (count_installed (), ==, 0);
  g_assert_false (rapport_packs_view_get_can_go_back (view));
  g_assert_true (rapport_test_wait_until (empty_state_shown, window, 5000));

  /* pack.json deleted: the folder is still listed, and removable. */
  install_acme_quietly ();
  g_assert_no_errno (g_remove (manifest_path));
  rapport_application_reload_catalog (app);
  g_assert_true (rapport_test_wait_until (damaged_row_shown, window, 5000));
  label = find_visible_label (GTK_WIDGET (view), "This pack could not be loaded: ");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)),
                            "This pack could not be loaded: pack.json: "));
  g_signal_emit_by_name (find_remove_button (GTK_WIDGET (view)), "clicked");
  dialog = wait_for_dialog (window);
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (count_installed (), ==, 0);
  g_assert_true (rapport_test_wait_until (empty_state_shown, window, 5000));

  /* The whole folder deleted: the store still records the pack, so it is
   * listed, and removing it forgets it.
   */
  install_acme_quietly ();
  g_assert_true (delete_acme_folder (data_dir));
  rapport_application_reload_catalog (app);
  g_assert_true (rapport_test_wait_until (damaged_row_shown, window, 5000));
  label = find_visible_label (GTK_WIDGET (view), "This pack could not be loaded: ");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "This pack could not be loaded: Its folder in your data folder is missing.\n"
                   "Remove it, then import the pack file again.");
  g_assert_true (shows_label (GTK_WIDGET (view), ACME_TITLE));
  g_signal_emit_by_name (find_remove_button (GTK_WIDGET (view)), "clicked");
  dialog = wait_for_dialog (window);
  adw_message_dialog_response (dialog, "remove-progress");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (rapport_test_wait_until (empty_state_shown, window, 5000));
  {
    g_autoptr(GPtrArray) records = rapport_store_list_packs (rapport_application_get_store (app), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (records->len, ==, 0);
  }
}

static gboolean
app_idle (gpointer user_data)
{
  return !g_application_get_is_busy (G_APPLICATION (app));
}

/* Closing the window while a pack is read drops the reading; while it is
 * installed, the install still finishes, whole.
 */
static void
test_close_while_busy (void)
{
  RapportWindow *window = get_window ();
  g_autofree char *path = build_acme_pack ("1.0");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RapportPacksView *view;

  /* Back while a pack is checked stops the checking. */
  view = rapport_window_get_packs_view (window);
  rapport_packs_view_open_file (view, file);
  g_assert_true (rapport_packs_view_get_can_go_back (view));
  rapport_packs_view_go_back (view);
  g_assert_false (rapport_packs_view_get_busy (view));
  g_assert_false (rapport_packs_view_get_can_go_back (view));

  rapport_packs_view_open_file (view, file);
  g_assert_true (rapport_packs_view_get_busy (view));
  rapport_test_app_close_windows (app);
  g_assert_cmpuint (count_installed (), ==, 0);

  window = get_window ();
  view = rapport_window_get_packs_view (window);
  rapport_packs_view_open_file (view, file);
  wait_for_summary (window);
  click_visible_button (GTK_WIDGET (view), "_Install");
  g_assert_true (rapport_packs_view_get_busy (view));
  g_assert_false (rapport_packs_view_get_can_go_back (view));
  /* Another pack cannot interrupt it. */
  rapport_packs_view_open_file (view, file);
  g_assert_true (rapport_packs_view_get_busy (view));
  rapport_test_app_close_windows (app);

  g_assert_true (rapport_test_wait_until (app_idle, NULL, 10000));
  g_assert_cmpuint (count_installed (), ==, 1);
  assert_no_leftovers ();

  window = get_window ();
  g_assert_true (rapport_test_wait_until (pack_listed, window, 5000));
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
  g_test_add_func ("/rapport/packs/open-from-file-manager", test_open_from_file_manager);
  g_test_add_func ("/rapport/packs/older-version", test_older_version);
  g_test_add_func ("/rapport/packs/drop", test_drop);
  g_test_add_func ("/rapport/packs/figure", test_figure);
  g_test_add_func ("/rapport/packs/remove-keep-progress", test_remove_keep_progress);
  g_test_add_func ("/rapport/packs/damaged", test_damaged);
  g_test_add_func ("/rapport/packs/close-while-busy", test_close_while_busy);

  ret = g_test_run ();

  g_clear_object (&app);
  g_free (tmp_dir);

  return ret;
}
