/* rapport-quiz-page-private.h: what the quiz page's four files share
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-quiz-page.h"

G_BEGIN_DECLS

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
  GtkLabel             *due_label;
  GtkLabel             *rule_label;
  GtkButton            *continue_button;
  GtkButton            *retake_button;
  GtkButton            *done_button;
  AdwPreferencesGroup  *answers_group;

  /* owned */
  RapportStore         *store;
  RapportTopic         *topic;       /* NULL for a review */
  RapportQuizSession   *session;
  RapportReviewSession *review;
  GPtrArray            *choice_widgets;  /* check buttons or step buttons, in the order shown;
                                          * matching: a drop-down a pair, in the order written */
  GArray               *order;           /* ordering: presented positions picked so far */
  GPtrArray            *answer_rows;
  GtkWidget            *order_label;
  GtkWidget            *answer_entry;    /* short answer, numeric: where it is typed */
  GtkWidget            *first_focus;     /* what has the focus when the question shows; NULL: Check */

  /* state */
  gboolean              answered;        /* feedback is showing */
};

/* rapport-quiz-page.c: the question being asked. */
RapportQuestion *rapport_quiz_page_current_question (RapportQuizPage *self);

/* rapport-quiz-page-answers.c: what depends on the kind of question, from
 * the widgets that ask it to marking them once it is answered.
 */

/* A wrapping label for @text (markup from its inline runs). */
GtkWidget       *rapport_quiz_page_markup_label     (RapportInline   *text,
                                                     const char      *css_class);
/* The presented choice or step @index of @question as plain text
 * ("True" or "False" for a true-or-false question).
 */
char            *rapport_quiz_page_presented_plain  (RapportQuestion *question,
                                                     guint            index);
/* Fills the empty question box: the dialogue of a scenario, the prompt,
 * the choices or steps to pick; and the hint on how to answer.
 */
void             rapport_quiz_page_build_question   (RapportQuizPage *self);
/* The answer the widgets hold, as the question's own indices. */
GArray          *rapport_quiz_page_collect_answer   (RapportQuizPage *self);
gboolean         rapport_quiz_page_answer_complete  (RapportQuizPage *self,
                                                     GArray          *answer);
/* Number key @number (1 for the first shown) picks a step or ticks a choice. */
void             rapport_quiz_page_choose_number    (RapportQuizPage *self,
                                                     guint            number);
/* Matching: number key @number picks the option of that number in the
 * drop-down that has the focus (its list closed: an open one takes its own
 * keys), then moves on to the next; FALSE when the focus is in none or
 * there is no such option.
 */
gboolean         rapport_quiz_page_match_number     (RapportQuizPage *self,
                                                     guint            number);
/* Short answer, numeric: whether the question is answered by typing. */
gboolean         rapport_quiz_page_is_typed         (RapportQuizPage *self);
/* What to tell a learner who checks @text that is not an answer yet
 * ("Type a number first."); NULL when it is one.
 */
char            *rapport_quiz_page_typed_problem    (RapportQuizPage *self,
                                                     const char      *text);

/* rapport-quiz-page-marks.c: the question once its answer is checked. */

/* The choices go insensitive; each is marked in words and with an icon
 * (yours, correct, missed, the grade of a reply) with its feedback under
 * it; an ordering question shows the learner's order, step by step in or
 * out of place.
 */
void             rapport_quiz_page_mark_choices     (RapportQuizPage *self,
                                                     GArray          *answer);
/* Matching: each pair's match, with whether it is right and, when not,
 * the right one; the drop-downs make way for them.
 */
void             rapport_quiz_page_mark_matches     (RapportQuizPage               *self,
                                                     GArray                        *answer);
/* Short answer, numeric: under the typed answer, accepted or not, its
 * feedback and, when not, the answer that is.
 */
void             rapport_quiz_page_mark_typed       (RapportQuizPage               *self,
                                                     const RapportQuizAnswerResult *result);
/* Into the feedback box: for select-all, the correct choices missed and
 * the wrong ones ticked, by number.
 */
void             rapport_quiz_page_append_choice_summary (RapportQuizPage               *self,
                                                          const RapportQuizAnswerResult *result);
/* At the next layout, scrolls the feedback and Next into view. */
void             rapport_quiz_page_reveal_feedback  (RapportQuizPage *self);

/* rapport-quiz-page-results.c: the score, the pass mark and time, when the
 * missed questions come back, and each answer beside the right one with
 * why, once the session is finished.
 */
void             rapport_quiz_page_show_results     (RapportQuizPage *self);
/* What a partly right answer earned, as "Partly right: 0.5 of 1 point". */
char            *rapport_quiz_page_describe_partial (double           points);

G_END_DECLS
