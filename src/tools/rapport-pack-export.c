/* rapport-pack-export.c: `rapport-pack export`, the questions of a topic
 * file or pack as a Moodle question bank (GIFT or Moodle XML).
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* PATH is loaded as `validate` loads it; its questions are written by the
 * bank export (src/core/banks/rapport-bank-export*.c) into FILE, a new file
 * written whole or not at all. What the format cannot hold is listed as
 * "file: message" and left out. Exit 0 when FILE was written, 1 when PATH is
 * invalid, FILE exists or no question could be exported, 2 for a wrong
 * command line.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "rapport-bank-export.h"
#include "rapport-pack-tool.h"

int
run_export (int    argc,
            char **argv)
{
  g_auto(Loaded) loaded = { NULL, NULL };
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("The bank format: gift or moodle (Moodle XML)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The bank file to write, such as refunds.gift or refunds.xml"), N_("FILE") },
    { NULL }
  };
  RapportBankFormat format;
  guint n_exported = 0;
  guint n_left_out = 0;
  int status = 0;

  if (!parse_verb_options ("export", _("PATH"),
                           _("Writes the questions of a topic file or pack (a folder, its "
                             "pack.json or a .rapportpack file) as a Moodle question bank: "
                             "--format gift for a GIFT file, --format moodle for a Moodle XML "
                             "file. Each topic becomes a category, each question is named "
                             "after its key. What the format cannot hold (ordering questions "
                             "in GIFT) is listed and left out. FILE must not exist yet; it is "
                             "written whole or not at all. Exits with 0 when FILE was "
                             "written and 1 when nothing could be exported."),
                           entries, &argc, &argv, &status))
    return status;

  if (format_name == NULL)
    {
      g_printerr ("rapport-pack: ");
      g_printerr (_("“export” needs the format: --format gift or --format moodle."));
      g_printerr ("\n");
      return EXIT_USAGE;
    }
  if (g_str_equal (format_name, "gift"))
    format = RAPPORT_BANK_GIFT;
  else if (g_str_equal (format_name, "moodle") || g_str_equal (format_name, "moodle-xml"))
    format = RAPPORT_BANK_MOODLE_XML;
  else
    {
      g_printerr ("rapport-pack: ");
      g_printerr (_("Unknown format “%s”: use gift or moodle."), format_name);
      g_printerr ("\n");
      return EXIT_USAGE;
    }

  if (output == NULL)
    {
      g_printerr ("rapport-pack: ");
      g_printerr (_("“export” needs the file to write: -o FILE."));
      g_printerr ("\n");
      return EXIT_USAGE;
    }

  if (!load_path (argv[1], &loaded))
    return EXIT_INVALID;

  bytes = rapport_bank_export (G_LIST_MODEL (loaded.topics), format, problems, &n_exported,
                               &n_left_out);
  print_problems (problems);

  if (n_exported == 0)
    {
      g_printerr ("rapport-pack: ");
      g_printerr (_("%s has no question that could be exported; nothing was written."),
                  argv[1]);
      g_printerr ("\n");
      return EXIT_INVALID;
    }

  if (!rapport_bank_export_save (output, bytes, &error))
    {
      g_printerr ("rapport-pack: %s\n", error->message);
      return EXIT_INVALID;
    }

  /* TRANSLATORS: the last line of `rapport-pack export`. */
  g_print (ngettext ("%s: exported %u question, ", "%s: exported %u questions, ", n_exported),
           output, n_exported);
  g_print (ngettext ("left out %u.\n", "left out %u.\n", n_left_out), n_left_out);

  return EXIT_SUCCESS;
}
