/* test-journal-tags.c: the journal's tags in the store: found by search
 * like the text, a filter of their own, the list of them, and the upgrade
 * that put them into the search index
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "rapport-store-private.h"
#include "rapport-unit-utils.h"

/* A store of its own for each @name, in the test's data folder. */
static RapportStore *
open_store (const char *name)
{
  g_autofree char *path = g_build_filename (name, "progress.db", NULL);

  return rapport_unit_open_store (path);
}

/* Tags: searched like the text, and a filter of their own */

static void
save_tagged (RapportStore       *store,
             const char         *title,
             const char         *situation,
             const char * const *tags)
{
  g_autoptr(RapportStoreEntry) entry = rapport_unit_new_entry (title, NULL);

  g_free (entry->situation);
  entry->situation = g_strdup (situation);
  rapport_store_entry_set_tags (entry, tags);
  rapport_store_entry_set_rating (entry, "empathy", 4);
  rapport_unit_save_entry (store, entry);
}

static guint
count_found (RapportStore *store,
             const char   *search,
             const char   *tag)
{
  g_autoptr(GError) error = NULL;
  RapportStoreJournalQuery query = { .search = search, .tag = tag, .limit = 100 };
  g_autoptr(GPtrArray) found = rapport_store_list_journal_entries (store, &query, &error);

  g_assert_no_error (error);
  return found->len;
}

static void
test_tags_search_filter (void)
{
  g_autoptr(RapportStore) store = open_store ("store");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  const char * const refund[] = { "refund", "Phone", NULL };
  const char * const follow_up[] = { "follow-up", "phone", NULL };
  const char * const none[] = { NULL };
  const char * const expected[] = { "follow-up", "Phone", "refund", NULL };

  save_tagged (store, "Angry caller", "The customer waited two weeks.", refund);
  save_tagged (store, "Quiet caller", "She asked twice for the same thing.", follow_up);
  save_tagged (store, "Untagged call", "Nothing to say about a refund here.", none);

  /* A word found only among an entry's tags finds it, alone or with a
   * word of the text; the text still counts.
   */
  g_assert_cmpuint (count_found (store, "phone", NULL), ==, 2);
  g_assert_cmpuint (count_found (store, "follow-up", NULL), ==, 1);
  g_assert_cmpuint (count_found (store, "refund", NULL), ==, 2);
  g_assert_cmpuint (count_found (store, "refund angry", NULL), ==, 1);
  g_assert_cmpuint (count_found (store, "twice phon", NULL), ==, 1);

  /* The filter, alone, with a search, and ignoring case. */
  g_assert_cmpuint (count_found (store, NULL, "phone"), ==, 2);
  g_assert_cmpuint (count_found (store, NULL, "refund"), ==, 1);
  g_assert_cmpuint (count_found (store, "caller", "follow-up"), ==, 1);
  g_assert_cmpuint (count_found (store, "refund", "follow-up"), ==, 0);
  g_assert_cmpuint (count_found (store, NULL, "no such tag"), ==, 0);

  /* Every tag once, whatever its case, for the filter's list. */
  tags = rapport_store_list_journal_tags (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (tags, expected);

  /* Tags changed or gone leave the index with them. */
  {
    RapportStoreJournalQuery query = { .search = "angry", .limit = 10 };
    g_autoptr(GPtrArray) found = rapport_store_list_journal_entries (store, &query, &error);
    RapportStoreEntry *entry = found->pdata[0];

    rapport_store_entry_set_tags (entry, none);
    rapport_unit_save_entry (store, entry);
    g_assert_cmpuint (count_found (store, "refund", NULL), ==, 1);
    g_assert_true (rapport_store_delete_journal_entry (store, entry->uuid, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_found (store, "phone", NULL), ==, 1);
}

/* A journal saved before version 4 finds its tags after the upgrade. */
static void
test_tags_after_upgrade (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "store",
                                                    "progress-v3.sql", NULL);
  g_autofree char *path = rapport_unit_scratch_path ("upgrade/progress.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sql = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rapport_unit_open_store (path);
  /* "phone" is a tag of the first entry and in no text of either. */
  g_assert_cmpuint (count_found (store, "phone", NULL), ==, 1);
  g_assert_cmpuint (count_found (store, "refund", "PHONE"), ==, 1);
  g_assert_cmpuint (count_found (store, "weeks", NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/rapport/journal-tags/search-and-filter", test_tags_search_filter);
  g_test_add_func ("/rapport/journal-tags/after-upgrade", test_tags_after_upgrade);

  return g_test_run ();
}
