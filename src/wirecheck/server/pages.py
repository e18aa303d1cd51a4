"""The web page: the stories of the store, a form to check a statement, links to each brief.

Everything from the articles (titles, headlines, evidence) and from the reader (the statement)
is escaped; the page needs no network (no script, the brief pages' stylesheet inline).
"""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ..render._html_style import CSS
from .check import run_check
from .deps import context
from .stories import story_rows

router = APIRouter(tags=["pages"])
VERDICT_CLASS = {"supported": "cell-supports", "contradicted": "cell-contradicts"}


@router.get("/", response_class=HTMLResponse, summary="The web page")
def index(request: Request, statement: str = "", story: str = "") -> str:
    with context(request).opened() as store:
        rows, failed = story_rows(store), store.count("failure")
    answer = ""
    if statement.strip():
        try:
            answer = checked(run_check(request, statement.strip(), story.strip() or None))
        except HTTPException as exc:
            error = exc.detail.get("error") if isinstance(exc.detail, dict) else exc.detail
            answer = f'<p class="callout">{escape(str(error))}</p>'
    return page(rows, statement, story, answer, failed)


def page(rows: list[dict[str, Any]], statement: str, story: str, answer: str,
         failed: int) -> str:
    items = "".join(
        f'<tr><td><a href="/stories/{quote(r["id"])}/brief">{escape(r["headline"])}</a>'
        f'<div class="muted">{escape(r["id"][:8])}</div></td><td>{r["articles"]}</td>'
        f'<td>{r["conflicts"]}</td></tr>' for r in rows)
    options = "".join(f'<option value="{escape(r["id"])}"'
                      f'{" selected" if r["id"] == story else ""}>{escape(r["title"][:80])}'
                      f'</option>' for r in rows)
    stories = (f'<table><thead><tr><th>story</th><th>articles</th>'
               f'<th>conflicts</th></tr></thead><tbody>{items}</tbody></table>' if rows else
               '<p class="muted">No stories yet: add articles with <code>POST /articles</code> '
               'or <code>wirecheck analyze PATH --store FILE</code>.</p>')
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>wirecheck</title><style>{CSS}</style></head>
<body><header><h1>wirecheck</h1><p class="muted">The stories of this store, and any statement
checked against their independent sources.</p></header>
<main><h2>Check a statement</h2>
<form method="get" action="/"><p><input name="statement" size="60" required
 value="{escape(statement)}" aria-label="statement"> <select name="story" aria-label="story">
<option value="">all stories</option>{options}</select> <button>Check</button></p></form>
{answer}
<h2>Stories</h2>{stories}
{f'<p class="muted">{failed} input(s) could not be read or analysed: see <a href="/failures">'
 f'/failures</a>.</p>' if failed else ""}</main>
<footer><p>JSON: <a href="/stories">/stories</a> · <a href="/openapi.json">/openapi.json</a>
</p></footer></body></html>"""


def evidence(source: dict[str, Any]) -> str:
    """The source's best evidence sentence, and why it does not count when it does not."""
    found = escape(source["evidence"][0]["text"]) if source["evidence"] else ""
    why = "; ".join(source["reasons"][:2]) if source["verdict"] != "supported" else ""
    return found + (f'<div class="muted">{escape(why)}</div>' if why else "")


def checked(answer: dict[str, Any]) -> str:
    rows = "".join(
        f'<tr><td>{escape(s["outlet"] or s["source"])}</td>'
        f'<td class="{VERDICT_CLASS.get(s["verdict"], "")}">{escape(s["verdict"])}</td>'
        f'<td>{evidence(s)}</td></tr>'
        for s in answer["sources"])
    return (f'<p><strong>{escape(answer["statement"])}</strong>: '
            f'<span class="{VERDICT_CLASS.get(answer["verdict"], "")}">'
            f'{escape(answer["verdict"])}</span></p>'
            f'<table><thead><tr><th>source</th><th>verdict</th><th>evidence</th>'
            f'</tr></thead><tbody>{rows}</tbody></table>')
