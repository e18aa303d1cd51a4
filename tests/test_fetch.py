"""Fetching URLs: a real HTTP server on 127.0.0.1; timeouts, caps, retries, redirects, refusals.

Every test that talks to the local server passes allow_private=True explicitly; the tests of
the address rules check that nothing is connected to before a refusal.
"""

from __future__ import annotations

import io
import socket
import time

import pytest

from local_server import html_page, serving
from wirecheck import __version__
from wirecheck.config import load_settings
from wirecheck.ingest import urls
from wirecheck.ingest.readers import read_paths
from wirecheck.types import Failure, RawDocument

PARA = ("The harbour bridge was closed on Tuesday after engineers found a crack in a main girder, "
        "officials said. The closure is expected to last at least a week.")
PAGE = html_page(f"<p>{PARA}</p>")


def settings(**ingest):
    base = {"allow_private": True, "timeout_seconds": 0.5, "retries": 0, "backoff_seconds": 0.01}
    return load_settings(ingest={**base, **ingest})


class Flaky:
    """503 for the first ``failures`` calls, then the page."""

    def __init__(self, failures: int) -> None:
        self.failures, self.calls = failures, 0

    def __call__(self, handler):
        self.calls += 1
        if self.calls <= self.failures:
            return 503, {}, b"busy"
        return 200, {"Content-Type": "text/html; charset=utf-8"}, PAGE


def slow(handler):
    time.sleep(1.0)
    return 200, {"Content-Type": "text/html"}, PAGE


@pytest.fixture
def server():
    routes = {
        "/page": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE),
        "/latin1": (200, {"Content-Type": "text/html; charset=iso-8859-1"},
                    "<p>Caf\u00e9 d\u00e9j\u00e0 vu</p>".encode("latin-1")),
        "/plain": (200, {"Content-Type": "text/plain"}, PARA.encode()),
        "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n"),
        "/slow": slow,
        "/gone": (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"),
        "/broken": (500, {}, b"oops"),
        "/loop-a": (302, {"Location": "/loop-b"}, b""),
        "/loop-b": (302, {"Location": "/loop-a"}, b""),
        "/moved": (301, {"Location": "/page"}, b""),
        "/big": (200, {"Content-Type": "text/html", "Content-Length": "5000"}, b"x" * 5000),
        "/big-stream": (200, {"Content-Type": "text/html"}, b"<p>" + b"y" * 5000 + b"</p>"),
        "/to-private": (302, {"Location": "http://10.0.0.1/page"}, b""),
    }
    routes.update({f"/hop{n}": (302, {"Location": f"/hop{n - 1}"}, b"") for n in range(1, 8)})
    routes["/hop0"] = routes["/page"]
    with serving(routes) as running:
        yield running


def only(item) -> Failure:
    assert isinstance(item, Failure), item
    assert item.stage == "fetch" and "hint:" in item.message
    return item


def test_a_page_is_fetched_with_its_meta_and_user_agent(server):
    doc = urls.fetch(server.url("/page"), settings())
    assert isinstance(doc, RawDocument) and doc.media_type == "html" and PARA in doc.content
    assert doc.source == server.url("/page") and doc.meta["url"] == server.url("/page")
    assert doc.meta["fetched"].endswith("Z")
    assert server.seen[-1][1]["User-Agent"] == f"wirecheck/{__version__}"


def test_the_declared_charset_and_plain_text_are_honoured(server):
    latin = urls.fetch(server.url("/latin1"), settings())
    assert "Caf\u00e9 d\u00e9j\u00e0" in latin.content and latin.meta["encoding"] == "iso8859-1"
    plain = urls.fetch(server.url("/plain"), settings())
    assert plain.media_type == "text" and plain.content == PARA


def test_other_content_types_fail(server):
    failure = only(urls.fetch(server.url("/image"), settings()))
    assert "image/png, not a web page" in failure.message


def test_a_slow_server_times_out(server):
    started = time.monotonic()
    failure = only(urls.fetch(server.url("/slow"), settings(timeout_seconds=0.2)))
    assert time.monotonic() - started < 0.9
    assert failure.error == "Unreachable" and "did not answer within 0.2 s" in failure.message


def test_a_404_fails_with_its_status(server):
    failure = only(urls.fetch(server.url("/gone"), settings(retries=2)))
    assert failure.error == "FetchError" and "HTTP 404" in failure.message
    assert sum(path == "/gone" for path, _ in server.seen) == 1  # a 4xx is not retried


def test_a_5xx_is_retried_with_back_off_until_it_succeeds(server):
    server.routes["/flaky"] = flaky = Flaky(failures=2)
    doc = urls.fetch(server.url("/flaky"), settings(retries=2, backoff_seconds=0.05))
    assert isinstance(doc, RawDocument) and flaky.calls == 3


def test_retries_run_out(server):
    started = time.monotonic()
    failure = only(urls.fetch(server.url("/broken"), settings(retries=2, backoff_seconds=0.05)))
    assert time.monotonic() - started >= 0.15  # 0.05 then 0.1 s of back-off
    assert "HTTP 500" in failure.message and "tried 3 times" in failure.message


def test_redirects_are_followed_up_to_the_limit(server):
    doc = urls.fetch(server.url("/moved"), settings())
    assert isinstance(doc, RawDocument) and doc.meta["url"] == server.url("/page")
    assert isinstance(urls.fetch(server.url("/hop5"), settings(max_redirects=5)), RawDocument)
    failure = only(urls.fetch(server.url("/hop7"), settings(max_redirects=5)))
    assert "redirects more than 5 times" in failure.message


def test_a_redirect_loop_fails(server):
    failure = only(urls.fetch(server.url("/loop-a"), settings()))
    assert "redirects in a loop" in failure.message


def test_an_oversized_body_fails(server):
    small = settings(max_bytes=1000)
    declared = only(urls.fetch(server.url("/big"), small))
    assert declared.error == "TooLarge" and "5,000 bytes" in declared.message
    streamed = only(urls.fetch(server.url("/big-stream"), small))
    assert streamed.error == "TooLarge" and "more than 1,000 bytes" in streamed.message


@pytest.fixture
def no_connections(monkeypatch):
    calls = []
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: calls.append(a))
    return calls


@pytest.mark.parametrize("url", ["http://10.0.0.1/", "http://127.0.0.1:9/x", "http://[::1]/",
                                 "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/",
                                 "http://[::ffff:192.168.1.1]/", "http://localhost/"])
def test_private_addresses_are_refused_before_any_connection(url, no_connections):
    failure = only(urls.fetch(url, load_settings()))
    assert failure.error == "RefusedAddress" and "refused" in failure.message
    assert "allow_private" in failure.message and no_connections == []


def test_a_redirect_to_a_private_address_is_refused(server, monkeypatch):
    real = urls.non_public
    monkeypatch.setattr(urls, "non_public", lambda a: None if a == "127.0.0.1" else real(a))
    failure = only(urls.fetch(server.url("/to-private"), settings(allow_private=False)))
    assert failure.error == "RefusedAddress" and "10.0.0.1" in failure.message


def test_the_local_server_is_refused_unless_allowed(server):
    failure = only(urls.fetch(server.url("/page"), settings(allow_private=False)))
    assert failure.error == "RefusedAddress" and server.seen == []


@pytest.mark.parametrize("url", ["ftp://example.com/x", "http://", "https://exa mple.com:99999/"])
def test_bad_addresses_fail(url, no_connections):
    assert only(urls.fetch(url, load_settings())).error == "FetchError"


def test_read_paths_takes_urls_a_url_file_and_stdin(server, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# today\n{server.url('/page')}\n\nnot-a-url\n"
                       f"{server.url('/gone')}  # expected to fail\n", "utf-8")
    stdin = io.BytesIO(b"<html><body><p>" + PARA.encode() + b"</p></body></html>")
    items = list(read_paths([server.url("/plain"), "-"], settings(), urls_file=listing,
                            stdin=stdin))
    kinds = [(type(i).__name__, getattr(i, "media_type", None)) for i in items]
    assert kinds == [("RawDocument", "text"), ("RawDocument", "html"), ("RawDocument", "html"),
                     ("Failure", None), ("Failure", None)]
    assert items[1].source == "<stdin>" and items[3].source == f"{listing}#4"
    assert "HTTP 404" in items[4].message
    assert urls.url_list(listing) == [server.url("/page"), "not-a-url", server.url("/gone")]


def test_stdin_text_feed_and_empty(server):
    text = list(read_paths(["-"], settings(), stdin=io.BytesIO(PARA.encode())))
    assert [(d.media_type, d.content) for d in text] == [("text", PARA)]
    empty = list(read_paths(["-"], settings(), stdin=io.BytesIO(b"  \n")))
    assert isinstance(empty[0], Failure) and empty[0].error == "EmptyInput"


def test_a_missing_url_file_fails(tmp_path):
    (item,) = read_paths([], load_settings(), urls_file=tmp_path / "nope.txt")
    assert isinstance(item, Failure) and "cannot be read" in item.message
