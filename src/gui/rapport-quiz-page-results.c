/* rapport-quiz-page-results.c: the quiz page's results: the score, the pass
 * mark and time, and each answer with why
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-question.h"
#include "rapport-quiz-page-private.h"

static void
clear_answer_rows (RapportQuizPage *self)
{
  for (guint i = 0; i < self->answer_rows->len; i++)
    adw_preferences_group_remove (self->answers_group, self->answer_rows->pdata[i]);
  g_ptr_array_set_size (self->answer_rows, 0);
}

static char *
describe_answer (RapportQuestion               *question,
                 const RapportQuizAnswerResult *result)
{
  GString *text = g_string_new (NULL);

  if (result->answer->len == 0)
    return g_string_free (g_string_append (text, _("(nothing chosen)")), FALSE);

  for (guint i = 0; i < result->answer->len; i++)
    {
      g_autofree char *plain = rapport_quiz_page_presented_plain (question, g_array_index (result->answer, guint, i));

      if (i > 0)
        g_string_append (text, rapport_question_get_question_type (question) == RAPPORT_QUESTION_ORDERING ? " → " : "; ");
      g_string_append (text, plain);
    }

  return g_string_free (text, FALSE);
}

void
rapport_quiz_page_show_results (RapportQuizPage *self)
{
  guint n = rapport_quiz_session_get_n_questions (self->session);
  gboolean passed = rapport_quiz_session_get_passed (self->session);
  GTimeSpan elapsed = rapport_quiz_session_get_elapsed (self->session);
  guint minutes = elapsed / G_TIME_SPAN_MINUTE;
  guint seconds = (elapsed % G_TIME_SPAN_MINUTE) / G_TIME_SPAN_SECOND;
  g_autofree char *score = NULL;
  g_autofree char *detail = NULL;

  clear_answer_rows (self);

  if (self->review != NULL)
    gtk_label_set_text (self->result_title, _("Review Done"));
  else
    gtk_label_set_text (self->result_title, passed ? _("You Passed") : _("Not Passed Yet"));

  /* Translators: a quiz score in percent */
  score = g_strdup_printf (_("%.0f %%"), rapport_quiz_session_get_score (self->session));
  gtk_label_set_text (self->score_label, score);
  gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->score_label), passed ? "success" : "warning");

  /* Translators: the pass mark in percent, then the time the quiz took */
  detail = g_strdup_printf (_("Pass mark %u %% · %u min %02u s · Questions you missed come back in Review."),
                            rapport_quiz_session_get_pass_mark (self->session), minutes, seconds);
  gtk_label_set_text (self->result_detail, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->retake_button), self->review == NULL);
  gtk_button_set_label (GTK_BUTTON (gtk_widget_get_next_sibling (GTK_WIDGET (self->retake_button))),
                        self->review != NULL ? _("_Back to Topics") : _("_Back to Topic"));

  for (guint i = 0; i < n; i++)
    {
      RapportQuestion *question = rapport_quiz_session_get_question (self->session, i);
      const RapportQuizAnswerResult *result = rapport_quiz_session_get_result (self->session, i);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *answer_row = adw_action_row_new ();
      GtkWidget *explanation_row = adw_action_row_new ();
      GtkWidget *mark;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *answer = NULL;
      g_autofree char *explanation = NULL;

      if (result == NULL)
        continue;

      title = g_markup_escape_text (rapport_inline_get_text (rapport_question_get_prompt (question)), -1);
      if (result->correct)
        subtitle = g_strdup (_("Correct"));
      else
        /* Translators: points earned of points possible */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%g of %g point", "%g of %g points",
                                                 (gulong) result->points_possible),
                                    result->points, result->points_possible);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      mark = gtk_image_new_from_icon_name (result->correct ? "object-select-symbolic" : "dialog-warning-symbolic");
      gtk_widget_add_css_class (mark, result->correct ? "success" : "warning");
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), mark);

      {
        g_autofree char *plain = describe_answer (question, result);

        answer = g_markup_escape_text (plain, -1);
      }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (answer_row), _("Your answer"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (answer_row), answer);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (answer_row), 0);
      explanation = g_markup_escape_text (rapport_inline_get_text (result->explanation), -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (explanation_row), _("Why"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (explanation_row), explanation);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (explanation_row), 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), answer_row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), explanation_row);

      adw_preferences_group_add (self->answers_group, row);
      g_ptr_array_add (self->answer_rows, row);
    }

  gtk_stack_set_visible_child_name (self->stack, "results");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  if (self->review == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->retake_button));
  else
    gtk_widget_grab_focus (gtk_widget_get_next_sibling (GTK_WIDGET (self->retake_button)));
}
