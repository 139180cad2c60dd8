/* fuzz-bank.h: what the two bank targets check of every input.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/parser.h>

#include "rapport-bank.h"
#include "rapport-bank-writer.h"
#include "rapport-topic-loader.h"

#include "fuzz-common.h"

static inline RapportTopicLoader *
fuzz_bank_loader (void)
{
  static RapportTopicLoader *loader = NULL;

  if (loader == NULL)
    {
      g_autoptr(GError) error = NULL;

      fuzz_init_once ();
      loader = rapport_topic_loader_new_from_file (FUZZ_SCHEMA, &error);
      g_assert_no_error (error);
    }

  return loader;
}

static inline void
fuzz_check_notes (GPtrArray *notes)
{
  for (guint i = 0; i < notes->len; i++)
    {
      const RapportBankNote *note = g_ptr_array_index (notes, i);

      g_assert_nonnull (note->type);
      g_assert_true (note->message[0] != '\0');
      g_assert_true (g_utf8_validate (note->message, -1, NULL));
    }
}

/* Whatever the bank, what the writer makes of it is a topic file: well-formed
 * XML, and in the part the topic loader knows today a topic it loads
 * without a single problem.
 */
static inline void
fuzz_check_bank (RapportBank *bank,
                 GPtrArray   *problems,
                 GError      *error)
{
  RapportBankWriteOptions options = { 0 };
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) write_error = NULL;

  fuzz_check_problems (problems, bank != NULL, error);
  if (bank == NULL)
    return;

  topics = rapport_bank_write (bank, &options, &write_error);
  fuzz_check_notes (bank->skipped);
  fuzz_check_notes (bank->notes);
  if (topics == NULL)
    {
      g_assert_error (write_error, RAPPORT_BANK_ERROR, RAPPORT_BANK_ERROR_TOO_LARGE);
      return;
    }

  for (guint i = 0; i < topics->len; i++)
    {
      RapportBankTopic *topic = g_ptr_array_index (topics, i);
      g_autoptr(GPtrArray) topic_problems = rapport_problem_list_new ();
      g_autoptr(GError) load_error = NULL;
      g_autoptr(RapportTopic) loaded = NULL;
      xmlDoc *doc;

      doc = xmlReadMemory (g_bytes_get_data (topic->xml, NULL), (int) g_bytes_get_size (topic->xml),
                           NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      if (doc == NULL)
        {
          const xmlError *xml_error = xmlGetLastError ();

          g_printerr ("%s is not well-formed (line %d: %s):\n%.*s\n", topic->file,
                      xml_error != NULL ? xml_error->line : 0,
                      xml_error != NULL && xml_error->message != NULL ? xml_error->message : "",
                      (int) g_bytes_get_size (topic->xml),
                      (const char *) g_bytes_get_data (topic->xml, NULL));
        }
      g_assert_nonnull (doc);
      xmlFreeDoc (doc);

      loaded = rapport_topic_loader_load_from_bytes (fuzz_bank_loader (), topic->xml,
                                                     topic->file, NULL, topic_problems,
                                                     &load_error);
      for (guint j = 0; j < topic_problems->len; j++)
        g_printerr ("%s\n", ((RapportProblem *) g_ptr_array_index (topic_problems, j))->message);
      g_assert_no_error (load_error);
      g_assert_nonnull (loaded);
    }
}

typedef RapportBank *(*FuzzBankReader) (GBytes      *bytes,
                                        const char  *display_name,
                                        GPtrArray   *problems,
                                        GError     **error);

/* One input, read by @reader and written. */
static inline int
fuzz_bank_one (FuzzBankReader  reader,
               const char     *display_name,
               const uint8_t  *data,
               size_t          size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportBank) bank = NULL;

  fuzz_bank_loader ();
  bank = reader (bytes, display_name, problems, &error);
  fuzz_check_bank (bank, problems, error);

  return 0;
}
