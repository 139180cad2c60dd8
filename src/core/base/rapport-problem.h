/* rapport-problem.h: a mistake found in a trainer's file, with its place.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _RapportProblem RapportProblem;

struct _RapportProblem
{
  char  *file;      /* as the trainer named it */
  guint  line;      /* 1-based; 0 when the problem is with the whole file */
  char  *message;   /* one translated sentence, without the place */
};

#define RAPPORT_TYPE_PROBLEM (rapport_problem_get_type ())

GType           rapport_problem_get_type  (void) G_GNUC_CONST;
RapportProblem *rapport_problem_new       (const char           *file,
                                           guint                 line,
                                           const char           *message);
RapportProblem *rapport_problem_copy      (const RapportProblem *self);
void            rapport_problem_free      (RapportProblem       *self);
char           *rapport_problem_to_string (const RapportProblem *self);

GPtrArray      *rapport_problem_list_new  (void);
void            rapport_problem_list_add  (GPtrArray            *problems,
                                           const char           *file,
                                           guint                 line,
                                           const char           *format,
                                           ...) G_GNUC_PRINTF (4, 5);
/* For a reader's own variadic helper: one place for the vprintf. */
void            rapport_problem_list_add_valist (GPtrArray            *problems,
                                           const char           *file,
                                           guint                 line,
                                           const char           *format,
                                           va_list               args) G_GNUC_PRINTF (4, 0);
void            rapport_problem_list_sort (GPtrArray            *problems,
                                           guint                 first);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportProblem, rapport_problem_free)

G_END_DECLS
