"""HTML pages: one parse, the page's metadata, and the body blocks of trafilatura's XML.

The cleaner (``clean.py``) calls trafilatura on the tree parsed here and sweeps the blocks this
module walks out of its XML. Rules, each measured on the extraction-aeb dev set
(``benchmarks/extraction_aeb.py``, see BENCHMARKS.md): text between the extractor's blocks is
kept; the article's other chunks (same-class cousins of the element holding its paragraphs) are
added; so is the lead when the page's description starts text left out of that element; runs of
blocks that are each the text of one link of the page (related-article lists) and label lines
such as "READ MORE: …" or "DON'T MISS" are dropped; figure captions stay, as captions.
Metadata: meta tags, JSON-LD, ``<time>``, else htmldate's quick search for the date.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from htmldate import find_date
from lxml import etree
from lxml import html as lxml_html

from ..types import ParagraphKind

Block = tuple[str, ParagraphKind | None]  # text and its kind (None: guessed by the sweep)

PARSER = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
CONTROL_BYTES = bytes([*range(0, 9), *range(11, 32), 127])  # never text; NUL trips the parser
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # soft hyphen, zero widths
# Never article text: elements trafilatura deletes anyway (its MANUALLY_CLEANED, less form, figure,
# head, math and time), dropped from the tree first so that all its passes run on less.
NOISE = ("applet", "area", "aside", "audio", "blink", "button", "canvas", "datalist", "dialog",
         "embed", "fencedframe", "fieldset", "footer", "frame", "frameset", "iframe", "input",
         "label", "legend", "link", "map", "marquee", "menu", "menuitem", "meta", "nav",
         "noindex", "noscript", "object", "optgroup", "option", "output", "param", "picture",
         "progress", "rp", "rt", "rtc", "script", "select", "source", "style", "svg", "template",
         "textarea", "track", "use", "video")
LABEL = re.compile(
    r"^(?:(?:read|see|watch|click|find out|learn) more|more from|related(?: \w+)?|also (?:read|see"
    r"|watch)|don'?t miss|recommended|most (?:read|popular|viewed)|trending|top stories|"
    r"editor'?s picks?|you might (?:also )?like|further reading)\b\s*(?:[:»›>|-].*)?$", re.I)
TAG_SUFFIX = re.compile(r"\s*(?:\[[A-Z ]{2,20}\]\s*)?[|»›>]?$")
WORD = re.compile(r"\w+")
LINK_MIN_WORDS = 3  # a block this short is not called a link: "Next", "Page 2"
LINK_MAX_CHARS = 300  # nor is a block this long
CHUNK_MIN_CHARS = 150  # paragraphs of a sibling chunk worth adding to the article
LEAD_MIN_CHARS = 60  # shortest description that may be the lead paragraph
LEAD_WORDS = 8  # words of the description that must start the lead
LEAD_BLOCKS = 5  # the lead is missing when it is not in the article's first blocks

DATE_KEYS = ("article:published_time", "og:published_time", "datepublished", "pubdate",
             "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
             "sailthru.date", "parsely-pub-date", "article.published", "published_time",
             "og:article:published_time", "release_date")
AUTHOR_KEYS = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author",
               "byl", "twitter:creator")
TITLE_KEYS = ("og:title", "twitter:title", "headline", "dc.title")
SITE_KEYS = ("og:site_name", "application-name", "publisher", "twitter:site")
DESCRIPTION_KEYS = ("og:description", "description", "twitter:description")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse(content: str) -> Any:
    """The page as an lxml tree (decoded text, so a stale charset declaration is ignored)."""
    data = content.encode("utf-8", "replace").translate(None, CONTROL_BYTES)
    try:
        tree = lxml_html.document_fromstring(data, parser=PARSER)
    except (ValueError, etree.LxmlError):
        return None
    return tree if tree is not None and len(tree) else None


def strip_noise(tree: Any) -> None:
    etree.strip_elements(tree, *NOISE, with_tail=False)


# -- metadata ------------------------------------------------------------------------------------

def metadata(tree: Any) -> dict[str, str]:
    """title, author, date (ISO), sitename, url, hostname, description: meta tags, JSON-LD, <title>.

    Read before ``strip_noise`` (it needs <meta>, <link> and JSON-LD <script> elements).
    """
    tags = meta_tags(tree)
    found = json_ld(tree)
    for key, names in (("title", TITLE_KEYS), ("author", AUTHOR_KEYS), ("date", DATE_KEYS),
                       ("sitename", SITE_KEYS), ("description", DESCRIPTION_KEYS)):
        value = next((tags[name] for name in names if tags.get(name)), None)
        if value and not found.get(key):
            found[key] = value
    if not found.get("title"):
        found["title"] = page_title(tree) or ""
    url = canonical(tree) or tags.get("og:url")
    if url and url.startswith(("http://", "https://")):
        found["url"] = url
        found["hostname"] = url.split("/")[2].split(":")[0].lower().removeprefix("www.")
    found["date"] = iso_date(found.get("date")) or time_element(tree) or page_date(tree, url)
    author = found.get("author", "")
    if author.startswith(("http", "@")) or " " not in author.strip():
        found.pop("author", None)
    return {key: " ".join(INVISIBLE.sub("", value).split()) for key, value in found.items()
            if isinstance(value, str) and value.strip()}


def page_date(tree: Any, url: str | None) -> str:
    """htmldate's quick search (the URL, the page's date patterns), when the tags gave none."""
    try:
        found = find_date(tree, url=url, extensive_search=False, original_date=True)
    except (ValueError, TypeError, etree.LxmlError):
        return ""
    return iso_date(found) or ""


def meta_tags(tree: Any) -> dict[str, str]:
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        name = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if name and content and content.strip():
            tags.setdefault(name.strip().lower(), content.strip())
    return tags


def json_ld(tree: Any) -> dict[str, str]:
    """headline, author, date, sitename of the first article-like JSON-LD object."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        if "headline" not in script.text and "datePublished" not in script.text:
            continue
        try:
            value = json.loads(script.text)
        except ValueError:
            continue
        for item in ld_items(value):
            if "headline" in item or "datePublished" in item:
                return ld_fields(item)
    return {}


def ld_items(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for item in value:
            yield from ld_items(item)
    elif isinstance(value, dict):
        yield value
        yield from ld_items(value.get("@graph"))


def ld_fields(item: dict[str, Any]) -> dict[str, str]:
    def name(value: Any) -> str | None:
        if isinstance(value, list):
            names = [n for n in (name(v) for v in value) if n]
            return ", ".join(names) if names else None
        if isinstance(value, dict):
            value = value.get("name")
        return value if isinstance(value, str) else None

    fields = {"title": item.get("headline"), "date": item.get("datePublished"),
              "author": name(item.get("author")), "sitename": name(item.get("publisher"))}
    return {key: value for key, value in fields.items() if isinstance(value, str) and value}


def page_title(tree: Any) -> str | None:
    """The one <h1>, else the <title> without its " | Site" part."""
    headings = [squash(h.text_content()) for h in tree.iter("h1")]
    if len(headings) == 1 and headings[0]:
        return headings[0]
    title = squash(tree.findtext(".//title") or "")
    parts = re.split(r"\s+[|–—·:»-]\s+", title)
    return max(parts, key=len) if title else None


def canonical(tree: Any) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return str(link.get("href")).strip()
    return None


def iso_date(value: str | None) -> str | None:
    match = ISO_DATE.search(value or "")
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    return match.group(0) if 1 <= month <= 12 and 1 <= day <= 31 and year > 1900 else None


def time_element(tree: Any) -> str | None:
    for element in tree.iter("time"):
        if (found := iso_date(element.get("datetime"))):
            return found
    return None


# -- body ----------------------------------------------------------------------------------------

def mark_captions(tree: Any) -> set[str]:
    """Replace each <figure> that has a <figcaption> by a <p> of the caption; their texts.

    The extractor drops figures: a paragraph in their place keeps the caption where it stood.
    """
    captions = set()
    for figure in list(tree.iter("figure")):
        text = " ".join(t for t in (squash(c.text_content()) for c in figure.iter("figcaption"))
                        if t)
        if not text or figure.getparent() is None:
            continue
        paragraph = lxml_html.Element("p")
        paragraph.text, paragraph.tail = text, figure.tail
        figure.getparent().replace(figure, paragraph)
        captions.add(fold(text))
    return captions


def link_texts(tree: Any) -> set[str]:
    """The folded text of every link of at least LINK_MIN_WORDS words."""
    found = set()
    for anchor in tree.iter("a"):
        text = anchor.text_content()
        if len(text.split(None, LINK_MIN_WORDS - 1)) >= LINK_MIN_WORDS:
            found.add(fold(text))
    return found


def walk(element: Any, captions: set[str]) -> Iterator[Block]:
    """Blocks of trafilatura's XML in reading order, loose text between blocks included."""
    if (element.text or "").strip():
        yield INVISIBLE.sub("", element.text), None
    for child in element:
        for text, kind in child_blocks(child, captions):
            caption = captions and kind != "heading" and fold(text) in captions
            yield INVISIBLE.sub("", text), "caption" if caption else kind
        if (child.tail or "").strip():
            yield INVISIBLE.sub("", child.tail), None


def child_blocks(child: Any, captions: set[str]) -> Iterator[Block]:
    tag = child.tag
    if tag == "head":
        yield node_text(child), "heading"
    elif tag == "list":
        for item in child.iter("item"):
            yield node_text(item), "list"
    elif tag == "table":
        for row in child.iter("row"):
            yield " | ".join(node_text(cell) for cell in row), "p"
    elif tag in ("quote", "div") and any(c.tag in ("p", "list", "head") for c in child):
        yield from walk(child, captions)
    else:
        yield node_text(child), "p"


def node_text(element: Any) -> str:
    for br in element.iter("lb"):
        br.tail = " " + (br.tail or "")
    return "".join(element.itertext())


def body_blocks(tree: Any, main: Any, captions: set[str], links: set[str],
                description: str | None) -> tuple[list[Block], list[str]]:
    """The article's blocks from the extractor's ``main`` element, its other chunks and lead
    added, related-link runs and label lines dropped; also the texts dropped."""
    blocks = add_chunks(tree, list(walk(main, captions)))
    blocks = add_lead(tree, blocks, description)
    return drop_link_runs(blocks, links)


def body_chars(doc: Any) -> int:
    """Characters of text in the <main> of an extractor's XML document (0 when None)."""
    main = doc.find("main") if doc is not None else None
    return sum(len(text) for text in main.itertext()) if main is not None else 0


def fallback_blocks(tree: Any) -> tuple[str | None, list[Block]]:
    """The page's <title> and every <p>; if none, its visible text line by line."""
    title = squash(tree.findtext(".//title") or "") or None
    paragraphs = [p.text_content() for p in tree.iter("p")]
    if paragraphs:
        return title, [(text, "p") for text in paragraphs]
    return title, [(line, None) for line in tree.text_content().splitlines()]


def drop_link_runs(blocks: list[Block], links: set[str]) -> tuple[list[Block], list[str]]:
    """Blocks without related-link runs and label lines; also the texts dropped."""
    is_link = [kind != "caption" and is_link_text(text, links) for text, kind in blocks]
    kept: list[Block] = []
    dropped: list[str] = []
    for index, (text, kind) in enumerate(blocks):
        in_run = is_link[index] and (
            (index > 0 and is_link[index - 1]) or (index + 1 < len(is_link) and is_link[index + 1])
            or (index > 0 and is_label(blocks[index - 1][0])))
        if in_run or (kind != "caption" and is_label(text)):
            dropped.append(squash(text))
        else:
            kept.append((text, kind))
    return kept, dropped


def add_chunks(tree: Any, blocks: list[Block]) -> list[Block]:
    """Blocks with the article's other chunks: the paragraphs of the cousins (same tag, class and
    depth, same grandparent) of the element that holds the extracted paragraphs, as when an
    article is split around advertisements."""
    seen = {key(text) for text, _ in blocks}
    found = ((p, p.text_content()) for p in tree.iter("p"))
    parents = Counter(p.getparent() for p, text in found if len(text) > 40 and key(text) in seen)
    if not parents:
        return blocks
    container, count = parents.most_common(1)[0]
    kind, parent = container.get("class"), container.getparent()
    grandparent = parent.getparent() if parent is not None else None
    if count < 2 or not kind or grandparent is None:
        return blocks
    before: list[Block] = []
    after: list[Block] = []
    side = before
    for element in grandparent.iterchildren():
        for cousin in (element, *element.iterchildren(container.tag)):
            if cousin is container:
                side = after
            elif cousin.tag == container.tag and cousin.get("class") == kind \
                    and cousin.getparent() is not grandparent:
                texts = [squash(p.text_content()) for p in cousin.iter("p") if not linky(p)]
                new = [t for t in texts if t and key(t) not in seen]
                if sum(map(len, new)) >= CHUNK_MIN_CHARS:
                    side.extend((text, "p") for text in new)
    return [*before, *blocks, *after]


def linky(element: Any) -> bool:
    """Whether links make up more than half of the element's text."""
    linked = sum(len(anchor.text_content()) for anchor in element.iter("a"))
    return linked > 0.5 * len(element.text_content())


def add_lead(tree: Any, blocks: list[Block], description: str | None) -> list[Block]:
    """Blocks with the lead paragraph first when the page's description starts a text that the
    extractor left out of the element holding the article (loose text before its paragraphs)."""
    if not description or len(description) < LEAD_MIN_CHARS:
        return blocks
    probe = fold(description).split()[:LEAD_WORDS]
    opening = fold(" ".join(text for text, _ in blocks[:LEAD_BLOCKS]))
    if len(probe) < LEAD_WORDS or " ".join(probe) in opening:
        return blocks
    start = squash(description)[:30]
    paragraphs = [fold(text)[:80] for text, _ in blocks if len(text) > 40]
    for text in tree.xpath("//body//text()[starts-with(normalize-space(.), $start)]", start=start):
        lead = squash(str(text))
        if len(lead) < LEAD_MIN_CHARS or fold(lead).split()[:LEAD_WORDS] != probe:
            continue
        around = fold(text.getparent().text_content())
        if any(paragraph in around for paragraph in paragraphs):
            return [(lead, "p"), *blocks]
    return blocks


def is_link_text(text: str, links: set[str]) -> bool:
    if len(text) > LINK_MAX_CHARS:
        return False
    folded = fold(TAG_SUFFIX.sub("", squash(text)))
    return folded.count(" ") + 1 >= LINK_MIN_WORDS and folded in links


def is_label(text: str) -> bool:
    text = squash(text)
    return len(text) <= 120 and bool(LABEL.match(text))


def key(text: str) -> str:
    """The start of a text, folded: enough to know a paragraph again."""
    return fold(text[:160])[:80]


def fold(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def squash(text: str) -> str:
    return " ".join(text.split())
