/* rapport-pack-skeleton.c: the pack.json of a pack that is being made
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "rapport-keys.h"
#include "rapport-pack-skeleton.h"

/**
 * rapport_pack_skeleton_id:
 * @name: a folder's or a file's name; only its last part counts
 *
 * Returns: (transfer full): "org.example.<@name>", made a valid id part,
 *   or "org.example.my-pack" when nothing of @name is left
 */
char *
rapport_pack_skeleton_id (const char *name)
{
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GString) part = g_string_new (NULL);
  g_autofree char *id = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  basename = g_path_get_basename (name);
  lower = g_ascii_strdown (basename, -1);

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        g_string_append_c (part, *p);
      else if (part->len > 0 && part->str[part->len - 1] != '-')
        g_string_append_c (part, '-');
    }

  while (part->len > 0 && (part->str[part->len - 1] == '-'))
    g_string_truncate (part, part->len - 1);
  if (part->len > 0 && !g_ascii_islower (part->str[0]))
    g_string_prepend (part, "pack-");

  id = g_strdup_printf ("org.example.%s", part->len > 0 && part->len <= 63 ? part->str : "my-pack");
  if (!rapport_pack_id_is_valid (id))
    return g_strdup ("org.example.my-pack");

  return g_steal_pointer (&id);
}

/**
 * rapport_pack_skeleton_manifest:
 * @skeleton: what the pack says about itself
 * @topic_files: (array zero-terminated=1): its topic files, "topics/….xml"
 *
 * Returns: (transfer full): pack.json for a pack at version 1.0 that needs
 *   this version of Rapport, indented, with a final new line
 */
char *
rapport_pack_skeleton_manifest (const RapportPackSkeleton *skeleton,
                                const char * const        *topic_files)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (skeleton != NULL, NULL);
  g_return_val_if_fail (skeleton->id != NULL && skeleton->title != NULL, NULL);
  g_return_val_if_fail (skeleton->authors != NULL && skeleton->authors[0] != NULL, NULL);
  g_return_val_if_fail (skeleton->language != NULL && skeleton->license != NULL, NULL);
  g_return_val_if_fail (skeleton->description != NULL, NULL);
  g_return_val_if_fail (topic_files != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, skeleton->id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, skeleton->title);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, "1.0");
  json_builder_set_member_name (builder, "authors");
  json_builder_begin_array (builder);
  for (guint i = 0; skeleton->authors[i] != NULL; i++)
    json_builder_add_string_value (builder, skeleton->authors[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, skeleton->language);
  json_builder_set_member_name (builder, "license");
  json_builder_add_string_value (builder, skeleton->license);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, skeleton->description);
  json_builder_set_member_name (builder, "min_rapport_version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  for (guint i = 0; topic_files[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, topic_files[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, NULL);

  return g_strconcat (json, "\n", NULL);
}
