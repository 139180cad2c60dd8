/* rapport-bank-private.h: what the readers, the converter and the writer of
 * question banks share.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rapport-bank.h"

G_BEGIN_DECLS

/* The longest name or value quoted back in a note. */
#define RAPPORT_BANK_MAX_QUOTED 60

/* The model (rapport-bank.c) */
RapportBank         *rapport_bank_new             (RapportBankFormat      format,
                                                   const char            *display_name);
RapportBankText     *rapport_bank_text_new        (const char            *raw,
                                                   RapportBankTextFormat  format,
                                                   guint                  line);
RapportBankText     *rapport_bank_text_new_len    (const char            *raw,
                                                   gssize                 length,
                                                   RapportBankTextFormat  format,
                                                   guint                  line);
void                 rapport_bank_text_free       (RapportBankText       *text);
gboolean             rapport_bank_text_is_empty   (const RapportBankText *text);
RapportBankAnswer   *rapport_bank_answer_new      (RapportBankText       *text,
                                                   double                 fraction,
                                                   RapportBankText       *feedback,
                                                   guint                  line);
RapportBankQuestion *rapport_bank_question_new    (RapportBankType        type,
                                                   const char            *bank_type,
                                                   guint                  line);
void                 rapport_bank_question_free   (RapportBankQuestion   *question);
void                 rapport_bank_add_question    (RapportBank           *bank,
                                                   RapportBankQuestion   *question);
RapportBankCategory *rapport_bank_use_category    (RapportBank           *bank,
                                                   const char            *path,
                                                   guint                  line);
RapportBankMedia    *rapport_bank_add_media       (RapportBank           *bank,
                                                   const char            *original,
                                                   GBytes                *bytes,
                                                   guint                  line);
RapportBankMedia    *rapport_bank_text_find_file  (const RapportBankText *text,
                                                   const char            *original);

/* What was left out: a whole question or file (skipped) or a part of an
 * imported question (a note).
 */
void                 rapport_bank_skip            (RapportBank           *bank,
                                                   guint                  line,
                                                   const char            *type,
                                                   const char            *format,
                                                   ...) G_GNUC_PRINTF (4, 5);
void                 rapport_bank_note            (RapportBank           *bank,
                                                   guint                  line,
                                                   const char            *type,
                                                   const char            *format,
                                                   ...) G_GNUC_PRINTF (4, 5);
char                *rapport_bank_quote           (const char            *text);

/* The bytes: a cap, no compression, UTF-8 only, no NUL (rapport-bank.c) */
gboolean             rapport_bank_check_text      (const char            *display_name,
                                                   const char            *data,
                                                   gsize                  length,
                                                   GPtrArray             *problems);
guint                rapport_bank_count_lines     (const char            *start,
                                                   const char            *end);
RapportBank         *rapport_bank_refuse          (const char            *display_name,
                                                   GError               **error);

/* Checks a question just read: enough answers of the right kinds. FALSE
 * with the question skipped and reported (rapport-bank.c).
 */
gboolean             rapport_bank_check_question  (RapportBank           *bank,
                                                   RapportBankQuestion   *question);

/* Numbers as the writer gives them: the shortest that reads back the same. */
char                *rapport_bank_format_number   (double                 value);

/* Text → Rapport's running text (rapport-bank-html.c) */

typedef enum
{
  RAPPORT_BANK_BLOCK_PARAGRAPH,
  RAPPORT_BANK_BLOCK_LIST,
  RAPPORT_BANK_BLOCK_ORDERED_LIST,
  RAPPORT_BANK_BLOCK_HEADING,
  RAPPORT_BANK_BLOCK_FIGURE,
} RapportBankBlockType;

typedef struct
{
  RapportBankBlockType  type;
  char                 *markup;   /* paragraph: running text; heading: plain text, not escaped */
  GPtrArray            *items;    /* lists: the running text of each item */
  RapportBankMedia     *media;    /* figure (transfer none) */
  char                 *alt;      /* figure: plain text, not escaped */
} RapportBankBlock;

void                 rapport_bank_block_free      (RapportBankBlock      *block);

/* Running text as a topic file writes it: XML-escaped words with <em> and
 * <strong>, never nested, white space collapsed. Everything else of the
 * bank's markup is left out and noted.
 */
char                *rapport_bank_text_to_inline  (RapportBank           *bank,
                                                   const RapportBankText *text);
/* The words alone, not escaped: for titles, headings and alt texts. With
 * @bank %NULL, what is left out is not noted.
 */
char                *rapport_bank_text_to_plain   (RapportBank           *bank,
                                                   const RapportBankText *text);
/* Lesson text: paragraphs, lists, headings and pictures. */
GPtrArray           *rapport_bank_text_to_blocks  (RapportBank           *bank,
                                                   const RapportBankText *text);

/* HTML's pieces (rapport-bank-markup.c) */

/* A tag and the attributes that matter to Rapport. */
typedef struct
{
  char      name[12];   /* in lower case; longer names are cut */
  gboolean  closing;
  gboolean  self_closing;
  gboolean  has_event;  /* an on…= attribute: a script */
  char     *href;
  char     *src;
  char     *alt;
  char     *title;
  char     *style;
} RapportBankTag;

void                 rapport_bank_tag_clear       (RapportBankTag        *tag);
const char          *rapport_bank_read_tag        (const char            *p,
                                                   const char            *end,
                                                   RapportBankTag        *tag);
const char          *rapport_bank_read_entity     (const char            *p,
                                                   const char            *end,
                                                   gunichar              *c);
char                *rapport_bank_decode          (const char            *p,
                                                   const char            *end);
gboolean             rapport_bank_is_one_of       (const char            *name,
                                                   const char            *names);
gboolean             rapport_bank_is_xml_char     (gunichar               c);
void                 rapport_bank_append_char     (GString               *out,
                                                   gunichar               c,
                                                   gboolean               escape);
/* Escapes @text for XML, leaving out what XML cannot hold. */
void                 rapport_bank_append_escaped  (GString               *out,
                                                   const char            *text,
                                                   gssize                 length);

/* What the converter left out of a text, and how it is noted
 * (rapport-bank-notes.c): each kind once per text.
 */
enum
{
  RAPPORT_BANK_SEEN_LINK    = 1 << 0,
  RAPPORT_BANK_SEEN_STYLE   = 1 << 1,
  RAPPORT_BANK_SEEN_SCRIPT  = 1 << 2,
  RAPPORT_BANK_SEEN_MEDIA   = 1 << 3,
  RAPPORT_BANK_SEEN_TABLE   = 1 << 4,
  RAPPORT_BANK_SEEN_FORM    = 1 << 5,
  RAPPORT_BANK_SEEN_LIST    = 1 << 6,
  RAPPORT_BANK_SEEN_UNKNOWN = 1 << 7,
};

typedef struct
{
  guint       seen;
  const char *first_link;
  guint       n_links;
  const char *first_media;
  const char *first_unknown;
} RapportBankLeftOut;

void                 rapport_bank_report_left_out (RapportBank           *bank,
                                                   guint                  line,
                                                   const RapportBankLeftOut *left_out);
/* The picture an <img src> of @text shows, when a lesson (@in_lesson) can
 * show it; %NULL with a note otherwise.
 */
RapportBankMedia    *rapport_bank_find_picture    (RapportBank           *bank,
                                                   const RapportBankText *text,
                                                   const char            *src,
                                                   gboolean               in_lesson);
/* @text on one line: runs of white space as one space, what XML cannot
 * hold left out.
 */
char                *rapport_bank_collapse        (const char            *text);
RapportBankBlock    *rapport_bank_figure_new      (RapportBank           *bank,
                                                   const RapportBankText *text,
                                                   RapportBankMedia      *media,
                                                   const char            *alt,
                                                   const char            *title);

/* A question as topic XML (rapport-bank-questions.c) */
gboolean             rapport_bank_write_question  (RapportBank           *bank,
                                                   RapportBankQuestion   *question,
                                                   const char            *key,
                                                   GString               *out,
                                                   gboolean              *explained);
void                 rapport_bank_append_element  (GString               *out,
                                                   const char            *indent,
                                                   const char            *element,
                                                   const char            *markup);
/* What an XML comment may hold of @text: no "--", no line breaks. */
void                 rapport_bank_append_comment_text (GString           *out,
                                                   const char            *text);
void                 rapport_bank_append_plain_element (GString          *out,
                                                   const char            *indent,
                                                   const char            *element,
                                                   const char            *plain);

/* Markdown → HTML, which the converter then reads (rapport-bank-markdown.c) */
char                *rapport_bank_markdown_to_html (const char           *markdown);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportBankText, rapport_bank_text_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportBankQuestion, rapport_bank_question_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportBankBlock, rapport_bank_block_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapportBankTag, rapport_bank_tag_clear)

G_END_DECLS
