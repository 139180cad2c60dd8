/* rapport-pack-row.h: the rows of the Packs view's list: installed packs,
 * and damaged ones
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-broken-pack.h"
#include "rapport-pack.h"
#include "rapport-problem.h"

G_BEGIN_DECLS

char      *rapport_pack_row_describe_version (RapportPack          *pack);
char      *rapport_pack_row_problem_file     (const RapportProblem *problem,
                                              const char           *folder);
char      *rapport_pack_row_describe_problem (const RapportProblem *problem,
                                              const char           *folder);
GtkWidget *rapport_pack_row_new              (RapportPack          *pack,
                                              GtkWidget            *remove_button);
GtkWidget *rapport_pack_row_new_broken       (RapportBrokenPack    *broken,
                                              const char           *title,
                                              GtkWidget            *remove_button);

G_END_DECLS
