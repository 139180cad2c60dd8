/* profile.c: rapport-bench-profile, a year of a learner's data (see bench/README.md)
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds, in an empty XDG_DATA_HOME, what Rapport holds after a year of
 * daily use, all of it through the code the app itself runs: lesson packs
 * built and installed as the Packs view installs them (profile-pack.c),
 * the course's and the packs' lessons read, a journal entry every day
 * (2 to 4 skills rated, tags, a paragraph), and quizzes taken a few times a
 * week through the quiz engine, with the review queue they feed.
 *
 * The data ends today, so that what the app computes about "now" (the
 * reviews due, the last seven days) is what a learner would see.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "profile.h"
#include "rapport-bench-common.h"
#include "rapport-catalog.h"
#include "rapport-pack-install.h"
#include "rapport-quiz-session.h"
#include "rapport-review.h"

static char *data_home;
static int n_packs = 10;
static int n_days = 365;
static int attempts_per_week = 3;
static int seed = 1;
static char **unread;
static gboolean verbose;

static const GOptionEntry options[] = {
  { "data-home", 'o', 0, G_OPTION_ARG_FILENAME, &data_home,
    "The XDG_DATA_HOME to fill; it must be empty or not exist", "DIR" },
  { "packs", 0, 0, G_OPTION_ARG_INT, &n_packs, "Lesson packs to install (default 10)", "N" },
  { "days", 0, 0, G_OPTION_ARG_INT, &n_days,
    "Days of use, one journal entry each, up to today (default 365)", "N" },
  { "attempts-per-week", 0, 0, G_OPTION_ARG_INT, &attempts_per_week,
    "Quiz attempts a week, on average (default 3)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the random choices (default 1)", "N" },
  { "leave-unread", 0, 0, G_OPTION_ARG_STRING_ARRAY, &unread,
    "A topic the learner never opens nor takes the quiz of (repeatable)", "PACK_ID:TOPIC_KEY" },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Say what is installed", NULL },
  { NULL }
};

typedef struct
{
  RapportStore *store;
  GRand        *rand;
  GTimeZone    *tz;
  GPtrArray    *topics;       /* of RapportTopic, in the order the learner takes them */
  guint         n_attempts;
  guint         n_abandoned;
  guint         n_lessons;
  guint         n_ratings;
} Profile;

static gboolean
is_empty_or_missing (const char *path)
{
  g_autoptr(GDir) dir = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  dir = g_dir_open (path, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) == NULL;
}

/* Day @day of the profile (0 is the oldest, @n_days - 1 today) at a random
 * working hour, 08:00 to 18:00 local time, in UTC.
 */
static GDateTime *
day_time (Profile *p,
          int      day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (p->tz);
  g_autoptr(GDateTime) midnight = g_date_time_new (p->tz, g_date_time_get_year (now),
                                                   g_date_time_get_month (now),
                                                   g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) date = g_date_time_add_days (midnight, day - (n_days - 1));
  g_autoptr(GDateTime) when = g_date_time_add_seconds (date, g_rand_int_range (p->rand, 8 * 3600,
                                                                                18 * 3600));

  /* Today's entry is in the morning, so that it is not in the future. */
  if (g_date_time_compare (when, now) > 0)
    return g_date_time_to_utc (midnight);

  return g_date_time_to_utc (when);
}

static void
read_lessons (Profile      *p,
              RapportTopic *topic,
              GDateTime    *when)
{
  GListModel *lessons = rapport_topic_get_lessons (topic);
  const char *pack_id = rapport_topic_get_pack_id (topic);
  const char *topic_key = rapport_topic_get_key (topic);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(RapportLesson) lesson = g_list_model_get_item (lessons, i);
      const char *key = rapport_lesson_get_key (lesson);
      g_autoptr(GDateTime) done = g_date_time_add_minutes (when, (int) (i + 1) * 6);

      if (!rapport_store_mark_lesson_opened (p->store, pack_id, topic_key, key, when, &error) ||
          !rapport_store_set_lesson_position (p->store, pack_id, topic_key, key, 1.0, &error) ||
          !rapport_store_mark_lesson_completed (p->store, pack_id, topic_key, key, done, &error))
        rapport_bench_die ("recording a lesson", error);
      p->n_lessons++;
    }
}

/* The learner's answer to @question: right with probability @skill,
 * otherwise one of the wrong answers of its kind.
 */
static guint
make_answer (Profile         *p,
             RapportQuestion *question,
             double           skill,
             guint           *answer)
{
  gboolean right = g_rand_double (p->rand) < skill;
  guint n_choices = rapport_question_get_n_choices (question);
  guint n = 0;

  switch (rapport_question_get_question_type (question))
    {
    case RAPPORT_QUESTION_TRUEFALSE:
      answer[n++] = rapport_question_get_answer (question) == right ? RAPPORT_QUIZ_TRUE : RAPPORT_QUIZ_FALSE;
      break;

    case RAPPORT_QUESTION_SINGLE:
    case RAPPORT_QUESTION_SCENARIO:
      {
        guint best = 0;

        for (guint i = 0; i < n_choices; i++)
          {
            RapportChoice *choice = rapport_question_get_choice (question, i);
            RapportChoice *best_choice = rapport_question_get_choice (question, best);

            if (rapport_choice_get_correct (choice) ||
                rapport_choice_get_score (choice) > rapport_choice_get_score (best_choice))
              best = i;
          }
        answer[n++] = right ? best : (best + 1 + g_rand_int_range (p->rand, 0, (gint32) n_choices - 1)) % n_choices;
        break;
      }

    case RAPPORT_QUESTION_MULTIPLE:
      {
        guint flip = right ? G_MAXUINT : (guint) g_rand_int_range (p->rand, 0, (gint32) n_choices);

        for (guint i = 0; i < n_choices; i++)
          if (rapport_choice_get_correct (rapport_question_get_choice (question, i)) != (i == flip))
            answer[n++] = i;
        break;
      }

    case RAPPORT_QUESTION_ORDERING:
      {
        guint n_steps = rapport_question_get_n_steps (question);

        for (n = 0; n < n_steps; n++)
          answer[n] = n;
        if (!right && n_steps > 1)
          {
            guint i = g_rand_int_range (p->rand, 0, (gint32) n_steps - 1);
            guint step = answer[i];

            answer[i] = answer[i + 1];
            answer[i + 1] = step;
          }
        break;
      }

    default:
      g_assert_not_reached ();
    }

  return n;
}

/* A quiz taken on @when, with answers that get better over the year; one
 * in ten is left before the end.
 */
static void
take_quiz (Profile      *p,
           RapportTopic *topic,
           GDateTime    *when,
           double        skill)
{
  g_autoptr(RapportQuizSession) session = NULL;
  g_autoptr(RapportStoreAttempt) attempt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean abandon = g_rand_int_range (p->rand, 0, 10) == 0;
  guint n_questions;

  session = rapport_quiz_session_new (topic, rapport_topic_get_pack_id (topic), g_rand_int (p->rand));
  n_questions = rapport_quiz_session_get_n_questions (session);

  for (guint i = 0; i < n_questions; i++)
    {
      RapportQuestion *question = rapport_quiz_session_get_question (session, i);
      guint answer[64];
      guint n;

      if (abandon && i == n_questions / 2)
        {
          rapport_quiz_session_abandon (session);
          break;
        }
      g_assert (rapport_question_get_n_choices (question) <= G_N_ELEMENTS (answer) &&
                rapport_question_get_n_steps (question) <= G_N_ELEMENTS (answer));
      n = make_answer (p, question, skill, answer);
      if (rapport_quiz_session_answer (session, i, answer, n) == NULL)
        g_error ("the quiz engine refused an answer to %s", rapport_question_get_key (question));
    }

  /* The record as the quiz page writes it, at the time of the profile. */
  attempt = rapport_quiz_session_to_store_attempt (session);
  g_date_time_unref (attempt->started);
  g_date_time_unref (attempt->finished);
  attempt->started = g_date_time_add_minutes (when, -g_rand_int_range (p->rand, 3, 12));
  attempt->finished = g_date_time_ref (when);
  if (!rapport_store_add_quiz_attempt (p->store, attempt, &error) ||
      !rapport_review_record_quiz (p->store, session, when, p->tz, &error))
    rapport_bench_die ("saving a quiz attempt", error);

  p->n_attempts++;
  p->n_abandoned += abandon;
}

/* Each day: the next topic's lessons when it is time for it (the learner
 * goes through every topic once over the year), a journal entry, and now
 * and then a quiz on one of the topics read so far, most often the newest.
 */
static void
live_the_year (Profile *p)
{
  guint n_topics = p->topics->len;
  guint n_read = 0;

  for (int day = 0; day < n_days; day++)
    {
      g_autoptr(GDateTime) when = day_time (p, day);
      g_autoptr(GDateTime) after_work = g_date_time_add_minutes (when, 30);
      g_autoptr(RapportStoreEntry) entry = NULL;
      g_autoptr(GError) error = NULL;
      double year = (double) day / MAX (1, n_days - 1);
      guint due = MIN (n_topics, (guint) ((day + 1) * (gint64) n_topics / n_days) + 1);

      while (n_read < due)
        read_lessons (p, p->topics->pdata[n_read++], when);

      entry = rapport_bench_make_rated_entry (p->rand, after_work, g_rand_int_range (p->rand, 2, 5));
      if (!rapport_store_save_journal_entry (p->store, entry, &error))
        rapport_bench_die ("saving a journal entry", error);
      p->n_ratings += entry->ratings->len;

      if (g_rand_int_range (p->rand, 0, 7) < attempts_per_week)
        {
          guint newest = n_read - 1;
          guint topic = g_rand_boolean (p->rand) ? newest : (guint) g_rand_int_range (p->rand, 0, (gint32) n_read);
          g_autoptr(GDateTime) quiz_time = g_date_time_add_minutes (when, 10);

          take_quiz (p, p->topics->pdata[topic], quiz_time, 0.55 + 0.35 * year);
        }
    }
}

/* The course first, then the packs, as the app lists them. */
static RapportCatalog *
load_catalog (const char         *data_dir,
              RapportTopicLoader *loader)
{
  g_autoptr(RapportCatalog) catalog = rapport_catalog_new ();
  g_autofree char *core = rapport_catalog_find_core_pack ();
  g_auto(GStrv) installed = rapport_pack_list_installed_folders (data_dir);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) folders = NULL;
  g_autoptr(GError) error = NULL;

  g_strv_builder_add (builder, core);
  if (installed != NULL)
    g_strv_builder_addv (builder, (const char **) installed);
  folders = g_strv_builder_end (builder);

  rapport_catalog_set_loader (catalog, loader);
  if (!rapport_catalog_load (catalog, (const char * const *) folders, &error))
    rapport_bench_die ("loading the course and the packs", error);
  if (rapport_catalog_get_problems (catalog)->len > 0)
    {
      g_autofree char *problem = rapport_problem_to_string (rapport_catalog_get_problems (catalog)->pdata[0]);

      g_printerr ("rapport-bench-profile: the catalog has problems, the first: %s\n", problem);
      exit (1);
    }

  return g_steal_pointer (&catalog);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(RapportTopicLoader) loader = NULL;
  g_autoptr(RapportCatalog) catalog = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *store_path = NULL;
  g_autofree char *work_dir = NULL;
  GListModel *topics;
  Profile p = { 0 };
  GStatBuf st;
  double t0;

  rapport_bench_init ("rapport-bench-profile", "- a year of a learner's data", options, &argc, &argv);
  if (data_home == NULL)
    {
      g_printerr ("rapport-bench-profile: give the folder to fill with --data-home DIR\n");
      return 2;
    }
  if (n_packs < 0 || n_days < 1 || attempts_per_week < 0 || attempts_per_week > 7)
    {
      g_printerr ("rapport-bench-profile: --packs must be 0 or more, --days 1 or more, "
                  "--attempts-per-week 0 to 7\n");
      return 2;
    }
  if (!is_empty_or_missing (data_home))
    {
      g_printerr ("rapport-bench-profile: %s is not empty; give an empty or new folder\n", data_home);
      return 1;
    }

  /* Before anything asks GLib for the user's folders, which it reads once. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (g_getenv ("RAPPORT_CORE_PACK") == NULL)
    g_setenv ("RAPPORT_CORE_PACK", BENCH_DATADIR "/packs/core", TRUE);

  t0 = rapport_bench_wall_ms ();
  data_dir = g_build_filename (data_home, "rapport", NULL);
  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      g_printerr ("rapport-bench-profile: cannot create %s\n", data_dir);
      return 1;
    }
  store_path = g_build_filename (data_dir, "progress.db", NULL);
  store = rapport_bench_open_store (store_path);
  loader = rapport_topic_loader_new_from_file (BENCH_DATADIR "/rapport-topic.rng", &error);
  if (loader == NULL)
    rapport_bench_die ("compiling the topic schema", error);

  work_dir = g_dir_make_tmp ("rapport-bench-profile-XXXXXX", &error);
  if (work_dir == NULL)
    rapport_bench_die ("temporary folder", error);
  profile_install_packs (data_dir, work_dir, store, loader, (guint) n_packs, verbose);
  rapport_bench_remove_tree (work_dir);

  catalog = load_catalog (data_dir, loader);
  topics = rapport_catalog_get_topics (catalog);
  p.store = store;
  p.rand = g_rand_new_with_seed ((guint32) seed);
  p.tz = g_time_zone_new_local ();
  p.topics = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, i);
      g_autofree char *name = g_strdup_printf ("%s:%s", rapport_topic_get_pack_id (topic),
                                               rapport_topic_get_key (topic));

      if (unread == NULL || !g_strv_contains ((const char * const *) unread, name))
        g_ptr_array_add (p.topics, g_steal_pointer (&topic));
    }
  if (unread != NULL && p.topics->len + g_strv_length (unread) != g_list_model_get_n_items (topics))
    {
      g_printerr ("rapport-bench-profile: --leave-unread names a topic that is not installed\n");
      return 1;
    }

  rapport_bench_bulk_begin (store);
  live_the_year (&p);
  rapport_bench_bulk_end (store);
  g_clear_object (&store);

  if (g_stat (store_path, &st) != 0)
    st.st_size = 0;
  printf ("Profile in %s (%.1f s): the course and %d packs (%u topics, %u read), %u lessons read, "
          "%d journal entries (%u ratings), %u quiz attempts (%u abandoned); progress.db %.1f MiB\n",
          data_home, (rapport_bench_wall_ms () - t0) / 1000.0, n_packs,
          g_list_model_get_n_items (topics), p.topics->len, p.n_lessons,
          n_days, p.n_ratings, p.n_attempts, p.n_abandoned, st.st_size / (1024.0 * 1024.0));

  g_ptr_array_unref (p.topics);
  g_time_zone_unref (p.tz);
  g_rand_free (p.rand);

  return 0;
}
