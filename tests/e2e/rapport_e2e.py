"""Drives the real Rapport through the accessibility tree (AT-SPI).

Shared by the end-to-end journeys in this folder.  Each journey starts the
built app with its own data folders, finds controls by role and accessible
name, activates them through their accessibility actions, reads what the app
shows, and checks the progress database with sqlite3.

Run inside an X server with a window manager and a D-Bus session (see
tests/e2e/run-journey.sh).  GTK 4.8 reports coordinates relative to the
window, so the app's window is maximized first: then window and screen
coordinates agree, which the few mouse clicks (on controls that offer no
accessible action: topic cards, list rows, quiz choices) rely on.

GTK 4.8 sets no SHOWING state, and a GtkStack or AdwLeaflet keeps the last
allocation of the pages it hid, so a control on a hidden page can look on
screen.  Lookups therefore start from the page at hand (a view, a leaflet
page, the stack page of a known control), never from the whole window when
the same name may exist elsewhere.
"""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

import pyatspi

TIMEOUT = 20.0
POLL = 0.1


class JourneyError(AssertionError):
    pass


STARTED = time.monotonic()


def log(message):
    print(f"# {time.monotonic() - STARTED:6.1f} {message}", flush=True)


def wait_until(predicate, what, timeout=TIMEOUT):
    """Polls @predicate until it returns something true; returns that."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = predicate()
            if result:
                return result
        except Exception as error:  # the tree changes under our feet
            last_error = error
        if time.monotonic() > deadline:
            detail = f" (last error: {last_error})" if last_error else ""
            raise JourneyError(f"timed out after {timeout:.0f} s waiting for {what}{detail}")
        time.sleep(POLL)


def check(condition, message):
    if not condition:
        raise JourneyError(message)


def vanished(error):
    """Whether @error says that the application answering an AT-SPI call
    left the bus before it replied: it quit meanwhile."""
    return "disconnected from message bus without replying" in str(error)


# The tree

def plain(text):
    """An accessible name as a person reads it: GTK 4.8 gives a button with a
    mnemonic the name "_Save Entry Save Entry"; keep the part after the
    marked-up copy and drop underscores."""
    text = text or ""
    if "_" in text:
        bare = text.replace("_", "")
        half = (len(bare) - 1) // 2
        if len(bare) % 2 == 1 and bare[:half] == bare[half + 1:] and bare[half] == " ":
            return bare[:half]
        return bare
    return text


def extents(node):
    try:
        return node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except NotImplementedError:
        return None


def showing(node):
    """GTK 4.8 sets no SHOWING state; a widget that is not on screen (a hidden
    stack page, say) has empty extents."""
    try:
        box = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except NotImplementedError:
        return True  # not a widget (a GtkStackPage): look at its children
    return box.width > 0 and box.height > 0


def role(node):
    return node.getRoleName()


def walk(node, only_showing=True):
    """Depth-first, skipping subtrees that are not on screen."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current is None:
            continue
        if only_showing and current is not node and not showing(current):
            continue
        yield current
        try:
            children = [current.getChildAtIndex(i) for i in range(current.childCount)]
        except Exception:
            continue
        stack.extend(reversed(children))


def matcher(role_name=None, name=None, contains=None, startswith=None, description=None,
            predicate=None):
    def match(node):
        if predicate is not None and not predicate(node):
            return False
        if role_name is not None and role(node) != role_name:
            return False
        label = plain(node.name)
        if name is not None and label != name:
            return False
        if contains is not None and contains not in label:
            return False
        if startswith is not None and not label.startswith(startswith):
            return False
        if description is not None and description not in (node.description or ""):
            return False
        return True
    return match


def find_all(root, **criteria):
    match = matcher(**criteria)
    return [node for node in walk(root) if match(node)]


def find(root, timeout=TIMEOUT, **criteria):
    """The first control on screen under @root that matches, waiting for it."""
    match = matcher(**criteria)

    def lookup():
        for node in walk(root):
            if match(node):
                return node
        return None

    return wait_until(lookup, f"{criteria}", timeout)


def gone(root, timeout=TIMEOUT, **criteria):
    wait_until(lambda: not find_all(root, **criteria), f"{criteria} to go away", timeout)


def texts(root):
    """Every label on screen under @root, in tree order."""
    return [plain(node.name) for node in walk(root) if role(node) == "label" and node.name]


def actions(node):
    try:
        action = node.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def act(node, *names):
    """Runs the first of the named accessible actions that @node offers."""
    action = node.queryAction()
    offered = [action.getName(i) for i in range(action.nActions)]
    for wanted in names or ("click", "activate"):
        if wanted in offered:
            action.doAction(offered.index(wanted))
            return
    raise JourneyError(f"{role(node)} “{node.name}” offers {offered}, not {names}")


def click(node):
    act(node, "click", "activate")


def settle(node):
    """Waits for @node to stop moving (pages slide in and out) and returns
    where it is."""
    def same_place():
        first = extents(node)
        time.sleep(0.1)
        second = extents(node)
        key = lambda box: (box.x, box.y, box.width, box.height)
        return second if key(first) == key(second) and second.width > 0 else None
    return wait_until(same_place, f"“{node.name}” to stop moving", 10)


def scroll_into_view(node):
    """Turns the mouse wheel over the scrolled window holding @node until all
    of @node is inside it."""
    pane = node.parent
    while pane is not None and role(pane) != "scroll pane":
        pane = pane.parent
    if pane is None:
        return
    for _ in range(60):
        box, view = extents(node), extents(pane)
        if box.y < view.y:
            button = "b4c"
        elif box.y + box.height > view.y + view.height:
            button = "b5c"
        else:
            return
        pyatspi.Registry.generateMouseEvent(view.x + view.width // 2, view.y + view.height // 2, button)
        time.sleep(0.05)
    raise JourneyError(f"could not scroll to “{node.name}”")


def mouse_click(node):
    """For controls without an accessible action (flow box cards, list rows):
    a real click in the middle of the control.  Needs the maximized window
    (see above)."""
    check(showing(node), f"“{node.name}” is not on screen")
    settle(node)
    scroll_into_view(node)
    box = settle(node)
    pyatspi.Registry.generateMouseEvent(box.x + box.width // 2, box.y + box.height // 2, "b1c")


def set_text(node, text):
    """Replaces the text of an entry or text view."""
    editable = node.queryEditableText()
    editable.setTextContents(text)


def text_of(node):
    accessible_text = node.queryText()
    return accessible_text.getText(0, accessible_text.characterCount)


# The app

class App:
    """The built Rapport with private data folders."""

    def __init__(self, journey):
        self.journey = journey
        self.build_dir = os.environ.get("RAPPORT_BUILD_DIR") or os.path.abspath(
            os.path.join(os.path.dirname(__file__), "..", "..", "build"))
        self.binary = os.environ.get("RAPPORT_BINARY") or os.path.join(self.build_dir, "src", "rapport")
        self.shots = os.path.join(self.build_dir, "tests", "e2e-screenshots")
        os.makedirs(self.shots, exist_ok=True)
        # A failure's screenshot from an earlier run must not linger.
        for name in os.listdir(self.shots):
            if name.startswith(f"{journey}-") and name.endswith(".png"):
                os.remove(os.path.join(self.shots, name))
        self.home = tempfile.mkdtemp(prefix=f"rapport-e2e-{journey}-")
        self.process = None
        self.node = None
        self.window = None
        self.started = time.monotonic()

    @property
    def data_home(self):
        return os.path.join(self.home, "data")

    @property
    def db_path(self):
        return os.path.join(self.data_home, "rapport", "progress.db")

    def environment(self):
        env = dict(os.environ)
        env.update(
            XDG_DATA_HOME=self.data_home,
            XDG_CONFIG_HOME=os.path.join(self.home, "config"),
            XDG_CACHE_HOME=os.path.join(self.home, "cache"),
            XDG_STATE_HOME=os.path.join(self.home, "state"),
            GSETTINGS_SCHEMA_DIR=os.path.join(self.build_dir, "data"),
            GSETTINGS_BACKEND="memory",
            GSK_RENDERER="cairo",
            ADW_DISABLE_PORTAL="1",
            GTK_A11Y="atspi",
            LC_ALL="C.UTF-8",
            LANGUAGE="",
        )
        env.pop("NO_AT_BRIDGE", None)
        return env

    def launch(self, *args):
        """Runs `rapport ARGS…`; returns its exit status once it ends (a
        second instance hands its files to the first and ends)."""
        return subprocess.run([self.binary, *args], env=self.environment(), timeout=60).returncode

    def start(self, *args):
        check(self.process is None, "the app is already running")
        log(f"starting {os.path.basename(self.binary)} {' '.join(args)}")
        self.process = subprocess.Popen([self.binary, *args], env=self.environment())
        desktop = pyatspi.Registry.getDesktop(0)

        def application():
            check(self.process.poll() is None, f"the app ended with status {self.process.returncode}")
            for app in desktop:
                # An instance that just quit (the last start's, or a second
                # instance that handed over its files) may still be listed
                # while it leaves the bus: asking it fails, and must not hide
                # the instances after it.
                try:
                    if app is None or app.get_process_id() != self.process.pid:
                        continue
                    frames = [child for child in app
                              if child is not None and role(child) == "frame" and child.name == "Rapport"]
                except Exception:
                    continue
                if frames:
                    return app, frames[0]
            return None

        self.node, self.window = wait_until(application, "the Rapport window", 30)
        # Maximized, window coordinates are screen coordinates.  The window
        # offers to maximize only once it is on screen.
        wait_until(lambda: "window.toggle-maximized" in actions(self.window), "the window to be mapped")
        act(self.window, "window.toggle-maximized")
        wait_until(lambda: extents(self.window).width >= 1200, "the maximized window")
        return self.window

    def stop(self):
        if self.process is None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None
        self.node = self.window = None

    def close(self):
        """Closes the window as a person does, so the app saves and quits,
        and checks that it ended well."""
        try:
            act(self.window, "window.close")
        except Exception as error:
            # The app may quit before it answers the call that closed it;
            # whether it did, its exit below tells.
            if not vanished(error):
                raise
            log(f"the app left the bus before answering “window.close”: {error}")
        try:
            status = self.process.wait(15)
        except subprocess.TimeoutExpired:
            raise JourneyError("the app did not quit when its window was closed")
        self.process = None
        self.node = self.window = None
        check(status == 0, f"the app ended with status {status} when its window was closed")

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)

    def dialog(self, **criteria):
        """A window of the app other than the main one (message dialogs)."""
        def lookup():
            for child in self.node:
                if child is None or child == self.window:
                    continue
                if not criteria or find_all(child, **criteria):
                    return child
            return None
        return wait_until(lookup, f"a dialog with {criteria}")

    def screenshot(self, name):
        path = os.path.join(self.shots, f"{self.journey}-{name}.png")
        # Let the last change reach the screen.
        time.sleep(0.4)
        subprocess.run(["import", "-window", "root", path], check=True, timeout=30)
        log(f"screenshot {path}")
        return path

    def db(self):
        check(os.path.exists(self.db_path), f"no database at {self.db_path}")
        connection = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True)
        return connection

    def db_write(self):
        """The database for a change the journey makes behind the app's back
        (only while the app is not running)."""
        check(self.process is None, "the app must not run while the journey edits its database")
        return sqlite3.connect(self.db_path)

    def query(self, sql, *parameters):
        with self.db() as connection:
            return connection.execute(sql, parameters).fetchall()

    def back(self, to_page):
        """Presses the header bar's Back and waits for the Learn view's
        @to_page ("topics" for the grid, or a page's class name) to be in
        place, and for the page it leaves to have slid away.  A Back pressed
        while a page still slides is lost; and raising the window while it
        slides (a file handed over by a second `rapport FILE`) stops it and
        every later transition of the window half-way (GTK 4.8, X11, openbox):
        the Packs view would never show the pack.  The page left keeps its
        last allocation, so neither its nor @to_page's extents tell the
        slide is over; that the leaflet's pages moved and came to rest
        does."""
        learn = find(self.window, role_name="filler", name="RapportLearnView")
        leaflet = find(learn, role_name="filler", name="AdwLeaflet")

        def pages():
            boxes = []
            for i in range(leaflet.childCount):
                box = extents(leaflet.getChildAtIndex(i))
                boxes.append(None if box is None else (box.x, box.y, box.width, box.height))
            return boxes

        def at_rest():
            first = pages()
            time.sleep(0.1)
            return first == pages()

        before = pages()
        click(find(self.window, role_name="push button", name="Back"))
        wait_until(lambda: pages() != before, "the page to slide away", 10)
        wait_until(at_rest, "the pages to stop sliding", 10)
        if to_page == "topics":
            gone(self.window, role_name="push button", name="Back")
        else:
            settle(find(learn, role_name="filler", name=to_page))

    def view(self, name):
        """Switches to a view with its tab in the header bar."""
        click(find(self.window, role_name="page tab", name=name))


def run(journey, body):
    """Runs @body (app) as one TAP test; prints the TAP lines meson reads."""
    print("1..1", flush=True)
    app = App(journey)
    started = time.monotonic()
    try:
        body(app)
    except Exception as error:
        try:
            if app.process is not None:
                app.screenshot("failure")
        except Exception:
            pass
        import traceback
        traceback.print_exc(file=sys.stdout)
        print(f"not ok 1 {journey}: {error}", flush=True)
        app.cleanup()
        return 1
    app.cleanup()
    print(f"ok 1 {journey} ({time.monotonic() - started:.0f} s)", flush=True)
    return 0


# Quizzes

def _words(text):
    return " ".join(text.split())


def _inline(element):
    return _words("".join(element.itertext())) if element is not None else ""


class AnswerKey:
    """The questions of topic files, to answer a quiz right or wrong on
    purpose.  The quiz shuffles questions and choices, so a question is
    recognised by its prompt and its choices, and a choice by its text."""

    def __init__(self, *paths):
        import xml.etree.ElementTree as ElementTree

        self.questions = []
        # Questions one attempt asks, by topic key: the quiz's draw, or all.
        self.draws = {}
        for path in paths:
            topic = ElementTree.parse(path).getroot()
            quiz = topic.find("quiz")
            self.draws[topic.get("key")] = int(quiz.get("draw", len(quiz)))
            for element in quiz:
                kind = element.tag
                question = {"key": element.get("key"), "kind": kind,
                            "prompt": _inline(element.find("prompt"))}
                if kind == "truefalse":
                    truth = element.get("answer") == "true"
                    question["choices"] = ["True", "False"]
                    question["right"] = ["True" if truth else "False"]
                    question["wrong"] = ["False" if truth else "True"]
                elif kind == "ordering":
                    steps = [_inline(step) for step in element.findall("step")]
                    question["choices"] = steps
                    question["right"] = steps
                    question["wrong"] = list(reversed(steps))
                elif kind == "scenario":
                    replies = element.findall("reply")
                    question["choices"] = [_inline(reply.find("text")) for reply in replies]
                    best = max(replies, key=lambda reply: int(reply.get("score")))
                    worst = min(replies, key=lambda reply: int(reply.get("score")))
                    question["right"] = [_inline(best.find("text"))]
                    question["wrong"] = [_inline(worst.find("text"))]
                else:
                    choices = element.findall("choice")
                    question["choices"] = [_inline(choice.find("text")) for choice in choices]
                    correct = [_inline(choice.find("text")) for choice in choices
                               if choice.get("correct") == "true"]
                    incorrect = [_inline(choice.find("text")) for choice in choices
                                 if choice.get("correct") != "true"]
                    question["right"] = correct
                    question["wrong"] = incorrect[:1]
                self.questions.append(question)

    def identify(self, labels, choices):
        """The question whose prompt is among @labels and whose choices are
        @choices (texts without their numbers)."""
        shown = sorted(choices)
        for question in self.questions:
            if question["prompt"] in labels and sorted(question["choices"]) == shown:
                return question
        raise JourneyError(f"no question in the answer key matches {labels} / {choices}")


def _choice_text(name):
    number, _, text = name.partition(". ")
    check(number.isdigit(), f"a choice named “{name}” has no number")
    return text


def stack_page(node):
    """The GtkStack page that holds @node.  A stack keeps the allocation of
    pages it hid, so their controls still look on screen; lookups that must
    see only the current page start from here."""
    while node.parent is not None and node.parent.name != "GtkStackPage":
        node = node.parent
    check(node.parent is not None, "not inside a stack")
    return node


def answer_question(page, key, right):
    """Answers the question on the quiz page right or wrong, checks it and
    moves on.  Returns the question's key."""
    page = stack_page(find(page, role_name="push button", name="Check Answer"))
    labels, by_text = set(), {}
    for node in walk(page):
        kind, name = role(node), node.name
        if kind == "label" and name:
            labels.add(_words(name))
        elif kind in ("check box", "push button") and name[:1].isdigit() and ". " in name:
            by_text[_words(_choice_text(name))] = node
    question = key.identify(labels, list(by_text))
    for text in question["right" if right else "wrong"]:
        node = by_text[text]
        if question["kind"] == "ordering":
            click(node)
        else:
            mouse_click(node)
            wait_until(lambda: node.getState().contains(pyatspi.STATE_CHECKED),
                       f"“{text}” to be chosen", 5)
    click(find(page, role_name="push button", name="Check Answer"))
    heading = find(page, role_name="label", timeout=5,
                   predicate=lambda node: plain(node.name) in ("Correct", "Not quite")
                   or plain(node.name).startswith("Partly right"))
    check((plain(heading.name) == "Correct") == right,
          f"answered {question['key']} {'right' if right else 'wrong'}, the quiz says “{heading.name}”")
    following = wait_until(
        lambda: next((node for node in walk(page) if role(node) == "push button"
                      and plain(node.name) in ("Next Question", "See Results")), None),
        "the button to go on")
    click(following)
    return question["key"]


def take_quiz(page, key, wrong=0):
    """Answers every question of the quiz (or review) on @page, the first
    @wrong of them wrongly.  Returns the keys of the questions answered
    wrongly and rightly."""
    missed, passed = [], []
    while True:
        progress = find(page, role_name="label", startswith="Question ", timeout=TIMEOUT)
        position, _, total = plain(progress.name)[len("Question "):].partition(" of ")
        right = int(position) > wrong
        (passed if right else missed).append(answer_question(page, key, right))
        log(f"question {position} of {total} answered {'right' if right else 'wrong'}")
        if int(position) == int(total):
            break
        wait_until(lambda: find_all(page, role_name="label",
                                    name=f"Question {int(position) + 1} of {total}"),
                   f"question {int(position) + 1}")
    find(page, role_name="push button", startswith="Back to Topic")
    return missed, passed
