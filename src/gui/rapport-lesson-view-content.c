/* rapport-lesson-view-content.c: a lesson's page built from its blocks:
 * paragraphs, lists, tips, "instead of … try", dialogues, quotes and
 * pictures, then the key takeaways
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-figure.h"
#include "rapport-lesson.h"
#include "rapport-lesson-view-private.h"

static GtkWidget *
body_label (const char *markup,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
inline_label (RapportInline *text,
              const char    *css_class)
{
  g_autofree char *markup = rapport_inline_to_markup (text);

  return body_label (markup, css_class);
}

static GtkWidget *
plain_label (const char *text,
             const char *css_class)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  return body_label (markup, css_class);
}

static GtkWidget *
vbox (int         spacing,
      const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, spacing);

  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
  return box;
}

static GtkWidget *
build_list (guint          n_items,
            gboolean       ordered,
            RapportInline *(*get_item) (gconstpointer, guint),
            gconstpointer  owner)
{
  GtkWidget *list = vbox (6, "rapport-lesson-list");

  for (guint i = 0; i < n_items; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      g_autofree char *marker = ordered ? g_strdup_printf ("%u.", i + 1) : g_strdup ("•");
      GtkWidget *marker_label = gtk_label_new (marker);
      GtkWidget *item = inline_label (get_item (owner, i), "rapport-lesson-body");

      gtk_widget_add_css_class (marker_label, "rapport-lesson-marker");
      gtk_label_set_yalign (GTK_LABEL (marker_label), 0);
      gtk_widget_set_valign (marker_label, GTK_ALIGN_START);
      gtk_widget_set_hexpand (item, TRUE);
      gtk_box_append (GTK_BOX (row), marker_label);
      gtk_box_append (GTK_BOX (row), item);
      gtk_box_append (GTK_BOX (list), row);
    }

  return list;
}

static RapportInline *
block_item (gconstpointer owner,
            guint         position)
{
  return rapport_block_get_item (owner, position);
}

static RapportInline *
lesson_takeaway (gconstpointer owner,
                 guint         position)
{
  return rapport_lesson_get_takeaway ((RapportLesson *) owner, position);
}

static GtkWidget *
labelled (const char    *caption,
          RapportInline *text,
          const char    *css_class)
{
  GtkWidget *box = vbox (2, css_class);
  GtkWidget *caption_label = gtk_label_new (caption);

  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_widget_add_css_class (caption_label, "rapport-lesson-caption");
  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_box_append (GTK_BOX (box), inline_label (text, "rapport-lesson-body"));
  return box;
}

static GtkWidget *
build_dialogue (const RapportDialogue *dialogue)
{
  GtkWidget *box = vbox (8, "rapport-lesson-dialogue");
  const char *caption = rapport_dialogue_get_caption (dialogue);
  guint n = rapport_dialogue_get_n_lines (dialogue);

  if (caption != NULL)
    gtk_box_append (GTK_BOX (box), plain_label (caption, "rapport-lesson-caption"));

  for (guint i = 0; i < n; i++)
    {
      RapportSpeaker speaker;
      RapportInline *text = rapport_dialogue_get_line (dialogue, i, &speaker);
      gboolean agent = speaker == RAPPORT_SPEAKER_AGENT;
      GtkWidget *line = labelled (agent ? _("Agent") : _("Customer"), text,
                                  agent ? "rapport-line-agent" : "rapport-line-customer");

      gtk_widget_add_css_class (line, "rapport-line");
      gtk_widget_set_halign (line, agent ? GTK_ALIGN_END : GTK_ALIGN_START);
      gtk_widget_set_margin_start (line, agent ? 36 : 0);
      gtk_widget_set_margin_end (line, agent ? 0 : 36);
      gtk_box_append (GTK_BOX (box), line);
    }

  return box;
}

static GtkWidget *
build_block (const RapportBlock *block,
             RapportPack        *pack)
{
  GtkWidget *box;

  switch (rapport_block_get_kind (block))
    {
    case RAPPORT_BLOCK_PARAGRAPH:
      return inline_label (rapport_block_get_text (block), "rapport-lesson-body");

    case RAPPORT_BLOCK_LIST:
      return build_list (rapport_block_get_n_items (block),
                         rapport_block_get_ordered (block),
                         block_item, block);

    case RAPPORT_BLOCK_TIP:
      return labelled (_("Tip"), rapport_block_get_text (block), "rapport-lesson-tip");

    case RAPPORT_BLOCK_INSTEAD:
      box = vbox (8, "rapport-lesson-instead");
      gtk_box_append (GTK_BOX (box),
                      labelled (_("Instead of"), rapport_block_get_avoid (block), "rapport-instead-avoid"));
      gtk_box_append (GTK_BOX (box),
                      labelled (_("Try"), rapport_block_get_try (block), "rapport-instead-try"));
      if (rapport_block_get_why (block) != NULL)
        gtk_box_append (GTK_BOX (box),
                        inline_label (rapport_block_get_why (block), "rapport-instead-why"));
      return box;

    case RAPPORT_BLOCK_DIALOGUE:
      return build_dialogue (rapport_block_get_dialogue (block));

    case RAPPORT_BLOCK_QUOTE:
      {
        g_autofree char *source = g_strdup_printf ("— %s", rapport_block_get_source (block));

        box = vbox (4, "rapport-lesson-quote");
        gtk_box_append (GTK_BOX (box), inline_label (rapport_block_get_text (block), "rapport-quote-text"));
        gtk_box_append (GTK_BOX (box), plain_label (source, "rapport-quote-source"));
        return box;
      }

    case RAPPORT_BLOCK_FIGURE:
      return rapport_figure_new (pack, rapport_block_get_src (block), rapport_block_get_alt (block));

    default:
      /* A block kind from a newer format: leave it out rather than fail. */
      return NULL;
    }
}

/**
 * rapport_lesson_view_fill_content:
 * @content: a vertical box, emptied first
 * @pack: (nullable): the pack the lesson's pictures come from
 *
 * Fills @content with @lesson: each section's heading and blocks, then the
 * key takeaways.
 */
void
rapport_lesson_view_fill_content (GtkBox        *content,
                                  RapportLesson *lesson,
                                  RapportPack   *pack)
{
  guint n_sections = rapport_lesson_get_n_sections (lesson);
  guint n_takeaways = rapport_lesson_get_n_takeaways (lesson);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (content))) != NULL)
    gtk_box_remove (content, child);

  for (guint i = 0; i < n_sections; i++)
    {
      RapportSection *section = rapport_lesson_get_section (lesson, i);
      const char *heading = rapport_section_get_heading (section);
      guint n_blocks = rapport_section_get_n_blocks (section);

      if (heading != NULL)
        gtk_box_append (content, plain_label (heading, "rapport-lesson-heading"));

      for (guint j = 0; j < n_blocks; j++)
        {
          GtkWidget *block = build_block (rapport_section_get_block (section, j), pack);

          if (block != NULL)
            gtk_box_append (content, block);
        }
    }

  if (n_takeaways > 0)
    {
      GtkWidget *box = vbox (8, "rapport-lesson-takeaways");

      gtk_box_append (GTK_BOX (box), plain_label (_("Key Takeaways"), "rapport-lesson-caption"));
      gtk_box_append (GTK_BOX (box), build_list (n_takeaways, FALSE, lesson_takeaway, lesson));
      gtk_box_append (content, box);
    }
}
