"""Reused passages: runs of words one article shares with another, outside quotation marks.

Two reports that quote the same speaker share the quotation: that is not reuse. Two reports
that share a sentence of the reporter's own words, word for word, do not witness it twice: one
took it from the other (or both from a wire). ``shared_passages(a, b)`` finds every maximal run
of at least ``min_words`` equal words (case, Unicode form and quote style folded; punctuation
and spacing ignored) that lies outside the quoted words of both articles, and returns it as a
``Span`` in each article. Where the dates allow (different days, or different times on one day),
the earlier article is named as the passage's origin.

``reused_passages(articles)`` does the same for every pair of a set that shares at least one
``min_words``-gram, found through an inverted index of those n-grams (no all-pairs comparison).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from ..types import Article, Span
from .quotemarks import find_quoted

WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


@dataclass(frozen=True, slots=True)
class SharedPassage:
    """One passage found in both articles: ``a`` in the first, ``b`` in the second."""

    a: Span
    b: Span
    words: int
    origin: str | None  # id of the article that published it first, when the dates tell


@dataclass(frozen=True, slots=True)
class Tokens:
    """An article's words outside quotation marks (None inside them), with char offsets."""

    words: tuple[str | None, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def tokens(article: Article) -> Tokens:
    quoted = sorted((s, e) for f in find_quoted(article) for s, e in f.pieces)
    words: list[str | None] = []
    starts, ends = [], []
    k = 0
    for match in WORD.finditer(article.text):
        while k < len(quoted) and quoted[k][1] <= match.start():
            k += 1
        inside = k < len(quoted) and quoted[k][0] <= match.start() < quoted[k][1]
        text = unicodedata.normalize("NFKC", match.group(0)).lower().translate(APOSTROPHES)
        words.append(None if inside else text)
        starts.append(match.start())
        ends.append(match.end())
    return Tokens(tuple(words), tuple(starts), tuple(ends))


def ngrams(words: Sequence[str | None], size: int) -> dict[tuple[str, ...], list[int]]:
    """Start positions of every n-gram made only of unquoted words."""
    found: dict[tuple[str, ...], list[int]] = defaultdict(list)
    run = 0  # unquoted words ending at i
    for i, word in enumerate(words):
        run = run + 1 if word is not None else 0
        if run >= size:
            found[tuple(words[i - size + 1:i + 1])].append(i - size + 1)  # type: ignore[arg-type]
    return found


def origin_of(a: Article, b: Article) -> str | None:
    """The earlier article's id when the dates tell them apart; None otherwise.

    Different days decide; on one day, two ISO datetimes decide; a bare date does not.
    """
    first, second = a.published, b.published
    if not first or not second or first == second:
        return None
    if first[:10] != second[:10]:
        return a.id if first[:10] < second[:10] else b.id
    if len(first) > 10 and len(second) > 10:
        return a.id if first < second else b.id
    return None


def matching_runs(left: Tokens, right: Tokens, size: int) -> list[tuple[int, int, int]]:
    """(start in left, start in right, length) of maximal equal runs of ``size``+ words."""
    index = ngrams(right.words, size)
    runs = []
    i = 0
    while i <= len(left.words) - size:
        starts = index.get(tuple(left.words[i:i + size]))  # type: ignore[arg-type]
        if not starts:
            i += 1
            continue
        best = max(((_extend(left.words, right.words, i, j), j) for j in starts),
                   key=lambda pair: (pair[0], -pair[1]))
        runs.append((i, best[1], best[0]))
        i += best[0]
    return runs


def _extend(left: Sequence[str | None], right: Sequence[str | None], i: int, j: int) -> int:
    length = 0
    while (i + length < len(left) and j + length < len(right)
           and left[i + length] is not None and left[i + length] == right[j + length]):
        length += 1
    return length


def shared_passages(a: Article, b: Article, min_words: int = 12,
                    cache: dict[str, Tokens] | None = None) -> list[SharedPassage]:
    """Every passage of ``min_words``+ words outside quotation marks that ``a`` shares with
    ``b``, in the order of ``a``, as spans in both articles."""
    cache = {} if cache is None else cache
    for article in (a, b):
        if article.id not in cache:
            cache[article.id] = tokens(article)
    left, right = cache[a.id], cache[b.id]
    origin = origin_of(a, b)
    return [SharedPassage(a=Span(a.id, left.starts[i], left.ends[i + n - 1]),
                          b=Span(b.id, right.starts[j], right.ends[j + n - 1]),
                          words=n, origin=origin)
            for i, j, n in matching_runs(left, right, min_words)]


def reused_passages(articles: Sequence[Article], min_words: int = 12) -> list[SharedPassage]:
    """Shared passages of every pair of ``articles`` that has one (pairs in input order)."""
    cache = {a.id: tokens(a) for a in articles}
    owners: dict[int, set[int]] = defaultdict(set)
    for n, article in enumerate(articles):
        for gram in ngrams(cache[article.id].words, min_words):
            owners[hash(gram)].add(n)
    pairs = {pair for group in owners.values() if len(group) > 1
             for pair in combinations(sorted(group), 2)}
    found: list[SharedPassage] = []
    for x, y in sorted(pairs):
        found.extend(shared_passages(articles[x], articles[y], min_words, cache))
    return found
