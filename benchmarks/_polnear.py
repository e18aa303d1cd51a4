"""PolNeAR texts as Articles, shared by quotes_polnear.py and extraction_speed.py.

The dev split is read from ../shared/data/quotes-polnear/dev (never copied): ``text/<stem>.txt``
holds one paragraph a line. An article is the text as stored, one paragraph per non-empty line
(its span without the line's leading and trailing whitespace); nothing is dropped.
"""

from __future__ import annotations

from pathlib import Path

from wirecheck.types import Article, Paragraph

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes-polnear" / "dev"


def line_article(stem: str, text: str) -> Article:
    """The text as an Article (id and source ``stem``), one paragraph per non-empty line."""
    paragraphs, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            start = offset + len(line) - len(line.lstrip())
            paragraphs.append(Paragraph(start, offset + len(line.rstrip())))
        offset += len(line) + 1
    return Article(id=stem, source=stem, text=text, paragraphs=tuple(paragraphs))


def read_articles(folder: Path) -> list[Article]:
    """Every ``*.txt`` of ``folder`` (e.g. ``DEV / "text"``) as a line article, by file name."""
    return [line_article(p.stem, p.read_text("utf-8")) for p in sorted(folder.glob("*.txt"))]
