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
  GtkFlowBox           *filter_box;
  GtkBox               *tag_box;
  GtkDropDown          *tag_dropdown;
  GtkButton            *clear_tag_button;
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
  GStrv                 tags;      /* the tag drop-down's choices after "Any tag" */

  /* borrowed */
  AdwToast             *undo_toast;  /* weak: the last "deleted" message */

  /* state */
  guint                 n_loaded;
  gboolean              more;
  gboolean              updating_tags;  /* filters set in code: one reload after */
  gint64                undo_raised_at; /* monotonic time undo_toast was raised */
  guint                 undo_dismiss_id;
};

/* rapport-journal-view.c: the list again with the filters as they are,
 * without reading the tags again (rapport_journal_view_reload() does).
 */
void     rapport_journal_view_refilter           (RapportJournalView       *self);

/* rapport-journal-view-filters.c: the search and the drop-downs. */
void     rapport_journal_view_class_init_filters (GtkWidgetClass           *widget_class);
void     rapport_journal_view_init_filters       (RapportJournalView       *self);
void     rapport_journal_view_build_query        (RapportJournalView       *self,
                                                  RapportStoreJournalQuery *query,
                                                  GDateTime               **from);
gboolean rapport_journal_view_filters_active     (RapportJournalView       *self);
/* The tags in the store, in the tag drop-down. */
void     rapport_journal_view_update_tags        (RapportJournalView       *self);

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
