/* rapport-packs-view.h: the lesson packs a learner installed, and importing
 * new ones, from pack files or from question banks
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-catalog.h"
#include "rapport-store.h"
#include "rapport-topic-loader.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PACKS_VIEW (rapport_packs_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportPacksView, rapport_packs_view, RAPPORT, PACKS_VIEW, GtkWidget)

void     rapport_packs_view_setup           (RapportPacksView   *self,
                                             RapportStore       *store,
                                             RapportCatalog     *catalog,
                                             RapportTopicLoader *loader);
gboolean rapport_packs_view_can_open        (const char         *name);
void     rapport_packs_view_open_file       (RapportPacksView   *self,
                                             GFile              *file);
gboolean rapport_packs_view_get_busy        (RapportPacksView   *self);
gboolean rapport_packs_view_get_can_go_back (RapportPacksView   *self);
void     rapport_packs_view_go_back         (RapportPacksView   *self);

G_END_DECLS
