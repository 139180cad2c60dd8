/* rapport-journal-io.c: the journal as Markdown (to read) and JSON (to move)
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

#define EXPORT_PAGE_SIZE 500

/* Reading the store */

static GPtrArray *
load_all_entries (RapportStore  *store,
                  GError       **error)
{
  g_autoptr(GPtrArray) all = NULL;
  RapportStoreJournalQuery query = { .limit = EXPORT_PAGE_SIZE };

  g_assert (RAPPORT_IS_STORE (store));

  all = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_store_entry_free);

  for (;;)
    {
      g_autoptr(GPtrArray) page = rapport_store_list_journal_entries (store, &query, error);
      guint n;

      if (page == NULL)
        return NULL;

      n = page->len;
      g_ptr_array_extend_and_steal (all, g_steal_pointer (&page));
      if (n < EXPORT_PAGE_SIZE)
        break;
      query.offset += n;
    }

  return g_steal_pointer (&all);
}

static int
compare_ratings (gconstpointer a,
                 gconstpointer b)
{
  const RapportStoreRating *ra = *(const RapportStoreRating * const *) a;
  const RapportStoreRating *rb = *(const RapportStoreRating * const *) b;
  guint pa = (guint) rapport_skill_get_position (ra->skill_key);
  guint pb = (guint) rapport_skill_get_position (rb->skill_key);

  /* Unknown skills (-1, so G_MAXUINT) after the course's, by key. */
  if (pa != pb)
    return pa < pb ? -1 : 1;

  return strcmp (ra->skill_key, rb->skill_key);
}

/* Returns: (element-type RapportStoreRating) (transfer container): the
 * entry's ratings in the order the course teaches the skills
 */
static GPtrArray *
sorted_ratings (const RapportStoreEntry *entry)
{
  GPtrArray *ratings = g_ptr_array_new ();

  for (guint i = 0; entry->ratings != NULL && i < entry->ratings->len; i++)
    g_ptr_array_add (ratings, &g_array_index (entry->ratings, RapportStoreRating, i));
  g_ptr_array_sort (ratings, compare_ratings);

  return ratings;
}

/* Writing files */

static gboolean
write_private_file (const char  *path,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  /* A temporary file created 0600 beside @path, synced, then renamed. */
  if (!g_file_set_contents_full (path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save the journal as “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Markdown */

/* One line of the user's text, without its line break and surrounding
 * space.  Backslash escapes are CommonMark's; characters that only mean
 * something at the start of a line are escaped there only, so the raw file
 * stays readable.
 */
static void
append_md_line (GString    *out,
                const char *line)
{
  const char *p = line;

  /* Lists, block quotes, setext underlines; "#" is escaped everywhere. */
  if (*p == '-' || *p == '+' || *p == '=' || *p == '>')
    {
      g_string_append_c (out, '\\');
      g_string_append_c (out, *p++);
    }
  else if (g_ascii_isdigit (*p))
    {
      /* "1. " and "1) " start a numbered list. */
      while (g_ascii_isdigit (*p))
        g_string_append_c (out, *p++);
      if (*p == '.' || *p == ')')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p++);
        }
    }

  for (; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '#':
        case '|':
        case '~':
          g_string_append_c (out, '\\');
          break;

        /* Entities rather than backslashes: HTML and entities look the
         * same in Markdown renderers that predate CommonMark.
         */
        case '<':
          g_string_append (out, "&lt;");
          continue;

        case '&':
          /* Only "&name;" and "&#…;" would be read as entities. */
          if (g_ascii_isalnum (p[1]) || p[1] == '#')
            {
              g_string_append (out, "&amp;");
              continue;
            }
          break;

        default:
          break;
        }

      g_string_append_c (out, *p);
    }
}

/* Text that must stay on one line (a heading, a list item). */
static void
append_md_inline (GString    *out,
                  const char *text)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");

  for (char *c = flat; *c != '\0'; c++)
    {
      if (g_ascii_isspace (*c))
        *c = ' ';
    }

  append_md_line (out, g_strstrip (flat));
}

/* Text as the user wrote it: each line break kept (a hard break, two spaces
 * at the end of the line), blank lines between paragraphs.  Indentation is
 * dropped: four spaces would make a code block.
 */
static void
append_md_text (GString    *out,
                const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  gboolean in_paragraph = FALSE;
  gboolean blank_seen = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        {
          blank_seen = in_paragraph || blank_seen;
          in_paragraph = FALSE;
          continue;
        }

      if (in_paragraph)
        g_string_append (out, "  \n");
      else if (blank_seen)
        g_string_append (out, "\n\n");

      append_md_line (out, line);
      in_paragraph = TRUE;
    }

  if (in_paragraph || blank_seen)
    g_string_append_c (out, '\n');
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

static void
append_md_section (GString    *out,
                   const char *heading,
                   const char *text)
{
  if (is_blank (text))
    return;

  g_string_append (out, "\n#### ");
  append_md_inline (out, heading);
  g_string_append (out, "\n\n");
  append_md_text (out, text);
}

static char *
format_local (GDateTime  *time,
              const char *format)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, format);
}

static char *
format_entry_time (GDateTime *time)
{
  /* Translators: the date and time of a journal entry in the Markdown
   * export; see g_date_time_format() for the codes.
   */
  return format_local (time, C_("journal export", "%A, %-d %B %Y, %H:%M"));
}

static void
append_md_entry (GString                 *out,
                 const RapportStoreEntry *entry)
{
  g_autoptr(GPtrArray) ratings = sorted_ratings (entry);
  g_autofree char *when = format_entry_time (entry->occurred);

  g_string_append (out, "\n### ");
  append_md_inline (out, is_blank (entry->title) ? _("Untitled entry") : entry->title);
  g_string_append (out, "\n\n");
  append_md_inline (out, when);
  g_string_append_c (out, '\n');

  if (ratings->len > 0)
    g_string_append_c (out, '\n');
  for (guint i = 0; i < ratings->len; i++)
    {
      const RapportStoreRating *rating = g_ptr_array_index (ratings, i);
      /* Translators: a self-rating in the Markdown export, e.g. "Empathy: 4/5" */
      g_autofree char *line = g_strdup_printf (_("%s: %d/5"), rapport_skill_get_display_title (rating->skill_key),
                                               rating->rating);

      g_string_append (out, "- ");
      append_md_inline (out, line);
      g_string_append_c (out, '\n');
    }

  if (entry->tags != NULL && entry->tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", entry->tags);
      /* Translators: the tags of a journal entry, separated by commas */
      g_autofree char *line = g_strdup_printf (_("Tags: %s"), joined);

      g_string_append_c (out, '\n');
      append_md_inline (out, line);
      g_string_append_c (out, '\n');
    }

  append_md_section (out, _("Situation"), entry->situation);
  append_md_section (out, _("What went well"), entry->went_well);
  append_md_section (out, _("What to try next"), entry->try_next);
}

/**
 * rapport_journal_to_markdown:
 *
 * A document for the learner to read or print: entries newest first,
 * grouped by month in local time, each with its date, ratings, tags and
 * texts.  What the user wrote is escaped, so it shows as written.
 *
 * Returns: (transfer full): the Markdown text, or %NULL with @error set
 */
char *
rapport_journal_to_markdown (RapportStore  *store,
                             GError       **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *intro = NULL;
  int month = -1;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entries = load_all_entries (store, error);
  if (entries == NULL)
    return NULL;

  now = g_date_time_new_now_utc ();
  exported = format_entry_time (now);
  /* Translators: %u is the number of entries, %s the date and time */
  intro = g_strdup_printf (ngettext ("%u entry, exported from Rapport on %s.",
                                     "%u entries, exported from Rapport on %s.",
                                     entries->len),
                           entries->len, exported);

  out = g_string_new ("# ");
  append_md_inline (out, _("Reflection Journal"));
  g_string_append (out, "\n\n");
  append_md_inline (out, intro);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < entries->len; i++)
    {
      const RapportStoreEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (entry->occurred);
      int entry_month = g_date_time_get_year (local) * 12 + g_date_time_get_month (local);

      if (entry_month != month)
        {
          /* Translators: a month heading in the Markdown export, e.g.
           * "March 2026"; %OB is the month name on its own.
           */
          g_autofree char *heading = g_date_time_format (local, C_("journal export", "%OB %Y"));

          g_string_append (out, "\n## ");
          append_md_inline (out, heading);
          g_string_append_c (out, '\n');
          month = entry_month;
        }

      append_md_entry (out, entry);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
rapport_journal_export_markdown (RapportStore  *store,
                                 const char    *path,
                                 GError       **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = rapport_journal_to_markdown (store, error);
  if (text == NULL)
    return FALSE;

  return write_private_file (path, text, strlen (text), error);
}

/* JSON */

/* Always "YYYY-MM-DDTHH:MM:SSZ", whatever the year, so it parses again. */
static char *
format_iso8601 (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

static void
add_time_member (JsonBuilder *builder,
                 const char  *name,
                 GDateTime   *time)
{
  g_autofree char *text = format_iso8601 (time);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

static void
add_entry (JsonBuilder             *builder,
           const RapportStoreEntry *entry)
{
  g_autoptr(GPtrArray) ratings = sorted_ratings (entry);

  json_builder_begin_object (builder);
  add_string_member (builder, "uuid", entry->uuid);
  /* The store always has all three; the fallbacks keep the file valid. */
  add_time_member (builder, "created", entry->created != NULL ? entry->created : entry->occurred);
  add_time_member (builder, "occurred", entry->occurred);
  add_time_member (builder, "updated", entry->updated != NULL ? entry->updated : entry->occurred);
  add_string_member (builder, "title", entry->title);
  add_string_member (builder, "situation", entry->situation);
  add_string_member (builder, "went_well", entry->went_well);
  add_string_member (builder, "try_next", entry->try_next);

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; entry->tags != NULL && entry->tags[i] != NULL; i++)
    json_builder_add_string_value (builder, entry->tags[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "ratings");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ratings->len; i++)
    {
      const RapportStoreRating *rating = g_ptr_array_index (ratings, i);

      json_builder_set_member_name (builder, rating->skill_key);
      json_builder_add_int_value (builder, rating->rating);
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);
}

/**
 * rapport_journal_to_json:
 *
 * Everything in the journal, to move it to another machine; see
 * RAPPORT_JOURNAL_FORMAT.  Entries are newest first.
 *
 * Returns: (transfer full): pretty-printed JSON, or %NULL with @error set
 */
char *
rapport_journal_to_json (RapportStore  *store,
                         GError       **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entries = load_all_entries (store, error);
  if (entries == NULL)
    return NULL;

  now = g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string_member (builder, "format", RAPPORT_JOURNAL_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RAPPORT_JOURNAL_VERSION);
  add_time_member (builder, "exported", now);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    add_entry (builder, g_ptr_array_index (entries, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

gboolean
rapport_journal_export_json (RapportStore  *store,
                             const char    *path,
                             GError       **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = rapport_journal_to_json (store, error);
  if (text == NULL)
    return FALSE;

  return write_private_file (path, text, strlen (text), error);
}

/* Import */

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

static void set_file_error (Import      *im,
                            GError     **error,
                            int          code,
                            guint        line,
                            const char  *format,
                            ...) G_GNUC_PRINTF (5, 6);

static void
set_file_error (Import      *im,
                GError     **error,
                int          code,
                guint        line,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_set_error (error, RAPPORT_JOURNAL_IO_ERROR, code,
                 _("Could not import “%s”. Line %u: %s"), im->name, line, message);
  else
    g_set_error (error, RAPPORT_JOURNAL_IO_ERROR, code,
                 _("Could not import “%s”: %s"), im->name, message);
}

static void set_entry_error (Import      *im,
                             GError     **error,
                             const char  *member,
                             const char  *format,
                             ...) G_GNUC_PRINTF (4, 5);

/* Names the entry (counting from 1) and, where the scan noted it, the line
 * of @member or else of the entry.
 */
static void
set_entry_error (Import      *im,
                 GError     **error,
                 const char  *member,
                 const char  *format,
                 ...)
{
  g_autofree char *entry_path = g_strdup_printf ("entries[%u]", im->index);
  g_autofree char *message = NULL;
  guint line = 0;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (member != NULL)
    {
      g_autofree char *member_path = g_strdup_printf ("%s.%s", entry_path, member);

      line = line_of (im, member_path);
    }
  if (line == 0)
    line = line_of (im, entry_path);

  if (line > 0)
    g_set_error (error, RAPPORT_JOURNAL_IO_ERROR, RAPPORT_JOURNAL_IO_ERROR_INVALID,
                 _("Could not import “%s”. Entry %u (line %u): %s"),
                 im->name, im->index + 1, line, message);
  else
    g_set_error (error, RAPPORT_JOURNAL_IO_ERROR, RAPPORT_JOURNAL_IO_ERROR_INVALID,
                 _("Could not import “%s”. Entry %u: %s"), im->name, im->index + 1, message);
}

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
