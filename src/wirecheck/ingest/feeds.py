"""RSS and Atom feeds (feedparser): each entry becomes a RawDocument, or a Failure.

An entry's meta: ``url`` (its link), ``title``, ``published`` (ISO, UTC) and ``outlet`` (the
domain of the feed's site link). Its content, else its summary, is the document (HTML). An entry
that is only a link (less than ``LINK_ONLY_CHARS`` characters of text) has its page fetched when
``[ingest] fetch_links`` is true, under the same rules as any fetch (``urls.py``). A "feed" that
is an HTML page (an error or login page) or is not XML at all is a Failure; a malformed feed whose
first entries could still be read yields them and a Failure for the rest.
"""

from __future__ import annotations

import html
import io
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import feedparser

from ..config import Settings
from ..errors import EmptyInput, InputError, MalformedInput
from ..types import Failure, RawDocument
from . import urls
from .base import Read, decode, document, failure, looks_html

LINK_ONLY_CHARS = 300  # text shorter than this in an entry: only a teaser of the linked page
FEED_ROOT = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*|<\?[^>]*\?>\s*)*"
    rb"<(?:rss|feed|rdf:RDF|RDF)\b", re.S | re.I)
TAG = re.compile(r"<[^>]*>")
BENIGN = ("CharacterEncodingOverride", "NonXMLContentType")  # feedparser's notes, not errors


def is_feed(data: bytes) -> bool:
    """Whether ``data`` starts like an RSS, RDF or Atom document."""
    return bool(FEED_ROOT.match(data[:8192]))


def read_feed(source: str, data: bytes, settings: Settings, fetched: str | None = None) -> Read:
    """One item per entry of the feed in ``data``; Failures for a feed that cannot be read."""
    parsed = feedparser.parse(io.BytesIO(data))  # bytes, never a str: a str may be fetched
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and type(problem).__name__ in BENIGN:
        problem = None
    if not parsed.entries:
        yield failure("read", source, unreadable(source, data, problem))
        return
    site = domain(parsed.feed.get("link")) if isinstance(parsed.feed, dict) else None
    for number, entry in enumerate(parsed.entries, 1):
        yield entry_item(f"{source}#{number}", entry, site, settings, fetched)
    if problem is not None:
        yield failure("read", source, MalformedInput(
            f"{name(source)} is not well-formed XML ({problem}); the {len(parsed.entries)} "
            "entries before the fault were read", hint="export or download the feed again"))


def unreadable(source: str, data: bytes, problem: Exception | None) -> InputError:
    text = decode(data[:65_536])[0]
    if looks_html(text) and not is_feed(data):
        return MalformedInput(f"{name(source)} is an HTML page, not a feed (an error or login "
                              "page?)", hint="check the feed's address; pass an article page as "
                                             ".html")
    if problem is not None:
        return MalformedInput(f"{name(source)} is not a readable feed ({problem})",
                              hint="check that the file is RSS or Atom XML, or export it again")
    return EmptyInput(f"{name(source)} is a feed without entries")


def entry_item(source: str, entry: Any, site: str | None, settings: Settings,
               fetched: str | None) -> RawDocument | Failure:
    link = entry.get("link") if isinstance(entry.get("link"), str) else None
    meta = {"url": link, "title": text_of(entry.get("title")), "published": entry_date(entry),
            "outlet": site, "fetched": fetched}
    meta = {key: value for key, value in meta.items() if value}
    content, media_type = entry_content(entry)
    if len(visible(content)) >= LINK_ONLY_CHARS or not link:
        if not content.strip():
            return failure("read", source, EmptyInput(
                f"entry {source} has no text and no link",
                hint="the feed gives nothing to read for this entry"))
        return document(source, media_type, content, meta)
    if not settings["ingest"]["fetch_links"]:
        if not content.strip():
            return failure("read", source, EmptyInput(
                f"entry {source} is only a link ({link})",
                hint="set [ingest] fetch_links = true to fetch the linked pages"))
        return document(source, media_type, content, {**meta, "link_not_fetched": True})
    return linked_page(source, link, meta, settings)


def linked_page(source: str, link: str, meta: dict[str, Any],
                settings: Settings) -> RawDocument | Failure:
    page = urls.fetch(link, settings)
    if isinstance(page, Failure):
        return failure("fetch", source, InputError(
            f"the page of entry {source} could not be fetched: {page.message}",
            hint="the entry was skipped; the other entries were read"))
    return document(source, page.media_type, page.content, {**meta, **page.meta})


def entry_content(entry: Any) -> tuple[str, str]:
    """The longest content of the entry, else its summary; and its media type."""
    contents = [c for c in entry.get("content") or () if isinstance(c.get("value"), str)]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return best["value"], "text" if best.get("type") == "text/plain" else "html"
    summary = entry.get("summary")
    return (summary, "html") if isinstance(summary, str) else ("", "html")


def entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                year, month, day, hour, minute, second = value[:6]
                moment = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
                return moment.isoformat().replace("+00:00", "Z")
            except (TypeError, ValueError):
                continue
    raw = entry.get("published") or entry.get("updated")
    return raw.strip() if isinstance(raw, str) and raw.strip() else None


def text_of(value: Any) -> str | None:
    return " ".join(visible(value).split()) or None if isinstance(value, str) else None


def visible(markup: str) -> str:
    return html.unescape(TAG.sub(" ", markup)).strip()


def domain(link: Any) -> str | None:
    if not isinstance(link, str) or "://" not in link:
        return None
    try:
        host = urlsplit(link).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host and "." in host else None


def name(source: str) -> str:
    return source.rsplit("/", 1)[-1] or source
