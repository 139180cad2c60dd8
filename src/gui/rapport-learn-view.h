/* rapport-learn-view.h
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-catalog.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_LEARN_VIEW (rapport_learn_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportLearnView, rapport_learn_view, RAPPORT, LEARN_VIEW, GtkWidget)

void        rapport_learn_view_setup        (RapportLearnView *self,
                                             RapportStore     *store,
                                             RapportCatalog   *catalog,
                                             GSettings        *settings);
gboolean    rapport_learn_view_get_can_go_back (RapportLearnView *self);
void        rapport_learn_view_go_back      (RapportLearnView *self);
void        rapport_learn_view_open_topic   (RapportLearnView *self,
                                             RapportTopic     *topic);
void        rapport_learn_view_open_lesson  (RapportLearnView *self,
                                             RapportTopic     *topic,
                                             guint             position);
const char *rapport_learn_view_get_page     (RapportLearnView *self);
void        rapport_learn_view_refresh      (RapportLearnView *self);
void        rapport_learn_view_start_quiz   (RapportLearnView *self,
                                             RapportTopic     *topic,
                                             guint32           seed);
gboolean    rapport_learn_view_start_review (RapportLearnView *self,
                                             guint32           seed);

G_END_DECLS
