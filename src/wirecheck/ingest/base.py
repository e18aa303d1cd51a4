"""What every reader shares: Failures, decoding bytes, and building RawDocuments."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from ..errors import BinaryInput, EmptyInput, InputError
from ..ids import content_id, source_key
from ..types import Failure, RawDocument

Read = Iterator[RawDocument | Failure]
BINARY_RATIO = 0.1  # share of control characters above which decoded text counts as binary
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
LOOKS_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|p|div|article|h1|title)\b", re.I)


def failure(stage: str, source: str, exc: Exception) -> Failure:
    """A Failure whose message is the error's sentence with its hint."""
    error, message = type(exc).__name__, str(exc)
    return Failure(id=content_id("failure", stage, source, error, message), stage=stage,
                   source=source, error=error, message=message)


def document(source: str, media_type: str, content: str, meta: dict[str, Any]) -> RawDocument:
    return RawDocument(id=content_id(source_key(source), content), source=source,
                       media_type="html" if media_type == "html" else "text",
                       content=content, meta=dict(meta))


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding: UTF-8 (BOM or not), UTF-16 with a BOM, else cp1252, else latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def decode_page(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """A web page's text: a BOM first, then the declared charset (HTTP header, else <meta>),
    else UTF-8, cp1252 or latin-1 as ``decode`` finds."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data)
    match = None if declared else META_CHARSET.search(data[:4096])
    charset = declared or (match.group(1).decode("ascii") if match else None)
    if charset:
        try:
            name = codecs.lookup(charset).name
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


def looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:100_000]
    odd = sum(1 for ch in sample
              if ch not in "\t\n\r\f" and unicodedata.category(ch) in ("Cc", "Co", "Cs"))
    odd += sample.count("\ufffd")
    return odd > BINARY_RATIO * len(sample)


def check_text(text: str, name: str) -> None:
    """Raise an InputError when decoded ``text`` is binary or blank."""
    if looks_binary(text):
        raise BinaryInput(f"{name} looks like a binary file, not text")
    if not text.strip():
        raise EmptyInput(f"{name} holds only blank characters")


def looks_html(text: str) -> bool:
    return bool(LOOKS_HTML.search(text[:4096]))


def page_document(source: str, data: bytes, meta: dict[str, Any],
                  declared: str | None = None, media_type: str = "html") -> RawDocument | Failure:
    """A fetched or archived page as a RawDocument, or a Failure when it holds no text."""
    text, encoding = decode_page(data, declared)
    try:
        if not data.strip():
            raise EmptyInput(f"{source} is empty")
        check_text(text, source)
    except InputError as exc:
        return failure("read", source, exc)
    if encoding not in ("utf-8", "utf_8"):
        meta = {**meta, "encoding": encoding}
    return document(source, media_type, text, meta)


def utc_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
