"""Copies: DuplicateGrouper on syndicated copies built from BASIL at run time, with hard negatives.

The dev set is built in memory (never written): every one of the 300 BASIL articles, plus, for
a random half of them (fixed seed), one or two syndicated copies, each made by
- adding site junk lines (share buttons, newsletter and cookie lines, a copyright footer, a
  "read more" link) at the top and bottom,
- changing the headline (another outlet's wording), the outlet, the URL and the date (+0..2 days),
- dropping one body paragraph at random (articles of 4 paragraphs or more).
Hard negatives: the real articles of the same event by the other outlets (3 outlets an event).

Gold pairs: an original with each of its copies, and copies of one original with each other.
Predicted pairs: every pair of articles in one DuplicateGroup. Reports pair precision, recall,
F1, and ``same_event_merges``: pairs of real articles of one event by different outlets that
were grouped (the target is 0), and the margins: the lowest shingle Jaccard of a copy to its
original and the highest between two real articles of one event (threshold in between).
Prints one JSON line; skips where ../shared is absent.
Usage: .venv/bin/python benchmarks/dedup.py
"""

from __future__ import annotations

import json
import platform
import random
import sys
import time
from datetime import date, timedelta
from itertools import combinations

from clustering import BASIL, load_basil, make_article
from wirecheck.config import load_settings
from wirecheck.stages.dedup import DuplicateGrouper, copy_similarity
from wirecheck.types import Article

SEED = 7
JUNK_TOP = ["Share on Facebook  Share on X  Email", "Advertisement", "Skip to main content",
            "We use cookies to improve your experience. Accept all", "Listen to this article"]
JUNK_BOTTOM = ["Sign up for our daily newsletter", "Read more: The stories you may have missed",
               "Copyright 2024 Example Media Group. All rights reserved.",
               "Follow us on social media", "Related: Top stories this week", "Comments (12)"]
HEADLINES = ["What we know so far", "Here is what happened", "Latest", "Explainer",
             "Breaking", "Report"]


def copy_of(article: Article, n: int, rng: random.Random) -> Article:
    paragraphs = [article.text[p.start:p.end] for p in article.paragraphs]
    if len(paragraphs) >= 4:
        del paragraphs[rng.randrange(len(paragraphs))]
    top = rng.sample(JUNK_TOP, rng.randint(1, 3))
    bottom = rng.sample(JUNK_BOTTOM, rng.randint(1, 3))
    day = date.fromisoformat((article.published or "2020-01-01")[:10])
    published = (day + timedelta(days=rng.randint(0, 2))).isoformat()
    title = f"{rng.choice(HEADLINES)}: {article.title or ''}"[:120]
    return make_article(f"{article.source}-copy{n}", top + paragraphs + bottom, title, published,
                        outlet=f"syndicator{n}.example", url=None)


def build(rng: random.Random) -> tuple[list[Article], dict[str, str], dict[str, str]]:
    """Articles, each article's original (itself for originals), each article's event."""
    articles: list[Article] = []
    origin: dict[str, str] = {}
    event: dict[str, str] = {}
    for article, gold in load_basil():
        articles.append(article)
        origin[article.id] = article.id
        event[article.id] = gold
        if rng.random() < 0.5:
            for n in range(rng.randint(1, 2)):
                copy = copy_of(article, n, rng)
                articles.append(copy)
                origin[copy.id] = article.id
                event[copy.id] = gold
    rng.shuffle(articles)
    return articles, origin, event


def pair_scores(predicted: set[frozenset[str]], gold: set[frozenset[str]]) -> dict[str, float]:
    hit = len(predicted & gold)
    p = hit / len(predicted) if predicted else 1.0
    r = hit / len(gold) if gold else 1.0
    return {"pair_p": round(p, 4), "pair_r": round(r, 4),
            "pair_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def main() -> None:
    if not BASIL.exists():
        print(json.dumps({"benchmark": "dedup", "skipped": f"{BASIL} is absent"}))
        return
    articles, origin, event = build(random.Random(SEED))
    start = time.perf_counter()
    groups = list(DuplicateGrouper().run({"article": articles}))
    seconds = time.perf_counter() - start
    predicted = {frozenset(pair) for g in groups
                 for pair in combinations(sorted(m.article_id for m in g.members), 2)}
    ids = [a.id for a in articles]
    gold = {frozenset((a, b)) for a, b in combinations(ids, 2) if origin[a] == origin[b]}
    originals = {a for a in ids if origin[a] == a}
    merges = [sorted(pair) for pair in predicted
              if pair <= originals and len({event[x] for x in pair}) == 1]
    lookup = {a.id: a for a in articles}
    loosest = min(copy_similarity(lookup[a], lookup[origin[a]]) for a in ids if origin[a] != a)
    negatives = [(a, b) for a, b in combinations(sorted(originals), 2) if event[a] == event[b]]
    closest = max(copy_similarity(lookup[a], lookup[b]) for a, b in negatives)
    line = {"benchmark": "dedup", "machine": platform.machine(), "cores": 2,
            "python": platform.python_version(), "seed": SEED,
            "dedup_settings": load_settings()["dedup"], "articles": len(articles),
            "copies": len(articles) - len(originals), "gold_pairs": len(gold),
            "predicted_pairs": len(predicted), **pair_scores(predicted, gold),
            "same_event_merges": len(merges), "same_event_pairs": len(negatives),
            "loosest_copy_jaccard": round(loosest, 4),
            "closest_same_event_jaccard": round(closest, 4), "seconds": round(seconds, 3)}
    if "-v" in sys.argv:
        for pair in sorted(gold - predicted, key=sorted):
            print("missed", sorted(lookup[x].source for x in pair), file=sys.stderr)
        for pair in sorted(predicted - gold, key=sorted):
            print("false", sorted(lookup[x].source for x in pair), file=sys.stderr)
    print(json.dumps(line))


if __name__ == "__main__":
    main()
