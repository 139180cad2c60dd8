/* rapport-inline.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rapport-inline.h"
#include "rapport-topic-private.h"

typedef struct
{
  RapportRunStyle  style;
  char            *text;
} Run;

struct _RapportInline
{
  GArray  *runs;      /* of Run */
  char    *text;      /* the runs joined, set by rapport_inline_finish() */
  guint    n_words;
  guint    has_text : 1;
  guint    last_was_space : 1;
};

G_DEFINE_BOXED_TYPE (RapportInline, rapport_inline, rapport_inline_ref, rapport_inline_unref)

static void
clear_run (gpointer data)
{
  Run *run = data;

  g_free (run->text);
}

static void
rapport_inline_finalize (gpointer data)
{
  RapportInline *self = data;

  g_clear_pointer (&self->runs, g_array_unref);
  g_free (self->text);
}

RapportInline *
rapport_inline_new (void)
{
  RapportInline *self = g_atomic_rc_box_new0 (RapportInline);

  self->runs = g_array_new (FALSE, TRUE, sizeof (Run));
  g_array_set_clear_func (self->runs, clear_run);

  return self;
}

RapportInline *
rapport_inline_ref (RapportInline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
rapport_inline_unref (RapportInline *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, rapport_inline_finalize);
}

/* Appends text as a reader sees it: every run of white space (line breaks and
 * indentation of the XML file included) becomes one space, in the run where
 * it was written, and there is none at the start or the end.
 */
void
rapport_inline_append (RapportInline   *self,
                       RapportRunStyle  style,
                       const char      *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Run *last;

  g_assert (self->text == NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          if (self->has_text && !self->last_was_space)
            g_string_append_c (out, ' ');
          self->last_was_space = TRUE;
          continue;
        }

      g_string_append_c (out, *p);
      self->has_text = TRUE;
      self->last_was_space = FALSE;
    }

  if (out->len == 0)
    return;

  last = self->runs->len > 0 ? &g_array_index (self->runs, Run, self->runs->len - 1) : NULL;

  if (last != NULL && last->style == style)
    {
      char *joined = g_strconcat (last->text, out->str, NULL);

      g_free (last->text);
      last->text = joined;
    }
  else
    {
      Run run = { style, g_string_free (g_steal_pointer (&out), FALSE) };

      g_array_append_val (self->runs, run);
    }
}

void
rapport_inline_finish (RapportInline *self)
{
  GString *text = g_string_new (NULL);

  g_assert (self->text == NULL);

  /* The space after the last word, if any, is the only one to drop. */
  if (self->runs->len > 0)
    {
      Run *last = &g_array_index (self->runs, Run, self->runs->len - 1);
      gsize len = strlen (last->text);

      if (len > 0 && last->text[len - 1] == ' ')
        last->text[len - 1] = '\0';
      if (last->text[0] == '\0')
        g_array_set_size (self->runs, self->runs->len - 1);
    }

  for (guint i = 0; i < self->runs->len; i++)
    g_string_append (text, g_array_index (self->runs, Run, i).text);

  self->text = g_string_free (text, FALSE);
  self->n_words = rapport_count_words (self->text);
}

guint
rapport_inline_get_n_runs (const RapportInline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->runs->len;
}

const char *
rapport_inline_get_run (const RapportInline *self,
                        guint                position,
                        RapportRunStyle     *style)
{
  const Run *run;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->runs->len, NULL);

  run = &g_array_index (self->runs, Run, position);

  if (style != NULL)
    *style = run->style;

  return run->text;
}

/* The plain text, for search, accessibility and word counts. */
const char *
rapport_inline_get_text (const RapportInline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->text != NULL, NULL);

  return self->text;
}

/* The text as Pango markup, safe to hand to gtk_label_set_markup(): every run
 * is escaped, so a trainer's "<" or "&" is shown, never interpreted.
 */
char *
rapport_inline_to_markup (const RapportInline *self)
{
  GString *markup;

  g_return_val_if_fail (self != NULL, NULL);

  markup = g_string_new (NULL);

  for (guint i = 0; i < self->runs->len; i++)
    {
      const Run *run = &g_array_index (self->runs, Run, i);
      g_autofree char *escaped = g_markup_escape_text (run->text, -1);

      switch (run->style)
        {
        case RAPPORT_RUN_EMPHASIS:
          g_string_append_printf (markup, "<i>%s</i>", escaped);
          break;

        case RAPPORT_RUN_STRONG:
          g_string_append_printf (markup, "<b>%s</b>", escaped);
          break;

        case RAPPORT_RUN_PLAIN:
        default:
          g_string_append (markup, escaped);
          break;
        }
    }

  return g_string_free (markup, FALSE);
}

guint
rapport_inline_count_words (const RapportInline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_words;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

/* A word is a run of letters and digits; an apostrophe inside a word ("don't",
 * "customer’s") does not split it. Hyphens and dashes do ("follow-up" is two),
 * which is how most word counters treat them.
 */
guint
rapport_count_words (const char *text)
{
  guint n_words = 0;
  gboolean in_word = FALSE;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (!in_word)
            n_words++;
          in_word = TRUE;
        }
      else if (in_word && is_apostrophe (c))
        {
          gunichar next = g_utf8_get_char (g_utf8_next_char (p));

          in_word = g_unichar_isalnum (next);
        }
      else
        {
          in_word = FALSE;
        }
    }

  return n_words;
}
