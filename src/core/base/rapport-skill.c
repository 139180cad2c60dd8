/* rapport-skill.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-skill.h"

/* Keys are stable identifiers stored in the progress database and written in
 * lesson packs: never rename one, only add new ones.
 */
static const RapportSkill skills[] = {
  { "communication",       N_("Effective Communication"),   "user-available-symbolic" },
  { "active-listening",    N_("Active Listening"),          "audio-headphones-symbolic" },
  { "empathy",             N_("Empathy"),                   "emblem-favorite-symbolic" },
  { "problem-solving",     N_("Problem-Solving"),           "system-search-symbolic" },
  { "interpersonal",       N_("Interpersonal Skills"),      "system-users-symbolic" },
  { "assertiveness",       N_("Assertiveness"),             "emblem-ok-symbolic" },
  { "stress-management",   N_("Stress Management"),         "weather-clear-symbolic" },
  { "conflict-management", N_("Conflict Management"),       "dialog-warning-symbolic" },
  { "business-writing",    N_("Business & Email Writing"),  "mail-unread-symbolic" },
  { "cross-cultural",      N_("Cross-Cultural Etiquette"),  "preferences-desktop-locale-symbolic" },
};

guint
rapport_skill_get_count (void)
{
  return G_N_ELEMENTS (skills);
}

const RapportSkill *
rapport_skill_get_nth (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (skills), NULL);

  return &skills[position];
}

/* Returns -1 for an unknown key, so callers can report it to a trainer. */
int
rapport_skill_get_position (const char *key)
{
  g_return_val_if_fail (key != NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (skills); i++)
    {
      if (g_str_equal (skills[i].key, key))
        return (int) i;
    }

  return -1;
}

const RapportSkill *
rapport_skill_lookup (const char *key)
{
  int position;

  g_return_val_if_fail (key != NULL, NULL);

  position = rapport_skill_get_position (key);

  return position < 0 ? NULL : &skills[position];
}

const char *
rapport_skill_get_display_title (const char *key)
{
  const RapportSkill *skill;

  g_return_val_if_fail (key != NULL, NULL);

  skill = rapport_skill_lookup (key);

  return skill != NULL ? _(skill->title) : key;
}
