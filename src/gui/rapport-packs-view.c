/* rapport-packs-view.c: the lesson packs a learner installed, and importing
 * new ones
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-bank-import.h"
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

/* A page the learner is to answer, or the spinner before one. */
static gboolean
is_showing_page (RapportPacksView *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->stack);

  return g_strcmp0 (visible, "summary") == 0 || g_strcmp0 (visible, "bank") == 0 ||
         g_strcmp0 (visible, "working") == 0;
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

  if (self->pending != NULL || self->bank_import != NULL || is_showing_page (self))
    return;

  if (self->rows != NULL && g_list_model_get_n_items (self->rows) > 0)
    page = "list";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
}

void
rapport_packs_view_cancel_work (RapportPacksView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/* Whatever the pages showed, gone: nothing is read, nothing is offered. */
void
rapport_packs_view_reset_pages (RapportPacksView *self)
{
  rapport_packs_view_cancel_work (self);
  g_clear_object (&self->pending);
  rapport_packs_view_clear_bank (self);
  rapport_pack_summary_clear (self->summary);
}

/* Reading a pack or a bank holds the view weakly, so that closing the
 * window disposes it (and cancels what it was reading) at once.
 */
struct _RapportPacksViewRequest
{
  GWeakRef  view;
  GFile    *file;
};

RapportPacksViewRequest *
rapport_packs_view_request_new (RapportPacksView *self,
                                GFile            *file)
{
  RapportPacksViewRequest *request = g_new0 (RapportPacksViewRequest, 1);

  g_weak_ref_init (&request->view, self);
  request->file = g_object_ref (file);
  return request;
}

/* The view, unless it was closed meanwhile; @request is freed, and its
 * file handed to *@file.
 */
RapportPacksView *
rapport_packs_view_request_steal (RapportPacksViewRequest  *request,
                                  GFile                   **file)
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

  rapport_packs_view_reset_pages (self);
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
  rapport_packs_view_reset_pages (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_list_page (self);
}

/* Back to the list from the summary or bank page (or from the spinner
 * while a pack or bank is read); nothing is installed.
 */
void
rapport_packs_view_close_summary (RapportPacksView *self)
{
  if (!is_showing_page (self))
    return;

  close_summary (self);
}

/* Reading a pack, and writing its files on install, happen in a worker
 * thread (rapport-pack-import.c) while the view shows a spinner.
 */

void
rapport_packs_view_show_working (RapportPacksView *self,
                                 const char       *title,
                                 const char       *description)
{
  /* The description is markup; a file's name or a title is not. */
  g_autofree char *escaped = g_markup_escape_text (description, -1);

  adw_status_page_set_title (self->working_page, title);
  adw_status_page_set_description (self->working_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "working");
}

static void
on_open_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(RapportPacksView) self = rapport_packs_view_request_steal (user_data, &file);
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
 * rapport_packs_view_can_open:
 * @name: a file's name
 *
 * Whether rapport_packs_view_open_file() takes a file of that name from a
 * drop: a pack file, or a question bank to make a pack of.
 */
gboolean
rapport_packs_view_can_open (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return g_str_has_suffix (name, RAPPORT_PACK_FILE_SUFFIX) || rapport_bank_path_is_bank (name);
}

/**
 * rapport_packs_view_open_file:
 * @file: a .rapportpack file, or a question bank (.gift, .txt, .xml)
 *
 * Reads the pack in the background and shows what it contains, or its
 * problems, with a button to install it; or reads the bank and shows what
 * pack it would make, with a button to create it. Nothing is written until
 * the learner presses it.
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

  name = g_file_get_basename (file);
  if (name != NULL && !g_str_has_suffix (name, RAPPORT_PACK_FILE_SUFFIX) &&
      rapport_bank_path_is_bank (name))
    {
      rapport_packs_view_open_bank (self, file);
      return;
    }

  rapport_packs_view_reset_pages (self);

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

  rapport_packs_view_show_working (self, _("Checking Pack…"), name);

  data_dir = rapport_paths_get_data_dir ();
  self->cancellable = g_cancellable_new ();
  rapport_pack_open_async (path, data_dir, self->loader, self->cancellable,
                           on_open_done_cb, rapport_packs_view_request_new (self, file));
}

/* Whether a pack is being read or installed. */
gboolean
rapport_packs_view_get_busy (RapportPacksView *self)
{
  g_return_val_if_fail (RAPPORT_IS_PACKS_VIEW (self), FALSE);

  return self->cancellable != NULL || self->installing;
}

/**
 * rapport_packs_view_create_installed_toast:
 * @text: what was done, as plain text (a pack's title may hold “&”)
 * @pack_id: (nullable): the pack's id; %NULL offers no topic
 * @first_topic: (nullable): the key of the pack's first topic
 * @n_topics: how many topics it has
 *
 * What the learner installed the pack for: its (first) topic is one click
 * away, in the window's Learn view.
 */
AdwToast *
rapport_packs_view_create_installed_toast (const char *text,
                                           const char *pack_id,
                                           const char *first_topic,
                                           guint       n_topics)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = rapport_toast_new_urgent (escaped);

  if (pack_id == NULL || first_topic == NULL || n_topics == 0)
    return toast;

  adw_toast_set_button_label (toast, n_topics == 1 ? _("_Open Topic") : _("Open _First Topic"));
  adw_toast_set_action_name (toast, "win.open-topic");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", pack_id, first_topic));
  /* Until dismissed or replaced: the offer is worth more than five seconds. */
  adw_toast_set_timeout (toast, 0);

  return toast;
}

static AdwToast *
create_installed_toast (RapportPack *pack,
                        const char  *text)
{
  GListModel *topics = pack != NULL ? rapport_pack_get_topics (pack) : NULL;
  g_autoptr(RapportTopic) first = NULL;
  guint n_topics = topics != NULL ? g_list_model_get_n_items (topics) : 0;

  if (n_topics > 0)
    first = g_list_model_get_item (topics, 0);

  return rapport_packs_view_create_installed_toast (text, pack != NULL ? rapport_pack_get_id (pack) : NULL,
                                                    first != NULL ? rapport_topic_get_key (first) : NULL,
                                                    n_topics);
}

/* An install holds the view and the application until it is recorded in
 * the store, even when the window closes meanwhile: the learner asked for
 * it, and the catalog must hear of it.
 */
struct _RapportPacksViewInstall
{
  RapportPacksView *view;
  GApplication     *application;   /* NULL outside an application window */
};

/**
 * rapport_packs_view_begin_install:
 * @working: what the spinner says is done ("Installing Pack…")
 * @title: the pack's title
 *
 * Shows the spinner, without Back, and keeps Rapport running and marked
 * busy until rapport_packs_view_end_install().
 *
 * Returns: (transfer full): for rapport_packs_view_end_install()
 */
RapportPacksViewInstall *
rapport_packs_view_begin_install (RapportPacksView *self,
                                  const char       *working,
                                  const char       *title)
{
  RapportPacksViewInstall *install = g_new0 (RapportPacksViewInstall, 1);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Set before the page changes, so that Back is not offered meanwhile. */
  rapport_packs_view_cancel_work (self);
  self->installing = TRUE;
  rapport_packs_view_show_working (self, working, title);

  install->view = g_object_ref (self);
  if (GTK_IS_WINDOW (root) && gtk_window_get_application (GTK_WINDOW (root)) != NULL)
    {
      install->application = g_object_ref (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (root))));
      g_application_hold (install->application);
      g_application_mark_busy (install->application);
    }

  return install;
}

/**
 * rapport_packs_view_end_install:
 * @install: (transfer full): from rapport_packs_view_begin_install()
 * @error: (nullable): why it failed, or %NULL when the pack is installed
 * @page: the page to go back to on failure ("summary", "bank")
 * @error_title: the heading of the error
 *
 * The end of an install: on failure back to @page with the error in a
 * dialog; otherwise the catalog is read again.
 *
 * Returns: (transfer full) (nullable): the view, to say what was
 *   installed; %NULL when it failed or the window closed meanwhile
 */
RapportPacksView *
rapport_packs_view_end_install (RapportPacksViewInstall *install,
                                const GError            *error,
                                const char              *page,
                                const char              *error_title)
{
  g_autoptr(RapportPacksView) self = install->view;
  gboolean gone;

  if (install->application != NULL)
    {
      g_application_unmark_busy (install->application);
      g_application_release (install->application);
      g_object_unref (install->application);
    }
  g_free (install);

  self->installing = FALSE;
  /* Closed (or disposed) meanwhile: as good as gone. */
  gone = self->catalog == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL;

  if (error != NULL)
    {
      if (gone)
        g_warning ("%s: %s", error_title, error->message);
      else
        {
          gtk_stack_set_visible_child_name (self->stack, page);
          rapport_show_error (GTK_WIDGET (self), error_title, error);
        }
      return NULL;
    }

  rapport_packs_view_emit_catalog_changed (self);

  return gone ? NULL : g_steal_pointer (&self);
}

/* An install the learner asked for is finished, and recorded in the store,
 * even when the window closed meanwhile: the application held on for it.
 */
static void
on_install_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RapportPacksView) self = NULL;
  g_autoptr(RapportPackInstallResult) installed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  installed = rapport_pack_install_finish (result, &error);
  self = rapport_packs_view_end_install (user_data, error, "summary", _("Could Not Install the Pack"));
  if (self == NULL)
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
  RapportPacksViewInstall *install;

  g_assert (RAPPORT_IS_PACKS_VIEW (self));
  g_assert (self->pending != NULL);

  data_dir = rapport_paths_ensure_data_dir (&error);
  if (data_dir == NULL)
    {
      rapport_show_error (GTK_WIDGET (self), _("Could Not Install the Pack"), error);
      return;
    }

  install = rapport_packs_view_begin_install (self, _("Installing Pack…"),
                                              rapport_pack_get_title (self->pending));
  rapport_pack_install_async (self->pending, data_dir, self->store, flags,
                              on_install_done_cb, install);
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

  /* While a pack or bank is being read, going back cancels; while a pack
   * is being installed or created, it cannot.
   */
  return is_showing_page (self) && !self->installing;
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
  rapport_packs_view_cancel_work (self);
  rapport_packs_view_clear_bank (self);
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
  g_type_ensure (RAPPORT_TYPE_BANK_PAGE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/rapport-packs-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, packs_list);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, summary);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, working_page);
  gtk_widget_class_bind_template_child (widget_class, RapportPacksView, bank_page);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_install_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_remove_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_name_cb);

  gtk_widget_class_install_action (widget_class, "packs.import", NULL,
                                   rapport_packs_view_import_action);
  gtk_widget_class_install_action (widget_class, "packs.import-bank", NULL,
                                   rapport_packs_view_import_action);
}

static void
rapport_packs_view_init (RapportPacksView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_packs_view_init_bank (self);
}
