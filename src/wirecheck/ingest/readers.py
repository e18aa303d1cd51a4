"""Read files, folders, URLs and standard input into RawDocuments; every input that cannot be
read becomes a Failure.

``.txt`` is text, ``.html``/``.htm`` is HTML (``.html.gz``/``.htm.gz`` gzipped), ``.jsonl`` holds
one record per line and ``.json`` one record or a list of them (fields ``id, url, outlet, title,
published`` and ``text`` or ``html``), ``.rss``/``.atom`` (and ``.xml`` that is a feed) hold
feed entries (``feeds.py``), ``.warc``/``.warc.gz`` web archives (``warc.py``). An argument that
starts with http:// or https:// is fetched (``urls.py``), ``-`` is standard input (a feed, HTML
or text), and ``urls_file`` lists addresses, one a line. Folders are read recursively in sorted
order, skipping hidden files and folders.

A file named on its own is strict: an unsupported type is a Failure. In a folder, files that
are not inputs are passed over: other extensions (notes, images), ``.xml`` files that are not
feeds and ``.json`` files that hold no article record (an object with none of the record
fields, such as an ``expected.json``).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..config import Settings
from ..errors import EmptyInput, InputError, MalformedInput, TooLarge
from ..types import Failure, RawDocument
from . import feeds, urls, warc
from .base import Read, check_text, decode, document, failure, looks_html, utc_now

__all__ = ["decode", "failure", "read_paths", "read_url", "read_stdin", "record_document",
           "url_list"]

MEDIA_TYPES = {".txt": "text", ".html": "html", ".htm": "html"}
RECORD_SUFFIXES = (".jsonl", ".json")
# name endings read by the archive and feed readers, longest first
ENDINGS = ((".warc.gz", "warc"), (".warc", "warc"), (".html.gz", "html.gz"),
           (".htm.gz", "html.gz"), (".rss", "feed"), (".atom", "feed"), (".xml", "xml"))
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
META_FIELDS = ("id", "url", "outlet", "title", "published")
RECORD_FIELDS = (*META_FIELDS, "text", "html")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON escapes can hold half an emoji
url_list = urls.url_list


def read_paths(paths: Iterable[str | Path], settings: Settings, urls_file: str | Path | None = None,
               stdin: BinaryIO | None = None) -> Read:
    """Yield a RawDocument for every readable input, and a Failure for every bad one.

    A path that starts with http:// or https:// is fetched; ``-`` reads ``stdin`` (standard
    input when None); ``urls_file`` names a file of addresses, one a line (# comments).
    """
    for path in paths:
        name = str(path)
        if isinstance(path, str) and name.lower().startswith(("http://", "https://")):
            yield from read_url(name, settings)
        elif name == "-" and isinstance(path, str):
            yield from read_stdin(settings, stdin)
        else:
            yield from _read_path(Path(path), settings)
    if urls_file is not None:
        yield from urls.read_url_file(Path(urls_file), settings, read_url)


def read_url(url: str, settings: Settings) -> Read:
    """The page at ``url``, or each entry when it is a feed; a Failure when it cannot be read."""
    response = urls.get(url, settings)
    if isinstance(response, Failure):
        yield response
    elif response.content_type in FEED_TYPES or (
            response.content_type not in urls.HTML_TYPES and feeds.is_feed(response.body)):
        yield from feeds.read_feed(url, response.body, settings, fetched=utc_now())
    else:
        yield urls.as_document(url, response)


def read_stdin(settings: Settings, stream: BinaryIO | None = None) -> Read:
    """Standard input: a feed, HTML when it looks like HTML, else text."""
    source, max_bytes = "<stdin>", settings["ingest"]["max_bytes"]
    data = (stream or sys.stdin.buffer).read(max_bytes + 1)
    try:
        if len(data) > max_bytes:
            raise TooLarge(f"standard input is over the limit of {max_bytes:,} bytes")
        if not data.strip():
            raise EmptyInput("standard input is empty")
        if feeds.is_feed(data):
            yield from feeds.read_feed(source, data, settings)
            return
        text, encoding = decode(data)
        check_text(text, "standard input")
    except InputError as exc:
        yield failure("read", source, exc)
        return
    meta = {"encoding": encoding} if encoding != "utf-8" else {}
    yield document(source, "html" if looks_html(text) else "text", text, meta)


def _read_path(path: Path, settings: Settings) -> Read:
    if path.is_dir():
        for child, error in _walk(path):
            if error is not None:
                yield failure("read", str(child), error)
            else:
                yield from _read_file(child, settings, strict=False)
    elif path.exists():
        yield from _read_file(path, settings, strict=True)
    else:
        yield failure("read", str(path), InputError(
            f"{path} does not exist", hint="check the path and its spelling"))


def _walk(folder: Path) -> Iterator[tuple[Path, InputError | None]]:
    """Files under ``folder`` in sorted order, hidden ones left out; unreadable ones as errors."""
    errors: list[OSError] = []
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(Path(root, name) for name in files if not name.startswith("."))
    for path in sorted(found):
        yield path, None
    for exc in errors:
        yield Path(exc.filename or folder), _unreadable(Path(exc.filename or folder), exc)


def _unreadable(path: Path, exc: OSError) -> InputError:
    return InputError(f"{path} cannot be read ({exc.strerror or exc})",
                      hint="check that the file exists and that you may read it")


def _read_file(path: Path, settings: Settings, strict: bool) -> Read:
    source = str(path)
    suffix = path.suffix.lower()
    kind = next((kind for ending, kind in ENDINGS if path.name.lower().endswith(ending)), None)
    if kind is not None:
        yield from _read_special(path, kind, settings, strict)
        return
    if suffix not in MEDIA_TYPES and suffix not in RECORD_SUFFIXES:
        if not strict:
            return
        yield failure("read", source, InputError(
            f"unsupported file type {suffix or '(no extension)'!r} for {path.name}",
            hint="wirecheck reads .txt, .html, .htm, .jsonl, .json, .rss, .atom, .xml (feeds), "
                 ".warc, .warc.gz, .html.gz and .htm.gz files; convert or remove it"))
        return
    try:
        text, encoding = _load(path, settings["ingest"]["max_bytes"])
    except InputError as exc:
        yield failure("read", source, exc)
        return
    meta = {"encoding": encoding} if encoding != "utf-8" else {}
    if suffix in MEDIA_TYPES:
        yield document(source, MEDIA_TYPES[suffix], text, meta)
    elif suffix == ".jsonl":
        yield from _read_lines(source, text, meta)
    else:
        yield from _read_json(source, text, meta, strict)


def _read_special(path: Path, kind: str, settings: Settings, strict: bool) -> Read:
    """Web archives, gzipped pages and feeds."""
    if kind == "warc":
        yield from warc.read_warc(path, settings)
        return
    if kind == "html.gz":
        yield from warc.read_html_gz(path, settings)
        return
    try:
        data = _load_bytes(path, settings["ingest"]["max_bytes"])
    except InputError as exc:
        yield failure("read", str(path), exc)
        return
    if kind == "xml" and not feeds.is_feed(data):
        if strict:
            yield failure("read", str(path), MalformedInput(
                f"{path.name} is XML but not an RSS or Atom feed",
                hint="wirecheck reads .xml files that are feeds; convert other XML first"))
        return
    yield from feeds.read_feed(str(path), data, settings)


def _load_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, or an InputError when it is unreadable, too large or empty."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(f"{path.name} is {size:,} bytes, over the limit of {max_bytes:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if not data.strip():
        raise EmptyInput(f"{path.name} is empty")
    return data


def _load(path: Path, max_bytes: int) -> tuple[str, str]:
    """The decoded text of ``path`` and its encoding, or an InputError saying why not."""
    text, encoding = decode(_load_bytes(path, max_bytes))
    check_text(text, path.name)
    return text, encoding


def _read_lines(source: str, text: str, meta: dict[str, Any]) -> Read:
    """One record per line: a bad line becomes a Failure and the other lines are still read."""
    seen = False
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        seen = True
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield failure("read", f"{source}#{number}", MalformedInput(
                f"line {number} is not valid JSON ({exc.msg} at column {exc.colno})",
                hint="fix or remove that line; the other lines were read"))
            continue
        yield record_document(f"{source}#{number}", value, meta)
    if not seen:
        yield failure("read", source, EmptyInput(f"{Path(source).name} holds no records"))


def _read_json(source: str, text: str, meta: dict[str, Any], strict: bool) -> Read:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield failure("read", source, MalformedInput(
            f"{Path(source).name} is not valid JSON ({exc.msg} at line {exc.lineno})",
            hint="fix the file, or write one record per line as .jsonl"))
        return
    if not isinstance(value, list):
        if strict or not isinstance(value, dict) or any(key in value for key in RECORD_FIELDS):
            yield record_document(source, value, meta)
        return
    if not value:
        yield failure("read", source, EmptyInput(f"{Path(source).name} holds an empty list"))
    for number, item in enumerate(value, 1):
        yield record_document(f"{source}#{number}", item, meta)


def record_document(source: str, value: Any, meta: dict[str, Any]) -> RawDocument | Failure:
    """A JSON object with ``text`` or ``html`` as a RawDocument, with its metadata fields."""
    if not isinstance(value, dict):
        return failure("read", source, MalformedInput(
            f"record {source} is a JSON {type(value).__name__}, not an object",
            hint='write each record as an object such as {"title": …, "text": …}'))
    record_meta = dict(meta)
    for key in META_FIELDS:
        field = value.get(key)
        scalar = isinstance(field, str | int | float) and not isinstance(field, bool)
        if scalar and str(field).strip():
            record_meta[key] = LONE_SURROGATE.sub("\ufffd", str(field).strip())
    for key, media_type in (("text", "text"), ("html", "html")):
        content = value.get(key)
        if isinstance(content, str) and content.strip():
            return document(source, media_type, LONE_SURROGATE.sub("\ufffd", content),
                             record_meta)
    return failure("read", source, EmptyInput(
        f"record {source} has no text",
        hint='give each record a non-empty "text" or "html" field'))
