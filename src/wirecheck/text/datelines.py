"""Datelines: where (and when) a report was filed, before its first words ("WASHINGTON —",
"LIVINGSTON, N.J. —", "PORT AMBERLEY, Oct 14 (Meridian Press) - ", "Washington (CNN) —").
Where the outlet filed from is not where the event happened, and it is no one's words."""

from __future__ import annotations

import re

# what follows a dateline's place: a state or a day, an agency, a dash
_TAIL = (r"(?:,\s*[A-Z][\w.]*(?:\s+(?:[A-Z][\w.]*|\d{1,2}))?)?\s*"
         r"(?:\([^)]{1,40}\)\s*(?:[\u2014\u2013\u2015]|--?)\s*"  # "(Reuters)-President": no space
         r"|(?:[\u2014\u2013\u2015]|--?)\s)")
AFTER_PLACE = re.compile(_TAIL)
# a whole dateline whose place is in capitals (without a place entity to vouch for it, mixed
# case would take "Meanwhile - " for one)
DATELINE = re.compile(r"[A-Z][A-Z.'\u2019 ]*[A-Z.]" + _TAIL + r"\s*")
