"""What a conflict is about, in an article's own words.

A date or a polarity conflict is about an event: "when part of the Kestrel footbridge in Port
Amberley collapsed", "whether Abedin forwarded State Department emails". ``event`` reads that
event off the parse: the words of the sentence from the subject of the verb to the verb, with
its object when they stay short and do not take in the disputed value. Every word is the
article's, in its order, so a topic never says what no source says. Where the parse gives no
such words (no subject, a pronoun for subject or object, a light verb alone, more than
``LIMIT`` words, quotation marks inside), ``gist`` gives the content words the two sentences
share instead, after "when: ".

A count is about what its figure counts (``counted``: "number of people injured", "the figure
in “a 48-page indictment”"); a place that belongs to a noun, not to a verb, is told with that
noun (``setting``: "the place in “Whatcom Community College in Bellingham, Wash.”").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..text.datelines import DATELINE
from ..text.dates import MONTHS, WEEKDAYS
from ..text.quotemarks import DOUBLE, SINGLE
from ..text.similarity import content_words
from ..types import Span
from .facts import governing_verb, in_dateline

if TYPE_CHECKING:
    from spacy.tokens import Token

LIMIT = 14  # words: a topic longer than this reads as a sentence, not as what it is about
EMPTY = frozenset(["be", "have", "do", "get", "make", "go", "take"])  # alone, they tell nothing
MARKS = frozenset([*DOUBLE, *DOUBLE.values(), *SINGLE, *SINGLE.values(), '"'])


def event_at(parsed: Any, span: Span, avoid: Span | None = None, texts: Iterable[str] = (),
             at_verb: bool = False) -> str | None:
    """``event`` of the verb the words at ``span`` depend on (a date, a negated verb);
    ``at_verb`` (a place): only of a verb they are a preposition's object of ("met in Mexico
    City", not "the candidate in Missouri")."""
    verb = governing_verb(parsed, span.start, span.end)
    if at_verb and verb is not None:
        words = parsed.doc.char_span(span.start, span.end, alignment_mode="expand")
        if words is None or words.root.dep_ != "pobj" or words.root.head.head != verb:
            return None
    return event(parsed, verb, avoid, texts)


def event(parsed: Any, verb: Token | None, avoid: Span | None = None,
          texts: Iterable[str] = ()) -> str | None:
    """The subject of ``verb`` through the verb (its object too when short), as written;
    None when the words would pass ``LIMIT``, hold a quotation mark, or take in ``avoid``.
    The first word of a sentence is lowered where it or the story's ``texts`` write it so
    ("part", not "Trump")."""
    if verb is None:
        return None
    text = parsed.article.text
    texts = (*texts, text)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                    and c.i < verb.i and not in_dateline(parsed, c)), None)
    if subject is None or subject.pos_ == "PRON":
        return None  # "when he announced", "whether I feel": no one a reader knows
    left = subject.left_edge
    while left.i < subject.i and (left.is_punct or in_dateline(parsed, left)):
        left = left.doc[left.i + 1]
    end = verb
    for child in verb.children:  # "gave way", "set up"
        if child.dep_ == "prt" and child.i == end.i + 1:
            end = child
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is not None and obj.pos_ == "PRON":
        return None  # "most people view it": no object a reader knows, and none reads cut
    ends = ([obj.right_edge] if obj is not None else []) + [end]
    for last in ends:
        words = left.doc[left.i:last.i + 1]
        start, stop = words.start_char, words.end_char
        if len([t for t in words if not t.is_punct]) > LIMIT \
                or _broken(words) \
                or (avoid is not None and start < avoid.end and avoid.start < stop) \
                or (last is end and verb.lemma_ in EMPTY):
            continue
        told = text[start:stop].rstrip(",;:")
        first = words[0]
        opens = first.is_sent_start or in_dateline(parsed, first.doc[first.i - 1])
        lower = re.compile(rf"\b{re.escape(first.lower_)}\b")
        named = first.pos_ == "PROPN" or len(words) > 1 and words[1].pos_ == "PROPN"
        if opens and (first.pos_ == "DET" or not named and any(lower.search(t) for t in texts)):
            told = told[:1].lower() + told[1:]  # "Part of …", and "part" is written elsewhere
        return told
    return None


def gist(a: str, b: str, words: int = 8) -> str:
    """The content words the two sentences share, in the first one's order: no dateline, day,
    month or figure, each word once whatever its case."""
    shared = content_words(b)
    picked: dict[str, str] = {}  # one of each word, whatever its case, in a's order
    dateline = DATELINE.match(a)
    for w in re.findall(r"[\w'\u2019-]+", a[dateline.end() if dateline else 0:]):
        if content_words(w) and content_words(w) <= shared and not dating(w):
            picked.setdefault(w.lower(), w)
    return " ".join(list(picked.values())[:words]) or a[:60]


def dating(word: str) -> bool:
    """A day, a month or a figure: no words for what a topic is about."""
    return any(c.isdigit() for c in word) \
        or (word[:1].isupper() and word.lower().rstrip(".") in WEEKDAYS.keys() | MONTHS.keys())


def counted(parsed: Any, span: Span) -> str | None:
    """What a figure counts, in its article's words: "number of people injured" for "41
    people were injured", "number of pages of emails" for "50,000 pages of emails", "the
    figure in “a 48-page indictment”"; None where the figure counts no noun."""
    words = parsed.doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None:
        return None
    figure = words[-1]
    noun = figure.head
    if figure.dep_ not in ("nummod", "quantmod", "compound") or noun.i <= figure.i \
            or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    text = parsed.article.text
    if noun.dep_ in ("compound", "amod") and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
        whole = noun.doc[noun.head.left_edge.i:noun.head.i + 1]  # "a 48-page indictment"
        if len(whole) > 8 or _broken(whole):
            return None
        return f"the figure in “{text[whole.start_char:whole.end_char]}”"
    told = noun.text
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               and c.i == noun.i + 1), None)
    thing = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if thing is not None and thing.i - noun.i <= 3:  # "pages of emails"
        last = of.right_edge if of is not None and of.right_edge.i - noun.i <= 4 else thing
        told = text[noun.idx:last.idx + len(last)]  # ("pages of e-mails": three words)
    anchor = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        anchor = noun.head.head  # "a total of 41 people were injured"
    if anchor.dep_ == "nsubjpass" and anchor.head.tag_ == "VBN":
        told += f" {anchor.head.text}"  # "people injured"
    return f"number of {told}"


def setting(parsed: Any, span: Span) -> str | None:
    """The words a place is part of where it belongs to a noun, not to a verb: "Western
    Washington University in Bellingham" for "Bellingham"; None where the place is no
    preposition's object or the words would be long."""
    words = parsed.doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None or words.root.dep_ != "pobj":
        return None
    noun = words.root.head.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i > words.root.i:
        return None
    left = noun.left_edge
    while left.i < noun.i and (left.is_punct or left.pos_ == "DET"):
        left = left.doc[left.i + 1]
    whole = noun.doc[left.i:words.root.right_edge.i + 1]
    if len(whole) > 10 or _broken(whole):
        return None
    return parsed.article.text[whole.start_char:whole.end_char]


def _broken(words: Any) -> bool:
    """Words that would not read as one phrase: a quotation mark among them (not the
    possessive "'" of "the dockers' union") or a paragraph break."""
    return any(t.text in MARKS and t.tag_ != "POS" or "\n" in t.text for t in words)
