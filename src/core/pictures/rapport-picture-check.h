/* rapport-picture-check.h: drawing every picture of a pack once, under the app's limits.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-pack.h"
#include "rapport-picture.h"

G_BEGIN_DECLS

typedef struct
{
  guint    n_drawn;         /* pictures drawn, whether or not they could be */
  guint    n_shown;         /* those that learners would see */
  double   slowest;         /* seconds, of the slowest picture */
  guint    landlock_abi;    /* of those shown: the lowest Landlock ABI a decoder had; 0 for none */
  gboolean seccomp;         /* of those shown: whether every decoder had its seccomp filter */
} RapportPictureCheck;

gboolean rapport_picture_check_pack (RapportPack          *pack,
                                     GPtrArray            *problems,
                                     RapportPictureCheck  *check,
                                     GError              **error);

G_END_DECLS
