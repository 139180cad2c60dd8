/* rapport-pack-new.c: `rapport-pack new`, a working pack folder to start from
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include "rapport-keys.h"
#include "rapport-pack-tool.h"
#include "rapport-topic-loader.h"

/* The skeleton is English on purpose: it is the trainer's text to replace,
 * and its words show the format, not Rapport's interface.
 */
static const char skeleton_topic[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<!-- Your first topic. Replace the text, keep the structure; see FORMAT.md. -->\n"
  "<topic format=\"1\" key=\"first-topic\" skill=\"communication\"\n"
  "       icon=\"user-available-symbolic\" xml:lang=\"en\">\n"
  "  <title>Greeting a caller</title>\n"
  "  <summary>Open every call with your name, the company and an offer to help.</summary>\n"
  "\n"
  "  <lesson key=\"the-greeting\" minutes=\"3\">\n"
  "    <title>The first ten seconds</title>\n"
  "    <section>\n"
  "      <heading>Three parts of a greeting</heading>\n"
  "      <p>The caller decides in the first seconds whether they are in good hands.\n"
  "         A greeting with <strong>three parts</strong> tells them they are.</p>\n"
  "      <list ordered=\"true\">\n"
  "        <item>Say the company's name.</item>\n"
  "        <item>Say your own name.</item>\n"
  "        <item>Offer to help.</item>\n"
  "      </list>\n"
  "      <figure src=\"media/greeting.svg\"\n"
  "              alt=\"An agent with a headset, and a speech bubble with three short lines.\"/>\n"
  "      <tip>Smile as you speak: callers can hear it.</tip>\n"
  "      <instead>\n"
  "        <avoid>Yeah, hello?</avoid>\n"
  "        <try>Good morning, Example Company, this is Sam. How can I help?</try>\n"
  "        <why>The caller knows at once that they reached the right place and a person who listens.</why>\n"
  "      </instead>\n"
  "    </section>\n"
  "    <takeaways>\n"
  "      <item>Company, name, offer to help: every call, every time.</item>\n"
  "    </takeaways>\n"
  "  </lesson>\n"
  "\n"
  "  <quiz pass-mark=\"70\">\n"
  "    <single key=\"first-part\">\n"
  "      <prompt>What comes first in the greeting?</prompt>\n"
  "      <choice correct=\"true\"><text>The company's name.</text></choice>\n"
  "      <choice><text>The caller's account number.</text>\n"
  "        <feedback>Ask for details after you have greeted the caller.</feedback></choice>\n"
  "      <explanation>The caller first wants to know that they reached the right company.</explanation>\n"
  "    </single>\n"
  "    <multiple key=\"greeting-parts\">\n"
  "      <prompt>Which parts belong in the greeting? Select all that apply.</prompt>\n"
  "      <choice correct=\"true\"><text>The company's name.</text></choice>\n"
  "      <choice correct=\"true\"><text>Your own name.</text></choice>\n"
  "      <choice correct=\"true\"><text>An offer to help.</text></choice>\n"
  "      <choice><text>Today's special offers.</text>\n"
  "        <feedback>Offers can wait until you know what the caller needs.</feedback></choice>\n"
  "      <explanation>Company, name and an offer to help: three parts, no more.</explanation>\n"
  "    </multiple>\n"
  "    <truefalse key=\"smile\" answer=\"true\">\n"
  "      <prompt>Callers can hear whether you smile.</prompt>\n"
  "      <explanation>A smile changes the sound of the voice.</explanation>\n"
  "    </truefalse>\n"
  "    <scenario key=\"busy-morning\">\n"
  "      <dialogue>\n"
  "        <line speaker=\"customer\">Hello? Is this the right number for orders?</line>\n"
  "      </dialogue>\n"
  "      <prompt>What should the agent say?</prompt>\n"
  "      <reply score=\"2\"><text>Yes, this is Example Company, I'm Sam. How can I help with your order?</text>\n"
  "        <feedback>All three parts, and it answers the question.</feedback></reply>\n"
  "      <reply score=\"1\"><text>Yes, orders. What do you need?</text>\n"
  "        <feedback>It answers, but the caller still does not know who they are talking to.</feedback></reply>\n"
  "      <reply score=\"0\"><text>Hold on.</text>\n"
  "        <feedback>The caller is left wondering where they are.</feedback></reply>\n"
  "      <explanation>Greet fully, even when the caller speaks first.</explanation>\n"
  "    </scenario>\n"
  "    <ordering key=\"greeting-order\">\n"
  "      <prompt>Put the parts of the greeting in order.</prompt>\n"
  "      <step>Say the company's name.</step>\n"
  "      <step>Say your own name.</step>\n"
  "      <step>Offer to help.</step>\n"
  "      <explanation>From the general to the personal, then over to the caller.</explanation>\n"
  "    </ordering>\n"
  "  </quiz>\n"
  "\n"
  "  <journal>\n"
  "    <prompt>How did you greet your last caller?</prompt>\n"
  "    <prompt>Which part of the greeting do you forget most often?</prompt>\n"
  "  </journal>\n"
  "\n"
  "  <rubric>\n"
  "    <level value=\"1\">Starts calls without a greeting.</level>\n"
  "    <level value=\"2\">Greets, but leaves out the company or their name.</level>\n"
  "    <level value=\"3\">Greets with all three parts on most calls.</level>\n"
  "    <level value=\"4\">Greets with all three parts on every call, in a friendly voice.</level>\n"
  "    <level value=\"5\">Greets warmly and fits the greeting to the caller's first words.</level>\n"
  "  </rubric>\n"
  "</topic>\n";

static const char skeleton_picture[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"120\" viewBox=\"0 0 320 120\">\n"
  "  <circle cx=\"56\" cy=\"48\" r=\"22\" fill=\"#3584e4\"/>\n"
  "  <rect x=\"24\" y=\"76\" width=\"64\" height=\"36\" rx=\"16\" fill=\"#3584e4\"/>\n"
  "  <path d=\"M30 48a26 26 0 0 1 52 0\" fill=\"none\" stroke=\"#1c71d8\" stroke-width=\"5\"/>\n"
  "  <rect x=\"112\" y=\"12\" width=\"196\" height=\"84\" rx=\"14\" fill=\"#e8f0fe\" stroke=\"#3584e4\" stroke-width=\"3\"/>\n"
  "  <rect x=\"128\" y=\"28\" width=\"150\" height=\"10\" rx=\"5\" fill=\"#3584e4\"/>\n"
  "  <rect x=\"128\" y=\"48\" width=\"120\" height=\"10\" rx=\"5\" fill=\"#62a0ea\"/>\n"
  "  <rect x=\"128\" y=\"68\" width=\"90\" height=\"10\" rx=\"5\" fill=\"#99c1f1\"/>\n"
  "</svg>\n";

/* What `new` and `import` put in a new pack.json for the trainer to
 * replace: English on purpose, like the skeleton topic.
 */
RapportPackSkeleton
pack_skeleton (const char *id,
               const char *language)
{
  static const char * const authors[] = { "Your Name", NULL };
  RapportPackSkeleton skeleton = {
    .id = id,
    .title = "My lesson pack",
    .authors = authors,
    .language = language,
    .license = "CC-BY-4.0",
    .description = "Say in a sentence or two what this pack teaches.",
  };

  return skeleton;
}

static gboolean
is_missing_or_empty_folder (const char *path)
{
  g_autoptr(GDir) dir = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return FALSE;

  dir = g_dir_open (path, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) == NULL;
}

static gboolean
write_new_file (const char  *folder,
                const char  *name,
                const char  *contents,
                GError     **error)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  if (g_mkdir_with_parents (parent, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), parent, g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

int
run_new (int    argc,
         char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *manifest = NULL;
  RapportPackSkeleton skeleton;
  const char *folder;
  int status = 0;

  if (!parse_verb_options ("new", _("DIR"),
                           _("Creates the folder DIR with a pack to start from: pack.json, "
                             "one topic with a lesson, a picture and a quiz, ready to edit. "
                             "DIR must not exist yet, or be empty."),
                           NULL, &argc, &argv, &status))
    return status;

  folder = argv[1];
  if (!is_missing_or_empty_folder (folder))
    {
      g_printerr ("rapport-pack: ");
      g_printerr (_("“%s” already exists and is not an empty folder; choose a new folder."), folder);
      g_printerr ("\n");
      return EXIT_INVALID;
    }

  id = rapport_pack_skeleton_id (folder);
  skeleton = pack_skeleton (id, "en");
  manifest = rapport_pack_skeleton_manifest (&skeleton,
                                             (const char * const[]) { "topics/first-topic.xml", NULL });

  if (!write_new_file (folder, RAPPORT_PACK_MANIFEST, manifest, &error) ||
      !write_new_file (folder, "topics/first-topic.xml", skeleton_topic, &error) ||
      !write_new_file (folder, "media/greeting.svg", skeleton_picture, &error))
    {
      g_printerr ("rapport-pack: %s\n", error->message);
      return EXIT_INVALID;
    }

  g_print (_("%s: created a new pack with the id “%s”.\n"), folder, id);
  g_print (_("Next: change the id to a domain you control, fill in pack.json, write your "
             "topics, then run “rapport-pack validate %s” and “rapport-pack build %s -o "
             "FILE.rapportpack”.\n"),
           folder, folder);

  return EXIT_SUCCESS;
}
