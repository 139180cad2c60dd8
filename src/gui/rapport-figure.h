/* rapport-figure.h: a picture in a lesson, from its pack
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rapport-pack.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_FIGURE (rapport_figure_get_type ())

G_DECLARE_FINAL_TYPE (RapportFigure, rapport_figure, RAPPORT, FIGURE, GtkWidget)

GtkWidget  *rapport_figure_new          (RapportPack   *pack,
                                         const char    *src,
                                         const char    *alt);
gboolean    rapport_figure_get_finished (RapportFigure *self);
GtkPicture *rapport_figure_get_picture  (RapportFigure *self);

G_END_DECLS
