"""Inconsistencies within one report: two sentences of one article that say the same thing
(their content words overlap at ``threshold``: the closeness at which two sources' sentences
have their days, places and polarity compared, ``Differ.close``) with different values of one
thing:
- a count of the same thing ("14 people were injured" / "41 people were hurt"), unless the
  values agree as hedged, bounded or rounded figures do (``numbers_agree``), either sentence
  states two values of it ("rose from 10 to 14": it compares them itself), or the two
  sentences are dated differently (a figure for 2036, another for 2085);
- the day of the same event (the dates' subjects share a word besides names: "Trump said …
  Wednesday" / "Trump said Friday"; but "Trump promised … Thursday" / "Trump said Friday" are
  two events);
- a person's role, where neither is "former" (within one report that is a matter of time) and
  the two titles are exclusive by the rules of the cross-source role conflicts.

Published reports rarely contradict themselves (none of the 350 real articles of the conflicts
benchmark does by these rules); a careless or machine rewrite that changes a value in one place
and not in another does. Each inconsistency is a ``Conflict`` whose two sides are spans of the
same article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..ids import normalize_for_hash
from ..nlp.spacy_backend import analyse
from ..text.similarity import STOP, content_words, overlap_score
from ..types import Claim, Fact, Side
from .aligned import event_words, inside, same_count
from .conflicts import Conflict, exclusive, numbers_agree, roles_compatible
from .sources import People, Sources
from .topics import event_at


def inconsistencies(claims: list[Claim], facts: list[Fact], people: People, sources: Sources,
                    threshold: float, tolerance: float) -> list[Conflict]:
    facts_of: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        facts_of[fact.article_id].append(fact)
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article_id].append(claim)
    found: list[Conflict] = []
    seen: set[tuple[str, ...]] = set()
    for article_id, own in sorted(by_article.items()):
        words = [content_words(c.text) for c in own]
        for i, a in enumerate(own):
            for j in range(i + 1, len(own)):
                if overlap_score(words[i], words[j]) < threshold:
                    continue
                b = own[j]
                of_a = [f for f in facts_of[article_id] if inside(f.span, a.span)]
                of_b = [f for f in facts_of[article_id] if inside(f.span, b.span)]
                text = sources.articles[article_id].text
                for kind, f, g, topic in _differing(of_a, of_b, people, tolerance, text):
                    key = (article_id, kind, *sorted((f.value, g.value)))
                    if key in seen:
                        continue
                    seen.add(key)
                    if kind == "date":  # the event in the article's words
                        told = event_at(analyse(sources.articles[article_id]), f.span, f.span)
                        topic = f"when {told}" if told else topic
                    label = sources.label(article_id)
                    found.append(Conflict(
                        kind, topic,
                        [Side(f.value, (article_id,), (f.span,)),
                         Side(g.value, (article_id,), (g.span,))],
                        f"{label} gives {f.value} and {g.value} for {topic} in two sentences "
                        "that otherwise say the same thing."))
    return found


def _differing(of_a: list[Fact], of_b: list[Fact], people: People, tolerance: float,
               text: str) -> Iterator[tuple[str, Fact, Fact, str]]:
    of_a = [f for f in of_a if "dateline" not in f.qualifier]  # the day it was filed
    of_b = [f for f in of_b if "dateline" not in f.qualifier]
    dated_a = {f.normalized for f in of_a if f.kind == "date"}
    dated_b = {f.normalized for f in of_b if f.kind == "date"}
    if not (dated_a and dated_b and dated_a != dated_b):
        numbers_a = [f for f in of_a if f.kind == "number" and f.normalized]
        numbers_b = [g for g in of_b if g.kind == "number" and g.normalized]
        for f in numbers_a:
            for g in numbers_b:
                if same_count(f, g) and f.normalized != g.normalized \
                        and not _two_values(f, numbers_a) and not _two_values(g, numbers_b) \
                        and not numbers_agree(f, g, tolerance):
                    yield "number", f, g, f"the number of {_counted_as_written(f, text)}"
    days_a = [f for f in of_a if f.kind == "date" and len(f.normalized or "") == 10]
    days_b = [g for g in of_b if g.kind == "date" and len(g.normalized or "") == 10]
    events = [(f, g) for f in days_a for g in days_b  # one event both sentences date
              if event_words(f.subject) & event_words(g.subject)]
    if len(events) == 1 and events[0][0].normalized != events[0][1].normalized:
        yield "date", *events[0], f"when {events[0][0].subject}"
    for f in (f for f in of_a if f.kind == "role" and "former" not in f.qualifier):
        person = people.resolve(f.subject)
        for g in (g for g in of_b if g.kind == "role" and "former" not in g.qualifier):
            if people.resolve(g.subject) == person and not roles_compatible(f, g) \
                    and exclusive(f, g):
                yield "role", f, g, f"{person or f.subject}'s role"


def _counted_as_written(fact: Fact, text: str) -> str:
    """What a count counts, as the article writes it: the word after the figure ("Two cranes
    were" -> "cranes"), else the fact's subject ("people injured")."""
    after = re.match(r"[\s-]*([A-Za-z]+)", text[fact.span.end:fact.span.end + 40])
    if after and after.group(1).lower() not in STOP:
        return after.group(1).lower()
    return normalize_for_hash(fact.subject)


def _two_values(fact: Fact, numbers: list[Fact]) -> bool:
    """The sentence gives another value of the same count ("rose from 10 to 14")."""
    return any(n.normalized != fact.normalized and same_count(n, fact) for n in numbers)
