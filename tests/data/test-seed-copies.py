#!/usr/bin/python3
# test-seed-copies.py: no run of eight words of the shipped course is shared
# with the source articles the course was written from.
#
# The articles are not in the repository; seed-shingles.txt holds the hash
# of each of their eight-word runs (see make-seed-shingles.py).  This test
# hashes every run of the course's text the same way and fails on any hash
# in that list, naming the topic, the line and the words.
#
# usage: test-seed-copies.py SHINGLES TOPIC.xml|FOLDER...
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

# Emphasis runs inside running text: words continue across them.  Every
# other element starts a new stretch of text, so that a run never joins the
# end of one paragraph to the start of the next.
INLINE = {"em", "strong"}
# Attributes that hold sentences the course writes (a picture's text).
TEXT_ATTRIBUTES = {"alt"}


def stretches(path):
    """The stretches of text of a topic file, each a list of (word, line)."""
    parser = xml.parsers.expat.ParserCreate()
    found, current = [], []

    def flush():
        if current:
            found.append(list(current))
            current.clear()

    def add(text, line):
        # A text node may span lines: count the line of each word.
        for offset, piece in enumerate(text.split("\n")):
            current.extend((word, line + offset) for word in seedwords.words(piece))

    def start(name, attributes):
        if name not in INLINE:
            flush()
        for attribute in TEXT_ATTRIBUTES & attributes.keys():
            add(attributes[attribute], parser.CurrentLineNumber)
            flush()

    def end(name):
        if name not in INLINE:
            flush()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = lambda text: add(text, parser.CurrentLineNumber)
    parser.buffer_text = False
    with open(path, "rb") as topic:
        parser.ParseFile(topic)
    flush()
    return found


def main(argv):
    if len(argv) < 2:
        print("usage: test-seed-copies.py SHINGLES TOPIC.xml|FOLDER...", file=sys.stderr)
        return 2
    paths = []
    for arg in argv[1:]:
        if os.path.isdir(arg):
            paths += sorted(os.path.join(arg, name) for name in os.listdir(arg) if name.endswith(".xml"))
        else:
            paths.append(arg)
    if not paths:
        print(f"no topic files in {' '.join(argv[1:])}", file=sys.stderr)
        return 1
    with open(argv[0], encoding="utf-8") as listing:
        seeds = {line.strip() for line in listing if line.strip() and not line.startswith("#")}
    if not seeds:
        print(f"{argv[0]}: no hashes", file=sys.stderr)
        return 1

    n_runs = n_copies = 0
    for path in paths:
        topic = os.path.splitext(os.path.basename(path))[0]
        last_reported = None
        for stretch in stretches(path):
            for i, run in seedwords.runs([word for word, _ in stretch]):
                n_runs += 1
                if seedwords.run_hash(run) not in seeds:
                    continue
                n_copies += 1
                line = stretch[i][1]
                # Overlapping runs of one copied passage: report the passage
                # once per line, with its first run's words.
                if last_reported != (line, id(stretch)):
                    print(f"{topic}:{line}: shares eight words with a source article: "
                          f"\u201c{' '.join(run)}\u201d", file=sys.stderr)
                    last_reported = (line, id(stretch))
    print(f"{n_runs} runs of {seedwords.RUN} words in {len(paths)} topics, "
          f"{n_copies} shared with the source articles")
    return 1 if n_copies else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
