"""``Differ``, every rule together, and the conflicts of a story from its aligned pairs.

A conflict of roles: the same person given titles that are not compatible, neither title given to
that person anywhere in the other article.

Conflicts found in several pairs are merged when they share a mention, and aligned pairs that
agree on a number or a day join their sources to that value, so that each side lists every
source that gives it (components with a single value are no conflict; of two days, a source
that alone gives one, once, stands on that day's side only); the side most independent
sources give comes first (ties: the value stated in the text of more sources, then in order of
appearance).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain

from ...ids import normalize_for_hash
from ...render.words import subject_verb
from ...text.places import lies_in
from ...types import Claim, Fact, Side
from ..sources import Sources
from .base import NEARLY_SAME, WORD_LIST, Key, Mention, Pairing, key_of
from .dates import DateRules
from .numbers import NumberRules
from .places import PlaceRules
from .polarity import PolarityRules


class Differ(NumberRules, DateRules, PlaceRules, PolarityRules):
    """Finds the differing values of aligned pairs, with what each article states anywhere."""

    def diff(self, pair: Pairing) -> Iterator[tuple[Mention, Mention]]:
        yield from self.numbers(pair.a, pair.b, exact=pair.by("number")[1])
        score, loose = pair.by("date")
        yield from self.dates(pair.a, pair.b, close=score >= self.close, loose=loose)
        if pair.score < self.close:  # sentences told apart: one event each, both ways
            yield from self.events(pair.a, pair.b)
        yield from self.swapped(pair.a, pair.b)
        if pair.loose:
            return
        yield from self.places(pair.a, pair.b, close=pair.score >= self.close)
        yield from self.roles(pair.a, pair.b)
        if pair.score >= self.close:
            yield from self.polarity(pair.a, pair.b,  # which checks the same statement
                                     worded_alike=pair.score >= self.same_statement,
                                     nearly_same=pair.score >= NEARLY_SAME)

    def roles(self, a: Claim, b: Claim) -> Iterator[tuple[Mention, Mention]]:
        """Two titles of one person in two aligned sentences that cannot both be held; two
        former titles may both have been (one source against one: "former ambassador" /
        "former party co-chairwoman"; a former title that others agree on is compared in
        ``role_conflicts``)."""
        from ..conflicts import exclusive, is_former, roles_compatible

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
        from ..conflicts import roles_compatible

        return any(roles_compatible(role, h) for h in self.facts_of[article_id]
                   if h.kind == "role" and self.people.resolve(h.subject) == person)


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
            same = first.setdefault(key_of(m), m)
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
        if members[0].kind == "place":
            values = _most_precise(values)
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


def _links(joined: list[tuple[Mention, Mention]]) -> dict[Key, set[Key]]:
    """The values that ``joined`` pairs join, each way, by article and value."""
    links: dict[Key, set[Key]] = defaultdict(set)
    for x, y in joined:
        links[key_of(x)].add(key_of(y))
        links[key_of(y)].add(key_of(x))
    return links


def _told_otherwise(days: tuple[Mention, Mention], links: dict[Key, set[Key]]) -> bool:
    """The two days of sentences aligned only loosely would be joined with another day of
    one of their articles, through the days that other pairs join (``links``, followed
    through one article's one value): the loose pair, worded apart but for the event's verb,
    would make one event of two that article tells apart, and a conflict found by the others
    would be lost among three days, one article giving two (``Sources.muddled``)."""
    seen = {key_of(m) for m in days}
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


def _most_precise(values: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """Of two places one article gives, one within the other (``lies_in``), the more precise
    stands for both: nytimes's "Bellingham" and "Washington State" are one side, Bellingham,
    against another's "Seattle" (not an article giving two places, ``Sources.muddled``)."""
    given: dict[str, set[str]] = defaultdict(set)
    for place, ms in values.items():
        for m in ms:
            given[m.span.article_id].add(place)
    broader = {(a, w) for a, places in given.items() for v in places for w in places
               if v != w and lies_in(v, w)}
    return {place: kept for place, ms in values.items() if (kept := [
        m for m in ms if (m.span.article_id, place) not in broader])}


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
