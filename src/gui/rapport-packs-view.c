/* rapport-packs-view.c: the lesson packs a learner installed, and importing
 * new ones
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-broken-pack.h"
#include "rapport-catalog.h"
#include "rapport-error-dialog.h"
#include "rapport-pack-install.h"
#include "rapport-packs-view.h"
#include "rapport-paths.h"
#include "rapport-problem.h"
#include "rapport-quiz.h"
#include "rapport-toast.h"
#include "rapport-topic.h"

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
  AdwStatusPage          *working_page;

  /* owned */
  RapportApplication     *application;
  GListModel             *rows;        /* installed packs, then broken ones */
  GListStore             *missing;     /* recorded in the store, folder gone */
  RapportPack            *pending;     /* shown on the summary page */
  GtkFileChooserNative   *chooser;
  GCancellable           *cancellable; /* reading or installing a pack */

  /* state */
  RapportPackInstallKind  pending_kind;
  gboolean                installing;
  guint                   missing_id;
};

G_DEFINE_FINAL_TYPE (RapportPacksView, rapport_packs_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint show_toast_signal;

static void
show_toast (RapportPacksView *self,
            const char       *text)
{
  rapport_toast_emit (self, show_toast_signal, rapport_toast_new_urgent (text));
}

/* The list page, or the empty state when no pack is installed; the summary
 * page stays until the learner installs or cancels.
 */
static void
update_list_page (RapportPacksView *self)
{
  const char *page;

  const char *visible = gtk_stack_get_visible_child_name (self->stack);

  if (self->pending != NULL || g_strcmp0 (visible, "summary") == 0 ||
      g_strcmp0 (visible, "working") == 0)
    return;

  if (self->rows != NULL && g_list_model_get_n_items (self->rows) > 0)
    page = "list";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
cancel_work (RapportPacksView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/* Tasks hold the view weakly, so that closing the window disposes it (and
 * cancels what it was reading) at once.
 */
static GWeakRef *
weak_ref_new (RapportPacksView *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  return ref;
}

/* The view, unless it was closed meanwhile; @ref is freed. */
static RapportPacksView *
weak_ref_steal (GWeakRef *ref)
{
  RapportPacksView *self = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);

  /* Disposed but still referenced elsewhere: as good as gone. */
  if (self != NULL && self->application == NULL)
    g_clear_object (&self);

  return self;
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
             const char       *pack_id,
             const char       *title,
             gboolean          keep_progress)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = rapport_paths_get_data_dir ();
  g_autofree char *toast = NULL;

  g_assert (RAPPORT_IS_PACKS_VIEW (self));

  if (!rapport_pack_remove (pack_id, data_dir,
                            rapport_application_get_store (self->application),
                            keep_progress, &error))
    {
      rapport_show_error (GTK_WIDGET (self), _("Could Not Remove the Pack"), error);
      return;
    }

  /* Translators: the placeholder is a pack's title */
  toast = g_strdup_printf (_("“%s” removed"), title);
  show_toast (self, toast);
  rapport_application_reload_catalog (self->application);
}

static void
on_remove_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              RapportPacksView *self)
{
  const char *pack_id = g_object_get_data (G_OBJECT (dialog), "pack-id");
  const char *title = g_object_get_data (G_OBJECT (dialog), "title");

  if (g_strcmp0 (response, "keep") == 0)
    remove_pack (self, pack_id, title, TRUE);
  else if (g_strcmp0 (response, "remove-progress") == 0)
    remove_pack (self, pack_id, title, FALSE);
}

static void
on_remove_button_clicked_cb (GtkButton        *button,
                             RapportPacksView *self)
{
  const char *pack_id = g_object_get_data (G_OBJECT (button), "pack-id");
  const char *title = g_object_get_data (G_OBJECT (button), "title");
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Remove Pack?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: the placeholder is a pack's title */
                                  _("The topics of “%s” will no longer be shown. Your progress in them can be kept in case you install the pack again."),
                                  title);
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
  g_object_set_data_full (G_OBJECT (dialog), "pack-id", g_strdup (pack_id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "title", g_strdup (title), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_dialog_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_remove_button (RapportPacksView *self,
                      const char       *pack_id,
                      const char       *title)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *accessible = NULL;

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Pack"));
  /* Translators: the placeholder is a pack's title */
  accessible = g_strdup_printf (_("Remove “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "pack-id", g_strdup (pack_id), g_free);
  g_object_set_data_full (G_OBJECT (button), "title", g_strdup (title), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_button_clicked_cb),
                           self, 0);

  return button;
}

/* The title the store recorded when the pack was installed: a broken pack's
 * own pack.json may be what is damaged.
 */
static char *
lookup_recorded_title (RapportPacksView *self,
                       const char       *pack_id)
{
  RapportStore *store = rapport_application_get_store (self->application);
  g_autoptr(GPtrArray) records = NULL;

  if (store != NULL)
    records = rapport_store_list_packs (store, NULL);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      RapportStorePack *record = records->pdata[i];

      if (g_strcmp0 (record->id, pack_id) == 0 && record->title != NULL)
        return g_strdup (record->title);
    }

  return g_strdup (pack_id);
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

static GtkWidget *
create_broken_row (RapportPacksView  *self,
                   RapportBrokenPack *broken)
{
  const char *pack_id = rapport_broken_pack_get_id (broken);
  g_autofree char *title = lookup_recorded_title (self, pack_id);
  g_autofree char *problem = describe_broken_problem (broken);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

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
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_remove_button (self, pack_id, title));
  gtk_widget_add_css_class (row, "rapport-broken-pack");

  return row;
}

static GtkWidget *
create_pack_row_cb (gpointer item,
                    gpointer user_data)
{
  RapportPacksView *self = user_data;
  RapportPack *pack;
  GListModel *topics;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *version = NULL;
  GtkWidget *row;

  if (RAPPORT_IS_BROKEN_PACK (item))
    return create_broken_row (self, item);

  pack = item;
  topics = rapport_pack_get_topics (pack);
  version = describe_version (pack);
  row = adw_action_row_new ();

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
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_remove_button (self, rapport_pack_get_id (pack),
                                                   rapport_pack_get_title (pack)));

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
show_pack (RapportPacksView       *self,
           RapportPack            *pack,
           GPtrArray              *problems,
           RapportPackInstallKind  install_kind,
           const char             *installed_version)
{
  GListModel *topics = rapport_pack_get_topics (pack);
  g_autofree char *details = describe_version (pack);
  g_autofree char *kind = NULL;
  const char *install_label;

  g_set_object (&self->pending, pack);
  self->pending_kind = install_kind;

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
  cancel_work (self);
  g_clear_object (&self->pending);
  clear_list_box (self->topics_list);
  clear_list_box (self->problems_list);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_list_page (self);
}

/* Reading a pack takes a moment (a pack file may unpack to 64 MiB, every
 * topic is checked against the schema), so it happens in a worker thread
 * while the view shows a spinner; so does writing its files on install.
 */

static void
show_working (RapportPacksView *self,
              const char       *title,
              const char       *description)
{
  adw_status_page_set_title (self->working_page, title);
  adw_status_page_set_description (self->working_page, description);
  gtk_stack_set_visible_child_name (self->stack, "working");
}

typedef struct
{
  char                   *path;
  char                   *data_dir;
  RapportTopicLoader     *loader;
  /* the outcome */
  RapportPack            *pack;
  GPtrArray              *problems;
  GError                 *error;
  RapportPackInstallKind  kind;
  char                   *installed_version;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data->data_dir);
  g_clear_object (&data->loader);
  g_clear_object (&data->pack);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_clear_error (&data->error);
  g_free (data->installed_version);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;

  data->pack = rapport_pack_open (data->path, data->loader, data->problems, &data->error);
  if (data->pack != NULL)
    data->kind = rapport_pack_get_install_kind (data->pack, data->data_dir,
                                                &data->installed_version);

  g_task_return_boolean (task, TRUE);
}

static void
on_open_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RapportPacksView) self = weak_ref_steal (user_data);
  OpenData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GFile) file = NULL;

  /* Cancelled: another pack was opened meanwhile, or the window closed. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL) || self == NULL)
    return;

  g_clear_object (&self->cancellable);
  if (data->pack != NULL)
    show_pack (self, data->pack, data->problems, data->kind, data->installed_version);
  else
    {
      file = g_file_new_for_path (data->path);
      show_invalid (self, file, data->problems, data->error);
    }

  gtk_stack_set_visible_child_name (self->stack, "summary");
}

/**
 * rapport_packs_view_open_file:
 * @file: a .rapportpack file
 *
 * Reads the pack in the background and shows what it contains, or its
 * problems, with a button to install it. Nothing is written until the
 * learner presses it.
 */
void
rapport_packs_view_open_file (RapportPacksView *self,
                              GFile            *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  OpenData *data;

  g_return_if_fail (RAPPORT_IS_PACKS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->application != NULL);

  /* Stopping now would put the old version back: the learner waits. */
  if (self->installing)
    {
      show_toast (self, _("Another pack is being installed. Try again in a moment."));
      return;
    }

  cancel_work (self);
  g_clear_object (&self->pending);
  clear_list_box (self->topics_list);
  clear_list_box (self->problems_list);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Only packs stored on this computer can be imported."));

      show_invalid (self, file, problems, error);
      gtk_stack_set_visible_child_name (self->stack, "summary");
      return;
    }

  name = g_file_get_basename (file);
  show_working (self, _("Checking Pack…"), name);

  data = g_new0 (OpenData, 1);
  data->path = g_steal_pointer (&path);
  data->data_dir = rapport_paths_get_data_dir ();
  data->loader = g_object_ref (rapport_application_get_topic_loader (self->application));
  data->problems = rapport_problem_list_new ();

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, on_open_done_cb, weak_ref_new (self));
  g_task_set_source_tag (task, rapport_packs_view_open_file);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

/* Whether a pack is being read or installed. */
gboolean
rapport_packs_view_get_busy (RapportPacksView *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACKS_VIEW (self), FALSE);

  return self->cancellable != NULL || self->installing;
}

typedef struct
{
  RapportApplication      *application;
  RapportPack             *pack;
  char                    *data_dir;
  RapportPackInstallFlags  flags;
} InstallData;

static void
install_data_free (InstallData *data)
{
  g_clear_object (&data->application);
  g_clear_object (&data->pack);
  g_free (data->data_dir);
  g_free (data);
}

static void
install_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  InstallData *data = task_data;
  RapportPackInstallation *installation;
  GError *error = NULL;

  installation = rapport_pack_install_files (data->pack, data->data_dir, data->flags, &error);
  if (installation == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, installation, (GDestroyNotify) rapport_pack_installation_free);
}

static void
on_install_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RapportPacksView) self = weak_ref_steal (user_data);
  g_autoptr(RapportPackInstallation) installation = NULL;
  g_autoptr(RapportPackInstallResult) installed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  InstallData *data = g_task_get_task_data (G_TASK (result));

  /* An install the learner asked for is finished, and recorded in the
   * store, even when the window closed meanwhile: the application held on
   * for it.
   */
  g_application_unmark_busy (G_APPLICATION (data->application));
  g_application_release (G_APPLICATION (data->application));
  if (self != NULL)
    self->installing = FALSE;

  installation = g_task_propagate_pointer (G_TASK (result), &error);
  if (installation == NULL ||
      !rapport_pack_installation_commit (installation,
                                         rapport_application_get_store (data->application),
                                         &installed, &error))
    {
      if (self == NULL)
        {
          g_warning ("Could not install a pack: %s", error->message);
          return;
        }

      gtk_stack_set_visible_child_name (self->stack, "summary");
      rapport_show_error (GTK_WIDGET (self), _("Could Not Install the Pack"), error);
      return;
    }

  rapport_application_reload_catalog (data->application);
  if (self == NULL)
    return;

  if (installed->kind == RAPPORT_PACK_INSTALL_UPGRADE || installed->kind == RAPPORT_PACK_INSTALL_DOWNGRADE)
    /* Translators: a pack's title, then its version */
    toast = g_strdup_printf (_("“%s” is now at version %s"), installed->title, installed->version);
  else
    /* Translators: the placeholder is a pack's title */
    toast = g_strdup_printf (_("“%s” installed"), installed->title);
  show_toast (self, toast);

  close_summary (self);
}

static void
install_pending (RapportPacksView        *self,
                 RapportPackInstallFlags  flags)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  InstallData *data;

  g_assert (RAPPORT_IS_PACKS_VIEW (self));
  g_assert (self->pending != NULL);

  data_dir = rapport_paths_ensure_data_dir (&error);
  if (data_dir == NULL)
    {
      rapport_show_error (GTK_WIDGET (self), _("Could Not Install the Pack"), error);
      return;
    }

  /* Set before the page changes, so that Back is not offered meanwhile. */
  cancel_work (self);
  self->installing = TRUE;
  show_working (self, _("Installing Pack…"), rapport_pack_get_title (self->pending));

  data = g_new0 (InstallData, 1);
  data->application = g_object_ref (self->application);
  data->pack = g_object_ref (self->pending);
  data->data_dir = g_steal_pointer (&data_dir);
  data->flags = flags;

  /* Rapport stays running until the files are in place and recorded. */
  g_application_hold (G_APPLICATION (self->application));
  g_application_mark_busy (G_APPLICATION (self->application));
  task = g_task_new (NULL, NULL, on_install_done_cb, weak_ref_new (self));
  g_task_set_source_tag (task, install_pending);
  g_task_set_task_data (task, data, (GDestroyNotify) install_data_free);
  g_task_run_in_thread (task, install_thread);
}

static void
on_older_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             RapportPacksView *self)
{
  if (g_strcmp0 (response, "replace") == 0 && self->pending != NULL && !self->installing)
    install_pending (self, RAPPORT_PACK_INSTALL_ALLOW_OLDER);
}

static void
on_install_button_clicked_cb (RapportPacksView *self,
                              GtkButton        *button)
{
  GtkWidget *dialog;

  if (self->pending == NULL || self->installing)
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

  /* While a pack is being checked, going back cancels; while it is being
   * installed, it cannot.
   */
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "summary") == 0 ||
         (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "working") == 0 &&
          !self->installing);
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

/* The course's own problems are the developers' to fix: they are logged. */
static gboolean
filter_broken_cb (gpointer item,
                  gpointer user_data)
{
  const char *id = rapport_broken_pack_get_id (item);

  return id != NULL && g_strcmp0 (id, RAPPORT_CORE_PACK_ID) != 0;
}

/* Packs the store says are installed whose folder is gone altogether: the
 * catalog never sees them, but the learner should, to remove them (and
 * decide about their progress).
 */
static gboolean
update_missing_cb (gpointer user_data)
{
  RapportPacksView *self = user_data;
  RapportCatalog *catalog = rapport_application_get_catalog (self->application);
  RapportStore *store = rapport_application_get_store (self->application);
  g_autofree char *data_dir = rapport_paths_get_data_dir ();
  g_autofree char *packs_dir = rapport_pack_get_packs_dir (data_dir);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_object_unref);

  self->missing_id = 0;

  if (store != NULL && rapport_catalog_get_loaded (catalog))
    records = rapport_store_list_packs (store, NULL);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      RapportStorePack *record = records->pdata[i];
      g_autofree char *folder = g_build_filename (packs_dir, record->id, NULL);
      g_autoptr(GPtrArray) problems = NULL;

      if (g_strcmp0 (record->id, RAPPORT_CORE_PACK_ID) == 0 ||
          g_file_test (folder, G_FILE_TEST_EXISTS) ||
          rapport_catalog_lookup_pack (catalog, record->id) != NULL)
        continue;

      problems = rapport_problem_list_new ();
      rapport_problem_list_add (problems, folder, 0, "%s",
                                _("Its folder in your data folder is missing."));
      g_ptr_array_add (missing, rapport_broken_pack_new (folder, problems));
    }

  g_list_store_splice (self->missing, 0, g_list_model_get_n_items (G_LIST_MODEL (self->missing)),
                       missing->pdata, missing->len);

  return G_SOURCE_REMOVE;
}

static void
on_catalog_packs_changed_cb (RapportPacksView *self,
                             guint             position,
                             guint             removed,
                             guint             added,
                             GListModel       *packs)
{
  if (self->missing_id == 0)
    self->missing_id = g_idle_add (update_missing_cb, self);
}

static void
on_catalog_loaded_cb (RapportPacksView *self,
                      GParamSpec       *pspec,
                      RapportCatalog   *catalog)
{
  if (self->missing_id == 0)
    self->missing_id = g_idle_add (update_missing_cb, self);
}

static void
on_rows_items_changed_cb (RapportPacksView *self,
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
  GtkFilterListModel *installed;
  GtkFilterListModel *broken;
  GListStore *parts;

  g_return_if_fail (RAPPORT_IS_PACKS_VIEW (self));
  g_return_if_fail (RAPPORT_IS_APPLICATION (application));
  g_return_if_fail (self->application == NULL);

  self->application = g_object_ref (application);
  catalog = rapport_application_get_catalog (application);

  installed = gtk_filter_list_model_new (g_object_ref (rapport_catalog_get_packs (catalog)),
                                         GTK_FILTER (gtk_custom_filter_new (filter_installed_cb,
                                                                            NULL, NULL)));
  broken = gtk_filter_list_model_new (g_object_ref (rapport_catalog_get_broken_packs (catalog)),
                                      GTK_FILTER (gtk_custom_filter_new (filter_broken_cb,
                                                                         NULL, NULL)));
  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  self->missing = g_list_store_new (RAPPORT_TYPE_BROKEN_PACK);
  g_list_store_append (parts, installed);
  g_list_store_append (parts, broken);
  g_list_store_append (parts, self->missing);
  g_object_unref (installed);
  g_object_unref (broken);
  self->rows = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));

  gtk_list_box_bind_model (self->packs_list, self->rows, create_pack_row_cb, self, NULL);
  g_signal_connect_object (self->rows, "items-changed",
                           G_CALLBACK (on_rows_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (rapport_catalog_get_packs (catalog), "items-changed",
                           G_CALLBACK (on_catalog_packs_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (catalog, "notify::loaded",
                           G_CALLBACK (on_catalog_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  update_missing_cb (self);
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
  cancel_work (self);
  g_clear_handle_id (&self->missing_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_PACKS_VIEW);
  g_clear_object (&self->rows);
  g_clear_object (&self->missing);
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
  show_toast_signal = rapport_toast_signal_new (G_TYPE_FROM_CLASS (klass));

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
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, working_page);
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
