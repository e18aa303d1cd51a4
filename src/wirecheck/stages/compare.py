"""Cross-source comparison of one story: every claim against every other independent article.

For each claim and each other article of the story the Comparer records an Evidence item:
``supports`` (the article states it: of its three claim sentences closest in content words, the
one ``consistency.paraphrase.stated_by`` judges likeliest to state the claim, when that reaches
0.5; the item's score is it in percent),
``contradicts`` (the article is on another side of a conflict about a value in the claim) or
``silent``. A copy of the claim's article, or an article whose supporting sentence shares a
passage of ``[dedup] passage_words`` words with the claim outside quotation marks (a reused
passage) is recorded as not independent and never corroborates.
It also writes the story's conflicts, quote ledger, people, timeline, and per-report reliability.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from itertools import chain
from typing import Any, Literal

from ..consistency.paraphrase import SUPPORT, stated_by
from ..ids import content_id
from ..pipeline import Bundle, GroupStage
from ..render.words import counted
from ..text.dates import resolve_date
from ..text.names import SPEECH_FORMS
from ..text.passages import reused_passages
from ..text.similarity import content_words, overlap_score
from ..types import Article, Claim, Evidence, Fact, Finding, Item, Quote, Side, Span, Story
from .aligned import Differ, aligned_conflicts, aligned_pairs, inside
from .conflicts import (
    Conflict,
    commitment_conflicts,
    count_conflicts,
    denial_conflicts,
    home_conflicts,
    quote_conflicts,
    role_conflicts,
    setting_conflicts,
    status_conflicts,
)
from .facts import is_home, reference_date
from .ledger import LedgerEntry, quote_ledger
from .pending import pending_conflicts
from .reliability import reliability_findings
from .sources import People, Sources
from .within import inconsistencies

CANDIDATES = 3  # another article's claims closest in content words that the judge reads


def overlaps(a: Span, b: Span) -> bool:
    return a.article_id == b.article_id and a.start < b.end and b.start < a.end


def reused_spans(articles: list[Article], min_words: int) -> list[tuple[Span, Span]]:
    """Both ends of every passage (outside quotes) that two articles share word for word."""
    found = reused_passages(articles, min_words=min_words)
    return [(p.a, p.b) for p in found] + [(p.b, p.a) for p in found]


class Comparer(GroupStage):
    name = "compare"
    requires = ("story", "article", "duplicate_group", "quote", "fact", "claim")
    provides = ("evidence", "finding")

    def reduce(self, story: Story, bundle: Bundle) -> Iterable[Item]:
        conf = self.settings["compare"]
        sources = Sources.build(bundle["article"], bundle["duplicate_group"])
        # a copy's claims are its canonical's: only independent articles' claims are checked
        claims: list[Claim] = [c for c in bundle["claim"]
                               if sources.source_of.get(c.article_id) == c.article_id]
        facts = dated_by_story(bundle["fact"], bundle["article"])
        quotes: list[Quote] = bundle["quote"]
        people = People.build([q.speaker for q in quotes if q.speaker]
                              + [f.subject for f in facts if f.kind == "role" or is_home(f)])
        ledger = quote_ledger(quotes, people, float(conf["quote_same"]))
        conflicts = (role_conflicts(facts, people, sources)
                     + home_conflicts(facts, people, sources)
                     + count_conflicts(facts, sources, float(conf["number_tolerance"]))
                     + status_conflicts(facts, sources)
                     + quote_conflicts(ledger, people, sources, float(conf["quote_same"]))
                     + denial_conflicts(quotes, ledger, people, sources)
                     + commitment_conflicts(facts, {a.id: a.text for a in bundle["article"]},
                                            sources)
                     + setting_conflicts(bundle["article"], people, sources)
                     + pending_conflicts(facts, bundle["article"], sources))
        pairs = aligned_pairs(claims, sources, float(conf["align_threshold"]))
        differ = Differ(facts, sources, people, float(conf["number_tolerance"]),
                        float(conf["align_threshold"]), float(conf["support_threshold"]))
        conflicts += [Conflict(c.type, c.topic, c.sides, c.explanation)
                      for c in aligned_conflicts(pairs, differ, sources, differ.leads(claims),
                                                   chain(differ.settings(claims),
                                                         differ.occasions(claims),
                                                         differ.tallies(claims)))
                      if not _known(c.type, c.sides, conflicts, claims)]
        reused = reused_spans(bundle["article"], int(self.settings["dedup"]["passage_words"]))
        evidence = list(self._evidence(story, claims, sources, conflicts, reused))
        yield from evidence
        conflict_findings = [self._conflict(story, c) for c in conflicts]
        yield from conflict_findings
        inconsistent = [self._conflict(story, c, "inconsistency") for c in inconsistencies(
            claims, facts, people, sources, differ.close, float(conf["number_tolerance"]))]
        yield from inconsistent
        claim_findings = list(self._claim_findings(story, claims, evidence, sources))
        yield from claim_findings
        yield from (self._ledger_finding(story, e, people) for e in ledger)
        yield from self._people(story, facts, people, sources)
        yield from self._timeline(story, facts, claims, evidence, [
            span for c in conflicts for side in sources.disputed(c.sides) for span in side.spans])
        yield from reliability_findings(story, sources, claims, claim_findings,
                                        conflict_findings, inconsistent,
                                        float(conf["outlier_margin"]))

    def _evidence(self, story: Story, claims: list[Claim], sources: Sources,
                  conflicts: list[Conflict],
                  reused: list[tuple[Span, Span]]) -> Iterable[Evidence]:
        by_article: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            by_article[claim.article_id].append(claim)
        words = {c.id: content_words(c.text) for c in claims}
        for claim in claims:
            against = _contradicting_sides(claim, conflicts)
            for article_id in sources.articles:
                if article_id == claim.article_id:
                    continue
                independent = sources.source_of[article_id] != sources.source_of[claim.article_id]
                if article_id in against:
                    yield self._item(story, claim, article_id, "contradicts", against[article_id],
                                     100.0, independent)
                    continue
                best, score = None, 0.0
                closest = sorted(by_article.get(article_id, []), key=lambda o: (
                    -overlap_score(words[claim.id], words[o.id]), o.span.start))[:CANDIDATES]
                for other in closest:
                    value = stated_by(claim.text, other.text, words[claim.id], words[other.id])
                    if value > score:
                        best, score = other, value
                if best is None or score < SUPPORT:
                    yield self._item(story, claim, article_id, "silent", None, 100 * score,
                                     independent)
                    continue
                if any(overlaps(mine, claim.span) and overlaps(theirs, best.span)
                       for mine, theirs in reused):
                    independent = False  # the supporting words were reused, not witnessed
                yield self._item(story, claim, article_id, "supports", best.span, 100 * score,
                                 independent)

    @staticmethod
    def _item(story: Story, claim: Claim, article_id: str, stance: str, span: Span | None,
              score: float, independent: bool) -> Evidence:
        return Evidence(
            id=content_id("evidence", story.id, claim.id, article_id),
            story_id=story.id, claim_id=claim.id, article_id=article_id,
            stance=stance,  # type: ignore[arg-type]
            span=span, score=round(score, 2), independent=independent,
        )

    @staticmethod
    def _conflict(story: Story, conflict: Conflict,
                  kind: Literal["conflict", "inconsistency"] = "conflict") -> Finding:
        return Finding(
            id=content_id(kind, story.id, conflict.type, conflict.topic,
                          *(s.value for s in conflict.sides)),
            story_id=story.id, kind=kind, topic=conflict.topic,
            sides=tuple(conflict.sides), explanation=conflict.explanation,
            detail={"type": conflict.type},
        )

    def _claim_findings(self, story: Story, claims: list[Claim], evidence: list[Evidence],
                        sources: Sources) -> Iterable[Finding]:
        by_claim: dict[str, list[Evidence]] = defaultdict(list)
        for item in evidence:
            by_claim[item.claim_id].append(item)
        for claim in claims:
            echoes = [e for e in by_claim[claim.id] if e.stance == "supports"]
            support = [e for e in echoes if e.independent]
            contradicted = any(e.stance == "contradicts" for e in by_claim[claim.id])
            witnesses = sources.independent({claim.article_id, *(e.article_id for e in support)})
            spans = (claim.span, *(e.span for e in echoes if e.span is not None))
            ids = (claim.article_id, *(e.article_id for e in echoes))
            kind: Literal["corroborated", "single_source"] = (
                "corroborated" if len(witnesses) > 1 else "single_source")
            if kind == "single_source" and contradicted:
                continue
            yield Finding(
                id=content_id(kind, story.id, claim.id), story_id=story.id, kind=kind,
                topic=claim.text, sides=(Side(claim.text, ids, spans),),
                explanation=f"stated by {counted(len(witnesses), 'independent source{}')}",
                score=float(len(witnesses)), subject=claim.id,
            )

    @staticmethod
    def _ledger_finding(story: Story, entry: LedgerEntry, people: People) -> Finding:
        carriers = [
            {"article_id": q.article_id, "quote_id": q.id, "start": q.span.start,
             "end": q.span.end, "cue": q.cue, "carried": q.carried, "match": match,
             "text": q.text}
            for q, match in entry.carriers
        ]
        sides = []
        quoting = {q.article_id for q, m in entry.carriers if m != "paraphrase"}
        for match in ("verbatim", "variant", "paraphrase"):
            chosen = [q for q, m in entry.carriers if m == match
                      and (m != "paraphrase" or q.article_id not in quoting)]
            if chosen:  # (an article that quotes the words is no paraphrase carrier of them:
                # "Dar said that while …, disarming Hamas “is not our job.”" is one sentence)
                sides.append(Side(match, tuple(dict.fromkeys(q.article_id for q in chosen)),
                                  tuple(q.span for q in chosen)))
        carried = {q.article_id for q, _ in entry.carriers}
        return Finding(
            id=content_id("quote", story.id, entry.text, entry.speaker),
            story_id=story.id, kind="quote", topic=entry.text, sides=tuple(sides),
            explanation=f"carried by {counted(len(carried), 'article{}')}",
            subject=entry.speaker, detail={"kind": entry.kind, "carriers": carriers},
        )

    @staticmethod
    def _people(story: Story, facts: list[Fact], people: People,
                sources: Sources) -> Iterable[Finding]:
        roles: dict[str, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
        for fact in facts:
            if fact.kind == "role":
                name = people.resolve(fact.subject) or fact.subject
                label = f"former {fact.value}" if "former" in fact.qualifier else fact.value
                roles[name][label].append(fact)
        for name in sorted(roles):
            listed: list[dict[str, Any]] = [
                {"role": role, "article_ids": sorted({f.article_id for f in group}),
                 "qualifier": sorted({q for f in group for q in f.qualifier})}
                for role, group in sorted(roles[name].items(), key=lambda kv: -len(kv[1]))
            ]
            sides = tuple(Side(r["role"], tuple(r["article_ids"]),
                               tuple(f.span for f in roles[name][r["role"]])) for r in listed)
            yield Finding(
                id=content_id("person", story.id, name), story_id=story.id, kind="person",
                topic=name, sides=sides, explanation=f"{counted(len(listed), 'role{}')} stated",
                subject=name,
                detail={"aliases": sorted(people.aliases.get(name, {name})), "roles": listed},
            )

    @staticmethod
    def _timeline(story: Story, facts: list[Fact], claims: list[Claim], evidence: list[Evidence],
                  disputed: list[Span]) -> Iterable[Finding]:
        """Each day stated, told by its sentence that holds no disputed value (a conflict's
        side other than the majority's, ``disputed``), that dates an event
        rather than a statement ("On Tuesday he had said"), and that the most independent
        sources support (then the shortest); a day no claim sentence states is left out (its
        fact's subject alone reads "he announce independent inquiry")."""
        support = Counter(e.claim_id for e in evidence if e.stance == "supports" and e.independent)
        by_date: dict[str, list[Fact]] = defaultdict(list)
        for fact in facts:
            if fact.kind == "date" and fact.normalized and len(fact.normalized) >= 7:
                by_date[fact.normalized].append(fact)
        for day in sorted(by_date):
            group = by_date[day]
            dated = [(c, f) for f in group for c in claims if inside(f.span, c.span)]
            if not dated:
                continue
            sentences = [c for c, _ in dated]
            what = min(dated, key=lambda cf: (
                any(inside(span, cf[0].span) for span in disputed),
                bool(set(cf[1].subject.lower().split()) & SPEECH_FORMS),
                -support[cf[0].id], len(cf[0].text), cf[0].id))[0].text
            spans = tuple(dict.fromkeys(
                next((c.span for c in sentences if inside(f.span, c.span)), f.span)
                for f in group))
            ids = tuple(dict.fromkeys(f.article_id for f in group))
            yield Finding(
                id=content_id("timeline", story.id, day), story_id=story.id, kind="timeline",
                topic=day, sides=(Side(day, ids, spans),), explanation=what,
                detail={"what": what},
            )


def dated_by_story(facts: list[Fact], articles: list[Article]) -> list[Fact]:
    """Relative dates of undated articles, resolved against the story's most stated date."""
    refs = Counter(d for d in (reference_date(a) for a in articles) if d is not None)
    if not refs:
        return list(facts)
    story_date = max(sorted(refs), key=lambda d: refs[d])
    undated = {a.id for a in articles if reference_date(a) is None}
    out = []
    for fact in facts:
        if fact.kind == "date" and fact.normalized is None and fact.article_id in undated:
            resolved = resolve_date(fact.value, story_date)
            if resolved:
                fact = replace(fact, normalized=resolved,
                               qualifier=(*fact.qualifier, "resolved", "story date"))
        out.append(fact)
    return out


def _known(kind: str, sides: list[Side], conflicts: list[Conflict],
           claims: list[Claim]) -> bool:
    """An aligned-pair conflict that a typed finder already reports: a span in common, or for
    a status, spans in the same sentences ("did not say" and the quotation it denies)."""
    def sentence(span: Span) -> Span:
        return next((c.span for c in claims if overlaps(c.span, span)), span)

    return any(overlaps(a, b) or (kind == "status" and overlaps(sentence(a), sentence(b)))
               for c in conflicts if c.type == kind
               for s in c.sides for a in s.spans for side in sides for b in side.spans)


def _contradicting_sides(claim: Claim, conflicts: list[Conflict]) -> dict[str, Span]:
    """Articles on another side of a conflict that has a value inside this claim."""
    against: dict[str, Span] = {}
    for conflict in conflicts:
        mine = [s for s in conflict.sides if any(inside(sp, claim.span) for sp in s.spans)]
        if not mine:
            continue
        for other in conflict.sides:
            if other in mine:
                continue
            for span in other.spans:
                against.setdefault(span.article_id, span)
    return against


