from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wirecheck.errors import StoreError
from wirecheck.store import MemoryStore, SQLiteStore, open_store
from wirecheck.types import KINDS, Article, Fact, Finding, Paragraph, Side, Span


def article(n: int) -> Article:
    text = f"Article number {n} says something."
    return Article(id=f"a{n}", source=f"in/{n}.txt", text=text,
                   paragraphs=(Paragraph(0, len(text)),), outlet="x.example",
                   meta={"removed": ["Share"]})


def finding(n: int, story: str) -> Finding:
    return Finding(id=f"f{n}", story_id=story, kind="conflict", topic=f"t{n}",
                   sides=(Side("v", ("a1",), (Span("a1", 0, 3),)),), explanation="e",
                   detail={"type": "role"})


@pytest.fixture(params=["memory", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    s = MemoryStore() if request.param == "memory" else SQLiteStore(tmp_path / "w.db")
    yield s
    s.close()


def test_round_trip_keeps_nested_items(store) -> None:  # type: ignore[no-untyped-def]
    store.put([article(1), finding(1, "s1")])
    assert store.get("article", "a1") == article(1)
    assert store.get("finding", "f1") == finding(1, "s1")
    assert store.get("article", "missing") is None


def test_upsert_is_idempotent(store) -> None:  # type: ignore[no-untyped-def]
    assert store.put([article(1), article(2)]) == 2
    before = store.snapshot()
    assert store.put([article(1), article(2)]) == 0
    assert store.snapshot() == before
    assert store.count("article") == 2


def test_replace_within_a_story_keeps_other_stories(store) -> None:  # type: ignore[no-untyped-def]
    store.put([finding(1, "s1"), finding(2, "s1"), finding(3, "s2")])
    store.replace("finding", [finding(2, "s1"), finding(4, "s1")], scope="s1")
    assert sorted(f.id for f in store.all("finding")) == ["f2", "f3", "f4"]
    store.replace("finding", [finding(5, "s9")])
    assert [f.id for f in store.all("finding")] == ["f5"]


def test_replacing_one_story_reads_no_other_story(monkeypatch: pytest.MonkeyPatch) -> None:
    """The memory store knows each row's story, as the SQLite store's column does: replacing one
    story's results decoded every stored result before (a 300-article run spent a third of its
    time there), and a moved or deleted item must not leave a stale story behind."""
    from wirecheck.store import codec

    store = MemoryStore()
    store.put([finding(n, f"s{n % 50}") for n in range(500)])
    store.delete("finding", ["f3"])
    store.replace("finding", [finding(3, "s7")], scope="s7")  # f3 now in s7, alone there
    monkeypatch.setattr(codec, "loads", lambda *a: pytest.fail("a stored item was decoded"))
    store.replace("finding", [finding(9, "s9")], scope="s9")
    store.replace("finding", [], scope="s7")
    monkeypatch.undo()
    ids = {f.id for f in store.all("finding")}
    assert "f3" not in ids and "f57" not in ids and "f9" in ids and "f59" not in ids
    assert "f1" in ids and len(ids) == 500 - 10 + 1 - 11  # s9 became f9 alone; s7 emptied


def test_items_of_some_articles(store) -> None:  # type: ignore[no-untyped-def]
    facts = [Fact(f"f{i}", f"a{i % 700}", "number", "people", str(i), Span(f"a{i % 700}", 0, 1),
                  "test") for i in range(1400)]
    store.put(facts)
    wanted = [f"a{i}" for i in range(1, 700)] + ["a-missing"]  # more than one query's worth
    found = store.of_articles("fact", wanted)
    assert [f.id for f in found] == sorted(f.id for f in facts if f.article_id in wanted)
    assert store.of_articles("fact", []) == []
    with pytest.raises(StoreError, match="belong to no article"):
        store.of_articles("story", ["a1"])


def test_sqlite_file_is_readable_by_any_sqlite_tool(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    s = SQLiteStore(path)
    s.put([article(7)])
    s.close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] >= 1
    row = db.execute("SELECT outlet, json_extract(data, '$.text') FROM article").fetchone()
    assert row == ("x.example", "Article number 7 says something.")


def test_reopening_runs_no_migration_twice(tmp_path: Path) -> None:
    SQLiteStore(tmp_path / "w.db").close()
    again = SQLiteStore(tmp_path / "w.db")
    again.put([article(1)])
    assert again.count("article") == 1


def test_open_store_factory(tmp_path: Path) -> None:
    assert isinstance(open_store("memory:"), MemoryStore)
    assert isinstance(open_store(f"sqlite:///{tmp_path}/a.db"), SQLiteStore)
    assert isinstance(open_store(tmp_path / "b.db"), SQLiteStore)
    with pytest.raises(StoreError, match="unknown store"):
        open_store("parquet://nowhere")


def test_a_file_that_is_not_sqlite_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        SQLiteStore(bad)


def test_every_item_of_a_run_reads_back_as_it_was_written() -> None:
    """The codec's decoders are built once per type: every kind a real run stores (nested
    spans, sides, optional fields, tuples of tuples) must read back to the same item."""
    from conftest import SAMPLE
    from wirecheck import analyze
    from wirecheck.store import codec

    store = analyze([SAMPLE]).store
    seen = set()
    for kind, rows in store.snapshot().items():
        for text in rows.values():
            item = codec.loads(kind, text)
            assert type(item) is KINDS[kind] and codec.dumps(item) == text
            seen.add(kind)
    assert {"article", "quote", "fact", "claim", "finding", "brief", "story"} <= seen
