/* rapport-pack-load.c: loading a pack from a folder or a pack file, and
 * building pack files
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A pack is pack.json plus the topic files and pictures it lists. The
 * built-in curriculum is a pack folder too (data/packs/core), and a
 * .rapportpack file is the same files in a zip archive: all three are loaded
 * by rapport_pack_load_source(), which reads through a RapportPackSource
 * (a folder on disk, or the archive's entries already in memory).
 *
 * Each topic and picture entry may carry the SHA-256 of its file. In a built
 * .rapportpack file the checksum is required (the builder writes it); in a
 * folder that a trainer is still editing it is optional, and checked when
 * given.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-io.h"
#include "rapport-media.h"
#include "rapport-pack-archive.h"
#include "rapport-pack-private.h"
#include "rapport-topic-private.h"

/* Reading through a source */

typedef struct
{
  const RapportPackSource *source;
  RapportPack             *self;
  RapportPackLoadFlags     flags;
  GPtrArray               *problems;
  char                    *manifest_name;
  GHashTable              *pictures;   /* src → Figure, the pictures topics show */
  GPtrArray               *figures;    /* of Figure, in the order topics name them */
  GHashTable              *reported;   /* entries already named in a problem */
} Loading;

typedef struct
{
  char  *src;
  char  *topic_name;   /* as problems name the topic file */
  guint  line;
} Figure;

static void
figure_free (gpointer data)
{
  Figure *figure = data;

  g_free (figure->src);
  g_free (figure->topic_name);
  g_free (figure);
}

/* How problems name a file of the pack: its path on disk for a folder, the
 * name inside the archive ("topics/refunds.xml") for a pack file.
 */
static char *
display_name (const RapportPackSource *source,
              const char              *name)
{
  if (source->folder != NULL)
    return g_build_filename (source->folder, name, NULL);

  return g_strdup (name);
}

/* From a folder, never more than @max_size + 1 bytes; callers refuse what
 * is longer than @max_size (an archive's entries are in memory already).
 */
static GBytes *
source_read (const RapportPackSource  *source,
             const char               *name,
             gsize                     max_size,
             GError                  **error)
{
  GBytes *bytes;

  if (source->folder != NULL)
    {
      g_autofree char *path = g_build_filename (source->folder, name, NULL);

      return rapport_read_file_capped (path, max_size, error);
    }

  bytes = g_hash_table_lookup (source->files, name);
  if (bytes == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("“%s” is not in the pack."), name);
      return NULL;
    }

  return g_bytes_ref (bytes);
}

static void
keep_file (Loading    *l,
           const char *name,
           GBytes     *bytes)
{
  if (l->self->files != NULL)
    g_hash_table_insert (l->self->files, g_strdup (name), g_bytes_ref (bytes));
}

/* Adds a problem when @bytes do not match @entry's checksum, or when a pack
 * file gives none.
 */
static void
check_sha256 (Loading         *l,
              RapportPackFile *entry,
              GBytes          *bytes)
{
  g_autofree char *actual = NULL;

  if (entry->sha256 == NULL)
    return;

  actual = rapport_pack_sha256_of (bytes);
  if (!g_str_equal (actual, entry->sha256))
    rapport_problem_list_add (l->problems, l->manifest_name, entry->line,
                              _("The SHA-256 checksum of “%s” does not match: the file "
                                "has changed since the checksum was written. "
                                "Expected %s, found %s."),
                              entry->file, entry->sha256, actual);
}

static void
require_checksums (Loading *l,
                   GArray  *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      RapportPackFile *entry = &g_array_index (entries, RapportPackFile, i);

      if (entry->sha256 == NULL)
        rapport_problem_list_add (l->problems, l->manifest_name, entry->line,
                                  _("“%s” has no “sha256”. In a pack file every topic and picture "
                                    "needs its checksum; build pack files with “rapport-pack "
                                    "build”."),
                                  entry->file);
    }
}

/* Notes the pictures a topic shows, with the line of each <figure>. */
static void
collect_figures (Loading      *l,
                 RapportTopic *topic,
                 const char   *topic_name)
{
  GListModel *lessons = rapport_topic_get_lessons (topic);

  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(RapportLesson) lesson = g_list_model_get_item (lessons, i);

      for (guint j = 0; j < rapport_lesson_get_n_sections (lesson); j++)
        {
          RapportSection *section = rapport_lesson_get_section (lesson, j);

          for (guint k = 0; k < rapport_section_get_n_blocks (section); k++)
            {
              RapportBlock *block = rapport_section_get_block (section, k);
              Figure *figure;

              if (rapport_block_get_kind (block) != RAPPORT_BLOCK_FIGURE ||
                  rapport_block_get_src (block) == NULL)
                continue;

              figure = g_new0 (Figure, 1);
              figure->src = g_strdup (rapport_block_get_src (block));
              figure->topic_name = g_strdup (topic_name);
              figure->line = rapport_block_get_line (block);
              g_ptr_array_add (l->figures, figure);
              if (!g_hash_table_contains (l->pictures, figure->src))
                g_hash_table_insert (l->pictures, figure->src, figure);
            }
        }
    }
}

static void
load_topics (Loading            *l,
             RapportTopicLoader *loader)
{
  RapportPack *self = l->self;
  g_autoptr(GHashTable) topic_keys = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->topic_files->len; i++)
    {
      RapportPackFile *entry = &g_array_index (self->topic_files, RapportPackFile, i);
      g_autofree char *name = display_name (l->source, entry->file);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(RapportTopic) topic = NULL;
      g_autoptr(GError) error = NULL;
      const char *other;

      bytes = source_read (l->source, entry->file, RAPPORT_TOPIC_MAX_SIZE, &error);
      if (bytes == NULL)
        {
          rapport_problem_list_add (l->problems, l->manifest_name, entry->line, "%s", error->message);
          continue;
        }

      /* Too large is all there is to say about a file cut at the cap. */
      if (g_bytes_get_size (bytes) <= RAPPORT_TOPIC_MAX_SIZE)
        check_sha256 (l, entry, bytes);
      keep_file (l, entry->file, bytes);

      topic = rapport_topic_loader_load_from_bytes (loader, bytes, name, self->id, l->problems,
                                                    &error);
      if (topic == NULL)
        continue;

      rapport_topic_set_source (topic, l->source->folder != NULL ? name : NULL, self->id);
      rapport_topic_set_pack_title (topic, self->title);
      collect_figures (l, topic, name);

      other = g_hash_table_lookup (topic_keys, rapport_topic_get_key (topic));
      if (other != NULL)
        {
          rapport_problem_list_add (l->problems, l->manifest_name, entry->line,
                                    _("“%s” has the key “%s”, like “%s”; each topic in a pack "
                                      "needs its own key."),
                                    entry->file, rapport_topic_get_key (topic), other);
          continue;
        }

      g_hash_table_insert (topic_keys, (gpointer) rapport_topic_get_key (topic), entry->file);
      g_list_store_append (self->topics, topic);
    }
}

/* Reads and checks one picture. @where and @line name the place that asks
 * for it: its entry in pack.json, or the <figure> of a topic.
 */
static void
load_picture (Loading         *l,
              RapportPackFile *entry,
              const char      *where,
              guint            line)
{
  g_autofree char *name = display_name (l->source, entry->file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint error_line = 0;

  bytes = source_read (l->source, entry->file, RAPPORT_PACK_MAX_MEDIA_SIZE, &error);
  if (bytes == NULL && g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      rapport_problem_list_add (l->problems, where, line, _("The picture “%s” is not in the pack."),
                                entry->file);
      return;
    }
  else if (bytes == NULL)
    {
      rapport_problem_list_add (l->problems, where, line, "%s", error->message);
      return;
    }

  if (g_bytes_get_size (bytes) > RAPPORT_PACK_MAX_MEDIA_SIZE)
    {
      g_autofree char *size = g_format_size_full (RAPPORT_PACK_MAX_MEDIA_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      rapport_problem_list_add (l->problems, name, 0,
                                _("The picture is too large: a picture may have at most %s."),
                                size);
      return;
    }

  check_sha256 (l, entry, bytes);

  if (!rapport_media_check (entry->file, bytes, NULL, &error_line, &error))
    {
      rapport_problem_list_add (l->problems, name, error_line, "%s", error->message);
      return;
    }

  keep_file (l, entry->file, bytes);
}

static void
load_pictures (Loading *l)
{
  RapportPack *self = l->self;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_listed = self->media_files->len;

  for (guint i = 0; i < n_listed; i++)
    {
      RapportPackFile *entry = &g_array_index (self->media_files, RapportPackFile, i);

      g_hash_table_add (listed, entry->file);
      load_picture (l, entry, l->manifest_name, entry->line);
    }

  /* Pictures that topics show but pack.json does not list: fine in a folder
   * (the builder lists them), not in a pack file, where all need checksums.
   */
  for (guint i = 0; i < l->figures->len; i++)
    {
      Figure *figure = g_ptr_array_index (l->figures, i);
      RapportPackFile entry = { 0 };

      if (g_hash_table_contains (listed, figure->src) ||
          g_hash_table_lookup (l->pictures, figure->src) != figure)
        continue;

      if (self->media_files->len >= RAPPORT_PACK_MAX_MEDIA)
        {
          rapport_problem_list_add (l->problems, figure->topic_name, figure->line,
                                    _("A pack may have at most %u pictures."),
                                    RAPPORT_PACK_MAX_MEDIA);
          break;
        }

      if ((l->flags & RAPPORT_PACK_LOAD_REQUIRE_CHECKSUMS) != 0 &&
          (l->source->files == NULL || g_hash_table_contains (l->source->files, figure->src)))
        {
          rapport_problem_list_add (l->problems, figure->topic_name, figure->line,
                                    _("The picture “%s” is not listed under “media” in "
                                      "pack.json, so it has no checksum."),
                                    figure->src);
          g_hash_table_add (l->reported, figure->src);
          continue;
        }

      entry.file = g_strdup (figure->src);
      load_picture (l, &entry, figure->topic_name, figure->line);
      g_array_append_val (self->media_files, entry);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A pack file holds what pack.json lists and nothing else. */
static void
check_unlisted_entries (Loading *l)
{
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **names = NULL;
  guint n_names;

  g_hash_table_add (listed, (gpointer) RAPPORT_PACK_MANIFEST);
  for (guint i = 0; i < l->self->topic_files->len; i++)
    g_hash_table_add (listed, g_array_index (l->self->topic_files, RapportPackFile, i).file);
  for (guint i = 0; i < l->self->media_files->len; i++)
    g_hash_table_add (listed, g_array_index (l->self->media_files, RapportPackFile, i).file);

  names = (const char **) g_hash_table_get_keys_as_array (l->source->files, &n_names);
  qsort (names, n_names, sizeof (char *), compare_names);

  for (guint i = 0; i < n_names; i++)
    {
      if (!g_hash_table_contains (listed, names[i]) && !g_hash_table_contains (l->reported, names[i]))
        rapport_problem_list_add (l->problems, names[i], 0,
                                  _("This file is in the pack, but pack.json does not list it."));
    }
}

/**
 * rapport_pack_load_source:
 * @source: a pack folder, or the files of a pack file
 * @loader: checks the topic files
 * @flags: what a pack file requires, and whether to keep the bytes
 * @problems: (nullable): a list from rapport_problem_list_new() to append to
 *
 * Reads the manifest, every topic and every picture, checks the checksums,
 * and reports every problem at once: a trainer should not have to fix one
 * file to hear about the next.
 *
 * Returns: (transfer full) (nullable): the pack with its topics, or %NULL
 * with %RAPPORT_PACK_ERROR_INVALID.
 */
RapportPack *
rapport_pack_load_source (const RapportPackSource  *source,
                          RapportTopicLoader       *loader,
                          RapportPackLoadFlags      flags,
                          GPtrArray                *problems,
                          GError                  **error)
{
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(RapportPack) self = NULL;
  g_autoptr(GBytes) manifest = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) pictures = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GHashTable) reported = NULL;
  g_autofree char *manifest_name = NULL;
  const char *pack_name;
  guint n_problems = 0;
  guint first_problem;
  Loading l = { 0 };

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail ((source->folder != NULL) != (source->files != NULL), NULL);
  g_return_val_if_fail (RAPPORT_IS_TOPIC_LOADER (loader), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems == NULL)
    problems = own_problems = rapport_problem_list_new ();

  first_problem = problems->len;
  pack_name = source->folder != NULL ? source->folder :
              source->archive != NULL ? source->archive : RAPPORT_PACK_FILE_SUFFIX;
  manifest_name = display_name (source, RAPPORT_PACK_MANIFEST);

  manifest = source_read (source, RAPPORT_PACK_MANIFEST, RAPPORT_PACK_MAX_MANIFEST_SIZE, &local_error);
  if (manifest == NULL)
    {
      rapport_problem_list_add (problems, manifest_name, 0, "%s", local_error->message);
      rapport_pack_set_pack_error (error, pack_name, 1);
      return NULL;
    }

  self = rapport_pack_check_manifest (manifest, manifest_name, problems, &n_problems);
  if (self == NULL)
    {
      rapport_pack_set_pack_error (error, pack_name, n_problems);
      return NULL;
    }

  self->folder = g_strdup (source->folder);
  self->archive = g_strdup (source->archive);
  if ((flags & RAPPORT_PACK_LOAD_KEEP_FILES) != 0)
    {
      self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_bytes_unref);
      g_hash_table_insert (self->files, g_strdup (RAPPORT_PACK_MANIFEST), g_bytes_ref (manifest));
    }

  pictures = g_hash_table_new (g_str_hash, g_str_equal);
  figures = g_ptr_array_new_with_free_func (figure_free);
  reported = g_hash_table_new (g_str_hash, g_str_equal);
  l.source = source;
  l.self = self;
  l.flags = flags;
  l.problems = problems;
  l.manifest_name = manifest_name;
  l.pictures = pictures;
  l.figures = figures;
  l.reported = reported;

  if ((flags & RAPPORT_PACK_LOAD_REQUIRE_CHECKSUMS) != 0)
    {
      guint first = problems->len;

      require_checksums (&l, self->topic_files);
      require_checksums (&l, self->media_files);
      rapport_problem_list_sort (problems, first);
    }

  load_topics (&l, loader);
  load_pictures (&l);

  if (source->files != NULL)
    check_unlisted_entries (&l);

  if (problems->len > first_problem)
    {
      rapport_pack_set_pack_error (error, pack_name, problems->len - first_problem);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * rapport_pack_load_folder:
 * @folder: a folder holding pack.json and the files it lists
 * @loader: checks the topic files
 * @problems: (nullable): a list from rapport_problem_list_new() to append to
 *
 * Loads a pack folder, such as Rapport's own course, an installed pack or a
 * trainer's work in progress; see rapport_pack_load_source().
 *
 * Returns: (transfer full) (nullable): the pack with its topics, or %NULL
 * with %RAPPORT_PACK_ERROR_INVALID.
 */
RapportPack *
rapport_pack_load_folder (const char          *folder,
                          RapportTopicLoader  *loader,
                          GPtrArray           *problems,
                          GError             **error)
{
  RapportPackSource source = { .folder = folder };

  g_return_val_if_fail (folder != NULL, NULL);

  return rapport_pack_load_source (&source, loader, RAPPORT_PACK_LOAD_NONE, problems, error);
}

/* A .rapportpack file, by its name or, whatever it is called, by the zip
 * signature at its start.
 */
gboolean
rapport_pack_path_is_archive (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  guchar start[4] = { 0 };
  gsize n_read = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  if (g_str_has_suffix (path, RAPPORT_PACK_FILE_SUFFIX))
    return TRUE;

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), start, sizeof start, &n_read, NULL, NULL))
    return FALSE;

  return n_read == sizeof start && memcmp (start, "PK\003\004", sizeof start) == 0;
}

/**
 * rapport_pack_load_path:
 * @path: a pack folder, its pack.json, or a .rapportpack file
 *
 * Returns: (transfer full) (nullable): the pack with its topics, or %NULL
 * with %RAPPORT_PACK_ERROR_INVALID and the problems.
 */
RapportPack *
rapport_pack_load_path (const char          *path,
                        RapportTopicLoader  *loader,
                        GPtrArray           *problems,
                        GError             **error)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (RAPPORT_IS_TOPIC_LOADER (loader), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  basename = g_path_get_basename (path);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) && g_str_equal (basename, RAPPORT_PACK_MANIFEST))
    {
      g_autofree char *folder = g_path_get_dirname (path);

      return rapport_pack_load_folder (folder, loader, problems, error);
    }

  if (rapport_pack_path_is_archive (path))
    return rapport_pack_load_archive (path, loader, problems, error);

  return rapport_pack_load_folder (path, loader, problems, error);
}

/**
 * rapport_pack_load_archive:
 * @path: a .rapportpack file
 * @loader: checks the topic files
 * @problems: (nullable): a list from rapport_problem_list_new() to append to
 *
 * Problems with the archive itself name @path; problems inside it name the
 * files by their names in the archive, such as "topics/refunds.xml:12: …".
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL with
 * %RAPPORT_PACK_ERROR_INVALID.
 */
RapportPack *
rapport_pack_load_archive (const char          *path,
                           RapportTopicLoader  *loader,
                           GPtrArray           *problems,
                           GError             **error)
{
  g_autoptr(GHashTable) files = NULL;
  RapportPackSource source = { 0 };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (RAPPORT_IS_TOPIC_LOADER (loader), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  files = rapport_pack_archive_read_file (path, problems, error);
  if (files == NULL)
    return NULL;

  source.files = files;
  source.archive = path;

  return rapport_pack_load_source (&source, loader, RAPPORT_PACK_LOAD_REQUIRE_CHECKSUMS,
                                   problems, error);
}

/**
 * rapport_pack_build:
 * @folder: a pack folder
 * @output_path: the .rapportpack file to write
 * @loader: checks the topic files
 * @problems: (nullable): a list from rapport_problem_list_new() to append to
 *
 * Checks the folder as rapport_pack_load_folder() does, then writes exactly
 * the files it checked, with a pack.json that lists the SHA-256 of every
 * topic and picture, as a zip archive: the same folder always gives the same
 * bytes. Before writing, the archive is read back as a learner's Rapport
 * would read it, so that a pack that the tool builds is one that Rapport
 * accepts.
 *
 * Returns: %TRUE when the file was written; %FALSE with
 * %RAPPORT_PACK_ERROR_INVALID and the problems, or another error.
 */
gboolean
rapport_pack_build (const char          *folder,
                    const char          *output_path,
                    RapportTopicLoader  *loader,
                    GPtrArray           *problems,
                    GError             **error)
{
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(RapportPack) pack = NULL;
  g_autoptr(RapportPack) check = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(GHashTable) unpacked = NULL;
  g_autoptr(GBytes) zip = NULL;
  RapportPackSource source = { .folder = folder };
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);
  g_return_val_if_fail (RAPPORT_IS_TOPIC_LOADER (loader), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (problems == NULL)
    problems = own_problems = rapport_problem_list_new ();

  pack = rapport_pack_load_source (&source, loader, RAPPORT_PACK_LOAD_KEEP_FILES, problems, error);
  if (pack == NULL)
    return FALSE;

  files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  g_hash_table_iter_init (&iter, rapport_pack_get_files (pack));
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (files, g_strdup (key), g_bytes_ref (value));
  g_hash_table_insert (files, g_strdup (RAPPORT_PACK_MANIFEST), rapport_pack_build_manifest (pack));

  zip = rapport_pack_archive_zip (files, error);
  if (zip == NULL)
    return FALSE;

  unpacked = rapport_pack_archive_read (zip, output_path, problems, NULL, error);
  if (unpacked == NULL)
    return FALSE;

  source = (RapportPackSource) { .files = unpacked, .archive = output_path };
  check = rapport_pack_load_source (&source, loader, RAPPORT_PACK_LOAD_REQUIRE_CHECKSUMS,
                                    problems, error);
  if (check == NULL)
    return FALSE;

  return rapport_pack_archive_save (output_path, zip, error);
}
