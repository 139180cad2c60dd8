/* rapport-quiz-answer.c: one answer and what it earns: whether it is valid,
 * its points and feedback, the JSON the store keeps; and what a session's
 * answers add up to.  See the top of rapport-quiz-session.h for the rules.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "rapport-quiz-session-private.h"

/* One answer */

void
rapport_quiz_answer_result_free (RapportQuizAnswerResult *result)
{
  g_clear_pointer (&result->answer, g_array_unref);
  g_clear_pointer (&result->right, g_array_unref);
  g_clear_pointer (&result->feedback, g_ptr_array_unref);
  g_clear_pointer (&result->explanation, rapport_inline_unref);
  g_clear_pointer (&result->text, g_free);
  g_free (result);
}

gboolean
rapport_quiz_answer_is_valid (RapportQuestion *question,
                              const guint     *answer,
                              guint            n_answer)
{
  RapportQuestionType type = rapport_question_get_question_type (question);
  g_autofree gboolean *seen = NULL;
  guint n_options;

  if (n_answer > 0 && answer == NULL)
    return FALSE;

  switch (type)
    {
    case RAPPORT_QUESTION_TRUEFALSE:
      return n_answer == 1 && answer[0] <= RAPPORT_QUIZ_FALSE;

    case RAPPORT_QUESTION_SINGLE:
    case RAPPORT_QUESTION_SCENARIO:
      return n_answer == 1 && answer[0] < rapport_question_get_n_choices (question);

    case RAPPORT_QUESTION_ORDERING:
      n_options = rapport_question_get_n_steps (question);
      if (n_answer != n_options)
        return FALSE;
      break;

    case RAPPORT_QUESTION_MATCHING:
      /* An option may match two left items: no check for repeats. */
      if (n_answer != rapport_question_get_n_pairs (question))
        return FALSE;
      for (guint i = 0; i < n_answer; i++)
        if (answer[i] >= rapport_question_get_n_options (question))
          return FALSE;
      return TRUE;

    case RAPPORT_QUESTION_SHORT:
    case RAPPORT_QUESTION_NUMERIC:
      return FALSE;   /* typed: rapport_quiz_session_answer_text() */

    case RAPPORT_QUESTION_MULTIPLE:
    default:
      n_options = rapport_question_get_n_choices (question);
      break;
    }

  /* A set (multiple) or a permutation (ordering): no repeats, in range. */
  seen = g_new0 (gboolean, n_options);
  for (guint i = 0; i < n_answer; i++)
    {
      if (answer[i] >= n_options || seen[answer[i]])
        return FALSE;
      seen[answer[i]] = TRUE;
    }

  return TRUE;
}

/**
 * rapport_quiz_text_answer_is_valid:
 * @question: a short-answer or numeric question
 * @text: (nullable): what the learner typed
 *
 * Returns: whether @text can be scored: at most RAPPORT_TYPED_MAX_LENGTH
 *   characters of UTF-8 and, for words, something left to compare once
 *   spaces and punctuation are left out; for a number, one that
 *   rapport_parse_typed_number() reads
 */
gboolean
rapport_quiz_text_answer_is_valid (RapportQuestion *question,
                                   const char      *text)
{
  RapportQuestionType type;
  g_autofree char *normal = NULL;
  double number;

  g_return_val_if_fail (RAPPORT_IS_QUESTION (question), FALSE);

  type = rapport_question_get_question_type (question);
  if (text == NULL || (type != RAPPORT_QUESTION_SHORT && type != RAPPORT_QUESTION_NUMERIC) ||
      !g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > RAPPORT_TYPED_MAX_LENGTH)
    return FALSE;

  if (type == RAPPORT_QUESTION_NUMERIC)
    return rapport_parse_typed_number (text, &number);

  normal = rapport_typed_normalize (text, rapport_question_get_case_sensitive (question));

  return normal[0] != '\0';
}

static void
add_feedback (RapportQuizAnswerResult *result,
              RapportInline           *feedback)
{
  if (feedback != NULL)
    g_ptr_array_add (result->feedback, rapport_inline_ref (feedback));
}

static gboolean
array_contains (GArray *values,
                guint   value)
{
  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, guint, i) == value)
      return TRUE;

  return FALSE;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The right answer to @question, in the form of an answer (see the top of
 * rapport-quiz-session.h): what the results show beside the learner's.
 */
static GArray *
right_answer (RapportQuestion *question)
{
  GArray *right = g_array_new (FALSE, FALSE, sizeof (guint));
  guint value;

  switch (rapport_question_get_question_type (question))
    {
    case RAPPORT_QUESTION_TRUEFALSE:
      value = rapport_question_get_answer (question) ? RAPPORT_QUIZ_TRUE : RAPPORT_QUIZ_FALSE;
      g_array_append_val (right, value);
      break;

    case RAPPORT_QUESTION_ORDERING:
      for (value = 0; value < rapport_question_get_n_steps (question); value++)
        g_array_append_val (right, value);
      break;

    case RAPPORT_QUESTION_SCENARIO:
      for (value = 0; value < rapport_question_get_n_choices (question); value++)
        if (rapport_choice_get_score (rapport_question_get_choice (question, value))
            >= RAPPORT_QUIZ_SCENARIO_BEST)
          g_array_append_val (right, value);
      break;

    case RAPPORT_QUESTION_MATCHING:
      for (guint pair = 0; pair < rapport_question_get_n_pairs (question); pair++)
        {
          value = rapport_question_get_pair_option (question, pair);
          g_array_append_val (right, value);
        }
      break;

    case RAPPORT_QUESTION_SHORT:
    case RAPPORT_QUESTION_NUMERIC:
      for (value = 0; value < rapport_question_get_n_accepts (question); value++)
        g_array_append_val (right, value);
      break;

    case RAPPORT_QUESTION_SINGLE:
    case RAPPORT_QUESTION_MULTIPLE:
    default:
      for (value = 0; value < rapport_question_get_n_choices (question); value++)
        if (rapport_choice_get_correct (rapport_question_get_choice (question, value)))
          g_array_append_val (right, value);
      break;
    }

  return right;
}

static RapportQuizAnswerResult *
result_new (RapportQuestion *question,
            const guint     *answer,
            guint            n_answer)
{
  RapportQuizAnswerResult *result = g_new0 (RapportQuizAnswerResult, 1);

  result->answer = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_answer);
  g_array_append_vals (result->answer, answer, n_answer);
  result->right = right_answer (question);
  /* Every question is worth one point; see the top of rapport-quiz-session.h. */
  result->points_possible = 1;
  result->feedback = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_inline_unref);
  if (rapport_question_get_explanation (question) != NULL)
    result->explanation = rapport_inline_ref (rapport_question_get_explanation (question));

  return result;
}

/* What @answer, already checked, earns; @presented is the order the choices
 * were shown in, which is the order of their feedback.
 */
RapportQuizAnswerResult *
rapport_quiz_answer_score (RapportQuestion *question,
                           GArray          *presented,
                           const guint     *answer,
                           guint            n_answer)
{
  RapportQuizAnswerResult *result = result_new (question, answer, n_answer);
  RapportChoice *choice;
  guint right = 0;
  guint wrong = 0;
  guint n_correct = 0;

  switch (rapport_question_get_question_type (question))
    {
    case RAPPORT_QUESTION_SINGLE:
      choice = rapport_question_get_choice (question, answer[0]);
      result->points = rapport_choice_get_correct (choice) ? 1 : 0;
      add_feedback (result, rapport_choice_get_feedback (choice));
      break;

    case RAPPORT_QUESTION_TRUEFALSE:
      result->points = (answer[0] == RAPPORT_QUIZ_TRUE) == !!rapport_question_get_answer (question)
                       ? 1 : 0;
      add_feedback (result, answer[0] == RAPPORT_QUIZ_TRUE
                            ? rapport_question_get_feedback_true (question)
                            : rapport_question_get_feedback_false (question));
      break;

    case RAPPORT_QUESTION_SCENARIO:
      choice = rapport_question_get_choice (question, answer[0]);
      result->points = (double) MIN (rapport_choice_get_score (choice), RAPPORT_QUIZ_SCENARIO_BEST)
                       / RAPPORT_QUIZ_SCENARIO_BEST;
      add_feedback (result, rapport_choice_get_feedback (choice));
      break;

    case RAPPORT_QUESTION_MULTIPLE:
      g_array_sort (result->answer, compare_uint);
      for (guint i = 0; i < rapport_question_get_n_choices (question); i++)
        if (rapport_choice_get_correct (rapport_question_get_choice (question, i)))
          n_correct++;
      for (guint i = 0; i < n_answer; i++)
        {
          if (rapport_choice_get_correct (rapport_question_get_choice (question, answer[i])))
            right++;
          else
            wrong++;
        }
      /* The loader refuses a question without a correct choice; should one
       * come anyway, choosing nothing is the right answer.
       */
      if (n_correct == 0)
        result->points = wrong == 0 ? 1 : 0;
      else if (right > wrong)
        result->points = (double) (right - wrong) / n_correct;
      else
        result->points = 0;
      for (guint i = 0; i < presented->len; i++)
        {
          guint index = g_array_index (presented, guint, i);

          if (array_contains (result->answer, index))
            add_feedback (result,
                          rapport_choice_get_feedback (rapport_question_get_choice (question,
                                                                                    index)));
        }
      break;

    case RAPPORT_QUESTION_MATCHING:
      for (guint i = 0; i < n_answer; i++)
        if (answer[i] == rapport_question_get_pair_option (question, i))
          right++;
      /* The loader refuses a matching question without two pairs. */
      result->points = n_answer > 0 ? (double) right / n_answer : 1;
      break;

    case RAPPORT_QUESTION_ORDERING:
    default:
      for (guint i = 0; i < n_answer; i++)
        if (answer[i] == i)
          right++;
      /* The loader refuses an ordering question without steps. */
      result->points = n_answer > 0 ? (double) right / n_answer : 1;
      break;
    }

  result->correct = result->points >= result->points_possible;

  return result;
}

/* What typed @text, already checked, earns: the whole point when it
 * matches an accepted answer, with that one's feedback.
 */
RapportQuizAnswerResult *
rapport_quiz_answer_score_text (RapportQuestion *question,
                                const char      *text)
{
  RapportQuizAnswerResult *result = result_new (question, NULL, 0);
  RapportInline *feedback;
  int accepted;

  result->text = g_strstrip (g_strdup (text));

  if (rapport_question_get_question_type (question) == RAPPORT_QUESTION_NUMERIC)
    {
      if (!rapport_parse_typed_number (text, &result->value))
        g_assert_not_reached ();   /* checked by the caller */
      accepted = rapport_question_match_number (question, result->value);
    }
  else
    accepted = rapport_question_match_text (question, text);

  if (accepted >= 0)
    {
      guint index = (guint) accepted;

      g_array_append_val (result->answer, index);
      feedback = rapport_accept_get_feedback (rapport_question_get_accept (question, index));
    }
  else
    feedback = rapport_question_get_feedback_other (question);

  add_feedback (result, feedback);
  result->points = accepted >= 0 ? 1 : 0;
  result->correct = accepted >= 0;

  return result;
}

/* The answer as the store keeps it */

static void
add_indices (JsonBuilder *builder,
             GArray      *values)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < values->len; i++)
    json_builder_add_int_value (builder, g_array_index (values, guint, i));
  json_builder_end_array (builder);
}

/* Returns: (transfer full) (nullable): the answer as the store keeps it
 * (compact JSON); NULL while the question has no answer
 */
char *
rapport_quiz_session_get_answer_json (RapportQuizSession *self,
                                      guint               position)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  const RapportQuizAnswerResult *result;
  RapportQuestion *question;
  GArray *answer;

  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), NULL);
  g_return_val_if_fail (position < rapport_quiz_session_get_n_questions (self), NULL);

  result = rapport_quiz_session_get_result (self, position);
  if (result == NULL)
    return NULL;

  question = rapport_quiz_session_get_question (self, position);
  answer = result->answer;
  builder = json_builder_new ();
  json_builder_begin_object (builder);

  switch (rapport_question_get_question_type (question))
    {
    case RAPPORT_QUESTION_SINGLE:
    case RAPPORT_QUESTION_SCENARIO:
      json_builder_set_member_name (builder, "choice");
      json_builder_add_int_value (builder, g_array_index (answer, guint, 0));
      break;

    case RAPPORT_QUESTION_TRUEFALSE:
      json_builder_set_member_name (builder, "answer");
      json_builder_add_boolean_value (builder,
                                      g_array_index (answer, guint, 0) == RAPPORT_QUIZ_TRUE);
      break;

    case RAPPORT_QUESTION_MULTIPLE:
      json_builder_set_member_name (builder, "choices");
      add_indices (builder, answer);
      break;

    case RAPPORT_QUESTION_MATCHING:
      json_builder_set_member_name (builder, "matches");
      add_indices (builder, answer);
      break;

    case RAPPORT_QUESTION_SHORT:
    case RAPPORT_QUESTION_NUMERIC:
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, result->text);
      if (rapport_question_get_question_type (question) == RAPPORT_QUESTION_NUMERIC)
        {
          json_builder_set_member_name (builder, "value");
          json_builder_add_double_value (builder, result->value);
        }
      if (answer->len > 0)
        {
          json_builder_set_member_name (builder, "accepted");
          json_builder_add_int_value (builder, g_array_index (answer, guint, 0));
        }
      break;

    case RAPPORT_QUESTION_ORDERING:
    default:
      json_builder_set_member_name (builder, "order");
      add_indices (builder, answer);
      break;
    }

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, FALSE);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/* The score */

/* The points earned and the points possible over the questions answered so
 * far, each summed in the order asked.
 */
static void
sum_points (RapportQuizSession *self,
            double             *points,
            double             *possible)
{
  *points = 0;
  *possible = 0;

  for (guint i = 0; i < rapport_quiz_session_get_n_questions (self); i++)
    {
      const RapportQuizAnswerResult *result = rapport_quiz_session_get_result (self, i);

      if (result != NULL)
        {
          *points += result->points;
          *possible += result->points_possible;
        }
    }
}

/* The sum over the questions answered so far. */
double
rapport_quiz_session_get_points (RapportQuizSession *self)
{
  double points, possible;

  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), 0);

  sum_points (self, &points, &possible);

  return points;
}

double
rapport_quiz_session_get_points_possible (RapportQuizSession *self)
{
  double points, possible;

  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), 0);

  sum_points (self, &points, &possible);

  return possible;
}

/* Percent, 0..100, of the questions answered so far; 0 before any answer. */
double
rapport_quiz_session_get_score (RapportQuizSession *self)
{
  double points, possible;

  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), 0);

  sum_points (self, &points, &possible);
  if (possible <= 0)
    return 0;

  return CLAMP (points * 100 / possible, 0, 100);
}

/* Whether a finished session reached the pass mark; never for a session in
 * progress or abandoned.
 */
gboolean
rapport_quiz_session_get_passed (RapportQuizSession *self)
{
  double points, possible;

  g_return_val_if_fail (RAPPORT_IS_QUIZ_SESSION (self), FALSE);

  if (rapport_quiz_session_get_state (self) != RAPPORT_QUIZ_SESSION_FINISHED)
    return FALSE;

  sum_points (self, &points, &possible);
  if (possible <= 0)
    return FALSE;

  /* Compared as points, not as a rounded percentage, so that exactly the
   * pass mark passes however the partial credits added up.
   */
  return points * 100 >= rapport_quiz_session_get_pass_mark (self) * possible - 1e-9 * possible;
}
