"""The engines: ProcessEngine and RayEngine leave in the store what LocalEngine leaves, and fail
as it does.

Each such test runs with two worker processes, then on a local Ray instance (this machine's
cores, started once for the module; skipped with the reason where the ``ray`` extra is not
installed).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from test_boilerplate import PROMO, story
from test_pipeline import Upper, raw
from wirecheck import analyze
from wirecheck.engines import LocalEngine, open_engine
from wirecheck.engines import local as local_engine
from wirecheck.errors import MissingDependency, WirecheckError
from wirecheck.pipeline import MapStage, Pipeline
from wirecheck.store import MemoryStore
from wirecheck.types import KINDS

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbour-bridge"


class Unsendable(MapStage):
    """Produces what cannot be sent back from a worker (a lock) for a 'locked' document."""

    name = "unsendable"
    requires = ("raw",)
    provides = ("article",)

    def process(self, item: Any) -> Iterator[Any]:
        article = next(iter(Upper().process(item)))
        if "locked" in item.content:
            object.__setattr__(article, "meta", {"lock": threading.Lock()})
        yield article


class Killer(MapStage):
    """Ends the process it runs in on a 'die' document, as a segfault or the OOM killer would
    (never run it in the test process itself)."""

    name = "killer"
    requires = ("raw",)
    provides = ("article",)

    def process(self, item: Any) -> Iterator[Any]:
        if "die" in item.content:
            os._exit(9)
        yield from Upper().process(item)


@pytest.fixture(scope="module", params=["processes:2", "ray"])
def engine(request: pytest.FixtureRequest) -> Iterator[tuple[str, LocalEngine]]:
    """(spec, engine): worker processes of this machine, then a local Ray instance."""
    if request.param.startswith("processes"):
        yield request.param, open_engine(request.param)
        return
    if importlib.util.find_spec("ray") is None:
        pytest.skip("the ray extra is not installed (pip install 'wirecheck[ray]')")
    import ray

    ray_engine = open_engine("ray")
    for module in (__name__, "test_pipeline"):  # workers lack tests/ on their path
        ray.cloudpickle.register_pickle_by_value(sys.modules[module])
    yield "ray", ray_engine
    ray.shutdown()


def stored(store: MemoryStore) -> dict[str, list[Any]]:
    return {kind: sorted(store.all(kind), key=lambda item: item.id) for kind in KINDS}


def test_every_engine_stores_what_the_local_one_stores(
        engine: tuple[str, LocalEngine], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The sample corpus, plus four articles of one outlet that share a promo line: what the
    cleaner learns from the whole batch must reach the workers."""
    shutil.copytree(SAMPLE, tmp_path, dirs_exist_ok=True)
    for n in range(4):
        record = {"id": f"q{n}", "url": f"https://quay.example/{n}",
                  "text": story(n, "quay", promo=True)}
        (tmp_path / f"q{n}.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
    monkeypatch.setattr(local_engine, "CHUNK", 2)  # several map tasks in flight, in order
    local, remote = analyze([tmp_path], store=MemoryStore()), \
        analyze([tmp_path], store=MemoryStore(), engine=engine[0])
    assert stored(local.store)["brief"] and stored(local.store)["quote"]
    assert any(PROMO in a.meta.get("removed", ()) for a in local.store.all("article"))
    assert stored(remote.store) == stored(local.store)
    assert remote.report == local.report


def test_a_stage_error_in_a_worker_is_a_failure_and_the_batch_goes_on(
        engine: tuple[str, LocalEngine]) -> None:
    store = MemoryStore()
    summary = engine[1].run(Pipeline([Upper()]), store, [raw(1, "fine"), raw(2, "boom")])
    assert [a.text for a in store.all("article")] == ["FINE"]
    assert [f.source for f in summary.failures] == ["2.txt"]
    assert "cannot shout" in summary.failures[0].message


def test_a_task_lost_whole_fails_its_items_and_the_run_goes_on(
        engine: tuple[str, LocalEngine], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local_engine, "CHUNK", 1)
    store = MemoryStore()
    store.put([raw(0, "kept from before")])
    summary = engine[1].run(Pipeline([Unsendable()]), store, [raw(1, "fine"), raw(2, "locked")])
    assert [a.text for a in store.all("article")] == ["FINE"]
    assert [f.source for f in summary.failures] == ["2.txt"]
    assert {r.id for r in store.all("raw")} == {"r0", "r1", "r2"}


def test_a_worker_killed_fails_only_its_task(engine: tuple[str, LocalEngine],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A dead worker breaks a process pool, and with it every task in flight: those are run
    again in a new pool, so only the document that killed its worker fails."""
    monkeypatch.setattr(local_engine, "CHUNK", 1)
    store = MemoryStore()
    docs = [raw(1, "fine"), raw(2, "die"), *(raw(n, f"fine {n}") for n in range(3, 8))]
    summary = engine[1].run(Pipeline([Killer()]), store, docs)
    assert sorted(a.text for a in store.all("article")) == [
        "FINE", *(f"FINE {n}" for n in range(3, 8))]
    assert [f.source for f in summary.failures] == ["2.txt"]


def test_an_unknown_engine_is_an_error_with_the_choices() -> None:
    with pytest.raises(WirecheckError, match="unknown engine 'spark'") as caught:
        open_engine("spark")
    assert "ray:ADDRESS" in str(caught.value.hint) and "processes:N" in str(caught.value.hint)


@pytest.mark.parametrize("spec", ["processes:0", "processes:two", "processes:-1"])
def test_a_bad_number_of_processes_is_an_error(spec: str) -> None:
    with pytest.raises(WirecheckError, match="positive whole number"):
        open_engine(spec)


def test_a_missing_ray_extra_fails_early_with_the_install_command(
        monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "ray" else real(name, *a))
    with pytest.raises(MissingDependency) as caught:
        analyze([SAMPLE], engine="ray")
    assert "pip install 'wirecheck[ray]'" in str(caught.value.hint)


def test_a_ray_cluster_that_cannot_be_reached_is_a_clear_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    if importlib.util.find_spec("ray") is None:
        pytest.skip("the ray extra is not installed (pip install 'wirecheck[ray]')")
    import ray

    def refused(**kwargs: object) -> None:
        raise ConnectionError(f"could not connect to {kwargs['address']}")

    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", refused)
    with pytest.raises(WirecheckError, match="cannot start or join the Ray cluster 10.0.0.9") \
            as caught:
        open_engine("ray:10.0.0.9:6379")
    assert "--engine local" in str(caught.value.hint)


def test_a_script_without_a_main_guard_gets_a_clear_error(tmp_path: Path) -> None:
    """Spawned workers import the calling script again: without `if __name__ == "__main__":`
    each worker died, and every document became a failure of 'BrokenProcessPool'. The run now
    stops before reading anything, with the fix in its hint."""
    script = tmp_path / "unguarded.py"
    script.write_text("from wirecheck import analyze\n"
                      f"analyze([{str(SAMPLE)!r}], engine='processes:1')\n", "utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)
    assert done.returncode != 0
    assert "the worker processes could not start" in done.stderr
    assert "if __name__ == \"__main__\":" in done.stderr
