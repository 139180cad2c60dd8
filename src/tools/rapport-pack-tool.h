/* rapport-pack-tool.h: what the commands of rapport-pack share
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rapport-pack.h"
#include "rapport-pack-skeleton.h"

G_BEGIN_DECLS

#define EXIT_INVALID 1
#define EXIT_USAGE   2

typedef struct
{
  RapportPack *pack;     /* NULL for a lone topic file */
  GListStore  *topics;   /* of RapportTopic */
} Loaded;

void     loaded_clear       (Loaded        *loaded);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loaded, loaded_clear)

/* Loads PATH as a pack (a folder, its pack.json or a .rapportpack file) or
 * as one topic file. Returns FALSE with the problems printed.
 */
gboolean load_path          (const char    *path,
                             Loaded        *loaded);

/* Parses a command's options; FALSE with *@status set when the command
 * must end there (--help, or a wrong command line).
 */
gboolean parse_verb_options (const char    *verb,
                             const char    *parameter,
                             const char    *summary,
                             GOptionEntry  *entries,
                             int           *argc,
                             char        ***argv,
                             int           *status);

/* The same for a command with @n_parameters parameters, such as "BANK DIR". */
gboolean parse_verb_options_full (const char    *verb,
                                  const char    *parameters,
                                  int            n_parameters,
                                  const char    *summary,
                                  GOptionEntry  *entries,
                                  int           *argc,
                                  char        ***argv,
                                  int           *status);

/* The loader with the schema Rapport ships; problems as "file:line: message". */
RapportTopicLoader *create_loader  (GError       **error);
void     print_problems     (GPtrArray     *problems);

/* What `new` and `import` write in a new pack.json for the trainer to
 * replace (rapport-pack-new.c).
 */
RapportPackSkeleton pack_skeleton (const char *id,
                                   const char *language);

int      run_inspect        (int            argc,
                             char         **argv);
int      run_new            (int            argc,
                             char         **argv);
int      run_import         (int            argc,
                             char         **argv);
int      run_export         (int            argc,
                             char         **argv);

G_END_DECLS
