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

/**
 * rapport_pack_row_problem_file:
 * @folder: (nullable): the pack's folder
 *
 * Returns: (transfer full) (nullable): the file @problem is in as a trainer
 * names it, "topics/refunds.xml": inside the pack, not the whole path into
 * the data folder (%NULL when the problem is with the folder itself)
 */
char *
rapport_pack_row_problem_file (const RapportProblem *problem,
                               const char           *folder)
{
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->file == NULL || g_strcmp0 (problem->file, folder) == 0)
    return NULL;

  if (folder != NULL)
    {
      prefix = g_strconcat (folder, G_DIR_SEPARATOR_S, NULL);
      if (g_str_has_prefix (problem->file, prefix))
        return g_strdup (problem->file + strlen (prefix));
    }

  return g_strdup (problem->file);
}

/**
 * rapport_pack_row_describe_problem:
 * @folder: (nullable): the pack's folder
 *
 * Returns: (transfer full): "topics/refunds.xml:12: …", with the file named
 * as rapport_pack_row_problem_file() does
 */
char *
rapport_pack_row_describe_problem (const RapportProblem *problem,
                                   const char           *folder)
{
  g_autoptr(RapportProblem) shown = NULL;

  g_return_val_if_fail (problem != NULL, NULL);

  shown = rapport_problem_copy (problem);
  g_free (shown->file);
  shown->file = rapport_pack_row_problem_file (problem, folder);

  return shown->file != NULL ? rapport_problem_to_string (shown) : g_strdup (shown->message);
}

static char *
describe_broken_problem (RapportBrokenPack *broken)
{
  GPtrArray *problems = rapport_broken_pack_get_problems (broken);
  g_autofree char *text = rapport_pack_row_describe_problem (problems->pdata[0],
                                                             rapport_broken_pack_get_folder (broken));

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
  GtkWidget *open_icon;

  g_return_val_if_fail (RAPPORT_IS_BROKEN_PACK (broken), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (remove_button), NULL);

  problem = describe_broken_problem (broken);
  row = adw_action_row_new ();
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  open_icon = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (open_icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);

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
  /* The row opens a page with every problem and what to do about them. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open_icon);
  gtk_widget_add_css_class (row, "rapport-broken-pack");

  return row;
}
