"""Web archives (WARC, WARC.gz; warcio) and gzipped pages (.html.gz, .htm.gz).

From a WARC only the HTML pages are read: ``response`` records with status 200 and an HTML
content type, each a RawDocument with meta ``url`` (WARC-Target-URI) and ``fetched`` (WARC-Date;
the cleaner uses it as the publication date when the page states none). ``[ingest] max_bytes``
caps each record. An archive cut short (or corrupt) yields the pages before the fault and a
Failure for the rest. warcio itself reads a cut gzip member as a clean end, so the gzip layer
is undone here, member by member, and a missing end is noticed.
"""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from ..config import Settings
from ..errors import EmptyInput, InputError, MalformedInput, TooLarge
from ..types import Failure, RawDocument
from .base import Read, failure, page_document

CHUNK = 65_536
HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b"


class Gunzip(io.RawIOBase):
    """The decompressed bytes of a (multi-member) gzip stream; ``problem`` says how it ended
    early: the stream then simply ends where the good data ends."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self.raw = raw
        self.inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self.started = False  # the current member has had input
        self.pending = b""
        self.done = False
        self.problem: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.pending and not self.done:
            self.fill()
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size

    def fill(self) -> None:
        if self.inflater.eof:
            data = self.inflater.unused_data or self.raw.read(CHUNK)
            self.inflater, self.started = zlib.decompressobj(16 + zlib.MAX_WBITS), False
        else:
            data = self.raw.read(CHUNK)
        if not data:
            if self.started:
                self.problem = "it is cut short"
            self.done = True
            return
        try:
            self.pending = self.inflater.decompress(data)
            self.started = True
        except zlib.error as exc:
            self.problem, self.done = f"its gzip data is corrupt ({exc})", True


def read_warc(path: Path, settings: Settings) -> Read:
    """The HTML pages of a WARC or WARC.gz file, then a Failure if it ends early."""
    max_bytes = settings["ingest"]["max_bytes"]
    try:
        with path.open("rb", buffering=0) as raw:
            yield from archive_items(path, raw, max_bytes)
    except OSError as exc:
        yield failure("read", str(path), InputError(
            f"{path} cannot be read ({exc.strerror or exc})",
            hint="check that the file exists and that you may read it"))


def archive_items(path: Path, raw: Any, max_bytes: int) -> Read:
    head = raw.read(2)
    raw.seek(0)
    gunzip = Gunzip(raw) if head == GZIP_MAGIC else None
    with io.BufferedReader(gunzip or raw, CHUNK) as stream:
        yield from archive_records(path, stream, gunzip, max_bytes)


def archive_records(path: Path, stream: io.BufferedReader, gunzip: Gunzip | None,
                    max_bytes: int) -> Read:
    if stream.peek(5)[:5] != b"WARC/":
        problem = gunzip.problem if gunzip is not None and gunzip.problem else None
        yield failure("read", str(path), MalformedInput(
            f"{path.name} is not a WARC archive" + (f" ({problem})" if problem else ""),
            hint="pass .warc or .warc.gz files written by a crawler (WARC/1.0 or 1.1)"))
        return
    pages, found, records, problem = 0, 0, 0, None
    try:
        for records, record in enumerate(ArchiveIterator(stream), 1):
            item = record_item(path, records, record, max_bytes)
            if item is not None:
                pages += isinstance(item, RawDocument)
                found += 1
                yield item
    except Exception as exc:  # warcio raises many kinds on damaged data: all mean the same here
        problem = f"record {records + 1} is damaged ({type(exc).__name__}: {exc})"
    problem = problem or (gunzip.problem if gunzip is not None else None)
    if problem:
        yield failure("read", str(path), MalformedInput(
            f"{path.name} ends early: {problem}; the {pages} page(s) before were read",
            hint="copy or download the archive again to read the rest"))
    elif found == 0:
        yield failure("read", str(path), EmptyInput(
            f"{path.name} holds no HTML page (no response record with status 200 and an HTML "
            "content type)", hint="check that the crawl saved the pages' responses"))


def record_item(path: Path, number: int, record: Any,
                max_bytes: int) -> RawDocument | Failure | None:
    """A response record that is an HTML page, as a RawDocument; None for other records."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    media_type = content_type.split(";")[0].strip().lower()
    if media_type not in HTML_TYPES:
        return None
    source = f"{path}#{number}"
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return failure("read", source, TooLarge(
            f"record {number} of {path.name} is over the limit of {max_bytes:,} bytes"))
    if getattr(record.raw_stream, "limit", 0):
        raise EOFError(f"the archive ends inside record {number}")
    url, fetched = (record.rec_headers.get_header(key) for key in ("WARC-Target-URI", "WARC-Date"))
    meta = {key: value for key, value in (("url", url), ("fetched", fetched)) if value}
    return page_document(source, data, meta, charset(content_type))


def charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def read_html_gz(path: Path, settings: Settings) -> Read:
    """A gzipped HTML page: one RawDocument, or a Failure when cut short, corrupt or too large."""
    max_bytes = settings["ingest"]["max_bytes"]
    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield failure("read", str(path), MalformedInput(
            f"{path.name} is not a complete gzip file ({exc})",
            hint="copy or download the page again; or pass it uncompressed as .html"))
        return
    except OSError as exc:
        yield failure("read", str(path), InputError(
            f"{path} cannot be read ({exc.strerror or exc})",
            hint="check that the file exists and that you may read it"))
        return
    if len(data) > max_bytes:
        yield failure("read", str(path), TooLarge(
            f"{path.name} unpacks to more than {max_bytes:,} bytes, the limit"))
        return
    yield page_document(str(path), data, {})
