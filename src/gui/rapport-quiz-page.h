/* rapport-quiz-page.h
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-catalog.h"
#include "rapport-quiz-session.h"
#include "rapport-review-session.h"
#include "rapport-store.h"
#include "rapport-topic.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_QUIZ_PAGE (rapport_quiz_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportQuizPage, rapport_quiz_page, RAPPORT, QUIZ_PAGE, GtkWidget)

void                rapport_quiz_page_set_store      (RapportQuizPage      *self,
                                                      RapportStore         *store);
void                rapport_quiz_page_start_quiz     (RapportQuizPage      *self,
                                                      RapportTopic         *topic,
                                                      guint32               seed);
void                rapport_quiz_page_start_review   (RapportQuizPage      *self,
                                                      RapportReviewSession *review);
RapportQuizSession *rapport_quiz_page_get_session    (RapportQuizPage      *self);
gboolean            rapport_quiz_page_is_in_progress (RapportQuizPage      *self);
void                rapport_quiz_page_abandon        (RapportQuizPage      *self);
RapportTopic       *rapport_quiz_page_find_next      (RapportQuizPage      *self,
                                                      RapportCatalog       *catalog,
                                                      guint                *lesson);

G_END_DECLS
