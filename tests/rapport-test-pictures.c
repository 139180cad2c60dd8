/* rapport-test-pictures.c: hostile and normal pictures, made by the tests that need them.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each hostile picture passes rapport_media_check() (the PNGs: within its
 * pixel limit) and so reaches a decoder; what stops it is the decoder's
 * sandbox. The generators keep the files out of the source tree: they are
 * small, but a reader should not have to open them to know what they are.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

#include "rapport-test-pictures.h"

/* Two hundred overlapping squares, each nearly the size of the canvas and
 * blurred over all of it: 16 KB that keep librsvg busy for about fifty
 * seconds of CPU at 2048 pixels (half a minute on two cores) when nothing
 * stops it; the decoder's limit is four.
 */
GBytes *
rapport_test_blur_svg (void)
{
  GString *svg = g_string_new ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2048\" height=\"2048\">\n"
                               "<defs><filter id=\"b\" x=\"-50%\" y=\"-50%\" width=\"200%\" height=\"200%\">"
                               "<feGaussianBlur stdDeviation=\"400\"/></filter></defs>\n");

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (svg, "<rect x=\"%u\" y=\"%u\" width=\"1600\" height=\"1600\" "
                                 "fill=\"#%06x\" filter=\"url(#b)\"/>\n",
                            (i * 37) % 448, (i * 53) % 448, (i * 99991) % 0xffffff);
  g_string_append (svg, "</svg>\n");

  return g_string_free_to_bytes (svg);
}

/* Nine levels of ten <use> each: a billion squares from 2 KB. */
GBytes *
rapport_test_use_bomb_svg (void)
{
  GString *svg = g_string_new ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">"
                               "<defs><rect id=\"a0\" width=\"1\" height=\"1\"/>");

  for (guint level = 1; level <= 9; level++)
    {
      g_string_append_printf (svg, "<g id=\"a%u\">", level);
      for (guint i = 0; i < 10; i++)
        g_string_append_printf (svg, "<use href=\"#a%u\"/>", level - 1);
      g_string_append (svg, "</g>");
    }
  g_string_append (svg, "</defs><use href=\"#a9\"/></svg>\n");

  return g_string_free_to_bytes (svg);
}

/* A canvas of a million pixels a side, filled and blurred. */
GBytes *
rapport_test_huge_svg (void)
{
  return g_string_free_to_bytes (g_string_new (
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000000\" height=\"1000000\">"
    "<defs><filter id=\"b\"><feGaussianBlur stdDeviation=\"5000\"/></filter></defs>"
    "<rect width=\"1000000\" height=\"1000000\" fill=\"#3584e4\" filter=\"url(#b)\"/></svg>\n"));
}

/* Nested translucent groups: librsvg draws each into a surface of its own,
 * 16 MiB at 2048 × 2048, and holds them all until the innermost is done.
 */
GBytes *
rapport_test_layers_svg (guint n_layers)
{
  GString *svg = g_string_new ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2048\" height=\"2048\">");

  for (guint i = 0; i < n_layers; i++)
    g_string_append_printf (svg, "<g opacity=\"0.99\"><rect width=\"%u\" height=\"2048\" fill=\"red\"/>",
                            2048 - i);
  for (guint i = 0; i < n_layers; i++)
    g_string_append (svg, "</g>");
  g_string_append (svg, "</svg>\n");

  return g_string_free_to_bytes (svg);
}

static void
append_be32 (GByteArray *array,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (array, bytes, 4);
}

static void
append_chunk (GByteArray   *png,
              const char   *type,
              const guint8 *data,
              gsize         length)
{
  guint32 crc = 0xffffffffu;
  gsize start;

  append_be32 (png, (guint32) length);
  start = png->len;
  g_byte_array_append (png, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (png, data, (guint) length);

  for (gsize i = start; i < png->len; i++)
    {
      crc ^= png->data[i];
      for (guint k = 0; k < 8; k++)
        crc = (crc & 1) ? 0xedb88320u ^ (crc >> 1) : crc >> 1;
    }
  append_be32 (png, crc ^ 0xffffffffu);
}

/* A PNG of zeros (black, transparent): its rows compress a thousandfold,
 * so a small file asks for WIDTH × HEIGHT pixels. COLOR_TYPE 0 is grey,
 * 6 RGBA.
 */
GBytes *
rapport_test_png (guint width,
                  guint height,
                  guint depth,
                  guint color_type)
{
  g_autoptr(GConverter) compressor = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9));
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GByteArray) compressed = g_byte_array_new ();
  gsize row_length = 1 + (gsize) width * (color_type == 6 ? 4 : 1) * depth / 8;
  g_autofree guint8 *row = g_malloc0 (row_length);
  guint8 out[65536];
  guint8 ihdr[13];
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  g_byte_array_append (png, signature, sizeof signature);
  ihdr[0] = width >> 24; ihdr[1] = width >> 16; ihdr[2] = width >> 8; ihdr[3] = width;
  ihdr[4] = height >> 24; ihdr[5] = height >> 16; ihdr[6] = height >> 8; ihdr[7] = height;
  ihdr[8] = depth;
  ihdr[9] = color_type;
  ihdr[10] = ihdr[11] = ihdr[12] = 0;
  append_chunk (png, "IHDR", ihdr, sizeof ihdr);

  for (guint y = 0; y <= height; y++)
    {
      GConverterFlags flags = y == height ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS;
      const guint8 *in = row;
      gsize in_left = y == height ? 0 : row_length;
      GConverterResult result;

      do
        {
          gsize read = 0;
          gsize written = 0;
          g_autoptr(GError) error = NULL;

          result = g_converter_convert (compressor, in, in_left, out, sizeof out, flags,
                                        &read, &written, &error);
          g_assert_no_error (error);
          g_byte_array_append (compressed, out, (guint) written);
          in += read;
          in_left -= read;
        }
      while (in_left > 0 || (y == height && result != G_CONVERTER_FINISHED));
    }

  append_chunk (png, "IDAT", compressed->data, compressed->len);
  append_chunk (png, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

/* A picture of the Acme fixture pack, media/NAME. */
GBytes *
rapport_test_read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "packs", "acme", "media", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* A JPEG of 120 × 80 gradients: the fixtures have none. */
GBytes *
rapport_test_jpeg (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 120, 80);
  g_autoptr(GError) error = NULL;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  char *buffer = NULL;
  gsize length = 0;

  for (int y = 0; y < 80; y++)
    for (int x = 0; x < 120; x++)
      {
        pixels[y * rowstride + x * 3] = (guchar) (x * 2);
        pixels[y * rowstride + x * 3 + 1] = (guchar) (y * 3);
        pixels[y * rowstride + x * 3 + 2] = (guchar) ((x + y) & 0xff);
      }

  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "jpeg", &error, "quality", "90", NULL));
  g_assert_no_error (error);

  return g_bytes_new_take (buffer, length);
}

/* A copy of the Acme fixture pack in DIR whose SVG (in its second lesson,
 * media/refund-steps.svg) is the costly blur; returns its folder.
 */
char *
rapport_test_blurred_pack (const char *dir)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "packs", "acme", NULL);
  g_autofree char *folder = g_build_filename (dir, "acme", NULL);
  g_autofree char *svg = g_build_filename (folder, "media", "refund-steps.svg", NULL);
  g_autoptr(GSubprocess) copy = NULL;
  g_autoptr(GBytes) blur = rapport_test_blur_svg ();
  g_autoptr(GError) error = NULL;

  copy = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "cp", "-r", fixture, folder, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (svg, g_bytes_get_data (blur, NULL), g_bytes_get_size (blur), &error));
  g_assert_no_error (error);

  return g_steal_pointer (&folder);
}

/* The value of FIELD ("VmPeak", "Max address space") in /proc/PID/FILE,
 * or NULL.
 */
char *
rapport_test_proc_field (int         pid,
                         const char *file,
                         const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/%s", pid, file);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], field))
        return g_strstrip (g_strdup (lines[i] + strlen (field) + (lines[i][strlen (field)] == ':')));
    }

  return NULL;
}

gboolean
rapport_test_pid_exists (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d", pid);
  g_autofree char *state = rapport_test_proc_field (pid, "status", "State");

  /* A zombie has ended; only its exit status is left to collect. */
  return g_file_test (path, G_FILE_TEST_EXISTS) && state != NULL && state[0] != 'Z';
}

/* The decoder processes that this process started and that still run. */
GArray *
rapport_test_find_decoders (void)
{
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  g_autofree char *self = g_strdup_printf ("%d", (int) getpid ());
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      int pid = atoi (name);
      g_autofree char *parent = NULL;
      g_autofree char *command = NULL;

      if (pid <= 0)
        continue;

      parent = rapport_test_proc_field (pid, "status", "PPid");
      command = rapport_test_proc_field (pid, "status", "Name");
      /* The kernel keeps 15 characters of the name. */
      if (g_strcmp0 (parent, self) == 0 && g_strcmp0 (command, "rapport-picture") == 0 &&
          rapport_test_pid_exists (pid))
        g_array_append_val (pids, pid);
    }

  return pids;
}
