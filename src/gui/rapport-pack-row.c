/* rapport-pack-row.c: the rows of the Packs view's list: installed packs,
 * and damaged ones
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Titles and problems come from the pack's author or from its files: every
 * row shows them as plain text, never as markup.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-pack-row.h"
#include "rapport-problem.h"
#include "rapport-topic.h"

static char *
join_authors (RapportPack *pack)
{
  const char * const *authors = rapport_pack_get_authors (pack);

  if (authors == NULL || authors[0] == NULL)
    return g_strdup (_("Unknown author"));

  return g_strjoinv (", ", (char **) authors);
}

char *
rapport_pack_row_describe_version (RapportPack *pack)
{
  g_autofree char *authors = NULL;

  g_return_val_if_fail (RAPPORT_IS_PACK (pack), NULL);

  authors = join_authors (pack);

  /* Translators: a pack's version, then its authors, e.g. "Version 1.2 · Acme Training Team" */
  return g_strdup_printf (_("Version %s · %s"), rapport_pack_get_version (pack), authors);
}

/* An installed pack: its title, version and authors, and its topics. */
GtkWidget *
rapport_pack_row_new (RapportPack *pack,
                      GtkWidget   *remove_button)
{
  GListModel *topics;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *version = NULL;
  GtkWidget *row;

  g_return_val_if_fail (RAPPORT_IS_PACK (pack), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (remove_button), NULL);

  topics = rapport_pack_get_topics (pack);
  version = rapport_pack_row_describe_version (pack);
  row = adw_action_row_new ();

  g_string_append (subtitle, version);
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, i);

      g_string_append (subtitle, i == 0 ? "\n" : ", ");
      g_string_append (subtitle, rapport_topic_get_display_title (topic));
    }

  /* Titles come from the pack's author: plain text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_pack_get_title (pack));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button);

  return row;
}

/* "topics/refunds.xml:12: …": the place inside the pack, not the whole
 * path into the data folder.
 */
static char *
describe_broken_problem (RapportBrokenPack *broken)
{
  GPtrArray *problems = rapport_broken_pack_get_problems (broken);
  const RapportProblem *first = problems->pdata[0];
  g_autofree char *prefix = g_strconcat (rapport_broken_pack_get_folder (broken), G_DIR_SEPARATOR_S, NULL);
  g_autoptr(RapportProblem) shown = rapport_problem_copy (first);
  g_autofree char *text = NULL;

  if (shown->file != NULL && g_str_has_prefix (shown->file, prefix))
    {
      char *relative = g_strdup (shown->file + strlen (prefix));

      g_free (shown->file);
      shown->file = relative;
    }
  else if (g_strcmp0 (shown->file, rapport_broken_pack_get_folder (broken)) == 0)
    g_clear_pointer (&shown->file, g_free);

  text = shown->file != NULL ? rapport_problem_to_string (shown) : g_strdup (shown->message);
  if (problems->len == 1)
    /* Translators: the placeholder is "file:line: what is wrong" */
    return g_strdup_printf (_("This pack could not be loaded: %s"), text);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: "file:line: what is wrong", then how many more problems */
                                       "This pack could not be loaded: %s (and %u more problem)",
                                       "This pack could not be loaded: %s (and %u more problems)",
                                       problems->len - 1),
                          text, problems->len - 1);
}

/* A pack that is installed but cannot be loaded: what is wrong with it,
 * under @title, the title the store recorded (its own pack.json may be
 * what is damaged).
 */
GtkWidget *
rapport_pack_row_new_broken (RapportBrokenPack *broken,
                             const char        *title,
                             GtkWidget         *remove_button)
{
  g_autofree char *problem = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *icon;

  g_return_val_if_fail (RAPPORT_IS_BROKEN_PACK (broken), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (remove_button), NULL);

  problem = describe_broken_problem (broken);
  row = adw_action_row_new ();
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  subtitle = g_strdup_printf ("%s\n%s", problem,
                              _("Remove it, then import the pack file again."));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Damaged pack"),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button);
  gtk_widget_add_css_class (row, "rapport-broken-pack");

  return row;
}
