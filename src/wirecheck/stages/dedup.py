"""Copies: exact duplicates (normalised text hash) and near-duplicates (MinHash LSH).

Articles are taken in date order; each one is compared, through the LSH index, with the
canonical articles still hot (published at most ``window_days`` earlier), and joins the group of
the most similar canonical whose exact shingle Jaccard similarity (``copy_similarity``, a
symmetric relation) reaches the threshold; otherwise it becomes a canonical itself. Only
canonicals are indexed and every member is checked against its canonical, so transitive chains
can never build a giant false group. Canonicals older than the window leave the index.

Undated articles never leave it: they are indexed first, each new dated canonical offers itself
to the undated ones it matches, and at the end an undated article joins its best offer (a dated
canonical, so the canonical is the earliest dated copy) or is grouped with the other undated ones.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..ids import content_id
from ..pipeline import Bundle, GlobalStage
from ..types import Article, DuplicateGroup, Item, Member

WORD = re.compile(r"\w+")


def article_order(article: Article) -> tuple[str, str, str]:
    """Earliest first; undated articles last; ties broken by input path and id (stable)."""
    return (article.published or "9999", article.source, article.id)


def as_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Sketch:
    """What copies share: the normalised-text hash and the word shingles (as 32-bit hashes)."""

    digest: str
    items: np.ndarray  # sorted unique uint32 hashes of the word shingles


def sketch(text: str, size: int = 5) -> Sketch:
    """Shingles of ``size`` words (the whole text when shorter); the digest of the words.

    Words are case- and Unicode-folded ``\\w+`` runs: two texts that differ only in
    punctuation, quote style or spacing have one digest (an exact copy).
    """
    tokens = WORD.findall(unicodedata.normalize("NFKC", text).lower())
    words = np.array([zlib.crc32(w.encode("utf-8")) for w in tokens], dtype=np.uint64)
    count = max(1, len(words) - size + 1) if len(words) else 0
    hashes = np.zeros(count, dtype=np.uint64)
    for k in range(min(size, len(words))):
        hashes = (hashes * np.uint64(1_000_003) + words[k:k + count]) & np.uint64(0xFFFFFFFF)
    return Sketch(content_id(" ".join(tokens)), np.unique(hashes.astype(np.uint32)))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if not a.size or not b.size:
        return 0.0
    shared = np.intersect1d(a, b, assume_unique=True).size
    return shared / (a.size + b.size - shared)


def copy_similarity(a: Article, b: Article, size: int = 5) -> float:
    """Jaccard similarity of the two texts' word shingles: symmetric, 1.0 for equal texts."""
    return jaccard(sketch(a.text, size).items, sketch(b.text, size).items)


@cache
def bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """LSH bands and rows that best catch pairs 0.1 below the copy threshold (computed once)."""
    probe = MinHashLSH(threshold=max(0.05, threshold - 0.1), num_perm=num_perm)
    return probe.b, probe.r


@cache
def template(num_perm: int) -> MinHash:
    return MinHash(num_perm=num_perm, seed=1, hashfunc=int)


def signature(items: np.ndarray, num_perm: int) -> MinHash:
    base = template(num_perm)
    minhash = MinHash(num_perm=num_perm, hashfunc=int, permutations=base.permutations,
                      scheme=base.scheme)
    minhash.update_batch(items.tolist())
    return minhash


@dataclass
class CopyIndex:
    """Articles by normalised-text hash and in a MinHash LSH, with their shingles."""

    threshold: float
    num_perm: int
    lsh: MinHashLSH = field(init=False)
    sketches: dict[str, Sketch] = field(default_factory=dict)
    digests: dict[str, set[str]] = field(default_factory=dict)  # digest -> article ids

    def __post_init__(self) -> None:
        self.lsh = MinHashLSH(num_perm=self.num_perm, params=bands(self.threshold, self.num_perm))

    def add(self, article_id: str, found: Sketch, minhash: MinHash) -> None:
        self.sketches[article_id] = found
        self.digests.setdefault(found.digest, set()).add(article_id)
        self.lsh.insert(article_id, minhash)

    def remove(self, article_id: str) -> None:
        digest = self.sketches.pop(article_id).digest
        self.digests[digest].discard(article_id)
        if not self.digests[digest]:
            del self.digests[digest]
        self.lsh.remove(article_id)

    def matches(self, found: Sketch, minhash: MinHash) -> list[tuple[float, str]]:
        """(similarity, id) of the indexed articles that are copies, best first."""
        exact = self.digests.get(found.digest, set())
        pairs = [(1.0, c) for c in exact]
        pairs += [(jaccard(found.items, self.sketches[c].items), c)
                  for c in self.lsh.query(minhash) if c not in exact]
        return sorted((pair for pair in pairs if pair[0] >= self.threshold),
                      key=lambda pair: (-pair[0], pair[1]))


Offer = tuple[float, int, str]  # (similarity, -rank of the canonical, canonical id)


class DuplicateGrouper(GlobalStage):
    name = "dedup"
    version = "v2"
    requires = ("article",)
    provides = ("duplicate_group",)

    def run(self, data: Bundle) -> Iterable[Item]:
        conf = self.settings["dedup"]
        threshold, num_perm = float(conf["threshold"]), int(conf["num_perm"])
        size, window = int(conf["shingle_words"]), int(conf["window_days"])
        articles: list[Article] = sorted(data["article"], key=article_order)
        days = {a.id: as_day(a.published) for a in articles}
        waiting = CopyIndex(threshold, num_perm)  # undated: always hot, offered canonicals
        undated: list[tuple[Article, Sketch, MinHash]] = []
        for article in (a for a in articles if days[a.id] is None):
            found = sketch(article.text, size)
            undated.append((article, found, signature(found.items, num_perm)))
            waiting.add(article.id, found, undated[-1][2])
        offers: dict[str, Offer] = {}
        hot = CopyIndex(threshold, num_perm)
        queue: deque[tuple[date, str]] = deque()
        members: dict[str, list[Member]] = {}
        dated = [(day, a) for a in articles if (day := days[a.id]) is not None]
        for rank, (day, article) in enumerate(dated):
            while queue and (day - queue[0][0]).days > window:
                hot.remove(queue.popleft()[1])
            found = sketch(article.text, size)
            minhash = signature(found.items, num_perm)
            if join(article.id, hot.matches(found, minhash), members):
                continue
            members[article.id] = [Member(article.id, 1.0)]
            hot.add(article.id, found, minhash)
            queue.append((day, article.id))
            for sim, other in waiting.matches(found, minhash):
                offers[other] = max(offers.get(other, (0.0, 0, "")), (sim, -rank, article.id))
        place_undated(undated, offers, members, CopyIndex(threshold, num_perm))
        for canonical, group in members.items():
            if len(group) > 1:
                yield DuplicateGroup(
                    id=content_id("dup", *sorted(m.article_id for m in group)),
                    canonical=canonical,
                    members=tuple(group),
                    exact=all(m.similarity == 1.0 for m in group),
                )


def join(article_id: str, found: list[tuple[float, str]],
         members: dict[str, list[Member]]) -> bool:
    """Add the article to the group of its best canonical, if it has one."""
    if not found:
        return False
    members[found[0][1]].append(Member(article_id, round(found[0][0], 4)))
    return True


def place_undated(undated: list[tuple[Article, Sketch, MinHash]], offers: dict[str, Offer],
                  members: dict[str, list[Member]], local: CopyIndex) -> None:
    """Each undated article joins its best dated canonical, or the undated ones group."""
    for article, found, minhash in undated:
        if article.id in offers:
            sim, _, canonical = offers[article.id]
            members[canonical].append(Member(article.id, round(sim, 4)))
        elif not join(article.id, local.matches(found, minhash), members):
            members[article.id] = [Member(article.id, 1.0)]
            local.add(article.id, found, minhash)
