"""Aligned pairs of claims, and what every rule of ``Differ`` reads.

Two claim sentences of independent articles are *aligned* when they share three content words
and their overlap reaches ``[compare] align_threshold`` (the measure of the evidence); days,
places and polarity need a closer alignment, half way from there to ``support_threshold`` (but
a place where something happens needs only the alignment), and polarity needs the same
statement (``support_threshold`` over lemmas), but for one deed (``polarity``).
Numbers and days are compared by the alignment of the two sentences with or without the words
of their values (figures; days, months and figures), whichever is closer: a changed value must
not weaken the alignment that finds it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any

from ...ids import normalize_for_hash
from ...nlp.spacy_backend import analyse
from ...text.dates import MONTHS, WEEKDAYS
from ...text.quotemarks import DOUBLE, SINGLE
from ...text.similarity import content_words, overlap_score
from ...types import Claim, Fact, Span
from ..sources import People, Sources
from ..topics import event_at, gist, setting

if TYPE_CHECKING:
    from spacy.tokens import Token


LIGHT_VERBS = frozenset(["be", "have", "do", "get", "make", "go"])
QUOTE_MARKS = frozenset(chain(DOUBLE, *DOUBLE.values(), SINGLE, *SINGLE.values()))
MIN_SHARED = 3  # content words two sentences must share to be aligned at all
NEARLY_SAME = 65  # similarity of two sentences worded nearly the same (see ``polarity``)


@dataclass(frozen=True)
class Mention:
    """One side's value in one sentence."""

    kind: str
    value: str  # what is compared (normalized)
    label: str = field(compare=False)  # what is shown
    span: Span = field(compare=True)
    topic: str = field(compare=False)


@dataclass
class Pairing:
    a: Claim
    b: Claim
    score: float
    loose: bool = False  # aligned only loosely: compared on numbers of the very same subject
    # (score, loose) with the words of the values compared left out (``BLIND``): figures for
    # numbers, days for dates. Two sentences differing by a value align as well as two that
    # agree on it; else a changed value would hide itself from the comparison.
    blind: dict[str, tuple[float, bool]] = field(default_factory=dict)

    def by(self, kind: str) -> tuple[float, bool]:
        """What the pair's ``kind`` values are compared by: aligned with their words or
        without, whichever is closer."""
        score, loose = self.blind.get(kind, (self.score, self.loose))
        return max(score, self.score), loose and self.loose


DAY_WORDS = frozenset(content_words(" ".join([*WEEKDAYS, *MONTHS])))
BLIND: dict[str, Callable[[str], bool]] = {  # the words of a kind's values
    "number": str.isdigit,  # (not "two", "million": more false alarms than finds, measured)
    "date": lambda w: w.isdigit() or w in DAY_WORDS}


def aligned_pairs(claims: list[Claim], sources: Sources, threshold: float) -> list[Pairing]:
    """Every pair of claims of independent articles that share ``MIN_SHARED`` content words and
    reach ``threshold``; and, marked ``loose``, those that share two and reach half of it, or
    that are aligned only with the words of their numbers or days left out (``Pairing.by``)."""
    words = {c.id: content_words(c.text) for c in claims}
    index: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        for word in words[claim.id]:
            index[word].append(claim)
    without = {kind: {c.id: {w for w in words[c.id] if not value_word(w)} for c in claims}
               for kind, value_word in BLIND.items()}
    by_id = {c.id: c for c in claims}
    pairs: dict[frozenset[str], Pairing] = {}
    for claim in claims:
        shared: dict[str, list[str]] = defaultdict(list)
        for word in words[claim.id]:
            for other in index[word]:
                shared[other.id].append(word)
        mine = sources.source_of[claim.article_id]
        for other_id, common in shared.items():
            other = by_id[other_id]
            key = frozenset((claim.id, other_id))
            if key in pairs or sources.source_of[other.article_id] == mine \
                    or len(common) < MIN_SHARED - 1:
                continue
            score = overlap_score(words[claim.id], words[other_id])
            loose = len(common) < MIN_SHARED or score < threshold
            blind = {}
            for kind, value_word in BLIND.items():
                x, y = without[kind][claim.id], without[kind][other_id]
                if len(x) == len(words[claim.id]) and len(y) == len(words[other_id]):
                    continue  # no such value in either: the same alignment
                left = sum(not value_word(w) for w in common)
                kept = overlap_score(x, y)
                blind[kind] = (kept, left < MIN_SHARED or kept < threshold)
            if score >= threshold / 2 or not all(apart for _, apart in blind.values()):
                pairs[key] = Pairing(claim, other, score, loose, blind)
    return sorted(pairs.values(), key=lambda p: (p.a.span.article_id, p.a.span.start,
                                                  p.b.span.article_id, p.b.span.start))


# places where nothing is said to happen: the outlet's dateline, a title's ("Ambassador to the US")
NOWHERE = frozenset(["dateline", "title"])


def inside(span: Span, outer: Span) -> bool:
    return span.article_id == outer.article_id and outer.start <= span.start < outer.end


def first_conjunct(token: Token) -> Token:
    """The first of the conjuncts ``token`` is one of ("Zambia" of "Zimbabwe and Zambia":
    "Zimbabwe"; "join" of "to have lunch and join him": "have"), else ``token``."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


Key = tuple[str, str, str]  # a mention's kind, article and value: one side of one article


def key_of(m: Mention) -> Key:
    """One article's one value of a kind: the mention's side in that article."""
    return (m.kind, m.span.article_id, m.value)


WORD_LIST = re.compile(r"(?:when|where|whether): ")  # a topic of shared words (``topics.gist``)


class DifferBase:
    """What every kind of rule reads: the story's facts by article, its sources and people,
    and what is parsed once per claim."""

    def __init__(self, facts: list[Fact], sources: Sources, people: People,
                 tolerance: float, aligned: float, same_statement: float) -> None:
        self.sources, self.people, self.tolerance = sources, people, tolerance
        self._lemmas: dict[str, set[str]] = {}  # per claim: a claim is parsed once per story
        self._sentences: dict[str, Any] = {}  # claim id -> its parsed words (``sentence``)
        self._verbs: dict[str, dict[str, tuple[bool, Span, bool]] | None] = {}
        self._event_verbs: dict[str, frozenset[str]] = {}
        self._main: dict[str, str] = {}  # claim id -> the lemma of the verb it asserts with
        self._deeds: dict[str, dict[tuple[str, str], tuple[bool, Span, frozenset[str]]]] = {}
        self._doers: dict[tuple[str, str], str | None] = {}  # (claim id, speech verb) -> subject
        self._said: dict[tuple[str, str], str] = {}  # (claim id, "be") -> "not accurate"
        self._giving: dict[str, tuple[bool, Span, str] | None] = {}  # ``_quotation_verb``
        # claim id -> content words of what it asserts: its asserting verb's clause, without an
        # attribution ("according to …") or the "said" that reports it
        self._asserted: dict[str, set[str]] = {}
        # (claim id, verb) -> what a deed it asserts is done to, and its tense
        self._objects: dict[tuple[str, str], tuple[frozenset[str], str]] = {}
        self._aims: set[tuple[str, str]] = set()  # (claim id, verb): what is sought, not done
        self.same_statement, self.aligned = same_statement, aligned
        self.close = (aligned + same_statement) / 2  # days, places, polarity need this
        self.facts_of: dict[str, list[Fact]] = defaultdict(list)
        for fact in facts:
            self.facts_of[fact.article_id].append(fact)
        self.texts = {a.id: normalize_for_hash(a.text) for a in sources.articles.values()}
        self._quoted: dict[str, list[tuple[int, int]]] = {}  # per article: its quoted words
        self._given: dict[str, Counter[str]] = defaultdict(Counter)  # day -> article -> times

    def sentence(self, claim: Claim) -> Any:
        """The parsed words of ``claim`` (a spaCy span, once per claim and story), None where
        its offsets cross tokens oddly."""
        if claim.id not in self._sentences:
            parsed = analyse(self.sources.articles[claim.article_id])
            self._sentences[claim.id] = parsed.doc.char_span(
                claim.span.start, claim.span.end, alignment_mode="expand")
        return self._sentences[claim.id]

    def in_claim(self, claim: Claim, kind: str) -> list[Fact]:
        return [f for f in self.facts_of[claim.article_id]
                if f.kind == kind and inside(f.span, claim.span)]

    def days(self, claim: Claim) -> list[Fact]:
        """The full days ``claim`` dates something on; not its dateline's, the day the report
        was filed ("WASHINGTON, April 30 (Reuters) -")."""
        return [f for f in self.in_claim(claim, "date") if f.normalized
                and len(f.normalized) == 10 and "dateline" not in f.qualifier]

    def anywhere(self, article_id: str, kind: str) -> set[str]:
        return {f.normalized or f.value for f in self.facts_of[article_id] if f.kind == kind}

    def about(self, word: str, span: Span, a: Claim, b: Claim, avoid: Span | None = None,
              at_verb: bool = False) -> str:
        """A topic, "when …", "whether …", "where …": the event of the verb ``span`` depends on
        in its article's words (``topics.event``), else "when: " and the words ``a`` and ``b``
        share. ``at_verb`` (a place): only a verb the words at ``span`` are a preposition's
        object of ("met in Mexico City"), else the words the place is part of ("the candidate
        in Missouri", ``topics.setting``)."""
        parsed = analyse(self.sources.articles[span.article_id])
        told = event_at(parsed, span, avoid, (a.text for a in self.sources.articles.values()),
                        at_verb)
        if told:
            return f"{word} {told}"
        part = setting(parsed, span) if at_verb else None  # "… University in Bellingham"
        return f"the place in “{part}”" if part else f"{word}: {gist(a.text, b.text)}"

    def whether(self, span_a: Span, span_b: Span, neg_a: bool, a: Claim, b: Claim) -> str:
        """A polarity conflict's topic: the event as the sentence that says it happened tells
        it, else as the one that says it did not ("whether Braley did not apologize to
        Grassley"), else the shared words."""
        said, denied = (span_b, span_a) if neg_a else (span_a, span_b)
        topic = self.about("whether", said, a, b)
        return self.about("whether", denied, a, b) if WORD_LIST.match(topic) else topic

    def _words(self, fact: Fact) -> Any:
        """The parsed words of ``fact`` (a spaCy span), None where they cross tokens oddly."""
        parsed = analyse(self.sources.articles[fact.article_id])
        return parsed.doc.char_span(fact.span.start, fact.span.end, alignment_mode="expand")
