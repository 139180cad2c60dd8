/* rapport-journal-item.h: one journal entry as an item of the journal's list
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_JOURNAL_ITEM (rapport_journal_item_get_type ())

G_DECLARE_FINAL_TYPE (RapportJournalItem, rapport_journal_item, RAPPORT, JOURNAL_ITEM, GObject)

RapportJournalItem      *rapport_journal_item_new       (RapportStoreEntry  *entry);
const RapportStoreEntry *rapport_journal_item_get_entry (RapportJournalItem *self);

G_END_DECLS
