/* rapport-paths.h
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *rapport_paths_get_data_dir    (void);
char *rapport_paths_ensure_data_dir (GError **error);
gboolean rapport_paths_ensure_private_dir (const char  *path,
                                           GError     **error);

G_END_DECLS
