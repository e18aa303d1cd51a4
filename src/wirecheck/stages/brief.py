"""The brief of a story: every sentence is taken from an article or composed only from verified
items (conflict sides, ledger entries, roles, dates, scores), and cites the spans it rests on.

What is established: claims ranked by independent support, i.e. how much of a claim the *other*
independent sources state: each content word weighs the square root of the number of those
sources whose text or headline has it, the sum is divided by the square root of the claim's
length, with a bonus per witness the comparison found and for the first claim of an article,
and a penalty for a claim that reads badly out of its article (it opens on a pronoun or a
connective, or leaves a quotation open) or comes from a flagged report. Claims are taken
greedily, words already stated counting a fifth; a claim restating a chosen one (an echo, or
similarity >= ``[compare] support_threshold``) is merged into that point as a citation, and so
is the closest sentence of each other source sharing at least ``[brief] partial_support`` of
it. Points two or more independent sources state come first. A claim holding the minority side
of a conflict is never established. Points are told in the order of the most central article
(the one they cite most).

The word budget (``[brief] words`` or ``words=``) counts every sentence stated, filled by
importance: first the most important sentence of each section and the one on each flagged
report (the top established point is always stated), then each section in its order of
importance up to its share of the budget, then whatever still fits (for the established
section, only points two or more sources state). Nothing is cut: a section that leaves items
out ends with a note, not counted, saying how many and citing them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from math import sqrt
from statistics import median
from typing import Any

from ..config import Settings, load_settings
from ..ids import content_id
from ..pipeline import Bundle, GroupStage
from ..render.words import (
    budget_note,
    counted,
    ended,
    flat,
    human_date,
    is_note_text,
    number,
    source_label,
)
from ..text.similarity import content_words, overlap_score
from ..types import Article, Brief, Claim, Finding, Item, Section, Sentence, Side, Span, Story
from .sources import Sources

TITLES = {"established": "What is established", "disputed": "What is disputed",
          "single_source": "Reported by one source only", "quotes": "Who said what",
          "people": "People and roles", "timeline": "Timeline",
          "reliability": "Reliability of each report"}
PRIORITY = ("disputed", "established", "reliability", "single_source", "quotes", "timeline",
            "people")  # the order in which sections take their share of the budget
SHARES = {"established": 0.25, "disputed": 0.45, "single_source": 0.08, "quotes": 0.08,
          "timeline": 0.06, "people": 0.04, "reliability": 0.04}
UNITS = {"established": "point{} stated by two or more sources", "disputed": "dispute{}",
         "single_source": "single-source claim{}", "quotes": "quotation{}",
         "people": "person|people", "timeline": "dated event{}",
         "reliability": "sentence{} on reliability"}
CONFLICT_ORDER = ("role", "number", "date", "status", "place", "setting", "speaker", "quote")
DANGLING = re.compile(r"^[\W_]*(?:he|she|it|they|this|that|these|those|his|her|its|their|but"
                      r"|and|or|so|yet|also|still|meanwhile|however|instead|then)\b", re.I)
DECAY, PENALTY, WITNESS_BONUS, LEAD_BONUS = 0.2, 0.7, 0.1, 0.3
GREEDY = 60  # points chosen one by one (the rest, never stated in a brief, by support alone)


def labels(articles: Sequence[Article]) -> dict[str, str]:
    """A label for each article (outlet, host or file name), numbered when two read alike."""
    seen: dict[str, int] = defaultdict(int)
    out = {}
    for a in articles:
        base = source_label(a.outlet, a.url, a.source) or a.id[:8]
        seen[base] += 1
        out[a.id] = base if seen[base] == 1 else f"{base} ({seen[base]})"
    return out


def is_note(sentence: Sentence | dict[str, Any]) -> bool:
    """The note closing a section that says what the budget left out (not counted in it)."""
    return is_note_text(sentence.text if isinstance(sentence, Sentence)
                        else str(sentence.get("text", "")))


def says(kind: str, side: Side) -> str:
    """What one side of a conflict says: 'say 14', 'gives Senator', 'has “…”'."""
    one, value = len(set(side.article_ids)) == 1, flat(side.value)
    value = human_date(value) if kind == "date" else value
    if kind == "quote":
        return f"{'has' if one else 'have'} “{value}”"
    verb = ("gives", "give") if kind in ("role", "speaker") else ("says", "say")
    return f"{verb[0] if one else verb[1]} {value}"


@dataclass(eq=False)
class Candidate:
    """A sentence a section could state, and where in the section it goes."""

    section: str
    sentence: Sentence
    place: tuple[Any, ...] = ()
    extra: bool = True  # may take budget left over by other sections
    first: bool = False  # stated with the sections' first sentences (a flagged report)
    counted: bool = True  # counted in the section's note when left out

    @property
    def words(self) -> int:
        return len(self.sentence.text.split())


@dataclass
class Point:
    claim: Claim
    words: set[str]
    citations: list[Span] = field(default_factory=list)
    same: list[Claim] = field(default_factory=list)


class BriefComposer(GroupStage):
    name = "brief"
    version = "v2"
    requires = ("story", "article", "duplicate_group", "claim", "finding")
    provides = ("brief",)

    def reduce(self, story: Story, bundle: Bundle) -> Iterable[Item]:
        yield compose_brief(story, bundle, self.settings)


def compose_brief(story: Story, bundle: Bundle, settings: Settings | None = None,
                  words: int | None = None, sections: Sequence[str] | None = None) -> Brief:
    """The brief of ``story`` from its bundle (``article``, ``duplicate_group``, ``claim``,
    ``finding``). ``words`` overrides ``[brief] words``; ``sections`` keeps only those sections
    (keys of ``TITLES``), which then share the whole budget."""
    return Composer(story, bundle, settings or load_settings()).brief(words, sections)


class Composer:
    def __init__(self, story: Story, bundle: Bundle, settings: Settings) -> None:
        self.story, self.settings = story, settings
        self.articles: list[Article] = bundle.get("article", [])
        self.sources = Sources.build(self.articles, bundle.get("duplicate_group", []))
        self.labels = labels(self.articles)
        self.of: dict[str, list[Finding]] = defaultdict(list)
        for finding in bundle.get("finding", []):
            if finding.story_id == story.id:
                self.of[finding.kind].append(finding)
        self.claims: list[Claim] = [c for c in bundle.get("claim", [])
                                    if self.sources.source_of.get(c.article_id) == c.article_id]
        self.flagged = {f.subject for f in self.of["reliability"] if f.detail.get("flagged")}
        self.witnesses = {f.subject: int(f.score) for f in self.of["corroborated"]}
        self.echoes = {f.subject: f.sides[0].spans[1:] for f in self.of["corroborated"]}
        self.support: dict[str, float] = {}
        firsts: dict[str, Claim] = {}
        for claim in sorted(self.claims, key=lambda c: -c.span.start):
            firsts[claim.article_id] = claim
        self.leads = {c.id for c in firsts.values()}
        self.merged: set[Span] = set()  # spans of claims stated as (part of) several-source points

    def brief(self, words: int | None, keys: Sequence[str] | None) -> Brief:
        budget = int(words if words is not None else self.settings["brief"]["words"])
        wanted = [k for k in TITLES if keys is None or k in keys]
        candidates = {k: getattr(self, f"_{k}")() for k in wanted}  # established comes first
        chosen = fill(candidates, budget)
        if "single_source" in chosen:  # a claim the established section states is not repeated
            stated = {sp for c in chosen.get("established", []) for sp in c.sentence.citations}
            for group in (candidates["single_source"], chosen["single_source"]):
                group[:] = [c for c in group if c.sentence.citations[0] not in stated]
        out = []
        for key in wanted:
            sentences = [c.sentence for c in sorted(chosen[key], key=lambda c: c.place)]
            left = [c for c in candidates[key] if c not in chosen[key] and c.counted]
            if left:
                total = sum(1 for c in candidates[key] if c.counted or c in chosen[key])
                spans = tuple(dict.fromkeys(c.sentence.citations[0] for c in left))
                sentences.append(Sentence(budget_note(budget, len(left), UNITS[key], total),
                                          spans, True))
            out.append(Section(key, TITLES[key], tuple(sentences)))
        return Brief(id=content_id("brief", self.story.id), story_id=self.story.id,
                     headline=self._headline(), sections=tuple(out))

    def _headline(self) -> str:
        score = {f.subject: f.score for f in self.of["reliability"]}
        titled = [a for a in self.articles if a.title and a.id not in self.flagged]
        best = max(titled, key=lambda a: score.get(a.id, 0.0), default=None)
        head = flat(self.story.title)  # the story's title, unless a flagged report gave it
        if not head or any(a.title == self.story.title for a in self.articles
                           if a.id in self.flagged):
            head = flat(best.title if best and best.title else head) or "Untitled story"
        conflicts = self._conflicts()
        more = f" and {number(len(conflicts) - 1)} more" if len(conflicts) > 1 else ""
        return f"{head}; disputed: {conflicts[0].topic}{more}" if conflicts else head

    def several(self, spans: Iterable[Span]) -> bool:
        return len(self.sources.independent({s.article_id for s in spans})) > 1

    # --- what is established -----------------------------------------------------------------

    def _established(self) -> list[Candidate]:
        minority = [sp for c in self.of["conflict"] for s in c.sides[1:] for sp in s.spans]
        words = {c.id: content_words(c.text) for c in self.claims}
        weights = self._word_weights(words)
        pool = [c for c in self.claims if words[c.id] and not any(
            sp.article_id == c.article_id and c.span.start <= sp.start < c.span.end
            for sp in minority)]
        for claim in pool:
            self.support[claim.id] = self._density(claim, words[claim.id], weights, set())
        threshold = float(self.settings["compare"]["support_threshold"])
        points: list[Point] = []
        covered: set[str] = set()
        while pool and len(points) < GREEDY:
            best = max(pool, key=lambda c: (self._density(c, words[c.id], weights, covered),
                                            -c.span.start, c.id))
            echoes = set(self.echoes.get(best.id, ()))
            same = [c for c in pool if c is not best and (
                c.span in echoes or overlap_score(words[c.id], words[best.id]) >= threshold)]
            pool = [c for c in pool if c is not best and c not in same]
            points.append(Point(best, words[best.id], [best.span, *echoes], same))
            points[-1].citations += [c.span for c in same]
            covered |= words[best.id]
        points += [Point(c, words[c.id], [c.span]) for c in sorted(  # the long tail, unmerged
            pool, key=lambda c: (-self.support[c.id], c.span.start, c.id))]
        for point in points:
            self._cite_partial(point, words)
            if self.several(point.citations):
                self.merged |= {point.claim.span, *(c.span for c in point.same)}
        return self._in_story_order(points)

    def _word_weights(self, words: dict[str, set[str]]) -> dict[str, dict[str, int]]:
        """For each independent source: how many *other* sources state each of its words
        (a headline counts once more)."""
        titles = {a.id: content_words(a.title or "") for a in self.articles
                  if self.sources.source_of.get(a.id) == a.id}
        vocab = {a.id: content_words(a.text) | titles[a.id] for a in self.articles
                 if a.id in titles}
        counts: dict[str, dict[str, int]] = {}
        for source in vocab:
            mine = {w for c in self.claims if c.article_id == source for w in words[c.id]}
            counts[source] = {w: sum((w in vocab[s]) + (w in titles[s]) for s in vocab
                                     if s != source) for w in mine}
        return counts

    def _density(self, claim: Claim, words: set[str], weights: dict[str, dict[str, int]],
                 covered: set[str]) -> float:
        weight = weights.get(claim.article_id, {})
        total = sum(sqrt(weight.get(w, 0)) * (DECAY if w in covered else 1.0) for w in words)
        score = total / sqrt(len(words)) * (1 + WITNESS_BONUS * (self.witnesses.get(claim.id, 1)
                                                                 - 1))
        score *= 1 + LEAD_BONUS * (claim.id in self.leads)
        if DANGLING.match(claim.text) or claim.text.count("“") != claim.text.count("”"):
            score *= PENALTY
        return score * (PENALTY ** 2 if claim.article_id in self.flagged else 1.0)

    def _cite_partial(self, point: Point, words: dict[str, set[str]]) -> None:
        """Cite the closest sentence of each other source that shares enough of the point."""
        floor = float(self.settings["brief"]["partial_support"])
        cited = self.sources.independent({s.article_id for s in point.citations})
        best: dict[str, tuple[float, Claim]] = {}
        for claim in self.claims:
            score = overlap_score(point.words, words[claim.id])
            if claim.article_id not in cited and score >= floor and score > best.get(
                    claim.article_id, (0.0, claim))[0]:
                best[claim.article_id] = (score, claim)
        point.citations += [c.span for _, c in sorted(best.values(), key=lambda x: -x[0])]
        point.citations = list(dict.fromkeys(point.citations))

    def _in_story_order(self, points: list[Point]) -> list[Candidate]:
        """Ranked candidates, each placed where the most central article tells it."""
        cited: dict[str, int] = defaultdict(int)
        for point in points[:8]:
            for article_id in {s.article_id for s in point.citations}:
                cited[article_id] += 1
        central = max(cited, key=lambda a: (cited[a], a not in self.flagged), default=None)
        out = []
        for point in points:
            there = next((s for s in point.citations if s.article_id == central), None)
            span = there or point.claim.span
            where = span.start / max(len(self.sources.articles[span.article_id].text), 1)
            several = self.several(point.citations)
            out.append(Candidate("established", Sentence(flat(point.claim.text),
                                                         tuple(point.citations)),
                                 (where, there is None), extra=several, counted=several))
        return sorted(out, key=lambda c: not c.extra)  # points several sources state first

    # --- disputes, single-source claims, quotes, people, timeline, reliability ---------------

    def _conflicts(self) -> list[Finding]:
        def rank(f: Finding) -> tuple[int, int, str]:
            kind = str(f.detail.get("type", "status"))
            size = len(self.sources.independent({a for s in f.sides for a in s.article_ids}))
            return (CONFLICT_ORDER.index(kind) if kind in CONFLICT_ORDER else 9, -size, f.id)
        return sorted(self.of["conflict"], key=rank)

    def _reports(self, article_ids: Sequence[str], of_all: bool = False) -> str:
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

    def _disputed(self) -> list[Candidate]:
        out = []
        for i, conflict in enumerate(self._conflicts()):
            kind = str(conflict.detail.get("type", "status"))
            main, *others = conflict.sides
            rest = "; ".join(f"{self._reports(s.article_ids)} {says(kind, s)}" for s in others)
            first = self._reports(main.article_ids, True)
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
        return out

    def _single_source(self) -> list[Candidate]:
        by_article: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.of["single_source"]:
            if finding.sides[0].spans[0] not in self.merged:
                by_article[finding.sides[0].article_ids[0]].append(finding)
        for group in by_article.values():
            group.sort(key=lambda f: f.sides[0].spans[0].start)
        order = sorted(by_article, key=lambda a: (a not in self.flagged, self.labels.get(a, a)))
        ranked = [by_article[a][i] for i in range(max(map(len, by_article.values()), default=0))
                  for a in order if i < len(by_article[a])]  # round robin, leads first
        out = []
        for i, finding in enumerate(ranked):
            aid = finding.sides[0].article_ids[0]
            who = self.labels.get(aid, aid) + (" (flagged)" if aid in self.flagged else "")
            said = flat(finding.topic)
            said = said if said[:1] in "“\"‘'" else f"“{said}”"
            out.append(Candidate("single_source", Sentence(
                f"Only {who} reports: {said}", finding.sides[0].spans[:1], True), (i,)))
        return out

    def _quotes(self) -> list[Candidate]:
        def rank(f: Finding) -> tuple[Any, ...]:
            speaker = f.subject or ""
            generic = not speaker[:1].isupper() or speaker.lower().startswith(("the ", "a "))
            carriers = {c["article_id"] for c in f.detail.get("carriers", [])}
            disputed = any(sp in conflicted for s in f.sides for sp in s.spans)
            return (generic, disputed, -len(self.sources.independent(tuple(carriers))),
                    f.detail.get("kind") == "indirect", len(f.topic.split()) < 4, f.id)
        conflicted = {sp for c in self.of["conflict"] for s in c.sides for sp in s.spans}
        out = []
        for i, finding in enumerate(sorted(self.of["quote"], key=rank)):
            speaker, words = finding.subject or "Unattributed", flat(finding.topic)
            said = (f"{speaker}, in reported speech: {words}"
                    if finding.detail.get("kind") == "indirect" else f"{speaker}: “{words}”")
            how = "; ".join(self._carried(s.value, s.article_ids, finding)
                            for s in finding.sides)
            spans = tuple(dict.fromkeys(sp for s in finding.sides for sp in s.spans))
            out.append(Candidate("quotes", Sentence(ended(f"{said} — {how}"), spans, True), (i,)))
        return out

    def _carried(self, match: str, article_ids: Sequence[str], finding: Finding) -> str:
        where = self._reports(article_ids)
        if match != "variant":
            return f"{'verbatim' if match == 'verbatim' else 'paraphrased'} in {where}"
        words = next((c["text"] for c in finding.detail.get("carriers", [])
                      if c.get("match") == "variant"), "")
        return f"a variant in {where}" + (f": “{flat(words)}”" if words else "")

    def _people(self) -> list[Candidate]:
        def size(f: Finding) -> int:
            return -len(self.sources.independent({a for s in f.sides for a in s.article_ids}))
        out: list[Candidate] = []
        for i, finding in enumerate(sorted(self.of["person"], key=lambda f: (size(f), f.topic))):
            roles = "; ".join(f"{flat(s.value)} in {self._reports(s.article_ids)}"
                              for s in finding.sides)
            spans = tuple(dict.fromkeys(sp for s in finding.sides for sp in s.spans))
            if spans:
                out.append(Candidate("people", Sentence(f"{finding.topic}: {roles}.", spans,
                                                        True), (i,)))
        return out

    def _timeline(self) -> list[Candidate]:
        by_span = {c.span: c for c in self.claims}
        ranked = sorted(self.of["timeline"], key=lambda f: (
            -len(self.sources.independent(f.sides[0].article_ids)), -len(f.topic),
            [-ord(ch) for ch in f.topic]))  # most sources, then the most precise, the latest
        out = []
        for finding in ranked:
            spans = finding.sides[0].spans
            told = [by_span[s] for s in spans if s in by_span]
            best = max(told, key=lambda c: self.support.get(c.id, 0.0), default=None)
            what = flat(best.text if best else finding.explanation)
            text = (f"{human_date(finding.topic)}, according to "
                    f"{self._reports(finding.sides[0].article_ids)}: {what}")
            cites = tuple(dict.fromkeys(((best.span,) if best else ()) + spans))
            out.append(Candidate("timeline", Sentence(ended(text), cites, True),
                                 (finding.topic,)))
        return out

    def _reliability(self) -> list[Candidate]:
        rows = [f for f in sorted(self.of["reliability"], key=lambda f: (f.score, f.id))
                if f.sides and f.sides[0].spans]
        middle = median(f.score for f in self.of["reliability"]) if rows else 0.0
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
            text = (f"{self.labels.get(finding.subject or '', finding.topic)} is flagged as the "
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


def fill(candidates: dict[str, list[Candidate]], budget: int) -> dict[str, list[Candidate]]:
    """The candidates stated within ``budget`` words, filled by importance (see the module)."""
    chosen: dict[str, list[Candidate]] = {k: [] for k in candidates}
    keys = [k for k in PRIORITY if k in candidates]
    whole = sum(SHARES[k] for k in keys) or 1.0
    used = 0

    def take(candidate: Candidate, limit: float, force: bool = False) -> bool:
        nonlocal used
        mine = sum(c.words for c in chosen[candidate.section])
        if candidate in chosen[candidate.section]:
            return True
        if not force and (used + candidate.words > budget or mine + candidate.words > limit):
            return False
        chosen[candidate.section].append(candidate)
        used += candidate.words
        return True

    for key in sorted(keys, key=lambda k: k != "established"):  # each section's first
        for i, candidate in enumerate(candidates[key]):
            if i == 0 or candidate.first:
                take(candidate, budget, force=key == "established" and i == 0)
    for key in keys:  # each section, in its order of importance, up to its share
        for candidate in candidates[key]:
            take(candidate, budget * SHARES[key] / whole)
    for key in keys:  # whatever still fits
        for candidate in candidates[key]:
            if candidate.extra:
                take(candidate, budget)
    return chosen


def briefs_from_store(store: Any, story_ids: Sequence[str] | None = None,
                      words: int | None = None, settings: Settings | None = None,
                      ) -> dict[str, Brief]:
    """The briefs of the stories of ``store`` (all, or ``story_ids``) composed again from the
    stored items, e.g. with another word budget. Nothing is written to the store."""
    articles = {a.id: a for a in store.all("article")}
    groups, claims, findings = (store.all(k) for k in ("duplicate_group", "claim", "finding"))
    out = {}
    for story in store.all("story"):
        if story_ids is not None and story.id not in story_ids:
            continue
        ids = set(story.article_ids)
        bundle: Bundle = {
            "article": [articles[i] for i in story.article_ids if i in articles],
            "duplicate_group": [g for g in groups if ids & {m.article_id for m in g.members}],
            "claim": [c for c in claims if c.article_id in ids],
            "finding": [f for f in findings if f.story_id == story.id]}
        out[story.id] = compose_brief(story, bundle, settings, words)
    return out


def with_briefs(report: dict[str, Any], store: Any, words: int | None = None,
                settings: Settings | None = None) -> dict[str, Any]:
    """A copy of ``report`` (built from ``store``) whose stories' briefs are composed again
    within ``words`` words."""
    from ..report import brief_entry

    briefs = briefs_from_store(store, [s["id"] for s in report["stories"]], words, settings)
    return {**report, "stories": [
        {**s, "brief": brief_entry(briefs.get(s["id"]), Story(s["id"], tuple(s["article_ids"]),
                                                                s["title"]))}
        for s in report["stories"]]}
