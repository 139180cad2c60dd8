/* rapport-packs-view-import.c: the Packs view's Import… and Import
 * Question Bank…, each with a file chooser for its kind of file
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-file-chooser.h"
#include "rapport-packs-view-private.h"

/* rapport_packs_view_open_file() tells the two kinds apart by name, and
 * says when another pack is being installed.
 */
static void
on_chooser_response_cb (RapportPacksView     *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rapport_packs_view_open_file (self, file);
    }

  g_clear_object (&self->chooser);
}

/* packs.import: a pack file; packs.import-bank: a question bank, by the
 * names rapport_bank_path_is_bank() takes, in any case.
 */
void
rapport_packs_view_import_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RapportPacksView *self = RAPPORT_PACKS_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = NULL;
  gboolean bank = g_str_equal (action_name, "packs.import-bank");

  /* One chooser at a time: it is cleared when it answers. */
  if (self->chooser != NULL || self->catalog == NULL)
    return;

  filter = gtk_file_filter_new ();
  if (bank)
    {
      gtk_file_filter_set_name (filter, _("Question Banks (GIFT, Moodle XML)"));
      gtk_file_filter_add_suffix (filter, "gift");
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_suffix (filter, "xml");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Lesson Packs"));
      gtk_file_filter_add_pattern (filter, "*" RAPPORT_PACK_FILE_SUFFIX);
      gtk_file_filter_add_mime_type (filter, "application/x-rapport-pack");
    }

  rapport_file_chooser_show (&self->chooser, widget, GTK_FILE_CHOOSER_ACTION_OPEN,
                             bank ? _("Import Question Bank") : _("Import Lesson Pack"),
                             _("_Import"), NULL, filter,
                             G_CALLBACK (on_chooser_response_cb), self);
}
