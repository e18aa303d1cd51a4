"""The learned heads, stored as JSON beside this module and evaluated in plain Python.

Three kinds, written by ``scripts/train_consistency.py``:

- ``logistic``: ``{"features", "mean", "scale", "coef", "intercept"}``;
- ``trees``: gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier, exported):
  ``{"features", "baseline", "trees": [{"f", "t", "l", "r", "v"}, ...]}`` where node ``i`` is a
  leaf when ``f[i] < 0`` (value ``v[i]``), else goes to ``l[i]`` when ``x[f[i]] <= t[i]``;
- ``cross``: the cross-encoder's probability, the first value of the row, taken as it is
  (``{"features": ["cross", ...]}``; the weights are ``cross_lora.npz``).

Each head also carries its decision ``threshold`` on the probability.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Head:
    name: str
    kind: str
    features: tuple[str, ...]
    threshold: float
    data: dict[str, Any]

    def probability(self, x: list[float]) -> float:
        if self.kind == "cross":
            return min(1.0, max(0.0, float(x[0])))
        if len(x) != len(self.features):
            raise ValueError(f"head {self.name} takes {len(self.features)} features, got {len(x)}")
        if self.kind == "logistic":
            d = self.data
            z = d["intercept"] + sum(c * (v - m) / s for c, v, m, s in zip(
                d["coef"], x, d["mean"], d["scale"], strict=True))
        else:
            z = self.data["baseline"] + sum(_leaf(tree, x) for tree in self.data["trees"])
        z = max(-30.0, min(30.0, z))
        return 1.0 / (1.0 + math.exp(-z))


def _leaf(tree: dict[str, list[Any]], x: list[float]) -> float:
    f, t, left, right, v = tree["f"], tree["t"], tree["l"], tree["r"], tree["v"]
    i = 0
    while f[i] >= 0:
        i = left[i] if x[f[i]] <= t[i] else right[i]
    return float(v[i])


@lru_cache(maxsize=4)
def load_head(name: str) -> Head:
    """``head_<name>.json`` shipped in this package."""
    text = resources.files("wirecheck.consistency").joinpath(f"head_{name}.json").read_text(
        "utf-8")
    data = json.loads(text)
    return Head(name, data.get("kind", "logistic"), tuple(data["features"]),
                float(data.get("threshold", 0.5)), data)


def export_trees(model: Any, features: list[str]) -> dict[str, Any]:
    """A fitted binary HistGradientBoostingClassifier as a ``trees`` head (no NaN inputs)."""
    trees = []
    for predictors in model._predictors:
        nodes = predictors[0].nodes
        trees.append({
            "f": [int(n["feature_idx"]) if not n["is_leaf"] else -1 for n in nodes],
            "t": [round(float(n["num_threshold"]), 6) for n in nodes],
            "l": [int(n["left"]) for n in nodes],
            "r": [int(n["right"]) for n in nodes],
            "v": [round(float(n["value"]), 6) for n in nodes],
        })
    baseline = float(model._baseline_prediction.ravel()[0])
    return {"kind": "trees", "features": features, "baseline": round(baseline, 6),
            "trees": trees}
