/* rapport-pack-install.h: installing, upgrading and removing a learner's packs.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-pack.h"
#include "rapport-store.h"
#include "rapport-topic-loader.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_PACK_INSTALL_DEFAULT     = 0,
  /* Replace an installed pack with an older version: the learner confirmed. */
  RAPPORT_PACK_INSTALL_ALLOW_OLDER = 1 << 0,
} RapportPackInstallFlags;

typedef enum
{
  RAPPORT_PACK_INSTALL_NEW,        /* not installed before */
  RAPPORT_PACK_INSTALL_UPGRADE,    /* replaces an older version (or a damaged copy) */
  RAPPORT_PACK_INSTALL_REINSTALL,  /* replaces the same version */
  RAPPORT_PACK_INSTALL_DOWNGRADE,  /* replaces a newer version */
} RapportPackInstallKind;

typedef struct
{
  RapportPackInstallKind  kind;
  char                   *id;
  char                   *title;
  char                   *version;
  char                   *previous_version;   /* NULL when new or unknown */
  char                   *folder;             /* where the pack is installed now */
} RapportPackInstallResult;

typedef struct _RapportPackInstallation RapportPackInstallation;

char                    *rapport_pack_get_packs_dir          (const char                *data_dir);
RapportPack             *rapport_pack_open                   (const char                *path,
                                                              RapportTopicLoader        *loader,
                                                              GPtrArray                 *problems,
                                                              GError                   **error);
RapportPackInstallKind   rapport_pack_get_install_kind       (RapportPack               *pack,
                                                              const char                *data_dir,
                                                              char                     **installed_version);
gboolean                 rapport_pack_install_pack           (RapportPack               *pack,
                                                              const char                *data_dir,
                                                              RapportStore              *store,
                                                              RapportPackInstallFlags    flags,
                                                              RapportPackInstallResult **result,
                                                              GError                   **error);
RapportPackInstallation *rapport_pack_install_files          (RapportPack               *pack,
                                                              const char                *data_dir,
                                                              RapportPackInstallFlags    flags,
                                                              GError                   **error);
gboolean                 rapport_pack_installation_commit    (RapportPackInstallation   *self,
                                                              RapportStore              *store,
                                                              RapportPackInstallResult **result,
                                                              GError                   **error);
void                     rapport_pack_installation_free      (RapportPackInstallation   *self);
gboolean                 rapport_pack_install                (const char                *path,
                                                              const char                *data_dir,
                                                              RapportStore              *store,
                                                              RapportTopicLoader        *loader,
                                                              RapportPackInstallFlags    flags,
                                                              RapportPackInstallResult **result,
                                                              GPtrArray                 *problems,
                                                              GError                   **error);
gboolean                 rapport_pack_remove                 (const char                *pack_id,
                                                              const char                *data_dir,
                                                              RapportStore              *store,
                                                              gboolean                   keep_progress,
                                                              GError                   **error);
GStrv                    rapport_pack_list_installed_folders (const char                *data_dir);

void                     rapport_pack_install_result_free    (RapportPackInstallResult  *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportPackInstallResult, rapport_pack_install_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportPackInstallation, rapport_pack_installation_free)

G_END_DECLS
