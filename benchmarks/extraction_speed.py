"""Speed of the extraction stages against spaCy's bare parse, on the same texts, in one process.

Texts: the PolNeAR dev split (``../shared/data/quotes-polnear/dev/text``, one paragraph a line,
read by ``_polnear.py`` as quotes_polnear.py reads it),
or, where ../shared is absent, the bundled sample corpus (examples/harbour-bridge). Two
timings, on the same chunks of 12 articles, interleaved chunk by chunk (which goes first
alternates) and repeated ``--repeat`` times (default 3), so that both see the same load on a
shared machine:

- bare: ``nlp.pipe`` over the texts with the English pipeline as shipped (wirecheck's own
  paragraph-break component disabled), every doc consumed;
- extraction: ``analyse_many`` (one shared parse of every article, batched ``nlp.pipe``,
  sentences and people) then QuoteExtractor, FactExtractor and ClaimExtractor on each parse,
  every item consumed; the parse cache is cleared first.

The ratio is taken on CPU time of the process (``time.process_time``: what the work costs,
whatever else runs on the cores); wall-clock figures are reported too. Prints one JSON line:
sentences per second of the extraction, the ratio extraction / bare (target <= 1.3), and the
share of extraction time spent in each part.
Usage: .venv/bin/python benchmarks/extraction_speed.py [--repeat N]
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from pathlib import Path

from _polnear import DEV, read_articles
from wirecheck.nlp.spacy_backend import analyse_many, clear_cache, load_nlp
from wirecheck.stages.claims import ClaimExtractor
from wirecheck.stages.facts import FactExtractor
from wirecheck.stages.quotes import QuoteExtractor
from wirecheck.types import Article

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = DEV / "text"
SAMPLE = ROOT / "examples" / "harbour-bridge"
TARGET = 1.3
CHUNK = 12


def corpus() -> tuple[str, list[Article]]:
    if POLNEAR.is_dir():
        return "polnear-dev", read_articles(POLNEAR)
    from wirecheck import analyze  # the sample corpus, read and cleaned as in a run

    store = analyze([SAMPLE], store="memory:").store
    return "harbour-bridge", sorted(store.all("article"), key=lambda a: a.id)


Clock = tuple[float, float]  # (CPU seconds, wall seconds)


def clock() -> Clock:
    return time.process_time(), time.perf_counter()


def since(start: Clock) -> Clock:
    now = clock()
    return now[0] - start[0], now[1] - start[1]


def bare(texts: list[str]) -> Clock:
    nlp = load_nlp()
    start = clock()
    with nlp.select_pipes(disable=["wirecheck_paragraph_breaks"]):
        for doc in nlp.pipe(texts, batch_size=16):
            len(doc)
    return since(start)


def extraction(articles: list[Article], parts: dict[str, float]) -> tuple[Clock, int]:
    """Time the extraction of ``articles``; adds CPU seconds per part to ``parts``."""
    clear_cache()
    stages = [QuoteExtractor(), FactExtractor(), ClaimExtractor()]
    start = clock()
    parsed = analyse_many(articles)
    parts["parse"] = parts.get("parse", 0.0) + since(start)[0]
    for stage in stages:
        begin = clock()
        for p in parsed:
            for _ in stage.extract(p):  # type: ignore[attr-defined]
                pass
        parts[stage.name] = parts.get(stage.name, 0.0) + since(begin)[0]
    sentences = sum(len(p.sentences) for p in parsed)
    clear_cache()
    return since(start), sentences


def main(argv: list[str]) -> int:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    name, articles = corpus()
    if not articles:
        print(json.dumps({"benchmark": "extraction_speed", "skipped": "no texts found"}))
        return 0
    load_nlp()
    bare([a.text for a in articles[:2]])  # warm up
    chunks = [articles[i:i + CHUNK] for i in range(0, len(articles), CHUNK)]
    cpu = {"bare": 0.0, "extraction": 0.0}
    wall = {"bare": 0.0, "extraction": 0.0}
    parts: dict[str, float] = {}
    sentences = 0
    for turn in range(repeat):
        sentences = 0
        for k, chunk in enumerate(chunks):
            order = ("bare", "extraction") if (k + turn) % 2 == 0 else ("extraction", "bare")
            for which in order:
                if which == "bare":
                    spent = bare([a.text for a in chunk])
                else:
                    spent, count = extraction(chunk, parts)
                    sentences += count
                cpu[which] += spent[0]
                wall[which] += spent[1]
    ratio = cpu["extraction"] / cpu["bare"]
    print(json.dumps({
        "benchmark": "extraction_speed", "corpus": name, "articles": len(articles),
        "sentences": sentences, "repeat": repeat,
        "bare_cpu_seconds": round(cpu["bare"] / repeat, 2),
        "extraction_cpu_seconds": round(cpu["extraction"] / repeat, 2),
        "bare_sentences_per_second": round(sentences * repeat / cpu["bare"], 1),
        "sentences_per_second": round(sentences * repeat / cpu["extraction"], 1),
        "ratio_to_bare_parse": round(ratio, 3),
        "ratio_wall_clock": round(wall["extraction"] / wall["bare"], 3),
        "target_ratio": TARGET, "meets_target": ratio <= TARGET,
        "share": {k: round(v / cpu["extraction"], 3) for k, v in parts.items()},
        "machine": platform.machine(), "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
