"""End-to-end speed of `analyze`: articles per second on the sample corpus and on the seeds.

Prints one JSON line. The spaCy model is loaded once before timing (a warm process, as in a
server or a long batch); each corpus is analysed into a fresh in-memory store, best of 3 runs.
Usage: .venv/bin/python benchmarks/end_to_end.py
"""

from __future__ import annotations

import json
import platform
import time
from pathlib import Path

from wirecheck import analyze
from wirecheck.nlp.spacy_backend import load_nlp

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {
    "sample": ROOT / "examples" / "harbour-bridge",
    "seeds": ROOT.parent / "shared" / "seeds",
}


def measure(folder: Path, repeat: int = 3) -> dict[str, float]:
    best = float("inf")
    articles = 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = analyze([folder])
        best = min(best, time.perf_counter() - start)
        articles = len(result.report["articles"])
    return {"articles": articles, "seconds": round(best, 3),
            "articles_per_second": round(articles / best, 2)}


def main() -> None:
    load_nlp()
    line: dict[str, object] = {"benchmark": "end_to_end", "machine": platform.machine(),
                               "python": platform.python_version()}
    for name, folder in CORPORA.items():
        line[name] = measure(folder) if folder.exists() else "skipped: folder absent"
    print(json.dumps(line))


if __name__ == "__main__":
    main()
