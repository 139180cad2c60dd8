/* rapport-journal-view.h
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-catalog.h"
#include "rapport-journal-editor.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_JOURNAL_VIEW (rapport_journal_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportJournalView, rapport_journal_view, RAPPORT, JOURNAL_VIEW, GtkWidget)

void                  rapport_journal_view_setup           (RapportJournalView *self,
                                                            RapportStore       *store,
                                                            RapportCatalog     *catalog);
void                  rapport_journal_view_new_entry       (RapportJournalView *self);
void                  rapport_journal_view_open_entry      (RapportJournalView *self,
                                                            const char         *uuid);
gboolean              rapport_journal_view_get_can_go_back (RapportJournalView *self);
void                  rapport_journal_view_go_back         (RapportJournalView *self);
void                  rapport_journal_view_set_skill_filter (RapportJournalView *self,
                                                             const char         *skill_key);
void                  rapport_journal_view_set_tag_filter  (RapportJournalView *self,
                                                            const char         *tag);
const char           *rapport_journal_view_get_tag_filter  (RapportJournalView *self);
void                  rapport_journal_view_reload          (RapportJournalView *self);
/* The message whose Undo brings back the entry deleted last, while it is
 * shown; NULL once dismissed.
 */
AdwToast             *rapport_journal_view_get_undo_toast  (RapportJournalView *self);
void                  rapport_journal_view_flush_draft     (RapportJournalView *self);
RapportJournalEditor *rapport_journal_view_get_editor      (RapportJournalView *self);
guint                 rapport_journal_view_get_n_shown     (RapportJournalView *self);
gboolean              rapport_journal_view_export_to       (RapportJournalView *self,
                                                            const char         *format,
                                                            GFile              *file);
gboolean              rapport_journal_view_import_from     (RapportJournalView *self,
                                                            GFile              *file);

G_END_DECLS
