/* rapport-review.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-quiz-session-private.h"
#include "rapport-review-private.h"

static const guint intervals[RAPPORT_REVIEW_N_BOXES] = { 1, 3, 7, 14, 30 };

/* The schedule */

/* Returns: the days a question waits in @box (1..RAPPORT_REVIEW_N_BOXES) */
guint
rapport_review_get_interval (guint box)
{
  g_return_val_if_fail (box >= 1 && box <= RAPPORT_REVIEW_N_BOXES, 0);

  return intervals[box - 1];
}

/* Returns: the box a question in @box goes to after a review, where box 0
 * means "not in the queue": a miss goes to box 1; a success to the next box,
 * or out of the queue after the last one (or when it was not in it).
 */
guint
rapport_review_next_box (guint    box,
                         gboolean success)
{
  if (!success)
    return 1;

  /* A box beyond the last one can only come from a newer Rapport. */
  if (box == 0 || box >= RAPPORT_REVIEW_N_BOXES)
    return 0;

  return box + 1;
}

/* Returns: (transfer full): the start (00:00) of the local day @days_ahead
 * days after the day of @now in @tz; calendar days, so a day that is 23 or 25
 * hours long across a daylight-saving change is still one day
 */
GDateTime *
rapport_review_get_day_start (GDateTime *now,
                              GTimeZone *tz,
                              guint      days_ahead)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GDateTime) here = NULL;
  GDate date;
  int year, month, day;

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  if (now == NULL)
    now = current = g_date_time_new_now_utc ();

  here = g_date_time_to_timezone (now, tz);
  g_date_time_get_ymd (here, &year, &month, &day);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  g_date_add_days (&date, days_ahead);

  return g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), 0, 0, 0);
}

/* Returns: (transfer full): when a question entering @box at @now is due */
GDateTime *
rapport_review_get_due (guint      box,
                        GDateTime *now,
                        GTimeZone *tz)
{
  g_return_val_if_fail (box >= 1 && box <= RAPPORT_REVIEW_N_BOXES, NULL);

  return rapport_review_get_day_start (now, tz, rapport_review_get_interval (box));
}

/* Returns: how many calendar days in @tz lie between the day of @now and
 * the day of @due: 1 when it is due tomorrow, whatever the hour; 0 when it
 * is due today or was due already
 */
guint
rapport_review_days_until (GDateTime *due,
                           GDateTime *now,
                           GTimeZone *tz)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GDateTime) here = NULL;
  g_autoptr(GDateTime) there = NULL;
  GDate today, day;
  int year, month, mday;

  g_return_val_if_fail (due != NULL, 0);

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  if (now == NULL)
    now = current = g_date_time_new_now_utc ();

  here = g_date_time_to_timezone (now, tz);
  there = g_date_time_to_timezone (due, tz);

  g_date_time_get_ymd (here, &year, &month, &mday);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, mday, month, year);
  g_date_time_get_ymd (there, &year, &month, &mday);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, mday, month, year);

  return MAX (g_date_days_between (&today, &day), 0);
}

/* The store */

char *
rapport_review_item_key (const char *pack_id,
                         const char *topic_key,
                         const char *question_key)
{
  return g_strjoin ("\x1f", pack_id, topic_key, question_key, NULL);
}

/* Notes the box @item is in, by rapport_review_item_key(); at least 1, as
 * box 0 means "not in the queue" to rapport_review_next_box().
 */
void
rapport_review_boxes_add (GHashTable                   *boxes,
                          const RapportStoreReviewItem *item)
{
  g_hash_table_insert (boxes,
                       rapport_review_item_key (item->pack_id, item->topic_key,
                                                item->question_key),
                       GINT_TO_POINTER (MAX (item->box, 1)));
}

/* Returns: (transfer full): the box of every question in the queue, due or
 * not, by rapport_review_item_key()
 */
static GHashTable *
load_boxes (RapportStore  *store,
            GError       **error)
{
  g_autoptr(GDateTime) end_of_time = g_date_time_new_utc (9999, 12, 31, 23, 59, 59);
  g_autoptr(GPtrArray) items = NULL;
  GHashTable *boxes;

  /* The store lists only items due by a time; the end of time lists them all. */
  items = rapport_store_list_due_reviews (store, end_of_time, 0, error);
  if (items == NULL)
    return NULL;

  boxes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < items->len; i++)
    rapport_review_boxes_add (boxes, g_ptr_array_index (items, i));

  return boxes;
}

static gboolean
apply (RapportStore  *store,
       GHashTable    *boxes,
       const char    *pack_id,
       const char    *topic_key,
       const char    *question_key,
       gboolean       success,
       GDateTime     *now,
       GTimeZone     *tz,
       GError       **error)
{
  g_autofree char *key = rapport_review_item_key (pack_id, topic_key, question_key);
  g_autoptr(GDateTime) due = NULL;
  guint box = GPOINTER_TO_INT (g_hash_table_lookup (boxes, key));
  guint next = rapport_review_next_box (box, success);

  if (next == 0)
    {
      if (box == 0)
        return TRUE;

      return rapport_store_remove_review_item (store, pack_id, topic_key, question_key, error);
    }

  due = rapport_review_get_due (next, now, tz);

  return rapport_store_upsert_review_item (store, pack_id, topic_key, question_key,
                                           next, due, error);
}

/**
 * rapport_review_record:
 * @success: whether the question was answered with full marks
 *
 * Applies one answer to the queue: see the top of rapport-review.h.  A
 * success for a question that is not in the queue changes nothing.
 */
gboolean
rapport_review_record (RapportStore  *store,
                       const char    *pack_id,
                       const char    *topic_key,
                       const char    *question_key,
                       gboolean       success,
                       GDateTime     *now,
                       GTimeZone     *tz,
                       GError       **error)
{
  g_autoptr(GHashTable) boxes = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (pack_id != NULL && topic_key != NULL && question_key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  boxes = load_boxes (store, error);
  if (boxes == NULL)
    return FALSE;

  return apply (store, boxes, pack_id, topic_key, question_key, !!success, now, tz, error);
}

/* Records every answered question of @session not recorded yet, marking
 * each one as soon as the store has it, so that calling again (to record
 * later answers, or after a failure) never counts an answer twice.
 */
gboolean
rapport_review_record_session (RapportStore        *store,
                               RapportQuizSession  *session,
                               GDateTime           *now,
                               GTimeZone           *tz,
                               GError             **error)
{
  g_autoptr(GHashTable) boxes = NULL;
  g_autoptr(GDateTime) current = NULL;

  g_assert (RAPPORT_IS_STORE (store));
  g_assert (RAPPORT_IS_QUIZ_SESSION (session));

  /* One "now" for the whole session, so its questions fall due together. */
  if (now == NULL)
    now = current = g_date_time_new_now_utc ();

  boxes = load_boxes (store, error);
  if (boxes == NULL)
    return FALSE;

  for (guint i = 0; i < rapport_quiz_session_get_n_questions (session); i++)
    {
      const RapportQuizAnswerResult *result = rapport_quiz_session_get_result (session, i);
      RapportQuestion *question = rapport_quiz_session_get_question (session, i);
      RapportTopic *topic = rapport_quiz_session_get_question_topic (session, i);

      if (result == NULL || rapport_quiz_session_get_review_recorded (session, i))
        continue;

      if (!apply (store, boxes,
                  rapport_quiz_session_get_question_pack_id (session, i),
                  rapport_topic_get_key (topic),
                  rapport_question_get_key (question),
                  result->correct, now, tz, error))
        return FALSE;

      rapport_quiz_session_set_review_recorded (session, i);
    }

  return TRUE;
}

/**
 * rapport_review_record_quiz:
 * @session: a finished quiz session
 *
 * After a finished quiz: every question without full marks goes to box 1,
 * due tomorrow; every question with full marks that was already in the queue
 * counts as a review success.  An abandoned quiz changes nothing, and neither
 * does recording the same session twice.
 */
gboolean
rapport_review_record_quiz (RapportStore        *store,
                            RapportQuizSession  *session,
                            GDateTime           *now,
                            GTimeZone           *tz,
                            GError             **error)
{
  RapportQuizSessionState state;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (session), FALSE);
  g_return_val_if_fail (rapport_quiz_session_get_topic (session) != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  state = rapport_quiz_session_get_state (session);
  g_return_val_if_fail (state != RAPPORT_QUIZ_SESSION_IN_PROGRESS, FALSE);

  if (state == RAPPORT_QUIZ_SESSION_ABANDONED)
    return TRUE;

  return rapport_review_record_session (store, session, now, tz, error);
}

/**
 * rapport_review_get_session_due:
 * @session: a session whose answers were recorded (a quiz with
 *   rapport_review_record_quiz(), a review with rapport_review_session_save())
 * @missed_due: (out) (transfer full) (optional) (nullable): when the first of
 *   the questions answered without full marks is due again; NULL when none is
 *   queued
 * @next_due: (out) (transfer full) (optional) (nullable): the same for any
 *   question the session answered; NULL when none of them is queued any more
 *
 * Reads the due dates from the queue itself, so that what the learner is
 * told is what the schedule will do.
 *
 * Returns: FALSE when the store fails
 */
gboolean
rapport_review_get_session_due (RapportStore        *store,
                                RapportQuizSession  *session,
                                GDateTime          **missed_due,
                                GDateTime          **next_due,
                                GError             **error)
{
  g_autoptr(GDateTime) end_of_time = g_date_time_new_utc (9999, 12, 31, 23, 59, 59);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) missed = NULL;
  GDateTime *first_missed = NULL;
  GDateTime *first = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (session), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (missed_due != NULL)
    *missed_due = NULL;
  if (next_due != NULL)
    *next_due = NULL;

  items = rapport_store_list_due_reviews (store, end_of_time, 0, error);
  if (items == NULL)
    return FALSE;

  /* The session's questions, by item key: TRUE for those it missed. */
  missed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < rapport_quiz_session_get_n_questions (session); i++)
    {
      const RapportQuizAnswerResult *result = rapport_quiz_session_get_result (session, i);
      RapportTopic *topic = rapport_quiz_session_get_question_topic (session, i);
      RapportQuestion *question = rapport_quiz_session_get_question (session, i);
      const char *pack_id = rapport_quiz_session_get_question_pack_id (session, i);

      if (result == NULL)
        continue;

      g_hash_table_insert (missed,
                           rapport_review_item_key (pack_id, rapport_topic_get_key (topic),
                                                    rapport_question_get_key (question)),
                           GINT_TO_POINTER (!result->correct));
    }

  for (guint i = 0; i < items->len; i++)
    {
      const RapportStoreReviewItem *item = g_ptr_array_index (items, i);
      g_autofree char *key = rapport_review_item_key (item->pack_id, item->topic_key,
                                                      item->question_key);
      gpointer was_missed;

      if (!g_hash_table_lookup_extended (missed, key, NULL, &was_missed))
        continue;

      if (first == NULL || g_date_time_compare (item->due, first) < 0)
        first = item->due;
      if (GPOINTER_TO_INT (was_missed) &&
          (first_missed == NULL || g_date_time_compare (item->due, first_missed) < 0))
        first_missed = item->due;
    }

  if (missed_due != NULL && first_missed != NULL)
    *missed_due = g_date_time_ref (first_missed);
  if (next_due != NULL && first != NULL)
    *next_due = g_date_time_ref (first);

  return TRUE;
}

/* What is due */

/* Returns: (transfer none) (nullable): the question, and its topic in @topic */
RapportQuestion *
rapport_review_resolve (RapportTopicLookupFunc   lookup,
                        gpointer                 user_data,
                        const char              *pack_id,
                        const char              *topic_key,
                        const char              *question_key,
                        RapportTopic           **topic)
{
  RapportTopic *found;
  RapportQuiz *quiz;

  g_assert (lookup != NULL);

  found = lookup (user_data, pack_id, topic_key);
  if (found == NULL)
    return NULL;

  quiz = rapport_topic_get_quiz (found);
  if (quiz == NULL)
    return NULL;

  if (topic != NULL)
    *topic = found;

  return rapport_quiz_lookup_question (quiz, question_key);
}

/**
 * rapport_review_list_due_today:
 * @lookup: (nullable): when given, questions it cannot find (their pack was
 *   removed, or a new version dropped them) are left out, but stay queued
 *
 * Returns: (transfer full) (element-type RapportStoreReviewItem): the
 *   questions due by the end of today in @tz, the longest overdue first
 */
GPtrArray *
rapport_review_list_due_today (RapportStore            *store,
                               GDateTime               *now,
                               GTimeZone               *tz,
                               RapportTopicLookupFunc   lookup,
                               gpointer                 user_data,
                               GError                 **error)
{
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GDateTime) end_of_today = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The store keeps whole seconds and lists items due at or before a time. */
  tomorrow = rapport_review_get_day_start (now, tz, 1);
  end_of_today = g_date_time_add_seconds (tomorrow, -1);

  items = rapport_store_list_due_reviews (store, end_of_today, 0, error);
  if (items == NULL)
    return NULL;

  if (lookup != NULL)
    {
      for (guint i = items->len; i > 0; i--)
        {
          const RapportStoreReviewItem *item = g_ptr_array_index (items, i - 1);

          if (rapport_review_resolve (lookup, user_data, item->pack_id, item->topic_key,
                                      item->question_key, NULL) == NULL)
            g_ptr_array_remove_index (items, i - 1);
        }
    }

  return g_steal_pointer (&items);
}

/* For the Learn view's "n due today"; see rapport_review_list_due_today(). */
gboolean
rapport_review_count_due_today (RapportStore            *store,
                                GDateTime               *now,
                                GTimeZone               *tz,
                                RapportTopicLookupFunc   lookup,
                                gpointer                 user_data,
                                guint                   *n_due,
                                GError                 **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (n_due != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *n_due = 0;

  items = rapport_review_list_due_today (store, now, tz, lookup, user_data, error);
  if (items == NULL)
    return FALSE;

  *n_due = items->len;

  return TRUE;
}
