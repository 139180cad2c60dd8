/* rapport-quiz-session.c: one attempt at a quiz: the draw, the order of
 * asking, the answers as they come, the time taken and the attempt the
 * store keeps.  What an answer earns is in rapport-quiz-answer.c.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-quiz-session-private.h"

typedef struct
{
  /* owned */
  RapportQuestion         *question;
  RapportTopic            *topic;
  char                    *pack_id;
  GArray                  *presented;   /* of guint */
  RapportQuizAnswerResult *result;      /* NULL: not answered yet */
  gboolean                 review_recorded;
} Item;

struct _RapportQuizSession
{
  GObject                  parent_instance;

  /* owned */
  RapportTopic            *topic;       /* NULL: a review mixing topics */
  char                    *pack_id;
  GPtrArray               *items;       /* of Item, in the order asked */
  GDateTime               *started;
  GDateTime               *finished;

  gint64                   started_monotonic;
  gint64                   finished_monotonic;
  gint64                   attempt_id;
  guint32                  seed;
  guint                    pass_mark;
  guint                    position;
  guint                    n_answered;
  RapportQuizSessionState  state;
};

G_DEFINE_ENUM_TYPE (RapportQuizSessionState, rapport_quiz_session_state,
                    G_DEFINE_ENUM_VALUE (RAPPORT_QUIZ_SESSION_IN_PROGRESS, "in-progress"),
                    G_DEFINE_ENUM_VALUE (RAPPORT_QUIZ_SESSION_FINISHED, "finished"),
                    G_DEFINE_ENUM_VALUE (RAPPORT_QUIZ_SESSION_ABANDONED, "abandoned"))

G_DEFINE_FINAL_TYPE (RapportQuizSession, rapport_quiz_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOPIC,
  PROP_N_QUESTIONS,
  PROP_POSITION,
  PROP_N_ANSWERED,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
item_free (Item *item)
{
  g_clear_object (&item->question);
  g_clear_object (&item->topic);
  g_clear_pointer (&item->pack_id, g_free);
  g_clear_pointer (&item->presented, g_array_unref);
  g_clear_pointer (&item->result, rapport_quiz_answer_result_free);
  g_free (item);
}

static Item *
get_item (RapportQuizSession *self,
          guint               position)
{
  g_assert (position < self->items->len);

  return g_ptr_array_index (self->items, position);
}

static void
rapport_quiz_session_finalize (GObject *object)
{
  RapportQuizSession *self = RAPPORT_QUIZ_SESSION (object);

  g_clear_object (&self->topic);
  g_clear_pointer (&self->pack_id, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->started, g_date_time_unref);
  g_clear_pointer (&self->finished, g_date_time_unref);

  G_OBJECT_CLASS (rapport_quiz_session_parent_class)->finalize (object);
}

static void
rapport_quiz_session_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportQuizSession *self = RAPPORT_QUIZ_SESSION (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_object (value, self->topic);
      break;

    case PROP_N_QUESTIONS:
      g_value_set_uint (value, self->items->len);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_N_ANSWERED:
      g_value_set_uint (value, self->n_answered);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_quiz_session_class_init (RapportQuizSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_quiz_session_finalize;
  object_class->get_property = rapport_quiz_session_get_property;

  properties[PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL,
                         RAPPORT_TYPE_TOPIC,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_N_QUESTIONS] =
    g_param_spec_uint ("n-questions", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_N_ANSWERED] =
    g_param_spec_uint ("n-answered", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       RAPPORT_TYPE_QUIZ_SESSION_STATE,
                       RAPPORT_QUIZ_SESSION_IN_PROGRESS,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_quiz_session_init (RapportQuizSession *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->started = g_date_time_new_now_utc ();
  self->started_monotonic = g_get_monotonic_time ();
  self->state = RAPPORT_QUIZ_SESSION_IN_PROGRESS;
}

/* Drawing and shuffling */

static GArray *
identity (guint n)
{
  GArray *values = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  for (guint i = 0; i < n; i++)
    g_array_append_val (values, i);

  return values;
}

static gboolean
is_identity (GArray *values)
{
  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, guint, i) != i)
      return FALSE;

  return TRUE;
}

static void
swap (GArray *values,
      guint   a,
      guint   b)
{
  guint tmp = g_array_index (values, guint, a);

  g_array_index (values, guint, a) = g_array_index (values, guint, b);
  g_array_index (values, guint, b) = tmp;
}

/* Fisher–Yates, driven only by @rand so that a seed replays a session. */
static void
shuffle (GRand  *rand,
         GArray *values)
{
  for (guint i = values->len; i > 1; i--)
    swap (values, i - 1, g_rand_int_range (rand, 0, i));
}

static GArray *
present (RapportQuestion *question,
         GRand           *rand)
{
  RapportQuestionType type = rapport_question_get_question_type (question);
  GArray *order;

  switch (type)
    {
    case RAPPORT_QUESTION_TRUEFALSE:
      return identity (2);

    case RAPPORT_QUESTION_ORDERING:
    case RAPPORT_QUESTION_MATCHING:
      order = identity (type == RAPPORT_QUESTION_ORDERING ? rapport_question_get_n_steps (question)
                                                          : rapport_question_get_n_options (question));
      shuffle (rand, order);
      /* Steps already in order would be a question that answers itself;
       * so would right items in the order of their left ones.
       */
      if (order->len >= 2 && is_identity (order))
        swap (order, 0, g_rand_int_range (rand, 1, order->len));
      return order;

    case RAPPORT_QUESTION_SHORT:
    case RAPPORT_QUESTION_NUMERIC:
      return identity (0);

    case RAPPORT_QUESTION_SINGLE:
    case RAPPORT_QUESTION_MULTIPLE:
    case RAPPORT_QUESTION_SCENARIO:
    default:
      order = identity (rapport_question_get_n_choices (question));
      if (!rapport_question_get_fixed_order (question))
        shuffle (rand, order);
      return order;
    }
}

/* Asks @n_draw of the candidates, drawn and ordered by the seed. */
static void
draw_questions (RapportQuizSession *self,
                GPtrArray          *questions,
                GPtrArray          *topics,
                GPtrArray          *pack_ids,
                guint               n_draw)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (self->seed);
  g_autoptr(GArray) order = identity (questions->len);

  g_assert (topics->len == questions->len && pack_ids->len == questions->len);

  /* A full shuffle, then the first n_draw: a uniform draw that is also the
   * order of asking.
   */
  shuffle (rand, order);
  n_draw = MIN (n_draw, questions->len);

  for (guint i = 0; i < n_draw; i++)
    {
      guint source = g_array_index (order, guint, i);
      Item *item = g_new0 (Item, 1);

      item->question = g_object_ref (g_ptr_array_index (questions, source));
      item->topic = g_object_ref (g_ptr_array_index (topics, source));
      item->pack_id = g_strdup (g_ptr_array_index (pack_ids, source));
      item->presented = present (item->question, rand);
      g_ptr_array_add (self->items, item);
    }

  if (self->items->len == 0)
    {
      self->state = RAPPORT_QUIZ_SESSION_FINISHED;
      self->finished = g_date_time_ref (self->started);
      self->finished_monotonic = self->started_monotonic;
    }
}

/**
 * rapport_quiz_session_new:
 * @topic: a topic with a quiz
 * @pack_id: (nullable): the pack the topic belongs to; NULL: the topic's own
 * @seed: drives the draw and the shuffles; pass a random one, or a fixed one
 *   to replay a session
 *
 * Returns: (transfer full): a session in progress, started now
 */
RapportQuizSession *
rapport_quiz_session_new (RapportTopic *topic,
                          const char   *pack_id,
                          guint32       seed)
{
  g_autoptr(RapportQuizSession) self = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) pack_ids = NULL;
  RapportQuiz *quiz;
  GListModel *bank;

  g_return_val_if_fail (RAPPORT_IS_TOPIC (topic), NULL);
  g_return_val_if_fail (rapport_topic_get_quiz (topic) != NULL, NULL);

  if (pack_id == NULL)
    pack_id = rapport_topic_get_pack_id (topic);
  g_return_val_if_fail (pack_id != NULL && *pack_id != '\0', NULL);

  quiz = rapport_topic_get_quiz (topic);
  bank = rapport_quiz_get_questions (quiz);

  self = g_object_new (RAPPORT_TYPE_QUIZ_SESSION, NULL);
  self->topic = g_object_ref (topic);
  self->pack_id = g_strdup (pack_id);
  self->seed = seed;
  self->pass_mark = rapport_quiz_get_pass_mark (quiz);

  questions = g_ptr_array_new_with_free_func (g_object_unref);
  topics = g_ptr_array_new ();
  pack_ids = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (bank); i++)
    {
      g_ptr_array_add (questions, g_list_model_get_item (bank, i));
      g_ptr_array_add (topics, topic);
      g_ptr_array_add (pack_ids, (gpointer) pack_id);
    }

  draw_questions (self, questions, topics, pack_ids, rapport_quiz_get_draw (quiz));

  return g_steal_pointer (&self);
}

RapportQuizSession *
rapport_quiz_session_new_mixed (GPtrArray *questions,
                                GPtrArray *topics,
                                GPtrArray *pack_ids,
                                guint32    seed)
{
  RapportQuizSession *self;

  g_return_val_if_fail (questions != NULL && topics != NULL && pack_ids != NULL, NULL);
  g_return_val_if_fail (topics->len == questions->len, NULL);
  g_return_val_if_fail (pack_ids->len == questions->len, NULL);

  self = g_object_new (RAPPORT_TYPE_QUIZ_SESSION, NULL);
  self->seed = seed;
  draw_questions (self, questions, topics, pack_ids, questions->len);

  return self;
}

/* Returns: (transfer none) (nullable): the topic; NULL for a review mixing topics */
RapportTopic *
rapport_quiz_session_get_topic (RapportQuizSession *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), NULL);

  return self->topic;
}

/* Returns: (nullable): NULL for a review mixing topics */
const char *
rapport_quiz_session_get_pack_id (RapportQuizSession *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), NULL);

  return self->pack_id;
}

guint32
rapport_quiz_session_get_seed (RapportQuizSession *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), 0);

  return self->seed;
}

/* The percentage needed to pass; 0 for a review. */
guint
rapport_quiz_session_get_pass_mark (RapportQuizSession *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), 0);

  return self->pass_mark;
}

/* How many questions this session asks: the quiz's draw, or fewer when the
 * bank is smaller.
 */
guint
rapport_quiz_session_get_n_questions (RapportQuizSession *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), 0);

  return self->items->len;
}

/* Returns: (transfer none) */
RapportQuestion *
rapport_quiz_session_get_question (RapportQuizSession *self,
                                   guint               position)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return get_item (self, position)->question;
}

/* Returns: (transfer none): the topic the question comes from */
RapportTopic *
rapport_quiz_session_get_question_topic (RapportQuizSession *self,
                                         guint               position)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return get_item (self, position)->topic;
}

const char *
rapport_quiz_session_get_question_pack_id (RapportQuizSession *self,
                                           guint               position)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return get_item (self, position)->pack_id;
}

/**
 * rapport_quiz_session_get_presented_choices:
 * @n_choices: (out): the number of choices (true/false: 2; ordering: steps)
 *
 * Returns: (array length=n_choices) (transfer none): what to show at each
 *   position on screen, as an index into the question's choices, steps or,
 *   for matching, options; for true/false, RAPPORT_QUIZ_TRUE then
 *   RAPPORT_QUIZ_FALSE; nothing for a typed answer
 */
const guint *
rapport_quiz_session_get_presented_choices (RapportQuizSession *self,
                                            guint               position,
                                            guint              *n_choices)
{
  Item *item;

  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);
  g_return_val_if_fail (n_choices != NULL, NULL);

  item = get_item (self, position);
  *n_choices = item->presented->len;

  return (const guint *) (gpointer) item->presented->data;
}

gboolean
rapport_quiz_session_get_review_recorded (RapportQuizSession *self,
                                          guint               position)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), FALSE);
  g_return_val_if_fail (position < self->items->len, FALSE);

  return get_item (self, position)->review_recorded;
}

void
rapport_quiz_session_set_review_recorded (RapportQuizSession *self,
                                          guint               position)
{
  g_return_if_fail (RAPPORT_IS_QUIZ_SESSION (self));
  g_return_if_fail (position < self->items->len);

  get_item (self, position)->review_recorded = TRUE;
}

/* Progress */

guint
rapport_quiz_session_get_position (RapportQuizSession *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), 0);

  return self->position;
}

/* Moves to the next question; FALSE when this is the last one. */
gboolean
rapport_quiz_session_next (RapportQuizSession *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), FALSE);

  if (self->position + 1 >= self->items->len)
    return FALSE;

  self->position++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);

  return TRUE;
}

guint
rapport_quiz_session_get_n_answered (RapportQuizSession *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), 0);

  return self->n_answered;
}

/* Answering */

static void
finish (RapportQuizSession      *self,
        RapportQuizSessionState  state)
{
  g_assert (self->state == RAPPORT_QUIZ_SESSION_IN_PROGRESS);

  self->state = state;
  self->finished = g_date_time_new_now_utc ();
  self->finished_monotonic = g_get_monotonic_time ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
answered (RapportQuizSession *self)
{
  self->n_answered++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANSWERED]);

  if (self->n_answered == self->items->len)
    finish (self, RAPPORT_QUIZ_SESSION_FINISHED);
}

/**
 * rapport_quiz_session_answer:
 * @position: the question, which must not have an answer yet
 * @answer: (array length=n_answer): see the top of rapport-quiz-session.h
 *
 * Scores the answer and keeps it; answering the last unanswered question
 * finishes the session.
 *
 * Returns: (transfer none): what the answer earned, with its feedback
 */
const RapportQuizAnswerResult *
rapport_quiz_session_answer (RapportQuizSession *self,
                             guint               position,
                             const guint        *answer,
                             guint               n_answer)
{
  Item *item;

  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), NULL);
  g_return_val_if_fail (self->state == RAPPORT_QUIZ_SESSION_IN_PROGRESS, NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  item = get_item (self, position);
  g_return_val_if_fail (item->result == NULL, NULL);
  g_return_val_if_fail (rapport_quiz_answer_is_valid (item->question, answer, n_answer), NULL);

  item->result = rapport_quiz_answer_score (item->question, item->presented, answer, n_answer);
  answered (self);

  return item->result;
}

/**
 * rapport_quiz_session_answer_text:
 * @position: a short-answer or numeric question, which must not have an
 *   answer yet
 * @text: what the learner typed, valid (rapport_quiz_text_answer_is_valid())
 *
 * As rapport_quiz_session_answer(), for a typed answer.
 *
 * Returns: (transfer none): what the answer earned, with its feedback
 */
const RapportQuizAnswerResult *
rapport_quiz_session_answer_text (RapportQuizSession *self,
                                  guint               position,
                                  const char         *text)
{
  Item *item;

  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), NULL);
  g_return_val_if_fail (self->state == RAPPORT_QUIZ_SESSION_IN_PROGRESS, NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  item = get_item (self, position);
  g_return_val_if_fail (item->result == NULL, NULL);
  g_return_val_if_fail (rapport_quiz_text_answer_is_valid (item->question, text), NULL);

  item->result = rapport_quiz_answer_score_text (item->question, text);
  answered (self);

  return item->result;
}

const RapportQuizAnswerResult *
rapport_quiz_session_answer_text_current (RapportQuizSession *self,
                                          const char         *text)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), NULL);

  return rapport_quiz_session_answer_text (self, self->position, text);
}

/* Answers the question shown now; see rapport_quiz_session_answer(). */
const RapportQuizAnswerResult *
rapport_quiz_session_answer_current (RapportQuizSession *self,
                                     const guint        *answer,
                                     guint               n_answer)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), NULL);

  return rapport_quiz_session_answer (self, self->position, answer, n_answer);
}

/* Returns: (transfer none) (nullable): NULL while the question has no answer */
const RapportQuizAnswerResult *
rapport_quiz_session_get_result (RapportQuizSession *self,
                                 guint               position)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return get_item (self, position)->result;
}

/* State and time */

RapportQuizSessionState
rapport_quiz_session_get_state (RapportQuizSession *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), RAPPORT_QUIZ_SESSION_IN_PROGRESS);

  return self->state;
}

/* The learner left before answering every question.  The answers given so
 * far are kept, and stored with the attempt, but it never counts as a score.
 */
void
rapport_quiz_session_abandon (RapportQuizSession *self)
{
  g_return_if_fail (RAPPORT_IS_QUIZ_SESSION (self));
  g_return_if_fail (self->state == RAPPORT_QUIZ_SESSION_IN_PROGRESS);

  finish (self, RAPPORT_QUIZ_SESSION_ABANDONED);
}

/* Returns: (transfer none): when the session was created, in UTC */
GDateTime *
rapport_quiz_session_get_started (RapportQuizSession *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), NULL);

  return self->started;
}

/* Returns: (transfer none) (nullable): when it was finished or abandoned, in
 * UTC; NULL while in progress
 */
GDateTime *
rapport_quiz_session_get_finished (RapportQuizSession *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), NULL);

  return self->finished;
}

/* The time taken so far, or until the end; measured on the monotonic clock so
 * that changing the system clock does not change it.
 */
GTimeSpan
rapport_quiz_session_get_elapsed (RapportQuizSession *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), 0);

  if (self->state == RAPPORT_QUIZ_SESSION_IN_PROGRESS)
    return g_get_monotonic_time () - self->started_monotonic;

  return self->finished_monotonic - self->started_monotonic;
}

/* The progress store */

/**
 * rapport_quiz_session_to_store_attempt:
 *
 * The attempt as the store keeps it: the answers given, in the order asked.
 * An abandoned attempt has only the questions answered before leaving, its
 * score is over those, and it is stored as abandoned and never passed, so the
 * store leaves it out of best and last scores and the charts.
 *
 * Returns: (transfer full): a new attempt record
 */
RapportStoreAttempt *
rapport_quiz_session_to_store_attempt (RapportQuizSession *self)
{
  RapportStoreAttempt *attempt;

  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), NULL);
  g_return_val_if_fail (self->topic != NULL, NULL);
  g_return_val_if_fail (self->state != RAPPORT_QUIZ_SESSION_IN_PROGRESS, NULL);

  attempt = rapport_store_attempt_new (self->pack_id,
                                       rapport_topic_get_key (self->topic),
                                       rapport_topic_get_skill (self->topic));
  attempt->started = g_date_time_ref (self->started);
  attempt->finished = g_date_time_ref (self->finished);
  attempt->state = self->state == RAPPORT_QUIZ_SESSION_ABANDONED
                   ? RAPPORT_STORE_ATTEMPT_ABANDONED
                   : RAPPORT_STORE_ATTEMPT_FINISHED;
  attempt->score = rapport_quiz_session_get_score (self);
  attempt->passed = rapport_quiz_session_get_passed (self);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = get_item (self, i);
      g_autofree char *json = NULL;

      if (item->result == NULL)
        continue;

      json = rapport_quiz_session_get_answer_json (self, i);
      rapport_store_attempt_add_answer (attempt,
                                        rapport_question_get_key (item->question),
                                        json,
                                        item->result->points,
                                        item->result->points_possible,
                                        item->result->correct);
    }

  return attempt;
}

/**
 * rapport_quiz_session_save:
 *
 * Adds the finished or abandoned attempt to @store, once: saving it again
 * does nothing.  The review queue is updated separately, with
 * rapport_review_record_quiz().
 */
gboolean
rapport_quiz_session_save (RapportQuizSession  *self,
                           RapportStore        *store,
                           GError             **error)
{
  g_autoptr(RapportStoreAttempt) attempt = NULL;

  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->topic != NULL, FALSE);
  g_return_val_if_fail (self->state != RAPPORT_QUIZ_SESSION_IN_PROGRESS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->attempt_id != 0)
    return TRUE;

  attempt = rapport_quiz_session_to_store_attempt (self);
  if (!rapport_store_add_quiz_attempt (store, attempt, error))
    return FALSE;

  self->attempt_id = attempt->id;

  return TRUE;
}

/* The id of the saved attempt; 0 until saved. */
gint64
rapport_quiz_session_get_attempt_id (RapportQuizSession *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), 0);

  return self->attempt_id;
}
