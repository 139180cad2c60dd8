/* rapport-journal-io.h: the journal as Markdown (to read) and JSON (to move)
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_JOURNAL_IO_ERROR (rapport_journal_io_error_quark ())

typedef enum
{
  RAPPORT_JOURNAL_IO_ERROR_INVALID,    /* not a journal file, or an entry is wrong */
  RAPPORT_JOURNAL_IO_ERROR_TOO_LARGE,
  RAPPORT_JOURNAL_IO_ERROR_TOO_NEW,    /* written by a newer Rapport */
} RapportJournalIoError;

GQuark rapport_journal_io_error_quark (void);

/* The JSON file: {"format": "rapport-journal", "version": 1, "exported": …,
 * "entries": [{uuid, created, occurred, updated, title, situation, went_well,
 * try_next, tags, ratings}]}, times in ISO 8601 UTC.
 */
#define RAPPORT_JOURNAL_FORMAT          "rapport-journal"
#define RAPPORT_JOURNAL_VERSION         1

/* What an import accepts.  Generous for anything typed by hand (the editor
 * should keep to the same limits), so an export always imports again.
 */
#define RAPPORT_JOURNAL_MAX_FILE_SIZE   (64 * 1024 * 1024)
#define RAPPORT_JOURNAL_MAX_JSON_DEPTH  8
#define RAPPORT_JOURNAL_MAX_TITLE       (16 * 1024)         /* bytes */
#define RAPPORT_JOURNAL_MAX_TEXT        (1024 * 1024)       /* bytes, each section */
#define RAPPORT_JOURNAL_MAX_TAGS        1000
#define RAPPORT_JOURNAL_MAX_TAG         1024                /* bytes */

/* The documents in memory, all entries newest first. */
char     *rapport_journal_to_markdown      (RapportStore  *store,
                                            GError       **error);
char     *rapport_journal_to_json          (RapportStore  *store,
                                            GError       **error);

/* Written to a temporary file in the same folder, then renamed over @path;
 * mode 0600, since the journal is private.
 */
gboolean  rapport_journal_export_markdown  (RapportStore  *store,
                                            const char    *path,
                                            GError       **error);
gboolean  rapport_journal_export_json      (RapportStore  *store,
                                            const char    *path,
                                            GError       **error);

/* All or nothing.  @n_added counts entries written (new, or newer versions
 * of entries already here); @n_skipped counts entries already here, the same
 * or as new.  See rapport_store_import_journal_entries() for the rule.
 */
gboolean  rapport_journal_import_json      (RapportStore  *store,
                                            GBytes        *bytes,
                                            const char    *display_name,
                                            guint         *n_added,
                                            guint         *n_skipped,
                                            GError       **error);
gboolean  rapport_journal_import_json_file (RapportStore  *store,
                                            const char    *path,
                                            guint         *n_added,
                                            guint         *n_skipped,
                                            GError       **error);

G_END_DECLS
