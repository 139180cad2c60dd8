/* rapport-test-app.c: the real application in GUI tests, and what its window shows
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rapport-journal-view.h"
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
