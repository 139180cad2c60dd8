/* rapport-question.h: one question of a quiz.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rapport-block.h"
#include "rapport-inline.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_QUESTION_SINGLE,     /* one right choice */
  RAPPORT_QUESTION_MULTIPLE,   /* select all that apply */
  RAPPORT_QUESTION_TRUEFALSE,  /* a statement, true or false */
  RAPPORT_QUESTION_SCENARIO,   /* a dialogue, then replies scored 0, 1 or 2 */
  RAPPORT_QUESTION_ORDERING,   /* steps to put in order */
} RapportQuestionType;

#define RAPPORT_QUESTION_N_TYPES (RAPPORT_QUESTION_ORDERING + 1)

const char *rapport_question_type_to_string (RapportQuestionType type);

/* A choice of a single or multiple question, or a reply of a scenario. */
typedef struct _RapportChoice RapportChoice;

#define RAPPORT_TYPE_CHOICE (rapport_choice_get_type ())

GType          rapport_choice_get_type     (void) G_GNUC_CONST;
RapportChoice *rapport_choice_ref          (RapportChoice       *self);
void           rapport_choice_unref        (RapportChoice       *self);
RapportInline *rapport_choice_get_text     (const RapportChoice *self);
RapportInline *rapport_choice_get_feedback (const RapportChoice *self);
gboolean       rapport_choice_get_correct  (const RapportChoice *self);
guint          rapport_choice_get_score    (const RapportChoice *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportChoice, rapport_choice_unref)

#define RAPPORT_TYPE_QUESTION (rapport_question_get_type ())

G_DECLARE_FINAL_TYPE (RapportQuestion, rapport_question, RAPPORT, QUESTION, GObject)

const char          *rapport_question_get_key            (RapportQuestion *self);
RapportQuestionType  rapport_question_get_question_type  (RapportQuestion *self);
RapportInline       *rapport_question_get_prompt         (RapportQuestion *self);
RapportInline       *rapport_question_get_explanation    (RapportQuestion *self);
gboolean             rapport_question_get_fixed_order    (RapportQuestion *self);
/* Single, multiple and scenario (its replies): */
guint                rapport_question_get_n_choices      (RapportQuestion *self);
RapportChoice       *rapport_question_get_choice         (RapportQuestion *self,
                                                          guint            position);
/* True/false: */
gboolean             rapport_question_get_answer         (RapportQuestion *self);
RapportInline       *rapport_question_get_feedback_true  (RapportQuestion *self);
RapportInline       *rapport_question_get_feedback_false (RapportQuestion *self);
/* Scenario: */
RapportDialogue     *rapport_question_get_dialogue       (RapportQuestion *self);
/* Ordering, in the right order: */
guint                rapport_question_get_n_steps        (RapportQuestion *self);
RapportInline       *rapport_question_get_step           (RapportQuestion *self,
                                                          guint            position);

G_END_DECLS
