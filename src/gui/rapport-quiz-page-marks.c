/* rapport-quiz-page-marks.c: the quiz page once an answer is checked: each
 * choice, step, match or typed answer marked in words and with an icon, its
 * own feedback under it, the correct choices that were missed, and all of
 * it scrolled into view
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-question.h"
#include "rapport-quiz-page-private.h"

/* What a mark says; the colour of each (ui/style.css) only repeats it. */
typedef enum
{
  MARK_NONE,
  MARK_RIGHT,     /* chosen and right, the right answer, the best reply, a step in place */
  MARK_WRONG,     /* chosen and wrong, a poor reply, a step out of place */
  MARK_PARTLY,    /* an acceptable reply, a correct choice not ticked */
  MARK_LEFT_OUT,  /* select-all: a wrong choice rightly not ticked */
} MarkKind;

static const struct
{
  const char *css_class;
  const char *icon_name;
} mark_styles[] = {
  [MARK_NONE] = { NULL, NULL },
  [MARK_RIGHT] = { "rapport-quiz-right", "object-select-symbolic" },
  [MARK_WRONG] = { "rapport-quiz-wrong", "window-close-symbolic" },
  [MARK_PARTLY] = { "rapport-quiz-partly", "dialog-warning-symbolic" },
  [MARK_LEFT_OUT] = { "rapport-quiz-left-out", "list-remove-symbolic" },
};

/* How far the mark and feedback of a choice stand in, to line up with the
 * choice's text after its check box or radio button.
 */
#define CHOICE_TEXT_INDENT 30

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

static gboolean
answer_contains (GArray *answer,
                 guint   index)
{
  guint i = 0;

  while (i < answer->len && g_array_index (answer, guint, i) != index)
    i++;

  return i < answer->len;
}

/* The mark of choice @index (the question's own index), whether @chosen,
 * in @words; and whether its feedback shows under it: a chosen one's, and
 * a right one's the learner should learn from.  True or false is the
 * exception: its feedback answers the value chosen ("Right. …"), which
 * would read wrongly under the value not chosen.
 */
static MarkKind
choice_mark (RapportQuestion  *question,
             guint             index,
             gboolean          chosen,
             const char      **words,
             gboolean         *with_feedback)
{
  RapportQuestionType type = rapport_question_get_question_type (question);
  gboolean right = index_is_right (question, index);

  *with_feedback = chosen || (right && type != RAPPORT_QUESTION_TRUEFALSE);

  if (type == RAPPORT_QUESTION_SCENARIO)
    {
      switch (MIN (rapport_choice_get_score (rapport_question_get_choice (question, index)), RAPPORT_QUIZ_SCENARIO_BEST))
        {
        case RAPPORT_QUIZ_SCENARIO_BEST:
          *words = chosen ? _("Your choice · best reply") : _("Best reply");
          return MARK_RIGHT;

        case 1:
          *words = chosen ? _("Your choice · acceptable") : _("Acceptable");
          return MARK_PARTLY;

        default:
          *words = chosen ? _("Your choice · poor reply") : _("Poor reply");
          return MARK_WRONG;
        }
    }

  if (chosen)
    {
      *words = right ? _("Your choice · correct") : _("Your choice · wrong");
      return right ? MARK_RIGHT : MARK_WRONG;
    }

  if (type == RAPPORT_QUESTION_MULTIPLE)
    {
      *words = right ? _("Missed · correct") : _("Rightly left out");
      return right ? MARK_PARTLY : MARK_LEFT_OUT;
    }

  *words = right ? _("Correct answer") : NULL;
  return right ? MARK_RIGHT : MARK_NONE;
}

static RapportInline *
choice_feedback (RapportQuestion *question,
                 guint            index)
{
  if (rapport_question_get_question_type (question) == RAPPORT_QUESTION_TRUEFALSE)
    return index == RAPPORT_QUIZ_TRUE ? rapport_question_get_feedback_true (question)
                                      : rapport_question_get_feedback_false (question);

  return rapport_choice_get_feedback (rapport_question_get_choice (question, index));
}

/* An icon and the words beside it; the icon only repeats the words, so a
 * screen reader skips it.
 */
static GtkWidget *
mark_line_new (MarkKind    kind,
               const char *words)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", mark_styles[kind].icon_name,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "valign", GTK_ALIGN_START,
                                  NULL);
  GtkWidget *label = gtk_label_new (words);

  gtk_widget_add_css_class (line, "rapport-quiz-mark-line");
  gtk_widget_add_css_class (icon, "rapport-quiz-mark-icon");
  gtk_widget_add_css_class (label, "rapport-quiz-mark");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (line), icon);
  gtk_box_append (GTK_BOX (line), label);

  return line;
}

static void
mark_row (GtkWidget *row,
          MarkKind   kind)
{
  gtk_widget_add_css_class (row, "rapport-quiz-marked");
  gtk_widget_add_css_class (row, mark_styles[kind].css_class);
}

/* Under the check box or radio button of shown choice @shown: its mark and
 * its feedback; the button says both to a screen reader too.
 */
static void
mark_choice (RapportQuizPage *self,
             guint            shown,
             guint            index,
             gboolean         chosen)
{
  RapportQuestion *question = rapport_quiz_page_current_question (self);
  GtkWidget *widget = self->choice_widgets->pdata[shown];
  GtkWidget *row = gtk_widget_get_parent (widget);
  RapportInline *feedback = choice_feedback (question, index);
  const char *words = NULL;
  gboolean with_feedback;
  MarkKind kind = choice_mark (question, index, chosen, &words, &with_feedback);
  GtkWidget *line;
  g_autofree char *description = NULL;

  if (kind == MARK_NONE)
    return;

  mark_row (row, kind);
  line = mark_line_new (kind, words);
  gtk_widget_set_margin_start (line, CHOICE_TEXT_INDENT);
  gtk_box_append (GTK_BOX (row), line);

  if (with_feedback && feedback != NULL)
    {
      GtkWidget *label = rapport_quiz_page_markup_label (feedback, "rapport-quiz-choice-feedback");

      gtk_widget_set_margin_start (label, CHOICE_TEXT_INDENT);
      gtk_box_append (GTK_BOX (row), label);
      /* Translators: how a screen reader describes a checked choice: its mark, then its feedback */
      description = g_strdup_printf (_("%s. %s"), words, rapport_inline_get_text (feedback));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : words,
                                  -1);
}

/* Ordering: the steps in the learner's order, each saying whether it is in
 * its place and, when not, where it belongs; they take the place of the
 * buttons that picked them, the running order and "Start Over".
 */
static void
mark_order (RapportQuizPage *self,
            GArray          *answer)
{
  RapportQuestion *question = rapport_quiz_page_current_question (self);
  GtkWidget *steps = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *heading = gtk_label_new (_("Your order:"));

  gtk_widget_set_visible (g_object_get_data (G_OBJECT (self->order_label), "rapport-quiz-pickers"), FALSE);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (self->order_label), "rapport-quiz-start-over"), FALSE);
  gtk_widget_set_visible (self->order_label, FALSE);

  gtk_widget_add_css_class (steps, "rapport-quiz-choices");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (steps), heading);

  for (guint position = 0; position < answer->len; position++)
    {
      guint step = g_array_index (answer, guint, position);
      gboolean in_place = step == position;
      g_autofree char *text = g_strdup_printf ("%u. %s", position + 1,
                                               rapport_inline_get_text (rapport_question_get_step (question, step)));
      /* Translators: a step of an ordering question put in the wrong place; %u is where it belongs, from 1 */
      g_autofree char *words = in_place ? g_strdup (_("Right place"))
                                        : g_strdup_printf (_("Wrong place · belongs at step %u"), step + 1);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *label = gtk_label_new (text);

      mark_row (row, in_place ? MARK_RIGHT : MARK_WRONG);
      gtk_widget_add_css_class (row, "rapport-quiz-choice-row");
      gtk_widget_add_css_class (row, "rapport-quiz-step-row");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "rapport-quiz-step");
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), mark_line_new (in_place ? MARK_RIGHT : MARK_WRONG, words));
      gtk_box_append (GTK_BOX (steps), row);
    }

  gtk_box_insert_child_after (self->question_box, steps, self->order_label);
}

static GtkWidget *
plain_label_new (const char *text,
                 const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

/* Matching: under each left item, the learner's match in place of its
 * drop-down, marked right or wrong; a wrong one names the right match.
 */
void
rapport_quiz_page_mark_matches (RapportQuizPage *self,
                                GArray          *answer)
{
  RapportQuestion *question = rapport_quiz_page_current_question (self);

  g_assert (answer->len == self->choice_widgets->len);

  for (guint i = 0; i < self->choice_widgets->len; i++)
    {
      GtkWidget *drop_down = self->choice_widgets->pdata[i];
      GtkWidget *row = gtk_widget_get_parent (drop_down);
      guint chosen = g_array_index (answer, guint, i);
      guint right = rapport_question_get_pair_option (question, i);
      MarkKind kind = chosen == right ? MARK_RIGHT : MARK_WRONG;
      /* Translators: under an item of a matching question once checked, the match the learner chose */
      g_autofree char *yours = g_strdup_printf (_("Your match: %s"), rapport_question_get_option (question, chosen));
      g_autofree char *words = NULL;

      if (kind == MARK_RIGHT)
        words = g_strdup (_("Right match"));
      else
        /* Translators: a wrong match in a matching question; %s is the right one */
        words = g_strdup_printf (_("Wrong match · the right one is “%s”"),
                                 rapport_question_get_option (question, right));

      gtk_widget_set_visible (drop_down, FALSE);
      mark_row (row, kind);
      gtk_box_append (GTK_BOX (row), plain_label_new (yours, "rapport-quiz-match"));
      gtk_box_append (GTK_BOX (row), mark_line_new (kind, words));
    }
}

/* Short answer, numeric: the field keeps what was typed, read-only, with
 * its mark and feedback under it; a wrong answer gets the first accepted
 * one in a row of its own, marked right.
 */
void
rapport_quiz_page_mark_typed (RapportQuizPage               *self,
                              const RapportQuizAnswerResult *result)
{
  RapportQuestion *question = rapport_quiz_page_current_question (self);
  GtkWidget *row = gtk_widget_get_parent (self->answer_entry);
  MarkKind kind = result->correct ? MARK_RIGHT : MARK_WRONG;
  const char *words = result->correct ? _("Your answer · accepted") : _("Your answer · not accepted");
  RapportInline *feedback = result->feedback->len > 0 ? result->feedback->pdata[0] : NULL;
  g_autofree char *description = NULL;

  gtk_editable_set_editable (GTK_EDITABLE (self->answer_entry), FALSE);
  mark_row (row, kind);
  gtk_box_append (GTK_BOX (row), mark_line_new (kind, words));
  if (feedback != NULL)
    {
      gtk_box_append (GTK_BOX (row), rapport_quiz_page_markup_label (feedback, "rapport-quiz-choice-feedback"));
      description = g_strdup_printf (_("%s. %s"), words, rapport_inline_get_text (feedback));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : words,
                                  -1);

  if (!result->correct && rapport_question_get_n_accepts (question) > 0)
    {
      g_autofree char *right = rapport_accept_to_display (rapport_question_get_accept (question, 0));
      g_autofree char *line = NULL;
      GtkWidget *right_row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      if (rapport_question_get_question_type (question) == RAPPORT_QUESTION_NUMERIC)
        /* Translators: under a wrong number; %s is the right one, "21.25" or "21.25 ± 0.5" */
        line = g_strdup_printf (_("Right answer: %s"), right);
      else
        /* Translators: under wrong words; %s is the first accepted answer, “…” for any words */
        line = g_strdup_printf (_("Accepted answer: %s"), right);

      gtk_widget_add_css_class (right_row, "rapport-quiz-choice-row");
      gtk_widget_add_css_class (right_row, "rapport-quiz-step-row");
      mark_row (right_row, MARK_RIGHT);
      gtk_box_append (GTK_BOX (right_row), mark_line_new (MARK_RIGHT, line));
      gtk_box_insert_child_after (self->question_box, right_row, row);
    }
}

/* The question's own index of each choice, in the order shown. */
static const guint *
presented_choices (RapportQuizPage *self,
                   guint           *n_presented)
{
  return rapport_quiz_session_get_presented_choices (self->session,
                                                     rapport_quiz_session_get_position (self->session),
                                                     n_presented);
}

void
rapport_quiz_page_mark_choices (RapportQuizPage *self,
                                GArray          *answer)
{
  RapportQuestion *question = rapport_quiz_page_current_question (self);
  guint n_presented;
  const guint *presented = presented_choices (self, &n_presented);

  for (guint i = 0; i < self->choice_widgets->len; i++)
    gtk_widget_set_sensitive (self->choice_widgets->pdata[i], FALSE);

  if (rapport_question_get_question_type (question) == RAPPORT_QUESTION_ORDERING)
    {
      mark_order (self, answer);
      return;
    }

  for (guint i = 0; i < self->choice_widgets->len; i++)
    mark_choice (self, i, presented[i], answer_contains (answer, presented[i]));
}

/* The numbers on screen ("2, 4") of the shown choices that are right and
 * were not ticked (@missed TRUE), or were ticked and are wrong.
 */
static char *
shown_numbers (RapportQuizPage *self,
               GArray          *answer,
               gboolean         missed,
               guint           *n_found)
{
  RapportQuestion *question = rapport_quiz_page_current_question (self);
  guint n_presented;
  const guint *presented = presented_choices (self, &n_presented);
  GString *numbers = g_string_new (NULL);

  *n_found = 0;
  for (guint i = 0; i < n_presented; i++)
    {
      gboolean chosen = answer_contains (answer, presented[i]);
      gboolean right = index_is_right (question, presented[i]);

      if (missed ? (right && !chosen) : (chosen && !right))
        {
          /* Translators: the separator in a list of choice numbers, "2, 4" */
          g_string_append_printf (numbers, "%s%u", *n_found > 0 ? _(", ") : "", i + 1);
          (*n_found)++;
        }
    }

  return g_string_free (numbers, FALSE);
}

static void
append_summary (RapportQuizPage *self,
                 const char      *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "rapport-quiz-summary");
  gtk_box_append (self->feedback_box, label);
}

/* Select-all: which correct choices were missed and which wrong ones ticked,
 * in so many words, under the heading of the feedback.
 */
void
rapport_quiz_page_append_choice_summary (RapportQuizPage               *self,
                                         const RapportQuizAnswerResult *result)
{
  if (rapport_question_get_question_type (rapport_quiz_page_current_question (self)) != RAPPORT_QUESTION_MULTIPLE)
    return;

  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean missed = pass == 0;
      guint n;
      g_autofree char *numbers = shown_numbers (self, result->answer, missed, &n);
      g_autofree char *text = NULL;

      if (n == 0)
        continue;

      if (missed)
        /* Translators: %u correct choices were not ticked; %s lists their numbers on screen, "2, 4" */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "You missed %u correct choice: number %s.",
                                             "You missed %u correct choices: numbers %s.", n), n, numbers);
      else
        /* Translators: %u wrong choices were ticked; %s lists their numbers on screen, "1, 3" */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "You ticked %u choice that is not correct: number %s.",
                                             "You ticked %u choices that are not correct: numbers %s.", n), n, numbers);
      append_summary (self, text);
    }
}

/* Scrolling into view */

#define REVEAL_MARGIN 12

static gboolean
content_span (RapportQuizPage *self,
              GtkWidget       *widget,
              double          *top,
              double          *bottom)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  double value = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));
  graphene_rect_t bounds;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_compute_bounds (widget, viewport, &bounds))
    return FALSE;

  /* In the viewport's coordinates, which start at the scrolled-to value. */
  *top = bounds.origin.y + value - REVEAL_MARGIN;
  *bottom = bounds.origin.y + bounds.size.height + value + REVEAL_MARGIN;
  return TRUE;
}

/* As gtk_adjustment_clamp_page(): the least change of @value that shows
 * @lower to @upper, or from @lower when that is more than a page.
 */
static double
clamp_page (double value,
            double page_size,
            double lower,
            double upper)
{
  if (value + page_size < upper)
    value = upper - page_size;
  if (value > lower)
    value = lower;

  return value;
}

/* Runs once, in the first layout after the check, when the marks and the
 * feedback have their places: scrolls as little as shows the feedback down
 * to the hint under Next (from the feedback's top when that is more than
 * a window), and then Next itself, which has the focus, whatever else.
 */
static void
on_frame_clock_layout_cb (GdkFrameClock   *clock,
                          RapportQuizPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page_size = gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  double feedback_top, feedback_bottom, next_top, next_bottom, hint_top, hint_bottom;

  g_signal_handlers_disconnect_by_func (clock, on_frame_clock_layout_cb, self);

  if (!self->answered ||
      !content_span (self, GTK_WIDGET (self->check_button), &next_top, &next_bottom))
    return;

  if (content_span (self, GTK_WIDGET (self->hint_label), &hint_top, &hint_bottom))
    next_bottom = MAX (next_bottom, hint_bottom);
  if (content_span (self, GTK_WIDGET (self->feedback_box), &feedback_top, &feedback_bottom))
    value = clamp_page (value, page_size, feedback_top, next_bottom);
  value = clamp_page (value, page_size, next_top, next_bottom);

  /* Not gtk_adjustment_clamp_page(): setting the value also ends the
   * scrolling that GtkViewport animates to a newly focused widget (a
   * choice picked by its number a moment ago, or Next where it was before
   * the feedback pushed it down), which would otherwise carry on over this.
   */
  gtk_adjustment_set_value (adjustment, value);
}

void
rapport_quiz_page_reveal_feedback (RapportQuizPage *self)
{

  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    return;

  /* After GTK's own layout handler, so that the new widgets are placed. */
  g_signal_handlers_disconnect_by_func (clock, on_frame_clock_layout_cb, self);
  g_signal_connect_object (clock, "layout", G_CALLBACK (on_frame_clock_layout_cb), self, G_CONNECT_AFTER);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}
