/* rapport-bank.c: the model of a question bank, what was left out of it,
 * and the checks every bank's bytes and questions go through.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-bank-private.h"

G_DEFINE_QUARK (rapport-bank-error-quark, rapport_bank_error)

static void
note_free (gpointer data)
{
  RapportBankNote *note = data;

  g_free (note->type);
  g_free (note->message);
  g_free (note);
}

static void
media_free (gpointer data)
{
  RapportBankMedia *media = data;

  g_free (media->name);
  g_free (media->original);
  g_clear_pointer (&media->bytes, g_bytes_unref);
  g_free (media->refused);
  g_free (media);
}

static void
category_free (gpointer data)
{
  RapportBankCategory *category = data;

  g_free (category->path);
  g_free (category->title);
  g_clear_pointer (&category->info, rapport_bank_text_free);
  g_free (category);
}

static void
answer_free (gpointer data)
{
  RapportBankAnswer *answer = data;

  g_clear_pointer (&answer->text, rapport_bank_text_free);
  g_clear_pointer (&answer->feedback, rapport_bank_text_free);
  g_free (answer->right);
  g_free (answer);
}

RapportBank *
rapport_bank_new (RapportBankFormat  format,
                  const char        *display_name)
{
  RapportBank *bank = g_new0 (RapportBank, 1);

  bank->format = format;
  bank->file = g_strdup (display_name);
  bank->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_bank_question_free);
  bank->categories = g_ptr_array_new_with_free_func (category_free);
  bank->media = g_ptr_array_new_with_free_func (media_free);
  bank->skipped = g_ptr_array_new_with_free_func (note_free);
  bank->notes = g_ptr_array_new_with_free_func (note_free);

  return bank;
}

void
rapport_bank_free (RapportBank *bank)
{
  if (bank == NULL)
    return;

  g_free (bank->file);
  g_ptr_array_unref (bank->questions);
  g_ptr_array_unref (bank->categories);
  g_ptr_array_unref (bank->media);
  g_ptr_array_unref (bank->skipped);
  g_ptr_array_unref (bank->notes);
  g_free (bank);
}

RapportBankText *
rapport_bank_text_new_len (const char            *raw,
                           gssize                 length,
                           RapportBankTextFormat  format,
                           guint                  line)
{
  RapportBankText *text = g_new0 (RapportBankText, 1);

  text->raw = length < 0 ? g_strdup (raw != NULL ? raw : "") : g_strndup (raw, length);
  text->format = format;
  text->line = line;
  text->files = g_ptr_array_new ();

  return text;
}

RapportBankText *
rapport_bank_text_new (const char            *raw,
                       RapportBankTextFormat  format,
                       guint                  line)
{
  return rapport_bank_text_new_len (raw, -1, format, line);
}

void
rapport_bank_text_free (RapportBankText *text)
{
  if (text == NULL)
    return;

  g_free (text->raw);
  g_ptr_array_unref (text->files);
  g_free (text);
}

gboolean
rapport_bank_text_is_empty (const RapportBankText *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text->raw; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

RapportBankMedia *
rapport_bank_text_find_file (const RapportBankText *text,
                             const char            *original)
{
  for (guint i = 0; i < text->files->len; i++)
    {
      RapportBankMedia *media = g_ptr_array_index (text->files, i);

      if (g_str_equal (media->original, original))
        return media;
    }

  return NULL;
}

RapportBankAnswer *
rapport_bank_answer_new (RapportBankText *text,
                         double           fraction,
                         RapportBankText *feedback,
                         guint            line)
{
  RapportBankAnswer *answer = g_new0 (RapportBankAnswer, 1);

  answer->text = text;
  answer->fraction = fraction;
  answer->feedback = feedback;
  answer->line = line;

  return answer;
}

RapportBankQuestion *
rapport_bank_question_new (RapportBankType  type,
                           const char      *bank_type,
                           guint            line)
{
  RapportBankQuestion *question = g_new0 (RapportBankQuestion, 1);

  question->type = type;
  question->bank_type = bank_type;
  question->answers = g_ptr_array_new_with_free_func (answer_free);
  question->tags = g_ptr_array_new_with_free_func (g_free);
  question->line = line;

  return question;
}

void
rapport_bank_question_free (RapportBankQuestion *question)
{
  if (question == NULL)
    return;

  g_free (question->title);
  g_clear_pointer (&question->stem, rapport_bank_text_free);
  g_ptr_array_unref (question->answers);
  g_clear_pointer (&question->general_feedback, rapport_bank_text_free);
  g_clear_pointer (&question->feedback_true, rapport_bank_text_free);
  g_clear_pointer (&question->feedback_false, rapport_bank_text_free);
  g_ptr_array_unref (question->tags);
  g_free (question);
}

void
rapport_bank_add_question (RapportBank         *bank,
                           RapportBankQuestion *question)
{
  g_ptr_array_add (bank->questions, question);
}

/* Moodle writes a category as a path from a context: "$course$/top/Refunds".
 * The context and the "top" that every context has say nothing.
 */
static char *
category_title (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);

  for (int i = (int) g_strv_length (parts) - 1; i >= 0; i--)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));

      if (part[0] == '\0' || g_str_equal (part, "top") ||
          (part[0] == '$' && g_str_has_suffix (part, "$") && strlen (part) > 1))
        continue;

      return g_steal_pointer (&part);
    }

  return NULL;
}

/* The category with @path, added when new; %NULL for a path that names no
 * category (only the context), or when the bank has too many.
 */
RapportBankCategory *
rapport_bank_use_category (RapportBank *bank,
                           const char  *path,
                           guint        line)
{
  g_autofree char *title = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (path));
  RapportBankCategory *category;

  for (guint i = 0; i < bank->categories->len; i++)
    {
      category = g_ptr_array_index (bank->categories, i);
      if (g_str_equal (category->path, stripped))
        return category;
    }

  title = category_title (stripped);
  if (title == NULL)
    return NULL;

  if (bank->categories->len >= RAPPORT_BANK_MAX_CATEGORIES)
    {
      g_autofree char *quoted = rapport_bank_quote (title);

      rapport_bank_note (bank, line, "category",
                         _("The bank has more than %u categories, more than a pack holds topics; "
                           "the questions of “%s” go into the topic of the category before it."),
                         RAPPORT_BANK_MAX_CATEGORIES, quoted);
      return g_ptr_array_index (bank->categories, bank->categories->len - 1);
    }

  category = g_new0 (RapportBankCategory, 1);
  category->path = g_steal_pointer (&stripped);
  category->title = g_steal_pointer (&title);
  category->line = line;
  g_ptr_array_add (bank->categories, category);

  return category;
}

/* Notes */

char *
rapport_bank_quote (const char *text)
{
  if (text == NULL)
    text = "";

  if (g_utf8_strlen (text, RAPPORT_BANK_MAX_QUOTED + 1) > RAPPORT_BANK_MAX_QUOTED)
    {
      g_autofree char *start = g_utf8_substring (text, 0, RAPPORT_BANK_MAX_QUOTED);

      return g_strconcat (start, "…", NULL);
    }

  return g_strdup (text);
}

static void
add_note_valist (RapportBank *bank,
                 GPtrArray   *list,
                 guint        line,
                 const char  *type,
                 const char  *format,
                 va_list      args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  RapportBankNote *note;

  /* The same thing left out of several texts of one question, once. */
  for (guint i = list->len; bank->question != 0 && i > 0; i--)
    {
      note = g_ptr_array_index (list, i - 1);
      if (note->question != bank->question)
        break;
      if (g_str_equal (note->type, type) && g_str_equal (note->message, message))
        return;
    }

  if (bank->skipped->len + bank->notes->len >= RAPPORT_BANK_MAX_NOTES)
    {
      bank->n_dropped_notes++;
      return;
    }

  note = g_new0 (RapportBankNote, 1);
  note->line = line;
  note->type = g_strdup (type);
  note->message = g_steal_pointer (&message);
  note->question = bank->question;
  g_ptr_array_add (list, note);
}

void
rapport_bank_skip (RapportBank *bank,
                   guint        line,
                   const char  *type,
                   const char  *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  add_note_valist (bank, bank->skipped, line, type, format, args);
  va_end (args);
}

void
rapport_bank_note (RapportBank *bank,
                   guint        line,
                   const char  *type,
                   const char  *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  add_note_valist (bank, bank->notes, line, type, format, args);
  va_end (args);
}

/* Pictures */

static gboolean
is_safe_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

/* "media/" and a name the pack accepts, from whatever the bank calls the
 * file: safe characters only, the extension in lower case.
 */
static char *
media_name (const char *original)
{
  g_autoptr(GString) name = g_string_new ("media/");
  const char *dot = strrchr (original, '.');
  const char *stem_end = dot != NULL && dot != original ? dot : original + strlen (original);
  g_autofree char *extension = g_ascii_strdown (stem_end, -1);

  for (const char *p = original; p < stem_end && name->len < 120; p++)
    {
      if (is_safe_name_char (*p) || (*p == '.' && name->len > strlen ("media/")))
        g_string_append_c (name, *p);
      else if (name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }

  if (name->len == strlen ("media/") || !is_safe_name_char (name->str[strlen ("media/")]))
    g_string_insert (name, strlen ("media/"), "picture");

  g_string_append (name, extension);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static gboolean
media_name_taken (RapportBank *bank,
                  const char  *name)
{
  for (guint i = 0; i < bank->media->len; i++)
    {
      RapportBankMedia *media = g_ptr_array_index (bank->media, i);

      if (g_str_equal (media->name, name))
        return TRUE;
    }

  return FALSE;
}

static char *
numbered_name (const char *name,
               guint       n)
{
  const char *dot = strrchr (name, '.');
  gsize stem = dot != NULL ? (gsize) (dot - name) : strlen (name);

  return g_strdup_printf ("%.*s-%u%s", (int) stem, name, n, dot != NULL ? dot : "");
}

static gboolean
is_picture_name (const char *name)
{
  return g_str_has_suffix (name, ".png") || g_str_has_suffix (name, ".jpg") ||
         g_str_has_suffix (name, ".jpeg") || g_str_has_suffix (name, ".svg");
}

/* Records a file of the bank as a picture for the pack. A name that tries
 * to leave the folder ("../", "/etc/…") is refused, never cleaned up: such a
 * bank was made to do harm. Returns %NULL when the file is left out.
 */
RapportBankMedia *
rapport_bank_add_media (RapportBank *bank,
                        const char  *original,
                        GBytes      *bytes,
                        guint        line)
{
  g_autofree char *quoted = rapport_bank_quote (original);
  g_autofree char *name = NULL;
  RapportBankMedia *media;

  if (original[0] == '\0' || original[0] == '.' || strchr (original, '/') != NULL ||
      strchr (original, '\\') != NULL || strlen (original) > 200)
    {
      rapport_bank_skip (bank, line, "file",
                         _("The file “%s” is left out: its name is not a plain file name."),
                         quoted);
      return NULL;
    }

  for (const char *p = original; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f || *p == ':')
        {
          rapport_bank_skip (bank, line, "file",
                             _("The file “%s” is left out: its name is not a plain file name."),
                             quoted);
          return NULL;
        }
    }

  for (guint i = 0; i < bank->media->len; i++)
    {
      media = g_ptr_array_index (bank->media, i);
      if (g_str_equal (media->original, original) && g_bytes_equal (media->bytes, bytes))
        return media;
    }

  if (bank->media->len >= RAPPORT_BANK_MAX_MEDIA)
    {
      rapport_bank_skip (bank, line, "file",
                         _("The file “%s” is left out: the bank has more than %u files, more "
                           "than a pack may hold pictures."),
                         quoted, RAPPORT_BANK_MAX_MEDIA);
      return NULL;
    }

  name = media_name (original);
  for (guint n = 2; media_name_taken (bank, name); n++)
    {
      g_autofree char *base = media_name (original);

      g_free (name);
      name = numbered_name (base, n);
    }

  media = g_new0 (RapportBankMedia, 1);
  media->name = g_steal_pointer (&name);
  media->original = g_strdup (original);
  media->bytes = g_bytes_ref (bytes);
  media->line = line;
  g_ptr_array_add (bank->media, media);

  if (!is_picture_name (media->name))
    rapport_bank_refuse_media (bank, media,
                               _("Rapport shows pictures only (PNG, JPEG or SVG)."));

  return media;
}

void
rapport_bank_refuse_media (RapportBank      *bank,
                           RapportBankMedia *media,
                           const char       *reason)
{
  g_autofree char *quoted = rapport_bank_quote (media->original);

  g_return_if_fail (bank != NULL);
  g_return_if_fail (media != NULL);

  if (media->refused != NULL)
    return;

  media->refused = g_strdup (reason);
  rapport_bank_skip (bank, media->line, "file", _("The file “%s” is left out: %s"), quoted, reason);
}

/* Gives @media a name that @taken (a set of "media/…" names) does not have,
 * and adds it there.
 */
void
rapport_bank_rename_media (RapportBankMedia *media,
                           GHashTable       *taken)
{
  g_autofree char *base = NULL;

  g_return_if_fail (media != NULL);
  g_return_if_fail (taken != NULL);

  base = g_strdup (media->name);
  for (guint n = 2; g_hash_table_contains (taken, media->name); n++)
    {
      g_free (media->name);
      media->name = numbered_name (base, n);
    }

  g_hash_table_add (taken, g_strdup (media->name));
}

/* The bytes */

guint
rapport_bank_count_lines (const char *start,
                          const char *end)
{
  guint n_lines = 0;

  while (start < end && (start = memchr (start, '\n', end - start)) != NULL)
    {
      n_lines++;
      start++;
    }

  return n_lines;
}

/* What every bank goes through before it is read: the same rules as topic
 * files, in words about banks.
 */
gboolean
rapport_bank_check_text (const char *display_name,
                         const char *data,
                         gsize       length,
                         GPtrArray  *problems)
{
  const char *invalid = NULL;
  const char *nul;

  if (length > RAPPORT_BANK_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (RAPPORT_BANK_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      rapport_problem_list_add (problems, display_name, 0,
                                _("The bank is too large: Rapport imports banks of at most %s. "
                                  "Export fewer categories at a time."),
                                size);
      return FALSE;
    }

  if (length >= 2 && (guchar) data[0] == 0x1f && (guchar) data[1] == 0x8b)
    {
      rapport_problem_list_add (problems, display_name, 0,
                                _("The bank is compressed (gzip). Uncompress it first: Rapport "
                                  "imports GIFT and Moodle XML files as plain text."));
      return FALSE;
    }

  if (length >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe) ||
                      ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)))
    {
      rapport_problem_list_add (problems, display_name, 0,
                                _("The bank is saved as UTF-16. Save it as UTF-8 and import it "
                                  "again."));
      return FALSE;
    }

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      rapport_problem_list_add (problems, display_name, 1 + rapport_bank_count_lines (data, nul),
                                _("This is not a text file: it contains binary data. A bank is "
                                  "a GIFT or Moodle XML file saved as UTF-8."));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      rapport_problem_list_add (problems, display_name, 1 + rapport_bank_count_lines (data, invalid),
                                _("The text is not valid UTF-8 (byte 0x%02X); the bank was saved "
                                  "in another encoding. Save it as UTF-8 (in Moodle, export it "
                                  "again) and import it again."),
                                (guchar) *invalid);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return TRUE;
    }

  rapport_problem_list_add (problems, display_name, 0, _("The bank is empty."));
  return FALSE;
}

/* Moodle XML starts with its declaration or <quiz>; anything else is read
 * as GIFT, whose questions may well start with HTML.
 */
gboolean
rapport_bank_looks_like_xml (const char *data,
                             gsize       length)
{
  static const char * const starts[] = { "<?xml", "<quiz", "<topic", "<!--", "<!DOCTYPE" };
  const char *p = data;
  const char *end = data + length;

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      gsize len = strlen (starts[i]);

      if ((gsize) (end - p) >= len && memcmp (p, starts[i], len) == 0)
        return TRUE;
    }

  return FALSE;
}

/* %NULL, with the error that says @display_name is no bank. */
RapportBank *
rapport_bank_refuse (const char  *display_name,
                     GError     **error)
{
  g_set_error (error, RAPPORT_BANK_ERROR, RAPPORT_BANK_ERROR_INVALID,
               _("“%s” cannot be read as a question bank."), display_name);

  return NULL;
}

/**
 * rapport_bank_read:
 * @bytes: a GIFT or Moodle XML file, told apart by what it holds
 * @display_name: how problems and notes name the file
 * @problems: a list from rapport_problem_list_new() for what stops the import
 *
 * Returns: (transfer full) (nullable): the bank, perhaps without a question
 * that could be imported (its skipped list says why), or %NULL with
 * %RAPPORT_BANK_ERROR_INVALID when the file cannot be read as a bank.
 */
RapportBank *
rapport_bank_read (GBytes      *bytes,
                   const char  *display_name,
                   GPtrArray   *problems,
                   GError     **error)
{
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (data != NULL && rapport_bank_looks_like_xml (data, length))
    return rapport_bank_read_moodle (bytes, display_name, problems, error);

  return rapport_bank_read_gift (bytes, display_name, problems, error);
}

const char *
rapport_bank_type_name (RapportBankType type)
{
  switch (type)
    {
    case RAPPORT_BANK_SINGLE:
      return "single";
    case RAPPORT_BANK_MULTIPLE:
      return "multiple";
    case RAPPORT_BANK_TRUEFALSE:
      return "truefalse";
    case RAPPORT_BANK_SHORT:
      return "short";
    case RAPPORT_BANK_NUMERIC:
      return "numeric";
    case RAPPORT_BANK_MATCHING:
      return "matching";
    case RAPPORT_BANK_ORDERING:
      return "ordering";
    case RAPPORT_BANK_ESSAY:
      return "essay";
    case RAPPORT_BANK_DESCRIPTION:
      return "description";
    default:
      g_assert_not_reached ();
    }
}

char *
rapport_bank_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == 0)
    return g_strdup ("0");

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}
