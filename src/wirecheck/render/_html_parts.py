"""Pieces of the HTML page: citation anchors, highlighted article text and the SVG timeline.

Every piece of report text is untrusted and goes through ``esc`` (``html.escape``, quotes
included) before it reaches the page, in element text as in attribute values.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from wirecheck.render._common import counted, merge_spans, truncate

Json = dict[str, Any]
PARAGRAPH_KINDS = ("p", "heading", "caption", "list")


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


@dataclass
class Anchors:
    """Where each cited span is highlighted: merged [start, end) regions per article.

    Region ``k`` of the article at position ``i`` is the element with id ``cite-i-k``; a span
    that is empty or outside the text links to the article itself (``article-i``).
    """

    index: dict[str, int]
    lengths: dict[str, int]
    regions: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    @classmethod
    def build(cls, articles: list[Json], spans: list[Json]) -> Anchors:
        anchors = cls({a["id"]: i for i, a in enumerate(articles)},
                      {a["id"]: len(a["text"]) for a in articles})
        raw: dict[str, list[tuple[int, int]]] = {a["id"]: [] for a in articles}
        for span in spans:
            clipped = anchors._clip(span)
            if clipped is not None:
                raw[span["article_id"]].append(clipped)
        anchors.regions = {aid: merge_spans(r) for aid, r in raw.items()}
        return anchors

    def _clip(self, span: Json) -> tuple[int, int] | None:
        length = self.lengths.get(span["article_id"])
        if length is None or span.get("start") is None or span.get("end") is None:
            return None
        start, end = max(0, span["start"]), min(length, span["end"])
        return (start, end) if start < end else None

    def href(self, span: Json) -> str | None:
        """The in-page link of ``span`` (``#cite-i-k``), or None when its article is unknown."""
        i = self.index.get(span["article_id"])
        if i is None:
            return None
        clipped = self._clip(span)
        for k, (start, end) in enumerate(self.regions.get(span["article_id"], [])):
            if clipped and start <= clipped[0] and clipped[1] <= end:
                return f"#cite-{i}-{k}"
        return f"#article-{i}"


def article_text(article: Json, anchors: Anchors) -> str:
    """The article's text as paragraphs, every cited region in a ``<mark id="cite-i-k">``."""
    i = anchors.index[article["id"]]
    text = article["text"]
    regions = anchors.regions.get(article["id"], [])
    blocks = sorted((p["start"], p["end"], p["kind"]) for p in article["paragraphs"])
    if not blocks:
        blocks = [(0, len(text), "p")]
    emitted: set[int] = set()
    out = [_block(text, block, regions, emitted, f"cite-{i}") for block in blocks]
    rest = "".join(_anchor(f"cite-{i}-{k}") for k in range(len(regions)) if k not in emitted)
    if rest:
        out.append(f"<p>{rest}</p>")
    return "\n".join(out)


def _block(text: str, block: tuple[int, int, str], regions: list[tuple[int, int]],
           emitted: set[int], prefix: str) -> str:
    start, end, kind = block
    kind = kind if kind in PARAGRAPH_KINDS else "p"
    pieces, pos = [], start
    for k, (rs, re_) in enumerate(regions):
        if re_ <= start and k not in emitted:  # fell between paragraphs: anchor it here
            pieces.append(_anchor(f"{prefix}-{k}"))
            emitted.add(k)
        if rs >= end or re_ <= start:
            continue
        a, b = max(rs, start), min(re_, end)
        ident = "" if k in emitted else f' id="{prefix}-{k}"'
        emitted.add(k)
        pieces.append(f"{esc(text[pos:a])}<mark{ident}>{esc(text[a:b])}</mark>")
        pos = b
    pieces.append(esc(text[pos:end]))
    return f'<p class="para-{kind}">{"".join(pieces)}</p>'


def _anchor(ident: str) -> str:
    return f'<span class="anchor" id="{ident}"></span>'


_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def parse_date(text: str) -> date | None:
    """The date at the start of an ISO-like string (year, year-month or full date)."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        return None


WIDTH, PAD, AXIS_Y, ROW0, ROW = 800, 24, 34, 74, 28


def timeline_svg(events: list[Json], anchors: Anchors) -> str:
    """The timeline as an inline SVG: a date axis, and each event as a labelled mark on a row."""
    placed = _place(events)
    height = ROW0 + ROW * max(len(placed), 1)
    parts = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="Timeline of {counted(len(events), "events")}" xmlns="http://www.w3.org/2000/svg">',
        "<title>Timeline</title>",
        f'<line class="axis" x1="{PAD}" y1="{AXIS_Y}" x2="{WIDTH - PAD}" y2="{AXIS_Y}"/>',
    ]
    if placed:
        parts += _ticks(placed)
    for row, (x, event) in enumerate(placed):
        parts.append(_event_mark(x, ROW0 + ROW * row, event, anchors))
    parts.append("</svg>")
    return "\n".join(parts)


def _place(events: list[Json]) -> list[tuple[float, Json]]:
    """(x, event) in drawing order: by date on a linear axis when every date parses."""
    dates = [parse_date(e["date"]) for e in events]
    span = WIDTH - 2 * PAD
    if events and all(d is not None for d in dates):
        days = [d.toordinal() for d in dates if d is not None]
        low, high = min(days), max(days)
        if high > low:
            order = sorted(zip(days, range(len(events)), strict=True))
            return [(PAD + span * (d - low) / (high - low), events[i]) for d, i in order]
    step = span / max(len(events) - 1, 1)
    return [(PAD + step * i if len(events) > 1 else WIDTH / 2, e) for i, e in enumerate(events)]


def _ticks(placed: list[tuple[float, Json]]) -> list[str]:
    (x0, first), (x1, last) = placed[0], placed[-1]
    ticks = [f'<text class="tick" x="{x0:.1f}" y="{AXIS_Y - 12}" text-anchor="start">'
             f"{esc(truncate(first['date'], 24))}</text>"]
    if len(placed) > 1:
        ticks.append(f'<text class="tick" x="{x1:.1f}" y="{AXIS_Y - 12}" text-anchor="end">'
                     f"{esc(truncate(last['date'], 24))}</text>")
    ticks += _month_ticks(placed)
    return ticks


def _month_ticks(placed: list[tuple[float, Json]]) -> list[str]:
    """Small marks at the first of each month between the first and the last date."""
    dates = [parse_date(e["date"]) for _, e in placed]
    if len(placed) < 2 or any(d is None for d in dates):
        return []
    (x0, _), (x1, _) = placed[0], placed[-1]
    low, high = dates[0], dates[-1]
    assert low is not None and high is not None
    if high <= low or (high.year - low.year) * 12 + high.month - low.month > 36:
        return []
    out: list[str] = []
    year, month = low.year, low.month
    while True:
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
        day = date(year, month, 1)
        if day >= high:
            return out
        x = x0 + (x1 - x0) * (day.toordinal() - low.toordinal()) / (high.toordinal()
                                                                    - low.toordinal())
        out.append(f'<line class="month" x1="{x:.1f}" y1="{AXIS_Y - 5}" x2="{x:.1f}" '
                   f'y2="{AXIS_Y + 5}"/><text class="tick minor" x="{x:.1f}" '
                   f'y="{AXIS_Y + 18}" text-anchor="middle">{day:%b %Y}</text>')


CHAR = 6.6  # average width in the SVG of one character of a label (12px sans-serif)


def _event_mark(x: float, y: int, event: Json, anchors: Anchors) -> str:
    left = x < WIDTH / 2
    room = (WIDTH - x - 12) if left else (x - 12)
    sources = len(event.get("article_ids", []))
    label = truncate(f"{event['date']} — {event['what']}", max(24, int(room / CHAR)))
    tx, anchor = (x + 10, "start") if left else (x - 10, "end")
    radius = 4 + min(sources, 6) * 0.5
    said = f" ({counted(sources, 'sources')})" if sources else ""
    mark = (
        f"<title>{esc(event['date'])}: {esc(event['what'])}{esc(said)}</title>"
        f'<line class="leader" x1="{x:.1f}" y1="{AXIS_Y}" x2="{x:.1f}" y2="{y}"/>'
        f'<circle class="dot" cx="{x:.1f}" cy="{AXIS_Y}" r="4"/>'
        f'<circle class="dot" cx="{x:.1f}" cy="{y}" r="{radius:.1f}"/>'
        f'<text x="{tx:.1f}" y="{y + 4}" text-anchor="{anchor}">{esc(label)}</text>'
    )
    href = anchors.href(event["spans"][0]) if event["spans"] else None
    if href:
        return f'<a href="{esc(href)}">{mark}</a>'
    return f"<g>{mark}</g>"
