"""What is established: claims ranked by independent support, i.e. how much of a claim the *other*
independent sources state: each content word weighs the square root of the number of those
sources whose text or headline has it, the sum is divided by the square root of the claim's
length, with a bonus for the first claim of an article and a penalty for a claim that reads
badly out of its article (it opens on a pronoun or a connective, or leaves a quotation open) or
comes from a flagged report. Claims are taken greedily, words already stated counting a fifth; a
claim a chosen one states (an echo, or by ``consistency.paraphrase.stated_by``) is
merged into that point as a citation, and so is the closest sentence of each other source
sharing at least ``[brief] partial_support`` of it. Points two or more independent sources state
come first. A claim holding the minority side of a conflict, or either side of a tied one, is
never established. Points are told in the order of the most central article (the one they cite
most).

Measured on NeuS val (``benchmarks/summaries_neus.py``, ROUGE-1 43.40) and not kept, all within
noise or worse: ranking by TF-IDF cosine to the other leads (42.38) or to the whole cluster
(41.30), or by TextRank over the claims (42.27); the first point chosen by support times that
cosine (43.65, bootstrap CI -0.36..+0.93), by total support (42.38 to 43.29) or as the best-ranked
one that fits the budget (42.70); no "several sources first" order (43.47); other exponents of the
length (0.4: 43.03, 0.6: 43.45), lead bonuses (0 to 0.8: 43.29 to 43.45), decays (0 to 0.6: 43.22
to 43.39), penalties and headline weights; a merged point stated by its fullest or best-supported
sentence (43.44, 43.51); and in the budget, the set of whole sentences filling the most words
(43.12 to 43.18), the most support (43.28 to 43.42) or the most supported words (42.94 to 43.26),
or preferring reports not yet cited (43.18 to 43.40). A model fitted on these features (two-fold)
chose the first and second points worse than this ranking. Shortened points, their
parentheses, appositions and non-restrictive relative clauses left out and marked with an
ellipsis so that more points fit, scored 43.31 to 43.38; the headlines as points, 37.81 stated
first and 43.61 (within noise) after the other points."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from math import sqrt

from ...config import Settings
from ...consistency.paraphrase import SUPPORT, stated_by
from ...render.words import flat
from ...text.similarity import content_words, overlap_score
from ...types import Claim, Sentence, Span
from .budget import Candidate
from .context import Context

DANGLING = re.compile(r"^[\W_]*(?:he|she|it|they|this|that|these|those|his|her|its|their|but"
                      r"|and|or|so|yet|also|still|meanwhile|however|instead|then)\b", re.I)
DECAY, PENALTY, LEAD_BONUS = 0.2, 0.7, 0.3
GREEDY = 60  # points chosen one by one (the rest, never stated in a brief, by support alone)


@dataclass
class Point:
    claim: Claim
    words: set[str]
    citations: list[Span] = field(default_factory=list)
    same: list[Claim] = field(default_factory=list)


@dataclass
class Established:
    candidates: list[Candidate]  # in order of importance
    merged: set[Span]  # spans of claims stated as (part of) several-source points
    support: dict[str, float]  # each claim's support, by claim id


def established(ctx: Context, settings: Settings) -> Established:
    """The established points of ``ctx``'s story, ranked (see the module)."""
    return Ranker(ctx, settings).rank()


class Ranker:
    def __init__(self, ctx: Context, settings: Settings) -> None:
        self.ctx, self.settings = ctx, settings
        self.echoes = {f.subject: f.sides[0].spans[1:] for f in ctx.of["corroborated"]}
        firsts: dict[str, Claim] = {}
        for claim in sorted(ctx.claims, key=lambda c: -c.span.start):
            firsts[claim.article_id] = claim
        self.leads = {c.id for c in firsts.values()}
        self.words = {c.id: content_words(c.text) for c in ctx.claims}
        self.weights = self._word_weights()

    def rank(self) -> Established:
        ctx, words = self.ctx, self.words
        minority = [sp for c in ctx.of["conflict"] for s in ctx.sources.disputed(c.sides)
                    for sp in s.spans]
        pool = [c for c in ctx.claims if words[c.id] and not any(
            sp.article_id == c.article_id and c.span.start <= sp.start < c.span.end
            for sp in minority)]
        support = {c.id: self._density(c, set()) for c in pool}
        points: list[Point] = []
        covered: set[str] = set()
        while pool and len(points) < GREEDY:
            best = max(pool, key=lambda c: (self._density(c, covered), -c.span.start, c.id))
            echoes = self.echoes.get(best.id, ())
            same = [c for c in pool if c is not best and (c.span in echoes or stated_by(
                c.text, best.text, words[c.id], words[best.id]) >= SUPPORT)]
            pool = [c for c in pool if c is not best and c not in same]
            points.append(Point(best, words[best.id], [best.span, *echoes], same))
            points[-1].citations += [c.span for c in same]
            covered |= words[best.id]
        points += [Point(c, words[c.id], [c.span]) for c in sorted(  # the long tail, unmerged
            pool, key=lambda c: (-support[c.id], c.span.start, c.id))]
        merged: set[Span] = set()
        for point in points:
            self._cite_partial(point)
            if ctx.several(point.citations):
                merged |= {point.claim.span, *(c.span for c in point.same)}
        return Established(self._in_story_order(points), merged, support)

    def _word_weights(self) -> dict[str, dict[str, int]]:
        """For each independent source: how many *other* sources state each of its words
        (a headline counts once more)."""
        ctx = self.ctx
        titles = {a.id: content_words(a.title or "") for a in ctx.articles
                  if ctx.sources.source_of.get(a.id) == a.id}
        vocab = {a.id: content_words(a.text) | titles[a.id] for a in ctx.articles
                 if a.id in titles}
        counts: dict[str, dict[str, int]] = {}
        for source in vocab:
            mine = {w for c in ctx.claims if c.article_id == source for w in self.words[c.id]}
            counts[source] = {w: sum((w in vocab[s]) + (w in titles[s]) for s in vocab
                                     if s != source) for w in mine}
        return counts

    def _density(self, claim: Claim, covered: set[str]) -> float:
        words, weight = self.words[claim.id], self.weights.get(claim.article_id, {})
        total = sum(sqrt(weight.get(w, 0)) * (DECAY if w in covered else 1.0) for w in words)
        score = total / sqrt(len(words)) * (1 + LEAD_BONUS * (claim.id in self.leads))
        if DANGLING.match(claim.text) or claim.text.count("“") != claim.text.count("”"):
            score *= PENALTY
        return score * (PENALTY ** 2 if claim.article_id in self.ctx.flagged else 1.0)

    def _cite_partial(self, point: Point) -> None:
        """Cite the closest sentence of each other source that shares enough of the point."""
        floor = float(self.settings["brief"]["partial_support"])
        cited = self.ctx.sources.independent({s.article_id for s in point.citations})
        best: dict[str, tuple[float, Claim]] = {}
        for claim in self.ctx.claims:
            score = overlap_score(point.words, self.words[claim.id])
            if claim.article_id not in cited and score >= floor and score > best.get(
                    claim.article_id, (0.0, claim))[0]:
                best[claim.article_id] = (score, claim)
        point.citations += [c.span for _, c in sorted(best.values(), key=lambda x: -x[0])]
        point.citations = list(dict.fromkeys(point.citations))

    def _in_story_order(self, points: list[Point]) -> list[Candidate]:
        """Ranked candidates, each placed where the most central article tells it."""
        ctx = self.ctx
        cited: dict[str, int] = defaultdict(int)
        for point in points[:8]:
            for article_id in dict.fromkeys(s.article_id for s in point.citations):
                cited[article_id] += 1  # in citation order: ties go the same way every run
        central = max(cited, key=lambda a: (cited[a], a not in ctx.flagged), default=None)
        out = []
        for point in points:
            there = next((s for s in point.citations if s.article_id == central), None)
            span = there or point.claim.span
            where = span.start / max(len(ctx.sources.articles[span.article_id].text), 1)
            several = ctx.several(point.citations)
            out.append(Candidate("established", Sentence(flat(point.claim.text),
                                                         tuple(point.citations)),
                                 (where, there is None), extra=several, counted=several))
        return sorted(out, key=lambda c: not c.extra)  # points several sources state first
