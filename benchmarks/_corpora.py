"""Shared loaders for the multi-outlet dev clusters (read from ../shared/data, never copied).

- BASIL: 100 events x 3 outlets (nyt, fox, hpo); one JSON file per article; the event is
  ``triplet-uuid``; ``body-paragraphs`` is a list of paragraphs, each a list of sentences (in
  some copies a string holding that Python list: read with ``ast.literal_eval``).
- NewsWCL50: 10 events x 5 outlets, as tokens in ``NewsWCL50.conll`` (doc id
  ``event/-/event_outlet``); the text is rebuilt from the tokens, a ``\\n`` token ends a
  paragraph. No title is given; the date is the one in the article's URL (``urls.tsv``).

``*_records()`` give each event's articles as JSON Lines records (``id, url, outlet, title,
published, text``, what ``wirecheck analyze`` reads); ``clean_articles`` turns records into
``Article`` objects through the real reader and Cleaner (the ``analyze`` ingest path), while
``labelled`` builds them directly from the paragraphs (``make_article``: no reader, no Cleaner),
as (article, event) pairs for the clustering, dedup and scaling benchmarks.
"""

from __future__ import annotations

import ast
import json
import re
import tempfile
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from wirecheck.config import Settings, load_settings
from wirecheck.ids import content_id
from wirecheck.ingest.readers import read_paths
from wirecheck.stages.clean import Cleaner
from wirecheck.types import Article, Failure, Paragraph, RawDocument

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
BASIL = DATA / "clusters-basil" / "articles"
NEWSWCL = DATA / "clusters-newswcl50"

Record = dict[str, Any]
Labelled = list[tuple[Article, str]]  # (article, gold event)


def available() -> bool:
    return BASIL.is_dir() and (NEWSWCL / "NewsWCL50.conll").is_file()


def skipped(benchmark: str) -> str:
    """The JSON line of a benchmark that cannot run here."""
    return json.dumps({"benchmark": benchmark,
                       "skipped": f"{DATA} is absent (dev data beside a developer checkout)"})


def basil_list() -> list[Record]:
    """Every BASIL record, event by event (sorted), as one list."""
    return [r for _, records in sorted(basil_records().items()) for r in records]


def write_jsonl(path: Path, records: list[Record]) -> Path:
    """``records`` as a JSON Lines file (what ``wirecheck analyze`` reads)."""
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return path


def _paragraphs(body: Any) -> list[str]:
    if isinstance(body, str):
        body = ast.literal_eval(body)
    out = []
    for paragraph in body:
        text = " ".join(paragraph) if isinstance(paragraph, list) else str(paragraph)
        text = " ".join(text.split())
        if text:
            out.append(text)
    return out


def basil_records() -> dict[str, list[Record]]:
    """Event (triplet-uuid) -> its articles as records, in file order (whitespace squeezed)."""
    events: dict[str, list[Record]] = defaultdict(list)
    for path in sorted(BASIL.glob("*/*.json")):
        raw = json.loads(path.read_text("utf-8"))
        events[raw["triplet-uuid"]].append({
            "id": path.stem, "url": raw.get("url"), "outlet": raw.get("source"),
            "title": raw.get("title"), "published": raw.get("date"),
            "text": "\n\n".join(_paragraphs(raw["body-paragraphs"])),
        })
    return dict(events)


def detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m|’s)\b", r"\1", text)
    return re.sub(r" ?- ?", "-", text)


def newswcl_records() -> dict[str, list[Record]]:
    """Event number -> its articles as records, rebuilt from the CoNLL tokens."""
    urls: dict[str, str] = {}
    for line in (NEWSWCL / "urls.tsv").read_text("utf-8").splitlines()[1:]:
        event, outlet, url = line.split("\t")[:3]
        urls[f"{event}_{outlet}"] = url.strip()
    tokens: dict[str, list[str]] = defaultdict(list)
    for line in (NEWSWCL / "NewsWCL50.conll").read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        doc, _, _, token = line.split("\t")[:4]
        tokens[doc].append(token)
    events: dict[str, list[Record]] = defaultdict(list)
    for doc, words in tokens.items():
        paragraphs: list[str] = []
        current: list[str] = []
        for word in words:
            if word == "\\n":
                paragraphs.append(detokenize(current))
                current = []
            else:
                current.append(word)
        paragraphs.append(detokenize(current))
        name = doc.split("/")[-1]
        url = urls.get(name, "")
        found = re.search(r"/(20\d\d)/(\d\d)/(\d\d)/", url)
        events[doc.split("/")[0]].append({
            "id": name, "url": url or None, "outlet": name.split("_")[1], "title": None,
            "published": "-".join(found.groups()) if found else None,
            "text": "\n\n".join(p for p in paragraphs if p.strip()),
        })
    return dict(events)


def raw_documents(records: list[Record], settings: Settings | None = None) -> list[RawDocument]:
    """The records as ``wirecheck analyze`` reads them: one JSON Lines file, read back."""
    settings = settings or load_settings()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cluster.jsonl"
        path.write_text("".join(json.dumps({k: v for k, v in r.items() if v is not None})
                                + "\n" for r in records), "utf-8")
        read = list(read_paths([path], settings))
    docs = []
    for doc in read:  # named by the record id, not by the temporary file
        if isinstance(doc, RawDocument):
            source = str(records[int(doc.source.rsplit("#", 1)[1]) - 1]["id"])
            docs.append(replace(doc, id=content_id(source, doc.content), source=source))
    return docs


def clean_articles(records: list[Record], settings: Settings | None = None) -> list[Article]:
    """The records cleaned as ``analyze`` cleans them (failures are dropped)."""
    cleaner = Cleaner(settings or load_settings())
    return [a for doc in raw_documents(records, settings) for a in cleaner.process(doc)
            if not isinstance(a, Failure)]


def make_article(key: str, paragraphs: list[str], title: str | None, published: str | None,
                 outlet: str | None = None, url: str | None = None) -> Article:
    """An Article whose text is the paragraphs joined by blank lines (built directly)."""
    spans, parts, offset = [], [], 0
    for text in paragraphs:
        parts.append(text)
        spans.append(Paragraph(offset, offset + len(text)))
        offset += len(text) + 2
    return Article(id=content_id("bench", key), source=key, text="\n\n".join(parts),
                   paragraphs=tuple(spans), title=title, outlet=outlet, url=url,
                   published=published)


def labelled(events: dict[str, list[Record]]) -> Labelled:
    """Every record as (Article built by ``make_article``, its event), events in order."""
    return [(make_article(str(r["id"]), [p for p in r["text"].split("\n\n") if p],
                          r.get("title"), r.get("published"), r.get("outlet"), r.get("url")),
             event)
            for event, records in events.items() for r in records]
