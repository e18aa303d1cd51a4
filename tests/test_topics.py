"""A conflict's topic is told in an article's own words, never as a list of words."""

import pytest

from test_quotes import make_article
from wirecheck.nlp.spacy_backend import analyse
from wirecheck.stages.facts import governing_verb
from wirecheck.stages.topics import counted, event, setting
from wirecheck.types import Span


def event_at(text: str, word: str, *others: str) -> str | None:
    article = make_article(text)
    parsed = analyse(article)
    start = text.index(word)
    at = Span(article.id, start, start + len(word))
    return event(parsed, governing_verb(parsed, at.start, at.end), at, others)


@pytest.mark.parametrize(("text", "word", "told"), [
    # a dateline is no subject; the sentence's first word is lowered, a name is not
    ("PORT AMBERLEY, Oct 14 (Meridian Press) - Part of the Kestrel footbridge in Port Amberley "
     "collapsed during the morning rush on Tuesday, injuring 14 people.", "Tuesday",
     "part of the Kestrel footbridge in Port Amberley collapsed"),  # "part" written below
    ("Michael Flynn pleaded guilty on Friday to lying to the FBI.", "Friday",
     "Michael Flynn pleaded"),
    # the object is told when short, and when it does not take in the disputed value
    ("President Trump met Enrique Peña Nieto in Mexico City on Wednesday.", "Wednesday",
     "President Trump met Enrique Peña Nieto in Mexico City"),
    ("On Monday the House voted to override the veto.", "Monday", "the House voted"),
    ("The council approved the plan for the bridge on Monday.", "Monday",
     "the council approved the plan for the bridge"),
    # an agency's dash with no space: "Reuters)-The" was one token, and "the" was lost
    ("PORT AMBERLEY, Oct 15 (Reuters)-The city closed the Kestrel footbridge on Tuesday.",
     "Tuesday", "the city closed the Kestrel footbridge"),
])
def test_an_event_is_its_subject_and_verb_as_written(text: str, word: str, told: str) -> None:
    assert event_at(text, word, "Commuters were on it when part of it gave way.") == told
    assert told.lower() in text.lower()  # every word the article's, in its order


def test_no_event_where_the_words_would_not_read_as_a_topic() -> None:
    # no subject
    assert event_at("Announced on Tuesday, the plan was welcomed.", "Announced") is None
    # the disputed value inside the only words there are
    assert event_at("Tuesday's storm flooded the town.", "Tuesday") is None
    # an object a reader does not know ("where people do", "where most people view")
    assert event_at("People do that in Texas.", "Texas") is None
    assert event_at("Most people view it that way in America.", "America") is None
    # a quotation mark inside
    assert event_at('The "people\'s mayor" resigned on Friday.', "Friday") is None
    # a subject too long to read as a topic
    long = ("The committee of seven senior members of the regional council for transport and "
            "the harbour and the ferries resigned on Friday.")
    assert event_at(long, "Friday") is None


def test_a_pronoun_is_no_one_a_reader_knows() -> None:
    assert event_at('"I feel the deck drop," she said on Tuesday.', "Tuesday") is None
    assert event_at("He announced the inquiry on Wednesday.", "Wednesday") is None


def test_the_first_word_is_lowered_only_where_the_story_writes_it_so() -> None:
    told = event_at("Trump first announced the plan on Friday.", "Friday", "The trump card.")
    assert told == "trump first announced the plan"  # the story's own usage decides
    told = event_at("Trump first announced the plan on Friday.", "Friday", "Mr. Trump said.")
    assert told == "Trump first announced the plan"  # spaCy tags this "Trump" a noun
    told = event_at("President Trump announced the plan on Friday.", "Friday", "the president")
    assert told == "President Trump announced the plan"  # a title before a name


@pytest.mark.parametrize(("text", "figure", "told"), [
    ("A total of 41 people were injured on Tuesday.", "41", "number of people injured"),
    ("The collapse injured 14 people.", "14", "number of people"),
    ("Clinton sent 50,000 pages of emails.", "50,000", "number of pages of emails"),
    ("The 100 pages of e-mails showed a quarrel.", "100", "number of pages of e-mails"),  # whole
    ("Prosecutors filed a 48-page indictment on Monday.", "48",
     "the figure in “a 48-page indictment”"),  # not "number of page indictment"
    ("It cost $5 million.", "5", None),  # counts no noun
])
def test_a_figure_is_about_what_it_counts_as_written(text: str, figure: str,
                                                     told: str | None) -> None:
    article = make_article(text)
    start = text.index(figure)
    assert counted(analyse(article), Span(article.id, start, start + len(figure))) == told


@pytest.mark.parametrize(("text", "place", "told"), [
    ("A photo showed a student at Western Washington University in Bellingham.", "Bellingham",
     "Western Washington University in Bellingham"),
    ("Todd Akin, the Republican Senate candidate in Missouri, refused to quit.", "Missouri",
     "Republican Senate candidate in Missouri"),
    ("Trump met Nieto in Mexico City.", "Mexico City", None),  # a verb's: an event instead
])
def test_a_place_of_a_noun_is_told_with_its_noun(text: str, place: str,
                                                 told: str | None) -> None:
    article = make_article(text)
    start = text.index(place)
    assert setting(analyse(article), Span(article.id, start, start + len(place))) == told
