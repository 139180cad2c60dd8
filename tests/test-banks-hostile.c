/* test-banks-hostile.c: what a bank's text becomes in a topic file, and
 * banks made to do harm: each refused, or contained in bounded time and
 * memory, and never a byte of markup that Rapport did not write.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rapport-bank-private.h"
#include "rapport-bank-writer.h"
#include "rapport-keys.h"
#include "rapport-unit-utils.h"

static RapportTopicLoader *loader;

static RapportBank *
read_string (const char *text,
             gsize       length,
             GPtrArray  *problems)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autoptr(GError) error = NULL;
  RapportBank *bank = rapport_bank_read (bytes, "hostile", problems, &error);

  if (bank == NULL)
    {
      g_assert_error (error, RAPPORT_BANK_ERROR, RAPPORT_BANK_ERROR_INVALID);
      g_assert_cmpuint (problems->len, >, 0);
    }
  else
    {
      g_assert_no_error (error);
    }

  return bank;
}

/* The first problem, which must contain @words and be at @line. */
static void
assert_refused (const char *text,
                gsize       length,
                guint       line,
                const char *words)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportBank) bank = read_string (text, length, problems);
  RapportProblem *problem;

  g_assert_null (bank);
  problem = g_ptr_array_index (problems, 0);
  g_test_message ("%u: %s", problem->line, problem->message);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_nonnull (strstr (problem->message, words));
}

static RapportBank *
read_ok (const char *text)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  RapportBank *bank = read_string (text, strlen (text), problems);

  g_assert_nonnull (bank);
  g_assert_cmpuint (problems->len, ==, 0);

  return bank;
}

/* Every topic the bank gives loads, whole. */
static GPtrArray *
write_and_load (RapportBank *bank)
{
  RapportBankWriteOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  GPtrArray *topics = rapport_bank_write (bank, &options, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < topics->len; i++)
    {
      RapportBankTopic *topic = g_ptr_array_index (topics, i);
      g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
      g_autoptr(RapportTopic) loaded = NULL;

      loaded = rapport_topic_loader_load_from_bytes (loader, topic->xml, topic->file, NULL,
                                                     problems, &error);
      for (guint j = 0; j < problems->len; j++)
        g_test_message ("%s", ((RapportProblem *) g_ptr_array_index (problems, j))->message);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);
    }

  return topics;
}

static gboolean
has_note_of_type (RapportBank *bank,
                  const char  *type)
{
  for (guint i = 0; i < bank->notes->len; i++)
    {
      if (g_str_equal (((RapportBankNote *) g_ptr_array_index (bank->notes, i))->type, type))
        return TRUE;
    }

  return FALSE;
}

/* The converter */

static char *
inline_of (RapportBank           *bank,
           const char            *raw,
           RapportBankTextFormat  format)
{
  g_autoptr(RapportBankText) text = rapport_bank_text_new (raw, format, 1);

  return rapport_bank_text_to_inline (bank, text);
}

static void
test_html (void)
{
  static const struct
  {
    const char *html;
    const char *markup;
    const char *note;   /* the type of the one note, or NULL */
  } cases[] = {
    { "<p>Say <b>yes</b> <i>first</i>.</p>", "Say <strong>yes</strong> <em>first</em>.", NULL },
    /* Never nested: strong wins. */
    { "<strong>all <em>of</em> it</strong>", "<strong>all of it</strong>", NULL },
    { "<p>one</p><p>two<br/>three</p>", "one two three", NULL },
    { "a <span style=\"font-weight: bold\">b</span> c", "a <strong>b</strong> c", NULL },
    { "<p dir=\"ltr\" style=\"text-align: left;\">plain</p>", "plain", NULL },
    { "<ul><li>one</li><li>two.</li><li>three</li></ul>", "one; two. three", "list" },
    { "x <a href=\"https://example.com\">link</a> y", "x link y", "link" },
    { "x <a href=\"javascript:alert(1)\">y</a>", "x y", "script" },
    { "ok<script>document.write('<b>no</b>')</script> fine", "ok fine", "script" },
    { "<style>p { color: red }</style>text", "text", "style" },
    { "<font color=\"red\">red</font>", "red", "style" },
    { "<img src=\"x.png\" onerror=\"steal()\">a", "a", "script" },
    { "<table><tr><td>a</td><td>b</td></tr></table>", "a b", "table" },
    { "<iframe src=\"https://example.com\">x</iframe>y", "y", "media" },
    { "<input value=\"x\">y", "y", "form" },
    { "<blink>old</blink>", "old", "html" },
    { "&lt;b&gt; &amp; &eacute;&#233;&#xe9; &nbsp;x &bogus; &#0;", "&lt;b&gt; &amp; ééé x &amp;bogus; \xef\xbf\xbd", NULL },
    { "a<b", "a&lt;b", NULL },
    { "<!-- hidden -->shown<?php echo ?>", "shown", NULL },
    /* Pango's markup is not Rapport's: its words only. */
    { "<span foreground=\"red\" size=\"x-large\">big</span> <markup>m</markup>", "big m", "html" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RapportBank) bank = rapport_bank_new (RAPPORT_BANK_MOODLE_XML, "cases");
      g_autofree char *markup = inline_of (bank, cases[i].html, RAPPORT_BANK_TEXT_HTML);

      g_test_message ("%s", cases[i].html);
      g_assert_cmpstr (markup, ==, cases[i].markup);
      if (cases[i].note != NULL)
        g_assert_true (has_note_of_type (bank, cases[i].note));
      else
        g_assert_cmpuint (bank->notes->len, ==, 0);
    }
}

static void
test_markdown_plain (void)
{
  g_autoptr(RapportBank) bank = rapport_bank_new (RAPPORT_BANK_GIFT, "cases");
  g_autoptr(RapportBankText) text = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *markdown = inline_of (bank, "**bold**, __bold__, *em*, _em_ and "
                                         "snake_case_word `<code>` [a link](http://x)",
                                         RAPPORT_BANK_TEXT_MARKDOWN);
  g_autofree char *plain = inline_of (bank, "<b>not bold</b> & <i>", RAPPORT_BANK_TEXT_PLAIN);
  RapportBankBlock *block;

  g_assert_cmpstr (markdown, ==, "<strong>bold</strong>, <strong>bold</strong>, <em>em</em>, "
                                 "<em>em</em> and snake_case_word &lt;code&gt; a link");
  g_assert_cmpstr (plain, ==, "&lt;b&gt;not bold&lt;/b&gt; &amp; &lt;i&gt;");

  text = rapport_bank_text_new ("# Steps\n\n1. one\n2. two\n\nThen *rest*.", 
                                RAPPORT_BANK_TEXT_MARKDOWN, 1);
  blocks = rapport_bank_text_to_blocks (bank, text);
  g_assert_cmpuint (blocks->len, ==, 3);
  block = g_ptr_array_index (blocks, 0);
  g_assert_cmpint (block->type, ==, RAPPORT_BANK_BLOCK_HEADING);
  g_assert_cmpstr (block->markup, ==, "Steps");
  block = g_ptr_array_index (blocks, 1);
  g_assert_cmpint (block->type, ==, RAPPORT_BANK_BLOCK_ORDERED_LIST);
  g_assert_cmpuint (block->items->len, ==, 2);
  block = g_ptr_array_index (blocks, 2);
  g_assert_cmpstr (block->markup, ==, "Then <em>rest</em>.");
}

/* Pango markup in a bank, in every format, reaches the loaded topic as
 * words: what the app would hand Pango is escaped.
 */
static void
test_pango (void)
{
  g_autoptr(RapportBank) bank = read_ok (
    "[html]Is <span foreground='red'>this</span> <b>safe</b>? {T}\n\n"
    "[plain]Is <span foreground='red'>this</span> safe too? {T}\n\n"
    "[markdown]And <big>this</big>, &lt;b&gt;? {T}\n");
  g_autoptr(GPtrArray) topics = write_and_load (bank);
  RapportBankTopic *topic = g_ptr_array_index (topics, 0);
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportTopic) loaded = NULL;
  GListModel *questions;
  g_autoptr(RapportQuestion) first = NULL;
  g_autoptr(RapportQuestion) last = NULL;
  g_autofree char *first_markup = NULL;
  g_autofree char *last_markup = NULL;
  static const char * const texts[] = {
    "Is this safe?",
    "Is <span foreground='red'>this</span> safe too?",
    "And this, <b>?",
  };

  loaded = rapport_topic_loader_load_from_bytes (loader, topic->xml, topic->file, NULL, problems,
                                                 NULL);
  g_assert_nonnull (loaded);
  questions = rapport_quiz_get_questions (rapport_topic_get_quiz (loaded));
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RapportQuestion) question = g_list_model_get_item (questions, i);
      RapportInline *prompt = rapport_question_get_prompt (question);
      g_autofree char *markup = rapport_inline_to_markup (prompt);

      g_test_message ("%s", markup);
      g_assert_cmpstr (rapport_inline_get_text (prompt), ==, texts[i]);
      g_assert_null (strstr (markup, "<span"));
      g_assert_null (strstr (markup, "<big"));
    }

  /* Only the emphasis Rapport wrote is markup: the bank's "<b>" is words. */
  first = g_list_model_get_item (questions, 0);
  first_markup = rapport_inline_to_markup (rapport_question_get_prompt (first));
  g_assert_cmpstr (first_markup, ==, "Is this <b>safe</b>?");
  last = g_list_model_get_item (questions, 2);
  last_markup = rapport_inline_to_markup (rapport_question_get_prompt (last));
  g_assert_cmpstr (last_markup, ==, "And this, &lt;b&gt;?");
}

/* XML */

static void
test_xml_entities (void)
{
  static const char billion_laughs[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE quiz [\n"
    " <!ENTITY a \"aaaaaaaaaa\">\n"
    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
    " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
    "]>\n"
    "<quiz><question type=\"essay\"><questiontext><text>&d;&d;&d;</text></questiontext>"
    "</question></quiz>\n";
  static const char external[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE quiz [ <!ENTITY passwd SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<quiz><question type=\"essay\"><questiontext><text>&passwd;</text></questiontext>"
    "</question></quiz>\n";
  static const char xinclude[] =
    "<?xml version=\"1.0\"?>\n"
    "<quiz xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n"
    "<question type=\"essay\"><name><text>Included</text></name><questiontext>"
    "<text><xi:include href=\"/etc/passwd\" parse=\"text\"/></text></questiontext></question>\n"
    "<question type=\"essay\"><questiontext><text>What did you say?</text></questiontext>"
    "</question>\n"
    "</quiz>\n";
  g_autoptr(RapportBank) bank = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  RapportBankTopic *topic;

  assert_refused (billion_laughs, sizeof billion_laughs - 1, 2, "<!DOCTYPE");
  assert_refused (external, sizeof external - 1, 2, "<!DOCTYPE");

  /* XInclude is never processed: the include is an empty text. */
  bank = read_ok (xinclude);
  g_assert_cmpuint (bank->questions->len, ==, 1);
  g_assert_cmpuint (bank->skipped->len, ==, 1);
  topics = write_and_load (bank);
  topic = g_ptr_array_index (topics, 0);
  g_assert_null (g_strstr_len (g_bytes_get_data (topic->xml, NULL), g_bytes_get_size (topic->xml),
                               "root:"));
}

static void
test_xml_shape (void)
{
  g_autoptr(GString) deep = g_string_new ("<quiz>");
  g_autoptr(GString) wide = g_string_new ("<quiz>");
  static const char cut[] =
    "<?xml version=\"1.0\"?>\n<quiz>\n<question type=\"essay\">\n<questiontext><text>Why";
  static const char topic[] = "<?xml version=\"1.0\"?>\n<topic format=\"1\"/>\n";
  static const char other[] = "<?xml version=\"1.0\"?>\n<html/>\n";

  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "<a>");
  assert_refused (deep->str, deep->len, 1, "64");

  for (guint i = 0; i < 60000; i++)
    g_string_append (wide, "<a/>");
  g_string_append (wide, "</quiz>");
  assert_refused (wide->str, wide->len, 1, "50000");

  assert_refused (cut, sizeof cut - 1, 4, "cut short");
  assert_refused (topic, sizeof topic - 1, 2, "rapport-pack validate");
  assert_refused (other, sizeof other - 1, 2, "<html>");
}

/* Bytes */

static void
test_bytes (void)
{
  g_autofree char *huge = g_malloc (RAPPORT_BANK_MAX_SIZE + 1);
  static const char nul[] = "Question one {T}\n\nQuestion\0two {F}\n";
  static const char latin1[] = "Question {T}\n\nCaf\xe9? {F}\n";
  static const char utf16[] = "\xff\xfeQ\0u\0";
  static const char gzip[] = "\x1f\x8b\x08\x00";

  memset (huge, 'a', RAPPORT_BANK_MAX_SIZE + 1);
  assert_refused (huge, RAPPORT_BANK_MAX_SIZE + 1, 0, "too large");
  assert_refused (nul, sizeof nul - 1, 3, "binary");
  assert_refused (latin1, sizeof latin1 - 1, 3, "0xE9");
  assert_refused (utf16, sizeof utf16 - 1, 0, "UTF-16");
  assert_refused (gzip, sizeof gzip - 1, 0, "gzip");
  assert_refused ("   \n\n  ", 7, 0, "empty");
}

/* Lines and texts far longer than a question, and patterns that a naive
 * reader would read again and again: each is over after one pass.
 */
static void
test_lengths (void)
{
  g_autoptr(GString) line = g_string_new ("Long {T}\n\n[html]");
  g_autoptr(GString) tags = g_string_new ("[html]Tags ");
  g_autoptr(GString) brackets = g_string_new ("[markdown]Brackets ");
  g_autoptr(GString) nested = g_string_new ("[html]Nested ");
  g_autoptr(RapportBank) long_bank = NULL;
  g_autoptr(RapportBank) tags_bank = NULL;
  g_autoptr(RapportBank) brackets_bank = NULL;
  g_autoptr(RapportBank) nested_bank = NULL;
  g_autoptr(GPtrArray) topics = NULL;

  /* One line of 3 MiB: that question is left out, the one before is not. */
  while (line->len < 3 * 1024 * 1024)
    g_string_append (line, "<b>bold</b> ");
  g_string_append (line, "{T}\n");
  long_bank = read_ok (line->str);
  g_assert_cmpuint (long_bank->questions->len, ==, 1);
  g_assert_cmpuint (long_bank->skipped->len, ==, 1);
  g_assert_cmpuint (((RapportBankNote *) g_ptr_array_index (long_bank->skipped, 0))->line, ==, 3);

  while (tags->len < RAPPORT_BANK_MAX_TEXT - 100)
    g_string_append (tags, "<a");
  g_string_append (tags, "? {T}\n");
  tags_bank = read_ok (tags->str);
  topics = write_and_load (tags_bank);
  g_clear_pointer (&topics, g_ptr_array_unref);

  while (brackets->len < RAPPORT_BANK_MAX_TEXT - 100)
    g_string_append (brackets, "[`");
  g_string_append (brackets, "] {T}\n");
  brackets_bank = read_ok (brackets->str);
  topics = write_and_load (brackets_bank);
  g_clear_pointer (&topics, g_ptr_array_unref);

  /* 40,000 open elements: the stack stops at 256, the words go on. */
  for (guint i = 0; i < 40000; i++)
    g_string_append (nested, "<span><i>");
  g_string_append (nested, "deep? {T}\n");
  nested_bank = read_ok (nested->str);
  topics = write_and_load (nested_bank);
}

/* Control characters, which XML cannot hold, where a topic needs words: a
 * title, a heading. What is left must still be a topic.
 */
static void
test_control_characters (void)
{
  g_autoptr(RapportBank) bank = read_ok ("$CATEGORY: $course$/top/\x01\x02\n\n"
                                         "::\x03::Q\x07? {T#\x1b}\n\n"
                                         "::\x04::[html]<h2>\x05</h2><p>Words\x06.</p>\n");
  g_autoptr(GPtrArray) topics = write_and_load (bank);
  RapportBankTopic *topic;

  g_assert_cmpuint (topics->len, ==, 1);
  topic = g_ptr_array_index (topics, 0);
  g_assert_cmpstr (topic->title, ==, "imported-questions");
  g_assert_cmpuint (topic->n_questions, ==, 1);
  g_assert_cmpuint (topic->n_descriptions, ==, 1);
  g_assert_null (memchr (g_bytes_get_data (topic->xml, NULL), '\x07', g_bytes_get_size (topic->xml)));
}

/* Files of a Moodle XML bank */

static void
test_files (void)
{
  g_autoptr(GString) many = g_string_new ("<quiz><question type=\"description\"><questiontext>"
                                          "<text>Pictures</text>");
  g_autoptr(RapportBank) bank = NULL;
  g_autoptr(RapportBank) names = NULL;
  static const char hostile_names[] =
    "<quiz><question type=\"description\"><questiontext><text>x</text>\n"
    "<file name=\"../../../tmp/evil.png\" encoding=\"base64\">iVBORw0KGgo=</file>\n"
    "<file name=\"/etc/evil.png\" encoding=\"base64\">iVBORw0KGgo=</file>\n"
    "<file name=\"sub\\evil.png\" encoding=\"base64\">iVBORw0KGgo=</file>\n"
    "<file name=\".hidden.png\" encoding=\"base64\">iVBORw0KGgo=</file>\n"
    "<file name=\"odd name?.png\" encoding=\"base64\">iVBORw0KGgo=</file>\n"
    "<file name=\"text.png\" encoding=\"base64\">not base64!</file>\n"
    "<file name=\"plain.png\">iVBORw0KGgo=</file>\n"
    "</questiontext></question></quiz>";

  /* More files than a pack may hold pictures: the rest is left out. */
  for (guint i = 0; i < RAPPORT_BANK_MAX_MEDIA + 5; i++)
    g_string_append_printf (many, "<file name=\"p%u.png\" encoding=\"base64\">iVBORw0KGgo%c"
                                  "</file>",
                            i, 'A' + (char) (i % 26));
  g_string_append (many, "</questiontext></question></quiz>");
  bank = read_ok (many->str);
  g_assert_cmpuint (bank->media->len, ==, RAPPORT_BANK_MAX_MEDIA);
  g_assert_cmpuint (bank->skipped->len, ==, 5);

  /* Names that would leave the folder are refused, not cleaned up; an odd
   * one is made safe; what is not base64 is refused.
   */
  names = read_ok (hostile_names);
  g_assert_cmpuint (names->skipped->len, ==, 6);
  g_assert_cmpuint (names->media->len, ==, 1);
  g_assert_cmpstr (((RapportBankMedia *) g_ptr_array_index (names->media, 0))->name, ==,
                   "media/odd-name-.png");
  for (guint i = 0; i < names->media->len; i++)
    g_assert_true (rapport_media_path_is_valid (
                     ((RapportBankMedia *) g_ptr_array_index (names->media, i))->name));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  loader = rapport_unit_new_loader ();

  g_test_add_func ("/rapport/banks/convert/html", test_html);
  g_test_add_func ("/rapport/banks/convert/markdown-plain", test_markdown_plain);
  g_test_add_func ("/rapport/banks/convert/pango", test_pango);
  g_test_add_func ("/rapport/banks/hostile/xml-entities", test_xml_entities);
  g_test_add_func ("/rapport/banks/hostile/xml-shape", test_xml_shape);
  g_test_add_func ("/rapport/banks/hostile/bytes", test_bytes);
  g_test_add_func ("/rapport/banks/hostile/lengths", test_lengths);
  g_test_add_func ("/rapport/banks/hostile/control-characters", test_control_characters);
  g_test_add_func ("/rapport/banks/hostile/files", test_files);

  return rapport_unit_run (loader, NULL);
}
