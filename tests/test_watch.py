"""``watch``: round after round, only what is new is analysed, and only the stories it touches
are redone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE
from wirecheck.cli import main
from wirecheck.watch import Round, watch

LATE = "local-radioamberley.txt"  # a report of the footbridge story that arrives later


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    shutil.copytree(SAMPLE, folder)
    (folder / LATE).rename(tmp_path / LATE)
    (folder / "broken.jsonl").write_text("{not json\n", "utf-8")
    return folder


def test_each_round_analyses_only_what_is_new(inbox: Path, tmp_path: Path) -> None:
    rounds: list[Round] = []
    pauses: list[float] = []

    def pause(seconds: float) -> None:  # between rounds 2 and 3, a new file arrives
        pauses.append(seconds)
        if len(pauses) == 2:
            shutil.copy(tmp_path / LATE, inbox / LATE)

    done = watch([inbox], tmp_path / "w.db", interval=5, rounds=3, on_round=rounds.append,
                 sleep=pause)
    assert done == 3 and pauses == [5, 5]
    first, second, third = rounds
    assert first.analysis is not None and first.new >= 6
    assert [f.source for f in first.analysis.summary.failures if "broken" in f.source]
    assert second.analysis is None and second.new == 0  # the broken file is not new again
    assert third.new == 1 and third.analysis is not None
    stories = len(third.analysis.report["stories"])
    assert third.analysis.summary.reused["compare"] == stories - 1  # the ferry story kept
    assert any(LATE in a["source"] for a in third.analysis.report["articles"])


def test_cli_watch_writes_the_reports_each_round(inbox: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(["watch", str(inbox), "--store", str(tmp_path / "w.db"), "--rounds", "2",
                 "--interval", "0", "--out", str(out), "--format", "json"])
    said = capsys.readouterr().err
    assert code == 0
    assert "round 1:" in said and "new document(s)" in said and "round 2: nothing new" in said
    assert (out / "report.json").is_file()


def test_a_round_stopped_before_the_cleaner_is_read_again(inbox: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C after the inputs were stored but before they were cleaned loses nothing."""
    from wirecheck.stages.clean import Cleaner

    def interrupted(self: Cleaner, items: list[object]) -> None:
        raise KeyboardInterrupt

    store = tmp_path / "w.db"
    with monkeypatch.context() as patched:
        patched.setattr(Cleaner, "prepare", interrupted)
        with pytest.raises(KeyboardInterrupt):
            watch([inbox], store, rounds=1)
    rounds: list[Round] = []
    watch([inbox], store, rounds=1, on_round=rounds.append)
    assert rounds[0].analysis is not None and rounds[0].new >= 6
    assert len(rounds[0].analysis.report["articles"]) >= 6
