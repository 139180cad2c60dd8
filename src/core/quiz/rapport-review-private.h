/* rapport-review-private.h: shared by the review queue and review sessions.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-review.h"

G_BEGIN_DECLS

RapportQuestion *rapport_review_resolve         (RapportTopicLookupFunc        lookup,
                                                 gpointer                      user_data,
                                                 const char                   *pack_id,
                                                 const char                   *topic_key,
                                                 const char                   *question_key,
                                                 RapportTopic                **topic);
char            *rapport_review_item_key        (const char                   *pack_id,
                                                 const char                   *topic_key,
                                                 const char                   *question_key);
void             rapport_review_boxes_add       (GHashTable                   *boxes,
                                                 const RapportStoreReviewItem *item);
gboolean         rapport_review_record_session  (RapportStore                 *store,
                                                 RapportQuizSession           *session,
                                                 GDateTime                    *now,
                                                 GTimeZone                    *tz,
                                                 GError                      **error);

G_END_DECLS
