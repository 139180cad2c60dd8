/* rapport-error-dialog.h
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void rapport_show_error (GtkWidget    *widget,
                         const char   *heading,
                         const GError *error);

G_END_DECLS
