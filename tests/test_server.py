"""The HTTP API and the web page (the ``server`` extra), over a store of the sample corpus.

Most tests go through FastAPI's TestClient; one starts the real server (uvicorn) on a free port
of 127.0.0.1 and reads the page over HTTP. They skip with the reason where the extra is absent.
"""

from __future__ import annotations

import importlib.util
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wirecheck import analyze
from wirecheck.errors import MissingDependency, WirecheckError
from wirecheck.store import open_store

if importlib.util.find_spec("fastapi") is None:
    pytest.skip("the server extra is not installed (pip install 'wirecheck[server]')",
                allow_module_level=True)

from fastapi.testclient import TestClient  # noqa: E402

from wirecheck.server import create_app  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbour-bridge"
BODY = ("The harbour ferry strike at Port Amberley was called off on Monday after the union "
        "accepted a pay offer of 4 percent, union leader Mara Quill said. \"We have a deal that "
        "our members can live with,\" Quill told reporters at the quay on Monday evening.")
HOSTILE = '<script>alert("x")</script>'


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("served") / "news.db"
    analyze([SAMPLE], store=path).store.close()  # closed: the write-ahead log is folded in
    return path


@pytest.fixture
def client(stored: Path, tmp_path: Path) -> Iterator[TestClient]:
    copy = tmp_path / "news.db"  # each test writes into its own copy
    copy.write_bytes(stored.read_bytes())
    with TestClient(create_app(copy)) as test_client:
        yield test_client


def footbridge(client: TestClient) -> dict[str, Any]:
    rows = client.get("/stories").json()
    return next(r for r in rows if "footbridge" in r["title"].lower())


def test_the_stories_are_listed_largest_first_with_their_conflicts(client: TestClient) -> None:
    rows = client.get("/stories").json()
    assert [r["articles"] for r in rows] == sorted((r["articles"] for r in rows), reverse=True)
    story = footbridge(client)
    assert story["articles"] == 8 and story["conflicts"] >= 4
    assert "disputed" in story["headline"]


def test_a_story_by_id_prefix_its_report_and_its_brief_in_three_formats(
        client: TestClient) -> None:
    prefix = footbridge(client)["id"][:6]
    report = client.get(f"/stories/{prefix}").json()
    assert len(report["stories"]) == 1 and len(report["articles"]) == 8
    page = client.get(f"/stories/{prefix}/brief")
    assert page.headers["content-type"].startswith("text/html")
    assert "What is disputed" in page.text and 'class="matrix"' in page.text
    markdown = client.get(f"/stories/{prefix}/brief", params={"format": "md"})
    assert markdown.text.startswith("#") and "disputed" in markdown.text.lower()
    brief = client.get(f"/stories/{prefix}/brief", params={"format": "json", "words": 60}).json()
    established = next(s for s in brief["sections"] if s["key"] == "established")
    assert 0 < sum(len(s["text"].split()) for s in established["sentences"]) <= 120


def test_an_unknown_story_or_format_is_an_error_with_a_hint(client: TestClient) -> None:
    missing = client.get("/stories/ffffffffff")
    assert missing.status_code == 404
    assert "no story" in missing.json()["detail"]["error"]
    assert "story list" in missing.json()["detail"]["hint"]
    prefix = footbridge(client)["id"][:6]
    wrong = client.get(f"/stories/{prefix}/brief", params={"format": "pdf"})
    assert wrong.status_code == 400 and "html, md or json" in wrong.json()["detail"]["hint"]


def test_posted_articles_go_through_the_pipeline_and_a_bad_one_is_a_failure(
        client: TestClient) -> None:
    before = client.get("/stories").json()
    answer = client.post("/articles", json=[
        {"title": "Too short", "text": "short"},
        {"title": "Ferry strike off", "outlet": "Test Wire", "text": BODY},
    ]).json()
    assert [a["title"] for a in answer["added"]] == ["Ferry strike off"]
    assert [f["record"] for f in answer["failures"]] == [1]
    assert "characters of article text" in answer["failures"][0]["message"]
    added = client.get(f"/articles/{answer['added'][0]['id']}").json()
    assert added["outlet"] == "Test Wire" and "Mara Quill" in added["text"]
    after = client.get("/stories").json()
    assert sum(r["articles"] for r in after) == sum(r["articles"] for r in before) + 1
    again = client.post("/articles", json={"title": "Ferry strike off", "outlet": "Test Wire",
                                           "text": BODY}).json()
    assert again["added"] == []  # the same record again: an upsert, nothing new


def test_a_body_over_the_limit_is_refused_before_it_is_read(stored: Path, tmp_path: Path) -> None:
    from wirecheck import load_settings

    small = load_settings(ingest={"max_bytes": 1000})
    with TestClient(create_app(stored, small)) as limited:
        answer = limited.post("/articles", json={"title": "Long", "text": "word " * 400})
        chunked = limited.post("/articles", content=iter([b'{"title": "x", ', b'"text": "y"}']),
                               headers={"content-type": "application/json"})
    assert answer.status_code == 413 and "1,000 bytes" in answer.json()["detail"]["error"]
    assert chunked.status_code == 411


def test_a_statement_is_checked_against_the_store_or_one_story(client: TestClient) -> None:
    prefix = footbridge(client)["id"][:6]
    answer = client.post("/check", json={"statement": "The Kestrel footbridge collapsed",
                                         "story": prefix}).json()
    assert answer["verdict"] == "supported"
    assert {s["verdict"] for s in answer["sources"]} >= {"supported"}
    assert any(s["evidence"] for s in answer["sources"])
    unknown = client.post("/check", json={"statement": "x", "story": "ffffffffff"})
    assert unknown.status_code == 404
    assert client.post("/check", json={"statement": ""}).status_code == 422
    blank = client.post("/check", json={"statement": "   "})  # an error, not "not found"
    assert blank.status_code == 400 and "empty" in blank.text


def test_the_page_escapes_article_text_and_the_statement(client: TestClient) -> None:
    client.post("/articles", json={"title": f"Ferry {HOSTILE} strike", "text": BODY})
    page = client.get("/", params={"statement": f"the strike {HOSTILE} ended"}).text
    assert HOSTILE not in page
    assert "&lt;script&gt;" in page
    assert "<script" not in page  # and the page itself runs no script
    unknown = client.get("/", params={"statement": "x", "story": "ffffffffff"}).text
    assert "no story match" in unknown


def test_a_story_replaced_while_it_is_read_is_a_conflict_not_a_crash(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from wirecheck import api

    real = api.report
    monkeypatch.setattr(api, "report", lambda *a, **k: {**real(*a, **k), "stories": []})
    answer = client.get(f"/stories/{footbridge(client)['id'][:6]}")
    assert answer.status_code == 409 and "changed while it was read" in \
        answer.json()["detail"]["error"]


def test_a_memory_store_cannot_be_served() -> None:
    with pytest.raises(WirecheckError, match="store file"):
        create_app("memory:")


def test_a_missing_server_extra_fails_early_with_the_install_command(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "fastapi" else real(name, *a))
    with pytest.raises(MissingDependency) as caught:
        create_app(tmp_path / "news.db")
    assert "pip install 'wirecheck[server]'" in str(caught.value.hint)


def test_the_real_server_answers_over_http(stored: Path) -> None:
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(stored), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
            page = response.read().decode("utf-8")
        assert response.status == 200 and "Kestrel footbridge" in page
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert open_store(stored).count("story") >= 2  # the store is intact after serving


def test_a_person_merges_and_splits_stories_with_who_and_why(client: TestClient) -> None:
    rows = client.get("/stories").json()
    ferry = next(r for r in rows if "ferry" in r["title"].lower())
    merged = client.post("/stories/merge", json={
        "stories": [footbridge(client)["id"][:6], ferry["id"][:6]], "by": "a.editor",
        "note": "test"}).json()
    assert merged["override"]["by"] == "a.editor" and len(merged["story"]["article_ids"]) == 11
    assert len(client.get("/stories").json()) == len(rows) - 1
    one = merged["story"]["article_ids"][0]
    split = client.post("/stories/split", json={"articles": [one[:8]], "by": "a.editor"}).json()
    assert split["story"]["article_ids"] == [one]
    unknown = client.post("/stories/merge", json={"stories": ["ffff", "eeee"], "by": "x"})
    assert unknown.status_code == 404 and "no story" in unknown.json()["detail"]["error"]
    assert client.post("/stories/merge", json={"stories": ["ab"], "by": "x"}).status_code == 422


def test_failures_are_listed_with_their_reason(client: TestClient) -> None:
    client.post("/articles", json={"title": "Too short", "text": "short"})
    failures = client.get("/failures").json()
    assert any("characters of article text" in f["message"] for f in failures)
