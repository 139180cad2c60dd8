/* rapport-store-progress.c: packs, lessons, quizzes and the review queue
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-store-private.h"

static gboolean
is_key (const char *key)
{
  return key != NULL && *key != '\0';
}

/* A statement whose ?1, ?2 and (unless @item_key is NULL) ?3 are the keys
 * of a pack, one of its topics and one of the topic's lessons or questions.
 */
static RapportStoreStmt *
prepare_for_keys (RapportStore  *self,
                  const char    *sql,
                  const char    *pack_id,
                  const char    *topic_key,
                  const char    *item_key,
                  GError       **error)
{
  RapportStoreStmt *stmt = rapport_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;

  rapport_store_bind_text (stmt, 1, pack_id);
  rapport_store_bind_text (stmt, 2, topic_key);
  if (item_key != NULL)
    rapport_store_bind_text (stmt, 3, item_key);

  return stmt;
}

/* Packs */

void
rapport_store_pack_free (RapportStorePack *pack)
{
  if (pack == NULL)
    return;

  g_free (pack->id);
  g_free (pack->version);
  g_free (pack->title);
  g_clear_pointer (&pack->installed, g_date_time_unref);
  g_free (pack);
}

gboolean
rapport_store_set_pack_installed (RapportStore  *self,
                                  const char    *pack_id,
                                  const char    *version,
                                  const char    *title,
                                  GDateTime     *installed,
                                  GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (is_key (pack_id), FALSE);
  g_return_val_if_fail (version != NULL, FALSE);
  g_return_val_if_fail (title != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = rapport_store_prepare (self,
                                "INSERT INTO pack (id, version, title, installed_at)"
                                " VALUES (?1, ?2, ?3, ?4)"
                                " ON CONFLICT (id) DO UPDATE SET version = excluded.version,"
                                " title = excluded.title, installed_at = excluded.installed_at",
                                error);
  if (stmt == NULL)
    return FALSE;

  rapport_store_bind_text (stmt, 1, pack_id);
  rapport_store_bind_text (stmt, 2, version);
  rapport_store_bind_text (stmt, 3, title);
  sqlite3_bind_int64 (stmt, 4, rapport_store_unix_or_now (installed));

  return rapport_store_write_one (self, stmt, error);
}

gboolean
rapport_store_remove_pack (RapportStore  *self,
                           const char    *pack_id,
                           GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = rapport_store_prepare (self, "DELETE FROM pack WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  rapport_store_bind_text (stmt, 1, pack_id);

  return rapport_store_write_one (self, stmt, error);
}

/* Forgets an installed pack in one transaction: its entry in the list of
 * installed packs and, unless @keep_progress, everything the learner did in
 * it (lessons read, quiz attempts with their answers, the review queue).
 * Journal entries rate skills, not packs, and stay.
 */
gboolean
rapport_store_forget_pack (RapportStore  *self,
                           const char    *pack_id,
                           gboolean       keep_progress,
                           GError       **error)
{
  static const char * const progress_sql[] = {
    "DELETE FROM lesson_progress WHERE pack_id = ?1",
    "DELETE FROM quiz_attempt WHERE pack_id = ?1",   /* answers go with their attempt */
    "DELETE FROM review_item WHERE pack_id = ?1",
  };

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (is_key (pack_id), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rapport_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i <= G_N_ELEMENTS (progress_sql); i++)
    {
      g_autoptr(RapportStoreStmt) stmt = NULL;

      if (i > 0 && keep_progress)
        break;

      stmt = rapport_store_prepare (self,
                                    i == 0 ? "DELETE FROM pack WHERE id = ?1" : progress_sql[i - 1],
                                    error);
      if (stmt == NULL)
        {
          rapport_store_rollback (self);
          return FALSE;
        }

      rapport_store_bind_text (stmt, 1, pack_id);
      if (!rapport_store_step_done (self, stmt, error))
        {
          rapport_store_rollback (self);
          return FALSE;
        }
    }

  return rapport_store_commit (self, error);
}

static gboolean
add_pack (RapportStoreStmt  *stmt,
          gpointer           user_data,
          GError           **error)
{
  RapportStorePack *pack = g_new0 (RapportStorePack, 1);

  pack->id = rapport_store_column_dup_text (stmt, 0);
  pack->version = rapport_store_column_dup_text (stmt, 1);
  pack->title = rapport_store_column_dup_text (stmt, 2);
  pack->installed = rapport_store_column_time (stmt, 3);
  g_ptr_array_add (user_data, pack);

  return TRUE;
}

/* Returns: (element-type RapportStorePack), ordered by title */
GPtrArray *
rapport_store_list_packs (RapportStore  *self,
                          GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) packs = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = rapport_store_prepare (self,
                                "SELECT id, version, title, installed_at FROM pack"
                                " ORDER BY title, id",
                                error);
  if (stmt == NULL)
    return NULL;

  packs = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_store_pack_free);
  if (!rapport_store_foreach_row (self, stmt, add_pack, packs, error))
    return NULL;

  return g_steal_pointer (&packs);
}

/* Lessons */

void
rapport_store_lesson_free (RapportStoreLesson *lesson)
{
  if (lesson == NULL)
    return;

  g_free (lesson->pack_id);
  g_free (lesson->topic_key);
  g_free (lesson->lesson_key);
  g_clear_pointer (&lesson->opened, g_date_time_unref);
  g_clear_pointer (&lesson->completed, g_date_time_unref);
  g_free (lesson);
}

static gboolean
write_lesson (RapportStore  *self,
              const char    *sql,
              const char    *pack_id,
              const char    *topic_key,
              const char    *lesson_key,
              gint64         when,
              double         position,
              GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;

  stmt = prepare_for_keys (self, sql, pack_id, topic_key, lesson_key, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 4, when);
  sqlite3_bind_double (stmt, 5, position);

  return rapport_store_write_one (self, stmt, error);
}

#define KEYS_OK(pack_id, topic_key, lesson_key) \
  (is_key (pack_id) && is_key (topic_key) && is_key (lesson_key))

/* Records the last time the lesson was opened. */
gboolean
rapport_store_mark_lesson_opened (RapportStore  *self,
                                  const char    *pack_id,
                                  const char    *topic_key,
                                  const char    *lesson_key,
                                  GDateTime     *when,
                                  GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEYS_OK (pack_id, topic_key, lesson_key), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_lesson (self,
                       "INSERT INTO lesson_progress (pack_id, topic_key, lesson_key, opened_at)"
                       " VALUES (?1, ?2, ?3, ?4)"
                       " ON CONFLICT DO UPDATE SET opened_at = excluded.opened_at",
                       pack_id, topic_key, lesson_key, rapport_store_unix_or_now (when), 0, error);
}

gboolean
rapport_store_set_lesson_position (RapportStore  *self,
                                   const char    *pack_id,
                                   const char    *topic_key,
                                   const char    *lesson_key,
                                   double         position,
                                   GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEYS_OK (pack_id, topic_key, lesson_key), FALSE);
  g_return_val_if_fail (position >= 0.0 && position <= 1.0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_lesson (self,
                       "INSERT INTO lesson_progress"
                       " (pack_id, topic_key, lesson_key, opened_at, position)"
                       " VALUES (?1, ?2, ?3, ?4, ?5)"
                       " ON CONFLICT DO UPDATE SET position = excluded.position",
                       pack_id, topic_key, lesson_key, rapport_store_unix_or_now (NULL), position,
                       error);
}

/* The first completion counts; completing it again changes nothing. */
gboolean
rapport_store_mark_lesson_completed (RapportStore  *self,
                                     const char    *pack_id,
                                     const char    *topic_key,
                                     const char    *lesson_key,
                                     GDateTime     *when,
                                     GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEYS_OK (pack_id, topic_key, lesson_key), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_lesson (self,
                       "INSERT INTO lesson_progress"
                       " (pack_id, topic_key, lesson_key, opened_at, completed_at)"
                       " VALUES (?1, ?2, ?3, ?4, ?4)"
                       " ON CONFLICT DO UPDATE SET"
                       " completed_at = coalesce (completed_at, excluded.completed_at)",
                       pack_id, topic_key, lesson_key, rapport_store_unix_or_now (when), 0, error);
}

/* A lesson never opened comes back with opened and completed NULL. */
RapportStoreLesson *
rapport_store_get_lesson (RapportStore  *self,
                          const char    *pack_id,
                          const char    *topic_key,
                          const char    *lesson_key,
                          GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;
  g_autoptr(RapportStoreLesson) lesson = NULL;
  gboolean has_row;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (KEYS_OK (pack_id, topic_key, lesson_key), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare_for_keys (self,
                           "SELECT opened_at, position, completed_at FROM lesson_progress"
                           " WHERE pack_id = ?1 AND topic_key = ?2 AND lesson_key = ?3",
                           pack_id, topic_key, lesson_key, error);
  if (stmt == NULL)
    return NULL;

  lesson = g_new0 (RapportStoreLesson, 1);
  lesson->pack_id = g_strdup (pack_id);
  lesson->topic_key = g_strdup (topic_key);
  lesson->lesson_key = g_strdup (lesson_key);

  if (!rapport_store_step_row (self, stmt, &has_row, error))
    return NULL;

  if (has_row)
    {
      lesson->opened = rapport_store_column_time (stmt, 0);
      lesson->position = sqlite3_column_double (stmt, 1);
      lesson->completed = rapport_store_column_time (stmt, 2);
    }

  return g_steal_pointer (&lesson);
}

static gboolean
add_lesson_key (RapportStoreStmt  *stmt,
                gpointer           user_data,
                GError           **error)
{
  g_strv_builder_add (user_data, (const char *) sqlite3_column_text (stmt, 0));

  return TRUE;
}

/* Returns: the keys of the completed lessons of a topic, in completion order */
GStrv
rapport_store_list_completed_lessons (RapportStore  *self,
                                      const char    *pack_id,
                                      const char    *topic_key,
                                      GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (pack_id != NULL && topic_key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare_for_keys (self,
                           "SELECT lesson_key FROM lesson_progress"
                           " WHERE pack_id = ?1 AND topic_key = ?2"
                           " AND completed_at IS NOT NULL"
                           " ORDER BY completed_at, lesson_key",
                           pack_id, topic_key, NULL, error);
  if (stmt == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  if (!rapport_store_foreach_row (self, stmt, add_lesson_key, builder, error))
    return NULL;

  return g_strv_builder_end (builder);
}

/* Quizzes */

static void
answer_free (RapportStoreAnswer *answer)
{
  g_free (answer->question_key);
  g_free (answer->answer);
  g_free (answer);
}

RapportStoreAttempt *
rapport_store_attempt_new (const char *pack_id,
                           const char *topic_key,
                           const char *skill_key)
{
  RapportStoreAttempt *attempt;

  g_return_val_if_fail (pack_id != NULL && topic_key != NULL && skill_key != NULL, NULL);

  attempt = g_new0 (RapportStoreAttempt, 1);
  attempt->pack_id = g_strdup (pack_id);
  attempt->topic_key = g_strdup (topic_key);
  attempt->skill_key = g_strdup (skill_key);
  attempt->state = RAPPORT_STORE_ATTEMPT_FINISHED;
  attempt->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) answer_free);

  return attempt;
}

void
rapport_store_attempt_add_answer (RapportStoreAttempt *attempt,
                                  const char          *question_key,
                                  const char          *answer,
                                  double               points,
                                  double               points_possible,
                                  gboolean             correct)
{
  RapportStoreAnswer *item;

  g_return_if_fail (attempt != NULL);
  g_return_if_fail (question_key != NULL && answer != NULL);
  g_return_if_fail (points >= 0 && points <= points_possible);

  item = g_new0 (RapportStoreAnswer, 1);
  item->question_key = g_strdup (question_key);
  item->answer = g_strdup (answer);
  item->points = points;
  item->points_possible = points_possible;
  item->correct = !!correct;
  g_ptr_array_add (attempt->answers, item);
}

void
rapport_store_attempt_free (RapportStoreAttempt *attempt)
{
  if (attempt == NULL)
    return;

  g_free (attempt->pack_id);
  g_free (attempt->topic_key);
  g_free (attempt->skill_key);
  g_clear_pointer (&attempt->started, g_date_time_unref);
  g_clear_pointer (&attempt->finished, g_date_time_unref);
  g_clear_pointer (&attempt->answers, g_ptr_array_unref);
  g_free (attempt);
}

static const char *
state_to_string (RapportStoreAttemptState state)
{
  return state == RAPPORT_STORE_ATTEMPT_ABANDONED ? "abandoned" : "finished";
}

static RapportStoreAttemptState
state_from_string (const char *state)
{
  return g_strcmp0 (state, "abandoned") == 0
         ? RAPPORT_STORE_ATTEMPT_ABANDONED
         : RAPPORT_STORE_ATTEMPT_FINISHED;
}

/* Saves the attempt and all its answers in one transaction and sets
 * attempt->id.  Missing start and finish times are set to now.
 */
gboolean
rapport_store_add_quiz_attempt (RapportStore         *self,
                                RapportStoreAttempt  *attempt,
                                GError              **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;
  gint64 now = rapport_store_unix_or_now (NULL);
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (attempt != NULL, FALSE);
  g_return_val_if_fail (is_key (attempt->pack_id) && is_key (attempt->topic_key), FALSE);
  g_return_val_if_fail (attempt->skill_key != NULL, FALSE);
  g_return_val_if_fail (attempt->score >= 0.0 && attempt->score <= 100.0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rapport_store_begin (self, error))
    return FALSE;

  stmt = rapport_store_prepare (self,
                                "INSERT INTO quiz_attempt (pack_id, topic_key, skill_key,"
                                " started_at, finished_at, state, score, passed)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                error);
  if (stmt == NULL)
    goto fail;

  rapport_store_bind_text (stmt, 1, attempt->pack_id);
  rapport_store_bind_text (stmt, 2, attempt->topic_key);
  rapport_store_bind_text (stmt, 3, attempt->skill_key);
  sqlite3_bind_int64 (stmt, 4, rapport_store_unix_or (attempt->started, now));
  sqlite3_bind_int64 (stmt, 5, rapport_store_unix_or (attempt->finished, now));
  rapport_store_bind_text (stmt, 6, state_to_string (attempt->state));
  sqlite3_bind_double (stmt, 7, attempt->score);
  sqlite3_bind_int (stmt, 8, attempt->passed ? 1 : 0);

  if (!rapport_store_step_done (self, stmt, error))
    goto fail;

  id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; i < attempt->answers->len; i++)
    {
      const RapportStoreAnswer *answer = g_ptr_array_index (attempt->answers, i);
      g_autoptr(RapportStoreStmt) insert = NULL;

      insert = rapport_store_prepare (self,
                                      "INSERT INTO quiz_answer (attempt_id, position,"
                                      " question_key, answer, points, points_possible, correct)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                      error);
      if (insert == NULL)
        goto fail;

      sqlite3_bind_int64 (insert, 1, id);
      sqlite3_bind_int (insert, 2, i);
      rapport_store_bind_text (insert, 3, answer->question_key);
      rapport_store_bind_text (insert, 4, answer->answer);
      sqlite3_bind_double (insert, 5, answer->points);
      sqlite3_bind_double (insert, 6, answer->points_possible);
      sqlite3_bind_int (insert, 7, answer->correct ? 1 : 0);

      if (!rapport_store_step_done (self, insert, error))
        goto fail;
    }

  if (!rapport_store_commit (self, error))
    return FALSE;

  attempt->id = id;

  return TRUE;

fail:
  rapport_store_rollback (self);
  return FALSE;
}

#define ATTEMPT_COLUMNS \
  "id, pack_id, topic_key, skill_key, started_at, finished_at, state, score, passed"

static RapportStoreAttempt *
attempt_from_row (RapportStoreStmt *stmt)
{
  RapportStoreAttempt *attempt;

  attempt = rapport_store_attempt_new ((const char *) sqlite3_column_text (stmt, 1),
                                       (const char *) sqlite3_column_text (stmt, 2),
                                       (const char *) sqlite3_column_text (stmt, 3));
  attempt->id = sqlite3_column_int64 (stmt, 0);
  attempt->started = rapport_store_column_time (stmt, 4);
  attempt->finished = rapport_store_column_time (stmt, 5);
  attempt->state = state_from_string ((const char *) sqlite3_column_text (stmt, 6));
  attempt->score = sqlite3_column_double (stmt, 7);
  attempt->passed = sqlite3_column_int (stmt, 8) != 0;

  return attempt;
}

static gboolean
add_answer (RapportStoreStmt  *stmt,
            gpointer           user_data,
            GError           **error)
{
  RapportStoreAttempt *attempt = user_data;
  RapportStoreAnswer *answer = g_new0 (RapportStoreAnswer, 1);

  answer->question_key = rapport_store_column_dup_text (stmt, 0);
  answer->answer = rapport_store_column_dup_text (stmt, 1);
  answer->points = sqlite3_column_double (stmt, 2);
  answer->points_possible = sqlite3_column_double (stmt, 3);
  answer->correct = sqlite3_column_int (stmt, 4) != 0;
  g_ptr_array_add (attempt->answers, answer);

  return TRUE;
}

/* Returns: the attempt with its answers, or NULL with RAPPORT_STORE_ERROR_NOT_FOUND */
RapportStoreAttempt *
rapport_store_get_quiz_attempt (RapportStore  *self,
                                gint64         attempt_id,
                                GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;
  g_autoptr(RapportStoreStmt) answers = NULL;
  g_autoptr(RapportStoreAttempt) attempt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = rapport_store_prepare (self,
                                "SELECT " ATTEMPT_COLUMNS " FROM quiz_attempt WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, attempt_id);
  if (!rapport_store_step_row (self, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("This quiz attempt is no longer in your progress history."));
      return NULL;
    }

  attempt = attempt_from_row (stmt);

  answers = rapport_store_prepare (self,
                                   "SELECT question_key, answer, points, points_possible, correct"
                                   " FROM quiz_answer WHERE attempt_id = ?1 ORDER BY position",
                                   error);
  if (answers == NULL)
    return NULL;

  sqlite3_bind_int64 (answers, 1, attempt_id);
  if (!rapport_store_foreach_row (self, answers, add_answer, attempt, error))
    return NULL;

  return g_steal_pointer (&attempt);
}

static gboolean
add_attempt (RapportStoreStmt  *stmt,
             gpointer           user_data,
             GError           **error)
{
  g_ptr_array_add (user_data, attempt_from_row (stmt));

  return TRUE;
}

/* Returns: (element-type RapportStoreAttempt) newest first, without answers */
GPtrArray *
rapport_store_list_quiz_attempts (RapportStore  *self,
                                  const char    *pack_id,
                                  const char    *topic_key,
                                  GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) attempts = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (pack_id != NULL && topic_key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare_for_keys (self,
                           "SELECT " ATTEMPT_COLUMNS " FROM quiz_attempt"
                           " WHERE pack_id = ?1 AND topic_key = ?2"
                           " ORDER BY finished_at DESC, id DESC",
                           pack_id, topic_key, NULL, error);
  if (stmt == NULL)
    return NULL;

  attempts = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_store_attempt_free);
  if (!rapport_store_foreach_row (self, stmt, add_attempt, attempts, error))
    return NULL;

  return g_steal_pointer (&attempts);
}

/* Review queue */

void
rapport_store_review_item_free (RapportStoreReviewItem *item)
{
  if (item == NULL)
    return;

  g_free (item->pack_id);
  g_free (item->topic_key);
  g_free (item->question_key);
  g_clear_pointer (&item->due, g_date_time_unref);
  g_free (item);
}

gboolean
rapport_store_upsert_review_item (RapportStore  *self,
                                  const char    *pack_id,
                                  const char    *topic_key,
                                  const char    *question_key,
                                  int            box,
                                  GDateTime     *due,
                                  GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEYS_OK (pack_id, topic_key, question_key), FALSE);
  g_return_val_if_fail (box >= 1, FALSE);
  g_return_val_if_fail (due != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = prepare_for_keys (self,
                           "INSERT INTO review_item (pack_id, topic_key, question_key,"
                           " box, due_at) VALUES (?1, ?2, ?3, ?4, ?5)"
                           " ON CONFLICT DO UPDATE SET box = excluded.box,"
                           " due_at = excluded.due_at",
                           pack_id, topic_key, question_key, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 4, box);
  rapport_store_bind_time (stmt, 5, due);

  return rapport_store_write_one (self, stmt, error);
}

gboolean
rapport_store_remove_review_item (RapportStore  *self,
                                  const char    *pack_id,
                                  const char    *topic_key,
                                  const char    *question_key,
                                  GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (KEYS_OK (pack_id, topic_key, question_key), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = prepare_for_keys (self,
                           "DELETE FROM review_item"
                           " WHERE pack_id = ?1 AND topic_key = ?2 AND question_key = ?3",
                           pack_id, topic_key, question_key, error);
  if (stmt == NULL)
    return FALSE;

  return rapport_store_write_one (self, stmt, error);
}

static gboolean
add_review_item (RapportStoreStmt  *stmt,
                 gpointer           user_data,
                 GError           **error)
{
  RapportStoreReviewItem *item = g_new0 (RapportStoreReviewItem, 1);

  item->pack_id = rapport_store_column_dup_text (stmt, 0);
  item->topic_key = rapport_store_column_dup_text (stmt, 1);
  item->question_key = rapport_store_column_dup_text (stmt, 2);
  item->box = sqlite3_column_int (stmt, 3);
  item->due = rapport_store_column_time (stmt, 4);
  g_ptr_array_add (user_data, item);

  return TRUE;
}

/* Returns: (element-type RapportStoreReviewItem) the items due at @now (NULL:
 * now), the longest overdue first; @limit 0 means all.
 */
GPtrArray *
rapport_store_list_due_reviews (RapportStore  *self,
                                GDateTime     *now,
                                guint          limit,
                                GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = rapport_store_prepare (self,
                                "SELECT pack_id, topic_key, question_key, box, due_at"
                                " FROM review_item WHERE due_at <= ?1"
                                " ORDER BY due_at, pack_id, topic_key, question_key LIMIT ?2",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, rapport_store_unix_or_now (now));
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_store_review_item_free);
  if (!rapport_store_foreach_row (self, stmt, add_review_item, items, error))
    return NULL;

  return g_steal_pointer (&items);
}
