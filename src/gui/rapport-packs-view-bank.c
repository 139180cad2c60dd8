/* rapport-packs-view-bank.c: a trainer's question bank (GIFT or Moodle XML)
 * dropped on the Packs view or chosen from its menu, shown with what it
 * would become, and made into a new pack
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The bank is read in a worker thread (rapport-bank-import-async.c in the
 * core) while the view shows its spinner, and then shown on the bank page
 * with the report `rapport-pack import` prints. Create Pack writes the
 * pack into the packs folder the way that command writes a new pack, beside
 * it first and renamed into place once it loads, and records it in the
 * store; the catalog is then read again and a toast offers its first topic,
 * as after any install. Nothing is written before the trainer asks, and
 * nothing is left when it fails.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-error-dialog.h"
#include "rapport-packs-view-private.h"
#include "rapport-paths.h"

/* A pack made from a bank states no licence: the trainer never gave one. */
#define NO_LICENSE "NOASSERTION"

void
rapport_packs_view_clear_bank (RapportPacksView *self)
{
  g_clear_pointer (&self->bank_import, rapport_bank_import_unref);
  g_clear_object (&self->bank_file);
  g_clear_pointer (&self->bank_pack_id, g_free);
  if (self->bank_page != NULL)
    rapport_bank_page_clear (self->bank_page);
}

static void
show_bank (RapportPacksView  *self,
           GFile             *file,
           RapportBankImport *import,
           const char        *pack_id)
{
  self->bank_import = rapport_bank_import_ref (import);
  g_set_object (&self->bank_file, file);
  self->bank_pack_id = g_strdup (pack_id);

  /* The page is on screen first, so that its button can take the focus. */
  gtk_stack_set_visible_child_name (self->stack, "bank");
  rapport_bank_page_show_import (self->bank_page, file, import, pack_id);
}

/* Ids the new pack must not take: every pack installed, damaged or only
 * recorded in the store (its progress would become the new pack's).
 */
static GStrv
list_taken_ids (RapportPacksView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *packs = rapport_catalog_get_packs (self->catalog);
  GListModel *broken = rapport_catalog_get_broken_packs (self->catalog);
  g_autoptr(GPtrArray) records = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (packs); i++)
    {
      g_autoptr(RapportPack) pack = g_list_model_get_item (packs, i);

      g_strv_builder_add (builder, rapport_pack_get_id (pack));
    }

  for (guint i = 0; i < g_list_model_get_n_items (broken); i++)
    {
      g_autoptr(RapportBrokenPack) pack = g_list_model_get_item (broken, i);

      if (rapport_broken_pack_get_id (pack) != NULL)
        g_strv_builder_add (builder, rapport_broken_pack_get_id (pack));
    }

  if (self->store != NULL)
    records = rapport_store_list_packs (self->store, NULL);
  for (guint i = 0; records != NULL && i < records->len; i++)
    g_strv_builder_add (builder, ((RapportStorePack *) g_ptr_array_index (records, i))->id);

  return g_strv_builder_end (builder);
}

static void
on_bank_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(RapportPacksView) self = rapport_packs_view_request_steal (user_data, &file);
  g_autoptr(RapportBankImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pack_id = NULL;

  import = rapport_bank_import_open_finish (result, &pack_id, &error);

  /* Cancelled: something else was opened meanwhile, or the window closed. */
  if (import == NULL || self == NULL)
    return;

  g_clear_object (&self->cancellable);
  show_bank (self, file, import, pack_id);
}

/**
 * rapport_packs_view_open_bank:
 * @file: a GIFT or Moodle XML file
 *
 * For rapport_packs_view_open_file(): reads the bank in the background and shows what pack it would make, or
 * why it makes none, with a button to create it.
 */
void
rapport_packs_view_open_bank (RapportPacksView *self,
                              GFile            *file)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *data_dir = NULL;
  g_auto(GStrv) taken = NULL;

  g_assert (RAPPORT_IS_PACKS_VIEW (self));
  g_assert (G_IS_FILE (file));

  /* rapport_packs_view_open_file() said so: stopping would undo it. */
  if (self->installing)
    return;

  rapport_packs_view_reset_pages (self);
  name = g_file_get_basename (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(RapportBankImport) import = rapport_bank_import_new (name != NULL ? name : "",
                                                                     self->loader);

      rapport_problem_list_add (import->problems, name != NULL ? name : "", 0, "%s",
                                _("Only question banks stored on this computer can be imported."));
      show_bank (self, file, import, NULL);
      return;
    }

  rapport_packs_view_show_working (self, _("Reading Question Bank…"), name);

  data_dir = rapport_paths_get_data_dir ();
  taken = list_taken_ids (self);
  self->cancellable = g_cancellable_new ();
  rapport_bank_import_open_async (path, data_dir, (const char * const *) taken, self->loader,
                                  self->cancellable, on_bank_read_cb,
                                  rapport_packs_view_request_new (self, file));
}

/* Creating the pack */

static void
on_bank_created_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RapportPacksView) self = NULL;
  g_autoptr(RapportPackInstallResult) installed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RapportBankTopic *first;
  GPtrArray *topics;

  /* On failure, back to the report, to try again or close it. */
  installed = rapport_bank_import_install_finish (result, &error);
  self = rapport_packs_view_end_install (user_data, error, "bank", _("Could Not Create the Pack"));
  if (self == NULL || self->bank_import == NULL)
    return;

  topics = self->bank_import->topics;
  first = g_ptr_array_index (topics, 0);
  /* Translators: the placeholder is the title of the pack made from a bank */
  text = g_strdup_printf (_("“%s” created"), installed->title);
  rapport_packs_view_show_toast (self,
                                 rapport_packs_view_create_installed_toast (text, installed->id,
                                                                            first->key, topics->len));
  rapport_packs_view_close_summary (self);
}

/* Who made the pack: the trainer at this computer. */
static const char *
author_name (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || name[0] == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();

  return name;
}

static void
on_bank_page_create_cb (RapportPacksView *self,
                        RapportBankPage  *page)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  const char *authors[] = { author_name (), NULL };
  RapportPackSkeleton skeleton = { 0 };
  RapportPacksViewInstall *install;

  if (self->bank_import == NULL || self->bank_pack_id == NULL || self->installing)
    return;

  data_dir = rapport_paths_ensure_data_dir (&error);
  if (data_dir == NULL)
    {
      rapport_show_error (GTK_WIDGET (self), _("Could Not Create the Pack"), error);
      return;
    }

  title = rapport_bank_page_dup_pack_title (page);
  name = g_file_get_basename (self->bank_file);
  /* Translators: a pack's description; the placeholder is a file's name */
  description = g_strdup_printf (_("Questions from the bank “%s”."), name);
  skeleton.id = self->bank_pack_id;
  skeleton.title = title;
  skeleton.authors = authors;
  skeleton.license = NO_LICENSE;
  skeleton.description = description;

  install = rapport_packs_view_begin_install (self, _("Creating Pack…"), title);
  rapport_bank_import_install_async (self->bank_import, data_dir, &skeleton, self->store,
                                     on_bank_created_cb, install);
}

static void
on_bank_page_close_cb (RapportPacksView *self,
                       RapportBankPage  *page)
{
  rapport_packs_view_close_summary (self);
}

void
rapport_packs_view_init_bank (RapportPacksView *self)
{
  g_signal_connect_object (self->bank_page, "create", G_CALLBACK (on_bank_page_create_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->bank_page, "close", G_CALLBACK (on_bank_page_close_cb), self,
                           G_CONNECT_SWAPPED);
}
