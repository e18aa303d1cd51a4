"""Inconsistencies within one report on real clusters: false alarms on unchanged articles, and
recall of one injected self-contradiction.

Corpora and pipeline as ``conflicts_injected.py`` (BASIL, 100 events x 3 outlets; NewsWCL50,
10 events x 5 outlets; read from ../shared/data, never copied).
1. Control: every inconsistency the report lists for an unchanged cluster is a false alarm
   (real published articles; none is known to contradict itself). Reported per article.
2. Injected, at most one per cluster: two sentences of one independent article that say the
   same thing (content words overlapping at ``Differ.close``, the mean of the align and support
   thresholds, as the detector uses) and give the same count
   of one thing or the same day; the value in the later of the two is changed, as the
   conflicts benchmark changes it (a count x 2 + 3, a weekday two days on, a day of month +3).
   The target is drawn with a seeded random choice among the eligible pairs. Detected: a new
   inconsistency of that kind whose sides are spans of the changed article, one of them in
   the changed sentence.

Prints one JSON line; skips with a message where ../shared is absent. ``--details FILE`` writes
one JSON line per control inconsistency and per injection.
Usage: .venv/bin/python benchmarks/inconsistency_injected.py [--details FILE] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpora  # noqa: E402
import conflicts_injected as ci  # noqa: E402
from wirecheck.stages.aligned import inside, same_count  # noqa: E402
from wirecheck.text.similarity import content_words, overlap_score  # noqa: E402
from wirecheck.types import Fact  # noqa: E402

SEED = 20261207


def targets(c: ci.Control, threshold: float) -> list[tuple[str, Fact, str]]:
    """(kind, fact to change, the other sentence) for each pair of closely aligned sentences
    of one independent article sharing a count or a day; the fact is the later sentence's."""
    found = []
    claims = [cl for cl in c.claims if c.sources.source_of.get(cl.article_id) == cl.article_id]
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if b.article_id != a.article_id or overlap_score(
                    content_words(a.text), content_words(b.text)) < threshold:
                continue
            later = b if b.span.start > a.span.start else a
            earlier = a if later is b else b
            of = {x.id: [f for f in c.facts if inside(f.span, x.span)] for x in (a, b)}
            for g in of[later.id]:
                for f in of[earlier.id]:
                    if f.kind == g.kind == "number" and f.normalized == g.normalized \
                            and same_count(f, g):
                        found.append(("number", g, earlier.text))
                    elif f.kind == g.kind == "date" and f.normalized == g.normalized \
                            and len(f.normalized or "") == 10:
                        found.append(("date", g, earlier.text))
    return found


def run(c: ci.Control, kind: str, fact: Fact, other: str) -> dict[str, Any] | None:
    edit = (ci.number_edit if kind == "number" else ci.date_edit)(c, fact)
    if edit is None:
        return None
    modified, _, story = ci.rerun(c, edit, ci._WORKER["pipe"])
    s1, e1 = ci.sentence_around(modified, edit.start, edit.start + max(len(edit.new), 1))
    detected = any(
        x["type"] == kind and all(s["article_ids"] == [modified.id] for s in x["sides"])
        and any(sp["start"] < e1 and s1 < sp["end"] for s in x["sides"] for sp in s["spans"])
        for x in story.get("inconsistencies", []))
    return {"cluster": c.name, "kind": kind, "detected": detected,
            "after": modified.text[s1:e1], "other": other,
            "found": story.get("inconsistencies", [])}


def process(job: tuple[str, list[dict[str, Any]]]) -> dict[str, Any]:
    name, records = job
    settings = ci._WORKER["settings"]
    control = ci.run_control(name, _corpora.clean_articles(records, settings), ci._WORKER["pipe"])
    alarms = [{"control": name, "type": x["type"], "topic": x["topic"],
               "values": [s["value"] for s in x["sides"]]}
              for x in control.story.get("inconsistencies", [])]
    conf = settings["compare"]
    found = targets(control, (float(conf["align_threshold"]) + float(conf["support_threshold"]))
                    / 2)
    outcome = None
    for kind, fact, other in random.Random(f"{SEED}-{name}").sample(found, len(found)):
        outcome = run(control, kind, fact, other)
        if outcome is not None:
            break
    return {"articles": len(control.articles), "alarms": alarms, "outcome": outcome}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--details", type=Path, help="write one JSON line per finding")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    args = parser.parse_args()
    if not _corpora.available():
        print(_corpora.skipped("inconsistency_injected"))
        return
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(args.jobs, ci._start_worker) as pool:
        results = list(pool.imap(process, ci.clusters(None), chunksize=1))
    outcomes = [r["outcome"] for r in results if r["outcome"] is not None]
    alarms = [a for r in results for a in r["alarms"]]
    if args.details:
        with args.details.open("w", encoding="utf-8") as out:
            for row in (*alarms, *outcomes):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    articles = sum(r["articles"] for r in results)
    by_kind = {k: [o for o in outcomes if o["kind"] == k] for k in ("number", "date")}
    print(json.dumps({
        "benchmark": "inconsistency_injected", "machine": platform.machine(),
        "python": platform.python_version(), "seed": SEED, "clusters": len(results),
        "articles": articles,
        "control": {"false_alarms": len(alarms),
                    "per_article": round(len(alarms) / articles, 4) if articles else None},
        "injected": {"eligible": len(outcomes),
                     "recall": round(sum(o["detected"] for o in outcomes) / len(outcomes), 3)
                     if outcomes else None,
                     **{k: {"eligible": len(v),
                            "recall": round(sum(o["detected"] for o in v) / len(v), 3)
                            if v else None} for k, v in by_kind.items()}},
        "seconds": round(time.perf_counter() - started, 1),
    }))


if __name__ == "__main__":
    main()
