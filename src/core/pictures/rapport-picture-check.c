/* rapport-picture-check.c: drawing every picture of a pack once, under the app's limits.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `rapport-pack validate` checks a pack's pictures for what they are
 * (rapport-media.c), which says nothing of what drawing them costs. Here
 * each one is drawn as a learner's Rapport would draw it, in the decoder's
 * process with the same limits, and the ones that would not be shown
 * become problems, so that the trainer learns of them before the learners
 * do. The pictures are drawn side by side, as many at a time as the
 * client allows (RAPPORT_PICTURE_MAX_RUNNING).
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-pack-archive.h"
#include "rapport-picture-check.h"

typedef struct
{
  const char          *file;
  GError              *error;
  RapportPictureStats  stats;
  gboolean             done;
} Drawing;

typedef struct
{
  GArray *drawings;   /* of Drawing */
  guint   n_done;
} Checking;

static void
drawing_clear (Drawing *drawing)
{
  g_clear_error (&drawing->error);
}

typedef struct
{
  Checking *checking;
  guint     position;
} Pending;

static void
on_drawn_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Pending *pending = user_data;
  Drawing *drawing = &g_array_index (pending->checking->drawings, Drawing, pending->position);
  g_autoptr(RapportPicture) picture = NULL;

  picture = rapport_picture_decode_finish (result, &drawing->stats, &drawing->error);
  drawing->done = TRUE;
  pending->checking->n_done++;
  g_free (pending);
}

/* A pack loaded from a pack file keeps only what it needs of it: the
 * pictures are read from the file again, and checked again.
 */
static GBytes *
read_picture (RapportPack       *pack,
              GHashTable        *archive_files,
              const char        *file,
              RapportMediaInfo  *info,
              GError           **error)
{
  GBytes *bytes;

  if (archive_files == NULL)
    return rapport_pack_read_media (pack, file, info, error);

  bytes = g_hash_table_lookup (archive_files, file);
  if (bytes == NULL)
    {
      g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID,
                   _("The picture “%s” is not in the pack."), file);
      return NULL;
    }

  if (!rapport_media_check (file, bytes, info, NULL, error))
    return NULL;

  return g_bytes_ref (bytes);
}

/* The place a problem names, as the pack's other problems do. */
static char *
place_of (RapportPack *pack,
          const char  *file)
{
  const char *folder = rapport_pack_get_folder (pack);

  if (folder != NULL)
    return g_build_filename (folder, file, NULL);

  return g_strdup (file);
}

static void
add_problem (GPtrArray     *problems,
             const char    *place,
             const Drawing *drawing)
{
  const GError *error = drawing->error;

  if (g_error_matches (error, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_TIMEOUT))
    /* Translators: %.1f is a number of seconds, such as 4.0 */
    rapport_problem_list_add (problems, place, 0,
                              _("drawing this picture was stopped after %.1f s; learners would see "
                                "its description instead"),
                              drawing->stats.stopped_after);
  else if (g_error_matches (error, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_MEMORY))
    rapport_problem_list_add (problems, place, 0,
                              _("drawing this picture needed more than %u MiB of memory and was "
                                "stopped after %.1f s; learners would see its description instead"),
                              (guint) RAPPORT_PICTURE_MEMORY_MIB, drawing->stats.wall_seconds);
  else
    rapport_problem_list_add (problems, place, 0,
                              _("this picture cannot be drawn (%s); learners would see its "
                                "description instead"),
                              error->message);
}

/**
 * rapport_picture_check_pack:
 * @problems: where each picture that cannot be drawn is added
 * @check: (out) (optional): what drawing them took
 *
 * Draws each picture of @pack once, under the limits the app draws them
 * with.
 *
 * Returns: %FALSE with @error set when the pictures could not be drawn at
 *   all (the decoder is missing); %TRUE otherwise, with a problem for each
 *   picture that learners would not see
 */
gboolean
rapport_picture_check_pack (RapportPack          *pack,
                            GPtrArray            *problems,
                            RapportPictureCheck  *check,
                            GError              **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GHashTable) archive_files = NULL;
  RapportPictureCheck own_check = { 0 };
  guint n_media;
  Checking checking = { 0 };

  g_return_val_if_fail (RAPPORT_IS_PACK (pack), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (check == NULL)
    check = &own_check;
  memset (check, 0, sizeof *check);
  check->seccomp = TRUE;

  n_media = rapport_pack_get_n_media_files (pack);
  if (n_media > 0 && rapport_pack_get_archive (pack) != NULL)
    {
      g_autoptr(GPtrArray) archive_problems = rapport_problem_list_new ();

      archive_files = rapport_pack_archive_read_file (rapport_pack_get_archive (pack),
                                                      archive_problems, error);
      if (archive_files == NULL)
        return FALSE;
    }

  checking.drawings = g_array_sized_new (FALSE, TRUE, sizeof (Drawing), n_media);
  g_array_set_clear_func (checking.drawings, (GDestroyNotify) drawing_clear);
  g_array_set_size (checking.drawings, n_media);

  g_main_context_push_thread_default (context);
  for (guint i = 0; i < n_media; i++)
    {
      Drawing *drawing = &g_array_index (checking.drawings, Drawing, i);
      g_autoptr(GBytes) bytes = NULL;
      RapportMediaInfo info = { 0 };
      Pending *pending;

      drawing->file = rapport_pack_get_media_file (pack, i);
      bytes = read_picture (pack, archive_files, drawing->file, &info, &drawing->error);
      if (bytes == NULL)
        {
          drawing->done = TRUE;
          checking.n_done++;
          continue;
        }

      pending = g_new0 (Pending, 1);
      pending->checking = &checking;
      pending->position = i;
      rapport_picture_decode_async (bytes, info.type, NULL, on_drawn_cb, pending);
    }

  while (checking.n_done < n_media)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  for (guint i = 0; i < n_media; i++)
    {
      Drawing *drawing = &g_array_index (checking.drawings, Drawing, i);
      g_autofree char *place = place_of (pack, drawing->file);

      if (g_error_matches (drawing->error, RAPPORT_PICTURE_ERROR, RAPPORT_PICTURE_ERROR_MISSING))
        {
          g_propagate_error (error, g_steal_pointer (&drawing->error));
          g_array_unref (checking.drawings);
          return FALSE;
        }

      check->n_drawn++;
      check->slowest = MAX (check->slowest, drawing->stats.wall_seconds);
      if (drawing->error == NULL)
        {
          check->landlock_abi = check->n_shown == 0 ? drawing->stats.landlock_abi :
                                MIN (check->landlock_abi, drawing->stats.landlock_abi);
          check->seccomp &= drawing->stats.seccomp;
          check->n_shown++;
        }
      else if (drawing->error->domain == RAPPORT_PICTURE_ERROR)
        add_problem (problems, place, drawing);
      else
        rapport_problem_list_add (problems, place, 0, "%s", drawing->error->message);
    }

  g_array_unref (checking.drawings);

  return TRUE;
}
