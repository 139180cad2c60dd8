/* rapport-topic-loader.c: reads and checks topic files: the public API, the
 * order of the layers and the problems they all report.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Topic files come from trainers and from packs that anyone can send, so they
 * are read in layers (see SECURITY.md):
 *
 *  1. the bytes: a size cap, no compression, UTF-8 only;
 *  2. a quick scan that refuses any <!DOCTYPE (so no entity can expand) and
 *     documents nested too deeply or with too many elements, before libxml2
 *     sees them;
 *  3. libxml2 parses from memory with a fixed, safe set of options and a
 *     deny-all external entity loader;
 *  4. the RELAX NG schema that Rapport ships (never one from a pack);
 *  5. a walk over the tree that builds the model and checks what a schema
 *     cannot (unique keys, one right answer…).
 *
 * The walk also checks the structure itself, so that a trainer reads
 * "<quiz> is not allowed here; expected <section> or <takeaways>" instead of
 * libxml2's "Did not expect element quiz there". The schema stays the judge:
 * when it refuses a file that the walk found nothing wrong with, its own
 * messages are reported, reworded where we can.
 *
 * Layers 1 and 2 are in rapport-topic-loader-bytes.c, 3 and 4 in
 * rapport-topic-loader-libxml.c. The walk is in three files: -walk.c for what
 * it checks in every element, -lessons.c for <topic> and its lessons,
 * -questions.c for the quiz. This file holds the public API, the order of the
 * layers and the problems they all report.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/relaxng.h>

#include "rapport-io.h"
#include "rapport-topic-loader-private.h"

/* The longest name or value quoted back in a message. */
#define MAX_QUOTED 60

struct _RapportTopicLoader
{
  GObject        parent_instance;

  xmlRelaxNGPtr  schema;
};

G_DEFINE_FINAL_TYPE (RapportTopicLoader, rapport_topic_loader, G_TYPE_OBJECT)

G_DEFINE_QUARK (rapport-topic-error-quark, rapport_topic_error)

/* Problems */

const char *
rapport_load_quote (RapportLoad *l,
                    const char  *text)
{
  char *quoted;

  if (text == NULL)
    text = "";

  if (g_utf8_strlen (text, MAX_QUOTED + 1) > MAX_QUOTED)
    {
      g_autofree char *start = g_utf8_substring (text, 0, MAX_QUOTED);

      quoted = g_strconcat (start, "…", NULL);
    }
  else
    {
      quoted = g_strdup (text);
    }

  g_ptr_array_add (l->pool, quoted);

  return quoted;
}

/* A copy owned by the load, not shortened. */
const char *
rapport_load_quote_full (RapportLoad *l,
                         const char  *text)
{
  char *copy = g_strdup (text);

  g_ptr_array_add (l->pool, copy);

  return copy;
}

guint
rapport_load_line_of (xmlNode *node)
{
  long line = node != NULL ? xmlGetLineNo (node) : 0;

  if (line > 0 && node->type == XML_TEXT_NODE && node->content != NULL)
    {
      /* libxml2 gives a text node the line where it ends; a trainer looks
       * for where its first word is.
       */
      const char *p = (const char *) node->content;

      while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
      for (; *p != '\0' && line > 1; p++)
        {
          if (*p == '\n')
            line--;
        }
    }

  return line > 0 ? (guint) line : 0;
}

/* Every problem goes through here, so that after the first
 * RAPPORT_TOPIC_MAX_PROBLEMS one more says that there are more.
 */
void
rapport_load_add_problem (RapportLoad *l,
                          guint        line,
                          const char  *format,
                          ...)
{
  va_list args;

  if (l->too_many)
    return;

  if (l->n_problems >= RAPPORT_TOPIC_MAX_PROBLEMS)
    {
      l->too_many = TRUE;
      rapport_problem_list_add (l->problems, l->file, 0, "%s",
                                _("There are more problems; correct these first."));
      return;
    }

  l->n_problems++;
  va_start (args, format);
  rapport_problem_list_add_valist (l->problems, l->file, line, format, args);
  va_end (args);
}

/* GObject */

static void
rapport_topic_loader_finalize (GObject *object)
{
  RapportTopicLoader *self = RAPPORT_TOPIC_LOADER (object);

  g_clear_pointer (&self->schema, xmlRelaxNGFree);

  G_OBJECT_CLASS (rapport_topic_loader_parent_class)->finalize (object);
}

static void
rapport_topic_loader_class_init (RapportTopicLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_topic_loader_finalize;
}

static void
rapport_topic_loader_init (RapportTopicLoader *self)
{
}

/**
 * rapport_topic_loader_new_from_bytes:
 * @schema: the RELAX NG schema Rapport ships (data/rapport-topic.rng)
 *
 * Compiles the schema once; the loader then checks any number of files.
 * The app passes the copy in its resources, the command-line tool the
 * installed one. Never pass a schema that came with a pack.
 */
RapportTopicLoader *
rapport_topic_loader_new_from_bytes (GBytes  *schema,
                                     GError **error)
{
  RapportTopicLoader *self;
  xmlRelaxNGPtr compiled;

  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rapport_libxml_init ();

  compiled = rapport_load_compile_schema (schema, error);
  if (compiled == NULL)
    return NULL;

  self = g_object_new (RAPPORT_TYPE_TOPIC_LOADER, NULL);
  self->schema = compiled;

  return self;
}

RapportTopicLoader *
rapport_topic_loader_new_from_file (const char  *schema_path,
                                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (schema_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = rapport_read_file_capped (schema_path, 1024 * 1024, error);
  if (bytes == NULL)
    return NULL;

  return rapport_topic_loader_new_from_bytes (bytes, error);
}

static RapportTopic *
load (RapportTopicLoader *self,
      RapportLoad        *l,
      GBytes             *bytes)
{
  g_autoptr(GPtrArray) schema_errors = NULL;
  g_autoptr(RapportTopic) topic = NULL;
  xmlDoc *doc;
  const char *data;
  gsize length;

  data = g_bytes_get_data (bytes, &length);

  if (!rapport_load_check_bytes (l, data, length))
    return NULL;

  doc = rapport_load_parse (l, data, length);
  if (doc == NULL)
    return NULL;

  schema_errors = rapport_load_validate (self->schema, doc);
  topic = rapport_load_parse_topic (l, xmlDocGetRootElement (doc));

  if (schema_errors != NULL && l->n_structural == 0)
    rapport_load_report_schema_errors (l, schema_errors);

  xmlFreeDoc (doc);

  if (l->n_problems > 0 || topic == NULL)
    return NULL;

  return g_steal_pointer (&topic);
}

/**
 * rapport_topic_loader_load_from_bytes:
 * @bytes: the content of a topic file
 * @display_name: how problems name the file, e.g. "topics/empathy.xml"
 * @pack_id: (nullable): the pack that holds the topic
 * @problems: (nullable): a list from rapport_problem_list_new() to append to
 *
 * Returns: (transfer full) (nullable): the topic, or %NULL with
 * %RAPPORT_TOPIC_ERROR_INVALID when the file has problems. Every problem
 * found is appended to @problems; nothing partly built is returned.
 */
RapportTopic *
rapport_topic_loader_load_from_bytes (RapportTopicLoader  *self,
                                      GBytes              *bytes,
                                      const char          *display_name,
                                      const char          *pack_id,
                                      GPtrArray           *problems,
                                      GError             **error)
{
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(GPtrArray) pool = NULL;
  g_autoptr(GHashTable) lesson_keys = NULL;
  g_autoptr(GHashTable) question_keys = NULL;
  RapportTopic *topic;
  RapportLoad l = { 0 };
  guint first_problem;

  g_return_val_if_fail (RAPPORT_IS_TOPIC_LOADER (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems == NULL)
    problems = own_problems = rapport_problem_list_new ();

  pool = g_ptr_array_new_with_free_func (g_free);
  lesson_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  question_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  l.file = display_name;
  l.problems = problems;
  l.pool = pool;
  l.lesson_keys = lesson_keys;
  l.question_keys = question_keys;

  first_problem = problems->len;
  topic = load (self, &l, bytes);
  rapport_problem_list_sort (problems, first_problem);

  if (topic == NULL)
    {
      guint n = MAX (l.n_problems, 1);

      g_set_error (error, RAPPORT_TOPIC_ERROR, RAPPORT_TOPIC_ERROR_INVALID,
                   ngettext ("“%s” has %u problem.", "“%s” has %u problems.", n),
                   display_name, n);
      return NULL;
    }

  rapport_topic_set_source (topic, NULL, pack_id);

  return topic;
}

/**
 * rapport_topic_loader_load_from_file:
 * @path: a topic file; problems name it as given
 *
 * Reads at most %RAPPORT_TOPIC_MAX_SIZE bytes, exactly as stored (a
 * compressed file is refused, never unpacked), then works as
 * rapport_topic_loader_load_from_bytes(). When the file cannot be read, the
 * error is the I/O error and a problem says so too.
 */
RapportTopic *
rapport_topic_loader_load_from_file (RapportTopicLoader  *self,
                                     const char          *path,
                                     const char          *pack_id,
                                     GPtrArray           *problems,
                                     GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  RapportTopic *topic;

  g_return_val_if_fail (RAPPORT_IS_TOPIC_LOADER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = rapport_read_file_capped (path, RAPPORT_TOPIC_MAX_SIZE, &local_error);
  if (bytes == NULL)
    {
      if (problems != NULL)
        rapport_problem_list_add (problems, path, 0, "%s", local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  topic = rapport_topic_loader_load_from_bytes (self, bytes, path, pack_id, problems, error);
  if (topic != NULL)
    rapport_topic_set_source (topic, path, pack_id);

  return topic;
}
