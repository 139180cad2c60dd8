/* test-backup.c: the backups a session leaves, seen from the real window.
 *
 * A learner on the first day writes journal entries in one sitting; the app
 * copies the store a while after the first ones.  The session is then
 * killed (no clean exit), the file is damaged, and the app started again:
 * what was written before the copy is back, only what came after it is
 * missing, and the banner says at what time the copy was saved.  A clean
 * exit, through the application's own shutdown, leaves a copy of
 * everything.
 *
 * No step waits for a clock: the driver sets the store's delays to what
 * the step needs and waits for the backup file to appear.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rapport-application.h"
#include "rapport-skill.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-unit-utils.h"
#include "rapport-window.h"

#define HOUR_MS (60 * 60 * 1000)

/* Typed into the editor: lower case only. */
static const char * const before_copy[] = { "refund call", "angry caller", "long hold" };
static const char after_copy[] = "written after the copy";

/* The backups folder's automatic copies ending in @suffix ("-exit.db"). */
static GPtrArray *
list_backups (const char *suffix)
{
  g_autofree char *store = rapport_store_get_default_path ();
  g_autofree char *data = g_path_get_dirname (store);
  g_autofree char *dir = g_build_filename (data, "backups", NULL);
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (gdir != NULL && (name = g_dir_read_name (gdir)) != NULL)
    {
      if (g_str_has_prefix (name, "progress-") && g_str_has_suffix (name, suffix))
        g_ptr_array_add (found, g_build_filename (dir, name, NULL));
    }

  return found;
}

static gboolean
backup_written (gpointer unused)
{
  g_autoptr(GPtrArray) found = list_backups (".db");

  return found->len > 0;
}

/* The local time of day in a backup's name (progress-YYYYMMDD-HHMMSS-…, UTC). */
static char *
saved_at (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  int y, mo, d, h, mi, s;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_assert_cmpint (sscanf (name, "progress-%4d%2d%2d-%2d%2d%2d", &y, &mo, &d, &h, &mi, &s), ==, 6);
  utc = g_date_time_new_utc (y, mo, d, h, mi, s);
  local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%H:%M");
}

static void
damage_header (const char *path)
{
  guint8 junk[100];
  int fd;

  memset (junk, 0x5a, sizeof junk);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, sizeof junk, 0), ==, (gssize) sizeof junk);
  close (fd);
}

static char *
state_path (void)
{
  return g_build_filename (g_getenv ("RAPPORT_TEST_ROOT"), "driver.ini", NULL);
}

/* The driver: one session, killed by the test */

static void
test_session_driver (void)
{
  g_autoptr(RapportApplication) app = NULL;
  g_autoptr(GKeyFile) state = g_key_file_new ();
  g_autoptr(GStrvBuilder) uuids = g_strv_builder_new ();
  g_autoptr(GPtrArray) copies = NULL;
  g_auto(GStrv) written = NULL;
  g_autofree char *after_uuid = NULL;
  g_autofree char *path = state_path ();
  g_autoptr(GError) error = NULL;
  RapportWindow *window;
  RapportStore *store;

  if (g_getenv ("RAPPORT_BACKUP_DRIVER") == NULL)
    {
      g_test_skip ("Run by /rapport/backup/session-then-damage");
      return;
    }

  app = rapport_test_app_new ();
  window = rapport_test_app_get_window (app);
  store = rapport_application_get_store (app);
  g_assert_nonnull (store);
  g_assert_false (backup_written (NULL));

  /* The entries come before the copy: it waits until they are saved. */
  rapport_store_set_backup_delays (store, HOUR_MS, HOUR_MS);
  rapport_window_set_view (window, "journal");
  for (guint i = 0; i < G_N_ELEMENTS (before_copy); i++)
    g_strv_builder_add (uuids, rapport_test_app_write_entry (window, before_copy[i], rapport_skill_get_nth (i), 4));
  g_assert_false (backup_written (NULL));

  /* The session's copy, now; the next one not before an hour. */
  rapport_store_set_backup_delays (store, 0, HOUR_MS);
  g_assert_true (rapport_test_wait_until (backup_written, NULL, 10000));
  copies = list_backups (".db");
  g_assert_cmpuint (copies->len, ==, 1);

  after_uuid = rapport_test_app_write_entry (window, after_copy, rapport_skill_get_nth (3), 2);

  written = g_strv_builder_end (uuids);
  g_key_file_set_string_list (state, "driver", "before", (const char * const *) written,
                              g_strv_length (written));
  g_key_file_set_string (state, "driver", "after", after_uuid);
  g_key_file_set_string (state, "driver", "copy", copies->pdata[0]);
  g_key_file_save_to_file (state, path, &error);
  g_assert_no_error (error);

  /* Until the kill. */
  for (;;)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
rows_before_copy_shown (gpointer window)
{
  for (guint i = 0; i < G_N_ELEMENTS (before_copy); i++)
    {
      if (!rapport_test_app_row_shown (window, before_copy[i]))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const char *state;
  gboolean    exited;
} DriverWait;

static gboolean
tick_cb (gpointer unused)
{
  return G_SOURCE_CONTINUE;
}

static void
on_driver_exited_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  DriverWait *wait = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  wait->exited = TRUE;
}

static gboolean
driver_exited (gpointer user_data)
{
  DriverWait *wait = user_data;

  return wait->exited;
}

/* The driver wrote its state, or ended without it (a failed assertion). */
static gboolean
driver_done (gpointer user_data)
{
  DriverWait *wait = user_data;

  return wait->exited || g_file_test (wait->state, G_FILE_TEST_EXISTS);
}

/* The test */

static void
test_session_then_damage (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) driver = NULL;
  g_autoptr(GKeyFile) state = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) started = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *store_path = rapport_store_get_default_path ();
  g_autofree char *wal_path = g_strconcat (store_path, "-wal", NULL);
  g_autofree char *data_dir = g_path_get_dirname (store_path);
  g_autofree char *backups = g_build_filename (data_dir, "backups", NULL);
  g_autofree char *path = state_path ();
  DriverWait wait = { path, FALSE };
  guint tick_id;
  g_autofree char *started_stamp = g_date_time_format (started, "progress-%Y%m%d-%H%M%S");
  g_autofree char *copy = NULL;
  g_autofree char *copy_name = NULL;
  g_autofree char *after = NULL;
  g_autofree char *time = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) before = NULL;
  RapportApplication *app;
  RapportWindow *window;
  RapportStore *store;
  const char *banner;

  /* The first day: no backups folder at all. */
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  g_subprocess_launcher_setenv (launcher, "RAPPORT_TEST_SHARE_ROOT", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "RAPPORT_BACKUP_DRIVER", "1", TRUE);
  driver = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("RAPPORT_BACKUP_SELF"),
                                        "-q", "-p", "/rapport/backup/session-driver", NULL);
  g_assert_no_error (error);
  /* Nothing else wakes this process while it waits for a file. */
  tick_id = g_timeout_add (20, tick_cb, NULL);
  g_subprocess_wait_async (driver, NULL, on_driver_exited_cb, &wait);
  g_assert_true (rapport_test_wait_until (driver_done, &wait, 60000));
  g_assert_false (wait.exited);
  g_source_remove (tick_id);

  /* Killed: no clean exit, so no exit backup. */
  g_subprocess_send_signal (driver, SIGKILL);
  g_assert_true (rapport_test_wait_until (driver_exited, &wait, 10000));
  g_assert_true (g_subprocess_get_if_signaled (driver));

  g_key_file_load_from_file (state, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  before = g_key_file_get_string_list (state, "driver", "before", NULL, &error);
  g_assert_no_error (error);
  after = g_key_file_get_string (state, "driver", "after", &error);
  g_assert_no_error (error);
  copy = g_key_file_get_string (state, "driver", "copy", &error);
  g_assert_no_error (error);

  /* The one copy is private, from this session, and nothing came after it. */
  copies = list_backups (".db");
  g_assert_cmpuint (copies->len, ==, 1);
  g_assert_cmpstr (copies->pdata[0], ==, copy);
  g_assert_cmpuint (rapport_unit_mode_of (copy), ==, 0600);
  g_assert_cmpuint (rapport_unit_mode_of (backups), ==, 0700);
  copy_name = g_path_get_basename (copy);
  g_assert_cmpint (strncmp (copy_name, started_stamp, strlen (started_stamp)), >=, 0);

  /* Killed, the session left its latest pages in the WAL file, which SQLite
   * would read instead of a damaged header: the damage hits both.
   */
  damage_header (store_path);
  damage_header (wal_path);

  /* Started again, as the user would. */
  app = rapport_test_app_new ();
  window = rapport_test_app_get_window (app);
  store = rapport_application_get_store (app);
  g_assert_nonnull (store);
  g_assert_cmpint (rapport_store_get_recovery (store), ==, RAPPORT_STORE_RECOVERY_RESTORED_BACKUP);

  banner = rapport_window_get_banner_text (window);
  g_assert_nonnull (banner);
  g_test_message ("banner: %s", banner);
  time = saved_at (copy);
  expected = g_strdup_printf ("Your progress file was damaged. Rapport restored the copy saved at %s ",
                              time);
  g_assert_true (g_str_has_prefix (banner, expected));
  g_assert_nonnull (strstr (banner, "; anything after that is missing. The damaged file was kept as “"));
  g_assert_nonnull (strstr (banner, rapport_store_get_damaged_path (store)));
  g_assert_true (g_file_test (rapport_store_get_damaged_path (store), G_FILE_TEST_IS_REGULAR));

  /* What the banner says is true: everything up to the copy is back, in
   * the store and in the journal's list; only the entry after it is missing.
   */
  for (guint i = 0; before[i] != NULL; i++)
    g_assert_true (rapport_unit_has_entry (store, before[i]));
  g_assert_cmpuint (g_strv_length (before), ==, G_N_ELEMENTS (before_copy));
  g_assert_false (rapport_unit_has_entry (store, after));
  rapport_window_set_view (window, "journal");
  g_assert_true (rapport_test_wait_until (rows_before_copy_shown, window, 5000));
  g_assert_false (rapport_test_app_row_shown (window, after_copy));
  rapport_test_save_screenshot (GTK_WIDGET (window), "backup-restored");

  rapport_test_app_close_windows (app);
  g_object_unref (app);
}

/* A clean exit: the application's shutdown takes a copy */

static gboolean
drive_and_quit_cb (gpointer user_data)
{
  RapportApplication *app = user_data;
  RapportWindow *window = rapport_test_app_get_window (app);
  g_autofree char *uuid = rapport_test_app_write_entry (window, "before quitting", rapport_skill_get_nth (0), 5);

  g_object_set_data_full (G_OBJECT (app), "uuid", g_steal_pointer (&uuid), g_free);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static void
exit_child (void)
{
  g_autoptr(RapportApplication) app = rapport_application_new ();
  g_autoptr(GPtrArray) copies = NULL;
  char *argv[] = { (char *) "rapport", NULL };
  sqlite3_stmt *stmt = NULL;
  sqlite3 *copy = NULL;

  /* The main test process may hold the application's name on the bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_idle_add (drive_and_quit_cb, app);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);

  /* The session was too short for its own copy; the exit made one. */
  copies = list_backups (".db");
  g_assert_cmpuint (copies->len, ==, 1);
  g_assert_true (g_str_has_suffix (copies->pdata[0], "-exit.db"));
  g_assert_cmpuint (rapport_unit_mode_of (copies->pdata[0]), ==, 0600);
  {
    g_autofree char *integrity = rapport_unit_integrity_check (copies->pdata[0]);

    g_assert_cmpstr (integrity, ==, "ok");
  }
  g_assert_cmpint (sqlite3_open_v2 (copies->pdata[0], &copy, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (copy, "SELECT count(*) FROM journal_entry WHERE uuid = ?1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, g_object_get_data (G_OBJECT (app), "uuid"), -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (copy);
}

static void
test_clean_exit (void)
{
  rapport_test_run_in_subprocess (exit_child);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self_path = g_canonicalize_filename (argv[0], NULL);

  g_setenv ("RAPPORT_BACKUP_SELF", self_path, FALSE);
  rapport_test_init (&argc, &argv);

  g_test_add_func ("/rapport/backup/session-then-damage", test_session_then_damage);
  g_test_add_func ("/rapport/backup/session-driver", test_session_driver);
  g_test_add_func ("/rapport/backup/clean-exit", test_clean_exit);

  return g_test_run ();
}
