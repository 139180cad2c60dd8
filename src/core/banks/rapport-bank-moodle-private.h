/* rapport-bank-moodle-private.h: what the two halves of the Moodle XML
 * reader share: the reading in progress and the helpers on its elements.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "rapport-bank-private.h"
#include "rapport-topic-loader-private.h"

G_BEGIN_DECLS

typedef struct
{
  RapportBank         *bank;
  RapportBankCategory *category;
  gboolean             full;
} Reader;

/* Elements */

static inline gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && g_str_equal (node->name, name);
}

static inline xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node != NULL ? node->children : NULL; c != NULL; c = c->next)
    {
      if (is_element (c, name))
        return c;
    }

  return NULL;
}

static inline char *
content (xmlNode *node)
{
  xmlChar *value = node != NULL ? xmlNodeGetContent (node) : NULL;
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);

  return copy;
}

/* The words of <text> inside @node, trimmed as Moodle trims them. */
static inline char *
text_of (xmlNode *node)
{
  xmlNode *text = child (node, "text");

  return g_strstrip (content (text != NULL ? text : NULL));
}

static inline char *
attribute (xmlNode    *node,
           const char *name)
{
  xmlChar *value = node != NULL ? xmlGetProp (node, (const xmlChar *) name) : NULL;
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);

  return copy;
}

static inline guint
line_of (xmlNode *node)
{
  return rapport_load_line_of (node);
}

/* Moodle's "true", "1"; "false", "0" or nothing. */
static inline gboolean
flag_of (xmlNode    *node,
         const char *name,
         gboolean    default_value)
{
  xmlNode *flag = child (node, name);
  g_autofree char *value = NULL;

  if (flag == NULL)
    return default_value;

  value = g_strstrip (content (flag));

  return !(value[0] == '\0' || g_str_equal (value, "false") || g_str_equal (value, "0"));
}

/* Fractions and texts (rapport-bank-moodle.c) */
double           rapport_bank_moodle_fraction_of    (xmlNode               *answer);
RapportBankText *rapport_bank_moodle_read_text      (Reader                *r,
                                                     xmlNode               *field,
                                                     RapportBankTextFormat  default_format);

/* The answers of each type (rapport-bank-moodle-answers.c); FALSE with the
 * question skipped and reported when they cannot be read.
 */
gboolean         rapport_bank_moodle_read_choices   (Reader                *r,
                                                     xmlNode               *node,
                                                     RapportBankQuestion   *question);
gboolean         rapport_bank_moodle_read_truefalse (Reader                *r,
                                                     xmlNode               *node,
                                                     RapportBankQuestion   *question);
gboolean         rapport_bank_moodle_read_typed     (Reader                *r,
                                                     xmlNode               *node,
                                                     RapportBankQuestion   *question);
gboolean         rapport_bank_moodle_read_matching  (Reader                *r,
                                                     xmlNode               *node,
                                                     RapportBankQuestion   *question);
gboolean         rapport_bank_moodle_read_ordering  (Reader                *r,
                                                     xmlNode               *node,
                                                     RapportBankQuestion   *question);

G_END_DECLS
