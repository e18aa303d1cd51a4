"""A person's merges and splits of stories: stored with who and when, and kept on re-runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE
from wirecheck import analyze, open_store
from wirecheck.api import override_stories
from wirecheck.cli import main
from wirecheck.errors import WirecheckError


@pytest.fixture
def db(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("wire-meridian.txt", "reports.jsonl"):
        shutil.copy(SAMPLE / name, folder / name)
    path = tmp_path / "w.db"
    analyze([folder], store=path).store.close()
    return path


def story_sets(path: Path) -> list[set[str]]:
    store = open_store(path)
    return sorted((set(s.article_ids) for s in store.all("story")), key=len)


def test_merge_then_split_survive_a_rerun(db: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    before = story_sets(db)
    assert len(before) == 2
    ids = [s.id[:8] for s in open_store(db).all("story")]
    assert main(["story", "merge", str(db), *ids, "--by", "editor", "--note", "one event"]) == 0
    assert "stories" in capsys.readouterr().out
    assert len(story_sets(db)) == 1
    (override,) = open_store(db).all("override")
    assert override.action == "merge" and override.by == "editor" and override.at
    # a new run on the same inputs keeps the person's decision
    analyze([tmp_path / "in"], store=db).store.close()
    assert len(story_sets(db)) == 1
    store = open_store(db)
    assert store.count("brief") == 1
    moved = sorted(before[0])[0]
    assert main(["story", "split", str(db), "--article", moved[:10]]) == 0
    after = story_sets(db)
    assert {moved} in after and len(after) == 2


def test_unknown_ids_are_clear_errors(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["story", "merge", str(db), "ffffffffffff"]) == 2
    assert "no story" in capsys.readouterr().err
    with pytest.raises(WirecheckError, match="unknown article"):
        override_stories(open_store(db), "split", ["nope"])
