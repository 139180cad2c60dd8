/* rapport-bank-markup.c: the pieces of HTML that the converter reads: tags
 * and their few attributes that matter, entities, and escaping for XML.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rapport-bank-private.h"

/* Escaping */

gboolean
rapport_bank_is_xml_char (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xd7ff) ||
         (c >= 0xe000 && c <= 0xfffd && c != 0xfeff) || (c >= 0x10000 && c <= 0x10ffff);
}

void
rapport_bank_append_char (GString  *out,
                          gunichar  c,
                          gboolean  escape)
{
  if (!rapport_bank_is_xml_char (c))
    return;

  if (escape && c == '&')
    g_string_append (out, "&amp;");
  else if (escape && c == '<')
    g_string_append (out, "&lt;");
  else if (escape && c == '>')
    g_string_append (out, "&gt;");
  else if (escape && c == '"')
    g_string_append (out, "&quot;");
  else
    g_string_append_unichar (out, c);
}

void
rapport_bank_append_escaped (GString    *out,
                             const char *text,
                             gssize      length)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    rapport_bank_append_char (out, g_utf8_get_char (p), TRUE);
}

/* Entities */

static const struct
{
  const char *name;
  gunichar    c;
} entities[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", 0xa0 }, { "shy", 0xad }, { "copy", 0xa9 }, { "reg", 0xae }, { "trade", 0x2122 },
  { "deg", 0xb0 }, { "plusmn", 0xb1 }, { "times", 0xd7 }, { "divide", 0xf7 }, { "micro", 0xb5 },
  { "middot", 0xb7 }, { "bull", 0x2022 }, { "hellip", 0x2026 }, { "ndash", 0x2013 },
  { "mdash", 0x2014 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "sbquo", 0x201a },
  { "ldquo", 0x201c }, { "rdquo", 0x201d }, { "bdquo", 0x201e }, { "laquo", 0xab },
  { "raquo", 0xbb }, { "lsaquo", 0x2039 }, { "rsaquo", 0x203a }, { "euro", 0x20ac },
  { "pound", 0xa3 }, { "yen", 0xa5 }, { "cent", 0xa2 }, { "sect", 0xa7 }, { "para", 0xb6 },
  { "iexcl", 0xa1 }, { "iquest", 0xbf }, { "szlig", 0xdf }, { "auml", 0xe4 }, { "ouml", 0xf6 },
  { "uuml", 0xfc }, { "Auml", 0xc4 }, { "Ouml", 0xd6 }, { "Uuml", 0xdc }, { "eacute", 0xe9 },
  { "egrave", 0xe8 }, { "ecirc", 0xea }, { "euml", 0xeb }, { "Eacute", 0xc9 }, { "aacute", 0xe1 },
  { "agrave", 0xe0 }, { "acirc", 0xe2 }, { "atilde", 0xe3 }, { "aring", 0xe5 }, { "aelig", 0xe6 },
  { "ccedil", 0xe7 }, { "Ccedil", 0xc7 }, { "iacute", 0xed }, { "igrave", 0xec }, { "icirc", 0xee },
  { "iuml", 0xef }, { "ntilde", 0xf1 }, { "Ntilde", 0xd1 }, { "oacute", 0xf3 }, { "ograve", 0xf2 },
  { "ocirc", 0xf4 }, { "otilde", 0xf5 }, { "oslash", 0xf8 }, { "uacute", 0xfa }, { "ugrave", 0xf9 },
  { "ucirc", 0xfb }, { "yacute", 0xfd }, { "yuml", 0xff }, { "oelig", 0x153 }, { "thinsp", 0x2009 },
  { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "larr", 0x2190 }, { "rarr", 0x2192 }, { "uarr", 0x2191 },
  { "darr", 0x2193 }, { "le", 0x2264 }, { "ge", 0x2265 }, { "ne", 0x2260 }, { "asymp", 0x2248 },
  { "infin", 0x221e }, { "frac12", 0xbd }, { "frac14", 0xbc }, { "frac34", 0xbe }, { "sup2", 0xb2 },
  { "sup3", 0xb3 }, { "check", 0x2713 },
};

/* Reads the entity at @p ("&…;") into @c; returns where it ends, or @p when
 * it is not one (the "&" is then a character of its own).
 */
const char *
rapport_bank_read_entity (const char *p,
                          const char *end,
                          gunichar   *c)
{
  const char *q = p + 1;
  const char *semicolon;
  char name[12];
  gsize len;

  semicolon = memchr (q, ';', MIN ((gsize) (end - q), sizeof name));
  if (semicolon == NULL || semicolon == q)
    return p;

  len = semicolon - q;
  memcpy (name, q, len);
  name[len] = '\0';

  if (name[0] == '#')
    {
      guint64 value;
      char *number_end = NULL;

      if (name[1] == 'x' || name[1] == 'X')
        value = g_ascii_strtoull (name + 2, &number_end, 16);
      else
        value = g_ascii_strtoull (name + 1, &number_end, 10);

      if (number_end == NULL || *number_end != '\0' || number_end == name + 1 ||
          value > 0x10ffff || !rapport_bank_is_xml_char ((gunichar) value))
        *c = 0xfffd;
      else
        *c = (gunichar) value;

      return semicolon + 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      if (g_str_equal (entities[i].name, name))
        {
          *c = entities[i].c;
          return semicolon + 1;
        }
    }

  return p;
}

/* A copy of the text from @p to @end with its entities read. */
char *
rapport_bank_decode (const char *p,
                     const char *end)
{
  GString *out = g_string_sized_new (end - p);

  while (p < end)
    {
      gunichar c;
      const char *after;

      if (*p == '&' && (after = rapport_bank_read_entity (p, end, &c)) != p)
        {
          g_string_append_unichar (out, c);
          p = after;
          continue;
        }
      g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/* Tags */

void
rapport_bank_tag_clear (RapportBankTag *tag)
{
  g_clear_pointer (&tag->href, g_free);
  g_clear_pointer (&tag->src, g_free);
  g_clear_pointer (&tag->alt, g_free);
  g_clear_pointer (&tag->title, g_free);
  g_clear_pointer (&tag->style, g_free);
}

static void
keep_attribute (RapportBankTag *tag,
                const char     *name,
                gsize           name_len,
                const char     *value,
                const char     *value_end)
{
  char **slot = NULL;

  if (name_len > 2 && g_ascii_strncasecmp (name, "on", 2) == 0)
    tag->has_event = TRUE;
  else if (name_len == 4 && g_ascii_strncasecmp (name, "href", 4) == 0)
    slot = &tag->href;
  else if (name_len == 3 && g_ascii_strncasecmp (name, "src", 3) == 0)
    slot = &tag->src;
  else if (name_len == 3 && g_ascii_strncasecmp (name, "alt", 3) == 0)
    slot = &tag->alt;
  else if (name_len == 5 && g_ascii_strncasecmp (name, "title", 5) == 0)
    slot = &tag->title;
  else if (name_len == 5 && g_ascii_strncasecmp (name, "style", 5) == 0)
    slot = &tag->style;

  if (slot != NULL && *slot == NULL)
    *slot = rapport_bank_decode (value, value_end);
}

/* Reads the tag at @p, which starts with "<" and a letter or "/". Returns
 * where it ends, or %NULL when nothing closes it.
 */
const char *
rapport_bank_read_tag (const char     *p,
                       const char     *end,
                       RapportBankTag *tag)
{
  gsize len = 0;

  p++;
  if (*p == '/')
    {
      tag->closing = TRUE;
      p++;
    }

  while (p < end && (g_ascii_isalnum (*p) || *p == '-' || *p == ':'))
    {
      if (len < sizeof tag->name - 1)
        tag->name[len++] = g_ascii_tolower (*p);
      p++;
    }
  tag->name[len] = '\0';

  while (p < end)
    {
      const char *name;
      const char *name_end;
      const char *value = NULL;
      const char *value_end = NULL;

      while (p < end && (g_ascii_isspace (*p) || *p == '/'))
        {
          if (*p == '/' && p + 1 < end && p[1] == '>')
            tag->self_closing = TRUE;
          p++;
        }
      if (p >= end)
        return NULL;
      if (*p == '>')
        return p + 1;

      name = p;
      while (p < end && !g_ascii_isspace (*p) && *p != '=' && *p != '>' && *p != '/')
        p++;
      name_end = p;
      if (p == name)
        p++;   /* a stray character */

      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p < end && *p == '=')
        {
          p++;
          while (p < end && g_ascii_isspace (*p))
            p++;
          if (p < end && (*p == '"' || *p == '\''))
            {
              char quote = *p++;

              value = p;
              value_end = memchr (p, quote, end - p);
              if (value_end == NULL)
                return NULL;
              p = value_end + 1;
            }
          else
            {
              value = p;
              while (p < end && !g_ascii_isspace (*p) && *p != '>')
                p++;
              value_end = p;
            }
        }

      if (value != NULL)
        keep_attribute (tag, name, name_end - name, value, value_end);
      else
        keep_attribute (tag, name, name_end - name, p, p);
    }

  return NULL;
}

/* Whether @name is one of the words of @names. */
gboolean
rapport_bank_is_one_of (const char *name,
                        const char *names)
{
  gsize len = strlen (name);

  for (const char *p = names; *p != '\0';)
    {
      const char *space = strchr (p, ' ');
      gsize word = space != NULL ? (gsize) (space - p) : strlen (p);

      if (word == len && memcmp (p, name, len) == 0)
        return TRUE;
      p += word;
      while (*p == ' ')
        p++;
    }

  return FALSE;
}

