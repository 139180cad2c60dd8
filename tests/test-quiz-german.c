/* test-quiz-german.c: the quiz's matching, short-answer and numeric
 * questions in German, as a German learner has them: the translations
 * (po/de.po, compiled for the test), and the user's decimal comma in typed
 * numbers, in the field's example, the hints and the right answer; a
 * screenshot of each type after Check, 360 px wide.
 *
 * A minimal Debian has neither the German locale nor the translations
 * installed; the test compiles both into its own folders (localedef,
 * msgfmt) and skips when it cannot.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "rapport-question.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-unit-utils.h"

#define LOCALE "de_DE.UTF-8"

/* Compiles po/de.po into this test's folders and binds the app's domain to it. */
static gboolean
use_german_messages (void)
{
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autofree char *po = g_test_build_filename (G_TEST_DIST, "..", "po", "de.po", NULL);
  g_autofree char *root = rapport_unit_scratch_path ("messages");
  g_autofree char *dir = g_build_filename (root, "de", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  const char *argv[] = { msgfmt, "-o", mo, po, NULL };
  int status = 1;

  if (msgfmt == NULL)
    return FALSE;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return FALSE;

  bindtextdomain (GETTEXT_PACKAGE, root);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return TRUE;
}

/* A seed whose quiz asks @key first. */
static guint32
seed_starting (RapportTopic *topic,
               const char   *key)
{
  for (guint32 seed = 1; ; seed++)
    {
      g_autoptr(RapportQuizSession) draw = rapport_quiz_session_new (topic, NULL, seed);

      if (g_str_equal (rapport_question_get_key (rapport_quiz_session_get_question (draw, 0)), key))
        return seed;
    }
}

static void
german_child (void)
{
  g_autoptr(RapportApplication) app = rapport_application_new ();
  g_autoptr(RapportTopicLoader) loader = rapport_unit_new_loader ();
  g_autoptr(RapportTopic) topic = rapport_unit_load_topic (loader, "quiz", "new-types.xml", "org.example.new-types");
  g_autoptr(GError) error = NULL;
  RapportWindow *window;
  RapportQuizPage *page;
  RapportQuizSession *session;
  GtkWidget *entry;
  guint shot = 0;

  g_assert_true (rapport_unit_use_numeric_locale (LOCALE));
  g_assert_nonnull (setlocale (LC_ALL, LOCALE));
  g_assert_true (use_german_messages ());

  /* The main test process holds the application's name on the bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  window = rapport_test_app_get_window (app);
  rapport_test_resize (GTK_WINDOW (window), 360);
  page = rapport_test_app_start_quiz (window, topic, seed_starting (topic, "n-refund"));
  session = rapport_quiz_page_get_session (page);

  /* The number: an example and a hint with a comma, a number typed with
   * one, the right answer shown with one; "1.500" refused.
   */
  entry = rapport_test_find_widget (GTK_WIDGET (page), GTK_TYPE_ENTRY, NULL);
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==, "Eine Zahl, etwa 2,5");
  g_assert_cmpstr (rapport_test_app_quiz_hint (page), ==, "Geben Sie eine Zahl ein, etwa 2,5. Die Eingabetaste prüft sie.");
  rapport_test_type_text (GTK_WINDOW (window), "1.500");
  rapport_test_press_keys (GTK_WINDOW (window), "Return");
  g_assert_null (rapport_quiz_session_get_result (session, 0));
  g_assert_cmpstr (rapport_test_app_quiz_hint (page), ==,
                   "Rapport kann „\xe2\x81\xa8" "1.500\xe2\x81\xa9“ nicht als Zahl lesen. Geben Sie Ziffern mit "
                   "höchstens einem Dezimaltrennzeichen und ohne Tausendertrennzeichen ein, etwa 2,5.");
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>a");
  rapport_test_type_text (GTK_WINDOW (window), "42,5");
  rapport_test_press_keys (GTK_WINDOW (window), "Return");
  g_assert_cmpfloat (rapport_quiz_session_get_result (session, 0)->value, ==, 42.5);
  g_assert_nonnull (rapport_test_find_mapped_label (GTK_WIDGET (page), "Ihre Antwort · gilt nicht"));
  g_assert_nonnull (rapport_test_find_mapped_label (GTK_WIDGET (page), "Richtige Antwort: 21,25 ± 0,005"));

  /* Every question answered wrongly by keys, the first of each type shot. */
  for (guint position = 0; ; position++)
    {
      RapportQuestion *question = rapport_quiz_session_get_question (session, position);
      RapportQuestionType type = rapport_question_get_question_type (question);

      if (position > 0)
        {
          if (type == RAPPORT_QUESTION_MATCHING)
            {
              g_assert_cmpstr (rapport_test_app_quiz_hint (page), ==,
                               "Für jedes Element öffnet die Leertaste die Liste der Zuordnungen, oder eine "
                               "Zifferntaste wählt eine. Die Eingabetaste prüft.");
              for (guint i = 0; i < rapport_question_get_n_pairs (question); i++)
                rapport_test_press_keys (GTK_WINDOW (window), "1");
            }
          else
            rapport_test_type_text (GTK_WINDOW (window), type == RAPPORT_QUESTION_NUMERIC ? "0,5" : "nein");
          rapport_test_press_keys (GTK_WINDOW (window), "Return");
          g_assert_nonnull (rapport_quiz_session_get_result (session, position));
        }

      if ((shot & (1u << type)) == 0)
        {
          g_autofree char *name = g_strdup_printf ("quiz-german-%s-360", rapport_question_type_to_string (type));

          rapport_test_save_screenshot (GTK_WIDGET (window), name);
          shot |= 1u << type;
        }
      rapport_test_press_keys (GTK_WINDOW (window), "Return");
      if (position + 1 == rapport_quiz_session_get_n_questions (session))
        break;
    }

  /* The results name the right answers in German. */
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Richtige Zuordnungen"));
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Gültige Antworten"));
  g_assert_nonnull (rapport_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Richtige Antworten"));
  rapport_test_app_close_windows (app);
}

static void
test_german (void)
{
  if (!g_test_subprocess ())
    {
      g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");

      if (!rapport_unit_use_numeric_locale (LOCALE) || msgfmt == NULL)
        {
          g_test_skip ("no German locale or no msgfmt, and neither could be had");
          return;
        }
      setlocale (LC_NUMERIC, "C.UTF-8");
    }

  rapport_test_run_in_subprocess (german_child);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RapportApplication) app = NULL;

  rapport_test_init (&argc, &argv);

  /* The subprocess makes an application of its own, in German. */
  if (!g_test_subprocess ())
    app = rapport_test_app_new ();

  g_test_add_func ("/rapport/quiz-german/new-types", test_german);

  return g_test_run ();
}
