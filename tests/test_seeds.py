"""The founding example: ../shared/seeds and its expected.json (skipped where absent)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import lenient, shared_or_skip
from wirecheck.api import write_reports
from wirecheck.cli import main


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = shared_or_skip("seeds")
    out = tmp_path_factory.mktemp("seeds-out")
    assert main(["analyze", str(folder), "--store", "memory:", "--out", str(out)]) == 0
    report = json.loads((out / "report.json").read_text("utf-8"))
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    keys = {a["id"]: Path(a["source"]).name[:3] for a in report["articles"]}
    by_key = {keys[a["id"]]: a for a in report["articles"]}
    return {"report": report, "expected": expected, "keys": keys, "by_key": by_key}


def test_runs_with_no_failure_and_validates(seeds: dict[str, Any], tmp_path: Path) -> None:
    assert seeds["report"]["failures"] == []
    assert len(seeds["report"]["articles"]) == 5
    write_reports(seeds["report"], tmp_path)  # validates against the schema first


def test_cleaning(seeds: dict[str, Any]) -> None:
    for key, rules in seeds["expected"]["cleaning"].items():
        article = seeds["by_key"][key]
        body = lenient(article["text"])
        everything = lenient(f"{article['title'] or ''}\n{article['text']}")
        for junk in rules.get("without", []):
            assert lenient(junk) not in body, (key, junk)
        lines = {line.strip() for line in article["text"].splitlines()}
        for line in rules.get("without_lines", []):
            assert line not in lines, (key, line)
        for kept in rules.get("with", []):
            assert lenient(kept) in everything, (key, kept)
        if "title_once" in rules:  # the expected title drops the headline's opening quote mark
            title, once = (lenient(t).strip("'\"") for t in (article["title"], rules["title_once"]))
            assert title == once
            assert lenient(rules["title_once"]) not in body


def test_metadata(seeds: dict[str, Any]) -> None:
    for key, meta in seeds["expected"]["metadata"].items():
        article = seeds["by_key"][key]
        if "outlet" in meta:
            assert article["outlet"] == meta["outlet"]
        if "aggregator" in meta:
            assert article["meta"].get("aggregator") == meta["aggregator"]
        if "event_date" in meta:
            assert article["meta"].get("event_date") == meta["event_date"]


def test_no_duplicates_and_one_story(seeds: dict[str, Any]) -> None:
    assert seeds["report"]["duplicate_groups"] == seeds["expected"]["duplicate_groups"] == []
    stories = [sorted(seeds["keys"][a] for a in s["article_ids"])
               for s in seeds["report"]["stories"]]
    assert stories == [sorted(s) for s in seeds["expected"]["stories"]]


def test_quote_ledger(seeds: dict[str, Any]) -> None:
    story = seeds["report"]["stories"][0]
    for want in seeds["expected"]["quotes"]:
        carriers = {seeds["keys"][c["article_id"]]
                    for q in story["quotes"]
                    if lenient(q["speaker"] or "") == lenient(want["speaker"])
                    for c in q["carriers"]
                    if lenient(want["quote"]) in lenient(c["text"])
                    or lenient(c["text"]) in lenient(want["quote"])}
        assert set(want["verbatim_in"]) <= carriers, want


def test_the_altered_quote_is_a_variant_not_a_confirmation(seeds: dict[str, Any]) -> None:
    story = seeds["report"]["stories"][0]
    for want in [q for q in seeds["expected"]["quotes"] if "variant_of" in q]:
        quote_conflicts = [c for c in story["conflicts"] if c["type"] == "quote"
                           and lenient(want["variant_of"])[:40] in lenient(c["sides"][0]["value"])]
        assert quote_conflicts, want
        variant_side = {seeds["keys"][a] for a in quote_conflicts[0]["sides"][1]["article_ids"]}
        assert variant_side == set(want["verbatim_in"])


def test_no_conflict_among_the_consistent_reports(seeds: dict[str, Any]) -> None:
    consistent = set("000 001 002 004".split())
    for conflict in seeds["report"]["stories"][0]["conflicts"]:
        sides = [{seeds["keys"][a] for a in s["article_ids"]} for s in conflict["sides"]]
        if all(side <= consistent for side in sides):
            assert conflict["type"] == "quote", conflict  # a variant quote, reported as such


def test_timeline(seeds: dict[str, Any]) -> None:
    timeline = seeds["report"]["stories"][0]["timeline"]
    for want in seeds["expected"]["timeline"]:
        stated = {seeds["keys"][a] for t in timeline if t["date"] == want["date"]
                  for a in t["article_ids"]}
        assert set(want["stated_in"]) <= stated, want


def test_roles(seeds: dict[str, Any]) -> None:
    story = seeds["report"]["stories"][0]
    for want in seeds["expected"]["roles"]:
        stated = {seeds["keys"][a] for p in story["people"]
                  if lenient(p["name"]) == lenient(want["person"])
                  for r in p["roles"] if lenient(want["role"]) in lenient(r["role"])
                  for a in r["article_ids"]}
        assert set(want["stated_in"]) <= stated, want


def test_conflicts(seeds: dict[str, Any]) -> None:
    unused = list(seeds["report"]["stories"][0]["conflicts"])
    for want in seeds["expected"]["conflicts"]:  # each expected conflict needs its own finding
        hits = [c for c in unused
                if any(seeds["keys"][a] in want["side_b"]["articles"]
                       for s in c["sides"][1:] for a in s["article_ids"])
                and c["type"] == want["kind"]]
        assert hits, want
        unused.remove(hits[0])


def test_reliability(seeds: dict[str, Any]) -> None:
    rows = seeds["report"]["stories"][0]["reliability"]
    lowest = min(rows, key=lambda r: r["score"])
    assert seeds["keys"][lowest["article_id"]] == seeds["expected"]["reliability"]["lowest"]
    assert lowest["flagged"]
    assert not any(r["flagged"] for r in rows if r is not lowest)
