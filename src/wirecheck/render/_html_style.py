"""The inline stylesheet and the few lines of script of the HTML page (no external resources)."""

CSS = """
:root { --ink: #1d232a; --muted: #5b6570; --line: #d6dbe0; --paper: #ffffff; --soft: #f5f6f8;
  --ok: #d7f0d9; --ok-ink: #1e6b2a; --bad: #f8d3d0; --bad-ink: #9b1c12; --quiet: #eceef1;
  --own: #dce7f7; --mark: #fff0a8; --focus: #ffc83d; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--soft); color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header, main, footer { max-width: 64rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 2rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .7rem; border-bottom: 2px solid var(--line);
  padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.story-title, .muted, footer { color: var(--muted); }
.summary { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0;
  margin: 1rem 0; }
.summary li { background: var(--paper); border: 1px solid var(--line); border-radius: 6px;
  padding: .35rem .8rem; }
.summary li.alert { border-color: var(--bad-ink); color: var(--bad-ink); }
.summary strong { font-size: 1.2rem; margin-right: .25rem; }
nav.toc { font-size: .9rem; }
nav.toc a { margin-right: .8rem; }
section.card, details.article { background: var(--paper); border: 1px solid var(--line);
  border-radius: 8px; padding: .2rem 1.2rem 1rem; margin: 1rem 0; }
ul.sentences { padding-left: 1.1rem; }
ul.sentences li { margin: .45rem 0; }
ul.sentences li.note { list-style: none; margin-left: -1.1rem; color: var(--muted);
  font-size: .88rem; font-style: italic; }
h3[class^="brief-"] { margin-top: 1.4rem; }
h3.brief-disputed { color: var(--bad-ink); }
.cites { white-space: nowrap; }
a.cite { font-size: .72rem; vertical-align: super; text-decoration: none; margin-left: .1rem; }
details.more-cites { display: inline; font-size: .72rem; vertical-align: super; }
details.more-cites summary { display: inline; cursor: pointer; color: #1f5fa8;
  list-style: none; margin-left: .2rem; }
details.more-cites summary::-webkit-details-marker { display: none; }
.support { display: inline-block; margin-left: .4rem; font-size: .72rem; font-weight: 600;
  border-radius: 999px; padding: 0 .5rem; background: var(--ok); color: var(--ok-ink);
  vertical-align: middle; white-space: nowrap; }
.support.single { background: var(--quiet); color: var(--muted); }
.callout { background: #fdecea; border: 1px solid var(--bad-ink); border-left-width: 5px;
  border-radius: 6px; padding: .6rem .9rem; margin: .2rem 0 1rem; color: var(--bad-ink); }
.callout a { color: var(--bad-ink); font-weight: 600; }
a { color: #1f5fa8; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
thead th { background: var(--soft); }
.badge { display: inline-block; font-size: .72rem; font-weight: 600; letter-spacing: .03em;
  text-transform: uppercase; border-radius: 4px; padding: 0 .4rem; background: var(--quiet);
  color: var(--muted); vertical-align: middle; }
.badge.flag { background: var(--bad); color: var(--bad-ink); }
.conflict { border-left: 4px solid var(--bad-ink); padding-left: .9rem; margin: 1rem 0; }
.side-value { font-weight: 600; }
.matrix-wrap { overflow: auto; max-height: 75vh; border: 1px solid var(--line); }
table.matrix { margin: 0; font-size: .85rem; border-collapse: separate; border-spacing: 0; }
table.matrix thead th { position: sticky; top: 0; z-index: 2; background: var(--soft);
  text-align: center; vertical-align: bottom; font-size: .8rem; min-width: 6.5rem; }
table.matrix thead th:first-child { left: 0; z-index: 3; text-align: left; }
table.matrix td { text-align: center; font-size: 1rem; width: 5.5rem; min-width: 4rem; }
table.matrix th[scope=row] { font-weight: normal; min-width: 18rem; max-width: 30rem;
  position: sticky; left: 0; z-index: 1; background: var(--paper); }
.cell-supports { background: var(--ok); color: var(--ok-ink); }
.cell-contradicts { background: var(--bad); color: var(--bad-ink); font-weight: 700; }
.cell-silent { background: var(--quiet); color: var(--muted); }
.cell-origin { background: var(--own); }
.cell-none { background: var(--paper); color: var(--muted); }
.not-independent { font-style: italic; opacity: .75; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .9rem;
  font-size: .85rem; }
.swatch { display: inline-block; min-width: 1.6rem; text-align: center; border: 1px solid
  var(--line); border-radius: 3px; margin-right: .3rem; }
svg.timeline { width: 100%; height: auto; overflow: visible; font-size: 12px; }
svg.timeline .axis { stroke: var(--ink); stroke-width: 2; }
svg.timeline .leader { stroke: var(--line); stroke-dasharray: 3 3; }
svg.timeline .dot { fill: #1f5fa8; }
svg.timeline text { fill: var(--ink); }
svg.timeline .tick { fill: var(--muted); }
svg.timeline .tick.minor { font-size: 10px; }
svg.timeline .month { stroke: var(--muted); }
svg.timeline a:hover text { text-decoration: underline; fill: #1f5fa8; }
blockquote { margin: .4rem 0; padding: .3rem .9rem; border-left: 3px solid var(--line);
  background: var(--soft); }
.match-verbatim { background: var(--ok); color: var(--ok-ink); }
.match-variant { background: var(--mark); color: #6b5200; }
.match-paraphrase { background: var(--quiet); }
tr.flagged td { background: #fdecea; }
tr.flagged td:first-child { border-left: 4px solid var(--bad-ink); font-weight: 600; }
meter { width: 5rem; }
details.article summary { cursor: pointer; padding: .7rem 0; }
details.article .text p { white-space: pre-line; }
.para-heading { font-weight: 700; }
.para-caption { font-style: italic; color: var(--muted); }
mark { background: var(--mark); padding: 0 .1rem; }
mark:target { background: var(--focus); outline: 2px solid #c98a00; }
.anchor:target + * { outline: 2px solid #c98a00; }
""".strip()

JS = """
(function () {
  function reveal(id) {
    var target = id && document.getElementById(id);
    var box = target && target.closest("details");
    if (box) { box.open = true; }
    return target;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    if (link) { reveal(link.getAttribute("href").slice(1)); }
  });
  if (location.hash) {
    var target = reveal(decodeURIComponent(location.hash.slice(1)));
    if (target) { target.scrollIntoView(); }
  }
})();
""".strip()
