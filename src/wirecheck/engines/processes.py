"""ProcessEngine: the LocalEngine's run, with map chunks and per-story group stages in worker
processes of this machine (no extra needed; Ray is for more than one machine).

As with ``RayEngine``, the parent keeps everything that touches the store and runs the global
stages; the workers run what is pure (``map_chunk``: a chunk of articles through the
extractors, each worker parsing with its own spaCy; ``reduce_story``), and the parent stores
their results in submission order, so that every engine leaves the same items in the store.
Workers are spawned, not forked (the parent may hold threads and open files), once per run: each
loads spaCy once, which costs a few seconds, so this pays on a batch of some hundred articles,
not on a handful. At most ``2 × workers`` tasks are in flight.

A task lost as a whole (a worker killed, a result that cannot be sent back) becomes a Failure for
each item it carried, and the run goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from ..pipeline import Bundle, GroupStage, MapStage, Pipeline
from ..store.base import Store
from ..types import Item, Story
from .local import (
    LocalEngine,
    Progress,
    Results,
    RunSummary,
    map_chunk,
    reduce_story,
    source_of,
    stage_failure,
)


class ProcessEngine(LocalEngine):
    def __init__(self, workers: int | None = None, progress: Progress | None = None) -> None:
        """``workers``: processes to run (default: this machine's cores)."""
        super().__init__(progress)
        self.workers = max(1, workers or os.cpu_count() or 1)
        self._pool: ProcessPoolExecutor | None = None

    def run(self, pipeline: Pipeline, store: Store, inputs: Iterable[Item]) -> RunSummary:
        context = multiprocessing.get_context("spawn")
        pool = self._pool = ProcessPoolExecutor(self.workers, mp_context=context,
                                                initializer=_quiet_on_interrupt)
        try:
            summary = super().run(pipeline, store, inputs)
        except BaseException:  # interrupted: drop the waiting tasks, do not wait for the workers
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            self._pool = None
        pool.shutdown()
        return summary

    def map_chunks(self, stages: list[MapStage], chunks: list[list[Any]]) -> Iterator[Results]:
        def lost(chunk: list[Any], exc: BaseException) -> Results:
            return [[[stage_failure(stage, source_of(item), exc)] for item in chunk]
                    for stage in stages]

        return self._ordered(((map_chunk, (stages, chunk), chunk) for chunk in chunks), lost)

    def reduce_stories(self, stage: GroupStage, jobs: Iterable[tuple[Story, Bundle]]
                       ) -> Iterator[list[Any]]:
        def lost(story: Story, exc: BaseException) -> list[Any]:
            return [stage_failure(stage, f"story {story.id}", exc)]

        return self._ordered(((reduce_story, (stage, story, bundle), story)
                              for story, bundle in jobs), lost)

    def _ordered(self, tasks: Iterable[tuple[Callable[..., Any], tuple[Any, ...], Any]],
                 lost: Callable[[Any, BaseException], Any]) -> Iterator[Any]:
        """Each task's result in submission order, at most ``2 × workers`` tasks in flight."""
        if self._pool is None:  # called outside ``run``: in this process
            for function, args, _ in tasks:
                yield function(*args)
            return
        pending: deque[tuple[Future[Any], Any]] = deque()
        for function, args, what in tasks:
            pending.append((self._pool.submit(function, *args), what))
            if len(pending) >= 2 * self.workers:
                yield _result(*pending.popleft(), lost)
        while pending:
            yield _result(*pending.popleft(), lost)


def _quiet_on_interrupt() -> None:
    """In a worker: Ctrl-C (sent to the whole process group) ends it at once and without a
    traceback; the parent says what was kept."""
    signal.signal(signal.SIGINT, lambda *_: os._exit(130))


def _result(future: Future[Any], what: Any, lost: Callable[[Any, BaseException], Any]) -> Any:
    try:
        return future.result()
    except Exception as exc:  # the task as a whole: its items fail, the run goes on
        return lost(what, exc)
