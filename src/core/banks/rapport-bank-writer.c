/* rapport-bank-writer.c: a question bank as Rapport topic files: one topic
 * per category (or one for all), its questions as the quiz, its essays as
 * journal prompts, its descriptions as the lesson.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A topic file needs more than a bank has: a summary, a lesson, journal
 * prompts and a rubric. What the bank does not have is written as a
 * sentence that says what to write there, in the trainer's language, and
 * listed in the topic's placeholders, as `rapport-pack new` gives a skeleton
 * to replace. Every question says in a comment where in the bank it came
 * from. Nothing is written that the topic loader would refuse: the fuzz
 * targets load every topic written from any input.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-bank-private.h"
#include "rapport-bank-writer.h"
#include "rapport-keys.h"
#include "rapport-skill.h"

/* A "line" of the topic format: a title, summary, heading or alt text. */
#define MAX_LINE 400

#define DEFAULT_SKILL    "communication"
#define DEFAULT_LANGUAGE "en"
#define ICON             "dialog-question-symbolic"
#define PASS_MARK        70

typedef struct
{
  RapportBankCategory *category;
  char                *title;
  GPtrArray           *questions;   /* (element-type RapportBankQuestion) (transfer container) */
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->title);
  g_ptr_array_unref (group->questions);
  g_free (group);
}

void
rapport_bank_topic_free (RapportBankTopic *topic)
{
  if (topic == NULL)
    return;

  g_free (topic->key);
  g_free (topic->file);
  g_free (topic->title);
  g_clear_pointer (&topic->xml, g_bytes_unref);
  g_free (topic);
}

/* Keys */

/* Lower-case words joined by hyphens, as keys are, from any text. */
static char *
make_key (const char *text,
          gsize       max)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  GString *key = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && key->len < max; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (key, g_ascii_tolower (*p));
      else if (key->len > 0 && key->str[key->len - 1] != '-')
        g_string_append_c (key, '-');
    }

  while (key->len > 0 && key->str[key->len - 1] == '-')
    g_string_truncate (key, key->len - 1);

  return g_string_free (key, FALSE);
}

/* @base (or @fallback when it is no key), or @base-2, -3… when @taken has
 * it; added to @taken.
 */
static char *
claim_key (GHashTable *taken,
           const char *base,
           const char *fallback)
{
  const char *stem = base != NULL && rapport_key_is_valid (base) ? base : fallback;
  char *key = g_strdup (stem);

  for (guint n = 2; g_hash_table_contains (taken, key); n++)
    {
      g_autofree char *suffix = g_strdup_printf ("-%u", n);
      gsize room = RAPPORT_KEY_MAX_LENGTH - strlen (suffix);
      gsize length = MIN (strlen (stem), room);

      while (length > 1 && stem[length - 1] == '-')
        length--;
      g_free (key);
      key = g_strdup_printf ("%.*s%s", (int) length, stem, suffix);
    }

  g_hash_table_add (taken, g_strdup (key));

  return key;
}

/* The first words of a question, for its key when it has no title. */
static char *
question_key_base (RapportBankQuestion *question)
{
  g_autofree char *words = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) first = g_string_new (NULL);

  if (question->title != NULL)
    return make_key (question->title, 48);

  /* Words only, noting nothing: the prompt notes what it leaves out. */
  words = rapport_bank_text_to_plain (NULL, question->stem);

  parts = g_strsplit (words, " ", 7);
  for (guint i = 0; parts[i] != NULL && i < 6; i++)
    {
      g_string_append (first, parts[i]);
      g_string_append_c (first, ' ');
    }

  return make_key (first->str, 48);
}

/* Lines */

/* @text on one line of at most MAX_LINE characters; a longer one is cut
 * and noted.
 */
static char *
line_text (RapportBank *bank,
           const char  *text,
           guint        line)
{
  g_autofree char *words = rapport_bank_collapse (text);

  if (g_utf8_strlen (words, -1) > MAX_LINE)
    {
      g_autofree char *start = g_utf8_substring (words, 0, MAX_LINE - 1);
      g_autofree char *quoted = rapport_bank_quote (words);

      rapport_bank_note (bank, line, "length",
                         _("“%s” is longer than %u characters, the most a title, heading or "
                           "description of a picture may have; it was shortened."),
                         quoted, MAX_LINE);
      return g_strconcat (start, "…", NULL);
    }

  return g_steal_pointer (&words);
}

/* A line that must say something: @fallback when nothing of @text is left. */
static char *
required_line (RapportBank *bank,
               const char  *text,
               guint        line,
               const char  *fallback)
{
  char *words = line_text (bank, text, line);

  if (words[0] != '\0')
    return words;

  g_free (words);

  return line_text (bank, fallback, 0);
}

static void
append_line_element (RapportBank *bank,
                     GString     *out,
                     const char  *indent,
                     const char  *element,
                     const char  *text,
                     guint        line)
{
  g_autofree char *words = line_text (bank, text, line);

  rapport_bank_append_plain_element (out, indent, element, words);
}

/* Groups */

static char *
bank_title (RapportBank *bank)
{
  g_autofree char *base = g_path_get_basename (bank->file);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_strdup (base);
}

static GPtrArray *
group_questions (RapportBank                   *bank,
                 const RapportBankWriteOptions *options)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);

  for (guint i = 0; i < bank->questions->len; i++)
    {
      RapportBankQuestion *question = g_ptr_array_index (bank->questions, i);
      RapportBankCategory *category = options->topic_key != NULL ? NULL : question->category;
      Group *group = NULL;

      for (guint j = 0; j < groups->len && group == NULL; j++)
        {
          Group *g = g_ptr_array_index (groups, j);

          if (g->category == category)
            group = g;
        }

      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->category = category;
          group->questions = g_ptr_array_new ();
          g_ptr_array_add (groups, group);
        }

      g_ptr_array_add (group->questions, question);
    }

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      if (group->category != NULL)
        group->title = g_strdup (group->category->title);
      else if (options->topic_key != NULL && bank->categories->len == 1)
        group->title = g_strdup (((RapportBankCategory *) g_ptr_array_index (bank->categories,
                                                                             0))->title);
      else
        group->title = bank_title (bank);
    }

  return groups;
}

/* The lesson */

typedef struct
{
  GString *sections;
  GString *section;      /* the blocks of the section being written */
  char    *heading;      /* its heading, not yet written */
  guint    n_words;
} Lesson;

static void
close_section (RapportBank *bank,
               Lesson      *lesson,
               guint        line)
{
  g_autofree char *heading = lesson->heading != NULL ? line_text (bank, lesson->heading, line)
                                                     : NULL;

  if (lesson->section->len == 0 && heading != NULL && heading[0] != '\0')
    {
      /* A heading with nothing under it says something still. */
      g_string_append (lesson->section, "      <p><strong>");
      rapport_bank_append_escaped (lesson->section, heading, -1);
      g_string_append (lesson->section, "</strong></p>\n");
      g_clear_pointer (&heading, g_free);
    }

  if (lesson->section->len > 0)
    {
      g_string_append (lesson->sections, "    <section>\n");
      if (heading != NULL && heading[0] != '\0')
        rapport_bank_append_plain_element (lesson->sections, "      ", "heading", heading);
      g_string_append (lesson->sections, lesson->section->str);
      g_string_append (lesson->sections, "    </section>\n");
    }

  g_string_truncate (lesson->section, 0);
  g_clear_pointer (&lesson->heading, g_free);
}

static guint
count_words (const char *markup)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = markup; *p != '\0'; p++)
    {
      gboolean letter = !g_ascii_isspace (*p);

      if (letter && !in_word)
        n++;
      in_word = letter;
    }

  return n;
}

static void
write_blocks (RapportBank         *bank,
              Lesson              *lesson,
              RapportBankQuestion *question,
              const char          *lesson_title)
{
  g_autoptr(GPtrArray) blocks = rapport_bank_text_to_blocks (bank, question->stem);
  guint line = question->line;

  /* A titled description starts a section, under its title unless that is
   * the lesson's title already.
   */
  if (question->title != NULL)
    {
      close_section (bank, lesson, line);
      if (lesson->sections->len > 0 || g_strcmp0 (question->title, lesson_title) != 0)
        lesson->heading = g_strdup (question->title);
    }

  for (guint i = 0; i < blocks->len; i++)
    {
      RapportBankBlock *block = g_ptr_array_index (blocks, i);
      GString *out = lesson->section;

      switch (block->type)
        {
        case RAPPORT_BANK_BLOCK_HEADING:
          close_section (bank, lesson, line);
          lesson->heading = g_strdup (block->markup);
          break;

        case RAPPORT_BANK_BLOCK_PARAGRAPH:
          rapport_bank_append_element (out, "      ", "p", block->markup);
          lesson->n_words += count_words (block->markup);
          break;

        case RAPPORT_BANK_BLOCK_LIST:
        case RAPPORT_BANK_BLOCK_ORDERED_LIST:
          g_string_append (out, block->type == RAPPORT_BANK_BLOCK_LIST
                                ? "      <list>\n" : "      <list ordered=\"true\">\n");
          for (guint j = 0; j < block->items->len; j++)
            {
              rapport_bank_append_element (out, "        ", "item",
                                           g_ptr_array_index (block->items, j));
              lesson->n_words += count_words (g_ptr_array_index (block->items, j));
            }
          g_string_append (out, "      </list>\n");
          break;

        case RAPPORT_BANK_BLOCK_FIGURE:
          {
            g_autofree char *alt = line_text (bank, block->alt, line);

            g_string_append_printf (out, "      <figure src=\"%s\" alt=\"", block->media->name);
            rapport_bank_append_escaped (out, alt, -1);
            g_string_append (out, "\"/>\n");
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* <lesson> from the group's descriptions, or a placeholder. */
static void
write_lesson (RapportBank      *bank,
              Group            *group,
              GString          *out,
              RapportBankTopic *topic)
{
  Lesson lesson = { g_string_new (NULL), g_string_new (NULL), NULL, 0 };
  const char *title = NULL;
  guint line = 0;

  for (guint i = 0; i < group->questions->len; i++)
    {
      RapportBankQuestion *question = g_ptr_array_index (group->questions, i);
      guint length = lesson.sections->len + lesson.section->len;

      if (question->type != RAPPORT_BANK_DESCRIPTION)
        continue;

      if (title == NULL && question->title != NULL)
        title = question->title;
      if (line == 0)
        line = question->line;
      bank->question = question->line;
      write_blocks (bank, &lesson, question, title);
      bank->question = 0;

      if (lesson.sections->len + lesson.section->len > length || lesson.heading != NULL)
        {
          topic->n_descriptions++;
          topic->n_by_type[RAPPORT_BANK_DESCRIPTION]++;
        }
      else
        rapport_bank_skip (bank, question->line, question->bank_type,
                           _("This description is empty once what Rapport cannot show is left "
                             "out, so it is left out."));
    }
  close_section (bank, &lesson, line);

  if (lesson.sections->len == 0)
    {
      topic->placeholders |= RAPPORT_BANK_PLACEHOLDER_LESSON;
      g_string_append_printf (out, "  <lesson key=\"before-the-quiz\" minutes=\"1\">\n");
      append_line_element (bank, out, "    ", "title", _("Before the quiz"), 0);
      g_string_append (out, "    <section>\n");
      rapport_bank_append_plain_element (out, "      ", "p",
                                         _("Write here what learners should know before they "
                                           "answer these questions."));
      g_string_append (out, "    </section>\n");
    }
  else
    {
      g_autofree char *key = make_key (title != NULL ? title : group->title, 48);
      g_autofree char *words = required_line (bank, title != NULL ? title : group->title, line,
                                              _("Before the quiz"));

      g_string_append_printf (out, "  <lesson key=\"%s\" minutes=\"%u\">\n",
                              rapport_key_is_valid (key) ? key : "introduction",
                              CLAMP ((lesson.n_words + 199) / 200, 1, 120));
      rapport_bank_append_plain_element (out, "    ", "title", words);
      g_string_append (out, lesson.sections->str);
    }
  g_string_append (out, "  </lesson>\n");

  g_string_free (lesson.sections, TRUE);
  g_string_free (lesson.section, TRUE);
  g_free (lesson.heading);
}

/* The journal and the rubric */

static void
write_journal (RapportBank      *bank,
               Group            *group,
               GString          *out,
               RapportBankTopic *topic)
{
  g_string_append (out, "  <journal>\n");

  for (guint i = 0; i < group->questions->len; i++)
    {
      RapportBankQuestion *question = g_ptr_array_index (group->questions, i);
      g_autofree char *prompt = NULL;

      if (question->type != RAPPORT_BANK_ESSAY)
        continue;

      bank->question = question->line;
      prompt = rapport_bank_text_to_inline (bank, question->stem);
      bank->question = 0;
      if (prompt[0] == '\0')
        {
          rapport_bank_skip (bank, question->line, question->bank_type,
                             _("The text of this essay question is empty once what Rapport "
                               "cannot show is left out, so it is left out."));
          continue;
        }

      if (!rapport_bank_text_is_empty (question->general_feedback))
        rapport_bank_note (bank, question->line, "feedback",
                           _("This essay question becomes a journal prompt; its general "
                             "feedback is not kept, as journal prompts have none."));

      rapport_bank_append_element (out, "    ", "prompt", prompt);
      topic->n_prompts++;
      topic->n_by_type[RAPPORT_BANK_ESSAY]++;
    }

  if (topic->n_prompts == 0)
    {
      topic->placeholders |= RAPPORT_BANK_PLACEHOLDER_JOURNAL;
      rapport_bank_append_plain_element (out, "    ", "prompt",
                                         _("When did one of these questions come up on a real "
                                           "call, and what did you say?"));
    }

  g_string_append (out, "  </journal>\n");
}

static void
write_rubric (GString          *out,
              RapportBankTopic *topic)
{
  const char *levels[] = {
    _("Describe what someone does on a call who has not learnt this yet."),
    _("Describe what someone does on a call who is starting to apply it."),
    _("Describe what someone does who applies it on most calls."),
    _("Describe what someone does who applies it on every call."),
    _("Describe what someone does who masters it and helps others learn it."),
  };

  topic->placeholders |= RAPPORT_BANK_PLACEHOLDER_RUBRIC;
  g_string_append (out, "  <rubric>\n");
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_string_append_printf (out, "    <level value=\"%u\">", i + 1);
      rapport_bank_append_escaped (out, levels[i], -1);
      g_string_append (out, "</level>\n");
    }
  g_string_append (out, "  </rubric>\n");
}

/* The topic */

static void
write_quiz (RapportBank      *bank,
            Group            *group,
            GString          *quiz,
            RapportBankTopic *topic)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < group->questions->len; i++)
    {
      RapportBankQuestion *question = g_ptr_array_index (group->questions, i);
      g_autoptr(GString) xml = NULL;
      g_autofree char *base = NULL;
      g_autofree char *key = NULL;
      gboolean explained = FALSE;
      gboolean written;

      if (question->type == RAPPORT_BANK_ESSAY || question->type == RAPPORT_BANK_DESCRIPTION)
        continue;

      xml = g_string_new (NULL);
      base = question_key_base (question);
      key = claim_key (keys, base, "question");
      bank->question = question->line;
      written = rapport_bank_write_question (bank, question, key, xml, &explained);
      bank->question = 0;
      if (!written)
        continue;

      g_string_append (quiz, xml->str);
      topic->n_by_type[question->type]++;
      topic->n_questions++;
      if (explained)
        topic->n_explained++;
    }
}

static guint
count_elements (const GString *xml)
{
  guint n = 0;

  for (gsize i = 0; i + 1 < xml->len; i++)
    {
      if (xml->str[i] == '<' && g_ascii_isalpha (xml->str[i + 1]))
        n++;
    }

  return n;
}

static GBytes *
assemble (const char *head,
          const char *quiz,
          const char *tail)
{
  GString *xml = g_string_new (head);

  if (quiz[0] != '\0')
    g_string_append_printf (xml, "\n  <quiz pass-mark=\"%u\">\n%s  </quiz>\n", PASS_MARK, quiz);
  g_string_append_c (xml, '\n');
  g_string_append (xml, tail);

  return g_string_free_to_bytes (xml);
}

static RapportBankTopic *
write_topic (RapportBank                    *bank,
             Group                          *group,
             const RapportBankWriteOptions  *options,
             GHashTable                     *taken,
             GError                        **error)
{
  g_autoptr(RapportBankTopic) topic = g_new0 (RapportBankTopic, 1);
  g_autoptr(GString) head = g_string_new (NULL);
  g_autoptr(GString) quiz = g_string_new (NULL);
  g_autoptr(GString) tail = g_string_new (NULL);
  g_autofree char *title_key = make_key (group->title, 48);
  g_autofree char *summary = NULL;
  g_autofree char *base_name = g_path_get_basename (bank->file);
  guint line = group->category != NULL ? group->category->line : 0;

  topic->key = options->topic_key != NULL ? g_strdup (options->topic_key)
                                          : claim_key (taken, title_key, "imported-questions");
  topic->file = g_strdup_printf ("topics/%s.xml", topic->key);
  topic->title = required_line (bank, group->title, line, topic->key);

  /* The quiz first: its questions decide whether the topic has any. */
  write_quiz (bank, group, quiz, topic);

  g_string_append (head, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Imported from ");
  rapport_bank_append_comment_text (head, base_name);
  g_string_append (head, " by rapport-pack import. The questions are the bank's;\n"
                         "     replace the placeholders the import listed with your own words.\n"
                         "     See FORMAT.md. -->\n");
  g_string_append_printf (head, "<topic format=\"1\" key=\"%s\" skill=\"%s\" icon=\"%s\" "
                                "xml:lang=\"%s\">\n",
                          topic->key, options->skill != NULL ? options->skill : DEFAULT_SKILL, ICON,
                          options->language != NULL ? options->language : DEFAULT_LANGUAGE);
  rapport_bank_append_plain_element (head, "  ", "title", topic->title);

  if (group->category != NULL && group->category->info != NULL)
    {
      g_autofree char *info = rapport_bank_text_to_plain (bank, group->category->info);

      summary = line_text (bank, info, group->category->info->line);
    }
  if (summary == NULL || summary[0] == '\0')
    {
      g_free (summary);
      summary = g_strdup_printf (_("Questions imported from %s."), base_name);
      topic->placeholders |= RAPPORT_BANK_PLACEHOLDER_SUMMARY;
    }
  append_line_element (bank, head, "  ", "summary", summary, line);
  g_string_append_c (head, '\n');
  write_lesson (bank, group, head, topic);

  write_journal (bank, group, tail, topic);
  g_string_append_c (tail, '\n');
  write_rubric (tail, topic);
  g_string_append (tail, "</topic>\n");

  if (topic->n_questions + topic->n_prompts + topic->n_descriptions == 0)
    return NULL;

  topic->xml = assemble (head->str, quiz->str, tail->str);

  if (g_bytes_get_size (topic->xml) > RAPPORT_TOPIC_MAX_SIZE ||
      count_elements (head) + count_elements (quiz) + count_elements (tail) >
        RAPPORT_TOPIC_MAX_ELEMENTS)
    {
      g_set_error (error, RAPPORT_BANK_ERROR, RAPPORT_BANK_ERROR_TOO_LARGE,
                   _("The topic “%s” would be larger than a topic file may be. Export the "
                     "bank’s categories one at a time, or import them without --topic."),
                   topic->title);
      return NULL;
    }

  return g_steal_pointer (&topic);
}

/**
 * rapport_bank_write:
 *
 * Writes the bank's questions as topic files, in memory. What cannot be
 * written is added to the bank's skipped list and notes.
 *
 * Returns: (transfer container) (element-type RapportBankTopic): the topics,
 * perhaps none; %NULL with %RAPPORT_BANK_ERROR_TOO_LARGE when one would be
 * larger than a topic file may be.
 */
GPtrArray *
rapport_bank_write (RapportBank                    *bank,
                    const RapportBankWriteOptions  *options,
                    GError                        **error)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_bank_topic_free);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (bank != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->topic_key == NULL || rapport_key_is_valid (options->topic_key),
                        NULL);
  g_return_val_if_fail (options->skill == NULL || rapport_skill_lookup (options->skill) != NULL,
                        NULL);
  g_return_val_if_fail (options->language == NULL ||
                        rapport_language_is_valid (options->language), NULL);

  if (options->taken_keys != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, options->taken_keys);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (taken, g_strdup (key));
    }

  groups = group_questions (bank, options);
  for (guint i = 0; i < groups->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      RapportBankTopic *topic = write_topic (bank, g_ptr_array_index (groups, i), options, taken,
                                             &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (topic != NULL)
        g_ptr_array_add (topics, topic);
    }

  return g_steal_pointer (&topics);
}
