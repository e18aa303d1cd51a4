"""The report: a plain JSON-able dict built from the store (documented in docs/output.md and
shipped as ``schema/report.schema.json``). Renderers turn it into Markdown and HTML."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from . import __version__
from .store.base import Store
from .types import Article, Brief, Claim, Evidence, Fact, Finding, Span, Story

SCHEMA_VERSION = 1


def span(s: Span) -> dict[str, Any]:
    return {"article_id": s.article_id, "start": s.start, "end": s.end}


def article_entry(a: Article) -> dict[str, Any]:
    return {
        "id": a.id, "source": a.source, "url": a.url, "outlet": a.outlet, "title": a.title,
        "published": a.published, "language": a.language, "text": a.text, "meta": a.meta,
        "paragraphs": [{"start": p.start, "end": p.end, "kind": p.kind} for p in a.paragraphs],
    }


def build_report(store: Store, story_ids: list[str] | None = None) -> dict[str, Any]:
    """The whole store, or only the stories named (with only their articles and groups)."""
    stories: list[Story] = store.all("story")
    if story_ids is not None:
        stories = [s for s in stories if s.id in story_ids]
    stories.sort(key=lambda s: (-len(s.article_ids), s.title, s.id))
    wanted = {a for s in stories for a in s.article_ids}
    articles = [a for a in store.all("article") if a.id in wanted]
    groups = [g for g in store.all("duplicate_group")
              if any(m.article_id in wanted for m in g.members)]
    facts: list[Fact] = store.all("fact")
    claims: list[Claim] = store.all("claim")
    evidence: list[Evidence] = store.all("evidence")
    findings: list[Finding] = store.all("finding")
    briefs: dict[str, Brief] = {b.story_id: b for b in store.all("brief")}
    return {
        "wirecheck": __version__,
        "schema_version": SCHEMA_VERSION,
        "articles": [article_entry(a) for a in articles],
        "duplicate_groups": [
            {"id": g.id, "canonical": g.canonical, "exact": g.exact,
             "members": [{"article_id": m.article_id, "similarity": m.similarity}
                         for m in g.members]}
            for g in groups
        ],
        "failures": [
            {"id": f.id, "stage": f.stage, "source": f.source, "error": f.error,
             "message": f.message}
            for f in (store.all("failure") if story_ids is None else [])
        ],
        "stories": [story_entry(s, facts, claims, evidence, findings, briefs.get(s.id))
                    for s in stories],
    }


def story_entry(story: Story, facts: list[Fact], claims: list[Claim], evidence: list[Evidence],
                findings: list[Finding], brief: Brief | None) -> dict[str, Any]:
    ids = set(story.article_ids)
    mine = [f for f in findings if f.story_id == story.id]
    of: dict[str, list[Finding]] = defaultdict(list)
    for finding in mine:
        of[finding.kind].append(finding)
    stances: dict[str, list[Evidence]] = defaultdict(list)
    for item in evidence:
        if item.story_id == story.id:
            stances[item.claim_id].append(item)
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": list(story.article_ids),
        "quotes": [quote_entry(f) for f in of["quote"]],
        "people": [
            {"name": f.topic, "aliases": f.detail.get("aliases", []),
             "roles": f.detail.get("roles", [])}
            for f in of["person"]
        ],
        "facts": [
            {"id": f.id, "article_id": f.article_id, "kind": f.kind, "subject": f.subject,
             "value": f.value, "normalized": f.normalized, "qualifier": list(f.qualifier),
             "start": f.span.start, "end": f.span.end}
            for f in facts if f.article_id in ids
        ],
        "claims": [claim_entry(c, stances[c.id]) for c in claims if c.article_id in ids],
        "conflicts": [conflict_entry(f) for f in of["conflict"]],
        "inconsistencies": [conflict_entry(f) for f in of["inconsistency"]],
        "single_source": [
            {"claim_id": f.subject, "article_id": f.sides[0].article_ids[0], "text": f.topic,
             "start": f.sides[0].spans[0].start, "end": f.sides[0].spans[0].end}
            for f in of["single_source"]
        ],
        "reliability": [
            {"article_id": f.subject, "score": f.score, "flagged": bool(f.detail.get("flagged")),
             "reasons": f.detail.get("reasons", []),
             "corroborated": f.detail.get("corroborated", 0),
             "contradicted": f.detail.get("contradicted", 0),
             "inconsistent": f.detail.get("inconsistent", 0),
             "single_source": f.detail.get("single_source", 0)}
            for f in sorted(of["reliability"], key=lambda f: f.score)
        ],
        "timeline": [
            {"date": f.topic, "what": f.detail.get("what", f.explanation),
             "article_ids": list(f.sides[0].article_ids),
             "spans": [span(x) for x in f.sides[0].spans]}
            for f in sorted(of["timeline"], key=lambda f: f.topic)
        ],
        "brief": brief_entry(brief, story),
    }


def conflict_entry(f: Finding) -> dict[str, Any]:
    return {"id": f.id, "type": f.detail.get("type", "status"), "topic": f.topic,
            "explanation": f.explanation,
            "sides": [{"value": s.value, "article_ids": list(s.article_ids),
                       "spans": [span(x) for x in s.spans]} for s in f.sides]}


def quote_entry(f: Finding) -> dict[str, Any]:
    return {"id": f.id, "speaker": f.subject, "text": f.topic,
            "kind": f.detail.get("kind", "direct"), "carriers": f.detail.get("carriers", [])}


def claim_entry(claim: Claim, stances: list[Evidence]) -> dict[str, Any]:
    return {
        "id": claim.id, "article_id": claim.article_id, "text": claim.text,
        "start": claim.span.start, "end": claim.span.end, "attribution": claim.attribution,
        "hedged": claim.hedged,
        "stances": [
            {"article_id": e.article_id, "stance": e.stance,
             "start": e.span.start if e.span else None, "end": e.span.end if e.span else None,
             "score": e.score, "independent": e.independent}
            for e in sorted(stances, key=lambda e: e.article_id)
        ],
    }


def brief_entry(brief: Brief | None, story: Story) -> dict[str, Any]:
    if brief is None:
        return {"headline": story.title, "sections": []}
    return {
        "headline": brief.headline,
        "sections": [
            {"key": s.key, "title": s.title,
             "sentences": [{"text": x.text, "composed": x.composed,
                            "citations": [span(c) for c in x.citations]} for x in s.sentences]}
            for s in brief.sections
        ],
    }
