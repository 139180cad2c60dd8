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

/* Matching */

static void
on_option_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  in_list)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (in_list))
    {
      /* In the list a long item wraps; on the button it is cut short, so
       * that the button fits a narrow window.
       */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_option_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkListItemFactory *
option_factory_new (gboolean in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_option_setup_cb), GINT_TO_POINTER (in_list));
  g_signal_connect (factory, "bind", G_CALLBACK (on_option_bind_cb), NULL);

  return factory;
}

/* The button inside a drop-down: what has the focus, and what a screen
 * reader reads.
 */
static GtkWidget *
drop_down_button (GtkWidget *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (drop_down); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;

  return drop_down;
}

static void
update_drop_down (GtkWidget                 *drop_down,
                  GtkAccessibleProperty      property,
                  const char                *value)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), property, value, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down_button (drop_down)), property, value, -1);
}

/* A screen reader says what the drop-down holds after whose match it is. */
static void
on_match_selected_cb (GtkDropDown     *drop_down,
                      GParamSpec      *pspec,
                      RapportQuizPage *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  update_drop_down (GTK_WIDGET (drop_down), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                    gtk_drop_down_get_selected (drop_down) == 0 || item == NULL
                    ? _("Not matched yet")
                    : gtk_string_object_get_string (item));
}

/* Under each left item, a drop-down of the options in the order shown,
 * numbered for the number keys, after one that says to choose.
 */
static void
build_matching (RapportQuizPage *self,
                RapportQuestion *question,
                const guint     *presented,
                guint            n_presented)
{
  g_autoptr(GtkStringList) options = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) button_factory = option_factory_new (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = option_factory_new (TRUE);
  GtkWidget *pairs = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  /* Translators: the first item of a drop-down in a matching question, before any is chosen */
  gtk_string_list_append (options, _("Choose a match"));
  for (guint i = 0; i < n_presented; i++)
    {
      g_autofree char *numbered = g_strdup_printf ("%u. %s", i + 1,
                                                   rapport_question_get_option (question, presented[i]));

      gtk_string_list_append (options, numbered);
    }

  gtk_widget_add_css_class (pairs, "rapport-quiz-choices");
  for (guint i = 0; i < rapport_question_get_n_pairs (question); i++)
    {
      RapportInline *left = rapport_question_get_pair_left (question, i);
      /* Translators: how a screen reader names the drop-down that matches an item, “Where is my parcel?” */
      g_autofree char *name = g_strdup_printf (_("Match for “%s”"), rapport_inline_get_text (left));
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (options)), NULL);

      gtk_widget_add_css_class (row, "rapport-quiz-choice-row");
      gtk_widget_add_css_class (row, "rapport-quiz-step-row");
      gtk_box_append (GTK_BOX (row), rapport_quiz_page_markup_label (left, "rapport-quiz-step"));

      gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), button_factory);
      gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop_down), list_factory);
      gtk_widget_add_css_class (drop_down, "rapport-quiz-match");
      update_drop_down (drop_down, GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      on_match_selected_cb (GTK_DROP_DOWN (drop_down), NULL, self);
      g_signal_connect (drop_down, "notify::selected", G_CALLBACK (on_match_selected_cb), self);
      gtk_box_append (GTK_BOX (row), drop_down);

      gtk_box_append (GTK_BOX (pairs), row);
      g_ptr_array_add (self->choice_widgets, drop_down);
    }
  gtk_box_append (self->question_box, pairs);

  self->first_focus = self->choice_widgets->len > 0 ? self->choice_widgets->pdata[0] : NULL;
}

gboolean
rapport_quiz_page_match_number (RapportQuizPage *self,
                                guint            number)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  guint n_presented;

  rapport_quiz_session_get_presented_choices (self->session, rapport_quiz_session_get_position (self->session),
                                              &n_presented);
  if (focus == NULL || number == 0 || number > n_presented)
    return FALSE;

  for (guint i = 0; i < self->choice_widgets->len; i++)
    {
      GtkWidget *drop_down = self->choice_widgets->pdata[i];

      if (focus != drop_down && !gtk_widget_is_ancestor (focus, drop_down))
        continue;

      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), number);
      /* On to the next item, as a form moves on to its next field. */
      if (i + 1 < self->choice_widgets->len)
        gtk_widget_grab_focus (self->choice_widgets->pdata[i + 1]);
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->check_button));
      return TRUE;
    }

  return FALSE;
}

/* Short answer and numeric */

gboolean
rapport_quiz_page_is_typed (RapportQuizPage *self)
{
  RapportQuestionType type = rapport_question_get_question_type (rapport_quiz_page_current_question (self));

  return type == RAPPORT_QUESTION_SHORT || type == RAPPORT_QUESTION_NUMERIC;
}

/* A number as an example, in the user's locale: "2.5", or "2,5" in German. */
static char *
example_number (void)
{
  return rapport_format_number (2.5);
}

static void
build_typed (RapportQuizPage *self,
             RapportQuestion *question,
             GtkWidget       *prompt)
{
  gboolean numeric = rapport_question_get_question_type (question) == RAPPORT_QUESTION_NUMERIC;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *example = example_number ();
  g_autofree char *placeholder = NULL;

  if (numeric)
    /* Translators: the placeholder of the field where a number is typed; %s is "2.5" as the language writes it */
    placeholder = g_strdup_printf (_("A number, such as %s"), example);
  else
    placeholder = g_strdup (_("Your answer"));

  gtk_widget_add_css_class (row, "rapport-quiz-choice-row");
  gtk_widget_add_css_class (row, "rapport-quiz-step-row");
  gtk_entry_set_max_length (GTK_ENTRY (entry), numeric ? RAPPORT_NUMBER_MAX_LENGTH : RAPPORT_TYPED_MAX_LENGTH);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), numeric ? GTK_INPUT_PURPOSE_NUMBER : GTK_INPUT_PURPOSE_FREE_FORM);
  gtk_widget_add_css_class (entry, "rapport-quiz-typed");
  /* The focus starts here, so the question is read with the field's name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  numeric ? _("Your answer, a number") : _("Your answer"), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, prompt, NULL, -1);
  gtk_box_append (GTK_BOX (row), entry);
  gtk_box_append (self->question_box, row);

  self->answer_entry = entry;
  self->first_focus = entry;
}

/* What the learner typed, to quote in a sentence: the first 24 characters
 * they can see (no controls, no direction overrides), isolated so that
 * right-to-left text in it cannot reorder the sentence around it.
 */
static char *
quote_typed (const char *text)
{
  GString *out = g_string_new ("\xe2\x81\xa8");   /* U+2068 first strong isolate */
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT)
        continue;
      if (n++ == 24)
        {
          g_string_append (out, "…");
          break;
        }
      g_string_append_unichar (out, c);
    }
  g_string_append (out, "\xe2\x81\xa9");   /* U+2069 pop directional isolate */

  return g_string_free (out, FALSE);
}

char *
rapport_quiz_page_typed_problem (RapportQuizPage *self,
                                 const char      *text)
{
  RapportQuestion *question = rapport_quiz_page_current_question (self);
  g_autofree char *example = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *shown = NULL;

  if (rapport_quiz_text_answer_is_valid (question, text))
    return NULL;

  if (rapport_question_get_question_type (question) != RAPPORT_QUESTION_NUMERIC)
    return g_strdup (_("Type an answer in words first."));

  example = example_number ();
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    /* Translators: %s is "2.5" as the language writes it */
    return g_strdup_printf (_("Type a number first, such as %s."), example);

  shown = quote_typed (stripped);
  /* Translators: the first %s is what the learner typed, the second "2.5" as the language writes it */
  return g_strdup_printf (_("Rapport cannot read “%s” as a number. Type digits with at most one "
                            "decimal separator and no thousands separators, such as %s."),
                          shown, example);
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
  GtkWidget *prompt;
  GtkWidget *choices;

  if (type == RAPPORT_QUESTION_SCENARIO && rapport_question_get_dialogue (question) != NULL)
    build_dialogue (self->question_box, rapport_question_get_dialogue (question));

  prompt = rapport_quiz_page_markup_label (rapport_question_get_prompt (question), "rapport-quiz-prompt");
  gtk_box_append (self->question_box, prompt);

  presented = rapport_quiz_session_get_presented_choices (self->session, position, &n_presented);

  switch (type)
    {
    case RAPPORT_QUESTION_MATCHING:
      build_matching (self, question, presented, n_presented);
      gtk_label_set_text (self->hint_label, _("For each item, Space opens its list of matches, or a "
                                              "number key picks one. Enter checks."));
      return;

    case RAPPORT_QUESTION_SHORT:
    case RAPPORT_QUESTION_NUMERIC:
      build_typed (self, question, prompt);
      if (type == RAPPORT_QUESTION_NUMERIC)
        {
          g_autofree char *example = example_number ();
          /* Translators: %s is "2.5" as the language writes it */
          g_autofree char *hint = g_strdup_printf (_("Type a number, such as %s. Enter checks it."), example);

          gtk_label_set_text (self->hint_label, hint);
        }
      else
        gtk_label_set_text (self->hint_label, _("Type your answer. Enter checks it."));
      return;

    default:
      break;
    }
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

  if (rapport_question_get_question_type (question) == RAPPORT_QUESTION_MATCHING)
    {
      /* One option a pair; one not matched yet leaves the answer short. */
      for (guint i = 0; i < self->choice_widgets->len; i++)
        {
          guint selected = gtk_drop_down_get_selected (self->choice_widgets->pdata[i]);

          if (selected > 0 && selected <= n_presented)
            g_array_append_val (answer, presented[selected - 1]);
        }
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

    case RAPPORT_QUESTION_MATCHING:
      return answer->len == rapport_question_get_n_pairs (question);

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
