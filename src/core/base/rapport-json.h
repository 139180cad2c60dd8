/* rapport-json.h: parsing JSON that may come from anyone.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RAPPORT_JSON_ERROR (rapport_json_error_quark ())

typedef enum
{
  RAPPORT_JSON_ERROR_EMPTY,
  RAPPORT_JSON_ERROR_TOO_LARGE,
  RAPPORT_JSON_ERROR_TOO_DEEP,
  RAPPORT_JSON_ERROR_INVALID,
} RapportJsonError;

GQuark    rapport_json_error_quark (void);

JsonNode *rapport_json_parse       (GBytes      *bytes,
                                    gsize        max_size,
                                    guint        max_depth,
                                    GHashTable  *lines,
                                    guint       *error_line,
                                    GError     **error);

G_END_DECLS
