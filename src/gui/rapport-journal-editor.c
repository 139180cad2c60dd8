/* rapport-journal-editor.c: one journal entry, to read or to write
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-error-dialog.h"
#include "rapport-journal-editor-private.h"
#include "rapport-skill.h"

G_DEFINE_FINAL_TYPE (RapportJournalEditor, rapport_journal_editor, GTK_TYPE_WIDGET)

enum {
  SAVED,
  DELETED,
  TAG_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Fields */

char *
rapport_journal_editor_get_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
rapport_journal_editor_set_view_text (GtkTextView *view,
                                      const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

RapportTopic *
rapport_journal_editor_topic_for_skill (RapportJournalEditor *self,
                                        const char           *skill_key)
{
  GListModel *topics;
  guint n;

  if (self->catalog == NULL)
    return NULL;

  topics = rapport_catalog_get_topics (self->catalog);
  n = g_list_model_get_n_items (topics);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, i);

      if (g_strcmp0 (rapport_topic_get_skill (topic), skill_key) == 0)
        return topic;
    }

  return NULL;
}

static RapportStoreEntry *
collect_entry (RapportJournalEditor  *self,
               GError               **error)
{
  g_autoptr(RapportStoreEntry) entry = rapport_store_entry_new ();
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) occurred = NULL;

  occurred = rapport_journal_editor_read_when (self, error);
  if (occurred == NULL)
    return NULL;

  g_free (entry->uuid);
  entry->uuid = g_strdup (self->uuid);
  g_clear_pointer (&entry->occurred, g_date_time_unref);
  entry->occurred = g_date_time_to_utc (occurred);
  if (self->created != NULL)
    entry->created = g_date_time_ref (self->created);

  g_free (entry->title);
  entry->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_free (entry->situation);
  entry->situation = rapport_journal_editor_get_view_text (self->situation_view);
  g_free (entry->went_well);
  entry->went_well = rapport_journal_editor_get_view_text (self->went_well_view);
  g_free (entry->try_next);
  entry->try_next = rapport_journal_editor_get_view_text (self->try_next_view);

  parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)), ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);

      if (*tag != '\0')
        g_ptr_array_add (tags, g_strdup (tag));
    }
  g_ptr_array_add (tags, NULL);
  rapport_store_entry_set_tags (entry, (const char * const *) tags->pdata);

  for (guint i = 0; i < self->skill_rows->len; i++)
    {
      int rating = rapport_journal_editor_get_rating (self, i);

      if (rating > 0)
        rapport_store_entry_set_rating (entry, rapport_skill_get_nth (i)->key, rating);
    }

  if (*entry->title == '\0')
    {
      g_free (entry->title);
      /* Translators: the title of an entry saved without one */
      entry->title = g_strdup (_("A call"));
    }

  return g_steal_pointer (&entry);
}

static void
fill (RapportJournalEditor    *self,
      const RapportStoreEntry *entry)
{
  g_autofree char *tags = g_strjoinv (", ", entry->tags);

  self->loading = TRUE;
  g_free (self->uuid);
  self->uuid = g_strdup (entry->uuid);
  g_clear_pointer (&self->created, g_date_time_unref);
  if (entry->created != NULL)
    self->created = g_date_time_ref (entry->created);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), entry->title);
  rapport_journal_editor_set_when (self, entry->occurred);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  rapport_journal_editor_set_view_text (self->situation_view, entry->situation);
  rapport_journal_editor_set_view_text (self->went_well_view, entry->went_well);
  rapport_journal_editor_set_view_text (self->try_next_view, entry->try_next);
  for (guint i = 0; i < self->skill_rows->len; i++)
    rapport_journal_editor_set_rating (self, rapport_skill_get_nth (i)->key,
                                       rapport_store_entry_get_rating (entry, rapport_skill_get_nth (i)->key));
  rapport_journal_editor_update_prompts (self);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_label), FALSE);
  self->changed = FALSE;
  self->loading = FALSE;

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* Changes: each one the user makes goes to the draft
 * (rapport-journal-editor-draft.c).
 */

static void
on_field_changed_cb (RapportJournalEditor *self)
{
  rapport_journal_editor_schedule_draft (self);
}

static void
on_buffer_changed_cb (RapportJournalEditor *self)
{
  rapport_journal_editor_schedule_draft (self);
}

/* The focus */

/* Into the title with the cursor after its last letter and nothing
 * selected: a key typed adds to the title instead of replacing it.
 */
static void
focus_title_now (RapportJournalEditor *self)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (self->title_row));

  if (GTK_IS_TEXT (text))
    gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_set_position (GTK_EDITABLE (self->title_row), -1);
}

static gboolean
focus_first_cb (gpointer user_data)
{
  RapportJournalEditor *self = user_data;
  GtkWidget *target = self->reading ? GTK_WIDGET (self->edit_button) : GTK_WIDGET (self->title_row);
  GtkRoot *root = gtk_widget_get_root (target);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Where the first try put it, the user may already have typed or
   * selected: leave it be.
   */
  self->focus_id = 0;
  if (focus == NULL || (focus != target && !gtk_widget_is_ancestor (focus, target)))
    {
      if (self->reading)
        gtk_widget_grab_focus (target);
      else
        focus_title_now (self);
    }
  return G_SOURCE_REMOVE;
}

/* An entry saved, deleted or left before the second try: the focus
 * belongs to whatever is shown now.
 */
static void
cancel_focus (RapportJournalEditor *self)
{
  g_clear_handle_id (&self->focus_id, g_source_remove);
}

/* The editor may only just have been shown (a view or page switch in the
 * same turn), when it cannot take the focus yet: once now, once when idle.
 */
void
rapport_journal_editor_focus_title (RapportJournalEditor *self)
{
  if (self->reading)
    gtk_widget_grab_focus (GTK_WIDGET (self->edit_button));
  else
    focus_title_now (self);
  cancel_focus (self);
  self->focus_id = g_idle_add (focus_first_cb, self);
}

/* Pages */

static void
set_reading (RapportJournalEditor *self,
             gboolean              reading)
{
  self->reading = reading;
  gtk_stack_set_visible_child_name (self->mode_stack, reading ? "read" : "edit");
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), reading);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), !reading);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), self->editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.edit", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.save", !reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.delete", self->editing);
}

void
rapport_journal_editor_show_fields (RapportJournalEditor *self)
{
  gtk_label_set_text (self->heading_label, self->editing ? _("Edit Entry") : _("New Entry"));
  set_reading (self, FALSE);
  rapport_journal_editor_focus_title (self);
}

void
rapport_journal_editor_new_entry (RapportJournalEditor *self)
{
  g_autoptr(RapportStoreEntry) entry = rapport_store_entry_new ();

  g_return_if_fail (RAPPORT_IS_JOURNAL_EDITOR (self));

  self->from_reader = FALSE;
  if (rapport_journal_editor_restore_draft (self))
    return;

  g_clear_pointer (&entry->created, g_date_time_unref);
  self->editing = FALSE;
  fill (self, entry);
  rapport_journal_editor_show_fields (self);
}

/* An entry from the store, in the fields. */
static void
fill_stored (RapportJournalEditor    *self,
             const RapportStoreEntry *entry)
{
  self->editing = TRUE;
  self->from_reader = FALSE;
  fill (self, entry);
}

void
rapport_journal_editor_show (RapportJournalEditor    *self,
                             const RapportStoreEntry *entry)
{
  g_return_if_fail (RAPPORT_IS_JOURNAL_EDITOR (self));
  g_return_if_fail (entry != NULL);

  fill_stored (self, entry);
  rapport_journal_editor_fill_reader (self, entry);
  /* Translators: the heading above a journal entry being read */
  gtk_label_set_text (self->heading_label, _("Journal Entry"));
  set_reading (self, TRUE);
  rapport_journal_editor_focus_title (self);
}

void
rapport_journal_editor_edit (RapportJournalEditor    *self,
                             const RapportStoreEntry *entry)
{
  g_return_if_fail (RAPPORT_IS_JOURNAL_EDITOR (self));
  g_return_if_fail (entry != NULL);

  fill_stored (self, entry);
  rapport_journal_editor_show_fields (self);
}

gboolean
rapport_journal_editor_get_reading (RapportJournalEditor *self)
{
  g_return_val_if_fail (RAPPORT_IS_JOURNAL_EDITOR (self), FALSE);

  return self->reading;
}

gboolean
rapport_journal_editor_back_to_reading (RapportJournalEditor *self)
{
  g_autoptr(RapportStoreEntry) entry = NULL;
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (RAPPORT_IS_JOURNAL_EDITOR (self), FALSE);

  if (self->reading || !self->from_reader || self->store == NULL || self->uuid == NULL)
    return FALSE;

  rapport_journal_editor_flush_draft (self);
  uuid = g_strdup (self->uuid);
  entry = rapport_store_get_journal_entry (self->store, uuid, NULL);
  if (entry == NULL)
    return FALSE;

  rapport_journal_editor_show (self, entry);
  return TRUE;
}

const char *
rapport_journal_editor_get_uuid (RapportJournalEditor *self)
{
  g_return_val_if_fail (RAPPORT_IS_JOURNAL_EDITOR (self), NULL);

  return self->uuid;
}

/* Leaving without saving on purpose: the draft goes too. */
void
rapport_journal_editor_discard (RapportJournalEditor *self)
{
  g_return_if_fail (RAPPORT_IS_JOURNAL_EDITOR (self));

  cancel_focus (self);
  g_clear_handle_id (&self->draft_id, g_source_remove);
  if (self->store != NULL)
    rapport_store_clear_draft (self->store, NULL);
  g_clear_pointer (&self->uuid, g_free);
  self->changed = FALSE;
}

/* Actions */

/* The read page's Edit: what was typed last time comes back if it was
 * left as a draft.
 */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportJournalEditor *self = RAPPORT_JOURNAL_EDITOR (widget);

  if (!self->reading || self->uuid == NULL)
    return;

  self->from_reader = TRUE;
  if (rapport_journal_editor_has_draft_of (self, self->uuid) && rapport_journal_editor_restore_draft (self))
    return;

  rapport_journal_editor_show_fields (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportJournalEditor *self = RAPPORT_JOURNAL_EDITOR (widget);
  g_autoptr(RapportStoreEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->uuid == NULL || self->reading)
    return;

  entry = collect_entry (self, &error);
  if (entry == NULL || !rapport_store_save_journal_entry (self->store, entry, &error))
    {
      rapport_show_error (widget, _("Could Not Save the Entry"), error);
      return;
    }

  rapport_journal_editor_discard (self);
  g_signal_emit (self, signals[SAVED], 0, entry->uuid);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportJournalEditor *self = RAPPORT_JOURNAL_EDITOR (widget);
  g_autofree char *uuid = NULL;

  if (self->store == NULL || self->uuid == NULL || !self->editing)
    return;

  uuid = g_strdup (self->uuid);
  rapport_journal_editor_discard (self);
  g_signal_emit (self, signals[DELETED], 0, uuid);
}

static void
clear_prompt_rows (RapportJournalEditor *self)
{
  for (guint i = 0; i < self->prompt_rows->len; i++)
    {
      GtkWidget *row = self->prompt_rows->pdata[i];

      if (row == NULL)
        continue;
      if (gtk_widget_get_parent (row) != NULL)
        adw_preferences_group_remove (self->prompts_group, row);
      g_object_unref (row);
      self->prompt_rows->pdata[i] = NULL;
    }
}

void
rapport_journal_editor_setup (RapportJournalEditor *self,
                              RapportStore         *store,
                              RapportCatalog       *catalog)
{
  g_return_if_fail (RAPPORT_IS_JOURNAL_EDITOR (self));

  g_set_object (&self->store, store);
  if (g_set_object (&self->catalog, catalog))
    {
      /* Prompts come from the topics: made again from the new ones. */
      clear_prompt_rows (self);
      rapport_journal_editor_update_prompts (self);
    }
}

static void
rapport_journal_editor_dispose (GObject *object)
{
  RapportJournalEditor *self = RAPPORT_JOURNAL_EDITOR (object);

  if (self->draft_id != 0)
    rapport_journal_editor_flush_draft (self);
  cancel_focus (self);

  if (self->prompt_rows != NULL)
    clear_prompt_rows (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_JOURNAL_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->when, g_date_time_unref);
  g_clear_pointer (&self->skill_rows, g_ptr_array_unref);
  g_clear_pointer (&self->prompt_rows, g_ptr_array_unref);
  g_clear_pointer (&self->reader_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_journal_editor_parent_class)->dispose (object);
}

static void
rapport_journal_editor_class_init (RapportJournalEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_journal_editor_dispose;

  /** RapportJournalEditor::saved: @uuid: the entry just saved */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /** RapportJournalEditor::deleted: @uuid: the entry the user wants gone */
  signals[DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /** RapportJournalEditor::tag-activated: @tag: a tag of the entry read, to list its entries */
  signals[TAG_ACTIVATED] =
    g_signal_new ("tag-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/rapport-journal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, content_box);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, reader_scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, edit_button);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, draft_label);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, draft_error_label);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, situation_view);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, went_well_view);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, try_next_view);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, prompts_group);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, skills_group);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, reader_title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, reader_date_label);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, reader_tags_box);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, reader_sections_box);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, reader_ratings_group);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  rapport_journal_editor_class_init_when (widget_class);

  gtk_widget_class_install_action (widget_class, "journal.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "journal.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "journal.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "journal.save", NULL);
}

static void
rapport_journal_editor_init (RapportJournalEditor *self)
{
  GtkTextView *views[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_journal_editor_init_when (self);

  self->skill_rows = g_ptr_array_new ();
  self->prompt_rows = g_ptr_array_new ();
  self->reader_rows = g_ptr_array_new ();
  rapport_journal_editor_build_skill_rows (self);
  rapport_journal_editor_update_prompts (self);

  views[0] = self->situation_view;
  views[1] = self->went_well_view;
  views[2] = self->try_next_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed",
                             G_CALLBACK (on_buffer_changed_cb), self,
                             G_CONNECT_SWAPPED);

  set_reading (self, FALSE);
}
