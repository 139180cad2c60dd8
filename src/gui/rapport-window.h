/* rapport-window.h
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-application.h"
#include "rapport-journal-view.h"
#include "rapport-learn-view.h"
#include "rapport-progress-view.h"
#include "rapport-packs-view.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_WINDOW (rapport_window_get_type ())

G_DECLARE_FINAL_TYPE (RapportWindow, rapport_window, RAPPORT, WINDOW, AdwApplicationWindow)

RapportWindow *rapport_window_new             (RapportApplication *application);
const char    *rapport_window_get_view        (RapportWindow      *self);
void           rapport_window_set_view        (RapportWindow      *self,
                                               const char         *view);
void           rapport_window_add_toast       (RapportWindow      *self,
                                               AdwToast           *toast);
void           rapport_window_show_banner     (RapportWindow      *self,
                                               GtkMessageType      type,
                                               const char         *message);
const char    *rapport_window_get_banner_text (RapportWindow      *self);
RapportLearnView *rapport_window_get_learn_view (RapportWindow   *self);
gboolean       rapport_window_get_ready       (RapportWindow      *self);
RapportJournalView *rapport_window_get_journal_view (RapportWindow *self);
RapportProgressView *rapport_window_get_progress_view (RapportWindow *self);
RapportPacksView   *rapport_window_get_packs_view   (RapportWindow *self);
void                rapport_window_open_pack        (RapportWindow *self,
                                                     GFile         *file);

G_END_DECLS
