/* rapport-bank-page.h: a question bank read for a new pack, with the same
 * report `rapport-pack import` prints, before the pack is created
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-bank-import.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_BANK_PAGE (rapport_bank_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportBankPage, rapport_bank_page, RAPPORT, BANK_PAGE, GtkWidget)

void  rapport_bank_page_clear          (RapportBankPage   *self);
void  rapport_bank_page_show_import    (RapportBankPage   *self,
                                        GFile             *file,
                                        RapportBankImport *import,
                                        const char        *pack_id);
char *rapport_bank_page_dup_pack_title (RapportBankPage   *self);

G_END_DECLS
