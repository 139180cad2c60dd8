# seedwords.py: how the copy check reads words, shared by the script that
# hashes the source articles and the test that hashes the course, so that
# both sides cut and normalise words the same way.
#
# Copyright 2026 The Rapport developers
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import re
import unicodedata

# A run of this many words shared with a source article counts as copied.
RUN = 8

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_WORD = re.compile(r"[0-9a-z]+(?:'[0-9a-z]+)*")


def words(text):
    """The words of @text: lower case, accents kept as letters, apostrophes
    inside words kept ("don't"), everything else a separator, so that
    punctuation, quotes, hyphens and line breaks cannot hide a copy."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))
    return _WORD.findall(text)


def run_hash(run):
    """The hash of one run of words, as the committed list stores it: the
    first 16 hexadecimal digits of the SHA-256 of the words joined by one
    space (64 bits: about one false match in 10^10 comparisons)."""
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:16]


def runs(tokens):
    """Every run of RUN consecutive items of @tokens."""
    for i in range(len(tokens) - RUN + 1):
        yield i, tokens[i:i + RUN]
