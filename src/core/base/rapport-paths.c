/* rapport-paths.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rapport-paths.h"

/* Where Rapport keeps progress and the journal: $XDG_DATA_HOME/rapport. Inside
 * the Flatpak sandbox GLib already points XDG_DATA_HOME at the app's own folder.
 */
char *
rapport_paths_get_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapport", NULL);
}

/* The journal is private, so the folder that holds it must be readable by its
 * owner only, including when an older version or the user made it wider.
 */
gboolean
rapport_paths_ensure_private_dir (const char  *path,
                                  GError     **error)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not read the folder “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  if ((st.st_mode & 077) != 0 && g_chmod (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not make the folder “%s” private: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

char *
rapport_paths_ensure_data_dir (GError **error)
{
  g_autofree char *path = rapport_paths_get_data_dir ();

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rapport_paths_ensure_private_dir (path, error))
    return NULL;

  return g_steal_pointer (&path);
}
