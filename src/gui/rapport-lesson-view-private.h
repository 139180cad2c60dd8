/* rapport-lesson-view-private.h: what the lesson reader's two files share
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-lesson-view.h"

G_BEGIN_DECLS

/* rapport-lesson-view-content.c: the page built from the lesson's blocks. */
void rapport_lesson_view_fill_content (GtkBox        *content,
                                       RapportLesson *lesson,
                                       RapportPack   *pack);

G_END_DECLS
