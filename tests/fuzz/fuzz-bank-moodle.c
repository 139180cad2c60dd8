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
  return fuzz_bank_one (rapport_bank_read_moodle, "fuzz.xml", data, size);
}
