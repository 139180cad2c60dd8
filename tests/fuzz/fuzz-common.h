/* fuzz-common.h: what every fuzz target shares.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "rapport-problem.h"

/* The entry point libFuzzer calls for each input; fuzz-replay.c calls it
 * for each file it is given.
 */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A critical or a warning from GLib means a check inside Rapport failed,
 * which is as much a bug as a crash: make both abort.
 */
static inline void
fuzz_init_once (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_once_init_leave (&initialized, 1);
    }
}

/* Every problem found in an input must name its file and say something,
 * and the verdict must agree with the list: no problems and a result, or
 * problems (at least one) and an error.
 */
static inline void
fuzz_check_problems (GPtrArray    *problems,
                     gboolean      has_result,
                     const GError *error)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const RapportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *text = rapport_problem_to_string (problem);

      g_assert_nonnull (problem->file);
      g_assert_nonnull (problem->message);
      g_assert_true (problem->message[0] != '\0');
      g_assert_true (g_utf8_validate (text, -1, NULL));
    }

  if (has_result)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 0);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_cmpuint (problems->len, >, 0);
    }
}
