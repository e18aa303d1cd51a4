"""Story stages redo only the stories whose inputs changed (``engines/runs.py``), and an
incremental run ends where a run from scratch would."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import SAMPLE
from test_runs import strip_sources
from wirecheck import analyze, load_settings
from wirecheck.engines import LocalEngine, runs
from wirecheck.pipeline import Bundle, GroupStage, Pipeline
from wirecheck.store import MemoryStore
from wirecheck.types import Article, Item, Paragraph, Story


def test_a_second_run_on_the_same_inputs_redoes_no_story(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    first = analyze([SAMPLE], store=db)
    stories, report = first.store.count("story"), first.report
    first.store.close()
    second = analyze([SAMPLE], store=db)
    assert stories >= 2
    assert second.summary.reused == {"compare": stories, "brief": stories}
    assert second.summary.counts["finding"] == 0 and second.summary.counts["brief"] == 0
    assert second.report == report


def test_an_added_article_redoes_its_story_only_and_ends_as_a_run_from_scratch(
        tmp_path: Path) -> None:
    everything, first_batch = tmp_path / "all", tmp_path / "first"
    shutil.copytree(SAMPLE, everything)
    shutil.copytree(SAMPLE, first_batch)
    (first_batch / "local-radioamberley.txt").unlink()  # a report of the footbridge story
    db = tmp_path / "w.db"
    analyze([first_batch], store=db).store.close()
    added = analyze([everything / "local-radioamberley.txt"], store=db)
    assert added.summary.reused == {"compare": 1, "brief": 1}  # the ferry story is untouched
    scratch = analyze([everything])
    assert strip_sources(added.report) == strip_sources(scratch.report)


def test_other_settings_redo_every_story(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    analyze([SAMPLE], store=db).store.close()
    other = load_settings(compare={"align_threshold": 31})
    again = analyze([SAMPLE], store=db, settings=other)
    assert again.summary.reused["compare"] == 0 and again.summary.counts["finding"] > 0


def test_other_code_redoes_every_story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgrade or an edited stage: the stored results of the old code are not kept."""
    db = tmp_path / "w.db"
    analyze([SAMPLE], store=db).store.close()
    monkeypatch.setattr(runs, "code_fingerprint", lambda: "another version")
    again = analyze([SAMPLE], store=db)
    assert again.summary.reused["compare"] == 0 and again.summary.counts["brief"] > 0


class Flaky(GroupStage):
    """A story stage that fails while ``down`` is set."""

    name = "flaky"
    requires = ("story", "article")
    provides = ("finding",)
    down = False

    def reduce(self, story: Story, bundle: Bundle) -> Iterable[Item]:
        if Flaky.down:
            raise RuntimeError("down")
        return []


def test_a_story_that_failed_is_redone_even_when_its_inputs_come_back(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Ran on inputs A, failed on B, back to A: the run on A must not count as done for it."""
    article = Article("a1", "a.txt", "first text", (Paragraph(0, 10),))
    store = MemoryStore()
    store.put([article, Story("s1", ("a1",), "a story")])
    pipeline = Pipeline([Flaky()], inputs=("story", "article"))
    LocalEngine().run(pipeline, store, [])
    store.put([replace(article, text="other text")])
    monkeypatch.setattr(Flaky, "down", True)
    assert LocalEngine().run(pipeline, store, []).failures
    store.put([article])
    monkeypatch.setattr(Flaky, "down", False)
    assert LocalEngine().run(pipeline, store, []).reused["flaky"] == 0
