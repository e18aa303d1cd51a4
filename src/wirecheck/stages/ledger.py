"""The quote ledger: each quotation of a story across its articles, and how each carries it.

A quotation is carried verbatim (the same words, a fragment of them, two overlapping excerpts
of one remark, or two wordings that differ only as transcriptions do: ``slight``, an editor's
"[bracketed]" words left out), as a variant (a run of six words in common and half of its
words, the two of comparable length; or the same six opening words; or a run of eight; or the
same opening as another of the same speaker: ``same_opening``), or as a paraphrase (an indirect
quote with the words of a quotation). Which variants are conflicts is decided in
``conflicts.quote_conflicts``.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz

from ..ids import fold_accents, normalize_for_hash
from ..text.quotemarks import SHORT_WORDS
from ..text.similarity import STOP, content_words, word_ngrams
from ..types import Quote, Span
from .sources import People


@dataclass
class LedgerEntry:
    """One quotation across the story: its carriers and how each carries it."""

    text: str
    speaker: str | None
    kind: str
    carriers: list[tuple[Quote, str]]  # (quote, "verbatim" | "variant" | "paraphrase")

    def forms(self, besides: str | None = None) -> list[str]:
        """Its words as each carrier quotes them word for word, the longest first; ``besides``:
        but for the forms of that article."""
        first = self.carriers[0][0].article_id if self.carriers else None
        return list(dict.fromkeys([*([self.text] if first != besides else []),
                                   *(q.text for q, how in self.carriers
                                     if how == "verbatim" and q.article_id != besides)]))


# an editor's words inside a quotation ("[of Congress]", "(local)") and a hashtag after it
EDITORIAL = re.compile(r"\[[^\]]*\]|\([^)]*\)|#\w+")


@lru_cache(maxsize=8192)
def quote_norm(text: str) -> str:
    """Words only: "O.K." and "OK", "I.R.S." and "IRS", dashes and commas, an editor's
    bracketed words and a hashtag do not make a variant."""
    text = re.sub(r"(?<=\w)\.(?=\w)", "", fold_accents(normalize_for_hash(text)))
    text = EDITORIAL.sub(" ", text)
    return " ".join(re.sub(r"[^\w\s']", " ", text).split())


def quote_match(entry_text: str, quote_text: str, same: float) -> str | None:
    """"verbatim" (the same words, a fragment of them, or two overlapping excerpts of one
    remark), "variant" (the same remark in other words: see ``_close``), or None. An editor's
    [bracketed] words are compared both left out and kept ("pay [for] it" / "pay for it")."""
    found = _quote_match(entry_text, quote_text, same)
    if found != "verbatim" and "[" in entry_text + quote_text:
        unwrapped = [re.sub(r"[\[\]]", "", t) for t in (entry_text, quote_text)]
        kept = _quote_match(unwrapped[0], unwrapped[1], same)
        found = kept if kept == "verbatim" else found
    return found


def _quote_match(entry_text: str, quote_text: str, same: float) -> str | None:
    a, b = quote_norm(entry_text), quote_norm(quote_text)
    if not a or not b:
        return None
    wa, wb = quote_words(entry_text), quote_words(quote_text)
    if _inside(wa, wb) or _inside(wb, wa) or _excerpts(wa, wb):
        return "verbatim"
    for x, y in ((a, b), (" ".join(wa), " ".join(wb))):
        short, long_ = sorted((x, y), key=len)  # (then contractions and numbers spelled alike)
        if len(short) >= 12 and fuzz.partial_ratio(short, long_, score_cutoff=same) >= same:
            return "verbatim"
    if _ngrams(a, 6) & _ngrams(b, 6) and (
            _close(wa, wb) or _departs(wa, wb) or _ngrams(a, 8) & _ngrams(b, 8)):
        return "verbatim" if slight(entry_text, quote_text) else "variant"
    return None


@lru_cache(maxsize=16384)
def _ngrams(text: str, n: int) -> frozenset[tuple[str, ...]]:
    """``word_ngrams``, once per quotation (a story's ledger compares each with every entry)."""
    return frozenset(word_ngrams(text, n))


def _inside(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """A fragment: the same words, or three or more of them running inside the other's."""
    n = len(short)
    return short == long_ or 3 <= n <= len(long_) and any(
        long_[i:i + n] == short for i in range(len(long_) - n + 1))


def _departs(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The shorter quotation opens with six or more words of the longer (and 40% of itself),
    then departs from it: one remark, quoted differently from there on."""
    short, long_ = sorted((a, b), key=len)
    n = max(6, math.ceil(0.4 * len(short)))
    return len(short) > n and _inside(short[:n], long_)


def _excerpts(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two excerpts of one remark that overlap: one ends with four or more words the other
    starts with ("... the one thing you don't do is engage in a land war" / "you don't do is
    engage in a land war, alright, because ...")."""
    for x, y in ((a, b), (b, a)):
        for n in range(min(len(x), len(y)) - 1, 3, -1):
            if x[-n:] == y[:n]:
                return True
    return False


def _close(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same remark: the words in common are half the shorter quotation or more, and the
    shorter is at least half as long as the longer (two remarks that share a phrase, or a
    short one that opens like a long one, are not one remark)."""
    short, long_ = sorted((len(a), len(b)))
    if not short or short < 0.5 * long_:
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) >= 0.5 * short


FILLER_WORDS = frozenset("the a an and but so well however oh uh um that of i you".split())
NEGATION_WORDS = frozenset("not n't never no nor cannot".split())


SWAPS = (frozenset("it they that this these those he she there".split()),
         frozenset("have has got had".split()))
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
CONTRACTIONS = {"n't": " not", "'re": " are", "'ll": " will", "'ve": " have", "'m": " am",
                "'d": " would"}


@lru_cache(maxsize=8192)
def quote_words(text: str) -> tuple[str, ...]:
    """Quote words for a diff: a censored word ("f***ing", "b----") keeps its first letter and
    a star, number words are digits, contractions are spelled out ("I'd" / "I would")."""
    text = re.sub(r"\b(\w)\w*(?:\*+|-{2,})[\w*-]*", r"\1STAR", text).replace("\u2019", "'")
    text = re.sub(r"\b(wo|ca)n't\b", lambda m: {"wo": "will", "ca": "can"}[m.group(1)] + " not",
                  text, flags=re.I)
    for short, long_ in CONTRACTIONS.items():
        text = text.replace(short, long_)
    words = quote_norm(text.replace("-", " ")).split()
    return tuple(NUMBER_WORDS.get(w, w).replace("star", "*") for w in words)


def slight(a: str, b: str) -> bool:
    """Two wordings of a quotation that differ only as transcriptions do: a filler word ("on
    the part of" / "on part of"), one word more or less, a pronoun or "have" for another, a
    censored word, a name's spelling, "say" / "said", "any" / "anything", or words left out
    where one of them shows an ellipsis. A negation or a number never is slight; another
    content word in place of one ("visit" / "message") is not either."""
    ellipsis = any(mark in text for text in (a, b) for mark in ("\u2026", "..."))
    return _slight(quote_words(a), quote_words(b), ellipsis)


def _slight(wa: tuple[str, ...], wb: tuple[str, ...], ellipsis: bool = False) -> bool:
    """``slight`` of two quotations' ``quote_words``."""
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        x, y = wa[i1:i2], wb[j1:j2]
        if (set(x) | set(y)) & NEGATION_WORDS or any(w.isdigit() for w in (*x, *y)):
            return False
        if (not x or not y) and ellipsis:
            continue
        if len(x) + len(y) == 1 or (len(x) + len(y) <= 2 and set(x + y) <= FILLER_WORDS):
            continue  # one word more or less ("pay [for] it", "your taxes" / "taxes")
        if len(x) == len(y) == 1 and (any({x[0], y[0]} <= group for group in SWAPS) or (
                min(len(x[0]), len(y[0])) >= 3 and (x[0].startswith(y[0])
                                                    or y[0].startswith(x[0])))):
            continue  # "they" / "it", "have" / "got", "any" / "anything"
        if len(x) == len(y) == 1 and (x[0].endswith("*") or y[0].endswith("*")) \
                and x[0][0] == y[0][0]:
            continue
        if 0 < len(x) <= 3 and 0 < len(y) <= 3 and fuzz.ratio(" ".join(x), " ".join(y)) >= 55:
            continue
        return False
    return True


COMMON_OPENING = frozenset(["think", "know", "believe", "going", "want", "say", "mean"])


def same_opening(a: str, b: str) -> bool:
    """A quotation that opens like another of the same speaker and then departs from it: four
    opening words in common, two of them content words, and 40% of the shorter quotation; or,
    for a quotation of eight words or fewer, three words (two when the two are of one length
    give or take a word), one content word, and half of it; the shorter at least half as long
    as the longer. The other may also be quoted from further back in the sentence: a quotation
    that opens so, with three words or more, like the rest of the other's words from inside
    them ("Judge Moore will do the …" / "… if these allegations are true, Judge Moore will do
    the right thing and step aside"), and departs from them more than slightly (``slight``:
    "… a spot at the bar" of "… not a spot at a bar" is the same words)."""
    wa, wb = quote_norm(a).split(), quote_norm(b).split()
    if _opens_alike(wa, wb):
        return True
    return any(y[i] == x[0] and _opens_alike(x, y[i:], inner=True)
               and not _slightly_inside(*((a, b) if x is wa else (b, a)))
               for x, y in ((wa, wb), (wb, wa)) if x for i in range(1, len(y)))


def _slightly_inside(short: str, long_: str) -> bool:
    """The words of ``short`` are, but for ``slight`` differences, the rest of ``long_`` from
    one of its words, or as many of its words from there."""
    ws, wl = quote_words(short), quote_words(long_)
    return bool(ws) and any(_slight(ws, wl[i:]) or _slight(ws, wl[i:i + len(ws)])
                            for i in range(len(wl)) if wl[i] == ws[0])


def _opens_alike(wa: Sequence[str], wb: Sequence[str], inner: bool = False) -> bool:
    """``same_opening`` of two quotations' words (``inner``: the second's from inside them)."""
    common = 0
    for x, y in zip(wa, wb, strict=False):
        if x != y:
            break
        common += 1
    if inner and common < 3:
        return False
    shorter = min(len(wa), len(wb))
    if shorter < 0.5 * max(len(wa), len(wb)):
        return False  # a short remark that opens like a long one: another remark
    content = len(content_words(" ".join(wa[:common])) - COMMON_OPENING)
    if shorter <= 8:
        same_length = abs(len(wa) - len(wb)) <= 1  # "It's always been bipartisan" / "… here"
        return common >= (2 if same_length else 3) and common >= 0.5 * shorter and content >= 1
    return common >= 4 and common >= 0.4 * shorter and content >= 2


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"'])")
# a period that ends an abbreviation, not a sentence: "the U.S. Attorney's office", "Mr. Smith"
ABBREVIATION = re.compile(rf"(?:\b(?:[A-Z]\.){{2,}}|\b{SHORT_WORDS}\.)$")


def _opens_sentence(text: str) -> bool:
    """After an abbreviation's period, a word that opens a sentence rather than goes on with a
    name ("… to the F.B.I. Nothing happened", not "the U.S. Attorney's office")."""
    word = re.match(r"[\w']+", text.lstrip("\u201c\"'"))
    return word is not None and word.group(0).lower() in SENTENCE_OPENERS


SENTENCE_OPENERS = STOP | frozenset(["nothing", "nobody", "none", "no", "yes", "if", "now",
                                     "yet", "still", "because", "since", "although", "i"])


def sentences_of(quote: Quote) -> list[Quote]:
    """A quotation of several sentences, as one quote per sentence (offsets kept exact)."""
    pieces, start = [], 0
    ends = [m for m in SENTENCE_END.finditer(quote.text)
            if not ABBREVIATION.search(quote.text, 0, m.start())
            or _opens_sentence(quote.text[m.end():])]
    for match in [*ends, None]:
        end = match.start() if match else len(quote.text)
        piece = quote.text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            span = Span(quote.span.article_id, quote.span.start + start + lead,
                        quote.span.start + start + len(piece.rstrip()))
            pieces.append(replace(quote, text=piece.strip(), span=span))
        start = match.end() if match else start
    return pieces or [quote]


KIND_ORDER = {"direct": 0, "partial": 1, "indirect": 2}


def quote_ledger(quotes: list[Quote], people: People, same: float) -> list[LedgerEntry]:
    """Quotations grouped by their words, sentence by sentence (a sentence resumed after its
    speech tag is one: ``_resumed``); a fragment joins the longest
    form it belongs to; an indirect quote with the words of a quotation is a paraphrase
    carrier, with the words of another indirect quote a verbatim one. A quotation that only
    opens like another of its speaker (``same_opening``) as other articles quote it is its
    variant (an article's own two sentences alike are two sentences: "I want a leadership team
    that can bring …", "A leadership team that can help unite …")."""
    entries: list[LedgerEntry] = []
    nested = _nested(quotes, people)
    quotes = [q for q in quotes if not denied(q) and q.id not in nested]
    units = _resumed([sentences_of(quote) for quote in quotes])
    ordered = sorted(units, key=lambda u: (KIND_ORDER[u[1][0].kind], -len(u[0]),
                                           u[1][0].article_id, u[1][0].span.start))
    for text, pieces in ordered:  # (words in quotation marks lead)
        quote = pieces[0]
        speaker = people.resolve(quote.speaker)
        matched = False
        for entry in entries:
            match = quote_match(entry.text, text, same)
            if match is None and speaker and speaker == entry.speaker \
                    and "indirect" not in (quote.kind, entry.kind) \
                    and any(same_opening(form, text) for form in entry.forms(quote.article_id)):
                match = "variant"
            if match is None:
                continue
            if quote.kind == "indirect" and (entry.kind != "indirect" or match != "verbatim"):
                match = "paraphrase"  # (the same reported words in two outlets are verbatim)
            entry.carriers.extend((piece, match) for piece in pieces)
            matched = True
        if not matched:
            entries.append(LedgerEntry(text, speaker, quote.kind,
                                       [(piece, "verbatim") for piece in pieces]))
    return entries


def _nested(quotes: list[Quote], people: People) -> set[str]:
    """The ids of indirect quotes inside another quote of their article and speaker, which
    are part of that one ("adding that the US is still optimistic about wider international
    support": not "wider international support" a second time)."""
    by_article: dict[tuple[str, str], list[Quote]] = defaultdict(list)
    for quote in quotes:
        speaker = people.resolve(quote.speaker)
        if speaker:
            by_article[(quote.article_id, speaker)].append(quote)
    return {q.id for group in by_article.values() for q in group if q.kind == "indirect"
            and any(o.span.start <= q.span.start and q.span.end <= o.span.end
                    and (o.span.start, o.span.end) != (q.span.start, q.span.end) for o in group)}


def _resumed(quotes: list[list[Quote]]) -> list[tuple[str, list[Quote]]]:
    """Each quotation's sentences as (words, pieces); a sentence resumed after its speech tag
    ('“I trust in God,” Mr. Obama said, “but God wants …”') is one sentence of two pieces, so
    that it is matched as the others quote it whole (each piece alone may be the part of it
    that another outlet altered)."""
    units: list[tuple[str, list[Quote]]] = []
    last: Quote | None = None  # the previous quotation's last sentence, if it may go on
    for sentences in sorted(quotes, key=lambda qs: (qs[0].article_id, qs[0].span.start)):
        first = sentences[0]
        if last is not None and units and _resumes(last, first):
            text, pieces = units.pop()
            units.append((f"{text} {first.text}", [*pieces, first]))
            sentences = sentences[1:]
        units += [(piece.text, [piece]) for piece in sentences]
        last = sentences[-1] if sentences else None
    return units


def _resumes(before: Quote, after: Quote) -> bool:
    """The same speaker's direct quotation goes on after a short speech tag: the first ends no
    sentence, the second opens in lower case and is direct, which the extractor makes it only
    then ('“…,” she said, “but …”'; ``quotes.resumes``; not '“… hypocritical.” The savings,
    she said, “do not cut …”')."""
    return before.article_id == after.article_id and before.kind == after.kind == "direct" \
        and before.speaker == after.speaker and before.cue == after.cue \
        and 0 < after.span.start - before.span.end <= 40 and after.text[:1].islower() \
        and not before.text.rstrip().endswith((".", "!", "?"))


def denied(quote: Quote) -> bool:
    """The text says the speaker did not say it ("Manley did not say", "never described it as
    …"): no carrier of the words, a witness against them (``denial_conflicts``)."""
    return (quote.cue or "").startswith("not ")
