/* make-test-pngs.c: writes the PNG bombs of the picture-decoder test.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* * Making them takes 900 million bytes through zlib: three seconds
 * natively, over a minute under valgrind, which runs the test itself. The
 * build makes them once instead, with the same code.
 *
 *   make-test-pngs LARGEST OVERSIZED
 */
#include "config.h"

#include "rapport-test-pictures.h"

static void
write_png (const char *path,
           GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) largest = NULL;
  g_autoptr(GBytes) oversized = NULL;

  if (argc != 3)
    {
      g_printerr ("Usage: %s LARGEST OVERSIZED\n", argv[0]);
      return 2;
    }

  /* 4096 × 4096 RGBA of 16 bits, the most a pack's picture may have; and
   * 30000 × 30000 grey, which the pack's check refuses.
   */
  largest = rapport_test_png (4096, 4096, 16, 6);
  oversized = rapport_test_png (30000, 30000, 8, 0);
  write_png (argv[1], largest);
  write_png (argv[2], oversized);

  return 0;
}
