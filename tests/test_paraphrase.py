"""The comparison's judge of support: a restatement, a sentence adding to it, and the shipped
head is what its training script writes from MSRP."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from conftest import shared_or_skip
from wirecheck import analyze
from wirecheck.consistency.paraphrase import FLOOR, fit, same_statement, stated_by
from wirecheck.text.similarity import content_words, overlap_score

ROOT = Path(__file__).resolve().parents[1]
SHORT = "The senator voted against the farm bill on Friday in the Senate."
LONG = ("The senator voted against the farm bill on Friday in the Senate, citing its cost to "
        "taxpayers, the deficit and the subsidies it hands to large growers.")


def test_a_restatement_is_the_same_statement() -> None:
    assert same_statement("Police arrested four men on Tuesday after the raid.",
                          "Four men were arrested by police on Tuesday after the raid.") >= 0.5


def test_a_sentence_adding_a_clause_states_the_shorter_but_is_no_paraphrase() -> None:
    assert overlap_score(SHORT, LONG) >= 58  # the content-word overlap alone took them as one
    assert same_statement(SHORT, LONG) < 0.5
    assert stated_by(SHORT, LONG) == 1.0  # every word and number of the short one is there
    assert stated_by(LONG, SHORT) < 0.5  # the short one does not state the reasons


def test_a_number_the_other_lacks_is_not_contained() -> None:
    """Digits are content words, so "1,200" is "1" and "200": the other sentence has both as
    words, but not the number."""
    claim = "The plant employs 1,200 workers in the town."
    other = "The plant employs 200 workers in the town, 1 mile from the river."
    assert content_words(claim) <= content_words(other)
    assert stated_by(claim, other) < 1.0


def test_sentences_sharing_little_are_never_the_same() -> None:
    a, b = "The bridge reopened on Monday.", "Farmers protested the new tax in the capital."
    assert overlap_score(a, b) < FLOOR and same_statement(a, b) == 0.0


def test_the_shipped_head_is_what_the_training_script_fits() -> None:
    shared_or_skip("data/paraphrase-msrp/msr_paraphrase_train.txt")
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_paraphrase import OUT, msrp_pairs

    shipped = json.loads(OUT.read_text("utf-8"))
    fitted = fit(msrp_pairs())
    assert {k: shipped[k] for k in fitted} == fitted


def test_an_article_adding_reasons_corroborates_the_shorter_claim_not_the_reverse(
        tmp_path: Path) -> None:
    records = [
        {"id": "a1", "outlet": "Fenwick Post", "title": "Senator votes against farm bill",
         "text": f"{SHORT} Farm groups in the north called the vote a blow to rural districts. "
                 "The bill now goes back to a committee of both chambers, which meets in "
                 "the spring to settle what the two houses passed."},
        {"id": "a2", "outlet": "Harbour Daily", "title": "Senator votes against the farm bill",
         "text": f"{LONG} Growers' unions said they would campaign against her next year. "
                 "Her office did not answer questions about the vote."},
    ]
    (tmp_path / "story.jsonl").write_text("\n".join(json.dumps(r) for r in records), "utf-8")
    report = analyze([tmp_path]).report
    ids = {a["meta"]["id"]: a["id"] for a in report["articles"]}
    stances: dict[str, Any] = {}
    for story in report["stories"]:
        for claim in story["claims"]:
            for stance in claim["stances"]:
                stances[(claim["text"], stance["article_id"])] = stance["stance"]
    assert stances[(SHORT, ids["a2"])] == "supports", stances
    assert stances[(LONG, ids["a1"])] == "silent", stances
