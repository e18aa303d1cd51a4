"""Names of places: two names of one place ("U.K." / "Britain", "Calif." / "California"), one
place within another as WordNet knows them, a place named with a region it lies outside
("Nebraska, Libya"), and whether a text names a place."""

from __future__ import annotations

import re

from ..ids import normalize_for_hash

PAIR = re.compile(r"\w-[A-Z]")  # two places joined as a pair: "U.S.-North Korea"

PLACE_NAMES = [frozenset(group.split("/")) for group in (
    "us/usa/united states/america/united states of america",
    "uk/united kingdom/britain/great britain", "dc/washington/washington dc")]


def same_place(a: str, b: str) -> bool:
    """Two names of one place: "U.K." / "UK" / "Britain", "Calif." / "California", "Fla." /
    "Florida", "North Korea's" / "North Korea" (the shorter's letters in order in the longer,
    from the same first letter), "Pyongyang" inside "North Korea" is not known: a difference."""
    x, y = (re.sub(r"[^a-z ]", "", normalize_for_hash(v).removesuffix("'s")).strip()
            for v in (a, b))
    if any(x in group and y in group for group in PLACE_NAMES):
        return True
    short, long_ = sorted((x.replace(" ", ""), y.replace(" ", "")), key=len)
    if not short or short[0] != long_[0]:
        return False
    rest = iter(long_)
    return all(c in rest for c in short)


def part_of(a: str, b: str) -> bool:
    """One place within the other, as WordNet knows them ("London" / "U.K."; "South Boston",
    which it does not know, is within Boston, and Boston in "Mass."; a county and a place that
    is none): a difference of precision, not of place."""
    return lies_in(a, b) or lies_in(b, a)


def lies_in(a: str, b: str) -> bool:
    """The place ``a`` lies within the place ``b`` (``part_of``, one way): "London" inside
    "U.K.", "South Boston" inside "Boston", "Maricopa County" inside "Arizona"."""
    from ..consistency.wordnet import within

    names_a, names_b = place_names(a), place_names(b)
    if names_a[0].endswith(COUNTY) != names_b[0].endswith(COUNTY):
        return names_a[0].endswith(COUNTY)  # WordNet knows few counties, each in a state
    return any(x in within(y) for x in names_a for y in names_b) or names_b[0] in names_a[1:]


COUNTY = (" county", " parish")
# the abbreviations of the states after a name ("(D-Mass.)", "Calif."), as WordNet names them
STATES = dict(pair.split(":") for pair in (
    "ala:alabama ariz:arizona ark:arkansas calif:california colo:colorado conn:connecticut "
    "del:delaware fla:florida ga:georgia ill:illinois ind:indiana kan:kansas ky:kentucky "
    "md:maryland mass:massachusetts mich:michigan minn:minnesota "
    "miss:mississippi mo:missouri mont:montana neb:nebraska nev:nevada nh:new_hampshire "
    "nj:new_jersey nm:new_mexico ny:new_york nc:north_carolina nd:north_dakota okla:oklahoma "
    "ore:oregon pa:pennsylvania ri:rhode_island sc:south_carolina sd:south_dakota "
    "tenn:tennessee vt:vermont va:virginia wash:washington wva:west_virginia wis:wisconsin "
    "wyo:wyoming").split())
QUARTER = re.compile(r"(?:north|south|east|west|central|downtown|upper|lower) (.+)")


def place_names(place: str) -> list[str]:
    """A place's name as WordNet may know it, then the place a part of it is named after
    ("South Boston", unknown to WordNet: Boston), or the state a "State" is ("Washington
    State": Washington)."""
    from ..consistency.wordnet import is_noun

    name = normalize_for_hash(place).removesuffix("'s").strip()
    name = STATES.get(re.sub(r"[^a-z]", "", name), name).replace("_", " ")
    quarter = QUARTER.fullmatch(name)
    if quarter and not is_noun(name):  # ("South Korea" is no part of Korea)
        return [name, quarter.group(1)]
    if name.endswith(" state") and not is_noun(name):  # "Washington State": Washington
        return [name, name.removesuffix(" state")]
    return [name]


def outside(place: str, region: str) -> bool:
    """WordNet knows ``place`` as a part of places, ``region`` as a place, and ``region`` is
    none of them, in any sense of either name ("Nebraska, Libya"; not "Tripoli, Libya", nor
    "Portland, Maine", nor "Livingston, N.J.", which it knows as no place)."""
    from ..consistency.wordnet import around, is_noun

    wholes = around(place_names(place)[0])
    return bool(wholes) and is_noun(region) and region not in wholes


def named_in(place: str, text: str) -> bool:
    """``text`` (normalised: ``normalize_for_hash``) names ``place`` as a whole word."""
    return re.search(rf"(?<!\w){re.escape(normalize_for_hash(place))}(?!\w)", text) is not None
