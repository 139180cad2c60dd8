/* rapport-pack-import.h: checking and installing a pack off the main thread
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-pack-install.h"

G_BEGIN_DECLS

void                      rapport_pack_open_async     (const char               *path,
                                                       const char               *data_dir,
                                                       RapportTopicLoader       *loader,
                                                       GCancellable             *cancellable,
                                                       GAsyncReadyCallback       callback,
                                                       gpointer                  user_data);
RapportPack              *rapport_pack_open_finish    (GAsyncResult             *result,
                                                       GPtrArray                *problems,
                                                       RapportPackInstallKind   *kind,
                                                       char                    **installed_version,
                                                       GError                  **error);
void                      rapport_pack_install_async  (RapportPack              *pack,
                                                       const char               *data_dir,
                                                       RapportStore             *store,
                                                       RapportPackInstallFlags   flags,
                                                       GAsyncReadyCallback       callback,
                                                       gpointer                  user_data);
RapportPackInstallResult *rapport_pack_install_finish (GAsyncResult             *result,
                                                       GError                  **error);

G_END_DECLS
