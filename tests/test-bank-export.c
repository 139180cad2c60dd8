/* test-bank-export.c: loaded topics written out as Moodle banks (GIFT and
 * Moodle XML) and read back by the bank import, question by question; the
 * core course in both formats; and `rapport-pack export` as a trainer runs it.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "rapport-bank-export.h"
#include "rapport-bank-writer.h"
#include "rapport-pack.h"
#include "rapport-unit-utils.h"

static RapportTopicLoader *loader;

/* Import, as test-banks.c does it */

/* A bank read, written as topics and loaded by the app's loader; every
 * question of the bank comes through (nothing skipped).
 */
static GListStore *
import_bank (GBytes     *bytes,
             const char *name)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportBank) bank = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  RapportBankWriteOptions options = { .language = "en" };
  GListStore *topics = g_list_store_new (RAPPORT_TYPE_TOPIC);

  bank = rapport_bank_read (bytes, name, problems, &error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((RapportProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_no_error (error);
  g_assert_nonnull (bank);
  g_assert_cmpuint (problems->len, ==, 0);

  written = rapport_bank_write (bank, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < bank->skipped->len; i++)
    g_test_message ("skipped: %s", ((RapportBankNote *) g_ptr_array_index (bank->skipped, i))->message);

  for (guint i = 0; i < written->len; i++)
    {
      RapportBankTopic *topic = g_ptr_array_index (written, i);
      g_autoptr(GPtrArray) load_problems = rapport_problem_list_new ();
      g_autoptr(RapportTopic) loaded = NULL;

      loaded = rapport_topic_loader_load_from_bytes (loader, topic->xml, topic->file, NULL,
                                                     load_problems, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (load_problems->len, ==, 0);
      g_list_store_append (topics, loaded);
    }

  return topics;
}

static GListStore *
import_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "banks", name, NULL);
  g_autoptr(GBytes) bytes = rapport_unit_read_bytes (path);

  return import_bank (bytes, name);
}

static guint
count_questions (GListModel *topics,
                 guint      *n_ordering)
{
  guint n = 0;

  if (n_ordering != NULL)
    *n_ordering = 0;

  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, t);
      RapportQuiz *quiz = rapport_topic_get_quiz (topic);
      GListModel *questions = quiz != NULL ? rapport_quiz_get_questions (quiz) : NULL;

      for (guint i = 0; questions != NULL && i < g_list_model_get_n_items (questions); i++)
        {
          g_autoptr(RapportQuestion) question = g_list_model_get_item (questions, i);

          n++;
          if (n_ordering != NULL &&
              rapport_question_get_question_type (question) == RAPPORT_QUESTION_ORDERING)
            (*n_ordering)++;
        }
    }

  return n;
}

/* Comparing */

static char *
markup_or_empty (RapportInline *text)
{
  return text != NULL ? rapport_inline_to_markup (text) : g_strdup ("");
}

#define assert_same_text(a, b) \
  G_STMT_START { \
    g_autofree char *a_ = markup_or_empty (a); \
    g_autofree char *b_ = markup_or_empty (b); \
    g_assert_cmpstr (b_, ==, a_); \
  } G_STMT_END

static void
assert_same_question (RapportQuestion *a,
                      RapportQuestion *b,
                      gboolean         gift)
{
  RapportQuestionType type = rapport_question_get_question_type (a);

  g_test_message ("question %s", rapport_question_get_key (a));
  g_assert_cmpstr (rapport_question_get_key (b), ==, rapport_question_get_key (a));
  g_assert_cmpint (rapport_question_get_question_type (b), ==, type);
  assert_same_text (rapport_question_get_prompt (a), rapport_question_get_prompt (b));
  assert_same_text (rapport_question_get_explanation (a), rapport_question_get_explanation (b));

  switch (type)
    {
    case RAPPORT_QUESTION_SINGLE:
    case RAPPORT_QUESTION_MULTIPLE:
    case RAPPORT_QUESTION_SCENARIO:
      if (!gift)
        g_assert_cmpint (rapport_question_get_fixed_order (b), ==,
                         rapport_question_get_fixed_order (a));
      g_assert_cmpuint (rapport_question_get_n_choices (b), ==, rapport_question_get_n_choices (a));
      for (guint i = 0; i < rapport_question_get_n_choices (a); i++)
        {
          RapportChoice *ca = rapport_question_get_choice (a, i);
          RapportChoice *cb = rapport_question_get_choice (b, i);

          assert_same_text (rapport_choice_get_text (ca), rapport_choice_get_text (cb));
          g_assert_cmpint (rapport_choice_get_correct (cb), ==, rapport_choice_get_correct (ca));
          assert_same_text (rapport_choice_get_feedback (ca), rapport_choice_get_feedback (cb));
        }
      break;
    case RAPPORT_QUESTION_TRUEFALSE:
      g_assert_cmpint (rapport_question_get_answer (b), ==, rapport_question_get_answer (a));
      assert_same_text (rapport_question_get_feedback_true (a),
                        rapport_question_get_feedback_true (b));
      assert_same_text (rapport_question_get_feedback_false (a),
                        rapport_question_get_feedback_false (b));
      break;
    case RAPPORT_QUESTION_ORDERING:
      g_assert_false (gift);
      g_assert_cmpuint (rapport_question_get_n_steps (b), ==, rapport_question_get_n_steps (a));
      for (guint i = 0; i < rapport_question_get_n_steps (a); i++)
        assert_same_text (rapport_question_get_step (a, i), rapport_question_get_step (b, i));
      break;
    case RAPPORT_QUESTION_MATCHING:
      g_assert_cmpuint (rapport_question_get_n_pairs (b), ==, rapport_question_get_n_pairs (a));
      g_assert_cmpuint (rapport_question_get_n_options (b), ==, rapport_question_get_n_options (a));
      for (guint i = 0; i < rapport_question_get_n_pairs (a); i++)
        {
          assert_same_text (rapport_question_get_pair_left (a, i),
                            rapport_question_get_pair_left (b, i));
          g_assert_cmpstr (rapport_question_get_option (b, rapport_question_get_pair_option (b, i)),
                           ==,
                           rapport_question_get_option (a, rapport_question_get_pair_option (a, i)));
        }
      for (guint i = 0; i < rapport_question_get_n_options (a); i++)
        g_assert_cmpstr (rapport_question_get_option (b, i), ==, rapport_question_get_option (a, i));
      break;
    case RAPPORT_QUESTION_SHORT:
    case RAPPORT_QUESTION_NUMERIC:
      /* GIFT has no case-sensitive short answers: reported, and lost. */
      if (gift)
        g_assert_false (rapport_question_get_case_sensitive (b));
      else
        g_assert_cmpint (rapport_question_get_case_sensitive (b), ==,
                         rapport_question_get_case_sensitive (a));
      g_assert_cmpuint (rapport_question_get_n_accepts (b), ==, rapport_question_get_n_accepts (a));
      for (guint i = 0; i < rapport_question_get_n_accepts (a); i++)
        {
          RapportAccept *xa = rapport_question_get_accept (a, i);
          RapportAccept *xb = rapport_question_get_accept (b, i);

          g_assert_cmpstr (rapport_accept_get_text (xb), ==, rapport_accept_get_text (xa));
          g_assert_cmpfloat_with_epsilon (rapport_accept_get_value (xb),
                                          rapport_accept_get_value (xa), 1e-12);
          g_assert_cmpfloat_with_epsilon (rapport_accept_get_tolerance (xb),
                                          rapport_accept_get_tolerance (xa), 1e-12);
          assert_same_text (rapport_accept_get_feedback (xa), rapport_accept_get_feedback (xb));
        }
      assert_same_text (rapport_question_get_feedback_other (a),
                        rapport_question_get_feedback_other (b));
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *text)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = rapport_problem_to_string (g_ptr_array_index (problems, i));

      if (strstr (line, text) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Exports @topics in @format, reads the export back, and checks every
 * question: the same, in the same topic and order; in GIFT the ordering
 * questions are reported and missing. Returns how many were compared.
 */
static guint
round_trip (GListModel        *topics,
            RapportBankFormat  format)
{
  gboolean gift = format == RAPPORT_BANK_GIFT;
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GListStore) back = NULL;
  guint n_exported = 0;
  guint n_left_out = 0;
  guint n_ordering = 0;
  guint n_case = 0;
  guint n_compared = 0;
  guint n_topics;

  bytes = rapport_bank_export (topics, format, problems, &n_exported, &n_left_out);
  g_test_message ("%.*s", (int) g_bytes_get_size (bytes), (const char *) g_bytes_get_data (bytes, NULL));
  back = import_bank (bytes, gift ? "export.gift" : "export.xml");

  count_questions (topics, &n_ordering);
  n_topics = g_list_model_get_n_items (topics);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (back)), ==, n_topics);
  for (guint t = 0; t < n_topics; t++)
    {
      g_autoptr(RapportTopic) a = g_list_model_get_item (topics, t);
      g_autoptr(RapportTopic) b = g_list_model_get_item (G_LIST_MODEL (back), t);
      GListModel *qa = rapport_quiz_get_questions (rapport_topic_get_quiz (a));
      GListModel *qb = rapport_quiz_get_questions (rapport_topic_get_quiz (b));
      guint j = 0;

      g_assert_cmpstr (rapport_topic_get_title (b), ==, rapport_topic_get_title (a));
      for (guint i = 0; i < g_list_model_get_n_items (qa); i++)
        {
          g_autoptr(RapportQuestion) question = g_list_model_get_item (qa, i);
          g_autoptr(RapportQuestion) other = NULL;
          g_autofree char *reported = g_strdup_printf ("Question “%s”: ",
                                                       rapport_question_get_key (question));

          if (gift && rapport_question_get_question_type (question) == RAPPORT_QUESTION_ORDERING)
            {
              g_assert_true (has_problem (problems, reported));
              continue;
            }
          if (gift && rapport_question_get_question_type (question) == RAPPORT_QUESTION_SHORT &&
              rapport_question_get_case_sensitive (question))
            {
              g_assert_true (has_problem (problems, reported));
              n_case++;
            }

          g_assert_cmpuint (j, <, g_list_model_get_n_items (qb));
          other = g_list_model_get_item (qb, j++);
          assert_same_question (question, other, gift);
          n_compared++;
        }
      g_assert_cmpuint (j, ==, g_list_model_get_n_items (qb));
    }

  g_assert_cmpuint (n_exported, ==, n_compared);
  g_assert_cmpuint (n_left_out, ==, gift ? n_ordering : 0);
  g_assert_cmpuint (problems->len, ==, gift ? n_ordering + n_case : 0);

  return n_compared;
}

static void
test_round_trip_gift_bank (void)
{
  g_autoptr(GListStore) topics = import_fixture ("every-construct.gift");

  g_assert_cmpuint (count_questions (G_LIST_MODEL (topics), NULL), ==, 14);
  g_assert_cmpuint (round_trip (G_LIST_MODEL (topics), RAPPORT_BANK_GIFT), ==, 14);
  g_assert_cmpuint (round_trip (G_LIST_MODEL (topics), RAPPORT_BANK_MOODLE_XML), ==, 14);
}

static void
test_round_trip_moodle_bank (void)
{
  g_autoptr(GListStore) topics = import_fixture ("every-construct.xml");
  guint n_ordering = 0;
  guint n = count_questions (G_LIST_MODEL (topics), &n_ordering);

  g_assert_cmpuint (n_ordering, ==, 1);
  g_assert_cmpuint (round_trip (G_LIST_MODEL (topics), RAPPORT_BANK_MOODLE_XML), ==, n);
  g_assert_cmpuint (round_trip (G_LIST_MODEL (topics), RAPPORT_BANK_GIFT), ==, n - n_ordering);
}

/* The core course: every question comes back, but GIFT's ordering ones. */
static void
test_core_course (void)
{
  g_autoptr(RapportPack) pack = rapport_unit_load_core_pack ();
  GListModel *topics = rapport_pack_get_topics (pack);
  guint n_ordering = 0;
  guint n = count_questions (topics, &n_ordering);

  g_assert_cmpuint (n, >, 100);
  g_assert_cmpuint (n_ordering, >, 0);

  for (guint f = 0; f < 2; f++)
    {
      RapportBankFormat format = f == 0 ? RAPPORT_BANK_GIFT : RAPPORT_BANK_MOODLE_XML;
      g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
      g_autoptr(GBytes) bytes = rapport_bank_export (topics, format, problems, NULL, NULL);
      g_autoptr(GListStore) back = import_bank (bytes, f == 0 ? "core.gift" : "core.xml");

      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (back)), ==,
                        g_list_model_get_n_items (topics));
      g_assert_cmpuint (count_questions (G_LIST_MODEL (back), NULL), ==,
                        format == RAPPORT_BANK_GIFT ? n - n_ordering : n);
    }
}

/* The tool */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
run_export (Result             *result,
            const char * const *args)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) command = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_strv_builder_add (argv, g_getenv ("RAPPORT_PACK_BINARY"));
  g_strv_builder_add (argv, "export");
  g_strv_builder_addv (argv, (const char **) args);
  command = g_strv_builder_end (argv);

  g_assert_true (g_spawn_sync (NULL, command, NULL, G_SPAWN_DEFAULT, NULL, NULL, &result->out,
                               &result->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);

  g_test_message ("exit %d\nstdout: %s\nstderr: %s", result->status, result->out, result->err);
}

static guint
count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

static void
test_tool (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("export-XXXXXX", &error);
  g_autofree char *gift = g_build_filename (folder, "core.gift", NULL);
  g_autofree char *xml = g_build_filename (folder, "communication.xml", NULL);
  g_autofree char *kept = g_build_filename (folder, "kept.gift", NULL);
  g_autofree char *topic = g_build_filename (g_getenv ("RAPPORT_CORE_PACK"), "topics",
                                             "communication.xml", NULL);
  g_autofree char *missing = g_build_filename (folder, "no-such-topic.xml", NULL);
  g_autofree char *contents = NULL;
  const char *core = g_getenv ("RAPPORT_CORE_PACK");

  g_assert_no_error (error);

  /* The pack as GIFT: written, the ordering questions listed as left out. */
  {
    g_auto(Result) r = { 0 };

    run_export (&r, (const char *[]) { "--format", "gift", core, "-o", gift, NULL });
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_get_contents (gift, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "// Exported from Rapport."));
    g_assert_nonnull (strstr (contents, "$CATEGORY: $course$/top/"));
    g_assert_nonnull (strstr (r.err, "communication.xml: Question “"));
    g_assert_nonnull (strstr (r.err, "GIFT has no ordering questions"));
    g_assert_nonnull (strstr (r.out, "exported"));
    g_clear_pointer (&contents, g_free);
  }

  /* A topic file as Moodle XML: nothing left out. */
  {
    g_auto(Result) r = { 0 };

    run_export (&r, (const char *[]) { "--format", "moodle", topic, "-o", xml, NULL });
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err, ==, "");
    g_assert_true (g_file_get_contents (xml, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "<question type=\"ordering\">"));
    g_clear_pointer (&contents, g_free);
  }

  /* An existing file is never replaced, and nothing is left beside it. */
  g_assert_true (g_file_set_contents (kept, "keep me\n", -1, NULL));
  {
    g_auto(Result) r = { 0 };

    run_export (&r, (const char *[]) { "--format", "gift", core, "-o", kept, NULL });
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "exists already"));
    g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "keep me\n");
    g_assert_cmpuint (count_entries (folder), ==, 3);
    g_clear_pointer (&contents, g_free);
  }

  /* An invalid PATH: 1, and no file. */
  {
    g_auto(Result) r = { 0 };
    g_autofree char *output = g_build_filename (folder, "never.gift", NULL);

    run_export (&r, (const char *[]) { "--format", "gift", missing, "-o", output, NULL });
    g_assert_cmpint (r.status, ==, 1);
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  }

  /* Wrong command lines: 2, and no file. */
  {
    const char *never = "never.gift";
    g_autofree char *output = g_build_filename (folder, never, NULL);
    const char * const *lines[] = {
      (const char *[]) { "--format", "docx", core, "-o", output, NULL },
      (const char *[]) { core, "-o", output, NULL },
      (const char *[]) { "--format", "gift", core, NULL },
      (const char *[]) { "--format", "gift", "-o", output, NULL },
      (const char *[]) { "--format", "gift", core, core, "-o", output, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
      {
        g_auto(Result) r = { 0 };

        run_export (&r, lines[i]);
        g_assert_cmpint (r.status, ==, 2);
        g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
      }
  }

  g_assert_cmpuint (count_entries (folder), ==, 3);
  remove_folder (folder);
}

/* A topic whose only question is an ordering one has nothing for GIFT:
 * exit 1 and no file; Moodle XML takes it.
 */
static void
test_tool_nothing (void)
{
  static const char bank_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"
    "<question type=\"category\"><category><text>$course$/top/Steps</text></category>"
    "</question>\n"
    "<question type=\"ordering\"><name><text>Call steps</text></name>"
    "<questiontext format=\"html\"><text>Put the steps in order.</text></questiontext>"
    "<answer fraction=\"1\"><text>Greet.</text></answer>"
    "<answer fraction=\"2\"><text>Listen.</text></answer>"
    "<answer fraction=\"3\"><text>Help.</text></answer></question>\n</quiz>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (bank_xml, sizeof bank_xml - 1);
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportBank) bank = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("export-XXXXXX", &error);
  g_autofree char *topic = g_build_filename (folder, "steps.xml", NULL);
  g_autofree char *gift = g_build_filename (folder, "steps.gift", NULL);
  g_autofree char *xml = g_build_filename (folder, "steps-moodle.xml", NULL);
  RapportBankWriteOptions options = { .language = "en" };
  RapportBankTopic *made;

  g_assert_no_error (error);
  bank = rapport_bank_read (bytes, "steps.xml", problems, &error);
  g_assert_no_error (error);
  written = rapport_bank_write (bank, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 1);
  made = g_ptr_array_index (written, 0);
  g_assert_cmpuint (made->n_questions, ==, 1);
  g_assert_true (g_file_set_contents (topic, g_bytes_get_data (made->xml, NULL),
                                      g_bytes_get_size (made->xml), NULL));

  {
    g_auto(Result) r = { 0 };

    run_export (&r, (const char *[]) { "--format", "gift", topic, "-o", gift, NULL });
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "steps.xml: Question “call-steps”: GIFT has no ordering"));
    g_assert_nonnull (strstr (r.err, "nothing was written"));
    g_assert_false (g_file_test (gift, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (count_entries (folder), ==, 1);
  }

  {
    g_auto(Result) r = { 0 };

    run_export (&r, (const char *[]) { "--format", "moodle", topic, "-o", xml, NULL });
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_test (xml, G_FILE_TEST_IS_REGULAR));
  }

  remove_folder (folder);
}

/* Saving refuses an existing file and leaves no temporary file. */
static void
test_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (folder, "bank.gift", NULL);
  g_autoptr(GBytes) first = g_bytes_new_static ("first\n", 6);
  g_autoptr(GBytes) second = g_bytes_new_static ("second\n", 7);
  g_autofree char *contents = NULL;

  g_assert_true (rapport_bank_export_save (path, first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_unit_mode_of (path) & 0777, ==, 0644);

  g_assert_false (rapport_bank_export_save (path, second, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "first\n");
  g_assert_cmpuint (count_entries (folder), ==, 1);

  remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  loader = rapport_unit_new_loader ();

  g_test_add_func ("/rapport/bank-export/round-trip/gift-bank", test_round_trip_gift_bank);
  g_test_add_func ("/rapport/bank-export/round-trip/moodle-bank", test_round_trip_moodle_bank);
  g_test_add_func ("/rapport/bank-export/core-course", test_core_course);
  g_test_add_func ("/rapport/bank-export/save", test_save);
  g_test_add_func ("/rapport/bank-export/tool", test_tool);
  g_test_add_func ("/rapport/bank-export/tool-nothing", test_tool_nothing);

  return rapport_unit_run (loader, NULL);
}
