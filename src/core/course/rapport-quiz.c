/* rapport-quiz.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-quiz.h"
#include "rapport-topic-private.h"

struct _RapportQuiz
{
  GObject     parent_instance;

  GListStore *questions;   /* of RapportQuestion */
  guint       pass_mark;
  guint       draw;
};

G_DEFINE_FINAL_TYPE (RapportQuiz, rapport_quiz, G_TYPE_OBJECT)

static void
rapport_quiz_finalize (GObject *object)
{
  RapportQuiz *self = RAPPORT_QUIZ (object);

  g_clear_object (&self->questions);

  G_OBJECT_CLASS (rapport_quiz_parent_class)->finalize (object);
}

static void
rapport_quiz_class_init (RapportQuizClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_quiz_finalize;
}

static void
rapport_quiz_init (RapportQuiz *self)
{
  self->questions = g_list_store_new (RAPPORT_TYPE_QUESTION);
}

RapportQuiz *
rapport_quiz_new (guint pass_mark,
                  guint draw)
{
  RapportQuiz *self = g_object_new (RAPPORT_TYPE_QUIZ, NULL);

  self->pass_mark = pass_mark;
  self->draw = draw;

  return self;
}

void
rapport_quiz_add_question (RapportQuiz     *self,
                           RapportQuestion *question)
{
  g_list_store_append (self->questions, question);
}

/* The percentage of the possible points needed to pass. */
guint
rapport_quiz_get_pass_mark (RapportQuiz *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ (self), 0);

  return self->pass_mark;
}

/* How many questions one attempt asks, drawn from the bank: the author's
 * "draw", or every question when the author gave none.
 */
guint
rapport_quiz_get_draw (RapportQuiz *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ (self), 0);

  if (self->draw == 0)
    return g_list_model_get_n_items (G_LIST_MODEL (self->questions));

  return self->draw;
}

guint
rapport_quiz_get_n_questions (RapportQuiz *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->questions));
}

/* Returns: (transfer none): a list of RapportQuestion, in the order written. */
GListModel *
rapport_quiz_get_questions (RapportQuiz *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ (self), NULL);

  return G_LIST_MODEL (self->questions);
}

/* Returns: (transfer none) (nullable) */
RapportQuestion *
rapport_quiz_lookup_question (RapportQuiz *self,
                              const char  *key)
{
  guint n_items;

  g_return_val_if_fail (RAPPORT_IS_QUIZ (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->questions));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RapportQuestion) question = g_list_model_get_item (G_LIST_MODEL (self->questions), i);

      if (g_str_equal (rapport_question_get_key (question), key))
        return question;
    }

  return NULL;
}
