"""Sentence similarity used to align what two articles say (lexical; a learned one comes later)."""

from __future__ import annotations

import re

from ..ids import normalize_for_hash

STOP = frozenset({
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "from", "by",
    "with", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "do", "does", "did", "it", "its", "this", "that", "these", "those", "he", "she", "they",
    "we", "you", "i", "his", "her", "their", "our", "said", "says", "say", "told", "added",
    "also", "would", "will", "could", "should", "may", "might", "can", "not", "no", "than",
    "then", "there", "which", "who", "whom", "whose", "what", "when", "where", "while",
    "about", "after", "before", "over", "under", "into", "out", "up", "down", "more", "most",
    "some", "any", "all", "each", "other", "such", "only", "own", "same", "so", "too", "very",
    "just",
})
WORD = re.compile(r"[a-z0-9]+")


def stem(word: str) -> str:
    for suffix in ("ings", "ing", "ies", "ied", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> set[str]:
    return {stem(w) for w in WORD.findall(normalize_for_hash(text)) if w not in STOP}


def overlap_score(a: str | set[str], b: str | set[str]) -> float:
    """0-100: the mean of Dice and the overlap coefficient of the two content-word sets."""
    sa = a if isinstance(a, set) else content_words(a)
    sb = b if isinstance(b, set) else content_words(b)
    if not sa or not sb:
        return 0.0
    shared = len(sa & sb)
    dice = 2 * shared / (len(sa) + len(sb))
    coefficient = shared / min(len(sa), len(sb))
    return 100.0 * (dice + coefficient) / 2


def word_ngrams(text: str, n: int) -> set[tuple[str, ...]]:
    words = WORD.findall(normalize_for_hash(text))
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}
