"""LocalEngine: runs a Pipeline in this process over a Store.

- map stages process the items of their kind produced in this run (new input flows through);
- global stages see every stored item of the kinds they require and replace what they provide;
- group stages run once per stored story whose inputs changed since they last ran on it, and
  replace that story's results (the others keep theirs: ``runs.py``).

A stage that raises on one item records a Failure for it and the run goes on.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from ..ids import content_id
from ..pipeline import Bundle, GlobalStage, GroupStage, MapStage, Pipeline, Stage
from ..store.base import Store
from ..types import Failure, Item, Run, Story
from .runs import run_key, stage_fingerprint

Progress = Callable[[str, int, int], None]  # (stage name, done, total)
Results = list[list[list[Any]]]  # a chunk's items produced: per stage, per item
CHUNK = 64  # items a block of map stages takes at a time (well under the parse cache's size)


@dataclass
class RunSummary:
    counts: Counter[str] = field(default_factory=Counter)  # items produced per kind
    reused: Counter[str] = field(default_factory=Counter)  # stories a story stage left as they were
    failures: list[Failure] = field(default_factory=list)


def stage_failure(stage: Stage, source: str, exc: BaseException) -> Failure:
    message = f"{stage.name} failed on {source}: {type(exc).__name__}: {exc}"
    return Failure(
        id=content_id("failure", stage.name, source, type(exc).__name__, str(exc)),
        stage=stage.name, source=source, error=type(exc).__name__, message=message,
    )


class LocalEngine:
    def __init__(self, progress: Progress | None = None) -> None:
        self.progress = progress or (lambda name, done, total: None)

    def run(self, pipeline: Pipeline, store: Store, inputs: Iterable[Item]) -> RunSummary:
        summary = RunSummary()
        fresh: dict[str, list[Any]] = defaultdict(list)
        self._keep(store, list(inputs), fresh, summary)
        stages = list(pipeline.stages)
        while stages:
            stage = stages.pop(0)
            if isinstance(stage, MapStage):  # with the next map stages of the same kind
                block = [stage]
                while stages and isinstance(nxt := stages[0], MapStage) \
                        and nxt.requires[0] == stage.requires[0]:
                    block.append(nxt)
                    stages.pop(0)
                self._run_maps(block, store, fresh, summary)
            elif isinstance(stage, GlobalStage):
                self._run_global(stage, store, summary)
            elif isinstance(stage, GroupStage):
                self._run_group(stage, store, summary, fresh.get("article", []))
        return summary

    def _keep(self, store: Store, items: list[Any], fresh: dict[str, list[Any]],
              summary: RunSummary) -> list[Any]:
        kept = [item for item in items if not isinstance(item, Failure)]
        failures = [item for item in items if isinstance(item, Failure)]
        store.put(kept)
        store.put(failures)
        for item in kept:
            fresh[item.KIND].append(item)
            summary.counts[item.KIND] += 1
        summary.failures.extend(failures)
        return kept

    def _run_maps(self, stages: list[MapStage], store: Store, fresh: dict[str, list[Any]],
                  summary: RunSummary) -> None:
        """Map stages of one kind, chunk by chunk: each chunk goes through every stage before
        the next chunk (an article is parsed once for all the extractors, in batches)."""
        items = fresh.get(stages[0].requires[0], [])
        for stage in stages:
            stage.prepare(items)
        chunks = [items[start:start + CHUNK] for start in range(0, len(items), CHUNK)]
        done = 0
        for chunk, results in zip(chunks, self.map_chunks(stages, chunks), strict=True):
            done += len(chunk)
            for stage, per_item in zip(stages, results, strict=True):
                for produced in per_item:
                    self._keep(store, produced, fresh, summary)
                self.progress(stage.name, done, len(items))

    def map_chunks(self, stages: list[MapStage], chunks: list[list[Any]]) -> Iterator[Results]:
        """Each chunk's results, in order: where the map stages run (here: in this process)."""
        return (map_chunk(stages, chunk) for chunk in chunks)

    def reduce_stories(self, stage: GroupStage, jobs: Iterable[tuple[Story, Bundle]]
                       ) -> Iterator[list[Any]]:
        """Each story's items, in order: where a group stage runs (here: in this process)."""
        return (reduce_story(stage, story, bundle) for story, bundle in jobs)

    def _run_global(self, stage: GlobalStage, store: Store, summary: RunSummary) -> None:
        data: Bundle = {kind: store.all(kind) for kind in stage.requires}
        self.progress(stage.name, 0, 1)
        produced = list(stage.run(data))
        for kind in stage.provides:
            items = [item for item in produced if kind == item.KIND]
            store.replace(kind, items)
            summary.counts[kind] += len(items)
        failures = [item for item in produced if isinstance(item, Failure)]
        store.put(failures)
        summary.failures.extend(failures)
        self.progress(stage.name, 1, 1)

    def _run_group(self, stage: GroupStage, store: Store, summary: RunSummary,
                   recent: list[Any]) -> None:
        """Each story whose inputs changed since the stage last ran on it (``runs.py``); the
        stories of the articles this run read last go first, while their parses are still in
        the parse cache (which keeps the most recent), so that a run larger than the cache
        parses again only what the cache has dropped."""
        stories: list[Story] = store.all("story")
        by_article = {kind: _by_article(store.all(kind)) for kind in stage.requires
                      if kind not in ("story", "article", "duplicate_group")}
        articles = {a.id: a for a in store.all("article")} if "article" in stage.requires else {}
        groups = store.all("duplicate_group") if "duplicate_group" in stage.requires else []
        ran = {r.story_id: r.key for r in store.all("run") if r.stage == stage.name}
        fingerprint = stage_fingerprint(stage)
        todo: list[tuple[Story, Bundle, str]] = []
        for story in stories:
            bundle = _bundle(story, articles, groups, by_article)
            key = run_key(fingerprint, story, bundle)
            if ran.get(story.id) != key:
                todo.append((story, bundle, key))
        summary.reused[stage.name] += len(stories) - len(todo)
        last = {article.id: n for n, article in enumerate(recent)}
        todo.sort(key=lambda job: -max((last.get(a, -1) for a in job[0].article_ids), default=-1))
        jobs = ((story, bundle) for story, bundle, _ in todo)
        for done, ((story, _, key), produced) in enumerate(
                zip(todo, self.reduce_stories(stage, jobs), strict=True), 1):
            for kind in stage.provides:
                items = [item for item in produced if kind == item.KIND]
                store.replace(kind, items, scope=story.id)
                summary.counts[kind] += len(items)
            failures = [item for item in produced if isinstance(item, Failure)]
            store.put(failures)
            summary.failures.extend(failures)
            run = Run(id=content_id("run", stage.name, story.id), story_id=story.id,
                      stage=stage.name, key=key)
            if failures:  # a story that failed is tried again next time
                store.delete("run", [run.id])
            else:
                store.put([run])
            self.progress(stage.name, done, len(todo))
        live = {story.id for story in stories}
        for kind in (*stage.provides, "run"):
            store.delete(kind, [i.id for i in store.all(kind) if i.story_id not in live])


def map_chunk(stages: list[MapStage], chunk: list[Any]) -> Results:
    """One chunk through each stage in turn: per stage, per item, what it produced (a Failure
    for an item the stage raised on). Pure; what every engine runs where it runs map stages."""
    results: Results = []
    for stage in stages:
        with suppress(Exception):  # a chunk that fails: each item is tried alone below
            stage.prepare_chunk(chunk)
        per_item = []
        for item in chunk:
            try:
                per_item.append(list(stage.process(item)))
            except Exception as exc:  # a stage bug on one item must not stop the batch
                per_item.append([stage_failure(stage, source_of(item), exc)])
        results.append(per_item)
    return results


def reduce_story(stage: GroupStage, story: Story, bundle: Bundle) -> list[Any]:
    try:
        return list(stage.reduce(story, bundle))
    except Exception as exc:
        return [stage_failure(stage, f"story {story.id}", exc)]


def chunk_lost(stages: list[MapStage], chunk: list[Any], exc: BaseException) -> Results:
    """A chunk's results when its task was lost whole: a Failure per item and stage."""
    return [[[stage_failure(stage, source_of(item), exc)] for item in chunk] for stage in stages]


def story_lost(stage: GroupStage, story: Story, exc: BaseException) -> list[Any]:
    """A story's results when its task was lost whole: one Failure."""
    return [stage_failure(stage, f"story {story.id}", exc)]


def source_of(item: Any) -> str:
    return str(getattr(item, "source", item.id))


def _by_article(items: list[Any]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        key = getattr(item, "article_id", None) or getattr(item, "story_id", "")
        grouped[str(key)].append(item)
    return grouped


def _bundle(story: Story, articles: dict[str, Any], groups: list[Any],
            by_article: dict[str, dict[str, list[Any]]]) -> Bundle:
    ids = set(story.article_ids)
    bundle: Bundle = {
        "article": [articles[i] for i in story.article_ids if i in articles],
        "duplicate_group": [g for g in groups if ids & {m.article_id for m in g.members}],
    }
    for kind, grouped in by_article.items():
        keys = (*story.article_ids, story.id)
        bundle[kind] = [item for key in keys for item in grouped.get(key, [])]
    return bundle
