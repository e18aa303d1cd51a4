"""Stub: being written."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..pipeline import MapStage
from ..types import Item


class FactExtractor(MapStage):
    name = "facts"
    requires = ("article",)
    provides = ("fact",)

    def process(self, item: Any) -> Iterable[Item]:
        return ()
