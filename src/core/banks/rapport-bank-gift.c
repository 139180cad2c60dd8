/* rapport-bank-gift.c: GIFT, Moodle's plain-text format for questions, as
 * Moodle's own importer reads it (question/format/gift/format.php).
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A GIFT file is questions separated by blank lines. Lines starting with
 * "//" are comments ("// [tag:name]" tags the question). A question is an
 * optional "::title::", its text, and its answers in braces; text after the
 * braces makes it a missing-word question ("_____" marks the gap); without
 * braces it is a description. Inside the braces: "~wrong =right" (multiple
 * choice, "%50%" weights), "T"/"F" (true/false, then "#feedback when wrong
 * #feedback when right"), "=answer" alone (short answer), "=left -> right"
 * (matching), "#value:tolerance", "#min..max" (numerical), nothing (essay);
 * "#feedback" after an answer, "####feedback" for the question. "\~ \= \#
 * \{ \} \: \n \\" escape. A text may start with [html], [moodle], [plain] or
 * [markdown]. "$CATEGORY: path" puts the questions after it in a category.
 *
 * The blocks are read as Moodle reads them, so that a bank that works there
 * imports here the same. Each escaped character is replaced, for the time of
 * the reading, by a character of Unicode's private use plane 15 that no
 * rule looks for, and given back when a text is made.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rapport-bank-private.h"

#define ESCAPED_BASE 0xf0000
#define BLANK "_____"

typedef struct
{
  RapportBank         *bank;
  GString             *text;         /* the block, escapes marked, comment lines empty */
  guint                first_line;
  RapportBankCategory *category;
  GPtrArray           *tags;
  guint                n_lines;
  gboolean             too_long;
  gboolean             full;
} Block;

static guint
line_of (Block      *b,
         const char *p)
{
  return b->first_line + rapport_bank_count_lines (b->text->str, p);
}

/* Escapes */

static void
append_marked (GString    *out,
               const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] == '\\')
        {
          g_string_append_c (out, '\\');
          p++;
        }
      else if (p[0] == '\\' && p[1] != '\0' && strchr ("~=#{}:n", p[1]) != NULL)
        {
          g_string_append_unichar (out, ESCAPED_BASE + (guchar) p[1]);
          p++;
        }
      else
        {
          g_string_append_c (out, *p);
        }
    }
}

static char *
unmark (const char *start,
        const char *end)
{
  GString *out = g_string_sized_new (end - start);

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= ESCAPED_BASE && c < ESCAPED_BASE + 0x80)
        g_string_append_c (out, c == ESCAPED_BASE + 'n' ? '\n' : (char) (c - ESCAPED_BASE));
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Ranges of the block */

static void
trim (const char **start,
      const char **end)
{
  while (*start < *end && g_ascii_isspace (**start))
    (*start)++;
  while (*end > *start && g_ascii_isspace ((*end)[-1]))
    (*end)--;
}

static const char *
find (const char *start,
      const char *end,
      const char *needle)
{
  gsize len = strlen (needle);

  for (const char *p = start; p + len <= end; p++)
    {
      if (memcmp (p, needle, len) == 0)
        return p;
    }

  return NULL;
}

static const char *
find_last (const char *start,
           const char *end,
           const char *needle)
{
  gsize len = strlen (needle);

  for (const char *p = end - len; p >= start; p--)
    {
      if (memcmp (p, needle, len) == 0)
        return p;
    }

  return NULL;
}

/* A text of the question from @start to @end: an optional "[format]", then
 * the words. @line is where it starts.
 */
static RapportBankText *
make_text (const char            *start,
           const char            *end,
           guint                  line,
           RapportBankTextFormat  default_format)
{
  static const struct
  {
    const char            *name;
    RapportBankTextFormat  format;
  } formats[] = {
    { "[html]", RAPPORT_BANK_TEXT_HTML },
    { "[moodle]", RAPPORT_BANK_TEXT_MOODLE },
    { "[plain]", RAPPORT_BANK_TEXT_PLAIN },
    { "[markdown]", RAPPORT_BANK_TEXT_MARKDOWN },
  };
  RapportBankTextFormat format = default_format;
  g_autofree char *words = NULL;

  trim (&start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      gsize len = strlen (formats[i].name);

      if ((gsize) (end - start) >= len && memcmp (start, formats[i].name, len) == 0)
        {
          format = formats[i].format;
          start += len;
          trim (&start, &end);
          break;
        }
    }

  words = unmark (start, end);

  return rapport_bank_text_new (g_strstrip (words), format, line);
}

/* The answer's words and, after "#", its feedback. */
static void
split_feedback (Block                  *b,
                const char             *start,
                const char             *end,
                RapportBankTextFormat   format,
                RapportBankText       **text,
                RapportBankText       **feedback)
{
  const char *hash = memchr (start, '#', end - start);

  *text = make_text (start, hash != NULL ? hash : end, line_of (b, start), format);
  *feedback = hash != NULL ? make_text (hash + 1, end, line_of (b, hash + 1), format) : NULL;
}

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

          trim (&s, &e);
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

static gboolean
too_many_answers (Block               *b,
                  RapportBankQuestion *question,
                  GArray              *parts)
{
  if (parts->len <= RAPPORT_BANK_MAX_ANSWERS)
    return FALSE;

  rapport_bank_skip (b->bank, question->line, question->bank_type,
                     _("This question has more than %u answers."), RAPPORT_BANK_MAX_ANSWERS);
  return TRUE;
}

/* Question types */

static gboolean
read_choices (Block               *b,
              RapportBankQuestion *question,
              const char          *start,
              const char          *end)
{
  g_autoptr(GArray) parts = split_answers (start, end, "~=");
  RapportBankTextFormat format = question->stem->format;

  if (too_many_answers (b, question, parts))
    return FALSE;

  question->type = memchr (start, '=', end - start) != NULL ? RAPPORT_BANK_SINGLE
                                                            : RAPPORT_BANK_MULTIPLE;

  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = &g_array_index (parts, Part, i);
      const char *words = part->start;
      double fraction = part->mark == '=' ? 1 : 0;
      RapportBankText *text;
      RapportBankText *feedback;

      read_weight (words, part->end, &fraction, &words);
      split_feedback (b, words, part->end, format, &text, &feedback);
      g_ptr_array_add (question->answers,
                       rapport_bank_answer_new (text, fraction, feedback, line_of (b, part->start)));
    }

  return TRUE;
}

static gboolean
read_matching (Block               *b,
               RapportBankQuestion *question,
               const char          *start,
               const char          *end)
{
  g_autoptr(GArray) parts = split_answers (start, end, "=");

  if (too_many_answers (b, question, parts))
    return FALSE;

  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = &g_array_index (parts, Part, i);
      const char *arrow = find (part->start, part->end, "->");
      RapportBankAnswer *answer;
      const char *right;
      const char *right_end = part->end;

      if (arrow == NULL)
        {
          g_autofree char *words = unmark (part->start, part->end);
          g_autofree char *quoted = rapport_bank_quote (words);

          rapport_bank_skip (b->bank, line_of (b, part->start), question->bank_type,
                             _("“%s” has no “->”: each answer of a matching question is "
                               "written “=left -> right”."),
                             quoted);
          return FALSE;
        }

      right = arrow + 2;
      trim (&right, &right_end);
      answer = rapport_bank_answer_new (make_text (part->start, arrow, line_of (b, part->start),
                                                   question->stem->format),
                                        1, NULL, line_of (b, part->start));
      answer->right = g_strstrip (unmark (right, right_end));
      g_ptr_array_add (question->answers, answer);
    }

  return TRUE;
}

static void
read_truefalse (Block               *b,
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

  trim (&start, &answer_end);
  question->answer = answer_end - start <= 4 && start[0] == 'T';

  /* "{T#when wrong#when right}": the first feedback is for the wrong answer. */
  if (first != NULL)
    wrong = make_text (first + 1, second != NULL ? second : end, line_of (b, first + 1), format);
  if (second != NULL)
    right = make_text (second + 1, end, line_of (b, second + 1), format);

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

static gboolean
read_short (Block               *b,
            RapportBankQuestion *question,
            const char          *start,
            const char          *end)
{
  g_autoptr(GArray) parts = split_answers (start, end, "=");

  if (too_many_answers (b, question, parts))
    return FALSE;

  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = &g_array_index (parts, Part, i);
      const char *words = part->start;
      double fraction = 1;
      RapportBankText *text;
      RapportBankText *feedback;
      RapportBankAnswer *answer;

      read_weight (words, part->end, &fraction, &words);
      split_feedback (b, words, part->end, question->stem->format, &text, &feedback);
      /* Typed answers are compared as plain text. */
      text->format = RAPPORT_BANK_TEXT_PLAIN;
      answer = rapport_bank_answer_new (text, fraction, feedback, line_of (b, part->start));
      answer->other = g_str_equal (text->raw, "*");
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

static gboolean
read_numeric (Block               *b,
              RapportBankQuestion *question,
              const char          *start,
              const char          *end)
{
  const char *tilde;
  g_autoptr(GArray) parts = NULL;

  start++;   /* the "#" */
  tilde = memchr (start, '~', end - start);
  parts = split_answers (start, tilde != NULL ? tilde : end, "=");

  if (too_many_answers (b, question, parts))
    return FALSE;

  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = &g_array_index (parts, Part, i);
      const char *words = part->start;
      double fraction = 1;
      RapportBankText *text;
      RapportBankText *feedback;
      RapportBankAnswer *answer;

      read_weight (words, part->end, &fraction, &words);
      split_feedback (b, words, part->end, question->stem->format, &text, &feedback);
      answer = rapport_bank_answer_new (text, fraction, feedback, line_of (b, part->start));
      g_ptr_array_add (question->answers, answer);

      if (!read_range (text->raw, &answer->value, &answer->tolerance))
        {
          g_autofree char *quoted = rapport_bank_quote (text->raw);

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

      split_feedback (b, tilde + 1, end, question->stem->format, &text, &feedback);
      answer = rapport_bank_answer_new (text, 0, feedback, line_of (b, tilde));
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

/* One question */

/* Moodle's order: braces or not, then the first character or mark found. */
static const char *
answer_type (const char *start,
             const char *end)
{
  const char *hash;
  const char *check_end = end;

  if (start == end)
    return "essay";
  if (*start == '#')
    return "numerical";
  if (memchr (start, '~', end - start) != NULL)
    return "multichoice";
  if (memchr (start, '=', end - start) != NULL && find (start, end, "->") != NULL)
    return "match";

  hash = memchr (start, '#', end - start);
  if (hash != NULL && hash > start)
    check_end = hash;
  trim (&start, &check_end);
  if ((check_end - start == 1 && (*start == 'T' || *start == 'F')) ||
      (check_end - start == 4 && memcmp (start, "TRUE", 4) == 0) ||
      (check_end - start == 5 && memcmp (start, "FALSE", 5) == 0))
    return "truefalse";

  return "shortanswer";
}

static RapportBankType
type_of (const char *bank_type)
{
  if (g_str_equal (bank_type, "essay"))
    return RAPPORT_BANK_ESSAY;
  if (g_str_equal (bank_type, "numerical"))
    return RAPPORT_BANK_NUMERIC;
  if (g_str_equal (bank_type, "multichoice"))
    return RAPPORT_BANK_SINGLE;
  if (g_str_equal (bank_type, "match"))
    return RAPPORT_BANK_MATCHING;
  if (g_str_equal (bank_type, "truefalse"))
    return RAPPORT_BANK_TRUEFALSE;
  return RAPPORT_BANK_SHORT;
}

static gboolean
read_answers (Block               *b,
              RapportBankQuestion *question,
              const char          *start,
              const char          *end)
{
  switch (question->type)
    {
    case RAPPORT_BANK_SINGLE:
      return read_choices (b, question, start, end);
    case RAPPORT_BANK_MATCHING:
      return read_matching (b, question, start, end);
    case RAPPORT_BANK_TRUEFALSE:
      read_truefalse (b, question, start, end);
      return TRUE;
    case RAPPORT_BANK_SHORT:
      return read_short (b, question, start, end);
    case RAPPORT_BANK_NUMERIC:
      return read_numeric (b, question, start, end);
    case RAPPORT_BANK_ESSAY:
    default:
      return TRUE;
    }
}

static void
read_question (Block      *b,
               const char *start,
               const char *end)
{
  g_autoptr(RapportBankQuestion) question = NULL;
  g_autofree char *stem = NULL;
  const char *open;
  const char *close;
  const char *answers;
  const char *answers_end;
  const char *general;
  const char *bank_type;
  guint line = line_of (b, start);
  char *title = NULL;

  if (g_str_has_prefix (start, "::"))
    {
      const char *title_end = find (start + 2, end, "::");

      if (title_end != NULL)
        {
          title = g_strstrip (unmark (start + 2, title_end));
          if (title[0] == '\0')
            g_clear_pointer (&title, g_free);
          start = title_end + 2;
          trim (&start, &end);
        }
      else
        {
          start += 2;
        }
    }

  open = memchr (start, '{', end - start);
  close = memchr (start, '}', end - start);

  if (open == NULL && close == NULL)
    {
      question = rapport_bank_question_new (RAPPORT_BANK_DESCRIPTION, "description", line);
      question->title = title;
      question->stem = make_text (start, end, line_of (b, start), RAPPORT_BANK_TEXT_MOODLE);
      question->category = b->category;
      g_ptr_array_extend_and_steal (question->tags, g_steal_pointer (&b->tags));
      b->tags = g_ptr_array_new_with_free_func (g_free);
      if (rapport_bank_check_question (b->bank, question))
        rapport_bank_add_question (b->bank, g_steal_pointer (&question));
      return;
    }

  if (open == NULL || close == NULL || close < open ||
      memchr (open + 1, '{', close - open - 1) != NULL ||
      memchr (close + 1, '{', end - close - 1) != NULL ||
      memchr (close + 1, '}', end - close - 1) != NULL)
    {
      g_free (title);
      rapport_bank_skip (b->bank, line, "gift",
                         _("The braces of this question do not pair up: a question has one "
                           "“{…}” with its answers. Write “\\{” and “\\}” for braces in the "
                           "text."));
      return;
    }

  /* The text, with "_____" where the answers were unless they end it. */
  stem = g_strdup_printf ("%.*s%s%.*s", (int) (open - start), start,
                          close + 1 == end ? "" : BLANK, (int) (end - close - 1), close + 1);

  answers = open + 1;
  answers_end = close;
  general = find_last (answers, answers_end, "####");
  if (general != NULL)
    answers_end = general;
  trim (&answers, &answers_end);

  bank_type = answer_type (answers, answers_end);
  question = rapport_bank_question_new (type_of (bank_type), bank_type, line);
  question->title = title;
  question->stem = make_text (stem, stem + strlen (stem), line_of (b, start),
                              RAPPORT_BANK_TEXT_MOODLE);
  question->category = b->category;
  g_ptr_array_extend_and_steal (question->tags, g_steal_pointer (&b->tags));
  b->tags = g_ptr_array_new_with_free_func (g_free);

  if (general != NULL)
    question->general_feedback = make_text (general + 4, close, line_of (b, general + 4),
                                            question->stem->format);

  if (read_answers (b, question, answers, answers_end) &&
      rapport_bank_check_question (b->bank, question))
    rapport_bank_add_question (b->bank, g_steal_pointer (&question));
}

static void
read_block (Block *b)
{
  const char *start = b->text->str;
  const char *end = start + b->text->len;

  if (b->too_long)
    {
      g_autofree char *size = g_format_size_full (RAPPORT_BANK_MAX_TEXT, G_FORMAT_SIZE_IEC_UNITS);

      rapport_bank_skip (b->bank, b->first_line, "gift",
                         _("This question is longer than %s, more than Rapport imports."), size);
      return;
    }

  trim (&start, &end);
  if (start == end)
    return;   /* comments only */

  if (g_str_has_prefix (start, "$CATEGORY:"))
    {
      const char *path = start + strlen ("$CATEGORY:");
      const char *path_end = memchr (path, '\n', end - path);
      g_autofree char *unmarked = NULL;

      if (path_end == NULL)
        path_end = end;
      unmarked = unmark (path, path_end);
      b->category = rapport_bank_use_category (b->bank, unmarked, line_of (b, start));

      start = path_end;
      trim (&start, &end);
      if (start == end)
        return;
    }

  if (b->bank->questions->len >= RAPPORT_BANK_MAX_QUESTIONS)
    {
      if (!b->full)
        rapport_bank_skip (b->bank, line_of (b, start), "gift",
                           _("The bank has more than %u questions; this one and those after it "
                             "are left out."),
                           RAPPORT_BANK_MAX_QUESTIONS);
      b->full = TRUE;
      return;
    }

  b->bank->question = line_of (b, start);
  read_question (b, start, end);
  b->bank->question = 0;
}

/* "// [tag:name]" */
static void
read_comment (Block      *b,
              const char *comment)
{
  for (const char *p = strstr (comment, "[tag:"); p != NULL; p = strstr (p + 1, "[tag:"))
    {
      const char *close = strchr (p, ']');

      if (close == NULL)
        break;
      if (close > p + strlen ("[tag:"))
        g_ptr_array_add (b->tags, g_strndup (p + strlen ("[tag:"), close - p - strlen ("[tag:")));
    }
}

RapportBank *
rapport_bank_read_gift (GBytes      *bytes,
                        const char  *display_name,
                        GPtrArray   *problems,
                        GError     **error)
{
  g_autoptr(RapportBank) bank = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  Block b = { 0 };
  const char *data;
  const char *end;
  const char *p;
  gsize length;
  guint line = 1;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (!rapport_bank_check_text (display_name, data, length, problems))
    {
      g_set_error (error, RAPPORT_BANK_ERROR, RAPPORT_BANK_ERROR_INVALID,
                   _("“%s” cannot be read as a question bank."), display_name);
      return NULL;
    }

  bank = rapport_bank_new (RAPPORT_BANK_GIFT, display_name);
  text = g_string_new (NULL);
  b.bank = bank;
  b.text = text;
  b.tags = g_steal_pointer (&tags);

  end = data + length;
  p = length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? data + 3 : data;

  for (;;)
    {
      const char *eol = p;
      g_autofree char *trimmed = NULL;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      trimmed = g_strstrip (g_strndup (p, eol - p));

      if (trimmed[0] == '\0')
        {
          /* A blank line ends the question. */
          read_block (&b);
          g_string_truncate (text, 0);
          b.n_lines = 0;
          b.too_long = FALSE;
        }
      else
        {
          /* Comment lines stay as empty lines, so that a place in the
           * block still tells its line.
           */
          if (b.n_lines++ == 0)
            b.first_line = line;
          else if (!b.too_long)
            g_string_append_c (text, '\n');

          if (g_str_has_prefix (trimmed, "//"))
            read_comment (&b, trimmed);
          else if (text->len + strlen (trimmed) > RAPPORT_BANK_MAX_TEXT)
            b.too_long = TRUE;
          else if (!b.too_long)
            append_marked (text, trimmed);
        }

      if (eol == end)
        break;
      if (*eol == '\r' && eol + 1 < end && eol[1] == '\n')
        eol++;
      p = eol + 1;
      line++;
    }

  read_block (&b);
  g_ptr_array_unref (b.tags);

  return g_steal_pointer (&bank);
}
