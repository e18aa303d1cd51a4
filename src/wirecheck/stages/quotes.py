"""QuoteExtractor: direct, partial and indirect quotes of an article, with speaker and cue.

Direct quotes are found from quotation marks (see ``text.quotemarks``: every mark style,
apostrophes are not marks, stray marks never break extraction); a quotation over several
paragraphs gives one Quote per paragraph, with the same speaker and cue. ``Quote.text`` is
always exactly the article's text at ``Quote.span``. The cue is the speech verb of the quote's
sentence that the parse attaches to the quote, else the nearest with a speaker; the speaker is
its subject, resolved by ``speakers`` (a pronoun to the person last mentioned, a title to the
person holding it). When the parse finds none: the capitalised name next to a cue word or a
dash after the quote ('“…” ― Carla Sanchez'), 'Said Ellis: “…”', or the subject of a sentence
ending in a colon before the quote. A quotation resumed after its tag ('“…,” Schiff said, “but
…”') and a quotation following its speaker's in the same paragraph share that speaker and
cue. A transcript line ('“PENCE: Well, …”') is quoted from its label. Indirect quotes come from
``reported``. Headings are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from ..ids import content_id
from ..nlp.spacy_backend import Parsed
from ..text.names import PRONOUNS
from ..text.quotemarks import (
    CUE_WORDS,
    SHORT_WORDS,
    Found,
    find_quoted,
    name_like,
    paragraph_index,
    quote_kind,
    title_like,
)
from ..types import Article, Quote, QuoteKind, Span
from .reading import ArticleStage
from .reported import labelled, reported
from .speakers import (
    SUBJECTS,
    Speaker,
    cue_text,
    inside,
    is_cue,
    known_name,
    name_of,
    noun_phrase,
    speaker_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

_NAME = r"[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3}"
_CUE_WORD = r"(?:said|says|added|adds|told|tells|stated|noted|explained|continued|wrote|writes" \
            r"|insisted|argued|recalled|asked)"
SAID_BEFORE = re.compile(rf"\b(?i:{_CUE_WORD})\s+(?P<name>{_NAME})\s*[:,]\s*$")
TAG_BEFORE = re.compile(  # '“…,” Tulsa police Chief Chuck Jordan (D) of the city, [said]'
    rf"\s*[,.]?\s*(?:[\w.'\u2019-]+\s+){{0,4}}?(?P<name>{_NAME})(?:\s+\([^()]{{1,30}}\))?"
    rf"(?:\s+(?:of|from|at)\s+[^,.;]{{1,60}}?|,\s+[^,;\"\u201c\u201d]{{1,80}},)?\s*$")
SOURCE_NOUNS = frozenset("""
report statement letter study poll survey memo email article editorial analysis ad release
spokesman spokeswoman spokesperson official officials campaign committee website post tweet
""".split())
TAG_AFTER = re.compile(rf"\s*(?P<name>{_NAME})")  # '[said] Nadia Quennell'
TAG_DASH = re.compile(rf"\s*[,.]?\s*[\u2015\u2014\u2013-]+\s*(?P<name>{_NAME})")  # '― Jo Ray'


class Attributed(NamedTuple):
    """A quote with where its speaker was read and its cue's offset (None when not found)."""

    quote: Quote
    speaker: Speaker | None
    cue: int | None


class QuoteExtractor(ArticleStage):
    name = "quotes"
    provides = ("quote",)

    def extract(self, parsed: Parsed) -> Iterator[Quote]:
        for attributed in self.attributions(parsed):
            yield attributed.quote

    def attributions(self, parsed: Parsed) -> Iterator[Attributed]:
        """Every quote with its speaker's mention and cue offset (for evaluation)."""
        article = parsed.article
        found = []
        for f in find_quoted(article):
            text = " ".join(article.text[s:e] for s, e in f.pieces)
            kind = quote_kind(article.text, f, text)
            if kind == "direct" and title_like(article.text, f, text):
                continue  # a title in marks: 'her memoir, “Tough Choices.”'
            if kind == "direct" or not name_like(article.text, f, text):
                found.append((f, kind))
        ranges = [(f.open_mark, f.close_mark + 1) for f, _ in found]
        direct: list[tuple[int, int]] = []
        previous: tuple[Speaker | None, int, int | None] = (None, -2, None)
        last: Found | None = None
        for f, kind in found:
            if kind == "partial" and last is not None and resumes(parsed, last, f):
                kind = "direct"  # '“What makes this new,” Schiff said, “but the attempt …”'
            last = f if kind == "direct" else None
            direct += [(f.open_mark, f.close_mark + 1)] if kind == "direct" else []
            cue_token, speaker = find_cue(parsed, f, ranges)
            cue_at = cue_token.idx if cue_token is not None else None
            paragraph = paragraph_index(article, f.open_mark)
            carried = False
            if cue_token is None and speaker is None and kind == "direct" \
                    and previous[1] >= paragraph - 1:
                speaker, cue_at = previous[0], previous[2]  # '…,” she said. “…'
                carried = previous[1] < paragraph and speaker is not None
            if kind == "direct" or speaker is not None:
                previous = (speaker, paragraph_index(article, f.close_mark), cue_at)
            cue = cue_text(cue_token) if cue_token is not None else None
            turn: Speaker | None = None
            for start, end in f.pieces:  # one quote per paragraph of a long quotation
                label = labelled(parsed, start, end) if kind == "direct" else None
                if label is not None:  # a transcript: '“PENCE: Well, look, …'
                    turn, start = label
                if turn is not None:  # the speaker's turn goes on until the next label
                    yield Attributed(self._quote(article, start, end, turn, None, kind),
                                     turn, turn.start)
                    continue
                yield Attributed(self._quote(article, start, end, speaker, cue, kind,
                                             carried), speaker, cue_at)
        yield from self._indirect(parsed, ranges, direct)

    def _quote(self, article: Article, start: int, end: int, speaker: Speaker | None,
               cue: str | None, kind: QuoteKind, carried: bool = False) -> Quote:
        return Quote(
            id=content_id(article.id, start, end, self.extractor), article_id=article.id,
            text=article.text[start:end], speaker=speaker.name if speaker else None, cue=cue,
            kind=kind, span=Span(article.id, start, end), extractor=self.extractor,
            carried=carried,
        )

    def _indirect(self, parsed: Parsed, ranges: list[tuple[int, int]],
                  direct: list[tuple[int, int]]) -> Iterator[Attributed]:
        article, seen = parsed.article, set()
        for p in article.paragraphs:  # 'Pat Caddell: Democrats worried …' (unquoted lines)
            label = labelled(parsed, p.start, p.end) if p.kind != "heading" and not inside(
                p.start, ranges) and not inside(p.start + 1, ranges) else None
            if label is not None and p.end - label[1] > 2:
                seen.add((label[1], p.end))
                written = article.text[label[0].start:label[0].end]
                kind: QuoteKind = "direct" if written.isupper() else "indirect"
                yield Attributed(self._quote(article, label[1], p.end, label[0], None, kind),
                                 label[0], label[0].start)
        for start, end, speaker, cue_at, cue in reported(parsed, ranges, direct):
            if (start, end) not in seen:
                seen.add((start, end))
                quote = self._quote(article, start, end, speaker, cue, "indirect")
                yield Attributed(quote, speaker, cue_at)


# the period of a title or an initial ends no sentence: '“…,” Mr. Obama said, “but …”'
SHORT_FORM = re.compile(rf"\b(?:{SHORT_WORDS}|[A-Z])\.")


def resumes(parsed: Parsed, before: Found, f: Found) -> bool:
    """Whether quotation ``f`` resumes quotation ``before`` after a speech tag in the same
    sentence ('“…,” Schiff said, “but …”')."""
    text = parsed.article.text
    between = text[before.close_mark + 1:f.open_mark]
    if "\n" in between or not between.rstrip().endswith((",", ":", "\u2014")) or re.search(
            r"[!?]|[.]\s+[A-Z]", SHORT_FORM.sub("", between)) or len(between.split()) > 25:
        return False
    span = parsed.doc.char_span(before.close_mark + 1, f.open_mark, alignment_mode="expand")
    return span is not None and any(is_cue(t) for t in span)


# -- speakers of quotations -------------------------------------------------------------

def find_cue(parsed: Parsed, f: Found, quoted: list[tuple[int, int]]
             ) -> tuple[Token | None, Speaker | None]:
    """The cue verb nearest the quote in its sentence(s) and its resolved speaker."""
    start = parsed.sentence_at(f.open_mark)[0]
    end = parsed.sentence_at(max(f.close_mark - 1, f.open_mark))[1]
    best = _best_cue(parsed, start, max(end, f.close_mark), f, quoted)
    if best[1] is None:
        named = _named_after(parsed, f, end) or _said_before(parsed, f, start)
        best = (best[0], named) if named else best
    if best[0] is None and best[1] is None:
        text, i = parsed.article.text, f.open_mark - 1
        while i >= 0 and text[i].isspace():
            i -= 1
        if i >= 0 and text[i] == ":":  # 'Rubio said:' and the quotation after it
            prev = parsed.sentence_at(i)
            best = _best_cue(parsed, prev[0], prev[1], f, quoted)
            if best[1] is None:  # 'Obama is rolling out a new message: “It’s about me.”'
                best = _introducer(parsed, prev[0], i, quoted) or best
        elif i >= 0 and text[i] == "." and "\n" not in text[i:f.open_mark]:
            best = _said_so(parsed, i, f, quoted) or best
    return best


def _said_so(parsed: Parsed, stop: int, f: Found, quoted: list[tuple[int, int]]
             ) -> tuple[Token, Speaker] | None:
    """'Sam Lau said in a statement. “There are no paper ballots …”': a speech verb that
    reports nothing of its own in the sentence just before the quote."""
    prev = parsed.sentence_at(stop)
    span = parsed.doc.char_span(prev[0], stop, alignment_mode="expand")
    for token in span or ():
        if is_cue(token) and token.lower_ != "according" and not any(
                c.dep_ in ("ccomp", "dobj", "xcomp") for c in token.children):
            speaker = speaker_of(parsed, token, quoted)
            if speaker is not None:
                return token, speaker
    return None


def _said_before(parsed: Parsed, f: Found, start: int) -> Speaker | None:
    """'Said Ellis: “…”': the name after a cue word just before the quote."""
    offset = max(start, f.open_mark - 120)
    match = SAID_BEFORE.search(parsed.article.text, offset, f.open_mark)
    if not match:
        return None
    return known_name(parsed, match.group("name"), match.start("name"))


def _introducer(parsed: Parsed, start: int, colon: int, quoted: list[tuple[int, int]]
                ) -> tuple[Token, Speaker] | None:
    """Who a sentence ending in a colon introduces: the subject of its verb nearest the colon
    ('Obama is rolling out a new message: “It’s about me.”', 'the Illinois Board of Elections
    was conclusive in its findings: “…”'), or with no verb the name before the colon ('A lesson
    from Loretta Lynch: ‘…’', 'From the report: “…”')."""
    span = parsed.doc.char_span(start, colon, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")
             and any(c.dep_ in SUBJECTS for c in t.children)]
    if verbs:
        verb = verbs[-1]
        subject = next(c for c in verb.children if c.dep_ in SUBJECTS)
        if inside(subject.idx, quoted) or not _source_like(parsed, subject):
            return None
        speaker = name_of(parsed, subject, quoted)
        return (verb, speaker) if speaker else None
    mentions = [parsed.people.at(t.i) for t in span]
    last = next((m for m in reversed(mentions) if m is not None), None)
    if last is not None:
        first, end = parsed.doc[last.start], parsed.doc[last.end - 1]
        return first, Speaker(last.name, first.idx, end.idx + len(end))
    head = span[-1]
    while head.is_punct and head.i > span.start:
        head = parsed.doc[head.i - 1]
    if head.pos_ in ("PROPN", "NOUN") and _source_like(parsed, head):
        found = noun_phrase(parsed, head)
        return (head, found) if found else None
    return None


def _source_like(parsed: Parsed, token: Token) -> bool:
    """A person, a pronoun for one, or a named organisation or document ("the report")."""
    return (parsed.people.at(token.i) is not None or token.lower_ in PRONOUNS
            or token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "PERSON", "NORP")
            or token.lemma_.lower() in SOURCE_NOUNS)


def _named_after(parsed: Parsed, f: Found, end: int) -> Speaker | None:
    """'“…,” Rosalind Achterberg of the union said' / '“…,” said Nadia Quennell' / '“…” ―
    Carla Sanchez' when the parse misses the subject: the capitalised name next to the first
    cue word (or dash) after the quote, on its line."""
    text, offset = parsed.article.text, f.close_mark + 1
    line = text.find("\n", offset)
    limit = min(line if line >= 0 else len(text), offset + 160)
    dash = TAG_DASH.match(text, offset, limit)
    if dash is None and not text[offset:limit].strip(" .,"):  # '“…”' then a line '-Jo Ray, 34'
        dash = TAG_DASH.match(text, limit, limit + 160)
    if dash:
        return known_name(parsed, dash.group("name"), dash.start("name"))
    span = parsed.doc.char_span(offset, limit, alignment_mode="contract")
    cue = None
    for token in span or ():
        if token.is_quote and token.text not in ("'", "\u2019"):  # not "Workers' Union"
            break
        if is_cue(token) or token.lower_ in CUE_WORDS:
            cue = token
            break
    if cue is None:
        return None
    if not text[offset:cue.idx].strip(" ,"):
        match = TAG_AFTER.match(text, cue.idx + len(cue), limit)
    else:
        match = TAG_BEFORE.match(text, offset, cue.idx)
    if match is None or match.group("name").lower() in PRONOUNS | {"they", "it", "we", "i"}:
        return None  # "… about ‘the day after’ the Gaza war. He noted …": no name
    return known_name(parsed, match.group("name"), match.start("name"))


def _best_cue(parsed: Parsed, start: int, end: int, f: Found,
              quoted: list[tuple[int, int]]) -> tuple[Token | None, Speaker | None]:
    """Of the cue verbs in [start, end) outside quotations, the one the parse attaches to the
    quote, else the one with a speaker, then one whose clause holds the quote ('Obama said the
    massacre is investigated as an “act of terror,” though did not say whether …': "said"),
    nearest first."""
    doc = parsed.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, None
    words = doc.char_span(f.open_mark, f.close_mark + 1, alignment_mode="expand")
    inner = range(words.start, words.end) if words is not None else range(0)
    ranked = []
    for token in span:
        if inside(token.idx, quoted) or not is_cue(token):
            continue
        speaker = speaker_of(parsed, token, quoted)
        attached = token.head.i in inner or any(c.i in inner for c in token.children)
        holds = any(token.is_ancestor(doc[i]) for i in inner)
        distance = min(abs(token.idx - f.open_mark), abs(token.idx - f.close_mark))
        ranked.append((speaker is None, not attached, not holds, distance, token.i, token,
                       speaker))
    if not ranked:
        return None, None
    best = min(ranked, key=lambda r: r[:5])
    return best[5], best[6]
