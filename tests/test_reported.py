"""Indirect quotes (``stages.reported``), speakers of pronouns (``stages.speakers``) and the
batched parse (``nlp.spacy_backend.analyse_many``)."""

import pytest

from test_quotes import make_article, quotes_of
from wirecheck.stages.quotes import QuoteExtractor


@pytest.fixture(scope="session")
def extractor() -> QuoteExtractor:
    return QuoteExtractor()


@pytest.mark.parametrize(("sentence", "content", "speaker"), [
    ("Republicans said they are convinced the department mishandled the inquiry.",
     "they are convinced the department mishandled the inquiry", "Republicans"),
    ("Donald Trump urged supporters to monitor polling places on Election Day.",
     "supporters to monitor polling places on Election Day", "Donald Trump"),
    ("Hillary Clinton criticized the trade deal as a giveaway to corporations.",
     "the trade deal as a giveaway to corporations", "Hillary Clinton"),
    ("Senator Jane Okafor called for an independent investigation of the collapse.",
     "an independent investigation of the collapse", "Jane Okafor"),
    ("Mayor Ann Lee was critical of the plan to close the bridge.",
     "the plan to close the bridge", "Ann Lee"),
    ("Residents rejected Mayor Ann Lee's claim that the bridge was safe.",
     "the bridge was safe", "Ann Lee"),
    ("Acts of protest, Barack Obama said, are acts of patriotism.",
     "Acts of protest, Barack Obama said, are acts of patriotism", "Barack Obama"),
    ("The repairs will take a year, Mayor Ann Lee said.",
     "The repairs will take a year", "Ann Lee"),
    ("A new poll shows Clinton ahead by three points in Ohio.",
     "Clinton ahead by three points in Ohio", "A new poll"),
    ("PORT AMBERLEY, Oct 14 (Meridian Press) - Part of the footbridge collapsed on Tuesday, "
     "injuring 14 people, city officials said.",  # the dateline is no one's words
     "Part of the footbridge collapsed on Tuesday, injuring 14 people", "city officials"),
])
def test_reported_speech_thought_and_stance(extractor: QuoteExtractor, sentence: str,
                                           content: str, speaker: str) -> None:
    article = make_article(sentence)
    found = {q.text: q.speaker for q in quotes_of(extractor, article) if q.kind == "indirect"}
    assert found.get(content) == speaker, found


def test_a_partial_quotation_stays_inside_its_clause(extractor: QuoteExtractor) -> None:
    article = make_article("Trump said he is making \u201ca demand\u201d of Obama.")
    kinds = {q.kind: q.text for q in quotes_of(extractor, article)}
    assert kinds["partial"] == "a demand"
    assert kinds["indirect"] == "he is making \u201ca demand\u201d of Obama"


def test_analyse_many_parses_once_in_batches() -> None:
    from wirecheck.nlp import spacy_backend

    spacy_backend.clear_cache()
    one = make_article("Mayor Ann Lee said on Monday that the bridge will reopen.", id="m1")
    two = make_article("\u201cWe will rebuild,\u201d Lee said.", id="m2")
    first = spacy_backend.analyse_many([one, two, one])
    assert [p.article.id for p in first] == ["m1", "m2", "m1"] and first[0] is first[2]
    assert spacy_backend.analyse(two) is first[1]  # cached: the extractors share one parse
    assert first[0].doc.text == one.text and first[0].doc[0].idx == 0
    assert first[0].doc.tensor.size == 0  # not kept in the cache
    assert [q.text for q in QuoteExtractor().extract(first[1]) if q.kind == "direct"] == [
        "We will rebuild"]


@pytest.mark.parametrize("sentence", [
    "A White House official, speaking on condition of anonymity, confirmed the delay.",
    "Speaking at a rally in Ohio, Senator Jane Okafor thanked the volunteers.",
    "Senator Jane Okafor spoke with the governor's aides on Monday.",
])
def test_how_where_and_to_whom_one_spoke_is_not_what_was_said(extractor: QuoteExtractor,
                                                              sentence: str) -> None:
    found = [q.text for q in quotes_of(extractor, make_article(sentence))
             if q.cue and q.cue.lower().startswith(("speak", "talk"))]
    assert found == []


def test_a_pronoun_in_the_next_sentence_names_no_speaker(extractor: QuoteExtractor) -> None:
    article = make_article("Mayor Ann Lee opened the hearing.", "Lee framed the plan as "
                           "part of talks about \u2018the day after\u2019 the storm. He noted "
                           "that the bridge had held.")
    partial = [q for q in quotes_of(extractor, article) if q.kind == "partial"]
    assert partial and partial[0].speaker != "He"
