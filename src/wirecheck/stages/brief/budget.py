"""The sections of a brief and its word budget.

The word budget (``[brief] words`` or ``words=``) counts every sentence stated, filled by
importance: first the top established point (always stated), the top dispute and the sentence
on each flagged report; then the first sentence of every other section that fits, so that no
section is left empty while others state their second (a reader sees the top quotation, person
and dated event even in a short brief); then each section in its order of importance up to its
share of the budget; then whatever still fits, a sentence of each section in turn, so that a
long budget is not all spent on the section that comes first (for the established section,
only points two or more sources state). Within a section, sentences are taken in their
order: a lower one never takes the place of a higher one that did not fit (a quotation carried
by six reports is not replaced by a short one carried by one), except among established points,
which weigh alike. Nothing is cut: a section that leaves items
out ends with a note, not counted, saying how many and citing them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...render.words import budget_note, is_note_text
from ...types import Sentence

TITLES = {"established": "What is established", "disputed": "What is disputed",
          "single_source": "Reported by one source only", "quotes": "Who said what",
          "people": "People and roles", "timeline": "Timeline",
          "reliability": "Reliability of each report"}
PRIORITY = ("disputed", "established", "reliability", "single_source", "quotes", "timeline",
            "people")  # the order in which sections take their share of the budget
# an established point too long for what is left gives way to a shorter one (the points weigh
# alike); in any other section a lower item never takes the place of a higher one that did not fit
SKIPPING = ("established",)
CORE = ("established", "disputed")  # their first sentences come before any other section's
SHARES = {"established": 0.25, "disputed": 0.45, "single_source": 0.08, "quotes": 0.08,
          "timeline": 0.06, "people": 0.04, "reliability": 0.04}
UNITS = {"established": "point{} stated by two or more sources", "disputed": "dispute{}",
         "single_source": "single-source claim{}", "quotes": "quotation{}",
         "people": "person|people", "timeline": "dated event{}",
         "reliability": "sentence{} on reliability"}


@dataclass(eq=False)
class Candidate:
    """A sentence a section could state, and where in the section it goes."""

    section: str
    sentence: Sentence
    place: tuple[Any, ...] = ()
    extra: bool = True  # may take budget left over by other sections
    first: bool = False  # stated with the sections' first sentences (a flagged report)
    counted: bool = True  # counted in the section's note when left out

    @property
    def words(self) -> int:
        return len(self.sentence.text.split())


def is_note(sentence: Sentence | dict[str, Any]) -> bool:
    """The note closing a section that says what the budget left out (not counted in it)."""
    return is_note_text(sentence.text if isinstance(sentence, Sentence)
                        else str(sentence.get("text", "")))


def fill(candidates: dict[str, list[Candidate]], budget: int) -> dict[str, list[Candidate]]:
    """The candidates stated within ``budget`` words, filled by importance (see the module)."""
    chosen: dict[str, list[Candidate]] = {k: [] for k in candidates}
    keys = [k for k in PRIORITY if k in candidates]
    whole = sum(SHARES[k] for k in keys) or 1.0
    used = 0

    def take(candidate: Candidate, limit: float, force: bool = False) -> bool:
        nonlocal used
        mine = sum(c.words for c in chosen[candidate.section])
        if candidate in chosen[candidate.section]:
            return True
        if not force and (used + candidate.words > budget or mine + candidate.words > limit):
            return False
        chosen[candidate.section].append(candidate)
        used += candidate.words
        return True

    for key in sorted(keys, key=lambda k: k != "established"):  # the core sections' first
        for i, candidate in enumerate(candidates[key]):
            if (i == 0 and key in CORE) or candidate.first:
                take(candidate, budget, force=key == "established" and i == 0)
    for key in keys:  # then each other section's first sentence, if it fits at all
        if candidates[key]:
            take(candidates[key][0], budget)
    for key in keys:  # each section, in its order of importance, up to its share
        for i, candidate in enumerate(candidates[key]):  # (a section's first if it fits at all)
            if not take(candidate, budget if i == 0 else budget * SHARES[key] / whole) \
                    and key not in SKIPPING:
                break
    queues = {k: [c for c in candidates[k] if c.extra and c not in chosen[k]] for k in keys}
    while any(queues.values()):  # whatever still fits, a sentence of each section in turn
        for key in keys:
            if queues[key] and not take(queues[key].pop(0), budget) and key not in SKIPPING:
                queues[key] = []  # (a lower sentence never takes a higher one's place)
    return chosen


def stated(key: str, candidates: list[Candidate], chosen: list[Candidate],
           budget: int) -> tuple[Sentence, ...]:
    """The sentences section ``key`` states, in their place, and the note on what it left out."""
    sentences = [c.sentence for c in sorted(chosen, key=lambda c: c.place)]
    left = [c for c in candidates if c not in chosen and c.counted]
    if left:
        total = sum(1 for c in candidates if c.counted or c in chosen)
        spans = tuple(dict.fromkeys(c.sentence.citations[0] for c in left))
        sentences.append(Sentence(budget_note(budget, len(left), UNITS[key], total), spans, True))
    return tuple(sentences)
