"""The brief of a story: every sentence is taken from an article or composed only from verified
items (conflict sides, ledger entries, roles, dates, scores), and cites the spans it rests on.

The "established" section is filled by importance (independent witnesses, then position in the
article) up to the word budget; nothing is truncated mid-sentence.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..ids import content_id
from ..pipeline import Bundle, GroupStage
from ..text.similarity import content_words, overlap_score
from ..types import Article, Brief, Finding, Item, Section, Sentence, Span, Story
from .sources import Sources


def outlets(article_ids: Iterable[str], sources: Sources) -> str:
    return ", ".join(dict.fromkeys(sources.label(a) for a in article_ids))


def reports(article_ids: tuple[str, ...], sources: Sources) -> str:
    """"3 reports (2 independent: a.example, b.example, c.example)"."""
    n, k = len(set(article_ids)), len(sources.independent(article_ids))
    noun = "report" if n == 1 else "reports"
    independent = "" if n == k else f", {k} independent"
    return f"{n} {noun} ({outlets(article_ids, sources)}{independent})"


class BriefComposer(GroupStage):
    name = "brief"
    requires = ("story", "article", "duplicate_group", "finding")
    provides = ("brief",)

    def reduce(self, story: Story, bundle: Bundle) -> Iterable[Item]:
        sources = Sources.build(bundle["article"], bundle["duplicate_group"])
        findings: list[Finding] = bundle["finding"]
        of = {kind: [f for f in findings if f.kind == kind] for kind in
              ("corroborated", "conflict", "single_source", "quote", "person", "timeline",
               "reliability")}
        sections = [
            Section("established", "What is established", self._established(of["corroborated"])),
            Section("disputed", "What is disputed", self._disputed(of["conflict"], sources)),
            Section("single_source", "Reported by one source only",
                    self._single(of["single_source"], sources)),
            Section("quotes", "Who said what", self._quotes(of["quote"], sources)),
            Section("people", "People and roles", self._people(of["person"], sources)),
            Section("timeline", "Timeline", self._timeline(of["timeline"], sources)),
            Section("reliability", "Reliability of each report",
                    self._reliability(of["reliability"], sources)),
        ]
        yield Brief(id=content_id("brief", story.id), story_id=story.id,
                    headline=self._headline(story, bundle["article"], of["corroborated"]),
                    sections=tuple(sections))

    @staticmethod
    def _headline(story: Story, articles: list[Article], corroborated: list[Finding]) -> str:
        return story.title or (corroborated[0].topic if corroborated else "Untitled story")

    def _established(self, findings: list[Finding]) -> tuple[Sentence, ...]:
        budget = int(self.settings["brief"]["words"])
        ranked = sorted(findings, key=lambda f: (-f.score, f.sides[0].spans[0].start, f.id))
        chosen: list[Sentence] = []
        seen: list[set[str]] = []
        used = 0
        for finding in ranked:
            words = content_words(finding.topic)
            if any(overlap_score(words, other) >= 60 for other in seen):
                continue  # the same point, already stated from another article
            length = len(finding.topic.split())
            if used + length > budget:
                continue
            seen.append(words)
            used += length
            chosen.append(Sentence(finding.topic, finding.sides[0].spans))
        return tuple(chosen)

    @staticmethod
    def _disputed(findings: list[Finding], sources: Sources) -> tuple[Sentence, ...]:
        out = []
        for finding in findings:
            parts = [f"{reports(s.article_ids, sources)} say “{s.value}”" for s in finding.sides]
            text = f"On {finding.topic}: " + "; ".join(parts) + "."
            out.append(Sentence(text, tuple(sp for s in finding.sides for sp in s.spans), True))
        return tuple(out)

    @staticmethod
    def _single(findings: list[Finding], sources: Sources) -> tuple[Sentence, ...]:
        ranked = sorted(findings, key=lambda f: (f.sides[0].article_ids[0],
                                                 f.sides[0].spans[0].start))
        return tuple(
            Sentence(f"One source only ({outlets(f.sides[0].article_ids, sources)}): “{f.topic}”",
                     f.sides[0].spans[:1], True)
            for f in ranked
        )

    @staticmethod
    def _quotes(findings: list[Finding], sources: Sources) -> tuple[Sentence, ...]:
        out = []
        for finding in sorted(findings, key=lambda f: -len(f.detail.get("carriers", []))):
            how = "; ".join(f"{s.value} in {outlets(s.article_ids, sources)}"
                            for s in finding.sides)
            speaker = finding.subject or "Unattributed"
            out.append(Sentence(f"{speaker}: “{finding.topic}” ({how}).",
                                tuple(sp for s in finding.sides for sp in s.spans), True))
        return tuple(out)

    @staticmethod
    def _people(findings: list[Finding], sources: Sources) -> tuple[Sentence, ...]:
        return tuple(
            Sentence(f"{f.topic}: " + "; ".join(
                f"{s.value} ({outlets(s.article_ids, sources)})" for s in f.sides) + ".",
                tuple(sp for s in f.sides for sp in s.spans), True)
            for f in findings
        )

    @staticmethod
    def _timeline(findings: list[Finding], sources: Sources) -> tuple[Sentence, ...]:
        return tuple(
            Sentence(f"{f.topic}: {f.explanation} ({outlets(f.sides[0].article_ids, sources)})",
                     f.sides[0].spans, True)
            for f in sorted(findings, key=lambda f: f.topic)
        )

    @staticmethod
    def _reliability(findings: list[Finding], sources: Sources) -> tuple[Sentence, ...]:
        out = []
        for f in sorted(findings, key=lambda f: f.score):
            flag = " — flagged as the outlier" if f.detail.get("flagged") else ""
            spans: tuple[Span, ...] = f.sides[0].spans
            out.append(Sentence(f"{f.topic}: reliability {f.score:.2f}{flag} "
                                f"({'; '.join(f.detail.get('reasons', []))}).", spans, True))
        return tuple(out)
