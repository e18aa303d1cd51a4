"""/stories: the stories of the store, each one's report and brief."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse
from pydantic import BaseModel, Field

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


class Merge(BaseModel):
    stories: list[str] = Field(min_length=2, description="story ids or unique id prefixes")
    by: str = Field(min_length=1, description="who decides")
    note: str = ""


class Split(BaseModel):
    articles: list[str] = Field(min_length=1, description="article ids or unique id prefixes")
    by: str = Field(min_length=1, description="who decides")
    note: str = ""


@router.post("/merge", summary="Merge stories into one (kept, with who and when, on re-runs)")
def merge(request: Request, body: Merge) -> dict[str, Any]:
    def articles(store: Store) -> list[str]:
        return [a for s in api.find_stories(store, body.stories) for a in s.article_ids]

    return override(request, "merge", articles, body.by, body.note)


@router.post("/split", summary="Take articles out of their story into one of their own")
def split(request: Request, body: Split) -> dict[str, Any]:
    return override(request, "split", lambda store: api.find_articles(store, body.articles),
                    body.by, body.note)


def override(request: Request, action: str, articles: Callable[[Store], list[str]], by: str,
             note: str) -> dict[str, Any]:
    """Record a person's merge or split and redo the stories it changes (one writer)."""
    ctx = context(request)
    with ctx.lock, ctx.opened() as store:
        try:
            ids = articles(store)
            decided = api.override_stories(store, action, ids, by=by, note=note,
                                           settings=ctx.settings)
        except WirecheckError as exc:
            raise problem(exc, 404) from exc
        story = next(s for s in store.all("story") if decided.article_ids[0] in s.article_ids)
    return {"override": {"id": decided.id, "action": decided.action, "by": decided.by,
                         "at": decided.at, "note": decided.note,
                         "article_ids": list(decided.article_ids)},
            "story": {"id": story.id, "title": story.title,
                      "article_ids": list(story.article_ids)}}


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
    if not any(s["id"] == story.id for s in report["stories"]):  # a writer replaced it meanwhile
        raise HTTPException(409, detail={"error": f"story {prefix!r} changed while it was read",
                                         "hint": "ask again: GET /stories lists the stories"})
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
