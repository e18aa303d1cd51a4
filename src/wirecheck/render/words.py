"""Wording shared by the brief composer and the renderers: labels of outlets, numbers, dates and
the note that says what a word budget left out. Plain functions on plain values."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import urlparse

NUMBERS = "no one two three four five six seven eight nine ten eleven twelve".split()
MONTHS = ("January February March April May June July August September October November "
          "December").split()
HASH = re.compile(r"[_-][0-9a-f]{12,}$")
NOTE = re.compile(r"^Left out for the [\d,]+-word budget: ")


def source_label(outlet: str | None, url: str | None, source: str) -> str:
    """The outlet, else the URL's host, else the input file's name without its extension and
    without a trailing content hash ('../seeds/003_28e42d3482d61a8a.txt' -> '003')."""
    if outlet and outlet.strip():
        return " ".join(outlet.split())
    try:
        host = urlparse(url or "").netloc.removeprefix("www.")
    except ValueError:  # a malformed address labels nothing
        host = ""
    name, _, line = PurePosixPath(source.replace("\\", "/")).name.partition("#")
    stem = HASH.sub("", PurePosixPath(name).stem or name)
    return host or (f"{stem}#{line}" if line else stem)


def number(n: int) -> str:
    """'no', 'one', … 'twelve', then digits."""
    return NUMBERS[n] if 0 <= n < len(NUMBERS) else str(n)


def counted(n: int, unit: str, more: str = "") -> str:
    """'one report', 'two more reports', 'three people' (unit: 'report{}' or 'person|people')."""
    one, many = unit.split("|") if "|" in unit else (unit.format(""), unit.format("s"))
    return f"{number(n)} {more}{one if n == 1 else many}"


def human_date(value: str) -> str:
    """'2025-12-19' -> '19 December 2025', '2025-10' -> 'October 2025'; else as written."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not match or not 1 <= int(match[2] or 1) <= 12:
        return value
    if match[2] is None:
        return match[1]
    month = f"{MONTHS[int(match[2]) - 1]} {match[1]}"
    return f"{int(match[3])} {month}" if match[3] else month


def flat(text: str) -> str:
    return " ".join(text.split())


def ended(text: str) -> str:
    """``text`` closed by a full stop unless it already ends a sentence ('…commit.”')."""
    return text if re.search(r"[.!?][\"”’')]*$", text) else f"{text}."


def budget_note(budget: int, left: int, unit: str, total: int) -> str:
    more = "" if left == total else "more "  # none stated: "37 quotations", not "37 more"
    return f"Left out for the {budget:,}-word budget: {counted(left, unit, more)} (of {total})."


def is_note_text(text: str) -> bool:
    """The note closing a brief section that says what the word budget left out."""
    return bool(NOTE.match(text))


def subject_verb(labels: set[str] | int, verb: str, unit: str = "") -> str:
    """Outlets, or a count of ``unit``, with ``verb`` agreeing: "a.example gives", "a.example,
    b.example give", "1 independent source calls", "5 independent sources call"."""
    if isinstance(labels, int):
        return f"{labels} {unit}{'' if labels == 1 else 's'} {verb}{'s' if labels == 1 else ''}"
    return f"{', '.join(sorted(labels))} {verb}{'s' if len(labels) == 1 else ''}"
