/* test-paths.c: where Rapport keeps its private data.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "rapport-paths.h"
#include "rapport-unit-utils.h"

static void
test_paths_data_dir_private (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "rapport", NULL);
  g_autofree char *path = NULL;

  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));

  path = rapport_paths_ensure_data_dir (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, expected);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (rapport_unit_mode_of (path), ==, 0700);
}

/* A folder left readable by others (by an older version, a backup tool or the
 * user) is made private again.
 */
static void
test_paths_tightens_existing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "rapport", NULL);
  g_autofree char *path = NULL;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  g_assert_no_errno (g_chmod (dir, 0755));
  g_assert_cmpuint (rapport_unit_mode_of (dir), ==, 0755);

  path = rapport_paths_ensure_data_dir (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_unit_mode_of (path), ==, 0700);
}

static void
test_paths_error_names_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (blocker, "rapport", NULL);

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));

  g_assert_false (rapport_paths_ensure_private_dir (inside, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_assert_nonnull (strstr (error->message, inside));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/rapport/paths/data-dir-private", test_paths_data_dir_private);
  g_test_add_func ("/rapport/paths/tightens-existing", test_paths_tightens_existing);
  g_test_add_func ("/rapport/paths/error-names-folder", test_paths_error_names_folder);

  return g_test_run ();
}
