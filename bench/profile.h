/* profile.h: rapport-bench-profile's parts (see bench/README.md)
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-store.h"
#include "rapport-topic-loader.h"

G_BEGIN_DECLS

/* Each pack's first lesson shows an SVG and a PNG picture, in that order,
 * after its first paragraph: both on screen in a 1000 x 700 window.  The
 * lesson benchmark opens the first pack's.
 */
#define PROFILE_PACK_ID_FORMAT "org.example.bench-pack-%02u"
#define PROFILE_TOPIC_KEY_FORMAT "bench-topic-%02u"

void profile_install_packs (const char         *data_dir,
                            const char         *work_dir,
                            RapportStore       *store,
                            RapportTopicLoader *loader,
                            guint               n_packs,
                            gboolean            verbose);

G_END_DECLS
