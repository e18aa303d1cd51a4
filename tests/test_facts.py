import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from test_quotes import HARBOUR, RANDOM_TEXT, SEEDS, load_corpus, make_article
from wirecheck.ids import content_id
from wirecheck.stages.facts import FactExtractor
from wirecheck.text.names import same_person
from wirecheck.text.numbers import parse_number
from wirecheck.types import Article, Fact

STOP = {"the", "of", "a", "an", "to", "for", "and", "s"}


@pytest.fixture(scope="session")
def extractor() -> FactExtractor:
    return FactExtractor()


def facts_of(extractor: FactExtractor, article: Article, kind: str) -> list[Fact]:
    return [f for f in extractor.process(article) if isinstance(f, Fact) and f.kind == kind]


def role_words(text: str) -> set[str]:
    text = text.lower().replace("spokesman", "spokesperson").replace("advisor", "adviser")
    return {w for w in re.findall(r"[a-z]+", text) if w not in STOP}


def role_matches(expected: str, value: str) -> bool:
    e, v = role_words(expected), role_words(value)
    return bool(e and v) and (e <= v or v <= e)


# -- roles ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "person", "role"), [
    ("US Secretary of State Marco Rubio spoke on Friday.", "Marco Rubio", "Secretary of State"),
    ("Pakistani Foreign Minister Ishaq Dar spoke.", "Ishaq Dar", "Foreign Minister"),
    ("Pakistan's army chief Asim Munir is in Washington.", "Asim Munir", "army chief"),
    ("Pakistan's army chief, Asim Munir, is in Washington.", "Asim Munir", "army chief"),
    ("This was said by senior US Senator Marco Rubio.", "Marco Rubio", "Senator"),
    ("Pakistan's Foreign Office spokesperson, Tahir Hussain Andrabi, spoke on Thursday.",
     "Tahir Hussain Andrabi", "Foreign Office spokesperson"),
    ("Andrabi Khan, the spokesman of the Foreign Office, spoke.", "Andrabi Khan",
     "Foreign Office spokesperson"),
    ("It involved the Pakistani ambassador to the US, Masood Khan, and others.", "Masood Khan",
     "ambassador"),
    ("Marco Rubio, who serves as the Vice Chairman of the Senate Intelligence Committee, spoke.",
     "Marco Rubio", "Vice Chairman"),
    ("Marco Rubio has also taken on the role of national security adviser.", "Marco Rubio",
     "national security adviser"),
    ("Tobin Reed, the city's chief engineer, said the bridge was safe.", "Tobin Reed",
     "chief engineer"),
])
def test_roles(extractor: FactExtractor, sentence: str, person: str, role: str) -> None:
    article = make_article(sentence)
    roles = facts_of(extractor, article, "role")
    assert [(f.subject, f.value) for f in roles] == [(person, role)]
    fact = roles[0]
    assert fact.normalized and article.text[fact.span.start:fact.span.end] in fact.normalized


def test_two_titles_of_one_appositive_name(extractor: FactExtractor) -> None:
    """"X and Y, NAME": both titles are the person's; without the comma, the first title may
    be another person's ("the president and Vice President Mike Pence")."""
    roles = facts_of(extractor, make_article(
        "The port's deputy director and chief negotiator, Orla Brennan, spoke on Monday. "
        "The mayor and Deputy Mayor Tobin Reed spoke too."), "role")
    assert sorted((f.subject, f.value) for f in roles) == [
        ("Orla Brennan", "chief negotiator"), ("Orla Brennan", "deputy director"),
        ("Tobin Reed", "Deputy Mayor")]


def test_role_qualifier_and_surname(extractor: FactExtractor) -> None:
    article = make_article("Former mayor Helena Varga said the bridge was closed.",
                           "Senator Varga spoke later.")
    roles = [(f.subject, f.value, f.qualifier) for f in facts_of(extractor, article, "role")]
    assert roles == [("Helena Varga", "mayor", ("former",)),
                     ("Helena Varga", "Senator", ())]


def test_envoys_share_a_role(extractor: FactExtractor) -> None:
    article = make_article("Senior envoys Steve Witkoff and Jared Kushner met officials.")
    assert {(f.subject, f.value) for f in facts_of(extractor, article, "role")} == {
        ("Steve Witkoff", "envoy"), ("Jared Kushner", "envoy")}


def test_a_title_is_not_shared_or_borrowed(extractor: FactExtractor) -> None:
    """A singular title before the first of two names is the first person's; a title after
    "of", "to" or "for" in a phrase after a name is somebody else's."""
    article = make_article("The visit strained ties between President Barack Obama and "
                           "Benjamin Netanyahu.",
                           "Adam Schiff, a vocal critic of the president, spoke on Friday.",
                           "Ann Vale, a senior adviser to the governor, declined to comment.")
    assert {(f.subject, f.value) for f in facts_of(extractor, article, "role")} == {
        ("Barack Obama", "President"), ("Ann Vale", "adviser")}


def test_a_name_modifying_a_noun_takes_no_title_and_then_is_a_past_role(
        extractor: FactExtractor) -> None:
    article = make_article("Mitt Romney spoke in Ohio on Friday.",
                           "It was confirmed by Bo Lin, the policy director for the Romney "
                           "campaign.",
                           "Two years prior, then-Senator Barack Obama used the same words.")
    roles = {(f.subject, f.value, f.qualifier) for f in facts_of(extractor, article, "role")}
    assert not [r for r in roles if r[0] == "Mitt Romney"]  # the campaign's director is Lin
    assert ("Barack Obama", "Senator", ("then",)) in roles


def test_headings_give_no_facts(extractor: FactExtractor) -> None:
    article = make_article(("heading", "US Senator Rubio Confirms 14 Offers on Friday"),
                           "Nothing else.")
    assert list(extractor.process(article)) == []


# -- numbers -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("14", "14"), ("fourteen", "14"), ("twenty-one", "21"), ("1,200", "1200"),
    ("3.5 million", "3500000"), ("a dozen", "12"), ("about 40", "40"), ("40%", "40"),
    ("two dozen", "24"), ("almost a dozen", "12"), ("4.5 per cent", "4.5"),
    ("$5 million", "5000000"), ("a 4.5 per cent", "4.5"),
    ("two hundred", "200"), ("13:05", None), ("many", None),
])
def test_parse_number(text: str, expected: str | None) -> None:
    assert parse_number(text) == expected


def test_numbers(extractor: FactExtractor) -> None:
    article = make_article(
        "Part of the bridge collapsed on Tuesday, injuring 14 people, officials said.",
        "A total of 41 people were injured, and about 6,000 people cross it every day.",
        "The bridge opened in 1998 and was inspected on 14 October 2025.")
    numbers = {(f.subject, f.value, f.normalized, f.qualifier)
               for f in facts_of(extractor, article, "number")}
    assert ("people injured", "14", "14", ()) in numbers
    assert ("people injured", "41", "41", ()) in numbers
    assert any(n[1:] == ("about 6,000", "6000", ("about",)) for n in numbers)
    assert not {n for n in numbers if n[2] in ("1998", "2025", "14") and n[1] != "14"}
    for fact in facts_of(extractor, article, "number"):
        assert article.text[fact.span.start:fact.span.end] == fact.value


def test_a_number_noun_counts_the_noun_it_modifies(extractor: FactExtractor) -> None:
    """"almost a dozen relatives" counts relatives (it was "dozen", and 13)."""
    article = make_article("The audit said the council paid travel for almost a dozen relatives "
                           "of the harbour master.")
    numbers = {(f.subject, f.normalized) for f in facts_of(extractor, article, "number")}
    assert ("relative", "12") in numbers


def test_a_count_the_tagger_names_a_facility_is_a_number(extractor: FactExtractor) -> None:
    """spaCy's small model tags "288" in "288 workers" as FAC (found by the property test in
    test_conflict_spans.py); "287" as CARDINAL."""
    article = make_article("Orla Brennan, the health minister, said on Monday that 288 workers "
                           "had been evacuated from the Greyling chemical plant in Harlow.")
    numbers = {(f.subject, f.normalized) for f in facts_of(extractor, article, "number")}
    assert ("worker evacuated", "288") in numbers
    model = make_article("The airline grounded its Boeing 737 jets on Monday after the fault.")
    assert not [f for f in facts_of(extractor, model, "number") if f.normalized == "737"]


# -- dates ---------------------------------------------------------------------------------------

def test_dates_resolve_against_the_event_date(extractor: FactExtractor) -> None:
    article = make_article(
        "On Friday, Rubio said Pakistan had offered troops.",
        "On Thursday, the spokesman said no decision had been taken.",
        "Dar said last month that disarming Hamas is not Pakistan's job.",
        "The council adopted a resolution on November 17 and a ceasefire began in October.",
        "Envoys meet in Miami on Friday and Saturday.",
        "Rubio will travel on Monday.",
        event_date="2025-12-19")
    dates = {(f.value, f.normalized) for f in facts_of(extractor, article, "date")}
    assert dates == {("Friday", "2025-12-19"), ("Thursday", "2025-12-18"),
                     ("last month", "2025-11"), ("November 17", "2025-11-17"),
                     ("October", "2025-10"), ("Saturday", "2025-12-20"),
                     ("Monday", "2025-12-22")}
    friday = next(f for f in facts_of(extractor, article, "date") if f.value == "Friday")
    assert friday.qualifier == ("resolved",)
    assert "Rubio" in friday.subject and "said" in friday.subject


@pytest.mark.parametrize(("sentence", "subject"), [
    ("LIVINGSTON, N.J. — Gov. Chris Christie declared his candidacy on Thursday.",
     "Chris Christie declared his candidacy"),
    ("KANSAS CITY, Mo. — Leaders of the group accused the activists on Tuesday of bigotry.",
     "Leaders accused activists"),
])
def test_a_dateline_is_no_date_s_subject(extractor: FactExtractor, sentence: str,
                                         subject: str) -> None:
    """spaCy parses the dateline's place as the subject of the first verb; the subject of
    the event dated is who is named after the dash."""
    assert [f.subject for f in facts_of(extractor, make_article(sentence), "date")] == [subject]


def test_dates_fall_back_to_published_or_stay_unresolved(extractor: FactExtractor) -> None:
    text = "The bridge collapsed on Tuesday, 14 October 2025 and reopened on Friday."
    published = Article(id="p", source="p", text=text, paragraphs=make_article(text).paragraphs,
                        published="2025-10-18T09:00:00Z")
    found = {f.value: f.normalized for f in facts_of(extractor, published, "date")}
    assert found == {"Tuesday, 14 October 2025": "2025-10-14", "Friday": "2025-10-17"}
    bare = {f.value: f.normalized for f in facts_of(extractor, make_article(text), "date")}
    assert bare == {"Tuesday, 14 October 2025": "2025-10-14", "Friday": None}


# -- places and statuses ---------------------------------------------------------------------------

def test_places_are_not_people(extractor: FactExtractor) -> None:
    article = make_article("Asim Munir, Pakistan's army chief, flew from Islamabad to Washington.")
    places = {f.value for f in facts_of(extractor, article, "place")}
    assert {"Islamabad", "Washington"} <= places and "Asim Munir" not in places
    assert all(f.subject == "place" for f in facts_of(extractor, article, "place"))


def test_statuses_with_negation_and_hedging(extractor: FactExtractor) -> None:
    article = make_article(
        "Regarding Pakistan's participation in the ISF, no decision has been taken.",
        "Pakistan has formally offered to send troops.",
        "Washington thanked Pakistan for its offer to consider joining the force.",
        "The ongoing war shows no signs of a permanent ceasefire.")
    found = {(f.subject, f.value, f.qualifier) for f in facts_of(extractor, article, "status")}
    assert ("Pakistan's participation in the ISF", "not decided", ("negated",)) in found
    assert ("Pakistan", "offered", ("formal",)) in found
    assert any(value == "considering" for _, value, _ in found)
    assert ("war", "ongoing", ()) in {(s.split()[-1], v, q) for s, v, q in found}
    assert ("ceasefire", "not in place", ("negated",)) in found


def test_ids(extractor: FactExtractor) -> None:
    article = make_article("Mayor Ann Lee said 14 people were hurt in Port Amberley on Friday.",
                           event_date="2025-10-17")
    facts = list(extractor.process(article))
    assert {f.kind for f in facts} >= {"role", "number", "date", "place"}
    for f in facts:
        assert f.id == content_id(article.id, f.kind, f.span.start, f.span.end, f.value,
                                  extractor.extractor)
        assert 0 <= f.span.start < f.span.end <= len(article.text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RANDOM_TEXT)
def test_random_text_never_crashes(text: str) -> None:
    article = make_article(text, "Mayor Ann Lee said 14 people were hurt on Friday.",
                           event_date="2025-10-17")
    for fact in FactExtractor().process(article):
        assert isinstance(fact, Fact)
        assert 0 <= fact.span.start <= fact.span.end <= len(article.text)


# -- the founding example and the sample corpus ----------------------------------------------------

def role_cases(folder: Path) -> list[tuple[str, str, str]]:
    if not (folder / "expected.json").exists():
        return []
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    return [(a, r["person"], r["role"]) for r in expected["roles"] for a in r["stated_in"]]


@pytest.fixture(scope="session")
def corpus_roles(extractor: FactExtractor) -> dict[str, list[Fact]]:
    roles: dict[str, list[Fact]] = {}
    for folder in (SEEDS, HARBOUR):
        if (folder / "expected.json").exists():
            for article_id, article in load_corpus(folder).items():
                roles[article_id] = facts_of(extractor, article, "role")
    return roles


def check_role(roles: list[Fact], person: str, role: str) -> None:
    assert any(same_person(person, f.subject) and role_matches(role, f.value) for f in roles), (
        person, role, [(f.subject, f.value) for f in roles])


@pytest.mark.skipif(not SEEDS.exists(), reason="the founding example (/work/shared) is absent")
@pytest.mark.parametrize(("article_id", "person", "role"), role_cases(SEEDS))
def test_seed_roles(corpus_roles: dict[str, list[Fact]], article_id: str, person: str,
                    role: str) -> None:
    check_role(corpus_roles[article_id], person, role)


@pytest.mark.skipif(not HARBOUR.exists(), reason="the sample corpus is absent")
@pytest.mark.parametrize(("article_id", "person", "role"), role_cases(HARBOUR))
def test_harbour_roles(corpus_roles: dict[str, list[Fact]], article_id: str, person: str,
                       role: str) -> None:
    if role.startswith("commuter"):
        pytest.xfail("'Nadia Quennell, 34, who was crossing to her office': a described "
                     "activity, not a title; no role is extracted")
    check_role(corpus_roles[article_id], person, role)


# -- places: a person's home ---------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "person", "place"), [
    ("House Speaker John Boehner (R-Ohio) met the president on Friday.", "John Boehner",
     "Ohio"),
    ("Senator Charles E. Grassley, Republican of Iowa, objected to the plan.",
     "Charles E. Grassley", "Iowa"),
    ("Vermont Sen. Bernie Sanders spoke after the vote.", "Bernie Sanders", "Vermont"),
    ("Representative Tom Cole, an Oklahoma Republican and Boehner lieutenant, spoke.",
     None, "Oklahoma"),  # Oklahoma is Cole's, not Boehner's: no person directly after
    ("The talks were held in Geneva on Friday, officials said.", None, "Geneva"),
    ("Sen. Ted Cruz (R-Texas) on Friday lashed out at Donald Trump.", "Ted Cruz", "Texas"),
    ("Senator John Boehner (R-Ohio) spoke.", "John Boehner", "Ohio"),  # no entity tagged
    ("Sen. Claire McCaskill, D-Mo., said it was a mistake.", "Claire McCaskill", "Mo."),
    # a party and a state between commas (no entity tagged)
    ("Pelosi defeated her lone challenger, Rep. Tim Ryan (Ohio), by a vote of 134 to 63.",
     "Tim Ryan", "Ohio"),  # a state alone in parentheses
    ("Colorado Attorney General John Suthers said the lawsuit was without merit.",
     "John Suthers", "Colorado"),  # where the office is held
    ("Colorado's attorney general, John Suthers, a Republican, said so.", "John Suthers",
     "Colorado"),
    ("House Speaker John Boehner, who is from Ohio, wants the plan.", "John Boehner", "Ohio"),
    ("Mary Cheney, the sister of Wyoming U.S Senate candidate Liz Cheney (R), spoke.",
     "Liz Cheney", "Wyoming"),  # a candidacy's place: the candidate's home
    ("He visited Texas with John Smith.", None, "Texas"),  # no title between them
    ("Bergen Gov. Ada Lusk (R) signed the revised bill on Thursday.", "Ada Lusk", "Bergen"),
    ("Lusk defeated her lone challenger, Rep. Tom Breck (Bergen), by a vote of 14 to 6.",
     "Tom Breck", "Bergen"),  # tagged as an organisation, known to WordNet as a place
    ("Sen. Tom Breck defended the port bill on Monday. The Texas lawmaker said it would "
     "pass.", "Tom Breck", "Texas"),  # an office with "the" for a subject: the senator before
    ("If Sen. Tom Breck had won, it would have been a close race. The Texas lawmaker said so.",
     None, "Texas"),  # as the main subject only: Breck is a clause's
    ("Secretary Tom Breck defended the port bill on Monday. The Texas lawmaker said it would "
     "pass.", None, "Texas"),  # a secretary is no lawmaker: another person
])
def test_place_of_a_person(extractor: FactExtractor, sentence: str, person: str | None,
                           place: str) -> None:
    found = {f.value: f.subject for f in facts_of(extractor, make_article(sentence), "place")}
    assert place in found, found
    if person is None:
        assert found[place] in ("place", "Tom Cole"), found  # (Tom Cole: ask no more)
    else:
        assert same_person(found[place], person), found


def test_an_office_tagged_as_an_organisation_is_no_place(extractor: FactExtractor) -> None:
    """"FBI Director Ada Lusk": WordNet knows the FBI as a part of the Justice Department, but
    an office's name before a title is not a home ("Bergen Gov. Ada Lusk" is)."""
    found = facts_of(extractor, make_article("FBI Director Ada Lusk spoke on Friday."), "place")
    assert not found, found


@pytest.mark.parametrize(("sentence", "regions"), [
    ("The attack on the compound in Benghazi, Libya, killed four Americans.",
     {"Libya": "Benghazi"}),
    ("He was born in Honolulu, Hawaii, in 1961.", {"Hawaii": "Honolulu"}),
    ("In addition to Connecticut and Washington, San Francisco and Seattle imposed bans.", {}),
    ("Officials in Ohio, Texas, and Florida agreed.", {}),  # a list of places
    ("While many nations are reluctant to send troops to Gaza, Pakistan has stepped forward.",
     {}),  # the subject of the next clause
    ("In a significant development in Gaza, the United States has confirmed the offer.", {}),
])
def test_the_region_of_a_named_place(extractor: FactExtractor, sentence: str,
                                     regions: dict[str, str]) -> None:
    found = {f.value: f.subject for f in facts_of(extractor, make_article(sentence), "place")
             if "region" in f.qualifier}
    assert found == regions


def test_paid_and_was_paid_are_two_counts(extractor: FactExtractor) -> None:
    """"she was paid $9.68 million" is money received; "they paid $43 million", money paid."""
    article = make_article("Ann Vale was paid $9.68 million for 41 speeches. The Vales have "
                           "paid $43 million in taxes. Bo Vale received $5 million.")
    found = {f.value: f.subject for f in facts_of(extractor, article, "number")}
    assert found["$9.68 million"] == found["$5 million"] == "received", found
    assert found["$43 million"] == "paid", found


def test_a_rank_is_no_count(extractor: FactExtractor) -> None:
    """"the No. 2 position" labels a rank; "12 staffers" counts."""
    article = make_article("Reed kept the No. 2 job of harbour master, and Vale the No. 3 "
                           "position. The #1 seed lost. They hired 12 staffers.")
    assert [f.value for f in facts_of(extractor, article, "number")] == ["12"]


@pytest.mark.parametrize(("sentence", "subject"), [
    ("Fortunately, no one was injured in the collapse, according to local reports.",
     "people injured"),
    ("Nobody was killed in the blast, the police said.", "people killed"),
    ("No one was hurt.", "people injured"),
    ("No one knows what happened next.", None),  # no count of anything
])
def test_zero_counts(extractor: FactExtractor, sentence: str, subject: str | None) -> None:
    zeros = [(f.subject, f.normalized) for f in facts_of(extractor, make_article(sentence),
                                                         "number") if f.normalized == "0"]
    assert zeros == ([(subject, "0")] if subject else [])


def test_a_dateline_and_where_something_happens(extractor: FactExtractor) -> None:
    """The place an article was filed from, where something happened, and any other place."""
    article = make_article("WASHINGTON \u2014 The suspect was arrested in Florida on Friday, "
                           "and Texas officials welcomed the news.")
    found = {f.value: f.qualifier for f in facts_of(extractor, article, "place")}
    assert found == {"WASHINGTON": ("dateline",), "Florida": ("located",), "Texas": ()}, found
    article = make_article("The Governor of Ohio flew to Iowa on Friday.")
    found = {f.value: f.qualifier for f in facts_of(extractor, article, "place")}
    assert found == {"Ohio": ("title",), "Iowa": ("located",)}, found  # a title's place


@pytest.mark.parametrize("sentence", [
    "Vicente Fox, Mexico's president from 2000 to 2006, said the invitation was a mistake.",
    "Vicente Fox, who was president of Mexico from 2000 to 2006, was clear in his opposition.",
])
def test_a_title_held_for_a_closed_period_is_former(extractor: FactExtractor,
                                                     sentence: str) -> None:
    roles = facts_of(extractor, make_article(sentence), "role")
    assert [("former" in f.qualifier) for f in roles] == [True], roles


def test_a_count_of_more_is_marked(extractor: FactExtractor) -> None:
    article = make_article("There are two more debates on the calendar. Another 40 people were "
                           "hurt. It was the second of three debates.")
    found = {f.value: f.qualifier for f in facts_of(extractor, article, "number")}
    assert found == {"two": ("more",), "40": ("more",), "three": ()}, found


@pytest.mark.parametrize(("sentence", "value", "qualifier"), [
    ("Two weeks ago, Trump recruited to his legal team former New York mayor Rudy Giuliani, "
     "who said he would try to reach a deal.", "mayor", ("former",)),
    ("The questions range from his motivations for firing FBI Director James Comey a year "
     "ago.", "FBI Director", ("then",)),  # the title he had when it happened
    ("The inquiry focuses on his firings of FBI Director James Comey and others.",
     "FBI Director", ("then",)),
    ("FBI Director James Comey testified on Monday.", "FBI Director", ()),
    ("Fire Chief Dan Jones said the blaze was out.", "Fire Chief", ()),  # no firing
    ("After the fire, Mayor Ann Lee said the town would rebuild.", "Mayor", ()),
    # a title not yet held
    ("Secretary of State nominee Ann Lee met the council.", "Secretary", ("designate",)),
    ("Ann Lee, the council's secretary of State pick, met the mayor.", "secretary",
     ("designate",)),
    ("The paper said secretary of State-designate Ann Lee met the mayor.",
     "secretary of State", ("designate",)),
    ("Governor-elect Ann Lee met the council on Monday.", "Governor", ("designate",)),
    ("Secretary of State Ann Lee elected to stay.", "Secretary of State", ()),
    # the seat its holder has left: the title he had then
    ("The governor picked an aide to fill Sen. Tom Vale's open seat until June.", "senator",
     ("then",)),
    ("The governor will name someone to fill Sen. Tom Vale's seat.", "senator", ("then",)),
    ("Sen. Tom Vale's office said on Monday that he would vote no.", "senator", ()),
    ("Reed will run for Sen. Tom Vale's seat in 2026.", "senator", ()),
])
def test_a_title_of_then_and_a_title_after_former(extractor: FactExtractor, sentence: str,
                                                  value: str, qualifier: tuple[str, ...]) -> None:
    roles = facts_of(extractor, make_article(sentence), "role")
    assert [(f.value, f.qualifier) for f in roles] == [(value, qualifier)], roles


@pytest.mark.parametrize(("sentence", "roles"), [
    # the title before "for" or "to" a short title is an aide's, not the named person's, whose
    # title the short one is ("Rep.", "Sen.", "Gov.": representative, senator, governor)
    ("Ann Lee, the communications director for Rep. Bo Lin, wrote the post.",
     [("Bo Lin", "representative")]),
    ("The chief of staff to Sen. Bo Lin said no.", [("Bo Lin", "senator")]),
    ("Texas Gov. Bo Lin said no.", [("Bo Lin", "governor")]),
    ("The chief of staff to Mr. Bo Lin said no.", []),
    # a relative clause whose preposition is left without its object: the president's title
    ("In the words of the president Bo Lin worked for on a deferment, it was a gift.", []),
    ("The mayor Bo Lin spoke for an hour.", [("Bo Lin", "mayor")]),
    ("Ann Lee, the spokeswoman for Dr. Bo Lin, said no.", []),
    ("The chief of staff to Senator Bo Lin said no.", [("Bo Lin", "Senator")]),
    ("Ambassador to Canada David Wilkins met the council.", [("David Wilkins", "Ambassador")]),
])
def test_a_title_for_another_persons_title(extractor: FactExtractor, sentence: str,
                                           roles: list[tuple[str, str]]) -> None:
    found = facts_of(extractor, make_article(sentence), "role")
    assert [(f.subject, f.value) for f in found] == roles, found


@pytest.mark.parametrize(("sentence", "roles"), [
    # the word after a title's "of" or "to" is the title's, not the first of the name
    ("Critics blamed Secretary of Agriculture John Boehner of Ohio.",
     [("John Boehner", "Secretary of Agriculture")]),
    ("He was named by Ambassador to Canada Obama on Monday.", [("Obama", "Ambassador")]),
    # ... unless what follows is tagged as no person: a company named after a title's "of"
    ("Joe Smith, the president of Majestic Steel USA, said tariffs help.",
     [("Joe Smith", "president")]),
])
def test_a_titles_complement_is_no_part_of_the_name(extractor: FactExtractor, sentence: str,
                                                    roles: list[tuple[str, str]]) -> None:
    found = facts_of(extractor, make_article(sentence), "role")
    assert [(f.subject, f.value) for f in found] == roles, found



@pytest.mark.parametrize(("sentence", "subject", "value"), [
    ("It was a jab at the “38 percent.”", "percent", "38"),  # tagged "the “38 percent"
    ("The talks would be the second meeting between leaders of the 7 Koreas.", "koreas", "7"),
    ("The old charter refers to ferrymen in Article 4, Section 3 as “9 tenths of all other "
     "members,” or to tolls.", "tenth", "9"),  # tagged "Article 4, Section 3 as “9 tenths"
])
def test_a_figure_the_tagger_takes_words_before_or_leaves_out(
        extractor: FactExtractor, sentence: str, subject: str, value: str) -> None:
    """A number entity that begins with words before the figure is the figure's; a figure in
    no entity that counts the noun after it, or in a name that runs into quoted words, is a
    count too; not the numbers of a name ("Article 4", "Boeing 737 jets")."""
    article = make_article(f"{sentence} The airline grounded its Boeing 737 jets.")
    numbers = {(f.subject, f.normalized) for f in facts_of(extractor, article, "number")}
    assert numbers == {(subject, value)}, numbers
