/* rapport-window.h
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-application.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_WINDOW (rapport_window_get_type ())

G_DECLARE_FINAL_TYPE (RapportWindow, rapport_window, RAPPORT, WINDOW, AdwApplicationWindow)

RapportWindow *rapport_window_new            (RapportApplication *application);
const char    *rapport_window_get_view       (RapportWindow      *self);
void           rapport_window_set_view       (RapportWindow      *self,
                                              const char         *view);

G_END_DECLS
