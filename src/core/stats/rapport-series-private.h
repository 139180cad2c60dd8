/* rapport-series-private.h: what the series' two files share
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-series.h"

G_BEGIN_DECLS

/* The entry uuids of the series loaded together, and of all derived from
 * them (reference-counted).
 */
typedef struct
{
  GStringChunk *chunk;
} Strings;

struct _RapportSeries
{
  gatomicrefcount     ref_count;

  /* owned */
  char               *skill_key;
  GArray             *points;         /* of RapportSeriesPoint */
  Strings            *strings;        /* shared, reference-counted */

  RapportStoreSeries  kind;
  gint64              trend_window;
};

static inline const RapportSeriesPoint *
points_of (RapportSeries *self)
{
  return (const RapportSeriesPoint *) (gpointer) self->points->data;
}

/* rapport-series.c: an empty series like @self, sharing its strings. */
RapportSeries *rapport_series_new_like (RapportSeries *self,
                                        guint          reserve);

G_END_DECLS
