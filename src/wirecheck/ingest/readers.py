"""Read files and folders into RawDocuments; every input that cannot be read becomes a Failure.

``.txt`` is text, ``.html``/``.htm`` is HTML, ``.jsonl`` holds one record per line and ``.json``
one record or a list of them (fields ``id, url, outlet, title, published`` and ``text`` or
``html``). Folders are read recursively in sorted order, skipping hidden files and folders.

A file named on its own is strict: an unsupported type is a Failure. In a folder, files that
are not inputs are passed over: other extensions (notes, images) and ``.json`` files that hold
no article record (an object with none of the record fields, such as an ``expected.json``).
"""

from __future__ import annotations

import codecs
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import BinaryInput, EmptyInput, InputError, MalformedInput, TooLarge
from ..ids import content_id
from ..types import Failure, RawDocument

MEDIA_TYPES = {".txt": "text", ".html": "html", ".htm": "html"}
RECORD_SUFFIXES = (".jsonl", ".json")
META_FIELDS = ("id", "url", "outlet", "title", "published")
RECORD_FIELDS = (*META_FIELDS, "text", "html")
BINARY_RATIO = 0.1  # share of control characters above which decoded text counts as binary
LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON escapes can hold half an emoji

Read = Iterator[RawDocument | Failure]


def read_paths(paths: Iterable[str | Path], settings: Settings) -> Read:
    """Yield a RawDocument for every readable input, and a Failure for every bad one."""
    for path in paths:
        yield from _read_path(Path(path), settings)


def failure(stage: str, source: str, exc: Exception) -> Failure:
    """A Failure whose message is the error's sentence with its hint."""
    error, message = type(exc).__name__, str(exc)
    return Failure(id=content_id("failure", stage, source, error, message), stage=stage,
                   source=source, error=error, message=message)


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
    if suffix not in MEDIA_TYPES and suffix not in RECORD_SUFFIXES:
        if not strict:
            return
        yield failure("read", source, InputError(
            f"unsupported file type {suffix or '(no extension)'!r} for {path.name}",
            hint="wirecheck reads .txt, .html, .htm, .jsonl and .json files; convert or remove it"))
        return
    try:
        text, encoding = _load(path, settings["ingest"]["max_bytes"])
    except InputError as exc:
        yield failure("read", source, exc)
        return
    meta = {"encoding": encoding} if encoding != "utf-8" else {}
    if suffix in MEDIA_TYPES:
        yield _document(source, MEDIA_TYPES[suffix], text, meta)
    elif suffix == ".jsonl":
        yield from _read_lines(source, text, meta)
    else:
        yield from _read_json(source, text, meta, strict)


def _load(path: Path, max_bytes: int) -> tuple[str, str]:
    """The decoded text of ``path`` and its encoding, or an InputError saying why not."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(f"{path.name} is {size:,} bytes, over the limit of {max_bytes:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if not data.strip():
        raise EmptyInput(f"{path.name} is empty")
    text, encoding = decode(data)
    if _looks_binary(text):
        raise BinaryInput(f"{path.name} looks like a binary file, not text")
    if not text.strip():
        raise EmptyInput(f"{path.name} holds only blank characters")
    return text, encoding


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


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:100_000]
    odd = sum(1 for ch in sample
              if ch not in "\t\n\r\f" and unicodedata.category(ch) in ("Cc", "Co", "Cs"))
    odd += sample.count("\ufffd")
    return odd > BINARY_RATIO * len(sample)


def _document(source: str, media_type: str, content: str, meta: dict[str, Any]) -> RawDocument:
    return RawDocument(id=content_id(source, content), source=source,
                       media_type="html" if media_type == "html" else "text",
                       content=content, meta=dict(meta))


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
        yield _record(f"{source}#{number}", value, meta)
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
            yield _record(source, value, meta)
        return
    if not value:
        yield failure("read", source, EmptyInput(f"{Path(source).name} holds an empty list"))
    for number, item in enumerate(value, 1):
        yield _record(f"{source}#{number}", item, meta)


def _record(source: str, value: Any, meta: dict[str, Any]) -> RawDocument | Failure:
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
            return _document(source, media_type, LONE_SURROGATE.sub("\ufffd", content),
                             record_meta)
    return failure("read", source, EmptyInput(
        f"record {source} has no text",
        hint='give each record a non-empty "text" or "html" field'))
