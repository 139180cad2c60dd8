/* rapport-inline.h: running text with emphasis, as written in lessons and quizzes.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_RUN_PLAIN,
  RAPPORT_RUN_EMPHASIS,   /* <em> */
  RAPPORT_RUN_STRONG,     /* <strong> */
} RapportRunStyle;

/* Immutable once loaded; white space is already collapsed the way a browser
 * would show it, so runs can be joined as they are.
 */
typedef struct _RapportInline RapportInline;

#define RAPPORT_TYPE_INLINE (rapport_inline_get_type ())

GType          rapport_inline_get_type    (void) G_GNUC_CONST;
RapportInline *rapport_inline_ref         (RapportInline       *self);
void           rapport_inline_unref       (RapportInline       *self);
guint          rapport_inline_get_n_runs  (const RapportInline *self);
const char    *rapport_inline_get_run     (const RapportInline *self,
                                           guint                position,
                                           RapportRunStyle     *style);
const char    *rapport_inline_get_text    (const RapportInline *self);
char          *rapport_inline_to_markup   (const RapportInline *self);
guint          rapport_inline_count_words (const RapportInline *self);

guint          rapport_count_words        (const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportInline, rapport_inline_unref)

G_END_DECLS
