/* rapport-quiz-page-results.c: the quiz page's results: the score, the pass
 * mark and time, when the missed questions come back, and each answer
 * beside the right one, with why
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-question.h"
#include "rapport-quiz-page-private.h"
#include "rapport-review.h"

static void
clear_answer_rows (RapportQuizPage *self)
{
  for (guint i = 0; i < self->answer_rows->len; i++)
    adw_preferences_group_remove (self->answers_group, self->answer_rows->pdata[i]);
  g_ptr_array_set_size (self->answer_rows, 0);
}

/* An answer, or the right one, as plain text: the steps of an ordering
 * question one a line and numbered, several choices one a line (they are
 * often sentences of their own), one choice as it is; a match a line, and
 * a typed answer as typed beside the accepted ones.
 */
static char *
describe_indices (RapportQuestion *question,
                  GArray          *indices,
                  const char      *empty)
{
  gboolean ordering = rapport_question_get_question_type (question) == RAPPORT_QUESTION_ORDERING;
  GString *text = g_string_new (NULL);

  if (indices->len == 0)
    return g_string_free (g_string_append (text, empty), FALSE);

  for (guint i = 0; i < indices->len; i++)
    {
      g_autofree char *plain = rapport_quiz_page_presented_plain (question, g_array_index (indices, guint, i));

      if (ordering)
        g_string_append_printf (text, "%s%u. %s", i > 0 ? "\n" : "", i + 1, plain);
      else if (indices->len > 1)
        g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", plain);
      else
        g_string_append (text, plain);
    }

  return g_string_free (text, FALSE);
}

/* Matching: each left item and the option matched to it, one a line. */
static char *
describe_matches (RapportQuestion *question,
                  GArray          *options)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < options->len && i < rapport_question_get_n_pairs (question); i++)
    g_string_append_printf (text, "%s%s → %s", i > 0 ? "\n" : "",
                            rapport_inline_get_text (rapport_question_get_pair_left (question, i)),
                            rapport_question_get_option (question, g_array_index (options, guint, i)));

  return g_string_free (text, FALSE);
}

/* Short answer, numeric: every accepted answer, one a line when several. */
static char *
describe_accepts (RapportQuestion *question)
{
  guint n = rapport_question_get_n_accepts (question);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *shown = rapport_accept_to_display (rapport_question_get_accept (question, i));

      if (n > 1)
        g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", shown);
      else
        g_string_append (text, shown);
    }

  return g_string_free (text, FALSE);
}

static char *
describe_answer (RapportQuestion               *question,
                 const RapportQuizAnswerResult *result)
{
  switch (rapport_question_get_question_type (question))
    {
    case RAPPORT_QUESTION_SHORT:
    case RAPPORT_QUESTION_NUMERIC:
      return g_strdup (result->text);

    case RAPPORT_QUESTION_MATCHING:
      return describe_matches (question, result->answer);

    default:
      return describe_indices (question, result->answer, _("(nothing chosen)"));
    }
}

static char *
describe_right (RapportQuestion               *question,
                const RapportQuizAnswerResult *result)
{
  switch (rapport_question_get_question_type (question))
    {
    case RAPPORT_QUESTION_SHORT:
    case RAPPORT_QUESTION_NUMERIC:
      return describe_accepts (question);

    case RAPPORT_QUESTION_MATCHING:
      return describe_matches (question, result->right);

    default:
      return describe_indices (question, result->right, _("(none of them)"));
    }
}

static const char *
right_title (RapportQuestion *question,
             GArray          *right)
{
  switch (rapport_question_get_question_type (question))
    {
    case RAPPORT_QUESTION_ORDERING:
      return _("Right order");

    case RAPPORT_QUESTION_MATCHING:
      return _("Right matches");

    case RAPPORT_QUESTION_SHORT:
      return right->len > 1 ? _("Accepted answers") : _("Accepted answer");

    case RAPPORT_QUESTION_NUMERIC:
      return right->len > 1 ? _("Right answers") : _("Right answer");

    case RAPPORT_QUESTION_SCENARIO:
      return right->len > 1 ? _("Best replies") : _("Best reply");

    case RAPPORT_QUESTION_MULTIPLE:
      return right->len > 1 ? _("Right choices") : _("Right choice");

    case RAPPORT_QUESTION_SINGLE:
    case RAPPORT_QUESTION_TRUEFALSE:
    default:
      return _("Right answer");
    }
}

char *
rapport_quiz_page_describe_partial (double points)
{
  /* Translators: the part of a question's one point that a partly right
   * answer earned, e.g. "Partly right: 0.5 of 1 point"
   */
  return g_strdup_printf (_("Partly right: %.2g of 1 point"), points);
}

static GtkWidget *
detail_row (const char *title,
            const char *text)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* One row a question: how it went; open, the answer beside the right one
 * (open already when it was missed) and why.
 */
static GtkWidget *
answer_row (RapportQuestion               *question,
            const RapportQuizAnswerResult *result)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *mark;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *answer = NULL;

  title = g_markup_escape_text (rapport_inline_get_text (rapport_question_get_prompt (question)), -1);
  if (result->correct)
    subtitle = g_strdup (_("Correct"));
  else if (result->points > 0)
    subtitle = rapport_quiz_page_describe_partial (result->points);
  else
    subtitle = g_strdup (_("Not right"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  mark = gtk_image_new_from_icon_name (result->correct ? "object-select-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (mark, result->correct ? "success" : "warning");
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), mark);

  answer = describe_answer (question, result);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), detail_row (_("Your answer"), answer));
  if (!result->correct)
    {
      g_autofree char *right = describe_right (question, result);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                detail_row (right_title (question, result->right), right));
    }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            detail_row (_("Why"), rapport_inline_get_text (result->explanation)));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), !result->correct);

  return row;
}

/* "tomorrow", "in 3 days": when @due comes, in the learner's days. */
static char *
describe_when (GDateTime *due)
{
  guint days = rapport_review_days_until (due, NULL, NULL);

  if (days == 0)
    /* Translators: when missed questions come back in Review */
    return g_strdup (_("later today"));
  if (days == 1)
    /* Translators: when missed questions come back in Review */
    return g_strdup (_("tomorrow"));

  /* Translators: when missed questions come back in Review */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u day", "in %u days", days), days);
}

/* When the session's missed questions, or failing those any of its
 * questions, come back, as the review queue has it; FALSE without a store.
 */
static gboolean
get_due (RapportQuizPage  *self,
         GDateTime       **missed_due,
         GDateTime       **next_due)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return FALSE;

  if (!rapport_review_get_session_due (self->store, self->session, missed_due, next_due, &error))
    {
      g_warning ("Could not read when the review questions are due: %s", error->message);
      return FALSE;
    }

  return TRUE;
}

static void
show_quiz_summary (RapportQuizPage *self,
                   guint            n_missed)
{
  gboolean passed = rapport_quiz_session_get_passed (self->session);
  GTimeSpan elapsed = rapport_quiz_session_get_elapsed (self->session);
  guint minutes = elapsed / G_TIME_SPAN_MINUTE;
  guint seconds = (elapsed % G_TIME_SPAN_MINUTE) / G_TIME_SPAN_SECOND;
  g_autoptr(GDateTime) missed_due = NULL;
  g_autofree char *score = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *due = NULL;

  gtk_label_set_text (self->result_title, passed ? _("You Passed") : _("Not Passed Yet"));

  /* Translators: a quiz score in percent */
  score = g_strdup_printf (_("%.0f %%"), rapport_quiz_session_get_score (self->session));
  gtk_label_set_text (self->score_label, score);
  gtk_widget_add_css_class (GTK_WIDGET (self->score_label), passed ? "success" : "warning");

  /* Translators: the pass mark in percent, then the time the quiz took */
  detail = g_strdup_printf (_("Pass mark %u %% · %u min %02u s"),
                            rapport_quiz_session_get_pass_mark (self->session), minutes, seconds);
  gtk_label_set_text (self->result_detail, detail);

  if (n_missed > 0 && get_due (self, &missed_due, NULL) && missed_due != NULL)
    {
      g_autofree char *when = describe_when (missed_due);

      /* Translators: the second placeholder is when, e.g. "tomorrow" or "in 3 days" */
      due = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The %u question you missed comes back in Review %s.",
                                          "The %u questions you missed come back in Review %s.",
                                          n_missed),
                             n_missed, when);
    }
  else if (n_missed > 0)
    due = g_strdup (_("The questions you missed come back in Review."));
  gtk_label_set_text (self->due_label, due != NULL ? due : "");
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), due != NULL);

  gtk_label_set_text (self->rule_label,
                      _("Every question counts the same: 1 point, or part of a point when partly right."));

  /* After a pass the way on is forward; after a fail, another try. */
  gtk_widget_set_visible (GTK_WIDGET (self->continue_button), passed);
  gtk_widget_set_visible (GTK_WIDGET (self->retake_button), TRUE);
  if (passed)
    gtk_widget_remove_css_class (GTK_WIDGET (self->retake_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->retake_button), "suggested-action");
  gtk_button_set_label (self->done_button, _("_Back to Topic"));
}

static void
show_review_summary (RapportQuizPage *self,
                     guint            n_answered,
                     guint            n_missed)
{
  g_autoptr(GDateTime) missed_due = NULL;
  g_autoptr(GDateTime) next_due = NULL;
  g_autofree char *score = NULL;
  g_autofree char *done = NULL;
  g_autofree char *when = NULL;
  g_autofree char *next = NULL;
  g_autofree char *detail = NULL;
  gboolean known = get_due (self, &missed_due, &next_due);

  gtk_label_set_text (self->result_title, _("Review Done"));

  /* Translators: questions answered right of questions reviewed */
  score = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u right", "%u of %u right", n_answered),
                           n_answered - n_missed, n_answered);
  gtk_label_set_text (self->score_label, score);
  gtk_widget_add_css_class (GTK_WIDGET (self->score_label), n_missed == 0 ? "success" : "warning");

  /* Translators: questions reviewed, then how many of them were answered right */
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "You reviewed %u question: %u right.",
                                       "You reviewed %u questions: %u right.",
                                       n_answered),
                          n_answered, n_answered - n_missed);

  if (n_missed > 0 && missed_due != NULL)
    {
      when = describe_when (missed_due);
      /* Translators: the second placeholder is when, e.g. "tomorrow" or "in 3 days" */
      next = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The %u you missed comes back %s.",
                                           "The %u you missed come back %s.",
                                           n_missed),
                              n_missed, when);
    }
  else if (n_missed == 0 && next_due != NULL)
    {
      when = describe_when (next_due);
      /* Translators: the placeholder is when, e.g. "in 3 days" */
      next = g_strdup_printf (_("The first of them comes back %s."), when);
    }
  else if (n_missed == 0 && known)
    next = g_strdup (_("They have left the review queue."));

  detail = next != NULL ? g_strdup_printf ("%s %s", done, next) : g_strdup (done);
  gtk_label_set_text (self->result_detail, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), FALSE);

  gtk_label_set_text (self->rule_label,
                      _("Only a fully right answer counts as right; the others come back sooner."));

  gtk_widget_set_visible (GTK_WIDGET (self->continue_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->retake_button), FALSE);
  gtk_button_set_label (self->done_button, _("_Back to Topics"));
}

void
rapport_quiz_page_show_results (RapportQuizPage *self)
{
  guint n = rapport_quiz_session_get_n_questions (self->session);
  guint n_answered = 0;
  guint n_missed = 0;

  clear_answer_rows (self);

  for (guint i = 0; i < n; i++)
    {
      RapportQuestion *question = rapport_quiz_session_get_question (self->session, i);
      const RapportQuizAnswerResult *result = rapport_quiz_session_get_result (self->session, i);
      GtkWidget *row;

      if (result == NULL)
        continue;

      n_answered++;
      if (!result->correct)
        n_missed++;

      row = answer_row (question, result);
      adw_preferences_group_add (self->answers_group, row);
      g_ptr_array_add (self->answer_rows, row);
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), "warning");
  if (self->review != NULL)
    show_review_summary (self, n_answered, n_missed);
  else
    show_quiz_summary (self, n_missed);

  gtk_stack_set_visible_child_name (self->stack, "results");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  if (gtk_widget_get_visible (GTK_WIDGET (self->continue_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->continue_button));
  else if (gtk_widget_get_visible (GTK_WIDGET (self->retake_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->retake_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
}

/**
 * rapport_quiz_page_find_next:
 * @catalog: the course, whose topics are in the order of the grid
 * @lesson: (out): the lesson to open in the topic returned, or G_MAXUINT
 *   for its page
 *
 * Where Continue leads after a quiz: the first lesson of its topic not
 * finished yet; when all are, the next topic of the course; after the last
 * topic (or a review), the course itself.
 *
 * Returns: (transfer none) (nullable): the topic to open; NULL for the course
 */
RapportTopic *
rapport_quiz_page_find_next (RapportQuizPage *self,
                             RapportCatalog  *catalog,
                             guint           *lesson)
{
  g_auto(GStrv) completed = NULL;
  GListModel *topics;
  RapportTopic *done;
  RapportTopic *topic;
  guint n;

  g_return_val_if_fail (RAPPORT_IS_QUIZ_PAGE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (lesson != NULL, NULL);

  *lesson = G_MAXUINT;
  done = self->session != NULL ? rapport_quiz_session_get_topic (self->session) : NULL;
  if (done == NULL)
    return NULL;

  /* The catalog may have been read again while the quiz was under way. */
  topic = rapport_catalog_lookup_topic (catalog, rapport_topic_get_pack_id (done),
                                        rapport_topic_get_key (done));
  if (topic == NULL)
    return NULL;

  if (self->store != NULL)
    completed = rapport_store_list_completed_lessons (self->store, rapport_topic_get_pack_id (topic),
                                                      rapport_topic_get_key (topic), NULL);
  for (guint i = 0; i < rapport_topic_get_n_lessons (topic); i++)
    {
      g_autoptr(RapportLesson) item = g_list_model_get_item (rapport_topic_get_lessons (topic), i);

      if (completed == NULL ||
          !g_strv_contains ((const char * const *) completed, rapport_lesson_get_key (item)))
        {
          *lesson = i;
          return topic;
        }
    }

  topics = rapport_catalog_get_topics (catalog);
  n = g_list_model_get_n_items (topics);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(RapportTopic) item = g_list_model_get_item (topics, i);

      if (item == topic)
        {
          g_autoptr(RapportTopic) next = g_list_model_get_item (topics, i + 1);

          /* The catalog keeps its topics alive. */
          return next;
        }
    }

  return NULL;
}
