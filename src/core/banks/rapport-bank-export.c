/* rapport-bank-export.c: loaded topics written out as a Moodle question bank,
 * and the file it goes into.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each topic becomes a category named after its title, each question of
 * its quiz a question named after its key, in the topic's order. The two
 * writers (rapport-bank-export-gift.c, rapport-bank-export-moodle.c) work
 * from the loaded questions only, so whatever the loader accepts can be
 * exported; what a format cannot hold is reported and left out, and the
 * rest is written. Texts go out as HTML with the emphasis as <i> and <b>,
 * which the bank import reads back.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rapport-bank-export-private.h"
#include "rapport-problem.h"

static void
add_problem (RapportBankExport *export,
             RapportQuestion   *question,
             const char        *format,
             va_list            args) G_GNUC_PRINTF (3, 0);

static void
add_problem (RapportBankExport *export,
             RapportQuestion   *question,
             const char        *format,
             va_list            args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  const char *file = rapport_topic_get_source_path (export->topic);

  if (file == NULL)
    file = rapport_topic_get_key (export->topic);

  /* TRANSLATORS: a question named by its key, then why it is not exported. */
  rapport_problem_list_add (export->problems, file, 0, _("Question “%s”: %s"),
                            rapport_question_get_key (question), message);
}

void
rapport_bank_export_leave_out (RapportBankExport *export,
                               RapportQuestion   *question,
                               const char        *format,
                               ...)
{
  va_list args;

  va_start (args, format);
  add_problem (export, question, format, args);
  va_end (args);
  export->n_left_out++;
}

void
rapport_bank_export_note (RapportBankExport *export,
                          RapportQuestion   *question,
                          const char        *format,
                          ...)
{
  va_list args;

  va_start (args, format);
  add_problem (export, question, format, args);
  va_end (args);
}

char *
rapport_bank_export_html (RapportInline *text)
{
  /* <i> and <b> around escaped text: HTML as it is. */
  return text != NULL ? rapport_inline_to_markup (text) : g_strdup ("");
}

char *
rapport_bank_export_stem (RapportQuestion *question)
{
  g_autoptr(GString) stem = g_string_new (NULL);
  g_autofree char *prompt = rapport_bank_export_html (rapport_question_get_prompt (question));
  RapportDialogue *dialogue = NULL;

  if (rapport_question_get_question_type (question) == RAPPORT_QUESTION_SCENARIO)
    dialogue = rapport_question_get_dialogue (question);

  /* Inline text only: the lines, then the prompt, in one paragraph. */
  for (guint i = 0; dialogue != NULL && i < rapport_dialogue_get_n_lines (dialogue); i++)
    {
      RapportSpeaker speaker = RAPPORT_SPEAKER_CUSTOMER;
      RapportInline *line = rapport_dialogue_get_line (dialogue, i, &speaker);
      g_autofree char *words = rapport_bank_export_html (line);

      g_string_append_printf (stem, "<b>%s</b> “%s” ",
                              speaker == RAPPORT_SPEAKER_AGENT ? _("Agent:") : _("Customer:"),
                              words);
    }
  g_string_append (stem, prompt);

  return g_string_free (g_steal_pointer (&stem), FALSE);
}

char *
rapport_bank_export_number (double number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", number));
}

char *
rapport_bank_export_share (guint    n,
                           gboolean right)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *share;
  char *end;

  g_assert (n > 0);

  /* Moodle writes five decimals; zeros at the end go. */
  share = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.5f", (right ? 100.0 : -100.0) / n));
  end = share + strlen (share);
  while (end > share && end[-1] == '0')
    *--end = '\0';
  if (end > share && end[-1] == '.')
    *--end = '\0';

  return share;
}

guint
rapport_bank_export_reply_credit (RapportChoice *choice)
{
  switch (rapport_choice_get_score (choice))
    {
    case 2:
      return 100;
    case 1:
      return 50;
    default:
      return 0;
    }
}

GBytes *
rapport_bank_export (GListModel        *topics,
                     RapportBankFormat  format,
                     GPtrArray         *problems,
                     guint             *n_exported,
                     guint             *n_left_out)
{
  RapportBankExport export = { .problems = problems };
  GBytes *bytes;

  g_return_val_if_fail (G_IS_LIST_MODEL (topics), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  if (format == RAPPORT_BANK_GIFT)
    bytes = rapport_bank_export_gift (&export, topics);
  else
    bytes = rapport_bank_export_moodle (&export, topics);

  if (n_exported != NULL)
    *n_exported = export.n_exported;
  if (n_left_out != NULL)
    *n_left_out = export.n_left_out;

  return bytes;
}

/* The file */

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      ssize_t written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      data += written;
      length -= written;
    }

  return TRUE;
}

gboolean
rapport_bank_export_save (const char  *path,
                          GBytes      *bytes,
                          GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *temporary = NULL;
  gsize length;
  const guint8 *data;
  int saved_errno;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("%s exists already; the export writes only a new file, so choose "
                     "another name or remove it first."),
                   path);
      return FALSE;
    }

  folder = g_path_get_dirname (path);
  temporary = g_build_filename (folder, ".rapport-export-XXXXXX", NULL);
  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write in %s: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  /* g_mkstemp makes it 0600; a bank is an ordinary file to share. */
  (void) fchmod (fd, 0644);

  data = g_bytes_get_data (bytes, &length);
  if (!write_all (fd, data, length) || fsync (fd) != 0)
    {
      saved_errno = errno != 0 ? errno : EIO;
      close (fd);
      g_unlink (temporary);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (temporary);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  /* link() fails rather than replace a file that appeared meanwhile. */
  if (link (temporary, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temporary);
      if (saved_errno == EEXIST)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                     _("%s exists already; the export writes only a new file, so choose "
                       "another name or remove it first."),
                     path);
      else
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                     _("Could not write %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  g_unlink (temporary);

  /* The new name is in the folder for good only once the folder is synced. */
  fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      (void) fsync (fd);
      close (fd);
    }

  return TRUE;
}
