/* rapport-topic-loader-walk.c: layer 5 of the topic loader, what the walk
 * checks in every element: its children against its content model, its
 * attributes and their values, its text; and keys that must be unique.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-keys.h"
#include "rapport-topic-loader-private.h"

static gboolean
name_in (const char *names,
         const char *name)
{
  gsize len = strlen (name);

  for (const char *p = names; *p != '\0'; )
    {
      const char *space = strchr (p, ' ');
      gsize word_len = space != NULL ? (gsize) (space - p) : strlen (p);

      if (word_len == len && memcmp (p, name, len) == 0)
        return TRUE;

      p += word_len;
      while (*p == ' ')
        p++;
    }

  return FALSE;
}

/* "<a>", "<a> or <b>", "<a>, <b> or <c>" */
static const char *
format_names (RapportLoad *l,
              const char  *names)
{
  g_auto(GStrv) words = g_strsplit (names, " ", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_strv_length (words);
  char *result;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *tag = g_strdup_printf ("<%s>", words[i]);

      if (i == 0)
        g_string_append (out, tag);
      else if (i + 1 < n)
        g_string_append_printf (out, ", %s", tag);
      else
        {
          /* Translators: the end of a list of choices, as in "<a>, <b> or <c>". */
          g_autofree char *last = g_strdup_printf (_("%s or %s"), out->str, tag);

          g_string_assign (out, last);
        }
    }

  result = g_string_free (g_steal_pointer (&out), FALSE);
  g_ptr_array_add (l->pool, result);

  return result;
}

const char *
rapport_load_node_name (RapportLoad *l,
                        xmlNode     *node)
{
  if (node->ns != NULL && node->ns->prefix != NULL)
    {
      g_autofree char *qname = g_strdup_printf ("%s:%s", node->ns->prefix, node->name);

      return rapport_load_quote (l, qname);
    }

  return rapport_load_quote (l, (const char *) node->name);
}

gboolean
rapport_load_is_format_element (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE && node->ns == NULL;
}

gboolean
rapport_load_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
        return FALSE;
    }

  return TRUE;
}

/* What is neither an element nor text: comments and processing instructions
 * are let be, entity references are refused.
 */
static void
check_other_node (RapportLoad *l,
                  xmlNode     *child)
{
  if (child->type == XML_ENTITY_REF_NODE)
    rapport_load_structural (l, child, _("Entity references are not allowed in topic files."));
}

/* The child elements of an element that holds only elements; reports text. */
static GPtrArray *
element_children (RapportLoad *l,
                  xmlNode     *node)
{
  GPtrArray *children = g_ptr_array_new ();
  gboolean text_reported = FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_ELEMENT_NODE:
          g_ptr_array_add (children, child);
          break;

        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (!text_reported && !rapport_load_is_blank ((const char *) child->content))
            {
              rapport_load_structural (l, child,
                                       _("Text is not allowed directly inside <%s>; "
                                         "put it in one of its elements."),
                                       rapport_load_node_name (l, node));
              text_reported = TRUE;
            }
          break;

        default:
          check_other_node (l, child);
          break;
        }
    }

  return children;
}

/* Checks the order and number of @node's child elements against a sequence
 * of particles, the way the schema defines each element's content. Returns
 * the children that fit, with the particle each one matched.
 */
GArray *
rapport_load_match_children (RapportLoad           *l,
                             xmlNode               *node,
                             const RapportParticle *particles,
                             guint                  n_particles)
{
  g_autoptr(GPtrArray) children = element_children (l, node);
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (RapportMatch));
  guint *counts = g_newa (guint, n_particles);
  const char *name = rapport_load_node_name (l, node);
  xmlNode *previous = NULL;
  guint pos = 0;

  memset (counts, 0, sizeof (guint) * n_particles);

  for (guint c = 0; c < children->len; c++)
    {
      xmlNode *child = g_ptr_array_index (children, c);
      const char *child_name = rapport_load_node_name (l, child);
      guint found = G_MAXUINT;

      if (rapport_load_is_format_element (child))
        {
          for (guint i = pos; i < n_particles; i++)
            {
              if (name_in (particles[i].names, (const char *) child->name) &&
                  (particles[i].max == 0 || counts[i] < particles[i].max))
                {
                  found = i;
                  break;
                }
            }
        }

      if (found != G_MAXUINT)
        {
          for (guint i = pos; i < found; i++)
            {
              if (counts[i] < particles[i].min && strchr (particles[i].names, ' ') != NULL)
                rapport_load_structural (l, child, _("One of %s is missing here, before <%s>."),
                                         format_names (l, particles[i].names), child_name);
              else if (counts[i] < particles[i].min)
                rapport_load_structural (l, child, _("%s is missing here, before <%s>."),
                                         format_names (l, particles[i].names), child_name);
            }

          pos = found;
          counts[pos]++;
          g_array_append_vals (matches, &(RapportMatch) { child, pos }, 1);
          previous = child;
          continue;
        }

      if (rapport_load_is_format_element (child) && pos < n_particles &&
          name_in (particles[pos].names, (const char *) child->name))
        {
          if (particles[pos].max == 1)
            rapport_load_structural (l, child, _("<%s> can have only one <%s>."), name, child_name);
          else
            rapport_load_structural (l, child, _("<%s> can have at most %u <%s> elements."),
                                     name, particles[pos].max, child_name);
          continue;
        }

      if (rapport_load_is_format_element (child) && previous != NULL)
        {
          gboolean earlier = FALSE;

          for (guint i = 0; i < pos; i++)
            earlier |= name_in (particles[i].names, (const char *) child->name);

          if (earlier)
            {
              rapport_load_structural (l, child,
                                       _("<%s> is in the wrong place: it must come before <%s>."),
                                       child_name, rapport_load_node_name (l, previous));
              continue;
            }
        }

      {
        g_autoptr(GString) expected = g_string_new (NULL);

        for (guint i = pos; i < n_particles; i++)
          {
            if (particles[i].max != 0 && counts[i] >= particles[i].max)
              continue;

            if (expected->len > 0)
              g_string_append_c (expected, ' ');
            g_string_append (expected, particles[i].names);

            if (counts[i] < particles[i].min)
              break;
          }

        if (expected->len == 0 && previous != NULL)
          rapport_load_structural (l, child,
                                   _("<%s> is not allowed here: nothing may follow <%s> "
                                     "inside <%s>."),
                                   child_name, rapport_load_node_name (l, previous), name);
        else if (expected->len == 0)
          rapport_load_structural (l, child, _("<%s> is not allowed inside <%s>."),
                                   child_name, name);
        else
          rapport_load_structural (l, child, _("<%s> is not allowed here; expected %s."),
                                   child_name, format_names (l, expected->str));
      }
    }

  for (guint i = pos; i < n_particles; i++)
    {
      if (counts[i] >= particles[i].min)
        continue;

      if (particles[i].min > 1)
        rapport_load_structural (l, node, _("<%s> needs %u %s elements; it has %u."),
                                 name, particles[i].min, format_names (l, particles[i].names),
                                 counts[i]);
      else if (strchr (particles[i].names, ' ') != NULL)
        rapport_load_structural (l, node, _("<%s> needs at least one of %s."),
                                 name, format_names (l, particles[i].names));
      else
        rapport_load_structural (l, node, _("%s is missing from <%s>."),
                                 format_names (l, particles[i].names), name);
    }

  return matches;
}

static char *
attribute_name (xmlAttr *attr)
{
  if (attr->ns != NULL && attr->ns->prefix != NULL)
    return g_strdup_printf ("%s:%s", attr->ns->prefix, attr->name);

  return g_strdup ((const char *) attr->name);
}

/* Checks that @node has every attribute in @required and none outside
 * @allowed (both separated by spaces).
 */
void
rapport_load_check_attributes (RapportLoad *l,
                               xmlNode     *node,
                               const char  *allowed,
                               const char  *required)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      g_autofree char *name = attribute_name (attr);

      if (!name_in (allowed, name))
        {
          if (allowed[0] == '\0')
            rapport_load_structural (l, node, _("<%s> cannot have attributes; remove “%s”."),
                                     rapport_load_node_name (l, node),
                                     rapport_load_quote (l, name));
          else
            rapport_load_structural (l, node,
                                     _("<%s> cannot have the attribute “%s”; it can have: %s."),
                                     rapport_load_node_name (l, node),
                                     rapport_load_quote (l, name), allowed);
        }
    }

  if (required[0] != '\0')
    {
      g_auto(GStrv) names = g_strsplit (required, " ", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          gboolean present;

          if (g_str_equal (names[i], "xml:lang"))
            present = xmlHasNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE) != NULL;
          else
            present = xmlHasNsProp (node, (const xmlChar *) names[i], NULL) != NULL;

          if (!present)
            rapport_load_structural (l, node, _("<%s> needs the attribute “%s”."),
                                     rapport_load_node_name (l, node), names[i]);
        }
    }
}

/* The value of an attribute without namespace, or NULL; owned by the load. */
const char *
rapport_load_get_attribute (RapportLoad *l,
                            xmlNode     *node,
                            const char  *name)
{
  xmlChar *value;
  char *copy;

  if (g_str_equal (name, "xml:lang"))
    value = xmlGetNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE);
  else
    value = xmlGetNoNsProp (node, (const xmlChar *) name);

  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *) value);
  xmlFree (value);
  g_ptr_array_add (l->pool, copy);

  return copy;
}

/* XML Schema's "collapse": the numbers and booleans of the schema ignore
 * white space around them.
 */
char *
rapport_load_collapse (const char *value)
{
  return g_strstrip (g_strdup (value));
}

const char *
rapport_load_get_key (RapportLoad *l,
                      xmlNode     *node,
                      const char  *attribute)
{
  const char *key = rapport_load_get_attribute (l, node, attribute);

  if (key == NULL)
    return NULL;

  if (!rapport_key_is_valid (key))
    {
      rapport_load_structural (l, node,
                               _("“%s” is not a valid %s: use lower-case letters and digits, in "
                                 "words joined by hyphens, such as “naming-feelings” (at most 64 "
                                 "characters)."),
                               rapport_load_quote (l, key), attribute);
      return NULL;
    }

  return key;
}

gboolean
rapport_load_get_boolean (RapportLoad *l,
                          xmlNode     *node,
                          const char  *attribute,
                          gboolean     default_value)
{
  const char *value = rapport_load_get_attribute (l, node, attribute);
  g_autofree char *collapsed = NULL;

  if (value == NULL)
    return default_value;

  collapsed = rapport_load_collapse (value);
  if (g_str_equal (collapsed, "true") || g_str_equal (collapsed, "1"))
    return TRUE;
  if (g_str_equal (collapsed, "false") || g_str_equal (collapsed, "0"))
    return FALSE;

  rapport_load_structural (l, node, _("%s must be true or false, not “%s”."),
                           attribute, rapport_load_quote (l, value));

  return default_value;
}

/* A whole number from @min to @max (G_MAXUINT for no limit); 0 if it is not. */
guint
rapport_load_get_number (RapportLoad *l,
                         xmlNode     *node,
                         const char  *attribute,
                         guint        min,
                         guint        max)
{
  const char *value = rapport_load_get_attribute (l, node, attribute);
  g_autofree char *collapsed = NULL;
  const char *digits;
  guint64 number = 0;

  if (value == NULL)
    return 0;

  collapsed = rapport_load_collapse (value);
  digits = collapsed[0] == '+' ? collapsed + 1 : collapsed;

  if (digits[0] != '\0')
    {
      const char *p;

      for (p = digits; g_ascii_isdigit (*p); p++)
        {
          number = number * 10 + (guint64) (*p - '0');
          if (number > G_MAXUINT)
            number = (guint64) G_MAXUINT + 1;
        }

      if (*p == '\0' && number >= min && number <= max)
        return (guint) number;
    }

  if (max == G_MAXUINT)
    rapport_load_structural (l, node, _("%s must be a whole number of at least %u, not “%s”."),
                             attribute, min, rapport_load_quote (l, value));
  else
    rapport_load_structural (l, node, _("%s must be a whole number from %u to %u, not “%s”."),
                             attribute, min, max, rapport_load_quote (l, value));

  return 0;
}

/* A value from a fixed list, such as a speaker; -1 if it is none of them. */
int
rapport_load_get_choice (RapportLoad        *l,
                         xmlNode            *node,
                         const char         *attribute,
                         const char * const *values)
{
  const char *value = rapport_load_get_attribute (l, node, attribute);
  g_autofree char *collapsed = NULL;
  g_autofree char *list = NULL;

  if (value == NULL)
    return -1;

  collapsed = rapport_load_collapse (value);
  for (guint i = 0; values[i] != NULL; i++)
    {
      if (g_str_equal (collapsed, values[i]))
        return (int) i;
    }

  list = g_strjoinv (", ", (char **) values);
  rapport_load_structural (l, node, _("%s must be one of %s, not “%s”."),
                           attribute, list, rapport_load_quote (l, value));

  return -1;
}

/* Plain text of an element that holds only text (a title, a heading),
 * checked like the schema's "line": 1 to 400 characters.
 */
char *
rapport_load_get_line_text (RapportLoad *l,
                            xmlNode     *node)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(RapportInline) text = rapport_inline_new ();
  glong n_chars;

  rapport_load_check_attributes (l, node, "", "");

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (raw, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        rapport_load_structural (l, child,
                                 _("<%s> holds plain text only; <%s> is not allowed in it."),
                                 rapport_load_node_name (l, node),
                                 rapport_load_node_name (l, child));
      else
        check_other_node (l, child);
    }

  n_chars = g_utf8_strlen (raw->str, -1);
  if (n_chars > RAPPORT_TOPIC_MAX_LINE)
    rapport_load_structural (l, node,
                             _("<%s> is too long: %ld characters; at most 400 are allowed."),
                             rapport_load_node_name (l, node), n_chars);
  else if (n_chars == 0)
    rapport_load_structural (l, node, _("<%s> is empty."), rapport_load_node_name (l, node));

  rapport_inline_append (text, RAPPORT_RUN_PLAIN, raw->str);
  rapport_inline_finish (text);

  if (n_chars > 0 && rapport_inline_get_text (text)[0] == '\0')
    rapport_load_semantic (l, node, _("<%s> is empty."), rapport_load_node_name (l, node));

  return g_strdup (rapport_inline_get_text (text));
}

static void
append_text_children (RapportLoad     *l,
                      RapportInline   *text,
                      xmlNode         *node,
                      RapportRunStyle  style)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          rapport_inline_append (text, style, (const char *) child->content);
          break;

        case XML_ELEMENT_NODE:
          if (style == RAPPORT_RUN_PLAIN && rapport_load_is_format_element (child) &&
              (xmlStrEqual (child->name, (const xmlChar *) "em") ||
               xmlStrEqual (child->name, (const xmlChar *) "strong")))
            {
              rapport_load_check_attributes (l, child, "", "");
              append_text_children (l, text, child,
                                    child->name[0] == 'e' ? RAPPORT_RUN_EMPHASIS
                                                          : RAPPORT_RUN_STRONG);
            }
          else if (style != RAPPORT_RUN_PLAIN)
            rapport_load_structural (l, child,
                                     _("<%s> holds plain text only; <%s> is not allowed in it."),
                                     rapport_load_node_name (l, node),
                                     rapport_load_node_name (l, child));
          else
            rapport_load_structural (l, child,
                                     _("<%s> is not allowed inside <%s>; running text may only "
                                       "contain <em> and <strong>."),
                                     rapport_load_node_name (l, child),
                                     rapport_load_node_name (l, node));
          break;

        default:
          check_other_node (l, child);
          break;
        }
    }
}

/* Running text with <em> and <strong>. */
RapportInline *
rapport_load_parse_inline (RapportLoad *l,
                           xmlNode     *node)
{
  RapportInline *text = rapport_inline_new ();

  append_text_children (l, text, node, RAPPORT_RUN_PLAIN);
  rapport_inline_finish (text);

  if (rapport_inline_get_text (text)[0] == '\0')
    rapport_load_semantic (l, node, _("<%s> is empty."), rapport_load_node_name (l, node));

  return text;
}

RapportInline *
rapport_load_parse_inline_element (RapportLoad *l,
                                   xmlNode     *node,
                                   const char  *attributes)
{
  rapport_load_check_attributes (l, node, attributes, "");

  return rapport_load_parse_inline (l, node);
}


/* Keys must be unique within their kind in a topic: progress is stored by
 * key. Returns the line where @key was first used, or 0 when it is new.
 */
guint
rapport_load_claim_key (GHashTable *keys,
                        xmlNode    *node,
                        const char *key)
{
  gpointer first_line;

  if (key == NULL)
    return 0;

  if (g_hash_table_lookup_extended (keys, key, NULL, &first_line))
    return MAX (GPOINTER_TO_UINT (first_line), 1);

  g_hash_table_insert (keys, g_strdup (key), GUINT_TO_POINTER (rapport_load_line_of (node)));

  return 0;
}
