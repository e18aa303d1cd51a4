"""The nouns of wirecheck: frozen, slotted dataclasses whose relations are ids, not pointers.

RawDocument -> Article -> Span -> DuplicateGroup -> Story -> Quote / Claim / Fact -> Evidence
-> Finding -> Brief, and Failure for anything that went wrong (kept as data, never only logged).

Every item has an ``id`` (a content hash, see ``ids.py``) and a ``KIND`` used by the store.
Extracted items record the ``extractor`` (name and version) that produced them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

ParagraphKind = Literal["p", "heading", "caption", "list"]
QuoteKind = Literal["direct", "indirect", "partial"]
FactKind = Literal["role", "number", "date", "place", "status", "setting"]
Stance = Literal["supports", "contradicts", "silent"]
FindingKind = Literal[
    "corroborated", "conflict", "inconsistency", "single_source", "quote", "person", "timeline",
    "reliability"
]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Input as read: decoded text or HTML, with where it came from (path or URL)."""

    KIND: ClassVar[str] = "raw"
    id: str
    source: str  # input path, or "path#line" for one record of a JSON Lines file, or a URL
    media_type: Literal["text", "html"]
    content: str
    meta: dict[str, Any] = field(default_factory=dict)  # url, outlet, title, published, …


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of an article's cleaned text: [start, end) in Article.text, and its kind."""

    start: int
    end: int
    kind: ParagraphKind = "p"


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article. ``text`` is the body; offsets of every Span point into it."""

    KIND: ClassVar[str] = "article"
    id: str
    source: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date or datetime as stated by the input
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # aggregator, event_date, author, removed…

    @property
    def readable(self) -> bool:
        """Whether the extractors read it: it has text in a language they are written for
        (the Cleaner records why not under ``meta["not_read"]``)."""
        return bool(self.text.strip()) and "not_read" not in self.meta


@dataclass(frozen=True, slots=True)
class Span:
    """The anchor of every citation: characters [start, end) of one article's text."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Member:
    article_id: str
    similarity: float  # to the group's canonical article, 1.0 for the canonical itself


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Copies of one text: they count as one source. Each member is checked against canonical."""

    KIND: ClassVar[str] = "duplicate_group"
    id: str
    canonical: str
    members: tuple[Member, ...]
    exact: bool


@dataclass(frozen=True, slots=True)
class Story:
    KIND: ClassVar[str] = "story"
    id: str
    article_ids: tuple[str, ...]
    title: str


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker. ``span`` covers the quoted words in the article;
    ``carried``: no one is named with them, the speaker is carried over from a quotation of an
    earlier paragraph (the newsroom convention, which a broken page can defeat)."""

    KIND: ClassVar[str] = "quote"
    id: str
    article_id: str
    text: str
    speaker: str | None
    cue: str | None
    kind: QuoteKind
    span: Span
    extractor: str
    carried: bool = False


@dataclass(frozen=True, slots=True)
class Fact:
    """A typed, checkable value stated by an article.

    role: subject = person, value = title ("Secretary of State");
    number: subject = what it counts ("people killed"), value = the number as written,
      normalized = the number ("14");
    date: subject = what happened, value = as written, normalized = ISO date (resolved or not);
    place: subject = the place's role in the sentence, value = the place;
    status: subject = the thing, value = its status (offered / decided / …).
    ``qualifier`` holds "former", "about", "negated", "resolved" and the like.
    """

    KIND: ClassVar[str] = "fact"
    id: str
    article_id: str
    kind: FactKind
    subject: str
    value: str
    span: Span
    extractor: str
    normalized: str | None = None
    qualifier: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """A check-worthy sentence of an article with its attribution and hedging."""

    KIND: ClassVar[str] = "claim"
    id: str
    article_id: str
    text: str
    span: Span
    attribution: str | None  # None: the outlet's own voice; else the named source
    hedged: bool
    extractor: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one article says about one claim of another article of the same story."""

    KIND: ClassVar[str] = "evidence"
    id: str
    story_id: str
    claim_id: str
    article_id: str
    stance: Stance
    span: Span | None
    score: float
    # False when the article is a copy of the claim's, or reused the claim's passage
    independent: bool


@dataclass(frozen=True, slots=True)
class Side:
    value: str
    article_ids: tuple[str, ...]
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """A result of comparing a story's articles.

    corroborated / single_source: one claim (``subject`` = claim id) and its witnesses;
    conflict: ``topic`` and two or more sides, ``detail["type"]`` = role, number, quote, …;
    inconsistency: as a conflict, both sides in one article (``stages/within.py``);
    quote: one quotation across articles (the ledger), ``detail["carriers"]``;
    person: one person of the story, ``detail["aliases"]`` and ``detail["roles"]``;
    timeline: one dated event, ``topic`` = ISO date, ``detail["what"]``;
    reliability: one article (``subject``), ``score`` in [0, 1], ``detail["reasons"]``.
    """

    KIND: ClassVar[str] = "finding"
    id: str
    story_id: str
    kind: FindingKind
    topic: str
    sides: tuple[Side, ...]
    explanation: str
    score: float = 0.0
    subject: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a brief: taken from an article or composed from verified items only."""

    text: str
    citations: tuple[Span, ...]
    composed: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    key: str  # established, disputed, single_source, quotes, people, timeline, reliability
    title: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Brief:
    KIND: ClassVar[str] = "brief"
    id: str
    story_id: str
    headline: str
    sections: tuple[Section, ...]


@dataclass(frozen=True, slots=True)
class Override:
    """A person's decision about stories, kept across re-runs: ``merge`` puts the articles in
    one story; ``split`` takes them out of their story into a story of their own."""

    KIND: ClassVar[str] = "override"
    id: str
    action: Literal["merge", "split"]
    article_ids: tuple[str, ...]
    by: str
    at: str  # ISO 8601 UTC
    note: str = ""


@dataclass(frozen=True, slots=True)
class Failure:
    """An input or stage error kept as data: the batch goes on and nothing stored is lost."""

    KIND: ClassVar[str] = "failure"
    id: str
    stage: str
    source: str
    error: str  # the error class, e.g. "EmptyInput"
    message: str  # what a person reads: what is wrong and what to do


@dataclass(frozen=True, slots=True)
class Run:
    """That a story stage ran on a story, and on what: ``key`` hashes the stage's code and
    settings and every item it was given. A later run whose key is the same skips that story:
    its results are already stored (only the stories a new article touched are redone)."""

    KIND: ClassVar[str] = "run"
    id: str
    story_id: str
    stage: str
    key: str


Item = (
    RawDocument | Article | DuplicateGroup | Story | Quote | Fact | Claim | Evidence | Finding
    | Brief | Override | Failure | Run
)

KINDS: dict[str, type] = {
    cls.KIND: cls
    for cls in (
        RawDocument, Article, DuplicateGroup, Story, Quote, Fact, Claim, Evidence, Finding,
        Brief, Override, Failure, Run,
    )
}
