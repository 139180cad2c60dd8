/* rapport-bank-html.c: the text of a bank (HTML, Moodle's auto-format,
 * Markdown or plain text) as Rapport's running text and lesson blocks.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Bank text is HTML written by anyone's editor, and sometimes by someone who
 * means harm. It is read here by a small tokenizer, not by an HTML parser:
 * one pass, no recursion, a bounded stack of open elements, so that no
 * nesting or length can cost more than linear time. What it keeps is what a
 * topic file can say: words, <em>, <strong> (never nested), and in lessons
 * paragraphs, lists, headings and pictures of the pack. Everything else is
 * left out, and each kind of thing left out is noted once per text with the
 * bank's line. The words come out XML-escaped, so no markup of the bank,
 * Pango's included, reaches a topic file as markup.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-bank-private.h"

/* Open elements tracked; deeper ones only pass their words on. */
#define MAX_OPEN 256

typedef enum
{
  MODE_INLINE,
  MODE_PLAIN,
  MODE_BLOCKS,
} Mode;

typedef enum
{
  STYLE_NONE,
  STYLE_EM,
  STYLE_STRONG,
} Style;

/* What an open element does until it closes. */
enum
{
  EFFECT_EM      = 1 << 0,
  EFFECT_STRONG  = 1 << 1,
  EFFECT_LIST    = 1 << 2,
  EFFECT_HEADING = 1 << 3,
};

typedef struct
{
  char   name[12];
  guint8 effects;
} Open;

typedef struct
{
  RapportBank           *bank;
  const RapportBankText *text;
  Mode                   mode;

  GString               *run;          /* the running text being built */
  GString               *heading;      /* a heading being built (blocks) */
  Style                  open_style;   /* the element open at the end of run */
  gboolean               pending_space;
  guint                  newlines;     /* in the white space since the last word */
  guint                  em;
  guint                  strong;

  GPtrArray             *blocks;
  RapportBankBlock      *list;         /* the list being built (blocks) */
  guint                  list_depth;
  guint                  n_items;      /* of the list at depth 1 (inline) */
  gboolean               in_heading;

  Open                   open[MAX_OPEN];
  guint                  n_open;
  char                   skip[12];     /* an element whose content is left out */
  guint                  skip_depth;

  guint                  seen;
  char                  *first_link;
  guint                  n_links;
  char                  *first_media;
  char                  *first_unknown;
} Converter;

void
rapport_bank_block_free (RapportBankBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->markup);
  g_clear_pointer (&block->items, g_ptr_array_unref);
  g_free (block->alt);
  g_free (block);
}

/* Words */

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xa0;
}

static void
close_style (Converter *c)
{
  if (c->open_style == STYLE_EM)
    g_string_append (c->run, "</em>");
  else if (c->open_style == STYLE_STRONG)
    g_string_append (c->run, "</strong>");
  c->open_style = STYLE_NONE;
}

static void block_boundary (Converter *c);

static void
put_char (Converter *c,
          gunichar   ch)
{
  GString *out = c->in_heading ? c->heading : c->run;
  Style style = STYLE_NONE;

  if (is_space (ch))
    {
      if (ch == '\n' && ++c->newlines >= 2 && c->text->format != RAPPORT_BANK_TEXT_HTML)
        block_boundary (c);
      else if (out->len > 0)
        c->pending_space = TRUE;
      return;
    }

  c->newlines = 0;
  if (!rapport_bank_is_xml_char (ch))
    return;

  if (c->mode != MODE_PLAIN && !c->in_heading)
    style = c->strong > 0 ? STYLE_STRONG : c->em > 0 ? STYLE_EM : STYLE_NONE;

  if (!c->in_heading && style != c->open_style)
    {
      close_style (c);
      if (c->pending_space)
        g_string_append_c (out, ' ');
      if (style == STYLE_EM)
        g_string_append (out, "<em>");
      else if (style == STYLE_STRONG)
        g_string_append (out, "<strong>");
      c->open_style = style;
    }
  else if (c->pending_space)
    {
      g_string_append_c (out, ' ');
    }

  c->pending_space = FALSE;
  rapport_bank_append_char (out, ch, c->mode != MODE_PLAIN && !c->in_heading);
}

/* Blocks */

static void
flush_run (Converter *c)
{
  RapportBankBlock *block;

  close_style (c);
  c->pending_space = FALSE;

  if (c->mode != MODE_BLOCKS || c->run->len == 0)
    return;

  if (c->list != NULL)
    {
      g_ptr_array_add (c->list->items, g_strdup (c->run->str));
    }
  else
    {
      block = g_new0 (RapportBankBlock, 1);
      block->type = RAPPORT_BANK_BLOCK_PARAGRAPH;
      block->markup = g_strdup (c->run->str);
      g_ptr_array_add (c->blocks, block);
    }

  g_string_truncate (c->run, 0);
}

static void
block_boundary (Converter *c)
{
  if (c->mode == MODE_BLOCKS)
    flush_run (c);
  else if (c->run->len > 0)
    c->pending_space = TRUE;
}

static void
end_list (Converter *c)
{
  flush_run (c);
  c->list = NULL;
}

static void
start_list (Converter *c,
            gboolean   ordered)
{
  if (c->mode != MODE_BLOCKS)
    {
      if (c->list_depth == 0)
        c->n_items = 0;
      c->seen |= RAPPORT_BANK_SEEN_LIST;
      block_boundary (c);
      return;
    }

  flush_run (c);
  if (c->list == NULL)
    {
      c->list = g_new0 (RapportBankBlock, 1);
      c->list->type = ordered ? RAPPORT_BANK_BLOCK_ORDERED_LIST : RAPPORT_BANK_BLOCK_LIST;
      c->list->items = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (c->blocks, c->list);
    }
}

static void
start_item (Converter *c)
{
  if (c->mode != MODE_BLOCKS)
    {
      /* Items on one line: "a; b; c", unless an item ends in a mark of its own. */
      if (c->n_items++ > 0 && c->run->len > 0)
        {
          char last = c->run->str[c->run->len - 1];

          close_style (c);
          c->pending_space = FALSE;
          if (strchr (".;:,!?", last) == NULL)
            g_string_append_c (c->run, ';');
          c->pending_space = TRUE;
        }
      else
        {
          block_boundary (c);
        }
      return;
    }

  if (c->list == NULL)
    start_list (c, FALSE);
  flush_run (c);
}

static void
start_heading (Converter *c)
{
  if (c->mode != MODE_BLOCKS)
    {
      block_boundary (c);
      return;
    }

  flush_run (c);
  if (c->list != NULL)
    end_list (c);
  c->in_heading = TRUE;
  g_string_truncate (c->heading, 0);
}

static void
end_heading (Converter *c)
{
  RapportBankBlock *block;

  if (!c->in_heading)
    return;

  c->in_heading = FALSE;
  c->pending_space = FALSE;
  if (c->heading->len == 0)
    return;

  block = g_new0 (RapportBankBlock, 1);
  block->type = RAPPORT_BANK_BLOCK_HEADING;
  block->markup = g_strdup (c->heading->str);
  g_ptr_array_add (c->blocks, block);
}

#define VOID_ELEMENTS "br hr img input meta link area base col embed param source track wbr"
#define BLOCK_ELEMENTS "p div blockquote center section article header footer main aside nav " \
                       "address figure figcaption pre dl dt dd tr caption form fieldset legend"
#define TRANSPARENT_ELEMENTS "span abbr acronym q kbd samp code tt bdi bdo time nobr html body " \
                             "tbody thead tfoot colgroup col picture small big sub sup noscript " \
                             "label cite dfn var a img td th table li ul ol"

/* Content left out entirely, and the kind of thing it is. */
static guint
skipped_kind (const char *name)
{
  if (rapport_bank_is_one_of (name, "script"))
    return RAPPORT_BANK_SEEN_SCRIPT;
  if (rapport_bank_is_one_of (name, "style"))
    return RAPPORT_BANK_SEEN_STYLE;
  if (rapport_bank_is_one_of (name, "head title template"))
    return G_MAXUINT;
  if (rapport_bank_is_one_of (name, "iframe object video audio canvas svg math applet frameset frame map"))
    return RAPPORT_BANK_SEEN_MEDIA;
  if (rapport_bank_is_one_of (name, "select textarea button datalist output"))
    return RAPPORT_BANK_SEEN_FORM;

  return 0;
}

/* A picture: a figure in a lesson, noted anywhere else. */
static void
note_picture (Converter      *c,
              RapportBankTag *tag)
{
  RapportBankMedia *media;
  RapportBankBlock *block;

  if (c->bank == NULL)
    return;   /* the words only */

  media = rapport_bank_find_picture (c->bank, c->text, tag->src, c->mode == MODE_BLOCKS);
  if (media == NULL)
    return;

  block = rapport_bank_figure_new (c->bank, c->text, media, tag->alt, tag->title);
  flush_run (c);
  if (c->list != NULL)
    end_list (c);
  g_ptr_array_add (c->blocks, block);
}

static void
note_link (Converter  *c,
           const char *href)
{
  c->seen |= RAPPORT_BANK_SEEN_LINK;
  if (c->n_links++ == 0)
    c->first_link = g_strdup (href);
  if (g_ascii_strncasecmp (href, "javascript:", strlen ("javascript:")) == 0)
    c->seen |= RAPPORT_BANK_SEEN_SCRIPT;
}

/* Emphasis that a style attribute asks for, as Moodle's editor writes it;
 * @other is set when it asks for more than Rapport shows anyway (left to
 * right text, aligned left, in normal weight and style).
 */
static guint8
style_effects (const char *style,
               gboolean   *other)
{
  static const char * const plain[] = {
    "font-style:normal", "font-weight:normal", "font-weight:400", "text-align:left",
    "text-align:start", "direction:ltr",
  };
  g_autofree char *lower = g_ascii_strdown (style, -1);
  g_auto(GStrv) declarations = NULL;
  guint8 effects = 0;
  char *w = lower;

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        *w++ = *p;
    }
  *w = '\0';

  *other = FALSE;
  declarations = g_strsplit (lower, ";", 32);
  for (guint i = 0; declarations[i] != NULL; i++)
    {
      const char *d = declarations[i];
      gboolean known = d[0] == '\0';

      if (g_str_equal (d, "font-style:italic") || g_str_equal (d, "font-style:oblique"))
        {
          effects |= EFFECT_EM;
          known = TRUE;
        }
      else if (g_str_equal (d, "font-weight:bold") || g_str_equal (d, "font-weight:700") ||
               g_str_equal (d, "font-weight:bolder"))
        {
          effects |= EFFECT_STRONG;
          known = TRUE;
        }

      for (guint j = 0; j < G_N_ELEMENTS (plain) && !known; j++)
        known = g_str_equal (d, plain[j]);

      if (!known)
        *other = TRUE;
    }

  return effects;
}

static void
undo_effects (Converter *c,
              guint8     effects)
{
  if ((effects & EFFECT_EM) && c->em > 0)
    c->em--;
  if ((effects & EFFECT_STRONG) && c->strong > 0)
    c->strong--;
  if (effects & EFFECT_HEADING)
    end_heading (c);
  if ((effects & EFFECT_LIST) && c->list_depth > 0 && --c->list_depth == 0)
    {
      if (c->mode == MODE_BLOCKS)
        end_list (c);
      else
        block_boundary (c);
    }
}

static void
open_element (Converter      *c,
              RapportBankTag *tag)
{
  const char *name = tag->name;
  guint8 effects = 0;
  guint kind;

  if (tag->has_event)
    c->seen |= RAPPORT_BANK_SEEN_SCRIPT;
  if (tag->style != NULL)
    {
      gboolean other;

      effects = style_effects (tag->style, &other);
      if (other)
        c->seen |= RAPPORT_BANK_SEEN_STYLE;
    }

  kind = skipped_kind (name);
  if (kind != 0)
    {
      if (kind != G_MAXUINT)
        c->seen |= kind;
      if (kind == RAPPORT_BANK_SEEN_MEDIA && c->first_media == NULL)
        c->first_media = g_strdup (name);
      if (!tag->self_closing)
        {
          g_strlcpy (c->skip, name, sizeof c->skip);
          c->skip_depth = 1;
        }
      return;
    }

  if (rapport_bank_is_one_of (name, "b strong"))
    effects |= EFFECT_STRONG;
  else if (rapport_bank_is_one_of (name, "i em cite dfn var"))
    effects |= EFFECT_EM;
  else if (rapport_bank_is_one_of (name, "u s strike del ins mark font"))
    c->seen |= RAPPORT_BANK_SEEN_STYLE;
  else if (rapport_bank_is_one_of (name, "embed"))
    {
      c->seen |= RAPPORT_BANK_SEEN_MEDIA;
      if (c->first_media == NULL)
        c->first_media = g_strdup (name);
    }
  else if (rapport_bank_is_one_of (name, "input form"))
    c->seen |= RAPPORT_BANK_SEEN_FORM;
  else if (rapport_bank_is_one_of (name, "table"))
    c->seen |= RAPPORT_BANK_SEEN_TABLE;

  if (rapport_bank_is_one_of (name, "br hr") || rapport_bank_is_one_of (name, BLOCK_ELEMENTS))
    block_boundary (c);
  else if (rapport_bank_is_one_of (name, "td th") && c->run->len > 0)
    c->pending_space = TRUE;
  else if (rapport_bank_is_one_of (name, "ul ol"))
    {
      start_list (c, name[0] == 'o');
      effects |= EFFECT_LIST;
      c->list_depth++;
    }
  else if (rapport_bank_is_one_of (name, "li"))
    start_item (c);
  else if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
    {
      start_heading (c);
      effects |= EFFECT_HEADING;
    }
  else if (rapport_bank_is_one_of (name, "a") && tag->href != NULL)
    note_link (c, tag->href);
  else if (rapport_bank_is_one_of (name, "img"))
    note_picture (c, tag);
  else if (!rapport_bank_is_one_of (name, TRANSPARENT_ELEMENTS) && !rapport_bank_is_one_of (name, VOID_ELEMENTS) &&
           !rapport_bank_is_one_of (name, "b strong i em u s strike del ins mark font embed input form") &&
           name[0] != '\0')
    {
      c->seen |= RAPPORT_BANK_SEEN_UNKNOWN;
      if (c->first_unknown == NULL)
        c->first_unknown = g_strdup (name);
    }

  if (tag->self_closing || rapport_bank_is_one_of (name, VOID_ELEMENTS))
    return;

  if (effects & EFFECT_EM)
    c->em++;
  if (effects & EFFECT_STRONG)
    c->strong++;

  if (c->n_open < MAX_OPEN)
    {
      Open *open = &c->open[c->n_open++];

      g_strlcpy (open->name, name, sizeof open->name);
      open->effects = effects;
    }
  else
    {
      undo_effects (c, effects);   /* not tracked, so nothing it does may last */
    }
}

static void
close_element (Converter      *c,
               RapportBankTag *tag)
{
  const char *name = tag->name;

  for (guint i = c->n_open; i > 0; i--)
    {
      if (g_str_equal (c->open[i - 1].name, name))
        {
          while (c->n_open >= i)
            undo_effects (c, c->open[--c->n_open].effects);
          break;
        }
    }

  if (rapport_bank_is_one_of (name, BLOCK_ELEMENTS) || rapport_bank_is_one_of (name, "li"))
    block_boundary (c);
}

/* The text, read once */

static void
read_html (Converter  *c,
           const char *html,
           gsize       length)
{
  const char *end = html + length;
  const char *p = html;
  gboolean no_more_tags = FALSE;

  while (p < end)
    {
      if (c->skip_depth > 0)
        {
          /* Left out up to its end tag, found by name: a script's "a<b"
           * is no tag.
           */
          gsize name_len = strlen (c->skip);
          const char *lt = memchr (p, '<', end - p);

          if (lt == NULL)
            break;
          p = lt + 1;
          if (p < end && *p == '/' && (gsize) (end - p - 1) >= name_len &&
              g_ascii_strncasecmp (p + 1, c->skip, name_len) == 0 &&
              (p + 1 + name_len == end || !g_ascii_isalnum (p[1 + name_len])))
            {
              const char *gt = memchr (p, '>', end - p);

              c->skip_depth = 0;
              p = gt != NULL ? gt + 1 : end;
            }
          continue;
        }

      if (*p == '<' && p + 3 < end && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          p = close != NULL ? close + 3 : end;
        }
      else if (*p == '<' && p + 1 < end && (p[1] == '!' || p[1] == '?'))
        {
          const char *close = memchr (p, '>', end - p);

          p = close != NULL ? close + 1 : end;
        }
      else if (*p == '<' && !no_more_tags && p + 1 < end &&
               (g_ascii_isalpha (p[1]) || p[1] == '/'))
        {
          g_auto(RapportBankTag) tag = { { 0 } };
          const char *after = rapport_bank_read_tag (p, end, &tag);

          if (after == NULL)
            {
              /* Nothing closes it: a "<" of the words, as in "a<b". Every
               * "<" after it is one too, or each would be read to the end
               * again, in quadratic time.
               */
              no_more_tags = TRUE;
              put_char (c, '<');
              p++;
              continue;
            }
          if (tag.closing)
            close_element (c, &tag);
          else
            open_element (c, &tag);
          p = after;
        }
      else if (*p == '&')
        {
          gunichar ch;
          const char *after = rapport_bank_read_entity (p, end, &ch);

          if (after == p)
            {
              put_char (c, '&');
              p++;
            }
          else
            {
              put_char (c, ch);
              p = after;
            }
        }
      else
        {
          put_char (c, g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
    }
}

static void
report (Converter *c)
{
  RapportBankLeftOut left_out = {
    .seen = c->seen,
    .first_link = c->first_link,
    .n_links = c->n_links,
    .first_media = c->first_media,
    .first_unknown = c->first_unknown,
  };

  if (c->bank != NULL)
    rapport_bank_report_left_out (c->bank, c->text->line, &left_out);
}

static void
convert (Converter             *c,
         RapportBank           *bank,
         const RapportBankText *text,
         Mode                   mode)
{
  memset (c, 0, sizeof *c);
  c->bank = bank;
  c->text = text;
  c->mode = mode;
  c->run = g_string_new (NULL);
  c->heading = g_string_new (NULL);
  c->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_bank_block_free);

  switch (text->format)
    {
    case RAPPORT_BANK_TEXT_PLAIN:
      for (const char *p = text->raw; *p != '\0'; p = g_utf8_next_char (p))
        put_char (c, g_utf8_get_char (p));
      break;

    case RAPPORT_BANK_TEXT_MARKDOWN:
      {
        g_autofree char *html = rapport_bank_markdown_to_html (text->raw);

        read_html (c, html, strlen (html));
      }
      break;

    case RAPPORT_BANK_TEXT_HTML:
    case RAPPORT_BANK_TEXT_MOODLE:
    default:
      read_html (c, text->raw, strlen (text->raw));
      break;
    }

  end_heading (c);
  flush_run (c);
  c->list = NULL;
  report (c);
}

static void
converter_clear (Converter *c)
{
  g_string_free (c->run, TRUE);
  g_string_free (c->heading, TRUE);
  g_ptr_array_unref (c->blocks);
  g_free (c->first_link);
  g_free (c->first_media);
  g_free (c->first_unknown);
}

/* The running text of @text in @mode. */
static char *
convert_to_run (RapportBank           *bank,
                const RapportBankText *text,
                Mode                   mode)
{
  Converter c;
  char *run;

  if (text == NULL)
    return g_strdup ("");

  convert (&c, bank, text, mode);
  run = g_strdup (c.run->str);
  converter_clear (&c);

  return run;
}

char *
rapport_bank_text_to_inline (RapportBank           *bank,
                             const RapportBankText *text)
{
  g_return_val_if_fail (bank != NULL, NULL);

  return convert_to_run (bank, text, MODE_INLINE);
}

char *
rapport_bank_text_to_plain (RapportBank           *bank,
                            const RapportBankText *text)
{
  return convert_to_run (bank, text, MODE_PLAIN);
}

GPtrArray *
rapport_bank_text_to_blocks (RapportBank           *bank,
                             const RapportBankText *text)
{
  Converter c;
  GPtrArray *blocks;

  g_return_val_if_fail (bank != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  convert (&c, bank, text, MODE_BLOCKS);
  blocks = g_ptr_array_ref (c.blocks);
  converter_clear (&c);

  /* Lists whose items were all pictures or empty say nothing. */
  for (guint i = blocks->len; i > 0; i--)
    {
      RapportBankBlock *block = g_ptr_array_index (blocks, i - 1);

      if (block->items != NULL && block->items->len == 0)
        g_ptr_array_remove_index (blocks, i - 1);
    }

  return blocks;
}
