/* rapport-window.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-journal-view.h"
#include "rapport-learn-view.h"
#include "rapport-progress-view.h"
#include "rapport-pack.h"
#include "rapport-packs-view.h"
#include "rapport-window.h"

struct _RapportWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewStack         *stack;
  GtkMenuButton        *primary_menu_button;
  AdwToastOverlay      *toast_overlay;
  GtkInfoBar           *banner;
  GtkLabel             *banner_label;
  GtkButton            *back_button;
  RapportLearnView     *learn_view;
  AdwBin               *journal_bin;
  AdwBin               *progress_bin;
  AdwBin               *packs_bin;

  /* created just after the first frame */
  RapportJournalView   *journal_view;
  RapportProgressView  *progress_view;
  RapportPacksView     *packs_view;

  /* owned */
  GFile                *pending_pack;   /* opened before the views were set up */
  AdwToast             *pending_toast;  /* waits to replace the last one (see add_toast) */

  /* borrowed */
  AdwToast             *toast;          /* the last message, while it is shown or queued */

  /* state */
  gint64                toast_added_at;
  guint                 toast_timeout_id;
  guint                 setup_id;
  gboolean              set_up;
  gboolean              ready;

  /* owned */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (RapportWindow, rapport_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order matches Alt+1 … Alt+4 and the switcher. */
static const char * const view_names[] = { "learn", "journal", "progress", "packs" };


RapportWindow *
rapport_window_new (RapportApplication *application)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (application), NULL);

  RapportWindow *self;

  self = g_object_new (RAPPORT_TYPE_WINDOW,
                       "application", application,
                       NULL);

  return self;
}

const char *
rapport_window_get_view (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
rapport_window_set_view (RapportWindow *self,
                         const char    *view)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (view != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, view) == NULL)
    {
      g_warning ("There is no view called “%s”", view);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, view);
}

/* libadwaita 1.2 shows a toast with a 0.5 s animation while another
 * hides, and frees a toast dismissed in the first 0.2 s of it while the
 * animation still runs: the app crashes when it ends.  A message that
 * replaces another within this time waits for it.
 */
#define TOAST_REPLACE_GAP_US (600 * G_TIME_SPAN_MILLISECOND)

static void
show_toast_now (RapportWindow *self,
                AdwToast      *toast)
{
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);

  g_set_weak_pointer (&self->toast, toast);
  self->toast_added_at = g_get_monotonic_time ();
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
show_pending_toast_cb (gpointer user_data)
{
  RapportWindow *self = user_data;

  self->toast_timeout_id = 0;
  show_toast_now (self, g_steal_pointer (&self->pending_toast));

  return G_SOURCE_REMOVE;
}

/**
 * rapport_window_add_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast in place of the last message.  Queued or pushed aside by an
 * urgent toast, the last one would come back later, out of place: "Entry
 * saved" after the Undo of a deletion, an old install's message after a
 * removal.
 */
void
rapport_window_add_toast (RapportWindow *self,
                          AdwToast      *toast)
{
  gint64 since;

  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  since = g_get_monotonic_time () - self->toast_added_at;

  if (self->pending_toast != NULL)
    {
      /* Still waiting: the newer message takes its place. */
      g_object_unref (g_object_ref_sink (self->pending_toast));
      self->pending_toast = toast;
      return;
    }

  if (self->toast == NULL || since >= TOAST_REPLACE_GAP_US)
    {
      show_toast_now (self, toast);
      return;
    }

  self->pending_toast = toast;
  self->toast_timeout_id = g_timeout_add ((guint) ((TOAST_REPLACE_GAP_US - since) / G_TIME_SPAN_MILLISECOND) + 1,
                                          show_pending_toast_cb, self);
}

/* The banner shows what the user must know before anything else: the
 * progress store was damaged and restored, or could not be opened at all.
 */
void
rapport_window_show_banner (RapportWindow  *self,
                            GtkMessageType  type,
                            const char     *message)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  gtk_label_set_text (self->banner_label, message);
  gtk_info_bar_set_message_type (self->banner, type);
  gtk_info_bar_set_revealed (self->banner, TRUE);
}

const char *
rapport_window_get_banner_text (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  if (!gtk_info_bar_get_revealed (self->banner))
    return NULL;

  return gtk_label_get_text (self->banner_label);
}

/* Bound with swapped="no": the info bar comes first, the window last. */
static void
on_banner_response_cb (GtkInfoBar    *banner,
                       int            response,
                       RapportWindow *self)
{
  if (response == GTK_RESPONSE_CLOSE)
    gtk_info_bar_set_revealed (banner, FALSE);
}

static void
show_store_state (RapportWindow *self)
{
  RapportApplication *app;
  RapportStore *store;

  g_assert (RAPPORT_IS_WINDOW (self));

  app = RAPPORT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  store = rapport_application_get_store (app);

  if (store == NULL)
    {
      const GError *error = rapport_application_get_store_error (app);
      g_autofree char *message = NULL;

      /* Translators: the placeholder is the reason, a full sentence */
      message = g_strdup_printf (_("Your progress could not be opened, so nothing you do now will be saved. %s"),
                                 error != NULL ? error->message : "");
      rapport_window_show_banner (self, GTK_MESSAGE_ERROR, message);
    }
  else if (rapport_store_get_recovery (store) != RAPPORT_STORE_RECOVERY_NONE)
    {
      rapport_window_show_banner (self, GTK_MESSAGE_WARNING,
                                  rapport_store_get_recovery_notice (store));
    }
}

static void
update_back_button (RapportWindow *self)
{
  gboolean can_go_back;

  /* The stack reports its first page while the template is being built. */
  if (self->learn_view == NULL || self->back_button == NULL)
    return;

  if (g_strcmp0 (rapport_window_get_view (self), "journal") == 0)
    can_go_back = self->journal_view != NULL &&
                  rapport_journal_view_get_can_go_back (self->journal_view);
  else if (g_strcmp0 (rapport_window_get_view (self), "packs") == 0)
    can_go_back = self->packs_view != NULL &&
                  rapport_packs_view_get_can_go_back (self->packs_view);
  else
    can_go_back = g_strcmp0 (rapport_window_get_view (self), "learn") == 0 &&
                  rapport_learn_view_get_can_go_back (self->learn_view);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), can_go_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", can_go_back);
}

static void
on_view_can_go_back_cb (RapportWindow *self,
                        GParamSpec    *pspec,
                        GtkWidget     *view)
{
  update_back_button (self);
}

static void
rapport_window_back_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  if (g_strcmp0 (rapport_window_get_view (self), "learn") == 0)
    rapport_learn_view_go_back (self->learn_view);
  else if (g_strcmp0 (rapport_window_get_view (self), "journal") == 0 && self->journal_view != NULL)
    rapport_journal_view_go_back (self->journal_view);
  else if (g_strcmp0 (rapport_window_get_view (self), "packs") == 0 && self->packs_view != NULL)
    rapport_packs_view_go_back (self->packs_view);
}

RapportPacksView *
rapport_window_get_packs_view (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return self->packs_view;
}

/**
 * rapport_window_open_pack:
 * @file: a .rapportpack file
 *
 * Shows the Packs view with what @file contains, to install it; from the
 * file manager, the command line or a drop. A file that arrives before the
 * views are set up waits for them.
 */
void
rapport_window_open_pack (RapportWindow *self,
                          GFile         *file)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  rapport_window_set_view (self, "packs");
  if (!self->ready)
    {
      g_set_object (&self->pending_pack, file);
      return;
    }

  rapport_packs_view_open_file (self->packs_view, file);
}

static gboolean
on_drop_target_drop_cb (GtkDropTarget *target,
                        const GValue  *value,
                        double         x,
                        double         y,
                        RapportWindow *self)
{
  GSList *files;
  GSList single = { NULL, NULL };

  /* File managers offer a list of files; some programs a single file. */
  if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    {
      single.data = g_value_get_object (value);
      files = &single;
    }
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = g_value_get_boxed (value);
  else
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      /* A pack, or a question bank to make one from. */
      if (name != NULL && rapport_packs_view_can_open (name))
        {
          rapport_window_open_pack (self, l->data);
          return TRUE;
        }
    }

  return FALSE;
}

RapportJournalView *
rapport_window_get_journal_view (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return self->journal_view;
}

/* Ctrl+N from anywhere: a new journal entry (or the draft being written). */
static void
rapport_window_new_entry_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  if (!self->ready)
    return;

  rapport_window_set_view (self, "journal");
  rapport_journal_view_new_entry (self->journal_view);
}

static void
rapport_window_show_journal_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  const char *skill = g_variant_get_string (parameter, NULL);

  if (!self->ready)
    return;

  rapport_window_set_view (self, "journal");
  rapport_journal_view_set_skill_filter (self->journal_view, *skill != '\0' ? skill : NULL);
}

/* A journal entry by its uuid, e.g. from a point of the Progress chart. */
static void
rapport_window_open_entry_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  if (!self->ready)
    return;

  rapport_window_set_view (self, "journal");
  rapport_journal_view_open_entry (self->journal_view, g_variant_get_string (parameter, NULL));
}

/* A topic's page by its pack and key, e.g. from a quiz attempt's results. */
static void
rapport_window_open_topic_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  RapportApplication *app = RAPPORT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const char *pack_id;
  const char *topic_key;
  RapportTopic *topic;

  if (!self->ready || app == NULL)
    return;

  g_variant_get (parameter, "(&s&s)", &pack_id, &topic_key);
  topic = rapport_catalog_lookup_topic (rapport_application_get_catalog (app), pack_id, topic_key);
  if (topic == NULL)
    {
      rapport_window_show_banner (self, GTK_MESSAGE_WARNING,
                                  _("The topic of that quiz is no longer installed. Install its lesson pack again to see it."));
      return;
    }

  rapport_window_set_view (self, "learn");
  rapport_learn_view_open_topic (self->learn_view, topic);
}

RapportProgressView *
rapport_window_get_progress_view (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return self->progress_view;
}

RapportLearnView *
rapport_window_get_learn_view (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return self->learn_view;
}

static void
on_view_show_toast_cb (RapportWindow *self,
                       AdwToast      *toast)
{
  rapport_window_add_toast (self, g_object_ref (toast));
}

/* A view the window holds: placed in its bin, its messages shown in place
 * of the last one, and its Back followed where it has one.
 */
static gpointer
add_view (RapportWindow *self,
          AdwBin        *bin,
          GType          view_type)
{
  GtkWidget *view = g_object_new (view_type, NULL);

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (view), "can-go-back") != NULL)
    g_signal_connect_object (view, "notify::can-go-back",
                             G_CALLBACK (on_view_can_go_back_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "show-toast",
                           G_CALLBACK (on_view_show_toast_cb), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (bin, view);

  return view;
}

static void
setup_views (RapportWindow *self)
{
  RapportApplication *app = RAPPORT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  rapport_learn_view_setup (self->learn_view,
                            rapport_application_get_store (app),
                            rapport_application_get_catalog (app),
                            rapport_application_get_settings (app));
  self->packs_view = add_view (self, self->packs_bin, RAPPORT_TYPE_PACKS_VIEW);
  /* Held by the application, not the window: an install that was started
   * finishes, and is read into the catalog, after its window closed.
   */
  g_signal_connect_object (self->packs_view, "catalog-changed",
                           G_CALLBACK (rapport_application_reload_catalog), app,
                           G_CONNECT_SWAPPED);
  rapport_packs_view_setup (self->packs_view,
                            rapport_application_get_store (app),
                            rapport_application_get_catalog (app),
                            rapport_application_get_topic_loader (app));

  self->journal_view = add_view (self, self->journal_bin, RAPPORT_TYPE_JOURNAL_VIEW);
  rapport_journal_view_setup (self->journal_view,
                              rapport_application_get_store (app),
                              rapport_application_get_catalog (app));

  self->progress_view = add_view (self, self->progress_bin, RAPPORT_TYPE_PROGRESS_VIEW);
  rapport_progress_view_setup (self->progress_view,
                               rapport_application_get_store (app),
                               rapport_application_get_catalog (app));
  update_back_button (self);
}

/* Everything that reads the disk (the progress store, the course) starts
 * once the first frame is on screen, so the window appears at once.
 */
static gboolean
setup_after_first_frame_cb (gpointer user_data)
{
  RapportWindow *self = user_data;
  RapportApplication *app = RAPPORT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  self->setup_id = 0;
  if (app == NULL)
    return G_SOURCE_REMOVE;

  rapport_application_load_catalog (app);
  show_store_state (self);
  setup_views (self);
  self->ready = TRUE;

  if (self->pending_pack != NULL)
    {
      g_autoptr(GFile) file = g_steal_pointer (&self->pending_pack);

      rapport_window_open_pack (self, file);
    }

  return G_SOURCE_REMOVE;
}

/* Whether the views have their data sources (the store, the course), which
 * they get just after the first frame.
 */
gboolean
rapport_window_get_ready (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), FALSE);

  return self->ready;
}

static void
on_first_paint_cb (RapportWindow *self,
                   GdkFrameClock *frame_clock)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_paint_cb, self);
  if (!self->set_up && self->setup_id == 0)
    {
      self->set_up = TRUE;
      self->setup_id = g_idle_add (setup_after_first_frame_cb, self);
    }
}

static void
rapport_window_map (GtkWidget *widget)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  GdkFrameClock *frame_clock;

  GTK_WIDGET_CLASS (rapport_window_parent_class)->map (widget);

  if (self->set_up)
    return;

  frame_clock = gtk_widget_get_frame_clock (widget);
  g_signal_connect_object (frame_clock, "after-paint",
                           G_CALLBACK (on_first_paint_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
on_stack_visible_child_name_cb (RapportWindow *self,
                                GParamSpec    *pspec,
                                AdwViewStack  *stack)
{
  update_back_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
rapport_window_show_view_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  rapport_window_set_view (RAPPORT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
restore_state (RapportWindow *self)
{
  g_autofree char *view = NULL;

  g_assert (RAPPORT_IS_WINDOW (self));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (self->settings, "last-view");
  adw_view_stack_set_visible_child_name (self->stack, view);
}

static void
save_state (RapportWindow *self)
{
  gboolean maximized;

  g_assert (RAPPORT_IS_WINDOW (self));

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* The default size of a maximized window is the size it goes back to. */
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  g_settings_set_string (self->settings, "last-view", rapport_window_get_view (self));
  g_settings_apply (self->settings);
}

static gboolean
rapport_window_close_request (GtkWindow *window)
{
  /* An open entry stays as a draft for next time. */
  if (RAPPORT_WINDOW (window)->journal_view != NULL)
    rapport_journal_view_flush_draft (RAPPORT_WINDOW (window)->journal_view);
  save_state (RAPPORT_WINDOW (window));

  return GTK_WINDOW_CLASS (rapport_window_parent_class)->close_request (window);
}

static void
rapport_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, rapport_window_get_view (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      rapport_window_set_view (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Not in init: GtkWindow's construct properties, set after init, would undo
 * the request to start maximized.
 */
static void
rapport_window_constructed (GObject *object)
{
  G_OBJECT_CLASS (rapport_window_parent_class)->constructed (object);

  restore_state (RAPPORT_WINDOW (object));
}

static void
rapport_window_dispose (GObject *object)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  g_clear_handle_id (&self->setup_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->pending_pack);
  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
  if (self->pending_toast != NULL)
    g_object_unref (g_object_ref_sink (g_steal_pointer (&self->pending_toast)));
  g_clear_weak_pointer (&self->toast);

  G_OBJECT_CLASS (rapport_window_parent_class)->dispose (object);
}

static void
rapport_window_class_init (RapportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rapport_window_constructed;
  object_class->dispose = rapport_window_dispose;
  object_class->get_property = rapport_window_get_property;
  object_class->set_property = rapport_window_set_property;

  window_class->close_request = rapport_window_close_request;
  widget_class->map = rapport_window_map;

  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "learn",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_LEARN_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/rapport-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, banner_label);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_response_cb);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, learn_view);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, journal_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, progress_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, packs_bin);
  gtk_widget_class_install_action (widget_class, "win.new-entry", NULL, rapport_window_new_entry_action);
  gtk_widget_class_install_action (widget_class, "win.show-journal", "s", rapport_window_show_journal_action);
  gtk_widget_class_install_action (widget_class, "win.open-entry", "s", rapport_window_open_entry_action);
  gtk_widget_class_install_action (widget_class, "win.open-topic", "(ss)", rapport_window_open_topic_action);
  gtk_widget_class_bind_template_callback (widget_class, on_view_can_go_back_cb);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, rapport_window_back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_name_cb);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s",
                                   rapport_window_show_view_action);

  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "s", view_names[i]);
}

static void
rapport_window_init (RapportWindow *self)
{
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  /* A pack dropped anywhere on the window opens as if imported. */
  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (on_drop_target_drop_cb),
                           self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}
