/* rapport-learn-view.c: the course: topic cards, a topic, a lesson
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-confirm-dialog.h"
#include "rapport-learn-view.h"
#include "rapport-lesson-view.h"
#include "rapport-quiz-page.h"
#include "rapport-review.h"
#include "rapport-review-session.h"
#include "rapport-topic-card.h"
#include "rapport-topic-page.h"

struct _RapportLearnView
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwLeaflet        *leaflet;

  /* created on first use, to keep them out of start-up */
  GtkStack          *topics_stack;
  GtkLabel          *course_progress_label;
  GtkFlowBox        *flowbox;
  GtkBox            *review_box;
  GtkLabel          *review_label;
  RapportTopicPage  *topic_page;
  RapportLessonView *lesson_view;
  RapportQuizPage   *quiz_page;

  /* state */
  char              *last_page;

  /* owned */
  RapportCatalog    *catalog;
  RapportStore      *store;
  GSettings         *settings;

  /* state */
  gboolean           bound;
  guint              topics_changed_id;
};

G_DEFINE_FINAL_TYPE (RapportLearnView, rapport_learn_view, GTK_TYPE_WIDGET)

static void on_topic_page_open_lesson_cb (RapportLearnView  *self,
                                          guint              position,
                                          RapportTopicPage  *page);
static void on_lesson_view_completed_cb  (RapportLearnView  *self,
                                          RapportLessonView *view);
static void on_topic_page_start_quiz_cb  (RapportLearnView  *self,
                                          RapportTopicPage  *page);
static void on_quiz_page_done_cb         (RapportLearnView  *self,
                                          RapportQuizPage   *page);
static void on_quiz_page_retake_cb       (RapportLearnView  *self,
                                          RapportQuizPage   *page);
static void on_quiz_page_continue_cb     (RapportLearnView  *self,
                                          RapportQuizPage   *page);
static void on_lesson_view_start_quiz_cb (RapportLearnView  *self,
                                          RapportTopic      *topic,
                                          RapportLessonView *view);
static void on_lesson_view_show_topic_cb (RapportLearnView  *self,
                                          RapportTopic      *topic,
                                          RapportLessonView *view);
static void on_abandon_response_cb       (RapportLearnView  *self,
                                          const char        *response,
                                          AdwMessageDialog  *dialog);

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Topic cards */

static RapportTopic *
lookup_topic (gpointer    user_data,
              const char *pack_id,
              const char *topic_key)
{
  return rapport_catalog_lookup_topic (RAPPORT_CATALOG (user_data), pack_id, topic_key);
}

static void
update_review (RapportLearnView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autofree char *text = NULL;
  guint n_due = 0;

  if (self->store == NULL || self->catalog == NULL ||
      !rapport_review_count_due_today (self->store, now, tz, lookup_topic, self->catalog, &n_due, NULL))
    n_due = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->review_box), n_due > 0);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u question you missed is due for review today.",
                                       "%u questions you missed are due for review today.",
                                       n_due),
                          n_due);
  gtk_label_set_text (self->review_label, text);
}

void
rapport_learn_view_refresh (RapportLearnView *self)
{
  guint total_done = 0;
  guint total_lessons = 0;
  guint n_topics = 0;
  g_autofree char *course = NULL;

  g_return_if_fail (RAPPORT_IS_LEARN_VIEW (self));

  /* The leaflet reports its last page change while it is being disposed. */
  if (self->flowbox == NULL)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->flowbox));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      rapport_topic_card_update (child, self->store, &total_done, &total_lessons);
      n_topics++;
    }

  /* Ten with the core course alone; packs may add more. */
  if (total_done == 0)
    course = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u topic for everyday calls. Start anywhere: each topic stands on its own.",
                                           "%u topics for everyday calls. Start anywhere: each topic stands on its own.",
                                           n_topics),
                              n_topics);
  else
    course = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "You have finished %u of %u lesson.",
                                           "You have finished %u of %u lessons.",
                                           total_lessons),
                              total_done, total_lessons);
  gtk_label_set_text (self->course_progress_label, course);

  update_review (self);

  if (self->topic_page != NULL && rapport_topic_page_get_topic (self->topic_page) != NULL)
    rapport_topic_page_refresh (self->topic_page);
}

static GtkWidget *
create_card_cb (gpointer item,
                gpointer user_data)
{
  return rapport_topic_card_new (item);
}

/* Navigation */

const char *
rapport_learn_view_get_page (RapportLearnView *self)
{
  g_return_val_if_fail (RAPPORT_IS_LEARN_VIEW (self), NULL);

  return adw_leaflet_get_visible_child_name (self->leaflet);
}

gboolean
rapport_learn_view_get_can_go_back (RapportLearnView *self)
{
  g_return_val_if_fail (RAPPORT_IS_LEARN_VIEW (self), FALSE);

  return g_strcmp0 (rapport_learn_view_get_page (self), "topics") != 0;
}

void
rapport_learn_view_go_back (RapportLearnView *self)
{
  g_return_if_fail (RAPPORT_IS_LEARN_VIEW (self));

  if (g_strcmp0 (rapport_learn_view_get_page (self), "quiz") == 0)
    {
      if (!rapport_quiz_page_is_in_progress (self->quiz_page))
        {
          rapport_quiz_page_abandon (self->quiz_page);
          on_quiz_page_done_cb (self, self->quiz_page);
          return;
        }

      rapport_confirm_dialog_show (GTK_WIDGET (self),
                                   _("Leave the Quiz?"),
                                   _("Your answers so far are kept as an unfinished attempt. "
                                     "It does not count as a score."),
                                   "continue", _("_Keep Going"),
                                   "abandon", _("_Leave Quiz"),
                                   G_CALLBACK (on_abandon_response_cb), self);
      return;
    }

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}


static void
ensure_pages (RapportLearnView *self)
{
  AdwLeafletPage *page;

  if (self->topic_page != NULL)
    return;

  self->topic_page = g_object_new (RAPPORT_TYPE_TOPIC_PAGE, NULL);
  rapport_topic_page_set_store (self->topic_page, self->store);
  g_signal_connect_object (self->topic_page, "open-lesson",
                           G_CALLBACK (on_topic_page_open_lesson_cb), self,
                           G_CONNECT_SWAPPED);
  page = adw_leaflet_append (self->leaflet, GTK_WIDGET (self->topic_page));
  adw_leaflet_page_set_name (page, "topic");

  self->lesson_view = g_object_new (RAPPORT_TYPE_LESSON_VIEW, NULL);
  rapport_lesson_view_set_store (self->lesson_view, self->store);
  rapport_lesson_view_set_catalog (self->lesson_view, self->catalog);
  if (self->settings != NULL)
    rapport_lesson_view_set_settings (self->lesson_view, self->settings);
  g_signal_connect_object (self->lesson_view, "completed",
                           G_CALLBACK (on_lesson_view_completed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lesson_view, "start-quiz",
                           G_CALLBACK (on_lesson_view_start_quiz_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lesson_view, "show-topic",
                           G_CALLBACK (on_lesson_view_show_topic_cb), self,
                           G_CONNECT_SWAPPED);
  page = adw_leaflet_append (self->leaflet, GTK_WIDGET (self->lesson_view));
  adw_leaflet_page_set_name (page, "lesson");

  g_signal_connect_object (self->topic_page, "start-quiz",
                           G_CALLBACK (on_topic_page_start_quiz_cb), self,
                           G_CONNECT_SWAPPED);
  self->quiz_page = g_object_new (RAPPORT_TYPE_QUIZ_PAGE, NULL);
  rapport_quiz_page_set_store (self->quiz_page, self->store);
  g_signal_connect_object (self->quiz_page, "done",
                           G_CALLBACK (on_quiz_page_done_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->quiz_page, "retake",
                           G_CALLBACK (on_quiz_page_retake_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->quiz_page, "continue",
                           G_CALLBACK (on_quiz_page_continue_cb), self,
                           G_CONNECT_SWAPPED);
  page = adw_leaflet_append (self->leaflet, GTK_WIDGET (self->quiz_page));
  adw_leaflet_page_set_name (page, "quiz");
}

/**
 * rapport_learn_view_start_quiz:
 * @seed: chooses the questions and their order; tests pass a fixed one
 */
void
rapport_learn_view_start_quiz (RapportLearnView *self,
                               RapportTopic     *topic,
                               guint32           seed)
{
  g_return_if_fail (RAPPORT_IS_LEARN_VIEW (self));
  g_return_if_fail (RAPPORT_IS_TOPIC (topic));

  ensure_pages (self);
  if (rapport_topic_page_get_topic (self->topic_page) != topic)
    rapport_topic_page_set_topic (self->topic_page, topic);

  rapport_quiz_page_start_quiz (self->quiz_page, topic, seed);
  adw_leaflet_set_visible_child_name (self->leaflet, "quiz");
}

/* Returns FALSE when nothing is due. */
gboolean
rapport_learn_view_start_review (RapportLearnView *self,
                                 guint32           seed)
{
  g_autoptr(RapportReviewSession) review = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RAPPORT_IS_LEARN_VIEW (self), FALSE);

  if (self->store == NULL)
    return FALSE;

  /* Twenty at most: a review is a short daily habit, not a second exam. */
  review = rapport_review_session_new (self->store, lookup_topic, self->catalog,
                                       now, tz, 20, seed, &error);
  if (review == NULL || rapport_review_session_get_n_questions (review) == 0)
    {
      if (error != NULL)
        g_warning ("Could not start the review: %s", error->message);
      update_review (self);
      return FALSE;
    }

  ensure_pages (self);
  rapport_quiz_page_start_review (self->quiz_page, review);
  adw_leaflet_set_visible_child_name (self->leaflet, "quiz");
  return TRUE;
}

static void
on_review_button_clicked_cb (RapportLearnView *self)
{
  rapport_learn_view_start_review (self, g_random_int ());
}

static void
on_topic_page_start_quiz_cb (RapportLearnView *self,
                             RapportTopicPage *page)
{
  rapport_learn_view_start_quiz (self, rapport_topic_page_get_topic (page), g_random_int ());
}

static void
on_quiz_page_retake_cb (RapportLearnView *self,
                        RapportQuizPage  *page)
{
  rapport_quiz_page_start_quiz (page, rapport_topic_page_get_topic (self->topic_page), g_random_int ());
}

static void
on_quiz_page_done_cb (RapportLearnView *self,
                      RapportQuizPage  *page)
{
  RapportQuizSession *session = rapport_quiz_page_get_session (page);

  /* A review mixes topics: it goes back to the course. */
  if (session != NULL && rapport_quiz_session_get_topic (session) == NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, "topics");
  else
    adw_leaflet_set_visible_child_name (self->leaflet, "topic");
}

static void
on_quiz_page_continue_cb (RapportLearnView *self,
                          RapportQuizPage  *page)
{
  guint lesson = G_MAXUINT;
  RapportTopic *next = rapport_quiz_page_find_next (page, self->catalog, &lesson);

  if (next == NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, "topics");
  else if (lesson != G_MAXUINT)
    rapport_learn_view_open_lesson (self, next, lesson);
  else
    rapport_learn_view_open_topic (self, next);
}

static void
on_lesson_view_start_quiz_cb (RapportLearnView  *self,
                              RapportTopic      *topic,
                              RapportLessonView *view)
{
  rapport_learn_view_start_quiz (self, topic, g_random_int ());
}

static void
on_lesson_view_show_topic_cb (RapportLearnView  *self,
                              RapportTopic      *topic,
                              RapportLessonView *view)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "topic");
}

static void
on_abandon_response_cb (RapportLearnView *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  if (!g_str_equal (response, "abandon") || self->quiz_page == NULL)
    return;

  rapport_quiz_page_abandon (self->quiz_page);
  on_quiz_page_done_cb (self, self->quiz_page);
}

void
rapport_learn_view_open_topic (RapportLearnView *self,
                               RapportTopic     *topic)
{
  g_return_if_fail (RAPPORT_IS_LEARN_VIEW (self));
  g_return_if_fail (RAPPORT_IS_TOPIC (topic));

  ensure_pages (self);
  rapport_topic_page_set_topic (self->topic_page, topic);
  adw_leaflet_set_visible_child_name (self->leaflet, "topic");
}

void
rapport_learn_view_open_lesson (RapportLearnView *self,
                                RapportTopic     *topic,
                                guint             position)
{
  g_return_if_fail (RAPPORT_IS_LEARN_VIEW (self));
  g_return_if_fail (RAPPORT_IS_TOPIC (topic));

  ensure_pages (self);
  if (rapport_topic_page_get_topic (self->topic_page) != topic)
    rapport_topic_page_set_topic (self->topic_page, topic);

  rapport_lesson_view_show_lesson (self->lesson_view, topic, position);
  adw_leaflet_set_visible_child_name (self->leaflet, "lesson");
}

static void
on_flowbox_child_activated_cb (RapportLearnView *self,
                               GtkFlowBoxChild  *child,
                               GtkFlowBox       *flowbox)
{
  rapport_learn_view_open_topic (self, rapport_topic_card_get_topic (GTK_WIDGET (child)));
}

static void
on_topic_page_open_lesson_cb (RapportLearnView *self,
                              guint             position,
                              RapportTopicPage *page)
{
  rapport_learn_view_open_lesson (self, rapport_topic_page_get_topic (page), position);
}

static void
on_lesson_view_completed_cb (RapportLearnView  *self,
                             RapportLessonView *view)
{
  rapport_learn_view_refresh (self);
}

static void
on_leaflet_visible_child_cb (RapportLearnView *self,
                             GParamSpec       *pspec,
                             AdwLeaflet       *leaflet)
{
  const char *page;

  if (self->flowbox == NULL)
    return;

  page = rapport_learn_view_get_page (self);

  /* On the quiz, going back must ask first, so only the window's own Back
   * (which asks) may leave it.
   */
  adw_leaflet_set_can_navigate_back (self->leaflet, g_strcmp0 (page, "quiz") != 0);

  /* Leaving the reader keeps the place; leaving the reader or a quiz shows
   * fresh progress.  Moving between the grid and a topic changes nothing.
   */
  if (g_strcmp0 (self->last_page, "lesson") == 0 && self->lesson_view != NULL)
    rapport_lesson_view_leave (self->lesson_view);
  if ((g_strcmp0 (self->last_page, "lesson") == 0 || g_strcmp0 (self->last_page, "quiz") == 0) &&
      g_strcmp0 (page, self->last_page) != 0)
    rapport_learn_view_refresh (self);
  g_free (self->last_page);
  self->last_page = g_strdup (page);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* Set-up */

static void
show_catalog (RapportLearnView *self)
{
  GListModel *topics = rapport_catalog_get_topics (self->catalog);

  if (!rapport_catalog_get_loaded (self->catalog))
    {
      gtk_stack_set_visible_child_name (self->topics_stack, "loading");
      return;
    }

  if (g_list_model_get_n_items (topics) == 0)
    {
      gtk_stack_set_visible_child_name (self->topics_stack, "empty");
      return;
    }

  /* Bound once: the catalog's list changes in place when packs are
   * installed or removed, and the flow box follows it.
   */
  if (!self->bound)
    {
      gtk_flow_box_bind_model (self->flowbox, topics, create_card_cb, self, NULL);
      self->bound = TRUE;
    }
  rapport_learn_view_refresh (self);
  gtk_stack_set_visible_child_name (self->topics_stack, "grid");
}

static void
on_catalog_loaded_cb (RapportLearnView *self,
                      GParamSpec       *pspec,
                      RapportCatalog   *catalog)
{
  show_catalog (self);
}

static guint
find_lesson (RapportTopic  *topic,
             RapportLesson *old_lesson)
{
  GListModel *lessons = rapport_topic_get_lessons (topic);

  for (guint i = 0; old_lesson != NULL && i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(RapportLesson) lesson = g_list_model_get_item (lessons, i);

      if (g_strcmp0 (rapport_lesson_get_key (lesson), rapport_lesson_get_key (old_lesson)) == 0)
        return i;
    }

  return G_MAXUINT;
}

/* After a pack was installed, upgraded or removed, the open topic is an
 * object of the old catalog. A topic whose pack is gone closes, back to the
 * grid; one that is still there is shown from its new version, on the same
 * lesson while the lesson is still there. A quiz under way keeps its own
 * questions until it ends.
 */
static void
follow_open_topic (RapportLearnView *self)
{
  const char *page = rapport_learn_view_get_page (self);
  RapportTopic *open;
  RapportTopic *topic;

  if (self->topic_page == NULL || g_strcmp0 (page, "topics") == 0 || g_strcmp0 (page, "quiz") == 0)
    return;

  open = rapport_topic_page_get_topic (self->topic_page);
  if (open == NULL)
    return;

  topic = rapport_catalog_lookup_topic (self->catalog, rapport_topic_get_pack_id (open),
                                        rapport_topic_get_key (open));
  if (topic == NULL)
    {
      adw_leaflet_set_visible_child_name (self->leaflet, "topics");
      return;
    }

  if (topic == open)
    return;

  if (g_strcmp0 (page, "lesson") == 0)
    {
      guint position = find_lesson (topic, rapport_lesson_view_get_lesson (self->lesson_view));

      rapport_topic_page_set_topic (self->topic_page, topic);
      if (position != G_MAXUINT)
        rapport_lesson_view_show_lesson (self->lesson_view, topic, position);
      else
        adw_leaflet_set_visible_child_name (self->leaflet, "topic");
    }
  else
    rapport_topic_page_set_topic (self->topic_page, topic);
}

static gboolean
topics_changed_idle_cb (gpointer user_data)
{
  RapportLearnView *self = user_data;

  self->topics_changed_id = 0;
  show_catalog (self);
  follow_open_topic (self);

  return G_SOURCE_REMOVE;
}

/* A reload empties the list and fills it again: one update for both. */
static void
on_topics_items_changed_cb (RapportLearnView *self,
                            guint             position,
                            guint             removed,
                            guint             added,
                            GListModel       *topics)
{
  if (self->topics_changed_id == 0 && rapport_catalog_get_loaded (self->catalog))
    self->topics_changed_id = g_idle_add (topics_changed_idle_cb, self);
}

static void
on_store_replaced_cb (RapportLearnView *self,
                      RapportStore     *store)
{
  rapport_learn_view_refresh (self);
}

/**
 * rapport_learn_view_setup:
 * @store: (nullable): the progress store
 */
void
rapport_learn_view_setup (RapportLearnView *self,
                          RapportStore     *store,
                          RapportCatalog   *catalog,
                          GSettings        *settings)
{
  g_return_if_fail (RAPPORT_IS_LEARN_VIEW (self));
  g_return_if_fail (RAPPORT_IS_CATALOG (catalog));
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_set_object (&self->catalog, catalog);
  g_set_object (&self->store, store);
  g_set_object (&self->settings, settings);

  if (self->topic_page != NULL)
    {
      rapport_quiz_page_set_store (self->quiz_page, store);
      rapport_topic_page_set_store (self->topic_page, store);
      rapport_lesson_view_set_store (self->lesson_view, store);
      rapport_lesson_view_set_catalog (self->lesson_view, catalog);
      rapport_lesson_view_set_settings (self->lesson_view, settings);
    }

  g_signal_connect_object (catalog, "notify::loaded",
                           G_CALLBACK (on_catalog_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (rapport_catalog_get_topics (catalog), "items-changed",
                           G_CALLBACK (on_topics_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (store != NULL)
    g_signal_connect_object (store, "replaced",
                             G_CALLBACK (on_store_replaced_cb), self,
                             G_CONNECT_SWAPPED);
  show_catalog (self);
}

static void
rapport_learn_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportLearnView *self = RAPPORT_LEARN_VIEW (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, rapport_learn_view_get_can_go_back (self));
      break;

    case PROP_PAGE:
      g_value_set_string (value, rapport_learn_view_get_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Shown again (another view may have rated a skill or saved a quiz): the
 * cards read their progress afresh.
 */
static void
rapport_learn_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rapport_learn_view_parent_class)->map (widget);

  rapport_learn_view_refresh (RAPPORT_LEARN_VIEW (widget));
}

static void
rapport_learn_view_dispose (GObject *object)
{
  RapportLearnView *self = RAPPORT_LEARN_VIEW (object);

  g_clear_handle_id (&self->topics_changed_id, g_source_remove);

  /* Owned by the leaflet, which goes with the template. */
  self->topic_page = NULL;
  self->lesson_view = NULL;
  self->quiz_page = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_LEARN_VIEW);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->last_page, g_free);

  G_OBJECT_CLASS (rapport_learn_view_parent_class)->dispose (object);
}

static void
rapport_learn_view_class_init (RapportLearnViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_learn_view_dispose;
  object_class->get_property = rapport_learn_view_get_property;
  widget_class->map = rapport_learn_view_map;

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/rapport-learn-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportLearnView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RapportLearnView, topics_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportLearnView, course_progress_label);
  gtk_widget_class_bind_template_child (widget_class, RapportLearnView, flowbox);
  gtk_widget_class_bind_template_callback (widget_class, on_flowbox_child_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_child (widget_class, RapportLearnView, review_box);
  gtk_widget_class_bind_template_child (widget_class, RapportLearnView, review_label);
  gtk_widget_class_bind_template_callback (widget_class, on_review_button_clicked_cb);
}

static void
rapport_learn_view_init (RapportLearnView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
