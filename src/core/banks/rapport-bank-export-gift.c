/* rapport-bank-export-gift.c: loaded topics as a GIFT file, the way Moodle's
 * GIFT importer (and rapport-bank-gift.c) reads it.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A "$CATEGORY:" line per topic; each question "::key::[html]text{…}" with
 * its answers on lines of their own and "####" before the explanation. The
 * question text is HTML, and so are its answers and feedback, which take the
 * question's format; typed answers and matching's right items are plain.
 * Every ~ = # { } : and \ in a text is escaped with a backslash. GIFT has no
 * ordering questions and no case-sensitive short answers: those are
 * reported, the first left out.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-bank-export-private.h"

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("~=#{}:\\", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
append_html (GString       *out,
             RapportInline *text)
{
  g_autofree char *html = rapport_bank_export_html (text);

  append_escaped (out, html);
}

/* "#feedback" after an answer, when there is one. */
static void
append_feedback (GString       *out,
                 RapportInline *feedback)
{
  if (feedback == NULL || rapport_inline_get_text (feedback)[0] == '\0')
    return;

  g_string_append_c (out, '#');
  append_html (out, feedback);
}

static void
write_choices (RapportBankExport *export,
               RapportQuestion   *question,
               GString           *out)
{
  RapportQuestionType type = rapport_question_get_question_type (question);
  guint n = rapport_question_get_n_choices (question);
  guint n_right = 0;

  for (guint i = 0; i < n; i++)
    n_right += rapport_choice_get_correct (rapport_question_get_choice (question, i));

  for (guint i = 0; i < n; i++)
    {
      RapportChoice *choice = rapport_question_get_choice (question, i);
      gboolean correct = rapport_choice_get_correct (choice);

      g_string_append (out, "  ");
      if (type == RAPPORT_QUESTION_MULTIPLE)
        {
          g_autofree char *share = rapport_bank_export_share (correct ? n_right : n - n_right,
                                                              correct);

          g_string_append_printf (out, "~%%%s%%", share);
        }
      else if (type == RAPPORT_QUESTION_SCENARIO && !correct &&
               rapport_bank_export_reply_credit (choice) > 0)
        g_string_append_printf (out, "~%%%u%%", rapport_bank_export_reply_credit (choice));
      else
        g_string_append_c (out, correct ? '=' : '~');

      append_html (out, rapport_choice_get_text (choice));
      append_feedback (out, rapport_choice_get_feedback (choice));
      g_string_append_c (out, '\n');
    }
}

static void
write_truefalse (RapportQuestion *question,
                 GString         *out)
{
  gboolean answer = rapport_question_get_answer (question);
  RapportInline *feedback_true = rapport_question_get_feedback_true (question);
  RapportInline *feedback_false = rapport_question_get_feedback_false (question);
  /* "{TRUE#when wrong#when right}" */
  RapportInline *wrong = answer ? feedback_false : feedback_true;
  RapportInline *right = answer ? feedback_true : feedback_false;

  g_string_append (out, answer ? "TRUE" : "FALSE");
  if (wrong != NULL || right != NULL)
    {
      g_string_append_c (out, '#');
      if (wrong != NULL)
        append_html (out, wrong);
      if (right != NULL)
        {
          g_string_append_c (out, '#');
          append_html (out, right);
        }
    }
  g_string_append_c (out, '\n');
}

static void
write_matching (RapportQuestion *question,
                GString         *out)
{
  guint n_pairs = rapport_question_get_n_pairs (question);

  for (guint i = 0; i < n_pairs; i++)
    {
      g_string_append (out, "  =");
      append_html (out, rapport_question_get_pair_left (question, i));
      g_string_append (out, " -> ");
      append_escaped (out, rapport_question_get_option (question,
                                                        rapport_question_get_pair_option (question,
                                                                                          i)));
      g_string_append_c (out, '\n');
    }

  /* A right item of no pair: "= -> item". */
  for (guint i = n_pairs; i < rapport_question_get_n_options (question); i++)
    {
      g_string_append (out, "  = -> ");
      append_escaped (out, rapport_question_get_option (question, i));
      g_string_append_c (out, '\n');
    }
}

static void
write_typed (RapportBankExport *export,
             RapportQuestion   *question,
             GString           *out)
{
  gboolean numeric = rapport_question_get_question_type (question) == RAPPORT_QUESTION_NUMERIC;
  RapportInline *other = rapport_question_get_feedback_other (question);

  if (numeric)
    g_string_append (out, "#\n");
  else if (rapport_question_get_case_sensitive (question))
    rapport_bank_export_note (export, question,
                              _("GIFT cannot make a short answer case-sensitive; Moodle will "
                                "accept the answers in any case."));

  for (guint i = 0; i < rapport_question_get_n_accepts (question); i++)
    {
      RapportAccept *accept = rapport_question_get_accept (question, i);

      g_string_append (out, "  =");
      if (numeric)
        {
          g_autofree char *value = rapport_bank_export_number (rapport_accept_get_value (accept));
          g_autofree char *tolerance = rapport_bank_export_number (
            rapport_accept_get_tolerance (accept));

          g_string_append_printf (out, "%s:%s", value, tolerance);
        }
      else
        append_escaped (out, rapport_accept_get_text (accept));
      append_feedback (out, rapport_accept_get_feedback (accept));
      g_string_append_c (out, '\n');
    }

  /* Anything else: "=%0%*" for words, "~" for a number. */
  if (other != NULL && rapport_inline_get_text (other)[0] != '\0')
    {
      g_string_append (out, numeric ? "  ~" : "  =%0%*");
      append_feedback (out, other);
      g_string_append_c (out, '\n');
    }
}

static void
write_question (RapportBankExport *export,
                RapportQuestion   *question,
                GString           *out)
{
  RapportQuestionType type = rapport_question_get_question_type (question);
  RapportInline *explanation = rapport_question_get_explanation (question);
  g_autofree char *stem = NULL;

  if (type == RAPPORT_QUESTION_ORDERING)
    {
      rapport_bank_export_leave_out (export, question,
                                     _("GIFT has no ordering questions; export as Moodle XML "
                                       "to keep it."));
      return;
    }

  stem = rapport_bank_export_stem (question);
  g_string_append (out, "::");
  append_escaped (out, rapport_question_get_key (question));
  g_string_append (out, "::[html]");
  append_escaped (out, stem);
  g_string_append (out, type == RAPPORT_QUESTION_TRUEFALSE ? " {" : " {\n");

  switch (type)
    {
    case RAPPORT_QUESTION_SINGLE:
    case RAPPORT_QUESTION_MULTIPLE:
    case RAPPORT_QUESTION_SCENARIO:
      write_choices (export, question, out);
      break;
    case RAPPORT_QUESTION_TRUEFALSE:
      write_truefalse (question, out);
      break;
    case RAPPORT_QUESTION_MATCHING:
      write_matching (question, out);
      break;
    case RAPPORT_QUESTION_SHORT:
    case RAPPORT_QUESTION_NUMERIC:
      write_typed (export, question, out);
      break;
    case RAPPORT_QUESTION_ORDERING:
    default:
      g_assert_not_reached ();
    }

  if (explanation != NULL && rapport_inline_get_text (explanation)[0] != '\0')
    {
      g_string_append (out, "  ####");
      append_html (out, explanation);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "}\n\n");
  export->n_exported++;
}

GBytes *
rapport_bank_export_gift (RapportBankExport *export,
                          GListModel        *topics)
{
  g_autoptr(GString) out = g_string_new ("// Exported from Rapport.\n\n");

  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, t);
      RapportQuiz *quiz = rapport_topic_get_quiz (topic);
      GListModel *questions = quiz != NULL ? rapport_quiz_get_questions (quiz) : NULL;

      if (questions == NULL || g_list_model_get_n_items (questions) == 0)
        continue;

      export->topic = topic;
      /* A category's name is a line to the end; nothing in it is escaped. */
      g_string_append_printf (out, "$CATEGORY: $course$/top/%s\n\n",
                              rapport_topic_get_title (topic));

      for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
        {
          g_autoptr(RapportQuestion) question = g_list_model_get_item (questions, i);

          write_question (export, question, out);
        }
    }
  export->topic = NULL;

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
