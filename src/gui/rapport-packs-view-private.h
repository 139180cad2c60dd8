/* rapport-packs-view-private.h: what the Packs view's files share
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-pack-summary.h"
#include "rapport-packs-view.h"

G_BEGIN_DECLS

struct _RapportPacksView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkStack               *stack;
  GtkListBox             *packs_list;
  RapportPackSummary     *summary;
  AdwStatusPage          *working_page;

  /* owned */
  RapportStore           *store;       /* NULL when it could not be opened */
  RapportCatalog         *catalog;
  RapportTopicLoader     *loader;
  GListModel             *rows;        /* installed packs, then broken ones */
  GListStore             *missing;     /* recorded in the store, folder gone */
  RapportPack            *pending;     /* shown on the summary page */
  GtkFileChooserNative   *chooser;
  GCancellable           *cancellable; /* reading or installing a pack */

  /* state */
  gboolean                installing;
  guint                   missing_id;
};

/* rapport-packs-view.c */
void       rapport_packs_view_show_toast            (RapportPacksView *self,
                                                     AdwToast         *toast);
void       rapport_packs_view_emit_catalog_changed  (RapportPacksView *self);
void       rapport_packs_view_close_summary         (RapportPacksView *self);

/* rapport-packs-view-remove.c: removing an installed or damaged pack,
 * after asking whether to keep the learner's progress in it.
 */
GtkWidget *rapport_packs_view_create_remove_button  (RapportPacksView *self,
                                                     const char       *pack_id,
                                                     const char       *title);
void       rapport_packs_view_ask_remove            (RapportPacksView *self,
                                                     const char       *pack_id,
                                                     const char       *title);
char      *rapport_packs_view_lookup_recorded_title (RapportPacksView *self,
                                                     const char       *pack_id);

G_END_DECLS
