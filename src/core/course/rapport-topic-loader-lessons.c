/* rapport-topic-loader-lessons.c: the walk over <topic>: its attributes, its
 * lessons with their sections, blocks and dialogues, the journal and the
 * rubric.  The quiz is in rapport-topic-loader-questions.c.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-keys.h"
#include "rapport-skill.h"
#include "rapport-topic-loader-private.h"

/* The text of the child that fits @particle, which allows one at most (a
 * title, a caption); %NULL when there is none.
 */
static char *
get_child_text (RapportLoad *l,
                GArray      *matches,
                guint        particle)
{
  for (guint i = 0; i < matches->len; i++)
    {
      if (RAPPORT_MATCH (matches, i)->particle == particle)
        return rapport_load_get_line_text (l, RAPPORT_MATCH (matches, i)->node);
    }

  return NULL;
}

/* The running text of each child of @node, which holds at least one and
 * only @name elements: the items of a list, takeaways, journal prompts.
 */
static GPtrArray *
parse_inline_list (RapportLoad *l,
                   xmlNode     *node,
                   const char  *name)
{
  const RapportParticle particles[] = { { name, 1, 0 } };
  g_autoptr(GArray) matches = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_inline_unref);

  matches = rapport_load_match_children (l, node, particles, G_N_ELEMENTS (particles));
  for (guint i = 0; i < matches->len; i++)
    {
      xmlNode *child = RAPPORT_MATCH (matches, i)->node;

      g_ptr_array_add (items, rapport_load_parse_inline_element (l, child, ""));
    }

  return items;
}

RapportDialogue *
rapport_load_parse_dialogue (RapportLoad *l,
                             xmlNode     *node)
{
  static const RapportParticle particles[] = {
    { "caption", 0, 1 },
    { "line", 1, 0 },
  };
  static const char * const speakers[] = { "customer", "agent", NULL };
  g_autoptr(GArray) matches = NULL;
  g_autofree char *caption = NULL;
  RapportDialogue *dialogue;

  rapport_load_check_attributes (l, node, "", "");
  matches = rapport_load_match_children (l, node, particles, G_N_ELEMENTS (particles));

  caption = get_child_text (l, matches, 0);
  dialogue = rapport_dialogue_new (caption);

  for (guint i = 0; i < matches->len; i++)
    {
      RapportMatch *m = RAPPORT_MATCH (matches, i);
      g_autoptr(RapportInline) text = NULL;
      int speaker;

      if (m->particle != 1)
        continue;

      rapport_load_check_attributes (l, m->node, "speaker", "speaker");
      speaker = rapport_load_get_choice (l, m->node, "speaker", speakers);
      text = rapport_load_parse_inline (l, m->node);

      if (speaker >= 0)
        rapport_dialogue_add_line (dialogue, (RapportSpeaker) speaker, text);
    }

  return dialogue;
}

static RapportBlock *
parse_block (RapportLoad *l,
             xmlNode     *node)
{
  const char *name = (const char *) node->name;
  RapportBlock *block;

  if (g_str_equal (name, "p") || g_str_equal (name, "tip"))
    {
      g_autoptr(RapportInline) text = rapport_load_parse_inline_element (l, node, "");

      block = rapport_block_new (name[0] == 'p' ? RAPPORT_BLOCK_PARAGRAPH : RAPPORT_BLOCK_TIP);
      rapport_block_set_text (block, text);
    }
  else if (g_str_equal (name, "list"))
    {
      g_autoptr(GPtrArray) items = NULL;

      rapport_load_check_attributes (l, node, "ordered", "");
      block = rapport_block_new (RAPPORT_BLOCK_LIST);
      rapport_block_set_ordered (block, rapport_load_get_boolean (l, node, "ordered", FALSE));

      items = parse_inline_list (l, node, "item");
      for (guint i = 0; i < items->len; i++)
        rapport_block_add_item (block, g_ptr_array_index (items, i));
    }
  else if (g_str_equal (name, "instead"))
    {
      static const RapportParticle particles[] = {
        { "avoid", 1, 1 },
        { "try", 1, 1 },
        { "why", 0, 1 },
      };
      g_autoptr(GArray) matches = NULL;
      RapportInline *parts[3] = { NULL, NULL, NULL };

      rapport_load_check_attributes (l, node, "", "");
      matches = rapport_load_match_children (l, node, particles, G_N_ELEMENTS (particles));
      for (guint i = 0; i < matches->len; i++)
        {
          RapportMatch *m = RAPPORT_MATCH (matches, i);

          g_clear_pointer (&parts[m->particle], rapport_inline_unref);
          parts[m->particle] = rapport_load_parse_inline_element (l, m->node, "");
        }

      block = rapport_block_new (RAPPORT_BLOCK_INSTEAD);
      rapport_block_set_instead (block, parts[0], parts[1], parts[2]);

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        g_clear_pointer (&parts[i], rapport_inline_unref);
    }
  else if (g_str_equal (name, "dialogue"))
    {
      g_autoptr(RapportDialogue) dialogue = rapport_load_parse_dialogue (l, node);

      block = rapport_block_new (RAPPORT_BLOCK_DIALOGUE);
      rapport_block_set_dialogue (block, dialogue);
    }
  else if (g_str_equal (name, "figure"))
    {
      const char *src;
      const char *alt;

      rapport_load_check_attributes (l, node, "src alt", "src alt");
      src = rapport_load_get_attribute (l, node, "src");
      alt = rapport_load_get_attribute (l, node, "alt");

      for (xmlNode *child = node->children; child != NULL; child = child->next)
        {
          if (child->type == XML_ELEMENT_NODE ||
              ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
               !rapport_load_is_blank ((const char *) child->content)))
            {
              rapport_load_structural (l, child,
                                       _("<figure> holds nothing: describe the picture in its alt "
                                         "attribute."));
              break;
            }
        }

      if (src != NULL && !rapport_media_path_is_valid (src))
        {
          rapport_load_structural (l, node,
                                   _("“%s” is not a picture in the pack’s media folder: use a name "
                                     "such as “media/till.png”, of letters, digits, “-” and “_”, "
                                     "ending in .png, .jpg, .jpeg or .svg."),
                                   rapport_load_quote (l, src));
          src = NULL;
        }

      if (alt != NULL)
        {
          glong n_chars = g_utf8_strlen (alt, -1);

          if (n_chars == 0 || n_chars > 400)
            rapport_load_structural (l, node,
                                     _("The alt text of a picture must have 1 to 400 characters."));
          else if (rapport_load_is_blank (alt))
            rapport_load_semantic (l, node,
                                   _("The alt text of a picture is empty; say what the picture "
                                     "shows, for learners who cannot see it."));
        }

      if (alt != NULL)
        {
          /* Line breaks and runs of spaces in the attribute become one space, as in text. */
          g_autoptr(RapportInline) collapsed = rapport_inline_new ();

          rapport_inline_append (collapsed, RAPPORT_RUN_PLAIN, alt);
          rapport_inline_finish (collapsed);
          alt = rapport_load_quote_full (l, rapport_inline_get_text (collapsed));
        }

      block = rapport_block_new (RAPPORT_BLOCK_FIGURE);
      rapport_block_set_figure (block, src, alt, rapport_load_line_of (node));
    }
  else
    {
      g_autoptr(RapportInline) text = NULL;
      const char *source;

      g_assert (g_str_equal (name, "quote"));

      rapport_load_check_attributes (l, node, "source", "source");
      source = rapport_load_get_attribute (l, node, "source");
      if (source != NULL)
        {
          glong n_chars = g_utf8_strlen (source, -1);

          if (n_chars == 0 || n_chars > 400)
            rapport_load_structural (l, node,
                                     _("The source of a quote must have 1 to 400 characters."));
          else if (rapport_load_is_blank (source))
            rapport_load_semantic (l, node, _("The source of a quote is empty; name the person."));
        }

      text = rapport_load_parse_inline (l, node);
      block = rapport_block_new (RAPPORT_BLOCK_QUOTE);
      rapport_block_set_text (block, text);
      rapport_block_set_source (block, source);
    }

  return block;
}

#define BLOCK_NAMES "p list tip instead dialogue quote figure"

static RapportSection *
parse_section (RapportLoad *l,
               xmlNode     *node)
{
  static const RapportParticle particles[] = {
    { "heading", 0, 1 },
    { BLOCK_NAMES, 1, 0 },
  };
  g_autoptr(GArray) matches = NULL;
  g_autofree char *heading = NULL;
  RapportSection *section;

  rapport_load_check_attributes (l, node, "", "");
  matches = rapport_load_match_children (l, node, particles, G_N_ELEMENTS (particles));

  heading = get_child_text (l, matches, 0);
  section = rapport_section_new (heading);

  for (guint i = 0; i < matches->len; i++)
    {
      RapportMatch *m = RAPPORT_MATCH (matches, i);
      g_autoptr(RapportBlock) block = NULL;

      if (m->particle != 1)
        continue;

      block = parse_block (l, m->node);
      rapport_section_add_block (section, block);
    }

  return section;
}

static RapportLesson *
parse_lesson (RapportLoad *l,
              xmlNode     *node)
{
  static const RapportParticle particles[] = {
    { "title", 1, 1 },
    { "section", 1, 0 },
    { "takeaways", 0, 1 },
  };
  g_autoptr(GArray) matches = NULL;
  g_autofree char *title = NULL;
  RapportLesson *lesson;
  const char *key;
  guint first_line;
  guint minutes;

  rapport_load_check_attributes (l, node, "key minutes", "key minutes");
  key = rapport_load_get_key (l, node, "key");
  minutes = rapport_load_get_number (l, node, "minutes", 1, 120);
  first_line = rapport_load_claim_key (l->lesson_keys, node, key);
  if (first_line != 0)
    rapport_load_semantic (l, node,
                           _("The lesson key “%s” is already used on line %u; each lesson needs "
                             "its own."),
                           rapport_load_quote (l, key), first_line);

  matches = rapport_load_match_children (l, node, particles, G_N_ELEMENTS (particles));
  title = get_child_text (l, matches, 0);
  lesson = rapport_lesson_new (key, title != NULL ? title : "", minutes);

  for (guint i = 0; i < matches->len; i++)
    {
      RapportMatch *m = RAPPORT_MATCH (matches, i);

      if (m->particle == 1)
        {
          g_autoptr(RapportSection) section = parse_section (l, m->node);

          rapport_lesson_add_section (lesson, section);
        }
      else if (m->particle == 2)
        {
          g_autoptr(GPtrArray) items = NULL;

          rapport_load_check_attributes (l, m->node, "", "");
          items = parse_inline_list (l, m->node, "item");
          for (guint j = 0; j < items->len; j++)
            rapport_lesson_add_takeaway (lesson, g_ptr_array_index (items, j));
        }
    }

  return lesson;
}

/* The rubric: its levels, each with its value, in order. */
static void
parse_rubric (RapportLoad  *l,
              xmlNode      *node,
              RapportTopic *topic)
{
  static const RapportParticle particles[] = {
    { "level", RAPPORT_RUBRIC_LEVELS, RAPPORT_RUBRIC_LEVELS },
  };
  g_autoptr(GArray) levels = NULL;

  rapport_load_check_attributes (l, node, "", "");
  levels = rapport_load_match_children (l, node, particles, G_N_ELEMENTS (particles));
  for (guint j = 0; j < levels->len; j++)
    {
      xmlNode *level = RAPPORT_MATCH (levels, j)->node;
      g_autoptr(RapportInline) text = NULL;
      g_autofree char *expected = g_strdup_printf ("%u", j + 1);
      const char *value;

      rapport_load_check_attributes (l, level, "value", "value");
      value = rapport_load_get_attribute (l, level, "value");
      text = rapport_load_parse_inline (l, level);

      if (value != NULL)
        {
          g_autofree char *collapsed = rapport_load_collapse (value);

          if (g_str_equal (collapsed, expected))
            rapport_topic_set_rubric_level (topic, j + 1, text);
          else
            rapport_load_structural (l, level,
                                     _("The levels of the rubric go from 1 to 5 in order; "
                                       "this one should have value=\"%u\", not “%s”."),
                                     j + 1, rapport_load_quote (l, value));
        }
    }
}

static const char *
skill_keys (RapportLoad *l)
{
  g_autoptr(GString) keys = g_string_new (NULL);
  char *result;

  for (guint i = 0; i < rapport_skill_get_count (); i++)
    {
      if (i > 0)
        g_string_append (keys, ", ");
      g_string_append (keys, rapport_skill_get_nth (i)->key);
    }

  result = g_string_free (g_steal_pointer (&keys), FALSE);
  g_ptr_array_add (l->pool, result);

  return result;
}

static gboolean
is_valid_icon_name (const char *icon)
{
  if (!g_str_has_suffix (icon, "-symbolic") || strlen (icon) <= strlen ("-symbolic"))
    return FALSE;

  for (const char *p = icon; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

RapportTopic *
rapport_load_parse_topic (RapportLoad *l,
                          xmlNode     *root)
{
  static const RapportParticle particles[] = {
    { "title", 1, 1 },
    { "summary", 1, 1 },
    { "lesson", 1, 0 },
    { "quiz", 0, 1 },
    { "journal", 1, 1 },
    { "rubric", 1, 1 },
  };
  g_autoptr(GArray) matches = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *language = NULL;
  const char *format;
  const char *key;
  const char *skill;
  const char *icon;
  const char *lang;
  RapportTopic *topic;

  if (!rapport_load_is_format_element (root) ||
      !xmlStrEqual (root->name, (const xmlChar *) "topic"))
    {
      if (root->ns != NULL && xmlStrEqual (root->name, (const xmlChar *) "topic"))
        rapport_load_structural (l, root,
                                 _("The topic format uses no XML namespace; remove xmlns=\"%s\"."),
                                 rapport_load_quote (l, (const char *) root->ns->href));
      else
        rapport_load_structural (l, root,
                                 _("This is not a Rapport topic file: it starts with <%s> instead "
                                   "of <topic>."),
                                 rapport_load_node_name (l, root));
      return NULL;
    }

  rapport_load_check_attributes (l, root,
                                 "format key skill icon xml:lang",
                                 "format key skill icon xml:lang");

  format = rapport_load_get_attribute (l, root, "format");
  if (format != NULL)
    {
      g_autofree char *collapsed = rapport_load_collapse (format);

      if (!g_str_equal (collapsed, "1"))
        rapport_load_structural (l, root,
                                 _("This file is in format “%s”, but this version of Rapport reads "
                                   "format 1. Is there a newer Rapport?"),
                                 rapport_load_quote (l, format));
    }

  key = rapport_load_get_key (l, root, "key");
  skill = rapport_load_get_key (l, root, "skill");
  if (skill != NULL && rapport_skill_lookup (skill) == NULL)
    rapport_load_semantic (l, root, _("“%s” is not one of Rapport’s skills. Use one of: %s."),
                           rapport_load_quote (l, skill), skill_keys (l));

  icon = rapport_load_get_attribute (l, root, "icon");
  if (icon != NULL && !is_valid_icon_name (icon))
    rapport_load_structural (l, root,
                             _("“%s” is not a symbolic icon name such as "
                               "“emblem-favorite-symbolic”."),
                             rapport_load_quote (l, icon));

  lang = rapport_load_get_attribute (l, root, "xml:lang");
  if (lang != NULL)
    {
      language = rapport_load_collapse (lang);
      if (!rapport_language_is_valid (language))
        rapport_load_structural (l, root, _("“%s” is not a language code such as “en” or “de-CH”."),
                                 rapport_load_quote (l, lang));
    }

  matches = rapport_load_match_children (l, root, particles, G_N_ELEMENTS (particles));

  title = get_child_text (l, matches, 0);
  summary = get_child_text (l, matches, 1);
  topic = rapport_topic_new (key, skill, icon, language, title, summary);

  for (guint i = 0; i < matches->len; i++)
    {
      RapportMatch *m = RAPPORT_MATCH (matches, i);

      switch (m->particle)
        {
        case 2:
          {
            g_autoptr(RapportLesson) lesson = parse_lesson (l, m->node);

            rapport_topic_add_lesson (topic, lesson);
          }
          break;

        case 3:
          {
            g_autoptr(RapportQuiz) quiz = rapport_load_parse_quiz (l, m->node);

            rapport_topic_set_quiz (topic, quiz);
          }
          break;

        case 4:
          {
            g_autoptr(GPtrArray) prompts = NULL;

            rapport_load_check_attributes (l, m->node, "", "");
            prompts = parse_inline_list (l, m->node, "prompt");
            for (guint j = 0; j < prompts->len; j++)
              rapport_topic_add_prompt (topic, g_ptr_array_index (prompts, j));
          }
          break;

        case 5:
          parse_rubric (l, m->node, topic);
          break;

        default:
          break;
        }
    }

  return topic;
}
