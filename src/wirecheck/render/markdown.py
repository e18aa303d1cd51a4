"""The brief of one story as Markdown: what a journalist reads, every sentence with its sources.

Citations are footnote-style markers ``[n]`` that map to the numbered "Sources" list, where
each source shows the outlet and the cited words. All text from articles is untrusted and goes
through ``md`` (one line, Markdown and HTML punctuation backslash-escaped).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from wirecheck.render._common import (
    CELL_MEANINGS,
    CELL_SYMBOLS,
    Citations,
    View,
    counted,
    cue_of,
    fmt_score,
    is_note,
    ledger,
    make_view,
    qualified,
    stance_cell,
    summary,
    truncate,
)

Json = dict[str, Any]

_SPECIAL = re.compile(r"([\\`*_\[\]|<>&~])")
_LEADING = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")
NONE = "_None._"


def md(text: object, limit: int | None = None) -> str:
    """Untrusted text made safe for one Markdown line or table cell."""
    line = truncate(str(text), limit) if limit else " ".join(str(text).split())
    line = _SPECIAL.sub(r"\\\1", line)
    return _LEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), line)


def quoted(text: str) -> str:
    return f"“{md(text)}”" if text else "_(no text)_"


def cited(view: View, span: tuple[str, int, int]) -> str:
    """The cited words, quoted; a short value in bold within its sentence."""
    before, words, after = view.context(*span)
    if not (before or after):
        return quoted(words)
    pad = (" " if before.endswith(" ") else "", " " if after.startswith(" ") else "")
    return f"“{md(before)}{pad[0]}**{md(words)}**{pad[1]}{md(after)}”"


def table(header: list[str], rows: Iterable[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def section(title: str, *blocks: str) -> str:
    body = "\n\n".join(b for b in blocks if b) or NONE
    return f"## {title}\n\n{body}"


def render_markdown(report: Json, story_id: str) -> str:
    """The Markdown brief of story ``story_id`` of ``report``."""
    view = make_view(report, story_id)
    cites = Citations()
    parts = [
        _header(view),
        _articles(view),
        _brief(view, cites),
        _sources(view, cites),
        _conflicts(view),
        _single_source(view),
        _matrix(view),
        _quotes(view),
        _people(view),
        _timeline(view),
        _reliability(view),
        _duplicates(view),
        _failures(view),
    ]
    return "\n\n".join(parts) + "\n"


def _header(view: View) -> str:
    story = view.story
    headline = story["brief"]["headline"] or story["title"]
    counts = " · ".join(counted(n, what) for what, n in summary(view).items())
    title = f"{md(story['title'])} — " if story["title"] else ""
    return f"# {md(headline)}\n\n_Story: {title}{counts}_"


def _articles(view: View) -> str:
    rows = [
        [str(i), md(view.label(a["id"])), md((a["title"] or "—") + _not_read(a)),
         md(a["published"] or "—")]
        for i, a in enumerate(view.articles, 1)
    ]
    return section("Articles", table(["#", "Outlet", "Title", "Published"], rows) if rows else "")


def _not_read(article: Json) -> str:
    why = article["meta"].get("not_read")
    return f" (not read: {why})" if why else ""


def _brief(view: View, cites: Citations) -> str:
    blocks = []
    for sec in view.story["brief"]["sections"]:
        lines = [f"- _{md(s['text'])}_" if is_note(s) else f"- {md(s['text'])}{_markers(s, cites)}"
                 for s in sec["sentences"]]
        blocks.append(f"## {md(sec['title'])}\n\n" + ("\n".join(lines) or NONE))
    return "\n\n".join(blocks) or section("Brief")


def _markers(sentence: Json, cites: Citations) -> str:
    numbers = [cites.number(c) for c in sentence["citations"]]
    return " " + "".join(f"[{n}]" for n in numbers) if numbers else ""


def _sources(view: View, cites: Citations) -> str:
    lines = [
        f"{n}. **{md(view.label(aid))}** — {cited(view, (aid, start, end))}"
        for (aid, start, end), n in cites.numbers.items()
    ]
    return section("Sources", "\n".join(lines))


def _conflicts(view: View) -> str:
    blocks = []
    within = view.story.get("inconsistencies", [])
    for conflict in [*view.story["conflicts"], *within]:
        kind = md(conflict["type"]) + (", within one report" if conflict in within else "")
        head = f"### {md(conflict['topic'])} ({kind})"
        lines = [head, "", md(conflict["explanation"]), ""]
        for side in conflict["sides"]:
            who = ", ".join(md(view.label(a)) for a in side["article_ids"]) or "—"
            lines.append(f"- **{md(side['value'])}** — {who}")
            lines += [
                f"  - {md(view.label(sp['article_id']))}: "
                + cited(view, (sp["article_id"], sp["start"], sp["end"]))
                for sp in side["spans"]
            ]
        blocks.append("\n".join(lines))
    return section("Conflicts", "\n\n".join(blocks))


def _single_source(view: View) -> str:
    lines = [
        f"- **{md(view.label(item['article_id']))}**: {quoted(truncate(item['text'], 200))}"
        for item in view.story["single_source"]
    ]
    return section("Single-source claims", "\n".join(lines))


def _matrix(view: View) -> str:
    claims = view.story["claims"]
    if not claims:
        return section("Claims by source")
    header = ["Claim"] + [md(view.label(a["id"])) for a in view.articles]
    rows = [[_claim_label(view, c)] + _cells(view, c) for c in claims]
    legend = "; ".join(f"{CELL_SYMBOLS[k]} {v}" for k, v in CELL_MEANINGS.items())
    legend += "; * not independent (a copy, or reuses the claim's passage)"
    return section("Claims by source", table(header, rows), f"_{legend}_")


def _claim_label(view: View, claim: Json) -> str:
    notes = [md(view.label(claim["article_id"]))]
    if claim["attribution"]:
        notes.append("per " + md(claim["attribution"]))
    if claim["hedged"]:
        notes.append("hedged")
    return f"{md(claim['text'], 80)} _({'; '.join(notes)})_"


def _cells(view: View, claim: Json) -> list[str]:
    cells = []
    for article in view.articles:
        kind, independent = stance_cell(claim, article["id"])
        cells.append(CELL_SYMBOLS[kind] + ("" if independent else "*"))
    return cells


def _quotes(view: View) -> str:
    blocks = []
    for quote in ledger(view.story):
        speaker = md(quote["speaker"]) if quote["speaker"] else "_Unattributed_"
        rows = [
            [md(view.label(c["article_id"])), c["match"], md(cue_of(c)), quoted(c["text"])]
            for c in quote["carriers"]
        ]
        carried = table(["Outlet", "Match", "Cue", "Words as carried"], rows) if rows else NONE
        blocks.append(f"### {speaker} ({quote['kind']})\n\n> {md(quote['text'])}\n\n{carried}")
    return section("Quote ledger", "\n\n".join(blocks))


def _people(view: View) -> str:
    rows = [
        [md(p["name"]), md(", ".join(p["aliases"]) or "—"), _roles(view, p["roles"])]
        for p in view.story["people"]
    ]
    return section("People", table(["Name", "Also called", "Roles"], rows) if rows else "")


def _roles(view: View, roles: list[Json]) -> str:
    parts = []
    for role in roles:
        who = ", ".join(view.label(a) for a in role["article_ids"])
        parts.append(md(qualified(role["role"], role["qualifier"]) + (f" — {who}" if who else "")))
    return "; ".join(parts) or "—"


def _timeline(view: View) -> str:
    rows = [
        [md(e["date"]), md(e["what"]), md(", ".join(view.label(a) for a in e["article_ids"]))]
        for e in view.story["timeline"]
    ]
    return section("Timeline", table(["Date", "What", "Sources"], rows) if rows else "")


def _reliability(view: View) -> str:
    rows = [
        [
            md(view.label(r["article_id"])),
            fmt_score(r["score"]),
            "⚠ **flagged**" if r["flagged"] else "",
            str(r["corroborated"]),
            str(r["contradicted"]),
            str(r["single_source"]),
            md("; ".join(r["reasons"]) or "—"),
        ]
        for r in view.story["reliability"]
    ]
    header = ["Outlet", "Score", "Flag", "Corroborated", "Contradicted", "Single-source", "Reasons"]
    return section("Reliability", table(header, rows) if rows else "")


def _duplicates(view: View) -> str:
    ids = {a["id"] for a in view.articles}
    rows = [
        [
            "exact" if g["exact"] else "near",
            md(view.label(g["canonical"])),
            md(", ".join(
                f"{view.label(m['article_id'])} ({fmt_score(m['similarity'])})"
                for m in g["members"] if m["article_id"] != g["canonical"]
            ) or "—"),
        ]
        for g in view.report["duplicate_groups"]
        if g["canonical"] in ids or any(m["article_id"] in ids for m in g["members"])
    ]
    return section("Duplicate groups", table(["Copy", "Canonical", "Copies (similarity)"], rows)
                   if rows else "")


def _failures(view: View) -> str:
    rows = [
        [md(f["stage"]), md(f["source"]), md(f["error"]), md(f["message"])]
        for f in view.report["failures"]
    ]
    return section("Failures", table(["Stage", "Source", "Error", "Message"], rows) if rows else "")
