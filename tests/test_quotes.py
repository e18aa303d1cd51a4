import html
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirecheck.ids import content_id
from wirecheck.nlp.spacy_backend import analyse
from wirecheck.stages.quotes import QuoteExtractor
from wirecheck.text.names import same_person
from wirecheck.text.quotemarks import find_quoted
from wirecheck.types import Article, Paragraph, Quote

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
HARBOUR = Path(__file__).resolve().parents[1] / "examples" / "harbour-bridge"


# -- building articles -------------------------------------------------------------------------

def make_article(*blocks: str | tuple[str, str], id: str = "a1", **meta: object) -> Article:
    """An article from paragraphs (text, or (kind, text)), joined by blank lines."""
    text, paragraphs = "", []
    for block in blocks:
        kind, body = block if isinstance(block, tuple) else ("p", block)
        body = " ".join(body.split())
        if not body:
            continue
        text += "\n\n" if text else ""
        paragraphs.append(Paragraph(len(text), len(text) + len(body), kind))  # type: ignore[arg-type]
        text += body
    return Article(id=id, source=id, text=text, paragraphs=tuple(paragraphs), meta=dict(meta))


def crude_kind(line: str) -> str:
    short = len(line) < 80 and not line.rstrip().endswith((".", "!", "?", '"', "\u201d", ":"))
    return "heading" if short else "p"


def load_text(path: Path, **meta: object) -> Article:
    lines = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
    return make_article(*[(crude_kind(line), line) for line in lines], id=path.stem[:3]
                        if path.parent.name == "seeds" else path.stem, **meta)


BLOCK = re.compile(r"<(h[1-6]|p|li|figcaption)\b[^>]*>(.*?)</\1>", re.S | re.I)


def load_html(path: Path) -> Article:
    raw = path.read_text("utf-8")
    blocks = []
    for tag, inner in BLOCK.findall(raw):
        kind = {"li": "list", "figcaption": "caption"}.get(tag.lower(), "p")
        blocks.append(("heading" if tag.lower().startswith("h") else kind,
                       html.unescape(re.sub(r"<[^>]+>", "", inner))))
    published = re.search(r'published_time" content="([^"]+)"', raw)
    return make_article(*blocks, id=path.stem,
                        **({"event_date": published.group(1)[:10]} if published else {}))


def load_jsonl(path: Path) -> list[Article]:
    articles = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            articles.append(make_article(*record["text"].split("\n\n"), id=record["id"],
                                         event_date=record.get("published")))
    return articles


def load_corpus(folder: Path) -> dict[str, Article]:
    articles: list[Article] = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".txt":
            articles.append(load_text(path, event_date="2025-12-19")
                            if folder == SEEDS else load_text(path))
        elif path.suffix == ".html":
            articles.append(load_html(path))
        elif path.suffix == ".jsonl":
            articles.extend(load_jsonl(path))
    return {a.id: a for a in articles}


# -- lenient matching ----------------------------------------------------------------------------

def words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.findall(r"[a-z0-9]+(?:['-][a-z0-9]+)*", text)


def contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def quote_matches(expected: str, extracted: str) -> bool:
    e, x = words(expected), words(extracted)
    return contains(x, e) or (len(x) >= 3 and contains(e, x))


def has_quote(quotes: list[Quote], speaker: str, text: str) -> bool:
    return any(q.speaker and same_person(speaker, q.speaker) and quote_matches(text, q.text)
               for q in quotes)


@pytest.fixture(scope="session")
def extractor() -> QuoteExtractor:
    return QuoteExtractor()


def quotes_of(extractor: QuoteExtractor, article: Article) -> list[Quote]:
    return [q for q in extractor.process(article) if isinstance(q, Quote)]


# -- quotation marks -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    'Lee said: "We will rebuild the bridge."',
    "Lee said: \u201cWe will rebuild the bridge.\u201d",
    "Lee said: \u00abWe will rebuild the bridge.\u00bb",
    "Lee said: \u201eWe will rebuild the bridge.\u201c",
    "Lee said: \u00bbWe will rebuild the bridge.\u00ab",
    "Lee said: \u2018We will rebuild the bridge.\u2019",
])
def test_every_mark_style(extractor: QuoteExtractor, text: str) -> None:
    article = make_article("Mayor Ann Lee spoke on Monday.", text)
    quote = next(q for q in quotes_of(extractor, article) if q.kind == "direct")
    assert quote.text == "We will rebuild the bridge."
    assert article.text[quote.span.start:quote.span.end] == quote.text
    assert quote.speaker == "Ann Lee" and quote.cue == "said"


def test_apostrophes_are_not_marks() -> None:
    article = make_article("We\u2019re told Rubio's aides and the students' union met at "
                           "Islamabad\u2019s office; it was \u201cfine,\u201d he said.")
    found = find_quoted(article)
    assert [article.text[s:e] for f in found for s, e in f.pieces] == ["fine"]


def test_headline_single_quotes_in_a_paragraph() -> None:
    article = make_article("\u2018Grateful to Pakistan\u2019: US on Islamabad\u2019s "
                           "\u2018offer\u2019 to send troops")
    texts = [article.text[s:e] for f in find_quoted(article) for s, e in f.pieces]
    assert texts == ["Grateful to Pakistan", "offer"]


def test_headings_are_skipped(extractor: QuoteExtractor) -> None:
    article = make_article(("heading", "Minister says, \u2018not our job\u2019"),
                           "The minister, Ishaq Dar, spoke on Friday.")
    assert quotes_of(extractor, article) == []


def test_quote_over_several_paragraphs(extractor: QuoteExtractor) -> None:
    article = make_article(
        "Mayor Ann Lee said on Monday: \u201cWe will rebuild the bridge.",
        "\u201cIt will take two years, and it will cost what it costs.\u201d",
        "The council meets on Friday.")
    quotes = [q for q in quotes_of(extractor, article) if q.kind == "direct"]
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We will rebuild the bridge.", "Ann Lee"),
        ("It will take two years, and it will cost what it costs.", "Ann Lee")]
    for q in quotes:
        assert article.text[q.span.start:q.span.end] == q.text


def test_unclosed_mark_runs_to_paragraph_end(extractor: QuoteExtractor) -> None:
    article = make_article("Lee said, \u201cWe will rebuild the bridge.", "Next paragraph here.")
    quote = next(q for q in quotes_of(extractor, article) if q.kind == "direct")
    assert quote.text == "We will rebuild the bridge."


@pytest.mark.parametrize("text", [
    '"', "\u201d\u201c", "He said \u201c", "\u2018", "'", "\u00ab\u00bb", 'a " b " c "',
    "\u201c\u201c\u201c nested \u201d\u201d", "It\u2019s 5' tall", "\u201e\u201c\u201d\u201e",
])
def test_stray_marks_never_crash(extractor: QuoteExtractor, text: str) -> None:
    article = make_article(text, "Rubio said \u201cok\u201d.")
    for quote in quotes_of(extractor, article):
        assert 0 <= quote.span.start <= quote.span.end <= len(article.text)


# -- kinds and speakers --------------------------------------------------------------------------

def test_partial_quote_inside_a_paraphrase(extractor: QuoteExtractor) -> None:
    article = make_article("Pakistani Foreign Minister Ishaq Dar said last month that while "
                           "Pakistan could consider peacekeeping contributions, disarming Hamas "
                           "\u201cis not our job.\u201d")
    quote = next(q for q in quotes_of(extractor, article) if q.kind != "indirect")
    assert (quote.kind, quote.text, quote.speaker) == ("partial", "is not our job.", "Ishaq Dar")


def test_pronoun_surname_and_description(extractor: QuoteExtractor) -> None:
    article = make_article(
        "US Secretary of State Marco Rubio spoke on Friday.",
        '"We are grateful to Pakistan," he said.',
        '"We owe them answers," Rubio continued.',
        "Pakistan's Foreign Office spokesperson, Tahir Hussain Andrabi, spoke on Thursday.",
        '"No decision has been taken," the spokesperson added.',
        '"We will see," Andrabi was quoted as saying.')
    found = {q.text: (q.speaker, q.cue) for q in quotes_of(extractor, article)
             if q.kind == "direct"}
    assert found["We are grateful to Pakistan"] == ("Marco Rubio", "said")
    assert found["We owe them answers"] == ("Marco Rubio", "continued")
    assert found["No decision has been taken"] == ("Tahir Hussain Andrabi", "added")
    assert found["We will see"][0] == "Tahir Hussain Andrabi"


def test_speaker_from_a_colon_sentence_before(extractor: QuoteExtractor) -> None:
    article = make_article("Senator Jane Okafor said:", "\u201cThe vote will go ahead.\u201d")
    quote = next(q for q in quotes_of(extractor, article) if q.kind == "direct")
    assert quote.speaker == "Jane Okafor"


def test_indirect_quotes(extractor: QuoteExtractor) -> None:
    article = make_article(
        "Mayor Ann Lee said on Monday that the bridge will reopen in May.",
        "According to Reuters, the council has approved the budget.",
        "Lee told reporters that repairs would cost 4 million pounds.",
        "She added that no one was hurt.",
        "The argument also drew the ire of Justice Antonin Reed who said he was whipsawed by "
        "the claims.")
    found = {q.text: q.speaker for q in quotes_of(extractor, article) if q.kind == "indirect"}
    assert found["he was whipsawed by the claims"] == "Antonin Reed"  # not "the ire"
    assert found["the bridge will reopen in May"] == "Ann Lee"
    assert found["the council has approved the budget"] == "Reuters"
    assert found["repairs would cost 4 million pounds"] == "Ann Lee"
    assert found["no one was hurt"] == "Ann Lee"


def test_the_subject_of_a_passive_speech_verb_is_no_speaker(extractor: QuoteExtractor) -> None:
    article = make_article(
        "Three were admitted to St Brigid's General Hospital in serious condition.",
        "Ariel Quiros was accused of using $50 million for personal expenses.",
        "Mayor Ann Lee said that the bridge will reopen in May.")
    speakers = {q.speaker for q in quotes_of(extractor, article)}
    assert "Ann Lee" in speakers
    assert not speakers & {"Three", "Ariel Quiros"}


@pytest.mark.parametrize(("blocks", "speaker"), [
    pytest.param((  # two people of one surname: the one the article names most, then first
        "Donald Trump assumed the nation\u2019s highest office Friday as the 45th president. "
        "Melania Trump held the Bible. In blunt terms, Trump on Friday lamented the jobs lost to "
        "foreign rivals. \u201cThis American carnage stops right here and stops right now,"
        "\u201d Trump said. Trump cast his presidency as a return to power for the people.",),
        "Donald Trump", id="lone surname: named first, not the longer name"),
    pytest.param((  # a first name alone counts for the full name it begins
        "Hillary released eight years of tax returns on Friday. Bill Clinton earned most of the "
        "money from speeches, and Bill Clinton also wrote books. Hillary Clinton paid a rate of "
        "35.7 percent.",
        "\u201cWe\u2019ve come a long way from my days going door to door,\u201d Clinton said in "
        "a statement."), "Hillary Clinton", id="lone surname: named most, first name counts"),
    pytest.param((  # the second "he" is the first one, not the subject of what he said
        "The video shows Bruce Braley speaking to lawyers. Braley says he would want to serve "
        "on the Judiciary Committee. He said Chuck Grassley, though, would likely become "
        "chairman of that committee.",
        "\u201cTo put this in stark contrast, you may have someone with your background on "
        "the committee,\u201d he said."), "Bruce Braley", id="he who said a clause"),
    pytest.param((  # "he" is the attorney the article does not name, not Trey Gowdy
        "Trey Gowdy said the firing was overdue.",
        "Strzok\u2019s attorney, meanwhile, blasted the bureau on Monday, saying the deputy "
        "director reversed the decision.",
        "He added, \u201cA lengthy investigation failed to produce a shred of evidence.\u201d"),
        None, id="he after an unnamed title"),
    pytest.param((  # the subject of a gerund is not who "he" refers back to
        "Paul Ryan defended Mitt Romney. Ryan first told a humanizing story about Romney caring "
        "for a family whose children were in a car crash, a story prepared to push back against "
        "the portrait of Romney as uncaring. And he then added: \u201cWith respect to that "
        "quote, I think the vice president very well knows that sometimes the words don't come "
        "out right.\u201d",),
        "Paul Ryan", id="he after a gerund's subject"),
    pytest.param((  # "the president" is not the vice president
        "President Barack Obama unveiled the plan on Wednesday. Vice President Joe Biden led "
        "the task force that drew it up. \u201cIf there's even one life that can be saved, "
        "then we've got an obligation to try,\u201d said the president.",),
        "Barack Obama", id="the president, not the vice president"),
    pytest.param((  # the person a "who" is the subject for is a subject too
        "Judge Ann Lee questioned the lawyers. The argument also drew the ire of Judge Tobin "
        "Reed, who "
        "said he was whipsawed by the claims. \u201cIf somebody tells you how to use "
        "discretion, you don't have discretion,\u201d he said.",),
        "Tobin Reed", id="he after a who"),
    pytest.param((  # after "That did not satisfy X.", "he" is X
        "Mr. Sellers responded that the managers were given broad discretion. That did not "
        "satisfy Judge Tobin Reed. \u201cIf somebody tells you how to use discretion,\u201d "
        "he said, \u201cyou don\u2019t have discretion.\u201d",),
        "Tobin Reed", id="he after that did not satisfy"),
    pytest.param((  # after another subject, the person named before it
        "Mr. Tobin Reed spoke at length. The crowd cheered for Ann Lee. \u201cWe will win,"
        "\u201d he said.",), "Tobin Reed", id="he after the crowd cheered for"),
])
def test_who_said_the_quotation(extractor: QuoteExtractor, blocks: tuple[str, ...],
                                speaker: str | None) -> None:
    quote = next(q for q in quotes_of(extractor, make_article(*blocks)) if q.kind == "direct")
    assert quote.speaker == speaker


def test_whom_a_message_went_to_is_not_what_it_said(extractor: QuoteExtractor) -> None:
    """"wrote to the council" names who was addressed; "pointed to the cracks" what was said."""
    article = make_article(
        "The neighbours' association said it had written to the council last month.",
        "Ann Lee pointed to the cracks in the paving at the northern end.")
    found = {q.text for q in quotes_of(extractor, article) if q.kind == "indirect"}
    assert "the council" not in found
    assert any("the cracks in the paving" in text for text in found)


def test_names_in_marks_are_not_quotes(extractor: QuoteExtractor) -> None:
    article = make_article("Officials plan a \u201cBoard of Peace\u201d and Trump\u2019s "
                           "\u201cAmerica First\u201d agenda, Lee said on Monday.")
    assert [q for q in quotes_of(extractor, article) if q.kind != "indirect"] == []


def test_ids_and_spans(extractor: QuoteExtractor) -> None:
    article = make_article('"We will rebuild," Mayor Ann Lee said on Monday.')
    quotes = quotes_of(extractor, article)
    assert quotes
    for q in quotes:
        assert q.id == content_id(article.id, q.span.start, q.span.end, extractor.extractor)
        assert q.extractor == "quotes.v1" and q.article_id == article.id


def test_a_continued_quotation_keeps_its_speaker(extractor: QuoteExtractor) -> None:
    article = make_article("\u201cWe will rebuild,\u201d Mayor Ann Lee said on Monday. "
                           "\u201cIt will take two years.\u201d",
                           "\u201cAnd it will cost what it costs.\u201d")
    direct = [q for q in quotes_of(extractor, article) if q.kind == "direct"]
    assert {q.text: q.speaker for q in direct} == {
        "We will rebuild": "Ann Lee", "It will take two years.": "Ann Lee",
        "And it will cost what it costs.": "Ann Lee"}
    # named in its own paragraph, or carried over from the paragraph before
    assert {q.text: q.carried for q in direct} == {
        "We will rebuild": False, "It will take two years.": False,
        "And it will cost what it costs.": True}


def test_odd_paragraphs(extractor: QuoteExtractor) -> None:
    text = 'Mayor Ann Lee said on Monday: "We will rebuild."'
    bare = Article(id="bare", source="bare", text=text, paragraphs=())
    assert [q.text for q in quotes_of(extractor, bare) if q.kind == "direct"] == [
        "We will rebuild."]
    broken = Article(id="broken", source="broken", text=text,
                     paragraphs=(Paragraph(0, 10_000), Paragraph(-5, 3, "heading")))
    for quote in quotes_of(extractor, broken):
        assert 0 <= quote.span.start <= quote.span.end <= len(text)


def test_two_apostrophes_are_a_double_mark(extractor: QuoteExtractor) -> None:
    article = make_article("Economists were unimpressed. ''This isn't tax reform,'' said "
                           "Douglas Holtz-Eakin, an economist. He added that it was ''a "
                           "misguided approach.''")
    direct = [q for q in quotes_of(extractor, article) if q.kind == "direct"]
    assert [(q.text, q.speaker) for q in direct] == [("This isn't tax reform",
                                                      "Douglas Holtz-Eakin")]
    partial = [q.text for q in quotes_of(extractor, article) if q.kind == "partial"]
    assert partial == ["a misguided approach."]


@pytest.mark.parametrize(("blocks", "quote", "speaker"), [
    (["\u201cTrump must stop portraying Latinos as gangsters.\u201d \u2015 Carla Sanchez"],
     "Trump must stop portraying Latinos as gangsters.", "Carla Sanchez"),
    (['"The whole idea needs to stop."', "-Michelle Marks, Philadelphia."],
     "The whole idea needs to stop.", "Michelle Marks"),
    (['"He would be a great senator," Rep. Elijah E. Cummings (D-Md.) said in an interview.'],
     "He would be a great senator", "Elijah E. Cummings"),
    (["\u201cIt is a good deal,\u201d Tulsa police Chief Chuck Jordan said on Monday."],
     "It is a good deal", "Chuck Jordan"),
    (["Sam Lau, a party spokesman, said in a statement. \u201cThere are no paper ballots to "
      "recount.\u201d"], "There are no paper ballots to recount.", "Sam Lau"),
    (["After Jerry Brown criticized her, Hillary Clinton shot back, \u201cI chose to fulfill my "
      "profession.\u201d"], "I chose to fulfill my profession.", "Hillary Clinton"),
    (["\u201cLet\u2019s go. We can stop gun violence.\u2019 Senator Amy Klobuchar wrote on "
      "Tuesday."], "Let\u2019s go. We can stop gun violence.", "Amy Klobuchar"),
    (["\u201cYou care even when \u201cyour team\u201d is wrong,\u201d said Senator Jane Okafor."],
     "You care even when \u201cyour team\u201d is wrong", "Jane Okafor"),
])
def test_speakers_found_off_the_parse(extractor: QuoteExtractor, blocks: list[str], quote: str,
                                      speaker: str) -> None:
    article = make_article(*blocks)
    found = {q.text: q.speaker for q in quotes_of(extractor, article) if q.kind == "direct"}
    assert found.get(quote) == speaker, found


@pytest.mark.parametrize("tag", ["Adam Schiff said in Washington, D.C.,",
                                 "Mr. Schiff said,",  # a title's period ends no sentence
                                 "Adam B. Schiff said,"])
def test_a_quotation_resumed_after_its_tag(extractor: QuoteExtractor, tag: str) -> None:
    article = make_article("Adam Schiff spoke.", f"\u201cWhat makes this troubling is not the "
                           f"hacking,\u201d {tag} \u201cbut the attempt to interfere with the "
                           "election.\u201d")
    found = [(a.quote.kind, a.quote.speaker, a.cue)
             for a in extractor.attributions(analyse(article)) if a.quote.kind != "indirect"]
    assert [k for k, _, _ in found] == ["direct", "direct"]
    (speaker,) = {s for _, s, _ in found}
    assert speaker in ("Adam Schiff", "Adam B. Schiff")
    assert len({c for _, _, c in found}) == 1  # one cue: one attribution


def test_transcript_lines_are_quoted_from_their_label(extractor: QuoteExtractor) -> None:
    article = make_article("Gov. Mike Pence spoke to Chris Wallace on Sunday.",
                           '"WALLACE: Will Gennifer Flowers be there?',
                           '"PENCE: Gennifer Flowers will not be attending the debate.',
                           '"But the truth is that the debate is about the issues."')
    found = [(q.text, q.speaker) for q in quotes_of(extractor, article) if q.kind == "direct"]
    assert found == [("Will Gennifer Flowers be there?", "Chris Wallace"),
                     ("Gennifer Flowers will not be attending the debate.", "Mike Pence"),
                     ("But the truth is that the debate is about the issues.", "Mike Pence")]


def test_a_dateline_is_no_label(extractor: QuoteExtractor) -> None:
    article = make_article("ISLAMABAD: Pakistan\u2019s Foreign Office said on Friday that no "
                           "decision had been taken.", "Key Challenges: security and funding.")
    assert all(q.speaker not in ("ISLAMABAD", "Key Challenges")
               for q in quotes_of(extractor, article))


def test_titles_in_marks_are_not_quotes(extractor: QuoteExtractor) -> None:
    article = make_article("Carly Fiorina wrote a memoir, \u201cTough Choices.\u201d",
                           "Marco Rubio's book is called \u201cAn American Son.\u201d")
    assert [q for q in quotes_of(extractor, article) if q.kind == "direct"] == []


def test_they_and_it_find_what_they_refer_to(extractor: QuoteExtractor) -> None:
    article = make_article(
        "The senators sent a letter to Senate leaders on Thursday.",
        '"The program has become plagued by fraud," they wrote.',
        "The statement was issued on Friday.",
        '"Measures will follow," it added.')
    speakers = {q.text: q.speaker for q in quotes_of(extractor, article) if q.kind == "direct"}
    assert speakers["The program has become plagued by fraud"] == "The senators"
    assert speakers["Measures will follow"] == "The statement"


def test_attributions_point_at_the_speaker_mention(extractor: QuoteExtractor) -> None:
    article = make_article("Mayor Ann Lee spoke on Monday.",
                           "\u201cWe will rebuild,\u201d she said, \u201cand quickly.\u201d")
    for a in extractor.attributions(analyse(article)):
        assert a.speaker is not None and a.cue is not None
        assert article.text[a.speaker.start:a.speaker.end] == "she"
        assert article.text[a.cue:a.cue + 4] == "said"


def test_missing_model_names_the_pip_command(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    from wirecheck.errors import MissingDependency
    from wirecheck.nlp import spacy_backend

    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    spacy_backend.load_nlp.cache_clear()
    try:
        with pytest.raises(MissingDependency) as info:
            spacy_backend.load_nlp()
        assert "pip install" in str(info.value)
    finally:
        monkeypatch.undo()
        spacy_backend.load_nlp.cache_clear()


def test_not_an_article_and_empty_text(extractor: QuoteExtractor) -> None:
    assert list(extractor.process("not an article")) == []
    assert list(extractor.process(make_article())) == []


PIECES = ["\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", '"', "'",
          " said ", " Rubio ", " he ", "\u2014", ", ", ". ", "\n", " Mayor Ann Lee ",
          " according to ", " that ", "?", ":", " We\u2019re "]
RANDOM_TEXT = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=30).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(RANDOM_TEXT, max_size=5))
def test_random_text_never_crashes(blocks: list[str]) -> None:
    article = make_article(*blocks)
    for quote in QuoteExtractor().process(article):
        assert isinstance(quote, Quote)
        assert article.text[quote.span.start:quote.span.end] == quote.text


# -- the founding example and the sample corpus ----------------------------------------------------

def corpus_cases(folder: Path) -> list[tuple[str, str, str, str]]:
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    cases = []
    for item in expected["quotes"]:
        for article_id in item.get("verbatim_in", []) + item.get("also_in", []):
            cases.append((article_id, item["speaker"], item["quote"], folder.name))
    return cases


def _cases(folder: Path) -> list[tuple[str, str, str, str]]:
    return corpus_cases(folder) if (folder / "expected.json").exists() else []


@pytest.fixture(scope="session")
def corpora(extractor: QuoteExtractor) -> dict[str, dict[str, list[Quote]]]:
    found = {}
    for folder in (SEEDS, HARBOUR):
        if (folder / "expected.json").exists():
            articles = load_corpus(folder)
            found[folder.name] = {i: quotes_of(extractor, a) for i, a in articles.items()}
    return found


@pytest.mark.skipif(not SEEDS.exists(), reason="the founding example (/work/shared) is absent")
@pytest.mark.parametrize(("article_id", "speaker", "quote", "corpus"), _cases(SEEDS))
def test_seed_quotes(corpora: dict[str, dict[str, list[Quote]]], article_id: str, speaker: str,
                     quote: str, corpus: str) -> None:
    assert has_quote(corpora[corpus][article_id], speaker, quote), (article_id, speaker, quote)


@pytest.mark.skipif(not HARBOUR.exists(), reason="the sample corpus is absent")
@pytest.mark.parametrize(("article_id", "speaker", "quote", "corpus"), _cases(HARBOUR))
def test_harbour_quotes(corpora: dict[str, dict[str, list[Quote]]], article_id: str,
                        speaker: str, quote: str, corpus: str) -> None:
    assert has_quote(corpora[corpus][article_id], speaker, quote), (article_id, speaker, quote)


@pytest.mark.parametrize(("sentence", "cue"), [
    ("“The harbour will reopen on Monday,” Orla Brennan did not say.", "not say"),
    ("Orla Brennan never said the harbour would “reopen on Monday and stay open.”", "not said"),
    ("“The harbour will reopen on Monday,” Orla Brennan said.", "said"),
    # a negated verb of judging or thinking denies no words: "did not question"
    ("Orla Brennan did not question “the harbour's future as a port.”", "question"),
    # the cue whose clause holds the quotation, not a nearer one after it
    ("Orla Brennan said the ferry fire, which destroyed two boats and the ticket office at the "
     "north quay late on Saturday, is being investigated as an “act of arson,” though she did "
     "not say whether it was tied to the strike.", "said"),
])
def test_a_denied_cue_is_marked(extractor: QuoteExtractor, sentence: str, cue: str) -> None:
    """The text says the speaker did not say the words: the cue says so ("not say"), and the
    quotation is no carrier of the words (``ledger.denied``)."""
    cues = {q.cue for q in quotes_of(extractor, make_article(sentence)) if q.kind != "indirect"}
    assert cues == {cue}, cues


def test_the_governor_is_not_the_lieutenant_governor(extractor: QuoteExtractor) -> None:
    """"the governor said" of the governor, not of the "Lt. Gov." named after her."""
    article = make_article("Gov. Ann Vale spoke first on Monday. Lt. Gov. Bo Lin spoke next.",
                           "\u201cWe will rebuild the footbridge,\u201d the governor said.")
    found = {q.text: q.speaker for q in quotes_of(extractor, article) if q.kind == "direct"}
    assert list(found.values()) == ["Ann Vale"], found


def test_an_article_that_quotes_the_words_is_no_paraphrase_carrier_of_them() -> None:
    """"Dar said that while Pakistan could help, disarming Hamas “is not our job.”" is read as a
    quotation and as reported speech holding it: the ledger said the quotation was "verbatim in
    two reports; paraphrased in" the same two. A paraphrase from another article stays one."""
    from wirecheck.stages.compare import Comparer
    from wirecheck.stages.ledger import LedgerEntry
    from wirecheck.types import Quote, Span, Story

    def quote(n: int, article: str, kind: str, text: str) -> Quote:
        return Quote(f"q{n}", article, text, "Ishaq Dar", "said", kind,  # type: ignore[arg-type]
                     Span(article, 0, len(text)), "test")

    entry = LedgerEntry("disarming Hamas is not our job", "Ishaq Dar", "direct", [
        (quote(1, "a", "direct", "disarming Hamas is not our job"), "verbatim"),
        (quote(2, "b", "direct", "disarming Hamas is not our job"), "verbatim"),
        (quote(3, "a", "indirect", "while Pakistan could help, disarming Hamas is not our job"),
         "paraphrase"),
        (quote(4, "c", "indirect", "disarming Hamas is not Pakistan's job"), "paraphrase")])
    finding = Comparer._ledger_finding(Story("s", ("a", "b", "c"), "t"), entry, None)  # type: ignore[arg-type]
    sides = {side.value: side.article_ids for side in finding.sides}
    assert sides == {"verbatim": ("a", "b"), "paraphrase": ("c",)}
    assert len(finding.detail["carriers"]) == 4  # every carrier is still recorded
