/* rapport-question.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-question.h"
#include "rapport-topic-private.h"

struct _RapportChoice
{
  RapportInline *text;
  RapportInline *feedback;
  guint          score;
  gboolean       correct;
};

struct _RapportQuestion
{
  GObject              parent_instance;

  char                *key;
  RapportQuestionType  type;
  RapportInline       *prompt;
  RapportInline       *explanation;
  GPtrArray           *choices;        /* of RapportChoice */
  GPtrArray           *steps;          /* of RapportInline */
  RapportInline       *feedback_true;
  RapportInline       *feedback_false;
  RapportDialogue     *dialogue;
  gboolean             fixed_order;
  gboolean             answer;
};

G_DEFINE_BOXED_TYPE (RapportChoice, rapport_choice, rapport_choice_ref, rapport_choice_unref)
G_DEFINE_FINAL_TYPE (RapportQuestion, rapport_question, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The element names of the topic format, also used by `rapport-pack inspect`. */
const char *
rapport_question_type_to_string (RapportQuestionType type)
{
  static const char * const names[] = {
    "single", "multiple", "truefalse", "scenario", "ordering",
  };

  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (names), NULL);

  return names[type];
}

/* Choice */

/* For a scenario reply, @correct is whether it is the best reply (score 2). */
RapportChoice *
rapport_choice_new (RapportInline *text,
                    RapportInline *feedback,
                    gboolean       correct,
                    guint          score)
{
  RapportChoice *self = g_atomic_rc_box_new0 (RapportChoice);

  self->text = rapport_inline_ref (text);
  self->feedback = feedback != NULL ? rapport_inline_ref (feedback) : NULL;
  self->correct = !!correct;
  self->score = score;

  return self;
}

static void
rapport_choice_finalize (gpointer data)
{
  RapportChoice *self = data;

  g_clear_pointer (&self->text, rapport_inline_unref);
  g_clear_pointer (&self->feedback, rapport_inline_unref);
}

RapportChoice *
rapport_choice_ref (RapportChoice *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
rapport_choice_unref (RapportChoice *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, rapport_choice_finalize);
}

RapportInline *
rapport_choice_get_text (const RapportChoice *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

/* Returns NULL when the author wrote no feedback for this choice. */
RapportInline *
rapport_choice_get_feedback (const RapportChoice *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->feedback;
}

/* For a scenario reply: whether it is the best one. */
gboolean
rapport_choice_get_correct (const RapportChoice *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->correct;
}

/* A scenario reply's score: 2 best, 1 acceptable, 0 poor. For the choices of
 * other questions, 1 when correct and 0 otherwise.
 */
guint
rapport_choice_get_score (const RapportChoice *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->score;
}

/* Question */

static void
rapport_question_finalize (GObject *object)
{
  RapportQuestion *self = RAPPORT_QUESTION (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->prompt, rapport_inline_unref);
  g_clear_pointer (&self->explanation, rapport_inline_unref);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->feedback_true, rapport_inline_unref);
  g_clear_pointer (&self->feedback_false, rapport_inline_unref);
  g_clear_pointer (&self->dialogue, rapport_dialogue_unref);

  G_OBJECT_CLASS (rapport_question_parent_class)->finalize (object);
}

static void
rapport_question_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RapportQuestion *self = RAPPORT_QUESTION (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_question_class_init (RapportQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_question_finalize;
  object_class->get_property = rapport_question_get_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_question_init (RapportQuestion *self)
{
  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_choice_unref);
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_inline_unref);
}

RapportQuestion *
rapport_question_new (RapportQuestionType  type,
                      const char          *key,
                      gboolean             fixed_order)
{
  RapportQuestion *self = g_object_new (RAPPORT_TYPE_QUESTION, NULL);

  self->type = type;
  self->key = g_strdup (key);
  self->fixed_order = !!fixed_order;

  return self;
}

void
rapport_question_set_prompt (RapportQuestion *self,
                             RapportInline   *prompt)
{
  g_clear_pointer (&self->prompt, rapport_inline_unref);
  self->prompt = rapport_inline_ref (prompt);
}

void
rapport_question_set_explanation (RapportQuestion *self,
                                  RapportInline   *explanation)
{
  g_clear_pointer (&self->explanation, rapport_inline_unref);
  self->explanation = rapport_inline_ref (explanation);
}

void
rapport_question_add_choice (RapportQuestion *self,
                             RapportChoice   *choice)
{
  g_ptr_array_add (self->choices, rapport_choice_ref (choice));
}

void
rapport_question_add_step (RapportQuestion *self,
                           RapportInline   *step)
{
  g_ptr_array_add (self->steps, rapport_inline_ref (step));
}

void
rapport_question_set_truefalse (RapportQuestion *self,
                                gboolean         answer,
                                RapportInline   *feedback_true,
                                RapportInline   *feedback_false)
{
  self->answer = !!answer;
  self->feedback_true = feedback_true != NULL ? rapport_inline_ref (feedback_true) : NULL;
  self->feedback_false = feedback_false != NULL ? rapport_inline_ref (feedback_false) : NULL;
}

void
rapport_question_set_dialogue (RapportQuestion *self,
                               RapportDialogue *dialogue)
{
  g_clear_pointer (&self->dialogue, rapport_dialogue_unref);
  self->dialogue = rapport_dialogue_ref (dialogue);
}

const char *
rapport_question_get_key (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);

  return self->key;
}

RapportQuestionType
rapport_question_get_question_type (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), RAPPORT_QUESTION_SINGLE);

  return self->type;
}

RapportInline *
rapport_question_get_prompt (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);

  return self->prompt;
}

RapportInline *
rapport_question_get_explanation (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);

  return self->explanation;
}

/* Whether choices must be shown in the order written (e.g. "All of the above"). */
gboolean
rapport_question_get_fixed_order (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), FALSE);

  return self->fixed_order;
}

guint
rapport_question_get_n_choices (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), 0);

  return self->choices->len;
}

RapportChoice *
rapport_question_get_choice (RapportQuestion *self,
                             guint            position)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);
  g_return_val_if_fail (position < self->choices->len, NULL);

  return g_ptr_array_index (self->choices, position);
}

gboolean
rapport_question_get_answer (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), FALSE);

  return self->answer;
}

/* Shown when the learner answers "true"; NULL when the author wrote none. */
RapportInline *
rapport_question_get_feedback_true (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);

  return self->feedback_true;
}

RapportInline *
rapport_question_get_feedback_false (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);

  return self->feedback_false;
}

RapportDialogue *
rapport_question_get_dialogue (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);

  return self->dialogue;
}

guint
rapport_question_get_n_steps (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), 0);

  return self->steps->len;
}

RapportInline *
rapport_question_get_step (RapportQuestion *self,
                           guint            position)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);
  g_return_val_if_fail (position < self->steps->len, NULL);

  return g_ptr_array_index (self->steps, position);
}
