"""Typed conflicts between the independent sources of one story: roles, numbers, quotes, speakers.

Each finder returns ``Conflict`` records with two or more sides; the side stated by the most
independent sources comes first. Differences that are not contradictions:
- roles: a person may hold several roles; an article conflicts only when none of the roles
  it gives is compatible (same words, one containing the other) with a role another independent
  source gives, or when it calls "former" a role the others give as current;
- numbers: values within ``number_tolerance`` agree when either side is hedged ("about 40" vs
  "41"); "more than"/"at least"/"up to" agree with any value on the right side of the bound;
- quotes: a fragment of a longer quotation is verbatim; a quotation sharing a run of six words
  with another but otherwise different is a variant;
- dates: only days (not months or years) of the same event verb ("collapsed", "gave way") are
  compared, and a source that also gives the majority's day for that verb does not conflict;
  speech verbs ("said") are left out, since people speak on many days;
- statuses: only a flip of polarity on the same thing ("decided" / "not decided") conflicts;
  different steps on a scale ("considering" / "offered") are not yet compared.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from ..ids import normalize_for_hash
from ..text.similarity import word_ngrams
from ..types import Fact, Quote, Side, Span
from .sources import People, Sources

ROLE_FILLER = frozenset(
    ["the", "a", "an", "of", "us", "u.s.", "senior", "top", "current", "then", "new"]
)


@dataclass
class Conflict:
    type: str
    topic: str
    sides: list[Side]
    explanation: str


def role_words(value: str) -> frozenset[str]:
    words = normalize_for_hash(value).replace("'s", "").replace("-", " ").split()
    return frozenset(w.strip(".,") for w in words if w.strip(".,") not in ROLE_FILLER)


def roles_compatible(a: Fact, b: Fact) -> bool:
    if ("former" in a.qualifier) != ("former" in b.qualifier):
        return False
    wa, wb = role_words(a.value), role_words(b.value)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


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
        dissenting_sources = sources.independent({f.article_id for f in dissent})
        dissenting_sources -= sources.independent({f.article_id for f in agreed})
        if not agreed or not dissenting_sources:
            continue
        dissent = [f for f in dissent if sources.source_of[f.article_id] in dissenting_sources]
        main = _most_stated(agreed, sources)
        other = _label_roles(dissent)
        found.append(Conflict(
            "role", f"{person}'s role",
            [side(main, agreed), side(other, dissent)],
            f"{len(sources.independent({f.article_id for f in agreed}))} independent source(s) "
            f"call {person} {main}; {_labels(dissent, sources)} "
            f"call(s) {person} {other}, a role no other source gives.",
        ))
    return found


def _labels(items: list[Fact] | list[Quote], sources: Sources) -> str:
    return ", ".join(sorted({sources.label(i.article_id) for i in items}))


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
    if x == y:
        return True
    for fact, own, other in ((a, x, y), (b, y, x)):
        for qualifier in fact.qualifier:
            direction = BOUNDS.get(qualifier)
            if direction is not None and (other - own) * direction >= 0:
                return True
    hedged = any(q in HEDGES for q in (*a.qualifier, *b.qualifier))
    return hedged and abs(x - y) <= tolerance * max(abs(x), abs(y))


def number_conflicts(facts: list[Fact], sources: Sources, tolerance: float) -> list[Conflict]:
    by_subject: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        subject = normalize_for_hash(fact.subject) if fact.kind == "number" else ""
        if subject and subject != "number":  # a bare "number" says nothing of what it counts
            by_subject[subject].append(fact)
    found = []
    for subject, group in sorted(by_subject.items()):
        values: dict[str, list[Fact]] = defaultdict(list)
        for fact in group:
            values[fact.normalized or fact.value].append(fact)
        if len(values) < 2:
            continue
        ranked = sorted(values.items(), key=lambda kv: -len(sources.independent(
            {f.article_id for f in kv[1]})))
        main_value, main = ranked[0]
        for _, others in ranked[1:]:
            if any(numbers_agree(m, o, tolerance) for m in main for o in others):
                continue
            if sources.independent({f.article_id for f in others}) <= sources.independent(
                    {f.article_id for f in main}):
                continue  # one source giving two figures is not a conflict between sources
            found.append(Conflict(
                "number", subject,
                [side(main[0].value, main), side(others[0].value, others)],
                f"{', '.join(sorted({sources.label(f.article_id) for f in main}))} give "
                f"{main[0].value} for {subject}; "
                f"{', '.join(sorted({sources.label(f.article_id) for f in others}))} give "
                f"{others[0].value}.",
            ))
    return found


SPEECH = frozenset("say said says tell told add added state stated note noted announce "
                   "announced quote quoted clarify clarified reiterate reiterated".split())


def event_key(subject: str) -> str | None:
    """The event verb of a date's subject ("portion collapsed" -> "collapse")."""
    words = [w for w in normalize_for_hash(subject).split() if w.isalpha()]
    if not words or words[-1] in SPEECH:
        return None
    last = words[-1]
    return last[:-1] if last.endswith("ed") and len(last) > 5 else last


def date_conflicts(facts: list[Fact], sources: Sources) -> list[Conflict]:
    by_event: dict[str, list[Fact]] = defaultdict(list)
    anywhere: dict[str, set[str]] = defaultdict(set)  # day -> sources stating it at all
    for fact in facts:
        if fact.kind == "date" and fact.normalized:
            anywhere[fact.normalized].add(sources.source_of[fact.article_id])
        key = event_key(fact.subject) if fact.kind == "date" else None
        if key and fact.normalized and len(fact.normalized) == 10:
            by_event[key].append(fact)
    return [c for key, group in sorted(by_event.items())
            for c in _value_conflicts("date", f"when “{key}” happened", group, sources,
                                        anywhere)]


def status_conflicts(facts: list[Fact], sources: Sources) -> list[Conflict]:
    by_thing: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.kind == "status" and fact.subject:
            head = normalize_for_hash(fact.subject).split()[-1].rstrip("s")
            by_thing[(head, (fact.normalized or fact.value).removeprefix("not "))].append(fact)
    found = []
    for (head, status), group in sorted(by_thing.items()):
        found += _value_conflicts("status", f"whether {head} is {status}", group, sources)
    return found


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
            f"{_labels(main, sources)} give {main_value} ({main[0].value}); "
            f"{_labels(others, sources)} give {value} ({others[0].value}).",
        ))
    return found


@dataclass
class LedgerEntry:
    """One quotation across the story: its carriers and how each carries it."""

    text: str
    speaker: str | None
    kind: str
    carriers: list[tuple[Quote, str]]  # (quote, "verbatim" | "variant" | "paraphrase")


def _norm(text: str) -> str:
    return " ".join(normalize_for_hash(text).replace('"', "").split()).strip(" .,;:")


def quote_match(entry_text: str, quote_text: str, same: float) -> str | None:
    a, b = _norm(entry_text), _norm(quote_text)
    if not a or not b:
        return None
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 12 and fuzz.partial_ratio(short, long_) >= same:
        return "verbatim"
    if word_ngrams(a, 6) & word_ngrams(b, 6):
        return "variant"
    return None


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"'])")


def sentences_of(quote: Quote) -> list[Quote]:
    """A quotation of several sentences, as one quote per sentence (offsets kept exact)."""
    pieces, start = [], 0
    for match in [*SENTENCE_END.finditer(quote.text), None]:
        end = match.start() if match else len(quote.text)
        piece = quote.text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            span = Span(quote.span.article_id, quote.span.start + start + lead,
                        quote.span.start + start + len(piece.rstrip()))
            pieces.append(replace(quote, text=piece.strip(), span=span))
        start = match.end() if match else start
    return pieces or [quote]


def quote_ledger(quotes: list[Quote], people: People, same: float) -> list[LedgerEntry]:
    """Quotations grouped by their words, sentence by sentence; a fragment joins the longest
    form it belongs to; an indirect quote with the same words is a paraphrase carrier."""
    entries: list[LedgerEntry] = []
    pieces = [piece for quote in quotes for piece in sentences_of(quote)]
    ordered = sorted(pieces, key=lambda q: (q.kind != "direct", -len(q.text), q.article_id,
                                            q.span.start))
    for quote in ordered:
        speaker = people.resolve(quote.speaker)
        matched = False
        for entry in entries:
            match = quote_match(entry.text, quote.text, same)
            if match is None:
                continue
            if quote.kind == "indirect":
                match = "paraphrase"
            entry.carriers.append((quote, match))
            matched = True
        if not matched:
            entries.append(LedgerEntry(quote.text, speaker, quote.kind, [(quote, "verbatim")]))
    return entries


def quote_conflicts(entries: list[LedgerEntry], people: People,
                    sources: Sources) -> list[Conflict]:
    found = []
    for entry in entries:
        exact = [q for q, m in entry.carriers if m == "verbatim"]
        variants = [q for q, m in entry.carriers if m == "variant"]
        if variants and sources.independent({q.article_id for q in variants}) - \
                sources.independent({q.article_id for q in exact}):
            sides = [_quote_side(entry.text, exact), _quote_side(variants[0].text, variants)]
            if len(sources.independent(sides[1].article_ids)) > len(
                    sources.independent(sides[0].article_ids)):
                sides.reverse()  # the wording most sources carry comes first
            found.append(Conflict(
                "quote", f"words of {entry.speaker or 'a quotation'}", sides,
                f"{', '.join(sorted({sources.label(q.article_id) for q in variants}))} quote(s) "
                f"{entry.speaker or 'the speaker'} with different words than "
                f"{', '.join(sorted({sources.label(q.article_id) for q in exact}))}.",
            ))
        speakers: dict[str, list[Quote]] = defaultdict(list)
        for quote, match in entry.carriers:
            name = people.resolve(quote.speaker)
            if name and person_like(name) and match == "verbatim" and quote.kind == "direct":
                speakers[name].append(quote)
        if len(speakers) > 1:
            ranked = sorted(speakers.items(), key=lambda kv: -len(kv[1]))
            found.append(Conflict(
                "speaker", f"who said “{entry.text[:60]}”",
                [_quote_side(name, qs) for name, qs in ranked],
                "The same words are attributed to different people: "
                + "; ".join(f"{name} ({_labels(qs, sources)})" for name, qs in ranked) + ".",
            ))
    return found


def person_like(name: str) -> bool:
    """"Marco Rubio", not "the US" or "officials": a speaker conflict needs two people."""
    words = name.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and words[0].lower() != "the"


def _quote_side(value: str, quotes: list[Quote]) -> Side:
    ids = tuple(dict.fromkeys(q.article_id for q in quotes))
    spans: tuple[Span, ...] = tuple(q.span for q in quotes)
    return Side(value=value, article_ids=ids, spans=spans)
