/* rapport-bank-import.h: a question bank made into topics of a lesson pack
 * folder, whole or not at all: what `rapport-pack import` does, and what
 * the app does with a bank dropped on its Packs view.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-bank.h"
#include "rapport-bank-writer.h"
#include "rapport-pack-install.h"
#include "rapport-pack-skeleton.h"

G_BEGIN_DECLS

typedef struct
{
  char               *folder;      /* DIR */
  RapportTopicLoader *loader;
  RapportPack        *pack;        /* the pack already in DIR, or NULL for a new one */
  RapportBank        *bank;        /* NULL when the bank could not be read */
  GPtrArray          *topics;      /* (element-type RapportBankTopic) */
  GPtrArray          *media;       /* (element-type RapportBankMedia) (transfer container): to write */
  GPtrArray          *problems;    /* what stops the import, as "file:line: message" */
  char               *language;    /* of the topics */
} RapportBankImport;

RapportBankImport *rapport_bank_import_new              (const char                    *folder,
                                                         RapportTopicLoader            *loader);
RapportBankImport *rapport_bank_import_ref              (RapportBankImport             *self);
void               rapport_bank_import_unref            (RapportBankImport             *self);

gboolean           rapport_bank_import_read             (RapportBankImport             *self,
                                                         const char                    *bank_path,
                                                         const RapportBankWriteOptions *options);
guint              rapport_bank_import_count            (RapportBankImport             *self);
guint              rapport_bank_import_count_type       (RapportBankImport             *self,
                                                         RapportBankType                type);
gboolean           rapport_bank_import_install          (RapportBankImport             *self,
                                                         const RapportPackSkeleton     *skeleton,
                                                         GError                       **error);

char              *rapport_bank_describe_placeholders   (RapportBankPlaceholders        placeholders);
GPtrArray         *rapport_bank_sort_notes              (GPtrArray                     *first,
                                                         GPtrArray                     *second);

/* The app: a bank read in a worker thread into a new pack of the learner's
 * data folder, and installed there (rapport-bank-import-async.c).
 */
gboolean           rapport_bank_path_is_bank            (const char                    *path);
void               rapport_bank_import_open_async       (const char                    *bank_path,
                                                         const char                    *data_dir,
                                                         const char * const            *taken_ids,
                                                         RapportTopicLoader            *loader,
                                                         GCancellable                  *cancellable,
                                                         GAsyncReadyCallback            callback,
                                                         gpointer                       user_data);
RapportBankImport *rapport_bank_import_open_finish      (GAsyncResult                  *result,
                                                         char                         **pack_id,
                                                         GError                       **error);
void               rapport_bank_import_install_async    (RapportBankImport             *self,
                                                         const char                    *data_dir,
                                                         const RapportPackSkeleton     *skeleton,
                                                         RapportStore                  *store,
                                                         GAsyncReadyCallback            callback,
                                                         gpointer                       user_data);
RapportPackInstallResult *rapport_bank_import_install_finish (GAsyncResult             *result,
                                                              GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportBankImport, rapport_bank_import_unref)

G_END_DECLS
