/* rapport-pack.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A pack is pack.json plus the topic files and pictures it lists. The
 * built-in curriculum is a pack folder too (data/packs/core), and a
 * .rapportpack file is the same files in a zip archive: all three are loaded
 * by rapport_pack_load_source(), which reads through a RapportPackSource
 * (a folder on disk, or the archive's entries already in memory).
 *
 * Each topic and picture entry may carry the SHA-256 of its file. In a built
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
#include "rapport-media.h"
#include "rapport-pack-archive.h"
#include "rapport-pack-private.h"
#include "rapport-topic-private.h"

typedef struct
{
  char  *file;      /* relative to the pack, with "/" */
  char  *sha256;    /* lower-case hex, or NULL */
  guint  line;      /* in pack.json; 0 for a picture only a topic names */
} PackFile;

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
  GArray     *topic_files;   /* of PackFile */
  GArray     *media_files;   /* of PackFile */
  GListStore *topics;        /* of RapportTopic */
  char       *folder;
  char       *archive;
  GHashTable *files;         /* name → GBytes, with RAPPORT_PACK_LOAD_KEEP_FILES */
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
pack_file_clear (gpointer data)
{
  PackFile *entry = data;

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
  g_clear_pointer (&self->media_files, g_array_unref);
  g_clear_object (&self->topics);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->archive, g_free);
  g_clear_pointer (&self->files, g_hash_table_unref);

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
  self->topic_files = g_array_new (FALSE, TRUE, sizeof (PackFile));
  g_array_set_clear_func (self->topic_files, pack_file_clear);
  self->media_files = g_array_new (FALSE, TRUE, sizeof (PackFile));
  g_array_set_clear_func (self->media_files, pack_file_clear);
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
                         "min_rapport_version, topics, media"

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
        problem (c, NULL, _("The member “%s” is missing."), member);
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

/* "topics" (required, topic files) and "media" (optional, pictures) are
 * lists of the same kind of entry: { "file": …, "sha256": … }.
 */
static void
parse_file_entries (Check       *c,
                    JsonObject  *root,
                    const char  *member,
                    GArray      *entries)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean media = g_str_equal (member, "media");
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;
  guint n_entries;

  if (node == NULL)
    {
      if (!media)
        problem (c, NULL, _("The member “%s” is missing."), member);
      return;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      if (media)
        problem (c, member,
                 _("“media” must be a list of pictures, such as "
                   "[{ \"file\": \"media/till.png\" }]."));
      else
        problem (c, member,
                 _("“topics” must be a list of topic files, such as "
                   "[{ \"file\": \"topics/refunds.xml\" }]."));
      return;
    }

  array = json_node_get_array (node);
  n_entries = json_array_get_length (array);

  if (n_entries == 0 && !media)
    {
      problem (c, member, _("“topics” is empty; a pack needs at least one topic."));
      return;
    }

  if (!media && n_entries > RAPPORT_PACK_MAX_TOPICS)
    {
      problem (c, member, _("A pack may have at most %u topics; this one lists %u."),
               RAPPORT_PACK_MAX_TOPICS, n_entries);
      return;
    }

  if (media && n_entries > RAPPORT_PACK_MAX_MEDIA)
    {
      problem (c, member, _("A pack may have at most %u pictures; this one lists %u."),
               RAPPORT_PACK_MAX_MEDIA, n_entries);
      return;
    }

  for (guint i = 0; i < n_entries; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);
      g_autofree char *file_path = g_strdup_printf ("%s[%u].file", member, i);
      g_autofree char *sha_path = g_strdup_printf ("%s[%u].sha256", member, i);
      g_autoptr(GList) members = NULL;
      JsonObject *object;
      const char *file;
      const char *sha256;
      PackFile entry = { 0 };

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          if (media)
            problem (c, path,
                     _("Each entry of “media” must be an object such as "
                       "{ \"file\": \"media/till.png\" }."));
          else
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

              if (media)
                problem (c, member_path,
                         _("“%s” is not a member of a picture entry; it may have “file” and "
                           "“sha256”."),
                         (char *) m->data);
              else
                problem (c, member_path,
                         _("“%s” is not a member of a topic entry; it may have “file” and “sha256”."),
                         (char *) m->data);
            }
        }

      if (!json_object_has_member (object, "file"))
        {
          if (media)
            problem (c, path, _("This picture entry needs the member “file”."));
          else
            problem (c, path, _("This topic entry needs the member “file”."));
          continue;
        }

      file = get_string (c, object, "file", file_path, TRUE);
      sha256 = json_object_has_member (object, "sha256") ?
               get_string (c, object, "sha256", sha_path, TRUE) : NULL;

      if (file == NULL)
        continue;

      if (media && !rapport_media_path_is_valid (file))
        {
          problem (c, file_path,
                   _("“%s” is not a picture in the pack’s media folder: use a name such as "
                     "“media/till.png”, of letters, digits, “-” and “_”, ending in .png, "
                     ".jpg, .jpeg or .svg."),
                   file);
          continue;
        }

      if (!rapport_pack_path_is_safe (file))
        {
          problem (c, file_path,
                   _("“%s” is not a file name inside the pack: use a relative path such as "
                     "“topics/refunds.xml”, without “..”."),
                   file);
          continue;
        }

      if (!media && !g_str_has_suffix (file, ".xml"))
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
      g_array_append_val (entries, entry);
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
    "min_rapport_version", "topics", "media", NULL,
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
    problem (c, NULL, _("The member “%s” is missing."), "authors");
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

  parse_file_entries (c, root, "topics", self->topic_files);
  parse_file_entries (c, root, "media", self->media_files);

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

void
rapport_pack_set_pack_error (GError     **error,
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
      rapport_pack_set_pack_error (error, display_name, n_problems);
      return NULL;
    }

  return g_steal_pointer (&self);
}

static char *
sha256_of (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* Reading through a source */

typedef struct
{
  const RapportPackSource *source;
  RapportPack             *self;
  RapportPackLoadFlags     flags;
  GPtrArray               *problems;
  char                    *manifest_name;
  GHashTable              *pictures;   /* src → Figure, the pictures topics show */
  GPtrArray               *figures;    /* of Figure, in the order topics name them */
  GHashTable              *reported;   /* entries already named in a problem */
} Loading;

typedef struct
{
  char  *src;
  char  *topic_name;   /* as problems name the topic file */
  guint  line;
} Figure;

static void
figure_free (gpointer data)
{
  Figure *figure = data;

  g_free (figure->src);
  g_free (figure->topic_name);
  g_free (figure);
}

/* How problems name a file of the pack: its path on disk for a folder, the
 * name inside the archive ("topics/refunds.xml") for a pack file.
 */
static char *
display_name (const RapportPackSource *source,
              const char              *name)
{
  if (source->folder != NULL)
    return g_build_filename (source->folder, name, NULL);

  return g_strdup (name);
}

/* From a folder, never more than @max_size + 1 bytes; callers refuse what
 * is longer than @max_size (an archive's entries are in memory already).
 */
static GBytes *
source_read (const RapportPackSource  *source,
             const char               *name,
             gsize                     max_size,
             GError                  **error)
{
  GBytes *bytes;

  if (source->folder != NULL)
    {
      g_autofree char *path = g_build_filename (source->folder, name, NULL);

      return rapport_read_file_capped (path, max_size, error);
    }

  bytes = g_hash_table_lookup (source->files, name);
  if (bytes == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("“%s” is not in the pack."), name);
      return NULL;
    }

  return g_bytes_ref (bytes);
}

static void
keep_file (Loading    *l,
           const char *name,
           GBytes     *bytes)
{
  if (l->self->files != NULL)
    g_hash_table_insert (l->self->files, g_strdup (name), g_bytes_ref (bytes));
}

/* Adds a problem when @bytes do not match @entry's checksum, or when a pack
 * file gives none.
 */
static void
check_sha256 (Loading  *l,
              PackFile *entry,
              GBytes   *bytes)
{
  g_autofree char *actual = NULL;

  if (entry->sha256 == NULL)
    return;

  actual = sha256_of (bytes);
  if (!g_str_equal (actual, entry->sha256))
    rapport_problem_list_add (l->problems, l->manifest_name, entry->line,
                              _("The SHA-256 checksum of “%s” does not match: the file "
                                "has changed since the checksum was written. "
                                "Expected %s, found %s."),
                              entry->file, entry->sha256, actual);
}

static void
require_checksums (Loading *l,
                   GArray  *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      PackFile *entry = &g_array_index (entries, PackFile, i);

      if (entry->sha256 == NULL)
        rapport_problem_list_add (l->problems, l->manifest_name, entry->line,
                                  _("“%s” has no “sha256”. In a pack file every topic and picture "
                                    "needs its checksum; build pack files with “rapport-pack "
                                    "build”."),
                                  entry->file);
    }
}

/* Notes the pictures a topic shows, with the line of each <figure>. */
static void
collect_figures (Loading      *l,
                 RapportTopic *topic,
                 const char   *topic_name)
{
  GListModel *lessons = rapport_topic_get_lessons (topic);

  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(RapportLesson) lesson = g_list_model_get_item (lessons, i);

      for (guint j = 0; j < rapport_lesson_get_n_sections (lesson); j++)
        {
          RapportSection *section = rapport_lesson_get_section (lesson, j);

          for (guint k = 0; k < rapport_section_get_n_blocks (section); k++)
            {
              RapportBlock *block = rapport_section_get_block (section, k);
              Figure *figure;

              if (rapport_block_get_kind (block) != RAPPORT_BLOCK_FIGURE ||
                  rapport_block_get_src (block) == NULL)
                continue;

              figure = g_new0 (Figure, 1);
              figure->src = g_strdup (rapport_block_get_src (block));
              figure->topic_name = g_strdup (topic_name);
              figure->line = rapport_block_get_line (block);
              g_ptr_array_add (l->figures, figure);
              if (!g_hash_table_contains (l->pictures, figure->src))
                g_hash_table_insert (l->pictures, figure->src, figure);
            }
        }
    }
}

static void
load_topics (Loading            *l,
             RapportTopicLoader *loader)
{
  RapportPack *self = l->self;
  g_autoptr(GHashTable) topic_keys = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->topic_files->len; i++)
    {
      PackFile *entry = &g_array_index (self->topic_files, PackFile, i);
      g_autofree char *name = display_name (l->source, entry->file);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(RapportTopic) topic = NULL;
      g_autoptr(GError) error = NULL;
      const char *other;

      bytes = source_read (l->source, entry->file, RAPPORT_TOPIC_MAX_SIZE, &error);
      if (bytes == NULL)
        {
          rapport_problem_list_add (l->problems, l->manifest_name, entry->line, "%s", error->message);
          continue;
        }

      /* Too large is all there is to say about a file cut at the cap. */
      if (g_bytes_get_size (bytes) <= RAPPORT_TOPIC_MAX_SIZE)
        check_sha256 (l, entry, bytes);
      keep_file (l, entry->file, bytes);

      topic = rapport_topic_loader_load_from_bytes (loader, bytes, name, self->id, l->problems,
                                                    &error);
      if (topic == NULL)
        continue;

      rapport_topic_set_source (topic, l->source->folder != NULL ? name : NULL, self->id);
      collect_figures (l, topic, name);

      other = g_hash_table_lookup (topic_keys, rapport_topic_get_key (topic));
      if (other != NULL)
        {
          rapport_problem_list_add (l->problems, l->manifest_name, entry->line,
                                    _("“%s” has the key “%s”, like “%s”; each topic in a pack "
                                      "needs its own key."),
                                    entry->file, rapport_topic_get_key (topic), other);
          continue;
        }

      g_hash_table_insert (topic_keys, (gpointer) rapport_topic_get_key (topic), entry->file);
      g_list_store_append (self->topics, topic);
    }
}

/* Reads and checks one picture. @where and @line name the place that asks
 * for it: its entry in pack.json, or the <figure> of a topic.
 */
static void
load_picture (Loading    *l,
              PackFile   *entry,
              const char *where,
              guint       line)
{
  g_autofree char *name = display_name (l->source, entry->file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint error_line = 0;

  bytes = source_read (l->source, entry->file, RAPPORT_PACK_MAX_MEDIA_SIZE, &error);
  if (bytes == NULL && g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      rapport_problem_list_add (l->problems, where, line, _("The picture “%s” is not in the pack."),
                                entry->file);
      return;
    }
  else if (bytes == NULL)
    {
      rapport_problem_list_add (l->problems, where, line, "%s", error->message);
      return;
    }

  if (g_bytes_get_size (bytes) > RAPPORT_PACK_MAX_MEDIA_SIZE)
    {
      g_autofree char *size = g_format_size_full (RAPPORT_PACK_MAX_MEDIA_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      rapport_problem_list_add (l->problems, name, 0,
                                _("The picture is too large: a picture may have at most %s."),
                                size);
      return;
    }

  check_sha256 (l, entry, bytes);

  if (!rapport_media_check (entry->file, bytes, NULL, &error_line, &error))
    {
      rapport_problem_list_add (l->problems, name, error_line, "%s", error->message);
      return;
    }

  keep_file (l, entry->file, bytes);
}

static void
load_pictures (Loading *l)
{
  RapportPack *self = l->self;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_listed = self->media_files->len;

  for (guint i = 0; i < n_listed; i++)
    {
      PackFile *entry = &g_array_index (self->media_files, PackFile, i);

      g_hash_table_add (listed, entry->file);
      load_picture (l, entry, l->manifest_name, entry->line);
    }

  /* Pictures that topics show but pack.json does not list: fine in a folder
   * (the builder lists them), not in a pack file, where all need checksums.
   */
  for (guint i = 0; i < l->figures->len; i++)
    {
      Figure *figure = g_ptr_array_index (l->figures, i);
      PackFile entry = { 0 };

      if (g_hash_table_contains (listed, figure->src) ||
          g_hash_table_lookup (l->pictures, figure->src) != figure)
        continue;

      if (self->media_files->len >= RAPPORT_PACK_MAX_MEDIA)
        {
          rapport_problem_list_add (l->problems, figure->topic_name, figure->line,
                                    _("A pack may have at most %u pictures."),
                                    RAPPORT_PACK_MAX_MEDIA);
          break;
        }

      if ((l->flags & RAPPORT_PACK_LOAD_REQUIRE_CHECKSUMS) != 0 &&
          (l->source->files == NULL || g_hash_table_contains (l->source->files, figure->src)))
        {
          rapport_problem_list_add (l->problems, figure->topic_name, figure->line,
                                    _("The picture “%s” is not listed under “media” in "
                                      "pack.json, so it has no checksum."),
                                    figure->src);
          g_hash_table_add (l->reported, figure->src);
          continue;
        }

      entry.file = g_strdup (figure->src);
      load_picture (l, &entry, figure->topic_name, figure->line);
      g_array_append_val (self->media_files, entry);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A pack file holds what pack.json lists and nothing else. */
static void
check_unlisted_entries (Loading *l)
{
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **names = NULL;
  guint n_names;

  g_hash_table_add (listed, (gpointer) RAPPORT_PACK_MANIFEST);
  for (guint i = 0; i < l->self->topic_files->len; i++)
    g_hash_table_add (listed, g_array_index (l->self->topic_files, PackFile, i).file);
  for (guint i = 0; i < l->self->media_files->len; i++)
    g_hash_table_add (listed, g_array_index (l->self->media_files, PackFile, i).file);

  names = (const char **) g_hash_table_get_keys_as_array (l->source->files, &n_names);
  qsort (names, n_names, sizeof (char *), compare_names);

  for (guint i = 0; i < n_names; i++)
    {
      if (!g_hash_table_contains (listed, names[i]) && !g_hash_table_contains (l->reported, names[i]))
        rapport_problem_list_add (l->problems, names[i], 0,
                                  _("This file is in the pack, but pack.json does not list it."));
    }
}

/**
 * rapport_pack_load_source:
 * @source: a pack folder, or the files of a pack file
 * @loader: checks the topic files
 * @flags: what a pack file requires, and whether to keep the bytes
 * @problems: (nullable): a list from rapport_problem_list_new() to append to
 *
 * Reads the manifest, every topic and every picture, checks the checksums,
 * and reports every problem at once: a trainer should not have to fix one
 * file to hear about the next.
 *
 * Returns: (transfer full) (nullable): the pack with its topics, or %NULL
 * with %RAPPORT_PACK_ERROR_INVALID.
 */
RapportPack *
rapport_pack_load_source (const RapportPackSource  *source,
                          RapportTopicLoader       *loader,
                          RapportPackLoadFlags      flags,
                          GPtrArray                *problems,
                          GError                  **error)
{
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(RapportPack) self = NULL;
  g_autoptr(GBytes) manifest = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) pictures = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GHashTable) reported = NULL;
  g_autofree char *manifest_name = NULL;
  const char *pack_name;
  guint n_problems = 0;
  guint first_problem;
  Loading l = { 0 };

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail ((source->folder != NULL) != (source->files != NULL), NULL);
  g_return_val_if_fail (RAPPORT_IS_TOPIC_LOADER (loader), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems == NULL)
    problems = own_problems = rapport_problem_list_new ();

  first_problem = problems->len;
  pack_name = source->folder != NULL ? source->folder :
              source->archive != NULL ? source->archive : RAPPORT_PACK_FILE_SUFFIX;
  manifest_name = display_name (source, RAPPORT_PACK_MANIFEST);

  manifest = source_read (source, RAPPORT_PACK_MANIFEST, RAPPORT_PACK_MAX_MANIFEST_SIZE, &local_error);
  if (manifest == NULL)
    {
      rapport_problem_list_add (problems, manifest_name, 0, "%s", local_error->message);
      rapport_pack_set_pack_error (error, pack_name, 1);
      return NULL;
    }

  self = check_manifest (manifest, manifest_name, problems, &n_problems);
  if (self == NULL)
    {
      rapport_pack_set_pack_error (error, pack_name, n_problems);
      return NULL;
    }

  self->folder = g_strdup (source->folder);
  self->archive = g_strdup (source->archive);
  if ((flags & RAPPORT_PACK_LOAD_KEEP_FILES) != 0)
    {
      self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_bytes_unref);
      g_hash_table_insert (self->files, g_strdup (RAPPORT_PACK_MANIFEST), g_bytes_ref (manifest));
    }

  pictures = g_hash_table_new (g_str_hash, g_str_equal);
  figures = g_ptr_array_new_with_free_func (figure_free);
  reported = g_hash_table_new (g_str_hash, g_str_equal);
  l.source = source;
  l.self = self;
  l.flags = flags;
  l.problems = problems;
  l.manifest_name = manifest_name;
  l.pictures = pictures;
  l.figures = figures;
  l.reported = reported;

  if ((flags & RAPPORT_PACK_LOAD_REQUIRE_CHECKSUMS) != 0)
    {
      guint first = problems->len;

      require_checksums (&l, self->topic_files);
      require_checksums (&l, self->media_files);
      rapport_problem_list_sort (problems, first);
    }

  load_topics (&l, loader);
  load_pictures (&l);

  if (source->files != NULL)
    check_unlisted_entries (&l);

  if (problems->len > first_problem)
    {
      rapport_pack_set_pack_error (error, pack_name, problems->len - first_problem);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * rapport_pack_load_folder:
 * @folder: a folder holding pack.json and the files it lists
 * @loader: checks the topic files
 * @problems: (nullable): a list from rapport_problem_list_new() to append to
 *
 * Loads a pack folder, such as Rapport's own course, an installed pack or a
 * trainer's work in progress; see rapport_pack_load_source().
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
  RapportPackSource source = { .folder = folder };

  g_return_val_if_fail (folder != NULL, NULL);

  return rapport_pack_load_source (&source, loader, RAPPORT_PACK_LOAD_NONE, problems, error);
}

/* A .rapportpack file, by its name or, whatever it is called, by the zip
 * signature at its start.
 */
gboolean
rapport_pack_path_is_archive (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  guchar start[4] = { 0 };
  gsize n_read = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  if (g_str_has_suffix (path, RAPPORT_PACK_FILE_SUFFIX))
    return TRUE;

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), start, sizeof start, &n_read, NULL, NULL))
    return FALSE;

  return n_read == sizeof start && memcmp (start, "PK\003\004", sizeof start) == 0;
}

/**
 * rapport_pack_load_path:
 * @path: a pack folder, its pack.json, or a .rapportpack file
 *
 * Returns: (transfer full) (nullable): the pack with its topics, or %NULL
 * with %RAPPORT_PACK_ERROR_INVALID and the problems.
 */
RapportPack *
rapport_pack_load_path (const char          *path,
                        RapportTopicLoader  *loader,
                        GPtrArray           *problems,
                        GError             **error)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (RAPPORT_IS_TOPIC_LOADER (loader), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  basename = g_path_get_basename (path);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) && g_str_equal (basename, RAPPORT_PACK_MANIFEST))
    {
      g_autofree char *folder = g_path_get_dirname (path);

      return rapport_pack_load_folder (folder, loader, problems, error);
    }

  if (rapport_pack_path_is_archive (path))
    return rapport_pack_load_archive (path, loader, problems, error);

  return rapport_pack_load_folder (path, loader, problems, error);
}

/**
 * rapport_pack_read_media:
 * @src: a picture's name in the pack, as a <figure> gives it
 * @info: (out) (optional): its type and size
 *
 * Reads a picture of the pack for the lesson reader, checked again as when
 * the pack was loaded: the pack's folder may have changed since. Only the
 * pack's own pictures can be read, each with at most
 * %RAPPORT_PACK_MAX_MEDIA_SIZE bytes and its checksum when pack.json gives
 * one. May run in any thread.
 *
 * Returns: (transfer full) (nullable): the picture's bytes, or %NULL with
 *   an error that says why it cannot be shown
 */
GBytes *
rapport_pack_read_media (RapportPack       *self,
                         const char        *src,
                         RapportMediaInfo  *info,
                         GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  PackFile *entry = NULL;

  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);
  g_return_val_if_fail (src != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < self->media_files->len && entry == NULL; i++)
    {
      if (g_str_equal (g_array_index (self->media_files, PackFile, i).file, src))
        entry = &g_array_index (self->media_files, PackFile, i);
    }

  if (entry == NULL || !rapport_media_path_is_valid (src))
    {
      g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID,
                   _("The picture “%s” is not in the pack."), src);
      return NULL;
    }

  if (self->files != NULL && g_hash_table_contains (self->files, src))
    bytes = g_bytes_ref (g_hash_table_lookup (self->files, src));
  else if (self->folder != NULL)
    {
      g_autofree char *path = g_build_filename (self->folder, src, NULL);

      bytes = rapport_read_file_capped (path, RAPPORT_PACK_MAX_MEDIA_SIZE, error);
      if (bytes == NULL)
        return NULL;
    }
  else
    {
      g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID,
                   _("The picture “%s” is not in the pack."), src);
      return NULL;
    }

  if (g_bytes_get_size (bytes) > RAPPORT_PACK_MAX_MEDIA_SIZE)
    {
      g_autofree char *size = g_format_size_full (RAPPORT_PACK_MAX_MEDIA_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID,
                   _("The picture is too large: a picture may have at most %s."), size);
      return NULL;
    }

  if (entry->sha256 != NULL)
    {
      g_autofree char *actual = sha256_of (bytes);

      if (!g_str_equal (actual, entry->sha256))
        {
          g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID,
                       _("The picture “%s” has changed since the pack was installed."), src);
          return NULL;
        }
    }

  if (!rapport_media_check (src, bytes, info, NULL, error))
    return NULL;

  return g_steal_pointer (&bytes);
}

/* The bytes kept with RAPPORT_PACK_LOAD_KEEP_FILES: name → GBytes, or NULL. */
GHashTable *
rapport_pack_get_files (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->files;
}

static int
compare_entry_files (gconstpointer a,
                     gconstpointer b)
{
  const PackFile *fa = *(const PackFile * const *) a;
  const PackFile *fb = *(const PackFile * const *) b;

  return strcmp (fa->file, fb->file);
}

static void
add_file_entries (JsonBuilder *builder,
                  RapportPack *self,
                  GArray      *entries,
                  gboolean     sorted)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (order, &g_array_index (entries, PackFile, i));

  if (sorted)
    g_ptr_array_sort (order, compare_entry_files);

  json_builder_begin_array (builder);
  for (guint i = 0; i < order->len; i++)
    {
      PackFile *entry = g_ptr_array_index (order, i);
      GBytes *bytes = g_hash_table_lookup (self->files, entry->file);
      g_autofree char *sha256 = sha256_of (bytes);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, entry->file);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, sha256);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * rapport_pack_build_manifest:
 * @self: a pack loaded with %RAPPORT_PACK_LOAD_KEEP_FILES and no problems
 *
 * pack.json as a pack file carries it: the same members in a fixed order,
 * with the SHA-256 of every topic (in the order of the pack) and of every
 * picture (sorted by name, including those that only topics named), so that
 * the same pack always gives the same bytes.
 *
 * Returns: (transfer full): the manifest
 */
GBytes *
rapport_pack_build_manifest (RapportPack *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  gsize length;

  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);
  g_return_val_if_fail (self->files != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, self->title);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, self->version);
  json_builder_set_member_name (builder, "authors");
  json_builder_begin_array (builder);
  for (guint i = 0; self->authors[i] != NULL; i++)
    json_builder_add_string_value (builder, self->authors[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, self->language);
  json_builder_set_member_name (builder, "license");
  json_builder_add_string_value (builder, self->license);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, self->description);
  if (self->min_rapport_version != NULL)
    {
      json_builder_set_member_name (builder, "min_rapport_version");
      json_builder_add_string_value (builder, self->min_rapport_version);
    }
  json_builder_set_member_name (builder, "topics");
  add_file_entries (builder, self, self->topic_files, FALSE);
  if (self->media_files->len > 0)
    {
      json_builder_set_member_name (builder, "media");
      add_file_entries (builder, self, self->media_files, TRUE);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, &length);

  return g_bytes_new_take (g_strconcat (json, "\n", NULL), length + 1);
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

  return g_array_index (self->topic_files, PackFile, position).file;
}

/* The checksum pack.json gives for that file, in lower case; NULL if none. */
const char *
rapport_pack_get_topic_sha256 (RapportPack *self,
                               guint        position)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);
  g_return_val_if_fail (position < self->topic_files->len, NULL);

  return g_array_index (self->topic_files, PackFile, position).sha256;
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

/* The folder the pack was loaded from; NULL for a manifest alone or a
 * pack file.
 */
const char *
rapport_pack_get_folder (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->folder;
}

/* The .rapportpack file the pack was read from; NULL for a folder. */
const char *
rapport_pack_get_archive (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);

  return self->archive;
}

/* Pictures, as pack.json lists them, then those that only topics show. */
guint
rapport_pack_get_n_media_files (RapportPack *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), 0);

  return self->media_files->len;
}

const char *
rapport_pack_get_media_file (RapportPack *self,
                             guint        position)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);
  g_return_val_if_fail (position < self->media_files->len, NULL);

  return g_array_index (self->media_files, PackFile, position).file;
}

/* The checksum pack.json gives for that picture, in lower case; NULL if none. */
const char *
rapport_pack_get_media_sha256 (RapportPack *self,
                               guint        position)
{
  g_return_val_if_fail (RAPPORT_IS_PACK (self), NULL);
  g_return_val_if_fail (position < self->media_files->len, NULL);

  return g_array_index (self->media_files, PackFile, position).sha256;
}
