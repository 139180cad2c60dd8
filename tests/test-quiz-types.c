/* test-quiz-types.c: matching, short-answer and numeric questions: their
 * options shuffled, typed answers compared and numbers read, the points
 * and feedback they earn, the attempt the store keeps and the review queue.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>

#include "rapport-accept.h"
#include "rapport-quiz-session-private.h"
#include "rapport-review-session.h"
#include "rapport-review.h"
#include "rapport-store.h"
#include "rapport-topic-loader.h"
#include "rapport-topic-private.h"
#include "rapport-unit-utils.h"

#define PACK_ID "org.example.quiz"
#define SEED 20261207

static RapportTopicLoader *loader;
static RapportTopic *topic;   /* tests/fixtures/quiz/new-types.xml */

/* Helpers */

static RapportQuestion *
question (const char *key)
{
  RapportQuestion *found = rapport_quiz_lookup_question (rapport_topic_get_quiz (topic), key);

  g_assert_nonnull (found);
  return found;
}

static const RapportQuizAnswerResult *
answer_matching (RapportQuizSession *session,
                 const char         *key,
                 const guint        *options,
                 guint               n_options)
{
  const RapportQuizAnswerResult *result;

  result = rapport_quiz_session_answer (session, rapport_unit_position_of (session, key), options, n_options);
  g_assert_nonnull (result);

  return result;
}

static const RapportQuizAnswerResult *
answer_text (RapportQuizSession *session,
             const char         *key,
             const char         *text)
{
  const RapportQuizAnswerResult *result;

  result = rapport_quiz_session_answer_text (session, rapport_unit_position_of (session, key), text);
  g_assert_nonnull (result);

  return result;
}

/* The score of @text typed as the answer to @key in a fresh session, and
 * the feedback it got ("" for none).
 */
static double
score_text (const char  *key,
            const char  *text,
            char       **feedback)
{
  g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (topic, NULL, SEED);
  const RapportQuizAnswerResult *result = answer_text (session, key, text);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_assert_cmpfloat (result->points_possible, ==, 1);
  g_assert_true (result->correct == (result->points == 1));
  g_assert_cmpstr (result->text, ==, stripped);
  if (feedback != NULL)
    *feedback = g_strdup (result->feedback->len > 0 ? rapport_inline_get_text (result->feedback->pdata[0]) : "");

  return result->points;
}

static double
score (const char *key,
       const char *text)
{
  return score_text (key, text, NULL);
}

static gboolean
is_identity (const guint *values,
             guint        n)
{
  for (guint i = 0; i < n; i++)
    if (values[i] != i)
      return FALSE;

  return TRUE;
}

/* Matching */

/* Options are the pairs' right items, each once, then the extra ones. */
static void
test_matching_model (void)
{
  RapportQuestion *needs = question ("m-needs");
  RapportQuestion *skills = question ("m-skills");

  g_assert_cmpint (rapport_question_get_question_type (needs), ==, RAPPORT_QUESTION_MATCHING);
  g_assert_cmpuint (rapport_question_get_n_pairs (needs), ==, 3);
  g_assert_cmpuint (rapport_question_get_n_options (needs), ==, 4);
  g_assert_cmpstr (rapport_question_get_option (needs, 3), ==, "A joke");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (rapport_question_get_pair_option (needs, i), ==, i);

  /* Two left items share "Empathy", as Moodle lets them. */
  g_assert_cmpuint (rapport_question_get_n_pairs (skills), ==, 3);
  g_assert_cmpuint (rapport_question_get_n_options (skills), ==, 3);
  g_assert_cmpuint (rapport_question_get_pair_option (skills, 1), ==, 1);
  g_assert_cmpuint (rapport_question_get_pair_option (skills, 2), ==, 1);
  g_assert_cmpstr (rapport_question_get_option (skills, 2), ==, "Small talk");
}

/* A point for all pairs right, a third of it a pair; an option chosen twice
 * counts where it is right.
 */
static void
test_matching_scoring (void)
{
  static const struct
  {
    const char *key;
    guint       answer[3];
    double      points;
  } cases[] = {
    { "m-needs", { 0, 1, 2 }, 1 },
    { "m-needs", { 0, 2, 1 }, 1.0 / 3 },
    { "m-needs", { 3, 3, 3 }, 0 },
    { "m-needs", { 0, 0, 0 }, 1.0 / 3 },
    { "m-needs", { 1, 2, 0 }, 0 },
    { "m-skills", { 0, 1, 1 }, 1 },
    { "m-skills", { 0, 1, 2 }, 2.0 / 3 },
    { "m-skills", { 1, 0, 1 }, 1.0 / 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (topic, NULL, SEED);
      const RapportQuizAnswerResult *result = answer_matching (session, cases[i].key, cases[i].answer, 3);
      guint position = rapport_unit_position_of (session, cases[i].key);
      g_autofree char *json = rapport_quiz_session_get_answer_json (session, position);
      g_autofree char *expected = g_strdup_printf ("{\"matches\":[%u,%u,%u]}", cases[i].answer[0],
                                                   cases[i].answer[1], cases[i].answer[2]);

      g_assert_cmpfloat_with_epsilon (result->points, cases[i].points, 1e-12);
      g_assert_cmpfloat (result->points_possible, ==, 1);
      g_assert_true (result->correct == (cases[i].points == 1));
      g_assert_cmpuint (result->answer->len, ==, 3);
      g_assert_cmpuint (result->right->len, ==, 3);
      for (guint pair = 0; pair < 3; pair++)
        {
          g_assert_cmpuint (g_array_index (result->answer, guint, pair), ==, cases[i].answer[pair]);
          g_assert_cmpuint (g_array_index (result->right, guint, pair), ==,
                            rapport_question_get_pair_option (question (cases[i].key), pair));
        }
      g_assert_cmpuint (result->feedback->len, ==, 0);
      g_assert_nonnull (result->explanation);
      g_assert_cmpstr (json, ==, expected);
    }
}

static void
test_matching_invalid (void)
{
  RapportQuestion *needs = question ("m-needs");
  static const guint too_few[] = { 0, 1 };
  static const guint too_many[] = { 0, 1, 2, 3 };
  static const guint out_of_range[] = { 0, 1, 4 };
  static const guint fine[] = { 3, 3, 3 };

  g_assert_false (rapport_quiz_answer_is_valid (needs, too_few, 2));
  g_assert_false (rapport_quiz_answer_is_valid (needs, too_many, 4));
  g_assert_false (rapport_quiz_answer_is_valid (needs, out_of_range, 3));
  g_assert_false (rapport_quiz_answer_is_valid (needs, NULL, 3));
  g_assert_true (rapport_quiz_answer_is_valid (needs, fine, 3));
  /* A matching question takes no typed answer, a typed one no indices. */
  g_assert_false (rapport_quiz_text_answer_is_valid (needs, "Information"));
  g_assert_false (rapport_quiz_answer_is_valid (question ("s-name"), fine, 1));
  g_assert_false (rapport_quiz_answer_is_valid (question ("n-seconds"), NULL, 0));
}

/* The options come shuffled, by the seed, never in the order that gives
 * the answers away.
 */
static void
test_matching_shuffled (void)
{
  g_autoptr(GHashTable) orders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint32 seed = 1; seed <= 200; seed++)
    {
      g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (topic, NULL, seed);
      g_autoptr(RapportQuizSession) replay = rapport_quiz_session_new (topic, NULL, seed);
      guint position = rapport_unit_position_of (session, "m-needs");
      guint n, n_again;
      const guint *shown = rapport_quiz_session_get_presented_choices (session, position, &n);
      const guint *again = rapport_quiz_session_get_presented_choices (replay, position, &n_again);
      gboolean seen[4] = { FALSE };
      GString *key = g_string_new (NULL);

      g_assert_cmpuint (n, ==, 4);
      g_assert_cmpuint (n_again, ==, 4);
      g_assert_false (is_identity (shown, n));
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpuint (shown[i], <, 4);
          g_assert_false (seen[shown[i]]);
          seen[shown[i]] = TRUE;
          g_assert_cmpuint (again[i], ==, shown[i]);
          g_string_append_printf (key, "%u", shown[i]);
        }
      g_hash_table_add (orders, g_string_free (key, FALSE));

      /* Typed answers have nothing to shuffle. */
      rapport_quiz_session_get_presented_choices (session, rapport_unit_position_of (session, "s-name"), &n);
      g_assert_cmpuint (n, ==, 0);
    }

  /* 23 orders of 24 are allowed; 200 seeds see most of them. */
  g_assert_cmpuint (g_hash_table_size (orders), >=, 20);
  g_assert_false (g_hash_table_contains (orders, "0123"));
}

/* Short answers */

static void
test_short_words (void)
{
  g_autofree char *feedback = NULL;

  /* Case, the spaces and punctuation around, runs of spaces, the curly
   * apostrophe the author wrote: none of them matter.
   */
  g_assert_cmpfloat (score_text ("s-name", "the customer’s name", &feedback), ==, 1);
  g_assert_cmpstr (feedback, ==, "Yes: a name, used sparingly, makes the call personal.");
  g_assert_cmpfloat (score ("s-name", "  The Customer's   NAME!  "), ==, 1);
  g_assert_cmpfloat (score ("s-name", "\"the customer's name.\""), ==, 1);
  g_assert_cmpfloat (score ("s-name", "¡the customer’s name?"), ==, 1);

  /* "*name": the second accepted answer, with its own feedback. */
  g_clear_pointer (&feedback, g_free);
  g_assert_cmpfloat (score_text ("s-name", "Their first name", &feedback), ==, 1);
  g_assert_cmpstr (feedback, ==, "Yes, their name.");
  g_assert_cmpfloat (score ("s-name", "name"), ==, 1);
  g_assert_cmpfloat (score ("s-name", "NAME."), ==, 1);

  /* Anything else: no point, and the feedback for anything else. */
  g_clear_pointer (&feedback, g_free);
  g_assert_cmpfloat (score_text ("s-name", "names", &feedback), ==, 0);
  g_assert_cmpstr (feedback, ==, "Their name: used now and then, it tells them you see a person.");
  g_assert_cmpfloat (score ("s-name", "a smile"), ==, 0);
  g_assert_cmpfloat (score ("s-name", "na me"), ==, 0);
}

static void
test_short_case_sensitive (void)
{
  g_autofree char *feedback = NULL;

  g_assert_true (rapport_question_get_case_sensitive (question ("s-sla")));
  g_assert_false (rapport_question_get_case_sensitive (question ("s-name")));
  g_assert_cmpfloat (score_text ("s-sla", " SLA. ", &feedback), ==, 1);
  g_assert_cmpstr (feedback, ==, "Right: the service level agreement.");
  g_assert_cmpfloat (score ("s-sla", "sla"), ==, 0);
  g_assert_cmpfloat (score ("s-sla", "Sla"), ==, 0);
  /* Full-width letters are the same letters once normalised (NFKC). */
  g_assert_cmpfloat (score ("s-sla", "ＳＬＡ"), ==, 1);
}

/* Unicode: folded and normalised, so "STRASSE" is "straße" and a
 * decomposed "é" the composed one; invisible characters are left out.
 */
static void
test_short_unicode (void)
{
  g_autoptr(RapportAccept) street = rapport_accept_new_text ("Straße", FALSE, NULL);
  g_autoptr(RapportAccept) cafe = rapport_accept_new_text ("café", FALSE, NULL);
  g_autoptr(RapportAccept) escaped = rapport_accept_new_text ("5 \\* 3", FALSE, NULL);
  g_autoptr(RapportAccept) greek = rapport_accept_new_text ("ΟΔΥΣΣΕΥΣ", FALSE, NULL);
  g_autoptr(RapportAccept) sensitive = rapport_accept_new_text ("Straße", TRUE, NULL);
  g_autofree char *display = rapport_accept_to_display (escaped);
  g_autofree char *normal = rapport_typed_normalize ("  Hello,\tWORLD…  ", FALSE);
  g_autofree char *empty = rapport_typed_normalize (" ?! … \xe2\x80\x8b ", FALSE);

  g_assert_true (rapport_accept_matches_text (street, "STRASSE"));
  g_assert_true (rapport_accept_matches_text (street, "strasse"));
  g_assert_false (rapport_accept_matches_text (sensitive, "STRASSE"));
  g_assert_true (rapport_accept_matches_text (sensitive, "Straße"));
  g_assert_true (rapport_accept_matches_text (cafe, "CAFE\xcc\x81"));   /* E + combining acute */
  g_assert_true (rapport_accept_matches_text (cafe, "ca\xe2\x80\x8b" "fé"));   /* zero-width space */
  g_assert_false (rapport_accept_matches_text (cafe, "cafe"));
  g_assert_true (rapport_accept_matches_text (greek, "οδυσσευς"));
  g_assert_false (rapport_accept_matches_text (greek, "ὀδυσσεύς"));   /* accents are letters of their own */

  /* "\*" is an asterisk, not a wildcard. */
  g_assert_true (rapport_accept_matches_text (escaped, "5 * 3"));
  g_assert_false (rapport_accept_matches_text (escaped, "5 x 3"));
  g_assert_cmpstr (display, ==, "5 * 3");

  g_assert_cmpstr (normal, ==, "hello, world");
  g_assert_cmpstr (empty, ==, "");
}

static void
test_short_wildcards (void)
{
  g_autoptr(RapportAccept) middle = rapport_accept_new_text ("no*one", FALSE, NULL);
  g_autoptr(RapportAccept) ends = rapport_accept_new_text ("*ton*", FALSE, NULL);
  g_autoptr(RapportAccept) spaced = rapport_accept_new_text ("no * one", FALSE, NULL);
  g_autoptr(RapportAccept) hostile = NULL;
  g_autoptr(GString) pattern = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *display = rapport_accept_to_display (middle);

  g_assert_true (rapport_accept_matches_text (middle, "no one"));
  g_assert_true (rapport_accept_matches_text (middle, "noone"));
  g_assert_true (rapport_accept_matches_text (middle, "No-one."));
  g_assert_false (rapport_accept_matches_text (middle, "none"));
  g_assert_false (rapport_accept_matches_text (middle, "no one else"));
  g_assert_true (rapport_accept_matches_text (ends, "Washington DC"));
  g_assert_true (rapport_accept_matches_text (ends, "ton"));
  g_assert_true (rapport_accept_matches_text (spaced, "no body one"));
  g_assert_false (rapport_accept_matches_text (spaced, "no one"));
  g_assert_cmpstr (display, ==, "no…one");

  /* A pattern that makes a backtracking matcher try every split: 30
   * wildcards, against the longest answer, that fails only at its end.
   * Comparing is quadratic at worst, so this returns at once.
   */
  for (guint i = 0; i < 30; i++)
    g_string_append (pattern, "*a");
  g_string_append (pattern, "*b");
  while (text->len < RAPPORT_TYPED_MAX_LENGTH)
    g_string_append_c (text, 'a');
  hostile = rapport_accept_new_text (pattern->str, FALSE, NULL);
  g_assert_false (rapport_accept_matches_text (hostile, text->str));
  g_string_truncate (text, text->len - 1);
  g_string_append_c (text, 'b');
  g_assert_true (rapport_accept_matches_text (hostile, text->str));
}

/* What can be typed: text of some length, with something left once
 * normalised.
 */
static void
test_short_invalid (void)
{
  RapportQuestion *name = question ("s-name");
  g_autoptr(GString) long_text = g_string_new (NULL);

  g_assert_true (rapport_quiz_text_answer_is_valid (name, "x"));
  g_assert_false (rapport_quiz_text_answer_is_valid (name, NULL));
  g_assert_false (rapport_quiz_text_answer_is_valid (name, ""));
  g_assert_false (rapport_quiz_text_answer_is_valid (name, "   "));
  g_assert_false (rapport_quiz_text_answer_is_valid (name, "?!…"));
  g_assert_false (rapport_quiz_text_answer_is_valid (name, "\xff\xfe name"));

  while (g_utf8_strlen (long_text->str, -1) < RAPPORT_TYPED_MAX_LENGTH)
    g_string_append (long_text, "é");
  g_assert_true (rapport_quiz_text_answer_is_valid (name, long_text->str));
  g_string_append (long_text, "é");
  g_assert_false (rapport_quiz_text_answer_is_valid (name, long_text->str));
}

/* Numbers */

static void
test_parse_numbers (void)
{
  static const struct
  {
    const char *text;
    const char *decimal_point;
    const char *thousands;
    gboolean    valid;
    double      value;
  } cases[] = {
    /* The C locale */
    { "21.25", ".", "", TRUE, 21.25 },
    { " 20 ", ".", "", TRUE, 20 },
    { "+3", ".", "", TRUE, 3 },
    { "-3.5", ".", "", TRUE, -3.5 },
    { "\xe2\x88\x92" "3.5", ".", "", TRUE, -3.5 },   /* U+2212 minus */
    { ".5", ".", "", TRUE, 0.5 },
    { "5.", ".", "", TRUE, 5 },
    { "1e3", ".", "", TRUE, 1000 },
    { "2.5E-1", ".", "", TRUE, 0.25 },
    { "\xc2\xa0" "7\xc2\xa0", ".", "", TRUE, 7 },   /* no-break spaces around */
    { "21,25", ".", "", FALSE, 0 },
    { "1,500", ".", ",", FALSE, 0 },
    /* German: a decimal comma; a point still reads as one */
    { "21,25", ",", ".", TRUE, 21.25 },
    { "21.25", ",", ".", TRUE, 21.25 },
    { "0,5", ",", ".", TRUE, 0.5 },
    { "0.500", ",", ".", TRUE, 0.5 },
    { "1.500", ",", ".", FALSE, 0 },      /* fifteen hundred, or one and a half? */
    { "1,500", ",", ".", TRUE, 1.5 },
    { "1.500,5", ",", ".", FALSE, 0 },    /* no thousands separators */
    /* Garbage */
    { "", ".", "", FALSE, 0 },
    { " ", ".", "", FALSE, 0 },
    { ".", ".", "", FALSE, 0 },
    { "-", ".", "", FALSE, 0 },
    { "12abc", ".", "", FALSE, 0 },
    { "1.2.3", ".", "", FALSE, 0 },
    { "1 000", ".", "", FALSE, 0 },
    { "0x10", ".", "", FALSE, 0 },
    { "1e", ".", "", FALSE, 0 },
    { "1e99999", ".", "", FALSE, 0 },
    { "1e400", ".", "", FALSE, 0 },       /* not finite */
    { "inf", ".", "", FALSE, 0 },
    { "nan", ".", "", FALSE, 0 },
    { "--1", ".", "", FALSE, 0 },
    { "٣", ".", "", FALSE, 0 },           /* only ASCII digits */
    { "20 seconds", ".", "", FALSE, 0 },
    { "\xff", ".", "", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -1;
      gboolean valid = rapport_parse_number (cases[i].text, cases[i].decimal_point, cases[i].thousands, &value);

      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("“%s” with “%s”", escaped, cases[i].decimal_point);
      g_assert_true (valid == cases[i].valid);
      if (valid)
        g_assert_cmpfloat (value, ==, cases[i].value);
    }

  /* More than a number needs is refused before it is read. */
  {
    g_autoptr(GString) zeros = g_string_new ("1");
    double value;

    while (zeros->len <= RAPPORT_NUMBER_MAX_LENGTH)
      g_string_append_c (zeros, '0');
    g_assert_false (rapport_parse_number (zeros->str, ".", "", &value));
  }
}

static void
test_numeric_scoring (void)
{
  g_autofree char *feedback = NULL;
  RapportQuestion *refund = question ("n-refund");
  RapportAccept *exact = rapport_question_get_accept (refund, 0);

  g_assert_cmpint (rapport_question_get_question_type (refund), ==, RAPPORT_QUESTION_NUMERIC);
  g_assert_cmpuint (rapport_question_get_n_accepts (refund), ==, 2);
  g_assert_null (rapport_accept_get_text (exact));
  g_assert_cmpfloat (rapport_accept_get_value (exact), ==, 21.25);
  g_assert_cmpfloat (rapport_accept_get_tolerance (exact), ==, 0.005);
  g_assert_cmpfloat (rapport_accept_get_tolerance (rapport_question_get_accept (question ("n-seconds"), 0)), ==, 0);

  g_assert_cmpfloat (score_text ("n-refund", "21.25", &feedback), ==, 1);
  g_assert_cmpstr (feedback, ==, "Exactly: half of 42.50 is 21.25.");
  g_assert_cmpfloat (score ("n-refund", "21.255"), ==, 1);   /* at the tolerance's edge */
  g_assert_cmpfloat (score ("n-refund", "21.245"), ==, 1);

  /* The second accepted answer, 21 ± 0.5, with its own feedback. */
  g_clear_pointer (&feedback, g_free);
  g_assert_cmpfloat (score_text ("n-refund", "21.3", &feedback), ==, 1);
  g_assert_cmpstr (feedback, ==, "Near enough; say the exact amount, 21.25, to the customer.");
  g_assert_cmpfloat (score ("n-refund", "20.5"), ==, 1);

  g_clear_pointer (&feedback, g_free);
  g_assert_cmpfloat (score_text ("n-refund", "21.51", &feedback), ==, 0);
  g_assert_cmpstr (feedback, ==, "Half of 42.50 is 21.25 euros.");
  g_assert_cmpfloat (score ("n-refund", "42.5"), ==, 0);
  g_assert_cmpfloat (score ("n-refund", "-21.25"), ==, 0);

  g_assert_cmpfloat (score ("n-seconds", "20"), ==, 1);
  g_assert_cmpfloat (score ("n-seconds", "20.0"), ==, 1);
  g_assert_cmpfloat (score ("n-seconds", "2e1"), ==, 1);
  g_assert_cmpfloat (score ("n-seconds", "20.001"), ==, 0);
  g_assert_cmpfloat (score ("n-seconds", "80"), ==, 0);

  /* Only numbers are answers; the test's locale is C. */
  g_assert_false (rapport_quiz_text_answer_is_valid (refund, "twenty"));
  g_assert_false (rapport_quiz_text_answer_is_valid (refund, "21,25"));
  g_assert_false (rapport_quiz_text_answer_is_valid (refund, ""));
  g_assert_true (rapport_quiz_text_answer_is_valid (refund, " 21.25 "));
}

/* Where the user's locale writes a decimal comma, a typed number may have
 * it, a point still reads as one, and numbers are shown with the comma.
 */
static void
test_numeric_user_locale (void)
{
  g_autofree char *example = NULL;
  g_autofree char *shown = NULL;
  double number = 0;

  if (!rapport_unit_use_numeric_locale ("de_DE.UTF-8"))
    {
      g_test_skip ("no German locale, and none could be compiled");
      return;
    }

  g_assert_true (rapport_parse_typed_number ("21,25", &number));
  g_assert_cmpfloat (number, ==, 21.25);
  g_assert_true (rapport_parse_typed_number ("21.25", &number));
  g_assert_cmpfloat (number, ==, 21.25);
  g_assert_false (rapport_parse_typed_number ("1.500", &number));
  g_assert_false (rapport_parse_typed_number ("1.500,25", &number));
  g_assert_cmpfloat (score ("n-refund", "21,25"), ==, 1);
  g_assert_cmpfloat (score ("n-refund", "-21,25"), ==, 0);

  example = rapport_format_number (2.5);
  shown = rapport_accept_to_display (rapport_question_get_accept (question ("n-refund"), 0));
  g_assert_cmpstr (example, ==, "2,5");
  g_assert_cmpstr (shown, ==, "21,25 ± 0,005");

  setlocale (LC_NUMERIC, "C.UTF-8");
}

/* The right answers in words, as the results show them. */
static void
test_right_answers (void)
{
  g_autofree char *exact = rapport_accept_to_display (rapport_question_get_accept (question ("n-refund"), 0));
  g_autofree char *seconds = rapport_accept_to_display (rapport_question_get_accept (question ("n-seconds"), 0));
  g_autofree char *name = rapport_accept_to_display (rapport_question_get_accept (question ("s-name"), 1));
  g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (topic, NULL, SEED);
  const RapportQuizAnswerResult *result = answer_text (session, "s-name", "a smile");

  g_assert_cmpstr (exact, ==, "21.25 ± 0.005");
  g_assert_cmpstr (seconds, ==, "20");
  g_assert_cmpstr (name, ==, "…name");

  g_assert_false (result->correct);
  g_assert_cmpuint (result->answer->len, ==, 0);
  g_assert_cmpuint (result->right->len, ==, 2);
  g_assert_cmpuint (g_array_index (result->right, guint, 1), ==, 1);
}

/* The attempt: every answer's JSON, points and correctness, stored and read
 * back; the stored score over the six questions.
 */
static void
test_store_attempt (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("progress.db");
  g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (topic, NULL, SEED);
  g_autoptr(RapportStoreAttempt) stored = NULL;
  g_autoptr(GError) error = NULL;
  static const guint needs[] = { 0, 2, 1 };
  static const guint skills[] = { 0, 1, 1 };
  static const struct
  {
    const char *key;
    const char *json;
    double      points;
  } expected[] = {
    { "m-needs", "{\"matches\":[0,2,1]}", 1.0 / 3 },
    { "m-skills", "{\"matches\":[0,1,1]}", 1 },
    { "s-name", "{\"text\":\"Their name\",\"accepted\":1}", 1 },
    { "s-sla", "{\"text\":\"sla\"}", 0 },
    { "n-seconds", "{\"text\":\"20\",\"value\":20.0,\"accepted\":0}", 1 },
    { "n-refund", "{\"text\":\"42.5\",\"value\":42.5}", 0 },
  };

  answer_matching (session, "m-needs", needs, 3);
  answer_matching (session, "m-skills", skills, 3);
  answer_text (session, "s-name", "  Their name ");
  answer_text (session, "s-sla", "sla");
  answer_text (session, "n-seconds", "20");
  answer_text (session, "n-refund", "42.5");
  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_FINISHED);
  g_assert_cmpfloat_with_epsilon (rapport_quiz_session_get_score (session), (3 + 1.0 / 3) * 100 / 6, 1e-9);
  g_assert_false (rapport_quiz_session_get_passed (session));

  g_assert_true (rapport_quiz_session_save (session, store, &error));
  g_assert_no_error (error);
  stored = rapport_store_get_quiz_attempt (store, rapport_quiz_session_get_attempt_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (stored->score, (3 + 1.0 / 3) * 100 / 6, 1e-9);
  g_assert_cmpuint (stored->answers->len, ==, 6);
  for (guint i = 0; i < stored->answers->len; i++)
    {
      const RapportStoreAnswer *answer = g_ptr_array_index (stored->answers, i);
      guint j = 0;

      while (!g_str_equal (expected[j].key, answer->question_key))
        j++;
      g_assert_cmpstr (answer->answer, ==, expected[j].json);
      g_assert_cmpfloat_with_epsilon (answer->points, expected[j].points, 1e-12);
      g_assert_cmpfloat (answer->points_possible, ==, 1);
      g_assert_true (answer->correct == (expected[j].points == 1));
    }
}

/* Missed questions of the new types go to the review queue, come back the
 * next day and leave box 1 when answered right there.
 */
static RapportTopic *
lookup_topic (gpointer    user_data,
              const char *pack_id,
              const char *topic_key)
{
  return g_str_equal (pack_id, PACK_ID) && g_str_equal (topic_key, "new-types") ? topic : NULL;
}

static void
test_review (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("review.db");
  g_autoptr(RapportQuizSession) quiz = rapport_quiz_session_new (topic, NULL, SEED);
  g_autoptr(RapportReviewSession) review = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) monday = g_date_time_new (zone, 2026, 12, 7, 10, 0, 0);
  g_autoptr(GDateTime) tuesday = g_date_time_new (zone, 2026, 12, 8, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  static const guint wrong[] = { 3, 3, 3 };
  static const guint right[] = { 0, 1, 1 };
  RapportQuizSession *session;
  guint n_due = 0;

  answer_matching (quiz, "m-needs", wrong, 3);
  answer_matching (quiz, "m-skills", right, 3);
  answer_text (quiz, "s-name", "a smile");
  answer_text (quiz, "s-sla", "SLA");
  answer_text (quiz, "n-seconds", "80");
  answer_text (quiz, "n-refund", "42.5");
  g_assert_true (rapport_quiz_session_save (quiz, store, &error));
  g_assert_true (rapport_review_record_quiz (store, quiz, monday, zone, &error));
  g_assert_no_error (error);

  g_assert_true (rapport_review_count_due_today (store, tuesday, zone, lookup_topic, NULL, &n_due, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_due, ==, 4);

  review = rapport_review_session_new (store, lookup_topic, NULL, tuesday, zone, 0, SEED, &error);
  g_assert_no_error (error);
  session = rapport_review_session_get_quiz_session (review);
  g_assert_cmpuint (rapport_quiz_session_get_n_questions (session), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      RapportQuestion *asked = rapport_quiz_session_get_question (session, i);
      const char *key = rapport_question_get_key (asked);

      if (g_str_equal (key, "m-needs"))
        {
          static const guint all_right[] = { 0, 1, 2 };

          g_assert_true (rapport_quiz_session_answer (session, i, all_right, 3)->correct);
        }
      else if (g_str_equal (key, "s-name"))
        g_assert_true (rapport_quiz_session_answer_text (session, i, "name")->correct);
      else if (g_str_equal (key, "n-refund"))
        g_assert_true (rapport_quiz_session_answer_text (session, i, "21.25")->correct);
      else
        {
          g_assert_cmpstr (key, ==, "n-seconds");
          g_assert_false (rapport_quiz_session_answer_text (session, i, "19")->correct);
        }
      g_assert_cmpuint (rapport_review_session_get_box (review, i), ==, 1);
    }
  g_assert_true (rapport_review_session_save (review, store, tuesday, zone, &error));
  g_assert_no_error (error);

  /* Three moved on to box 2; the number missed again is due tomorrow. */
  g_clear_object (&review);
  {
    g_autoptr(GDateTime) wednesday = g_date_time_add_days (tuesday, 1);

    g_assert_true (rapport_review_count_due_today (store, wednesday, zone, lookup_topic, NULL, &n_due, &error));
    g_assert_cmpuint (n_due, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  loader = rapport_unit_new_loader ();
  topic = rapport_unit_load_topic (loader, "quiz", "new-types.xml", PACK_ID);

  g_test_add_func ("/rapport/quiz-types/matching/model", test_matching_model);
  g_test_add_func ("/rapport/quiz-types/matching/scoring", test_matching_scoring);
  g_test_add_func ("/rapport/quiz-types/matching/invalid", test_matching_invalid);
  g_test_add_func ("/rapport/quiz-types/matching/shuffled", test_matching_shuffled);
  g_test_add_func ("/rapport/quiz-types/short/words", test_short_words);
  g_test_add_func ("/rapport/quiz-types/short/case-sensitive", test_short_case_sensitive);
  g_test_add_func ("/rapport/quiz-types/short/unicode", test_short_unicode);
  g_test_add_func ("/rapport/quiz-types/short/wildcards", test_short_wildcards);
  g_test_add_func ("/rapport/quiz-types/short/invalid", test_short_invalid);
  g_test_add_func ("/rapport/quiz-types/numeric/parse", test_parse_numbers);
  g_test_add_func ("/rapport/quiz-types/numeric/scoring", test_numeric_scoring);
  g_test_add_func ("/rapport/quiz-types/numeric/user-locale", test_numeric_user_locale);
  g_test_add_func ("/rapport/quiz-types/right-answers", test_right_answers);
  g_test_add_func ("/rapport/quiz-types/store-attempt", test_store_attempt);
  g_test_add_func ("/rapport/quiz-types/review", test_review);

  return rapport_unit_run (topic, loader, NULL);
}
