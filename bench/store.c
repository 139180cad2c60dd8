/* store.c: progress store benchmark (see bench/README.md)
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a store with ten years of daily journal entries, each rating all
 * ten skills, and 5,000 quiz attempts; then times three things the app does
 * while the user waits, through the store's API and, for comparison, the
 * same SQL statements with the same values through the sqlite3 shell.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "rapport-skill.h"
#include "rapport-bench-common.h"
#include "rapport-store-private.h"

/* Defaults: ten years, 2016-01-01 to 2025-12-31. */
static int n_days = 3653;
static int n_attempts = 5000;
#define N_ANSWERS     8
#define SEARCH_WORD   "refund"
#define SEARCH_LIMIT  20
#define TARGET_MS     10.0
#define TARGET_RATIO  1.5

static int n_runs = 21;
static char *sqlite3_path;
static char *keep_dir;
static gboolean verbose;

static const GOptionEntry options[] = {
  { "runs", 'n', 0, G_OPTION_ARG_INT, &n_runs,
    "Measured runs of each operation (default 21)", "N" },
  { "sqlite3", 0, 0, G_OPTION_ARG_FILENAME, &sqlite3_path,
    "The sqlite3 shell (default: from PATH)", "PATH" },
  { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, "Build the store in DIR and keep it", "DIR" },
  { "days", 0, 0, G_OPTION_ARG_INT, &n_days, "Days of journal entries (default 3653)", "N" },
  { "attempts", 0, 0, G_OPTION_ARG_INT, &n_attempts, "Quiz attempts (default 5000)", "N" },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print every run", NULL },
  { NULL }
};

typedef struct
{
  double wall;   /* ms */
  double cpu;    /* ms, user + system */
} Sample;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);

  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
median (const Sample *samples,
        guint         n,
        gboolean      cpu)
{
  g_autofree double *values = g_new (double, n);

  for (guint i = 0; i < n; i++)
    values[i] = cpu ? samples[i].cpu : samples[i].wall;
  qsort (values, n, sizeof (double), rapport_bench_compare_doubles);

  return values[n / 2];
}

static RapportStoreEntry *
day_entry (GRand     *rand,
           GDateTime *when,
           int        day)
{
  return rapport_bench_make_entry (rand, when, NULL);
}

static void
populate (RapportStore *store,
          GRand        *rand)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2016, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  double t0 = rapport_bench_wall_ms ();

  rapport_bench_bulk_begin (store);
  rapport_bench_add_days (store, n_days, rand, day_entry);

  for (int i = 0; i < n_attempts; i++)
    {
      const RapportSkill *skill = rapport_skill_get_nth (g_rand_int_range (rand, 0, 10));
      g_autoptr(RapportStoreAttempt) attempt = rapport_store_attempt_new ("core", skill->key,
                                                                           skill->key);
      gint64 when = g_date_time_to_unix (start)
                    + (gint64) g_rand_double_range (rand, 0, n_days * 86400.0);
      double points = 0;

      attempt->started = g_date_time_new_from_unix_utc (when);
      attempt->finished = g_date_time_new_from_unix_utc (when + g_rand_int_range (rand, 60, 900));
      attempt->state = g_rand_int_range (rand, 0, 100) < 88 ? RAPPORT_STORE_ATTEMPT_FINISHED
                                                             : RAPPORT_STORE_ATTEMPT_ABANDONED;
      for (guint q = 0; q < N_ANSWERS; q++)
        {
          g_autofree char *key = g_strdup_printf ("q%u", q + 1);
          g_autofree char *answer = g_strdup_printf ("{\"choice\":%d}",
                                                     g_rand_int_range (rand, 0, 4));
          gboolean correct = g_rand_int_range (rand, 0, 100) < 70;

          rapport_store_attempt_add_answer (attempt, key, answer, correct ? 1 : 0, 1, correct);
          points += correct ? 1 : 0;
        }
      attempt->score = 100.0 * points / N_ANSWERS;
      attempt->passed = attempt->score >= 70;

      if (!rapport_store_add_quiz_attempt (store, attempt, &error))
        rapport_bench_die ("saving a quiz attempt", error);
    }

  rapport_bench_bulk_end (store);

  g_print ("Built %u journal entries (%u ratings) and %u quiz attempts (%u answers) in %.1f s\n",
           n_days, n_days * rapport_skill_get_count (), n_attempts, n_attempts * N_ANSWERS,
           (rapport_bench_wall_ms () - t0) / 1e3);
}

/* The sqlite3 shell side.  Values are set with .parameter, so the shell runs
 * the store's statements with the same bound values; ".timer on" reports
 * each statement's time, and the times of one run's statements are added.
 */

static void
param_text (GString    *script,
            int         index,
            const char *text)
{
  g_autoptr(GString) quoted = g_string_new ("'");

  /* Our generated text has no backslash; quotes are doubled for SQL and
   * escaped for the shell's double-quoted argument.
   */
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '\'')
        g_string_append (quoted, "''");
      else if (*c == '"')
        g_string_append (quoted, "\\\"");
      else
        g_string_append_c (quoted, *c);
    }
  g_string_append_c (quoted, '\'');

  g_string_append_printf (script, ".parameter set ?%d \"%s\"\n", index, quoted->str);
}

static void
param_int (GString *script,
           int      index,
           gint64   value)
{
  g_string_append_printf (script, ".parameter set ?%d %" G_GINT64_FORMAT "\n", index, value);
}

static void
statement (GString    *script,
           const char *sql)
{
  g_string_append_printf (script, "%s;\n", sql);
}

static guint
script_insert (GString           *script,
               RapportStoreEntry *entry)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint n = 0;

  g_string_append (script, ".parameter clear\n");
  statement (script, "BEGIN IMMEDIATE"), n++;

  param_text (script, 1, entry->uuid);
  param_int (script, 2, now);
  param_int (script, 3, g_date_time_to_unix (entry->occurred));
  param_int (script, 4, now);
  param_text (script, 5, entry->title);
  param_text (script, 6, entry->situation);
  param_text (script, 7, entry->went_well);
  param_text (script, 8, entry->try_next);
  /* The tags as one text for the search index, as the store writes them. */
  if (entry->tags != NULL && entry->tags[0] != NULL)
    {
      g_autofree char *tags = g_strjoinv (", ", entry->tags);

      param_text (script, 9, tags);
    }
  statement (script, RAPPORT_STORE_SQL_UPSERT_ENTRY), n++;
  statement (script, RAPPORT_STORE_SQL_DELETE_RATINGS), n++;

  for (guint i = 0; i < entry->ratings->len; i++)
    {
      const RapportStoreRating *rating = &g_array_index (entry->ratings, RapportStoreRating, i);

      param_text (script, 2, rating->skill_key);
      param_int (script, 3, rating->rating);
      statement (script, RAPPORT_STORE_SQL_INSERT_RATING), n++;
    }

  statement (script, RAPPORT_STORE_SQL_DELETE_TAGS), n++;
  for (guint i = 0; entry->tags[i] != NULL; i++)
    {
      param_int (script, 2, i);
      param_text (script, 3, entry->tags[i]);
      statement (script, RAPPORT_STORE_SQL_INSERT_TAG), n++;
    }

  param_text (script, 1, entry->uuid);
  statement (script, RAPPORT_STORE_SQL_DROP_DRAFT_OF), n++;
  statement (script, "COMMIT"), n++;

  return n;
}

static const char *chart_sql =
  RAPPORT_STORE_SQL_RATING_AGGREGATES (RAPPORT_STORE_SQL_BUCKET_WEEK ("occurred_at"));

static guint
script_chart (GString *script)
{
  g_string_append (script, ".parameter clear\n");
  param_text (script, 1, "empathy");
  param_int (script, 2, G_MININT64);
  param_int (script, 3, G_MAXINT64);
  param_int (script, 4, 0);
  statement (script, chart_sql);

  return 1;
}

static guint
script_search (GString *script,
               GArray  *ids)
{
  g_autofree char *match = rapport_store_build_search_query (SEARCH_WORD);
  guint n = 0;

  g_string_append (script, ".parameter clear\n");
  param_text (script, 1, match);
  g_string_append (script, ".parameter set ?2 NULL\n");
  param_int (script, 3, G_MININT64);
  param_int (script, 4, G_MAXINT64);
  param_int (script, 5, SEARCH_LIMIT);
  param_int (script, 6, 0);
  param_text (script, 7, "\x01");
  param_text (script, 8, "\x02");
  param_text (script, 9, "…");
  statement (script, RAPPORT_STORE_SQL_SEARCH_ENTRIES), n++;

  /* The API also loads each listed entry's ratings and tags. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_string_append (script, ".parameter clear\n");
      param_int (script, 1, g_array_index (ids, gint64, i));
      statement (script, RAPPORT_STORE_SQL_ENTRY_RATINGS), n++;
      statement (script, RAPPORT_STORE_SQL_ENTRY_TAGS), n++;
    }

  return n;
}

/* Runs @script (one warm-up and n_runs measured runs of @per_run statements
 * each) and fills @samples with each run's summed real and user+sys time.
 */
static void
run_shell (const char *db_path,
           const char *script_body,
           guint       per_run,
           Sample     *samples)
{
  g_autofree char *script_path = NULL;
  g_autofree char *read_arg = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) script = g_string_new (NULL);
  const char *argv[] = { sqlite3_path, "-batch", db_path, NULL, NULL };
  guint n_timed = 0;
  int fd;
  int status;

  /* The store's connection settings; WAL is already in the file. */
  g_string_append (script,
                   "PRAGMA foreign_keys = ON;\n"
                   "PRAGMA synchronous = FULL;\n"
                   "PRAGMA secure_delete = ON;\n"
                   "PRAGMA busy_timeout = 5000;\n"
                   ".output /dev/null\n"
                   ".timer on\n");
  g_string_append (script, script_body);

  fd = g_file_open_tmp ("rapport-bench-XXXXXX.sql", &script_path, &error);
  if (fd < 0)
    rapport_bench_die ("writing the shell script", error);
  close (fd);
  if (!g_file_set_contents (script_path, script->str, script->len, &error))
    rapport_bench_die ("writing the shell script", error);

  read_arg = g_strdup_printf (".read %s", script_path);
  argv[3] = read_arg;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                     &status, &error))
    rapport_bench_die ("running sqlite3", error);
  g_unlink (script_path);

  if (!g_spawn_check_wait_status (status, &error) || (err != NULL && *err != '\0'))
    {
      g_printerr ("%s", err != NULL ? err : "");
      rapport_bench_die ("sqlite3", error);
    }

  for (guint i = 0; i < (guint) n_runs; i++)
    samples[i] = (Sample) { 0, 0 };

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double real, user, sys;
      guint run;

      if (sscanf (lines[i], "Run Time: real %lf user %lf sys %lf", &real, &user, &sys) != 3)
        continue;

      /* The first per_run statements are the warm-up. */
      run = n_timed++ / per_run;
      if (run == 0 || run > (guint) n_runs)
        continue;

      samples[run - 1].wall += real * 1e3;
      samples[run - 1].cpu += (user + sys) * 1e3;
    }

  if (n_timed != per_run * (n_runs + 1))
    {
      g_printerr ("bench/store: expected %u timed statements from sqlite3, got %u\n",
                  per_run * (n_runs + 1), n_timed);
      exit (1);
    }
}

typedef struct
{
  const char *name;
  Sample     *api;
  Sample     *shell;
} Result;

static void
report (const Result *results,
        guint         n_results)
{
  gboolean all_ok = TRUE;

  g_print ("\nMedians of %d runs (ms). cpu = user + system time; the shell's real time "
           "has 1 ms resolution.\n\n", n_runs);
  g_print ("  %-34s %9s %9s   %9s %9s   %7s   %s\n", "operation", "API wall", "API cpu",
           "sh real", "sh cpu", "cpu x", "target");

  for (guint i = 0; i < n_results; i++)
    {
      const Result *r = &results[i];
      double api_wall = median (r->api, n_runs, FALSE);
      double api_cpu = median (r->api, n_runs, TRUE);
      double sh_wall = median (r->shell, n_runs, FALSE);
      double sh_cpu = median (r->shell, n_runs, TRUE);
      double ratio = sh_cpu > 0 ? api_cpu / sh_cpu : 0;
      gboolean ok = api_wall < TARGET_MS && ratio <= TARGET_RATIO;

      all_ok &= ok;
      g_print ("  %-34s %9.3f %9.3f   %9.3f %9.3f   %6.2fx   %s\n", r->name, api_wall, api_cpu,
               sh_wall, sh_cpu, ratio, ok ? "ok" : "over");
    }

  g_print ("\nTargets: API wall time under %.0f ms; API cpu at most %.1fx the shell's. %s\n",
           TARGET_MS, TARGET_RATIO, all_ok ? "All met." : "Some missed.");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GString) script = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree Sample *insert_api = NULL, *insert_sh = NULL;
  g_autofree Sample *chart_api = NULL, *chart_sh = NULL;
  g_autofree Sample *search_api = NULL, *search_sh = NULL;
  RapportStoreJournalQuery query = {
    .search = SEARCH_WORD,
    .limit = SEARCH_LIMIT,
    .snippet_open = "\x01",
    .snippet_close = "\x02",
  };
  guint per_run = 0;
  guint n_weeks = 0;
  guint n_hits = 0;

  rapport_bench_init ("bench/store", "- progress store benchmark", options, &argc, &argv);
  if (n_runs < 1)
    n_runs = 1;

  if (sqlite3_path == NULL)
    sqlite3_path = g_find_program_in_path ("sqlite3");
  if (sqlite3_path == NULL)
    {
      g_printerr ("bench/store: the sqlite3 shell is needed (Debian package sqlite3)\n");
      return 1;
    }

  path = rapport_bench_store_path (keep_dir, &dir);

  store = rapport_bench_open_store (path);

  g_print ("Store: %s\nShell: %s (%s)\n", path, sqlite3_path, sqlite3_libversion ());
  populate (store, rand);

  insert_api = g_new0 (Sample, n_runs);
  insert_sh = g_new0 (Sample, n_runs);
  chart_api = g_new0 (Sample, n_runs);
  chart_sh = g_new0 (Sample, n_runs);
  search_api = g_new0 (Sample, n_runs);
  search_sh = g_new0 (Sample, n_runs);

  /* 1. Saving one entry with its ten ratings (and two tags). */
  for (int run = -1; run < n_runs; run++)
    {
      g_autoptr(RapportStoreEntry) entry = rapport_bench_make_entry (rand, NULL, NULL);
      double w = rapport_bench_wall_ms (), c = cpu_ms ();

      if (!rapport_store_save_journal_entry (store, entry, &error))
        rapport_bench_die ("saving an entry", error);
      if (run >= 0)
        insert_api[run] = (Sample) { rapport_bench_wall_ms () - w, cpu_ms () - c };
    }

  /* 2. The chart: one skill, all time, weekly. */
  for (int run = -1; run < n_runs; run++)
    {
      double w = rapport_bench_wall_ms (), c = cpu_ms ();
      g_autoptr(GPtrArray) weeks = NULL;

      weeks = rapport_store_get_skill_aggregates (store, "empathy",
                                                  RAPPORT_STORE_SERIES_SELF_RATING,
                                                  RAPPORT_STORE_BUCKET_WEEK,
                                                  NULL, NULL, NULL, &error);
      if (weeks == NULL)
        rapport_bench_die ("chart series", error);
      g_clear_pointer (&weeks, g_ptr_array_unref);
      if (run >= 0)
        chart_api[run] = (Sample) { rapport_bench_wall_ms () - w, cpu_ms () - c };
    }

  /* 3. A full-text search, first page with snippets. */
  for (int run = -1; run < n_runs; run++)
    {
      double w = rapport_bench_wall_ms (), c = cpu_ms ();
      g_autoptr(GPtrArray) hits = NULL;

      hits = rapport_store_list_journal_entries (store, &query, &error);
      if (hits == NULL)
        rapport_bench_die ("search", error);
      n_hits = hits->len;
      g_clear_pointer (&hits, g_ptr_array_unref);
      if (run >= 0)
        search_api[run] = (Sample) { rapport_bench_wall_ms () - w, cpu_ms () - c };
    }

  /* Sizes, and the row ids the shell needs to load the same details. */
  {
    g_autoptr(GPtrArray) weeks = NULL;
    g_autofree char *match = rapport_store_build_search_query (SEARCH_WORD);
    sqlite3 *db = rapport_store_get_connection (store);
    sqlite3_stmt *stmt = NULL;
    char *count_sql = sqlite3_mprintf ("SELECT count(*) FROM journal_fts"
                                       " WHERE journal_fts MATCH %Q", match);

    weeks = rapport_store_get_skill_aggregates (store, "empathy",
                                                RAPPORT_STORE_SERIES_SELF_RATING,
                                                RAPPORT_STORE_BUCKET_WEEK,
                                                NULL, NULL, NULL, NULL);
    n_weeks = weeks->len;

    sqlite3_prepare_v2 (db, RAPPORT_STORE_SQL_SEARCH_ENTRIES, -1, &stmt, NULL);
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
    sqlite3_bind_null (stmt, 2);
    sqlite3_bind_int64 (stmt, 3, G_MININT64);
    sqlite3_bind_int64 (stmt, 4, G_MAXINT64);
    sqlite3_bind_int (stmt, 5, SEARCH_LIMIT);
    sqlite3_bind_int (stmt, 6, 0);
    sqlite3_bind_null (stmt, 10);  /* no tag filter */
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (ids, id);
      }
    sqlite3_finalize (stmt);

    sqlite3_prepare_v2 (db, count_sql, -1, &stmt, NULL);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      g_print ("Search for \"%s\": %d matching entries, first %u listed; chart: %u weeks\n",
               SEARCH_WORD, sqlite3_column_int (stmt, 0), n_hits, n_weeks);
    sqlite3_finalize (stmt);
    sqlite3_free (count_sql);
  }

  /* The same statements through the shell, on the same file. */
  script = g_string_new (NULL);
  for (int run = -1; run < n_runs; run++)
    {
      g_autoptr(RapportStoreEntry) entry = rapport_bench_make_entry (rand, NULL, NULL);

      per_run = script_insert (script, entry);
    }
  run_shell (path, script->str, per_run, insert_sh);

  g_string_truncate (script, 0);
  for (int run = -1; run < n_runs; run++)
    per_run = script_chart (script);
  run_shell (path, script->str, per_run, chart_sh);

  g_string_truncate (script, 0);
  for (int run = -1; run < n_runs; run++)
    per_run = script_search (script, ids);
  run_shell (path, script->str, per_run, search_sh);

  if (verbose)
    {
      for (int run = 0; run < n_runs; run++)
        g_print ("run %2d  insert %.3f/%.3f sh %.3f/%.3f  chart %.3f/%.3f sh %.3f/%.3f  "
                 "search %.3f/%.3f sh %.3f/%.3f\n", run,
                 insert_api[run].wall, insert_api[run].cpu, insert_sh[run].wall, insert_sh[run].cpu,
                 chart_api[run].wall, chart_api[run].cpu, chart_sh[run].wall, chart_sh[run].cpu,
                 search_api[run].wall, search_api[run].cpu,
                 search_sh[run].wall, search_sh[run].cpu);
    }

  {
    const Result results[] = {
      { "save entry + 10 ratings (commit)", insert_api, insert_sh },
      { "chart: 1 skill, all time, weekly", chart_api, chart_sh },
      { "search \"" SEARCH_WORD "\", first page", search_api, search_sh },
    };

    report (results, G_N_ELEMENTS (results));
  }

  g_clear_object (&store);

  if (keep_dir == NULL)
    rapport_bench_remove_store (dir);

  return 0;
}
