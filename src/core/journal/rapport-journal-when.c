/* rapport-journal-when.c: an entry's date and time as the user reads and types it
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rapport-journal-when.h"

/* Years outside these are typing mistakes ("0026", "20266"), not calls. */
#define MIN_YEAR 1900
#define MAX_YEAR 2999

char *
rapport_journal_format_when (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  local = g_date_time_to_local (when);
  /* Translators: how the journal editor shows an entry's date and time,
   * and reads it back when it is typed: %x is the date in the locale's own
   * short form.  See g_date_time_format().
   */
  return g_date_time_format (local, _("%x %H:%M"));
}

/* Times */

typedef enum
{
  MERIDIEM_NONE,
  MERIDIEM_AM,
  MERIDIEM_PM,
} Meridiem;

/* "am" and "pm" in English, and the locale's own words for them. */
static Meridiem
meridiem_of (const char *word)
{
  static const char * const am[] = { "am", "a.m.", "a.m" };
  static const char * const pm[] = { "pm", "p.m.", "p.m" };
  g_autoptr(GDateTime) morning = g_date_time_new_utc (2000, 1, 1, 9, 0, 0);
  g_autoptr(GDateTime) evening = g_date_time_new_utc (2000, 1, 1, 21, 0, 0);
  g_autofree char *local_am = g_date_time_format (morning, "%p");
  g_autofree char *local_pm = g_date_time_format (evening, "%p");
  g_autofree char *folded = g_utf8_casefold (word, -1);
  g_autofree char *folded_am = g_utf8_casefold (local_am != NULL ? local_am : "", -1);
  g_autofree char *folded_pm = g_utf8_casefold (local_pm != NULL ? local_pm : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (am); i++)
    {
      if (g_str_equal (folded, am[i]))
        return MERIDIEM_AM;
      if (g_str_equal (folded, pm[i]))
        return MERIDIEM_PM;
    }
  if (*folded_am != '\0' && g_str_equal (folded, folded_am))
    return MERIDIEM_AM;
  if (*folded_pm != '\0' && g_str_equal (folded, folded_pm))
    return MERIDIEM_PM;

  return MERIDIEM_NONE;
}

/* "14:30", "14:30:00", "2:30pm", "2pm".  A number alone is not a time: it
 * may be a day.
 */
static gboolean
parse_time_token (const char *token,
                  int        *hour,
                  int        *minute,
                  Meridiem   *meridiem)
{
  const char *p = token;
  int h = 0;
  int m = 0;
  int digits = 0;
  gboolean has_minutes = FALSE;

  while (g_ascii_isdigit (*p) && digits < 3)
    h = h * 10 + (*p++ - '0'), digits++;
  if (digits == 0 || digits > 2)
    return FALSE;

  if (*p == ':')
    {
      p++;
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
        return FALSE;
      m = (p[0] - '0') * 10 + (p[1] - '0');
      p += 2;
      has_minutes = TRUE;
      /* Seconds are read and dropped: entries keep minutes. */
      if (*p == ':')
        {
          if (!g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]))
            return FALSE;
          p += 3;
        }
    }

  *meridiem = *p != '\0' ? meridiem_of (p) : MERIDIEM_NONE;
  if (*p != '\0' && *meridiem == MERIDIEM_NONE)
    return FALSE;
  if (!has_minutes && *meridiem == MERIDIEM_NONE)
    return FALSE;

  *hour = h;
  *minute = m;
  return TRUE;
}

static gboolean
apply_meridiem (int      *hour,
                Meridiem  meridiem)
{
  if (meridiem == MERIDIEM_NONE)
    return *hour >= 0 && *hour <= 23;

  if (*hour < 1 || *hour > 12)
    return FALSE;
  if (meridiem == MERIDIEM_AM)
    *hour = *hour == 12 ? 0 : *hour;
  else
    *hour = *hour == 12 ? 12 : *hour + 12;

  return TRUE;
}

/* Dates */

static gboolean
is_word (const char *folded,
         const char *english,
         const char *translated)
{
  g_autofree char *folded_translated = g_utf8_casefold (translated, -1);

  return g_str_equal (folded, english) || g_str_equal (folded, folded_translated);
}

/* Whether the date names its year: a number of three digits or more, or
 * three numbers ("11/23/26").
 */
static gboolean
has_year (const char *text)
{
  guint numbers = 0;

  for (const char *p = text; *p != '\0';)
    {
      guint digits = 0;

      while (g_ascii_isdigit (*p))
        p++, digits++;
      if (digits >= 3)
        return TRUE;
      if (digits > 0)
        numbers++;
      else
        p = g_utf8_next_char (p);
    }

  return numbers >= 3;
}

static gboolean
parse_date (const char *text,
            GDateTime  *base,
            GDateTime  *now,
            GDate      *date)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  int year, month, day;
  int consumed = 0;
  int relative = 1;  /* days from @now; 1: not a word for a day */

  g_date_clear (date, 1);

  if (*text == '\0')
    {
      g_date_set_dmy (date, g_date_time_get_day_of_month (base), g_date_time_get_month (base),
                      g_date_time_get_year (base));
      return TRUE;
    }

  /* Translators: a word the journal's date field accepts for today's date */
  if (is_word (folded, "today", C_("date", "today")))
    relative = 0;
  /* Translators: a word the journal's date field accepts for yesterday's date */
  else if (is_word (folded, "yesterday", C_("date", "yesterday")))
    relative = -1;
  if (relative <= 0)
    {
      g_autoptr(GDateTime) then = g_date_time_add_days (now, relative);

      g_date_set_dmy (date, g_date_time_get_day_of_month (then), g_date_time_get_month (then),
                      g_date_time_get_year (then));
      return TRUE;
    }

  /* ISO 8601 first: GDate would read "2026-11-23" too, but by guessing. */
  if (sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &consumed) == 3 &&
      text[consumed] == '\0')
    {
      if (!g_date_valid_dmy (day, month, year))
        return FALSE;
      g_date_set_dmy (date, day, month, year);
      return TRUE;
    }

  /* GDate reads the locale's own order and month names.  Without a year it
   * takes the second number for one ("11/23" is 2023): add @base's.
   */
  if (!has_year (text))
    {
      g_autofree char *with_year = g_strdup_printf ("%s %d", text, g_date_time_get_year (base));

      g_date_set_parse (date, with_year);
    }
  else
    g_date_set_parse (date, text);

  return g_date_valid (date);
}

GDateTime *
rapport_journal_parse_when (const char *text,
                            GDateTime  *base,
                            GDateTime  *now)
{
  g_autoptr(GDateTime) local_base = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *valid = NULL;
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GString) date_text = g_string_new (NULL);
  gboolean has_time = FALSE;
  int hour = 0;
  int minute = 0;
  GDate date;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (base != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local_base = g_date_time_to_local (base);
  local_now = g_date_time_to_local (now);
  valid = g_utf8_make_valid (text, -1);

  /* ISO 8601's "T" between the date and the time is a space here. */
  for (char *p = valid; *p != '\0'; p++)
    {
      if ((*p == 'T' || *p == 't') && p > valid && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]))
        *p = ' ';
    }

  tokens = g_regex_split_simple ("[\\s,]+", valid, 0, 0);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      Meridiem meridiem = MERIDIEM_NONE;
      int h, m;

      if (*tokens[i] == '\0')
        continue;

      if (parse_time_token (tokens[i], &h, &m, &meridiem))
        {
          /* Two times: which one was meant? */
          if (has_time)
            return NULL;

          /* "2:30 pm": the word may follow the time. */
          if (meridiem == MERIDIEM_NONE && tokens[i + 1] != NULL &&
              (meridiem = meridiem_of (tokens[i + 1])) != MERIDIEM_NONE)
            i++;
          if (!apply_meridiem (&h, meridiem) || m > 59)
            return NULL;
          hour = h;
          minute = m;
          has_time = TRUE;
          continue;
        }

      if (date_text->len > 0)
        g_string_append_c (date_text, ' ');
      g_string_append (date_text, tokens[i]);
    }

  if (!has_time && date_text->len == 0)
    return NULL;

  if (!parse_date (date_text->str, local_base, local_now, &date))
    return NULL;

  if (g_date_get_year (&date) < MIN_YEAR || g_date_get_year (&date) > MAX_YEAR)
    return NULL;

  if (!has_time)
    {
      hour = g_date_time_get_hour (local_base);
      minute = g_date_time_get_minute (local_base);
    }

  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), hour, minute, 0);
}
