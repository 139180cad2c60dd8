/* rapport-store-schema.c: the versions of the progress database
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-store-private.h"

/* Each step turns version N-1 into version N.  A released step is never
 * edited: a change is a new step, and tests/fixtures/store gets a dump of the
 * last version it replaces.  Times are unix seconds, UTC.
 */
static const char * const migrations[] = {
  /* 1: progress, quizzes and the journal */
  "CREATE TABLE pack ("
  "  id TEXT PRIMARY KEY NOT NULL CHECK (length (id) > 0),"
  "  version TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  installed_at INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE lesson_progress ("
  "  pack_id TEXT NOT NULL,"
  "  topic_key TEXT NOT NULL,"
  "  lesson_key TEXT NOT NULL,"
  "  opened_at INTEGER NOT NULL,"
  "  position REAL NOT NULL DEFAULT 0 CHECK (position >= 0 AND position <= 1),"
  "  completed_at INTEGER,"
  "  PRIMARY KEY (pack_id, topic_key, lesson_key)"
  ") WITHOUT ROWID;"
  "CREATE TABLE quiz_attempt ("
  "  id INTEGER PRIMARY KEY,"
  "  pack_id TEXT NOT NULL,"
  "  topic_key TEXT NOT NULL,"
  "  skill_key TEXT NOT NULL,"
  "  started_at INTEGER NOT NULL,"
  "  finished_at INTEGER NOT NULL,"
  "  state TEXT NOT NULL CHECK (state IN ('finished', 'abandoned')),"
  "  score REAL NOT NULL CHECK (score >= 0 AND score <= 100),"
  "  passed INTEGER NOT NULL CHECK (passed IN (0, 1))"
  ");"
  "CREATE INDEX quiz_attempt_topic ON quiz_attempt (pack_id, topic_key, finished_at);"
  "CREATE TABLE quiz_answer ("
  "  attempt_id INTEGER NOT NULL REFERENCES quiz_attempt (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  question_key TEXT NOT NULL,"
  "  answer TEXT NOT NULL,"
  "  points REAL NOT NULL CHECK (points >= 0),"
  "  points_possible REAL NOT NULL CHECK (points_possible >= points),"
  "  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),"
  "  PRIMARY KEY (attempt_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE journal_entry ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  created_at INTEGER NOT NULL,"
  "  occurred_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  situation TEXT NOT NULL DEFAULT '',"
  "  went_well TEXT NOT NULL DEFAULT '',"
  "  try_next TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX journal_entry_occurred ON journal_entry (occurred_at);"
  "CREATE TABLE journal_rating ("
  "  entry_id INTEGER NOT NULL REFERENCES journal_entry (id) ON DELETE CASCADE,"
  "  skill_key TEXT NOT NULL,"
  "  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),"
  "  PRIMARY KEY (entry_id, skill_key)"
  ") WITHOUT ROWID;",

  /* 2: journal tags, full-text search, the journal draft */
  "CREATE TABLE journal_tag ("
  "  entry_id INTEGER NOT NULL REFERENCES journal_entry (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  tag TEXT NOT NULL,"
  "  PRIMARY KEY (entry_id, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX journal_tag_tag ON journal_tag (tag);"
  "CREATE VIRTUAL TABLE journal_fts USING fts5 ("
  "  title, situation, went_well, try_next,"
  "  content = 'journal_entry', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER journal_entry_fts_insert AFTER INSERT ON journal_entry BEGIN"
  "  INSERT INTO journal_fts (rowid, title, situation, went_well, try_next)"
  "  VALUES (new.id, new.title, new.situation, new.went_well, new.try_next);"
  "END;"
  "CREATE TRIGGER journal_entry_fts_delete AFTER DELETE ON journal_entry BEGIN"
  "  INSERT INTO journal_fts (journal_fts, rowid, title, situation, went_well, try_next)"
  "  VALUES ('delete', old.id, old.title, old.situation, old.went_well, old.try_next);"
  "END;"
  "CREATE TRIGGER journal_entry_fts_update"
  "  AFTER UPDATE OF title, situation, went_well, try_next ON journal_entry BEGIN"
  "  INSERT INTO journal_fts (journal_fts, rowid, title, situation, went_well, try_next)"
  "  VALUES ('delete', old.id, old.title, old.situation, old.went_well, old.try_next);"
  "  INSERT INTO journal_fts (rowid, title, situation, went_well, try_next)"
  "  VALUES (new.id, new.title, new.situation, new.went_well, new.try_next);"
  "END;"
  "INSERT INTO journal_fts (journal_fts) VALUES ('rebuild');"
  "CREATE TABLE draft ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  content TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");",

  /* 3: review queue; the chart reads ratings by skill and time from one index */
  "CREATE TABLE review_item ("
  "  pack_id TEXT NOT NULL,"
  "  topic_key TEXT NOT NULL,"
  "  question_key TEXT NOT NULL,"
  "  box INTEGER NOT NULL CHECK (box >= 1),"
  "  due_at INTEGER NOT NULL,"
  "  PRIMARY KEY (pack_id, topic_key, question_key)"
  ") WITHOUT ROWID;"
  "CREATE INDEX review_item_due ON review_item (due_at);"
  "ALTER TABLE journal_rating ADD COLUMN occurred_at INTEGER NOT NULL DEFAULT 0;"
  "UPDATE journal_rating SET occurred_at ="
  "  (SELECT occurred_at FROM journal_entry WHERE id = journal_rating.entry_id);"
  "CREATE INDEX journal_rating_skill ON journal_rating (skill_key, occurred_at, rating);"
  "CREATE TRIGGER journal_entry_rating_time AFTER UPDATE OF occurred_at ON journal_entry BEGIN"
  "  UPDATE journal_rating SET occurred_at = new.occurred_at WHERE entry_id = new.id;"
  "END;"
  "CREATE INDEX quiz_attempt_skill ON quiz_attempt (skill_key, state, finished_at, score);",

  /* 4: the entries' tags in the full-text index, so that a search finds
   * them.  journal_tag stays the record of an entry's tags; journal_entry.tags
   * is the same list as one text (NULL for none), which FTS5 reads as a
   * column of its content table like the others.
   */
  "ALTER TABLE journal_entry ADD COLUMN tags TEXT;"
  "UPDATE journal_entry SET tags ="
  "  (SELECT group_concat (tag, ', ') FROM journal_tag AS t WHERE t.entry_id = journal_entry.id);"
  "DROP TRIGGER journal_entry_fts_insert;"
  "DROP TRIGGER journal_entry_fts_delete;"
  "DROP TRIGGER journal_entry_fts_update;"
  "DROP TABLE journal_fts;"
  "CREATE VIRTUAL TABLE journal_fts USING fts5 ("
  "  title, situation, went_well, try_next, tags,"
  "  content = 'journal_entry', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER journal_entry_fts_insert AFTER INSERT ON journal_entry BEGIN"
  "  INSERT INTO journal_fts (rowid, title, situation, went_well, try_next, tags)"
  "  VALUES (new.id, new.title, new.situation, new.went_well, new.try_next, new.tags);"
  "END;"
  "CREATE TRIGGER journal_entry_fts_delete AFTER DELETE ON journal_entry BEGIN"
  "  INSERT INTO journal_fts (journal_fts, rowid, title, situation, went_well, try_next, tags)"
  "  VALUES ('delete', old.id, old.title, old.situation, old.went_well, old.try_next, old.tags);"
  "END;"
  "CREATE TRIGGER journal_entry_fts_update"
  "  AFTER UPDATE OF title, situation, went_well, try_next, tags ON journal_entry BEGIN"
  "  INSERT INTO journal_fts (journal_fts, rowid, title, situation, went_well, try_next, tags)"
  "  VALUES ('delete', old.id, old.title, old.situation, old.went_well, old.try_next, old.tags);"
  "  INSERT INTO journal_fts (rowid, title, situation, went_well, try_next, tags)"
  "  VALUES (new.id, new.title, new.situation, new.went_well, new.try_next, new.tags);"
  "END;"
  "INSERT INTO journal_fts (journal_fts) VALUES ('rebuild');",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RAPPORT_STORE_SCHEMA_VERSION);

gboolean
rapport_store_schema_migrate (sqlite3  *db,
                              int       from,
                              int       target,
                              GError  **error)
{
  g_autofree char *stamp = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (from >= 0 && from <= target, FALSE);
  g_return_val_if_fail (target <= RAPPORT_STORE_SCHEMA_VERSION, FALSE);

  for (int version = from + 1; version <= target; version++)
    {
      rc = sqlite3_exec (db, migrations[version - 1], NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          rapport_store_set_db_error (db, NULL, rc, error);
          g_prefix_error (error, _("Could not update your progress file to version %d: "),
                          version);
          return FALSE;
        }
    }

  /* Neither pragma takes a bound value; both numbers are ours. */
  stamp = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                           RAPPORT_STORE_APPLICATION_ID, target);
  rc = sqlite3_exec (db, stamp, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      rapport_store_set_db_error (db, NULL, rc, error);
      return FALSE;
    }

  return TRUE;
}
