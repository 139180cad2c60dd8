/* rapport-topic.h: one training topic, as loaded from a topic file.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-inline.h"
#include "rapport-lesson.h"
#include "rapport-quiz.h"

G_BEGIN_DECLS

#define RAPPORT_RUBRIC_LEVELS 5

#define RAPPORT_TYPE_TOPIC (rapport_topic_get_type ())

G_DECLARE_FINAL_TYPE (RapportTopic, rapport_topic, RAPPORT, TOPIC, GObject)

const char    *rapport_topic_get_key           (RapportTopic *self);
const char    *rapport_topic_get_skill         (RapportTopic *self);
const char    *rapport_topic_get_icon_name     (RapportTopic *self);
const char    *rapport_topic_get_language      (RapportTopic *self);
const char    *rapport_topic_get_title         (RapportTopic *self);
const char    *rapport_topic_get_summary       (RapportTopic *self);
const char    *rapport_topic_get_source_path   (RapportTopic *self);
const char    *rapport_topic_get_pack_id       (RapportTopic *self);
const char    *rapport_topic_get_pack_title    (RapportTopic *self);
gboolean       rapport_topic_is_core           (RapportTopic *self);
const char    *rapport_topic_get_display_title (RapportTopic *self);
GListModel    *rapport_topic_get_lessons       (RapportTopic *self);
guint          rapport_topic_get_n_lessons     (RapportTopic *self);
RapportQuiz   *rapport_topic_get_quiz          (RapportTopic *self);
guint          rapport_topic_get_n_prompts     (RapportTopic *self);
RapportInline *rapport_topic_get_prompt        (RapportTopic *self,
                                                guint         position);
RapportInline *rapport_topic_get_rubric_level  (RapportTopic *self,
                                                guint         level);
guint          rapport_topic_get_word_count    (RapportTopic *self);
guint          rapport_topic_get_minutes       (RapportTopic *self);

G_END_DECLS
