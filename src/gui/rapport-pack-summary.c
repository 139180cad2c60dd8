/* rapport-pack-summary.c: the page that shows a pack before it is
 * installed: what it holds, what installing it would do, or its problems
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-pack-row.h"
#include "rapport-pack-summary.h"
#include "rapport-problem.h"
#include "rapport-quiz.h"
#include "rapport-topic.h"

struct _RapportPackSummary
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkScrolledWindow      *scroller;
  GtkLabel               *title_label;
  GtkLabel               *details_label;
  GtkLabel               *kind_label;
  GtkLabel               *description_label;
  AdwPreferencesGroup    *topics_group;
  GtkListBox             *topics_list;
  AdwPreferencesGroup    *problems_group;
  GtkListBox             *problems_list;
  GtkButton              *cancel_button;
  GtkButton              *remove_button;
  GtkButton              *install_button;

  /* owned */
  RapportPack            *pack;          /* shown with an install button */
  char                   *broken_id;     /* an installed pack that cannot be loaded */
  char                   *broken_title;

  /* state */
  RapportPackInstallKind  install_kind;
};

G_DEFINE_FINAL_TYPE (RapportPackSummary, rapport_pack_summary, GTK_TYPE_WIDGET)

enum {
  INSTALL,
  CANCEL,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What installing a pack would do, for its summary page, and the label of
 * the button that does it (in *@install_label).
 */
static char *
describe_install (RapportPackInstallKind   kind,
                  const char              *installed_version,
                  const char             **install_label)
{
  char *description;

  switch (kind)
    {
    case RAPPORT_PACK_INSTALL_UPGRADE:
      if (installed_version != NULL)
        /* Translators: the placeholder is the version installed now */
        description = g_strdup_printf (_("Upgrades version %s. Your progress is kept."), installed_version);
      else
        description = g_strdup (_("Replaces the installed copy. Your progress is kept."));
      *install_label = _("_Upgrade");
      break;

    case RAPPORT_PACK_INSTALL_REINSTALL:
      description = g_strdup (_("This version is already installed. Installing it again keeps your progress."));
      *install_label = _("_Reinstall");
      break;

    case RAPPORT_PACK_INSTALL_DOWNGRADE:
      /* Translators: the placeholder is the version installed now */
      description = g_strdup_printf (_("This is older than the installed version %s."), installed_version);
      *install_label = _("Install _Older Version");
      break;

    case RAPPORT_PACK_INSTALL_NEW:
    default:
      description = g_strdup (_("New pack"));
      *install_label = _("_Install");
      break;
    }

  return description;
}

/* A topic of a pack being imported, with how much it holds. */
static GtkWidget *
create_topic_row (RapportTopic *topic)
{
  RapportQuiz *quiz;
  guint n_lessons;
  guint n_questions;
  g_autofree char *lessons = NULL;
  g_autofree char *questions = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *icon;

  quiz = rapport_topic_get_quiz (topic);
  n_lessons = rapport_topic_get_n_lessons (topic);
  n_questions = quiz != NULL ? rapport_quiz_get_n_questions (quiz) : 0;
  row = adw_action_row_new ();
  icon = gtk_image_new_from_icon_name (rapport_topic_get_icon_name (topic));

  lessons = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u lesson", "%u lessons", n_lessons),
                             n_lessons);
  questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", n_questions),
                               n_questions);
  /* Translators: "3 lessons · 5 questions" */
  subtitle = g_strdup_printf (_("%s · %s"), lessons, questions);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_topic_get_display_title (topic));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

/* One problem of a pack being imported, "file:line: what is wrong", in a
 * label the learner can select and copy for the pack's author.
 */
static void
add_problem_row (RapportPackSummary *self,
                 const char         *text)
{
  GtkWidget *label = gtk_label_new (text);


  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "monospace");
  gtk_list_box_append (self->problems_list, label);
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Empties the lists, for the next pack. */
void
rapport_pack_summary_clear (RapportPackSummary *self)
{
  g_return_if_fail (RAPPORT_IS_PACK_SUMMARY (self));

  g_clear_object (&self->pack);
  g_clear_pointer (&self->broken_id, g_free);
  g_clear_pointer (&self->broken_title, g_free);
  clear_list_box (self->topics_list);
  clear_list_box (self->problems_list);
}

/**
 * rapport_pack_summary_show_pack:
 * @pack: a pack that can be installed
 * @problems: (nullable): problems to show with it
 * @install_kind: what installing it would do
 * @installed_version: (nullable): the version installed now
 *
 * Shows @pack with a button to install it (after rapport_pack_summary_clear()).
 */
void
rapport_pack_summary_show_pack (RapportPackSummary     *self,
                                RapportPack            *pack,
                                GPtrArray              *problems,
                                RapportPackInstallKind  install_kind,
                                const char             *installed_version)
{
  GListModel *topics;
  g_autofree char *details = NULL;
  g_autofree char *kind = NULL;
  const char *install_label;

  g_return_if_fail (RAPPORT_IS_PACK_SUMMARY (self));
  g_return_if_fail (RAPPORT_IS_PACK (pack));

  g_set_object (&self->pack, pack);
  self->install_kind = install_kind;
  topics = rapport_pack_get_topics (pack);
  details = rapport_pack_row_describe_version (pack);
  kind = describe_install (install_kind, installed_version, &install_label);

  gtk_label_set_text (self->title_label, rapport_pack_get_title (pack));
  gtk_label_set_text (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), TRUE);
  gtk_label_set_text (self->kind_label, kind);
  gtk_label_set_text (self->description_label, rapport_pack_get_description (pack));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          rapport_pack_get_description (pack) != NULL);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, i);

      gtk_list_box_append (self->topics_list, create_topic_row (topic));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->topics_group), TRUE);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *text = rapport_problem_to_string (problems->pdata[i]);

      add_problem_row (self, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems != NULL && problems->len > 0);

  gtk_button_set_label (self->install_button, install_label);
  if (install_kind == RAPPORT_PACK_INSTALL_DOWNGRADE)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->install_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->install_button), "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->install_button), "destructive-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->install_button), "suggested-action");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->install_button), TRUE);
  gtk_button_set_label (self->cancel_button, _("_Cancel"));
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), FALSE);
  adw_preferences_group_set_description (self->problems_group,
                                         _("The pack’s author needs to fix these. Nothing of this pack was kept."));
}

/* Which files of a damaged pack the problems are in, then what the learner
 * or the trainer can do about it.
 */
static char *
describe_damage (GPtrArray  *problems,
                 const char *folder,
                 const char *advice)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  g_autofree char *where = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *file = rapport_pack_row_problem_file (problems->pdata[i], folder);
      g_autofree char *quoted = NULL;

      if (file == NULL)
        continue;
      /* Translators: a file name, quoted in a list of files */
      quoted = g_strdup_printf (_("“%s”"), file);
      if (!g_ptr_array_find_with_equal_func (files, quoted, g_str_equal, NULL))
        g_ptr_array_add (files, g_steal_pointer (&quoted));
    }

  if (files->len == 0)
    return g_strdup (advice);

  /* Where each problem was found, which is where the fix goes (a changed
   * topic is reported on its line of pack.json, by checksum).
   */
  g_ptr_array_add (files, NULL);
  /* Translators: the separator of a list of file names */
  list = g_strjoinv (_(", "), (char **) files->pdata);
  /* Translators: the placeholder is a list of quoted file names: “pack.json”, “topics/refunds.xml” */
  where = g_strdup_printf (_("Where to look: %s."), list);

  return g_strconcat (where, " ", advice, NULL);
}

/* A damaged pack's page: its problems, what to do, and Close (and Remove,
 * when @remove_id is installed).
 */
static void
show_damaged (RapportPackSummary *self,
              const char         *title,
              const char         *kind,
              const char         *advice,
              const char         *remove_id)
{
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->details_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), FALSE);
  gtk_label_set_text (self->kind_label, kind);
  gtk_label_set_text (self->description_label, advice);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->topics_group), FALSE);
  adw_preferences_group_set_description (self->problems_group, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->install_button), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), remove_id != NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
}

/**
 * rapport_pack_summary_show_invalid:
 * @file: the pack file that was read
 * @problems: what is wrong with it
 * @error: (nullable): shown when there are no @problems
 *
 * Shows why @file cannot be installed, without an install button (after
 * rapport_pack_summary_clear()).
 */
void
rapport_pack_summary_show_invalid (RapportPackSummary *self,
                                   GFile              *file,
                                   GPtrArray          *problems,
                                   const GError       *error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *advice = NULL;

  g_return_if_fail (RAPPORT_IS_PACK_SUMMARY (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (problems != NULL);

  name = g_file_get_basename (file);
  folder = g_file_get_parent (file);
  folder_path = folder != NULL ? g_file_get_path (folder) : NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = rapport_pack_row_describe_problem (problems->pdata[i], folder_path);

      add_problem_row (self, text);
    }
  if (problems->len == 0 && error != NULL)
    add_problem_row (self, error->message);

  advice = describe_damage (problems, folder_path,
                            _("Whoever made the pack can correct it, check it with "
                              "“rapport-pack validate” and build the pack file again. "
                              "Nothing was installed."));
  show_damaged (self, name, _("This pack cannot be installed."), advice, NULL);
}

/**
 * rapport_pack_summary_show_broken:
 * @broken: an installed pack that cannot be loaded
 * @title: the title recorded when it was installed
 *
 * Shows every problem of @broken, with the files named inside the pack, and
 * a button to remove it (after rapport_pack_summary_clear()).
 */
void
rapport_pack_summary_show_broken (RapportPackSummary *self,
                                  RapportBrokenPack  *broken,
                                  const char         *title)
{
  GPtrArray *problems;
  const char *folder;
  g_autofree char *advice = NULL;

  g_return_if_fail (RAPPORT_IS_PACK_SUMMARY (self));
  g_return_if_fail (RAPPORT_IS_BROKEN_PACK (broken));
  g_return_if_fail (title != NULL);

  problems = rapport_broken_pack_get_problems (broken);
  folder = rapport_broken_pack_get_folder (broken);
  g_free (self->broken_id);
  self->broken_id = g_strdup (rapport_broken_pack_get_id (broken));
  g_free (self->broken_title);
  self->broken_title = g_strdup (title);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = rapport_pack_row_describe_problem (problems->pdata[i], folder);

      add_problem_row (self, text);
    }

  advice = describe_damage (problems, folder,
                            _("Remove the pack, then import its pack file again; a corrected "
                              "one if the pack’s author has fixed it. Your progress in it can "
                              "be kept."));
  show_damaged (self, title, _("This installed pack cannot be loaded, so its topics are not shown."),
                advice, self->broken_id);
}

static void
on_older_dialog_response_cb (AdwMessageDialog   *dialog,
                             const char         *response,
                             RapportPackSummary *self)
{
  if (g_strcmp0 (response, "replace") == 0)
    g_signal_emit (self, signals[INSTALL], 0, RAPPORT_PACK_INSTALL_ALLOW_OLDER);
}

static void
on_install_button_clicked_cb (RapportPackSummary *self,
                              GtkButton          *button)
{
  GtkWidget *dialog;

  if (self->pack == NULL)
    return;

  if (self->install_kind != RAPPORT_PACK_INSTALL_DOWNGRADE)
    {
      g_signal_emit (self, signals[INSTALL], 0, RAPPORT_PACK_INSTALL_DEFAULT);
      return;
    }

  /* An older version may lack lessons the learner has done: ask first. */
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Install an Older Version?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: the placeholder is a pack's title */
                                  _("A newer version of “%s” is installed. Progress in lessons and questions the older version lacks will be lost."),
                                  rapport_pack_get_title (self->pack));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Install Older Version"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_older_dialog_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_cancel_button_clicked_cb (RapportPackSummary *self,
                             GtkButton          *button)
{
  g_signal_emit (self, signals[CANCEL], 0);
}

static void
on_remove_button_clicked_cb (RapportPackSummary *self,
                             GtkButton          *button)
{
  if (self->broken_id != NULL)
    g_signal_emit (self, signals[REMOVE], 0, self->broken_id, self->broken_title);
}

static void
rapport_pack_summary_dispose (GObject *object)
{
  RapportPackSummary *self = RAPPORT_PACK_SUMMARY (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_PACK_SUMMARY);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->broken_id, g_free);
  g_clear_pointer (&self->broken_title, g_free);

  G_OBJECT_CLASS (rapport_pack_summary_parent_class)->dispose (object);
}

static void
rapport_pack_summary_class_init (RapportPackSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_pack_summary_dispose;

  /** RapportPackSummary::install: @flags: #RapportPackInstallFlags, with
   * %RAPPORT_PACK_INSTALL_ALLOW_OLDER once the learner confirmed going back
   * to an older version
   */
  signals[INSTALL] =
    g_signal_new ("install", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /** RapportPackSummary::cancel: the learner does not want the pack */
  signals[CANCEL] =
    g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /** RapportPackSummary::remove: @pack_id and @title: the learner wants
   * the damaged installed pack removed
   */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/rapport-pack-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportPackSummary, scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportPackSummary, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportPackSummary, details_label);
  gtk_widget_class_bind_template_child (widget_class, RapportPackSummary, kind_label);
  gtk_widget_class_bind_template_child (widget_class, RapportPackSummary, description_label);
  gtk_widget_class_bind_template_child (widget_class, RapportPackSummary, topics_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPackSummary, topics_list);
  gtk_widget_class_bind_template_child (widget_class, RapportPackSummary, problems_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPackSummary, problems_list);
  gtk_widget_class_bind_template_child (widget_class, RapportPackSummary, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RapportPackSummary, remove_button);
  gtk_widget_class_bind_template_child (widget_class, RapportPackSummary, install_button);
  gtk_widget_class_bind_template_callback (widget_class, on_install_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_button_clicked_cb);
}

static void
rapport_pack_summary_init (RapportPackSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
