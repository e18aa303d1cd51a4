"""The HTML page in a real browser: headless Chromium loads it (no network), runs its script,
and the DOM it dumps has the claim-by-source grid, the timeline picture and citation links whose
targets exist and open. Skipped where no Chromium binary is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from conftest import SAMPLE
from wirecheck import analyze
from wirecheck.render.html import render_html

BINARIES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--virtual-time-budget=3000")


def chromium() -> str:
    found = os.environ.get("WIRECHECK_CHROMIUM") or next(
        (path for name in BINARIES if (path := shutil.which(name))), None)
    if not found:
        pytest.skip("no Chromium binary found (set WIRECHECK_CHROMIUM to run the browser test)")
    return found


def dump_dom(page: Path, fragment: str = "") -> str:
    """The DOM of ``page`` after its script ran, as headless Chromium serialises it."""
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [chromium(), *FLAGS, f"--user-data-dir={profile}", "--dump-dom",
             page.resolve().as_uri() + fragment],
            capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and "<html" in done.stdout, done.stderr[-2000:]
    return done.stdout


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node] = []
        self.text = ""

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, tag: str, cls: str | None = None) -> list[Node]:
        return [n for n in self.walk() if n.tag == tag and (cls is None or cls in n.classes)]

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.text += data


def parse(dom: str) -> Node:
    tree = Tree()
    tree.feed(dom)
    tree.close()
    return tree.root


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    chromium()  # skip before the slow analysis when there is no browser
    report = analyze([SAMPLE]).report
    story = report["stories"][0]
    path = tmp_path_factory.mktemp("browser") / "brief.html"
    path.write_text(render_html(report, story["id"]), encoding="utf-8")
    return path, story


def test_grid_timeline_and_citations_in_the_browser(page: tuple[Path, dict[str, Any]]) -> None:
    path, story = page
    root = parse(dump_dom(path))
    ids = {n.attrs["id"]: n for n in root.walk() if "id" in n.attrs}

    grid = root.find("table", "matrix")
    assert len(grid) == 1
    header = [th for th in grid[0].find("th") if th.attrs.get("scope") == "col"]
    assert len(header) == 1 + len(story["article_ids"])  # the claim, then one per outlet
    rows = [tr for tr in grid[0].find("tr") if tr.find("th") and tr.find("td")]
    assert len(rows) == len(story["claims"])
    kinds = {c for td in grid[0].find("td") for c in td.classes if c.startswith("cell-")}
    assert {"cell-supports", "cell-silent", "cell-origin"} <= kinds

    svg = root.find("svg", "timeline")
    assert len(svg) == 1 and len(svg[0].find("circle")) == 2 * len(story["timeline"]) > 0
    assert len(svg[0].find("text")) >= len(story["timeline"])

    cites = root.find("a", "cite")
    assert cites
    for link in cites:
        target = link.attrs["href"].removeprefix("#")
        assert target in ids, link.attrs["href"]
        article = next((a for a in ids[target].ancestors() if a.tag == "details"), None)
        assert article is not None and article.attrs["id"].startswith("article-")


def test_a_citation_opens_its_sentence_in_the_article(page: tuple[Path, dict[str, Any]]) -> None:
    path, _ = page
    before = parse(dump_dom(path))
    link = before.find("a", "cite")[0]
    target = link.attrs["href"]
    closed = next(a for a in next(n for n in before.walk() if n.attrs.get("id") == target[1:])
                  .ancestors() if a.tag == "details")
    assert "open" not in closed.attrs
    after = parse(dump_dom(path, target))  # as if the reader followed the link
    mark = next(n for n in after.walk() if n.attrs.get("id") == target[1:])
    assert mark.tag == "mark" and mark.text.strip()
    box = next(a for a in mark.ancestors() if a.tag == "details")
    assert "open" in box.attrs  # the page's script opened the article at the cited words
