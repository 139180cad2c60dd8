/* journal.c: journal view benchmark (see bench/README.md)
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a ten-year journal (one entry a day, each rating all ten skills),
 * then times, through the store's API, each step the journal view takes
 * while the user waits: opening the store and listing the newest page,
 * scrolling page by page to the oldest entry, searching, and filtering by
 * skill and date.  Each step should fit in one frame (16 ms).
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

static int n_days = 3653;
static int n_runs = 21;
static char *keep_dir;
static gboolean verbose;

#define PAGE_SIZE    50
#define TARGET_MS    16.0
#define COMMON_WORD  "call"       /* every title: "Call about …" */
#define RARE_WORD    "chargeback" /* about one entry in 300 */
#define FIRST_LETTER "c"          /* search as you type: every word starting with c */

static const GOptionEntry options[] = {
  { "runs", 'n', 0, G_OPTION_ARG_INT, &n_runs,
    "Measured runs of each step (default 21)", "N" },
  { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, "Build the store in DIR and keep it", "DIR" },
  { "days", 0, 0, G_OPTION_ARG_INT, &n_days, "Days of journal entries (default 3653)", "N" },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print every page of the scroll", NULL },
  { NULL }
};

static RapportStoreEntry *
day_entry (GRand     *rand,
           GDateTime *when,
           int        day)
{
  return rapport_bench_make_entry (rand, when, "The bank had already opened a " RARE_WORD ".");
}

static void
populate (const char *path,
          GRand      *rand)
{
  double t0;
  g_autoptr(RapportStore) store = rapport_bench_build_store (path, n_days, rand, day_entry, &t0);
  GStatBuf st;

  g_clear_object (&store);
  if (g_stat (path, &st) != 0)
    rapport_bench_die ("the store's size", NULL);
  g_print ("Built %d journal entries (%u ratings) in %.1f s: %.1f MiB\n", n_days,
           n_days * rapport_skill_get_count (), (rapport_bench_wall_ms () - t0) / 1e3,
           st.st_size / (1024.0 * 1024.0));
}

/* Steps */

static GPtrArray *
list_or_die (RapportStore                   *store,
             const RapportStoreJournalQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = rapport_store_list_journal_entries (store, query, &error);

  if (entries == NULL)
    rapport_bench_die ("listing entries", error);

  return entries;
}

/* The time of one call, in ms; @n_listed gets the page's size. */
static double
time_query (RapportStore                   *store,
            const RapportStoreJournalQuery *query,
            guint                          *n_listed)
{
  double t0 = rapport_bench_wall_ms ();
  g_autoptr(GPtrArray) entries = list_or_die (store, query);
  double elapsed = rapport_bench_wall_ms () - t0;

  if (n_listed != NULL)
    *n_listed = entries->len;

  return elapsed;
}

static double
time_open (const char *path)
{
  RapportStoreJournalQuery query = { .limit = PAGE_SIZE };
  g_autoptr(GError) error = NULL;
  double t0 = rapport_bench_wall_ms ();
  RapportStore *store = rapport_store_new_for_path (path, &error);
  g_autoptr(GPtrArray) entries = NULL;
  double elapsed;

  if (store == NULL)
    rapport_bench_die ("opening the store", error);
  entries = list_or_die (store, &query);
  elapsed = rapport_bench_wall_ms () - t0;

  /* Closing is not part of what the user waits for. */
  g_object_unref (store);
  if (entries->len != MIN (PAGE_SIZE, (guint) n_days))
    rapport_bench_die ("the first page is short", NULL);

  return elapsed;
}

typedef struct
{
  guint   n_pages;
  double *page_ms;  /* n_runs × n_pages */
} Scroll;

/* One walk from the newest entry to the oldest, page by page with the
 * query's offset, as the list asks for more rows when the user nears its end.
 */
static void
scroll_once (RapportStore *store,
             double       *page_ms,
             guint        *n_pages)
{
  RapportStoreJournalQuery query = { .limit = PAGE_SIZE };
  guint n_seen = 0;
  guint page = 0;

  for (;;)
    {
      double t0 = rapport_bench_wall_ms ();
      g_autoptr(GPtrArray) entries = NULL;

      query.offset = n_seen;
      entries = list_or_die (store, &query);
      if (page_ms != NULL)
        page_ms[page] = rapport_bench_wall_ms () - t0;

      n_seen += entries->len;
      if (entries->len == 0)
        break;
      page++;
      if (entries->len < PAGE_SIZE)
        break;
    }

  if (n_seen != (guint) n_days)
    {
      g_printerr ("bench/journal: the scroll saw %u entries of %d\n", n_seen, n_days);
      exit (1);
    }

  *n_pages = page;
}

static void
time_scroll (RapportStore *store,
             double       *median_ms,
             double       *worst_ms,
             guint        *worst_page,
             guint        *n_pages)
{
  guint max_pages = (guint) n_days / PAGE_SIZE + 2;
  g_autofree double *all = g_new0 (double, (gsize) n_runs * max_pages);
  g_autofree double *per_page = g_new0 (double, max_pages);
  g_autofree double *column = g_new0 (double, n_runs);
  g_autofree double *page_medians = NULL;

  scroll_once (store, NULL, n_pages);   /* warm-up */
  for (int run = 0; run < n_runs; run++)
    scroll_once (store, all + (gsize) run * max_pages, n_pages);

  /* Each page's median over the runs; then the median and the worst page. */
  *worst_ms = 0;
  *worst_page = 0;
  for (guint page = 0; page < *n_pages; page++)
    {
      for (int run = 0; run < n_runs; run++)
        column[run] = all[(gsize) run * max_pages + page];
      per_page[page] = rapport_bench_median (column, n_runs);
      if (per_page[page] > *worst_ms)
        {
          *worst_ms = per_page[page];
          *worst_page = page + 1;
        }
      if (verbose)
        g_print ("  page %3u (entries %4u-%4u): %.3f ms\n", page + 1, page * PAGE_SIZE + 1, (page + 1) * PAGE_SIZE, per_page[page]);
    }
  page_medians = g_memdup2 (per_page, sizeof (double) * *n_pages);
  *median_ms = rapport_bench_median (page_medians, *n_pages);
}

static double
time_repeated (RapportStore                   *store,
               const RapportStoreJournalQuery *query,
               guint                          *n_listed)
{
  g_autofree double *samples = g_new0 (double, n_runs);

  time_query (store, query, n_listed);   /* warm-up */
  for (int run = 0; run < n_runs; run++)
    samples[run] = time_query (store, query, n_listed);

  return rapport_bench_median (samples, n_runs);
}

static int
count_matches (RapportStore *store,
               const char   *word)
{
  g_autofree char *match = rapport_store_build_search_query (word);
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  sqlite3_prepare_v2 (rapport_store_get_connection (store),
                      "SELECT count(*) FROM journal_fts WHERE journal_fts MATCH ?1", -1, &stmt,
                      NULL);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static gboolean
row (const char *step,
     const char *detail,
     double      ms)
{
  gboolean ok = ms < TARGET_MS;

  g_print ("  %-36s %-34s %7.3f   %s\n", step, detail, ms, ok ? "ok" : "over");

  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GDateTime) year_from = g_date_time_new_utc (2025, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) year_to = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autofree double *open_samples = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *common_detail = NULL;
  g_autofree char *rare_detail = NULL;
  g_autofree char *letter_detail = NULL;
  g_autofree char *filter_detail = NULL;
  g_autofree char *scroll_detail = NULL;
  g_autofree char *worst_detail = NULL;
  RapportStoreJournalQuery first_page = { .limit = PAGE_SIZE };
  RapportStoreJournalQuery common = {
    .search = COMMON_WORD, .limit = PAGE_SIZE, .snippet_open = "\x01", .snippet_close = "\x02",
  };
  RapportStoreJournalQuery rare = {
    .search = RARE_WORD, .limit = PAGE_SIZE, .snippet_open = "\x01", .snippet_close = "\x02",
  };
  RapportStoreJournalQuery letter = {
    .search = FIRST_LETTER, .limit = PAGE_SIZE, .snippet_open = "\x01", .snippet_close = "\x02",
  };
  RapportStoreJournalQuery filter = {
    .skill_key = "empathy", .from = year_from, .to = year_to, .limit = PAGE_SIZE,
  };
  double open_ms, first_ms, common_ms, rare_ms, letter_ms, filter_ms;
  double scroll_median, scroll_worst;
  guint worst_page, n_pages;
  guint n_common, n_rare, n_letter, n_filter;
  gboolean all_ok = TRUE;

  rapport_bench_init ("bench/journal", "- journal view benchmark", options, &argc, &argv);
  n_runs = MAX (n_runs, 1);
  n_days = MAX (n_days, 1);

  path = rapport_bench_store_path (keep_dir, &dir);

  g_print ("Store: %s (SQLite %s)\n", path, sqlite3_libversion ());
  populate (path, rand);

  /* 1. Opening the journal view: open the store, list the newest page. */
  open_samples = g_new0 (double, n_runs);
  time_open (path);
  for (int run = 0; run < n_runs; run++)
    open_samples[run] = time_open (path);
  open_ms = rapport_bench_median (open_samples, n_runs);

  store = rapport_bench_open_store (path);
  first_ms = time_repeated (store, &first_page, NULL);

  /* 2. Scrolling to the oldest entry, page by page. */
  time_scroll (store, &scroll_median, &scroll_worst, &worst_page, &n_pages);
  scroll_detail = g_strdup_printf ("%u pages", n_pages);

  /* 3. Searching, first page with snippets. */
  common_ms = time_repeated (store, &common, &n_common);
  common_detail = g_strdup_printf ("\"%s\": %d hits, %u listed", COMMON_WORD,
                                   count_matches (store, COMMON_WORD), n_common);
  rare_ms = time_repeated (store, &rare, &n_rare);
  rare_detail = g_strdup_printf ("\"%s\": %d hits, %u listed", RARE_WORD,
                                 count_matches (store, RARE_WORD), n_rare);

  letter_ms = time_repeated (store, &letter, &n_letter);
  letter_detail = g_strdup_printf ("\"%s\": %d hits, %u listed", FIRST_LETTER,
                                   count_matches (store, FIRST_LETTER), n_letter);

  /* 4. One skill, one year. */
  filter_ms = time_repeated (store, &filter, &n_filter);
  filter_detail = g_strdup_printf ("empathy, 2025: %u listed", n_filter);

  g_print ("\nMedians of %d runs, wall time in ms; a page is %d entries with ratings and tags.\n\n",
           n_runs, PAGE_SIZE);
  g_print ("  %-36s %-34s %7s   %s\n", "step", "", "ms", "target");
  all_ok &= row ("open store + first page", "incl. quick_check of the file", open_ms);
  all_ok &= row ("first page, store already open", "", first_ms);
  worst_detail = g_strdup_printf ("page %u (entries %u-%u)", worst_page,
                                  (worst_page - 1) * PAGE_SIZE + 1, worst_page * PAGE_SIZE);
  all_ok &= row ("scroll to the oldest: median page", scroll_detail, scroll_median);
  all_ok &= row ("scroll to the oldest: worst page", worst_detail, scroll_worst);
  all_ok &= row ("search, common word, first page", common_detail, common_ms);
  all_ok &= row ("search, rare word, first page", rare_detail, rare_ms);
  all_ok &= row ("search, one letter typed, first page", letter_detail, letter_ms);
  all_ok &= row ("skill + date range, first page", filter_detail, filter_ms);

  g_print ("\nTarget: every step under %.0f ms (one frame at 60 Hz). %s\n", TARGET_MS,
           all_ok ? "All met." : "Some missed.");

  g_clear_object (&store);

  if (keep_dir == NULL)
    rapport_bench_remove_store (dir);

  return 0;
}
