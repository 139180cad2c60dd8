/* rapport-bank-export.h: the questions of loaded topics written out as a
 * Moodle question bank (GIFT or Moodle XML), for a trainer to take to Moodle.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-bank.h"

G_BEGIN_DECLS

/* The questions of @topics (of RapportTopic), each topic a category, as a
 * bank in @format. What the format cannot hold is left out and added to
 * @problems as "file: message" (the topic's file). @n_exported and
 * @n_left_out count the questions. Never NULL; a bank with no question
 * when none could be written.
 */
GBytes   *rapport_bank_export      (GListModel         *topics,
                                    RapportBankFormat   format,
                                    GPtrArray          *problems,
                                    guint              *n_exported,
                                    guint              *n_left_out);

/* Writes @bytes to @path as a new file, atomically: a temporary file in the
 * same folder, synced, then linked to @path, which must not exist
 * (G_FILE_ERROR_EXIST otherwise). Nothing is left behind on failure.
 */
gboolean  rapport_bank_export_save (const char         *path,
                                    GBytes             *bytes,
                                    GError            **error);

G_END_DECLS
