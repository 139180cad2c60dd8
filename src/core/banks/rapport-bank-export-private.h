/* rapport-bank-export-private.h: what the two writers of the bank export
 * share (rapport-bank-export.c).
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-bank-export.h"
#include "rapport-topic.h"
#include "rapport-quiz.h"
#include "rapport-question.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray    *problems;     /* (borrowed) */
  RapportTopic *topic;        /* (borrowed): the one being written */
  guint         n_exported;
  guint         n_left_out;
} RapportBankExport;

/* A question the format cannot hold: reported, with its key, and counted. */
void      rapport_bank_export_leave_out (RapportBankExport *export,
                                         RapportQuestion   *question,
                                         const char        *format,
                                         ...) G_GNUC_PRINTF (3, 4);
/* A part of a question the format cannot hold; the question is written. */
void      rapport_bank_export_note      (RapportBankExport *export,
                                         RapportQuestion   *question,
                                         const char        *format,
                                         ...) G_GNUC_PRINTF (3, 4);

/* Text as HTML (<b>, <i>, entities); "" for NULL. */
char     *rapport_bank_export_html      (RapportInline     *text);
/* The question's text as HTML: a scenario's dialogue, then the prompt. */
char     *rapport_bank_export_stem      (RapportQuestion   *question);
/* A number in the C locale, as short as it stays exact to 15 digits. */
char     *rapport_bank_export_number    (double             number);
/* Moodle's credit of one of @n right (positive) or wrong (negative) choices
 * of a select-all question, in per cent: "50", "33.33333".
 */
char     *rapport_bank_export_share     (guint              n,
                                         gboolean           right);
/* A scenario reply's credit in per cent: 100 best, 50 acceptable, 0 poor. */
guint     rapport_bank_export_reply_credit (RapportChoice  *choice);

GBytes   *rapport_bank_export_gift      (RapportBankExport *export,
                                         GListModel        *topics);
GBytes   *rapport_bank_export_moodle    (RapportBankExport *export,
                                         GListModel        *topics);

G_END_DECLS
