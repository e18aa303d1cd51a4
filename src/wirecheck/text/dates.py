"""Date expressions: find them in text and resolve them against a reference date.

``resolve_date("Friday", date(2025, 12, 19))`` is ``"2025-12-19"``: a weekday is the most recent
such day on or before the reference; a month alone is the most recent such month; a month and
day without a year is the nearest such day (within half a year either way). The result is ISO:
``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; ``None`` when the expression is not a date or cannot be
placed (``"earlier this week"``, ``"recently"``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    name: number for number, names in enumerate((
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
        ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
        ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
        ("december", "dec")), 1) for name in names
}
WEEKDAYS = {name: number for number, names in enumerate((
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
    ("thursday", "thu", "thurs"), ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"),
)) for name in names}
SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
UNIT_DAYS = {"day": 1, "week": 7}

_M = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?" \
     r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_W = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)day"
_D = r"\d{1,2}(?:st|nd|rd|th)?"
_Y = r"(?:19|20)\d{2}"
PREFIX = re.compile(r"^(?:on|in|by|since|from|until|till|during|at|of|early|late|mid-?|the"
                    r"|earlier|later)\s+|^mid-", re.I)
FIND = re.compile(
    rf"\b(?:(?:{_W},?\s+)?(?:{_M}\s+{_D}(?:,?\s+{_Y})?|{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?)"
    rf"|{_M}\s+{_D}(?:,?\s+{_Y})?|{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?|{_M},?\s+{_Y}"
    rf"|(?:last|next|this|past|coming)\s+(?:{_W}|week(?:end)?|month|year|{_M})"
    rf"|(?:earlier|later)\s+this\s+(?:week|month|year)|{_W}|{_M}"
    rf"|yesterday|today|tomorrow|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|(?:(?<=in )|(?<=since )|(?<=during )|(?<=until ))(?:19|20)\d{{2}}"
    rf"|(?:\d+|{'|'.join(SMALL)})\s+(?:days?|weeks?|months?|years?)\s+ago)\b",
    re.I,
)
VERB_NEXT = re.compile(r"\s+(?:I|we|you|be|have|not|also|well|on|in|to|[a-z]+(?:ed|s))\b")


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Date expressions in ``text`` as (start, end, expression), left to right."""
    found = []
    for match in FIND.finditer(text):
        expr = match.group(0)
        if expr.lower().rstrip(".") in MONTHS and not _bare_month(text, match):
            continue
        found.append((match.start(), match.end(), expr))
    return found


def _bare_month(text: str, match: re.Match[str]) -> bool:
    """A month name alone is a date when capitalised, written out, and not "May I" / "March on"."""
    expr = match.group(0)
    if not expr[:1].isupper() or len(expr) < 3 or expr.lower() not in MONTHS:
        return False
    if expr.lower() in ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                        "nov", "dec"):
        return False
    return not (expr in ("May", "March") and VERB_NEXT.match(text, match.end()))


def is_relative(expr: str) -> bool:
    """True when placing ``expr`` needs a reference date (it has no four-digit year)."""
    return not re.search(rf"\b{_Y}\b", expr) and not re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", expr)


def resolve_date(expr: str, ref: date | None) -> str | None:
    """``expr`` as an ISO date/month/year, placed relative to ``ref`` when needed."""
    text = _clean(expr)
    if not text:
        return None
    absolute = _absolute(text)
    if absolute is not None or ref is None:
        return absolute
    for resolve in (_relative_day, _weekday, _month_day, _month, _relative_span, _ago):
        result = resolve(text, ref)
        if result is not None:
            return result
    return None


def _clean(expr: str) -> str:
    text = expr.lower().replace(",", " ").replace("\u2019", "'").strip(" .")
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"\b(?:morning|afternoon|evening|night)\b", "", text)
    text = re.sub(rf"^{_W}\s+(?=\d|[a-z]+\.? \d)", "", text)  # "Tuesday 14 October 2025"
    previous = None
    while previous != text:
        previous, text = text, PREFIX.sub("", text).strip()
    return " ".join(text.replace(".", " ").split())


def _month_number(word: str) -> int | None:
    return MONTHS.get(word)


def _absolute(text: str) -> str | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        return f"{m[1]}-{m[2]}" if 1 <= int(m[2]) <= 12 else None
    if m := re.fullmatch(r"(?:(\w+) (\d{1,2})|(\d{1,2}) (?:of )?(\w+)) (\d{4})", text):
        month = _month_number(m[1] or m[4])
        day = int(m[2] or m[3])
        return _iso(int(m[5]), month, day) if month else None
    if m := re.fullmatch(r"(\w+) (\d{4})", text):
        month = _month_number(m[1])
        return f"{m[2]}-{month:02d}" if month else None
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
        first, second = int(m[1]), int(m[2])
        if first > 12 >= second:
            return _iso(int(m[3]), second, first)
        if second > 12 >= first:
            return _iso(int(m[3]), first, second)
        return None
    if re.fullmatch(r"(?:19|20)\d{2}", text):
        return text
    return None


def _iso(year: int, month: int | None, day: int) -> str | None:
    try:
        return date(year, month or 0, day).isoformat()
    except ValueError:
        return None


def _relative_day(text: str, ref: date) -> str | None:
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "day before yesterday": -2, "day after tomorrow": 2}.get(text)
    return None if offset is None else (ref + timedelta(days=offset)).isoformat()


def _weekday(text: str, ref: date) -> str | None:
    m = re.fullmatch(r"(?:(last|past|this|next|coming|this coming) )?(\w+)", text)
    if not m or m[2] not in WEEKDAYS:
        return None
    back = (ref.weekday() - WEEKDAYS[m[2]]) % 7
    which = m[1]
    if which in ("next", "coming", "this coming"):
        return (ref + timedelta(days=(7 - back) % 7 or 7)).isoformat()
    if which in ("last", "past"):
        back = back or 7
    elif which == "this":
        return (ref - timedelta(days=ref.weekday()) + timedelta(days=WEEKDAYS[m[2]])).isoformat()
    return (ref - timedelta(days=back)).isoformat()


def _month_day(text: str, ref: date) -> str | None:
    m = re.fullmatch(r"(\w+) (\d{1,2})|(\d{1,2}) (?:of )?(\w+)", text)
    if not m:
        return None
    month = _month_number(m[1] or m[4])
    if not month:
        return None
    day = int(m[2] or m[3])
    candidates = [_iso(ref.year + k, month, day) for k in (-1, 0, 1)]
    valid = [date.fromisoformat(c) for c in candidates if c]
    if not valid:
        return None
    return min(valid, key=lambda d: (abs((d - ref).days), d > ref)).isoformat()


def _month(text: str, ref: date) -> str | None:
    m = re.fullmatch(r"(?:(last|next|this|past|coming) )?(\w+)", text)
    if not m or not _month_number(m[2]):
        return None
    month = _month_number(m[2]) or 0
    year = ref.year if month <= ref.month else ref.year - 1
    if m[1] in ("last", "past") and month == ref.month:
        year -= 1
    elif m[1] in ("next", "coming"):
        year = ref.year if month > ref.month else ref.year + 1
    elif m[1] == "this":
        year = ref.year
    return f"{year}-{month:02d}"


def _relative_span(text: str, ref: date) -> str | None:
    m = re.fullmatch(r"(last|past|this|next|coming) (month|year)", text)
    if not m:
        return None
    step = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[m[1]]
    if m[2] == "year":
        return str(ref.year + step)
    index = ref.year * 12 + ref.month - 1 + step
    return f"{index // 12}-{index % 12 + 1:02d}"


def _ago(text: str, ref: date) -> str | None:
    m = re.fullmatch(r"(\d+|\w+) (day|week|month|year)s? ago", text)
    if not m:
        return None
    count = int(m[1]) if m[1].isdigit() else SMALL.get(m[1])
    if count is None:
        return None
    if m[2] in UNIT_DAYS:
        return (ref - timedelta(days=count * UNIT_DAYS[m[2]])).isoformat()
    if m[2] == "year":
        return str(ref.year - count)
    index = ref.year * 12 + ref.month - 1 - count
    return f"{index // 12}-{index % 12 + 1:02d}"


def parse_reference(value: object) -> date | None:
    """An ISO date or datetime (string or date) as a date; None when it is not one."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
