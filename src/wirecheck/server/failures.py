"""/failures: the inputs that could not be read or analysed, each with its reason."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from .deps import context

router = APIRouter(prefix="/failures", tags=["failures"])


@router.get("", summary="The inputs that could not be read or analysed, and why")
def failures(request: Request) -> list[dict[str, Any]]:
    with context(request).opened() as store:
        found = store.all("failure")
    return [{"stage": f.stage, "source": f.source, "error": f.error, "message": f.message}
            for f in found]
