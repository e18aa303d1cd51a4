"""Texts as the checker sees them: sentences with character offsets and content tokens.

One spaCy parse per text (the shared English pipeline of ``wirecheck.nlp``), cached, so that a
document checked against many statements is parsed once. A token is reduced to a few match keys
(lower case, lemma, crude stem) so that "pleaded" meets "plead" and "clifftop" meets "cliff top".
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..nlp.spacy_backend import trim
from ..text.similarity import stem
from .lexicon import MONTHS, NEGATION_CUES, NUMBER_WORDS, SCALES, STRONG_NEGATION, WEEKDAYS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW",
                       "WORK_OF_ART", "LANGUAGE"})
NUMBER_ENTS = frozenset({"CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# too common to tell anything when they are the only difference
LIGHT = frozenset({"say", "tell", "add", "also", "report", "state", "according", "mr",
                   "ms", "mrs", "thursday", "year", "time", "make", "take", "get", "go", "come"})
CATEGORIES = ("name", "number", "noun", "verb", "adj", "adv")
NUMBER = re.compile(
    r"(?<![\w.])[$£€]?\s?(\d+(?:,\d{3})*(?:\.\d+)?)\s?(%|per ?cent|percent|"
    r"(?:k|m|mn|mln|bn|b|tn|thousand|million|billion|trillion)\b)?", re.IGNORECASE)
CACHE_SIZE = 64
NAME = "name:"  # the prefix of the keys of a sentence's names ("name:london")
AMBIGUOUS_NUMBER_WORDS = frozenset({"second", "half", "once", "single"})  # not a count


@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    keys: frozenset[str]
    lemma: str
    category: str | None  # one of CATEGORIES, or None for a function word
    negation: bool
    start: int  # char offset in the analysed text
    entity: str = ""  # spaCy's entity label ("GPE", "PERSON", …), "" outside any entity


@dataclass(slots=True)
class Sent:
    start: int
    end: int
    tokens: list[Tok]
    keys: set[str] = field(default_factory=set)
    lemmas: set[str] = field(default_factory=set)
    numbers: set[float] = field(default_factory=set)
    negations: int = 0


@dataclass(slots=True)
class Analysed:
    text: str
    sentences: list[Sent]
    keys: set[str]
    numbers: set[float]
    key_df: dict[str, int]  # in how many sentences each key occurs
    counts: set[tuple[float, str]] = field(default_factory=set)  # see ``counts_in``


def token_keys(token: Token) -> set[str]:
    lower = token.lower_.strip(".'’")
    keys = {lower, token.lemma_.lower(), stem(lower)}
    if "-" in lower:
        parts = [p for p in lower.split("-") if p]
        keys.add("".join(parts))
    if lower in NUMBER_WORDS and lower not in AMBIGUOUS_NUMBER_WORDS:
        keys.add(f"{NUMBER_WORDS[lower]:g}")  # "Fourteen" is found for "14"
    return {k for k in keys if k}


def category(token: Token) -> str | None:
    if token.is_punct or token.is_space or token.pos_ in ("AUX", "DET", "PRON", "CCONJ", "SCONJ",
                                                          "ADP", "PART", "INTJ", "SYM", "X"):
        return None
    lower = token.lower_
    if token.like_num or any(ch.isdigit() for ch in lower) or lower in NUMBER_WORDS \
            or (token.ent_type_ in NUMBER_ENTS and token.pos_ != "VERB"):  # "emptied gallons"
        return "number"
    if token.is_stop:
        return None
    if token.ent_type_ in NAME_ENTS or token.pos_ == "PROPN" or lower in MONTHS \
            or lower in WEEKDAYS:
        return "name"
    if token.pos_ not in CONTENT_POS:
        return None
    return {"NOUN": "noun", "VERB": "verb", "ADJ": "adj", "ADV": "adv"}.get(token.pos_, "noun")


def numbers_in(text: str) -> set[float]:
    """The numeric values written in ``text``: "$5bn" → 5e9, "35" → 35, "one-year" → 1."""
    values: set[float] = set()
    for match in NUMBER.finditer(text):
        try:
            value = float(match.group(1).replace(",", ""))
        except ValueError:
            continue
        unit = (match.group(2) or "").lower().replace(" ", "")
        if unit in SCALES:
            value *= SCALES[unit]
        values.add(round(value, 6))
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in NUMBER_WORDS and word not in AMBIGUOUS_NUMBER_WORDS:
            values.add(float(NUMBER_WORDS[word]))
    return values


COUNTED = re.compile(  # a number and the word after it: "35 years", "fourth quarter", "12-year"
    r"(?<![\w.$£€])(\d[\d,]*(?:\.\d+)?|"
    + "|".join(w for w in NUMBER_WORDS if w not in AMBIGUOUS_NUMBER_WORDS)
    + r")(?:\s+|-)([a-z]+)\b", re.IGNORECASE)
NOT_UNITS = frozenset(["and", "or", "to", "of", "in", "on", "at", "by", "for", "the", "a", "an",
                       "percent", "per", "cent", *SCALES])  # "$5 billion" is a value, not a count


def counts_in(text: str) -> set[tuple[float, str]]:
    """(value, stem of the counted word) for every number followed by a word: "35 years ago"
    → (35, "year"), "the fourth quarter" → (4, "quarter"); "$5 billion" counts nothing."""
    return {count for count, _ in _counts(text)}


def written(text: str, value: float, unit: str) -> str:
    """How ``text`` writes the count (value, unit) of ``counts_in``: "35 years"."""
    return next((w for c, w in _counts(text) if c == (value, unit)), f"{value:g} {unit}")


def _counts(text: str) -> Iterator[tuple[tuple[float, str], str]]:
    for match in COUNTED.finditer(text):
        number, unit = match.group(1).lower().replace(",", ""), match.group(2).lower()
        if unit in NOT_UNITS:
            continue
        try:
            value = float(NUMBER_WORDS[number]) if number in NUMBER_WORDS else float(number)
        except ValueError:
            continue
        yield (round(value, 6), stem(unit)), match.group(0)


def analyse_doc(doc: Doc, text: str) -> Analysed:
    sents: list[Sent] = []
    for span in doc.sents:
        start, end = trim(text, span.start_char, span.end_char)
        if start == end:
            continue
        tokens = [Tok(t.text, frozenset(token_keys(t)), t.lemma_.lower(), category(t),
                      t.lower_ in NEGATION_CUES, t.idx, t.ent_type_)
                  for t in span if not t.is_space]
        sent = Sent(start, end, tokens)
        previous = ""
        for tok in tokens:
            sent.keys |= tok.keys
            if tok.category == "name":  # what a place within a named place is looked up in
                sent.keys |= {NAME + key for key in tok.keys}
            sent.lemmas.add(tok.lemma)
            low = tok.text.lower()
            if previous:
                sent.keys.add(previous + low)  # "cliff top" meets "clifftop"
            previous = low if tok.text.isalpha() else ""
            if low in STRONG_NEGATION:
                sent.negations += 1
        sent.numbers = numbers_in(text[start:end])
        if sents and not _ends_sentence(text[sents[-1].start:sents[-1].end]) \
                and "\n" not in text[sents[-1].end:start]:
            merged = sents[-1]
            merged.end = end
            merged.tokens += sent.tokens
            merged.keys |= sent.keys
            merged.lemmas |= sent.lemmas
            merged.numbers |= sent.numbers
            merged.negations += sent.negations
        else:
            sents.append(sent)
    keys: set[str] = set()
    numbers: set[float] = set()
    df: dict[str, int] = {}
    for sent in sents:
        keys |= sent.keys
        numbers |= sent.numbers
        for key in sent.keys:
            df[key] = df.get(key, 0) + 1
    return Analysed(text, sents, keys, numbers, df, counts_in(text))


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", "\"", "\u201d", "'", "\u2019", ")", ":", ";"))


_cache: OrderedDict[str, Analysed] = OrderedDict()


_lock = threading.RLock()  # the cache is shared by the HTTP server's threads


def analyse(text: str) -> Analysed:
    """The analysis of ``text`` (cached: a document is parsed once for many statements)."""
    with _lock:
        found = _cache.get(text)
        if found is not None:
            _cache.move_to_end(text)
            return found
        return analyse_many([text])[0]


def analyse_many(texts: list[str], batch_size: int = 32) -> list[Analysed]:
    """``analyse`` for many texts: the ones not cached are parsed in batches."""
    from ..nlp.spacy_backend import load_nlp

    with _lock:
        found = {t: _cache[t] for t in dict.fromkeys(texts) if t in _cache}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            nlp = load_nlp()
            for text, doc in zip(missing, nlp.pipe(missing, batch_size=batch_size),
                                 strict=True):
                found[text] = _cache[text] = analyse_doc(doc, text)
                if len(_cache) > CACHE_SIZE:
                    _cache.popitem(last=False)
        return [found[t] for t in texts]


def clear_cache() -> None:
    _cache.clear()
