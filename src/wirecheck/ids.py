"""Content-hash ids: the same content always gets the same id, so writes are idempotent upserts."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def content_id(*parts: object, prefix: str = "", size: int = 16) -> str:
    """A short, stable hex digest of ``parts`` (joined with a separator no text contains)."""
    h = hashlib.blake2b(digest_size=size // 2 if size <= 64 else 32)
    for part in parts:
        h.update(str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return f"{prefix}{h.hexdigest()}"


def source_key(source: str) -> str:
    """What of a source names the document wherever the corpus lies: a URL whole, a file by its
    name (with its ``#record`` number), so ids do not change with the folder or the working
    directory it was read from. Two files of one name and identical text are one document."""
    if "://" in source.split("#", 1)[0]:
        return source
    return re.split(r"[\\/]", source)[-1]


def fold_accents(text: str) -> str:
    """"Calderón" -> "Calderon": letters without their combining marks."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalize_for_hash(text: str) -> str:
    """Case, Unicode form, quote style and whitespace folded: what counts as 'the same text'."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.translate(QUOTES)
    return " ".join(text.split())


QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"',
                        "\u00bb": '"', "\u2032": "'", "\u2033": '"'})
