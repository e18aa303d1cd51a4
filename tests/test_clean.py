"""Cleaner: junk out (and listed), body paragraphs with exact offsets, metadata recovered."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from wirecheck.config import load_settings
from wirecheck.ids import content_id, normalize_for_hash
from wirecheck.ingest.readers import read_paths
from wirecheck.stages import clean as clean_module
from wirecheck.stages.clean import Cleaner, find_date, is_future, outlet_domain
from wirecheck.types import Article, Failure, RawDocument

SHARED = Path(__file__).resolve().parents[2] / "shared"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbour-bridge"
PARA = ("The harbour bridge was closed on Tuesday after engineers found a crack in a main girder, "
        "officials said. The closure is expected to last at least a week, and perhaps longer, "
        "the city's chief engineer told reporters at the quayside.")
PARA2 = ("Traffic will be diverted through the tunnel, the transport authority said in a statement "
         "on Tuesday evening, and buses will run every ten minutes until the bridge reopens.")
TITLE = "Harbour bridge closed after crack found"


def clean(content: str, media_type: str = "text", meta: dict | None = None,
          source: str = "t.txt") -> Article | Failure:
    raw = RawDocument(id="r", source=source, media_type=media_type, content=content,
                      meta=meta or {})
    (item,) = Cleaner(load_settings()).process(raw)
    return item


def article(content: str, **kwargs) -> Article:
    item = clean(content, **kwargs)
    assert isinstance(item, Article), item
    assert_offsets(item)
    return item


def assert_offsets(item: Article) -> None:
    pieces = [item.text[p.start:p.end] for p in item.paragraphs]
    assert "\n\n".join(pieces) == item.text
    assert all(piece and piece == piece.strip() and "\n\n" not in piece for piece in pieces)
    for before, after in zip(item.paragraphs, item.paragraphs[1:], strict=False):
        assert after.start == before.end + 2


def kinds(item: Article) -> dict[str, str]:
    return {item.text[p.start:p.end]: p.kind for p in item.paragraphs}


def fold(text: str) -> str:
    return normalize_for_hash(text)


# -- scraped text: junk lines ------------------------------------------------------------------

@pytest.mark.parametrize("junk", [
    "Share: X · Facebook · LinkedIn", "Share this", "Share on Facebook Share on X Copy link",
    "Leave a Reply", "Leave a comment",
    "Your email address will not be published. Required fields are marked *",
    "#Bridge #Harbour #Crack", "0", "12", "Home / News / Harbour", "Listen live: Radio 96.4 FM",
    "Advertisement", "Also read: Ferry strike called off",
    "(Reporting by A. Writer; Editing by B.)",
    "Send us your pictures on 0808 157 0412.", "Copyright 2025 Port News",
])
def test_junk_lines_are_removed_and_listed(junk):
    item = article(f"{TITLE}\n\n{PARA}\n{junk}\n\n{PARA2}\n")
    assert junk not in item.text.split("\n")
    assert item.meta["removed"] == [junk]
    assert item.text == f"{PARA}\n\n{PARA2}"


def test_a_bare_domain_is_removed_and_names_the_outlet():
    item = article(f"{TITLE}\n{PARA}\n\nwww.Harbour-News.example\n")
    assert item.outlet == "harbour-news.example" and "www." not in item.text


def test_an_aggregator_disclaimer_gives_aggregator_and_outlet():
    line = ("Disclaimer : This story is auto aggregated by a computer programme and has not been "
            "created or edited by NEWSBOT. Publisher: www.digestwire.example")
    item = article(f"{TITLE}\n{PARA}\n\n{line}")
    assert item.meta["aggregator"] == "NEWSBOT" and item.outlet == "digestwire.example"
    assert "Disclaimer" not in item.text and item.meta["removed"] == [line]


def test_a_copyright_line_is_removed_and_its_domain_is_the_fallback_outlet():
    item = article(f"{TITLE}\n{PARA}\n\u00a9 2025 Meridian Press. All rights reserved. mp.example")
    assert item.outlet == "mp.example" and "rights reserved" not in item.text


def test_trailing_blank_lines_leave_no_trace():
    item = article(f"{TITLE}\n{PARA}\n\n{PARA2}" + "\n  \n" * 12)
    assert item.text.endswith(PARA2) and item.meta["removed"] == []


def test_a_repeated_headline_is_kept_once_as_the_title():
    item = article(f"\u2018{TITLE}\u2019\n\n\u2018{TITLE}\u2019\n{PARA}\n\n'{TITLE}'\n{PARA2}")
    assert item.title == f"\u2018{TITLE}\u2019"
    assert fold(TITLE) not in fold(item.text) and len(item.meta["removed"]) == 2


def test_no_title_when_the_first_line_is_a_paragraph():
    item = article(f"{PARA}\nWhat happens next\n{PARA2}")
    assert item.title is None and kinds(item)["What happens next"] == "heading"


def test_a_given_title_is_removed_from_the_body():
    item = article(f"{TITLE}\n{PARA}\n{PARA2}", meta={"title": TITLE})
    assert item.title == TITLE and item.text == f"{PARA}\n\n{PARA2}"


def test_headings_lists_and_captions_get_their_kinds():
    lines = [TITLE, PARA, "Key meetings in Miami", "Analysts list three reasons:",
             "  \u2022 First reason: money.", "- Second reason: politics.",
             "The mayor gestures as she speaks at the quay on October 14, 2025.",
             "Crews at the bridge on Tuesday. (Reuters)", "Photo: the bridge at dawn", PARA2,
             "The closure is short.", "\"Look,\" she said as he looks on at the quay."]
    item = article("\n".join(lines))
    assert kinds(item) == {
        PARA: "p", "Key meetings in Miami": "heading", "Analysts list three reasons:": "p",
        "First reason: money.": "list", "Second reason: politics.": "list",
        lines[6]: "caption", lines[7]: "caption", lines[8]: "caption", PARA2: "p",
        "The closure is short.": "p", lines[11]: "p"}
    assert item.meta["event_date"] == "2025-10-14"


def test_a_byline_gives_the_author_and_a_dateline_the_event_date():
    item = article(f"{TITLE}\nBy Jane Doe | Reuters\nTuesday 14 October 2025, 11:42\n{PARA}")
    assert item.meta["author"] == "Jane Doe" and item.meta["event_date"] == "2025-10-14"
    assert item.text == PARA and len(item.meta["removed"]) == 2


def test_hard_wrapped_paragraphs_are_joined():
    words = (PARA + " " + PARA2).split()
    lines, line = [], ""
    for word in words:
        if len(line) + len(word) > 60:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    item = article(TITLE + "\n\n" + "\n".join(lines + [line]) + "\n\nShare this\n")
    assert item.text == " ".join(words)


def test_ids_media_type_and_language():
    item = article(f"{TITLE}\n{PARA}\n{PARA2}", source="x.txt")
    assert item.id == content_id("x.txt", item.text)
    assert item.meta["media_type"] == "text" and item.language == "en"
    assert clean_module.guess_language("too short to tell") is None
    french = ("Le pont piétonnier s'est effondré mardi matin pendant l'heure de pointe, et "
              "quatorze personnes ont été blessées selon les services de secours de la ville.")
    assert clean_module.guess_language(french) == "fr"


def test_a_body_shorter_than_min_chars_fails():
    item = clean(f"{TITLE}\nToo short.\nShare this\n")
    assert isinstance(item, Failure) and item.stage == "clean" and item.error == "EmptyInput"
    assert "min_chars" in item.message


# -- metadata from records ---------------------------------------------------------------------

def test_record_meta_outlet_url_and_published():
    meta = {"url": "https://www.saltmarsh.example/a", "outlet": "The Courier",
            "published": "2025-10-15", "title": "T", "id": "r1"}
    item = article(PARA, meta=meta)
    assert (item.outlet, item.url, item.published, item.title) == (
        "saltmarsh.example", meta["url"], "2025-10-15", "T")
    assert item.meta["outlet_name"] == "The Courier" and item.meta["id"] == "r1"


@pytest.mark.parametrize(("outlet", "expected"), [
    ("https://WWW.Example.com/news", "example.com"), ("www.example.co.uk", "example.co.uk"),
    ("example.com", "example.com"), ("Example News", None)])
def test_outlet_domain(outlet, expected):
    assert outlet_domain(outlet) == expected


def test_a_published_date_in_the_future_is_rejected():
    item = article(PARA, meta={"published": "2999-01-01T00:00:00Z"})
    assert item.published is None and item.meta["published_rejected"] == "2999-01-01T00:00:00Z"
    assert not is_future("2020-01-01") and not is_future("yesterday")
    assert is_future("March 3, 2999") and not is_future("March 3, 2001")


@pytest.mark.parametrize(("text", "iso"), [
    ("on December 19, 2025. (AFP)", "2025-12-19"), ("Tuesday 14 October 2025", "2025-10-14"),
    ("Dec. 3rd 2024", "2024-12-03"), ("at 2025-02-30 or 2025-03-01", "2025-03-01"),
    ("no date here", None)])
def test_find_date(text, iso):
    assert find_date(text) == iso


# -- HTML ------------------------------------------------------------------------------------

PAGE = f"""<html><head><title>{TITLE} | Harbour News</title>
<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Harbour News">
<meta property="article:published_time" content="2025-03-04T10:00:00Z">
<link rel="canonical" href="https://www.harbournews.example/a/bridge"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav><article><h1>{TITLE}</h1>
<p>{PARA}</p><h2>What happens next</h2><p>{PARA2}</p>
<figure><img src="/a.jpg"><figcaption>The bridge at dawn on Tuesday.</figcaption></figure>
<ul><li>Buses run every ten minutes.</li><li>Ferries add extra trips.</li></ul>
<p>Share this</p></article><footer>Copyright 2025 Harbour News</footer></body></html>"""


def test_html_blocks_and_metadata():
    item = article(PAGE, media_type="html", source="p.html")
    assert item.title == TITLE and item.outlet == "harbournews.example"
    assert item.published == "2025-03-04" and item.meta["author"] == "Jane Doe"
    assert item.url == "https://www.harbournews.example/a/bridge"
    assert item.meta["media_type"] == "html" and item.meta["sitename"] == "Harbour News"
    assert kinds(item) == {
        PARA: "p", "What happens next": "heading", PARA2: "p",
        "The bridge at dawn on Tuesday.": "caption", "Buses run every ten minutes.": "list",
        "Ferries add extra trips.": "list"}
    assert "Share this" in item.meta["removed"] and "Home" not in item.text


def test_html_falls_back_to_paragraphs_when_the_extractor_finds_nothing(monkeypatch):
    monkeypatch.setattr(clean_module.trafilatura, "extract", lambda *a, **k: None)
    item = article(PAGE, media_type="html")
    assert item.meta["extractor"] == "lxml-fallback" and item.title == f"{TITLE} | Harbour News"
    assert PARA in item.text and PARA2 in item.text and "Share this" not in item.text


def test_html_survives_an_extractor_error(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(clean_module.trafilatura, "extract", broken)
    assert PARA in article(PAGE, media_type="html").text


def test_markup_free_html_is_read_as_text():
    item = article(f"{TITLE}\n{PARA}\n{PARA2}", media_type="html")
    assert item.title == TITLE and item.text == f"{PARA}\n\n{PARA2}"


# -- the founding seeds and the example corpus -------------------------------------------------

def lenient(text: str) -> str:
    return normalize_for_hash(text).strip(" \"'")


def clean_folder(folder: Path) -> dict[str, Article]:
    """Articles by key: the file's id prefix/stem, or a JSON record's id."""
    found: dict[str, Article] = {}
    cleaner = Cleaner(load_settings())
    for raw in read_paths([folder], load_settings()):
        if isinstance(raw, RawDocument):
            for item in cleaner.process(raw):
                assert isinstance(item, Article), item
                assert_offsets(item)
                stem = Path(raw.source.split("#")[0]).stem
                found[raw.meta.get("id") or stem] = found[stem.split("_")[0]] = item
    return found


def check_expectations(folder: Path) -> list[str]:
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    articles = clean_folder(folder)
    problems: list[str] = []
    for key, want in expected["cleaning"].items():
        item = articles[key]
        text, title = lenient(item.text), lenient(item.title or "")
        lines = {lenient(line) for line in item.text.split("\n")}
        problems += [f"{key}: {s!r} left in" for s in want.get("without", []) if lenient(s) in text]
        problems += [f"{key}: line {s!r} left in" for s in want.get("without_lines", [])
                     if lenient(s) in lines]
        problems += [f"{key}: {s!r} missing" for s in want.get("with", [])
                     if lenient(s) not in text and lenient(s) not in title]
        if "title_once" in want and not (title == lenient(want["title_once"])
                                         and lenient(want["title_once"]) not in text):
            problems.append(f"{key}: title {item.title!r} is not {want['title_once']!r} once")
    for key, want in expected["metadata"].items():
        item = articles[key]
        got = {"outlet": item.outlet, "title": item.title, **item.meta}
        problems += [f"{key}: {field} is {got.get(field)!r}, not {value!r}"
                     for field, value in want.items()
                     if lenient(str(got.get(field) or "")) != lenient(value)]
    return problems


def test_seed_cleaning_and_metadata_expectations():
    if not (SHARED / "seeds" / "expected.json").exists():
        pytest.skip("../shared not present")
    assert check_expectations(SHARED / "seeds") == []


def test_seed_structure():
    if not (SHARED / "seeds" / "expected.json").exists():
        pytest.skip("../shared not present")
    articles = clean_folder(SHARED / "seeds")
    assert articles["001"].title is None and articles["000"].title is None
    assert all("heading" in {p.kind for p in articles[k].paragraphs} for k in ("000", "001", "002",
                                                                               "003", "004"))
    assert sum(p.kind == "list" for p in articles["003"].paragraphs) == 3
    caption = [articles["004"].text[p.start:p.end] for p in articles["004"].paragraphs
               if p.kind == "caption"]
    assert len(caption) == 1 and caption[0].endswith("(AFP)")


def test_example_cleaning_and_metadata_expectations():
    if not (EXAMPLE / "expected.json").exists():
        pytest.skip("example corpus not present")
    assert check_expectations(EXAMPLE) == []


# -- no input crashes the reader and the cleaner -----------------------------------------------

SAMPLES = {
    ".txt": f"{TITLE}\n\n{PARA}\nShare: X · Facebook\n0\nwww.a.example\n{PARA2}\n".encode(),
    ".html": PAGE.encode(),
    ".jsonl": (json.dumps({"id": "a", "url": "https://a.example/x", "text": PARA}) + "\n"
               + json.dumps({"html": PAGE, "published": "2025-01-01"}) + "\n").encode(),
}
EDITS = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 8), st.binary(max_size=12)),
                 max_size=10)


def mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    for position, cut, insert in edits:
        at = position % (len(data) + 1)
        data = data[:at] + insert + data[at + cut:]
    return data


@hypothesis_settings(max_examples=60, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])
@given(suffix=st.sampled_from(sorted(SAMPLES)), edits=EDITS, noise=st.binary(max_size=300),
       random=st.booleans())
def test_no_bytes_crash_reading_and_cleaning(suffix, edits, noise, random):
    data = noise if random else mutate(SAMPLES[suffix], edits)
    settings = load_settings()
    cleaner = Cleaner(settings)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_paths([path], settings))
        assert items and all(isinstance(i, RawDocument | Failure) for i in items)
        for raw in items:
            if isinstance(raw, RawDocument):
                results = list(cleaner.process(raw))
                assert len(results) == 1 and isinstance(results[0], Article | Failure)
                if isinstance(results[0], Article):
                    assert_offsets(results[0])
                    assert not re.search(r"\n{3,}", results[0].text)


def test_a_malformed_address_is_no_outlet():
    assert clean_module.outlet_domain("http://[broken") is None


FRENCH = (
    "La passerelle de Pier Street s'est partiellement effondrée mardi matin, blessant douze "
    "personnes, a annoncé la maire Elena Ruiz lors d'une conférence de presse.\n\n"
    "« Nous ne rouvrirons pas le pont avant la fin de l'enquête », a déclaré Mme Ruiz, ajoutant "
    "que les réparations coûteraient 2,5 millions de dollars.\n\n"
    "Selon les pompiers, 40 personnes se trouvaient sur la passerelle au moment de l'accident. "
    "Le pont, ouvert en 1998, accueille environ 4 000 piétons par jour."
)


def test_an_article_in_another_language_is_kept_but_not_read(tmp_path: Path) -> None:
    """English extractors would read French as junk (a quote of ', a déclaré Mme Ruiz'): the
    article is stored and grouped, and the report says it was not read."""
    from wirecheck import analyze

    item = article(FRENCH)
    assert item.language == "fr" and not item.readable
    assert "written in French (fr)" in item.meta["not_read"]
    english = article("The Pier Street footbridge partly collapsed on Tuesday morning, injuring "
                      "twelve people, Mayor Elena Ruiz told a news conference. " * 3)
    assert english.language == "en" and english.readable and "not_read" not in english.meta
    (tmp_path / "fr.txt").write_text(FRENCH, "utf-8")
    report = analyze([tmp_path / "fr.txt"]).report
    (story,) = report["stories"]
    assert not story["quotes"] and not story["facts"] and not story["claims"]
    assert story["reliability"][0]["reasons"][0].startswith("not read: written in French")
    read = analyze([tmp_path / "fr.txt"], settings=load_settings(clean={"languages": ["en", "fr"]}))
    assert "not_read" not in read.report["articles"][0]["meta"]
    assert read.report["stories"][0]["facts"]  # read with the English rules, as asked


def test_text_in_no_language_is_not_read_and_says_so(tmp_path: Path) -> None:
    """An encoded blob (base64) is text to the readers, prose to no one: not read, with a reason
    a person understands, and its report has no empty title."""
    import base64
    import random

    from wirecheck import analyze
    from wirecheck.render.markdown import render_markdown

    blob = base64.encodebytes(random.Random(7).randbytes(3000)).decode()
    item = article(blob)
    assert not item.readable
    assert item.meta["not_read"].startswith("no language found (zxx): ")
    (tmp_path / "blob.txt").write_text(blob, "utf-8")
    result = analyze([tmp_path / "blob.txt"])
    (story,) = result.report["stories"]
    assert "_Story:  —" not in render_markdown(result.report, story["id"])
    assert "_Story: 1 article" in render_markdown(result.report, story["id"])
