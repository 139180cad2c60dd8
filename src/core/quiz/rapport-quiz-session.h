/* rapport-quiz-session.h: one attempt at a quiz, from the draw to the score.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-store.h"
#include "rapport-topic.h"

G_BEGIN_DECLS

/* A session draws its questions from the topic's bank (the quiz's draw, or
 * all of them), in an order and with choices shuffled by a seeded random
 * generator: the same topic and seed always give the same session.  Choices
 * keep their written order when the author fixed it; true/false is always
 * shown as true, then false; the steps of an ordering question are always
 * shown in an order that is not already the right one, and so are the right
 * items a matching question offers (its options).  A typed answer has
 * nothing to shuffle.
 *
 * Answers are given as indices into the question's own choices or steps, in
 * the order the author wrote them (rapport_question_get_choice(),
 * rapport_question_get_step()), never as positions on screen; map a position
 * on screen with rapport_quiz_session_get_presented_choices().
 *
 *   single, scenario  exactly one choice (reply) index
 *   truefalse         exactly one of RAPPORT_QUIZ_TRUE, RAPPORT_QUIZ_FALSE
 *   multiple          the chosen indices, in any order, without repeats; none is an answer
 *   ordering          every step index once, in the learner's order
 *   matching          for each pair, in the order written, the option chosen for its
 *                     left item (rapport_question_get_option()); one may be chosen twice
 *   short, numeric    text, with rapport_quiz_session_answer_text(): at most
 *                     RAPPORT_TYPED_MAX_LENGTH characters of UTF-8; words with something
 *                     left once normalised (rapport-accept.h), a number as
 *                     rapport_parse_typed_number() reads it
 *
 * Scoring: every question is worth 1 point, whatever its type, so a quiz
 * weighs each question the same; partial credit is part of that point:
 *
 *   single     1 for the correct choice, 0 otherwise
 *   truefalse  1 for the right value, 0 otherwise
 *   multiple   max (0, (right picks - wrong picks) / number of correct choices)
 *              so each wrong pick cancels a right one, and only every correct
 *              choice without a wrong one earns the full point
 *   scenario   the reply's score over the best reply's: 1 best, 1/2 acceptable,
 *              0 poor
 *   ordering   the share of steps in their right position
 *   matching   the share of pairs matched rightly
 *   short      1 when the words match an accepted answer, 0 otherwise
 *   numeric    1 when the number is within an accepted answer's tolerance, 0 otherwise
 *
 * An answer is correct when it earns full marks.  The score is the sum of the
 * points over the number of questions answered, in percent; a finished
 * session passes when its score is at least the quiz's pass mark.  An
 * abandoned session never passes and never counts as a score.  (Attempts
 * stored before this rule weighed a scenario 2 points and an ordering
 * question a point per step; the store keeps their score as it was.)
 *
 * In the store an answer is compact JSON with the same indices:
 *   single, scenario {"choice":1}   truefalse {"answer":true}
 *   multiple {"choices":[0,2]} (ascending)   ordering {"order":[2,0,1]}
 *   matching {"matches":[2,0,1]}   short {"text":"no one"}
 *   numeric {"text":"21,25","value":21.25}
 * and with "accepted" (the index of the accepted answer matched) for a typed
 * answer that was right.  Attempts stored before a type existed keep their
 * JSON as it was: no member changed meaning.
 */

/* Answers to a true/false question. */
#define RAPPORT_QUIZ_TRUE  0
#define RAPPORT_QUIZ_FALSE 1

/* The score an author gives a scenario's best reply (2; acceptable 1, poor 0). */
#define RAPPORT_QUIZ_SCENARIO_BEST 2

typedef enum
{
  RAPPORT_QUIZ_SESSION_IN_PROGRESS,
  RAPPORT_QUIZ_SESSION_FINISHED,     /* every question answered */
  RAPPORT_QUIZ_SESSION_ABANDONED,    /* left before the end */
} RapportQuizSessionState;

#define RAPPORT_TYPE_QUIZ_SESSION_STATE (rapport_quiz_session_state_get_type ())

GType rapport_quiz_session_state_get_type (void) G_GNUC_CONST;

/* What one answer earned; owned by the session. */
typedef struct
{
  double          points;        /* 0..1 */
  double          points_possible; /* always 1, as the store keeps it per answer */
  gboolean        correct;       /* full marks */
  GArray         *answer;        /* of guint: the answer as given (multiple: ascending) */
  GArray         *right;         /* of guint: the right answer, in the same form: the
                                  * correct choices (ascending), the best replies, the
                                  * right true/false value, or every step in order */
  GPtrArray      *feedback;      /* of RapportInline: the feedback of the chosen choices, in
                                  * the order shown; empty when the author wrote none */
  RapportInline  *explanation;   /* the question's explanation */
  /* Short answer and numeric: @answer holds the accepted answer matched
   * (none when wrong), @right every accepted answer; the feedback is the
   * matched one's, or the question's for anything else.
   */
  char           *text;          /* as typed, without the white space around it; NULL for the others */
  double          value;         /* numeric: the number read from @text */
} RapportQuizAnswerResult;

#define RAPPORT_TYPE_QUIZ_SESSION (rapport_quiz_session_get_type ())

G_DECLARE_FINAL_TYPE (RapportQuizSession, rapport_quiz_session, RAPPORT, QUIZ_SESSION, GObject)

RapportQuizSession *rapport_quiz_session_new           (RapportTopic       *topic,
                                                        const char         *pack_id,
                                                        guint32             seed);

RapportTopic       *rapport_quiz_session_get_topic     (RapportQuizSession *self);
const char         *rapport_quiz_session_get_pack_id   (RapportQuizSession *self);
guint32             rapport_quiz_session_get_seed      (RapportQuizSession *self);
guint               rapport_quiz_session_get_pass_mark (RapportQuizSession *self);

/* The questions, in the order asked */
guint            rapport_quiz_session_get_n_questions       (RapportQuizSession *self);
RapportQuestion *rapport_quiz_session_get_question          (RapportQuizSession *self,
                                                             guint               position);
RapportTopic    *rapport_quiz_session_get_question_topic    (RapportQuizSession *self,
                                                             guint               position);
const char      *rapport_quiz_session_get_question_pack_id  (RapportQuizSession *self,
                                                             guint               position);
const guint     *rapport_quiz_session_get_presented_choices (RapportQuizSession *self,
                                                             guint               position,
                                                             guint              *n_choices);

/* Progress: the question shown now ("4 of 12" is position 3 of 12) */
guint    rapport_quiz_session_get_position   (RapportQuizSession *self);
gboolean rapport_quiz_session_next           (RapportQuizSession *self);
guint    rapport_quiz_session_get_n_answered (RapportQuizSession *self);

/* Answering; the session finishes when every question has an answer. */
const RapportQuizAnswerResult *rapport_quiz_session_answer          (RapportQuizSession *self,
                                                                    guint               position,
                                                                    const guint        *answer,
                                                                    guint               n_answer);
const RapportQuizAnswerResult *rapport_quiz_session_answer_current  (RapportQuizSession *self,
                                                                    const guint        *answer,
                                                                    guint               n_answer);
const RapportQuizAnswerResult *rapport_quiz_session_answer_text     (RapportQuizSession *self,
                                                                    guint               position,
                                                                    const char         *text);
const RapportQuizAnswerResult *rapport_quiz_session_answer_text_current (RapportQuizSession *self,
                                                                        const char         *text);
gboolean                       rapport_quiz_text_answer_is_valid   (RapportQuestion    *question,
                                                                    const char         *text);
const RapportQuizAnswerResult *rapport_quiz_session_get_result      (RapportQuizSession *self,
                                                                    guint               position);
char                          *rapport_quiz_session_get_answer_json (RapportQuizSession *self,
                                                                    guint               position);

/* State and time */
RapportQuizSessionState rapport_quiz_session_get_state    (RapportQuizSession *self);
void                    rapport_quiz_session_abandon      (RapportQuizSession *self);
GDateTime              *rapport_quiz_session_get_started  (RapportQuizSession *self);
GDateTime              *rapport_quiz_session_get_finished (RapportQuizSession *self);
GTimeSpan               rapport_quiz_session_get_elapsed  (RapportQuizSession *self);

/* The score */
double   rapport_quiz_session_get_points          (RapportQuizSession *self);
double   rapport_quiz_session_get_points_possible (RapportQuizSession *self);
double   rapport_quiz_session_get_score           (RapportQuizSession *self);
gboolean rapport_quiz_session_get_passed          (RapportQuizSession *self);

/* The progress store */
RapportStoreAttempt *rapport_quiz_session_to_store_attempt (RapportQuizSession  *self);
gboolean             rapport_quiz_session_save             (RapportQuizSession  *self,
                                                            RapportStore        *store,
                                                            GError             **error);
gint64               rapport_quiz_session_get_attempt_id   (RapportQuizSession  *self);

G_END_DECLS
