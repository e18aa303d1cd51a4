"""/articles: read one article; POST new ones (records as in a .json file) through the pipeline."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Request

from .. import api
from ..ids import content_id
from ..ingest.readers import record_document
from ..report import article_entry
from ..types import Article
from .deps import context

router = APIRouter(prefix="/articles", tags=["articles"])
EXAMPLE = [{"title": "Footbridge collapses", "outlet": "Harbour Herald",
            "url": "https://herald.example/bridge", "published": "2025-10-14",
            "text": "A footbridge collapsed on Tuesday…"}]


@router.get("/{article_id}", summary="One article: its clean text, title, outlet, dates")
def article(request: Request, article_id: str) -> dict[str, Any]:
    with context(request).opened() as store:
        found = store.get("article", article_id)
    if not isinstance(found, Article):
        raise HTTPException(404, detail={"error": f"no article {article_id!r}",
                                         "hint": "GET /stories/{id} lists a story's articles"})
    return article_entry(found)


@router.post("", summary="Add articles: each goes through the whole pipeline")
def add(request: Request, records: Annotated[Any, Body(examples=[EXAMPLE])]
        ) -> dict[str, Any]:
    """A record or a list of records (``text`` or ``html``, and ``id, url, outlet, title,
    published``), as in a .json file. A bad record is a failure with its reason; the others
    are stored. Answers with what was added and the failures."""
    ctx = context(request)
    if not isinstance(records, list):
        records = [records]
    sources = [source(record) for record in records]
    documents = [record_document(name, record, {}) for name, record in zip(sources, records,
                                                                         strict=True)]
    with ctx.lock, ctx.opened() as store:  # one writer at a time
        before = {a.id for a in store.all("article")}
        result = api.ingest(documents, store, ctx.settings)
        added = [a for a in result.report["articles"] if a["id"] not in before]
        stories = {s["id"]: s for s in result.report["stories"]}
    touched = [s for s in stories.values() if {a["id"] for a in added} & set(s["article_ids"])]
    return {"added": [{"id": a["id"], "title": a["title"], "outlet": a["outlet"]}
                      for a in added],
            "stories": [{"id": s["id"], "title": s["title"]} for s in touched],
            "failures": [{"record": sources.index(f.source) + 1 if f.source in sources else None,
                          "source": f.source, "message": f.message}
                         for f in result.summary.failures]}


def source(record: Any) -> str:
    """A record's source, which its article id hashes with its text: its URL, else its own
    id, else a hash of the record (not its place in the batch: the same record posted again
    is the same article)."""
    if isinstance(record, dict):
        url, given = record.get("url"), record.get("id")
        if isinstance(url, str) and "://" in url:
            return url
        if isinstance(given, str | int) and str(given).strip():
            return f"post:{given}"
    return f"post:{content_id('record', json.dumps(record, sort_keys=True, default=str))}"
