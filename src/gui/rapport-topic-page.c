/* rapport-topic-page.c: one topic's lessons, progress and rubric
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-lesson.h"
#include "rapport-picture.h"
#include "rapport-quiz.h"
#include "rapport-topic-card.h"
#include "rapport-topic-page.h"

struct _RapportTopicPage
{
  AdwBin parent_instance;

  /* template widgets */
  GtkImage            *icon;
  GtkLabel            *title_label;
  GtkImage            *origin_icon;
  GtkLabel            *origin_label;
  GtkLabel            *summary_label;
  GtkLabel            *progress_label;
  GtkButton           *continue_button;
  AdwPreferencesGroup *lessons_group;
  AdwPreferencesGroup *rubric_group;
  AdwPreferencesGroup *quiz_group;
  AdwActionRow        *quiz_row;
  GtkButton           *journal_button;

  /* owned */
  RapportStore        *store;
  RapportTopic        *topic;
  GPtrArray           *rows;     /* rows added to the two groups */
  guint                next_lesson;
};

G_DEFINE_FINAL_TYPE (RapportTopicPage, rapport_topic_page, ADW_TYPE_BIN)

enum {
  OPEN_LESSON,
  START_QUIZ,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
remove_rows (RapportTopicPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }

  g_ptr_array_set_size (self->rows, 0);
}

static void
on_lesson_row_activated_cb (RapportTopicPage *self,
                            AdwActionRow     *row)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "lesson-position"));

  g_signal_emit (self, signals[OPEN_LESSON], 0, position);
}

static void
on_quiz_row_activated_cb (RapportTopicPage *self)
{
  g_signal_emit (self, signals[START_QUIZ], 0);
}

static void
on_continue_button_clicked_cb (RapportTopicPage *self)
{
  g_signal_emit (self, signals[OPEN_LESSON], 0, self->next_lesson);
}

void
rapport_topic_page_refresh (RapportTopicPage *self)
{
  g_auto(GStrv) completed = NULL;
  g_autoptr(RapportStoreTopicSummary) summary = NULL;
  GListModel *lessons;
  guint n_lessons;
  guint n_done = 0;
  gboolean found_next = FALSE;
  g_autofree char *origin = NULL;
  GString *progress;

  g_return_if_fail (RAPPORT_IS_TOPIC_PAGE (self));

  remove_rows (self);
  if (self->topic == NULL)
    return;

  lessons = rapport_topic_get_lessons (self->topic);
  n_lessons = g_list_model_get_n_items (lessons);

  if (self->store != NULL)
    {
      completed = rapport_store_list_completed_lessons (self->store,
                                                        rapport_topic_get_pack_id (self->topic),
                                                        rapport_topic_get_key (self->topic),
                                                        NULL);
      summary = rapport_store_get_topic_summary (self->store,
                                                 rapport_topic_get_pack_id (self->topic),
                                                 rapport_topic_get_key (self->topic),
                                                 rapport_topic_get_skill (self->topic),
                                                 n_lessons,
                                                 NULL);
    }

  gtk_image_set_from_icon_name (self->icon, rapport_topic_get_icon_name (self->topic));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->journal_button), "s",
                                    rapport_topic_get_skill (self->topic));
  gtk_label_set_text (self->title_label, rapport_topic_get_display_title (self->topic));
  origin = rapport_topic_describe_origin (self->topic);
  gtk_label_set_text (self->origin_label, origin != NULL ? origin : _("From Rapport’s built-in course"));
  gtk_widget_set_visible (GTK_WIDGET (self->origin_icon), origin != NULL);
  gtk_label_set_text (self->summary_label, rapport_topic_get_summary (self->topic));

  self->next_lesson = 0;
  for (guint i = 0; i < n_lessons; i++)
    {
      g_autoptr(RapportLesson) lesson = g_list_model_get_item (lessons, i);
      gboolean done = completed != NULL && g_strv_contains ((const char * const *) completed,
                                                            rapport_lesson_get_key (lesson));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *mark = gtk_image_new_from_icon_name (done ? "object-select-symbolic" : "go-next-symbolic");
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;

      if (done)
        n_done++;
      else if (!found_next)
        {
          self->next_lesson = i;
          found_next = TRUE;
        }

      /* Translators: the placeholder is a lesson's number, before its title */
      title = g_markup_printf_escaped (_("%u. %s"), i + 1, rapport_lesson_get_title (lesson));
      subtitle = done
        ? g_strdup (_("Done"))
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute read", "%u minute read",
                                        rapport_lesson_get_minutes (lesson)),
                           rapport_lesson_get_minutes (lesson));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (done)
        gtk_widget_add_css_class (mark, "success");
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      done ? _("Done") : _("Not read yet"),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
      g_object_set_data (G_OBJECT (row), "lesson-position", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "activated",
                               G_CALLBACK (on_lesson_row_activated_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->lessons_group, row);
      g_ptr_array_add (self->rows, row);
    }

  for (guint level = 1; level <= RAPPORT_RUBRIC_LEVELS; level++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *text = NULL;

      /* Translators: a level of the self-rating scale, 1 to 5 */
      title = g_strdup_printf (_("Level %u"), level);
      text = g_markup_escape_text (rapport_inline_get_text (rapport_topic_get_rubric_level (self->topic, level)), -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (summary != NULL && summary->latest_rating == (int) level)
        {
          GtkWidget *you = gtk_label_new (_("Your latest rating"));

          gtk_widget_add_css_class (you, "accent");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), you);
        }
      adw_preferences_group_add (self->rubric_group, row);
      g_ptr_array_add (self->rows, row);
    }

  if (rapport_topic_get_quiz (self->topic) != NULL)
    {
      RapportQuiz *quiz = rapport_topic_get_quiz (self->topic);
      GString *about = g_string_new (NULL);

      g_string_append_printf (about,
                              g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions",
                                           rapport_quiz_get_draw (quiz)),
                              rapport_quiz_get_draw (quiz));
      g_string_append (about, " · ");
      /* Translators: the quiz's pass mark in percent */
      g_string_append_printf (about, _("pass mark %u %%"), rapport_quiz_get_pass_mark (quiz));
      if (summary != NULL && summary->best_score >= 0)
        {
          g_string_append (about, " · ");
          /* Translators: the best and the last quiz score, in percent */
          g_string_append_printf (about, _("best %.0f %%, last %.0f %%"),
                                  summary->best_score, summary->last_score);
        }
      adw_action_row_set_subtitle (self->quiz_row, about->str);
      g_string_free (about, TRUE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->quiz_group), rapport_topic_get_quiz (self->topic) != NULL);

  progress = g_string_new (NULL);
  g_string_append_printf (progress,
                          g_dngettext (GETTEXT_PACKAGE, "%u of %u lesson done", "%u of %u lessons done", n_lessons),
                          n_done, n_lessons);
  if (summary != NULL && summary->best_score >= 0)
    {
      g_string_append (progress, " · ");
      /* Translators: a quiz score in percent */
      g_string_append_printf (progress, _("best quiz score %.0f %%"), summary->best_score);
    }
  gtk_label_set_text (self->progress_label, progress->str);
  g_string_free (progress, TRUE);

  if (n_done == n_lessons)
    gtk_button_set_label (self->continue_button, _("_Read Again"));
  else if (n_done == 0 && self->next_lesson == 0)
    gtk_button_set_label (self->continue_button, _("_Start the First Lesson"));
  else
    gtk_button_set_label (self->continue_button, _("_Continue"));
}

/* While a topic with pictures is on screen, a decoder gets ready for them. */
static void
update_prewarm (RapportTopicPage *self)
{
  rapport_picture_prewarm (self, gtk_widget_get_mapped (GTK_WIDGET (self)) && self->topic != NULL &&
                                 rapport_picture_topic_has_pictures (self->topic));
}

void
rapport_topic_page_set_store (RapportTopicPage *self,
                              RapportStore     *store)
{
  g_return_if_fail (RAPPORT_IS_TOPIC_PAGE (self));

  g_set_object (&self->store, store);
}

void
rapport_topic_page_set_topic (RapportTopicPage *self,
                              RapportTopic     *topic)
{
  g_return_if_fail (RAPPORT_IS_TOPIC_PAGE (self));
  g_return_if_fail (RAPPORT_IS_TOPIC (topic));

  g_set_object (&self->topic, topic);
  rapport_topic_page_refresh (self);
  update_prewarm (self);
}

RapportTopic *
rapport_topic_page_get_topic (RapportTopicPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC_PAGE (self), NULL);

  return self->topic;
}

static void
rapport_topic_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rapport_topic_page_parent_class)->map (widget);
  update_prewarm (RAPPORT_TOPIC_PAGE (widget));
}

static void
rapport_topic_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rapport_topic_page_parent_class)->unmap (widget);
  update_prewarm (RAPPORT_TOPIC_PAGE (widget));
}

static void
rapport_topic_page_dispose (GObject *object)
{
  RapportTopicPage *self = RAPPORT_TOPIC_PAGE (object);

  rapport_picture_prewarm (self, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_TOPIC_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->topic);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_topic_page_parent_class)->dispose (object);
}

static void
rapport_topic_page_class_init (RapportTopicPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_topic_page_dispose;

  widget_class->map = rapport_topic_page_map;
  widget_class->unmap = rapport_topic_page_unmap;

  /**
   * RapportTopicPage::open-lesson:
   * @position: the lesson's position in the topic
   */
  signals[OPEN_LESSON] =
    g_signal_new ("open-lesson",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /** RapportTopicPage::start-quiz: the learner asked for the topic's quiz. */
  signals[START_QUIZ] =
    g_signal_new ("start-quiz",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/rapport-topic-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportTopicPage, icon);
  gtk_widget_class_bind_template_child (widget_class, RapportTopicPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportTopicPage, origin_icon);
  gtk_widget_class_bind_template_child (widget_class, RapportTopicPage, origin_label);
  gtk_widget_class_bind_template_child (widget_class, RapportTopicPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RapportTopicPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RapportTopicPage, continue_button);
  gtk_widget_class_bind_template_child (widget_class, RapportTopicPage, lessons_group);
  gtk_widget_class_bind_template_child (widget_class, RapportTopicPage, rubric_group);
  gtk_widget_class_bind_template_callback (widget_class, on_continue_button_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, RapportTopicPage, quiz_group);
  gtk_widget_class_bind_template_child (widget_class, RapportTopicPage, quiz_row);
  gtk_widget_class_bind_template_child (widget_class, RapportTopicPage, journal_button);
  gtk_widget_class_bind_template_callback (widget_class, on_quiz_row_activated_cb);
}

static void
rapport_topic_page_init (RapportTopicPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
}
