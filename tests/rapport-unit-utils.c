/* rapport-unit-utils.c: set-up the test programs share, on the core alone
 *
 * Nothing here knows GTK: the unit tests link it, and the GUI tests link it
 * for what they check in the store and on disk.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <sqlite3.h>

#include <glib/gstdio.h>

#include "rapport-unit-utils.h"

/* Programs */

/* The loader every topic and pack goes through, on the shipped schema. */
RapportTopicLoader *
rapport_unit_new_loader (void)
{
  g_autoptr(GError) error = NULL;
  RapportTopicLoader *loader;

  loader = rapport_topic_loader_new_from_file (g_getenv ("RAPPORT_SCHEMA"), &error);
  g_assert_no_error (error);

  return loader;
}

/* g_test_run(), then the program lets go of the objects its tests shared,
 * so that a leak checker sees only what the tests themselves left.
 */
int
rapport_unit_run (gpointer first_object,
                  ...)
{
  int status = g_test_run ();
  va_list args;

  va_start (args, first_object);
  for (gpointer object = first_object; object != NULL; object = va_arg (args, gpointer))
    g_object_unref (object);
  va_end (args);

  return status;
}

/* Files */

guint
rapport_unit_mode_of (const char *path)
{
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));

  return st.st_mode & 0777;
}

/* A file outside the store's folder, in this test's own private folders. */
char *
rapport_unit_scratch_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "scratch", NULL);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));

  return g_build_filename (dir, name, NULL);
}

GBytes *
rapport_unit_read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* Topics and quizzes */

/* tests/fixtures/@folder/@name, which must load without a single problem. */
RapportTopic *
rapport_unit_load_topic (RapportTopicLoader *loader,
                         const char         *folder,
                         const char         *name,
                         const char         *pack_id)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", folder, name, NULL);
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  RapportTopic *topic;

  topic = rapport_topic_loader_load_from_file (loader, path, pack_id, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (topic);

  return topic;
}

/* The built-in curriculum ($RAPPORT_CORE_PACK), loaded as the app loads it;
 * every problem the loader finds is printed, and fails the test.
 */
RapportPack *
rapport_unit_load_core_pack (void)
{
  g_autoptr(RapportTopicLoader) loader = rapport_unit_new_loader ();
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  RapportPack *pack;

  pack = rapport_pack_load_folder (g_getenv ("RAPPORT_CORE_PACK"), loader, problems, &error);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = rapport_problem_to_string (g_ptr_array_index (problems, i));

      g_printerr ("%s\n", line);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  return pack;
}

/* Where the session put the question @key, which it must hold. */
guint
rapport_unit_position_of (RapportQuizSession *session,
                          const char         *key)
{
  for (guint i = 0; i < rapport_quiz_session_get_n_questions (session); i++)
    {
      RapportQuestion *question = rapport_quiz_session_get_question (session, i);

      if (g_str_equal (rapport_question_get_key (question), key))
        return i;
    }

  g_assert_not_reached ();
}

/* Fills @answer (room for every choice) with an answer to @question with
 * full marks, or with less: the other truth value, the steps reversed (with
 * four steps or two, none stays in place), the first wrong choice.  Returns
 * its length.
 */
guint
rapport_unit_make_answer (RapportQuestion *question,
                          gboolean         right,
                          guint           *answer)
{
  guint n = 0;

  switch (rapport_question_get_question_type (question))
    {
    case RAPPORT_QUESTION_TRUEFALSE:
      answer[n++] = rapport_question_get_answer (question) == right
                    ? RAPPORT_QUIZ_TRUE : RAPPORT_QUIZ_FALSE;
      break;

    case RAPPORT_QUESTION_ORDERING:
      for (guint i = 0; i < rapport_question_get_n_steps (question); i++)
        answer[n++] = right ? i : rapport_question_get_n_steps (question) - 1 - i;
      break;

    case RAPPORT_QUESTION_SINGLE:
    case RAPPORT_QUESTION_MULTIPLE:
    case RAPPORT_QUESTION_SCENARIO:
    default:
      for (guint i = 0; i < rapport_question_get_n_choices (question); i++)
        if (rapport_choice_get_correct (rapport_question_get_choice (question, i)) == right)
          {
            answer[n++] = i;
            if (!right)
              break;
          }
      break;
    }

  return n;
}

/* Whether choice @index, in the question's own order, is the right one: for
 * true or false, RAPPORT_QUIZ_TRUE or RAPPORT_QUIZ_FALSE; in a scenario, the
 * choice with full marks.
 */
gboolean
rapport_unit_is_right_choice (RapportQuestion *question,
                              guint            index)
{
  switch (rapport_question_get_question_type (question))
    {
    case RAPPORT_QUESTION_TRUEFALSE:
      return (index == RAPPORT_QUIZ_TRUE) == rapport_question_get_answer (question);

    case RAPPORT_QUESTION_SCENARIO:
      return rapport_choice_get_score (rapport_question_get_choice (question, index)) == 2;

    default:
      return rapport_choice_get_correct (rapport_question_get_choice (question, index));
    }
}

/* What a learner picks to answer the session's current question rightly or
 * wrongly, as places on screen (what the keys 1 to 9 pick), in order, into
 * @picks: returns how many.
 */
guint
rapport_unit_shown_answer (RapportQuizSession *session,
                           gboolean            right,
                           guint               picks[RAPPORT_UNIT_MAX_PICKS])
{
  guint position = rapport_quiz_session_get_position (session);
  RapportQuestion *question = rapport_quiz_session_get_question (session, position);
  guint n;
  const guint *shown = rapport_quiz_session_get_presented_choices (session, position, &n);
  guint n_picks = 0;

  g_assert_cmpuint (n, <=, RAPPORT_UNIT_MAX_PICKS);

  switch (rapport_question_get_question_type (question))
    {
    case RAPPORT_QUESTION_ORDERING:
      for (guint step = 0; step < n; step++)
        {
          /* Right: the steps as written; wrong: as shown (never the right order). */
          guint wanted = right ? step : shown[step];

          for (guint i = 0; i < n; i++)
            if (shown[i] == wanted)
              picks[n_picks++] = i;
        }
      break;

    case RAPPORT_QUESTION_MULTIPLE:
      for (guint i = 0; i < n; i++)
        if (rapport_unit_is_right_choice (question, shown[i]) == right)
          picks[n_picks++] = i;
      break;

    default:
      for (guint i = 0; i < n; i++)
        if (rapport_unit_is_right_choice (question, shown[i]) == right)
          {
            picks[n_picks++] = i;
            break;
          }
      break;
    }

  return n_picks;
}

/* The store */

/* @path: absolute, or relative to the test's own data folder. */
RapportStore *
rapport_unit_open_store (const char *path)
{
  g_autofree char *absolute = g_path_is_absolute (path)
                              ? g_strdup (path)
                              : g_build_filename (g_get_user_data_dir (), path, NULL);
  g_autoptr(GError) error = NULL;
  RapportStore *store = rapport_store_new_for_path (absolute, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

/* A new entry titled @title; @occurred NULL keeps the entry's own time, now. */
RapportStoreEntry *
rapport_unit_new_entry (const char *title,
                        GDateTime  *occurred)
{
  RapportStoreEntry *entry = rapport_store_entry_new ();

  g_free (entry->title);
  entry->title = g_strdup (title);
  if (occurred != NULL)
    {
      g_date_time_unref (entry->occurred);
      entry->occurred = g_date_time_ref (occurred);
    }

  return entry;
}

void
rapport_unit_save_entry (RapportStore      *store,
                         RapportStoreEntry *entry)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  saved = rapport_store_save_journal_entry (store, entry, &error);
  g_assert_no_error (error);
  g_assert_true (saved);
}

gboolean
rapport_unit_has_entry (RapportStore *store,
                        const char   *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStoreEntry) entry = rapport_store_get_journal_entry (store, uuid, &error);

  if (entry == NULL)
    g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);

  return entry != NULL;
}

/* What PRAGMA integrity_check says of the file, its lines joined by "; ":
 * "ok" for a sound one.  Read-only, beside whatever else has it open.
 */
char *
rapport_unit_integrity_check (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *result = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (result, "%s%s", result->len > 0 ? "; " : "", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (result, FALSE);
}

/* The first column of the first row of @sql, or -1 without a row. */
gint64
rapport_unit_query_int (gpointer    db,
                        const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return result;
}

/* Sets LC_NUMERIC to @locale ("de_DE.UTF-8"), compiling it with localedef
 * into this test's own folders when the system has its source but not the
 * locale itself (a minimal Debian has only C.UTF-8).  LOCPATH stays set, so
 * that a subprocess of the test finds it too.  FALSE when neither works.
 */
gboolean
rapport_unit_use_numeric_locale (const char *locale)
{
  g_autofree char *localedef = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) parts = NULL;

  if (setlocale (LC_NUMERIC, locale) != NULL)
    return TRUE;

  localedef = g_find_program_in_path ("localedef");
  parts = g_strsplit (locale, ".", 2);
  if (localedef == NULL || parts[1] == NULL)
    return FALSE;

  dir = rapport_unit_scratch_path ("locales");
  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  output = g_build_filename (dir, locale, NULL);
  {
    const char *argv[] = { localedef, "-i", parts[0], "-f", parts[1], output, NULL };

    /* Its exit status counts warnings too: whether setlocale() then works says all. */
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, NULL, NULL);
  }
  g_setenv ("LOCPATH", dir, TRUE);

  return setlocale (LC_NUMERIC, locale) != NULL;
}
