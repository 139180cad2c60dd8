/* profile-pack.c: the lesson packs of rapport-bench-profile
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each pack is written as a trainer would write it (pack.json, one topic of
 * three lessons with a quiz of eight questions, journal prompts and a rubric,
 * a PNG and an SVG picture), built into a .rapportpack file by the code of
 * `rapport-pack build`, and installed by the code the Packs view runs.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "profile.h"
#include "rapport-pack-install.h"
#include "rapport-skill.h"

/* A screenshot-sized picture, as a trainer would put in a lesson. */
#define PNG_WIDTH  960
#define PNG_HEIGHT 540

static const char *subjects[] = {
  "a late delivery", "a refund", "a billing error", "a broken device", "a cancelled order",
  "a price change", "a password reset", "a missing parcel", "a double charge", "the warranty",
};

static const char *icons[] = {
  "user-available-symbolic", "mail-unread-symbolic", "edit-undo-symbolic",
  "dialog-information-symbolic", "x-office-calendar-symbolic",
};

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("rapport-bench-profile: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static void
write_file (const char *folder,
            const char *name,
            const char *contents,
            gsize       length)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (parent, 0755) != 0)
    die (parent, NULL);
  if (!g_file_set_contents (path, contents, (gssize) length, &error))
    die ("writing a pack file", error);
}

/* A lesson's text: every kind of block the course uses. */
static void
append_lesson (GString    *xml,
               guint       pack,
               guint       lesson,
               const char *subject,
               gboolean    figures)
{
  g_string_append_printf (xml,
    "  <lesson key=\"lesson-%u\" minutes=\"%u\">\n"
    "    <title>Calls about %s, part %u</title>\n"
    "    <section>\n"
    "      <heading>Listen first</heading>\n"
    "      <p>A customer who calls about %s usually says three things in the first\n"
    "         minute: what happened, how it affects them, and what they want now.\n"
    "         Let them finish. <strong>Write down the details</strong> as you hear\n"
    "         them, and say back what you understood before you look anything up.</p>\n",
    lesson + 1, 3 + lesson, subject, lesson + 1, subject);
  if (figures)
    g_string_append (xml,
      "      <figure src=\"media/steps.svg\"\n"
      "              alt=\"Four steps in a row: listen, check, offer, confirm.\"/>\n"
      "      <figure src=\"media/screen.png\"\n"
      "              alt=\"The order screen: the order number at the top, the items below, the total in bold.\"/>\n");
  g_string_append_printf (xml,
    "      <p>Pack %u, lesson %u. If the customer has no reference at hand, ask for\n"
    "         the e-mail address or the date instead. <em>Never</em> guess: a wrong\n"
    "         order costs more time than the question.</p>\n"
    "      <list ordered=\"true\">\n"
    "        <item>Find the order and check its date.</item>\n"
    "        <item>Check what was delivered, and when.</item>\n"
    "        <item>Look for an earlier call about the same order.</item>\n"
    "      </list>\n"
    "      <tip>Repeat numbers back digit by digit.</tip>\n"
    "    </section>\n"
    "    <section>\n"
    "      <heading>Say what happens next</heading>\n"
    "      <instead>\n"
    "        <avoid>Hold on, I need to find you in the system.</avoid>\n"
    "        <try>Thank you. I have your order from 3 March in front of me now.</try>\n"
    "        <why>Naming the order shows that you found it and are working on it.</why>\n"
    "      </instead>\n"
    "      <dialogue>\n"
    "        <caption>A call about %s</caption>\n"
    "        <line speaker=\"customer\">This is the second time I am calling about this.</line>\n"
    "        <line speaker=\"agent\">I am sorry you had to call again. Let me sort it out now.</line>\n"
    "      </dialogue>\n"
    "      <quote source=\"A team lead\">A clear answer with a date is kinder than a maybe.</quote>\n"
    "    </section>\n"
    "    <takeaways>\n"
    "      <item>Let the customer finish, then confirm the details.</item>\n"
    "      <item>End with what happens next, and when.</item>\n"
    "    </takeaways>\n"
    "  </lesson>\n\n",
    pack + 1, lesson + 1, subject);
}

/* Eight questions, every kind. */
static void
append_quiz (GString    *xml,
             const char *subject)
{
  g_string_append_printf (xml,
    "  <quiz pass-mark=\"70\">\n"
    "    <single key=\"first-step\">\n"
    "      <prompt>What comes first on a call about %s?</prompt>\n"
    "      <choice correct=\"true\"><text>Listening until the customer has finished.</text></choice>\n"
    "      <choice><text>Looking up the account.</text>\n"
    "        <feedback>Look it up once you know what to look for.</feedback></choice>\n"
    "      <choice><text>Explaining the policy.</text></choice>\n"
    "      <explanation>The customer first needs to be heard.</explanation>\n"
    "    </single>\n"
    "    <single key=\"reference\">\n"
    "      <prompt>The customer has no order number. What do you ask for?</prompt>\n"
    "      <choice><text>Nothing: you guess from the name.</text></choice>\n"
    "      <choice correct=\"true\"><text>The e-mail address or the date of the order.</text></choice>\n"
    "      <explanation>Both find the order without a guess.</explanation>\n"
    "    </single>\n"
    "    <multiple key=\"close-the-call\">\n"
    "      <prompt>What do you say before you end the call? Select all that apply.</prompt>\n"
    "      <choice correct=\"true\"><text>What happens next.</text></choice>\n"
    "      <choice correct=\"true\"><text>When it happens.</text></choice>\n"
    "      <choice><text>Today's special offers.</text>\n"
    "        <feedback>Offers can wait.</feedback></choice>\n"
    "      <choice correct=\"true\"><text>How to reach you again.</text></choice>\n"
    "      <explanation>What, when and how to follow up.</explanation>\n"
    "    </multiple>\n"
    "    <truefalse key=\"repeat-numbers\" answer=\"true\">\n"
    "      <prompt>Repeating a number back saves time.</prompt>\n"
    "      <explanation>A wrong digit costs more than the repetition.</explanation>\n"
    "    </truefalse>\n"
    "    <truefalse key=\"guess\" answer=\"false\">\n"
    "      <prompt>A good guess is as good as the order number.</prompt>\n"
    "      <explanation>Never guess an order.</explanation>\n"
    "    </truefalse>\n"
    "    <scenario key=\"second-call\">\n"
    "      <dialogue>\n"
    "        <line speaker=\"customer\">I am calling about %s, again.</line>\n"
    "      </dialogue>\n"
    "      <prompt>What should the agent say?</prompt>\n"
    "      <reply score=\"2\"><text>I am sorry you had to call again. I will sort it out now.</text>\n"
    "        <feedback>It acknowledges the second call and takes it on.</feedback></reply>\n"
    "      <reply score=\"1\"><text>What is your order number?</text>\n"
    "        <feedback>Useful, but cold.</feedback></reply>\n"
    "      <reply score=\"0\"><text>Please hold.</text>\n"
    "        <feedback>The customer is left waiting, again.</feedback></reply>\n"
    "      <explanation>Acknowledge first, then act.</explanation>\n"
    "    </scenario>\n"
    "    <ordering key=\"call-order\">\n"
    "      <prompt>Put the steps of the call in order.</prompt>\n"
    "      <step>Listen.</step>\n"
    "      <step>Confirm the details.</step>\n"
    "      <step>Find the order.</step>\n"
    "      <step>Say what happens next.</step>\n"
    "      <explanation>From listening to the next step.</explanation>\n"
    "    </ordering>\n"
    "    <single key=\"tone\">\n"
    "      <prompt>The customer is upset. Which reply helps most?</prompt>\n"
    "      <choice><text>Calm down, please.</text></choice>\n"
    "      <choice correct=\"true\"><text>I can hear this has been frustrating.</text></choice>\n"
    "      <choice><text>That is not my department.</text></choice>\n"
    "      <explanation>Naming the feeling lowers it.</explanation>\n"
    "    </single>\n"
    "  </quiz>\n\n",
    subject, subject);
}

static char *
topic_xml (guint pack)
{
  const char *subject = subjects[pack % G_N_ELEMENTS (subjects)];
  const char *skill = rapport_skill_get_nth (pack % rapport_skill_get_count ())->key;
  GString *xml = g_string_new (NULL);

  g_string_append_printf (xml,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<topic format=\"1\" key=\"" PROFILE_TOPIC_KEY_FORMAT "\" skill=\"%s\"\n"
    "       icon=\"%s\" xml:lang=\"en\">\n"
    "  <title>Calls about %s (pack %u)</title>\n"
    "  <summary>Find the order, say what you can do, and tell the customer what happens next.</summary>\n\n",
    pack + 1, skill, icons[pack % G_N_ELEMENTS (icons)], subject, pack + 1);

  for (guint lesson = 0; lesson < 3; lesson++)
    append_lesson (xml, pack, lesson, subject, lesson == 0);
  append_quiz (xml, subject);

  g_string_append (xml,
    "  <journal>\n"
    "    <prompt>What did the customer want, in their own words?</prompt>\n"
    "    <prompt>What did you say about the next step?</prompt>\n"
    "  </journal>\n\n"
    "  <rubric>\n"
    "    <level value=\"1\">Interrupts and guesses.</level>\n"
    "    <level value=\"2\">Listens, but does not confirm the details.</level>\n"
    "    <level value=\"3\">Listens and confirms on most calls.</level>\n"
    "    <level value=\"4\">Listens, confirms and says what happens next on every call.</level>\n"
    "    <level value=\"5\">Does all of that and adapts to the customer's mood.</level>\n"
    "  </rubric>\n"
    "</topic>\n");

  return g_string_free (xml, FALSE);
}

static char *
manifest_json (guint pack)
{
  return g_strdup_printf (
    "{\n"
    "  \"id\": \"" PROFILE_PACK_ID_FORMAT "\",\n"
    "  \"title\": \"Benchmark pack %u\",\n"
    "  \"version\": \"1.0\",\n"
    "  \"authors\": [\"Rapport benchmarks\"],\n"
    "  \"language\": \"en\",\n"
    "  \"license\": \"CC-BY-4.0\",\n"
    "  \"description\": \"A generated pack: one topic of three lessons with pictures, and a quiz.\",\n"
    "  \"min_rapport_version\": \"0.1.0\",\n"
    "  \"topics\": [ { \"file\": \"topics/" PROFILE_TOPIC_KEY_FORMAT ".xml\" } ],\n"
    "  \"media\": [ { \"file\": \"media/screen.png\" }, { \"file\": \"media/steps.svg\" } ]\n"
    "}\n",
    pack + 1, pack + 1, pack + 1);
}

/* A diagram with text, as trainers draw them. */
static char *
svg_picture (guint pack)
{
  static const char *steps[] = { "Listen", "Check", "Offer", "Confirm" };
  GString *svg = g_string_new (NULL);

  g_string_append (svg,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"200\" viewBox=\"0 0 640 200\">\n"
    "  <defs>\n"
    "    <linearGradient id=\"box\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">\n"
    "      <stop offset=\"0\" stop-color=\"#e8f0fe\"/><stop offset=\"1\" stop-color=\"#c6dcfb\"/>\n"
    "    </linearGradient>\n"
    "  </defs>\n");
  g_string_append_printf (svg,
    "  <text x=\"320\" y=\"30\" font-family=\"sans-serif\" font-size=\"18\" text-anchor=\"middle\">"
    "A good call, pack %u</text>\n", pack + 1);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      guint x = 20 + i * 155;

      g_string_append_printf (svg,
        "  <rect x=\"%u\" y=\"60\" width=\"130\" height=\"80\" rx=\"12\" fill=\"url(#box)\" "
        "stroke=\"#3584e4\" stroke-width=\"2\"/>\n"
        "  <text x=\"%u\" y=\"106\" font-family=\"sans-serif\" font-size=\"16\" "
        "text-anchor=\"middle\">%u. %s</text>\n",
        x, x + 65, i + 1, steps[i]);
      if (i + 1 < G_N_ELEMENTS (steps))
        g_string_append_printf (svg,
          "  <path d=\"M%u 100h17l-6 -6m6 6l-6 6\" fill=\"none\" stroke=\"#1c71d8\" stroke-width=\"3\"/>\n",
          x + 134);
    }
  g_string_append (svg,
    "  <circle cx=\"320\" cy=\"172\" r=\"10\" fill=\"#2ec27e\"/>\n"
    "</svg>\n");

  return g_string_free (svg, FALSE);
}

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A screenshot of an order screen, with a photo-like (noisy) area so that
 * the file is about the size of a real one.
 */
static GBytes *
png_picture (guint pack)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, PNG_WIDTH, PNG_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, 0, PNG_HEIGHT);
  g_autoptr(GRand) rand = g_rand_new_with_seed (pack);
  GByteArray *png = g_byte_array_new ();
  unsigned char *pixels;
  int stride;

  cairo_pattern_add_color_stop_rgb (gradient, 0, 0.98, 0.98, 0.98);
  cairo_pattern_add_color_stop_rgb (gradient, 1, 0.90, 0.92, 0.95);
  cairo_set_source (cr, gradient);
  cairo_paint (cr);
  cairo_pattern_destroy (gradient);

  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_rectangle (cr, 0, 0, PNG_WIDTH, 56);
  cairo_fill (cr);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 24);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, 24, 38);
  cairo_show_text (cr, "Order 4711-0815");

  cairo_set_font_size (cr, 18);
  for (int row = 0; row < 8; row++)
    {
      g_autofree char *line = g_strdup_printf ("Item %d: %s, %d.%02d EUR", row + 1,
                                               subjects[(pack + row) % G_N_ELEMENTS (subjects)],
                                               g_rand_int_range (rand, 5, 200),
                                               g_rand_int_range (rand, 0, 100));

      cairo_set_source_rgb (cr, row % 2 ? 0.95 : 1.0, row % 2 ? 0.96 : 1.0, 1.0);
      cairo_rectangle (cr, 24, 80 + row * 48, 560, 44);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, 40, 108 + row * 48);
      cairo_show_text (cr, line);
    }
  cairo_destroy (cr);

  /* The photo: a smooth picture with sensor noise, which PNG compresses
   * poorly, as it does real photos.
   */
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 80; y < 464; y++)
    for (int x = 612; x < 936; x++)
      {
        guint32 *p = (guint32 *) (pixels + y * stride) + x;
        int r = 120 + (x - 612) / 3 + g_rand_int_range (rand, -12, 13);
        int g = 90 + (y - 80) / 3 + g_rand_int_range (rand, -12, 13);
        int b = 160 + g_rand_int_range (rand, -12, 13);

        *p = (guint32) (CLAMP (r, 0, 255) << 16 | CLAMP (g, 0, 255) << 8 | CLAMP (b, 0, 255));
      }
  cairo_surface_mark_dirty (surface);

  if (cairo_surface_write_to_png_stream (surface, append_png_cb, png) != CAIRO_STATUS_SUCCESS)
    die ("drawing the PNG picture", NULL);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (png);
}

static void
write_pack (const char *folder,
            guint       pack)
{
  g_autofree char *manifest = manifest_json (pack);
  g_autofree char *topic = topic_xml (pack);
  g_autofree char *topic_name = g_strdup_printf ("topics/" PROFILE_TOPIC_KEY_FORMAT ".xml", pack + 1);
  g_autofree char *svg = svg_picture (pack);
  g_autoptr(GBytes) png = png_picture (pack);

  write_file (folder, RAPPORT_PACK_MANIFEST, manifest, strlen (manifest));
  write_file (folder, topic_name, topic, strlen (topic));
  write_file (folder, "media/steps.svg", svg, strlen (svg));
  write_file (folder, "media/screen.png", g_bytes_get_data (png, NULL), g_bytes_get_size (png));
}

static void
print_problems (const char *what,
                GPtrArray  *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = rapport_problem_to_string (problems->pdata[i]);

      g_printerr ("rapport-bench-profile: %s: %s\n", what, text);
    }
}

/**
 * profile_install_packs:
 * @data_dir: Rapport's data folder ($XDG_DATA_HOME/rapport)
 * @work_dir: an empty folder for the packs' sources and files
 *
 * Writes, builds and installs @n_packs packs, recording them in @store.
 */
void
profile_install_packs (const char         *data_dir,
                       const char         *work_dir,
                       RapportStore       *store,
                       RapportTopicLoader *loader,
                       guint               n_packs,
                       gboolean            verbose)
{
  for (guint pack = 0; pack < n_packs; pack++)
    {
      g_autofree char *name = g_strdup_printf ("pack-%02u", pack + 1);
      g_autofree char *folder = g_build_filename (work_dir, name, NULL);
      g_autofree char *file = g_strconcat (folder, RAPPORT_PACK_FILE_SUFFIX, NULL);
      g_autoptr(GPtrArray) problems = rapport_problem_list_new ();
      g_autoptr(RapportPackInstallResult) result = NULL;
      g_autoptr(GError) error = NULL;

      write_pack (folder, pack);
      if (!rapport_pack_build (folder, file, loader, problems, &error))
        {
          print_problems (folder, problems);
          die ("building a pack", error);
        }
      if (!rapport_pack_install (file, data_dir, store, loader, RAPPORT_PACK_INSTALL_DEFAULT,
                                 &result, problems, &error))
        {
          print_problems (file, problems);
          die ("installing a pack", error);
        }
      if (verbose)
        g_printerr ("installed %s %s in %s\n", result->id, result->version, result->folder);
    }
}
