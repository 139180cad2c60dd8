/* rapport-journal-editor-reader.c: a journal entry to read, before any Edit
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-journal-editor-private.h"
#include "rapport-skill.h"

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static void
on_tag_clicked_cb (GtkButton            *button,
                   RapportJournalEditor *self)
{
  g_signal_emit_by_name (self, "tag-activated", gtk_button_get_label (button));
}

static void
fill_tags (RapportJournalEditor    *self,
           const RapportStoreEntry *entry)
{
  remove_children (GTK_WIDGET (self->reader_tags_box));

  for (guint i = 0; entry->tags != NULL && entry->tags[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (entry->tags[i]);
      g_autofree char *tooltip = NULL;
      GtkWidget *child;

      /* Translators: a tag's button on an entry; the placeholder is the tag */
      tooltip = g_strdup_printf (_("Show the entries tagged “%s”"), entry->tags[i]);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      tooltip, -1);
      gtk_widget_add_css_class (button, "rapport-journal-tag");
      g_signal_connect (button, "clicked", G_CALLBACK (on_tag_clicked_cb), self);
      gtk_flow_box_append (self->reader_tags_box, button);
      /* The button takes the focus, not a box around it. */
      child = gtk_widget_get_parent (button);
      gtk_widget_set_focusable (child, FALSE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reader_tags_box),
                          entry->tags != NULL && entry->tags[0] != NULL);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_section (RapportJournalEditor *self,
             const char           *heading,
             const char           *text)
{
  GtkWidget *title;
  GtkWidget *body;

  if (is_blank (text))
    return FALSE;

  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_margin_top (title, 12);
  gtk_box_append (self->reader_sections_box, title);

  body = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (body, "rapport-journal-reader-text");
  gtk_box_append (self->reader_sections_box, body);

  return TRUE;
}

static void
fill_sections (RapportJournalEditor    *self,
               const RapportStoreEntry *entry)
{
  gboolean any = FALSE;

  remove_children (GTK_WIDGET (self->reader_sections_box));
  any |= add_section (self, _("What happened"), entry->situation);
  any |= add_section (self, _("What went well"), entry->went_well);
  any |= add_section (self, _("What to try next time"), entry->try_next);

  if (!any)
    {
      GtkWidget *none = gtk_label_new (_("Nothing was written about this call. Edit the entry to add what happened."));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->reader_sections_box, none);
    }
}

static void
fill_ratings (RapportJournalEditor    *self,
              const RapportStoreEntry *entry)
{
  for (guint i = 0; i < self->reader_rows->len; i++)
    adw_preferences_group_remove (self->reader_ratings_group, self->reader_rows->pdata[i]);
  g_ptr_array_set_size (self->reader_rows, 0);

  /* In the course's order of skills, as the fields list them. */
  for (guint i = 0; i < rapport_skill_get_count (); i++)
    {
      const char *key = rapport_skill_get_nth (i)->key;
      int rating = rapport_store_entry_get_rating (entry, key);
      RapportTopic *topic = rapport_journal_editor_topic_for_skill (self, key);
      g_autofree char *level = NULL;
      g_autofree char *name = NULL;
      GtkWidget *row;
      GtkWidget *value;

      if (rating == 0)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_skill_get_display_title (key));
      if (topic != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     rapport_inline_get_text (rapport_topic_get_rubric_level (topic, rating)));
      level = g_strdup_printf (_("%d/5"), rating);
      value = gtk_label_new (level);
      gtk_widget_add_css_class (value, "title-4");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      name = g_strdup_printf (_("%s: rated %d of 5"), rapport_skill_get_display_title (key), rating);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      adw_preferences_group_add (self->reader_ratings_group, row);
      g_ptr_array_add (self->reader_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reader_ratings_group), self->reader_rows->len > 0);
}

void
rapport_journal_editor_fill_reader (RapportJournalEditor    *self,
                                    const RapportStoreEntry *entry)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (entry->occurred);
  /* Translators: the date of a journal entry, see g_date_time_format() */
  g_autofree char *date = g_date_time_format (local, _("%A %-d %B %Y, %H:%M"));

  gtk_label_set_text (self->reader_title_label, entry->title);
  gtk_label_set_text (self->reader_date_label, date);
  fill_tags (self, entry);
  fill_sections (self, entry);
  fill_ratings (self, entry);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->reader_scroller), 0);
}
