"""RayEngine: the LocalEngine's run, with map chunks and per-story group stages as Ray tasks.

The driver keeps everything that touches the store: it reads what each stage needs, runs the
global stages (small derived data: one task is this process), and stores what the tasks return,
in the order a LocalEngine would, so that both engines leave the same items in the store (a test
checks it on the sample corpus). What runs remotely is what is pure: ``map_chunk`` (a chunk of
articles through the extractors, each worker parsing with its own spaCy) and ``reduce_story``.

Plain Ray tasks, not Ray Data: the items are Python dataclasses that would not gain from Arrow
blocks, and tasks keep each result tied to its chunk or story. At most ``window`` tasks are in
flight, so that a large run never holds every result in the object store at once.

A task lost as a whole (a worker killed, a result that cannot be sent back) becomes a Failure for
each item it carried, and the run goes on, as a stage error on one item does.

Needs the ``ray`` extra (``pip install 'wirecheck[ray]'``). Every node of a cluster must have
wirecheck installed: workers import the stages.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

from ..errors import WirecheckError, require
from ..pipeline import Bundle, GroupStage, MapStage
from ..types import Story
from .local import LocalEngine, Progress, Results, chunk_lost, map_chunk, reduce_story, story_lost


class RayEngine(LocalEngine):
    def __init__(self, address: str | None = None, progress: Progress | None = None,
                 window: int | None = None) -> None:
        """``address``: a running cluster ("auto", "ray://host:10001"); None joins the cluster
        named by RAY_ADDRESS, else starts a local one with this machine's cores."""
        require("ray", "ray")
        import ray

        super().__init__(progress)
        if not ray.is_initialized():
            try:
                ray.init(address=address, include_dashboard=False, log_to_driver=False,
                         configure_logging=False)
            except Exception as exc:  # no cluster there, a version mismatch, no resources
                raise WirecheckError(
                    f"cannot start or join the Ray cluster {address or '(local)'}: "
                    f"{type(exc).__name__}: {exc}",
                    hint="check the address (ray:auto joins a cluster started with 'ray start "
                         "--head'), or use --engine local") from exc
        self.ray = ray
        self.window = window or 2 * max(1, int(ray.available_resources().get("CPU", 1)))
        self._map = ray.remote(map_chunk)
        self._reduce = ray.remote(reduce_story)

    def map_chunks(self, stages: list[MapStage], chunks: list[list[Any]]) -> Iterator[Results]:
        shared = self.ray.put(stages)  # shipped once, with what ``prepare`` learned

        return self._ordered(((self._map, (shared, chunk), chunk) for chunk in chunks),
                             partial(chunk_lost, stages))

    def reduce_stories(self, stage: GroupStage, jobs: Iterable[tuple[Story, Bundle]]
                       ) -> Iterator[list[Any]]:
        shared = self.ray.put(stage)

        return self._ordered(((self._reduce, (shared, story, bundle), story)
                              for story, bundle in jobs), partial(story_lost, stage))

    def _ordered(self, tasks: Iterable[tuple[Any, tuple[Any, ...], Any]],
                 lost: Callable[[Any, BaseException], Any]) -> Iterator[Any]:
        """Each task's result in submission order, at most ``window`` tasks in flight."""
        pending: deque[tuple[Any, Any]] = deque()
        for remote, args, what in tasks:
            pending.append((remote.remote(*args), what))
            if len(pending) >= self.window:
                yield self._result(*pending.popleft(), lost)
        while pending:
            yield self._result(*pending.popleft(), lost)

    def _result(self, ref: Any, what: Any, lost: Callable[[Any, BaseException], Any]) -> Any:
        try:
            return self.ray.get(ref)
        except Exception as exc:  # the task as a whole: its items fail, the run goes on
            return lost(what, exc)
