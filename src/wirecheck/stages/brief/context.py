"""What every section of a brief reads: the story's articles, their independent sources and
labels, its findings by kind, the claims of independent reports, and the wording of "which
reports say it"."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...pipeline import Bundle
from ...render.words import counted, number, source_label
from ...types import Article, Claim, Finding, Span, Story
from ..sources import Sources

CONFLICT_ORDER = ("role", "number", "date", "quote", "status", "place", "setting", "speaker")


def labels(articles: Sequence[Article]) -> dict[str, str]:
    """A label for each article (outlet, host or file name), numbered when two read alike."""
    seen: dict[str, int] = defaultdict(int)
    out = {}
    for a in articles:
        base = source_label(a.outlet, a.url, a.source) or a.id[:8]
        seen[base] += 1
        out[a.id] = base if seen[base] == 1 else f"{base} ({seen[base]})"
    return out


@dataclass
class Context:
    story: Story
    articles: list[Article]
    sources: Sources
    labels: dict[str, str]
    of: dict[str, list[Finding]]  # the story's findings by kind
    claims: list[Claim]  # of independent reports (a copy's claims are its canonical's)
    flagged: set[str]  # reports flagged as the outlier

    @classmethod
    def build(cls, story: Story, bundle: Bundle) -> Context:
        articles: list[Article] = bundle.get("article", [])
        sources = Sources.build(articles, bundle.get("duplicate_group", []))
        of: dict[str, list[Finding]] = defaultdict(list)
        for finding in bundle.get("finding", []):
            if finding.story_id == story.id:
                of[finding.kind].append(finding)
        claims = [c for c in bundle.get("claim", [])
                  if sources.source_of.get(c.article_id) == c.article_id]
        flagged = {f.subject for f in of["reliability"] if f.detail.get("flagged") and f.subject}
        return cls(story, articles, sources, labels(articles), of, claims, flagged)

    def several(self, spans: Iterable[Span]) -> bool:
        """Whether two or more independent sources state ``spans``."""
        return len(self.sources.independent({s.article_id for s in spans})) > 1

    def conflicts(self) -> list[Finding]:
        """The story's conflicts, the most telling kind first, then the most sources."""
        def rank(f: Finding) -> tuple[int, int, str]:
            kind = str(f.detail.get("type", "status"))
            size = len(self.sources.independent({a for s in f.sides for a in s.article_ids}))
            return (CONFLICT_ORDER.index(kind) if kind in CONFLICT_ORDER else 9, -size, f.id)
        return sorted(self.of["conflict"], key=rank)

    def reports(self, article_ids: Sequence[str], of_all: bool = False) -> str:
        """'four of five reports', 'two reports (a, b)', 'seven reports (five independent)':
        outlets are named when three or fewer independent sources say it."""
        n, k = len(set(article_ids)), len(self.sources.independent(tuple(article_ids)))
        head = (f"{number(n)} of {counted(len(self.articles), 'report{}')}" if of_all
                else counted(n, "report{}"))
        copies: dict[str, int] = defaultdict(int)
        for a in dict.fromkeys(article_ids):
            copies[self.sources.source_of.get(a, a)] += 1
        names = [self.labels.get(src, src[:8]) + (
            f" and {counted(c - 1, 'copy|copies')}" if c > 1 else "") for src, c in copies.items()]
        notes = [", ".join(names)] if k <= 3 else []
        notes += [f"{number(k)} independent"] if k != n and k > 3 else []
        return f"{head} ({', '.join(notes)})" if notes else head
