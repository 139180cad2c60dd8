/* rapport-review-session.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-quiz-session-private.h"
#include "rapport-review-private.h"
#include "rapport-review-session.h"

struct _RapportReviewSession
{
  GObject             parent_instance;

  /* owned */
  RapportQuizSession *session;
  GHashTable         *boxes;      /* rapport_review_item_key() → box when the session began */
};

G_DEFINE_FINAL_TYPE (RapportReviewSession, rapport_review_session, G_TYPE_OBJECT)

static void
rapport_review_session_finalize (GObject *object)
{
  RapportReviewSession *self = RAPPORT_REVIEW_SESSION (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->boxes, g_hash_table_unref);

  G_OBJECT_CLASS (rapport_review_session_parent_class)->finalize (object);
}

static void
rapport_review_session_class_init (RapportReviewSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_review_session_finalize;
}

static void
rapport_review_session_init (RapportReviewSession *self)
{
  self->boxes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * rapport_review_session_new:
 * @lookup: finds the topics of the queued questions; questions it cannot find
 *   are left out (and stay queued)
 * @now: (nullable): NULL: now
 * @tz: (nullable): the learner's time zone, for "today"; NULL: local
 * @limit: ask at most this many, the longest overdue; 0: all that are due
 * @seed: drives the order and the shuffles
 *
 * The session has no questions when nothing is due.
 *
 * Returns: (transfer full): a new session, or NULL when the store fails
 */
RapportReviewSession *
rapport_review_session_new (RapportStore            *store,
                            RapportTopicLookupFunc   lookup,
                            gpointer                 user_data,
                            GDateTime               *now,
                            GTimeZone               *tz,
                            guint                    limit,
                            guint32                  seed,
                            GError                 **error)
{
  g_autoptr(RapportReviewSession) self = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) pack_ids = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (lookup != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  items = rapport_review_list_due_today (store, now, tz, lookup, user_data, error);
  if (items == NULL)
    return NULL;

  self = g_object_new (RAPPORT_TYPE_REVIEW_SESSION, NULL);

  questions = g_ptr_array_new ();
  topics = g_ptr_array_new ();
  pack_ids = g_ptr_array_new ();
  for (guint i = 0; i < items->len && (limit == 0 || i < limit); i++)
    {
      const RapportStoreReviewItem *item = g_ptr_array_index (items, i);
      RapportTopic *topic = NULL;
      RapportQuestion *question;

      question = rapport_review_resolve (lookup, user_data, item->pack_id, item->topic_key,
                                         item->question_key, &topic);
      g_assert (question != NULL && topic != NULL);

      g_ptr_array_add (questions, question);
      g_ptr_array_add (topics, topic);
      g_ptr_array_add (pack_ids, item->pack_id);
      rapport_review_boxes_add (self->boxes, item);
    }

  self->session = rapport_quiz_session_new_mixed (questions, topics, pack_ids, seed);

  return g_steal_pointer (&self);
}

/* Returns: (transfer none): the session to show and answer, like a quiz's */
RapportQuizSession *
rapport_review_session_get_quiz_session (RapportReviewSession *self)
{
  g_return_val_if_fail (RAPPORT_IS_REVIEW_SESSION (self), NULL);

  return self->session;
}

guint
rapport_review_session_get_n_questions (RapportReviewSession *self)
{
  g_return_val_if_fail (RAPPORT_IS_REVIEW_SESSION (self), 0);

  return rapport_quiz_session_get_n_questions (self->session);
}

/* Returns: the box the question at @position was in when the session began */
guint
rapport_review_session_get_box (RapportReviewSession *self,
                                guint                 position)
{
  g_autofree char *key = NULL;
  const char *pack_id;
  RapportTopic *topic;
  RapportQuestion *question;

  g_return_val_if_fail (RAPPORT_IS_REVIEW_SESSION (self), 0);
  g_return_val_if_fail (position < rapport_quiz_session_get_n_questions (self->session), 0);

  pack_id = rapport_quiz_session_get_question_pack_id (self->session, position);
  topic = rapport_quiz_session_get_question_topic (self->session, position);
  question = rapport_quiz_session_get_question (self->session, position);
  key = rapport_review_item_key (pack_id,
                                 rapport_topic_get_key (topic),
                                 rapport_question_get_key (question));

  return GPOINTER_TO_INT (g_hash_table_lookup (self->boxes, key));
}

/**
 * rapport_review_session_save:
 * @now: (nullable): when the answers were given; NULL: now
 * @tz: (nullable): NULL: local
 *
 * Applies every answer not applied yet to the review queue: full marks move
 * the question to its next box (or out), anything less back to box 1.  Call it
 * after each answer, at the end, or when the learner leaves: questions left
 * unanswered stay as they were.
 */
gboolean
rapport_review_session_save (RapportReviewSession  *self,
                             RapportStore          *store,
                             GDateTime             *now,
                             GTimeZone             *tz,
                             GError               **error)
{
  g_return_val_if_fail (RAPPORT_IS_REVIEW_SESSION (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return rapport_review_record_session (store, self->session, now, tz, error);
}
