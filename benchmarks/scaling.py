"""Scaling: dedup + story clustering on 1k, 4k and 16k articles synthesised from the dev corpora.

Synthesis (in memory, fixed seed): the 350 articles of BASIL and NewsWCL50 give 110 events and
their paragraphs. A synthetic story takes the next event of a shuffled cycle (so one event comes
back only after 110 stories, about nine days later) and has 1 to 6 articles; each article takes
30-50 % of the event's pooled paragraphs in a random order, one of the event's titles, and the
story's day. Twelve stories start each day (about 42 articles a day: a steady stream, so longer
streams span more days). One article in ten is followed by a copy with junk lines added.

Each size runs in a fresh subprocess: wall and CPU seconds of DuplicateGrouper.run and
StoryClusterer.run, and peak resident memory (ru_maxrss) with the resident memory before the
stages. The exponent is the least-squares slope of log(CPU seconds) against log(N) (CPU time,
because this machine is shared and wall time is noisy). Target: exponent <= 1.15.
Prints one JSON line; skips where ../shared is absent.
Usage: .venv/bin/python benchmarks/scaling.py [--sizes 1000,4000,16000]
"""

from __future__ import annotations

import json
import platform
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from clustering import BASIL, NEWSWCL, load_basil, load_newswcl, make_article
from wirecheck.stages.cluster import StoryClusterer
from wirecheck.stages.dedup import DuplicateGrouper
from wirecheck.types import Article

SIZES = (1000, 4000, 16000)
SEED = 5
STORIES_PER_DAY = 12
START = date(2021, 1, 1)


def events() -> list[tuple[list[str], list[str]]]:
    """(paragraphs, titles) of each dev event."""
    pooled: dict[str, tuple[list[str], list[str]]] = {}
    for article, gold in [*load_basil(), *[(a, f"wcl{g}") for a, g in load_newswcl()]]:
        paragraphs, titles = pooled.setdefault(gold, ([], []))
        paragraphs.extend(article.text[p.start:p.end] for p in article.paragraphs)
        titles.append(article.title or paragraphs[0][:80])
    return list(pooled.values())


def synthesise(size: int) -> list[Article]:
    rng = random.Random(SEED)
    pool = events()
    cycle: list[int] = []
    articles: list[Article] = []
    story = 0
    while len(articles) < size:
        if not cycle:
            cycle = rng.sample(range(len(pool)), len(pool))
        paragraphs, titles = pool[cycle.pop()]
        day = (START + timedelta(days=story // STORIES_PER_DAY)).isoformat()
        for n in range(rng.randint(1, 6)):
            body = rng.sample(paragraphs, max(1, int(len(paragraphs) * rng.uniform(0.3, 0.5))))
            key = f"s{story}-a{n}"
            articles.append(make_article(key, body, rng.choice(titles), day, f"outlet{n}"))
            if rng.random() < 0.1:
                junk = ["Share this article", *body, "All rights reserved."]
                articles.append(make_article(f"{key}-copy", junk, None, day, "copies.example"))
        story += 1
    rng.shuffle(articles)
    return articles[:size]


def resident_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def timed(step: object) -> tuple[list[object], float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = list(step())  # type: ignore[operator]
    return result, time.perf_counter() - wall, time.process_time() - cpu


def run_one(size: int) -> dict[str, float]:
    articles = synthesise(size)
    before = resident_mb()
    groups, dedup_wall, dedup_cpu = timed(lambda: DuplicateGrouper().run({"article": articles}))
    stories, cluster_wall, cluster_cpu = timed(
        lambda: StoryClusterer().run({"article": articles, "duplicate_group": groups}))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"n": size, "duplicate_groups": len(groups), "stories": len(stories),
            "dedup_s": round(dedup_wall, 2), "cluster_s": round(cluster_wall, 2),
            "cpu_s": round(dedup_cpu + cluster_cpu, 2),
            "wall_s": round(dedup_wall + cluster_wall, 2),
            "rss_before_mb": round(before), "peak_rss_mb": round(peak)}


def exponent(rows: list[dict[str, float]], key: str) -> float:
    slope = np.polyfit(np.log([r["n"] for r in rows]), np.log([r[key] for r in rows]), 1)[0]
    return round(float(slope), 3)


def main() -> None:
    if "--one" in sys.argv:
        print(json.dumps(run_one(int(sys.argv[sys.argv.index("--one") + 1]))))
        return
    if not BASIL.exists() or not NEWSWCL.exists():
        print(json.dumps({"benchmark": "scaling", "skipped": "../shared/data is absent"}))
        return
    sizes = SIZES
    if "--sizes" in sys.argv:
        sizes = tuple(int(x) for x in sys.argv[sys.argv.index("--sizes") + 1].split(","))
    rows = []
    for size in sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(size)], check=True,
                              capture_output=True, text=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(json.dumps({"benchmark": "scaling", "machine": platform.machine(), "cores": 2,
                      "python": platform.python_version(), "seed": SEED,
                      "stories_per_day": STORIES_PER_DAY, "runs": rows,
                      "exponent_cpu": exponent(rows, "cpu_s"),
                      "exponent_wall": exponent(rows, "wall_s")}))


if __name__ == "__main__":
    main()
