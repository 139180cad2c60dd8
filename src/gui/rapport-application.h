/* rapport-application.h
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-catalog.h"
#include "rapport-store.h"
#include "rapport-topic-loader.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_APPLICATION (rapport_application_get_type ())

G_DECLARE_FINAL_TYPE (RapportApplication, rapport_application, RAPPORT, APPLICATION, AdwApplication)

RapportApplication *rapport_application_new             (void);
GSettings          *rapport_application_get_settings    (RapportApplication *self);
RapportStore       *rapport_application_get_store       (RapportApplication *self);
const GError       *rapport_application_get_store_error (RapportApplication *self);
RapportCatalog     *rapport_application_get_catalog     (RapportApplication *self);
void                rapport_application_load_catalog    (RapportApplication *self);
void                rapport_application_reload_catalog  (RapportApplication *self);
RapportTopicLoader *rapport_application_get_topic_loader (RapportApplication *self);

G_END_DECLS
