/* rapport-accept.h: an answer that a short-answer or numeric question
 * accepts, and how a typed answer is compared with it.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rapport-inline.h"

G_BEGIN_DECLS

/* The longest typed answer, and the longest accepted words, in characters;
 * with these the comparison of an answer with every accepted one of a
 * question stays well under a millisecond (see rapport_accept_matches_text()).
 */
#define RAPPORT_TYPED_MAX_LENGTH 400

/* The longest number a learner may type, in bytes. */
#define RAPPORT_NUMBER_MAX_LENGTH 64

/* Words are compared as a reader would: Unicode-normalised (NFKC), case
 * folded unless the question is case-sensitive, curly quotes and dashes as
 * their plain forms, every run of white space as one space, invisible
 * formatting characters left out, and the white space and punctuation
 * around the answer ignored.  In accepted words a `*` stands for any run of
 * characters, none included, and `\*` for an asterisk, as in Moodle.
 *
 * A number is typed in the C locale ("2.5") or the user's ("2,5" in
 * German): digits with at most one decimal separator, a sign and an
 * exponent ("1e6") allowed, white space around it ignored; nothing else,
 * and no thousands separators.  A separator followed by exactly three
 * digits that the user's locale uses between thousands ("1.500" in German)
 * could mean either, and is refused.
 */
typedef struct _RapportAccept RapportAccept;

#define RAPPORT_TYPE_ACCEPT (rapport_accept_get_type ())

GType          rapport_accept_get_type      (void) G_GNUC_CONST;
RapportAccept *rapport_accept_ref           (RapportAccept       *self);
void           rapport_accept_unref         (RapportAccept       *self);
/* Short answer: the words as written, `*` included; NULL for a number. */
const char    *rapport_accept_get_text      (const RapportAccept *self);
/* Numeric: any number from value - tolerance to value + tolerance. */
double         rapport_accept_get_value     (const RapportAccept *self);
double         rapport_accept_get_tolerance (const RapportAccept *self);
RapportInline *rapport_accept_get_feedback  (const RapportAccept *self);

gboolean       rapport_accept_matches_text   (const RapportAccept *self,
                                              const char          *typed);
gboolean       rapport_accept_matches_number (const RapportAccept *self,
                                              double               number);
char          *rapport_accept_to_display     (const RapportAccept *self);

/* What is left of @text to compare once normalised (see above). */
char          *rapport_typed_normalize       (const char          *text,
                                              gboolean             case_sensitive);
gboolean       rapport_parse_number          (const char          *text,
                                              const char          *decimal_point,
                                              const char          *thousands_separator,
                                              double              *number);
gboolean       rapport_parse_typed_number    (const char          *text,
                                              double              *number);
char          *rapport_format_number         (double               number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportAccept, rapport_accept_unref)

G_END_DECLS
