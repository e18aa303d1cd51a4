"""The sections composed from verified items only: conflict sides, single-source findings,
quotations, people and roles, dates, reliability scores. Each sentence cites the spans it rests
on; its words are the items' own words and a fixed wording around them."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from statistics import median
from typing import Any

from ...render.words import counted, ended, flat, human_date, number
from ...types import Finding, Sentence, Side, Span
from .budget import Candidate
from .context import Context


def says(kind: str, side: Side) -> str:
    """What one side of a conflict says: 'say 14', 'gives Senator', 'has “…”'."""
    one, value = len(set(side.article_ids)) == 1, flat(side.value)
    value = human_date(value) if kind == "date" else value
    if kind == "quote":
        return f"{'has' if one else 'have'} “{value}”"
    verb = ("gives", "give") if kind in ("role", "speaker") else ("says", "say")
    return f"{verb[0] if one else verb[1]} {value}"


def disputed(ctx: Context) -> list[Candidate]:
    out = []
    for i, conflict in enumerate(ctx.conflicts()):
        kind = str(conflict.detail.get("type", "status"))
        main, *others = conflict.sides
        rest = "; ".join(f"{ctx.reports(s.article_ids)} {says(kind, s)}" for s in others)
        first = ctx.reports(main.article_ids, True)
        if kind == "role":
            verb = "calls" if len(set(main.article_ids)) == 1 else "call"
            text = (f"{first[:1].upper()}{first[1:]} {verb} "
                    f"{conflict.topic.removesuffix(chr(39) + 's role')} "
                    f"{flat(main.value)}; {rest} instead.")
        else:
            text = ended(f"Reports disagree on {conflict.topic}: {first} "
                         f"{says(kind, main)}; {rest}")
        spans = tuple(dict.fromkeys(sp for s in conflict.sides for sp in s.spans))
        out.append(Candidate("disputed", Sentence(text, spans, True), (i,)))
    for i, slip in enumerate(ctx.of["inconsistency"], start=len(out)):  # after the conflicts
        kind = str(slip.detail.get("type", "number"))
        first, second = (flat(human_date(s.value) if kind == "date" else s.value)
                         for s in slip.sides[:2])
        article_id = slip.sides[0].article_ids[0]
        text = (f"{ctx.labels.get(article_id, article_id)} contradicts itself on {slip.topic}: "
                f"“{first}” in one sentence, “{second}” in another.")
        spans = tuple(sp for s in slip.sides for sp in s.spans)
        out.append(Candidate("disputed", Sentence(text, spans, True), (i,)))
    return out


def single_source(ctx: Context, merged: set[Span]) -> list[Candidate]:
    """Claims only one source states, but not those ``merged`` into a several-source point."""
    by_article: dict[str, list[Finding]] = defaultdict(list)
    for finding in ctx.of["single_source"]:
        if finding.sides[0].spans[0] not in merged:
            by_article[finding.sides[0].article_ids[0]].append(finding)
    for group in by_article.values():
        group.sort(key=lambda f: f.sides[0].spans[0].start)
    order = sorted(by_article, key=lambda a: (a not in ctx.flagged, ctx.labels.get(a, a)))
    ranked = [by_article[a][i] for i in range(max(map(len, by_article.values()), default=0))
              for a in order if i < len(by_article[a])]  # round robin, leads first
    out = []
    for i, finding in enumerate(ranked):
        aid = finding.sides[0].article_ids[0]
        who = ctx.labels.get(aid, aid) + (" (flagged)" if aid in ctx.flagged else "")
        said = flat(finding.topic)
        said = said if said[:1] in "“\"‘'" else f"“{said}”"
        out.append(Candidate("single_source", Sentence(
            f"Only {who} reports: {said}", finding.sides[0].spans[:1], True), (i,)))
    return out


def quotes(ctx: Context) -> list[Candidate]:
    def rank(f: Finding) -> tuple[Any, ...]:
        speaker = f.subject or ""
        generic = not speaker[:1].isupper() or speaker.lower().startswith(("the ", "a "))
        carriers = {c["article_id"] for c in f.detail.get("carriers", [])}
        disputed = any(sp in conflicted for s in f.sides for sp in s.spans)
        return (generic, disputed, -len(ctx.sources.independent(tuple(carriers))),
                f.detail.get("kind") == "indirect", len(f.topic.split()) < 4, f.id)
    conflicted = {sp for c in ctx.of["conflict"] for s in c.sides for sp in s.spans}
    out = []
    for i, finding in enumerate(sorted(ctx.of["quote"], key=rank)):
        speaker, words = finding.subject or "Unattributed", flat(finding.topic)
        said = (f"{speaker}, in reported speech: {words}"
                if finding.detail.get("kind") == "indirect" else f"{speaker}: “{words}”")
        how = "; ".join(_carried(ctx, s.value, s.article_ids, finding) for s in finding.sides)
        spans = tuple(dict.fromkeys(sp for s in finding.sides for sp in s.spans))
        out.append(Candidate("quotes", Sentence(ended(f"{said} — {how}"), spans, True), (i,)))
    return out


def _carried(ctx: Context, match: str, article_ids: Sequence[str], finding: Finding) -> str:
    where = ctx.reports(article_ids)
    if match != "variant":
        return f"{'verbatim' if match == 'verbatim' else 'paraphrased'} in {where}"
    words = next((c["text"] for c in finding.detail.get("carriers", [])
                  if c.get("match") == "variant"), "")
    return f"a variant in {where}" + (f": “{flat(words)}”" if words else "")


def people(ctx: Context) -> list[Candidate]:
    def size(f: Finding) -> int:
        return -len(ctx.sources.independent({a for s in f.sides for a in s.article_ids}))
    out: list[Candidate] = []
    for i, finding in enumerate(sorted(ctx.of["person"], key=lambda f: (size(f), f.topic))):
        roles = "; ".join(f"{flat(s.value)} in {ctx.reports(s.article_ids)}"
                          for s in finding.sides)
        spans = tuple(dict.fromkeys(sp for s in finding.sides for sp in s.spans))
        if spans:
            out.append(Candidate("people", Sentence(f"{finding.topic}: {roles}.", spans, True),
                                 (i,)))
    return out


def timeline(ctx: Context, support: dict[str, float]) -> list[Candidate]:
    """Dated events, each told by its best-supported claim (``support`` by claim id)."""
    by_span = {c.span: c for c in ctx.claims}
    ranked = sorted(ctx.of["timeline"], key=lambda f: (
        -len(ctx.sources.independent(f.sides[0].article_ids)), -len(f.topic),
        [-ord(ch) for ch in f.topic]))  # most sources, then the most precise, the latest
    out = []
    for finding in ranked:
        spans = finding.sides[0].spans
        told = [by_span[s] for s in spans if s in by_span]
        best = max(told, key=lambda c: support.get(c.id, 0.0), default=None)
        what = flat(best.text if best else finding.explanation)
        text = (f"{human_date(finding.topic)}, according to "
                f"{ctx.reports(finding.sides[0].article_ids)}: {what}")
        cites = tuple(dict.fromkeys(((best.span,) if best else ()) + spans))
        out.append(Candidate("timeline", Sentence(ended(text), cites, True), (finding.topic,)))
    return out


def reliability(ctx: Context) -> list[Candidate]:
    rows = [f for f in sorted(ctx.of["reliability"], key=lambda f: (f.score, f.id))
            if f.sides and f.sides[0].spans]
    middle = median(f.score for f in ctx.of["reliability"]) if rows else 0.0
    flagged = [f for f in rows if f.detail.get("flagged")]
    out: list[Candidate] = []
    for finding in flagged:
        d = finding.detail
        corroborated = int(d.get("corroborated", 0))
        facts = [f"{counted(corroborated, 'claim{}') if corroborated else 'none of its claims'}"
                 " corroborated by an independent source",
                 f"{number(int(d.get('single_source', 0)))} stated by no other source"]
        lost = [m[1] for r in d.get("reasons", [])
                if (m := re.match(r"contradicted on (.+?): says", r))]
        facts += ["contradicted on " + "; ".join(lost)] if lost else []
        slips = [m[1] for r in d.get("reasons", [])
                 if (m := re.match(r"contradicts itself on (.+?): says", r))]
        facts += ["contradicts itself on " + "; ".join(slips)] if slips else []
        the = "the" if len(flagged) == 1 else "an"
        text = (f"{ctx.labels.get(finding.subject or '', finding.topic)} is flagged as {the} "
                f"outlier: reliability {finding.score:.2f} against a median of "
                f"{middle:.2f} — {', '.join(facts)}.")
        out.append(Candidate("reliability", Sentence(text, finding.sides[0].spans, True),
                             (len(out),), first=True))
    others = [f for f in rows if f not in flagged]
    if others:
        lo, hi = others[0].score, others[-1].score
        scores = f"{lo:.2f}" if lo == hi else f"{lo:.2f} to {hi:.2f}"
        n = len(others)
        text = (f"The other {counted(n, 'report{}')} score{'s' if n == 1 else ''} {scores}, "
                f"none flagged." if flagged else
                f"No report is flagged: {counted(n, 'report{}')} score{'s' if n == 1 else ''}"
                f" {scores}.")
        spans = tuple(dict.fromkeys(f.sides[0].spans[0] for f in others))
        out.append(Candidate("reliability", Sentence(text, spans, True), (len(out),)))
    return out
