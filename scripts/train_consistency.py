"""Train the statement checker's heads on perturbations of real news text (FactCC-style).

Nothing here reads the SummEdits benchmark: the training pairs are made from
``../shared/data`` (never copied into the repository):

- documents: BASIL articles (title + paragraphs) and NeuS outlet leads;
- consistent statements: sentences of the document, verbatim, compressed (a removable phrase or
  clause dropped), or with words replaced by paraphrases mined from MSRP paraphrase pairs and
  NeuS headline triples (MSRP feeds only this word list: its pairs, placed into unrelated host
  articles, taught the heads to trust low word overlap: 17 points less dev AUC);
- inconsistent statements: the same, then one edit: a name swapped for another of its kind
  (from another document, or from this one), a number changed, a negation inserted or removed,
  an antonym, a word swapped for a related but different word, a phrase inserted from another
  document, two names exchanged.

Written into ``src/wirecheck/consistency/``:
- default: ``head_lexical.json``, gradient-boosted trees over the symbolic features
  (``method="lexical"``);
- with ``--cross`` (needs torch + transformers, the ``nli`` extra), instead: ``cross_lora.npz``
  and ``head_minilm.json``, the MiniLM cross-encoder of the default checker: LoRA adapter and
  classifier fitted on (evidence, statement) pairs: the perturbations above against the document
  sentences ``features.align`` picks as their evidence, plus MSRP train pairs (paraphrases
  consistent; non-paraphrases that add a name or number inconsistent), classes balanced, 5 %
  held out for a synthetic check. Shipped run:
  ``python scripts/train_consistency.py --cross --n 4800 --threshold T``.

The decision threshold stored in each head is ``--threshold`` (default 0.5); the shipped heads
carry the single threshold chosen on the SummEdits dev file (BENCHMARKS.md), nothing else was.

Usage:  python scripts/train_consistency.py [--cross] [--n 12000] [--out DIR]
Seeds are fixed (SEED); the same data and versions give the same heads.
"""

from __future__ import annotations

import argparse
import glob
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wirecheck.consistency import lexicon  # noqa: E402
from wirecheck.consistency.analysis import Analysed, analyse_doc, analyse_many  # noqa: E402
from wirecheck.consistency.features import FEATURES, align, features  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "wirecheck" / "consistency"
SEED = 20240223
SWAP_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "DATE", "EVENT", "PRODUCT")
ANALYSED: dict[str, Analysed] = {}  # documents parsed once for the perturbations and features
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*|\S")
STOPISH = frozenset("the a an of to in on at for and or but is are was were be been has have had "
                    "it its this that with by from as he she they his her their said says".split())


# ---------------------------------------------------------------- sources

def basil_documents() -> list[str]:
    docs = []
    for path in sorted(glob.glob(str(DATA / "clusters-basil" / "articles" / "**" / "*.json"),
                            recursive=True)):
        item = json.loads(Path(path).read_text("utf-8"))
        paragraphs = [" ".join(p).strip() for p in item["body-paragraphs"] if p]
        text = "\n\n".join([item.get("title") or "", *paragraphs]).strip()
        docs.append(text[:7000])
    return docs


def neus_documents() -> list[str]:
    docs = []
    for line in (DATA / "summaries-neus" / "train.source").read_text("utf-8").splitlines():
        for part in line.split("[SEP]"):
            m = re.search(r"TITLE=>(.*?)ARTICLE=>(.*)", part)
            if m and len(m.group(2).split()) >= 25:
                docs.append(f"{m.group(1).strip()}\n\n{m.group(2).strip()}")
    return docs


def msrp_pairs() -> list[tuple[int, str, str]]:
    rows = []
    lines = (DATA / "paraphrase-msrp" / "msr_paraphrase_train.txt").read_text(
        "utf-8-sig").splitlines()[1:]
    for line in lines:
        parts = line.split("\t")
        if len(parts) == 5:
            rows.append((int(parts[0]), parts[3].strip(), parts[4].strip()))
    return rows


def neus_titles() -> list[list[str]]:
    groups = []
    for line in (DATA / "summaries-neus" / "train.source").read_text("utf-8").splitlines():
        titles = [m.group(1).strip() for m in re.finditer(r"TITLE=>(.*?)ARTICLE=>", line)]
        if len(titles) >= 2:
            groups.append(titles)
    return groups


# ---------------------------------------------------------------- paraphrase lexicon

def mine_paraphrases(pairs: list[tuple[str, str]]) -> dict[str, Counter[str]]:
    """One-word substitutions between aligned paraphrases: "purchased" -> "bought"."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for a, b in pairs:
        wa = [w.lower() for w in WORD.findall(a)]
        wb = [w.lower() for w in WORD.findall(b)]
        matcher = SequenceMatcher(None, wa, wb, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "replace" or i2 - i1 != 1 or j2 - j1 != 1:
                continue
            x, y = wa[i1], wb[j1]
            if not (x.isalpha() and y.isalpha()) or x in STOPISH or y in STOPISH:
                continue
            if x[:4] == y[:4] or len(x) < 3 or len(y) < 3:
                continue  # inflection, not a paraphrase
            if i1 > 0 and j1 > 0 and i2 < len(wa) and j2 < len(wb) \
                    and wa[i1 - 1] == wb[j1 - 1] and wa[i2] == wb[j2]:
                table[x][y] += 1
                table[y][x] += 1
    return table


def filter_paraphrases(table: dict[str, Counter[str]]) -> dict[str, Counter[str]]:
    """Keep substitutions seen twice, or once when MiniLM finds the two words close."""
    pairs = sorted({(a, b) for a, v in table.items() for b in v})
    close: set[tuple[str, str]] = set()
    try:
        from wirecheck.consistency.neural import encode_words

        words = sorted({w for p in pairs for w in p})
        vectors = dict(zip(words, encode_words(words), strict=True))
        close = {(a, b) for a, b in pairs if float(vectors[a] @ vectors[b]) >= 0.6}
    except Exception as exc:  # noqa: BLE001 - without the extra: counts only
        print(f"(paraphrases by counts only: {exc})", file=sys.stderr)
    out: dict[str, Counter[str]] = {}
    for a, v in table.items():
        kept = Counter({b: c for b, c in v.items() if c >= 2 or (a, b) in close})
        if kept:
            out[a] = kept
    return out


# ---------------------------------------------------------------- perturbations

class Perturber:
    def __init__(self, rng: random.Random, entities: dict[str, list[str]],
                 paraphrases: dict[str, Counter[str]], related: dict[str, list[str]],
                 phrases: list[str]) -> None:
        self.rng = rng
        self.entities = entities
        self.paraphrases = paraphrases
        self.related = related
        self.phrases = phrases

    # -- consistent rewrites
    def compress(self, sent: Any) -> str | None:
        """Drop one removable phrase or clause (not the root, at most 40% of the words)."""
        candidates = []
        for tok in sent:
            if tok.dep_ in ("prep", "advcl", "relcl", "appos", "npadvmod", "acl", "advmod") \
                    and tok.head.dep_ in ("ROOT", "nsubj", "dobj", "pobj", "attr", "nsubjpass"):
                sub = list(tok.subtree)
                if 1 <= len(sub) <= 0.4 * len(sent):
                    candidates.append((sub[0].i, sub[-1].i))
        if not candidates:
            return None
        start, end = self.rng.choice(candidates)
        words = [t.text_with_ws for t in sent if not start <= t.i <= end]
        text = "".join(words).strip()
        text = re.sub(r"\s+([,.;:])", r"\1", text)
        text = re.sub(r",\s*,", ",", text).replace(" ,", ",")
        text = re.sub(r"^[,;\s]+", "", text)
        return text[0].upper() + text[1:] if text else None

    def paraphrase(self, sent: Any, n: int = 2) -> str | None:
        """Replace up to ``n`` words by paraphrases mined from paraphrase pairs."""
        options = [t for t in sent if t.lower_ in self.paraphrases and not t.ent_type_]
        if not options:
            return None
        chosen = set(t.i for t in self.rng.sample(options, min(n, len(options))))
        out = []
        for t in sent:
            if t.i in chosen:
                counts = self.paraphrases[t.lower_]
                words, weights = zip(*counts.most_common(5), strict=True)
                new = self.rng.choices(words, weights=weights)[0]
                if t.text[:1].isupper():
                    new = new[:1].upper() + new[1:]
                out.append(new + t.whitespace_)
            else:
                out.append(t.text_with_ws)
        return "".join(out).strip()

    # -- inconsistent edits
    def swap_entity(self, sent: Any, doc_text: str, inside: list[Any]) -> str | None:
        ents = [e for e in sent.ents if e.label_ in SWAP_LABELS]
        if not ents:
            return None
        ent = self.rng.choice(ents)
        if inside and self.rng.random() < 0.35:
            pool = [e.text for e in inside if e.label_ == ent.label_ and e.text not in sent.text]
        else:
            pool = [x for x in self.rng.sample(self.entities.get(ent.label_, []),
                                               min(40, len(self.entities.get(ent.label_, []))))
                    if x.lower() not in doc_text.lower()]
        if not pool:
            return None
        return _replace(sent, ent.start_char, ent.end_char, self.rng.choice(pool))

    def exchange_entities(self, sent: Any) -> str | None:
        by_label: dict[str, list[Any]] = defaultdict(list)
        for e in sent.ents:
            if e.label_ in SWAP_LABELS:
                by_label[e.label_].append(e)
        pairs = [v for v in by_label.values() if len(v) >= 2 and v[0].text != v[1].text]
        if not pairs:
            return None
        a, b = self.rng.sample(self.rng.choice(pairs), 2)
        if a.start_char > b.start_char:
            a, b = b, a
        text = sent.text
        base = sent.start_char
        return (text[:a.start_char - base] + b.text + text[a.end_char - base:b.start_char - base]
                + a.text + text[b.end_char - base:])

    def change_number(self, sent: Any) -> str | None:
        toks = [t for t in sent if t.like_num or t.lower_ in lexicon.NUMBER_WORDS
                or re.fullmatch(r"\$?\d[\d,.]*(bn|m|k|%)?", t.lower_)]
        if not toks:
            return None
        tok = self.rng.choice(toks)
        low = tok.lower_
        m = re.search(r"\d[\d,]*(?:\.\d+)?", tok.text)
        if m:
            raw = m.group(0).replace(",", "")
            try:
                value = float(raw)
            except ValueError:
                return None
            if 1900 <= value <= 2100 and "." not in raw:
                new_value = value + self.rng.choice([-3, -2, -1, 1, 2, 5])
            else:
                factor = self.rng.choice([0.5, 0.7, 0.8, 1.2, 1.5, 2, 3, 10])
                new_value = value * factor
                if new_value == value:
                    new_value = value + 1
            new = (f"{new_value:.1f}" if "." in raw else str(int(round(new_value))))
            if new == raw:
                new = str(int(value) + self.rng.randint(1, 9))
            text = tok.text[:m.start()] + new + tok.text[m.end():]
        else:
            if low not in lexicon.NUMBER_WORDS:
                return None
            words = [w for w, v in lexicon.NUMBER_WORDS.items()
                     if v != lexicon.NUMBER_WORDS[low] and w.isalpha() and len(w) > 3]
            ordinal = low.endswith(("th", "st", "nd", "rd"))
            words = [w for w in words if w.endswith(("th", "st", "nd", "rd")) == ordinal]
            if not words:
                return None
            text = self.rng.choice(words)
            if tok.text[:1].isupper():
                text = text.capitalize()
        return _replace(sent, tok.idx, tok.idx + len(tok.text), text)

    def negate(self, sent: Any) -> str | None:
        negs = [t for t in sent if t.lower_ in ("not", "n't", "never")]
        if negs:
            t = self.rng.choice(negs)
            start = t.idx - (1 if t.lower_ != "n't" and t.idx > 0 else 0)
            return _replace(sent, start, t.idx + len(t.text), "")
        root = next((t for t in sent if t.dep_ == "ROOT"), None)
        if root is None:
            return None
        auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass")] \
            or ([root] if root.lemma_ == "be" else [])
        if auxes:
            aux = auxes[0]
            return _replace(sent, aux.idx, aux.idx + len(aux.text), aux.text + " not")
        if root.pos_ == "VERB" and root.tag_ in ("VBD", "VBZ", "VBP"):
            do = {"VBD": "did", "VBZ": "does", "VBP": "do"}[root.tag_]
            return _replace(sent, root.idx, root.idx + len(root.text),
                            f"{do} not {root.lemma_}")
        return None

    def antonym(self, sent: Any) -> str | None:
        toks = [t for t in sent if t.lemma_.lower() in lexicon.ANTONYMS and t.pos_ != "PROPN"]
        if not toks:
            return None
        tok = self.rng.choice(toks)
        new = self.rng.choice(sorted(lexicon.ANTONYMS[tok.lemma_.lower()]))
        new = _inflect(new, tok)
        return _replace(sent, tok.idx, tok.idx + len(tok.text), new)

    def related_word(self, sent: Any, doc_text: str) -> str | None:
        toks = [t for t in sent if t.pos_ in ("NOUN", "ADJ", "VERB") and not t.is_stop
                and t.lower_ in self.related]
        if not toks:
            return None
        tok = self.rng.choice(toks)
        pool = [w for w in self.related[tok.lower_]
                if w not in self.paraphrases.get(tok.lower_, {}) and w not in doc_text.lower()]
        if not pool:
            return None
        new = self.rng.choice(pool[:8])
        if tok.text[:1].isupper():
            new = new.capitalize()
        return _replace(sent, tok.idx, tok.idx + len(tok.text), new)

    def insert_phrase(self, sent: Any) -> str | None:
        if not self.phrases:
            return None
        phrase = self.rng.choice(self.phrases)
        text = sent.text.rstrip()
        end = ""
        if text and text[-1] in ".!?":
            text, end = text[:-1], text[-1]
        if phrase.startswith(("who ", "which ")):
            return f"{text}, {phrase}{end}"
        return f"{text} {phrase}{end}"


def _replace(sent: Any, start: int, end: int, new: str) -> str:
    base = sent.start_char
    text = sent.text
    out = text[:start - base] + new + text[end - base:]
    return re.sub(r"\s{2,}", " ", out).strip()


def _inflect(word: str, tok: Any) -> str:
    tag = tok.tag_
    if tag in ("VBD", "VBN"):
        word = word + ("d" if word.endswith("e") else "ed")
    elif tag == "VBZ" or tag == "NNS":
        word = word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")
    elif tag == "VBG":
        word = (word[:-1] if word.endswith("e") else word) + "ing"
    if tok.text[:1].isupper():
        word = word.capitalize()
    return word


# ---------------------------------------------------------------- the training set

def build_examples(n: int, rng: random.Random, log: Any = print) -> list[dict[str, Any]]:
    import spacy  # noqa: F401  (the shared pipeline below)

    from wirecheck.nlp.spacy_backend import load_nlp

    nlp = load_nlp()
    t0 = time.time()
    basil = basil_documents()
    neus = neus_documents()
    rng.shuffle(neus)
    documents = basil + neus[:900]
    msrp = msrp_pairs()
    titles = neus_titles()
    para_pairs = [(a, b) for label, a, b in msrp if label == 1]
    for group in titles:
        para_pairs += [(group[i], group[j]) for i in range(len(group))
                       for j in range(i + 1, len(group))]
    paraphrases = filter_paraphrases(mine_paraphrases(para_pairs))
    log(f"paraphrase lexicon: {len(paraphrases)} words ({time.time() - t0:.0f}s)")

    parsed = list(nlp.pipe(documents, batch_size=16))
    for text, doc in zip(documents, parsed, strict=True):
        ANALYSED[text] = analyse_doc(doc, text)
    log(f"parsed {len(parsed)} documents ({time.time() - t0:.0f}s)")
    entities: dict[str, set[str]] = defaultdict(set)
    nouns: Counter[str] = Counter()
    by_pos: dict[str, Counter[str]] = defaultdict(Counter)
    phrases: list[str] = []
    for doc in parsed:
        for e in doc.ents:
            if e.label_ in SWAP_LABELS and 1 <= len(e) <= 4 and "\n" not in e.text:
                entities[e.label_].add(e.text)
        for t in doc:
            if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "ADJ", "VERB") \
                    and t.ent_type_ == "":
                by_pos[t.pos_][t.lower_] += 1
                nouns[t.lower_] += 1
            if t.dep_ in ("prep", "relcl", "advcl") and t.head.pos_ in ("VERB", "NOUN"):
                sub = list(t.subtree)
                if 3 <= len(sub) <= 9 and all("\n" not in s.text for s in sub):
                    span = doc[sub[0].i:sub[-1].i + 1].text
                    if t.dep_ == "relcl" and not span.lower().startswith(("who ", "which ")):
                        continue
                    phrases.append(span)
    related = related_words(by_pos, rng)
    log(f"entities {sum(len(v) for v in entities.values())}, phrases {len(phrases)}, "
        f"related-word table {len(related)} ({time.time() - t0:.0f}s)")
    perturber = Perturber(rng, {k: sorted(v) for k, v in entities.items()}, paraphrases, related,
                          phrases)

    examples: list[dict[str, Any]] = []
    kinds_neg = ["swap_entity", "swap_entity", "change_number", "negate", "antonym",
                 "related_word", "related_word", "insert_phrase", "exchange_entities"]
    attempts = 0
    while len(examples) < n and attempts < n * 20:
        attempts += 1
        d = rng.randrange(len(documents))
        text, doc = documents[d], parsed[d]
        sents = [s for s in doc.sents if 8 <= len(s) <= 50 and "\n" not in s.text.strip()]
        if not sents:
            continue
        # leads are summary-like: favour the first sentences
        sent = sents[min(int(rng.expovariate(1 / 4)), len(sents) - 1)]
        base = sent.text.strip()
        # a consistent rewrite (maybe none)
        r = rng.random()
        statement, how = base, "verbatim"
        if r < 0.3:
            statement, how = perturber.compress(sent) or base, "compress"
        elif r < 0.75:
            statement, how = perturber.paraphrase(sent, n=rng.choice([1, 2, 3])) or base, \
                "paraphrase"
        work = sent
        if statement != base:
            work = nlp(statement)[:]
            work = next(iter(work.doc.sents)) if len(list(work.doc.sents)) == 1 else work
        if rng.random() < 0.5:
            examples.append({"doc": text, "statement": statement, "label": 1, "kind": how})
            continue
        kind = rng.choice(kinds_neg)
        new: str | None
        if kind == "swap_entity":
            new = perturber.swap_entity(work, text, list(doc.ents))
        elif kind == "change_number":
            new = perturber.change_number(work)
        elif kind == "negate":
            new = perturber.negate(work)
        elif kind == "antonym":
            new = perturber.antonym(work)
        elif kind == "related_word":
            new = perturber.related_word(work, text)
        elif kind == "insert_phrase":
            new = perturber.insert_phrase(work)
        else:
            new = perturber.exchange_entities(work)
        if new and new.strip() != statement.strip() and len(new.split()) >= 5:
            examples.append({"doc": text, "statement": new, "label": 0, "kind": kind})
    rng.shuffle(examples)
    log(f"{len(examples)} examples: {Counter(e['kind'] for e in examples)} "
        f"({time.time() - t0:.0f}s)")
    return examples


def related_words(by_pos: dict[str, Counter[str]], rng: random.Random) -> dict[str, list[str]]:
    """Words of the same part of speech that occur in the same kind of place, by a cheap
    distributional signature: the co-hyponym stand-in used for 'a related but different word'.
    With the embedding extra installed, MiniLM neighbours are used instead (see neural_related).
    """
    try:
        return neural_related(by_pos)
    except Exception as exc:  # noqa: BLE001 - fall back to random same-POS words
        print(f"(no MiniLM neighbours: {exc}; using same-POS words)", file=sys.stderr)
    table: dict[str, list[str]] = {}
    for counts in by_pos.values():
        words = [w for w, c in counts.most_common(3000) if c >= 2]
        for w in words:
            table[w] = rng.sample(words, min(8, len(words)))
    return table


def neural_related(by_pos: dict[str, Counter[str]]) -> dict[str, list[str]]:
    from wirecheck.consistency.neural import encode_words

    table: dict[str, list[str]] = {}
    for _pos, counts in by_pos.items():
        words = [w for w, c in counts.most_common(4000) if c >= 2]
        vectors = encode_words(words)
        sims = vectors @ vectors.T
        for i, w in enumerate(words):
            order = np.argsort(-sims[i])
            near = [words[j] for j in order[1:40]
                    if 0.35 <= sims[i, j] <= 0.75 and words[j][:4] != w[:4]]
            if near:
                table[w] = near[:10]
    return table


# ---------------------------------------------------------------- features and heads

def featurize(examples: list[dict[str, Any]], log: Any = print) -> np.ndarray:
    t0 = time.time()
    texts = [e["doc"] for e in examples]
    missing = list(dict.fromkeys(t for t in texts if t not in ANALYSED))
    ANALYSED.update(zip(missing, analyse_many(missing), strict=True))
    docs = [ANALYSED[t] for t in texts]
    statements = analyse_many([e["statement"] for e in examples])
    rows = []
    for e, doc, st in zip(examples, docs, statements, strict=True):
        al = align(st, doc)
        e["evidence"] = " ".join(doc.text[doc.sentences[i].start:doc.sentences[i].end]
                                 for i in al.evidence)
        rows.append(features(st, doc, al))
    log(f"features of {len(rows)} examples ({time.time() - t0:.0f}s)")
    return np.array(rows, dtype=float)


def fit_trees(x: np.ndarray, y: np.ndarray, names: list[str], seed: int) -> dict[str, Any]:
    from sklearn.ensemble import HistGradientBoostingClassifier

    from wirecheck.consistency.head import export_trees

    model = HistGradientBoostingClassifier(max_iter=150, learning_rate=0.05, max_leaf_nodes=15,
                                           random_state=seed)
    model.fit(x, y)
    return export_trees(model, names)


def adds_information(a: str, b: str) -> bool:
    """``b`` names something ``a`` does not: a capitalised word (not the first) or a number."""
    known = {w.lower() for w in WORD.findall(a)}
    words = WORD.findall(b)
    return any((w[:1].isupper() or w[:1].isdigit()) and w.lower() not in known
               for w in words[1:])


def cross_pairs(examples: list[dict[str, Any]], rng: random.Random,
                msrp_share: float = 0.25) -> list[dict[str, Any]]:
    """(evidence, statement, label) pairs for the cross-encoder: the perturbations against the
    evidence the checker aligns them to, plus MSRP train pairs (sentence 1 as the evidence):
    paraphrases (quality 1) are consistent; non-paraphrases whose second sentence names a thing
    or a number the first lacks are not. Classes balanced by dropping from the larger."""
    pairs = [{"premise": e["evidence"], "statement": e["statement"], "label": e["label"],
              "kind": e["kind"]} for e in examples if e.get("evidence")]
    msrp = [(q, a, b) for q, a, b in msrp_pairs() if q == 1 or adds_information(a, b)]
    rng.shuffle(msrp)
    for q, a, b in msrp[:int(msrp_share * len(pairs))]:
        pairs.append({"premise": a, "statement": b, "label": q, "kind": f"msrp{q}"})
    rng.shuffle(pairs)
    pos = [p for p in pairs if p["label"] == 1]
    neg = [p for p in pairs if p["label"] == 0]
    k = min(len(pos), len(neg))
    pairs = pos[:k] + neg[:k]
    rng.shuffle(pairs)
    return pairs


def train_cross(examples: list[dict[str, Any]], out: Path, rng: random.Random,
                epochs: int, threshold: float = 0.5) -> None:
    from wirecheck.consistency.neural import train_cross_encoder

    t0 = time.time()
    pairs = cross_pairs(examples, rng)
    held = len(pairs) // 20
    train, test = pairs[held:], pairs[:held]
    print(f"cross-encoder pairs: {len(train)} train, {len(test)} held out, "
          f"{Counter(p['kind'] for p in pairs)}", flush=True)
    y = np.array([p["label"] for p in train])
    encoder = train_cross_encoder([p["premise"] for p in train], [p["statement"] for p in train],
                                  y, SEED, epochs=epochs,
                                  log=lambda m: print(m, flush=True))
    np.savez_compressed(out / "cross_lora.npz", **encoder.state())  # type: ignore[arg-type]
    head = {"kind": "cross", "features": ["cross"], "threshold": threshold,
            "weights": "cross_lora.npz", "trained_on": len(train), "seed": SEED}
    (out / "head_minilm.json").write_text(json.dumps(head) + "\n", "utf-8")
    prob = encoder.predict([p["premise"] for p in test], [p["statement"] for p in test])
    labels = np.array([p["label"] for p in test])
    acc = float(((prob >= 0.5) == labels).mean())
    ranks = prob.argsort().argsort()
    n1 = int(labels.sum())
    auc = (ranks[labels == 1].sum() - n1 * (n1 - 1) / 2) / (n1 * (len(labels) - n1))
    by_kind = {k: round(float(((prob >= 0.5) == labels)[[p["kind"] == k for p in test]].mean()), 3)
               for k in sorted({p["kind"] for p in test})}
    print(f"wrote cross_lora.npz: held-out synthetic accuracy {acc:.3f}, AUC {auc:.3f}, "
          f"by kind {by_kind} ({time.time() - t0:.0f}s)", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=12000, help="perturbed examples to make")
    parser.add_argument("--cross", action="store_true",
                        help="train the MiniLM cross-encoder (cross_lora.npz; needs the [nli] "
                             "extra) instead of the lexical head")
    parser.add_argument("--epochs", type=int, default=1, help="cross-encoder epochs")
    parser.add_argument("--threshold", type=float, default=0.5, help="decision threshold")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--dump", type=Path, help="write the examples as JSON Lines here")
    parser.add_argument("--examples", type=Path, help="read the examples from such a dump")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"{DATA} is absent: the training data lives beside a developer's checkout")
        return 0
    t0 = time.time()
    rng = random.Random(SEED)
    np.random.seed(SEED)
    if args.examples:  # a --dump of an earlier run: the same examples, without rebuilding them
        examples = [json.loads(line) for line in args.examples.read_text("utf-8").splitlines()]
        x = np.array([e.pop("x") for e in examples], dtype=float)
    else:
        examples = build_examples(args.n, rng)
        x = featurize(examples)
    y = np.array([e["label"] for e in examples])
    if args.dump and not args.examples:
        with args.dump.open("w", encoding="utf-8") as fh:
            for e, row in zip(examples, x, strict=True):
                fh.write(json.dumps({**e, "x": row.round(5).tolist()}) + "\n")
    if args.cross:
        train_cross(examples, args.out, random.Random(SEED + 1), args.epochs, args.threshold)
        print(f"done ({time.time() - t0:.0f}s)")
        return 0
    head = fit_trees(x, y, list(FEATURES), SEED)
    head.update(threshold=args.threshold, trained_on=len(examples), seed=SEED)
    (args.out / "head_lexical.json").write_text(json.dumps(head) + "\n", "utf-8")
    print(f"wrote head_lexical.json ({time.time() - t0:.0f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
