/* rapport-catalog.h: every topic the learner can study, from every pack
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-broken-pack.h"
#include "rapport-pack.h"
#include "rapport-store.h"
#include "rapport-topic.h"
#include "rapport-topic-loader.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CATALOG (rapport_catalog_get_type ())

G_DECLARE_FINAL_TYPE (RapportCatalog, rapport_catalog, RAPPORT, CATALOG, GObject)

RapportCatalog *rapport_catalog_new               (void);
void            rapport_catalog_set_loader        (RapportCatalog       *self,
                                                   RapportTopicLoader   *loader);
void            rapport_catalog_load_async        (RapportCatalog       *self,
                                                   const char * const   *pack_folders,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean        rapport_catalog_load_finish       (RapportCatalog       *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
gboolean        rapport_catalog_load              (RapportCatalog       *self,
                                                   const char * const   *pack_folders,
                                                   GError              **error);
gboolean        rapport_catalog_get_loaded        (RapportCatalog       *self);
GListModel     *rapport_catalog_get_topics        (RapportCatalog       *self);
GListModel     *rapport_catalog_get_packs         (RapportCatalog       *self);
GListModel     *rapport_catalog_get_broken_packs  (RapportCatalog       *self);
GPtrArray      *rapport_catalog_get_problems      (RapportCatalog       *self);
RapportPack    *rapport_catalog_lookup_pack       (RapportCatalog       *self,
                                                   const char           *pack_id);
RapportTopic   *rapport_catalog_lookup_topic      (RapportCatalog       *self,
                                                   const char           *pack_id,
                                                   const char           *topic_key);
GPtrArray      *rapport_catalog_list_missing_packs (RapportCatalog       *self,
                                                    RapportStore         *store,
                                                    const char           *data_dir);

char           *rapport_catalog_find_core_pack    (void);

G_END_DECLS
