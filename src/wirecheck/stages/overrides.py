"""A person's story merges and splits, applied after clustering on every run, oldest first."""

from __future__ import annotations

from collections.abc import Iterable

from ..ids import content_id
from ..pipeline import Bundle, GlobalStage
from ..types import Item, Override, Story


def story_of(article_ids: Iterable[str], titles: dict[str, str]) -> Story:
    ids = tuple(article_ids)
    return Story(id=content_id("story", *sorted(ids)), article_ids=ids,
                 title=next((titles[a] for a in ids if titles.get(a)), ""))


def apply(stories: list[Story], override: Override, titles: dict[str, str]) -> list[Story]:
    chosen = set(override.article_ids)
    touched = [s for s in stories if chosen & set(s.article_ids)]
    kept = [s for s in stories if s not in touched]
    if override.action == "merge":
        merged = [a for s in touched for a in s.article_ids]
        return [*kept, story_of(merged, titles)] if merged else kept
    rest = [story_of([a for a in s.article_ids if a not in chosen], titles) for s in touched]
    moved = [a for s in touched for a in s.article_ids if a in chosen]
    return [*kept, *(s for s in rest if s.article_ids), story_of(moved, titles)]


class StoryOverrider(GlobalStage):
    name = "overrides"
    requires = ("article", "story", "override")
    provides = ("story",)

    def run(self, data: Bundle) -> Iterable[Item]:
        titles = {a.id: a.title or "" for a in data["article"]}
        stories: list[Story] = list(data["story"])
        for override in sorted(data["override"], key=lambda o: (o.at, o.id)):
            stories = apply(stories, override, titles)
        yield from stories
