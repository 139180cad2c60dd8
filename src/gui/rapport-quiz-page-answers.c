/* rapport-quiz-page-answers.c: each kind of question on the quiz page: the
 * widgets that ask it, the keys that move between them, and the answer read
 * from them (their marks once it is checked are in rapport-quiz-page-marks.c)
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-question.h"
#include "rapport-quiz-page-private.h"

/* Helpers */

GtkWidget *
rapport_quiz_page_markup_label (RapportInline *text,
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

char *
rapport_quiz_page_presented_plain (RapportQuestion *question,
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
  RapportQuestion *question = rapport_quiz_page_current_question (self);
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
      g_autofree char *step = rapport_quiz_page_presented_plain (question, presented[g_array_index (self->order, guint, i)]);

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
      gtk_box_append (GTK_BOX (line), rapport_quiz_page_markup_label (text, "rapport-lesson-body"));
      gtk_box_append (GTK_BOX (lines), line);
    }

  gtk_box_append (box, lines);
}

/* Up and Down move between the check buttons of a select-all question, as in
 * any list of them, and Space ticks the focused one.  GTK 4.8 moves the
 * focus of a check button with the arrow keys as if it were a radio button
 * in a group of its own: it activates the button it lands on, which is
 * itself, so every arrow key ticked or unticked the choice.  Radio buttons
 * keep GTK's own arrow keys (they move the choice, as radio buttons do).
 */
static gboolean
on_choices_key_pressed_cb (GtkEventControllerKey *controller,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           RapportQuizPage       *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  guint index;
  int step;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      focus == NULL || !g_ptr_array_find (self->choice_widgets, focus, &index))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      step = -1;
      break;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      step = 1;
      break;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return GDK_EVENT_STOP;  /* a column of choices has nothing beside it */

    default:
      return GDK_EVENT_PROPAGATE;
    }

  if (step < 0 && index > 0)
    gtk_widget_grab_focus (self->choice_widgets->pdata[index - 1]);
  else if (step > 0 && index + 1 < self->choice_widgets->len)
    gtk_widget_grab_focus (self->choice_widgets->pdata[index + 1]);
  else if (step > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->check_button));  /* past the last choice, as a list would */

  return GDK_EVENT_STOP;
}

void
rapport_quiz_page_build_question (RapportQuizPage *self)
{
  guint position = rapport_quiz_session_get_position (self->session);
  RapportQuestion *question = rapport_quiz_page_current_question (self);
  RapportQuestionType type = rapport_question_get_question_type (question);
  const guint *presented;
  guint n_presented;
  GtkCheckButton *group = NULL;
  GtkWidget *choices;

  if (type == RAPPORT_QUESTION_SCENARIO && rapport_question_get_dialogue (question) != NULL)
    build_dialogue (self->question_box, rapport_question_get_dialogue (question));

  gtk_box_append (self->question_box, rapport_quiz_page_markup_label (rapport_question_get_prompt (question), "rapport-quiz-prompt"));

  presented = rapport_quiz_session_get_presented_choices (self->session, position, &n_presented);
  choices = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (choices, "rapport-quiz-choices");

  for (guint i = 0; i < n_presented; i++)
    {
      g_autofree char *plain = rapport_quiz_page_presented_plain (question, presented[i]);
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
      if (type == RAPPORT_QUESTION_ORDERING)
        gtk_box_append (GTK_BOX (choices), widget);
      else
        {
          /* Its row takes the choice's mark and feedback once checked. */
          GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

          gtk_widget_add_css_class (row, "rapport-quiz-choice-row");
          gtk_box_append (GTK_BOX (row), widget);
          gtk_box_append (GTK_BOX (choices), row);
        }
      g_ptr_array_add (self->choice_widgets, widget);
    }
  gtk_box_append (self->question_box, choices);

  if (type == RAPPORT_QUESTION_MULTIPLE)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_choices_key_pressed_cb), self);
      gtk_widget_add_controller (choices, keys);
    }

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
      /* Checked, the steps in the learner's order with their marks take the place of all three. */
      g_object_set_data (G_OBJECT (self->order_label), "rapport-quiz-pickers", choices);
      g_object_set_data (G_OBJECT (self->order_label), "rapport-quiz-start-over", clear);
      update_order_label (self);
    }

  switch (type)
    {
    case RAPPORT_QUESTION_MULTIPLE:
      gtk_label_set_text (self->hint_label, _("Select all that apply. Space or a number key ticks a choice; Enter checks."));
      break;

    case RAPPORT_QUESTION_ORDERING:
      gtk_label_set_text (self->hint_label, _("Pick the steps in order. Number keys pick steps; Enter checks."));
      break;

    default:
      gtk_label_set_text (self->hint_label, _("Number keys choose an answer; Enter checks it."));
      break;
    }
}

/* Answering */

GArray *
rapport_quiz_page_collect_answer (RapportQuizPage *self)
{
  RapportQuestion *question = rapport_quiz_page_current_question (self);
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

gboolean
rapport_quiz_page_answer_complete (RapportQuizPage *self,
                                   GArray          *answer)
{
  RapportQuestion *question = rapport_quiz_page_current_question (self);

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

void
rapport_quiz_page_choose_number (RapportQuizPage *self,
                                 guint            number)
{
  if (rapport_question_get_question_type (rapport_quiz_page_current_question (self)) == RAPPORT_QUESTION_ORDERING)
    pick_step (self, number - 1);
  else
    {
      GtkCheckButton *button = self->choice_widgets->pdata[number - 1];
      gboolean multiple = rapport_question_get_question_type (rapport_quiz_page_current_question (self)) == RAPPORT_QUESTION_MULTIPLE;

      gtk_check_button_set_active (button, multiple ? !gtk_check_button_get_active (button) : TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (button));
    }
}
