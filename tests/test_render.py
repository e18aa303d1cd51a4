"""Renderers and schema of the report: JSON (schema + references), Markdown and HTML."""

from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from wirecheck.errors import WirecheckError
from wirecheck.render._common import merge_spans, truncate
from wirecheck.render._html_parts import Anchors, article_text, parse_date, timeline_svg
from wirecheck.render.html import render_html
from wirecheck.render.json import load_schema, render_json, validate
from wirecheck.render.markdown import render_markdown

EVIL = "<script>alert(1)</script>"

GAZETTE = (
    "Ferry Alba runs aground off Port Lune\n\n"
    "The ferry Alba ran aground near Port Lune on 3 March 2024. "
    "Fourteen people were injured, the coast guard said.\n\n"
    "Captain Mira Holt said: \u201cWe did everything we could.\u201d "
    "Harbour master Jon Weiß called the rocks \u201cwell charted\u201d."
)
COASTLINE = (
    "Twelve people were hurt when the ferry Alba struck rocks near Port Lune on Sunday, "
    "3 March 2024.\n\n"
    "\u201cWe did all we could,\u201d Captain Mira Holt told reporters."
)


def span(article: dict[str, Any], phrase: str) -> dict[str, Any]:
    start = article["text"].index(phrase)
    return {"article_id": article["id"], "start": start, "end": start + len(phrase)}


def paragraphs(text: str) -> list[dict[str, Any]]:
    out, pos = [], 0
    for i, block in enumerate(text.split("\n\n")):
        out.append({"start": pos, "end": pos + len(block), "kind": "heading" if i == 0 else "p"})
        pos += len(block) + 2
    return out


def article(aid: str, outlet: str, title: str, text: str) -> dict[str, Any]:
    return {
        "id": aid, "source": f"inputs/{aid}.html", "url": f"https://example.org/{aid}",
        "outlet": outlet, "title": title, "published": "2024-03-03", "language": "en",
        "text": text, "meta": {"author": "Staff"}, "paragraphs": paragraphs(text),
    }


def make_report() -> dict[str, Any]:
    a1 = article("a1", "Harbour Gazette", "Ferry Alba runs aground", GAZETTE)
    a2 = article("a2", "Coastline Daily", "Twelve hurt as ferry hits rocks", COASTLINE)
    a3 = article("a3", "News Aggregator", "Ferry Alba runs aground", GAZETTE)
    injured_1 = span(a1, "Fourteen people were injured, the coast guard said.")
    injured_2 = span(a2, "Twelve people were hurt")
    aground = span(a1, "The ferry Alba ran aground near Port Lune on 3 March 2024.")
    quote_1 = span(a1, "We did everything we could.")
    quote_2 = span(a2, "We did all we could,")
    story = {
        "id": "s1", "title": "Ferry Alba aground off Port Lune", "article_ids": ["a1", "a2", "a3"],
        "quotes": [{
            "id": "q1", "speaker": "Mira Holt", "text": "We did everything we could.",
            "kind": "direct",
            "carriers": [
                {**quote_1, "quote_id": "q1a", "cue": "said", "match": "verbatim",
                 "text": "We did everything we could."},
                {**quote_2, "quote_id": "q1b", "cue": "told reporters", "match": "variant",
                 "text": "We did all we could,"},
            ],
        }],
        "people": [{"name": "Mira Holt", "aliases": ["Holt"],
                    "roles": [{"role": "captain", "article_ids": ["a1", "a2"], "qualifier": []}]}],
        "facts": [{"id": "f1", "article_id": "a1", "kind": "number", "subject": "people injured",
                   "value": "Fourteen", "normalized": "14", "qualifier": [],
                   **_offsets(injured_1)}],
        "claims": [
            {"id": "c1", "article_id": "a1", "text": "The ferry Alba ran aground near Port Lune.",
             **_offsets(aground), "attribution": None, "hedged": False,
             "stances": [
                 {"article_id": "a2", "stance": "supports", "start": 0, "end": 95, "score": 0.8,
                  "independent": True},
                 {"article_id": "a3", "stance": "supports", **_offsets(aground), "score": 1.0,
                  "independent": False}]},
            {"id": "c2", "article_id": "a1", "text": "Fourteen people were injured.",
             **_offsets(injured_1), "attribution": "the coast guard", "hedged": False,
             "stances": [
                 {"article_id": "a2", "stance": "contradicts", **_offsets(injured_2),
                  "score": 0.9, "independent": True},
                 {"article_id": "a3", "stance": "silent", "start": None, "end": None,
                  "score": 0.0, "independent": False}]},
        ],
        "conflicts": [{
            "id": "k1", "type": "number", "topic": "people injured",
            "explanation": "The outlets give different numbers of injured people.",
            "sides": [{"value": "14", "article_ids": ["a1", "a3"], "spans": [injured_1]},
                      {"value": "12", "article_ids": ["a2"], "spans": [injured_2]}],
        }],
        "single_source": [{"claim_id": "c3", "article_id": "a1",
                           "text": "Harbour master Jon Weiß called the rocks well charted.",
                           **_offsets(span(a1, "Harbour master Jon Weiß called the rocks"))}],
        "reliability": [
            {"article_id": "a1", "score": 0.82, "flagged": False, "reasons": [],
             "corroborated": 1, "contradicted": 1, "single_source": 1},
            {"article_id": "a2", "score": 0.41, "flagged": True,
             "reasons": ["injury count contradicted by an independent source"],
             "corroborated": 1, "contradicted": 1, "single_source": 0},
        ],
        "timeline": [{"date": "2024-03-03", "what": "Alba runs aground near Port Lune",
                      "article_ids": ["a1", "a2"], "spans": [aground]}],
        "brief": {"headline": "Ferry Alba ran aground off Port Lune; injury count disputed",
                  "sections": [
                      {"key": "established", "title": "Established", "sentences": [
                          {"text": "The ferry Alba ran aground near Port Lune on 3 March 2024.",
                           "composed": False, "citations": [aground, span(a2, "ferry Alba")]}]},
                      {"key": "disputed", "title": "Disputed", "sentences": [
                          {"text": "The number of injured is disputed: 14 or 12.",
                           "composed": True, "citations": [injured_1, injured_2]}]},
                  ]},
    }
    return {
        "wirecheck": "0.1.0", "schema_version": 1, "articles": [a1, a2, a3],
        "duplicate_groups": [{"id": "g1", "canonical": "a1", "exact": True, "members": [
            {"article_id": "a1", "similarity": 1.0}, {"article_id": "a3", "similarity": 1.0}]}],
        "failures": [{"id": "x1", "stage": "ingest", "source": "inputs/empty.html",
                      "error": "EmptyInput", "message": "the file has no text"}],
        "stories": [story],
    }


def _offsets(s: dict[str, Any]) -> dict[str, int]:
    return {"start": s["start"], "end": s["end"]}


@pytest.fixture
def report() -> dict[str, Any]:
    """The report as it comes back from JSON: no dict is shared between two places."""
    result: dict[str, Any] = json.loads(json.dumps(make_report()))
    return result


# --- schema and JSON -------------------------------------------------------------------------


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(load_schema())


def test_schema_accepts_the_complete_report(report: dict[str, Any]) -> None:
    validate(report)


def test_schema_accepts_an_empty_report() -> None:
    validate({"wirecheck": "0.1.0", "schema_version": 1, "articles": [],
              "duplicate_groups": [], "failures": [], "stories": []})


@pytest.mark.parametrize(
    ("breakage", "path"),
    [
        (lambda r: r["stories"][0]["quotes"][0].pop("kind"), r"\$\.stories\[0\]\.quotes\[0\]:"),
        (lambda r: r["stories"][0]["quotes"][0]["carriers"][1].update(match="copied"),
         r"\$\.stories\[0\]\.quotes\[0\]\.carriers\[1\]\.match"),
        (lambda r: r["stories"][0]["claims"][1].update(hedged="no"),
         r"\$\.stories\[0\]\.claims\[1\]\.hedged"),
        (lambda r: r["stories"][0]["conflicts"][0].update(type="vibes"),
         r"\$\.stories\[0\]\.conflicts\[0\]\.type"),
        (lambda r: r["stories"][0]["reliability"][0].update(score=1.5),
         r"\$\.stories\[0\]\.reliability\[0\]\.score"),
        (lambda r: r["articles"][1].update(outlet=7), r"\$\.articles\[1\]\.outlet"),
        (lambda r: r["articles"][0]["paragraphs"][0].update(start=-1),
         r"\$\.articles\[0\]\.paragraphs\[0\]\.start"),
        (lambda r: r["stories"][0]["brief"]["sections"][0].update(extra=1),
         r"\$\.stories\[0\]\.brief\.sections\[0\]:.*extra"),
        (lambda r: r.pop("failures"), r"\$: 'failures' is a required property"),
        (lambda r: r.update(schema_version=2), r"\$\.schema_version"),
    ],
)
def test_schema_rejects_broken_reports(report: dict[str, Any], breakage: Any, path: str) -> None:
    breakage(report)
    with pytest.raises(WirecheckError, match=path):
        validate(report)


def test_free_dicts_stay_free(report: dict[str, Any]) -> None:
    report["articles"][0]["meta"] = {"anything": [1, {"nested": None}]}
    validate(report)


def test_validate_checks_references_and_offsets(report: dict[str, Any]) -> None:
    broken = copy.deepcopy(report)
    broken["stories"][0]["brief"]["sections"][1]["sentences"][0]["citations"][0]["end"] = 10_000
    with pytest.raises(WirecheckError, match=r"sections\[1\]\.sentences\[0\]\.citations\[0\]"):
        validate(broken)
    validate(broken, references=False)
    report["stories"][0]["timeline"][0]["article_ids"].append("nope")
    with pytest.raises(WirecheckError, match=r"timeline\[0\]\.article_ids\[2\]: unknown article"):
        validate(report)


def test_documented_example_is_a_valid_report() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "output.md").read_text(encoding="utf-8")
    example = re.search(r"## Abridged example\n\n```json\n(.*?)```", doc, re.S)
    assert example
    validate(json.loads(example.group(1)))


def test_render_json_round_trips_and_keeps_unicode(report: dict[str, Any]) -> None:
    text = render_json(report)
    assert json.loads(text) == report
    assert "Weiß" in text and "\n  \"schema_version\": 1," in text


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_has_every_section(report: dict[str, Any]) -> None:
    text = render_markdown(report, "s1")
    assert text.startswith("# Ferry Alba ran aground off Port Lune; injury count disputed\n")
    for heading in ("Articles", "Established", "Disputed", "Sources", "Conflicts",
                    "Single-source claims", "Claims by source", "Quote ledger", "People",
                    "Timeline", "Reliability", "Duplicate groups", "Failures"):
        assert f"\n## {heading}\n" in text, heading
    assert "3 articles · 2 independent sources · 1 conflict · 1 flagged report" in text


def test_markdown_citations_resolve_to_cited_text(report: dict[str, Any]) -> None:
    text = render_markdown(report, "s1")
    assert "- The ferry Alba ran aground near Port Lune on 3 March 2024. [1][2]" in text
    assert "- The number of injured is disputed: 14 or 12. [3][4]" in text
    assert ("1. **Harbour Gazette** — “The ferry Alba ran aground near Port Lune on "
            "3 March 2024.”") in text
    assert ("4. **Coastline Daily** — “**Twelve people were hurt** when the ferry Alba struck "
            "rocks near Port Lune on Sunday, 3 March 2024.”") in text


def test_a_short_citation_is_shown_within_its_sentence(report: dict[str, Any]) -> None:
    """A cited value ("Fourteen", "Mayor") alone tells a reader nothing: the Markdown shows
    it in bold within its sentence, the HTML marked; the sentence's words are escaped."""
    a2 = report["articles"][1]
    evil = "<i onclick=alert(1)>rocks</i>"
    a2["text"] = a2["text"].replace("struck rocks", evil[:12])  # offsets unchanged
    fact = {**span(report["articles"][0], "Fourteen"), "article_id": "a1"}
    report["stories"][0]["brief"]["sections"][0]["sentences"][0]["citations"].append(fact)
    report["stories"][0]["conflicts"][0]["sides"][0]["spans"] = [fact]
    text = render_markdown(report, "s1")
    assert "3. **Harbour Gazette** — “**Fourteen** people were injured, the coast guard said.”" \
        in text
    assert "when the ferry Alba \\<i onclick" in text  # Markdown-escaped
    page = render_html(report, "s1")
    assert "“<mark>Fourteen</mark> people were injured, the coast guard said.”</a>" in page
    assert 'title="Harbour Gazette: “Fourteen people were injured, the coast guard said.”"' \
        in page  # a citation's tooltip
    assert "&lt;i onclick" in page and "<i onclick" not in page


def test_markdown_matrix_conflicts_quotes(report: dict[str, Any]) -> None:
    text = render_markdown(report, "s1")
    assert "| Claim | Harbour Gazette | Coastline Daily | News Aggregator |" in text
    assert re.search(r"\| The ferry Alba ran aground .*\| ● \| ✓ \| ✓\* \|", text)
    assert re.search(r"\| Fourteen people .*per the coast guard.*\| ● \| ✗ \| ·\* \|", text)
    assert "- **14** — Harbour Gazette, News Aggregator" in text
    assert "- **12** — Coastline Daily" in text
    assert "| Coastline Daily | variant | told reporters | “We did all we could,” |" in text
    assert "| Coastline Daily | 0.41 | ⚠ **flagged** |" in text
    assert "| 2024-03-03 | Alba runs aground near Port Lune |" in text


def test_a_carried_speaker_is_shown_as_such(report: dict[str, Any]) -> None:
    """A carrier whose speaker is carried over from an earlier paragraph says so in the
    ledger's cue column (Markdown and HTML), and the report stays valid."""
    report["stories"][0]["quotes"][0]["carriers"][1].update(cue=None, carried=True)
    validate(report)
    shown = "none: speaker of the paragraph before"
    assert f"| Coastline Daily | variant | {shown} | “We did all we could,” |" in \
        render_markdown(report, "s1")
    assert shown in render_html(report, "s1")


def test_markdown_truncates_long_citations(report: dict[str, Any]) -> None:
    long_text = "word " * 100
    art = report["articles"][1]
    art["text"] += long_text
    start = art["text"].index(long_text)
    cite = {"article_id": "a2", "start": start, "end": start + len(long_text)}
    report["stories"][0]["brief"]["sections"][0]["sentences"][0]["citations"].append(cite)
    text = render_markdown(report, "s1")
    line = next(ln for ln in text.splitlines() if ln.startswith("3. "))
    assert line.endswith("word…”") and len(line) < 260


def test_markdown_escapes_table_breakers(report: dict[str, Any]) -> None:
    report["articles"][1]["outlet"] = "Coast|line\nDaily"
    report["stories"][0]["claims"][0]["text"] = "Pipes | and\nnew lines"
    text = render_markdown(report, "s1")
    assert "Coast\\|line Daily" in text and "Pipes \\| and new lines" in text
    table = [ln for ln in text.split("## Claims by source\n\n")[1].splitlines() if ln][:4]
    assert all(ln.startswith("|") and ln.endswith("|") for ln in table)


def test_markdown_and_html_reject_unknown_story(report: dict[str, Any]) -> None:
    with pytest.raises(WirecheckError, match="no story 'zz'"):
        render_markdown(report, "zz")
    with pytest.raises(WirecheckError, match="no story 'zz'"):
        render_html(report, "zz")


# --- HTML ------------------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Checker(HTMLParser):
    """Collects ids, links and classes, and fails on any unbalanced tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.classes: set[str] = set()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-3:]}"
        self.stack.pop()

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name == "id" and value:
                self.ids.append(value)
            elif name == "href" and value:
                self.hrefs.append(value)
            elif name == "class" and value:
                self.classes.update(value.split())


def check(page: str) -> Checker:
    checker = Checker()
    checker.feed(page)
    checker.close()
    assert checker.stack == []
    return checker


def test_html_is_well_formed_and_links_resolve(report: dict[str, Any]) -> None:
    page = render_html(report, "s1")
    checker = check(page)
    assert len(checker.ids) == len(set(checker.ids))
    local = [h for h in checker.hrefs if h.startswith("#")]
    assert local and all(h[1:] in checker.ids for h in local)
    assert not [h for h in checker.hrefs if not h.startswith(("#", "https://example.org/"))]
    assert {"matrix", "cell-supports", "cell-contradicts", "cell-silent", "timeline",
            "flagged"} <= checker.classes
    assert "svg" in checker.tags and '<svg class="timeline"' in page
    assert "<link" not in page and "src=" not in page and "@import" not in page


def test_html_citations_jump_to_highlighted_text(report: dict[str, Any]) -> None:
    page = render_html(report, "s1")
    links = re.findall(r'<a class="cite" href="#(cite-\d+-\d+)" title="([^"]*)">\[(\d)\]</a>', page)
    assert [n for _, _, n in links] == ["1", "2", "3", "4"]
    first_target, first_title, _ = links[0]
    assert first_title.startswith("Harbour Gazette: “The ferry Alba ran aground")
    mark = re.search(rf'<mark id="{first_target}">([^<]*)</mark>', page)
    assert mark and mark.group(1) == "The ferry Alba ran aground near Port Lune on 3 March 2024."
    assert re.search(r'<td class="cell-contradicts" title="Coastline Daily: contradicts">✗</td>',
                     page)
    assert '<tr class="flagged"><td>Coastline Daily <span class="badge flag">flagged' in page
    assert "<strong>2</strong> independent sources" in page
    assert '<mark id="cite-0-3">Harbour master Jon Weiß called the rocks</mark>' in page


def test_html_merges_overlapping_citations(report: dict[str, Any]) -> None:
    a1 = report["articles"][0]
    first = span(a1, "ran aground near Port Lune")
    second = span(a1, "Port Lune on 3 March")
    sentences = report["stories"][0]["brief"]["sections"][-1]["sentences"]
    sentences.append({"text": "Overlap.", "composed": True, "citations": [first, second]})
    page = render_html(report, "s1")
    check(page)
    hrefs = re.findall(r'\[(?:5|6)\]', page)
    assert len(hrefs) == 2
    five = re.search(r'href="#(cite-0-\d+)"[^>]*>\[5\]', page)
    six = re.search(r'href="#(cite-0-\d+)"[^>]*>\[6\]', page)
    assert five and six and five.group(1) == six.group(1)
    text = re.search(r'<mark id="' + five.group(1) + r'">([^<]*)</mark>', page)
    assert text and text.group(1).startswith("The ferry Alba ran aground near Port Lune on 3 March")


def test_merge_spans_and_truncate() -> None:
    assert merge_spans([(5, 9), (0, 3), (2, 6), (12, 12), (10, 11)]) == [(0, 9), (10, 11)]
    assert truncate("a  b\nc", 10) == "a b c"
    cut = truncate("lorem ipsum dolor sit amet " * 20, 50)
    assert cut.endswith("…") and len(cut) <= 50


def test_article_text_keeps_every_anchor() -> None:
    text = "First para.\n\nSecond para."
    art = {"id": "a", "text": text, "paragraphs": [{"start": 0, "end": 11, "kind": "p"},
                                                   {"start": 13, "end": 25, "kind": "list"}]}
    spans = [{"article_id": "a", "start": 11, "end": 13},  # only the gap between paragraphs
             {"article_id": "a", "start": 6, "end": 19},  # across the paragraph break
             {"article_id": "a", "start": 24, "end": 99},  # past the end: clipped
             {"article_id": "b", "start": 0, "end": 1}]  # another article: ignored
    anchors = Anchors.build([art], spans)
    assert anchors.regions["a"] == [(6, 19), (24, 25)]
    body = article_text(art, anchors)
    checker = check(body)
    assert checker.ids == ["cite-0-0", "cite-0-1"]
    assert '<p class="para-list"><mark>Second</mark>' in body
    assert anchors.href(spans[0]) == "#cite-0-0" and anchors.href(spans[2]) == "#cite-0-1"
    assert anchors.href({"article_id": "a", "start": 3, "end": 3}) == "#article-0"
    assert anchors.href(spans[3]) is None
    bare = {"id": "a", "text": "<b>x</b>", "paragraphs": []}
    plain = article_text(bare, Anchors.build([bare], []))
    assert plain == '<p class="para-p">&lt;b&gt;x&lt;/b&gt;</p>'


def test_timeline_svg_places_dates_on_an_axis() -> None:
    assert parse_date("2024-03-05T10:00Z") == parse_date("2024-03-05")
    assert parse_date("2024") is not None and parse_date("March 5") is None
    anchors = Anchors.build([], [])
    events = [{"date": d, "what": w, "article_ids": [], "spans": []}
              for d, w in [("2024-03-09", "late"), ("2024-03-01", "early"), ("2024-03-03", "mid")]]
    svg = timeline_svg(events, anchors)
    check(svg)
    xs = {w: float(x) for x, w in re.findall(r'<text x="([\d.]+)"[^>]*>2024-03-0\d — (\w+)', svg)}
    assert list(xs) == ["early", "mid", "late"]  # drawn in date order
    assert svg.count('class="dot"') == 6 and "2024-03-01</text>" in svg
    events.append({"date": "unknown", "what": "undated", "article_ids": [], "spans": []})
    assert "undated" in timeline_svg(events, anchors)


def poison(report: dict[str, Any]) -> None:
    """Put a script tag in every kind of untrusted text the pages show."""
    a1, a2 = report["articles"][0], report["articles"][1]
    a1["text"] = a1["text"].replace("Ferry Alba runs aground", EVIL[:23])
    a2["title"] = EVIL
    a2["outlet"] = f'Evil" onmouseover="alert(1) {EVIL}'
    a2["url"] = "javascript:alert(1)"
    story = report["stories"][0]
    story["quotes"][0]["speaker"] = EVIL
    story["quotes"][0]["text"] = EVIL
    story["quotes"][0]["carriers"][1]["text"] = EVIL
    story["conflicts"][0]["sides"][0]["value"] = EVIL
    story["conflicts"][0]["topic"] = EVIL
    story["claims"][0]["text"] = EVIL
    story["people"][0]["name"] = EVIL
    story["timeline"][0]["what"] = EVIL
    story["brief"]["headline"] = EVIL
    story["brief"]["sections"][0]["sentences"][0]["text"] = EVIL
    story["reliability"][1]["reasons"] = [EVIL]
    report["failures"][0]["message"] = EVIL


def test_html_escapes_untrusted_text_everywhere(report: dict[str, Any]) -> None:
    poison(report)
    assert report["articles"][0]["text"].startswith("<script>alert(1)</scrip")
    page = render_html(report, "s1")
    check(page)
    assert page.count("<script") == 1  # the page's own few lines
    assert "<script>alert" not in page and "</script>\n</body>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'onmouseover="' not in page and "javascript:" not in page


def test_markdown_escapes_untrusted_html(report: dict[str, Any]) -> None:
    poison(report)
    text = render_markdown(report, "s1")
    assert not re.search(r"(?<!\\)<", text) and "\\<script\\>alert(1)" in text


def test_pages_render_an_empty_story(report: dict[str, Any]) -> None:
    story = report["stories"][0]
    for key in ("quotes", "people", "facts", "claims", "conflicts", "single_source",
                "reliability", "timeline"):
        story[key] = []
    story["brief"] = {"headline": "", "sections": []}
    report["failures"] = []
    validate(report)
    assert "_None._" in render_markdown(report, "s1")
    page = render_html(report, "s1")
    check(page)
    assert "<h1>Ferry Alba aground off Port Lune</h1>" in page


def test_the_verb_agrees_with_its_outlets_or_count() -> None:
    from wirecheck.render.words import subject_verb

    assert subject_verb({"b.example", "a.example"}, "give") == "a.example, b.example give"
    assert subject_verb({"a.example"}, "give") == "a.example gives"
    assert subject_verb(1, "call", "independent source") == "1 independent source calls"
    assert subject_verb(4, "call", "independent source") == "4 independent sources call"
