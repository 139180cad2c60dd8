/* rapport-bench-common.h: what the benchmark programs share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rapport-store.h"

G_BEGIN_DECLS

void               rapport_bench_set_name        (const char   *name);
G_NORETURN void    rapport_bench_die             (const char   *what,
                                                  const GError *error);
void               rapport_bench_exec_or_die     (sqlite3      *db,
                                                  const char   *sql);
double             rapport_bench_wall_ms         (void);
int                rapport_bench_compare_doubles (gconstpointer a,
                                                  gconstpointer b);
double             rapport_bench_median          (double       *values,
                                                  guint         n);
void               rapport_bench_remove_store    (const char   *dir);
RapportStoreEntry *rapport_bench_make_entry      (GRand        *rand,
                                                  GDateTime    *when,
                                                  const char   *rare_sentence);

G_END_DECLS
