/* fuzz-bank-moodle.c: any bytes as a Moodle XML question bank, read and
 * written as topic files.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-bank.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportBank) bank = NULL;

  fuzz_bank_loader ();
  bank = rapport_bank_read_moodle (bytes, "fuzz.xml", problems, &error);
  fuzz_check_bank (bank, problems, error);

  return 0;
}
