/* rapport-topic-loader-bytes.c: layers 1 and 2 of the topic loader: the bytes
 * and a quick scan of the markup, before libxml2 sees them.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-topic-loader-private.h"

/* Layer 1 and 2: the bytes */

static guint
count_lines (const char *start,
             const char *end)
{
  guint n_lines = 0;

  while (start < end && (start = memchr (start, '\n', end - start)) != NULL)
    {
      n_lines++;
      start++;
    }

  return n_lines;
}

static const char *
find_string (const char *start,
             const char *end,
             const char *needle)
{
  gsize needle_len = strlen (needle);

  while (start + needle_len <= end)
    {
      const char *p = memchr (start, needle[0], end - start);

      if (p == NULL || p + needle_len > end)
        return NULL;
      if (memcmp (p, needle, needle_len) == 0)
        return p;
      start = p + 1;
    }

  return NULL;
}

static gboolean
has_prefix (const char *p,
            const char *end,
            const char *prefix)
{
  gsize len = strlen (prefix);

  return (gsize) (end - p) >= len && memcmp (p, prefix, len) == 0;
}

/* The declaration may name another encoding; the bytes were checked as UTF-8
 * and are parsed as UTF-8, so a file that says otherwise was saved wrongly.
 */
static gboolean
check_declared_encoding (RapportLoad *l,
                         const char  *decl,
                         const char  *decl_end)
{
  const char *p = find_string (decl, decl_end, "encoding");
  const char *value_end;
  g_autofree char *value = NULL;
  char quote_char;

  if (p == NULL)
    return TRUE;

  p += strlen ("encoding");
  while (p < decl_end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '='))
    p++;
  if (p >= decl_end || (*p != '"' && *p != '\''))
    return TRUE;   /* malformed: the parser reports it */

  quote_char = *p++;
  value_end = memchr (p, quote_char, decl_end - p);
  if (value_end == NULL)
    return TRUE;

  value = g_strndup (p, value_end - p);
  if (g_ascii_strcasecmp (value, "UTF-8") == 0 || g_ascii_strcasecmp (value, "UTF8") == 0)
    return TRUE;

  rapport_load_add_problem (l, 1 + count_lines (decl, p),
                            _("The file says its encoding is “%s”. Topic files must be saved as "
                              "UTF-8 (and say encoding=\"UTF-8\" or nothing)."),
                            rapport_load_quote (l, value));
  return FALSE;
}

/* Skips what runs from @p, which starts with @open, to the next @close (a
 * comment, a CDATA section, a processing instruction, an end tag), counting
 * the lines it spans. Returns %NULL when nothing closes it.
 */
static const char *
skip_past (const char *p,
           const char *end,
           const char *open,
           const char *close,
           guint      *line)
{
  const char *q = find_string (p + strlen (open), end, close);

  if (q == NULL)
    return NULL;

  *line += count_lines (p, q);

  return q + strlen (close);
}

/* A quick pass over well-formed-looking XML that counts elements and depth
 * and refuses a document type declaration. It knows just enough XML to skip
 * comments, CDATA sections, processing instructions and quoted attribute
 * values; anything else wrong is left to the parser.
 */
static gboolean
scan_markup (RapportLoad *l,
             const char  *data,
             gsize        length)
{
  const char *end = data + length;
  const char *p = data;
  guint line = 1;
  guint depth = 0;
  guint n_elements = 0;

  if (has_prefix (p, end, "\xef\xbb\xbf"))
    p += 3;

  if (has_prefix (p, end, "<?xml"))
    {
      const char *decl_end = find_string (p, end, "?>");

      if (decl_end != NULL && !check_declared_encoding (l, p, decl_end))
        return FALSE;
    }

  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      const char *q;

      if (lt == NULL)
        break;

      line += count_lines (p, lt);
      p = lt;

      if (has_prefix (p, end, "<!--"))
        {
          p = skip_past (p, end, "<!--", "-->", &line);
        }
      else if (has_prefix (p, end, "<![CDATA["))
        {
          p = skip_past (p, end, "<![CDATA[", "]]>", &line);
        }
      else if (has_prefix (p, end, "<!DOCTYPE"))
        {
          rapport_load_add_problem (l, line,
                                    _("Topic files must not have a document type declaration "
                                      "(<!DOCTYPE …>); remove it."));
          return FALSE;
        }
      else if (has_prefix (p, end, "<!"))
        {
          p += 2;   /* not well-formed; the parser says where */
        }
      else if (has_prefix (p, end, "<?"))
        {
          p = skip_past (p, end, "<?", "?>", &line);
        }
      else if (has_prefix (p, end, "</"))
        {
          p = skip_past (p, end, "</", ">", &line);
          if (depth > 0)
            depth--;
        }
      else
        {
          char in_quote = 0;

          if (++n_elements > RAPPORT_TOPIC_MAX_ELEMENTS)
            {
              rapport_load_add_problem (l, line,
                                        _("The file has more than %u elements, more than any topic "
                                          "needs; split it into several topics."),
                                        RAPPORT_TOPIC_MAX_ELEMENTS);
              return FALSE;
            }

          for (q = p + 1; q < end; q++)
            {
              if (in_quote != 0)
                {
                  if (*q == in_quote)
                    in_quote = 0;
                  else if (*q == '\n')
                    line++;
                }
              else if (*q == '"' || *q == '\'')
                in_quote = *q;
              else if (*q == '>')
                break;
              else if (*q == '\n')
                line++;
            }

          if (q >= end)
            break;

          if (q[-1] != '/' && ++depth > RAPPORT_TOPIC_MAX_DEPTH)
            {
              rapport_load_add_problem (l, line,
                                        _("Elements are nested more than %u levels deep here; "
                                          "a topic file never needs that many."),
                                        RAPPORT_TOPIC_MAX_DEPTH);
              return FALSE;
            }

          p = q + 1;
        }

      if (p == NULL)
        break;   /* not closed; the parser says where */
    }

  return TRUE;
}

static guint
line_at (const char *data,
         const char *at)
{
  return 1 + count_lines (data, at);
}

gboolean
rapport_load_check_bytes (RapportLoad *l,
                          const char  *data,
                          gsize        length)
{
  const char *invalid = NULL;

  if (length == 0)
    {
      rapport_load_add_problem (l, 0, _("The file is empty."));
      return FALSE;
    }

  if (length > RAPPORT_TOPIC_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (RAPPORT_TOPIC_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      rapport_load_add_problem (l, 0,
                                _("The file is too large: a topic file may have at most %s."),
                                size);
      return FALSE;
    }

  if (length >= 2 && (guchar) data[0] == 0x1f && (guchar) data[1] == 0x8b)
    {
      rapport_load_add_problem (l, 0,
                                _("The file is compressed (gzip). Topic files must be plain XML "
                                  "text; uncompress it first."));
      return FALSE;
    }

  if (length >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe) ||
                      ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)))
    {
      rapport_load_add_problem (l, 0,
                                _("The file is saved as UTF-16. Save it as UTF-8 instead."));
      return FALSE;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      rapport_load_add_problem (l, 0,
                                _("This is not a text file: it contains binary data. "
                                  "A topic file is XML text saved as UTF-8."));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      rapport_load_add_problem (l, line_at (data, invalid),
                                _("The text is not valid UTF-8 (byte 0x%02X). "
                                  "Save the file as UTF-8."),
                                (guchar) *invalid);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return scan_markup (l, data, length);
    }

  rapport_load_add_problem (l, 0, _("The file is empty."));
  return FALSE;
}
