/* rapport-topic-loader-questions.c: the walk over <quiz> and its questions,
 * with the checks a schema cannot make (one right answer, enough choices,
 * no more pairs or accepted answers than the bounds, words to accept).
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

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

/* Matching */

/* A <pair>: its left item and its right one, added to @question; @lefts
 * maps the left items seen so far to their lines.
 */
static void
parse_pair (RapportLoad     *l,
            xmlNode         *node,
            RapportQuestion *question,
            GHashTable      *lefts)
{
  static const RapportParticle particles[] = {
    { "left", 1, 1 },
    { "right", 1, 1 },
  };
  g_autoptr(GArray) matches = NULL;
  g_autoptr(RapportInline) left = NULL;
  g_autofree char *right = NULL;
  xmlNode *left_node = NULL;

  rapport_load_check_attributes (l, node, "", "");
  matches = rapport_load_match_children (l, node, particles, G_N_ELEMENTS (particles));
  for (guint i = 0; i < matches->len; i++)
    {
      RapportMatch *m = RAPPORT_MATCH (matches, i);

      if (m->particle == 0)
        {
          left_node = m->node;
          left = rapport_load_parse_inline_element (l, m->node, "");
        }
      else
        right = rapport_load_get_line_text (l, m->node);
    }

  /* A pair without both halves is reported already. */
  if (left == NULL || right == NULL)
    return;

  if (rapport_inline_get_text (left)[0] != '\0')
    {
      guint first_line = rapport_load_claim_key (lefts, left_node, rapport_inline_get_text (left));

      if (first_line != 0)
        rapport_load_semantic (l, left_node,
                               _("The left item “%s” is already used on line %u; each left item "
                                 "of a <matching> question needs its own words."),
                               rapport_load_quote (l, rapport_inline_get_text (left)), first_line);
    }

  rapport_question_add_pair (question, left, right);
}

/* An extra <right>, after the pairs: an item no left one matches. */
static void
parse_extra_right (RapportLoad     *l,
                   xmlNode         *node,
                   RapportQuestion *question)
{
  g_autofree char *right = rapport_load_get_line_text (l, node);

  if (right[0] == '\0')
    return;

  if (!rapport_question_add_option (question, right))
    rapport_load_semantic (l, node,
                           _("The extra <right> item “%s” is already a right item of this "
                             "question; remove it, or give it other words."),
                           rapport_load_quote (l, right));
}

static void
check_matching (RapportLoad     *l,
                xmlNode         *node,
                RapportQuestion *question,
                guint            n_extra)
{
  guint n_pairs = rapport_question_get_n_pairs (question);

  /* The schema says so too; the walk's own words name the number. */
  if (n_pairs == 1)
    rapport_load_structural (l, node,
                             _("A <matching> question needs at least two pairs; this one has "
                               "one."));

  if (n_pairs > RAPPORT_QUESTION_MAX_PAIRS)
    rapport_load_semantic (l, node,
                           _("A <matching> question can have at most %u pairs; this one has %u. "
                             "Split it into two questions."),
                           RAPPORT_QUESTION_MAX_PAIRS, n_pairs);

  if (n_extra > RAPPORT_QUESTION_MAX_EXTRA_RIGHTS)
    rapport_load_semantic (l, node,
                           _("A <matching> question can have at most %u extra <right> items; "
                             "this one has %u."),
                           RAPPORT_QUESTION_MAX_EXTRA_RIGHTS, n_extra);

  if (n_pairs >= 2 && rapport_question_get_n_options (question) < 2)
    rapport_load_semantic (l, node,
                           _("Every pair of this <matching> question has the same right item, so "
                             "there is nothing to choose; give at least two different right "
                             "items (an extra <right> counts)."));
}

/* Short answer and numeric */

/* A number attribute from @min to @max, written as XML Schema writes a
 * double ("12.5", "-3", "1e-4"); 0 when it is not one.
 */
static double
get_decimal (RapportLoad *l,
             xmlNode     *node,
             const char  *attribute,
             double       min,
             double       max)
{
  const char *value = rapport_load_get_attribute (l, node, attribute);
  double number;

  if (value == NULL)
    return 0;

  /* The schema's spelling alone: no white space around it (libxml2 holds
   * the pattern to the value as written), no other minus sign, no decimal
   * comma.
   */
  if (value[strspn (value, "0123456789+-.eE")] == '\0' &&
      (min < 0 || value[0] != '-') &&
      rapport_parse_number (value, NULL, NULL, &number) && number >= min && number <= max)
    return number;

  if (min < 0)
    rapport_load_structural (l, node,
                             _("%s must be a number from -1e15 to 1e15, such as 12.5 or -3 (with "
                               "a decimal point, not a comma), not “%s”."),
                             attribute, rapport_load_quote (l, value));
  else
    rapport_load_structural (l, node,
                             _("%s must be a number from 0 to 1e15, such as 0.5 (with a decimal "
                               "point, not a comma), not “%s”."),
                             attribute, rapport_load_quote (l, value));

  return 0;
}

/* An <accept> of a <short> (words) or a <numeric> question (a number). */
static RapportAccept *
parse_accept (RapportLoad *l,
              xmlNode     *node,
              gboolean     numeric,
              gboolean     case_sensitive)
{
  static const RapportParticle words_particles[] = {
    { "text", 1, 1 },
    { "feedback", 0, 1 },
  };
  static const RapportParticle number_particles[] = {
    { "feedback", 0, 1 },
  };
  g_autoptr(GArray) matches = NULL;
  g_autoptr(RapportInline) feedback = NULL;
  g_autofree char *text = NULL;
  RapportAccept *accept;

  if (numeric)
    {
      rapport_load_check_attributes (l, node, "value tolerance", "value");
      matches = rapport_load_match_children (l, node, number_particles,
                                             G_N_ELEMENTS (number_particles));
    }
  else
    {
      rapport_load_check_attributes (l, node, "", "");
      matches = rapport_load_match_children (l, node, words_particles,
                                             G_N_ELEMENTS (words_particles));
    }

  for (guint i = 0; i < matches->len; i++)
    {
      xmlNode *child = RAPPORT_MATCH (matches, i)->node;

      if (g_str_equal ((const char *) child->name, "text"))
        text = rapport_load_get_line_text (l, child);
      else
        feedback = rapport_load_parse_inline_element (l, child, "");
    }

  if (numeric)
    return rapport_accept_new_number (get_decimal (l, node, "value", -RAPPORT_QUESTION_MAX_NUMBER,
                                                   RAPPORT_QUESTION_MAX_NUMBER),
                                      get_decimal (l, node, "tolerance", 0,
                                                   RAPPORT_QUESTION_MAX_NUMBER),
                                      feedback);

  accept = rapport_accept_new_text (text != NULL ? text : "", case_sensitive, feedback);

  if (text != NULL && text[0] != '\0' && rapport_accept_matches_anything (accept))
    rapport_load_semantic (l, node,
                           _("This <accept> is only “*”, which would accept any answer. Write "
                             "the words to accept, and what to tell every other answer in "
                             "<feedback-other>."));
  else if (text != NULL && text[0] != '\0' && rapport_accept_is_empty (accept))
    rapport_load_semantic (l, node,
                           _("The accepted answer “%s” is only spaces and punctuation, which "
                             "Rapport ignores in an answer; write the words to accept."),
                           rapport_load_quote (l, text));

  return accept;
}

static void
check_accepts (RapportLoad     *l,
               xmlNode         *node,
               RapportQuestion *question)
{
  guint n_accepts = rapport_question_get_n_accepts (question);

  if (n_accepts > RAPPORT_QUESTION_MAX_ACCEPTS)
    rapport_load_semantic (l, node,
                           _("A <%s> question can have at most %u <accept> answers; this one "
                             "has %u."),
                           rapport_load_node_name (l, node), RAPPORT_QUESTION_MAX_ACCEPTS,
                           n_accepts);
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
  static const RapportParticle matching_particles[] = {
    { "prompt", 1, 1 },
    { "pair", 1, 0 },
    { "right", 0, 0 },
    { "explanation", 1, 1 },
  };
  static const RapportParticle typed_particles[] = {
    { "prompt", 1, 1 },
    { "accept", 1, 0 },
    { "feedback-other", 0, 1 },
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
    { "matching", RAPPORT_QUESTION_MATCHING, "key", "key",
      matching_particles, G_N_ELEMENTS (matching_particles) },
    { "short", RAPPORT_QUESTION_SHORT, "key case-sensitive", "key",
      typed_particles, G_N_ELEMENTS (typed_particles) },
    { "numeric", RAPPORT_QUESTION_NUMERIC, "key", "key",
      typed_particles, G_N_ELEMENTS (typed_particles) },
  };
  const char *name = (const char *) node->name;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(RapportInline) feedback_true = NULL;
  g_autoptr(RapportInline) feedback_false = NULL;
  g_autoptr(RapportInline) feedback_other = NULL;
  g_autoptr(GHashTable) lefts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  RapportQuestionType type;
  RapportQuestion *question;
  gboolean fixed_order = FALSE;
  gboolean answer = FALSE;
  gboolean case_sensitive = FALSE;
  guint n_extra = 0;
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
  else if (type == RAPPORT_QUESTION_SHORT)
    case_sensitive = rapport_load_get_boolean (l, node, "case-sensitive", FALSE);
  else if (type == RAPPORT_QUESTION_SINGLE || type == RAPPORT_QUESTION_MULTIPLE ||
           type == RAPPORT_QUESTION_SCENARIO)
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
      else if (g_str_equal (child_name, "pair"))
        parse_pair (l, child, question, lefts);
      else if (g_str_equal (child_name, "right"))
        {
          parse_extra_right (l, child, question);
          n_extra++;
        }
      else if (g_str_equal (child_name, "accept"))
        {
          g_autoptr(RapportAccept) accept = parse_accept (l, child, type == RAPPORT_QUESTION_NUMERIC,
                                                          case_sensitive);

          rapport_question_add_accept (question, accept);
        }
      else if (g_str_equal (child_name, "feedback-other"))
        {
          g_clear_pointer (&feedback_other, rapport_inline_unref);
          feedback_other = rapport_load_parse_inline_element (l, child, "");
        }
    }

  if (type == RAPPORT_QUESTION_TRUEFALSE)
    rapport_question_set_truefalse (question, answer, feedback_true, feedback_false);

  if (type == RAPPORT_QUESTION_ORDERING && rapport_question_get_n_steps (question) == 1)
    rapport_load_semantic (l, node, _("An <ordering> question needs at least two steps."));

  if (type == RAPPORT_QUESTION_MATCHING)
    check_matching (l, node, question, n_extra);

  if (type == RAPPORT_QUESTION_SHORT || type == RAPPORT_QUESTION_NUMERIC)
    {
      rapport_question_set_typed (question, case_sensitive, feedback_other);
      check_accepts (l, node, question);
    }

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
