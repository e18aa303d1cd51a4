"""The brief of a story: every sentence is taken from an article or composed only from verified
items (conflict sides, ledger entries, roles, dates, scores), and cites the spans it rests on.

- ``context``: what every section reads (sources, labels, findings, claims, "which reports");
- ``established``: the points two or more independent sources state, ranked and cited;
- ``composed``: the sections composed from verified items (disputes, single-source claims,
  quotations, people, timeline, reliability);
- ``budget``: the sections' titles and shares, and the word budget filled by importance;
- ``compose``: the brief assembled (``compose_brief``, the ``BriefComposer`` stage) and
  composed again from a store (``briefs_from_store``, ``with_briefs``).
"""

from .budget import Candidate, fill, is_note
from .compose import BriefComposer, briefs_from_store, compose_brief, with_briefs

__all__ = ["BriefComposer", "Candidate", "briefs_from_store", "compose_brief", "fill",
           "is_note", "with_briefs"]
