/* rapport-bank-moodle.c: Moodle XML, the format of Moodle's question bank
 * export, as Moodle's importer reads it (question/format/xml/format.php).
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A Moodle XML bank is untrusted XML like any topic file, so it goes through
 * the topic loader's own guards (SECURITY.md), reused rather than copied:
 * the bytes are checked here in words about banks, then the loader's quick
 * scan refuses any DOCTYPE and too deep or too large documents, and its
 * parser reads from memory with the safe options and the deny-all entity
 * loader (rapport-topic-loader-bytes.c and -libxml.c). Only the schema and
 * the walk are Moodle's own, below.
 *
 * <quiz> holds <question type="…"> elements. type="category" switches the
 * category of the questions after it. Every text is an element with a
 * format attribute, a <text> (often CDATA with HTML) and the <file
 * encoding="base64"> pictures it shows as @@PLUGINFILE@@/name.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/tree.h>

#include "rapport-bank-moodle-private.h"
#include "rapport-io.h"
#include "rapport-topic-loader-private.h"


double
rapport_bank_moodle_fraction_of (xmlNode *answer)
{
  g_autofree char *value = attribute (answer, "fraction");
  xmlNode *old = child (answer, "fraction");
  double fraction;
  char *end = NULL;

  if (old != NULL)
    {
      /* Before Moodle 2, a child and already a fraction. */
      g_autofree char *text = g_strstrip (content (old));

      fraction = g_ascii_strtod (text, &end);
      return end != text && isfinite (fraction) ? CLAMP (fraction, -1, 1) : 0;
    }

  if (value == NULL)
    return 0;

  fraction = g_ascii_strtod (value, &end);
  if (end == value || !isfinite (fraction))
    return 0;

  return CLAMP (fraction, -100, 100) / 100;
}

/* Texts and their files */

static RapportBankTextFormat
format_of (xmlNode               *node,
           RapportBankTextFormat  default_format)
{
  g_autofree char *format = attribute (node, "format");

  if (format == NULL)
    return default_format;
  if (g_str_equal (format, "moodle_auto_format"))
    return RAPPORT_BANK_TEXT_MOODLE;
  if (g_str_equal (format, "plain_text") || g_str_equal (format, "wiki_like"))
    return RAPPORT_BANK_TEXT_PLAIN;
  if (g_str_equal (format, "markdown"))
    return RAPPORT_BANK_TEXT_MARKDOWN;

  return RAPPORT_BANK_TEXT_HTML;   /* as Moodle assumes for any other */
}

static gboolean
is_base64 (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=' && !g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

/* A file of @text, decoded with its size checked first. */
static void
add_file (Reader          *r,
          const char      *name,
          const char      *encoding,
          const char      *data,
          guint            line,
          RapportBankText *text)
{
  g_autofree char *quoted = rapport_bank_quote (name);
  g_autoptr(GBytes) bytes = NULL;
  RapportBankMedia *media;
  gsize length = strlen (data);
  guchar *decoded;
  gsize decoded_length = 0;
  gint state = 0;
  guint save = 0;

  if (name == NULL)
    {
      rapport_bank_skip (r->bank, line, "file",
                         _("A file without a name is left out."));
      return;
    }

  if (encoding == NULL || !g_str_equal (encoding, "base64") || !is_base64 (data))
    {
      rapport_bank_skip (r->bank, line, "file",
                         _("The file “%s” is left out: it is not in base64, as Moodle writes "
                           "files."),
                         quoted);
      return;
    }

  if (length / 4 * 3 > RAPPORT_BANK_MAX_MEDIA_SIZE)
    {
      g_autofree char *size = g_format_size_full (RAPPORT_BANK_MAX_MEDIA_SIZE,
                                                  G_FORMAT_SIZE_IEC_UNITS);

      rapport_bank_skip (r->bank, line, "file",
                         _("The file “%s” is left out: a picture may have at most %s."),
                         quoted, size);
      return;
    }

  decoded = g_malloc (length / 4 * 3 + 3);
  decoded_length = g_base64_decode_step (data, length, decoded, &state, &save);
  bytes = g_bytes_new_take (decoded, decoded_length);

  if (decoded_length == 0)
    {
      rapport_bank_skip (r->bank, line, "file",
                         _("The file “%s” is left out: it is empty."), quoted);
      return;
    }

  media = rapport_bank_add_media (r->bank, name, bytes, line);
  if (media != NULL)
    g_ptr_array_add (text->files, media);
}

/* A <file encoding="base64">. */
static void
read_file (Reader          *r,
           xmlNode         *file,
           RapportBankText *text)
{
  g_autofree char *name = attribute (file, "name");
  g_autofree char *encoding = attribute (file, "encoding");
  g_autofree char *data = content (file);

  add_file (r, name, encoding, data, line_of (file), text);
}

/* A text field such as <questiontext format="html"><text>…</text><file/>…;
 * %NULL when there is none. A text longer than Rapport imports is cut off
 * at a character boundary and noted.
 */
RapportBankText *
rapport_bank_moodle_read_text (Reader                *r,
                               xmlNode               *field,
                               RapportBankTextFormat  default_format)
{
  g_autofree char *words = NULL;
  RapportBankText *text;
  xmlNode *text_node;

  if (field == NULL)
    return NULL;

  text_node = child (field, "text");
  words = g_strstrip (content (text_node != NULL ? text_node : NULL));

  if (strlen (words) > RAPPORT_BANK_MAX_TEXT)
    {
      const char *cut = g_utf8_find_prev_char (words, words + RAPPORT_BANK_MAX_TEXT);
      g_autofree char *size = g_format_size_full (RAPPORT_BANK_MAX_TEXT, G_FORMAT_SIZE_IEC_UNITS);

      words[cut != NULL ? cut - words : 0] = '\0';
      rapport_bank_note (r->bank, line_of (field), "length",
                         _("This text is longer than %s; only its first %s are kept."),
                         size, size);
    }

  text = rapport_bank_text_new (words, format_of (field, default_format),
                                line_of (text_node != NULL ? text_node : field));

  for (xmlNode *c = field->children; c != NULL; c = c->next)
    {
      if (is_element (c, "file"))
        read_file (r, c, text);
    }

  return text;
}

/* What every question has: name, text, general feedback, tags, and the old
 * <image> of Moodle 1.
 */
static RapportBankQuestion *
read_headers (Reader          *r,
              xmlNode         *node,
              RapportBankType  type,
              const char      *bank_type)
{
  RapportBankQuestion *question = rapport_bank_question_new (type, bank_type, line_of (node));
  xmlNode *name = child (node, "name");
  xmlNode *tags = child (node, "tags");
  xmlNode *image = child (node, "image");
  xmlNode *image_data = child (node, "image_base64");

  if (name != NULL)
    {
      question->title = text_of (name);
      if (question->title[0] == '\0')
        g_clear_pointer (&question->title, g_free);
    }

  question->stem = rapport_bank_moodle_read_text (r, child (node, "questiontext"), RAPPORT_BANK_TEXT_HTML);
  if (question->stem == NULL)
    question->stem = rapport_bank_text_new ("", RAPPORT_BANK_TEXT_HTML, line_of (node));

  question->general_feedback = rapport_bank_moodle_read_text (r, child (node, "generalfeedback"),
                                          question->stem->format);
  question->category = r->category;

  for (xmlNode *tag = tags != NULL ? tags->children : NULL; tag != NULL; tag = tag->next)
    {
      if (is_element (tag, "tag"))
        {
          char *words = text_of (tag);

          if (words[0] != '\0')
            g_ptr_array_add (question->tags, words);
          else
            g_free (words);
        }
    }

  if (image != NULL && image_data != NULL)
    {
      g_autofree char *file_name = g_strstrip (content (image));
      g_autofree char *base_name = g_path_get_basename (file_name);
      g_autofree char *escaped = g_uri_escape_string (base_name, NULL, FALSE);
      g_autofree char *data = content (image_data);
      g_autofree char *raw = g_strdup_printf ("%s <img src=\"@@PLUGINFILE@@/%s\">",
                                              question->stem->raw, escaped);

      /* A file of the text, which is what Moodle 2 made of it. */
      add_file (r, base_name, "base64", data, line_of (image_data), question->stem);

      g_free (question->stem->raw);
      question->stem->raw = g_steal_pointer (&raw);
    }

  return question;
}

/* What a question has that Rapport does not keep, said once each. */
static void
note_extras (Reader  *r,
             xmlNode *node)
{
  static const char * const combined[] = {
    "correctfeedback", "partiallycorrectfeedback", "incorrectfeedback",
  };
  /* Moodle's own defaults for the three, which say nothing of the question. */
  static const char * const defaults[] = {
    "Your answer is correct.", "Your answer is partially correct.", "Your answer is incorrect.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (combined); i++)
    {
      g_autofree char *words = NULL;
      xmlNode *field = child (node, combined[i]);

      if (field == NULL)
        continue;

      words = text_of (field);
      if (words[0] != '\0' && strstr (words, defaults[i]) == NULL)
        {
          rapport_bank_note (r->bank, line_of (field), "feedback",
                             _("The feedback for right, partly right and wrong answers as a "
                               "whole is not kept: Rapport says so itself, and gives each "
                               "answer’s own feedback."));
          break;
        }
    }

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_element (c, "hint"))
        {
          g_autofree char *words = text_of (c);

          if (words[0] != '\0')
            {
              rapport_bank_note (r->bank, line_of (c), "hint",
                                 _("The hints of this question are not kept: Rapport gives no "
                                   "hints while a learner answers."));
              break;
            }
        }
    }
}

/* Questions */

static void
read_category (Reader  *r,
               xmlNode *node)
{
  xmlNode *category = child (node, "category");
  xmlNode *info = child (node, "info");
  g_autofree char *path = NULL;

  if (category == NULL)
    return;

  /* Moodle 2 wrote the path straight in <category>; later ones in <text>. */
  path = child (category, "text") != NULL ? text_of (category) : g_strstrip (content (category));
  r->category = rapport_bank_use_category (r->bank, path, line_of (node));

  if (r->category != NULL && r->category->info == NULL && info != NULL)
    {
      RapportBankText *text = rapport_bank_moodle_read_text (r, info, RAPPORT_BANK_TEXT_MOODLE);

      if (rapport_bank_text_is_empty (text))
        rapport_bank_text_free (text);
      else
        r->category->info = text;
    }
}

static const struct
{
  const char      *name;
  RapportBankType  type;
  gboolean       (*read) (Reader *, xmlNode *, RapportBankQuestion *);
} question_types[] = {
  { "multichoice", RAPPORT_BANK_SINGLE, rapport_bank_moodle_read_choices },
  { "truefalse", RAPPORT_BANK_TRUEFALSE, rapport_bank_moodle_read_truefalse },
  { "shortanswer", RAPPORT_BANK_SHORT, rapport_bank_moodle_read_typed },
  { "numerical", RAPPORT_BANK_NUMERIC, rapport_bank_moodle_read_typed },
  { "matching", RAPPORT_BANK_MATCHING, rapport_bank_moodle_read_matching },
  { "match", RAPPORT_BANK_MATCHING, rapport_bank_moodle_read_matching },
  { "ordering", RAPPORT_BANK_ORDERING, rapport_bank_moodle_read_ordering },
  { "essay", RAPPORT_BANK_ESSAY, NULL },
  { "description", RAPPORT_BANK_DESCRIPTION, NULL },
};

static void
skip_type (Reader     *r,
           xmlNode    *node,
           const char *type)
{
  g_autofree char *quoted = rapport_bank_quote (type);
  guint line = line_of (node);

  if (g_str_equal (type, "cloze") || g_str_equal (type, "multianswer"))
    rapport_bank_skip (r->bank, line, type,
                       _("Embedded answers (Cloze) cannot be imported: a Rapport question has "
                         "its answers apart from its text. Left out."));
  else if (g_str_has_prefix (type, "calculated"))
    rapport_bank_skip (r->bank, line, type,
                       _("Calculated questions cannot be imported: Rapport has no formulas "
                         "with changing numbers. Left out."));
  else if (g_str_equal (type, "random") || g_str_equal (type, "randomsamatch"))
    rapport_bank_skip (r->bank, line, type,
                       _("Random questions cannot be imported: they stand for questions drawn "
                         "from a category. In Rapport, give the quiz a “draw” instead. Left "
                         "out."));
  else
    rapport_bank_skip (r->bank, line, type,
                       _("Questions of the type “%s” cannot be imported: Rapport has no such "
                         "questions. Left out."),
                       quoted);
}

static void
read_question (Reader  *r,
               xmlNode *node)
{
  g_autofree char *type = attribute (node, "type");
  g_autoptr(RapportBankQuestion) question = NULL;

  if (type == NULL)
    {
      rapport_bank_skip (r->bank, line_of (node), "question",
                         _("This question has no type, so it cannot be imported."));
      return;
    }

  if (g_str_equal (type, "category"))
    {
      read_category (r, node);
      return;
    }

  if (r->bank->questions->len >= RAPPORT_BANK_MAX_QUESTIONS)
    {
      if (!r->full)
        rapport_bank_skip (r->bank, line_of (node), type,
                           _("The bank has more than %u questions; this one and those after it "
                             "are left out."),
                           RAPPORT_BANK_MAX_QUESTIONS);
      r->full = TRUE;
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (question_types); i++)
    {
      if (!g_str_equal (question_types[i].name, type))
        continue;

      question = read_headers (r, node, question_types[i].type, question_types[i].name);
      note_extras (r, node);
      if ((question_types[i].read == NULL || question_types[i].read (r, node, question)) &&
          rapport_bank_check_question (r->bank, question))
        rapport_bank_add_question (r->bank, g_steal_pointer (&question));
      return;
    }

  skip_type (r, node, type);
}

/* The document */

static xmlDoc *
parse (const char *display_name,
       const char *data,
       gsize       length,
       GPtrArray  *problems)
{
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);
  RapportLoad load = { 0 };
  const char *doctype;

  doctype = g_strstr_len (data, length, "<!DOCTYPE");
  if (doctype != NULL)
    {
      rapport_problem_list_add (problems, display_name, 1 + rapport_bank_count_lines (data, doctype),
                                _("The bank has a document type declaration (<!DOCTYPE …>), "
                                  "which Moodle never writes and Rapport refuses for safety. "
                                  "Remove it, or export the bank from Moodle again."));
      return NULL;
    }

  load.file = display_name;
  load.problems = problems;
  load.pool = pool;

  rapport_libxml_init ();
  if (!rapport_load_check_bytes (&load, data, length))
    return NULL;

  return rapport_load_parse (&load, data, length);
}

RapportBank *
rapport_bank_read_moodle (GBytes      *bytes,
                          const char  *display_name,
                          GPtrArray   *problems,
                          GError     **error)
{
  g_autoptr(RapportBank) bank = NULL;
  Reader r = { 0 };
  const char *data;
  xmlNode *root;
  xmlDoc *doc;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (!rapport_bank_check_text (display_name, data, length, problems) ||
      (doc = parse (display_name, data, length, problems)) == NULL)
    {
      return rapport_bank_refuse (display_name, error);
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_element (root, "quiz"))
    {
      if (is_element (root, "topic"))
        rapport_problem_list_add (problems, display_name, line_of (root),
                                  _("This is a Rapport topic file, not a question bank: check it "
                                    "with “rapport-pack validate” and add it to a pack as it "
                                    "is."));
      else
        rapport_problem_list_add (problems, display_name, line_of (root),
                                  _("This is not a Moodle XML question bank: it starts with <%s> "
                                    "instead of <quiz>."),
                                  root != NULL ? (const char *) root->name : "");
      xmlFreeDoc (doc);
      return rapport_bank_refuse (display_name, error);
    }

  bank = rapport_bank_new (RAPPORT_BANK_MOODLE_XML, display_name);
  r.bank = bank;

  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      if (is_element (c, "question"))
        {
          bank->question = line_of (c);
          read_question (&r, c);
          bank->question = 0;
        }
    }

  xmlFreeDoc (doc);

  return g_steal_pointer (&bank);
}
