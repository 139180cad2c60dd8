/* rapport-pack-archive.c: .rapportpack files as zip archives, read into
 * memory and written reproducibly
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A .rapportpack file is a pack folder as a zip archive. It may come from
 * anyone, so it is never extracted to the paths it names (see SECURITY.md):
 * the whole file is read into memory with a size cap, and libarchive's
 * seekable zip reader (which needs the central directory, so a cut-short
 * file is refused) unpacks each entry into memory. Only regular files with
 * safe relative names are accepted; the number of entries, the bytes each
 * entry actually unpacks to and the bytes of all of them together are capped,
 * whatever sizes the archive declares. The result is a map name → bytes that
 * rapport_pack_load_source() checks like a folder.
 *
 * Building writes the same kind of file reproducibly: entries sorted by
 * name, mode 0644, no owner names, and no time stamps, so that libarchive
 * writes the fixed date 1980-01-01 00:00 whatever the time zone (it converts
 * a given time to the local zone for the zip header), and the same folder
 * always gives the same bytes.
 */

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>

#include "rapport-io.h"
#include "rapport-keys.h"
#include "rapport-pack-archive.h"
#include "rapport-pack-private.h"

#define READ_CHUNK (64 * 1024)

typedef struct archive RapportArchive;

static void
reader_free (RapportArchive *archive)
{
  archive_read_free (archive);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportArchive, reader_free)

static char *
format_size (guint64 size)
{
  return g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
}

static void refuse (GPtrArray   *problems,
                    const char  *display_name,
                    GError     **error,
                    const char  *format,
                    ...) G_GNUC_PRINTF (4, 5);

/* One problem with the archive as a whole; reading stops there. */
static void
refuse (GPtrArray   *problems,
        const char  *display_name,
        GError     **error,
        const char  *format,
        ...)
{
  va_list args;

  va_start (args, format);
  rapport_problem_list_add_valist (problems, display_name, 0, format, args);
  va_end (args);

  rapport_pack_set_pack_error (error, display_name, 1);
}

/* An entry that unpacks, or says it would unpack, to more than a file in a
 * pack may have.
 */
static void
refuse_large_entry (GPtrArray   *problems,
                    const char  *display_name,
                    GError     **error,
                    const char  *name)
{
  g_autofree char *limit = format_size (RAPPORT_PACK_ARCHIVE_MAX_ENTRY_SIZE);

  refuse (problems, display_name, error,
          _("The entry “%s” unpacks to more than %s; a file in a pack may have at "
            "most %s."),
          name, limit, limit);
}

static const char *
error_string (struct archive *archive)
{
  const char *message = archive_error_string (archive);

  return message != NULL ? message : "?";
}

/* Reads the entry's data, counting what is actually unpacked. */
static GBytes *
read_entry (struct archive  *archive,
            const char      *name,
            guint64         *total,
            const char      *display_name,
            GPtrArray       *problems,
            GError         **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  gsize length = 0;

  while (TRUE)
    {
      la_ssize_t n_read;

      g_byte_array_set_size (buffer, length + READ_CHUNK);
      n_read = archive_read_data (archive, buffer->data + length, READ_CHUNK);

      if (n_read < 0)
        {
          refuse (problems, display_name, error,
                  _("The pack file is damaged: “%s” cannot be unpacked (%s)."),
                  name, error_string (archive));
          return NULL;
        }

      if (n_read == 0)
        break;

      length += n_read;
      *total += n_read;

      if (length > RAPPORT_PACK_ARCHIVE_MAX_ENTRY_SIZE)
        {
          refuse_large_entry (problems, display_name, error, name);
          return NULL;
        }

      if (*total > RAPPORT_PACK_ARCHIVE_MAX_TOTAL_SIZE)
        {
          g_autofree char *limit = format_size (RAPPORT_PACK_ARCHIVE_MAX_TOTAL_SIZE);

          refuse (problems, display_name, error,
                  _("The pack file unpacks to more than %s; a pack may hold at most %s in all."),
                  limit, limit);
          return NULL;
        }
    }

  g_byte_array_set_size (buffer, length);

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* No name may be both a file and the folder of another file: installing
 * the pack could not write both.
 */
static const char *
find_file_folder_clash (GHashTable *files)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *prefix = g_strdup (key);
      char *slash;

      while ((slash = strrchr (prefix, '/')) != NULL)
        {
          *slash = '\0';
          if (g_hash_table_contains (files, prefix))
            return key;
        }
    }

  return NULL;
}

/**
 * rapport_pack_archive_read:
 * @archive: the bytes of a .rapportpack file
 * @display_name: how problems name the file
 * @problems: (nullable): a list from rapport_problem_list_new() to append to
 * @n_unpacked: (out) (optional): how many bytes were actually unpacked, also
 *   when the archive is refused
 *
 * Unpacks the archive into memory, never onto the disk, refusing it as a
 * whole at its first unsafe entry.
 *
 * Returns: (transfer full) (nullable): entry name → #GBytes, or %NULL with
 * %RAPPORT_PACK_ERROR_INVALID and the problem.
 */
GHashTable *
rapport_pack_archive_read (GBytes      *archive,
                           const char  *display_name,
                           GPtrArray   *problems,
                           guint64     *n_unpacked,
                           GError     **error)
{
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(RapportArchive) reader = NULL;
  g_autoptr(GHashTable) files = NULL;
  guint64 total = 0;
  guint n_entries = 0;
  const char *clash;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (archive != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems == NULL)
    problems = own_problems = rapport_problem_list_new ();
  if (n_unpacked != NULL)
    *n_unpacked = 0;

  files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  data = g_bytes_get_data (archive, &length);

  reader = archive_read_new ();
  archive_read_support_format_zip_seekable (reader);

  if (length == 0 || archive_read_open_memory (reader, data, length) != ARCHIVE_OK)
    {
      refuse (problems, display_name, error,
              _("This is not a Rapport pack file, or it is damaged or cut short: a pack file "
                "is a complete zip archive."));
      return NULL;
    }

  while (TRUE)
    {
      struct archive_entry *entry;
      g_autofree char *name = NULL;
      GBytes *bytes;
      const char *raw_name;
      int result;

      result = archive_read_next_header (reader, &entry);
      if (result == ARCHIVE_EOF)
        break;

      if (result != ARCHIVE_OK)
        {
          refuse (problems, display_name, error,
                  _("The pack file is damaged: %s."), error_string (reader));
          goto out;
        }

      if (++n_entries > RAPPORT_PACK_ARCHIVE_MAX_ENTRIES)
        {
          refuse (problems, display_name, error,
                  _("The pack file has more than %u entries; a pack may have at most %u."),
                  RAPPORT_PACK_ARCHIVE_MAX_ENTRIES, RAPPORT_PACK_ARCHIVE_MAX_ENTRIES);
          goto out;
        }

      raw_name = archive_entry_pathname_utf8 (entry);
      if (raw_name == NULL || !g_utf8_validate (raw_name, -1, NULL))
        {
          refuse (problems, display_name, error,
                  _("An entry of the pack file has a name that is not valid text."));
          goto out;
        }

      name = g_strdup (raw_name);

      if (archive_entry_filetype (entry) == AE_IFLNK || archive_entry_symlink (entry) != NULL)
        {
          refuse (problems, display_name, error,
                  _("The entry “%s” is a symbolic link; a pack may hold only ordinary files."),
                  name);
          goto out;
        }

      if (archive_entry_hardlink (entry) != NULL)
        {
          refuse (problems, display_name, error,
                  _("The entry “%s” is a hard link; a pack may hold only ordinary files."), name);
          goto out;
        }

      if (archive_entry_filetype (entry) == AE_IFDIR)
        {
          /* Folders carry nothing: files are written by their own names. */
          gsize len = strlen (name);

          while (len > 0 && name[len - 1] == '/')
            name[--len] = '\0';

          if (!rapport_pack_path_is_safe (name))
            {
              refuse (problems, display_name, error,
                      _("The entry “%s” points outside the pack: names must be relative, "
                        "without “..”, a leading “/”, “\\” or a drive letter."),
                      raw_name);
              goto out;
            }

          continue;
        }

      if (archive_entry_filetype (entry) != AE_IFREG)
        {
          refuse (problems, display_name, error,
                  _("The entry “%s” is not an ordinary file; a pack may hold only ordinary "
                    "files."),
                  name);
          goto out;
        }

      if (!rapport_pack_path_is_safe (name))
        {
          refuse (problems, display_name, error,
                  _("The entry “%s” points outside the pack: names must be relative, "
                    "without “..”, a leading “/”, “\\” or a drive letter."),
                  name);
          goto out;
        }

      if (archive_entry_is_encrypted (entry))
        {
          refuse (problems, display_name, error,
                  _("The entry “%s” is encrypted; pack files cannot be."), name);
          goto out;
        }

      if (g_hash_table_contains (files, name))
        {
          refuse (problems, display_name, error,
                  _("The entry “%s” appears twice in the pack file."), name);
          goto out;
        }

      /* A declared size is only a hint; when it is already too large there
       * is no need to unpack anything to know.
       */
      if (archive_entry_size_is_set (entry) &&
          archive_entry_size (entry) > RAPPORT_PACK_ARCHIVE_MAX_ENTRY_SIZE)
        {
          refuse_large_entry (problems, display_name, error, name);
          goto out;
        }

      bytes = read_entry (reader, name, &total, display_name, problems, error);
      if (bytes == NULL)
        goto out;

      g_hash_table_insert (files, g_steal_pointer (&name), bytes);
    }

  clash = find_file_folder_clash (files);
  if (clash != NULL)
    {
      refuse (problems, display_name, error,
              _("“%s” is in a folder that is also a file in the pack file."), clash);
      goto out;
    }

  if (n_unpacked != NULL)
    *n_unpacked = total;

  return g_steal_pointer (&files);

out:
  if (n_unpacked != NULL)
    *n_unpacked = total;

  return NULL;
}

/**
 * rapport_pack_archive_read_file:
 * @path: a .rapportpack file
 *
 * Reads at most %RAPPORT_PACK_ARCHIVE_MAX_FILE_SIZE bytes of it and works as
 * rapport_pack_archive_read(); problems name the file as @path.
 */
GHashTable *
rapport_pack_archive_read_file (const char  *path,
                                GPtrArray   *problems,
                                GError     **error)
{
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems == NULL)
    problems = own_problems = rapport_problem_list_new ();

  bytes = rapport_read_file_capped (path, RAPPORT_PACK_ARCHIVE_MAX_FILE_SIZE, &local_error);
  if (bytes == NULL)
    {
      refuse (problems, path, error, "%s", local_error->message);
      return NULL;
    }

  if (g_bytes_get_size (bytes) > RAPPORT_PACK_ARCHIVE_MAX_FILE_SIZE)
    {
      g_autofree char *limit = format_size (RAPPORT_PACK_ARCHIVE_MAX_FILE_SIZE);

      refuse (problems, path, error, _("The pack file is too large: it may have at most %s."),
              limit);
      return NULL;
    }

  return rapport_pack_archive_read (bytes, path, problems, NULL, error);
}

/* Writing */

static la_ssize_t
write_cb (struct archive *archive,
          void           *user_data,
          const void     *buffer,
          size_t          length)
{
  g_byte_array_append (user_data, buffer, length);

  return length;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
set_write_error (struct archive  *writer,
                 GError         **error)
{
  g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_FAILED,
               _("Could not write the pack file: %s"), error_string (writer));
  archive_write_free (writer);

  return FALSE;
}

/* The zip archive of @files (name → GBytes), the same bytes for the same
 * files.
 */
GBytes *
rapport_pack_archive_zip (GHashTable  *files,
                          GError     **error)
{
  g_autoptr(GByteArray) output = g_byte_array_new ();
  g_autofree const char **names = NULL;
  struct archive *writer;
  guint n_names;

  g_return_val_if_fail (files != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  names = (const char **) g_hash_table_get_keys_as_array (files, &n_names);
  qsort (names, n_names, sizeof (char *), compare_names);

  writer = archive_write_new ();
  if (archive_write_set_format_zip (writer) != ARCHIVE_OK ||
      archive_write_set_options (writer, "zip:compression=deflate,zip:hdrcharset=UTF-8") != ARCHIVE_OK ||
      archive_write_set_bytes_in_last_block (writer, 1) != ARCHIVE_OK ||
      archive_write_open2 (writer, output, NULL, write_cb, NULL, NULL) != ARCHIVE_OK)
    {
      set_write_error (writer, error);
      return NULL;
    }

  for (guint i = 0; i < n_names; i++)
    {
      GBytes *bytes = g_hash_table_lookup (files, names[i]);
      struct archive_entry *entry = archive_entry_new ();
      const guint8 *data;
      gsize length;
      gsize written = 0;

      data = g_bytes_get_data (bytes, &length);

      /* No time stamps, owners or extended attributes: see the top. */
      archive_entry_set_pathname_utf8 (entry, names[i]);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, length);

      if (archive_write_header (writer, entry) != ARCHIVE_OK)
        {
          archive_entry_free (entry);
          set_write_error (writer, error);
          return NULL;
        }
      archive_entry_free (entry);

      while (written < length)
        {
          la_ssize_t n = archive_write_data (writer, data + written, length - written);

          if (n <= 0)
            {
              set_write_error (writer, error);
              return NULL;
            }
          written += n;
        }
    }

  if (archive_write_close (writer) != ARCHIVE_OK)
    {
      set_write_error (writer, error);
      return NULL;
    }

  archive_write_free (writer);

  return g_byte_array_free_to_bytes (g_steal_pointer (&output));
}

/* Writes @bytes, a pack file, to @path. */
gboolean
rapport_pack_archive_save (const char  *path,
                           GBytes      *bytes,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);

  /* A temporary file renamed into place: never half a pack file. */
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                 &local_error))
    {
      g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_FAILED,
                   _("Could not write the pack file: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * rapport_pack_archive_write:
 * @files: (element-type utf8 GBytes): name → content
 * @path: the file to write, through a temporary file renamed into place
 *
 * Writes a zip archive reproducibly: entries sorted by name, deflated, mode
 * 0644, with neither time stamps nor owners.
 */
gboolean
rapport_pack_archive_write (GHashTable  *files,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(GBytes) zip = NULL;

  g_return_val_if_fail (files != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  zip = rapport_pack_archive_zip (files, error);
  if (zip == NULL)
    return FALSE;

  return rapport_pack_archive_save (path, zip, error);
}
