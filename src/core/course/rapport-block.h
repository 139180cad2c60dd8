/* rapport-block.h: the blocks that make up a lesson section.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rapport-inline.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_SPEAKER_CUSTOMER,
  RAPPORT_SPEAKER_AGENT,
} RapportSpeaker;

typedef enum
{
  RAPPORT_BLOCK_PARAGRAPH,  /* <p> */
  RAPPORT_BLOCK_LIST,       /* <list>, maybe ordered */
  RAPPORT_BLOCK_TIP,        /* <tip> */
  RAPPORT_BLOCK_INSTEAD,    /* <instead>: avoid, try, why */
  RAPPORT_BLOCK_DIALOGUE,   /* <dialogue> */
  RAPPORT_BLOCK_QUOTE,      /* <quote source="…"> */
  RAPPORT_BLOCK_FIGURE,     /* <figure src="media/…" alt="…"/> */
} RapportBlockKind;

/* An example exchange between a customer and an agent; also the opening of a
 * scenario question.
 */
typedef struct _RapportDialogue RapportDialogue;

#define RAPPORT_TYPE_DIALOGUE (rapport_dialogue_get_type ())

GType            rapport_dialogue_get_type    (void) G_GNUC_CONST;
RapportDialogue *rapport_dialogue_ref         (RapportDialogue       *self);
void             rapport_dialogue_unref       (RapportDialogue       *self);
const char      *rapport_dialogue_get_caption (const RapportDialogue *self);
guint            rapport_dialogue_get_n_lines (const RapportDialogue *self);
RapportInline   *rapport_dialogue_get_line    (const RapportDialogue *self,
                                               guint                  position,
                                               RapportSpeaker        *speaker);

typedef struct _RapportBlock RapportBlock;

#define RAPPORT_TYPE_BLOCK (rapport_block_get_type ())

GType             rapport_block_get_type         (void) G_GNUC_CONST;
RapportBlock     *rapport_block_ref              (RapportBlock       *self);
void              rapport_block_unref            (RapportBlock       *self);
RapportBlockKind  rapport_block_get_kind         (const RapportBlock *self);
/* Paragraph, tip and quote: */
RapportInline    *rapport_block_get_text         (const RapportBlock *self);
/* Quote: */
const char       *rapport_block_get_source       (const RapportBlock *self);
/* List: */
gboolean          rapport_block_get_ordered      (const RapportBlock *self);
guint             rapport_block_get_n_items      (const RapportBlock *self);
RapportInline    *rapport_block_get_item         (const RapportBlock *self,
                                                  guint               position);
/* Instead: "why" may be NULL. */
RapportInline    *rapport_block_get_avoid        (const RapportBlock *self);
RapportInline    *rapport_block_get_try          (const RapportBlock *self);
RapportInline    *rapport_block_get_why          (const RapportBlock *self);
/* Dialogue: */
RapportDialogue  *rapport_block_get_dialogue     (const RapportBlock *self);
/* Figure: the picture's file inside its pack ("media/till.png") and the
 * text that stands for it for learners who cannot see it.
 */
const char       *rapport_block_get_src          (const RapportBlock *self);
const char       *rapport_block_get_alt          (const RapportBlock *self);
guint             rapport_block_count_words      (const RapportBlock *self);

typedef struct _RapportSection RapportSection;

#define RAPPORT_TYPE_SECTION (rapport_section_get_type ())

GType           rapport_section_get_type     (void) G_GNUC_CONST;
RapportSection *rapport_section_ref          (RapportSection       *self);
void            rapport_section_unref        (RapportSection       *self);
const char     *rapport_section_get_heading  (const RapportSection *self);
guint           rapport_section_get_n_blocks (const RapportSection *self);
RapportBlock   *rapport_section_get_block    (const RapportSection *self,
                                              guint                 position);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportDialogue, rapport_dialogue_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportBlock, rapport_block_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportSection, rapport_section_unref)

G_END_DECLS
