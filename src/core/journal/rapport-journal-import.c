/* rapport-journal-import.c: reading a JSON export of the journal, every
 * field checked, into the store
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An import file may come from anywhere, so it is read the way pack.json is:
 * a size cap, rapport_json_parse() (UTF-8, depth, duplicate members, line
 * numbers) before json-glib sees it, then every field checked before the
 * store is touched.  The store then writes all entries in one transaction.
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rapport-io.h"
#include "rapport-journal-io.h"
#include "rapport-json.h"
#include "rapport-skill.h"

G_DEFINE_QUARK (rapport-journal-io-error-quark, rapport_journal_io_error)

typedef struct
{
  const char *name;      /* the file, as the user knows it */
  GHashTable *lines;     /* from rapport_json_parse() */
  guint       index;     /* of the entry being read */
} Import;

static guint
line_of (Import     *im,
         const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (im->lines, path));
}

/* Where the scan noted the line of @member in the entry being read, or else
 * of the entry itself; 0 if neither.
 */
static guint
entry_line_of (Import     *im,
               const char *member)
{
  g_autofree char *entry_path = g_strdup_printf ("entries[%u]", im->index);
  guint line = 0;

  if (member != NULL)
    {
      g_autofree char *member_path = g_strdup_printf ("%s.%s", entry_path, member);

      line = line_of (im, member_path);
    }
  if (line == 0)
    line = line_of (im, entry_path);

  return line;
}

static void set_import_error (Import      *im,
                              GError     **error,
                              int          code,
                              gboolean     in_entry,
                              guint        line,
                              const char  *format,
                              ...) G_GNUC_PRINTF (6, 7);

/* The one sentence every refusal makes: the file, then the entry (counting
 * from 1) when @in_entry, then @line unless it is 0.
 */
static void
set_import_error (Import      *im,
                  GError     **error,
                  int          code,
                  gboolean     in_entry,
                  guint        line,
                  const char  *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (in_entry && line > 0)
    g_set_error (error, RAPPORT_JOURNAL_IO_ERROR, code,
                 _("Could not import “%s”. Entry %u (line %u): %s"),
                 im->name, im->index + 1, line, message);
  else if (in_entry)
    g_set_error (error, RAPPORT_JOURNAL_IO_ERROR, code,
                 _("Could not import “%s”. Entry %u: %s"), im->name, im->index + 1, message);
  else if (line > 0)
    g_set_error (error, RAPPORT_JOURNAL_IO_ERROR, code,
                 _("Could not import “%s”. Line %u: %s"), im->name, line, message);
  else
    g_set_error (error, RAPPORT_JOURNAL_IO_ERROR, code,
                 _("Could not import “%s”: %s"), im->name, message);
}

/* The file as a whole, at @line (0: none). */
#define set_file_error(im, error, code, line, ...) \
  set_import_error ((im), (error), (code), FALSE, (line), __VA_ARGS__)

/* The entry being read, at the line of @member (%NULL: the entry's). */
#define set_entry_error(im, error, member, ...) \
  set_import_error ((im), (error), RAPPORT_JOURNAL_IO_ERROR_INVALID, TRUE, \
                    entry_line_of ((im), (member)), __VA_ARGS__)

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
check_members (Import              *im,
               JsonObject          *object,
               const char * const  *allowed,
               gboolean             in_entry,
               GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_strv_contains (allowed, name))
        continue;

      if (in_entry)
        set_entry_error (im, error, name, _("An entry has no member “%s”."), name);
      else
        set_file_error (im, error, RAPPORT_JOURNAL_IO_ERROR_INVALID, line_of (im, name),
                        _("A journal file has no member “%s”."), name);
      return FALSE;
    }

  return TRUE;
}

/* @max_bytes 0: no limit beyond the file's.  Returns NULL with @error set. */
static const char *
entry_string (Import      *im,
              JsonObject  *object,
              const char  *member,
              gboolean     required,
              gsize        max_bytes,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  if (node == NULL)
    {
      if (!required)
        return "";

      set_entry_error (im, error, NULL, _("The member “%s” is missing."), member);
      return NULL;
    }

  if (!holds_type (node, G_TYPE_STRING))
    {
      set_entry_error (im, error, member, _("“%s” must be text in double quotes."), member);
      return NULL;
    }

  text = json_node_get_string (node);
  if (max_bytes > 0 && strlen (text) > max_bytes)
    {
      g_autofree char *size = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);

      set_entry_error (im, error, member, _("“%s” is too long; at most %s are allowed."),
                       member, size);
      return NULL;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      set_entry_error (im, error, member, _("“%s” is not valid text."), member);
      return NULL;
    }

  return text;
}

static GDateTime *
parse_time (const char *text)
{
  /* No default zone: a time without one is refused. */
  return g_date_time_new_from_iso8601 (text, NULL);
}

static GDateTime *
entry_time (Import      *im,
            JsonObject  *object,
            const char  *member,
            GError     **error)
{
  const char *text = entry_string (im, object, member, TRUE, 64, error);
  GDateTime *time;

  if (text == NULL)
    return NULL;

  time = parse_time (text);
  if (time == NULL)
    set_entry_error (im, error, member,
                     _("“%s” is not a date and time in ISO 8601 form with a time zone, "
                       "such as 2026-03-01T14:05:00Z."), member);

  return time;
}

static gboolean
read_tags (Import             *im,
           JsonObject         *object,
           RapportStoreEntry  *entry,
           GError            **error)
{
  JsonNode *node = json_object_get_member (object, "tags");
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  guint n;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_entry_error (im, error, "tags", _("“tags” must be a list of texts."));
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > RAPPORT_JOURNAL_MAX_TAGS)
    {
      set_entry_error (im, error, "tags", _("An entry can have at most %u tags."),
                       RAPPORT_JOURNAL_MAX_TAGS);
      return FALSE;
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *member = g_strdup_printf ("tags[%u]", i);
      const char *tag;

      if (!holds_type (element, G_TYPE_STRING))
        {
          set_entry_error (im, error, member, _("“tags” must be a list of texts."));
          return FALSE;
        }

      tag = json_node_get_string (element);
      if (strlen (tag) > RAPPORT_JOURNAL_MAX_TAG || !g_utf8_validate (tag, -1, NULL))
        {
          g_autofree char *size = g_format_size_full (RAPPORT_JOURNAL_MAX_TAG,
                                                      G_FORMAT_SIZE_IEC_UNITS);

          set_entry_error (im, error, member,
                           _("A tag must be valid text of at most %s."), size);
          return FALSE;
        }

      g_strv_builder_add (builder, tag);
    }

  g_strfreev (entry->tags);
  entry->tags = g_strv_builder_end (builder);

  return TRUE;
}

static gboolean
read_ratings (Import             *im,
              JsonObject         *object,
              RapportStoreEntry  *entry,
              GError            **error)
{
  JsonNode *node = json_object_get_member (object, "ratings");
  g_autoptr(GList) members = NULL;
  JsonObject *ratings;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_entry_error (im, error, "ratings",
                       _("“ratings” must be an object from skills to ratings, "
                         "such as {\"empathy\": 4}."));
      return FALSE;
    }

  ratings = json_node_get_object (node);
  members = json_object_get_members (ratings);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *value = json_object_get_member (ratings, key);
      g_autofree char *member = g_strdup_printf ("ratings.%s", key);
      gint64 rating;

      if (rapport_skill_lookup (key) == NULL)
        {
          set_entry_error (im, error, member, _("“%s” is not a skill Rapport knows."), key);
          return FALSE;
        }

      rating = holds_type (value, G_TYPE_INT64) ? json_node_get_int (value) : 0;
      if (rating < 1 || rating > 5)
        {
          set_entry_error (im, error, member,
                           _("The rating for “%s” must be a whole number from 1 to 5."), key);
          return FALSE;
        }

      rapport_store_entry_set_rating (entry, key, (int) rating);
    }

  return TRUE;
}

static RapportStoreEntry *
read_entry (Import      *im,
            JsonNode    *node,
            GError     **error)
{
  static const char * const allowed[] = {
    "uuid", "created", "occurred", "updated", "title", "situation", "went_well", "try_next",
    "tags", "ratings", NULL
  };
  static const struct
  {
    const char *member;
    gsize       offset;
    gsize       max;
  } texts[] = {
    { "title", G_STRUCT_OFFSET (RapportStoreEntry, title), RAPPORT_JOURNAL_MAX_TITLE },
    { "situation", G_STRUCT_OFFSET (RapportStoreEntry, situation), RAPPORT_JOURNAL_MAX_TEXT },
    { "went_well", G_STRUCT_OFFSET (RapportStoreEntry, went_well), RAPPORT_JOURNAL_MAX_TEXT },
    { "try_next", G_STRUCT_OFFSET (RapportStoreEntry, try_next), RAPPORT_JOURNAL_MAX_TEXT },
  };
  g_autoptr(RapportStoreEntry) entry = NULL;
  JsonObject *object;
  const char *uuid;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_entry_error (im, error, NULL, _("An entry must be an object in braces."));
      return NULL;
    }

  object = json_node_get_object (node);
  if (!check_members (im, object, allowed, TRUE, error))
    return NULL;

  entry = rapport_store_entry_new ();

  uuid = entry_string (im, object, "uuid", TRUE, 64, error);
  if (uuid == NULL)
    return NULL;
  if (!g_uuid_string_is_valid (uuid))
    {
      set_entry_error (im, error, "uuid",
                       _("“%s” is not a valid UUID, such as "
                         "6f1c0a52-3d7e-4d8a-9a57-0b7d3c1e2f41."), "uuid");
      return NULL;
    }
  g_free (entry->uuid);
  /* Rapport writes them in lower case; the same UUID is the same entry. */
  entry->uuid = g_ascii_strdown (uuid, -1);

  g_clear_pointer (&entry->occurred, g_date_time_unref);
  if ((entry->created = entry_time (im, object, "created", error)) == NULL
      || (entry->occurred = entry_time (im, object, "occurred", error)) == NULL
      || (entry->updated = entry_time (im, object, "updated", error)) == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      char **field = G_STRUCT_MEMBER_P (entry, texts[i].offset);
      const char *text = entry_string (im, object, texts[i].member, FALSE, texts[i].max, error);

      if (text == NULL)
        return NULL;
      g_free (*field);
      *field = g_strdup (text);
    }

  if (!read_tags (im, object, entry, error) || !read_ratings (im, object, entry, error))
    return NULL;

  return g_steal_pointer (&entry);
}

/* Returns: (element-type RapportStoreEntry): every entry, checked */
static GPtrArray *
read_journal (Import    *im,
              JsonNode  *root,
              GError   **error)
{
  static const char * const allowed[] = { "format", "version", "exported", "entries", NULL };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) uuids = NULL;
  g_autoptr(GDateTime) exported = NULL;
  JsonObject *object;
  JsonNode *node;
  JsonArray *array;
  gint64 version;

  node = JSON_NODE_HOLDS_OBJECT (root)
         ? json_object_get_member (json_node_get_object (root), "format") : NULL;
  if (node == NULL || !holds_type (node, G_TYPE_STRING)
      || !g_str_equal (json_node_get_string (node), RAPPORT_JOURNAL_FORMAT))
    {
      set_file_error (im, error, RAPPORT_JOURNAL_IO_ERROR_INVALID, 0,
                      _("This is not a journal exported from Rapport."));
      return NULL;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "version");
  if (node == NULL || !holds_type (node, G_TYPE_INT64) || json_node_get_int (node) < 1)
    {
      set_file_error (im, error, RAPPORT_JOURNAL_IO_ERROR_INVALID, line_of (im, "version"),
                      _("“version” must be a whole number from 1 up."));
      return NULL;
    }
  version = json_node_get_int (node);
  if (version > RAPPORT_JOURNAL_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      set_file_error (im, error, RAPPORT_JOURNAL_IO_ERROR_TOO_NEW, 0,
                      _("It was made by a newer version of Rapport (journal format %s). "
                        "Update Rapport to import it."), number);
      return NULL;
    }

  if (!check_members (im, object, allowed, FALSE, error))
    return NULL;

  node = json_object_get_member (object, "exported");
  if (node == NULL || !holds_type (node, G_TYPE_STRING)
      || (exported = parse_time (json_node_get_string (node))) == NULL)
    {
      set_file_error (im, error, RAPPORT_JOURNAL_IO_ERROR_INVALID, line_of (im, "exported"),
                      _("“exported” must be a date and time in ISO 8601 form with a time "
                        "zone, such as 2026-03-01T14:05:00Z."));
      return NULL;
    }

  node = json_object_get_member (object, "entries");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      set_file_error (im, error, RAPPORT_JOURNAL_IO_ERROR_INVALID, line_of (im, "entries"),
                      _("“entries” must be a list of entries in square brackets."));
      return NULL;
    }
  array = json_node_get_array (node);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_store_entry_free);
  uuids = g_hash_table_new (g_str_hash, g_str_equal);

  for (im->index = 0; im->index < json_array_get_length (array); im->index++)
    {
      RapportStoreEntry *entry = read_entry (im, json_array_get_element (array, im->index),
                                             error);

      if (entry == NULL)
        return NULL;

      g_ptr_array_add (entries, entry);
      if (!g_hash_table_add (uuids, entry->uuid))
        {
          set_entry_error (im, error, "uuid",
                           _("Another entry in the file has the same UUID %s."), entry->uuid);
          return NULL;
        }
    }

  return g_steal_pointer (&entries);
}

/**
 * rapport_journal_import_json:
 * @bytes: the file's content, untrusted
 * @display_name: how errors name the file, e.g. its base name
 * @n_added: (out) (optional): entries written: new, or a newer version
 * @n_skipped: (out) (optional): entries already in the journal
 *
 * Adds the entries of a file from rapport_journal_export_json(), all or
 * nothing.  Any problem refuses the whole file with one sentence naming the
 * file and, where it can, the entry and the line.
 */
gboolean
rapport_journal_import_json (RapportStore  *store,
                             GBytes        *bytes,
                             const char    *display_name,
                             guint         *n_added,
                             guint         *n_skipped,
                             GError       **error)
{
  g_autoptr(GHashTable) lines = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) local_error = NULL;
  Import im = { display_name, NULL, 0 };
  guint error_line = 0;
  guint added = 0;
  guint updated = 0;
  guint skipped = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;

  lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.lines = lines;

  root = rapport_json_parse (bytes, RAPPORT_JOURNAL_MAX_FILE_SIZE, RAPPORT_JOURNAL_MAX_JSON_DEPTH,
                             lines, &error_line, &local_error);
  if (root == NULL)
    {
      int code = g_error_matches (local_error, RAPPORT_JSON_ERROR, RAPPORT_JSON_ERROR_TOO_LARGE)
                 ? RAPPORT_JOURNAL_IO_ERROR_TOO_LARGE : RAPPORT_JOURNAL_IO_ERROR_INVALID;

      set_file_error (&im, error, code, error_line, "%s", local_error->message);
      return FALSE;
    }

  entries = read_journal (&im, root, error);
  if (entries == NULL)
    return FALSE;

  if (!rapport_store_import_journal_entries (store, entries, &added, &updated, &skipped,
                                             &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not import “%s”: %s"), display_name, local_error->message);
      return FALSE;
    }

  if (n_added != NULL)
    *n_added = added + updated;
  if (n_skipped != NULL)
    *n_skipped = skipped;

  return TRUE;
}

gboolean
rapport_journal_import_json_file (RapportStore  *store,
                                  const char    *path,
                                  guint         *n_added,
                                  guint         *n_skipped,
                                  GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;

  /* One byte over the cap is enough to refuse the file below. */
  bytes = rapport_read_file_capped (path, RAPPORT_JOURNAL_MAX_FILE_SIZE, error);
  if (bytes == NULL)
    return FALSE;

  name = g_filename_display_basename (path);

  return rapport_journal_import_json (store, bytes, name, n_added, n_skipped, error);
}
