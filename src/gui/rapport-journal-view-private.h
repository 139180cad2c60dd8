/* rapport-journal-view-private.h: what the journal view's two files share
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-journal-view.h"

G_BEGIN_DECLS

struct _RapportJournalView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkStack             *stack;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *skill_dropdown;
  GtkDropDown          *range_dropdown;
  GtkStack             *list_stack;
  GtkScrolledWindow    *list_scroller;
  GtkBox               *draft_box;
  GtkListView          *list;
  AdwStatusPage        *no_results_page;

  /* created on first use */
  RapportJournalEditor *editor;

  /* owned */
  RapportStore         *store;
  RapportCatalog       *catalog;
  GListStore           *entries;   /* of RapportJournalItem */
  GtkFileChooserNative *chooser;
  char                 *export_format;
  RapportStoreEntry    *deleted;   /* what the Undo of undo_toast brings back */

  /* borrowed */
  AdwToast             *undo_toast;  /* weak: the last "deleted" message */

  /* state */
  guint                 n_loaded;
  gboolean              more;
};

/* rapport-journal-view.c: a message for the window to show (rapport-toast.h). */
void rapport_journal_view_add_toast     (RapportJournalView *self,
                                         AdwToast           *toast);

/* rapport-journal-view-export.c: "journal.export", with the format, and
 * "journal.import": ask for a file, then rapport_journal_view_export_to()
 * or rapport_journal_view_import_from().
 */
void rapport_journal_view_export_action (GtkWidget          *widget,
                                         const char         *action_name,
                                         GVariant           *parameter);
void rapport_journal_view_import_action (GtkWidget          *widget,
                                         const char         *action_name,
                                         GVariant           *parameter);

G_END_DECLS
