/* rapport-pack-import.c: `rapport-pack import`, a trainer's Moodle question
 * bank (GIFT or Moodle XML) as topics of a lesson pack.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The bank is read into a model (src/core/banks), its pictures are checked
 * like any pack picture, its categories are written as topic files, and
 * those are installed in DIR (rapport-pack-import-files.c), a new pack or
 * one that exists. What could not be imported is reported line by line; the
 * report ends with "Imported N questions, skipped M." With --json it is one
 * JSON object on standard output instead. Exit 0 when something was
 * imported, 1 when nothing could be, 2 for a wrong command line.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rapport-io.h"
#include "rapport-keys.h"
#include "rapport-pack-import.h"
#include "rapport-skill.h"

static void
import_clear (Import *import)
{
  g_clear_object (&import->loader);
  g_clear_object (&import->pack);
  g_clear_pointer (&import->bank, rapport_bank_free);
  g_clear_pointer (&import->topics, g_ptr_array_unref);
  g_clear_pointer (&import->media, g_ptr_array_unref);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_clear_pointer (&import->language, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* The language a new pack's topics say they are in: the trainer's, whose
 * words the placeholders are in too.
 */
static char *
locale_language (void)
{
  const char * const *names = g_get_language_names ();
  g_autofree char *language = NULL;
  char *cut;

  if (names[0] == NULL)
    return g_strdup ("en");

  language = g_strdup (names[0]);
  if ((cut = strpbrk (language, ".@")) != NULL)
    *cut = '\0';
  if (g_str_equal (language, "C") || g_str_equal (language, "POSIX"))
    return g_strdup ("en");
  g_strdelimit (language, "_", '-');

  return rapport_language_is_valid (language) ? g_steal_pointer (&language) : g_strdup ("en");
}

static gboolean
is_empty_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) == NULL;
}

/* DIR: a pack to add to, a new one, or neither. */
static gboolean
open_destination (Import *import)
{
  g_autofree char *manifest = g_build_filename (import->folder, RAPPORT_PACK_MANIFEST, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_test (import->folder, G_FILE_TEST_EXISTS) || is_empty_folder (import->folder))
    {
      import->language = locale_language ();
      return TRUE;
    }

  if (!g_file_test (import->folder, G_FILE_TEST_IS_DIR) ||
      !g_file_test (manifest, G_FILE_TEST_IS_REGULAR))
    {
      rapport_problem_list_add (import->problems, import->folder, 0,
                                _("This is neither a pack folder (it has no pack.json) nor an "
                                  "empty folder; give a new folder or a pack folder."));
      return FALSE;
    }

  import->pack = rapport_pack_load_folder (import->folder, import->loader, import->problems,
                                           &error);
  if (import->pack == NULL)
    {
      rapport_problem_list_add (import->problems, import->folder, 0,
                                _("The pack has problems of its own; correct them first "
                                  "(“rapport-pack validate” lists them), then import again."));
      return FALSE;
    }

  import->language = g_strdup (rapport_pack_get_language (import->pack));

  return TRUE;
}

static GHashTable *
pack_topic_keys (Import *import)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *topics;

  if (import->pack == NULL)
    return keys;

  topics = rapport_pack_get_topics (import->pack);
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, i);

      g_hash_table_add (keys, g_strdup (rapport_topic_get_key (topic)));
    }

  /* A file of that name would be replaced: its key is taken too. */
  for (guint i = 0; i < rapport_pack_get_n_topic_files (import->pack); i++)
    {
      g_autofree char *base = g_path_get_basename (rapport_pack_get_topic_file (import->pack, i));
      char *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      g_hash_table_add (keys, g_steal_pointer (&base));
    }

  return keys;
}

static gboolean
is_in_pack (Import           *import,
            RapportBankMedia *media)
{
  g_autofree char *path = g_build_filename (import->folder, media->name, NULL);
  g_autoptr(GBytes) bytes = rapport_read_file_capped (path, RAPPORT_BANK_MAX_MEDIA_SIZE, NULL);

  return bytes != NULL && g_bytes_equal (bytes, media->bytes);
}

/* Each picture under a name the pack does not have, checked as a pack's. */
static void
check_media (Import *import)
{
  g_autoptr(GHashTable) taken = import_taken_media (import->folder);

  import->media = g_ptr_array_new ();
  for (guint i = 0; i < import->bank->media->len; i++)
    {
      RapportBankMedia *media = g_ptr_array_index (import->bank->media, i);
      g_autoptr(GError) error = NULL;

      if (media->refused != NULL)
        continue;

      /* The same picture imported again is the one the pack has. */
      if (g_hash_table_contains (taken, media->name) && is_in_pack (import, media))
        continue;

      rapport_bank_rename_media (media, taken);
      if (!rapport_media_path_is_valid (media->name))
        rapport_bank_refuse_media (import->bank, media,
                                   _("Its name is not one a pack’s picture may have."));
      else if (!rapport_media_check (media->name, media->bytes, NULL, NULL, &error))
        rapport_bank_refuse_media (import->bank, media, error->message);
      else
        g_ptr_array_add (import->media, media);
    }
}

/* The report */

static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  const RapportBankNote *x = *(RapportBankNote * const *) a;
  const RapportBankNote *y = *(RapportBankNote * const *) b;

  return x->line < y->line ? -1 : x->line > y->line;
}

/* The notes in the order of their lines, borrowed. */
static GPtrArray *
sorted (GPtrArray *first,
        GPtrArray *second)
{
  GPtrArray *all = g_ptr_array_new ();

  g_ptr_array_extend (all, first, NULL, NULL);
  if (second != NULL)
    g_ptr_array_extend (all, second, NULL, NULL);
  g_ptr_array_sort (all, compare_notes);

  return all;
}

static guint
count_imported (Import *import)
{
  guint n = 0;

  for (guint i = 0; import->topics != NULL && i < import->topics->len; i++)
    {
      RapportBankTopic *topic = g_ptr_array_index (import->topics, i);

      n += topic->n_questions + topic->n_prompts + topic->n_descriptions;
    }

  return n;
}

static char *
placeholder_words (RapportBankPlaceholders placeholders)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();

  if (placeholders & RAPPORT_BANK_PLACEHOLDER_SUMMARY)
    g_ptr_array_add (words, _("the summary"));
  if (placeholders & RAPPORT_BANK_PLACEHOLDER_LESSON)
    g_ptr_array_add (words, _("the lesson"));
  if (placeholders & RAPPORT_BANK_PLACEHOLDER_JOURNAL)
    g_ptr_array_add (words, _("the journal prompt"));
  if (placeholders & RAPPORT_BANK_PLACEHOLDER_RUBRIC)
    g_ptr_array_add (words, _("the rubric"));
  g_ptr_array_add (words, NULL);

  return g_strjoinv (", ", (char **) words->pdata);
}

static void
print_topic (Import           *import,
             RapportBankTopic *topic)
{
  g_autofree char *path = g_build_filename (import->folder, topic->file, NULL);
  g_autofree char *placeholders = placeholder_words (topic->placeholders);

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
  /* TEMPORARY: see validate() in rapport-pack-import-files.c. */
  if (topic->n_new_types > 0)
    g_print (ngettext ("%s: %u matching, short-answer or numerical question is not validated "
                       "yet: this version of Rapport does not know these questions.\n",
                       "%s: %u matching, short-answer or numerical questions are not validated "
                       "yet: this version of Rapport does not know these questions.\n",
                       topic->n_new_types),
             path, topic->n_new_types);
}

static void
print_notes (RapportBank *bank,
             FILE        *stream)
{
  g_autoptr(GPtrArray) all = sorted (bank->skipped, bank->notes);

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
print_report (Import   *import,
              gboolean  installed)
{
  guint imported = installed ? count_imported (import) : 0;
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
  g_autoptr(GPtrArray) ordered = sorted (notes, NULL);

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
  /* TEMPORARY: see validate() in rapport-pack-import-files.c. */
  json_builder_set_member_name (builder, "not_validated");
  json_builder_add_int_value (builder, topic->n_new_types);
  json_builder_end_object (builder);
}

static void
print_json (Import   *import,
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
  json_builder_add_int_value (builder, installed ? count_imported (import) : 0);
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
  g_auto(Import) import = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) taken_keys = NULL;
  g_autofree char *topic_key = NULL;
  g_autofree char *skill = NULL;
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
  const char *bank_path;
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
  import.folder = argv[2];
  import.problems = rapport_problem_list_new ();

  import.loader = create_loader (&error);
  if (import.loader == NULL)
    {
      g_printerr ("rapport-pack: %s\n", error->message);
      return EXIT_INVALID;
    }

  bytes = rapport_read_file_capped (bank_path, RAPPORT_BANK_MAX_SIZE, &error);
  if (bytes == NULL)
    {
      rapport_problem_list_add (import.problems, bank_path, 0, "%s", error->message);
      goto report;
    }

  import.bank = rapport_bank_read (bytes, bank_path, import.problems, NULL);
  if (import.bank == NULL || !open_destination (&import))
    goto report;

  taken_keys = pack_topic_keys (&import);
  if (topic_key != NULL && g_hash_table_contains (taken_keys, topic_key))
    {
      rapport_problem_list_add (import.problems, import.folder, 0,
                                _("The pack has a topic “%s” already; choose another key with "
                                  "--topic."),
                                topic_key);
      goto report;
    }

  check_media (&import);

  options.topic_key = topic_key;
  options.skill = skill;
  options.language = import.language;
  options.taken_keys = taken_keys;
  import.topics = rapport_bank_write (import.bank, &options, &error);
  if (import.topics == NULL)
    {
      rapport_problem_list_add (import.problems, bank_path, 0, "%s", error->message);
      goto report;
    }

  if (count_imported (&import) == 0)
    {
      rapport_problem_list_add (import.problems, bank_path, 0,
                                _("Nothing in the bank could be imported, so nothing was "
                                  "written."));
      goto report;
    }

  installed = import_install (&import, &error);
  if (!installed)
    rapport_problem_list_add (import.problems, import.folder, 0, "%s", error->message);

report:
  if (json)
    print_json (&import, installed);
  else
    print_report (&import, installed);

  return installed ? EXIT_SUCCESS : EXIT_INVALID;
}
