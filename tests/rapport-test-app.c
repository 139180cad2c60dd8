/* rapport-test-app.c: the real application in GUI tests, and what its window shows
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rapport-journal-view.h"
#include "rapport-learn-view.h"
#include "rapport-skill.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"

/* A registered application, as a desktop launch would make it. */
RapportApplication *
rapport_test_app_new (void)
{
  g_autoptr(GError) error = NULL;
  RapportApplication *app = rapport_application_new ();

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

static gboolean
window_is_ready (gpointer user_data)
{
  RapportWindow *window = user_data;
  RapportApplication *app = RAPPORT_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  return gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         rapport_window_get_ready (window) &&
         rapport_catalog_get_loaded (rapport_application_get_catalog (app));
}

/* The main window, on screen, with its store and course in place. */
RapportWindow *
rapport_test_app_get_window (RapportApplication *app)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (RAPPORT_IS_WINDOW (window));
  g_assert_true (rapport_test_wait_until (window_is_ready, window, 10000));

  return RAPPORT_WINDOW (window);
}

void
rapport_test_app_close_windows (RapportApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    {
      gtk_window_destroy (windows->data);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

/* The journal's editor is open: the view can go back to the list. */
gboolean
rapport_test_app_editor_shown (gpointer window)
{
  return rapport_journal_view_get_can_go_back (rapport_window_get_journal_view (window));
}

/* No page of the journal view is still sliding in: a popover opened
 * while one slides cannot be placed.
 */
static gboolean
journal_settled (gpointer window)
{
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

  rapport_test_collect_widgets (GTK_WIDGET (rapport_window_get_journal_view (window)), GTK_TYPE_STACK, stacks);
  for (guint i = 0; i < stacks->len; i++)
    {
      if (gtk_stack_get_transition_running (stacks->pdata[i]))
        return FALSE;
    }

  return TRUE;
}

gboolean
rapport_test_app_editor_closed (gpointer window)
{
  return !rapport_test_app_editor_shown (window);
}

/* A message dialog (a question or an error) is open. */
gboolean
rapport_test_app_dialog_shown (gpointer unused)
{
  return rapport_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

gboolean
rapport_test_app_dialog_gone (gpointer unused)
{
  return !rapport_test_app_dialog_shown (unused);
}

/* An entry is open to read: the journal shows its read page. */
gboolean
rapport_test_app_reader_shown (gpointer window)
{
  RapportJournalView *view = rapport_window_get_journal_view (window);
  RapportJournalEditor *editor = rapport_journal_view_get_editor (view);

  return rapport_journal_view_get_can_go_back (view) && editor != NULL &&
         rapport_journal_editor_get_reading (editor);
}

typedef struct
{
  RapportWindow *window;
  const char    *title;
} RowSearch;

/* The journal list's row for an entry on screen: the box of the list
 * item whose title line reads @title.
 */
GtkWidget *
rapport_test_app_find_row (RapportWindow *window,
                           const char    *title)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();

  rapport_test_collect_widgets (GTK_WIDGET (rapport_window_get_journal_view (window)), GTK_TYPE_BOX, boxes);
  for (guint i = 0; i < boxes->len; i++)
    {
      GtkWidget *label;

      if (g_object_get_data (boxes->pdata[i], "uuid") == NULL || !gtk_widget_get_mapped (boxes->pdata[i]))
        continue;
      label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (boxes->pdata[i]));
      if (GTK_IS_LABEL (label) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), title) == 0)
        return boxes->pdata[i];
    }

  return NULL;
}

static gboolean
row_shown (gpointer user_data)
{
  RowSearch *search = user_data;

  return rapport_test_app_find_row (search->window, search->title) != NULL;
}

gboolean
rapport_test_app_row_shown (RapportWindow *window,
                            const char    *title)
{
  RowSearch search = { window, title };

  return row_shown (&search);
}

/* The row appears on screen within 5 s (a reload lays the list out at the
 * next frames).
 */
GtkWidget *
rapport_test_app_wait_for_row (RapportWindow *window,
                               const char    *title)
{
  RowSearch search = { window, title };

  if (!rapport_test_wait_until (row_shown, &search, 5000))
    return NULL;

  return rapport_test_app_find_row (window, title);
}

/* Activates a row of the list as a click would. */
void
rapport_test_app_activate_row (GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "activate", GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "position")));
}

/* Ctrl+N, as a user starts an entry; a draft an earlier test left is
 * thrown away first, so the editor starts empty.
 */
RapportJournalEditor *
rapport_test_app_new_entry (RapportWindow *window)
{
  RapportJournalView *view = rapport_window_get_journal_view (window);
  RapportApplication *app = RAPPORT_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  if (rapport_journal_view_get_editor (view) != NULL)
    rapport_journal_editor_discard (rapport_journal_view_get_editor (view));
  g_assert_true (rapport_store_clear_draft (rapport_application_get_store (app), NULL));
  rapport_journal_view_go_back (view);
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>n");
  g_assert_true (rapport_test_wait_until (rapport_test_app_editor_shown, window, 5000));
  g_assert_true (rapport_test_wait_until (journal_settled, window, 5000));
  g_assert_false (rapport_journal_editor_get_reading (rapport_journal_view_get_editor (view)));

  return rapport_journal_view_get_editor (view);
}

/* Every entry in the store, newest first. */
GPtrArray *
rapport_test_app_list_entries (RapportWindow *window)
{
  RapportApplication *app = RAPPORT_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  RapportStoreJournalQuery query = { .limit = 10000 };
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = rapport_store_list_journal_entries (rapport_application_get_store (app), &query, &error);

  g_assert_no_error (error);
  return entries;
}

/* A new entry through the editor, as a user writes one: Ctrl+N, the title
 * typed, @skill rated @rating, Ctrl+S; back once its row is in the list.
 * Returns: the entry's uuid
 */
char *
rapport_test_app_write_entry (RapportWindow      *window,
                              const char         *title,
                              const RapportSkill *skill,
                              int                 rating)
{
  RapportJournalEditor *editor;
  g_autofree char *level = g_strdup_printf ("%d", rating);
  char *uuid;
  GtkWidget *row;
  GtkWidget *toggle;
  RowSearch search = { window, title };

  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>n");
  g_assert_true (rapport_test_wait_until (rapport_test_app_editor_shown, window, 5000));
  editor = rapport_journal_view_get_editor (rapport_window_get_journal_view (window));
  /* A draft left by an earlier run comes back: it is replaced. */
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>a");
  rapport_test_type_text (GTK_WINDOW (window), title);

  /* In the ratings, not among the prompts of the skills rated above them. */
  row = gtk_widget_get_ancestor (rapport_test_find_widget (rapport_test_find_widget (GTK_WIDGET (editor),
                                                                                     ADW_TYPE_PREFERENCES_GROUP,
                                                                                     "Rate Yourself"),
                                                           GTK_TYPE_LABEL, skill->title),
                                 GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  toggle = rapport_test_find_widget (row, GTK_TYPE_TOGGLE_BUTTON, level);
  g_assert_nonnull (toggle);
  g_signal_emit_by_name (toggle, "clicked");  /* as a click would */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  uuid = g_strdup (rapport_journal_editor_get_uuid (editor));
  rapport_test_press_keys (GTK_WINDOW (window), "<Primary>s");
  g_assert_true (rapport_test_wait_until (rapport_test_app_editor_closed, window, 5000));
  g_assert_true (rapport_test_wait_until (row_shown, &search, 5000));

  return uuid;
}

/* The quiz */

static gboolean
transition_done (gpointer leaflet)
{
  return !adw_leaflet_get_child_transition_running (leaflet);
}

/* Starts @topic's quiz in the Learn view with @seed and waits until its page
 * has slid into place, so that clicks land where it is drawn.
 */
RapportQuizPage *
rapport_test_app_start_quiz (RapportWindow *window,
                             RapportTopic  *topic,
                             guint32        seed)
{
  RapportQuizPage *page;
  GtkWidget *leaflet;

  rapport_window_set_view (window, "learn");
  rapport_learn_view_start_quiz (rapport_window_get_learn_view (window), topic, seed);
  page = rapport_test_app_quiz_page (window);
  leaflet = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_LEAFLET);
  g_assert_nonnull (leaflet);
  g_assert_true (rapport_test_wait_until (transition_done, leaflet, 5000));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);

  return page;
}

RapportQuizPage *
rapport_test_app_quiz_page (RapportWindow *window)
{
  GtkWidget *page = rapport_test_find_widget (GTK_WIDGET (window), RAPPORT_TYPE_QUIZ_PAGE, NULL);

  g_assert_nonnull (page);
  return RAPPORT_QUIZ_PAGE (page);
}

/* The page's one button under the question: Check, Next or See Results, in
 * the language of the test.
 */
GtkWidget *
rapport_test_app_quiz_button (RapportQuizPage *page)
{
  const char *labels[] = { "_Check Answer", "_Next Question", "_See Results" };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *button = rapport_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON,
                                                    g_dgettext (GETTEXT_PACKAGE, labels[i]));

      if (button != NULL && gtk_widget_get_mapped (button))
        return button;
    }

  g_assert_not_reached ();
}

/* The hint under that button: how to answer, or what to do first. */
const char *
rapport_test_app_quiz_hint (RapportQuizPage *page)
{
  GtkWidget *label = gtk_widget_get_next_sibling (rapport_test_app_quiz_button (page));

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}
