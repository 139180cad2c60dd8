/* rapport-journal-editor-private.h: what the journal editor's two files share
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-journal-editor.h"

G_BEGIN_DECLS

struct _RapportJournalEditor
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkScrolledWindow   *scroller;
  GtkLabel            *heading_label;
  GtkLabel            *draft_label;
  GtkLabel            *draft_error_label;
  AdwEntryRow         *title_row;
  AdwEntryRow         *when_row;
  AdwEntryRow         *tags_row;
  GtkTextView         *situation_view;
  GtkTextView         *went_well_view;
  GtkTextView         *try_next_view;
  GtkLabel            *prompt_label;
  AdwPreferencesGroup *skills_group;
  GtkButton           *delete_button;

  /* owned */
  RapportStore        *store;
  RapportCatalog      *catalog;
  char                *uuid;
  GDateTime           *created;      /* NULL for a new entry */
  GPtrArray           *skill_rows;   /* AdwActionRow per skill, in skill order */
  char                *last_prompt;
  guint                draft_id;

  /* borrowed */
  GtkTextView         *last_text_view;

  /* state */
  gboolean             editing;
  gboolean             loading;      /* filling the fields: not a user change */
  gboolean             changed;      /* a user change the stored draft lacks */
};

/* rapport-journal-editor.c: the fields and the focus. */
char *rapport_journal_editor_get_view_text    (GtkTextView          *view);
void  rapport_journal_editor_set_view_text    (GtkTextView          *view,
                                               const char           *text);
/* The rating of the @skill-th skill, 0 when it is not rated. */
int   rapport_journal_editor_get_rating       (RapportJournalEditor *self,
                                               guint                 skill);
void  rapport_journal_editor_focus_title      (RapportJournalEditor *self);

/* rapport-journal-editor-draft.c: a user change is written as the draft
 * once typing pauses (rapport_journal_editor_flush_draft() at once).
 */
void  rapport_journal_editor_schedule_draft   (RapportJournalEditor *self);

G_END_DECLS
