/* rapport-keys.h: the rules for keys, ids, versions and language codes.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RAPPORT_KEY_MAX_LENGTH 64

gboolean rapport_key_is_valid      (const char *key);
gboolean rapport_pack_id_is_valid  (const char *id);
gboolean rapport_language_is_valid (const char *language);
gboolean rapport_version_is_valid  (const char *version);
int      rapport_version_compare   (const char *a,
                                    const char *b);
gboolean rapport_pack_path_is_safe (const char *path);
gboolean rapport_media_path_is_valid (const char *path);

G_END_DECLS
