/* rapport-unit-utils.h: set-up the test programs share, on the core alone
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rapport-pack.h"
#include "rapport-quiz-session.h"
#include "rapport-store.h"
#include "rapport-topic-loader.h"

G_BEGIN_DECLS

/* Room enough for rapport_unit_shown_answer(): more choices than a digit key can pick. */
#define RAPPORT_UNIT_MAX_PICKS 16

/* Programs */
RapportTopicLoader *rapport_unit_new_loader      (void);
int                 rapport_unit_run             (gpointer             first_object,
                                                  ...) G_GNUC_NULL_TERMINATED;

/* Files */
guint               rapport_unit_mode_of         (const char          *path);
char               *rapport_unit_scratch_path    (const char          *name);
GBytes             *rapport_unit_read_bytes      (const char          *path);

/* Locales */
gboolean            rapport_unit_use_numeric_locale (const char       *locale);

/* Topics and quizzes */
RapportTopic       *rapport_unit_load_topic      (RapportTopicLoader  *loader,
                                                  const char          *folder,
                                                  const char          *name,
                                                  const char          *pack_id);
RapportPack        *rapport_unit_load_core_pack  (void);
guint               rapport_unit_position_of     (RapportQuizSession  *session,
                                                  const char          *key);
guint               rapport_unit_make_answer     (RapportQuestion     *question,
                                                  gboolean             right,
                                                  guint               *answer);
gboolean            rapport_unit_is_right_choice (RapportQuestion     *question,
                                                  guint                index);
guint               rapport_unit_shown_answer    (RapportQuizSession  *session,
                                                  gboolean             right,
                                                  guint                picks[RAPPORT_UNIT_MAX_PICKS]);

/* The store */
RapportStore       *rapport_unit_open_store      (const char          *path);
RapportStoreEntry  *rapport_unit_new_entry       (const char          *title,
                                                  GDateTime           *occurred);
void                rapport_unit_save_entry      (RapportStore        *store,
                                                  RapportStoreEntry   *entry);
gboolean            rapport_unit_has_entry       (RapportStore        *store,
                                                  const char          *uuid);
char               *rapport_unit_integrity_check (const char          *path);

/* @db: a sqlite3 connection (kept as a pointer so that callers need no
 * sqlite3.h here).  The first column of the first row of @sql, or -1.
 */
gint64              rapport_unit_query_int       (gpointer             db,
                                                  const char          *sql);

G_END_DECLS
