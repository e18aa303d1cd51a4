"""Speed of the extraction stages against spaCy's bare parse, on the same texts, in one process.

Texts: the PolNeAR dev split (``../shared/data/quotes-polnear/dev/text``, one paragraph a line),
or, where ../shared is absent, the bundled sample corpus (examples/harbour-bridge). Two
timings, alternated ``--repeat`` times (default 3), best of each kept:

- bare: ``nlp.pipe`` over the texts with the English pipeline as shipped (wirecheck's own
  paragraph-break component disabled), every doc consumed;
- extraction: ``analyse_many`` (one shared parse of every article, batched ``nlp.pipe``,
  sentences and people) then QuoteExtractor, FactExtractor and ClaimExtractor on each parse,
  every item consumed; the parse cache is cleared before each run.

Prints one JSON line: sentences per second of the extraction, the ratio extraction / bare
(target <= 1.3), and the share of extraction time spent in each part.
Usage: .venv/bin/python benchmarks/extraction_speed.py [--repeat N]
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from pathlib import Path

from wirecheck.nlp.spacy_backend import analyse_many, clear_cache, load_nlp
from wirecheck.stages.claims import ClaimExtractor
from wirecheck.stages.facts import FactExtractor
from wirecheck.stages.quotes import QuoteExtractor
from wirecheck.types import Article, Paragraph

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "quotes-polnear" / "dev" / "text"
SAMPLE = ROOT / "examples" / "harbour-bridge"
TARGET = 1.3


def article(name: str, text: str) -> Article:
    paragraphs, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            start = offset + len(line) - len(line.lstrip())
            paragraphs.append(Paragraph(start, offset + len(line.rstrip())))
        offset += len(line) + 1
    return Article(id=name, source=name, text=text, paragraphs=tuple(paragraphs))


def corpus() -> tuple[str, list[Article]]:
    if POLNEAR.is_dir():
        files = sorted(POLNEAR.glob("*.txt"))
        return "polnear-dev", [article(p.stem, p.read_text("utf-8")) for p in files]
    from wirecheck import analyze  # the sample corpus, read and cleaned as in a run

    store = analyze([SAMPLE], store="memory:").store
    return "harbour-bridge", sorted(store.all("article"), key=lambda a: a.id)


def bare(texts: list[str]) -> float:
    nlp = load_nlp()
    start = time.perf_counter()
    with nlp.select_pipes(disable=["wirecheck_paragraph_breaks"]):
        for doc in nlp.pipe(texts, batch_size=16):
            len(doc)
    return time.perf_counter() - start


def extraction(articles: list[Article]) -> tuple[float, dict[str, float], int]:
    clear_cache()
    stages = [QuoteExtractor(), FactExtractor(), ClaimExtractor()]
    parts = dict.fromkeys(["parse", *(s.name for s in stages)], 0.0)
    start = time.perf_counter()
    parsed = analyse_many(articles)
    parts["parse"] = time.perf_counter() - start
    for stage in stages:
        begin = time.perf_counter()
        for p in parsed:
            for _ in stage.extract(p):  # type: ignore[attr-defined]
                pass
        parts[stage.name] += time.perf_counter() - begin
    sentences = sum(len(p.sentences) for p in parsed)
    clear_cache()
    return time.perf_counter() - start, parts, sentences


def main(argv: list[str]) -> int:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    name, articles = corpus()
    if not articles:
        print(json.dumps({"benchmark": "extraction_speed", "skipped": "no texts found"}))
        return 0
    texts = [a.text for a in articles]
    load_nlp()
    bare(texts[:2])  # warm up
    best_bare = best_extract = float("inf")
    parts: dict[str, float] = {}
    sentences = 0
    for _ in range(repeat):
        best_bare = min(best_bare, bare(texts))
        seconds, split, sentences = extraction(articles)
        if seconds < best_extract:
            best_extract, parts = seconds, split
    ratio = best_extract / best_bare
    print(json.dumps({
        "benchmark": "extraction_speed", "corpus": name, "articles": len(articles),
        "sentences": sentences, "bare_seconds": round(best_bare, 2),
        "extraction_seconds": round(best_extract, 2),
        "bare_sentences_per_second": round(sentences / best_bare, 1),
        "sentences_per_second": round(sentences / best_extract, 1),
        "ratio_to_bare_parse": round(ratio, 3), "target_ratio": TARGET,
        "meets_target": ratio <= TARGET,
        "share": {k: round(v / best_extract, 3) for k, v in parts.items()},
        "machine": platform.machine(), "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
