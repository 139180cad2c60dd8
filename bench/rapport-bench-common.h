/* rapport-bench-common.h: what the benchmark programs share.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rapport-store.h"

G_BEGIN_DECLS

void               rapport_bench_init            (const char          *name,
                                                  const char          *parameter_string,
                                                  const GOptionEntry  *options,
                                                  int                 *argc,
                                                  char              ***argv);
G_NORETURN void    rapport_bench_die             (const char   *what,
                                                  const GError *error);
void               rapport_bench_exec_or_die     (sqlite3      *db,
                                                  const char   *sql);
double             rapport_bench_wall_ms         (void);
int                rapport_bench_compare_doubles (gconstpointer a,
                                                  gconstpointer b);
double             rapport_bench_median          (double       *values,
                                                  guint         n);
char              *rapport_bench_store_path      (const char   *keep_dir,
                                                  char        **dir);
void               rapport_bench_remove_store    (const char   *dir);
void               rapport_bench_remove_tree     (const char   *path);
RapportStoreEntry *rapport_bench_make_entry      (GRand        *rand,
                                                  GDateTime    *when,
                                                  const char   *rare_sentence);
RapportStoreEntry *rapport_bench_make_rated_entry (GRand       *rand,
                                                   GDateTime   *when,
                                                   guint        n_ratings);

/* Makes the entry of day @day (from 0), at @when. */
typedef RapportStoreEntry *(*RapportBenchDayEntry) (GRand     *rand,
                                                    GDateTime *when,
                                                    int        day);

void               rapport_bench_bulk_begin      (RapportStore         *store);
void               rapport_bench_add_days        (RapportStore         *store,
                                                  int                   n_days,
                                                  GRand                *rand,
                                                  RapportBenchDayEntry  day_entry);
void               rapport_bench_bulk_end        (RapportStore         *store);
RapportStore      *rapport_bench_open_store      (const char           *path);
RapportStore      *rapport_bench_build_store     (const char           *path,
                                                  int                   n_days,
                                                  GRand                *rand,
                                                  RapportBenchDayEntry  day_entry,
                                                  double               *t0);

G_END_DECLS
