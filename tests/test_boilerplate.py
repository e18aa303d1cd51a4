"""An outlet's boilerplate is learnt across its articles of one batch, and only that outlet's."""

from __future__ import annotations

import json
from pathlib import Path

from wirecheck import analyze

PROMO = "Listen to the Harbour Hour podcast every weekday morning on all good apps."


def story(n: int, outlet: str, promo: bool) -> str:
    body = (f"Story number {n} from {outlet}: the council of Port Amberley met on Tuesday to "
            f"discuss item {n} of its agenda, a plan for {n * 3} new benches along the quay. "
            "Councillors said the plan would be put to a public vote next month, and that the "
            "cost would be met from the harbour budget rather than from a new levy.")
    return f"Headline {n} for {outlet}\n\n{body}\n\n" + (f"{PROMO}\n\n" if promo else "")


def test_a_line_many_articles_of_one_outlet_carry_is_removed(tmp_path: Path) -> None:
    def record(rid: str, url: str, text: str) -> str:
        return json.dumps({"id": rid, "url": url, "text": text}) + "\n"

    for n in range(4):
        (tmp_path / f"a{n}.jsonl").write_text(
            record(f"a{n}", f"https://quay.example/{n}", story(n, "quay", promo=True)), "utf-8")
    (tmp_path / "b.jsonl").write_text(
        record("b", "https://other.example/1", story(9, "other", promo=True)), "utf-8")
    report = analyze([tmp_path]).report
    texts = {a["meta"]["id"]: a for a in report["articles"]}
    for n in range(4):
        assert PROMO not in texts[f"a{n}"]["text"]
        assert PROMO in texts[f"a{n}"]["meta"]["removed"]
    assert PROMO in texts["b"]["text"]  # once at another outlet is not that outlet's boilerplate
