/* rapport-journal-export.c: the journal written out, as Markdown (to read)
 * and JSON (to move)
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rapport-journal-io.h"
#include "rapport-skill.h"

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

typedef char *(*DocumentFunc) (RapportStore  *store,
                               GError       **error);

/* Both exports: the whole document in memory, then one private write. */
static gboolean
export_document (RapportStore  *store,
                 const char    *path,
                 DocumentFunc   to_document,
                 GError       **error)
{
  g_autofree char *text = NULL;

  g_assert (RAPPORT_IS_STORE (store));
  g_assert (path != NULL);

  text = to_document (store, error);
  if (text == NULL)
    return FALSE;

  return write_private_file (path, text, strlen (text), error);
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
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_document (store, path, rapport_journal_to_markdown, error);
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
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_document (store, path, rapport_journal_to_json, error);
}
