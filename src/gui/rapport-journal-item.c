/* rapport-journal-item.c: one journal entry as an item of the journal's list
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-journal-item.h"

struct _RapportJournalItem
{
  GObject parent_instance;

  /* owned */
  RapportStoreEntry *entry;
};

G_DEFINE_FINAL_TYPE (RapportJournalItem, rapport_journal_item, G_TYPE_OBJECT)

/**
 * rapport_journal_item_new:
 * @entry: (transfer full): the entry, as the list shows it
 */
RapportJournalItem *
rapport_journal_item_new (RapportStoreEntry *entry)
{
  RapportJournalItem *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_JOURNAL_ITEM, NULL);
  self->entry = entry;

  return self;
}

const RapportStoreEntry *
rapport_journal_item_get_entry (RapportJournalItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_JOURNAL_ITEM (self), NULL);

  return self->entry;
}

static void
rapport_journal_item_finalize (GObject *object)
{
  RapportJournalItem *self = RAPPORT_JOURNAL_ITEM (object);

  g_clear_pointer (&self->entry, rapport_store_entry_free);

  G_OBJECT_CLASS (rapport_journal_item_parent_class)->finalize (object);
}

static void
rapport_journal_item_class_init (RapportJournalItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_journal_item_finalize;
}

static void
rapport_journal_item_init (RapportJournalItem *self)
{
}
