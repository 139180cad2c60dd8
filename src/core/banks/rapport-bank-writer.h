/* rapport-bank-writer.h: a question bank written out as Rapport topic files.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-bank.h"

G_BEGIN_DECLS

typedef struct
{
  const char *topic_key;    /* every question into one topic with this key; NULL: a topic per category */
  const char *skill;        /* the topics' skill; NULL for "communication" */
  const char *language;     /* their xml:lang; NULL for "en" */
  GHashTable *taken_keys;   /* (nullable): topic keys the pack already has */
} RapportBankWriteOptions;

/* The parts of a topic that the bank had nothing for, and that the trainer
 * writes: the import fills them with a sentence that says so.
 */
typedef enum
{
  RAPPORT_BANK_PLACEHOLDER_SUMMARY = 1 << 0,
  RAPPORT_BANK_PLACEHOLDER_LESSON  = 1 << 1,
  RAPPORT_BANK_PLACEHOLDER_JOURNAL = 1 << 2,
  RAPPORT_BANK_PLACEHOLDER_RUBRIC  = 1 << 3,
} RapportBankPlaceholders;

typedef struct
{
  char                    *key;
  char                    *file;             /* "topics/<key>.xml" */
  char                    *title;
  GBytes                  *xml;
  guint                    n_questions;      /* in the quiz */
  guint                    n_prompts;        /* journal prompts, from essays */
  guint                    n_descriptions;   /* lesson text, from descriptions */
  guint                    n_explained;      /* explanations that only name the right answer */
  guint                    n_by_type[RAPPORT_BANK_N_TYPES];  /* questions, prompts and descriptions */
  RapportBankPlaceholders  placeholders;
} RapportBankTopic;

GPtrArray *rapport_bank_write      (RapportBank                   *bank,
                                    const RapportBankWriteOptions *options,
                                    GError                       **error);
void       rapport_bank_topic_free (RapportBankTopic              *topic);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportBankTopic, rapport_bank_topic_free)

G_END_DECLS
