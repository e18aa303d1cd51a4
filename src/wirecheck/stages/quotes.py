"""QuoteExtractor: direct, partial and indirect quotes of an article, with speaker and cue.

Direct quotes are found from quotation marks (see ``text.quotemarks``: every mark style,
apostrophes are not marks, stray marks never break extraction); a quotation over several
paragraphs gives one Quote per paragraph, with the same speaker and cue. ``Quote.text`` is
always exactly the article's text at ``Quote.span``. The speaker is the subject of the cue
verb ("said", "added", "was quoted as saying", …) nearest the quote in its sentence(s) (or of a
"Rubio said:" sentence just before), resolved to the person's fullest name; a pronoun goes to
the person last mentioned as a subject, a description ("the spokesperson") to the person
holding that role. Indirect quotes are the clauses of "X said (that) …", "X told … that …"
and "according to X, …". Headings are skipped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..ids import content_id
from ..nlp.spacy_backend import Parsed, analyse
from ..pipeline import MapStage
from ..text.names import PRONOUNS, is_title, same_person
from ..text.quotemarks import CUE_WORDS, Found, find_quoted, name_like, paragraph_index, quote_kind
from ..types import Article, Item, Quote, QuoteKind, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

CUES = frozenset("""
say add state tell note warn explain continue reiterate quote insist argue claim declare announce
ask reply respond write tweet post remark emphasise emphasize stress acknowledge admit confirm deny
concede caution suggest urge recall observe assert maintain comment mention predict promise vow
clarify allege reveal disclose report indicate agree testify call describe
""".split())
INDIRECT = CUES - {"continue", "quote", "ask", "reply", "respond", "post", "tweet", "write",
                   "urge", "agree", "predict", "promise", "vow", "comment", "call", "describe"}
SUBJECTS = ("nsubj", "nsubjpass")
CLIMB = ("xcomp", "advcl", "conj", "ccomp", "pcomp", "prep", "relcl", "acl", "parataxis")
_NAME = r"[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){0,3}"
_CUE_WORD = r"(?:said|says|added|told|stated|noted|explained|continued|wrote|insisted)"
NAMED_AFTER = re.compile(
    rf"^\s*[,.]?\s*(?:{_CUE_WORD}\s+(?P<after>{_NAME})"
    rf"|(?P<before>{_NAME})(?:\s+(?:of|from|at)\s+[^,.;]{{1,60}}?)?\s+{_CUE_WORD}\b)")
TRAILING = re.compile(r"[\s,;:\u2014\u2013-]*(?:\b(?:saying|adding|noting|explaining)\b)?[\s,;:]*$")


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
        found = []
        for f in find_quoted(article):
            text = " ".join(article.text[s:e] for s, e in f.pieces)
            kind = quote_kind(article.text, f, text)
            if kind == "direct" or not name_like(article.text, f, text):
                found.append((f, text, kind))
        ranges = [(f.open_mark, f.close_mark + 1) for f, _, _ in found]
        previous: tuple[str | None, int] = (None, -2)
        for f, _, kind in found:
            cue_token, speaker = find_cue(parsed, f, ranges)
            paragraph = paragraph_index(article, f.open_mark)
            if cue_token is None and kind == "direct" and previous[1] >= paragraph - 1:
                speaker = previous[0]  # a quotation continued after "…,” she said. “…"
            if kind == "direct":
                previous = (speaker, paragraph_index(article, f.close_mark))
            cue = cue_token.text if cue_token is not None else None
            for start, end in f.pieces:  # one quote per paragraph of a long quotation
                yield self._quote(article, start, end, article.text[start:end], speaker, cue, kind)
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


# -- speakers ------------------------------------------------------------------------------------

def find_cue(parsed: Parsed, f: Found, quoted: list[tuple[int, int]]) -> tuple[Token | None,
                                                                              str | None]:
    """The cue verb nearest the quote in its sentence(s) and its resolved speaker."""
    start = parsed.sentence_at(f.open_mark)[0]
    end = parsed.sentence_at(max(f.close_mark - 1, f.open_mark))[1]
    best = _best_cue(parsed, start, max(end, f.close_mark), f, quoted)
    if best[1] is None:
        named = _named_after(parsed, f, end)
        best = (best[0], named) if named else best
    if best[0] is None and best[1] is None:
        text, i = parsed.article.text, f.open_mark - 1
        while i >= 0 and text[i].isspace():
            i -= 1
        if i >= 0 and text[i] == ":":  # 'Rubio said:' and the quotation after it
            prev = parsed.sentence_at(i)
            best = _best_cue(parsed, prev[0], prev[1], f, quoted)
    return best


def _named_after(parsed: Parsed, f: Found, end: int) -> str | None:
    """'“…,” Rosalind Achterberg of the union said' / '“…,” said Nadia Quennell' when the
    parse misses the subject: the capitalised name next to the cue word after the quote."""
    after = parsed.article.text[f.close_mark + 1:max(end, f.close_mark + 1)][:160]
    match = NAMED_AFTER.match(after)
    if not match:
        return None
    name = match.group("before") or match.group("after")
    known = next((n for n in parsed.people.names if same_person(name, n)), None)
    return known or name


def _best_cue(parsed: Parsed, start: int, end: int, f: Found,
              quoted: list[tuple[int, int]]) -> tuple[Token | None, str | None]:
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, None
    ranked = []
    for token in span:
        if inside(token.idx, quoted) or not is_cue(token):
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


def inside(char: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``char`` falls in one of ``ranges`` (sorted by start, not overlapping)."""
    i = bisect.bisect_right(ranges, (char, float("inf"))) - 1
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
        if subject is not None and inside(subject.idx, quoted):
            return None  # a parse that took the quoted words for the speaker
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
        if inside(token.idx, quoted) or parsed.paragraph_kind(token.idx) == "heading":
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
    if tokens[0].idx < cue.idx and any(
            tokens[0].idx < q_end and q_start < cue.idx for q_start, q_end in quoted):
        return None  # '“…,” the report added': the quote is the reported speech
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
    """Trim a clause to its words. A clause running into a quotation is kept only up to
    "…, saying, “…”"; one with a partial quotation inside is left to the quote."""
    text = parsed.article.text
    for q_start, q_end in quoted:
        if start < q_end and q_start < end:
            if q_start <= start:
                return None
            cut = TRAILING.search(text, start, q_start)
            if cut is None or not re.search(r"[a-z]", cut.group(0)):
                return None
            end = q_start
            break
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    match = TRAILING.search(text, start, end)
    if match and match.start() < end:
        end = match.start()
    end = end - 1 if end > start and text[end - 1] == "." else end
    return (start, end, speaker, cue) if end > start else None
