"""Stores, chosen by one factory: ``open_store("sqlite:///news.db" | "news.db" | "memory:")``."""

from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from .base import Store
from .memory import MemoryStore
from .sqlite import SQLiteStore


def open_store(spec: str | Path = "wirecheck.db") -> Store:
    text = str(spec)
    if text in ("memory:", ":memory:"):
        return MemoryStore()
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    elif "://" in text:
        raise StoreError(f"unknown store {text!r}",
                         hint="use a file path, sqlite:///FILE or memory:")
    return SQLiteStore(text)


__all__ = ["MemoryStore", "SQLiteStore", "Store", "open_store"]
