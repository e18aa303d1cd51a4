"""ProcessEngine: the LocalEngine's run, with map chunks and per-story group stages in worker
processes of this machine (no extra needed; Ray is for more than one machine).

As with ``RayEngine``, the parent keeps everything that touches the store and runs the global
stages; the workers run what is pure (``map_chunk``: a chunk of articles through the
extractors, each worker parsing with its own spaCy; ``reduce_story``), and the parent stores
their results in submission order, so that every engine leaves the same items in the store.
Workers are spawned, not forked (the parent may hold threads and open files), once per run: each
loads spaCy once, which costs a few seconds, so this pays on a batch of some hundred articles,
not on a handful. At most ``2 × workers`` tasks are in flight.

A task lost as a whole (a result that cannot be sent back; a worker killed, which breaks the pool:
the tasks in flight are run again in a new pool, so only the one that kills its worker is lost)
becomes a Failure for each item it carried, and the run goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any

from ..errors import WirecheckError
from ..pipeline import Bundle, GroupStage, MapStage, Pipeline
from ..store.base import Store
from ..types import Item, Story
from .local import (
    LocalEngine,
    Progress,
    Results,
    RunSummary,
    chunk_lost,
    map_chunk,
    reduce_story,
    story_lost,
)

Sent = tuple[Future[Any], ProcessPoolExecutor]  # a task's future and the pool running it


class ProcessEngine(LocalEngine):
    def __init__(self, workers: int | None = None, progress: Progress | None = None) -> None:
        """``workers``: processes to run (default: this machine's cores)."""
        super().__init__(progress)
        self.workers = max(1, workers or os.cpu_count() or 1)
        self._pool: ProcessPoolExecutor | None = None

    def run(self, pipeline: Pipeline, store: Store, inputs: Iterable[Item]) -> RunSummary:
        self._pool = self._start()
        try:
            self._pool.submit(os.getpid).result()  # the workers start, before anything is read
        except BrokenProcessPool as exc:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
            raise WirecheckError(
                "the worker processes could not start (their error is printed above)",
                hint="a script that runs wirecheck with engine='processes' must do so under "
                     "`if __name__ == \"__main__\":` (each worker imports the script again); "
                     "or use engine='local'") from exc
        try:
            summary = super().run(pipeline, store, inputs)
        except BaseException:  # interrupted: drop the waiting tasks, do not wait for the workers
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
            raise
        self._pool.shutdown()
        self._pool = None
        return summary

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_quiet_on_interrupt)

    def map_chunks(self, stages: list[MapStage], chunks: list[list[Any]]) -> Iterator[Results]:
        return self._ordered(((map_chunk, (stages, chunk), chunk) for chunk in chunks),
                             partial(chunk_lost, stages))

    def reduce_stories(self, stage: GroupStage, jobs: Iterable[tuple[Story, Bundle]]
                       ) -> Iterator[list[Any]]:
        return self._ordered(((reduce_story, (stage, story, bundle), story)
                              for story, bundle in jobs), partial(story_lost, stage))

    def _ordered(self, tasks: Iterable[tuple[Callable[..., Any], tuple[Any, ...], Any]],
                 lost: Callable[[Any, BaseException], Any]) -> Iterator[Any]:
        """Each task's result in submission order, at most ``2 × workers`` tasks in flight."""
        if self._pool is None:  # called outside ``run``: in this process
            for function, args, _ in tasks:
                yield function(*args)
            return
        pending: deque[tuple[Sent, Callable[..., Any], tuple[Any, ...], Any]] = deque()
        for function, args, what in tasks:
            pending.append((self._submit(function, args), function, args, what))
            if len(pending) >= 2 * self.workers:
                yield self._result(*pending.popleft(), lost)
        while pending:
            yield self._result(*pending.popleft(), lost)

    def _submit(self, function: Callable[..., Any], args: tuple[Any, ...]) -> Sent:
        """The task's future, and the pool it was sent to."""
        assert self._pool is not None
        try:
            return self._pool.submit(function, *args), self._pool
        except BrokenProcessPool:  # a worker died: the tasks go on in a new pool
            self._renew(self._pool)
            return self._pool.submit(function, *args), self._pool

    def _renew(self, broken: ProcessPoolExecutor) -> None:
        if broken is self._pool:  # (once per broken pool)
            broken.shutdown(wait=False, cancel_futures=True)
            self._pool = self._start()

    def _result(self, sent: Sent, function: Callable[..., Any], args: tuple[Any, ...],
                what: Any, lost: Callable[[Any, BaseException], Any], again: bool = True) -> Any:
        """The task's result; a task lost with the pool (a worker died, perhaps running another
        task) is run once more in a new pool, so only the task that kills its worker fails;
        a task that raised, or whose result cannot be sent back, fails: its items are
        Failures and the run goes on."""
        future, pool = sent
        try:
            return future.result()
        except BrokenProcessPool as exc:
            if not again or self._pool is None:
                return lost(what, exc)
            self._renew(pool)
            return self._result(self._submit(function, args), function, args, what, lost, False)
        except Exception as exc:
            return lost(what, exc)


def _quiet_on_interrupt() -> None:
    """In a worker: Ctrl-C (sent to the whole process group) ends it at once and without a
    traceback; the parent says what was kept."""
    signal.signal(signal.SIGINT, lambda *_: os._exit(130))
