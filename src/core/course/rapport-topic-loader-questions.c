/* rapport-topic-loader-questions.c: the walk over <quiz> and its questions,
 * with the checks a schema cannot make (one right answer, enough choices).
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-topic-loader-private.h"

/* Questions */

static RapportChoice *
parse_choice (RapportLoad *l,
              xmlNode     *node,
              gboolean     is_reply)
{
  static const RapportParticle choice_particles[] = {
    { "text", 1, 1 },
    { "feedback", 0, 1 },
  };
  static const RapportParticle reply_particles[] = {
    { "text", 1, 1 },
    { "feedback", 1, 1 },
  };
  static const char * const scores[] = { "0", "1", "2", NULL };
  g_autoptr(GArray) matches = NULL;
  g_autoptr(RapportInline) text = NULL;
  g_autoptr(RapportInline) feedback = NULL;
  gboolean correct;
  guint score;

  if (is_reply)
    {
      int value;

      rapport_load_check_attributes (l, node, "score", "score");
      value = rapport_load_get_choice (l, node, "score", scores);
      score = value < 0 ? 0 : (guint) value;
      correct = score == 2;
      matches = rapport_load_match_children (l, node, reply_particles,
                                             G_N_ELEMENTS (reply_particles));
    }
  else
    {
      rapport_load_check_attributes (l, node, "correct", "");
      correct = rapport_load_get_boolean (l, node, "correct", FALSE);
      score = correct ? 1 : 0;
      matches = rapport_load_match_children (l, node, choice_particles,
                                             G_N_ELEMENTS (choice_particles));
    }

  for (guint i = 0; i < matches->len; i++)
    {
      RapportMatch *m = RAPPORT_MATCH (matches, i);

      if (m->particle == 0)
        text = rapport_load_parse_inline_element (l, m->node, "");
      else
        feedback = rapport_load_parse_inline_element (l, m->node, "");
    }

  if (text == NULL)
    text = rapport_inline_new ();

  return rapport_choice_new (text, feedback, correct, score);
}

static void
check_choices (RapportLoad     *l,
               xmlNode         *node,
               RapportQuestion *question)
{
  RapportQuestionType type = rapport_question_get_question_type (question);
  guint n_choices = rapport_question_get_n_choices (question);
  guint n_correct = 0;

  for (guint i = 0; i < n_choices; i++)
    {
      RapportChoice *choice = rapport_question_get_choice (question, i);

      if (type == RAPPORT_QUESTION_SCENARIO ? rapport_choice_get_score (choice) == 2
                                            : rapport_choice_get_correct (choice))
        n_correct++;
    }

  switch (type)
    {
    case RAPPORT_QUESTION_SINGLE:
      if (n_choices < 2)
        rapport_load_semantic (l, node, _("This question has only one choice; give at least two."));
      if (n_correct != 1)
        rapport_load_semantic (l, node,
                               _("A <single> question needs exactly one choice with "
                                 "correct=\"true\"; this one has %u."),
                               n_correct);
      break;

    case RAPPORT_QUESTION_MULTIPLE:
      if (n_choices < 2)
        rapport_load_semantic (l, node, _("This question has only one choice; give at least two."));
      if (n_correct < 1)
        rapport_load_semantic (l, node,
                               _("A <multiple> question needs at least one choice with "
                                 "correct=\"true\"; this one has none."));
      break;

    case RAPPORT_QUESTION_SCENARIO:
      if (n_choices < 2)
        rapport_load_semantic (l, node, _("This scenario has only one reply; give at least two."));
      if (n_correct != 1)
        rapport_load_semantic (l, node,
                               _("A <scenario> needs exactly one best reply with score=\"2\"; this "
                                 "one has %u."),
                               n_correct);
      break;

    case RAPPORT_QUESTION_TRUEFALSE:
    case RAPPORT_QUESTION_ORDERING:
    default:
      break;
    }
}

static RapportQuestion *
parse_question (RapportLoad *l,
                xmlNode     *node)
{
  static const RapportParticle choice_particles[] = {
    { "prompt", 1, 1 },
    { "choice", 1, 0 },
    { "explanation", 1, 1 },
  };
  static const RapportParticle truefalse_particles[] = {
    { "prompt", 1, 1 },
    { "feedback-true", 0, 1 },
    { "feedback-false", 0, 1 },
    { "explanation", 1, 1 },
  };
  static const RapportParticle scenario_particles[] = {
    { "dialogue", 1, 1 },
    { "prompt", 1, 1 },
    { "reply", 1, 0 },
    { "explanation", 1, 1 },
  };
  static const RapportParticle ordering_particles[] = {
    { "prompt", 1, 1 },
    { "step", 1, 0 },
    { "explanation", 1, 1 },
  };
  /* Each kind of question: the attributes it may have, those it must have,
   * and its content, as in the schema.
   */
  static const struct
  {
    const char            *name;
    RapportQuestionType    type;
    const char            *attributes;
    const char            *required;
    const RapportParticle *particles;
    guint                  n_particles;
  } kinds[] = {
    { "single", RAPPORT_QUESTION_SINGLE, "key fixed-order", "key",
      choice_particles, G_N_ELEMENTS (choice_particles) },
    { "multiple", RAPPORT_QUESTION_MULTIPLE, "key fixed-order", "key",
      choice_particles, G_N_ELEMENTS (choice_particles) },
    { "truefalse", RAPPORT_QUESTION_TRUEFALSE, "key answer", "key answer",
      truefalse_particles, G_N_ELEMENTS (truefalse_particles) },
    { "scenario", RAPPORT_QUESTION_SCENARIO, "key fixed-order", "key",
      scenario_particles, G_N_ELEMENTS (scenario_particles) },
    { "ordering", RAPPORT_QUESTION_ORDERING, "key", "key",
      ordering_particles, G_N_ELEMENTS (ordering_particles) },
  };
  const char *name = (const char *) node->name;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(RapportInline) feedback_true = NULL;
  g_autoptr(RapportInline) feedback_false = NULL;
  RapportQuestionType type;
  RapportQuestion *question;
  gboolean fixed_order = FALSE;
  gboolean answer = FALSE;
  const char *key;
  guint first_line;
  guint kind;

  for (kind = 0; kind < G_N_ELEMENTS (kinds); kind++)
    {
      if (g_str_equal (kinds[kind].name, name))
        break;
    }
  g_assert (kind < G_N_ELEMENTS (kinds));   /* the quiz lets no other element through */

  type = kinds[kind].type;
  rapport_load_check_attributes (l, node, kinds[kind].attributes, kinds[kind].required);
  key = rapport_load_get_key (l, node, "key");
  if (type == RAPPORT_QUESTION_TRUEFALSE)
    answer = rapport_load_get_boolean (l, node, "answer", FALSE);
  else if (type != RAPPORT_QUESTION_ORDERING)
    fixed_order = rapport_load_get_boolean (l, node, "fixed-order", FALSE);

  question = rapport_question_new (type, key, fixed_order);
  matches = rapport_load_match_children (l, node, kinds[kind].particles, kinds[kind].n_particles);

  first_line = rapport_load_claim_key (l->question_keys, node, key);
  if (first_line != 0)
    rapport_load_semantic (l, node,
                           _("The question key “%s” is already used on line %u; each question "
                             "needs its own."),
                           rapport_load_quote (l, key), first_line);

  for (guint i = 0; i < matches->len; i++)
    {
      xmlNode *child = RAPPORT_MATCH (matches, i)->node;
      const char *child_name = (const char *) child->name;

      if (g_str_equal (child_name, "prompt"))
        {
          g_autoptr(RapportInline) prompt = rapport_load_parse_inline_element (l, child, "");

          rapport_question_set_prompt (question, prompt);
        }
      else if (g_str_equal (child_name, "explanation"))
        {
          g_autoptr(RapportInline) explanation = rapport_load_parse_inline_element (l, child, "");

          rapport_question_set_explanation (question, explanation);
        }
      else if (g_str_equal (child_name, "choice") || g_str_equal (child_name, "reply"))
        {
          g_autoptr(RapportChoice) choice = parse_choice (l, child, child_name[0] == 'r');

          rapport_question_add_choice (question, choice);
        }
      else if (g_str_equal (child_name, "step"))
        {
          g_autoptr(RapportInline) step = rapport_load_parse_inline_element (l, child, "");

          rapport_question_add_step (question, step);
        }
      else if (g_str_equal (child_name, "feedback-true"))
        {
          g_clear_pointer (&feedback_true, rapport_inline_unref);
          feedback_true = rapport_load_parse_inline_element (l, child, "");
        }
      else if (g_str_equal (child_name, "feedback-false"))
        {
          g_clear_pointer (&feedback_false, rapport_inline_unref);
          feedback_false = rapport_load_parse_inline_element (l, child, "");
        }
      else if (g_str_equal (child_name, "dialogue"))
        {
          g_autoptr(RapportDialogue) dialogue = rapport_load_parse_dialogue (l, child);

          rapport_question_set_dialogue (question, dialogue);
        }
    }

  if (type == RAPPORT_QUESTION_TRUEFALSE)
    rapport_question_set_truefalse (question, answer, feedback_true, feedback_false);

  if (type == RAPPORT_QUESTION_ORDERING && rapport_question_get_n_steps (question) == 1)
    rapport_load_semantic (l, node, _("An <ordering> question needs at least two steps."));

  check_choices (l, node, question);

  return question;
}

RapportQuiz *
rapport_load_parse_quiz (RapportLoad *l,
                         xmlNode     *node)
{
  static const RapportParticle particles[] = { { RAPPORT_LOAD_QUESTION_NAMES, 1, 0 } };
  g_autoptr(GArray) matches = NULL;
  RapportQuiz *quiz;
  guint pass_mark;
  guint draw;

  rapport_load_check_attributes (l, node, "pass-mark draw", "pass-mark");
  pass_mark = rapport_load_get_number (l, node, "pass-mark", 0, 100);
  draw = rapport_load_get_number (l, node, "draw", 1, G_MAXUINT);
  quiz = rapport_quiz_new (pass_mark, draw);

  matches = rapport_load_match_children (l, node, particles, G_N_ELEMENTS (particles));
  for (guint i = 0; i < matches->len; i++)
    {
      g_autoptr(RapportQuestion) question = parse_question (l, RAPPORT_MATCH (matches, i)->node);

      rapport_quiz_add_question (quiz, question);
    }

  if (draw > matches->len && matches->len > 0)
    rapport_load_semantic (l, node,
                           ngettext ("The quiz draws %u questions but has only %u question; "
                                     "lower draw or add questions.",
                                     "The quiz draws %u questions but has only %u questions; "
                                     "lower draw or add questions.",
                                     matches->len),
                           draw, matches->len);

  return quiz;
}
