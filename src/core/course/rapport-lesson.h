/* rapport-lesson.h: one lesson of a topic.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rapport-block.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_LESSON (rapport_lesson_get_type ())

G_DECLARE_FINAL_TYPE (RapportLesson, rapport_lesson, RAPPORT, LESSON, GObject)

const char     *rapport_lesson_get_key         (RapportLesson *self);
const char     *rapport_lesson_get_title       (RapportLesson *self);
guint           rapport_lesson_get_minutes     (RapportLesson *self);
guint           rapport_lesson_get_word_count  (RapportLesson *self);
guint           rapport_lesson_get_n_sections  (RapportLesson *self);
RapportSection *rapport_lesson_get_section     (RapportLesson *self,
                                                guint          position);
guint           rapport_lesson_get_n_takeaways (RapportLesson *self);
RapportInline  *rapport_lesson_get_takeaway    (RapportLesson *self,
                                                guint          position);

G_END_DECLS
