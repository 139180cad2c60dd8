/* rapport-quiz-page.c: one question at a time, feedback, then the results
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-error-dialog.h"
#include "rapport-question.h"
#include "rapport-quiz-page.h"
#include "rapport-review.h"

struct _RapportQuizPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkScrolledWindow    *scroller;
  GtkStack             *stack;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkBox               *question_box;
  GtkBox               *feedback_box;
  GtkButton            *check_button;
  GtkLabel             *hint_label;
  GtkLabel             *result_title;
  GtkLabel             *score_label;
  GtkLabel             *result_detail;
  GtkButton            *retake_button;
  AdwPreferencesGroup  *answers_group;

  /* owned */
  RapportStore         *store;
  RapportTopic         *topic;       /* NULL for a review */
  RapportQuizSession   *session;
  RapportReviewSession *review;
  GPtrArray            *choice_widgets;  /* check buttons or step buttons, in the order shown */
  GArray               *order;           /* ordering: presented positions picked so far */
  GPtrArray            *answer_rows;
  GtkWidget            *order_label;

  /* state */
  gboolean              answered;        /* feedback is showing */
};

G_DEFINE_FINAL_TYPE (RapportQuizPage, rapport_quiz_page, GTK_TYPE_WIDGET)

enum {
  DONE,
  RETAKE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static GtkWidget *
markup_label (RapportInline *text,
              const char    *css_class)
{
  g_autofree char *markup = rapport_inline_to_markup (text);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static RapportQuestion *
current_question (RapportQuizPage *self)
{
  return rapport_quiz_session_get_question (self->session,
                                            rapport_quiz_session_get_position (self->session));
}

static RapportInline *
presented_text (RapportQuestion *question,
                guint            index)
{
  switch (rapport_question_get_question_type (question))
    {
    case RAPPORT_QUESTION_ORDERING:
      return rapport_question_get_step (question, index);

    case RAPPORT_QUESTION_TRUEFALSE:
      return NULL;

    default:
      return rapport_choice_get_text (rapport_question_get_choice (question, index));
    }
}

static char *
presented_plain (RapportQuestion *question,
                 guint            index)
{
  RapportInline *text = presented_text (question, index);

  if (text == NULL)
    return g_strdup (index == RAPPORT_QUIZ_TRUE ? _("True") : _("False"));

  return g_strdup (rapport_inline_get_text (text));
}

/* The question */

static void
update_order_label (RapportQuizPage *self)
{
  RapportQuestion *question = current_question (self);
  const guint *presented;
  guint n_presented;
  GString *text;

  if (self->order_label == NULL)
    return;

  presented = rapport_quiz_session_get_presented_choices (self->session,
                                                          rapport_quiz_session_get_position (self->session),
                                                          &n_presented);
  text = g_string_new (self->order->len == 0 ? _("Your order: pick the first step.") : _("Your order:"));
  for (guint i = 0; i < self->order->len; i++)
    {
      g_autofree char *step = presented_plain (question, presented[g_array_index (self->order, guint, i)]);

      g_string_append_printf (text, "\n%u. %s", i + 1, step);
    }
  gtk_label_set_text (GTK_LABEL (self->order_label), text->str);
  g_string_free (text, TRUE);
}

static void
pick_step (RapportQuizPage *self,
           guint            shown)
{
  GtkWidget *button = self->choice_widgets->pdata[shown];

  if (!gtk_widget_get_sensitive (button))
    return;

  g_array_append_val (self->order, shown);
  gtk_widget_set_sensitive (button, FALSE);
  update_order_label (self);
}

static void
on_step_clicked_cb (GtkButton       *button,
                    RapportQuizPage *self)
{
  pick_step (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "shown")));
}

static void
on_clear_order_clicked_cb (RapportQuizPage *self)
{
  if (self->answered)
    return;

  g_array_set_size (self->order, 0);
  for (guint i = 0; i < self->choice_widgets->len; i++)
    gtk_widget_set_sensitive (self->choice_widgets->pdata[i], TRUE);
  update_order_label (self);
}

static void
build_dialogue (GtkBox                *box,
                const RapportDialogue *dialogue)
{
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  guint n = rapport_dialogue_get_n_lines (dialogue);

  gtk_widget_add_css_class (lines, "rapport-lesson-dialogue");
  for (guint i = 0; i < n; i++)
    {
      RapportSpeaker speaker;
      RapportInline *text = rapport_dialogue_get_line (dialogue, i, &speaker);
      gboolean agent = speaker == RAPPORT_SPEAKER_AGENT;
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *who = gtk_label_new (agent ? _("Agent") : _("Customer"));

      gtk_widget_add_css_class (line, "rapport-line");
      gtk_widget_add_css_class (line, agent ? "rapport-line-agent" : "rapport-line-customer");
      gtk_widget_set_halign (line, agent ? GTK_ALIGN_END : GTK_ALIGN_START);
      gtk_label_set_xalign (GTK_LABEL (who), 0);
      gtk_widget_add_css_class (who, "rapport-lesson-caption");
      gtk_box_append (GTK_BOX (line), who);
      gtk_box_append (GTK_BOX (line), markup_label (text, "rapport-lesson-body"));
      gtk_box_append (GTK_BOX (lines), line);
    }

  gtk_box_append (box, lines);
}

static void
show_question (RapportQuizPage *self)
{
  guint position = rapport_quiz_session_get_position (self->session);
  guint n_questions = rapport_quiz_session_get_n_questions (self->session);
  RapportQuestion *question = current_question (self);
  RapportQuestionType type = rapport_question_get_question_type (question);
  const guint *presented;
  guint n_presented;
  g_autofree char *progress = NULL;
  GtkCheckButton *group = NULL;
  GtkWidget *choices;

  self->answered = FALSE;
  clear_box (self->question_box);
  clear_box (self->feedback_box);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_box), FALSE);
  g_ptr_array_set_size (self->choice_widgets, 0);
  g_array_set_size (self->order, 0);
  self->order_label = NULL;

  /* Translators: quiz progress, e.g. "Question 4 of 12" */
  progress = g_strdup_printf (_("Question %u of %u"), position + 1, n_questions);
  gtk_label_set_text (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) position / n_questions);

  if (type == RAPPORT_QUESTION_SCENARIO && rapport_question_get_dialogue (question) != NULL)
    build_dialogue (self->question_box, rapport_question_get_dialogue (question));

  gtk_box_append (self->question_box, markup_label (rapport_question_get_prompt (question), "rapport-quiz-prompt"));

  presented = rapport_quiz_session_get_presented_choices (self->session, position, &n_presented);
  choices = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (choices, "rapport-quiz-choices");

  for (guint i = 0; i < n_presented; i++)
    {
      g_autofree char *plain = presented_plain (question, presented[i]);
      g_autofree char *numbered = g_strdup_printf ("%u. %s", i + 1, plain);
      GtkWidget *label = gtk_label_new (numbered);
      GtkWidget *widget;

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);

      if (type == RAPPORT_QUESTION_ORDERING)
        {
          widget = gtk_button_new ();
          gtk_button_set_child (GTK_BUTTON (widget), label);
          g_object_set_data (G_OBJECT (widget), "shown", GUINT_TO_POINTER (i));
          g_signal_connect (widget, "clicked", G_CALLBACK (on_step_clicked_cb), self);
        }
      else
        {
          widget = gtk_check_button_new ();
          gtk_check_button_set_child (GTK_CHECK_BUTTON (widget), label);
          if (type != RAPPORT_QUESTION_MULTIPLE)
            {
              if (group == NULL)
                group = GTK_CHECK_BUTTON (widget);
              else
                gtk_check_button_set_group (GTK_CHECK_BUTTON (widget), group);
            }
        }

      gtk_widget_add_css_class (widget, "rapport-quiz-choice");
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, numbered, -1);
      g_object_set_data_full (G_OBJECT (widget), "label", g_object_ref (label), g_object_unref);
      gtk_box_append (GTK_BOX (choices), widget);
      g_ptr_array_add (self->choice_widgets, widget);
    }
  gtk_box_append (self->question_box, choices);

  if (type == RAPPORT_QUESTION_ORDERING)
    {
      GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Start Over"));

      self->order_label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->order_label), 0);
      gtk_label_set_wrap (GTK_LABEL (self->order_label), TRUE);
      gtk_widget_add_css_class (self->order_label, "rapport-quiz-order");
      gtk_box_append (self->question_box, self->order_label);
      gtk_widget_set_halign (clear, GTK_ALIGN_START);
      gtk_widget_add_css_class (clear, "flat");
      g_signal_connect_swapped (clear, "clicked", G_CALLBACK (on_clear_order_clicked_cb), self);
      gtk_box_append (self->question_box, clear);
      update_order_label (self);
    }

  gtk_button_set_label (self->check_button, _("_Check Answer"));
  switch (type)
    {
    case RAPPORT_QUESTION_MULTIPLE:
      gtk_label_set_text (self->hint_label, _("Select all that apply. Number keys tick choices; Enter checks."));
      break;

    case RAPPORT_QUESTION_ORDERING:
      gtk_label_set_text (self->hint_label, _("Pick the steps in order. Number keys pick steps; Enter checks."));
      break;

    default:
      gtk_label_set_text (self->hint_label, _("Number keys choose an answer; Enter checks it."));
      break;
    }

  gtk_stack_set_visible_child_name (self->stack, "question");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->check_button));
}

/* Answering */

static GArray *
collect_answer (RapportQuizPage *self)
{
  RapportQuestion *question = current_question (self);
  guint n_presented;
  const guint *presented = rapport_quiz_session_get_presented_choices (self->session,
                                                                       rapport_quiz_session_get_position (self->session),
                                                                       &n_presented);
  GArray *answer = g_array_new (FALSE, FALSE, sizeof (guint));

  if (rapport_question_get_question_type (question) == RAPPORT_QUESTION_ORDERING)
    {
      for (guint i = 0; i < self->order->len; i++)
        g_array_append_val (answer, presented[g_array_index (self->order, guint, i)]);
      return answer;
    }

  for (guint i = 0; i < self->choice_widgets->len; i++)
    {
      if (gtk_check_button_get_active (self->choice_widgets->pdata[i]))
        g_array_append_val (answer, presented[i]);
    }

  return answer;
}

static gboolean
answer_complete (RapportQuizPage *self,
                 GArray          *answer)
{
  RapportQuestion *question = current_question (self);

  switch (rapport_question_get_question_type (question))
    {
    case RAPPORT_QUESTION_MULTIPLE:
      return TRUE;  /* "none of them" is an answer */

    case RAPPORT_QUESTION_ORDERING:
      return answer->len == self->choice_widgets->len;

    default:
      return answer->len == 1;
    }
}

static gboolean
index_is_right (RapportQuestion *question,
                guint            index)
{
  switch (rapport_question_get_question_type (question))
    {
    case RAPPORT_QUESTION_TRUEFALSE:
      return (index == RAPPORT_QUIZ_TRUE) == rapport_question_get_answer (question);

    case RAPPORT_QUESTION_SCENARIO:
      return rapport_choice_get_score (rapport_question_get_choice (question, index)) == RAPPORT_QUIZ_SCENARIO_BEST;

    case RAPPORT_QUESTION_ORDERING:
      return FALSE;

    default:
      return rapport_choice_get_correct (rapport_question_get_choice (question, index));
    }
}

static void
mark_choices (RapportQuizPage *self,
              GArray          *answer)
{
  RapportQuestion *question = current_question (self);
  RapportQuestionType type = rapport_question_get_question_type (question);
  guint n_presented;
  const guint *presented = rapport_quiz_session_get_presented_choices (self->session,
                                                                       rapport_quiz_session_get_position (self->session),
                                                                       &n_presented);

  for (guint i = 0; i < self->choice_widgets->len; i++)
    {
      GtkWidget *widget = self->choice_widgets->pdata[i];
      GtkWidget *label = g_object_get_data (G_OBJECT (widget), "label");
      gboolean chosen = FALSE;

      gtk_widget_set_sensitive (widget, FALSE);
      if (type == RAPPORT_QUESTION_ORDERING)
        continue;

      for (guint j = 0; j < answer->len; j++)
        chosen |= g_array_index (answer, guint, j) == presented[i];

      if (index_is_right (question, presented[i]))
        gtk_widget_add_css_class (label, "success");
      else if (chosen)
        gtk_widget_add_css_class (label, "error");

      if (type == RAPPORT_QUESTION_SCENARIO)
        {
          guint score = rapport_choice_get_score (rapport_question_get_choice (question, presented[i]));
          const char *grade = score == 2 ? _("best reply") : score == 1 ? _("acceptable") : _("poor reply");
          g_autofree char *text = g_strdup_printf ("%s — %s", gtk_label_get_text (GTK_LABEL (label)), grade);

          gtk_label_set_text (GTK_LABEL (label), text);
        }
    }
}

static void
show_feedback (RapportQuizPage               *self,
               const RapportQuizAnswerResult *result)
{
  RapportQuestion *question = current_question (self);
  g_autofree char *heading = NULL;
  GtkWidget *title;

  if (result->correct)
    heading = g_strdup (_("Correct"));
  else if (result->points > 0)
    /* Translators: partial credit, e.g. "Partly right: 1 of 2 points" */
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Partly right: %g of %g point",
                                            "Partly right: %g of %g points",
                                            (gulong) result->points_possible),
                               result->points, result->points_possible);
  else
    heading = g_strdup (_("Not quite"));

  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (title, result->correct ? "success" : result->points > 0 ? "warning" : "error");
  gtk_box_append (self->feedback_box, title);

  for (guint i = 0; i < result->feedback->len; i++)
    gtk_box_append (self->feedback_box, markup_label (result->feedback->pdata[i], "rapport-lesson-body"));

  if (rapport_question_get_question_type (question) == RAPPORT_QUESTION_ORDERING && !result->correct)
    {
      GString *order = g_string_new (_("The order that works best:"));

      for (guint i = 0; i < rapport_question_get_n_steps (question); i++)
        g_string_append_printf (order, "\n%u. %s", i + 1,
                                rapport_inline_get_text (rapport_question_get_step (question, i)));
      gtk_box_append (self->feedback_box, gtk_label_new (order->str));
      gtk_label_set_xalign (GTK_LABEL (gtk_widget_get_last_child (GTK_WIDGET (self->feedback_box))), 0);
      gtk_label_set_wrap (GTK_LABEL (gtk_widget_get_last_child (GTK_WIDGET (self->feedback_box))), TRUE);
      g_string_free (order, TRUE);
    }

  gtk_box_append (self->feedback_box, markup_label (result->explanation, "rapport-quiz-explanation"));
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_box), TRUE);
}

static void show_results (RapportQuizPage *self);

static void
save_session (RapportQuizPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  gboolean ok;

  if (self->store == NULL)
    return;

  if (self->review != NULL)
    ok = rapport_review_session_save (self->review, self->store, now, tz, &error);
  else
    ok = rapport_quiz_session_save (self->session, self->store, &error) &&
         rapport_review_record_quiz (self->store, self->session, now, tz, &error);

  if (!ok)
    rapport_show_error (GTK_WIDGET (self), _("Could Not Save Your Quiz"), error);
}

static void
check_or_continue (RapportQuizPage *self)
{
  g_autoptr(GArray) answer = NULL;
  const RapportQuizAnswerResult *result;

  if (self->session == NULL)
    return;

  if (self->answered)
    {
      if (rapport_quiz_session_get_state (self->session) == RAPPORT_QUIZ_SESSION_FINISHED)
        show_results (self);
      else if (rapport_quiz_session_next (self->session))
        show_question (self);
      return;
    }

  answer = collect_answer (self);
  if (!answer_complete (self, answer))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      gtk_label_set_text (self->hint_label,
                          rapport_question_get_question_type (current_question (self)) == RAPPORT_QUESTION_ORDERING
                          ? _("Put every step in order first.")
                          : _("Choose an answer first."));
      return;
    }

  result = rapport_quiz_session_answer_current (self->session, (const guint *) answer->data, answer->len);
  self->answered = TRUE;
  mark_choices (self, answer);
  show_feedback (self, result);

  if (rapport_quiz_session_get_state (self->session) == RAPPORT_QUIZ_SESSION_FINISHED)
    {
      save_session (self);
      gtk_button_set_label (self->check_button, _("_See Results"));
    }
  else
    gtk_button_set_label (self->check_button, _("_Next Question"));
  gtk_label_set_text (self->hint_label, _("Press Enter to go on."));
  /* The choices just went insensitive: keep the focus on the page. */
  gtk_widget_grab_focus (GTK_WIDGET (self->check_button));
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 (double) rapport_quiz_session_get_n_answered (self->session) /
                                 rapport_quiz_session_get_n_questions (self->session));
}

static void
on_check_button_clicked_cb (RapportQuizPage *self)
{
  check_or_continue (self);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   RapportQuizPage       *self)
{
  guint number = 0;

  if (self->session == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "question") != 0)
    return GDK_EVENT_PROPAGATE;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      check_or_continue (self);
      return GDK_EVENT_STOP;
    }

  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    number = keyval - GDK_KEY_1 + 1;
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    number = keyval - GDK_KEY_KP_1 + 1;

  if (number == 0 || number > self->choice_widgets->len || self->answered)
    return GDK_EVENT_PROPAGATE;

  if (rapport_question_get_question_type (current_question (self)) == RAPPORT_QUESTION_ORDERING)
    pick_step (self, number - 1);
  else
    {
      GtkCheckButton *button = self->choice_widgets->pdata[number - 1];
      gboolean multiple = rapport_question_get_question_type (current_question (self)) == RAPPORT_QUESTION_MULTIPLE;

      gtk_check_button_set_active (button, multiple ? !gtk_check_button_get_active (button) : TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (button));
    }

  return GDK_EVENT_STOP;
}

/* Results */

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
      g_autofree char *plain = presented_plain (question, g_array_index (result->answer, guint, i));

      if (i > 0)
        g_string_append (text, rapport_question_get_question_type (question) == RAPPORT_QUESTION_ORDERING ? " → " : "; ");
      g_string_append (text, plain);
    }

  return g_string_free (text, FALSE);
}

static void
show_results (RapportQuizPage *self)
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

static void
on_retake_button_clicked_cb (RapportQuizPage *self)
{
  g_signal_emit (self, signals[RETAKE], 0);
}

static void
on_done_button_clicked_cb (RapportQuizPage *self)
{
  g_signal_emit (self, signals[DONE], 0);
}

/* Public */

void
rapport_quiz_page_set_store (RapportQuizPage *self,
                             RapportStore    *store)
{
  g_return_if_fail (RAPPORT_IS_QUIZ_PAGE (self));

  g_set_object (&self->store, store);
}

void
rapport_quiz_page_start_quiz (RapportQuizPage *self,
                              RapportTopic    *topic,
                              guint32          seed)
{
  g_return_if_fail (RAPPORT_IS_QUIZ_PAGE (self));
  g_return_if_fail (RAPPORT_IS_TOPIC (topic));
  g_return_if_fail (rapport_topic_get_quiz (topic) != NULL);

  g_set_object (&self->topic, topic);
  g_clear_object (&self->review);
  g_clear_object (&self->session);
  self->session = rapport_quiz_session_new (topic, NULL, seed);
  show_question (self);
}

void
rapport_quiz_page_start_review (RapportQuizPage      *self,
                                RapportReviewSession *review)
{
  g_return_if_fail (RAPPORT_IS_QUIZ_PAGE (self));
  g_return_if_fail (RAPPORT_IS_REVIEW_SESSION (review));
  g_return_if_fail (rapport_review_session_get_n_questions (review) > 0);

  g_clear_object (&self->topic);
  g_set_object (&self->review, review);
  g_set_object (&self->session, rapport_review_session_get_quiz_session (review));
  show_question (self);
}

RapportQuizSession *
rapport_quiz_page_get_session (RapportQuizPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_PAGE (self), NULL);

  return self->session;
}

/* Whether leaving now would throw answers away. */
gboolean
rapport_quiz_page_is_in_progress (RapportQuizPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUIZ_PAGE (self), FALSE);

  return self->session != NULL &&
         rapport_quiz_session_get_state (self->session) == RAPPORT_QUIZ_SESSION_IN_PROGRESS &&
         rapport_quiz_session_get_n_answered (self->session) > 0;
}

/* Ends the quiz early: stored as abandoned, never counted as a score. */
void
rapport_quiz_page_abandon (RapportQuizPage *self)
{
  g_return_if_fail (RAPPORT_IS_QUIZ_PAGE (self));

  if (self->session == NULL ||
      rapport_quiz_session_get_state (self->session) != RAPPORT_QUIZ_SESSION_IN_PROGRESS)
    return;

  rapport_quiz_session_abandon (self->session);
  if (rapport_quiz_session_get_n_answered (self->session) > 0)
    save_session (self);
}

static void
rapport_quiz_page_dispose (GObject *object)
{
  RapportQuizPage *self = RAPPORT_QUIZ_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_QUIZ_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->topic);
  g_clear_object (&self->session);
  g_clear_object (&self->review);
  g_clear_pointer (&self->choice_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->answer_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_quiz_page_parent_class)->dispose (object);
}

static void
rapport_quiz_page_class_init (RapportQuizPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_quiz_page_dispose;

  /** RapportQuizPage::done: the learner is finished with the results. */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /** RapportQuizPage::retake: the learner wants the same quiz again. */
  signals[RETAKE] =
    g_signal_new ("retake", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/rapport-quiz-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, question_box);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, feedback_box);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, check_button);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, result_title);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, result_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, retake_button);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, answers_group);
  gtk_widget_class_bind_template_callback (widget_class, on_check_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retake_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_done_button_clicked_cb);
}

static void
rapport_quiz_page_init (RapportQuizPage *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->choice_widgets = g_ptr_array_new ();
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->answer_rows = g_ptr_array_new ();

  /* Capture: number keys and Enter answer the quiz wherever the focus is
   * on the page, before a focused check button toggles itself.
   */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
