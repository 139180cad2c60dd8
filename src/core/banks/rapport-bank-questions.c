/* rapport-bank-questions.c: one question of a bank as a question of a topic
 * file, in the elements of FORMAT.md, within the bounds the topic loader
 * holds a question to (RAPPORT_QUESTION_MAX_*, the schema's 400 characters
 * of a line, words to accept): a question beyond them is left out and
 * reported with its line and why, never cut to fit.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rapport-bank-private.h"
#include "rapport-topic-private.h"

/* Full credit, allowing for the rounding of "33.33333" three times. */
#define FULL_CREDIT 0.999

#define INDENT "    "

static void
open_line (GString    *out,
           const char *indent,
           const char *element)
{
  g_string_append_printf (out, "%s<%s>", indent, element);
}

/* <element>markup</element> on a line of its own. */
static void
append_element (GString    *out,
                const char *indent,
                const char *element,
                const char *markup)
{
  open_line (out, indent, element);
  g_string_append (out, markup);
  g_string_append_printf (out, "</%s>\n", element);
}

static void
append_plain_element (GString    *out,
                      const char *indent,
                      const char *element,
                      const char *plain)
{
  open_line (out, indent, element);
  rapport_bank_append_escaped (out, plain, -1);
  g_string_append_printf (out, "</%s>\n", element);
}

/* A <feedback> (or other element) when the bank has words for it. */
static void
append_feedback (RapportBank           *bank,
                 GString               *out,
                 const char            *indent,
                 const char            *element,
                 const RapportBankText *text)
{
  g_autofree char *markup = NULL;

  if (rapport_bank_text_is_empty (text))
    return;

  markup = rapport_bank_text_to_inline (bank, text);
  if (markup[0] != '\0')
    append_element (out, indent, element, markup);
}

/* A translated sentence with @markup in place of its "%s", the sentence's
 * own words escaped.
 */
static char *
fill (const char *sentence,
      const char *markup)
{
  g_auto(GStrv) parts = g_strsplit (sentence, "%s", 2);
  GString *out = g_string_new (NULL);

  rapport_bank_append_escaped (out, parts[0], -1);
  if (parts[1] != NULL)
    {
      g_string_append (out, markup);
      rapport_bank_append_escaped (out, parts[1], -1);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_accepted (RapportBankAnswer *answer)
{
  return !answer->other && answer->fraction >= FULL_CREDIT;
}

static gboolean
is_right_choice (RapportBankQuestion *question,
                 RapportBankAnswer   *answer)
{
  return question->type == RAPPORT_BANK_SINGLE ? answer->fraction >= FULL_CREDIT
                                               : answer->fraction > 0;
}

static void
skip_empty (RapportBank         *bank,
            RapportBankQuestion *question,
            guint                line)
{
  rapport_bank_skip (bank, line, question->bank_type,
                     _("An answer of this question is empty once what Rapport cannot show is "
                       "left out (was it only a picture?), so the question is left out."));
}

/* A question the topic loader would refuse as the bank has it: left out
 * whole and reported at @line with the reason. The notes about its parts
 * go with it, as they no longer say anything about the pack. Returns FALSE.
 */
static gboolean
skip_over_limit (RapportBank         *bank,
                 RapportBankQuestion *question,
                 guint                line,
                 const char          *format,
                 ...) G_GNUC_PRINTF (4, 5);

static gboolean
skip_over_limit (RapportBank         *bank,
                 RapportBankQuestion *question,
                 guint                line,
                 const char          *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  for (guint i = bank->notes->len; i > 0; i--)
    {
      RapportBankNote *note = g_ptr_array_index (bank->notes, i - 1);

      if (note->question == question->line)
        g_ptr_array_remove_index (bank->notes, i - 1);
    }

  rapport_bank_skip (bank, line, question->bank_type, "%s", message);

  return FALSE;
}

/* Plain text on one line, as the topic file holds it and the loader counts
 * it: runs of white space as one space, nothing XML cannot hold.
 */
static char *
line_of (const char *text)
{
  return rapport_bank_collapse (text);
}

/* The running text of @text, an answer of @question; %NULL, with the
 * question skipped, when nothing is left of it.
 */
static char *
answer_markup (RapportBank           *bank,
               RapportBankQuestion   *question,
               const RapportBankText *text,
               guint                  line)
{
  char *markup = rapport_bank_text_to_inline (bank, text);

  if (markup[0] != '\0')
    return markup;

  g_free (markup);
  skip_empty (bank, question, line);

  return NULL;
}

/* The right answer in words, for a question without general feedback. */
static char *
right_answer (RapportBankQuestion *question,
              GPtrArray           *right)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  const char *separator = "; ";
  const char *sentence = _("The right answer: %s");

  switch (question->type)
    {
    case RAPPORT_BANK_TRUEFALSE:
      return fill (question->answer ? _("The statement is true.") : _("The statement is false."),
                   "");
    case RAPPORT_BANK_MULTIPLE:
      sentence = right->len > 1 ? _("The right answers: %s") : sentence;
      break;
    case RAPPORT_BANK_MATCHING:
      sentence = _("The right pairs: %s");
      break;
    case RAPPORT_BANK_ORDERING:
      sentence = _("The right order: %s");
      separator = " → ";
      break;
    default:
      break;
    }

  for (guint i = 0; i < right->len; i++)
    {
      /* "a; b", but "a. b" after an answer that ends a sentence. */
      if (i > 0 && separator[0] == ';' && strchr (".;:!?", joined->str[joined->len - 1]) != NULL)
        g_string_append_c (joined, ' ');
      else if (i > 0)
        g_string_append (joined, separator);
      g_string_append (joined, g_ptr_array_index (right, i));
    }

  return fill (sentence, joined->str);
}

static gboolean
write_choices (RapportBank         *bank,
               RapportBankQuestion *question,
               GString             *body,
               GPtrArray           *right)
{
  for (guint i = 0; i < question->answers->len; i++)
    {
      RapportBankAnswer *answer = g_ptr_array_index (question->answers, i);
      g_autofree char *markup = answer_markup (bank, question, answer->text, answer->line);
      gboolean correct = is_right_choice (question, answer);

      if (markup == NULL)
        return FALSE;

      g_string_append_printf (body, INDENT "  <choice%s><text>%s</text>",
                              correct ? " correct=\"true\"" : "", markup);
      if (!rapport_bank_text_is_empty (answer->feedback))
        {
          g_autofree char *feedback = rapport_bank_text_to_inline (bank, answer->feedback);

          if (feedback[0] != '\0')
            g_string_append_printf (body, "\n" INDENT "    <feedback>%s</feedback>", feedback);
        }
      g_string_append (body, "</choice>\n");

      if (correct)
        g_ptr_array_add (right, g_steal_pointer (&markup));
    }

  return TRUE;
}

/* The feedback for anything a typed answer does not accept. */
static void
write_other (RapportBank         *bank,
             RapportBankQuestion *question,
             GString             *body)
{
  for (guint i = 0; i < question->answers->len; i++)
    {
      RapportBankAnswer *answer = g_ptr_array_index (question->answers, i);

      if (answer->other && answer->fraction <= 0 && !rapport_bank_text_is_empty (answer->feedback))
        {
          append_feedback (bank, body, INDENT "  ", "feedback-other", answer->feedback);
          return;
        }
    }
}

/* The words an accepted answer of a short-answer question has in the file;
 * NULL, with the question skipped, when the loader would refuse them.
 */
static char *
accepted_words (RapportBank         *bank,
                RapportBankQuestion *question,
                RapportBankAnswer   *answer)
{
  g_autofree char *plain = rapport_bank_text_to_plain (NULL, answer->text);
  g_autofree char *words = line_of (plain);
  g_autofree char *quoted = rapport_bank_quote (words);
  g_autoptr(RapportAccept) accept = NULL;
  glong n_chars = g_utf8_strlen (words, -1);

  if (words[0] == '\0')
    {
      skip_empty (bank, question, answer->line);
      return NULL;
    }

  if (n_chars > RAPPORT_TOPIC_MAX_LINE)
    {
      skip_over_limit (bank, question, answer->line,
                       _("The accepted answer “%s” has %ld characters; Rapport accepts at most "
                         "%u, so the question is left out."),
                       quoted, n_chars, (guint) RAPPORT_TOPIC_MAX_LINE);
      return NULL;
    }

  /* Compared as the loader compares them: the same checks, not a copy. */
  accept = rapport_accept_new_text (words, question->case_sensitive, NULL);
  if (rapport_accept_matches_anything (accept))
    {
      skip_over_limit (bank, question, answer->line,
                       _("The accepted answer “%s” is only “*”, which would accept any answer, "
                         "so the question is left out. Give credit to the words to accept "
                         "instead."),
                       quoted);
      return NULL;
    }
  if (rapport_accept_is_empty (accept))
    {
      skip_over_limit (bank, question, answer->line,
                       _("The accepted answer “%s” is only spaces and punctuation, which "
                         "Rapport ignores in an answer, so the question is left out."),
                       quoted);
      return NULL;
    }

  return g_steal_pointer (&words);
}

/* Whether the accepted numbers of a numerical question are within what the
 * loader takes; FALSE, with the question skipped, when one is not.
 */
static gboolean
check_numbers (RapportBank         *bank,
               RapportBankQuestion *question,
               RapportBankAnswer   *answer)
{
  if (fabs (answer->value) > RAPPORT_QUESTION_MAX_NUMBER)
    {
      g_autofree char *value = rapport_bank_format_number (answer->value);

      return skip_over_limit (bank, question, answer->line,
                              _("The number %s is beyond what Rapport accepts (from -1e15 to "
                                "1e15), so the question is left out."),
                              value);
    }

  if (answer->tolerance > RAPPORT_QUESTION_MAX_NUMBER)
    {
      g_autofree char *tolerance = rapport_bank_format_number (answer->tolerance);

      return skip_over_limit (bank, question, answer->line,
                              _("The tolerance %s is larger than Rapport accepts (at most 1e15), "
                                "so the question is left out."),
                              tolerance);
    }

  return TRUE;
}

static gboolean
write_typed (RapportBank         *bank,
             RapportBankQuestion *question,
             GString             *body,
             GPtrArray           *right)
{
  guint n_accepted = 0;

  for (guint i = 0; i < question->answers->len; i++)
    {
      if (is_accepted (g_ptr_array_index (question->answers, i)))
        n_accepted++;
    }

  if (n_accepted > RAPPORT_QUESTION_MAX_ACCEPTS)
    return skip_over_limit (bank, question, question->line,
                            _("This question accepts %u answers; a Rapport question accepts at "
                              "most %u, so it is left out. Keep the likeliest answers, or split "
                              "the question."),
                            n_accepted, RAPPORT_QUESTION_MAX_ACCEPTS);

  for (guint i = 0; i < question->answers->len; i++)
    {
      RapportBankAnswer *answer = g_ptr_array_index (question->answers, i);
      g_autofree char *feedback = NULL;
      g_autoptr(GString) words = g_string_new (NULL);

      if (!is_accepted (answer))
        continue;

      if (question->type == RAPPORT_BANK_NUMERIC)
        {
          g_autofree char *value = NULL;
          g_autofree char *tolerance = NULL;

          if (!check_numbers (bank, question, answer))
            return FALSE;

          value = rapport_bank_format_number (answer->value);
          tolerance = rapport_bank_format_number (answer->tolerance);
          g_string_append_printf (body, INDENT "  <accept value=\"%s\" tolerance=\"%s\"",
                                  value, tolerance);
          g_string_append (words, value);
          if (answer->tolerance > 0)
            g_string_append_printf (words, " ± %s", tolerance);
        }
      else
        {
          g_autofree char *plain = accepted_words (bank, question, answer);

          if (plain == NULL)
            return FALSE;
          rapport_bank_append_escaped (words, plain, -1);
          g_string_append_printf (body, INDENT "  <accept><text>%s</text>", words->str);
        }

      if (!rapport_bank_text_is_empty (answer->feedback))
        feedback = rapport_bank_text_to_inline (bank, answer->feedback);
      if (question->type == RAPPORT_BANK_NUMERIC)
        g_string_append (body, feedback != NULL && feedback[0] != '\0' ? ">" : "/>\n");
      if (feedback != NULL && feedback[0] != '\0')
        g_string_append_printf (body, "<feedback>%s</feedback></accept>\n", feedback);
      else if (question->type != RAPPORT_BANK_NUMERIC)
        g_string_append (body, "</accept>\n");

      g_ptr_array_add (right, g_string_free (g_steal_pointer (&words), FALSE));
    }

  write_other (bank, question, body);

  return TRUE;
}

static gboolean
write_matching (RapportBank         *bank,
                RapportBankQuestion *question,
                GString             *body,
                GPtrArray           *right)
{
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) distractors = g_ptr_array_new ();
  g_autoptr(GHashTable) rights = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) lefts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_pairs = 0;
  guint n_extra = 0;

  for (guint i = 0; i < question->answers->len; i++)
    {
      RapportBankAnswer *answer = g_ptr_array_index (question->answers, i);
      g_autofree char *left = NULL;
      g_autofree char *left_plain = NULL;
      g_autofree char *left_words = NULL;
      g_autoptr(GString) right_markup = NULL;
      char *right_words = line_of (answer->right);
      glong n_chars = g_utf8_strlen (right_words, -1);
      gpointer first_line;

      /* Compared as written, collapsed: as the loader compares them. */
      g_ptr_array_add (owned, right_words);
      if (right_words[0] == '\0')
        continue;   /* a left item without a right one: Moodle ignores it too */

      if (n_chars > RAPPORT_TOPIC_MAX_LINE)
        {
          g_autofree char *quoted = rapport_bank_quote (right_words);

          return skip_over_limit (bank, question, answer->line,
                                  _("The right item “%s” has %ld characters; Rapport shows at "
                                    "most %u in its list, so the question is left out."),
                                  quoted, n_chars, (guint) RAPPORT_TOPIC_MAX_LINE);
        }

      if (rapport_bank_text_is_empty (answer->text))
        {
          g_ptr_array_add (distractors, right_words);
          continue;
        }

      left = answer_markup (bank, question, answer->text, answer->line);
      if (left == NULL)
        return FALSE;

      left_plain = rapport_bank_text_to_plain (NULL, answer->text);
      left_words = line_of (left_plain);
      if (g_hash_table_lookup_extended (lefts, left_words, NULL, &first_line))
        {
          g_autofree char *quoted = rapport_bank_quote (left_words);

          return skip_over_limit (bank, question, answer->line,
                                  _("The left item “%s” is also on line %u; Rapport needs each "
                                    "left item to differ, so the question is left out."),
                                  quoted, GPOINTER_TO_UINT (first_line));
        }
      g_hash_table_insert (lefts, g_steal_pointer (&left_words), GUINT_TO_POINTER (answer->line));

      right_markup = g_string_new (NULL);
      rapport_bank_append_escaped (right_markup, right_words, -1);
      g_string_append_printf (body, INDENT "  <pair><left>%s</left><right>%s</right></pair>\n",
                              left, right_markup->str);
      g_hash_table_add (rights, right_words);
      g_ptr_array_add (right, g_strdup_printf ("%s → %s", left, right_markup->str));
      n_pairs++;
    }

  /* Extra right items, each once and only when no pair has it already. */
  for (guint i = 0; i < distractors->len; i++)
    {
      char *words = g_ptr_array_index (distractors, i);

      if (g_hash_table_add (rights, words))
        {
          g_string_append (body, INDENT "  <right>");
          rapport_bank_append_escaped (body, words, -1);
          g_string_append (body, "</right>\n");
          n_extra++;
        }
    }

  if (n_pairs > RAPPORT_QUESTION_MAX_PAIRS)
    return skip_over_limit (bank, question, question->line,
                            _("This matching question has %u pairs; Rapport shows at most %u, "
                              "so it is left out. Split it into two questions."),
                            n_pairs, RAPPORT_QUESTION_MAX_PAIRS);

  if (n_extra > RAPPORT_QUESTION_MAX_EXTRA_RIGHTS)
    return skip_over_limit (bank, question, question->line,
                            _("This matching question has %u extra right items, which match no "
                              "left item; Rapport shows at most %u, so it is left out."),
                            n_extra, RAPPORT_QUESTION_MAX_EXTRA_RIGHTS);

  if (n_pairs >= 2 && g_hash_table_size (rights) < 2)
    return skip_over_limit (bank, question, question->line,
                            _("Every pair of this matching question has the same right item, "
                              "so there is nothing to choose; the question is left out."));

  return TRUE;
}

static gboolean
write_steps (RapportBank         *bank,
             RapportBankQuestion *question,
             GString             *body,
             GPtrArray           *right)
{
  for (guint i = 0; i < question->answers->len; i++)
    {
      RapportBankAnswer *answer = g_ptr_array_index (question->answers, i);
      g_autofree char *markup = answer_markup (bank, question, answer->text, answer->line);

      if (markup == NULL)
        return FALSE;

      append_element (body, INDENT "  ", "step", markup);
      g_ptr_array_add (right, g_steal_pointer (&markup));
    }

  return TRUE;
}

void
rapport_bank_append_comment_text (GString    *out,
                                  const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '-' && out->len > 0 && out->str[out->len - 1] == '-')
        g_string_append_c (out, ' ');
      if (rapport_bank_is_xml_char (c) && c != '\n' && c != '\r')
        g_string_append_unichar (out, c);
    }
}

/**
 * rapport_bank_write_question:
 * @key: the key the question gets
 * @out: where its XML goes, with a comment that says where it came from
 * @explained: set to TRUE when the bank had no general feedback, so the
 *   explanation only names the right answer
 *
 * Returns: FALSE, with the question skipped and reported, when nothing is
 * left to ask once its text is converted.
 */
gboolean
rapport_bank_write_question (RapportBank         *bank,
                             RapportBankQuestion *question,
                             const char          *key,
                             GString             *out,
                             gboolean            *explained)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) right = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *prompt = rapport_bank_text_to_inline (bank, question->stem);
  g_autofree char *explanation = NULL;
  g_autofree char *base_name = g_path_get_basename (bank->file);
  const char *element;
  const char *attributes = "";
  gboolean written;

  g_return_val_if_fail (bank != NULL, FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  if (prompt[0] == '\0')
    {
      rapport_bank_skip (bank, question->line, question->bank_type,
                         _("The text of this question is empty once what Rapport cannot show "
                           "is left out (was it only a picture?), so the question is left "
                           "out."));
      return FALSE;
    }

  switch (question->type)
    {
    case RAPPORT_BANK_SINGLE:
    case RAPPORT_BANK_MULTIPLE:
      element = question->type == RAPPORT_BANK_SINGLE ? "single" : "multiple";
      attributes = question->fixed_order ? " fixed-order=\"true\"" : "";
      written = write_choices (bank, question, body, right);
      break;

    case RAPPORT_BANK_TRUEFALSE:
      element = "truefalse";
      attributes = question->answer ? " answer=\"true\"" : " answer=\"false\"";
      append_feedback (bank, body, INDENT "  ", "feedback-true", question->feedback_true);
      append_feedback (bank, body, INDENT "  ", "feedback-false", question->feedback_false);
      written = TRUE;
      break;

    case RAPPORT_BANK_SHORT:
    case RAPPORT_BANK_NUMERIC:
      element = question->type == RAPPORT_BANK_SHORT ? "short" : "numeric";
      if (question->type == RAPPORT_BANK_SHORT && question->case_sensitive)
        attributes = " case-sensitive=\"true\"";
      written = write_typed (bank, question, body, right);
      break;

    case RAPPORT_BANK_MATCHING:
      element = "matching";
      written = write_matching (bank, question, body, right);
      break;

    case RAPPORT_BANK_ORDERING:
      element = "ordering";
      written = write_steps (bank, question, body, right);
      break;

    case RAPPORT_BANK_ESSAY:
    case RAPPORT_BANK_DESCRIPTION:
    default:
      g_return_val_if_reached (FALSE);
    }

  if (!written)
    return FALSE;

  if (!rapport_bank_text_is_empty (question->general_feedback))
    explanation = rapport_bank_text_to_inline (bank, question->general_feedback);
  *explained = explanation == NULL || explanation[0] == '\0';
  if (*explained)
    {
      g_free (explanation);
      explanation = right_answer (question, right);
    }

  /* Where it came from, for the trainer who edits the file. */
  g_string_append (out, INDENT "<!-- ");
  rapport_bank_append_comment_text (out, base_name);
  g_string_append_printf (out, ":%u", question->line);
  if (question->title != NULL)
    {
      g_string_append (out, ": ");
      rapport_bank_append_comment_text (out, question->title);
    }
  for (guint i = 0; i < question->tags->len; i++)
    {
      g_string_append (out, i == 0 ? "; tags: " : ", ");
      rapport_bank_append_comment_text (out, g_ptr_array_index (question->tags, i));
    }
  if (out->str[out->len - 1] == '-')
    g_string_append_c (out, ' ');
  g_string_append (out, " -->\n");

  g_string_append_printf (out, INDENT "<%s key=\"%s\"%s>\n", element, key, attributes);
  append_element (out, INDENT "  ", "prompt", prompt);
  g_string_append (out, body->str);
  append_element (out, INDENT "  ", "explanation", explanation);
  g_string_append_printf (out, INDENT "</%s>\n", element);

  return TRUE;
}

void
rapport_bank_append_plain_element (GString    *out,
                                   const char *indent,
                                   const char *element,
                                   const char *plain)
{
  append_plain_element (out, indent, element, plain);
}

void
rapport_bank_append_element (GString    *out,
                             const char *indent,
                             const char *element,
                             const char *markup)
{
  append_element (out, indent, element, markup);
}
