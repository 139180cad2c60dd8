/* rapport-store-entry.c: a journal entry in memory: making, copying and freeing one, its
 * ratings and its tags
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-store-private.h"

static void
rating_clear (gpointer data)
{
  RapportStoreRating *rating = data;

  g_clear_pointer (&rating->skill_key, g_free);
}

GArray *
rapport_store_entry_ratings_new (void)
{
  GArray *ratings = g_array_new (FALSE, TRUE, sizeof (RapportStoreRating));

  g_array_set_clear_func (ratings, rating_clear);

  return ratings;
}

RapportStoreEntry *
rapport_store_entry_new (void)
{
  RapportStoreEntry *entry = g_new0 (RapportStoreEntry, 1);

  entry->uuid = g_uuid_string_random ();
  entry->occurred = g_date_time_new_now_utc ();
  entry->title = g_strdup ("");
  entry->situation = g_strdup ("");
  entry->went_well = g_strdup ("");
  entry->try_next = g_strdup ("");
  entry->tags = g_new0 (char *, 1);
  entry->ratings = rapport_store_entry_ratings_new ();

  return entry;
}

static GDateTime *
ref_or_null (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

RapportStoreEntry *
rapport_store_entry_copy (const RapportStoreEntry *entry)
{
  RapportStoreEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_new0 (RapportStoreEntry, 1);
  copy->uuid = g_strdup (entry->uuid);
  copy->created = ref_or_null (entry->created);
  copy->occurred = ref_or_null (entry->occurred);
  copy->updated = ref_or_null (entry->updated);
  copy->title = g_strdup (entry->title);
  copy->situation = g_strdup (entry->situation);
  copy->went_well = g_strdup (entry->went_well);
  copy->try_next = g_strdup (entry->try_next);
  copy->tags = entry->tags != NULL ? g_strdupv (entry->tags) : g_new0 (char *, 1);
  copy->snippet = g_strdup (entry->snippet);
  copy->ratings = rapport_store_entry_ratings_new ();
  for (guint i = 0; entry->ratings != NULL && i < entry->ratings->len; i++)
    {
      const RapportStoreRating *rating = &g_array_index (entry->ratings, RapportStoreRating, i);

      rapport_store_entry_set_rating (copy, rating->skill_key, rating->rating);
    }

  return copy;
}

void
rapport_store_entry_free (RapportStoreEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->uuid);
  g_clear_pointer (&entry->created, g_date_time_unref);
  g_clear_pointer (&entry->occurred, g_date_time_unref);
  g_clear_pointer (&entry->updated, g_date_time_unref);
  g_free (entry->title);
  g_free (entry->situation);
  g_free (entry->went_well);
  g_free (entry->try_next);
  g_strfreev (entry->tags);
  g_clear_pointer (&entry->ratings, g_array_unref);
  g_free (entry->snippet);
  g_free (entry);
}

/* @rating 1..5 sets the skill's rating, 0 removes it. */
void
rapport_store_entry_set_rating (RapportStoreEntry *entry,
                                const char        *skill_key,
                                int                rating)
{
  RapportStoreRating item;

  g_return_if_fail (entry != NULL);
  g_return_if_fail (skill_key != NULL && *skill_key != '\0');
  g_return_if_fail (rating >= 0 && rating <= 5);

  for (guint i = 0; i < entry->ratings->len; i++)
    {
      RapportStoreRating *existing = &g_array_index (entry->ratings, RapportStoreRating, i);

      if (g_str_equal (existing->skill_key, skill_key))
        {
          if (rating == 0)
            g_array_remove_index (entry->ratings, i);
          else
            existing->rating = rating;
          return;
        }
    }

  if (rating == 0)
    return;

  item.skill_key = g_strdup (skill_key);
  item.rating = rating;
  g_array_append_val (entry->ratings, item);
}

/* Returns: the rating 1..5, or 0 if the entry does not rate the skill */
int
rapport_store_entry_get_rating (const RapportStoreEntry *entry,
                                const char              *skill_key)
{
  g_return_val_if_fail (entry != NULL, 0);
  g_return_val_if_fail (skill_key != NULL, 0);

  for (guint i = 0; i < entry->ratings->len; i++)
    {
      const RapportStoreRating *rating = &g_array_index (entry->ratings, RapportStoreRating, i);

      if (g_str_equal (rating->skill_key, skill_key))
        return rating->rating;
    }

  return 0;
}

void
rapport_store_entry_set_tags (RapportStoreEntry  *entry,
                              const char * const *tags)
{
  g_return_if_fail (entry != NULL);

  g_strfreev (entry->tags);
  entry->tags = tags != NULL ? g_strdupv ((char **) tags) : g_new0 (char *, 1);
}
