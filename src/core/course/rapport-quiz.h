/* rapport-quiz.h: the quiz of a topic.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-question.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_QUIZ (rapport_quiz_get_type ())

G_DECLARE_FINAL_TYPE (RapportQuiz, rapport_quiz, RAPPORT, QUIZ, GObject)

guint       rapport_quiz_get_pass_mark   (RapportQuiz *self);
guint       rapport_quiz_get_draw        (RapportQuiz *self);
guint       rapport_quiz_get_n_questions (RapportQuiz *self);
GListModel *rapport_quiz_get_questions   (RapportQuiz *self);
RapportQuestion *rapport_quiz_lookup_question (RapportQuiz *self,
                                               const char  *key);

G_END_DECLS
