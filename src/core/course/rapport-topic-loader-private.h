/* rapport-topic-loader-private.h: what the layers of the topic loader share:
 * the load in progress, how they report problems and the walk's helpers.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "rapport-topic-loader.h"
#include "rapport-topic-private.h"

G_BEGIN_DECLS

/* One load: where problems go and what the walk has seen so far. */
typedef struct
{
  const char *file;
  GPtrArray  *problems;
  GPtrArray  *pool;           /* strings quoted in messages */
  GHashTable *lesson_keys;    /* key → line */
  GHashTable *question_keys;  /* key → line */
  guint       n_structural;   /* problems the schema should also find */
  guint       n_problems;
  gboolean    too_many;
} RapportLoad;

/* The elements that are all questions, the one content model where
 * siblings of one kind have different names.
 */
#define RAPPORT_LOAD_QUESTION_NAMES \
  "single multiple truefalse scenario ordering matching short numeric"

/* Problems (rapport-topic-loader.c). Strings quoted in a message are
 * owned by the load.
 */
const char      *rapport_load_quote                (RapportLoad           *l,
                                                    const char            *text);
const char      *rapport_load_quote_full           (RapportLoad           *l,
                                                    const char            *text);
guint            rapport_load_line_of              (xmlNode               *node);
void             rapport_load_add_problem          (RapportLoad           *l,
                                                    guint                  line,
                                                    const char            *format,
                                                    ...) G_GNUC_PRINTF (3, 4);

/* A problem with the structure, which the schema finds too: counted, so that
 * the schema's own messages are reported only when the walk found none.
 */
#define rapport_load_structural(l, node, ...) \
  ((l)->n_structural++, rapport_load_add_problem ((l), rapport_load_line_of (node), __VA_ARGS__))

/* A problem the schema cannot see: keys, answers, counts. */
#define rapport_load_semantic(l, node, ...) \
  rapport_load_add_problem ((l), rapport_load_line_of (node), __VA_ARGS__)

/* Layers 1 and 2, the bytes (rapport-topic-loader-bytes.c) */
gboolean         rapport_load_check_bytes          (RapportLoad           *l,
                                                    const char            *data,
                                                    gsize                  length);

/* Layers 3 and 4, libxml2 (rapport-topic-loader-libxml.c) */
xmlRelaxNGPtr    rapport_load_compile_schema       (GBytes                *schema,
                                                    GError               **error);
xmlDoc          *rapport_load_parse                (RapportLoad           *l,
                                                    const char            *data,
                                                    gsize                  length);
GPtrArray       *rapport_load_validate             (xmlRelaxNGPtr          schema,
                                                    xmlDoc                *doc);
void             rapport_load_report_schema_errors (RapportLoad           *l,
                                                    GPtrArray             *errors);

/* Layer 5, the walk (rapport-topic-loader-walk.c) */

/* One part of an element's content: which elements, how many. */
typedef struct
{
  const char *names;   /* element names, separated by spaces */
  guint       min;
  guint       max;     /* 0 for no limit */
} RapportParticle;

/* A child element and the particle it fits. */
typedef struct
{
  xmlNode *node;
  guint    particle;
} RapportMatch;

#define RAPPORT_MATCH(m, i) (&g_array_index ((m), RapportMatch, (i)))

const char      *rapport_load_node_name            (RapportLoad           *l,
                                                    xmlNode               *node);
gboolean         rapport_load_is_format_element    (xmlNode               *node);
gboolean         rapport_load_is_blank             (const char            *text);
GArray          *rapport_load_match_children       (RapportLoad           *l,
                                                    xmlNode               *node,
                                                    const RapportParticle *particles,
                                                    guint                  n_particles);
void             rapport_load_check_attributes     (RapportLoad           *l,
                                                    xmlNode               *node,
                                                    const char            *allowed,
                                                    const char            *required);
const char      *rapport_load_get_attribute        (RapportLoad           *l,
                                                    xmlNode               *node,
                                                    const char            *name);
char            *rapport_load_collapse             (const char            *value);
const char      *rapport_load_get_key              (RapportLoad           *l,
                                                    xmlNode               *node,
                                                    const char            *attribute);
gboolean         rapport_load_get_boolean          (RapportLoad           *l,
                                                    xmlNode               *node,
                                                    const char            *attribute,
                                                    gboolean               default_value);
guint            rapport_load_get_number           (RapportLoad           *l,
                                                    xmlNode               *node,
                                                    const char            *attribute,
                                                    guint                  min,
                                                    guint                  max);
int              rapport_load_get_choice           (RapportLoad           *l,
                                                    xmlNode               *node,
                                                    const char            *attribute,
                                                    const char * const    *values);
char            *rapport_load_get_line_text        (RapportLoad           *l,
                                                    xmlNode               *node);
RapportInline   *rapport_load_parse_inline         (RapportLoad           *l,
                                                    xmlNode               *node);
RapportInline   *rapport_load_parse_inline_element (RapportLoad           *l,
                                                    xmlNode               *node,
                                                    const char            *attributes);
guint            rapport_load_claim_key            (GHashTable            *keys,
                                                    xmlNode               *node,
                                                    const char            *key);

/* The walk over <topic> (rapport-topic-loader-lessons.c) and over <quiz>
 * (rapport-topic-loader-questions.c)
 */
RapportTopic    *rapport_load_parse_topic          (RapportLoad           *l,
                                                    xmlNode               *root);
RapportDialogue *rapport_load_parse_dialogue       (RapportLoad           *l,
                                                    xmlNode               *node);
RapportQuiz     *rapport_load_parse_quiz           (RapportLoad           *l,
                                                    xmlNode               *node);

G_END_DECLS
