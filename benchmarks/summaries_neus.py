"""The brief against human neutral roundups: NeuS val (307 clusters of three outlets' leads).

For each cluster the three ``TITLE=> … ARTICLE=> …`` parts of the ``.source`` line become three
Articles of one Story (title = the title, text = the lead, outlet = left / center / right) and go
through wirecheck's own stages: quotes, facts, claims, copies, the cross-source comparison and
the brief composer. wirecheck's summary is the brief's "what is established" section composed
with the reference's length as its word budget (``compose_brief(…, words=n,
sections=("established",))``): whole sentences, filled by importance within the budget, the top
point always stated even when it alone is longer (then it is the whole summary).

Baselines, on the same inputs in the same run, cut at the reference length in words (the usual
``-l`` rule of ROUGE: the words after the limit are dropped):
- lead-3 of the first article; lead-3 of the most central article (the highest mean TF-IDF
  cosine, scikit-learn defaults, to the other two leads);
- LexRank and TextRank (sumy 0.13.0, English stop words and Snowball stemmer) over the three
  leads, their best sentences in document order; sentences are split by spaCy (the same
  splitter wirecheck uses: NLTK's punkt data cannot be fetched here).

Diagnostic, not a result: ``ranked_nearest`` scores the composer's ranking of points without
the brief's word budget (its candidates in order of importance, cut at the whole sentence that
brings the length closest to the reference's, which may pass it).

Reference: the ``.target`` line's ARTICLE part (the roundup's body; its title is not scored);
its length in words is the length limit of every system. Metric: ROUGE-1/2/L F1 of
``rouge-score`` 0.1.2 with Porter stemming (``use_stemmer=True``), averaged over clusters, in
percent. ``citations_resolve``: the share of the sentences wirecheck outputs whose every citation
is a non-empty span inside its article's text, the first citation of a sentence taken from an
article reading exactly as the sentence (case, quote style and spaces folded).

Needs ``rouge-score==0.1.2`` and ``sumy==0.13.0`` (not dependencies of wirecheck: install them in
a throwaway venv beside wirecheck). Prints one JSON line; skips when ../shared is absent.
Usage: python benchmarks/summaries_neus.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import time
from pathlib import Path
from statistics import mean
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "summaries-neus"
OUTLETS = ("left", "center", "right")
PART = re.compile(r"TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", re.S)


def split_parts(line: str) -> list[tuple[str, str]]:
    """(title, text) of each ``TITLE=> … ARTICLE=> …`` part of a line."""
    parts = []
    for chunk in line.split("[SEP]"):
        match = PART.search(chunk)
        if match:
            parts.append((match.group(1).strip(), match.group(2).strip()))
        elif chunk.strip():
            parts.append(("", chunk.strip()))
    return parts


def words_of(text: str) -> list[str]:
    return text.split()


def cut_words(sentences: list[str], limit: int) -> str:
    """The sentences joined, the words after ``limit`` dropped (the baselines' rule)."""
    return " ".join(" ".join(sentences).split()[:limit])


def cut_sentences(sentences: list[str], limit: int) -> list[str]:
    """Whole sentences while the total stays within ``limit`` words (at least one)."""
    out: list[str] = []
    used = 0
    for sentence in sentences:
        n = len(sentence.split())
        if out and used + n > limit:
            break
        out.append(sentence)
        used += n
        if used >= limit:
            break
    return out


def cut_nearest(sentences: list[str], limit: int) -> list[str]:
    """Whole sentences up to the one that brings the length closest to ``limit`` (may pass it):
    only for the diagnostic ``ranked_nearest``, which ignores the brief's word budget."""
    out: list[str] = []
    used = 0
    for sentence in sentences:
        n = len(sentence.split())
        if out and abs(used + n - limit) > abs(used - limit):
            break
        out.append(sentence)
        used += n
    return out


class SpacyTokenizer:
    """sumy's tokenizer interface over spaCy's sentence splitter (no NLTK data needed)."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.text.strip() for s in self.nlp(paragraph).sents if s.text.strip())

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(re.findall(r"[^\W_]+(?:['’][^\W_]+)?", sentence))


class Baselines:
    def __init__(self, nlp: Any) -> None:
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words

        self.nlp = nlp
        self.tokenizer = SpacyTokenizer(nlp)
        stemmer, stop = Stemmer("english"), get_stop_words("english")
        self.summarizers: dict[str, Any] = {}
        for name, cls in (("lexrank", LexRankSummarizer), ("textrank", TextRankSummarizer)):
            summarizer = cls(stemmer)
            summarizer.stop_words = stop
            self.summarizers[name] = summarizer

    def sentences(self, text: str) -> list[str]:
        return list(self.tokenizer.to_sentences(text))

    def central(self, texts: list[str]) -> int:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.metrics.pairwise import cosine_similarity

        matrix = TfidfVectorizer().fit_transform(texts)
        sims = cosine_similarity(matrix)
        scores = [(sims[i].sum() - sims[i, i]) / max(len(texts) - 1, 1) for i in range(len(texts))]
        return max(range(len(texts)), key=lambda i: (scores[i], -i))

    def ranked(self, name: str, texts: list[str], limit: int) -> list[str]:
        """The summarizer's best sentences (document order), as many as reach ``limit`` words."""
        from sumy.parsers.plaintext import PlaintextParser

        document = PlaintextParser.from_string("\n\n".join(texts), self.tokenizer).document
        total = len(document.sentences)
        chosen: list[str] = []
        for count in range(1, total + 1):
            chosen = [str(s) for s in self.summarizers[name](document, count)]
            if sum(len(s.split()) for s in chosen) >= limit:
                break
        return chosen

    def all(self, texts: list[str], limit: int) -> dict[str, str]:
        central = self.central(texts)
        return {
            "lead3_first": cut_words(self.sentences(texts[0])[:3], limit),
            "lead3_central": cut_words(self.sentences(texts[central])[:3], limit),
            "lexrank": cut_words(self.ranked("lexrank", texts, limit), limit),
            "textrank": cut_words(self.ranked("textrank", texts, limit), limit),
        }


def wirecheck_brief(index: int, parts: list[tuple[str, str]],
                    words: int) -> tuple[Any, list[str], list[Any]]:
    """The brief of one cluster, established section only, within ``words`` words; and all its
    candidate points in the composer's order of importance (a diagnostic)."""
    from wirecheck.config import load_settings
    from wirecheck.engines.local import LocalEngine
    from wirecheck.ids import content_id
    from wirecheck.pipeline import Pipeline
    from wirecheck.stages.brief import compose_brief
    from wirecheck.stages.brief.context import Context
    from wirecheck.stages.brief.established import established
    from wirecheck.stages.claims import ClaimExtractor
    from wirecheck.stages.compare import Comparer
    from wirecheck.stages.dedup import DuplicateGrouper
    from wirecheck.stages.facts import FactExtractor
    from wirecheck.stages.quotes import QuoteExtractor
    from wirecheck.store.memory import MemoryStore
    from wirecheck.types import Article, Paragraph, Story

    articles = [
        Article(id=content_id("neus-val", index, k, text), source=f"neus/val.source#{index + 1}",
                text=text, paragraphs=(Paragraph(0, len(text), "p"),), title=title or None,
                outlet=OUTLETS[k] if k < len(OUTLETS) else f"outlet {k + 1}", language="en")
        for k, (title, text) in enumerate(parts)
    ]
    story = Story(id=content_id("neus-story", index), title=articles[0].title or "",
                  article_ids=tuple(a.id for a in articles))
    pipeline = Pipeline([QuoteExtractor(), FactExtractor(), ClaimExtractor(), DuplicateGrouper(),
                         Comparer()], inputs=("article", "story"))
    store = MemoryStore()
    LocalEngine().run(pipeline, store, [*articles, story])
    bundle = {kind: store.all(kind) for kind in ("article", "duplicate_group", "claim", "finding")}
    ranked = [c.sentence.text
              for c in established(Context.build(story, bundle), load_settings()).candidates]
    return compose_brief(story, bundle, words=words, sections=("established",)), ranked, articles


def lenient(text: str) -> str:
    text = text.lower()
    for curly, plain in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(curly, plain)
    return re.sub(r"\s+", " ", text).strip()


def resolves(sentence: Any, texts: dict[str, str]) -> bool:
    if not sentence.citations:
        return False
    for span in sentence.citations:
        text = texts.get(span.article_id)
        if text is None or not 0 <= span.start < span.end <= len(text):
            return False
    if not sentence.composed:
        first = sentence.citations[0]
        return lenient(texts[first.article_id][first.start:first.end]) == lenient(sentence.text)
    return True


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("--limit", type=int, default=0, help="only the first N clusters")
    opts = args.parse_args(argv)
    line: dict[str, Any] = {"benchmark": "summaries_neus", "split": "val"}
    if not (DATA / "val.source").exists():
        line["skipped"] = f"{DATA} is absent"
        print(json.dumps(line))
        return 0
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        line["skipped"] = "needs rouge-score==0.1.2 and sumy==0.13.0 (pip install them)"
        print(json.dumps(line))
        return 0
    from wirecheck.nlp.spacy_backend import load_nlp
    from wirecheck.stages.brief import is_note

    sources = (DATA / "val.source").read_text("utf-8").splitlines()
    targets = (DATA / "val.target").read_text("utf-8").splitlines()
    if opts.limit:
        sources, targets = sources[:opts.limit], targets[:opts.limit]
    nlp = load_nlp()
    baselines = Baselines(nlp)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    systems = ("wirecheck", "lead3_first", "lead3_central", "lexrank", "textrank",
               "ranked_nearest")
    scores: dict[str, dict[str, list[float]]] = {
        s: {m: [] for m in ("rouge1", "rouge2", "rougeL")} for s in systems}
    sentences_out = cited = empty = 0
    lengths = []
    start = time.perf_counter()
    for index, (source, target) in enumerate(zip(sources, targets, strict=True)):
        parts = split_parts(source)
        reference = split_parts(target)[0][1] if "ARTICLE=>" in target else target
        limit = len(words_of(reference))
        texts = [text for _, text in parts]
        outputs = baselines.all(texts, limit)
        brief, ranked, articles = wirecheck_brief(index, parts, limit)
        outputs["ranked_nearest"] = " ".join(cut_nearest(ranked, limit))
        established = [s for s in brief.sections[0].sentences if not is_note(s)]
        chosen = cut_sentences([s.text for s in established], limit)
        by_text = {a.id: a.text for a in articles}
        kept = list(established[:len(chosen)])
        sentences_out += len(kept)
        cited += sum(1 for s in kept if resolves(s, by_text))
        empty += not kept
        lengths.append(sum(len(s.split()) for s in chosen) / max(limit, 1))
        outputs["wirecheck"] = " ".join(chosen)
        for system in systems:
            result = scorer.score(reference, outputs[system])
            for metric, value in result.items():
                scores[system][metric].append(value.fmeasure)
    averaged = {s: {m: round(100 * mean(v), 2) for m, v in by.items()}
                for s, by in scores.items()}
    baselines = ("lead3_first", "lead3_central", "lexrank", "textrank")
    best = max(baselines, key=lambda s: averaged[s]["rouge1"])
    diagnostic = averaged.pop("ranked_nearest")
    line.update({
        "clusters": len(sources),
        "rouge": averaged,
        "diagnostic_ranked_nearest": diagnostic,
        "best_baseline": best,
        "rouge1_margin": round(averaged["wirecheck"]["rouge1"] - averaged[best]["rouge1"], 2),
        "citations_resolve": round(cited / sentences_out, 4) if sentences_out else None,
        "sentences": sentences_out,
        "empty_summaries": empty,
        "length_ratio": round(mean(lengths), 3) if lengths else None,
        "seconds": round(time.perf_counter() - start, 1),
        "machine": f"{platform.machine()}, {platform.python_version()}",
    })
    print(json.dumps(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
