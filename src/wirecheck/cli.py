"""The command line: thin over ``wirecheck.api``; prints with rich.

    wirecheck analyze PATH... [--store FILE] [--out DIR] [--format md,html,json]
    wirecheck brief STORE [--story ID] [--words N] [--out DIR] [--format md,html,json]
    wirecheck story list|merge|split STORE …
    wirecheck check "STATEMENT" --against PATH|STORE[:STORY]
    wirecheck watch PATH... [--store FILE] [--interval SECONDS] [--rounds N] [--out DIR]
    wirecheck serve STORE [--host 127.0.0.1] [--port 8000]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__, api
from .config import load_settings
from .errors import WirecheckError, require
from .render._common import truncate
from .render.words import counted, number

console = Console(stderr=True)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="wirecheck",
        description="Check the news across its sources: copies, stories, quotes, facts, "
                    "conflicts, reliability and a cited brief.",
    )
    main.add_argument("--version", action="version", version=f"wirecheck {__version__}")
    main.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser(
        "analyze", help="ingest files, folders, feeds, archives and URLs; analyse; report",
        description="Ingest files and folders (.txt, .html/.htm[.gz], .jsonl/.json, RSS/Atom "
                    "feeds, .warc[.gz]), http(s) addresses and standard input (-), run the "
                    "whole pipeline into the store and write one report per story.")
    analyze.add_argument("paths", nargs="*", metavar="PATH",
                         help="input files, folders, http(s) addresses, or - for standard input")
    analyze.add_argument("--urls", metavar="FILE", help="a file of addresses, one a line")
    analyze.add_argument("--fetch-links", action="store_true",
                         help="fetch the page of a feed entry that is only a link")
    analyze.add_argument("--allow-private", action="store_true",
                         help="allow fetching from private and loopback addresses")
    analyze.add_argument("--store", default="wirecheck.db",
                         help="SQLite store file, or memory: (default: wirecheck.db)")
    add_engine_option(analyze)
    add_output_options(analyze)
    analyze.add_argument("--config", help="a settings file overriding defaults.toml")

    brief = commands.add_parser(
        "brief", help="write the reports of the stories in a store",
        description="Render the brief and report of stories already analysed into STORE.")
    brief.add_argument("store", metavar="STORE", help="SQLite store file")
    brief.add_argument("--story", action="append", metavar="ID",
                       help="only this story (an id or an id prefix); repeatable")
    brief.add_argument("--words", type=positive, metavar="N",
                       help="word budget of each brief (default: [brief] words, 500)")
    add_output_options(brief)
    add_story_commands(commands)
    watch = commands.add_parser(
        "watch", help="analyse what is new in files, folders and feeds, round after round",
        description="Read the PATHs (files, folders, feed or page addresses) every --interval "
                    "seconds; what the store does not hold yet goes through the pipeline, only "
                    "the stories it touches are redone, and the reports are written again. "
                    "Stop with Ctrl-C.")
    watch.add_argument("paths", nargs="+", metavar="PATH",
                       help="files, folders, http(s) addresses of feeds or pages")
    watch.add_argument("--store", default="wirecheck.db",
                       help="SQLite store file (default: wirecheck.db)")
    watch.add_argument("--interval", type=float, default=60.0,
                       help="seconds between rounds (default: 60)")
    watch.add_argument("--rounds", type=positive, help="stop after this many rounds")
    add_engine_option(watch)
    add_output_options(watch)
    watch.add_argument("--config", help="a settings file overriding defaults.toml")
    serve = commands.add_parser(
        "serve", help="the HTTP API and the web page over a store",
        description="Serve STORE (an SQLite file, created when missing) over HTTP: the web page "
                    "at /, the JSON API at /stories, /articles, /check (see /openapi.json). "
                    "Needs pip install 'wirecheck[server]'.")
    serve.add_argument("store", metavar="STORE", help="SQLite store file")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--config", help="a settings file overriding defaults.toml")
    check = commands.add_parser(
        "check", help="is a statement supported, contradicted or not found in the sources?",
        description="Check STATEMENT against articles (files, folders, URLs: analysed in "
                    "memory) or a store (STORE, or STORE:STORY for one story). Each independent "
                    "source says supported, contradicted or not found; the answer is supported "
                    "when at least as many support it as contradict it, contradicted when more "
                    "contradict it. Prints the evidence of each source.")
    check.add_argument("statement", metavar="STATEMENT", help="the statement, in quotes")
    check.add_argument("--against", nargs="+", required=True, metavar="PATH",
                       help="input paths, or a store file, or STORE:STORY")
    check.add_argument("--json", action="store_true", help="print the answer as JSON")
    return main


def add_story_commands(commands: Any) -> None:
    story = commands.add_parser(
        "story", help="list, merge or split the stories of a store",
        description="A person's say over the clustering: merges and splits are stored with who "
                    "and when, and survive re-runs.")
    actions = story.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="the stories of a store, with their articles",
                                 description="List the stories of STORE with their articles.")
    listing.add_argument("store", metavar="STORE", help="SQLite store file")
    merge = actions.add_parser("merge", help="merge two or more stories into one",
                               description="Merge the stories whose ids start with each ID.")
    merge.add_argument("store", metavar="STORE", help="SQLite store file")
    merge.add_argument("stories", nargs="+", metavar="ID", help="story ids or id prefixes")
    split = actions.add_parser("split", help="take articles out of their story",
                               description="Move the articles given with --article out of "
                                           "their story into a story of their own.")
    split.add_argument("store", metavar="STORE", help="SQLite store file")
    split.add_argument("--article", action="append", required=True, metavar="ID",
                       help="an article id or id prefix; repeatable")
    for command in (merge, split):
        command.add_argument("--by", help="who decides (default: the login name)")
        command.add_argument("--note", default="", help="why, in a few words")


def positive(text: str) -> int:
    """A whole number of 1 or more (a word budget of -5 wrote "the -5-word budget")."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return value


def add_engine_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--engine", default="local",
                         help="where the stages run: local (default: this process), processes "
                              "(a worker per core of this machine; pays on hundreds of articles) "
                              "or processes:N, ray (a Ray cluster named by RAY_ADDRESS, else one "
                              "started on this machine) or ray:ADDRESS; ray needs pip install "
                              "'wirecheck[ray]'")


def add_output_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--out", default="wirecheck-report", help="folder for the reports")
    command.add_argument("--format", default="md,html,json",
                         help="comma-separated formats among md, html, json (default: all)")


def formats(value: str) -> list[str]:
    return [f.strip() for f in value.split(",") if f.strip()]


@contextmanager
def progress_bar() -> Iterator[Any]:
    columns = (TextColumn("{task.description:>8}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, Any] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=max(total, 1))
            bar.update(tasks[stage], completed=done, total=max(total, 1))

        yield update


def summary_table(report: dict[str, Any]) -> Table:
    table = Table(title="wirecheck", show_header=True)
    for column in ("stories", "articles", "duplicate groups", "conflicts", "failures"):
        table.add_column(column, justify="right")
    conflicts = sum(len(s["conflicts"]) for s in report["stories"])
    table.add_row(*(str(n) for n in (len(report["stories"]), len(report["articles"]),
                                      len(report["duplicate_groups"]), conflicts,
                                      len(report["failures"]))))
    return table


def print_failures(report: dict[str, Any]) -> None:
    for failure in report["failures"]:
        console.print(f"[yellow]failed[/]: {failure['source']}: {failure['message']}",
                      markup=True, highlight=False)


def run_analyze(args: argparse.Namespace) -> int:
    if not args.paths and not args.urls:
        raise WirecheckError("nothing to analyse", hint="give a PATH, a URL, - or --urls FILE")
    settings = load_settings(args.config)
    switches = {"fetch_links": args.fetch_links, "allow_private": args.allow_private}
    settings = settings.with_overrides({"ingest": {k: v for k, v in switches.items() if v}})
    with progress_bar() as update:
        result = api.analyze(args.paths, store=args.store, settings=settings, progress=update,
                             urls_file=args.urls, engine=args.engine)
    written = api.write_reports(result.report, args.out, formats(args.format))
    console.print(summary_table(result.report))
    print_failures(result.report)
    announce(written)
    return 0


def run_brief(args: argparse.Namespace) -> int:
    store = open_existing(args.store)
    stories = None
    if args.story:
        known = [s.id for s in store.all("story")]
        stories = [k for k in known if any(k.startswith(p) for p in args.story)]
        if not stories:
            raise WirecheckError(f"no story matches {', '.join(args.story)}",
                                 hint="see the story ids in report.json")
    written = api.write_reports(api.report(store, stories, words=args.words), args.out,
                                formats(args.format))
    announce(written)
    return 0


def open_existing(path: str) -> api.Store:
    if not Path(path).exists():
        raise WirecheckError(f"no store at {path}",
                             hint="run 'wirecheck analyze PATH --store FILE' first")
    return api.open_store(path)


def story_table(store: api.Store) -> Table:
    table = Table(title="stories", show_header=True)
    for column in ("story", "title", "articles"):
        table.add_column(column)
    articles = {a.id: a for a in store.all("article")}
    for story in sorted(store.all("story"), key=lambda s: (-len(s.article_ids), s.id)):
        names = ", ".join(f"{a[:8]} {articles[a].outlet or ''}".strip()
                          for a in story.article_ids if a in articles)
        table.add_row(story.id[:8], story.title, names)
    return table


def run_story(args: argparse.Namespace) -> int:
    store = open_existing(args.store)
    if args.action == "merge":
        stories = api.find_stories(store, args.stories)
        ids = [a for s in stories for a in s.article_ids]
        api.override_stories(store, "merge", ids, by=args.by, note=args.note)
    elif args.action == "split":
        api.override_stories(store, "split", api.find_articles(store, args.article), by=args.by,
                             note=args.note)
    Console().print(story_table(store))
    return 0


def run_check(args: argparse.Namespace) -> int:
    answer = api.check(args.statement, args.against)
    if args.json:
        print(json.dumps({"statement": answer.statement, "verdict": answer.verdict,
                          "sources": answer.sources}, ensure_ascii=False, indent=2))
        return 0
    out = Console()
    elsewhere = [r for r in answer.sources if _about_another_story(r)]
    rows = [r for r in answer.sources if r not in elsewhere]
    tally = Counter(r["verdict"] for r in rows)
    counts = ", ".join(f"{v} {'in' if v == 'not found' else 'by'} {number(tally[v])}"
                       for v in ("supported", "contradicted", "not found") if tally[v])
    out.print(f"[bold]{answer.verdict}[/]: {escape(answer.statement)}", highlight=False)
    out.print(f"{counts or 'no source'} (of {counted(len(rows), 'independent source{}')}; "
              "a copy counts once)", highlight=False)
    table = Table(show_header=True)
    for column in ("source", "verdict", "score", "why", "evidence"):
        table.add_column(column)
    for row in rows:
        evidence = " … ".join(e["text"] for e in row["evidence"][:2])
        table.add_row(escape(row["outlet"] or row["source"]), row["verdict"],
                      f"{row['score']:.2f}", escape(truncate("; ".join(_telling(row)), 160)),
                      escape(truncate(evidence, 240)))
    out.print(table)
    if elsewhere:
        names = ", ".join(r["outlet"] or r["source"] for r in elsewhere)
        out.print(f"not read: {counted(len(elsewhere), 'article{}')} about another story "
                  f"({escape(names)})", highlight=False)
    return 0


def _about_another_story(row: dict[str, Any]) -> bool:
    return row["verdict"] == "not found" and any(
        r.startswith("about another story") for r in row["reasons"])


def _telling(row: dict[str, Any]) -> list[str]:
    """A source's reasons, the one that names what the source says instead first ("'41
    people' is not in the document, which has '14 people'"); for a source that supports the
    statement, what it lacks is a caveat ("though word 'collapsed' is not in the document")."""
    reasons = sorted(row["reasons"],
                     key=lambda r: ("which has" not in r and "where the" not in r))
    return [f"though {reasons[0]}", *reasons[1:]] \
        if reasons and row["verdict"] == "supported" else reasons


def announce(written: Sequence[Path]) -> None:
    main = next((p for p in written if p.suffix == ".html"), written[0] if written else None)
    for path in written:
        print(path)
    if main is not None:
        console.print(f"Report written: [bold]{main}[/]", markup=True, highlight=False)


def run_watch(args: argparse.Namespace) -> int:
    from .watch import Round, watch

    def report_round(done: Round) -> None:
        stamp = datetime.now().strftime("%H:%M:%S")
        if done.analysis is None:
            console.print(f"{stamp} round {done.number}: nothing new", markup=False,
                          highlight=False)
            return
        report = done.analysis.report
        written = api.write_reports(report, args.out, formats(args.format))
        redone = len(report["stories"]) - done.analysis.summary.reused["compare"]
        console.print(f"{stamp} round {done.number}: {done.new} new document(s), {redone} of "
                      f"{len(report['stories'])} stories redone; {len(written)} report files "
                      f"in {args.out}", markup=False, highlight=False)
        for failure in done.analysis.summary.failures:
            console.print(f"failed: {failure.source}: {failure.message}", markup=False,
                          highlight=False)

    try:
        watch(args.paths, args.store, load_settings(args.config), interval=args.interval,
              rounds=args.rounds, engine=args.engine, on_round=report_round)
    except KeyboardInterrupt:
        console.print("stopped", markup=False, highlight=False)
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from .server import create_app

    app = create_app(args.store, load_settings(args.config))
    require("uvicorn", "server")
    import uvicorn

    console.print(f"Serving {args.store} at http://{args.host}:{args.port}/", markup=False,
                  highlight=False)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        commands = {"analyze": run_analyze, "brief": run_brief, "story": run_story,
                    "check": run_check, "watch": run_watch, "serve": run_serve}
        return commands[args.command](args)
    except KeyboardInterrupt:  # (watch stops on its own terms)
        if args.debug:
            raise
        console.print("interrupted: what was stored before is kept; run the command again to "
                      "finish", markup=False, highlight=False)
        return 130
    except WirecheckError as exc:
        if args.debug:
            raise
        console.print(f"error: {exc}", markup=False, highlight=False)
        return 2
    except Exception as exc:
        if args.debug:
            raise
        console.print(f"internal error: {type(exc).__name__}: {exc} "
                      "(run again with --debug for the traceback, and report it)",
                      markup=False, highlight=False)
        return 1


if __name__ == "__main__":
    sys.exit(main())
