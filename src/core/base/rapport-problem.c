/* rapport-problem.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-problem.h"

G_DEFINE_BOXED_TYPE (RapportProblem, rapport_problem, rapport_problem_copy, rapport_problem_free)

RapportProblem *
rapport_problem_new (const char *file,
                     guint       line,
                     const char *message)
{
  RapportProblem *self;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_new0 (RapportProblem, 1);
  self->file = g_strdup (file);
  self->line = line;
  self->message = g_strdup (message);

  return self;
}

RapportProblem *
rapport_problem_copy (const RapportProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return rapport_problem_new (self->file, self->line, self->message);
}

void
rapport_problem_free (RapportProblem *self)
{
  if (self == NULL)
    return;

  g_free (self->file);
  g_free (self->message);
  g_free (self);
}

/* "file:line: message", the form compilers use, so that editors can jump to
 * the place.
 */
char *
rapport_problem_to_string (const RapportProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->line == 0)
    return g_strdup_printf ("%s: %s", self->file, self->message);

  return g_strdup_printf ("%s:%u: %s", self->file, self->line, self->message);
}

/* Returns: (transfer full): an empty array that frees its RapportProblems. */
GPtrArray *
rapport_problem_list_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_problem_free);
}

void
rapport_problem_list_add (GPtrArray  *problems,
                          const char *file,
                          guint       line,
                          const char *format,
                          ...)
{
  va_list args;

  va_start (args, format);
  rapport_problem_list_add_valist (problems, file, line, format, args);
  va_end (args);
}

void
rapport_problem_list_add_valist (GPtrArray  *problems,
                                 const char *file,
                                 guint       line,
                                 const char *format,
                                 va_list     args)
{
  g_autofree char *message = NULL;

  g_return_if_fail (problems != NULL);
  g_return_if_fail (format != NULL);

  message = g_strdup_vprintf (format, args);
  g_ptr_array_add (problems, rapport_problem_new (file, line, message));
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const RapportProblem *pa = *(const RapportProblem **) a;
  const RapportProblem *pb = *(const RapportProblem **) b;

  /* Problems with the whole file (line 0) last, after the ones in it. */
  guint la = pa->line == 0 ? G_MAXUINT : pa->line;
  guint lb = pb->line == 0 ? G_MAXUINT : pb->line;

  return la < lb ? -1 : (la > lb ? 1 : 0);
}

/* Puts the problems from @first on, all in one file, in the order of the file,
 * as a trainer corrects them. The sort is stable: problems on one line keep
 * the order they were found in.
 */
void
rapport_problem_list_sort (GPtrArray *problems,
                           guint      first)
{
  g_autoptr(GPtrArray) range = NULL;

  g_return_if_fail (problems != NULL);
  g_return_if_fail (first <= problems->len);

  range = g_ptr_array_new ();
  for (guint i = first; i < problems->len; i++)
    g_ptr_array_add (range, g_ptr_array_index (problems, i));

  g_ptr_array_sort (range, compare_problems);

  for (guint i = 0; i < range->len; i++)
    problems->pdata[first + i] = g_ptr_array_index (range, i);
}
