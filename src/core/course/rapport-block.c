/* rapport-block.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-block.h"
#include "rapport-topic-private.h"

struct _RapportDialogue
{
  char      *caption;
  GPtrArray *lines;      /* of RapportInline */
  GArray    *speakers;   /* of RapportSpeaker, parallel to lines */
};

struct _RapportBlock
{
  RapportBlockKind  kind;
  RapportInline    *text;      /* paragraph, tip, quote */
  char             *source;    /* quote */
  gboolean          ordered;   /* list */
  GPtrArray        *items;     /* list: of RapportInline */
  RapportInline    *avoid;     /* instead */
  RapportInline    *try;
  RapportInline    *why;
  RapportDialogue  *dialogue;
  char             *src;       /* figure */
  char             *alt;
  guint             line;      /* figure: where the topic file names the picture */
};

struct _RapportSection
{
  char      *heading;
  GPtrArray *blocks;     /* of RapportBlock */
};

G_DEFINE_BOXED_TYPE (RapportDialogue, rapport_dialogue, rapport_dialogue_ref, rapport_dialogue_unref)
G_DEFINE_BOXED_TYPE (RapportBlock, rapport_block, rapport_block_ref, rapport_block_unref)
G_DEFINE_BOXED_TYPE (RapportSection, rapport_section, rapport_section_ref, rapport_section_unref)

/* Dialogue */

RapportDialogue *
rapport_dialogue_new (const char *caption)
{
  RapportDialogue *self = g_atomic_rc_box_new0 (RapportDialogue);

  self->caption = g_strdup (caption);
  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_inline_unref);
  self->speakers = g_array_new (FALSE, FALSE, sizeof (RapportSpeaker));

  return self;
}

void
rapport_dialogue_add_line (RapportDialogue *self,
                           RapportSpeaker   speaker,
                           RapportInline   *text)
{
  g_ptr_array_add (self->lines, rapport_inline_ref (text));
  g_array_append_val (self->speakers, speaker);
}

static void
rapport_dialogue_finalize (gpointer data)
{
  RapportDialogue *self = data;

  g_free (self->caption);
  g_ptr_array_unref (self->lines);
  g_array_unref (self->speakers);
}

RapportDialogue *
rapport_dialogue_ref (RapportDialogue *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
rapport_dialogue_unref (RapportDialogue *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, rapport_dialogue_finalize);
}

/* Returns NULL when the dialogue has no caption. */
const char *
rapport_dialogue_get_caption (const RapportDialogue *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->caption;
}

guint
rapport_dialogue_get_n_lines (const RapportDialogue *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lines->len;
}

RapportInline *
rapport_dialogue_get_line (const RapportDialogue *self,
                           guint                  position,
                           RapportSpeaker        *speaker)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->lines->len, NULL);

  if (speaker != NULL)
    *speaker = g_array_index (self->speakers, RapportSpeaker, position);

  return g_ptr_array_index (self->lines, position);
}

guint
rapport_dialogue_count_words (const RapportDialogue *self)
{
  guint n_words = self->caption != NULL ? rapport_count_words (self->caption) : 0;

  for (guint i = 0; i < self->lines->len; i++)
    n_words += rapport_inline_count_words (g_ptr_array_index (self->lines, i));

  return n_words;
}

/* Block */

RapportBlock *
rapport_block_new (RapportBlockKind kind)
{
  RapportBlock *self = g_atomic_rc_box_new0 (RapportBlock);

  self->kind = kind;
  if (kind == RAPPORT_BLOCK_LIST)
    self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_inline_unref);

  return self;
}

void
rapport_block_set_text (RapportBlock  *self,
                        RapportInline *text)
{
  g_assert (self->text == NULL);
  self->text = rapport_inline_ref (text);
}

void
rapport_block_set_source (RapportBlock *self,
                          const char   *source)
{
  g_assert (self->source == NULL);
  self->source = g_strdup (source);
}

void
rapport_block_set_ordered (RapportBlock *self,
                           gboolean      ordered)
{
  self->ordered = !!ordered;
}

void
rapport_block_add_item (RapportBlock  *self,
                        RapportInline *item)
{
  g_assert (self->kind == RAPPORT_BLOCK_LIST);
  g_ptr_array_add (self->items, rapport_inline_ref (item));
}

void
rapport_block_set_instead (RapportBlock  *self,
                           RapportInline *avoid,
                           RapportInline *try,
                           RapportInline *why)
{
  g_assert (self->kind == RAPPORT_BLOCK_INSTEAD);
  self->avoid = avoid != NULL ? rapport_inline_ref (avoid) : NULL;
  self->try = try != NULL ? rapport_inline_ref (try) : NULL;
  self->why = why != NULL ? rapport_inline_ref (why) : NULL;
}

void
rapport_block_set_dialogue (RapportBlock    *self,
                            RapportDialogue *dialogue)
{
  g_assert (self->kind == RAPPORT_BLOCK_DIALOGUE);
  self->dialogue = rapport_dialogue_ref (dialogue);
}

/* @line lets a pack point at the <figure> whose picture is missing. */
void
rapport_block_set_figure (RapportBlock *self,
                          const char   *src,
                          const char   *alt,
                          guint         line)
{
  g_assert (self->kind == RAPPORT_BLOCK_FIGURE);
  g_assert (self->src == NULL);
  self->src = g_strdup (src);
  self->alt = g_strdup (alt);
  self->line = line;
}

guint
rapport_block_get_line (const RapportBlock *self)
{
  return self->line;
}

static void
rapport_block_finalize (gpointer data)
{
  RapportBlock *self = data;

  g_clear_pointer (&self->text, rapport_inline_unref);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->avoid, rapport_inline_unref);
  g_clear_pointer (&self->try, rapport_inline_unref);
  g_clear_pointer (&self->why, rapport_inline_unref);
  g_clear_pointer (&self->dialogue, rapport_dialogue_unref);
  g_clear_pointer (&self->src, g_free);
  g_clear_pointer (&self->alt, g_free);
}

RapportBlock *
rapport_block_ref (RapportBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
rapport_block_unref (RapportBlock *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, rapport_block_finalize);
}

RapportBlockKind
rapport_block_get_kind (const RapportBlock *self)
{
  g_return_val_if_fail (self != NULL, RAPPORT_BLOCK_PARAGRAPH);

  return self->kind;
}

RapportInline *
rapport_block_get_text (const RapportBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

const char *
rapport_block_get_source (const RapportBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->source;
}

gboolean
rapport_block_get_ordered (const RapportBlock *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->ordered;
}

guint
rapport_block_get_n_items (const RapportBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items != NULL ? self->items->len : 0;
}

RapportInline *
rapport_block_get_item (const RapportBlock *self,
                        guint               position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->items != NULL && position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}

RapportInline *
rapport_block_get_avoid (const RapportBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->avoid;
}

RapportInline *
rapport_block_get_try (const RapportBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->try;
}

RapportInline *
rapport_block_get_why (const RapportBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->why;
}

RapportDialogue *
rapport_block_get_dialogue (const RapportBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dialogue;
}

/* A path inside the pack, such as "media/till.png". */
const char *
rapport_block_get_src (const RapportBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->src;
}

const char *
rapport_block_get_alt (const RapportBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->alt;
}

/* Words a learner reads in this block (a quote's source is an attribute, not text). */
guint
rapport_block_count_words (const RapportBlock *self)
{
  guint n_words = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (self->text != NULL)
    n_words += rapport_inline_count_words (self->text);
  if (self->items != NULL)
    for (guint i = 0; i < self->items->len; i++)
      n_words += rapport_inline_count_words (g_ptr_array_index (self->items, i));
  if (self->avoid != NULL)
    n_words += rapport_inline_count_words (self->avoid);
  if (self->try != NULL)
    n_words += rapport_inline_count_words (self->try);
  if (self->why != NULL)
    n_words += rapport_inline_count_words (self->why);
  if (self->dialogue != NULL)
    n_words += rapport_dialogue_count_words (self->dialogue);

  return n_words;
}

/* Section */

RapportSection *
rapport_section_new (const char *heading)
{
  RapportSection *self = g_atomic_rc_box_new0 (RapportSection);

  self->heading = g_strdup (heading);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_block_unref);

  return self;
}

void
rapport_section_add_block (RapportSection *self,
                           RapportBlock   *block)
{
  g_ptr_array_add (self->blocks, rapport_block_ref (block));
}

static void
rapport_section_finalize (gpointer data)
{
  RapportSection *self = data;

  g_free (self->heading);
  g_ptr_array_unref (self->blocks);
}

RapportSection *
rapport_section_ref (RapportSection *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
rapport_section_unref (RapportSection *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, rapport_section_finalize);
}

/* Returns NULL when the section has no heading. */
const char *
rapport_section_get_heading (const RapportSection *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->heading;
}

guint
rapport_section_get_n_blocks (const RapportSection *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->blocks->len;
}

RapportBlock *
rapport_section_get_block (const RapportSection *self,
                           guint                 position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, position);
}

guint
rapport_section_count_words (const RapportSection *self)
{
  guint n_words = self->heading != NULL ? rapport_count_words (self->heading) : 0;

  for (guint i = 0; i < self->blocks->len; i++)
    n_words += rapport_block_count_words (g_ptr_array_index (self->blocks, i));

  return n_words;
}
