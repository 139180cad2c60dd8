/* rapport-store-private.h: shared by the store's own files, its tests and the benchmark
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* "Rapp", in the file header, so a restore can tell a Rapport file from any
 * other SQLite database.
 */
#define RAPPORT_STORE_APPLICATION_ID 0x52617070

/* How long a connection waits for another one's lock before it gives up. */
#define RAPPORT_STORE_BUSY_TIMEOUT_MS 5000

/* Statements that the benchmark also runs through the sqlite3 command-line
 * shell, so both measure exactly the same SQL.
 */
/* ?9 is the entry's tags as one text for the search index, NULL for none. */
#define RAPPORT_STORE_SQL_UPSERT_ENTRY \
  "INSERT INTO journal_entry (uuid, created_at, occurred_at, updated_at, title, situation," \
  " went_well, try_next, tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)" \
  " ON CONFLICT (uuid) DO UPDATE SET occurred_at = excluded.occurred_at," \
  " updated_at = excluded.updated_at, title = excluded.title, situation = excluded.situation," \
  " went_well = excluded.went_well, try_next = excluded.try_next, tags = excluded.tags"
#define RAPPORT_STORE_SQL_DELETE_RATINGS \
  "DELETE FROM journal_rating WHERE entry_id = (SELECT id FROM journal_entry WHERE uuid = ?1)"
#define RAPPORT_STORE_SQL_INSERT_RATING \
  "INSERT INTO journal_rating (entry_id, skill_key, rating, occurred_at)" \
  " SELECT id, ?2, ?3, occurred_at FROM journal_entry WHERE uuid = ?1"
#define RAPPORT_STORE_SQL_DELETE_TAGS \
  "DELETE FROM journal_tag WHERE entry_id = (SELECT id FROM journal_entry WHERE uuid = ?1)"
#define RAPPORT_STORE_SQL_INSERT_TAG \
  "INSERT INTO journal_tag (entry_id, position, tag)" \
  " SELECT id, ?2, ?3 FROM journal_entry WHERE uuid = ?1"
/* The editor's draft of the entry saved (its JSON names the entry's uuid). */
#define RAPPORT_STORE_SQL_DROP_DRAFT_OF \
  "DELETE FROM draft WHERE CASE WHEN json_valid (content)" \
  " THEN json_extract (content, '$.uuid') END = ?1"

/* What the journal list loads for each entry it shows; ?1 is the row id. */
#define RAPPORT_STORE_SQL_ENTRY_RATINGS \
  "SELECT skill_key, rating FROM journal_rating WHERE entry_id = ?1 ORDER BY skill_key"
#define RAPPORT_STORE_SQL_ENTRY_TAGS \
  "SELECT tag FROM journal_tag WHERE entry_id = ?1 ORDER BY position"

/* ?1 skill, ?2 from, ?3 to (unix seconds, half-open), ?4 offset of the
 * time zone in seconds; the bucket expression is one of the three below.
 */
#define RAPPORT_STORE_SQL_RATING_AGGREGATES(bucket_expr) \
  "SELECT " bucket_expr " AS bucket, avg (rating), min (rating), max (rating), count (*)" \
  " FROM journal_rating WHERE skill_key = ?1 AND occurred_at >= ?2 AND occurred_at < ?3" \
  " GROUP BY bucket ORDER BY bucket"
#define RAPPORT_STORE_SQL_BUCKET_DAY(column) \
  "date (" column " + ?4, 'unixepoch')"
#define RAPPORT_STORE_SQL_BUCKET_WEEK(column) \
  "date (" column " + ?4, 'unixepoch', 'weekday 0', '-6 days')"
#define RAPPORT_STORE_SQL_BUCKET_MONTH(column) \
  "date (" column " + ?4, 'unixepoch', 'start of month')"

/* ?1 FTS5 query, ?2 skill or NULL, ?3 from, ?4 to (unix seconds, half-open),
 * ?5 limit, ?6 offset, ?7 ?8 ?9 snippet markers, ?10 tag or NULL.  The
 * entries' tags are a column of the index (schema 4), so a word may match in
 * the text or in the tags.  The inner query picks the
 * page in date order, so snippet() runs for the listed rows only, not for
 * every match (half the time for a word in 800 entries).  The unary + keeps
 * "rowid IN (…)" out of FTS5's plan: given to FTS5 it runs the whole MATCH
 * once per listed row (17 ms for a word in every entry of ten years, against
 * 2 ms for one MATCH filtered by the list).
 */
#define RAPPORT_STORE_SQL_SEARCH_ENTRIES \
  "SELECT e.id, e.uuid, e.created_at, e.occurred_at, e.updated_at, e.title, e.situation," \
  " e.went_well, e.try_next, snippet (journal_fts, -1, ?7, ?8, ?9, 12)" \
  " FROM journal_fts JOIN journal_entry AS e ON e.id = journal_fts.rowid" \
  " WHERE journal_fts MATCH ?1 AND +journal_fts.rowid IN (" \
  "  SELECT p.id FROM journal_fts AS f JOIN journal_entry AS p ON p.id = f.rowid" \
  "  WHERE f.journal_fts MATCH ?1 AND p.occurred_at >= ?3 AND p.occurred_at < ?4" \
  "  AND (?2 IS NULL OR EXISTS (SELECT 1 FROM journal_rating AS r" \
  "   WHERE r.entry_id = p.id AND r.skill_key = ?2))" \
  "  AND (?10 IS NULL OR EXISTS (SELECT 1 FROM journal_tag AS t" \
  "   WHERE t.entry_id = p.id AND t.tag = ?10 COLLATE NOCASE))" \
  "  ORDER BY p.occurred_at DESC, p.id DESC LIMIT ?5 OFFSET ?6)" \
  " ORDER BY e.occurred_at DESC, e.id DESC"

/* The automatic backups' timer and worker (rapport-store-autobackup.c). */
typedef struct _RapportStoreAutoBackup RapportStoreAutoBackup;

struct _RapportStore
{
  GObject                 parent_instance;

  /* owned */
  char                   *path;
  sqlite3                *db;
  GHashTable             *statements;       /* static SQL text → sqlite3_stmt */
  char                   *recovery_notice;
  char                   *damaged_path;
  char                   *reset_backup_path;
  RapportStoreAutoBackup *autobackup;       /* NULL until the file is open */
  RapportStoreRecovery    recovery;
};

/* Statements and transactions (rapport-store.c) */

/* A cached statement, reset and unbound when it goes out of scope. */
typedef sqlite3_stmt RapportStoreStmt;

void                 rapport_store_stmt_release        (RapportStoreStmt *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportStoreStmt, rapport_store_stmt_release)

RapportStoreStmt    *rapport_store_prepare             (RapportStore   *self,
                                                        const char     *sql,
                                                        GError        **error);
gboolean             rapport_store_begin               (RapportStore   *self,
                                                        GError        **error);
gboolean             rapport_store_commit              (RapportStore   *self,
                                                        GError        **error);
void                 rapport_store_rollback            (RapportStore   *self);
gboolean             rapport_store_write_one           (RapportStore      *self,
                                                        RapportStoreStmt  *stmt,
                                                        GError           **error);
gboolean             rapport_store_step_done           (RapportStore   *self,
                                                        RapportStoreStmt *stmt,
                                                        GError        **error);
gboolean             rapport_store_step_row            (RapportStore      *self,
                                                        RapportStoreStmt  *stmt,
                                                        gboolean          *has_row,
                                                        GError           **error);

/* Reads the current row of @stmt; returns FALSE, with @error set, to stop. */
typedef gboolean (*RapportStoreRowFunc) (RapportStoreStmt  *stmt,
                                         gpointer           user_data,
                                         GError           **error);

gboolean             rapport_store_foreach_row         (RapportStore         *self,
                                                        RapportStoreStmt     *stmt,
                                                        RapportStoreRowFunc   func,
                                                        gpointer              user_data,
                                                        GError              **error);

/* Binding and reading helpers (rapport-store.c) */
void                 rapport_store_bind_text           (RapportStoreStmt *stmt,
                                                        int             index,
                                                        const char     *text);
void                 rapport_store_bind_time           (RapportStoreStmt *stmt,
                                                        int             index,
                                                        GDateTime      *time);
char                *rapport_store_column_dup_text     (RapportStoreStmt *stmt,
                                                        int             column);
GDateTime           *rapport_store_column_time         (RapportStoreStmt *stmt,
                                                        int             column);

/* Unix seconds of @time, or @fallback (now) when @time is NULL. */
gint64               rapport_store_unix_or             (GDateTime      *time,
                                                        gint64          fallback);
gint64               rapport_store_unix_or_now         (GDateTime      *time);

/* Errors (rapport-store-error.c): each a translated sentence for the user. */
void                 rapport_store_set_sqlite_error    (RapportStore   *self,
                                                        int             rc,
                                                        GError        **error);
void                 rapport_store_set_db_error        (sqlite3        *db,
                                                        const char     *path,
                                                        int             rc,
                                                        GError        **error);
void                 rapport_store_set_error_for_code  (GError           **error,
                                                        RapportStoreError  code,
                                                        const char        *path,
                                                        const char        *detail);
void                 rapport_store_set_errno_error     (GError        **error,
                                                        int             saved_errno,
                                                        const char     *path);
void                 rapport_store_set_folder_error    (GError        **error,
                                                        const GError   *folder_error,
                                                        const char     *path);

/* Opening (rapport-store.c) */
gboolean             rapport_store_prepare_private_file (const char    *path,
                                                         GError       **error);
gboolean             rapport_store_set_journal_mode    (RapportStore   *self,
                                                        const char     *mode,
                                                        GError        **error);
gboolean             rapport_store_migrate             (RapportStore   *self,
                                                        int             from,
                                                        GError        **error);
void                 rapport_store_emit_replaced       (RapportStore   *self);

/* Backups (rapport-store-backup.c) */
typedef enum
{
  RAPPORT_STORE_BACKUP_MIGRATION,
  RAPPORT_STORE_BACKUP_DAILY,
  RAPPORT_STORE_BACKUP_BEFORE_RESTORE,
  RAPPORT_STORE_BACKUP_BEFORE_RESET,
  RAPPORT_STORE_BACKUP_SESSION,
  RAPPORT_STORE_BACKUP_EXIT,
} RapportStoreBackupKind;

typedef struct
{
  char                   *path;
  char                   *stamp;     /* YYYYMMDD-HHMMSS, UTC */
  GDateTime              *time;
  guint64                 size;
  gint64                  written;   /* the file's mtime, ns */
  int                     counter;
  int                     version;
  RapportStoreBackupKind  kind;
} RapportStoreBackupFile;

/* What pruning keeps of the automatic kinds (daily, session, exit). */
typedef struct
{
  guint   recent;      /* session and exit backups */
  guint   daily;
  guint64 max_bytes;   /* the three kinds together */
} RapportStoreBackupPolicy;

extern const RapportStoreBackupPolicy rapport_store_backup_policy;

gboolean             rapport_store_copy_database       (sqlite3        *src,
                                                        const char     *dest,
                                                        GError        **error);
GPtrArray           *rapport_store_list_backups        (const char     *dir);
char                *rapport_store_write_backup        (sqlite3                 *src,
                                                        const char              *dir,
                                                        RapportStoreBackupKind   kind,
                                                        int                      version,
                                                        GError                 **error);
char                *rapport_store_make_backup         (RapportStore            *self,
                                                        RapportStoreBackupKind   kind,
                                                        int                      version,
                                                        GError                 **error);
gboolean             rapport_store_daily_backup_due    (GPtrArray      *backups,
                                                        GDateTime      *now);
void                 rapport_store_prune_backups       (const char                     *dir,
                                                        const RapportStoreBackupPolicy *policy);

/* Automatic backups (rapport-store-autobackup.c): on open (@daily: the
 * daily one if it is due), after writes, and freed with the store.
 */
void                 rapport_store_autobackup_start    (RapportStore   *self,
                                                        gboolean        daily);
void                 rapport_store_autobackup_note_write (RapportStore *self);
void                 rapport_store_autobackup_stop     (RapportStore   *self);

/* When the next session backup starts (monotonic time, µs), or 0 when none
 * is waiting: for the tests of the debounce.
 */
gint64               rapport_store_get_backup_due      (RapportStore   *self);

/* Recovery (rapport-store-recovery.c) */

/* What a read of a file's header and a quick_check found. */
typedef struct
{
  int version;
  int application_id;
  int n_objects;
  int damage;      /* 0, or SQLITE_CORRUPT / SQLITE_NOTADB */
} RapportStoreFileState;

gboolean             rapport_store_inspect_file        (sqlite3                *db,
                                                        const char             *path,
                                                        RapportStoreFileState  *state,
                                                        GError                **error);
sqlite3             *rapport_store_open_read_only      (const char     *path,
                                                        GError        **error);
sqlite3             *rapport_store_open_good_backup    (const char     *path,
                                                        GError        **error);
char                *rapport_store_describe_restore    (GDateTime      *saved,
                                                        GDateTime      *now,
                                                        const char     *damaged);
int                  rapport_store_current_version     (RapportStore   *self);
gboolean             rapport_store_recover             (RapportStore   *self,
                                                        GError        **error);

/* Journal entries (rapport-store-entry.c): an empty array of
 * RapportStoreRating that frees their skill keys.
 */
GArray              *rapport_store_entry_ratings_new   (void);

/* Schema (rapport-store-schema.c).  Runs the migrations after the file's
 * current version up to @target, inside the caller's transaction.
 */
gboolean             rapport_store_schema_migrate      (sqlite3        *db,
                                                        int             from,
                                                        int             target,
                                                        GError        **error);

/* For tests and the benchmark */
sqlite3             *rapport_store_get_connection      (RapportStore   *self);

G_END_DECLS
