/* rapport-skill-profile.c: the Skill Profile (radar): each skill now and then, and in words
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "rapport-calibration.h"
#include "rapport-skill-profile.h"
#include "rapport-skill.h"

static double
level_at (RapportSeries      *ratings,
          RapportSeries      *quiz_scores,
          gint64              time,
          RapportStoreSeries *kind)
{
  double value;

  if (ratings != NULL
      && rapport_series_value_at (ratings, time, RAPPORT_SKILL_PROFILE_WINDOW, &value))
    {
      *kind = RAPPORT_STORE_SERIES_SELF_RATING;
      return rapport_series_normalise (*kind, value);
    }

  if (quiz_scores != NULL
      && rapport_series_value_at (quiz_scores, time, RAPPORT_SKILL_PROFILE_WINDOW, &value))
    {
      *kind = RAPPORT_STORE_SERIES_QUIZ_SCORE;
      return rapport_series_normalise (*kind, value);
    }

  *kind = RAPPORT_STORE_SERIES_SELF_RATING;

  return -1;
}

GArray *
rapport_skill_profile_compute (GPtrArray *ratings,
                                GPtrArray *quiz_scores,
                                gint64     then,
                                gint64     now)
{
  GArray *values;

  g_return_val_if_fail (then <= now, NULL);

  values = g_array_sized_new (FALSE, TRUE, sizeof (RapportRadarValue),
                              rapport_skill_get_count ());

  for (guint i = 0; i < rapport_skill_get_count (); i++)
    {
      RapportRadarValue value = { rapport_skill_get_nth (i)->key };
      RapportSeries *rated = rapport_series_list_find (ratings, value.skill_key);
      RapportSeries *scored = rapport_series_list_find (quiz_scores, value.skill_key);

      value.now = level_at (rated, scored, now, &value.now_kind);
      value.then = level_at (rated, scored, then, &value.then_kind);
      g_array_append_val (values, value);
    }

  return values;
}

/* A radar value in its own units: "4" or "3.5" for a self-rating, "72 %"
 * for a quiz score.
 */
static char *
format_level (double             level,
              RapportStoreSeries kind)
{
  if (kind == RAPPORT_STORE_SERIES_SELF_RATING)
    return rapport_calibration_format_rating (1.0 + 4.0 * level);

  /* Translators: a quiz score in percent */
  return g_strdup_printf (_("%.0f %%"), 100.0 * level);
}

static char *
format_day (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: the earlier date of the skill profile; see g_date_time_format() */
  return g_date_time_format (local, C_("skill profile", "%-d %B %Y"));
}

char *
rapport_skill_profile_describe_value (const RapportRadarValue *value,
                                       GDateTime               *then)
{
  g_autofree char *day = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *then_text = NULL;
  const char *title;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (then != NULL, NULL);

  title = rapport_skill_get_display_title (value->skill_key);
  day = format_day (then);
  if (value->now >= 0)
    now_text = format_level (value->now, value->now_kind);
  if (value->then >= 0)
    then_text = format_level (value->then, value->then_kind);

  if (now_text != NULL && then_text != NULL)
    /* Translators: a skill, its level now, a date and its level then */
    return g_strdup_printf (_("%s: %s now, %s on %s"), title, now_text, then_text, day);
  if (now_text != NULL)
    /* Translators: a skill, its level now and a date */
    return g_strdup_printf (_("%s: %s now, not rated by %s"), title, now_text, day);

  /* Translators: a skill */
  return g_strdup_printf (_("%s: not rated yet"), title);
}

char *
rapport_skill_profile_describe (GArray    *values,
                                 GDateTime *then)
{
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *day = NULL;
  guint n_same = 0;
  guint n_unrated = 0;
  GString *text;

  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (then != NULL, NULL);

  day = format_day (then);

  for (guint i = 0; i < values->len; i++)
    {
      const RapportRadarValue *value = &g_array_index (values, RapportRadarValue, i);
      const char *title = rapport_skill_get_display_title (value->skill_key);
      g_autofree char *now_text = NULL;
      g_autofree char *then_text = NULL;
      g_autofree char *change = NULL;

      if (value->now < 0)
        {
          n_unrated++;
          continue;
        }

      now_text = format_level (value->now, value->now_kind);
      if (value->then < 0)
        /* Translators: a skill and its level, such as "4" or "72 %" */
        change = g_strdup_printf (_("%s is new at %s"), title, now_text);
      else
        {
          then_text = format_level (value->then, value->then_kind);

          /* Compared as they are read out, so "rose from 4 to 4" never happens. */
          if (g_str_equal (now_text, then_text))
            {
              n_same++;
              continue;
            }
          if (value->now > value->then)
            /* Translators: a skill and its two levels, such as "2" and "4" */
            change = g_strdup_printf (_("%s rose from %s to %s"), title, then_text, now_text);
          else
            /* Translators: a skill and its two levels, such as "4" and "3" */
            change = g_strdup_printf (_("%s fell from %s to %s"), title, then_text, now_text);
        }

      if (changes->len > 0)
        g_string_append (changes, _("; "));
      g_string_append (changes, change);
    }

  if (n_unrated == values->len)
    return g_strdup (_("No skill has a self-rating or a quiz score yet."));

  text = g_string_new (NULL);
  if (changes->len > 0)
    /* Translators: a date, then a list of changes such as "Empathy rose from 2 to 4" */
    g_string_printf (text, _("Compared with %s, %s."), day, changes->str);
  else
    /* Translators: a date */
    g_string_printf (text, _("Nothing changed since %s."), day);

  if (n_same > 0 && changes->len > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u other skill stayed the same.",
                                                 "%u other skills stayed the same.", n_same),
                              n_same);
    }
  if (n_unrated > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u skill is not rated yet.",
                                                 "%u skills are not rated yet.", n_unrated),
                              n_unrated);
    }

  return g_string_free (text, FALSE);
}

