"""Statement checking on SummEdits (news dev): balanced accuracy of ``check_statement``.

Data (read from ../shared/data, never copied into the repository): 133 (document, statement)
pairs over 4 news documents, label 1 = consistent, 0 = inconsistent.

In one run, on the same pairs:
- ``word_overlap``: the baseline, share of the statement's content words found in the
  document; its threshold is the best single one on this file (an anchor, as in the paper);
- ``lexical``: the default checker (gradient-boosted trees over the symbolic features, capped
  by the symbolic cues: flipped negation, antonym, number or date not in the document);
- ``minilm``: where the ``nli`` extra and trained weights (``cross_lora.npz``, not shipped) are
  there, the MiniLM cross-encoder (numpy inference) reading "evidence [SEP] statement", capped
  by the same cues; ``cross_alone``: its probability without the cues. Absent otherwise.

For each checker: balanced accuracy at the head's shipped threshold (``bacc``), ROC AUC of the
score, and the best balanced accuracy over single thresholds on this file with that threshold
(``bacc_best``, ``threshold_best``): the only thing ever tuned on this file.

Prints one JSON line; skips with a message where ../shared is absent.
Usage: .venv/bin/python benchmarks/consistency_summedits.py
"""

from __future__ import annotations

import datetime
import json
import platform
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from wirecheck.consistency import check_many, word_overlap
from wirecheck.consistency.head import load_head

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
FILE = DATA / "consistency-summedits" / "summedits_news_dev.json"


def balanced_accuracy(labels: list[int], predicted: list[int]) -> float:
    pos = [p for y, p in zip(labels, predicted, strict=True) if y == 1]
    neg = [p for y, p in zip(labels, predicted, strict=True) if y == 0]
    tpr = sum(pos) / len(pos) if pos else 0.0
    tnr = sum(1 - p for p in neg) / len(neg) if neg else 0.0
    return (tpr + tnr) / 2


def auc(labels: list[int], scores: list[float]) -> float:
    pos = [s for y, s in zip(labels, scores, strict=True) if y == 1]
    neg = [s for y, s in zip(labels, scores, strict=True) if y == 0]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg)) if pos and neg else 0.5


def best_threshold(labels: list[int], scores: list[float]) -> tuple[float, float]:
    cuts = sorted(set(scores))
    best = (0.0, 0.5)
    for lo, hi in zip([cuts[0] - 1e-6, *cuts], [*cuts, cuts[-1] + 1e-6], strict=True):
        cut = (lo + hi) / 2
        value = balanced_accuracy(labels, [int(s >= cut) for s in scores])
        if value > best[0]:
            best = (value, cut)
    return best


def summary(labels: list[int], scores: list[float], threshold: float | None,
            items: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"auc": round(auc(labels, scores), 4)}
    if threshold is not None:
        predicted = [int(s >= threshold) for s in scores]
        out["threshold"] = round(threshold, 4)
        out["bacc"] = round(100 * balanced_accuracy(labels, predicted), 1)
        by_edit: dict[str, list[int]] = defaultdict(list)
        for item, p in zip(items, predicted, strict=True):
            if item["label"] == 0:
                for edit in item["edit_types"] or ["none"]:
                    by_edit[edit].append(1 - p)
        out["caught_by_edit"] = {k: f"{sum(v)}/{len(v)}" for k, v in sorted(by_edit.items())}
        out["consistent_kept"] = (
            f"{sum(p for i, p in zip(items, predicted, strict=True) if i['label'] == 1)}"
            f"/{sum(1 for i in items if i['label'] == 1)}")
    value, cut = best_threshold(labels, scores)
    out["bacc_best"] = round(100 * value, 1)
    out["threshold_best"] = round(cut, 4)
    return out


def main() -> int:
    if not FILE.exists():
        print(json.dumps({"benchmark": "consistency_summedits",
                          "skipped": f"{FILE} is absent (dev data beside a developer checkout)"}))
        return 0
    items = json.loads(FILE.read_text("utf-8"))
    labels = [int(i["label"]) for i in items]
    pairs = [(i["summary"], i["doc"]) for i in items]
    line: dict[str, Any] = {
        "benchmark": "consistency_summedits", "n": len(items),
        "consistent": sum(labels), "date": datetime.date.today().isoformat(),
        "machine": platform.machine(), "python": platform.python_version(),
    }
    overlap = [word_overlap(s, d) for s, d in pairs]
    line["word_overlap"] = summary(labels, overlap, None, items)
    from wirecheck.consistency import cross

    for method in ("lexical", "minilm"):
        if method == "minilm" and not cross.available():
            line[method] = ("absent: needs pip install 'wirecheck[nli]' and trained weights "
                            "(python scripts/train_consistency.py --cross)")
            continue
        t0 = time.time()
        verdicts = check_many(pairs, method=method)  # type: ignore[arg-type]
        line[method] = summary(labels, [v.score for v in verdicts], load_head(method).threshold,
                               items)
        line[method]["seconds"] = round(time.time() - t0, 1)
        if method == "minilm":
            line["cross_alone"] = summary(labels, [v.features["cross"] for v in verdicts],
                                          load_head(method).threshold, items)
    print(json.dumps(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
