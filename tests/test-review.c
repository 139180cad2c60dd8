/* test-review.c: the review queue of missed questions, and review sessions.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>

#include "rapport-review-session.h"
#include "rapport-topic-loader.h"
#include "rapport-unit-utils.h"

#define PACK_ID "org.example.quiz"
#define SEED 7

static RapportTopicLoader *loader;
static RapportTopic *kinds;   /* every question type; no draw */
static RapportTopic *bank;    /* draws 10 one-point questions of 14 */
static GTimeZone *zone;       /* the learner's zone: UTC+2, so local and UTC days differ */

/* Helpers */

/* What the catalog of installed packs will do. */
static RapportTopic *
lookup_topic (gpointer    user_data,
              const char *pack_id,
              const char *topic_key)
{
  if (!g_str_equal (pack_id, PACK_ID))
    return NULL;

  if (g_str_equal (topic_key, "kinds"))
    return kinds;
  if (g_str_equal (topic_key, "bank"))
    return bank;

  return NULL;
}

static GDateTime *
local (int y,
       int mo,
       int d,
       int h,
       int mi)
{
  return g_date_time_new (zone, y, mo, d, h, mi, 0);
}

static void
assert_time (GDateTime *time,
             GDateTime *expected)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_nonnull (time);
  a = g_date_time_format_iso8601 (time);
  b = g_date_time_format_iso8601 (expected);
  if (g_date_time_to_unix (time) != g_date_time_to_unix (expected))
    g_error ("%s is not %s", a, b);
}

/* @result, freed here, is the start of the day @y-@mo-@d in @tz. */
static void
assert_midnight (GDateTime *result,
                 GTimeZone *tz,
                 int        y,
                 int        mo,
                 int        d)
{
  g_autoptr(GDateTime) owned = result;
  g_autoptr(GDateTime) expected = g_date_time_new (tz, y, mo, d, 0, 0, 0);

  assert_time (owned, expected);
}

/* The whole queue, due or not. */
static GPtrArray *
all_items (RapportStore *store)
{
  g_autoptr(GDateTime) end_of_time = g_date_time_new_utc (9999, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  items = rapport_store_list_due_reviews (store, end_of_time, 0, &error);
  g_assert_no_error (error);

  return items;
}

/* Returns: (nullable): the queue's item, due or not */
static RapportStoreReviewItem *
find_item (RapportStore *store,
           const char   *topic_key,
           const char   *question_key)
{
  g_autoptr(GPtrArray) items = all_items (store);

  for (guint i = 0; i < items->len; i++)
    {
      RapportStoreReviewItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->topic_key, topic_key)
          && g_str_equal (item->question_key, question_key))
        return g_ptr_array_steal_index (items, i);
    }

  return NULL;
}

static guint
queue_length (RapportStore *store)
{
  g_autoptr(GPtrArray) items = all_items (store);

  return items->len;
}

static void
assert_item (RapportStore *store,
             const char   *topic_key,
             const char   *question_key,
             int           box,
             GDateTime    *due)
{
  g_autoptr(RapportStoreReviewItem) item = find_item (store, topic_key, question_key);

  if (box == 0)
    {
      g_assert_null (item);
      return;
    }

  g_assert_nonnull (item);
  g_assert_cmpint (item->box, ==, box);
  assert_time (item->due, due);
}

static void
put_item (RapportStore *store,
          const char   *topic_key,
          const char   *question_key,
          int           box,
          GDateTime    *due)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_upsert_review_item (store, PACK_ID, topic_key, question_key,
                                                   box, due, &error));
  g_assert_no_error (error);
}

static void
record (RapportStore *store,
        const char   *question_key,
        gboolean      success,
        GDateTime    *now)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_review_record (store, PACK_ID, "kinds", question_key, success, now,
                                        zone, &error));
  g_assert_no_error (error);
}

static guint
count_due (RapportStore *store,
           GDateTime    *now,
           gboolean      with_lookup)
{
  g_autoptr(GError) error = NULL;
  guint n_due = G_MAXUINT;

  g_assert_true (rapport_review_count_due_today (store, now, zone,
                                                 with_lookup ? lookup_topic : NULL, NULL,
                                                 &n_due, &error));
  g_assert_no_error (error);

  return n_due;
}

static void
answer_at (RapportQuizSession *session,
           guint               position,
           gboolean            right)
{
  RapportQuestion *question = rapport_quiz_session_get_question (session, position);
  const RapportQuizAnswerResult *result;
  guint answer[16];
  guint n = rapport_unit_make_answer (question, right, answer);

  result = rapport_quiz_session_answer (session, position, answer, n);
  g_assert_nonnull (result);
  g_assert_true (result->correct == right);
}

/* A finished quiz of @topic with the questions in @wrong (NULL-terminated)
 * answered wrongly and all others right.
 */
static RapportQuizSession *
take_quiz (RapportTopic       *topic,
           const char * const *wrong)
{
  RapportQuizSession *session = rapport_quiz_session_new (topic, NULL, SEED);

  for (guint i = 0; i < rapport_quiz_session_get_n_questions (session); i++)
    {
      const char *key = rapport_question_get_key (rapport_quiz_session_get_question (session, i));

      answer_at (session, i, wrong == NULL || !g_strv_contains (wrong, key));
    }

  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_FINISHED);

  return session;
}

static void
record_quiz (RapportStore       *store,
             RapportQuizSession *session,
             GDateTime          *now)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_review_record_quiz (store, session, now, zone, &error));
  g_assert_no_error (error);
}

/* The schedule */

static void
test_review_intervals (void)
{
  static const guint expected[] = { 1, 3, 7, 14, 30 };

  g_assert_cmpuint (RAPPORT_REVIEW_N_BOXES, ==, 5);
  for (guint box = 1; box <= RAPPORT_REVIEW_N_BOXES; box++)
    g_assert_cmpuint (rapport_review_get_interval (box), ==, expected[box - 1]);

  g_test_expect_message ("Rapport-quiz", G_LOG_LEVEL_CRITICAL, "*box >= 1*");
  g_assert_cmpuint (rapport_review_get_interval (0), ==, 0);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Rapport-quiz", G_LOG_LEVEL_CRITICAL, "*box >= 1*");
  g_assert_cmpuint (rapport_review_get_interval (6), ==, 0);
  g_test_assert_expected_messages ();

  /* A miss always returns to box 1, from anywhere (0: not in the queue). */
  for (guint box = 0; box <= RAPPORT_REVIEW_N_BOXES; box++)
    g_assert_cmpuint (rapport_review_next_box (box, FALSE), ==, 1);

  /* A success climbs one box, and leaves the queue after the last. */
  g_assert_cmpuint (rapport_review_next_box (1, TRUE), ==, 2);
  g_assert_cmpuint (rapport_review_next_box (2, TRUE), ==, 3);
  g_assert_cmpuint (rapport_review_next_box (3, TRUE), ==, 4);
  g_assert_cmpuint (rapport_review_next_box (4, TRUE), ==, 5);
  g_assert_cmpuint (rapport_review_next_box (5, TRUE), ==, 0);
  g_assert_cmpuint (rapport_review_next_box (9, TRUE), ==, 0);
  /* Right the first time: it never enters the queue. */
  g_assert_cmpuint (rapport_review_next_box (0, TRUE), ==, 0);
}

static void
test_review_day_start (void)
{
  g_autoptr(GTimeZone) minus5 = g_time_zone_new_identifier ("-05:00");
  g_autoptr(GTimeZone) plus9 = g_time_zone_new_identifier ("+09:00");
  g_autoptr(GDateTime) late = g_date_time_new (minus5, 2026, 3, 10, 23, 30, 0);
  g_autoptr(GDateTime) midnight = g_date_time_new (minus5, 2026, 3, 11, 0, 0, 0);
  g_autoptr(GDateTime) utc_afternoon = g_date_time_new_utc (2026, 3, 10, 16, 0, 0);

  /* 23:30 local is already the 11th in UTC; tomorrow is still the 11th. */
  assert_midnight (rapport_review_get_day_start (late, minus5, 1), minus5, 2026, 3, 11);

  /* Today, at its start. */
  assert_midnight (rapport_review_get_day_start (late, minus5, 0), minus5, 2026, 3, 10);

  /* At midnight exactly, tomorrow is the next day. */
  assert_midnight (rapport_review_get_day_start (midnight, minus5, 1), minus5, 2026, 3, 12);

  /* A time in UTC is read in the learner's zone: 16:00 UTC is 01:00 on the 11th in +09. */
  assert_midnight (rapport_review_get_day_start (utc_afternoon, plus9, 1), plus9, 2026, 3, 12);

  /* Over month and year ends. */
  {
    g_autoptr(GDateTime) january = g_date_time_new (minus5, 2026, 1, 20, 10, 0, 0);
    g_autoptr(GDateTime) christmas = g_date_time_new (minus5, 2026, 12, 25, 10, 0, 0);

    assert_midnight (rapport_review_get_due (5, january, minus5), minus5, 2026, 2, 19);
    assert_midnight (rapport_review_get_due (4, christmas, minus5), minus5, 2027, 1, 8);
  }
}

static void
test_review_day_start_dst (void)
{
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) friday = NULL;
  g_autoptr(GDateTime) friday_midnight = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) expected = NULL;

  if (new_york == NULL)
    {
      g_test_skip ("No time zone data for America/New_York");
      return;
    }

  /* Clocks go forward on Sunday 8 March 2026: three days later is still
   * midnight local time, 71 hours after Friday's midnight.
   */
  friday = g_date_time_new (new_york, 2026, 3, 6, 12, 0, 0);
  due = rapport_review_get_due (2, friday, new_york);
  expected = g_date_time_new (new_york, 2026, 3, 9, 0, 0, 0);
  assert_time (due, expected);
  g_assert_cmpint (g_date_time_get_hour (due), ==, 0);
  friday_midnight = g_date_time_new (new_york, 2026, 3, 6, 0, 0, 0);
  g_assert_cmpint (g_date_time_difference (due, friday_midnight), ==, 71 * G_TIME_SPAN_HOUR);
}

/* What the results page says: "tomorrow", "in 3 days", in calendar days of
 * the learner's zone whatever the hour.
 */
static void
test_review_days_until (void)
{
  g_autoptr(GDateTime) late = local (2026, 7, 1, 23, 30);
  g_autoptr(GDateTime) early = local (2026, 7, 1, 0, 5);
  g_autoptr(GDateTime) tomorrow = local (2026, 7, 2, 0, 0);
  g_autoptr(GDateTime) in_3_days = local (2026, 7, 4, 0, 0);
  g_autoptr(GDateTime) this_morning = local (2026, 7, 1, 0, 0);
  g_autoptr(GDateTime) last_week = local (2026, 6, 24, 0, 0);
  /* 23:30 on the 1st in UTC+2 is 21:30 UTC; 01:00 UTC on the 2nd is 03:00 there. */
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 7, 2, 1, 0, 0);

  g_assert_cmpuint (rapport_review_days_until (tomorrow, late, zone), ==, 1);
  g_assert_cmpuint (rapport_review_days_until (tomorrow, early, zone), ==, 1);
  g_assert_cmpuint (rapport_review_days_until (in_3_days, late, zone), ==, 3);
  g_assert_cmpuint (rapport_review_days_until (this_morning, late, zone), ==, 0);
  g_assert_cmpuint (rapport_review_days_until (last_week, late, zone), ==, 0);
  g_assert_cmpuint (rapport_review_days_until (in_3_days, utc, zone), ==, 2);

  /* What the schedule gives a question missed now, and one in box 2. */
  {
    g_autoptr(GDateTime) missed = rapport_review_get_due (rapport_review_next_box (3, FALSE),
                                                          late, zone);
    g_autoptr(GDateTime) climbed = rapport_review_get_due (rapport_review_next_box (1, TRUE),
                                                           late, zone);

    g_assert_cmpuint (rapport_review_days_until (missed, late, zone), ==, 1);
    g_assert_cmpuint (rapport_review_days_until (climbed, late, zone), ==, 3);
  }
}

/* When the questions of a session come back, as the queue has them. */
static void
test_review_session_due (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("progress.db");
  g_autoptr(GDateTime) now = local (2026, 7, 1, 14, 0);
  g_autoptr(GDateTime) tomorrow = local (2026, 7, 2, 0, 0);
  g_autoptr(GDateTime) in_7_days = local (2026, 7, 8, 0, 0);
  g_autoptr(GDateTime) missed_due = NULL;
  g_autoptr(GDateTime) next_due = NULL;
  g_autoptr(GError) error = NULL;
  static const char *wrong[] = { "q-single", "q-order", NULL };

  /* All right the first time: nothing of the session is queued. */
  {
    g_autoptr(RapportQuizSession) perfect = take_quiz (kinds, NULL);

    record_quiz (store, perfect, now);
    g_assert_true (rapport_review_get_session_due (store, perfect, &missed_due, &next_due, &error));
    g_assert_no_error (error);
    g_assert_null (missed_due);
    g_assert_null (next_due);
  }

  /* Two misses: back tomorrow; a question already in box 2 answered
   * rightly goes to box 3, in 7 days, and is not a miss.
   */
  {
    g_autoptr(RapportQuizSession) session = take_quiz (kinds, wrong);

    put_item (store, "kinds", "q-true", 2, now);
    record_quiz (store, session, now);
    assert_item (store, "kinds", "q-true", 3, in_7_days);
    g_assert_true (rapport_review_get_session_due (store, session, &missed_due, &next_due, &error));
    g_assert_no_error (error);
    assert_time (missed_due, tomorrow);
    assert_time (next_due, tomorrow);
    g_assert_cmpuint (rapport_review_days_until (missed_due, now, zone), ==, 1);
    g_clear_pointer (&missed_due, g_date_time_unref);
    g_clear_pointer (&next_due, g_date_time_unref);
  }

  /* Then all right: nothing missed; the misses of before climb to box 2,
   * due in 3 days, the first of the session's questions to come back.
   */
  {
    g_autoptr(RapportQuizSession) session = take_quiz (kinds, NULL);
    g_autoptr(GDateTime) in_3_days = local (2026, 7, 4, 0, 0);
    g_autoptr(GDateTime) in_14_days = local (2026, 7, 15, 0, 0);

    record_quiz (store, session, now);
    assert_item (store, "kinds", "q-true", 4, in_14_days);
    assert_item (store, "kinds", "q-order", 2, in_3_days);
    g_assert_true (rapport_review_get_session_due (store, session, &missed_due, &next_due, &error));
    g_assert_no_error (error);
    g_assert_null (missed_due);
    assert_time (next_due, in_3_days);
  }
}

/* The queue in the store */

static void
test_review_miss_then_climb (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("progress.db");
  g_autoptr(RapportQuizSession) session = NULL;
  g_autoptr(GDateTime) now = local (2026, 5, 4, 10, 0);
  static const struct { int d_month; int d_day; int box; int due_month; int due_day; } climb[] = {
    /* answered on            → box, due */
    { 5, 5,                     2, 5, 8 },    /* 3 days */
    { 5, 8,                     3, 5, 15 },   /* 7 days */
    { 5, 15,                    4, 5, 29 },   /* 14 days */
    { 5, 29,                    5, 6, 28 },   /* 30 days */
    { 6, 28,                    0, 0, 0 },    /* out */
  };

  session = take_quiz (kinds, (const char *[]) { "q-single", NULL });
  record_quiz (store, session, now);

  /* Only the miss is queued: box 1, at the start of tomorrow, local time. */
  g_assert_cmpuint (queue_length (store), ==, 1);
  {
    g_autoptr(GDateTime) tomorrow = local (2026, 5, 5, 0, 0);

    assert_item (store, "kinds", "q-single", 1, tomorrow);
  }

  for (guint i = 0; i < G_N_ELEMENTS (climb); i++)
    {
      /* Late in the evening, to show that due dates are whole days. */
      g_autoptr(GDateTime) answered = local (2026, climb[i].d_month, climb[i].d_day, 21, 45);
      g_autoptr(GDateTime) due = NULL;

      record (store, "q-single", TRUE, answered);
      if (climb[i].box != 0)
        due = local (2026, climb[i].due_month, climb[i].due_day, 0, 0);
      assert_item (store, "kinds", "q-single", climb[i].box, due);
    }

  g_assert_cmpuint (queue_length (store), ==, 0);
}

static void
test_review_miss_resets (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("progress.db");
  g_autoptr(GDateTime) later = local (2026, 9, 1, 0, 0);
  g_autoptr(GDateTime) now = local (2026, 6, 10, 8, 30);
  g_autoptr(GDateTime) tomorrow = local (2026, 6, 11, 0, 0);

  for (int box = 1; box <= RAPPORT_REVIEW_N_BOXES; box++)
    {
      put_item (store, "kinds", "q-single", box, later);
      record (store, "q-single", FALSE, now);
      assert_item (store, "kinds", "q-single", 1, tomorrow);
    }

  /* A miss of a question not queued yet also goes to box 1. */
  record (store, "q-true", FALSE, now);
  assert_item (store, "kinds", "q-true", 1, tomorrow);

  /* A success of a question not queued changes nothing. */
  record (store, "q-false", TRUE, now);
  assert_item (store, "kinds", "q-false", 0, NULL);
}

/* A quiz, not only a review, moves queued questions. */
static void
test_review_quiz_counts (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("progress.db");
  g_autoptr(RapportQuizSession) session = NULL;
  g_autoptr(GDateTime) now = local (2026, 7, 1, 14, 0);
  g_autoptr(GDateTime) not_due_yet = local (2026, 7, 3, 0, 0);
  g_autoptr(GDateTime) in_7_days = local (2026, 7, 8, 0, 0);
  g_autoptr(GDateTime) tomorrow = local (2026, 7, 2, 0, 0);

  put_item (store, "kinds", "q-single", 2, not_due_yet);    /* will be right */
  put_item (store, "kinds", "q-true", 5, not_due_yet);      /* will be right: leaves */
  put_item (store, "kinds", "q-order", 4, not_due_yet);     /* will be wrong */

  /* Partial credit (2 of 3 in q-multiple, 1 of 2 in q-scenario) is a miss. */
  session = rapport_quiz_session_new (kinds, NULL, SEED);
  for (guint i = 0; i < rapport_quiz_session_get_n_questions (session); i++)
    {
      const char *key = rapport_question_get_key (rapport_quiz_session_get_question (session, i));

      if (g_str_equal (key, "q-multiple"))
        rapport_quiz_session_answer (session, i, (guint[]) { 0, 1 }, 2);
      else if (g_str_equal (key, "q-scenario"))
        rapport_quiz_session_answer (session, i, (guint[]) { 0 }, 1);
      else
        answer_at (session, i, !g_str_equal (key, "q-order"));
    }
  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_FINISHED);

  record_quiz (store, session, now);

  assert_item (store, "kinds", "q-single", 3, in_7_days);
  assert_item (store, "kinds", "q-true", 0, NULL);
  assert_item (store, "kinds", "q-order", 1, tomorrow);
  assert_item (store, "kinds", "q-multiple", 1, tomorrow);
  assert_item (store, "kinds", "q-scenario", 1, tomorrow);
  g_assert_cmpuint (queue_length (store), ==, 4);

  /* Recording the same quiz again does not count it twice. */
  {
    g_autoptr(GDateTime) later = local (2026, 7, 1, 20, 0);

    record_quiz (store, session, later);
    assert_item (store, "kinds", "q-single", 3, in_7_days);
    g_assert_cmpuint (queue_length (store), ==, 4);
  }
}

static void
test_review_abandoned_quiz (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("progress.db");
  g_autoptr(RapportQuizSession) session = rapport_quiz_session_new (kinds, NULL, SEED);
  g_autoptr(GDateTime) now = local (2026, 7, 1, 14, 0);
  g_autoptr(GDateTime) due = local (2026, 7, 3, 0, 0);

  put_item (store, "kinds", "q-single", 2, due);

  /* Wrong answers, then the learner leaves: the queue does not change. */
  answer_at (session, rapport_unit_position_of (session, "q-single"), FALSE);
  answer_at (session, rapport_unit_position_of (session, "q-true"), FALSE);
  rapport_quiz_session_abandon (session);
  record_quiz (store, session, now);

  assert_item (store, "kinds", "q-single", 2, due);
  assert_item (store, "kinds", "q-true", 0, NULL);
}

static void
test_review_due_count (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("progress.db");
  g_autoptr(GDateTime) yesterday = local (2026, 8, 9, 0, 0);
  g_autoptr(GDateTime) today = local (2026, 8, 10, 0, 0);
  g_autoptr(GDateTime) this_evening = local (2026, 8, 10, 18, 0);
  g_autoptr(GDateTime) tomorrow = local (2026, 8, 11, 0, 0);
  g_autoptr(GDateTime) morning = local (2026, 8, 10, 9, 0);
  g_autoptr(GDateTime) last_second = g_date_time_new (zone, 2026, 8, 10, 23, 59, 59);
  g_autoptr(GDateTime) day_before = local (2026, 8, 8, 12, 0);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (count_due (store, morning, TRUE), ==, 0);

  put_item (store, "kinds", "q-single", 1, yesterday);
  put_item (store, "kinds", "q-true", 2, today);
  /* Due times fall at midnight, unless the learner changed time zone. */
  put_item (store, "bank", "b-1", 3, this_evening);
  put_item (store, "kinds", "q-order", 1, tomorrow);
  /* A topic that is not installed any more, and a question a new version dropped. */
  put_item (store, "gone", "q-single", 1, yesterday);
  g_assert_true (rapport_store_upsert_review_item (store, "org.example.other", "kinds", "q-single",
                                                   1, yesterday, &error));
  g_assert_no_error (error);
  put_item (store, "kinds", "q-dropped", 1, today);

  g_assert_cmpuint (count_due (store, day_before, TRUE), ==, 0);
  g_assert_cmpuint (count_due (store, morning, TRUE), ==, 3);
  g_assert_cmpuint (count_due (store, last_second, TRUE), ==, 3);
  g_assert_cmpuint (count_due (store, tomorrow, TRUE), ==, 4);
  /* Without a lookup, everything due counts. */
  g_assert_cmpuint (count_due (store, morning, FALSE), ==, 6);
}

/* Review sessions */

static void
test_review_session_mixed (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("progress.db");
  g_autoptr(RapportQuizSession) first = NULL;
  g_autoptr(RapportQuizSession) second = NULL;
  g_autoptr(RapportReviewSession) review = NULL;
  g_autoptr(RapportReviewSession) replay = NULL;
  g_autoptr(GDateTime) monday = local (2026, 9, 7, 11, 0);
  g_autoptr(GDateTime) tuesday = local (2026, 9, 8, 8, 0);
  g_autoptr(GDateTime) wednesday = local (2026, 9, 9, 0, 0);
  g_autoptr(GDateTime) friday = local (2026, 9, 11, 0, 0);
  g_autoptr(GHashTable) topics_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  RapportQuizSession *session;
  const char *all_kinds[] = { "q-single", "q-fixed", "q-multiple", "q-true", "q-false",
                              "q-scenario", "q-order", "q-pair", NULL };
  const char *some_bank[] = { "b-1", "b-2", "b-3", "b-4", "b-5", "b-6", "b-7", NULL };
  guint n_wrong_bank = 0;
  guint n_switches = 0;
  guint n;

  first = take_quiz (kinds, all_kinds);
  second = take_quiz (bank, some_bank);
  record_quiz (store, first, monday);
  record_quiz (store, second, monday);
  for (guint i = 0; i < rapport_quiz_session_get_n_questions (second); i++)
    if (!rapport_quiz_session_get_result (second, i)->correct)
      n_wrong_bank++;
  g_assert_cmpuint (n_wrong_bank, >, 0);
  g_assert_cmpuint (queue_length (store), ==, 8 + n_wrong_bank);

  /* Nothing is due on the day of the quiz. */
  review = rapport_review_session_new (store, lookup_topic, NULL, monday, zone, 0, SEED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_review_session_get_n_questions (review), ==, 0);
  session = rapport_review_session_get_quiz_session (review);
  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_FINISHED);
  g_clear_object (&review);

  /* The next day: every miss, from both topics, interleaved. */
  g_assert_cmpuint (count_due (store, tuesday, TRUE), ==, 8 + n_wrong_bank);
  review = rapport_review_session_new (store, lookup_topic, NULL, tuesday, zone, 0, SEED, &error);
  g_assert_no_error (error);
  n = rapport_review_session_get_n_questions (review);
  g_assert_cmpuint (n, ==, 8 + n_wrong_bank);

  session = rapport_review_session_get_quiz_session (review);
  g_assert_null (rapport_quiz_session_get_topic (session));
  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_IN_PROGRESS);
  for (guint i = 0; i < n; i++)
    {
      RapportTopic *topic = rapport_quiz_session_get_question_topic (session, i);
      RapportQuestion *question = rapport_quiz_session_get_question (session, i);
      RapportQuiz *quiz = rapport_topic_get_quiz (topic);

      g_assert_cmpstr (rapport_quiz_session_get_question_pack_id (session, i), ==, PACK_ID);
      g_assert_true (rapport_quiz_lookup_question (quiz, rapport_question_get_key (question))
                     == question);
      g_assert_cmpuint (rapport_review_session_get_box (review, i), ==, 1);
      g_hash_table_add (topics_seen, (gpointer) rapport_topic_get_key (topic));
      if (i > 0 && topic != rapport_quiz_session_get_question_topic (session, i - 1))
        n_switches++;
    }
  g_assert_cmpuint (g_hash_table_size (topics_seen), ==, 2);
  g_assert_cmpuint (n_switches, >, 1);

  /* The same seed gives the same review. */
  replay = rapport_review_session_new (store, lookup_topic, NULL, tuesday, zone, 0, SEED, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      RapportQuizSession *again = rapport_review_session_get_quiz_session (replay);

      g_assert_true (rapport_quiz_session_get_question (again, i)
                     == rapport_quiz_session_get_question (session, i));
    }

  /* Answer the first half right and the rest wrong; save half-way and at the end. */
  for (guint i = 0; i < n; i++)
    {
      answer_at (session, i, i < n / 2);
      if (i == 2)
        {
          g_assert_true (rapport_review_session_save (review, store, tuesday, zone, &error));
          g_assert_no_error (error);
        }
    }
  g_assert_cmpint (rapport_quiz_session_get_state (session), ==, RAPPORT_QUIZ_SESSION_FINISHED);
  g_assert_true (rapport_review_session_save (review, store, tuesday, zone, &error));
  g_assert_no_error (error);
  /* Saving again changes nothing. */
  g_assert_true (rapport_review_session_save (review, store, tuesday, zone, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    assert_item (store,
                 rapport_topic_get_key (rapport_quiz_session_get_question_topic (session, i)),
                 rapport_question_get_key (rapport_quiz_session_get_question (session, i)),
                 i < n / 2 ? 2 : 1,
                 i < n / 2 ? friday : wednesday);

  /* Nothing left for today. */
  g_assert_cmpuint (count_due (store, tuesday, TRUE), ==, 0);
}

static void
test_review_session_limit (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("progress.db");
  g_autoptr(RapportReviewSession) review = NULL;
  g_autoptr(GDateTime) now = local (2026, 10, 20, 12, 0);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  RapportQuizSession *session;

  /* b-1 is the longest overdue, b-14 the least. */
  for (int i = 1; i <= 14; i++)
    {
      g_autofree char *key = g_strdup_printf ("b-%d", i);
      g_autoptr(GDateTime) due = local (2026, 10, i, 0, 0);

      put_item (store, "bank", key, 1 + i % RAPPORT_REVIEW_N_BOXES, due);
    }

  review = rapport_review_session_new (store, lookup_topic, NULL, now, zone, 5, SEED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_review_session_get_n_questions (review), ==, 5);

  session = rapport_review_session_get_quiz_session (review);
  for (guint i = 0; i < 5; i++)
    {
      const char *key = rapport_question_get_key (rapport_quiz_session_get_question (session, i));
      int number = atoi (key + 2);

      g_assert_cmpint (number, >=, 1);
      g_assert_cmpint (number, <=, 5);
      g_assert_cmpuint (rapport_review_session_get_box (review, i), ==,
                        1 + number % RAPPORT_REVIEW_N_BOXES);
      g_hash_table_add (keys, (gpointer) key);
    }
  g_assert_cmpuint (g_hash_table_size (keys), ==, 5);
}

static void
test_review_session_skips_missing (void)
{
  g_autoptr(RapportStore) store = rapport_unit_open_store ("progress.db");
  g_autoptr(RapportReviewSession) review = NULL;
  g_autoptr(GDateTime) yesterday = local (2026, 11, 1, 0, 0);
  g_autoptr(GDateTime) now = local (2026, 11, 2, 9, 0);
  g_autoptr(GError) error = NULL;
  RapportQuizSession *session;

  put_item (store, "gone", "q-single", 1, yesterday);
  put_item (store, "kinds", "q-dropped", 2, yesterday);
  put_item (store, "kinds", "q-pair", 3, yesterday);

  review = rapport_review_session_new (store, lookup_topic, NULL, now, zone, 0, SEED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_review_session_get_n_questions (review), ==, 1);

  session = rapport_review_session_get_quiz_session (review);
  g_assert_cmpstr (rapport_question_get_key (rapport_quiz_session_get_question (session, 0)), ==,
                   "q-pair");
  g_assert_cmpuint (rapport_review_session_get_box (review, 0), ==, 3);

  /* The learner leaves without answering: saving changes nothing. */
  rapport_quiz_session_abandon (session);
  g_assert_true (rapport_review_session_save (review, store, now, zone, &error));
  g_assert_no_error (error);

  /* What could not be found stays queued, for when it comes back. */
  assert_item (store, "gone", "q-single", 1, yesterday);
  assert_item (store, "kinds", "q-dropped", 2, yesterday);
  assert_item (store, "kinds", "q-pair", 3, yesterday);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  loader = rapport_unit_new_loader ();
  kinds = rapport_unit_load_topic (loader, "quiz", "kinds.xml", PACK_ID);
  bank = rapport_unit_load_topic (loader, "quiz", "bank.xml", PACK_ID);
  zone = g_time_zone_new_identifier ("+02:00");
  g_assert_nonnull (zone);

  g_test_add_func ("/rapport/review/intervals", test_review_intervals);
  g_test_add_func ("/rapport/review/day-start", test_review_day_start);
  g_test_add_func ("/rapport/review/day-start-dst", test_review_day_start_dst);
  g_test_add_func ("/rapport/review/days-until", test_review_days_until);
  g_test_add_func ("/rapport/review/session-due", test_review_session_due);
  g_test_add_func ("/rapport/review/miss-then-climb", test_review_miss_then_climb);
  g_test_add_func ("/rapport/review/miss-resets", test_review_miss_resets);
  g_test_add_func ("/rapport/review/quiz-counts", test_review_quiz_counts);
  g_test_add_func ("/rapport/review/abandoned-quiz", test_review_abandoned_quiz);
  g_test_add_func ("/rapport/review/due-count", test_review_due_count);
  g_test_add_func ("/rapport/review/session-mixed", test_review_session_mixed);
  g_test_add_func ("/rapport/review/session-limit", test_review_session_limit);
  g_test_add_func ("/rapport/review/session-skips-missing", test_review_session_skips_missing);

  status = rapport_unit_run (bank, kinds, loader, NULL);
  g_clear_pointer (&zone, g_time_zone_unref);

  return status;
}
