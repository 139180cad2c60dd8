/* rapport-journal-when.h: an entry's date and time as the user reads and types it
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @when in local time, in the user's locale: the locale's own short date
 * (%x) and the time, e.g. "23.11.2026 14:30" in German.  What this writes,
 * rapport_journal_parse_when() reads back.
 */
char      *rapport_journal_format_when (GDateTime  *when);

/* Reads a date and time typed by hand, leniently: the form above, ISO 8601
 * ("2026-11-23 14:30", "2026-11-23T14:30"), dates with month names ("23 Nov
 * 2026"), "today" and "yesterday" (in English and in the user's language),
 * times like "14:30" or "2:30 pm".  What the text leaves out comes
 * from @base (a date alone keeps @base's time, a time alone its day, a day
 * and month without a year its year); "today" is @now's day.
 * Returns: (nullable): the local date and time, or NULL when the text cannot
 *   be read as one
 */
GDateTime *rapport_journal_parse_when  (const char *text,
                                        GDateTime  *base,
                                        GDateTime  *now);

G_END_DECLS
