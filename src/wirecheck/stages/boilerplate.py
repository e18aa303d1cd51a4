"""An outlet's boilerplate, learnt across its articles: a short block that recurs in many of one
outlet's articles (a promo line, a newsletter plug, a standing credit) is not news."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..ids import normalize_for_hash
from ..types import ParagraphKind

Block = tuple[str, ParagraphKind]

LONGEST = 200  # characters: a longer block is reporting, even when an outlet repeats it


def folded(text: str) -> str:
    return " ".join(re.sub(r"\W+", " ", normalize_for_hash(text)).split())


def learn(articles: Iterable[tuple[str | None, list[Block]]],
          min_articles: int) -> dict[str, set[str]]:
    """For each outlet, the folded texts of the short blocks found in ``min_articles`` or more of
    its articles (each article counted once)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for outlet, blocks in articles:
        if outlet:
            counts[outlet].update({folded(text) for text, _ in blocks if len(text) <= LONGEST})
    return {outlet: {t for t, n in c.items() if n >= min_articles and t}
            for outlet, c in counts.items()}


def strip(blocks: list[Block], known: set[str]) -> tuple[list[Block], list[str]]:
    """The blocks that are not boilerplate, and the texts of those that are."""
    kept, removed = [], []
    for text, kind in blocks:
        if folded(text) in known:
            removed.append(text)
        else:
            kept.append((text, kind))
    return kept, removed
