"""People of one article: their mentions, canonical full names and stated roles.

``People.build(doc, skip)`` reads a parsed article once. A name is a run of capitalised proper
nouns that spaCy tags PERSON, or that stands right after a title ("Mayor Helena Varga"), before
an appositive title or age ("Tobin Reed, the city's chief engineer"; "Nadia Quennell, 34,") or
as the subject of a speech verb ("said Rosalind Achterberg"). Words of places ("Port", "Quay",
"Hospital") are never names. A shorter form ("Andrabi", "Tahir Andrabi") maps to the fullest
form in the article. Roles come from titles before a name ("US Secretary of State Marco Rubio"),
appositives ("Asim Munir, Pakistan's army chief,"), relative clauses ("Rubio, who serves as …")
and "has taken on the role of …".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..ids import normalize_for_hash

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

TITLE_HEADS = frozenset("""
secretary minister spokesperson spokesman spokeswoman spokespeople chief senator ambassador
adviser advisor president premier chairman chairwoman chair envoy governor mayor director
commissioner commander officer head leader representative congressman congresswoman lawmaker
judge justice king queen prince princess chancellor ceo diplomat official negotiator attorney
prosecutor inspector sheriff coach captain manager founder editor correspondent professor
economist analyst mp councillor councilor pope bishop imam rabbi colonel lieutenant sergeant
admiral marshal general ruler emir monarch deputy undersecretary vice-president speaker engineer
executive architect surgeon physician superintendent
sen. rep. gov. sens. reps. govs.
""".split())
PLACE_WORDS = frozenset("""
port quay street st saint mount mt lake river bay island bridge footbridge hospital road avenue
square park station harbour harbor fort cape point beach hill valley county city town district
airport university college school church cathedral market terminal centre center hall house
office ministry department council court gulf sea ocean strait association union agency
company ferries ltd inc corp group party committee press news times post herald daily radio
television network bank
""".split())
SPEECH = frozenset("""
say tell add state note warn explain continue reiterate insist argue claim announce confirm deny
acknowledge emphasise emphasize stress concede admit clarify call describe welcome promise write
""".split())
# the speech verbs as written ("said", "tells", "announced", "saying")
SPEECH_FORMS = frozenset({"said", "told", "wrote", *(
    form for verb in SPEECH for form in (verb, f"{verb}s", f"{verb}d", f"{verb}ed", f"{verb}ing"))})
# a title after these is the one held when it happened: "fired FBI Director James Comey",
# "his firing of FBI Director James Comey"
# (word forms, not lemmas: "Fire Chief Dan Jones", "after the fire, Mayor Ann Lee" are no firing)
DISMISSED = frozenset(["fired", "firing", "firings", "ousted", "ousting", "sacked", "sacking",
                       "dismissed", "dismissing", "dismissal", "ouster"])
QUALIFIERS = frozenset(["former", "acting", "interim", "outgoing", "incoming", "then", "retired"])
FILLER = frozenset("""
the a an senior top current longtime veteran new newly additional key then-current also now
republican democratic democrat conservative labour liberal us u.s. uk u.k. eu un
""".split())
JOINERS = frozenset(["of", "to", "for", "the", "'s", "\u2019s", "-"])
DETS = frozenset(["the", "a", "an"])
HONORIFICS = frozenset(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame"])
PRONOUNS = frozenset(["he", "she", "him", "her"])
SUBJECTS = ("nsubj", "nsubjpass")
NOT_NAMES = frozenset("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""".split())
NOT_NAME_ENTS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP")
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


SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])


def name_parts(words: list[str] | tuple[str, ...]) -> tuple[list[str], str]:
    """A name's words without its generational suffix, and the suffix: "Donald Trump Jr." ->
    (["donald", "trump"], "jr")."""
    if len(words) > 1 and words[-1] in SUFFIXES:
        return list(words[:-1]), words[-1]
    return list(words), ""


def without_suffix(a: list[str], b: list[str]) -> tuple[list[str], list[str]]:
    """Two names without the generational suffix both end with: "Trump Jr." ~ "Donald Trump
    Jr." as "Trump" ~ "Donald Trump". A name with a suffix and one without are compared as
    they are: no surname is "jr", and "Roger Stone" may be "Roger J. Stone Jr."."""
    (ca, sa), (cb, sb) = name_parts(a), name_parts(b)
    return (ca, cb) if sa and sa == sb else (list(a), list(b))


def same_person(a: str, b: str) -> bool:
    """"Rubio" ~ "Marco Rubio", "Tahir Andrabi" ~ "Tahir Hussain Andrabi", "Trump Jr." ~
    "Donald Trump Jr."; "Ann Lee" !~ "Bo Lee", "Donald Trump" !~ "Donald Trump Jr."."""
    wa, wb = without_suffix(name_words(a), name_words(b))
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


def _name_token(token: Token) -> bool:
    text = token.text
    return (token.pos_ == "PROPN" and text[:1].isupper() and re.fullmatch(r"[^\W\d_][\w'\-.]*",
                                                                          text) is not None
            and token.lower_ not in NOT_NAMES and token.lower_ not in PLACE_WORDS
            and token.ent_type_ not in NOT_NAME_ENTS and not is_title(token))


@dataclass
class People:
    doc: Doc
    text: str = ""  # doc.text, read once (spaCy rebuilds it on every access)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # canonical names, first mention first
    _by_token: dict[int, Mention] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc, skip: list[tuple[int, int]] | None = None) -> People:
        people, skip = cls(doc, doc.text), skip or []
        spans = [s for s in name_spans(doc) if not _inside_any(doc[s[0]].idx, skip)]
        canon = canonical_names([doc[s:e].text for s, e in spans])
        texts = [doc[s:e].text for s, e in sorted(spans)]
        named = [canon[t] if len(name_words(t)) > 1 else _by_first_name(t, canon)
                 for t in texts if len(name_words(t)) > 1 or canon[t] == t]  # no lone surname
        # a lone surname is the person of that name named most often in full or by first name,
        # then first ("Trump said" of Donald Trump, not of Melania Trump named once; "Clinton"
        # of "Hillary" and Hillary Clinton, not of Bill Clinton named twice, after her)
        surnames = {name_words(n)[-1]: n for n in sorted(
            set(named), key=lambda n: (named.count(n), -named.index(n))) if name_words(n)}
        for text in texts:
            words = name_words(text)
            if len(words) == 1 and canon[text] != text and words[0] in surnames:
                canon[text] = surnames[words[0]]
        covered = {i for s, e in spans for i in range(s, e)}
        for token in doc:
            if token.i not in covered and token.lower_ in surnames and _name_token(token) \
                    and not _inside_any(token.idx, skip):
                spans.append((token.i, token.i + 1))
                canon[token.text] = surnames[token.lower_]
        for s, e in sorted(spans):
            people._add(Mention(s, e, canon.get(doc[s:e].text, doc[s:e].text)))
        people.names = list(dict.fromkeys(m.name for m in people.mentions))
        people.roles = find_roles(people)
        return people

    def _add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self._starts.append(self.doc[mention.start].idx)
        for i in range(mention.start, mention.end):
            self._by_token[i] = mention

    def at(self, token_i: int) -> Mention | None:
        return self._by_token.get(token_i)

    def before(self, char: int, skip: list[tuple[int, int]] | None = None) -> str | None:
        """The person "he"/"she" at ``char`` refers to: of the last few people mentioned
        before it (outside ``skip``), the last one that was a subject, else the last one."""
        recent: list[Mention] = []
        i = bisect.bisect_left(self._starts, char) - 1
        while i >= 0 and len(recent) < 4:
            if not _inside_any(self._starts[i], skip or []):
                recent.append(self.mentions[i])
            i -= 1
        if not recent:
            return None
        chosen = next((m for m in recent if self._is_subject(m)), recent[0])
        if self._object_just_before(recent, char):
            chosen = recent[0]  # "That did not satisfy Justice Scalia. “…,” he said"
        if self._unnamed_subject_between(chosen, char):
            return None
        said_by = self._reported_by(chosen, char)
        return self.before(said_by.idx, skip) if said_by is not None else chosen.name

    def _object_just_before(self, recent: list[Mention], char: int) -> bool:
        """The last person named is in the sentence just before the pronoun's, whose subject
        is "that", "this" or "it" ("That did not satisfy Justice Scalia. “…,” he said"): that
        person is who the pronoun refers to. (Not after any other subject: "The crowd cheered
        for Ann Lee. “…,” he said" is no more Ann Lee's than the speaker named before.)"""
        at = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if at is None or not len(at) or at[0].sent.start == 0:
            return False
        previous = self.doc[at[0].sent.start - 1].sent
        inside = [m for m in recent if previous.start <= m.start < previous.end]
        return bool(inside) and inside[0] == recent[0] and any(
            c.dep_ in SUBJECTS and c.lower_ in ("that", "this", "it")
            for c in previous.root.children)

    def _unnamed_subject_between(self, mention: Mention, char: int) -> bool:
        """The sentence before the pronoun's has a title without a name for its subject, after
        ``mention`` ("Strzok's attorney blasted the bureau. He added, “…”": he is the
        attorney, whose name the article does not give there, not the last person named)."""
        at = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if at is None or not len(at) or at[0].sent.start == 0:
            return False
        previous = self.doc[at[0].sent.start - 1].sent
        after = self.doc[mention.end - 1].idx
        return any(c.dep_ in SUBJECTS and c.pos_ == "NOUN" and is_title(c) and c.idx > after
                   and self.at(c.i) is None for c in previous.root.children)

    def _reported_by(self, mention: Mention, char: int) -> Token | None:
        """The "he" who said what ``mention`` is the subject of, when the pronoun at ``char`` is
        also "he" ("He said Grassley would chair the committee. “…,” he said": the second "he"
        is the first, not Grassley)."""
        head = self.doc[mention.end - 1].head
        at = self.doc.char_span(char, char + 1, alignment_mode="expand")
        pronoun = at[0].lower_ if at is not None and len(at) else ""
        if head.dep_ != "ccomp" or pronoun not in ("he", "she"):
            return None
        return next((c for c in head.head.children if c.dep_ in SUBJECTS
                     and c.lower_ == pronoun and c.idx < self.doc[mention.start].idx), None)

    def _is_subject(self, mention: Mention) -> bool:
        """The subject of a clause that tells something, or the person a "who" is the subject
        for; not of a gerund ("a story about Romney caring for a family": Romney is no one "he"
        refers back to for that)."""
        token = self.doc[mention.end - 1]
        if token.dep_ in SUBJECTS and token.head.tag_ == "VBG" \
                and token.head.dep_ in ("pcomp", "acl"):
            return False
        if token.dep_ in SUBJECTS or (token.dep_ == "appos"
                                      and token.head.dep_ in (*SUBJECTS, "ROOT")):
            return True
        # "the ire of Justice Scalia who said he was whipsawed" (whatever "who" hangs on)
        after = [t for t in self.doc[token.i + 1:token.i + 3] if t.text != ","][:1]
        return bool(after) and after[0].lower_ == "who" and after[0].dep_ in SUBJECTS

    def by_role(self, word: str, char: int) -> str | None:
        """The person last mentioned before ``char`` whose role contains ``word``."""
        word = role_word(word)
        holders = {r.person for r in self.roles if _holds(r.value, word)}
        i = bisect.bisect_left(self._starts, char)
        for mention in reversed(self.mentions[:i]):
            if mention.name in holders:
                return mention.name
        return next(iter(sorted(holders)), None)


SECOND = frozenset(["vice", "deputy", "assistant", "associate", "under", "lieutenant", "lt."])


def _holds(role: str, word: str) -> bool:
    """The role is the title ``word`` itself, not a second to it: "the president" is not the
    "Vice President", nor "the governor" the "Lieutenant Governor"."""
    words = re.split(r"[\s-]+", role.lower())
    return any(w == word and (i == 0 or words[i - 1] not in SECOND) for i, w in enumerate(words))


def _by_first_name(name: str, canon: dict[str, str]) -> str:
    """A first name alone ("Hillary") counts for the one full name it begins, if one does."""
    words = name_words(name)
    if len(words) != 1:
        return name
    fuller = {n for n in canon.values() if len(name_words(n)) > 1 and name_words(n)[0] == words[0]}
    return fuller.pop() if len(fuller) == 1 else name


def _inside_any(char: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``char`` falls in one of ``ranges`` (sorted, not overlapping)."""
    i = bisect.bisect_right(ranges, (char, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= char < ranges[i][1]


def name_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of person names (see the module docstring)."""
    found = []
    persons = {i: (e.start, e.end) for e in doc.ents if e.label_ == "PERSON"
               for i in range(e.start, e.end)}
    for start, end, after_title in _propn_runs(doc):
        if end - start >= 2 and start >= 2 and doc[start - 1].lower_ in ("of", "to") \
                and is_title(doc[start - 2]):  # "Secretary of Agriculture John Boehner",
            start += 1  # "Ambassador to Canada Enrique Peña Nieto" (not "of Majestic Steel USA")
            after_title = all(t.ent_type_ in ("", "PERSON") for t in doc[start:end])
        ent = next((persons[i] for i in range(start, end) if i in persons), None)
        if ent is not None and end - start >= 2 and not after_title:
            start, end = max(start, ent[0]), min(end, ent[1])
        unlabelled = all(t.ent_type_ in ("", "PERSON") for t in doc[start:end])
        if after_title or (end - start >= 2 and (ent is not None or unlabelled and (
                _appositive(doc, end) or _speaker(doc[end - 1])))) or (
                ent is not None and doc[end - 1].dep_ in SUBJECTS):
            found.append((start, end))
    return found


def _propn_runs(doc: Doc) -> Iterator[tuple[int, int, bool]]:
    """Runs of name tokens, each with whether it follows a title: "Mayor Varga", "spokesman
    Tahir Andrabi", "spokesperson, Tahir Hussain Andrabi" (not "official Twitter")."""
    start: int | None = None
    title: Token | None = None
    for token in [*doc, None]:
        if token is not None and (_name_token(token) or start is not None and _joins(doc, token)):
            start = token.i if start is None else start
            continue
        end = token.i if token is not None else len(doc)
        if start is not None:
            yield start, end, title is not None and (end - start >= 2 or title.text[:1].isupper())
        start, title = None, _title_before(doc, token)


def _joins(doc: Doc, token: Token) -> bool:
    """The hyphen of "Holtz-Eakin": no space on either side, a name on both."""
    i = token.i
    return (token.text == "-" and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_
            and not token.whitespace_ and _name_token(doc[i + 1]))


def _title_before(doc: Doc, token: Token | None) -> Token | None:
    """The title a name after ``token`` would follow ("Mayor", or "spokesperson" before ",")."""
    if token is None:
        return None
    if is_title(token):
        return token
    if token.text == "," and token.i > 0 and is_title(doc[token.i - 1]):
        return doc[token.i - 1]
    return None


def _appositive(doc: Doc, end: int) -> bool:
    """", the city's chief engineer," or ", 34," after a name."""
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    if doc[end + 1].like_num and doc[end + 2].text == ",":
        return True
    for token in doc[end + 1:end + 9]:
        if is_title(token):
            return True
        if token.is_punct and token.tag_ != "POS":
            return False
    return False


def _speaker(token: Token) -> bool:
    return token.dep_ in SUBJECTS and token.head.lemma_.lower() in SPEECH


SHORT_TITLES = {"sen.": "senator", "rep.": "representative", "gov.": "governor",
                "sens.": "senator", "reps.": "representative", "govs.": "governor"}


def role_word(word: str) -> str:
    word = word.lower()
    if word in ("spokesman", "spokeswoman", "spokespeople"):
        return "spokesperson"
    return "adviser" if word == "advisor" else SHORT_TITLES.get(word, word)


# words of a title that name no office
ROLE_FILLER = frozenset(
    ["the", "a", "an", "of", "us", "u.s.", "senior", "top", "current", "then", "new"]
)

# titles that say only that someone holds some post: compatible with any other
GENERIC = frozenset(["official", "aide", "spokesman", "spokeswoman", "spokesperson", "member",
                     "figure", "head", "executive", "staffer", "adviser", "advisor",
                     "leader"])  # what a holder of any office may also be called
# an organisation's initials stand for its words: "FBI deputy director" / "bureau deputy director"
INITIALS = {"fbi": "federal bureau investigation", "cia": "central intelligence agency",
            "rnc": "republican national committee", "dnc": "democratic national committee",
            "nsa": "national security agency", "doj": "justice department",
            "dhs": "homeland security department", "epa": "environmental protection agency"}
SAME_WORD = {"chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
             "congressman": "representative", "congresswoman": "representative",
             "rep": "representative", "spokeswoman": "spokesman", "spokesperson": "spokesman",
             "gop": "republican", "democrat": "democratic", "lt": "lieutenant"}

def role_words(value: str) -> frozenset[str]:
    """A title's words that name its office, one word for each way of writing one ("Chief
    Executive" is "ceo", "Rep." "representative", "FBI" its words too)."""
    text = re.sub(r"(?<=\w)\.(?=\w)", "", normalize_for_hash(value))  # C.I.A. -> CIA
    text = re.sub(r"\bchief executive(?: officer)?\b", "ceo", text)
    words = text.replace("'s", "").replace("-", " ").split()
    words = [SAME_WORD.get(w.strip(".,"), w.strip(".,")) for w in words]
    words += [x for w in words for x in INITIALS.get(w, "").split()]
    return frozenset(w for w in words if w and w not in ROLE_FILLER and w not in ("ex", "former"))


# -- roles ---------------------------------------------------------------------------------------

def find_roles(people: People) -> list[Role]:
    roles = []
    for m in people.mentions:
        role = next((r for r in _roles_around(people, m) if r is not None), None)
        if role and _seat_left(people.doc[m.end - 1]):
            role = replace(role, qualifier=(*role.qualifier, "then"))
        if role:
            roles.append(role)
            roles.extend(_coordinated(people, m))
        roles.extend(_roles_after(people, m))
    return roles


SEATS = frozenset(["seat", "post", "job", "position"])
LEFT = frozenset(["open", "vacant", "empty", "old", "former"])  # a seat its holder has left
FILLED = frozenset(["fill", "vacate", "inherit"])


def _seat_left(name: Token) -> bool:
    """The name owns a seat its holder has left: "to fill Sen. John Kerry's open seat" (the
    title is the one he held then, like "then-Senator"); not "Sen. Vale's office said"."""
    seat = name.head
    return name.dep_ == "poss" and seat.lemma_.lower() in SEATS and (
        any(c.dep_ == "amod" and c.lower_ in LEFT for c in seat.children)
        or seat.head.lemma_.lower() in FILLED)


def _coordinated(people: People, m: Mention) -> list[Role]:
    """The first of two titles joined by "and" before an appositive name: "Iran's deputy
    foreign minister and senior nuclear negotiator, Abbas Araghchi" holds both. Not without
    the comma: "the president and Vice President Mike Pence" are two people."""
    doc = people.doc
    if m.start < 2 or doc[m.start - 1].text != ",":
        return []
    run = _run_left(people, m.start - 1)
    if run is None or run[0] < 2 or doc[run[0] - 1].lower_ != "and" \
            or not is_title(doc[run[0] - 2]) or people.at(run[0] - 2) is not None:
        return []
    first = _run_left(people, run[0] - 1)
    role = _make_role(people, first, m.name) if first else None
    return [role] if role else []


def _roles_around(people: People, m: Mention) -> Iterator[Role | None]:
    """Roles from a title before the name, or an appositive before or after it; none for a
    name that modifies a noun ("the policy director for the Romney campaign")."""
    doc = people.doc
    last = doc[m.end - 1]
    if last.dep_ == "compound" and last.head.i >= m.end and last.head.pos_ == "NOUN":
        return
    before = doc[m.start - 1].lower_ if m.start else ""
    runs = [None if _stranded_after(doc, m.end) else _run_left(people, m.start)]
    prev = people.at(m.start - 2) if m.start >= 2 else None
    if before in ("and", ",") and prev is not None:  # "Sens. Ann Vale and Bo Lin": plural
        shared = _run_left(people, prev.start)     # titles only ("President Obama and
        if shared and _plural(doc[shared[1] - 1]):  # Netanyahu": Netanyahu is no president)
            runs.append(shared)
    if before == ",":
        runs.append(_run_left(people, m.start - 1))
    if m.end < len(doc) and doc[m.end].text == ",":
        runs.append(_run_right(people, m.end + 1, appositive=True))
    for k, run in enumerate(runs):
        after = k == len(runs) - 1 and run is not None and run[0] > m.start
        yield _make_role(people, run, m.name, after) if run else None


def _stranded_after(doc: Doc, end: int) -> bool:
    """The name opens a relative clause whose preposition is left without its object: "the
    president Blumenthal worked for": the title is the president's, not Blumenthal's."""
    if end + 1 >= len(doc) or doc[end].tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    after = doc[end + 1]
    return after.dep_ == "prep" and after.head == doc[end] and not any(after.children)


def _plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or token.lower_ in ("sens.", "reps.", "govs.")


def _roles_after(people: People, m: Mention) -> list[Role]:
    doc = people.doc
    end_char = doc[m.end - 1].idx + len(doc[m.end - 1])
    sent_end = doc[m.end - 1].sent.end_char
    match = ROLE_LEAD.match(people.text[end_char:sent_end])
    if not match or not match.group(0).strip():
        return []
    start = doc.char_span(end_char + match.end(), sent_end, alignment_mode="expand")
    if start is None or not len(start):
        return []
    run = _run_right(people, start.start, appositive=False)
    role = _make_role(people, run, m.name, after=True) if run else None
    return [role] if role else []


def _title_token(token: Token, people: People) -> bool:
    if people.at(token.i) is not None or token.is_space or token.ent_type_ in (
            "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY"):
        return False
    return token.pos_ in ("PROPN", "NOUN", "ADJ") or token.lower_ in JOINERS | DETS


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
    if appositive and i < len(doc) and not (doc[i].is_punct or doc[i].pos_ == "ADP"
                                            or doc[i].lower_ in ("who", "and")):
        return None
    return start, i


def _make_role(people: People, run: tuple[int, int], person: str,
               after: bool = False) -> Role | None:
    """``after``: a phrase after the name ("Schiff, a vocal critic of the president"), whose
    title comes before any "of", "to" or "for": a title after one is somebody else's."""
    tokens = list(people.doc[run[0]:run[1]])
    run_end = tokens[-1].idx + len(tokens[-1])
    if len(tokens) > 2 and tokens[-2].text == "-" and tokens[-1].lower_ in ("elect", "designate"):
        tokens = tokens[:-2]  # "President-elect": the title, not yet held (``FUTURE``)
    heads = [k for k, t in enumerate(tokens) if is_title(t)]
    if after:
        cut = next((k for k, t in enumerate(tokens) if t.lower_ in ("of", "to", "for")),
                   len(tokens))
        heads = [k for k in heads if k < cut]
    if not heads:
        return None
    head = heads[-1]
    tail = tokens[head + 1:]
    if tail and not _is_complement(tail):
        return None
    if not after and len(tail) > 1 and tail[-2].lower_ in ("to", "for") \
            and tail[-1].lower_ in HONORIFICS:
        return None  # "the chief of staff to Mr. Lin": the title is an aide's ("… for Rep.
        # Lin" gives Lin the last title, "Rep.")
    qualifier: list[str] = []
    k = max((j + 1 for j in range(head) if tokens[j].lower_ in ("of", "to", "for")
             or _is_possessive(tokens[j])), default=0)
    if any(t.lower_ in QUALIFIERS for t in tokens[:k]):
        qualifier.append(next(t.lower_ for t in tokens[:k] if t.lower_ in QUALIFIERS))
    doc = people.doc  # the word right before the title ("firing FBI Director James Comey"),
    before = [doc[i] for i in (run[0] - 1, run[0] - 2)  # or before "of" ("firings of FBI …")
              if i >= 0 and (i == run[0] - 1 or doc[run[0] - 1].lower_ == "of")]
    if any(t.lower_ in DISMISSED for t in (*before, *tokens[:k])) or (
            k < head and tokens[k].lower_ in DISMISSED):
        qualifier.append("then")  # the title held when it happened
        k += k < head and tokens[k].lower_ in DISMISSED
    inner = [j for j in range(k, head) if tokens[j].lower_ in QUALIFIERS]
    if inner and inner[-1] > k:  # "to his legal team former New York mayor": the title is
        k = inner[-1]  # what follows "former" (which _strippable records), not the team
    dash = run[0] if tokens[0].text == "-" else run[0] - 1  # "then-Senator Obama"
    if dash >= 1 and people.doc[dash].text == "-" and people.doc[dash - 1].lower_ in QUALIFIERS:
        qualifier.append(people.doc[dash - 1].lower_)
    if FUTURE.search(people.text, tokens[head].idx, run_end):
        qualifier.append("designate")  # "secretary of State-designate", "… pick": not yet held
    if PERIOD.match(people.text, tokens[-1].idx + len(tokens[-1])):
        qualifier.append("former")  # "Mexico's president from 2000 to 2006": held then
    while k < head and _strippable(tokens[k], qualifier):
        k += 1
    core = tokens[k:head + 1]
    value, kept = _role_value(people.text, core, tail)
    last = tail[-1] if kept and tail else core[-1]
    full = people.text[core[0].idx:tokens[-1].idx + len(tokens[-1])]
    return Role(person, value, full, core[0].idx, last.idx + len(last),
                tuple(dict.fromkeys(qualifier)))


# a title named but not yet held: "Secretary of State nominee", "secretary of State-designate",
# "Attorney General pick", "President-elect"
FUTURE = re.compile(r"[-\s](?:designate|elect|pick|nominee)\b", re.I)
# a closed period after a title: "from 2000 to 2006", "between 1993 and 2001", "(2009-2017)"
PERIOD = re.compile(r"\s*,?\s*(?:(?:from|between)\s+(?:19|20)\d\d\s+(?:to|until|and|through)\s+"
                    r"|\(\s*(?:19|20)\d\d\s*[-\u2013]\s*)(?:19|20)\d\d\b")


def _is_complement(tail: list[Token]) -> bool:
    """"of State", "to the US", "for the city": what follows a title's head word."""
    return tail[0].lower_ in ("of", "to", "for") and len(tail) > 1 and all(
        t.lower_ in JOINERS or t.pos_ in ("PROPN", "NOUN", "ADJ") for t in tail[1:])


def _strippable(token: Token, qualifier: list[str]) -> bool:
    word = token.lower_
    if word in QUALIFIERS:
        qualifier.append(word)
        return True
    return (word in FILLER or word in JOINERS or token.ent_type_ in ("GPE", "NORP")
            or token.tag_ == "POS")


def _is_possessive(token: Token) -> bool:
    """The "'s" of "Pakistan's army chief", "the city's chief engineer": the owner is no title."""
    return token.tag_ == "POS" or token.lower_ in ("'s", "\u2019s")


def _role_value(text: str, core: list[Token], tail: list[Token]) -> tuple[str, bool]:
    """The title without country, article or complement, and whether the tail was kept."""
    head = core[-1]
    word = head.text if head.tag_ not in ("NNS", "NNPS") else head.lemma_
    word = role_word(word) if role_word(word) != word.lower() else word
    value = text[core[0].idx:head.idx] + word
    if word == "spokesperson" and tail and tail[0].lower_ == "of":
        org = [t.text for t in tail[1:] if t.ent_type_ not in ("GPE", "NORP")
               and t.lower_ not in ("the", "'s", "\u2019s")]
        return (" ".join([*org, value]), True) if org else (value, False)
    if tail and tail[0].lower_ == "of" and len(tail) == 2 and tail[1].text[:1].isupper():
        return f"{value} of {tail[1].text}", True
    return value, False
