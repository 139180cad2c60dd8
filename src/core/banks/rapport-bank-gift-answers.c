/* rapport-bank-gift-answers.c: the answers of a GIFT question, between its
 * braces, for each type, as Moodle's importer reads them: where it splits
 * them, what a weight is, what a number or a range is.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rapport-bank-gift-private.h"

/* "%50%" at @start: the weight as a fraction, and where the answer goes on. */
static gboolean
read_weight (const char  *start,
             const char  *end,
             double      *fraction,
             const char **after)
{
  const char *close;
  g_autofree char *number = NULL;
  char *number_end = NULL;
  double value;

  if (start >= end || *start != '%')
    return FALSE;

  close = memchr (start + 1, '%', MIN ((gsize) (end - start - 1), 12));
  if (close == NULL)
    return FALSE;

  number = g_strndup (start + 1, close - start - 1);
  value = g_ascii_strtod (number, &number_end);
  if (number_end == number || *number_end != '\0' || value < -100 || value > 100)
    return FALSE;

  *fraction = value / 100;
  *after = close + 1;

  return TRUE;
}

/* The answers, split where Moodle splits them: at each character of @marks. */
typedef struct
{
  char        mark;
  const char *start;
  const char *end;
} Part;

static GArray *
split_answers (const char *start,
               const char *end,
               const char *marks)
{
  GArray *parts = g_array_new (FALSE, TRUE, sizeof (Part));
  Part part = { 0, start, NULL };

  for (const char *p = start; p <= end; p++)
    {
      if (p == end || strchr (marks, *p) != NULL)
        {
          const char *s = part.start;
          const char *e = p;

          gift_trim (&s, &e);
          if (s < e || part.mark != 0)
            {
              part.start = s;
              part.end = e;
              g_array_append_val (parts, part);
            }
          if (p < end)
            {
              part.mark = *p;
              part.start = p + 1;
            }
        }
    }

  return parts;
}

/* One answer: its weight ("%50%", else @fraction), words and feedback. */
static RapportBankAnswer *
read_answer (GiftBlock             *b,
             const Part            *part,
             double                 fraction,
             RapportBankTextFormat  format)
{
  const char *words = part->start;
  RapportBankText *text;
  RapportBankText *feedback;

  read_weight (words, part->end, &fraction, &words);
  rapport_bank_gift_split_feedback (b, words, part->end, format, &text, &feedback);

  return rapport_bank_answer_new (text, fraction, feedback, gift_line_of (b, part->start));
}

/* The answers split at @marks, or %NULL, with the question skipped, when
 * there are more than Rapport imports.
 */
static GArray *
split_checked (GiftBlock           *b,
               RapportBankQuestion *question,
               const char          *start,
               const char          *end,
               const char          *marks)
{
  GArray *parts = split_answers (start, end, marks);

  if (parts->len <= RAPPORT_BANK_MAX_ANSWERS)
    return parts;

  g_array_unref (parts);
  rapport_bank_skip (b->bank, question->line, question->bank_type,
                     _("This question has more than %u answers."), RAPPORT_BANK_MAX_ANSWERS);
  return NULL;
}

/* Question types */

gboolean
rapport_bank_gift_read_choices (GiftBlock           *b,
                                RapportBankQuestion *question,
                                const char          *start,
                                const char          *end)
{
  g_autoptr(GArray) parts = split_checked (b, question, start, end, "~=");
  RapportBankTextFormat format = question->stem->format;

  if (parts == NULL)
    return FALSE;

  question->type = memchr (start, '=', end - start) != NULL ? RAPPORT_BANK_SINGLE
                                                            : RAPPORT_BANK_MULTIPLE;

  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = &g_array_index (parts, Part, i);

      g_ptr_array_add (question->answers,
                       read_answer (b, part, part->mark == '=' ? 1 : 0, format));
    }

  return TRUE;
}

gboolean
rapport_bank_gift_read_matching (GiftBlock           *b,
                                 RapportBankQuestion *question,
                                 const char          *start,
                                 const char          *end)
{
  g_autoptr(GArray) parts = split_checked (b, question, start, end, "=");

  if (parts == NULL)
    return FALSE;

  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = &g_array_index (parts, Part, i);
      const char *arrow = gift_find (part->start, part->end, "->");
      RapportBankAnswer *answer;
      const char *right;
      const char *right_end = part->end;

      if (arrow == NULL)
        {
          g_autofree char *words = rapport_bank_gift_unmark (part->start, part->end);
          g_autofree char *quoted = rapport_bank_quote (words);

          rapport_bank_skip (b->bank, gift_line_of (b, part->start), question->bank_type,
                             _("“%s” has no “->”: each answer of a matching question is "
                               "written “=left -> right”."),
                             quoted);
          return FALSE;
        }

      right = arrow + 2;
      gift_trim (&right, &right_end);
      answer = rapport_bank_answer_new (rapport_bank_gift_make_text (part->start, arrow,
                                                                     gift_line_of (b, part->start),
                                                                     question->stem->format),
                                        1, NULL, gift_line_of (b, part->start));
      answer->right = g_strstrip (rapport_bank_gift_unmark (right, right_end));
      g_ptr_array_add (question->answers, answer);
    }

  return TRUE;
}

void
rapport_bank_gift_read_truefalse (GiftBlock           *b,
                                  RapportBankQuestion *question,
                                  const char          *start,
                                  const char          *end)
{
  const char *first = memchr (start, '#', end - start);
  const char *second = first != NULL ? memchr (first + 1, '#', end - first - 1) : NULL;
  const char *answer_end = first != NULL ? first : end;
  RapportBankText *wrong = NULL;
  RapportBankText *right = NULL;
  RapportBankTextFormat format = question->stem->format;

  gift_trim (&start, &answer_end);
  question->answer = answer_end - start <= 4 && start[0] == 'T';

  /* "{T#when wrong#when right}": the first feedback is for the wrong answer. */
  if (first != NULL)
    wrong = rapport_bank_gift_make_text (first + 1, second != NULL ? second : end,
                                         gift_line_of (b, first + 1), format);
  if (second != NULL)
    right = rapport_bank_gift_make_text (second + 1, end, gift_line_of (b, second + 1), format);

  if (question->answer)
    {
      question->feedback_true = right;
      question->feedback_false = wrong;
    }
  else
    {
      question->feedback_true = wrong;
      question->feedback_false = right;
    }
}

gboolean
rapport_bank_gift_read_short (GiftBlock           *b,
                              RapportBankQuestion *question,
                              const char          *start,
                              const char          *end)
{
  g_autoptr(GArray) parts = split_checked (b, question, start, end, "=");

  if (parts == NULL)
    return FALSE;

  for (guint i = 0; i < parts->len; i++)
    {
      RapportBankAnswer *answer = read_answer (b, &g_array_index (parts, Part, i), 1,
                                               question->stem->format);

      /* Typed answers are compared as plain text. */
      answer->text->format = RAPPORT_BANK_TEXT_PLAIN;
      answer->other = g_str_equal (answer->text->raw, "*");
      g_ptr_array_add (question->answers, answer);
    }

  return TRUE;
}

static gboolean
read_number (const char *text,
             double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  *value = g_ascii_strtod (copy, &end);

  return end != copy && *end == '\0' && isfinite (*value);
}

/* The digits after the decimal point of a number as written. */
static int
decimals_of (const char *text)
{
  const char *point = strchr (text, '.');
  int n = 0;

  while (point != NULL && g_ascii_isdigit (point[n + 1]))
    n++;

  return n;
}

/* @value to @decimals places: the middle of 3.141..3.142 is 3.1415, not
 * 3.1414999999999997.
 */
static double
round_to (double value,
          int    decimals)
{
  double scale = pow (10, MIN (decimals, 15));

  return round (value * scale) / scale;
}

/* "1822", "1822:2" or "1820..1824": a value and a tolerance. */
static gboolean
read_range (const char *text,
            double     *value,
            double     *tolerance)
{
  const char *dots = strstr (text, "..");
  const char *colon = strchr (text, ':');

  if (dots != NULL && dots > text)
    {
      g_autofree char *low_text = g_strndup (text, dots - text);
      int decimals = MAX (decimals_of (low_text), decimals_of (dots + 2)) + 1;
      double low;
      double high;

      if (!read_number (low_text, &low) || !read_number (dots + 2, &high) || high < low)
        return FALSE;
      *value = round_to ((low + high) / 2, decimals);
      *tolerance = round_to ((high - low) / 2, decimals);
      return TRUE;
    }

  if (colon != NULL && colon > text)
    {
      g_autofree char *value_text = g_strndup (text, colon - text);

      return read_number (value_text, value) && read_number (colon + 1, tolerance) &&
             *tolerance >= 0;
    }

  *tolerance = 0;

  return read_number (text, value);
}

gboolean
rapport_bank_gift_read_numeric (GiftBlock           *b,
                                RapportBankQuestion *question,
                                const char          *start,
                                const char          *end)
{
  const char *tilde;
  g_autoptr(GArray) parts = NULL;

  start++;   /* the "#" */
  tilde = memchr (start, '~', end - start);
  parts = split_checked (b, question, start, tilde != NULL ? tilde : end, "=");
  if (parts == NULL)
    return FALSE;

  for (guint i = 0; i < parts->len; i++)
    {
      RapportBankAnswer *answer = read_answer (b, &g_array_index (parts, Part, i), 1,
                                               question->stem->format);

      g_ptr_array_add (question->answers, answer);
      if (!read_range (answer->text->raw, &answer->value, &answer->tolerance))
        {
          g_autofree char *quoted = rapport_bank_quote (answer->text->raw);

          rapport_bank_skip (b->bank, answer->line, question->bank_type,
                             _("“%s” is not a number, a number with a tolerance (“1822:2”) "
                               "or a range (“1820..1824”)."),
                             quoted);
          return FALSE;
        }
    }

  if (tilde != NULL)
    {
      RapportBankText *text;
      RapportBankText *feedback;
      RapportBankAnswer *answer;

      rapport_bank_gift_split_feedback (b, tilde + 1, end, question->stem->format, &text,
                                        &feedback);
      answer = rapport_bank_answer_new (text, 0, feedback, gift_line_of (b, tilde));
      answer->other = TRUE;
      g_ptr_array_add (question->answers, answer);
    }

  if (parts->len == 0)
    {
      rapport_bank_skip (b->bank, question->line, question->bank_type,
                         _("This numerical question has no answer."));
      return FALSE;
    }

  return TRUE;
}

