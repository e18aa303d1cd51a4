"""Paraphrase alignment on MSRP train: does the comparison's support judge tell restatements apart?

Data (read from ../shared/data, never copied): the 4,076 MSRP train pairs of news sentences from
one story, label 1 = paraphrase (67.5 %). The official test split is held out (not here), so the
learned judge is measured by 10-fold cross-validation on train (stratified, shuffled with seed 0;
each fold's head is fitted by ``consistency.paraphrase.fit``, the function that trains the
shipped head, on the other nine folds).

In one run, on the same pairs, accuracy, F1, precision and recall (of the paraphrase class) of:
- ``always_yes``: every pair a paraphrase (the F1 anchor, 79.9);
- ``tfidf_cosine``: scikit-learn's default TF-IDF over all the sentences, cosine at the best
  single cut on this file (an anchor: measured 71.2 / 80.0 in EVALUATION.md);
- ``overlap``: ``text.similarity.overlap_score`` at ``[compare] support_threshold`` (the judge of
  support before the learned one) and at its best cut on this file;
- ``head_cv``: the learned judge, cross-validated (the result); ``head_shipped``: the shipped
  ``head_paraphrase.json`` on the pairs it was trained on (in-sample, not a result).

Target (EVALUATION.md): accuracy >= 80 on the official test; nothing here measures that split.
Prints one JSON line; skips with a message where ../shared is absent.
Usage: .venv/bin/python benchmarks/paraphrase_msrp.py
"""

from __future__ import annotations

import datetime
import json
import platform
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import StratifiedKFold

from wirecheck.config import load_settings
from wirecheck.consistency.head import Head
from wirecheck.consistency.paraphrase import fit, same_statement
from wirecheck.text.similarity import overlap_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from train_paraphrase import MSRP, msrp_pairs  # noqa: E402


def scores(labels: list[int], predicted: list[bool]) -> dict[str, float]:
    tp = sum(p and y == 1 for y, p in zip(labels, predicted, strict=True))
    fp = sum(p and y == 0 for y, p in zip(labels, predicted, strict=True))
    fn = sum(not p and y == 1 for y, p in zip(labels, predicted, strict=True))
    accuracy = sum(p == (y == 1) for y, p in zip(labels, predicted, strict=True)) / len(labels)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"accuracy": round(100 * accuracy, 1), "f1": round(100 * f1, 1),
            "precision": round(100 * tp / (tp + fp), 1) if tp + fp else 0.0,
            "recall": round(100 * tp / (tp + fn), 1) if tp + fn else 0.0}


def best_cut(labels: list[int], values: list[float]) -> tuple[float, dict[str, float]]:
    best: tuple[float, dict[str, float]] = (0.0, {"accuracy": 0.0})
    for cut in sorted(set(values)):
        result = scores(labels, [v >= cut for v in values])
        if result["accuracy"] > best[1]["accuracy"]:
            best = (cut, result)
    return best


def main() -> int:
    if not MSRP.exists():
        print(f"skipped: {MSRP} is absent (the shared dev data beside the repository)")
        return 0
    started = time.perf_counter()
    pairs = msrp_pairs()
    labels = [label for label, _, _ in pairs]
    out: dict[str, object] = {"benchmark": "paraphrase_msrp", "pairs": len(pairs),
                              "paraphrases": sum(labels)}
    out["always_yes"] = scores(labels, [True] * len(pairs))
    vectorizer = TfidfVectorizer().fit([a for _, a, _ in pairs] + [b for _, _, b in pairs])
    va, vb = vectorizer.transform([a for _, a, _ in pairs]), vectorizer.transform(
        [b for _, _, b in pairs])
    cosine = np.asarray(va.multiply(vb).sum(axis=1)).ravel().tolist()
    cut, result = best_cut(labels, cosine)
    out["tfidf_cosine"] = {**result, "cut": round(cut, 3)}
    overlap = [overlap_score(a, b) for _, a, b in pairs]
    threshold = float(load_settings()["compare"]["support_threshold"])
    cut, result = best_cut(labels, overlap)
    out["overlap"] = {**scores(labels, [v >= threshold for v in overlap]),
                      "threshold": threshold, "best": {**result, "cut": round(cut, 1)}}
    predicted = [False] * len(pairs)
    folds = StratifiedKFold(n_splits=10, shuffle=True, random_state=0)
    for train, test in folds.split(np.zeros(len(labels)), labels):
        data = fit([pairs[i] for i in train])
        head = Head("fold", "logistic", tuple(data["features"]), 0.5, data)
        for i in test:
            _, a, b = pairs[i]
            predicted[i] = same_statement(a, b, head=head) >= head.threshold
    out["head_cv"] = scores(labels, predicted)
    out["head_shipped"] = {**scores(labels, [same_statement(a, b) >= 0.5 for _, a, b in pairs]),
                           "in_sample": True}
    out["target_accuracy"] = 80.0
    out.update(date=datetime.date.today().isoformat(), machine=platform.machine(),
               python=platform.python_version(),
               seconds=round(time.perf_counter() - started, 1))
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
