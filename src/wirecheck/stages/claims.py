"""ClaimExtractor: the check-worthy sentences of an article.

A claim is a sentence of a body paragraph (kind "p" or "list"; never a heading or a caption)
that is not a question and names something checkable: a named entity, a number or a date. Its
``attribution`` is the speaker when the sentence is reported speech ("X said …", "according to
X, …", a quotation with its cue), else None (the outlet's own voice); ``hedged`` marks
"reportedly", "may", "is said to", "expected to" and the like.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..ids import content_id
from ..nlp.spacy_backend import Parsed
from ..text.dates import find_dates
from ..text.quotemarks import find_quoted
from ..types import Claim, Span
from .reading import ArticleStage
from .reported import SAYING
from .speakers import inside, is_cue, speaker_of

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

CLAIM_KINDS = ("p", "list")
CHECKABLE = frozenset(["PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "LAW",
                       "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL"])
HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|possibly|perhaps|apparently|probably|likely|unconfirmed"
    r"|may|might|could|(?:is|are|was|were) (?:said|reported|believed|thought|understood) to"
    r"|appears?|appeared|seems?|expected to|rumou?red)\b",
    re.I,
)
MIN_WORDS = 4


class ClaimExtractor(ArticleStage):
    name = "claims"
    provides = ("claim",)

    def extract(self, parsed: Parsed) -> Iterator[Claim]:
        article = parsed.article
        quoted = [(f.open_mark, f.close_mark + 1) for f in find_quoted(article)]
        entities = sorted(e.start_char for e in parsed.doc.ents if _checkable(e))
        for start, end in parsed.sentences:
            if parsed.paragraph_kind(start) not in CLAIM_KINDS:
                continue
            text = article.text[start:end]
            if not check_worthy(text, _has_entity(entities, start, end)):
                continue
            span = parsed.doc.char_span(start, end, alignment_mode="expand")
            speaker = attribution(parsed, span, quoted) if span is not None else None
            yield Claim(
                id=content_id(article.id, start, end, self.extractor), article_id=article.id,
                text=text, span=Span(article.id, start, end), attribution=speaker,
                hedged=is_hedged(text), extractor=self.extractor,
            )


def check_worthy(text: str, has_entity: bool) -> bool:
    """Not a question, long enough, and naming an entity, a number or a date."""
    stripped = text.rstrip("\"'\u201d\u2019 )")
    if stripped.endswith("?") or len(text.split()) < MIN_WORDS:
        return False
    return has_entity or bool(re.search(r"\d", text) or find_dates(text))


def _has_entity(starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


def _checkable(ent: SpacySpan) -> bool:
    """A named entity or a number; a DATE/TIME only with a number or a date in it (spaCy calls
    "a sad day" a DATE)."""
    if ent.label_ in ("DATE", "TIME"):
        return any(t.like_num for t in ent) or bool(find_dates(ent.text))
    return ent.label_ in CHECKABLE


def _ents_between(parsed: Parsed, start: int, end: int) -> list[SpacySpan]:
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    return list(span.ents) if span is not None else []


def attribution(parsed: Parsed, sentence: SpacySpan | None,
                quoted: list[tuple[int, int]]) -> str | None:
    """The speaker of a sentence of reported speech: the subject of its cue verb (the one
    highest in the parse), or X of "according to X"; None for the outlet's own voice."""
    if sentence is None:
        return None
    has_quote = any(inside(t.idx, quoted) for t in sentence if t.is_punct)
    cues = [t for t in sentence if is_cue(t) and not inside(t.idx, quoted) and (
        has_quote or t.lower_ == "according" or _reports(t))]
    if not cues:
        return None
    cues.sort(key=lambda t: (_depth(t), t.i))
    for cue in cues:
        speaker = speaker_of(parsed, cue, quoted)
        if speaker:
            return speaker.name
    return None


def _reports(token: Any) -> bool:
    """A speech verb with a reported clause: "said (that) …", not "announced the plan"."""
    return token.lemma_.lower() in SAYING and any(c.dep_ == "ccomp" for c in token.children)


def _depth(token: Any) -> int:
    depth = 0
    while token.head is not token and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def is_hedged(text: str) -> bool:
    return HEDGE.search(text) is not None
