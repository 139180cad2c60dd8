/* rapport-journal-view.c: the journal, newest first, searchable
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-file-chooser.h"
#include "rapport-journal-item.h"
#include "rapport-journal-view-private.h"
#include "rapport-skill.h"
#include "rapport-toast.h"

/* Entries fetched at a time; more come as the list scrolls to its end. */
#define PAGE_SIZE 25

/* Markers the store puts around search matches: Unicode noncharacters
 * U+FDD0 and U+FDD1, kept for a program's own use.  Control characters
 * were used before, but those can be pasted into an entry, and a search
 * then showed them as bold on and off.
 */
#define MATCH_OPEN  "\xef\xb7\x90"
#define MATCH_CLOSE "\xef\xb7\x91"

G_DEFINE_FINAL_TYPE (RapportJournalView, rapport_journal_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint show_toast_signal;

/* Rows */

static char *
snippet_markup (const char *snippet)
{
  GString *markup = g_string_new (NULL);
  gboolean open = FALSE;
  const char *start = snippet;
  const char *p = snippet;

  /* Escape the text between the markers, and turn the markers into bold. */
  for (;;)
    {
      gboolean at_open = g_str_has_prefix (p, MATCH_OPEN);
      gboolean at_close = g_str_has_prefix (p, MATCH_CLOSE);

      if (at_open || at_close || *p == '\0')
        {
          g_autofree char *part = g_strndup (start, p - start);
          g_autofree char *escaped = g_markup_escape_text (part, -1);

          g_string_append (markup, escaped);
          if (*p == '\0')
            break;
          if (at_open && !open)
            {
              g_string_append (markup, "<b>");
              open = TRUE;
            }
          else if (at_close && open)
            {
              g_string_append (markup, "</b>");
              open = FALSE;
            }
          p += at_open ? strlen (MATCH_OPEN) : strlen (MATCH_CLOSE);
          start = p;
        }
      else
        p++;
    }

  if (open)
    g_string_append (markup, "</b>");

  return g_string_free (markup, FALSE);
}

/* "Empathy 4/5 · Active Listening 3/5" to see; "Empathy 4 of 5, Active
 * Listening 3 of 5" to hear.
 */
static char *
describe_ratings (const RapportStoreEntry *entry,
                  gboolean                 spoken)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < entry->ratings->len; i++)
    {
      const RapportStoreRating *rating = &g_array_index (entry->ratings, RapportStoreRating, i);
      const char *skill = rapport_skill_get_display_title (rating->skill_key);

      if (text->len > 0)
        g_string_append (text, spoken ? ", " : " · ");
      if (spoken)
        /* Translators: a skill and its self-rating, as a screen reader says it */
        g_string_append_printf (text, _("%s %d of 5"), skill, rating->rating);
      else
        g_string_append_printf (text, "%s %d/5", skill, rating->rating);
    }

  return g_string_free (text, FALSE);
}

static char *
describe_tags (const RapportStoreEntry *entry)
{
  g_autofree char *tags = NULL;

  if (entry->tags == NULL || entry->tags[0] == NULL)
    return g_strdup ("");

  tags = g_strjoinv (", ", entry->tags);
  /* Translators: an entry's tags in the journal list */
  return g_strdup_printf (_("Tags: %s"), tags);
}

static GtkWidget *
row_label (const char *text,
           gboolean    markup,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (markup)
    gtk_label_set_markup (GTK_LABEL (label), text);
  else
    gtk_label_set_text (GTK_LABEL (label), text);

  /* One line each, ellipsized: wrapped labels cost a list of hundreds of
   * rows a text layout per width tried (bench/journal-view).
   */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Rows are grouped by the week (Monday first) of the call. */
static GDateTime *
week_start (GDateTime *occurred)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (occurred);
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_time_get_year (local),
                                                    g_date_time_get_month (local),
                                                    g_date_time_get_day_of_month (local),
                                                    0, 0, 0);

  return g_date_time_add_days (day, 1 - g_date_time_get_day_of_week (day));
}

enum { LINE_WEEK, LINE_TITLE, LINE_DATE, LINE_RATINGS, LINE_TAGS, LINE_SNIPPET, N_LINES };

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  static const char *classes[N_LINES] = {
    "rapport-journal-week", "heading", "dim-label", "caption", "rapport-journal-row-tags", "caption"
  };

  gtk_widget_add_css_class (box, "rapport-journal-row");
  for (guint i = 0; i < N_LINES; i++)
    gtk_box_append (GTK_BOX (box), row_label ("", FALSE, classes[i]));
  gtk_list_item_set_child (list_item, box);
}

static GtkWidget *
row_line (GtkWidget *box,
          guint      line)
{
  GtkWidget *child = gtk_widget_get_first_child (box);

  for (guint i = 0; i < line; i++)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             RapportJournalView       *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  guint position = gtk_list_item_get_position (list_item);
  const RapportStoreEntry *entry = rapport_journal_item_get_entry (gtk_list_item_get_item (list_item));
  g_autoptr(GDateTime) local = g_date_time_to_local (entry->occurred);
  g_autoptr(GDateTime) week = week_start (entry->occurred);
  g_autoptr(GDateTime) previous_week = NULL;
  /* Translators: the date of a journal entry, see g_date_time_format() */
  g_autofree char *date = g_date_time_format (local, _("%A %-d %B %Y, %H:%M"));
  g_autofree char *ratings = describe_ratings (entry, FALSE);
  g_autofree char *spoken_ratings = describe_ratings (entry, TRUE);
  g_autofree char *tags = describe_tags (entry);
  g_autoptr(GString) accessible = g_string_new (NULL);
  GtkWidget *item_widget = gtk_widget_get_parent (box);
  gboolean has_snippet = entry->snippet != NULL && *entry->snippet != '\0';

  if (position > 0)
    {
      g_autoptr(RapportJournalItem) before = g_list_model_get_item (G_LIST_MODEL (self->entries), position - 1);

      previous_week = week_start (rapport_journal_item_get_entry (before)->occurred);
    }

  if (previous_week == NULL || !g_date_time_equal (week, previous_week))
    {
      /* Translators: a week's heading; the placeholder is its Monday, e.g. "23 November 2026" */
      g_autofree char *day = g_date_time_format (week, _("%-d %B %Y"));
      g_autofree char *text = g_strdup_printf (_("Week of %s"), day);

      gtk_label_set_text (GTK_LABEL (row_line (box, LINE_WEEK)), text);
      gtk_widget_set_visible (row_line (box, LINE_WEEK), TRUE);
    }
  else
    gtk_widget_set_visible (row_line (box, LINE_WEEK), FALSE);

  gtk_label_set_text (GTK_LABEL (row_line (box, LINE_TITLE)), entry->title);
  gtk_label_set_text (GTK_LABEL (row_line (box, LINE_DATE)), date);
  gtk_label_set_text (GTK_LABEL (row_line (box, LINE_RATINGS)), ratings);
  gtk_widget_set_visible (row_line (box, LINE_RATINGS), *ratings != '\0');
  gtk_label_set_text (GTK_LABEL (row_line (box, LINE_TAGS)), tags);
  gtk_widget_set_visible (row_line (box, LINE_TAGS), *tags != '\0');
  if (has_snippet)
    {
      g_autofree char *snippet = snippet_markup (entry->snippet);

      gtk_label_set_markup (GTK_LABEL (row_line (box, LINE_SNIPPET)), snippet);
    }
  gtk_widget_set_visible (row_line (box, LINE_SNIPPET), has_snippet);

  /* The name goes on the list's own row, the widget that takes the focus
   * and that a screen reader reads out; the box inside it is only layout.
   */
  g_string_append_printf (accessible, "%s, %s.", entry->title, date);
  if (*spoken_ratings != '\0')
    g_string_append_printf (accessible, " %s.", spoken_ratings);
  if (*tags != '\0')
    g_string_append_printf (accessible, " %s.", tags);
  if (item_widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item_widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    accessible->str, -1);
  g_object_set_data_full (G_OBJECT (box), "uuid", g_strdup (entry->uuid), g_free);
  g_object_set_data (G_OBJECT (box), "position", GUINT_TO_POINTER (position));
}

/* Loading */

static void
load_page (RapportJournalView *self)
{
  RapportStoreJournalQuery query = { 0 };
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  rapport_journal_view_build_query (self, &query, &from);
  query.limit = PAGE_SIZE;
  query.offset = self->n_loaded;
  query.snippet_open = MATCH_OPEN;
  query.snippet_close = MATCH_CLOSE;
  query.snippet_ellipsis = "…";
  entries = rapport_store_list_journal_entries (self->store, &query, &error);
  if (entries == NULL)
    {
      g_warning ("Could not list the journal: %s", error->message);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(RapportJournalItem) item = rapport_journal_item_new (g_steal_pointer (&entries->pdata[i]));

      g_list_store_append (self->entries, item);
    }
  /* The items own the entries now. */
  g_ptr_array_set_free_func (entries, NULL);

  self->n_loaded += entries->len;
  self->more = entries->len == PAGE_SIZE;
}

static void
update_draft_box (RapportJournalView *self)
{
  g_autofree char *draft = NULL;

  if (self->store != NULL)
    draft = rapport_store_load_draft (self->store, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_box), draft != NULL);
}

/* The list again, for filters just changed. */
void
rapport_journal_view_refilter (RapportJournalView *self)
{
  if (self->list == NULL)
    return;

  g_list_store_remove_all (self->entries);
  self->n_loaded = 0;
  self->more = FALSE;

  load_page (self);
  update_draft_box (self);

  if (self->n_loaded > 0 || gtk_widget_get_visible (GTK_WIDGET (self->draft_box)))
    gtk_stack_set_visible_child_name (self->list_stack, "entries");
  else if (rapport_journal_view_filters_active (self))
    {
      adw_status_page_set_icon_name (self->no_results_page, "system-search-symbolic");
      gtk_stack_set_visible_child_name (self->list_stack, "no-results");
    }
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

/* The list and the tag filter's choices, for the journal as it is now.
 * Only this reads the tags again: searching as the user types does not
 * (a scan of every tag of years of entries).
 */
void
rapport_journal_view_reload (RapportJournalView *self)
{
  g_return_if_fail (RAPPORT_IS_JOURNAL_VIEW (self));

  if (self->list == NULL)
    return;

  rapport_journal_view_update_tags (self);
  rapport_journal_view_refilter (self);
}

guint
rapport_journal_view_get_n_shown (RapportJournalView *self)
{
  g_return_val_if_fail (RAPPORT_IS_JOURNAL_VIEW (self), 0);

  return self->n_loaded;
}

static void
on_edge_reached_cb (RapportJournalView *self,
                    GtkPositionType     position)
{
  if (position == GTK_POS_BOTTOM && self->more)
    load_page (self);
}

void
rapport_journal_view_set_skill_filter (RapportJournalView *self,
                                       const char         *skill_key)
{
  int position;

  g_return_if_fail (RAPPORT_IS_JOURNAL_VIEW (self));

  position = skill_key != NULL ? rapport_skill_get_position (skill_key) : -1;
  gtk_drop_down_set_selected (self->skill_dropdown, position >= 0 ? (guint) position + 1 : 0);
  rapport_journal_view_go_back (self);
}

/* The editor */

static void on_editor_saved_cb   (RapportJournalView   *self,
                                  const char           *uuid,
                                  RapportJournalEditor *editor);
static void on_editor_deleted_cb (RapportJournalView   *self,
                                  const char           *uuid,
                                  RapportJournalEditor *editor);

static void
on_editor_tag_activated_cb (RapportJournalView   *self,
                            const char           *tag,
                            RapportJournalEditor *editor)
{
  rapport_journal_view_set_tag_filter (self, tag);
}

static void
ensure_editor (RapportJournalView *self)
{
  GtkStackPage *page;

  if (self->editor != NULL)
    return;

  self->editor = g_object_new (RAPPORT_TYPE_JOURNAL_EDITOR, NULL);
  rapport_journal_editor_setup (self->editor, self->store, self->catalog);
  g_signal_connect_object (self->editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "deleted", G_CALLBACK (on_editor_deleted_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "tag-activated", G_CALLBACK (on_editor_tag_activated_cb), self,
                           G_CONNECT_SWAPPED);
  page = gtk_stack_add_named (self->stack, GTK_WIDGET (self->editor), "editor");
  gtk_stack_page_set_title (page, _("Journal Entry"));
}

RapportJournalEditor *
rapport_journal_view_get_editor (RapportJournalView *self)
{
  g_return_val_if_fail (RAPPORT_IS_JOURNAL_VIEW (self), NULL);

  return self->editor;
}

static void
show_editor (RapportJournalView *self)
{
  gtk_stack_set_visible_child_name (self->stack, "editor");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

void
rapport_journal_view_new_entry (RapportJournalView *self)
{
  g_return_if_fail (RAPPORT_IS_JOURNAL_VIEW (self));

  ensure_editor (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "editor") == 0 &&
      rapport_journal_editor_get_uuid (self->editor) != NULL &&
      !rapport_journal_editor_get_reading (self->editor))
    return;  /* already writing one */

  /* Reading an entry, the fields may hold an edit of it left as a draft. */
  if (rapport_journal_editor_get_reading (self->editor))
    rapport_journal_editor_flush_draft (self->editor);

  show_editor (self);
  rapport_journal_editor_new_entry (self->editor);
}

void
rapport_journal_view_open_entry (RapportJournalView *self,
                                 const char         *uuid)
{
  g_autoptr(RapportStoreEntry) entry = NULL;

  g_return_if_fail (RAPPORT_IS_JOURNAL_VIEW (self));

  if (self->store == NULL)
    return;

  entry = rapport_store_get_journal_entry (self->store, uuid, NULL);
  if (entry == NULL)
    return;

  ensure_editor (self);
  if (rapport_journal_view_get_can_go_back (self))
    rapport_journal_editor_flush_draft (self->editor);
  show_editor (self);
  rapport_journal_editor_show (self->editor, entry);
}

static void
on_list_activate_cb (RapportJournalView *self,
                     guint               position,
                     GtkListView        *list)
{
  g_autoptr(RapportJournalItem) item = g_list_model_get_item (G_LIST_MODEL (self->entries), position);

  if (item != NULL)
    rapport_journal_view_open_entry (self, rapport_journal_item_get_entry (item)->uuid);
}

gboolean
rapport_journal_view_get_can_go_back (RapportJournalView *self)
{
  g_return_val_if_fail (RAPPORT_IS_JOURNAL_VIEW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "editor") == 0;
}

/* Back from the editor keeps what was typed as a draft: from an edit
 * begun on the read page, back to that page; otherwise to the list.
 */
void
rapport_journal_view_go_back (RapportJournalView *self)
{
  gboolean from_editor;

  g_return_if_fail (RAPPORT_IS_JOURNAL_VIEW (self));

  from_editor = self->editor != NULL && rapport_journal_view_get_can_go_back (self);
  if (from_editor)
    {
      if (rapport_journal_editor_back_to_reading (self->editor))
        return;
      rapport_journal_editor_flush_draft (self->editor);
    }

  gtk_stack_set_visible_child_name (self->stack, "list");
  rapport_journal_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);

  /* The focus was in the page just hidden: to the top of the list, not to
   * whatever GTK finds first (the window's menu button).  Not into a row:
   * the next reload (an Undo, a filter) replaces the rows, and a focused
   * row taken away leaves the keyboard nowhere.
   */
  if (from_editor && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
rapport_journal_view_flush_draft (RapportJournalView *self)
{
  g_return_if_fail (RAPPORT_IS_JOURNAL_VIEW (self));

  if (self->editor != NULL && rapport_journal_view_get_can_go_back (self))
    rapport_journal_editor_flush_draft (self->editor);
}

void
rapport_journal_view_add_toast (RapportJournalView *self,
                                AdwToast           *toast)
{
  rapport_toast_emit (self, show_toast_signal, toast);
}

static void
on_editor_saved_cb (RapportJournalView   *self,
                    const char           *uuid,
                    RapportJournalEditor *editor)
{
  rapport_journal_view_go_back (self);
  rapport_journal_view_add_toast (self, adw_toast_new (_("Entry saved")));
}

static void
on_undo_delete_cb (AdwToast           *toast,
                   RapportJournalView *self)
{
  g_autoptr(GError) error = NULL;

  /* Only the last message's Undo: the window has put it in place of any
   * older one.
   */
  if (toast != self->undo_toast || self->deleted == NULL || self->store == NULL)
    return;

  if (!rapport_store_save_journal_entry (self->store, self->deleted, &error))
    {
      g_warning ("Could not bring the entry back: %s", error->message);
      return;
    }

  rapport_journal_view_reload (self);
}

static void
on_editor_deleted_cb (RapportJournalView   *self,
                      const char           *uuid,
                      RapportJournalEditor *editor)
{
  g_autoptr(RapportStoreEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  entry = rapport_store_get_journal_entry (self->store, uuid, NULL);
  if (entry == NULL || !rapport_store_delete_journal_entry (self->store, uuid, &error))
    {
      if (error != NULL)
        g_warning ("Could not delete the entry: %s", error->message);
      return;
    }

  rapport_journal_view_go_back (self);

  /* Translators: the placeholder is an entry's title */
  title = g_strdup_printf (_("“%s” deleted"), entry->title);
  {
    g_autofree char *escaped = g_markup_escape_text (title, -1);

    toast = rapport_toast_new_urgent (escaped);
  }
  adw_toast_set_button_label (toast, _("_Undo"));
  /* No timeout: the Undo stays until the user closes it, another message
   * takes its place or the user leaves the journal, however slowly they
   * read (rapport_journal_view_unmap()).
   */
  adw_toast_set_timeout (toast, 0);
  g_clear_pointer (&self->deleted, rapport_store_entry_free);
  self->deleted = g_steal_pointer (&entry);
  g_set_weak_pointer (&self->undo_toast, toast);
  self->undo_raised_at = g_get_monotonic_time ();
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  rapport_journal_view_add_toast (self, toast);
}

AdwToast *
rapport_journal_view_get_undo_toast (RapportJournalView *self)
{
  g_return_val_if_fail (RAPPORT_IS_JOURNAL_VIEW (self), NULL);

  return self->undo_toast;
}

/* libadwaita 1.2 frees a toast dismissed early in its show animation while
 * the animation runs on, and crashes when it ends; the window may also hold
 * a message back for up to 0.6 s (rapport_window_add_toast()).  An Undo is
 * ended no sooner than this after it was raised.
 */
#define UNDO_DISMISS_DELAY_US (1200 * G_TIME_SPAN_MILLISECOND)

static gboolean
dismiss_undo_cb (gpointer user_data)
{
  RapportJournalView *self = user_data;

  self->undo_dismiss_id = 0;
  if (self->undo_toast != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    adw_toast_dismiss (self->undo_toast);

  return G_SOURCE_REMOVE;
}

/* Leaving the journal for another view ends the Undo: it would act out of
 * sight.  A window hidden or minimised is no such change: the window is
 * unmapped before its views.
 */
static void
rapport_journal_view_unmap (GtkWidget *widget)
{
  RapportJournalView *self = RAPPORT_JOURNAL_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->undo_toast != NULL && root != NULL && gtk_widget_get_mapped (GTK_WIDGET (root)))
    {
      gint64 wait = self->undo_raised_at + UNDO_DISMISS_DELAY_US - g_get_monotonic_time ();

      g_clear_handle_id (&self->undo_dismiss_id, g_source_remove);
      if (wait <= 0)
        adw_toast_dismiss (self->undo_toast);
      else
        self->undo_dismiss_id = g_timeout_add ((guint) (wait / G_TIME_SPAN_MILLISECOND) + 1,
                                               dismiss_undo_cb, self);
    }

  GTK_WIDGET_CLASS (rapport_journal_view_parent_class)->unmap (widget);
}

/* Searching */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportJournalView *self = RAPPORT_JOURNAL_VIEW (widget);

  if (rapport_journal_view_get_can_go_back (self))
    rapport_journal_view_go_back (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Set-up */

static void
on_store_replaced_cb (RapportJournalView *self,
                      RapportStore       *store)
{
  rapport_journal_view_reload (self);
}

void
rapport_journal_view_setup (RapportJournalView *self,
                            RapportStore       *store,
                            RapportCatalog     *catalog)
{
  g_return_if_fail (RAPPORT_IS_JOURNAL_VIEW (self));

  g_set_object (&self->store, store);
  g_set_object (&self->catalog, catalog);
  if (self->editor != NULL)
    rapport_journal_editor_setup (self->editor, store, catalog);
  if (store != NULL)
    g_signal_connect_object (store, "replaced", G_CALLBACK (on_store_replaced_cb), self, G_CONNECT_SWAPPED);

  rapport_journal_view_reload (self);
}

static void
rapport_journal_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportJournalView *self = RAPPORT_JOURNAL_VIEW (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, rapport_journal_view_get_can_go_back (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_journal_view_dispose (GObject *object)
{
  RapportJournalView *self = RAPPORT_JOURNAL_VIEW (object);

  if (self->editor != NULL)
    rapport_journal_editor_flush_draft (self->editor);
  self->editor = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_JOURNAL_VIEW);
  rapport_file_chooser_clear (&self->chooser);
  g_clear_pointer (&self->export_format, g_free);
  g_clear_pointer (&self->deleted, rapport_store_entry_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_handle_id (&self->undo_dismiss_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (rapport_journal_view_parent_class)->dispose (object);
}

static void
rapport_journal_view_class_init (RapportJournalViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_journal_view_dispose;
  object_class->get_property = rapport_journal_view_get_property;
  widget_class->unmap = rapport_journal_view_unmap;

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
  show_toast_signal = rapport_toast_signal_new (G_TYPE_FROM_CLASS (klass));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/rapport-journal-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportJournalView, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalView, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalView, draft_box);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalView, list);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalView, no_results_page);
  gtk_widget_class_bind_template_callback (widget_class, on_edge_reached_cb);
  rapport_journal_view_class_init_filters (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);

  gtk_widget_class_install_action (widget_class, "journal.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "journal.export", "s", rapport_journal_view_export_action);
  gtk_widget_class_install_action (widget_class, "journal.import", NULL, rapport_journal_view_import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "journal.search", NULL);
}

static void
rapport_journal_view_init (RapportJournalView *self)
{
  /* Before the template: its filters report their first values at once,
   * and a reload fills this list.
   */
  self->entries = g_list_store_new (RAPPORT_TYPE_JOURNAL_ITEM);
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_journal_view_init_filters (self);

  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
    g_autoptr(GtkNoSelection) selection = NULL;

    selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->entries)));
    g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
    gtk_list_view_set_factory (self->list, factory);
    gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
    g_object_unref (factory);
  }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}
