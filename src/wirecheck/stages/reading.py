"""ArticleStage: the base of the stages that read an article's parse (quotes, facts, claims)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..nlp.spacy_backend import Parsed, analyse, analyse_many
from ..pipeline import MapStage
from ..types import Article, Item


class ArticleStage(MapStage):
    """Reads each readable article's parse (parsed once, in batches, for every such stage)."""

    requires = ("article",)

    def prepare_chunk(self, items: list[Any]) -> None:
        analyse_many([a for a in items if isinstance(a, Article) and a.readable])

    def process(self, item: Any) -> Iterable[Item]:
        if not isinstance(item, Article) or not item.readable:
            return []
        return list(self.extract(analyse(item)))

    def extract(self, parsed: Parsed) -> Iterator[Any]:
        raise NotImplementedError
