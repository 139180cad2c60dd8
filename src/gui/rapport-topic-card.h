/* rapport-topic-card.h: a topic's card on the Learn view, and the line that
 * says where a topic came from
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-store.h"
#include "rapport-topic.h"

G_BEGIN_DECLS

char         *rapport_topic_describe_origin (RapportTopic *topic);

GtkWidget    *rapport_topic_card_new        (RapportTopic *topic);
RapportTopic *rapport_topic_card_get_topic  (GtkWidget    *card);
void          rapport_topic_card_update     (GtkWidget    *card,
                                             RapportStore *store,
                                             guint        *lessons_done,
                                             guint        *n_lessons);

G_END_DECLS
