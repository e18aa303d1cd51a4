"""The store protocol: every item by its content-hash id, upserted; replaceable per scope."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from ..types import Item


def scope_of(item: Any) -> str | None:
    """The story an item belongs to, when it is a per-story result."""
    return getattr(item, "story_id", None)


class Store(Protocol):
    def put(self, items: Iterable[Item]) -> int:
        """Upsert items; returns how many were new or changed."""

    def replace(self, kind: str, items: Iterable[Item], scope: str | None = None) -> None:
        """Make ``items`` the whole content of ``kind`` (within one story when ``scope``)."""

    def get(self, kind: str, item_id: str) -> Item | None: ...

    def all(self, kind: str) -> list[Any]: ...

    def of_articles(self, kind: str, article_ids: Iterable[str]) -> list[Any]:
        """The items of ``kind`` (quote, fact, claim or evidence) of these articles, by id."""

    def count(self, kind: str) -> int: ...

    def delete(self, kind: str, ids: Iterable[str]) -> None: ...

    def snapshot(self) -> dict[str, dict[str, str]]:
        """Every stored item as JSON text, by kind and id (to compare two states)."""

    def close(self) -> None: ...
