"""/stories: the stories of the store, each one's report and brief."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse

from .. import api
from ..errors import WirecheckError
from ..render.html import render_html
from ..render.markdown import render_markdown
from ..store import Store
from .deps import context, problem

router = APIRouter(prefix="/stories", tags=["stories"])
Words = Annotated[int | None, Query(ge=1, description="the brief's word budget")]


def story_rows(store: Store) -> list[dict[str, Any]]:
    """One row per story, largest first: id, title, headline, articles, conflicts."""
    conflicts = Counter(f.story_id for f in store.all("finding") if f.kind == "conflict")
    headlines = {b.story_id: b.headline for b in store.all("brief")}
    rows = [{"id": s.id, "title": s.title, "headline": headlines.get(s.id, s.title),
             "articles": len(s.article_ids), "conflicts": conflicts[s.id]}
            for s in store.all("story")]
    return sorted(rows, key=lambda r: (-r["articles"], r["title"], r["id"]))


@router.get("", summary="The stories of the store")
def list_stories(request: Request) -> list[dict[str, Any]]:
    with context(request).opened() as store:
        return story_rows(store)


def single(request: Request, prefix: str, words: int | None) -> dict[str, Any]:
    """The report of one story (by id or unique id prefix), its brief within ``words``."""
    ctx = context(request)
    with ctx.opened() as store:
        try:
            (story,) = api.find_stories(store, [prefix])
        except WirecheckError as exc:
            raise problem(exc, 404) from exc
        report = api.report(store, [story.id], words=words, settings=ctx.settings)
    return api.build_single(report, story.id)


@router.get("/{story_id}", summary="One story's report (JSON, as report.json's)")
def story(request: Request, story_id: str, words: Words = None) -> dict[str, Any]:
    return single(request, story_id, words)


@router.get("/{story_id}/brief", summary="One story's brief: html (a page), md or json",
            response_model=None)
def brief(request: Request, story_id: str, format: str = "html", words: Words = None) -> Any:
    report = single(request, story_id, words)
    key = report["stories"][0]["id"]
    if format == "html":
        return HTMLResponse(render_html(report, key))
    if format == "md":
        return PlainTextResponse(render_markdown(report, key), media_type="text/markdown")
    if format == "json":
        return report["stories"][0]["brief"]
    raise HTTPException(400, detail={"error": f"unknown format {format!r}",
                                     "hint": "use html, md or json"})
