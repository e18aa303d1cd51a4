"""The Python API: what the CLI (and later the HTTP server) call.

    from wirecheck import analyze
    result = analyze(["examples/harbour-bridge"], store="news.db")
    result.report["stories"][0]["conflicts"]
"""

from __future__ import annotations

import getpass
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .config import Settings, load_settings
from .engines import open_engine
from .engines.local import LocalEngine, Progress, RunSummary
from .errors import WirecheckError
from .ids import content_id
from .ingest.readers import read_paths
from .pipeline import Pipeline
from .render.html import render_html
from .render.json import render_json, validate
from .render.markdown import render_markdown
from .report import build_report
from .stages.brief import BriefComposer, with_briefs
from .stages.claims import ClaimExtractor
from .stages.clean import Cleaner
from .stages.cluster import StoryClusterer
from .stages.compare import Comparer
from .stages.dedup import DuplicateGrouper
from .stages.facts import FactExtractor
from .stages.overrides import StoryOverrider
from .stages.quotes import QuoteExtractor
from .store import Store, open_store
from .text.similarity import content_words
from .types import Article, Fact, Failure, Override, RawDocument, Story

FORMATS = ("md", "html", "json")
__all__ = [
    "FORMATS", "Analysis", "Check", "Store", "analyze", "check", "default_pipeline",
    "find_stories", "open_store", "override_stories", "refresh", "report", "write_reports",
]


def default_pipeline(settings: Settings | None = None) -> Pipeline:
    s = settings or load_settings()
    return Pipeline([
        Cleaner(s), QuoteExtractor(s), FactExtractor(s), ClaimExtractor(s),
        DuplicateGrouper(s), StoryClusterer(s), StoryOverrider(s), Comparer(s), BriefComposer(s),
    ], inputs=("raw", "override"))


@dataclass
class Analysis:
    store: Store
    summary: RunSummary
    report: dict[str, Any]


def as_store(store: Store | str | Path) -> Store:
    return open_store(store) if isinstance(store, str | Path) else store


def analyze(paths: Iterable[str | Path], store: Store | str | Path = "memory:",
            settings: Settings | None = None, progress: Progress | None = None,
            urls_file: str | Path | None = None, engine: str = "local") -> Analysis:
    """Read, clean and analyse ``paths`` (files, folders, http(s) addresses, ``-`` for standard
    input) and the addresses listed in ``urls_file`` into ``store``; return the report.
    ``engine``: where the stages run, "local", "processes[:N]" or "ray[:ADDRESS]"
    (``open_engine``)."""
    settings = settings or load_settings()
    runner = open_engine(engine, progress)  # before reading: a missing extra fails early
    inputs = list(read_paths(paths, settings, urls_file=urls_file))
    return ingest(inputs, store, settings, runner)


def ingest(documents: Iterable[RawDocument | Failure], store: Store | str | Path = "memory:",
           settings: Settings | None = None, engine: str | LocalEngine = "local") -> Analysis:
    """Analyse documents already read (``RawDocument``s, and the ``Failure``s of inputs that
    could not be) into ``store``: what ``analyze`` does after reading, and what the HTTP API's
    ``POST /articles`` calls."""
    runner = open_engine(engine) if isinstance(engine, str) else engine
    target = as_store(store)
    summary = runner.run(default_pipeline(settings), target, documents)
    return Analysis(target, summary, build_report(target))


def refresh(store: Store | str | Path, settings: Settings | None = None,
            progress: Progress | None = None, engine: str = "local") -> RunSummary:
    """Re-run the story-level stages over what the store holds (after an override)."""
    return open_engine(engine, progress).run(default_pipeline(settings), as_store(store), [])


def find_stories(store: Store, prefixes: Sequence[str]) -> list[Story]:
    """The stories whose id starts with each prefix; an unknown or ambiguous one is an error."""
    stories: list[Story] = store.all("story")
    found = []
    for prefix in prefixes:
        hits = [s for s in stories if s.id.startswith(prefix)]
        if len(hits) != 1:
            problem = "no story" if not hits else f"{len(hits)} stories"
            raise WirecheckError(f"{problem} match(es) {prefix!r}",
                                 hint="list the stories with 'wirecheck story list STORE'")
        found.append(hits[0])
    return found


def find_articles(store: Store, prefixes: Sequence[str]) -> list[str]:
    """The ids of the articles whose id starts with each prefix; unknown or ambiguous: an
    error."""
    ids = [a.id for a in store.all("article")]
    found = []
    for prefix in prefixes:
        hits = [i for i in ids if i.startswith(prefix)]
        if len(hits) != 1:
            raise WirecheckError(f"{'no' if not hits else len(hits)} article(s) match {prefix!r}",
                                 hint="see 'wirecheck story list STORE' for article ids")
        found.append(hits[0])
    return found


def override_stories(store: Store, action: str, article_ids: Sequence[str], by: str | None = None,
                     note: str = "", settings: Settings | None = None) -> Override:
    """Record a merge or split of stories (who and when) and re-run the story stages."""
    if action not in ("merge", "split"):
        raise WirecheckError(f"unknown story action {action!r}", hint="use merge or split")
    known = {a.id for a in store.all("article")}
    missing = [a for a in article_ids if a not in known]
    if missing or not article_ids:
        raise WirecheckError(f"unknown article id(s): {', '.join(missing) or 'none given'}",
                             hint="see the article ids in report.json")
    ids = tuple(sorted(set(article_ids)))
    override = Override(
        id=content_id("override", action, *ids), action=action,  # type: ignore[arg-type]
        article_ids=ids, by=by or getpass.getuser(),
        at=datetime.now(UTC).isoformat(timespec="microseconds"), note=note,
    )
    store.put([override])
    refresh(store, settings)
    return override


@dataclass
class Check:
    """The answer of ``check``: the overall verdict and what each independent source says."""

    statement: str
    verdict: str  # supported | contradicted | not found
    sources: list[dict[str, Any]]  # article id, outlet, verdict, score, evidence, reasons


def check(statement: str, against: Sequence[str | Path] | Store | str,
          settings: Settings | None = None, story: str | None = None) -> Check:
    """Check ``statement`` against articles: input paths (analysed into memory), a store, or
    ``STORE:STORY`` (one story of a store, by id prefix; or a store and ``story``). Each
    independent source (a copy counts once) gives supported / contradicted / not found, and
    an article of another story than the one the statement is about gives "not found"; the
    answer is supported when at least as many sources support it as contradict it,
    contradicted when more contradict it."""
    from .consistency import check_many

    if not statement.strip():  # (it would answer "not found" from every source)
        raise WirecheckError("the statement to check is empty",
                             hint='wirecheck check "41 people were injured" --against PATH')
    articles, groups, stories, store = _articles_for_check(against, settings, story)
    copies = {m.article_id: g.canonical for g in groups for m in g.members}
    canonical = [a for a in articles if copies.get(a.id, a.id) == a.id]
    unread = _unrelated(statement, canonical, stories)
    read = [a for a in canonical if a.id not in unread]
    verdicts = check_many([(statement, a.text) for a in read])
    elsewhere = {**_other_stories(read, verdicts, stories), **unread}
    rows = [
        {"article_id": a.id, "outlet": a.outlet, "source": a.source,
         "verdict": "not found" if a.id in elsewhere else v.label,
         "score": round(v.score, 4),
         "reasons": [elsewhere[a.id]] if a.id in elsewhere else list(v.reasons),
         "evidence": [{"text": e.text, "start": e.start, "end": e.end} for e in v.evidence]}
        for a, v in zip(read, verdicts, strict=True)
    ]
    _by_facts(statement, read, store, rows,
              float((settings or load_settings())["compare"]["quote_same"]))
    rows += [{"article_id": a.id, "outlet": a.outlet, "source": a.source,
              "verdict": "not found", "score": 0.0, "reasons": [unread[a.id]], "evidence": []}
             for a in canonical if a.id in unread]
    order = {a.id: i for i, a in enumerate(canonical)}  # ties: in the articles' order
    rows.sort(key=lambda row: order[row["article_id"]])
    support = sum(row["verdict"] == "supported" for row in rows)
    against_it = sum(row["verdict"] == "contradicted" for row in rows)
    verdict = ("supported" if support and support >= against_it
               else "contradicted" if against_it else "not found")
    return Check(statement, verdict, sorted(rows, key=lambda r: -r["score"]))


QUOTED = re.compile(r"[\u201c\"]([^\u201d\"]+)[\u201d\"]")


def _by_facts(statement: str, articles: list[Article], store: Store,
              rows: list[dict[str, Any]], same: float) -> None:
    """The quotations, roles and statuses of the statement, read against those the analysis
    found in each source, whatever the words around them. A source contradicts the
    statement when it quotes the same remark in other words ("… before we get there" /
    "… before we can ask anybody to firmly commit"), gives the person a role the two cannot
    both be, or gainsays the party's firm step or its absence ("Pakistan has committed troops"
    / "… before any firm commitments", naming Pakistan). It supports it when it carries the
    quoted words, or states the same status where the checker read no support (the evidence
    sentence it picked says "has offered to send troops" for "has not committed troops"), if
    every name and number of the statement is in the source."""
    from .nlp.spacy_backend import analyse

    ended = statement.rstrip() if statement.rstrip()[-1:] in ".!?" else statement.rstrip() + "."
    said = Article("statement", "statement", ended, ())  # (the parse of a sentence, ended)
    claimed = [f for f in FactExtractor().extract(analyse(said)) if f.kind in ("role", "status")]
    quoted = [m.group(1).strip(" ,.") for m in QUOTED.finditer(statement)
              if len(m.group(1).split()) >= 4]
    if not claimed and not quoted:
        return
    ids = [a.id for a, row in zip(articles, rows, strict=True)
           if not any(r.startswith("about another story") for r in row["reasons"])]
    facts: dict[str, list[Fact]] = defaultdict(list)
    for fact in store.of_articles("fact", ids):  # (not the whole store's)
        if fact.kind in ("role", "status"):
            facts[fact.article_id].append(fact)
    quotes: dict[str, list[Any]] = defaultdict(list)
    for quote in store.of_articles("quote", ids):
        if quote.kind != "indirect":
            quotes[quote.article_id].append(quote)
    for article, row in zip(articles, rows, strict=True):
        if any(r.startswith("about another story") for r in row["reasons"]):
            continue
        read = [(stance, why, span) for stance, why, span in (
            *(_quote_stance(q, quotes[article.id], same) for q in quoted),
            *_fact_stances(claimed, facts[article.id], article.text, row)) if stance
            and (stance == "contradicts" or not any(  # (not where the source lacks a name,
                r.startswith(("name ", "number ", "the value ")) for r in row["reasons"]))]
        # a day or a number of the statement: what it confirms does not cover those)
        found = next((r for r in read if r[0] == "contradicts"), None) or next(iter(read), None)
        if found is None:
            continue
        stance, why, span = found
        start, end = analyse(article).sentence_at(span.start)
        row.update(verdict="contradicted" if stance == "contradicts" else "supported",
                   score=0.0 if stance == "contradicts" else max(row["score"], 0.5),
                   reasons=[why, *(r for r in row["reasons"] if stance == "contradicts")],
                   evidence=[{"text": article.text[start:end], "start": start, "end": end}])


def _quote_stance(quoted: str, quotes: list[Any], same: float) -> tuple[str, str, Any]:
    """A source carrying the statement's quoted words supports it; one carrying the same
    remark in other words contradicts it, its words for the reason."""
    from .stages.ledger import denied, quote_match, sentences_of

    matches = [(quote_match(q.text, quoted, same), q)
               for quote in quotes for q in sentences_of(quote)]  # sentence by sentence
    denial = next((q for m, q in matches if m and denied(q)), None)
    if denial is not None:
        return "contradicts", f"says {denial.speaker or 'the speaker'} did not say it", \
            denial.span
    verbatim = next((q for m, q in matches if m == "verbatim"), None)
    if verbatim is not None:
        return "supports", f"quotes {verbatim.speaker or 'the speaker'} in these words", \
            verbatim.span
    variant = next((q for m, q in matches if m == "variant"), None)
    if variant is not None:
        return "contradicts", (f"quotes {variant.speaker or 'the speaker'} in other words: "
                               f"“{variant.text}”"), variant.span
    return "", "", None


def _fact_stances(claimed: list[Fact], facts: list[Fact], text: str, row: dict[str, Any]
                  ) -> list[tuple[str, str, Any]]:
    """What a source's roles and its statuses say of the statement's (see ``_by_facts``),
    each read on its own: a role the source confirms does not hide a status it gainsays."""
    from .stages.conflicts import role_stance, status_label, status_stance

    out = []
    for found in (role_stance(claimed, facts), status_stance(claimed, facts, text)):
        if found is None:
            continue
        stance, step, fact = found
        if stance == "supports" and (fact.kind == "role" or row["verdict"] == "supported"):
            continue  # a role says nothing of the rest; its words are the evidence already
        label: Callable[[Fact], str] = (lambda f: f.value) if fact.kind == "role" \
            else status_label
        out.append((stance, f"of {step.subject}, says “{label(fact)}” where the statement says "
                            f"“{label(step)}”" if stance == "contradicts" else
                            f"of {step.subject}, says “{label(fact)}”, as the statement says "
                            f"“{label(step)}”", fact.span))
    return out


UNRELATED = 0.5  # a story whose best article has under this share of the best story's words


def _unrelated(statement: str, articles: list[Article],
               stories: list[Story]) -> dict[str, str]:
    """Articles of stories that share far fewer of the statement's words than the story that
    shares most (under ``UNRELATED`` of its share, in any one article): they are about another
    event, so they are not read (a store of thousands of articles is not parsed for one
    statement), and answer "not found". Articles outside any story are always read."""
    wanted = content_words(statement)
    story_of = {a: s for s in stories for a in s.article_ids}
    best: dict[str, float] = defaultdict(float)
    for article in articles:
        story = story_of.get(article.id)
        if story is not None and wanted:
            share = len(wanted & content_words(article.text)) / len(wanted)
            best[story.id] = max(best[story.id], share)
    if len(best) < 2:
        return {}
    top = max(best.values())
    return {a.id: f"about another story ({story_of[a.id].title or story_of[a.id].id})"
            for a in articles if a.id in story_of
            and best[story_of[a.id].id] < UNRELATED * top}


def _other_stories(articles: list[Any], verdicts: list[Any],
                   stories: list[Story]) -> dict[str, str]:
    """Articles of stories other than the one the statement is about (the story holding the
    article whose evidence covers most of the statement), with the reason they do not count:
    an article about another event neither supports nor contradicts the statement."""
    story_of = {a: s for s in stories for a in s.article_ids}
    best: dict[str, float] = {}
    for article, verdict in zip(articles, verdicts, strict=True):
        story = story_of.get(article.id)
        if story is not None:
            cover = max((e.alignment for e in verdict.evidence), default=0.0)
            best[story.id] = max(best.get(story.id, 0.0), cover)
    if len(best) < 2:
        return {}
    top = max(best.values())
    about = {sid for sid, cover in best.items() if cover >= 0.8 * top}
    return {a.id: f"about another story ({story_of[a.id].title or story_of[a.id].id})"
            for a in articles if a.id in story_of and story_of[a.id].id not in about}


def _articles_for_check(against: Sequence[str | Path] | Store | str, settings: Settings | None,
                        story: str | None) -> tuple[list[Any], list[Any], list[Story], Store]:
    if isinstance(against, str | Path):
        against = [against]
    if not isinstance(against, Sequence):  # a Store
        return (*_of_story(against, story), against)
    first = str(against[0]) if against else ""
    base, _, named = first.rpartition(":") if ":" in first and not Path(first).exists() \
        else (first, "", "")
    if len(against) == 1 and is_store(base):
        store = open_store(base)
        return (*_of_story(store, story or named), store)
    result = analyze(against, store="memory:", settings=settings)
    return (*_of_story(result.store, story), result.store)


def _of_story(store: Store, story: str | None) -> tuple[list[Any], list[Any], list[Story]]:
    """The store's articles and stories, or one story's (by id prefix)."""
    articles = store.all("article")
    stories: list[Story] = store.all("story")
    if story:
        (found,) = find_stories(store, [story])
        articles = [a for a in articles if a.id in set(found.article_ids)]
        stories = [found]
    return articles, store.all("duplicate_group"), stories


def is_store(path: str | Path) -> bool:
    """A wirecheck store is an SQLite file (its first bytes say so)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def report(store: Store | str | Path, story_ids: list[str] | None = None,
           words: int | None = None, settings: Settings | None = None) -> dict[str, Any]:
    """The report of the store (or of ``story_ids``); ``words`` re-composes each brief within
    that word budget (nothing is written to the store)."""
    target = as_store(store)
    built = build_report(target, story_ids)
    return with_briefs(built, target, words, settings) if words is not None else built


def story_slug(story: dict[str, Any]) -> str:
    words = re.findall(r"[a-z0-9]+", (story.get("title") or "").lower())[:6]
    return "-".join([*words, story["id"][:8]]) if words else f"story-{story['id'][:8]}"


def write_reports(report: dict[str, Any], out_dir: str | Path,
                  formats: Sequence[str] = FORMATS) -> list[Path]:
    """One file per story and format, plus ``report.json`` for the whole run when json."""
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise WirecheckError(f"unknown format(s): {', '.join(sorted(unknown))}",
                             hint=f"choose from {', '.join(FORMATS)}")
    validate(report)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    if "json" in formats:
        written.append(_write(out / "report.json", render_json(report)))
    for story in report["stories"]:
        slug = story_slug(story)
        if "md" in formats:
            written.append(_write(out / f"{slug}.md", render_markdown(report, story["id"])))
        if "html" in formats:
            written.append(_write(out / f"{slug}.html", render_html(report, story["id"])))
        if "json" in formats:
            single = build_single(report, story["id"])
            written.append(_write(out / f"{slug}.json", render_json(single)))
    return written


def build_single(report: dict[str, Any], story_id: str) -> dict[str, Any]:
    story = next(s for s in report["stories"] if s["id"] == story_id)
    ids = set(story["article_ids"])
    return {
        **report,
        "articles": [a for a in report["articles"] if a["id"] in ids],
        "duplicate_groups": [g for g in report["duplicate_groups"]
                             if any(m["article_id"] in ids for m in g["members"])],
        "failures": [],
        "stories": [story],
    }


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
