/* fuzz-picture-decoder.c: any bytes as a picture for rapport-picture-decoder.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The first byte says what the rest is, as the decoder's --type does: 'P'
 * a PNG, 'J' a JPEG, anything else an SVG. The rest is decoded and written
 * exactly as the decoder does it, without its sandbox (this process is the
 * sandbox), and the output must be what its header announces. The limits
 * are smaller than the app's so that each input stays quick.
 */

#include "config.h"

#include <string.h>

#include "rapport-picture-decode.h"
#include "rapport-picture-protocol.h"

#include "fuzz-common.h"

#define FUZZ_MAX_PIXELS   (256 * 256)
#define FUZZ_MAX_SVG_SIZE 256

typedef struct
{
  RapportPictureHeader header;
  gsize                length;
} Output;

static gboolean
count_cb (const guchar  *data,
          gsize          length,
          gpointer       user_data,
          GError       **error)
{
  Output *output = user_data;

  if (output->length == 0)
    {
      g_assert_cmpuint (length, ==, sizeof output->header);
      memcpy (&output->header, data, sizeof output->header);
    }
  output->length += length;

  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  RapportPictureLimits limits = { FUZZ_MAX_PIXELS, FUZZ_MAX_SVG_SIZE };
  RapportMediaType type = RAPPORT_MEDIA_SVG;
  g_autoptr(GError) error = NULL;
  Output output = { { { 0 } }, 0 };
  gboolean written;

  fuzz_init_once ();
  /* Unlike the other readers, this one hands its bytes to libraries that
   * warn about what they are fed (Pango: "failed to create cairo scaled
   * font" for an SVG's font size of two million): their warnings are not
   * a failed check in Rapport, whose decoder reports through its GError.
   * Criticals stay fatal.
   */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);

  /* The decoder refuses an empty picture, and one over its size, before
   * it decodes anything (gdk-pixbuf leaks a little on an empty one).
   */
  if (size < 2 || size - 1 > RAPPORT_PICTURE_MAX_INPUT)
    return 0;

  if (data[0] == 'P')
    type = RAPPORT_MEDIA_PNG;
  else if (data[0] == 'J')
    type = RAPPORT_MEDIA_JPEG;

  written = rapport_picture_decode_and_write (type, &limits, data + 1, size - 1, count_cb, &output,
                                              &error);
  if (!written)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpmem (output.header.magic, RAPPORT_PICTURE_MAGIC_LENGTH,
                   RAPPORT_PICTURE_MAGIC, RAPPORT_PICTURE_MAGIC_LENGTH);
  g_assert_cmpuint (output.header.width, >, 0);
  g_assert_cmpuint (output.header.height, >, 0);
  g_assert_cmpuint (output.header.rowstride, ==,
                    output.header.width * (output.header.format == RAPPORT_PICTURE_FORMAT_RGBA8 ? 4 : 3));
  g_assert_cmpuint (output.length, ==,
                    sizeof output.header + (gsize) output.header.rowstride * output.header.height);

  /* The limits held. */
  if (type == RAPPORT_MEDIA_SVG)
    g_assert_cmpuint (MAX (output.header.width, output.header.height), <=, FUZZ_MAX_SVG_SIZE);
  else
    g_assert_cmpuint ((guint64) output.header.width * output.header.height, <=, FUZZ_MAX_PIXELS);

  return 0;
}
