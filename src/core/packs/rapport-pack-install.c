/* rapport-pack-install.c: installing, upgrading and removing a learner's
 * packs
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Installed packs live in $XDG_DATA_HOME/rapport/packs/<id>/, one folder per
 * pack, which the catalog loads like Rapport's own course.
 *
 * A pack is installed from the bytes that were checked, never copied again
 * from where it came from: rapport_pack_open() keeps them. They are written
 * into a fresh hidden folder next to the others, which then takes the
 * pack's place in one rename (an exchange, when an older version is there),
 * so that the catalog sees the old pack or the new one, never half of
 * either. Only then is the store told; if that fails, the old folder is put
 * back. Progress is keyed by pack id and topic, lesson and question keys, so
 * an upgrade keeps whatever the new version still has.
 */

#define _GNU_SOURCE 1

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rapport-io.h"
#include "rapport-keys.h"
#include "rapport-pack-archive.h"
#include "rapport-pack-install.h"
#include "rapport-pack-private.h"

void
rapport_pack_install_result_free (RapportPackInstallResult *result)
{
  if (result == NULL)
    return;

  g_free (result->id);
  g_free (result->title);
  g_free (result->version);
  g_free (result->previous_version);
  g_free (result->folder);
  g_free (result);
}

/* Fails with RAPPORT_PACK_ERROR_FAILED: returns FALSE. gettext leaves
 * errno alone, so callers may pass g_strerror (errno).
 */
#define set_io_error(error, ...) \
  rapport_pack_set_error ((error), RAPPORT_PACK_ERROR_FAILED, __VA_ARGS__)

/* Where installed packs go: @data_dir/packs. */
char *
rapport_pack_get_packs_dir (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return g_build_filename (data_dir, "packs", NULL);
}

/**
 * rapport_pack_open:
 * @path: a .rapportpack file, a pack folder or its pack.json
 * @loader: checks the topic files
 * @problems: (nullable): a list from rapport_problem_list_new() to append to
 *
 * Loads a pack to show before installing it, keeping the bytes of every file
 * that was checked for rapport_pack_install_pack().
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL with
 * %RAPPORT_PACK_ERROR_INVALID and the problems.
 */
RapportPack *
rapport_pack_open (const char          *path,
                   RapportTopicLoader  *loader,
                   GPtrArray           *problems,
                   GError             **error)
{
  g_autoptr(GHashTable) files = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  RapportPackSource source = { 0 };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (RAPPORT_IS_TOPIC_LOADER (loader), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (rapport_pack_path_is_archive (path))
    {
      files = rapport_pack_archive_read_file (path, problems, error);
      if (files == NULL)
        return NULL;

      source.files = files;
      source.archive = path;

      return rapport_pack_load_source (&source, loader,
                                       RAPPORT_PACK_LOAD_REQUIRE_CHECKSUMS | RAPPORT_PACK_LOAD_KEEP_FILES,
                                       problems, error);
    }

  basename = g_path_get_basename (path);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR) && g_str_equal (basename, RAPPORT_PACK_MANIFEST))
    folder = g_path_get_dirname (path);
  else
    folder = g_strdup (path);

  source.folder = folder;

  return rapport_pack_load_source (&source, loader, RAPPORT_PACK_LOAD_KEEP_FILES, problems, error);
}

/* The version in an installed pack's pack.json; NULL when it cannot be read. */
static char *
read_installed_version (const char *folder)
{
  g_autofree char *manifest_path = g_build_filename (folder, RAPPORT_PACK_MANIFEST, NULL);
  g_autoptr(GBytes) manifest = NULL;
  g_autoptr(RapportPack) installed = NULL;

  manifest = rapport_read_file_capped (manifest_path, RAPPORT_PACK_MAX_MANIFEST_SIZE, NULL);
  if (manifest == NULL)
    return NULL;

  installed = rapport_pack_new_from_manifest (manifest, manifest_path, NULL, NULL);
  if (installed == NULL)
    return NULL;

  return g_strdup (rapport_pack_get_version (installed));
}

static char *
get_pack_folder (const char *data_dir,
                 const char *pack_id)
{
  return g_build_filename (data_dir, "packs", pack_id, NULL);
}

/**
 * rapport_pack_get_install_kind:
 * @pack: a pack from rapport_pack_open()
 * @data_dir: the user's data folder, as rapport_paths_get_data_dir() gives it
 * @installed_version: (out) (optional) (transfer full): the version installed
 *   now, or %NULL
 *
 * What installing @pack would do, for the summary the learner confirms.
 */
RapportPackInstallKind
rapport_pack_get_install_kind (RapportPack  *pack,
                               const char   *data_dir,
                               char        **installed_version)
{
  g_autofree char *folder = NULL;
  g_autofree char *version = NULL;
  RapportPackInstallKind kind;
  int order;

  g_return_val_if_fail (RAPPORT_IS_PACK (pack), RAPPORT_PACK_INSTALL_NEW);
  g_return_val_if_fail (data_dir != NULL, RAPPORT_PACK_INSTALL_NEW);

  folder = get_pack_folder (data_dir, rapport_pack_get_id (pack));

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    kind = RAPPORT_PACK_INSTALL_NEW;
  else if ((version = read_installed_version (folder)) == NULL)
    kind = RAPPORT_PACK_INSTALL_UPGRADE;   /* a damaged copy: replace it */
  else if ((order = rapport_version_compare (rapport_pack_get_version (pack), version)) > 0)
    kind = RAPPORT_PACK_INSTALL_UPGRADE;
  else if (order == 0)
    kind = RAPPORT_PACK_INSTALL_REINSTALL;
  else
    kind = RAPPORT_PACK_INSTALL_DOWNGRADE;

  if (installed_version != NULL)
    *installed_version = g_steal_pointer (&version);

  return kind;
}

/* Deletes a folder and what it holds, without following symbolic links. */
static gboolean
remove_tree (const char  *path,
             GError     **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return errno == ENOENT ? TRUE : set_io_error (error, _("Could not remove “%s”: %s"),
                                                  path, g_strerror (errno));

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      if (dir == NULL)
        return set_io_error (error, _("Could not remove “%s”: %s"), path, g_strerror (errno));

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!remove_tree (child, error))
            return FALSE;
        }
    }

  if (g_remove (path) != 0)
    return set_io_error (error, _("Could not remove “%s”: %s"), path, g_strerror (errno));

  return TRUE;
}

/* Writes the checked files into @folder, which is new and ours. */
static gboolean
write_files (const char  *folder,
             GHashTable  *files,
             GError     **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *path = NULL;
      g_autofree char *parent = NULL;
      g_autoptr(GError) local_error = NULL;
      gconstpointer data;
      gsize length;

      /* Checked when the pack was read; checked again, as this is where a
       * wrong name would do harm.
       */
      if (!rapport_pack_path_is_safe (key))
        {
          g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID,
                       _("“%s” is not a file name inside the pack."), (const char *) key);
          return FALSE;
        }

      path = g_build_filename (folder, key, NULL);
      parent = g_path_get_dirname (path);
      if (g_mkdir_with_parents (parent, 0755) != 0)
        return set_io_error (error, _("Could not create the folder “%s”: %s"),
                             parent, g_strerror (errno));

      data = g_bytes_get_data (value, &length);
      if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                     &local_error))
        {
          g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_FAILED,
                       _("Could not install the pack: %s"), local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

/* A new hidden folder in @packs_dir, on the same file system as the packs,
 * so that renames are atomic; the catalog skips hidden names.
 */
static char *
make_hidden_folder (const char  *packs_dir,
                    const char  *pack_id,
                    const char  *purpose,
                    GError     **error)
{
  g_autofree char *template = g_strdup_printf (".%s.%s-XXXXXX", pack_id, purpose);
  char *path = g_build_filename (packs_dir, template, NULL);

  if (g_mkdtemp_full (path, 0700) == NULL)
    {
      set_io_error (error, _("Could not create the folder “%s”: %s"),
                    packs_dir, g_strerror (errno));
      g_free (path);
      return NULL;
    }

  return path;
}

/* Puts @from in the place of @to, an existing folder, and @to's old content
 * at @from, in one step where the file system can.
 */
static gboolean
exchange_folders (const char  *from,
                  const char  *to,
                  GError     **error)
{
  g_autofree char *packs_dir = NULL;
  g_autofree char *aside = NULL;

#ifdef RENAME_EXCHANGE
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE) == 0)
    return TRUE;

  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return set_io_error (error, _("Could not install the pack in “%s”: %s"),
                         to, g_strerror (errno));
#endif

  /* Three renames; a directory may replace an empty one. */
  packs_dir = g_path_get_dirname (to);
  aside = make_hidden_folder (packs_dir, "exchange", "aside", error);
  if (aside == NULL)
    return FALSE;

  if (g_rename (to, aside) != 0)
    {
      set_io_error (error, _("Could not install the pack in “%s”: %s"),
                    to, g_strerror (errno));
      g_rmdir (aside);
      return FALSE;
    }

  if (g_rename (from, to) != 0)
    {
      int saved_errno = errno;

      g_rename (aside, to);
      return set_io_error (error, _("Could not install the pack in “%s”: %s"),
                           to, g_strerror (saved_errno));
    }

  if (g_rename (aside, from) != 0)
    return set_io_error (error, _("Could not remove “%s”: %s"), aside, g_strerror (errno));

  return TRUE;
}

static void
remove_leftover (const char *path)
{
  g_autoptr(GError) error = NULL;

  /* The pack is installed (or left as it was) already; what remains is a
   * hidden folder that the catalog never reads.
   */
  if (!remove_tree (path, &error))
    g_warning ("Could not tidy up after installing a pack: %s", error->message);
}

struct _RapportPackInstallation
{
  RapportPack            *pack;
  RapportPackInstallKind  kind;
  char                   *installed_version;
  char                   *target;
  char                   *staging;     /* the old version, after an exchange */
  gboolean                replacing;
  gboolean                committed;
};

/**
 * rapport_pack_install_files:
 * @pack: a valid pack from rapport_pack_open()
 * @data_dir: the user's data folder, as rapport_paths_get_data_dir() gives it
 * @flags: %RAPPORT_PACK_INSTALL_ALLOW_OLDER to replace a newer version
 *
 * The first half of rapport_pack_install_pack(), which may run in a worker
 * thread: writes @pack's files and puts them in the place of the installed
 * version, which is kept aside until rapport_pack_installation_commit()
 * has recorded the pack in the store (on the thread that owns it). Freeing
 * the installation without committing puts the old version back.
 *
 * Returns: (transfer full) (nullable): the installation, or %NULL with
 *   %RAPPORT_PACK_ERROR_OLDER, %RAPPORT_PACK_ERROR_RESERVED or another error,
 *   nothing changed
 */
RapportPackInstallation *
rapport_pack_install_files (RapportPack              *pack,
                            const char               *data_dir,
                            RapportPackInstallFlags   flags,
                            GError                  **error)
{
  g_autoptr(RapportPackInstallation) self = NULL;
  g_autofree char *packs_dir = NULL;
  const char *id;

  g_return_val_if_fail (RAPPORT_IS_PACK (pack), NULL);
  g_return_val_if_fail (rapport_pack_get_files (pack) != NULL, NULL);
  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  id = rapport_pack_get_id (pack);
  g_return_val_if_fail (id != NULL && rapport_pack_id_is_valid (id), NULL);

  if (g_str_equal (id, RAPPORT_CORE_PACK_ID))
    {
      g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_RESERVED,
                   _("“%s” is the id of Rapport’s own course; a pack cannot replace it."), id);
      return NULL;
    }

  self = g_new0 (RapportPackInstallation, 1);
  self->pack = g_object_ref (pack);
  self->kind = rapport_pack_get_install_kind (pack, data_dir, &self->installed_version);
  if (self->kind == RAPPORT_PACK_INSTALL_DOWNGRADE && (flags & RAPPORT_PACK_INSTALL_ALLOW_OLDER) == 0)
    {
      g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_OLDER,
                   _("Version %s of “%s” is installed, which is newer than version %s in this "
                     "file."),
                   self->installed_version, rapport_pack_get_title (pack),
                   rapport_pack_get_version (pack));
      return NULL;
    }

  packs_dir = rapport_pack_get_packs_dir (data_dir);
  if (g_mkdir_with_parents (packs_dir, 0700) != 0)
    {
      set_io_error (error, _("Could not create the folder “%s”: %s"),
                    packs_dir, g_strerror (errno));
      return NULL;
    }

  self->target = get_pack_folder (data_dir, id);
  self->staging = make_hidden_folder (packs_dir, id, "install", error);
  if (self->staging == NULL)
    return NULL;

  if (!write_files (self->staging, rapport_pack_get_files (pack), error))
    {
      remove_leftover (self->staging);
      g_clear_pointer (&self->staging, g_free);
      return NULL;
    }

  self->replacing = g_file_test (self->target, G_FILE_TEST_EXISTS);
  if (self->replacing)
    {
      if (!exchange_folders (self->staging, self->target, error))
        {
          remove_leftover (self->staging);
          g_clear_pointer (&self->staging, g_free);
          return NULL;
        }
    }
  else if (g_rename (self->staging, self->target) != 0)
    {
      set_io_error (error, _("Could not install the pack in “%s”: %s"),
                    self->target, g_strerror (errno));
      remove_leftover (self->staging);
      g_clear_pointer (&self->staging, g_free);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * rapport_pack_installation_commit:
 * @self: from rapport_pack_install_files()
 * @store: (nullable): the store that records installed packs
 * @result: (out) (optional) (transfer full): what was done
 *
 * Records the pack in @store and removes the old version. When the store
 * cannot record it, the old version is put back.
 */
gboolean
rapport_pack_installation_commit (RapportPackInstallation   *self,
                                  RapportStore              *store,
                                  RapportPackInstallResult **result,
                                  GError                   **error)
{
  g_autoptr(GError) store_error = NULL;
  RapportPackInstallResult *out;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);
  g_return_val_if_fail (store == NULL || RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (store != NULL &&
      !rapport_store_set_pack_installed (store, rapport_pack_get_id (self->pack),
                                         rapport_pack_get_version (self->pack),
                                         rapport_pack_get_title (self->pack), NULL, &store_error))
    {
      /* Freeing the installation puts things back as they were. */
      g_propagate_prefixed_error (error, g_steal_pointer (&store_error),
                                  _("The pack was not installed: "));
      return FALSE;
    }

  self->committed = TRUE;
  if (self->replacing)
    remove_leftover (self->staging);

  if (result != NULL)
    {
      out = g_new0 (RapportPackInstallResult, 1);
      out->kind = self->kind;
      out->id = g_strdup (rapport_pack_get_id (self->pack));
      out->title = g_strdup (rapport_pack_get_title (self->pack));
      out->version = g_strdup (rapport_pack_get_version (self->pack));
      out->previous_version = g_strdup (self->installed_version);
      out->folder = g_strdup (self->target);
      *result = out;
    }

  return TRUE;
}

/* Without a commit, the old version (or nothing) is put back. */
void
rapport_pack_installation_free (RapportPackInstallation *self)
{
  if (self == NULL)
    return;

  if (!self->committed && self->target != NULL && self->staging != NULL)
    {
      if (self->replacing)
        exchange_folders (self->staging, self->target, NULL);
      else
        g_rename (self->target, self->staging);
      remove_leftover (self->staging);
    }

  g_clear_object (&self->pack);
  g_free (self->installed_version);
  g_free (self->target);
  g_free (self->staging);
  g_free (self);
}

/**
 * rapport_pack_install_pack:
 * @pack: a valid pack from rapport_pack_open()
 * @data_dir: the user's data folder, as rapport_paths_get_data_dir() gives it
 * @store: (nullable): the store that records installed packs
 * @flags: %RAPPORT_PACK_INSTALL_ALLOW_OLDER to replace a newer version
 * @result: (out) (optional) (transfer full): what was done
 *
 * Installs @pack into @data_dir/packs/<id>/, replacing an installed version
 * (keeping the learner's progress, which is keyed by pack, topic, lesson and
 * question keys), and records it in @store. On failure nothing changes.
 *
 * Returns: %TRUE when installed; otherwise %FALSE with
 * %RAPPORT_PACK_ERROR_OLDER (a newer version is installed and @flags does
 * not allow going back), %RAPPORT_PACK_ERROR_RESERVED, or another error.
 */
gboolean
rapport_pack_install_pack (RapportPack                *pack,
                           const char                 *data_dir,
                           RapportStore               *store,
                           RapportPackInstallFlags     flags,
                           RapportPackInstallResult  **result,
                           GError                    **error)
{
  g_autoptr(RapportPackInstallation) installation = NULL;

  g_return_val_if_fail (RAPPORT_IS_PACK (pack), FALSE);
  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (store == NULL || RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  installation = rapport_pack_install_files (pack, data_dir, flags, error);
  if (installation == NULL)
    return FALSE;

  return rapport_pack_installation_commit (installation, store, result, error);
}

/**
 * rapport_pack_install:
 * @path: a .rapportpack file or a pack folder
 * @data_dir: the user's data folder
 * @store: (nullable): the store that records installed packs
 * @loader: checks the topic files
 * @flags: %RAPPORT_PACK_INSTALL_ALLOW_OLDER to replace a newer version
 * @result: (out) (optional) (transfer full): what was done
 * @problems: (nullable): a list from rapport_problem_list_new() to append to
 *
 * rapport_pack_open() and rapport_pack_install_pack() in one step, for when
 * the learner has nothing to confirm.
 */
gboolean
rapport_pack_install (const char                 *path,
                      const char                 *data_dir,
                      RapportStore               *store,
                      RapportTopicLoader         *loader,
                      RapportPackInstallFlags     flags,
                      RapportPackInstallResult  **result,
                      GPtrArray                  *problems,
                      GError                    **error)
{
  g_autoptr(RapportPack) pack = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (RAPPORT_IS_TOPIC_LOADER (loader), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pack = rapport_pack_open (path, loader, problems, error);
  if (pack == NULL)
    return FALSE;

  return rapport_pack_install_pack (pack, data_dir, store, flags, result, error);
}

static gboolean
store_has_pack (RapportStore *store,
                const char   *pack_id)
{
  g_autoptr(GPtrArray) packs = rapport_store_list_packs (store, NULL);

  for (guint i = 0; packs != NULL && i < packs->len; i++)
    {
      RapportStorePack *record = g_ptr_array_index (packs, i);

      if (g_str_equal (record->id, pack_id))
        return TRUE;
    }

  return FALSE;
}

/**
 * rapport_pack_remove:
 * @pack_id: an installed pack's id
 * @data_dir: the user's data folder
 * @store: (nullable): the store that records installed packs
 * @keep_progress: whether the learner's progress in the pack stays, for when
 *   it is installed again
 *
 * Removes the pack's folder and its record in @store, and with
 * @keep_progress %FALSE also the learner's progress in it. On failure
 * nothing changes.
 *
 * Returns: %TRUE when removed; otherwise %FALSE with
 * %RAPPORT_PACK_ERROR_NOT_INSTALLED, %RAPPORT_PACK_ERROR_RESERVED or
 * another error.
 */
gboolean
rapport_pack_remove (const char    *pack_id,
                     const char    *data_dir,
                     RapportStore  *store,
                     gboolean       keep_progress,
                     GError       **error)
{
  g_autofree char *packs_dir = NULL;
  g_autofree char *target = NULL;
  g_autofree char *trash = NULL;
  g_autoptr(GError) store_error = NULL;
  gboolean has_folder;

  g_return_val_if_fail (pack_id != NULL, FALSE);
  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (store == NULL || RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_str_equal (pack_id, RAPPORT_CORE_PACK_ID))
    {
      g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_RESERVED,
                   _("Rapport’s own course cannot be removed."));
      return FALSE;
    }

  target = rapport_pack_id_is_valid (pack_id) ? get_pack_folder (data_dir, pack_id) : NULL;
  has_folder = target != NULL && g_file_test (target, G_FILE_TEST_IS_DIR);

  if (!has_folder && (store == NULL || !store_has_pack (store, pack_id)))
    {
      g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_NOT_INSTALLED,
                   _("No pack with the id “%s” is installed."), pack_id);
      return FALSE;
    }

  if (has_folder)
    {
      /* Out of the catalog's sight first, in one rename. */
      packs_dir = rapport_pack_get_packs_dir (data_dir);
      trash = make_hidden_folder (packs_dir, pack_id, "remove", error);
      if (trash == NULL)
        return FALSE;

      if (g_rename (target, trash) != 0)
        {
          set_io_error (error, _("Could not remove “%s”: %s"), target, g_strerror (errno));
          g_rmdir (trash);
          return FALSE;
        }
    }

  if (store != NULL && !rapport_store_forget_pack (store, pack_id, keep_progress, &store_error))
    {
      if (has_folder)
        g_rename (trash, target);
      g_propagate_prefixed_error (error, g_steal_pointer (&store_error),
                                  _("The pack was not removed: "));
      return FALSE;
    }

  if (has_folder)
    remove_leftover (trash);

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * rapport_pack_list_installed_folders:
 * @data_dir: the user's data folder
 *
 * The folders of the installed packs, sorted by id, for
 * rapport_catalog_load() after the core pack. Hidden folders (an install
 * in progress, or one that was interrupted) and anything that is not a
 * folder named like a pack are left out; a damaged pack folder is not.
 *
 * Returns: (transfer full): a %NULL-terminated list, maybe empty
 */
GStrv
rapport_pack_list_installed_folders (const char *data_dir)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *packs_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (data_dir != NULL, NULL);

  packs_dir = rapport_pack_get_packs_dir (data_dir);
  dir = g_dir_open (packs_dir, 0, NULL);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *folder = g_build_filename (packs_dir, name, NULL);
      GStatBuf st;

      if (name[0] == '.' || !rapport_pack_id_is_valid (name) || g_str_equal (name, RAPPORT_CORE_PACK_ID))
        continue;

      /* A pack folder whose pack.json is gone is listed too: the catalog
       * reports it as broken, and the learner can remove it.
       */
      if (g_lstat (folder, &st) != 0 || !S_ISDIR (st.st_mode))
        continue;

      g_ptr_array_add (names, g_steal_pointer (&folder));
    }

  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (names, i));

  return g_strv_builder_end (builder);
}
