/* rapport-bank-check.c: what a question read from a bank must have before it
 * can become a Rapport question, and what of its scoring Rapport keeps.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rapport-bank-private.h"

/* Full credit, allowing for the rounding of "33.33333" three times. */
#define FULL_CREDIT 0.999

static gboolean
check_choices (RapportBank         *bank,
               RapportBankQuestion *question)
{
  guint n_full = 0;
  guint n_positive = 0;
  double first_weight = 0;
  gboolean unequal = FALSE;

  if (question->answers->len < 2)
    {
      rapport_bank_skip (bank, question->line, question->bank_type,
                         _("This multiple-choice question has fewer than two answers; Rapport "
                           "needs at least two."));
      return FALSE;
    }

  for (guint i = 0; i < question->answers->len; i++)
    {
      RapportBankAnswer *answer = g_ptr_array_index (question->answers, i);

      if (answer->fraction >= FULL_CREDIT)
        n_full++;
      if (answer->fraction > 0)
        {
          if (n_positive == 0)
            first_weight = answer->fraction;
          else if (fabs (answer->fraction - first_weight) > 0.01)
            unequal = TRUE;
          n_positive++;
        }
    }

  if (question->type == RAPPORT_BANK_MULTIPLE)
    {
      if (n_positive == 0)
        {
          rapport_bank_skip (bank, question->line, question->bank_type,
                             _("No answer of this question gives credit, so none could be "
                               "marked right."));
          return FALSE;
        }

      if (unequal)
        rapport_bank_note (bank, question->line, "weight",
                           _("The answers’ weights are not kept: in Rapport every right "
                             "answer of a select-all question counts the same."));
      return TRUE;
    }

  if (n_full == 0)
    {
      rapport_bank_skip (bank, question->line, question->bank_type,
                         _("No answer of this question gives full credit, so none could be "
                           "marked right."));
      return FALSE;
    }

  if (n_full > 1)
    {
      rapport_bank_skip (bank, question->line, question->bank_type,
                         _("%u answers of this question give full credit; a Rapport question "
                           "with one answer to pick has exactly one right answer."),
                         n_full);
      return FALSE;
    }

  if (n_positive > n_full)
    rapport_bank_note (bank, question->line, "weight",
                       ngettext ("Partial credit for %u answer is not kept: only the answer "
                                 "with full credit counts as right.",
                                 "Partial credit for %u answers is not kept: only the answer "
                                 "with full credit counts as right.",
                                 n_positive - n_full),
                       n_positive - n_full);

  return TRUE;
}

/* The words of a typed answer, for a note. */
static char *
answer_words (RapportBankAnswer *answer)
{
  return rapport_bank_quote (answer->text != NULL ? answer->text->raw : "");
}

static gboolean
check_typed (RapportBank         *bank,
             RapportBankQuestion *question)
{
  guint n_accepted = 0;

  for (guint i = 0; i < question->answers->len; i++)
    {
      RapportBankAnswer *answer = g_ptr_array_index (question->answers, i);
      g_autofree char *words = answer_words (answer);
      g_autofree char *percent = rapport_bank_format_number (answer->fraction * 100);

      if (answer->other)
        {
          if (answer->fraction > 0)
            rapport_bank_note (bank, answer->line, "weight",
                               _("The bank gives credit for any answer (“*”); Rapport accepts "
                                 "only the answers it lists, so this one is left out."));
        }
      else if (answer->fraction >= FULL_CREDIT)
        {
          n_accepted++;
        }
      else if (answer->fraction > 0)
        {
          rapport_bank_note (bank, answer->line, "weight",
                             _("“%s” gives %s %% of the credit in the bank; Rapport accepts an "
                               "answer fully or not at all, so it is left out."),
                             words, percent);
        }
      else if (!rapport_bank_text_is_empty (answer->feedback))
        {
          rapport_bank_note (bank, answer->line, "feedback",
                             _("The feedback for the wrong answer “%s” is not kept: Rapport "
                               "gives one feedback for every answer it does not accept."),
                             words);
        }
    }

  if (n_accepted == 0)
    {
      rapport_bank_skip (bank, question->line, question->bank_type,
                         _("No answer of this question gives full credit, so Rapport would "
                           "accept none."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_matching (RapportBank         *bank,
                RapportBankQuestion *question)
{
  guint n_pairs = 0;

  for (guint i = 0; i < question->answers->len; i++)
    {
      RapportBankAnswer *answer = g_ptr_array_index (question->answers, i);

      if (answer->right != NULL && answer->right[0] != '\0' &&
          !rapport_bank_text_is_empty (answer->text))
        n_pairs++;
    }

  if (n_pairs < 2)
    {
      rapport_bank_skip (bank, question->line, question->bank_type,
                         _("A matching question needs at least two pairs; this one has %u."),
                         n_pairs);
      return FALSE;
    }

  return TRUE;
}

gboolean
rapport_bank_check_question (RapportBank         *bank,
                             RapportBankQuestion *question)
{
  g_assert (bank != NULL);
  g_assert (question != NULL);

  if (rapport_bank_text_is_empty (question->stem))
    {
      rapport_bank_skip (bank, question->line, question->bank_type,
                         _("This question has no text."));
      return FALSE;
    }

  switch (question->type)
    {
    case RAPPORT_BANK_SINGLE:
    case RAPPORT_BANK_MULTIPLE:
      return check_choices (bank, question);

    case RAPPORT_BANK_SHORT:
    case RAPPORT_BANK_NUMERIC:
      return check_typed (bank, question);

    case RAPPORT_BANK_MATCHING:
      return check_matching (bank, question);

    case RAPPORT_BANK_ORDERING:
      if (question->answers->len < 2)
        {
          rapport_bank_skip (bank, question->line, question->bank_type,
                             _("An ordering question needs at least two items."));
          return FALSE;
        }
      return TRUE;

    case RAPPORT_BANK_TRUEFALSE:
    case RAPPORT_BANK_ESSAY:
    case RAPPORT_BANK_DESCRIPTION:
    default:
      return TRUE;
    }
}
