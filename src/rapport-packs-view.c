/* rapport-packs-view.c: the lesson packs a learner installed, and importing
 * new ones
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-error-dialog.h"
#include "rapport-pack-install.h"
#include "rapport-packs-view.h"
#include "rapport-paths.h"
#include "rapport-problem.h"
#include "rapport-quiz.h"
#include "rapport-topic.h"
#include "rapport-window.h"

struct _RapportPacksView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkStack               *stack;
  GtkListBox             *packs_list;
  GtkLabel               *summary_title_label;
  GtkLabel               *summary_details_label;
  GtkLabel               *summary_kind_label;
  GtkLabel               *summary_description_label;
  AdwPreferencesGroup    *topics_group;
  GtkListBox             *topics_list;
  AdwPreferencesGroup    *problems_group;
  GtkListBox             *problems_list;
  GtkButton              *install_button;

  /* owned */
  RapportApplication     *application;
  GtkFilterListModel     *installed;   /* the catalog's packs but the course */
  RapportPack            *pending;     /* shown on the summary page */
  GtkFileChooserNative   *chooser;

  /* state */
  RapportPackInstallKind  pending_kind;
};

G_DEFINE_FINAL_TYPE (RapportPacksView, rapport_packs_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (RapportPacksView *self,
            const char       *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast;

  if (!RAPPORT_IS_WINDOW (root))
    return;

  /* The outcome of what the learner just did replaces an older message
   * (such as the last install's) instead of waiting behind it.
   */
  toast = adw_toast_new (text);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  rapport_window_add_toast (RAPPORT_WINDOW (root), toast);
}

/* The list page, or the empty state when no pack is installed; the summary
 * page stays until the learner installs or cancels.
 */
static void
update_list_page (RapportPacksView *self)
{
  const char *page;

  if (self->pending != NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "summary") == 0)
    return;

  if (self->installed != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->installed)) > 0)
    page = "list";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
join_authors (RapportPack *pack)
{
  const char * const *authors = rapport_pack_get_authors (pack);

  if (authors == NULL || authors[0] == NULL)
    return g_strdup (_("Unknown author"));

  return g_strjoinv (", ", (char **) authors);
}

static char *
describe_version (RapportPack *pack)
{
  g_autofree char *authors = join_authors (pack);

  /* Translators: a pack's version, then its authors, e.g. "Version 1.2 · Acme Training Team" */
  return g_strdup_printf (_("Version %s · %s"), rapport_pack_get_version (pack), authors);
}

/* Removing */

static void
remove_pack (RapportPacksView *self,
             RapportPack      *pack,
             gboolean          keep_progress)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = rapport_paths_get_data_dir ();
  g_autofree char *toast = NULL;

  g_assert (RAPPORT_IS_PACKS_VIEW (self));

  if (!rapport_pack_remove (rapport_pack_get_id (pack), data_dir,
                            rapport_application_get_store (self->application),
                            keep_progress, &error))
    {
      rapport_show_error (GTK_WIDGET (self), _("Could Not Remove the Pack"), error);
      return;
    }

  /* Translators: the placeholder is a pack's title */
  toast = g_strdup_printf (_("“%s” removed"), rapport_pack_get_title (pack));
  show_toast (self, toast);
  rapport_application_reload_catalog (self->application);
}

static void
on_remove_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              RapportPacksView *self)
{
  RapportPack *pack = g_object_get_data (G_OBJECT (dialog), "pack");

  if (g_strcmp0 (response, "keep") == 0)
    remove_pack (self, pack, TRUE);
  else if (g_strcmp0 (response, "remove-progress") == 0)
    remove_pack (self, pack, FALSE);
}

static void
on_remove_button_clicked_cb (GtkButton        *button,
                             RapportPacksView *self)
{
  RapportPack *pack = g_object_get_data (G_OBJECT (button), "pack");
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Remove Pack?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: the placeholder is a pack's title */
                                  _("The topics of “%s” will no longer be shown. Your progress in them can be kept in case you install the pack again."),
                                  rapport_pack_get_title (pack));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove-progress", _("_Remove Progress Too"),
                                    "keep", _("_Keep Progress"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove-progress",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pack", g_object_ref (pack), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_dialog_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_pack_row_cb (gpointer item,
                    gpointer user_data)
{
  RapportPacksView *self = user_data;
  RapportPack *pack = item;
  GListModel *topics = rapport_pack_get_topics (pack);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *version = describe_version (pack);
  g_autofree char *accessible = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_string_append (subtitle, version);
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RapportTopic) topic = g_list_model_get_item (topics, i);

      g_string_append (subtitle, i == 0 ? "\n" : ", ");
      g_string_append (subtitle, rapport_topic_get_title (topic));
    }

  /* Titles come from the pack's author: plain text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_pack_get_title (pack));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove_button, "flat");
  gtk_widget_set_tooltip_text (remove_button, _("Remove Pack"));
  /* Translators: the placeholder is a pack's title */
  accessible = g_strdup_printf (_("Remove “%s”"), rapport_pack_get_title (pack));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (remove_button), "pack", g_object_ref (pack), g_object_unref);
  g_signal_connect_object (remove_button, "clicked", G_CALLBACK (on_remove_button_clicked_cb),
                           self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button);

  return row;
}

/* The summary page */

static void
add_problem_row (RapportPacksView *self,
                 const char       *text)
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

static GtkWidget *
create_topic_row (RapportTopic *topic)
{
  RapportQuiz *quiz = rapport_topic_get_quiz (topic);
  guint n_lessons = rapport_topic_get_n_lessons (topic);
  guint n_questions = quiz != NULL ? rapport_quiz_get_n_questions (quiz) : 0;
  g_autofree char *lessons = NULL;
  g_autofree char *questions = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (rapport_topic_get_icon_name (topic));

  lessons = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u lesson", "%u lessons", n_lessons),
                             n_lessons);
  questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", n_questions),
                               n_questions);
  /* Translators: "3 lessons · 5 questions" */
  subtitle = g_strdup_printf (_("%s · %s"), lessons, questions);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_topic_get_title (topic));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
show_pack (RapportPacksView *self,
           RapportPack      *pack,
           GPtrArray        *problems)
{
  GListModel *topics = rapport_pack_get_topics (pack);
  g_autofree char *data_dir = rapport_paths_get_data_dir ();
  g_autofree char *installed_version = NULL;
  g_autofree char *details = describe_version (pack);
  g_autofree char *kind = NULL;
  const char *install_label;

  g_set_object (&self->pending, pack);
  self->pending_kind = rapport_pack_get_install_kind (pack, data_dir, &installed_version);

  switch (self->pending_kind)
    {
    case RAPPORT_PACK_INSTALL_UPGRADE:
      if (installed_version != NULL)
        /* Translators: the placeholder is the version installed now */
        kind = g_strdup_printf (_("Upgrades version %s. Your progress is kept."), installed_version);
      else
        kind = g_strdup (_("Replaces the installed copy. Your progress is kept."));
      install_label = _("_Upgrade");
      break;

    case RAPPORT_PACK_INSTALL_REINSTALL:
      kind = g_strdup (_("This version is already installed. Installing it again keeps your progress."));
      install_label = _("_Reinstall");
      break;

    case RAPPORT_PACK_INSTALL_DOWNGRADE:
      /* Translators: the placeholder is the version installed now */
      kind = g_strdup_printf (_("This is older than the installed version %s."), installed_version);
      install_label = _("Install _Older Version");
      break;

    case RAPPORT_PACK_INSTALL_NEW:
    default:
      kind = g_strdup (_("New pack"));
      install_label = _("_Install");
      break;
    }

  gtk_label_set_text (self->summary_title_label, rapport_pack_get_title (pack));
  gtk_label_set_text (self->summary_details_label, details);
  gtk_label_set_text (self->summary_kind_label, kind);
  gtk_label_set_text (self->summary_description_label, rapport_pack_get_description (pack));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_description_label),
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
  if (self->pending_kind == RAPPORT_PACK_INSTALL_DOWNGRADE)
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
}

static void
show_invalid (RapportPacksView *self,
              GFile            *file,
              GPtrArray        *problems,
              const GError     *error)
{
  g_autofree char *name = g_file_get_basename (file);

  gtk_label_set_text (self->summary_title_label, name);
  gtk_label_set_text (self->summary_details_label, "");
  gtk_label_set_text (self->summary_kind_label, _("This pack cannot be installed."));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_description_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->topics_group), FALSE);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = rapport_problem_to_string (problems->pdata[i]);

      add_problem_row (self, text);
    }
  if (problems->len == 0 && error != NULL)
    add_problem_row (self, error->message);

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->install_button), FALSE);
}

static void
close_summary (RapportPacksView *self)
{
  g_clear_object (&self->pending);
  clear_list_box (self->topics_list);
  clear_list_box (self->problems_list);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_list_page (self);
}

/**
 * rapport_packs_view_open_file:
 * @file: a .rapportpack file
 *
 * Reads the pack and shows what it contains, or its problems, with a button
 * to install it. Nothing is written until the learner presses it.
 */
void
rapport_packs_view_open_file (RapportPacksView *self,
                              GFile            *file)
{
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (RAPPORT_IS_PACKS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->application != NULL);

  g_clear_object (&self->pending);
  clear_list_box (self->topics_list);
  clear_list_box (self->problems_list);

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Only packs stored on this computer can be imported."));
  else
    pack = rapport_pack_open (path,
                              rapport_application_get_topic_loader (self->application),
                              problems, &error);

  if (pack != NULL)
    show_pack (self, pack, problems);
  else
    show_invalid (self, file, problems, error);

  gtk_stack_set_visible_child_name (self->stack, "summary");
}

static void
install_pending (RapportPacksView        *self,
                 RapportPackInstallFlags  flags)
{
  g_autoptr(RapportPackInstallResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *toast = NULL;

  g_assert (RAPPORT_IS_PACKS_VIEW (self));
  g_assert (self->pending != NULL);

  data_dir = rapport_paths_ensure_data_dir (&error);
  if (data_dir == NULL ||
      !rapport_pack_install_pack (self->pending, data_dir,
                                  rapport_application_get_store (self->application),
                                  flags, &result, &error))
    {
      rapport_show_error (GTK_WIDGET (self), _("Could Not Install the Pack"), error);
      return;
    }

  if (result->kind == RAPPORT_PACK_INSTALL_UPGRADE || result->kind == RAPPORT_PACK_INSTALL_DOWNGRADE)
    /* Translators: a pack's title, then its version */
    toast = g_strdup_printf (_("“%s” is now at version %s"), result->title, result->version);
  else
    /* Translators: the placeholder is a pack's title */
    toast = g_strdup_printf (_("“%s” installed"), result->title);
  show_toast (self, toast);

  close_summary (self);
  rapport_application_reload_catalog (self->application);
}

static void
on_older_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             RapportPacksView *self)
{
  if (g_strcmp0 (response, "replace") == 0 && self->pending != NULL)
    install_pending (self, RAPPORT_PACK_INSTALL_ALLOW_OLDER);
}

static void
on_install_button_clicked_cb (RapportPacksView *self,
                              GtkButton        *button)
{
  GtkWidget *dialog;

  if (self->pending == NULL)
    return;

  if (self->pending_kind != RAPPORT_PACK_INSTALL_DOWNGRADE)
    {
      install_pending (self, RAPPORT_PACK_INSTALL_DEFAULT);
      return;
    }

  /* An older version may lack lessons the learner has done: ask first. */
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Install an Older Version?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: the placeholder is a pack's title */
                                  _("A newer version of “%s” is installed. Progress in lessons and questions the older version lacks will be lost."),
                                  rapport_pack_get_title (self->pending));
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
on_cancel_button_clicked_cb (RapportPacksView *self,
                             GtkButton        *button)
{
  close_summary (self);
}

gboolean
rapport_packs_view_get_can_go_back (RapportPacksView *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACKS_VIEW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "summary") == 0;
}

void
rapport_packs_view_go_back (RapportPacksView *self)
{
  g_return_if_fail (RAPPORT_IS_PACKS_VIEW (self));

  if (rapport_packs_view_get_can_go_back (self))
    close_summary (self);
}

static void
on_stack_visible_child_name_cb (RapportPacksView *self,
                                GParamSpec       *pspec,
                                GtkStack         *stack)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

/* Importing */

static void
on_chooser_response_cb (RapportPacksView     *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rapport_packs_view_open_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
rapport_packs_view_import_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RapportPacksView *self = RAPPORT_PACKS_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL || self->application == NULL)
    return;

  gtk_file_filter_set_name (filter, _("Lesson Packs"));
  gtk_file_filter_add_pattern (filter, "*" RAPPORT_PACK_FILE_SUFFIX);
  gtk_file_filter_add_mime_type (filter, "application/x-rapport-pack");

  self->chooser = gtk_file_chooser_native_new (_("Import Lesson Pack"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Set-up */

static gboolean
filter_installed_cb (gpointer item,
                     gpointer user_data)
{
  return g_strcmp0 (rapport_pack_get_id (item), RAPPORT_CORE_PACK_ID) != 0;
}

static void
on_installed_items_changed_cb (RapportPacksView *self,
                               guint             position,
                               guint             removed,
                               guint             added,
                               GListModel       *model)
{
  update_list_page (self);
}

void
rapport_packs_view_setup (RapportPacksView   *self,
                          RapportApplication *application)
{
  RapportCatalog *catalog;
  GtkCustomFilter *filter;

  g_return_if_fail (RAPPORT_IS_PACKS_VIEW (self));
  g_return_if_fail (RAPPORT_IS_APPLICATION (application));
  g_return_if_fail (self->application == NULL);

  self->application = g_object_ref (application);
  catalog = rapport_application_get_catalog (application);

  filter = gtk_custom_filter_new (filter_installed_cb, NULL, NULL);
  self->installed = gtk_filter_list_model_new (g_object_ref (rapport_catalog_get_packs (catalog)),
                                               GTK_FILTER (filter));
  gtk_list_box_bind_model (self->packs_list, G_LIST_MODEL (self->installed),
                           create_pack_row_cb, self, NULL);
  g_signal_connect_object (self->installed, "items-changed",
                           G_CALLBACK (on_installed_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_list_page (self);
}

static void
rapport_packs_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportPacksView *self = RAPPORT_PACKS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, rapport_packs_view_get_can_go_back (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_packs_view_dispose (GObject *object)
{
  RapportPacksView *self = RAPPORT_PACKS_VIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_PACKS_VIEW);
  g_clear_object (&self->installed);
  g_clear_object (&self->pending);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (rapport_packs_view_parent_class)->dispose (object);
}

static void
rapport_packs_view_class_init (RapportPacksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_packs_view_dispose;
  object_class->get_property = rapport_packs_view_get_property;

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/rapport-packs-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, packs_list);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, summary_title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, summary_details_label);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, summary_kind_label);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, summary_description_label);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, topics_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, topics_list);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, problems_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, problems_list);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, install_button);
  gtk_widget_class_bind_template_callback (widget_class, on_install_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_name_cb);

  gtk_widget_class_install_action (widget_class, "packs.import", NULL,
                                   rapport_packs_view_import_action);
}

static void
rapport_packs_view_init (RapportPacksView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
