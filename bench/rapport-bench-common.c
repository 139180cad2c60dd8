/* rapport-bench-common.c: what the benchmark programs share: timing,
 * medians, journal text, and building and removing their stores
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "rapport-bench-common.h"
#include "rapport-skill.h"
#include "rapport-store-private.h"

static const char *bench_name = "bench";

/* @name: how error messages name the program, e.g. "bench/journal".  Parses
 * the command line for @options, or exits saying why.
 */
void
rapport_bench_init (const char          *name,
                    const char          *parameter_string,
                    const GOptionEntry  *options,
                    int                 *argc,
                    char              ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;

  bench_name = name;
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    rapport_bench_die ("options", error);
}

void
rapport_bench_die (const char   *what,
                   const GError *error)
{
  g_printerr ("%s: %s: %s\n", bench_name, what, error != NULL ? error->message : "failed");
  exit (1);
}

void
rapport_bench_exec_or_die (sqlite3    *db,
                           const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("%s: %s: %s\n", bench_name, sql, message);
      exit (1);
    }
}

double
rapport_bench_wall_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);

  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int
rapport_bench_compare_doubles (gconstpointer a,
                               gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db ? 1 : 0;
}

/* Sorts @values in place. */
double
rapport_bench_median (double *values,
                      guint   n)
{
  qsort (values, n, sizeof (double), rapport_bench_compare_doubles);

  return values[n / 2];
}

/* Journal text: realistic phrases, so that full-text search has real work. */

static const char *openers[] = {
  "The customer called about", "A caller was upset about", "Someone wrote in about",
  "A long-time client asked about", "A new customer was confused about",
  "The manager forwarded a complaint about", "A caller from abroad asked about",
};
static const char *subjects[] = {
  "a late delivery", "a refund that never arrived", "a billing error", "a broken device",
  "a cancelled order", "the new pricing", "a password reset", "a missing parcel",
  "a double charge", "the warranty terms", "a rude previous agent", "an appointment change",
};
static const char *details[] = {
  "They had already called twice.", "They spoke quickly and interrupted often.",
  "They wanted to speak to a supervisor.", "The account notes were incomplete.",
  "Their English was careful and formal.", "They were polite but clearly tired.",
  "They threatened to cancel the contract.", "They had a deadline the same afternoon.",
};
static const char *went_well[] = {
  "I named the frustration before explaining anything.", "I summarised the problem back.",
  "I stayed calm when the voice got louder.", "I offered two concrete options.",
  "I explained the next steps in plain words.", "I apologised once and moved to solutions.",
  "I asked open questions until the real issue was clear.",
};
static const char *try_next[] = {
  "Give a callback time instead of saying soon.", "Check the order history before answering.",
  "Pause before replying when interrupted.", "Write the follow-up email during the call.",
  "Ask how they prefer to be addressed.", "Offer the refund form earlier.",
  "Confirm the summary in writing.",
};

#define PICK(rand, array) (array[g_rand_int_range (rand, 0, G_N_ELEMENTS (array))])

/* An entry's text, tags and time: what every benchmark's entries share. */
static RapportStoreEntry *
make_text_entry (GRand      *rand,
                 GDateTime  *when,
                 const char *rare_sentence)
{
  RapportStoreEntry *entry = rapport_store_entry_new ();
  const char *tags[] = { "phone", "email", "chat", "escalation", "follow-up" };
  const char *entry_tags[3] = { NULL };
  const char *subject = PICK (rand, subjects);
  const char *opener = PICK (rand, openers);
  const char *detail1 = PICK (rand, details);
  const char *detail2 = PICK (rand, details);
  gboolean rare = rare_sentence != NULL && g_rand_int_range (rand, 0, 300) == 0;

  g_free (entry->title);
  entry->title = g_strdup_printf ("Call about %s", subject);
  g_free (entry->situation);
  entry->situation = g_strdup_printf ("%s %s %s %s%s%s", opener, subject, detail1, detail2,
                                      rare ? " " : "", rare ? rare_sentence : "");
  g_free (entry->went_well);
  entry->went_well = g_strdup_printf ("%s %s", PICK (rand, went_well), PICK (rand, went_well));
  g_free (entry->try_next);
  entry->try_next = g_strdup (PICK (rand, try_next));

  entry_tags[0] = PICK (rand, tags);
  entry_tags[1] = PICK (rand, tags);
  rapport_store_entry_set_tags (entry, entry_tags);

  if (when != NULL)
    {
      g_date_time_unref (entry->occurred);
      entry->occurred = g_date_time_ref (when);
    }

  return entry;
}

/**
 * rapport_bench_make_entry:
 * @when: (nullable): when the call happened; %NULL: now
 * @rare_sentence: (nullable): added to about one entry in 300, for a
 *   search that finds few entries
 *
 * An entry rating all ten skills.
 */
RapportStoreEntry *
rapport_bench_make_entry (GRand      *rand,
                          GDateTime  *when,
                          const char *rare_sentence)
{
  RapportStoreEntry *entry = make_text_entry (rand, when, rare_sentence);

  for (guint s = 0; s < rapport_skill_get_count (); s++)
    rapport_store_entry_set_rating (entry, rapport_skill_get_nth (s)->key,
                                    g_rand_int_range (rand, 1, 6));

  return entry;
}

/**
 * rapport_bench_make_rated_entry:
 * @when: (nullable): when the call happened; %NULL: now
 * @n_ratings: how many skills it rates, at most all of them
 *
 * An entry as a learner writes one after a call: the same text as
 * rapport_bench_make_entry()'s, rating @n_ratings different skills picked
 * at random.
 */
RapportStoreEntry *
rapport_bench_make_rated_entry (GRand     *rand,
                                GDateTime *when,
                                guint      n_ratings)
{
  RapportStoreEntry *entry = make_text_entry (rand, when, NULL);
  guint n_skills = rapport_skill_get_count ();

  n_ratings = MIN (n_ratings, n_skills);
  while (entry->ratings->len < n_ratings)
    {
      const char *key = rapport_skill_get_nth (g_rand_int_range (rand, 0, (gint32) n_skills))->key;

      if (rapport_store_entry_get_rating (entry, key) == 0)
        rapport_store_entry_set_rating (entry, key, g_rand_int_range (rand, 1, 6));
    }

  return entry;
}

/**
 * rapport_bench_store_path:
 * @keep_dir: (nullable): the folder the user gave to keep the store in, made
 *   if need be; %NULL: a new temporary folder, named after the program
 * @dir: (out): the folder
 *
 * Returns: the path of the store to build in @dir, where there must be none
 * yet.  Exits with a message when the folder cannot be made or holds one.
 */
char *
rapport_bench_store_path (const char  *keep_dir,
                          char       **dir)
{
  g_autoptr(GError) error = NULL;
  char *path;

  if (keep_dir != NULL)
    {
      *dir = g_strdup (keep_dir);
      if (g_mkdir_with_parents (*dir, 0700) != 0)
        {
          g_printerr ("%s: cannot create %s\n", bench_name, *dir);
          exit (1);
        }
    }
  else
    {
      /* "bench/journal" makes rapport-bench-journal-XXXXXX. */
      g_autofree char *base = g_path_get_basename (bench_name);
      g_autofree char *template = g_strdup_printf ("rapport-bench-%s-XXXXXX", base);

      *dir = g_dir_make_tmp (template, &error);
      if (*dir == NULL)
        rapport_bench_die ("temporary folder", error);
    }
  path = g_build_filename (*dir, "progress.db", NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s: %s exists; give an empty folder\n", bench_name, path);
      exit (1);
    }

  return path;
}

/* Building the data set: synchronous=OFF only while it is written; the
 * timing runs use the store's own FULL, on a checkpointed file.
 */
void
rapport_bench_bulk_begin (RapportStore *store)
{
  rapport_bench_exec_or_die (rapport_store_get_connection (store), "PRAGMA synchronous = OFF");
}

void
rapport_bench_bulk_end (RapportStore *store)
{
  sqlite3 *db = rapport_store_get_connection (store);

  rapport_bench_exec_or_die (db, "PRAGMA synchronous = FULL");
  rapport_bench_exec_or_die (db, "PRAGMA wal_checkpoint(TRUNCATE)");
}

/* One entry a day for @n_days from 1 January 2016, each at a random time
 * between 08:00 and 18:00 UTC.
 */
void
rapport_bench_add_days (RapportStore         *store,
                        int                   n_days,
                        GRand                *rand,
                        RapportBenchDayEntry  day_entry)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2016, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;

  for (int day = 0; day < n_days; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (start, day);
      g_autoptr(GDateTime) when = g_date_time_add_seconds (date,
                                                           g_rand_int_range (rand, 8 * 3600,
                                                                             18 * 3600));
      g_autoptr(RapportStoreEntry) entry = day_entry (rand, when, day);

      if (!rapport_store_save_journal_entry (store, entry, &error))
        rapport_bench_die ("saving an entry", error);
    }
}

RapportStore *
rapport_bench_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  RapportStore *store = rapport_store_new_for_path (path, &error);

  if (store == NULL)
    rapport_bench_die ("opening the store", error);

  return store;
}

/* A new store at @path holding rapport_bench_add_days()'s entries;
 * @t0 gets the wall time (ms) once it was created, before the first entry.
 */
RapportStore *
rapport_bench_build_store (const char           *path,
                           int                   n_days,
                           GRand                *rand,
                           RapportBenchDayEntry  day_entry,
                           double               *t0)
{
  g_autoptr(GError) error = NULL;
  RapportStore *store = rapport_store_new_for_path (path, &error);

  if (store == NULL)
    rapport_bench_die ("creating the store", error);
  *t0 = rapport_bench_wall_ms ();

  rapport_bench_bulk_begin (store);
  rapport_bench_add_days (store, n_days, rand, day_entry);
  rapport_bench_bulk_end (store);

  return store;
}

/* Removes a store folder the benchmark made: its database, its backups and
 * the folder itself.
 */
void
rapport_bench_remove_store (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "progress.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GDir) gdir = g_dir_open (backups, 0, NULL);
  const char *name;

  while (gdir != NULL && (name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *file = g_build_filename (backups, name, NULL);

      g_unlink (file);
    }
  g_unlink (path);
  g_rmdir (backups);
  g_rmdir (dir);
}

/* Removes a folder the benchmark made, with everything in it (no links
 * followed: the benchmarks make none).
 */
void
rapport_bench_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      rapport_bench_remove_tree (child);
    }
  g_rmdir (path);
}
