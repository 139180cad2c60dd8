/* rapport-lesson-view.h
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-catalog.h"
#include "rapport-store.h"
#include "rapport-topic.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_LESSON_VIEW (rapport_lesson_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportLessonView, rapport_lesson_view, RAPPORT, LESSON_VIEW, GtkWidget)

void           rapport_lesson_view_set_catalog  (RapportLessonView *self,
                                                 RapportCatalog    *catalog);
void           rapport_lesson_view_set_store    (RapportLessonView *self,
                                                 RapportStore      *store);
void           rapport_lesson_view_set_settings (RapportLessonView *self,
                                                 GSettings         *settings);
void           rapport_lesson_view_show_lesson  (RapportLessonView *self,
                                                 RapportTopic      *topic,
                                                 guint              position);
void           rapport_lesson_view_leave        (RapportLessonView *self);
RapportTopic  *rapport_lesson_view_get_topic    (RapportLessonView *self);
RapportLesson *rapport_lesson_view_get_lesson   (RapportLessonView *self);
double         rapport_lesson_view_get_zoom     (RapportLessonView *self);

G_END_DECLS
