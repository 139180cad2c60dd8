/* rapport-series.c: one skill's values over time, for the Progress view
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A series is a flat array of 32-byte points; the entry uuids live in a
 * string chunk shared (by reference count) between the series loaded
 * together and everything derived from them, so downsampling or smoothing
 * ten years of ratings copies no strings.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-series-private.h"
#include "rapport-skill.h"

G_DEFINE_BOXED_TYPE (RapportSeries, rapport_series, rapport_series_ref, rapport_series_unref)

static Strings *
strings_new (void)
{
  Strings *strings = g_atomic_rc_box_new0 (Strings);

  strings->chunk = g_string_chunk_new (4096);

  return strings;
}

static void
strings_clear (gpointer data)
{
  Strings *strings = data;

  g_string_chunk_free (strings->chunk);
}

static RapportSeries *
series_new_with_strings (const char          *skill_key,
                         RapportStoreSeries   kind,
                         Strings             *strings,
                         guint                reserve)
{
  RapportSeries *self = g_new0 (RapportSeries, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->skill_key = g_strdup (skill_key);
  self->kind = kind;
  self->points = g_array_sized_new (FALSE, FALSE, sizeof (RapportSeriesPoint), reserve);
  self->strings = g_atomic_rc_box_acquire (strings);

  return self;
}

RapportSeries *
rapport_series_new_like (RapportSeries *self,
                         guint          reserve)
{
  RapportSeries *copy = series_new_with_strings (self->skill_key, self->kind, self->strings,
                                                 reserve);

  copy->trend_window = self->trend_window;

  return copy;
}

RapportSeries *
rapport_series_new (const char         *skill_key,
                    RapportStoreSeries  kind)
{
  g_autoptr(RapportSeries) self = NULL;
  Strings *strings;

  g_return_val_if_fail (skill_key != NULL, NULL);
  g_return_val_if_fail (kind <= RAPPORT_STORE_SERIES_QUIZ_SCORE, NULL);

  strings = strings_new ();
  self = series_new_with_strings (skill_key, kind, strings, 0);
  g_atomic_rc_box_release_full (strings, strings_clear);

  return g_steal_pointer (&self);
}

RapportSeries *
rapport_series_ref (RapportSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
rapport_series_unref (RapportSeries *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->skill_key);
  g_array_unref (self->points);
  g_atomic_rc_box_release_full (self->strings, strings_clear);
  g_free (self);
}

void
rapport_series_append (RapportSeries *self,
                       gint64         time,
                       double         value,
                       const char    *entry_uuid,
                       gint64         attempt_id)
{
  RapportSeriesPoint point = { time, value, NULL, attempt_id };

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->points->len == 0
                    || points_of (self)[self->points->len - 1].time <= time);

  if (entry_uuid != NULL)
    point.entry_uuid = g_string_chunk_insert_const (self->strings->chunk, entry_uuid);

  g_array_append_val (self->points, point);
}

const char *
rapport_series_get_skill_key (RapportSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->skill_key;
}

RapportStoreSeries
rapport_series_get_kind (RapportSeries *self)
{
  g_return_val_if_fail (self != NULL, RAPPORT_STORE_SERIES_SELF_RATING);

  return self->kind;
}

gint64
rapport_series_get_trend_window (RapportSeries *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->trend_window;
}

guint
rapport_series_get_n_points (RapportSeries *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->points->len;
}

const RapportSeriesPoint *
rapport_series_get_points (RapportSeries *self,
                           guint         *n_points)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_points != NULL)
    *n_points = self->points->len;

  return points_of (self);
}

const RapportSeriesPoint *
rapport_series_get_point (RapportSeries *self,
                          guint          position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->points->len, NULL);

  return &points_of (self)[position];
}

/* Loading */

static void
on_point (guint        skill_index,
          gint64       time,
          double       value,
          const char  *entry_uuid,
          gint64       attempt_id,
          gpointer     user_data)
{
  GPtrArray *list = user_data;
  RapportSeries *series = g_ptr_array_index (list, skill_index);
  RapportSeriesPoint point = { time, value, entry_uuid, attempt_id };

  /* The uuid is already in the shared chunk; the store gives points in order. */
  g_array_append_val (series->points, point);
}

static GDateTime *
time_or_null (gint64 time)
{
  if (time == G_MININT64 || time == G_MAXINT64)
    return NULL;

  return g_date_time_new_from_unix_utc (time);
}

/* Fills the (empty) series of @list, which share @strings. */
static gboolean
fill (GPtrArray           *list,
      RapportStore        *store,
      RapportStoreSeries   kind,
      Strings             *strings,
      gint64               from,
      gint64               to,
      GError             **error)
{
  g_autoptr(GDateTime) from_time = time_or_null (from);
  g_autoptr(GDateTime) to_time = time_or_null (to);
  g_autofree const char **keys = g_new0 (const char *, list->len + 1);

  for (guint i = 0; i < list->len; i++)
    keys[i] = ((RapportSeries *) g_ptr_array_index (list, i))->skill_key;

  return rapport_store_foreach_skill_point (store, keys, kind, from_time, to_time,
                                            strings->chunk, on_point, list, error);
}

GPtrArray *
rapport_series_load (RapportStore        *store,
                     const char * const  *skill_keys,
                     RapportStoreSeries   kind,
                     gint64               from,
                     gint64               to,
                     GError             **error)
{
  g_autoptr(GPtrArray) list = NULL;
  Strings *strings;
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= RAPPORT_STORE_SERIES_QUIZ_SCORE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  strings = strings_new ();
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_series_unref);
  if (skill_keys == NULL)
    {
      for (guint i = 0; i < rapport_skill_get_count (); i++)
        g_ptr_array_add (list, series_new_with_strings (rapport_skill_get_nth (i)->key, kind,
                                                        strings, 0));
    }
  else
    {
      for (guint i = 0; skill_keys[i] != NULL; i++)
        g_ptr_array_add (list, series_new_with_strings (skill_keys[i], kind, strings, 0));
    }

  ok = fill (list, store, kind, strings, from, to, error);
  g_atomic_rc_box_release_full (strings, strings_clear);

  return ok ? g_steal_pointer (&list) : NULL;
}

gboolean
rapport_series_list_reload (GPtrArray     *list,
                            RapportStore  *store,
                            gint64         from,
                            gint64         to,
                            GError       **error)
{
  RapportStoreSeries kind;
  Strings *strings;
  gboolean ok;

  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (list->len == 0)
    return TRUE;

  kind = ((RapportSeries *) g_ptr_array_index (list, 0))->kind;
  strings = strings_new ();

  for (guint i = 0; i < list->len; i++)
    {
      RapportSeries *series = g_ptr_array_index (list, i);

      g_return_val_if_fail (series->kind == kind, FALSE);

      if (g_atomic_ref_count_compare (&series->ref_count, 1))
        {
          /* Only @list holds it: keep the memory, which is already mapped. */
          g_array_set_size (series->points, 0);
          series->trend_window = 0;
          g_atomic_rc_box_release_full (series->strings, strings_clear);
          series->strings = g_atomic_rc_box_acquire (strings);
        }
      else
        {
          g_ptr_array_index (list, i) = series_new_with_strings (series->skill_key, kind, strings,
                                                                 series->points->len);
          rapport_series_unref (series);
        }
    }

  ok = fill (list, store, kind, strings, from, to, error);
  g_atomic_rc_box_release_full (strings, strings_clear);

  return ok;
}

RapportSeries *
rapport_series_list_find (GPtrArray  *list,
                          const char *skill_key)
{
  g_return_val_if_fail (skill_key != NULL, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      RapportSeries *series = g_ptr_array_index (list, i);

      if (g_str_equal (series->skill_key, skill_key))
        return series;
    }

  return NULL;
}

gint64
rapport_series_list_get_first_time (GPtrArray *list)
{
  gint64 first = G_MAXINT64;

  g_return_val_if_fail (list != NULL, G_MAXINT64);

  for (guint i = 0; i < list->len; i++)
    {
      RapportSeries *series = g_ptr_array_index (list, i);

      if (series->points->len > 0)
        first = MIN (first, points_of (series)[0].time);
    }

  return first;
}

/* Ranges */

static GDateTime *
local_midnight (GDateTime *time)
{
  return g_date_time_new (g_date_time_get_timezone (time), g_date_time_get_year (time),
                          g_date_time_get_month (time), g_date_time_get_day_of_month (time),
                          0, 0, 0);
}

void
rapport_series_range_get_bounds (RapportSeriesRange  range,
                                 GDateTime          *now,
                                 gint64              first_time,
                                 gint64             *from,
                                 gint64             *to)
{
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GDateTime) start = NULL;

  g_return_if_fail (now != NULL);
  g_return_if_fail (range <= RAPPORT_SERIES_RANGE_ALL);
  g_return_if_fail (from != NULL && to != NULL);

  today = local_midnight (now);
  tomorrow = g_date_time_add_days (today, 1);

  switch (range)
    {
    case RAPPORT_SERIES_RANGE_90_DAYS:
      start = g_date_time_add_days (tomorrow, -90);
      break;

    case RAPPORT_SERIES_RANGE_YEAR:
      start = g_date_time_add_years (tomorrow, -1);
      break;

    case RAPPORT_SERIES_RANGE_ALL:
      if (first_time < g_date_time_to_unix (tomorrow))
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (first_time);
          g_autoptr(GDateTime) local = g_date_time_to_timezone (utc,
                                                                g_date_time_get_timezone (now));

          start = local_midnight (local);
          break;
        }
      G_GNUC_FALLTHROUGH;

    case RAPPORT_SERIES_RANGE_30_DAYS:
    default:
      start = g_date_time_add_days (tomorrow, -30);
      break;
    }

  *from = g_date_time_to_unix (start);
  *to = g_date_time_to_unix (tomorrow);
}

gint64
rapport_series_trend_window_for_span (gint64 span)
{
  return span <= 91 * RAPPORT_SERIES_DAY ? 7 * RAPPORT_SERIES_DAY : 30 * RAPPORT_SERIES_DAY;
}


/* CSV */

/* RFC 4180: a field with a comma, quote or line break is quoted, and its
 * quotes doubled.
 */
static void
append_field (GString    *out,
              const char *text)
{
  if (text[strcspn (text, ",\"\r\n")] == '\0')
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static const char *
series_name (RapportSeries *series)
{
  gboolean ratings = series->kind == RAPPORT_STORE_SERIES_SELF_RATING;

  if (series->trend_window > 0)
    return ratings ? "self-rating-trend" : "quiz-score-trend";

  return ratings ? "self-rating" : "quiz-score";
}

char *
rapport_series_to_csv (GPtrArray *list,
                       gsize     *length)
{
  GString *out;

  g_return_val_if_fail (list != NULL, NULL);

  out = g_string_new ("time,skill,skill_title,series,value,entry_uuid,attempt_id\r\n");

  for (guint s = 0; s < list->len; s++)
    {
      RapportSeries *series = g_ptr_array_index (list, s);
      const char *title = rapport_skill_get_display_title (series->skill_key);
      const char *name = series_name (series);
      const RapportSeriesPoint *points = points_of (series);

      for (guint i = 0; i < series->points->len; i++)
        {
          g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (points[i].time);
          g_autofree char *iso = NULL;
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          if (time == NULL)
            continue;

          iso = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
          g_string_append (out, iso);
          g_string_append_c (out, ',');
          append_field (out, series->skill_key);
          g_string_append_c (out, ',');
          append_field (out, title);
          g_string_append_c (out, ',');
          g_string_append (out, name);
          g_string_append_c (out, ',');
          g_string_append (out, g_ascii_formatd (number, sizeof number, "%.6g",
                                                 points[i].value));
          g_string_append_c (out, ',');
          if (points[i].entry_uuid != NULL)
            append_field (out, points[i].entry_uuid);
          g_string_append_c (out, ',');
          if (points[i].attempt_id != 0)
            g_string_append_printf (out, "%" G_GINT64_FORMAT, points[i].attempt_id);
          g_string_append (out, "\r\n");
        }
    }

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

gboolean
rapport_series_export_csv (GPtrArray   *list,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *csv = NULL;
  gsize length;

  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  csv = rapport_series_to_csv (list, &length);

  /* The values come from a private journal: a temporary file created 0600
   * beside @path, synced, then renamed over it.
   */
  if (!g_file_set_contents_full (path, csv, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save the chart data as “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}
