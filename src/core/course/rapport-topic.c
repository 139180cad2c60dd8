/* rapport-topic.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-skill.h"
#include "rapport-topic.h"
#include "rapport-topic-private.h"

struct _RapportTopic
{
  GObject        parent_instance;

  char          *key;
  char          *skill;
  char          *icon_name;
  char          *language;
  char          *title;
  char          *summary;
  char          *source_path;
  char          *pack_id;
  char          *pack_title;
  GListStore    *lessons;      /* of RapportLesson */
  RapportQuiz   *quiz;
  GPtrArray     *prompts;      /* of RapportInline */
  RapportInline *rubric[RAPPORT_RUBRIC_LEVELS];
};

G_DEFINE_FINAL_TYPE (RapportTopic, rapport_topic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_SKILL,
  PROP_ICON_NAME,
  PROP_LANGUAGE,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_SOURCE_PATH,
  PROP_PACK_ID,
  PROP_WORD_COUNT,
  PROP_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_topic_finalize (GObject *object)
{
  RapportTopic *self = RAPPORT_TOPIC (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->skill, g_free);
  g_clear_pointer (&self->icon_name, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->source_path, g_free);
  g_clear_pointer (&self->pack_id, g_free);
  g_clear_pointer (&self->pack_title, g_free);
  g_clear_object (&self->lessons);
  g_clear_object (&self->quiz);
  g_clear_pointer (&self->prompts, g_ptr_array_unref);
  for (guint i = 0; i < RAPPORT_RUBRIC_LEVELS; i++)
    g_clear_pointer (&self->rubric[i], rapport_inline_unref);

  G_OBJECT_CLASS (rapport_topic_parent_class)->finalize (object);
}

static void
rapport_topic_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RapportTopic *self = RAPPORT_TOPIC (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_SKILL:
      g_value_set_string (value, self->skill);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_SOURCE_PATH:
      g_value_set_string (value, self->source_path);
      break;

    case PROP_PACK_ID:
      g_value_set_string (value, self->pack_id);
      break;

    case PROP_WORD_COUNT:
      g_value_set_uint (value, rapport_topic_get_word_count (self));
      break;

    case PROP_MINUTES:
      g_value_set_uint (value, rapport_topic_get_minutes (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
rapport_topic_class_init (RapportTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_topic_finalize;
  object_class->get_property = rapport_topic_get_property;

  properties[PROP_KEY] = string_property ("key");
  properties[PROP_SKILL] = string_property ("skill");
  properties[PROP_ICON_NAME] = string_property ("icon-name");
  properties[PROP_LANGUAGE] = string_property ("language");
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_SUMMARY] = string_property ("summary");
  properties[PROP_SOURCE_PATH] = string_property ("source-path");
  properties[PROP_PACK_ID] = string_property ("pack-id");
  properties[PROP_WORD_COUNT] =
    g_param_spec_uint ("word-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MINUTES] =
    g_param_spec_uint ("minutes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_topic_init (RapportTopic *self)
{
  self->lessons = g_list_store_new (RAPPORT_TYPE_LESSON);
  self->prompts = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_inline_unref);
}

RapportTopic *
rapport_topic_new (const char *key,
                   const char *skill,
                   const char *icon_name,
                   const char *language,
                   const char *title,
                   const char *summary)
{
  RapportTopic *self = g_object_new (RAPPORT_TYPE_TOPIC, NULL);

  self->key = g_strdup (key);
  self->skill = g_strdup (skill);
  self->icon_name = g_strdup (icon_name);
  self->language = g_strdup (language);
  self->title = g_strdup (title);
  self->summary = g_strdup (summary);

  return self;
}

void
rapport_topic_set_source (RapportTopic *self,
                          const char   *source_path,
                          const char   *pack_id)
{
  g_free (self->source_path);
  self->source_path = g_strdup (source_path);
  g_free (self->pack_id);
  self->pack_id = g_strdup (pack_id);
}

/* The title of the pack the topic came from, as its pack.json gives it. */
void
rapport_topic_set_pack_title (RapportTopic *self,
                              const char   *pack_title)
{
  g_free (self->pack_title);
  self->pack_title = g_strdup (pack_title);
}

void
rapport_topic_add_lesson (RapportTopic  *self,
                          RapportLesson *lesson)
{
  g_list_store_append (self->lessons, lesson);
}

void
rapport_topic_set_quiz (RapportTopic *self,
                        RapportQuiz  *quiz)
{
  g_set_object (&self->quiz, quiz);
}

void
rapport_topic_add_prompt (RapportTopic  *self,
                          RapportInline *prompt)
{
  g_ptr_array_add (self->prompts, rapport_inline_ref (prompt));
}

void
rapport_topic_set_rubric_level (RapportTopic  *self,
                                guint          level,
                                RapportInline *text)
{
  g_assert (level >= 1 && level <= RAPPORT_RUBRIC_LEVELS);

  g_clear_pointer (&self->rubric[level - 1], rapport_inline_unref);
  self->rubric[level - 1] = rapport_inline_ref (text);
}

/* The topic's own key, unique within its pack. */
const char *
rapport_topic_get_key (RapportTopic *self)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), NULL);

  return self->key;
}

/* One of the keys of rapport_skill_lookup(): the skill this topic trains. */
const char *
rapport_topic_get_skill (RapportTopic *self)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), NULL);

  return self->skill;
}

const char *
rapport_topic_get_icon_name (RapportTopic *self)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), NULL);

  return self->icon_name;
}

/* The language of the text, as in xml:lang ("en", "de-CH"). */
const char *
rapport_topic_get_language (RapportTopic *self)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), NULL);

  return self->language;
}

const char *
rapport_topic_get_title (RapportTopic *self)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), NULL);

  return self->title;
}

const char *
rapport_topic_get_summary (RapportTopic *self)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), NULL);

  return self->summary;
}

/* The file the topic came from; NULL when it was loaded from memory. */
const char *
rapport_topic_get_source_path (RapportTopic *self)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), NULL);

  return self->source_path;
}

/* The id of the pack that holds the topic; NULL for a lone file. */
const char *
rapport_topic_get_pack_id (RapportTopic *self)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), NULL);

  return self->pack_id;
}

/* The title of the pack the topic came from; %NULL for a topic loaded on
 * its own, from a file.
 */
const char *
rapport_topic_get_pack_title (RapportTopic *self)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), NULL);

  return self->pack_title;
}

/* Whether the topic is one of Rapport's own course, the one on its skill. */
gboolean
rapport_topic_is_core (RapportTopic *self)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), FALSE);

  return g_strcmp0 (self->pack_id, RAPPORT_CORE_PACK_ID) == 0;
}

/* The name to show for the topic. A topic of Rapport's own course is named
 * after its skill, and shows the skill's name in the user's language, the
 * one every other view gives that skill (the course's text is English
 * only); any other topic shows the title its file gives.
 */
const char *
rapport_topic_get_display_title (RapportTopic *self)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), NULL);

  if (rapport_topic_is_core (self) && rapport_skill_lookup (self->skill) != NULL)
    return rapport_skill_get_display_title (self->skill);

  return self->title;
}

/* Returns: (transfer none): a list of RapportLesson, in the order written. */
GListModel *
rapport_topic_get_lessons (RapportTopic *self)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), NULL);

  return G_LIST_MODEL (self->lessons);
}

guint
rapport_topic_get_n_lessons (RapportTopic *self)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->lessons));
}

/* Returns: (transfer none) (nullable): NULL when the topic has no quiz. */
RapportQuiz *
rapport_topic_get_quiz (RapportTopic *self)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), NULL);

  return self->quiz;
}

guint
rapport_topic_get_n_prompts (RapportTopic *self)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), 0);

  return self->prompts->len;
}

/* A journal prompt: a question the learner answers after a real call. */
RapportInline *
rapport_topic_get_prompt (RapportTopic *self,
                          guint         position)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), NULL);
  g_return_val_if_fail (position < self->prompts->len, NULL);

  return g_ptr_array_index (self->prompts, position);
}

/* What a person at @level (1 struggling … 5 expert) does on a call. */
RapportInline *
rapport_topic_get_rubric_level (RapportTopic *self,
                                guint         level)
{
  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), NULL);
  g_return_val_if_fail (level >= 1 && level <= RAPPORT_RUBRIC_LEVELS, NULL);

  return self->rubric[level - 1];
}

/* The words of all lessons; quizzes, prompts and rubric are not counted. */
guint
rapport_topic_get_word_count (RapportTopic *self)
{
  guint n_lessons;
  guint n_words = 0;

  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), 0);

  n_lessons = g_list_model_get_n_items (G_LIST_MODEL (self->lessons));
  for (guint i = 0; i < n_lessons; i++)
    {
      g_autoptr(RapportLesson) lesson = g_list_model_get_item (G_LIST_MODEL (self->lessons), i);

      n_words += rapport_lesson_get_word_count (lesson);
    }

  return n_words;
}

/* The authors' reading-time estimates of all lessons, added up. */
guint
rapport_topic_get_minutes (RapportTopic *self)
{
  guint n_lessons;
  guint minutes = 0;

  g_return_val_if_fail (RAPPORT_IS_TOPIC (self), 0);

  n_lessons = g_list_model_get_n_items (G_LIST_MODEL (self->lessons));
  for (guint i = 0; i < n_lessons; i++)
    {
      g_autoptr(RapportLesson) lesson = g_list_model_get_item (G_LIST_MODEL (self->lessons), i);

      minutes += rapport_lesson_get_minutes (lesson);
    }

  return minutes;
}
