"""Story vectors: what an article is about, as a sparse unit vector, and its index keys.

Two channels of equal weight, each a sublinear TF times damped IDF, rows of unit length:
- words: the title twice (it names the event), then the body; English stop words dropped;
- names: every capitalised word that is not a stop word ("Kestrel", "Amberley", "Varga"); a
  capitalised word at the start of a sentence counts only if the text also capitalises it
  elsewhere (so "Fortunately" is no name, "Pompeo" is). Single words, so that "Helena Varga"
  and "Varga" meet.

The dot product of two rows is the mean of the two cosines. ``keys`` gives each row's heaviest
terms: articles that share none of them are never compared (the inverted index of the stream).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer
from sklearn.preprocessing import normalize

from ..types import Article

IDF_DAMPING = 5.0  # see weigh()
CAPITAL = re.compile(r"\b[A-Z][\w'\u2019-]*")
SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n)\s*[\"\u201c\u2018'(]?([A-Z][\w'\u2019-]*)")
POSSESSIVE = re.compile(r"['\u2019]s?$")


def weigh(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """Sublinear term frequency times a damped IDF, rows of unit length.

    idf = 1 + log((N + K) / (df + K)): with few articles (one story dominating a small batch)
    it stays near 1, so the story's own words are not discounted; with many it nears plain IDF.
    """
    counts = sparse.csr_matrix(counts, dtype=np.float64)
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = 1.0 + np.log((counts.shape[0] + IDF_DAMPING) / (df + IDF_DAMPING))
    counts.data = 1.0 + np.log(counts.data)
    return normalize(counts @ sparse.diags(idf), copy=False).tocsr()


def words_of(article: Article) -> str:
    """Title twice (it names the event), then the body."""
    title = article.title or ""
    return f"{title}\n{title}\n{article.text}"


def names_of(article: Article) -> str:
    """The capitalised words of title and text, one token each (see the module doc)."""
    text = f"{article.title or ''}\n{article.text}"
    starts = {m.start(1) for m in SENTENCE_START.finditer(text)}
    found = [(m.start(), POSSESSIVE.sub("", m.group(0))) for m in CAPITAL.finditer(text)]
    inside = {word for at, word in found if at not in starts}
    names = [word for at, word in found
             if word.lower() not in ENGLISH_STOP_WORDS and (at not in starts or word in inside)]
    return " ".join(names) or "_"


def story_vectors(articles: Sequence[Article]) -> sparse.csr_matrix:
    """Rows of unit length whose dot product is the mean of the two cosines."""
    if not articles:
        return sparse.csr_matrix((0, 0))
    body = CountVectorizer(stop_words="english", dtype=np.float64)
    names = CountVectorizer(token_pattern=r"\S+", lowercase=False, dtype=np.float64)
    parts = [weigh(body.fit_transform([words_of(a) for a in articles])),
             weigh(names.fit_transform([names_of(a) for a in articles]))]
    return (sparse.hstack(parts, format="csr") / np.sqrt(2.0)).tocsr()


def keys(vectors: sparse.csr_matrix, size: int) -> sparse.csr_matrix:
    """A 0/1 matrix: the ``size`` heaviest terms of each row (its entries in the index)."""
    rows, cols = [], []
    for row in range(vectors.shape[0]):
        start, end = vectors.indptr[row], vectors.indptr[row + 1]
        data = vectors.data[start:end]
        top = np.argsort(-data, kind="stable")[:size]
        cols.append(vectors.indices[start:end][top])
        rows.append(np.full(len(top), row))
    if not cols:
        return sparse.csr_matrix(vectors.shape)
    return sparse.csr_matrix((np.ones(sum(len(c) for c in cols)),
                              (np.concatenate(rows), np.concatenate(cols))), shape=vectors.shape)


def row_dots(vectors: sparse.csr_matrix, left: np.ndarray, right: np.ndarray,
             chunk: int = 20_000) -> np.ndarray:
    """Dot products of the row pairs (left[k], right[k])."""
    out = np.zeros(len(left))
    for start in range(0, len(left), chunk):
        a = vectors[left[start:start + chunk]]
        b = vectors[right[start:start + chunk]]
        out[start:start + chunk] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out
