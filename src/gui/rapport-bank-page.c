/* rapport-bank-page.c: a question bank read for a new pack, with the same
 * report `rapport-pack import` prints, before the pack is created
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The page says what the bank would become: how many questions of each
 * type, the topics with the parts the trainer still has to write, and
 * every item left out with its line in the bank and why, as the report of
 * `rapport-pack import` does, line for line. The pack's title is the
 * trainer's to change. A bank that cannot be read, or of which nothing
 * can be imported, gets the same page with its problems and Close alone.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-bank-page.h"

/* Rows of one list; a bank may have a thousand notes, which would take a
 * long while to lay out. `rapport-pack import` lists them all.
 */
#define MAX_ROWS 100

struct _RapportBankPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkBox              *box;
  GtkScrolledWindow   *scroller;
  GtkLabel            *file_label;
  GtkLabel            *format_label;
  GtkLabel            *count_label;
  GtkLabel            *advice_label;
  AdwPreferencesGroup *pack_group;
  AdwEntryRow         *title_row;
  AdwActionRow        *id_row;
  AdwPreferencesGroup *types_group;
  GtkListBox          *types_list;
  AdwPreferencesGroup *topics_group;
  GtkListBox          *topics_list;
  AdwPreferencesGroup *skipped_group;
  GtkListBox          *skipped_list;
  AdwPreferencesGroup *notes_group;
  GtkListBox          *notes_list;
  AdwPreferencesGroup *problems_group;
  GtkListBox          *problems_list;
  GtkButton           *close_button;
  GtkButton           *create_button;

  /* state */
  gboolean             can_create;   /* the bank has something to import */
};

G_DEFINE_FINAL_TYPE (RapportBankPage, rapport_bank_page, GTK_TYPE_WIDGET)

enum {
  CREATE,
  CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
describe_type (RapportBankType type)
{
  switch (type)
    {
    case RAPPORT_BANK_SINGLE:
      return _("Multiple choice, one right answer");
    case RAPPORT_BANK_MULTIPLE:
      return _("Multiple choice, several right answers");
    case RAPPORT_BANK_TRUEFALSE:
      return _("True or false");
    case RAPPORT_BANK_SHORT:
      return _("Short answer");
    case RAPPORT_BANK_NUMERIC:
      return _("Numerical");
    case RAPPORT_BANK_MATCHING:
      return _("Matching");
    case RAPPORT_BANK_ORDERING:
      return _("Ordering");
    case RAPPORT_BANK_ESSAY:
      return _("Essays, as journal prompts");
    case RAPPORT_BANK_DESCRIPTION:
      return _("Descriptions, as lesson text");
    default:
      g_assert_not_reached ();
    }
}

/* A row that only says something: not activatable, and read out whole. */
static GtkWidget *
create_text_row (const char *caption,
                 const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new (text);
  g_autofree char *spoken = NULL;

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  if (caption != NULL)
    {
      GtkWidget *heading = gtk_label_new (caption);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "caption-heading");
      gtk_widget_add_css_class (heading, "dim-label");
      gtk_box_append (GTK_BOX (box), heading);
    }

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Translators: how a screen reader says a row: "Line 12: what happened" */
  spoken = caption != NULL ? g_strdup_printf (_("%s: %s"), caption, text) : g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  return row;
}

static char *
describe_line (guint line)
{
  if (line == 0)
    return NULL;

  /* Translators: the line of the bank a problem or a skipped question is on */
  return g_strdup_printf (_("Line %u"), line);
}

/* @notes in the order of their lines, at most MAX_ROWS, then how many more. */
static void
fill_notes (GtkListBox *list,
            GPtrArray  *notes,
            guint       n_dropped)
{
  g_autoptr(GPtrArray) ordered = rapport_bank_sort_notes (notes, NULL);
  guint n_more;

  for (guint i = 0; i < ordered->len && i < MAX_ROWS; i++)
    {
      RapportBankNote *note = g_ptr_array_index (ordered, i);
      g_autofree char *line = describe_line (note->line);

      gtk_list_box_append (list, create_text_row (line, note->message));
    }

  n_more = (ordered->len > MAX_ROWS ? ordered->len - MAX_ROWS : 0) + n_dropped;
  if (n_more > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "And %u more. “rapport-pack import” lists every one.",
                                      "And %u more. “rapport-pack import” lists every one.",
                                      n_more),
                         n_more);

      gtk_list_box_append (list, create_text_row (NULL, text));
    }
}

static GtkWidget *
create_count_row (const char *title,
                  guint       count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number = g_strdup_printf ("%u", count);
  g_autofree char *spoken = g_strdup_printf (_("%s: %s"), title, number);
  GtkWidget *label = gtk_label_new (number);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  return row;
}

/* What the topic holds, what the trainer still has to write in it, as the
 * lines of `rapport-pack import` about it say.
 */
static GtkWidget *
create_topic_row (RapportBankTopic *topic)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *questions = NULL;
  g_autofree char *prompts = NULL;
  g_autofree char *descriptions = NULL;
  g_autofree char *placeholders = rapport_bank_describe_placeholders (topic->placeholders);

  questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions",
                                            topic->n_questions),
                               topic->n_questions);
  prompts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u journal prompt",
                                          "%u journal prompts", topic->n_prompts),
                             topic->n_prompts);
  descriptions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "lesson text from %u description",
                                               "lesson text from %u descriptions",
                                               topic->n_descriptions),
                                  topic->n_descriptions);
  /* Translators: "3 questions · 1 journal prompt · lesson text from 2 descriptions" */
  g_string_append_printf (subtitle, _("%s · %s · %s"), questions, prompts, descriptions);

  if (placeholders[0] != '\0')
    {
      g_string_append_c (subtitle, '\n');
      /* Translators: the placeholder is a list: "the summary, the lesson" */
      g_string_append_printf (subtitle, _("Still to write: %s."), placeholders);
    }

  if (topic->n_explained > 0)
    {
      g_string_append_c (subtitle, '\n');
      g_string_append_printf (subtitle,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u question had no general feedback, so its "
                                           "explanation only names the right answer.",
                                           "%u questions had no general feedback, so their "
                                           "explanations only name the right answer.",
                                           topic->n_explained),
                              topic->n_explained);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), topic->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("dialog-question-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

/* Empties the page, for the next bank. */
void
rapport_bank_page_clear (RapportBankPage *self)
{
  GtkListBox *lists[] = {
    self->types_list, self->topics_list, self->skipped_list, self->notes_list, self->problems_list,
  };

  g_return_if_fail (RAPPORT_IS_BANK_PAGE (self));

  self->can_create = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GtkWidget *row;

      while ((row = gtk_widget_get_first_child (GTK_WIDGET (lists[i]))) != NULL)
        gtk_list_box_remove (lists[i], row);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), "");
}

/* "every-construct.gift" as "Every construct": the file's name in words. */
static char *
title_from_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *words = NULL;
  g_autofree char *first = NULL;
  char *dot = name != NULL ? strrchr (name, '.') : NULL;

  if (name == NULL)
    return g_strdup (_("Imported Questions"));
  if (dot != NULL && dot != name)
    *dot = '\0';

  g_strdelimit (name, "_-.", ' ');
  words = g_utf8_make_valid (name, -1);
  g_strstrip (words);
  for (char *p = words; *p != '\0';)
    {
      if (p[0] == ' ' && p[1] == ' ')
        memmove (p, p + 1, strlen (p));
      else
        p++;
    }
  if (words[0] == '\0')
    return g_strdup (_("Imported Questions"));

  first = g_utf8_strup (words, g_utf8_next_char (words) - words);

  return g_strconcat (first, g_utf8_next_char (words), NULL);
}

static void
update_create_button (RapportBankPage *self)
{
  g_autofree char *title = rapport_bank_page_dup_pack_title (self);
  gboolean valid = title[0] != '\0';

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), self->can_create && valid);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
}

static void
show_problems (RapportBankPage   *self,
               GFile             *file,
               RapportBankImport *import)
{
  g_autofree char *bank_path = g_file_get_path (file);

  /* A bank with topics of nothing: the page says so already. */
  if (import->topics != NULL && rapport_bank_import_count (import) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->problems_group), FALSE);
      return;
    }

  for (guint i = 0; i < import->problems->len; i++)
    {
      RapportProblem *problem = g_ptr_array_index (import->problems, i);
      g_autofree char *caption = NULL;

      /* The bank's own lines by number; anything else by name. */
      if (g_strcmp0 (problem->file, bank_path) != 0)
        {
          g_autofree char *name = g_path_get_basename (problem->file);

          caption = problem->line > 0
                    /* Translators: a file's name and a line in it */
                    ? g_strdup_printf (_("%s, line %u"), name, problem->line)
                    : g_steal_pointer (&name);
        }
      else
        caption = describe_line (problem->line);

      gtk_list_box_append (self->problems_list, create_text_row (caption, problem->message));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), import->problems->len > 0);
}

static void
show_report (RapportBankPage   *self,
             RapportBankImport *import,
             guint              n_imported)
{
  RapportBank *bank = import->bank;
  g_autofree char *imported = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *count = NULL;
  guint n_skipped = bank->skipped->len;

  imported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question to import",
                                           "%u questions to import", n_imported),
                              n_imported);
  skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skipped", "%u skipped", n_skipped),
                             n_skipped);
  /* Translators: "12 questions to import · 3 skipped", the last line of the
   * report of `rapport-pack import` before anything is imported
   */
  count = g_strdup_printf (_("%s · %s"), imported, skipped);
  gtk_label_set_text (self->count_label, count);

  for (RapportBankType type = 0; type < RAPPORT_BANK_N_TYPES; type++)
    {
      guint n = rapport_bank_import_count_type (import, type);

      if (n > 0)
        gtk_list_box_append (self->types_list, create_count_row (describe_type (type), n));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->types_group), n_imported > 0);

  for (guint i = 0; import->topics != NULL && i < import->topics->len && n_imported > 0; i++)
    gtk_list_box_append (self->topics_list, create_topic_row (g_ptr_array_index (import->topics, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->topics_group), n_imported > 0);

  fill_notes (self->skipped_list, bank->skipped, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), n_skipped > 0);
  fill_notes (self->notes_list, bank->notes, bank->n_dropped_notes);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group),
                          n_imported > 0 && bank->notes->len + bank->n_dropped_notes > 0);
}

/**
 * rapport_bank_page_show_import:
 * @file: the bank
 * @import: the bank read for a new pack, by rapport_bank_import_open_async()
 * @pack_id: the id the pack would have
 *
 * Shows what @import would make of the bank, with its title to change and
 * Create Pack; or, when nothing can be imported, why, with Close alone
 * (after rapport_bank_page_clear()).
 */
void
rapport_bank_page_show_import (RapportBankPage   *self,
                               GFile             *file,
                               RapportBankImport *import,
                               const char        *pack_id)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  guint n_imported;

  g_return_if_fail (RAPPORT_IS_BANK_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (import != NULL);

  name = g_file_get_basename (file);
  n_imported = rapport_bank_import_count (import);
  /* Problems stop the import: with one, nothing is offered. */
  self->can_create = n_imported > 0 && import->problems->len == 0;

  gtk_label_set_text (self->file_label, name);
  if (import->bank == NULL)
    gtk_label_set_text (self->format_label, _("Question bank"));
  else if (import->bank->format == RAPPORT_BANK_GIFT)
    gtk_label_set_text (self->format_label, _("GIFT question bank"));
  else
    gtk_label_set_text (self->format_label, _("Moodle XML question bank"));

  if (import->bank != NULL)
    show_report (self, import, n_imported);
  else
    {
      gtk_label_set_text (self->count_label, _("This file cannot be read as a question bank."));
      gtk_widget_set_visible (GTK_WIDGET (self->types_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->topics_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->notes_group), FALSE);
    }
  show_problems (self, file, import);

  if (self->can_create)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->advice_label), FALSE);
      title = title_from_file (file);
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
      adw_action_row_set_subtitle (self->id_row, pack_id);
    }
  else
    {
      gtk_label_set_text (self->advice_label,
                          import->bank == NULL
                          ? _("Rapport reads GIFT and Moodle XML files in UTF-8, as Moodle exports "
                              "them. Correct what the problems name, or export the questions "
                              "from Moodle again, then drop the file here again. Nothing was "
                              "installed.")
                          : _("None of its questions can become Rapport questions: each one is "
                              "listed with why. Nothing was installed."));
      gtk_widget_set_visible (GTK_WIDGET (self->advice_label), TRUE);
      if (import->bank != NULL)
        gtk_label_set_text (self->count_label, _("Nothing in this bank can be imported."));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->pack_group), self->can_create);
  gtk_widget_set_visible (GTK_WIDGET (self->create_button), self->can_create);
  update_create_button (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->can_create ? self->create_button : self->close_button));
}

/**
 * rapport_bank_page_dup_pack_title:
 *
 * Returns: (transfer full): the title the trainer gave the pack, on one
 *   line without surrounding space; empty when there is none
 */
char *
rapport_bank_page_dup_pack_title (RapportBankPage *self)
{
  char *title;

  g_return_val_if_fail (RAPPORT_IS_BANK_PAGE (self), NULL);

  title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_strdelimit (title, "\t\n\r", ' ');

  return g_strstrip (title);
}

static void
emit_create (RapportBankPage *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->create_button)) &&
      gtk_widget_get_visible (GTK_WIDGET (self->create_button)))
    g_signal_emit (self, signals[CREATE], 0);
}

static void
on_title_row_changed_cb (RapportBankPage *self,
                         GtkEditable     *editable)
{
  update_create_button (self);
}

/* Enter in the title creates the pack, as the suggested button would. */
static void
on_title_row_entry_activated_cb (RapportBankPage *self,
                                 AdwEntryRow     *row)
{
  emit_create (self);
}

static void
on_create_button_clicked_cb (RapportBankPage *self,
                             GtkButton       *button)
{
  emit_create (self);
}

static void
on_close_button_clicked_cb (RapportBankPage *self,
                            GtkButton       *button)
{
  g_signal_emit (self, signals[CLOSE], 0);
}

static void
rapport_bank_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_BANK_PAGE);

  G_OBJECT_CLASS (rapport_bank_page_parent_class)->dispose (object);
}

static void
rapport_bank_page_class_init (RapportBankPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_bank_page_dispose;

  /** RapportBankPage::create: the trainer wants the pack, with the title
   * rapport_bank_page_dup_pack_title() gives
   */
  signals[CREATE] =
    g_signal_new ("create", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /** RapportBankPage::close: the trainer does not want it */
  signals[CLOSE] =
    g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/rapport-bank-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, box);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, file_label);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, format_label);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, advice_label);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, pack_group);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, id_row);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, types_group);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, types_list);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, topics_group);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, topics_list);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, skipped_list);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, notes_list);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, problems_group);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, problems_list);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, close_button);
  gtk_widget_class_bind_template_child (widget_class, RapportBankPage, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_title_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_button_clicked_cb);
}

static void
rapport_bank_page_init (RapportBankPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
