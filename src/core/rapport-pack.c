/* rapport-pack.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A pack is pack.json plus the topic files it lists. The built-in curriculum
 * is a pack folder too (data/packs/core), loaded by the same code.
 *
 * Each topic entry may carry the SHA-256 of its file. In a built
 * .rapportpack file the checksum is required (the builder writes it); in a
 * folder that a trainer is still editing it is optional, and checked when
 * given.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-io.h"
#include "rapport-json.h"
#include "rapport-keys.h"
#include "rapport-pack.h"
#include "rapport-topic-private.h"

typedef struct
{
  char  *file;      /* relative to the pack, with "/" */
  char  *sha256;    /* lower-case hex, or NULL */
  guint  line;      /* in pack.json */
} TopicFile;

struct _RapportPack
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *version;
  GStrv       authors;
  char       *language;
  char       *license;
  char       *description;
  char       *min_rapport_version;
  GArray     *topic_files;   /* of TopicFile */
  GListStore *topics;        /* of RapportTopic */
  char       *folder;
};

G_DEFINE_FINAL_TYPE (RapportPack, rapport_pack, G_TYPE_OBJECT)

G_DEFINE_QUARK (rapport-pack-error-quark, rapport_pack_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_VERSION,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
topic_file_clear (gpointer data)
{
  TopicFile *entry = data;

  g_free (entry->file);
  g_free (entry->sha256);
}

static void
rapport_pack_finalize (GObject *object)
{
  RapportPack *self = RAPPORT_PACK (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->authors, g_strfreev);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->license, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->min_rapport_version, g_free);
  g_clear_pointer (&self->topic_files, g_array_unref);
  g_clear_object (&self->topics);
  g_clear_pointer (&self->folder, g_free);

  G_OBJECT_CLASS (rapport_pack_parent_class)->finalize (object);
}

static void
rapport_pack_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RapportPack *self = RAPPORT_PACK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_pack_class_init (RapportPackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_pack_finalize;
  object_class->get_property = rapport_pack_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_pack_init (RapportPack *self)
{
  self->topic_files = g_array_new (FALSE, TRUE, sizeof (TopicFile));
  g_array_set_clear_func (self->topic_files, topic_file_clear);
  self->topics = g_list_store_new (RAPPORT_TYPE_TOPIC);
}

/* Checking pack.json */

typedef struct
{
  const char *file;
  GPtrArray  *problems;
  GHashTable *lines;
  guint       n_problems;
} Check;

/* The line of a member, or of the nearest enclosing one that was noted. */
static guint
line_for (Check      *c,
          const char *path)
{
  g_autofree char *current = g_strdup (path);

  while (current[0] != '\0')
    {
      gpointer line;
      char *cut;

      if (g_hash_table_lookup_extended (c->lines, current, NULL, &line))
        return GPOINTER_TO_UINT (line);

      cut = strrchr (current, '.');
      if (cut == NULL || strrchr (current, '[') > cut)
        cut = strrchr (current, '[');
      if (cut == NULL)
        break;
      *cut = '\0';
    }

  return 0;
}

static void problem (Check      *c,
                     const char *path,
                     const char *format,
                     ...) G_GNUC_PRINTF (3, 4);

static void
problem (Check      *c,
         const char *path,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  c->n_problems++;
  rapport_problem_list_add (c->problems, c->file, path != NULL ? line_for (c, path) : 0,
                            "%s", message);
}

#define MANIFEST_MEMBERS "id, title, version, authors, language, license, description, " \
                         "min_rapport_version, topics"

static const char *
get_string (Check      *c,
            JsonObject *object,
            const char *member,
            const char *path,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL)
    {
      if (required)
        problem (c, NULL, _("pack.json needs the member “%s”."), member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      problem (c, path, _("“%s” must be text in double quotes."), member);
      return NULL;
    }

  value = json_node_get_string (node);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return value;
    }

  problem (c, path, _("“%s” is empty."), member);

  return NULL;
}

/* A path inside the pack: relative, with "/" between parts, no "..", no
 * hidden tricks; the same rule a .rapportpack archive entry must follow.
 */
static gboolean
is_safe_relative_path (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path[0] == '\0' || path[0] == '/' || strlen (path) > 255 || strchr (path, '\\') != NULL)
    return FALSE;

  for (const char *p = path; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f || *p == ':')
        return FALSE;
    }

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isxdigit (*p))
        return FALSE;
    }

  return TRUE;
}

static void
parse_topic_entries (Check       *c,
                     RapportPack *self,
                     JsonObject  *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *node = json_object_get_member (root, "topics");
  JsonArray *array;
  guint n_entries;

  if (node == NULL)
    {
      problem (c, NULL, _("pack.json needs the member “%s”."), "topics");
      return;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (c, "topics",
               _("“topics” must be a list of topic files, such as "
                 "[{ \"file\": \"topics/refunds.xml\" }]."));
      return;
    }

  array = json_node_get_array (node);
  n_entries = json_array_get_length (array);

  if (n_entries == 0)
    {
      problem (c, "topics", _("“topics” is empty; a pack needs at least one topic."));
      return;
    }

  if (n_entries > RAPPORT_PACK_MAX_TOPICS)
    {
      problem (c, "topics", _("A pack may have at most %u topics; this one lists %u."),
               RAPPORT_PACK_MAX_TOPICS, n_entries);
      return;
    }

  for (guint i = 0; i < n_entries; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("topics[%u]", i);
      g_autofree char *file_path = g_strdup_printf ("topics[%u].file", i);
      g_autofree char *sha_path = g_strdup_printf ("topics[%u].sha256", i);
      g_autoptr(GList) members = NULL;
      JsonObject *object;
      const char *file;
      const char *sha256;
      TopicFile entry = { 0 };

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          problem (c, path,
                   _("Each entry of “topics” must be an object such as "
                     "{ \"file\": \"topics/refunds.xml\" }."));
          continue;
        }

      object = json_node_get_object (element);
      members = json_object_get_members (object);
      for (GList *m = members; m != NULL; m = m->next)
        {
          if (!g_str_equal (m->data, "file") && !g_str_equal (m->data, "sha256"))
            {
              g_autofree char *member_path = g_strdup_printf ("%s.%s", path, (char *) m->data);

              problem (c, member_path,
                       _("“%s” is not a member of a topic entry; it may have “file” and “sha256”."),
                       (char *) m->data);
            }
        }

      if (!json_object_has_member (object, "file"))
        {
          problem (c, path, _("This topic entry needs the member “file”."));
          continue;
        }

      file = get_string (c, object, "file", file_path, TRUE);
      sha256 = json_object_has_member (object, "sha256") ?
               get_string (c, object, "sha256", sha_path, TRUE) : NULL;

      if (file == NULL)
        continue;

      if (!is_safe_relative_path (file))
        {
          problem (c, file_path,
                   _("“%s” is not a file name inside the pack: use a relative path such as "
                     "“topics/refunds.xml”, without “..”."),
                   file);
          continue;
        }

      if (!g_str_has_suffix (file, ".xml"))
        {
          problem (c, file_path, _("“%s” is not a topic file: its name must end in .xml."), file);
          continue;
        }

      if (!g_hash_table_add (seen, (gpointer) file))
        {
          problem (c, file_path, _("“%s” is listed twice."), file);
          continue;
        }

      if (sha256 != NULL && !is_sha256 (sha256))
        {
          problem (c, sha_path,
                   _("“sha256” must be 64 hexadecimal digits, as sha256sum prints them; "
                     "“%s” is not."),
                   sha256);
          continue;
        }

      entry.file = g_strdup (file);
      entry.sha256 = sha256 != NULL ? g_ascii_strdown (sha256, -1) : NULL;
      entry.line = line_for (c, path);
      g_array_append_val (self->topic_files, entry);
    }
}

static RapportPack *
parse_manifest (Check    *c,
                JsonNode *root_node)
{
  g_autoptr(RapportPack) self = g_object_new (RAPPORT_TYPE_PACK, NULL);
  g_autoptr(GList) members = NULL;
  static const char * const known[] = {
    "id", "title", "version", "authors", "language", "license", "description",
    "min_rapport_version", "topics", NULL,
  };
  JsonObject *root;
  JsonNode *authors;
  const char *value;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      problem (c, NULL,
               _("pack.json must hold one JSON object: { \"id\": …, \"title\": …, … }."));
      return NULL;
    }

  root = json_node_get_object (root_node);

  members = json_object_get_members (root);
  for (GList *m = members; m != NULL; m = m->next)
    {
      if (!g_strv_contains (known, m->data))
        problem (c, m->data, _("“%s” is not a member of pack.json; its members are: %s."),
                 (char *) m->data, MANIFEST_MEMBERS);
    }

  value = get_string (c, root, "id", "id", TRUE);
  if (value != NULL && !rapport_pack_id_is_valid (value))
    problem (c, "id",
             _("“id” must be a reverse domain name that you control, in lower case, "
               "such as “org.example.refunds”; “%s” is not."),
             value);
  else
    self->id = g_strdup (value);

  self->title = g_strdup (get_string (c, root, "title", "title", TRUE));

  value = get_string (c, root, "version", "version", TRUE);
  if (value != NULL && !rapport_version_is_valid (value))
    problem (c, "version",
             _("“%s” must be a version number such as “1.0”; “%s” is not."), "version", value);
  else
    self->version = g_strdup (value);

  authors = json_object_get_member (root, "authors");
  if (authors == NULL)
    problem (c, NULL, _("pack.json needs the member “%s”."), "authors");
  else if (!JSON_NODE_HOLDS_ARRAY (authors) || json_array_get_length (json_node_get_array (authors)) == 0)
    problem (c, "authors", _("“authors” must be a list of names, such as [\"Ada Lovelace\"]."));
  else
    {
      JsonArray *array = json_node_get_array (authors);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      gboolean ok = TRUE;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *name = JSON_NODE_HOLDS_VALUE (element) &&
                             json_node_get_value_type (element) == G_TYPE_STRING ?
                             json_node_get_string (element) : NULL;

          if (name == NULL || name[0] == '\0')
            {
              g_autofree char *path = g_strdup_printf ("authors[%u]", i);

              problem (c, path, _("“authors” must be a list of names, such as [\"Ada Lovelace\"]."));
              ok = FALSE;
              break;
            }

          g_strv_builder_add (builder, name);
        }

      if (ok)
        self->authors = g_strv_builder_end (builder);
    }

  /* Stricter than xml:lang: the first part is an ISO 639 code. */
  value = get_string (c, root, "language", "language", TRUE);
  if (value != NULL && (!rapport_language_is_valid (value) ||
                        strcspn (value, "-") < 2 || strcspn (value, "-") > 3))
    problem (c, "language",
             _("“language” must be a language code such as “en” or “de-CH”; “%s” is not."),
             value);
  else
    self->language = g_strdup (value);

  self->license = g_strdup (get_string (c, root, "license", "license", TRUE));
  self->description = g_strdup (get_string (c, root, "description", "description", TRUE));

  value = get_string (c, root, "min_rapport_version", "min_rapport_version", FALSE);
  if (value != NULL && !rapport_version_is_valid (value))
    problem (c, "min_rapport_version",
             _("“%s” must be a version number such as “1.0”; “%s” is not."),
             "min_rapport_version", value);
  else if (value != NULL && rapport_version_compare (value, PACKAGE_VERSION) > 0)
    problem (c, "min_rapport_version",
             _("This pack needs Rapport %s or newer; this is Rapport %s."),
             value, PACKAGE_VERSION);
  else
    self->min_rapport_version = g_strdup (value);

  parse_topic_entries (c, self, root);

  return g_steal_pointer (&self);
}

static void
add_json_problem (Check  *c,
                  guint   line,
                  GError *error)
{
  c->n_problems++;
  rapport_problem_list_add (c->problems, c->file, line, "%s", error->message);
}

static RapportPack *
check_manifest (GBytes     *manifest,
                const char *display_name,
                GPtrArray  *problems,
                guint      *n_problems)
{
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  guint error_line = 0;
  RapportPack *self;
  Check c = { display_name, problems, lines, 0 };
  guint first_problem = problems->len;

  root = rapport_json_parse (manifest, RAPPORT_PACK_MAX_MANIFEST_SIZE, RAPPORT_PACK_MAX_JSON_DEPTH,
                             lines, &error_line, &error);
  if (root == NULL)
    {
      add_json_problem (&c, error_line, error);
      *n_problems += c.n_problems;
      return NULL;
    }

  self = parse_manifest (&c, root);
  *n_problems += c.n_problems;
  rapport_problem_list_sort (problems, first_problem);

  return self;
}

static void
set_pack_error (GError     **error,
                const char  *name,
                guint        n_problems)
{
  g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID,
               ngettext ("The pack “%s” has %u problem.", "The pack “%s” has %u problems.",
                         n_problems),
               name, n_problems);
}

/**
 * rapport_pack_new_from_manifest:
 * @manifest: the content of a pack.json
 * @display_name: how problems name the file, e.g. "mypack/pack.json"
 * @problems: (nullable): a list from rapport_problem_list_new() to append to
 *
 * Reads the manifest alone; the pack has no topics yet.
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL with
 * %RAPPORT_PACK_ERROR_INVALID when the manifest has problems.
 */
RapportPack *
rapport_pack_new_from_manifest (GBytes      *manifest,
                                const char  *display_name,
                                GPtrArray   *problems,
                                GError     **error)
{
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(RapportPack) self = NULL;
  guint n_problems = 0;

  g_return_val_if_fail (manifest != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems == NULL)
    problems = own_problems = rapport_problem_list_new ();

  self = check_manifest (manifest, display_name, problems, &n_problems);
  if (n_problems > 0)
    {
      set_pack_error (error, display_name, n_problems);
      return NULL;
    }

  return g_steal_pointer (&self);
}

static char *
sha256_of (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/**
 * rapport_pack_load_folder:
 * @folder: a folder holding pack.json and the topic files it lists
 * @loader: checks the topic files
 * @problems: (nullable): a list from rapport_problem_list_new() to append to
 *
 * Reads the manifest and every topic it lists, checks the checksums that are
 * given, and reports every problem at once: a trainer should not have to fix
 * one file to hear about the next.
 *
 * Returns: (transfer full) (nullable): the pack with its topics, or %NULL
 * with %RAPPORT_PACK_ERROR_INVALID.
 */
RapportPack *
rapport_pack_load_folder (const char          *folder,
                          RapportTopicLoader  *loader,
                          GPtrArray           *problems,
                          GError             **error)
{
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(RapportPack) self = NULL;
  g_autoptr(GBytes) manifest = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) topic_keys = NULL;
  g_autofree char *manifest_path = NULL;
  guint n_problems = 0;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (RAPPORT_IS_TOPIC_LOADER (loader), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems == NULL)
    problems = own_problems = rapport_problem_list_new ();

  manifest_path = g_build_filename (folder, RAPPORT_PACK_MANIFEST, NULL);
  manifest = rapport_read_file_capped (manifest_path, RAPPORT_PACK_MAX_MANIFEST_SIZE, &local_error);
  if (manifest == NULL)
    {
      rapport_problem_list_add (problems, manifest_path, 0, "%s", local_error->message);
      set_pack_error (error, folder, 1);
      return NULL;
    }

  self = check_manifest (manifest, manifest_path, problems, &n_problems);
  if (self == NULL)
    {
      set_pack_error (error, folder, n_problems);
      return NULL;
    }

  self->folder = g_strdup (folder);
  topic_keys = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->topic_files->len; i++)
    {
      TopicFile *entry = &g_array_index (self->topic_files, TopicFile, i);
      g_autofree char *path = g_build_filename (folder, entry->file, NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(RapportTopic) topic = NULL;
      guint n_before = problems->len;
      const char *other;

      g_clear_error (&local_error);
      bytes = rapport_read_file_capped (path, RAPPORT_TOPIC_MAX_SIZE, &local_error);
      if (bytes == NULL)
        {
          rapport_problem_list_add (problems, manifest_path, entry->line, "%s", local_error->message);
          n_problems++;
          continue;
        }

      if (entry->sha256 != NULL)
        {
          g_autofree char *actual = sha256_of (bytes);

          if (!g_str_equal (actual, entry->sha256))
            {
              rapport_problem_list_add (problems, manifest_path, entry->line,
                                        _("The SHA-256 checksum of “%s” does not match: the file "
                                          "has changed since the checksum was written. "
                                          "Expected %s, found %s."),
                                        entry->file, entry->sha256, actual);
              n_problems++;
            }
        }

      g_clear_error (&local_error);
      topic = rapport_topic_loader_load_from_bytes (loader, bytes, path, self->id, problems,
                                                    &local_error);
      if (topic == NULL)
        {
          n_problems += MAX (problems->len - n_before, 1);
          continue;
        }

      rapport_topic_set_source (topic, path, self->id);

      other = g_hash_table_lookup (topic_keys, rapport_topic_get_key (topic));
      if (other != NULL)
        {
          rapport_problem_list_add (problems, manifest_path, entry->line,
                                    _("“%s” has the key “%s”, like “%s”; each topic in a pack "
                                      "needs its own key."),
                                    entry->file, rapport_topic_get_key (topic), other);
          n_problems++;
          continue;
        }

      g_hash_table_insert (topic_keys, (gpointer) rapport_topic_get_key (topic), entry->file);
      g_list_store_append (self->topics, topic);
    }

  if (n_problems > 0)
    {
      set_pack_error (error, folder, n_problems);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* Getters */

/* A reverse domain name, unique to the pack: "io.github.rapportapp.core". */
const char *
rapport_pack_get_id (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->id;
}

const char *
rapport_pack_get_title (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->title;
}

const char *
rapport_pack_get_version (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->version;
}

const char * const *
rapport_pack_get_authors (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return (const char * const *) self->authors;
}

const char *
rapport_pack_get_language (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->language;
}

/* An SPDX licence identifier, such as "CC-BY-SA-4.0". */
const char *
rapport_pack_get_license (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->license;
}

const char *
rapport_pack_get_description (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->description;
}

/* NULL when the pack works with any version. */
const char *
rapport_pack_get_min_rapport_version (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->min_rapport_version;
}

guint
rapport_pack_get_n_topic_files (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), 0);

  return self->topic_files->len;
}

/* The file of a topic, relative to the pack, as pack.json lists it. */
const char *
rapport_pack_get_topic_file (RapportPack *self,
                             guint        position)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);
  g_return_val_if_fail (position < self->topic_files->len, NULL);

  return g_array_index (self->topic_files, TopicFile, position).file;
}

/* The checksum pack.json gives for that file, in lower case; NULL if none. */
const char *
rapport_pack_get_topic_sha256 (RapportPack *self,
                               guint        position)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);
  g_return_val_if_fail (position < self->topic_files->len, NULL);

  return g_array_index (self->topic_files, TopicFile, position).sha256;
}

/* Returns: (transfer none): the loaded RapportTopics, in the order of
 * pack.json; empty for a pack read from its manifest alone.
 */
GListModel *
rapport_pack_get_topics (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return G_LIST_MODEL (self->topics);
}

/* The folder the pack was loaded from; NULL for a manifest alone. */
const char *
rapport_pack_get_folder (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->folder;
}
