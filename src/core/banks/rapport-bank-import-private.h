/* rapport-bank-import-private.h: what the files of the bank import share
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-bank-import.h"

G_BEGIN_DECLS

/* The pictures' names DIR has already (rapport-bank-import-files.c). */
GHashTable *rapport_bank_import_taken_media (const char *folder);

G_END_DECLS
