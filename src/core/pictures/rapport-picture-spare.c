/* rapport-picture-spare.c: a decoder started ahead of time, for the next picture.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Most of what a picture costs in its own process comes before the
 * picture: starting the program, loading gdk-pixbuf's modules, librsvg,
 * Pango and fontconfig, putting the limits in place and locking down,
 * some 40 ms of CPU. The decoder does all of that before it reads its
 * request (rapport-picture-decoder.c), so a decoder started while the
 * learner looks at a topic with pictures is ready by the time a lesson
 * asks for one:
 *
 *  - while at least one owner wants it (the topic page and the lesson
 *    reader, when they show a topic with pictures), one spare decoder is
 *    kept ready, started from an idle callback in the default main context
 *    (the main thread: PR_SET_PDEATHSIG ends a decoder with the thread that
 *    started it);
 *  - a decode takes it instead of starting a decoder of its own, and
 *    hands it its request; the next spare is started once no decode is
 *    left, so that its start does not compete with the pictures being
 *    drawn;
 *  - once no owner wants it (the learner left Learn, the window closed),
 *    it is killed, from an idle callback, so that the topic page giving
 *    way to the lesson reader does not kill the spare the lesson is about
 *    to use. It dies with the app in any case.
 *
 * A spare has the same limits as any decoder; its CPU time limit counts
 * its warm-up, and the wall-clock one starts when it is handed its picture.
 * `rapport-pack validate` has no owner and starts its decoders cold.
 */

#include "config.h"

#include "rapport-picture-private.h"

typedef struct
{
  GSubprocess *process;
  char        *path;
  gboolean     taken;     /* handed to a decode: no longer a spare */
} Spare;

/* Guards everything below: decodes take the spare in their own thread. */
static GMutex lock;
static GHashTable *owners;          /* the owners that want a spare */
static Spare *ready;                /* the spare, or NULL */
static guint n_spares;              /* spare processes not yet ended, killed ones too */
static gboolean start_pending;
static gboolean stop_pending;

static void
spare_free (Spare *spare)
{
  g_clear_object (&spare->process);
  g_free (spare->path);
  g_free (spare);
}

static void
on_spare_ended_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Spare *spare = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);

  g_mutex_lock (&lock);
  if (!spare->taken)
    n_spares--;
  if (ready == spare)
    ready = NULL;   /* it ended before it was needed: the next decode starts cold */
  g_mutex_unlock (&lock);

  spare_free (spare);
}

static gboolean
start_cb (gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GSubprocess *process;
  Spare *spare;
  gboolean wanted;

  g_mutex_lock (&lock);
  start_pending = FALSE;
  wanted = owners != NULL && g_hash_table_size (owners) > 0 && ready == NULL;
  g_mutex_unlock (&lock);

  if (!wanted)
    return G_SOURCE_REMOVE;

  /* A decoder that cannot start is reported by the decode that needs it. */
  path = rapport_picture_get_decoder_path ();
  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    return G_SOURCE_REMOVE;

  process = rapport_picture_spawn_decoder (path, &error);
  if (process == NULL)
    {
      g_debug ("No spare picture decoder: %s", error->message);
      return G_SOURCE_REMOVE;
    }

  spare = g_new0 (Spare, 1);
  spare->process = process;
  spare->path = g_steal_pointer (&path);

  g_mutex_lock (&lock);
  n_spares++;
  wanted = g_hash_table_size (owners) > 0 && ready == NULL;
  if (wanted)
    ready = spare;
  g_mutex_unlock (&lock);

  g_subprocess_wait_async (process, NULL, on_spare_ended_cb, spare);
  if (!wanted)
    g_subprocess_force_exit (process);

  return G_SOURCE_REMOVE;
}

static gboolean
stop_cb (gpointer user_data)
{
  GSubprocess *process = NULL;

  g_mutex_lock (&lock);
  stop_pending = FALSE;
  if (ready != NULL && g_hash_table_size (owners) == 0)
    {
      process = g_object_ref (ready->process);
      ready = NULL;
    }
  g_mutex_unlock (&lock);

  /* Its end is counted once it has been reaped. */
  if (process != NULL)
    {
      g_subprocess_force_exit (process);
      g_object_unref (process);
    }

  return G_SOURCE_REMOVE;
}

/* In the default main context, whichever thread asks. */
static void
schedule (GSourceFunc  func,
          const char  *name)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_callback (source, func, NULL, NULL);
  g_source_set_static_name (source, name);
  g_source_attach (source, NULL);
}

/* With the lock held: a spare is started if one is wanted and none is. */
static void
refill_locked (void)
{
  if (owners == NULL || g_hash_table_size (owners) == 0 || ready != NULL || start_pending)
    return;

  start_pending = TRUE;
  schedule (start_cb, "[rapport] start a spare picture decoder");
}

/**
 * rapport_picture_prewarm:
 * @owner: what wants the spare, such as a widget
 * @wanted: whether @owner wants one now
 *
 * Keeps a spare decoder ready while any owner wants one, so that the next
 * picture is drawn by a decoder that has already started and locked itself
 * down; kills it once none does. Call it with %FALSE before @owner goes
 * away. Main thread only.
 */
void
rapport_picture_prewarm (gconstpointer owner,
                         gboolean      wanted)
{
  g_return_if_fail (owner != NULL);

  g_mutex_lock (&lock);
  if (owners == NULL)
    owners = g_hash_table_new (NULL, NULL);

  if (wanted)
    g_hash_table_add (owners, (gpointer) owner);
  else
    g_hash_table_remove (owners, owner);

  refill_locked ();
  if (g_hash_table_size (owners) == 0 && ready != NULL && !stop_pending)
    {
      stop_pending = TRUE;
      schedule (stop_cb, "[rapport] stop the spare picture decoder");
    }
  g_mutex_unlock (&lock);
}

/**
 * rapport_picture_topic_has_pictures:
 *
 * Returns: whether a lesson of @topic shows a picture from its pack
 */
gboolean
rapport_picture_topic_has_pictures (RapportTopic *topic)
{
  GListModel *lessons;

  g_return_val_if_fail (RAPPORT_IS_TOPIC (topic), FALSE);

  if (rapport_topic_get_pack_id (topic) == NULL)
    return FALSE;

  lessons = rapport_topic_get_lessons (topic);
  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(RapportLesson) lesson = g_list_model_get_item (lessons, i);

      for (guint j = 0; j < rapport_lesson_get_n_sections (lesson); j++)
        {
          RapportSection *section = rapport_lesson_get_section (lesson, j);

          for (guint k = 0; k < rapport_section_get_n_blocks (section); k++)
            {
              if (rapport_block_get_kind (rapport_section_get_block (section, k)) == RAPPORT_BLOCK_FIGURE)
                return TRUE;
            }
        }
    }

  return FALSE;
}

/**
 * rapport_picture_get_n_spares:
 *
 * Returns: how many spare decoders this process has started that have not
 *   ended and were not handed a picture, the ones being killed too
 */
guint
rapport_picture_get_n_spares (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = n_spares;
  g_mutex_unlock (&lock);

  return n;
}

/**
 * rapport_picture_take_spare:
 * @path: the decoder the decode would start
 *
 * Hands the spare to a decode, if one is ready and is the program @path.
 *
 * Returns: (transfer full) (nullable): its process, waiting for its
 *   request
 */
GSubprocess *
rapport_picture_take_spare (const char *path)
{
  GSubprocess *process = NULL;

  g_mutex_lock (&lock);
  if (ready != NULL && g_strcmp0 (ready->path, path) == 0 &&
      g_subprocess_get_identifier (ready->process) != NULL)
    {
      ready->taken = TRUE;
      process = g_object_ref (ready->process);
      ready = NULL;
      n_spares--;
    }
  g_mutex_unlock (&lock);

  return process;
}

/**
 * rapport_picture_spare_refill:
 *
 * No decode is left: the next spare may start, if one is wanted.
 */
void
rapport_picture_spare_refill (void)
{
  g_mutex_lock (&lock);
  refill_locked ();
  g_mutex_unlock (&lock);
}
