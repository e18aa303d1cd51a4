"""/check: one statement against the store's articles, or one story's."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from .. import api
from ..errors import WirecheckError
from .deps import context, problem

router = APIRouter(prefix="/check", tags=["check"])


class Statement(BaseModel):
    statement: str = Field(min_length=1, examples=["14 people were injured"])
    story: str | None = Field(None, description="a story id or unique id prefix")


def run_check(request: Request, statement: str, story: str | None) -> dict[str, Any]:
    ctx = context(request)
    with ctx.opened() as store:
        try:
            answer = api.check(statement, store, ctx.settings, story=story or None)
        except WirecheckError as exc:
            raise problem(exc, 404 if story else 400) from exc
    return asdict(answer)


@router.post("", summary="Supported / contradicted / not found, with each source's evidence")
def check(request: Request, body: Statement) -> dict[str, Any]:
    return run_check(request, body.statement, body.story)
