"""End-to-end speed of `analyze`: articles per second on the sample corpus, on the seeds and,
with ``--large``, on the first 300 BASIL articles as one JSON Lines file (more articles than
the parse cache holds: what a real batch looks like).

Prints one JSON line. The spaCy model is loaded once before timing (a warm process, as in a
server or a long batch); each corpus is analysed into a fresh in-memory store, best of 3 runs
(one run for the large corpus, about 100 s).

With ``--large`` it also times adding one article (the 300th) to an SQLite store that holds the
other 299, parse cache emptied first (as in a new process): ``add_one`` as shipped, where the story
stages redo only the story the article joins, and ``add_one_redo_all`` with every story redone
(what a run did before ``engines/runs.py``; forced by another code fingerprint).

``--engine ray`` runs the stages on a local Ray instance (this machine's cores; the ``ray``
extra): started, and its workers' spaCy loaded, by an untimed run of the sample corpus first.
``--engine processes`` runs them in worker processes of this machine, started anew by each run
(and each worker loads spaCy), as a user's run would: that cost is inside every figure.
Usage: .venv/bin/python benchmarks/end_to_end.py [--large]
       [--engine local|processes|processes:N|ray|ray:ADDRESS]
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import tempfile
import time
from pathlib import Path

import _corpora
from wirecheck import analyze
from wirecheck.engines import runs
from wirecheck.nlp import spacy_backend
from wirecheck.nlp.spacy_backend import load_nlp

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {
    "sample": ROOT / "examples" / "harbour-bridge",
    "seeds": ROOT.parent / "shared" / "seeds",
}


def measure(folder: Path, engine: str, repeat: int = 3) -> dict[str, object]:
    best = float("inf")
    articles = 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = analyze([folder], engine=engine)
        best = min(best, time.perf_counter() - start)
        articles = len(result.report["articles"])
    return {"articles": articles, "seconds": round(best, 3),
            "articles_per_second": round(articles / best, 2)}


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--large", action="store_true", help="also the 300 BASIL articles")
    options.add_argument("--engine", default="local",
                         help="local, processes, processes:N, ray or ray:ADDRESS")
    args = options.parse_args()
    load_nlp()
    analyze([CORPORA["sample"]], engine=args.engine)  # warm: a Ray instance and its workers
    line: dict[str, object] = {"benchmark": "end_to_end", "engine": args.engine,
                               "machine": platform.machine(), "python": platform.python_version()}
    for name, folder in CORPORA.items():
        line[name] = measure(folder, args.engine) if folder.exists() else "skipped: folder absent"
    if args.large:
        line["basil_300"] = large(args.engine)
    print(json.dumps(line))


def large(engine: str) -> dict[str, object] | str:
    records = _corpora.basil_list()[:300]
    if not records:
        return f"skipped: {_corpora.BASIL} is absent"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        result: dict[str, object] = measure(
            _corpora.write_jsonl(folder / "basil.jsonl", records), engine, repeat=1)
        _corpora.write_jsonl(folder / "first.jsonl", records[:-1])
        (folder / "more").mkdir()
        (folder / "more" / "one.jsonl").write_text(json.dumps(records[-1]), "utf-8")
        analyze([folder / "first.jsonl"], store=folder / "299.db", engine=engine).store.close()
        result["add_one"] = add_one(folder, engine, redo_all=False)
        result["add_one_redo_all"] = add_one(folder, engine, redo_all=True)
        return result


def add_one(folder: Path, engine: str, redo_all: bool) -> dict[str, object]:
    """Seconds to analyse the 300th article into (a copy of) the SQLite store of the 299."""
    db = folder / f"store-{redo_all}.db"
    shutil.copy(folder / "299.db", db)  # closed, so its write-ahead log is folded in
    spacy_backend._cache.clear()
    if redo_all:
        runs.code_fingerprint.cache_clear()
        runs.PACKAGE = runs.PACKAGE / "elsewhere"  # another fingerprint: every story redone
    start = time.perf_counter()
    result = analyze([folder / "more" / "one.jsonl"], store=db, engine=engine)
    seconds = time.perf_counter() - start
    if redo_all:
        runs.PACKAGE = runs.PACKAGE.parent
        runs.code_fingerprint.cache_clear()
    return {"seconds": round(seconds, 3), "stories": len(result.report["stories"]),
            "stories_redone": len(result.report["stories"]) - result.summary.reused["compare"]}


if __name__ == "__main__":
    main()
