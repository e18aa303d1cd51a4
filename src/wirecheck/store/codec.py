"""Items to plain JSON-able dicts and back (nested dataclasses and tuples included)."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from ..types import KINDS, Item


def to_plain(value: Any) -> Any:
    names = _field_names(type(value))
    if names is not None:
        return {name: to_plain(getattr(value, name)) for name in names}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The fields of a dataclass, None for any other type (looked up once per type)."""
    if cls not in _FIELDS:
        _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls)) \
            if dataclasses.is_dataclass(cls) else None
    return _FIELDS[cls]


def dumps(item: Item) -> str:
    return json.dumps(to_plain(item), ensure_ascii=False, sort_keys=True)


def loads(kind: str, text: str) -> Item:
    return typing.cast(Item, from_plain(KINDS[kind], json.loads(text)))


def from_plain(tp: Any, value: Any) -> Any:
    """``value`` (plain JSON data) as type ``tp``: dataclasses, tuples and optionals rebuilt."""
    return _decoder(tp)(value)


Decoder = Callable[[Any], Any]


@cache
def _decoder(tp: Any) -> Decoder:
    """A function that rebuilds values of type ``tp``, made once per type (reading a store of a
    few hundred articles decodes 100,000 items: the type is not inspected again for each)."""
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        fields = {k: _decoder(v) for k, v in typing.get_type_hints(tp).items()}
        cls = tp
        return lambda value: None if value is None else cls(
            **{k: fields[k](v) for k, v in value.items() if k in fields})
    origin = typing.get_origin(tp)
    if origin is tuple:
        args = typing.get_args(tp)
        inner = _decoder(args[0] if args else Any)
        return lambda value: None if value is None else tuple(inner(v) for v in value)
    if origin in (types.UnionType, typing.Union):
        for arg in typing.get_args(tp):
            if arg is not type(None):
                return _decoder(arg)
    return _same


def _same(value: Any) -> Any:
    return value
