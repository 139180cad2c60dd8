/* rapport-bank-moodle-answers.c: the answers of each Moodle XML question
 * type, as Moodle's importer reads them: choices with fractions, true and
 * false, typed and numerical answers, matching subquestions, and the
 * ordering plugin's items.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rapport-bank-moodle-private.h"

static gboolean
too_many_answers (Reader              *r,
                  xmlNode             *node,
                  RapportBankQuestion *question,
                  const char          *name)
{
  guint n = 0;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_element (c, name))
        n++;
    }

  if (n <= RAPPORT_BANK_MAX_ANSWERS)
    return FALSE;

  rapport_bank_skip (r->bank, question->line, question->bank_type,
                     _("This question has more than %u answers."), RAPPORT_BANK_MAX_ANSWERS);
  return TRUE;
}

static RapportBankAnswer *
read_answer (Reader                *r,
             xmlNode               *node,
             RapportBankTextFormat  text_format,
             RapportBankTextFormat  feedback_format)
{
  RapportBankText *text = rapport_bank_moodle_read_text (r, node, text_format);
  RapportBankText *feedback = rapport_bank_moodle_read_text (r, child (node, "feedback"), feedback_format);

  return rapport_bank_answer_new (text, rapport_bank_moodle_fraction_of (node), feedback, line_of (node));
}

gboolean
rapport_bank_moodle_read_choices (Reader              *r,
                                  xmlNode             *node,
                                  RapportBankQuestion *question)
{
  RapportBankTextFormat format = question->stem->format;

  if (too_many_answers (r, node, question, "answer"))
    return FALSE;

  question->type = flag_of (node, "single", TRUE) ? RAPPORT_BANK_SINGLE : RAPPORT_BANK_MULTIPLE;
  question->fixed_order = !flag_of (node, "shuffleanswers", TRUE);

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_element (c, "answer"))
        g_ptr_array_add (question->answers, read_answer (r, c, format, format));
    }

  return TRUE;
}

gboolean
rapport_bank_moodle_read_truefalse (Reader              *r,
                                    xmlNode             *node,
                                    RapportBankQuestion *question)
{
  gboolean first = TRUE;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      g_autofree char *words = NULL;
      RapportBankText *feedback;
      gboolean is_true;

      if (!is_element (c, "answer"))
        continue;

      /* Old files name the answers in the exporter's language, true first. */
      words = text_of (c);
      is_true = g_str_equal (words, "true") || (!g_str_equal (words, "false") && first);
      first = FALSE;
      feedback = rapport_bank_moodle_read_text (r, child (c, "feedback"), question->stem->format);

      if (is_true)
        {
          question->answer = rapport_bank_moodle_fraction_of (c) >= 0.999;
          g_clear_pointer (&question->feedback_true, rapport_bank_text_free);
          question->feedback_true = feedback;
        }
      else
        {
          question->answer = rapport_bank_moodle_fraction_of (c) < 0.999;
          g_clear_pointer (&question->feedback_false, rapport_bank_text_free);
          question->feedback_false = feedback;
        }
    }

  return TRUE;
}

gboolean
rapport_bank_moodle_read_typed (Reader              *r,
                                xmlNode             *node,
                                RapportBankQuestion *question)
{
  if (too_many_answers (r, node, question, "answer"))
    return FALSE;

  if (question->type == RAPPORT_BANK_SHORT)
    question->case_sensitive = flag_of (node, "usecase", FALSE);

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      RapportBankAnswer *answer;

      if (!is_element (c, "answer"))
        continue;

      answer = read_answer (r, c, RAPPORT_BANK_TEXT_PLAIN, question->stem->format);
      answer->text->format = RAPPORT_BANK_TEXT_PLAIN;
      answer->other = answer->text->raw[0] == '\0' || g_str_equal (answer->text->raw, "*");
      g_ptr_array_add (question->answers, answer);

      if (question->type == RAPPORT_BANK_NUMERIC && !answer->other)
        {
          g_autofree char *tolerance = g_strstrip (content (child (c, "tolerance")));
          char *end = NULL;

          answer->value = g_ascii_strtod (answer->text->raw, &end);
          if (end == answer->text->raw || *end != '\0' || !isfinite (answer->value))
            {
              g_autofree char *quoted = rapport_bank_quote (answer->text->raw);

              rapport_bank_skip (r->bank, answer->line, question->bank_type,
                                 _("“%s” is not a number."), quoted);
              return FALSE;
            }

          answer->tolerance = tolerance[0] != '\0' ? g_ascii_strtod (tolerance, &end) : 0;
          if (!isfinite (answer->tolerance) || answer->tolerance < 0)
            answer->tolerance = 0;
        }
    }

  if (question->type == RAPPORT_BANK_NUMERIC && child (child (node, "units"), "unit") != NULL)
    rapport_bank_note (r->bank, question->line, "units",
                       _("The units of this numerical question are not kept; say in the "
                         "question which unit the number is in."));

  return TRUE;
}

gboolean
rapport_bank_moodle_read_matching (Reader              *r,
                                   xmlNode             *node,
                                   RapportBankQuestion *question)
{
  if (too_many_answers (r, node, question, "subquestion"))
    return FALSE;

  question->fixed_order = !flag_of (node, "shuffleanswers", TRUE);

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      RapportBankAnswer *answer;

      if (!is_element (c, "subquestion"))
        continue;

      answer = rapport_bank_answer_new (rapport_bank_moodle_read_text (r, c, question->stem->format), 1, NULL,
                                        line_of (c));
      answer->right = text_of (child (c, "answer"));
      g_ptr_array_add (question->answers, answer);
    }

  return TRUE;
}

/* The ordering plugin (qtype_ordering): the answers in their right order. */
gboolean
rapport_bank_moodle_read_ordering (Reader              *r,
                                   xmlNode             *node,
                                   RapportBankQuestion *question)
{
  xmlNode *select = child (node, "selecttype");
  g_autofree char *select_type = NULL;

  if (too_many_answers (r, node, question, "answer"))
    return FALSE;

  if (select == NULL)
    select = child (node, "logical");   /* its name before version 1.3 */
  select_type = g_strstrip (content (select));
  if (select != NULL && !g_str_equal (select_type, "ALL") && !g_str_equal (select_type, "0"))
    rapport_bank_note (r->bank, question->line, "ordering",
                       _("Moodle shows learners only some of these items; Rapport shows them "
                         "all."));

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_element (c, "answer"))
        {
          RapportBankAnswer *answer = read_answer (r, c, question->stem->format,
                                                   question->stem->format);

          answer->fraction = 1;
          g_ptr_array_add (question->answers, answer);
        }
    }

  return TRUE;
}

