"""Who is an independent witness, and who is who, within one story."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from ..ids import fold_accents, normalize_for_hash
from ..render.words import source_label
from ..text.names import without_suffix
from ..types import Article, DuplicateGroup, Side, Span

HONORIFIC = re.compile(r"^(mr|mrs|ms|dr|sir|dame|prof|rep|sen|gov|gen|lt|col|rev|hon|amb|atty)"
                       r"\.?\s+", re.I)


@dataclass
class Sources:
    """Maps each article of a story to its independent source (a copy counts as its canonical)."""

    articles: dict[str, Article]
    source_of: dict[str, str]

    @classmethod
    def build(cls, articles: list[Article], groups: list[DuplicateGroup]) -> Sources:
        source_of = {a.id: a.id for a in articles}
        for group in groups:
            for member in group.members:
                if member.article_id in source_of:
                    source_of[member.article_id] = group.canonical
        return cls({a.id: a for a in articles}, source_of)

    def independent(self, article_ids: list[str] | tuple[str, ...] | set[str]) -> set[str]:
        return {self.source_of.get(a, a) for a in article_ids}

    def muddled(self, sides: tuple[Side, ...] | list[Side]) -> bool:
        """Three values or more, one source giving two of them: the sentences are not about
        one thing (a tax rate of 35.7 and one of 45.8 percent in one outlet; two excerpts of a
        statute), so they make no conflict; nor do two values when every source of one gives
        the other too (an outlet quoting one remark two ways, another quoting it one way: no
        source stands for the second way alone)."""
        given = [self.independent(side.article_ids) for side in sides]
        if len(sides) == 2:  # the one side's every source gives the other value too
            return any(x and x <= y for x, y in (given, given[::-1]))
        return len(sides) > 2 and sum(map(len, given)) > len(set().union(*given))

    def disputed(self, sides: tuple[Side, ...] | list[Side]) -> list[Side]:
        """The sides of a conflict that are not its majority: every side after the first, and
        the first too when another side has as many independent sources (a tie names no
        majority)."""
        counts = [len(self.independent(s.article_ids)) for s in sides]
        tied = len(counts) > 1 and counts[0] <= max(counts[1:])
        return list(sides) if tied else list(sides[1:])

    def outvoted(self, sides: tuple[Side, ...] | list[Side]) -> list[Side]:
        """The sides fewer independent sources give than the first (a tie outvotes nobody)."""
        counts = [len(self.independent(s.article_ids)) for s in sides]
        return [s for s, n in zip(sides, counts, strict=True) if n < counts[0]]

    def label(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        if article is None:
            return article_id[:8]
        return source_label(article.outlet, article.url, article.source)

    def text(self, span: Span) -> str:
        return self.articles[span.article_id].text[span.start:span.end]


NICKNAMES = {frozenset(pair.split("/")) for pair in (
    "jim/james jimmy/james bill/william will/william bob/robert rob/robert mike/michael "
    "joe/joseph tom/thomas dick/richard rick/richard chuck/charles charlie/charles ted/edward "
    "ed/edward tony/anthony dan/daniel dave/david steve/steven steve/stephen chris/christopher "
    "matt/matthew pat/patrick nick/nicholas ben/benjamin sam/samuel alex/alexander "
    "andy/andrew greg/gregory jeff/jeffrey ken/kenneth larry/lawrence liz/elizabeth "
    "beth/elizabeth kate/katherine kathy/kathleen sue/susan jen/jennifer mitch/mitchell "
    "newt/newton hank/henry harry/henry jack/john johnny/john don/donald ron/ronald "
    "tim/timothy bibi/benjamin fred/frederick al/albert jerry/gerald pete/peter phil/philip "
    "ray/raymond rudy/rudolph bernie/bernard vince/vincent walt/walter").split()}


def name_key(name: str) -> tuple[str, ...]:
    cleaned = HONORIFIC.sub("", normalize_for_hash(fold_accents(name))).replace("'s", "")
    return tuple(w for w in re.findall(r"[a-z][a-z\-]+", cleaned))


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """"Rubio" ~ "Marco Rubio", "Tahir Andrabi" ~ "Tahir Hussain Andrabi", "Jim Mattis" ~
    "James Mattis", "Vicente Fox" ~ "Vincente Fox" (one letter off); "Ann Lee" !~ "Bo Lee"."""
    wa, wb = without_suffix(list(a), list(b))  # "Trump Jr." ~ "Donald Trump Jr."
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    if len(wa) == 1 or len(wb) == 1:
        return True
    x, y = wa[0], wb[0]
    return (x == y or frozenset((x, y)) in NICKNAMES
            or (min(len(x), len(y)) >= 5 and Levenshtein.distance(x, y) <= 1))


@dataclass
class People:
    """Canonical names for the people of a story: the longest form seen names the person."""

    canonical: dict[tuple[str, ...], str] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def build(cls, names: list[str]) -> People:
        people = cls()
        keyed = sorted({n.strip() for n in names if n and name_key(n)},
                       key=lambda n: (-len(name_key(n)), n))
        heads: list[tuple[tuple[str, ...], str]] = []
        for name in keyed:
            key = name_key(name)
            head = next((h for h in heads if same_person(h[0], key)), None)
            if head is None:
                heads.append((key, name))
                head = heads[-1]
            people.canonical[key] = head[1]
            people.aliases[head[1]].add(name)
        return people

    def resolve(self, name: str | None) -> str | None:
        if not name:
            return None
        key = name_key(name)
        if key in self.canonical:
            return self.canonical[key]
        for known, canonical in self.canonical.items():
            if same_person(known, key):
                return canonical
        return name.strip() or None
