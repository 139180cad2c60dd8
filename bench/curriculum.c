/* curriculum.c: how long loading the built-in curriculum takes, against xmllint.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Rapport loads its course at start-up through the hardened loader: size cap,
 * DOCTYPE scan, libxml2 parse, RELAX NG validation and its own checks, for
 * every topic of the pack. This measures that, schema compilation included,
 * and compares it with the plainest way to do the schema part alone:
 * `xmllint --noout --relaxng data/rapport-topic.rng <all topic files>`.
 * See bench/README.md.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rapport-pack.h"

#define TARGET_RATIO 1.5

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);

  if (times->len % 2 == 1)
    return g_array_index (times, double, times->len / 2);

  return (g_array_index (times, double, times->len / 2 - 1) +
          g_array_index (times, double, times->len / 2)) / 2;
}

static gboolean
load_once (const char  *schema,
           const char  *pack_dir,
           double      *seconds,
           guint       *n_topics,
           GError     **error)
{
  g_autoptr(RapportTopicLoader) loader = NULL;
  g_autoptr(RapportPack) pack = NULL;
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  gint64 start = g_get_monotonic_time ();

  loader = rapport_topic_loader_new_from_file (schema, error);
  if (loader == NULL)
    return FALSE;

  pack = rapport_pack_load_folder (pack_dir, loader, problems, error);
  if (pack == NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = rapport_problem_to_string (g_ptr_array_index (problems, i));

          g_printerr ("%s\n", line);
        }
      return FALSE;
    }

  *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  *n_topics = g_list_model_get_n_items (rapport_pack_get_topics (pack));

  return TRUE;
}

static gboolean
xmllint_once (GPtrArray  *argv,
              double     *seconds,
              GError    **error)
{
  gint64 start = g_get_monotonic_time ();
  g_autofree char *err = NULL;
  int wait_status;

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                     G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &wait_status, error))
    return FALSE;

  *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  if (!g_spawn_check_wait_status (wait_status, error))
    {
      g_printerr ("%s", err);
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *schema = g_build_filename (BENCH_DATADIR, "rapport-topic.rng", NULL);
  g_autofree char *pack_dir = g_build_filename (BENCH_DATADIR, "packs", "core", NULL);
  g_autofree char *xmllint = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) xmllint_argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) load_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) xmllint_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(RapportPack) manifest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *manifest_path = NULL;
  g_autofree char *manifest_text = NULL;
  gsize manifest_length = 0;
  int runs = 15;
  double load_median, xmllint_median, ratio;
  guint n_topics = 0;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Measured runs of each (default 15)", "N" },
    { "schema", 0, 0, G_OPTION_ARG_FILENAME, &schema, "The topic schema", "FILE" },
    { "pack", 0, 0, G_OPTION_ARG_FILENAME, &pack_dir, "The pack folder (default: the core pack)", "DIR" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "Loads and validates the core pack N times through Rapport's loader "
                                "and runs xmllint --relaxng on the same files N times; prints both "
                                "medians and their ratio.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--runs must be at least 1");
      return 2;
    }

  xmllint = g_find_program_in_path ("xmllint");
  if (xmllint == NULL)
    {
      g_printerr ("xmllint is not installed (Debian package libxml2-utils)\n");
      return 1;
    }

  /* The same files, in the same order, as pack.json lists them. */
  manifest_path = g_build_filename (pack_dir, "pack.json", NULL);
  if (!g_file_get_contents (manifest_path, &manifest_text, &manifest_length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&manifest_text), manifest_length);

    manifest = rapport_pack_new_from_manifest (bytes, manifest_path, NULL, &error);
  }
  if (manifest == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_ptr_array_add (xmllint_argv, g_strdup (xmllint));
  g_ptr_array_add (xmllint_argv, g_strdup ("--noout"));
  g_ptr_array_add (xmllint_argv, g_strdup ("--relaxng"));
  g_ptr_array_add (xmllint_argv, g_strdup (schema));
  for (guint i = 0; i < rapport_pack_get_n_topic_files (manifest); i++)
    g_ptr_array_add (xmllint_argv, g_build_filename (pack_dir, rapport_pack_get_topic_file (manifest, i), NULL));
  g_ptr_array_add (xmllint_argv, NULL);

  /* One warm-up of each, not counted; then they alternate. */
  for (int run = -1; run < runs; run++)
    {
      double load_seconds, xmllint_seconds;

      if (!load_once (schema, pack_dir, &load_seconds, &n_topics, &error) ||
          !xmllint_once (xmllint_argv, &xmllint_seconds, &error))
        {
          g_printerr ("%s\n", error != NULL ? error->message : "the pack has problems");
          return 1;
        }

      if (run >= 0)
        {
          g_array_append_val (load_times, load_seconds);
          g_array_append_val (xmllint_times, xmllint_seconds);
        }
    }

  load_median = median (load_times);
  xmllint_median = median (xmllint_times);
  ratio = load_median / xmllint_median;

  g_print ("%u topic files, %d runs each\n\n", n_topics, runs);
  g_print ("                           median     min - max\n");
  g_print ("  rapport loader + checks  %6.1f ms   %.1f - %.1f ms\n", load_median * 1000,
           g_array_index (load_times, double, 0) * 1000,
           g_array_index (load_times, double, load_times->len - 1) * 1000);
  g_print ("  xmllint --relaxng        %6.1f ms   %.1f - %.1f ms\n", xmllint_median * 1000,
           g_array_index (xmllint_times, double, 0) * 1000,
           g_array_index (xmllint_times, double, xmllint_times->len - 1) * 1000);
  g_print ("\n  ratio %.2fx   target <= %.2fx  %s\n", ratio, TARGET_RATIO,
           ratio <= TARGET_RATIO ? "ok" : "over");

  return 0;
}
