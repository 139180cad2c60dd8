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
