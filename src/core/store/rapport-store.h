/* rapport-store.h: the progress store (lessons, quizzes, journal) in SQLite
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The newest schema this version of Rapport knows (PRAGMA user_version). */
#define RAPPORT_STORE_SCHEMA_VERSION 4

#define RAPPORT_STORE_ERROR (rapport_store_error_quark ())

typedef enum
{
  RAPPORT_STORE_ERROR_FAILED,
  RAPPORT_STORE_ERROR_CORRUPT,
  RAPPORT_STORE_ERROR_TOO_NEW,
  RAPPORT_STORE_ERROR_FULL,
  RAPPORT_STORE_ERROR_READ_ONLY,
  RAPPORT_STORE_ERROR_NOT_A_STORE,
  RAPPORT_STORE_ERROR_BUSY,
  RAPPORT_STORE_ERROR_NOT_FOUND,
  RAPPORT_STORE_ERROR_INVALID,
} RapportStoreError;

GQuark rapport_store_error_quark (void);

/* What opening the store had to do about a damaged file. */
typedef enum
{
  RAPPORT_STORE_RECOVERY_NONE,
  RAPPORT_STORE_RECOVERY_RESTORED_BACKUP,
  RAPPORT_STORE_RECOVERY_STARTED_FRESH,
} RapportStoreRecovery;

typedef enum
{
  RAPPORT_STORE_ATTEMPT_FINISHED,
  RAPPORT_STORE_ATTEMPT_ABANDONED,
} RapportStoreAttemptState;

typedef enum
{
  RAPPORT_STORE_SERIES_SELF_RATING,  /* values 1..5 */
  RAPPORT_STORE_SERIES_QUIZ_SCORE,   /* values 0..100 (percent), finished attempts only */
} RapportStoreSeries;

typedef enum
{
  RAPPORT_STORE_BUCKET_DAY,
  RAPPORT_STORE_BUCKET_WEEK,         /* weeks start on Monday (ISO 8601) */
  RAPPORT_STORE_BUCKET_MONTH,
} RapportStoreBucket;

/* Records.  Content (packs, topics, lessons, questions) is referenced by its
 * stable keys, never by a row id.  Times are UTC; a NULL GDateTime means
 * "not yet" (or "now" where a function says so).  Records own their fields.
 */
typedef struct
{
  char      *id;
  char      *version;
  char      *title;
  GDateTime *installed;
} RapportStorePack;

typedef struct
{
  char      *pack_id;
  char      *topic_key;
  char      *lesson_key;
  GDateTime *opened;      /* NULL: never opened */
  double     position;    /* reading position, 0..1 */
  GDateTime *completed;   /* NULL: not completed */
} RapportStoreLesson;

typedef struct
{
  char     *question_key;
  char     *answer;            /* text or JSON, as the quiz engine wrote it */
  double    points;
  double    points_possible;
  gboolean  correct;
} RapportStoreAnswer;

typedef struct
{
  gint64                    id;         /* set by rapport_store_add_quiz_attempt() */
  char                     *pack_id;
  char                     *topic_key;
  char                     *skill_key;  /* the skill the topic trains, for the chart */
  GDateTime                *started;
  GDateTime                *finished;   /* when it was finished or abandoned */
  RapportStoreAttemptState  state;
  double                    score;      /* percent, 0..100 */
  gboolean                  passed;
  GPtrArray                *answers;    /* of RapportStoreAnswer, in question order */
} RapportStoreAttempt;

typedef struct
{
  char *skill_key;
  int   rating;                         /* 1..5 */
} RapportStoreRating;

typedef struct
{
  char      *uuid;
  GDateTime *created;
  GDateTime *occurred;    /* when the call happened */
  GDateTime *updated;
  char      *title;
  char      *situation;
  char      *went_well;
  char      *try_next;
  GStrv      tags;        /* never NULL */
  GArray    *ratings;     /* of RapportStoreRating, at most one per skill */
  char      *snippet;     /* search results only: matching text with the caller's markers */
} RapportStoreEntry;

/* Borrowed fields; initialise with { .search = text, .limit = 20 } and so on. */
typedef struct
{
  const char *skill_key;         /* NULL: any; otherwise entries that rate this skill */
  GDateTime  *from;              /* occurred at or after; NULL: no lower bound */
  GDateTime  *to;                /* occurred before; NULL: no upper bound */
  const char *search;            /* the user's words, taken literally; NULL or blank: all */
  guint       limit;             /* 0: 50 */
  guint       offset;
  const char *snippet_open;      /* markers around matches in the snippet, e.g. "\x01" */
  const char *snippet_close;
  const char *snippet_ellipsis;
  const char *tag;               /* NULL: any; otherwise entries with this tag (ASCII case ignored) */
} RapportStoreJournalQuery;

typedef struct
{
  char      *pack_id;
  char      *topic_key;
  char      *question_key;
  int        box;                /* Leitner box, 1 and up */
  GDateTime *due;
} RapportStoreReviewItem;

typedef struct
{
  guint      lessons_completed;  /* at most lessons_total */
  guint      lessons_total;
  guint      n_attempts;         /* finished attempts */
  double     best_score;         /* -1: no finished attempt */
  double     last_score;         /* -1: no finished attempt */
  gboolean   last_passed;
  GDateTime *last_attempt;       /* NULL: none */
  int        latest_rating;      /* 0: the skill was never rated */
  GDateTime *latest_rating_time;
} RapportStoreTopicSummary;

typedef struct
{
  GDateTime *time;
  double     value;
  char      *entry_uuid;         /* self-ratings */
  gint64     attempt_id;         /* quiz scores; 0 for self-ratings */
} RapportStorePoint;

typedef struct
{
  GDateTime *start;              /* first day of the bucket, 00:00 in the requested zone */
  double     avg;
  double     min;
  double     max;
  guint      count;
} RapportStoreAggregate;

/* One SQLite connection; use a store from one thread (the main thread). */
#define RAPPORT_TYPE_STORE (rapport_store_get_type ())

G_DECLARE_FINAL_TYPE (RapportStore, rapport_store, RAPPORT, STORE, GObject)

/* Opening.  rapport_store_new() uses $XDG_DATA_HOME/rapport/progress.db. */
RapportStore        *rapport_store_new                 (GError        **error);
RapportStore        *rapport_store_new_for_path        (const char     *path,
                                                        GError        **error);
char                *rapport_store_get_default_path    (void);
const char          *rapport_store_get_path            (RapportStore   *self);

/* For a banner: what happened when a damaged file was found on open. */
RapportStoreRecovery rapport_store_get_recovery        (RapportStore   *self);
const char          *rapport_store_get_recovery_notice (RapportStore   *self);
const char          *rapport_store_get_damaged_path    (RapportStore   *self);

/* The user's own backups.  Restoring and resetting back up the current data
 * into the backups folder first.  Reset deletes progress, quiz history, the
 * review queue, the journal and the draft; the list of installed packs stays.
 */
gboolean             rapport_store_export_to_file      (RapportStore   *self,
                                                        const char     *path,
                                                        GError        **error);
gboolean             rapport_store_restore_from_file   (RapportStore   *self,
                                                        const char     *path,
                                                        GError        **error);
gboolean             rapport_store_reset               (RapportStore   *self,
                                                        GError        **error);
char                *rapport_store_get_backup_dir      (RapportStore   *self);
const char          *rapport_store_get_reset_backup_path (RapportStore *self);

/* Automatic backups into the same folder: on a worker thread, the daily one
 * on open and one @first_ms after the first write of a session, then one at
 * most every @interval_ms while writes go on (1 and 5 minutes unless set);
 * and one at a clean exit, by rapport_store_backup_on_exit() on the
 * caller's thread (the application's shutdown, when no window is left to
 * wait).  A failed one is logged and tried again later.
 */
void                 rapport_store_set_backup_delays   (RapportStore   *self,
                                                        guint           first_ms,
                                                        guint           interval_ms);
void                 rapport_store_wait_for_backup     (RapportStore   *self);
gboolean             rapport_store_backup_on_exit      (RapportStore   *self,
                                                        GError        **error);

/* Installed packs */
gboolean             rapport_store_set_pack_installed  (RapportStore   *self,
                                                        const char     *pack_id,
                                                        const char     *version,
                                                        const char     *title,
                                                        GDateTime      *installed,
                                                        GError        **error);
gboolean             rapport_store_remove_pack         (RapportStore   *self,
                                                        const char     *pack_id,
                                                        GError        **error);
GPtrArray           *rapport_store_list_packs          (RapportStore   *self,
                                                        GError        **error);
gboolean             rapport_store_forget_pack         (RapportStore   *self,
                                                        const char     *pack_id,
                                                        gboolean        keep_progress,
                                                        GError        **error);

/* Lessons.  A NULL time means now. */
gboolean             rapport_store_mark_lesson_opened  (RapportStore   *self,
                                                        const char     *pack_id,
                                                        const char     *topic_key,
                                                        const char     *lesson_key,
                                                        GDateTime      *when,
                                                        GError        **error);
gboolean             rapport_store_set_lesson_position (RapportStore   *self,
                                                        const char     *pack_id,
                                                        const char     *topic_key,
                                                        const char     *lesson_key,
                                                        double          position,
                                                        GError        **error);
gboolean             rapport_store_mark_lesson_completed (RapportStore *self,
                                                          const char   *pack_id,
                                                          const char   *topic_key,
                                                          const char   *lesson_key,
                                                          GDateTime    *when,
                                                          GError      **error);
RapportStoreLesson  *rapport_store_get_lesson          (RapportStore   *self,
                                                        const char     *pack_id,
                                                        const char     *topic_key,
                                                        const char     *lesson_key,
                                                        GError        **error);
GStrv                rapport_store_list_completed_lessons (RapportStore *self,
                                                           const char   *pack_id,
                                                           const char   *topic_key,
                                                           GError      **error);

/* Quizzes */
RapportStoreAttempt *rapport_store_attempt_new         (const char     *pack_id,
                                                        const char     *topic_key,
                                                        const char     *skill_key);
void                 rapport_store_attempt_add_answer  (RapportStoreAttempt *attempt,
                                                        const char     *question_key,
                                                        const char     *answer,
                                                        double          points,
                                                        double          points_possible,
                                                        gboolean        correct);
void                 rapport_store_attempt_free        (RapportStoreAttempt *attempt);
gboolean             rapport_store_add_quiz_attempt    (RapportStore   *self,
                                                        RapportStoreAttempt *attempt,
                                                        GError        **error);
RapportStoreAttempt *rapport_store_get_quiz_attempt    (RapportStore   *self,
                                                        gint64          attempt_id,
                                                        GError        **error);
GPtrArray           *rapport_store_list_quiz_attempts  (RapportStore   *self,
                                                        const char     *pack_id,
                                                        const char     *topic_key,
                                                        GError        **error);

/* Review queue (Leitner boxes) for missed questions */
gboolean             rapport_store_upsert_review_item  (RapportStore   *self,
                                                        const char     *pack_id,
                                                        const char     *topic_key,
                                                        const char     *question_key,
                                                        int             box,
                                                        GDateTime      *due,
                                                        GError        **error);
gboolean             rapport_store_remove_review_item  (RapportStore   *self,
                                                        const char     *pack_id,
                                                        const char     *topic_key,
                                                        const char     *question_key,
                                                        GError        **error);
GPtrArray           *rapport_store_list_due_reviews    (RapportStore   *self,
                                                        GDateTime      *now,
                                                        guint           limit,
                                                        GError        **error);

/* Journal.  Saving inserts or replaces the entry with the same uuid, with
 * its ratings and tags; it sets created (if NULL) and updated to now.
 */
RapportStoreEntry   *rapport_store_entry_new           (void);
RapportStoreEntry   *rapport_store_entry_copy          (const RapportStoreEntry *entry);
void                 rapport_store_entry_free          (RapportStoreEntry *entry);
void                 rapport_store_entry_set_rating    (RapportStoreEntry *entry,
                                                        const char     *skill_key,
                                                        int             rating);
int                  rapport_store_entry_get_rating    (const RapportStoreEntry *entry,
                                                        const char     *skill_key);
void                 rapport_store_entry_set_tags      (RapportStoreEntry *entry,
                                                        const char * const *tags);
gboolean             rapport_store_save_journal_entry  (RapportStore   *self,
                                                        RapportStoreEntry *entry,
                                                        GError        **error);
RapportStoreEntry   *rapport_store_get_journal_entry   (RapportStore   *self,
                                                        const char     *uuid,
                                                        GError        **error);
gboolean             rapport_store_delete_journal_entry (RapportStore  *self,
                                                         const char    *uuid,
                                                         GError       **error);
GPtrArray           *rapport_store_list_journal_entries (RapportStore  *self,
                                                         const RapportStoreJournalQuery *query,
                                                         GError       **error);
char                *rapport_store_build_search_query  (const char     *text);
/* Every tag of the journal once, in alphabetical order (ASCII case ignored). */
GStrv                rapport_store_list_journal_tags   (RapportStore   *self,
                                                        GError        **error);

/* Entries from an exported journal, written with their own created and
 * updated times in one transaction; see the rules in rapport-store-journal.c.
 */
gboolean             rapport_store_import_journal_entries (RapportStore *self,
                                                           GPtrArray    *entries,
                                                           guint        *n_added,
                                                           guint        *n_updated,
                                                           guint        *n_skipped,
                                                           GError      **error);

/* The one journal draft (JSON text, written by the journal editor) */
gboolean             rapport_store_save_draft          (RapportStore   *self,
                                                        const char     *json,
                                                        GError        **error);
char                *rapport_store_load_draft          (RapportStore   *self,
                                                        GDateTime     **updated,
                                                        GError        **error);
gboolean             rapport_store_clear_draft         (RapportStore   *self,
                                                        GError        **error);

/* Views */
RapportStoreTopicSummary *rapport_store_get_topic_summary (RapportStore *self,
                                                           const char   *pack_id,
                                                           const char   *topic_key,
                                                           const char   *skill_key,
                                                           guint         n_lessons,
                                                           GError      **error);
GPtrArray           *rapport_store_get_skill_points    (RapportStore   *self,
                                                        const char     *skill_key,
                                                        RapportStoreSeries series,
                                                        GDateTime      *from,
                                                        GDateTime      *to,
                                                        GError        **error);
GPtrArray           *rapport_store_get_skill_aggregates (RapportStore  *self,
                                                         const char    *skill_key,
                                                         RapportStoreSeries series,
                                                         RapportStoreBucket bucket,
                                                         GDateTime     *from,
                                                         GDateTime     *to,
                                                         GTimeZone     *tz,
                                                         GError       **error);

/* The chart's bulk read: one call for many skills, without a record per
 * point.  @func sees the points of @skill_keys[0] oldest first, then those of
 * @skill_keys[1], and so on; @skill_index is the position in @skill_keys.
 * Self-ratings come with their entry's uuid (@attempt_id 0), copied once per
 * entry into @strings, so the pointer stays valid as long as @strings does;
 * quiz scores (finished attempts) come with their attempt id and a NULL uuid.
 */
typedef void (*RapportStorePointFunc) (guint        skill_index,
                                       gint64       time,
                                       double       value,
                                       const char  *entry_uuid,
                                       gint64       attempt_id,
                                       gpointer     user_data);

gboolean             rapport_store_foreach_skill_point (RapportStore *self,
                                                        const char * const *skill_keys,
                                                        RapportStoreSeries series,
                                                        GDateTime    *from,
                                                        GDateTime    *to,
                                                        GStringChunk *strings,
                                                        RapportStorePointFunc func,
                                                        gpointer      user_data,
                                                        GError      **error);

/* The Progress view's cards, in [@from, @to) (NULL: unbounded): lessons
 * completed (the first completion counts) and distinct quizzes (pack and
 * topic) with a passed attempt.
 */
gboolean             rapport_store_count_activity      (RapportStore  *self,
                                                        GDateTime     *from,
                                                        GDateTime     *to,
                                                        guint         *lessons_completed,
                                                        guint         *quizzes_passed,
                                                        GError       **error);

/* Returns: (element-type gint64) when each journal entry happened (unix
 * seconds), in [@from, @to), newest first
 */
GArray              *rapport_store_list_journal_times  (RapportStore  *self,
                                                        GDateTime     *from,
                                                        GDateTime     *to,
                                                        GError       **error);

void rapport_store_pack_free           (RapportStorePack         *pack);
void rapport_store_lesson_free         (RapportStoreLesson       *lesson);
void rapport_store_review_item_free    (RapportStoreReviewItem   *item);
void rapport_store_topic_summary_free  (RapportStoreTopicSummary *summary);
void rapport_store_point_free          (RapportStorePoint        *point);
void rapport_store_aggregate_free      (RapportStoreAggregate    *aggregate);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportStorePack, rapport_store_pack_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportStoreLesson, rapport_store_lesson_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportStoreAttempt, rapport_store_attempt_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportStoreEntry, rapport_store_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportStoreReviewItem, rapport_store_review_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportStoreTopicSummary, rapport_store_topic_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportStorePoint, rapport_store_point_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportStoreAggregate, rapport_store_aggregate_free)

G_END_DECLS
