"""An in-memory store, for tests and one-shot runs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import StoreError
from ..types import KINDS, Item
from . import codec
from .base import scope_of


class MemoryStore:
    def __init__(self) -> None:
        self._rows: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
        # per kind: item id -> the story it belongs to (a per-story result), as the SQLite
        # store's story_id column: a story's results are replaced without decoding the others'
        self._scopes: dict[str, dict[str, str | None]] = {kind: {} for kind in KINDS}

    def put(self, items: Iterable[Item]) -> int:
        changed = 0
        for item in items:
            text = codec.dumps(item)
            table = self._rows[item.KIND]
            if table.get(item.id) != text:
                table[item.id] = text
                self._scopes[item.KIND][item.id] = scope_of(item)
                changed += 1
        return changed

    def replace(self, kind: str, items: Iterable[Item], scope: str | None = None) -> None:
        items = list(items)
        new = {item.id: codec.dumps(item) for item in items}
        table, scopes = self._rows[kind], self._scopes[kind]
        for item_id in list(table):
            if item_id not in new and (scope is None or scopes.get(item_id) == scope):
                del table[item_id]
                scopes.pop(item_id, None)
        table.update(new)
        scopes.update((item.id, scope_of(item)) for item in items)

    def get(self, kind: str, item_id: str) -> Item | None:
        text = self._rows[kind].get(item_id)
        return None if text is None else codec.loads(kind, text)

    def all(self, kind: str) -> list[Any]:
        return [codec.loads(kind, text) for _, text in sorted(self._rows[kind].items())]

    def of_articles(self, kind: str, article_ids: Iterable[str]) -> list[Any]:
        if kind not in ("quote", "fact", "claim", "evidence"):  # (as the SQLite columns)
            raise StoreError(f"{kind} items belong to no article")
        wanted = set(article_ids)
        return [item for item in self.all(kind) if item.article_id in wanted]

    def count(self, kind: str) -> int:
        return len(self._rows[kind])

    def delete(self, kind: str, ids: Iterable[str]) -> None:
        for item_id in ids:
            self._rows[kind].pop(item_id, None)
            self._scopes[kind].pop(item_id, None)

    def snapshot(self) -> dict[str, dict[str, str]]:
        return {kind: dict(rows) for kind, rows in self._rows.items()}

    def close(self) -> None:
        pass
