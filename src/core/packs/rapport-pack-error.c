/* rapport-pack-error.c: the packs domain's error, and how its files set it
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The lowest piece of the domain: every other file may call it, and it
 * calls none of them.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-pack-private.h"

G_DEFINE_QUARK (rapport-pack-error-quark, rapport_pack_error)

void
rapport_pack_set_pack_error (GError     **error,
                             const char  *name,
                             guint        n_problems)
{
  g_set_error (error, RAPPORT_PACK_ERROR, RAPPORT_PACK_ERROR_INVALID,
               ngettext ("The pack “%s” has %u problem.", "The pack “%s” has %u problems.",
                         n_problems),
               name, n_problems);
}

/* For a file's own variadic helper that fails with @code: one place for
 * the va_list.
 */
gboolean
rapport_pack_set_error (GError           **error,
                        RapportPackError   code,
                        const char        *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (RAPPORT_PACK_ERROR, code, format, args));
  va_end (args);

  return FALSE;
}
