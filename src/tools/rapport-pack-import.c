/* rapport-pack-import.c: `rapport-pack import`, a trainer's Moodle question
 * bank (GIFT or Moodle XML) as topics of a lesson pack.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The bank is read into a model, its pictures are checked like any pack
 * picture, its categories are written as topic files, and those are
 * installed in DIR, a new pack or one that exists: all of that is the
 * bank import's (src/core/banks/rapport-bank-import*.c), which the app
 * shares. What could not be imported is reported line by line; the
 * report ends with "Imported N questions, skipped M." With --json it is one
 * JSON object on standard output instead. Exit 0 when something was
 * imported, 1 when nothing could be, 2 for a wrong command line.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rapport-bank-import.h"
#include "rapport-keys.h"
#include "rapport-pack-tool.h"
#include "rapport-skill.h"

/* The report */

static void
print_topic (RapportBankImport *import,
             RapportBankTopic *topic)
{
  g_autofree char *path = g_build_filename (import->folder, topic->file, NULL);
  g_autofree char *placeholders = rapport_bank_describe_placeholders (topic->placeholders);

  g_print (_("%s: “%s”"), path, topic->title);
  g_print (": ");
  g_print (ngettext ("%u question", "%u questions", topic->n_questions), topic->n_questions);
  g_print (", ");
  g_print (ngettext ("%u journal prompt", "%u journal prompts", topic->n_prompts),
           topic->n_prompts);
  g_print (", ");
  g_print (ngettext ("lesson text from %u description", "lesson text from %u descriptions",
                     topic->n_descriptions),
           topic->n_descriptions);
  g_print ("\n");

  if (placeholders[0] != '\0')
    g_print (_("%s: replace the placeholders with your own words: %s.\n"), path, placeholders);
  if (topic->n_explained > 0)
    g_print (ngettext ("%s: %u question had no general feedback, so its explanation only "
                       "names the right answer; write why it is right.\n",
                       "%s: %u questions had no general feedback, so their explanations only "
                       "name the right answer; write why it is right.\n",
                       topic->n_explained),
             path, topic->n_explained);
}

static void
print_notes (RapportBank *bank,
             FILE        *stream)
{
  g_autoptr(GPtrArray) all = rapport_bank_sort_notes (bank->skipped, bank->notes);

  for (guint i = 0; i < all->len; i++)
    {
      RapportBankNote *note = g_ptr_array_index (all, i);
      g_autoptr(RapportProblem) problem = rapport_problem_new (bank->file, note->line,
                                                               note->message);
      g_autofree char *line = rapport_problem_to_string (problem);

      fprintf (stream, "%s\n", line);
    }

  if (bank->n_dropped_notes > 0)
    fprintf (stream, ngettext ("%s: and %u more note.\n", "%s: and %u more notes.\n",
                               bank->n_dropped_notes),
             bank->file, bank->n_dropped_notes);
}

static void
print_report (RapportBankImport *import,
              gboolean  installed)
{
  guint imported = installed ? rapport_bank_import_count (import) : 0;
  guint skipped = import->bank != NULL ? import->bank->skipped->len : 0;
  FILE *stream = installed ? stdout : stderr;

  if (import->bank != NULL)
    print_notes (import->bank, stream);
  print_problems (import->problems);
  fflush (stderr);

  for (guint i = 0; installed && i < import->topics->len; i++)
    print_topic (import, g_ptr_array_index (import->topics, i));

  if (installed && import->pack == NULL)
    g_print (_("Next: fill in %s/pack.json (id, title, authors, licence), replace the "
               "placeholders, then run “rapport-pack validate %s”.\n"),
             import->folder, import->folder);

  /* TRANSLATORS: the last line of the report of `rapport-pack import`. */
  g_print (ngettext ("Imported %u question, ", "Imported %u questions, ", imported), imported);
  g_print (ngettext ("skipped %u.\n", "skipped %u.\n", skipped), skipped);
}

static void
add_notes (JsonBuilder *builder,
           GPtrArray   *notes)
{
  g_autoptr(GPtrArray) ordered = rapport_bank_sort_notes (notes, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < ordered->len; i++)
    {
      RapportBankNote *note = g_ptr_array_index (ordered, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, note->line);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, note->type);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, note->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_topic (JsonBuilder      *builder,
           RapportBankTopic *topic)
{
  static const struct
  {
    RapportBankPlaceholders flag;
    const char             *name;
  } parts[] = {
    { RAPPORT_BANK_PLACEHOLDER_SUMMARY, "summary" },
    { RAPPORT_BANK_PLACEHOLDER_LESSON, "lesson" },
    { RAPPORT_BANK_PLACEHOLDER_JOURNAL, "journal" },
    { RAPPORT_BANK_PLACEHOLDER_RUBRIC, "rubric" },
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, topic->file);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, topic->key);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, topic->title);
  json_builder_set_member_name (builder, "questions");
  json_builder_add_int_value (builder, topic->n_questions);
  json_builder_set_member_name (builder, "prompts");
  json_builder_add_int_value (builder, topic->n_prompts);
  json_builder_set_member_name (builder, "descriptions");
  json_builder_add_int_value (builder, topic->n_descriptions);
  json_builder_set_member_name (builder, "placeholders");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (topic->placeholders & parts[i].flag)
        json_builder_add_string_value (builder, parts[i].name);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_json (RapportBankImport *import,
            gboolean  installed)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autofree char *json = NULL;
  RapportBank *bank = import->bank;

  print_problems (import->problems);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "imported");
  json_builder_add_int_value (builder, installed ? rapport_bank_import_count (import) : 0);
  json_builder_set_member_name (builder, "skipped");
  add_notes (builder, bank != NULL ? bank->skipped : empty);
  json_builder_set_member_name (builder, "notes");
  add_notes (builder, bank != NULL ? bank->notes : empty);
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  for (guint i = 0; installed && i < import->topics->len; i++)
    add_topic (builder, g_ptr_array_index (import->topics, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "media");
  json_builder_begin_array (builder);
  for (guint i = 0; installed && i < import->media->len; i++)
    json_builder_add_string_value (builder,
                                   ((RapportBankMedia *) g_ptr_array_index (import->media, i))->name);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);
}

/* The command */

static gboolean
check_options (const char *topic_key,
               const char *skill,
               int        *status)
{
  if (topic_key != NULL && !rapport_key_is_valid (topic_key))
    {
      g_printerr ("rapport-pack: ");
      g_printerr (_("“%s” is not a key: use lower-case letters and digits in words joined by "
                    "hyphens, such as “late-refunds”."),
                  topic_key);
      g_printerr ("\n");
      *status = EXIT_USAGE;
      return FALSE;
    }

  if (skill != NULL && rapport_skill_lookup (skill) == NULL)
    {
      g_autoptr(GString) keys = g_string_new (NULL);

      for (guint i = 0; i < rapport_skill_get_count (); i++)
        {
          if (i > 0)
            g_string_append (keys, ", ");
          g_string_append (keys, rapport_skill_get_nth (i)->key);
        }

      g_printerr ("rapport-pack: ");
      g_printerr (_("“%s” is not one of Rapport’s skills. Use one of: %s."), skill, keys->str);
      g_printerr ("\n");
      *status = EXIT_USAGE;
      return FALSE;
    }

  return TRUE;
}

int
run_import (int    argc,
            char **argv)
{
  g_autoptr(RapportBankImport) import = NULL;
  g_autoptr(RapportTopicLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *topic_key = NULL;
  g_autofree char *skill = NULL;
  g_autofree char *id = NULL;
  gboolean json = FALSE;
  gboolean installed = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL },
    { "topic", 0, 0, G_OPTION_ARG_STRING, &topic_key,
      N_("Put every question into one topic with this key, whatever its category"), N_("KEY") },
    { "skill", 0, 0, G_OPTION_ARG_STRING, &skill,
      N_("The skill the topics train (default: communication)"), N_("SKILL") },
    { NULL }
  };
  RapportBankWriteOptions options = { 0 };
  RapportPackSkeleton skeleton;
  const char *bank_path;
  const char *folder;
  int status = 0;

  if (!parse_verb_options_full ("import", _("BANK DIR"), 2,
                                _("Reads the question bank BANK, a GIFT file (.gift, .txt) or a "
                                  "Moodle XML file (.xml), told apart by what it holds, and "
                                  "writes its questions as topics of the pack folder DIR: one "
                                  "topic per category, essays as journal prompts, descriptions "
                                  "as lesson text, pictures into media/. DIR is created as "
                                  "“new” would if it does not exist. Every question or part "
                                  "that cannot be imported is listed with its line and why. "
                                  "Exits with 0 when questions were imported, 1 when none "
                                  "could be; DIR is then as it was."),
                                entries, &argc, &argv, &status))
    return status;

  if (!check_options (topic_key, skill, &status))
    return status;

  bank_path = argv[1];
  folder = argv[2];

  loader = create_loader (&error);
  if (loader == NULL)
    {
      g_printerr ("rapport-pack: %s\n", error->message);
      return EXIT_INVALID;
    }

  import = rapport_bank_import_new (folder, loader);
  options.topic_key = topic_key;
  options.skill = skill;
  if (rapport_bank_import_read (import, bank_path, &options))
    {
      /* A new pack gets what `new` writes, for the trainer to replace. */
      id = rapport_pack_skeleton_id (folder);
      skeleton = pack_skeleton (id, NULL);
      installed = rapport_bank_import_install (import, &skeleton, &error);
      if (!installed)
        rapport_problem_list_add (import->problems, import->folder, 0, "%s", error->message);
    }

  if (json)
    print_json (import, installed);
  else
    print_report (import, installed);

  return installed ? EXIT_SUCCESS : EXIT_INVALID;
}
