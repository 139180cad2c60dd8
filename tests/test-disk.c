/* test-disk.c: a data folder that is full or read-only.
 *
 * The folder is a real small file system: this program enters a private
 * mount namespace (as root, or as an unprivileged user through a user
 * namespace that maps only the user itself) and mounts a tmpfs of a few
 * MiB over $XDG_DATA_HOME/rapport.  A file that takes all the free space
 * fills it, as another program on the same disk would; remounting it
 * read-only makes every write fail with EROFS, for root too.  Where no
 * namespace can be made, the tests are skipped and say why.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* unshare() */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rapport-application.h"
#include "rapport-journal-view.h"
#include "rapport-paths.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-unit-utils.h"
#include "rapport-window.h"

#define DISK_SIZE "4m"

static RapportApplication *app;
static char *no_mounts;  /* why the namespace could not be made, or NULL */

/* The namespace and the folder */

static gboolean
write_file (const char *path,
            const char *text)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  gssize written;

  if (fd < 0)
    return FALSE;
  written = write (fd, text, strlen (text));
  close (fd);

  return written == (gssize) strlen (text);
}

/* Before any thread exists: a user namespace needs a single-threaded caller. */
static void
enter_mount_namespace (void)
{
  uid_t uid = geteuid ();
  gid_t gid = getegid ();

  if (unshare (CLONE_NEWNS) != 0)
    {
      g_autofree char *uid_map = g_strdup_printf ("%u %u 1", uid, uid);
      g_autofree char *gid_map = g_strdup_printf ("%u %u 1", gid, gid);

      /* The same user inside as outside, so that the session bus still
       * knows who is calling.
       */
      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0
          || !write_file ("/proc/self/setgroups", "deny")
          || !write_file ("/proc/self/uid_map", uid_map)
          || !write_file ("/proc/self/gid_map", gid_map))
        {
          no_mounts = g_strdup_printf ("no private mount namespace: %s", g_strerror (errno));
          return;
        }
    }

  /* Mounts made here must not reach the rest of the system. */
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    no_mounts = g_strdup_printf ("could not make mounts private: %s", g_strerror (errno));
}

static gboolean
can_mount (void)
{
  if (no_mounts != NULL)
    g_test_skip (no_mounts);

  return no_mounts == NULL;
}

static char *
data_dir (void)
{
  return rapport_paths_get_data_dir ();
}

static void
mount_data_dir (void)
{
  g_autofree char *dir = data_dir ();

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_assert_no_errno (mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, "size=" DISK_SIZE ",mode=0700"));
}

static void
unmount_data_dir (void)
{
  g_autofree char *dir = data_dir ();

  g_assert_no_errno (umount (dir));
}

static void
remount_data_dir (gboolean read_only)
{
  g_autofree char *dir = data_dir ();

  g_assert_no_errno (mount ("tmpfs", dir, "tmpfs", MS_REMOUNT | MS_NOSUID | MS_NODEV | (read_only ? MS_RDONLY : 0),
                            "size=" DISK_SIZE ",mode=0700"));
}

/* Takes every free byte of the folder's file system; returns the file. */
static char *
fill_disk (void)
{
  g_autofree char *dir = data_dir ();
  char *path = g_build_filename (dir, "filler", NULL);
  static char block[65536];
  gsize size = sizeof block;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  while (size > 0)
    {
      if (write (fd, block, size) < 0)
        {
          g_assert_cmpint (errno, ==, ENOSPC);
          size /= 2;
        }
    }
  close (fd);

  return path;
}

/* A store with one entry, made and closed as an earlier session would. */
static char *
store_with_entry (const char *title)
{
  g_autofree char *path = rapport_store_get_default_path ();
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportStoreEntry) entry = rapport_store_entry_new ();
  g_autoptr(GError) error = NULL;

  store = rapport_store_new_for_path (path, &error);
  g_assert_no_error (error);
  g_free (entry->title);
  entry->title = g_strdup (title);
  rapport_store_entry_set_rating (entry, "empathy", 3);
  g_assert_true (rapport_store_save_journal_entry (store, entry, &error));
  g_assert_no_error (error);

  return g_strdup (entry->uuid);
}

/* The entry is still there, whole, and the file passes integrity_check. */
static void
assert_entry_kept (const char *uuid,
                   const char *title)
{
  g_autofree char *path = rapport_store_get_default_path ();
  g_autofree char *integrity = rapport_unit_integrity_check (path);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportStoreEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (integrity, ==, "ok");
  store = rapport_store_new_for_path (path, &error);
  g_assert_no_error (error);
  entry = rapport_store_get_journal_entry (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->title, ==, title);
  g_assert_cmpint (rapport_store_entry_get_rating (entry, "empathy"), ==, 3);
}

/* The window */

static gboolean
banner_revealed (gpointer user_data)
{
  GtkWidget *banner = rapport_test_find_widget (user_data, GTK_TYPE_INFO_BAR, NULL);
  GtkWidget *revealer = rapport_test_find_widget (banner, GTK_TYPE_REVEALER, NULL);

  return rapport_window_get_banner_text (user_data) != NULL &&
         gtk_revealer_get_child_revealed (GTK_REVEALER (revealer));
}

/* A fresh start of the app on the folder as it is; returns the banner. */
static char *
start_and_read_banner (const char *screenshot)
{
  g_autoptr(RapportApplication) application = rapport_test_app_new ();
  RapportWindow *window = rapport_test_app_get_window (application);
  char *banner;

  g_assert_true (rapport_test_wait_until (banner_revealed, window, 5000));
  banner = g_strdup (rapport_window_get_banner_text (window));
  rapport_test_save_screenshot (GTK_WIDGET (window), screenshot);
  rapport_test_app_close_windows (application);

  return banner;
}

static void
test_read_only_child (void)
{
  g_autofree char *banner = NULL;

  if (!g_test_subprocess ())
    {
      g_test_skip ("Runs as a subprocess of /rapport/disk/read-only");
      return;
    }

  banner = start_and_read_banner ("disk-read-only");
  g_test_message ("banner: %s", banner);
  g_assert_nonnull (strstr (banner, "could not be opened"));
  g_assert_nonnull (strstr (banner, "is read-only"));
  g_assert_nonnull (strstr (banner, "Make the folder writable"));
}

static void
test_read_only (void)
{
  g_autofree char *uuid = NULL;

  if (!can_mount ())
    return;

  mount_data_dir ();
  uuid = store_with_entry ("written before");
  remount_data_dir (TRUE);

  g_setenv ("RAPPORT_TEST_SHARE_ROOT", "1", TRUE);
  g_test_trap_subprocess ("/rapport/disk/read-only-child", 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("RAPPORT_TEST_SHARE_ROOT");
  g_test_trap_assert_passed ();

  /* Writable again: nothing was lost, and the store opens as before. */
  remount_data_dir (FALSE);
  assert_entry_kept (uuid, "written before");
  unmount_data_dir ();
}

static void
test_full_at_start_child (void)
{
  g_autofree char *banner = NULL;

  if (!g_test_subprocess ())
    {
      g_test_skip ("Runs as a subprocess of /rapport/disk/full-at-start");
      return;
    }

  banner = start_and_read_banner ("disk-full-at-start");
  g_test_message ("banner: %s", banner);
  g_assert_nonnull (strstr (banner, "could not be opened"));
  g_assert_nonnull (strstr (banner, "The disk is full"));
  g_assert_nonnull (strstr (banner, "Free some disk space"));
}

static void
test_full_at_start (void)
{
  g_autofree char *uuid = NULL;
  g_autofree char *filler = NULL;

  if (!can_mount ())
    return;

  mount_data_dir ();
  uuid = store_with_entry ("written before");
  filler = fill_disk ();

  g_setenv ("RAPPORT_TEST_SHARE_ROOT", "1", TRUE);
  g_test_trap_subprocess ("/rapport/disk/full-at-start-child", 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("RAPPORT_TEST_SHARE_ROOT");
  g_test_trap_assert_passed ();

  g_assert_no_errno (g_unlink (filler));
  assert_entry_kept (uuid, "written before");
  unmount_data_dir ();
}

/* The editor's line about the draft, on screen; NULL while there is none. */
static gpointer
draft_warning_shown (gpointer user_data)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  rapport_test_collect_widgets (user_data, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i])
        && g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), "What you type here is not being kept as a draft."))
      return labels->pdata[i];

  return NULL;
}

static char *
get_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_full_while_saving (void)
{
  RapportWindow *window;
  RapportStore *store;
  RapportJournalEditor *editor;
  g_autofree char *filler = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *store_path = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(RapportStoreEntry) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *title;
  GtkTextView *situation;
  GtkWindow *dialog;
  GtkWidget *warning;
  guint before;

  if (!can_mount ())
    return;

  mount_data_dir ();
  app = rapport_test_app_new ();
  window = rapport_test_app_get_window (app);
  store = rapport_application_get_store (app);
  g_assert_nonnull (store);
  g_assert_null (rapport_window_get_banner_text (window));

  /* Something saved while there was room. */
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>n");
  g_assert_true (rapport_test_wait_until (rapport_test_app_editor_shown, window, 3000));
  rapport_test_type_text (GTK_WINDOW (window), "before");
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>s");
  g_assert_true (rapport_test_wait_until (rapport_test_app_editor_closed, window, 3000));
  {
    RapportStoreJournalQuery query = { .limit = 10 };
    g_autoptr(GPtrArray) entries = rapport_store_list_journal_entries (store, &query, NULL);

    before = entries->len;
    g_assert_cmpuint (before, ==, 1);
  }

  /* Then another program takes the rest of the disk, and the user writes
   * a long entry: 100 kB pasted into the situation.
   */
  filler = fill_disk ();
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>n");
  g_assert_true (rapport_test_wait_until (rapport_test_app_editor_shown, window, 3000));
  editor = rapport_journal_view_get_editor (rapport_window_get_journal_view (window));
  rapport_test_type_text (GTK_WINDOW (window), "no room");
  while (long_text->len < 100 * 1000)
    g_string_append (long_text, "The customer read out every line of the bill, and I listened to the end. ");
  situation = GTK_TEXT_VIEW (rapport_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, NULL));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (situation), long_text->str, -1);
  uuid = g_strdup (rapport_journal_editor_get_uuid (editor));

  /* The draft, written as typing pauses, cannot be: the editor says so. */
  g_assert_true (rapport_test_wait_until ((RapportTestCondition) draft_warning_shown, editor, 5000));
  warning = draft_warning_shown (editor);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (warning)), "The disk is full"));

  /* Saving fails with a message that says why and what to do… */
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>s");
  g_assert_true (rapport_test_wait_until (rapport_test_app_dialog_shown, NULL, 3000));
  dialog = rapport_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_test_message ("%s: %s", adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                  adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could Not Save the Entry");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "The disk is full"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Free some disk space"));
  rapport_test_save_screenshot (GTK_WIDGET (dialog), "disk-full-dialog");
  {
    GtkWidget *close = rapport_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Close");

    g_assert_nonnull (close);
    g_signal_emit_by_name (close, "clicked");
  }
  g_assert_true (rapport_test_wait_until (rapport_test_app_dialog_gone, NULL, 3000));

  /* …and keeps everything typed on screen. */
  g_assert_true (rapport_test_app_editor_shown (window));
  title = rapport_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "_Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "no room");
  {
    g_autofree char *kept = get_buffer_text (situation);

    g_assert_cmpstr (kept, ==, long_text->str);
  }
  g_assert_null (rapport_store_get_journal_entry (store, uuid, NULL));
  rapport_test_save_screenshot (GTK_WIDGET (window), "disk-full-editor");
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", "dark");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  rapport_test_save_screenshot (GTK_WIDGET (window), "disk-full-editor-narrow-dark");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", "default");

  /* Space freed: the same Ctrl+S saves it, whole. */
  g_assert_no_errno (g_unlink (filler));
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>s");
  g_assert_true (rapport_test_wait_until (rapport_test_app_editor_closed, window, 3000));
  saved = rapport_store_get_journal_entry (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->title, ==, "no room");
  g_assert_cmpstr (saved->situation, ==, long_text->str);
  {
    RapportStoreJournalQuery query = { .limit = 10 };
    g_autoptr(GPtrArray) entries = rapport_store_list_journal_entries (store, &query, NULL);

    g_assert_cmpuint (entries->len, ==, before + 1);
  }
  store_path = rapport_store_get_default_path ();
  integrity = rapport_unit_integrity_check (store_path);
  g_assert_cmpstr (integrity, ==, "ok");

  rapport_test_app_close_windows (app);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* A subprocess is already inside its parent's namespace. */
  if (g_getenv ("RAPPORT_TEST_SHARE_ROOT") == NULL)
    enter_mount_namespace ();
  rapport_test_init (&argc, &argv);

  /* Subprocesses first: the main process registers the app last. */
  g_test_add_func ("/rapport/disk/read-only", test_read_only);
  g_test_add_func ("/rapport/disk/read-only-child", test_read_only_child);
  g_test_add_func ("/rapport/disk/full-at-start", test_full_at_start);
  g_test_add_func ("/rapport/disk/full-at-start-child", test_full_at_start_child);
  g_test_add_func ("/rapport/disk/full-while-saving", test_full_while_saving);

  ret = g_test_run ();

  g_clear_object (&app);
  g_free (no_mounts);

  return ret;
}
