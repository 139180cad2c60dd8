/* rapport-test-app.h: the real application in GUI tests.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-application.h"
#include "rapport-quiz-page.h"
#include "rapport-skill.h"
#include "rapport-window.h"

G_BEGIN_DECLS

RapportApplication *rapport_test_app_new            (void);
RapportWindow      *rapport_test_app_get_window     (RapportApplication *app);
void                rapport_test_app_close_windows  (RapportApplication *app);

/* Conditions for rapport_test_wait_until(): @window is the main window. */
gboolean            rapport_test_app_editor_shown   (gpointer            window);
gboolean            rapport_test_app_editor_closed  (gpointer            window);
gboolean            rapport_test_app_dialog_shown   (gpointer            unused);
gboolean            rapport_test_app_dialog_gone    (gpointer            unused);

gboolean            rapport_test_app_reader_shown   (gpointer            window);

/* The journal */
gboolean            rapport_test_app_row_shown      (RapportWindow      *window,
                                                     const char         *title);
GtkWidget          *rapport_test_app_find_row       (RapportWindow      *window,
                                                     const char         *title);
GtkWidget          *rapport_test_app_wait_for_row   (RapportWindow      *window,
                                                     const char         *title);
void                rapport_test_app_activate_row   (GtkWidget          *row);
RapportJournalEditor *rapport_test_app_new_entry    (RapportWindow      *window);
GPtrArray          *rapport_test_app_list_entries   (RapportWindow      *window);
char               *rapport_test_app_write_entry    (RapportWindow      *window,
                                                     const char         *title,
                                                     const RapportSkill *skill,
                                                     int                 rating);

/* The quiz */
RapportQuizPage    *rapport_test_app_start_quiz     (RapportWindow      *window,
                                                     RapportTopic       *topic,
                                                     guint32             seed);
RapportQuizPage    *rapport_test_app_quiz_page      (RapportWindow      *window);
GtkWidget          *rapport_test_app_quiz_button    (RapportQuizPage    *page);
const char         *rapport_test_app_quiz_hint      (RapportQuizPage    *page);

G_END_DECLS
