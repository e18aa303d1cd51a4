"""The HTTP API and the web page: a FastAPI app over one SQLite store (the ``server`` extra).

    wirecheck serve news.db [--host 127.0.0.1] [--port 8000]

One router per resource: ``stories`` (list, report, brief in HTML / Markdown / JSON, a person's
merge and split), ``articles`` (read one, ``POST`` new ones: they go through the whole
pipeline), ``check`` (a statement against the store or one story), ``failures`` (what could not
be read, and why); ``pages`` is the web page (the stories, a form to
check a statement, each story's brief). Every request opens its own connection to the store
(SQLite in WAL mode: readers never wait for the writer); writes take one lock, so there is one
writer at a time. Article text is untrusted: the pages escape it, the brief's page is the HTML
renderer's (which escapes it too).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import WirecheckError, require


def create_app(store: str | Path, settings: Any = None) -> Any:
    """The app serving ``store`` (an SQLite file, created when missing)."""
    require("fastapi", "server")
    from fastapi import FastAPI
    from fastapi.responses import JSONResponse

    from . import articles, check, failures, pages, stories
    from .deps import Context

    if str(store).startswith("memory:"):
        raise WirecheckError("the server needs a store file, not memory:",
                             hint="wirecheck serve news.db")
    # no /docs or /redoc: their pages load scripts from a CDN, and users run offline
    app = FastAPI(title="wirecheck", summary="Check the news across its sources.",
                  docs_url=None, redoc_url=None)
    app.state.context = Context.create(store, settings)
    limit = int(app.state.context.settings["ingest"]["max_bytes"])

    @app.middleware("http")
    async def refuse_large_bodies(request: Any, call_next: Any) -> Any:
        """A body over ``[ingest] max_bytes`` is refused before it is read; so is a body of
        unknown length (chunked), which could not be checked."""
        length = request.headers.get("content-length")
        if request.method in ("POST", "PUT", "PATCH") and length is None:
            return JSONResponse(status_code=411, content={"detail": {
                "error": "a request body needs a Content-Length", "hint":
                "send the body whole, not chunked"}})
        if int(length or 0) > limit:
            return JSONResponse(status_code=413, content={"detail": {
                "error": f"the body is over {limit:,} bytes", "hint":
                "send the records in smaller batches, or raise [ingest] max_bytes"}})
        return await call_next(request)

    for module in (stories, articles, check, failures, pages):
        app.include_router(module.router)
    return app


__all__ = ["create_app"]
