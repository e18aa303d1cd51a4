"""Numbers that differ between aligned sentences.

A conflict of numbers: the same counted thing (the noun the number counts, or the same subject),
values that do not agree (hedges and bounds as in ``numbers_agree``), neither value given for that
thing anywhere in the other article, nor written in the other sentence as a figure that counts
nothing of its own ("a two-in-three chance": its 3; ``Differ.uncounted``); in sentences aligned less
closely, the very same subject ("deferment obtained"), or the one count each article gives of a
thing named by a noun (by WordNet, or the noun the figure counts: "the two Koreas"), subjects one
within the other ("term" / "term served") or the same noun of the same thing ("pages of e-mails" /
"pages of emails": ``Differ.only_counts``), or the one sum of money each article says one verb
handled, each sentence giving one sum ("repay the $84,000": ``Differ.only_sums``); and in any two
sentences, the one count each article gives of a thing named by the same words ("400 contract
dockers" / "About 900 contract dockers"), or of one remark's words, a figure quoted alone ("the “40
percent”" / "the “70 percent” line"), or of a thing a hyphen joins to its figure before what it
describes ("a four-term council member" / "the 11-term councillor"), unless the two are given to
people named apart (``Differ.tallies``); but never two percentages of different things, one a share
of a whole it names or a measure of a noun ("30 percent of port imports", "a 15 percent increase"),
the other of another or of none ("a levy of 12 percent") (``Differ.other_wholes``)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations

from ...ids import normalize_for_hash
from ...nlp.spacy_backend import analyse
from ...text.numbers import parse_number
from ...text.quotemarks import DOUBLE
from ...text.similarity import content_words, overlap_score
from ...types import Claim, Fact
from ..topics import counted
from .base import MIN_SHARED, QUOTE_MARKS, DifferBase, Mention

MEASURES = frozenset(["percent", "percentage", "point", "dollar", "cent"])  # a share or a sum
BACK = frozenset(["this", "that", "these", "those"])  # words of a thing told before
PART = frozenset(["other", "more", "additional", "further"])  # "three other women": a part
MONEY = re.compile(r"[$€£¥]|\b(?:dollars?|euros?|pounds?)\b", re.I)  # a sum of money


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


class NumberRules(DifferBase):
    """The number rules of ``Differ`` (see the module)."""

    def numbers(self, a: Claim, b: Claim, exact: bool = False) -> Iterator[tuple[Mention, Mention]]:
        """Numbers of one counted thing; ``exact``: of the very same subject ("people
        evacuated"), for loosely aligned sentences, or two different values of the one count
        each article gives of that thing (``only_counts``)."""
        from ..conflicts import numbers_agree  # one rule for agreeing numbers

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
        words = self.sentence(claim)
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
        from ..conflicts import numbers_agree

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
        from ...consistency.wordnet import is_noun

        return is_noun(word) or (self.counted(fact) or "").lower() == f"number of {word}"

    def only_sums(self, f: Fact, g: Fact, a: Claim, b: Claim) -> bool:
        """The one sum of money each article says was handled one way, a subject that is a
        verb alone ("repaid the $84,000" / "pledged to repay the $84,000", "funneled"): one
        word names the deed, and the money is what it was done with; each sentence gives that
        one sum ("to move about $200 million from one account and another $600 million from
        the other" tells parts)."""
        from ...consistency.wordnet import is_noun

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
