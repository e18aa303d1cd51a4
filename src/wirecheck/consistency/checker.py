"""``check_statement``: is a statement supported by, contradicted by, or not found in a document?

1. Alignment: the statement's sentences are matched to the document sentences that share their
   content words (``features.align``); those sentences are the evidence, with their offsets.
2. Mismatch features between the statement and the evidence / the document (``features``).
3. ``score`` = the probability that the statement is consistent with the document:
   ``method="lexical"`` (default): gradient-boosted trees over the mismatch features;
   ``method="minilm"`` (the ``nli`` extra and trained weights, which this wirecheck does not ship:
   they scored below the lexical head, BENCHMARKS.md): a MiniLM cross-encoder reads
   "evidence [SEP] statement" (``cross``, numpy inference, trained on perturbed news text by
   ``scripts/train_consistency.py --cross``). Either way a flipped negation, an antonym of the
   evidence, a number or date absent from the document, a count of a thing the document counts
   otherwise ("30 years ago" / "35 years ago"), a name, word or colour swapped for another of
   its kind ("Moscow" / "London", "white" / "blue") or a title the document gives no one
   ("the CEO" where it says "the founder"; no support, but no contradiction either) caps the
   score below the threshold.

The label: ``supported`` when the score reaches the method's threshold; otherwise
``contradicted`` when the document speaks of the same thing but differs (a number, a negation,
an antonym, a name in a well-aligned sentence), else ``not found``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..errors import WirecheckError
from ..text.names import GENERIC, TITLE_HEADS, role_word, role_words
from ..text.similarity import stem
from .analysis import CATEGORIES, Analysed, Tok, analyse, analyse_many, written
from .features import FEATURES, Alignment, align, content, features, found
from .head import load_head
from .lexicon import ANTONYMS, COLOURS, MONTHS, STRONG_NEGATION, TIME_UNITS, WEEKDAYS
from .wordnet import siblings

Label = Literal["supported", "contradicted", "not found"]
Method = Literal["minilm", "lexical", "auto"]


@dataclass(frozen=True, slots=True)
class EvidenceSentence:
    """A document sentence the statement was aligned to: ``document[start:end] == text``."""

    text: str
    start: int
    end: int
    alignment: float  # share of the statement's (weighted) content words it contains


@dataclass(frozen=True, slots=True)
class Verdict:
    label: Label
    score: float  # probability that the statement is consistent with the document, in [0, 1]
    evidence: tuple[EvidenceSentence, ...]
    reasons: tuple[str, ...] = ()  # what differs, for a person: "36 is not in the document"
    method: str = "lexical"
    features: dict[str, float] = field(default_factory=dict, compare=False, repr=False)


def check_statement(statement: str, document: str, *, method: Method = "lexical",
                    threshold: float | None = None) -> Verdict:
    """Check one statement against one document (see the module doc)."""
    return check_many([(statement, document)], method=method, threshold=threshold)[0]


RELATED = 0.25  # share of a statement sentence's weighted words one document sentence must cover
# for a mismatch to be a contradiction: "won" met as "carry" in an unrelated sentence is not one


def check_many(pairs: list[tuple[str, str]], *, method: Method = "lexical",
               threshold: float | None = None) -> list[Verdict]:
    """``check_statement`` for many (statement, document) pairs (documents parsed once)."""
    from . import cross

    if method == "auto":
        method = "minilm" if cross.available() else "lexical"
    if method == "minilm":
        cross.check_installed()
        if not cross.has_weights():
            raise WirecheckError("this wirecheck ships no trained cross-encoder",
                                 hint="python scripts/train_consistency.py --cross")
    if not pairs:
        return []
    docs = analyse_many([d for _, d in pairs])
    statements = analyse_many([s for s, _ in pairs])
    alignments = [align(s, d) for s, d in zip(statements, docs, strict=True)]
    rows = [features(s, d, a) for s, d, a in zip(statements, docs, alignments, strict=True)]
    names = list(FEATURES)
    head = load_head(method)
    if method == "minilm":
        rows, names = _cross_rows(statements, docs, alignments, rows)
    cut = head.threshold if threshold is None else threshold
    verdicts = []
    for st, doc, al, row in zip(statements, docs, alignments, rows, strict=True):
        score = head.probability(row) if al.evidence else 0.0
        named = dict(zip(names, row, strict=True))
        reasons = _reasons(st, doc, al)
        related = bool(al.evidence) and al.best >= RELATED  # else no sentence is about it
        hard = related and _hard_mismatch(named, st, doc, al)
        if hard or untitled(st, doc):  # (a title given no one is unsupported, not contradicted)
            score = min(score, cut / 2)  # a flipped negation or a changed number is decisive
        label: Label
        if score >= cut and al.evidence:
            label = "supported"
        elif related and (hard or _contradiction(named)):
            label = "contradicted"
        else:
            label = "not found"
        verdicts.append(Verdict(label, round(score, 4), _evidence(doc, al), tuple(reasons),
                                method, named))
    return verdicts


def _cross_rows(statements: list[Analysed], docs: list[Analysed], alignments: list[Alignment],
                rows: list[list[float]]) -> tuple[list[list[float]], list[str]]:
    """The cross-encoder's probability first (the minilm head reads it), then the features."""
    from . import cross

    todo = [k for k, a in enumerate(alignments) if a.evidence]
    probability = [0.0] * len(rows)
    if todo:
        found = cross.load().predict([evidence_text(docs[k], alignments[k]) for k in todo],
                                     [statements[k].text for k in todo])
        for k, p in zip(todo, found, strict=True):
            probability[k] = float(p)
    return [[p, *r] for p, r in zip(probability, rows, strict=True)], ["cross", *FEATURES]


def evidence_text(doc: Analysed, alignment: Alignment) -> str:
    return " ".join(doc.text[doc.sentences[i].start:doc.sentences[i].end]
                    for i in alignment.evidence)


def _evidence(doc: Analysed, alignment: Alignment) -> tuple[EvidenceSentence, ...]:
    out = []
    for i, score in zip(alignment.evidence, alignment.scores, strict=True):
        s = doc.sentences[i]
        out.append(EvidenceSentence(doc.text[s.start:s.end], s.start, s.end, round(score, 3)))
    return tuple(out)


def _hard_mismatch(f: dict[str, float], st: Analysed, doc: Analysed, al: Alignment) -> bool:
    """A negation that flips, an antonym of the evidence, a number or date absent from the
    document, a count of a thing the document counts otherwise, a name, word or colour swapped
    for another of its kind: cues decisive enough to overrule the head."""
    if f["neg_flip"] or f["antonym"] or f["num_new_doc"] or miscounted(st, doc) \
            or swapped(st, doc, al):
        return True
    for s in st.sentences:
        for t in s.tokens:
            low = t.text.lower()
            dated = low in MONTHS or low in WEEKDAYS or any(ch.isdigit() for ch in low)
            if dated and t.keys.isdisjoint(doc.keys):
                return True
    return False


SWAPPABLE = ("PERSON", "GPE", "NORP", "ORG", "LOC", "FAC")  # entity kinds one name can replace


def swapped(st: Analysed, doc: Analysed, al: Alignment) -> list[tuple[str, str]]:
    """(the statement's word, the evidence's) where the statement puts one thing in place of
    another of its kind:
    - a name of a kind the evidence names otherwise: "the Moscow Russian embassy" against "the
      Russian embassy in London", "a British man" against "an American" (a place within the
      other, "London" for "U.K.", is found, so no swap); a colour for another ("yellow and
      white paint" against "yellow and blue paint");
    - a noun the document uses elsewhere, but not in the evidence, where the evidence has one
      of its WordNet siblings: "pleaded guilty to murder" against "pleaded guilty to
      manslaughter" in a document that tells the two apart ("not guilty to murder").
      A word the document never uses may be the writer's synonym ("protesters" for
      "activists" are siblings too), so it is not counted."""
    evidence = [doc.sentences[i] for i in al.evidence]
    ev_keys: set[str] = set().union(*(s.keys for s in evidence)) if evidence else set()
    st_keys: set[str] = set().union(*(s.keys for s in st.sentences))
    st_tokens = [t for s in st.sentences for t in s.tokens]
    ev_tokens = [t for s in evidence for t in s.tokens if not found(t, st_keys)]
    swaps = []
    for kind in (*SWAPPABLE, "colour"):
        new = [t for t in st_tokens if _of_kind(t, kind) and not found(t, ev_keys)]
        gone = [t for t in ev_tokens if _of_kind(t, kind)]
        if new and gone:
            swaps.append((new[0].text, gone[0].text))
    gone_words = {w: t for t in content(ev_tokens) for w in (t.lemma, t.text.lower())}
    for t in content(st_tokens):  # (the evidence's noun as spaCy may tag it: "manslaughter")
        if t.category == "noun" and not found(t, ev_keys) and found(t, doc.keys):
            other = next((gone_words[w] for w in sorted(siblings(t.lemma)) if w in gone_words),
                         None)
            if other is not None:
                swaps.append((t.text, other.text))
    return swaps


def _of_kind(tok: Tok, kind: str) -> bool:
    if kind == "colour":
        return tok.text.lower() in COLOURS
    return tok.entity == kind and tok.category == "name"


def untitled(st: Analysed, doc: Analysed) -> list[str]:
    """The statement's titles the document gives no one: "The CEO of Ozy Media" where the
    document calls him its founder only. A title is a claim about a person that the document
    must make for the statement to be supported (read as the role conflicts read titles:
    "chief executive" is "CEO", "Sen." "Senator"); a generic one ("official", "head",
    "executive") may stand for any. Unsupported, not contradicted: a person may hold several
    titles ("founder and CEO"), and writers add ones they know ("Secretary of State Colin
    Powell" for "Powell")."""
    given = role_words(" ".join(role_word(w) for w in doc.text.split()))
    return [t.text for s in st.sentences for t in s.tokens
            if role_word(t.text) in TITLE_HEADS - GENERIC and not found(t, doc.keys)
            and not role_words(role_word(t.text)) & given]


def miscounted(st: Analysed, doc: Analysed) -> list[tuple[float, str]]:
    """The statement's counts of a thing the document counts only otherwise: "died 30 years
    ago" where the document says "35 years ago" (its "30" is "June 30", so the number alone
    is no difference)."""
    counted = {_measure(unit) for _, unit in doc.counts}
    return sorted(c for c in st.counts - doc.counts if _measure(c[1]) in counted)


TIME_STEMS = frozenset(stem(w + end) for w in TIME_UNITS for end in ("", "s")) | {"centuri"}


def _measure(unit: str) -> str:
    """What a count measures: units of time are one measure ("a one-month anniversary" where
    the document says "one-year"), any other counted word its own."""
    return "time" if unit in TIME_STEMS else unit


def _contradiction(f: dict[str, float]) -> bool:
    if f["neg_flip"] or f["antonym"] or f["num_new_ev"]:
        return True
    aligned = f["cover_ev"] >= 0.6
    return aligned and (f["num_new_doc"] > 0 or f["new_doc_name"] > 0 or f["new_ev_name"] > 0)


def _reasons(st: Analysed, doc: Analysed, al: Alignment) -> list[str]:
    evidence = [doc.sentences[i] for i in al.evidence]
    ev_keys: set[str] = set().union(*(s.keys for s in evidence)) if evidence else set()
    ev_lemmas: set[str] = set().union(*(s.lemmas for s in evidence)) if evidence else set()
    reasons: list[str] = []
    if not evidence:
        return ["no sentence of the document shares its content words"]
    tokens = [t for s in st.sentences for t in s.tokens]
    titles = untitled(st, doc)
    for t in content(tokens):
        kind = {"name": "name", "number": "number"}.get(t.category or "", "word")
        if t.text in titles:
            continue  # said below, once
        if not found(t, doc.keys):  # a synonym or narrower word there is no difference
            reasons.append(f"{kind} {t.text!r} is not in the document")
        elif t.category in ("name", "number") and not found(t, ev_keys):
            reasons.append(f"{kind} {t.text!r} is in the document, not in the evidence")
        if t.lemma in ANTONYMS and t.keys.isdisjoint(ev_keys) and ANTONYMS[t.lemma] & ev_lemmas:
            opposite = sorted(ANTONYMS[t.lemma] & ev_lemmas)[0]
            reasons.append(f"{t.text!r} where the evidence says {opposite!r}")
    neg_st = sum(1 for t in tokens if t.text.lower() in STRONG_NEGATION)
    neg_ev = sum(s.negations for s in evidence)
    if neg_st % 2 != neg_ev % 2:
        reasons.append("negated in the statement but not in the evidence" if neg_st > neg_ev
                       else "negated in the evidence but not in the statement")
    for value, unit in miscounted(st, doc):
        told = sorted({written(doc.text, v, u) for v, u in doc.counts
                       if _measure(u) == _measure(unit)})
        reasons.append(f"{written(st.text, value, unit)!r} is not in the document, which has "
                       + ", ".join(repr(t) for t in told))
    for word, other in swapped(st, doc, al):
        reasons.append(f"{word!r} where the evidence says {other!r}")
    reasons += [f"the document calls no one {title!r}" for title in dict.fromkeys(titles)]
    missing = sorted(st.numbers - doc.numbers)
    said = " ".join(reasons)
    for value in missing:  # unless a number's own words already said it ("number '14' …")
        if f"'{value:g}'" not in said:
            reasons.append(f"the value {value:g} is not in the document")
    return reasons


def word_overlap(statement: str, document: str) -> float:
    """The baseline: share of the statement's content words found anywhere in the document."""
    from ..text.similarity import content_words

    words = content_words(statement)
    if not words:
        return 0.0
    return len(words & content_words(document)) / len(words)


__all__ = ["CATEGORIES", "EvidenceSentence", "Verdict", "analyse", "check_many",
           "check_statement", "word_overlap"]
