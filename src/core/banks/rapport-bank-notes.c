/* rapport-bank-notes.c: the pictures of a bank's text, and the notes that
 * say what the converter left out of a text and why.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-bank-private.h"

#define PLUGINFILE "@@PLUGINFILE@@/"

RapportBankMedia *
rapport_bank_find_picture (RapportBank           *bank,
                           const RapportBankText *text,
                           const char            *src,
                           gboolean               in_lesson)
{
  g_autofree char *quoted = NULL;
  RapportBankMedia *media = NULL;

  if (src == NULL)
    src = "";

  if (g_str_has_prefix (src, PLUGINFILE))
    {
      /* Moodle's own reference to a file of the question, URL-encoded. */
      g_autofree char *name = g_uri_unescape_string (src + strlen (PLUGINFILE), NULL);

      /* "%97" is a byte, and perhaps not one of UTF-8. */
      if (name != NULL && !g_utf8_validate (name, -1, NULL))
        g_clear_pointer (&name, g_free);
      if (name != NULL)
        {
          char *query = strchr (name, '?');

          if (query != NULL)
            *query = '\0';
          media = rapport_bank_text_find_file (text, name);
        }
      quoted = rapport_bank_quote (name != NULL ? name : src);
    }
  else if (g_str_has_prefix (src, "data:"))
    {
      rapport_bank_note (bank, text->line, "picture",
                         _("A picture written into the text (“data:”) is left out; in Moodle, "
                           "add it as a file of the question and export the bank again."));
      return NULL;
    }
  else
    {
      quoted = rapport_bank_quote (src);
      if (strstr (src, "://") != NULL)
        {
          rapport_bank_note (bank, text->line, "picture",
                             _("The picture “%s” is on the web; Rapport shows only pictures "
                               "in the pack, so it is left out."),
                             quoted);
          return NULL;
        }
    }

  if (media == NULL)
    {
      rapport_bank_note (bank, text->line, "picture",
                         _("The picture “%s” is not in the bank, so it is left out."), quoted);
      return NULL;
    }

  if (media->refused != NULL)
    return NULL;   /* the file is listed as left out, with why */

  if (!in_lesson)
    {
      rapport_bank_note (bank, text->line, "picture",
                         _("The picture “%s” cannot be shown in a question; it is kept as %s "
                           "for a lesson."),
                         quoted, media->name);
      return NULL;
    }

  return media;
}

char *
rapport_bank_collapse (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xa0)
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else if (rapport_bank_is_xml_char (c))
        {
          g_string_append_unichar (out, c);
        }
    }

  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

RapportBankBlock *
rapport_bank_figure_new (RapportBank           *bank,
                         const RapportBankText *text,
                         RapportBankMedia      *media,
                         const char            *alt,
                         const char            *title)
{
  RapportBankBlock *block = g_new0 (RapportBankBlock, 1);

  block->type = RAPPORT_BANK_BLOCK_FIGURE;
  block->media = media;
  block->alt = rapport_bank_collapse (alt != NULL && alt[0] != '\0' ? alt : title);
  media->used = TRUE;

  if (block->alt[0] == '\0')
    {
      g_autofree char *quoted = rapport_bank_quote (media->original);

      rapport_bank_note (bank, text->line, "picture",
                         _("The picture “%s” has no description (alt text); its name stands "
                           "in for one. Describe what it shows, for learners who cannot see "
                           "it."),
                         quoted);
      g_free (block->alt);
      block->alt = rapport_bank_collapse (media->original);
    }

  return block;
}

void
rapport_bank_report_left_out (RapportBank              *bank,
                              guint                     line,
                              const RapportBankLeftOut *left_out)
{
  guint seen = left_out->seen;

  if (seen & RAPPORT_BANK_SEEN_LINK)
    {
      g_autofree char *quoted = rapport_bank_quote (left_out->first_link);

      if (left_out->n_links == 1)
        rapport_bank_note (bank, line, "link",
                           _("The link to “%s” is not kept; its words are."), quoted);
      else
        rapport_bank_note (bank, line, "link",
                           ngettext ("The links to “%s” and %u other are not kept; their words "
                                     "are.",
                                     "The links to “%s” and %u others are not kept; their words "
                                     "are.",
                                     left_out->n_links - 1),
                           quoted, left_out->n_links - 1);
    }

  if (seen & RAPPORT_BANK_SEEN_SCRIPT)
    rapport_bank_note (bank, line, "script",
                       _("A script was removed: Rapport runs nothing that comes with a bank."));
  if (seen & RAPPORT_BANK_SEEN_STYLE)
    rapport_bank_note (bank, line, "style",
                       _("Formatting other than emphasis (colours, fonts, sizes, underlining) "
                         "is not kept."));
  if (seen & RAPPORT_BANK_SEEN_MEDIA)
    rapport_bank_note (bank, line, "media",
                       _("Embedded content (<%s>) cannot be shown and was removed."),
                       left_out->first_media != NULL ? left_out->first_media : "embed");
  if (seen & RAPPORT_BANK_SEEN_TABLE)
    rapport_bank_note (bank, line, "table",
                       _("A table cannot be shown as a table; the words of its cells are kept "
                         "as text."));
  if (seen & RAPPORT_BANK_SEEN_FORM)
    rapport_bank_note (bank, line, "form", _("Form fields were removed."));
  if (seen & RAPPORT_BANK_SEEN_LIST)
    rapport_bank_note (bank, line, "list",
                       _("A list is shown as one line here: the text of a question has no "
                         "lists."));
  if (seen & RAPPORT_BANK_SEEN_UNKNOWN)
    {
      g_autofree char *quoted = rapport_bank_quote (left_out->first_unknown);

      rapport_bank_note (bank, line, "html",
                         _("The HTML element <%s> is not known to Rapport; only its words are "
                           "kept."),
                         quoted);
    }
}
