"""Stories: a windowed similarity graph built in date order, then average-linkage agglomeration.

1. Stream pass. Articles (a duplicate group counts as its canonical; copies follow it) are taken
   in date order. Each is compared, through an inverted index of the heaviest terms of its story
   vector (``text/storyvec.py``: words and names), with the articles still hot: those at most
   ``window_days`` older, plus the undated ones, which are always hot. Articles that left the
   window leave the index. The similarity of two dated articles decays with the days between
   them, ``cosine * (1 - days / (2 * window_days))``: one week apart it counts half, beyond the
   window nothing. Pairs above half the threshold become edges of a graph.
2. Batch pass. Average-linkage agglomeration on that graph (a missing edge counts 0): the two
   stories with the highest mean pairwise similarity merge while it reaches ``threshold``. Two
   established stories (two articles or more each) merge only if that mean also reaches
   ``cohesion`` times the mean similarity within the looser of the two: two events of one topic
   (two governors and one religious-freedom law; two North Korea stories in one week) stay apart,
   while a lone article, such as a rewrite that shares few words, still joins its story.

The result depends on the set of articles, not on their input order (ties break on date, source
and id). Time is near-linear in the number of articles when they arrive at a steady rate.
"""

from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from scipy import sparse

from ..ids import content_id, source_key
from ..pipeline import Bundle, GlobalStage
from ..text.storyvec import keys, row_dots, story_vectors
from ..types import Article, DuplicateGroup, Item, Story
from .dedup import as_day

KEY_TERMS = 16  # index entries per article: its heaviest terms
BLOCK = 256  # articles compared with the hot window at once


def story_order(article: Article) -> tuple[int, str, str, str]:
    """Undated first (they stay hot for the whole stream), then by date, source and id (the
    source's name, not its folder: the order must not depend on where each file was read)."""
    day = as_day(article.published)
    return (0 if day is None else 1, day.isoformat() if day else "", source_key(article.source),
            article.id)


class StoryClusterer(GlobalStage):
    name = "cluster"
    version = "v2"
    requires = ("article", "duplicate_group")
    provides = ("story",)

    def run(self, data: Bundle) -> Iterable[Item]:
        articles: list[Article] = sorted(data["article"], key=story_order)
        if not articles:
            return
        conf = self.settings["cluster"]
        copy_of = copies(data["duplicate_group"])
        leaders = [a for a in articles if a.id not in copy_of]
        threshold = float(conf["threshold"])
        edges = similarity_edges(story_vectors(leaders), [as_day(a.published) for a in leaders],
                                 int(conf["window_days"]), threshold / 2)
        groups = agglomerate(len(leaders), edges, threshold, float(conf["cohesion"]))
        story_of = {leaders[i].id: n for n, group in enumerate(groups) for i in group}
        members: list[list[Article]] = [[] for _ in groups]
        for article in sorted(articles, key=date_order):
            members[story_of[copy_of.get(article.id, article.id)]].append(article)
        for group in members:
            ids = tuple(a.id for a in group)
            yield Story(id=content_id("story", *sorted(ids)), article_ids=ids,
                        title=next((a.title for a in group if a.title), "") or "")


def date_order(article: Article) -> tuple[str, str, str]:
    """Earliest first, undated last: the order of a story's articles."""
    return (article.published or "9999", source_key(article.source), article.id)


def copies(groups: list[DuplicateGroup]) -> dict[str, str]:
    return {m.article_id: g.canonical for g in groups for m in g.members
            if m.article_id != g.canonical}


Edges = tuple[np.ndarray, np.ndarray, np.ndarray]  # (i, j, similarity) with j < i


def similarity_edges(vectors: sparse.csr_matrix, days: Sequence[date | None], window: int,
                     floor: float) -> Edges:
    """Pairs of hot articles sharing an index key, with decayed similarity >= ``floor``.

    ``days`` must list the undated articles first, then the dated ones in date order.
    """
    if not days:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    index = keys(vectors, KEY_TERMS).tocsr()
    undated = sum(1 for d in days if d is None)
    ordinals = np.array([d.toordinal() if d else 0 for d in days], dtype=np.int64)
    found: list[Edges] = []
    for start in range(0, len(days), BLOCK):
        end = min(start + BLOCK, len(days))
        if start >= undated:
            first = max(start, undated)
            low = bisect.bisect_left(ordinals, ordinals[first] - window, lo=undated, hi=first)
            hot = np.r_[0:undated, low:end]
        else:
            hot = np.arange(0, end)
        found.append(_block_edges(vectors, index, ordinals, np.arange(start, end), hot,
                                  window, floor))
    left, right, sims = (np.concatenate([f[k] for f in found]) for k in range(3))
    return left, right, sims


def _block_edges(vectors: sparse.csr_matrix, index: sparse.csr_matrix, ordinals: np.ndarray,
                 block: np.ndarray, hot: np.ndarray, window: int, floor: float) -> Edges:
    shared = (index[block] @ index[hot].T).tocoo()
    left, right = block[shared.row], hot[shared.col]
    keep = right < left
    left, right = left[keep], right[keep]
    sims = row_dots(vectors, left, right) * decay(ordinals[left], ordinals[right], window)
    keep = sims >= floor
    return left[keep], right[keep], sims[keep]


def decay(a: np.ndarray, b: np.ndarray, window: int) -> np.ndarray:
    """1 - days / (2 * window) within the window, 0 beyond; 1 when either is undated (0)."""
    gap = np.abs(a - b).astype(np.float64)
    factor = np.where(gap > window, 0.0, 1.0 - gap / (2.0 * max(window, 1)))
    return np.where((a == 0) | (b == 0), 1.0, factor)


@dataclass
class Clusters:
    """Average-linkage state: members, within-story sums and cross sums of similarity."""

    members: dict[int, list[int]]
    inner: dict[int, float] = field(default_factory=dict)
    cross: dict[int, dict[int, float]] = field(default_factory=lambda: defaultdict(dict))
    stamp: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    def mean_cross(self, a: int, b: int) -> float:
        return self.cross[a][b] / (len(self.members[a]) * len(self.members[b]))

    def cohesion(self, a: int) -> float:
        size = len(self.members[a])
        return self.inner.get(a, 0.0) / (size * (size - 1) / 2)

    def may_merge(self, a: int, b: int, mean: float, ratio: float) -> bool:
        if len(self.members[a]) < 2 or len(self.members[b]) < 2:
            return True
        return mean >= ratio * min(self.cohesion(a), self.cohesion(b))

    def merge(self, a: int, b: int) -> int:
        """Merge the larger id into the smaller; returns the survivor."""
        keep, gone = min(a, b), max(a, b)
        self.inner[keep] = (self.inner.get(keep, 0.0) + self.inner.pop(gone, 0.0)
                            + self.cross[keep].pop(gone))
        self.members[keep].extend(self.members.pop(gone))
        for other, total in self.cross.pop(gone).items():
            if other == keep:
                continue
            self.cross[keep][other] = self.cross[keep].get(other, 0.0) + total
            del self.cross[other][gone]
        for other, total in self.cross[keep].items():
            self.cross[other][keep] = total
        self.stamp[keep] += 1
        return keep

    def entry(self, a: int, b: int) -> tuple[float, int, int, int, int]:
        a, b = min(a, b), max(a, b)
        return (-self.mean_cross(a, b), a, b, self.stamp[a], self.stamp[b])


def agglomerate(size: int, edges: Edges, threshold: float, ratio: float) -> list[list[int]]:
    """Average linkage with the cohesion rule (see the module doc); groups of indices."""
    state = Clusters({i: [i] for i in range(size)})
    for i, j, sim in zip(*edges, strict=True):
        state.cross[int(i)][int(j)] = state.cross[int(j)][int(i)] = float(sim)
    heap = [state.entry(int(i), int(j)) for i, j, sim in zip(*edges, strict=True)
            if sim >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b, stamp_a, stamp_b = heapq.heappop(heap)
        if a not in state.members or b not in state.members:
            continue
        if (stamp_a, stamp_b) != (state.stamp[a], state.stamp[b]):
            continue
        if -negative < threshold:
            break
        if not state.may_merge(a, b, -negative, ratio):
            continue
        keep = state.merge(a, b)
        for other in state.cross[keep]:
            if state.mean_cross(keep, other) >= threshold:
                heapq.heappush(heap, state.entry(keep, other))
    return sorted((sorted(m) for m in state.members.values()), key=lambda m: m[0])


def same_story_similarity(a: Article, b: Article) -> float:
    """Cosine similarity of two articles' story vectors (0..1), fitted on the pair alone."""
    vectors = story_vectors([a, b])
    return float((vectors[0] @ vectors[1].T).toarray()[0, 0])
