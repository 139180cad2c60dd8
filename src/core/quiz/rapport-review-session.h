/* rapport-review-session.h: a session of the questions due for review.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-quiz-session.h"
#include "rapport-review.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* The questions due by the end of today, from every topic, asked through a
 * RapportQuizSession (shuffled by the seed like any quiz) and scored the same
 * way.  Saving applies each answer to the review queue; a review is never
 * stored as a quiz attempt.
 */
#define RAPPORT_TYPE_REVIEW_SESSION (rapport_review_session_get_type ())

G_DECLARE_FINAL_TYPE (RapportReviewSession, rapport_review_session,
                      RAPPORT, REVIEW_SESSION, GObject)

RapportReviewSession *rapport_review_session_new              (RapportStore           *store,
                                                               RapportTopicLookupFunc  lookup,
                                                               gpointer                user_data,
                                                               GDateTime              *now,
                                                               GTimeZone              *tz,
                                                               guint                   limit,
                                                               guint32                 seed,
                                                               GError                **error);
RapportQuizSession   *rapport_review_session_get_quiz_session (RapportReviewSession   *self);
guint                 rapport_review_session_get_n_questions  (RapportReviewSession   *self);
guint                 rapport_review_session_get_box          (RapportReviewSession   *self,
                                                               guint                   position);
gboolean              rapport_review_session_save             (RapportReviewSession   *self,
                                                               RapportStore           *store,
                                                               GDateTime              *now,
                                                               GTimeZone              *tz,
                                                               GError                **error);

G_END_DECLS
