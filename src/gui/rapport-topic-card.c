/* rapport-topic-card.c: a topic's card on the Learn view, and the line that
 * says where a topic came from
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-topic-card.h"

typedef struct
{
  GtkProgressBar *bar;
  GtkLabel       *status;
  char           *origin;
} CardWidgets;

static void
card_widgets_free (CardWidgets *widgets)
{
  g_free (widgets->origin);
  g_free (widgets);
}

/**
 * rapport_topic_describe_origin:
 *
 * Returns: (transfer full) (nullable): "From the pack “Title”" for a topic
 * of a lesson pack, %NULL for one of Rapport's own course
 */
char *
rapport_topic_describe_origin (RapportTopic *topic)
{
  const char *pack;

  g_return_val_if_fail (RAPPORT_IS_TOPIC (topic), NULL);

  if (rapport_topic_is_core (topic))
    return NULL;

  pack = rapport_topic_get_pack_title (topic);
  if (pack == NULL)
    pack = rapport_topic_get_pack_id (topic);
  if (pack == NULL)
    return NULL;

  /* Translators: the placeholder is the title of a lesson pack */
  return g_strdup_printf (_("From the pack “%s”"), pack);
}

static char *
describe_progress (RapportStoreTopicSummary *summary,
                   guint                     n_lessons)
{
  GString *text = g_string_new (NULL);
  guint done = summary != NULL ? summary->lessons_completed : 0;

  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "%u of %u lesson", "%u of %u lessons", n_lessons),
                          done, n_lessons);

  if (summary != NULL && summary->best_score >= 0)
    {
      g_string_append (text, " · ");
      /* Translators: the best and the last quiz score, in percent */
      g_string_append_printf (text, _("quiz best %.0f %%, last %.0f %%"),
                              summary->best_score, summary->last_score);
    }

  if (summary != NULL && summary->latest_rating > 0)
    {
      g_string_append (text, " · ");
      /* Translators: the learner's latest self-rating, out of 5 */
      g_string_append_printf (text, _("self-rating %d/5"), summary->latest_rating);
    }

  return g_string_free (text, FALSE);
}

/* Adds @text (if any) as a sentence of what a screen reader says for the
 * card: a summary that ends in a full stop gets no second one.
 */
static void
append_sentence (GString    *text,
                 const char *sentence)
{
  gsize length;

  if (sentence == NULL || *sentence == '\0')
    return;

  g_string_append (text, sentence);
  length = strlen (sentence);
  if (!strchr (".!?", sentence[length - 1]) && !g_str_has_suffix (sentence, "…"))
    g_string_append_c (text, '.');
  g_string_append_c (text, ' ');
}

RapportTopic *
rapport_topic_card_get_topic (GtkWidget *card)
{
  g_return_val_if_fail (GTK_IS_FLOW_BOX_CHILD (card), NULL);

  return g_object_get_data (G_OBJECT (card), "topic");
}

/**
 * rapport_topic_card_update:
 * @store: (nullable): where the learner's progress is
 * @lessons_done: (inout): adds the lessons done in the topic
 * @n_lessons: (inout): adds the topic's lessons
 *
 * Shows the learner's progress in the topic on its card.
 */
void
rapport_topic_card_update (GtkWidget    *card,
                           RapportStore *store,
                           guint        *lessons_done,
                           guint        *n_lessons)
{
  RapportTopic *topic = rapport_topic_card_get_topic (card);
  CardWidgets *widgets = g_object_get_data (G_OBJECT (card), "card-widgets");
  g_autoptr(RapportStoreTopicSummary) summary = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GString) accessible = NULL;
  guint topic_lessons;
  guint done;

  g_return_if_fail (RAPPORT_IS_TOPIC (topic) && widgets != NULL);

  topic_lessons = rapport_topic_get_n_lessons (topic);
  if (store != NULL)
    summary = rapport_store_get_topic_summary (store,
                                               rapport_topic_get_pack_id (topic),
                                               rapport_topic_get_key (topic),
                                               rapport_topic_get_skill (topic),
                                               topic_lessons, NULL);

  done = summary != NULL ? summary->lessons_completed : 0;
  *lessons_done += done;
  *n_lessons += topic_lessons;

  status = describe_progress (summary, topic_lessons);
  gtk_label_set_text (widgets->status, status);
  gtk_progress_bar_set_fraction (widgets->bar, topic_lessons > 0 ? (double) done / topic_lessons : 0);

  /* The progress stays last: it is what changes from one visit to the next. */
  accessible = g_string_new (NULL);
  append_sentence (accessible, rapport_topic_get_display_title (topic));
  append_sentence (accessible, rapport_topic_get_summary (topic));
  append_sentence (accessible, widgets->origin);
  g_string_append (accessible, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str,
                                  -1);
}

/* A pack's topics say so under their title: the learner sees which topics
 * their trainer added to the course.
 */
static GtkWidget *
create_origin (const char *origin)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("rapport-packs-symbolic");
  GtkWidget *label = gtk_label_new (origin);

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (box, "rapport-topic-origin");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

/* A flow box child holding the topic's card; rapport_topic_card_update()
 * fills in the progress.
 */
GtkWidget *
rapport_topic_card_new (RapportTopic *topic)
{
  GtkWidget *child;
  GtkWidget *card;
  GtkWidget *header;
  GtkWidget *icon;
  GtkWidget *title;
  GtkWidget *summary;
  GtkWidget *bar;
  GtkWidget *status;
  CardWidgets *widgets;

  g_return_val_if_fail (RAPPORT_IS_TOPIC (topic), NULL);

  child = gtk_flow_box_child_new ();
  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  icon = gtk_image_new_from_icon_name (rapport_topic_get_icon_name (topic));
  title = gtk_label_new (rapport_topic_get_display_title (topic));
  summary = gtk_label_new (rapport_topic_get_summary (topic));
  bar = gtk_progress_bar_new ();
  status = gtk_label_new (NULL);
  widgets = g_new0 (CardWidgets, 1);
  widgets->origin = rapport_topic_describe_origin (topic);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "rapport-topic-card");
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_widget_add_css_class (icon, "rapport-topic-icon");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_yalign (GTK_LABEL (summary), 0);
  gtk_label_set_lines (GTK_LABEL (summary), 3);
  /* Narrow natural widths let the grid fit three cards on a wide window. */
  gtk_label_set_width_chars (GTK_LABEL (summary), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (summary), 32);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (status), 32);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_widget_set_vexpand (summary, TRUE);
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_add_css_class (status, "dim-label");

  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (card), header);
  if (widgets->origin != NULL)
    gtk_box_append (GTK_BOX (card), create_origin (widgets->origin));
  gtk_box_append (GTK_BOX (card), summary);
  gtk_box_append (GTK_BOX (card), bar);
  gtk_box_append (GTK_BOX (card), status);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), card);

  widgets->bar = GTK_PROGRESS_BAR (bar);
  widgets->status = GTK_LABEL (status);
  g_object_set_data_full (G_OBJECT (child), "card-widgets", widgets,
                          (GDestroyNotify) card_widgets_free);
  g_object_set_data_full (G_OBJECT (child), "topic", g_object_ref (topic), g_object_unref);

  return child;
}
