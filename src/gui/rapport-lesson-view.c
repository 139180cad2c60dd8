/* rapport-lesson-view.c: the lesson reader
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-error-dialog.h"
#include "rapport-lesson.h"
#include "rapport-lesson-view-private.h"
#include "rapport-picture.h"

#define ZOOM_MIN  0.8
#define ZOOM_MAX  2.0
#define ZOOM_STEP 0.1

/* How long scrolling must rest before the reading position is saved. */
#define SAVE_POSITION_DELAY_MS 600

struct _RapportLessonView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkScrolledWindow *scroller;
  GtkBox            *page;
  GtkLabel          *topic_label;
  GtkLabel          *title_label;
  GtkLabel          *meta_label;
  GtkBox            *content;
  GtkButton         *done_button;
  GtkLabel          *done_label;
  GtkButton         *next_button;
  GtkButton         *end_button;
  AdwButtonContent  *end_content;

  /* owned */
  RapportStore      *store;
  GSettings         *settings;
  RapportCatalog    *catalog;
  RapportTopic      *topic;
  RapportLesson     *lesson;
  GtkCssProvider    *zoom_provider;
  guint              save_position_id;
  double             pending_position;  /* < 0: nothing to restore */
  gboolean           restoring;

  /* state */
  guint              position;
  gboolean           completed;
};

G_DEFINE_FINAL_TYPE (RapportLessonView, rapport_lesson_view, GTK_TYPE_WIDGET)

enum {
  COMPLETED,
  START_QUIZ,
  SHOW_TOPIC,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Building the page */

static void
build_content (RapportLessonView *self)
{
  RapportPack *pack = NULL;

  if (self->catalog != NULL)
    pack = rapport_catalog_lookup_pack (self->catalog, rapport_topic_get_pack_id (self->topic));

  rapport_lesson_view_fill_content (self->content, self->lesson, pack);
}

/* While a topic with pictures is read, a decoder gets ready for the next. */
static void
update_prewarm (RapportLessonView *self)
{
  rapport_picture_prewarm (self, gtk_widget_get_mapped (GTK_WIDGET (self)) && self->topic != NULL &&
                                 rapport_picture_topic_has_pictures (self->topic));
}

/* State */

static void
update_done_state (RapportLessonView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->done_button), !self->completed);
  gtk_widget_set_visible (GTK_WIDGET (self->done_label), self->completed);
}

static gboolean
is_last_lesson (RapportLessonView *self)
{
  return self->topic != NULL && self->position + 1 >= rapport_topic_get_n_lessons (self->topic);
}

/* The last lesson leads on, to the topic's quiz (or back to the topic),
 * instead of ending in a Next that cannot be pressed.
 */
static void
update_end_button (RapportLessonView *self)
{
  gboolean last = is_last_lesson (self);
  gboolean quiz = self->topic != NULL && rapport_topic_get_quiz (self->topic) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->next_button), !last);
  gtk_widget_set_visible (GTK_WIDGET (self->end_button), last);
  if (!last)
    return;

  adw_button_content_set_label (self->end_content, quiz ? _("_Take the Quiz") : _("_Back to Topic"));
  adw_button_content_set_icon_name (self->end_content, quiz ? "go-next-symbolic" : "go-up-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->end_button),
                               quiz ? _("Check what you learnt in this topic") : _("All the lessons of this topic"));
  /* One suggested action at a time: Mark as Done while it shows, then the
   * quiz.
   */
  if (quiz && (self->completed || self->store == NULL))
    gtk_widget_add_css_class (GTK_WIDGET (self->end_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->end_button), "suggested-action");
}

static void
update_actions (RapportLessonView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.previous", self->topic != NULL && self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.next", self->topic != NULL && !is_last_lesson (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.end", is_last_lesson (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.mark-done", self->store != NULL && !self->completed);
  update_end_button (self);
}

static double
current_position (RapportLessonView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (range <= 0)
    return 0;

  return CLAMP (gtk_adjustment_get_value (adjustment) / range, 0, 1);
}

static void
save_position (RapportLessonView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_position_id, g_source_remove);

  if (self->store == NULL || self->lesson == NULL)
    return;

  if (!rapport_store_set_lesson_position (self->store,
                                          rapport_topic_get_pack_id (self->topic),
                                          rapport_topic_get_key (self->topic),
                                          rapport_lesson_get_key (self->lesson),
                                          current_position (self),
                                          &error))
    g_warning ("Could not save the reading position: %s", error->message);
}

static gboolean
save_position_cb (gpointer user_data)
{
  RapportLessonView *self = user_data;

  self->save_position_id = 0;
  save_position (self);
  return G_SOURCE_REMOVE;
}

/* The page's height settles over a few frames as its labels wrap (more of
 * them on a slow machine), so the saved position is applied again at each
 * change until the reader scrolls.
 */
static void
try_restore_position (RapportLessonView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (self->pending_position < 0)
    return;

  if (range > 0)
    {
      self->restoring = TRUE;
      gtk_adjustment_set_value (adjustment, self->pending_position * range);
      self->restoring = FALSE;
    }
}

static void
on_adjustment_changed_cb (RapportLessonView *self,
                          GtkAdjustment     *adjustment)
{
  try_restore_position (self);
}

static void
on_adjustment_value_changed_cb (RapportLessonView *self,
                                GtkAdjustment     *adjustment)
{
  if (self->lesson == NULL)
    return;

  if (self->restoring)
    return;

  /* The reader scrolled: from now on their position counts. */
  self->pending_position = -1;

  g_clear_handle_id (&self->save_position_id, g_source_remove);
  self->save_position_id = g_timeout_add (SAVE_POSITION_DELAY_MS, save_position_cb, self);
}

/**
 * rapport_lesson_view_leave:
 *
 * Saves the reading position now; call it when the reader is hidden.
 */
void
rapport_lesson_view_leave (RapportLessonView *self)
{
  g_return_if_fail (RAPPORT_IS_LESSON_VIEW (self));

  if (self->save_position_id != 0)
    save_position (self);
}

void
rapport_lesson_view_show_lesson (RapportLessonView *self,
                                 RapportTopic      *topic,
                                 guint              position)
{
  g_autoptr(RapportLesson) lesson = NULL;
  g_autoptr(RapportStoreLesson) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *meta = NULL;
  guint minutes;

  g_return_if_fail (RAPPORT_IS_LESSON_VIEW (self));
  g_return_if_fail (RAPPORT_IS_TOPIC (topic));
  g_return_if_fail (position < rapport_topic_get_n_lessons (topic));

  rapport_lesson_view_leave (self);

  lesson = g_list_model_get_item (rapport_topic_get_lessons (topic), position);
  g_set_object (&self->topic, topic);
  g_set_object (&self->lesson, lesson);
  self->position = position;
  self->completed = FALSE;
  self->pending_position = 0;

  if (self->store != NULL)
    {
      const char *pack_id = rapport_topic_get_pack_id (topic);
      const char *topic_key = rapport_topic_get_key (topic);
      const char *lesson_key = rapport_lesson_get_key (lesson);

      record = rapport_store_get_lesson (self->store, pack_id, topic_key, lesson_key, NULL);
      if (record != NULL)
        {
          self->completed = record->completed != NULL;
          self->pending_position = record->position;
        }

      if (!rapport_store_mark_lesson_opened (self->store, pack_id, topic_key, lesson_key, NULL, &error))
        g_warning ("Could not record the opened lesson: %s", error->message);
    }

  gtk_label_set_text (self->topic_label, rapport_topic_get_display_title (topic));
  gtk_label_set_text (self->title_label, rapport_lesson_get_title (lesson));
  minutes = rapport_lesson_get_minutes (lesson);
  /* Translators: the first placeholder is a lesson's number, the second the number of lessons */
  meta = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Lesson %u of %u · %u minute read",
                                       "Lesson %u of %u · %u minute read",
                                       minutes),
                          position + 1, rapport_topic_get_n_lessons (topic), minutes);
  gtk_label_set_text (self->meta_label, meta);

  build_content (self);
  update_done_state (self);
  update_actions (self);
  update_prewarm (self);

  self->restoring = TRUE;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  self->restoring = FALSE;
  try_restore_position (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->page));
}

RapportTopic *
rapport_lesson_view_get_topic (RapportLessonView *self)
{
  g_return_val_if_fail (RAPPORT_IS_LESSON_VIEW (self), NULL);

  return self->topic;
}

RapportLesson *
rapport_lesson_view_get_lesson (RapportLessonView *self)
{
  g_return_val_if_fail (RAPPORT_IS_LESSON_VIEW (self), NULL);

  return self->lesson;
}

/* Zoom: the page's font size in CSS; headings and captions are sized in em
 * so everything grows together.
 */

double
rapport_lesson_view_get_zoom (RapportLessonView *self)
{
  g_return_val_if_fail (RAPPORT_IS_LESSON_VIEW (self), 1.0);

  if (self->settings == NULL)
    return 1.0;

  return g_settings_get_double (self->settings, "lesson-zoom");
}

static void
apply_zoom (RapportLessonView *self)
{
  g_autofree char *css = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (number, sizeof number, "%.0f", rapport_lesson_view_get_zoom (self) * 100);
  css = g_strdup_printf (".rapport-lesson { font-size: %s%%; }", number);
  gtk_css_provider_load_from_data (self->zoom_provider, css, -1);
}

static void
set_zoom (RapportLessonView *self,
          double             zoom)
{
  if (self->settings == NULL)
    return;

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  g_settings_set_double (self->settings, "lesson-zoom", zoom);
}

static void
on_zoom_changed_cb (RapportLessonView *self,
                    const char        *key,
                    GSettings         *settings)
{
  apply_zoom (self);
}

void
rapport_lesson_view_set_settings (RapportLessonView *self,
                                  GSettings         *settings)
{
  g_return_if_fail (RAPPORT_IS_LESSON_VIEW (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, on_zoom_changed_cb, self);

  g_set_object (&self->settings, settings);
  g_signal_connect_object (settings, "changed::lesson-zoom",
                           G_CALLBACK (on_zoom_changed_cb), self,
                           G_CONNECT_SWAPPED);
  apply_zoom (self);
}

void
rapport_lesson_view_set_store (RapportLessonView *self,
                               RapportStore      *store)
{
  g_return_if_fail (RAPPORT_IS_LESSON_VIEW (self));
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));

  g_set_object (&self->store, store);
  update_actions (self);
}

/* Where the reader finds the packs that lesson pictures come from. */
void
rapport_lesson_view_set_catalog (RapportLessonView *self,
                                 RapportCatalog    *catalog)
{
  g_return_if_fail (RAPPORT_IS_LESSON_VIEW (self));
  g_return_if_fail (catalog == NULL || RAPPORT_IS_CATALOG (catalog));

  g_set_object (&self->catalog, catalog);
}

/* Actions */

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RapportLessonView *self = RAPPORT_LESSON_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->lesson == NULL)
    return;

  if (!rapport_store_mark_lesson_completed (self->store,
                                            rapport_topic_get_pack_id (self->topic),
                                            rapport_topic_get_key (self->topic),
                                            rapport_lesson_get_key (self->lesson),
                                            NULL, &error))
    {
      rapport_show_error (widget, _("Could Not Save Your Progress"), error);
      return;
    }

  self->completed = TRUE;
  update_done_state (self);
  update_actions (self);
  /* The Mark as Done button went away; on the last lesson what comes next
   * is the quiz, one Enter away.
   */
  if (is_last_lesson (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->end_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->page));
  g_signal_emit (self, signals[COMPLETED], 0);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RapportLessonView *self = RAPPORT_LESSON_VIEW (widget);

  if (self->topic != NULL && self->position > 0)
    rapport_lesson_view_show_lesson (self, self->topic, self->position - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportLessonView *self = RAPPORT_LESSON_VIEW (widget);

  if (self->topic != NULL && self->position + 1 < rapport_topic_get_n_lessons (self->topic))
    rapport_lesson_view_show_lesson (self, self->topic, self->position + 1);
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RapportLessonView *self = RAPPORT_LESSON_VIEW (widget);

  if (!is_last_lesson (self))
    return;

  if (rapport_topic_get_quiz (self->topic) != NULL)
    g_signal_emit (self, signals[START_QUIZ], 0, self->topic);
  else
    g_signal_emit (self, signals[SHOW_TOPIC], 0, self->topic);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportLessonView *self = RAPPORT_LESSON_VIEW (widget);
  double zoom = rapport_lesson_view_get_zoom (self);

  if (g_str_equal (action_name, "lesson.zoom-in"))
    set_zoom (self, zoom + ZOOM_STEP);
  else if (g_str_equal (action_name, "lesson.zoom-out"))
    set_zoom (self, zoom - ZOOM_STEP);
  else
    set_zoom (self, 1.0);
}

static void
rapport_lesson_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rapport_lesson_view_parent_class)->map (widget);
  update_prewarm (RAPPORT_LESSON_VIEW (widget));
}

static void
rapport_lesson_view_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rapport_lesson_view_parent_class)->unmap (widget);
  update_prewarm (RAPPORT_LESSON_VIEW (widget));
}

static void
rapport_lesson_view_dispose (GObject *object)
{
  RapportLessonView *self = RAPPORT_LESSON_VIEW (object);

  rapport_picture_prewarm (self, FALSE);
  rapport_lesson_view_leave (self);
  g_clear_handle_id (&self->save_position_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_LESSON_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);
  g_clear_object (&self->topic);
  g_clear_object (&self->lesson);
  g_clear_object (&self->zoom_provider);

  G_OBJECT_CLASS (rapport_lesson_view_parent_class)->dispose (object);
}

static void
rapport_lesson_view_class_init (RapportLessonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_lesson_view_dispose;

  widget_class->map = rapport_lesson_view_map;
  widget_class->unmap = rapport_lesson_view_unmap;

  /**
   * RapportLessonView::completed:
   *
   * The learner marked the lesson as done.
   */
  signals[COMPLETED] =
    g_signal_new ("completed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* ::start-quiz (topic): on the last lesson, the learner asks for the quiz;
   * ::show-topic (topic): the same in a topic without a quiz, back to it.
   */
  signals[START_QUIZ] =
    g_signal_new ("start-quiz", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RAPPORT_TYPE_TOPIC);
  signals[SHOW_TOPIC] =
    g_signal_new ("show-topic", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RAPPORT_TYPE_TOPIC);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/rapport-lesson-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportLessonView, scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportLessonView, page);
  gtk_widget_class_bind_template_child (widget_class, RapportLessonView, topic_label);
  gtk_widget_class_bind_template_child (widget_class, RapportLessonView, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportLessonView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, RapportLessonView, content);
  gtk_widget_class_bind_template_child (widget_class, RapportLessonView, done_button);
  gtk_widget_class_bind_template_child (widget_class, RapportLessonView, done_label);
  gtk_widget_class_bind_template_child (widget_class, RapportLessonView, next_button);
  gtk_widget_class_bind_template_child (widget_class, RapportLessonView, end_button);
  gtk_widget_class_bind_template_child (widget_class, RapportLessonView, end_content);

  gtk_widget_class_install_action (widget_class, "lesson.mark-done", NULL, mark_done_action);
  gtk_widget_class_install_action (widget_class, "lesson.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "lesson.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "lesson.end", NULL, end_action);
  gtk_widget_class_install_action (widget_class, "lesson.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "lesson.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "lesson.zoom-reset", NULL, zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "lesson.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "lesson.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "lesson.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "lesson.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "lesson.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "lesson.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "lesson.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "lesson.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "lesson.mark-done", NULL);
}

static void
rapport_lesson_view_init (RapportLessonView *self)
{
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The page itself takes the focus when a lesson opens, so that keyboard
   * users can scroll with the arrow and page keys right away and no label's
   * text is selected on focus.
   */
  gtk_widget_set_focusable (GTK_WIDGET (self->page), TRUE);
  self->pending_position = -1;
  self->zoom_provider = gtk_css_provider_new ();
  /* Deprecated only from GTK 4.10; the page's font size is inherited by
   * every label on it.
   */
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->page)),
                                  GTK_STYLE_PROVIDER (self->zoom_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (adjustment, "changed",
                           G_CALLBACK (on_adjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (on_adjustment_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
}
