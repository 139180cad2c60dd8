/* rapport-packs-view.c: the lesson packs a learner installed, and importing
 * new ones
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-broken-pack.h"
#include "rapport-error-dialog.h"
#include "rapport-file-chooser.h"
#include "rapport-pack-import.h"
#include "rapport-pack-row.h"
#include "rapport-pack-summary.h"
#include "rapport-packs-view-private.h"
#include "rapport-paths.h"
#include "rapport-problem.h"
#include "rapport-toast.h"

G_DEFINE_FINAL_TYPE (RapportPacksView, rapport_packs_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CATALOG_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static guint show_toast_signal;

void
rapport_packs_view_show_toast (RapportPacksView *self,
                               AdwToast         *toast)
{
  rapport_toast_emit (self, show_toast_signal, toast);
}

static void
show_toast (RapportPacksView *self,
            const char       *text)
{
  rapport_packs_view_show_toast (self, rapport_toast_new_urgent (text));
}

void
rapport_packs_view_emit_catalog_changed (RapportPacksView *self)
{
  g_signal_emit (self, signals[CATALOG_CHANGED], 0);
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

/* Reading a pack holds the view weakly, so that closing the window
 * disposes it (and cancels what it was reading) at once.
 */
typedef struct
{
  GWeakRef  view;
  GFile    *file;
} OpenRequest;

static OpenRequest *
open_request_new (RapportPacksView *self,
                  GFile            *file)
{
  OpenRequest *request = g_new0 (OpenRequest, 1);

  g_weak_ref_init (&request->view, self);
  request->file = g_object_ref (file);
  return request;
}

/* The view, unless it was closed meanwhile; @request is freed, and its
 * file handed to *@file.
 */
static RapportPacksView *
open_request_steal (OpenRequest  *request,
                    GFile       **file)
{
  RapportPacksView *self = g_weak_ref_get (&request->view);

  g_weak_ref_clear (&request->view);
  *file = request->file;
  g_free (request);

  /* Disposed but still referenced elsewhere: as good as gone. */
  if (self != NULL && self->catalog == NULL)
    g_clear_object (&self);

  return self;
}

/* A damaged pack's row opens its page: every problem, and what to do. */
static void
on_broken_row_activated_cb (RapportPacksView *self,
                            AdwActionRow     *row)
{
  if (self->installing)
    return;

  cancel_work (self);
  g_clear_object (&self->pending);
  rapport_pack_summary_clear (self->summary);
  rapport_pack_summary_show_broken (self->summary, g_object_get_data (G_OBJECT (row), "broken-pack"),
                                    g_object_get_data (G_OBJECT (row), "title"));
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

static GtkWidget *
create_pack_row_cb (gpointer item,
                    gpointer user_data)
{
  RapportPacksView *self = user_data;
  g_autofree char *title = NULL;
  const char *pack_id;
  GtkWidget *row;

  if (RAPPORT_IS_BROKEN_PACK (item))
    {
      pack_id = rapport_broken_pack_get_id (item);
      title = rapport_packs_view_lookup_recorded_title (self, pack_id);
      row = rapport_pack_row_new_broken (item, title,
                                         rapport_packs_view_create_remove_button (self, pack_id, title));
      g_object_set_data_full (G_OBJECT (row), "broken-pack", g_object_ref (item), g_object_unref);
      g_object_set_data_full (G_OBJECT (row), "title", g_steal_pointer (&title), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_broken_row_activated_cb), self,
                               G_CONNECT_SWAPPED);

      return row;
    }

  return rapport_pack_row_new (item,
                               rapport_packs_view_create_remove_button (self, rapport_pack_get_id (item),
                                                                        rapport_pack_get_title (item)));
}

/* The summary page */

static void
close_summary (RapportPacksView *self)
{
  cancel_work (self);
  g_clear_object (&self->pending);
  rapport_pack_summary_clear (self->summary);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_list_page (self);
}

/* Back to the list from the summary page (or from the spinner while a pack
 * is read); nothing is installed.
 */
void
rapport_packs_view_close_summary (RapportPacksView *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (visible, "summary") != 0 && g_strcmp0 (visible, "working") != 0)
    return;

  close_summary (self);
}

/* Reading a pack, and writing its files on install, happen in a worker
 * thread (rapport-pack-import.c) while the view shows a spinner.
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

static void
on_open_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(RapportPacksView) self = open_request_steal (user_data, &file);
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(RapportPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *installed_version = NULL;
  RapportPackInstallKind kind = RAPPORT_PACK_INSTALL_NEW;

  pack = rapport_pack_open_finish (result, problems, &kind, &installed_version, &error);

  /* Cancelled: another pack was opened meanwhile, or the window closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self == NULL)
    return;

  g_clear_object (&self->cancellable);
  if (pack != NULL)
    {
      g_set_object (&self->pending, pack);
      rapport_pack_summary_show_pack (self->summary, pack, problems, kind, installed_version);
    }
  else
    rapport_pack_summary_show_invalid (self->summary, file, problems, error);

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
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *data_dir = NULL;

  g_return_if_fail (RAPPORT_IS_PACKS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->catalog != NULL);

  /* Stopping now would put the old version back: the learner waits. */
  if (self->installing)
    {
      show_toast (self, _("Another pack is being installed. Try again in a moment."));
      return;
    }

  cancel_work (self);
  g_clear_object (&self->pending);
  rapport_pack_summary_clear (self->summary);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Only packs stored on this computer can be imported."));

      rapport_pack_summary_show_invalid (self->summary, file, problems, error);
      gtk_stack_set_visible_child_name (self->stack, "summary");
      return;
    }

  name = g_file_get_basename (file);
  show_working (self, _("Checking Pack…"), name);

  data_dir = rapport_paths_get_data_dir ();
  self->cancellable = g_cancellable_new ();
  rapport_pack_open_async (path, data_dir, self->loader, self->cancellable,
                           on_open_done_cb, open_request_new (self, file));
}

/* Whether a pack is being read or installed. */
gboolean
rapport_packs_view_get_busy (RapportPacksView *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACKS_VIEW (self), FALSE);

  return self->cancellable != NULL || self->installing;
}

/* What the learner installed the pack for: its (first) topic is one
 * click away, in the window's Learn view.
 */
static AdwToast *
create_installed_toast (RapportPack *pack,
                        const char  *title)
{
  AdwToast *toast = rapport_toast_new_urgent (title);
  GListModel *topics = pack != NULL ? rapport_pack_get_topics (pack) : NULL;
  g_autoptr(RapportTopic) first = NULL;
  guint n_topics;

  if (topics == NULL || (n_topics = g_list_model_get_n_items (topics)) == 0)
    return toast;

  first = g_list_model_get_item (topics, 0);
  adw_toast_set_button_label (toast, n_topics == 1 ? _("_Open Topic") : _("Open _First Topic"));
  adw_toast_set_action_name (toast, "win.open-topic");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", rapport_pack_get_id (pack),
                                                           rapport_topic_get_key (first)));
  /* Until dismissed or replaced: the offer is worth more than five seconds. */
  adw_toast_set_timeout (toast, 0);

  return toast;
}

/* An install holds the view and the application until it is recorded in
 * the store, even when the window closes meanwhile: the learner asked for
 * it, and the catalog must hear of it.
 */
typedef struct
{
  RapportPacksView *view;
  GApplication     *application;   /* NULL outside an application window */
} InstallRequest;

static void
on_install_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  InstallRequest *request = user_data;
  g_autoptr(RapportPacksView) self = request->view;
  g_autoptr(GApplication) application = request->application;
  g_autoptr(RapportPackInstallResult) installed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  gboolean gone;

  g_free (request);

  /* An install the learner asked for is finished, and recorded in the
   * store, even when the window closed meanwhile: the application held on
   * for it.
   */
  installed = rapport_pack_install_finish (result, &error);
  if (application != NULL)
    {
      g_application_unmark_busy (application);
      g_application_release (application);
    }
  self->installing = FALSE;

  /* Closed (or disposed) meanwhile: as good as gone. */
  gone = self->catalog == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL;

  if (installed == NULL)
    {
      if (gone)
        {
          g_warning ("Could not install a pack: %s", error->message);
          return;
        }

      gtk_stack_set_visible_child_name (self->stack, "summary");
      rapport_show_error (GTK_WIDGET (self), _("Could Not Install the Pack"), error);
      return;
    }

  rapport_packs_view_emit_catalog_changed (self);
  if (gone)
    return;

  if (installed->kind == RAPPORT_PACK_INSTALL_UPGRADE || installed->kind == RAPPORT_PACK_INSTALL_DOWNGRADE)
    /* Translators: a pack's title, then its version */
    toast = g_strdup_printf (_("“%s” is now at version %s"), installed->title, installed->version);
  else
    /* Translators: the placeholder is a pack's title */
    toast = g_strdup_printf (_("“%s” installed"), installed->title);
  rapport_packs_view_show_toast (self, create_installed_toast (self->pending, toast));

  close_summary (self);
}

static void
install_pending (RapportPacksView        *self,
                 RapportPackInstallFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  InstallRequest *request;
  GtkRoot *root;

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

  root = gtk_widget_get_root (GTK_WIDGET (self));
  request = g_new0 (InstallRequest, 1);
  request->view = g_object_ref (self);
  if (GTK_IS_WINDOW (root) && gtk_window_get_application (GTK_WINDOW (root)) != NULL)
    request->application = g_object_ref (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (root))));

  /* Rapport stays running until the files are in place and recorded. */
  if (request->application != NULL)
    {
      g_application_hold (request->application);
      g_application_mark_busy (request->application);
    }
  rapport_pack_install_async (self->pending, data_dir, self->store, flags,
                              on_install_done_cb, request);
}

/* The summary page asked first when the pack is older than the one installed. */
static void
on_summary_install_cb (RapportPacksView        *self,
                       RapportPackInstallFlags  flags,
                       RapportPackSummary      *summary)
{
  if (self->pending == NULL || self->installing)
    return;

  install_pending (self, flags);
}

static void
on_summary_cancel_cb (RapportPacksView   *self,
                      RapportPackSummary *summary)
{
  close_summary (self);
}

static void
on_summary_remove_cb (RapportPacksView   *self,
                      const char         *pack_id,
                      const char         *title,
                      RapportPackSummary *summary)
{
  rapport_packs_view_ask_remove (self, pack_id, title);
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

  /* One chooser at a time: it is cleared when it answers. */
  if (self->chooser != NULL || self->catalog == NULL)
    return;

  gtk_file_filter_set_name (filter, _("Lesson Packs"));
  gtk_file_filter_add_pattern (filter, "*" RAPPORT_PACK_FILE_SUFFIX);
  gtk_file_filter_add_mime_type (filter, "application/x-rapport-pack");

  rapport_file_chooser_show (&self->chooser, widget, GTK_FILE_CHOOSER_ACTION_OPEN,
                             _("Import Lesson Pack"), _("_Import"), NULL, filter,
                             G_CALLBACK (on_chooser_response_cb), self);
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

/* Packs the store says are installed whose folder is gone altogether. */
static gboolean
update_missing_cb (gpointer user_data)
{
  RapportPacksView *self = user_data;
  g_autofree char *data_dir = rapport_paths_get_data_dir ();
  g_autoptr(GPtrArray) missing = NULL;

  self->missing_id = 0;

  missing = rapport_catalog_list_missing_packs (self->catalog, self->store, data_dir);
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

/**
 * rapport_packs_view_setup:
 * @store: (nullable): the learner's store, %NULL when it could not be opened
 * @catalog: the packs that are installed
 * @loader: checks the topic files of a pack being imported
 *
 * Once, before the view is used. After installing or removing a pack, the
 * view emits #RapportPacksView::catalog-changed for @catalog to be read
 * again.
 */
void
rapport_packs_view_setup (RapportPacksView   *self,
                          RapportStore       *store,
                          RapportCatalog     *catalog,
                          RapportTopicLoader *loader)
{
  GtkFilterListModel *installed;
  GtkFilterListModel *broken;
  GListStore *parts;

  g_return_if_fail (RAPPORT_IS_PACKS_VIEW (self));
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));
  g_return_if_fail (RAPPORT_IS_CATALOG (catalog));
  g_return_if_fail (RAPPORT_IS_TOPIC_LOADER (loader));
  g_return_if_fail (self->catalog == NULL);

  g_set_object (&self->store, store);
  self->catalog = g_object_ref (catalog);
  self->loader = g_object_ref (loader);

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

  rapport_file_chooser_clear (&self->chooser);
  cancel_work (self);
  g_clear_handle_id (&self->missing_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_PACKS_VIEW);
  g_clear_object (&self->rows);
  g_clear_object (&self->missing);
  g_clear_object (&self->pending);
  g_clear_object (&self->loader);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);

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

  /** RapportPacksView::catalog-changed: a pack was installed or removed */
  signals[CATALOG_CHANGED] =
    g_signal_new ("catalog-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  show_toast_signal = rapport_toast_signal_new (G_TYPE_FROM_CLASS (klass));

  g_type_ensure (RAPPORT_TYPE_PACK_SUMMARY);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/rapport-packs-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, packs_list);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, summary);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, working_page);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_install_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_remove_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_name_cb);

  gtk_widget_class_install_action (widget_class, "packs.import", NULL,
                                   rapport_packs_view_import_action);
}

static void
rapport_packs_view_init (RapportPacksView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
