"""Alignment of a statement to its evidence in a document, and the mismatch features.

Alignment: each sentence of the statement is matched to the document sentences that share its
content words or words that entail them (WordNet synonyms and narrower words; weighted: names
and numbers count double, words common in the document count less); a greedy cover adds up to
``MAX_EVIDENCE`` sentences while each one covers words the others do not. The evidence of the
statement is the union of these sentences.

Features (``FEATURES`` names them, in order) compare the statement with its evidence and with
the whole document: how much of it is covered, which kinds of words are new (names, numbers,
nouns, verbs, adjectives, adverbs) to the document or only to the evidence, numbers that differ,
negations that flip, antonyms of evidence words, and how extractive the wording is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from .analysis import CATEGORIES, LIGHT, NAME, Analysed, Sent, Tok
from .lexicon import ANTONYMS, STRONG_NEGATION
from .wordnet import entailing, within

MAX_EVIDENCE = 3
WEIGHT = {"name": 2.0, "number": 2.0, "noun": 1.0, "verb": 1.0, "adj": 1.0, "adv": 0.5}


@dataclass(frozen=True, slots=True)
class Alignment:
    evidence: list[int]  # indices of document sentences, in document order
    scores: list[float]  # their alignment scores
    best: float  # best single-sentence coverage over the statement's sentences (min)


FEATURES = (
    "cover_doc", "cover_ev", "best_align",
    *(f"new_doc_{c}" for c in CATEGORIES),
    *(f"new_ev_{c}" for c in CATEGORIES),
    "num_new_doc", "num_new_ev", "neg_stmt", "neg_ev", "neg_flip", "antonym",
    "fuzz_set", "fuzz_sort", "lcs_cover", "bigram_cover", "len_content", "n_evidence",
    "new_doc_any", "new_ev_any",
)


def content(tokens: list[Tok]) -> list[Tok]:
    return [t for t in tokens if t.category is not None and t.lemma not in LIGHT]


def found(tok: Tok, keys: set[str]) -> bool:
    """Whether the statement's ``tok`` is among ``keys``, itself or as a word that entails it
    (a WordNet synonym or narrower word: "invasion" in the document covers "attack"; a place
    within the named one: "London" covers "U.K.")."""
    if not tok.keys.isdisjoint(keys):
        return True
    if tok.category == "name":  # a place within it, named as a name there ("London")
        return any(NAME + place in keys for place in within(tok.lemma))
    return tok.category is not None and not entailing(tok.lemma, tok.category).isdisjoint(keys)


def _weight(tok: Tok, doc: Analysed) -> float:
    base = WEIGHT.get(tok.category or "", 1.0)
    df = min((doc.key_df.get(k, 0) for k in tok.keys), default=0)
    return base / (1.0 + math.log1p(df))


def align(statement: Analysed, doc: Analysed) -> Alignment:
    chosen: dict[int, float] = {}
    best_overall = 1.0
    for ssent in statement.sentences:
        words = content(ssent.tokens)
        if not words or not doc.sentences:
            continue
        weights = [_weight(t, doc) for t in words]
        total = sum(weights) or 1.0
        covered = [False] * len(words)
        scores = [
            sum(w for t, w in zip(words, weights, strict=True) if found(t, d.keys)) / total
            for d in doc.sentences
        ]
        best_overall = min(best_overall, max(scores))
        for _ in range(MAX_EVIDENCE):
            gains = []
            for i, d in enumerate(doc.sentences):
                gain = sum(w for t, w, c in zip(words, weights, covered, strict=True)
                           if not c and found(t, d.keys)) / total
                gains.append((gain + 0.01 * scores[i], i))
            gain, i = max(gains)
            if gain < 0.12 and covered.count(True) > 0:
                break
            if gain <= 0.01:
                break
            chosen[i] = max(chosen.get(i, 0.0), scores[i])
            for j, t in enumerate(words):
                if found(t, doc.sentences[i].keys):
                    covered[j] = True
            if all(covered):
                break
    order = sorted(chosen)
    return Alignment(order, [chosen[i] for i in order], best_overall if chosen else 0.0)


def _words(tokens: list[Tok]) -> list[str]:
    return [t.text.lower() for t in tokens if t.text[:1].isalnum()]


def features(statement: Analysed, doc: Analysed, alignment: Alignment) -> list[float]:
    evidence: list[Sent] = [doc.sentences[i] for i in alignment.evidence]
    ev_keys: set[str] = set().union(*(s.keys for s in evidence)) if evidence else set()
    ev_lemmas: set[str] = set().union(*(s.lemmas for s in evidence)) if evidence else set()
    ev_numbers: set[float] = set().union(*(s.numbers for s in evidence)) if evidence else set()
    tokens = [t for s in statement.sentences for t in s.tokens]
    words = content(tokens)
    weights = [_weight(t, doc) for t in words]
    total = sum(weights) or 1.0
    in_doc = [found(t, doc.keys) for t in words]
    in_ev = [found(t, ev_keys) for t in words]
    new_doc = dict.fromkeys(CATEGORIES, 0.0)
    new_ev = dict.fromkeys(CATEGORIES, 0.0)
    for t, d, e in zip(words, in_doc, in_ev, strict=True):
        cat = t.category or "noun"
        if not d:
            new_doc[cat] += 1
        elif not e:
            new_ev[cat] += 1
    numbers = statement.numbers
    num_new_doc = len(numbers - doc.numbers)
    num_new_ev = len(numbers - ev_numbers - (numbers - doc.numbers))
    neg_stmt = sum(1 for t in tokens if t.text.lower() in STRONG_NEGATION)
    neg_ev = sum(s.negations for s in evidence)
    antonym = 0
    for t in words:
        if t.lemma in ANTONYMS and not found(t, ev_keys) and ANTONYMS[t.lemma] & ev_lemmas:
            antonym += 1
    ev_text = " ".join(doc.text[s.start:s.end] for s in evidence)
    st_text = statement.text
    s_words = _words(tokens)
    e_words = _words([t for s in evidence for t in s.tokens])
    matcher = SequenceMatcher(None, s_words, e_words, autojunk=False)
    lcs = sum(b.size for b in matcher.get_matching_blocks() if b.size >= 2)
    pairs = [(a, b) for a, b in zip(words, words[1:], strict=False)]
    bigram_hits = 0
    for a, b in pairs:
        for s in evidence:
            pos_a = [i for i, t in enumerate(s.tokens) if not t.keys.isdisjoint(a.keys)]
            pos_b = [i for i, t in enumerate(s.tokens) if not t.keys.isdisjoint(b.keys)]
            if any(0 < j - i <= 4 for i in pos_a for j in pos_b):
                bigram_hits += 1
                break
    return [
        sum(w for w, d in zip(weights, in_doc, strict=True) if d) / total,
        sum(w for w, e in zip(weights, in_ev, strict=True) if e) / total,
        alignment.best,
        *(new_doc[c] for c in CATEGORIES),
        *(new_ev[c] for c in CATEGORIES),
        float(num_new_doc), float(num_new_ev),
        float(neg_stmt), float(min(neg_ev, 3)),
        float((neg_stmt % 2) != (neg_ev % 2)),
        float(antonym),
        fuzz.token_set_ratio(st_text, ev_text) / 100.0,
        fuzz.token_sort_ratio(st_text, ev_text) / 100.0,
        lcs / max(len(s_words), 1),
        bigram_hits / max(len(pairs), 1),
        math.log1p(len(words)),
        float(len(evidence)),
        float(sum(new_doc.values())),
        float(sum(new_ev.values())),
    ]
