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

/* A pair of a matching question: its left item, and its right one as an
 * index into the options.
 */
typedef struct
{
  RapportInline *left;
  guint          option;
} Pair;

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
  GArray              *pairs;          /* of Pair */
  GPtrArray           *options;        /* of char *: right items, each once */
  GPtrArray           *accepts;        /* of RapportAccept */
  RapportInline       *feedback_other;
  gboolean             fixed_order;
  gboolean             answer;
  gboolean             case_sensitive;
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
    "single", "multiple", "truefalse", "scenario", "ordering", "matching", "short", "numeric",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == RAPPORT_QUESTION_N_TYPES);

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
clear_pair (gpointer data)
{
  Pair *pair = data;

  g_clear_pointer (&pair->left, rapport_inline_unref);
}

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
  g_clear_pointer (&self->pairs, g_array_unref);
  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_clear_pointer (&self->accepts, g_ptr_array_unref);
  g_clear_pointer (&self->feedback_other, rapport_inline_unref);

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
  self->pairs = g_array_new (FALSE, TRUE, sizeof (Pair));
  g_array_set_clear_func (self->pairs, clear_pair);
  self->options = g_ptr_array_new_with_free_func (g_free);
  self->accepts = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_accept_unref);
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

static gboolean
find_option (RapportQuestion *self,
             const char      *right,
             guint           *option)
{
  return g_ptr_array_find_with_equal_func (self->options, right, g_str_equal, option);
}

/* A pair of a matching question; pairs with the same right item share its
 * option, as in Moodle.  Returns the pair's option.
 */
guint
rapport_question_add_pair (RapportQuestion *self,
                           RapportInline   *left,
                           const char      *right)
{
  Pair pair = { rapport_inline_ref (left), 0 };

  if (!find_option (self, right, &pair.option))
    {
      pair.option = self->options->len;
      g_ptr_array_add (self->options, g_strdup (right));
    }
  g_array_append_val (self->pairs, pair);

  return pair.option;
}

/* An extra right item of a matching question, that no left item matches;
 * FALSE when the question has it already.
 */
gboolean
rapport_question_add_option (RapportQuestion *self,
                             const char      *right)
{
  if (find_option (self, right, NULL))
    return FALSE;

  g_ptr_array_add (self->options, g_strdup (right));

  return TRUE;
}

void
rapport_question_add_accept (RapportQuestion *self,
                             RapportAccept   *accept)
{
  g_ptr_array_add (self->accepts, rapport_accept_ref (accept));
}

void
rapport_question_set_typed (RapportQuestion *self,
                            gboolean         case_sensitive,
                            RapportInline   *feedback_other)
{
  self->case_sensitive = !!case_sensitive;
  g_clear_pointer (&self->feedback_other, rapport_inline_unref);
  self->feedback_other = feedback_other != NULL ? rapport_inline_ref (feedback_other) : NULL;
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

guint
rapport_question_get_n_pairs (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), 0);

  return self->pairs->len;
}

RapportInline *
rapport_question_get_pair_left (RapportQuestion *self,
                                guint            pair)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);
  g_return_val_if_fail (pair < self->pairs->len, NULL);

  return g_array_index (self->pairs, Pair, pair).left;
}

/* The option that is the right item of @pair. */
guint
rapport_question_get_pair_option (RapportQuestion *self,
                                  guint            pair)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), 0);
  g_return_val_if_fail (pair < self->pairs->len, 0);

  return g_array_index (self->pairs, Pair, pair).option;
}

guint
rapport_question_get_n_options (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), 0);

  return self->options->len;
}

/* A right item, as plain text. */
const char *
rapport_question_get_option (RapportQuestion *self,
                             guint            option)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);
  g_return_val_if_fail (option < self->options->len, NULL);

  return g_ptr_array_index (self->options, option);
}

guint
rapport_question_get_n_accepts (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), 0);

  return self->accepts->len;
}

RapportAccept *
rapport_question_get_accept (RapportQuestion *self,
                             guint            position)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);
  g_return_val_if_fail (position < self->accepts->len, NULL);

  return g_ptr_array_index (self->accepts, position);
}

/* Short answer, numeric: shown for an answer that none of the accepted ones
 * matches; NULL when the author wrote none.
 */
RapportInline *
rapport_question_get_feedback_other (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);

  return self->feedback_other;
}

/* Short answer: whether upper and lower case are told apart. */
gboolean
rapport_question_get_case_sensitive (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), FALSE);

  return self->case_sensitive;
}

/* Short answer: the first accepted answer that @typed matches, as authors
 * order them (Moodle's rule too); -1 for none.
 */
int
rapport_question_match_text (RapportQuestion *self,
                             const char      *typed)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), -1);
  g_return_val_if_fail (typed != NULL, -1);

  for (guint i = 0; i < self->accepts->len; i++)
    if (rapport_accept_matches_text (g_ptr_array_index (self->accepts, i), typed))
      return (int) i;

  return -1;
}

/* Numeric: the first accepted answer whose range holds @number; -1 for none. */
int
rapport_question_match_number (RapportQuestion *self,
                               double           number)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), -1);

  for (guint i = 0; i < self->accepts->len; i++)
    if (rapport_accept_matches_number (g_ptr_array_index (self->accepts, i), number))
      return (int) i;

  return -1;
}
