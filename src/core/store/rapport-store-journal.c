/* rapport-store-journal.c: saving, importing, listing and searching journal entries; the draft
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-store-private.h"

#define DEFAULT_PAGE_SIZE 50

/* Saving */

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* Runs one statement whose ?1 is an entry's uuid. */
static gboolean
exec_for_uuid (RapportStore  *self,
               const char    *sql,
               const char    *uuid,
               GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = rapport_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  rapport_store_bind_text (stmt, 1, uuid);
  return rapport_store_step_done (self, stmt, error);
}

/* Writes @entry with its ratings and tags inside the caller's transaction.
 * An existing row keeps its created_at.
 */
static gboolean
write_entry (RapportStore       *self,
             RapportStoreEntry  *entry,
             gint64              created_unix,
             gint64              updated_unix,
             GError            **error)
{
  g_assert (RAPPORT_IS_STORE (self));
  g_assert (entry != NULL);

  {
    g_autoptr(RapportStoreStmt) stmt = rapport_store_prepare (self,
                                                              RAPPORT_STORE_SQL_UPSERT_ENTRY,
                                                              error);
    if (stmt == NULL)
      return FALSE;

    rapport_store_bind_text (stmt, 1, entry->uuid);
    sqlite3_bind_int64 (stmt, 2, created_unix);
    rapport_store_bind_time (stmt, 3, entry->occurred);
    sqlite3_bind_int64 (stmt, 4, updated_unix);
    rapport_store_bind_text (stmt, 5, or_empty (entry->title));
    rapport_store_bind_text (stmt, 6, or_empty (entry->situation));
    rapport_store_bind_text (stmt, 7, or_empty (entry->went_well));
    rapport_store_bind_text (stmt, 8, or_empty (entry->try_next));
    if (entry->tags != NULL && entry->tags[0] != NULL)
      {
        g_autofree char *tags = g_strjoinv (", ", entry->tags);

        rapport_store_bind_text (stmt, 9, tags);
      }
    else
      sqlite3_bind_null (stmt, 9);

    if (!rapport_store_step_done (self, stmt, error))
      return FALSE;
  }

  if (!exec_for_uuid (self, RAPPORT_STORE_SQL_DELETE_RATINGS, entry->uuid, error))
    return FALSE;

  for (guint i = 0; entry->ratings != NULL && i < entry->ratings->len; i++)
    {
      const RapportStoreRating *rating = &g_array_index (entry->ratings, RapportStoreRating, i);
      g_autoptr(RapportStoreStmt) stmt = rapport_store_prepare (self,
                                                                RAPPORT_STORE_SQL_INSERT_RATING,
                                                                error);
      if (stmt == NULL)
        return FALSE;

      rapport_store_bind_text (stmt, 1, entry->uuid);
      rapport_store_bind_text (stmt, 2, rating->skill_key);
      sqlite3_bind_int (stmt, 3, rating->rating);
      if (!rapport_store_step_done (self, stmt, error))
        return FALSE;
    }

  if (!exec_for_uuid (self, RAPPORT_STORE_SQL_DELETE_TAGS, entry->uuid, error))
    return FALSE;

  for (guint i = 0; entry->tags != NULL && entry->tags[i] != NULL; i++)
    {
      g_autoptr(RapportStoreStmt) stmt = rapport_store_prepare (self,
                                                                RAPPORT_STORE_SQL_INSERT_TAG,
                                                                error);
      if (stmt == NULL)
        return FALSE;

      rapport_store_bind_text (stmt, 1, entry->uuid);
      sqlite3_bind_int (stmt, 2, i);
      rapport_store_bind_text (stmt, 3, entry->tags[i]);
      if (!rapport_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The editor's draft of the entry being saved goes in the same transaction.
 * Were it cleared afterwards, a kill between the two commits would leave a
 * draft of an entry already saved, and finishing that "unsaved" draft
 * would overwrite the entry.
 */
static gboolean
drop_draft_of (RapportStore  *self,
               const char    *uuid,
               GError       **error)
{
  return exec_for_uuid (self, RAPPORT_STORE_SQL_DROP_DRAFT_OF, uuid, error);
}

gboolean
rapport_store_save_journal_entry (RapportStore       *self,
                                  RapportStoreEntry  *entry,
                                  GError            **error)
{
  g_autoptr(GDateTime) now = NULL;
  gint64 now_unix;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (entry->uuid != NULL && *entry->uuid != '\0', FALSE);
  g_return_val_if_fail (entry->occurred != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Whole seconds, so what the caller holds equals what a reload returns. */
  now_unix = g_get_real_time () / G_USEC_PER_SEC;
  now = g_date_time_new_from_unix_utc (now_unix);

  if (!rapport_store_begin (self, error))
    return FALSE;

  if (!write_entry (self, entry,
                    entry->created != NULL ? g_date_time_to_unix (entry->created) : now_unix,
                    now_unix, error)
      || !drop_draft_of (self, entry->uuid, error))
    {
      rapport_store_rollback (self);
      return FALSE;
    }

  if (!rapport_store_commit (self, error))
    return FALSE;

  if (entry->created == NULL)
    entry->created = g_date_time_ref (now);
  g_clear_pointer (&entry->updated, g_date_time_unref);
  entry->updated = g_date_time_ref (now);

  return TRUE;
}

static gboolean
same_time (GDateTime *a,
           GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_to_unix (a) == g_date_time_to_unix (b);
}

static gboolean
same_ratings (const RapportStoreEntry *a,
              const RapportStoreEntry *b)
{
  if (a->ratings->len != b->ratings->len)
    return FALSE;

  /* At most one rating per skill on each side, so this is set equality. */
  for (guint i = 0; i < a->ratings->len; i++)
    {
      const RapportStoreRating *rating = &g_array_index (a->ratings, RapportStoreRating, i);

      if (rapport_store_entry_get_rating (b, rating->skill_key) != rating->rating)
        return FALSE;
    }

  return TRUE;
}

/* What a user wrote: everything but the created and updated stamps. */
static gboolean
same_content (const RapportStoreEntry *a,
              const RapportStoreEntry *b)
{
  const char * const empty[] = { NULL };

  return same_time (a->occurred, b->occurred)
         && g_str_equal (or_empty (a->title), or_empty (b->title))
         && g_str_equal (or_empty (a->situation), or_empty (b->situation))
         && g_str_equal (or_empty (a->went_well), or_empty (b->went_well))
         && g_str_equal (or_empty (a->try_next), or_empty (b->try_next))
         && g_strv_equal (a->tags != NULL ? (const char * const *) a->tags : empty,
                          b->tags != NULL ? (const char * const *) b->tags : empty)
         && same_ratings (a, b);
}

/**
 * rapport_store_import_journal_entries:
 * @entries: (element-type RapportStoreEntry): complete entries, each with
 *   uuid, created, occurred and updated set
 * @n_added: (out) (optional): entries that were not in the store
 * @n_updated: (out) (optional): entries replaced by a newer version
 * @n_skipped: (out) (optional): entries left as they were
 *
 * Writes entries from another copy of the journal, all or nothing, in one
 * transaction, keeping their own created and updated times.  An entry whose
 * uuid is new is added.  An entry whose uuid exists is skipped when what the
 * user wrote is the same (occurred, title, texts, tags, ratings), replaced
 * when it differs and its updated time is later than the stored one, and
 * otherwise skipped: the newer edit wins, and on a tie the copy already here
 * stays.  A replaced entry keeps its stored created time.
 */
gboolean
rapport_store_import_journal_entries (RapportStore  *self,
                                      GPtrArray     *entries,
                                      guint         *n_added,
                                      guint         *n_updated,
                                      guint         *n_skipped,
                                      GError       **error)
{
  guint added = 0;
  guint updated = 0;
  guint skipped = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < entries->len; i++)
    {
      const RapportStoreEntry *entry = g_ptr_array_index (entries, i);

      g_return_val_if_fail (entry != NULL && entry->uuid != NULL && entry->created != NULL
                            && entry->occurred != NULL && entry->updated != NULL
                            && entry->ratings != NULL, FALSE);
    }

  if (!rapport_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      RapportStoreEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(RapportStoreEntry) existing = NULL;
      g_autoptr(GError) local_error = NULL;

      existing = rapport_store_get_journal_entry (self, entry->uuid, &local_error);
      if (existing == NULL
          && !g_error_matches (local_error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto fail;
        }

      if (existing != NULL
          && (same_content (existing, entry)
              || g_date_time_to_unix (entry->updated) <= g_date_time_to_unix (existing->updated)))
        {
          skipped++;
          continue;
        }

      if (!write_entry (self, entry, g_date_time_to_unix (entry->created),
                        g_date_time_to_unix (entry->updated), error))
        goto fail;

      if (existing != NULL)
        updated++;
      else
        added++;
    }

  if (!rapport_store_commit (self, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = added;
  if (n_updated != NULL)
    *n_updated = updated;
  if (n_skipped != NULL)
    *n_skipped = skipped;

  return TRUE;

fail:
  rapport_store_rollback (self);
  return FALSE;
}

/* Deleting an entry that is not there is not an error. */
gboolean
rapport_store_delete_journal_entry (RapportStore  *self,
                                    const char    *uuid,
                                    GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = rapport_store_prepare (self, "DELETE FROM journal_entry WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;

  rapport_store_bind_text (stmt, 1, uuid);

  return rapport_store_write_one (self, stmt, error);
}

/* Reading */

#define ENTRY_COLUMNS \
  "e.id, e.uuid, e.created_at, e.occurred_at, e.updated_at, e.title, e.situation," \
  " e.went_well, e.try_next"

static gboolean
add_rating (RapportStoreStmt  *stmt,
            gpointer           user_data,
            GError           **error)
{
  rapport_store_entry_set_rating (user_data, (const char *) sqlite3_column_text (stmt, 0),
                                  sqlite3_column_int (stmt, 1));

  return TRUE;
}

static gboolean
add_tag (RapportStoreStmt  *stmt,
         gpointer           user_data,
         GError           **error)
{
  g_autofree char *tag = rapport_store_column_dup_text (stmt, 0);

  g_strv_builder_add (user_data, tag);

  return TRUE;
}

static gboolean
load_details (RapportStore       *self,
              RapportStoreEntry  *entry,
              gint64              id,
              GError            **error)
{
  g_autoptr(RapportStoreStmt) ratings = NULL;
  g_autoptr(RapportStoreStmt) tags = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  ratings = rapport_store_prepare (self, RAPPORT_STORE_SQL_ENTRY_RATINGS, error);
  if (ratings == NULL)
    return FALSE;

  sqlite3_bind_int64 (ratings, 1, id);
  if (!rapport_store_foreach_row (self, ratings, add_rating, entry, error))
    return FALSE;

  tags = rapport_store_prepare (self, RAPPORT_STORE_SQL_ENTRY_TAGS, error);
  if (tags == NULL)
    return FALSE;

  sqlite3_bind_int64 (tags, 1, id);
  builder = g_strv_builder_new ();
  if (!rapport_store_foreach_row (self, tags, add_tag, builder, error))
    return FALSE;

  g_strfreev (entry->tags);
  entry->tags = g_strv_builder_end (builder);

  return TRUE;
}

/* Reads ENTRY_COLUMNS, then the snippet in column 9 if there is one. */
static RapportStoreEntry *
entry_from_row (RapportStoreStmt *stmt)
{
  RapportStoreEntry *entry = g_new0 (RapportStoreEntry, 1);

  entry->uuid = rapport_store_column_dup_text (stmt, 1);
  entry->created = rapport_store_column_time (stmt, 2);
  entry->occurred = rapport_store_column_time (stmt, 3);
  entry->updated = rapport_store_column_time (stmt, 4);
  entry->title = rapport_store_column_dup_text (stmt, 5);
  entry->situation = rapport_store_column_dup_text (stmt, 6);
  entry->went_well = rapport_store_column_dup_text (stmt, 7);
  entry->try_next = rapport_store_column_dup_text (stmt, 8);
  if (sqlite3_column_count (stmt) > 9)
    entry->snippet = rapport_store_column_dup_text (stmt, 9);
  entry->tags = g_new0 (char *, 1);
  entry->ratings = rapport_store_entry_ratings_new ();

  return entry;
}

/* Returns: the entry, or NULL with RAPPORT_STORE_ERROR_NOT_FOUND */
RapportStoreEntry *
rapport_store_get_journal_entry (RapportStore  *self,
                                 const char    *uuid,
                                 GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;
  g_autoptr(RapportStoreEntry) entry = NULL;
  gboolean has_row;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = rapport_store_prepare (self,
                                "SELECT " ENTRY_COLUMNS " FROM journal_entry AS e"
                                " WHERE e.uuid = ?1",
                                error);
  if (stmt == NULL)
    return NULL;

  rapport_store_bind_text (stmt, 1, uuid);
  if (!rapport_store_step_row (self, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                   _("This journal entry no longer exists. It may have been deleted."));
      return NULL;
    }

  entry = entry_from_row (stmt);
  id = sqlite3_column_int64 (stmt, 0);

  if (!load_details (self, entry, id, error))
    return NULL;

  return g_steal_pointer (&entry);
}

/* Words of a search that count.  Each one is a phrase the match must hold,
 * and FTS5's time grows faster than the number of phrases: a page of text
 * pasted into the search box (100 kB, 15,000 words) kept the app busy for
 * minutes.  Nobody looks for an entry by more words than this.
 */
#define MAX_SEARCH_WORDS 16

/* Turns what a user typed into an FTS5 query that cannot be a syntax error:
 * every word becomes a quoted string (inner quotes doubled), so operators,
 * parentheses, colons and stars are just text.  The words must all match;
 * the last one may be the start of a word, for search as you type.  Only
 * the first MAX_SEARCH_WORDS words are used.
 * Returns: the query, or NULL if @text has no word to search for
 */
char *
rapport_store_build_search_query (const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) query = NULL;
  guint n_words = 0;
  const char *p;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  query = g_string_new (NULL);
  p = valid;

  while (*p != '\0' && n_words < MAX_SEARCH_WORDS)
    {
      const char *start;
      gboolean has_word_char = FALSE;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          if (g_unichar_isalnum (g_utf8_get_char (p)))
            has_word_char = TRUE;
          p = g_utf8_next_char (p);
        }

      /* Punctuation alone would be an empty phrase. */
      if (!has_word_char)
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      n_words++;
      g_string_append_c (query, '"');
      for (const char *c = start; c < p; c++)
        {
          if (*c == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *c);
        }
      g_string_append_c (query, '"');
    }

  if (query->len == 0)
    return NULL;

  g_string_append_c (query, '*');

  return g_string_free (g_steal_pointer (&query), FALSE);
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

#define LIST_ENTRIES \
  "SELECT " ENTRY_COLUMNS " FROM journal_entry AS e" \
  " WHERE e.occurred_at >= ?3 AND e.occurred_at < ?4" \
  " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM journal_rating AS r" \
  "  WHERE r.entry_id = e.id AND r.skill_key = ?2))" \
  " AND (?10 IS NULL OR EXISTS (SELECT 1 FROM journal_tag AS t" \
  "  WHERE t.entry_id = e.id AND t.tag = ?10 COLLATE NOCASE))" \
  " ORDER BY e.occurred_at DESC, e.id DESC LIMIT ?5 OFFSET ?6"

typedef struct
{
  RapportStore *self;
  GPtrArray    *entries;
} EntryList;

static gboolean
add_entry (RapportStoreStmt  *stmt,
           gpointer           user_data,
           GError           **error)
{
  EntryList *list = user_data;
  RapportStoreEntry *entry = entry_from_row (stmt);

  g_ptr_array_add (list->entries, entry);

  return load_details (list->self, entry, sqlite3_column_int64 (stmt, 0), error);
}

/* Returns: (element-type RapportStoreEntry) one page of entries, newest
 * first, with their ratings and tags; search results carry a snippet.
 */
GPtrArray *
rapport_store_list_journal_entries (RapportStore                    *self,
                                    const RapportStoreJournalQuery  *query,
                                    GError                         **error)
{
  static const RapportStoreJournalQuery all = { 0 };
  g_autoptr(RapportStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *match = NULL;
  EntryList list;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (query == NULL)
    query = &all;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_store_entry_free);

  if (query->search != NULL)
    {
      match = rapport_store_build_search_query (query->search);

      /* Punctuation alone cannot match anything; blank means no search. */
      if (match == NULL && !is_blank (query->search))
        return g_steal_pointer (&entries);
    }

  stmt = rapport_store_prepare (self,
                                match != NULL ? RAPPORT_STORE_SQL_SEARCH_ENTRIES : LIST_ENTRIES,
                                error);
  if (stmt == NULL)
    return NULL;

  if (match != NULL)
    {
      rapport_store_bind_text (stmt, 1, match);
      rapport_store_bind_text (stmt, 7, or_empty (query->snippet_open));
      rapport_store_bind_text (stmt, 8, or_empty (query->snippet_close));
      rapport_store_bind_text (stmt, 9, query->snippet_ellipsis != NULL
                                        ? query->snippet_ellipsis : "…");
    }
  rapport_store_bind_text (stmt, 2, query->skill_key);
  sqlite3_bind_int64 (stmt, 3, query->from != NULL
                               ? g_date_time_to_unix (query->from) : G_MININT64);
  sqlite3_bind_int64 (stmt, 4, query->to != NULL
                               ? g_date_time_to_unix (query->to) : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 5, query->limit > 0 ? query->limit : DEFAULT_PAGE_SIZE);
  sqlite3_bind_int64 (stmt, 6, query->offset);
  rapport_store_bind_text (stmt, 10, query->tag);

  list.self = self;
  list.entries = entries;
  if (!rapport_store_foreach_row (self, stmt, add_entry, &list, error))
    return NULL;

  return g_steal_pointer (&entries);
}

static gboolean
add_tag_name (RapportStoreStmt  *stmt,
              gpointer           user_data,
              GError           **error)
{
  g_ptr_array_add (user_data, rapport_store_column_dup_text (stmt, 0));

  return TRUE;
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  const char *tag_a = *(const char * const *) a;
  const char *tag_b = *(const char * const *) b;
  int folded = g_ascii_strcasecmp (tag_a, tag_b);

  return folded != 0 ? folded : strcmp (tag_a, tag_b);
}

GStrv
rapport_store_list_journal_tags (RapportStore  *self,
                                 GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  const char *last = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Read along journal_tag_tag, each tag once; the journal list reads this
   * after every save, so it must not sort all the tags of years of entries.
   */
  stmt = rapport_store_prepare (self, "SELECT tag FROM journal_tag GROUP BY tag", error);
  if (stmt == NULL)
    return NULL;

  tags = g_ptr_array_new_with_free_func (g_free);
  if (!rapport_store_foreach_row (self, stmt, add_tag_name, tags, error))
    return NULL;

  /* "Refund" and "refund" are one tag to the filter: it shows the first. */
  g_ptr_array_sort (tags, compare_tags);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < tags->len; i++)
    {
      const char *tag = tags->pdata[i];

      if (last == NULL || g_ascii_strcasecmp (last, tag) != 0)
        g_strv_builder_add (builder, tag);
      last = tag;
    }

  return g_strv_builder_end (builder);
}

/* Draft */

gboolean
rapport_store_save_draft (RapportStore  *self,
                          const char    *json,
                          GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = rapport_store_prepare (self,
                                "INSERT INTO draft (id, content, updated_at) VALUES (1, ?1, ?2)"
                                " ON CONFLICT (id) DO UPDATE SET content = excluded.content,"
                                " updated_at = excluded.updated_at",
                                error);
  if (stmt == NULL)
    return FALSE;

  rapport_store_bind_text (stmt, 1, json);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);

  return rapport_store_write_one (self, stmt, error);
}

/* Returns: the draft's JSON, or NULL without an error when there is none */
char *
rapport_store_load_draft (RapportStore  *self,
                          GDateTime    **updated,
                          GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (updated != NULL)
    *updated = NULL;

  stmt = rapport_store_prepare (self, "SELECT content, updated_at FROM draft WHERE id = 1",
                                error);
  if (stmt == NULL)
    return NULL;

  if (!rapport_store_step_row (self, stmt, &has_row, error) || !has_row)
    return NULL;

  if (updated != NULL)
    *updated = rapport_store_column_time (stmt, 1);

  return rapport_store_column_dup_text (stmt, 0);
}

gboolean
rapport_store_clear_draft (RapportStore  *self,
                           GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = rapport_store_prepare (self, "DELETE FROM draft", error);
  if (stmt == NULL)
    return FALSE;

  return rapport_store_write_one (self, stmt, error);
}

/* Times */

static gboolean
add_time (RapportStoreStmt  *stmt,
          gpointer           user_data,
          GError           **error)
{
  GArray *times = user_data;
  gint64 time = sqlite3_column_int64 (stmt, 0);

  g_array_append_val (times, time);

  return TRUE;
}

GArray *
rapport_store_list_journal_times (RapportStore  *self,
                                  GDateTime     *from,
                                  GDateTime     *to,
                                  GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;
  g_autoptr(GArray) times = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Covered by journal_entry_occurred. */
  stmt = rapport_store_prepare (self,
                                "SELECT occurred_at FROM journal_entry"
                                " WHERE occurred_at >= ?1 AND occurred_at < ?2"
                                " ORDER BY occurred_at DESC",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from != NULL ? g_date_time_to_unix (from) : G_MININT64);
  sqlite3_bind_int64 (stmt, 2, to != NULL ? g_date_time_to_unix (to) : G_MAXINT64);

  times = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!rapport_store_foreach_row (self, stmt, add_time, times, error))
    return NULL;

  return g_steal_pointer (&times);
}
