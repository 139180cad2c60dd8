/* rapport-topic-page.h
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"
#include "rapport-topic.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_TOPIC_PAGE (rapport_topic_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportTopicPage, rapport_topic_page, RAPPORT, TOPIC_PAGE, AdwBin)

void          rapport_topic_page_set_store (RapportTopicPage *self,
                                            RapportStore     *store);
void          rapport_topic_page_set_topic (RapportTopicPage *self,
                                            RapportTopic     *topic);
RapportTopic *rapport_topic_page_get_topic (RapportTopicPage *self);
void          rapport_topic_page_refresh   (RapportTopicPage *self);

G_END_DECLS
