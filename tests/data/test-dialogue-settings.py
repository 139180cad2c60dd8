#!/usr/bin/python3
# test-dialogue-settings.py: the course's example conversations are spread
# over the places its learners really work, so that no single kind of story
# (a bill, a router, a flight, a parcel...) fills the course.
#
# The lessons' dialogues are measured on their own, and then together with
# the scenario questions' dialogues: each set must pass.  The topic format has no attribute for a dialogue's setting, so
# a dialogue is matched by the words of its caption and lines against the
# word lists of FAMILIES below.  A dialogue counts for every family whose
# words it uses (a refund of an insurance excess is both "insurance" and "a
# bill or a charge"), so a count can overstate a family but does not hide
# one, as long as the story uses one of its words: when you write a story of
# a new kind, or name an old one with new words, add the words here.
#
# The test fails when any family is found in more than MAX_SHARE of a set's
# dialogues, and prints the tables, so that a trainer sees which family is
# crowding the course and which dialogues it is in.
#
# usage: test-dialogue-settings.py TOPIC.xml|FOLDER...
#   (a folder: every .xml file in it)
#
# Copyright 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import xml.parsers.expat

# The shared module is imported from the source tree, which must stay clean.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seedwords  # noqa: E402

# At most a quarter of the course's dialogues may belong to one family.
MAX_SHARE = (1, 4)

# The kinds of story, and the words that give each away.  The first four are
# the stories the first edition leaned on; the rest are the settings the
# course's learners work in.  Words are matched whole, in lower case, after
# seedwords.words() has cut the text; a phrase matches consecutive words.
FAMILIES = {
    "a bill or a charge": [
        "bill", "bills", "billing", "billed", "invoice", "invoices",
        "charge", "charged", "charges", "overcharge", "overcharged",
        "fee", "fees", "direct debit", "paid twice", "taken twice",
    ],
    "a phone line or broadband": [
        "router", "routers", "broadband", "internet", "wifi", "wi fi",
        "modem", "line test", "phone upgrade", "replacement phone",
        "handset", "sim card", "mobile contract",
    ],
    "a flight or a journey": [
        "flight", "flights", "airline", "airlines", "airport", "plane",
        "boarding", "train", "trains", "rail",
    ],
    "a parcel or a delivery": [
        "parcel", "parcels", "delivery", "deliveries", "deliver",
        "delivered", "courier", "depot", "tracking", "postage",
    ],
    "energy and water": [
        "electricity", "gas", "water", "meter", "meters", "boiler",
        "energy", "heating", "power cut", "tariff",
    ],
    "insurance": [
        "insurance", "insurer", "insured", "claim", "claims", "adjuster",
        "excess", "premium", "renewal quote", "written off", "hire car",
        "policy number",
    ],
    "healthcare": [
        "gp", "surgery", "clinic", "hospital", "prescription", "pharmacy",
        "scan", "nurse", "doctor", "dentist", "physio", "physiotherapy",
        "jab", "vaccination", "patient", "test results", "dispensary",
    ],
    "a bank": [
        "bank", "banks", "banking", "mortgage", "overdraft", "overdrawn",
        "loan", "savings", "debit card", "credit card", "fraud",
        "sort code", "blocked card", "bank card",
    ],
    "a public service": [
        "council", "permit", "passport", "benefit", "benefits", "bin",
        "bins", "housing", "parking", "pension", "driving test",
        "blue badge", "towed",
    ],
    "a software subscription": [
        "subscription", "subscriptions", "software", "app", "apps",
        "login", "log in", "password", "licence", "licences", "sync",
        "portal",
    ],
    "a refund or a return": [
        "refund", "refunds", "refunded", "money back", "return", "returned",
        "returns", "receipt", "exchange", "warranty", "faulty", "shop",
        "store",
    ],
}

# A phrase of n words is looked up among the runs of n words of a dialogue.
_PHRASES = {
    family: [tuple(seedwords.words(entry)) for entry in entries]
    for family, entries in FAMILIES.items()
}


def _words(text):
    """The words of @text, with a possessive also counted as its noun, so
    that "the train's late" is about a train."""
    found = []
    for word in seedwords.words(text):
        found.append(word[:-2] if word.endswith("'s") else word)
    return found


def dialogues(path):
    """The dialogues of a topic file: (line, in a lesson?, words of caption
    and lines, with None between them so that no phrase joins two)."""
    parser = xml.parsers.expat.ParserCreate()
    found = []
    state = {"dialogue": False, "quiz": False, "line": 0, "words": []}

    def start(name, attributes):
        if name == "quiz":
            state["quiz"] = True
        elif name == "dialogue":
            state["dialogue"] = True
            state["line"] = parser.CurrentLineNumber
            state["words"] = []
        elif state["dialogue"]:
            state["words"].append(None)

    def end(name):
        if name == "quiz":
            state["quiz"] = False
        elif name == "dialogue":
            state["dialogue"] = False
            found.append((state["line"], not state["quiz"], state["words"]))

    def text(data):
        if state["dialogue"]:
            state["words"].extend(_words(data))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.buffer_text = True
    with open(path, "rb") as topic:
        parser.ParseFile(topic)
    return found


def families_of(words):
    """The families whose words or phrases appear in @words."""
    runs = set()
    for n in {len(phrase) for phrases in _PHRASES.values() for phrase in phrases}:
        for i in range(len(words) - n + 1):
            run = tuple(words[i:i + n])
            if None not in run:
                runs.add(run)
    return [family for family, phrases in _PHRASES.items()
            if any(phrase in runs for phrase in phrases)]


def report(title, found):
    """Prints the table of @found, a list of (where, families), and returns
    whether every family stays within the limit."""
    n = len(found)
    limit = n * MAX_SHARE[0] // MAX_SHARE[1]
    members = {family: [] for family in FAMILIES}
    unmatched = []
    for where, matched in found:
        for family in matched:
            members[family].append(where)
        if not matched:
            unmatched.append(where)
    ok = True
    print(f"{title}: {n} dialogues; at most {limit} "
          f"({MAX_SHARE[0]}/{MAX_SHARE[1]}) in any one family")
    for family, where in sorted(members.items(), key=lambda item: (-len(item[1]), item[0])):
        over = len(where) > limit
        print(f"  {len(where):3d} ({100 * len(where) / max(n, 1):4.1f} %) {family}"
              f"{'  TOO MANY' if over else ''}")
        if over:
            ok = False
            print(f"{title}: {len(where)} dialogues of {n} are about {family}, "
                  f"more than {limit}: {', '.join(where)}", file=sys.stderr)
    print(f"  {len(unmatched):3d} ({100 * len(unmatched) / max(n, 1):4.1f} %) in no family: "
          f"{', '.join(unmatched) if unmatched else '-'}")
    return ok


def main(argv):
    if not argv:
        print("usage: test-dialogue-settings.py TOPIC.xml|FOLDER...", file=sys.stderr)
        return 2
    paths = []
    for arg in argv:
        if os.path.isdir(arg):
            paths += sorted(os.path.join(arg, name) for name in os.listdir(arg) if name.endswith(".xml"))
        else:
            paths.append(arg)

    everything, lessons = [], []
    for path in paths:
        topic = os.path.splitext(os.path.basename(path))[0]
        for line, in_lesson, words in dialogues(path):
            entry = (f"{topic}:{line}", families_of(words))
            everything.append(entry)
            if in_lesson:
                lessons.append(entry)
    if not everything:
        print(f"no dialogues in {' '.join(argv)}", file=sys.stderr)
        return 1

    # The lessons' dialogues are what a learner reads as the model of a
    # call; the quizzes' scenarios must not make up for lessons that all
    # tell the same story, so both are measured.
    ok = report("lessons", lessons)
    ok = report(f"course ({len(paths)} topics, lessons and quizzes)", everything) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
