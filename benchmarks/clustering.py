"""Story clustering on the dev events: StoryClusterer against a TF-IDF agglomerative baseline.

Corpora (read from ../shared/data, never copied into the repository; loaded by ``_corpora.py``,
articles built directly from the paragraphs, not through the Cleaner):
- BASIL: 300 articles = 100 events x 3 outlets; gold story = ``triplet-uuid``; title, date, body.
- NewsWCL50: 50 articles = 10 events x 5 outlets, rebuilt from the CoNLL tokens (a ``\\n`` token
  ends a paragraph); gold story = the leading event number of the doc id. No title is given (the
  first line stays in the body); the date is the one in the article's URL (``urls.tsv``).

Each corpus is shuffled with a fixed seed into one stream and clustered as a whole, with no
duplicate groups. Metrics: B-cubed precision / recall / F1 (per article, averaged), pairwise F1
(pairs of articles put together) and the adjusted Rand index.

Baseline, same run, same inputs: TF-IDF (English stop words, sublinear tf) of title + body,
agglomerative clustering with average linkage on cosine distance; its distance threshold is the
best of a grid on BASIL (in-sample, as the anchor in EVALUATION.md) and reused on NewsWCL50.

Prints one JSON line; skips with a message where ../shared is absent.
Usage: .venv/bin/python benchmarks/clustering.py
"""

from __future__ import annotations

import json
import platform
import random
import sys
import time
from collections import defaultdict
from itertools import combinations

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score

from _corpora import BASIL, DATA, NEWSWCL, Labelled, basil_records, labelled, newswcl_records
from _corpora import make_article as make_article  # re-exported: dedup.py, scaling.py use it
from wirecheck.config import Settings, load_settings
from wirecheck.stages.cluster import StoryClusterer

SEED = 13
SWEEP = (0.12, 0.18)  # wirecheck's threshold either side of the shipped one: a plateau or a peak?
BASELINE_GRID = [round(0.50 + 0.02 * i, 2) for i in range(21)]  # cosine distance 0.50 .. 0.90


def load_basil() -> Labelled:
    """BASIL as (article, triplet-uuid), in file order (dedup.py and scaling.py use it too)."""
    return labelled(basil_records())


def load_newswcl() -> Labelled:
    """NewsWCL50 as (article, event number), in CoNLL order (scaling.py uses it too)."""
    return labelled(newswcl_records())


def shuffled(rows: Labelled) -> Labelled:
    rows = list(rows)
    random.Random(SEED).shuffle(rows)
    return rows


def bcubed(predicted: list[int], gold: list[str]) -> dict[str, float]:
    by_pred: dict[int, set[int]] = defaultdict(set)
    by_gold: dict[str, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        shared = len(by_pred[p] & by_gold[g])
        precision += shared / len(by_pred[p])
        recall += shared / len(by_gold[g])
    precision, recall = precision / len(gold), recall / len(gold)
    return {"p": precision, "r": recall, "f1": 2 * precision * recall / (precision + recall)}


def pairwise_f1(predicted: list[int], gold: list[str]) -> float:
    pairs = list(combinations(range(len(gold)), 2))
    pred = {(i, j) for i, j in pairs if predicted[i] == predicted[j]}
    true = {(i, j) for i, j in pairs if gold[i] == gold[j]}
    if not pred or not true:
        return 0.0
    p, r = len(pred & true) / len(pred), len(pred & true) / len(true)
    return 2 * p * r / (p + r) if p + r else 0.0


def scores(predicted: list[int], gold: list[str]) -> dict[str, float]:
    b3 = bcubed(predicted, gold)
    return {"b3_p": round(b3["p"], 4), "b3_r": round(b3["r"], 4), "b3_f1": round(b3["f1"], 4),
            "pair_f1": round(pairwise_f1(predicted, gold), 4),
            "ari": round(float(adjusted_rand_score(gold, predicted)), 4),
            "stories": len(set(predicted))}


def cluster(rows: Labelled, settings: Settings | None = None) -> list[int]:
    stories = StoryClusterer(settings).run({"article": [a for a, _ in rows],
                                             "duplicate_group": []})
    label = {aid: n for n, story in enumerate(stories) for aid in story.article_ids}
    return [label[a.id] for a, _ in rows]


def baseline(rows: Labelled, threshold: float) -> list[int]:
    texts = [f"{a.title or ''}\n{a.text}" for a, _ in rows]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                    distance_threshold=threshold)
    return [int(x) for x in model.fit_predict(np.asarray(matrix.todense()))]


def tune_baseline(rows: Labelled) -> float:
    gold = [g for _, g in rows]
    return max(BASELINE_GRID, key=lambda t: bcubed(baseline(rows, t), gold)["f1"])


def errors(rows: Labelled, predicted: list[int]) -> list[list[str]]:
    """Predicted stories that are not exactly one gold story: [source (gold), ...]."""
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(predicted):
        members[label].append(i)
    gold_size: dict[str, int] = defaultdict(int)
    for _, g in rows:
        gold_size[g] += 1
    wrong = []
    for idx in members.values():
        golds = {rows[i][1] for i in idx}
        if len(golds) > 1 or len(idx) != gold_size[rows[idx[0]][1]]:
            wrong.append([f"{rows[i][0].source} ({rows[i][1][:6]})" for i in idx])
    return wrong


def main() -> None:
    if not BASIL.exists() or not NEWSWCL.exists():
        print(json.dumps({"benchmark": "clustering",
                          "skipped": f"{DATA} is absent (dev data beside a developer checkout)"}))
        return
    corpora = {"basil": shuffled(load_basil()), "newswcl50": shuffled(load_newswcl())}
    threshold = tune_baseline(corpora["basil"])
    line: dict[str, object] = {"benchmark": "clustering", "machine": platform.machine(),
                               "cores": 2, "python": platform.python_version(), "seed": SEED,
                               "cluster_settings": load_settings()["cluster"],
                               "baseline_distance_threshold": threshold}
    for name, rows in corpora.items():
        gold = [g for _, g in rows]
        start = time.perf_counter()
        predicted = cluster(rows)
        seconds = time.perf_counter() - start
        sweep = {str(t): scores(cluster(rows, load_settings(cluster={"threshold": t})),
                                gold)["b3_f1"] for t in SWEEP}
        line[name] = {"articles": len(rows), "events": len(set(gold)),
                      "wirecheck": {**scores(predicted, gold), "seconds": round(seconds, 3)},
                      "wirecheck_b3_f1_at_threshold": sweep,
                      "baseline": scores(baseline(rows, threshold), gold)}
        if "-v" in sys.argv:
            for story in errors(rows, predicted):
                print(name, story, file=sys.stderr)
    print(json.dumps(line))


if __name__ == "__main__":
    main()
