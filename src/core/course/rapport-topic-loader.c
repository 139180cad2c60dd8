/* rapport-topic-loader.c
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Topic files come from trainers and from packs that anyone can send, so they
 * are read in layers (see SECURITY.md):
 *
 *  1. the bytes: a size cap, no compression, UTF-8 only;
 *  2. a quick scan that refuses any <!DOCTYPE (so no entity can expand) and
 *     documents nested too deeply or with too many elements, before libxml2
 *     sees them;
 *  3. libxml2 parses from memory with a fixed, safe set of options and a
 *     deny-all external entity loader;
 *  4. the RELAX NG schema that Rapport ships (never one from a pack);
 *  5. a walk over the tree that builds the model and checks what a schema
 *     cannot (unique keys, one right answer…).
 *
 * The walk also checks the structure itself, so that a trainer reads
 * "<quiz> is not allowed here; expected <section> or <takeaways>" instead of
 * libxml2's "Did not expect element quiz there". The schema stays the judge:
 * when it refuses a file that the walk found nothing wrong with, its own
 * messages are reported, reworded where we can.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "rapport-io.h"
#include "rapport-keys.h"
#include "rapport-skill.h"
#include "rapport-topic-loader.h"
#include "rapport-topic-private.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES)

/* The longest name or value quoted back in a message. */
#define MAX_QUOTED 60

struct _RapportTopicLoader
{
  GObject        parent_instance;

  xmlRelaxNGPtr  schema;
};

G_DEFINE_FINAL_TYPE (RapportTopicLoader, rapport_topic_loader, G_TYPE_OBJECT)

G_DEFINE_QUARK (rapport-topic-error-quark, rapport_topic_error)

/* One load: where problems go and what the walk has seen so far. */
typedef struct
{
  const char *file;
  GPtrArray  *problems;
  GPtrArray  *pool;           /* strings quoted in messages */
  GHashTable *lesson_keys;    /* key → line */
  GHashTable *question_keys;  /* key → line */
  guint       n_structural;   /* problems the schema should also find */
  guint       n_problems;
  gboolean    too_many;
} Load;

typedef struct
{
  int    code;
  int    domain;
  guint  line;
  int    int1;
  char  *str1;
  char  *str2;
  char  *message;
  char  *element;
  gboolean at_end;   /* the parser had read all the input */
} LibxmlError;

static void
libxml_error_free (gpointer data)
{
  LibxmlError *e = data;

  g_free (e->str1);
  g_free (e->str2);
  g_free (e->message);
  g_free (e->element);
  g_free (e);
}

/* Problems */

static const char *
quote (Load       *l,
       const char *text)
{
  char *quoted;

  if (text == NULL)
    text = "";

  if (g_utf8_strlen (text, MAX_QUOTED + 1) > MAX_QUOTED)
    {
      g_autofree char *start = g_utf8_substring (text, 0, MAX_QUOTED);

      quoted = g_strconcat (start, "…", NULL);
    }
  else
    {
      quoted = g_strdup (text);
    }

  g_ptr_array_add (l->pool, quoted);

  return quoted;
}

/* A copy owned by the load, not shortened. */
static const char *
quote_full (Load       *l,
            const char *text)
{
  char *copy = g_strdup (text);

  g_ptr_array_add (l->pool, copy);

  return copy;
}

static guint
line_of (xmlNode *node)
{
  long line = node != NULL ? xmlGetLineNo (node) : 0;

  if (line > 0 && node->type == XML_TEXT_NODE && node->content != NULL)
    {
      /* libxml2 gives a text node the line where it ends; a trainer looks
       * for where its first word is.
       */
      const char *p = (const char *) node->content;

      while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
      for (; *p != '\0' && line > 1; p++)
        {
          if (*p == '\n')
            line--;
        }
    }

  return line > 0 ? (guint) line : 0;
}

/* Every problem goes through here, so that after the first
 * RAPPORT_TOPIC_MAX_PROBLEMS one more says that there are more.
 */
static void add_problem (Load       *l,
                         guint       line,
                         const char *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (Load       *l,
             guint       line,
             const char *format,
             ...)
{
  va_list args;

  if (l->too_many)
    return;

  if (l->n_problems >= RAPPORT_TOPIC_MAX_PROBLEMS)
    {
      l->too_many = TRUE;
      rapport_problem_list_add (l->problems, l->file, 0, "%s",
                                _("There are more problems; correct these first."));
      return;
    }

  l->n_problems++;
  va_start (args, format);
  rapport_problem_list_add_valist (l->problems, l->file, line, format, args);
  va_end (args);
}

/* A problem with the structure, which the schema finds too: counted, so that
 * the schema's own messages are reported only when the walk found none.
 */
#define structural(l, node, ...) \
  ((l)->n_structural++, add_problem ((l), line_of (node), __VA_ARGS__))

/* A problem the schema cannot see: keys, answers, counts. */
#define semantic(l, node, ...) \
  add_problem ((l), line_of (node), __VA_ARGS__)

/* Layer 1 and 2: the bytes */

static guint
count_lines (const char *start,
             const char *end)
{
  guint n_lines = 0;

  while (start < end && (start = memchr (start, '\n', end - start)) != NULL)
    {
      n_lines++;
      start++;
    }

  return n_lines;
}

static const char *
find_string (const char *start,
             const char *end,
             const char *needle)
{
  gsize needle_len = strlen (needle);

  while (start + needle_len <= end)
    {
      const char *p = memchr (start, needle[0], end - start);

      if (p == NULL || p + needle_len > end)
        return NULL;
      if (memcmp (p, needle, needle_len) == 0)
        return p;
      start = p + 1;
    }

  return NULL;
}

static gboolean
has_prefix (const char *p,
            const char *end,
            const char *prefix)
{
  gsize len = strlen (prefix);

  return (gsize) (end - p) >= len && memcmp (p, prefix, len) == 0;
}

/* The declaration may name another encoding; the bytes were checked as UTF-8
 * and are parsed as UTF-8, so a file that says otherwise was saved wrongly.
 */
static gboolean
check_declared_encoding (Load       *l,
                         const char *decl,
                         const char *decl_end)
{
  const char *p = find_string (decl, decl_end, "encoding");
  const char *value_end;
  g_autofree char *value = NULL;
  char quote_char;

  if (p == NULL)
    return TRUE;

  p += strlen ("encoding");
  while (p < decl_end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '='))
    p++;
  if (p >= decl_end || (*p != '"' && *p != '\''))
    return TRUE;   /* malformed: the parser reports it */

  quote_char = *p++;
  value_end = memchr (p, quote_char, decl_end - p);
  if (value_end == NULL)
    return TRUE;

  value = g_strndup (p, value_end - p);
  if (g_ascii_strcasecmp (value, "UTF-8") == 0 || g_ascii_strcasecmp (value, "UTF8") == 0)
    return TRUE;

  add_problem (l, 1 + count_lines (decl, p),
               _("The file says its encoding is “%s”. Topic files must be saved as UTF-8 "
                 "(and say encoding=\"UTF-8\" or nothing)."),
               quote (l, value));
  return FALSE;
}

/* A quick pass over well-formed-looking XML that counts elements and depth
 * and refuses a document type declaration. It knows just enough XML to skip
 * comments, CDATA sections, processing instructions and quoted attribute
 * values; anything else wrong is left to the parser.
 */
static gboolean
scan_markup (Load       *l,
             const char *data,
             gsize       length)
{
  const char *end = data + length;
  const char *p = data;
  guint line = 1;
  guint depth = 0;
  guint n_elements = 0;

  if (has_prefix (p, end, "\xef\xbb\xbf"))
    p += 3;

  if (has_prefix (p, end, "<?xml"))
    {
      const char *decl_end = find_string (p, end, "?>");

      if (decl_end != NULL && !check_declared_encoding (l, p, decl_end))
        return FALSE;
    }

  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      const char *q;

      if (lt == NULL)
        break;

      line += count_lines (p, lt);
      p = lt;

      if (has_prefix (p, end, "<!--"))
        {
          q = find_string (p + 4, end, "-->");
          if (q == NULL)
            break;
          line += count_lines (p, q);
          p = q + 3;
        }
      else if (has_prefix (p, end, "<![CDATA["))
        {
          q = find_string (p + 9, end, "]]>");
          if (q == NULL)
            break;
          line += count_lines (p, q);
          p = q + 3;
        }
      else if (has_prefix (p, end, "<!DOCTYPE"))
        {
          add_problem (l, line,
                       _("Topic files must not have a document type declaration "
                         "(<!DOCTYPE …>); remove it."));
          return FALSE;
        }
      else if (has_prefix (p, end, "<!"))
        {
          p += 2;   /* not well-formed; the parser says where */
        }
      else if (has_prefix (p, end, "<?"))
        {
          q = find_string (p + 2, end, "?>");
          if (q == NULL)
            break;
          line += count_lines (p, q);
          p = q + 2;
        }
      else if (has_prefix (p, end, "</"))
        {
          q = memchr (p, '>', end - p);
          if (q == NULL)
            break;
          if (depth > 0)
            depth--;
          line += count_lines (p, q);
          p = q + 1;
        }
      else
        {
          char in_quote = 0;

          if (++n_elements > RAPPORT_TOPIC_MAX_ELEMENTS)
            {
              add_problem (l, line,
                           _("The file has more than %u elements, more than any topic "
                             "needs; split it into several topics."),
                           RAPPORT_TOPIC_MAX_ELEMENTS);
              return FALSE;
            }

          for (q = p + 1; q < end; q++)
            {
              if (in_quote != 0)
                {
                  if (*q == in_quote)
                    in_quote = 0;
                  else if (*q == '\n')
                    line++;
                }
              else if (*q == '"' || *q == '\'')
                in_quote = *q;
              else if (*q == '>')
                break;
              else if (*q == '\n')
                line++;
            }

          if (q >= end)
            break;

          if (q[-1] != '/' && ++depth > RAPPORT_TOPIC_MAX_DEPTH)
            {
              add_problem (l, line,
                           _("Elements are nested more than %u levels deep here; "
                             "a topic file never needs that many."),
                           RAPPORT_TOPIC_MAX_DEPTH);
              return FALSE;
            }

          p = q + 1;
        }
    }

  return TRUE;
}

static guint
line_at (const char *data,
         const char *at)
{
  return 1 + count_lines (data, at);
}

static gboolean
check_bytes (Load       *l,
             const char *data,
             gsize       length)
{
  const char *invalid = NULL;

  if (length == 0)
    {
      add_problem (l, 0, _("The file is empty."));
      return FALSE;
    }

  if (length > RAPPORT_TOPIC_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (RAPPORT_TOPIC_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      add_problem (l, 0, _("The file is too large: a topic file may have at most %s."), size);
      return FALSE;
    }

  if (length >= 2 && (guchar) data[0] == 0x1f && (guchar) data[1] == 0x8b)
    {
      add_problem (l, 0,
                   _("The file is compressed (gzip). Topic files must be plain XML text; "
                     "uncompress it first."));
      return FALSE;
    }

  if (length >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe) ||
                      ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)))
    {
      add_problem (l, 0,
                   _("The file is saved as UTF-16. Save it as UTF-8 instead."));
      return FALSE;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      add_problem (l, 0,
                   _("This is not a text file: it contains binary data. "
                     "A topic file is XML text saved as UTF-8."));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      add_problem (l, line_at (data, invalid),
                   _("The text is not valid UTF-8 (byte 0x%02X). Save the file as UTF-8."),
                   (guchar) *invalid);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return scan_markup (l, data, length);
    }

  add_problem (l, 0, _("The file is empty."));
  return FALSE;
}

/* Layer 3: parsing */

static void
on_parse_error_cb (void        *user_data,
                   xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  GPtrArray *errors = ctxt->_private;
  LibxmlError *e;

  /* The parser stops at the first fatal error; what follows is its echo. */
  if (errors->len > 0 || error->level < XML_ERR_ERROR)
    return;

  e = g_new0 (LibxmlError, 1);
  e->code = error->code;
  e->domain = error->domain;
  e->line = error->line > 0 ? error->line : 0;
  e->int1 = error->int1;
  e->str1 = g_strdup (error->str1);
  e->str2 = g_strdup (error->str2);
  e->message = g_strchomp (g_strdup (error->message != NULL ? error->message : ""));
  e->at_end = ctxt->input != NULL && ctxt->input->cur != NULL && ctxt->input->end != NULL &&
              ctxt->input->cur >= ctxt->input->end;
  g_ptr_array_add (errors, e);
}

static void
report_parse_error (Load        *l,
                    LibxmlError *e)
{
  const char *str1 = quote (l, e->str1);
  const char *str2 = quote (l, e->str2);

  switch (e->code)
    {
    case XML_ERR_TAG_NAME_MISMATCH:
      add_problem (l, e->line,
                   _("</%s> does not close <%s>, which is still open from line %d."),
                   str2, str1, e->int1);
      break;

    case XML_ERR_TAG_NOT_FINISHED:
      add_problem (l, e->line,
                   _("The file ends before <%s> (opened on line %d) is closed. "
                     "Is the file cut short?"),
                   str1, e->int1);
      break;

    case XML_ERR_DOCUMENT_END:
      add_problem (l, e->line,
                   _("There is more after the end of the topic; "
                     "everything must be inside <topic>…</topic>."));
      break;

    case XML_ERR_DOCUMENT_EMPTY:
      add_problem (l, e->line,
                   _("This is not an XML file: a topic file starts with <topic> "
                     "(or with an <?xml …?> line)."));
      break;

    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      add_problem (l, e->line,
                   _("“&%s;” is not known in XML. Type the character itself; only "
                     "&amp; &lt; &gt; &quot; &apos; and numbered ones "
                     "like &#160; are allowed."),
                   str1);
      break;

    case XML_ERR_NAME_REQUIRED:
      if (strstr (e->message, "EntityRef") != NULL)
        add_problem (l, e->line, _("An “&” in the text must be written as &amp;"));
      else
        add_problem (l, e->line, _("A “<” in the text must be written as &lt;"));
      break;

    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
      add_problem (l, e->line,
                   _("An “&” in the text must be written as &amp; "
                     "(or an entity is missing its “;”)."));
      break;

    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
      add_problem (l, e->line,
                   _("An attribute value must be in quotes, as in key=\"my-key\"."));
      break;

    case XML_ERR_ATTRIBUTE_REDEFINED:
      add_problem (l, e->line, _("The attribute “%s” is given twice."), str1);
      break;

    case XML_ERR_LT_IN_ATTRIBUTE:
      add_problem (l, e->line, _("A “<” in an attribute value must be written as &lt;"));
      break;

    case XML_ERR_INVALID_CHAR:
      add_problem (l, e->line,
                   _("The text contains the control character U+%04X, "
                     "which XML does not allow."),
                   (guint) e->int1);
      break;

    default:
      if (e->at_end)
        add_problem (l, e->line,
                     _("The file ends in the middle of a tag or value. Is the file cut short?"));
      else
        add_problem (l, e->line, _("This is not well-formed XML: %s."), quote (l, e->message));
      break;
    }
}

/* Layer 4: the schema */

static void
on_schema_error_cb (void        *user_data,
                    xmlErrorPtr  error)
{
  GPtrArray *errors = user_data;
  LibxmlError *e;

  if (errors->len >= RAPPORT_TOPIC_MAX_PROBLEMS)
    return;

  e = g_new0 (LibxmlError, 1);
  e->code = error->code;
  e->domain = error->domain;
  e->line = error->node != NULL ? line_of (error->node) : (error->line > 0 ? error->line : 0);
  e->str1 = g_strdup (error->str1);
  e->str2 = g_strdup (error->str2);
  e->message = g_strchomp (g_strdup (error->message != NULL ? error->message : ""));
  if (error->node != NULL && ((xmlNode *) error->node)->type == XML_ELEMENT_NODE)
    e->element = g_strdup ((const char *) ((xmlNode *) error->node)->name);
  g_ptr_array_add (errors, e);
}

/* libxml2's RELAX NG messages, in words a trainer understands. Only reached
 * when the walk below missed what the schema found.
 */
static void
report_schema_errors (Load      *l,
                      GPtrArray *errors)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean has_specific = FALSE;

  for (guint i = 0; i < errors->len; i++)
    {
      LibxmlError *e = g_ptr_array_index (errors, i);

      if (e->code != XML_RELAXNG_ERR_CONTENTVALID && e->code != XML_RELAXNG_ERR_ATTRVALID)
        has_specific = TRUE;
    }

  for (guint i = 0; i < errors->len; i++)
    {
      LibxmlError *e = g_ptr_array_index (errors, i);
      const char *element = quote (l, e->element != NULL ? e->element : "?");
      g_autofree char *message = NULL;

      switch (e->code)
        {
        case XML_RELAXNG_ERR_ELEMWRONG:
          message = g_strdup_printf (_("<%s> is not allowed here."), quote (l, e->str1));
          break;

        case XML_RELAXNG_ERR_EXTRACONTENT:
          message = g_strdup_printf (_("<%s> is not allowed inside <%s> here."),
                                     quote (l, e->str2), quote (l, e->str1));
          break;

        case XML_RELAXNG_ERR_ELEMNAME:
          message = g_strdup_printf (_("<%s> is expected here, not <%s>."),
                                     quote (l, e->str1), quote (l, e->str2));
          break;

        case XML_RELAXNG_ERR_NOELEM:
          message = g_strdup_printf (_("<%s> is missing something: another element must follow here."),
                                     element);
          break;

        case XML_RELAXNG_ERR_INVALIDATTR:
          message = g_strdup_printf (_("<%s> cannot have the attribute “%s”."),
                                     quote (l, e->str2), quote (l, e->str1));
          break;

        case XML_RELAXNG_ERR_TYPEVAL:
          message = g_strdup_printf (_("<%s>: the value “%s” is not allowed here."),
                                     element, quote (l, e->str2));
          break;

        case XML_RELAXNG_ERR_TYPE:
        case XML_RELAXNG_ERR_DATATYPE:
          /* libxml2 names only the type here, not the value. */
          message = g_strdup_printf (_("<%s>: this value does not fit here; it must be a valid %s."),
                                     element, quote (l, e->str1));
          break;

        case XML_RELAXNG_ERR_TEXTWRONG:
        case XML_RELAXNG_ERR_NOTELEM:
          message = g_strdup_printf (_("Text is not allowed directly inside <%s>."), element);
          break;

        case XML_RELAXNG_ERR_CONTENTVALID:
        case XML_RELAXNG_ERR_ATTRVALID:
          if (has_specific)
            continue;
          message = g_strdup_printf (_("<%s> does not follow the topic format."), element);
          break;

        default:
          message = g_strdup_printf (_("<%s> does not follow the topic format: %s."),
                                     element, quote (l, e->message));
          break;
        }

      {
        g_autofree char *key = g_strdup_printf ("%u:%s", e->line, message);

        if (!g_hash_table_add (seen, g_steal_pointer (&key)))
          continue;
      }

      add_problem (l, e->line, "%s", message);
    }

  if (l->n_problems == 0)
    add_problem (l, 0, _("The file does not follow the topic format."));
}

/* Layer 5: the walk */

typedef struct
{
  const char *names;   /* element names, separated by spaces */
  guint       min;
  guint       max;     /* 0 for no limit */
} Particle;

typedef struct
{
  xmlNode *node;
  guint    particle;
} Match;

static gboolean
name_in (const char *names,
         const char *name)
{
  gsize len = strlen (name);

  for (const char *p = names; *p != '\0'; )
    {
      const char *space = strchr (p, ' ');
      gsize word_len = space != NULL ? (gsize) (space - p) : strlen (p);

      if (word_len == len && memcmp (p, name, len) == 0)
        return TRUE;

      p += word_len;
      while (*p == ' ')
        p++;
    }

  return FALSE;
}

/* "<a>", "<a> or <b>", "<a>, <b> or <c>" */
static const char *
format_names (Load       *l,
              const char *names)
{
  g_auto(GStrv) words = g_strsplit (names, " ", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_strv_length (words);
  char *result;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *tag = g_strdup_printf ("<%s>", words[i]);

      if (i == 0)
        g_string_append (out, tag);
      else if (i + 1 < n)
        g_string_append_printf (out, ", %s", tag);
      else
        {
          /* Translators: the end of a list of choices, as in "<a>, <b> or <c>". */
          g_autofree char *last = g_strdup_printf (_("%s or %s"), out->str, tag);

          g_string_assign (out, last);
        }
    }

  result = g_string_free (g_steal_pointer (&out), FALSE);
  g_ptr_array_add (l->pool, result);

  return result;
}

static const char *
node_name (Load    *l,
           xmlNode *node)
{
  if (node->ns != NULL && node->ns->prefix != NULL)
    {
      g_autofree char *qname = g_strdup_printf ("%s:%s", node->ns->prefix, node->name);

      return quote (l, qname);
    }

  return quote (l, (const char *) node->name);
}

static gboolean
is_format_element (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE && node->ns == NULL;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
        return FALSE;
    }

  return TRUE;
}

/* The child elements of an element that holds only elements; reports text. */
static GPtrArray *
element_children (Load    *l,
                  xmlNode *node)
{
  GPtrArray *children = g_ptr_array_new ();
  gboolean text_reported = FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_ELEMENT_NODE:
          g_ptr_array_add (children, child);
          break;

        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (!text_reported && !is_blank ((const char *) child->content))
            {
              structural (l, child,
                          _("Text is not allowed directly inside <%s>; "
                            "put it in one of its elements."),
                          node_name (l, node));
              text_reported = TRUE;
            }
          break;

        case XML_ENTITY_REF_NODE:
          structural (l, child, _("Entity references are not allowed in topic files."));
          break;

        case XML_COMMENT_NODE:
        case XML_PI_NODE:
        default:
          break;
        }
    }

  return children;
}

/* Checks the order and number of @node's child elements against a sequence
 * of particles, the way the schema defines each element's content. Returns
 * the children that fit, with the particle each one matched.
 */
static GArray *
match_children (Load           *l,
                xmlNode        *node,
                const Particle *particles,
                guint           n_particles)
{
  g_autoptr(GPtrArray) children = element_children (l, node);
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (Match));
  guint *counts = g_newa (guint, n_particles);
  const char *name = node_name (l, node);
  xmlNode *previous = NULL;
  guint pos = 0;

  memset (counts, 0, sizeof (guint) * n_particles);

  for (guint c = 0; c < children->len; c++)
    {
      xmlNode *child = g_ptr_array_index (children, c);
      const char *child_name = node_name (l, child);
      guint found = G_MAXUINT;

      if (is_format_element (child))
        {
          for (guint i = pos; i < n_particles; i++)
            {
              if (name_in (particles[i].names, (const char *) child->name) &&
                  (particles[i].max == 0 || counts[i] < particles[i].max))
                {
                  found = i;
                  break;
                }
            }
        }

      if (found != G_MAXUINT)
        {
          for (guint i = pos; i < found; i++)
            {
              if (counts[i] < particles[i].min && strchr (particles[i].names, ' ') != NULL)
                structural (l, child, _("One of %s is missing here, before <%s>."),
                            format_names (l, particles[i].names), child_name);
              else if (counts[i] < particles[i].min)
                structural (l, child, _("%s is missing here, before <%s>."),
                            format_names (l, particles[i].names), child_name);
            }

          pos = found;
          counts[pos]++;
          g_array_append_vals (matches, &(Match) { child, pos }, 1);
          previous = child;
          continue;
        }

      if (is_format_element (child) && pos < n_particles &&
          name_in (particles[pos].names, (const char *) child->name))
        {
          if (particles[pos].max == 1)
            structural (l, child, _("<%s> can have only one <%s>."), name, child_name);
          else
            structural (l, child, _("<%s> can have at most %u <%s> elements."),
                        name, particles[pos].max, child_name);
          continue;
        }

      if (is_format_element (child) && previous != NULL)
        {
          gboolean earlier = FALSE;

          for (guint i = 0; i < pos; i++)
            earlier |= name_in (particles[i].names, (const char *) child->name);

          if (earlier)
            {
              structural (l, child, _("<%s> is in the wrong place: it must come before <%s>."),
                          child_name, node_name (l, previous));
              continue;
            }
        }

      {
        g_autoptr(GString) expected = g_string_new (NULL);

        for (guint i = pos; i < n_particles; i++)
          {
            if (particles[i].max != 0 && counts[i] >= particles[i].max)
              continue;

            if (expected->len > 0)
              g_string_append_c (expected, ' ');
            g_string_append (expected, particles[i].names);

            if (counts[i] < particles[i].min)
              break;
          }

        if (expected->len == 0 && previous != NULL)
          structural (l, child, _("<%s> is not allowed here: nothing may follow <%s> inside <%s>."),
                      child_name, node_name (l, previous), name);
        else if (expected->len == 0)
          structural (l, child, _("<%s> is not allowed inside <%s>."), child_name, name);
        else
          structural (l, child, _("<%s> is not allowed here; expected %s."),
                      child_name, format_names (l, expected->str));
      }
    }

  for (guint i = pos; i < n_particles; i++)
    {
      if (counts[i] >= particles[i].min)
        continue;

      if (particles[i].min > 1)
        structural (l, node, _("<%s> needs %u %s elements; it has %u."),
                    name, particles[i].min, format_names (l, particles[i].names), counts[i]);
      else if (strchr (particles[i].names, ' ') != NULL)
        structural (l, node, _("<%s> needs at least one of %s."),
                    name, format_names (l, particles[i].names));
      else
        structural (l, node, _("%s is missing from <%s>."),
                    format_names (l, particles[i].names), name);
    }

  return matches;
}

static char *
attribute_name (xmlAttr *attr)
{
  if (attr->ns != NULL && attr->ns->prefix != NULL)
    return g_strdup_printf ("%s:%s", attr->ns->prefix, attr->name);

  return g_strdup ((const char *) attr->name);
}

/* Checks that @node has every attribute in @required and none outside
 * @allowed (both separated by spaces).
 */
static void
check_attributes (Load       *l,
                  xmlNode    *node,
                  const char *allowed,
                  const char *required)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      g_autofree char *name = attribute_name (attr);

      if (!name_in (allowed, name))
        {
          if (allowed[0] == '\0')
            structural (l, node, _("<%s> cannot have attributes; remove “%s”."),
                        node_name (l, node), quote (l, name));
          else
            structural (l, node, _("<%s> cannot have the attribute “%s”; it can have: %s."),
                        node_name (l, node), quote (l, name), allowed);
        }
    }

  if (required[0] != '\0')
    {
      g_auto(GStrv) names = g_strsplit (required, " ", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          gboolean present;

          if (g_str_equal (names[i], "xml:lang"))
            present = xmlHasNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE) != NULL;
          else
            present = xmlHasNsProp (node, (const xmlChar *) names[i], NULL) != NULL;

          if (!present)
            structural (l, node, _("<%s> needs the attribute “%s”."), node_name (l, node), names[i]);
        }
    }
}

/* The value of an attribute without namespace, or NULL; owned by the load. */
static const char *
get_attribute (Load       *l,
               xmlNode    *node,
               const char *name)
{
  xmlChar *value;
  char *copy;

  if (g_str_equal (name, "xml:lang"))
    value = xmlGetNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE);
  else
    value = xmlGetNoNsProp (node, (const xmlChar *) name);

  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *) value);
  xmlFree (value);
  g_ptr_array_add (l->pool, copy);

  return copy;
}

/* XML Schema's "collapse": the numbers and booleans of the schema ignore
 * white space around them.
 */
static char *
collapse (const char *value)
{
  return g_strstrip (g_strdup (value));
}

static const char *
get_key (Load       *l,
         xmlNode    *node,
         const char *attribute)
{
  const char *key = get_attribute (l, node, attribute);

  if (key == NULL)
    return NULL;

  if (!rapport_key_is_valid (key))
    {
      structural (l, node,
                  _("“%s” is not a valid %s: use lower-case letters and digits, in words "
                    "joined by hyphens, such as “naming-feelings” (at most 64 characters)."),
                  quote (l, key), attribute);
      return NULL;
    }

  return key;
}

static gboolean
get_boolean (Load       *l,
             xmlNode    *node,
             const char *attribute,
             gboolean    default_value)
{
  const char *value = get_attribute (l, node, attribute);
  g_autofree char *collapsed = NULL;

  if (value == NULL)
    return default_value;

  collapsed = collapse (value);
  if (g_str_equal (collapsed, "true") || g_str_equal (collapsed, "1"))
    return TRUE;
  if (g_str_equal (collapsed, "false") || g_str_equal (collapsed, "0"))
    return FALSE;

  structural (l, node, _("%s must be true or false, not “%s”."), attribute, quote (l, value));

  return default_value;
}

/* A whole number from @min to @max (G_MAXUINT for no limit); 0 if it is not. */
static guint
get_number (Load       *l,
            xmlNode    *node,
            const char *attribute,
            guint       min,
            guint       max)
{
  const char *value = get_attribute (l, node, attribute);
  g_autofree char *collapsed = NULL;
  const char *digits;
  guint64 number = 0;

  if (value == NULL)
    return 0;

  collapsed = collapse (value);
  digits = collapsed[0] == '+' ? collapsed + 1 : collapsed;

  if (digits[0] != '\0')
    {
      const char *p;

      for (p = digits; g_ascii_isdigit (*p); p++)
        {
          number = number * 10 + (guint64) (*p - '0');
          if (number > G_MAXUINT)
            number = (guint64) G_MAXUINT + 1;
        }

      if (*p == '\0' && number >= min && number <= max)
        return (guint) number;
    }

  if (max == G_MAXUINT)
    structural (l, node, _("%s must be a whole number of at least %u, not “%s”."),
                attribute, min, quote (l, value));
  else
    structural (l, node, _("%s must be a whole number from %u to %u, not “%s”."),
                attribute, min, max, quote (l, value));

  return 0;
}

/* A value from a fixed list, such as a speaker; -1 if it is none of them. */
static int
get_choice (Load               *l,
            xmlNode            *node,
            const char         *attribute,
            const char * const *values)
{
  const char *value = get_attribute (l, node, attribute);
  g_autofree char *collapsed = NULL;
  g_autofree char *list = NULL;

  if (value == NULL)
    return -1;

  collapsed = collapse (value);
  for (guint i = 0; values[i] != NULL; i++)
    {
      if (g_str_equal (collapsed, values[i]))
        return (int) i;
    }

  list = g_strjoinv (", ", (char **) values);
  structural (l, node, _("%s must be one of %s, not “%s”."), attribute, list, quote (l, value));

  return -1;
}

/* Plain text of an element that holds only text (a title, a heading),
 * checked like the schema's "line": 1 to 400 characters.
 */
static char *
get_line_text (Load    *l,
               xmlNode *node)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(RapportInline) text = rapport_inline_new ();
  glong n_chars;

  check_attributes (l, node, "", "");

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (raw, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        structural (l, child, _("<%s> holds plain text only; <%s> is not allowed in it."),
                    node_name (l, node), node_name (l, child));
      else if (child->type == XML_ENTITY_REF_NODE)
        structural (l, child, _("Entity references are not allowed in topic files."));
    }

  n_chars = g_utf8_strlen (raw->str, -1);
  if (n_chars > 400)
    structural (l, node, _("<%s> is too long: %ld characters; at most 400 are allowed."),
                node_name (l, node), n_chars);
  else if (n_chars == 0)
    structural (l, node, _("<%s> is empty."), node_name (l, node));

  rapport_inline_append (text, RAPPORT_RUN_PLAIN, raw->str);
  rapport_inline_finish (text);

  if (n_chars > 0 && rapport_inline_get_text (text)[0] == '\0')
    semantic (l, node, _("<%s> is empty."), node_name (l, node));

  return g_strdup (rapport_inline_get_text (text));
}

static void
append_text_children (Load            *l,
                      RapportInline   *text,
                      xmlNode         *node,
                      RapportRunStyle  style)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          rapport_inline_append (text, style, (const char *) child->content);
          break;

        case XML_ELEMENT_NODE:
          if (style == RAPPORT_RUN_PLAIN && is_format_element (child) &&
              (xmlStrEqual (child->name, (const xmlChar *) "em") ||
               xmlStrEqual (child->name, (const xmlChar *) "strong")))
            {
              check_attributes (l, child, "", "");
              append_text_children (l, text, child,
                                    child->name[0] == 'e' ? RAPPORT_RUN_EMPHASIS : RAPPORT_RUN_STRONG);
            }
          else if (style != RAPPORT_RUN_PLAIN)
            structural (l, child, _("<%s> holds plain text only; <%s> is not allowed in it."),
                        node_name (l, node), node_name (l, child));
          else
            structural (l, child,
                        _("<%s> is not allowed inside <%s>; running text may only "
                          "contain <em> and <strong>."),
                        node_name (l, child), node_name (l, node));
          break;

        case XML_ENTITY_REF_NODE:
          structural (l, child, _("Entity references are not allowed in topic files."));
          break;

        case XML_COMMENT_NODE:
        case XML_PI_NODE:
        default:
          break;
        }
    }
}

/* Running text with <em> and <strong>. */
static RapportInline *
parse_inline (Load    *l,
              xmlNode *node)
{
  RapportInline *text = rapport_inline_new ();

  append_text_children (l, text, node, RAPPORT_RUN_PLAIN);
  rapport_inline_finish (text);

  if (rapport_inline_get_text (text)[0] == '\0')
    semantic (l, node, _("<%s> is empty."), node_name (l, node));

  return text;
}

static RapportInline *
parse_inline_element (Load       *l,
                      xmlNode    *node,
                      const char *attributes)
{
  check_attributes (l, node, attributes, "");

  return parse_inline (l, node);
}

#define MATCH(m, i) (&g_array_index ((m), Match, (i)))

static RapportDialogue *
parse_dialogue (Load    *l,
                xmlNode *node)
{
  static const Particle particles[] = {
    { "caption", 0, 1 },
    { "line", 1, 0 },
  };
  static const char * const speakers[] = { "customer", "agent", NULL };
  g_autoptr(GArray) matches = NULL;
  g_autofree char *caption = NULL;
  RapportDialogue *dialogue;

  check_attributes (l, node, "", "");
  matches = match_children (l, node, particles, G_N_ELEMENTS (particles));

  if (matches->len > 0 && MATCH (matches, 0)->particle == 0)
    caption = get_line_text (l, MATCH (matches, 0)->node);

  dialogue = rapport_dialogue_new (caption);

  for (guint i = 0; i < matches->len; i++)
    {
      Match *m = MATCH (matches, i);
      g_autoptr(RapportInline) text = NULL;
      int speaker;

      if (m->particle != 1)
        continue;

      check_attributes (l, m->node, "speaker", "speaker");
      speaker = get_choice (l, m->node, "speaker", speakers);
      text = parse_inline (l, m->node);

      if (speaker >= 0)
        rapport_dialogue_add_line (dialogue, (RapportSpeaker) speaker, text);
    }

  return dialogue;
}

static RapportBlock *
parse_block (Load    *l,
             xmlNode *node)
{
  const char *name = (const char *) node->name;
  RapportBlock *block;

  if (g_str_equal (name, "p") || g_str_equal (name, "tip"))
    {
      g_autoptr(RapportInline) text = parse_inline_element (l, node, "");

      block = rapport_block_new (name[0] == 'p' ? RAPPORT_BLOCK_PARAGRAPH : RAPPORT_BLOCK_TIP);
      rapport_block_set_text (block, text);
    }
  else if (g_str_equal (name, "list"))
    {
      static const Particle particles[] = { { "item", 1, 0 } };
      g_autoptr(GArray) matches = NULL;

      check_attributes (l, node, "ordered", "");
      block = rapport_block_new (RAPPORT_BLOCK_LIST);
      rapport_block_set_ordered (block, get_boolean (l, node, "ordered", FALSE));

      matches = match_children (l, node, particles, G_N_ELEMENTS (particles));
      for (guint i = 0; i < matches->len; i++)
        {
          g_autoptr(RapportInline) item = parse_inline_element (l, MATCH (matches, i)->node, "");

          rapport_block_add_item (block, item);
        }
    }
  else if (g_str_equal (name, "instead"))
    {
      static const Particle particles[] = {
        { "avoid", 1, 1 },
        { "try", 1, 1 },
        { "why", 0, 1 },
      };
      g_autoptr(GArray) matches = NULL;
      RapportInline *parts[3] = { NULL, NULL, NULL };

      check_attributes (l, node, "", "");
      matches = match_children (l, node, particles, G_N_ELEMENTS (particles));
      for (guint i = 0; i < matches->len; i++)
        {
          Match *m = MATCH (matches, i);

          g_clear_pointer (&parts[m->particle], rapport_inline_unref);
          parts[m->particle] = parse_inline_element (l, m->node, "");
        }

      block = rapport_block_new (RAPPORT_BLOCK_INSTEAD);
      rapport_block_set_instead (block, parts[0], parts[1], parts[2]);

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        g_clear_pointer (&parts[i], rapport_inline_unref);
    }
  else if (g_str_equal (name, "dialogue"))
    {
      g_autoptr(RapportDialogue) dialogue = parse_dialogue (l, node);

      block = rapport_block_new (RAPPORT_BLOCK_DIALOGUE);
      rapport_block_set_dialogue (block, dialogue);
    }
  else if (g_str_equal (name, "figure"))
    {
      const char *src;
      const char *alt;

      check_attributes (l, node, "src alt", "src alt");
      src = get_attribute (l, node, "src");
      alt = get_attribute (l, node, "alt");

      for (xmlNode *child = node->children; child != NULL; child = child->next)
        {
          if (child->type == XML_ELEMENT_NODE ||
              ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
               !is_blank ((const char *) child->content)))
            {
              structural (l, child,
                          _("<figure> holds nothing: describe the picture in its alt attribute."));
              break;
            }
        }

      if (src != NULL && !rapport_media_path_is_valid (src))
        {
          structural (l, node,
                      _("“%s” is not a picture in the pack’s media folder: use a name such as "
                        "“media/till.png”, of letters, digits, “-” and “_”, ending in .png, "
                        ".jpg, .jpeg or .svg."),
                      quote (l, src));
          src = NULL;
        }

      if (alt != NULL)
        {
          glong n_chars = g_utf8_strlen (alt, -1);

          if (n_chars == 0 || n_chars > 400)
            structural (l, node, _("The alt text of a picture must have 1 to 400 characters."));
          else if (is_blank (alt))
            semantic (l, node,
                      _("The alt text of a picture is empty; say what the picture shows, for "
                        "learners who cannot see it."));
        }

      if (alt != NULL)
        {
          /* Line breaks and runs of spaces in the attribute become one space, as in text. */
          g_autoptr(RapportInline) collapsed = rapport_inline_new ();

          rapport_inline_append (collapsed, RAPPORT_RUN_PLAIN, alt);
          rapport_inline_finish (collapsed);
          alt = quote_full (l, rapport_inline_get_text (collapsed));
        }

      block = rapport_block_new (RAPPORT_BLOCK_FIGURE);
      rapport_block_set_figure (block, src, alt, line_of (node));
    }
  else
    {
      g_autoptr(RapportInline) text = NULL;
      const char *source;

      g_assert (g_str_equal (name, "quote"));

      check_attributes (l, node, "source", "source");
      source = get_attribute (l, node, "source");
      if (source != NULL)
        {
          glong n_chars = g_utf8_strlen (source, -1);

          if (n_chars == 0 || n_chars > 400)
            structural (l, node, _("The source of a quote must have 1 to 400 characters."));
          else if (is_blank (source))
            semantic (l, node, _("The source of a quote is empty; name the person."));
        }

      text = parse_inline (l, node);
      block = rapport_block_new (RAPPORT_BLOCK_QUOTE);
      rapport_block_set_text (block, text);
      rapport_block_set_source (block, source);
    }

  return block;
}

#define BLOCK_NAMES "p list tip instead dialogue quote figure"

static RapportSection *
parse_section (Load    *l,
               xmlNode *node)
{
  static const Particle particles[] = {
    { "heading", 0, 1 },
    { BLOCK_NAMES, 1, 0 },
  };
  g_autoptr(GArray) matches = NULL;
  g_autofree char *heading = NULL;
  RapportSection *section;

  check_attributes (l, node, "", "");
  matches = match_children (l, node, particles, G_N_ELEMENTS (particles));

  if (matches->len > 0 && MATCH (matches, 0)->particle == 0)
    heading = get_line_text (l, MATCH (matches, 0)->node);

  section = rapport_section_new (heading);

  for (guint i = 0; i < matches->len; i++)
    {
      Match *m = MATCH (matches, i);
      g_autoptr(RapportBlock) block = NULL;

      if (m->particle != 1)
        continue;

      block = parse_block (l, m->node);
      rapport_section_add_block (section, block);
    }

  return section;
}

/* Keys must be unique within their kind in a topic: progress is stored by
 * key. Returns the line where @key was first used, or 0 when it is new.
 */
static guint
claim_key (GHashTable *keys,
           xmlNode    *node,
           const char *key)
{
  gpointer first_line;

  if (key == NULL)
    return 0;

  if (g_hash_table_lookup_extended (keys, key, NULL, &first_line))
    return MAX (GPOINTER_TO_UINT (first_line), 1);

  g_hash_table_insert (keys, g_strdup (key), GUINT_TO_POINTER (line_of (node)));

  return 0;
}

static RapportLesson *
parse_lesson (Load    *l,
              xmlNode *node)
{
  static const Particle particles[] = {
    { "title", 1, 1 },
    { "section", 1, 0 },
    { "takeaways", 0, 1 },
  };
  g_autoptr(GArray) matches = NULL;
  g_autofree char *title = NULL;
  RapportLesson *lesson;
  const char *key;
  guint first_line;
  guint minutes;

  check_attributes (l, node, "key minutes", "key minutes");
  key = get_key (l, node, "key");
  minutes = get_number (l, node, "minutes", 1, 120);
  first_line = claim_key (l->lesson_keys, node, key);
  if (first_line != 0)
    semantic (l, node,
              _("The lesson key “%s” is already used on line %u; each lesson needs its own."),
              quote (l, key), first_line);

  matches = match_children (l, node, particles, G_N_ELEMENTS (particles));
  for (guint i = 0; i < matches->len; i++)
    {
      if (MATCH (matches, i)->particle == 0)
        title = get_line_text (l, MATCH (matches, i)->node);
    }

  lesson = rapport_lesson_new (key, title != NULL ? title : "", minutes);

  for (guint i = 0; i < matches->len; i++)
    {
      Match *m = MATCH (matches, i);

      if (m->particle == 1)
        {
          g_autoptr(RapportSection) section = parse_section (l, m->node);

          rapport_lesson_add_section (lesson, section);
        }
      else if (m->particle == 2)
        {
          static const Particle takeaway_particles[] = { { "item", 1, 0 } };
          g_autoptr(GArray) items = NULL;

          check_attributes (l, m->node, "", "");
          items = match_children (l, m->node, takeaway_particles, G_N_ELEMENTS (takeaway_particles));
          for (guint j = 0; j < items->len; j++)
            {
              g_autoptr(RapportInline) item = parse_inline_element (l, MATCH (items, j)->node, "");

              rapport_lesson_add_takeaway (lesson, item);
            }
        }
    }

  return lesson;
}

/* Questions */

static RapportChoice *
parse_choice (Load     *l,
              xmlNode  *node,
              gboolean  is_reply)
{
  static const Particle choice_particles[] = {
    { "text", 1, 1 },
    { "feedback", 0, 1 },
  };
  static const Particle reply_particles[] = {
    { "text", 1, 1 },
    { "feedback", 1, 1 },
  };
  static const char * const scores[] = { "0", "1", "2", NULL };
  g_autoptr(GArray) matches = NULL;
  g_autoptr(RapportInline) text = NULL;
  g_autoptr(RapportInline) feedback = NULL;
  gboolean correct;
  guint score;

  if (is_reply)
    {
      int value;

      check_attributes (l, node, "score", "score");
      value = get_choice (l, node, "score", scores);
      score = value < 0 ? 0 : (guint) value;
      correct = score == 2;
      matches = match_children (l, node, reply_particles, G_N_ELEMENTS (reply_particles));
    }
  else
    {
      check_attributes (l, node, "correct", "");
      correct = get_boolean (l, node, "correct", FALSE);
      score = correct ? 1 : 0;
      matches = match_children (l, node, choice_particles, G_N_ELEMENTS (choice_particles));
    }

  for (guint i = 0; i < matches->len; i++)
    {
      Match *m = MATCH (matches, i);

      if (m->particle == 0)
        text = parse_inline_element (l, m->node, "");
      else
        feedback = parse_inline_element (l, m->node, "");
    }

  if (text == NULL)
    text = rapport_inline_new ();

  return rapport_choice_new (text, feedback, correct, score);
}

static void
check_choices (Load            *l,
               xmlNode         *node,
               RapportQuestion *question)
{
  RapportQuestionType type = rapport_question_get_question_type (question);
  guint n_choices = rapport_question_get_n_choices (question);
  guint n_correct = 0;

  for (guint i = 0; i < n_choices; i++)
    {
      RapportChoice *choice = rapport_question_get_choice (question, i);

      if (type == RAPPORT_QUESTION_SCENARIO ? rapport_choice_get_score (choice) == 2
                                            : rapport_choice_get_correct (choice))
        n_correct++;
    }

  switch (type)
    {
    case RAPPORT_QUESTION_SINGLE:
      if (n_choices < 2)
        semantic (l, node, _("This question has only one choice; give at least two."));
      if (n_correct != 1)
        semantic (l, node,
                  _("A <single> question needs exactly one choice with correct=\"true\"; "
                    "this one has %u."),
                  n_correct);
      break;

    case RAPPORT_QUESTION_MULTIPLE:
      if (n_choices < 2)
        semantic (l, node, _("This question has only one choice; give at least two."));
      if (n_correct < 1)
        semantic (l, node,
                  _("A <multiple> question needs at least one choice with correct=\"true\"; "
                    "this one has none."));
      break;

    case RAPPORT_QUESTION_SCENARIO:
      if (n_choices < 2)
        semantic (l, node, _("This scenario has only one reply; give at least two."));
      if (n_correct != 1)
        semantic (l, node,
                  _("A <scenario> needs exactly one best reply with score=\"2\"; this one has %u."),
                  n_correct);
      break;

    case RAPPORT_QUESTION_TRUEFALSE:
    case RAPPORT_QUESTION_ORDERING:
    default:
      break;
    }
}

static RapportQuestion *
parse_question (Load    *l,
                xmlNode *node)
{
  static const Particle choice_particles[] = {
    { "prompt", 1, 1 },
    { "choice", 1, 0 },
    { "explanation", 1, 1 },
  };
  static const Particle truefalse_particles[] = {
    { "prompt", 1, 1 },
    { "feedback-true", 0, 1 },
    { "feedback-false", 0, 1 },
    { "explanation", 1, 1 },
  };
  static const Particle scenario_particles[] = {
    { "dialogue", 1, 1 },
    { "prompt", 1, 1 },
    { "reply", 1, 0 },
    { "explanation", 1, 1 },
  };
  static const Particle ordering_particles[] = {
    { "prompt", 1, 1 },
    { "step", 1, 0 },
    { "explanation", 1, 1 },
  };
  const char *name = (const char *) node->name;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(RapportInline) feedback_true = NULL;
  g_autoptr(RapportInline) feedback_false = NULL;
  RapportQuestionType type;
  RapportQuestion *question;
  gboolean answer = FALSE;
  const char *key;
  guint first_line;

  if (g_str_equal (name, "single") || g_str_equal (name, "multiple"))
    {
      type = name[0] == 's' ? RAPPORT_QUESTION_SINGLE : RAPPORT_QUESTION_MULTIPLE;
      check_attributes (l, node, "key fixed-order", "key");
      key = get_key (l, node, "key");
      question = rapport_question_new (type, key, get_boolean (l, node, "fixed-order", FALSE));
      matches = match_children (l, node, choice_particles, G_N_ELEMENTS (choice_particles));
    }
  else if (g_str_equal (name, "truefalse"))
    {
      type = RAPPORT_QUESTION_TRUEFALSE;
      check_attributes (l, node, "key answer", "key answer");
      key = get_key (l, node, "key");
      answer = get_boolean (l, node, "answer", FALSE);
      question = rapport_question_new (type, key, FALSE);
      matches = match_children (l, node, truefalse_particles, G_N_ELEMENTS (truefalse_particles));
    }
  else if (g_str_equal (name, "scenario"))
    {
      type = RAPPORT_QUESTION_SCENARIO;
      check_attributes (l, node, "key fixed-order", "key");
      key = get_key (l, node, "key");
      question = rapport_question_new (type, key, get_boolean (l, node, "fixed-order", FALSE));
      matches = match_children (l, node, scenario_particles, G_N_ELEMENTS (scenario_particles));
    }
  else
    {
      g_assert (g_str_equal (name, "ordering"));
      type = RAPPORT_QUESTION_ORDERING;
      check_attributes (l, node, "key", "key");
      key = get_key (l, node, "key");
      question = rapport_question_new (type, key, FALSE);
      matches = match_children (l, node, ordering_particles, G_N_ELEMENTS (ordering_particles));
    }

  first_line = claim_key (l->question_keys, node, key);
  if (first_line != 0)
    semantic (l, node,
              _("The question key “%s” is already used on line %u; each question needs its own."),
              quote (l, key), first_line);

  for (guint i = 0; i < matches->len; i++)
    {
      xmlNode *child = MATCH (matches, i)->node;
      const char *child_name = (const char *) child->name;

      if (g_str_equal (child_name, "prompt"))
        {
          g_autoptr(RapportInline) prompt = parse_inline_element (l, child, "");

          rapport_question_set_prompt (question, prompt);
        }
      else if (g_str_equal (child_name, "explanation"))
        {
          g_autoptr(RapportInline) explanation = parse_inline_element (l, child, "");

          rapport_question_set_explanation (question, explanation);
        }
      else if (g_str_equal (child_name, "choice") || g_str_equal (child_name, "reply"))
        {
          g_autoptr(RapportChoice) choice = parse_choice (l, child, child_name[0] == 'r');

          rapport_question_add_choice (question, choice);
        }
      else if (g_str_equal (child_name, "step"))
        {
          g_autoptr(RapportInline) step = parse_inline_element (l, child, "");

          rapport_question_add_step (question, step);
        }
      else if (g_str_equal (child_name, "feedback-true"))
        {
          g_clear_pointer (&feedback_true, rapport_inline_unref);
          feedback_true = parse_inline_element (l, child, "");
        }
      else if (g_str_equal (child_name, "feedback-false"))
        {
          g_clear_pointer (&feedback_false, rapport_inline_unref);
          feedback_false = parse_inline_element (l, child, "");
        }
      else if (g_str_equal (child_name, "dialogue"))
        {
          g_autoptr(RapportDialogue) dialogue = parse_dialogue (l, child);

          rapport_question_set_dialogue (question, dialogue);
        }
    }

  if (type == RAPPORT_QUESTION_TRUEFALSE)
    rapport_question_set_truefalse (question, answer, feedback_true, feedback_false);

  if (type == RAPPORT_QUESTION_ORDERING && rapport_question_get_n_steps (question) == 1)
    semantic (l, node, _("An <ordering> question needs at least two steps."));

  check_choices (l, node, question);

  return question;
}

#define QUESTION_NAMES "single multiple truefalse scenario ordering"

static RapportQuiz *
parse_quiz (Load    *l,
            xmlNode *node)
{
  static const Particle particles[] = { { QUESTION_NAMES, 1, 0 } };
  g_autoptr(GArray) matches = NULL;
  RapportQuiz *quiz;
  guint pass_mark;
  guint draw;

  check_attributes (l, node, "pass-mark draw", "pass-mark");
  pass_mark = get_number (l, node, "pass-mark", 0, 100);
  draw = get_number (l, node, "draw", 1, G_MAXUINT);
  quiz = rapport_quiz_new (pass_mark, draw);

  matches = match_children (l, node, particles, G_N_ELEMENTS (particles));
  for (guint i = 0; i < matches->len; i++)
    {
      g_autoptr(RapportQuestion) question = parse_question (l, MATCH (matches, i)->node);

      rapport_quiz_add_question (quiz, question);
    }

  if (draw > matches->len && matches->len > 0)
    semantic (l, node,
              ngettext ("The quiz draws %u questions but has only %u question; lower draw or add questions.",
                        "The quiz draws %u questions but has only %u questions; lower draw or add questions.",
                        matches->len),
              draw, matches->len);

  return quiz;
}

static const char *
skill_keys (Load *l)
{
  g_autoptr(GString) keys = g_string_new (NULL);
  char *result;

  for (guint i = 0; i < rapport_skill_get_count (); i++)
    {
      if (i > 0)
        g_string_append (keys, ", ");
      g_string_append (keys, rapport_skill_get_nth (i)->key);
    }

  result = g_string_free (g_steal_pointer (&keys), FALSE);
  g_ptr_array_add (l->pool, result);

  return result;
}

static gboolean
is_valid_icon_name (const char *icon)
{
  if (!g_str_has_suffix (icon, "-symbolic") || strlen (icon) <= strlen ("-symbolic"))
    return FALSE;

  for (const char *p = icon; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

static RapportTopic *
parse_topic (Load    *l,
             xmlNode *root)
{
  static const Particle particles[] = {
    { "title", 1, 1 },
    { "summary", 1, 1 },
    { "lesson", 1, 0 },
    { "quiz", 0, 1 },
    { "journal", 1, 1 },
    { "rubric", 1, 1 },
  };
  g_autoptr(GArray) matches = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *language = NULL;
  const char *format;
  const char *key;
  const char *skill;
  const char *icon;
  const char *lang;
  RapportTopic *topic;

  if (!is_format_element (root) || !xmlStrEqual (root->name, (const xmlChar *) "topic"))
    {
      if (root->ns != NULL && xmlStrEqual (root->name, (const xmlChar *) "topic"))
        structural (l, root,
                    _("The topic format uses no XML namespace; remove xmlns=\"%s\"."),
                    quote (l, (const char *) root->ns->href));
      else
        structural (l, root,
                    _("This is not a Rapport topic file: it starts with <%s> instead of <topic>."),
                    node_name (l, root));
      return NULL;
    }

  check_attributes (l, root, "format key skill icon xml:lang", "format key skill icon xml:lang");

  format = get_attribute (l, root, "format");
  if (format != NULL)
    {
      g_autofree char *collapsed = collapse (format);

      if (!g_str_equal (collapsed, "1"))
        structural (l, root,
                    _("This file is in format “%s”, but this version of Rapport reads "
                      "format 1. Is there a newer Rapport?"),
                    quote (l, format));
    }

  key = get_key (l, root, "key");
  skill = get_key (l, root, "skill");
  if (skill != NULL && rapport_skill_lookup (skill) == NULL)
    semantic (l, root, _("“%s” is not one of Rapport’s skills. Use one of: %s."),
              quote (l, skill), skill_keys (l));

  icon = get_attribute (l, root, "icon");
  if (icon != NULL && !is_valid_icon_name (icon))
    structural (l, root,
                _("“%s” is not a symbolic icon name such as “emblem-favorite-symbolic”."),
                quote (l, icon));

  lang = get_attribute (l, root, "xml:lang");
  if (lang != NULL)
    {
      language = collapse (lang);
      if (!rapport_language_is_valid (language))
        structural (l, root, _("“%s” is not a language code such as “en” or “de-CH”."),
                    quote (l, lang));
    }

  matches = match_children (l, root, particles, G_N_ELEMENTS (particles));

  for (guint i = 0; i < matches->len; i++)
    {
      Match *m = MATCH (matches, i);

      if (m->particle == 0)
        title = get_line_text (l, m->node);
      else if (m->particle == 1)
        summary = get_line_text (l, m->node);
    }

  topic = rapport_topic_new (key, skill, icon, language, title, summary);

  for (guint i = 0; i < matches->len; i++)
    {
      Match *m = MATCH (matches, i);

      switch (m->particle)
        {
        case 2:
          {
            g_autoptr(RapportLesson) lesson = parse_lesson (l, m->node);

            rapport_topic_add_lesson (topic, lesson);
          }
          break;

        case 3:
          {
            g_autoptr(RapportQuiz) quiz = parse_quiz (l, m->node);

            rapport_topic_set_quiz (topic, quiz);
          }
          break;

        case 4:
          {
            static const Particle prompt_particles[] = { { "prompt", 1, 0 } };
            g_autoptr(GArray) prompts = NULL;

            check_attributes (l, m->node, "", "");
            prompts = match_children (l, m->node, prompt_particles, G_N_ELEMENTS (prompt_particles));
            for (guint j = 0; j < prompts->len; j++)
              {
                g_autoptr(RapportInline) prompt = parse_inline_element (l, MATCH (prompts, j)->node, "");

                rapport_topic_add_prompt (topic, prompt);
              }
          }
          break;

        case 5:
          {
            static const Particle level_particles[] = { { "level", RAPPORT_RUBRIC_LEVELS, RAPPORT_RUBRIC_LEVELS } };
            g_autoptr(GArray) levels = NULL;

            check_attributes (l, m->node, "", "");
            levels = match_children (l, m->node, level_particles, G_N_ELEMENTS (level_particles));
            for (guint j = 0; j < levels->len; j++)
              {
                xmlNode *level = MATCH (levels, j)->node;
                g_autoptr(RapportInline) text = NULL;
                g_autofree char *expected = g_strdup_printf ("%u", j + 1);
                const char *value;

                check_attributes (l, level, "value", "value");
                value = get_attribute (l, level, "value");
                text = parse_inline (l, level);

                if (value != NULL)
                  {
                    g_autofree char *collapsed = collapse (value);

                    if (g_str_equal (collapsed, expected))
                      rapport_topic_set_rubric_level (topic, j + 1, text);
                    else
                      structural (l, level,
                                  _("The levels of the rubric go from 1 to 5 in order; "
                                    "this one should have value=\"%u\", not “%s”."),
                                  j + 1, quote (l, value));
                  }
              }
          }
          break;

        default:
          break;
        }
    }

  return topic;
}

/* GObject */

static void
rapport_topic_loader_finalize (GObject *object)
{
  RapportTopicLoader *self = RAPPORT_TOPIC_LOADER (object);

  g_clear_pointer (&self->schema, xmlRelaxNGFree);

  G_OBJECT_CLASS (rapport_topic_loader_parent_class)->finalize (object);
}

static void
rapport_topic_loader_class_init (RapportTopicLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_topic_loader_finalize;
}

static void
rapport_topic_loader_init (RapportTopicLoader *self)
{
}

/**
 * rapport_topic_loader_new_from_bytes:
 * @schema: the RELAX NG schema Rapport ships (data/rapport-topic.rng)
 *
 * Compiles the schema once; the loader then checks any number of files.
 * The app passes the copy in its resources, the command-line tool the
 * installed one. Never pass a schema that came with a pack.
 */
RapportTopicLoader *
rapport_topic_loader_new_from_bytes (GBytes  *schema,
                                     GError **error)
{
  g_autoptr(RapportTopicLoader) self = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  xmlRelaxNGParserCtxtPtr ctxt;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rapport_libxml_init ();

  data = g_bytes_get_data (schema, &length);
  if (length == 0 || length > G_MAXINT)
    {
      g_set_error (error, RAPPORT_TOPIC_ERROR, RAPPORT_TOPIC_ERROR_SCHEMA,
                   _("The topic schema is empty."));
      return NULL;
    }

  errors = g_ptr_array_new_with_free_func (libxml_error_free);
  self = g_object_new (RAPPORT_TYPE_TOPIC_LOADER, NULL);

  ctxt = xmlRelaxNGNewMemParserCtxt (data, (int) length);
  xmlRelaxNGSetParserStructuredErrors (ctxt, on_schema_error_cb, errors);
  self->schema = xmlRelaxNGParse (ctxt);
  xmlRelaxNGFreeParserCtxt (ctxt);

  if (self->schema == NULL)
    {
      LibxmlError *first = errors->len > 0 ? g_ptr_array_index (errors, 0) : NULL;

      g_set_error (error, RAPPORT_TOPIC_ERROR, RAPPORT_TOPIC_ERROR_SCHEMA,
                   _("The topic schema could not be compiled: line %u: %s"),
                   first != NULL ? first->line : 0,
                   first != NULL ? first->message : "?");
      return NULL;
    }

  return g_steal_pointer (&self);
}

RapportTopicLoader *
rapport_topic_loader_new_from_file (const char  *schema_path,
                                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (schema_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = rapport_read_file_capped (schema_path, 1024 * 1024, error);
  if (bytes == NULL)
    return NULL;

  return rapport_topic_loader_new_from_bytes (bytes, error);
}

static gboolean
validate_with_schema (RapportTopicLoader *self,
                      xmlDoc             *doc,
                      GPtrArray          *errors)
{
  xmlRelaxNGValidCtxtPtr ctxt = xmlRelaxNGNewValidCtxt (self->schema);
  int result;

  xmlRelaxNGSetValidStructuredErrors (ctxt, on_schema_error_cb, errors);
  result = xmlRelaxNGValidateDoc (ctxt, doc);
  xmlRelaxNGFreeValidCtxt (ctxt);

  return result == 0;
}

static RapportTopic *
load (RapportTopicLoader *self,
      Load               *l,
      GBytes             *bytes)
{
  g_autoptr(GPtrArray) parse_errors = g_ptr_array_new_with_free_func (libxml_error_free);
  g_autoptr(GPtrArray) schema_errors = g_ptr_array_new_with_free_func (libxml_error_free);
  g_autoptr(RapportTopic) topic = NULL;
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;
  gboolean valid;
  const char *data;
  gsize length;

  data = g_bytes_get_data (bytes, &length);

  if (!check_bytes (l, data, length))
    return NULL;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      add_problem (l, 0, _("Out of memory."));
      return NULL;
    }

  ctxt->_private = parse_errors;
  ctxt->sax->serror = on_parse_error_cb;
  doc = xmlCtxtReadMemory (ctxt, data, (int) length, NULL, "UTF-8", PARSE_OPTIONS);

  if (doc == NULL || !ctxt->wellFormed || parse_errors->len > 0)
    {
      if (parse_errors->len > 0)
        report_parse_error (l, g_ptr_array_index (parse_errors, 0));
      else
        add_problem (l, 0, _("This is not well-formed XML."));

      g_clear_pointer (&doc, xmlFreeDoc);
      xmlFreeParserCtxt (ctxt);
      return NULL;
    }

  xmlFreeParserCtxt (ctxt);

  valid = validate_with_schema (self, doc, schema_errors);
  topic = parse_topic (l, xmlDocGetRootElement (doc));

  if (!valid && l->n_structural == 0)
    report_schema_errors (l, schema_errors);

  xmlFreeDoc (doc);

  if (l->n_problems > 0 || topic == NULL)
    return NULL;

  return g_steal_pointer (&topic);
}

/**
 * rapport_topic_loader_load_from_bytes:
 * @bytes: the content of a topic file
 * @display_name: how problems name the file, e.g. "topics/empathy.xml"
 * @pack_id: (nullable): the pack that holds the topic
 * @problems: (nullable): a list from rapport_problem_list_new() to append to
 *
 * Returns: (transfer full) (nullable): the topic, or %NULL with
 * %RAPPORT_TOPIC_ERROR_INVALID when the file has problems. Every problem
 * found is appended to @problems; nothing partly built is returned.
 */
RapportTopic *
rapport_topic_loader_load_from_bytes (RapportTopicLoader  *self,
                                      GBytes              *bytes,
                                      const char          *display_name,
                                      const char          *pack_id,
                                      GPtrArray           *problems,
                                      GError             **error)
{
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(GPtrArray) pool = NULL;
  g_autoptr(GHashTable) lesson_keys = NULL;
  g_autoptr(GHashTable) question_keys = NULL;
  RapportTopic *topic;
  Load l = { 0 };
  guint first_problem;

  g_return_val_if_fail (RAPPORT_IS_TOPIC_LOADER (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems == NULL)
    problems = own_problems = rapport_problem_list_new ();

  pool = g_ptr_array_new_with_free_func (g_free);
  lesson_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  question_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  l.file = display_name;
  l.problems = problems;
  l.pool = pool;
  l.lesson_keys = lesson_keys;
  l.question_keys = question_keys;

  first_problem = problems->len;
  topic = load (self, &l, bytes);
  rapport_problem_list_sort (problems, first_problem);

  if (topic == NULL)
    {
      guint n = MAX (l.n_problems, 1);

      g_set_error (error, RAPPORT_TOPIC_ERROR, RAPPORT_TOPIC_ERROR_INVALID,
                   ngettext ("“%s” has %u problem.", "“%s” has %u problems.", n),
                   display_name, n);
      return NULL;
    }

  rapport_topic_set_source (topic, NULL, pack_id);

  return topic;
}

/**
 * rapport_topic_loader_load_from_file:
 * @path: a topic file; problems name it as given
 *
 * Reads at most %RAPPORT_TOPIC_MAX_SIZE bytes, exactly as stored (a
 * compressed file is refused, never unpacked), then works as
 * rapport_topic_loader_load_from_bytes(). When the file cannot be read, the
 * error is the I/O error and a problem says so too.
 */
RapportTopic *
rapport_topic_loader_load_from_file (RapportTopicLoader  *self,
                                     const char          *path,
                                     const char          *pack_id,
                                     GPtrArray           *problems,
                                     GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  RapportTopic *topic;

  g_return_val_if_fail (RAPPORT_IS_TOPIC_LOADER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = rapport_read_file_capped (path, RAPPORT_TOPIC_MAX_SIZE, &local_error);
  if (bytes == NULL)
    {
      if (problems != NULL)
        rapport_problem_list_add (problems, path, 0, "%s", local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  topic = rapport_topic_loader_load_from_bytes (self, bytes, path, pack_id, problems, error);
  if (topic != NULL)
    rapport_topic_set_source (topic, path, pack_id);

  return topic;
}
