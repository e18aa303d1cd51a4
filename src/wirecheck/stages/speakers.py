"""Who said it: cue verbs and the speaker of a cue, resolved to a person's fullest name.

``speaker_of(parsed, cue, quoted)`` reads the subject of a cue verb (climbing "went on to
say", "was quoted as saying"), or X of "according to X", and resolves it: a person's mention
to the person's fullest name, "he"/"she" to the person last mentioned as a subject, "they"/"it"
to the last noun subject of the same number, a title ("the spokesperson") to the person
holding that role, anything else to its noun phrase ("A White House official"). The result
keeps the characters of the mention it was read from.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, NamedTuple

from ..nlp.spacy_backend import Parsed
from ..text.names import PRONOUNS, TITLE_HEADS, is_title, same_person
from ..text.quotemarks import CUE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

CUES = frozenset("""
say add state tell note warn explain continue reiterate quote insist argue claim declare announce
ask reply respond write tweet post remark emphasise emphasize stress acknowledge admit confirm deny
concede caution suggest urge recall observe assert maintain comment mention predict promise vow
clarify allege reveal disclose report indicate agree testify call describe yell shout scream cry
whisper exclaim joke quip laugh sigh chant sing mutter murmur retort counter answer complain boast
brag plead beg demand lament muse wonder hint proclaim recount contend opine conclude concur
interject interrupt inform remind read text email question charge accuse thunder snap confess
remember reflect marvel gush rave scoff sneer speculate beam
""".split())
COMEBACKS = frozenset(["shoot", "fire", "hit", "push", "strike", "lash", "chime", "weigh"])
SUBJECTS = ("nsubj", "nsubjpass")
CLIMB = ("xcomp", "advcl", "conj", "ccomp", "pcomp", "prep", "relcl", "acl", "parataxis")
TITLE_WORD = re.compile(r"^(?:(?:sen|rep|gov|gen|lt|col|sgt|capt|prof|pres|dr|mr|mrs|ms|st)\.?"
                        r"|[a-z]+)\s+", re.I)
ABBREVIATED = frozenset(["sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof", "pres",
                         "dr", "mr", "mrs", "ms"])


class Speaker(NamedTuple):
    """A resolved speaker and the characters [start, end) of the mention it was read from."""

    name: str
    start: int
    end: int


def known_name(parsed: Parsed, name: str, start: int) -> Speaker:
    """A name as written, without a leading title, as the fullest name of that person."""
    end = start + len(name)
    while (title := TITLE_WORD.match(name)) and is_title_word(title.group(0)) and len(
            name.split()) > 2:
        start, name = start + title.end(), name[title.end():]
    known = next((n for n in parsed.people.names if same_person(name, n)), None)
    return Speaker(known or name, start, end)


def is_title_word(word: str) -> bool:
    word = word.strip().rstrip(".").lower()
    return word in TITLE_HEADS or word in ABBREVIATED


def is_cue(token: Token) -> bool:
    if token.lower_ == "according":
        return True
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma in COMEBACKS:  # "shot back", "chimed in"
        return any(c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "in", "out")
                   for c in token.children)
    return lemma in CUES or token.lower_ in CUE_WORDS or (
        lemma == "put" and any(c.lower_ == "it" for c in token.children))  # "as X put it"


# verbs that say only that words were said (not "did not question", "did not confirm")
SAYING_ONLY = frozenset(
    "say tell add state write describe call continue tweet post email text".split())


def cue_text(token: Token) -> str:
    """The cue as stored: its word, after "not " when the text says the speaker did not say
    it ("Manley did not say", "Smith never described it as …"): a denial, no attribution."""
    if token.lower_ == "according":
        return "according to"
    denied = token.lemma_.lower() in SAYING_ONLY and any(
        c.dep_ == "neg" or c.lower_ == "never" for c in token.children)
    return f"not {token.text}" if denied else token.text


def inside(char: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``char`` falls in one of ``ranges`` (sorted by start, not overlapping)."""
    i = bisect.bisect_right(ranges, (char, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= char < ranges[i][1]


def speaker_of(parsed: Parsed, cue: Token, quoted: list[tuple[int, int]]) -> Speaker | None:
    """The subject of ``cue`` (climbing "went on to say", "quoted as saying"), as a name."""
    if cue.lower_ == "according":
        objects = [t for c in cue.children if c.lower_ == "to" for t in c.children
                   if t.dep_ == "pobj"]
        return name_of(parsed, objects[0], quoted) if objects else None
    if cue.dep_ == "acl" and cue.tag_ == "VBG":  # "pastors supporting Mr. Cruz"
        return name_of(parsed, cue.head, quoted)
    token, fallback = cue, None
    for depth in range(5):
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if depth == 0 and not subjects and (named := _named_before(parsed, cue)):
            return named  # '… to the Observer, her adviser, Jake Sullivan, said: “…”'

        subject = next((c for c in subjects if not inside(c.idx, quoted)), None)
        if subjects and subject is None:
            return fallback  # a parse that took the quoted words for the speaker
        if depth == 0 and subject is not None and subject.dep_ == "nsubjpass" \
                and token.lemma_.lower() != "quote":
            return None  # who was told or admitted is no speaker ("Three were admitted to …")
        if subject is not None:
            if subject.lower_ in ("who", "that") and token.dep_ == "relcl":
                found = _named_before(parsed, subject) or name_of(
                    parsed, token.head, quoted)  # "Will Smith, who said …" (the name, also
                # where the parse hangs the clause on another noun: "the ire of Scalia who")
                return found._replace(end=max(found.end, subject.idx + len(subject))) \
                    if found else None
            found = name_of(parsed, subject, quoted)
            if depth == 0 or found is not None and _personal(parsed, subject):
                return found
            # '… that the US remains confident, saying, “…”': a person further up said it
            fallback = fallback or found
        if token.dep_ not in CLIMB or token.head is token:
            return fallback
        token = token.head
    return fallback


def _named_before(parsed: Parsed, cue: Token) -> Speaker | None:
    """The person named just before a cue that the parse left without a subject."""
    i = cue.i - 1
    while i >= 0 and parsed.doc[i].text in (",", "\u2014", "-") and cue.i - i < 3:
        i -= 1
    mention = parsed.people.at(i) if i >= 0 else None
    if mention is None or mention.end != i + 1:
        return None
    first, last = parsed.doc[mention.start], parsed.doc[i]
    return Speaker(mention.name, first.idx, last.idx + len(last))


def _personal(parsed: Parsed, token: Token) -> bool:
    return parsed.people.at(token.i) is not None or token.lower_ in PRONOUNS or any(
        parsed.people.at(c.i) is not None for c in token.children if c.dep_ == "appos")


def name_of(parsed: Parsed, token: Token, quoted: list[tuple[int, int]]) -> Speaker | None:
    people = parsed.people
    at = (token.idx, token.idx + len(token))
    for candidate in (token, *(c for c in token.children if c.dep_ in ("appos", "compound"))):
        mention = people.at(candidate.i)
        if mention is not None:
            first, last = parsed.doc[mention.start], parsed.doc[mention.end - 1]
            return Speaker(mention.name, first.idx, last.idx + len(last))
    if token.lower_ in PRONOUNS:
        name = people.before(token.idx, quoted)
        return Speaker(name, *at) if name else None
    if token.lower_ in ("they", "it"):
        name = _antecedent(parsed, token, quoted)
        return Speaker(name, *at) if name else None
    if token.pos_ == "PRON":
        return None
    if is_title(token):
        holder = people.by_role(token.lemma_, token.idx)
        if holder:
            return Speaker(holder, *at)
    return noun_phrase(parsed, token)


def _antecedent(parsed: Parsed, token: Token, quoted: list[tuple[int, int]]) -> str | None:
    """What "they" / "it" refers to: the last noun subject before it (in this sentence or the
    two before) of the same number ("The statement noted …" → it; "Senators … wrote" → they)."""
    plural = token.lower_ == "they"
    first = parsed.sentence_at(parsed.sentence_at(parsed.sentence_at(token.idx)[0] - 1)[0] - 1)
    for roles in (SUBJECTS, ("dobj", "pobj", "attr")):  # subjects first, then objects
        for i in range(token.i - 1, -1, -1):
            candidate = parsed.doc[i]
            if candidate.idx < first[0]:
                break
            if candidate.dep_ not in roles or candidate.pos_ not in ("NOUN", "PROPN") or inside(
                    candidate.idx, quoted) or parsed.people.at(candidate.i) is not None:
                continue
            many = candidate.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in
                                                            candidate.children)
            if many == plural:
                found = noun_phrase(parsed, candidate)
                return found.name if found else None
    return None


def noun_phrase(parsed: Parsed, token: Token) -> Speaker | None:
    """The noun phrase of ``token`` up to the token itself ("A White House official")."""
    left = token.left_edge
    if token.i - left.i > 7:
        left = token
        while left.i > 0 and parsed.doc[left.i - 1].dep_ in ("compound", "amod", "det"):
            left = parsed.doc[left.i - 1]
    start, end = left.idx, token.idx + len(token)
    text = parsed.article.text[start:end].strip()
    return Speaker(text, start, end) if text else None
