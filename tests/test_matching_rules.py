"""The rules that decide "the same thing in other words" for conflicts, each on its own."""

from __future__ import annotations

from typing import Any

import pytest

from wirecheck.nlp.spacy_backend import load_nlp
from wirecheck.stages.aligned import Differ, Mention, Pairing, aligned_pairs
from wirecheck.stages.aligned.dates import _near, _on_its_weekday, _proper, _same_event
from wirecheck.stages.aligned.polarity import _lemma
from wirecheck.stages.conflicts import (
    count_conflicts,
    denial_conflicts,
    home_conflicts,
    numbers_agree,
    person_like,
    quote_conflicts,
    role_conflicts,
    roles_compatible,
    status_conflicts,
)
from wirecheck.stages.ledger import quote_ledger, quote_match, same_opening, sentences_of, slight
from wirecheck.stages.sources import People, Sources, name_key, same_person
from wirecheck.stages.topics import gist
from wirecheck.text.numbers import parse_number
from wirecheck.text.places import lies_in, outside, part_of, same_place
from wirecheck.types import Article, Claim, Fact, Paragraph, Quote, Span


def role(value: str, *qualifier: str) -> Fact:
    return Fact("f", "a", "role", "X", value, Span("a", 0, 1), "test", None, qualifier)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Jim Mattis", "James Mattis", True),
    ("Felipe Calderón", "Felipe Calderon", True),
    ("Vicente Fox", "Vincente Fox", True),
    ("Rubio", "Marco Rubio", True),
    ("Ann Lee", "Bo Lee", False),
    ("Rep. Trey Gowdy", "Trey Gowdy", True),
    ("Tim Murray", "Timothy Murray", True),
    ("Mark Kelly", "Mike Kelly", False),
])
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(name_key(a), name_key(b)) is same


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Trump Jr.", "Donald Trump Jr.", True),
    ("Donald Trump", "Donald Trump Jr.", False),
    ("Trump Jr.", "Donald Trump", False),
    ("Trump", "Donald Trump Jr.", False),  # (no surname is "jr": as before)
])
def test_a_son_is_not_his_father(a: str, b: str, same: bool) -> None:
    """A generational suffix, in a story and in an article."""
    from wirecheck.text.names import same_person as same_in_article

    assert same_person(name_key(a), name_key(b)) is same
    assert same_in_article(a, b) is same


@pytest.mark.parametrize(("a", "b", "compatible"), [
    ("Senator", "Senate Majority Leader", True),
    ("Lt. governor", "Lieutenant Governor", True),  # "Lt. Gov." as extracted
    ("Senate Democratic Leader", "Senate Minority Leader", True),
    ("C.I.A. director", "CIA Director", True),
    ("CEO", "chief executive", True),
    ("Congressman", "Representative", True),
    ("Secretary of State", "Senator", False),
    ("Senate Majority Leader", "Senate Minority Leader", False),  # a side, not a party
    ("Senate Democratic Leader", "Senate Republican Leader", False),
    ("chief engineer", "deputy mayor", False),
    ("FBI Deputy Director", "bureau Deputy Director", True),  # initials stand for words
    ("RNC Chairman", "National Committee Chairman", True),
    ("GOP chairman", "Michigan Republican Party Chairman", True),
    ("White House spokesman", "White House Press Secretary", True),  # generic words aside
    ("Representative", "Majority Leader", True),
    ("Representative", "Senate Majority Leader", False),  # the other chamber
    ("CEO", "Chief Justice", False),
    ("leader", "Senate President", True),  # what any holder of an office may be called
    ("Democratic leader", "Republican leader", False),
])
def test_roles_compatible(a: str, b: str, compatible: bool) -> None:
    assert roles_compatible(role(a), role(b)) is compatible


def test_a_former_role_is_not_the_role_held_now() -> None:
    assert not roles_compatible(role("mayor", "former"), role("mayor"))
    assert not roles_compatible(role("ex-Vice President"), role("Vice President"))
    assert roles_compatible(role("ex-Vice President"), role("Vice President", "former"))
    # a former role is no other role held now
    assert roles_compatible(role("lieutenant governor", "former"), role("party chairman"))
    # a role held "then" (at the time told) goes with any: "then-Senator Obama" / "President
    # Obama"; "then-President Clinton signed it" / "President Clinton signed it"
    assert roles_compatible(role("Senator", "then"), role("President"))
    assert roles_compatible(role("President", "then"), role("President"))
    # one named but not yet held goes with any: "secretary of State-designate" / "CIA Director"
    assert roles_compatible(role("secretary", "designate"), role("CIA Director"))
    assert roles_compatible(role("President", "then"), role("President", "former"))
    # a title that is no office is often given without "former" long after it was held: "campaign
    # chair Paul Manafort" / "former campaign chairman Paul Manafort"
    assert roles_compatible(role("campaign chairman", "former"), role("campaign chair"))
    assert not roles_compatible(role("ambassador", "former"), role("ambassador"))


@pytest.mark.parametrize(("a", "b", "is_slight"), [
    ("a big mistake on the part of President Peña", "a big mistake on part of President Peña",
     True),
    ("I'm not going to pay for that f***ing wall", "I'm not going to pay for that fucking wall",
     True),
    ("you little son-of-a-b----", "you little son-of-a-bitch", True),  # censored by dashes
    ("there is a two-in-three chance that we win", "there is a 2 in 3 chance that we win", True),
    ("we can win this election easily", "we cannot win this election easily", False),
    ("there were 14 people hurt in the collapse", "there were 41 people hurt in the collapse",
     False),
    ("found nothing that gave us cause for concern", "found several joints that needed attention",
     False),
    ("Flynn lied and it's like they ruined his life", "Flynn lied, and it's like, it ruined his "
     "life", True),  # a pronoun for another
    ("my name is the Republican Party and I have a problem", "my name is the Republican Party, "
     "and I got a problem", True),
    ("I don't think it's anything worse", "I don't think it's any worse", True),
    ("I completely disagree with Representative Fredette's position",
     "I completely disagree with Fredette's position", True),  # one word more
    ("We reject his visit.", "We reject his message.", False),  # another content word
    ("they cannot believe what they're finding", "they cannot believe what they're talking",
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
    assert quote_match("God help us.", "God help us", 96) == "verbatim"  # short and the same
    # an editor's words in brackets are no variant
    assert quote_match("now these (local) supervisors have too much discretion",
                       "now these supervisors have too much discretion", 96) == "verbatim"
    assert quote_match("He should pay [for] it.", "He should pay for it.", 96) == "verbatim"
    # two excerpts of one remark, overlapping
    assert quote_match("that is the one thing you don't do, is engage in a land war in Asia",
                       "you don't do is engage in a land war in Asia, because everyone who "
                       "tried failed", 96) == "verbatim"
    # two remarks that share a phrase are not one remark
    assert quote_match("I am the attorney general of the United States, but I am also a black "
                       "man", "The same kid who got stopped on the freeway is now the attorney "
                       "general of the United States", 96) is None


@pytest.mark.parametrize(("a", "b", "agree"), [
    ("$43 million", "43,885,310", True),  # round terms
    ("$3 billion", "$3.6 billion", True),  # a scale word's figure is often cut
    ("200", "230", True),
    ("40", "41", False),
    ("50,000", "55,000", False),
    ("$139 million", "140,937,785", False),
    ("55,000", "110,003", False),
])
def test_numbers_in_round_terms(a: str, b: str, agree: bool) -> None:
    def number(written: str) -> Fact:
        value = parse_number(written)
        return Fact("f", "a", "number", "pages", written, Span("a", 0, 1), "test",
                    str(value), ())
    assert numbers_agree(number(a), number(b), 0.1) is agree


@pytest.mark.parametrize(("a", "b", "agree"), [
    (("at least", "5"), ("", "13"), True),  # 13 is at least five
    (("at least", "5"), ("at least", "13"), False),  # two floors of one count
    (("at least", "10000"), ("more than", "20003"), False),
    (("at least", "5"), ("up to", "13"), True),  # a floor and a ceiling
    (("more than", "40000"), ("more than", "43000"), True),  # as hedged figures
])
def test_two_bounds_the_same_way_disagree(a: tuple[str, str], b: tuple[str, str],
                                          agree: bool) -> None:
    def number(bound: str, value: str) -> Fact:
        return Fact("f", "a", "number", "deferments", f"{bound} {value}".strip(),
                    Span("a", 0, 1), "test", value, (bound,) if bound else ())
    assert numbers_agree(number(*a), number(*b), 0.1) is agree


def test_same_opening() -> None:
    assert same_opening("Freedom means freedom for everyone.", "Freedom means freedom here.")
    assert not same_opening("I think that we will", "I think that they should")
    assert same_opening("It's always been bipartisan.", "It's always nothing here.")
    assert not same_opening("It's always been bipartisan.", "It's always a pleasure to be back "
                            "here with all of you.")


def test_a_quotation_opening_like_the_rest_of_another_from_inside_it() -> None:
    """The other may be quoted from further back in the sentence: three words or more in
    common with the rest of its words from inside them, then another ending, is one remark;
    the same words but for a slight difference, or two words alike, are not."""
    longer = "If the storms pass, the ferry will run every day until the end of March."
    assert same_opening("The ferry will run nothing here changes the plan.", longer)
    assert same_opening(longer, "The ferry will run nothing here changes the plan.")
    assert not same_opening("The ferry will run every day until the end of March.", longer)
    assert not same_opening("a seat at the table.", "Come with a plan, not just a seat at a "
                            "table.")  # (the same words)
    assert not same_opening("harbour towns need money now", "We listen to the harbour towns "
                            "every day")


def test_a_quotation_opening_like_a_fragment_of_a_longer_one_is_its_variant() -> None:
    """The longer form leads the ledger; a quotation that opens like the fragment another
    outlet quotes of it (not like the longer form) is still that remark in other words."""
    said = [("a0", "We need more teachers, and Congress must fund the schools now."),
            ("a1", "Congress must fund the schools now."),
            ("a2", "Congress must fund the roads now.")]
    quotes = [Quote(f"q{i}", aid, text, "Ann Vale", "said", "direct",
                    Span(aid, 0, len(text)), "test") for i, (aid, text) in enumerate(said)]
    people = People.build(["Ann Vale"])
    sources = Sources.build([Article(aid, "test", "x", ()) for aid in ("a0", "a1", "a2")], [])
    found = [c for c in quote_conflicts(quote_ledger(quotes, people, 96), people, sources, 96)
             if c.type == "quote"]
    assert found and ["a2"] in [list(side.article_ids) for side in found[0].sides]


def _quote_sides(said: list[tuple[str, str, str, str]]) -> list[list[list[str]]]:
    """The sides (article ids) of each quote conflict over quotations (article, words,
    speaker, kind)."""
    quotes = [Quote(f"q{i}", aid, text, speaker, "said", kind, Span(aid, 0, len(text)), "test")
              for i, (aid, text, speaker, kind) in enumerate(said)]
    people = People.build([q.speaker for q in quotes if q.speaker])
    sources = Sources.build([Article(aid, "test", "x", ())
                             for aid in dict.fromkeys(q.article_id for q in quotes)], [])
    return [[list(side.article_ids) for side in c.sides]
            for c in quote_conflicts(quote_ledger(quotes, people, 96), people, sources, 96)
            if c.type == "quote"]


def test_a_quotation_opening_like_another_from_inside_it_is_its_variant() -> None:
    said = [("a0", "If the storms pass, the ferry will run every day until the end of March.",
             "Ann Vale", "direct"),
            ("a1", "The ferry will run nothing here changes the plan.", "Ann Vale", "direct")]
    assert _quote_sides(said) == [[["a0"], ["a1"]]]


def test_two_sentences_alike_of_one_article_are_no_variants() -> None:
    """An outlet quoting a speaker's two sentences that open alike gives both: another outlet
    quoting the first is no witness against the second (Fox's "I want a … leadership team
    that can bring the Republican conference together," "A leadership team that can help
    unite and grow our party"; HuffPost's "a leadership team that can bring …")."""
    said = [("a0", "I want a harbour board that can bring the towns together,", "Ann Vale",
             "direct"),
            ("a0", "A harbour board that can fund the ferries.", "Ann Vale", "direct"),
            ("a1", "a harbour board that can bring the towns together.", "Ann Vale", "partial")]
    assert _quote_sides(said) == []
    # nor is the second another wording of the first, which a third outlet quoting it shows
    assert _quote_sides([*said, ("a2", said[1][1], "Ann Vale", "direct")]) == []
    # the second sentence's words in the first outlet alone: the other's end is a variant
    assert _quote_sides([said[1], ("a1", said[2][1], "Ann Vale", "partial")]) \
        == [[["a0"], ["a1"]]]


def test_words_alike_of_another_person_are_no_variant() -> None:
    """A variant its outlet gives to another person than the one the words it varies are
    given to is another remark alike, not a misquote ("These guys are on the wrong side of
    history," Mason Tvert; "I think it shows they are on the wrong side of history," Brian
    Vicente)."""
    said = [("a0", "I think it shows they are on the wrong side of the harbour debate",
             "Ann Vale", "direct"),
            ("a1", "These guys are on the wrong side of the harbour debate.", "Ben Tor",
             "direct")]
    assert _quote_sides(said) == []
    assert _quote_sides([said[0], (*said[1][:2], "Ann Vale", "direct")]) == [[["a0"], ["a1"]]]


@pytest.mark.parametrize(("a", "b", "same"), [
    ("U.K.", "Britain", True), ("Calif.", "California", True), ("Fla.", "Florida", True),
    ("North Korea's", "North Korea", True), ("US", "U.S.", True),
    ("Denver", "Dunmore", False), ("Toronto", "Texas", False), ("Pyongyang", "North Korea", False),
])
def test_same_place(a: str, b: str, same: bool) -> None:
    assert same_place(a, b) is same


@pytest.mark.parametrize(("a", "b", "within"), [
    ("London", "U.K.", True), ("Boston", "Mass.", True),  # a state's abbreviation
    ("South Boston", "Mass.", True), ("South Boston", "Boston", True),  # a quarter of Boston
    ("Pyongyang", "North Korea", True), ("Pyongyang", "South Korea", False),  # a known name
    ("Boston", "Texas", False), ("East Harlem", "Vt.", False),
    ("Seattle", "Washington State", True), ("Manila", "Washington State", False),  # a "State"
])
def test_a_place_within_another(a: str, b: str, within: bool) -> None:
    assert part_of(a, b) is within and part_of(b, a) is within
    assert not within or lies_in(a, b) and not lies_in(b, a)  # the first within the second


@pytest.mark.parametrize(("place", "region", "out"), [
    ("Nebraska", "libya", True), ("Brussels", "missouri", True),
    ("Benghazi", "libya", False), ("Kansas City", "missouri", False),
    ("Tripoli", "libya", False), ("Portland", "maine", False),  # one of its senses is there
    ("Livingston", "new jersey", False),  # WordNet knows no such place: nothing to tell
])
def test_a_place_outside_the_region_it_is_named_with(place: str, region: str,
                                                      out: bool) -> None:
    assert outside(place, region) is out


def _roles_story(*given: tuple[int, str, str]) -> list[tuple[str, list[str]]]:
    """role_conflicts over articles a0, a1, ..., each (article, person, title) a role fact."""
    articles = [Article(f"a{i}", "test", "x", ()) for i in range(max(g[0] for g in given) + 1)]
    facts = [Fact(f"f{n}", f"a{i}", "role", person, title, Span(f"a{i}", n, n + 1), "test")
             for n, (i, person, title) in enumerate(given)]
    people = People.build([person for _, person, _ in given])
    found = role_conflicts(facts, people, Sources.build(articles, []))
    return [(c.topic, [s.value for s in c.sides]) for c in found]


def test_two_offices_one_against_one_are_a_tie() -> None:
    assert _roles_story((0, "Ann Vale", "Mayor"), (1, "Ann Vale", "Treasury Secretary")) == [
        ("Ann Vale's role", ["Mayor", "Treasury Secretary"])]
    # titles that are not offices may both be held: no conflict on one source each
    assert _roles_story((0, "Ann Vale", "minister"), (1, "Ann Vale", "author")) == []
    assert _roles_story((0, "Ann Vale", "Mayor"), (1, "Ann Vale", "mayor of Harlow")) == []
    # an attorney, or a word of a department's name, is no office
    assert _roles_story((0, "Ann Vale", "attorney"),
                        (1, "Ann Vale", "Justice Department official")) == []
    # an office held now against a title that is none: one of them is wrong
    assert _roles_story((0, "Ann Vale", "White House press secretary"),
                        (1, "Ann Vale", "editor of the Weekly Standard")) == [
        ("Ann Vale's role", ["White House press secretary", "editor of the Weekly Standard"])]
    assert _roles_story((0, "Ann Vale", "attorney"), (1, "Ann Vale", "Mayor")) == [
        ("Ann Vale's role", ["attorney", "Mayor"])]
    # every title of one source against every title of the other: a title that is no office
    # against one that is none may both be held
    assert _roles_story((0, "Ann Vale", "Governor"), (0, "Ann Vale", "author"),
                        (1, "Ann Vale", "policy director")) == []
    # the same office, formerly held: a matter of when it was written; and a former office
    # excludes nothing held now
    assert _roles_story((0, "Ann Vale", "ex-Mayor"), (1, "Ann Vale", "Mayor")) == []
    assert _roles_story((0, "Ann Vale", "ex-Mayor"), (1, "Ann Vale", "author")) == []


def test_two_titles_a_person_may_hold_together_are_no_conflict() -> None:
    """Neither an office nor a shared word: both may be true ("CEO" / "executive director")."""
    assert _roles_story((0, "Ann Vale", "CEO"), (1, "Ann Vale", "CEO"),
                        (2, "Ann Vale", "executive director")) == []
    assert _roles_story((0, "Ann Vale", "economic adviser"), (1, "Ann Vale", "economic adviser"),
                        (2, "Ann Vale", "chairman")) == []
    # a company's chief executive is often its president too, alone or against a majority;
    # an office against both is still a mistake
    assert _roles_story((0, "Ann Vale", "CEO"), (1, "Ann Vale", "Acme president")) == []
    assert _roles_story((0, "Ann Vale", "Acme president"), (1, "Ann Vale", "Acme president"),
                        (2, "Ann Vale", "chief executive")) == []
    assert _roles_story((0, "Ann Vale", "CEO"), (1, "Ann Vale", "Acme president"),
                        (2, "Ann Vale", "Secretary of Agriculture")) == [
        ("Ann Vale's role", ["Acme president", "Secretary of Agriculture"])]
    # an office, held now or formerly, against another title can tell a mistake
    assert _roles_story((0, "Ann Vale", "Governor"), (1, "Ann Vale", "Governor"),
                        (2, "Ann Vale", "policy director")) == [
        ("Ann Vale's role", ["Governor", "policy director"])]
    assert len(_roles_story((0, "Ann Vale", "former President"),
                            (1, "Ann Vale", "former President"),
                            (2, "Ann Vale", "former campaign manager"))) == 1
    # as can two titles sharing a word
    assert len(_roles_story((0, "Ann Vale", "policy director"),
                            (1, "Ann Vale", "policy director"),
                            (2, "Ann Vale", "communications director"))) == 1


def test_a_second_office_against_the_agreed_one() -> None:
    found = _roles_story((0, "Ann Vale", "Governor"), (1, "Ann Vale", "Governor"),
                         (1, "Ann Vale", "Chief Justice"))
    assert found == [("Ann Vale's role", ["Governor", "Chief Justice"])]
    # a second title that is no office is another role she may hold
    assert _roles_story((0, "Ann Vale", "Governor"), (1, "Ann Vale", "Governor"),
                        (1, "Ann Vale", "author")) == []


def test_where_a_person_is_from() -> None:
    articles = [Article(f"a{i}", "test", "x", ()) for i in range(3)]

    def home(i: int, person: str, place: str) -> Fact:
        return Fact(f"f{i}{place}", f"a{i}", "place", person, place, Span(f"a{i}", i, i + 1),
                    "test", place)

    def found(*facts: Fact) -> list[list[str]]:
        people = People.build([f.subject for f in facts])
        return [[s.value for s in c.sides]
                for c in home_conflicts(list(facts), people, Sources.build(articles, []))]

    assert found(home(0, "Raúl Labrador", "Idaho"), home(1, "Labrador", "Denver")) == [
        ["Idaho", "Denver"]]  # one against one: a tie
    assert found(home(0, "John Boehner", "Ohio"), home(1, "Boehner", "Ohio"),
                 home(2, "John Boehner", "Texas")) == [["Ohio", "Texas"]]
    assert found(home(0, "Chuck Schumer", "New York"), home(1, "Schumer", "N.Y.")) == []
    assert found(home(0, "Ann Vale", "Ohio"), home(1, "Bo Vale", "Iowa")) == []  # two people
    # "U.S. Rep. Blake Farenthold" / "Farenthold (R-Texas)": one place within the other
    assert found(home(0, "Blake Farenthold", "U.S."), home(1, "Farenthold", "Texas")) == []
    # "Maricopa County Sheriff Joe Arpaio" / "Arizona's Joe Arpaio": a county WordNet does
    # not know lies within some state; two counties still differ
    assert found(home(0, "Joe Arpaio", "Maricopa County"), home(1, "Arpaio", "Arizona")) == []
    assert found(home(0, "Joe Arpaio", "Maricopa County"), home(1, "Arpaio", "Pima County")) \
        == [["Maricopa County", "Pima County"]]


def test_the_region_of_a_named_place() -> None:
    """"Benghazi, Libya" / "Benghazi, Lisbon": one place's region given two ways; "Kansas City,
    Mo." / "Kansas City, Missouri" agree."""
    articles = [Article(f"a{i}", "test", "x", ()) for i in range(2)]

    def region(i: int, place: str, value: str) -> Fact:
        return Fact(f"f{i}", f"a{i}", "place", place, value, Span(f"a{i}", i, i + 1), "test",
                    value, ("region",))

    def found(*facts: Fact) -> list[tuple[str, list[str]]]:
        return [(c.topic, [s.value for s in c.sides]) for c in home_conflicts(
            list(facts), People.build([]), Sources.build(articles, []))]

    assert found(region(0, "Benghazi", "Libya"), region(1, "Benghazi", "Lisbon")) == [
        ("where Benghazi is", ["Libya", "Lisbon"])]
    assert found(region(0, "Kansas City", "Mo."), region(1, "Kansas City", "Missouri")) == []


@pytest.mark.parametrize(("name", "person"), [
    ("Marco Rubio", True), ("Pence", True), ("the US", False), ("officials", False),
    ("CNN", False), ("Officials", False),
])
def test_person_like(name: str, person: bool) -> None:
    assert person_like(name) is person


def test_quote_wordings_are_sides_and_a_shared_fragment_is_neither() -> None:
    """Two endings of one quotation are two sides; a fragment both contain counts for none;
    the side more independent sources carry comes first."""
    said = {"a0": "Let everybody participate, good and bad, and the voters will punish them",
            "a1": "Let everybody participate, good and bad",  # a fragment of both
            "a2": "Let everybody participate, good and bad, and we can sort it out later",
            "a3": "Let everybody participate, good and bad, and we can sort it out later"}
    quotes = [Quote(f"q{i}", aid, text, "Ann Vale", "said", "direct",
                    Span(aid, 0, len(text)), "test") for i, (aid, text) in enumerate(said.items())]
    people = People.build(["Ann Vale"])
    ledger = quote_ledger(quotes, people, 96)
    articles = [Article(aid, "test", "x", ()) for aid in said]
    found = [c for c in quote_conflicts(ledger, people, Sources.build(articles, []), 96)
             if c.type == "quote"]
    assert [list(side.article_ids) for side in found[0].sides] == [["a2", "a3"], ["a0"]]


def test_a_variant_sentence_of_a_longer_remark_is_a_dispute() -> None:
    """An outlet quoting the first part of a remark verbatim and its end in other words is no
    carrier of both wordings: the end's two wordings are the sides, the first cited by the
    outlets that quote that end."""
    said = [("a0", "The council should listen to its allies in the harbour towns, and if we "
                   "do not get it, there should be no deal."),
            ("a1", "The council should listen to its allies in the harbour towns"),
            ("a1", "And if we do not get it, we will walk away from the table."),
            ("a2", "The council should listen to its allies in the harbour towns")]
    quotes = [Quote(f"q{i}", aid, text, "Ann Vale", "said", "direct",
                    Span(aid, 0, len(text)), "test") for i, (aid, text) in enumerate(said)]
    people = People.build(["Ann Vale"])
    ledger = quote_ledger(quotes, people, 96)
    sources = Sources.build([Article(aid, "test", "x", ()) for aid in ("a0", "a1", "a2")], [])
    found = [c for c in quote_conflicts(ledger, people, sources, 96) if c.type == "quote"]
    assert [(side.value, list(side.article_ids)) for side in found[0].sides] == [
        (said[0][1], ["a0"]), (said[2][1], ["a1"])]


def test_a_quotation_resumed_after_its_tag_is_one_sentence() -> None:
    """'“I trust in God,” Ann Vale said, “but …”' is matched as the sentence others quote
    whole: its altered first part is a dispute (alone it matched nothing, and its second part
    made the outlet a carrier of the others' words)."""
    whole = "I trust in the council, but the council wants to see us help ourselves first."
    first = "I trust nobody at all,"
    second = "but the council wants to see us help ourselves first."
    quotes = [Quote("q0", "a0", whole, "Ann Vale", "said", "direct", Span("a0", 0, 79), "test"),
              Quote("q1", "a1", first, "Ann Vale", "said", "direct", Span("a1", 1, 23), "test"),
              Quote("q2", "a1", second, "Ann Vale", "said", "direct", Span("a1", 40, 92), "test"),
              Quote("q3", "a2", whole, "Ann Vale", "said", "direct", Span("a2", 0, 79), "test")]
    people = People.build(["Ann Vale"])
    ledger = quote_ledger(quotes, people, 96)
    sources = Sources.build([Article(aid, "test", "x", ()) for aid in ("a0", "a1", "a2")], [])
    found = [c for c in quote_conflicts(ledger, people, sources, 96) if c.type == "quote"]
    assert [list(side.article_ids) for side in found[0].sides] == [["a0", "a2"], ["a1"]]
    # a tag far from the next quotation, or a next quotation opening a sentence: two remarks
    far = [q if q.id != "q2" else Quote("q2", "a1", second, "Ann Vale", "said", "direct",
                                        Span("a1", 200, 252), "test") for q in quotes]
    assert not [c for c in quote_conflicts(quote_ledger(far, people, 96), people, sources, 96)
                if c.type == "quote"]
    ended = [q if q.id != "q1" else Quote("q1", "a1", "I trust nobody at all.", "Ann Vale",
                                          "said", "direct", Span("a1", 1, 23), "test")
             for q in quotes]  # a first quotation that ends its sentence is not resumed
    assert not [c for c in quote_conflicts(quote_ledger(ended, people, 96), people, sources, 96)
                if c.type == "quote"]


def test_a_denial_of_words_others_quote() -> None:
    """"Ann Vale did not say …" against outlets quoting her saying all of those words; not
    against a part of a word ("reopen" / "reopened"), nor for fewer than three words."""
    def found(denied: str) -> list[list[str]]:
        said = {"a0": ("The harbour will reopen on Monday morning", "said"),
                "a1": ("The harbour will reopen on Monday morning", "told"),
                "a2": (denied, "not say")}
        quotes = [Quote(f"q{i}", aid, text, "Ann Vale", cue, "direct",
                        Span(aid, 0, len(text)), "test")
                  for i, (aid, (text, cue)) in enumerate(said.items())]
        people = People.build(["Ann Vale"])
        ledger = quote_ledger(quotes, people, 96)
        assert all(q.article_id != "a2" for entry in ledger for q, _ in entry.carriers)
        sources = Sources.build([Article(aid, "test", "x", ()) for aid in said], [])
        return [[side.value for side in c.sides]
                for c in denial_conflicts(quotes, ledger, people, sources)]

    assert found("the harbour will reopen on Monday") == [["Ann Vale said it",
                                                           "Ann Vale did not say it"]]
    assert found("the harbour will reopen on Mon") == []
    assert found("reopen on Monday") == [["Ann Vale said it", "Ann Vale did not say it"]]
    assert found("on Monday") == []  # two words: a term, not a remark


def test_words_in_quotation_marks_lead_the_ledger_not_a_paraphrase() -> None:
    """A longer indirect quote (a paraphrase around a quoted fragment) joins the entry of the
    words in quotation marks as a paraphrase; it does not lead an entry that the quotation
    then joins as a variant of the paraphrase's words."""
    said = [("a0", "indirect", "a group of at least 544 women who serve as store managers who "
                               "\"are alleged to be both discriminators and victims"),
            ("a1", "partial", "this class includes at least 544 store managers who are alleged "
                              "to be discriminators and victims")]
    quotes = [Quote(f"q{i}", aid, text, "Ann Vale", "said", kind, Span(aid, 0, len(text)),
                    "test") for i, (aid, kind, text) in enumerate(said)]
    people = People.build(["Ann Vale"])
    ledger = quote_ledger(quotes, people, 96)
    assert ledger[0].kind == "partial"
    assert all(match == "paraphrase" for q, match in ledger[0].carriers if q.kind == "indirect")
    articles = [Article(aid, "test", "x", ()) for aid, _, _ in said]
    assert not [c for c in quote_conflicts(ledger, people, Sources.build(articles, []), 96)
                if c.type == "quote"]


def test_a_source_giving_words_to_two_people_is_no_witness_against_itself() -> None:
    words = "The bridge will stay closed until the inspectors are done"
    given = [("a0", "Ann Vale"), ("a1", "Ann Vale"), ("a1", "Bo Reed")]
    quotes = [Quote(f"q{i}", aid, words, who, "said", "direct", Span(aid, i, i + len(words)),
                    "test") for i, (aid, who) in enumerate(given)]
    people = People.build(["Ann Vale", "Bo Reed"])
    articles = [Article(aid, "test", "x", ()) for aid in ("a0", "a1")]
    found = quote_conflicts(quote_ledger(quotes, people, 96), people,
                            Sources.build(articles, []), 96)
    assert [c for c in found if c.type == "speaker"] == []
    quotes.append(Quote("q9", "a2", words, "Bo Reed", "said", "direct", Span("a2", 0, 9), "t"))
    articles.append(Article("a2", "test", "x", ()))
    found = quote_conflicts(quote_ledger(quotes, people, 96), people,
                            Sources.build(articles, []), 96)
    assert [[s.value for s in c.sides] for c in found if c.type == "speaker"] == [
        ["Ann Vale", "Bo Reed"]]


def test_counts_across_the_story() -> None:
    articles = [Article(f"a{i}", "test", "x", ()) for i in range(4)]

    def count(i: int, value: str, normalized: str, verb: str = "injured",
              *qualifier: str) -> Fact:
        return Fact(f"f{i}{value}", f"a{i}", "number", f"people {verb}", value,
                    Span(f"a{i}", i, i + 1), "test", normalized, qualifier)

    def found(*facts: Fact) -> list[list[str]]:
        return [[s.value for s in c.sides]
                for c in count_conflicts(list(facts), Sources.build(articles, []), 0.1)]

    assert found(count(0, "14", "14"), count(1, "Fourteen", "14"),
                 count(2, "no one", "0")) == [["14 / Fourteen", "no one"]]
    assert found(count(0, "14", "14"), count(1, "about 15", "15", "injured", "about")) == []
    assert found(count(0, "14", "14"), count(1, "41", "41")) == [["14", "41"]]
    # a figure that grew: one source gives both values
    assert found(count(0, "10", "10"), count(1, "10", "10"), count(1, "14", "14"),
                 count(2, "14", "14")) == []
    assert found(count(0, "14", "14"), count(1, "3", "3", "killed")) == []  # other counts
    # any count of a thing and what happened to it; a bare "percent" is no one count
    seats = [Fact(f"s{i}", f"a{i}", "number", subject, value, Span(f"a{i}", 0, 1), "test", value)
             for i, (subject, value) in enumerate([("seats picked", "6"), ("seats picked", "6"),
                                                   ("seats picked", "15")])]
    assert found(*seats) == [["6", "15"]]
    assert found(*(Fact(f.id, f.article_id, "number", "percent", f.value, f.span, "test",
                        f.normalized) for f in seats)) == []


def test_a_conditional_or_questioned_status_states_nothing() -> None:
    articles = [Article(f"a{i}", "test", "x", ()) for i in range(2)]

    def status(i: int, value: str, *qualifier: str) -> Fact:
        return Fact(f"s{i}", f"a{i}", "status", "funding", value, Span(f"a{i}", 0, 1), "test",
                    value, qualifier)

    sources = Sources.build(articles, [])
    assert len(status_conflicts([status(0, "secured"), status(1, "not secured", "negated")],
                                sources)) == 1
    assert status_conflicts([status(0, "secured"),
                             status(1, "not secured", "negated", "conditional")], sources) == []


@pytest.mark.parametrize(("a", "b", "same"), [
    ("who pleaded", "Michael Flynn pleaded", True),  # the event both date
    ("male suspect arrested", "law enforcement arrested him", True),
    ("Donald J. Trump announced", "Trump announced which", False),  # a name and a speech verb
    ("Trump said", "Michael Bloomberg said", False),
])
def test_two_dates_of_one_event(a: str, b: str, same: bool) -> None:
    """In a sentence with two days, a day is compared only with the day of the same event."""
    def day(subject: str) -> Fact:
        return Fact("f", "a0", "date", subject, "Friday", Span("a0", 0, 6), "test", "2025-01-03")

    assert _same_event(day(a), day(b)) is same


def test_a_speech_at_a_rally_is_one_occasion() -> None:
    from wirecheck.stages.conflicts import setting_conflicts

    def found(*said: str) -> list[list[str]]:
        articles = [Article(f"a{i}", "test", f"Ann Vale said {where} in Harlow that the bridge "
                            "would reopen next spring.", ()) for i, where in enumerate(said)]
        conflicts = setting_conflicts(articles, People.build(["Ann Vale"]),
                                      Sources.build(articles, []))
        return [[side.value for side in c.sides] for c in conflicts]

    assert found("at a rally", "in a speech") == []
    assert found("at a hearing", "in a speech") == []
    assert found("at a rally", "in an interview") == [["interview", "rally"]]
    # "interview" as a verb is no occasion
    assert found("at a rally", "that Bo Lee did not need to interview Ann Vale, and") == []


def test_a_weekday_and_a_date_that_falls_on_it_agree() -> None:
    """"Saturday" resolved from a dateline to April 14, another outlet's "April 21" (a
    Saturday): the same day told two ways, not a conflict; "Friday" is another day."""
    def day(value: str, normalized: str) -> Fact:
        return Fact("f", "a0", "date", "test", value, Span("a0", 0, 6), "test", normalized)

    assert _on_its_weekday(day("Saturday", "2018-04-14"), "2018-04-21")
    assert not _on_its_weekday(day("Friday", "2018-04-13"), "2018-04-21")
    assert not _on_its_weekday(day("April 14", "2018-04-14"), "2018-04-21")


def test_a_dispute_topic_names_what_both_sentences_are_about() -> None:
    """The topic of a date dispute: the shared words, without the dateline, the days, the
    figures or a name said twice in other capitals."""
    a = ("PORT AMBERLEY, Oct 14 — Fourteen people were injured on Tuesday when the Kestrel "
         "footbridge in Port Amberley gave way.")
    b = "The Kestrel footbridge in Port Amberley gave way on Monday, injuring 14 people."
    assert gist(a, b) == "people injured Kestrel footbridge Port Amberley gave way"
    assert gist("FBI agents searched the office.", "The FBI searched it.") == "FBI searched"


def test_a_variant_that_keeps_the_meaning_is_no_conflict() -> None:
    """Two outlets' transcriptions of one remark that the checker finds each supported by the
    other are variants in the ledger, not a dispute; a changed word of substance or a dropped
    negation is one."""
    def conflicts(*said: str) -> list[list[str]]:
        quotes = [Quote(f"q{i}", f"a{i}", text, "Ann Vale", "said", "direct",
                        Span(f"a{i}", 0, len(text)), "test") for i, text in enumerate(said)]
        people = People.build(["Ann Vale"])
        articles = [Article(f"a{i}", "test", "x", ()) for i in range(len(said))]
        ledger = quote_ledger(quotes, people, 96)
        assert any(m == "variant" for e in ledger for _, m in e.carriers)
        return [[s.value for s in c.sides] for c in quote_conflicts(
            ledger, people, Sources.build(articles, []), 96) if c.type == "quote"]

    assert conflicts("The council will rebuild the bridge and the stockholders will be happy",
                     "The council will rebuild the bridge, and shareholders are going to be "
                     "happy") == []
    assert conflicts("We reject his visit.", "We reject his message.")
    assert conflicts("If they don't pass this bill soon it will increase the risk of a double dip",
                     "To pass this bill soon would increase the risk of a double dip")


def test_three_wordings_one_source_quoting_two_are_no_conflict() -> None:
    """An outlet quoting two excerpts of a statute, another a third: not three versions of one
    remark, no dispute; two wordings, one per outlet, are one."""
    opening = "Let everybody participate, good and bad, and"
    said = [("a0", f"{opening} the voters will punish them"),
            ("a0", f"{opening} the courts will sort it out"),
            ("a1", f"{opening} nobody will be left out of the count")]
    people = People.build(["Ann Vale"])
    articles = [Article(aid, "test", "x", ()) for aid in ("a0", "a1")]

    def disputes(quoted: list[tuple[str, str]]) -> list[Any]:
        quotes = [Quote(f"q{i}", aid, text, "Ann Vale", "said", "direct",
                        Span(aid, 10 * i, 10 * i + len(text)), "test")
                  for i, (aid, text) in enumerate(quoted)]
        ledger = quote_ledger(quotes, people, 96)
        return [c for c in quote_conflicts(ledger, people, Sources.build(articles, []), 96)
                if c.type == "quote"]

    assert disputes(said) == []
    assert disputes([said[0], said[2]])


def test_the_same_reported_words_in_two_outlets_are_verbatim() -> None:
    """Two outlets reporting the same words without quotation marks carry them verbatim (they
    were "paraphrase", as an indirect quote of a quotation's words is)."""
    text = "The other 11 were treated at the scene for cuts and bruises"
    quotes = [Quote(f"q{i}", f"a{i}", text, "the fire service", "said", "indirect",
                    Span(f"a{i}", 0, len(text)), "test") for i in range(2)]
    quotes.append(Quote("q2", "a2", text, "the fire service", "said", "direct",
                        Span("a2", 0, len(text)), "test"))
    (entry,) = quote_ledger(quotes, People.build([]), 96)
    assert entry.kind == "direct"
    assert sorted(m for _, m in entry.carriers) == ["paraphrase", "paraphrase", "verbatim"]
    (entry,) = quote_ledger(quotes[:2], People.build([]), 96)
    assert [m for _, m in entry.carriers] == ["verbatim", "verbatim"]


def test_the_majority_side_of_a_role_conflict_holds_only_its_role() -> None:
    """"Secretary of State" (two outlets, one also calling him national security adviser)
    against "Senator": the first side cites the Secretary of State mentions, not the other
    title the same outlets give (the page showed "Says: Secretary of State — Where: “national
    security adviser”")."""
    given = [(0, "Ann Vale", "Secretary of State"), (0, "Ann Vale", "national security adviser"),
             (1, "Ann Vale", "national security adviser"), (1, "Ann Vale", "Secretary of State"),
             (2, "Ann Vale", "Senator")]
    articles = [Article(f"a{i}", "test", "x", ()) for i in range(3)]
    facts = [Fact(f"f{n}", f"a{i}", "role", person, title, Span(f"a{i}", n, n + 1), "test")
             for n, (i, person, title) in enumerate(given)]
    (found,) = role_conflicts(facts, People.build(["Ann Vale"]), Sources.build(articles, []))
    first = found.sides[0]
    assert first.value == "Secretary of State"
    assert sorted(span.start for span in first.spans) == [0, 3]


@pytest.mark.parametrize(("text", "dateline"), [
    ("PORT AMBERLEY, Oct 14 (Meridian Press) - Part of the bridge fell.",
     "PORT AMBERLEY, Oct 14 (Meridian Press) - "),
    ("WASHINGTON (AP) \u2014 The House voted.", "WASHINGTON (AP) \u2014 "),
    ("LIVINGSTON, N.J. \u2014 Gov. Chris Christie declared.", "LIVINGSTON, N.J. \u2014 "),
    ("WASHINGTON, April 30 (Reuters)-President Trump postponed the tariffs.",
     "WASHINGTON, April 30 (Reuters)-"),  # an agency's dash needs no space
    ("US-Mexico talks went on.", None),
    ("US, China agree - talks go on.", None),  # a headline's comma, not a dateline
    ("US officials - said nothing.", None),
])
def test_datelines(text: str, dateline: str | None) -> None:
    from wirecheck.text.datelines import DATELINE

    found = DATELINE.match(text)
    assert (found.group(0) if found else None) == dateline


def test_a_value_is_left_out_of_the_alignment_it_is_compared_by() -> None:
    """A changed day or figure must not hide itself: two sentences telling one event with other
    days (or figures) are aligned for their days (or numbers) as if those agreed. The days pair
    is 39 by all its words, under the 44 that days need, 45 without the words of days (and 39
    with only the figures left out: this pair has none)."""
    def pair(*said: str) -> Pairing:
        claims = [Claim(f"c{i}", f"a{i}", text, Span(f"a{i}", 0, len(text)), None, False,
                        "test") for i, text in enumerate(said)]
        articles = [Article(f"a{i}", "test", "x", ()) for i in range(2)]
        [found] = aligned_pairs(claims, Sources.build(articles, []), 30)
        return found

    days = pair("The Greyling ferry ran aground off Kestrel Bay on Tuesday evening in thick fog, "
                "the coastguard said, and harbour tugs were sent from Harlow.",
                "The Greyling ferry ran aground at Kestrel Bay late on Thursday, March the "
                "thirteenth, with passengers, crew, cars and lorries aboard.")
    assert days.score < 44 <= days.by("date")[0] and days.by("number")[0] == days.score
    figures = pair("Harbour master Orla Brennan pledged to repay the $84,000 in port money she "
                   "spent on the yacht.",
                   "Orla Brennan would repay the $168,003, 2,017 invoices show, in 12 payments "
                   "of $14,001 from her pension.")  # 24 by all words, 39 without the figures
    assert figures.loose and not figures.by("number")[1]  # compared on its numbers after all
    assert figures.by("date") == figures.by("number")  # (figures are words of days too)


@pytest.mark.parametrize(("text", "pieces"), [
    ("We will cooperate with the U.S. Attorney's office. We will respond.",
     ["We will cooperate with the U.S. Attorney's office.", "We will respond."]),
    ("Mr. Smith said so. He went home.", ["Mr. Smith said so.", "He went home."]),
    ("She lied many times to the F.B.I. Nothing happened to her.",
     ["She lied many times to the F.B.I.", "Nothing happened to her."]),
    ("It is a war. A terrible one.", ["It is a war.", "A terrible one."]),
])
def test_a_quotation_is_cut_into_sentences_not_at_abbreviations(text: str,
                                                                pieces: list[str]) -> None:
    quote = Quote("q", "a", text, "Ann Vale", "said", "direct", Span("a", 10, 10 + len(text)),
                  "test")
    found = sentences_of(quote)
    assert [q.text for q in found] == pieces
    assert all(text[q.span.start - 10:q.span.end - 10] == q.text for q in found)


def test_the_lemma_of_a_prefixed_verb_keeps_its_prefix() -> None:
    """spaCy splits "re-confirmed" into "re", "-", "confirmed": the site that re-confirmed its
    reporting says nothing of whether another outlet confirmed it."""
    doc = load_nlp()("The site had re-confirmed its reporting and had confirmed the date.")
    assert [_lemma(t) for t in doc if t.lower_ == "confirmed"] == ["reconfirm", "confirm"]


def test_no_polarity_from_a_no_inside_a_quotation() -> None:
    """A "not" in the second sentence of a quotation (its opening mark is in the sentence
    before) is the speaker's: the report's sentence without it is not contradicted; the same
    words as the report's own are."""
    said = "Orla Brennan spoke on Tuesday. “The cranes stay. It's not the harbour board's quay.”"
    other = "But the board sought to make the case that it is now the harbour board's quay."

    def statuses(text: str) -> list[tuple[Mention, Mention]]:
        start = text.index("It's")
        articles = [Article("a0", "test", text, (Paragraph(0, len(text), "p"),)),
                    Article("a1", "test", other, (Paragraph(0, len(other), "p"),))]
        claims = [Claim("c0", "a0", text[start:], Span("a0", start, len(text)), None, False, "t"),
                  Claim("c1", "a1", other, Span("a1", 0, len(other)), None, False, "t")]
        differ = Differ([], Sources.build(articles, []), People.build([]), 0.1, 30, 58)
        return list(differ.polarity(*claims, worded_alike=True, nearly_same=True))

    assert statuses(said) == []
    assert statuses(said.replace("“", "").replace("”", ""))


def test_in_quotation_over_several_sentences() -> None:
    """A word in the second sentence of a quotation is quoted though its opening mark is in
    the sentence before; a word after the closing mark is not."""
    text = ("Brennan spoke on Tuesday. “This is everyone's harbour. It's not the board's "
            "harbour.” She did not stay.")
    article = Article("a0", "test", text, (Paragraph(0, len(text), "p"),))
    differ = Differ([], Sources.build([article], []), People.build([]), 0.1, 30, 58)
    assert differ.in_quotation(Span("a0", text.index("not"), text.index("not") + 3))
    assert not differ.in_quotation(Span("a0", text.rindex("not"), text.rindex("not") + 3))
    assert not differ.in_quotation(Span("a0", text.index("spoke"), text.index("spoke") + 5))


def test_a_surname_shared_by_father_and_son_is_no_witness() -> None:
    """"Mr. Reed said" in an article that names Tobin Reed Jr. in full may be the son or his
    father Tobin Reed, whom another outlet names: no speaker conflict over the words; the same
    surname in an article that names no Reed with a suffix is the story's Tobin Reed."""
    words = "The harbour cranes will be sold before the winter"
    texts = {"a0": "Tobin Reed Jr. runs the company. " + words,
             "a1": "The company was founded by Tobin Reed. " + words,
             "a2": words + ", Tobin Reed Jr. said."}
    given = [("a0", "Reed"), ("a2", "Tobin Reed Jr."), ("a1", "Tobin Reed")]
    quotes = [Quote(f"q{i}", aid, words, who, "said", "direct", Span(aid, 0, len(words)), "t")
              for i, (aid, who) in enumerate(given[:2])]
    people = People.build(["Tobin Reed", "Tobin Reed Jr.", "Reed"])
    articles = [Article(aid, "test", text, ()) for aid, text in texts.items()]
    found = quote_conflicts(quote_ledger(quotes, people, 96), people,
                            Sources.build(articles, []), 96)
    assert [c for c in found if c.type == "speaker"] == []
    articles[0] = Article("a0", "test", "Mr. Reed runs the company. " + words, ())
    found = quote_conflicts(quote_ledger(quotes, people, 96), people,
                            Sources.build(articles, []), 96)
    assert [sorted(s.value for s in c.sides) for c in found if c.type == "speaker"] == [
        ["Tobin Reed", "Tobin Reed Jr."]]


@pytest.mark.parametrize("a, b, near", [
    ("2025-03-14", "2025-03-15T09:30:00+00:00", True),
    ("2025-03-14", "2025-03-16", False),
    ("2025-03-14", None, False),  # an unknown date: leads are not compared
    ("yesterday", "2025-03-14", False),  # unreadable: no error, no comparison
    ("2025-02-30", "2025-03-01", False),
])
def test_leads_are_compared_only_for_known_dates_a_day_apart(a: str, b: str | None,
                                                             near: bool) -> None:
    assert _near(a, b) is near


def test_the_names_of_a_doer_are_the_head_words_of_names() -> None:
    """A title before a name is no name of its own ("President" of "President Donald Trump"),
    so that two presidents are not one doer; nor is an abbreviation ("Mr.")."""
    doc = load_nlp()("President Donald Trump and Mr. Akin met the New York Times editors.")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert _proper(subject) == {"Trump", "Akin"}


def test_a_longer_name_names_a_place_only_if_it_is_a_place() -> None:
    """"the Leeds Evening Post", a newspaper, names no Leeds; "York City", a place the article
    names, names York too; a mention on its own names it."""
    def names(text: str, place: str, places: tuple[str, ...] = ()) -> bool:
        facts = [Fact(f"f{i}", "a0", "place", "place", p,
                      Span("a0", text.index(p), text.index(p) + len(p)), "test")
                 for i, p in enumerate(places)]
        article = Article("a0", "test", text, (Paragraph(0, len(text), "p"),))
        differ = Differ(facts, Sources.build([article], []), People.build([]), 0.1, 30, 58)
        return differ._names("a0", place)

    assert not names("It was first reported by the Leeds Evening Post.", "Leeds")
    assert names("The team flew to York City on Monday.", "York", ("York City",))
    assert names("It was reported by the Leeds Evening Post, in Leeds.", "Leeds")
    assert not names("The union met in Hull.", "Leeds")


def test_an_indirect_quote_inside_another_of_its_speaker_is_part_of_it() -> None:
    """"adding that the ferry is still likely to run until March": "likely" reads "to run
    until March" too, which is not a second thing said."""
    text = "the ferry is still likely to run until March"
    inner = text.index("to run")
    quotes = [Quote("q0", "a0", text, "Ann Vale", "adding", "indirect",
                    Span("a0", 100, 100 + len(text)), "test"),
              Quote("q1", "a0", text[inner:], "Ann Vale", "likely", "indirect",
                    Span("a0", 100 + inner, 100 + len(text)), "test"),
              Quote("q2", "a1", text[inner:], "Ann Vale", "said", "indirect",
                    Span("a1", 10, 10 + len(text) - inner), "test")]
    ledger = quote_ledger(quotes, People.build(["Ann Vale"]), 96)
    carriers = [q.id for entry in ledger for q, _ in entry.carriers]
    assert sorted(carriers) == ["q0", "q2"]  # another article's words of it still count
