from __future__ import annotations

from wirecheck.text.passages import origin_of, reused_passages, shared_passages
from wirecheck.types import Article, Paragraph

SHARED = ("The council said the northern span of the footbridge had been inspected in March "
          "and that engineers found no fault in the deck or its supports at that time")
QUOTE = ("\u201cWe inspected the main deck in March and found nothing that gave us cause for "
         "concern at any point of the inspection,\u201d")


def make(aid: str, text: str, published: str | None = "2025-10-14") -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, paragraphs=(Paragraph(0, len(text)),),
                   published=published)


def words(text: str) -> list[str]:
    return [w.strip(".,;:\u201c\u201d\"'").lower() for w in text.split()]


def test_a_shared_sentence_is_found_in_both_articles_with_its_origin() -> None:
    a = make("a", f"PORT AMBERLEY - Rain fell all day. {SHARED}. Buses will run.", "2025-10-14")
    b = make("b", f"Commuters were angry on Wednesday. {SHARED.upper()}! Nothing else.",
             "2025-10-15")
    (found,) = shared_passages(b, a, min_words=12)
    assert found.words == len(SHARED.split())
    assert words(a.text[found.b.start:found.b.end]) == words(SHARED)
    assert words(b.text[found.a.start:found.a.end]) == words(SHARED)
    assert (found.a.article_id, found.b.article_id) == ("b", "a")
    assert found.origin == "a"


def test_quoted_words_are_not_reuse() -> None:
    a = make("a", f"The engineer spoke first. {QUOTE} Reed said on Tuesday.")
    b = make("b", f"Reed was clear. {QUOTE} he told the Courier.")
    assert shared_passages(a, b, min_words=8) == []


def test_a_quotation_splits_a_passage_and_each_long_part_counts() -> None:
    before = "Officials of the regional transport department confirmed late on Tuesday that"
    after = "and the two remaining spans will stay fenced off until the inquiry has reported"
    text = f"{before} the mayor said {QUOTE} {after}."
    a = make("a", "Intro line here. " + text)
    b = make("b", text + " Closing line.")
    found = shared_passages(a, b, min_words=10)
    assert [words(a.text[p.a.start:p.a.end]) for p in found] == [
        words(before + " the mayor said"), words(after)]


def test_runs_shorter_than_the_minimum_and_folded_forms() -> None:
    a = make("a", "The mayor\u2019s office said the bridge will stay closed for weeks to come.")
    b = make("b", "the Mayor's office said: the bridge will stay closed, for weeks to come")
    assert len(shared_passages(a, b, min_words=12)) == 1
    assert shared_passages(a, b, min_words=15) == []


def test_origin_needs_dates_that_tell_the_articles_apart() -> None:
    day = make("d", "x", "2025-10-14")
    same = make("s", "x", "2025-10-14")
    morning = make("m", "x", "2025-10-14T08:00:00")
    evening = make("e", "x", "2025-10-14T19:30:00")
    undated = make("u", "x", None)
    later = make("l", "x", "2025-10-16")
    assert origin_of(day, same) is None
    assert origin_of(day, morning) is None
    assert origin_of(evening, morning) == "m"
    assert origin_of(undated, day) is None
    assert origin_of(later, day) == "d"


def test_reused_passages_compares_only_pairs_that_share_a_passage() -> None:
    a = make("a", f"First report. {SHARED}.", "2025-10-14")
    b = make("b", f"Second report, later. {SHARED}.", "2025-10-15")
    c = make("c", "An unrelated story about ferry wages and a strike vote that ended on Monday.")
    found = reused_passages([a, b, c], min_words=12)
    assert [(p.a.article_id, p.b.article_id, p.origin) for p in found] == [("a", "b", "a")]
    assert found == shared_passages(a, b, min_words=12)
