/* rapport-keys.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rapport-keys.h"

/* A key names a topic, lesson or question in the progress store: lower-case
 * words of letters and digits joined by single hyphens, as the schema says.
 */
gboolean
rapport_key_is_valid (const char *key)
{
  gboolean after_hyphen = TRUE;
  gsize len;

  g_return_val_if_fail (key != NULL, FALSE);

  len = strlen (key);
  if (len == 0 || len > RAPPORT_KEY_MAX_LENGTH)
    return FALSE;

  for (const char *p = key; *p != '\0'; p++)
    {
      if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        after_hyphen = FALSE;
      else if (*p == '-' && !after_hyphen)
        after_hyphen = TRUE;
      else
        return FALSE;
    }

  return !after_hyphen;
}

/* A pack id is a reverse domain name the author controls, such as
 * "io.github.rapportapp.core": at least three parts of lower-case letters,
 * digits and hyphens, each starting with a letter.
 */
gboolean
rapport_pack_id_is_valid (const char *id)
{
  g_auto(GStrv) parts = NULL;
  guint n_parts;

  g_return_val_if_fail (id != NULL, FALSE);

  if (strlen (id) > 255)
    return FALSE;

  parts = g_strsplit (id, ".", -1);
  n_parts = g_strv_length (parts);
  if (n_parts < 3)
    return FALSE;

  for (guint i = 0; i < n_parts; i++)
    {
      const char *part = parts[i];
      gsize len = strlen (part);

      if (len == 0 || len > 63 || !g_ascii_islower (part[0]) || part[len - 1] == '-')
        return FALSE;

      for (const char *p = part; *p != '\0'; p++)
        {
          if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
            return FALSE;
        }
    }

  return TRUE;
}

/* XML Schema's "language", which xml:lang uses: "en", "de-CH", "zh-Hant-TW". */
gboolean
rapport_language_is_valid (const char *language)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (language != NULL, FALSE);

  parts = g_strsplit (language, "-", -1);
  if (parts[0] == NULL)
    return FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gsize len = strlen (parts[i]);

      if (len < 1 || len > 8)
        return FALSE;

      for (const char *p = parts[i]; *p != '\0'; p++)
        {
          if (!(g_ascii_isalpha (*p) || (i > 0 && g_ascii_isdigit (*p))))
            return FALSE;
        }
    }

  return TRUE;
}

/* "1", "1.0", "0.1.0": numbers separated by dots. */
gboolean
rapport_version_is_valid (const char *version)
{
  gboolean after_dot = TRUE;

  g_return_val_if_fail (version != NULL, FALSE);

  if (strlen (version) > 32)
    return FALSE;

  for (const char *p = version; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        after_dot = FALSE;
      else if (*p == '.' && !after_dot)
        after_dot = TRUE;
      else
        return FALSE;
    }

  return !after_dot;
}

/* Compares two valid versions part by part; "1.0" equals "1". */
int
rapport_version_compare (const char *a,
                         const char *b)
{
  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  while (*a != '\0' || *b != '\0')
    {
      guint64 x = g_ascii_strtoull (a, (char **) &a, 10);
      guint64 y = g_ascii_strtoull (b, (char **) &b, 10);

      if (x != y)
        return x < y ? -1 : 1;

      if (*a == '.')
        a++;
      if (*b == '.')
        b++;
    }

  return 0;
}

/* A file name inside a pack: relative, with "/" between parts; no "..",
 * ".", empty part, backslash, drive letter or control character. The rule
 * for the files pack.json lists and for every entry of a .rapportpack
 * archive, so that no name can point outside the pack's folder.
 */
gboolean
rapport_pack_path_is_safe (const char *path)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (path[0] == '\0' || path[0] == '/' || strlen (path) > 255 || strchr (path, '\\') != NULL)
    return FALSE;

  if (!g_utf8_validate (path, -1, NULL))
    return FALSE;

  for (const char *p = path; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f || *p == ':')
        return FALSE;
    }

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_media_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

/* A picture a lesson shows: "media/" and a name of ASCII letters, digits,
 * "_", "-" and ".", each part starting with a letter, digit, "_" or "-",
 * ending in .png, .jpg, .jpeg or .svg. The schema's pattern for <figure src>
 * says the same.
 */
gboolean
rapport_media_path_is_valid (const char *path)
{
  static const char * const extensions[] = { ".png", ".jpg", ".jpeg", ".svg", NULL };
  gboolean start_of_part = TRUE;
  const char *p;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_str_has_prefix (path, "media/") || strlen (path) > 255)
    return FALSE;

  for (p = path + strlen ("media/"); *p != '\0'; p++)
    {
      if (start_of_part)
        {
          if (!is_media_name_char (*p))
            return FALSE;
          start_of_part = FALSE;
        }
      else if (*p == '/')
        start_of_part = TRUE;
      else if (!is_media_name_char (*p) && *p != '.')
        return FALSE;
    }

  if (start_of_part)
    return FALSE;

  for (guint i = 0; extensions[i] != NULL; i++)
    {
      const char *last = strrchr (path, '/');

      if (g_str_has_suffix (path, extensions[i]) && strlen (last + 1) > strlen (extensions[i]))
        return TRUE;
    }

  return FALSE;
}
