/* rapport-bank-markdown.c: Markdown, as GIFT's [markdown] texts use it, as
 * HTML for the converter: paragraphs, lists, headings, emphasis, links and
 * pictures. HTML inside Markdown passes through, as Moodle lets it.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rapport-bank-private.h"

/* The longest words or target of a link. */
#define MAX_LINK 2048

typedef struct
{
  GString  *out;
  gboolean  in_paragraph;
  char      list;          /* 'u', 'o' or 0 */
  gboolean  hard_break;    /* the line before ended in two spaces */
} Writer;

static void
close_blocks (Writer *w)
{
  if (w->in_paragraph)
    g_string_append (w->out, "</p>");
  if (w->list == 'u')
    g_string_append (w->out, "</ul>");
  else if (w->list == 'o')
    g_string_append (w->out, "</ol>");
  w->in_paragraph = FALSE;
  w->list = 0;
}

/* "[words](target)" at @p: the end of the words and of the target, or
 * FALSE when it is no link.
 */
static gboolean
read_link (const char  *p,
           const char **words_end,
           const char **target,
           const char **target_end)
{
  /* Looked for only so far ahead: a text of "[" would otherwise be read to
   * its end from each of them, in quadratic time.
   */
  const char *close = memchr (p + 1, ']', strnlen (p + 1, MAX_LINK));

  if (close == NULL || close[1] != '(')
    return FALSE;

  *words_end = close;
  *target = close + 2;
  *target_end = memchr (*target, ')', strnlen (*target, MAX_LINK));

  return *target_end != NULL;
}

static void
append_inline (GString    *out,
               const char *text)
{
  gboolean em = FALSE;
  gboolean strong = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      const char *words_end;
      const char *target;
      const char *target_end;

      if (*p == '\\' && p[1] != '\0' && g_ascii_ispunct (p[1]))
        {
          rapport_bank_append_char (out, p[1], TRUE);
          p += 2;
        }
      else if (*p == '`' && strchr (p + 1, '`') != NULL)
        {
          const char *close = strchr (p + 1, '`');

          rapport_bank_append_escaped (out, p + 1, close - p - 1);
          p = close + 1;
        }
      else if (*p == '!' && p[1] == '[' && read_link (p + 1, &words_end, &target, &target_end))
        {
          g_string_append (out, "<img alt=\"");
          rapport_bank_append_escaped (out, p + 2, words_end - p - 2);
          g_string_append (out, "\" src=\"");
          rapport_bank_append_escaped (out, target, target_end - target);
          g_string_append (out, "\">");
          p = target_end + 1;
        }
      else if (*p == '[' && read_link (p, &words_end, &target, &target_end))
        {
          g_autofree char *words = g_strndup (p + 1, words_end - p - 1);

          g_string_append (out, "<a href=\"");
          rapport_bank_append_escaped (out, target, target_end - target);
          g_string_append (out, "\">");
          append_inline (out, words);
          g_string_append (out, "</a>");
          p = target_end + 1;
        }
      else if ((p[0] == '*' || p[0] == '_') && p[1] == p[0])
        {
          g_string_append (out, strong ? "</strong>" : "<strong>");
          strong = !strong;
          p += 2;
        }
      else if (*p == '*' ||
               (*p == '_' && (p == text || !g_ascii_isalnum (p[-1]) || !g_ascii_isalnum (p[1]))))
        {
          g_string_append (out, em ? "</em>" : "<em>");
          em = !em;
          p++;
        }
      else
        {
          g_string_append_c (out, *p++);
        }
    }

  if (em)
    g_string_append (out, "</em>");
  if (strong)
    g_string_append (out, "</strong>");
}

/* The length of a list marker at @p ("- ", "1. "), or 0. */
static gsize
list_marker (const char *p,
             char       *kind)
{
  const char *q = p;

  if ((*p == '-' || *p == '*' || *p == '+') && p[1] == ' ')
    {
      *kind = 'u';
      return 2;
    }

  while (g_ascii_isdigit (*q))
    q++;
  if (q > p && q - p < 10 && (*q == '.' || *q == ')') && q[1] == ' ')
    {
      *kind = 'o';
      return q - p + 2;
    }

  return 0;
}

char *
rapport_bank_markdown_to_html (const char *markdown)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  Writer w = { g_string_new (NULL), FALSE, 0, FALSE };

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchug (lines[i]);
      gsize len = strlen (line);
      gboolean hard_break = len >= 2 && line[len - 1] == ' ' && line[len - 2] == ' ';
      gsize hashes = 0;
      gsize marker;
      char kind = 0;

      g_strchomp (line);
      if (line[0] == '\0')
        {
          close_blocks (&w);
          continue;
        }

      while (line[hashes] == '#' && hashes < 7)
        hashes++;

      if (hashes >= 1 && hashes <= 6 && line[hashes] == ' ')
        {
          close_blocks (&w);
          g_string_append_printf (w.out, "<h%u>", (guint) hashes);
          append_inline (w.out, line + hashes + 1);
          g_string_append_printf (w.out, "</h%u>", (guint) hashes);
        }
      else if ((marker = list_marker (line, &kind)) > 0)
        {
          if (w.list != kind)
            {
              close_blocks (&w);
              g_string_append (w.out, kind == 'u' ? "<ul>" : "<ol>");
              w.list = kind;
            }
          g_string_append (w.out, "<li>");
          append_inline (w.out, line + marker);
          g_string_append (w.out, "</li>");
        }
      else
        {
          if (w.list != 0)
            close_blocks (&w);
          if (!w.in_paragraph)
            g_string_append (w.out, "<p>");
          else
            g_string_append (w.out, w.hard_break ? "<br>" : " ");
          w.in_paragraph = TRUE;
          append_inline (w.out, line);
        }

      w.hard_break = hard_break;
    }

  close_blocks (&w);

  return g_string_free (w.out, FALSE);
}
