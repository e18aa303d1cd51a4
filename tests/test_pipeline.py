from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from wirecheck.config import load_settings
from wirecheck.engines import LocalEngine
from wirecheck.errors import ConfigError, PipelineError
from wirecheck.pipeline import MapStage, Pipeline
from wirecheck.store import MemoryStore
from wirecheck.types import Article, Failure, Item, Paragraph, RawDocument


class Upper(MapStage):
    name = "upper"
    requires = ("raw",)
    provides = ("article",)

    def process(self, item: Any) -> Iterable[Item]:
        if "boom" in item.content:
            raise ValueError("cannot shout")
        text = item.content.upper()
        yield Article(id=item.id, source=item.source, text=text,
                      paragraphs=(Paragraph(0, len(text)),))


class NeedsClaims(MapStage):
    name = "needs-claims"
    requires = ("claim",)
    provides = ("finding",)


def raw(n: int, content: str) -> RawDocument:
    return RawDocument(id=f"r{n}", source=f"{n}.txt", media_type="text", content=content)


def test_pipeline_checks_requirements_when_built() -> None:
    with pytest.raises(PipelineError, match="needs-claims.*requires claim"):
        Pipeline([Upper(), NeedsClaims()])
    assert Pipeline([Upper()]).provides == {"article"}


def test_a_stage_error_on_one_item_is_a_failure_and_the_batch_goes_on() -> None:
    store = MemoryStore()
    summary = LocalEngine().run(Pipeline([Upper()]), store, [raw(1, "fine"), raw(2, "boom")])
    assert [a.text for a in store.all("article")] == ["FINE"]
    (failure,) = store.all("failure")
    assert isinstance(failure, Failure) and failure.stage == "upper"
    assert "cannot shout" in failure.message and failure.source == "2.txt"
    assert summary.counts["article"] == 1 and len(summary.failures) == 1


def test_settings_overrides_are_checked() -> None:
    settings = load_settings(dedup={"threshold": 0.7})
    assert settings["dedup"]["threshold"] == 0.7
    assert settings["cluster"]["window_days"] == 7
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(dedup={"bands": 4})
    with pytest.raises(ConfigError, match="must be"):
        load_settings(dedup={"threshold": "high"})


class Log(MapStage):
    """Records the order in which the engine prepares chunks and processes items."""

    requires = ("article",)
    provides = ()

    def __init__(self, name: str, log: list[str]) -> None:
        super().__init__()
        self.name, self.log = name, log

    def prepare_chunk(self, items: list[Any]) -> None:
        self.log.append(f"{self.name}:chunk:{','.join(a.id for a in items)}")

    def process(self, item: Any) -> Iterable[Item]:
        self.log.append(f"{self.name}:{item.id}")
        return []


def test_map_stages_of_one_kind_run_chunk_by_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each chunk goes through every article stage before the next chunk, so that a parse
    prepared for a chunk serves all the extractors while it is cached."""
    from wirecheck.engines import local

    monkeypatch.setattr(local, "CHUNK", 2)
    log: list[str] = []
    pipeline = Pipeline([Upper(), Log("a", log), Log("b", log)])
    LocalEngine().run(pipeline, MemoryStore(), [raw(n, f"text {n}") for n in range(3)])
    assert log == ["a:chunk:r0,r1", "a:r0", "a:r1", "b:chunk:r0,r1", "b:r0", "b:r1",
                   "a:chunk:r2", "a:r2", "b:chunk:r2", "b:r2"]
