/* rapport-bank-import-files.c: the files a bank's import writes, and how
 * they reach the pack folder whole or not at all.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Everything is first written to a folder beside DIR, on the same file
 * system: the topics, the pictures and the new pack.json. A copy of the
 * whole pack as it will be is then loaded as Rapport loads any pack, and
 * its pictures are drawn as Rapport draws them. Only then do the files move
 * into place, by rename: a new pack folder as a whole, or for a pack that
 * exists its new files, then pack.json last, which is what makes them part
 * of the pack. A failure on the way takes back what had moved. Every path
 * written is a topic key or a picture name that was checked, under a
 * folder the import made, so nothing lands outside DIR. `rapport-pack
 * import` writes into the folder it is given; the app into a new folder
 * of its packs (rapport-bank-import-async.c).
 */

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rapport-bank-import-private.h"
#include "rapport-io.h"
#include "rapport-json.h"
#include "rapport-keys.h"
#include "rapport-picture-check.h"

/* How deep a pack's media folder is copied for the validation. */
#define MAX_DEPTH 8

static gboolean
set_file_error (GError     **error,
                int          saved_errno,
                const char  *format,
                ...) G_GNUC_PRINTF (3, 4);

static gboolean
set_file_error (GError     **error,
                int          saved_errno,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), message);
  return FALSE;
}

static gboolean
write_file (const char  *root,
            const char  *relative,
            GBytes      *bytes,
            GError     **error)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert (rapport_pack_path_is_safe (relative));

  if (g_mkdir_with_parents (parent, 0755) != 0)
    return set_file_error (error, errno, _("Could not create the folder “%s”: %s"),
                                         parent, g_strerror (errno));

  return g_file_set_contents_full (path, data != NULL ? data : "", length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* Removes a folder the import made, and what it holds. */
static void
remove_tree (const char *path,
             guint       depth)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL || depth > MAX_DEPTH + 2)
    return;

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child, depth + 1);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/* The regular files below @folder/@relative, as paths relative to @folder. */
static void
list_files (const char *folder,
            const char *relative,
            guint       depth,
            GPtrArray  *files)
{
  g_autofree char *path = g_build_filename (folder, relative, NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (depth > MAX_DEPTH || (dir = g_dir_open (path, 0, NULL)) == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (relative, name, NULL);
      g_autofree char *child_path = g_build_filename (folder, child, NULL);

      if (g_file_test (child_path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child_path, G_FILE_TEST_IS_DIR))
        list_files (folder, child, depth + 1, files);
      else if (g_file_test (child_path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
}

GHashTable *
rapport_bank_import_taken_media (const char *folder)
{
  GHashTable *taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  list_files (folder, "media", 0, files);
  for (guint i = 0; i < files->len; i++)
    g_hash_table_add (taken, g_strdup (g_ptr_array_index (files, i)));

  return taken;
}

static gboolean
copy_file (const char  *from_folder,
           const char  *to_folder,
           const char  *relative,
           gsize        max_size,
           GError     **error)
{
  g_autofree char *path = g_build_filename (from_folder, relative, NULL);
  g_autoptr(GBytes) bytes = rapport_read_file_capped (path, max_size, error);

  return bytes != NULL && write_file (to_folder, relative, bytes, error);
}

/* pack.json */

static GBytes *
new_manifest (RapportBankImport         *import,
              const RapportPackSkeleton *skeleton)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  RapportPackSkeleton own = *skeleton;
  char *json;

  for (guint i = 0; i < import->topics->len; i++)
    g_ptr_array_add (files, ((RapportBankTopic *) g_ptr_array_index (import->topics, i))->file);
  g_ptr_array_add (files, NULL);

  /* The topics' language is the pack's. */
  own.language = import->language;
  json = rapport_pack_skeleton_manifest (&own, (const char * const *) files->pdata);

  return g_bytes_new_take (json, strlen (json));
}

/* The pack's own pack.json with the new topics listed after its own. */
static GBytes *
merged_manifest (RapportBankImport  *import,
                 GError            **error)
{
  g_autofree char *path = g_build_filename (import->folder, RAPPORT_PACK_MANIFEST, NULL);
  g_autoptr(GBytes) bytes = rapport_read_file_capped (path, RAPPORT_PACK_MAX_MANIFEST_SIZE, error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *json = NULL;
  JsonObject *object;
  JsonArray *topics;

  if (bytes == NULL)
    return NULL;

  root = rapport_json_parse (bytes, RAPPORT_PACK_MAX_MANIFEST_SIZE, RAPPORT_PACK_MAX_JSON_DEPTH,
                             NULL, NULL, error);
  if (root == NULL)
    return NULL;

  /* The pack was loaded already: pack.json is an object with topics. */
  object = json_node_get_object (root);
  topics = json_object_get_array_member (object, "topics");
  for (guint i = 0; i < import->topics->len; i++)
    {
      RapportBankTopic *topic = g_ptr_array_index (import->topics, i);
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "file", topic->file);
      json_array_add_object_element (topics, entry);
    }

  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, NULL);

  return g_bytes_new_take (g_strconcat (json, "\n", NULL), strlen (json) + 1);
}

/* Staging */

static gboolean
write_new_files (RapportBankImport  *import,
                 const char         *folder,
                 GError            **error)
{
  for (guint i = 0; i < import->topics->len; i++)
    {
      RapportBankTopic *topic = g_ptr_array_index (import->topics, i);

      if (!write_file (folder, topic->file, topic->xml, error))
        return FALSE;
    }

  for (guint i = 0; i < import->media->len; i++)
    {
      RapportBankMedia *media = g_ptr_array_index (import->media, i);

      g_assert (rapport_media_path_is_valid (media->name));
      if (!write_file (folder, media->name, media->bytes, error))
        return FALSE;
    }

  return TRUE;
}

/* Problems found in the copy, named as the files will be named in DIR. */
static void
add_problems_renamed (GPtrArray  *to,
                      GPtrArray  *from,
                      const char *copy,
                      const char *folder)
{
  for (guint i = 0; i < from->len; i++)
    {
      RapportProblem *problem = g_ptr_array_index (from, i);
      g_autofree char *file = NULL;

      if (g_str_has_prefix (problem->file, copy))
        file = g_strconcat (folder, problem->file + strlen (copy), NULL);
      else
        file = g_build_filename (folder, problem->file, NULL);

      g_ptr_array_add (to, rapport_problem_new (file, problem->line, problem->message));
    }
}

/* A copy of the pack as it will be: its own topics and pictures, then what
 * the import writes, in a folder of its own; NULL on failure.
 */
static char *
copy_merged_pack (RapportBankImport  *import,
                  GBytes             *manifest,
                  GError            **error)
{
  g_autofree char *copy = g_dir_make_tmp ("rapport-import-XXXXXX", error);
  g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func (g_free);

  if (copy == NULL)
    return NULL;

  if (!write_file (copy, RAPPORT_PACK_MANIFEST, manifest, error) ||
      !write_new_files (import, copy, error))
    goto fail;

  for (guint i = 0; i < rapport_pack_get_n_topic_files (import->pack); i++)
    {
      if (!copy_file (import->folder, copy, rapport_pack_get_topic_file (import->pack, i),
                      RAPPORT_TOPIC_MAX_SIZE, error))
        goto fail;
    }

  list_files (import->folder, "media", 0, media);
  for (guint i = 0; i < media->len; i++)
    {
      const char *name = g_ptr_array_index (media, i);

      if (rapport_media_path_is_valid (name) &&
          !copy_file (import->folder, copy, name, RAPPORT_PACK_MAX_MEDIA_SIZE, error))
        goto fail;
    }

  return g_steal_pointer (&copy);

fail:
  remove_tree (copy, 0);

  return NULL;
}

/* Loads the pack as it will be, as Rapport loads any pack, with the loader
 * the catalog uses, and draws its pictures with the decoder: for a new pack
 * the staged folder itself, for one that exists a copy of it with the new
 * files (its own stay untouched until the move).
 */
static gboolean
validate (RapportBankImport  *import,
          const char         *staging,
          GBytes             *manifest,
          GError            **error)
{
  g_autofree char *copy = NULL;
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportPack) pack = NULL;
  RapportPictureCheck check = { 0 };
  const char *folder = staging;
  gboolean valid = FALSE;

  if (import->pack != NULL)
    {
      copy = copy_merged_pack (import, manifest, error);
      if (copy == NULL)
        return FALSE;
      folder = copy;
    }

  pack = rapport_pack_load_folder (folder, import->loader, problems, NULL);
  if (pack != NULL && !rapport_picture_check_pack (pack, problems, &check, error))
    goto out;

  add_problems_renamed (import->problems, problems, folder, import->folder);
  valid = pack != NULL && problems->len == 0;
  if (!valid)
    g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID,
                 _("What the import would write is not a valid pack, so nothing was written. "
                   "This is a fault of Rapport: please report it, with the bank if you can."));

out:
  if (copy != NULL)
    remove_tree (copy, 0);

  return valid;
}

/* Moves the new files of @staging into the pack, pack.json last; on failure
 * takes back what had moved.
 */
static gboolean
move_into_pack (RapportBankImport  *import,
                const char         *staging,
                GError            **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *manifest_from = g_build_filename (staging, RAPPORT_PACK_MANIFEST, NULL);
  g_autofree char *manifest_to = g_build_filename (import->folder, RAPPORT_PACK_MANIFEST, NULL);

  list_files (staging, "topics", 0, files);
  list_files (staging, "media", 0, files);

  for (guint i = 0; i < files->len; i++)
    {
      const char *relative = g_ptr_array_index (files, i);
      g_autofree char *from = g_build_filename (staging, relative, NULL);
      g_autofree char *to = g_build_filename (import->folder, relative, NULL);
      g_autofree char *parent = g_path_get_dirname (to);

      if (g_file_test (to, G_FILE_TEST_EXISTS))
        {
          set_file_error (error, EEXIST, _("Could not write “%s”: %s"), to, g_strerror (EEXIST));
          goto undo;
        }

      if (g_mkdir_with_parents (parent, 0755) != 0)
        {
          set_file_error (error, errno, _("Could not create the folder “%s”: %s"),
                                        parent, g_strerror (errno));
          goto undo;
        }

      if (g_rename (from, to) != 0)
        {
          set_file_error (error, errno, _("Could not write “%s”: %s"), to, g_strerror (errno));
          goto undo;
        }
      g_ptr_array_add (moved, g_steal_pointer (&to));
    }

  if (g_rename (manifest_from, manifest_to) == 0)
    return TRUE;

  set_file_error (error, errno, _("Could not write “%s”: %s"), manifest_to, g_strerror (errno));

undo:
  for (guint i = 0; i < moved->len; i++)
    g_unlink (g_ptr_array_index (moved, i));

  return FALSE;
}

/* DIR could not become the new pack: it was filled meanwhile, or cannot be
 * written.
 */
static void
set_folder_error (GError     **error,
                  int          saved_errno,
                  const char  *folder)
{
  if (saved_errno == ENOTEMPTY || saved_errno == EEXIST)
    set_file_error (error, saved_errno,
                    _("Something was put in “%s” while the bank was read, so nothing was "
                      "written there. Import the bank again."),
                    folder);
  else
    set_file_error (error, saved_errno, _("Could not write “%s”: %s"), folder,
                    g_strerror (saved_errno));
}

/**
 * rapport_bank_import_install:
 * @self: an import that rapport_bank_import_read() found something in
 * @skeleton: what a new pack's pack.json says; its language is the
 *   import's. Not used when DIR is a pack already.
 *
 * Writes the topics and pictures beside DIR, validates them as Rapport
 * loads a pack (problems go to the import's), and only then moves them
 * into DIR: on failure DIR is as it was.
 *
 * Returns: whether DIR now holds them
 */
gboolean
rapport_bank_import_install (RapportBankImport          *import,
                             const RapportPackSkeleton  *skeleton,
                             GError                    **error)
{
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  g_autofree char *staging = NULL;
  g_autoptr(GBytes) manifest = NULL;
  gboolean done = FALSE;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (import->topics != NULL && import->media != NULL, FALSE);
  g_return_val_if_fail (import->pack != NULL || skeleton != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parent = g_path_get_dirname (import->folder);
  base = g_path_get_basename (import->folder);
  template = g_strdup_printf (".%s.import-XXXXXX", base);
  staging = g_build_filename (parent, template, NULL);

  manifest = import->pack != NULL ? merged_manifest (import, error) : new_manifest (import, skeleton);
  if (manifest == NULL)
    return FALSE;

  if (g_mkdtemp_full (staging, 0755) == NULL)
    return set_file_error (error, errno, _("Could not create the folder “%s”: %s"),
                                         staging, g_strerror (errno));

  if (!write_file (staging, RAPPORT_PACK_MANIFEST, manifest, error) ||
      !write_new_files (import, staging, error) ||
      !validate (import, staging, manifest, error))
    goto out;

  if (import->pack != NULL)
    {
      done = move_into_pack (import, staging, error);
    }
  else
    {
      gboolean existed = g_file_test (import->folder, G_FILE_TEST_IS_DIR);

      /* An empty folder that is there already gives way to the new one. */
      if (existed && g_rmdir (import->folder) != 0)
        {
          set_folder_error (error, errno, import->folder);
          goto out;
        }
      done = g_rename (staging, import->folder) == 0;
      if (!done)
        {
          int saved_errno = errno;

          /* The empty folder is put back; none is left where there was none. */
          if (existed)
            g_mkdir (import->folder, 0755);
          set_folder_error (error, saved_errno, import->folder);
        }
    }

out:
  if (!done || import->pack != NULL)
    remove_tree (staging, 0);

  return done;
}
