/* test-course-questions.c: measures over the shipped course's questions,
 * read through the real loader, that fail past the limits a trainer set for
 * a course that cannot be gamed:
 *
 * - Length cues, per type: for a learner who picks by length alone, the
 *   share of questions where that wins.  For single-choice questions (the
 *   correct choice) and scenarios (the best reply): picking the longest, or
 *   the shortest, wins in at most a third; picking the second longest, or
 *   the second shortest, in at most two fifths (with three replies, that is
 *   the middle one, which must not become the new tell).  A tie with a wrong
 *   choice counts against the question.  For select-all-that-apply, the
 *   right answer is a set: the question gives a cue when the mean length of
 *   its correct choices is more than 10 % above (longer) or below (shorter)
 *   the mean of its wrong ones, at most a third each; within 10 % the eye
 *   cannot tell the sets apart.
 * - True/false balance: 40 to 60 % of the course's statements are true.
 * - Feedback: every wrong choice has feedback that says why (for true/false,
 *   the feedback on the wrong answer).
 * - Pools: every topic has at least 20 questions and draws 12 to 14 of them
 *   per attempt, so that a retake is a new test.
 *
 * Every measure is printed per topic (run with --verbose, or read the test
 * log), so that a trainer sees where a failure comes from.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-pack.h"
#include "rapport-unit-utils.h"

#define MIN_POOL 20
#define MIN_DRAW 12
#define MAX_DRAW 14
/* How much longer (or shorter) a set's mean must be to count as a cue. */
#define SET_MARGIN 1.10

/* The ways to pick by length, and the share of a type's questions each
 * may win: at most numerator / denominator.
 */
typedef enum
{
  PICK_LONGEST,
  PICK_SHORTEST,
  PICK_SECOND_LONGEST,
  PICK_SECOND_SHORTEST,
  N_PICKS
} Pick;

static const struct
{
  const char *name;
  guint       numerator;
  guint       denominator;
} picks[N_PICKS] = {
  [PICK_LONGEST] = { "longest", 1, 3 },
  [PICK_SHORTEST] = { "shortest", 1, 3 },
  [PICK_SECOND_LONGEST] = { "second longest", 2, 5 },
  [PICK_SECOND_SHORTEST] = { "second shortest", 2, 5 },
};

/* The types whose right answer is one or more choices among wrong ones. */
static const RapportQuestionType cued_types[] = {
  RAPPORT_QUESTION_SINGLE,
  RAPPORT_QUESTION_MULTIPLE,
  RAPPORT_QUESTION_SCENARIO,
};

typedef struct
{
  guint n;
  guint wins[N_PICKS];
} Tally;

static RapportPack *core_pack;

/* Fails the test and says why.  Every limit passed is listed in the log
 * too, since the test's summary line shows only the last one.  The format
 * must be a string literal.
 */
#define fail(...) \
  G_STMT_START \
    { \
      g_test_message ("FAIL: " __VA_ARGS__); \
      g_test_fail_printf (__VA_ARGS__); \
    } \
  G_STMT_END

static guint
n_topics (void)
{
  return g_list_model_get_n_items (rapport_pack_get_topics (core_pack));
}

/* Returns: (transfer full) */
static RapportTopic *
nth_topic (guint position)
{
  return g_list_model_get_item (rapport_pack_get_topics (core_pack), position);
}

/* Returns: (transfer full) */
static RapportQuestion *
nth_question (RapportTopic *topic,
              guint         position)
{
  return g_list_model_get_item (rapport_quiz_get_questions (rapport_topic_get_quiz (topic)),
                                position);
}

static guint
n_questions (RapportTopic *topic)
{
  return rapport_quiz_get_n_questions (rapport_topic_get_quiz (topic));
}

/* What a learner compares by eye: the characters of the choice's text. */
static guint
choice_length (const RapportChoice *choice)
{
  return g_utf8_strlen (rapport_inline_get_text (rapport_choice_get_text (choice)), -1);
}

/* Right: the correct choices of single and multiple, the best reply of a
 * scenario.  The others are wrong, including a scenario's acceptable reply:
 * it earns less, and choosing it by its length is what this measures.
 */
static gboolean
choice_is_right (RapportQuestion     *question,
                 const RapportChoice *choice)
{
  if (rapport_question_get_question_type (question) == RAPPORT_QUESTION_SCENARIO)
    return rapport_choice_get_score (choice) == 2;

  return rapport_choice_get_correct (choice);
}

/* Fills @wins: which ways of picking by length find the right answer. */
static void
pick_by_length (RapportQuestion *question,
                gboolean         wins[N_PICKS])
{
  guint n = rapport_question_get_n_choices (question);
  double right_sum = 0, wrong_sum = 0;
  guint n_right = 0, n_wrong = 0;
  guint right_length = 0, longer = 0, shorter = 0;

  for (guint i = 0; i < n; i++)
    {
      RapportChoice *choice = rapport_question_get_choice (question, i);
      guint length = choice_length (choice);

      if (choice_is_right (question, choice))
        {
          right_length = length;
          right_sum += length;
          n_right++;
        }
      else
        {
          wrong_sum += length;
          n_wrong++;
        }
    }

  for (guint pick = 0; pick < N_PICKS; pick++)
    wins[pick] = FALSE;
  if (n_right == 0 || n_wrong == 0)
    return;

  if (rapport_question_get_question_type (question) == RAPPORT_QUESTION_MULTIPLE)
    {
      double right_mean = right_sum / n_right;
      double wrong_mean = wrong_sum / n_wrong;

      wins[PICK_LONGEST] = right_mean > wrong_mean * SET_MARGIN;
      wins[PICK_SHORTEST] = right_mean * SET_MARGIN < wrong_mean;
      return;
    }

  /* One right answer: its place among the wrong ones, a tie counting as a
   * win for the learner.
   */
  for (guint i = 0; i < n; i++)
    {
      RapportChoice *choice = rapport_question_get_choice (question, i);

      if (choice_is_right (question, choice))
        continue;
      longer += choice_length (choice) > right_length;
      shorter += choice_length (choice) < right_length;
    }
  wins[PICK_LONGEST] = longer == 0;
  wins[PICK_SHORTEST] = shorter == 0;
  wins[PICK_SECOND_LONGEST] = longer == 1;
  wins[PICK_SECOND_SHORTEST] = shorter == 1;
}

static gboolean
is_cued_type (RapportQuestionType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (cued_types); i++)
    if (cued_types[i] == type)
      return TRUE;

  return FALSE;
}

/* A set of correct choices is longer or shorter than the wrong ones, or
 * neither; it has no second place.
 */
static guint
n_picks (RapportQuestionType type)
{
  return type == RAPPORT_QUESTION_MULTIPLE ? PICK_SHORTEST + 1 : N_PICKS;
}

static gboolean
within_share (guint part,
              guint whole,
              Pick  pick)
{
  return part * picks[pick].denominator <= whole * picks[pick].numerator;
}

static void
test_length_cues (void)
{
  Tally course[RAPPORT_QUESTION_N_TYPES] = { { 0 } };

  for (guint t = 0; t < n_topics (); t++)
    {
      g_autoptr(RapportTopic) topic = nth_topic (t);
      Tally tally[RAPPORT_QUESTION_N_TYPES] = { { 0 } };
      g_autoptr(GString) line = g_string_new (rapport_topic_get_key (topic));

      for (guint q = 0; q < n_questions (topic); q++)
        {
          g_autoptr(RapportQuestion) question = nth_question (topic, q);
          RapportQuestionType type = rapport_question_get_question_type (question);
          gboolean wins[N_PICKS];

          if (!is_cued_type (type))
            continue;

          pick_by_length (question, wins);
          tally[type].n++;
          for (guint pick = 0; pick < N_PICKS; pick++)
            tally[type].wins[pick] += wins[pick];
          if (wins[PICK_LONGEST] || wins[PICK_SHORTEST])
            g_test_message ("  %s/%s: the right answer is the %s", rapport_topic_get_key (topic),
                            rapport_question_get_key (question),
                            picks[wins[PICK_LONGEST] ? PICK_LONGEST : PICK_SHORTEST].name);
        }

      for (guint i = 0; i < G_N_ELEMENTS (cued_types); i++)
        {
          RapportQuestionType type = cued_types[i];

          g_string_append_printf (line, "  %s (%u):", rapport_question_type_to_string (type),
                                  tally[type].n);
          for (guint pick = 0; pick < n_picks (type); pick++)
            {
              g_string_append_printf (line, " %u", tally[type].wins[pick]);
              course[type].wins[pick] += tally[type].wins[pick];
            }
          course[type].n += tally[type].n;
        }
      g_test_message ("%s", line->str);
    }
  g_test_message ("(per type: the number of questions, then how many picking the longest, "
                  "the shortest, the second longest and the second shortest would win; "
                  "a set of choices has only longer and shorter)");

  for (guint i = 0; i < G_N_ELEMENTS (cued_types); i++)
    {
      RapportQuestionType type = cued_types[i];
      const Tally *tally = &course[type];

      g_assert_cmpuint (tally->n, >, 0);
      for (guint pick = 0; pick < n_picks (type); pick++)
        {
          g_test_message ("course, %s: picking the %s wins %u of %u (%.0f %%)",
                          rapport_question_type_to_string (type), picks[pick].name,
                          tally->wins[pick], tally->n, 100.0 * tally->wins[pick] / tally->n);
          if (!within_share (tally->wins[pick], tally->n, pick))
            fail ("%s questions: picking the %s choice wins %u of %u; at most %u/%u may",
                  rapport_question_type_to_string (type), picks[pick].name,
                  tally->wins[pick], tally->n, picks[pick].numerator, picks[pick].denominator);
        }
    }
}

static void
test_true_false_balance (void)
{
  guint n = 0, n_true = 0;

  for (guint t = 0; t < n_topics (); t++)
    {
      g_autoptr(RapportTopic) topic = nth_topic (t);
      guint topic_n = 0, topic_true = 0;

      for (guint q = 0; q < n_questions (topic); q++)
        {
          g_autoptr(RapportQuestion) question = nth_question (topic, q);

          if (rapport_question_get_question_type (question) != RAPPORT_QUESTION_TRUEFALSE)
            continue;
          topic_n++;
          topic_true += rapport_question_get_answer (question);
        }
      g_test_message ("%s: %u of %u true/false statements true", rapport_topic_get_key (topic),
                      topic_true, topic_n);
      n += topic_n;
      n_true += topic_true;
    }

  g_test_message ("course: %u of %u true/false statements true (%.0f %%)", n_true, n,
                  n ? 100.0 * n_true / n : 0.0);
  g_assert_cmpuint (n, >, 0);
  /* 40 % <= n_true / n <= 60 % */
  if (n_true * 5 < n * 2 || n_true * 5 > n * 3)
    fail ("%u of %u true/false statements are true; keep it between 40 and 60 %%",
          n_true, n);
}

static gboolean
has_text (RapportInline *text)
{
  return text != NULL && *rapport_inline_get_text (text) != '\0';
}

/* Every way to answer wrong says why it is wrong. */
static guint
count_silent_wrong_choices (RapportTopic    *topic,
                            RapportQuestion *question)
{
  const char *topic_key = rapport_topic_get_key (topic);
  const char *key = rapport_question_get_key (question);
  guint silent = 0;

  switch (rapport_question_get_question_type (question))
    {
    case RAPPORT_QUESTION_TRUEFALSE:
      if (!has_text (rapport_question_get_answer (question)
                     ? rapport_question_get_feedback_false (question)
                     : rapport_question_get_feedback_true (question)))
        {
          g_test_message ("  %s/%s: no feedback on the wrong answer", topic_key, key);
          silent++;
        }
      break;

    case RAPPORT_QUESTION_SINGLE:
    case RAPPORT_QUESTION_MULTIPLE:
    case RAPPORT_QUESTION_SCENARIO:
      for (guint i = 0; i < rapport_question_get_n_choices (question); i++)
        {
          RapportChoice *choice = rapport_question_get_choice (question, i);

          if (choice_is_right (question, choice) || has_text (rapport_choice_get_feedback (choice)))
            continue;
          g_test_message ("  %s/%s: no feedback on “%s”", topic_key, key,
                          rapport_inline_get_text (rapport_choice_get_text (choice)));
          silent++;
        }
      break;

    case RAPPORT_QUESTION_ORDERING:
    default:
      /* The feedback is the right order, shown with the explanation. */
      break;
    }

  return silent;
}

static void
test_wrong_choices_have_feedback (void)
{
  guint silent = 0;

  for (guint t = 0; t < n_topics (); t++)
    {
      g_autoptr(RapportTopic) topic = nth_topic (t);
      guint topic_silent = 0;

      for (guint q = 0; q < n_questions (topic); q++)
        {
          g_autoptr(RapportQuestion) question = nth_question (topic, q);

          topic_silent += count_silent_wrong_choices (topic, question);
        }
      g_test_message ("%s: %u wrong choices without feedback", rapport_topic_get_key (topic),
                      topic_silent);
      silent += topic_silent;
    }

  if (silent > 0)
    fail ("%u wrong choices have no feedback; say why each one is wrong", silent);
}

static void
test_pools_and_draws (void)
{
  for (guint t = 0; t < n_topics (); t++)
    {
      g_autoptr(RapportTopic) topic = nth_topic (t);
      RapportQuiz *quiz = rapport_topic_get_quiz (topic);
      guint counts[RAPPORT_QUESTION_N_TYPES] = { 0 };
      g_autoptr(GString) line = g_string_new (NULL);
      guint pool, draw;

      g_assert_nonnull (quiz);
      pool = rapport_quiz_get_n_questions (quiz);
      draw = rapport_quiz_get_draw (quiz);
      for (guint q = 0; q < pool; q++)
        {
          g_autoptr(RapportQuestion) question = nth_question (topic, q);

          counts[rapport_question_get_question_type (question)]++;
        }
      g_string_printf (line, "%s: draws %u of %u:", rapport_topic_get_key (topic), draw, pool);
      for (guint type = 0; type < RAPPORT_QUESTION_N_TYPES; type++)
        g_string_append_printf (line, " %u %s", counts[type], rapport_question_type_to_string (type));
      g_test_message ("%s", line->str);

      if (pool < MIN_POOL)
        fail ("%s: %u questions; a pool needs at least %u",
              rapport_topic_get_key (topic), pool, MIN_POOL);
      if (draw < MIN_DRAW || draw > MAX_DRAW)
        fail ("%s: draws %u questions; draw %u to %u",
              rapport_topic_get_key (topic), draw, MIN_DRAW, MAX_DRAW);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  core_pack = rapport_unit_load_core_pack ();

  g_test_add_func ("/rapport/course-questions/length-cues", test_length_cues);
  g_test_add_func ("/rapport/course-questions/true-false-balance", test_true_false_balance);
  g_test_add_func ("/rapport/course-questions/wrong-choices-have-feedback",
                   test_wrong_choices_have_feedback);
  g_test_add_func ("/rapport/course-questions/pools-and-draws", test_pools_and_draws);

  return rapport_unit_run (core_pack, NULL);
}
