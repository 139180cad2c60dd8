/* test-journal-when.c: an entry's date and time, as the journal editor
 * shows it in the user's locale and reads back what is typed
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib.h>

#include "rapport-journal-when.h"

/* Dates and times as the editor shows and reads them */

static void
assert_when (const char *text,
             GDateTime  *base,
             GDateTime  *now,
             const char *expected)
{
  g_autoptr(GDateTime) when = rapport_journal_parse_when (text, base, now);
  g_autofree char *iso = when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M") : NULL;

  g_test_message ("“%s” → %s", text, iso != NULL ? iso : "(not a date)");
  g_assert_cmpstr (iso, ==, expected);
}

static void
test_when (void)
{
  g_autoptr(GDateTime) base = g_date_time_new_local (2026, 11, 23, 14, 30, 0);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 12, 1, 9, 15, 0);
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *text = NULL;
  static const char * const unreadable[] = {
    "", "   ", "banana", "2026-13-01", "2026-02-30", "25:00", "14:75", "13:00 pm",
    "0026-11-23", "99/99/99", "\xff\xfe", "14", "-", "2026-11-23 14:30 15:00",
  };

  /* What the editor shows, it reads back: the locale's own date. */
  text = rapport_journal_format_when (base);
  g_assert_cmpstr (text, ==, "11/23/26 14:30");  /* C locale's %x */
  shown = rapport_journal_parse_when (text, now, now);
  g_assert_nonnull (shown);
  g_assert_true (g_date_time_equal (shown, base));

  /* ISO 8601, with a space or a T, with or without seconds. */
  assert_when ("2026-11-23 14:30", now, now, "2026-11-23 14:30");
  assert_when ("2026-11-23T14:30", now, now, "2026-11-23 14:30");
  assert_when ("  2026-11-23   14:30:59 ", now, now, "2026-11-23 14:30");
  /* Month names, either order, a comma, am and pm; words GDate does not
   * know are passed over (a weekday, "the", "of").
   */
  assert_when ("23 November 2026, 2:30 pm", now, now, "2026-11-23 14:30");
  assert_when ("Nov 23 2026 2:30PM", now, now, "2026-11-23 14:30");
  assert_when ("Monday 23 November 2026 12:05am", now, now, "2026-11-23 00:05");
  assert_when ("11/23/2026 12pm", now, now, "2026-11-23 12:00");
  /* What is left out comes from the field's last value. */
  assert_when ("2026-10-02", base, now, "2026-10-02 14:30");
  assert_when ("9:05", base, now, "2026-11-23 09:05");
  assert_when ("3 Oct", base, now, "2026-10-03 14:30");
  assert_when ("10/3 8:00", base, now, "2026-10-03 08:00");
  /* Words for days, in English at least. */
  assert_when ("today 8:00", base, now, "2026-12-01 08:00");
  assert_when ("Yesterday", base, now, "2026-11-30 14:30");

  for (guint i = 0; i < G_N_ELEMENTS (unreadable); i++)
    assert_when (unreadable[i], base, now, NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* The C locale's %x (11/23/26) and a known time zone. */
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rapport/journal-when/format-and-parse", test_when);

  return g_test_run ();
}
