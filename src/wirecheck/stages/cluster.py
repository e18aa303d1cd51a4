"""Stories: single-pass clustering of articles in date order (after Miranda et al. 2018).

Each article (a duplicate group counts as its canonical) joins the most similar story within a
time window, or starts a new story. Similarity is the mean of two TF-IDF cosines, one over title
and body words, one over the names the text capitalises (people, places, organisations); an
article's similarity to a story is the larger of its similarity to the story's centroid and to
its closest member. Copies follow their canonical into its story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from ..ids import content_id
from ..pipeline import Bundle, GlobalStage
from ..types import Article, DuplicateGroup, Item, Story
from .dedup import article_order

# Capitalised word runs: names of people, places, organisations (single common words dropped).
IDF_DAMPING = 5.0  # see weigh()
NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\b")


def as_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def weigh(counts: np.ndarray) -> np.ndarray:
    """Sublinear term frequency times a damped IDF, rows of unit length.

    idf = 1 + log((N + K) / (df + K)): with few articles (one story dominating a small batch)
    it stays near 1, so the story's own words are not discounted; with many it nears plain IDF.
    """
    tf = np.where(counts > 0, 1.0 + np.log(np.maximum(counts, 1)), 0.0)
    df = (counts > 0).sum(axis=0)
    idf = 1.0 + np.log((len(counts) + IDF_DAMPING) / (df + IDF_DAMPING))
    weighted = tf * idf
    norms = np.linalg.norm(weighted, axis=1, keepdims=True)
    return np.asarray(weighted / np.where(norms == 0, 1.0, norms))


def words_of(article: Article) -> str:
    """Title twice (it names the event), then the body."""
    title = article.title or ""
    return f"{title}\n{title}\n{article.text}"


def names_of(article: Article) -> str:
    """Each capitalised name as one token ("Port_Amberley")."""
    text = f"{article.title or ''}\n{article.text}"
    names = [n.replace(" ", "_") for n in NAME.findall(text)
             if " " in n or n.lower() not in ENGLISH_STOP_WORDS]
    return " ".join(names) or "_"


class StoryClusterer(GlobalStage):
    name = "cluster"
    requires = ("article", "duplicate_group")
    provides = ("story",)

    def run(self, data: Bundle) -> Iterable[Item]:
        articles: list[Article] = sorted(data["article"], key=article_order)
        if not articles:
            return
        copy_of = self._copies(data["duplicate_group"])
        leaders = [a for a in articles if a.id not in copy_of]
        vectors = self._vectors(leaders)
        stories: list[list[int]] = []
        centroids: list[np.ndarray] = []
        for index in range(len(leaders)):
            best = self._best_story(index, leaders, vectors, stories, centroids)
            if best is None:
                stories.append([index])
                centroids.append(vectors[index].copy())
            else:
                stories[best].append(index)
                centroid = vectors[stories[best]].mean(axis=0)
                centroids[best] = centroid / (np.linalg.norm(centroid) or 1.0)
        by_leader = {leaders[i].id: n for n, story in enumerate(stories) for i in story}
        members: list[list[Article]] = [[] for _ in stories]
        for article in articles:
            members[by_leader[copy_of.get(article.id, article.id)]].append(article)
        for group in members:
            ids = tuple(a.id for a in group)
            yield Story(id=content_id("story", *sorted(ids)), article_ids=ids,
                        title=next((a.title for a in group if a.title), "") or "")

    def _best_story(self, index: int, leaders: list[Article], vectors: np.ndarray,
                    stories: list[list[int]], centroids: list[np.ndarray]) -> int | None:
        conf = self.settings["cluster"]
        day = as_day(leaders[index].published)
        best, best_score = None, float(conf["threshold"])
        for n, centroid in enumerate(centroids):
            if day is not None and not self._in_window(day, stories[n], leaders,
                                                       int(conf["window_days"])):
                continue
            members = vectors[stories[n]] @ vectors[index]
            score = max(float(vectors[index] @ centroid), float(members.max()))
            if score >= best_score:
                best, best_score = n, score
        return best

    @staticmethod
    def _in_window(day: date, story: list[int], leaders: list[Article], window: int) -> bool:
        days = [d for d in (as_day(leaders[i].published) for i in story) if d is not None]
        return not days or min(abs((day - d).days) for d in days) <= window

    @staticmethod
    def _vectors(articles: list[Article]) -> np.ndarray:
        """Rows of unit length whose dot product is the mean of the two cosines."""
        body = CountVectorizer(stop_words="english")
        names = CountVectorizer(token_pattern=r"\S+", lowercase=False)
        parts = [
            weigh(body.fit_transform([words_of(a) for a in articles]).toarray()),
            weigh(names.fit_transform([names_of(a) for a in articles]).toarray()),
        ]
        return np.hstack(parts) / np.sqrt(2.0)

    @staticmethod
    def _copies(groups: list[DuplicateGroup]) -> dict[str, str]:
        return {m.article_id: g.canonical for g in groups for m in g.members
                if m.article_id != g.canonical}


def same_story_similarity(a: Article, b: Article) -> float:
    """Cosine similarity of two articles' story vectors (0..1), fitted on the pair alone."""
    vectors = StoryClusterer._vectors([a, b])
    return float(vectors[0] @ vectors[1])
