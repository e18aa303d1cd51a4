"""Reliability of each report of a story, from how its claims fare against the other sources.

score = (corroborated + 0.25 × single-source)
        / (corroborated + single-source + 3 × (contradicted + inconsistent))

A contradiction weighs three times a claim, and so does an inconsistency within the report (two
of its sentences giving one thing two values: ``within.py``); a claim nobody else states counts
a quarter of a corroborated one. A report loses a conflict when fewer independent sources give
its side than the first side (a tie between single sources costs neither). It is flagged when
it loses at least one conflict or contradicts itself, and its score is more than
``outlier_margin`` below the median of the story's reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from statistics import median

from ..ids import content_id
from ..render.words import counted
from ..types import Claim, Finding, Side, Story
from .sources import Sources


def reliability_findings(story: Story, sources: Sources, claims: list[Claim],
                         claim_findings: list[Finding], conflicts: list[Finding],
                         inconsistencies: list[Finding], margin: float) -> Iterable[Finding]:
    rows = {}
    for article_id in sources.articles:
        source = sources.source_of[article_id]  # a copy is as reliable as what it copies
        own = [f for f in claim_findings
               if sources.source_of[f.sides[0].article_ids[0]] == source]
        corroborated = sum(1 for f in own if f.kind == "corroborated")
        single = sum(1 for f in own if f.kind == "single_source")
        lost = [c for c in conflicts
                if any(article_id in s.article_ids for s in sources.outvoted(c.sides))]
        own_slips = [c for c in inconsistencies if source in c.sides[0].article_ids]
        denom = corroborated + single + 3 * (len(lost) + len(own_slips))
        score = (corroborated + 0.25 * single) / denom if denom else 0.5
        rows[article_id] = (score, corroborated, single, lost, own_slips)
    read = [r[0] for a, r in rows.items() if "not_read" not in sources.articles[a].meta]
    middle = median(read) if read else 0.0
    for article_id, (score, corroborated, single, lost, slips) in sorted(rows.items()):
        flagged = bool(lost or slips) and score < middle - margin
        reasons = [f"{counted(corroborated, 'claim{}')} corroborated by an independent source",
                   f"{counted(single, 'claim{}')} stated by no other source"]
        reasons += [f"contradicted on {c.topic}: says “{_side_of(c, article_id).value}”, "
                    f"others say “{c.sides[0].value}”" for c in lost]
        reasons += [f"contradicts itself on {c.topic}: says “{c.sides[0].value}” and "
                    f"“{c.sides[1].value}”" for c in slips]
        if flagged:
            reasons.insert(0, f"outlier: reliability {score:.2f} against a median of {middle:.2f}")
        if not_read := sources.articles[article_id].meta.get("not_read"):
            reasons = [f"not read: {not_read}"]  # nothing of it was checked
        spans = tuple(sp for c in lost for sp in _side_of(c, article_id).spans
                      if sp.article_id == article_id) + tuple(
            sp for c in slips for side in c.sides for sp in side.spans)
        if not spans:
            spans = tuple(c.span for c in claims if c.article_id == source)[:1]
        yield Finding(
            id=content_id("reliability", story.id, article_id), story_id=story.id,
            kind="reliability", topic=sources.label(article_id),
            sides=(Side(f"{score:.2f}", (article_id,), spans),),
            explanation="; ".join(reasons), score=round(score, 4), subject=article_id,
            detail={"flagged": flagged, "reasons": reasons, "corroborated": corroborated,
                    "contradicted": len(lost), "inconsistent": len(slips),
                    "single_source": single},
        )


def _side_of(conflict: Finding, article_id: str) -> Side:
    return next(s for s in conflict.sides if article_id in s.article_ids)
