/* rapport-catalog.c: every topic the learner can study, from every pack
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-broken-pack.h"
#include "rapport-catalog.h"
#include "rapport-pack-install.h"
#include "rapport-problem.h"

struct _RapportCatalog
{
  GObject parent_instance;

  /* owned */
  RapportTopicLoader *loader;
  GListStore         *topics;
  GListStore         *packs;
  GListStore         *broken_packs;
  GPtrArray          *problems;
  gboolean            loaded;
};

G_DEFINE_FINAL_TYPE (RapportCatalog, rapport_catalog, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

RapportCatalog *
rapport_catalog_new (void)
{
  return g_object_new (RAPPORT_TYPE_CATALOG, NULL);
}

/* The loader that checks every topic; needed before loading. */
void
rapport_catalog_set_loader (RapportCatalog     *self,
                            RapportTopicLoader *loader)
{
  g_return_if_fail (RAPPORT_IS_CATALOG (self));
  g_return_if_fail (RAPPORT_IS_TOPIC_LOADER (loader));

  g_set_object (&self->loader, loader);
}

/* The built-in course: $RAPPORT_CORE_PACK (which `meson devenv` and the
 * tests set to the source tree's copy), else the installed copy.
 */
char *
rapport_catalog_find_core_pack (void)
{
  const char *env = g_getenv ("RAPPORT_CORE_PACK");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (PKGDATADIR, "packs", "core", NULL);
}

typedef struct
{
  GPtrArray *packs;         /* of RapportPack */
  GPtrArray *broken_packs;  /* of RapportBrokenPack */
  GPtrArray *problems;      /* of RapportProblem */
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->packs, g_ptr_array_unref);
  g_clear_pointer (&result->broken_packs, g_ptr_array_unref);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_free (result);
}

/* Runs in a worker thread: parsing and validating the course takes tens of
 * milliseconds, which the first frame must not wait for.  A pack with
 * problems is left out whole; the problems are kept for the Packs view.
 */
static LoadResult *
load_packs (RapportTopicLoader *loader,
            const char * const *folders)
{
  LoadResult *result = g_new0 (LoadResult, 1);

  result->packs = g_ptr_array_new_with_free_func (g_object_unref);
  result->broken_packs = g_ptr_array_new_with_free_func (g_object_unref);
  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_problem_free);

  for (guint i = 0; folders != NULL && folders[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
      g_autoptr(GError) error = NULL;
      RapportPack *pack;

      pack = rapport_pack_load_folder (folders[i], loader, problems, &error);
      if (pack != NULL)
        {
          g_ptr_array_add (result->packs, pack);
          continue;
        }

      if (problems->len == 0)
        g_ptr_array_add (problems, rapport_problem_new (folders[i], 0,
                                                        error != NULL ? error->message : ""));
      g_ptr_array_add (result->broken_packs, rapport_broken_pack_new (folders[i], problems));
      for (guint j = 0; j < problems->len; j++)
        g_ptr_array_add (result->problems, rapport_problem_copy (problems->pdata[j]));
    }

  return result;
}

static void
apply_result (RapportCatalog *self,
              LoadResult     *result)
{
  g_assert (RAPPORT_IS_CATALOG (self));

  g_list_store_remove_all (self->topics);
  g_list_store_remove_all (self->packs);
  g_list_store_splice (self->broken_packs, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->broken_packs)),
                       result->broken_packs->pdata, result->broken_packs->len);

  for (guint i = 0; i < result->packs->len; i++)
    {
      RapportPack *pack = result->packs->pdata[i];
      GListModel *topics = rapport_pack_get_topics (pack);
      guint n = g_list_model_get_n_items (topics);

      g_list_store_append (self->packs, pack);
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, j);

          g_list_store_append (self->topics, topic);
        }
    }

  g_ptr_array_set_size (self->problems, 0);
  for (guint i = 0; i < result->problems->len; i++)
    g_ptr_array_add (self->problems, g_steal_pointer (&result->problems->pdata[i]));
  g_ptr_array_set_free_func (result->problems, NULL);

  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  RapportCatalog *self = source_object;
  const char * const *folders = task_data;

  g_task_return_pointer (task, load_packs (self->loader, folders),
                         (GDestroyNotify) load_result_free);
}

void
rapport_catalog_load_async (RapportCatalog      *self,
                            const char * const  *pack_folders,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RAPPORT_IS_CATALOG (self));
  g_return_if_fail (self->loader != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_catalog_load_async);
  g_task_set_task_data (task, g_strdupv ((char **) pack_folders), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, load_thread);
}

gboolean
rapport_catalog_load_finish (RapportCatalog  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  LoadResult *loaded;

  g_return_val_if_fail (RAPPORT_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return FALSE;

  apply_result (self, loaded);
  load_result_free (loaded);
  return TRUE;
}

/* The same, blocking: for the command-line tool and tests. */
gboolean
rapport_catalog_load (RapportCatalog      *self,
                      const char * const  *pack_folders,
                      GError             **error)
{
  LoadResult *loaded;

  g_return_val_if_fail (RAPPORT_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (self->loader != NULL, FALSE);

  loaded = load_packs (self->loader, pack_folders);
  apply_result (self, loaded);
  load_result_free (loaded);
  return TRUE;
}

gboolean
rapport_catalog_get_loaded (RapportCatalog *self)
{
  g_return_val_if_fail (RAPPORT_IS_CATALOG (self), FALSE);

  return self->loaded;
}

/**
 * rapport_catalog_get_topics:
 *
 * Returns: (transfer none): a list of #RapportTopic, packs in load order
 */
GListModel *
rapport_catalog_get_topics (RapportCatalog *self)
{
  g_return_val_if_fail (RAPPORT_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->topics);
}

GListModel *
rapport_catalog_get_packs (RapportCatalog *self)
{
  g_return_val_if_fail (RAPPORT_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->packs);
}

/**
 * rapport_catalog_get_broken_packs:
 *
 * Returns: (transfer none): a list of #RapportBrokenPack, the pack folders
 *   that could not be loaded, in load order
 */
GListModel *
rapport_catalog_get_broken_packs (RapportCatalog *self)
{
  g_return_val_if_fail (RAPPORT_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->broken_packs);
}

/**
 * rapport_catalog_get_problems:
 *
 * Returns: (transfer none) (element-type RapportProblem): problems of the
 *   packs that could not be loaded
 */
GPtrArray *
rapport_catalog_get_problems (RapportCatalog *self)
{
  g_return_val_if_fail (RAPPORT_IS_CATALOG (self), NULL);

  return self->problems;
}

RapportTopic *
rapport_catalog_lookup_topic (RapportCatalog *self,
                              const char     *pack_id,
                              const char     *topic_key)
{
  guint n;

  g_return_val_if_fail (RAPPORT_IS_CATALOG (self), NULL);
  g_return_val_if_fail (pack_id != NULL, NULL);
  g_return_val_if_fail (topic_key != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->topics));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topics), i);

      if (g_strcmp0 (rapport_topic_get_pack_id (topic), pack_id) == 0 &&
          g_strcmp0 (rapport_topic_get_key (topic), topic_key) == 0)
        return topic;
    }

  return NULL;
}

/**
 * rapport_catalog_lookup_pack:
 *
 * Returns: (transfer none) (nullable): the loaded pack with @pack_id
 */
RapportPack *
rapport_catalog_lookup_pack (RapportCatalog *self,
                             const char     *pack_id)
{
  guint n;

  g_return_val_if_fail (RAPPORT_IS_CATALOG (self), NULL);
  g_return_val_if_fail (pack_id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->packs));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportPack) pack = g_list_model_get_item (G_LIST_MODEL (self->packs), i);

      if (g_strcmp0 (rapport_pack_get_id (pack), pack_id) == 0)
        return pack;
    }

  return NULL;
}

/**
 * rapport_catalog_list_missing_packs:
 * @store: (nullable): the store that records installed packs
 * @data_dir: the user's data folder
 *
 * Packs the store says are installed whose folder is gone altogether: the
 * catalog never sees them, but the learner should, to remove them (and
 * decide about their progress). None until the catalog is loaded.
 *
 * Returns: (transfer full) (element-type RapportBrokenPack): one broken
 *   pack for each, in the store's order
 */
GPtrArray *
rapport_catalog_list_missing_packs (RapportCatalog *self,
                                    RapportStore   *store,
                                    const char     *data_dir)
{
  g_autofree char *packs_dir = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (RAPPORT_IS_CATALOG (self), NULL);
  g_return_val_if_fail (store == NULL || RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (data_dir != NULL, NULL);

  packs_dir = rapport_pack_get_packs_dir (data_dir);
  if (store != NULL && self->loaded)
    records = rapport_store_list_packs (store, NULL);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      RapportStorePack *record = records->pdata[i];
      g_autofree char *folder = g_build_filename (packs_dir, record->id, NULL);
      g_autoptr(GPtrArray) problems = NULL;

      if (g_strcmp0 (record->id, RAPPORT_CORE_PACK_ID) == 0 ||
          g_file_test (folder, G_FILE_TEST_EXISTS) ||
          rapport_catalog_lookup_pack (self, record->id) != NULL)
        continue;

      problems = rapport_problem_list_new ();
      rapport_problem_list_add (problems, folder, 0, "%s",
                                _("Its folder in your data folder is missing."));
      g_ptr_array_add (missing, rapport_broken_pack_new (folder, problems));
    }

  return g_steal_pointer (&missing);
}

static void
rapport_catalog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RapportCatalog *self = RAPPORT_CATALOG (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_catalog_finalize (GObject *object)
{
  RapportCatalog *self = RAPPORT_CATALOG (object);

  g_clear_object (&self->loader);
  g_clear_object (&self->topics);
  g_clear_object (&self->packs);
  g_clear_object (&self->broken_packs);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_catalog_parent_class)->finalize (object);
}

static void
rapport_catalog_class_init (RapportCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_catalog_finalize;
  object_class->get_property = rapport_catalog_get_property;

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_catalog_init (RapportCatalog *self)
{
  self->topics = g_list_store_new (RAPPORT_TYPE_TOPIC);
  self->packs = g_list_store_new (RAPPORT_TYPE_PACK);
  self->broken_packs = g_list_store_new (RAPPORT_TYPE_BROKEN_PACK);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_problem_free);
}
