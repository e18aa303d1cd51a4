"""The brief of a story assembled: each section's candidates, filled within the word budget, in
the order of ``TITLES``, under a headline; and briefs composed again from a store."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ...config import Settings, load_settings
from ...errors import WirecheckError
from ...ids import content_id
from ...pipeline import Bundle, GroupStage
from ...render.words import flat, number
from ...types import Brief, Item, Section, Story
from . import composed
from .budget import TITLES, Candidate, fill, stated
from .context import Context
from .established import established


class BriefComposer(GroupStage):
    name = "brief"
    version = "v2"
    requires = ("story", "article", "duplicate_group", "claim", "finding")
    provides = ("brief",)

    def reduce(self, story: Story, bundle: Bundle) -> Iterable[Item]:
        yield compose_brief(story, bundle, self.settings)


def compose_brief(story: Story, bundle: Bundle, settings: Settings | None = None,
                  words: int | None = None, sections: Sequence[str] | None = None) -> Brief:
    """The brief of ``story`` from its bundle (``article``, ``duplicate_group``, ``claim``,
    ``finding``). ``words`` overrides ``[brief] words``; ``sections`` keeps only those sections
    (keys of ``TITLES``), which then share the whole budget."""
    settings = settings or load_settings()
    ctx = Context.build(story, bundle)
    budget = int(words if words is not None else settings["brief"]["words"])
    if budget < 1:
        raise WirecheckError(f"a brief's word budget must be 1 or more, not {budget}",
                             hint="give words=N (or [brief] words) of 1 or more")
    points = established(ctx, settings)
    makers: dict[str, Callable[[], list[Candidate]]] = {
        "established": lambda: points.candidates,
        "disputed": lambda: composed.disputed(ctx),
        "single_source": lambda: composed.single_source(ctx, points.merged),
        "quotes": lambda: composed.quotes(ctx),
        "people": lambda: composed.people(ctx),
        "timeline": lambda: composed.timeline(ctx, points.support),
        "reliability": lambda: composed.reliability(ctx)}
    wanted = [k for k in TITLES if sections is None or k in sections]
    candidates = {k: makers[k]() for k in wanted}
    chosen = fill(candidates, budget)
    if "single_source" in chosen:  # a claim the established section states is not repeated
        told = {sp for c in chosen.get("established", []) for sp in c.sentence.citations}
        for group in (candidates["single_source"], chosen["single_source"]):
            group[:] = [c for c in group if c.sentence.citations[0] not in told]
    return Brief(id=content_id("brief", story.id), story_id=story.id, headline=headline(ctx),
                 sections=tuple(Section(k, TITLES[k], stated(k, candidates[k], chosen[k], budget))
                                for k in wanted))


def headline(ctx: Context) -> str:
    """The story's title (or the best-scored report's, when a flagged report gave it) and the
    first dispute."""
    score = {f.subject: f.score for f in ctx.of["reliability"]}
    titled = [a for a in ctx.articles if a.title and a.id not in ctx.flagged]
    best = max(titled, key=lambda a: score.get(a.id, 0.0), default=None)
    head = flat(ctx.story.title)
    if not head or any(a.title == ctx.story.title for a in ctx.articles if a.id in ctx.flagged):
        head = flat(best.title if best and best.title else head) or "Untitled story"
    conflicts = ctx.conflicts()
    more = f" and {number(len(conflicts) - 1)} more" if len(conflicts) > 1 else ""
    return f"{head}; disputed: {conflicts[0].topic}{more}" if conflicts else head


def briefs_from_store(store: Any, story_ids: Sequence[str] | None = None,
                      words: int | None = None, settings: Settings | None = None,
                      ) -> dict[str, Brief]:
    """The briefs of the stories of ``store`` (all, or ``story_ids``) composed again from the
    stored items, e.g. with another word budget. Nothing is written to the store."""
    articles = {a.id: a for a in store.all("article")}
    groups, claims, findings = (store.all(k) for k in ("duplicate_group", "claim", "finding"))
    out = {}
    for story in store.all("story"):
        if story_ids is not None and story.id not in story_ids:
            continue
        ids = set(story.article_ids)
        bundle: Bundle = {
            "article": [articles[i] for i in story.article_ids if i in articles],
            "duplicate_group": [g for g in groups if ids & {m.article_id for m in g.members}],
            "claim": [c for c in claims if c.article_id in ids],
            "finding": [f for f in findings if f.story_id == story.id]}
        out[story.id] = compose_brief(story, bundle, settings, words)
    return out


def with_briefs(report: dict[str, Any], store: Any, words: int | None = None,
                settings: Settings | None = None) -> dict[str, Any]:
    """A copy of ``report`` (built from ``store``) whose stories' briefs are composed again
    within ``words`` words."""
    from ...report import brief_entry

    briefs = briefs_from_store(store, [s["id"] for s in report["stories"]], words, settings)
    return {**report, "stories": [
        {**s, "brief": brief_entry(briefs.get(s["id"]), Story(s["id"], tuple(s["article_ids"]),
                                                                s["title"]))}
        for s in report["stories"]]}
