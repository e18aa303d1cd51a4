"""QuoteExtractor: direct, partial and indirect quotes of an article, with speaker and cue.

Direct quotes are found from quotation marks (straight, curly, single curly, guillemets, German
low marks), paragraph by paragraph; an opening mark left open at a paragraph's end continues
when the next paragraph opens with a mark. Apostrophes ("We’re", "Rubio's") are not marks and a
stray mark never breaks extraction. The speaker is the subject of the cue verb ("said", "added",
"was quoted as saying", …) nearest the quote in its sentence(s) (or a "Rubio said:" sentence
just before), resolved to the person's fullest name; pronouns go to the person mentioned last
and descriptions ("the spokesperson") to the person holding that role. Indirect quotes are the
clauses of "X said (that) …", "X told … that …" and "according to X, …". Headings are skipped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..ids import content_id
from ..nlp.spacy_backend import Parsed, analyse
from ..pipeline import MapStage
from ..text.names import PRONOUNS, is_title
from ..types import Article, Item, Quote, QuoteKind, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

CUES = frozenset("""
say add state tell note warn explain continue reiterate quote insist argue claim declare announce
ask reply respond write tweet post remark emphasise emphasize stress acknowledge admit confirm deny
concede caution suggest urge recall observe assert maintain comment mention predict promise vow
clarify allege reveal disclose report indicate agree testify
""".split())
INDIRECT = CUES - {"continue", "quote", "ask", "reply", "respond", "post", "tweet", "write",
                   "urge", "agree", "predict", "promise", "vow", "comment"}
CUE_WORDS = {"said", "says", "saying", "added", "adding", "stated", "told", "noted", "warned",
             "explained", "continued", "reiterated", "quoted", "emphasised", "emphasized"}
SUBJECTS = ("nsubj", "nsubjpass")
CLIMB = ("xcomp", "advcl", "conj", "ccomp", "pcomp", "prep", "relcl", "acl", "parataxis")
DOUBLE = {"\u201c": "\u201d\"", "\u201e": "\u201c\u201d\"", "\u00ab": "\u00bb", '"': "\"\u201d"}
STRONG = "\u201c\u201e\u00ab"
SINGLE = {"\u2018": "\u2019'", "'": "'\u2019", "\u2039": "\u203a", "\u201a": "\u2018\u2019"}
BEFORE_OPEN = " \t\n([{\u2014\u2013-/:;,\u201c\"\u2018"
NAME_USE = {"a", "an", "the", "'s", "\u2019s", "of", "called", "dubbed", "named", "so-called", "its",
            "his", "her", "their", "our"}
SMALL_WORDS = {"of", "the", "and", "for", "to", "a", "in", "on", "at"}
TRAILING = re.compile(r"[\s,;:\u2014\u2013-]*(?:\b(?:saying|adding|noting|explaining)\b)?[\s,;:]*$")


@dataclass
class Found:
    """A run of quoted words: pieces of (start, end) offsets, one per paragraph."""

    pieces: list[tuple[int, int]]
    open_mark: int
    close_mark: int  # offset of the closing mark, or the paragraph end when left open

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


class QuoteExtractor(MapStage):
    name = "quotes"
    requires = ("article",)
    provides = ("quote",)

    def process(self, item: Any) -> Iterable[Item]:
        if not isinstance(item, Article) or not item.text.strip():
            return []
        return list(self.extract(analyse(item)))

    def extract(self, parsed: Parsed) -> Iterator[Quote]:
        article = parsed.article
        found = find_quoted(article)
        ranges = [(f.open_mark, f.close_mark + 1) for f in found]
        previous: tuple[str | None, int] = (None, -2)
        for f in found:
            text = " ".join(article.text[s:e] for s, e in f.pieces)
            cue_token, speaker = find_cue(parsed, f, ranges)
            kind = quote_kind(article.text, f, text)
            if cue_token is None:
                if kind == "partial" and name_like(article.text, f, text):
                    continue
                if kind == "direct" and previous[1] >= _paragraph_index(article, f.open_mark) - 1:
                    speaker = previous[0]  # a quotation continued after "…,” she said. “…"
            if kind == "direct":
                previous = (speaker, _paragraph_index(article, f.close_mark))
            yield self._quote(article, f.start, f.end, text, speaker,
                              cue_token.text if cue_token is not None else None, kind)
        yield from self._indirect(parsed, ranges)

    def _quote(self, article: Article, start: int, end: int, text: str, speaker: str | None,
               cue: str | None, kind: QuoteKind) -> Quote:
        return Quote(
            id=content_id(article.id, start, end, self.extractor), article_id=article.id,
            text=text, speaker=speaker, cue=cue, kind=kind, span=Span(article.id, start, end),
            extractor=self.extractor,
        )

    def _indirect(self, parsed: Parsed, ranges: list[tuple[int, int]]) -> Iterator[Quote]:
        article, seen = parsed.article, set()
        for start, end, speaker, cue in indirect_clauses(parsed, ranges):
            if (start, end) not in seen:
                seen.add((start, end))
                yield self._quote(article, start, end, article.text[start:end], speaker, cue,
                                  "indirect")


# -- quotation marks ---------------------------------------------------------------------------

@dataclass
class Open:
    """A quotation opened and not yet closed."""

    mark: int  # offset of the first opening mark
    closers: str
    double: bool
    body: int  # start of the current paragraph's piece
    pieces: list[tuple[int, int]]  # pieces of earlier paragraphs


def find_quoted(article: Article) -> list[Found]:
    """Every run of quoted words outside headings, in text order."""
    found: list[Found] = []
    pending: Open | None = None
    text = article.text
    for paragraph in article.paragraphs:
        start = paragraph.start
        while start < paragraph.end and text[start].isspace():
            start += 1
        if pending is not None:
            if paragraph.kind != "heading" and start < paragraph.end and text[start] in DOUBLE:
                pending.closers += DOUBLE[text[start]]
                pending.body = start + 1
                pending = _scan(text, start + 1, paragraph.end, pending, found)
                continue
            if pending.pieces:
                found.append(Found(pending.pieces, pending.mark, pending.pieces[-1][1]))
            pending = None
        if paragraph.kind != "heading":
            pending = _scan(text, start, paragraph.end, None, found)
    if pending is not None and pending.pieces:
        found.append(Found(pending.pieces, pending.mark, pending.pieces[-1][1]))
    return found


def _scan(text: str, i: int, end: int, state: Open | None, found: list[Found]) -> Open | None:
    """Scan one paragraph; returns the double quotation left open at its end, if any."""
    while i < end:
        ch = text[i]
        if state is not None and ch in state.closers and _closes(text, i, end, ch):
            _emit(text, state, i, i, found)
            state = None
        elif ch in DOUBLE and _opens(text, i, end) and (
                state is None or not state.double or ch in STRONG):
            if state is not None and state.double:
                _emit(text, state, i, i - 1, found)  # left open: it ends where the next opens
            state = Open(i, DOUBLE[ch], True, i + 1, [])
        elif ch in SINGLE and state is None and _opens(text, i, end, single=True):
            state = Open(i, SINGLE[ch], False, i + 1, [])
        i += 1
    if state is None or not state.double:
        return None
    piece = _trim(text, state.body, end)
    state.pieces = state.pieces + [piece] if piece else state.pieces
    return state


def _emit(text: str, state: Open, end: int, close: int, found: list[Found]) -> None:
    piece = _trim(text, state.body, end)
    pieces = state.pieces + [piece] if piece else state.pieces
    if pieces and any(ch.isalnum() for s, e in pieces for ch in text[s:e]):
        found.append(Found(pieces, state.mark, close))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return (start, end) if end > start else None


def _opens(text: str, i: int, end: int, single: bool = False) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    if after.isspace():
        return False
    if not single:
        return text[i] in STRONG or before in BEFORE_OPEN
    if not (after.isalnum() or after in "\u2026."):
        return False
    return before in BEFORE_OPEN or (text[i] != "'" and not before.isalnum())


def _closes(text: str, i: int, end: int, ch: str) -> bool:
    if ch in "\u201d\u00bb\u00ab\u203a":
        return True
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    if ch in "\u2019'\u2018":  # single: not an apostrophe inside a word
        return not before.isspace() and not after.isalnum()
    return not before.isspace() or not after.isalnum()


def _paragraph_index(article: Article, char: int) -> int:
    starts = [p.start for p in article.paragraphs]
    return bisect.bisect_right(starts, char) - 1


# -- kind ----------------------------------------------------------------------------------------

def quote_kind(text: str, f: Found, words: str) -> QuoteKind:
    before = text[max(0, f.open_mark - 60):f.open_mark].rstrip()
    last_word = re.search(r"(\w+)\W*$", before)
    boundary = (not before or before[-1] in ":,.!?;\u2014\u2013(-\n"
                or (last_word is not None and last_word.group(1).lower() in CUE_WORDS))
    after = text[f.close_mark + 1:f.close_mark + 3].lstrip()
    runs_on = bool(after) and after[0].isalpha() and not words.rstrip().endswith(
        (",", ".", "!", "?", "\u2026"))
    if boundary and (words[:1].isupper() or words[:1].isdigit()) and not runs_on:
        return "direct"
    return "partial"


def name_like(text: str, f: Found, words: str) -> bool:
    """“Board of Peace”, Trump's “America First”: a title-case name, not a quotation."""
    tokens = words.split()
    if not tokens or len(tokens) > 4 or words.endswith((".", "!", "?", ",")):
        return False
    if not all(t[:1].isupper() or t.lower() in SMALL_WORDS for t in tokens):
        return False
    previous = re.search(r"([\w'\u2019-]+)\W*$", text[max(0, f.open_mark - 30):f.open_mark])
    word = previous.group(1).lower() if previous else ""
    return word in NAME_USE or word.endswith(("'s", "\u2019s"))


# -- speakers ------------------------------------------------------------------------------------

def find_cue(parsed: Parsed, f: Found, quoted: list[tuple[int, int]]) -> tuple[Token | None,
                                                                              str | None]:
    """The cue verb nearest the quote in its sentence(s) and its resolved speaker."""
    start = parsed.sentence_at(f.open_mark)[0]
    end = parsed.sentence_at(max(f.close_mark - 1, f.open_mark))[1]
    best = _best_cue(parsed, start, max(end, f.close_mark), f, quoted)
    if best[0] is None:
        before = parsed.article.text[:f.open_mark].rstrip()
        if before.endswith(":"):
            prev = parsed.sentence_at(len(before) - 1)
            best = _best_cue(parsed, prev[0], prev[1], f, quoted)
    return best


def _best_cue(parsed: Parsed, start: int, end: int, f: Found,
              quoted: list[tuple[int, int]]) -> tuple[Token | None, str | None]:
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, None
    ranked = []
    for token in span:
        if _inside(token.idx, quoted) or not is_cue(token):
            continue
        speaker = speaker_of(parsed, token, quoted)
        rank = 0 if speaker in parsed.people.names else 1 if speaker else 2
        distance = min(abs(token.idx - f.open_mark), abs(token.idx - f.close_mark))
        ranked.append((rank, distance, token.i, token, speaker))
    if not ranked:
        return None, None
    best = min(ranked)
    return best[3], best[4]


def is_cue(token: Token) -> bool:
    if token.lower_ == "according":
        return True
    return token.pos_ in ("VERB", "AUX") and (token.lemma_.lower() in CUES
                                              or token.lower_ in CUE_WORDS)


def _inside(char: int, ranges: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(ranges, (char, len(ranges) + 10**9)) - 1
    return i >= 0 and ranges[i][0] <= char < ranges[i][1]


def speaker_of(parsed: Parsed, cue: Token, quoted: list[tuple[int, int]]) -> str | None:
    """The subject of ``cue`` (climbing "went on to say", "quoted as saying"), as a name."""
    if cue.lower_ == "according":
        objects = [t for c in cue.children if c.lower_ == "to" for t in c.children
                   if t.dep_ == "pobj"]
        return name_of(parsed, objects[0], quoted) if objects else None
    token = cue
    for _ in range(4):
        subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            if subject.lower_ in ("who", "that") and token.dep_ == "relcl":
                subject = token.head
            return name_of(parsed, subject, quoted)
        if token.dep_ not in CLIMB or token.head is token:
            return None
        token = token.head
    return None


def name_of(parsed: Parsed, token: Token, quoted: list[tuple[int, int]]) -> str | None:
    people = parsed.people
    for candidate in (token, *(c for c in token.children if c.dep_ in ("appos", "compound"))):
        mention = people.at(candidate.i)
        if mention is not None:
            return mention.name
    if token.lower_ in PRONOUNS:
        return people.before(token.idx, quoted)
    if token.pos_ == "PRON":
        return None
    if is_title(token):
        holder = people.by_role(token.lemma_, token.idx)
        if holder:
            return holder
    return _phrase(parsed, token)


def _phrase(parsed: Parsed, token: Token) -> str | None:
    """The noun phrase of ``token`` up to the token itself ("A White House official")."""
    left = token.left_edge
    if token.i - left.i > 7:
        left = token
        while left.i > 0 and parsed.doc[left.i - 1].dep_ in ("compound", "amod", "det"):
            left = parsed.doc[left.i - 1]
    text = parsed.article.text[left.idx:token.idx + len(token)].strip()
    return text or None


# -- indirect quotes -----------------------------------------------------------------------------

def indirect_clauses(parsed: Parsed,
                     quoted: list[tuple[int, int]]) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, speaker, cue) of reported clauses outside quotation marks and headings."""
    text = parsed.article.text
    for token in parsed.doc:
        if _inside(token.idx, quoted) or parsed.paragraph_kind(token.idx) == "heading":
            continue
        if token.lower_ == "according":
            found = _according(parsed, token, quoted)
        elif token.pos_ == "VERB" and token.lemma_.lower() in INDIRECT:
            found = _reported(parsed, token, quoted)
        else:
            continue
        if found and len(text[found[0]:found[1]].split()) >= 3:
            yield found


def _reported(parsed: Parsed, cue: Token,
              quoted: list[tuple[int, int]]) -> tuple[int, int, str, str] | None:
    clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    speaker = speaker_of(parsed, cue, quoted)
    if clause is None or speaker is None:
        return None
    tokens = [t for t in clause.subtree]
    if tokens and tokens[0].dep_ == "mark" and tokens[0].lower_ == "that":
        tokens = tokens[1:]
    if not tokens:
        return None
    sentence = parsed.sentence_at(cue.idx)
    start = max(tokens[0].idx, sentence[0])
    end = min(tokens[-1].idx + len(tokens[-1]), sentence[1])
    return _clip(parsed, start, end, quoted, speaker, cue.text)


def _according(parsed: Parsed, token: Token,
               quoted: list[tuple[int, int]]) -> tuple[int, int, str, str] | None:
    speaker = speaker_of(parsed, token, quoted)
    phrase = list(token.subtree)
    if speaker is None or not phrase:
        return None
    text = parsed.article.text
    s_start, s_end = parsed.sentence_at(token.idx)
    p_start, p_end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    if not text[s_start:p_start].strip(" ,"):
        return _clip(parsed, p_end, s_end, quoted, speaker, "according to")
    if not text[p_end:s_end].strip(" .,"):
        return _clip(parsed, s_start, p_start, quoted, speaker, "according to")
    return None


def _clip(parsed: Parsed, start: int, end: int, quoted: list[tuple[int, int]], speaker: str,
          cue: str) -> tuple[int, int, str, str] | None:
    """Trim a clause to its words, stopping before the first quotation mark inside it."""
    text = parsed.article.text
    for q_start, q_end in quoted:
        if start < q_end and q_start < end:
            if q_start <= start:
                return None
            end = q_start
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    match = TRAILING.search(text, start, end)
    if match and match.start() < end:
        end = match.start()
    end = end - 1 if end > start and text[end - 1] == "." else end
    return (start, end, speaker, cue) if end > start else None
