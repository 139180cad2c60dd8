/* test-topic-types.c: reading <matching>, <short> and <numeric> questions:
 * what lands in the model, the bounds on their sizes, the problems of
 * broken ones (line and words), and the examples of the trainers' guide.
 * The broken fixture files are in test-topic.c's list of mistakes, which
 * xmllint also checks against the schema.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "rapport-topic-loader.h"
#include "rapport-unit-utils.h"

static RapportTopicLoader *loader;

#define HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<topic format=\"1\" key=\"t\" skill=\"empathy\" icon=\"a-symbolic\" xml:lang=\"en\">\n" \
  "<title>T</title><summary>S</summary>\n" \
  "<lesson key=\"l\" minutes=\"1\"><title>L</title><section><p>x</p></section></lesson>\n" \
  "<quiz pass-mark=\"70\">\n"   /* the question starts on line 6 */

#define TAIL \
  "</quiz>\n" \
  "<journal><prompt>p</prompt></journal>\n" \
  "<rubric><level value=\"1\">a</level><level value=\"2\">a</level><level value=\"3\">a</level>" \
  "<level value=\"4\">a</level><level value=\"5\">a</level></rubric>\n" \
  "</topic>\n"

/* A topic with @questions as its quiz, loaded from memory. */
static RapportTopic *
load_quiz (const char *questions,
           GPtrArray  *problems)
{
  g_autofree char *text = g_strconcat (HEAD, questions, TAIL, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RapportTopic *topic;

  topic = rapport_topic_loader_load_from_bytes (loader, bytes, "memory.xml", NULL, problems, &error);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = rapport_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("%s", line);
    }
  if (topic == NULL)
    g_assert_error (error, RAPPORT_TOPIC_ERROR, RAPPORT_TOPIC_ERROR_INVALID);

  return topic;
}

/* @questions are refused with a problem on @line that says @words. */
static void
assert_problem (const char *questions,
                guint       line,
                const char *words)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportTopic) topic = load_quiz (questions, problems);

  g_assert_null (topic);
  for (guint i = 0; i < problems->len; i++)
    {
      const RapportProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpstr (problem->file, ==, "memory.xml");
      if (problem->line == line && strstr (problem->message, words) != NULL)
        return;
    }

  g_error ("no problem on line %u saying “%s”", line, words);
}

/* The fixture: every part in the model */

static void
test_model (void)
{
  g_autoptr(RapportTopic) topic = rapport_unit_load_topic (loader, "quiz", "new-types.xml", "org.example.test");
  RapportQuiz *quiz = rapport_topic_get_quiz (topic);
  RapportQuestion *question;
  RapportAccept *accept;
  RapportRunStyle style;

  g_assert_cmpuint (rapport_quiz_get_n_questions (quiz), ==, 6);

  question = rapport_quiz_lookup_question (quiz, "m-needs");
  g_assert_cmpint (rapport_question_get_question_type (question), ==, RAPPORT_QUESTION_MATCHING);
  g_assert_cmpstr (rapport_question_type_to_string (RAPPORT_QUESTION_MATCHING), ==, "matching");
  g_assert_cmpstr (rapport_inline_get_text (rapport_question_get_prompt (question)), ==,
                   "Match what the customer says to what they need most.");
  g_assert_cmpuint (rapport_question_get_n_pairs (question), ==, 3);
  /* A left item is running text, with its emphasis. */
  g_assert_cmpstr (rapport_inline_get_text (rapport_question_get_pair_left (question, 1)), ==,
                   "This is the third time I’ve called!");
  g_assert_cmpstr (rapport_inline_get_run (rapport_question_get_pair_left (question, 1), 1, &style), ==, "third");
  g_assert_cmpint (style, ==, RAPPORT_RUN_EMPHASIS);
  g_assert_cmpstr (rapport_question_get_option (question, rapport_question_get_pair_option (question, 2)), ==,
                   "A decision");
  g_assert_cmpuint (rapport_question_get_n_options (question), ==, 4);
  g_assert_cmpstr (rapport_question_get_option (question, 3), ==, "A joke");
  g_assert_nonnull (rapport_question_get_explanation (question));

  question = rapport_quiz_lookup_question (quiz, "s-name");
  g_assert_cmpint (rapport_question_get_question_type (question), ==, RAPPORT_QUESTION_SHORT);
  g_assert_cmpstr (rapport_question_type_to_string (RAPPORT_QUESTION_SHORT), ==, "short");
  g_assert_false (rapport_question_get_case_sensitive (question));
  g_assert_cmpuint (rapport_question_get_n_accepts (question), ==, 2);
  accept = rapport_question_get_accept (question, 1);
  g_assert_cmpstr (rapport_accept_get_text (accept), ==, "*name");
  g_assert_cmpstr (rapport_inline_get_text (rapport_accept_get_feedback (accept)), ==, "Yes, their name.");
  g_assert_cmpstr (rapport_inline_get_text (rapport_question_get_feedback_other (question)), ==,
                   "Their name: used now and then, it tells them you see a person.");

  question = rapport_quiz_lookup_question (quiz, "s-sla");
  g_assert_true (rapport_question_get_case_sensitive (question));
  g_assert_cmpstr (rapport_accept_get_text (rapport_question_get_accept (question, 0)), ==, "SLA");

  question = rapport_quiz_lookup_question (quiz, "n-refund");
  g_assert_cmpint (rapport_question_get_question_type (question), ==, RAPPORT_QUESTION_NUMERIC);
  g_assert_cmpstr (rapport_question_type_to_string (RAPPORT_QUESTION_NUMERIC), ==, "numeric");
  g_assert_cmpuint (rapport_question_get_n_accepts (question), ==, 2);
  accept = rapport_question_get_accept (question, 1);
  g_assert_null (rapport_accept_get_text (accept));
  g_assert_cmpfloat (rapport_accept_get_value (accept), ==, 21);
  g_assert_cmpfloat (rapport_accept_get_tolerance (accept), ==, 0.5);

  /* Without a tolerance, only the value itself; without feedback, none. */
  question = rapport_quiz_lookup_question (quiz, "n-seconds");
  g_assert_cmpfloat (rapport_accept_get_tolerance (rapport_question_get_accept (question, 0)), ==, 0);
  g_assert_null (rapport_question_get_feedback_other (rapport_quiz_lookup_question (quiz, "m-needs")));
}

/* The smallest of each, and numbers as XML Schema writes doubles. */
static void
test_minimal (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportTopic) topic = NULL;
  RapportQuiz *quiz;
  RapportQuestion *numeric;

  topic = load_quiz ("<matching key=\"m\"><prompt>P</prompt>"
                     "<pair><left>a</left><right>1</right></pair>"
                     "<pair><left>b</left><right>2</right></pair>"
                     "<explanation>E</explanation></matching>\n"
                     "<short key=\"s\"><prompt>P</prompt><accept><text>x</text></accept>"
                     "<explanation>E</explanation></short>\n"
                     "<numeric key=\"n\"><prompt>P</prompt>"
                     "<accept value=\"-1.5e3\" tolerance=\"+.25\"/>"
                     "<accept value=\"1e15\" tolerance=\"5.\"/>"
                     "<accept value=\"-0\"/>"
                     "<explanation>E</explanation></numeric>\n",
                     problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (topic);

  quiz = rapport_topic_get_quiz (topic);
  g_assert_cmpuint (rapport_question_get_n_options (rapport_quiz_lookup_question (quiz, "m")), ==, 2);
  g_assert_null (rapport_question_get_feedback_other (rapport_quiz_lookup_question (quiz, "s")));
  numeric = rapport_quiz_lookup_question (quiz, "n");
  g_assert_cmpfloat (rapport_accept_get_value (rapport_question_get_accept (numeric, 0)), ==, -1500);
  g_assert_cmpfloat (rapport_accept_get_tolerance (rapport_question_get_accept (numeric, 0)), ==, 0.25);
  g_assert_cmpfloat (rapport_accept_get_value (rapport_question_get_accept (numeric, 1)), ==, 1e15);
  g_assert_cmpfloat (rapport_accept_get_tolerance (rapport_question_get_accept (numeric, 1)), ==, 5);
}

/* Bounds: at most 20 pairs, 10 extra right items, 20 accepted answers, 400
 * characters of accepted words, numbers up to 1e15; each problem on the
 * question's line.
 */
/* @text @n times, each "#" in it replaced by the count from 0. */
static char *
repeat (const char *text,
        guint       n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    for (const char *p = text; *p != '\0'; p++)
      {
        if (*p == '#')
          g_string_append_printf (out, "%u", i);
        else
          g_string_append_c (out, *p);
      }

  return g_string_free (out, FALSE);
}

static char *
matching (guint n_pairs,
          guint n_extra)
{
  g_autofree char *pairs = repeat ("<pair><left>left #</left><right>right #</right></pair>", n_pairs);
  g_autofree char *extra = repeat ("<right>extra #</right>", n_extra);

  return g_strdup_printf ("<matching key=\"m\"><prompt>P</prompt>%s%s<explanation>E</explanation></matching>\n",
                          pairs, extra);
}

static char *
typed (const char *element,
       const char *accept,
       guint       n)
{
  g_autofree char *accepts = repeat (accept, n);

  return g_strdup_printf ("<%s key=\"q\"><prompt>P</prompt>%s<explanation>E</explanation></%s>\n",
                          element, accepts, element);
}

static void
test_bounds (void)
{
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *at_most = NULL;

  {
    g_autofree char *most = matching (RAPPORT_QUESTION_MAX_PAIRS, RAPPORT_QUESTION_MAX_EXTRA_RIGHTS);
    g_autofree char *pairs = matching (RAPPORT_QUESTION_MAX_PAIRS + 1, 0);
    g_autofree char *extra = matching (2, RAPPORT_QUESTION_MAX_EXTRA_RIGHTS + 1);
    g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
    g_autoptr(RapportTopic) topic = load_quiz (most, problems);

    g_assert_nonnull (topic);
    assert_problem (pairs, 6, "A <matching> question can have at most 20 pairs; this one has 21.");
    assert_problem (extra, 6, "A <matching> question can have at most 10 extra <right> items; this one has 11.");
  }

  {
    g_autofree char *most_short = typed ("short", "<accept><text>w#</text></accept>", RAPPORT_QUESTION_MAX_ACCEPTS);
    g_autofree char *most_numeric = typed ("numeric", "<accept value=\"#\"/>", RAPPORT_QUESTION_MAX_ACCEPTS);
    g_autofree char *too_many_short = typed ("short", "<accept><text>w#</text></accept>",
                                             RAPPORT_QUESTION_MAX_ACCEPTS + 1);
    g_autofree char *too_many_numeric = typed ("numeric", "<accept value=\"#\"/>",
                                               RAPPORT_QUESTION_MAX_ACCEPTS + 1);
    g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
    g_autoptr(RapportTopic) short_topic = load_quiz (most_short, problems);
    g_autoptr(RapportTopic) numeric_topic = load_quiz (most_numeric, problems);

    g_assert_nonnull (short_topic);
    g_assert_nonnull (numeric_topic);
    assert_problem (too_many_short, 6, "A <short> question can have at most 20 <accept> answers; this one has 21.");
    assert_problem (too_many_numeric, 6, "A <numeric> question can have at most 20 <accept> answers; this one has 21.");
  }

  /* Accepted words are a line of text: 1 to 400 characters. */
  while (g_utf8_strlen (words->str, -1) < RAPPORT_TYPED_MAX_LENGTH)
    g_string_append (words, "é");
  at_most = g_strdup_printf ("<short key=\"s\"><prompt>P</prompt><accept><text>%s</text></accept>"
                             "<explanation>E</explanation></short>\n", words->str);
  {
    g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
    g_autoptr(RapportTopic) topic = load_quiz (at_most, problems);
    g_autofree char *too_long = NULL;

    g_assert_nonnull (topic);
    g_string_append (words, "é");
    too_long = g_strdup_printf ("<short key=\"s\"><prompt>P</prompt><accept>\n<text>%s</text></accept>"
                                "<explanation>E</explanation></short>\n", words->str);
    assert_problem (too_long, 7, "<text> is too long: 401 characters; at most 400 are allowed.");
  }

  assert_problem ("<numeric key=\"n\"><prompt>P</prompt><accept value=\"1.5e15\"/>"
                  "<explanation>E</explanation></numeric>\n",
                  6, "value must be a number from -1e15 to 1e15");
  assert_problem ("<numeric key=\"n\"><prompt>P</prompt><accept value=\"1\" tolerance=\"2e15\"/>"
                  "<explanation>E</explanation></numeric>\n",
                  6, "tolerance must be a number from 0 to 1e15");
}

/* Broken questions: what the trainer reads, on which line. */
static void
test_problems (void)
{
  static const struct
  {
    const char *questions;
    guint       line;
    const char *words;
  } cases[] = {
    { "<matching key=\"m\"><prompt>P</prompt>\n<pair><left>a</left></pair>\n"
      "<pair><left>b</left><right>2</right></pair><explanation>E</explanation></matching>\n",
      7, "<right> is missing from <pair>" },
    { "<matching key=\"m\"><prompt>P</prompt><pair><left>a</left><right>1</right></pair>\n"
      "<pair><left>a</left><right>2</right></pair><explanation>E</explanation></matching>\n",
      7, "The left item “a” is already used on line 6" },
    { "<matching key=\"m\"><prompt>P</prompt><pair><left>a</left><right>1</right></pair>"
      "<pair><left>b</left><right>1</right></pair><explanation>E</explanation></matching>\n",
      6, "Every pair of this <matching> question has the same right item" },
    { "<matching key=\"m\"><prompt>P</prompt><pair><left>a</left><right>1</right></pair>"
      "<pair><left>b</left><right>2</right></pair>\n<right>2</right><explanation>E</explanation></matching>\n",
      7, "The extra <right> item “2” is already a right item" },
    { "<matching key=\"m\"><prompt>P</prompt><right>x</right><pair><left>a</left><right>1</right></pair>"
      "<pair><left>b</left><right>2</right></pair><explanation>E</explanation></matching>\n",
      6, "<pair> is in the wrong place: it must come before <right>" },
    { "<matching key=\"m\" fixed-order=\"true\"><prompt>P</prompt><pair><left>a</left><right>1</right></pair>"
      "<pair><left>b</left><right>2</right></pair><explanation>E</explanation></matching>\n",
      6, "<matching> cannot have the attribute “fixed-order”" },
    { "<matching key=\"m\"><prompt>P</prompt><pair><left>a</left><right>1 <em>x</em></right></pair>"
      "<pair><left>b</left><right>2</right></pair><explanation>E</explanation></matching>\n",
      6, "<right> holds plain text only" },
    { "<short key=\"s\" case-sensitive=\"yes\"><prompt>P</prompt><accept><text>x</text></accept>"
      "<explanation>E</explanation></short>\n",
      6, "case-sensitive must be true or false, not “yes”" },
    { "<short key=\"s\"><prompt>P</prompt>\n<accept><text>*</text></accept>"
      "<explanation>E</explanation></short>\n",
      7, "This <accept> is only “*”, which would accept any answer" },
    { "<short key=\"s\"><prompt>P</prompt>\n<accept><text>***</text></accept>"
      "<explanation>E</explanation></short>\n",
      7, "This <accept> is only “*”" },
    { "<short key=\"s\"><prompt>P</prompt>\n<accept><text> … ?! </text></accept>"
      "<explanation>E</explanation></short>\n",
      7, "The accepted answer “… ?!” is only spaces and punctuation" },
    { "<short key=\"s\"><prompt>P</prompt><accept><text>x</text></accept>"
      "<explanation>E</explanation>\n<feedback-other>F</feedback-other></short>\n",
      7, "<feedback-other> is in the wrong place: it must come before <explanation>" },
    { "<short key=\"s\"><prompt>P</prompt><feedback-other>F</feedback-other>"
      "<explanation>E</explanation></short>\n",
      6, "<accept> is missing here, before <feedback-other>" },
    { "<numeric key=\"n\"><prompt>P</prompt>\n<accept value=\"1,5\"/><explanation>E</explanation></numeric>\n",
      7, "value must be a number from -1e15 to 1e15, such as 12.5 or -3 (with a decimal point, not a comma), "
         "not “1,5”" },
    { "<numeric key=\"n\"><prompt>P</prompt>\n<accept value=\"1\" tolerance=\"-0.5\"/>"
      "<explanation>E</explanation></numeric>\n",
      7, "tolerance must be a number from 0 to 1e15" },
    { "<numeric key=\"n\"><prompt>P</prompt>\n<accept value=\"\xe2\x88\x92" "1\"/>"
      "<explanation>E</explanation></numeric>\n",
      7, "value must be a number" },
    { "<numeric key=\"n\"><prompt>P</prompt>\n<accept value=\"NaN\"/><explanation>E</explanation></numeric>\n",
      7, "value must be a number" },
    { "<numeric key=\"n\"><prompt>P</prompt>\n<accept value=\" 1 \"/><explanation>E</explanation></numeric>\n",
      7, "value must be a number" },
    { "<numeric key=\"n\"><prompt>P</prompt>\n<accept tolerance=\"1\"/><explanation>E</explanation></numeric>\n",
      7, "<accept> needs the attribute “value”" },
    { "<numeric key=\"n\"><prompt>P</prompt><accept value=\"1\">\n<text>1</text></accept>"
      "<explanation>E</explanation></numeric>\n",
      7, "<text> is not allowed here; expected <feedback>" },
    { "<short key=\"s\"><prompt>P</prompt><accept value=\"1\"><text>1</text></accept>"
      "<explanation>E</explanation></short>\n",
      6, "<accept> cannot have attributes; remove “value”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_problem (cases[i].questions, cases[i].line, cases[i].words);
}

/* Each example of the new types in the trainers' guide, as a quiz of its
 * own, is valid.
 */
static void
test_guide_examples (void)
{
  g_autofree char *guide = g_test_build_filename (G_TEST_DIST, "..", "data", "packs", "FORMAT.md", NULL);
  g_autofree char *contents = NULL;
  const char *names[] = { "matching", "short", "numeric" };
  guint n_found = 0;

  g_assert_true (g_file_get_contents (guide, &contents, NULL, NULL));
  for (const char *start = contents; (start = strstr (start, "```xml\n")) != NULL; )
    {
      const char *end;
      g_autofree char *example = NULL;

      start += strlen ("```xml\n");
      end = strstr (start, "```");
      g_assert_nonnull (end);
      example = g_strndup (start, end - start);
      start = end + 3;

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *opening = g_strdup_printf ("<%s ", names[i]);

          if (g_str_has_prefix (example, opening))
            {
              g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
              g_autoptr(RapportTopic) topic = load_quiz (example, problems);
              g_autoptr(RapportQuestion) question = NULL;

              g_test_message ("%s", names[i]);
              g_assert_cmpuint (problems->len, ==, 0);
              g_assert_nonnull (topic);
              question = g_list_model_get_item (rapport_quiz_get_questions (rapport_topic_get_quiz (topic)), 0);
              g_assert_cmpstr (rapport_question_type_to_string (rapport_question_get_question_type (question)), ==,
                               names[i]);
              n_found |= 1u << i;
            }
        }
    }

  g_assert_cmpuint (n_found, ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  loader = rapport_unit_new_loader ();

  g_test_add_func ("/rapport/topic-types/model", test_model);
  g_test_add_func ("/rapport/topic-types/minimal", test_minimal);
  g_test_add_func ("/rapport/topic-types/bounds", test_bounds);
  g_test_add_func ("/rapport/topic-types/problems", test_problems);
  g_test_add_func ("/rapport/topic-types/guide-examples", test_guide_examples);

  return rapport_unit_run (loader, NULL);
}
