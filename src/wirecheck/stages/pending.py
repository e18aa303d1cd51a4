"""Undecided against done: "no decision has been taken on demolition" in some reports, "the
remaining structure will be demolished" in another.

What is undecided is read from the sentence of a "not decided" status fact: the verbs, and the
nouns of an action, after "on", "about", "over" or "whether" ("on demolition", "about
demolishing the spans", "whether it will have to be demolished"); a noun of an action (its
ending says so: "-tion", "-ment", "-al", "-ure"…) stands for the verb WordNet derives it from
that shares its start ("demolition": "demolish"; "investigation": "investigate", not
"invest"). Another independent report conflicts when it states that verb as done or certain:
affirmed with "will", "was" or "has" (not "may", "could", "should", "would", "must"), not
negated, not in a "whether" or "if" clause and with no "if" or "unless" clause of its own, in a
sentence that says nothing of a decision itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..consistency.wordnet import verbs_of
from ..nlp.spacy_backend import analyse
from ..render.words import subject_verb
from ..types import Article, Fact, Side, Span
from .aligned import LIGHT_VERBS
from .conflicts import Conflict
from .sources import Sources

if TYPE_CHECKING:
    from spacy.tokens import Token

OBJECT_WORDS = frozenset(["on", "about", "over", "whether"])
ACTION_ENDINGS = ("tion", "sion", "ment", "al", "ure", "ance", "ence")
LIGHT = LIGHT_VERBS | {"take", "decision", "decide"}  # say nothing of what is undecided
CERTAIN = frozenset(["will", "'ll", "was", "were", "has", "have", "had", "is", "are"])
HEDGED = frozenset(["may", "might", "could", "should", "would", "must", "can"])


def pending_conflicts(facts: list[Fact], articles: list[Article],
                      sources: Sources) -> list[Conflict]:
    by_id = {a.id: a for a in articles}
    pending: dict[str, list[Fact]] = {}
    names: dict[str, str] = {}
    for fact in facts:
        if fact.kind == "status" and (fact.normalized or fact.value) == "not decided" \
                and not {"conditional", "questioned"} & set(fact.qualifier):
            for verb, name in undecided(by_id[fact.article_id], fact.span).items():
                pending.setdefault(verb, []).append(fact)
                names[verb] = max(names.get(verb, name), name, key=len)
    found = []
    for verb, undecided_facts in sorted(pending.items()):
        action = names[verb]
        waiting = sources.independent({f.article_id for f in undecided_facts})
        done = [(a, token) for a in articles if sources.source_of[a.id] not in waiting
                and sources.source_of[a.id] == a.id for token in stated_done(a, verb)]
        if not done:
            continue
        done_spans = tuple(_sentence(a, t) for a, t in done)
        label = " / ".join(dict.fromkeys(_phrase(t) for _, t in done))
        sides = [Side("no decision", tuple(dict.fromkeys(f.article_id for f in undecided_facts)),
                      tuple(f.span for f in undecided_facts)),
                 Side(label, tuple(dict.fromkeys(a.id for a, _ in done)), done_spans)]
        if len(sources.independent(set(sides[1].article_ids))) > len(waiting):
            sides.reverse()
        waiting_labels = {sources.label(f.article_id) for f in undecided_facts}
        found.append(Conflict(
            "status", f"whether {action} is decided", sides,
            f"{subject_verb(waiting_labels, 'say')} no decision has been taken on {action}; "
            f"{subject_verb({sources.label(a.id) for a, _ in done}, 'say')} it {label}."))
    return found


def undecided(article: Article, span: Span) -> dict[str, str]:
    """What a "no decision" sentence says is undecided: verb -> the word that named it."""
    doc = analyse(article).doc
    sentence = doc.char_span(span.start, span.end, alignment_mode="expand")
    if sentence is None:
        return {}
    found: dict[str, str] = {}
    for token in sentence:
        if token.lower_ in OBJECT_WORDS and any(
                t.lemma_.lower() in ("decision", "decide") for t in sentence[:token.i
                                                                           - sentence.start]):
            object_tokens = token.subtree if token.lower_ != "whether" else token.head.subtree
            for t in object_tokens:
                lemma = t.lemma_.lower()
                if not t.is_alpha or lemma in LIGHT:
                    continue
                if t.pos_ == "VERB":
                    found.setdefault(lemma, lemma)
                elif t.pos_ == "NOUN" and lemma.endswith(ACTION_ENDINGS):
                    for verb in verbs_of(lemma):
                        if same_family(verb, lemma):
                            found[verb] = lemma
    return found


def same_family(a: str, b: str) -> bool:
    """"demolition" / "demolish": one word family, by a long enough shared start."""
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared >= 5 and shared >= 0.7 * min(len(a), len(b))


def stated_done(article: Article, action: str) -> Iterator[Token]:
    """The verbs of ``article`` that state the verb ``action`` as done or certain."""
    for sent in analyse(article).doc.sents:
        if any(t.lemma_.lower() in ("decision", "decide", "whether") for t in sent):
            continue
        for token in sent:
            if token.pos_ == "VERB" and token.lemma_.lower() == action and _certain(token):
                yield token


def _certain(token: Token) -> bool:
    auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "neg" for c in token.children) or auxes & HEDGED or not auxes & CERTAIN:
        return False
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                     for m in c.children) for c in token.children):
        return False  # "will be demolished if the council approves"
    return not any(c.dep_ == "mark" and c.lower_ in ("whether", "if")
                   for a in (token, *token.ancestors) for c in a.children)


def _phrase(token: Token) -> str:
    words = sorted([*(c for c in token.children if c.dep_ in ("aux", "auxpass")), token],
                   key=lambda t: t.i)
    return " ".join(t.text for t in words)


def _sentence(article: Article, token: Token) -> Span:
    sent = token.sent
    return Span(article.id, sent.start_char, sent.end_char)
