/* rapport-test-utils.h: helpers for tests that drive real windows.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*RapportTestCondition) (gpointer user_data);

void       rapport_test_init              (int                   *argc,
                                           char                ***argv);
gboolean   rapport_test_wait_until        (RapportTestCondition   condition,
                                           gpointer               user_data,
                                           guint                  timeout_ms);
void       rapport_test_wait_for_frames   (GtkWidget             *widget,
                                           guint                  n_frames);
void       rapport_test_press_keys        (GtkWindow             *window,
                                           const char            *accelerator);
void       rapport_test_move_pointer      (GtkWidget             *widget,
                                           double                 x,
                                           double                 y);
void       rapport_test_type_text         (GtkWindow             *window,
                                           const char            *text);
void       rapport_test_click             (GtkWidget             *widget);
void       rapport_test_resize            (GtkWindow             *window,
                                           int                    width);
void       rapport_test_collect_mapped    (GtkWidget             *root,
                                           GType                  type,
                                           GPtrArray             *out);
GtkWidget *rapport_test_find_mapped_label (GtkWidget             *root,
                                           const char            *text);
char      *rapport_test_accessible_property (GtkWidget           *widget,
                                           GtkAccessibleProperty  property);
GtkWidget *rapport_test_find_widget       (GtkWidget             *root,
                                           GType                  type,
                                           const char            *label);
GtkWindow *rapport_test_find_toplevel     (GType                  type);
void       rapport_test_collect_widgets   (GtkWidget             *root,
                                           GType                  type,
                                           GPtrArray             *out);
const char *rapport_test_save_screenshot  (GtkWidget             *widget,
                                           const char            *name);
void       rapport_test_run_in_subprocess (void                 (*child) (void));

G_END_DECLS
