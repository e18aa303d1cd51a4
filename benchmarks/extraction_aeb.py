"""HTML -> article text on the article-extraction-benchmark dev set (181 news pages).

Metric (the benchmark's own): each document's text becomes a multiset of word 4-gram shingles
of ``\\w+`` tokens; tp/fp/fn are counted per document and normalised by their sum; precision
and recall are averaged over the documents (macro) and F1 is the harmonic mean of the two
averages. ``f1_per_doc`` is the mean of the per-document F1s, for reference.

The scorer is first checked against the published result of ``output-reference/trafilatura.json``
(F1 0.958): the run stops if it does not reproduce it. Then, on the same pages in the same run,
it scores wirecheck's HTML cleaner (``clean_html``: the text of the paragraphs it keeps as body,
headings and lists; figure captions are labelled as such and left out, their score is given as
``with_captions``), and trafilatura 2.3.1 alone, default and ``favor_precision=True``. Speed:
the extractors run one after the other on each page, in turns (so a busy machine slows them
alike and none always runs first), CPU seconds per extractor; pages/second and the ratio
wirecheck / trafilatura default.

Prints progress to stderr and ONE JSON line to stdout. Skips (exit 0) when the data is absent.
Usage: .venv/bin/python benchmarks/extraction_aeb.py [--data DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from wirecheck.stages.clean import clean_html

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "extraction-aeb"
PUBLISHED_F1 = 0.958  # output-reference/trafilatura.json, as published by the benchmark
TOKEN = re.compile(r"\w+")

Counts = tuple[float, float, float]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def counts(true: str, pred: str) -> Counts:
    """tp, fp, fn of shingles, normalised so that long documents weigh no more than short."""
    gold, got = shingles(true), shingles(pred)
    tp = sum((gold & got).values())
    fp = sum((got - gold).values())
    fn = sum((gold - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score(truth: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    rows = [counts(truth[key], predicted.get(key) or "") for key in truth]
    p = statistics.mean(precision(*row) for row in rows if row[0] + row[1] > 0)
    r = statistics.mean(recall(*row) for row in rows if row[0] + row[2] > 0)
    per_doc = [2 * precision(*row) * recall(*row) / (precision(*row) + recall(*row))
               if precision(*row) + recall(*row) else 0.0 for row in rows]
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4),
            "f1_per_doc": round(statistics.mean(per_doc), 4)}


def wirecheck_text(html: str, captions: bool = False) -> str:
    sweep, _ = clean_html(html)
    return "\n\n".join(text for text, kind in sweep.blocks if captions or kind != "caption")


EXTRACTORS: dict[str, Callable[[str], str | None]] = {
    "wirecheck": lambda html: wirecheck_text(html),
    "trafilatura": lambda html: trafilatura.extract(html, include_comments=False),
    "trafilatura_precision": lambda html: trafilatura.extract(
        html, include_comments=False, favor_precision=True),
}


def run(pages: dict[str, str]) -> tuple[dict[str, dict[str, str]], dict[str, float]]:
    """Every extractor's text of every page, and each one's CPU seconds, interleaved."""
    first = next(iter(pages.values()))
    for extract in EXTRACTORS.values():  # warm-up: imports, caches, lazy setup
        extract(first)
    outputs: dict[str, dict[str, str]] = {name: {} for name in EXTRACTORS}
    seconds = dict.fromkeys(EXTRACTORS, 0.0)
    names = list(EXTRACTORS)
    for number, (key, html) in enumerate(pages.items(), 1):
        for name in names[number % 3:] + names[:number % 3]:  # no extractor always goes first
            start = time.process_time()
            outputs[name][key] = EXTRACTORS[name](html) or ""
            seconds[name] += time.process_time() - start
        if number % 30 == 0:
            print(f"  {number}/{len(pages)} pages", file=sys.stderr)
    return outputs, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the extraction-aeb folder")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (testing)")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        print(f"skipped: {args.data} is absent (the public datasets sit in ../shared beside a "
              "developer's checkout)", file=sys.stderr)
        print(json.dumps({"benchmark": "extraction_aeb", "skipped": f"{args.data} absent"}))
        return 0
    truth = {key: value.get("articleBody", "") for key, value in
             json.loads((args.data / "ground-truth.json").read_text("utf-8")).items()}
    reference = json.loads((args.data / "output-reference" / "trafilatura.json").read_text("utf-8"))
    published = score(truth, {key: value.get("articleBody") or ""
                              for key, value in reference["output"].items()})
    print(f"scorer check: output-reference/trafilatura.json F1 {published['f1']:.3f} "
          f"(published {PUBLISHED_F1})", file=sys.stderr)
    if abs(published["f1"] - PUBLISHED_F1) > 0.0015:
        print("the scorer does not reproduce the published F1: stopping", file=sys.stderr)
        return 1
    keys = sorted(truth)[: args.limit or None]
    pages = {key: gzip.decompress((args.data / "html" / f"{key}.html.gz").read_bytes())
             .decode("utf-8") for key in keys}
    outputs, seconds = run(pages)
    truth = {key: truth[key] for key in keys}
    line: dict[str, object] = {"benchmark": "extraction_aeb", "pages": len(pages),
                               "reference_trafilatura_f1": published["f1"]}
    for name in EXTRACTORS:
        line[name] = {**score(truth, outputs[name]),
                      "pages_per_second": round(len(pages) / seconds[name], 1)}
    captions = {key: wirecheck_text(html, captions=True) for key, html in pages.items()}
    line["wirecheck_with_captions"] = score(truth, captions)
    line["speed_ratio_wirecheck_to_trafilatura"] = round(
        seconds["trafilatura"] / seconds["wirecheck"], 3)
    line.update(trafilatura_version=trafilatura.__version__, python=platform.python_version(),
                machine=platform.machine(), timing="CPU seconds, interleaved per page in turns")
    print(json.dumps(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
