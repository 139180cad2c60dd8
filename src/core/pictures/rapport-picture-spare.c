/* rapport-picture-spare.c: decoders started ahead of time, for the next pictures.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Most of what a picture costs in its own process comes before the
 * picture: starting the program, loading gdk-pixbuf's modules, librsvg,
 * Pango and fontconfig, putting the limits in place and locking down,
 * some 40 ms of CPU. The decoder does all of that before it reads its
 * request (rapport-picture-decoder.c), so decoders started while the
 * learner looks at a topic with pictures are ready by the time a lesson
 * asks for them:
 *
 *  - while at least one owner wants them (the topic page and the lesson
 *    reader, when they show a topic with pictures),
 *    RAPPORT_PICTURE_SPARES spare decoders are kept ready, started one at
 *    a time from idle callbacks in the default main context (the main
 *    thread: PR_SET_PDEATHSIG ends a decoder with the thread that started
 *    it);
 *  - a decode takes the oldest instead of starting a decoder of its own,
 *    and hands it its request; the spares are made up again once no
 *    decode is left, so that their start does not compete with the
 *    pictures being drawn;
 *  - once no owner wants them (the learner left Learn, the window
 *    closed), they are killed, from an idle callback, so that the topic
 *    page giving way to the lesson reader does not kill the spares the
 *    lesson is about to use. They die with the app in any case.
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

/* Guards everything below: decodes take a spare in their own thread. */
static GMutex lock;
static GHashTable *owners;          /* the owners that want spares */
static GQueue ready = G_QUEUE_INIT; /* of Spare: started, not taken, not killed */
static guint n_spares;              /* spare processes not yet ended, killed ones too */
static gboolean start_pending;
static gboolean stop_pending;

static gboolean
wanted_locked (void)
{
  return owners != NULL && g_hash_table_size (owners) > 0;
}

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
  /* One that ended before it was needed is not replaced: a decoder that
   * cannot start is reported by the decode that starts one cold.
   */
  g_queue_remove (&ready, spare);
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
  wanted = wanted_locked () && ready.length < RAPPORT_PICTURE_SPARES;
  g_mutex_unlock (&lock);

  if (!wanted)
    return G_SOURCE_REMOVE;

  /* A decoder that cannot start is reported by the decode that needs it. */
  path = rapport_picture_get_decoder_path ();
  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    return G_SOURCE_REMOVE;

  process = rapport_picture_spawn_decoder (path, NULL, &error);
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
  wanted = wanted_locked () && ready.length < RAPPORT_PICTURE_SPARES;
  if (wanted)
    g_queue_push_tail (&ready, spare);
  g_mutex_unlock (&lock);

  g_subprocess_wait_async (process, NULL, on_spare_ended_cb, spare);
  if (!wanted)
    g_subprocess_force_exit (process);
  else
    rapport_picture_spare_refill ();   /* the next, one at a time */

  return G_SOURCE_REMOVE;
}

static gboolean
stop_cb (gpointer user_data)
{
  g_autoptr(GPtrArray) processes = g_ptr_array_new_with_free_func (g_object_unref);
  Spare *spare;

  g_mutex_lock (&lock);
  stop_pending = FALSE;
  while (!wanted_locked () && (spare = g_queue_pop_head (&ready)) != NULL)
    g_ptr_array_add (processes, g_object_ref (spare->process));
  g_mutex_unlock (&lock);

  /* Their end is counted once they have been reaped. */
  for (guint i = 0; i < processes->len; i++)
    g_subprocess_force_exit (processes->pdata[i]);

  return G_SOURCE_REMOVE;
}

/* In the default main context, whichever thread asks. Ahead of GTK's
 * redraws: on a busy machine a frame can take longer than its interval, and
 * a callback at the default idle priority would then wait behind frame
 * after frame, leaving the spares running long after Learn was left.
 */
static void
schedule (GSourceFunc  func,
          const char  *name)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_HIGH_IDLE);
  g_source_set_callback (source, func, NULL, NULL);
  g_source_set_static_name (source, name);
  g_source_attach (source, NULL);
}

/* With the lock held: a spare is started if one more is wanted, from an
 * idle callback of its own, so that the main loop turns between two.
 */
static void
refill_locked (void)
{
  if (!wanted_locked () || ready.length >= RAPPORT_PICTURE_SPARES || start_pending)
    return;

  start_pending = TRUE;
  schedule (start_cb, "[rapport] start a spare picture decoder");
}

/**
 * rapport_picture_prewarm:
 * @owner: what wants the spares, such as a widget
 * @wanted: whether @owner wants them now
 *
 * Keeps RAPPORT_PICTURE_SPARES spare decoders ready while any owner wants
 * them, so that the next pictures are drawn by decoders that have already
 * started and locked themselves down; kills them once none does. Call it
 * with %FALSE before @owner goes away. Main thread only.
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
  if (!wanted_locked () && ready.length > 0 && !stop_pending)
    {
      stop_pending = TRUE;
      schedule (stop_cb, "[rapport] stop the spare picture decoders");
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
 * Hands the oldest spare that is the program @path to a decode, if one is
 * ready.
 *
 * Returns: (transfer full) (nullable): its process, waiting for its
 *   request
 */
GSubprocess *
rapport_picture_take_spare (const char *path)
{
  GSubprocess *process = NULL;

  g_mutex_lock (&lock);
  for (GList *l = ready.head; l != NULL; l = l->next)
    {
      Spare *spare = l->data;

      if (g_strcmp0 (spare->path, path) == 0 && g_subprocess_get_identifier (spare->process) != NULL)
        {
          spare->taken = TRUE;
          process = g_object_ref (spare->process);
          g_queue_delete_link (&ready, l);
          n_spares--;
          break;
        }
    }
  g_mutex_unlock (&lock);

  return process;
}

/**
 * rapport_picture_spare_refill:
 *
 * No decode is left: the spares may be made up again.
 */
void
rapport_picture_spare_refill (void)
{
  g_mutex_lock (&lock);
  refill_locked ();
  g_mutex_unlock (&lock);
}
