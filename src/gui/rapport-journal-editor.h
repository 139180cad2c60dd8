/* rapport-journal-editor.h
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-catalog.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_JOURNAL_EDITOR (rapport_journal_editor_get_type ())

G_DECLARE_FINAL_TYPE (RapportJournalEditor, rapport_journal_editor, RAPPORT, JOURNAL_EDITOR, GtkWidget)

void        rapport_journal_editor_setup       (RapportJournalEditor    *self,
                                                RapportStore            *store,
                                                RapportCatalog          *catalog);
void        rapport_journal_editor_new_entry   (RapportJournalEditor    *self);
/* An entry to read, with Edit and Delete. */
void        rapport_journal_editor_show        (RapportJournalEditor    *self,
                                                const RapportStoreEntry *entry);
/* An entry's fields, the cursor at the end of its title, nothing selected. */
void        rapport_journal_editor_edit        (RapportJournalEditor    *self,
                                                const RapportStoreEntry *entry);
gboolean    rapport_journal_editor_get_reading (RapportJournalEditor    *self);
/* Back from fields opened with Edit to the read page, keeping a draft of
 * what changed.  Returns: FALSE when the fields were not opened from there
 */
gboolean    rapport_journal_editor_back_to_reading (RapportJournalEditor *self);
gboolean    rapport_journal_editor_restore_draft (RapportJournalEditor  *self);
void        rapport_journal_editor_flush_draft (RapportJournalEditor    *self);
void        rapport_journal_editor_discard     (RapportJournalEditor    *self);
void        rapport_journal_editor_set_rating  (RapportJournalEditor    *self,
                                                const char              *skill_key,
                                                int                      rating);
const char *rapport_journal_editor_get_uuid    (RapportJournalEditor    *self);

G_END_DECLS
