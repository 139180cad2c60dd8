/* rapport-bank-import.c: a question bank read, its pictures checked and its
 * questions written as topics for a pack folder, in memory.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The bank is read into a model (rapport-bank.c), its pictures are checked
 * like any pack picture, and its categories are written as topic files for
 * DIR, a new pack or one that exists. Nothing is written to disk here:
 * rapport-bank-import-files.c installs the result, whole or not at all.
 * What stops the import is a problem ("file:line: message"); what was left
 * out of the bank is in the bank's notes. `rapport-pack import` prints
 * both; the app shows them before it creates the pack.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-bank-import-private.h"
#include "rapport-io.h"
#include "rapport-keys.h"

static void
import_clear (RapportBankImport *self)
{
  g_clear_pointer (&self->folder, g_free);
  g_clear_object (&self->loader);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->bank, rapport_bank_free);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->media, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->language, g_free);
}

/**
 * rapport_bank_import_new:
 * @folder: DIR: a pack folder, an empty one, or one that does not exist
 * @loader: checks the topics written, as Rapport loads them
 *
 * Returns: (transfer full): an import into @folder, to read a bank into
 */
RapportBankImport *
rapport_bank_import_new (const char         *folder,
                         RapportTopicLoader *loader)
{
  RapportBankImport *self;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (RAPPORT_IS_TOPIC_LOADER (loader), NULL);

  self = g_atomic_rc_box_new0 (RapportBankImport);
  self->folder = g_strdup (folder);
  self->loader = g_object_ref (loader);
  self->problems = rapport_problem_list_new ();

  return self;
}

RapportBankImport *
rapport_bank_import_ref (RapportBankImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
rapport_bank_import_unref (RapportBankImport *self)
{
  if (self != NULL)
    g_atomic_rc_box_release_full (self, (GDestroyNotify) import_clear);
}

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
open_destination (RapportBankImport *self)
{
  g_autofree char *manifest = g_build_filename (self->folder, RAPPORT_PACK_MANIFEST, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_test (self->folder, G_FILE_TEST_EXISTS) || is_empty_folder (self->folder))
    {
      self->language = locale_language ();
      return TRUE;
    }

  if (!g_file_test (self->folder, G_FILE_TEST_IS_DIR) ||
      !g_file_test (manifest, G_FILE_TEST_IS_REGULAR))
    {
      rapport_problem_list_add (self->problems, self->folder, 0,
                                _("This is neither a pack folder (it has no pack.json) nor an "
                                  "empty folder; give a new folder or a pack folder."));
      return FALSE;
    }

  self->pack = rapport_pack_load_folder (self->folder, self->loader, self->problems, &error);
  if (self->pack == NULL)
    {
      rapport_problem_list_add (self->problems, self->folder, 0,
                                _("The pack has problems of its own; correct them first "
                                  "(“rapport-pack validate” lists them), then import again."));
      return FALSE;
    }

  self->language = g_strdup (rapport_pack_get_language (self->pack));

  return TRUE;
}

static GHashTable *
pack_topic_keys (RapportBankImport *self)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *topics;

  if (self->pack == NULL)
    return keys;

  topics = rapport_pack_get_topics (self->pack);
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, i);

      g_hash_table_add (keys, g_strdup (rapport_topic_get_key (topic)));
    }

  /* A file of that name would be replaced: its key is taken too. */
  for (guint i = 0; i < rapport_pack_get_n_topic_files (self->pack); i++)
    {
      g_autofree char *base = g_path_get_basename (rapport_pack_get_topic_file (self->pack, i));
      char *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      g_hash_table_add (keys, g_steal_pointer (&base));
    }

  return keys;
}

static gboolean
is_in_pack (RapportBankImport *self,
            RapportBankMedia  *media)
{
  g_autofree char *path = g_build_filename (self->folder, media->name, NULL);
  g_autoptr(GBytes) bytes = rapport_read_file_capped (path, RAPPORT_BANK_MAX_MEDIA_SIZE, NULL);

  return bytes != NULL && g_bytes_equal (bytes, media->bytes);
}

/* Each picture under a name the pack does not have, checked as a pack's. */
static void
check_media (RapportBankImport *self)
{
  g_autoptr(GHashTable) taken = rapport_bank_import_taken_media (self->folder);

  self->media = g_ptr_array_new ();
  for (guint i = 0; i < self->bank->media->len; i++)
    {
      RapportBankMedia *media = g_ptr_array_index (self->bank->media, i);
      g_autoptr(GError) error = NULL;

      if (media->refused != NULL)
        continue;

      /* The same picture imported again is the one the pack has. */
      if (g_hash_table_contains (taken, media->name) && is_in_pack (self, media))
        continue;

      rapport_bank_rename_media (media, taken);
      if (!rapport_media_path_is_valid (media->name))
        rapport_bank_refuse_media (self->bank, media,
                                   _("Its name is not one a pack’s picture may have."));
      else if (!rapport_media_check (media->name, media->bytes, NULL, NULL, &error))
        rapport_bank_refuse_media (self->bank, media, error->message);
      else
        g_ptr_array_add (self->media, media);
    }
}

/**
 * rapport_bank_import_read:
 * @bank_path: a GIFT or Moodle XML file; problems name it as given
 * @options: (nullable): the topic key and skill; the language and the keys
 *   DIR has are the import's own
 *
 * Reads the bank, opens DIR, checks the bank's pictures and writes its
 * questions as topics, in memory.
 *
 * Returns: %TRUE when something can be installed; %FALSE with the reasons
 *   in the import's problems (and what was left out in its bank's notes,
 *   when the bank could be read)
 */
gboolean
rapport_bank_import_read (RapportBankImport             *self,
                          const char                    *bank_path,
                          const RapportBankWriteOptions *options)
{
  RapportBankWriteOptions write_options = { 0 };
  g_autoptr(GHashTable) taken_keys = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->bank == NULL, FALSE);
  g_return_val_if_fail (bank_path != NULL, FALSE);

  if (options != NULL)
    write_options = *options;

  bytes = rapport_read_file_capped (bank_path, RAPPORT_BANK_MAX_SIZE, &error);
  if (bytes == NULL)
    {
      rapport_problem_list_add (self->problems, bank_path, 0, "%s", error->message);
      return FALSE;
    }

  self->bank = rapport_bank_read (bytes, bank_path, self->problems, NULL);
  if (self->bank == NULL || !open_destination (self))
    return FALSE;

  taken_keys = pack_topic_keys (self);
  if (write_options.topic_key != NULL && g_hash_table_contains (taken_keys, write_options.topic_key))
    {
      rapport_problem_list_add (self->problems, self->folder, 0,
                                _("The pack has a topic “%s” already; choose another key with "
                                  "--topic."),
                                write_options.topic_key);
      return FALSE;
    }

  check_media (self);

  write_options.language = self->language;
  write_options.taken_keys = taken_keys;
  self->topics = rapport_bank_write (self->bank, &write_options, &error);
  if (self->topics == NULL)
    {
      rapport_problem_list_add (self->problems, bank_path, 0, "%s", error->message);
      return FALSE;
    }

  if (rapport_bank_import_count (self) == 0)
    {
      rapport_problem_list_add (self->problems, bank_path, 0,
                                _("Nothing in the bank could be imported, so nothing was "
                                  "written."));
      return FALSE;
    }

  return TRUE;
}

/* Questions, journal prompts and lesson text from descriptions: what the
 * report counts as imported.
 */
guint
rapport_bank_import_count (RapportBankImport *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; self->topics != NULL && i < self->topics->len; i++)
    {
      RapportBankTopic *topic = g_ptr_array_index (self->topics, i);

      n += topic->n_questions + topic->n_prompts + topic->n_descriptions;
    }

  return n;
}

/* Of those, the ones that were of @type in the bank. */
guint
rapport_bank_import_count_type (RapportBankImport *self,
                                RapportBankType    type)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (type < RAPPORT_BANK_N_TYPES, 0);

  for (guint i = 0; self->topics != NULL && i < self->topics->len; i++)
    n += ((RapportBankTopic *) g_ptr_array_index (self->topics, i))->n_by_type[type];

  return n;
}

static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  const RapportBankNote *x = *(RapportBankNote * const *) a;
  const RapportBankNote *y = *(RapportBankNote * const *) b;

  return x->line < y->line ? -1 : x->line > y->line;
}

/**
 * rapport_bank_sort_notes:
 * @first: (element-type RapportBankNote): notes of a bank
 * @second: (nullable) (element-type RapportBankNote): more of them
 *
 * Returns: (transfer container): the notes in the order of their lines, as
 *   the report lists them; borrowed from the lists
 */
GPtrArray *
rapport_bank_sort_notes (GPtrArray *first,
                         GPtrArray *second)
{
  GPtrArray *all = g_ptr_array_new ();

  g_return_val_if_fail (first != NULL, NULL);

  g_ptr_array_extend (all, first, NULL, NULL);
  if (second != NULL)
    g_ptr_array_extend (all, second, NULL, NULL);
  g_ptr_array_sort (all, compare_notes);

  return all;
}

/**
 * rapport_bank_describe_placeholders:
 *
 * Returns: (transfer full): "the summary, the lesson…", the parts of a
 *   topic that hold a placeholder; empty for none
 */
char *
rapport_bank_describe_placeholders (RapportBankPlaceholders placeholders)
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
