"""Generated stories: one planted change is found, and every cited span holds its cited value.

Three fictional outlets tell one event in their own words (the sentences differ, the facts
agree); hypothesis draws the facts and which one article changes: a number, a place, a weekday,
a negation or a title. The conflict of that type must name the changed article on its own side,
and every span of every conflict and evidence item must resolve to text of its article that
holds what it is cited for: a conflict side's value, the sentence a support score was computed
on, the conflicting side a contradiction points to. (Counts stay below 1000: spaCy's small
English model reads a bare four-digit count such as "1001 workers" as a year, and the number is
then not extracted: a known gap of the fact extractor, not of the conflict engine tested here;
so are invented place names it does not tag as places, such as "Dunmore".)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLE, shared_or_skip
from wirecheck import analyze
from wirecheck.api import check
from wirecheck.consistency.paraphrase import stated_by
from wirecheck.ids import normalize_for_hash

PLACES = ["Harlow", "Kestrel Bay", "Ashford", "Penmarch"]  # names the small model tags as places
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TITLES = ["health minister", "transport minister", "chief engineer"]
NEW_TITLE = "finance minister"

TEMPLATES = [
    ("Orla Brennan, the {title}, said on {day} that {n} workers had been evacuated from the "
     "Greyling chemical plant in {place}.",
     "The Greyling plant in {place} was reopened by its owners on Saturday after the leak.",
     "Inspectors from the regional agency arrived at the site to test the air and the river."),
    ("{n} workers were evacuated from the Greyling chemical plant in {place} on {day}, the "
     "{title}, Orla Brennan, said.",
     "Its owners reopened the Greyling plant in {place} on Saturday after the leak, the "
     "company said.",
     "Residents were told to keep their windows closed while the air was tested."),
    ("On {day}, {n} workers had to leave the Greyling chemical plant in {place}, according to "
     "Orla Brennan, the {title}.",
     "The owners {reopened} the Greyling plant in {place} on Saturday, after the leak.",
     "Local schools stayed open and the river was tested by the regional agency."),
]
OUTLETS = ["Fenwick Post", "Harbour Daily", "Westmere Times"]


def story(n: int, place: str, day: str, title: str, change: str | None) -> list[dict[str, str]]:
    records = []
    for i, lines in enumerate(TEMPLATES):
        values = {"n": str(n), "place": place, "day": day, "title": title,
                  "reopened": "reopened"}
        if i == 2 and change == "number":
            values["n"] = str(n * 2 + 3)
        elif i == 2 and change == "place":
            values["place"] = "Carrow Mead"
        elif i == 2 and change == "date":
            values["day"] = DAYS[(DAYS.index(day) + 2) % len(DAYS)]
        elif i == 2 and change == "role":
            values["title"] = NEW_TITLE
        elif i == 2 and change == "negation":
            values["reopened"] = "did not reopen"
        text = "\n\n".join(line.format(**values) for line in lines)
        records.append({"id": f"art{i}", "outlet": OUTLETS[i], "published": "2025-03-14",
                        "title": f"Greyling plant evacuated ({OUTLETS[i]})", "text": text})
    return records


EXPECTED_TYPE = {"number": "number", "place": "place", "date": "date", "role": "role",
                 "negation": "status"}


def spans_hold_values(report: dict[str, Any]) -> None:
    texts = {a["id"]: a["text"] for a in report["articles"]}
    for s in report["stories"]:
        for conflict in s["conflicts"]:
            for side in conflict["sides"]:
                for span in side["spans"]:
                    text = texts[span["article_id"]]
                    assert 0 <= span["start"] < span["end"] <= len(text), span
                    cited = normalize_for_hash(text[span["start"]:span["end"]])
                    if conflict["type"] in ("number", "place", "quote", "speaker", "setting"):
                        parts = [normalize_for_hash(p) for p in side["value"].split(" / ")]
                        assert any(p in cited or cited in p for p in parts), (side, cited)
                    if conflict["type"] == "status" and side["value"].startswith("not "):
                        assert any(w in cited.split() for w in
                                   ("not", "no", "never", "n't", "neither", "nor")), cited
        sides = {(sp["article_id"], sp["start"], sp["end"]) for c in s["conflicts"]
                 for side in c["sides"] for sp in side["spans"]}
        for claim in s["claims"]:
            for stance in claim["stances"]:
                if stance["start"] is None:
                    continue
                text = texts[stance["article_id"]]
                assert 0 <= stance["start"] < stance["end"] <= len(text), stance
                cited = text[stance["start"]:stance["end"]]
                if stance["stance"] == "supports":  # the sentence the score was computed on
                    assert abs(100 * stated_by(claim["text"], cited) - stance["score"]) < 0.01
                else:  # a contradiction cites the other side of a conflict
                    assert (stance["article_id"], stance["start"], stance["end"]) in sides


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(n=st.integers(12, 480), place=st.sampled_from(PLACES), day=st.sampled_from(DAYS),
       title=st.sampled_from(TITLES),
       change=st.sampled_from(["number", "place", "date", "role", "negation"]))
def test_planted_change_is_found_and_cited(tmp_path_factory: Any, n: int, place: str, day: str,
                                           title: str, change: str) -> None:
    folder: Path = tmp_path_factory.mktemp("story")
    records = story(n, place, day, title, change)
    (folder / "story.jsonl").write_text("\n".join(json.dumps(r) for r in records),
                                        encoding="utf-8")
    report = analyze([folder]).report
    spans_hold_values(report)
    changed = next(a["id"] for a in report["articles"] if a["meta"].get("id") == "art2")
    found = [c for s in report["stories"] for c in s["conflicts"]
             if c["type"] == EXPECTED_TYPE[change]
             and any(changed in side["article_ids"] for side in c["sides"][1:])]
    assert found, (change, [(c["type"], c["topic"]) for s in report["stories"]
                            for c in s["conflicts"]])


def test_unchanged_story_has_no_conflict(tmp_path: Path) -> None:
    (tmp_path / "story.jsonl").write_text(
        "\n".join(json.dumps(r) for r in story(40, "Harlow", "Monday", "health minister", None)),
        encoding="utf-8")
    report = analyze([tmp_path]).report
    assert len(report["stories"]) == 1
    assert report["stories"][0]["conflicts"] == []


def test_sample_corpus_and_seeds_cite_what_they_say() -> None:
    spans_hold_values(analyze([SAMPLE]).report)
    spans_hold_values(analyze([shared_or_skip("seeds")]).report)


# each outlet's second paragraph: about something else, so that only the first ones align
ASIDE = {"a": "Shipping lines said they expected delays at the container berths next month, "
              "when the new timetable starts.",
         "b": "A ferry operator told passengers to check sailing times before travelling to "
              "the island this winter, and to expect the harbour car park to stay closed.",
         "c": "Local hauliers have warned that lorries could queue on the bypass again, as "
              "they did last spring."}


def side_values(conflict: dict[str, Any]) -> list[str]:
    """The values of a conflict's sides, in order."""
    return [side["value"] for side in conflict["sides"]]


def first_sides(found: list[dict[str, Any]]) -> list[str]:
    """The side values of the first conflict found; none when nothing was found (so that the
    assertion says what was expected, not an IndexError)."""
    return side_values(found[0]) if found else []


def changed_article_conflicts(tmp_path: Path, title: str, said: dict[str, str],
                              kind: str, published: dict[str, str] | None = None
                              ) -> list[dict[str, Any]]:
    """Outlets "a", "b", "c" each telling ``said[k]`` then ``ASIDE[k]`` (published on March
    14, 2025, or on ``published[k]``); the conflicts of type ``kind`` that put article "b" on a
    side other than the first. Every span is checked."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    records = [{"id": k, "outlet": f"{k.upper()} Post", "title": f"{title} ({k})",
                "published": (published or {}).get(k, "2025-03-14"),
                "text": f"{v}\n\n{ASIDE[k]}"}
               for k, v in said.items()]
    (tmp_path / "story.jsonl").write_text("\n".join(json.dumps(r) for r in records),
                                          encoding="utf-8")
    report = analyze([tmp_path]).report
    spans_hold_values(report)
    changed = next(a["id"] for a in report["articles"] if a["meta"].get("id") == "b")
    return [c for s in report["stories"] for c in s["conflicts"] if c["type"] == kind
            and any(changed in side["article_ids"] for side in c["sides"][1:])]


@pytest.mark.parametrize("title, said", [
    # what two sentences assert, negated in one of them with another verb
    ("Harlow dockers", {
        "a": "The dockers' union urged its members on Monday to vote against the Harlow port "
             "contract, citing the pension terms.",
        "b": "The dockers' union did not encourage its members on Monday to vote against the "
             "Harlow port contract, citing the pension terms.",
        "c": "On Monday the dockers' union urged members to vote against the Harlow port "
             "contract over its pension terms."}),
    # sentences that share most of their words are one statement even where their lemmas,
    # stop words left out, differ more ("whole", "first", "several" are spaCy stop words)
    ("Harbour study", {
        "a": "Last week Brennan gave several members of the full panel the whole first part of "
             "the study in Kestrel Bay.",
        "b": "Brennan did not give the whole first part of the report to several members of the "
             "full board last week.",
        "c": "Brennan gave the whole first part of the study to several members of the full "
             "panel last week, her office said."}),
], ids=["other verbs", "worded alike"])
def test_polarity_of_one_statement(tmp_path: Path, title: str, said: dict[str, str]) -> None:
    assert changed_article_conflicts(tmp_path, title, said, "status")


@pytest.mark.parametrize("sentence, verbs, values", [
    # "was not at" against "chaired", the sentences otherwise the same: what each asserts is
    # compared, even with "was", when they are nearly the same in their words and one says
    # "no" nowhere
    ("Orla Brennan, the port's chief engineer, {} the Harbour Board meeting on the new cranes "
     "in Kestrel Bay on Tuesday evening.", ("chaired", "was not at"), ["chair", "not be"]),
    # spaCy parses "forward" in "reportedly did not forward" as an adverb of "did": the verb
    # compared is still "forward"
    ("Brennan reportedly {} Harbour Board emails, including some that contained passwords, to "
     "a personal account.", ("forwarded", "did not forward"), ["forward", "not forward"]),
])
def test_one_verb_negated_in_one_of_three_sentences(tmp_path: Path, sentence: str,
                                                    verbs: tuple[str, str],
                                                    values: list[str]) -> None:
    said = {k: sentence.format(verbs[k == "b"]) for k in "abc"}
    (found,) = changed_article_conflicts(tmp_path, "Harbour board", said, "status")
    assert side_values(found) == values


def test_two_former_titles_may_both_have_been_held(tmp_path: Path) -> None:
    """"Former ambassador Orla Brennan" and "former board co-chairwoman Orla Brennan" in two
    sentences that tell the same thing: a person may have held both posts."""
    said = {"a": "The contenders for the Harbour Board chair include Orla Brennan, a former "
                 "ambassador to Norway, and two port engineers from Kestrel Bay.",
            "b": "The contenders for the Harbour Board chair include Orla Brennan, a former "
                 "board co-chairwoman, and two port engineers from Kestrel Bay.",
            "c": "Two port engineers from Kestrel Bay and Orla Brennan are among the contenders "
                 "for the Harbour Board chair."}
    assert not changed_article_conflicts(tmp_path, "Harbour chair", said, "role")


def test_a_day_two_days_after_another_tells_of_both(tmp_path: Path) -> None:
    """"Late on Wednesday, two days after the Post first reported the loans, …" tells of that
    Monday too: another outlet's "on Monday" in a sentence like it is no other day."""
    after = "two days after the Fenwick Post first reported the harbour loans"
    said = {"a": f"Late on Wednesday, {after}, Orla Brennan said the harbour board would "
                 f"publish every loan contract it signed with the Kestrel Bay banks.",
            "b": "Late on Monday, Orla Brennan said the harbour board would publish every loan "
                 "contract it signed with the Kestrel Bay banks, the Fenwick Post reported.",
            "c": f"Orla Brennan said late on Wednesday, {after}, that the harbour board would "
                 f"publish every loan contract it signed with the Kestrel Bay banks."}
    assert not changed_article_conflicts(tmp_path, "Harbour loans", said, "date")
    told_once = {k: v.replace(f", {after},", "") for k, v in said.items()}
    assert changed_article_conflicts(tmp_path / "once", "Harbour loans", told_once, "date")


def test_a_day_one_report_alone_gives_against_the_storys_day(tmp_path: Path) -> None:
    """A day that one outlet alone gives, once, in a sentence that says what the others say
    on another day, conflicts with theirs, though that outlet gives the others' day elsewhere
    (the story's day, which every report states) and agrees with them there; a day another
    outlet also gives may be another event's."""
    statement = ("“I meant to serve out my term, but it is time for me to move along,” Orla "
                 "Brennan said in a statement on {} evening, noting she had written to the "
                 "Harlow harbour board to tell it of her resignation.")
    took_effect = " Her resignation from the harbour board took effect on Friday."
    said = {"a": statement.format("Friday") + took_effect,
            "b": statement.format("Sunday") + took_effect,
            "c": "Orla Brennan said in a statement on Friday evening that she had written to "
                 "the Harlow harbour board of her resignation: “I meant to serve out my term, "
                 "but it is time for me to move along.”"}
    (found,) = changed_article_conflicts(tmp_path, "Brennan resigns", said, "date")
    assert [len(side["article_ids"]) for side in found["sides"]] == [2, 1]
    said["a"] += " She first spoke of leaving on Sunday."
    assert not changed_article_conflicts(tmp_path / "shared", "Brennan resigns", said, "date")


def test_a_day_one_report_alone_gives_where_it_tells_the_others_day_apart(
        tmp_path: Path) -> None:
    """In sentences aligned, though not closely, a day one outlet alone gives, once, for what
    the others date on another day conflicts with theirs when that outlet gives their day only
    in sentences that tell something else (too few words in common to be aligned at all);
    not when it gives their day in a sentence that tells what theirs tell."""
    said = {"a": "Orla Brennan filed a lawsuit against the Kestrel Bay shipping company on "
                 "Thursday, claiming years of unpaid berth fees.",
            "b": "Orla Brennan, the harbour board's chair, went to court on Monday against "
                 "Kestrel Bay shippers she says never paid to use the berths. Rain closed the "
                 "ferry terminal on Thursday.",
            "c": "On Thursday, Orla Brennan filed suit against the Kestrel Bay shipping company "
                 "in the county court over unpaid fees."}
    (found,) = changed_article_conflicts(tmp_path, "Berth fees", said, "date")
    assert [len(side["article_ids"]) for side in found["sides"]] == [2, 1]
    said["b"] = said["b"].replace(
        "Rain closed the ferry terminal on Thursday.",
        "The Kestrel Bay shipping company said on Thursday it owed Orla Brennan nothing.")
    assert not changed_article_conflicts(tmp_path / "told", "Berth fees", said, "date")


def test_the_leads_of_one_day_tell_one_event(tmp_path: Path) -> None:
    """Leads that name the same person and date one day each tell the day's news: two days
    in outlets published the same day are a conflict, however differently worded; outlets
    published days apart may tell two events."""
    said = {"a": "Orla Brennan resigned as chair of the Harlow harbour board on Tuesday after "
                 "weeks of questions about the loans.",
            "b": "Speaking to dockers on Thursday, Orla Brennan said she was leaving because "
                 "the questions had become a distraction.",
            "c": "Orla Brennan stepped down as chair of the Harlow harbour board on Tuesday, "
                 "after questions about the harbour loans, the board said."}
    (found,) = changed_article_conflicts(tmp_path, "Brennan resigns", said, "date")
    assert [len(side["article_ids"]) for side in found["sides"]] == [2, 1]
    assert "opening paragraphs of articles published within a day" in found["explanation"]
    later = {"b": "2025-03-21"}  # a week later: "Thursday" is another week's
    assert not changed_article_conflicts(tmp_path / "later", "Brennan resigns", said, "date",
                                         later)


def test_the_days_of_one_event_at_one_named_place(tmp_path: Path) -> None:
    """Sentences worded apart that date something happening at the same named place, each
    article on one day only, and that name someone in common, tell one event ("sit down with
    the dockers' leaders on Monday in Harlow" / "at the table in Harlow on Wednesday"); not
    at another place, nor where the place is the only name the two sentences share."""
    lead = ("Orla Brennan, the chair of the Harlow harbour board, is under pressure from the "
            "dockers' union over the pension fund.\n\nThe union wants her to open the books."
            "\n\nIts members are angry.\n\n")
    said = {"a": lead + "Orla Brennan will sit down with the dockers' leaders on Monday in "
                        "Harlow, her spokesman said.",
            "b": lead + "Members insist that an accountant must be at the table in Harlow on "
                        "Wednesday to keep Brennan honest.",
            "c": lead + "Brennan will meet the shop stewards on Monday in Harlow."}
    (found,) = changed_article_conflicts(tmp_path, "Brennan talks", said, "date")
    assert [len(side["article_ids"]) for side in found["sides"]] == [2, 1]
    nobody = {**said, "b": said["b"].replace("keep Brennan honest", "keep the board honest")}
    assert not changed_article_conflicts(tmp_path / "nobody", "Brennan talks", nobody, "date")
    said["b"] = said["b"].replace("in Harlow on", "in Ashford on")
    assert not changed_article_conflicts(tmp_path / "elsewhere", "Brennan talks", said, "date")


def test_a_leads_day_long_before_its_publication_is_no_news_of_the_day(tmp_path: Path) -> None:
    """A lead whose first day is more than a week from its article's publication ("joined
    the union on Jan. 6, 1998", in March 2025) tells the past, not the day's news: it is not
    paired with the other leads' days, which would make three days of one event and hide the
    conflict."""
    said = {"a": "Orla Brennan resigned as chair of the Harlow harbour board on Tuesday after "
                 "weeks of questions about the loans.",
            "b": "Speaking to dockers on Thursday, Orla Brennan said she was leaving because "
                 "the questions had become a distraction.",
            "c": "Orla Brennan joined the dockers' union on Jan. 6, 1998, as a crane driver."
                 "\n\nShe rose to chair the board.\n\nThe board runs the docks.\n\nShe "
                 "stepped down as chair of the Harlow harbour board on Tuesday, after questions "
                 "about the harbour loans, the board said."}
    (found,) = changed_article_conflicts(tmp_path, "Brennan resigns", said, "date")
    assert [len(side["article_ids"]) for side in found["sides"]] == [2, 1]


def test_a_leads_day_one_report_alone_gives_where_it_tells_the_others_day_apart(
        tmp_path: Path) -> None:
    """A lead's day that its outlet alone gives, once, conflicts with the day another lead of
    the same day gives, though that outlet gives the other day further on, in a sentence that
    tells something else (too few words in common with the other lead to be aligned at all);
    not when that sentence tells what the other lead tells."""
    said = {"a": "Orla Brennan resigned as chair of the Harlow harbour board on Tuesday after "
                 "weeks of questions about the loans.",
            "b": "Orla Brennan told dockers on Thursday that she was going.\n\nThe dockers "
                 "cheered her.\n\n"
                 "She thanked them.\n\nRain closed the ferry terminal on Tuesday.",
            "c": "Orla Brennan stepped down as chair of the Harlow harbour board on Tuesday, "
                 "after questions about the harbour loans, the board said."}
    (found,) = changed_article_conflicts(tmp_path, "Brennan resigns", said, "date")
    assert [len(side["article_ids"]) for side in found["sides"]] == [2, 1]
    said["b"] = said["b"].replace("Rain closed the ferry terminal on Tuesday.",
                                  "Orla Brennan resigned as chair of the harbour board on "
                                  "Tuesday.")
    assert not changed_article_conflicts(tmp_path / "told", "Brennan resigns", said, "date")


def test_a_verb_with_its_prefix_is_another_verb(tmp_path: Path) -> None:
    """"The Gazette had re-confirmed its reporting" says nothing of whether another outlet
    confirmed it: no status dispute with "The Fenwick Post has not confirmed the reporting"."""
    said = {"a": "A Gazette spokesman told the Fenwick Post on Friday that the Gazette had "
                 "“re-confirmed” its reporting on the harbour loans.",
            "b": "The Fenwick Post has not confirmed the Gazette's reporting on the harbour "
                 "loans, a spokesman said on Friday.",
            "c": "On Friday the Gazette's spokesman said the paper had “re-confirmed” its "
                 "reporting on the harbour loans, he told the Fenwick Post."}
    assert not changed_article_conflicts(tmp_path, "Harbour loans", said, "status")


def test_one_deed_negated_in_sentences_told_apart(tmp_path: Path) -> None:
    """The same doer, verb and object, negated in one sentence only, however little else the
    two sentences share; another object is another deed."""
    said = {"a": "Orla Brennan apologized to Tobin Reed in person on Tuesday after harbour board "
                 "members condemned her remarks about the ferry crews.",
            "b": "Mrs. Brennan did not apologize to Tobin Reed, the dockers' union leader, after "
                 "a video of her remarks emerged online.",
            "c": "Brennan apologized to Tobin Reed for the remarks in a written statement."}
    (found,) = changed_article_conflicts(tmp_path / "same", "Brennan remarks", said, "status")
    assert side_values(found) == ["apologize", "not apologize"]
    said["b"] = said["b"].replace("to Tobin Reed", "to the ferry crews")
    assert not changed_article_conflicts(tmp_path / "other", "Brennan remarks", said, "status")


def test_outlets_denying_the_same_words_are_one_side(tmp_path: Path) -> None:
    """Two outlets saying Brennan never wrote words a third quotes her writing: one conflict,
    both denials on its second side (each cited by the claims' stances)."""
    said = {k: f"Brennan {verb} that she felt threatened by the harbour board, though she went "
               f"to great lengths to describe the pier repairs, the inspectors {tag}."
            for k, verb, tag in (("a", "wrote", "said"), ("b", "never wrote", "said"),
                                 ("c", "never wrote", "noted"))}
    (found,) = changed_article_conflicts(tmp_path, "Brennan report", said, "status")
    assert len(found["sides"][1]["article_ids"]) == 2


# a remark the NYT and Fox quoted of Comey, in other names: "never wrote" / "…, they wrote"
TOLD = ("went to great lengths to set dining room scenes, discuss height requirements, "
        "describe the multiple times she felt complimented, and myriad other extraneous "
        "facts, she never once mentioned the most relevant fact of all, which was whether "
        "she felt obstructed in her investigation")
NEVER_WROTE = ("Reed, Vale and Okafor noted that Brennan \" never wrote that she felt obstructed "
               f"or threatened, \" adding that while Brennan \" {TOLD}. \"")


@pytest.mark.parametrize(("kind", "said"), [
    pytest.param("status", {  # "must never have" says what ought to be, "has" what is
        "a": "The harbour authority has a reserve fund for the Kestrel footbridge repairs, the "
             "finance committee said on Monday.",
        "b": "The harbour authority must never have a reserve fund for the Kestrel footbridge "
             "repairs, the finance committee said on Monday.",
        "c": "The harbour authority has a reserve fund for the Kestrel footbridge repairs, its "
             "finance committee said on Monday."}, id="a duty is no fact"),
    pytest.param("status", {  # one verb, two writers
        "a": NEVER_WROTE, "c": NEVER_WROTE.replace("Reed, Vale and Okafor", "The three chairmen"),
        "b": f"While Ms. Brennan \" {TOLD}, \" they wrote."}, id="writing by two subjects"),
    pytest.param("place", {  # "the Harlow Ambassador to Norway" names an office, not where
        "a": "The mayor will travel to Iceland in July, the council confirmed on Thursday, where "
             "she will meet the fisheries minister for bilateral talks.",
        "b": "The Harlow Ambassador to Norway, Tobin Reed, said he was delighted the mayor would "
             "travel in July and hold bilateral talks with the fisheries minister.",
        "c": "The mayor will travel to Iceland in July to meet the fisheries minister for "
             "bilateral talks, the council said on Thursday."}, id="a title's place"),
    pytest.param("status", {  # a supposition asserts nothing; "If" hung on the bracket
        "a": "\"To pass this budget in the next two weeks would materially increase the risk "
             "that the harbour closes,\" Vale told reporters on Monday.",
        "b": "\"If they [the councillors] don't pass this budget in the next two weeks it will "
             "materially increase the risk that the harbour closes,\" Vale told reporters.",
        "c": "\"To pass this budget in the next two weeks would materially increase the risk "
             "that the harbour closes,\" Vale told reporters at the town hall."},
        id="an if clause"),
    pytest.param("status", {  # "is" and "am not", two clauses of "said": neither stands alone
        "a": "“But if the harbour board, in my opinion, is not the right owner, I am not willing "
             "to sell the Kestrel Bay ferry to anyone,” Vale said.",
        "b": "“It is very important to me that the right owner be chosen for the ferry, but if "
             "the harbour board, in my opinion, is not the right owner, I am not willing to sell "
             "the Kestrel Bay ferry to anyone,” Vale said.",
        "c": "“But if the harbour board, in my opinion, is not the right owner, I am not willing "
             "to sell the Kestrel Bay ferry to anyone,” Vale told reporters."},
        id="clauses said alike"),
    pytest.param("speaker", {  # an unattributed paragraph: its speaker is only carried over
        "a": "\u201cAnn Lee has lost it,\u201d said Jon Tobin, a party spokesman, on Monday. "
             "\u201cHer conduct is unbecoming of a member of the council.\u201d",
        "b": "\u201cI would if I knew who they were,\u201d Mayor Ann Lee said of the two harbour "
             "workers.\n\n\u201cHer conduct is unbecoming of a member of the council.\u201d",
        "c": "\u201cAnn Lee has lost it,\u201d Jon Tobin, a party spokesman, said. \u201cHer "
             "conduct is unbecoming of a member of the council.\u201d"},
        id="a speaker carried over"),
])
def test_no_conflict(tmp_path: Path, kind: str, said: dict[str, str]) -> None:
    """Sentences that differ in what is no conflict of ``kind``."""
    assert not changed_article_conflicts(tmp_path, "Harbour story", said, kind)


def test_a_negative_adjective_is_a_negation(tmp_path: Path) -> None:
    """"was inaccurate" says what "was not accurate" says; against "was accurate" it conflicts,
    and the sides show the adjective ("not accurate" / "accurate", not "not be" / "be")."""
    def said(b_verdict: str) -> dict[str, str]:
        return {k: f"The harbour authority said on Monday that the engineers' report on the "
                   f"Kestrel footbridge {verdict}, and ordered a second inspection."
                for k, verdict in (("a", "was not accurate"), ("b", b_verdict),
                                   ("c", "was not accurate"))}

    assert not changed_article_conflicts(tmp_path / "same", "Kestrel report",
                                         said("was inaccurate"), "status")
    (found,) = changed_article_conflicts(tmp_path / "other", "Kestrel report",
                                         said("was accurate"), "status")
    assert side_values(found) == ["not accurate", "accurate"]


def test_a_word_saying_no_stops_only_its_own_verbs(tmp_path: Path) -> None:
    """"nobody knows" in the sentence: "know" is wording, "accused" still compares."""
    def said(verb: str) -> str:
        return (f"The mayor {verb} the port board of running a confused policy on the Kestrel "
                f"footbridge repairs on Monday, saying nobody knows when the crossing will reopen.")

    said_by = {"a": said("accused"), "b": said("did not accuse"), "c": said("accused")}
    assert changed_article_conflicts(tmp_path, "Kestrel repairs", said_by, "status")


def test_no_decision_against_an_action_stated_as_certain(tmp_path: Path) -> None:
    """"no decision has been taken on relocation" / "will be relocated"; "could be relocated"
    states nothing certain."""
    def said(b: str) -> dict[str, str]:
        return {"a": "The harbour board said on Monday that no decision had been taken on the "
                     "relocation of the Kestrel fish market after the footbridge collapse.",
                "b": f"The Kestrel fish market {b} after the footbridge collapse, the harbour "
                     f"board said on Monday.",
                "c": "No decision has yet been made about relocating the Kestrel fish market "
                     "after the footbridge collapse, the harbour board said on Monday."}

    (found,) = changed_article_conflicts(tmp_path / "certain", "Kestrel market",
                                         said("will be relocated"), "status")
    assert side_values(found) == ["no decision", "will be relocated"]
    assert not changed_article_conflicts(tmp_path / "hedged", "Kestrel market",
                                         said("could be relocated"), "status")
    assert not changed_article_conflicts(tmp_path / "conditional", "Kestrel market", said(
        "will be relocated if the council approves the plan"), "status")


def test_no_decision_on_a_thing_is_no_action(tmp_path: Path) -> None:
    """"no decision on the report" (a document) against "was reported" (another event)."""
    said = {"a": "The housing board said on Monday that no decision had been taken on the report "
                 "about damp in the Kestrel flats.",
            "b": "The damp in the Kestrel flats was reported to the housing board on Monday, "
                 "tenants said.",
            "c": "No decision has been made on the report about damp in the Kestrel flats, the "
                 "housing board said on Monday."}
    assert not changed_article_conflicts(tmp_path, "Kestrel damp", said, "status")


def test_a_gerund_after_a_preposition_asserts_nothing(tmp_path: Path) -> None:
    """"is not putting people back to work" / "help us by putting people back to work": the
    second sentence does not say that the vote puts people back to work."""
    said = {"a": "The council vote to keep In Harbour We Trust as the town motto is not putting "
                 "people back to work, Mayor Elena Ruiz said on Monday.",
            "b": "We trust in the harbour, Mayor Elena Ruiz said on Monday, but the harbour wants "
                 "the town motto vote to help us by putting people back to work.",
            "c": "Keeping In Harbour We Trust as the town motto is not putting people back to "
                 "work, Mayor Elena Ruiz told the council vote on Monday."}
    assert not changed_article_conflicts(tmp_path, "Harlow motto", said, "status")


def test_numbers_of_the_very_same_subject_in_loosely_aligned_sentences(tmp_path: Path) -> None:
    """Sentences that share little else still conflict on a count of the same thing done."""
    said = {"a": "Fire crews evacuated 240 residents from the Kestrel Bay estate overnight as the "
                 "blaze spread along the ridge.",
            "b": "By dawn the wind had turned, and officials had evacuated 483 residents in all.",
            "c": "Kestrel Bay saw 240 residents evacuated as the ridge fire spread overnight, "
                 "crews said."}
    assert changed_article_conflicts(tmp_path, "Kestrel Bay fire", said, "number")


@pytest.mark.parametrize(("terms", "conflict"), [
    ("7 terms", True),  # the one count of terms each article gives
    ("7 council terms", False),  # council terms are another kind of term
])
def test_the_one_count_of_a_thing_in_loosely_aligned_sentences(
        tmp_path: Path, terms: str, conflict: bool) -> None:
    """Sentences that share little else conflict on the one count each article gives of one
    thing, though the subjects differ by a verb ("term" / "term served")."""
    said = {"a": "Orla Brennan, who has served two terms as Kestrel Bay harbour master, said on "
                 "Monday that she would run for the port council against its chairman.",
            "b": "Orla Brennan, the Kestrel Bay harbour master, said on Monday that she would run "
                 f"for the port council. Brennan, barely {terms} into the job, offered herself "
                 "as the cheaper candidate.",
            "c": "Orla Brennan, who has served two terms as harbour master, announced on Monday "
                 "that she would run for the Kestrel Bay port council."}
    found = changed_article_conflicts(tmp_path, "Kestrel Bay council race", said, "number")
    assert [side_values(c) for c in found] == (
        [["two", "7"]] if conflict else [])


def test_a_changed_figure_does_not_hide_itself_from_the_comparison(tmp_path: Path) -> None:
    """Figures are left out of the words that align two sentences for their numbers: "$84,000"
    changed to "$168,003" had also taken away the two words "84" and "000" that the sentences
    shared, which left them too loosely aligned for a one-word count ("repaid")."""
    said = {"a": "Harbour master Orla Brennan pledged to repay the $84,000 in port money she "
                 "spent on the yacht.",
            "b": "Orla Brennan said after the audit that she would repay the $168,003 to the "
                 "council, but has not made good on that promise.",
            "c": "Brennan has promised to repay the $84,000 of port money spent on the yacht, "
                 "the council said."}
    assert changed_article_conflicts(tmp_path, "Harlow harbour audit", said, "number")


@pytest.mark.parametrize("denied", ["did not say", "did not tweet that"])
def test_an_outlet_saying_words_were_not_said_contradicts_those_quoting_them(
        tmp_path: Path, denied: str) -> None:
    """"Brennan did not say …" (or "did not tweet that …") against outlets quoting her saying
    it: a status conflict, and the denying outlet is no carrier of her words in the ledger."""
    words = "The harbour will reopen to ferries on Monday morning"
    said = {"a": f"“{words},” harbour master Orla Brennan said at the quay in Kestrel Bay.",
            "b": f"Harbour master Orla Brennan {denied} “{words.lower()},” despite "
                 "reports from the quay in Kestrel Bay.",
            "c": f"Orla Brennan, the harbour master, told reporters in Kestrel Bay: “{words}.”"}
    found = changed_article_conflicts(tmp_path, "Kestrel Bay harbour", said, "status")
    assert [side_values(c) for c in found] == [
        ["Orla Brennan said it", "Orla Brennan did not say it"]]
    report = analyze([tmp_path]).report
    statuses = [c for s in report["stories"] for c in s["conflicts"] if c["type"] == "status"]
    assert len(statuses) == 1, statuses  # (not again as "say" / "not say" of the two sentences)
    denying = next(a["id"] for a in report["articles"] if a["meta"].get("id") == "b")
    carriers = [c["article_id"] for s in report["stories"] for q in s["quotes"]
                if "reopen" in q["text"] for c in q["carriers"]]
    assert len(carriers) == 2 and denying not in carriers, carriers
    answer = check(f"Orla Brennan said “{words}.”", [tmp_path])
    assert {r["article_id"]: r["verdict"] for r in answer.sources}[denying] == "contradicted"


def test_a_count_in_the_thousands_is_no_year(tmp_path: Path) -> None:
    """"2,000 protesters" against "4,100 protesters" conflict (2,000 was once taken for the year
    2000 and skipped)."""
    said = {k: f"About {n} protesters marched through Harlow on Saturday against the new port "
               f"contract, organisers said." for k, n in (("a", "2,000"), ("b", "4,100"),
                                                          ("c", "2,000"))}
    assert changed_article_conflicts(tmp_path, "Harlow march", said, "number")


def test_three_values_one_source_giving_two_are_no_conflict(tmp_path: Path) -> None:
    """One outlet gives two rates in its sentence and the others a third: the sentences are not
    about one thing (which rate is which is not told), so no number conflict is reported; two
    values, one per side, still are."""
    lead = ("The Harlow port board published its accounts for 2024 on Monday, showing record "
            "container traffic at the Harlow docks and a loss on the island ferry service. ")

    def said(b: str) -> dict[str, str]:
        return {"a": lead + "The board's effective tax rate for 2024 was 35.7 percent, while "
                            "its rate for all taxes was 45.8 percent, filings show.",
                "b": lead + f"The board's effective tax rate for 2024 was {b} percent, filings "
                            "show.",
                "c": "On Monday the Harlow port board's accounts for 2024 showed record "
                     "container traffic at the docks and a loss on the island ferry. Filings "
                     "show the board's effective tax rate for 2024 was 35.7 percent."}

    assert not changed_article_conflicts(tmp_path / "three", "Harlow taxes", said("31.5"),
                                         "number")
    assert changed_article_conflicts(tmp_path / "two", "Harlow taxes", {
        **said("31.5"), "a": lead + "The board's effective tax rate for 2024 was 35.7 percent, "
                                    "filings show."}, "number")


def test_of_three_days_one_report_alone_gives_once_stands_for_that_day(tmp_path: Path) -> None:
    """Three days joined by pairs of sentences, one outlet giving two of them: where one of its
    two is a day it alone gives, once, it stands on that day's side only (its other day tells
    other things), and the two days left are a conflict; where both of its days are its own,
    the sentences are not about one thing, and there is none."""
    vote = "the Harlow harbour board voted {} to approve the Kestrel Bay loans after a long debate"
    told = ("Orla Brennan told reporters on {} that the Harlow harbour board vote on the loans "
            "was final.")
    said = {"a": vote.format("on Tuesday").capitalize() + ". Rain closed the ferry terminal "
                 "on Wednesday.",
            "b": vote.format("on Thursday").capitalize() + ". " + told.format("Wednesday"),
            "c": "On Tuesday " + vote.format("") + ". " + told.format("Tuesday")}
    (found,) = changed_article_conflicts(tmp_path, "Harbour loans", said, "date")
    assert [len(side["article_ids"]) for side in found["sides"]] == [2, 1]
    said["a"] = said["a"].replace(" Rain closed the ferry terminal on Wednesday.", "")
    assert not changed_article_conflicts(tmp_path / "own", "Harbour loans", said, "date")


def test_places_of_precision_and_datelines_are_no_conflict(tmp_path: Path) -> None:
    """"in London" / "in Britain" differ in precision, not in place; two datelines say where
    each outlet filed from; "in London" / "in Paris" for the same closure conflict."""
    lead = "The port authority closed the container terminal at the docks{} on Monday after " \
           "a crane collapsed onto a cargo ship, officials said."

    def said(b_place: str) -> dict[str, str]:
        return {"a": lead.format(" in London"), "b": lead.format(f" in {b_place}"),
                "c": lead.format(" in London")}

    assert not changed_article_conflicts(tmp_path / "wider", "Terminal closed", said("Britain"),
                                         "place")
    assert changed_article_conflicts(tmp_path / "other", "Terminal closed", said("Paris"),
                                     "place")
    filed = {"a": "LONDON \u2014 " + lead.format(""), "b": "PARIS \u2014 " + lead.format(""),
             "c": "LONDON \u2014 " + lead.format("")}
    assert not changed_article_conflicts(tmp_path / "dateline", "Terminal closed", filed, "place")


def test_an_outlet_quoting_a_remark_two_ways_is_no_second_witness(tmp_path: Path) -> None:
    """"We reject his visit" / "We reject his message": a conflict when an outlet quotes only
    the second; none when it quotes both, since no source then stands for the second alone."""
    lead = "Mayor Helena Varga turned down the minister's request to tour the Harlow docks. "

    def said(b: str) -> dict[str, str]:
        return {"a": lead + "\u201cWe reject his visit,\u201d Varga told reporters on Monday.",
                "b": lead + b,
                "c": lead + "\u201cWe reject his visit,\u201d Varga said at the town hall."}

    assert changed_article_conflicts(tmp_path / "one", "Harlow visit", said(
        "\u201cWe reject his message,\u201d Varga told reporters on Monday."), "quote")
    assert not changed_article_conflicts(tmp_path / "both", "Harlow visit", said(
        "\u201cWe reject his message,\u201d Varga told reporters on Monday. Asked again, she "
        "said: \u201cWe reject his visit.\u201d"), "quote")


def test_a_count_of_more_is_a_part_not_a_total(tmp_path: Path) -> None:
    """"two more debates" says nothing against "three debates"; "two debates" does."""
    def said(b: str) -> dict[str, str]:
        line = "Voters in Harlow will see {} debates between the two mayoral candidates before " \
               "the election in November, the organisers said on Monday."
        return {"a": line.format("three"), "b": line.format(b), "c": line.format("three")}

    assert not changed_article_conflicts(tmp_path / "more", "Harlow debates", said("two more"),
                                         "number")
    assert changed_article_conflicts(tmp_path / "total", "Harlow debates", said("two"), "number")


def test_an_excerpt_in_other_words_is_a_variant_not_a_dispute(tmp_path: Path) -> None:
    """A shorter quotation the longer one says all of, ending as a part of it ends
    ("shareholders" / "stockholders", "and" for a comma), is a variant for the ledger, not a
    dispute; one that says something the longer does not is a dispute."""
    lead = ("\u201cThroughout her career, the minister has left behind a long record of broken "
            "promises to the harbour towns, angry shareholders and closed piers,\u201d Mayor "
            "Helena Varga told reporters in Harlow on Monday.")

    def said(b: str) -> dict[str, str]:
        return {"a": lead, "c": lead,
                "b": f"Mayor Helena Varga said in Harlow on Monday that the minister had "
                     f"\u201c{b}.\u201d"}

    assert not changed_article_conflicts(tmp_path / "excerpt", "Harlow mayor", said(
        "left behind a long record of broken promises to the harbour towns and angry "
        "stockholders and closed piers"), "quote")
    assert changed_article_conflicts(tmp_path / "other", "Harlow mayor", said(
        "left behind a long record of broken promises to the harbour towns and a fleet of new "
        "ferries for the islands"), "quote")


def test_a_count_conflict_is_about_what_is_counted_as_written(tmp_path: Path) -> None:
    """"the figure in “a 48-page indictment”", not "number of page indictment"; "number of
    protesters marched"."""
    said = {k: f"Prosecutors unsealed a {n}-page indictment of the Harlow port chairman on "
               f"Monday, accusing him of fraud." for k, n in (("a", "48"), ("b", "47"),
                                                              ("c", "48"))}
    (found,) = changed_article_conflicts(tmp_path / "pages", "Harlow fraud", said, "number")
    assert found["topic"] == "the figure in “a 48-page indictment”"
    said = {k: f"About {n} protesters marched through Harlow on Saturday against the new port "
               f"contract, organisers said." for k, n in (("a", "2,000"), ("b", "4,100"),
                                                          ("c", "2,000"))}
    (found,) = changed_article_conflicts(tmp_path / "march", "Harlow march", said, "number")
    assert found["topic"].startswith("number of protesters")


def test_a_date_conflict_is_about_an_event_any_side_tells(tmp_path: Path) -> None:
    """The sentences of the most stated side name no one ("he announced"): the topic is the
    event as the other side tells it, not a list of shared words."""
    said = {k: "On Tuesday he announced an independent inquiry into the collapse of the Harlow "
               "footbridge, officials said." for k in "ac"}
    said["b"] = ("Caspar Lindqvist announced an independent inquiry into the collapse of the "
                 "Harlow footbridge on Thursday, officials said.")
    (found,) = changed_article_conflicts(tmp_path, "Harlow inquiry", said, "date")
    assert found["topic"] == ("when Caspar Lindqvist announced an independent inquiry into the "
                              "collapse of the Harlow footbridge")


def test_a_polarity_conflict_is_about_the_event_either_side_tells(tmp_path: Path) -> None:
    """The sentences that say it happened name no one ("it urged"): the topic is the event as
    the sentence denying it tells it, "not" included, rather than a list of shared words."""
    said = {k: "On Monday it urged the dockers to vote against the Harlow port contract, "
               "citing the pension terms." for k in "ac"}
    said["b"] = ("On Monday the dockers' union did not urge the dockers to vote against the "
                 "Harlow port contract, citing the pension terms.")
    (found,) = changed_article_conflicts(tmp_path, "Harlow dockers", said, "status")
    assert found["topic"] == "whether the dockers' union did not urge the dockers"


@pytest.mark.parametrize("said, values", [
    # the verb a sentence asserts with stands for its lemma: a "was" in a clause under it
    # does not hide its "was not" as a verb said both ways
    ({k: "The harbour board's share of the Kestrel Bay ferry fund for 2024 was 35.7 percent, "
         "while its share of the bridge fund was 12.5 percent." for k in "ac"} | {
        "b": "The harbour board's share of the Kestrel Bay ferry fund for 2024 was not 35.7 "
             "percent, while its share of the bridge fund was 12.5 percent."}, ["be", "not be"]),
    # the verb that introduces the same quoted words, negated in one sentence: they were not said
    ({k: "“Your actions are incompatible with your duty as chair of the harbour board,” the "
         "pilots' letter to Tom Hale stated." for k in "ac"} | {
        "b": "The pilots' letter to Tom Hale did not conclude, “Your actions are incompatible "
             "with your duty as chair of the harbour board.”"}, ["state", "not conclude"]),
    # "there had not been entries" asserts "not enter"
    ({k: "The harbour police said several groups of protesters illegally entered the Kestrel "
         "Bay port by climbing over a fence on Saturday." for k in "ac"} | {
        "b": "The harbour police said there had not been several illegal entries by groups of "
             "protesters into the Kestrel Bay port on Saturday."}, ["enter", "not enter"]),
    # a verb of the quoted words the sentence adds does not unsay the verb it asserts with in
    # its own words: "did not have …: “… you have …”" still asserts "not have"
    ({k: "In her letter, the harbour master also wrote that she and the board had different "
         "plans for the Kestrel Bay ferry: “Because you have the right to a harbour master who "
         "shares your plans, I will step aside in May.”" for k in "ac"} | {
        "b": "In her letter, the harbour master also wrote that she and the board did not have "
             "different plans for the Kestrel Bay ferry: “Because you have the right to a "
             "harbour master who shares your plans, I will step aside in May.”"},
     ["have", "not have"]),
], ids=["asserting verb", "quotation", "there is", "quoted words"])
def test_the_verb_a_sentence_asserts_with_negated(tmp_path: Path, said: dict[str, str],
                                                  values: list[str]) -> None:
    (found,) = changed_article_conflicts(tmp_path, "Kestrel Bay harbour", said, "status")
    assert side_values(found) == values


def test_two_places_of_one_thing_in_other_words(tmp_path: Path) -> None:
    """"a fundraiser in Harlow" / "a fundraiser in Ashford" in sentences that share too few
    words to be aligned: two places of one thing, a conflict; not when the things are several
    ("fundraisers"), nor when the other article names the place too."""
    lead = "A video of Mayor Helena Varga asking dock workers for campaign money was " \
           "published on Monday, and her opponents called for an inquiry. "

    def said(b: str, a_more: str = "") -> dict[str, str]:
        return {"a": lead + "At a fundraiser in Harlow last month, Varga asked the dockers for "
                            "money." + a_more,
                "b": lead + b,
                "c": lead + "Varga's fundraiser in Harlow drew the town's richest donors."}

    changed = "The video shows Varga speaking at a fundraiser in Ashford, where guests paid " \
              "two hundred pounds each."
    found = changed_article_conflicts(tmp_path / "one", "Varga video", said(changed), "place")
    assert first_sides(found) == ["Harlow", "Ashford"]
    assert found[0]["explanation"].endswith("each as the place of one fundraiser.")
    assert not changed_article_conflicts(tmp_path / "several", "Varga video", said(
        changed.replace("a fundraiser", "fundraisers")), "place")
    assert not changed_article_conflicts(tmp_path / "named", "Varga video", said(
        changed, " She had visited Ashford in May."), "place")


def test_the_one_sum_of_one_deed_in_loosely_aligned_sentences(tmp_path: Path) -> None:
    """Sentences that share little else conflict on the one sum of money each article says was
    handled one way, though the subject is the verb alone ("repay the $84,000")."""
    said = {"a": "Harbour master Orla Brennan pledged to repay the $84,000 in port money spent "
                 "on the yacht.",
            "b": "Brennan told the council after the audit that she would repay the $168,003, "
                 "though no cheque has reached the treasurer's office yet.",
            "c": "Orla Brennan, the harbour master, has promised to repay the $84,000 of port "
                 "money spent on the yacht."}
    found = changed_article_conflicts(tmp_path, "Harlow harbour audit", said, "number")
    assert [side_values(c) for c in found] == [["84,000", "168,003"]]


def test_a_value_the_other_sentence_gives_too_is_no_difference(tmp_path: Path) -> None:
    """"a 7 in 3 chance" against "a two-in-three chance, and a one-in-three chance": the 3 of
    one sentence is in the other, whatever subject each gives it; the 7 is the difference."""
    said = {"a": "“I would say there is a two-in-three chance that the Harlow ferry runs again "
                 "by May, and a one-in-three chance that it closes,” the mayor said.",
            "b": "“I would say there is a 7 in 3 chance that the Harlow ferry runs again by "
                 "May,” the mayor said. “There is a 1 in 3 chance that it closes.”",
            "c": "The mayor gave the Harlow ferry a “two-in-three chance” of running again by "
                 "May, and a one-in-three chance of closing."}
    found = changed_article_conflicts(tmp_path, "Harlow ferry", said, "number")
    assert [side_values(c) for c in found] == [["two", "7"]]


def test_the_one_count_of_a_thing_named_in_the_plural(tmp_path: Path) -> None:
    """"the two Koreas" / "the five Koreas": what is counted is a noun in its sentence though
    WordNet knows no such word; so the one count each article gives of it conflicts."""
    said = {"a": "Officials hope the new hotline installed in the presidential office will "
                 "improve ties between the two Koreas before the summit at the border village.",
            "b": "This summit would be only the third meeting of its kind between the leaders "
                 "of the five Koreas, according to a newspaper in Seoul.",
            "c": "The two Koreas agreed last month to install the hotline in the presidential "
                 "office before their summit at the border village."}
    found = changed_article_conflicts(tmp_path, "Korean summit", said, "number")
    assert [side_values(c) for c in found] == [["two", "five"]]


def test_the_one_count_of_a_thing_of_a_thing(tmp_path: Path) -> None:
    """"100 pages of e-mails showed" / "used the 203 pages of emails": the one count each
    article gives of pages of e-mails (its "25,000 pages of documents" are other pages)."""
    lead = "The port board in Harlow released {}e-mails on the dredging contract on Monday. "
    said = {"a": lead.format("its ") + "The 100 pages of e-mails showed a quarrel between the "
                                       "harbour master and her deputy.",
            "b": lead.format("") + "At a briefing in the afternoon, officials used the 203 pages "
                                   "of emails to show that the changes came from the engineers. "
                                   "After 11 hearings and 25,000 pages of documents, the "
                                   "inquiry is over.",
            "c": "The Harlow port board on Monday released 100 pages of e-mails on the dredging "
                 "contract, which show the harbour master and her deputy at odds."}
    found = changed_article_conflicts(tmp_path, "Harlow dredging", said, "number")
    assert [side_values(c) for c in found] == [["100", "203"]]
    assert found[0]["topic"] in ("number of pages of e-mails", "number of pages of emails")


def test_a_figure_of_a_date_or_of_another_thing_is_no_value_given(tmp_path: Path) -> None:
    """"Two days after …, in 7 countries" against "in two countries": the "two" of a date (or
    of another named thing: "55,000 files") counts something of its own, and does not excuse
    the 7."""
    said = {"a": "The ministry reversed on Friday its decision to allow imports of ivory from "
                 "two African countries, pending a review of the trade in Harlow.",
            "b": "Two days after halting its decision to allow imports of ivory from 7 African "
                 "countries, the ministry said the trade in Harlow was a horror show.",
            "c": "The ministry said on Friday it had reversed its decision to allow ivory imports "
                 "from two African countries, pending a review."}
    found = changed_article_conflicts(tmp_path, "Harlow ivory", said, "number")
    assert [side_values(c) for c in found] == [["two", "7"]]


def test_a_place_named_with_a_region_it_is_not_in(tmp_path: Path) -> None:
    """"the plant near Leeds, England" / "the plant near Lisbon, England": Lisbon is not in
    England, so the two places of the plant in England conflict; "Bradford, England" is one
    more place in England, which another report may name for its own reasons."""
    lead = "Inspectors closed the Greyling chemical plant on Monday after a leak, and the " \
           "owners said the workers had all been sent home. "

    def said(b: str) -> dict[str, str]:
        return {"a": lead + "The leak began at its main site in Leeds, England, the owners said.",
                "b": lead + f"Firefighters from {b}, England were called out overnight.",
                "c": lead + "Its site in Leeds, England has had two earlier leaks."}

    found = changed_article_conflicts(tmp_path / "outside", "Greyling leak", said("Lisbon"),
                                      "place")
    assert first_sides(found) == ["Leeds", "Lisbon"]
    assert "each as a place in England (WordNet knows no Lisbon there)" in found[0]["explanation"]
    assert not changed_article_conflicts(tmp_path / "inside", "Greyling leak", said("Bradford"),
                                         "place")


def test_two_places_of_one_report_one_within_the_other_are_one_side(tmp_path: Path) -> None:
    """"its site in Sheffield" and "the largest chemical site in England" in one report: the
    more precise place stands for both, so the report is one side (Sheffield) against "Leeds"
    and "Lisbon", not a report giving two places (``Sources.muddled``)."""
    lead = "Inspectors closed the Greyling chemical plant on Monday after a leak, and the " \
           "owners said the workers had all been sent home. "
    said = {k: lead + f"The leak was reported by a night guard at its site in {place}, the "
                      "owners said." for k, place in (("a", "Leeds"), ("b", "Lisbon"),
                                                      ("c", "Sheffield"))}
    said["c"] += " It is the largest chemical site in England, and the leak was reported by " \
                 "a night guard there."
    found = changed_article_conflicts(tmp_path, "Greyling leak", said, "place")
    assert sorted(first_sides(found)) == ["Leeds", "Lisbon", "Sheffield"]


def test_the_place_of_a_thing_a_preposition_names(tmp_path: Path) -> None:
    """"left for a trip to York" / "left for Leeds": the place of the trip the verb's
    preposition names is the place of "left for"; sentences that share too few words to be
    aligned still conflict. Not so a noun's ("an investigation into loans on a balcony in
    York": the parser hangs the verb's "on a balcony" on the noun)."""
    lead = "A video of Mayor Helena Varga asking dock workers for campaign money was " \
           "published on Monday, and her opponents called for an inquiry. "
    said = {"a": lead + "As she left for Leeds on Tuesday, Varga told the crowd that she had "
                        "done nothing wrong.",
            "b": lead + "“I have nothing to hide,” Varga said before leaving for a trip to York.",
            "c": lead + "Varga left for Leeds on Tuesday morning with two aides."}
    found = changed_article_conflicts(tmp_path / "verb", "Varga video", said, "place")
    assert first_sides(found) == ["Leeds", "York"]
    assert found[0]["explanation"].endswith("each as the place of “leaving for”.")
    said = {"a": lead + "The investigation in Leeds has cost the council a fortune.",
            "b": lead + "Varga was questioned by a reporter about a long-running investigation "
                        "into party loans on a balcony in York.",
            "c": lead + "Auditors began the investigation in Leeds last spring."}
    assert not changed_article_conflicts(tmp_path / "noun", "Varga video", said, "place")


def test_a_place_the_tagger_calls_an_organisation(tmp_path: Path) -> None:
    """"she might move to Oslo" (the tagger calls Oslo an organisation; WordNet knows it as a
    place, and only a place is moved to) / "would move to Lisbon": two places of "move to"."""
    lead = "A video of Mayor Helena Varga asking dock workers for campaign money was " \
           "published on Monday, and her opponents called for an inquiry. "
    said = {"a": lead + "Varga once said she would move to Lisbon if the dockers lost the vote.",
            "b": lead + "Asked about the vote, Varga joked that she might move to Oslo if the "
                        "contract passed.",
            "c": lead + "Varga has often joked about moving to Lisbon."}
    found = changed_article_conflicts(tmp_path, "Varga video", said, "place")
    assert first_sides(found) == ["Lisbon", "Oslo"]


def test_the_place_of_things_named_with_it(tmp_path: Path) -> None:
    """"winning the Iowa caucuses" / "won the Nevada caucuses": the things a place names
    ("the Iowa caucuses", "Pennsylvania's families") are that one place's, though several;
    not one such thing's ("the Nevada caucus" may be one of the Iowa caucuses)."""
    lead = "The former governor said on Monday that he would run for the nomination again. "
    said = {"a": lead + "He won the Iowa caucuses in 2008 with the backing of evangelicals.",
            "b": lead + "Evangelical voters helped him in 2008, when he finished by winning the "
                        "Nevada caucuses before his money ran out.",
            "c": lead + "In 2008 he won the Iowa caucuses before running out of money."}
    found = changed_article_conflicts(tmp_path / "several", "Governor's run", said, "place")
    assert first_sides(found) == ["Iowa", "Nevada"]
    assert found[0]["explanation"].endswith("each as the place of the caucuses.")
    said["b"] = said["b"].replace("Nevada caucuses", "Nevada caucus")
    assert not changed_article_conflicts(tmp_path / "one", "Governor's run", said, "place")


def test_the_places_of_one_title(tmp_path: Path) -> None:
    """"the 45th mayor of Leeds" / "the 45th mayor of York": a title's place is where nothing
    happens, but two places of one title through one preposition conflict, however else
    worded; not "the ambassador to Portugal" / "the U.S. ambassador" (the one sent, the other
    sent to)."""
    lead = "Helena Varga promised on Friday to rebuild the harbour and to cut the port fees. "
    said = {"a": lead + "Varga took the oath on Friday morning to become the 45th mayor of "
                        "Leeds.",
            "b": lead + "Hundreds of dock workers cheered as she was sworn in as the 45th mayor "
                        "of York, the first woman in the post.",
            "c": lead + "She is the 45th mayor of Leeds and the first woman to hold the post."}
    found = changed_article_conflicts(tmp_path / "one", "Varga sworn in", said, "place")
    assert first_sides(found) == ["Leeds", "York"]
    lead = "Mayor Helena Varga asked for help with the harbour on Friday. "
    said = {"a": lead + "She met the ambassador to Portugal in the afternoon.",
            "b": lead + "Dock workers cheered when the U.S. ambassador arrived with her.",
            "c": lead + "Varga and the ambassador to Portugal toured the docks."}
    assert not changed_article_conflicts(tmp_path / "two", "Varga envoy", said, "place")


def test_a_place_named_only_as_a_home_is_not_named(tmp_path: Path) -> None:
    """"the Vermont senator" / "the Oregon senator": the article that says Oregon writes
    "Vt." only as a person's home ("Sen. Helena Varga (D-Vt.)"), which does not name the place
    of the senator the sentence tells of; the two places of one senator conflict."""
    lead = "The senators met the president on Monday to discuss the harbour bill. "
    said = {"a": lead + "The Vermont senator plans to hold a rally in the capital on Thursday.",
            "b": lead + "Sen. Helena Varga (D-Vt.) spoke first, and the Oregon senator left "
                        "early without a word to reporters.",
            "c": lead + "Hundreds are expected on Thursday when the Vermont senator speaks."}
    found = changed_article_conflicts(tmp_path, "Harbour bill", said, "place")
    assert first_sides(found) == ["Vermont", "Oregon"]


def test_a_place_named_only_in_a_longer_name_is_not_named(tmp_path: Path) -> None:
    """"the Leeds Evening Post", a newspaper, names no city: an article that cites it and
    holds the convention in York still conflicts with "the convention in Leeds"."""
    lead = "The dockers' union voted on Monday to condemn the port contract, and its leaders " \
           "said a strike was possible. "
    said = {"a": lead + "Delegates approved the motion at the annual convention in Leeds.",
            "b": lead + "The union took up the motion at its annual convention in York, as "
                        "first reported by the Leeds Evening Post.",
            "c": lead + "The motion passed easily at the union's annual convention in Leeds."}
    found = changed_article_conflicts(tmp_path, "Dockers' union vote", said, "place")
    assert first_sides(found) == ["Leeds", "York"]


def test_one_place_of_a_list_the_others_anchor(tmp_path: Path) -> None:
    """"imports of timber from Latvia and Ghana" / "timber from Ghana and Peru": lists of as
    many places, all but one named in both, are one list, the place left a conflict, whatever
    the sentences' other words; not when the lists are of different lengths, nor when the
    other articles name the place elsewhere."""
    lead = "The port authority stopped a shipment of hardwood at the Harlow docks on Monday, " \
           "and the importers said they would appeal. "

    def said(b: str, a_more: str = "") -> dict[str, str]:
        return {"a": lead + "Customs officers said the rules on hardwood imports from Ghana "
                            "and Peru had been tightened in May." + a_more,
                "b": lead + b,
                "c": lead + "The importers buy most of their wood in Peru and Ghana." + a_more}

    changed = "The shipment was the first seized since the ban on timber from Latvia and Ghana."
    found = changed_article_conflicts(tmp_path / "one", "Harlow timber", said(changed), "place")
    assert first_sides(found) == ["Peru", "Latvia"]
    assert "each as one of the places listed with Ghana" in found[0]["explanation"]
    assert not changed_article_conflicts(tmp_path / "longer", "Harlow timber", said(
        changed.replace("Latvia and", "Latvia, Chile and")), "place")
    assert not changed_article_conflicts(tmp_path / "named", "Harlow timber", said(
        changed, " Latvia was not named."), "place")


def test_what_two_sentences_assert_in_nearly_the_same_words(tmp_path: Path) -> None:
    """"does not have three aims — …" against "said her plan was guided by three aims: …": the
    sentences differ in their frames (an attribution, where it was said), what they assert is
    nearly the same in its words, so "has" compares with "was guided"."""
    said = {"a": "Speaking at a dinner of shipping firms in Ashford on Friday, the harbour master "
                 "said her plan was guided by three aims: \"new cranes,\" \"a deeper channel for "
                 "the Kestrel Bay ferries\" and \"better training for the crews.\"",
            "b": "The Brennan plan for the port, according to notes released by her office, does "
                 "not have three main aims — new cranes; a deeper channel for the Kestrel Bay "
                 "ferries; and better training for the crews.",
            "c": "At a dinner for shipping companies in Ashford on Friday, the harbour master told "
                 "guests that her plan was guided by three aims: new cranes, a deeper channel for "
                 "the Kestrel Bay ferries and better training for the crews."}
    (found,) = changed_article_conflicts(tmp_path, "Brennan plan", said, "status")
    assert side_values(found) == ["guide", "not have"]


def test_the_purpose_of_a_negated_verb_is_a_deed_not_done(tmp_path: Path) -> None:
    """"was not at the office to have lunch with Reed": no lunch, against "Reed had lunch with
    Brennan", the same deed (verb and object) at the same time, though the sentences state
    little else alike; "will have lunch" is another time."""
    said = {"a": "The Kestrel Bay harbour board hired forty new ferry crews from Ashford this "
                 "winter to run the island service. On that same day, Reed had lunch with "
                 "Brennan.",
            "b": "The Kestrel Bay harbour board has hired forty new ferry crews from Ashford this "
                 "winter for the island service. Ms. Brennan was not at the harbour office on "
                 "Tuesday to have lunch with Mr. Reed and join him in greeting the new ferry "
                 "crews.",
            "c": "Forty new ferry crews from Ashford were hired by the Kestrel Bay harbour board "
                 "this winter to run the island service. That day Reed had lunch with Brennan."}
    (found,) = changed_article_conflicts(tmp_path / "then", "Ferry crews", said, "status")
    assert side_values(found) == ["have", "not have"]
    said = {k: v.replace("Reed had lunch", "Reed will have lunch") for k, v in said.items()}
    assert not changed_article_conflicts(tmp_path / "later", "Ferry crews", said, "status")


def test_a_deed_sought_is_not_done(tmp_path: Path) -> None:
    """"have sought for weeks to question Reed": he has not been questioned, against "Reed has
    been questioned"; "tried to question" may have succeeded, "planned to question" tells
    what will be done, and "sought last year" is of another time."""
    said = {"a": "Captain Tobin Reed has been questioned by harbour inspectors about the "
                 "collision at the Kestrel Bay pier, the harbour board said on Monday.",
            "b": "Harbour inspectors have sought for weeks to question Captain Tobin Reed, who "
                 "has said he wants to give his account of the collision at the Kestrel Bay "
                 "pier.",
            "c": "Harbour inspectors have questioned Captain Tobin Reed about the collision at "
                 "the Kestrel Bay pier, the board said on Monday."}
    (found,) = changed_article_conflicts(tmp_path / "sought", "Pier collision", said, "status")
    assert side_values(found) == ["question", "seek to question"]
    for other in ("have tried for weeks", "have planned for weeks", "sought last year"):
        changed = {k: v.replace("have sought for weeks", other) for k, v in said.items()}
        assert not changed_article_conflicts(tmp_path / other, "Pier collision", changed,
                                             "status")


def test_the_days_of_one_event_as_parsed(tmp_path: Path) -> None:
    """Two days of one event, in sentences otherwise worded too differently to be aligned:
    the same verb, or the noun made of it ("refused" / "her refusal"), with the same object
    or the same named doer ("Brennan"), each day stated nowhere in the other article;
    not in sentences that name no one in common (another doer: "the mayor refused to quit"),
    nor what is reported (a paper may report one thing on two days)."""
    lead = "The Harlow harbour board met in private on Monday to discuss the loans.\n\n"

    def said(b: str) -> dict[str, str]:
        return {"a": lead + "Orla Brennan, however, continued her refusal to quit Wednesday "
                            "in an interview on a local radio station.",
                "b": lead + b,
                "c": lead + "Brennan kept up her refusal to quit Wednesday, her spokesman "
                            "told the Gazette."}

    found = changed_article_conflicts(tmp_path / "one", "Brennan stays", said(
        "But Ms. Brennan on Friday refused to step down from the board despite loud calls "
        "from the mayor to go."), "date")
    assert [len(side["article_ids"]) for side in found[0]["sides"]] == [2, 1]
    assert "each as the day of one event: “refuse”, by Brennan." in found[0]["explanation"]
    reported = {"a": "The Gazette reported Wednesday that Orla Brennan would keep her seat.",
                "b": "The Gazette reported on Friday that the harbour loans were under police "
                     "investigation.",
                "c": "Orla Brennan plans to stay, the Gazette reported Wednesday."}
    assert not changed_article_conflicts(tmp_path / "reported", "Brennan stays",
                                         {k: lead + v for k, v in reported.items()}, "date")
    assert not changed_article_conflicts(tmp_path / "others", "Brennan stays", said(
        "But the mayor on Friday refused to quit the council despite loud calls from the "
        "dockers to go."), "date")


def test_one_papers_report_of_one_thing_is_one_event(tmp_path: Path) -> None:
    """One paper's report of one thing, told as its report ("the Gazette reported
    Wednesday") or as what it published ("a report in the Gazette published Friday"), in
    sentences that share a few words (what was reported) but too few to be aligned, and
    past the leads: one event, on one day; not where both tell it as reported (a paper
    reports again). (Two reports of two things by one paper are two events:
    ``test_the_days_of_one_event_as_parsed``.)"""
    lead = ("The Harlow harbour board met in private on Monday to discuss the loans.\n\n"
            "Its members have faced questions about the loans for months.\n\n"
            "The mayor has asked the board to publish its accounts.\n\n")
    said = {"a": "Orla Brennan's lawyer met detectives from the harbour police twice in March, "
                 "according to a report in the Gazette published Wednesday that also named "
                 "two former port clerks and a ferry captain.",
            "b": "The Gazette first reported on Friday that detectives from the fraud squad "
                 "had twice questioned the lawyer, a cousin of the board chairman, about "
                 "missing papers, unpaid invoices and a yacht moored in Kestrel Bay.",
            "c": "Brennan's lawyer met police officers twice in March, the Gazette reported "
                 "Wednesday, setting off calls from harbour tenants for an inquiry."}
    found = changed_article_conflicts(tmp_path / "one", "Brennan questioned",
                                      {k: lead + v for k, v in said.items()}, "date")
    assert [len(side["article_ids"]) for side in found[0]["sides"]] == [2, 1]
    assert first_sides(found) == ["Wednesday (2025-03-12)", "Friday (2025-03-14)"]
    # what a paper reported, each article telling it as reported: the paper may have reported
    # it again on another day
    said["a"] = said["a"].replace("according to a report in the Gazette published Wednesday",
                                  "the Gazette reported Wednesday in a story")
    assert not changed_article_conflicts(tmp_path / "again", "Brennan questioned",
                                         {k: lead + v for k, v in said.items()}, "date")


LEAD = ("The Harlow harbour board met in private on Monday to discuss the loans.\n\n"
        "Its members have faced questions about the loans for months.\n\n"
        "The mayor has asked the board to publish its accounts.\n\n")  # past the leads


def test_the_day_of_one_named_event(tmp_path: Path) -> None:
    """An event a name tells ("Tuesday's Kestrel caucus" / "the Kestrel caucuses on Tuesday",
    where the parse hangs the day on another word) is one event, in sentences worded too
    differently to be aligned, however often an article gives the other day elsewhere."""
    said = {"a": "Pollsters said the councillor probably won among older voters during "
                 "Tuesday's Kestrel caucus, a figure with a few caveats.",
            "b": "The mayor also voiced doubt that Brennan did well with dock workers in the "
                 "Kestrel caucuses on Thursday and urged them to think again.",
            "c": "Turnout at the Kestrel caucus on Tuesday night surprised her aides, a "
                 "spokesman told the Gazette."}
    found = changed_article_conflicts(tmp_path, "Brennan wins",
                                      {k: LEAD + v for k, v in said.items()}, "date")
    assert first_sides(found) == ["Tuesday (2025-03-11)", "Thursday (2025-03-13)"]
    assert "the day of one event by its name: “Kestrel caucus”" in found[0]["explanation"]


def test_the_day_of_the_one_event_of_the_story(tmp_path: Path) -> None:
    """An event noun the story knows as one ("the indictment", "Wednesday's hearing",
    "Brennan's speech"), dated as parsed ("the indictment unsealed on Tuesday", "the
    indictment, made public on Thursday"), is one event in sentences that name someone in
    common; not "an indictment" (one of several), nor in sentences of other people."""
    said = {"a": "Prosecutors say the indictment unsealed on Tuesday details how Brennan "
                 "moved the loans through three shell firms.",
            "b": "The 24-page indictment, made public on Thursday, accuses Brennan of lying "
                 "to the harbour auditors about the ferry contracts.",
            "c": "Brennan's lawyer called the indictment released Tuesday a political stunt "
                 "timed to hurt her campaign."}
    found = changed_article_conflicts(tmp_path / "one", "Brennan indicted",
                                      {k: LEAD + v for k, v in said.items()}, "date")
    assert first_sides(found) == ["Tuesday (2025-03-11)", "Thursday (2025-03-13)"]
    assert "the day of the one “indictment”" in found[0]["explanation"]
    several = {k: v.replace("The 24-page indictment,", "A 24-page indictment,")
               for k, v in said.items()}
    assert not changed_article_conflicts(tmp_path / "several", "Brennan indicted",
                                         {k: LEAD + v for k, v in several.items()}, "date")
    others = dict(said, b="The 24-page indictment, made public on Thursday, accuses the "
                          "harbour clerk of lying to the auditors about the ferry contracts.")
    assert not changed_article_conflicts(tmp_path / "others", "Brennan indicted",
                                         {k: LEAD + v for k, v in others.items()}, "date")


def test_the_day_of_the_one_event_of_its_kind(tmp_path: Path) -> None:
    """An event noun the story knows as one is one event with a noun WordNet makes its kind or
    its synonym ("the council elections next Thursday" / "next Tuesday's voting": an election
    is a vote), in sentences that name someone in common; not a statement ("the
    announcement", a declaration)."""
    said = {"a": "Brennan's new fare pledge signals the risks her party sees for the ferry "
                 "towns in advance of next Tuesday's voting.",
            "b": "Even if she cannot deliver, Brennan's vow to cut fares fits a run of "
                 "messages aimed at dock workers ahead of the council elections next Thursday.",
            "c": "The harbour board approved the new timetable for the summer ferries, its "
                 "chairman told the Gazette."}
    found = changed_article_conflicts(tmp_path / "vote", "Brennan campaigns",
                                      {k: LEAD + v for k, v in said.items()}, "date")
    assert first_sides(found) == ["next Tuesday (2025-03-18)", "next Thursday (2025-03-20)"]
    assert "the day of the one “election”" in found[0]["explanation"]
    told = {"a": "Brennan's new fare pledge followed Tuesday's announcement by the ferry "
                 "company, her aides said.",
            "b": "Even if she cannot deliver, Brennan's vow to cut fares came after the "
                 "declaration on Thursday, which surprised the dock workers.",
            "c": said["c"]}
    assert not changed_article_conflicts(tmp_path / "told", "Brennan campaigns",
                                         {k: LEAD + v for k, v in told.items()}, "date")


def test_a_home_given_by_a_title_in_apposition(tmp_path: Path) -> None:
    """"Tom Breck, the Labour candidate in Leeds" gives where Breck is from, as "Leeds Rep. Tom
    Breck" does: an outlet giving York instead disagrees."""
    lead = "The dockers' union endorsed a candidate on Monday after a long debate about the " \
           "port contract. "
    said = {"a": lead + "Its members backed Leeds Rep. Tom Breck by a wide margin.",
            "b": lead + "Tom Breck, the Labour candidate in York, thanked the union for its "
                        "support.",
            "c": lead + "Tom Breck, the Labour candidate in Leeds, said he would defend the "
                        "pensions."}
    found = changed_article_conflicts(tmp_path, "Union backs Breck", said, "place")
    assert found and found[0]["topic"] == "where Tom Breck is from"
    assert first_sides(found) == ["Leeds", "York"]


def test_a_home_one_outlet_gives_besides_the_one_all_give(tmp_path: Path) -> None:
    """"Oregon Rep. Tom Breck (R-Texas)": the outlet also gives Texas, as the others do, but
    Oregon is none of the others' places for Breck, nor within or around one: it disagrees
    (a home within another, "U.S. Rep. Tom Breck (R-Texas)", does not)."""
    lead = "The dockers' union endorsed a candidate on Monday after a long debate about the " \
           "port contract. "
    said = {"a": lead + "Its members backed Rep. Tom Breck (R-Texas) by a wide margin.",
            "b": lead + "Oregon Rep. Tom Breck (R-Texas) thanked the union for its support.",
            "c": lead + "Tom Breck, a Republican of Texas, said he would defend the pensions."}
    found = changed_article_conflicts(tmp_path / "odd", "Union backs Breck", said, "place")
    assert found and found[0]["topic"] == "where Tom Breck is from"
    assert first_sides(found) == ["Texas", "Oregon"]
    said["b"] = said["b"].replace("Oregon", "U.S.")
    assert not changed_article_conflicts(tmp_path / "within", "Union backs Breck", said, "place")


def test_a_region_named_before_a_day(tmp_path: Path) -> None:
    """"in Helsinki, Finland Monday": the parser hangs the region on the day; it is still the
    region Helsinki is named with, so "Helsinki, Norway" disagrees."""
    lead = "The two leaders agreed to meet for talks on fishing rights, their offices said. "
    said = {"a": lead + "They will meet in Helsinki, Finland, on Monday.",
            "b": lead + "The talks are planned in Helsinki, Norway Monday to settle the quotas.",
            "c": lead + "Officials said the meeting in Helsinki, Finland would last a day."}
    found = changed_article_conflicts(tmp_path, "Fishing talks", said, "place")
    assert found and found[0]["topic"] == "where Helsinki is"
    assert first_sides(found) == ["Finland", "Norway"]


def test_a_place_named_only_as_an_organisation_is_not_named(tmp_path: Path) -> None:
    """"The White House declined to comment" names an organisation, not the place: an article
    saying so, and that the ministers met at Camp David, still conflicts with "met at the White
    House"."""
    lead = "The two ministers agreed on Sunday to resume talks on the fishing quotas. "
    said = {"a": lead + "They met privately at the White House on Sunday for three hours.",
            "b": lead + "They met privately at Camp David on Sunday for three hours. The White "
                        "House declined to comment on the talks.",
            "c": lead + "The ministers met at the White House on Sunday, aides said."}
    found = changed_article_conflicts(tmp_path, "Fishing talks", said, "place")
    assert first_sides(found) == ["White House", "Camp David"]


def test_the_days_of_one_event_as_parsed_in_loosely_aligned_sentences(tmp_path: Path) -> None:
    """Sentences that share only a few words (aligned loosely) compare their days where the
    dates date the same event as parsed ("an audit, released on Thursday" / "findings
    released on Saturday"), though their subjects share no word; not where the dates date
    two events, though a time of day is written alike ("voted Thursday night" / "marched
    Saturday night": the night is the vote's, and the march's), or a verb the dated words are
    the complement of ("seeking to enter … on Thursday" / "to seek news … Saturday")."""
    lead = "The Harlow harbour board met in private on Monday to discuss the loans.\n\n"
    said = {"a": "An audit of the harbour board, released on Thursday, found that its members "
                 "had ignored warnings about the loans for years.",
            "b": "The auditors blamed the dockers union as well, in findings released on "
                 "Saturday that also faulted the board.",
            "c": "The audit of the harbour board released Thursday said warnings about the "
                 "loans had been ignored for years."}
    (found,) = changed_article_conflicts(tmp_path / "one", "Harbour audit",
                                         {k: lead + v for k, v in said.items()}, "date")
    assert [len(side["article_ids"]) for side in found["sides"]] == [2, 1]
    two = {"a": "The board voted Thursday night to sell the loans to a Kestrel Bay bank.",
           "b": "Dockers marched on the board offices Saturday night, angry at the way the "
                "loans were handled.",
           "c": "On Thursday night the board voted to sell the loans to a bank in Kestrel Bay."}
    assert not changed_article_conflicts(tmp_path / "two", "Harbour loans",
                                         {k: lead + v for k, v in two.items()}, "date")
    # the verb a date's word is the complement of is not what the date dates: "seeking to
    # enter the port on Thursday" dates the entering, "planning to seek news Saturday" the
    # seeking
    seek = {"a": "Families of the crew waited at the harbour gates, seeking to enter the port "
                 "on Thursday.",
            "b": "Relatives planning to seek news at the port Saturday were turned away by "
                 "guards.",
            "c": "On Thursday, families of the crew waited at the harbour gates, seeking to "
                 "enter the port."}
    assert not changed_article_conflicts(tmp_path / "seek", "Harbour loans",
                                         {k: lead + v for k, v in seek.items()}, "date")


def test_two_days_in_a_sentence_pair_by_the_event_they_date_as_parsed(tmp_path: Path) -> None:
    """Of two days in one sentence, the one that dates the event the other sentence dates
    as parsed ("after Thursday's vote" / "voted on Tuesday") is compared, though the subjects
    the facts name share no word ("a member told reporters")."""
    lead = "The Harlow harbour board met in private on Monday to discuss the loans.\n\n"
    said = {"a": "The harbour board voted on the loan sale on Tuesday, backing the plan to sell "
                 "the dockers' pension loans to a bank.",
            "b": "After Thursday's vote, a member of the harbour board told reporters on Friday "
                 "that the dockers' pension loans had been sold to a bank.",
            "c": "On Tuesday the harbour board voted to sell the pension loans of the dockers "
                 "to a bank."}
    (found,) = changed_article_conflicts(tmp_path, "Harbour loans",
                                         {k: lead + v for k, v in said.items()}, "date")
    assert [len(side["article_ids"]) for side in found["sides"]] == [2, 1]


def test_a_loose_pair_does_not_join_two_days_of_one_article(tmp_path: Path) -> None:
    """Days of sentences aligned only loosely ("dockers voted on Saturday to strike" / "the
    board voted on Thursday to sell") are not joined where one of their articles gives another
    day of what the other pairs join: the planted day stays a conflict of two days, not a
    muddle of three."""
    lead = "The Harlow harbour board met in private on Monday to discuss the loans.\n\n"
    said = {"a": "The harbour board voted on Tuesday to sell the dockers' pension loans to a "
                 "bank. At a packed meeting, dockers voted on Saturday to strike if their "
                 "union's demands went unmet.",
            "b": "The harbour board voted on Thursday to sell the dockers' pension loans to a "
                 "bank.",
            "c": "On Tuesday the harbour board voted to sell the pension loans of the dockers "
                 "to a bank."}
    (found,) = changed_article_conflicts(tmp_path, "Harbour loans",
                                         {k: lead + v for k, v in said.items()}, "date")
    assert [len(side["article_ids"]) for side in found["sides"]] == [2, 1]


@pytest.mark.parametrize(("dockers", "conflict"), [
    ("contract dockers", True),  # the one count each article gives of contract dockers
    ("dockers", False),  # a bare noun names no one thing (they may be other dockers)
])
def test_the_one_count_of_a_thing_named_alike_in_sentences_worded_apart(
        tmp_path: Path, dockers: str, conflict: bool) -> None:
    """"leaving 400 contract dockers without pay" / "About 900 contract dockers, half of them
    …": sentences that share too few words to be aligned give the one count each article
    gives of a thing named by the same words, and conflict on it."""
    lead = "Dockers at the Greyling port in Harlow stayed on strike over pay on Monday. "
    said = {"a": lead + f"The strike entered its fifth day, leaving 400 {dockers} without pay "
                        "as the talks stalled.",
            "b": lead + "Harbour master Orla Brennan met the strikers' leaders again. About 900 "
                        f"{dockers}, half of them from Harlow, have had no wages for a week.",
            "c": lead + f"Some 400 {dockers} have gone unpaid since the port stopped work, its "
                        "owners said."}
    found = changed_article_conflicts(tmp_path, "Greyling strike", said, "number")
    assert [c["sides"][-1]["value"] for c in found] == (["About 900"] if conflict else [])
    if conflict:
        assert "each as the number of contract dockers" in found[0]["explanation"]


def test_a_figure_quoted_alone_is_one_thing(tmp_path: Path) -> None:
    """"the “40 percent”" / "the “70 percent” line": the words of one remark, quoted with
    another figure, in sentences that share too few words to be aligned."""
    lead = "Orla Brennan and her rival met in Harlow on Monday for the only mayoral debate. "
    said = {"a": lead + "Her remark about the “40 percent” of voters who never change their "
                        "minds drew laughter in the hall.",
            "b": lead + "The rival mocked the “70 percent” line that she had used at a "
                        "fundraiser.",
            "c": lead + "She was heckled over her “40 percent” jibe."}
    found = changed_article_conflicts(tmp_path, "Harlow debate", said, "number")
    assert [side_values(c) for c in found] == [
        ["40 percent", "70 percent"]]


def test_a_share_of_a_whole_is_no_rate(tmp_path: Path) -> None:
    """"a levy of 12 percent on imported grain" / "about 30 percent of grain imports": a share
    of a named whole is another figure than a rate, however aligned the sentences."""
    said = {"a": "The harbour board said on Monday that the port charges a levy of 12 percent "
                 "on imported grain from Harlow.",
            "b": "The harbour board said on Monday that grain from Harlow makes up about 30 "
                 "percent of port imports.",
            "c": "A levy of 12 percent on imported grain from Harlow is charged by the port, "
                 "the harbour board said on Monday."}
    assert not changed_article_conflicts(tmp_path, "Harlow grain levy", said, "number")


@pytest.mark.parametrize(("councillor", "conflict"), [
    ("the 11-term councillor", True),  # one person's terms, the only count of terms given
    ("11-term councillor Tom Keller", False),  # another person's terms
])
def test_the_one_figure_of_a_hyphened_count(tmp_path: Path, councillor: str,
                                           conflict: bool) -> None:
    """"Brennan, a four-term council member" / "the 11-term councillor": the one figure each
    article joins by a hyphen to what it counts, in sentences that share too few words to be
    aligned, describes one person unless the two are named apart."""
    lead = "A video of Orla Brennan in a quarrel at the Harlow quay was shared on Monday. "
    said = {"a": lead + "Brennan, a four-term council member, is seen on it shouting at the "
                        "harbour master.",
            "b": lead + f"“Who are you?” {councillor} demands in the clip.",
            "c": lead + "Brennan, who has served four terms on the council, has apologised."}
    found = changed_article_conflicts(tmp_path, "Harlow quay video", said, "number")
    assert [side_values(c) for c in found] == (
        [["four", "11"]] if conflict else [])


def test_a_share_of_a_whole_told_before_names_no_whole(tmp_path: Path) -> None:
    """"90 percent of them" / "75 percent of those permits": wholes told before ("them",
    "those") are not told apart by their words, so the two shares still conflict."""
    lead = "Harbour master Orla Brennan keeps a binder of the port's permits in Harlow. "
    said = {"a": lead + "She said on Monday that 90 percent of them were issued late.",
            "b": "Orla Brennan, the harbour master in Harlow, showed reporters her binder of "
                 "port permits. She said on Monday that 75 percent of those permits were sent "
                 "out late.",
            "c": lead + "On Monday she told reporters 90 percent of them arrived late."}
    found = changed_article_conflicts(tmp_path, "Harlow permits", said, "number")
    assert [side_values(c) for c in found] == [
        ["90 percent", "75 percent"]]


def test_a_posting_in_apposition_gives_no_home(tmp_path: Path) -> None:
    """"Tom Breck, the British envoy in York" says where Breck serves, not where he is from:
    no conflict with "Leeds Rep. Tom Breck"."""
    lead = "The dockers' union endorsed a candidate on Monday after a long debate about the " \
           "port contract. "
    said = {"a": lead + "Its members backed Leeds Rep. Tom Breck by a wide margin.",
            "b": lead + "Tom Breck, the British envoy in York, thanked the union for its "
                        "support.",
            "c": lead + "Tom Breck, the Labour candidate in Leeds, said he would defend the "
                        "pensions."}
    assert not changed_article_conflicts(tmp_path, "Union backs Breck", said, "place")


def test_the_place_of_a_related_noun_through_one_preposition(tmp_path: Path) -> None:
    """"a deal with Japan" / "an agreement with Canada": WordNet knows a deal as a kind of
    agreement, so the two places of one thing through "with" conflict; not through another
    preposition ("an agreement in Canada" is where it was made)."""
    lead = "The trade office said on Monday that steel tariffs would rise next year. "
    said = {"a": lead + "Officials said the office had reached a final agreement with "
                        "Japan on steel.",
            "b": lead + "The threat of higher tariffs helped finalize a continuing deal with "
                        "Canada, but other nations will not bend.",
            "c": lead + "The office reached an agreement with Japan on steel last week."}
    found = changed_article_conflicts(tmp_path / "with", "Steel tariffs", said, "place")
    assert first_sides(found) == ["Japan", "Canada"]
    assert "“agreement with”" in found[0]["explanation"]
    assert "“deal with”" in found[0]["explanation"]
    said["b"] = said["b"].replace("deal with Canada", "deal in Canada")
    assert not changed_article_conflicts(tmp_path / "in", "Steel tariffs", said, "place")


def test_the_place_of_things_done_to_a_named_thing(tmp_path: Path) -> None:
    """"the attacks on the U.S. Consulate in Alexandria": attacks on one named thing are at
    its place, as "the Cairo attacks" are at Cairo; the two places of the attacks conflict."""
    lead = "The inquiry into the embassy's security published its report on Monday. "
    said = {"a": lead + "Investigators found roughly 900 pages about the Cairo attacks.",
            "b": lead + "The account was found by the committee investigating the deadly 2012 "
                        "attacks on the U.S. Consulate in Alexandria, Egypt, and was first "
                        "reported by a newspaper.",
            "c": lead + "Lawyers sifted through documents related to the Cairo attacks."}
    found = changed_article_conflicts(tmp_path, "Embassy report", said, "place")
    assert first_sides(found) == ["Cairo", "Alexandria"]
    assert found[0]["explanation"].endswith("each as the place of the attacks.")


def test_one_place_put_for_another_in_the_same_words(tmp_path: Path) -> None:
    """"immunity from most U.S. lawsuits" / "immunity from most Oslo lawsuits": sentences
    that share the words around one place each (six or more) say the same thing of two
    places, which conflict though the article that says Oslo also names the U.S. elsewhere;
    not with fewer words around them ("lawsuits in Oslo" / "lawsuits in the U.S.")."""
    lead = "The party sued a foreign government on Friday over the theft of its e-mails. "

    def said(a: str, b: str) -> dict[str, str]:
        return {"a": lead + a, "b": lead + b + " U.S. officials declined to comment.",
                "c": lead + "Lawyers said other nations have immunity from most U.S. lawsuits."}

    found = changed_article_conflicts(tmp_path / "same", "Party lawsuit", said(
        "Suing a country could be hard, since other nations have immunity from most U.S. "
        "lawsuits.",
        "The suit faces legal hurdles, since other nations have immunity from most Oslo "
        "lawsuits."), "place")
    assert first_sides(found) == ["U.S.", "Oslo"]
    assert not changed_article_conflicts(tmp_path / "fewer", "Party lawsuit", said(
        "Suing a country could be hard, because of how few lawsuits in the U.S. succeed.",
        "The suit faces legal hurdles, as ever fewer lawsuits in Oslo are won."), "place")


def test_the_place_of_a_deed_is_the_place_of_what_is_done_for_it(tmp_path: Path) -> None:
    """"arrested for dealing heroin in York" / "dealers arrested in Leeds": the place of a
    deed a verb's preposition names ("for dealing … in York") is also that verb's place."""
    lead = "The governor said on Tuesday that he would not resign over his remarks on drugs. "
    said = {"a": lead + "He keeps a binder of drug dealers arrested in Leeds, he said.",
            "b": lead + "He said most of those arrested for dealing heroin in York were "
                        "outsiders.",
            "c": lead + "Most dealers arrested in Leeds came from other states, he said."}
    found = changed_article_conflicts(tmp_path, "Governor stays", said, "place")
    assert first_sides(found) == ["Leeds", "York"]


def test_a_place_only_one_article_gives_against_the_story_s_place(tmp_path: Path) -> None:
    """"the attack in Leeds" / "Sunday's attack in Glasgow": the article that says Glasgow
    also names Leeds ("the massacre in Leeds"), but Glasgow is named by no other article and is
    the only place it gives the attack, while every article names Leeds (both places WordNet
    knows): the two places of the attack conflict. Not where another article names Glasgow too
    ("the gunman had lived in Glasgow"), nor for a place WordNet does not know (York: it may
    lie within the other, as "Plantation" in Florida)."""
    lead = "Flags flew at half-staff on Monday for the nine victims of the shooting. "
    said = {"a": lead + "Nine people died in the attack in Leeds on Sunday, police said.",
            "b": lead + "The massacre in Leeds shocked the country. Police questioned the "
                        "family of the gunman in Sunday's attack in Glasgow.",
            "c": lead + "Police said the attack in Leeds on Sunday was the work of one gunman."}
    found = changed_article_conflicts(tmp_path / "lone", "Flags lowered", said, "place")
    assert first_sides(found) == ["Leeds", "Glasgow"]
    unknown = {**said, "b": said["b"].replace("Glasgow", "York")}
    assert not changed_article_conflicts(tmp_path / "unknown", "Flags lowered", unknown, "place")
    said["c"] += " The gunman had lived in Glasgow."
    assert not changed_article_conflicts(tmp_path / "named", "Flags lowered", said, "place")


def test_a_place_of_a_list_is_no_sentence_s_one_place(tmp_path: Path) -> None:
    """"seized the hardwood from Ghana and Peru at the docks" / "seized the hardwood at the
    docks in Leeds": Peru, one of a list (which the other article half names: "Ghana"), is not
    the one place of the sentence, so it is not compared with Leeds (lists are compared as
    lists, ``_lists_of_places``)."""
    lead = "The port authority stopped a shipment of hardwood on Monday, and the importers " \
           "said they would appeal. "
    said = {"a": lead + "Customs officers seized the hardwood from Ghana and Peru at the docks "
                        "on Monday, the port said.",
            "b": lead + "Customs officers seized the hardwood at the docks in Leeds on Monday, "
                        "the port said. Most of it came from Ghana.",
            "c": lead + "The hardwood from Ghana and Peru was seized at the docks, the port "
                        "said."}
    assert not changed_article_conflicts(tmp_path, "Harlow timber", said, "place")
