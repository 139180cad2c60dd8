/* test-quiz-engine.c: drawing, shuffling and scoring a quiz, and storing the attempt.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <gio/gio.h>

#include "rapport-quiz-session.h"
#include "rapport-store.h"
#include "rapport-topic-loader.h"
#include "rapport-topic-private.h"
#include "rapport-unit-utils.h"

#define PACK_ID "org.example.quiz"
#define SEED 20260504

static RapportTopicLoader *loader;
static RapportTopic *kinds;   /* every question type; no draw */
static RapportTopic *bank;    /* draws 10 one-point questions of 14; pass mark 70 */

/* Helpers */

static const char *
key_at (RapportQuizSession *session,
        guint               position)
{
  return rapport_question_get_key (rapport_quiz_session_get_question (session, position));
}

static const guint *
presented (RapportQuizSession *session,
           const char         *key,
           guint              *n_choices)
{
  return rapport_quiz_session_get_presented_choices (session, rapport_unit_position_of (session, key),
                                                     n_choices);
}

static const RapportQuizAnswerResult *
answer_key (RapportQuizSession *session,
            const char         *key,
            const guint        *answer,
            guint               n_answer)
{
  const RapportQuizAnswerResult *result;

  result = rapport_quiz_session_answer (session, rapport_unit_position_of (session, key), answer, n_answer);
  g_assert_nonnull (result);

  return result;
}

/* Answers a fresh session's question @key with @answer. */
static RapportQuizSession *
answer_one (const char                     *key,
            const guint                    *answer,
            guint                           n_answer,
            const RapportQuizAnswerResult **result)
{
  RapportQuizSession *session = rapport_quiz_session_new (kinds, NULL, SEED);

  *result = answer_key (session, key, answer, n_answer);

  return session;
}

/* Fills @answer with an answer worth nothing and returns its length: as
 * rapport_unit_make_answer() answers wrongly, but no choice at all for a
 * multiple choice, and a scenario's choice without a single point.
 */
static guint
wrong_answer (RapportQuestion *question,
              guint           *answer)
{
  guint n = 0;

  switch (rapport_question_get_question_type (question))
    {
    case RAPPORT_QUESTION_MULTIPLE:
      break;

    case RAPPORT_QUESTION_SCENARIO:
      for (guint i = 0; i < rapport_question_get_n_choices (question) && n == 0; i++)
        if (rapport_choice_get_score (rapport_question_get_choice (question, i)) == 0)
          answer[n++] = i;
      break;

    case RAPPORT_QUESTION_TRUEFALSE:
    case RAPPORT_QUESTION_ORDERING:
    case RAPPORT_QUESTION_SINGLE:
    default:
      n = rapport_unit_make_answer (question, FALSE, answer);
      break;
    }

  return n;
}

static const RapportQuizAnswerResult *
answer_at (RapportQuizSession *session,
           guint               position,
           gboolean            right)
{
  RapportQuestion *question = rapport_quiz_session_get_question (session, position);
  guint answer[16];
  guint n = right ? rapport_unit_make_answer (question, TRUE, answer)
                : wrong_answer (question, answer);

  return rapport_quiz_session_answer (session, position, answer, n);
}

static void
assert_feedback (const RapportQuizAnswerResult *result,
                 const char * const            *expected)
{
  guint n = expected != NULL ? g_strv_length ((char **) expected) : 0;

  g_assert_cmpuint (result->feedback->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (rapport_inline_get_text (g_ptr_array_index (result->feedback, i)), ==,
                     expected[i]);
}

static char *
session_signature (RapportQuizSession *session)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rapport_quiz_session_get_n_questions (session); i++)
    {
      const guint *order;
      guint n;

      order = rapport_quiz_session_get_presented_choices (session, i, &n);
      g_string_append_printf (text, "%s:", key_at (session, i));
      for (guint j = 0; j < n; j++)
        g_string_append_printf (text, "%u,", order[j]);
      g_string_append_c (text, ' ');
    }

  return g_string_free (text, FALSE);
}

static gboolean
is_permutation (const guint *order,
                guint        n)
{
  g_autofree gboolean *seen = g_new0 (gboolean, n);

  for (guint i = 0; i < n; i++)
    {
      if (order[i] >= n || seen[order[i]])
        return FALSE;
      seen[order[i]] = TRUE;
    }

  return TRUE;
}

/* Scoring, type by type */

static void
test_quiz_single (void)
{
  const RapportQuizAnswerResult *result;

  {
    g_autoptr(RapportQuizSession) session = answer_one ("q-single", (guint[]) { 2 }, 1, &result);

    g_assert_nonnull (session);

    g_assert_cmpfloat (result->points, ==, 1);
    g_assert_cmpfloat (result->points_possible, ==, 1);
    g_assert_true (result->correct);
    assert_feedback (result, (const char *[]) { "Warm and open.", NULL });
    g_assert_cmpstr (rapport_inline_get_text (result->explanation), ==,
                     "Open warmly and offer help.");
    g_assert_cmpuint (result->answer->len, ==, 1);
    g_assert_cmpuint (g_array_index (result->answer, guint, 0), ==, 2);
  }

  {
    g_autoptr(RapportQuizSession) session = answer_one ("q-single", (guint[]) { 1 }, 1, &result);

    g_assert_nonnull (session);

    g_assert_cmpfloat (result->points, ==, 0);
    g_assert_cmpfloat (result->points_possible, ==, 1);
    g_assert_false (result->correct);
    assert_feedback (result, (const char *[]) { "Hostile.", NULL });
    /* The explanation comes with every answer, right or wrong. */
    g_assert_cmpstr (rapport_inline_get_text (result->explanation), ==,
                     "Open warmly and offer help.");
  }

  {
    /* A wrong choice without feedback: nothing to show but the explanation. */
    g_autoptr(RapportQuizSession) session = answer_one ("q-single", (guint[]) { 3 }, 1, &result);

    g_assert_nonnull (session);

    g_assert_cmpfloat (result->points, ==, 0);
    g_assert_false (result->correct);
    assert_feedback (result, NULL);
    g_assert_nonnull (result->explanation);
  }
}

static void
test_quiz_truefalse (void)
{
  const RapportQuizAnswerResult *result;

  {
    g_autoptr(RapportQuizSession) session = NULL;

    session = answer_one ("q-true", (guint[]) { RAPPORT_QUIZ_TRUE }, 1, &result);

    g_assert_cmpfloat (result->points, ==, 1);
    g_assert_cmpfloat (result->points_possible, ==, 1);
    g_assert_true (result->correct);
    assert_feedback (result, (const char *[]) { "Right, it personalises the call.", NULL });
  }

  {
    g_autoptr(RapportQuizSession) session = NULL;

    session = answer_one ("q-true", (guint[]) { RAPPORT_QUIZ_FALSE }, 1, &result);

    g_assert_cmpfloat (result->points, ==, 0);
    g_assert_false (result->correct);
    assert_feedback (result, (const char *[]) { "It does help, used sparingly.", NULL });
  }

  {
    g_autoptr(RapportQuizSession) session = NULL;

    session = answer_one ("q-false", (guint[]) { RAPPORT_QUIZ_FALSE }, 1, &result);

    g_assert_cmpfloat (result->points, ==, 1);
    g_assert_true (result->correct);
    assert_feedback (result, NULL);
    g_assert_cmpstr (rapport_inline_get_text (result->explanation), ==,
                     "A short pause lets the customer finish.");
  }

  {
    g_autoptr(RapportQuizSession) session = NULL;

    session = answer_one ("q-false", (guint[]) { RAPPORT_QUIZ_TRUE }, 1, &result);

    g_assert_cmpfloat (result->points, ==, 0);
    g_assert_false (result->correct);
  }

  {
    /* Shown as true, then false, whatever the seed. */
    for (guint32 seed = 0; seed < 50; seed++)
      {
        g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (kinds, NULL, seed);
        const guint *order;
        guint n;

        order = presented (session, "q-true", &n);
        g_assert_cmpuint (n, ==, 2);
        g_assert_cmpuint (order[0], ==, RAPPORT_QUIZ_TRUE);
        g_assert_cmpuint (order[1], ==, RAPPORT_QUIZ_FALSE);
      }
  }
}

typedef struct
{
  const char *name;
  guint       answer[5];
  guint       n_answer;
  double      points;      /* out of 1 */
} MultipleCase;

/* q-multiple: choices 0, 1 and 3 are correct; 2 and 4 are not. */
static const MultipleCase multiple_cases[] = {
  { "all correct ones",            { 0, 1, 3 },       3, 1.0 },
  { "all correct, any order",      { 3, 0, 1 },       3, 1.0 },
  { "none",                        { 0 },             0, 0.0 },
  { "every choice",                { 0, 1, 2, 3, 4 }, 5, 1.0 / 3 },
  { "two of three right",          { 0, 1 },          2, 2.0 / 3 },
  { "one of three right",          { 3 },             1, 1.0 / 3 },
  { "all right and one wrong",     { 0, 1, 3, 2 },    4, 2.0 / 3 },
  { "one right, one wrong (tie)",  { 0, 2 },          2, 0.0 },
  { "two right, two wrong (tie)",  { 0, 1, 2, 4 },    4, 0.0 },
  { "more wrong than right",       { 0, 2, 4 },       3, 0.0 },
  { "only wrong ones",             { 2, 4 },          2, 0.0 },
  { "one wrong",                   { 4 },             1, 0.0 },
};

static void
test_quiz_multiple (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (multiple_cases); i++)
    {
      const MultipleCase *c = &multiple_cases[i];
      const RapportQuizAnswerResult *result;
      g_autoptr(RapportQuizSession) session = NULL;

      g_test_message ("multiple: %s", c->name);
      session = answer_one ("q-multiple", c->answer, c->n_answer, &result);

      g_assert_cmpfloat_with_epsilon (result->points, c->points, 1e-12);
      g_assert_cmpfloat (result->points, >=, 0);
      g_assert_cmpfloat (result->points_possible, ==, 1);
      g_assert_true (result->correct == (c->points == 1.0));
      g_assert_cmpuint (result->answer->len, ==, c->n_answer);

      /* The answer is kept as a set, ascending. */
      for (guint j = 1; j < result->answer->len; j++)
        g_assert_cmpuint (g_array_index (result->answer, guint, j - 1), <,
                          g_array_index (result->answer, guint, j));
    }
}

static void
test_quiz_multiple_feedback (void)
{
  g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (kinds, NULL, SEED);
  guint position = rapport_unit_position_of (session, "q-multiple");
  const RapportQuizAnswerResult *result;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  RapportQuestion *question = rapport_quiz_session_get_question (session, position);
  const guint *order;
  guint n;

  /* Every choice chosen: the feedback of each one that has some, in the
   * order the learner saw them.
   */
  order = rapport_quiz_session_get_presented_choices (session, position, &n);
  for (guint i = 0; i < n; i++)
    {
      RapportChoice *choice = rapport_question_get_choice (question, order[i]);
      RapportInline *feedback = rapport_choice_get_feedback (choice);

      if (feedback != NULL)
        g_ptr_array_add (expected, (gpointer) rapport_inline_get_text (feedback));
    }
  g_ptr_array_add (expected, NULL);
  g_assert_cmpuint (expected->len, ==, 5);

  result = rapport_quiz_session_answer (session, position, (guint[]) { 4, 3, 2, 1, 0 }, 5);
  assert_feedback (result, (const char * const *) expected->pdata);
}

static void
test_quiz_scenario (void)
{
  /* Worth one point like any question: the best reply all of it, an
   * acceptable one half.
   */
  static const struct { guint reply; double points; const char *feedback; } cases[] = {
    { 2, 1, "Acknowledges and acts." },
    { 0, 0.5, "Fine, but it ignores the frustration." },
    { 1, 0, "This escalates." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const RapportQuizAnswerResult *result;
      g_autoptr(RapportQuizSession) session = NULL;

      session = answer_one ("q-scenario", &cases[i].reply, 1, &result);

      g_assert_cmpfloat (result->points, ==, cases[i].points);
      g_assert_cmpfloat (result->points_possible, ==, 1);
      g_assert_true (result->correct == (cases[i].points == 1));
      assert_feedback (result, (const char *[]) { cases[i].feedback, NULL });
      g_assert_cmpstr (rapport_inline_get_text (result->explanation), ==,
                       "Acknowledge the effort, then act.");
    }
}

typedef struct
{
  const char *name;
  const char *key;
  guint       order[4];
  guint       n_steps;
  guint       in_place;   /* steps in their right position */
} OrderingCase;

static const OrderingCase ordering_cases[] = {
  { "right",                 "q-order", { 0, 1, 2, 3 }, 4, 4 },
  { "fully reversed",        "q-order", { 3, 2, 1, 0 }, 4, 0 },
  { "rotated",               "q-order", { 1, 2, 3, 0 }, 4, 0 },
  { "last two swapped",      "q-order", { 0, 1, 3, 2 }, 4, 2 },
  { "middle two swapped",    "q-order", { 0, 2, 1, 3 }, 4, 2 },
  { "three of four cycled",  "q-order", { 0, 2, 3, 1 }, 4, 1 },
  { "pair right",            "q-pair",  { 0, 1 },       2, 2 },
  { "pair reversed",         "q-pair",  { 1, 0 },       2, 0 },
};

static void
test_quiz_ordering (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (ordering_cases); i++)
    {
      const OrderingCase *c = &ordering_cases[i];
      const RapportQuizAnswerResult *result;
      g_autoptr(RapportQuizSession) session = NULL;

      g_test_message ("ordering: %s", c->name);
      session = answer_one (c->key, c->order, c->n_steps, &result);

      /* One point for the question, shared among its steps. */
      g_assert_cmpfloat_with_epsilon (result->points, (double) c->in_place / c->n_steps, 1e-12);
      g_assert_cmpfloat (result->points_possible, ==, 1);
      g_assert_true (result->correct == (c->in_place == c->n_steps));
      assert_feedback (result, NULL);
      g_assert_nonnull (result->explanation);
      for (guint j = 0; j < c->n_steps; j++)
        g_assert_cmpuint (g_array_index (result->answer, guint, j), ==, c->order[j]);
    }
}

/* Answers the programming error of a caller: refused, loudly, and not kept. */
static void
test_quiz_invalid_answers (void)
{
  g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (kinds, NULL, SEED);
  static const struct { const char *key; guint answer[5]; guint n_answer; } cases[] = {
    { "q-single",   { 4 },          1 },   /* out of range */
    { "q-single",   { 0, 2 },       2 },   /* two for one */
    { "q-single",   { 0 },          0 },   /* none */
    { "q-true",     { 2 },          1 },
    { "q-scenario", { 3 },          1 },
    { "q-multiple", { 0, 0 },       2 },   /* a repeat */
    { "q-multiple", { 5 },          1 },
    { "q-order",    { 0, 1, 2 },    3 },   /* a step missing */
    { "q-order",    { 0, 1, 1, 3 }, 4 },   /* a step twice */
    { "q-order",    { 0, 1, 2, 4 }, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_expect_message ("Rapport-quiz", G_LOG_LEVEL_CRITICAL, "*answer_is_valid*");
      g_assert_null (rapport_quiz_session_answer (session, rapport_unit_position_of (session, cases[i].key),
                                                  cases[i].answer, cases[i].n_answer));
      g_test_assert_expected_messages ();
    }

  g_assert_cmpuint (rapport_quiz_session_get_n_answered (session), ==, 0);

  /* One answer per question. */
  answer_key (session, "q-single", (guint[]) { 1 }, 1);
  g_test_expect_message ("Rapport-quiz", G_LOG_LEVEL_CRITICAL, "*result == NULL*");
  g_assert_null (rapport_quiz_session_answer (session, rapport_unit_position_of (session, "q-single"),
                                              (guint[]) { 2 }, 1));
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (rapport_quiz_session_get_points (session), ==, 0);
}

/* Drawing and shuffling */

static void
test_quiz_seed_deterministic (void)
{
  g_autoptr(GHashTable) signatures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint32 seed = 1; seed <= 10; seed++)
    {
      g_autoptr(RapportQuizSession) first = rapport_quiz_session_new (bank, NULL, seed);
      g_autoptr(RapportQuizSession) again = rapport_quiz_session_new (bank, NULL, seed);
      g_autoptr(RapportQuizSession) other = rapport_quiz_session_new (kinds, NULL, seed);
      g_autoptr(RapportQuizSession) other_again = rapport_quiz_session_new (kinds, NULL, seed);
      char *signature = session_signature (first);
      g_autofree char *signature_again = session_signature (again);
      g_autofree char *other_signature = session_signature (other);
      g_autofree char *other_signature_again = session_signature (other_again);

      g_assert_cmpuint (rapport_quiz_session_get_seed (first), ==, seed);
      g_assert_cmpstr (signature, ==, signature_again);
      g_assert_cmpstr (other_signature, ==, other_signature_again);

      /* Ten seeds, ten different quizzes. */
      g_assert_false (g_hash_table_contains (signatures, signature));
      g_hash_table_add (signatures, signature);
    }
}

static void
test_quiz_question_order_shuffled (void)
{
  g_autoptr(GHashTable) firsts = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_written_order = 0;

  /* No draw: every question, in an order that changes with the seed. */
  for (guint32 seed = 0; seed < 100; seed++)
    {
      g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (kinds, NULL, seed);
      GListModel *questions = rapport_quiz_get_questions (rapport_topic_get_quiz (kinds));
      gboolean written_order = TRUE;
      guint position;

      g_assert_cmpuint (rapport_quiz_session_get_n_questions (session), ==, 8);
      for (guint i = 0; i < 8; i++)
        {
          g_autoptr(RapportQuestion) question = g_list_model_get_item (questions, i);

          if (question != rapport_quiz_session_get_question (session, i))
            written_order = FALSE;
          position = rapport_unit_position_of (session, rapport_question_get_key (question));
          g_assert_true (rapport_quiz_session_get_question (session, position) == question);
        }
      n_written_order += written_order;
      g_hash_table_add (firsts, (gpointer) key_at (session, 0));
    }

  g_assert_cmpuint (n_written_order, <, 5);
  g_assert_cmpuint (g_hash_table_size (firsts), ==, 8);
}

static void
test_quiz_choices_shuffled (void)
{
  guint first_seen[4] = { 0 };

  for (guint32 seed = 0; seed < 200; seed++)
    {
      g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (kinds, NULL, seed);
      const char *keys[] = { "q-single", "q-multiple", "q-scenario" };
      const guint *order;
      guint n;

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          RapportQuestion *question;

          order = presented (session, keys[k], &n);
          question = rapport_quiz_session_get_question (session, rapport_unit_position_of (session, keys[k]));
          g_assert_cmpuint (n, ==, rapport_question_get_n_choices (question));
          g_assert_true (is_permutation (order, n));
        }

      order = presented (session, "q-single", &n);
      first_seen[order[0]]++;
    }

  /* Each of the four choices comes first about a quarter of the time. */
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (first_seen[i], >, 20);
}

static void
test_quiz_fixed_order (void)
{
  for (guint32 seed = 0; seed < 200; seed++)
    {
      g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (kinds, NULL, seed);
      const guint *order;
      guint n;

      order = presented (session, "q-fixed", &n);
      g_assert_cmpuint (n, ==, 4);
      for (guint i = 0; i < n; i++)
        g_assert_cmpuint (order[i], ==, i);
    }
}

static void
test_quiz_ordering_never_solved (void)
{
  guint first_seen[4] = { 0 };

  for (guint32 seed = 0; seed < 500; seed++)
    {
      g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (kinds, NULL, seed);
      const guint *order;
      guint n;

      order = presented (session, "q-order", &n);
      g_assert_cmpuint (n, ==, 4);
      g_assert_true (is_permutation (order, n));
      g_assert_false (order[0] == 0 && order[1] == 1 && order[2] == 2 && order[3] == 3);
      first_seen[order[0]]++;

      /* With two steps, the only other order. */
      order = presented (session, "q-pair", &n);
      g_assert_cmpuint (n, ==, 2);
      g_assert_cmpuint (order[0], ==, 1);
      g_assert_cmpuint (order[1], ==, 0);
    }

  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (first_seen[i], >, 50);
}

static void
test_quiz_draw (void)
{
  g_autoptr(GHashTable) ever = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (rapport_quiz_get_n_questions (rapport_topic_get_quiz (bank)), ==, 14);

  for (guint32 seed = 0; seed < 50; seed++)
    {
      g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (bank, NULL, seed);
      g_autoptr(GHashTable) drawn = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_cmpuint (rapport_quiz_session_get_n_questions (session), ==, 10);
      for (guint i = 0; i < 10; i++)
        {
          RapportQuestion *question = rapport_quiz_session_get_question (session, i);
          const char *key = rapport_question_get_key (question);
          RapportQuiz *quiz = rapport_topic_get_quiz (bank);

          /* Distinct questions from the bank. */
          g_assert_true (rapport_quiz_lookup_question (quiz, key) == question);
          g_assert_false (g_hash_table_contains (drawn, key));
          g_hash_table_add (drawn, (gpointer) key);
          g_hash_table_add (ever, (gpointer) key);
        }
    }

  /* Every question of the bank gets its turn. */
  g_assert_cmpuint (g_hash_table_size (ever), ==, 14);
}

/* The loader refuses a draw larger than the bank, but the engine must not
 * trust that: it asks the whole bank.
 */
static void
test_quiz_bank_smaller_than_draw (void)
{
  g_autoptr(RapportQuiz) quiz = rapport_quiz_new (70, 20);
  g_autoptr(RapportTopic) topic = rapport_topic_new ("small", "empathy", "emblem-ok-symbolic",
                                                     "en", "Small", "Small bank");
  g_autoptr(RapportQuizSession) session = NULL;
  GListModel *questions = rapport_quiz_get_questions (rapport_topic_get_quiz (kinds));

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RapportQuestion) question = g_list_model_get_item (questions, i);

      rapport_quiz_add_question (quiz, question);
    }
  rapport_topic_set_quiz (topic, quiz);

  session = rapport_quiz_session_new (topic, PACK_ID, SEED);
  g_assert_cmpuint (rapport_quiz_session_get_n_questions (session), ==, 3);
  g_assert_cmpstr (rapport_quiz_session_get_pack_id (session), ==, PACK_ID);

  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (answer_at (session, i, TRUE));
  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_FINISHED);
  g_assert_cmpfloat (rapport_quiz_session_get_score (session), ==, 100);
}

/* The score */

static RapportQuizSession *
bank_session_with (guint n_right)
{
  RapportQuizSession *session = rapport_quiz_session_new (bank, NULL, SEED);

  for (guint i = 0; i < 10; i++)
    g_assert_nonnull (answer_at (session, i, i < n_right));

  return session;
}

static void
test_quiz_pass_mark (void)
{
  g_autoptr(RapportQuizSession) at_mark = bank_session_with (7);
  g_autoptr(RapportQuizSession) below = bank_session_with (6);
  g_autoptr(RapportQuizSession) all = bank_session_with (10);
  g_autoptr(RapportQuizSession) none = bank_session_with (0);

  g_assert_cmpuint (rapport_quiz_session_get_pass_mark (at_mark), ==, 70);

  g_assert_cmpfloat (rapport_quiz_session_get_points (at_mark), ==, 7);
  g_assert_cmpfloat (rapport_quiz_session_get_points_possible (at_mark), ==, 10);
  g_assert_cmpfloat_with_epsilon (rapport_quiz_session_get_score (at_mark), 70, 1e-9);
  g_assert_true (rapport_quiz_session_get_passed (at_mark));

  g_assert_cmpfloat_with_epsilon (rapport_quiz_session_get_score (below), 60, 1e-9);
  g_assert_false (rapport_quiz_session_get_passed (below));

  g_assert_cmpfloat (rapport_quiz_session_get_score (all), ==, 100);
  g_assert_true (rapport_quiz_session_get_passed (all));

  g_assert_cmpfloat (rapport_quiz_session_get_score (none), ==, 0);
  g_assert_false (rapport_quiz_session_get_passed (none));
}

/* Mixed types and partial credit: the score weighs questions, each worth
 * one point however many steps or replies it has.
 */
static void
test_quiz_score_partial_credit (void)
{
  g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (kinds, NULL, SEED);

  answer_key (session, "q-single", (guint[]) { 2 }, 1);              /* 1 */
  answer_key (session, "q-fixed", (guint[]) { 0 }, 1);               /* 0 */
  answer_key (session, "q-multiple", (guint[]) { 0, 1 }, 2);         /* 2/3 */
  answer_key (session, "q-true", (guint[]) { RAPPORT_QUIZ_TRUE }, 1); /* 1 */
  answer_key (session, "q-false", (guint[]) { RAPPORT_QUIZ_TRUE }, 1); /* 0 */
  answer_key (session, "q-scenario", (guint[]) { 0 }, 1);            /* 1/2: acceptable */
  answer_key (session, "q-order", (guint[]) { 0, 1, 3, 2 }, 4);      /* 2 of 4 steps: 1/2 */
  g_assert_false (rapport_quiz_session_get_passed (session));        /* not finished */
  answer_key (session, "q-pair", (guint[]) { 0, 1 }, 2);             /* 1 */

  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_FINISHED);
  g_assert_cmpfloat_with_epsilon (rapport_quiz_session_get_points (session), 4 + 2.0 / 3, 1e-9);
  g_assert_cmpfloat (rapport_quiz_session_get_points_possible (session), ==, 8);
  g_assert_cmpfloat_with_epsilon (rapport_quiz_session_get_score (session),
                                  (4 + 2.0 / 3) * 100 / 8, 1e-9);
  g_assert_false (rapport_quiz_session_get_passed (session));   /* 58.33 % < 70 % */
}

/* The case a first week of use found: four one-point questions missed,
 * the scenario and the ordering questions right.  Weighed by points that
 * was 9 of 13 (69 %), the opposite misses 4 of 13 (31 %); weighed by
 * questions both are 4 of 8.
 */
static void
test_quiz_score_same_weight (void)
{
  static const char *first_missed[] = { "q-single", "q-fixed", "q-true", "q-false", NULL };
  static const char *then_missed[] = { "q-multiple", "q-scenario", "q-order", "q-pair", NULL };
  const char **missed[] = { first_missed, then_missed };

  for (guint m = 0; m < G_N_ELEMENTS (missed); m++)
    {
      g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (kinds, NULL, SEED);

      for (guint i = 0; i < rapport_quiz_session_get_n_questions (session); i++)
        {
          gboolean right = !g_strv_contains (missed[m], key_at (session, i));
          const RapportQuizAnswerResult *result = answer_at (session, i, right);

          g_assert_nonnull (result);
          g_assert_true (result->correct == right);
          g_assert_cmpfloat (result->points, ==, right ? 1 : 0);
          g_assert_cmpfloat (result->points_possible, ==, 1);
        }

      g_assert_cmpfloat (rapport_quiz_session_get_points (session), ==, 4);
      g_assert_cmpfloat (rapport_quiz_session_get_points_possible (session), ==, 8);
      g_assert_cmpfloat (rapport_quiz_session_get_score (session), ==, 50);
      g_assert_false (rapport_quiz_session_get_passed (session));
    }
}

/* Beside each answer, the right one, in the same form, whatever was answered. */
static void
test_quiz_right_answer (void)
{
  static const struct {
    const char *key;
    guint       wrong[4];
    guint       n_wrong;
    guint       right[4];
    guint       n_right;
  } cases[] = {
    { "q-single",   { 0 },          1, { 2 },                 1 },
    { "q-fixed",    { 1 },          1, { 3 },                 1 },
    { "q-multiple", { 2, 4 },       2, { 0, 1, 3 },           3 },
    { "q-true",     { RAPPORT_QUIZ_FALSE }, 1, { RAPPORT_QUIZ_TRUE }, 1 },
    { "q-false",    { RAPPORT_QUIZ_TRUE },  1, { RAPPORT_QUIZ_FALSE }, 1 },
    { "q-scenario", { 0 },          1, { 2 },                 1 },   /* the best reply */
    { "q-order",    { 3, 2, 1, 0 }, 4, { 0, 1, 2, 3 },        4 },
    { "q-pair",     { 1, 0 },       2, { 0, 1 },              2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (kinds, NULL, SEED);
      g_autoptr(RapportQuizSession) again = rapport_quiz_session_new (kinds, NULL, SEED);
      const RapportQuizAnswerResult *result;
      const RapportQuizAnswerResult *replayed;

      g_test_message ("right answer: %s", cases[i].key);
      result = answer_key (session, cases[i].key, cases[i].wrong, cases[i].n_wrong);
      g_assert_false (result->correct);
      g_assert_nonnull (result->right);
      g_assert_cmpuint (result->right->len, ==, cases[i].n_right);
      for (guint j = 0; j < cases[i].n_right; j++)
        g_assert_cmpuint (g_array_index (result->right, guint, j), ==, cases[i].right[j]);

      /* Given as the answer, the right answer earns full marks. */
      replayed = answer_key (again, cases[i].key, (const guint *) (gpointer) result->right->data,
                             result->right->len);
      g_assert_true (replayed->correct);
      g_assert_cmpuint (replayed->right->len, ==, cases[i].n_right);
    }
}

/* Progress, state and time */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_quiz_progress (void)
{
  g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (kinds, NULL, SEED);
  guint n = rapport_quiz_session_get_n_questions (session);
  guint state_notified = 0;
  guint position_notified = 0;
  GTimeSpan elapsed;

  g_signal_connect (session, "notify::state", G_CALLBACK (count_notify_cb), &state_notified);
  g_signal_connect (session, "notify::position", G_CALLBACK (count_notify_cb), &position_notified);

  g_assert_true (rapport_quiz_session_get_topic (session) == kinds);
  g_assert_cmpstr (rapport_quiz_session_get_pack_id (session), ==, PACK_ID);
  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_IN_PROGRESS);
  g_assert_nonnull (rapport_quiz_session_get_started (session));
  g_assert_null (rapport_quiz_session_get_finished (session));
  g_assert_cmpuint (rapport_quiz_session_get_position (session), ==, 0);

  for (guint i = 0; i < n; i++)
    {
      RapportQuestion *question = rapport_quiz_session_get_question (session, i);
      const RapportQuizAnswerResult *result;
      guint answer[16];
      guint n_answer = rapport_unit_make_answer (question, TRUE, answer);

      g_assert_cmpuint (rapport_quiz_session_get_position (session), ==, i);
      g_assert_null (rapport_quiz_session_get_result (session, i));
      result = rapport_quiz_session_answer_current (session, answer, n_answer);
      g_assert_nonnull (result);
      g_assert_true (rapport_quiz_session_get_result (session, i) == result);
      g_assert_cmpuint (rapport_quiz_session_get_n_answered (session), ==, i + 1);

      if (i + 1 < n)
        {
          g_assert_cmpint (rapport_quiz_session_get_state (session), ==,
                           RAPPORT_QUIZ_SESSION_IN_PROGRESS);
          g_assert_true (rapport_quiz_session_next (session));
        }
    }

  /* The last answer finishes the quiz; there is no next question. */
  g_assert_false (rapport_quiz_session_next (session));
  g_assert_cmpuint (rapport_quiz_session_get_position (session), ==, n - 1);
  g_assert_cmpuint (position_notified, ==, n - 1);
  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_FINISHED);
  g_assert_cmpuint (state_notified, ==, 1);
  g_assert_nonnull (rapport_quiz_session_get_finished (session));
  g_assert_cmpint (g_date_time_compare (rapport_quiz_session_get_started (session),
                                        rapport_quiz_session_get_finished (session)), <=, 0);
  g_assert_true (rapport_quiz_session_get_passed (session));

  /* The time taken stops with the last answer. */
  elapsed = rapport_quiz_session_get_elapsed (session);
  g_assert_cmpint (elapsed, >=, 0);
  g_usleep (20 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (rapport_quiz_session_get_elapsed (session), ==, elapsed);
}

static void
test_quiz_elapsed (void)
{
  g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (kinds, NULL, SEED);
  GTimeSpan elapsed;

  g_usleep (30 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (rapport_quiz_session_get_elapsed (session), >=, 30 * G_TIME_SPAN_MILLISECOND);

  rapport_quiz_session_abandon (session);
  elapsed = rapport_quiz_session_get_elapsed (session);
  g_assert_cmpint (elapsed, >=, 30 * G_TIME_SPAN_MILLISECOND);
  g_usleep (20 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (rapport_quiz_session_get_elapsed (session), ==, elapsed);
}

/* The store */

static void
test_quiz_store_attempt (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("progress.db");
  g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (kinds, NULL, SEED);
  g_autoptr(RapportStoreAttempt) attempt = NULL;
  g_autoptr(RapportStoreAttempt) stored = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *key;
    guint       answer[5];
    guint       n;
    const char *json;
    gboolean    correct;
  } answers[] = {
    { "q-single",   { 1 },          1, "{\"choice\":1}",          FALSE },
    { "q-fixed",    { 3 },          1, "{\"choice\":3}",          TRUE },
    { "q-multiple", { 3, 0 },       2, "{\"choices\":[0,3]}",     FALSE },
    { "q-true",     { 0 },          1, "{\"answer\":true}",       TRUE },
    { "q-false",    { 1 },          1, "{\"answer\":false}",      TRUE },
    { "q-scenario", { 2 },          1, "{\"choice\":2}",          TRUE },
    { "q-order",    { 1, 0, 2, 3 }, 4, "{\"order\":[1,0,2,3]}",   FALSE },
    { "q-pair",     { 0, 1 },       2, "{\"order\":[0,1]}",       TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    answer_key (session, answers[i].key, answers[i].answer, answers[i].n);

  /* 0 + 1 + 2/3 + 1 + 1 + 1 + 1/2 + 1 of 8 questions */
  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_FINISHED);
  g_assert_true (rapport_quiz_session_get_passed (session));

  attempt = rapport_quiz_session_to_store_attempt (session);
  g_assert_cmpstr (attempt->pack_id, ==, PACK_ID);
  g_assert_cmpstr (attempt->topic_key, ==, "kinds");
  g_assert_cmpstr (attempt->skill_key, ==, "communication");
  g_assert_true (g_date_time_equal (attempt->started, rapport_quiz_session_get_started (session)));
  g_assert_true (g_date_time_equal (attempt->finished,
                                    rapport_quiz_session_get_finished (session)));
  g_assert_cmpint (attempt->state, ==, RAPPORT_STORE_ATTEMPT_FINISHED);
  g_assert_cmpfloat_with_epsilon (attempt->score, (5 + 2.0 / 3 + 0.5) * 100 / 8, 1e-9);
  g_assert_true (attempt->passed);

  /* Every answer, in the order asked. */
  g_assert_cmpuint (attempt->answers->len, ==, 8);
  for (guint i = 0; i < attempt->answers->len; i++)
    {
      const RapportStoreAnswer *answer = g_ptr_array_index (attempt->answers, i);
      const RapportQuizAnswerResult *result = rapport_quiz_session_get_result (session, i);
      g_autofree char *json = rapport_quiz_session_get_answer_json (session, i);
      guint j;

      g_assert_cmpstr (answer->question_key, ==,
                       rapport_question_get_key (rapport_quiz_session_get_question (session, i)));
      for (j = 0; !g_str_equal (answers[j].key, answer->question_key); j++)
        ;
      g_assert_cmpstr (answer->answer, ==, answers[j].json);
      g_assert_cmpstr (json, ==, answers[j].json);
      g_assert_cmpfloat (answer->points, ==, result->points);
      g_assert_cmpfloat (answer->points_possible, ==, result->points_possible);
      g_assert_cmpfloat (answer->points_possible, ==, 1);
      g_assert_true (answer->correct == result->correct);
      g_assert_true (answer->correct == answers[j].correct);
    }

  g_assert_cmpint (rapport_quiz_session_get_attempt_id (session), ==, 0);
  g_assert_true (rapport_quiz_session_save (session, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_quiz_session_get_attempt_id (session), >, 0);

  /* Saving twice keeps one attempt. */
  g_assert_true (rapport_quiz_session_save (session, store, &error));
  g_assert_no_error (error);
  attempts = rapport_store_list_quiz_attempts (store, PACK_ID, "kinds", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attempts->len, ==, 1);

  stored = rapport_store_get_quiz_attempt (store, rapport_quiz_session_get_attempt_id (session),
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->state, ==, RAPPORT_STORE_ATTEMPT_FINISHED);
  g_assert_cmpfloat_with_epsilon (stored->score, attempt->score, 1e-9);
  g_assert_cmpuint (stored->answers->len, ==, 8);
  for (guint i = 0; i < stored->answers->len; i++)
    {
      const RapportStoreAnswer *a = g_ptr_array_index (attempt->answers, i);
      const RapportStoreAnswer *b = g_ptr_array_index (stored->answers, i);

      g_assert_cmpstr (a->question_key, ==, b->question_key);
      g_assert_cmpstr (a->answer, ==, b->answer);
      g_assert_cmpfloat_with_epsilon (a->points, b->points, 1e-12);
      g_assert_cmpfloat (a->points_possible, ==, b->points_possible);
      g_assert_true (a->correct == b->correct);
    }
}

static void
test_quiz_abandoned (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("progress.db");
  g_autoptr(RapportQuizSession) passed = bank_session_with (8);
  g_autoptr(RapportQuizSession) abandoned = rapport_quiz_session_new (bank, NULL, SEED + 1);
  g_autoptr(RapportStoreAttempt) attempt = NULL;
  g_autoptr(RapportStoreTopicSummary) summary = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_assert_true (rapport_quiz_session_save (passed, store, &error));
  g_assert_no_error (error);

  /* Three right answers, then the learner leaves: 100 % of what was answered. */
  for (guint i = 0; i < 3; i++)
    answer_at (abandoned, i, TRUE);
  g_signal_connect (abandoned, "notify::state", G_CALLBACK (count_notify_cb), &notified);
  rapport_quiz_session_abandon (abandoned);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (rapport_quiz_session_get_state (abandoned), ==, RAPPORT_QUIZ_SESSION_ABANDONED);
  g_assert_nonnull (rapport_quiz_session_get_finished (abandoned));
  g_assert_false (rapport_quiz_session_get_passed (abandoned));

  /* No more answers once abandoned. */
  g_test_expect_message ("Rapport-quiz", G_LOG_LEVEL_CRITICAL, "*IN_PROGRESS*");
  g_assert_null (answer_at (abandoned, 3, TRUE));
  g_test_assert_expected_messages ();

  attempt = rapport_quiz_session_to_store_attempt (abandoned);
  g_assert_cmpint (attempt->state, ==, RAPPORT_STORE_ATTEMPT_ABANDONED);
  g_assert_false (attempt->passed);
  g_assert_cmpuint (attempt->answers->len, ==, 3);

  g_assert_true (rapport_quiz_session_save (abandoned, store, &error));
  g_assert_no_error (error);

  attempts = rapport_store_list_quiz_attempts (store, PACK_ID, "bank", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attempts->len, ==, 2);

  /* The card counts the finished attempt only: best and last stay at 80 %. */
  summary = rapport_store_get_topic_summary (store, PACK_ID, "bank", "empathy", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_attempts, ==, 1);
  g_assert_cmpfloat_with_epsilon (summary->best_score, 80, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary->last_score, 80, 1e-9);
  g_assert_true (summary->last_passed);

  /* So does the skill chart. */
  points = rapport_store_get_skill_points (store, "empathy", RAPPORT_STORE_SERIES_QUIZ_SCORE,
                                           NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 1);
  g_assert_cmpint (((RapportStorePoint *) g_ptr_array_index (points, 0))->attempt_id, ==,
                   rapport_quiz_session_get_attempt_id (passed));
}

static void
test_quiz_abandoned_only (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("progress.db");
  g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (kinds, NULL, SEED);
  g_autoptr(RapportStoreTopicSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  /* Abandoned before any answer. */
  rapport_quiz_session_abandon (session);
  g_assert_cmpfloat (rapport_quiz_session_get_score (session), ==, 0);
  g_assert_true (rapport_quiz_session_save (session, store, &error));
  g_assert_no_error (error);

  summary = rapport_store_get_topic_summary (store, PACK_ID, "kinds", "communication", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_attempts, ==, 0);
  g_assert_cmpfloat (summary->best_score, ==, -1);
  g_assert_cmpfloat (summary->last_score, ==, -1);
  g_assert_null (summary->last_attempt);
}

/* Attempts stored under the old weighing keep their score, and their
 * answers' points, as they were; a new attempt has the new score beside them.
 */
static void
test_quiz_old_attempt (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("progress.db");
  g_autoptr(RapportStoreAttempt) old = rapport_store_attempt_new (PACK_ID, "kinds", "communication");
  g_autoptr(RapportStoreAttempt) read = NULL;
  g_autoptr(RapportStoreTopicSummary) summary = NULL;
  g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (kinds, NULL, SEED);
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *key;
    guint       answer[4];
    guint       n;
    const char *json;
    double      old_points;
    double      old_possible;
  } answers[] = {
    { "q-single",   { 0 },          1, "{\"choice\":0}",        0, 1 },
    { "q-fixed",    { 0 },          1, "{\"choice\":0}",        0, 1 },
    { "q-multiple", { 0, 1, 3 },    3, "{\"choices\":[0,1,3]}", 1, 1 },
    { "q-true",     { 1 },          1, "{\"answer\":false}",    0, 1 },
    { "q-false",    { 0 },          1, "{\"answer\":true}",     0, 1 },
    { "q-scenario", { 2 },          1, "{\"choice\":2}",        2, 2 },
    { "q-order",    { 0, 1, 2, 3 }, 4, "{\"order\":[0,1,2,3]}", 4, 4 },
    { "q-pair",     { 0, 1 },       2, "{\"order\":[0,1]}",     2, 2 },
  };

  old->started = g_date_time_new_utc (2026, 4, 1, 9, 0, 0);
  old->finished = g_date_time_new_utc (2026, 4, 1, 9, 10, 0);
  old->state = RAPPORT_STORE_ATTEMPT_FINISHED;
  old->score = 9 * 100.0 / 13;
  old->passed = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      rapport_store_attempt_add_answer (old, answers[i].key, answers[i].json,
                                        answers[i].old_points, answers[i].old_possible,
                                        answers[i].old_points == answers[i].old_possible);
      answer_key (session, answers[i].key, answers[i].answer, answers[i].n);
    }
  g_assert_true (rapport_store_add_quiz_attempt (store, old, &error));
  g_assert_no_error (error);

  /* The same answers today: 4 of 8 questions. */
  g_assert_cmpfloat (rapport_quiz_session_get_score (session), ==, 50);
  g_assert_true (rapport_quiz_session_save (session, store, &error));
  g_assert_no_error (error);

  read = rapport_store_get_quiz_attempt (store, old->id, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (read->score, 9 * 100.0 / 13, 1e-9);
  g_assert_cmpuint (read->answers->len, ==, G_N_ELEMENTS (answers));
  for (guint i = 0; i < read->answers->len; i++)
    {
      const RapportStoreAnswer *answer = g_ptr_array_index (read->answers, i);

      g_assert_cmpstr (answer->question_key, ==, answers[i].key);
      g_assert_cmpfloat (answer->points, ==, answers[i].old_points);
      g_assert_cmpfloat (answer->points_possible, ==, answers[i].old_possible);
    }

  summary = rapport_store_get_topic_summary (store, PACK_ID, "kinds", "communication", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_attempts, ==, 2);
  g_assert_cmpfloat_with_epsilon (summary->best_score, 9 * 100.0 / 13, 1e-9);
  g_assert_cmpfloat (summary->last_score, ==, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  loader = rapport_unit_new_loader ();
  kinds = rapport_unit_load_topic (loader, "quiz", "kinds.xml", PACK_ID);
  bank = rapport_unit_load_topic (loader, "quiz", "bank.xml", PACK_ID);

  g_test_add_func ("/rapport/quiz-engine/single", test_quiz_single);
  g_test_add_func ("/rapport/quiz-engine/truefalse", test_quiz_truefalse);
  g_test_add_func ("/rapport/quiz-engine/multiple", test_quiz_multiple);
  g_test_add_func ("/rapport/quiz-engine/multiple-feedback", test_quiz_multiple_feedback);
  g_test_add_func ("/rapport/quiz-engine/scenario", test_quiz_scenario);
  g_test_add_func ("/rapport/quiz-engine/ordering", test_quiz_ordering);
  g_test_add_func ("/rapport/quiz-engine/invalid-answers", test_quiz_invalid_answers);
  g_test_add_func ("/rapport/quiz-engine/seed-deterministic", test_quiz_seed_deterministic);
  g_test_add_func ("/rapport/quiz-engine/question-order-shuffled",
                   test_quiz_question_order_shuffled);
  g_test_add_func ("/rapport/quiz-engine/choices-shuffled", test_quiz_choices_shuffled);
  g_test_add_func ("/rapport/quiz-engine/fixed-order", test_quiz_fixed_order);
  g_test_add_func ("/rapport/quiz-engine/ordering-never-solved", test_quiz_ordering_never_solved);
  g_test_add_func ("/rapport/quiz-engine/draw", test_quiz_draw);
  g_test_add_func ("/rapport/quiz-engine/bank-smaller-than-draw", test_quiz_bank_smaller_than_draw);
  g_test_add_func ("/rapport/quiz-engine/pass-mark", test_quiz_pass_mark);
  g_test_add_func ("/rapport/quiz-engine/score-partial-credit", test_quiz_score_partial_credit);
  g_test_add_func ("/rapport/quiz-engine/score-same-weight", test_quiz_score_same_weight);
  g_test_add_func ("/rapport/quiz-engine/right-answer", test_quiz_right_answer);
  g_test_add_func ("/rapport/quiz-engine/old-attempt", test_quiz_old_attempt);
  g_test_add_func ("/rapport/quiz-engine/progress", test_quiz_progress);
  g_test_add_func ("/rapport/quiz-engine/elapsed", test_quiz_elapsed);
  g_test_add_func ("/rapport/quiz-engine/store-attempt", test_quiz_store_attempt);
  g_test_add_func ("/rapport/quiz-engine/abandoned", test_quiz_abandoned);
  g_test_add_func ("/rapport/quiz-engine/abandoned-only", test_quiz_abandoned_only);

  return rapport_unit_run (bank, kinds, loader, NULL);
}
