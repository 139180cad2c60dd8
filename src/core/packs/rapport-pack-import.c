/* rapport-pack-import.c: checking and installing a pack off the main thread
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading a pack takes a moment (a pack file may unpack to 64 MiB, every
 * topic is checked against the schema), and so does writing its files on
 * install: both run in a worker thread. The store is not thread-safe (one
 * SQLite connection), so an install is recorded in it back on the thread
 * that asked for it, which is the main thread in the app.
 */

#include "config.h"

#include "rapport-pack-import.h"
#include "rapport-problem.h"

/* Checking */

typedef struct
{
  char                   *path;
  char                   *data_dir;
  RapportTopicLoader     *loader;
  /* the outcome, besides the pack */
  GPtrArray              *problems;
  RapportPackInstallKind  kind;
  char                   *installed_version;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data->data_dir);
  g_clear_object (&data->loader);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data->installed_version);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  RapportPack *pack;
  GError *error = NULL;

  pack = rapport_pack_open (data->path, data->loader, data->problems, &error);
  if (pack == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->kind = rapport_pack_get_install_kind (pack, data->data_dir, &data->installed_version);
  g_task_return_pointer (task, pack, g_object_unref);
}

/**
 * rapport_pack_open_async:
 * @path: a .rapportpack file, a pack folder or its pack.json
 * @data_dir: the user's data folder, to tell what installing it would do
 * @loader: checks the topic files
 * @cancellable: (nullable): drops the outcome; the reading itself finishes
 *
 * rapport_pack_open() and rapport_pack_get_install_kind() in a worker
 * thread, for the summary the learner confirms.
 */
void
rapport_pack_open_async (const char          *path,
                         const char          *data_dir,
                         RapportTopicLoader  *loader,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (data_dir != NULL);
  g_return_if_fail (RAPPORT_IS_TOPIC_LOADER (loader));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->data_dir = g_strdup (data_dir);
  data->loader = g_object_ref (loader);
  data->problems = rapport_problem_list_new ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_pack_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * rapport_pack_open_finish:
 * @problems: (nullable): a list from rapport_problem_list_new() to append
 *   the pack's problems to, also when it cannot be installed
 * @kind: (out) (optional): what installing it would do
 * @installed_version: (out) (optional) (transfer full): the version
 *   installed now, or %NULL
 *
 * Returns: (transfer full) (nullable): the pack, with the bytes to install;
 *   or %NULL with the error of rapport_pack_open(), or %G_IO_ERROR_CANCELLED
 *   (and no problems) when @cancellable was cancelled
 */
RapportPack *
rapport_pack_open_finish (GAsyncResult            *result,
                          GPtrArray               *problems,
                          RapportPackInstallKind  *kind,
                          char                   **installed_version,
                          GError                 **error)
{
  g_autoptr(RapportPack) pack = NULL;
  g_autoptr(GError) local_error = NULL;
  OpenData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_pack_open_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_task_get_task_data (G_TASK (result));
  pack = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (guint i = 0; problems != NULL && i < data->problems->len; i++)
    g_ptr_array_add (problems, rapport_problem_copy (data->problems->pdata[i]));

  if (pack == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (kind != NULL)
    *kind = data->kind;
  if (installed_version != NULL)
    *installed_version = g_steal_pointer (&data->installed_version);

  return g_steal_pointer (&pack);
}

/* Installing */

typedef struct
{
  RapportPack             *pack;
  char                    *data_dir;
  RapportStore            *store;
  RapportPackInstallFlags  flags;
} InstallData;

static void
install_data_free (InstallData *data)
{
  g_clear_object (&data->pack);
  g_free (data->data_dir);
  g_clear_object (&data->store);
  g_free (data);
}

static void
install_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  InstallData *data = task_data;
  RapportPackInstallation *installation;
  GError *error = NULL;

  installation = rapport_pack_install_files (data->pack, data->data_dir, data->flags, &error);
  if (installation == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, installation, (GDestroyNotify) rapport_pack_installation_free);
}

/* Back on the thread that asked: the files are in place, the store is told. */
static void
on_files_installed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(RapportPackInstallation) installation = NULL;
  InstallData *data = g_task_get_task_data (task);
  RapportPackInstallResult *installed = NULL;
  GError *error = NULL;

  installation = g_task_propagate_pointer (G_TASK (result), &error);
  if (installation == NULL ||
      !rapport_pack_installation_commit (installation, data->store, &installed, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, installed, (GDestroyNotify) rapport_pack_install_result_free);
}

/**
 * rapport_pack_install_async:
 * @pack: a valid pack from rapport_pack_open_finish()
 * @data_dir: the user's data folder, which exists
 * @store: (nullable): the store that records installed packs
 * @flags: %RAPPORT_PACK_INSTALL_ALLOW_OLDER to replace a newer version
 *
 * rapport_pack_install_pack() with the files written in a worker thread
 * (rapport_pack_install_files()) and the pack recorded in @store on this
 * thread (rapport_pack_installation_commit()). It cannot be cancelled:
 * stopping halfway would only put the old version back.
 */
void
rapport_pack_install_async (RapportPack              *pack,
                            const char               *data_dir,
                            RapportStore             *store,
                            RapportPackInstallFlags   flags,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) files_task = NULL;
  InstallData *data;

  g_return_if_fail (RAPPORT_IS_PACK (pack));
  g_return_if_fail (data_dir != NULL);
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));

  data = g_new0 (InstallData, 1);
  data->pack = g_object_ref (pack);
  data->data_dir = g_strdup (data_dir);
  data->store = store != NULL ? g_object_ref (store) : NULL;
  data->flags = flags;

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, rapport_pack_install_async);
  g_task_set_task_data (task, data, (GDestroyNotify) install_data_free);

  /* The worker's task holds the caller's until the store is told. */
  files_task = g_task_new (NULL, NULL, on_files_installed_cb, g_object_ref (task));
  g_task_set_source_tag (files_task, rapport_pack_install_async);
  g_task_set_task_data (files_task, data, NULL);
  g_task_run_in_thread (files_task, install_thread);
}

/**
 * rapport_pack_install_finish:
 *
 * Returns: (transfer full) (nullable): what was done, or %NULL with the
 *   error of rapport_pack_install_pack(), nothing changed
 */
RapportPackInstallResult *
rapport_pack_install_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_pack_install_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
