"""Helpers shared by the Markdown and HTML renderers: lookups, labels, citations and cells.

Everything here works on the plain report dict (see docs/output.md) and returns plain text:
escaping for Markdown or HTML is the renderer's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from wirecheck.errors import WirecheckError
from wirecheck.render import words

Json = dict[str, Any]
SpanKey = tuple[str, int, int]

CELL_SYMBOLS = {
    "supports": "✓",
    "contradicts": "✗",
    "silent": "·",
    "origin": "●",
    "none": "–",
}
CELL_MEANINGS = {
    "supports": "supports",
    "contradicts": "contradicts",
    "silent": "silent (does not mention it)",
    "origin": "the article that makes the claim",
    "none": "not compared",
}


def find_story(report: Json, story_id: str) -> Json:
    """The story of ``report`` whose id is ``story_id``."""
    for story in report["stories"]:
        if story["id"] == story_id:
            return story
    known = ", ".join(s["id"] for s in report["stories"]) or "none"
    raise WirecheckError(f"no story {story_id!r} in the report (stories: {known})")


@dataclass
class View:
    """One story of a report, with its articles in story order and a unique label for each."""

    report: Json
    story: Json
    articles: list[Json]
    by_id: dict[str, Json]
    labels: dict[str, str]

    def label(self, article_id: str) -> str:
        return self.labels.get(article_id, article_id)

    def context(self, article_id: str, start: int, end: int, limit: int = 200
                ) -> tuple[str, str, str]:
        """A short cited value ("Mayor", "14") with the rest of its sentence around it, as
        (before, cited, after), each on one line; a whole sentence has nothing around it.
        The sentence ends at a paragraph break, or at ".", "!" or "?" before a capital or a
        quotation mark (a display cut: "Gov. Smith" may end one early)."""
        article = self.by_id.get(article_id)
        if article is None:
            return "", "", ""
        text = article["text"]
        cited = " ".join(text[start:end].split())
        room = (limit - len(cited)) // 2  # characters on each side
        if len(cited.split()) >= SHORT_CITE or room < 20:
            return "", truncate(cited, limit), ""
        opening = max((m.end() for m in SENTENCE_END.finditer(text, 0, start + 1)), default=0)
        closing = SENTENCE_END.search(text, end)
        before = " ".join(text[opening:start].split())
        after = " ".join(text[end:closing.start() + 1 if closing else len(text)].split())
        if len(before) > room:
            before = "…" + before[len(before) - room:].split(" ", 1)[-1]
        if len(after) > room:
            after = truncate(after, room)
        return (before + " " if before and text[start - 1:start].isspace() else before,
                cited, (" " if after and text[end:end + 1].isspace() else "") + after)


SHORT_CITE = 8  # words: fewer is a value, shown with its sentence
SENTENCE_END = re.compile(r"\n\s*\n|(?<=[.!?])[\"'”’)]?\s+(?=[A-Z\"“‘'])")


def make_view(report: Json, story_id: str) -> View:
    story = find_story(report, story_id)
    all_by_id = {a["id"]: a for a in report["articles"]}
    articles = [all_by_id[i] for i in story["article_ids"] if i in all_by_id]
    return View(report, story, articles, all_by_id, article_labels(articles))


def source_label(article: Json) -> str:
    """The outlet, else the URL's host, else the input file's name (no extension, no hash):
    the rule of the brief's composed sentences."""
    return words.source_label(article.get("outlet"), article.get("url"),
                              str(article["source"])) or str(article["id"])[:8]


def article_labels(articles: list[Json]) -> dict[str, str]:
    """A label for each article (``source_label``), numbered when two would read alike."""
    labels: dict[str, str] = {}
    seen: dict[str, int] = {}
    for article in articles:
        base = source_label(article)
        seen[base] = seen.get(base, 0) + 1
        labels[article["id"]] = base if seen[base] == 1 else f"{base} ({seen[base]})"
    return labels


def cue_of(carrier: Json) -> str:
    """A ledger carrier's speech cue as shown; a speaker carried over from an earlier
    paragraph says so."""
    if carrier["cue"]:
        return str(carrier["cue"])
    return "none: speaker of the paragraph before" if carrier.get("carried") else "—"


QUOTE_KINDS = {"direct": 0, "partial": 1, "indirect": 2}


def ledger(story: Json) -> list[Json]:
    """The quote ledger as a reader looks for it: words in quotation marks first, then what
    most outlets carry, then attributed ones."""
    def order(entry: Json) -> tuple[int, int, bool, str]:
        outlets = len({c["article_id"] for c in entry["carriers"]})
        return QUOTE_KINDS.get(entry["kind"], 3), -outlets, not entry["speaker"], entry["text"]

    return sorted(story["quotes"], key=order)


def is_note(sentence: Json) -> bool:
    """A brief's note saying what its word budget left out (its citations are the items left
    out: renderers show the note without citation markers)."""
    return words.is_note_text(str(sentence.get("text", "")))


def sources_cited(view: View, sentence: Json) -> int:
    """How many independent sources (a copy counts as its original) a sentence cites."""
    groups = group_of(view.report)
    return len({groups.get(c["article_id"], c["article_id"]) for c in sentence["citations"]})


def truncate(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` chars, with '…'."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"


@dataclass
class Citations:
    """Numbers each distinct cited span (article, start, end) in order of first citation."""

    numbers: dict[SpanKey, int] = field(default_factory=dict)

    def number(self, span: Json) -> int:
        key = (span["article_id"], span["start"], span["end"])
        return self.numbers.setdefault(key, len(self.numbers) + 1)


def group_of(report: Json) -> dict[str, str]:
    """Article id -> id of its duplicate group (the copies of one text count as one source)."""
    groups: dict[str, str] = {}
    for group in report["duplicate_groups"]:
        groups[group["canonical"]] = group["id"]
        for member in group["members"]:
            groups[member["article_id"]] = group["id"]
    return groups


def independent_sources(view: View) -> int:
    groups = group_of(view.report)
    return len({groups.get(a["id"], a["id"]) for a in view.articles})


def summary(view: View) -> dict[str, int]:
    story = view.story
    return {
        "articles": len(view.articles),
        "independent sources": independent_sources(view),
        "conflicts": len(story["conflicts"]),
        "flagged reports": sum(1 for r in story["reliability"] if r["flagged"]),
    }


def counted(n: int, what: str) -> str:
    """'1 conflict', '2 conflicts': ``what`` is the plural of the summary() key."""
    return f"{n} {what if n != 1 else what.removesuffix('s')}"


def stance_cell(claim: Json, article_id: str) -> tuple[str, bool]:
    """(supports|contradicts|silent|origin|none, independent) of one article on one claim."""
    if claim["article_id"] == article_id:
        return "origin", True
    for stance in claim["stances"]:
        if stance["article_id"] == article_id:
            return str(stance["stance"]), bool(stance["independent"])
    return "none", True


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping [start, end) ranges covering the given ones (empty ones dropped)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def fmt_score(value: float) -> str:
    return f"{value:.2f}"


def qualified(name: str, qualifiers: list[str]) -> str:
    return f"{name} ({', '.join(qualifiers)})" if qualifiers else name
