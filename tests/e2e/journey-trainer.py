#!/usr/bin/python3
"""Journey 3, a trainer and their pack: builds a pack with rapport-pack,
imports it by opening the file, studies a lesson from it, upgrades it to a
new version by opening that file too (the lesson stays read), then removes
it, once keeping the learner's progress and once with it."""

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from rapport_e2e import check, click, find, find_all, gone, log, mouse_click, plain, run, wait_until

PACK_ID = "org.example.training.greetings"
TITLE = "Greeting Callers"

SECOND_LESSON = """
  <lesson key="the-goodbye" minutes="2">
    <title>Ending the call well</title>
    <section>
      <heading>Close the loop</heading>
      <p>Before you say goodbye, sum up what happens next and ask whether
         anything else needs doing.</p>
    </section>
    <takeaways>
      <item>Next steps, one last question, then thanks and goodbye.</item>
    </takeaways>
  </lesson>

"""


def tool(app, *args):
    binary = os.environ.get("RAPPORT_PACK_BINARY") or os.path.join(app.build_dir, "src", "tools", "rapport-pack")
    result = subprocess.run([binary, *args], capture_output=True, text=True, timeout=60)
    log(f"rapport-pack {' '.join(args[:1])}: {result.stdout.strip().splitlines()[:1]}")
    check(result.returncode == 0, f"rapport-pack {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def build_packs(app):
    """Version 1.0 with one lesson, and 2.0 with a second lesson."""
    folder = os.path.join(app.home, "greetings")
    tool(app, "new", folder)
    with open(os.path.join(folder, "pack.json"), encoding="utf-8") as file:
        manifest = json.load(file)
    manifest.update(id=PACK_ID, title=TITLE, version="1.0", authors=["Team Lead Sam"],
                    description="How our team opens and closes every call.")
    with open(os.path.join(folder, "pack.json"), "w", encoding="utf-8") as file:
        json.dump(manifest, file, indent=2)
    tool(app, "validate", folder)
    first = os.path.join(app.home, "greetings-1.0.rapportpack")
    tool(app, "build", folder, "-o", first)

    manifest["version"] = "2.0"
    with open(os.path.join(folder, "pack.json"), "w", encoding="utf-8") as file:
        json.dump(manifest, file, indent=2)
    topic_path = os.path.join(folder, "topics", "first-topic.xml")
    with open(topic_path, encoding="utf-8") as file:
        topic = file.read()
    check("  <quiz" in topic, "the starter topic has a quiz to put the lesson before")
    with open(topic_path, "w", encoding="utf-8") as file:
        file.write(topic.replace("  <quiz", SECOND_LESSON.lstrip("\n") + "  <quiz", 1))
    tool(app, "validate", folder)
    second = os.path.join(app.home, "greetings-2.0.rapportpack")
    tool(app, "build", folder, "-o", second)
    inspected = json.loads(tool(app, "inspect", "--json", second))
    check(inspected["version"] == "2.0" and inspected["topics"][0]["lessons"] == 2,
          f"the second build holds version 2.0 and two lessons: {inspected}")
    return first, second


def packs(window):
    return find(window, role_name="filler", name="RapportPacksView")


def install(app, window, button, toast, shot):
    view = packs(window)
    find(view, role_name="label", name=TITLE)
    app.screenshot(f"summary-{shot}")
    click(find(view, role_name="push button", name=button))
    find(window, role_name="label", name=toast)
    find(packs(window), role_name="push button", name=f"Remove “{TITLE}”")


def card(window):
    return find(window, role_name="table cell", startswith="Greeting a caller.")


def remove(app, window, response):
    app.view("Packs")
    click(find(packs(window), role_name="push button", name=f"Remove “{TITLE}”"))
    dialog = app.dialog(role_name="label", name="Remove Pack?")
    app.screenshot(f"remove-{response.lower().replace(' ', '-')}")
    click(find(dialog, role_name="push button", name=response))
    find(window, role_name="label", name=f"“{TITLE}” removed")
    gone(packs(window), role_name="push button", name=f"Remove “{TITLE}”")
    check(app.query("SELECT count(*) FROM pack WHERE id = ?", PACK_ID) == [(0,)], "the pack left the database")
    app.view("Learn")
    wait_until(lambda: not find_all(window, role_name="table cell", startswith="Greeting a caller."),
               "the pack's topic to leave the course")


def journey(app):
    first, second = build_packs(app)

    log("import version 1.0 by opening the file")
    window = app.start(first)
    find(packs(window), role_name="label", name="New pack")
    install(app, window, "Install", f"“{TITLE}” installed", "new")
    check(app.query("SELECT version, title FROM pack WHERE id = ?", PACK_ID) == [("1.0", TITLE)],
          "the database lists version 1.0")
    check(os.path.isdir(os.path.join(app.data_home, "rapport", "packs")), "the pack was unpacked")
    app.screenshot("installed")

    log("study its lesson")
    app.view("Learn")
    check(plain(card(window).name).endswith("0 of 1 lesson"), f"the new card reads “{card(window).name}”")
    mouse_click(card(window))
    learn = find(window, role_name="filler", name="RapportLearnView")
    topic = find(learn, role_name="filler", name="RapportTopicPage")
    click(find(topic, role_name="push button", name="Start the First Lesson"))
    lesson = find(learn, role_name="filler", name="RapportLessonView")
    find(lesson, role_name="label", name="The first ten seconds")
    click(find(lesson, role_name="push button", name="Mark as Done"))
    find(lesson, role_name="label", name="You finished this lesson.")
    app.screenshot("lesson")
    app.back("RapportTopicPage")
    find(topic, role_name="label", name="1 of 1 lesson done")
    read = app.query("SELECT topic_key, lesson_key FROM lesson_progress WHERE pack_id = ?"
                     " AND completed_at IS NOT NULL", PACK_ID)
    check(read == [("first-topic", "the-greeting")], f"lesson progress stored: {read}")

    # The learner stays on the topic page while the new version arrives from
    # the file manager: back in Learn, the page shows the new lesson.
    log("upgrade to 2.0: open the new file while Rapport runs")
    check(app.launch(second) == 0, "a second `rapport FILE` hands the file over and ends")
    find(packs(window), role_name="label", name="Upgrades version 1.0. Your progress is kept.")
    install(app, window, "Upgrade", f"“{TITLE}” is now at version 2.0", "upgrade")
    check(app.query("SELECT version FROM pack WHERE id = ?", PACK_ID) == [("2.0",)],
          "the database lists version 2.0")
    check(app.query("SELECT lesson_key FROM lesson_progress WHERE pack_id = ? AND completed_at IS NOT NULL",
                    PACK_ID) == [("the-greeting",)], "the lesson read in 1.0 stays read after the upgrade")
    app.view("Learn")
    topic = find(learn, role_name="filler", name="RapportTopicPage")
    find(topic, role_name="label", name="1 of 2 lessons done")
    find(topic, role_name="list item", name="2. Ending the call well")
    find(topic, role_name="push button", name="Continue")
    app.screenshot("upgraded")
    app.back("topics")
    wait_until(lambda: plain(card(window).name).endswith("1 of 2 lessons"), "the card to count the new lesson")

    log("remove it and keep the progress")
    remove(app, window, "Keep Progress")
    check(app.query("SELECT count(*) FROM lesson_progress WHERE pack_id = ?", PACK_ID) == [(1,)],
          "the kept progress is still in the database")
    app.screenshot("removed")

    log("install it again: the progress is back; remove it with the progress")
    check(app.launch(second) == 0, "a second `rapport FILE` hands the file over and ends")
    install(app, window, "Install", f"“{TITLE}” installed", "reinstall")
    app.view("Learn")
    wait_until(lambda: plain(card(window).name).endswith("1 of 2 lessons"), "the kept progress to show again")
    remove(app, window, "Remove Progress Too")
    check(app.query("SELECT count(*) FROM lesson_progress WHERE pack_id = ?", PACK_ID) == [(0,)],
          "no progress of the pack is left in the database")
    check(app.query("SELECT count(*) FROM pack") == [(0,)], "no pack is installed")
    check(not os.path.exists(os.path.join(app.data_home, "rapport", "packs", PACK_ID)),
          "the pack's files are gone")


sys.exit(run("trainer", journey))
