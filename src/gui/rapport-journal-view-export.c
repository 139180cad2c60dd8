/* rapport-journal-view-export.c: the journal saved to a file, to read
 * (Markdown) or to import elsewhere (JSON), and imported from one
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-error-dialog.h"
#include "rapport-file-chooser.h"
#include "rapport-journal-io.h"
#include "rapport-journal-view-private.h"
#include "rapport-toast.h"

static void
add_result_toast (RapportJournalView *self,
                  const char         *title)
{
  rapport_journal_view_add_toast (self, rapport_toast_new_urgent (title));
}

/**
 * rapport_journal_view_export_to:
 * @format: "markdown" (to read) or "json" (complete, to import elsewhere)
 */
gboolean
rapport_journal_view_export_to (RapportJournalView *self,
                                const char         *format,
                                GFile              *file)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (RAPPORT_IS_JOURNAL_VIEW (self), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->store == NULL)
    return FALSE;

  name = g_file_get_basename (file);
  /* Translators: the placeholder is a file name */
  title = g_strdup_printf (_("Journal exported to “%s”"), name);
  return rapport_file_chooser_export (GTK_WIDGET (self), file,
                                      g_str_equal (format, "markdown")
                                      ? (RapportFileWriteFunc) rapport_journal_export_markdown
                                      : (RapportFileWriteFunc) rapport_journal_export_json,
                                      self->store, _("Could Not Export the Journal"), title);
}

gboolean
rapport_journal_view_import_from (RapportJournalView *self,
                                  GFile              *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  guint added = 0;
  guint skipped = 0;

  g_return_val_if_fail (RAPPORT_IS_JOURNAL_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->store == NULL)
    return FALSE;

  path = rapport_file_chooser_get_path (file, &error);
  if (path == NULL || !rapport_journal_import_json_file (self->store, path, &added, &skipped, &error))
    {
      rapport_show_error (GTK_WIDGET (self), _("Could Not Import the Journal"), error);
      return FALSE;
    }

  rapport_journal_view_reload (self);
  if (added == 0)
    title = g_strdup (_("Nothing new to import: every entry is already in your journal"));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry imported", "%u entries imported", added),
                             added);
  add_result_toast (self, title);
  return TRUE;
}

static void
on_chooser_response_cb (RapportJournalView   *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (self->export_format != NULL)
        rapport_journal_view_export_to (self, self->export_format, file);
      else
        rapport_journal_view_import_from (self, file);
    }

  g_clear_pointer (&self->export_format, g_free);
}

void
rapport_journal_view_export_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  RapportJournalView *self = RAPPORT_JOURNAL_VIEW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  gboolean markdown = g_str_equal (format, "markdown");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  /* Translators: a suggested file name; the placeholder is a date */
  name = g_strdup_printf (_("Journal %s.%s"), date, markdown ? "md" : "json");
  g_free (self->export_format);
  self->export_format = g_strdup (format);
  rapport_file_chooser_show (&self->chooser, widget, GTK_FILE_CHOOSER_ACTION_SAVE,
                             markdown ? _("Export as Markdown") : _("Export as JSON"),
                             _("_Export"), name, NULL,
                             G_CALLBACK (on_chooser_response_cb), self);
}

void
rapport_journal_view_import_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  RapportJournalView *self = RAPPORT_JOURNAL_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Journal exports (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  g_clear_pointer (&self->export_format, g_free);
  rapport_file_chooser_show (&self->chooser, widget, GTK_FILE_CHOOSER_ACTION_OPEN,
                             _("Import a Journal"), _("_Import"), NULL, filter,
                             G_CALLBACK (on_chooser_response_cb), self);
}
