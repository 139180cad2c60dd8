/* rapport-pack-manifest.c: reading, checking and writing pack.json
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every problem in pack.json is reported at once, each with the line of the
 * member it is about, so that a trainer can fix them all in one go.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-json.h"
#include "rapport-keys.h"
#include "rapport-pack-private.h"

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
  va_list args;

  c->n_problems++;
  va_start (args, format);
  rapport_problem_list_add_valist (c->problems, c->file, path != NULL ? line_for (c, path) : 0,
                                   format, args);
  va_end (args);
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
      RapportPackFile entry = { 0 };

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

/* Parses and checks @manifest, adding its problems to @problems and their
 * number to *@n_problems: the pack, or NULL when pack.json is not an object.
 */
RapportPack *
rapport_pack_check_manifest (GBytes     *manifest,
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

  self = rapport_pack_check_manifest (manifest, display_name, problems, &n_problems);
  if (n_problems > 0)
    {
      rapport_pack_set_pack_error (error, display_name, n_problems);
      return NULL;
    }

  return g_steal_pointer (&self);
}

static int
compare_entry_files (gconstpointer a,
                     gconstpointer b)
{
  const RapportPackFile *fa = *(const RapportPackFile * const *) a;
  const RapportPackFile *fb = *(const RapportPackFile * const *) b;

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
    g_ptr_array_add (order, &g_array_index (entries, RapportPackFile, i));

  if (sorted)
    g_ptr_array_sort (order, compare_entry_files);

  json_builder_begin_array (builder);
  for (guint i = 0; i < order->len; i++)
    {
      RapportPackFile *entry = g_ptr_array_index (order, i);
      GBytes *bytes = g_hash_table_lookup (self->files, entry->file);
      g_autofree char *sha256 = rapport_pack_sha256_of (bytes);

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
