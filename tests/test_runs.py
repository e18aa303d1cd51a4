"""Whole runs: idempotence, bad inputs among good ones, the CLI."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE
from wirecheck import analyze, open_store
from wirecheck.api import check
from wirecheck.cli import main, parser

INPUTS = ["wire-meridian.txt", "rewrite-portnews.html", "reports.jsonl"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "in"
    target.mkdir()
    for name in INPUTS:
        shutil.copy(SAMPLE / name, target / name)
    return target


def test_running_twice_leaves_the_store_unchanged(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    first = analyze([folder], store=db)
    before = first.store.snapshot()
    first.store.close()
    second = analyze([folder], store=db)
    assert second.store.snapshot() == before
    assert sum(len(rows) for rows in before.values()) > 20


def test_bad_inputs_are_failures_and_the_rest_is_analysed(folder: Path) -> None:
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "corrupt.html").write_bytes(b"\x1f\x8b\x08\x00garbage\x00\xff" * 10)
    with (folder / "reports.jsonl").open("a", encoding="utf-8") as out:
        out.write('{"id": "broken", "text": "unterminated\n')
    result = analyze([folder])
    failed = {Path(f["source"].split("#")[0]).name for f in result.report["failures"]}
    assert {"empty.txt", "binary.txt", "corrupt.html", "reports.jsonl"} <= failed
    assert all(f["message"] for f in result.report["failures"])
    # every good article is still there: 1 txt + 1 html + the 5 JSON Lines records
    assert len(result.report["articles"]) == 7


def test_cli_analyze_writes_reports_and_names_them(folder: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(["analyze", str(folder), "--store", str(tmp_path / "w.db"), "--out", str(out)])
    assert code == 0
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert len(report["stories"]) == 2
    assert len(list(out.glob("*.html"))) == 2 and len(list(out.glob("*.md"))) == 2
    captured = capsys.readouterr()
    assert "Report written" in captured.err and ".html" in captured.out
    code = main(["brief", str(tmp_path / "w.db"), "--out", str(tmp_path / "again"),
                 "--format", "md"])
    assert code == 0 and len(list((tmp_path / "again").glob("*.md"))) == 2


def test_cli_errors_are_one_line_with_the_fix(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(tmp_path / "nothing.db")]) == 2
    err = capsys.readouterr().err
    assert "no store at" in err and "hint:" in err and "Traceback" not in err
    assert main(["analyze", str(SAMPLE / "wire-meridian.txt"), "--store", "memory:",
                 "--out", str(tmp_path / "o"), "--format", "pdf"]) == 2
    assert "unknown format" in capsys.readouterr().err


def test_every_command_has_help_and_is_in_the_readme(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    commands = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(commands) >= {"analyze", "brief"}
    for name in commands:
        with pytest.raises(SystemExit) as stop:
            main([name, "--help"])
        assert stop.value.code == 0
        assert "usage:" in capsys.readouterr().out
        assert f"wirecheck {name}" in readme, f"README does not document 'wirecheck {name}'"
    story = commands["story"]._subparsers._group_actions[0].choices
    for action in story:
        with pytest.raises(SystemExit) as stop:
            main(["story", action, "--help"])
        assert stop.value.code == 0 and "usage:" in capsys.readouterr().out
        assert f"wirecheck story {action}" in readme or f"|{action}" in readme
    assert "make run" in readme and "make test" in readme


def test_store_is_reusable_from_python(folder: Path, tmp_path: Path) -> None:
    analyze([folder], store=tmp_path / "w.db").store.close()
    store = open_store(tmp_path / "w.db")
    assert store.count("story") == 2 and store.count("brief") == 2


def test_cli_needs_something_to_analyse(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--store", "memory:", "--out", str(tmp_path)]) == 2
    assert "nothing to analyse" in capsys.readouterr().err


def test_cli_reads_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    text = (SAMPLE / "wire-meridian.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    out = tmp_path / "out"
    assert main(["analyze", "-", "--store", "memory:", "--out", str(out), "--format", "json"]) == 0
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert len(report["articles"]) == 1 and report["failures"] == []


def test_cli_brief_word_budget(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    analyze([folder], store=db).store.close()
    sizes = {}
    for words in (60, 400):
        out = tmp_path / f"b{words}"
        assert main(["brief", str(db), "--words", str(words), "--out", str(out),
                     "--format", "json"]) == 0
        report = json.loads((out / "report.json").read_text("utf-8"))
        sizes[words] = sum(len(s["text"].split()) for st in report["stories"]
                           for sec in st["brief"]["sections"] for s in sec["sentences"])
    assert sizes[60] < sizes[400]


def test_cli_check_a_statement(folder: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "w.db"
    analyze([folder], store=db).store.close()
    statement = "41 people were injured when the Kestrel footbridge collapsed"
    assert main(["check", statement, "--against", str(db), "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    by_outlet = {r["outlet"]: r for r in answer["sources"]}
    assert by_outlet["portnews.example"]["verdict"] == "supported"  # the rewrite says 41
    assert by_outlet["meridianpress.example"]["verdict"] == "contradicted"  # the wire says 14
    assert answer["verdict"] in ("supported", "contradicted")
    for row in answer["sources"]:
        for ev in row["evidence"]:
            assert ev["text"]


def test_cli_check_prints_why_each_source_answers(folder: Path,
                                                 capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The printed answer counts the sources, says why each one answers as it does (what it
    says instead first), and puts the articles of another story on one line, unread."""
    monkeypatch.setenv("COLUMNS", "400")
    statement = "41 people were injured when the Kestrel footbridge collapsed"
    assert main(["check", statement, "--against", str(folder)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"supported by one, contradicted by \w+ \(of \w+ independent sources; "
                     r"a copy counts once\)", out)
    assert "'41 people' is not in the document, which has '14 people'" in out
    assert "though word 'collapsed' is not in the document" in out  # portnews says "fell"
    assert re.search(r"not read: three articles about another story \(.*bayweekly", out)
    assert out.count("bayweekly.example") == 1


def test_an_empty_statement_is_a_clear_error(folder: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """An empty statement answered "not found" from every source; it is an error with the
    usage, before anything is read."""
    assert main(["check", "  ", "--against", str(folder)]) != 0
    err = capsys.readouterr().err
    assert "the statement to check is empty" in err and "--against" in err


def test_check_counts_only_the_story_the_statement_is_about(folder: Path) -> None:
    """The sample corpus holds a second story (a ferry strike): its articles neither support nor
    contradict a statement about the bridge collapse."""
    answer = check("Fourteen people were injured when the Kestrel footbridge collapsed", [folder])
    rows = {r["outlet"]: r for r in answer.sources}
    ferry = [r for r in answer.sources if any("another story" in x for x in r["reasons"])]
    assert ferry, rows
    assert all(r["verdict"] == "not found" for r in ferry)
    assert rows["meridianpress.example"]["verdict"] == "supported"


def test_check_does_not_read_stories_that_share_few_of_the_statement_s_words(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store of thousands of articles is not parsed for one statement: the ferry strike's
    articles share few of its words, so the checker never reads them, and they answer "not
    found" as an article of another story does."""
    from wirecheck import consistency

    read: list[str] = []
    real = consistency.check_many

    def spy(pairs):  # type: ignore[no-untyped-def]
        read.extend(text for _, text in pairs)
        return real(pairs)

    monkeypatch.setattr(consistency, "check_many", spy)
    answer = check("Fourteen people were injured when the Kestrel footbridge collapsed", [folder])
    ferry = [r for r in answer.sources if any("ferry" in x.lower() for x in r["reasons"])]
    assert ferry and all(r["verdict"] == "not found" and not r["evidence"] for r in ferry)
    assert read and not any("ferry" in text.lower() and "kestrel" not in text.lower()
                            for text in read)


SURNAMES = """
import json
from wirecheck.nlp.spacy_backend import analyse
from wirecheck.types import Article
text = ("Former Vice President Dick Cheney and his daughter Mary Cheney were at the dinner. "
        "In a statement, Cheney's office said the family was united. Later, a spokesman for "
        "Cheney declined to comment.")
people = analyse(Article("a", "t", text, ())).people
print(json.dumps([(m.start, m.end, m.name) for m in people.mentions]))
"""


def test_results_do_not_depend_on_the_hash_seed() -> None:
    """Two people of one surname and names of equal length: the same choice in every run
    (Python orders sets by a per-process hash seed)."""
    import os
    import subprocess
    import sys

    outputs = {subprocess.run([sys.executable, "-c", SURNAMES], capture_output=True, text=True,
                              check=True, env={**os.environ, "PYTHONHASHSEED": str(seed)}
                              ).stdout for seed in range(6)}
    assert len(outputs) == 1, outputs


def test_results_do_not_depend_on_where_the_corpus_lies(folder: Path, tmp_path: Path) -> None:
    """The same files read from another folder: the same article and story ids and the same
    briefs (ids once included the path, so tie-breaks changed with the checkout folder)."""
    elsewhere = tmp_path / "some" / "other" / "place"
    shutil.copytree(folder, elsewhere)
    here, there = analyze([folder]), analyze([elsewhere])
    ids = [sorted(a["id"] for a in r.report["articles"]) for r in (here, there)]
    assert ids[0] == ids[1] and len(ids[0]) >= 4
    assert strip_sources(here.report) == strip_sources(there.report)


def strip_sources(value: object) -> object:
    """A report without the file paths it names (they differ by design)."""
    if isinstance(value, dict):
        return {k: strip_sources(v) for k, v in value.items() if k not in ("source", "path")}
    if isinstance(value, list):
        return [strip_sources(v) for v in value]
    return value


def test_check_against_input_paths_and_one_story(folder: Path) -> None:
    """``story=`` narrows a check made against input paths too (it was ignored there)."""
    everything = check("The Kestrel footbridge collapsed", [folder])
    story = max(analyze([folder]).report["stories"], key=lambda s: len(s["article_ids"]))
    narrowed = check("The Kestrel footbridge collapsed", [folder], story=story["id"][:8])
    assert {r["article_id"] for r in narrowed.sources} <= set(story["article_ids"])
    assert len(narrowed.sources) < len(everything.sources)


def test_check_reads_a_party_s_commitment_from_each_source(tmp_path: Path) -> None:
    """"The council has agreed to sell the port" against two outlets saying no decision has
    been taken (in other words than the statement's) and one saying it agreed: two
    contradictions, each with its reason and sentence, and one support; the negated statement
    the other way round."""
    lead = ("Council leader Ann Vale opened the meeting of the Harlow council on Monday to "
            "discuss the future of the town's port, which has lost money for six years. ")
    said = {"Harlow Post": "The Harlow council has not decided whether to sell the port, its "
                           "leader said.",
            "Fenwick Times": "No decision has been taken by the Harlow council on a sale of the "
                             "port, officials said.",
            "Westmere Daily": "The Harlow council has agreed to sell the port to a private "
                              "operator, the paper reported."}
    records = [{"id": f"a{i}", "outlet": outlet, "title": f"Harlow port ({outlet})",
                "published": "2025-03-14", "text": f"{lead}{text}\n\nAside {i}: ferries ran."}
               for i, (outlet, text) in enumerate(said.items())]
    (tmp_path / "story.jsonl").write_text("\n".join(json.dumps(r) for r in records),
                                          encoding="utf-8")

    def verdicts(statement: str) -> dict[str, str]:
        answer = check(statement, [tmp_path])
        for row in answer.sources:
            assert row["evidence"], row
            if row["verdict"] == "contradicted":  # the sentence that says otherwise, and why
                assert "where the statement says" in row["reasons"][0], row
                assert any(word in row["evidence"][0]["text"] for word in ("decided",
                                                                           "decision", "agreed"))
        return {row["outlet"]: row["verdict"] for row in answer.sources}

    assert verdicts("The Harlow council has agreed to sell the port.") == {
        "Harlow Post": "contradicted", "Fenwick Times": "contradicted",
        "Westmere Daily": "supported"}
    assert verdicts("The Harlow council has not agreed to sell the port.") == {
        "Harlow Post": "supported", "Fenwick Times": "supported",
        "Westmere Daily": "contradicted"}
    # a role every source confirms does not hide the status two of them gainsay
    mixed = verdicts("Council leader Ann Vale said the Harlow council has agreed to sell the "
                     "port.")
    assert mixed["Harlow Post"] == mixed["Fenwick Times"] == "contradicted"


def test_check_reads_a_person_s_role_from_each_source(folder: Path) -> None:
    """"Tobin Reed is the deputy mayor" against part of the sample: every outlet but portnews calls
    him chief engineer, an office he cannot hold with the other, so each contradicts it with
    that sentence; portnews supports it. Words the lexical checker found ("deputy mayor" is
    not there, but "Reed" and "mayor" are) do not make it supported."""
    answer = check("Tobin Reed is the deputy mayor", [folder])
    about = {r["outlet"]: r for r in answer.sources if not r["reasons"]
             or not r["reasons"][0].startswith("about another story")}
    assert answer.verdict == "contradicted"
    assert about["portnews.example"]["verdict"] == "supported"
    against = [r for r in about.values() if r["verdict"] == "contradicted"]
    assert len(against) >= 3
    for row in against:
        assert row["reasons"][0] == ("of Tobin Reed, says “chief engineer” where the statement "
                                     "says “deputy mayor”")
        assert "chief engineer" in row["evidence"][0]["text"].lower()


def test_check_reads_a_quotation_against_each_source_s_quotations(folder: Path) -> None:
    """A statement quoting portnews's altered words of Tobin Reed: portnews carries them
    (supports); the outlets quoting the same remark in other words contradict it, their
    words for the reason and their quotation for the evidence."""
    altered = "We inspected the main deck in March and found several joints that needed attention"
    answer = check(f"Reed said: \u201c{altered}.\u201d", [folder])
    rows = {r["outlet"]: r for r in answer.sources}
    assert rows["portnews.example"]["verdict"] == "supported"
    against = [r for r in rows.values() if r["verdict"] == "contradicted"
               and r["reasons"][0].startswith("quotes Tobin Reed in other words: ")]
    assert len(against) >= 2
    for row in against:
        assert "found nothing that gave us cause for concern" in row["reasons"][0]
        assert "found nothing that gave us cause" in row["evidence"][0]["text"]
    assert answer.verdict == "contradicted"
    # the quoted words do not vouch for a day the source does not give (portnews: Tuesday)
    dated = check(f"Reed said on Monday: \u201c{altered}.\u201d", [folder])
    assert {r["outlet"]: r["verdict"] for r in dated.sources}["portnews.example"] != "supported"


def test_an_interrupted_run_says_what_it_kept(folder: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C during a run: no traceback, a line saying what became of the store, exit code
    130; the articles read before the interrupt are in the store."""
    from wirecheck.stages import compare

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    articles = analyze([folder]).store.count("article")
    monkeypatch.setattr(compare.Comparer, "reduce", interrupted)
    db = tmp_path / "w.db"
    try:
        code = main(["analyze", str(folder), "--store", str(db), "--out", str(tmp_path / "o")])
    except KeyboardInterrupt:
        pytest.fail("the interrupt went through")
    assert code == 130
    out = capsys.readouterr()
    assert "interrupted: what was stored before is kept" in out.err
    assert "Traceback" not in out.out + out.err
    store = open_store(db)
    assert store.count("article") == articles
    assert store.count("quote") > 0 and store.count("brief") == 0
    store.close()


@pytest.mark.parametrize("words", ["0", "-5", "ten"])
def test_a_word_budget_below_one_is_refused(words: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """'--words -5' wrote briefs 'Left out for the -5-word budget'; it is a usage error now."""
    with pytest.raises(SystemExit) as stopped:
        main(["brief", str(tmp_path / "w.db"), "--words", words])
    assert stopped.value.code == 2
    assert "is not a whole number of 1 or more" in capsys.readouterr().err
