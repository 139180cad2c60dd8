/* rapport-skill.h
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The id of Rapport's own course, the pack whose topics teach the skills
 * below, one topic each; no other pack may take it.
 */
#define RAPPORT_CORE_PACK_ID "io.github.rapportapp.core"

/* The ten skills of the built-in curriculum, in the order the course teaches them. */
typedef struct _RapportSkill RapportSkill;

struct _RapportSkill
{
  const char *key;
  const char *title;      /* untranslated; pass through _() to show it */
  const char *icon_name;
};

guint               rapport_skill_get_count   (void);
const RapportSkill *rapport_skill_get_nth     (guint        position);
const RapportSkill *rapport_skill_lookup      (const char  *key);
int                 rapport_skill_get_position (const char *key);

/* The skill's translated title, or @key itself for a skill the course
 * does not know (a pack's own).
 */
const char         *rapport_skill_get_display_title (const char *key);

G_END_DECLS
