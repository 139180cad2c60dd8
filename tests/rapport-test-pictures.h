/* rapport-test-pictures.h: hostile and normal pictures, made by the tests that need them.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *rapport_test_blur_svg      (void);
GBytes *rapport_test_use_bomb_svg  (void);
GBytes *rapport_test_huge_svg      (void);
GBytes *rapport_test_layers_svg    (guint        n_layers);
GBytes *rapport_test_png           (guint        width,
                                    guint        height,
                                    guint        depth,
                                    guint        color_type);
GBytes *rapport_test_jpeg         (void);
GBytes *rapport_test_read_fixture  (const char  *name);
char   *rapport_test_blurred_pack  (const char  *dir);

GArray *rapport_test_find_decoders (void);
gboolean rapport_test_pid_exists   (int          pid);
char   *rapport_test_proc_field    (int          pid,
                                    const char  *file,
                                    const char  *field);

G_END_DECLS
