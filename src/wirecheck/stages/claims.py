"""Stub: being written."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..pipeline import MapStage
from ..types import Item


class ClaimExtractor(MapStage):
    name = "claims"
    requires = ("article",)
    provides = ("claim",)

    def process(self, item: Any) -> Iterable[Item]:
        return ()
