/* rapport-topic-loader.h: reads and checks topic files.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rapport-problem.h"
#include "rapport-topic.h"

G_BEGIN_DECLS

#define RAPPORT_TOPIC_ERROR (rapport_topic_error_quark ())

typedef enum
{
  RAPPORT_TOPIC_ERROR_INVALID,  /* the file has problems; see the problem list */
  RAPPORT_TOPIC_ERROR_SCHEMA,   /* the schema Rapport ships could not be compiled */
} RapportTopicError;

GQuark rapport_topic_error_quark (void);

/* Limits for files from untrusted packs. A large real topic is about 60 KiB,
 * 1,500 elements and 10 levels deep.
 */
#define RAPPORT_TOPIC_MAX_SIZE      (4 * 1024 * 1024)
#define RAPPORT_TOPIC_MAX_DEPTH     64
#define RAPPORT_TOPIC_MAX_ELEMENTS  50000
#define RAPPORT_TOPIC_MAX_PROBLEMS  100
/* The schema's "line": a title, a right item, accepted words. */
#define RAPPORT_TOPIC_MAX_LINE      400

#define RAPPORT_TYPE_TOPIC_LOADER (rapport_topic_loader_get_type ())

G_DECLARE_FINAL_TYPE (RapportTopicLoader, rapport_topic_loader, RAPPORT, TOPIC_LOADER, GObject)

RapportTopicLoader *rapport_topic_loader_new_from_bytes  (GBytes              *schema,
                                                          GError             **error);
RapportTopicLoader *rapport_topic_loader_new_from_file   (const char          *schema_path,
                                                          GError             **error);
RapportTopic       *rapport_topic_loader_load_from_bytes (RapportTopicLoader  *self,
                                                          GBytes              *bytes,
                                                          const char          *display_name,
                                                          const char          *pack_id,
                                                          GPtrArray           *problems,
                                                          GError             **error);
RapportTopic       *rapport_topic_loader_load_from_file  (RapportTopicLoader  *self,
                                                          const char          *path,
                                                          const char          *pack_id,
                                                          GPtrArray           *problems,
                                                          GError             **error);

G_END_DECLS
