"""Conflicts between aligned sentences: two independent articles saying the same thing, differently.

Two claim sentences of independent articles are *aligned* when they share three content words
and their overlap reaches ``[compare] align_threshold`` (the measure of the evidence); days,
places and polarity need a closer alignment, half way from there to ``support_threshold`` (but
a place where something happens needs only the alignment), and polarity needs the same
statement (``support_threshold`` over lemmas), but for one deed (below). In an aligned pair, a
value that differs is a conflict when it is a real difference, not another wording or another
fact:
- number: the same counted thing (the noun the number counts, or the same subject), values that
  do not agree (hedges and bounds as in ``numbers_agree``), neither value given for that thing
  anywhere in the other article, nor written in the other sentence as a figure that counts
  nothing of its own ("a two-in-three chance": its 3; ``Differ.uncounted``); in sentences
  aligned less closely, the very same subject ("deferment obtained"), or the one count each
  article gives of a thing named by a noun (by WordNet, or the noun the figure counts: "the
  two Koreas"), subjects one within the other ("term" / "term served") or the same noun of the
  same thing ("pages of e-mails" / "pages of emails": ``Differ.only_counts``), or the one sum
  of money each article says one verb handled, each sentence giving one sum ("repay the
  $84,000": ``Differ.only_sums``); and in any two sentences, the one count each article gives
  of a thing named by the same words ("400 contract dockers" / "About 900 contract dockers"),
  or of one remark's words, a figure quoted alone ("the “40 percent”" / "the “70 percent”
  line"), or of a thing a hyphen joins to its figure before what it describes ("a four-term
  council member" / "the 11-term councillor"), unless the two are given to people named
  apart (``Differ.tallies``); but never two percentages of different things, one a share of
  a whole it names or a measure of a noun ("30 percent of port imports", "a 15 percent
  increase"), the other of another or of none ("a levy of 12 percent") (``Differ.other_wholes``);
- date: two different days, neither of them stated anywhere in the other article, in closely
  aligned sentences or of the same event (the dates' subjects share a word: "collapsed", or
  the events they date as parsed share a verb: "an audit, released on Thursday" / "findings
  released on Saturday", so too in sentences aligned only loosely, whose days never join a day
  of one of their articles to another day of it: ``_told_otherwise``); but a
  day that its article gives once and no other article gives, in a sentence closely aligned
  with the other's and of a subject sharing a word, is not excused by its article giving the
  other day elsewhere: that is the story's day, which every report states somewhere; so too in
  sentences aligned less closely, where its article gives the other day only in sentences that
  share too few words with the other's to be aligned at all (they date something else); and in
  any two sentences, the days two articles give one event as parsed, the same verb (or the noun
  made of it) with the same named doer, or with the same object in sentences that name someone
  in common ("Akin on Thursday refused to step down" / "Akin continued his refusal to step down
  Tuesday"), each article dating that event on one day only (``Differ.occasions``);
- place: a place named in one sentence and a different one in the other, each absent from the
  other article's whole text, neither within the other ("London" / "U.K." is a difference of
  precision), neither a dateline (outlets file from different places) nor a title's ("Ambassador
  to the US"); in sentences aligned less closely, only where something is or happens
  ("arrested in Florida" / "in Texas"); and
  in any two sentences, the places two articles give one thing, named by the same noun or
  verb and preposition ("a fundraiser in Texas" / "the Iowa fundraiser"; the thing placed
  may be a preposition's object: "left for a trip to Utah" / "left for Iowa"), or named with the
  same region where WordNet knows one of them to lie outside it ("the consulate in Benghazi,
  Libya" / "the attack in Nebraska, Libya"), or as the one place that differs between two
  lists of as many places, the others named in both ("from Ghana and Peru" / "from Latvia and
  Ghana": one list), each named nowhere in the other article but in a longer name ("the Leeds
  Evening Post") or in a name the tagger calls no place ("The White House declined to
  comment") (``Differ.settings``);
- role: the same person given titles that are not compatible, neither title given to that person
  anywhere in the other article;
- polarity (type ``status``): the same verb negated in one sentence and affirmed in the other,
  or the verbs the two sentences assert with (the root, or what a "said" reports), in other
  words ("urged" / "did not encourage"), when one sentence says "no" once more than the other;
  the verb a sentence asserts with stands for its lemma over clauses under it ("the rate was not
  35.7 percent, while the other was …") and over the quoted words it adds ("did not have …: “…
  you have …”"), and a "there is" for the verb its noun names ("there had not been entries" /
  "entered"); the verbs that introduce the same quoted words, one
  negated ("the letter did not conclude, “…”" / "“…,” the letter stated"); two sentences whose
  asserted clauses (what the verb they assert with says, without an attribution "according to
  …" or the "X said" that reports it) are nearly the same in their words compare those verbs
  even when one is "is" or "has" ("the plan does not have three aims — …" / "she said her plan
  was guided by three aims: …"), unless both are; the purpose of a negated verb is not done
  ("was not at the office to have lunch with Reed": "not have"), an affirmed verb's purpose is
  not said to be done ("went there to meet him"), and what is wanted or sought is not done
  (yet: "have sought for weeks to question Reed" / "Reed has been questioned"; not what is
  tried, which may have succeeded, nor planned, nor not wanted); in closely aligned sentences
  that are not the same statement, one deed each asserts (its verb, the purpose of its negated
  verb, or what it seeks), the same verb with the same object (what it is done to) in the same
  tense ("did not" / "will"), negated in one only ("was not there to have lunch with Reed" /
  "Reed had lunch with her"); a deed sought compares so though neither sentence says "no" in a word;
  in sentences aligned less closely, one deed (the same named doer, verb and object) negated
  in one of them only ("Braley did not apologize to Grassley" / "Braley apologized to Grassley
  in person").
Numbers and days are compared by the alignment of the two sentences with or without the words
of their values (figures; days, months and figures), whichever is closer: a changed value must
not weaken the alignment that finds it.
Conflicts found in several pairs are merged when they share a mention, and aligned pairs that
agree on a number or a day join their sources to that value, so that each side lists every
source that gives it (components with a single value are no conflict; of two days, a source
that alone gives one, once, stands on that day's side only); the side most independent
sources give comes first (ties: the value stated in the text of more sources, then in order of
appearance).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import chain, combinations, product
from typing import TYPE_CHECKING, Any

from ..ids import normalize_for_hash
from ..nlp.spacy_backend import analyse
from ..render.words import subject_verb
from ..text.datelines import DATELINE
from ..text.dates import MONTHS, WEEKDAYS
from ..text.names import SPEECH, SPEECH_FORMS
from ..text.numbers import UNITS, parse_number
from ..text.places import PAIR, named_in, outside, part_of, place_names, same_place
from ..text.quotemarks import DOUBLE, SINGLE, find_quoted
from ..text.similarity import content_words, overlap_score
from ..types import Claim, Fact, Side, Span
from .facts import NEGATORS, PLACE_LABELS, place_named_as_org
from .sources import People, Sources
from .topics import counted, dating, event_at, gist, setting

if TYPE_CHECKING:
    from spacy.tokens import Token

# words that say "no" without a negation: polarity is then a matter of wording, not compared
NEGATIVE_WORDS = frozenset(["decline", "refuse", "deny", "fail", "reject", "avoid", "lack",
                            "oppose", "prevent", "refrain", "halt", "stop", "bar", "ban",
                            "exclude", "dismiss", "unable", "nobody", "none", "nothing",
                            "nowhere", "hardly", "barely", "impossible", "absence", "refusal"])
NEGATING = ("det", "advmod", "preconj")
LIGHT_VERBS = frozenset(["be", "have", "do", "get", "make", "go"])
QUOTE_MARKS = frozenset(chain(DOUBLE, *DOUBLE.values(), SINGLE, *SINGLE.values()))
NOT_NEGATING = frozenset(["only", "just", "merely", "least"])  # "not only", "not least"
MIN_SHARED = 3  # content words two sentences must share to be aligned at all
NEARLY_SAME = 65  # similarity of two sentences worded nearly the same (see ``polarity``)
MEASURES = frozenset(["percent", "percentage", "point", "dollar", "cent"])  # a share or a sum
BACK = frozenset(["this", "that", "these", "those"])  # words of a thing told before
PART = frozenset(["other", "more", "additional", "further"])  # "three other women": a part
MONEY = re.compile(r"[$€£¥]|\b(?:dollars?|euros?|pounds?)\b", re.I)  # a sum of money
LOCATIVE = frozenset(["in", "at", "to", "from", "near", "into", "inside", "outside", "across"])
NOT_ADVERB = re.compile(r"\b(?:not|never)\b|n['’]t\b", re.I)


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


# -- what differs in one aligned pair ------------------------------------------------------------

# places where nothing is said to happen: the outlet's dateline, a title's ("Ambassador to the US")
NOWHERE = frozenset(["dateline", "title"])


def inside(span: Span, outer: Span) -> bool:
    return span.article_id == outer.article_id and outer.start <= span.start < outer.end


class Differ:
    """Finds the differing values of aligned pairs, with what each article states anywhere."""

    def __init__(self, facts: list[Fact], sources: Sources, people: People,
                 tolerance: float, aligned: float, same_statement: float) -> None:
        self.sources, self.people, self.tolerance = sources, people, tolerance
        self._lemmas: dict[str, set[str]] = {}  # per claim: a claim is parsed once per story
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

    def diff(self, pair: Pairing) -> Iterator[tuple[Mention, Mention]]:
        yield from self.numbers(pair.a, pair.b, exact=pair.by("number")[1])
        score, loose = pair.by("date")
        yield from self.dates(pair.a, pair.b, close=score >= self.close, loose=loose)
        if pair.score < self.close:  # sentences told apart: one event each, both ways
            yield from self.events(pair.a, pair.b)
        if pair.loose:
            return
        yield from self.places(pair.a, pair.b, close=pair.score >= self.close)
        yield from self.roles(pair.a, pair.b)
        if pair.score >= self.close:
            yield from self.polarity(pair.a, pair.b,  # which checks the same statement
                                     worded_alike=pair.score >= self.same_statement,
                                     nearly_same=pair.score >= NEARLY_SAME)

    def numbers(self, a: Claim, b: Claim, exact: bool = False) -> Iterator[tuple[Mention, Mention]]:
        """Numbers of one counted thing; ``exact``: of the very same subject ("people
        evacuated"), for loosely aligned sentences, or two different values of the one count
        each article gives of that thing (``only_counts``)."""
        from .conflicts import numbers_agree  # one rule for agreeing numbers

        numbers_a, numbers_b = self.in_claim(a, "number"), self.in_claim(b, "number")
        given_a, given_b = (self.uncounted(c, hs) for c, hs in ((a, numbers_a), (b, numbers_b)))
        for f in numbers_a:
            for g in numbers_b:
                x, y = f.normalized or f.value, g.normalized or g.value
                if not same_count(f, g) or (exact and not _same_subject(f, g) and (
                        x == y or not (self.only_counts(f, g, a, b)
                                       or self.only_sums(f, g, a, b)))):
                    continue  # (one value of two subjects joins no sides: "two countries")
                topic = self.counted(f) or _counted(f) or _counted(g)
                if x == y:  # an agreement: it adds its sources to that value's side
                    yield (Mention("number", x, f.value, f.span, topic),
                           Mention("number", y, g.value, g.span, topic))
                    continue
                if self.counts(b.article_id, f, x) or self.counts(a.article_id, g, y) \
                        or x in given_b or y in given_a:
                    continue  # (the other sentence gives the value too: "two-in-three")
                if numbers_agree(f, g, self.tolerance) or self.other_wholes(f, g):
                    continue  # (bare years are no number facts)
                yield (Mention("number", x, f.value, f.span, topic),
                       Mention("number", y, g.value, g.span, topic))

    def other_wholes(self, f: Fact, g: Fact) -> bool:
        """Two percentages of different things: one that names what it is a share of ("about
        30 percent of port imports") or what it measures ("a 15 percent increase") and one
        that names another thing or none ("a levy of 12 percent on grain") are two figures,
        not one told two ways."""
        if _counted(f) != "percent" and _counted(g) != "percent":
            return False
        whole_f, whole_g = self.share_of(f), self.share_of(g)
        return (whole_f is not None or whole_g is not None) and whole_f != whole_g

    def share_of(self, fact: Fact) -> str | None:
        """What a percentage is a share of ("percent of port imports", ``of_thing``) or measures
        ("a 15 percent increase": "increase"); None where its words name neither, or name a
        whole told before ("90 percent of them", "of those pictures": which whole, the words
        do not say)."""
        whole = self.of_thing(fact)
        if whole is not None:
            words = self._words(fact)
            number = next((t for t in reversed(words or ()) if t.like_num), None)
            of = next((c for c in number.head.children if c.lower_ == "of"), None) \
                if number is not None else None
            before = [t for c in (of.children if of is not None else ()) if c.dep_ == "pobj"
                      for t in (c, *c.children) if t.pos_ == "PRON" or t.lower_ in BACK]
            return None if before else whole
        told = self.counted(fact) or ""
        noun = told.removeprefix("number of ").split(" ")[0]
        return noun if told.startswith("number of ") and noun not in MEASURES else None

    def uncounted(self, claim: Claim, numbers: list[Fact]) -> set[str]:
        """The figures ``claim`` writes that count no thing of their own: not a date's ("two
        days after"), nor a count of a named thing ("55,000 files"); those of a ratio ("a
        two-in-three chance": 3), a "one" (no count fact). A value the other sentence writes so
        is no difference: its subject was told apart otherwise, not its value."""
        doc = analyse(self.sources.articles[claim.article_id]).doc
        words = doc.char_span(claim.span.start, claim.span.end, alignment_mode="expand")
        named = [h.span for h in numbers if normalize_for_hash(h.subject) != "number"]
        found = set()
        for token in words or ():
            if not token.like_num or token.ent_type_ in ("DATE", "TIME", "ORDINAL") or any(
                    sp.start <= token.idx < sp.end for sp in named):
                continue
            number = parse_number(token.text)
            if number is not None:
                found.add(number)
        return found

    def counted(self, fact: Fact) -> str | None:
        """What ``fact`` counts, in its article's words (``topics.counted``)."""
        return counted(analyse(self.sources.articles[fact.article_id]), fact.span)

    def only_counts(self, f: Fact, g: Fact, a: Claim, b: Claim) -> bool:
        """The one count each article gives of one kind of thing, in sentences that share two
        words and half the alignment with their figures left out: the subjects one within the
        other ("email" / "email received", "term" / "term served"), counting things named by
        a noun (not a sum or a share: "moved", "percent", nor a part: "three other women"),
        of the same kind ("state senators" are not "senators"), and no other value of that
        thing anywhere in either article (a story's "people" told twice, 300,000 and 700,000,
        are two things)."""
        words_f, words_g = (set(normalize_for_hash(h.subject).split()) for h in (f, g))
        thing, whole = _counted(f), self.of_thing(f)
        named = whole is not None and whole == self.of_thing(g)
        if not (words_f <= words_g or words_g <= words_f or named) \
                or not self.a_noun(thing, f) or thing in MEASURES \
                or self.kind_of(f) != self.kind_of(g):
            return False
        x, y = (content_words(re.sub(r"\d", " ", c.text)) for c in (a, b))
        if len(x & y) < MIN_SHARED - 1 or overlap_score(x, y) < self.aligned / 2:
            return False
        return all(len({h.normalized or h.value for h in self.facts_of[fact.article_id]
                        if h.kind == "number" and same_count(h, fact)
                        and not (named and self.of_thing(h) not in (None, whole))}) == 1
                   for fact in (f, g))

    def tallies(self, claims: list[Claim]) -> Iterator[tuple[Mention, Mention, str]]:
        """The counts two independent articles give one thing, however else the sentences are
        worded: a figure of a noun named with the same words before it ("leaving 400 contract
        dockers without pay" / "About 900 contract dockers, half of them from Harlow"; a bare
        noun, "people", names no one thing), or a figure quoted alone with its word ("the
        “40 percent”" / "the “70 percent” line": one remark's words), or a figure a hyphen
        joins to what it counts before what it describes ("a four-term council member" /
        "the 11-term councillor", of one person unless named apart: ``one_described``),
        each article giving that thing one count only and neither value anywhere in the
        other article for it; not a sum or a share, nor a part ("three other women")
        (``named_thing``). Each pair comes with what is counted ("the number of contract
        dockers")."""
        from .conflicts import numbers_agree

        told: dict[str, dict[tuple[str, ...], list[tuple[Fact, str]]]] = {}
        for claim in claims:
            found = told.setdefault(claim.article_id, defaultdict(list))
            for fact in self.in_claim(claim, "number"):
                thing = self.named_thing(fact)
                if thing is not None:
                    found[thing[0]].append((fact, thing[1]))
        for a_id, b_id in combinations(sorted(told), 2):
            if self.sources.source_of[a_id] == self.sources.source_of[b_id]:
                continue
            for key in sorted(told[a_id].keys() & told[b_id].keys()):
                (f, words), *more_a = told[a_id][key]
                (g, _), *more_b = told[b_id][key]
                x, y = f.normalized or f.value, g.normalized or g.value
                if x == y or any((h.normalized or h.value) != x for h, _ in more_a) \
                        or any((h.normalized or h.value) != y for h, _ in more_b) \
                        or self.counts(b_id, f, x) or self.counts(a_id, g, y) \
                        or numbers_agree(f, g, self.tolerance):
                    continue
                if key[-1] == "-" and not self.one_described(f, g):
                    continue
                yield (Mention("number", x, f.value, f.span, self.counted(f) or words),
                       Mention("number", y, g.value, g.span, self.counted(g) or words),
                       words)

    def one_described(self, f: Fact, g: Fact) -> bool:
        """Two figures joined by a hyphen to what they count ("a four-term councillor") may
        describe one person: each person a figure is given to by name ("Brennan, a four-term
        councillor", "four-star General Ruiz") is named in the other article, and if both
        are named, by the same name ("four-star" generals are many)."""
        names = [self._described(h) for h in (f, g)]
        if all(names) and names[0] != names[1]:
            return False
        return all(name is None or re.search(rf"\b{re.escape(name)}\b", self.texts[other], re.I)
                   for name, other in zip(names, (g.article_id, f.article_id), strict=True))

    def _described(self, fact: Fact) -> str | None:
        """The last word of the name a hyphened figure describes: the name it or its noun
        stands before ("four-star General Ruiz", "councillor Tom Keller") or is in apposition
        with; None for no name."""
        words = self._words(fact)
        number = next((t for t in reversed(words or ()) if t.like_num), None)
        if number is None:
            return None
        thing = number.head.head  # a title before the name, or the name's apposition
        while thing.dep_ in ("appos", "compound", "amod") and thing.head.pos_ == "PROPN":
            thing = thing.head
        if thing.pos_ != "PROPN":
            thing = next((c for c in thing.children if c.dep_ == "appos"
                          and c.pos_ == "PROPN"), None)
        if thing is None:
            return None
        name = next((e for e in thing.doc.ents if e.start <= thing.i < e.end), None)
        return (name[-1] if name is not None else thing).lower_

    def named_thing(self, fact: Fact) -> tuple[tuple[str, ...], str] | None:
        """The noun a figure counts (its lemma) and the words before it that name the thing
        ("contract" dockers, "state" senators), sorted, with what is counted as written; None
        for a bare noun, a sum or a share, a part ("three other women"), or a figure that
        counts no noun. Also a figure quoted alone with the word it counts ("her “40
        percent” jibe": the words of a remark or a slogan), by that word; and a figure a
        hyphen joins to what it counts, before what it describes ("a four-term council
        member"), by that noun: a property of what it describes."""
        text = self.sources.articles[fact.article_id].text
        unit = re.sub(r"[\d.,]+", " ", fact.value).split()
        if unit and all(w.isalpha() for w in unit) and text[fact.span.start - 1:fact.span.start] \
                in DOUBLE and set(text[fact.span.end:fact.span.end + 2]) & QUOTE_MARKS:
            quoted = " ".join(["…", *unit])
            return ("“", *(w.lower() for w in unit)), f"the figure in the words quoted, “{quoted}”"
        parsed = analyse(self.sources.articles[fact.article_id])
        span = parsed.doc.char_span(fact.span.start, fact.span.end, alignment_mode="expand")
        number = next((t for t in reversed(span or ()) if t.like_num), None)
        if number is None or number.dep_ not in ("nummod", "quantmod") \
                or number.head.i < number.i or number.head.pos_ != "NOUN" \
                or MONEY.search(parsed.article.text, max(0, fact.span.start - 1),
                                fact.span.end + 8):
            return None
        noun = number.head
        lemma = noun.lemma_.lower()
        if noun.i == number.i + 2 and noun.nbor(-1).text == "-" and lemma not in MEASURES \
                and noun.dep_ in ("amod", "compound") and noun.head.i > noun.i:
            return (lemma, "-"), f"the figure in “…-{noun.lower_}”"  # "a four-term member"
        named = [c for c in noun.children if c.dep_ in ("amod", "compound")
                 and c.i < noun.i and not c.like_num]
        if lemma in MEASURES or not named or any(c.lower_ in PART for c in named) \
                or not all(c.is_alpha for c in named):
            return None
        written = parsed.article.text[named[0].idx:noun.idx + len(noun)]
        return (lemma, *sorted(c.lemma_.lower() for c in named)), f"the number of {written}"

    def of_thing(self, fact: Fact) -> str | None:
        """The noun a figure counts with what it is of ("100 pages of e-mails": "page of
        emails"), for the one count of that thing whatever was done with it; None without
        an "of"."""
        doc = analyse(self.sources.articles[fact.article_id]).doc
        span = doc.char_span(fact.span.start, fact.span.end, alignment_mode="expand")
        number = next((t for t in span or () if t.like_num), None)
        if number is None or number.dep_ != "nummod" or number.head.i < number.i:
            return None
        noun = number.head
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                   and c.i == noun.i + 1), None)
        last = max((c.i for c in of.children if c.dep_ == "pobj"), default=0) if of else 0
        if of is None or not 0 < last - of.i <= 3:
            return None
        words = re.sub(r"[^a-z]", "", doc[of.i + 1:last + 1].text.lower())
        return f"{noun.lemma_.lower()} of {words}" if words else None

    def a_noun(self, word: str, fact: Fact) -> bool:
        """``word``, what ``fact`` counts, is a noun: by WordNet, or the figure counts the noun
        after it in its sentence (a name in the plural: "the two Koreas")."""
        from ..consistency.wordnet import is_noun

        return is_noun(word) or (self.counted(fact) or "").lower() == f"number of {word}"

    def only_sums(self, f: Fact, g: Fact, a: Claim, b: Claim) -> bool:
        """The one sum of money each article says was handled one way, a subject that is a
        verb alone ("repaid the $84,000" / "pledged to repay the $84,000", "funneled"): one
        word names the deed, and the money is what it was done with; each sentence gives that
        one sum ("to move about $200 million from one account and another $600 million from
        the other" tells parts)."""
        from ..consistency.wordnet import is_noun

        subject = normalize_for_hash(f.subject)
        if " " in subject or subject != normalize_for_hash(g.subject) or is_noun(subject) \
                or not all(self.money(h) for h in (f, g)) or any(
                    sum(self.money(h) for h in self.in_claim(c, "number")) > 1 for c in (a, b)):
            return False
        return all(len({h.normalized or h.value for h in self.facts_of[fact.article_id]
                        if h.kind == "number" and normalize_for_hash(h.subject) == subject})
                   == 1 for fact in (f, g))

    def money(self, fact: Fact) -> bool:
        """A sum of money: "$84,000" (the sign may stand outside the figure's words)."""
        text = self.sources.articles[fact.article_id].text
        return bool(MONEY.search(text, max(0, fact.span.start - 1), fact.span.end + 8))

    def kind_of(self, fact: Fact) -> tuple[set[str], bool] | None:
        """The nouns that make what a number counts a kind of it ("state" senators), and
        whether it counts a part ("three other women", "two more debates"); None unparsed."""
        doc = analyse(self.sources.articles[fact.article_id]).doc
        span = doc.char_span(fact.span.start, fact.span.end, alignment_mode="expand")
        number = next((t for t in span or () if t.like_num), None)
        if number is None:
            return None
        noun = number.head
        return ({c.lemma_.lower() for c in noun.children if c.dep_ == "compound"
                 and c.pos_ == "NOUN"},
                any(c.lower_ in PART for c in noun.children if c.dep_ == "amod"))

    def counts(self, article_id: str, like: Fact, value: str) -> bool:
        """The article gives ``value`` for the thing ``like`` counts, anywhere."""
        return any((f.normalized or f.value) == value and same_count(f, like)
                   for f in self.facts_of[article_id] if f.kind == "number")

    def dates(self, a: Claim, b: Claim, close: bool, loose: bool = False
              ) -> Iterator[tuple[Mention, Mention]]:
        """The days of two aligned sentences (``_days``). Sentences aligned less closely must
        date the same event: the dates' subjects share a word ("collapsed"), or the events
        they date as parsed share a verb (``event_verbs``: "the lawsuit, argued Tuesday" /
        "Tuesday's arguments"); sentences aligned only ``loose``ly, that event as parsed
        ("the indictment unsealed on Friday" / "the indictment released early Friday")."""
        days_a, days_b = self.days(a), self.days(b)
        if not days_a or not days_b:
            return
        same = False
        if len({f.normalized for f in days_a}) == 1 and len({g.normalized for g in days_b}) == 1:
            f, g = days_a[-1], days_b[-1]
        else:  # two days in a sentence: only the event both date pairs them ("pleaded")
            events = [(f, g) for f in days_a for g in days_b
                      if _same_event(f, g) or self.event_verbs(f) & self.event_verbs(g)]
            if len(events) != 1:
                return
            (f, g), same = events[0], True
        parsed = bool(self.event_verbs(f) & self.event_verbs(g))
        if loose and not parsed:
            return
        if not (close or same or parsed) \
                and not content_words(f.subject) & content_words(g.subject):
            return  # less closely aligned sentences must date the same event ("collapsed")
        yield from self._days(f, g, a, b, close, aligned=not loose)

    def leads(self, claims: list[Claim]) -> Iterator[tuple[Mention, Mention]]:
        """The days two leads give one event, however else they are worded. An article's
        first three paragraphs tell the day's news (a photo caption may come first), so
        when the first sentence there that dates a day dates one day only in each of two
        independent articles, the two sentences name someone in common ("Gov. Chris Christie
        declared an uphill candidacy on Tuesday" / "Chris Christie told supporters on
        Thursday"), and the two articles were published the same day or the next, the two
        days are one event's. Articles published further apart may tell two events ("Obama
        and Boehner met" on Sunday, and again on Thursday); the guards of ``dates`` apply
        too, with the exception of sentences aligned (``_days``): a lead's day that its
        article alone gives, once, is not excused by that article giving the other lead's day
        only in sentences told apart from that lead ("Obama unveiled on Friday the most
        sweeping effort" / "Obama called Wednesday for a new ban", the first article giving
        Wednesday only for other things; eighteenth session: one day more found, no false
        alarm). (Measured on the real clusters, BENCHMARKS.md: two paragraphs find one day fewer;
        four make more false alarms; the lead's only day instead of its first dated sentence
        finds fewer.) "First" is in the order ``claims`` come in, the store's, by claim id, not
        by position: by position made three false alarms more and found one day fewer
        (fifteenth session), so the rule reads one dated sentence of the lead, chosen by id."""
        dated: dict[str, tuple[Fact, Claim]] = {}
        for article_id in sorted({c.article_id for c in claims}):
            article = self.sources.articles[article_id]
            if not article.paragraphs:
                continue
            start, end = article.paragraphs[0].start, article.paragraphs[:3][-1].end
            lead = [c for c in claims if c.article_id == article_id
                    and start <= c.span.start < end]
            for c in lead:
                days = self.days(c)
                if days:
                    if len({f.normalized for f in days}) == 1:
                        dated[article_id] = (days[0], c)
                    break
        for a_id, b_id in combinations(sorted(dated), 2):
            (f, a), (g, b) = dated[a_id], dated[b_id]
            if self.sources.source_of[a_id] == self.sources.source_of[b_id] \
                    or not _near(self.sources.articles[a_id].published,
                                 self.sources.articles[b_id].published) \
                    or not _names(a.text) & _names(b.text):
                continue
            yield from self._days(f, g, a, b, aligned=True)

    def _days(self, f: Fact, g: Fact, a: Claim, b: Claim, close: bool = False,
              aligned: bool = False, event: bool = False) -> Iterator[tuple[Mention, Mention]]:
        """Two days of one event, as mentions: an agreement, a difference, or nothing when the
        guards of ``dates`` hold. In ``close``ly aligned sentences, a day that its article alone
        gives, once, is not excused by that article giving the other day elsewhere: that day,
        which more sources give, is the story's, and every report states it somewhere. So too
        in sentences only ``aligned`` (not the leads), where that article gives the other day
        only in sentences that share too few words with the other's to be aligned at all
        (``told_apart``): there it dates something else ("It was on vivid display Tuesday" /
        "Christie made a public announcement Tuesday"), and tells this event on its own day.
        The dates' subjects must share a word for this, but for days of one ``event`` as parsed
        (``occasions``)."""
        x, y = str(f.normalized), str(g.normalized)
        pair = (Mention("date", x, f.value, f.span, self.about("when", f.span, a, b, f.span)),
                Mention("date", y, g.value, g.span, self.about("when", g.span, b, a, g.span)))
        seen_a, seen_b = self.anywhere(a.article_id, "date"), self.anywhere(b.article_id, "date")
        if (close or aligned) and (event or content_words(f.subject) & content_words(g.subject)):
            seen_a, seen_b = (
                seen_a - {y} if self.alone(f.article_id, x)
                and (close or self.told_apart(a.article_id, y, b)) else seen_a,
                seen_b - {x} if self.alone(g.article_id, y)
                and (close or self.told_apart(b.article_id, x, a)) else seen_b)
        if x == y:
            yield pair  # an agreement: it adds its sources to that day's side
        elif not _weekdays(f.value) & _weekdays(g.value) and not _on_its_weekday(f, y) \
                and not _on_its_weekday(g, x) and x not in seen_b and y not in seen_a \
                and y not in _days_apart(a.text, x) and x not in _days_apart(b.text, y):
            yield pair  # ("Friday" and "Friday" resolved from different datelines agree)

    def alone(self, article_id: str, day: str) -> bool:
        """The article gives ``day`` once, and no other article gives it."""
        if not self._given:
            for f in chain.from_iterable(self.facts_of.values()):
                if f.kind == "date":
                    self._given[f.normalized or f.value][f.article_id] += 1
        return self._given.get(day) == {article_id: 1}

    def told_apart(self, article_id: str, day: str, other: Claim) -> bool:
        """Every sentence in which the article gives ``day`` shares fewer than ``MIN_SHARED``
        content words with ``other``, the words of days left out (``BLIND``): none of them
        tells what ``other`` tells."""
        article, day_word = self.sources.articles[article_id], BLIND["date"]
        parsed = analyse(article)
        words = {w for w in content_words(other.text) if not day_word(w)}
        for fact in self.facts_of[article_id]:
            if fact.kind == "date" and fact.normalized == day:
                start, end = parsed.sentence_at(fact.span.start)
                if len(content_words(article.text[start:end]) & words) >= MIN_SHARED:
                    return False
        return True

    def occasions(self, claims: list[Claim]) -> Iterator[tuple[Mention, Mention, str]]:
        """The days two independent articles give one event, however else the sentences are
        worded: the event as parsed (``_events_dated``), the same verb (or the noun made from
        it: "refused" / "his refusal") with the same named doer, or with the same object in
        sentences that name someone in common ("Akin refused to step down" / "Akin continued
        his refusal to step down"), dated by each article on one day only. The guards of
        ``_days`` apply, as to sentences aligned: each day stated nowhere in the other article,
        but for a day its article alone gives, once, against a day that article gives only in
        sentences told apart from the other's (``told_apart``). Each pair comes with the words
        that say why the two days are one event's ("the day of one event: “refuse”, by
        akin"). (Measured on the real clusters: the verb and object alone, without a name in
        common, paired two statements of two people, "issued a statement".)"""
        dated: dict[str, dict[tuple[str, str], list[tuple[Fact, Claim, str]]]] = {}
        for claim in claims:
            found = dated.setdefault(claim.article_id, defaultdict(list))
            for fact in self.days(claim):
                for key, words in self._events_dated(fact):
                    found[key].append((fact, claim, words))
        for a_id, b_id in combinations(sorted(dated), 2):
            if self.sources.source_of[a_id] == self.sources.source_of[b_id]:
                continue
            for key in sorted(dated[a_id].keys() & dated[b_id].keys()):
                days_a = {str(f.normalized) for f, _, _ in dated[a_id][key]}
                days_b = {str(g.normalized) for g, _, _ in dated[b_id][key]}
                if len(days_a) != 1 or len(days_b) != 1 or days_a == days_b:
                    continue
                (f, a, words), (g, b, _) = dated[a_id][key][0], dated[b_id][key][0]
                if not key[1].startswith("by ") and not _names(a.text) & _names(b.text):
                    continue  # one event of the same people
                for x, y in self._days(f, g, a, b, aligned=True, event=True):
                    yield x, y, words

    def _events_dated(self, fact: Fact) -> Iterator[tuple[tuple[str, str], str]]:
        """The events a date dates, as parsed: the word the date depends on (through its
        preposition: "refused on Tuesday", "the hearing Thursday", "Tuesday's caucus"), a verb
        by its lemma and a noun by the verbs WordNet makes it of ("refusal" -> "refuse"), or by
        its own lemma where it has none ("caucus"), and a verb's object noun so too ("continued
        his refusal"); each keyed with what it is done to (the lemma of its object or of the
        verb it governs: "refused to step down" -> "step") and with each name of its doer (the
        proper nouns of its subject, or a noun's possessor). Never a speech verb, "report" or a
        light verb ("said Tuesday", "the Guardian reported Wednesday": a statement, not the
        event, and one that may be made again), nor a verb of no one named or nothing done
        to."""
        for event, verbs in self._dated(fact):
            others = set()
            if event.dep_ in ("acl", "relcl") and event.head.pos_ == "NOUN":
                others.add(("of", event.head.lemma_.lower()))  # "the speech, scheduled for"
            for child in event.children:
                if child.dep_ in ("dobj", "xcomp", "acl", "nsubjpass") \
                        and child.pos_ in ("NOUN", "VERB"):
                    others.add(("of", child.lemma_.lower()))
                elif child.dep_ == "prep" and child.lower_ == "of":
                    others |= {("of", c.lemma_.lower()) for c in child.children
                               if c.dep_ == "pobj" and c.pos_ == "NOUN"}
                elif child.dep_ in ("poss", "agent") or child.dep_ in ("compound", "amod",
                                                                       "prep") \
                        and event.pos_ == "NOUN":  # "Obama's", "by Obama", "the Iowa caucus",
                    others |= {("by", name) for name in _proper(child)}  # "report in the Sun"
            doer = event.head if event.dep_ == "dobj" else event
            for child in doer.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    others |= {("by", name) for name in _proper(child)}
            for verb in sorted(verbs):
                for how, who in sorted(others):
                    yield (verb, f"{how} {who.lower()}"), \
                        f"the day of one event: “{verb}”, {how} {who}"

    def _dated(self, fact: Fact) -> list[tuple[Token, frozenset[str]]]:
        """The events a date dates, as parsed (``_events_dated``), each with its verbs: a
        verb's lemma, or the verbs a noun is made of (else the noun itself); never a speech
        verb, "report" or a light verb."""
        from ..consistency.wordnet import verbs_of

        head = self._dated_head(fact)
        if head is None:
            return []
        heads = [head]  # "continued his refusal to step down Tuesday": "step", of "refusal"
        while heads[-1].dep_ in ("xcomp", "acl") and len(heads) < 3:
            heads.append(heads[-1].head)
        events: list[tuple[Token, frozenset[str]]] = []
        if heads[-1].dep_ == "acl" and heads[-1].head.pos_ == "NOUN":
            heads.append(heads[-1].head)  # "a report in The Atlantic published Monday"
        for head in heads:
            if head.pos_ == "VERB":
                events.append((head, frozenset([head.lemma_.lower()])))
                events += [(c, _made_of(c.lemma_.lower(), verbs_of) - {c.lemma_.lower()})
                           for c in head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
            elif head.pos_ == "NOUN":
                noun = head.lemma_.lower()
                events.append((head, _made_of(noun, verbs_of) or frozenset([noun])))
        return [(event, kept) for event, verbs in events
                if (kept := verbs - SPEECH - LIGHT_VERBS - {"report"})]  # reports, told again

    def _dated_head(self, fact: Fact) -> Token | None:
        """The word a date depends on, through its preposition ("refused on Tuesday") and
        the time of day it names ("Thursday night": what the night dates)."""
        parsed = analyse(self.sources.articles[fact.article_id])
        words = parsed.doc.char_span(fact.span.start, fact.span.end, alignment_mode="expand")
        if words is None:
            return None
        token = words.root
        while token.head is not token and token.head.pos_ == "NOUN" \
                and token.head.ent_type_ in ("DATE", "TIME"):
            token = token.head
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            token = token.head
        return None if token.head is token else token.head

    def event_verbs(self, fact: Fact) -> frozenset[str]:
        """The verbs of the event a date dates directly, as parsed (``_dated``): the word it
        depends on and that verb's object ("deliver a speech Monday": "deliver", "speechify"),
        not the verbs that word is the complement of ("seeking to enter … Friday": the day is
        the entering's, not the seeking's)."""
        if fact.id not in self._event_verbs:
            head = self._dated_head(fact)
            self._event_verbs[fact.id] = frozenset() if head is None else frozenset(
                chain.from_iterable(verbs for event, verbs in self._dated(fact) if event.i == head.i
                                    or event.dep_ == "dobj" and event.head.i == head.i))
        return self._event_verbs[fact.id]

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

    def places(self, a: Claim, b: Claim, close: bool) -> Iterator[tuple[Mention, Mention]]:
        only_a = [f for f in self.in_claim(a, "place") if not NOWHERE & set(f.qualifier)
                  and (close or "located" in f.qualifier)
                  and not named_in(f.value, self.texts[b.article_id])]
        only_b = [g for g in self.in_claim(b, "place") if not NOWHERE & set(g.qualifier)
                  and (close or "located" in g.qualifier)
                  and not named_in(g.value, self.texts[a.article_id])]
        if len(only_a) == 1 and len(only_b) == 1 \
                and not same_place(only_a[0].value, only_b[0].value) \
                and not part_of(only_a[0].value, only_b[0].value):
            f, g = only_a[0], only_b[0]
            yield (Mention("place", f.value.lower(), f.value, f.span,
                           self.about("where", f.span, a, b, f.span, at_verb=True)),
                   Mention("place", g.value.lower(), g.value, g.span,
                           self.about("where", g.span, b, a, g.span, at_verb=True)))

    def settings(self, claims: list[Claim]) -> Iterator[tuple[Mention, Mention, str]]:
        """Two places of one thing, however else the sentences are worded: two independent
        articles each name one place, which the other article never names, as the place of a
        thing named by the same noun ("a fundraiser in Texas" / "a January fundraiser in
        Iowa"; several things the place names: "the Iowa caucuses" / "the Ohio caucuses"; one
        title's: "president of the United States" / "president of Peru") or of the same verb
        through the same preposition ("flew to Utah" / "flew to Toronto"; "move to Oslo", which
        the tagger calls an organisation: ``_places_as_orgs``), or with the same region where
        one of them is known to lie outside it (``outside``: "Nebraska, Libya"; two places of
        one region may each be right); never a list's other places nor a dateline's,
        nor a place within the other (``part_of``), nor a place the other article names (but
        as the first words of a longer name, "the Leeds Evening Post": ``_names``) or writes
        another way (``same_place``). WordNet knows a place by its names' senses:
        "Paris, Texas", which it does not know, reads as outside Texas. Also the one place
        that differs between two lists anchored by their other places (``_lists_of_places``).
        Each pair comes with the words that say why the two places are one thing's ("the
        place of one fundraiser", "one of the places listed with Ghana")."""
        placed: dict[str, dict[tuple[str, str], list[tuple[Fact, Claim, str]]]] = {}
        for claim in claims:
            found = placed.setdefault(claim.article_id, defaultdict(list))
            for fact in self.in_claim(claim, "place") + self._places_as_orgs(claim):
                if "dateline" not in fact.qualifier:  # a title's place: the title's
                    for key, words in self._things_placed(fact):
                        found[key].append((fact, claim, words))
        for a_id, b_id in combinations(sorted(placed), 2):
            if self.sources.source_of[a_id] == self.sources.source_of[b_id]:
                continue
            for key in placed[a_id].keys() & placed[b_id].keys():
                only_a = {f.value.lower(): (f, c, w) for f, c, w in placed[a_id][key]
                          if not self._names(b_id, f.value)}
                only_b = {g.value.lower(): (g, c) for g, c, _ in placed[b_id][key]
                          if not self._names(a_id, g.value)}
                if len(only_a) != 1 or len(only_b) != 1:
                    continue
                (f, a, words), = only_a.values()
                (g, b), = only_b.values()
                if self._knows(b_id, f.value) or self._knows(a_id, g.value) \
                        or part_of(f.value, g.value):
                    continue
                if key[1] == ",":  # one region: one of the two is known to lie outside it
                    out = next((x.value for x in (f, g) if outside(x.value, key[0])), None)
                    if out is None:
                        continue
                    words = f"a place in {words} (WordNet knows no {out} there)"
                yield (Mention("place", f.value.lower(), f.value, f.span,
                               self.about("where", f.span, a, b, f.span, at_verb=True)),
                       Mention("place", g.value.lower(), g.value, g.span,
                               self.about("where", g.span, b, a, g.span, at_verb=True)),
                       words)
        yield from self._lists_of_places(claims)

    def _places_as_orgs(self, claim: Claim) -> list[Fact]:
        """The places ``claim`` names that the tagger calls organisations, where only a place
        can be (``place_named_as_org``: "joked she might move to Oslo")."""
        article = self.sources.articles[claim.article_id]
        span = claim.span
        return [Fact(f"{article.id}:{e.start_char}", article.id, "place", "place", e.text,
                     Span(article.id, e.start_char, e.end_char), "settings", e.text)
                for e in analyse(article).doc.ents if span.start <= e.start_char < span.end
                and place_named_as_org(e)]

    def _lists_of_places(self, claims: list[Claim]) -> Iterator[tuple[Mention, Mention, str]]:
        """One list of places, one place of it changed: two independent articles each list the
        same number of places ("airing in Miami, Tampa and Fort Myers" / "ads air in Miami,
        Naples and Ft. Myers"), every place but one named in both lists (the anchor: one list),
        the one left each named nowhere in the other article, nor written another way there,
        neither within the other."""
        lists: dict[str, list[tuple[list[Fact], Claim]]] = defaultdict(list)
        for claim in claims:
            lists[claim.article_id] += [(members, claim) for members in self._listed(claim)]
        for a_id, b_id in combinations(sorted(lists), 2):
            if self.sources.source_of[a_id] == self.sources.source_of[b_id]:
                continue
            for (xs, a), (ys, b) in product(lists[a_id], lists[b_id]):
                only_a = [x for x in xs if not self._knows(b_id, x.value)]
                only_b = [y for y in ys if not self._knows(a_id, y.value)]
                if len(xs) != len(ys) or len(only_a) != 1 or len(only_b) != 1:
                    continue
                (f,), (g,) = only_a, only_b
                rest_b = [y for y in ys if y is not g]
                if part_of(f.value, g.value) or not all(
                        any(same_place(x.value, y.value) for y in rest_b)
                        for x in xs if x is not f):
                    continue
                shared = " and ".join(x.value for x in xs if x is not f)
                yield (Mention("place", f.value.lower(), f.value, f.span,
                               self.about("where", f.span, a, b, f.span, at_verb=True)),
                       Mention("place", g.value.lower(), g.value, g.span,
                               self.about("where", g.span, b, a, g.span, at_verb=True)),
                       f"one of the places listed with {shared}")

    def _listed(self, claim: Claim) -> list[list[Fact]]:
        """The lists of places ``claim`` names, places joined as conjuncts ("Miami, Tarrant and
        Fort Myers", "Leeds or York"), each of two places or more; not a dateline's or a
        title's place, a person's home ("(R-Texas)"), a place named with its region or that
        region ("Benghazi, Libya"), nor two places joined as a pair ("U.S.-North Korea")."""
        groups: dict[int, list[Fact]] = defaultdict(list)
        for fact in self.in_claim(claim, "place"):
            if NOWHERE & set(fact.qualifier) or fact.subject != "place" \
                    or PAIR.search(fact.value) or self._region(fact) is not None:
                continue
            words = self._words(fact)
            if words is None:
                continue
            token = _first_conjunct(words.root)
            if token.i != words.root.i or any(t.dep_ == "conj" for t in token.children):
                groups[token.i].append(fact)
        return [members for members in groups.values()
                if len({m.value.lower() for m in members}) == len(members) >= 2]

    def _region(self, fact: Fact) -> str | None:
        """The region a place is named with, right after it ("Benghazi, Libya": "Libya")."""
        return next((g.value for g in self.facts_of[fact.article_id] if g.kind == "place"
                     and "region" in g.qualifier and g.subject == fact.value
                     and 0 < g.span.start - fact.span.end <= 3), None)

    def _words(self, fact: Fact) -> Any:
        """The parsed words of ``fact`` (a spaCy span), None where they cross tokens oddly."""
        parsed = analyse(self.sources.articles[fact.article_id])
        return parsed.doc.char_span(fact.span.start, fact.span.end, alignment_mode="expand")

    def _knows(self, article_id: str, place: str) -> bool:
        """The article names ``place`` (``_names``), or writes it another way
        (``same_place``: "U.S." / "United States"), other than as a person's home ("Sen.
        Bernie Sanders (I-Vt.)" names no place of "the Manila senator")."""
        return self._names(article_id, place) or any(
            same_place(place, f.value) for f in self.facts_of[article_id]
            if f.kind == "place" and not _home(f))

    def _names(self, article_id: str, place: str) -> bool:
        """The article's text names ``place`` other than as the first words of a longer name
        that is no place ("the Kansas City Star", a newspaper, names no city; "New York City"
        names New York) or inside a name the tagger calls no place ("The White House declined
        to comment": an organisation), unless the name is what a verb acts on or a place
        preposition's object ("visited Ashford", "flew to Ashford", however tagged), or as a
        person's home ("Wyoming Senate candidate Liz Cheney", "Boehner (R-Ohio)": ``_home``)."""
        if not named_in(place, self.texts[article_id]):
            return False
        text = self.sources.articles[article_id].text
        found = list(re.finditer(rf"(?<!\w){re.escape(place)}(?!\w)", text, re.I))
        places = [f.span for f in self.facts_of[article_id] if f.kind == "place"]
        homes = [(f.span.start, f.span.end) for f in self.facts_of[article_id]
                 if f.kind == "place" and _home(f)]
        others = homes + [(e.start_char, e.end_char) for e in analyse(
            self.sources.articles[article_id]).doc.ents if e.label_ not in PLACE_LABELS
            and not (e.root.dep_ == "dobj" or e.root.dep_ == "pobj"
                     and e.root.head.lower_ in LOCATIVE)]  # ("visited Ashford": a place)
        return not found or any((not re.match(r" [A-Z]", text[m.end():m.end() + 2]) or any(
            p.start <= m.start() and m.end() < p.end for p in places)) and not any(
            s <= m.start() and m.end() <= e for s, e in others) for m in found)

    def _things_placed(self, fact: Fact) -> Iterator[tuple[tuple[str, str], str]]:
        """What a place is the place of: a noun's lemma (any relation: "Iowa fundraiser",
        "fundraiser in Iowa"; things a place names, "Iowa caucuses", "Pennsylvania's families",
        apart from one thing's: "several"), a title's with its preposition ("president of the
        United States": "president", "of"; not "the U.S. ambassador", the one sent, against
        "the ambassador to Peru"), or a verb's lemma and the preposition ("fly", "to"); the first
        place of a list stands for the list ("from Zimbabwe and Zambia"); and the region it is
        named with ("Benghazi, Libya": "libya", ","). Not two places joined as a pair
        ("U.S.-North Korea summit": the parties, not a place). The place of one thing that is
        a verb's preposition's object is also that verb's ("left for a trip to Utah": "leave",
        "for"), and the place of a named thing a noun's ("the attack on the Harlow Consulate in
        Leeds": "attack"; not of one thing: "an investigation into loans on a balcony in York",
        where the parser often hangs a verb's words on the noun before them). Each with its
        words: "the place of one fundraiser", "the place of “born in”", the region as
        written."""
        if PAIR.search(fact.value):
            return
        region = self._region(fact)
        if region is not None:
            yield (place_names(region)[0], ","), region
        words = self._words(fact)
        if words is None:
            return
        token = _first_conjunct(words.root)
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            prep, head = token.head.lower_, token.head.head
        elif token.dep_ in ("compound", "poss", "nmod", "amod"):
            prep, head = "", token.head
        else:
            return
        if "title" in fact.qualifier:  # "president of the United States": of one title only
            yield (head.lemma_.lower(), prep), f"the place of “{head.text} {prep}”"
            return
        if head.pos_ == "NOUN" and head.tag_ == "NN":
            yield (head.lemma_.lower(), ""), f"the place of one {head.lower_}"
        elif head.pos_ == "NOUN" and head.tag_ == "NNS" and not prep:  # one place's things
            yield (head.lemma_.lower(), "several"), f"the place of the {head.lower_}"
        elif head.pos_ == "VERB" and prep:
            yield (head.lemma_.lower(), prep), f"the place of “{head.text} {prep}”"
        if head.tag_ in ("NN", "NNP") and head.dep_ == "pobj" and head.head.dep_ == "prep":
            via, outer = head.head.lower_, head.head.head  # "left for a trip to Utah"
            if outer.pos_ == "NOUN" and outer.tag_ == "NN" and head.tag_ == "NNP":
                yield (outer.lemma_.lower(), ""), f"the place of one {outer.lower_}"
            elif outer.pos_ == "VERB":
                yield (outer.lemma_.lower(), via), f"the place of “{outer.text} {via}”"

    def roles(self, a: Claim, b: Claim) -> Iterator[tuple[Mention, Mention]]:
        """Two titles of one person in two aligned sentences that cannot both be held; two
        former titles may both have been (one source against one: "former ambassador" /
        "former party co-chairwoman"; a former title that others agree on is compared in
        ``role_conflicts``)."""
        from .conflicts import exclusive, is_former, roles_compatible

        for f in self.in_claim(a, "role"):
            person = self.people.resolve(f.subject)
            for g in self.in_claim(b, "role"):
                if self.people.resolve(g.subject) != person or roles_compatible(f, g) \
                        or not exclusive(f, g) or (is_former(f) and is_former(g)):
                    continue
                if self._gives(b.article_id, person, f) or self._gives(a.article_id, person, g):
                    continue
                topic = f"{person}'s role"
                yield (Mention("role", normalize_for_hash(f.value), f.value, f.span, topic),
                       Mention("role", normalize_for_hash(g.value), g.value, g.span, topic))

    def _gives(self, article_id: str, person: str | None, role: Fact) -> bool:
        from .conflicts import roles_compatible

        return any(roles_compatible(role, h) for h in self.facts_of[article_id]
                   if h.kind == "role" and self.people.resolve(h.subject) == person)

    def polarity(self, a: Claim, b: Claim, worded_alike: bool = False,
                 nearly_same: bool = False) -> Iterator[tuple[Mention, Mention]]:
        """Verbs two sentences that state the same thing (by their words, ``worded_alike``, or
        by their lemmas: "voted" / "did not vote") assert with, one negated. Two sentences
        ``nearly_same`` in their words, one of which says "no" nowhere, compare the verbs they
        assert with even when one is "is" or "has" ("Gibbs was not on ABC" / "Gibbs was on
        ABC … on Sunday"), unless the "no" is in a quotation the other does not carry; so do
        two sentences whose asserted clauses (``_asserted``) are nearly the same, unless both
        verbs are light ("does not have three aims — …" / "said her plan was guided by three
        aims: …"). Sentences that are not the same statement compare only one deed each
        asserts: the same verb with the same object, in the same tense (``_objects``); a deed
        sought ("have sought to question him", ``_aims``) compares with the same deed done."""
        verbs_a, verbs_b = self.verbs(a), self.verbs(b)
        if verbs_a is None or verbs_b is None:
            return
        stated = worded_alike or overlap_score(self.lemmas(a), self.lemmas(b)) \
            >= self.same_statement
        mains = {self._main.get(c.id, "").split(" ")[-1] for c in (a, b)}
        nearly_same = nearly_same or not mains <= LIGHT_VERBS and overlap_score(
            self._asserted.get(a.id, set()), self._asserted.get(b.id, set())) >= NEARLY_SAME
        # both say "no" as often: which of their verbs it belongs to is wording, unless it is
        # the verb both assert with ("is not a former chief" / "who opted not to …, is a …")
        as_often = _negations(a.text) == _negations(b.text)
        for lemma in sorted(set(verbs_a) & set(verbs_b)):
            (neg_a, span_a, root_a), (neg_b, span_b, root_b) = verbs_a[lemma], verbs_b[lemma]
            deed_a, deed_b = self._objects.get((a.id, lemma)), self._objects.get((b.id, lemma))
            same_object = bool(deed_a and deed_b and deed_a[0] & deed_b[0]
                               and deed_a[1] == deed_b[1])
            # the "no" of a deed sought is in no word: "has sought to question" / "questioned"
            sought = same_object and bool({(a.id, lemma), (b.id, lemma)} & self._aims)
            if not stated and not (same_object and (not as_often or sought)):
                continue  # not the same statement: only one deed, the same thing done then
            if (lemma.split()[-1] in LIGHT_VERBS and not same_object or as_often and not sought) \
                    and not (root_a and root_b):
                continue  # "is", "has" of two clauses: only the asserting verbs compare
            doers = (self._doers.get((a.id, lemma)), self._doers.get((b.id, lemma)))
            if None not in doers and doers[0] != doers[1]:
                continue  # saying or writing by two different subjects
            if neg_a != neg_b:
                topic = self.whether(span_a, span_b, neg_a, a, b)
                label_a = self._said.get((a.id, lemma)) or (f"not {lemma}" if neg_a else lemma)
                label_b = self._said.get((b.id, lemma)) or (f"not {lemma}" if neg_b else lemma)
                yield (Mention("status", label_a, label_a, span_a, topic),
                       Mention("status", label_b, label_b, span_b, topic))
                return  # one polarity conflict per pair
        if not stated:
            return
        main_a, main_b = self._main.get(a.id), self._main.get(b.id)
        if not as_often and main_a and main_b and main_a in verbs_a and main_b in verbs_b \
                and (not {main_a.split()[-1], main_b.split()[-1]} & LIGHT_VERBS
                     or nearly_same and self._plain_no(a, b, verbs_a[main_a], verbs_b[main_b])) \
                and (" " in main_a) == (" " in main_b):  # a duty and a fact do not compare
            (neg_a, span_a, _), (neg_b, span_b, _) = verbs_a[main_a], verbs_b[main_b]
            if neg_a != neg_b:  # what each sentence asserts, in other verbs: "urged" / "did
                topic = self.whether(span_a, span_b, neg_a, a, b)  # not encourage"
                label_a = self._said.get((a.id, main_a)) or (f"not {main_a}" if neg_a else main_a)
                label_b = self._said.get((b.id, main_b)) or (f"not {main_b}" if neg_b else main_b)
                yield (Mention("status", label_a, label_a, span_a, topic),
                       Mention("status", label_b, label_b, span_b, topic))
                return
        given_a, given_b = self._giving.get(a.id), self._giving.get(b.id)
        if worded_alike and not as_often and given_a and given_b and given_a[0] != given_b[0]:
            (neg_a, span_a, verb_a), (neg_b, span_b, verb_b) = given_a, given_b
            denied = span_a if neg_a else span_b  # "did not conclude, “…”" / "“…,” it stated"
            if NOT_ADVERB.search(self.sources.articles[denied.article_id].text[
                    denied.start:denied.end]):
                topic = self.whether(span_a, span_b, neg_a, a, b)
                label_a, label_b = (f"not {verb}" if neg else verb for neg, verb in
                                    ((neg_a, verb_a), (neg_b, verb_b)))
                yield (Mention("status", label_a, label_a, span_a, topic),
                       Mention("status", label_b, label_b, span_b, topic))

    def _plain_no(self, a: Claim, b: Claim, verb_a: tuple[bool, Span, bool],
                  verb_b: tuple[bool, Span, bool]) -> bool:
        """One sentence says "no" nowhere, and the other says "not" (or "never") to its
        asserting verb (in the verb's span, which shows its negation), out of quotation marks
        ("no decision has been taken" is about a decision: ``commitment_conflicts``)."""
        for (negated, span, _), other in ((verb_a, b), (verb_b, a)):
            if negated and _negations(other.text) == 0:
                shown = self.sources.articles[span.article_id].text[span.start:span.end]
                return NOT_ADVERB.search(shown) is not None and not self.in_quotation(span)
        return False

    def in_quotation(self, span: Span) -> bool:
        """Whether ``span`` starts within quoted words of its article (a quotation may run
        over several sentences and paragraphs)."""
        if span.article_id not in self._quoted:
            article = self.sources.articles[span.article_id]
            self._quoted[span.article_id] = [p for f in find_quoted(article) for p in f.pieces]
        return any(s <= span.start < e for s, e in self._quoted[span.article_id])

    def events(self, a: Claim, b: Claim) -> Iterator[tuple[Mention, Mention]]:
        """One thing done, by the same named doer to the same thing, negated in one sentence
        and not in the other, however else the two sentences differ: "Braley did not
        apologize to Grassley" / "Braley apologized to Grassley in person on Tuesday"."""
        done_a, done_b = self.deeds(a), self.deeds(b)
        for key in sorted(set(done_a) & set(done_b)):
            (neg_a, span_a, things_a), (neg_b, span_b, things_b) = done_a[key], done_b[key]
            if neg_a != neg_b and things_a & things_b:
                topic = self.whether(span_a, span_b, neg_a, a, b)
                verb = key[1]
                label_a, label_b = (f"not {verb}" if neg else verb for neg in (neg_a, neg_b))
                yield (Mention("status", label_a, label_a, span_a, topic),
                       Mention("status", label_b, label_b, span_b, topic))
                return

    def deeds(self, claim: Claim) -> dict[tuple[str, str], tuple[bool, Span, frozenset[str]]]:
        """(doer, verb) -> (negated, span, what it was done to) for a claim's verbs whose
        subject is a named person or a thing; none for speech and light verbs (saying is
        compared as quotation), pronouns, or a verb asserted both ways."""
        if claim.id not in self._deeds:
            self._deeds[claim.id] = self._claim_deeds(claim)
        return self._deeds[claim.id]

    def _claim_deeds(self, claim: Claim
                     ) -> dict[tuple[str, str], tuple[bool, Span, frozenset[str]]]:
        parsed = analyse(self.sources.articles[claim.article_id])
        span = parsed.doc.char_span(claim.span.start, claim.span.end, alignment_mode="expand")
        found: dict[tuple[str, str], tuple[bool, Span, frozenset[str]]] = {}
        if span is None:
            return found
        worded = _worded(span)
        mixed = set()
        for token in span:
            verb = _done(token) or _verb_key(token)
            if _asserts_nothing(token) or token.i in worded \
                    or verb.split()[-1] in LIGHT_VERBS | SPEECH:
                continue
            doer = next((self._thing(parsed, c) for c in token.children
                         if c.dep_ in ("nsubj", "nsubjpass")), None)
            things = frozenset(filter(None, (
                self._thing(parsed, t) for c in token.children
                for t in ([c] if c.dep_ in ("dobj", "dative", "attr") else
                          [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep"
                          else []))))
            if not doer or not things:
                continue
            negators = _negators(token)
            key = (doer, verb)
            if key in found and found[key][0] != bool(negators):
                mixed.add(key)
            found[key] = (bool(negators), _shown(claim.article_id, token, negators), things)
        return {k: v for k, v in found.items() if k not in mixed}

    def _thing(self, parsed: Any, token: Token) -> str | None:
        """A named person (resolved across the story), or a noun's lemma; None for a
        pronoun or a word of no content."""
        mention = parsed.people.at(token.i)
        if mention is not None:
            return self.people.resolve(mention.name) or mention.name
        if token.pos_ in ("NOUN", "PROPN") and not token.is_stop:
            return token.lemma_.lower()
        return None

    def lemmas(self, claim: Claim) -> set[str]:
        if claim.id not in self._lemmas:
            self._lemmas[claim.id] = self._content_lemmas(claim)
        return self._lemmas[claim.id]

    def _content_lemmas(self, claim: Claim) -> set[str]:
        parsed = analyse(self.sources.articles[claim.article_id])
        span = parsed.doc.char_span(claim.span.start, claim.span.end, alignment_mode="expand")
        return {t.lemma_.lower() for t in span or () if t.is_alpha and not t.is_stop}

    def verbs(self, claim: Claim) -> dict[str, tuple[bool, Span, bool]] | None:
        """Verb lemma -> (negated, span of the verb, is the sentence's root) for a claim;
        None when a negative verb ("declined", "denied") makes polarity a matter of wording.
        A lemma said both ways in the sentence is left out, unless one of its verbs is the one
        the sentence asserts with and the other way is said only in clauses under it ("the rate
        was not 35.7 percent, while the other rate was …" is "not be"; not "it is important …,
        but I am not willing …", two clauses it asserts alike), or in quoted words the sentence
        adds out of them (``_quoted_apart``)."""
        if claim.id not in self._verbs:
            self._verbs[claim.id] = self._clause_verbs(claim)
        return self._verbs[claim.id]

    def _clause_verbs(self, claim: Claim) -> dict[str, tuple[bool, Span, bool]] | None:
        parsed = analyse(self.sources.articles[claim.article_id])
        span = parsed.doc.char_span(claim.span.start, claim.span.end, alignment_mode="expand")
        if span is None:
            return None
        found: dict[str, tuple[bool, Span, bool]] = {}
        main = span.root  # what the sentence asserts: the root, or what a speech verb reports
        if main.lemma_.lower() in SPEECH:
            main = next((c for c in main.children if c.dep_ == "ccomp"), main)
        self._main[claim.id] = _verb_key(main)
        self._asserted[claim.id] = content_words(" ".join(
            t.text for t in main.subtree if not _attribution(t, main)))
        worded = _worded(span)
        if main.i in worded:
            return None  # what it asserts says "no" in words: "declined", "ruled out"
        self._giving[claim.id] = self._quotation_verb(claim.article_id, span)
        mixed: set[str] = set()  # verbs said both ways, out of the one it asserts with
        for token in span:
            lemma, key = _lemma(token), _verb_key(token)
            if (done := _done(token)) is not None:
                lemma = key = done
            if _asserts_nothing(token) or token.i in worded or token != main and key in mixed:
                continue
            negators = _negators(token)
            aim = _aim_of(token)  # "has sought for months to question him": not yet done
            purpose = None if aim is not None else _purpose_of(token)
            if purpose is not None and _negators(purpose):
                negators = _negators(purpose)  # "was not there to have lunch": no lunch
            negated = bool(negators) or aim is not None
            complement = next((c for c in token.children if c.dep_ == "acomp"), None)
            said = None
            if lemma == "be" and complement is not None:  # shown as said: "not accurate"
                said = ("not " if negated else "") + complement.lower_
                if _negative_adjective(complement.lower_):
                    negated = not negated  # "was inaccurate" says what "was not accurate" says
            elif key != lemma:  # shown with its modal: "must not have"
                said = f"{key.split()[0]} {'not ' if negated else ''}{lemma}"
            if aim is not None:  # shown as sought: "seek to question"
                said = f"{_lemma(aim)} to {lemma}"
            if token != main and key in found and found[key][2] and (
                    found[key][0] == negated or _under(token, main)
                    or self._quoted_apart(claim.article_id, token, main)):
                continue  # the asserting verb stands for its lemma, over the clauses under it
                # and over the quoted words it does not quote
            if token != main and key in found and found[key][0] != negated:
                found.pop(key)  # both ways in one sentence: nothing to compare
                mixed.add(key)
                continue
            shown_by = negators or ([aim] if aim is not None else [])  # "sought … to question"
            found[key] = (negated, _shown(claim.article_id, token, shown_by), token == main)
            if said:
                self._said[(claim.id, key)] = said
            else:
                self._said.pop((claim.id, key), None)
            # a deed the sentence asserts: its verb, or the purpose of its verb negated ("was
            # not there to have lunch"; "went there to meet him" says not whether they met)
            if token == main or purpose == main and negators or aim == main:
                self._objects[(claim.id, key)] = (frozenset(
                    c.lemma_.lower() for c in token.children
                    if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")),
                    _tense(main))
            else:
                self._objects.pop((claim.id, key), None)
            if aim is not None:
                self._aims.add((claim.id, key))
            else:
                self._aims.discard((claim.id, key))
            if token == main:  # "there had not been entries" asserts "not enter"
                found.update(dict.fromkeys(_there_is(token), found[key]))
            if lemma in SPEECH:  # who says or writes: "they wrote" is not "Comey never wrote"
                self._doers[(claim.id, key)] = next(
                    (self._thing(parsed, c) or c.lower_ for c in token.children
                     if c.dep_ in ("nsubj", "nsubjpass")), None)
        return found

    def _quoted_apart(self, article_id: str, token: Token, main: Token) -> bool:
        """Whether ``token`` is in quotation marks and ``main`` (the verb the sentence asserts
        with, in its own words) is not: the quoted words are someone's own, another statement,
        and a verb of theirs does not unsay the sentence's ("Lee wrote that they did not have
        a deal: “You have my word …”" still asserts "not have")."""
        def at(t: Token) -> Span:
            return Span(article_id, t.idx, t.idx + 1)

        return self.in_quotation(at(token)) and not self.in_quotation(at(main))

    def _quotation_verb(self, article_id: str, span: Any) -> tuple[bool, Span, str] | None:
        """How a sentence gives the quoted words it asserts with: (negated, span, lemma) of the
        verb out of quotation marks that introduces them (the root, its clause in quotation
        marks: "the letter did not conclude, “…”"; or a clause of a quoted root: "“…,” it
        stated"), else, for a sentence whose root is quoted, (False, the root, "quoted"); None
        for a sentence that asserts in its own words."""
        def quoted(token: Token) -> bool:
            return self.in_quotation(Span(article_id, token.idx, token.idx + 1))

        root = span.root
        for token in (root, *root.children):
            if token.pos_ in ("VERB", "AUX") and not quoted(token) and (
                    token == root and any(c.dep_ in ("ccomp", "parataxis") and quoted(c)
                                          for c in token.children)
                    or token != root and token.dep_ in ("ccomp", "parataxis") and quoted(root)):
                negators = _negators(token)
                return bool(negators), _shown(article_id, token, negators), _lemma(token)
        if quoted(root):
            return False, Span(article_id, root.idx, root.idx + len(root)), "quoted"
        return None


MODALS = frozenset(["must", "should", "ought", "may", "might"])  # a duty or a chance, not a fact


def _verb_key(token: Token) -> str:
    """What a verb's polarity is compared under: its lemma, with its modal when it has one
    ("must never have" is a duty, not a fact: it compares with "must have", not with "has")."""
    modal = next((c.lower_ for c in token.children if c.dep_ == "aux" and c.lower_ in MODALS), "")
    return f"{modal} {_lemma(token)}" if modal else _lemma(token)


def _lemma(token: Token) -> str:
    """A verb's lemma, with the prefix spaCy splits off: "re-confirmed" is "reconfirm", which
    says nothing of "confirm" ("the site had “re-confirmed” its reporting" / "The Times has
    not confirmed the report")."""
    doc, i = token.doc, token.i
    prefixed = i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "re"
    return ("re" if prefixed else "") + token.lemma_.lower()


def _negators(token: Token) -> list[Token]:
    """The words that negate a verb: "not", "never" ("not only" does not), and the "no" of its
    subject or object (not a quoted "no" vote)."""
    doc = token.doc
    return [c for c in token.children if (c.dep_ == "neg" or (
        c.lower_ in NEGATORS and c.dep_ in NEGATING))
        and doc[min(c.i + 1, len(doc) - 1)].lower_ not in NOT_NEGATING] + [
        d for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
        for d in c.children if d.lower_ in NEGATORS and d.dep_ == "det" and not _quoted(d)]


def _attribution(token: Token, main: Token) -> bool:
    """A word of the attribution of what ``main`` asserts ("according to excerpts of his
    speech"), not of the assertion."""
    return any(t.head == main and t.dep_ == "prep" and t.lower_ == "according"
               for t in (token, *token.ancestors))


# not "try" (it may have succeeded), nor "plan", "intend" (what will be done: "plans to close
# the site" / "would close the site")
AIMS = frozenset(["want", "seek", "hope", "wish"])


def _first_conjunct(token: Token) -> Token:
    """The first of the conjuncts ``token`` is one of ("Zambia" of "Zimbabwe and Zambia":
    "Zimbabwe"; "join" of "to have lunch and join him": "have"), else ``token``."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def _aim_of(token: Token) -> Token | None:
    """The verb of wanting whose aim ``token`` is, an infinitive under it ("has sought for
    months to question the president"): what is wanted is not done (yet); not wanting it ("did
    not want to give up") says nothing of that."""
    token = _first_conjunct(token)
    if token.dep_ in ("xcomp", "advcl") and token.head.lemma_.lower() in AIMS \
            and not _negators(token.head) \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return token.head
    return None


def _purpose_of(token: Token) -> Token | None:
    """The verb whose purpose ``token`` tells, an infinitive clause under it ("was at the White
    House to have lunch … and join him": "have" and "join" of "was")."""
    token = _first_conjunct(token)
    if token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                      for c in token.children):
        return token.head
    return None


def _tense(token: Token) -> str:
    """A verb's time as its auxiliaries tell it: "will be recognized", "did not recognize",
    "has been questioned" (the present perfect is of now)."""
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in ("will", "shall", "'ll", "’ll") for c in auxes):
        return "future"
    return "past" if token.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes) else "present"


def _under(token: Token, main: Token) -> bool:
    """Whether ``token`` is in a clause under ``main``'s ("was not …, while … was"), not in
    one coordinated with it ("is …, but I am not …") nor beside it ("said it is …, I am
    not …": two clauses of "said")."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
        if token == main:
            return False
    return main.is_ancestor(token)


def _there_is(token: Token) -> frozenset[str]:
    """The verbs the noun of a "there is" names ("there had been entries": "enter"): WordNet's
    verbs of the noun that share its first three letters (not "record" for "entry")."""
    from ..consistency.wordnet import verbs_of

    if not any(c.dep_ == "expl" for c in token.children):
        return frozenset()
    nouns = [c.lemma_.lower() for c in token.children if c.dep_ in ("attr", "nsubj")
             and c.pos_ == "NOUN"]
    return frozenset(v for noun in nouns for v in verbs_of(noun) if v[:3] == noun[:3])


def _shown(article_id: str, token: Token, negators: list[Token]) -> Span:
    """A verb's span with its negation: the span shows the "not"."""
    start = min([token.idx, *(n.idx for n in negators)])
    end = max([token.idx + len(token), *(n.idx + len(n) for n in negators)])
    return Span(article_id, start, end)


def _done(token: Token) -> str | None:
    """The verb of a "did not" whose verb the parser took for another word: in "Abedin
    reportedly did not forward emails", "forward" is parsed as an adverb of "did"."""
    from ..consistency.wordnet import is_verb

    doc = token.doc
    if token.lemma_.lower() != "do" or token.dep_ != "ROOT" or token.i + 2 >= len(doc) \
            or doc[token.i + 1].dep_ != "neg":
        return None
    word = doc[token.i + 2]
    if word.head != token or word.pos_ in ("VERB", "AUX") or not word.is_lower \
            or not word.is_alpha or not is_verb(word.lower_):
        return None
    return word.lower_


def _worded(span: Any) -> set[int]:
    """The verbs whose polarity a word says ("declined to comment": "decline" and "comment";
    "nobody knows": "know"; "ruled out"); the sentence's other verbs still compare ("He accused
    Obama …, saying nobody knows …")."""
    worded: set[int] = set()
    for token in span:
        lemma = token.lemma_.lower()
        if lemma in NEGATIVE_WORDS or (
                lemma == "rule" and any(c.lower_ == "out" for c in token.children)):
            if token.pos_ in ("VERB", "AUX"):
                worded.update(d.i for d in token.subtree if d.pos_ in ("VERB", "AUX"))
            else:
                worded.add(token.head.i)
    return worded


# verbs that assert nothing of their own: auxiliaries, participles as adjectives, and gerunds
# after a preposition ("help ourselves by putting people back to work")
ARGUMENT_OF_NOTHING = frozenset(["aux", "auxpass", "amod", "pcomp"])
SUPPOSING = frozenset(["if", "unless"])


def _asserts_nothing(token: Token) -> bool:
    """No verb, or a verb whose polarity the sentence does not assert: an auxiliary, a
    participle as an adjective, a gerund after a preposition, or a supposition ("if they don't
    pass this bill, …" says nothing of whether they pass it)."""
    return token.pos_ not in ("VERB", "AUX") or token.dep_ in ARGUMENT_OF_NOTHING \
        or _supposed(token)


def _supposed(token: Token) -> bool:
    """The verb of an "if" or "unless" clause: marked so, or the first verb after an "if" that
    the parser hung on no verb ("If they [Democrats] don't pass": "If" on the bracket)."""
    if any(c.dep_ == "mark" and c.lower_ in SUPPOSING for c in token.children):
        return True
    for before in reversed(token.doc[token.sent.start:token.i]):
        if before.lower_ in SUPPOSING:
            return before.dep_ == "mark" and before.head.pos_ not in ("VERB", "AUX")
        if before.pos_ in ("VERB", "AUX") and before.head != token:
            return False
    return False


NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
NOT_NEGATIVE = frozenset(["invaluable", "inflammable", "infamous", "indifferent", "impassive"])


def _negative_adjective(word: str) -> bool:
    """"inaccurate", "unfair", "illegal", "dishonest": a negative prefix on an adjective
    WordNet knows without it."""
    from ..consistency.wordnet import is_adjective

    return word not in NOT_NEGATIVE and any(
        word.startswith(p) and len(word) > len(p) + 3 and is_adjective(word[len(p):])
        for p in NEGATIVE_PREFIXES)


def _quoted(token: Token) -> bool:
    """A word in quotation marks of its own: the "no" of a "no" vote."""
    doc = token.doc
    return token.i > 0 and doc[token.i - 1].text in QUOTE_MARKS \
        and token.i + 1 < len(doc) and doc[token.i + 1].text in QUOTE_MARKS


def _negations(text: str) -> int:
    """How many times a sentence says "no" ("not only" does not)."""
    words = re.findall(r"[\w']+|n[’']t", text.lower())
    return sum((w in NEGATORS or w.endswith(("n't", "n’t"))) and nxt not in NOT_NEGATING
               for w, nxt in zip(words, [*words[1:], ""], strict=True))


def same_count(f: Fact, g: Fact) -> bool:
    """Two numbers count the same thing: the same counted noun, or subjects sharing a word."""
    cf, cg = _counted(f), _counted(g)
    if cf and cg:
        return cf == cg
    words_f = content_words(f.subject) - {"number"}
    words_g = content_words(g.subject) - {"number"}
    return bool(words_f & words_g)


def _same_subject(f: Fact, g: Fact) -> bool:
    """The same thing done, counted in the same unit: "deferment obtained", not "percent"."""
    subject = normalize_for_hash(f.subject)
    return len(subject.split()) >= 2 and subject == normalize_for_hash(g.subject)


def _counted(fact: Fact) -> str:
    words = [w for w in normalize_for_hash(fact.subject).split() if w.isalpha()]
    return words[0] if words and words[0] != "number" else ""


SPEECH_STEMS = frozenset(content_words(" ".join(SPEECH_FORMS) + " according"))


def _made_of(noun: str, verbs_of: Callable[[str], frozenset[str]]) -> frozenset[str]:
    """The verbs a noun is made of, by WordNet and by its letters (the verb's first four
    begin the noun: "refusal" -> "refuse", not "statement" -> "posit")."""
    return frozenset(v for v in verbs_of(noun) if noun[:4] == v[:4])


def _proper(token: Token) -> set[str]:
    """The names in the words of ``token``, as written: the head word of each (a proper noun
    not part of a longer one: "Trump" of "President Donald Trump", "Times" of "The New York
    Times"), not an abbreviation ("Mr.") nor a day."""
    return {t.text for t in token.subtree if t.pos_ == "PROPN" and t.is_alpha
            and not (t.dep_ == "compound" and t.head.pos_ == "PROPN") and not dating(t.text)}


def _same_event(f: Fact, g: Fact) -> bool:
    """Two dates of one event: their subjects share a word besides names and speech verbs
    ("who pleaded" / "Michael Flynn pleaded"; but one may announce two things on two days)."""
    return bool(event_words(f.subject) & event_words(g.subject) - SPEECH_STEMS)


def event_words(subject: str) -> set[str]:
    """A subject's words but names (capitalised): "Michael Flynn pleaded" -> {"plead"}."""
    return content_words(" ".join(w for w in subject.split() if not w[:1].isupper()))


DAYS_APART = re.compile(r"\b(a|one|two|three|four|five|six|seven|\d)\s+days?\s+"
                        r"(after|before|later|earlier)\b", re.I)


def _days_apart(text: str, day: str) -> set[str]:
    """The days a sentence dated ``day`` also tells of, "two days after" something: "Late
    Wednesday night, two days after The Times first reported …" tells of that Monday too."""
    out = set()
    for count, way in DAYS_APART.findall(text):
        n = UNITS.get(count.lower(), 1) if not count.isdigit() else int(count)
        sign = -1 if way.lower() in ("after", "later") else 1
        with suppress(ValueError):
            out.add((date.fromisoformat(day) + timedelta(days=sign * n)).isoformat())
    return out


def _names(text: str) -> set[str]:
    """The capitalised words of a sentence but its first, a dateline's, days and months."""
    dateline = DATELINE.match(text)
    words = re.findall(r"[\w'\u2019.-]+", text[dateline.end() if dateline else 0:])[1:]
    return {w.rstrip(".") for w in words if w[:1].isupper() and not dating(w)}


def _near(published: str | None, other: str | None) -> bool:
    """Published the same day or on consecutive days (both dates known)."""
    try:
        return abs(date.fromisoformat(str(published)[:10])
                   - date.fromisoformat(str(other)[:10])).days <= 1
    except ValueError:
        return False


def _weekdays(text: str) -> set[str]:
    return {w for w in normalize_for_hash(text).split() if w in WEEKDAYS}


def _on_its_weekday(fact: Fact, day: str) -> bool:
    """A bare weekday ("Saturday", resolved from a dateline) and a date that falls on it
    ("April 21", a Saturday): the same day told two ways, whatever the resolution guessed."""
    from datetime import date

    named = {WEEKDAYS[w] for w in _weekdays(fact.value)}
    try:
        return bool(named) and date.fromisoformat(day).weekday() in named
    except ValueError:
        return False


# -- from pair differences to conflicts ----------------------------------------------------------

@dataclass
class AlignedConflict:
    type: str
    topic: str
    sides: list[Side]
    explanation: str


def aligned_conflicts(pairs: Iterable[Pairing], differ: Differ, sources: Sources,
                      leads: Iterable[tuple[Mention, Mention]] = (),
                      keyed: Iterable[tuple[Mention, Mention, str]] = ()
                      ) -> list[AlignedConflict]:
    """Pair differences, the ``leads``' days (``Differ.leads``), and the values of one thing
    or event however else the sentences are worded, each pair with why (``Differ.settings``,
    ``Differ.occasions``, ``Differ.tallies``), merged into conflicts (mentions shared between
    pairs join them)."""
    parent: dict[Mention, Mention] = {}

    def root(m: Mention) -> Mention:
        while parent.setdefault(m, m) != m:
            m = parent[m]
        return m

    first: dict[Key, Mention] = {}  # one value of one article: one side
    leads, keyed = list(leads), list(keyed)
    put = {m: why for *pair, why in keyed for m in pair}  # one thing's or event's values
    told = {m for pair in leads for m in pair}  # mentions of the leads' days only
    joined: list[tuple[Mention, Mention]] = []
    loose: list[tuple[Mention, Mention]] = []  # days of sentences aligned only loosely
    closely: set[Mention] = set()  # days of sentences aligned closely (``Differ.close``)
    for pair in pairs:
        for x, y in differ.diff(pair):
            (loose if x.kind == "date" and pair.by("date")[1] else joined).append((x, y))
            if x.kind == "date" and pair.by("date")[0] >= differ.close:
                closely.update((x, y))
    joined += leads + [(x, y) for x, y, _ in keyed]
    links = _links(joined)
    for x, y in chain(joined, (d for d in loose if not _told_otherwise(d, links))):
        parent[root(x)] = root(y)
        for m in (x, y):
            same = first.setdefault(_key(m), m)
            parent[root(m)] = root(same)
    groups: dict[Mention, list[Mention]] = defaultdict(list)
    for mention in list(parent):
        groups[root(mention)].append(mention)
    found = []
    for members in groups.values():
        values: dict[str, list[Mention]] = defaultdict(list)
        for m in sorted(members, key=lambda m: (m.span.article_id, m.span.start)):
            values[m.value].append(m)
        if len(values) < 2:
            continue
        if members[0].kind == "date":
            kept = _where_alone(values, differ, None if len(values) == 2 else closely)
            if len(values) == 2 or len(kept) == 2:  # of three days or more, two left
                values = kept
            if len(values) < 2:
                continue
        ranked = sorted(values.items(), key=lambda kv: (
            -len(sources.independent({m.span.article_id for m in kv[1]})),
            -_stated_in(kv[1][0], differ), min(m.span.start for m in kv[1])))
        sides = [Side(_side_label(value, ms), tuple(dict.fromkeys(m.span.article_id for m in ms)),
                      tuple(m.span for m in ms)) for value, ms in ranked]
        if sources.muddled(sides):
            continue
        topics = [m.topic for _, ms in ranked for m in ms]  # the most stated side's first
        topic = next((t for t in topics if not WORD_LIST.match(t)), topics[0])  # an event
        found.append(AlignedConflict(members[0].kind, topic, sides, "; ".join(
            f"{subject_verb({sources.label(a) for a in s.article_ids}, 'give')} {s.value}"
            for s in sides) + (", in the opening paragraphs of articles published within a "
                               "day of each other, which tell one event."
                               if told.issuperset(members) else
                               f", each as {put[members[0]]}."
                               if put.keys() >= set(members) else
                               ", in sentences that otherwise say the same thing.")))
    return sorted(found, key=lambda c: (c.type, c.topic))


Key = tuple[str, str, str]  # a mention's kind, article and value: one side of one article


def _home(fact: Fact) -> bool:
    """A place fact that is a person's home ("Sen. Bernie Sanders (I-Vt.)")."""
    return fact.subject != "place" and "region" not in fact.qualifier


def _key(m: Mention) -> Key:
    return (m.kind, m.span.article_id, m.value)


def _links(joined: list[tuple[Mention, Mention]]) -> dict[Key, set[Key]]:
    """The values that ``joined`` pairs join, each way, by article and value."""
    links: dict[Key, set[Key]] = defaultdict(set)
    for x, y in joined:
        links[_key(x)].add(_key(y))
        links[_key(y)].add(_key(x))
    return links


def _told_otherwise(days: tuple[Mention, Mention], links: dict[Key, set[Key]]) -> bool:
    """The two days of sentences aligned only loosely would be joined with another day of
    one of their articles, through the days that other pairs join (``links``, followed
    through one article's one value): the loose pair, worded apart but for the event's verb,
    would make one event of two that article tells apart, and a conflict found by the others
    would be lost among three days, one article giving two (``Sources.muddled``)."""
    seen = {_key(m) for m in days}
    todo = list(seen)
    while todo:
        for k in links.get(todo.pop(), set()) - seen:
            seen.add(k)
            todo.append(k)
    return any(k[1] == m.span.article_id and k[2] != m.value for m in days for k in seen)


def _where_alone(values: dict[str, list[Mention]], differ: Differ,
                 closely: set[Mention] | None = None) -> dict[str, list[Mention]]:
    """Of two days, a source that gives one once, and alone of all sources, stands on that
    day's side only: its other day tells other things (``Differ._days``). Of three days or
    more (``closely`` given), only where it gives that day in a sentence closely aligned with
    another's, which says the same thing ("issued subpoenas Thursday afternoon to Mr. Flynn's
    two firms" / "responded with two additional subpoenas on Tuesday targeting Flynn's
    businesses"), and its other day came in through other pairs; kept by the caller where two
    days are left, else the group stays muddled (``Sources.muddled``). (Eighteenth session:
    without the closely aligned sentence, one false alarm more, a day the outlet gives in a
    sentence aligned only loosely; three days left, one more: no rule for those.)"""
    days: dict[str, set[str]] = defaultdict(set)
    for day, ms in values.items():
        for m in ms:
            days[m.span.article_id].add(day)
    stands = {}
    for article_id, given in days.items():
        alone = [day for day in given if differ.alone(article_id, day)]
        if len(given) > 1 and len(alone) == 1 and (closely is None or any(
                m in closely for m in values[alone[0]] if m.span.article_id == article_id)):
            stands[article_id] = alone[0]
    return {day: kept for day, ms in values.items() if (kept := [
        m for m in ms if stands.get(m.span.article_id, day) == day])}


WORD_LIST = re.compile(r"(?:when|where|whether): ")  # a topic of shared words (``topics.gist``)


def _side_label(value: str, mentions: list[Mention]) -> str:
    """Every way the side's sources write its value ("14 / Fourteen"); a day also shows its
    date ("Tuesday / Oct 14 (2025-10-14)")."""
    written = " / ".join(dict.fromkeys(m.label for m in mentions))
    return f"{written} ({value})" if mentions[0].kind == "date" else written


def _stated_in(mention: Mention, differ: Differ) -> int:
    """How many sources' texts contain the value at all (a tie-break between sides)."""
    if mention.kind == "status":
        return 0
    text = normalize_for_hash(mention.label)
    return len({differ.sources.source_of[a] for a, t in differ.texts.items() if text in t})

