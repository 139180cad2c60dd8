/* rapport-pack-summary.h: the page that shows a pack before it is
 * installed: what it holds, what installing it would do, or its problems
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-broken-pack.h"
#include "rapport-pack-install.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PACK_SUMMARY (rapport_pack_summary_get_type ())

G_DECLARE_FINAL_TYPE (RapportPackSummary, rapport_pack_summary, RAPPORT, PACK_SUMMARY, GtkWidget)

void rapport_pack_summary_clear        (RapportPackSummary     *self);
void rapport_pack_summary_show_pack    (RapportPackSummary     *self,
                                        RapportPack            *pack,
                                        GPtrArray              *problems,
                                        RapportPackInstallKind  install_kind,
                                        const char             *installed_version);
void rapport_pack_summary_show_invalid (RapportPackSummary     *self,
                                        GFile                  *file,
                                        GPtrArray              *problems,
                                        const GError           *error);
void rapport_pack_summary_show_broken  (RapportPackSummary     *self,
                                        RapportBrokenPack      *broken,
                                        const char             *title);

G_END_DECLS
