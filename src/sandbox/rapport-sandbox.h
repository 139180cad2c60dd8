/* rapport-sandbox.h: how a helper process locks itself down before it reads untrusted data.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint cpu_seconds;        /* RLIMIT_CPU, soft: SIGXCPU */
  guint cpu_hard_seconds;   /* RLIMIT_CPU, hard: SIGKILL */
  guint memory_mib;         /* RLIMIT_AS */
  guint max_files;          /* RLIMIT_NOFILE */
} RapportSandboxLimits;

void       rapport_sandbox_close_other_fds  (void);
gboolean   rapport_sandbox_set_limits       (const RapportSandboxLimits  *limits,
                                             GError                     **error);
GPtrArray *rapport_sandbox_read_only_paths  (void);
guint      rapport_sandbox_landlock         (GPtrArray                   *read_only_paths,
                                             char                       **why_not);
gboolean   rapport_sandbox_seccomp          (GError                     **error);
int        rapport_sandbox_open_status      (void);
guint      rapport_sandbox_peak_kib         (int                          status_fd);

G_END_DECLS
