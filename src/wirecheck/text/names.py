"""People of one article: their mentions, canonical full names and stated roles.

``People.build(doc, skip)`` reads a parsed article once. Names come from PERSON entities and
from capitalised words right after a title ("spokesperson, Tahir Hussain Andrabi"); a shorter
form ("Andrabi", "Tahir Andrabi") maps to the fullest form in the article. Roles come from
titles before a name ("US Secretary of State Marco Rubio"), appositives ("Asim Munir, Pakistan's
army chief,"), relative clauses ("Rubio, who serves as …") and "has taken on the role of …".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

TITLE_HEADS = frozenset("""
secretary minister spokesperson spokesman spokeswoman spokespeople chief senator ambassador
adviser advisor president premier chairman chairwoman chair envoy governor mayor director
commissioner commander officer head leader representative congressman congresswoman lawmaker
judge justice king queen prince princess chancellor ceo diplomat official negotiator attorney
prosecutor inspector sheriff coach captain manager founder editor correspondent professor
economist analyst mp councillor councilor pope bishop imam rabbi colonel lieutenant sergeant
admiral marshal general ruler emir monarch deputy undersecretary vice-president speaker
""".split())
QUALIFIERS = frozenset(["former", "acting", "interim", "outgoing", "incoming", "then"])
FILLER = frozenset("""
the a an senior top current longtime veteran new newly additional key then-current also now
republican democratic democrat conservative labour liberal us u.s. uk u.k. eu un
""".split())
JOINERS = frozenset(["of", "to", "for", "the", "'s", "\u2019s", "-"])
HONORIFICS = frozenset(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame"])
PRONOUNS = frozenset(["he", "she", "him", "her"])
NOT_NAMES = frozenset("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""".split())
ROLE_LEAD = re.compile(
    r"^(?:,\s*who\s+(?:also\s+|currently\s+|now\s+)?(?:serves|served|is|was|acts|acted)"
    r"\s+(?:also\s+)?(?:as\s+)?"
    r"|\s+(?:has|had|have)\s+(?:also\s+|since\s+|now\s+)?(?:taken\s+on|assumed|been\s+named"
    r"|been\s+appointed|taken\s+over)\s+(?:as\s+)?(?:the\s+)?(?:additional\s+|new\s+)?"
    r"(?:(?:role|post|position|job|office|portfolio)\s+(?:of|as)\s+)?"
    r"|\s+(?:is|was)\s+(?:also\s+|now\s+)?(?:the|a|an)\s+(?=\S+(?:\s+\S+){0,4}[,.]))",
    re.I,
)


@dataclass(frozen=True)
class Mention:
    start: int  # token index
    end: int  # token index, exclusive
    name: str  # canonical full name


@dataclass(frozen=True)
class Role:
    person: str
    value: str  # normalised title: "Secretary of State"
    full: str  # as written, without article: "US Secretary of State"
    start: int  # char offsets of the title in the text
    end: int
    qualifier: tuple[str, ...] = ()


def name_words(name: str) -> list[str]:
    words = re.findall(r"[^\W\d_][\w\-\.']*", name.replace("\u2019", "'"))
    words = [w.removesuffix("'s").strip(".").lower() for w in words]
    return [w for w in words if w and w not in HONORIFICS]


def same_person(a: str, b: str) -> bool:
    """"Rubio" ~ "Marco Rubio", "Tahir Andrabi" ~ "Tahir Hussain Andrabi"; "Ann Lee" !~ "Bo Lee"."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    short, long_ = sorted((wa, wb), key=len)
    it = iter(long_)
    return all(w in it for w in short) and (len(short) == 1 or short[0] == long_[0])


def canonical_names(names: list[str]) -> dict[str, str]:
    """Each name to the fullest name of the same person among ``names``."""
    ranked = sorted(dict.fromkeys(names), key=lambda n: -len(name_words(n)))
    return {n: next((m for m in ranked if same_person(n, m)), n) for n in names}


def is_title(token: Token) -> bool:
    word = token.lower_
    if word == "general" and not token.text[:1].isupper():
        return False
    return word in TITLE_HEADS or token.lemma_.lower() in TITLE_HEADS


def _is_name_token(token: Token) -> bool:
    return (token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha
            and token.lower_ not in NOT_NAMES and not is_title(token)
            and token.ent_type_ not in ("GPE", "NORP", "ORG", "DATE"))


@dataclass
class People:
    doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    _by_token: dict[int, Mention] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc, skip: list[tuple[int, int]] | None = None) -> People:
        people, skip = cls(doc), skip or []
        spans = people._name_spans(skip)
        texts = [doc[s:e].text for s, e in spans]
        canon = canonical_names(texts)
        surnames = {name_words(n)[-1]: n for n in sorted(set(canon.values()), key=len)
                    if name_words(n)}
        covered = {i for s, e in spans for i in range(s, e)}
        for token in doc:
            if token.i not in covered and token.pos_ in ("PROPN", "NOUN") and token.is_alpha \
                    and token.text[:1].isupper() and token.lower_ in surnames \
                    and token.lower_ not in NOT_NAMES and not _inside_any(token.idx, skip):
                spans.append((token.i, token.i + 1))
                canon[token.text] = surnames[token.lower_]
        for s, e in sorted(spans):
            people._add(Mention(s, e, canon.get(doc[s:e].text, doc[s:e].text)))
        people.roles = find_roles(people)
        return people

    def _name_spans(self, skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
        doc, found = self.doc, []
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                span = _clean_name(doc, ent.start, ent.end)
                if span:
                    found.append(span)
        taken = {i for s, e in found for i in range(s, e)}
        for token in doc:
            if is_title(token) and token.i + 1 < len(doc):
                start = token.i + 2 if doc[token.i + 1].text == "," else token.i + 1
                end = start
                while end < len(doc) and end - start < 4 and _is_name_token(doc[end]):
                    end += 1
                if end > start and not taken.intersection(range(start, end)):
                    found.append((start, end))
                    taken.update(range(start, end))
        return [s for s in found if not _inside_any(doc[s[0]].idx, skip)]

    def _add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self._starts.append(self.doc[mention.start].idx)
        for i in range(mention.start, mention.end):
            self._by_token[i] = mention

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys(m.name for m in self.mentions))

    def at(self, token_i: int) -> Mention | None:
        return self._by_token.get(token_i)

    def before(self, char: int, skip: list[tuple[int, int]] = ()) -> str | None:  # type: ignore[assignment]
        """The person mentioned last before ``char`` (for "he said"), outside ``skip``."""
        i = bisect.bisect_left(self._starts, char)
        for start, mention in zip(reversed(self._starts[:i]), reversed(self.mentions[:i]), strict=True):
            if not _inside_any(start, skip):
                return mention.name
        return None

    def by_role(self, word: str, char: int) -> str | None:
        """The person last mentioned before ``char`` whose role contains ``word``."""
        word = _role_word(word)
        holders = {r.person for r in self.roles if word in r.value.lower().split()}
        i = bisect.bisect_left(self._starts, char)
        for mention in reversed(self.mentions[:i]):
            if mention.name in holders:
                return mention.name
        return next(iter(sorted(holders)), None)

    def canonical(self, name: str) -> str:
        return next((n for n in self.names if same_person(name, n)
                     and len(name_words(n)) >= len(name_words(name))), name)


def _inside_any(char: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= char < e for s, e in ranges)


def _clean_name(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (doc[start].lower_ in HONORIFICS or is_title(doc[start])
                           or doc[start].lower_ == "the"):
        start += 1
    while end > start and not (doc[end - 1].is_alpha and doc[end - 1].text[:1].isupper()):
        end -= 1
    if end <= start or any(t.is_space or t.like_num for t in doc[start:end]):
        return None
    return start, end


def _role_word(word: str) -> str:
    word = word.lower()
    if word in ("spokesman", "spokeswoman", "spokespeople"):
        return "spokesperson"
    return "adviser" if word == "advisor" else word


def find_roles(people: People) -> list[Role]:
    roles = []
    for m in people.mentions:
        role = next((r for r in _roles_around(people, m) if r is not None), None)
        if role:
            roles.append(role)
        roles.extend(_roles_after(people, m))
    return roles


def _roles_around(people: People, m: Mention) -> Iterator[Role | None]:
    """Roles from a title before the name, or an appositive before or after it."""
    doc = people.doc
    before = doc[m.start - 1].lower_ if m.start else ""
    runs = [_run_left(people, m.start)]
    if before in ("and", ",") and m.start >= 2 and people.at(m.start - 2):
        prev = people.at(m.start - 2)
        runs.append(_run_left(people, prev.start) if prev else None)
    if before == ",":
        runs.append(_run_left(people, m.start - 1))
    if m.end < len(doc) and doc[m.end].text == ",":
        runs.append(_run_right(people, m.end + 1, appositive=True))
    for run in runs:
        yield _make_role(doc, run, m.name) if run else None


def _roles_after(people: People, m: Mention) -> list[Role]:
    doc = people.doc
    end_char = doc[m.end - 1].idx + len(doc[m.end - 1])
    sent_end = doc[m.end - 1].sent.end_char
    match = ROLE_LEAD.match(doc.text[end_char:sent_end])
    if not match or not match.group(0).strip():
        return []
    start = doc.char_span(end_char + match.end(), sent_end, alignment_mode="expand")
    if start is None or not len(start):
        return []
    run = _run_right(people, start.start, appositive=False)
    role = _make_role(doc, run, m.name) if run else None
    return [role] if role else []


def _title_token(token: Token, people: People) -> bool:
    if people.at(token.i) is not None or token.is_space:
        return False
    return token.pos_ in ("PROPN", "NOUN", "ADJ") or token.lower_ in JOINERS


def _run_left(people: People, start: int) -> tuple[int, int] | None:
    i = start
    while i > 0 and start - i < 10 and _title_token(people.doc[i - 1], people):
        i -= 1
    return (i, start) if i < start else None


def _run_right(people: People, start: int, appositive: bool) -> tuple[int, int] | None:
    doc, i = people.doc, start
    while i < len(doc) and i - start < 12 and _title_token(doc[i], people):
        i += 1
    if i == start:
        return None
    if appositive and i < len(doc) and doc[i].text not in (",", ".", ";", ")", "\u2014"):
        return None
    return start, i


def _make_role(doc: Doc, run: tuple[int, int], person: str) -> Role | None:
    tokens = list(doc[run[0]:run[1]])
    heads = [k for k, t in enumerate(tokens) if is_title(t)]
    if not heads:
        return None
    head = heads[-1]
    tail = tokens[head + 1:]
    if tail and not _is_complement(tail):
        return None
    qualifier: list[str] = []
    k = max((j + 1 for j in range(head) if tokens[j].lower_ in ("of", "to", "for")), default=0)
    while k < head and (_strippable(tokens[k], qualifier) or _possessor(tokens, k)):
        k += 1
    core = tokens[k:head + 1]
    value, kept = _role_value(doc, core, tail)
    last = tail[-1] if kept and tail else core[-1]
    full = doc.text[core[0].idx:tokens[-1].idx + len(tokens[-1])]
    return Role(person, value, full, core[0].idx, last.idx + len(last),
                tuple(dict.fromkeys(qualifier)))


def _is_complement(tail: list[Token]) -> bool:
    return tail[0].lower_ in ("of", "to", "for") and len(tail) > 1 and all(
        t.lower_ in JOINERS or t.pos_ == "PROPN" or t.text[:1].isupper() for t in tail[1:])


def _strippable(token: Token, qualifier: list[str]) -> bool:
    word = token.lower_
    if word in QUALIFIERS:
        qualifier.append(word)
        return True
    return (word in FILLER or word in JOINERS or token.ent_type_ in ("GPE", "NORP")
            or token.tag_ == "POS")


def _possessor(tokens: list[Token], k: int) -> bool:
    """"Pakistan" in "Pakistan's army chief": a proper name followed by a possessive."""
    return (tokens[k].pos_ == "PROPN" and k + 1 < len(tokens)
            and (tokens[k + 1].tag_ == "POS" or tokens[k + 1].lower_ in ("'s", "\u2019s")))


def _role_value(doc: Doc, core: list[Token], tail: list[Token]) -> tuple[str, bool]:
    """The title without country, article or complement, and whether the tail was kept."""
    head = core[-1]
    word = head.text if head.tag_ not in ("NNS", "NNPS") else head.lemma_
    word = _role_word(word) if _role_word(word) != word.lower() else word
    value = doc.text[core[0].idx:head.idx] + word
    if word == "spokesperson" and tail and tail[0].lower_ == "of":
        org = [t.text for t in tail[1:] if t.ent_type_ not in ("GPE", "NORP")
               and t.lower_ not in ("the", "'s", "\u2019s")]
        return (" ".join([*org, value]), True) if org else (value, False)
    if tail and tail[0].lower_ == "of" and len(tail) == 2 and tail[1].text[:1].isupper():
        return f"{value} of {tail[1].text}", True
    return value, False
