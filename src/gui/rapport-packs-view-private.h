/* rapport-packs-view-private.h: what the Packs view's files share
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-bank-page.h"
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
  RapportBankPage        *bank_page;

  /* owned */
  RapportStore           *store;       /* NULL when it could not be opened */
  RapportCatalog         *catalog;
  RapportTopicLoader     *loader;
  GListModel             *rows;        /* installed packs, then broken ones */
  GListStore             *missing;     /* recorded in the store, folder gone */
  RapportPack            *pending;     /* shown on the summary page */
  GtkFileChooserNative   *chooser;
  GCancellable           *cancellable; /* reading a pack or a bank */
  RapportBankImport      *bank_import; /* shown on the bank page */
  GFile                  *bank_file;
  char                   *bank_pack_id;

  /* state */
  gboolean                installing;  /* a pack, or one from a bank */
  guint                   missing_id;
};

/* rapport-packs-view.c */
typedef struct _RapportPacksViewRequest RapportPacksViewRequest;
typedef struct _RapportPacksViewInstall RapportPacksViewInstall;

void       rapport_packs_view_show_toast            (RapportPacksView *self,
                                                     AdwToast         *toast);
void       rapport_packs_view_emit_catalog_changed  (RapportPacksView *self);
void       rapport_packs_view_close_summary         (RapportPacksView *self);
void       rapport_packs_view_cancel_work           (RapportPacksView *self);
void       rapport_packs_view_reset_pages           (RapportPacksView *self);
void       rapport_packs_view_show_working          (RapportPacksView *self,
                                                     const char       *title,
                                                     const char       *description);
RapportPacksViewRequest *
           rapport_packs_view_request_new           (RapportPacksView *self,
                                                     GFile            *file);
RapportPacksView *
           rapport_packs_view_request_steal         (RapportPacksViewRequest  *request,
                                                     GFile                   **file);
AdwToast  *rapport_packs_view_create_installed_toast (const char      *text,
                                                      const char      *pack_id,
                                                      const char      *first_topic,
                                                      guint            n_topics);
RapportPacksViewInstall *
           rapport_packs_view_begin_install         (RapportPacksView *self,
                                                     const char       *working,
                                                     const char       *title);
RapportPacksView *
           rapport_packs_view_end_install           (RapportPacksViewInstall *install,
                                                     const GError            *error,
                                                     const char              *page,
                                                     const char              *error_title);

/* rapport-packs-view-bank.c: a question bank read, shown on the bank page
 * and made into a new pack.
 */
void       rapport_packs_view_init_bank             (RapportPacksView *self);
void       rapport_packs_view_open_bank             (RapportPacksView *self,
                                                     GFile            *file);
void       rapport_packs_view_clear_bank            (RapportPacksView *self);

/* rapport-packs-view-import.c: the actions packs.import and
 * packs.import-bank, which ask for a file.
 */
void       rapport_packs_view_import_action         (GtkWidget        *widget,
                                                     const char       *action_name,
                                                     GVariant         *parameter);

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
