/* rapport-broken-pack.h: an installed pack that could not be loaded.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_BROKEN_PACK (rapport_broken_pack_get_type ())

G_DECLARE_FINAL_TYPE (RapportBrokenPack, rapport_broken_pack, RAPPORT, BROKEN_PACK, GObject)

RapportBrokenPack *rapport_broken_pack_new          (const char        *folder,
                                                     GPtrArray         *problems);
const char        *rapport_broken_pack_get_id       (RapportBrokenPack *self);
const char        *rapport_broken_pack_get_folder   (RapportBrokenPack *self);
GPtrArray         *rapport_broken_pack_get_problems (RapportBrokenPack *self);

G_END_DECLS
