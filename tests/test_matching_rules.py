"""The rules that decide "the same thing in other words" for conflicts, each on its own."""

from __future__ import annotations

import pytest

from wirecheck.stages.aligned import same_place
from wirecheck.stages.conflicts import quote_match, roles_compatible, same_opening, slight
from wirecheck.stages.sources import name_key, same_person
from wirecheck.types import Fact, Span


def role(value: str, *qualifier: str) -> Fact:
    return Fact("f", "a", "role", "X", value, Span("a", 0, 1), "test", None, qualifier)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Jim Mattis", "James Mattis", True),
    ("Felipe Calderón", "Felipe Calderon", True),
    ("Vicente Fox", "Vincente Fox", True),
    ("Rubio", "Marco Rubio", True),
    ("Ann Lee", "Bo Lee", False),
    ("Mark Kelly", "Mike Kelly", False),
])
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(name_key(a), name_key(b)) is same


@pytest.mark.parametrize(("a", "b", "compatible"), [
    ("Senator", "Senate Majority Leader", True),
    ("Senate Democratic Leader", "Senate Minority Leader", True),
    ("C.I.A. director", "CIA Director", True),
    ("CEO", "chief executive", True),
    ("Congressman", "Representative", True),
    ("Secretary of State", "Senator", False),
    ("Senate Majority Leader", "Senate Minority Leader", False),  # a side, not a party
    ("Senate Democratic Leader", "Senate Republican Leader", False),
    ("chief engineer", "deputy mayor", False),
])
def test_roles_compatible(a: str, b: str, compatible: bool) -> None:
    assert roles_compatible(role(a), role(b)) is compatible


def test_a_former_role_is_not_the_role_held_now() -> None:
    assert not roles_compatible(role("mayor", "former"), role("mayor"))
    assert not roles_compatible(role("ex-Vice President"), role("Vice President"))
    assert roles_compatible(role("ex-Vice President"), role("Vice President", "former"))


@pytest.mark.parametrize(("a", "b", "is_slight"), [
    ("a big mistake on the part of President Peña", "a big mistake on part of President Peña",
     True),
    ("I'm not going to pay for that f***ing wall", "I'm not going to pay for that fucking wall",
     True),
    ("there is a two-in-three chance that we win", "there is a 2 in 3 chance that we win", True),
    ("we can win this election easily", "we cannot win this election easily", False),
    ("there were 14 people hurt in the collapse", "there were 41 people hurt in the collapse",
     False),
    ("found nothing that gave us cause for concern", "found several joints that needed attention",
     False),
])
def test_slight_differences_between_quotations(a: str, b: str, is_slight: bool) -> None:
    assert slight(a, b) is is_slight


def test_quote_match() -> None:
    long = "I would like to know who those Hispanics are, because they follow a false prophet"
    assert quote_match(long, "I'd like to know who those Hispanics are", 96) == "verbatim"
    assert quote_match("I think we owe them a few more answers before we can ask anybody",
                       "I think we owe them a few more answers before we get there", 96) \
        == "variant"
    assert quote_match("The bridge will stay closed", "Fares go up in May", 96) is None


def test_same_opening() -> None:
    assert same_opening("Freedom means freedom for everyone.", "Freedom means freedom here.")
    assert not same_opening("I think that we will", "I think that they should")


@pytest.mark.parametrize(("a", "b", "same"), [
    ("U.K.", "Britain", True), ("Calif.", "California", True), ("Fla.", "Florida", True),
    ("North Korea's", "North Korea", True), ("US", "U.S.", True),
    ("Denver", "Dunmore", False), ("Toronto", "Texas", False), ("Pyongyang", "North Korea", False),
])
def test_same_place(a: str, b: str, same: bool) -> None:
    assert same_place(a, b) is same
