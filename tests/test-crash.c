/* test-crash.c: the whole app killed with SIGKILL at random moments.
 *
 * A driver process runs the real window and works in it as a user would:
 * it writes journal entries in the editor and takes quizzes by keyboard.
 * Each time the window shows that something was saved (the entry's row in
 * the list, a finished quiz's results), the driver notes it in a log file.
 * This process kills the driver at a random moment, checks the store, and
 * starts it again.  Whatever the log says was saved must be in the store,
 * the store must pass PRAGMA integrity_check, and the app must start as
 * usual after every kill.
 *
 * The moments come from a seed, printed at the start; set
 * RAPPORT_CRASH_SEED to run the same moments again.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <X11/extensions/XTest.h>

#include "rapport-application.h"
#include "rapport-journal-view.h"
#include "rapport-learn-view.h"
#include "rapport-question.h"
#include "rapport-quiz-page.h"
#include "rapport-skill.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-unit-utils.h"
#include "rapport-window.h"

#define CORE_PACK "io.github.rapportapp.core"
#define N_KILLS 8

/* The driver */

static int log_fd = -1;

/* One line, written straight to the file: nothing waits in a buffer when
 * the kill comes.
 */
static void
note (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static void
note (const char *format,
      ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gsize length;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  length = strlen (line);
  g_assert_cmpint (write (log_fd, line, length), ==, (gssize) length);
}

/* A new entry through the editor: title typed, one skill rated, Ctrl+S. */
static void
write_entry (RapportWindow *window,
             guint          number)
{
  const RapportSkill *skill = rapport_skill_get_nth (number % rapport_skill_get_count ());
  int rating = 1 + number % 5;
  g_autofree char *title = g_strdup_printf ("%u", number);  /* typed: short is quick */
  g_autofree char *uuid = rapport_test_app_write_entry (window, title, skill, rating);

  note ("entry %s %s %d %s\n", uuid, skill->key, rating, title);
}

static RapportQuizPage *
quiz_page (RapportWindow *window)
{
  return RAPPORT_QUIZ_PAGE (rapport_test_find_widget (GTK_WIDGET (window), RAPPORT_TYPE_QUIZ_PAGE, NULL));
}

static guint keys_released;

static void
on_key_released_cb (void)
{
  keys_released++;
}

static gboolean
key_handled (gpointer user_data)
{
  return keys_released == GPOINTER_TO_UINT (user_data);
}

/* A key without modifiers through the X server, as rapport_test_press_keys()
 * types it, but waiting for the window to see it released rather than for a
 * fixed time: a quiz takes a few dozen keys.
 */
static void
press_key (RapportWindow *window,
           guint          keyval)
{
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));
  KeyCode code = XKeysymToKeycode (display, keyval);

  if (g_object_get_data (G_OBJECT (window), "key-counter") == NULL)
    {
      GtkEventController *controller = gtk_event_controller_key_new ();

      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      g_signal_connect (controller, "key-released", G_CALLBACK (on_key_released_cb), NULL);
      gtk_widget_add_controller (GTK_WIDGET (window), controller);
      g_object_set_data (G_OBJECT (window), "key-counter", controller);
    }

  g_assert_true (gtk_window_is_active (GTK_WINDOW (window)));
  g_assert_cmpint (code, !=, 0);
  XTestFakeKeyEvent (display, code, True, CurrentTime);
  XTestFakeKeyEvent (display, code, False, CurrentTime);
  XSync (display, False);
  g_assert_true (rapport_test_wait_until (key_handled, GUINT_TO_POINTER (keys_released + 1), 5000));
}

static void
press_digit (RapportWindow *window,
             guint          shown)
{
  g_assert_cmpuint (shown, <, 9);
  press_key (window, GDK_KEY_1 + shown);
}

/* The right answer to the question on screen, by keyboard, then Enter. */
static void
answer_right (RapportWindow      *window,
              RapportQuizSession *session)
{
  guint picks[RAPPORT_UNIT_MAX_PICKS];
  guint n = rapport_unit_shown_answer (session, TRUE, picks);

  for (guint i = 0; i < n; i++)
    press_digit (window, picks[i]);

  press_key (window, GDK_KEY_Return);
}

static gboolean
results_shown (gpointer user_data)
{
  GtkWidget *passed = rapport_test_find_widget (GTK_WIDGET (user_data), GTK_TYPE_LABEL, "You Passed");

  return passed != NULL && gtk_widget_get_mapped (passed);
}

/* A whole quiz by keyboard, every answer right; the attempt is noted once
 * the results page shows it.
 */
static void
take_quiz (RapportWindow *window,
           guint          number)
{
  RapportApplication *app = RAPPORT_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  RapportLearnView *learn = rapport_window_get_learn_view (window);
  GListModel *topics = rapport_catalog_get_topics (rapport_application_get_catalog (app));
  g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, number % g_list_model_get_n_items (topics));
  RapportQuizSession *session;
  guint n;

  rapport_window_set_view (window, "learn");
  rapport_learn_view_start_quiz (learn, topic, number);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 2);
  session = rapport_quiz_page_get_session (quiz_page (window));
  n = rapport_quiz_session_get_n_questions (session);
  for (guint i = 0; i < n; i++)
    {
      answer_right (window, session);
      g_assert_true (rapport_quiz_session_get_result (session, i)->correct);
      press_key (window, GDK_KEY_Return);
    }

  g_assert_true (rapport_test_wait_until (results_shown, window, 5000));
  note ("attempt %" G_GINT64_FORMAT " %s %u\n", rapport_quiz_session_get_attempt_id (session),
        rapport_topic_get_key (topic), n);
  rapport_learn_view_go_back (learn);
}

static void
test_driver (void)
{
  const char *log_path = g_getenv ("RAPPORT_CRASH_LOG");
  g_autoptr(RapportApplication) app = NULL;
  RapportWindow *window;
  guint number = (guint) g_ascii_strtoull (g_getenv ("RAPPORT_CRASH_FIRST") ?: "0", NULL, 10);

  if (log_path == NULL)
    {
      g_test_skip ("Run by /rapport/crash/random-kills");
      return;
    }

  log_fd = g_open (log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (log_fd, >=, 0);

  app = rapport_test_app_new ();
  window = rapport_test_app_get_window (app);
  if (rapport_window_get_banner_text (window) != NULL)
    note ("banner %s\n", rapport_window_get_banner_text (window));
  note ("ready\n");

  /* Entries and quizzes in turn, until the kill; odd rounds start with a
   * quiz.
   */
  for (guint step = 0;; step++)
    {
      if (step % 4 == (number % 2 == 1 ? 0 : 3))
        take_quiz (window, number + step);
      else
        write_entry (window, number + step);
    }
}

/* The checker */

typedef struct
{
  guint entries;
  guint attempts;
  guint starts;
} Seen;

/* Everything the log says was saved, looked up in the store. */
static void
check_log (const char *log_path,
           Seen       *seen)
{
  g_autofree char *contents = NULL;
  g_autofree char *store_path = rapport_store_get_default_path ();
  g_autofree char *integrity = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  memset (seen, 0, sizeof *seen);
  if (!g_file_get_contents (log_path, &contents, NULL, NULL))
    return;  /* killed before the app started */

  /* Killed before the store was first made: nothing can be missing. */
  if (!g_file_test (store_path, G_FILE_TEST_EXISTS))
    {
      g_assert_null (strstr (contents, "entry "));
      g_assert_null (strstr (contents, "attempt "));
      return;
    }

  integrity = rapport_unit_integrity_check (store_path);
  g_assert_cmpstr (integrity, ==, "ok");

  store = rapport_store_new_for_path (store_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_store_get_recovery (store), ==, RAPPORT_STORE_RECOVERY_NONE);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 5);

      if (*lines[i] == '\0')
        continue;

      if (g_str_equal (fields[0], "ready"))
        seen->starts++;
      else if (g_str_equal (fields[0], "banner"))
        g_error ("The app started with a banner after a kill: %s", lines[i] + strlen ("banner "));
      else if (g_str_equal (fields[0], "entry"))
        {
          g_autoptr(RapportStoreEntry) entry = rapport_store_get_journal_entry (store, fields[1], &error);

          g_assert_no_error (error);
          g_assert_cmpstr (entry->title, ==, fields[4]);
          g_assert_cmpint (rapport_store_entry_get_rating (entry, fields[2]), ==, atoi (fields[3]));
          seen->entries++;
        }
      else if (g_str_equal (fields[0], "attempt"))
        {
          RapportStoreAttempt *attempt = rapport_store_get_quiz_attempt (store, g_ascii_strtoll (fields[1], NULL, 10),
                                                                         &error);

          g_assert_no_error (error);
          g_assert_cmpstr (attempt->topic_key, ==, fields[2]);
          g_assert_cmpint (attempt->state, ==, RAPPORT_STORE_ATTEMPT_FINISHED);
          g_assert_cmpuint (attempt->answers->len, ==, atoi (fields[3]));
          g_assert_true (attempt->passed);
          rapport_store_attempt_free (attempt);
          seen->attempts++;
        }
      else
        g_error ("Unexpected line in the driver's log: %s", lines[i]);
    }
}

static guint
count_lines (const char *path)
{
  g_autofree char *contents = NULL;
  guint n = 0;

  if (g_file_get_contents (path, &contents, NULL, NULL))
    for (const char *p = contents; *p != '\0'; p++)
      n += *p == '\n';

  return n;
}

static void
test_random_kills (void)
{
  const char *seed_text = g_getenv ("RAPPORT_CRASH_SEED");
  guint32 seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : g_random_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *log_path = g_build_filename (g_getenv ("RAPPORT_TEST_ROOT"), "crash.log", NULL);
  const char *self_path = g_getenv ("RAPPORT_CRASH_SELF");
  RapportApplication *app;
  RapportWindow *window;
  Seen seen = { 0 };
  guint previous_entries = 0;

  g_test_message ("seed %u (set RAPPORT_CRASH_SEED=%u to repeat these kills)", seed, seed);
  g_printerr ("# seed %u\n", seed);

  for (guint round = 0; round < N_KILLS; round++)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
      g_autoptr(GSubprocess) driver = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *first = g_strdup_printf ("%u", round * 1001);
      /* The moment: after a random number of things the driver reported
       * (none: during the start-up), then a random part of the next one.
       * The first round has saved two entries by then and the second (which
       * starts with a quiz) a quiz, so that there is always something to
       * look for.
       */
      guint events = g_rand_int_range (rand, round == 0 ? 3 : round == 1 ? 2 : 0, 6);
      guint delay_ms = g_rand_int_range (rand, 0, 1500);
      guint lines_before = count_lines (log_path);

      g_subprocess_launcher_setenv (launcher, "RAPPORT_TEST_SHARE_ROOT", "1", TRUE);
      g_subprocess_launcher_setenv (launcher, "RAPPORT_CRASH_LOG", log_path, TRUE);
      g_subprocess_launcher_setenv (launcher, "RAPPORT_CRASH_FIRST", first, TRUE);
      driver = g_subprocess_launcher_spawn (launcher, &error, self_path, "-q", "-p", "/rapport/crash/driver", NULL);
      g_assert_no_error (error);

      for (guint waited = 0; count_lines (log_path) < lines_before + events; waited += 20)
        {
          g_assert_cmpuint (waited, <, 60000);
          g_usleep (20 * 1000);
        }
      g_usleep (delay_ms * 1000);
      g_subprocess_send_signal (driver, SIGKILL);
      g_assert_true (g_subprocess_wait (driver, NULL, &error));
      g_assert_no_error (error);
      /* The kill ended it, not a failed assertion before it. */
      g_assert_true (g_subprocess_get_if_signaled (driver));
      g_assert_cmpint (g_subprocess_get_term_sig (driver), ==, SIGKILL);

      check_log (log_path, &seen);
      g_test_message ("kill %u, %u ms after report %u: %u entries and %u quizzes seen saved in all, all in the store",
                      round + 1, delay_ms, events, seen.entries, seen.attempts);
      g_assert_cmpuint (seen.entries, >=, previous_entries);
      previous_entries = seen.entries;
    }

  /* The rounds did work: otherwise this proves nothing. */
  g_assert_cmpuint (seen.entries, >=, 2);
  g_assert_cmpuint (seen.attempts, >=, 1);
  g_test_message ("%u starts, %u entries, %u quizzes", seen.starts, seen.entries, seen.attempts);

  /* The app itself starts as usual and lists what was saved. */
  app = rapport_test_app_new ();
  window = rapport_test_app_get_window (app);
  g_assert_null (rapport_window_get_banner_text (window));
  rapport_window_set_view (window, "journal");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
  {
    RapportStoreJournalQuery query = { .limit = 10000 };
    g_autoptr(GPtrArray) entries = rapport_store_list_journal_entries (rapport_application_get_store (app),
                                                                      &query, NULL);

    g_assert_cmpuint (entries->len, >=, seen.entries);
  }
  rapport_test_save_screenshot (GTK_WIDGET (window), "crash-after-kills");
  rapport_test_app_close_windows (app);
  g_object_unref (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self_path = g_canonicalize_filename (argv[0], NULL);

  g_setenv ("RAPPORT_CRASH_SELF", self_path, FALSE);
  rapport_test_init (&argc, &argv);

  g_test_add_func ("/rapport/crash/random-kills", test_random_kills);
  g_test_add_func ("/rapport/crash/driver", test_driver);

  return g_test_run ();
}
