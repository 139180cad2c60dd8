/* rapport-bank-gift-private.h: what the two halves of the GIFT reader share:
 * the question being read (a block of lines) and the helpers on its text.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "rapport-bank-private.h"

G_BEGIN_DECLS

/* An escaped character ("\{") stands, while a block is read, for this plus
 * the character: a character of Unicode's private use plane 15 that no rule
 * looks for.
 */
#define GIFT_ESCAPED_BASE 0xf0000

/* What Moodle puts where the answers of a missing-word question were. */
#define GIFT_BLANK "_____"

/* One question: the lines between two blank lines. */
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
} GiftBlock;

/* The line of the bank where @p, a place in the block, is. */
static inline guint
gift_line_of (GiftBlock  *b,
              const char *p)
{
  return b->first_line + rapport_bank_count_lines (b->text->str, p);
}

static inline void
gift_trim (const char **start,
           const char **end)
{
  while (*start < *end && g_ascii_isspace (**start))
    (*start)++;
  while (*end > *start && g_ascii_isspace ((*end)[-1]))
    (*end)--;
}

static inline const char *
gift_find (const char *start,
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

/* Texts (rapport-bank-gift.c) */
char            *rapport_bank_gift_unmark         (const char             *start,
                                                   const char             *end);
RapportBankText *rapport_bank_gift_make_text      (const char             *start,
                                                   const char             *end,
                                                   guint                   line,
                                                   RapportBankTextFormat   default_format);
void             rapport_bank_gift_split_feedback (GiftBlock              *b,
                                                   const char             *start,
                                                   const char             *end,
                                                   RapportBankTextFormat   format,
                                                   RapportBankText       **text,
                                                   RapportBankText       **feedback);

/* The answers between the braces, by type (rapport-bank-gift-answers.c).
 * FALSE with the question skipped and reported when they cannot be read.
 */
gboolean         rapport_bank_gift_read_choices   (GiftBlock              *b,
                                                   RapportBankQuestion    *question,
                                                   const char             *start,
                                                   const char             *end);
gboolean         rapport_bank_gift_read_matching  (GiftBlock              *b,
                                                   RapportBankQuestion    *question,
                                                   const char             *start,
                                                   const char             *end);
void             rapport_bank_gift_read_truefalse (GiftBlock              *b,
                                                   RapportBankQuestion    *question,
                                                   const char             *start,
                                                   const char             *end);
gboolean         rapport_bank_gift_read_short     (GiftBlock              *b,
                                                   RapportBankQuestion    *question,
                                                   const char             *start,
                                                   const char             *end);
gboolean         rapport_bank_gift_read_numeric   (GiftBlock              *b,
                                                   RapportBankQuestion    *question,
                                                   const char             *start,
                                                   const char             *end);

G_END_DECLS
