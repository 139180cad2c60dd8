/* rapport-journal-editor.c: write or edit one journal entry
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-error-dialog.h"
#include "rapport-journal-editor-private.h"
#include "rapport-skill.h"

#define N_LEVELS 6  /* "not rated" and 1 … 5 */

G_DEFINE_FINAL_TYPE (RapportJournalEditor, rapport_journal_editor, GTK_TYPE_WIDGET)

enum {
  SAVED,
  DELETED,
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

int
rapport_journal_editor_get_rating (RapportJournalEditor *self,
                                   guint                 skill)
{
  GtkToggleButton **toggles = g_object_get_data (G_OBJECT (self->skill_rows->pdata[skill]), "toggles");

  for (int level = 1; level < N_LEVELS; level++)
    if (gtk_toggle_button_get_active (toggles[level]))
      return level;

  return 0;
}

static RapportTopic *
topic_for_skill (RapportJournalEditor *self,
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

static void
update_skill_subtitle (RapportJournalEditor *self,
                       guint                 skill)
{
  const RapportSkill *info = rapport_skill_get_nth (skill);
  GtkLabel *label = g_object_get_data (G_OBJECT (self->skill_rows->pdata[skill]), "subtitle");
  int rating = rapport_journal_editor_get_rating (self, skill);
  RapportTopic *topic = topic_for_skill (self, info->key);
  g_autofree char *subtitle = NULL;

  if (rating == 0)
    subtitle = g_strdup (_("Not rated"));
  else if (topic != NULL)
    /* Translators: a self-rating, then what that level looks like */
    subtitle = g_strdup_printf (_("%d/5: %s"), rating,
                                rapport_inline_get_text (rapport_topic_get_rubric_level (topic, rating)));
  else
    subtitle = g_strdup_printf (_("%d/5"), rating);

  gtk_label_set_text (label, subtitle);
}

static void
on_level_toggled_cb (GtkToggleButton      *toggle,
                     RapportJournalEditor *self)
{
  if (!gtk_toggle_button_get_active (toggle))
    return;

  update_skill_subtitle (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "skill")));
  rapport_journal_editor_schedule_draft (self);
}

static void
build_skill_rows (RapportJournalEditor *self)
{
  for (guint i = 0; i < rapport_skill_get_count (); i++)
    {
      const RapportSkill *info = rapport_skill_get_nth (i);
      /* The skill, its levels under it and the rubric sentence under those:
       * stacked, so that six buttons and a long skill name fit a narrow window.
       */
      GtkWidget *row = adw_preferences_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (_(info->title));
      GtkWidget *subtitle = gtk_label_new (NULL);
      GtkWidget *levels = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkToggleButton **toggles = g_new0 (GtkToggleButton *, N_LEVELS);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(info->title));
      gtk_widget_add_css_class (box, "rapport-skill-row");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_widget_add_css_class (levels, "linked");
      gtk_widget_set_halign (levels, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), levels);
      gtk_box_append (GTK_BOX (box), subtitle);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title), -1);

      for (int level = 0; level < N_LEVELS; level++)
        {
          g_autofree char *text = level == 0 ? g_strdup ("–") : g_strdup_printf ("%d", level);
          g_autofree char *accessible = level == 0
            ? g_strdup_printf (_("%s: not rated"), _(info->title))
            : g_strdup_printf (_("%s: %d of 5"), _(info->title), level);
          GtkWidget *toggle = gtk_toggle_button_new_with_label (text);

          if (level > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), toggles[0]);
          gtk_widget_set_tooltip_text (toggle, accessible);
          gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
          g_object_set_data (G_OBJECT (toggle), "skill", GUINT_TO_POINTER (i));
          g_signal_connect (toggle, "toggled", G_CALLBACK (on_level_toggled_cb), self);
          gtk_box_append (GTK_BOX (levels), toggle);
          toggles[level] = GTK_TOGGLE_BUTTON (toggle);
        }

      g_object_set_data_full (G_OBJECT (row), "toggles", toggles, g_free);
      adw_preferences_group_add (self->skills_group, row);
      g_ptr_array_add (self->skill_rows, row);
      gtk_toggle_button_set_active (toggles[0], TRUE);
    }
}

void
rapport_journal_editor_set_rating (RapportJournalEditor *self,
                                   const char           *skill_key,
                                   int                   rating)
{
  int position;
  GtkToggleButton **toggles;

  g_return_if_fail (RAPPORT_IS_JOURNAL_EDITOR (self));
  g_return_if_fail (rating >= 0 && rating < N_LEVELS);

  position = rapport_skill_get_position (skill_key);
  g_return_if_fail (position >= 0);

  toggles = g_object_get_data (G_OBJECT (self->skill_rows->pdata[position]), "toggles");
  gtk_toggle_button_set_active (toggles[rating], TRUE);
  update_skill_subtitle (self, position);
}

static char *
format_when (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Returns NULL when the text is not a date and time. */
static GDateTime *
parse_when (const char *text)
{
  int year, month, day, hour = 0, minute = 0;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) local = NULL;

  if (sscanf (text, "%d-%d-%d %d:%d", &year, &month, &day, &hour, &minute) < 3)
    return NULL;

  local = g_date_time_new (tz, year, month, day, hour, minute, 0);
  if (local == NULL)
    return NULL;

  return g_date_time_to_utc (local);
}

static RapportStoreEntry *
collect_entry (RapportJournalEditor  *self,
               GError               **error)
{
  g_autoptr(RapportStoreEntry) entry = rapport_store_entry_new ();
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  GDateTime *occurred;

  occurred = parse_when (gtk_editable_get_text (GTK_EDITABLE (self->when_row)));
  if (occurred == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Write the date and time like 2026-11-23 14:30."));
      return NULL;
    }

  g_free (entry->uuid);
  entry->uuid = g_strdup (self->uuid);
  g_clear_pointer (&entry->occurred, g_date_time_unref);
  entry->occurred = occurred;
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
  g_autofree char *when = format_when (entry->occurred);
  g_autofree char *tags = g_strjoinv (", ", entry->tags);

  self->loading = TRUE;
  g_free (self->uuid);
  self->uuid = g_strdup (entry->uuid);
  g_clear_pointer (&self->created, g_date_time_unref);
  if (entry->created != NULL)
    self->created = g_date_time_ref (entry->created);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), entry->title);
  gtk_editable_set_text (GTK_EDITABLE (self->when_row), when);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  rapport_journal_editor_set_view_text (self->situation_view, entry->situation);
  rapport_journal_editor_set_view_text (self->went_well_view, entry->went_well);
  rapport_journal_editor_set_view_text (self->try_next_view, entry->try_next);
  for (guint i = 0; i < self->skill_rows->len; i++)
    rapport_journal_editor_set_rating (self, rapport_skill_get_nth (i)->key,
                                       rapport_store_entry_get_rating (entry, rapport_skill_get_nth (i)->key));
  gtk_label_set_text (self->prompt_label, "");
  g_clear_pointer (&self->last_prompt, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_error_label), FALSE);
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

/* Opening */

static gboolean
focus_title_cb (gpointer user_data)
{
  RapportJournalEditor *self = user_data;

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/* The editor may only just have been shown (a view or page switch in the
 * same turn), when it cannot take the focus yet.
 */
void
rapport_journal_editor_focus_title (RapportJournalEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  g_idle_add (focus_title_cb, g_object_ref (self));
}

void
rapport_journal_editor_new_entry (RapportJournalEditor *self)
{
  g_autoptr(RapportStoreEntry) entry = rapport_store_entry_new ();

  g_return_if_fail (RAPPORT_IS_JOURNAL_EDITOR (self));

  if (rapport_journal_editor_restore_draft (self))
    return;

  g_clear_pointer (&entry->created, g_date_time_unref);
  self->editing = FALSE;
  fill (self, entry);
  gtk_label_set_text (self->heading_label, _("New Entry"));
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_label), FALSE);
  rapport_journal_editor_focus_title (self);
}

void
rapport_journal_editor_edit (RapportJournalEditor    *self,
                             const RapportStoreEntry *entry)
{
  g_return_if_fail (RAPPORT_IS_JOURNAL_EDITOR (self));
  g_return_if_fail (entry != NULL);

  self->editing = TRUE;
  fill (self, entry);
  gtk_label_set_text (self->heading_label, _("Edit Entry"));
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_label), FALSE);
  rapport_journal_editor_focus_title (self);
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

  g_clear_handle_id (&self->draft_id, g_source_remove);
  if (self->store != NULL)
    rapport_store_clear_draft (self->store, NULL);
  g_clear_pointer (&self->uuid, g_free);
  self->changed = FALSE;
}

/* Prompts */

static void
on_text_view_focus_cb (GtkEventControllerFocus *controller,
                       RapportJournalEditor    *self)
{
  self->last_text_view = GTK_TEXT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
on_prompt_button_clicked_cb (RapportJournalEditor *self)
{
  g_autoptr(GPtrArray) prompts = g_ptr_array_new ();
  GtkTextView *view = self->last_text_view != NULL ? self->last_text_view : self->situation_view;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  const char *prompt;
  g_autofree char *line = NULL;
  gboolean any_rated = FALSE;
  GListModel *topics;
  guint n;

  if (self->catalog == NULL)
    return;

  for (guint i = 0; i < self->skill_rows->len; i++)
    any_rated |= rapport_journal_editor_get_rating (self, i) > 0;

  /* Prompts of the skills rated, or of every topic before any rating. */
  topics = rapport_catalog_get_topics (self->catalog);
  n = g_list_model_get_n_items (topics);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, i);
      int skill = rapport_skill_get_position (rapport_topic_get_skill (topic));

      if (any_rated && (skill < 0 || rapport_journal_editor_get_rating (self, skill) == 0))
        continue;
      for (guint j = 0; j < rapport_topic_get_n_prompts (topic); j++)
        {
          const char *text = rapport_inline_get_text (rapport_topic_get_prompt (topic, j));

          if (prompts->len == 0 || g_strcmp0 (text, self->last_prompt) != 0)
            g_ptr_array_add (prompts, (gpointer) text);
        }
    }

  if (prompts->len == 0)
    return;

  prompt = prompts->pdata[g_random_int_range (0, prompts->len)];
  g_free (self->last_prompt);
  self->last_prompt = g_strdup (prompt);
  gtk_label_set_text (self->prompt_label, prompt);

  line = g_strdup_printf ("%s%s\n", gtk_text_buffer_get_char_count (buffer) > 0 ? "\n" : "", prompt);
  gtk_text_buffer_insert_at_cursor (buffer, line, -1);
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

/* Saving and deleting */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportJournalEditor *self = RAPPORT_JOURNAL_EDITOR (widget);
  g_autoptr(RapportStoreEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->uuid == NULL)
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

void
rapport_journal_editor_setup (RapportJournalEditor *self,
                              RapportStore         *store,
                              RapportCatalog       *catalog)
{
  g_return_if_fail (RAPPORT_IS_JOURNAL_EDITOR (self));

  g_set_object (&self->store, store);
  g_set_object (&self->catalog, catalog);
}

static void
rapport_journal_editor_dispose (GObject *object)
{
  RapportJournalEditor *self = RAPPORT_JOURNAL_EDITOR (object);

  if (self->draft_id != 0)
    rapport_journal_editor_flush_draft (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_JOURNAL_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->skill_rows, g_ptr_array_unref);
  g_clear_pointer (&self->last_prompt, g_free);

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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/rapport-journal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, draft_label);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, draft_error_label);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, when_row);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, situation_view);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, went_well_view);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, try_next_view);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, skills_group);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_prompt_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "journal.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "journal.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "journal.save", NULL);
}

static void
rapport_journal_editor_init (RapportJournalEditor *self)
{
  GtkTextView *views[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->skill_rows = g_ptr_array_new ();
  build_skill_rows (self);

  views[0] = self->situation_view;
  views[1] = self->went_well_view;
  views[2] = self->try_next_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "enter", G_CALLBACK (on_text_view_focus_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (views[i]), focus);
      g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed",
                               G_CALLBACK (on_buffer_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
}
