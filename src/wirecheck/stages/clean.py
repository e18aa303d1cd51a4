"""Cleaner: a RawDocument becomes an Article (body paragraphs, title, outlet, dates) or a Failure.

HTML goes through trafilatura (a plain lxml pass when it finds nothing); scraped text is swept
line by line. Both kinds of block then pass the same junk filter: share rows, comment forms,
hashtag lines, counters, bare domains, disclaimers, bylines, copyright lines and repeats of the
headline are removed (and listed in ``meta["removed"]``), and the metadata they carry (outlet,
aggregator, author, event date) is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any, ClassVar
from urllib.parse import urlsplit

import py3langid
import trafilatura
from lxml import etree

from ..config import Settings
from ..errors import EmptyInput
from ..ids import content_id, normalize_for_hash, source_key
from ..ingest.readers import failure
from ..pipeline import MapStage
from ..types import Article, Failure, Paragraph, ParagraphKind, RawDocument
from . import boilerplate, webpage

Block = tuple[str, ParagraphKind]

MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), 1) for name in names}
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_MDY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)
DATE_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})\b", re.I)
DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z][a-z0-9-]+)/?", re.I)
DOMAIN_IN_LINE = re.compile(r"\b(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})\s*$", re.I)
BULLET = re.compile(r"^\s*[•·▪◦‣●■\-*–]\s+")
CREDIT = re.compile(r"[.!?][\"'”’]?\s*\(([^()]{2,60})\)$")
CAPTION_START = re.compile(r"^(?:photo|image|picture|file photo|pictured)\s*[:|/]", re.I)
CAPTION_VERB = re.compile(r"\b(?:gestures (?:as|while)|looks on|poses for|is pictured|are pictured"
                          r"|waves to)\b", re.I)
BYLINE = re.compile(r"^(?:By|BY)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})")
CREDITS = re.compile(r"^\((?:reporting|writing|editing|additional reporting|compiled|edited)"
                     r" by\b.*\)$", re.I)
DISCLAIMER = re.compile(r"^disclaimer\s*:", re.I)
AGGREGATOR = re.compile(r"edited by\s+([^.]+?)\s*(?:\.|$)", re.I)
PUBLISHER = re.compile(r"\bpublisher\s*:\s*(\S+)", re.I)
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b", re.I)
BREADCRUMB = re.compile(r"^home\s*[/>›»|]", re.I)
TIME_WORDS = re.compile(
    r"\b(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|updated|published|posted|last|on|at|gmt|bst|utc|"
    r"ist|et|edt|est|pst|cet|hrs|am|pm|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I)
PROMO = re.compile(
    r"^(?:leave a (?:reply|comment)|your email address will not be published|required fields are"
    r" marked|share this|share on\b|share:|also read|read more|read also|related (?:stories|"
    r"articles|news|coverage)|you may also like|recommended for you|advertisement$|sponsored$|"
    r"listen live|watch live|sign up\b|subscribe (?:now|to|for|from)|skip to|we use cookies|"
    r"follow us|download (?:the|our) app|click here|more on this\b|comments?$|\d+ comments?$)",
    re.I)
CALL_TO_ACTION = re.compile(r"\b(?:send (?:them|us|your)|get in touch|contact (?:us|the newsroom)"
                            r"|call us|email us|tips?:)\b", re.I)
SOCIAL = {"share", "x", "facebook", "linkedin", "twitter", "whatsapp", "email", "e-mail", "print",
          "reddit", "telegram", "pinterest", "copy", "link", "on", "this", "tweet", "messenger",
          "threads", "bluesky", "mail", "sms", "article", "story"}
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
SHORT_BODY = 600  # characters of extracted body under which the balanced extractor is tried
SHORT = 200  # junk lines are short; longer lines are never removed by a phrase rule


class Cleaner(MapStage):
    """RawDocument -> Article with paragraph offsets, or a Failure when no body is left."""

    name: ClassVar[str] = "clean"
    requires: ClassVar[tuple[str, ...]] = ("raw",)
    provides: ClassVar[tuple[str, ...]] = ("article",)

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__(settings)
        self._swept: dict[str, tuple[Sweep, dict[str, Any]]] = {}
        self._boilerplate: dict[str, set[str]] = {}

    def prepare(self, items: list[RawDocument]) -> None:
        """Clean the whole batch once and learn each outlet's boilerplate from it."""
        self._swept = {raw.id: self._sweep(raw) for raw in items}
        outlets = ((self._outlet(raw, *self._swept[raw.id]), self._swept[raw.id][0].blocks)
                   for raw in items)
        self._boilerplate = boilerplate.learn(
            outlets, int(self.settings["clean"]["boilerplate_min_articles"]))

    @staticmethod
    def _sweep(item: RawDocument) -> tuple[Sweep, dict[str, Any]]:
        if item.media_type == "html":
            return clean_html(item.content, item.meta.get("title"))
        return clean_text(item.content, item.meta.get("title")), {}

    @staticmethod
    def _outlet(raw: RawDocument, sweep: Sweep, found: dict[str, Any]) -> str | None:
        meta = {**found, **sweep.found}
        url = raw.meta.get("url") or meta.get("url")
        return pick_outlet(raw.meta.get("outlet"), url, dict(meta))

    def process(self, item: RawDocument) -> Iterable[Article | Failure]:
        sweep, meta = self._swept.pop(item.id) if item.id in self._swept else self._sweep(item)
        known = self._boilerplate.get(self._outlet(item, sweep, meta) or "", set())
        if known:
            sweep.blocks, learnt = boilerplate.strip(sweep.blocks, known)
            sweep.removed.extend(learnt)
        text, paragraphs = assemble(sweep.blocks)
        minimum = self.settings["ingest"]["min_chars"]
        if len(text) < minimum:
            return [failure("clean", item.source, EmptyInput(
                f"only {len(text)} characters of article text are left after cleaning "
                f"(at least {minimum} needed)",
                hint="set [ingest] fetch_links = true to read the linked page"
                if item.meta.get("link_not_fetched") else
                "check that the input is a news report, or lower [ingest] min_chars"))]
        return [self._article(item, sweep, meta, text, paragraphs)]

    def _article(self, raw: RawDocument, sweep: Sweep, found: dict[str, Any], text: str,
                 paragraphs: tuple[Paragraph, ...]) -> Article:
        given = raw.meta
        meta = {k: v for k, v in given.items() if k not in ("url", "title", "outlet", "published")}
        meta.update(found)
        meta.update(sweep.found)
        url = given.get("url") or meta.pop("url", None)
        outlet = pick_outlet(given.get("outlet"), url, meta)
        published = given.get("published") or meta.pop("date", None)
        byline_date = meta.pop("byline_date", None)
        fetched = given.get("fetched")
        if published and (problem := date_problem(published, fetched, byline_date)):
            meta["published_rejected"], published = published, None
            meta["published_rejected_because"] = problem
        if not published and fetched:  # an archived or fetched page that states no date
            published, meta["published_from"] = fetched, "fetched"
        if byline_date and "event_date" not in meta:
            meta["event_date"] = byline_date
        meta.update(media_type=raw.media_type, removed=sweep.removed)
        language = guess_language(text)
        if language and language not in self.settings["clean"]["languages"]:
            told = "no language found" if language == "zxx" else \
                f"written in {LANGUAGES.get(language, language)}"  # zxx: no linguistic content
            meta["not_read"] = (f"{told} ({language}): "
                              "quotes, facts and claims are extracted from "
                              + " or ".join(LANGUAGES.get(code, code)
                                            for code in self.settings["clean"]["languages"])
                              + " text only")
        return Article(id=content_id(source_key(raw.source), text), source=raw.source, text=text,
                       paragraphs=paragraphs, title=sweep.title, outlet=outlet, url=url,
                       published=published, language=language, meta=meta)


class Sweep:
    """An article's blocks in reading order, sorted into body, title, removed junk and metadata."""

    def __init__(self, title: str | None = None) -> None:
        self.title = squash(title) if title else None
        self.blocks: list[Block] = []
        self.removed: list[str] = []
        self.found: dict[str, str] = {}

    def add(self, line: str, kind: ParagraphKind | None = None) -> None:
        """Keep ``line`` as a block (of ``kind``, guessed when None) unless it is junk."""
        line = squash(line)
        if not line:
            return
        if self._junk(line) or (self.title and same_text(line, self.title)):
            self.removed.append(line)
            return
        if self.title is None and not self.blocks and kind in (None, "heading") and headline(line):
            self.title = line
            return
        if kind is None or kind == "p":
            kind = guess_kind(line, allow_heading=kind is None)
        if kind == "list":
            line = BULLET.sub("", line)
        if kind == "caption":
            self._keep_date(line, "event_date")
        self.blocks.append((line, kind))

    def _junk(self, line: str) -> bool:
        lower = line.lower()
        if DISCLAIMER.match(line):
            return self._disclaimer(line)
        if re.fullmatch(r"\d{1,3}", line) or all(w.startswith("#") for w in line.split()):
            return True
        if (match := DOMAIN.fullmatch(line)) and " " not in line:
            self.found.setdefault("outlet", match.group(1).lower())
            return True
        if len(line) > SHORT:
            return False
        if (match := re.fullmatch(r"(?:publisher|source)\s*:\s*(\S+)", line, re.I)):
            self.found.setdefault("outlet", outlet_domain(match.group(1)) or match.group(1))
            return True
        if COPYRIGHT.search(line):
            if (match := DOMAIN_IN_LINE.search(line)):
                self.found.setdefault("copyright_domain", match.group(1).lower())
            return True
        if CREDITS.match(line):
            self.found.setdefault("credits", line.strip("()"))
            return True
        if (match := BYLINE.match(line)) and not line.endswith("."):
            self.found.setdefault("author", match.group(1))
            self._keep_date(line, "byline_date")
            return True
        if dateline(line):
            return self._keep_date(line, "byline_date")
        return bool(PROMO.match(lower) or BREADCRUMB.match(line) or share_row(lower)
                    or (CALL_TO_ACTION.search(line) and re.search(r"\d{3,}|@", line)))

    def _disclaimer(self, line: str) -> bool:
        if (match := AGGREGATOR.search(line)):
            self.found.setdefault("aggregator", match.group(1).strip())
        if (match := PUBLISHER.search(line)):
            name = match.group(1).rstrip(".,;")
            self.found.setdefault("outlet", outlet_domain(name) or name)
        return True

    def _keep_date(self, line: str, key: str) -> bool:
        found = find_date(line)
        if found:
            self.found.setdefault(key, found)
        return found is not None


def clean_text(content: str, title: str | None = None) -> Sweep:
    """Sweep scraped text: one block per line (hard-wrapped paragraphs are joined first)."""
    sweep = Sweep(title)
    for line in unwrap(content.translate(INVISIBLE).splitlines()):
        sweep.add(line)
    return sweep


def clean_html(content: str, title: str | None = None) -> tuple[Sweep, dict[str, Any]]:
    """Sweep HTML: trafilatura on the parsed page (lxml fallback), and the page's metadata."""
    if not re.search(r"<[a-zA-Z!/?]", content):
        return clean_text(content, title), {}
    tree = webpage.parse(content)
    if tree is None:
        return clean_text(content, title), {"extractor": "lxml-fallback"}
    meta: dict[str, Any] = webpage.metadata(tree)
    webpage.strip_noise(tree)
    captions, links = webpage.mark_captions(tree), webpage.link_texts(tree)
    doc = extract_xml(tree)
    main = doc.find("main") if doc is not None else None
    sweep = Sweep(title or (meta.get("title") if main is not None else None))
    meta.pop("title", None)
    if main is not None:
        blocks, dropped = webpage.body_blocks(tree, main, captions, links,
                                              meta.get("description"))
        sweep.removed.extend(dropped)
        for text, kind in blocks:
            sweep.add(text, kind)
    if not sweep.blocks:
        meta["extractor"] = "lxml-fallback"
        page_title, blocks = webpage.fallback_blocks(tree)
        sweep.title = sweep.title or page_title
        for text, kind in blocks:
            sweep.add(text, kind)
    return sweep, meta


def extract_xml(tree: Any) -> Any:
    """trafilatura's XML tree of the page (precise mode; the balanced mode when that finds
    little and the balanced mode finds much more), or None when it finds no article."""
    doc = extract_with(tree, favor_precision=True)
    if webpage.body_chars(doc) < SHORT_BODY:
        wider = extract_with(tree, favor_precision=False)
        if webpage.body_chars(wider) > 2 * webpage.body_chars(doc):
            return wider
    return doc


def extract_with(tree: Any, favor_precision: bool) -> Any:
    try:
        xml = trafilatura.extract(tree, output_format="xml", favor_precision=favor_precision,
                                  include_comments=False, include_tables=True)
        return etree.fromstring(xml.encode("utf-8")) if xml else None
    except Exception:  # an extractor bug on odd markup must not lose the article: use lxml below
        return None


def assemble(blocks: list[Block]) -> tuple[str, tuple[Paragraph, ...]]:
    """Article text (blocks joined by blank lines) and the exact offsets of each block."""
    paragraphs, start = [], 0
    for text, kind in blocks:
        paragraphs.append(Paragraph(start, start + len(text), kind))
        start += len(text) + 2
    return "\n\n".join(text for text, _ in blocks), tuple(paragraphs)


def unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines (a file of short, equally filled lines) back into paragraphs."""
    widths = [len(line.rstrip()) for line in lines if line.strip()]
    width = max(widths, default=0)
    full = sum(1 for a, b in zip(lines, lines[1:], strict=False)
               if len(a.rstrip()) >= 0.75 * width and b.strip())
    if width > 100 or full < 3 or full < 0.3 * len(widths):
        return lines
    joined: list[str] = []
    carry = False
    for line in lines:
        if carry and line.strip() and not BULLET.match(line):
            joined[-1] = joined[-1].rstrip() + " " + line.strip()
        else:
            joined.append(line)
        carry = len(line.rstrip()) >= 0.6 * width
    return joined


def squash(text: str) -> str:
    return " ".join(CONTROL.sub(" ", text).split())


def same_text(a: str, b: str) -> bool:
    """Equal once case, quotes, punctuation and spacing are folded."""
    return folded(a) == folded(b) != ""


@lru_cache(maxsize=1024)
def folded(text: str) -> str:
    return re.sub(r"\W+", " ", normalize_for_hash(text)).strip()


def headline(line: str) -> bool:
    """Short, capitalised, and without a final full stop, colon or comma."""
    bare = line.rstrip("\"'”’)]")
    return (3 <= len(line) <= 160 and len(line.split()) <= 25 and bool(bare)
            and bare[-1] not in ".,;:" and (line[0].isupper() or line[0].isdigit()
                                            or line[0] in "\"'‘“"))


def guess_kind(line: str, allow_heading: bool = True) -> ParagraphKind:
    if BULLET.match(line) and len(line) > 3:
        return "list"
    one_sentence = not re.search(r"[.!?][\"'”’]?\s+[A-Z]", line)
    described = CAPTION_VERB.search(line) and one_sentence and not re.search("[\"“”]", line)
    if len(line) <= 400 and (CAPTION_START.match(line) or described or is_credit(line)):
        return "caption"
    if allow_heading and headline(line) and len(line.split()) <= 14 and len(line) <= 120 \
            and one_sentence:
        return "heading"
    return "p"


def is_credit(line: str) -> bool:
    """A sentence closed by a short parenthesised credit: "… in Washington. (AFP)"."""
    match = CREDIT.search(line)
    return match is not None and len(match.group(1).split()) <= 6 and len(line) > len(match[0]) + 10


def share_row(lower: str) -> bool:
    words = re.findall(r"[a-z-]+", lower)
    return (bool(words) and len(lower) <= 80 and all(w in SOCIAL for w in words)
            and ("share" in words or "tweet" in words or len(set(words)) >= 3))


def find_date(text: str) -> str | None:
    """The first calendar date written in ``text``, as an ISO date."""
    for pattern, order in ((DATE_MDY, "mdy"), (DATE_DMY, "dmy"), (DATE_ISO, "ymd")):
        for match in pattern.finditer(text):
            a, b, c = match.groups()
            year, month, day = {"mdy": (c, a, b), "dmy": (c, b, a), "ymd": (a, b, c)}[order]
            month_number = int(month) if month.isdigit() else MONTHS[month.lower()]
            try:
                return date(int(year), month_number, int(day)).isoformat()
            except ValueError:
                continue
    return None


def dateline(line: str) -> bool:
    """A line that holds a date and nothing else but weekdays, times and such words."""
    if find_date(line) is None:
        return False
    for pattern in (DATE_MDY, DATE_DMY, DATE_ISO, TIME_WORDS):
        line = pattern.sub("", line)
    return not line.strip(" ,.|-–—:()")


def outlet_domain(value: str) -> str | None:
    """``value`` as a bare lowercase domain when it is a URL or a domain name, else None."""
    value = value.strip()
    try:  # a malformed address ("http://[x") is no domain, never a crash
        host = urlsplit(value).hostname if "://" in value else value.split("/")[0].lower()
    except ValueError:
        return None
    if not host or " " in host or not DOMAIN.fullmatch(host):
        return None
    return host.removeprefix("www.")


def pick_outlet(given: str | None, url: str | None, meta: dict[str, Any]) -> str | None:
    """A domain when one is known: given outlet, url host, text's publisher or domain line,
    page host, copyright line; else the given name or site name. Pops the keys it used."""
    found = [meta.pop(key, None) for key in ("outlet", "hostname", "copyright_domain")]
    for candidate in (given, url, *found):
        if candidate and (domain := outlet_domain(str(candidate))):
            if given and outlet_domain(given) is None:
                meta["outlet_name"] = given
            return domain
    return given or meta.get("sitename")


def is_future(published: str, now: datetime | None = None) -> bool:
    """Whether an ISO date or datetime lies more than a day ahead of ``now`` (time zones)."""
    return moment_of(published) > (now or datetime.now(UTC)) + timedelta(days=1)


def moment_of(value: str) -> datetime:
    """An ISO date or datetime (or the first date written in ``value``), in UTC when naive;
    the year 1 when there is none."""
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        moment = datetime.fromisoformat(find_date(value) or "0001-01-01")
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def date_problem(published: str, fetched: str | None, text_date: str | None) -> str | None:
    """Why a stated publication date cannot be right: it is later than the page's fetch time
    (or now), or earlier than the date the text itself gives in its byline or dateline."""
    fetch_time = moment_of(fetched) if fetched else None
    if fetch_time is not None and fetch_time.year > 1:
        if is_future(published, fetch_time):
            return f"later than the fetch time {fetched}"
    elif is_future(published):
        return "in the future"
    moment = moment_of(published)
    if text_date and moment.year > 1 and moment_of(text_date) > moment + timedelta(days=1):
        return f"earlier than the date the text gives ({text_date})"
    return None


LANGUAGES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
             "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian",
             "pl": "Polish", "ar": "Arabic", "zh": "Chinese", "ja": "Japanese", "tr": "Turkish"}


def guess_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language (py3langid, offline), None when too short."""
    if len(re.findall(r"\w+", text)) < 20:
        return None
    code, _ = py3langid.classify(text[:5000])
    return str(code)
