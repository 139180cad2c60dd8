/* rapport-picture-protocol.h: what the picture decoder and its client agree on.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Pictures from packs are drawn by a separate program,
 * rapport-picture-decoder (src/sandbox), with limits on its time and memory
 * and no access to the network or to files. This header is all that the
 * program and the client in the core (rapport-picture.c) share: the limits,
 * the command line, the exit codes, the request it reads and the header of
 * its output.
 *
 * The program gets ready before it knows its picture: it puts its limits
 * in place, loads every decoder (or the one --type names) and locks itself
 * down, and only then
 * reads a RapportPictureRequest followed by exactly the number of bytes it
 * announces from standard input, then the end of the input. So the client
 * can start one ahead of time and hand it the next picture (a spare), or
 * start one and write the request at once. It writes a
 * RapportPictureHeader followed by height × rowstride bytes of pixels, rows
 * packed without padding, to standard output; a problem is one line on
 * standard error and a non-zero exit code.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* CPU time, counted over all of the decoder's threads and from its start:
 * its warm-up (loading the decoders and fontconfig, about 15 ms, 2 ms for
 * a PNG alone) counts too. A normal picture takes a few hundredths of a
 * second more; a picture that needs more than seconds is costly on purpose, or by
 * mistake, and is not shown. The soft limit sends SIGXCPU, which ends the
 * process; the hard limit, one second later, SIGKILL in case anything
 * caught the first.
 */
#define RAPPORT_PICTURE_CPU_SECONDS       4
#define RAPPORT_PICTURE_CPU_HARD_SECONDS  5

/* Wall-clock time after which the client kills the decoder, counted from
 * the moment it is handed its picture (a spare may wait for one as long
 * as the lesson is open): it may be waiting rather than computing, or get
 * little CPU on a busy machine.
 */
#define RAPPORT_PICTURE_WALL_SECONDS      10

/* Address space. The decoder's libraries map about 70 MiB before it
 * decodes; a 4096 × 4096 PNG then needs 64 MiB for its pixels and librsvg
 * several 16 MiB surfaces for a filtered 2048-pixel SVG. 512 MiB leaves
 * headroom over the most measured for allowed pictures (see
 * src/sandbox/README.md) and stops a bomb long before it troubles the
 * machine.
 */
#define RAPPORT_PICTURE_MEMORY_MIB        512

/* An SVG is drawn at most this many pixels on its longer side. */
#define RAPPORT_PICTURE_MAX_SVG_SIZE      2048

/* The most bytes the decoder reads; as many as a pack's picture may have
 * (RAPPORT_PACK_MAX_MEDIA_SIZE).
 */
#define RAPPORT_PICTURE_MAX_INPUT         (8 * 1024 * 1024)

/* The magic at the start of the output's header, and of the request's. */
#define RAPPORT_PICTURE_MAGIC             "RPICTUR1"
#define RAPPORT_PICTURE_MAGIC_LENGTH      8

/* The arguments, as in
 * rapport-picture-decoder --parent=4242 --max-pixels=16777216 --max-svg-size=2048
 *                         --cpu-seconds=4 --memory-mib=512 [--type=png]
 * --parent is the client's process id: the decoder asks the kernel to end
 * it with its parent (PR_SET_PDEATHSIG), then ends at once if its parent
 * is another process by then, since the client has died before it asked.
 * The type of the picture comes with the picture, in the request; a
 * decoder started for one picture may be given its type with --type=svg,
 * and then gets only that type's decoder ready and refuses a request for
 * another.
 */
#define RAPPORT_PICTURE_TYPE_PNG          "png"
#define RAPPORT_PICTURE_TYPE_JPEG         "jpeg"
#define RAPPORT_PICTURE_TYPE_SVG          "svg"

/* What the decoder reads first on standard input: which decoder, and how
 * many bytes follow. It is checked strictly: another magic, a type it does
 * not know, a length of 0 or over RAPPORT_PICTURE_MAX_INPUT, fewer bytes
 * than announced or any byte more end it with RAPPORT_PICTURE_EXIT_USAGE
 * before it decodes anything.
 */
#define RAPPORT_PICTURE_REQUEST_MAGIC     "RPICREQ1"

typedef enum
{
  RAPPORT_PICTURE_REQUEST_PNG  = 1,
  RAPPORT_PICTURE_REQUEST_JPEG = 2,
  RAPPORT_PICTURE_REQUEST_SVG  = 3,
} RapportPictureRequestType;

/* In the byte order of the machine, as the output's header. */
typedef struct
{
  char    magic[RAPPORT_PICTURE_MAGIC_LENGTH];
  guint32 type;          /* a RapportPictureRequestType */
  guint32 length;        /* the picture's bytes that follow */
} RapportPictureRequest;

typedef enum
{
  RAPPORT_PICTURE_EXIT_OK       = 0,
  RAPPORT_PICTURE_EXIT_INVALID  = 1,   /* not a picture the decoder can draw */
  RAPPORT_PICTURE_EXIT_USAGE    = 2,   /* a wrong command line or request */
  RAPPORT_PICTURE_EXIT_MEMORY   = 3,   /* it needed more memory than it may have */
  RAPPORT_PICTURE_EXIT_SANDBOX  = 4,   /* the limits could not be put in place */
  RAPPORT_PICTURE_EXIT_OUTPUT   = 5,   /* writing the pixels failed */
} RapportPictureExit;

typedef enum
{
  RAPPORT_PICTURE_FORMAT_RGB8  = 1,    /* three bytes a pixel: red, green, blue */
  RAPPORT_PICTURE_FORMAT_RGBA8 = 2,    /* four, with alpha, not premultiplied */
} RapportPictureFormat;

/* What the sandbox had in place, in RapportPictureHeader.sandbox. */
#define RAPPORT_PICTURE_SANDBOX_RLIMITS   (1u << 0)
#define RAPPORT_PICTURE_SANDBOX_SECCOMP   (1u << 1)
#define RAPPORT_PICTURE_SANDBOX_LANDLOCK_ABI(flags) (((flags) >> 8) & 0xff)
#define RAPPORT_PICTURE_SANDBOX_LANDLOCK(abi)       (((guint32) (abi) & 0xff) << 8)

/* In the byte order of the machine: both ends run on it. */
typedef struct
{
  char    magic[RAPPORT_PICTURE_MAGIC_LENGTH];
  guint32 width;
  guint32 height;
  guint32 rowstride;     /* width × bytes per pixel */
  guint32 format;        /* a RapportPictureFormat */
  guint32 sandbox;       /* RAPPORT_PICTURE_SANDBOX_* */
  guint32 peak_kib;      /* the most address space it used (VmPeak) */
  guint64 cpu_usec;      /* CPU time used, user and system, all threads */
} RapportPictureHeader;

G_STATIC_ASSERT (sizeof (RapportPictureHeader) == 40);
G_STATIC_ASSERT (sizeof (RapportPictureRequest) == 16);
G_STATIC_ASSERT (sizeof RAPPORT_PICTURE_REQUEST_MAGIC == RAPPORT_PICTURE_MAGIC_LENGTH + 1);

G_END_DECLS
