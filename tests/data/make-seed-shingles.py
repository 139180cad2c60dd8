#!/usr/bin/python3
# make-seed-shingles.py: writes seed-shingles.txt, the hashes of every run
# of eight words of the source articles the course was written from.
#
# The articles themselves are not part of the repository and CI cannot
# reach them; the copy check (test-seed-copies.py) needs only these hashes,
# from which the articles' text cannot be read back.  Run by hand whenever
# the set of source articles changes:
#
#   tests/data/make-seed-shingles.py /path/to/seeds/*.txt > tests/data/seed-shingles.txt
#
# Copyright 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys

# The shared module is imported from the source tree, which must stay clean.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seedwords  # noqa: E402


def main(paths):
    if not paths:
        print(f"usage: {sys.argv[0]} ARTICLE.txt...", file=sys.stderr)
        return 2
    hashes = set()
    for path in paths:
        with open(path, encoding="utf-8") as article:
            # Paragraphs are lines: a run never crosses a blank line, as a
            # run of the course never crosses one paragraph into the next.
            for paragraph in article.read().split("\n"):
                for _, run in seedwords.runs(seedwords.words(paragraph)):
                    hashes.add(seedwords.run_hash(run))
    print(f"# {len(hashes)} hashes of the {seedwords.RUN}-word runs of {len(paths)} source articles;")
    print("# written by tests/data/make-seed-shingles.py, read by tests/data/test-seed-copies.py.")
    for value in sorted(hashes):
        print(value)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
