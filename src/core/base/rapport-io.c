/* rapport-io.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "rapport-io.h"

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* Reads a regular file, but never more than @max_size + 1 bytes of it: the
 * caller sees a result longer than @max_size and refuses it, without a huge
 * or endless file (a FIFO, /dev/zero) ever being held in memory.
 * The bytes are read as they are; nothing is decompressed.
 */
GBytes *
rapport_read_file_capped (const char  *path,
                          gsize        max_size,
                          GError     **error)
{
  g_autofree char *buffer = NULL;
  gsize capacity;
  gsize length = 0;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (max_size < G_MAXSIZE - 1, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      g_close (fd, NULL);
      set_errno_error (error, saved_errno, path);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_close (fd, NULL);
      g_set_error (error, G_FILE_ERROR,
                   S_ISDIR (st.st_mode) ? G_FILE_ERROR_ISDIR : G_FILE_ERROR_INVAL,
                   _("Could not read “%s”: it is not a regular file"), path);
      return NULL;
    }

  /* The size is only a hint: the file may grow while it is read. */
  capacity = MIN ((gsize) st.st_size, max_size) + 1;
  buffer = g_malloc (capacity);

  while (length < max_size + 1)
    {
      gssize n_read;

      if (length == capacity)
        {
          capacity = MIN (capacity * 2, max_size + 1);
          buffer = g_realloc (buffer, capacity);
        }

      n_read = read (fd, buffer + length, capacity - length);

      if (n_read < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;

          g_close (fd, NULL);
          set_errno_error (error, saved_errno, path);
          return NULL;
        }

      if (n_read == 0)
        break;

      length += n_read;
    }

  g_close (fd, NULL);

  return g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), MAX (length, 1)), length);
}

static xmlParserInputPtr
deny_external_entity (const char       *url,
                      const char       *id,
                      xmlParserCtxtPtr  ctxt)
{
  /* Nothing a topic file or a pack's picture names is ever fetched: not a
   * DTD, not an entity, not an XInclude. Refusing here is the last line,
   * after the callers' own DOCTYPE scans.
   */
  return NULL;
}

/* libxml2 set-up, once per process, before any XML from a pack is parsed. */
void
rapport_libxml_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (deny_external_entity);
      g_once_init_leave (&initialized, 1);
    }
}
