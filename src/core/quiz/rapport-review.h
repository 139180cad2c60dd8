/* rapport-review.h: the review queue of missed questions (Leitner boxes).
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-quiz-session.h"
#include "rapport-store.h"
#include "rapport-topic.h"

G_BEGIN_DECLS

/* A question that was not answered with full marks in a finished quiz goes
 * into box 1.  A question in box b is due at the start of the local day
 * rapport_review_get_interval (b) days after it entered the box: 1, 3, 7, 14
 * and 30 days for boxes 1 to 5.  A success (full marks, in a review or in a
 * normal quiz) moves it to the next box; a success in the last box takes it
 * out of the queue.  A miss puts it back into box 1, due tomorrow.
 *
 * Days are calendar days in the learner's time zone, so "tomorrow" starts at
 * the next local midnight whatever the time of the answer.  Where a time zone
 * or time is NULL, the local zone or the current time is used.
 */
#define RAPPORT_REVIEW_N_BOXES 5

/* Finds a topic by its pack and key; NULL when it is not installed (any
 * longer).  The topic is borrowed: the lookup's owner keeps it alive.  It has
 * the shape of a catalog's lookup, rapport_catalog_lookup_topic (catalog,
 * pack_id, topic_key), with the catalog passed as @user_data.
 */
typedef RapportTopic *(*RapportTopicLookupFunc) (gpointer    user_data,
                                                 const char *pack_id,
                                                 const char *topic_key);

/* The schedule (pure functions) */
guint      rapport_review_get_interval    (guint                   box);
guint      rapport_review_next_box        (guint                   box,
                                           gboolean                success);
GDateTime *rapport_review_get_day_start   (GDateTime              *now,
                                           GTimeZone              *tz,
                                           guint                   days_ahead);
GDateTime *rapport_review_get_due         (guint                   box,
                                           GDateTime              *now,
                                           GTimeZone              *tz);
guint      rapport_review_days_until      (GDateTime              *due,
                                           GDateTime              *now,
                                           GTimeZone              *tz);

/* Applying results to the store */
gboolean   rapport_review_record          (RapportStore           *store,
                                           const char             *pack_id,
                                           const char             *topic_key,
                                           const char             *question_key,
                                           gboolean                success,
                                           GDateTime              *now,
                                           GTimeZone              *tz,
                                           GError                **error);
gboolean   rapport_review_record_quiz     (RapportStore           *store,
                                           RapportQuizSession     *session,
                                           GDateTime              *now,
                                           GTimeZone              *tz,
                                           GError                **error);

gboolean   rapport_review_get_session_due (RapportStore           *store,
                                           RapportQuizSession     *session,
                                           GDateTime             **missed_due,
                                           GDateTime             **next_due,
                                           GError                **error);

/* What is due */
GPtrArray *rapport_review_list_due_today  (RapportStore           *store,
                                           GDateTime              *now,
                                           GTimeZone              *tz,
                                           RapportTopicLookupFunc  lookup,
                                           gpointer                user_data,
                                           GError                **error);
gboolean   rapport_review_count_due_today (RapportStore           *store,
                                           GDateTime              *now,
                                           GTimeZone              *tz,
                                           RapportTopicLookupFunc  lookup,
                                           gpointer                user_data,
                                           guint                  *n_due,
                                           GError                **error);

G_END_DECLS
