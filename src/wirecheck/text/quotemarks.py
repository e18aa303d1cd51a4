"""Quotation marks: the runs of quoted words of an article, and what kind of quotation each is.

Marks of every style are read: straight, curly, single curly (‘…’, as in headlines), guillemets
(«…» and »…«) and German low marks („…“). An apostrophe inside or after a word ("We’re",
"Rubio's") is not a mark; a single mark left open is dropped (it was an apostrophe), a double
mark left open runs to the end of its paragraph, and continues into the next paragraph when
that one opens with a mark (the convention for a quotation over several paragraphs). Headings
are skipped. Pure text: no parse needed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..types import Article, QuoteKind

CUE_WORDS = {"said", "says", "saying", "added", "adding", "stated", "told", "noted", "warned",
             "explained", "continued", "reiterated", "quoted", "emphasised", "emphasized"}
DOUBLE = {"\u201c": "\u201d\"", "\u201e": "\u201c\u201d\"", "\u00ab": "\u00bb", '"': "\"\u201d",
          "\u00bb": "\u00ab"}  # the last: German »…«, only after a space
STRONG = "\u201c\u201e\u00ab"
SINGLE = {"\u2018": "\u2019'", "'": "'\u2019", "\u2039": "\u203a", "\u201a": "\u2018\u2019"}
BEFORE_OPEN = " \t\n([{\u2014\u2013-/:;,\u201c\"\u2018"
NAME_USE = {"a", "an", "the", "'s", "\u2019s", "of", "called", "dubbed", "named", "so-called",
            "its", "his", "her", "their", "our"}
TWO_APOSTROPHES = re.compile(r"(?<!')'{2,3}(?!')")
# words whose period ends no sentence: "Mr. Obama said", "Sen. Lin", "Oct. 14"
SHORT_WORDS = (r"(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Jr|Sr|Inc|Co|Corp|No|Mt|Ft"
               r"|Prof|Rev|Hon|Jan|Feb|Aug|Sept|Oct|Nov|Dec)")
SMALL_WORDS = {"of", "the", "and", "for", "to", "a", "in", "on", "at", "with", "an", "or", "by"}


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


@dataclass
class Open:
    """A quotation opened and not yet closed."""

    mark: int  # offset of the first opening mark
    closers: str
    double: bool
    body: int  # start of the current paragraph's piece
    pieces: list[tuple[int, int]]  # pieces of earlier paragraphs
    inner: str = ""  # closers of a curly quotation nested in a straight one ("… “Shark Tank.” …")


def find_quoted(article: Article) -> list[Found]:
    """Every run of quoted words outside headings, in text order."""
    found: list[Found] = []
    pending: Open | None = None
    text = scan_text(article)
    for kind, start, end in blocks(article):
        while start < end and text[start].isspace():
            start += 1
        if pending is not None:
            if kind != "heading" and start < end and text[start] in DOUBLE:
                pending.closers += DOUBLE[text[start]]
                pending.body, pending.inner = start + 1, ""
                pending = _scan(text, start + 1, end, pending, found)
                continue
            if pending.pieces:
                found.append(Found(pending.pieces, pending.mark, pending.pieces[-1][1]))
            pending = None
        if kind != "heading":
            pending = _scan(text, start, end, None, found)
    if pending is not None and pending.pieces:
        found.append(Found(pending.pieces, pending.mark, pending.pieces[-1][1]))
    for f in found:  # an opening '' was read as " after a space: point at its first '
        if f.open_mark > 0 and text[f.open_mark - 1] == " " and article.text[
                f.open_mark - 1] == "'":
            f.open_mark -= 1
    return found


def scan_text(article: Article) -> str:
    """The text with its odd marks made plain, offsets unchanged: two apostrophes as a double
    mark (''…'', as some wires write), a closing mark opening a paragraph (”…”) as opening."""
    text = article.text
    if "''" not in text and "\u201d" not in text:
        return text
    chars = list(text)
    for match in TWO_APOSTROPHES.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        opening = (before.isspace() or before in BEFORE_OPEN) and not after.isspace()
        if end - start == 2:
            chars[start:end] = ' "' if opening else '" '
        else:  # a single quotation inside closes or opens with the double one
            chars[start:end] = " \"'" if opening else "'\" "
    for _, start, end in blocks(article):
        while start < end and text[start].isspace():
            start += 1
        if start + 1 < end and text[start] == "\u201d" and text[start + 1].isalnum():
            chars[start] = "\u201c"
    return "".join(chars)


def blocks(article: Article) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each paragraph, clipped to the text; the whole text if none."""
    size = len(article.text)
    if not article.paragraphs:
        return [("p", 0, size)]
    return [(p.kind, max(0, min(p.start, size)), max(0, min(p.end, size)))
            for p in article.paragraphs]


def _scan(text: str, i: int, end: int, state: Open | None, found: list[Found]) -> Open | None:
    """Scan one paragraph; returns the double quotation left open at its end, if any."""
    while i < end:
        ch = text[i]
        if state is not None and state.inner:
            if ch in state.inner and _closes(text, i, end, ch):
                state.inner = ""
        elif state is not None and state.double and ch in STRONG and _opens(text, i, end) \
                and _nested(text, i, end, state):
            state.inner = DOUBLE[ch]  # '"… an episode of “Shark Tank.” But …"'
        elif state is not None and (ch in state.closers and _closes(text, i, end, ch)
                                    or _typo_close(text, i, end, state)):
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


def _nested(text: str, i: int, end: int, state: Open) -> bool:
    """Whether the mark at ``i`` opens a quotation inside the open one: in a straight
    quotation, a curly one that closes; in a curly one, “ … ” … ” (two closing marks before
    the next opening one)."""
    closer = DOUBLE[text[i]][0]
    if text[state.mark] == '"':
        return closer in text[i + 1:end]
    rest = text[i + 1:end]
    following = min((rest.find(m) for m in STRONG if m in rest), default=len(rest))
    return rest.count(closer, 0, following) >= 2


def _typo_close(text: str, i: int, end: int, state: Open) -> bool:
    """“… (hashtag)StopGunViolence.’ Schumer was …: a single mark after a full stop, comma,
    "!" or "?" closes a double quotation when no single one is open inside it."""
    return (state.double and text[i] == "\u2019" and i > 0 and text[i - 1] in ".,!?"
            and (i + 1 >= end or text[i + 1].isspace())
            and "\u2018" not in text[state.body:i] and "'" not in text[state.body:i])


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


def paragraph_index(article: Article, char: int) -> int:
    starts = [p.start for p in article.paragraphs]
    return bisect.bisect_right(starts, char) - 1


def quote_kind(text: str, f: Found, words: str) -> QuoteKind:
    raw = text[max(0, f.open_mark - 60):f.open_mark]
    before = raw.rstrip()
    last_word = re.search(r"(\w+)\W*$", before)
    boundary = (not before or "\n" in raw[len(before):]
                or before[-1] in ":,.!?;\u2014\u2013(-\n\u201d\"\u2019'\u00bb)"
                or (last_word is not None and last_word.group(1).lower() in CUE_WORDS))
    after = text[f.close_mark + 1:f.close_mark + 3].lstrip()
    last = text[max(0, f.close_mark - 3):f.close_mark].rstrip("'\u2019\u2018\" ")[-1:]
    runs_on = bool(after) and after[0].isalpha() and last not in ",.!?\u2026"
    if boundary and (words[:1].isupper() or words[:1].isdigit()) and not runs_on:
        return "direct"
    return "partial"


def title_like(text: str, f: Found, words: str) -> bool:
    """“An American Son.”, “Saturday Night Live”: a short title in capitals, not speech (a
    quotation that ends in a comma, "?" or "!" before its mark is taken as speech)."""
    tokens = words.split()
    if not 1 <= len(tokens) <= 6 or words.rstrip()[-1:] in (",", "?", "!"):
        return False
    if text[f.close_mark - 1:f.close_mark] in (",", "?", "!"):
        return False
    return tokens[0][:1].isupper() and all(
        t[:1].isupper() or t[:1].isdigit() or t.lower().strip(".") in SMALL_WORDS
        for t in tokens) and not (len(tokens) > 1 and tokens[1] in ("I", "I'm", "I\u2019m"))


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

