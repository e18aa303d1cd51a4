"""End-to-end speed of `analyze`: articles per second on the sample corpus, on the seeds and,
with ``--large``, on the first 300 BASIL articles as one JSON Lines file (more articles than
the parse cache holds: what a real batch looks like).

Prints one JSON line. The spaCy model is loaded once before timing (a warm process, as in a
server or a long batch); each corpus is analysed into a fresh in-memory store, best of 3 runs
(one run for the large corpus, about 100 s).

``--engine ray`` runs the stages on a local Ray instance (this machine's cores; the ``ray``
extra): started, and its workers' spaCy loaded, by an untimed run of the sample corpus first.
Usage: .venv/bin/python benchmarks/end_to_end.py [--large] [--engine local|ray|ray:ADDRESS]
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from pathlib import Path

import _corpora
from wirecheck import analyze
from wirecheck.nlp.spacy_backend import load_nlp

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {
    "sample": ROOT / "examples" / "harbour-bridge",
    "seeds": ROOT.parent / "shared" / "seeds",
}


def measure(folder: Path, engine: str, repeat: int = 3) -> dict[str, float]:
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
    options.add_argument("--engine", default="local", help="local, ray or ray:ADDRESS")
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


def large(engine: str) -> dict[str, float] | str:
    records = [r for _, rs in sorted(_corpora.basil_records().items()) for r in rs][:300]
    if not records:
        return f"skipped: {_corpora.BASIL} is absent"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "basil.jsonl").write_text("\n".join(json.dumps(r) for r in records), "utf-8")
        return measure(folder, engine, repeat=1)


if __name__ == "__main__":
    main()
