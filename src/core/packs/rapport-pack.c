/* rapport-pack.c: the RapportPack object: what a pack's pack.json says,
 * its topics, and reading its pictures again
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A pack is pack.json plus the topic files and pictures it lists. This
 * file holds the object and its getters; pack.json is read and checked in
 * rapport-pack-manifest.c, and the files loaded in rapport-pack-load.c,
 * which fill in the fields declared in rapport-pack-private.h.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-io.h"
#include "rapport-keys.h"
#include "rapport-media.h"
#include "rapport-pack-private.h"

G_DEFINE_FINAL_TYPE (RapportPack, rapport_pack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_VERSION,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pack_file_clear (gpointer data)
{
  RapportPackFile *entry = data;

  g_free (entry->file);
  g_free (entry->sha256);
}

static void
rapport_pack_finalize (GObject *object)
{
  RapportPack *self = RAPPORT_PACK (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->authors, g_strfreev);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->license, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->min_rapport_version, g_free);
  g_clear_pointer (&self->topic_files, g_array_unref);
  g_clear_pointer (&self->media_files, g_array_unref);
  g_clear_object (&self->topics);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->archive, g_free);
  g_clear_pointer (&self->files, g_hash_table_unref);

  G_OBJECT_CLASS (rapport_pack_parent_class)->finalize (object);
}

static void
rapport_pack_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RapportPack *self = RAPPORT_PACK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_pack_class_init (RapportPackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_pack_finalize;
  object_class->get_property = rapport_pack_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_pack_init (RapportPack *self)
{
  self->topic_files = g_array_new (FALSE, TRUE, sizeof (RapportPackFile));
  g_array_set_clear_func (self->topic_files, pack_file_clear);
  self->media_files = g_array_new (FALSE, TRUE, sizeof (RapportPackFile));
  g_array_set_clear_func (self->media_files, pack_file_clear);
  self->topics = g_list_store_new (RAPPORT_TYPE_TOPIC);
}

/* The lower-case hex SHA-256 of @bytes, as pack.json gives it. */
char *
rapport_pack_sha256_of (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/**
 * rapport_pack_read_media:
 * @src: a picture's name in the pack, as a <figure> gives it
 * @info: (out) (optional): its type and size
 *
 * Reads a picture of the pack for the lesson reader, checked again as when
 * the pack was loaded: the pack's folder may have changed since. Only the
 * pack's own pictures can be read, each with at most
 * %RAPPORT_PACK_MAX_MEDIA_SIZE bytes and its checksum when pack.json gives
 * one. May run in any thread.
 *
 * Returns: (transfer full) (nullable): the picture's bytes, or %NULL with
 *   an error that says why it cannot be shown
 */
GBytes *
rapport_pack_read_media (RapportPack       *self,
                         const char        *src,
                         RapportMediaInfo  *info,
                         GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  RapportPackFile *entry = NULL;

  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);
  g_return_val_if_fail (src != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < self->media_files->len && entry == NULL; i++)
    {
      if (g_str_equal (g_array_index (self->media_files, RapportPackFile, i).file, src))
        entry = &g_array_index (self->media_files, RapportPackFile, i);
    }

  if (entry == NULL || !rapport_media_path_is_valid (src))
    {
      g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID,
                   _("The picture “%s” is not in the pack."), src);
      return NULL;
    }

  if (self->files != NULL && g_hash_table_contains (self->files, src))
    bytes = g_bytes_ref (g_hash_table_lookup (self->files, src));
  else if (self->folder != NULL)
    {
      g_autofree char *path = g_build_filename (self->folder, src, NULL);

      bytes = rapport_read_file_capped (path, RAPPORT_PACK_MAX_MEDIA_SIZE, error);
      if (bytes == NULL)
        return NULL;
    }
  else
    {
      g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID,
                   _("The picture “%s” is not in the pack."), src);
      return NULL;
    }

  if (g_bytes_get_size (bytes) > RAPPORT_PACK_MAX_MEDIA_SIZE)
    {
      g_autofree char *size = g_format_size_full (RAPPORT_PACK_MAX_MEDIA_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID,
                   _("The picture is too large: a picture may have at most %s."), size);
      return NULL;
    }

  if (entry->sha256 != NULL)
    {
      g_autofree char *actual = rapport_pack_sha256_of (bytes);

      if (!g_str_equal (actual, entry->sha256))
        {
          g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID,
                       _("The picture “%s” has changed since the pack was installed."), src);
          return NULL;
        }
    }

  if (!rapport_media_check (src, bytes, info, NULL, error))
    return NULL;

  return g_steal_pointer (&bytes);
}

/* The bytes kept with RAPPORT_PACK_LOAD_KEEP_FILES: name → GBytes, or NULL. */
GHashTable *
rapport_pack_get_files (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->files;
}

/* Getters */

/* A reverse domain name, unique to the pack: "io.github.rapportapp.core". */
const char *
rapport_pack_get_id (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->id;
}

const char *
rapport_pack_get_title (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->title;
}

const char *
rapport_pack_get_version (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->version;
}

const char * const *
rapport_pack_get_authors (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return (const char * const *) self->authors;
}

const char *
rapport_pack_get_language (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->language;
}

/* An SPDX licence identifier, such as "CC-BY-SA-4.0". */
const char *
rapport_pack_get_license (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->license;
}

const char *
rapport_pack_get_description (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->description;
}

/* NULL when the pack works with any version. */
const char *
rapport_pack_get_min_rapport_version (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->min_rapport_version;
}

guint
rapport_pack_get_n_topic_files (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), 0);

  return self->topic_files->len;
}

/* The file of a topic, relative to the pack, as pack.json lists it. */
const char *
rapport_pack_get_topic_file (RapportPack *self,
                             guint        position)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);
  g_return_val_if_fail (position < self->topic_files->len, NULL);

  return g_array_index (self->topic_files, RapportPackFile, position).file;
}

/* The checksum pack.json gives for that file, in lower case; NULL if none. */
const char *
rapport_pack_get_topic_sha256 (RapportPack *self,
                               guint        position)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);
  g_return_val_if_fail (position < self->topic_files->len, NULL);

  return g_array_index (self->topic_files, RapportPackFile, position).sha256;
}

/* Returns: (transfer none): the loaded RapportTopics, in the order of
 * pack.json; empty for a pack read from its manifest alone.
 */
GListModel *
rapport_pack_get_topics (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return G_LIST_MODEL (self->topics);
}

/* The folder the pack was loaded from; NULL for a manifest alone or a
 * pack file.
 */
const char *
rapport_pack_get_folder (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->folder;
}

/* The .rapportpack file the pack was read from; NULL for a folder. */
const char *
rapport_pack_get_archive (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->archive;
}

/* Pictures, as pack.json lists them, then those that only topics show. */
guint
rapport_pack_get_n_media_files (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), 0);

  return self->media_files->len;
}

const char *
rapport_pack_get_media_file (RapportPack *self,
                             guint        position)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);
  g_return_val_if_fail (position < self->media_files->len, NULL);

  return g_array_index (self->media_files, RapportPackFile, position).file;
}

/* The checksum pack.json gives for that picture, in lower case; NULL if none. */
const char *
rapport_pack_get_media_sha256 (RapportPack *self,
                               guint        position)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);
  g_return_val_if_fail (position < self->media_files->len, NULL);

  return g_array_index (self->media_files, RapportPackFile, position).sha256;
}
