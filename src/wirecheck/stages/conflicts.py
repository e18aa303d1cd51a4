"""Typed conflicts between the independent sources of one story: roles, statuses, settings,
quotes, speakers, where a person is from, and counts of a thing and what happened to it
("people injured", "seats picked": ``count_conflicts``, wherever in the story they are
stated). Numbers, days, places and polarity are compared between aligned sentences
(the ``aligned`` package); the two sets are merged in ``compare.py``.

Each finder returns ``Conflict`` records with two or more sides; the side stated by the most
independent sources comes first. Differences that are not contradictions:
- roles: a person may hold several roles; an article conflicts only when none of the roles
  it gives is compatible (``roles_compatible``) with a role another independent source gives,
  when it calls "former" an office the others give as held now (a title that is no office,
  "campaign chairman", is often given without "former" long after), or when it gives an office
  (president, governor, secretary, justice, ...: ``OFFICES``) no other source gives besides
  the office the others agree on; sources whose titles share none are a tie (a conflict that
  names no majority) when each title of one against each of another is another role, one of
  the two an office held now ("White House press secretary" / "editor of the Weekly
  Standard"; not "former mayor" / "mayor", a matter of when it was written);
- numbers (``numbers_agree``, used by ``aligned``): values within ``number_tolerance`` agree
  when either side is hedged ("about 40" vs "41"), and so does a figure in round terms with
  a precise one it rounds ("$43 million" / 43,885,310); "more than"/"at least"/"up to" agree with
  any value on the right side of the bound, but another bound the same way only as hedged
  figures do ("at least five" / "at least 13": two floors of one count that differ); a figure that
  grew over the day is told apart by the rule that neither value may be given for the same
  thing anywhere in the other article;
- speakers: a quotation whose speaker is only carried over from an earlier paragraph (no one
  named with the words, ``Quote.carried``) is no outlet's attribution and no witness;
- quotes (matched in ``ledger``): a fragment of a longer quotation is verbatim, and so are two
  overlapping excerpts of one remark and two wordings that differ only as transcriptions do
  (``slight``, an editor's "[bracketed]" words left out); a quotation that shares a run of six words
  with another and half of its words (the two of comparable length), or opens with six of its words,
  or shares a run of eight, or opens like another of the same speaker (or like the rest of its words
  from inside them) as another article quotes it, but is otherwise different is a variant; a variant
  is a conflict unless the consistency checker finds no difference between the two wordings either
  way (``_same_meaning``), its outlet gives it to another person than the words it varies, or a
  source of those words quotes its words too (two sentences);
- statuses: a flip of polarity on the same thing ("decided" / "not decided") conflicts, and a
  firm step ("formally offered", "committed", "agreed") of a party conflicts with "no decision",
  "no commitment" stated by other sources in a sentence naming that party; steps short of a
  commitment ("offered to consider", "offered") conflict with neither;
- settings: where a person spoke (a press conference, an interview, a speech, a hearing)
  conflicts when a source gives a kind of occasion for that person that none of the sources
  giving another kind also gives (weak: people speak on several occasions).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..ids import normalize_for_hash
from ..nlp.spacy_backend import analyse
from ..render.words import subject_verb
from ..text.names import GENERIC, name_parts, name_words, role_words
from ..text.places import part_of, same_place
from ..types import Article, Fact, Quote, Side, Span
from .ledger import LedgerEntry, denied, quote_match, quote_norm, quote_words, same_opening
from .sources import People, Sources
from .topics import counted


@dataclass
class Conflict:
    type: str
    topic: str
    sides: list[Side]
    explanation: str


# a member's title and the body's words: "Senator" is compatible with "Senate Majority Leader"
HOUSE = frozenset(["house", "congress", "chair", "committee", "leader", "whip", "speaker"])
SENATE = frozenset(["senate", "chair", "committee", "leader", "whip"])
MEMBERS = {"senator": SENATE, "sen": SENATE, "representative": HOUSE, "rep": HOUSE,
           "congressman": HOUSE, "congresswoman": HOUSE, "lawmaker": HOUSE | SENATE,
           "mp": frozenset(["parliament", "minister", "secretary", "chair"])}
OTHER_BODY = {"senator": "house", "sen": "house", "representative": "senate",
              "rep": "senate", "congressman": "senate", "congresswoman": "senate"}
PARTY = frozenset(["democratic", "democrat", "republican", "gop", "labour", "conservative"])
SIDES = frozenset(["majority", "minority"])


def roles_compatible(a: Fact, b: Fact) -> bool:
    """The same role in other words: one's words within the other's ("President" and
    "President of Mexico"), besides generic words ("official", "spokesman": "White House
    spokesman" and "White House press secretary"; an organisation's initials stand for its
    words), a member's title and a title in that body ("Senator" and "Senate Majority Leader",
    not "Representative" and "Senate Majority Leader"), or a party's word for a
    side ("Senate Democratic Leader", "Senate Minority Leader"; not majority against minority,
    nor one party against another); a former office is not compatible with the same office
    held now (a former title that is no office is: "former campaign chairman" / "campaign
    chair"), and a former role is compatible with any other ("former lieutenant governor",
    "party chairman"); a role held "then" is compatible with any ("then-Senator Obama",
    "President Obama"), and so is one named but not yet held ("Secretary of State nominee
    Pompeo", "CIA Director Pompeo");
    a company's chief executive and its president are one post (``held_together``)."""
    if {"then", "designate"} & {*a.qualifier, *b.qualifier}:
        return True  # "then-President Clinton signed it": held at the time told, now or not;
        # "Secretary of State nominee Pompeo" is no secretary yet, and may hold any title now
    if is_former(a) != is_former(b):  # a former office is no office held now; a campaign's
        return not _same_role(a, b) or not (  # chairman is one long after the campaign
            _names_office(a) or _names_office(b))
    return _same_role(a, b)


def _same_role(a: Fact, b: Fact) -> bool:
    wa, wb = role_words(a.value), role_words(b.value)
    if not wa or not wb:
        return False
    if held_together(a, b):
        return True
    if wa - GENERIC <= wb or wb - GENERIC <= wa:
        return True
    for x, y in ((wa, wb), (wb, wa)):
        title = next(iter(x))
        if len(x) == 1 and MEMBERS.get(title, frozenset()) & y \
                and OTHER_BODY.get(title) not in y:
            return True
    only_a, only_b = wa - wb, wb - wa  # a party's title for its side: "Democratic"/"Minority"
    return bool(wa & wb) and ((only_a <= PARTY and only_b <= SIDES)
                              or (only_a <= SIDES and only_b <= PARTY))


def exclusive(a: Fact, b: Fact) -> bool:
    """Whether two titles that are not the same role can tell a mistake: one names an office or
    a ministry, held now or formerly ("Governor" / "policy director"), or both share a word ("policy
    director" / "communications director"). Two other titles may both be held ("CEO" /
    "executive director"; "economic adviser" / "chairman")."""
    return any(OFFICE.search(text) or "minister" in text.split()
               for text in (normalize_for_hash(r.value) for r in (a, b))) \
        or bool(role_words(a.value) & role_words(b.value) - GENERIC)


COMPANY_TITLES = frozenset(["president", "chairman", "chair", "founder", "owner"])


def held_together(a: Fact, b: Fact) -> bool:
    """A chief executive is often also the company's president, chairman or founder ("CEO" /
    "Chick-fil-A president"): titles of one post, as compatible as the same role's words."""
    wa, wb = role_words(a.value), role_words(b.value)
    return any("ceo" in x and y & COMPANY_TITLES for x, y in ((wa, wb), (wb, wa)))


def is_former(role: Fact) -> bool:
    """"former mayor", "retired general", "ex-minister": a past role."""
    return bool({"former", "retired"} & set(role.qualifier)) \
        or role.value.lower().startswith(("ex-", "ex "))


def side(value: str, facts: list[Fact]) -> Side:
    ids = tuple(dict.fromkeys(f.article_id for f in facts))
    return Side(value=value, article_ids=ids, spans=tuple(f.span for f in facts))


def role_conflicts(facts: list[Fact], people: People, sources: Sources) -> list[Conflict]:
    by_person: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.kind == "role":
            by_person[people.resolve(fact.subject) or fact.subject].append(fact)
    found = []
    for person, roles in sorted(by_person.items()):
        dissent = [f for f in roles if not any(
            roles_compatible(f, g) for g in roles
            if sources.source_of[g.article_id] != sources.source_of[f.article_id])]
        agreed = [f for f in roles if f not in dissent]
        if not agreed:
            found.extend(_office_tie(person, dissent, sources))
            continue
        dissent = [f for f in dissent if any(exclusive(f, g) for g in agreed)]
        dissenting_sources = sources.independent({f.article_id for f in dissent})
        dissenting_sources -= sources.independent({f.article_id for f in agreed})
        # a second office no other source gives, besides the one the others agree on
        dissenting_sources |= {sources.source_of[f.article_id] for f in dissent if _office(f)
                               and any(_office(g) for g in agreed)}
        if not dissenting_sources:
            continue
        dissent = [f for f in dissent if sources.source_of[f.article_id] in dissenting_sources]
        main = _most_stated(agreed, sources)
        other = _label_roles(dissent)
        named = next(f for f in agreed if _role_label(f) == main)  # its side: that role in
        agreed = [f for f in agreed if roles_compatible(f, named)]  # any words, no other one
        found.append(Conflict(
            "role", f"{person}'s role",
            [side(main, agreed), side(other, dissent)],
            f"{subject_verb(_independent(agreed, sources), 'call', 'independent source')} {person} "
            f"{main}; {_says(dissent, sources, 'call')} {person} {other}, a role no other "
            "source gives.",
        ))
    return found


# offices one person holds one at a time: two sources that each give a different one (and no
# title in common) disagree, even one against one
OFFICES = ("president", "governor", "mayor", "senator", "representative", "congressman",
           "congresswoman", "secretary", "attorney general", "justice", "speaker", "ambassador",
           "sheriff", "chancellor", "prime minister", "rep", "sen", "gov")
OFFICE = re.compile(r"\b(?:" + "|".join(OFFICES) + r")\b(?! department| ministry)")


def _office(role: Fact) -> bool:
    """"Treasury Secretary", "Attorney General"; not "attorney", nor "Justice Department
    official" (a word of a department's name)."""
    return not is_former(role) and _names_office(role)


def _names_office(role: Fact) -> bool:
    """The title names an office (``OFFICES``), held now or formerly."""
    return OFFICE.search(normalize_for_hash(role.value)) is not None


def _office_tie(person: str, roles: list[Fact], sources: Sources) -> list[Conflict]:
    """Each source's titles for a person, when no source's title is compatible with another
    source's and, in each pair of two sources' titles, one is an office held now and the other
    no form of it (a tie: no majority is named). Two titles neither of which is an office may
    both be held ("author" / "policy director")."""
    by_source: dict[str, list[Fact]] = defaultdict(list)
    for fact in roles:
        by_source[sources.source_of[fact.article_id]].append(fact)
    if len(by_source) < 2 or not all(
            not _same_role(f, g) and (_office(f) or _office(g)) for f in roles for g in roles
            if sources.source_of[f.article_id] != sources.source_of[g.article_id]):
        return []
    sides = [side(_label_roles(facts), facts) for facts in by_source.values()]
    return [Conflict("role", f"{person}'s role", sides, "; ".join(
        f"{_says(facts, sources, 'call')} {person} {_label_roles(facts)}"
        for facts in by_source.values()) + ": offices one person does not hold together.")]


def home_conflicts(facts: list[Fact], people: People, sources: Sources) -> list[Conflict]:
    """The place a person is from or stands for ("Raúl Labrador, a Republican of Idaho",
    "Labrador (R-Idaho)"), or the region a place is in ("Benghazi, Libya": facts marked
    "region", whose subject is a place, not a person to resolve): a source whose places for
    that person or place are none of another source's, nor within or around one ("U.S. Rep.
    Farenthold" / "Farenthold (R-Texas)"), disagrees (one against one: a tie); and so does,
    for that one place, a source that gives besides the others' place one that is none of
    theirs nor within or around one of them or of its own agreeing places ("Oregon Rep. Tom
    Breck (R-Texas)" / "Breck, a Republican of Texas": Oregon is a side of its own)."""
    by_person: dict[str, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for fact in facts:
        if fact.kind == "place" and fact.subject != "place":
            person = fact.subject if "region" in fact.qualifier else (
                people.resolve(fact.subject) or fact.subject)
            by_person[person][sources.source_of[fact.article_id]].append(fact)
    found = []
    for person, by_source in sorted(by_person.items()):
        if len(by_source) < 2:
            continue
        shared = {f.id for src, facts_ in by_source.items() for f in facts_ if any(
            same_place(f.value, g.value) or part_of(f.value, g.value)
            for other, gs in by_source.items() if other != src for g in gs)}
        agree = {src for src, facts_ in by_source.items() if any(f.id in shared for f in facts_)}
        odd: dict[tuple[str, str], list[Fact]] = defaultdict(list)  # (source, place) -> facts
        for src in agree:
            for f in by_source[src]:
                if f.id not in shared and "region" not in f.qualifier and not any(
                        same_place(f.value, g.value) or part_of(f.value, g.value)
                        for g in by_source[src] if g.id in shared):
                    odd[src, normalize_for_hash(f.value)].append(f)
        if len(agree) == len(by_source) and not odd:
            continue
        left = {f.id for facts_ in odd.values() for f in facts_}
        groups = [[f for src in agree for f in by_source[src] if f.id not in left]] \
            if agree else []
        groups += [by_source[src] for src in by_source if src not in agree] + list(odd.values())
        sides = [side(" / ".join(dict.fromkeys(f.value for f in g)), g) for g in groups]
        region = any("region" in f.qualifier for facts_ in by_source.values() for f in facts_)
        topic = f"where {person} is" if region else f"where {person} is from"
        found.append(Conflict("place", topic, sides, "; ".join(
            f"{_says(g, sources, 'give')} {s.value}" for g, s in zip(groups, sides,
                                                                     strict=True)) + "."))
    return found


def _labels(items: list[Fact] | list[Quote], sources: Sources) -> str:
    return ", ".join(sorted({sources.label(i.article_id) for i in items}))


def _says(items: list[Fact] | list[Quote], sources: Sources, verb: str) -> str:
    """The outlets of ``items`` and ``verb`` agreeing with them: "portnews.example gives"."""
    return subject_verb({sources.label(i.article_id) for i in items}, verb)


def _as_written(value: str, facts: list[Fact]) -> str:
    """A value, and how its first source writes it when that differs: "in place", "2019-01-05
    (Saturday)"."""
    written = facts[0].value
    return value if written == value else f"{value} ({written})"


def _independent(facts: list[Fact], sources: Sources) -> int:
    return len(sources.independent({f.article_id for f in facts}))


def _a(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _role_label(fact: Fact) -> str:
    return f"former {fact.value}" if "former" in fact.qualifier else fact.value


def _most_stated(facts: list[Fact], sources: Sources) -> str:
    counts: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        counts[_role_label(fact)].add(sources.source_of[fact.article_id])
    return max(sorted(counts), key=lambda v: len(counts[v]))


def _label_roles(facts: list[Fact]) -> str:
    return " / ".join(dict.fromkeys(_role_label(f) for f in facts))


BOUNDS = {"more than": 1, "over": 1, "at least": 1, "less than": -1, "fewer than": -1,
          "up to": -1, "at most": -1, "under": -1}
HEDGES = {"about", "around", "nearly", "almost", "some", "approximately", "roughly", "estimated"}


def numbers_agree(a: Fact, b: Fact, tolerance: float) -> bool:
    try:
        x, y = float(a.normalized or a.value), float(b.normalized or b.value)
    except ValueError:
        return True  # not comparable: never a contradiction
    if x == y or "more" in a.qualifier or "more" in b.qualifier:
        return True  # ("two more debates" counts a part: it says nothing of "three debates")
    bounds = [{BOUNDS[q] for q in fact.qualifier if q in BOUNDS} for fact in (a, b)]
    same_way = bool(bounds[0] & bounds[1])  # two floors (or ceilings) of one count: as hedged
    for fact, own, other in ((a, x, y), (b, y, x)):
        for qualifier in fact.qualifier:
            direction = BOUNDS.get(qualifier)
            if direction is not None and (other - own) * direction >= 0 and not same_way:
                return True
    hedged = same_way or any(q in HEDGES for q in (*a.qualifier, *b.qualifier))
    if hedged and abs(x - y) <= tolerance * max(abs(x), abs(y)):
        return True
    return _rounded(a.value, x, y) or _rounded(b.value, y, x)


SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
WRITTEN = re.compile(r"(\d[\d,]*)(?:\.(\d+))?\s*(thousand|million|billion|trillion)?", re.I)


def _rounded(written: str, own: float, other: float) -> bool:
    """``written`` is ``other`` said in round figures: "$43 million" for 43,885,310 or "$3
    billion" for $3.6 billion (a scale word's figure is often cut, not rounded: it agrees with
    anything up to one unit above it), "200" for 230 (two or more final zeros: within half a
    unit). "40" and "41", "50,000" and "55,000" do not agree this way."""
    found = WRITTEN.search(written)
    if found is None:
        return False
    digits, decimals, scale = found.group(1).replace(",", ""), found.group(2) or "", found.group(3)
    if scale:
        unit = SCALES[scale.lower()] / 10 ** len(decimals)
        return 0 <= other - own < unit or abs(other - own) < unit / 2
    zeros = len(digits) - len(digits.rstrip("0")) if not decimals and digits != "0" else 0
    return zeros >= 2 and abs(other - own) < 10 ** zeros / 2


def count_conflicts(facts: list[Fact], sources: Sources, tolerance: float) -> list[Conflict]:
    """Counts of a thing and what happened to it ("people injured", "seats picked") across the
    story, wherever each source states them ("14 people were injured" / "no one was injured"):
    a source conflicts when its value agrees with no value another source gives for that
    count, and it gives none of the others' values itself (a figure that grew over the day is
    told apart that way). A one-word subject ("percent", "people") names no one count."""
    by_subject: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        words = normalize_for_hash(fact.subject).split()
        if fact.kind == "number" and len(words) == 2 and fact.normalized:
            by_subject[" ".join(words)].append(fact)
    found = []
    for subject, counts in sorted(by_subject.items()):
        values: dict[str, list[Fact]] = defaultdict(list)
        for fact in counts:
            values[str(fact.normalized)].append(fact)
        sides = [side(" / ".join(dict.fromkeys(f.value for f in fs)), fs)
                 for _, fs in values.items()]
        if len(sides) < 2 or _agreeing(values, sources, tolerance):
            continue
        sides.sort(key=lambda s: -len(sources.independent(s.article_ids)))
        first = next(f for f in counts if f.span == sides[0].spans[0])  # the most stated
        found.append(Conflict("number", _count_topic(first, subject, sources), sides, "; ".join(
            f"{subject_verb({sources.label(a) for a in s.article_ids}, 'give')} {s.value}"
            for s in sides) + f" ({subject})."))
    return found


def _count_topic(fact: Fact, subject: str, sources: Sources) -> str:
    """What the count counts, in its article's words (``topics.counted``), with what happened
    to it when those words do not say ("number of people" + "injured"); else the subject."""
    article = sources.articles.get(fact.article_id)
    told = counted(analyse(article), fact.span) if article is not None else None
    if told is None:
        return f"number of {subject}"
    if told.startswith("number of ") and len(told.split()) == 3:
        return f"{told} {subject.split()[-1]}"  # "number of people injured"
    return told


def _agreeing(values: dict[str, list[Fact]], sources: Sources, tolerance: float) -> bool:
    """No real disagreement: some source gives two of the values (a figure that grew), or the
    values agree as hedged, bounded or rounded figures do."""
    given = [sources.independent({f.article_id for f in fs}) for fs in values.values()]
    if any(a & b for i, a in enumerate(given) for b in given[i + 1:]):
        return True
    firsts = [fs[0] for fs in values.values()]
    return all(numbers_agree(f, g, tolerance) for i, f in enumerate(firsts)
               for g in firsts[i + 1:])


def status_conflicts(facts: list[Fact], sources: Sources) -> list[Conflict]:
    by_thing: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in facts:  # ("if … not secured", "asked whether … agreed" state no status)
        if fact.kind == "status" and fact.subject \
                and not {"conditional", "questioned"} & set(fact.qualifier):
            head = normalize_for_hash(fact.subject).split()[-1].rstrip("s")
            by_thing[(head, (fact.normalized or fact.value).removeprefix("not "))].append(fact)
    found = []
    for (head, status), group in sorted(by_thing.items()):
        found += _value_conflicts("status", f"whether {head} is {status}", group, sources)
    return found


FIRM = frozenset(["committed", "agreed", "approved", "consented", "decided"])
NOT_FIRM = frozenset(f"not {v}" for v in ("decided", "committed", "secured", "agreed",
                                          "consented", "sought", "approved"))


def commitment_conflicts(facts: list[Fact], articles: dict[str, str],
                         sources: Sources) -> list[Conflict]:
    """A party's firm step (formally offered, committed) against "no decision / commitment"."""
    firm: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if firm_step(fact):
            firm[fact.subject].append(fact)
    denials = [f for f in facts if denial(f)]
    found = []
    for party, steps in sorted(firm.items()):
        named = [f for f in denials if _names(party, articles[f.article_id], f.span)]
        step_sources = sources.independent({f.article_id for f in steps})
        named = [f for f in named if sources.source_of[f.article_id] not in step_sources]
        if not named:
            continue
        label = " / ".join(dict.fromkeys(status_label(f) for f in steps))
        denied = " / ".join(dict.fromkeys(status_label(f) for f in named))
        sides = [side(denied, named), side(label, steps)]
        if len(step_sources) > len(sources.independent({f.article_id for f in named})):
            sides.reverse()
        found.append(Conflict(
            "status", f"whether {party} has committed", sides,
            f"{_says(steps, sources, 'say')} {party} {label}; {_says(named, sources, 'say')} "
            f"{denied}."))
    return found


def firm_step(fact: Fact) -> bool:
    """A party's firm step: "formally offered", "committed", "agreed" (not "Pakistan's offer")."""
    if fact.kind != "status" or "'s" in fact.subject or "\u2019s" in fact.subject:
        return False
    value = fact.normalized or fact.value
    return (value == "offered" and "formal" in fact.qualifier) \
        or (value in FIRM and set(fact.qualifier) <= {"formal"})


def denial(fact: Fact) -> bool:
    """"No decision / commitment" stated as such ("if … not secured" states nothing)."""
    return fact.kind == "status" and (fact.normalized or fact.value) in NOT_FIRM \
        and not {"conditional", "questioned"} & set(fact.qualifier)


def _names(party: str, text: str, span: Span) -> bool:
    return re.search(rf"(?<!\w){re.escape(normalize_for_hash(party))}(?!\w)",
                     normalize_for_hash(text[span.start:span.end])) is not None


def status_stance(claimed: list[Fact], facts: list[Fact], text: str
                  ) -> tuple[str, Fact, Fact] | None:
    """What an article (``facts``, ``text``) says of a firm step or a denial that a statement
    (``claimed``) states of a party: "contradicts" ("Pakistan has committed troops" against
    "… before any firm commitments" naming Pakistan, or the other way round) before
    "supports" (a denial naming the party for a denial, the same step of the party for a
    step); with the statement's status and the article's, or None."""
    def of(step: Fact, f: Fact) -> bool:
        return normalize_for_hash(f.subject) == normalize_for_hash(step.subject)

    found: dict[str, tuple[Fact, Fact]] = {}
    for step in claimed:
        named = [f for f in facts if denial(f) and _names(step.subject, text, f.span)]
        steps = [f for f in facts if firm_step(f) and of(step, f)
                 and (f.normalized or f.value) == (step.normalized or step.value)]
        if firm_step(step):
            against, backing = named, steps
        elif denial(step):
            against = [f for f in facts if firm_step(f) and of(step, f)]
            backing = named
        else:
            continue
        if against:
            found.setdefault("contradicts", (step, against[0]))
        if backing:
            found.setdefault("supports", (step, backing[0]))
    return _stance(found)


def role_stance(claimed: list[Fact], facts: list[Fact]) -> tuple[str, Fact, Fact] | None:
    """What an article's roles (``facts``) say of a role a statement (``claimed``) gives a
    person: "supports" when it gives that person the same role in any words ("Senator" /
    "US senator"), else "contradicts" when it gives one the two cannot both be ("Secretary of
    State" / "senator"), else None; with the statement's role and the article's."""
    from ..text.names import same_person

    found: dict[str, tuple[Fact, Fact]] = {}
    for role in (f for f in claimed if f.kind == "role"):
        held = sorted((f for f in facts
                       if f.kind == "role" and same_person(f.subject, role.subject)),
                      key=lambda f: (-len(role_words(f.value) & role_words(role.value)),
                                     not _office(f), f.span.start))  # the closest wording first
        same = next((f for f in held if roles_compatible(role, f)), None)
        other = next((f for f in held if exclusive(role, f)), None)
        if same is not None:
            found.setdefault("supports", (role, same))
        elif other is not None:
            found.setdefault("contradicts", (role, other))
    return _stance(found)


def _stance(found: dict[str, tuple[Fact, Fact]]) -> tuple[str, Fact, Fact] | None:
    """A contradiction before a support: one false part makes a statement false."""
    stance = next((k for k in ("contradicts", "supports") if k in found), None)
    return (stance, *found[stance]) if stance else None


def status_label(fact: Fact) -> str:
    value = fact.normalized or fact.value
    return f"formally {value}" if "formal" in fact.qualifier else value


SETTINGS = {"press conference": "press conference", "news conference": "press conference",
            "press briefing": "press conference", "briefing": "press conference",
            "interview": "interview", "speech": "speech", "address": "speech",
            "hearing": "hearing", "rally": "rally", "podcast": "interview"}
# a speech is given at a rally or a hearing: neither names another occasion than the other
HOSTS_SPEECH = frozenset(frozenset(("speech", kind)) for kind in ("rally", "hearing"))
SETTING = re.compile(r"\b(" + "|".join(sorted(SETTINGS, key=len, reverse=True))
                     + r")s?\b(?!\s+(?:room|center|centre|hall))", re.I)  # not "Briefing Room"


@dataclass(frozen=True)
class Occasion:
    person: str
    setting: str  # the kind of occasion
    span: Span
    written: str  # as the article writes it ("press briefing")


def occasions(article: Article, people: People) -> list[Occasion]:
    """Where the people of an article's sentences spoke: "at a press conference", "in an
    interview" (a noun: not "to interview him") next to a named person (the nearest one
    before, else after)."""
    parsed = analyse(article)
    found = []
    for start, end in parsed.sentences:
        sentence = article.text[start:end]
        for match in SETTING.finditer(sentence):
            word = parsed.doc.char_span(start + match.start(1), start + match.end(1),
                                        alignment_mode="expand")
            if word is not None and word.root.pos_ in ("VERB", "AUX"):
                continue  # "did not need to interview Mr. Trump", "to address the nation"
            names = [(abs(e.start_char - start - match.start()), e.text) for e in parsed.doc.ents
                     if e.label_ == "PERSON" and start <= e.start_char < end]
            if not names:
                continue
            person = people.resolve(min(names)[1])
            if person and person_like(person):
                found.append(Occasion(person, SETTINGS[match.group(1).lower()],
                                      Span(article.id, start + match.start(),
                                           start + match.end()), match.group(0).lower()))
    return found


def setting_conflicts(articles: list[Article], people: People,
                      sources: Sources) -> list[Conflict]:
    by_person: dict[str, dict[str, list[Occasion]]] = defaultdict(lambda: defaultdict(list))
    for article in articles:
        if sources.source_of[article.id] == article.id:
            for occasion in occasions(article, people):
                by_person[occasion.person][occasion.setting].append(occasion)
    found = []
    for person, settings in sorted(by_person.items()):
        if len(settings) < 2:
            continue
        given = {s: sources.independent({o.span.article_id for o in os})
                 for s, os in settings.items()}
        ranked = sorted(settings, key=lambda s: (-len(given[s]), s))
        main = ranked[0]
        for other in ranked[1:]:
            alone = given[other] - given[main]
            if not alone or frozenset((main, other)) in HOSTS_SPEECH:
                continue
            os_main, os_other = settings[main], [o for o in settings[other]
                                                 if o.span.article_id in alone]
            found.append(Conflict(
                "setting", f"where {person} spoke",
                [_occasion_side(main, os_main), _occasion_side(other, os_other)],
                f"{subject_verb({sources.label(a) for a in given[main]}, 'place')} {person} at "
                f"{_a(main)}; {', '.join(sorted(sources.label(a) for a in alone))} at "
                f"{_a(other)} (weak: people speak on several occasions)."))
    return found


def _occasion_side(value: str, items: list[Occasion]) -> Side:
    written = " / ".join(dict.fromkeys(o.written for o in items))
    return Side(value=written, article_ids=tuple(dict.fromkeys(o.span.article_id for o in items)),
                spans=tuple(o.span for o in items))


def _value_conflicts(kind: str, topic: str, group: list[Fact], sources: Sources,
                     anywhere: dict[str, set[str]] | None = None) -> list[Conflict]:
    """Sides by value; a minority value conflicts when its sources never give the main one.
    Ties between values are broken by how many sources state the value anywhere in the story."""
    values: dict[str, list[Fact]] = defaultdict(list)
    for fact in group:
        values[fact.normalized or fact.value].append(fact)
    if len(values) < 2:
        return []
    support = anywhere or {}
    ranked = sorted(values.items(), key=lambda kv: (
        -len(sources.independent({f.article_id for f in kv[1]})),
        -len(support.get(kv[0], ())), kv[0]))
    main_value, main = ranked[0]
    main_sources = sources.independent({f.article_id for f in main})
    found = []
    for value, others in ranked[1:]:
        if sources.independent({f.article_id for f in others}) <= main_sources:
            continue
        found.append(Conflict(
            kind, topic, [side(main_value, main), side(value, others)],
            f"{_says(main, sources, 'give')} {_as_written(main_value, main)}; "
            f"{_says(others, sources, 'give')} {_as_written(value, others)}.",
        ))
    return found


def denial_conflicts(quotes: list[Quote], entries: list[LedgerEntry], people: People,
                     sources: Sources) -> list[Conflict]:
    """An outlet saying a person did not say words (three or more) that other independent
    outlets quote that person saying, all of them (status: "said" / "did not say")."""
    denials: dict[tuple[str, int], list[Quote]] = defaultdict(list)  # one side for all the
    carriers: dict[tuple[str, int], list[Quote]] = {}  # outlets denying the same words
    for quote in quotes:
        speaker = people.resolve(quote.speaker)
        if not denied(quote) or not speaker or len(quote_norm(quote.text).split()) < 3:
            continue  # ("did not say “radical Islam”": a term, not a remark; "did not
            # describe it as “dishonest and hypocritical”" is one)
        for k, entry in enumerate(entries):
            denied_words = f" {quote_norm(quote.text)} "  # all of them, in the carrier's
            said = [q for q, how in entry.carriers if how != "paraphrase"
                    and people.resolve(q.speaker) == speaker
                    and denied_words in f" {quote_norm(q.text)} "]
            witnesses = sources.independent({q.article_id for q in said})
            if not witnesses - sources.independent({quote.article_id}):
                continue
            denials[(speaker, k)].append(quote)
            carriers[(speaker, k)] = said
            break
    found = []
    for (speaker, k), denying in denials.items():
        said = carriers[(speaker, k)]
        told = said[0].text.split()  # (in the words of those who quote it)
        words = " ".join(told[:8]) + (" …" if len(told) > 8 else "")
        found.append(Conflict(
            "status", f"whether {speaker} said “{words}”",
            [_quote_side(f"{speaker} said it", said),
             _quote_side(f"{speaker} did not say it", denying)],
            f"{_says(said, sources, 'quote')} {speaker} saying it; "
            f"{_says(denying, sources, 'say')} {speaker} did not."))
    return found


def quote_conflicts(entries: list[LedgerEntry], people: People, sources: Sources,
                    same: float) -> list[Conflict]:
    found = []
    quoted: dict[str, list[str]] = defaultdict(list)  # article -> the words it quotes
    for entry in entries:
        for quote, how in entry.carriers:
            if how == "verbatim" and quote.kind != "indirect":
                quoted[quote.article_id].append(quote.text)
    for entry in entries:
        wordings = _wordings(entry, same)
        wordings = [wordings[0], *(w for w in wordings[1:]
                                   if not _same_meaning(entry.text, w[0].text))]
        if len(wordings) > 1:
            named = _named(wordings[0], people)
            tellers = sources.independent({q.article_id for q in wordings[0]})
            wordings = [wordings[0], *(kept for w in wordings[1:] if (kept := [
                q for q in w if not _said_by_another(q, named, people)
                and not _quoted_by(q, tellers, quoted, sources, same)]))]
        variants = [q for wording in wordings[1:] for q in wording]
        exact = _told_alike(wordings[0], variants, same)
        told = entry.text if any(q.text == entry.text for q in exact) or not exact \
            else max((q.text for q in exact), key=len)
        sides = sorted((_quote_side(w[0].text if i else told, w)
                        for i, w in enumerate([exact, *wordings[1:]]) if w),
                       key=lambda side: -len(sources.independent(side.article_ids)))
        if variants and sources.independent({q.article_id for q in variants}) - \
                sources.independent({q.article_id for q in exact}) \
                and not sources.muddled(sides):
            found.append(Conflict(  # the wording most sources carry comes first
                "quote", f"words of {entry.speaker or 'a quotation'}", sides,
                f"{subject_verb({sources.label(q.article_id) for q in variants}, 'quote')} "
                f"{entry.speaker or 'the speaker'} with different words than "
                f"{', '.join(sorted({sources.label(q.article_id) for q in exact}))}.",
            ))
        speakers: dict[str, list[Quote]] = defaultdict(list)
        for quote, match in entry.carriers:  # (a speaker carried over is no outlet's word)
            name = people.resolve(quote.speaker)
            if name and person_like(name) and match == "verbatim" and quote.kind == "direct" \
                    and not quote.carried and not _two_of_a_name(quote, people, sources):
                speakers[name].append(quote)
        by_source = {name: sources.independent({q.article_id for q in qs})
                     for name, qs in speakers.items()}
        speakers = {name: qs for name, qs in speakers.items()  # a source that gives the words
                    if by_source[name] - set().union(*(  # to both is no witness against
                        v for other, v in by_source.items() if other != name))}
        if len(speakers) > 1:
            ranked = sorted(speakers.items(), key=lambda kv: -len(kv[1]))
            found.append(Conflict(
                "speaker", f"who said “{entry.text[:60]}”",
                [_quote_side(name, qs) for name, qs in ranked],
                "The same words are attributed to different people: "
                + "; ".join(f"{name} ({_labels(qs, sources)})" for name, qs in ranked) + ".",
            ))
    return found


def _named(quotes: list[Quote], people: People) -> set[str]:
    """The people the quotations' own outlets give them to (not a speaker carried over)."""
    names = {people.resolve(q.speaker) for q in quotes if not q.carried}
    return {name for name in names if name and person_like(name)}


def _said_by_another(quote: Quote, named: set[str], people: People) -> bool:
    """A variant its outlet gives to another person than those who say the words it varies:
    another remark alike, no misquote ("These guys are on the wrong side of history," Mason
    Tvert; "I think it shows they are on the wrong side of history," Brian Vicente)."""
    name = people.resolve(quote.speaker)
    return bool(named) and not quote.carried and name is not None and person_like(name) \
        and name not in named


def _quoted_by(quote: Quote, tellers: set[str], quoted: dict[str, list[str]],
               sources: Sources, same: float) -> bool:
    """A variant whose words a source of the words it varies (``tellers``) quotes too, all of
    them word for word: that source gives both, two sentences of the speaker, not one remark
    in two wordings (Fox's "I want a … leadership team that can bring the Republican
    conference together" and "A leadership team that can help unite and grow our party";
    HuffPost quoting the first)."""
    own = sources.independent({quote.article_id})
    words = len(quote_words(quote.text))
    return any(source in tellers and source not in own and len(quote_words(text)) >= words
               and quote_match(text, quote.text, same) == "verbatim"
               for article_id, texts in quoted.items()
               for source in sources.independent({article_id}) for text in texts)


def _two_of_a_name(quote: Quote, people: People, sources: Sources) -> bool:
    """A speaker given by a surname alone ("Mr. Trump said") in an article that names in full a
    person of that surname with a generational suffix ("Donald Trump Jr."): the surname may be
    either, father or son (the New York Times writes "Mr. Trump" of both), so it is no
    witness of who said the words."""
    words = name_words(quote.speaker or "")
    if len(words) != 1 or quote.article_id not in sources.articles:
        return False
    text = sources.articles[quote.article_id].text
    return any(suffix and full[-1] == words[0] and name in text for name in people.aliases
               for full, suffix in [name_parts(name_words(name))])


def _told_alike(exact: list[Quote], variants: list[Quote], same: float) -> list[Quote]:
    """The carriers of an entry's words that quote what its variants quote otherwise: of a
    remark of several sentences, those of the sentence a variant departs from ("And if we
    don't get it, there should be no deal" / "…, we walk away"), not an outlet's other
    sentences, which make it no carrier of both wordings. All of them when none is."""
    alike = [q for q in exact if any(quote_match(q.text, v.text, same) is not None
                                     or same_opening(q.text, v.text) for v in variants)]
    return alike or exact


def _same_meaning(a: str, b: str) -> bool:
    """Two wordings of one remark in which the consistency checker finds no difference: the
    shorter supported by the longer (an excerpt: "left behind a well-documented record …" of
    "Throughout his career, Trump has left behind …"), or, of two as long, each by the other;
    no word, name or number that the other lacks (a synonym or an inflection is none), no
    flipped negation, no antonym ("I don’t think that’s okay" / "I don’t think it’s OK"): a
    variant for the ledger, no conflict. Any other change is one ("We reject his visit" /
    "… his message"). (The checker misses some: it reads "you’ll be able to make that
    determination" and "you’ll have to …" as the same.)"""
    from ..consistency.checker import check_many

    short, long_ = sorted((a, b), key=lambda t: len(t.split()))
    excerpt = len(short.split()) < len(long_.split()) and _ends_inside(short, long_)
    pairs = [(short, long_)] if excerpt else [(short, long_), (long_, short)]
    return all(v.label == "supported" and not v.reasons for v in check_many(pairs))


def _ends_inside(short: str, long_: str, run: int = 3) -> bool:
    """The shorter quotation's last words are words of the longer (an excerpt ends where the
    remark goes on; an altered one does not: "… answers before we get there")."""
    words = [re.findall(r"[\w'\u2019]+", normalize_for_hash(t)) for t in (short, long_)]
    tail = words[0][-run:]
    return len(tail) == run and any(words[1][i:i + run] == tail
                                    for i in range(len(words[1]) - run + 1))


NOT_PEOPLE = frozenset("""the and but i so then he she it they we you officials police
republicans democrats aides sources critics reporters spokesman spokeswoman white house""".split())


def _wordings(entry: LedgerEntry, same: float) -> list[list[Quote]]:
    """An entry's direct carriers by wording: first those with the entry's words, then one
    list per other wording (variants with the same words go together). A fragment that two
    wordings both contain supports neither ("let everybody participate" of two endings)."""
    wordings: list[list[Quote]] = [[q for q, m in entry.carriers if m == "verbatim"]]
    for quote in (q for q, m in entry.carriers if m == "variant"):
        home = next((w for w in wordings[1:]
                     if quote_match(w[0].text, quote.text, same) == "verbatim"), None)
        if home is None:
            wordings.append([quote])
        else:
            home.append(quote)
    wordings[0] = [q for q in wordings[0] if q.text == entry.text or not any(
        quote_match(w[0].text, q.text, same) == "verbatim" for w in wordings[1:])]
    return wordings


def person_like(name: str) -> bool:
    """"Marco Rubio" or "Pence", not "the US", "officials", "CNN": a speaker conflict needs two
    people."""
    words = name.split()
    return bool(words) and all(w[:1].isupper() for w in words) \
        and words[0].lower() not in NOT_PEOPLE and not (len(words) == 1 and name.isupper())


def _quote_side(value: str, quotes: list[Quote]) -> Side:
    ids = tuple(dict.fromkeys(q.article_id for q in quotes))
    spans: tuple[Span, ...] = tuple(q.span for q in quotes)
    return Side(value=value, article_ids=ids, spans=spans)
