/* rapport-bank-import-async.c: the app's import of a question bank, read in
 * a worker thread and installed as a new pack of the learner's data folder
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A bank dropped on the app becomes a pack of its own, never part of one
 * that is installed: its folder is the packs folder's <id>, with an id from
 * the bank's file name that no installed or recorded pack has. It is
 * written the way `rapport-pack import` writes a new pack (beside the
 * folder, under a hidden name the catalog skips, then renamed) in a worker
 * thread, and then recorded in the store by the finish function, on the
 * thread that asked, as an install is (rapport-pack-import.c in packs).
 * When the store cannot record it, the folder goes again: nothing is left
 * half-imported.
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rapport-bank-import.h"
#include "rapport-keys.h"

#define VERSION "1.0"

/**
 * rapport_bank_path_is_bank:
 * @path: a file's path or name
 *
 * Whether the name is one a question bank has: a GIFT file (.gift, .txt) or
 * a Moodle XML file (.xml). Which of them it is the bank's content says.
 */
gboolean
rapport_bank_path_is_bank (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".gift") || g_str_has_suffix (lower, ".txt") ||
         g_str_has_suffix (lower, ".xml");
}

/* Reading */

typedef struct
{
  char               *bank_path;
  char               *data_dir;
  GStrv               taken_ids;
  RapportTopicLoader *loader;
  char               *pack_id;     /* the outcome, besides the import */
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->bank_path);
  g_free (data->data_dir);
  g_strfreev (data->taken_ids);
  g_clear_object (&data->loader);
  g_free (data->pack_id);
  g_free (data);
}

static gboolean
is_taken (OpenData   *data,
          const char *packs_dir,
          const char *id)
{
  g_autofree char *folder = g_build_filename (packs_dir, id, NULL);

  return g_str_equal (id, RAPPORT_CORE_PACK_ID) ||
         (data->taken_ids != NULL && g_strv_contains ((const char * const *) data->taken_ids, id)) ||
         g_file_test (folder, G_FILE_TEST_EXISTS);
}

/* "org.example.<the bank's name>", or with -2, -3… when a pack has it. */
static char *
choose_pack_id (OpenData   *data,
                const char *packs_dir)
{
  g_autofree char *name = g_path_get_basename (data->bank_path);
  g_autofree char *base = NULL;
  char *dot = strrchr (name, '.');
  char *id;

  if (dot != NULL && dot != name)
    *dot = '\0';
  base = rapport_pack_skeleton_id (name);

  id = g_strdup (base);
  for (guint n = 2; is_taken (data, packs_dir, id) && n < 10000; n++)
    {
      g_autofree char *suffix = g_strdup_printf ("-%u", n);
      const char *part = strrchr (base, '.') + 1;
      gsize length = MIN (strlen (part), 63 - strlen (suffix));

      /* The last part of an id has at most 63 characters, no final hyphen. */
      while (length > 1 && part[length - 1] == '-')
        length--;
      g_free (id);
      id = g_strdup_printf ("%.*s%.*s%s", (int) (part - base), base, (int) length, part, suffix);
    }

  return id;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autofree char *packs_dir = rapport_pack_get_packs_dir (data->data_dir);
  g_autofree char *folder = NULL;
  RapportBankImport *import;
  RapportBankWriteOptions options = { 0 };

  data->pack_id = choose_pack_id (data, packs_dir);
  folder = g_build_filename (packs_dir, data->pack_id, NULL);
  import = rapport_bank_import_new (folder, data->loader);
  rapport_bank_import_read (import, data->bank_path, &options);

  g_task_return_pointer (task, import, (GDestroyNotify) rapport_bank_import_unref);
}

/**
 * rapport_bank_import_open_async:
 * @bank_path: the bank's file
 * @data_dir: the learner's data folder, which holds the packs folder
 * @taken_ids: (nullable) (array zero-terminated=1): ids the new pack must
 *   not have besides the installed ones (those the store records)
 * @loader: checks the topics, as the catalog will load them
 * @cancellable: (nullable): drops the outcome; the reading itself finishes
 *
 * Reads the bank for a new pack in the packs folder, in a worker thread,
 * for the report the learner confirms. Nothing is written.
 */
void
rapport_bank_import_open_async (const char          *bank_path,
                                const char          *data_dir,
                                const char * const  *taken_ids,
                                RapportTopicLoader  *loader,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (bank_path != NULL);
  g_return_if_fail (data_dir != NULL);
  g_return_if_fail (RAPPORT_IS_TOPIC_LOADER (loader));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (OpenData, 1);
  data->bank_path = g_strdup (bank_path);
  data->data_dir = g_strdup (data_dir);
  data->taken_ids = g_strdupv ((char **) taken_ids);
  data->loader = g_object_ref (loader);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_bank_import_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * rapport_bank_import_open_finish:
 * @pack_id: (out) (optional) (transfer full): the id the new pack would have
 *
 * Returns: (transfer full) (nullable): the import, read: with topics to
 *   install when rapport_bank_import_count() is not 0, otherwise with the
 *   problems that say why; %NULL only with %G_IO_ERROR_CANCELLED
 */
RapportBankImport *
rapport_bank_import_open_finish (GAsyncResult  *result,
                                 char         **pack_id,
                                 GError       **error)
{
  RapportBankImport *import;
  OpenData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_bank_import_open_async,
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  import = g_task_propagate_pointer (G_TASK (result), error);
  data = g_task_get_task_data (G_TASK (result));
  if (import != NULL && pack_id != NULL)
    *pack_id = g_steal_pointer (&data->pack_id);

  return import;
}

/* Installing */

typedef struct
{
  RapportBankImport *import;
  char              *data_dir;
  RapportStore      *store;
  /* the skeleton's strings, owned */
  char              *id;
  char              *title;
  GStrv              authors;
  char              *license;
  char              *description;
} InstallData;

static void
install_data_free (InstallData *data)
{
  g_clear_pointer (&data->import, rapport_bank_import_unref);
  g_free (data->data_dir);
  g_clear_object (&data->store);
  g_free (data->id);
  g_free (data->title);
  g_strfreev (data->authors);
  g_free (data->license);
  g_free (data->description);
  g_free (data);
}

static RapportPackSkeleton
install_data_get_skeleton (InstallData *data)
{
  RapportPackSkeleton skeleton = {
    .id = data->id,
    .title = data->title,
    .authors = (const char * const *) data->authors,
    .language = data->import->language,
    .license = data->license,
    .description = data->description,
  };

  return skeleton;
}

static void
install_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  InstallData *data = task_data;
  RapportPackSkeleton skeleton = install_data_get_skeleton (data);
  g_autofree char *packs_dir = rapport_pack_get_packs_dir (data->data_dir);
  GError *error = NULL;

  if (g_mkdir_with_parents (packs_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                               _("Could not create the folder “%s”: %s"),
                               packs_dir, g_strerror (saved_errno));
      return;
    }

  if (!rapport_bank_import_install (data->import, &skeleton, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rapport_bank_import_install_async:
 * @self: from rapport_bank_import_open_finish(), with something to install;
 *   it must not change until the install is finished
 * @data_dir: the learner's data folder
 * @skeleton: what pack.json says; its id is the one
 *   rapport_bank_import_open_finish() gave, and its language is the import's
 * @store: (nullable): records the pack as installed, in
 *   rapport_bank_import_install_finish()
 *
 * rapport_bank_import_install() in a worker thread. It cannot be cancelled.
 */
void
rapport_bank_import_install_async (RapportBankImport         *self,
                                   const char                *data_dir,
                                   const RapportPackSkeleton *skeleton,
                                   RapportStore              *store,
                                   GAsyncReadyCallback        callback,
                                   gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *folder_id = NULL;
  InstallData *data;

  g_return_if_fail (self != NULL && self->pack == NULL);
  g_return_if_fail (rapport_bank_import_count (self) > 0);
  g_return_if_fail (data_dir != NULL);
  g_return_if_fail (skeleton != NULL && skeleton->id != NULL);
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));

  folder_id = g_path_get_basename (self->folder);
  g_return_if_fail (g_str_equal (folder_id, skeleton->id));

  data = g_new0 (InstallData, 1);
  data->import = rapport_bank_import_ref (self);
  data->data_dir = g_strdup (data_dir);
  data->store = store != NULL ? g_object_ref (store) : NULL;
  data->id = g_strdup (skeleton->id);
  data->title = g_strdup (skeleton->title);
  data->authors = g_strdupv ((char **) skeleton->authors);
  data->license = g_strdup (skeleton->license);
  data->description = g_strdup (skeleton->description);

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, rapport_bank_import_install_async);
  g_task_set_task_data (task, data, (GDestroyNotify) install_data_free);
  g_task_run_in_thread (task, install_thread);
}

/**
 * rapport_bank_import_install_finish:
 *
 * On the thread that asked, where the store may be written: the folder is
 * in place, and the pack is recorded in the store. When the store cannot
 * record it, the folder goes again.
 *
 * Returns: (transfer full) (nullable): the new pack, or %NULL with the
 *   error (the import's problems say more when it is
 *   %RAPPORT_PACK_ERROR_INVALID); nothing is left of it then
 */
RapportPackInstallResult *
rapport_bank_import_install_finish (GAsyncResult  *result,
                                    GError       **error)
{
  RapportPackInstallResult *installed;
  g_autoptr(GError) local_error = NULL;
  InstallData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                          rapport_bank_import_install_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  if (data->store != NULL &&
      !rapport_store_set_pack_installed (data->store, data->id, VERSION, data->title, NULL,
                                         &local_error))
    {
      g_autoptr(GError) remove_error = NULL;

      /* A pack the store does not know is one the learner cannot remove. */
      if (!rapport_pack_remove (data->id, data->data_dir, NULL, TRUE, &remove_error))
        g_warning ("Could not remove the pack made from a bank: %s", remove_error->message);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("The pack was not created: "));
      return NULL;
    }

  installed = g_new0 (RapportPackInstallResult, 1);
  installed->kind = RAPPORT_PACK_INSTALL_NEW;
  installed->id = g_strdup (data->id);
  installed->title = g_strdup (data->title);
  installed->version = g_strdup (VERSION);
  installed->folder = g_strdup (data->import->folder);

  return installed;
}
