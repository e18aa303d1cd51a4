"""The default store: one SQLite file, WAL, numbered migrations, readable by any SQLite tool."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..types import KINDS, Item
from . import codec

# Columns besides id and data, per table, filled from the item's fields.
COLUMNS: dict[str, tuple[str, ...]] = {
    "raw": ("source",),
    "article": ("source", "outlet", "title", "published"),
    "duplicate_group": ("canonical",),
    "story": ("title",),
    "quote": ("article_id", "speaker"),
    "fact": ("article_id", "kind"),
    "claim": ("article_id",),
    "evidence": ("story_id", "claim_id", "article_id", "stance"),
    "finding": ("story_id", "kind"),
    "brief": ("story_id",),
    "override": ("action", "by", "at"),
    "failure": ("stage", "source", "error", "message"),
    "run": ("story_id", "stage"),
}


def migrations() -> list[tuple[int, str]]:
    folder = resources.files("wirecheck").joinpath("store/migrations")
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text("utf-8")))
    return sorted(found)


class SQLiteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc

    def _migrate(self) -> None:
        current = self.db.execute("PRAGMA user_version").fetchone()[0]
        for number, sql in migrations():
            if number > current:
                with self.db:
                    self.db.executescript(sql)
                    self.db.execute(f"PRAGMA user_version={number}")

    def _row(self, item: Item) -> tuple[Any, ...]:
        cols = COLUMNS[item.KIND]
        return (item.id, *(getattr(item, c) for c in cols), codec.dumps(item))

    def _insert_sql(self, kind: str) -> str:
        cols = ("id", *COLUMNS[kind], "data")
        marks = ", ".join("?" for _ in cols)
        updates = ", ".join(f"{c}=excluded.{c}" for c in cols[1:])
        return (
            f"INSERT INTO {kind} ({', '.join(cols)}) VALUES ({marks}) "
            f"ON CONFLICT(id) DO UPDATE SET {updates} WHERE {kind}.data IS NOT excluded.data"
        )

    def put(self, items: Iterable[Item]) -> int:
        changed = 0
        with self.db:
            for item in items:
                cur = self.db.execute(self._insert_sql(item.KIND), self._row(item))
                changed += cur.rowcount
        return changed

    def replace(self, kind: str, items: Iterable[Item], scope: str | None = None) -> None:
        rows = [self._row(item) for item in items]
        keep = [row[0] for row in rows]
        with self.db:
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS keep_ids (id TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM keep_ids")
            self.db.executemany("INSERT OR IGNORE INTO keep_ids VALUES (?)", [(k,) for k in keep])
            where = "id NOT IN (SELECT id FROM keep_ids)"
            if scope is not None:
                self.db.execute(f"DELETE FROM {kind} WHERE {where} AND story_id = ?", (scope,))
            else:
                self.db.execute(f"DELETE FROM {kind} WHERE {where}")
            self.db.executemany(self._insert_sql(kind), rows)

    def get(self, kind: str, item_id: str) -> Item | None:
        row = self.db.execute(f"SELECT data FROM {kind} WHERE id = ?", (item_id,)).fetchone()
        return None if row is None else codec.loads(kind, row[0])

    def all(self, kind: str) -> list[Any]:
        rows = self.db.execute(f"SELECT data FROM {kind} ORDER BY id").fetchall()
        return [codec.loads(kind, row[0]) for row in rows]

    def of_articles(self, kind: str, article_ids: Iterable[str]) -> list[Any]:
        if "article_id" not in COLUMNS[kind]:
            raise StoreError(f"{kind} items belong to no article")
        ids, rows = sorted(set(article_ids)), []
        for i in range(0, len(ids), 500):  # (SQLite's limit on parameters is 999 or more)
            chunk = ids[i:i + 500]
            rows += self.db.execute(
                f"SELECT id, data FROM {kind} WHERE article_id IN "
                f"({', '.join('?' for _ in chunk)})", chunk).fetchall()
        return [codec.loads(kind, data) for _, data in sorted(rows)]

    def count(self, kind: str) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM {kind}").fetchone()[0])

    def delete(self, kind: str, ids: Iterable[str]) -> None:
        with self.db:
            self.db.executemany(f"DELETE FROM {kind} WHERE id = ?", [(i,) for i in ids])

    def snapshot(self) -> dict[str, dict[str, str]]:
        return {
            kind: dict(self.db.execute(f"SELECT id, data FROM {kind}").fetchall())
            for kind in KINDS
        }

    def close(self) -> None:
        self.db.close()


