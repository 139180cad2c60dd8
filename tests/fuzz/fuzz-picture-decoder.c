/* fuzz-picture-decoder.c: any bytes as the request rapport-picture-decoder reads.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The input is what the decoder reads on standard input once it has
 * locked itself down: a RapportPictureRequest (magic, type, length) and the
 * picture's bytes (rapport-picture-protocol.h). It is read as the decoder
 * reads it, through rapport_picture_read_request(), in pieces of varying
 * size as a pipe hands them over; the request must be taken exactly when
 * it is well formed and its length is that of the rest. A picture taken is
 * decoded and written exactly as the decoder does it, without its sandbox
 * (this process is the sandbox), and the output must be what its header
 * announces. The limits are smaller than the app's so that each input
 * stays quick.
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "rapport-picture-decode.h"
#include "rapport-picture-protocol.h"

#include "fuzz-common.h"

#define FUZZ_MAX_PIXELS   (256 * 256)
#define FUZZ_MAX_SVG_SIZE 256

typedef struct
{
  const uint8_t *data;
  size_t         size;
  size_t         offset;
  guint          n_reads;
} Input;

typedef struct
{
  RapportPictureHeader header;
  gsize                length;
} Output;

/* A pipe gives what it has, often less than was asked for. */
static gssize
read_cb (guchar  *buffer,
         gsize    size,
         gpointer user_data,
         GError **error)
{
  static const gsize pieces[] = { 1, 7, 4096, 65536, 3 };
  Input *input = user_data;
  gsize piece = pieces[input->n_reads++ % G_N_ELEMENTS (pieces)];
  gsize n = MIN (MIN (size, input->size - input->offset), piece);

  memcpy (buffer, input->data + input->offset, n);
  input->offset += n;

  return (gssize) n;
}

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

/* What the protocol says of INPUT, worked out apart from the reader. */
static gboolean
is_well_formed (const uint8_t *data,
                size_t         size)
{
  RapportPictureRequest request;

  if (size < sizeof request)
    return FALSE;

  memcpy (&request, data, sizeof request);

  return memcmp (request.magic, RAPPORT_PICTURE_REQUEST_MAGIC, RAPPORT_PICTURE_MAGIC_LENGTH) == 0 &&
         request.type >= RAPPORT_PICTURE_REQUEST_PNG && request.type <= RAPPORT_PICTURE_REQUEST_SVG &&
         request.length >= 1 && request.length <= RAPPORT_PICTURE_MAX_INPUT &&
         size - sizeof request == request.length;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  RapportPictureLimits limits = { FUZZ_MAX_PIXELS, FUZZ_MAX_SVG_SIZE };
  RapportMediaType type = RAPPORT_MEDIA_SVG;
  g_autoptr(GBytes) picture = NULL;
  g_autoptr(GError) error = NULL;
  Input input = { data, size, 0, 0 };
  Output output = { { { 0 } }, 0 };
  const guchar *bytes;
  gsize length;
  gboolean written;

  fuzz_init_once ();
  /* Unlike the other readers, this one hands its bytes to libraries that
   * warn about what they are fed (Pango: "failed to create cairo scaled
   * font" for an SVG's font size of two million): their warnings are not
   * a failed check in Rapport, whose decoder reports through its GError.
   * Criticals stay fatal.
   */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);

  picture = rapport_picture_read_request (read_cb, &input, &type, &error);
  g_assert_cmpint (picture != NULL, ==, is_well_formed (data, size));
  if (picture == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_no_error (error);
  bytes = g_bytes_get_data (picture, &length);
  g_assert_cmpmem (bytes, length, data + sizeof (RapportPictureRequest), size - sizeof (RapportPictureRequest));

  written = rapport_picture_decode_and_write (type, &limits, bytes, length, count_cb, &output, &error);
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
