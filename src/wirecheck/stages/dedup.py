"""Copies: exact duplicates (normalised text hash) and near-duplicates (MinHash LSH).

Articles are taken in date order; each one is compared, through the LSH index, with the
canonical articles seen so far, and joins the group of the most similar canonical whose exact
shingle Jaccard similarity reaches the threshold. Only canonicals are indexed and every member
is checked against its canonical, so transitive chains can never build a giant false group.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from datasketch import MinHash, MinHashLSH

from ..ids import content_id, normalize_for_hash
from ..pipeline import Bundle, GlobalStage
from ..text.shingles import jaccard, shingles
from ..types import Article, DuplicateGroup, Item, Member


def article_order(article: Article) -> tuple[str, str]:
    """Earliest first; undated articles last; ties broken by input path (stable)."""
    return (article.published or "9999", article.source)


class DuplicateGrouper(GlobalStage):
    name = "dedup"
    requires = ("article",)
    provides = ("duplicate_group",)

    def run(self, data: Bundle) -> Iterable[Item]:
        conf = self.settings["dedup"]
        threshold = float(conf["threshold"])
        articles: list[Article] = sorted(data["article"], key=article_order)
        lsh = MinHashLSH(threshold=max(0.05, threshold - 0.1), num_perm=int(conf["num_perm"]))
        sets: dict[str, set[str]] = {}
        exact: dict[str, str] = {}  # normalised-text hash -> canonical id
        members: dict[str, list[Member]] = {}
        for article in articles:
            digest = content_id(normalize_for_hash(article.text))
            if digest in exact:
                members[exact[digest]].append(Member(article.id, 1.0))
                continue
            sets[article.id] = shingles(article.text, int(conf["shingle_words"]))
            best = self._best_canonical(article.id, sets, lsh, threshold, int(conf["num_perm"]))
            if best is not None:
                members[best[0]].append(Member(article.id, round(best[1], 4)))
                continue
            exact[digest] = article.id
            members[article.id] = [Member(article.id, 1.0)]
            lsh.insert(article.id, self._minhash(sets[article.id], int(conf["num_perm"])))
        for canonical, group in members.items():
            if len(group) > 1:
                yield DuplicateGroup(
                    id=content_id("dup", *sorted(m.article_id for m in group)),
                    canonical=canonical,
                    members=tuple(group),
                    exact=all(m.similarity == 1.0 for m in group),
                )

    def _best_canonical(self, article_id: str, sets: dict[str, set[str]], lsh: MinHashLSH,
                        threshold: float, num_perm: int) -> tuple[str, float] | None:
        candidates: list[Any] = lsh.query(self._minhash(sets[article_id], num_perm))
        scored = [(c, jaccard(sets[article_id], sets[c])) for c in sorted(candidates)]
        scored = [pair for pair in scored if pair[1] >= threshold]
        return max(scored, key=lambda pair: pair[1]) if scored else None

    @staticmethod
    def _minhash(items: set[str], num_perm: int) -> MinHash:
        signature = MinHash(num_perm=num_perm, seed=1)
        signature.update_batch([s.encode("utf-8") for s in sorted(items)])
        return signature
