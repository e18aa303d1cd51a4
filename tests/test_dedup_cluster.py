from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from wirecheck.stages.cluster import StoryClusterer, same_story_similarity
from wirecheck.stages.dedup import DuplicateGrouper
from wirecheck.types import Article, DuplicateGroup, Paragraph

WORDS = ("harbour bridge council engineer inspection collapse injured hospital mayor inquiry "
         "ferry wages union strike vote agreement election budget school teachers river flood "
         "rain warning police arrest court trial minister airport runway delay storm").split()


def make(aid: str, text: str, published: str = "2025-10-14", title: str = "") -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, paragraphs=(Paragraph(0, len(text)),),
                   title=title, published=published)


def prose(seed: int, n: int = 160) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + ("." if i % 12 == 11 else "") for i in range(n))


def groups(articles: list[Article]) -> list[DuplicateGroup]:
    return list(DuplicateGrouper().run({"article": articles}))


def test_exact_and_near_copies_group_with_their_canonical() -> None:
    wire = prose(1)
    near = "Share this story. " + wire[: int(len(wire) * 0.9)] + " (Meridian Press)"
    other = prose(2)
    found = groups([make("copy", near, "2025-10-15"), make("wire", wire),
                    make("exact", wire, "2025-10-15"), make("other", other)])
    assert len(found) == 1
    (group,) = found
    assert group.canonical == "wire"
    sims = {m.article_id: m.similarity for m in group.members}
    assert set(sims) == {"wire", "exact", "copy"}
    assert sims["exact"] == 1.0 and 0.6 <= sims["copy"] < 1.0
    assert not group.exact


def test_no_chaining_every_member_is_checked_against_the_canonical() -> None:
    base = prose(3, 300).split()
    # each step replaces a further fifth of the words: neighbours are close, ends are not
    steps = []
    for k in range(5):
        words = list(base)
        for i in range(0, len(words) * k // 5):
            words[i] = f"w{k}{i}"
        steps.append(make(f"s{k}", " ".join(words), f"2025-10-1{k}"))
    for group in groups(steps):
        canonical = next(a for a in steps if a.id == group.canonical)
        for member in group.members:
            assert member.similarity >= 0.6, (canonical.id, member)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.3, 1.0))
def test_duplicate_relation_does_not_depend_on_order(seed: int, keep: float) -> None:
    a = prose(seed)
    b = a[: int(len(a) * keep)]
    forward = groups([make("a", a), make("b", b)])
    backward = groups([make("b", b), make("a", a)])
    as_sets = [{frozenset(m.article_id for m in g.members) for g in x}
               for x in (forward, backward)]
    assert as_sets[0] == as_sets[1]


def test_stories_split_events_and_copies_follow_their_canonical() -> None:
    bridge = [
        make("b1", "The Kestrel footbridge collapsed in Port Amberley; 14 people were injured "
             "and engineers blamed corroded joints on the northern span.", title="Bridge falls"),
        make("b2", "Engineers said corroded joints on the northern span of the Kestrel "
             "footbridge caused the collapse that injured 14 people.", title="Footbridge collapse"),
    ]
    ferry = [
        make("f1", "Ferry workers in Port Amberley voted to accept a pay agreement ending a "
             "strike over wages and rosters.", title="Ferry pay deal"),
        make("f2", "The ferry union accepted the wages agreement after a vote; the strike over "
             "rosters in Port Amberley is over.", title="Ferry strike ends"),
    ]
    copy = make("b1copy", bridge[0].text, "2025-10-15")
    dups = groups([*bridge, *ferry, copy])
    stories = list(StoryClusterer().run({"article": [*bridge, *ferry, copy],
                                         "duplicate_group": dups}))
    assert sorted(sorted(s.article_ids) for s in stories) == [
        ["b1", "b1copy", "b2"], ["f1", "f2"]]
    assert same_story_similarity(bridge[0], bridge[1]) > same_story_similarity(bridge[0], ferry[0])


def test_articles_outside_the_time_window_start_a_new_story() -> None:
    text = prose(9)
    stories = list(StoryClusterer().run({
        "article": [make("x", text, "2025-01-01"), make("y", text + " more", "2025-03-01")],
        "duplicate_group": []}))
    assert len(stories) == 2
