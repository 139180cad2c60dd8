/* rapport-media.c: checking the pictures that come with a pack
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Pictures come from packs that anyone can send, and the app hands them to
 * image decoders later. Here, without GTK, each one is checked for what its
 * name says it is:
 *
 *  - PNG: the signature, then every chunk walked with its length and CRC, a
 *    sane IHDR first, image data, and IEND;
 *  - JPEG: the markers walked up to the scan, a frame header with a size,
 *    and an end-of-image marker;
 *  - SVG: UTF-8 XML with no document type declaration (so no entities),
 *    parsed from memory with the same safe options as topic files, an <svg>
 *    root, and nothing that reaches outside the file (no scripts, no
 *    external references).
 *
 * Pixel sizes are limited so that a small file cannot ask a decoder for
 * gigabytes.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "rapport-io.h"
#include "rapport-media.h"
#include "rapport-pack-private.h"

#define SVG_NAMESPACE      "http://www.w3.org/2000/svg"
#define SVG_MAX_ELEMENTS   50000
#define SVG_PARSE_OPTIONS  (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING | \
                            XML_PARSE_BIG_LINES)

/* Fails with RAPPORT_PACK_ERROR_INVALID: returns FALSE. */
#define set_invalid(error, ...) \
  rapport_pack_set_error ((error), RAPPORT_PACK_ERROR_INVALID, __VA_ARGS__)

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint
read_be16 (const guchar *p)
{
  return ((guint) p[0] << 8) | p[1];
}

static gboolean
check_dimensions (const char  *name,
                  guint        width,
                  guint        height,
                  GError     **error)
{
  if (width > RAPPORT_MEDIA_MAX_DIMENSION || height > RAPPORT_MEDIA_MAX_DIMENSION)
    return set_invalid (error,
                        _("The picture “%s” is %u × %u pixels; at most %u × %u are allowed. "
                          "Make it smaller."),
                        name, width, height, RAPPORT_MEDIA_MAX_DIMENSION,
                        RAPPORT_MEDIA_MAX_DIMENSION);

  if ((guint64) width * height > RAPPORT_MEDIA_MAX_PIXELS)
    return set_invalid (error,
                        _("The picture “%s” is %u × %u pixels; at most %u pixels in all "
                          "(4096 × 4096) are allowed. Make it smaller."),
                        name, width, height, RAPPORT_MEDIA_MAX_PIXELS);

  return TRUE;
}

/* PNG */

static const guint32 *
crc_table (void)
{
  static guint32 table[256];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (guint k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&initialized, 1);
    }

  return table;
}

static guint32
crc32_of (const guchar *data,
          gsize         length)
{
  const guint32 *table = crc_table ();
  guint32 c = 0xffffffffu;

  for (gsize i = 0; i < length; i++)
    c = table[(c ^ data[i]) & 0xff] ^ (c >> 8);

  return c ^ 0xffffffffu;
}

static gboolean
png_depth_is_valid (guint color_type,
                    guint depth)
{
  switch (color_type)
    {
    case 0:  /* grey */
      return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    case 3:  /* palette */
      return depth == 1 || depth == 2 || depth == 4 || depth == 8;
    case 2:  /* RGB */
    case 4:  /* grey and alpha */
    case 6:  /* RGBA */
      return depth == 8 || depth == 16;
    default:
      return FALSE;
    }
}

static gboolean
check_png (const char        *name,
           const guchar      *data,
           gsize              length,
           RapportMediaInfo  *info,
           GError           **error)
{
  static const guchar signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gboolean seen_data = FALSE;
  gsize pos = sizeof signature;

  if (length < sizeof signature || memcmp (data, signature, sizeof signature) != 0)
    return set_invalid (error, _("“%s” is not a PNG image, although its name ends in .png."), name);

  while (TRUE)
    {
      const guchar *type;
      guint32 chunk_length;

      if (length - pos < 12)
        return set_invalid (error, _("The PNG image “%s” is damaged or cut short."), name);

      chunk_length = read_be32 (data + pos);
      type = data + pos + 4;
      if (chunk_length > length - pos - 12)
        return set_invalid (error, _("The PNG image “%s” is damaged or cut short."), name);

      for (guint i = 0; i < 4; i++)
        {
          if (!g_ascii_isalpha (type[i]))
            return set_invalid (error, _("The PNG image “%s” is damaged or cut short."), name);
        }

      if (crc32_of (type, 4 + chunk_length) != read_be32 (type + 4 + chunk_length))
        return set_invalid (error, _("The PNG image “%s” is damaged: a checksum inside it does "
                                     "not match."),
                            name);

      if (pos == sizeof signature)
        {
          const guchar *ihdr = type + 4;

          if (memcmp (type, "IHDR", 4) != 0 || chunk_length != 13)
            return set_invalid (error, _("The PNG image “%s” is damaged or cut short."), name);

          info->width = read_be32 (ihdr);
          info->height = read_be32 (ihdr + 4);
          if (info->width == 0 || info->height == 0 ||
              !png_depth_is_valid (ihdr[9], ihdr[8]) ||
              ihdr[10] != 0 || ihdr[11] != 0 || ihdr[12] > 1)
            return set_invalid (error, _("The PNG image “%s” is damaged: its header is not valid."),
                                name);

          if (!check_dimensions (name, info->width, info->height, error))
            return FALSE;
        }
      else if (memcmp (type, "IDAT", 4) == 0)
        {
          seen_data = TRUE;
        }
      else if (memcmp (type, "IEND", 4) == 0)
        {
          break;
        }

      pos += 12 + (gsize) chunk_length;
    }

  if (!seen_data)
    return set_invalid (error, _("The PNG image “%s” holds no picture."), name);

  return TRUE;
}

/* JPEG */

static gboolean
is_start_of_frame (guint marker)
{
  return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
}

static gboolean
check_jpeg (const char        *name,
            const guchar      *data,
            gsize              length,
            RapportMediaInfo  *info,
            GError           **error)
{
  gboolean seen_frame = FALSE;
  gsize pos = 2;

  if (length < 4 || data[0] != 0xff || data[1] != 0xd8 || data[2] != 0xff)
    return set_invalid (error,
                        _("“%s” is not a JPEG image, although its name ends in .jpg or .jpeg."),
                        name);

  while (TRUE)
    {
      guint marker;
      guint segment_length;

      /* Markers may be padded with any number of 0xff bytes. */
      if (pos >= length || data[pos] != 0xff)
        return set_invalid (error, _("The JPEG image “%s” is damaged or cut short."), name);
      while (pos < length && data[pos] == 0xff)
        pos++;
      if (pos >= length)
        return set_invalid (error, _("The JPEG image “%s” is damaged or cut short."), name);

      marker = data[pos++];

      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        continue;   /* no length */

      if (marker == 0xd9 || marker == 0xd8 || marker == 0x00)
        return set_invalid (error, _("The JPEG image “%s” is damaged or cut short."), name);

      if (length - pos < 2)
        return set_invalid (error, _("The JPEG image “%s” is damaged or cut short."), name);

      segment_length = read_be16 (data + pos);
      if (segment_length < 2 || segment_length > length - pos)
        return set_invalid (error, _("The JPEG image “%s” is damaged or cut short."), name);

      if (is_start_of_frame (marker))
        {
          if (segment_length < 8)
            return set_invalid (error, _("The JPEG image “%s” is damaged or cut short."), name);

          info->height = read_be16 (data + pos + 3);
          info->width = read_be16 (data + pos + 5);
          if (info->width == 0 || info->height == 0)
            return set_invalid (error, _("The JPEG image “%s” is damaged: it has no size."), name);
          if (!check_dimensions (name, info->width, info->height, error))
            return FALSE;
          seen_frame = TRUE;
        }

      pos += segment_length;

      if (marker == 0xda)
        break;   /* start of scan: compressed data follows */
    }

  if (!seen_frame)
    return set_invalid (error, _("The JPEG image “%s” is damaged: it has no size."), name);

  /* The scan ends with the end-of-image marker. */
  for (gsize i = length - 1; i > pos; i--)
    {
      if (data[i] == 0xd9 && data[i - 1] == 0xff)
        return TRUE;
    }

  return set_invalid (error, _("The JPEG image “%s” is damaged or cut short."), name);
}

/* SVG */

static void
on_svg_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  xmlErrorPtr *first = ctxt->_private;

  if (*first == NULL && error->level >= XML_ERR_ERROR)
    {
      *first = g_new0 (xmlError, 1);
      xmlCopyError (error, *first);
    }
}

static void
free_xml_error (xmlErrorPtr error)
{
  xmlResetError (error);
  g_free (error);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlError, free_xml_error)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* "url(" that is not followed by "#": a reference outside the file. */
static gboolean
has_external_url (const char *text)
{
  for (const char *p = strstr (text, "url("); p != NULL; p = strstr (p + 4, "url("))
    {
      const char *q = p + 4;

      while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r' || *q == '"' || *q == '\'')
        q++;
      if (*q != '#')
        return TRUE;
    }

  return strstr (text, "@import") != NULL;
}

static gboolean
is_internal_href (const char *value)
{
  while (*value == ' ' || *value == '\t' || *value == '\n' || *value == '\r')
    value++;

  return value[0] == '#' ||
         g_str_has_prefix (value, "data:image/png;") ||
         g_str_has_prefix (value, "data:image/jpeg;");
}

typedef struct
{
  const char *name;
  guint       n_elements;
  guint      *line;
  guint64     embedded_pixels;
} SvgWalk;

/* A PNG or JPEG inside the SVG, as a data: URL. The SVG renderer decodes it
 * like any picture, so it gets the same checks, and all of them together
 * no more pixels than one picture may have: a few kilobytes of base64 can
 * otherwise ask for gigabytes.
 */
static gboolean
check_embedded_image (SvgWalk     *w,
                      const char  *value,
                      GError     **error)
{
  g_autofree guchar *decoded = NULL;
  g_autoptr(GError) local_error = NULL;
  RapportMediaInfo info = { 0 };
  const char *payload;
  gboolean png;
  gsize length = 0;

  while (*value == ' ' || *value == '\t' || *value == '\n' || *value == '\r')
    value++;

  if (value[0] == '#')
    return TRUE;

  png = g_str_has_prefix (value, "data:image/png;base64,");
  if (!png && !g_str_has_prefix (value, "data:image/jpeg;base64,"))
    return set_invalid (error, _("The SVG image “%s” holds a picture Rapport cannot check; "
                                 "embed pictures as base64 PNG or JPEG."),
                        w->name);

  payload = strchr (value, ',') + 1;
  decoded = g_base64_decode (payload, &length);
  if (length == 0 ||
      !(png ? check_png (w->name, decoded, length, &info, &local_error) :
              check_jpeg (w->name, decoded, length, &info, &local_error)))
    return set_invalid (error, _("A picture inside the SVG image “%s” is damaged or too large."),
                        w->name);

  w->embedded_pixels += (guint64) info.width * info.height;
  if (w->embedded_pixels > RAPPORT_MEDIA_MAX_PIXELS)
    return set_invalid (error, _("The pictures inside the SVG image “%s” have more than %u "
                                 "pixels together; make them smaller."),
                        w->name, RAPPORT_MEDIA_MAX_PIXELS);

  return TRUE;
}

static gboolean
walk_svg (SvgWalk  *w,
          xmlNode  *node,
          GError  **error)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ENTITY_REF_NODE)
        {
          *w->line = xmlGetLineNo (node);
          return set_invalid (error, _("The SVG image “%s” uses an entity reference; "
                                       "pictures in a pack cannot."),
                              w->name);
        }

      if (node->type != XML_ELEMENT_NODE)
        continue;

      *w->line = MAX (xmlGetLineNo (node), 0);

      if (++w->n_elements > SVG_MAX_ELEMENTS)
        return set_invalid (error, _("The SVG image “%s” has more than %u elements; simplify it."),
                            w->name, SVG_MAX_ELEMENTS);

      if (xmlStrEqual (node->name, (const xmlChar *) "script"))
        return set_invalid (error, _("The SVG image “%s” contains a script; pictures in a pack "
                                     "cannot run code."),
                            w->name);

      if (xmlStrEqual (node->name, (const xmlChar *) "foreignObject"))
        return set_invalid (error, _("The SVG image “%s” contains <foreignObject>, which Rapport "
                                     "cannot show."),
                            w->name);

      if (xmlStrEqual (node->name, (const xmlChar *) "style"))
        {
          for (xmlNode *child = node->children; child != NULL; child = child->next)
            {
              if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
                  child->content != NULL && has_external_url ((const char *) child->content))
                return set_invalid (error, _("The SVG image “%s” refers to a file outside itself; "
                                             "a picture in a pack must hold everything it shows."),
                                    w->name);
            }
        }

      for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
        {
          g_autofree char *value = NULL;
          xmlChar *raw = xmlNodeGetContent ((xmlNode *) attr);

          value = g_strdup (raw != NULL ? (const char *) raw : "");
          xmlFree (raw);

          if (g_ascii_strncasecmp ((const char *) attr->name, "on", 2) == 0)
            return set_invalid (error, _("The SVG image “%s” contains a script; pictures in a pack "
                                         "cannot run code."),
                                w->name);

          if ((xmlStrEqual (attr->name, (const xmlChar *) "href") && !is_internal_href (value)) ||
              has_external_url (value))
            return set_invalid (error, _("The SVG image “%s” refers to a file outside itself; "
                                         "a picture in a pack must hold everything it shows."),
                                w->name);

          if (xmlStrEqual (attr->name, (const xmlChar *) "href") &&
              !check_embedded_image (w, value, error))
            return FALSE;
        }

      if (!walk_svg (w, node->children, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_svg (const char        *name,
           const char        *data,
           gsize              length,
           guint             *line,
           GError           **error)
{
  g_autoptr(xmlError) first_error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlParserCtxtPtr ctxt;
  xmlNode *root;
  SvgWalk walk = { name, 0, line, 0 };

  if (length >= 2 && (guchar) data[0] == 0x1f && (guchar) data[1] == 0x8b)
    return set_invalid (error, _("The SVG image “%s” is compressed (SVGZ); save it as plain SVG."),
                        name);

  if (memchr (data, '\0', length) != NULL || !g_utf8_validate_len (data, length, NULL))
    return set_invalid (error, _("The SVG image “%s” is not UTF-8 text; save it as UTF-8."), name);

  /* No DTD means no entity can be declared, so none can expand later. */
  if (g_strstr_len (data, length, "<!DOCTYPE") != NULL || g_strstr_len (data, length, "<!ENTITY") != NULL)
    return set_invalid (error, _("The SVG image “%s” must not have a document type declaration "
                                 "(<!DOCTYPE …>); remove it."),
                        name);

  if (length > G_MAXINT)
    return set_invalid (error, _("The SVG image “%s” is too large."), name);

  rapport_libxml_init ();

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    return set_invalid (error, _("Out of memory."));

  ctxt->_private = &first_error;
  ctxt->sax->serror = on_svg_error_cb;
  doc = xmlCtxtReadMemory (ctxt, data, (int) length, NULL, "UTF-8", SVG_PARSE_OPTIONS);

  if (doc == NULL || !ctxt->wellFormed || first_error != NULL)
    {
      g_autofree char *message = g_strdup (first_error != NULL && first_error->message != NULL ?
                                           first_error->message : "?");

      *line = first_error != NULL && first_error->line > 0 ? (guint) first_error->line : 0;
      xmlFreeParserCtxt (ctxt);
      return set_invalid (error, _("The SVG image “%s” is not well-formed XML: %s."),
                          name, g_strchomp (message));
    }

  xmlFreeParserCtxt (ctxt);

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    return set_invalid (error, _("The SVG image “%s” must not have a document type declaration "
                                 "(<!DOCTYPE …>); remove it."),
                        name);

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !xmlStrEqual (root->name, (const xmlChar *) "svg") ||
      root->ns == NULL || !xmlStrEqual (root->ns->href, (const xmlChar *) SVG_NAMESPACE))
    {
      *line = root != NULL ? MAX (xmlGetLineNo (root), 0) : 0;
      return set_invalid (error, _("“%s” is not an SVG image: it needs an <svg> element with "
                                   "xmlns=\"%s\"."),
                          name, SVG_NAMESPACE);
    }

  if (!walk_svg (&walk, root, error))
    return FALSE;

  *line = 0;

  return TRUE;
}

/**
 * rapport_media_check:
 * @name: the picture's path in the pack, such as "media/till.png"; its
 *   extension says what it must be
 * @bytes: its content
 * @info: (out) (optional): its type and size
 * @line: (out) (optional): for an SVG problem, its line; otherwise 0
 *
 * Returns: %TRUE when the picture is what its name says and can be shown;
 * otherwise %FALSE with a %RAPPORT_PACK_ERROR_INVALID error that says why.
 */
gboolean
rapport_media_check (const char        *name,
                     GBytes            *bytes,
                     RapportMediaInfo  *info,
                     guint             *line,
                     GError           **error)
{
  RapportMediaInfo own_info = { 0 };
  guint own_line = 0;
  const guchar *data;
  gsize length;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (info == NULL)
    info = &own_info;
  if (line == NULL)
    line = &own_line;

  *line = 0;
  memset (info, 0, sizeof *info);
  data = g_bytes_get_data (bytes, &length);

  if (length == 0)
    return set_invalid (error, _("The picture “%s” is empty."), name);

  if (g_str_has_suffix (name, ".png"))
    {
      info->type = RAPPORT_MEDIA_PNG;
      return check_png (name, data, length, info, error);
    }

  if (g_str_has_suffix (name, ".jpg") || g_str_has_suffix (name, ".jpeg"))
    {
      info->type = RAPPORT_MEDIA_JPEG;
      return check_jpeg (name, data, length, info, error);
    }

  if (g_str_has_suffix (name, ".svg"))
    {
      info->type = RAPPORT_MEDIA_SVG;
      return check_svg (name, (const char *) data, length, line, error);
    }

  return set_invalid (error, _("“%s” is not a picture Rapport can show: use PNG, JPEG or SVG."),
                      name);
}
