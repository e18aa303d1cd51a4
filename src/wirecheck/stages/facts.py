"""FactExtractor: typed, checkable values stated by an article (headings are skipped).

- role: a person's title (see ``text.names``), value normalised ("Secretary of State"), the
  full form as written in ``normalized``, "former" and the like in ``qualifier``;
- number: a count as written ("about 40"), ``normalized`` the plain number, subject the counted
  noun and its verb ("people injured"); "no one was injured" is a count of 0; years and dates
  are not numbers;
- date: an expression as written, ``normalized`` ISO (resolved against the event date or the
  publication date, qualifier "resolved"), subject a short "who did what";
- place: GPE/LOC/FAC entities that are not people, and an ORG entity that WordNet knows as a
  place where a person's home is named ("Bergen Gov. Ada Lusk", "Rep. Tom Breck (Bergen)");
  the subject is the person whose home the place is ("Boehner (R-Ohio)", "McCaskill, D-Mo.,",
  "a Republican of Iowa", "Vermont Sen. Sanders", "Akin, the Senate candidate in Missouri"),
  or the place whose region it is ("Benghazi, Libya": qualifier "region"), else "place";
  qualifier "dateline" for where the article was filed ("WASHINGTON —"), "located" for where
  something is or happens (the object of "in", "at", "to" …: "arrested in Florida"), "title"
  for a title's ("Ambassador to the US", "Governor of Ohio");
- status: offered / considering / decided / refused / ongoing / ended …, with negation ("no
  decision has been taken" → "not decided", qualifier "negated") and hedging.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..ids import content_id
from ..nlp.spacy_backend import Parsed
from ..text.datelines import AFTER_PLACE, DATELINE
from ..text.dates import MONTHS, WEEKDAYS, find_dates, is_relative, parse_reference, resolve_date
from ..text.names import is_title
from ..text.numbers import SCALES, UNITS, parse_number, participle
from ..text.quotemarks import blocks
from ..types import Article, Fact, FactKind, Span
from .reading import ArticleStage

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

NUMBER_LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
NOT_COUNTS = frozenset(["DATE", "TIME", "ORDINAL", "PRODUCT", "ORG", "WORK_OF_ART", "LAW",
                        "EVENT", "LANGUAGE"])  # digits tagged so name a model, a law, a day
PLACE_LABELS = ("GPE", "LOC", "FAC")
NUMBER_QUALIFIERS = ("more than", "at least", "at most", "up to", "less than", "fewer than",
                     "an estimated", "about", "around", "nearly", "almost", "over", "under",
                     "some", "approximately", "roughly", "estimated")
STATUS_VERBS = {
    "offer": "offered", "volunteer": "offered", "propose": "proposed", "consider": "considering",
    "weigh": "considering", "mull": "considering", "explore": "considering",
    "decide": "decided", "agree": "agreed", "approve": "approved", "commit": "committed",
    "refuse": "refused", "reject": "refused", "decline": "refused", "end": "ended",
    "conclude": "ended", "suspend": "suspended", "postpone": "postponed", "delay": "delayed",
    "cancel": "cancelled", "seek": "sought", "secure": "secured", "continue": "ongoing",
}
STATUS_NOUNS = {
    "decision": "decided", "commitment": "committed", "offer": "offered", "consent": "consented",
    "willingness": "willing", "agreement": "agreed", "refusal": "refused", "ceasefire": "in place",
    "truce": "in place", "proposal": "proposed",
}
ONGOING = {"ongoing", "continuing"}
HEDGES = {"could", "may", "might", "would", "possibly", "potentially", "likely"}
NEGATORS = frozenset(["no", "neither", "nor", "never", "not", "n't", "n\u2019t", "without"])
FUTURE_AUX = {"will", "'ll", "\u2019ll", "would", "shall"}
FUTURE_VERBS = {"expect", "plan", "schedule", "due"}
ANY_DAY = date(2000, 6, 15)  # tells a date expression from other DATE entities
RANGE_JOIN = re.compile(r"\s*(?:and|to|through|until|till|-|\u2013|\u2014)\s*", re.I)
TOPIC = re.compile(r"^(?:regarding|concerning|as for|as to|on the (?:question|issue|matter) of)"
                   r"\s+([^,]{3,80}),", re.I)
ALWAYS = {"ceasefire", "truce"}
CONDITIONS = {"once", "if", "when", "until", "unless", "after", "before"}


class FactExtractor(ArticleStage):
    name = "facts"
    provides = ("fact",)

    def extract(self, parsed: Parsed) -> Iterator[Fact]:
        yield from self._roles(parsed)
        yield from self._numbers(parsed)
        yield from self._zero_counts(parsed)
        yield from self._dates(parsed)
        yield from self._places(parsed)
        yield from self._statuses(parsed)

    def _fact(self, article: Article, kind: FactKind, subject: str, value: str, start: int,
              end: int, normalized: str | None = None, qualifier: tuple[str, ...] = ()) -> Fact:
        return Fact(
            id=content_id(article.id, kind, start, end, value, self.extractor),
            article_id=article.id, kind=kind, subject=subject, value=value,
            span=Span(article.id, start, end), extractor=self.extractor,
            normalized=normalized, qualifier=qualifier,
        )

    def _roles(self, parsed: Parsed) -> Iterator[Fact]:
        for role in parsed.people.roles:
            yield self._fact(parsed.article, "role", role.person, role.value, role.start,
                             role.end, role.full, role.qualifier)

    def _numbers(self, parsed: Parsed) -> Iterator[Fact]:
        dates = [(s, e) for s, e, _ in _date_expressions(parsed, None)]
        for ent in _figures(parsed.doc):
            if _in_heading(parsed, ent.start_char) or any(
                    s < ent.end_char and ent.start_char < e for s, e in dates):
                continue
            value, qualifier = _with_qualifier(parsed, ent)
            number = parse_number(ent.text)
            if number is None or value.lower() in ("one", "a", "an") or re.fullmatch(
                    r"(?:19|20)\d\d", ent.text.strip()) or RANK.search(
                    parsed.article.text, max(0, ent.start_char - 8), ent.start_char):
                continue  # (a rank is a label, not a count: "the No. 2 position")
            start = ent.end_char - len(value)
            yield self._fact(parsed.article, "number", number_subject(ent.root), value, start,
                             ent.end_char, number, qualifier)

    def _zero_counts(self, parsed: Parsed) -> Iterator[Fact]:
        """"No one was injured", "nobody was killed": a count of 0 people."""
        for token in parsed.doc:
            verb = token.head
            if not (token.dep_ == "nsubjpass" or (token.dep_ == "nsubj" and verb.lemma_ == "die")) \
                    or verb.pos_ != "VERB" or not (
                    token.lower_ in ("nobody", "noone") or (token.lower_ == "one" and any(
                        c.lower_ == "no" for c in token.children))) \
                    or _in_heading(parsed, token.idx) \
                    or any(c.dep_ == "neg" for c in verb.children):
                continue
            start = min(c.idx for c in (token, *token.children))
            yield self._fact(parsed.article, "number", f"people {participle(verb.lemma_.lower())}",
                             parsed.article.text[start:token.idx + len(token)], start,
                             token.idx + len(token), "0")

    def _dates(self, parsed: Parsed) -> Iterator[Fact]:
        article = parsed.article
        ref = reference_date(article)
        previous: tuple[int, str | None] = (-1, None)
        for start, end, expr in _date_expressions(parsed, ref):
            normalized = resolve_in_context(parsed, start, expr, ref, previous)
            qualifier = (("resolved",) if normalized and is_relative(expr) else ()) + (
                ("dateline",) if dateline_at(article, start) else ())  # when it was filed
            previous = (end, normalized)
            yield self._fact(article, "date", event_of(parsed, start, end), expr, start, end,
                             normalized, qualifier)

    def _places(self, parsed: Parsed) -> Iterator[Fact]:
        for ent in parsed.doc.ents:
            if ent.label_ not in PLACE_LABELS and not _home_named_as_org(parsed, ent) \
                    or _in_heading(parsed, ent.start_char):
                continue
            if any(parsed.people.at(t.i) for t in ent):
                continue
            tokens = [t for t in ent if t.lower_ != "the" and not t.is_punct] or list(ent)
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            value = parsed.article.text[start:end]
            qualifier: tuple[str, ...] = ("dateline",) if _dateline(parsed, start, end) else (
                ("title",) if _in_title(ent) else ("located",) if _located(ent) else ())
            whose = home_of(parsed, ent)
            if whose is None and (whose := region_of(parsed, ent)) is not None:
                qualifier += ("region",)  # the region of the place named before it
            yield self._fact(parsed.article, "place", whose or "place", value, start, end, value,
                             qualifier)
        tagged = [(e.start_char, e.end_char) for e in parsed.doc.ents if e.label_ in PLACE_LABELS]
        for match in HOME_TAG.finditer(parsed.article.text):  # "(R-Texas)": often no entity
            group = 1 if match.group(1) else 2
            start, end = match.span(group)
            if _in_heading(parsed, start) or any(s < end and start < e for s, e in tagged):
                continue
            at = parsed.doc.char_span(match.start() - 1, match.start(), alignment_mode="expand")
            mention = parsed.people.at(at[0].i) if at is not None and len(at) else None
            if mention is not None:
                yield self._fact(parsed.article, "place", mention.name, match.group(group),
                                 start, end, match.group(group))

    def _statuses(self, parsed: Parsed) -> Iterator[Fact]:
        for start, end in parsed.sentences:
            if _in_heading(parsed, start) or parsed.article.text[start:end].endswith("?"):
                continue
            span = parsed.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            seen = set()
            for subject, value, qualifier in statuses(parsed, span):
                if (subject, value) not in seen:
                    seen.add((subject, value))
                    yield self._fact(parsed.article, "status", subject, value, start, end,
                                     value, qualifier)


# a party and a state after a name: "Ted Cruz (R-Texas)", "Mitch McConnell (R-Ky.)", "Mitch
# McConnell, R-Ky., said"
HOME_TAG = re.compile(r"(?<=\S)(?: \([RDI]\s?[-\u2013]\s?([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)\)"
                      r"|, [RDI]\s?[-\u2013]\s?((?:(?:New|North|South|West|Rhode) )?"
                      r"[A-Z][A-Za-z.]*)(?=[,;:\s]|$))")  # "(R-Texas)"; "McConnell, R-Ky., said"
LOCATIVE = frozenset(["in", "at", "near", "outside", "inside", "to", "into", "from", "across",
                      "within", "toward", "towards", "throughout"])


def _dateline(parsed: Parsed, start: int, end: int) -> bool:
    """The place opens a paragraph and a dash follows it: where the article was filed."""
    text = parsed.article.text
    opens = any(p.start <= start and not text[p.start:start].strip()
                for p in parsed.article.paragraphs) or not text[:start].strip()
    return opens and AFTER_PLACE.match(text, end) is not None


def _located(ent: SpacySpan) -> bool:
    """Where something is or happens: the object of "in", "at", "to" ("arrested in Florida")."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE


def _in_title(ent: SpacySpan) -> bool:
    """A title's place: "Ambassador to the US", "Governor of Ohio" (no place where anything
    happens)."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in ("to", "of", "for") \
        and is_title(root.head.head)


def _in_heading(parsed: Parsed, char: int) -> bool:
    return parsed.paragraph_kind(char) == "heading"


def reference_date(article: Article) -> date | None:
    return parse_reference(article.meta.get("event_date")) or parse_reference(article.published)


# -- numbers -----------------------------------------------------------------------------------

RANK = re.compile(r"(?:\bNo\.|#)\s*$")
PART = re.compile(r"\s+(?:more|additional|further|extra|remaining)\b", re.I)


def _with_qualifier(parsed: Parsed, ent: SpacySpan) -> tuple[str, tuple[str, ...]]:
    """The number as written with its qualifier ("about 40"), and the qualifier."""
    text, value = parsed.article.text, ent.text
    for q in NUMBER_QUALIFIERS:
        if value.lower().startswith(q + " "):
            return value, (q.removeprefix("an "),)
    value = re.sub(r"^(?:a|an)\s+", "", value, flags=re.I)
    before = text[max(0, ent.start_char - 16):ent.start_char].lower()
    for q in NUMBER_QUALIFIERS:
        if re.search(rf"(?:^|\W){q} $", before):
            return text[ent.start_char - len(q) - 1:ent.end_char], (q.removeprefix("an "),)
    if PART.match(text, ent.end_char) or re.search(r"\banother\s+$", before):
        return value, ("more",)  # "two more debates", "another 40 people": a part, no total
    return value, ()


def number_subject(root: Token) -> str:
    """What a number counts: the counted noun's lemma and its verb ("people injured"); a
    number noun counts the noun it modifies ("a dozen relatives": "relative")."""
    while root.dep_ in ("compound", "quantmod") and root.head is not root and root.head.like_num:
        root = root.head
    words, anchor, head = [], root, root.head
    numeral = root.like_num or (root.dep_ == "nummod" and root.lemma_.lower() in SCALES)
    if not numeral and root.pos_ in ("NOUN", "PROPN"):  # "30 metres", "$5 million"
        words.append(root.lemma_.lower())
    elif root.dep_ in ("nummod", "compound", "amod", "quantmod", "npadvmod") and head.pos_ in (
            "NOUN", "PROPN"):
        words.append(head.lemma_.lower())
        anchor = head
        if head.dep_ in ("compound", "amod") and head.head.pos_ == "NOUN":
            words.append(head.head.lemma_.lower())
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.pos_ == "NOUN":
        anchor = anchor.head.head  # "a total of 41 people were injured"
    verb = anchor.head
    if anchor.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") and verb.pos_ == "VERB":
        state = next((c for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp")
                      and c.tag_ in ("VBN", "JJ")), None)  # "left 14 people injured"
        if anchor.dep_ in ("dobj", "obj") and any(c.dep_ == "auxpass" for c in verb.children):
            words.append("received")  # "she was paid $9.68 million" (not "paid $43 million")
        else:
            words.append(participle((state or verb).lemma_.lower()))
    return " ".join(words) or "number"


# -- dates -------------------------------------------------------------------------------------

def _date_expressions(parsed: Parsed, ref: date | None) -> list[tuple[int, int, str]]:
    text, found = parsed.article.text, []
    for kind, start, end in blocks(parsed.article):
        if kind != "heading":
            found += [(start + s, start + e, x) for s, e, x in find_dates(text[start:end])]
    taken = [(s, e) for s, e, _ in found]
    for ent in parsed.doc.ents:
        if ent.label_ != "DATE" or _in_heading(parsed, ent.start_char):
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        if resolve_date(ent.text, ref or ANY_DAY) is not None:
            found.append((ent.start_char, ent.end_char, ent.text))
    return sorted(found)


def resolve_in_context(parsed: Parsed, start: int, expr: str, ref: date | None,
                       previous: tuple[int, str | None]) -> str | None:
    """``resolve_date`` with the sentence's help: in "Friday and Saturday" the second day
    follows the first; "will meet on Monday", "is expected to … in November" look ahead."""
    word = expr.lower()
    if ref is None or not is_relative(expr):
        return resolve_date(expr, ref)
    gap = parsed.article.text[previous[0]:start] if previous[0] >= 0 else ""
    if word in WEEKDAYS and previous[1] and len(previous[1]) == 10 and RANGE_JOIN.fullmatch(gap):
        first = date.fromisoformat(previous[1])
        ahead = (WEEKDAYS[word] - first.weekday()) % 7 or 7
        return (first + timedelta(days=ahead)).isoformat()
    if (word in WEEKDAYS or word in MONTHS) and _ahead(parsed, start):
        return resolve_date(f"next {expr}", ref - timedelta(days=1))
    return resolve_date(expr, ref)


def _ahead(parsed: Parsed, start: int) -> bool:
    """The verb the date modifies is in the future ("will", "would", "expected to")."""
    verb = governing_verb(parsed, start, start + 1)
    if verb is None:
        return False
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return True
    return verb.lemma_.lower() in FUTURE_VERBS or (
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FUTURE_VERBS)


def governing_verb(parsed: Parsed, start: int, end: int) -> Token | None:
    """The verb that the words at [start, end) depend on."""
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    node = span.root if span is not None and len(span) else None
    for _ in range(6):
        if node is None or node.pos_ in ("VERB", "AUX") or node.head is node:
            break
        node = node.head
    return node if node is not None and node.pos_ in ("VERB", "AUX") else None


def event_of(parsed: Parsed, start: int, end: int) -> str:
    """A short "who did what" for the verb a date modifies, else the sentence."""
    verb = governing_verb(parsed, start, end)
    if verb is None:
        s, e = parsed.sentence_at(start)
        return parsed.article.text[s:e][:160]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    subject = next((c for c in subjects if not in_dateline(parsed, c)), None)
    if subject is None and subjects:  # "LIVINGSTON, N.J. — Gov. Chris Christie declared …"
        subject = next((c for c in subjects[0].children if c.dep_ in ("appos", "conj")
                        and not in_dateline(parsed, c)), None)
    if subject is None and verb.dep_ in ("acl", "relcl"):
        subject = verb.head  # "meetings … being held on Friday"
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")), None)
    words = [phrase(parsed, subject), verb.text, phrase(parsed, obj)]
    return " ".join(w for w in words if w)


def in_dateline(parsed: Parsed, token: Token) -> bool:
    """The token is in the dateline that opens its paragraph ("KANSAS CITY, Mo. —"), which
    spaCy often parses as the subject of the first verb."""
    return dateline_at(parsed.article, token.idx)


def dateline_at(article: Article, char: int) -> bool:
    """The character is in the dateline that opens its paragraph ("WASHINGTON, April 30
    (Reuters) -"): where and when the report was filed."""
    text = article.text
    for p in article.paragraphs:
        if p.start <= char < p.end:
            opening = p.start + len(text[p.start:p.end]) - len(text[p.start:p.end].lstrip())
            found = DATELINE.match(text, opening)
            return found is not None and char < found.end()
    return False


def phrase(parsed: Parsed, token: Token | None) -> str:
    """A compact noun phrase: a person's name, or the noun with its compounds and adjectives."""
    if token is None:
        return ""
    for candidate in (token, *(c for c in token.children if c.dep_ == "appos")):
        mention = parsed.people.at(candidate.i)
        if mention is not None:
            return mention.name
    left = token
    while left.i > 0 and parsed.doc[left.i - 1].dep_ in ("compound", "amod", "poss", "case",
                                                         "nummod") and token.i - left.i < 4:
        left = parsed.doc[left.i - 1]
    return parsed.article.text[left.idx:token.idx + len(token)]


# -- statuses ----------------------------------------------------------------------------------

def statuses(parsed: Parsed, sentence: SpacySpan) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(subject, value, qualifier) of each status stated in ``sentence``."""
    topic = TOPIC.match(sentence.text.lstrip("\"\u201c\u2018' "))
    for token in sentence:
        value = _status_value(token)
        if value is None:
            continue
        if any(c.lemma_ == "consider" and c.dep_ in ("xcomp", "acl") for c in token.children):
            value = "considering"  # "offer to consider", "willingness to consider"
        qualifier = status_qualifiers(token)
        if "negated" in qualifier:
            value = f"not {value}"
        subject = topic.group(1).strip() if topic else status_subject(parsed, token)
        if token.pos_ == "NOUN" and subject == token.lemma_.lower() and not qualifier \
                and value == STATUS_NOUNS.get(subject) and subject not in ALWAYS:
            continue  # a bare "offer" or "proposal" says nothing checkable
        if subject:
            yield subject, value, qualifier


# words that tie a person to the place they come from or stand for ("a Republican of Idaho",
# "Vermont Sen. Bernie Sanders", "Boston Mayor ...")
HOME_WORDS = frozenset(["republican", "democrat", "independent", "senator", "sen",
                        "representative", "rep", "congressman", "congresswoman", "governor",
                        "gov", "mayor", "lawmaker", "native", "resident"])
CANDIDATES = frozenset(["candidate", "nominee"])
# titles of a posting away from home: "Smith, the ambassador in Kabul" is not from Kabul
POSTINGS = frozenset(["ambassador", "envoy", "consul", "emissary", "correspondent", "commander"])


def is_home(fact: Fact) -> bool:
    """A place fact that says where a person is from ("Sen. Bernie Sanders (I-Vt.)": its subject
    is the person, ``home_of``), not where something is or a place's region."""
    return fact.kind == "place" and fact.subject != "place" and "region" not in fact.qualifier


def home_of(parsed: Parsed, ent: SpacySpan) -> str | None:
    """The person a place is the home of: "John Boehner (R-Ohio)", "Grassley, Republican of
    Iowa", "Boehner of Ohio", "Vermont Sen. Bernie Sanders", "Todd Akin, the Republican Senate
    candidate in Missouri" (a title or candidacy in apposition to the name, not a posting:
    "Smith, the ambassador in Kabul"), "The Texas lawmaker blamed his rival" after a sentence
    whose subject is the person (``_previous_subject``); None for any other place."""
    doc, people = parsed.doc, parsed.people
    text = parsed.article.text
    before = text[max(0, ent.start_char - 3):ent.start_char]
    if re.search(r"\b[RDI]\s?[-\u2013]\s?$", before) or (  # (R-Ohio), D-N.Y.
            before.endswith(" (") and text[ent.end_char:ent.end_char + 1] == ")"):  # "Ryan (Ohio)"
        mention = next((m for i in range(ent.start - 1, max(-1, ent.start - 6), -1)
                        if (m := people.at(i))), None)
        return mention.name if mention else None
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "from"):
        head = root.head.head  # "Boehner of Ohio"
        if head.lemma_ == "be" and head.dep_ == "relcl":
            head = head.head  # "Boehner, who is from Ohio"
        if head.lower_.rstrip(".") in HOME_WORDS and head.dep_ == "appos":
            head = head.head  # "Grassley, a Republican of Iowa"
        mention = people.at(head.i)
        return mention.name if mention else None
    if root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.dep_ == "appos" \
            and (is_title(root.head.head) or root.head.head.lemma_ in CANDIDATES) \
            and root.head.head.lemma_.lower() not in POSTINGS:
        mention = people.at(root.head.head.head.i)  # "Akin, the Senate candidate in Missouri"
        return mention.name if mention else None
    if ent.end + 1 < len(doc) and doc[ent.end].lower_.rstrip(".") in HOME_WORDS:
        mention = people.at(ent.end + 1)  # "Vermont Sen. Bernie Sanders"
        if mention is None and _described(doc[ent.end]):  # "The Texas lawmaker blamed"
            return _previous_subject(parsed, doc[ent.end])
        return mention.name if mention else None
    return _office_of(parsed, ent)


# the offices a home word names, read against a person's titles (``_previous_subject``)
OFFICES = {"senator": {"senator"}, "sen": {"senator"}, "representative": {"representative"},
           "rep": {"representative"}, "congressman": {"representative"},
           "congresswoman": {"representative"}, "governor": {"governor"}, "gov": {"governor"},
           "mayor": {"mayor"}, "lawmaker": {"senator", "representative"}}


def _described(word: Token) -> bool:
    """An office's word that opens a sentence as its main subject, with "the" and no name
    ("The Texas lawmaker blamed his rival"): a person named before (``_previous_subject``)."""
    first = word.sent[0]
    return word.lower_.rstrip(".") in OFFICES and word.dep_ in ("nsubj", "nsubjpass") \
        and first.lower_ == "the" and first.head.i == word.i and word.head.dep_ == "ROOT"


def _previous_subject(parsed: Parsed, word: Token) -> str | None:
    """The person named as the main subject of the sentence just before ``word``'s, given a
    title of the office ``word`` names ("Sen. Ted Cruz has laid down the gauntlet. The Texas
    lawmaker blamed his rival": Cruz), else None (not a subject of a clause inside it: "If
    Ryan had replaced her, it would have been all men. The California senator spoke" is no
    more Ryan's than Pelosi's; nor a person of another office: "Clinton acknowledged … The
    South Carolina congressman", of Secretary Clinton, is another person's)."""
    if word.sent.start == 0:
        return None
    previous = parsed.doc[word.sent.start - 1].sent
    mention = next((m for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")
                    and (m := parsed.people.at(c.i))), None)
    offices = OFFICES[word.lower_.rstrip(".")]
    if mention is None or not any(
            offices & set().union(*(OFFICES.get(w, set()) for w in role.value.lower().split()))
            for role in parsed.people.roles if role.person == mention.name):
        return None
    return mention.name


def _home_named_as_org(parsed: Parsed, ent: SpacySpan) -> bool:
    """A place tagged as an organisation where a person's home is named, before a title that
    ties a person to it or alone in parentheses after the name ("Bergen Gov. Ada Lusk", "Rep.
    Tom Breck (Bergen)"; not "FBI Director Ada Lusk", an office's): a name WordNet knows as a
    part of places."""
    from ..consistency.wordnet import around

    doc, text = parsed.doc, parsed.article.text
    shaped = text[max(0, ent.start_char - 2):ent.start_char] == " (" \
        and text[ent.end_char:ent.end_char + 1] == ")" \
        or ent.end + 1 < len(doc) and doc[ent.end].lower_.rstrip(".") in HOME_WORDS
    return ent.label_ == "ORG" and shaped and bool(around(ent.text.lower())) \
        and home_of(parsed, ent) is not None


def place_named_as_org(ent: SpacySpan) -> bool:
    """A place the tagger calls an organisation where only a place can be: a one-word name
    WordNet knows as a part of places (not "Bastille Day", a day WordNet puts in July), the
    object of a place preposition ("might move to Oslo") or the name a noun is qualified by
    ("the Oslo caucuses", "Oslo's voters"); not a name with its own "the" ("reported by The
    Atlantic": a magazine). Read by ``Differ.settings`` only (the extracted places are the
    tagger's)."""
    from ..consistency.wordnet import around

    root, doc = ent.root, ent.doc
    if ent.label_ != "ORG" or len(ent) > 1 or root.pos_ != "PROPN" or ent.start and (
            doc[ent.start - 1].lower_ == "the" and doc[ent.start - 1].head.i == root.i):
        return False
    placed = root.dep_ == "pobj" and root.head.lower_ in LOCATIVE \
        or root.dep_ in ("compound", "poss") and root.head.pos_ == "NOUN"
    return placed and bool(around(ent.text.lower()))


def region_of(parsed: Parsed, ent: SpacySpan) -> str | None:
    """The place a region is named with, as its own ("Benghazi, Libya", "Livingston, N.J."):
    the region of that place, which outlets may give differently. Not in a list of places
    ("Connecticut, Washington and Seattle")."""
    doc = parsed.doc
    if ent.start < 2 or doc[ent.start - 1].text != ",":
        return None
    place = next((e for e in doc.ents if e.end == ent.start - 1), None)
    head = ent.root.head
    if head.i == ent.end and head.ent_type_ == "DATE" and head.dep_ == "appos":
        head = head.head  # "in Helsinki, Finland Monday": the parser hangs it on the day
    if place is None or place.label_ not in PLACE_LABELS or any(
            parsed.people.at(t.i) for t in place) or not place.start <= head.i < place.end:
        return None  # (not a clause's subject after it: "in Gaza, Pakistan has stepped forward")
    listed = {",", "and", "or", "&"}
    if place.start and doc[place.start - 1].pos_ == "PROPN" \
            or ent.end < len(doc) and doc[ent.end].tag_ == "POS":
        return None  # "Asim Munir, Pakistan's army chief": a name, an owner
    if place.start and doc[place.start - 1].lower_ in listed \
            or ent.end < len(doc) and doc[ent.end].lower_ in listed - {","} \
            or ent.end + 1 < len(doc) and doc[ent.end].text == "," and (
                doc[ent.end + 1].lower_ in listed
                or any(e.start == ent.end + 1 and e.label_ in PLACE_LABELS for e in doc.ents)):
        return None
    return place.text


def _office_of(parsed: Parsed, ent: SpacySpan) -> str | None:
    """The person whose office's title the place opens: "Colorado Attorney General John
    Suthers", "Colorado's attorney general, John Suthers" (where the office is held), or whose
    candidacy: "Wyoming U.S Senate candidate Liz Cheney" (a candidate's home, as in
    ``home_of``)."""
    doc, people = parsed.doc, parsed.people
    start = ent.end + (ent.end < len(doc) and doc[ent.end].tag_ == "POS")
    for end in range(start + 1, min(start + 5, len(doc))):
        mention = people.at(end)
        if mention is None:
            continue
        words = list(doc[start:end - (doc[end - 1].text == ",")])
        if words and all(t.pos_ in ("PROPN", "NOUN", "ADJ") and people.at(t.i) is None
                         for t in words) and (any(map(is_title, words))
                                              or words[-1].lemma_.lower() in CANDIDATES):
            return mention.name
        return None
    return None


def status_qualifiers(token: Token) -> tuple[str, ...]:
    """negated, hedged ("could consider"), conditional ("once … concludes"), formal, future
    ("will decide"), questioned ("asked whether Pakistan has consented")."""
    found = ["negated"] if negated(token) else []
    head = token.head
    if any(c.lower_ in HEDGES for c in token.children) or (
            head is not token and token.dep_ in ("xcomp", "dobj")
            and any(c.lower_ in HEDGES for c in head.children)):
        found.append("hedged")
    if any(c.lower_ in CONDITIONS and c.dep_ in ("mark", "advmod") for c in token.children):
        found.append("conditional")
    if any(c.lower_ == "formally" for c in token.children):
        found.append("formal")
    if any(c.lower_ in FUTURE_AUX and c.dep_ == "aux" for c in token.children):
        found.append("future")
    if any(c.lower_ == "whether" for a in (token, *islice(token.ancestors, 3))
           for c in a.children):
        found.append("questioned")
    return tuple(found)


def _status_value(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in STATUS_VERBS and token.dep_ not in ("amod", "acl"):
        return STATUS_VERBS[lemma]
    if token.pos_ == "NOUN" and lemma in STATUS_NOUNS and token.dep_ != "compound":
        return STATUS_NOUNS[lemma]
    if token.lower_ in ONGOING and token.dep_ == "amod":
        return "ongoing"
    return None


def negated(token: Token) -> bool:
    """"not offered", "no decision", "neither sought nor secured", "no signs of a ceasefire",
    "no commitments have been sought"."""
    node = token
    for _ in range(3):
        if any(_negates(c) for c in node.children) or any(
                c.dep_ in ("nsubj", "nsubjpass") and any(_negates(d) for d in c.children)
                for c in node.children if node.pos_ == "VERB"):
            return True
        if node.dep_ in ("conj", "pobj", "prep") and node.head is not node:
            node = node.head
        else:
            return False
    return False


def _negates(token: Token) -> bool:
    return token.lower_ in NEGATORS and token.dep_ in ("neg", "det", "preconj", "advmod")


def status_subject(parsed: Parsed, token: Token) -> str:
    """The thing whose status is stated: the owner of a noun ("Pakistan's offer"), the subject
    of a verb ("Pakistan" offered), the described noun ("war" for "ongoing war")."""
    if token.lower_ in ONGOING:
        return phrase(parsed, token.head)
    if token.pos_ == "NOUN":
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ != "PRON":
            return f"{phrase(parsed, owner)}'s {token.lemma_.lower()}"
        return token.lemma_.lower()
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and token.dep_ in ("xcomp", "conj") and token.head is not token:
        subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None)
    if subject is None or subject.pos_ == "PRON":
        return ""
    return phrase(parsed, subject)


def _figures(doc: Any) -> Iterator[Any]:
    """The number entities that are counts (``_a_count``), without the words the tagger put
    before the figure ("the “47 percent"); and the figures the tagger left out of every entity
    while they count the noun after them ("leaders of the 7 Koreas"), or put into a name that
    runs into quoted words, which no name does ("Section 2 as “9 fifths")."""
    named = {}
    for ent in doc.ents:
        if _a_count(ent):
            start = ent.start
            while start < ent.end - 1 and (doc[start].lower_ == "the" or doc[start].is_quote):
                start += 1
            yield doc[start:ent.end]
        for i in range(ent.start, ent.end):
            named[i] = ent
    for token in doc:
        ent = named.get(token.i)
        if (ent is None or (ent.label_ not in NUMBER_LABELS and any(
                t.is_quote for t in doc[ent.start + 1:token.i]))) \
                and token.like_num and token.dep_ == "nummod" \
                and token.head.i > token.i and token.head.pos_ in ("NOUN", "PROPN") \
                and (token.text.isdigit() or token.lower_ in UNITS):
            yield doc[token.i:token.i + 1]


def _a_count(ent: Any) -> bool:
    """A number entity, or digits the tagger named something else while they count a noun
    ("288 workers" tagged as a facility); not a model's number ("Boeing 737 jets")."""
    if ent.label_ in NUMBER_LABELS:
        return True
    return ent.label_ not in NOT_COUNTS and ent.root.dep_ == "nummod" \
        and all(t.like_num for t in ent)
