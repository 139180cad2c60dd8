/* rapport-topic-private.h: how the loader builds the topic model.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-accept.h"
#include "rapport-block.h"
#include "rapport-inline.h"
#include "rapport-lesson.h"
#include "rapport-question.h"
#include "rapport-quiz.h"
#include "rapport-topic.h"

G_BEGIN_DECLS

RapportInline   *rapport_inline_new              (void);
void             rapport_inline_append           (RapportInline    *self,
                                                  RapportRunStyle   style,
                                                  const char       *text);
void             rapport_inline_finish           (RapportInline    *self);

RapportDialogue *rapport_dialogue_new            (const char       *caption);
void             rapport_dialogue_add_line       (RapportDialogue  *self,
                                                  RapportSpeaker    speaker,
                                                  RapportInline    *text);
guint            rapport_dialogue_count_words    (const RapportDialogue *self);

RapportBlock    *rapport_block_new               (RapportBlockKind  kind);
void             rapport_block_set_text          (RapportBlock     *self,
                                                  RapportInline    *text);
void             rapport_block_set_source        (RapportBlock     *self,
                                                  const char       *source);
void             rapport_block_set_ordered       (RapportBlock     *self,
                                                  gboolean          ordered);
void             rapport_block_add_item          (RapportBlock     *self,
                                                  RapportInline    *item);
void             rapport_block_set_instead       (RapportBlock     *self,
                                                  RapportInline    *avoid,
                                                  RapportInline    *try,
                                                  RapportInline    *why);
void             rapport_block_set_dialogue      (RapportBlock     *self,
                                                  RapportDialogue  *dialogue);
void             rapport_block_set_figure        (RapportBlock     *self,
                                                  const char       *src,
                                                  const char       *alt,
                                                  guint             line);
guint            rapport_block_get_line          (const RapportBlock *self);

RapportSection  *rapport_section_new             (const char       *heading);
void             rapport_section_add_block       (RapportSection   *self,
                                                  RapportBlock     *block);
guint            rapport_section_count_words     (const RapportSection *self);

RapportLesson   *rapport_lesson_new              (const char       *key,
                                                  const char       *title,
                                                  guint             minutes);
void             rapport_lesson_add_section      (RapportLesson    *self,
                                                  RapportSection   *section);
void             rapport_lesson_add_takeaway     (RapportLesson    *self,
                                                  RapportInline    *takeaway);

RapportChoice   *rapport_choice_new              (RapportInline    *text,
                                                  RapportInline    *feedback,
                                                  gboolean          correct,
                                                  guint             score);
RapportQuestion *rapport_question_new            (RapportQuestionType type,
                                                  const char       *key,
                                                  gboolean          fixed_order);
void             rapport_question_set_prompt     (RapportQuestion  *self,
                                                  RapportInline    *prompt);
void             rapport_question_set_explanation (RapportQuestion *self,
                                                  RapportInline    *explanation);
void             rapport_question_add_choice     (RapportQuestion  *self,
                                                  RapportChoice    *choice);
void             rapport_question_add_step       (RapportQuestion  *self,
                                                  RapportInline    *step);
void             rapport_question_set_truefalse  (RapportQuestion  *self,
                                                  gboolean          answer,
                                                  RapportInline    *feedback_true,
                                                  RapportInline    *feedback_false);
void             rapport_question_set_dialogue   (RapportQuestion  *self,
                                                  RapportDialogue  *dialogue);
guint            rapport_question_add_pair       (RapportQuestion  *self,
                                                  RapportInline    *left,
                                                  const char       *right);
gboolean         rapport_question_add_option     (RapportQuestion  *self,
                                                  const char       *right);
void             rapport_question_add_accept     (RapportQuestion  *self,
                                                  RapportAccept    *accept);
void             rapport_question_set_typed      (RapportQuestion  *self,
                                                  gboolean          case_sensitive,
                                                  RapportInline    *feedback_other);

RapportAccept   *rapport_accept_new_text         (const char       *text,
                                                  gboolean          case_sensitive,
                                                  RapportInline    *feedback);
RapportAccept   *rapport_accept_new_number       (double            value,
                                                  double            tolerance,
                                                  RapportInline    *feedback);
gboolean         rapport_accept_is_empty         (const RapportAccept *self);
gboolean         rapport_accept_matches_anything (const RapportAccept *self);

RapportQuiz     *rapport_quiz_new                (guint             pass_mark,
                                                  guint             draw);
void             rapport_quiz_add_question       (RapportQuiz      *self,
                                                  RapportQuestion  *question);

RapportTopic    *rapport_topic_new               (const char       *key,
                                                  const char       *skill,
                                                  const char       *icon_name,
                                                  const char       *language,
                                                  const char       *title,
                                                  const char       *summary);
void             rapport_topic_set_source        (RapportTopic     *self,
                                                  const char       *source_path,
                                                  const char       *pack_id);
void             rapport_topic_set_pack_title    (RapportTopic     *self,
                                                  const char       *pack_title);
void             rapport_topic_add_lesson        (RapportTopic     *self,
                                                  RapportLesson    *lesson);
void             rapport_topic_set_quiz          (RapportTopic     *self,
                                                  RapportQuiz      *quiz);
void             rapport_topic_add_prompt        (RapportTopic     *self,
                                                  RapportInline    *prompt);
void             rapport_topic_set_rubric_level  (RapportTopic     *self,
                                                  guint             level,
                                                  RapportInline    *text);

G_END_DECLS
