"""Conflicts between aligned sentences: two independent articles saying the same thing, differently.

Two claim sentences of independent articles are *aligned* when they share three content words
and their overlap reaches ``[compare] align_threshold`` (the measure of the evidence); days,
places and polarity need a closer alignment, half way from there to ``support_threshold`` (but
a place where something happens needs only the alignment), and polarity needs the same
statement (``support_threshold`` over lemmas), but for one deed (below). In an aligned pair, a
value that differs is a conflict when it is a real difference, not another wording or another
fact. What each kind's rules compare is said by its module: ``numbers``, ``dates``,
``places``, ``polarity`` (a status), and in ``differ`` roles, with how the differences of all
pairs become a story's conflicts; ``base`` aligns the pairs.
"""

from .base import LIGHT_VERBS, Mention, Pairing, aligned_pairs, inside
from .dates import event_words
from .differ import Differ, aligned_conflicts
from .numbers import same_count

__all__ = ["LIGHT_VERBS", "Differ", "Mention", "Pairing", "aligned_conflicts",
           "aligned_pairs", "event_words", "inside", "same_count"]
