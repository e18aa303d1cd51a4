from datetime import date

import pytest

from wirecheck.text.dates import find_dates, is_relative, parse_reference, resolve_date

FRIDAY = date(2025, 12, 19)  # Friday 19 December 2025, the seeds' event date
TUESDAY = date(2025, 10, 14)  # Tuesday 14 October 2025, the harbour-bridge event date

CASES = [
    # weekdays: the most recent such day on or before the reference
    ("Friday", FRIDAY, "2025-12-19"),
    ("Thursday", FRIDAY, "2025-12-18"),
    ("on Thursday", FRIDAY, "2025-12-18"),
    ("Saturday", FRIDAY, "2025-12-13"),
    ("Monday", FRIDAY, "2025-12-15"),
    ("Friday night", FRIDAY, "2025-12-19"),
    ("on Tuesday morning", TUESDAY, "2025-10-14"),
    ("Wednesday", TUESDAY, "2025-10-08"),
    ("last Friday", FRIDAY, "2025-12-12"),
    ("next Monday", FRIDAY, "2025-12-22"),
    ("this Friday", FRIDAY, "2025-12-19"),
    # relative days
    ("today", FRIDAY, "2025-12-19"),
    ("yesterday", FRIDAY, "2025-12-18"),
    ("tomorrow", FRIDAY, "2025-12-20"),
    ("the day before yesterday", FRIDAY, "2025-12-17"),
    ("two days ago", FRIDAY, "2025-12-17"),
    ("3 weeks ago", FRIDAY, "2025-11-28"),
    # months and relative months
    ("last month", FRIDAY, "2025-11"),
    ("last month", date(2025, 1, 10), "2024-12"),
    ("late last month", FRIDAY, "2025-11"),
    ("earlier this month", FRIDAY, "2025-12"),
    ("next month", FRIDAY, "2026-01"),
    ("October", FRIDAY, "2025-10"),
    ("in October", FRIDAY, "2025-10"),
    ("in October", date(2025, 3, 1), "2024-10"),
    ("mid-October", FRIDAY, "2025-10"),
    ("December", FRIDAY, "2025-12"),
    ("last December", FRIDAY, "2024-12"),
    ("next October", FRIDAY, "2026-10"),
    ("in March", TUESDAY, "2025-03"),
    # month and day without a year: the nearest such day
    ("November 17", FRIDAY, "2025-11-17"),
    ("on November 17", FRIDAY, "2025-11-17"),
    ("17 November", FRIDAY, "2025-11-17"),
    ("17th of November", FRIDAY, "2025-11-17"),
    ("Sept. 3", FRIDAY, "2025-09-03"),
    ("January 5", FRIDAY, "2026-01-05"),
    ("Oct 14", TUESDAY, "2025-10-14"),
    # years
    ("last year", FRIDAY, "2024"),
    ("this year", FRIDAY, "2025"),
    ("in 1998", FRIDAY, "1998"),
    # absolute dates: the reference does not matter
    ("December 19, 2025", FRIDAY, "2025-12-19"),
    ("19 December 2025", TUESDAY, "2025-12-19"),
    ("Tuesday 14 October 2025", FRIDAY, "2025-10-14"),
    ("2025-12-01", FRIDAY, "2025-12-01"),
    ("October 2026", FRIDAY, "2026-10"),
    ("13/12/2025", FRIDAY, "2025-12-13"),
    # not placeable
    ("earlier this week", FRIDAY, None),
    ("the coming weeks", FRIDAY, None),
    ("recently", FRIDAY, None),
    ("weekly", FRIDAY, None),
    ("two years", FRIDAY, None),
    ("05/06/2025", FRIDAY, None),
    ("February 30", FRIDAY, None),
    ("", FRIDAY, None),
]


@pytest.mark.parametrize(("expr", "ref", "expected"), CASES)
def test_resolve_date(expr: str, ref: date, expected: str | None) -> None:
    assert resolve_date(expr, ref) == expected


def test_the_table_is_large() -> None:
    assert len(CASES) >= 30


def test_without_reference_only_absolute_dates_resolve() -> None:
    assert resolve_date("December 19, 2025", None) == "2025-12-19"
    assert resolve_date("Friday", None) is None
    assert resolve_date("last month", None) is None


@pytest.mark.parametrize(("expr", "relative"), [
    ("Friday", True), ("last month", True), ("November 17", True),
    ("December 19, 2025", False), ("2025-12-01", False), ("in 1998", False),
])
def test_is_relative(expr: str, relative: bool) -> None:
    assert is_relative(expr) is relative


def test_find_dates_in_text() -> None:
    text = ("On Friday, Rubio said Dar spoke last month; the council met on November 17 and "
            "in 2019, earlier this week and two years ago. It may rain. March on.")
    found = [expr for _, _, expr in find_dates(text)]
    assert found == ["Friday", "last month", "November 17", "2019", "earlier this week",
                     "two years ago"]
    for start, end, expr in find_dates(text):
        assert text[start:end] == expr


def test_find_dates_ignores_modal_may_and_lowercase_months() -> None:
    assert find_dates("Officials may decide, and we will march on.") == []
    assert [e for _, _, e in find_dates("It opened in May 2020.")] == ["May 2020"]


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-12-19", date(2025, 12, 19)), ("2025-10-14T18:20:00+01:00", date(2025, 10, 14)),
    (date(2024, 1, 2), date(2024, 1, 2)), ("not a date", None), (None, None), (12, None),
])
def test_parse_reference(value: object, expected: date | None) -> None:
    assert parse_reference(value) == expected
