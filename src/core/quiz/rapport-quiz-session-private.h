/* rapport-quiz-session-private.h: sessions that mix topics, for review; and
 * how the session's files check and score one answer.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-quiz-session.h"

G_BEGIN_DECLS

/* Asks every question of @questions, in a shuffled order; @topics and
 * @pack_ids say where each one comes from.  The three arrays have the same
 * length.  Such a session has no topic, no pass mark and is never stored as
 * an attempt.
 */
RapportQuizSession *rapport_quiz_session_new_mixed (GPtrArray *questions,
                                                    GPtrArray *topics,
                                                    GPtrArray *pack_ids,
                                                    guint32    seed);

/* Whether the answer at @position was applied to the review queue, so that
 * it is applied once however often the caller saves.
 */
gboolean            rapport_quiz_session_get_review_recorded (RapportQuizSession *self,
                                                              guint               position);
void                rapport_quiz_session_set_review_recorded (RapportQuizSession *self,
                                                              guint               position);

/* One answer (rapport-quiz-answer.c): see the top of rapport-quiz-session.h. */
gboolean                 rapport_quiz_answer_is_valid    (RapportQuestion         *question,
                                                          const guint             *answer,
                                                          guint                    n_answer);
RapportQuizAnswerResult *rapport_quiz_answer_score       (RapportQuestion         *question,
                                                          GArray                  *presented,
                                                          const guint             *answer,
                                                          guint                    n_answer);
RapportQuizAnswerResult *rapport_quiz_answer_score_text  (RapportQuestion         *question,
                                                          const char              *text);
void                     rapport_quiz_answer_result_free (RapportQuizAnswerResult *result);

G_END_DECLS
