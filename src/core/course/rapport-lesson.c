/* rapport-lesson.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-lesson.h"
#include "rapport-topic-private.h"

struct _RapportLesson
{
  GObject    parent_instance;

  char      *key;
  char      *title;
  guint      minutes;
  guint      word_count;
  GPtrArray *sections;    /* of RapportSection */
  GPtrArray *takeaways;   /* of RapportInline */
};

G_DEFINE_FINAL_TYPE (RapportLesson, rapport_lesson, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_TITLE,
  PROP_MINUTES,
  PROP_WORD_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_lesson_finalize (GObject *object)
{
  RapportLesson *self = RAPPORT_LESSON (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->takeaways, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_lesson_parent_class)->finalize (object);
}

static void
rapport_lesson_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RapportLesson *self = RAPPORT_LESSON (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_MINUTES:
      g_value_set_uint (value, self->minutes);
      break;

    case PROP_WORD_COUNT:
      g_value_set_uint (value, self->word_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_lesson_class_init (RapportLessonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_lesson_finalize;
  object_class->get_property = rapport_lesson_get_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MINUTES] =
    g_param_spec_uint ("minutes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WORD_COUNT] =
    g_param_spec_uint ("word-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_lesson_init (RapportLesson *self)
{
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_section_unref);
  self->takeaways = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_inline_unref);
}

RapportLesson *
rapport_lesson_new (const char *key,
                    const char *title,
                    guint       minutes)
{
  RapportLesson *self = g_object_new (RAPPORT_TYPE_LESSON, NULL);

  self->key = g_strdup (key);
  self->title = g_strdup (title);
  self->minutes = minutes;
  self->word_count = rapport_count_words (title);

  return self;
}

void
rapport_lesson_add_section (RapportLesson  *self,
                            RapportSection *section)
{
  g_ptr_array_add (self->sections, rapport_section_ref (section));
  self->word_count += rapport_section_count_words (section);
}

void
rapport_lesson_add_takeaway (RapportLesson *self,
                             RapportInline *takeaway)
{
  g_ptr_array_add (self->takeaways, rapport_inline_ref (takeaway));
  self->word_count += rapport_inline_count_words (takeaway);
}

const char *
rapport_lesson_get_key (RapportLesson *self)
{
  g_return_val_if_fail (RAPPORT_IS_LESSON (self), NULL);

  return self->key;
}

const char *
rapport_lesson_get_title (RapportLesson *self)
{
  g_return_val_if_fail (RAPPORT_IS_LESSON (self), NULL);

  return self->title;
}

/* The author's estimate of the reading time. */
guint
rapport_lesson_get_minutes (RapportLesson *self)
{
  g_return_val_if_fail (RAPPORT_IS_LESSON (self), 0);

  return self->minutes;
}

/* Words of the title, headings, blocks and takeaways: everything a learner
 * reads in the lesson.
 */
guint
rapport_lesson_get_word_count (RapportLesson *self)
{
  g_return_val_if_fail (RAPPORT_IS_LESSON (self), 0);

  return self->word_count;
}

guint
rapport_lesson_get_n_sections (RapportLesson *self)
{
  g_return_val_if_fail (RAPPORT_IS_LESSON (self), 0);

  return self->sections->len;
}

RapportSection *
rapport_lesson_get_section (RapportLesson *self,
                            guint          position)
{
  g_return_val_if_fail (RAPPORT_IS_LESSON (self), NULL);
  g_return_val_if_fail (position < self->sections->len, NULL);

  return g_ptr_array_index (self->sections, position);
}

guint
rapport_lesson_get_n_takeaways (RapportLesson *self)
{
  g_return_val_if_fail (RAPPORT_IS_LESSON (self), 0);

  return self->takeaways->len;
}

RapportInline *
rapport_lesson_get_takeaway (RapportLesson *self,
                             guint          position)
{
  g_return_val_if_fail (RAPPORT_IS_LESSON (self), NULL);
  g_return_val_if_fail (position < self->takeaways->len, NULL);

  return g_ptr_array_index (self->takeaways, position);
}
