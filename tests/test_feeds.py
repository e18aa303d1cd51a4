"""RSS and Atom feeds: entries in, linked pages fetched only when allowed, bad feeds fail."""

from __future__ import annotations

import pytest

from local_server import html_page, serving
from wirecheck.config import load_settings
from wirecheck.ingest.readers import read_paths
from wirecheck.stages.clean import Cleaner
from wirecheck.types import Article, Failure, RawDocument

BODY = ("<p>The harbour bridge was closed on Tuesday after engineers found a crack in a main "
        "girder, officials said. The closure is expected to last at least a week, and perhaps "
        "longer, the city's chief engineer told reporters at the quayside.</p><p>Traffic will be "
        "diverted through the tunnel, the transport authority said in a statement.</p>")


def rss(*items: str, link: str = "https://www.harbournews.example/") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>Harbour News</title><link>{link}</link>{''.join(items)}</channel></rss>")


def item(title: str, link: str, body: str = "", summary: str = "",
         date: str = "Tue, 14 Oct 2025 08:10:00 +0100") -> str:
    content = f"<content:encoded><![CDATA[{body}]]></content:encoded>" if body else ""
    return (f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
            f"<description><![CDATA[{summary}]]></description>{content}</item>")


ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Coastal Herald</title><link rel="alternate" href="https://coastalherald.example/news"/>
<updated>2025-10-14T12:00:00Z</updated><id>urn:x</id>
<entry><title>Bridge closed</title><link href="https://coastalherald.example/a/1"/><id>urn:1</id>
<updated>2025-10-14T12:05:00Z</updated><content type="html"><![CDATA[{BODY}]]></content></entry>
</feed>"""


def settings(**ingest):
    base = {"allow_private": True, "timeout_seconds": 0.5, "retries": 0, "backoff_seconds": 0.01}
    return load_settings(ingest={**base, **ingest})


def read(path, s=None):
    return list(read_paths([path], s or load_settings()))


def test_rss_entries_become_documents_with_meta(tmp_path):
    path = tmp_path / "news.rss"
    path.write_text(rss(item("Bridge closed", "https://www.harbournews.example/a/1", body=BODY,
                             summary="Teaser")), "utf-8")
    (doc,) = read(path)
    assert isinstance(doc, RawDocument) and doc.source == f"{path}#1" and doc.media_type == "html"
    assert doc.content == BODY
    assert doc.meta == {"url": "https://www.harbournews.example/a/1", "title": "Bridge closed",
                        "published": "2025-10-14T07:10:00Z", "outlet": "harbournews.example"}
    (article,) = Cleaner(load_settings()).process(doc)
    assert isinstance(article, Article) and article.outlet == "harbournews.example"
    assert article.published == "2025-10-14T07:10:00Z" and "tunnel" in article.text


def test_atom_and_xml_feeds(tmp_path):
    (tmp_path / "feed.atom").write_text(ATOM, "utf-8")
    (tmp_path / "feed.xml").write_text(ATOM, "utf-8")
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>x</loc></url></urlset>", "utf-8")
    docs = read(tmp_path)
    assert [d.source.rsplit("/", 1)[-1] for d in docs] == ["feed.atom#1", "feed.xml#1"]
    assert docs[0].meta["outlet"] == "coastalherald.example"
    assert docs[0].meta["published"] == "2025-10-14T12:05:00Z"
    (named,) = read(tmp_path / "sitemap.xml")
    assert isinstance(named, Failure) and "not an RSS or Atom feed" in named.message


def test_a_link_only_entry_is_kept_as_its_teaser_unless_fetching_is_allowed(tmp_path):
    path = tmp_path / "news.rss"
    path.write_text(rss(item("Teaser", "https://www.harbournews.example/a/2", summary="Short."),
                        item("Bare", "https://www.harbournews.example/a/3")), "utf-8")
    teaser, bare = read(path)
    assert teaser.content == "Short." and teaser.meta["link_not_fetched"] is True
    assert isinstance(bare, Failure) and "fetch_links = true" in bare.message
    (failure,) = Cleaner(load_settings()).process(teaser)
    assert isinstance(failure, Failure) and "fetch_links = true" in failure.message


def test_linked_pages_are_fetched_when_allowed(tmp_path):
    page = html_page(BODY)
    with serving({"/a/1": (200, {"Content-Type": "text/html"}, page)}) as server:
        path = tmp_path / "news.rss"
        path.write_text(rss(item("Bridge closed", server.url("/a/1"), summary="Teaser"),
                            item("Gone", server.url("/a/404"), summary="Teaser")), "utf-8")
        fetched, gone = read(path, settings(fetch_links=True))
        refused = read(path, settings(fetch_links=True, allow_private=False))
    assert isinstance(fetched, RawDocument) and fetched.content == page.decode()
    assert fetched.meta["title"] == "Bridge closed" and fetched.meta["url"] == server.url("/a/1")
    assert fetched.meta["published"] == "2025-10-14T07:10:00Z" and "fetched" in fetched.meta
    assert isinstance(gone, Failure) and gone.source == f"{path}#2" and "HTTP 404" in gone.message
    assert all(isinstance(r, Failure) and "refused" in r.message for r in refused)


def test_a_feed_url_is_read_entry_by_entry(tmp_path):
    feed = rss(item("Bridge closed", "https://www.harbournews.example/a/1", body=BODY))
    with serving({"/feed": (200, {"Content-Type": "application/rss+xml"}, feed.encode())}) as s:
        (doc,) = list(read_paths([s.url("/feed")], settings()))
    assert doc.source == s.url("/feed") + "#1" and doc.content == BODY and "fetched" in doc.meta


@pytest.mark.parametrize(("data", "reason"), [
    (b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>", "an HTML page"),
    (b"<rss><channel><title>x</ti", "not a readable feed"),
    (b"\x00\x01\x02 not xml at all", "not a readable feed"),
    (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
     "without entries"),
])
def test_bad_feeds_fail_with_a_reason(tmp_path, data, reason):
    path = tmp_path / "bad.rss"
    path.write_bytes(data)
    (failure,) = read(path)
    assert isinstance(failure, Failure) and reason in failure.message and "hint:" in failure.message


def test_a_truncated_feed_keeps_its_first_entries_and_fails_for_the_rest(tmp_path):
    whole = rss(item("One", "https://h.example/1", body=BODY),
                item("Two", "https://h.example/2", body=BODY))
    path = tmp_path / "cut.rss"
    path.write_text(whole[: whole.index("<item><title>Two") + 20], "utf-8")
    items = read(path)
    assert isinstance(items[0], RawDocument) and items[0].meta["title"] == "One"
    assert isinstance(items[-1], Failure) and "not well-formed" in items[-1].message
