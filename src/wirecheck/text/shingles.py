"""Word shingles and set similarity: what copies share."""

from __future__ import annotations

import re

from ..ids import normalize_for_hash

WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(normalize_for_hash(text))


def shingles(text: str, size: int = 5) -> set[str]:
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(a: set[str], b: set[str]) -> float:
    """Share of ``a`` found in ``b``."""
    return len(a & b) / len(a) if a else 0.0
