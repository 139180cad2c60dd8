/* test-topic.c: reading topic files, good, wrong and hostile.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "rapport-keys.h"
#include "rapport-topic-loader.h"
#include "rapport-unit-utils.h"

static RapportTopicLoader *loader;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "topics", name, NULL);
}

static RapportTopic *
load_fixture (const char  *name,
              GPtrArray   *problems,
              GError     **error)
{
  g_autofree char *path = fixture_path (name);

  return rapport_topic_loader_load_from_file (loader, path, NULL, problems, error);
}

static RapportTopic *
load_string (const char  *text,
             gssize       length,
             GPtrArray   *problems)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  g_autoptr(GError) error = NULL;
  RapportTopic *topic;

  topic = rapport_topic_loader_load_from_bytes (loader, bytes, "memory.xml", NULL, problems, &error);
  if (topic == NULL)
    g_assert_error (error, RAPPORT_TOPIC_ERROR, RAPPORT_TOPIC_ERROR_INVALID);
  else
    g_assert_no_error (error);

  return topic;
}

static const RapportProblem *
problem_at (GPtrArray *problems,
            guint      position)
{
  g_assert_cmpuint (position, <, problems->len);

  return g_ptr_array_index (problems, position);
}

static void
assert_text (RapportInline *text,
             const char    *expected)
{
  g_assert_nonnull (text);
  g_assert_cmpstr (rapport_inline_get_text (text), ==, expected);
}

/* A valid file: every element lands in the model */

static void
test_topic_full_model (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTopic) topic = NULL;
  g_autoptr(RapportLesson) lesson = NULL;
  g_autoptr(RapportLesson) second = NULL;
  g_autofree char *path = fixture_path ("valid-full.xml");
  RapportSection *section;
  RapportBlock *block;
  RapportDialogue *dialogue;
  RapportSpeaker speaker;

  topic = rapport_topic_loader_load_from_file (loader, path, "org.example.test", problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (topic);

  g_assert_cmpstr (rapport_topic_get_key (topic), ==, "refunds");
  g_assert_cmpstr (rapport_topic_get_skill (topic), ==, "problem-solving");
  g_assert_cmpstr (rapport_topic_get_icon_name (topic), ==, "emblem-ok-symbolic");
  g_assert_cmpstr (rapport_topic_get_language (topic), ==, "en-GB");
  g_assert_cmpstr (rapport_topic_get_title (topic), ==, "Handling Refunds");
  /* White space is collapsed as a reader sees it. */
  g_assert_cmpstr (rapport_topic_get_summary (topic), ==, "Say yes, say when, and keep your word.");
  g_assert_cmpstr (rapport_topic_get_source_path (topic), ==, path);
  g_assert_cmpstr (rapport_topic_get_pack_id (topic), ==, "org.example.test");
  g_assert_cmpuint (rapport_topic_get_n_lessons (topic), ==, 2);
  g_assert_cmpuint (rapport_topic_get_minutes (topic), ==, 123);

  lesson = g_list_model_get_item (rapport_topic_get_lessons (topic), 0);
  g_assert_cmpstr (rapport_lesson_get_key (lesson), ==, "first-steps");
  g_assert_cmpstr (rapport_lesson_get_title (lesson), ==, "First steps");
  g_assert_cmpuint (rapport_lesson_get_minutes (lesson), ==, 3);
  g_assert_cmpuint (rapport_lesson_get_n_sections (lesson), ==, 2);

  section = rapport_lesson_get_section (lesson, 0);
  g_assert_cmpstr (rapport_section_get_heading (section), ==, "Listen first");
  g_assert_cmpuint (rapport_section_get_n_blocks (section), ==, 6);

  block = rapport_section_get_block (section, 0);
  g_assert_cmpint (rapport_block_get_kind (block), ==, RAPPORT_BLOCK_PARAGRAPH);
  assert_text (rapport_block_get_text (block),
               "Use the customer’s name & thank them, even when the line is bad <3.");

  block = rapport_section_get_block (section, 1);
  g_assert_cmpint (rapport_block_get_kind (block), ==, RAPPORT_BLOCK_LIST);
  g_assert_false (rapport_block_get_ordered (block));
  g_assert_cmpuint (rapport_block_get_n_items (block), ==, 2);
  assert_text (rapport_block_get_item (block, 1), "What went wrong");

  block = rapport_section_get_block (section, 2);
  g_assert_cmpint (rapport_block_get_kind (block), ==, RAPPORT_BLOCK_LIST);
  g_assert_true (rapport_block_get_ordered (block));
  g_assert_cmpuint (rapport_block_get_n_items (block), ==, 3);
  assert_text (rapport_block_get_item (block, 2), "Act");

  block = rapport_section_get_block (section, 3);
  g_assert_cmpint (rapport_block_get_kind (block), ==, RAPPORT_BLOCK_TIP);
  assert_text (rapport_block_get_text (block), "Write the number down before you search for it.");

  block = rapport_section_get_block (section, 4);
  g_assert_cmpint (rapport_block_get_kind (block), ==, RAPPORT_BLOCK_INSTEAD);
  assert_text (rapport_block_get_avoid (block), "That’s not my department.");
  assert_text (rapport_block_get_try (block), "Let me find the right person for you.");
  assert_text (rapport_block_get_why (block), "It keeps the customer with you.");

  block = rapport_section_get_block (section, 5);
  g_assert_cmpint (rapport_block_get_kind (block), ==, RAPPORT_BLOCK_INSTEAD);
  g_assert_null (rapport_block_get_why (block));

  section = rapport_lesson_get_section (lesson, 1);
  g_assert_null (rapport_section_get_heading (section));
  g_assert_cmpuint (rapport_section_get_n_blocks (section), ==, 4);

  block = rapport_section_get_block (section, 0);
  g_assert_cmpint (rapport_block_get_kind (block), ==, RAPPORT_BLOCK_DIALOGUE);
  dialogue = rapport_block_get_dialogue (block);
  g_assert_cmpstr (rapport_dialogue_get_caption (dialogue), ==, "A late parcel");
  g_assert_cmpuint (rapport_dialogue_get_n_lines (dialogue), ==, 2);
  assert_text (rapport_dialogue_get_line (dialogue, 0, &speaker), "Where is my parcel?");
  g_assert_cmpint (speaker, ==, RAPPORT_SPEAKER_CUSTOMER);
  assert_text (rapport_dialogue_get_line (dialogue, 1, &speaker), "Let me check that for you right now.");
  g_assert_cmpint (speaker, ==, RAPPORT_SPEAKER_AGENT);

  block = rapport_section_get_block (section, 1);
  g_assert_null (rapport_dialogue_get_caption (rapport_block_get_dialogue (block)));

  block = rapport_section_get_block (section, 2);
  g_assert_cmpint (rapport_block_get_kind (block), ==, RAPPORT_BLOCK_QUOTE);
  g_assert_cmpstr (rapport_block_get_source (block), ==, "Maya Angelou, poet");
  assert_text (rapport_block_get_text (block), "People will never forget how you made them feel.");

  /* CDATA is plain text, never markup. */
  block = rapport_section_get_block (section, 3);
  assert_text (rapport_block_get_text (block), "Plain <text> in CDATA");

  g_assert_cmpuint (rapport_lesson_get_n_takeaways (lesson), ==, 2);
  assert_text (rapport_lesson_get_takeaway (lesson, 1), "Keep your word.");

  second = g_list_model_get_item (rapport_topic_get_lessons (topic), 1);
  g_assert_cmpuint (rapport_lesson_get_minutes (second), ==, 120);
  g_assert_cmpuint (rapport_lesson_get_n_takeaways (second), ==, 0);

  g_assert_cmpuint (rapport_topic_get_n_prompts (topic), ==, 2);
  assert_text (rapport_topic_get_prompt (topic, 1), "What would you say next time?");

  assert_text (rapport_topic_get_rubric_level (topic, 1), "Argues with the customer.");
  assert_text (rapport_topic_get_rubric_level (topic, 5), "Turns complaints into loyalty.");
}

static void
test_topic_quiz_model (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTopic) topic = load_fixture ("valid-full.xml", NULL, &error);
  RapportQuestion *question;
  RapportChoice *choice;
  RapportDialogue *dialogue;
  RapportQuiz *quiz;

  g_assert_no_error (error);

  quiz = rapport_topic_get_quiz (topic);
  g_assert_nonnull (quiz);
  g_assert_cmpuint (rapport_quiz_get_pass_mark (quiz), ==, 70);
  g_assert_cmpuint (rapport_quiz_get_draw (quiz), ==, 4);
  g_assert_cmpuint (rapport_quiz_get_n_questions (quiz), ==, 6);
  g_assert_null (rapport_quiz_lookup_question (quiz, "nope"));

  question = rapport_quiz_lookup_question (quiz, "q-single");
  g_assert_cmpint (rapport_question_get_question_type (question), ==, RAPPORT_QUESTION_SINGLE);
  g_assert_true (rapport_question_get_fixed_order (question));
  assert_text (rapport_question_get_prompt (question), "Pick one.");
  assert_text (rapport_question_get_explanation (question), "Because.");
  g_assert_cmpuint (rapport_question_get_n_choices (question), ==, 3);
  choice = rapport_question_get_choice (question, 0);
  g_assert_false (rapport_choice_get_correct (choice));
  assert_text (rapport_choice_get_feedback (choice), "Not this.");
  choice = rapport_question_get_choice (question, 1);
  g_assert_true (rapport_choice_get_correct (choice));
  assert_text (rapport_choice_get_text (choice), "Right");
  g_assert_cmpuint (rapport_choice_get_score (choice), ==, 1);
  g_assert_null (rapport_choice_get_feedback (rapport_question_get_choice (question, 2)));

  question = rapport_quiz_lookup_question (quiz, "q-multiple");
  g_assert_cmpint (rapport_question_get_question_type (question), ==, RAPPORT_QUESTION_MULTIPLE);
  g_assert_false (rapport_question_get_fixed_order (question));
  /* correct="1" is the schema's other spelling of true. */
  g_assert_true (rapport_choice_get_correct (rapport_question_get_choice (question, 0)));
  g_assert_true (rapport_choice_get_correct (rapport_question_get_choice (question, 1)));
  g_assert_false (rapport_choice_get_correct (rapport_question_get_choice (question, 2)));

  question = rapport_quiz_lookup_question (quiz, "q-truefalse");
  g_assert_cmpint (rapport_question_get_question_type (question), ==, RAPPORT_QUESTION_TRUEFALSE);
  g_assert_false (rapport_question_get_answer (question));
  assert_text (rapport_question_get_feedback_true (question), "They are, often.");
  assert_text (rapport_question_get_feedback_false (question), "Right.");

  question = rapport_quiz_lookup_question (quiz, "q-truefalse-bare");
  g_assert_true (rapport_question_get_answer (question));
  g_assert_null (rapport_question_get_feedback_true (question));
  g_assert_null (rapport_question_get_feedback_false (question));

  question = rapport_quiz_lookup_question (quiz, "q-scenario");
  g_assert_cmpint (rapport_question_get_question_type (question), ==, RAPPORT_QUESTION_SCENARIO);
  dialogue = rapport_question_get_dialogue (question);
  g_assert_cmpstr (rapport_dialogue_get_caption (dialogue), ==, "Double charge");
  g_assert_cmpuint (rapport_dialogue_get_n_lines (dialogue), ==, 1);
  assert_text (rapport_question_get_prompt (question), "What should the agent say next?");
  g_assert_cmpuint (rapport_question_get_n_choices (question), ==, 3);
  g_assert_cmpuint (rapport_choice_get_score (rapport_question_get_choice (question, 0)), ==, 0);
  choice = rapport_question_get_choice (question, 1);
  g_assert_cmpuint (rapport_choice_get_score (choice), ==, 2);
  g_assert_true (rapport_choice_get_correct (choice));
  assert_text (rapport_choice_get_feedback (choice), "Owns it.");
  g_assert_cmpuint (rapport_choice_get_score (rapport_question_get_choice (question, 2)), ==, 1);
  g_assert_false (rapport_choice_get_correct (rapport_question_get_choice (question, 2)));

  question = rapport_quiz_lookup_question (quiz, "q-ordering");
  g_assert_cmpint (rapport_question_get_question_type (question), ==, RAPPORT_QUESTION_ORDERING);
  g_assert_cmpuint (rapport_question_get_n_steps (question), ==, 3);
  assert_text (rapport_question_get_step (question, 0), "Greet");
  assert_text (rapport_question_get_step (question, 2), "Solve");
  assert_text (rapport_question_get_explanation (question), "Greet, listen, solve.");
}

static void
test_topic_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTopic) topic = load_fixture ("valid-minimal.xml", NULL, &error);
  g_autoptr(RapportLesson) lesson = NULL;
  RapportSection *section;

  g_assert_no_error (error);
  g_assert_null (rapport_topic_get_quiz (topic));
  g_assert_null (rapport_topic_get_pack_id (topic));

  lesson = g_list_model_get_item (rapport_topic_get_lessons (topic), 0);
  g_assert_cmpuint (rapport_lesson_get_n_takeaways (lesson), ==, 0);
  section = rapport_lesson_get_section (lesson, 0);
  g_assert_null (rapport_section_get_heading (section));
  g_assert_cmpuint (rapport_section_get_n_blocks (section), ==, 1);
}

/* Markup for labels: styles become <i>/<b>, everything else is escaped. */
static void
test_topic_inline_markup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTopic) topic = load_fixture ("valid-full.xml", NULL, &error);
  g_autoptr(RapportLesson) lesson = g_list_model_get_item (rapport_topic_get_lessons (topic), 0);
  RapportBlock *block = rapport_section_get_block (rapport_lesson_get_section (lesson, 0), 0);
  RapportInline *text = rapport_block_get_text (block);
  g_autofree char *markup = rapport_inline_to_markup (text);
  RapportRunStyle style;

  g_assert_cmpstr (markup, ==,
                   "Use the customer’s <i>name</i> &amp; <b>thank</b> them, "
                   "even when the line is bad &lt;3.");

  g_assert_cmpuint (rapport_inline_get_n_runs (text), ==, 5);
  g_assert_cmpstr (rapport_inline_get_run (text, 0, &style), ==, "Use the customer’s ");
  g_assert_cmpint (style, ==, RAPPORT_RUN_PLAIN);
  g_assert_cmpstr (rapport_inline_get_run (text, 1, &style), ==, "name");
  g_assert_cmpint (style, ==, RAPPORT_RUN_EMPHASIS);
  g_assert_cmpstr (rapport_inline_get_run (text, 3, &style), ==, "thank");
  g_assert_cmpint (style, ==, RAPPORT_RUN_STRONG);

  g_assert_cmpuint (rapport_inline_count_words (text), ==, 13);
}

/* The same count as the content writers' checker: letters and digits, with an
 * apostrophe inside a word.
 */
static void
test_topic_word_count (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTopic) topic = load_fixture ("valid-full.xml", NULL, &error);
  g_autoptr(RapportLesson) first = g_list_model_get_item (rapport_topic_get_lessons (topic), 0);
  g_autoptr(RapportLesson) second = g_list_model_get_item (rapport_topic_get_lessons (topic), 1);

  g_assert_cmpuint (rapport_lesson_get_word_count (first), ==, 97);
  g_assert_cmpuint (rapport_lesson_get_word_count (second), ==, 2);
  g_assert_cmpuint (rapport_topic_get_word_count (topic), ==, 99);

  g_assert_cmpuint (rapport_count_words ("don’t  stop-me now's"), ==, 4);
  g_assert_cmpuint (rapport_count_words (""), ==, 0);
  g_assert_cmpuint (rapport_count_words ("Ça va, Zoë?"), ==, 3);
}

/* Every kind of mistake: its line and words */

typedef struct
{
  const char *fixture;
  guint       line;
  const char *words;
  gboolean    schema_finds_it;   /* FALSE: only Rapport's own checks do */
} Mistake;

static const Mistake mistakes[] = {
  { "bad-misplaced.xml", 9, "<quiz> is not allowed here; expected <section> or <takeaways>", TRUE },
  { "bad-unknown-element.xml", 8, "<warning> is not allowed here; expected <p>, <list>", TRUE },
  { "bad-missing-element.xml", 11, "<explanation> is missing from <single>", TRUE },
  { "bad-order.xml", 11, "<quiz> is in the wrong place: it must come before <journal>", TRUE },
  { "bad-attribute.xml", 4, "minutes must be a whole number from 1 to 120, not “five”", TRUE },
  { "bad-key.xml", 4, "“Only_Lesson” is not a valid key", TRUE },
  { "bad-text.xml", 7, "Text is not allowed directly inside <section>", TRUE },
  { "bad-rubric.xml", 11, "<rubric> needs 5 <level> elements; it has 4", TRUE },
  { "bad-format.xml", 1, "reads format 1", TRUE },
  { "bad-inline.xml", 7, "<em> holds plain text only; <strong> is not allowed in it", TRUE },
  { "bad-skill.xml", 1, "“listening” is not one of Rapport’s skills. Use one of: communication, "
                        "active-listening, empathy,", FALSE },
  { "bad-duplicate-lesson.xml", 10, "The lesson key “only” is already used on line 4", FALSE },
  { "bad-duplicate-question.xml", 17, "The question key “q1” is already used on line 11", FALSE },
  { "bad-single.xml", 11, "needs exactly one choice with correct=\"true\"; this one has 2", FALSE },
  { "bad-multiple.xml", 11, "needs at least one choice with correct=\"true\"; this one has none", FALSE },
  { "bad-scenario.xml", 11, "exactly one best reply with score=\"2\"; this one has 0", FALSE },
  { "bad-draw.xml", 10, "The quiz draws 3 questions but has only 1", FALSE },
  { "bad-empty.xml", 7, "<p> is empty", FALSE },
  { "bad-mismatched.xml", 7, "</p> does not close <em>, which is still open from line 7", TRUE },
  { "bad-unclosed-lesson.xml", 8, "<lesson>, opened on line 4, is not closed. It probably ends at "
                                  "line 8, before the <lesson> on line 10", TRUE },
  { "bad-unclosed-question.xml", 15, "<single>, opened on line 11, is not closed. It probably ends "
                                     "at line 15, before the <multiple> on line 16", TRUE },
  { "bad-unclosed-item.xml", 9, "<item>, opened on line 9, is not closed. It probably ends at "
                                "line 9, before the <item> on line 10", TRUE },
  { "bad-ampersand.xml", 5, "An “&” in the text must be written as &amp;", TRUE },
  { "bad-entity.xml", 7, "“&nbsp;” is not known in XML", TRUE },
  { "bad-encoding.xml", 1, "The file says its encoding is “ISO-8859-1”", FALSE },
  { "hostile-billion-laughs.xml", 2, "must not have a document type declaration", TRUE },
  { "hostile-external-entity.xml", 2, "must not have a document type declaration", TRUE },
  { "hostile-xinclude.xml", 7, "<xi:include> is not allowed inside <p>", TRUE },
  { "bad-figure-alt.xml", 8, "<figure> needs the attribute “alt”", TRUE },
  { "bad-figure-src.xml", 8, "“../secret.png” is not a picture in the pack’s media folder", TRUE },
  { "bad-figure-blank-alt.xml", 8, "The alt text of a picture is empty", FALSE },
  { "bad-matching-one-pair.xml", 11, "A <matching> question needs at least two pairs; this one has one", TRUE },
  { "bad-matching-extra.xml", 15, "The extra <right> item “Information” is already a right item", FALSE },
  { "bad-short-wildcard.xml", 14, "This <accept> is only “*”, which would accept any answer", FALSE },
  { "bad-short-accept.xml", 13, "<text> is missing here, before <feedback>", TRUE },
  { "bad-numeric-comma.xml", 14, "value must be a number from -1e15 to 1e15, such as 12.5 or -3 (with a "
                                 "decimal point, not a comma), not “21,25”", TRUE },
  { "bad-numeric-tolerance.xml", 13, "tolerance must be a number from 0 to 1e15", TRUE },
};

static void
test_topic_mistakes (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (mistakes); i++)
    {
      g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(RapportTopic) topic = NULL;
      g_autofree char *path = fixture_path (mistakes[i].fixture);
      gboolean found = FALSE;

      g_test_message ("%s", mistakes[i].fixture);
      topic = rapport_topic_loader_load_from_file (loader, path, NULL, problems, &error);

      /* Nothing partly built comes back, and the error counts the problems. */
      g_assert_null (topic);
      g_assert_error (error, RAPPORT_TOPIC_ERROR, RAPPORT_TOPIC_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_cmpuint (problems->len, >=, 1);

      for (guint j = 0; j < problems->len; j++)
        {
          const RapportProblem *problem = problem_at (problems, j);
          g_autofree char *line = rapport_problem_to_string (problem);

          g_test_message ("  %s", line);
          g_assert_cmpstr (problem->file, ==, path);
          /* The hostile files never get to read what they point at. */
          g_assert_null (strstr (problem->message, "root:"));

          if (problem->line == mistakes[i].line && strstr (problem->message, mistakes[i].words) != NULL)
            found = TRUE;
        }

      if (!found)
        g_error ("%s: no problem on line %u saying “%s”", mistakes[i].fixture,
                 mistakes[i].line, mistakes[i].words);
    }
}

/* The walk above repeats the schema's rules in better words; xmllint, which
 * knows only the schema, must refuse exactly the files marked as structural,
 * and accept those that only Rapport's own checks refuse.
 */
static void
test_topic_schema_agrees (void)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (mistakes); i++)
    {
      g_autofree char *path = fixture_path (mistakes[i].fixture);
      const char *argv[] = { xmllint, "--noout", "--nonet", "--relaxng",
                             g_getenv ("RAPPORT_SCHEMA"), path, NULL };
      g_autoptr(GError) error = NULL;
      int wait_status = 0;

      /* The encoding declaration is the one check before the schema that
       * xmllint, which honours the declaration, has no reason to make.
       */
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                                   G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, NULL, NULL, &wait_status, &error));
      g_assert_no_error (error);

      if (g_spawn_check_wait_status (wait_status, NULL) == mistakes[i].schema_finds_it)
        g_error ("%s: xmllint %s it", mistakes[i].fixture,
                 mistakes[i].schema_finds_it ? "accepts" : "refuses");
    }
}

/* Problems come in the order of the file, whatever order they were found in. */
static void
test_topic_problems_in_file_order (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportTopic) topic = NULL;
  g_autofree char *text = NULL;

  text = g_strdup ("<topic format=\"1\" key=\"x\" skill=\"empathy\" icon=\"a-symbolic\" xml:lang=\"en\">\n"
                   "<title>T</title><summary>S</summary>\n"
                   "<lesson key=\"l\" minutes=\"1\"><title>L</title>\n"
                   "<section><bogus/><p>x</p></section>\n"       /* line 4 */
                   "<quiz pass-mark=\"1\"/>\n"                    /* line 5 */
                   "</lesson>\n"
                   "<journal><prompt>p</prompt></journal>\n"
                   "<rubric><level value=\"1\">a</level><level value=\"2\">a</level>"
                   "<level value=\"3\">a</level><level value=\"4\">a</level>"
                   "<level value=\"5\">a</level></rubric>\n"
                   "</topic>\n");

  topic = load_string (text, -1, problems);
  g_assert_null (topic);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpuint (problem_at (problems, 0)->line, ==, 4);
  g_assert_cmpuint (problem_at (problems, 1)->line, ==, 5);
}

static void
test_topic_too_many_problems (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportTopic) topic = NULL;
  g_autoptr(GString) text = g_string_new ("<topic>\n");

  for (guint i = 0; i < 500; i++)
    g_string_append (text, "<bogus/>\n");
  g_string_append (text, "</topic>\n");

  topic = load_string (text->str, -1, problems);
  g_assert_null (topic);
  g_assert_cmpuint (problems->len, ==, RAPPORT_TOPIC_MAX_PROBLEMS + 1);
  g_assert_cmpuint (problem_at (problems, RAPPORT_TOPIC_MAX_PROBLEMS)->line, ==, 0);
}

static void
test_topic_bytes_and_pack_id (void)
{
  g_autofree char *path = fixture_path ("valid-minimal.xml");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTopic) topic = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);

  topic = rapport_topic_loader_load_from_bytes (loader, bytes, "topics/minimal.xml",
                                                "org.example.pack", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_topic_get_pack_id (topic), ==, "org.example.pack");
  g_assert_null (rapport_topic_get_source_path (topic));
}

/* Hostile and broken files */

static void
assert_refused (RapportTopic *topic,
                GPtrArray    *problems,
                guint         line,
                const char   *words)
{
  g_assert_null (topic);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (problem_at (problems, 0)->line, ==, line);
  if (strstr (problem_at (problems, 0)->message, words) == NULL)
    g_error ("expected “%s”, got “%s”", words, problem_at (problems, 0)->message);
}

static void
test_topic_hostile_billion_laughs (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportTopic) topic = NULL;

  /* Refused at the declaration, before any entity could be expanded. */
  topic = load_fixture ("hostile-billion-laughs.xml", problems, NULL);
  assert_refused (topic, problems, 2, "document type declaration");
}

static void
test_topic_hostile_deep_nesting (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportTopic) topic = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 10000; i++)
    g_string_append (text, "<section>\n");
  for (guint i = 0; i < 10000; i++)
    g_string_append (text, "</section>\n");

  topic = load_string (text->str, -1, problems);
  assert_refused (topic, problems, RAPPORT_TOPIC_MAX_DEPTH + 1, "nested more than 64 levels");
}

static void
test_topic_hostile_many_elements (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportTopic) topic = NULL;
  g_autoptr(GString) text = g_string_new ("<topic>");

  for (guint i = 0; i < RAPPORT_TOPIC_MAX_ELEMENTS + 10; i++)
    g_string_append (text, "<p/>");
  g_string_append (text, "</topic>");

  topic = load_string (text->str, -1, problems);
  assert_refused (topic, problems, 1, "more than 50000 elements");
}

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = fixture_path (name);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));

  return contents;
}

static void
test_topic_invalid_utf8 (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportTopic) topic = NULL;
  gsize length;
  g_autofree char *contents = read_fixture ("valid-minimal.xml", &length);
  char *one = strstr (contents, "One paragraph");

  /* "Öne" saved as Latin-1, on line 7. */
  one[0] = (char) 0xd6;

  topic = load_string (contents, length, problems);
  assert_refused (topic, problems, 7, "not valid UTF-8 (byte 0xD6)");
}

static void
test_topic_truncated (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportTopic) topic = NULL;
  gsize length;
  g_autofree char *contents = read_fixture ("valid-full.xml", &length);

  topic = load_string (contents, length / 2, problems);
  g_assert_null (topic);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (problem_at (problems, 0)->line, >, 1);
  g_assert_nonnull (strstr (problem_at (problems, 0)->message, "Is the file cut short?"));
}

/* An element left open is reported where its end tag belongs, the last line
 * before the sibling it swallowed, not where the parser noticed it.
 */
static void
test_topic_left_open (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportTopic) topic = NULL;
  g_autoptr(RapportTopic) cut = NULL;
  g_autofree char *contents = NULL;
  const char *end;
  gsize length;

  topic = load_fixture ("bad-unclosed-lesson.xml", problems, NULL);
  assert_refused (topic, problems, 8, "");
  g_assert_cmpstr (problem_at (problems, 0)->message, ==,
                   "<lesson>, opened on line 4, is not closed. It probably ends at line 8, "
                   "before the <lesson> on line 10: add </lesson> there. "
                   "(The mistake shows only at the </topic> on line 22.)");

  /* Cut after the second lesson: the parser notices at the end of the file. */
  g_ptr_array_set_size (problems, 0);
  contents = read_fixture ("bad-unclosed-lesson.xml", &length);
  end = strstr (contents, "  </lesson>\n");
  g_assert_nonnull (end);
  cut = load_string (contents, end + strlen ("  </lesson>\n") - contents, problems);
  assert_refused (cut, problems, 8, "before the <lesson> on line 10: add </lesson> there. "
                                    "(The mistake shows only at the end of the file.)");
}

static void
test_topic_empty (void)
{
  const char *empties[] = { "", "  \n\t \n" };

  for (guint i = 0; i < G_N_ELEMENTS (empties); i++)
    {
      g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
      g_autoptr(RapportTopic) topic = load_string (empties[i], -1, problems);

      assert_refused (topic, problems, 0, "The file is empty.");
    }
}

static void
test_topic_binary (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportTopic) topic = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guchar junk[4096];

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (guchar) g_rand_int_range (rand, 0, 256);
  junk[0] = 'P';   /* not the start of a gzip file */
  junk[100] = 0;

  topic = load_string ((const char *) junk, sizeof junk, problems);
  assert_refused (topic, problems, 0, "not a text file");
}

/* xmlReadFile would un-gzip this silently; the loader reads the bytes as they
 * are and refuses them.
 */
static void
test_topic_gzip (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportTopic) topic = NULL;
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) gzip = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GBytes) compressed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "valid-full.xml.gz", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  contents = read_fixture ("valid-full.xml", &length);
  g_assert_true (g_output_stream_write_all (gzip, contents, length, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (gzip, NULL, &error));
  g_assert_no_error (error);
  compressed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (compressed, NULL),
                                      g_bytes_get_size (compressed), &error));
  g_assert_no_error (error);

  topic = rapport_topic_loader_load_from_file (loader, path, NULL, problems, NULL);
  assert_refused (topic, problems, 0, "compressed (gzip)");
  g_assert_cmpstr (problem_at (problems, 0)->file, ==, path);
}

static void
test_topic_oversize (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GPtrArray) file_problems = rapport_problem_list_new ();
  g_autoptr(RapportTopic) topic = NULL;
  g_autoptr(RapportTopic) file_topic = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "huge.xml", NULL);
  gsize size = RAPPORT_TOPIC_MAX_SIZE + 1;
  g_autofree char *text = g_malloc (size);

  /* Well-formed, so only the size can be wrong with it. */
  memset (text, ' ', size);
  memcpy (text, "<topic>", 7);
  memcpy (text + size - 8, "</topic>", 8);

  topic = load_string (text, size, problems);
  assert_refused (topic, problems, 0, "too large");

  g_assert_true (g_file_set_contents (path, text, size, &error));
  g_assert_no_error (error);
  file_topic = rapport_topic_loader_load_from_file (loader, path, NULL, file_problems, NULL);
  assert_refused (file_topic, file_problems, 0, "too large");
}

static void
test_topic_unreadable (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTopic) topic = NULL;

  topic = rapport_topic_loader_load_from_file (loader, "/nonexistent/topic.xml", NULL, problems, &error);
  g_assert_null (topic);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  assert_refused (topic, problems, 0, "/nonexistent/topic.xml");

  g_clear_error (&error);
  g_ptr_array_set_size (problems, 0);
  topic = rapport_topic_loader_load_from_file (loader, g_get_tmp_dir (), NULL, problems, &error);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  assert_refused (topic, problems, 0, "not a regular file");
}

static void
test_topic_bad_schema (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("<grammar/>", 10);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTopicLoader) bad = NULL;

  bad = rapport_topic_loader_new_from_bytes (empty, &error);
  g_assert_null (bad);
  g_assert_error (error, RAPPORT_TOPIC_ERROR, RAPPORT_TOPIC_ERROR_SCHEMA);
  g_clear_error (&error);

  bad = rapport_topic_loader_new_from_bytes (bytes, &error);
  g_assert_null (bad);
  g_assert_error (error, RAPPORT_TOPIC_ERROR, RAPPORT_TOPIC_ERROR_SCHEMA);
}

/* When the schema refuses what Rapport's own walk let through, the schema's
 * messages are reported, reworded. A stricter copy of the schema makes that
 * happen: titles of at most 5 characters.
 */
static void
test_topic_schema_fallback (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportTopicLoader) strict = NULL;
  g_autoptr(RapportTopic) topic = NULL;
  g_autoptr(GBytes) schema = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *topic_text = NULL;
  g_auto(GStrv) parts = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (g_getenv ("RAPPORT_SCHEMA"), &text, NULL, NULL));
  parts = g_strsplit (text, "<param name=\"maxLength\">400</param>", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_free (text);
  text = g_strjoinv ("<param name=\"maxLength\">5</param>", parts);
  length = strlen (text);
  schema = g_bytes_new_take (g_steal_pointer (&text), length);

  strict = rapport_topic_loader_new_from_bytes (schema, &error);
  g_assert_no_error (error);

  topic_text = read_fixture ("valid-minimal.xml", &length);
  bytes = g_bytes_new_take (g_steal_pointer (&topic_text), length);
  topic = rapport_topic_loader_load_from_bytes (strict, bytes, "minimal.xml", NULL, problems, &error);
  g_assert_null (topic);
  g_assert_error (error, RAPPORT_TOPIC_ERROR, RAPPORT_TOPIC_ERROR_INVALID);
  g_assert_cmpuint (problems->len, >=, 1);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%u: %s", problem_at (problems, i)->line, problem_at (problems, i)->message);
  g_assert_cmpuint (problem_at (problems, 0)->line, ==, 2);
  g_assert_cmpstr (problem_at (problems, 0)->message, ==,
                   "<title>: this value does not fit here; it must be a valid string.");
}

/* The complete example in the trainers' guide must stay a valid topic. */
static void
test_topic_format_guide_example (void)
{
  g_autofree char *guide = g_test_build_filename (G_TEST_DIST, "..", "data", "packs", "FORMAT.md", NULL);
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportTopic) topic = NULL;
  g_autofree char *contents = NULL;
  const char *start;
  const char *end;

  g_assert_true (g_file_get_contents (guide, &contents, NULL, NULL));
  start = strstr (contents, "```xml\n<?xml");
  g_assert_nonnull (start);
  start += strlen ("```xml\n");
  end = strstr (start, "```");
  g_assert_nonnull (end);

  topic = load_string (start, end - start, problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", problem_at (problems, i)->message);
  g_assert_nonnull (topic);
  g_assert_cmpstr (rapport_topic_get_key (topic), ==, "refunds");
  g_assert_cmpuint (rapport_quiz_get_n_questions (rapport_topic_get_quiz (topic)), ==, 3);
}

/* A picture in a lesson: its file in the pack and the text that stands for it. */
static void
test_topic_figure (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportTopic) topic = NULL;
  g_autoptr(RapportLesson) lesson = NULL;
  RapportSection *section;
  RapportBlock *block;

  topic = load_string ("<topic format=\"1\" key=\"x\" skill=\"empathy\" icon=\"a-symbolic\" xml:lang=\"en\">\n"
                       "<title>T</title><summary>S</summary>\n"
                       "<lesson key=\"l\" minutes=\"1\"><title>L</title>\n"
                       "<section><p>Look:</p>\n"
                       "<figure src=\"media/shop/till-2.png\"\n"
                       "        alt=\"The till,   with the\n refund key\"/>\n"
                       "</section></lesson>\n"
                       "<journal><prompt>p</prompt></journal>\n"
                       "<rubric><level value=\"1\">a</level><level value=\"2\">a</level>"
                       "<level value=\"3\">a</level><level value=\"4\">a</level>"
                       "<level value=\"5\">a</level></rubric>\n"
                       "</topic>\n", -1, problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%u: %s", problem_at (problems, i)->line, problem_at (problems, i)->message);
  g_assert_nonnull (topic);

  lesson = g_list_model_get_item (rapport_topic_get_lessons (topic), 0);
  section = rapport_lesson_get_section (lesson, 0);
  g_assert_cmpuint (rapport_section_get_n_blocks (section), ==, 2);
  block = rapport_section_get_block (section, 1);
  g_assert_cmpint (rapport_block_get_kind (block), ==, RAPPORT_BLOCK_FIGURE);
  g_assert_cmpstr (rapport_block_get_src (block), ==, "media/shop/till-2.png");
  g_assert_cmpstr (rapport_block_get_alt (block), ==, "The till, with the refund key");
  /* The alt text is not counted as reading. */
  g_assert_cmpuint (rapport_block_count_words (block), ==, 0);

  g_assert_true (rapport_media_path_is_valid ("media/a.png"));
  g_assert_true (rapport_media_path_is_valid ("media/shop/till_2.jpeg"));
  g_assert_false (rapport_media_path_is_valid ("media/../pack.json"));
  g_assert_false (rapport_media_path_is_valid ("media/.hidden.png"));
  g_assert_false (rapport_media_path_is_valid ("media/a.PNG"));
  g_assert_false (rapport_media_path_is_valid ("media/a.gif"));
  g_assert_false (rapport_media_path_is_valid ("media/.png"));
  g_assert_false (rapport_media_path_is_valid ("topics/a.png"));
  g_assert_false (rapport_media_path_is_valid ("media//a.png"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  loader = rapport_unit_new_loader ();

  g_test_add_func ("/rapport/topic/full-model", test_topic_full_model);
  g_test_add_func ("/rapport/topic/quiz-model", test_topic_quiz_model);
  g_test_add_func ("/rapport/topic/minimal", test_topic_minimal);
  g_test_add_func ("/rapport/topic/inline-markup", test_topic_inline_markup);
  g_test_add_func ("/rapport/topic/word-count", test_topic_word_count);
  g_test_add_func ("/rapport/topic/mistakes", test_topic_mistakes);
  g_test_add_func ("/rapport/topic/schema-agrees", test_topic_schema_agrees);
  g_test_add_func ("/rapport/topic/problems-in-file-order", test_topic_problems_in_file_order);
  g_test_add_func ("/rapport/topic/too-many-problems", test_topic_too_many_problems);
  g_test_add_func ("/rapport/topic/bytes-and-pack-id", test_topic_bytes_and_pack_id);
  g_test_add_func ("/rapport/topic/hostile/billion-laughs", test_topic_hostile_billion_laughs);
  g_test_add_func ("/rapport/topic/hostile/deep-nesting", test_topic_hostile_deep_nesting);
  g_test_add_func ("/rapport/topic/hostile/many-elements", test_topic_hostile_many_elements);
  g_test_add_func ("/rapport/topic/hostile/invalid-utf8", test_topic_invalid_utf8);
  g_test_add_func ("/rapport/topic/hostile/truncated", test_topic_truncated);
  g_test_add_func ("/rapport/topic/hostile/empty", test_topic_empty);
  g_test_add_func ("/rapport/topic/left-open", test_topic_left_open);
  g_test_add_func ("/rapport/topic/hostile/binary", test_topic_binary);
  g_test_add_func ("/rapport/topic/hostile/gzip", test_topic_gzip);
  g_test_add_func ("/rapport/topic/hostile/oversize", test_topic_oversize);
  g_test_add_func ("/rapport/topic/unreadable", test_topic_unreadable);
  g_test_add_func ("/rapport/topic/bad-schema", test_topic_bad_schema);
  g_test_add_func ("/rapport/topic/format-guide-example", test_topic_format_guide_example);
  g_test_add_func ("/rapport/topic/schema-fallback", test_topic_schema_fallback);
  g_test_add_func ("/rapport/topic/figure", test_topic_figure);

  return rapport_unit_run (loader, NULL);
}
