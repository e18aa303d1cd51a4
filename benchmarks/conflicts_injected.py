"""Typed conflicts on real clusters: false alarms on unchanged clusters, recall of injected ones.

Corpora (read from ../shared/data, never copied; see ``_corpora.py``): BASIL (100 events x 3
outlets) and NewsWCL50 (10 events x 5 outlets). Each event is one cluster.

1. Control: the cluster's records go through the ``analyze`` ingest path (JSON Lines reader and
   Cleaner), then the rest of the default pipeline into a memory store. When the clusterer does
   not put all the articles into one story, a ``merge`` override (what a person would do) makes
   them one; how often that happened is reported. Every conflict of the control is counted as
   a false alarm (the articles are real reports of one event; some real disagreements exist).
2. Injected: for each kind, ONE change to ONE article, at a target chosen from the control's
   extracted items that at least one other independent article also states (targets the
   article states only once and that more sources share come first; ties broken by a seeded
   random draw):
   - role: the title words of a role fact -> a title from a small list, compatible with no role
     the story gives that person;
   - number: the digits (or number word) of a number fact that another article gives with the
     same value and a subject sharing a word -> value x 2 + 3;
   - date: a weekday name -> two days later, or a day of month -> +3 (-3 late in a month), of a
     date that another article resolves to the same day (first those where that article's
     sentence shares two content words with this one: ``same_event``, likely one event);
   - negation: a claim sentence that another independent article states -> the main verb
     negated ("is" -> "is not", "said" -> "did not say") or its negation dropped ("states": a
     claim sentence of it shares ``[compare] support_threshold`` of the words by
     ``overlap_score``, outside a passage reused from this one and no conflict's other side:
     the product's judge of support until 2026-12-07, kept here so that the targets do not
     move with the product's judge);
   - quote: a direct quotation (one sentence) carried by two independent articles -> the
     second half of its words replaced (first those another source carries whole: words
     only this article carries, "… there is no room for prejudice" of which another outlet
     quotes "There is no room for prejudice", leave nothing to check the change against;
     since 2026-12-06, seventh session);
   - speaker: the name that introduces such a quotation (same speaker in both) -> another
     person of the story;
   - place: a place that two independent articles name -> a place from a list not in the story
     and neither within nor around it by WordNet ("Vermont" for "U.S." is a difference of
     precision, not of place); never a dateline ("WASHINGTON —": outlets file from different
     places; since 2026-12-06, fifth session).
   Only the changed article is re-extracted (map stages are per article and pure); the story
   stages (dedup, cluster, overrides, compare, brief) run again over the whole cluster. The
   changed article keeps its id, so that the run differs from the control by the text alone.
   Detected: a conflict of the expected type (status for negation, quote for the quotation's
   words) that the control did not have (same type, topic and value of the changed article's
   side), with the changed article on a non-first side, or on the first side of a tie (as many
   independent sources on another side: the brief names no majority then, and nothing in
   the text tells which of two single sources changed). Also reported: ``minority_side`` (the
   changed article on a non-first side only, the stricter reading used before 2026-11-23),
   ``any_side`` (the changed article on any side, ties for the majority included),
   ``located`` (detected, and a span of the changed article on that side overlaps the changed
   sentence, or for a speaker the changed quotation) and ``any_type`` (a new conflict of any type
   with the changed article on a non-first side); ``recall_single_mention``: targets the
   article states once; ``recall_same_event``: dates whose sharer likely tells the same event.
   ``recall_checkable``: targets whose fact another outlet states (the same event's day, the
   same thing's place or count, the same proposition), so that a change can contradict it at
   all. "Also states" above is tested on extracted values, and a day or a place another outlet
   gives to another event passes it; which targets are checkable was read, target by target,
   and written to ``conflict_targets.jsonl`` (key = the kind, cluster, outlet and original
   sentence; ``unlabelled`` counts targets it does not name, e.g. after a change of the
   injection). Roles and speakers are checkable by construction, quotations where another
   source carries the changed piece whole.

Prints one JSON line; skips with a message where ../shared is absent. ``--details FILE`` writes
one JSON line per injection and per control conflict (for failure analysis; never committed).
``--sample N`` runs a fixed random sample of N BASIL clusters (all of NewsWCL50).
Two worker processes by default (``--jobs``); spaCy parses dominate the time.
``--clusters A,B`` runs only those clusters (failure analysis).
Usage: .venv/bin/python benchmarks/conflicts_injected.py [--details FILE] [--sample N] [--jobs N]
       [--clusters NAME,...]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import multiprocessing
import platform
import random
import re
import resource
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpora  # noqa: E402
from wirecheck.config import Settings, load_settings  # noqa: E402
from wirecheck.consistency.wordnet import within  # noqa: E402
from wirecheck.engines.local import LocalEngine  # noqa: E402
from wirecheck.ids import content_id, normalize_for_hash  # noqa: E402
from wirecheck.nlp.spacy_backend import analyse, load_nlp  # noqa: E402
from wirecheck.pipeline import Pipeline  # noqa: E402
from wirecheck.report import build_report  # noqa: E402
from wirecheck.stages.brief import BriefComposer  # noqa: E402
from wirecheck.stages.claims import ClaimExtractor  # noqa: E402
from wirecheck.stages.cluster import StoryClusterer  # noqa: E402
from wirecheck.stages.compare import (  # noqa: E402
    Comparer,
    dated_by_story,
    overlaps,
    reused_spans,
)
from wirecheck.stages.dedup import DuplicateGrouper  # noqa: E402
from wirecheck.stages.facts import FactExtractor  # noqa: E402
from wirecheck.stages.overrides import StoryOverrider  # noqa: E402
from wirecheck.stages.quotes import QuoteExtractor  # noqa: E402
from wirecheck.stages.sources import People, Sources, name_key, same_person  # noqa: E402
from wirecheck.store import MemoryStore  # noqa: E402
from wirecheck.text.dates import WEEKDAYS  # noqa: E402
from wirecheck.text.numbers import parse_number  # noqa: E402
from wirecheck.text.similarity import content_words, overlap_score  # noqa: E402
from wirecheck.types import (  # noqa: E402
    Article,
    Claim,
    Evidence,
    Fact,
    Override,
    Paragraph,
    Quote,
    Span,
)

SEED = 20261124
# Which targets of dates, places, numbers and negations another outlet states as the same fact
# (read by people, not by wirecheck: ``checkable``)
TARGETS = Path(__file__).resolve().parent / "conflict_targets.jsonl"
KINDS = ("role", "number", "date", "negation", "quote", "speaker", "place")
EXPECTED = {"role": "role", "number": "number", "date": "date", "negation": "status",
            "quote": "quote", "speaker": "speaker", "place": "place"}
TITLES = ("Secretary of Agriculture", "Attorney General", "Senate Majority Leader",
          "Treasury Secretary", "Governor", "Ambassador to Canada", "Defense Secretary",
          "White House press secretary", "campaign manager", "Commerce Secretary", "Mayor",
          "Chief Justice")
PLACES = ("Denver", "Toronto", "Oregon", "Brussels", "Nebraska", "Lisbon", "Houston", "Peru",
          "Manila", "Vermont", "Oslo", "Arizona")
FILLER = ("nothing", "here", "changes", "the", "plan", "we", "set", "out", "for", "everyone",
          "last", "year", "and", "beyond", "that", "is", "final")
DATELINE_END = re.compile(r"(?:,\s*[A-Z][\w.'\u2019 ]{0,25})?\s*(?:\([^)]{1,25}\)\s*)?"
                          r"(?:[\u2014\u2013\u2015]|--?)\s")  # ", N.J. (AP) — "
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
         r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
MONTH_DAY = re.compile(rf"\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b|\b(\d{{1,2}})(?:st|nd|rd|th)?"
                       rf"\s+(?:of\s+)?{MONTH}", re.I)
DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty "
                "sixty seventy eighty ninety hundred dozen").split()
SPEECH = frozenset("say tell add state note warn explain write claim announce insist".split())
MODALS = frozenset("be have do will would can could should may might must shall".split())
UNCONTRACT = {"ca": "can", "wo": "will", "sha": "shall"}


# -- the pipeline --------------------------------------------------------------------------------

def story_pipeline(settings: Settings) -> Pipeline:
    """The default pipeline after the Cleaner (cleaning is done once by ``_corpora``)."""
    return Pipeline([
        QuoteExtractor(settings), FactExtractor(settings), ClaimExtractor(settings),
        DuplicateGrouper(settings), StoryClusterer(settings), StoryOverrider(settings),
        Comparer(settings), BriefComposer(settings),
    ], inputs=("article", "override"))


def merge_override(article_ids: list[str]) -> Override:
    ids = tuple(sorted(article_ids))
    return Override(id=content_id("override", "merge", *ids), action="merge", article_ids=ids,
                    by="benchmark", at="2000-01-01T00:00:00+00:00", note="one event")


def one_story(store: MemoryStore, article_ids: list[str]) -> bool:
    return any(set(article_ids) <= set(s.article_ids) for s in store.all("story"))


def story_of(report: dict[str, Any], article_id: str) -> dict[str, Any]:
    return next(s for s in report["stories"] if article_id in s["article_ids"])


@dataclass
class Control:
    name: str
    articles: list[Article]
    store: MemoryStore
    story: dict[str, Any]
    merged: bool
    sources: Sources
    people: People
    facts: list[Fact]
    quotes: list[Quote]
    claims: list[Claim]
    evidence: list[Evidence]
    items: dict[str, list[Any]]  # quotes, facts and claims as stored, by kind
    keys: set[tuple[str, str, str, str]] = field(default_factory=set)


def run_control(name: str, articles: list[Article], pipe: Pipeline) -> Control:
    store = MemoryStore()
    LocalEngine().run(pipe, store, articles)
    ids = [a.id for a in articles]
    merged = not one_story(store, ids)
    if merged:
        LocalEngine().run(pipe, store, [merge_override(ids)])
    story = story_of(build_report(store), ids[0])
    sources = Sources.build(articles, store.all("duplicate_group"))
    facts = dated_by_story(store.all("fact"), articles)
    quotes = store.all("quote")
    people = People.build([q.speaker for q in quotes if q.speaker]
                          + [f.subject for f in facts if f.kind == "role"])
    items = {kind: store.all(kind) for kind in ("quote", "fact", "claim")}
    control = Control(name, articles, store, story, merged, sources, people, facts, quotes,
                      items["claim"], store.all("evidence"), items)
    for conflict in story["conflicts"]:  # (article, type, topic, its value): already there
        for side in conflict["sides"]:
            for aid in side["article_ids"]:
                control.keys.add((aid, conflict["type"], conflict["topic"], side["value"]))
    return control


# -- injections ----------------------------------------------------------------------------------

@dataclass
class Edit:
    kind: str
    article_id: str
    start: int
    end: int
    new: str
    info: dict[str, Any]
    region: tuple[int, int] | None = None  # what "located" means, in the changed text


@dataclass
class Candidate:
    article_id: str
    repeated: bool  # the article states the same value elsewhere
    sharers: int  # other independent sources that state it
    make: Callable[[], Edit | None]
    info: dict[str, Any]
    whole: int | None = None  # quotes: other sources that carry all of its words (else sharers)


def others_sharing(control: Control, article_id: str, ids: set[str]) -> int:
    src = control.sources
    return len(src.independent(ids) - src.independent({article_id}))


def role_candidates(c: Control) -> Iterator[Candidate]:
    by_person: dict[str, list[Fact]] = defaultdict(list)
    for f in c.facts:
        if f.kind == "role":
            by_person[c.people.resolve(f.subject) or f.subject].append(f)
    for person, roles in by_person.items():
        for f in roles:
            same = [g for g in roles if _compatible(f.value, g.value)
                    and ("former" in f.qualifier) == ("former" in g.qualifier)]
            sharers = others_sharing(c, f.article_id, {g.article_id for g in same})
            if not sharers:
                continue
            repeated = any(g.article_id == f.article_id and g.span != f.span for g in same)
            yield Candidate(f.article_id, repeated, sharers,
                            partial(role_edit, c, f, roles),
                            {"person": person, "value": f.value})


ROLE_FILLER = frozenset(["the", "a", "an", "of", "us", "u.s.", "senior", "top", "current",
                         "then", "new"])


def role_words(value: str) -> frozenset[str]:
    words = normalize_for_hash(value).replace("'s", "").replace("-", " ").split()
    return frozenset(w.strip(".,") for w in words if w.strip(".,") not in ROLE_FILLER)


def _compatible(a: str, b: str) -> bool:
    """The same role: the same words, or one's words contained in the other's."""
    wa, wb = role_words(a), role_words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def role_edit(c: Control, fact: Fact, roles: list[Fact]) -> Edit | None:
    text = c.sources.articles[fact.article_id].text
    written = text[fact.span.start:fact.span.end]
    rng = random.Random(f"{SEED}-{c.name}-role-title")
    for title in rng.sample(TITLES, len(TITLES)):
        if any(_compatible(title, g.value) or _compatible(title, g.normalized or "")
               for g in roles):
            continue
        new = title if written[:1].isupper() else title.lower()
        return Edit("role", fact.article_id, fact.span.start, fact.span.end, new,
                    {"old": written})
    return None


def number_candidates(c: Control) -> Iterator[Candidate]:
    numbers = [f for f in c.facts if f.kind == "number" and f.normalized]
    for f in numbers:
        words = set(normalize_for_hash(f.subject).split()) - {"number"}
        same = [g for g in numbers if g.normalized == f.normalized
                and words & set(normalize_for_hash(g.subject).split())]
        sharers = others_sharing(c, f.article_id, {g.article_id for g in same})
        if not sharers:
            continue
        repeated = any(g.article_id == f.article_id and g.span != f.span for g in same)
        exact = any(normalize_for_hash(g.subject) == normalize_for_hash(f.subject)
                    for g in same if g.article_id != f.article_id)
        yield Candidate(f.article_id, repeated, sharers, partial(number_edit, c, f),
                        {"subject": f.subject, "value": f.value, "normalized": f.normalized,
                         "same_subject": exact})


def number_edit(c: Control, fact: Fact) -> Edit | None:
    text = c.sources.articles[fact.article_id].text
    written = text[fact.span.start:fact.span.end]
    found = DIGITS.search(written)
    if found:
        raw = found.group(0).rstrip(",.")
        value = float(raw.replace(",", ""))
        new_value = value * 2 + 3
        if "." in raw:
            new = f"{new_value:,.1f}" if "," in raw else f"{new_value:.1f}"
        else:
            new = f"{int(new_value):,}" if "," in raw else str(int(new_value))
        start = fact.span.start + found.start()
        return Edit("number", fact.article_id, start, start + len(raw), new,
                    {"old": written, "value": raw})
    words = list(re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)?", written))
    run = [m for m in words if all(p.lower() in NUMBER_WORDS for p in m.group(0).split("-"))]
    if not run:
        return None
    first, last = run[0], run[-1]
    value = parse_number(written[first.start():last.end()])
    if value is None:
        return None
    new = str(int(float(value) * 2 + 3))
    return Edit("number", fact.article_id, fact.span.start + first.start(),
                fact.span.start + last.end(), new, {"old": written, "value": value})


def date_candidates(c: Control) -> Iterator[Candidate]:
    """Dates whose day another article also gives; those where that article's sentence shares
    two content words with this one (likely the same event, not only the same day) first."""
    dates = [f for f in c.facts if f.kind == "date" and f.normalized
             and len(f.normalized) == 10]
    for f in dates:
        same = [g for g in dates if g.normalized == f.normalized]
        sharers = others_sharing(c, f.article_id, {g.article_id for g in same})
        if not sharers:
            continue
        mine = sentence_words(c, f)
        event = others_sharing(c, f.article_id, {g.article_id for g in same
                                                 if len(mine & sentence_words(c, g)) >= 2})
        repeated = any(g.article_id == f.article_id and g.span != f.span for g in same)
        yield Candidate(f.article_id, repeated, event * 10 + sharers,
                        partial(date_edit, c, f),
                        {"subject": f.subject, "value": f.value, "day": f.normalized,
                         "same_event": event > 0})


DATE_WORDS = frozenset([*WEEKDAYS, "january", "february", "march", "april", "june", "july",
                        "august", "september", "october", "november", "december", "said",
                        "says", "that", "this", "with", "from", "have", "were", "will",
                        "their", "they", "would", "about", "after", "night", "morning",
                        "afternoon", "evening", "week", "last", "been", "which"])


def sentence_words(c: Control, fact: Fact) -> set[str]:
    s, e = analyse(c.sources.articles[fact.article_id]).sentence_at(fact.span.start)
    words = re.findall(r"[a-z]{4,}", c.sources.articles[fact.article_id].text[s:e].lower())
    return set(words) - DATE_WORDS


def date_edit(c: Control, fact: Fact) -> Edit | None:
    text = c.sources.articles[fact.article_id].text
    written = text[fact.span.start:fact.span.end]
    for match in re.finditer(r"[A-Za-z]+", written):
        index = WEEKDAYS.get(match.group(0).lower())
        if index is not None and len(match.group(0)) >= 6:  # full names only
            new = DAYS[(index + 2) % 7]
            new = new if match.group(0)[:1].isupper() else new.lower()
            start = fact.span.start + match.start()
            return Edit("date", fact.article_id, start, start + len(match.group(0)), new,
                        {"old": written})
    found = MONTH_DAY.search(written)
    if found:
        group = 1 if found.group(1) else 2
        day = int(found.group(group))
        new = str(day + 3 if day <= 25 else day - 3)
        start = fact.span.start + found.start(group)
        return Edit("date", fact.article_id, start, fact.span.start + found.end(group), new,
                    {"old": written})
    return None


def stated_elsewhere(c: Control) -> dict[str, set[str]]:
    """For each claim, the independent articles that state it (the module's fixed rule)."""
    settings = load_settings()
    threshold = float(settings["compare"]["support_threshold"])
    reused = reused_spans(c.articles, int(settings["dedup"]["passage_words"]))
    against = {(e.claim_id, e.article_id) for e in c.evidence if e.stance == "contradicts"}
    words = {cl.id: content_words(cl.text) for cl in c.claims}
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in c.claims:
        by_article[claim.article_id].append(claim)
    source = c.sources.source_of
    stated: dict[str, set[str]] = defaultdict(set)
    for claim in c.claims:
        for article_id in c.sources.articles:
            if source[article_id] == source[claim.article_id] or (claim.id, article_id) in against:
                continue
            best, score = None, 0.0
            for other in by_article.get(article_id, []):
                value = overlap_score(words[claim.id], words[other.id])
                if value > score:
                    best, score = other, value
            if best is not None and score >= threshold and not any(
                    overlaps(mine, claim.span) and overlaps(theirs, best.span)
                    for mine, theirs in reused):
                stated[claim.id].add(article_id)
    return stated


def negation_candidates(c: Control) -> Iterator[Candidate]:
    by_id = {cl.id: cl for cl in c.claims}
    stated = stated_elsewhere(c)
    for claim_id in dict.fromkeys(e.claim_id for e in c.evidence  # in the store's order
                                  if e.article_id in stated.get(e.claim_id, ())):
        ids = stated[claim_id]
        claim = by_id[claim_id]
        sharers = others_sharing(c, claim.article_id, ids)
        if sharers:
            status = any(f.kind == "status" and f.article_id == claim.article_id
                         and f.span.start == claim.span.start for f in c.facts)
            yield Candidate(claim.article_id, False, sharers,
                            partial(negation_edit, c, claim),
                            {"status_fact": status})


def negation_edit(c: Control, claim: Claim) -> Edit | None:
    article = c.sources.articles[claim.article_id]
    doc = analyse(article).doc
    span = doc.char_span(claim.span.start, claim.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = span.root
    if verb.lemma_.lower() in SPEECH:
        verb = next((t for t in verb.children if t.dep_ == "ccomp"), verb)
    if inside_quote(c, claim.article_id, verb.idx):
        return None  # a changed quotation is the quote kind's test
    info = {"verb": verb.text}
    neg = next((t for t in verb.children if t.dep_ == "neg"), None)
    if neg is not None:
        if neg.lower_ in ("n't", "n’t"):
            aux = doc[neg.i - 1]
            full = UNCONTRACT.get(aux.lower_)
            if full:
                return Edit("negation", claim.article_id, aux.idx, neg.idx + len(neg), full,
                            {**info, "op": "drop"})
            return Edit("negation", claim.article_id, neg.idx, neg.idx + len(neg), "",
                        {**info, "op": "drop"})
        if neg.lower_ in ("not", "never"):
            before = doc[neg.i - 1]
            return Edit("negation", claim.article_id, before.idx + len(before),
                        neg.idx + len(neg), "", {**info, "op": "drop"})
        return None
    aux = next((t for t in verb.children if t.dep_ in ("aux", "auxpass")
                and t.lemma_.lower() in MODALS and t.i < verb.i), None)
    if aux is None and verb.pos_ == "AUX" and verb.lemma_.lower() in MODALS:
        aux = verb
    if aux is not None:
        end = aux.idx + len(aux)
        return Edit("negation", claim.article_id, end, end, " not", {**info, "op": "insert"})
    do = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(verb.tag_)
    if do is None or verb.pos_ != "VERB" or not verb.is_alpha:
        return None
    new = f"{do} not {verb.lemma_}"
    new = new.capitalize() if verb.text[:1].isupper() else new
    return Edit("negation", claim.article_id, verb.idx, verb.idx + len(verb), new,
                {**info, "op": "do-support"})


def inside_quote(c: Control, article_id: str, char: int) -> bool:
    return any(q.article_id == article_id and q.span.start <= char < q.span.end
               and q.kind != "indirect" for q in c.quotes)


def ledger(c: Control) -> Iterator[list[tuple[Quote, Span]]]:
    """The report's quote ledger: per quotation, its verbatim direct carriers as (the article's
    quote item, the carried sentence)."""
    by_id = {q.id: q for q in c.quotes}
    for entry in c.story["quotes"]:
        carriers = [(by_id[k["quote_id"]], Span(k["article_id"], k["start"], k["end"]))
                    for k in entry["carriers"] if k["match"] == "verbatim"
                    and k["quote_id"] in by_id and by_id[k["quote_id"]].kind == "direct"]
        if carriers:
            yield carriers


def quote_candidates(c: Control) -> Iterator[Candidate]:
    for carriers in ledger(c):
        for q, piece in carriers:
            sharers = others_sharing(c, q.article_id, {o.article_id for o, _ in carriers})
            text = normalize_for_hash(c.sources.text(piece))
            whole = others_sharing(c, q.article_id, {
                o.article_id for o, other in carriers
                if text in normalize_for_hash(c.sources.text(other))})
            words = len(c.sources.text(piece).split())
            if sharers and words >= 4:
                yield Candidate(q.article_id, False, sharers,
                                partial(quote_edit, c, piece),
                                {"quote": c.sources.text(piece)[:120], "words": words,
                                 "whole": whole}, whole)


def quote_edit(c: Control, piece: Span) -> Edit | None:
    text = c.sources.text(piece)
    words = list(re.finditer(r"\S+", text))
    keep = math.ceil(len(words) / 2)
    first, last = words[keep], words[-1]
    tail = re.search(r"[^\w]*$", last.group(0))
    end_in_text = last.end() - (len(tail.group(0)) if tail else 0)
    count = len(words) - keep
    new = " ".join(FILLER[i % len(FILLER)] for i in range(count))
    if end_in_text <= first.start():
        return None
    delta = len(new) - (end_in_text - first.start())
    return Edit("quote", piece.article_id, piece.start + first.start(),
                piece.start + end_in_text, new, {}, (piece.start, piece.end + delta))


def speaker_candidates(c: Control) -> Iterator[Candidate]:
    for carriers in ledger(c):
        by_speaker: dict[str, list[Quote]] = defaultdict(list)
        for q, _ in carriers:
            name = c.people.resolve(q.speaker)
            if name:
                by_speaker[name].append(q)
        for name, said in by_speaker.items():
            for q in said:
                sharers = others_sharing(c, q.article_id, {o.article_id for o in said})
                if sharers:
                    yield Candidate(q.article_id, False, sharers,
                                    partial(speaker_edit, c, q, name),
                                    {"speaker": name, "quote": q.text[:120]})


def speaker_edit(c: Control, q: Quote, speaker: str) -> Edit | None:
    article = c.sources.articles[q.article_id]
    para = next((p for p in article.paragraphs if p.start <= q.span.start < p.end), None)
    if para is None:
        return None
    forms = sorted({*c.people.aliases.get(speaker, set()), speaker,
                    *(q.speaker.split()[-1:] if q.speaker else [])}, key=len, reverse=True)
    text = article.text
    found = None
    for form in forms:
        for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text[para.start:para.end]):
            s, e = para.start + m.start(), para.start + m.end()
            if q.span.start <= s < q.span.end:
                continue
            gap = q.span.start - e if e <= q.span.start else s - q.span.end
            if found is None or gap < found[2]:
                found = (s, e, gap)
        if found:
            break
    if found is None:
        return None
    key = name_key(speaker)
    names = {n for a in c.articles for n in analyse(a).people.names}  # people named in text
    others = sorted(n for n in names
                    if len(n.split()) >= 2 and all(w[:1].isupper() for w in n.split())
                    and not same_person(name_key(n), key) and n.split()[-1] not in speaker)
    if not others:
        return None
    other = random.Random(f"{SEED}-{c.name}-speaker-{q.id}").choice(others)
    written = text[found[0]:found[1]]
    new = other if len(written.split()) >= 2 else other.split()[-1]
    delta = len(new) - (found[1] - found[0])
    shift = delta if found[0] < q.span.start else 0
    return Edit("speaker", q.article_id, found[0], found[1], new,
                {"old": written, "speaker": speaker, "new_speaker": other},
                (q.span.start + shift, q.span.end + shift))


def place_candidates(c: Control) -> Iterator[Candidate]:
    places = [f for f in c.facts if f.kind == "place"]
    for f in places:
        if dateline(c.sources.articles[f.article_id], f):
            continue  # where the outlet filed from: outlets file from different places
        same = [g for g in places if g.value.lower() == f.value.lower()]
        sharers = others_sharing(c, f.article_id, {g.article_id for g in same})
        if not sharers:
            continue
        repeated = any(g.article_id == f.article_id and g.span != f.span for g in same)
        yield Candidate(f.article_id, repeated, sharers, partial(place_edit, c, f),
                        {"value": f.value})


def dateline(article: Article, fact: Fact) -> bool:
    """The place opens a paragraph and a dash follows it ("WASHINGTON —", "LIVINGSTON, N.J. —")."""
    text, start = article.text, fact.span.start
    opens = not text[:start].strip() or any(
        p.start <= start and not text[p.start:start].strip() for p in article.paragraphs)
    return opens and DATELINE_END.match(text, fact.span.end) is not None


def place_edit(c: Control, fact: Fact) -> Edit | None:
    story_text = " ".join(a.text for a in c.articles)
    rng = random.Random(f"{SEED}-{c.name}-place")
    for place in rng.sample(PLACES, len(PLACES)):
        old = normalize_for_hash(fact.value).removesuffix("'s")
        if place not in story_text and place.lower() not in within(old) \
                and old not in within(place.lower()):  # "Vermont" for "U.S." is no other place
            return Edit("place", fact.article_id, fact.span.start, fact.span.end, place,
                        {"old": fact.value})
    return None


FINDERS = {"role": role_candidates, "number": number_candidates, "date": date_candidates,
           "negation": negation_candidates, "quote": quote_candidates,
           "speaker": speaker_candidates, "place": place_candidates}


def choose(c: Control, kind: str) -> Edit | None:
    rng = random.Random(f"{SEED}-{c.name}-{kind}")
    ranked = sorted(((cand.repeated, -(cand.sharers if cand.whole is None else cand.whole),
                      -cand.sharers, rng.random(), i, cand)
                     for i, cand in enumerate(FINDERS[kind](c))), key=lambda t: t[:5])
    for *_, cand in ranked:
        edit = cand.make()
        if edit is not None and (edit.start, edit.end) != (0, 0):
            edit.info.update(cand.info, repeated=cand.repeated, sharers=cand.sharers)
            return edit
    return None


# -- the injected run ----------------------------------------------------------------------------

def changed(article: Article, edit: Edit) -> Article:
    text = article.text[:edit.start] + edit.new + article.text[edit.end:]
    delta = len(edit.new) - (edit.end - edit.start)
    paragraphs = []
    for p in article.paragraphs:
        start = p.start if p.start <= edit.start else p.start + delta
        end = p.end if p.end < edit.end else p.end + delta
        paragraphs.append(Paragraph(start, max(start, end), p.kind))
    # the same id: the run differs from the control by the text alone (ids break ties in
    # orderings, a new one would reshuffle them)
    return replace(article, text=text, paragraphs=tuple(paragraphs))


def sentence_around(article: Article, start: int, end: int) -> tuple[int, int]:
    parsed = analyse(article)
    s, _ = parsed.sentence_at(start)
    _, e = parsed.sentence_at(max(start, end - 1))
    return s, e


def rerun(c: Control, edit: Edit, pipe: Pipeline
          ) -> tuple[Article, MemoryStore, dict[str, Any]]:
    """The cluster with ``edit`` made: only the changed article is extracted again; the story
    stages run over the whole cluster. The changed article, the store and its story."""
    original = c.sources.articles[edit.article_id]
    modified = changed(original, edit)
    store = MemoryStore()
    store.put([a for a in c.articles if a.id != original.id])
    for items in c.items.values():
        store.put([i for i in items if i.article_id != original.id])
    ids = [a.id for a in c.articles]
    inputs: list[Any] = [modified]
    if c.merged:
        inputs.append(merge_override(ids))
    LocalEngine().run(pipe, store, inputs)
    if not one_story(store, ids):
        LocalEngine().run(pipe, store, [merge_override(ids)])
    return modified, store, story_of(build_report(store), modified.id)


def run_injected(c: Control, edit: Edit, pipe: Pipeline) -> dict[str, Any]:
    original = c.sources.articles[edit.article_id]
    modified, store, story = rerun(c, edit, pipe)
    s0, e0 = sentence_around(original, edit.start, max(edit.end, edit.start + 1))
    s1, e1 = sentence_around(modified, edit.start, edit.start + max(len(edit.new), 1))
    r0, r1 = edit.region or (s1, e1)
    expected = EXPECTED[edit.kind]
    result = {"detected": False, "any_side": False, "located": False, "any_type": False,
              "minority_side": False}
    seen = []
    for conflict in story["conflicts"]:
        for n, side in enumerate(conflict["sides"]):
            if modified.id not in side["article_ids"]:
                continue
            key = (original.id, conflict["type"], conflict["topic"], side["value"])
            new = key not in c.keys
            seen.append({"type": conflict["type"], "topic": conflict["topic"],
                         "side": n, "value": side["value"], "new": new})
            if not new:
                continue
            if n > 0:
                result["any_type"] = True
            if conflict["type"] != expected:
                continue
            result["any_side"] = True
            support = [len(c.sources.independent(set(sd["article_ids"])))
                       for sd in conflict["sides"]]
            if n > 0:
                result["minority_side"] = True
            if n > 0 or support[0] <= max(support[1:], default=0):  # not named the majority
                result["detected"] = True
                if any(sp["article_id"] == modified.id and sp["start"] < r1 and r0 < sp["end"]
                       for sp in side["spans"]):
                    result["located"] = True
    before = original.text[s0:e0]
    return {**result, "cluster": c.name, "kind": edit.kind, "outlet": original.outlet,
            "key": target_key(edit.kind, c.name, original.outlet or "", before),
            "before": before, "after": modified.text[s1:e1],
            "info": edit.info, "conflicts_of_article": seen,
            "why": diagnose(c, edit, store, story, modified, (s1, e1), (r0, r1))}


def target_key(kind: str, cluster: str, outlet: str, sentence: str) -> str:
    """Names an injection target in ``TARGETS`` (stable while the same sentence is chosen)."""
    return hashlib.sha1("|".join([kind, cluster, outlet, sentence]).encode()).hexdigest()[:12]


def checkable_labels() -> dict[str, bool]:
    """Key -> whether another outlet states the target's fact (``TARGETS``; unsure: left out)."""
    labels: dict[str, bool] = {}
    if not TARGETS.is_file():  # then every such target is counted as unlabelled
        print(f"no labels at {TARGETS}: recall_checkable covers roles, speakers and quotes "
              "only", file=sys.stderr)
        return labels
    for line in TARGETS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["label"] in ("yes", "no"):
            labels[row["key"]] = row["label"] == "yes"
    return labels


def checkable(outcome: dict[str, Any], labels: dict[str, bool]) -> bool | None:
    """Whether another outlet states the changed fact, so that a change can contradict it:
    by construction for a role (the same person's title) and a speaker (the same quotation
    given to the same person); for a quotation, where another source carries the changed piece
    whole; else as labelled (None: not labelled, or labelled unsure)."""
    if outcome["kind"] in ("role", "speaker"):
        return True
    if outcome["kind"] == "quote":
        return outcome["info"]["whole"] > 0
    return labels.get(outcome["key"])


def diagnose(c: Control, edit: Edit, store: MemoryStore, story: dict[str, Any],
             modified: Article, sentence: tuple[int, int],
             region: tuple[int, int]) -> dict[str, Any]:
    """What the injected run extracted around the change, and what the others say."""
    sources = Sources.build([modified if a.id == modified.id else a for a in c.articles],
                            store.all("duplicate_group"))
    label = {a.id: f"{a.outlet}{'*' if a.id == modified.id else ''}" for a in c.articles}
    facts = dated_by_story(store.all("fact"), list(sources.articles.values()))
    near = [f for f in facts if f.article_id == modified.id
            and f.span.start < sentence[1] and sentence[0] < f.span.end]

    def show(f: Fact) -> str:
        qualifier = f" {list(f.qualifier)}" if f.qualifier else ""
        return f"{label[f.article_id]}: {f.subject} = {f.normalized or f.value}{qualifier}"

    why: dict[str, Any] = {}
    if edit.kind in ("role", "number", "date", "place"):
        why["changed_article"] = [show(f) for f in near if f.kind == edit.kind]
    if edit.kind == "negation":
        why["changed_article"] = [show(f) for f in near if f.kind == "status"]
    if edit.kind == "role":
        quotes = store.all("quote")
        people = People.build([q.speaker for q in quotes if q.speaker]
                              + [f.subject for f in facts if f.kind == "role"])
        person = edit.info["person"]
        why["all_roles_of_person"] = sorted(
            show(f) for f in facts if f.kind == "role"
            and (people.resolve(f.subject) or f.subject) == people.resolve(person))
    if edit.kind == "number":
        value = str(edit.info.get("normalized"))
        why["others_same_value"] = sorted(
            show(f) for f in facts if f.kind == "number" and f.article_id != modified.id
            and f.normalized is not None and _same_number(f.normalized, value))
    if edit.kind == "date":
        why["others_same_day"] = sorted(show(f) for f in facts if f.kind == "date"
                                        and f.article_id != modified.id
                                        and f.normalized == edit.info.get("day"))
    if edit.kind in ("quote", "speaker"):
        by_id = {q.id: q for q in store.all("quote")}
        why["ledger"] = [
            {"text": e["text"][:100], "speaker": e["speaker"],
             "carriers": [f"{label[k['article_id']]} {k['match']} "
                          f"[{getattr(by_id.get(k['quote_id']), 'speaker', None)}] "
                          f"{k['text'][:70]}" for k in e["carriers"]]}
            for e in story["quotes"]
            if any(k["article_id"] == modified.id and k["start"] < region[1]
                   and region[0] < k["end"] for k in e["carriers"])]
    return why


def _same_number(a: str, b: str) -> bool:
    try:
        return float(a) == float(b)
    except ValueError:
        return False


# -- the benchmark -------------------------------------------------------------------------------

def clusters(sample: int | None) -> list[tuple[str, list[dict[str, Any]]]]:
    basil = sorted(_corpora.basil_records().items())
    if sample is not None and sample < len(basil):
        basil = sorted(random.Random(SEED).sample(basil, sample))
    newswcl = sorted(_corpora.newswcl_records().items(), key=lambda kv: int(kv[0]))
    return ([(f"basil/{k}", v) for k, v in basil]
            + [(f"newswcl50/{k}", v) for k, v in newswcl])


_WORKER: dict[str, Any] = {}


def _start_worker() -> None:
    settings = load_settings()
    _WORKER.update(settings=settings, pipe=story_pipeline(settings))
    load_nlp()


def process(job: tuple[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """One cluster: its control conflicts and the outcome of each injection."""
    name, records = job
    settings, pipe = _WORKER["settings"], _WORKER["pipe"]
    started = time.perf_counter()
    articles = _corpora.clean_articles(records, settings)
    control = run_control(name, articles, pipe)
    conflicts = [{
        "control": name, **{k: conflict[k] for k in ("type", "topic", "explanation")},
        "sides": [{"value": side["value"],
                   "outlets": [control.sources.label(a) for a in side["article_ids"]],
                   "words": [control.sources.text(_span(sp)) for sp in side["spans"][:2]]}
                  for side in conflict["sides"]],
    } for conflict in control.story["conflicts"]]
    outcomes = []
    for kind in KINDS:
        edit = choose(control, kind)
        if edit is not None:
            outcomes.append(run_injected(control, edit, pipe))
    return {"name": name, "merged": control.merged, "conflicts": conflicts,
            "outcomes": outcomes, "seconds": round(time.perf_counter() - started, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--details", type=Path, help="write one JSON line per injection")
    parser.add_argument("--sample", type=int, help="a fixed random sample of BASIL clusters")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--clusters", help="only these clusters, comma-separated, e.g. "
                        "basil/06ffda2d-1caf-...,newswcl50/6 (for failure analysis: the "
                        "figures of a subset are no result)")
    args = parser.parse_args()
    if not _corpora.available():
        print(_corpora.skipped("conflicts_injected"))
        return
    started = time.perf_counter()
    jobs = clusters(args.sample)
    if args.clusters:
        wanted = set(args.clusters.split(","))
        jobs = [job for job in jobs if job[0] in wanted]
        if not jobs:
            parser.error(f"no cluster named {args.clusters}")
    with multiprocessing.get_context("fork").Pool(args.jobs, _start_worker) as pool:
        results = list(pool.imap(process, jobs, chunksize=1))
    false_by_type: Counter[str] = Counter()
    per_corpus: dict[str, Counter[str]] = defaultdict(Counter)
    tally: dict[str, Counter[str]] = {k: Counter() for k in KINDS}
    labels = checkable_labels()
    details = args.details.open("w", encoding="utf-8") if args.details else None
    for result in results:
        corpus = result["name"].split("/")[0]
        per_corpus[corpus]["clusters"] += 1
        per_corpus[corpus]["conflicts"] += len(result["conflicts"])
        per_corpus[corpus]["with_any"] += bool(result["conflicts"])
        per_corpus[corpus]["merged"] += result["merged"]
        false_by_type.update(c["type"] for c in result["conflicts"])
        for outcome in result["outcomes"]:
            t = tally[outcome["kind"]]
            t["eligible"] += 1
            for flag in ("detected", "any_side", "located", "any_type", "minority_side"):
                t[flag] += outcome[flag]
            if not outcome["info"].get("repeated"):
                t["single"] += 1
                t["single_detected"] += outcome["detected"]
            verdict = checkable(outcome, labels)
            t["checkable"] += verdict is True
            t["checkable_detected"] += verdict is True and outcome["detected"]
            t["unlabelled"] += verdict is None
            if outcome["info"].get("same_event"):
                t["event"] += 1
                t["event_detected"] += outcome["detected"]
        if details:
            for row in (*result["conflicts"], *result["outcomes"]):
                details.write(json.dumps(row, ensure_ascii=False) + "\n")
    if details:
        details.close()
    n = len(results)
    line: dict[str, Any] = {
        "benchmark": "conflicts_injected", "machine": platform.machine(), "cores": 2,
        "jobs": args.jobs, "python": platform.python_version(), "seed": SEED,
        "clusters": {c: v["clusters"] for c, v in per_corpus.items()},
        "sample": args.clusters or (f"fixed random sample of {args.sample} BASIL clusters "
                                    f"(seed {SEED}), all NewsWCL50" if args.sample
                                    else "all clusters"),
        "merged_by_override": sum(v["merged"] for v in per_corpus.values()),
        "control": {
            "false_conflicts_per_cluster": round(sum(false_by_type.values()) / n, 3),
            "by_type": {k: round(v / n, 3) for k, v in sorted(false_by_type.items())},
            "per_corpus": {c: round(v["conflicts"] / v["clusters"], 3)
                           for c, v in per_corpus.items()},
            "clusters_with_any": sum(v["with_any"] for v in per_corpus.values()),
        },
        "injected": {k: _rates(t) for k, t in tally.items()},
        "targets": {"recall_each_kind": 0.90, "false_conflicts_per_cluster": 0.2},
        "seconds": round(time.perf_counter() - started, 1),
        "cpu_seconds": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
                             + resource.getrusage(resource.RUSAGE_SELF).ru_utime, 1),
    }
    print(json.dumps(line))


def _span(sp: dict[str, Any]) -> Span:
    return Span(sp["article_id"], sp["start"], sp["end"])


def _rates(t: Counter[str]) -> dict[str, Any]:
    e = t["eligible"]
    return {"eligible": e, "recall": round(t["detected"] / e, 3) if e else None,
            "any_side": round(t["any_side"] / e, 3) if e else None,
            "minority_side": round(t["minority_side"] / e, 3) if e else None,
            "located": round(t["located"] / e, 3) if e else None,
            "any_type": round(t["any_type"] / e, 3) if e else None,
            "checkable": t["checkable"], "unlabelled": t["unlabelled"],
            "recall_checkable": round(t["checkable_detected"] / t["checkable"], 3)
            if t["checkable"] else None,
            "single_mention": t["single"],
            "recall_single_mention": round(t["single_detected"] / t["single"], 3)
            if t["single"] else None,
            **({"same_event": t["event"],
                "recall_same_event": round(t["event_detected"] / t["event"], 3)}
               if t["event"] else {})}


if __name__ == "__main__":
    main()
