"""Quotes and speakers on PolNeAR (``../shared/data/quotes-polnear/dev``), wirecheck beside
textacy's ``direct_quotations`` on the same texts, in the same run. Prints one JSON line.

Data: ``text/<stem>.txt`` and brat standoff ``attributions/<stem>_<annotator>.ann`` (``T`` lines
are Source / Cue / Content spans with char offsets, ``E`` lines join them into one attribution).
Two dev texts have six annotators: each annotation set is scored and the counts of such a text
are averaged over its sets (every text weighs the same).

Articles: the text as stored, one paragraph (kind "p") per non-empty line; nothing is dropped
(``_polnear.py``, shared with extraction_speed.py).

Matching rules (applied alike to both systems):
- tokens are ``\\w+`` runs, lower-cased; content token F1 is the multiset F1 of the tokens of the
  two contents; a prediction and a gold attribution match when it is >= 0.5, pairs taken
  greedily best first, one to one;
- a gold attribution is *direct* when its content span is inside quotation marks: every letter
  and digit of its pieces lies between an opening and a closing double mark (“…”, "…", ''…'',
  «…»; read line by line, a straight mark toggles);
- a prediction is one attribution with a speaker (quotes found without one are not
  attributions; textacy yields none): the quotes an extractor reads off one cue (the same cue
  word at the same offset) are joined into one content (a quotation interrupted by "he said",
  or run over two paragraphs); a prediction is direct when it is a whole quotation (wirecheck
  kind "direct"; every textacy triple) and its content passes the gold test above; a partial
  quotation is joined with the indirect clause of its cue;
- the speaker is correct when the predicted speaker's mention overlaps the gold Source span, or
  the predicted name names the same person as the Source text (``same_person``, or the Source
  ends with the predicted name: "longtime pollster Pat Caddell" ~ "Pat Caddell");
  speaker accuracy is over matched direct pairs whose gold attribution has a Source;
- all-attribution recall: every gold attribution (direct and indirect) against every prediction.

textacy (0.13.0) runs on the same spaCy pipeline, per paragraph (each line parsed alone) and per
article (the shared parse); it raises on an odd number of quotation marks, and those failures are
counted. Usage: ``python benchmarks/quotes_polnear.py [SPLIT_DIR] [--errors] [--no-peer]
[--limit=N]`` (``--errors`` lists misses on stderr; ``--limit`` takes N texts spread evenly).
"""

from __future__ import annotations

import functools
import json
import os
import platform
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from _polnear import DEV, read_articles
from wirecheck.nlp.spacy_backend import analyse_many, load_nlp
from wirecheck.stages.quotes import QuoteExtractor
from wirecheck.text.names import name_words, same_person
from wirecheck.types import Article

MATCH_F1 = 0.5
OPENING_DOUBLE = "\u201c\u201e\u00ab"
CLOSING_DOUBLE = "\u201d\u00bb"
TARGETS = {"direct_f1": 0.90, "speaker_accuracy": 0.96, "all_recall": 0.60}

Pieces = tuple[tuple[int, int], ...]


@dataclass
class Gold:
    content: Pieces
    source: Pieces
    direct: bool


@dataclass
class Pred:
    content: Pieces
    direct: bool
    speaker: str | None
    speaker_span: tuple[int, int] | None


# -- gold ----------------------------------------------------------------------------------------

def read_ann(path: Path, text: str) -> list[Gold]:
    spans: dict[str, Pieces] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = tuple(
                (int(a), int(b)) for a, b in (p.split() for p in offsets.split(";")))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(r.split(":", 1) for r in parts[1].split() if ":" in r))
    gold = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if content:
            gold.append(Gold(content, spans.get(event.get("Source", ""), ()),
                             is_quoted(text, content)))
    return gold


def is_quoted(text: str, pieces: Pieces) -> bool:
    """Every letter and digit of the pieces is inside double quotation marks."""
    inside = quoted_chars(text)
    return all(inside[i] for s, e in pieces for i in range(s, e) if text[i].isalnum())


@functools.lru_cache(maxsize=4)
def quoted_chars(text: str) -> bytes:
    """1 for each character inside double quotation marks (“…”, "…", ''…''), line by line."""
    flags = bytearray(len(text))
    state, i = False, 0
    while i < len(text):
        ch = text[i]
        if ch == "\n":
            state = False
        elif ch in OPENING_DOUBLE:
            state = True
        elif ch in CLOSING_DOUBLE:
            state = False
        elif ch == '"' or text.startswith("''", i):
            state = not state
            i += 1 if ch == "'" else 0
        elif state:
            flags[i] = 1
        i += 1
    return bytes(flags)


def load_split(folder: Path) -> list[tuple[Article, list[list[Gold]]]]:
    sets: dict[str, list[Path]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        sets.setdefault(re.sub(r"_[0-9a-f]{4}$", "", ann.stem), []).append(ann)
    return [(article, [read_ann(ann, article.text) for ann in sets.get(article.id, [])])
            for article in read_articles(folder / "text")]


# -- predictions ---------------------------------------------------------------------------------

def join_by_cue(items: Iterable[tuple[Pieces, bool, str | None, tuple[int, int] | None,
                                      int | None]]) -> list[Pred]:
    """One prediction per cue (offset); quotes without a cue stay alone."""
    grouped: dict[Any, list[Any]] = {}
    for n, (pieces, direct, speaker, span, cue) in enumerate(items):
        key = ("cue", cue, direct) if cue is not None else ("alone", n)
        grouped.setdefault(key, []).append((pieces, direct, speaker, span))
    preds = []
    for members in grouped.values():
        pieces = tuple(sorted(p for m in members for p in m[0]))
        preds.append(Pred(pieces, all(m[1] for m in members), members[0][2], members[0][3]))
    return preds


def wirecheck_preds(extractor: QuoteExtractor, parsed: Any) -> list[Pred]:
    items = []
    text = parsed.article.text
    for a in extractor.attributions(parsed):
        q = a.quote
        span = (a.speaker.start, a.speaker.end) if a.speaker else None
        content = ((q.span.start, q.span.end),)
        items.append((content, q.kind == "direct" and is_quoted(text, content), q.speaker, span,
                      a.cue))
    preds = join_by_cue(items)
    for p in preds:  # a quote joined with an indirect clause: the clause is the content
        if not p.direct:
            p.content = ((min(s for s, _ in p.content), max(e for _, e in p.content)),)
    return preds


def textacy_preds(doc: Any, offset: int) -> list[Pred]:
    from textacy.extract.triples import direct_quotations

    items = []
    for triple in direct_quotations(doc):
        content = ((triple.content.start_char + offset, triple.content.end_char + offset),)
        speaker = triple.speaker
        span = (speaker[0].idx + offset, speaker[-1].idx + len(speaker[-1]) + offset)
        items.append((content, True, " ".join(t.text for t in speaker), span,
                      triple.cue[0].idx + offset))
    return join_by_cue(items)


# -- scoring -------------------------------------------------------------------------------------

def tokens(text: str, pieces: Pieces) -> Counter[str]:
    return Counter(w for s, e in pieces for w in re.findall(r"\w+", text[s:e].lower()))


def token_f1(a: Counter[str], b: Counter[str]) -> float:
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def match(text: str, preds: list[Pred], gold: list[Gold]) -> list[tuple[Pred, Gold]]:
    ptoks = [tokens(text, p.content) for p in preds]
    gtoks = [tokens(text, g.content) for g in gold]
    pairs = sorted(((token_f1(pt, gt), i, j) for i, pt in enumerate(ptoks)
                    for j, gt in enumerate(gtoks)), reverse=True)
    used_p, used_g, matched = set(), set(), []
    for f1, i, j in pairs:
        if f1 < MATCH_F1:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((preds[i], gold[j]))
    return matched


def speaker_ok(text: str, pred: Pred, gold: Gold) -> bool:
    if pred.speaker_span and any(s < pred.speaker_span[1] and pred.speaker_span[0] < e
                                 for s, e in gold.source):
        return True
    if not pred.speaker:
        return False
    source = " ".join(text[s:e] for s, e in gold.source)
    words, said = name_words(source), name_words(pred.speaker)
    return same_person(pred.speaker, source) or bool(said) and words[-len(said):] == said


class Score:
    def __init__(self) -> None:
        self.c: Counter[str] = Counter()

    def add(self, text: str, preds: list[Pred], sets: list[list[Gold]]) -> None:
        weight = 1 / len(sets)
        preds = [p for p in preds if p.speaker]
        direct_preds = [p for p in preds if p.direct]
        for gold in sets:
            direct_gold = [g for g in gold if g.direct]
            pairs = match(text, direct_preds, direct_gold)
            sourced = [(p, g) for p, g in pairs if g.source]
            self.c.update({k: v * weight for k, v in {
                "pred": len(direct_preds), "gold": len(direct_gold), "tp": len(pairs),
                "sourced": len(sourced),
                "speaker": sum(speaker_ok(text, p, g) for p, g in sourced),
                "all_gold": len(gold), "all_tp": len(match(text, preds, gold)),
                "all_pred": len(preds),
            }.items()})

    def result(self) -> dict[str, float]:
        c = self.c
        p = c["tp"] / c["pred"] if c["pred"] else 0.0
        r = c["tp"] / c["gold"] if c["gold"] else 0.0
        return {"p": round(p, 3), "r": round(r, 3),
                "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                "speaker_accuracy": round(c["speaker"] / c["sourced"], 3) if c["sourced"] else 0,
                "all_recall": round(c["all_tp"] / c["all_gold"], 3) if c["all_gold"] else 0,
                "all_precision": round(c["all_tp"] / c["all_pred"], 3) if c["all_pred"] else 0,
                "predicted_all": round(c["all_pred"], 1),
                "predicted_direct": round(c["pred"], 1)}


# -- the run -------------------------------------------------------------------------------------

def run_textacy(data: list[tuple[Article, list[list[Gold]]]], docs: list[Any]
                ) -> dict[str, Any] | str:
    try:
        import textacy  # noqa: F401
        from textacy.extract.triples import direct_quotations  # noqa: F401
    except Exception as exc:  # ImportError, or a version clash inside textacy
        return f"unavailable: {type(exc).__name__}: {exc} (pip install textacy==0.13.0)"
    nlp = load_nlp()
    per_par, per_art = Score(), Score()
    par_fail = art_fail = paragraphs = 0
    for (article, sets), doc in zip(data, docs, strict=True):
        if not sets:
            continue
        pars = [(p.start, article.text[p.start:p.end]) for p in article.paragraphs]
        preds: list[Pred] = []
        for (start, _), pdoc in zip(pars, nlp.pipe(t for _, t in pars), strict=True):
            paragraphs += 1
            try:
                preds += textacy_preds(pdoc, start)
            except ValueError:
                par_fail += 1
        per_par.add(article.text, preds, sets)
        try:
            whole = textacy_preds(doc, 0)
        except ValueError:
            art_fail, whole = art_fail + 1, []
        per_art.add(article.text, whole, sets)
    return {"per_paragraph": {**per_par.result(), "failures": par_fail,
                              "paragraphs": paragraphs, "version": version("textacy")},
            "per_article": {**per_art.result(), "failures": art_fail,
                            "articles": sum(1 for _, s in data if s)}}


def show(text: str, pieces: Pieces) -> str:
    return " | ".join(text[s:e] for s, e in pieces)[:200].replace("\n", "/")


def errors(data: list[tuple[Article, list[list[Gold]]]], preds: list[list[Pred]]) -> Iterator[str]:
    for (article, sets), ps in zip(data, preds, strict=True):
        text, gold = article.text, sets[0] if sets else []
        ps = [p for p in ps if p.speaker]
        direct = [p for p in ps if p.direct]
        pairs = match(text, direct, [g for g in gold if g.direct])
        hit_p, hit_g = {id(p) for p, _ in pairs}, {id(g) for _, g in pairs}
        for p in direct:
            if id(p) not in hit_p:
                yield f"FP {article.id}: {show(text, p.content)} <- {p.speaker}"
        for g in gold:
            if g.direct and id(g) not in hit_g:
                yield f"FN {article.id}: {show(text, g.content)} <- {show(text, g.source)}"
        for p, g in pairs:
            if g.source and not speaker_ok(text, p, g):
                yield (f"SPK {article.id}: {show(text, g.content)[:80]} <- {p.speaker} / "
                       f"{show(text, g.source)}")
        allp = match(text, ps, gold)
        hit_all = {id(g) for _, g in allp}
        for g in gold:
            if not g.direct and id(g) not in hit_all:
                yield f"MISS {article.id}: {show(text, g.content)} <- {show(text, g.source)}"


def main(argv: list[str]) -> int:
    folder = Path(next((a for a in argv if not a.startswith("-")), DEV))
    if not (folder / "text").is_dir():
        print(json.dumps({"benchmark": "quotes_polnear",
                          "skipped": f"{folder} is absent (../shared is only beside a "
                                     "developer's checkout)"}))
        return 0
    data = load_split(folder)
    limit = next((int(a.split("=")[1]) for a in argv if a.startswith("--limit=")), None)
    data = data[::max(1, len(data) // limit)][:limit] if limit else data
    extractor = QuoteExtractor()
    load_nlp()
    started = time.perf_counter()
    parsed = analyse_many([a for a, _ in data])
    wc, preds = Score(), []
    for (article, sets), p in zip(data, parsed, strict=True):
        preds.append(wirecheck_preds(extractor, p))
        if sets:
            wc.add(article.text, preds[-1], sets)
    seconds = time.perf_counter() - started
    if "--errors" in argv:
        print("\n".join(errors(data, preds)), file=sys.stderr)
    peer = run_textacy(data, [p.doc for p in parsed]) if "--no-peer" not in argv else "skipped"
    mine = wc.result()
    line: dict[str, Any] = {
        "benchmark": "quotes_polnear", "split": folder.name,
        "texts": sum(1 for _, s in data if s),
        "gold_direct": round(wc.c["gold"], 1), "gold_all": round(wc.c["all_gold"], 1),
        "wirecheck": {**mine, "seconds": round(seconds, 1)}, "textacy": peer,
        "targets": TARGETS,
        "meets_targets": mine["f1"] >= TARGETS["direct_f1"]
        and mine["speaker_accuracy"] >= TARGETS["speaker_accuracy"]
        and mine["all_recall"] >= TARGETS["all_recall"],
    }
    if isinstance(peer, dict):  # ahead of textacy's better mode on every figure
        line["ahead_of_textacy"] = all(mine[k] > max(mode[k] for mode in peer.values()) for k in (
            "p", "r", "f1", "speaker_accuracy", "all_recall"))
    line.update(machine=platform.machine(), cpus=os.cpu_count(),
                python=platform.python_version())
    print(json.dumps(line))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
