import pytest
from hypothesis import HealthCheck, given, settings

from test_quotes import RANDOM_TEXT, SEEDS, load_corpus, make_article
from wirecheck.ids import content_id
from wirecheck.stages.claims import ClaimExtractor, is_hedged
from wirecheck.types import Article, Claim


@pytest.fixture(scope="session")
def extractor() -> ClaimExtractor:
    return ClaimExtractor()


def claims_of(extractor: ClaimExtractor, article: Article) -> list[Claim]:
    return [c for c in extractor.process(article) if isinstance(c, Claim)]


def test_claims_are_checkable_body_sentences(extractor: ClaimExtractor) -> None:
    article = make_article(
        ("heading", "Bridge collapse injures 14 in Port Amberley"),
        "Part of the Kestrel footbridge collapsed on Tuesday, injuring 14 people. "
        "It was a sad day. Will the bridge reopen in May?",
        ("caption", "Crews at the scene in Port Amberley on Tuesday."),
        ("list", "Shuttle buses run every ten minutes to Kestrel Quay."),
        "Nobody knows why.")
    texts = [c.text for c in claims_of(extractor, article)]
    assert texts == ["Part of the Kestrel footbridge collapsed on Tuesday, injuring 14 people.",
                     "Shuttle buses run every ten minutes to Kestrel Quay."]


def test_attribution(extractor: ClaimExtractor) -> None:
    article = make_article(
        "According to Reuters, Asim Munir may visit Washington.",
        "US Secretary of State Marco Rubio said on Friday that Pakistan offered troops.",
        "\u201cWe are grateful to Pakistan,\u201d he said on Friday.",
        "Trump announced the Gaza plan in October.",
        "Asim Munir is said to be under pressure from Washington.")
    found = {c.text: c.attribution for c in claims_of(extractor, article)}
    assert found["US Secretary of State Marco Rubio said on Friday that Pakistan offered "
                 "troops."] == "Marco Rubio"
    assert found["According to Reuters, Asim Munir may visit Washington."] == "Reuters"
    assert found["\u201cWe are grateful to Pakistan,\u201d he said on Friday."] == "Marco Rubio"
    assert found["Trump announced the Gaza plan in October."] is None
    assert found["Asim Munir is said to be under pressure from Washington."] is None


@pytest.mark.parametrize(("text", "hedged"), [
    ("He reportedly left Gaza.", True), ("Munir may visit Washington.", True),
    ("Munir is said to be under pressure.", True), ("Talks are expected to resume.", True),
    ("It appears the deal collapsed.", True), ("The deal allegedly failed.", True),
    ("Pakistan offered troops on Friday.", False), ("Mayor Ann Lee spoke.", False),
])
def test_hedges(text: str, hedged: bool) -> None:
    assert is_hedged(text) is hedged


def test_spans_and_ids(extractor: ClaimExtractor) -> None:
    article = make_article("Mayor Ann Lee said 14 people were hurt.",
                           "The bridge reportedly opened in 1998.")
    claims = claims_of(extractor, article)
    assert len(claims) == 2
    for c in claims:
        assert article.text[c.span.start:c.span.end] == c.text
        assert c.id == content_id(article.id, c.span.start, c.span.end, extractor.extractor)
    assert [c.hedged for c in claims] == [False, True]


@pytest.mark.skipif(not SEEDS.exists(), reason="the founding example (/work/shared) is absent")
def test_seed_claims(extractor: ClaimExtractor) -> None:
    articles = load_corpus(SEEDS)
    claims = {i: claims_of(extractor, a) for i, a in articles.items()}
    assert all(claims.values())
    for article_id, found in claims.items():
        article = articles[article_id]
        headings = [(p.start, p.end) for p in article.paragraphs if p.kind == "heading"]
        assert not any(s <= c.span.start < e for c in found for s, e in headings)
    andrabi = [c for c in claims["000"] if "no final decision had been taken" in c.text]
    assert [c.attribution for c in andrabi] == ["Tahir Hussain Andrabi"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RANDOM_TEXT)
def test_random_text_never_crashes(text: str) -> None:
    article = make_article(text, "Mayor Ann Lee said 14 people were hurt on Friday.")
    for claim in ClaimExtractor().process(article):
        assert isinstance(claim, Claim)
        assert article.text[claim.span.start:claim.span.end] == claim.text
