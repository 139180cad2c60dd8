/* rapport-quiz-page.c: one question at a time, feedback, then the results
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-error-dialog.h"
#include "rapport-question.h"
#include "rapport-quiz-page-private.h"
#include "rapport-review.h"

G_DEFINE_FINAL_TYPE (RapportQuizPage, rapport_quiz_page, GTK_TYPE_WIDGET)

enum {
  DONE,
  RETAKE,
  CONTINUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

RapportQuestion *
rapport_quiz_page_current_question (RapportQuizPage *self)
{
  return rapport_quiz_session_get_question (self->session,
                                            rapport_quiz_session_get_position (self->session));
}

/* The question */

static void
show_question (RapportQuizPage *self)
{
  guint position = rapport_quiz_session_get_position (self->session);
  guint n_questions = rapport_quiz_session_get_n_questions (self->session);
  g_autofree char *progress = NULL;

  self->answered = FALSE;
  clear_box (self->question_box);
  clear_box (self->feedback_box);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_box), FALSE);
  g_ptr_array_set_size (self->choice_widgets, 0);
  g_array_set_size (self->order, 0);
  self->order_label = NULL;
  self->answer_entry = NULL;
  self->first_focus = NULL;

  /* Translators: quiz progress, e.g. "Question 4 of 12" */
  progress = g_strdup_printf (_("Question %u of %u"), position + 1, n_questions);
  gtk_label_set_text (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) position / n_questions);

  rapport_quiz_page_build_question (self);
  gtk_button_set_label (self->check_button, _("_Check Answer"));

  gtk_stack_set_visible_child_name (self->stack, "question");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  /* Where the answer is typed or matched, the focus starts there. */
  gtk_widget_grab_focus (self->first_focus != NULL ? self->first_focus : GTK_WIDGET (self->check_button));
}

/* Answering */

static void
show_feedback (RapportQuizPage               *self,
               const RapportQuizAnswerResult *result)
{
  RapportQuestion *question = rapport_quiz_page_current_question (self);
  g_autofree char *heading = NULL;
  GtkWidget *title;

  if (result->correct)
    heading = g_strdup (_("Correct"));
  else if (result->points > 0)
    heading = rapport_quiz_page_describe_partial (result->points);
  else
    heading = g_strdup (_("Not quite"));

  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (title, result->correct ? "success" : result->points > 0 ? "warning" : "error");
  gtk_box_append (self->feedback_box, title);

  /* Each choice's own feedback stands under that choice (rapport_quiz_page_mark_choices()). */
  rapport_quiz_page_append_choice_summary (self, result);

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

  gtk_box_append (self->feedback_box, rapport_quiz_page_markup_label (result->explanation, "rapport-quiz-explanation"));
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_box), TRUE);
}

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
        rapport_quiz_page_show_results (self);
      else if (rapport_quiz_session_next (self->session))
        show_question (self);
      return;
    }

  if (rapport_quiz_page_is_typed (self))
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->answer_entry));
      g_autofree char *problem = rapport_quiz_page_typed_problem (self, text);

      if (problem != NULL)
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          gtk_label_set_text (self->hint_label, problem);
          return;
        }

      result = rapport_quiz_session_answer_text_current (self->session, text);
      self->answered = TRUE;
      rapport_quiz_page_mark_typed (self, result);
    }
  else
    {
      RapportQuestionType type = rapport_question_get_question_type (rapport_quiz_page_current_question (self));

      answer = rapport_quiz_page_collect_answer (self);
      if (!rapport_quiz_page_answer_complete (self, answer))
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          gtk_label_set_text (self->hint_label,
                              type == RAPPORT_QUESTION_ORDERING ? _("Put every step in order first.")
                              : type == RAPPORT_QUESTION_MATCHING ? _("Choose a match for every item first.")
                              : _("Choose an answer first."));
          return;
        }

      result = rapport_quiz_session_answer_current (self->session, (const guint *) answer->data, answer->len);
      self->answered = TRUE;
      if (type == RAPPORT_QUESTION_MATCHING)
        rapport_quiz_page_mark_matches (self, answer);
      else
        rapport_quiz_page_mark_choices (self, answer);
    }
  show_feedback (self, result);
  rapport_quiz_page_reveal_feedback (self);

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

  /* An open drop-down's list is a surface of its own: its keys (Enter picks
   * an item) never come through here.
   */
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      check_or_continue (self);
      return GDK_EVENT_STOP;
    }

  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    number = keyval - GDK_KEY_1 + 1;
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    number = keyval - GDK_KEY_KP_1 + 1;

  if (number == 0 || self->answered)
    return GDK_EVENT_PROPAGATE;

  /* Matching: the number of a match, for the item that has the focus. */
  if (rapport_question_get_question_type (rapport_quiz_page_current_question (self)) == RAPPORT_QUESTION_MATCHING)
    return rapport_quiz_page_match_number (self, number) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;

  if (number > self->choice_widgets->len)
    return GDK_EVENT_PROPAGATE;

  rapport_quiz_page_choose_number (self, number);

  return GDK_EVENT_STOP;
}

/* Results */

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

static void
on_continue_button_clicked_cb (RapportQuizPage *self)
{
  g_signal_emit (self, signals[CONTINUE], 0);
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
  /** RapportQuizPage::continue: after a pass, on to what comes next in the course. */
  signals[CONTINUE] =
    g_signal_new ("continue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
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
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, due_label);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, rule_label);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, continue_button);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, retake_button);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, done_button);
  gtk_widget_class_bind_template_child (widget_class, RapportQuizPage, answers_group);
  gtk_widget_class_bind_template_callback (widget_class, on_check_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retake_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_done_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_continue_button_clicked_cb);
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
