"""Web archives (WARC, WARC.gz) and gzipped pages; and no bytes crash the new readers."""

from __future__ import annotations

import gzip
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirecheck.config import load_settings
from wirecheck.ingest.readers import read_paths
from wirecheck.stages.clean import Cleaner
from wirecheck.types import Article, Failure, RawDocument

PARA = ("The harbour bridge was closed on Tuesday after engineers found a crack in a main girder, "
        "officials said. The closure is expected to last at least a week, and perhaps longer, "
        "the city's chief engineer told reporters at the quayside.")
DATE = "2025-10-14T09:30:00Z"


def page(n: int, extra: str = "") -> bytes:
    return (f"<html><head><title>Bridge report {n}</title>{extra}</head><body><article>"
            f"<h1>Bridge report {n}</h1><p>{PARA}</p><p>Report {n}. {PARA}</p></article>"
            "</body></html>").encode()


def response(writer, url: str, body: bytes, status: str = "200 OK",
             content_type: str = "text/html; charset=utf-8", kind: str = "response") -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, kind, payload=io.BytesIO(body), length=len(body),
        http_headers=http if kind in ("response", "request") else None,
        warc_headers_dict={"WARC-Date": DATE})
    writer.write_record(record)


def archive(path: Path, compress: bool) -> Path:
    """Two pages, then records that are not read: a 404, an image, plain text, a request."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=compress)
        response(writer, "https://a.example/1", page(1))
        response(writer, "https://a.example/missing", b"<p>gone</p>", status="404 Not Found")
        response(writer, "https://a.example/logo.png", b"\x89PNG", content_type="image/png")
        response(writer, "https://a.example/robots.txt", b"User-agent: *",
                 content_type="text/plain")
        response(writer, "https://a.example/2", page(2, '<meta property="article:published_'
                                                       'time" content="2025-10-13T18:00:00Z">'))
    return path


def read(*paths, **ingest):
    return list(read_paths(paths, load_settings(ingest=ingest) if ingest else load_settings()))


def test_warc_and_warc_gz_give_their_html_pages(tmp_path):
    for name, compress in (("crawl.warc", False), ("crawl.warc.gz", True)):
        one, two = read(archive(tmp_path / name, compress))
        assert isinstance(one, RawDocument) and isinstance(two, RawDocument)
        assert one.source == f"{tmp_path / name}#1" and two.source == f"{tmp_path / name}#5"
        assert one.meta == {"url": "https://a.example/1", "fetched": DATE}
        assert one.media_type == "html" and PARA in one.content


def test_the_fetch_date_is_the_published_date_only_when_nothing_better(tmp_path):
    one, two = read(archive(tmp_path / "crawl.warc.gz", True))
    cleaner = Cleaner(load_settings())
    (first,) = cleaner.process(one)
    (second,) = cleaner.process(two)
    assert isinstance(first, Article) and first.published == DATE
    assert first.meta["published_from"] == "fetched" and first.url == "https://a.example/1"
    assert second.published == "2025-10-13" and "published_from" not in second.meta


def test_a_date_after_the_fetch_time_is_rejected(tmp_path):
    raw = RawDocument(id="r", source="x.warc#1", media_type="html", content=page(3).decode(),
                      meta={"fetched": DATE, "published": "2025-11-30"})
    (item,) = Cleaner(load_settings()).process(raw)
    assert item.published == DATE and item.meta["published_rejected"] == "2025-11-30"
    assert "later than the fetch time" in item.meta["published_rejected_because"]


def test_a_date_contradicted_by_the_text_is_rejected():
    text = f"Bridge closed\nPublished 20 October 2025\n{PARA}\n{PARA}"
    raw = RawDocument(id="r", source="a.txt", media_type="text", content=text,
                      meta={"published": "2025-10-14"})
    (item,) = Cleaner(load_settings()).process(raw)
    assert item.published is None and item.meta["published_rejected"] == "2025-10-14"
    assert "2025-10-20" in item.meta["published_rejected_because"]


def test_a_cut_warc_gz_keeps_the_pages_before_the_cut(tmp_path):
    path = archive(tmp_path / "crawl.warc.gz", True)
    data = path.read_bytes()
    path.write_bytes(data[:-40])
    *pages, failure = read(path)
    assert [p.meta["url"] for p in pages] == ["https://a.example/1"]
    assert isinstance(failure, Failure) and "ends early" in failure.message
    assert "1 page(s) before were read" in failure.message


def test_a_cut_plain_warc_fails_for_the_rest(tmp_path):
    path = archive(tmp_path / "crawl.warc", False)
    path.write_bytes(path.read_bytes()[:-200])
    *pages, failure = read(path)
    assert len(pages) == 1 and isinstance(failure, Failure) and "ends early" in failure.message


def test_not_a_warc_and_no_html_fail(tmp_path):
    (tmp_path / "junk.warc").write_bytes(b"hello, not an archive\r\n\r\n")
    (tmp_path / "junk.warc.gz").write_bytes(gzip.compress(b"still not an archive"))
    with (tmp_path / "empty.warc").open("wb") as out:
        response(WARCWriter(out, gzip=False), "https://a.example/x", b"{}",
                 content_type="application/json")
    empty, gz, junk = read(tmp_path)
    assert "not a WARC archive" in junk.message and "not a WARC archive" in gz.message
    assert empty.error == "EmptyInput" and "holds no HTML page" in empty.message


def test_an_oversized_record_fails_alone(tmp_path):
    path = archive(tmp_path / "crawl.warc.gz", True)
    items = read(path, max_bytes=300)
    assert [type(i).__name__ for i in items] == ["Failure", "Failure"]
    assert all(i.error == "TooLarge" and "record" in i.message for i in items)


def test_html_gz_pages(tmp_path):
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(page(1)))
    (tmp_path / "b.htm.gz").write_bytes(gzip.compress(page(2))[:-30])
    (tmp_path / "c.html.gz").write_bytes(page(3))
    good, cut, plain = read(tmp_path)
    assert isinstance(good, RawDocument) and good.media_type == "html" and PARA in good.content
    assert isinstance(cut, Failure) and "not a complete gzip file" in cut.message
    assert isinstance(plain, Failure) and "not a complete gzip file" in plain.message
    (big,) = read(tmp_path / "a.html.gz", max_bytes=100)
    assert big.error == "TooLarge"


# -- no bytes crash the new readers ---------------------------------------------------------------

def samples() -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as folder:
        warc = archive(Path(folder) / "s.warc.gz", True).read_bytes()
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><link>https://h.example/</link>'
            f"<item><title>T</title><link>https://h.example/1</link><description>{PARA}"
            "</description></item></channel></rss>").encode()
    return {".rss": feed, ".warc.gz": warc, ".html.gz": gzip.compress(page(1))}


SAMPLES = samples()
EDITS = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 8), st.binary(max_size=12)),
                 max_size=8)


def mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    for position, cut, insert in edits:
        at = position % (len(data) + 1)
        data = data[:at] + insert + data[at + cut:]
    return data


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(suffix=st.sampled_from(sorted(SAMPLES)), edits=EDITS, noise=st.binary(max_size=300),
       random=st.booleans(), cut=st.integers(0, 4000))
def test_no_bytes_crash_the_feed_archive_and_gzip_readers(suffix, edits, noise, random, cut):
    data = noise if random else mutate(SAMPLES[suffix], edits)
    data = data[:cut] if cut < len(data) and not random else data
    settings = load_settings()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_paths([path], settings))
    assert items and all(isinstance(i, RawDocument | Failure) for i in items)
    for raw in (i for i in items if isinstance(i, RawDocument)):
        results = list(Cleaner(settings).process(raw))
        assert len(results) == 1 and isinstance(results[0], Article | Failure)
