/* rapport-json.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* json-glib 1.6 has no depth limit and overflows its stack on about 100,000
 * nested brackets, and it accepts some input that JSON does not (single
 * quotes, an empty document, a second document after the first). So the
 * bytes are scanned first: size, UTF-8, nesting depth, quotes, duplicate
 * members, text after the end. The same scan notes the line of
 * every member and array element, so that later checks can say
 * "pack.json:7: …" although json-glib keeps no line numbers in its tree.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-json.h"

G_DEFINE_QUARK (rapport-json-error-quark, rapport_json_error)

/* Deeper members are not noted; pack.json needs three levels. */
#define MAX_NOTED_DEPTH 4

typedef struct
{
  char        kind;        /* '{' or '[' */
  char       *path;        /* of this container: "", "topics", "topics[2]" */
  char       *key;         /* object: the member being read */
  GHashTable *keys;        /* object: members seen, for duplicates */
  guint       index;       /* array: the element being read */
  gboolean    expect_key;  /* object: the next string is a member name */
  gboolean    pending;     /* array: the next value starts an element */
} Frame;

static void
frame_clear (Frame *frame)
{
  g_free (frame->path);
  g_free (frame->key);
  g_clear_pointer (&frame->keys, g_hash_table_unref);
}

static char *
child_path (Frame *frame)
{
  if (frame->kind == '[')
    return g_strdup_printf ("%s[%u]", frame->path, frame->index);

  if (frame->path[0] == '\0')
    return g_strdup (frame->key != NULL ? frame->key : "");

  return g_strdup_printf ("%s.%s", frame->path, frame->key != NULL ? frame->key : "");
}

static int
hex_value (const char *p,
           const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* json-glib 1.6 turns an escaped lone surrogate ("\ud800") or an escape
 * with fewer than four hex digits into bytes that are not UTF-8, and
 * "\u0000" into the end of the string; any of them would reach labels and
 * the database as broken text. @p points at the 'u' of an escape; on
 * success it is moved to the escape's last digit (of the second escape, for
 * a surrogate pair).
 */
static gboolean
escape_is_character (const char **p,
                     const char  *end)
{
  int value = hex_value (*p + 1, end);
  int low;

  if (value < 0)
    return FALSE;

  if (value == 0 || (value >= 0xDC00 && value <= 0xDFFF))
    return FALSE;

  if (value >= 0xD800 && value <= 0xDBFF)
    {
      if (end - *p < 11 || (*p)[5] != '\\' || (*p)[6] != 'u')
        return FALSE;

      low = hex_value (*p + 7, end);
      if (low < 0xDC00 || low > 0xDFFF)
        return FALSE;

      *p += 10;
      return TRUE;
    }

  *p += 4;
  return TRUE;
}

/* How much of a refused escape a message quotes: the backslash and the
 * character after it, or the 'u' and the hex digits after it (never a piece
 * of a multi-byte character; the input is valid UTF-8).
 */
static int
escape_length (const char *escape,
               const char *end)
{
  int length = 2;

  if (escape[1] != 'u')
    return g_utf8_next_char (escape + 1) - escape;

  while (length < 6 && escape + length < end && g_ascii_isxdigit (escape[length]))
    length++;

  return length;
}

static gboolean
scan (const char  *data,
      gsize        length,
      guint        max_depth,
      GHashTable  *lines,
      guint       *error_line,
      GError     **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  const char *end = data + length;
  gboolean ok = TRUE;
  guint line = 1;
  guint comma_line = 0;   /* the line of a comma not yet followed by a value */
  gboolean closed = FALSE;  /* the outermost object or array has ended */

  g_array_set_clear_func (stack, (GDestroyNotify) frame_clear);

  for (const char *p = data; p < end && ok; p++)
    {
      Frame *top = stack->len > 0 ? &g_array_index (stack, Frame, stack->len - 1) : NULL;
      char c = *p;

      if (c == '\n')
        {
          line++;
          continue;
        }
      if (c == ' ' || c == '\t' || c == '\r')
        continue;

      /* json-glib 1.6 reads "{…}{…}" and keeps one of them. */
      if (closed)
        {
          *error_line = line;
          g_set_error (error, RAPPORT_JSON_ERROR, RAPPORT_JSON_ERROR_INVALID,
                       _("There is more text after the end of the JSON data."));
          ok = FALSE;
          break;
        }

      if (c != ',' && c != '}' && c != ']')
        comma_line = 0;
      else if (c == ',')
        comma_line = line;

      if (top != NULL && top->kind == '[' && top->pending && c != ']')
        {
          top->pending = FALSE;
          if (lines != NULL && stack->len <= MAX_NOTED_DEPTH)
            g_hash_table_insert (lines, child_path (top), GUINT_TO_POINTER (line));
        }

      switch (c)
        {
        case '{':
        case '[':
          {
            Frame frame = { 0 };

            if (stack->len >= max_depth)
              {
                *error_line = line;
                g_set_error (error, RAPPORT_JSON_ERROR, RAPPORT_JSON_ERROR_TOO_DEEP,
                             _("Brackets are nested more than %u levels deep."), max_depth);
                ok = FALSE;
                break;
              }

            frame.kind = c;
            frame.path = top != NULL ? child_path (top) : g_strdup ("");
            frame.expect_key = c == '{';
            frame.pending = c == '[';
            if (c == '{')
              frame.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
            g_array_append_val (stack, frame);
          }
          break;

        case '}':
        case ']':
          if (comma_line != 0)
            {
              /* json-glib's message for this one is misleading. */
              *error_line = comma_line;
              g_set_error (error, RAPPORT_JSON_ERROR, RAPPORT_JSON_ERROR_INVALID,
                           _("There is a comma after the last item of a list or object; "
                             "remove it."));
              ok = FALSE;
              break;
            }
          if (stack->len > 0)
            {
              g_array_set_size (stack, stack->len - 1);
              closed = stack->len == 0;
            }
          break;

        case ',':
          if (top != NULL && top->kind == '{')
            top->expect_key = TRUE;
          else if (top != NULL)
            {
              top->index++;
              top->pending = TRUE;
            }
          break;

        case '\'':
          *error_line = line;
          g_set_error (error, RAPPORT_JSON_ERROR, RAPPORT_JSON_ERROR_INVALID,
                       _("Text in JSON must be in double quotes (\"…\"), not single quotes."));
          ok = FALSE;
          break;

        case '"':
          {
            const char *start = p + 1;
            guint start_line = line;

            for (p = start; p < end && *p != '"'; p++)
              {
                if (*p == '\\' && p + 1 < end)
                  {
                    const char *escape = p;

                    p++;
                    /* json-glib also reads escapes JSON has not, such as
                     * "\727", into bytes that are not UTF-8 (found by
                     * fuzzing).
                     */
                    if (strchr ("\"\\/bfnrtu", *p) == NULL || *p == '\0' ||
                        (*p == 'u' && !escape_is_character (&p, end)))
                      {
                        *error_line = line;
                        g_set_error (error, RAPPORT_JSON_ERROR, RAPPORT_JSON_ERROR_INVALID,
                                     _("The escape “%.*s” does not stand for a character that "
                                       "text may hold; write the character itself."),
                                     escape_length (escape, end), escape);
                        ok = FALSE;
                        break;
                      }
                  }
                else if (*p == '\n')
                  line++;
              }

            if (!ok || p >= end)
              break;   /* unterminated: json-glib reports it */

            if (top != NULL && top->kind == '{' && top->expect_key)
              {
                g_free (top->key);
                top->key = g_strndup (start, p - start);
                top->expect_key = FALSE;

                if (!g_hash_table_add (top->keys, g_strdup (top->key)))
                  {
                    *error_line = start_line;
                    g_set_error (error, RAPPORT_JSON_ERROR, RAPPORT_JSON_ERROR_INVALID,
                                 _("The member “%s” is given twice."), top->key);
                    ok = FALSE;
                    break;
                  }

                if (lines != NULL && stack->len <= MAX_NOTED_DEPTH)
                  g_hash_table_insert (lines, child_path (top), GUINT_TO_POINTER (start_line));
              }

            /* A string alone is a whole document too. */
            closed = stack->len == 0;
          }
          break;

        default:
          /* So is a number or a literal: json-glib 1.6 reads '"a" {…}' or
           * '1 {…}' and leaks the object (found by fuzzing).
           */
          if (stack->len == 0)
            {
              while (p + 1 < end && !g_ascii_isspace (p[1]) && strchr ("{}[],:\"'", p[1]) == NULL)
                p++;
              closed = TRUE;
            }
          break;
        }
    }

  return ok;
}

/* json-glib says "<data>:LINE:COLUMN: Parse error: …". */
static char *
split_json_glib_message (const char *message,
                         guint      *line)
{
  const char *p = message;
  guint64 value;
  char *after;

  if (!g_str_has_prefix (p, "<data>:"))
    return g_strdup (message);

  p += strlen ("<data>:");
  value = g_ascii_strtoull (p, &after, 10);
  if (after == p || *after != ':')
    return g_strdup (message);

  *line = (guint) MIN (value, G_MAXUINT);

  p = strstr (after, ": ");
  if (p == NULL)
    return g_strdup (message);
  p += 2;
  if (g_str_has_prefix (p, "Parse error: "))
    p += strlen ("Parse error: ");

  return g_strdup (p);
}

/**
 * rapport_json_parse:
 * @lines: (nullable): a table from g_str_hash to fill with the line of each
 *   member and array element, keyed by path: "id", "topics[2]",
 *   "topics[2].file"
 * @error_line: (out): on error, the line it was found on (0 if none)
 *
 * Returns: (transfer full): the root node, or %NULL with @error set.
 */
JsonNode *
rapport_json_parse (GBytes      *bytes,
                    gsize        max_size,
                    guint        max_depth,
                    GHashTable  *lines,
                    guint       *error_line,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  const char *invalid;
  gsize length;
  guint dummy_line;
  gboolean blank = TRUE;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (error_line == NULL)
    error_line = &dummy_line;
  *error_line = 0;

  data = g_bytes_get_data (bytes, &length);

  if (length > max_size)
    {
      g_autofree char *size = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, RAPPORT_JSON_ERROR, RAPPORT_JSON_ERROR_TOO_LARGE,
                   _("The file is too large; at most %s are allowed."), size);
      return NULL;
    }

  if (length == 0 || data == NULL)
    {
      g_set_error (error, RAPPORT_JSON_ERROR, RAPPORT_JSON_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  if (memchr (data, '\0', length) != NULL || !g_utf8_validate_len (data, length, &invalid))
    {
      g_set_error (error, RAPPORT_JSON_ERROR, RAPPORT_JSON_ERROR_INVALID,
                   _("The file is not UTF-8 text."));
      return NULL;
    }

  for (gsize i = 0; i < length && blank; i++)
    blank = g_ascii_isspace (data[i]);

  if (blank)
    {
      g_set_error (error, RAPPORT_JSON_ERROR, RAPPORT_JSON_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  if (!scan (data, length, max_depth, lines, error_line, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_autofree char *message = split_json_glib_message (local_error->message, error_line);
      /* json-glib may quote the input cut in the middle of a character
       * (found by fuzzing).
       */
      g_autofree char *text = g_utf8_make_valid (message, -1);

      g_set_error (error, RAPPORT_JSON_ERROR, RAPPORT_JSON_ERROR_INVALID,
                   _("This is not valid JSON: %s."), text);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, RAPPORT_JSON_ERROR, RAPPORT_JSON_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}
