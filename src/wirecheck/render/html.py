"""The brief of one story as ONE self-contained HTML page: inline CSS, a few lines of script.

Each brief sentence links to the cited words, highlighted (``<mark>``) in the full text of
the article further down the page. Every piece of report text is untrusted and escaped.
"""

from __future__ import annotations

from typing import Any

from wirecheck.render._common import (
    CELL_MEANINGS,
    CELL_SYMBOLS,
    Citations,
    View,
    counted,
    cue_of,
    fmt_score,
    is_note,
    ledger,
    make_view,
    qualified,
    sources_cited,
    stance_cell,
    summary,
    truncate,
)
from wirecheck.render._html_parts import Anchors, article_text, esc, timeline_svg
from wirecheck.render._html_style import CSS, JS

Json = dict[str, Any]

SEE_ALL = {"established": "claims", "disputed": "conflicts", "single_source": "single-source",
           "quotes": "quotes", "people": "people", "timeline": "timeline",
           "reliability": "reliability"}  # where the full list of each brief section is
SHOWN_CITATIONS = 6  # more citations than this are folded behind a "+n" toggle
SECTIONS = [
    ("brief", "Brief"), ("conflicts", "Conflicts"), ("single-source", "Single source"),
    ("claims", "Claims by source"), ("timeline", "Timeline"), ("quotes", "Quotes"),
    ("people", "People"), ("reliability", "Reliability"), ("duplicates", "Copies"),
    ("failures", "Failures"), ("articles", "Articles"),
]


def render_html(report: Json, story_id: str) -> str:
    """The HTML page of story ``story_id`` of ``report``."""
    view = make_view(report, story_id)
    anchors = Anchors.build(view.articles, cited_spans(view.story))
    page = Page(view, anchors)
    headline = view.story["brief"]["headline"] or view.story["title"]
    body = "\n".join([
        page.header(headline), "<main>", page.brief(), page.conflicts(), page.single_source(),
        page.matrix(), page.timeline(), page.quotes(), page.people(), page.reliability(),
        page.duplicates(), page.failures(), page.articles(), "</main>",
    ])
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(headline)} — wirecheck</title>\n<style>\n{CSS}\n</style>\n</head>\n"
        f"<body>\n{body}\n<footer><p>wirecheck {esc(report['wirecheck'])} · report schema "
        f"{esc(report['schema_version'])}</p></footer>\n<script>\n{JS}\n</script>\n"
        "</body>\n</html>\n"
    )


def cited_spans(story: Json) -> list[Json]:
    """Every span the page links to: brief citations, conflicts, single-source claims,
    timeline events and quotes."""
    spans = [c for sec in story["brief"]["sections"] for s in sec["sentences"]
             for c in s["citations"]]
    spans += [sp for c in story["conflicts"] for side in c["sides"] for sp in side["spans"]]
    spans += story["single_source"]
    spans += [sp for event in story["timeline"] for sp in event["spans"]]
    spans += [carrier for q in story["quotes"] for carrier in q["carriers"]]
    return spans


def table(header: list[str], rows: list[str], cls: str = "") -> str:
    """A table from escaped header labels and pre-built ``<tr>`` rows."""
    head = "".join(f'<th scope="col">{h}</th>' for h in header)
    attr = f' class="{cls}"' if cls else ""
    return f"<table{attr}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def tr(*cells: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<tr{attr}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def section(key: str, title: str, body: str) -> str:
    body = body or '<p class="muted">None.</p>'
    return f'<section class="card" id="{key}">\n<h2>{esc(title)}</h2>\n{body}\n</section>'


class Page:
    """The sections of the page for one story; each method returns an HTML fragment."""

    def __init__(self, view: View, anchors: Anchors) -> None:
        self.view = view
        self.story = view.story
        self.anchors = anchors
        self.citations = Citations()

    def who(self, article_ids: list[str]) -> str:
        return ", ".join(esc(self.view.label(a)) for a in article_ids) or "—"

    def link(self, span: Json, text: str) -> str:
        """``text`` (already escaped) linked to the highlighted span, if the page shows it."""
        href = self.anchors.href(span)
        return f'<a href="{esc(href)}">{text}</a>' if href else text

    def excerpt_link(self, span: Json) -> str:
        """The cited words, linked; a short value marked within its sentence."""
        before, words, after = self.view.context(span["article_id"], span["start"],
                                                 span["end"], 120)
        shown = f"{esc(before)}<mark>{esc(words)}</mark>{esc(after)}" if before or after \
            else esc(words)
        return self.link(span, f"“{shown}”")

    def header(self, headline: str) -> str:
        counts = summary(self.view)
        alert = ' class="alert"'
        items = "".join(
            f'<li{alert if what == "flagged reports" and n else ""}>'
            f"<strong>{n}</strong> {esc(counted(n, what).split(' ', 1)[1])}</li>"
            for what, n in counts.items()
        )
        toc = " ".join(f'<a href="#{key}">{esc(title)}</a>' for key, title in SECTIONS)
        title = self.story["title"] or ""
        dek = "" if headline.startswith(title) else (
            f'<p class="story-title">Story: {esc(title)}</p>\n')
        return (
            f"<header>\n<h1>{esc(headline)}</h1>\n{dek}"
            f'<ul class="summary">{items}</ul>\n{self.flags()}<nav class="toc">{toc}</nav>\n'
            "</header>"
        )

    def flags(self) -> str:
        """A warning under the summary for each report flagged as the outlier."""
        rows = self.story["reliability"]
        if not rows:
            return ""
        scores = sorted(float(r["score"]) for r in rows)
        middle = scores[len(scores) // 2] if len(scores) % 2 else sum(
            scores[len(scores) // 2 - 1:len(scores) // 2 + 1]) / 2
        the = "the" if sum(1 for r in rows if r["flagged"]) == 1 else "an"
        return "".join(
            f'<p class="callout" role="alert"><strong>⚠ {esc(self.view.label(r["article_id"]))}'
            f"</strong> is flagged as {the} outlier: reliability {fmt_score(r['score'])} against "
            f"a median of {fmt_score(middle)}. "
            f'<a href="#reliability">Why</a> · '
            f'<a href="#{self.article_anchor(r)}">Read it</a></p>\n'
            for r in rows if r["flagged"])

    def article_anchor(self, row: Json) -> str:
        i = self.anchors.index.get(row["article_id"])
        return f"article-{i}" if i is not None else "articles"

    def brief(self) -> str:
        parts = []
        for sec in self.story["brief"]["sections"]:
            items = "".join(self.brief_item(sec["key"], s) for s in sec["sentences"])
            parts.append(f'<h3 class="brief-{esc(sec["key"])}">{esc(sec["title"])}</h3>\n'
                         + (f'<ul class="sentences">{items}</ul>' if items else
                            '<p class="muted">None.</p>'))
        return section("brief", "Brief", "\n".join(parts))

    def brief_item(self, key: str, sentence: Json) -> str:
        if is_note(sentence):
            target = SEE_ALL.get(key)
            more = f' <a href="#{target}">See all</a>' if target else ""
            return f'<li class="note">{esc(sentence["text"])}{more}</li>'
        badge = ""
        if key == "established":
            n = sources_cited(self.view, sentence)
            badge = (f' <span class="support{" single" if n < 2 else ""}" title="independent '
                     f'sources cited">{n} source{"s" if n != 1 else ""}</span>')
        kind = " composed" if sentence["composed"] else ""
        return f'<li class="sentence{kind}">{self.sentence(sentence)}{badge}</li>'

    def sentence(self, sentence: Json) -> str:
        links = []
        for span in sentence["citations"]:
            n = self.citations.number(span)
            aid = span["article_id"]
            words = "".join(self.view.context(aid, span["start"], span["end"]))
            title = f"{self.view.label(aid)}: “{words}”"
            href = self.anchors.href(span) or "#articles"
            links.append(f'<a class="cite" href="{esc(href)}" title="{esc(title)}">[{n}]</a>')
        shown, folded = links[:SHOWN_CITATIONS], links[SHOWN_CITATIONS:]
        if len(folded) > 1:
            shown.append(f'<details class="more-cites"><summary>+{len(folded)}</summary>'
                         f'{"".join(folded)}</details>')
        else:
            shown += folded
        return esc(sentence["text"]) + '<span class="cites">' + "".join(shown) + "</span>"

    def conflicts(self) -> str:
        kinds = ("role", "number", "date", "status", "place", "setting", "speaker", "quote")
        ordered = sorted(self.story["conflicts"], key=lambda c: (
            kinds.index(c["type"]) if c["type"] in kinds else len(kinds),
            -len({a for side in c["sides"] for a in side["article_ids"]})))
        within = "".join(self.conflict(c, " · within one report")
                         for c in self.story.get("inconsistencies", []))
        return section("conflicts", "Conflicts", "\n".join(self.conflict(c) for c in ordered)
                       + within)

    def conflict(self, conflict: Json, where: str = "") -> str:
        rows = [
            tr(f'<span class="side-value">{esc(side["value"])}</span>',
               self.who(side["article_ids"]),
               "<br>".join(f"{esc(self.view.label(sp['article_id']))}: {self.excerpt_link(sp)}"
                           for sp in side["spans"]))
            for side in conflict["sides"]
        ]
        return (
            f'<div class="conflict"><h3>{esc(conflict["topic"])} '
            f'<span class="badge">{esc(conflict["type"])}{where}</span></h3>'
            f'<p>{esc(conflict["explanation"])}</p>'
            f'{table(["Says", "Who", "Where"], rows, "sides")}</div>'
        )

    def single_source(self) -> str:
        flagged = {r["article_id"] for r in self.story["reliability"] if r["flagged"]}
        ordered = sorted(self.story["single_source"], key=lambda s: (
            s["article_id"] not in flagged, self.anchors.index.get(s["article_id"], 0),
            s["start"]))
        flag = ' <span class="badge flag">flagged</span>'
        items = "".join(
            f"<li><strong>{esc(self.view.label(s['article_id']))}</strong>"
            f"{flag if s['article_id'] in flagged else ''}: {self.excerpt_link(s)}</li>"
            for s in ordered
        )
        return section("single-source", "Single-source claims",
                       f"<ul>{items}</ul>" if items else "")

    def matrix(self) -> str:
        claims = sorted(self.story["claims"], key=self.matrix_order)
        if not claims:
            return section("claims", "Claims by source", "")
        header = ["Claim"] + [esc(self.view.label(a["id"])) for a in self.view.articles]
        rows = [self.matrix_row(c) for c in claims]
        legend = "".join(
            f'<li><span class="swatch cell-{k}">{CELL_SYMBOLS[k]}</span>{esc(v)}</li>'
            for k, v in CELL_MEANINGS.items()
        )
        legend += ('<li><span class="swatch not-independent">✓*</span>'
                   "not independent (a copy, or reuses the passage)</li>")
        intro = (f'<p class="muted">{counted(len(claims), "claims")} × '
                 f"{counted(len(self.view.articles), 'articles')}: contradicted claims first, "
                 "then by how many independent sources support them.</p>")
        return section("claims", "Claims by source",
                       f'{intro}<ul class="legend">{legend}</ul>'
                       f'<div class="matrix-wrap">{table(header, rows, "matrix")}</div>')

    def matrix_order(self, claim: Json) -> tuple[int, int, int, int]:
        stances = [s for s in claim["stances"] if s["independent"]]
        contradicted = any(s["stance"] == "contradicts" for s in stances)
        supports = sum(1 for s in stances if s["stance"] == "supports")
        return (not contradicted, -supports, self.anchors.index.get(claim["article_id"], 0),
                claim["start"])

    def matrix_row(self, claim: Json) -> str:
        notes = [esc(self.view.label(claim["article_id"]))]
        if claim["attribution"]:
            notes.append("per " + esc(claim["attribution"]))
        if claim["hedged"]:
            notes.append("hedged")
        head = (f'<th scope="row" title="{esc(truncate(claim["text"], 600))}">'
                f'{esc(truncate(claim["text"], 140))} <small class="muted">'
                f'({"; ".join(notes)})</small></th>')
        cells = []
        for article in self.view.articles:
            kind, independent = stance_cell(claim, article["id"])
            cls = f"cell-{kind}" + ("" if independent else " not-independent")
            tip = f"{self.view.label(article['id'])}: {CELL_MEANINGS[kind]}"
            mark = CELL_SYMBOLS[kind] + ("" if independent else "*")
            cells.append(f'<td class="{cls}" title="{esc(tip)}">{mark}</td>')
        return f"<tr>{head}{''.join(cells)}</tr>"

    def timeline(self) -> str:
        events = self.story["timeline"]
        if not events:
            return section("timeline", "Timeline", "")
        items = "".join(
            f"<li><strong>{esc(e['date'])}</strong> — {esc(e['what'])} "
            f'<span class="muted">({self.who(e["article_ids"])})</span></li>'
            for e in events
        )
        return section("timeline", "Timeline",
                       f'{timeline_svg(events, self.anchors)}\n<ol class="events">{items}</ol>')

    def quotes(self) -> str:
        return section("quotes", "Quote ledger", "\n".join(
            self.quote(q) for q in ledger(self.story)))

    def quote(self, quote: Json) -> str:
        speaker = esc(quote["speaker"]) if quote["speaker"] else "<em>Unattributed</em>"
        rows = [
            tr(esc(self.view.label(c["article_id"])),
               f'<span class="badge match-{esc(c["match"])}">{esc(c["match"])}</span>',
               esc(cue_of(c)), self.link(c, f"“{esc(c['text'])}”"))
            for c in quote["carriers"]
        ]
        return (
            f'<div class="quote"><h3>{speaker} <span class="badge">{esc(quote["kind"])}</span>'
            f'</h3><blockquote>{esc(quote["text"])}</blockquote>'
            f'{table(["Outlet", "Match", "Cue", "Words as carried"], rows)}</div>'
        )

    def people(self) -> str:
        rows = [
            tr(f"<strong>{esc(p['name'])}</strong>", esc(", ".join(p["aliases"]) or "—"),
               "<br>".join(f"{esc(qualified(r['role'], r['qualifier']))} — "
                           f"{self.who(r['article_ids'])}" for r in p["roles"]) or "—")
            for p in self.story["people"]
        ]
        return section("people", "People",
                       table(["Name", "Also called", "Roles (who says so)"], rows) if rows else "")

    def reliability(self) -> str:
        rows = [self.reliability_row(r) for r in self.story["reliability"]]
        header = ["Outlet", "Score", "Corroborated", "Contradicted", "Single-source", "Reasons"]
        return section("reliability", "Reliability", table(header, rows) if rows else "")

    def reliability_row(self, item: Json) -> str:
        flag = ' <span class="badge flag">flagged</span>' if item["flagged"] else ""
        score = float(item["score"])
        reasons = "".join(f"<li>{esc(r)}</li>" for r in item["reasons"])
        return tr(
            esc(self.view.label(item["article_id"])) + flag,
            f'<meter min="0" max="1" value="{score:.2f}"></meter> {fmt_score(score)}',
            esc(item["corroborated"]), esc(item["contradicted"]), esc(item["single_source"]),
            f"<ul>{reasons}</ul>" if reasons else "—",
            cls="flagged" if item["flagged"] else "",
        )

    def duplicates(self) -> str:
        ids = {a["id"] for a in self.view.articles}
        rows = [
            tr("exact" if g["exact"] else "near", esc(self.view.label(g["canonical"])),
               ", ".join(f"{esc(self.view.label(m['article_id']))} "
                         f"({fmt_score(m['similarity'])})"
                         for m in g["members"] if m["article_id"] != g["canonical"]) or "—")
            for g in self.view.report["duplicate_groups"]
            if g["canonical"] in ids or any(m["article_id"] in ids for m in g["members"])
        ]
        return section("duplicates", "Copies (count as one source)",
                       table(["Copy", "Canonical", "Copies (similarity)"], rows) if rows else "")

    def failures(self) -> str:
        rows = [tr(esc(f["stage"]), esc(f["source"]), esc(f["error"]), esc(f["message"]))
                for f in self.view.report["failures"]]
        return section("failures", "Failures",
                       table(["Stage", "Source", "Error", "Message"], rows) if rows else "")

    def articles(self) -> str:
        flagged = {r["article_id"] for r in self.story["reliability"] if r["flagged"]}
        parts = [self.article(a, a["id"] in flagged) for a in self.view.articles]
        return section("articles", "Articles", "\n".join(parts))

    def article(self, article: Json, flagged: bool) -> str:
        i = self.anchors.index[article["id"]]
        flag = ' <span class="badge flag">flagged</span>' if flagged else ""
        if article["meta"].get("not_read"):
            flag += ' <span class="badge">not read</span>'
        meta = [esc(article["source"])]
        url = article["url"] or ""
        if url.startswith(("http://", "https://")):
            meta.append(f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{esc(url)}</a>')
        if article["language"]:
            meta.append(esc(article["language"]))
        if article["meta"].get("not_read"):
            meta.append(esc(f"not read: {article['meta']['not_read']}"))
        return (
            f'<details class="article" id="article-{i}"><summary>'
            f"<strong>{esc(self.view.label(article['id']))}</strong> — "
            f"{esc(article['title'] or 'untitled')} "
            f'<span class="muted">{esc(article["published"] or "undated")}</span>{flag}'
            f'</summary>\n<p class="muted">{" · ".join(meta)}</p>\n'
            f'<div class="text">{article_text(article, self.anchors)}</div></details>'
        )
