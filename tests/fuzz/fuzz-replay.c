/* fuzz-replay.c: runs a fuzz target once on each given file, or on each
 * file in each given folder, without libFuzzer. Every build has it, so the
 * seed corpus and the inputs that once crashed are checked by every test
 * run, with or without clang. Speaks TAP: one test per input.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Adds @path, or the files in it (sorted) when it is a folder. */
static gboolean
collect (const char  *path,
         GPtrArray   *inputs,
         GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (inputs, g_strdup (path));
      return TRUE;
    }

  dir = g_dir_open (path, 0, error);
  if (dir == NULL)
    return FALSE;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (inputs, g_strdup (g_ptr_array_index (names, i)));

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!collect (argv[i], inputs, &error))
        {
          printf ("Bail out! %s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  if (inputs->len == 0)
    {
      printf ("Bail out! no inputs given\n");
      return EXIT_FAILURE;
    }

  printf ("1..%u\n", inputs->len);
  for (guint i = 0; i < inputs->len; i++)
    {
      const char *path = g_ptr_array_index (inputs, i);
      g_autoptr(GError) error = NULL;
      char *data;
      gsize length;

      if (!g_file_get_contents (path, &data, &length, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, path, error->message);
          continue;
        }

      /* A copy of exactly the input's size, so that reading past its end is
       * caught by AddressSanitizer and valgrind as it is under libFuzzer.
       */
      {
        g_autofree guint8 *exact = g_memdup2 (data, length);

        g_free (data);
        fflush (stdout);
        LLVMFuzzerTestOneInput (exact, length);
      }

      printf ("ok %u - %s\n", i + 1, path);
    }

  return EXIT_SUCCESS;
}
