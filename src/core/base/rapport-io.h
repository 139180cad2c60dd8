/* rapport-io.h: reading files that may come from anyone.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *rapport_read_file_capped (const char  *path,
                                  gsize        max_size,
                                  GError     **error);
void    rapport_libxml_init      (void);

G_END_DECLS
