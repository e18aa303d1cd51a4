"""Stages and the Pipeline that chains them.

A stage does one job and never opens a file or a database: the engine feeds it items and saves
what it yields. Three kinds (as datatrove splits its MinHash dedup):

- ``MapStage.process(item)``: one item of the consumed kind in, any items out; pure.
- ``GroupStage.reduce(story, bundle)``: one story and its items (articles, quotes, facts, …) in.
- ``GlobalStage.run(data)``: all items of the required kinds in (small derived data).

Each stage declares the kinds it ``requires`` and ``provides``; ``Pipeline`` checks when built
that every requirement is provided by an earlier stage (or is an input kind). Any stage may also
yield ``Failure`` items.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from .config import Settings, load_settings
from .errors import PipelineError
from .types import Item, Story

Bundle = dict[str, list[Any]]


class Stage:
    name: ClassVar[str] = "stage"
    version: ClassVar[str] = "v1"
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()

    @property
    def extractor(self) -> str:
        return f"{self.name}.{self.version}"


class MapStage(Stage):
    """``requires[0]`` is the kind it consumes, one item at a time."""

    def prepare(self, items: list[Any]) -> None:
        """Called once with all the items of a run before ``process`` (a batch-wide look, such
        as learning an outlet's boilerplate); by default nothing."""

    def process(self, item: Any) -> Iterable[Item]:
        raise NotImplementedError

    def prepare_chunk(self, items: list[Any]) -> None:
        """Called before ``process`` on each chunk of items (a batched parse, say); by default
        nothing. Consecutive map stages of one kind run chunk by chunk, so that what this
        prepares for a chunk serves them all while it is cached."""


class GroupStage(Stage):
    """Runs once per story with the items of its articles (``bundle[kind]``)."""

    requires: ClassVar[tuple[str, ...]] = ("story",)

    def reduce(self, story: Story, bundle: Bundle) -> Iterable[Item]:
        raise NotImplementedError


class GlobalStage(Stage):
    def run(self, data: Bundle) -> Iterable[Item]:
        raise NotImplementedError


class Pipeline:
    """An ordered list of stages, checked when built."""

    def __init__(self, stages: Sequence[Stage], inputs: Sequence[str] = ("raw",)) -> None:
        available = set(inputs)
        for stage in stages:
            missing = [kind for kind in stage.requires if kind not in available]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage "
                    f"provides (available: {', '.join(sorted(available))})"
                )
            if isinstance(stage, MapStage) and not stage.requires:
                raise PipelineError(f"map stage {stage.name!r} must require the kind it consumes")
            available.update(stage.provides)
        self.stages = list(stages)
        self.inputs = tuple(inputs)

    @property
    def provides(self) -> set[str]:
        return {kind for stage in self.stages for kind in stage.provides}

    def __repr__(self) -> str:
        return f"Pipeline({' -> '.join(stage.name for stage in self.stages)})"
