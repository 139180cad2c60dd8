/* rapport-bank.h: a question bank that a trainer brings from Moodle (Moodle
 * XML or GIFT), read into a model of its own before it becomes topic files.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rapport-topic-loader.h"

G_BEGIN_DECLS

#define RAPPORT_BANK_ERROR (rapport_bank_error_quark ())

typedef enum
{
  RAPPORT_BANK_ERROR_INVALID,   /* the bank cannot be read; see the problem list */
  RAPPORT_BANK_ERROR_TOO_LARGE, /* what it would become is larger than a topic may be */
} RapportBankError;

GQuark rapport_bank_error_quark (void);

/* Limits for banks from anyone. A bank is read whole, like a topic file, so
 * it has the topic file's size limit; the rest bound the time and memory
 * that one bank can take.
 */
#define RAPPORT_BANK_MAX_SIZE        RAPPORT_TOPIC_MAX_SIZE
#define RAPPORT_BANK_MAX_QUESTIONS   5000
#define RAPPORT_BANK_MAX_ANSWERS     100        /* of one question */
#define RAPPORT_BANK_MAX_TEXT        (256 * 1024)  /* bytes of one text */
#define RAPPORT_BANK_MAX_CATEGORIES  200        /* a pack's topics */
#define RAPPORT_BANK_MAX_MEDIA       200        /* a pack's pictures */
#define RAPPORT_BANK_MAX_MEDIA_SIZE  (8 * 1024 * 1024)  /* a pack's picture */
#define RAPPORT_BANK_MAX_NOTES       1000

typedef enum
{
  RAPPORT_BANK_GIFT,
  RAPPORT_BANK_MOODLE_XML,
} RapportBankFormat;

/* How a text is written in the bank: Moodle's four formats. */
typedef enum
{
  RAPPORT_BANK_TEXT_MOODLE,     /* Moodle's auto-format: HTML allowed, new lines kept */
  RAPPORT_BANK_TEXT_HTML,
  RAPPORT_BANK_TEXT_PLAIN,      /* shown as typed: markup is text */
  RAPPORT_BANK_TEXT_MARKDOWN,
} RapportBankTextFormat;

typedef enum
{
  RAPPORT_BANK_SINGLE,          /* multiple choice, one right answer */
  RAPPORT_BANK_MULTIPLE,        /* multiple choice, several right answers */
  RAPPORT_BANK_TRUEFALSE,
  RAPPORT_BANK_SHORT,           /* a typed answer */
  RAPPORT_BANK_NUMERIC,
  RAPPORT_BANK_MATCHING,
  RAPPORT_BANK_ORDERING,
  RAPPORT_BANK_ESSAY,           /* becomes a journal prompt */
  RAPPORT_BANK_DESCRIPTION,     /* becomes lesson text */
} RapportBankType;

#define RAPPORT_BANK_N_TYPES (RAPPORT_BANK_DESCRIPTION + 1)

/* A file the bank carries (Moodle XML's <file encoding="base64">). */
typedef struct
{
  char   *name;       /* "media/…": safe, unique in the bank */
  char   *original;   /* as the bank names it */
  GBytes *bytes;
  guint   line;
  char   *refused;    /* why it is left out, or NULL */
  gboolean used;      /* a lesson shows it */
} RapportBankMedia;

/* A text of the bank as written there, escapes resolved. */
typedef struct
{
  char                  *raw;
  RapportBankTextFormat  format;
  guint                  line;
  GPtrArray             *files;   /* (element-type RapportBankMedia) (transfer container) */
} RapportBankText;

typedef struct
{
  RapportBankText *text;       /* a choice, an accepted answer, a left item or a step */
  char            *right;      /* matching: the right item (plain text); NULL for a distractor's left */
  double           fraction;   /* of full credit: 1 right, 0 wrong, negative a penalty */
  double           value;      /* numeric */
  double           tolerance;
  gboolean         other;      /* "*": anything else */
  RapportBankText *feedback;   /* nullable */
  guint            line;
} RapportBankAnswer;

typedef struct
{
  char            *path;       /* "$course$/top/Refunds/Late" as the bank writes it */
  char            *title;      /* "Late": the last part */
  RapportBankText *info;       /* nullable */
  guint            line;
} RapportBankCategory;

typedef struct
{
  RapportBankType      type;
  const char          *bank_type;      /* as the bank calls it: "multichoice", "match"… */
  char                *title;          /* plain text; nullable */
  RapportBankText     *stem;
  GPtrArray           *answers;        /* (element-type RapportBankAnswer) */
  RapportBankText     *general_feedback;  /* nullable */
  RapportBankText     *feedback_true;     /* truefalse; nullable */
  RapportBankText     *feedback_false;    /* truefalse; nullable */
  gboolean             answer;         /* truefalse: the statement is true */
  gboolean             fixed_order;    /* the bank does not shuffle the answers */
  gboolean             case_sensitive; /* short answer: upper and lower case differ */
  RapportBankCategory *category;       /* (transfer none) (nullable) */
  GPtrArray           *tags;           /* (element-type utf8) */
  guint                line;
} RapportBankQuestion;

/* What was left out of the bank or of a question, and why. */
typedef struct
{
  guint  line;
  char  *type;      /* "cloze", "link", "picture"… */
  char  *message;   /* one translated sentence */
  guint  question;  /* the line of the question it is about, or 0 */
} RapportBankNote;

typedef struct
{
  RapportBankFormat  format;
  char              *file;         /* as problems name it */
  GPtrArray         *questions;    /* (element-type RapportBankQuestion) in bank order */
  GPtrArray         *categories;   /* (element-type RapportBankCategory) in order of first use */
  GPtrArray         *media;        /* (element-type RapportBankMedia) */
  GPtrArray         *skipped;      /* (element-type RapportBankNote): questions and files left out */
  GPtrArray         *notes;        /* (element-type RapportBankNote): parts of imported questions left out */
  guint              n_dropped_notes;
  guint              question;     /* the line of the question being read or written, or 0 */
} RapportBank;

RapportBank *rapport_bank_read              (GBytes             *bytes,
                                             const char         *display_name,
                                             GPtrArray          *problems,
                                             GError            **error);
RapportBank *rapport_bank_read_gift         (GBytes             *bytes,
                                             const char         *display_name,
                                             GPtrArray          *problems,
                                             GError            **error);
RapportBank *rapport_bank_read_moodle       (GBytes             *bytes,
                                             const char         *display_name,
                                             GPtrArray          *problems,
                                             GError            **error);
gboolean     rapport_bank_looks_like_xml    (const char         *data,
                                             gsize               length);
void         rapport_bank_free              (RapportBank        *bank);

void         rapport_bank_refuse_media      (RapportBank        *bank,
                                             RapportBankMedia   *media,
                                             const char         *reason);
void         rapport_bank_rename_media      (RapportBankMedia   *media,
                                             GHashTable         *taken);

const char  *rapport_bank_type_name         (RapportBankType     type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportBank, rapport_bank_free)

G_END_DECLS
