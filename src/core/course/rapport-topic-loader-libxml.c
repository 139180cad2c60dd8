/* rapport-topic-loader-libxml.c: layers 3 and 4 of the topic loader: libxml2
 * parses, the RELAX NG schema validates, and what they report is said again
 * in words a trainer understands.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "rapport-topic-loader-private.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING | \
                       XML_PARSE_BIG_LINES)

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
  char  *sibling;    /* an element left open: the first child of its kind */
  guint  sibling_line;
} LibxmlError;

static void
libxml_error_free (gpointer data)
{
  LibxmlError *e = data;

  g_free (e->str1);
  g_free (e->str2);
  g_free (e->message);
  g_free (e->element);
  g_free (e->sibling);
  g_free (e);
}

/* Layer 3: parsing */

static gboolean
is_question_name (const char *name)
{
  g_auto(GStrv) names = g_strsplit (RAPPORT_LOAD_QUESTION_NAMES, " ", -1);

  return g_strv_contains ((const char * const *) names, name);
}

/* No element of the format holds one of its own kind, so a child of the
 * kind of an element left open is a sibling its missing end tag swallowed.
 */
static gboolean
is_same_kind (const char *name,
              const char *other)
{
  return g_str_equal (name, other) || (is_question_name (name) && is_question_name (other));
}

/* When the parser finds <@name> left open, the element being built is that
 * one: records its first child of the same kind, where it should have ended.
 */
static void
find_swallowed_sibling (xmlParserCtxtPtr  ctxt,
                        LibxmlError      *e)
{
  xmlNode *open = ctxt->node;

  if (e->str1 == NULL || open == NULL || !rapport_load_is_format_element (open) ||
      !g_str_equal ((const char *) open->name, e->str1))
    return;

  for (xmlNode *child = open->children; child != NULL; child = child->next)
    {
      if (rapport_load_is_format_element (child) &&
          is_same_kind ((const char *) open->name, (const char *) child->name))
        {
          e->sibling = g_strdup ((const char *) child->name);
          e->sibling_line = rapport_load_line_of (child);
          return;
        }
    }
}

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
  if (e->code == XML_ERR_TAG_NAME_MISMATCH || e->code == XML_ERR_TAG_NOT_FINISHED)
    find_swallowed_sibling (ctxt, e);
  g_ptr_array_add (errors, e);
}

static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    line += data[i] == '\n';

  return line;
}

static gboolean
ends_name (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>';
}

/* Where the start tag of <@name> that libxml2 dates to @line (where the tag
 * ends, for one written over several lines) begins in @data; -1 if nowhere.
 */
static gssize
find_start_tag (const char *data,
                gsize       length,
                guint       line,
                const char *name)
{
  gsize name_len = strlen (name);
  gsize end = 0;

  for (guint n = 1; end < length && (n < line || data[end] != '\n'); end++)
    n += data[end] == '\n';

  for (gsize p = end; p-- > 0;)
    {
      if (data[p] == '<' && p + 1 + name_len < length &&
          memcmp (data + p + 1, name, name_len) == 0 && ends_name (data[p + 1 + name_len]))
        return p;
    }

  return -1;
}

/* An element left open, whose end tag another element's end tag missed:
 * said where its content seems to end, the last line with anything on it
 * before the sibling it swallowed, which is where the end tag goes.
 */
static gboolean
report_left_open (RapportLoad *l,
                  LibxmlError *e,
                  const char  *data,
                  gsize        length)
{
  const char *name = rapport_load_quote (l, e->str1);
  g_autofree char *where = NULL;
  g_autofree char *found = NULL;
  gssize tag;
  gsize end;
  guint end_line;

  if (e->sibling == NULL ||
      (tag = find_start_tag (data, length, e->sibling_line, e->sibling)) < 0)
    return FALSE;

  for (end = tag; end > 0 && g_ascii_isspace (data[end - 1]); end--)
    ;
  end_line = MAX (line_at (data, end), (guint) MAX (e->int1, 0));

  where = g_strdup_printf (_("<%s>, opened on line %d, is not closed. It probably ends at line %u, "
                             "before the <%s> on line %u: add </%s> there."),
                           name, e->int1, end_line, rapport_load_quote (l, e->sibling),
                           line_at (data, tag), name);
  if (e->code == XML_ERR_TAG_NAME_MISMATCH)
    found = g_strdup_printf (_("(The mistake shows only at the </%s> on line %u.)"),
                             rapport_load_quote (l, e->str2), e->line);
  else
    found = g_strdup (_("(The mistake shows only at the end of the file.)"));

  rapport_load_add_problem (l, end_line, "%s %s", where, found);

  return TRUE;
}

static void
report_parse_error (RapportLoad *l,
                    LibxmlError *e,
                    const char  *data,
                    gsize        length)
{
  const char *str1 = rapport_load_quote (l, e->str1);
  const char *str2 = rapport_load_quote (l, e->str2);

  if (report_left_open (l, e, data, length))
    return;

  switch (e->code)
    {
    case XML_ERR_TAG_NAME_MISMATCH:
      rapport_load_add_problem (l, e->line,
                                _("</%s> does not close <%s>, which is still open from line %d."),
                                str2, str1, e->int1);
      break;

    case XML_ERR_TAG_NOT_FINISHED:
      rapport_load_add_problem (l, e->line,
                                _("The file ends before <%s> (opened on line %d) is closed. "
                                  "Is the file cut short?"),
                                str1, e->int1);
      break;

    case XML_ERR_DOCUMENT_END:
      rapport_load_add_problem (l, e->line,
                                _("There is more after the end of the topic; "
                                  "everything must be inside <topic>…</topic>."));
      break;

    case XML_ERR_DOCUMENT_EMPTY:
      rapport_load_add_problem (l, e->line,
                                _("This is not an XML file: a topic file starts with <topic> "
                                  "(or with an <?xml …?> line)."));
      break;

    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      rapport_load_add_problem (l, e->line,
                                _("“&%s;” is not known in XML. Type the character itself; only "
                                  "&amp; &lt; &gt; &quot; &apos; and numbered ones "
                                  "like &#160; are allowed."),
                                str1);
      break;

    case XML_ERR_NAME_REQUIRED:
      if (strstr (e->message, "EntityRef") != NULL)
        rapport_load_add_problem (l, e->line, _("An “&” in the text must be written as &amp;"));
      else
        rapport_load_add_problem (l, e->line, _("A “<” in the text must be written as &lt;"));
      break;

    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
      rapport_load_add_problem (l, e->line,
                                _("An “&” in the text must be written as &amp; "
                                  "(or an entity is missing its “;”)."));
      break;

    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
      rapport_load_add_problem (l, e->line,
                                _("An attribute value must be in quotes, as in key=\"my-key\"."));
      break;

    case XML_ERR_ATTRIBUTE_REDEFINED:
      rapport_load_add_problem (l, e->line, _("The attribute “%s” is given twice."), str1);
      break;

    case XML_ERR_LT_IN_ATTRIBUTE:
      rapport_load_add_problem (l, e->line,
                                _("A “<” in an attribute value must be written as &lt;"));
      break;

    case XML_ERR_INVALID_CHAR:
      rapport_load_add_problem (l, e->line,
                                _("The text contains the control character U+%04X, "
                                  "which XML does not allow."),
                                (guint) e->int1);
      break;

    default:
      if (e->at_end)
        rapport_load_add_problem (l, e->line,
                                  _("The file ends in the middle of a tag or value. Is the file "
                                    "cut short?"));
      else
        rapport_load_add_problem (l, e->line, _("This is not well-formed XML: %s."),
                                  rapport_load_quote (l, e->message));
      break;
    }
}

/* Parses @data, which rapport_load_check_bytes() let through; %NULL when it
 * is not well-formed XML, with the problem reported.
 */
xmlDoc *
rapport_load_parse (RapportLoad *l,
                    const char  *data,
                    gsize        length)
{
  g_autoptr(GPtrArray) parse_errors = g_ptr_array_new_with_free_func (libxml_error_free);
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      rapport_load_add_problem (l, 0, _("Out of memory."));
      return NULL;
    }

  ctxt->_private = parse_errors;
  ctxt->sax->serror = on_parse_error_cb;
  doc = xmlCtxtReadMemory (ctxt, data, (int) length, NULL, "UTF-8", PARSE_OPTIONS);

  if (doc == NULL || !ctxt->wellFormed || parse_errors->len > 0)
    {
      if (parse_errors->len > 0)
        report_parse_error (l, g_ptr_array_index (parse_errors, 0), data, length);
      else
        rapport_load_add_problem (l, 0, _("This is not well-formed XML."));

      g_clear_pointer (&doc, xmlFreeDoc);
      xmlFreeParserCtxt (ctxt);
      return NULL;
    }

  xmlFreeParserCtxt (ctxt);

  return doc;
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
  e->line = error->node != NULL ? rapport_load_line_of (error->node)
                                : (error->line > 0 ? error->line : 0);
  e->str1 = g_strdup (error->str1);
  e->str2 = g_strdup (error->str2);
  e->message = g_strchomp (g_strdup (error->message != NULL ? error->message : ""));
  if (error->node != NULL && ((xmlNode *) error->node)->type == XML_ELEMENT_NODE)
    e->element = g_strdup ((const char *) ((xmlNode *) error->node)->name);
  g_ptr_array_add (errors, e);
}

/* Compiles the schema Rapport ships; %NULL with %RAPPORT_TOPIC_ERROR_SCHEMA
 * when it cannot.
 */
xmlRelaxNGPtr
rapport_load_compile_schema (GBytes  *schema,
                             GError **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  xmlRelaxNGParserCtxtPtr ctxt;
  xmlRelaxNGPtr compiled;
  gconstpointer data;
  gsize length;

  data = g_bytes_get_data (schema, &length);
  if (length == 0 || length > G_MAXINT)
    {
      g_set_error (error, RAPPORT_TOPIC_ERROR, RAPPORT_TOPIC_ERROR_SCHEMA,
                   _("The topic schema is empty."));
      return NULL;
    }

  errors = g_ptr_array_new_with_free_func (libxml_error_free);

  ctxt = xmlRelaxNGNewMemParserCtxt (data, (int) length);
  xmlRelaxNGSetParserStructuredErrors (ctxt, on_schema_error_cb, errors);
  compiled = xmlRelaxNGParse (ctxt);
  xmlRelaxNGFreeParserCtxt (ctxt);

  if (compiled == NULL)
    {
      LibxmlError *first = errors->len > 0 ? g_ptr_array_index (errors, 0) : NULL;

      g_set_error (error, RAPPORT_TOPIC_ERROR, RAPPORT_TOPIC_ERROR_SCHEMA,
                   _("The topic schema could not be compiled: line %u: %s"),
                   first != NULL ? first->line : 0,
                   first != NULL ? first->message : "?");
      return NULL;
    }

  return compiled;
}

/* %NULL when @doc follows the schema; otherwise what the schema reported
 * (perhaps nothing), for rapport_load_report_schema_errors().
 */
GPtrArray *
rapport_load_validate (xmlRelaxNGPtr  schema,
                       xmlDoc        *doc)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (libxml_error_free);
  xmlRelaxNGValidCtxtPtr ctxt = xmlRelaxNGNewValidCtxt (schema);
  int result;

  xmlRelaxNGSetValidStructuredErrors (ctxt, on_schema_error_cb, errors);
  result = xmlRelaxNGValidateDoc (ctxt, doc);
  xmlRelaxNGFreeValidCtxt (ctxt);

  return result == 0 ? NULL : g_steal_pointer (&errors);
}

/* libxml2's RELAX NG messages, in words a trainer understands. Only reached
 * when the walk missed what the schema found.
 */
void
rapport_load_report_schema_errors (RapportLoad *l,
                                   GPtrArray   *errors)
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
      const char *element = rapport_load_quote (l, e->element != NULL ? e->element : "?");
      g_autofree char *message = NULL;

      switch (e->code)
        {
        case XML_RELAXNG_ERR_ELEMWRONG:
          message = g_strdup_printf (_("<%s> is not allowed here."),
                                     rapport_load_quote (l, e->str1));
          break;

        case XML_RELAXNG_ERR_EXTRACONTENT:
          message = g_strdup_printf (_("<%s> is not allowed inside <%s> here."),
                                     rapport_load_quote (l, e->str2),
                                     rapport_load_quote (l, e->str1));
          break;

        case XML_RELAXNG_ERR_ELEMNAME:
          message = g_strdup_printf (_("<%s> is expected here, not <%s>."),
                                     rapport_load_quote (l, e->str1),
                                     rapport_load_quote (l, e->str2));
          break;

        case XML_RELAXNG_ERR_NOELEM:
          message = g_strdup_printf (_("<%s> is missing something: "
                                       "another element must follow here."),
                                     element);
          break;

        case XML_RELAXNG_ERR_INVALIDATTR:
          message = g_strdup_printf (_("<%s> cannot have the attribute “%s”."),
                                     rapport_load_quote (l, e->str2),
                                     rapport_load_quote (l, e->str1));
          break;

        case XML_RELAXNG_ERR_TYPEVAL:
          message = g_strdup_printf (_("<%s>: the value “%s” is not allowed here."),
                                     element, rapport_load_quote (l, e->str2));
          break;

        case XML_RELAXNG_ERR_TYPE:
        case XML_RELAXNG_ERR_DATATYPE:
          /* libxml2 names only the type here, not the value. */
          message = g_strdup_printf (_("<%s>: this value does not fit here; "
                                       "it must be a valid %s."),
                                     element, rapport_load_quote (l, e->str1));
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
                                     element, rapport_load_quote (l, e->message));
          break;
        }

      {
        g_autofree char *key = g_strdup_printf ("%u:%s", e->line, message);

        if (!g_hash_table_add (seen, g_steal_pointer (&key)))
          continue;
      }

      rapport_load_add_problem (l, e->line, "%s", message);
    }

  if (l->n_problems == 0)
    rapport_load_add_problem (l, 0, _("The file does not follow the topic format."));
}
