/* rapport-journal-editor-private.h: what the journal editor's files share
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
  GtkBox              *content_box;     /* the bar and the page */
  GtkStack            *mode_stack;      /* "edit" or "read" */
  GtkScrolledWindow   *scroller;
  GtkScrolledWindow   *reader_scroller;
  GtkLabel            *heading_label;
  GtkButton           *delete_button;
  GtkButton           *edit_button;
  GtkButton           *save_button;
  GtkLabel            *draft_label;
  GtkLabel            *draft_error_label;
  AdwEntryRow         *title_row;
  AdwEntryRow         *when_row;
  GtkMenuButton       *when_button;
  GtkPopover          *when_popover;
  GtkCalendar         *when_calendar;
  GtkSpinButton       *when_hour;
  GtkSpinButton       *when_minute;
  GtkLabel            *when_error_label;
  AdwEntryRow         *tags_row;
  GtkTextView         *situation_view;
  GtkTextView         *went_well_view;
  GtkTextView         *try_next_view;
  AdwPreferencesGroup *prompts_group;
  AdwPreferencesGroup *skills_group;
  GtkLabel            *reader_title_label;
  GtkLabel            *reader_date_label;
  GtkFlowBox          *reader_tags_box;
  GtkBox              *reader_sections_box;
  AdwPreferencesGroup *reader_ratings_group;

  /* owned */
  RapportStore        *store;
  RapportCatalog      *catalog;
  char                *uuid;
  GDateTime           *created;       /* NULL for a new entry */
  GDateTime           *when;          /* the last date the field could be read as */
  GPtrArray           *skill_rows;    /* AdwPreferencesRow per skill, in skill order */
  GPtrArray           *prompt_rows;   /* per skill: its prompts' row, or NULL until made */
  GPtrArray           *reader_rows;   /* rows in reader_ratings_group */
  guint                draft_id;
  guint                focus_id;      /* the focus's second try, when idle */

  /* state */
  gboolean             editing;       /* an entry that is in the store */
  gboolean             reading;       /* the read page is shown */
  gboolean             from_reader;   /* the fields were opened with Edit on the read page */
  gboolean             loading;       /* filling the fields: not a user change */
  gboolean             changed;       /* a user change the stored draft lacks */
  gboolean             picking;       /* the calendar or the time sets the field */
};

/* rapport-journal-editor.c: the fields and the focus. */
char      *rapport_journal_editor_get_view_text    (GtkTextView          *view);
void       rapport_journal_editor_set_view_text    (GtkTextView          *view,
                                                    const char           *text);
void       rapport_journal_editor_focus_title      (RapportJournalEditor *self);
/* Shows the fields: heading, buttons and actions for a new or stored entry. */
void       rapport_journal_editor_show_fields      (RapportJournalEditor *self);
RapportTopic *rapport_journal_editor_topic_for_skill (RapportJournalEditor *self,
                                                      const char           *skill_key);

/* rapport-journal-editor-ratings.c: a row per skill, rated by click or by
 * typing its number, and the prompts of the skills rated.
 */
void       rapport_journal_editor_build_skill_rows (RapportJournalEditor *self);
/* The rating of the @skill-th skill, 0 when it is not rated. */
int        rapport_journal_editor_get_rating       (RapportJournalEditor *self,
                                                    guint                 skill);
void       rapport_journal_editor_update_prompts   (RapportJournalEditor *self);

/* rapport-journal-editor-when.c: the date field, its calendar and time. */
void       rapport_journal_editor_set_when         (RapportJournalEditor *self,
                                                    GDateTime            *when);
/* Reads the field; NULL with a sentence that says what to type in @error. */
GDateTime *rapport_journal_editor_read_when        (RapportJournalEditor *self,
                                                    GError              **error);
void       rapport_journal_editor_clear_when_error (RapportJournalEditor *self);
void       rapport_journal_editor_class_init_when  (GtkWidgetClass       *widget_class);
void       rapport_journal_editor_init_when        (RapportJournalEditor *self);

/* rapport-journal-editor-reader.c: the read page. */
void       rapport_journal_editor_fill_reader      (RapportJournalEditor    *self,
                                                    const RapportStoreEntry *entry);

/* rapport-journal-editor-draft.c: a user change is written as the draft
 * once typing pauses (rapport_journal_editor_flush_draft() at once).
 */
void       rapport_journal_editor_schedule_draft   (RapportJournalEditor *self);
/* The draft in the store is of the entry @uuid. */
gboolean   rapport_journal_editor_has_draft_of     (RapportJournalEditor *self,
                                                    const char           *uuid);

G_END_DECLS
