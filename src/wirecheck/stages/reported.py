"""Indirect quotes: what a source is reported to have said, thought, wanted or judged, outside
quotation marks (PolNeAR's sense of an attribution).

The cue is a verb of saying, thinking, wanting, judging, talking about or presenting, with a
source as its subject (see ``speakers.speaker_of``); the content is, in this order, its reported
clause ("X said (that) …", "polls show …"), its infinitive ("X urged supporters to …", "X plans
to …"), its object ("X criticized the deal as …", "a poll shows Clinton ahead …"), or its
prepositional object ("X called for …", "X warned of …"). An adjective of attitude takes its
complement ("X was critical of …", "X is confident that …"), a noun of stance its owner's
("Trump's criticism of …", "the senator's claim that …"). "According to X, …" takes the rest of
the sentence; a speech tag set off by commas ("…, X said, …" / "…, X said.") takes the sentence;
a line "X: …" (a headline, or a transcript's "PENCE: …") takes the rest of the line. A clause
that runs into a whole quotation is kept only up to "…, saying, “…”"; one with a partial
quotation inside keeps it; a clause stops at another speaker's tag inside it. Headings are
skipped.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from ..nlp.spacy_backend import Parsed
from ..text.datelines import DATELINE
from .speakers import SUBJECTS, Speaker, cue_text, inside, known_name, name_of, speaker_of

if TYPE_CHECKING:
    from spacy.tokens import Token

SAYING = frozenset("""
say add state tell note warn explain reiterate insist argue claim declare announce ask reply
respond write tweet post remark emphasise emphasize stress acknowledge admit confirm deny concede
caution suggest recall observe assert maintain comment mention predict promise vow clarify allege
reveal disclose report indicate agree testify complain boast contend conclude charge accuse
retort counter answer hint proclaim recount concur repeat echo insist
""".split())
THINKING = frozenset("""
think believe know feel fear worry hope expect doubt find show estimate calculate determine
realize realise understand recognize recognise suspect wonder question assume guess imagine
learn discover decide project forecast see consider
""".split())
WANTING = frozenset("""
urge ask call tell order invite encourage want plan vow promise pledge refuse decline threaten
intend hope expect seek demand propose offer agree push press implore challenge dare
""".split())
JUDGING = frozenset("""
criticize criticise praise endorse cite attack question mention defend deny announce propose
blast slam accuse blame describe dismiss condemn reject support oppose applaud welcome hail tout
highlight dispute challenge mock ridicule decry lambaste laud commend back favor favour recommend
express voice acknowledge reiterate repeat predict claim allege call demand warn promise pledge
suggest discuss address raise question rule denounce fault credit thank portray characterize
""".split())
TALKING = frozenset("""
point talk speak refer focus rail joke lash scoff allude react apologize insist dwell weigh
comment testify campaign advocate argue spar vouch pounce boast brag complain warn
""".split())  # with a prepositional object: "talked about …", "pointed to …"
PRESENTING = frozenset("""
release issue deliver share publish present outline unveil detail list identify embrace promote
reference introduce invoke compare quote recite read remind assure convince persuade inform
underscore articulate champion label dub coin frame interpret paint regard view consider see
attribute liken rebuke chide deride revile rebuff repudiate disavow downplay contradict hammer
assail rip knock target eviscerate satirize expose celebrate congratulate cheer hate love like
prefer remember lament bemoan envision imply deem signal prove demonstrate speculate query
retweet affirm reaffirm justify elaborate define tease reassure utter air
""".split())
ATTITUDES = frozenset("""
clear critical supportive willing confident skeptical sceptical worried sure aware concerned
hopeful optimistic pessimistic eager hostile enamored proud wary opposed reluctant happy angry
upset nervous glad convinced certain unsure uncertain afraid frustrated furious outraged
disappointed determined adamant insistent open vocal outspoken doubtful fearful keen anxious
""".split())  # "X was critical of …", "X is confident that …"
STANCES = frozenset("""
statement criticism view concern endorsement message decision opposition request position idea
proposal response argument suggestion complaint critique announcement assertion allegation
opinion advice appeal insult accusation belief claim call warning attitude contention prediction
assessment description admission commitment support praise promise pledge vow demand plan threat
remark comment comments remarks reaction denial refusal insistence assurance charge attack
""".split())  # "Trump's criticism of …", "the senator's claim that …"
PREPOSITIONS = frozenset(["for", "about", "of", "on", "to", "against", "over", "at", "with"])
# verbs whose "to" names who was addressed, not what was said ("wrote to the council", "spoke to
# reporters"; but "pointed to", "referred to", "agreed to", "objected to" name the content)
ADDRESSING = frozenset("""say write tell tweet post explain announce report state declare mention
complain speak talk send""".split())
# verbs whose "at" and "with" name where and to whom, not what ("spoke at a rally", "talked
# with reporters"; but "railed at", "sparred with" name the content)
SPEAKING = frozenset("speak talk".split())
REPORTING = SAYING | THINKING | WANTING | JUDGING | TALKING | PRESENTING
LABEL = re.compile(r"[\"\u201c\u2018']?(?P<label>[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){0,3})"
                   r":\s+(?=\S)")
NOT_LABELS = frozenset("update note editor photo video watch read related source sources "
                       "breaking exclusive opinion analysis correction".split())
TRAILING = re.compile(r"[\s,;:\u2014\u2013-]*(?:\b(?:saying|adding|noting|explaining)\b)?[\s,;:]*$")

Reported = tuple[int, int, Speaker, int, str]  # start, end, speaker, cue offset, cue text


def reported(parsed: Parsed, quoted: list[tuple[int, int]],
             direct: list[tuple[int, int]]) -> Iterator[Reported]:
    """Indirect quotes outside quotation marks and headings; ``quoted`` are all quotations,
    ``direct`` the whole-sentence ones (a clause never takes one in)."""
    for token in parsed.doc:
        if inside(token.idx, quoted) or parsed.paragraph_kind(token.idx) == "heading":
            continue
        if token.lower_ == "according":
            found = _according(parsed, token, quoted, direct)
        elif token.pos_ == "VERB" and token.lemma_.lower() in REPORTING:
            found = _reported(parsed, token, quoted, direct)
        elif token.pos_ == "ADJ" and token.lemma_.lower() in ATTITUDES \
                and token.dep_ in ("acomp", "oprd"):
            found = _attitude(parsed, token, quoted, direct)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in STANCES:
            found = _stance(parsed, token, quoted, direct)
        else:
            continue
        if found and len(parsed.article.text[found[0]:found[1]].split()) >= 2:
            yield found


def _reported(parsed: Parsed, cue: Token, quoted: list[tuple[int, int]],
              direct: list[tuple[int, int]]) -> Reported | None:
    speaker = speaker_of(parsed, cue, quoted)
    if speaker is None:
        return None
    tokens = _content(cue)
    if tokens is None:
        return _tagged(parsed, cue, speaker, quoted, direct)
    if tokens and tokens[0].idx < cue.idx and any(
            tokens[0].idx < q_end and q_start < cue.idx for q_start, q_end in direct):
        return None  # '“…,” the report added': the quotation is the reported speech
    return _span(parsed, cue, speaker, tokens, direct)


def _content(cue: Token) -> list[Token] | None:
    """The tokens of what ``cue`` reports (see the module docstring), or None."""
    lemma = cue.lemma_.lower()
    children = list(cue.children)
    clause = _clause(cue)
    if clause is not None and lemma in SAYING | THINKING | WANTING:
        return _until_next_tag(list(clause.subtree), clause)
    infinitive = next((c for c in children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")),
                      None)
    obj = next((c for c in children if c.dep_ in ("dobj", "dative")), None)
    if infinitive is not None and lemma in WANTING:
        first = obj if obj is not None and obj.i < infinitive.i else infinitive
        return list(cue.doc[first.left_edge.i:infinitive.right_edge.i + 1])
    objective = JUDGING | PRESENTING | THINKING
    if obj is not None and lemma in objective and obj.pos_ not in ("PRON",) or (
            obj is not None and obj.lower_ in ("it", "this", "that") and lemma in objective
            and any(c.dep_ in ("oprd", "xcomp") for c in children)):
        assert obj is not None
        tail = [c for c in children if c.i > obj.i and (
            c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ in ("as", "of", "for")
            or lemma in THINKING and c.dep_ in ("advmod", "prep", "acomp", "npadvmod"))]
        last = max([obj, *tail], key=lambda t: t.right_edge.i).right_edge
        return list(cue.doc[obj.left_edge.i:last.i + 1])
    prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in PREPOSITIONS
                 and not (c.lower_ == "to" and lemma in ADDRESSING)  # "wrote to the council"
                 and not (c.lower_ in ("at", "with") and lemma in SPEAKING)  # "spoke at a rally"
                 and not _anonymity(c)
                 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
    if prep is not None and lemma in JUDGING | SAYING | WANTING | TALKING:
        inner = next(g for g in prep.children if g.dep_ in ("pobj", "pcomp"))
        return list(inner.subtree)
    return None


def _anonymity(prep: Token) -> bool:
    """"on condition of anonymity": how a source spoke, not what it said."""
    return prep.lower_ == "on" and any(g.lower_ == "condition" for g in prep.children)


def _attitude(parsed: Parsed, cue: Token, quoted: list[tuple[int, int]],
              direct: list[tuple[int, int]]) -> Reported | None:
    """'X was critical of the deal' / 'X is confident that …': the adjective's complement,
    said of the subject of its verb."""
    speaker = speaker_of(parsed, cue.head, quoted)
    content = next((c for c in cue.children if c.dep_ in ("ccomp", "xcomp")), None)
    if content is None:
        content = _prepositional_object(cue)
    if speaker is None or content is None:
        return None
    return _span(parsed, cue, speaker, list(content.subtree), direct)


def _stance(parsed: Parsed, cue: Token, quoted: list[tuple[int, int]],
            direct: list[tuple[int, int]]) -> Reported | None:
    """'Trump's criticism of the deal' / 'the senator's claim that …': the noun's complement,
    said of its owner."""
    owner = next((c for c in cue.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ == "PRON" and owner.lower_ not in ("his", "her", "their"):
        return None
    speaker = _owner(parsed, owner, quoted)
    content = next((c for c in cue.children if c.dep_ in ("acl", "ccomp")), None)
    if content is None:
        content = _prepositional_object(cue, PREPOSITIONS)
    if speaker is None or content is None:
        return None
    return _span(parsed, cue, speaker, list(content.subtree), direct)


def _prepositional_object(cue: Token, only: Collection[str] | None = None) -> Token | None:
    """The object of the cue's preposition ("critical *of the deal*"), from ``only`` those."""
    for prep in cue.children:
        if prep.dep_ == "prep" and (only is None or prep.lower_ in only):
            found = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
            if found is not None:
                return found
    return None


def _owner(parsed: Parsed, owner: Token, quoted: list[tuple[int, int]]) -> Speaker | None:
    if owner.lower_ in ("his", "her"):
        name = parsed.people.before(owner.idx, quoted)
        return Speaker(name, owner.idx, owner.idx + len(owner)) if name else None
    return name_of(parsed, owner, quoted)


def _span(parsed: Parsed, cue: Token, speaker: Speaker, tokens: list[Token],
          direct: list[tuple[int, int]]) -> Reported | None:
    if tokens and tokens[0].dep_ == "mark" and tokens[0].lower_ in ("that", "whether", "if"):
        tokens = tokens[1:]
    if not tokens or speaker.start <= cue.idx < speaker.end:
        return None
    sentence = parsed.sentence_at(cue.idx)
    start = max(tokens[0].idx, sentence[0])
    end = min(tokens[-1].idx + len(tokens[-1]), sentence[1])
    return _clip(parsed, start, end, direct, speaker, cue)


def _clause(cue: Token) -> Token | None:
    """The reported clause: after the cue, or before it when only a comma parts them ("…,
    he said"), not a clause ended by a colon ("… on Friday: Republicans said they …")."""
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    after = next((c for c in clauses if c.i > cue.i), None)
    if after is not None:
        return after
    for clause in clauses:
        gap = cue.doc[clause.right_edge.i + 1:cue.i]
        if not any(t.text in (":", ";") for t in gap):
            return clause
    return None


def _until_next_tag(tokens: list[Token], root: Token) -> list[Token]:
    """A clause up to another speaker's tag inside it ("… paid leave, and …, the mother of
    three replied, …")."""
    for token in tokens:
        if token is root or token.pos_ != "VERB" or token.lemma_.lower() not in SAYING:
            continue
        subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
        if subject is None or subject.i < tokens[0].i:
            continue
        cut = subject.left_edge.i
        while cut > tokens[0].i and cut - 1 >= 0 and token.doc[cut - 1].lower_ in (
                ",", "and", "but", "when", "while"):
            cut -= 1
        kept = [t for t in tokens if t.i < cut]
        if kept and cut < subject.left_edge.i:  # only at a clause boundary
            return kept
    return tokens


def _tagged(parsed: Parsed, cue: Token, speaker: Speaker, quoted: list[tuple[int, int]],
            direct: list[tuple[int, int]]) -> Reported | None:
    """'Acts of protest, Mr. Obama said, are acts of patriotism' / '…, Mr. Clarke said.':
    the sentence around a speech tag set off by commas."""
    if cue.lemma_.lower() not in SAYING or cue.dep_ not in ("ROOT", "parataxis", "advcl"):
        return None
    text = parsed.article.text
    s_start, s_end = parsed.sentence_at(cue.idx)
    words = [t for t in cue.subtree if t.dep_ != "punct" or t.i == cue.i]
    tag_start = min(speaker.start, words[0].idx)
    tag_end = words[-1].idx + len(words[-1])
    before, after = text[s_start:tag_start].rstrip(), text[tag_end:s_end].strip()
    if not before.endswith(","):
        return None
    if not after.strip(".!? "):
        return _clip(parsed, s_start, tag_start, direct, speaker, cue)
    if not after.startswith(","):
        return None
    return _clip(parsed, s_start, s_end, direct, speaker, cue)


def _according(parsed: Parsed, token: Token, quoted: list[tuple[int, int]],
               direct: list[tuple[int, int]]) -> Reported | None:
    speaker = speaker_of(parsed, token, quoted)
    phrase = list(token.subtree)
    if speaker is None or not phrase:
        return None
    text = parsed.article.text
    s_start, s_end = parsed.sentence_at(token.idx)
    p_start, p_end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    if not text[s_start:p_start].strip(" ,"):
        return _clip(parsed, p_end, s_end, direct, speaker, token)
    if not text[p_end:s_end].strip(" .,"):
        return _clip(parsed, s_start, p_start, direct, speaker, token)
    return None


def _clip(parsed: Parsed, start: int, end: int, direct: list[tuple[int, int]],
          speaker: Speaker, cue: Token) -> Reported | None:
    """Trim a clause to its words. A clause running into a whole quotation is kept only up
    to "…, saying, “…”", and none is left when the quotation comes first."""
    text = parsed.article.text
    for q_start, q_end in direct:
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
    if dateline := DATELINE.match(text, start, end):
        start = dateline.end()  # "PORT AMBERLEY, Oct 14 (Meridian Press) - " is no one's words
    match = TRAILING.search(text, start, end)
    if match and match.start() < end:
        end = match.start()
    end = end - 1 if end > start and text[end - 1] == "." else end
    if end <= start:
        return None
    return start, end, speaker, cue.idx, cue_text(cue)


def labelled(parsed: Parsed, start: int, end: int) -> tuple[Speaker, int] | None:
    """'PENCE: Well, look, …' / 'Pat Caddell: Democrats worried …': the speaker named by a
    label that opens a line, and where the words after it start. The label names a person of
    the article, or is in capitals in a transcript (two such lines or more; never a dateline
    such as 'ISLAMABAD:'), or opens the first line (a headline)."""
    text = parsed.article.text
    match = LABEL.match(text, start, end)
    if match is None:
        return None
    label = match.group("label")
    words = label.rstrip(".").lower().split()
    if not words or words[0] in NOT_LABELS:
        return None
    speaker = known_name(parsed, label, match.start("label"))
    span = parsed.doc.char_span(match.start("label"), match.end("label"),
                                alignment_mode="expand")
    person = speaker.name in parsed.people.names or span is not None and any(
        parsed.people.at(t.i) for t in span)
    capitals = label.isupper() and len(label) > 2
    first = bool(parsed.article.paragraphs) and parsed.article.paragraphs[0].start <= start \
        <= parsed.article.paragraphs[0].start + 1
    if person or capitals and _transcript(parsed) or first and not capitals:
        return speaker, match.end()
    return None


def _transcript(parsed: Parsed) -> bool:
    text = parsed.article.text
    labels = (LABEL.match(text, p.start, p.end) for p in parsed.article.paragraphs)
    return sum(1 for m in labels if m and m.group("label").isupper()) >= 2
