/* test-banks.c: Moodle question banks read and written as topics: the
 * fixture banks that use every construct, question by question, and the
 * published banks of Moodle and of other GIFT readers.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <libxml/parser.h>

#include "rapport-bank-private.h"
#include "rapport-bank-writer.h"
#include "rapport-unit-utils.h"

static RapportTopicLoader *loader;

static RapportBank *
read_fixture (const char *name,
              GPtrArray  *problems)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "banks", name, NULL);
  g_autoptr(GBytes) bytes = rapport_unit_read_bytes (path);
  g_autoptr(GPtrArray) own = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (name);
  RapportBank *bank;

  bank = rapport_bank_read (bytes, base, problems != NULL ? problems : own, &error);
  if (problems == NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (own->len, ==, 0);
      g_assert_nonnull (bank);
    }

  return bank;
}

static RapportBankQuestion *
question_at (RapportBank *bank,
             guint        position)
{
  g_assert_cmpuint (position, <, bank->questions->len);

  return g_ptr_array_index (bank->questions, position);
}

static RapportBankAnswer *
answer_at (RapportBankQuestion *question,
           guint                position)
{
  g_assert_cmpuint (position, <, question->answers->len);

  return g_ptr_array_index (question->answers, position);
}

/* The text as it goes into a topic file; "" for none. */
static char *
markup_of (RapportBank           *bank,
           const RapportBankText *text)
{
  return text != NULL ? rapport_bank_text_to_inline (bank, text) : g_strdup ("");
}

#define assert_markup(bank, text, expected) \
  G_STMT_START { \
    g_autofree char *markup_ = markup_of ((bank), (text)); \
    g_assert_cmpstr (markup_, ==, (expected)); \
  } G_STMT_END

/* An answer's words, credit and feedback. */
static void
assert_answer (RapportBank         *bank,
               RapportBankQuestion *question,
               guint                position,
               const char          *words,
               double               fraction,
               const char          *feedback)
{
  RapportBankAnswer *answer = answer_at (question, position);

  assert_markup (bank, answer->text, words);
  g_assert_cmpfloat_with_epsilon (answer->fraction, fraction, 1e-9);
  assert_markup (bank, answer->feedback, feedback != NULL ? feedback : "");
}

static void
assert_question (RapportBankQuestion *question,
                 RapportBankType      type,
                 const char          *title,
                 guint                line,
                 guint                n_answers)
{
  g_assert_cmpint (question->type, ==, type);
  g_assert_cmpstr (question->title, ==, title);
  g_assert_cmpuint (question->line, ==, line);
  g_assert_cmpuint (question->answers->len, ==, n_answers);
}

static gboolean
has_note (GPtrArray  *notes,
          guint       line,
          const char *type)
{
  for (guint i = 0; i < notes->len; i++)
    {
      RapportBankNote *note = g_ptr_array_index (notes, i);

      if (note->line == line && g_str_equal (note->type, type))
        return TRUE;
    }

  return FALSE;
}

/* GIFT */

static void
test_gift_choices (void)
{
  g_autoptr(RapportBank) bank = read_fixture ("every-construct.gift", NULL);
  RapportBankQuestion *q;

  g_assert_cmpint (bank->format, ==, RAPPORT_BANK_GIFT);
  g_assert_cmpuint (bank->questions->len, ==, 18);
  g_assert_cmpuint (bank->skipped->len, ==, 0);
  g_assert_cmpuint (bank->categories->len, ==, 2);

  /* ::title::, = right and ~ wrong with #feedback, #### general feedback,
   * "// [tag:…]" comments, the category.
   */
  q = question_at (bank, 0);
  assert_question (q, RAPPORT_BANK_SINGLE, "First words", 8, 3);
  g_assert_cmpstr (q->category->title, ==, "Greeting callers");
  g_assert_cmpstr (q->category->path, ==, "$course$/top/Greeting callers");
  g_assert_cmpuint (q->tags->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (q->tags, 0), ==, "greeting");
  g_assert_cmpstr (g_ptr_array_index (q->tags, 1), ==, "basics");
  assert_markup (bank, q->stem, "What do you say first on a call?");
  assert_answer (bank, q, 0, "The company's name.", 1,
                 "Callers want to know they reached the right place.");
  assert_answer (bank, q, 1, "The caller's account number.", 0,
                 "Ask for details after you have greeted them.");
  assert_answer (bank, q, 2, "&quot;Hold on, please.&quot;", 0, NULL);
  g_assert_cmpuint (answer_at (q, 1)->line, ==, 10);
  assert_markup (bank, q->general_feedback, "Start with who you are.");

  /* No "=": several right answers, with weights, a negative one. */
  q = question_at (bank, 1);
  assert_question (q, RAPPORT_BANK_MULTIPLE, "Parts of a greeting", 15, 3);
  assert_answer (bank, q, 0, "Your own name.", 0.5, "Yes.");
  assert_answer (bank, q, 1, "An offer to help.", 0.5, NULL);
  assert_answer (bank, q, 2, "Today's special offers.", -1, "Offers can wait.");

  /* {T#when wrong#when right}: the feedback of the answer given. */
  q = question_at (bank, 2);
  assert_question (q, RAPPORT_BANK_TRUEFALSE, "Smile", 21, 0);
  g_assert_true (q->answer);
  assert_markup (bank, q->feedback_true, "Right: they can.");
  assert_markup (bank, q->feedback_false, "No: a smile changes the voice.");

  q = question_at (bank, 3);
  assert_question (q, RAPPORT_BANK_TRUEFALSE, "Silence", 23, 0);
  g_assert_false (q->answer);
  assert_markup (bank, q->feedback_true, "It often helps the caller think.");
  g_assert_null (q->feedback_false);
  assert_markup (bank, q->general_feedback, "Pauses give both sides time.");
}

static void
test_gift_typed (void)
{
  g_autoptr(RapportBank) bank = read_fixture ("every-construct.gift", NULL);
  RapportBankQuestion *q;
  RapportBankAnswer *a;

  /* Short answer: "=" answers, weights, "*" for anything else, text after
   * the braces (a "_____" where they were).
   */
  q = question_at (bank, 4);
  assert_question (q, RAPPORT_BANK_SHORT, "Sign-off", 25, 4);
  assert_markup (bank, q->stem, "The polite last words of a call are _____.");
  assert_answer (bank, q, 0, "goodbye", 1, "Yes.");
  assert_answer (bank, q, 1, "bye", 1, NULL);
  assert_answer (bank, q, 2, "ciao", 0.5, "A bit casual.");
  assert_answer (bank, q, 3, "*", 0, "Say goodbye.");
  g_assert_true (answer_at (q, 3)->other);
  g_assert_true (has_note (bank->notes, 28, "weight"));

  /* The missing word: text before and after. */
  q = question_at (bank, 5);
  assert_question (q, RAPPORT_BANK_SHORT, NULL, 32, 1);
  assert_markup (bank, q->stem, "Greet the caller with the company's _____ and your own.");
  assert_answer (bank, q, 0, "name", 1, NULL);

  /* Matching, with an extra right item ("= -> …"). */
  q = question_at (bank, 6);
  assert_question (q, RAPPORT_BANK_MATCHING, "Match", 34, 3);
  assert_markup (bank, answer_at (q, 0)->text, "Greeting");
  g_assert_cmpstr (answer_at (q, 0)->right, ==, "Good morning, Example Company.");
  assert_markup (bank, answer_at (q, 1)->text, "Offer");
  g_assert_cmpstr (answer_at (q, 1)->right, ==, "How can I help?");
  assert_markup (bank, answer_at (q, 2)->text, "");
  g_assert_cmpstr (answer_at (q, 2)->right, ==, "Please hold.");

  /* Numerical: value:tolerance, min..max, several answers and "~#". */
  q = question_at (bank, 7);
  assert_question (q, RAPPORT_BANK_NUMERIC, "Seconds", 40, 1);
  g_assert_cmpfloat (answer_at (q, 0)->value, ==, 3);
  g_assert_cmpfloat (answer_at (q, 0)->tolerance, ==, 1);

  q = question_at (bank, 8);
  assert_question (q, RAPPORT_BANK_NUMERIC, "Range", 42, 1);
  g_assert_cmpfloat (answer_at (q, 0)->value, ==, 2);
  g_assert_cmpfloat (answer_at (q, 0)->tolerance, ==, 1);

  q = question_at (bank, 9);
  assert_question (q, RAPPORT_BANK_NUMERIC, "Pi", 44, 3);
  a = answer_at (q, 0);
  g_assert_cmpfloat_with_epsilon (a->value, 3.142, 1e-12);
  g_assert_cmpfloat_with_epsilon (a->tolerance, 0.0005, 1e-12);
  assert_markup (bank, a->feedback, "Exactly.");
  a = answer_at (q, 1);
  g_assert_cmpfloat_with_epsilon (a->fraction, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (a->tolerance, 0.2, 1e-12);
  a = answer_at (q, 2);
  g_assert_true (a->other);
  assert_markup (bank, a->feedback, "Look it up.");
}

static void
test_gift_texts (void)
{
  g_autoptr(RapportBank) bank = read_fixture ("every-construct.gift", NULL);
  g_autoptr(GPtrArray) blocks = NULL;
  RapportBankQuestion *q;
  RapportBankBlock *block;

  /* "{}" is an essay; with general feedback too. */
  q = question_at (bank, 10);
  assert_question (q, RAPPORT_BANK_ESSAY, "Reflection", 51, 0);
  assert_markup (bank, q->stem, "How did you greet your last caller?");
  q = question_at (bank, 11);
  assert_question (q, RAPPORT_BANK_ESSAY, "Essay with feedback", 53, 0);
  assert_markup (bank, q->general_feedback, "Think of one thing.");

  /* No braces: a description, here in [html] and in [markdown]. */
  q = question_at (bank, 12);
  assert_question (q, RAPPORT_BANK_DESCRIPTION, "About greetings", 56, 0);
  g_assert_cmpint (q->stem->format, ==, RAPPORT_BANK_TEXT_HTML);
  blocks = rapport_bank_text_to_blocks (bank, q->stem);
  g_assert_cmpuint (blocks->len, ==, 2);
  block = g_ptr_array_index (blocks, 0);
  g_assert_cmpint (block->type, ==, RAPPORT_BANK_BLOCK_PARAGRAPH);
  g_assert_cmpstr (block->markup, ==, "A greeting has <strong>three</strong> parts:");
  block = g_ptr_array_index (blocks, 1);
  g_assert_cmpint (block->type, ==, RAPPORT_BANK_BLOCK_LIST);
  g_assert_cmpuint (block->items->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (block->items, 2), ==, "an offer to help");

  q = question_at (bank, 13);
  assert_question (q, RAPPORT_BANK_DESCRIPTION, NULL, 58, 0);
  g_assert_cmpint (q->stem->format, ==, RAPPORT_BANK_TEXT_MARKDOWN);
  assert_markup (bank, q->stem, "Say it <strong>slowly</strong> and <em>clearly</em>.");

  /* Escapes, in a title, a text and feedback; "\\" is a backslash. */
  q = question_at (bank, 14);
  assert_question (q, RAPPORT_BANK_SINGLE, "Escapes : all", 62, 2);
  g_assert_cmpstr (q->category->title, ==, "Escapes and formats");
  assert_markup (bank, q->stem, "Which characters does GIFT escape: ~ = # { }?");
  assert_answer (bank, q, 0, "All of them, with a backslash (\\).", 1,
                 "Right: \\ escapes itself.");

  /* [plain]: markup is words; [html] answers in [plain] and [html]. */
  q = question_at (bank, 15);
  assert_question (q, RAPPORT_BANK_TRUEFALSE, NULL, 67, 0);
  g_assert_cmpint (q->stem->format, ==, RAPPORT_BANK_TEXT_PLAIN);
  assert_markup (bank, q->stem, "Write &lt;b&gt;bold&lt;/b&gt; &amp; keep it?");
  q = question_at (bank, 16);
  assert_markup (bank, q->stem, "Is <em>this</em> HTML with a break?");
  assert_answer (bank, q, 0, "&lt;i&gt;yes&lt;/i&gt;", 1, NULL);
  assert_answer (bank, q, 1, "<em>no</em>", 0, NULL);

  /* A question on several lines, with a "\n" of its own. */
  q = question_at (bank, 17);
  assert_question (q, RAPPORT_BANK_SINGLE, "Multi-line", 74, 2);
  g_assert_cmpstr (q->stem->raw, ==, "This question\nspans three lines\nand a forced one.");
  assert_markup (bank, q->stem, "This question spans three lines and a forced one.");
}

/* Moodle XML */

static void
test_moodle_choices (void)
{
  g_autoptr(RapportBank) bank = read_fixture ("every-construct.xml", NULL);
  RapportBankQuestion *q;

  g_assert_cmpint (bank->format, ==, RAPPORT_BANK_MOODLE_XML);
  g_assert_cmpuint (bank->questions->len, ==, 10);
  g_assert_cmpuint (bank->categories->len, ==, 2);

  q = question_at (bank, 0);
  assert_question (q, RAPPORT_BANK_SINGLE, "First words", 15, 3);
  g_assert_true (q->fixed_order);
  g_assert_cmpstr (q->category->title, ==, "Refunds");
  assert_markup (bank, q->category->info, "Saying <em>yes</em> well.");
  assert_markup (bank, q->stem, "What do you say <strong>first</strong> when a refund is due?");
  assert_markup (bank, q->general_feedback, "Lead with the answer the customer is waiting for.");
  assert_answer (bank, q, 0, "That the refund is approved.", 1, "Yes.");
  assert_answer (bank, q, 1, "The refund policy.", 0, "The policy can wait.");
  assert_answer (bank, q, 2, "An apology for the delay.", 0, NULL);
  g_assert_cmpuint (q->tags->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (q->tags, 1), ==, "first-call");
  g_assert_true (has_note (bank->notes, 47, "link"));
  g_assert_true (has_note (bank->notes, 49, "style"));

  q = question_at (bank, 1);
  assert_question (q, RAPPORT_BANK_MULTIPLE, "Refund facts", 64, 3);
  g_assert_false (q->fixed_order);
  assert_answer (bank, q, 0, "The amount.", 0.5, "Yes.");
  assert_answer (bank, q, 2, "The name of your manager.", -1, "Not needed.");

  /* A style that only asks for italics is emphasis, and noted as nothing. */
  q = question_at (bank, 2);
  assert_question (q, RAPPORT_BANK_TRUEFALSE, "Vague is kind", 90, 0);
  g_assert_false (q->answer);
  assert_markup (bank, q->stem,
                 "&quot;We might be able to do something&quot; sounds <em>kinder</em> than a "
                 "clear yes.");
  assert_markup (bank, q->feedback_true, "It only sounds kind.");
  assert_markup (bank, q->feedback_false, "Right.");
  g_assert_false (has_note (bank->notes, 95, "style"));
}

static void
test_moodle_typed (void)
{
  g_autoptr(RapportBank) bank = read_fixture ("every-construct.xml", NULL);
  RapportBankQuestion *q;

  q = question_at (bank, 3);
  assert_question (q, RAPPORT_BANK_SHORT, "One word", 110, 4);
  assert_answer (bank, q, 0, "yes", 1, "Exactly.");
  assert_answer (bank, q, 1, "y*s", 1, NULL);
  assert_answer (bank, q, 2, "maybe", 0.5, "Not quite.");
  g_assert_true (answer_at (q, 3)->other);
  g_assert_true (q->case_sensitive);   /* <usecase>1</usecase> */

  q = question_at (bank, 4);
  assert_question (q, RAPPORT_BANK_NUMERIC, "Days", 139, 3);
  g_assert_cmpfloat (answer_at (q, 0)->value, ==, 3);
  g_assert_cmpfloat (answer_at (q, 1)->value, ==, 4.5);
  g_assert_cmpfloat (answer_at (q, 1)->tolerance, ==, 0.5);
  g_assert_true (answer_at (q, 2)->other);
  g_assert_true (has_note (bank->notes, 139, "units"));

  q = question_at (bank, 5);
  assert_question (q, RAPPORT_BANK_MATCHING, "Match the step", 172, 3);
  assert_markup (bank, answer_at (q, 1)->text, "Say <em>when</em>");
  g_assert_cmpstr (answer_at (q, 1)->right, ==, "You will see it by Friday.");
  assert_markup (bank, answer_at (q, 2)->text, "");
  g_assert_cmpstr (answer_at (q, 2)->right, ==, "Refunds take time.");
  g_assert_true (has_note (bank->notes, 195, "hint"));

  /* The ordering plugin: the answers in their right order. */
  q = question_at (bank, 6);
  assert_question (q, RAPPORT_BANK_ORDERING, "Refund steps", 200, 3);
  assert_markup (bank, answer_at (q, 0)->text, "Listen to the whole problem.");
  assert_markup (bank, answer_at (q, 2)->text, "Say when it arrives.");

  q = question_at (bank, 7);
  assert_question (q, RAPPORT_BANK_ESSAY, "Last refund", 224, 0);
  assert_markup (bank, q->stem, "When did you last give a customer a <strong>clear</strong> yes?");
}

static void
test_moodle_files (void)
{
  g_autoptr(RapportBank) bank = read_fixture ("every-construct.xml", NULL);
  g_autoptr(GPtrArray) blocks = NULL;
  RapportBankQuestion *q;
  RapportBankBlock *block;
  static const char * const skipped[] = {
    "file", "file", "cloze", "calculated", "random", "ddwtos", "multichoice",
  };
  static const guint skipped_lines[] = { 261, 262, 277, 286, 295, 304, 313 };

  /* A description: a heading, a paragraph, a list, two pictures from the
   * bank's files (one without alt text), a script left out.
   */
  q = question_at (bank, 8);
  assert_question (q, RAPPORT_BANK_DESCRIPTION, "Why refunds are late", 243, 0);
  g_assert_cmpstr (q->category->title, ==, "Late refunds");
  blocks = rapport_bank_text_to_blocks (bank, q->stem);
  g_assert_cmpuint (blocks->len, ==, 5);
  block = g_ptr_array_index (blocks, 0);
  g_assert_cmpint (block->type, ==, RAPPORT_BANK_BLOCK_HEADING);
  g_assert_cmpstr (block->markup, ==, "The bank");
  block = g_ptr_array_index (blocks, 1);
  g_assert_cmpstr (block->markup, ==, "Banks take <strong>two days</strong>.");
  block = g_ptr_array_index (blocks, 2);
  g_assert_cmpint (block->type, ==, RAPPORT_BANK_BLOCK_ORDERED_LIST);
  g_assert_cmpuint (block->items->len, ==, 2);
  block = g_ptr_array_index (blocks, 3);
  g_assert_cmpint (block->type, ==, RAPPORT_BANK_BLOCK_FIGURE);
  g_assert_cmpstr (block->media->name, ==, "media/till-receipt.png");
  g_assert_cmpstr (block->alt, ==, "A till receipt with the date circled.");
  block = g_ptr_array_index (blocks, 4);
  g_assert_cmpstr (block->media->name, ==, "media/steps.svg");
  g_assert_cmpstr (block->alt, ==, "steps.svg");
  g_assert_true (has_note (bank->notes, 248, "script"));
  g_assert_true (has_note (bank->notes, 248, "picture"));

  /* A picture in a question is kept for a lesson, and noted. */
  q = question_at (bank, 9);
  assert_question (q, RAPPORT_BANK_TRUEFALSE, "Late apology", 254, 0);
  assert_markup (bank, q->stem, "Say sorry when a refund is late.");
  g_assert_true (has_note (bank->notes, 259, "picture"));

  g_assert_cmpuint (bank->media->len, ==, 4);
  g_assert_cmpstr (((RapportBankMedia *) g_ptr_array_index (bank->media, 3))->name, ==,
                   "media/greeting.mp3");
  g_assert_nonnull (((RapportBankMedia *) g_ptr_array_index (bank->media, 3))->refused);

  /* Left out, in the bank's order: a file named "../../escape.png", a
   * sound, the question types Rapport has no counterpart for, and a
   * question with one answer.
   */
  g_assert_cmpuint (bank->skipped->len, ==, G_N_ELEMENTS (skipped));
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    {
      RapportBankNote *note = g_ptr_array_index (bank->skipped, i);

      g_assert_cmpstr (note->type, ==, skipped[i]);
      g_assert_cmpuint (note->line, ==, skipped_lines[i]);
      g_assert_true (note->message[0] != '\0');
    }
}

/* Writing */

/* The topic as written, loaded by the loader the app uses. */
static RapportTopic *
load_topic (RapportBankTopic *topic)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  RapportTopic *loaded;

  loaded = rapport_topic_loader_load_from_bytes (loader, topic->xml, topic->file, NULL,
                                                 problems, &error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((RapportProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (loaded);

  return loaded;
}

static gboolean
contains (GBytes     *xml,
          const char *text)
{
  gsize length;
  const char *data = g_bytes_get_data (xml, &length);

  return g_strstr_len (data, length, text) != NULL;
}

static RapportQuestion *
loaded_question (RapportTopic *topic,
                 guint         position)
{
  GListModel *questions = rapport_quiz_get_questions (rapport_topic_get_quiz (topic));

  g_assert_cmpuint (position, <, g_list_model_get_n_items (questions));

  return g_list_model_get_item (questions, position);
}

static const char *
text_or_empty (RapportInline *text)
{
  return text != NULL ? rapport_inline_get_text (text) : "";
}

/* A loaded <short>: its case, prompt, accepted words with their feedback
 * (pairs of strings, "" for none), other feedback and explanation.
 */
static void
assert_loaded_short (RapportQuestion    *question,
                     gboolean            case_sensitive,
                     const char         *prompt,
                     const char * const *accepts,
                     const char         *other,
                     const char         *explanation)
{
  g_autoptr(RapportQuestion) owned = question;
  guint n = g_strv_length ((char **) accepts) / 2;

  g_assert_cmpint (rapport_question_get_question_type (question), ==, RAPPORT_QUESTION_SHORT);
  g_assert_cmpint (rapport_question_get_case_sensitive (question), ==, case_sensitive);
  g_assert_cmpstr (text_or_empty (rapport_question_get_prompt (question)), ==, prompt);
  g_assert_cmpuint (rapport_question_get_n_accepts (question), ==, n);
  for (guint i = 0; i < n; i++)
    {
      RapportAccept *accept = rapport_question_get_accept (question, i);

      g_assert_cmpstr (rapport_accept_get_text (accept), ==, accepts[2 * i]);
      g_assert_cmpstr (text_or_empty (rapport_accept_get_feedback (accept)), ==,
                       accepts[2 * i + 1]);
    }
  g_assert_cmpstr (text_or_empty (rapport_question_get_feedback_other (question)), ==, other);
  g_assert_cmpstr (text_or_empty (rapport_question_get_explanation (question)), ==, explanation);
}

/* A loaded <numeric>: value and tolerance of each accepted answer. */
static void
assert_loaded_numeric (RapportQuestion    *question,
                       const char         *prompt,
                       const double       *numbers,
                       const char * const *feedback,
                       const char         *other,
                       const char         *explanation)
{
  g_autoptr(RapportQuestion) owned = question;
  guint n = g_strv_length ((char **) feedback);

  g_assert_cmpint (rapport_question_get_question_type (question), ==, RAPPORT_QUESTION_NUMERIC);
  g_assert_cmpstr (text_or_empty (rapport_question_get_prompt (question)), ==, prompt);
  g_assert_cmpuint (rapport_question_get_n_accepts (question), ==, n);
  for (guint i = 0; i < n; i++)
    {
      RapportAccept *accept = rapport_question_get_accept (question, i);

      g_assert_null (rapport_accept_get_text (accept));
      g_assert_cmpfloat_with_epsilon (rapport_accept_get_value (accept), numbers[2 * i], 1e-12);
      g_assert_cmpfloat_with_epsilon (rapport_accept_get_tolerance (accept), numbers[2 * i + 1],
                                      1e-12);
      g_assert_cmpstr (text_or_empty (rapport_accept_get_feedback (accept)), ==, feedback[i]);
    }
  g_assert_cmpstr (text_or_empty (rapport_question_get_feedback_other (question)), ==, other);
  g_assert_cmpstr (text_or_empty (rapport_question_get_explanation (question)), ==, explanation);
}

/* A loaded <matching>: its pairs (left, right), then the extra rights. */
static void
assert_loaded_matching (RapportQuestion    *question,
                        const char         *prompt,
                        const char * const *pairs,
                        const char * const *extra,
                        const char         *explanation)
{
  g_autoptr(RapportQuestion) owned = question;
  guint n_pairs = g_strv_length ((char **) pairs) / 2;
  guint n_extra = g_strv_length ((char **) extra);

  g_assert_cmpint (rapport_question_get_question_type (question), ==, RAPPORT_QUESTION_MATCHING);
  g_assert_cmpstr (text_or_empty (rapport_question_get_prompt (question)), ==, prompt);
  g_assert_cmpuint (rapport_question_get_n_pairs (question), ==, n_pairs);
  for (guint i = 0; i < n_pairs; i++)
    {
      guint option = rapport_question_get_pair_option (question, i);

      g_assert_cmpstr (text_or_empty (rapport_question_get_pair_left (question, i)), ==,
                       pairs[2 * i]);
      g_assert_cmpstr (rapport_question_get_option (question, option), ==, pairs[2 * i + 1]);
    }
  g_assert_cmpuint (rapport_question_get_n_options (question), ==, n_pairs + n_extra);
  for (guint i = 0; i < n_extra; i++)
    g_assert_cmpstr (rapport_question_get_option (question, n_pairs + i), ==, extra[i]);
  g_assert_cmpstr (text_or_empty (rapport_question_get_explanation (question)), ==, explanation);
}

static void
test_write_moodle (void)
{
  g_autoptr(RapportBank) bank = read_fixture ("every-construct.xml", NULL);
  RapportBankWriteOptions options = { .skill = "problem-solving", .language = "en" };
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(RapportTopic) refunds = NULL;
  g_autoptr(RapportTopic) late = NULL;
  g_autoptr(RapportQuestion) first = NULL;
  g_autoptr(RapportQuestion) steps = NULL;
  g_autoptr(RapportLesson) lesson = NULL;
  g_autoptr(GError) error = NULL;
  RapportBankTopic *topic;
  RapportSection *section;
  xmlDoc *doc;

  topics = rapport_bank_write (bank, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (topics->len, ==, 2);

  topic = g_ptr_array_index (topics, 0);
  g_assert_cmpstr (topic->file, ==, "topics/refunds.xml");
  g_assert_cmpuint (topic->n_questions, ==, 7);
  g_assert_cmpuint (topic->n_by_type[RAPPORT_BANK_SHORT], ==, 1);
  g_assert_cmpuint (topic->n_by_type[RAPPORT_BANK_NUMERIC], ==, 1);
  g_assert_cmpuint (topic->n_by_type[RAPPORT_BANK_MATCHING], ==, 1);
  g_assert_cmpuint (topic->n_prompts, ==, 1);
  g_assert_cmpint (topic->placeholders, ==,
                   RAPPORT_BANK_PLACEHOLDER_LESSON | RAPPORT_BANK_PLACEHOLDER_RUBRIC);

  /* The three typed and matching elements, as FORMAT.md has them. */
  g_assert_true (contains (topic->xml,
                           "    <short key=\"one-word\" case-sensitive=\"true\">\n"
                           "      <prompt>What one word is the customer waiting for?</prompt>\n"
                           "      <accept><text>yes</text><feedback>Exactly.</feedback></accept>\n"
                           "      <accept><text>y*s</text></accept>\n"
                           "      <feedback-other>The word is yes.</feedback-other>\n"));
  g_assert_true (contains (topic->xml,
                           "    <numeric key=\"days\">\n"
                           "      <prompt>In how many days does a refund arrive?</prompt>\n"
                           "      <accept value=\"3\" tolerance=\"0\"><feedback>Yes.</feedback>"
                           "</accept>\n"
                           "      <accept value=\"4.5\" tolerance=\"0.5\"/>\n"
                           "      <feedback-other>It is three.</feedback-other>\n"
                           "      <explanation>Three working days.</explanation>\n"));
  g_assert_true (contains (topic->xml,
                           "    <matching key=\"match-the-step\">\n"
                           "      <prompt>Match each step to what you say.</prompt>\n"
                           "      <pair><left>Confirm</left><right>Yes, it is refunded.</right>"
                           "</pair>\n"
                           "      <pair><left>Say <em>when</em></left><right>You will see it by "
                           "Friday.</right></pair>\n"
                           "      <right>Refunds take time.</right>\n"));
  g_assert_true (contains (topic->xml, "<!-- every-construct.xml:15: First words; tags: refunds, "
                                       "first-call -->"));

  /* The whole topic is well-formed XML and loads with the shipped schema,
   * every question as the bank had it.
   */
  doc = xmlReadMemory (g_bytes_get_data (topic->xml, NULL), g_bytes_get_size (topic->xml),
                       NULL, "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);

  refunds = load_topic (topic);
  g_assert_cmpstr (rapport_topic_get_title (refunds), ==, "Refunds");
  g_assert_cmpstr (rapport_topic_get_summary (refunds), ==, "Saying yes well.");
  g_assert_cmpstr (rapport_topic_get_skill (refunds), ==, "problem-solving");
  g_assert_cmpuint (rapport_quiz_get_n_questions (rapport_topic_get_quiz (refunds)), ==, 7);
  first = loaded_question (refunds, 0);
  g_assert_cmpstr (rapport_question_get_key (first), ==, "first-words");
  g_assert_true (rapport_question_get_fixed_order (first));
  g_assert_cmpuint (rapport_question_get_n_choices (first), ==, 3);
  g_assert_true (rapport_choice_get_correct (rapport_question_get_choice (first, 0)));
  g_assert_false (rapport_choice_get_correct (rapport_question_get_choice (first, 1)));
  g_assert_cmpstr (rapport_inline_get_text (rapport_choice_get_feedback (
                     rapport_question_get_choice (first, 1))), ==, "The policy can wait.");
  g_assert_cmpstr (rapport_inline_get_text (rapport_question_get_explanation (first)), ==,
                   "Lead with the answer the customer is waiting for.");
  assert_loaded_short (loaded_question (refunds, 3), TRUE, "What one word is the customer waiting for?",
                       (const char *[]) { "yes", "Exactly.", "y*s", "", NULL },
                       "The word is yes.",
                       "The right answer: yes; y*s");
  assert_loaded_numeric (loaded_question (refunds, 4), "In how many days does a refund arrive?",
                         (const double[]) { 3, 0, 4.5, 0.5 },
                         (const char *[]) { "Yes.", "", NULL },
                         "It is three.", "Three working days.");
  assert_loaded_matching (loaded_question (refunds, 5), "Match each step to what you say.",
                          (const char *[]) { "Confirm", "Yes, it is refunded.",
                                             "Say when", "You will see it by Friday.", NULL },
                          (const char *[]) { "Refunds take time.", NULL },
                          "The right pairs: Confirm → Yes, it is refunded. Say when → You will "
                          "see it by Friday.");
  steps = loaded_question (refunds, 6);
  g_assert_cmpint (rapport_question_get_question_type (steps), ==, RAPPORT_QUESTION_ORDERING);
  g_assert_cmpuint (rapport_question_get_n_steps (steps), ==, 3);
  g_assert_cmpuint (rapport_topic_get_n_prompts (refunds), ==, 1);

  /* Descriptions became the lesson; its pictures are the bank's files. */
  topic = g_ptr_array_index (topics, 1);
  g_assert_cmpstr (topic->file, ==, "topics/late-refunds.xml");
  g_assert_cmpuint (topic->n_descriptions, ==, 1);
  late = load_topic (topic);
  lesson = g_list_model_get_item (rapport_topic_get_lessons (late), 0);
  section = rapport_lesson_get_section (lesson, 0);
  g_assert_cmpstr (rapport_section_get_heading (section), ==, "The bank");
  g_assert_cmpuint (rapport_section_get_n_blocks (section), ==, 4);
  g_assert_cmpstr (rapport_block_get_src (rapport_section_get_block (section, 2)), ==,
                   "media/till-receipt.png");
}

static void
test_write_gift (void)
{
  g_autoptr(RapportBank) bank = read_fixture ("every-construct.gift", NULL);
  RapportBankWriteOptions options = { .topic_key = "greetings" };
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(RapportTopic) loaded = NULL;
  g_autoptr(RapportQuestion) smile = NULL;
  g_autoptr(GError) error = NULL;
  RapportBankTopic *topic;

  topics = rapport_bank_write (bank, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (topics->len, ==, 1);

  topic = g_ptr_array_index (topics, 0);
  g_assert_cmpstr (topic->key, ==, "greetings");
  g_assert_cmpstr (topic->title, ==, "every-construct");
  g_assert_cmpuint (topic->n_questions, ==, 14);
  g_assert_cmpuint (topic->n_prompts, ==, 2);
  g_assert_cmpuint (topic->n_descriptions, ==, 2);
  g_assert_true (contains (topic->xml, "<accept value=\"2\" tolerance=\"1\"/>"));
  g_assert_true (contains (topic->xml, "<accept value=\"3.142\" tolerance=\"0.0005\">"
                                       "<feedback>Exactly.</feedback></accept>"));
  g_assert_true (contains (topic->xml, "<right>Please hold.</right>"));
  g_assert_true (contains (topic->xml, "<explanation>The right answer: name</explanation>"));

  loaded = load_topic (topic);
  g_assert_cmpstr (rapport_topic_get_key (loaded), ==, "greetings");
  g_assert_cmpuint (rapport_quiz_get_n_questions (rapport_topic_get_quiz (loaded)), ==, 14);
  /* "=%50%ciao" is left out (partial credit), "=%0%*" gives the other feedback. */
  assert_loaded_short (loaded_question (loaded, 4), FALSE,
                       "The polite last words of a call are _____.",
                       (const char *[]) { "goodbye", "Yes.", "bye", "", NULL }, "Say goodbye.",
                       "The right answer: goodbye; bye");
  assert_loaded_short (loaded_question (loaded, 5), FALSE,
                       "Greet the caller with the company's _____ and your own.",
                       (const char *[]) { "name", "", NULL }, "", "The right answer: name");
  assert_loaded_matching (loaded_question (loaded, 6), "Match each step to its words.",
                          (const char *[]) { "Greeting", "Good morning, Example Company.",
                                             "Offer", "How can I help?", NULL },
                          (const char *[]) { "Please hold.", NULL },
                          "The right pairs: Greeting → Good morning, Example Company. Offer → "
                          "How can I help?");
  assert_loaded_numeric (loaded_question (loaded, 7), "How many seconds does a greeting take?",
                         (const double[]) { 3, 1 }, (const char *[]) { "", NULL }, "",
                         "The right answer: 3 ± 1");
  /* {#1..3}: the middle, and half the range. */
  assert_loaded_numeric (loaded_question (loaded, 8), "Pick a number of rings before you answer.",
                         (const double[]) { 2, 1 }, (const char *[]) { "", NULL }, "",
                         "The right answer: 2 ± 1");
  assert_loaded_numeric (loaded_question (loaded, 9), "What is pi to three places?",
                         (const double[]) { 3.142, 0.0005 }, (const char *[]) { "Exactly.", NULL },
                         "Look it up.", "The right answer: 3.142 ± 0.0005");
  smile = loaded_question (loaded, 2);
  g_assert_cmpstr (rapport_question_get_key (smile), ==, "smile");
  g_assert_true (rapport_question_get_answer (smile));
  g_assert_cmpstr (rapport_inline_get_text (rapport_question_get_feedback_false (smile)), ==,
                   "No: a smile changes the voice.");
  g_assert_cmpuint (rapport_topic_get_n_prompts (loaded), ==, 2);
}

/* Each question the topic loader would refuse is left out whole, with the
 * line the problem is on and why; the rest of the bank loads.
 */
/* Right items are plain words in the bank: "<", ">" and "&" in them are
 * characters the learner reads, in the list and in the explanation, and the
 * written topic is still XML (the fuzzer found the explanation unescaped).
 */
static void
test_write_markup_characters (void)
{
  const char *gift = "::signs:: Match each sign to its name. {\n"
                     "=Less than -> < (less)\n"
                     "=And -> & and\n"
                     "=Tag -> </span><a>\n"
                     "}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (gift, strlen (gift));
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(RapportBank) bank = NULL;
  g_autoptr(RapportTopic) loaded = NULL;
  g_autoptr(GError) error = NULL;
  RapportBankWriteOptions options = { .topic_key = "signs" };

  bank = rapport_bank_read (bytes, "signs.gift", problems, &error);
  g_assert_no_error (error);
  topics = rapport_bank_write (bank, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (topics->len, ==, 1);

  loaded = load_topic (g_ptr_array_index (topics, 0));
  assert_loaded_matching (loaded_question (loaded, 0), "Match each sign to its name.",
                          (const char *[]) { "Less than", "< (less)", "And", "& and",
                                             "Tag", "</span><a>", NULL },
                          (const char *[]) { NULL },
                          "The right pairs: Less than → < (less); And → & and; "
                          "Tag → </span><a>");
}

static void
test_write_over_limits (void)
{
  g_autoptr(GString) gift = g_string_new ("::fine:: Say hello. {=hello}\n\n");
  g_autofree char *long_words = g_strnfill (RAPPORT_TOPIC_MAX_LINE + 1, 'a');
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(RapportBank) bank = NULL;
  g_autoptr(RapportTopic) loaded = NULL;
  g_autoptr(GError) error = NULL;
  RapportBankWriteOptions options = { .topic_key = "limits" };
  struct
  {
    guint       line;
    const char *message;
  } expected[] = {
    { 4, "has 401 characters; Rapport accepts at most 400" },
    { 8, "“**” is only “*”, which would accept any answer" },
    { 12, "is only spaces and punctuation" },
    { 15, "This question accepts 21 answers; a Rapport question accepts at most 20" },
    { 17, "The number 1e+16 is beyond what Rapport accepts" },
    { 19, "The tolerance 1e+16 is larger than Rapport accepts" },
    { 22, "has 401 characters; Rapport shows at most 400 in its list" },
    { 28, "The left item “Greet” is also on line 27" },
    { 31, "This matching question has 21 pairs; Rapport shows at most 20" },
    { 33, "has 11 extra right items, which match no left item; Rapport shows at most 10" },
    { 35, "Every pair of this matching question has the same right item" },
  };

  /* Lines 3–5: an accepted answer of 401 characters, on line 4. */
  g_string_append_printf (gift, "::long:: Say it. {\n=%s\n}\n\n", long_words);
  /* 7–9, 11–13: an answer of only "*" (one alone is GIFT's "anything
   * else", which gives no credit); one of only punctuation.
   */
  g_string_append (gift, "::star:: Say anything. {\n=**\n}\n\n");
  g_string_append (gift, "::dots:: Say nothing. {\n=...\n}\n\n");
  /* 15: 21 accepted answers. */
  g_string_append (gift, "::many:: Name a colour. {");
  for (guint i = 0; i <= RAPPORT_QUESTION_MAX_ACCEPTS; i++)
    g_string_append_printf (gift, " =colour%u", i);
  g_string_append (gift, "}\n\n");
  /* 17, 19: a number and a tolerance beyond 1e15. */
  g_string_append (gift, "::big:: How many? {#10000000000000000}\n\n");
  g_string_append (gift, "::wide:: How many? {#3:10000000000000000}\n\n");
  /* 21–24: a right item of 401 characters, on line 22. */
  g_string_append_printf (gift, "::long-right:: Match. {\n=Greet -> %s\n=Close -> Goodbye.\n}\n\n",
                          long_words);
  /* 26–29: the same left item on lines 27 and 28. */
  g_string_append (gift, "::twice:: Match. {\n=Greet -> Hello.\n=Greet -> Hi.\n=Close -> Bye.}\n\n");
  /* 31: 21 pairs. */
  g_string_append (gift, "::pairs:: Match. {");
  for (guint i = 0; i <= RAPPORT_QUESTION_MAX_PAIRS; i++)
    g_string_append_printf (gift, " =left%u -> right%u", i, i);
  g_string_append (gift, "}\n\n");
  /* 33: 11 extra right items. */
  g_string_append (gift, "::extra:: Match. { =a -> 1 =b -> 2");
  for (guint i = 0; i <= RAPPORT_QUESTION_MAX_EXTRA_RIGHTS; i++)
    g_string_append_printf (gift, " = -> extra%u", i);
  g_string_append (gift, "}\n\n");
  /* 35: every pair with the same right item. */
  g_string_append (gift, "::same:: Match. { =a -> Yes. =b -> Yes. =c -> Yes. }\n");

  bytes = g_bytes_new (gift->str, gift->len);
  bank = rapport_bank_read (bytes, "limits.gift", problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (bank->skipped->len, ==, 0);
  g_assert_cmpuint (bank->questions->len, ==, 1 + G_N_ELEMENTS (expected));

  topics = rapport_bank_write (bank, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (topics->len, ==, 1);
  g_assert_cmpuint (((RapportBankTopic *) g_ptr_array_index (topics, 0))->n_questions, ==, 1);

  for (guint i = 0; i < bank->skipped->len; i++)
    {
      RapportBankNote *note = g_ptr_array_index (bank->skipped, i);

      g_test_message ("%u: %s", note->line, note->message);
    }
  g_assert_cmpuint (bank->skipped->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      RapportBankNote *note = g_ptr_array_index (bank->skipped, i);

      g_assert_cmpuint (note->line, ==, expected[i].line);
      g_assert_nonnull (strstr (note->message, expected[i].message));
      g_assert_nonnull (strstr (note->message, "left out"));
    }

  /* What is left loads as it is: nothing cut to fit. */
  loaded = load_topic (g_ptr_array_index (topics, 0));
  g_assert_cmpuint (rapport_quiz_get_n_questions (rapport_topic_get_quiz (loaded)), ==, 1);
}

/* Published banks */

typedef struct
{
  const char *file;
  guint       imported;
  guint       skipped;
} Published;

static const Published published[] = {
  /* Moodle's own (question/format/gift and question/format/xml) */
  { "published/moodle/examples.txt", 43, 0 },
  { "published/moodle/questions.gift.txt", 9, 0 },
  { "published/moodle/questions_in_category.gift.txt", 4, 0 },
  { "published/moodle/nested_categories_with_questions.xml", 5, 0 },
  { "published/moodle/nested_categories.xml", 1, 0 },
  { "published/moodle/categories_reverse_order.xml", 2, 0 },
  { "published/moodle/category_with_description.xml", 1, 0 },
  { "published/moodle/export_category.xml", 1, 0 },
  { "published/moodle/html_chars_in_idnumbers.xml", 1, 0 },
  { "published/moodle/old_format_file.xml", 2, 0 },
  { "published/moodle/truefalse.xml", 2, 0 },
  { "published/moodle/multichoice.xml", 1, 1 },                      /* a sound file */
  { "published/moodle/sample_questions_with_old_image_tag.xml", 1, 1 },  /* a cloze */
  { "published/moodle/multianswer.xml", 0, 1 },                      /* a cloze */
  { "published/moodle/broken_cloze_questions.xml", 0, 5 },           /* five clozes */
  /* The ordering plugin's */
  { "published/qtype-ordering/testquestion.moodle.xml", 1, 0 },
  { "published/qtype-ordering/testoldquestion.moodle.xml", 1, 0 },
};

static void
count_import (const char *file,
              guint      *imported,
              guint      *skipped)
{
  g_autoptr(RapportBank) bank = read_fixture (file, NULL);
  RapportBankWriteOptions options = { 0 };
  g_autoptr(GPtrArray) topics = rapport_bank_write (bank, &options, NULL);

  g_assert_nonnull (topics);
  *imported = 0;
  for (guint i = 0; i < topics->len; i++)
    {
      RapportBankTopic *topic = g_ptr_array_index (topics, i);
      g_autoptr(RapportTopic) loaded = load_topic (topic);

      *imported += topic->n_questions + topic->n_prompts + topic->n_descriptions;
    }
  *skipped = bank->skipped->len;
}

static void
test_published_moodle (void)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportBank) refused = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    {
      guint imported;
      guint skipped;

      count_import (published[i].file, &imported, &skipped);
      g_test_message ("%s: imported %u, skipped %u", published[i].file, imported, skipped);
      g_assert_cmpuint (imported, ==, published[i].imported);
      g_assert_cmpuint (skipped, ==, published[i].skipped);
    }

  /* Moodle converts this one from Windows-1252; Rapport says where it is
   * not UTF-8.
   */
  refused = read_fixture ("published/moodle/questions_encoding_windows-1252.gift.txt", problems);
  g_assert_null (refused);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (((RapportProblem *) g_ptr_array_index (problems, 0))->line, ==, 15);
}

/* Every test question of GIFT-grammar-PEG.js: 51 files. */
static void
test_published_peg (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "fixtures", "banks", "published",
                                                   "gift-grammar-peg", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n_files = 0;
  guint total_imported = 0;
  guint total_skipped = 0;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = NULL;
      guint imported;
      guint skipped;

      if (!g_str_has_suffix (name, ".gift"))
        continue;

      file = g_build_filename ("published", "gift-grammar-peg", name, NULL);
      count_import (file, &imported, &skipped);
      g_test_message ("%s: imported %u, skipped %u", name, imported, skipped);
      total_imported += imported;
      total_skipped += skipped;
      n_files++;
    }

  g_assert_cmpuint (n_files, ==, 51);
  g_assert_cmpuint (total_imported, ==, 99);
  /* escapeColon.gift: four answers with full credit in a one-answer question. */
  g_assert_cmpuint (total_skipped, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  loader = rapport_unit_new_loader ();

  g_test_add_func ("/rapport/banks/gift/choices", test_gift_choices);
  g_test_add_func ("/rapport/banks/gift/typed", test_gift_typed);
  g_test_add_func ("/rapport/banks/gift/texts", test_gift_texts);
  g_test_add_func ("/rapport/banks/moodle/choices", test_moodle_choices);
  g_test_add_func ("/rapport/banks/moodle/typed", test_moodle_typed);
  g_test_add_func ("/rapport/banks/moodle/files", test_moodle_files);
  g_test_add_func ("/rapport/banks/write/moodle", test_write_moodle);
  g_test_add_func ("/rapport/banks/write/gift", test_write_gift);
  g_test_add_func ("/rapport/banks/write/over-limits", test_write_over_limits);
  g_test_add_func ("/rapport/banks/write/markup-characters", test_write_markup_characters);
  g_test_add_func ("/rapport/banks/published/moodle", test_published_moodle);
  g_test_add_func ("/rapport/banks/published/gift-grammar-peg", test_published_peg);

  return rapport_unit_run (loader, NULL);
}
