"""What every request needs: the store (its own connection), the settings, the writer's lock."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request

from ..config import Settings, load_settings
from ..errors import WirecheckError
from ..store import Store, open_store


@dataclass
class Context:
    store: str
    settings: Settings
    lock: threading.Lock = field(default_factory=threading.Lock)  # one writer at a time

    @classmethod
    def create(cls, store: str | Path, settings: Settings | None) -> Context:
        open_store(store).close()  # created (and migrated) now: a bad path fails at start
        return cls(str(store), settings or load_settings())


    @contextmanager
    def opened(self) -> Iterator[Store]:
        """A connection of this request's own, closed after it (opened in the thread that uses
        it: an SQLite connection stays in its thread)."""
        connection = open_store(self.store)
        try:
            yield connection
        finally:
            connection.close()


def context(request: Request) -> Context:
    found: Context = request.app.state.context
    return found


def problem(exc: WirecheckError, status: int = 400) -> HTTPException:
    """A wirecheck error as an HTTP error: the message and its hint."""
    detail: dict[str, Any] = {"error": exc.args[0] if exc.args else str(exc),
                              "hint": exc.hint or None, "code": exc.code}
    return HTTPException(status_code=status, detail=detail)
