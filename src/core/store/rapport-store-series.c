/* rapport-store-series.c: what the progress views read: a topic's summary, a skill's points
 * and aggregates, the chart's bulk read and the activity counts
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "rapport-store-private.h"

#define TIME_MIN G_MININT64
#define TIME_MAX G_MAXINT64

/* Views */

void
rapport_store_topic_summary_free (RapportStoreTopicSummary *summary)
{
  if (summary == NULL)
    return;

  g_clear_pointer (&summary->last_attempt, g_date_time_unref);
  g_clear_pointer (&summary->latest_rating_time, g_date_time_unref);
  g_free (summary);
}

/* Runs @sql with ?1 @pack_id and ?2 @topic_key up to its first row. */
static RapportStoreStmt *
step_topic_query (RapportStore  *self,
                  const char    *sql,
                  const char    *pack_id,
                  const char    *topic_key,
                  gboolean      *has_row,
                  GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = rapport_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;

  rapport_store_bind_text (stmt, 1, pack_id);
  rapport_store_bind_text (stmt, 2, topic_key);
  if (!rapport_store_step_row (self, stmt, has_row, error))
    return NULL;

  return g_steal_pointer (&stmt);
}

/* What a topic's card shows: lessons done of @n_lessons, best and last quiz
 * score, and the latest self-rating of @skill_key (may be NULL).
 */
RapportStoreTopicSummary *
rapport_store_get_topic_summary (RapportStore  *self,
                                 const char    *pack_id,
                                 const char    *topic_key,
                                 const char    *skill_key,
                                 guint          n_lessons,
                                 GError       **error)
{
  g_autoptr(RapportStoreTopicSummary) summary = NULL;
  gboolean has_row;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (pack_id != NULL && topic_key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  summary = g_new0 (RapportStoreTopicSummary, 1);
  summary->lessons_total = n_lessons;
  summary->best_score = -1;
  summary->last_score = -1;

  {
    g_autoptr(RapportStoreStmt) stmt = NULL;

    stmt = step_topic_query (self,
                             "SELECT count(*) FROM lesson_progress"
                             " WHERE pack_id = ?1 AND topic_key = ?2"
                             " AND completed_at IS NOT NULL",
                             pack_id, topic_key, &has_row, error);
    if (stmt == NULL)
      return NULL;

    /* Lessons removed from a newer pack version may still be recorded. */
    summary->lessons_completed = MIN ((guint) sqlite3_column_int (stmt, 0), n_lessons);
  }

  {
    g_autoptr(RapportStoreStmt) stmt = NULL;

    stmt = step_topic_query (self,
                             "SELECT count(*), max(score) FROM quiz_attempt"
                             " WHERE pack_id = ?1 AND topic_key = ?2"
                             " AND state = 'finished'",
                             pack_id, topic_key, &has_row, error);
    if (stmt == NULL)
      return NULL;

    summary->n_attempts = sqlite3_column_int (stmt, 0);
    if (summary->n_attempts > 0)
      summary->best_score = sqlite3_column_double (stmt, 1);
  }

  if (summary->n_attempts > 0)
    {
      g_autoptr(RapportStoreStmt) stmt = NULL;

      stmt = step_topic_query (self,
                               "SELECT score, passed, finished_at FROM quiz_attempt"
                               " WHERE pack_id = ?1 AND topic_key = ?2"
                               " AND state = 'finished'"
                               " ORDER BY finished_at DESC, id DESC LIMIT 1",
                               pack_id, topic_key, &has_row, error);
      if (stmt == NULL)
        return NULL;

      if (has_row)
        {
          summary->last_score = sqlite3_column_double (stmt, 0);
          summary->last_passed = sqlite3_column_int (stmt, 1) != 0;
          summary->last_attempt = rapport_store_column_time (stmt, 2);
        }
    }

  if (skill_key != NULL)
    {
      g_autoptr(RapportStoreStmt) stmt = NULL;

      stmt = rapport_store_prepare (self,
                                    "SELECT rating, occurred_at FROM journal_rating"
                                    " WHERE skill_key = ?1"
                                    " ORDER BY occurred_at DESC, entry_id DESC LIMIT 1",
                                    error);
      if (stmt == NULL)
        return NULL;

      rapport_store_bind_text (stmt, 1, skill_key);
      if (!rapport_store_step_row (self, stmt, &has_row, error))
        return NULL;

      if (has_row)
        {
          summary->latest_rating = sqlite3_column_int (stmt, 0);
          summary->latest_rating_time = rapport_store_column_time (stmt, 1);
        }
    }

  return g_steal_pointer (&summary);
}

void
rapport_store_point_free (RapportStorePoint *point)
{
  if (point == NULL)
    return;

  g_clear_pointer (&point->time, g_date_time_unref);
  g_free (point->entry_uuid);
  g_free (point);
}

void
rapport_store_aggregate_free (RapportStoreAggregate *aggregate)
{
  if (aggregate == NULL)
    return;

  g_clear_pointer (&aggregate->start, g_date_time_unref);
  g_free (aggregate);
}

/* ?1 skill, ?2 from, ?3 to (unix seconds, half-open): how every query of
 * a skill's points and aggregates begins.
 */
static void
bind_skill_range (RapportStoreStmt *stmt,
                  const char       *skill_key,
                  gint64            from,
                  gint64            to)
{
  rapport_store_bind_text (stmt, 1, skill_key);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
}

typedef struct
{
  GPtrArray *points;
  gboolean   ratings;
} PointList;

static gboolean
add_point (RapportStoreStmt  *stmt,
           gpointer           user_data,
           GError           **error)
{
  PointList *list = user_data;
  RapportStorePoint *point = g_new0 (RapportStorePoint, 1);

  point->time = rapport_store_column_time (stmt, 0);
  point->value = sqlite3_column_double (stmt, 1);
  if (list->ratings)
    point->entry_uuid = rapport_store_column_dup_text (stmt, 2);
  else
    point->attempt_id = sqlite3_column_int64 (stmt, 2);
  g_ptr_array_add (list->points, point);

  return TRUE;
}

/* Returns: (element-type RapportStorePoint) every self-rating of the skill
 * (with the entry's uuid) or every finished quiz score of a topic training
 * it (with the attempt id), oldest first, with time in [@from, @to).
 */
GPtrArray *
rapport_store_get_skill_points (RapportStore        *self,
                                const char          *skill_key,
                                RapportStoreSeries   series,
                                GDateTime           *from,
                                GDateTime           *to,
                                GError             **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) points = NULL;
  gboolean ratings = series == RAPPORT_STORE_SERIES_SELF_RATING;
  PointList list;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (skill_key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (ratings)
    stmt = rapport_store_prepare (self,
                                  "SELECT r.occurred_at, r.rating, e.uuid FROM journal_rating AS r"
                                  " JOIN journal_entry AS e ON e.id = r.entry_id"
                                  " WHERE r.skill_key = ?1 AND r.occurred_at >= ?2"
                                  " AND r.occurred_at < ?3"
                                  " ORDER BY r.occurred_at, r.entry_id",
                                  error);
  else
    stmt = rapport_store_prepare (self,
                                  "SELECT finished_at, score, id FROM quiz_attempt"
                                  " WHERE skill_key = ?1 AND state = 'finished'"
                                  " AND finished_at >= ?2 AND finished_at < ?3"
                                  " ORDER BY finished_at, id",
                                  error);
  if (stmt == NULL)
    return NULL;

  bind_skill_range (stmt, skill_key, rapport_store_unix_or (from, TIME_MIN),
                    rapport_store_unix_or (to, TIME_MAX));

  points = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_store_point_free);
  list.points = points;
  list.ratings = ratings;
  if (!rapport_store_foreach_row (self, stmt, add_point, &list, error))
    return NULL;

  return g_steal_pointer (&points);
}

#define QUIZ_AGGREGATES(bucket_expr) \
  "SELECT " bucket_expr " AS bucket, avg (score), min (score), max (score), count (*)" \
  " FROM quiz_attempt WHERE skill_key = ?1 AND state = 'finished'" \
  " AND finished_at >= ?2 AND finished_at < ?3" \
  " GROUP BY bucket ORDER BY bucket"

/* Indexed by series, then bucket. */
static const char * const aggregate_sql[2][3] = {
  {
    RAPPORT_STORE_SQL_RATING_AGGREGATES (RAPPORT_STORE_SQL_BUCKET_DAY ("occurred_at")),
    RAPPORT_STORE_SQL_RATING_AGGREGATES (RAPPORT_STORE_SQL_BUCKET_WEEK ("occurred_at")),
    RAPPORT_STORE_SQL_RATING_AGGREGATES (RAPPORT_STORE_SQL_BUCKET_MONTH ("occurred_at")),
  },
  {
    QUIZ_AGGREGATES (RAPPORT_STORE_SQL_BUCKET_DAY ("finished_at")),
    QUIZ_AGGREGATES (RAPPORT_STORE_SQL_BUCKET_WEEK ("finished_at")),
    QUIZ_AGGREGATES (RAPPORT_STORE_SQL_BUCKET_MONTH ("finished_at")),
  },
};

typedef struct
{
  GPtrArray *aggregates;
  GTimeZone *tz;
} AggregateList;

static gboolean
add_aggregate (RapportStoreStmt  *stmt,
               gpointer           user_data,
               GError           **error)
{
  AggregateList *list = user_data;
  const char *day = (const char *) sqlite3_column_text (stmt, 0);
  RapportStoreAggregate *aggregate;
  int y, m, d;

  if (day == NULL || sscanf (day, "%d-%d-%d", &y, &m, &d) != 3)
    return TRUE;

  aggregate = g_new0 (RapportStoreAggregate, 1);
  aggregate->start = g_date_time_new (list->tz, y, m, d, 0, 0, 0);
  aggregate->avg = sqlite3_column_double (stmt, 1);
  aggregate->min = sqlite3_column_double (stmt, 2);
  aggregate->max = sqlite3_column_double (stmt, 3);
  aggregate->count = sqlite3_column_int (stmt, 4);
  g_ptr_array_add (list->aggregates, aggregate);

  return TRUE;
}

/* Returns: (element-type RapportStoreAggregate) one item per day, week or
 * month that has values, oldest first.  Buckets follow @tz (NULL: UTC) with
 * its offset at the end of the range, so a daylight-saving change moves a
 * boundary by an hour for part of the year.
 */
GPtrArray *
rapport_store_get_skill_aggregates (RapportStore        *self,
                                    const char          *skill_key,
                                    RapportStoreSeries   series,
                                    RapportStoreBucket   bucket,
                                    GDateTime           *from,
                                    GDateTime           *to,
                                    GTimeZone           *tz,
                                    GError             **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) aggregates = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  gint64 end = rapport_store_unix_or (to, rapport_store_unix_or_now (NULL));
  AggregateList list;
  int offset;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (skill_key != NULL, NULL);
  g_return_val_if_fail (series <= RAPPORT_STORE_SERIES_QUIZ_SCORE, NULL);
  g_return_val_if_fail (bucket <= RAPPORT_STORE_BUCKET_MONTH, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (tz == NULL)
    tz = utc = g_time_zone_new_utc ();

  offset = g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL,
                                                                  end));

  stmt = rapport_store_prepare (self, aggregate_sql[series][bucket], error);
  if (stmt == NULL)
    return NULL;

  bind_skill_range (stmt, skill_key, rapport_store_unix_or (from, TIME_MIN),
                    rapport_store_unix_or (to, TIME_MAX));
  sqlite3_bind_int (stmt, 4, offset);

  aggregates = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_store_aggregate_free);
  list.aggregates = aggregates;
  list.tz = tz;
  if (!rapport_store_foreach_row (self, stmt, add_aggregate, &list, error))
    return NULL;

  return g_steal_pointer (&aggregates);
}

/* The chart's bulk read */

typedef struct
{
  gint64      occurred;
  gint64      id;
  const char *uuid;              /* in the caller's string chunk */
} EntryKey;

/* One pass through the points of each skill in turn. */
typedef struct
{
  RapportStore           *self;
  GArray                 *entries;      /* EntryKey: the ratings' entries */
  GStringChunk           *strings;
  guint                   skill;        /* index in the caller's skill keys */
  guint                   cursor;       /* in entries */
  RapportStorePointFunc   func;
  gpointer                user_data;
} PointWalk;

static gboolean
add_entry_key (RapportStoreStmt  *stmt,
               gpointer           user_data,
               GError           **error)
{
  PointWalk *walk = user_data;
  EntryKey key;

  key.occurred = sqlite3_column_int64 (stmt, 0);
  key.id = sqlite3_column_int64 (stmt, 1);
  key.uuid = g_string_chunk_insert (walk->strings, (const char *) sqlite3_column_text (stmt, 2));
  g_array_append_val (walk->entries, key);

  return TRUE;
}

/* The entries in [@from, @to) in (occurred_at, id) order: the order in which
 * each skill's ratings come out of journal_rating_skill, so one cursor per
 * skill finds each rating's entry without a lookup per row (a join costs
 * three times the scan on ten years of ratings).
 */
static gboolean
load_entry_keys (RapportStore  *self,
                 gint64         from,
                 gint64         to,
                 PointWalk     *walk,
                 GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;

  stmt = rapport_store_prepare (self,
                                "SELECT occurred_at, id, uuid FROM journal_entry"
                                " WHERE occurred_at >= ?1 AND occurred_at < ?2"
                                " ORDER BY occurred_at, id",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);

  return rapport_store_foreach_row (self, stmt, add_entry_key, walk, error);
}

/* Only for a rating whose time disagrees with its entry's, which the
 * journal_entry_rating_time trigger should make impossible.
 */
static const char *
lookup_entry_uuid (RapportStore  *self,
                   gint64         entry_id,
                   GStringChunk  *strings,
                   GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = NULL;
  gboolean has_row;

  stmt = rapport_store_prepare (self, "SELECT uuid FROM journal_entry WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, entry_id);
  if (!rapport_store_step_row (self, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CORRUPT,
                   _("A self-rating in your progress file belongs to no journal entry."));
      return NULL;
    }

  return g_string_chunk_insert (strings, (const char *) sqlite3_column_text (stmt, 0));
}

static gboolean
visit_rating (RapportStoreStmt  *stmt,
              gpointer           user_data,
              GError           **error)
{
  PointWalk *walk = user_data;
  GArray *entries = walk->entries;
  const EntryKey *keys = (const EntryKey *) (gpointer) entries->data;
  guint cursor = walk->cursor;
  gint64 time = sqlite3_column_int64 (stmt, 0);
  const char *uuid = NULL;

  while (cursor < entries->len && keys[cursor].occurred < time)
    cursor++;

  if (cursor < entries->len && keys[cursor].occurred == time
      && (cursor + 1 == entries->len || keys[cursor + 1].occurred != time))
    {
      uuid = keys[cursor].uuid;
    }
  else
    {
      /* Entries at the same second are rare: look through them. */
      gint64 entry_id = sqlite3_column_int64 (stmt, 2);

      for (guint i = cursor; i < entries->len && keys[i].occurred == time; i++)
        {
          if (keys[i].id == entry_id)
            {
              uuid = keys[i].uuid;
              break;
            }
        }

      if (uuid == NULL)
        uuid = lookup_entry_uuid (walk->self, entry_id, walk->strings, error);
      if (uuid == NULL)
        return FALSE;
    }

  walk->cursor = cursor;
  walk->func (walk->skill, time, sqlite3_column_double (stmt, 1), uuid, 0, walk->user_data);

  return TRUE;
}

static gboolean
visit_score (RapportStoreStmt  *stmt,
             gpointer           user_data,
             GError           **error)
{
  PointWalk *walk = user_data;

  walk->func (walk->skill, sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1),
              NULL, sqlite3_column_int64 (stmt, 2), walk->user_data);

  return TRUE;
}

/* Runs @sql (?1 skill, ?2 from, ?3 to) for each skill in turn. */
static gboolean
walk_skills (RapportStore         *self,
             const char           *sql,
             const char * const   *skill_keys,
             gint64                from,
             gint64                to,
             RapportStoreRowFunc   visit,
             PointWalk            *walk,
             GError              **error)
{
  for (guint s = 0; skill_keys[s] != NULL; s++)
    {
      g_autoptr(RapportStoreStmt) stmt = rapport_store_prepare (self, sql, error);

      if (stmt == NULL)
        return FALSE;

      bind_skill_range (stmt, skill_keys[s], from, to);

      walk->skill = s;
      walk->cursor = 0;
      if (!rapport_store_foreach_row (self, stmt, visit, walk, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
foreach_rating (RapportStore           *self,
                const char * const     *skill_keys,
                gint64                  from,
                gint64                  to,
                GStringChunk           *strings,
                RapportStorePointFunc   func,
                gpointer                user_data,
                GError                **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (EntryKey));
  PointWalk walk = { self, entries, strings, 0, 0, func, user_data };

  if (!load_entry_keys (self, from, to, &walk, error))
    return FALSE;

  /* Covered by journal_rating_skill (skill_key, occurred_at, rating, entry_id). */
  return walk_skills (self,
                      "SELECT occurred_at, rating, entry_id FROM journal_rating"
                      " WHERE skill_key = ?1 AND occurred_at >= ?2"
                      " AND occurred_at < ?3 ORDER BY occurred_at",
                      skill_keys, from, to, visit_rating, &walk, error);
}

static gboolean
foreach_score (RapportStore           *self,
               const char * const     *skill_keys,
               gint64                  from,
               gint64                  to,
               RapportStorePointFunc   func,
               gpointer                user_data,
               GError                **error)
{
  PointWalk walk = { self, NULL, NULL, 0, 0, func, user_data };

  /* Covered by quiz_attempt_skill (skill_key, state, finished_at, score, id). */
  return walk_skills (self,
                      "SELECT finished_at, score, id FROM quiz_attempt"
                      " WHERE skill_key = ?1 AND state = 'finished'"
                      " AND finished_at >= ?2 AND finished_at < ?3"
                      " ORDER BY finished_at",
                      skill_keys, from, to, visit_score, &walk, error);
}

gboolean
rapport_store_foreach_skill_point (RapportStore           *self,
                                   const char * const     *skill_keys,
                                   RapportStoreSeries      series,
                                   GDateTime              *from,
                                   GDateTime              *to,
                                   GStringChunk           *strings,
                                   RapportStorePointFunc   func,
                                   gpointer                user_data,
                                   GError                **error)
{
  gint64 start;
  gint64 end;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (skill_keys != NULL, FALSE);
  g_return_val_if_fail (series <= RAPPORT_STORE_SERIES_QUIZ_SCORE, FALSE);
  g_return_val_if_fail (strings != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  start = rapport_store_unix_or (from, TIME_MIN);
  end = rapport_store_unix_or (to, TIME_MAX);

  if (series == RAPPORT_STORE_SERIES_SELF_RATING)
    return foreach_rating (self, skill_keys, start, end, strings, func, user_data, error);

  return foreach_score (self, skill_keys, start, end, func, user_data, error);
}

static gboolean
count_one (RapportStore  *self,
           const char    *sql,
           gint64         from,
           gint64         to,
           guint         *count,
           GError       **error)
{
  g_autoptr(RapportStoreStmt) stmt = rapport_store_prepare (self, sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  if (!rapport_store_step_row (self, stmt, &has_row, error))
    return FALSE;

  *count = has_row ? (guint) sqlite3_column_int64 (stmt, 0) : 0;

  return TRUE;
}

gboolean
rapport_store_count_activity (RapportStore  *self,
                              GDateTime     *from,
                              GDateTime     *to,
                              guint         *lessons_completed,
                              guint         *quizzes_passed,
                              GError       **error)
{
  gint64 start = rapport_store_unix_or (from, TIME_MIN);
  gint64 end = rapport_store_unix_or (to, TIME_MAX);
  guint lessons = 0;
  guint quizzes = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!count_one (self,
                  "SELECT count(*) FROM lesson_progress"
                  " WHERE completed_at >= ?1 AND completed_at < ?2",
                  start, end, &lessons, error))
    return FALSE;

  /* Passing the same quiz again is practice, not another quiz passed. */
  if (!count_one (self,
                  "SELECT count(*) FROM (SELECT DISTINCT pack_id, topic_key FROM quiz_attempt"
                  " WHERE state = 'finished' AND passed = 1"
                  " AND finished_at >= ?1 AND finished_at < ?2)",
                  start, end, &quizzes, error))
    return FALSE;

  if (lessons_completed != NULL)
    *lessons_completed = lessons;
  if (quizzes_passed != NULL)
    *quizzes_passed = quizzes;

  return TRUE;
}
