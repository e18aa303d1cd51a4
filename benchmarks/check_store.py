"""`check` against a store of many stories: seconds per statement, and what the story filter
changes.

The store: the 300 BASIL articles (100 events) analysed into an SQLite file (``--store PATH``
reuses one built before; else it is built in a temporary folder, about a minute, not timed).
Statements: 12 claim sentences the analysis extracted, drawn with a fixed seed. Each is checked
twice against the whole store with the Python API: as shipped, where the articles of stories
that share under half as many of the statement's words as the best story are not read
(``api._unrelated``), and with every article read. Reported: seconds per statement for each,
and how many statements got any different verdict (overall or of any source). The spaCy model
is loaded before timing (a warm process).

Prints one JSON line; skips with a message where ../shared is absent.
Usage: .venv/bin/python benchmarks/check_store.py [--store PATH] [--n 12]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import tempfile
import time
from pathlib import Path

import _corpora
from wirecheck import analyze, api
from wirecheck.nlp.spacy_backend import load_nlp
from wirecheck.store import open_store

SEED = 20261206


def build(folder: Path) -> Path:
    store = folder / "basil.db"
    analyze([_corpora.write_jsonl(folder / "basil.jsonl", _corpora.basil_list())],
            store=str(store))
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, help="a store of the BASIL articles built before")
    parser.add_argument("--n", type=int, default=12, help="statements (default 12)")
    args = parser.parse_args()
    if not _corpora.available():
        print(_corpora.skipped("check_store"))
        return
    if args.store is not None and not args.store.is_file():
        parser.error(f"--store {args.store}: no such file (leave it out to build the store)")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store or build(Path(tmp))
        store = open_store(str(path))
        load_nlp()
        claims = sorted(store.all("claim"), key=lambda c: c.id)
        if len(claims) < args.n:
            parser.error(f"the store holds {len(claims)} claims, fewer than --n {args.n}")
        statements = [c.text for c in random.Random(SEED).sample(claims, args.n)]
        filtered, every, differ = 0.0, 0.0, 0
        shipped = api._unrelated
        for statement in statements:
            api._unrelated = shipped
            started = time.perf_counter()
            new = api.check(statement, store)
            filtered += time.perf_counter() - started
            api._unrelated = lambda *_: {}
            started = time.perf_counter()
            old = api.check(statement, store)
            every += time.perf_counter() - started
            api._unrelated = shipped
            verdicts = [{r["article_id"]: r["verdict"] for r in answer.sources}
                        for answer in (new, old)]
            differ += new.verdict != old.verdict or verdicts[0] != verdicts[1]
        print(json.dumps({
            "benchmark": "check_store", "articles": len(store.all("article")),
            "stories": len(store.all("story")), "statements": len(statements), "seed": SEED,
            "seconds_per_statement": round(filtered / len(statements), 2),
            "seconds_per_statement_reading_every_article": round(every / len(statements), 2),
            "statements_with_any_other_verdict": differ,
            "machine": platform.machine(), "python": platform.python_version()}))


if __name__ == "__main__":
    main()
