/* rapport-pack-import.h: what the two halves of `rapport-pack import` share.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-bank.h"
#include "rapport-bank-writer.h"
#include "rapport-pack-tool.h"

G_BEGIN_DECLS

typedef struct
{
  const char         *folder;      /* DIR as given */
  RapportTopicLoader *loader;
  RapportPack        *pack;        /* the pack already in DIR, or NULL for a new one */
  RapportBank        *bank;
  GPtrArray          *topics;      /* (element-type RapportBankTopic) */
  GPtrArray          *media;       /* (element-type RapportBankMedia) (transfer container): to write */
  GPtrArray          *problems;    /* what stops the import */
  char               *language;
} Import;

/* Writes the topics, pictures and pack.json beside DIR, validates them as
 * Rapport loads a pack, and only then moves them into DIR: on failure DIR
 * is as it was (rapport-pack-import-files.c).
 */
gboolean import_install (Import  *import,
                         GError **error);

/* The pictures' names and topic files DIR has already. */
GHashTable *import_taken_media (const char *folder);

G_END_DECLS
