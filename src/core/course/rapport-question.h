/* rapport-question.h: one question of a quiz.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rapport-accept.h"
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
  RAPPORT_QUESTION_MATCHING,   /* each left item to a right one */
  RAPPORT_QUESTION_SHORT,      /* a typed answer: words */
  RAPPORT_QUESTION_NUMERIC,    /* a typed answer: a number */
} RapportQuestionType;

#define RAPPORT_QUESTION_N_TYPES (RAPPORT_QUESTION_NUMERIC + 1)

/* The bounds the loader holds questions to (data/packs/FORMAT.md). */
#define RAPPORT_QUESTION_MAX_PAIRS        20     /* matching: pairs */
#define RAPPORT_QUESTION_MAX_EXTRA_RIGHTS 10     /* matching: right items besides the pairs' */
#define RAPPORT_QUESTION_MAX_ACCEPTS      20     /* short, numeric: accepted answers */
#define RAPPORT_QUESTION_MAX_NUMBER       1e15   /* numeric: the largest value and tolerance */

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
/* Matching: the pairs in the order written, and their right items each once
 * (the pairs' in that order, then the extra ones), as options to choose from:
 */
guint                rapport_question_get_n_pairs        (RapportQuestion *self);
RapportInline       *rapport_question_get_pair_left      (RapportQuestion *self,
                                                          guint            pair);
guint                rapport_question_get_pair_option    (RapportQuestion *self,
                                                          guint            pair);
guint                rapport_question_get_n_options      (RapportQuestion *self);
const char          *rapport_question_get_option         (RapportQuestion *self,
                                                          guint            option);
/* Short answer and numeric: */
guint                rapport_question_get_n_accepts      (RapportQuestion *self);
RapportAccept       *rapport_question_get_accept         (RapportQuestion *self,
                                                          guint            position);
RapportInline       *rapport_question_get_feedback_other (RapportQuestion *self);
gboolean             rapport_question_get_case_sensitive (RapportQuestion *self);
int                  rapport_question_match_text         (RapportQuestion *self,
                                                          const char      *typed);
int                  rapport_question_match_number       (RapportQuestion *self,
                                                          double           number);

G_END_DECLS
