"""The command line: thin over ``wirecheck.api``; prints with rich.

    wirecheck analyze PATH... [--store FILE] [--out DIR] [--format md,html,json]
    wirecheck brief STORE [--story ID] [--out DIR] [--format md,html,json]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__, api
from .config import load_settings
from .errors import WirecheckError

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
        "analyze", help="ingest files and folders, analyse them, write the reports",
        description="Ingest files and folders (.txt, .html/.htm, .jsonl/.json), run the whole "
                    "pipeline into the store and write one report per story.")
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="input files or folders")
    analyze.add_argument("--store", default="wirecheck.db",
                         help="SQLite store file, or memory: (default: wirecheck.db)")
    add_output_options(analyze)
    analyze.add_argument("--config", help="a settings file overriding defaults.toml")

    brief = commands.add_parser(
        "brief", help="write the reports of the stories in a store",
        description="Render the brief and report of stories already analysed into STORE.")
    brief.add_argument("store", metavar="STORE", help="SQLite store file")
    brief.add_argument("--story", action="append", metavar="ID",
                       help="only this story (an id or an id prefix); repeatable")
    add_output_options(brief)
    return main


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
    settings = load_settings(args.config)
    with progress_bar() as update:
        result = api.analyze(args.paths, store=args.store, settings=settings, progress=update)
    written = api.write_reports(result.report, args.out, formats(args.format))
    console.print(summary_table(result.report))
    print_failures(result.report)
    announce(written)
    return 0


def run_brief(args: argparse.Namespace) -> int:
    if not Path(args.store).exists():
        raise WirecheckError(f"no store at {args.store}",
                             hint="run 'wirecheck analyze PATH --store FILE' first")
    store = api.open_store(args.store)
    stories = None
    if args.story:
        known = [s.id for s in store.all("story")]
        stories = [k for k in known if any(k.startswith(p) for p in args.story)]
        if not stories:
            raise WirecheckError(f"no story matches {', '.join(args.story)}",
                                 hint="see the story ids in report.json")
    written = api.write_reports(api.report(store, stories), args.out, formats(args.format))
    announce(written)
    return 0


def announce(written: Sequence[Path]) -> None:
    main = next((p for p in written if p.suffix == ".html"), written[0] if written else None)
    for path in written:
        print(path)
    if main is not None:
        console.print(f"Report written: [bold]{main}[/]", markup=True, highlight=False)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return {"analyze": run_analyze, "brief": run_brief}[args.command](args)
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
