/* rapport-journal-editor-draft.c: the journal editor's draft, kept in the
 * store while the user types and restored when the editor opens again
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rapport-journal-editor-private.h"
#include "rapport-skill.h"

/* How long typing must pause before the draft is written. */
#define DRAFT_DELAY_MS 500

/* Drafts: the editor's whole state as JSON in the store, written while the
 * user types, so that a crash or a kill loses nothing.
 */

static char *
draft_to_json (RapportJournalEditor *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *situation = rapport_journal_editor_get_view_text (self->situation_view);
  g_autofree char *went_well = rapport_journal_editor_get_view_text (self->went_well_view);
  g_autofree char *try_next = rapport_journal_editor_get_view_text (self->try_next_view);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, self->uuid);
  json_builder_set_member_name (builder, "editing");
  json_builder_add_boolean_value (builder, self->editing);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  json_builder_set_member_name (builder, "when");
  json_builder_add_string_value (builder, gtk_editable_get_text (GTK_EDITABLE (self->when_row)));
  json_builder_set_member_name (builder, "tags");
  json_builder_add_string_value (builder, gtk_editable_get_text (GTK_EDITABLE (self->tags_row)));
  json_builder_set_member_name (builder, "situation");
  json_builder_add_string_value (builder, situation);
  json_builder_set_member_name (builder, "went_well");
  json_builder_add_string_value (builder, went_well);
  json_builder_set_member_name (builder, "try_next");
  json_builder_add_string_value (builder, try_next);
  json_builder_set_member_name (builder, "ratings");
  json_builder_begin_object (builder);
  for (guint i = 0; i < self->skill_rows->len; i++)
    {
      int rating = rapport_journal_editor_get_rating (self, i);

      if (rating > 0)
        {
          json_builder_set_member_name (builder, rapport_skill_get_nth (i)->key);
          json_builder_add_int_value (builder, rating);
        }
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

void
rapport_journal_editor_flush_draft (RapportJournalEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  g_return_if_fail (RAPPORT_IS_JOURNAL_EDITOR (self));

  /* Flushed on the way out: the focus's second try would pull it back. */
  g_clear_handle_id (&self->focus_id, g_source_remove);
  g_clear_handle_id (&self->draft_id, g_source_remove);
  /* An entry opened and left as it was leaves no draft behind. */
  if (self->store == NULL || self->uuid == NULL || !self->changed)
    return;

  /* When the draft cannot be written, nothing is lost yet (the text is on
   * screen), but a crash now would lose it: say so where the user types.
   */
  json = draft_to_json (self);
  if (!rapport_store_save_draft (self->store, json, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: the placeholder is the reason, a full sentence */
      message = g_strdup_printf (_("What you type here is not being kept as a draft. %s"), error->message);
      gtk_label_set_text (self->draft_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->draft_error_label), TRUE);
      g_message ("Could not keep the journal draft: %s", error->message);
      return;
    }

  self->changed = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->draft_error_label), FALSE);
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  RapportJournalEditor *self = user_data;

  self->draft_id = 0;
  rapport_journal_editor_flush_draft (self);
  return G_SOURCE_REMOVE;
}

void
rapport_journal_editor_schedule_draft (RapportJournalEditor *self)
{
  if (self->loading || self->uuid == NULL)
    return;

  self->changed = TRUE;
  g_clear_handle_id (&self->draft_id, g_source_remove);
  self->draft_id = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}


static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";

  return json_node_get_string (node);
}

/* The draft is our own small file, written by draft_to_json().
 * Returns: (nullable): its object, owned by @parser, if there is a draft
 */
static JsonObject *
load_draft (RapportJournalEditor *self,
            JsonParser           *parser)
{
  g_autofree char *json = NULL;
  JsonObject *object;

  if (self->store == NULL)
    return NULL;

  json = rapport_store_load_draft (self->store, NULL, NULL);
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  object = json_node_get_object (json_parser_get_root (parser));
  return g_uuid_string_is_valid (member_string (object, "uuid")) ? object : NULL;
}

/* Returns FALSE when there is no draft (or it cannot be read). */
gboolean
rapport_journal_editor_restore_draft (RapportJournalEditor *self)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonNode *ratings;

  g_return_val_if_fail (RAPPORT_IS_JOURNAL_EDITOR (self), FALSE);

  object = load_draft (self, parser);
  if (object == NULL)
    return FALSE;

  self->loading = TRUE;
  g_free (self->uuid);
  self->uuid = g_strdup (member_string (object, "uuid"));
  self->editing = json_object_get_boolean_member_with_default (object, "editing", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_error_label), FALSE);
  g_clear_pointer (&self->created, g_date_time_unref);
  if (self->editing && self->store != NULL)
    {
      g_autoptr(RapportStoreEntry) stored = rapport_store_get_journal_entry (self->store, self->uuid, NULL);

      if (stored != NULL && stored->created != NULL)
        self->created = g_date_time_ref (stored->created);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), member_string (object, "title"));
  gtk_editable_set_text (GTK_EDITABLE (self->when_row), member_string (object, "when"));
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), member_string (object, "tags"));
  rapport_journal_editor_set_view_text (self->situation_view, member_string (object, "situation"));
  rapport_journal_editor_set_view_text (self->went_well_view, member_string (object, "went_well"));
  rapport_journal_editor_set_view_text (self->try_next_view, member_string (object, "try_next"));

  ratings = json_object_get_member (object, "ratings");
  for (guint i = 0; i < self->skill_rows->len; i++)
    {
      const char *key = rapport_skill_get_nth (i)->key;
      gint64 rating = 0;

      if (ratings != NULL && JSON_NODE_HOLDS_OBJECT (ratings))
        rating = json_object_get_int_member_with_default (json_node_get_object (ratings), key, 0);
      rapport_journal_editor_set_rating (self, key, rating >= 1 && rating <= 5 ? (int) rating : 0);
    }
  rapport_journal_editor_update_prompts (self);
  self->changed = FALSE;  /* the store holds it already */
  self->loading = FALSE;

  /* Its date as it was typed, which may not be a date yet: then the field
   * says so now rather than at Save.
   */
  {
    g_autoptr(GDateTime) when = rapport_journal_editor_read_when (self, NULL);

    if (when != NULL)
      {
        g_clear_pointer (&self->when, g_date_time_unref);
        self->when = g_steal_pointer (&when);
      }
  }

  gtk_widget_set_visible (GTK_WIDGET (self->draft_label), TRUE);
  rapport_journal_editor_show_fields (self);
  return TRUE;
}

gboolean
rapport_journal_editor_has_draft_of (RapportJournalEditor *self,
                                     const char           *uuid)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object = load_draft (self, parser);

  return object != NULL && g_strcmp0 (member_string (object, "uuid"), uuid) == 0;
}
