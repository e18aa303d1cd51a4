"""Does one sentence state what another states? The comparison's judge of support.

A logistic head (``head_paraphrase.json``, written by ``scripts/train_paraphrase.py`` from the
MSRP train pairs: 4,076 pairs of news sentences about one story, labelled paraphrase or not)
over six lexical features of the pair:

- ``overlap``: the content-word overlap of ``text.similarity.overlap_score`` (0-100);
- ``ratio`` and ``partial``: rapidfuzz's edit similarity of the two lower-cased sentences and of
  the shorter against its best-matching stretch of the longer (0-100);
- ``numbers_apart`` and ``numbers_shared``: how many numbers one sentence has and the other
  lacks, and how many both have ("$2.5 billion" / "$1.8 billion" are told apart);
- ``unmatched``: the most content words either sentence has that the other lacks (one sentence
  adding a clause of its own is no restatement).

On MSRP train, 10-fold cross-validated (``benchmarks/paraphrase_msrp.py``), it tells paraphrases
apart with accuracy 0.75, against 0.72 for the content-word overlap alone at its best cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rapidfuzz import fuzz

from ..text.similarity import content_words, overlap_score
from .head import Head, load_head

FEATURES = ("overlap", "ratio", "partial", "numbers_apart", "numbers_shared", "unmatched")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
FLOOR = 20.0  # below this overlap the head is not asked: no MSRP paraphrase pair is under it
SUPPORT = 0.5  # the probability at which a sentence states what another does


def pair_features(a: str, b: str, words_a: set[str] | None = None,
                  words_b: set[str] | None = None) -> list[float]:
    """The head's features of a pair of sentences, in the order of ``FEATURES``."""
    wa = content_words(a) if words_a is None else words_a
    wb = content_words(b) if words_b is None else words_b
    la, lb = a.lower(), b.lower()
    na, nb = set(NUMBER.findall(a)), set(NUMBER.findall(b))
    shared = len(wa & wb)
    return [overlap_score(wa, wb), fuzz.ratio(la, lb), fuzz.partial_ratio(la, lb),
            float(len(na ^ nb)), float(len(na & nb)),
            float(max(len(wa) - shared, len(wb) - shared))]


def same_statement(a: str, b: str, words_a: set[str] | None = None,
                   words_b: set[str] | None = None, head: Head | None = None) -> float:
    """The probability that ``a`` and ``b`` state the same thing (0 under ``FLOOR`` overlap);
    ``head``: another head than the shipped one (the benchmark's cross-validation folds)."""
    wa = content_words(a) if words_a is None else words_a
    wb = content_words(b) if words_b is None else words_b
    if overlap_score(wa, wb) < FLOOR:
        return 0.0
    return (head or load_head("paraphrase")).probability(pair_features(a, b, wa, wb))


def stated_by(claim: str, other: str, words_claim: set[str] | None = None,
            words_other: set[str] | None = None) -> float:
    """How surely ``other`` states ``claim``: 1 when it has every content word and every number
    of the claim (three words or more), else ``same_statement``. A sentence that says the claim
    and adds a reason of its own states it ("voted against the bill on Friday, citing its cost"
    states "voted against the bill on Friday"), though it is no paraphrase of it."""
    wc = content_words(claim) if words_claim is None else words_claim
    wo = content_words(other) if words_other is None else words_other
    if len(wc) >= 3 and wc <= wo and set(NUMBER.findall(claim)) <= set(NUMBER.findall(other)):
        return 1.0
    return same_statement(claim, other, wc, wo)


def fit(pairs: Sequence[tuple[int, str, str]]) -> dict[str, Any]:
    """A logistic head fitted on (label, sentence 1, sentence 2) pairs (scikit-learn)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x = np.array([pair_features(a, b) for _, a, b in pairs], dtype=float)
    y = np.array([label for label, _, _ in pairs])
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(max_iter=2000).fit(scaler.transform(x), y)
    return {"kind": "logistic", "features": list(FEATURES), "threshold": SUPPORT,
            "mean": [round(float(v), 6) for v in scaler.mean_],
            "scale": [round(float(v), 6) for v in scaler.scale_],
            "coef": [round(float(v), 6) for v in model.coef_[0]],
            "intercept": round(float(model.intercept_[0]), 6)}
