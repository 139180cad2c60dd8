/* rapport-bank-export-moodle.c: loaded topics as a Moodle XML file, the way
 * Moodle's XML importer (and rapport-bank-moodle.c) reads it.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* <quiz> with a <question type="category"> per topic (its summary as the
 * category's info), then its questions: multichoice (single and select-all,
 * scenarios as single choice), truefalse, matching, shortanswer, numerical
 * and ordering (the qtype_ordering plugin's format). Texts are format="html"
 * with the emphasis as <i> and <b>; typed answers and matching's right items
 * are plain text. libxml2's writer does the escaping.
 */

#include "config.h"

#include <libxml/xmlwriter.h>

#include <glib/gi18n.h>

#include "rapport-bank-export-private.h"

#define BAD_CAST_STR(s) ((const xmlChar *) (s))

static void
start (xmlTextWriter *w,
       const char    *element)
{
  xmlTextWriterStartElement (w, BAD_CAST_STR (element));
}

static void
end (xmlTextWriter *w)
{
  xmlTextWriterEndElement (w);
}

static void
attribute (xmlTextWriter *w,
           const char    *name,
           const char    *value)
{
  xmlTextWriterWriteAttribute (w, BAD_CAST_STR (name), BAD_CAST_STR (value));
}

static void
element (xmlTextWriter *w,
         const char    *name,
         const char    *value)
{
  xmlTextWriterWriteElement (w, BAD_CAST_STR (name), BAD_CAST_STR (value));
}

/* <name format="html"><text>…</text></name> */
static void
text_field (xmlTextWriter *w,
            const char    *name,
            const char    *format,
            const char    *text)
{
  start (w, name);
  if (format != NULL)
    attribute (w, "format", format);
  element (w, "text", text);
  end (w);
}

static void
html_field (xmlTextWriter *w,
            const char    *name,
            RapportInline *text)
{
  g_autofree char *html = rapport_bank_export_html (text);

  text_field (w, name, "html", html);
}

/* <answer fraction="…" format="…"><text>…</text>[<tolerance>][<feedback>]</answer> */
static void
answer (xmlTextWriter *w,
        const char    *fraction,
        const char    *format,
        const char    *text,
        const char    *tolerance,
        RapportInline *feedback)
{
  start (w, "answer");
  attribute (w, "fraction", fraction);
  attribute (w, "format", format);
  element (w, "text", text);
  if (tolerance != NULL)
    element (w, "tolerance", tolerance);
  if (feedback != NULL)
    html_field (w, "feedback", feedback);
  end (w);
}

static void
write_choices (RapportQuestion *question,
               xmlTextWriter   *w)
{
  RapportQuestionType type = rapport_question_get_question_type (question);
  guint n = rapport_question_get_n_choices (question);
  guint n_right = 0;

  for (guint i = 0; i < n; i++)
    n_right += rapport_choice_get_correct (rapport_question_get_choice (question, i));

  element (w, "single", type == RAPPORT_QUESTION_MULTIPLE ? "false" : "true");
  element (w, "shuffleanswers", rapport_question_get_fixed_order (question) ? "0" : "1");
  element (w, "answernumbering", "abc");

  for (guint i = 0; i < n; i++)
    {
      RapportChoice *choice = rapport_question_get_choice (question, i);
      gboolean correct = rapport_choice_get_correct (choice);
      g_autofree char *fraction = NULL;
      g_autofree char *html = rapport_bank_export_html (rapport_choice_get_text (choice));

      if (type == RAPPORT_QUESTION_MULTIPLE)
        fraction = rapport_bank_export_share (correct ? n_right : n - n_right, correct);
      else if (type == RAPPORT_QUESTION_SCENARIO)
        fraction = g_strdup_printf ("%u", rapport_bank_export_reply_credit (choice));
      else
        fraction = g_strdup (correct ? "100" : "0");

      answer (w, fraction, "html", html, NULL, rapport_choice_get_feedback (choice));
    }
}

static void
write_truefalse (RapportQuestion *question,
                 xmlTextWriter   *w)
{
  gboolean truth = rapport_question_get_answer (question);

  answer (w, truth ? "100" : "0", "moodle_auto_format", "true", NULL,
          rapport_question_get_feedback_true (question));
  answer (w, truth ? "0" : "100", "moodle_auto_format", "false", NULL,
          rapport_question_get_feedback_false (question));
}

static void
write_ordering (RapportQuestion *question,
                xmlTextWriter   *w)
{
  element (w, "layouttype", "VERTICAL");
  element (w, "selecttype", "ALL");
  element (w, "selectcount", "0");
  element (w, "gradingtype", "ABSOLUTE_POSITION");
  element (w, "showgrading", "SHOW");

  /* The plugin keeps the right order as the answers' fractions: 1, 2, … */
  for (guint i = 0; i < rapport_question_get_n_steps (question); i++)
    {
      g_autofree char *position = g_strdup_printf ("%u", i + 1);
      g_autofree char *html = rapport_bank_export_html (rapport_question_get_step (question, i));

      answer (w, position, "html", html, NULL, NULL);
    }
}

static void
write_matching (RapportQuestion *question,
                xmlTextWriter   *w)
{
  guint n_pairs = rapport_question_get_n_pairs (question);

  element (w, "shuffleanswers", "true");
  for (guint i = 0; i < rapport_question_get_n_options (question); i++)
    {
      g_autofree char *left = NULL;

      /* A right item of no pair is a subquestion without text. */
      if (i < n_pairs)
        left = rapport_bank_export_html (rapport_question_get_pair_left (question, i));
      start (w, "subquestion");
      attribute (w, "format", "html");
      element (w, "text", left != NULL ? left : "");
      start (w, "answer");
      element (w, "text", rapport_question_get_option (question,
                                                       i < n_pairs ?
                                                       rapport_question_get_pair_option (question, i) :
                                                       i));
      end (w);
      end (w);
    }
}

static void
write_typed (RapportQuestion *question,
             xmlTextWriter   *w)
{
  gboolean numeric = rapport_question_get_question_type (question) == RAPPORT_QUESTION_NUMERIC;
  RapportInline *other = rapport_question_get_feedback_other (question);

  if (!numeric)
    element (w, "usecase", rapport_question_get_case_sensitive (question) ? "1" : "0");

  for (guint i = 0; i < rapport_question_get_n_accepts (question); i++)
    {
      RapportAccept *accept = rapport_question_get_accept (question, i);

      if (numeric)
        {
          g_autofree char *value = rapport_bank_export_number (rapport_accept_get_value (accept));
          g_autofree char *tolerance = rapport_bank_export_number (
            rapport_accept_get_tolerance (accept));

          answer (w, "100", "moodle_auto_format", value, tolerance,
                  rapport_accept_get_feedback (accept));
        }
      else
        answer (w, "100", "moodle_auto_format", rapport_accept_get_text (accept), NULL,
                rapport_accept_get_feedback (accept));
    }

  /* "*" with no credit: anything else. */
  if (other != NULL && rapport_inline_get_text (other)[0] != '\0')
    answer (w, "0", "moodle_auto_format", "*", numeric ? "0" : NULL, other);
}

static const char *
moodle_type (RapportQuestionType type)
{
  switch (type)
    {
    case RAPPORT_QUESTION_SINGLE:
    case RAPPORT_QUESTION_MULTIPLE:
    case RAPPORT_QUESTION_SCENARIO:
      return "multichoice";
    case RAPPORT_QUESTION_TRUEFALSE:
      return "truefalse";
    case RAPPORT_QUESTION_ORDERING:
      return "ordering";
    case RAPPORT_QUESTION_MATCHING:
      return "matching";
    case RAPPORT_QUESTION_SHORT:
      return "shortanswer";
    case RAPPORT_QUESTION_NUMERIC:
      return "numerical";
    default:
      g_assert_not_reached ();
    }
}

static void
write_question (RapportBankExport *export,
                RapportQuestion   *question,
                xmlTextWriter     *w)
{
  RapportQuestionType type = rapport_question_get_question_type (question);
  g_autofree char *stem = rapport_bank_export_stem (question);

  start (w, "question");
  attribute (w, "type", moodle_type (type));
  text_field (w, "name", NULL, rapport_question_get_key (question));
  text_field (w, "questiontext", "html", stem);
  html_field (w, "generalfeedback", rapport_question_get_explanation (question));
  element (w, "defaultgrade", "1");
  element (w, "penalty", "0.3333333");
  element (w, "hidden", "0");

  switch (type)
    {
    case RAPPORT_QUESTION_SINGLE:
    case RAPPORT_QUESTION_MULTIPLE:
    case RAPPORT_QUESTION_SCENARIO:
      write_choices (question, w);
      break;
    case RAPPORT_QUESTION_TRUEFALSE:
      write_truefalse (question, w);
      break;
    case RAPPORT_QUESTION_ORDERING:
      write_ordering (question, w);
      break;
    case RAPPORT_QUESTION_MATCHING:
      write_matching (question, w);
      break;
    case RAPPORT_QUESTION_SHORT:
    case RAPPORT_QUESTION_NUMERIC:
      write_typed (question, w);
      break;
    default:
      g_assert_not_reached ();
    }

  end (w);
  export->n_exported++;
}

static void
write_category (RapportTopic  *topic,
                xmlTextWriter *w)
{
  g_autofree char *path = g_strdup_printf ("$course$/top/%s", rapport_topic_get_title (topic));
  g_autofree char *info = g_markup_escape_text (rapport_topic_get_summary (topic) != NULL ?
                                                rapport_topic_get_summary (topic) : "", -1);

  start (w, "question");
  attribute (w, "type", "category");
  text_field (w, "category", NULL, path);
  text_field (w, "info", "html", info);
  end (w);
}

GBytes *
rapport_bank_export_moodle (RapportBankExport *export,
                            GListModel        *topics)
{
  xmlBuffer *buffer = xmlBufferCreate ();
  xmlTextWriter *w = xmlNewTextWriterMemory (buffer, 0);
  GBytes *bytes;

  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST_STR ("  "));
  xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL);
  xmlTextWriterWriteComment (w, BAD_CAST_STR (" Exported from Rapport. "));
  start (w, "quiz");

  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, t);
      RapportQuiz *quiz = rapport_topic_get_quiz (topic);
      GListModel *questions = quiz != NULL ? rapport_quiz_get_questions (quiz) : NULL;

      if (questions == NULL || g_list_model_get_n_items (questions) == 0)
        continue;

      export->topic = topic;
      write_category (topic, w);
      for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
        {
          g_autoptr(RapportQuestion) question = g_list_model_get_item (questions, i);

          write_question (export, question, w);
        }
    }
  export->topic = NULL;

  end (w);
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);   /* flushes into the buffer */

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);

  return bytes;
}
