/* rapport-broken-pack.c: an installed pack that could not be loaded
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A pack folder whose files were edited, damaged or deleted after it was
 * installed no longer loads. The catalog keeps one of these for it, so that
 * the Packs view can say why and let the learner remove it, instead of the
 * pack quietly vanishing.
 */

#include "config.h"

#include "rapport-broken-pack.h"
#include "rapport-keys.h"
#include "rapport-problem.h"

struct _RapportBrokenPack
{
  GObject    parent_instance;

  char      *id;         /* the folder's name, when it is a pack id */
  char      *folder;
  GPtrArray *problems;   /* of RapportProblem */
};

G_DEFINE_FINAL_TYPE (RapportBrokenPack, rapport_broken_pack, G_TYPE_OBJECT)

/**
 * rapport_broken_pack_new:
 * @folder: the pack's folder
 * @problems: (element-type RapportProblem): why it could not be loaded;
 *   copied
 */
RapportBrokenPack *
rapport_broken_pack_new (const char *folder,
                         GPtrArray  *problems)
{
  RapportBrokenPack *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_BROKEN_PACK, NULL);
  self->folder = g_strdup (folder);
  name = g_path_get_basename (folder);
  /* Installed packs live in a folder named by their id. */
  if (rapport_pack_id_is_valid (name))
    self->id = g_steal_pointer (&name);

  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (self->problems, rapport_problem_copy (problems->pdata[i]));

  return self;
}

/* The pack's id, or %NULL for a folder not named like an installed pack
 * (Rapport's own course).
 */
const char *
rapport_broken_pack_get_id (RapportBrokenPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_BROKEN_PACK (self), NULL);

  return self->id;
}

const char *
rapport_broken_pack_get_folder (RapportBrokenPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_BROKEN_PACK (self), NULL);

  return self->folder;
}

/**
 * rapport_broken_pack_get_problems:
 *
 * Returns: (transfer none) (element-type RapportProblem): at least one
 */
GPtrArray *
rapport_broken_pack_get_problems (RapportBrokenPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_BROKEN_PACK (self), NULL);

  return self->problems;
}

static void
rapport_broken_pack_finalize (GObject *object)
{
  RapportBrokenPack *self = RAPPORT_BROKEN_PACK (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_broken_pack_parent_class)->finalize (object);
}

static void
rapport_broken_pack_class_init (RapportBrokenPackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_broken_pack_finalize;
}

static void
rapport_broken_pack_init (RapportBrokenPack *self)
{
  self->problems = rapport_problem_list_new ();
}
