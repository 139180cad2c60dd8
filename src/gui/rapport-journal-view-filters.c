/* rapport-journal-view-filters.c: what the journal list shows: the search,
 * the skill, the date range and the tag, and the way back to everything
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-journal-view-private.h"
#include "rapport-skill.h"

/* The tag drop-down's button says what it filters: "Tag: billing". */

static void
setup_tag_label_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_list_item_set_child (item, label);
}

static void
bind_plain_label_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
bind_tag_label_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  const char *tag = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autofree char *text = NULL;

  /* Translators: the tag filter of the journal list, once a tag is chosen */
  text = gtk_list_item_get_position (item) > 0 ? g_strdup_printf (_("Tag: %s"), tag) : g_strdup (tag);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* Tags */

const char *
rapport_journal_view_get_tag_filter (RapportJournalView *self)
{
  guint selected = gtk_drop_down_get_selected (self->tag_dropdown);

  g_return_val_if_fail (RAPPORT_IS_JOURNAL_VIEW (self), NULL);

  if (self->tags == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length (self->tags))
    return NULL;

  return self->tags[selected - 1];
}

/* The button beside the tag filter, while a tag is chosen. */
static void
update_clear_tag (RapportJournalView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->clear_tag_button),
                          rapport_journal_view_get_tag_filter (self) != NULL);
}

/* The tag drop-down lists the journal's tags as they are now, keeping the
 * tag chosen, even when its last entry was just deleted: the filter must
 * stay visible to be cleared.
 */
void
rapport_journal_view_update_tags (RapportJournalView *self)
{
  g_auto(GStrv) stored = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *chosen = g_strdup (rapport_journal_view_get_tag_filter (self));
  g_autoptr(GtkStringList) model = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint selected = 0;
  gboolean has_chosen = FALSE;

  if (self->store != NULL)
    stored = rapport_store_list_journal_tags (self->store, NULL);

  for (guint i = 0; stored != NULL && stored[i] != NULL; i++)
    has_chosen |= chosen != NULL && g_ascii_strcasecmp (stored[i], chosen) == 0;
  if (chosen != NULL && !has_chosen)
    g_strv_builder_add (builder, chosen);
  if (stored != NULL)
    g_strv_builder_addv (builder, (const char **) stored);
  tags = g_strv_builder_end (builder);

  /* Nothing new: the drop-down keeps its list, and an open popup with it. */
  if (self->tags == NULL || !g_strv_equal ((const char * const *) tags, (const char * const *) self->tags))
    {
      g_clear_pointer (&self->tags, g_strfreev);
      self->tags = g_steal_pointer (&tags);

      model = gtk_string_list_new (NULL);
      gtk_string_list_append (model, _("Any tag"));
      for (guint i = 0; self->tags[i] != NULL; i++)
        {
          gtk_string_list_append (model, self->tags[i]);
          if (chosen != NULL && g_ascii_strcasecmp (self->tags[i], chosen) == 0)
            selected = i + 1;
        }

      self->updating_tags = TRUE;
      gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (model));
      gtk_drop_down_set_selected (self->tag_dropdown, selected);
      self->updating_tags = FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->tag_box), self->tags[0] != NULL);
  update_clear_tag (self);
}

void
rapport_journal_view_set_tag_filter (RapportJournalView *self,
                                     const char         *tag)
{
  guint position = 0;

  g_return_if_fail (RAPPORT_IS_JOURNAL_VIEW (self));

  rapport_journal_view_update_tags (self);
  for (guint i = 0; tag != NULL && self->tags != NULL && self->tags[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (self->tags[i], tag) == 0)
        position = i + 1;
    }

  gtk_drop_down_set_selected (self->tag_dropdown, position);
  rapport_journal_view_go_back (self);
}

/* The query */

void
rapport_journal_view_build_query (RapportJournalView       *self,
                                  RapportStoreJournalQuery *query,
                                  GDateTime               **from)
{
  guint skill = gtk_drop_down_get_selected (self->skill_dropdown);
  guint range = gtk_drop_down_get_selected (self->range_dropdown);
  static const int days[] = { 0, 30, 90, 365 };

  query->search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  query->skill_key = skill > 0 && skill <= rapport_skill_get_count ()
    ? rapport_skill_get_nth (skill - 1)->key : NULL;
  query->tag = rapport_journal_view_get_tag_filter (self);
  if (range > 0 && range < G_N_ELEMENTS (days))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      *from = g_date_time_add_days (now, -days[range]);
      query->from = *from;
    }
}

gboolean
rapport_journal_view_filters_active (RapportJournalView *self)
{
  return *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0' ||
         gtk_drop_down_get_selected (self->skill_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->range_dropdown) > 0 ||
         rapport_journal_view_get_tag_filter (self) != NULL;
}

static void
on_filters_changed_cb (RapportJournalView *self)
{
  if (self->updating_tags)
    return;

  update_clear_tag (self);
  rapport_journal_view_refilter (self);
}

static void
on_clear_tag_clicked_cb (RapportJournalView *self)
{
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_dropdown));
}

/* Every filter back to "all", in one reload. */
static void
on_clear_filters_clicked_cb (RapportJournalView *self)
{
  self->updating_tags = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->skill_dropdown, 0);
  gtk_drop_down_set_selected (self->range_dropdown, 0);
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  self->updating_tags = FALSE;
  update_clear_tag (self);
  rapport_journal_view_refilter (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
rapport_journal_view_class_init_filters (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, RapportJournalView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalView, skill_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalView, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalView, tag_box);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalView, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalView, clear_tag_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_tag_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_clicked_cb);
}

void
rapport_journal_view_init_filters (RapportJournalView *self)
{
  g_autoptr(GtkStringList) skills = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;

  gtk_string_list_append (skills, _("Every skill"));
  for (guint i = 0; i < rapport_skill_get_count (); i++)
    gtk_string_list_append (skills, _(rapport_skill_get_nth (i)->title));
  gtk_drop_down_set_model (self->skill_dropdown, G_LIST_MODEL (skills));

  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_tag_label_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_tag_label_cb), NULL);
    gtk_drop_down_set_factory (self->tag_dropdown, factory);
  }
  /* Its list shows the tags plainly. */
  {
    g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

    g_signal_connect (list, "setup", G_CALLBACK (setup_tag_label_cb), NULL);
    g_signal_connect (list, "bind", G_CALLBACK (bind_plain_label_cb), NULL);
    gtk_drop_down_set_list_factory (self->tag_dropdown, list);
  }

  /* Tab goes to the drop-downs, not to the flow box's cells around them. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  /* A long list of tags is searched by typing. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->tag_dropdown, expression);
  gtk_drop_down_set_enable_search (self->tag_dropdown, TRUE);
}
