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

#include "rapport-bank-gift-private.h"

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
          g_string_append_unichar (out, GIFT_ESCAPED_BASE + (guchar) p[1]);
          p++;
        }
      else
        {
          g_string_append_c (out, *p);
        }
    }
}

char *
rapport_bank_gift_unmark (const char *start,
                          const char *end)
{
  GString *out = g_string_sized_new (end - start);

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= GIFT_ESCAPED_BASE && c < GIFT_ESCAPED_BASE + 0x80)
        g_string_append_c (out, c == GIFT_ESCAPED_BASE + 'n' ? '\n'
                                                             : (char) (c - GIFT_ESCAPED_BASE));
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Ranges of the block */

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
RapportBankText *
rapport_bank_gift_make_text (const char            *start,
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

  gift_trim (&start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      gsize len = strlen (formats[i].name);

      if ((gsize) (end - start) >= len && memcmp (start, formats[i].name, len) == 0)
        {
          format = formats[i].format;
          start += len;
          gift_trim (&start, &end);
          break;
        }
    }

  words = rapport_bank_gift_unmark (start, end);

  return rapport_bank_text_new (g_strstrip (words), format, line);
}

/* The answer's words and, after "#", its feedback. */
void
rapport_bank_gift_split_feedback (GiftBlock              *b,
                                  const char             *start,
                                  const char             *end,
                                  RapportBankTextFormat   format,
                                  RapportBankText       **text,
                                  RapportBankText       **feedback)
{
  const char *hash = memchr (start, '#', end - start);

  *text = rapport_bank_gift_make_text (start, hash != NULL ? hash : end, gift_line_of (b, start),
                                       format);
  *feedback = hash != NULL ? rapport_bank_gift_make_text (hash + 1, end, gift_line_of (b, hash + 1),
                                                          format)
                           : NULL;
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
  if (memchr (start, '=', end - start) != NULL && gift_find (start, end, "->") != NULL)
    return "match";

  hash = memchr (start, '#', end - start);
  if (hash != NULL && hash > start)
    check_end = hash;
  gift_trim (&start, &check_end);
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
read_answers (GiftBlock           *b,
              RapportBankQuestion *question,
              const char          *start,
              const char          *end)
{
  switch (question->type)
    {
    case RAPPORT_BANK_SINGLE:
      return rapport_bank_gift_read_choices (b, question, start, end);
    case RAPPORT_BANK_MATCHING:
      return rapport_bank_gift_read_matching (b, question, start, end);
    case RAPPORT_BANK_TRUEFALSE:
      rapport_bank_gift_read_truefalse (b, question, start, end);
      return TRUE;
    case RAPPORT_BANK_SHORT:
      return rapport_bank_gift_read_short (b, question, start, end);
    case RAPPORT_BANK_NUMERIC:
      return rapport_bank_gift_read_numeric (b, question, start, end);
    case RAPPORT_BANK_ESSAY:
    default:
      return TRUE;
    }
}

static void
read_question (GiftBlock  *b,
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
  guint line = gift_line_of (b, start);
  char *title = NULL;

  if (g_str_has_prefix (start, "::"))
    {
      const char *title_end = gift_find (start + 2, end, "::");

      if (title_end != NULL)
        {
          title = g_strstrip (rapport_bank_gift_unmark (start + 2, title_end));
          if (title[0] == '\0')
            g_clear_pointer (&title, g_free);
          start = title_end + 2;
          gift_trim (&start, &end);
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
      question->stem = rapport_bank_gift_make_text (start, end, gift_line_of (b, start),
                                                    RAPPORT_BANK_TEXT_MOODLE);
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
                          close + 1 == end ? "" : GIFT_BLANK, (int) (end - close - 1), close + 1);

  answers = open + 1;
  answers_end = close;
  general = find_last (answers, answers_end, "####");
  if (general != NULL)
    answers_end = general;
  gift_trim (&answers, &answers_end);

  bank_type = answer_type (answers, answers_end);
  question = rapport_bank_question_new (type_of (bank_type), bank_type, line);
  question->title = title;
  question->stem = rapport_bank_gift_make_text (stem, stem + strlen (stem),
                                                gift_line_of (b, start), RAPPORT_BANK_TEXT_MOODLE);
  question->category = b->category;
  g_ptr_array_extend_and_steal (question->tags, g_steal_pointer (&b->tags));
  b->tags = g_ptr_array_new_with_free_func (g_free);

  if (general != NULL)
    question->general_feedback = rapport_bank_gift_make_text (general + 4, close,
                                                              gift_line_of (b, general + 4),
                                                              question->stem->format);

  if (read_answers (b, question, answers, answers_end) &&
      rapport_bank_check_question (b->bank, question))
    rapport_bank_add_question (b->bank, g_steal_pointer (&question));
}

static void
read_block (GiftBlock *b)
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

  gift_trim (&start, &end);
  if (start == end)
    return;   /* comments only */

  if (g_str_has_prefix (start, "$CATEGORY:"))
    {
      const char *path = start + strlen ("$CATEGORY:");
      const char *path_end = memchr (path, '\n', end - path);
      g_autofree char *unmarked = NULL;

      if (path_end == NULL)
        path_end = end;
      unmarked = rapport_bank_gift_unmark (path, path_end);
      b->category = rapport_bank_use_category (b->bank, unmarked, gift_line_of (b, start));

      start = path_end;
      gift_trim (&start, &end);
      if (start == end)
        return;
    }

  if (b->bank->questions->len >= RAPPORT_BANK_MAX_QUESTIONS)
    {
      if (!b->full)
        rapport_bank_skip (b->bank, gift_line_of (b, start), "gift",
                           _("The bank has more than %u questions; this one and those after it "
                             "are left out."),
                           RAPPORT_BANK_MAX_QUESTIONS);
      b->full = TRUE;
      return;
    }

  b->bank->question = gift_line_of (b, start);
  read_question (b, start, end);
  b->bank->question = 0;
}

/* "// [tag:name]" */
static void
read_comment (GiftBlock  *b,
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
  GiftBlock b = { 0 };
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
      return rapport_bank_refuse (display_name, error);
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
