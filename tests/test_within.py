"""Inconsistencies within one report (``stages/within.py``): two sentences of one article that
say the same thing with different values; and what is not one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wirecheck import analyze
from wirecheck.render.html import render_html
from wirecheck.render.markdown import render_markdown

STEADY = ("Part of the Kestrel footbridge in Port Amberley collapsed on Tuesday morning, "
          "injuring 14 people, three of them seriously, city officials said.")
OTHERS = {
    "a": f"{STEADY}\n\nThe footbridge opened in 1998 and links the old town with Kestrel Quay.",
    "c": f"{STEADY}\n\nThe regional government has ordered an independent inquiry.",
}


# "b" tells it in its own words, so that it is no copy of "a" or "c"
OWN = ("A walkway of the Kestrel footbridge in Port Amberley fell onto the quay on Tuesday "
       "morning, injuring 14 people, city officials said.\n\nCommuters described the deck "
       "dropping under them as they crossed to the ferry terminal in the rush hour.\n\n"
       "Engineers closed the crossing and the harbour master diverted foot traffic through "
       "the old customs hall while divers checked the piers.")


def story_of(tmp_path: Path, b: str, **more: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Outlets "a" and "c" tell the collapse steadily; "b" tells ``b``; ``more`` outlets tell
    what they are given."""
    records = [{"id": k, "outlet": f"{k.upper()} Post", "title": f"Footbridge collapse ({k})",
                "published": "2025-10-14", "text": text}
               for k, text in sorted({**OTHERS, "b": b, **more}.items())]
    (tmp_path / "story.jsonl").write_text("\n".join(json.dumps(r) for r in records),
                                          encoding="utf-8")
    report = analyze([tmp_path]).report
    (story,) = report["stories"]
    return report, story


def article_id(report: dict[str, Any], meta_id: str) -> str:
    return next(a["id"] for a in report["articles"] if a["meta"].get("id") == meta_id)


def test_a_report_giving_two_counts_of_one_thing(tmp_path: Path) -> None:
    b = (f"{OWN}\n\nA walkway of the Kestrel footbridge in Port Amberley fell onto the quay "
         "on Tuesday morning, injuring 41 people, city officials said.")
    report, story = story_of(tmp_path, b, d=b)  # "d" copies "b" word for word
    changed = article_id(report, "b")
    (found,) = story["inconsistencies"]  # once: a copy's sentences are its original's
    assert found["type"] == "number"
    assert {s["value"] for s in found["sides"]} == {"14", "41"}
    text = next(a["text"] for a in report["articles"] if a["id"] == changed)
    for side in found["sides"]:
        assert side["article_ids"] == [changed]
        (sp,) = side["spans"]
        assert text[sp["start"]:sp["end"]] == side["value"]
    copy = article_id(report, "d")
    for row in story["reliability"]:  # a copy is as reliable as what it copies
        assert row["inconsistent"] == (row["article_id"] in (changed, copy))
    (row,) = [r for r in story["reliability"] if r["article_id"] == changed]
    assert any(r.startswith("contradicts itself on the number of people") for r in row["reasons"])
    disputed = next(x for x in story["brief"]["sections"] if x["key"] == "disputed")
    (said,) = [x for x in disputed["sentences"] if "contradicts itself" in x["text"]]
    assert said["text"] == ("B Post contradicts itself on the number of people: “14” in one "
                            "sentence, “41” in another.")
    assert sorted((c["start"], c["end"]) for c in said["citations"]) == sorted(
        (sp["start"], sp["end"]) for side in found["sides"] for sp in side["spans"])
    assert "(number, within one report)" in render_markdown(report, story["id"])
    assert "number · within one report" in render_html(report, story["id"])


@pytest.mark.parametrize(("kind", "b", "values"), [
    ("date", f"{OWN}\n\nA walkway of the Kestrel footbridge in Port Amberley fell onto the "
     "quay on Monday morning, injuring 14 people, city officials said.", {"Tuesday", "Monday"}),
    ("role", f"{OWN}\n\nThe city's chief engineer, Tobin Reed, said the bridge would stay shut "
     "until the inquiry had finished.\n\nThe city's deputy mayor, Tobin Reed, said the bridge "
     "would stay shut until the inquiry had finished.", {"chief engineer", "deputy mayor"}),
    # the day of a dateline is when the report was filed, not a second day of the event
    ("date", f"{OWN}\n\nPORT AMBERLEY, Oct 15 (Reuters)-The city closed the Kestrel footbridge "
     "until Friday, officials said, after part of it fell onto the quay.\n\nThe city closed "
     "the Kestrel footbridge until Sunday, officials said, after part of it fell onto the quay.",
     {"Friday", "Sunday"}),
    # one sentence dates two events: the one both sentences date is compared
    ("date", f"{OWN}\n\nThe city closed the Kestrel footbridge until Friday after part of it "
     "fell onto the quay, the mayor said on Wednesday.\n\nThe city closed the Kestrel "
     "footbridge until Sunday after part of it fell onto the quay, officials said.",
     {"Friday", "Sunday"}),
])
def test_other_values_within_one_report(tmp_path: Path, kind: str, b: str,
                                        values: set[str]) -> None:
    _, story = story_of(tmp_path, b)
    (found,) = story["inconsistencies"]
    assert found["type"] == kind and {s["value"] for s in found["sides"]} == values
    if kind == "date":  # the event in the article's words, not "when city closed footbridge"
        told = found["topic"].removeprefix("when ")
        assert told != found["topic"] and len(told.split()) >= 4 and told.lower() in b.lower()


@pytest.mark.parametrize("b", [
    pytest.param(f"{OWN}\n\nA walkway of the Kestrel footbridge in Port Amberley fell onto "
                 "the quay on Tuesday morning, injuring 14 people; 10 people were injured by "
                 "the first count, city officials said.", id="a sentence giving two values"),
    pytest.param(f"{OWN}\n\nIn March, Mayor Helena Varga said the footbridge was safe to "
                 "cross.\n\nFormer Mayor Helena Varga said in March the footbridge was safe "
                 "to cross.", id="a former title"),
    pytest.param(f"{OWN}\n\nA walkway of the Kestrel footbridge in Port Amberley fell onto "
                 "the quay on Tuesday morning, injuring about 15 people, city officials said.",
                 id="a hedged figure"),
])
def test_no_inconsistency(tmp_path: Path, b: str) -> None:
    _, story = story_of(tmp_path, b)
    assert story["inconsistencies"] == []
