"""Places that differ between aligned sentences, and the places of one thing.

A conflict of places: a place named in one sentence and a different one in the other, each absent
from the other article's whole text, neither within the other ("London" / "U.K." is a difference of
precision), neither a dateline (outlets file from different places) nor a title's ("Ambassador to
the US") nor one of a list ("from Ghana and Peru"); in sentences aligned less closely, only where
something is or happens ("arrested in Florida" / "in Texas"); and in any two sentences, the places
two articles give one thing, named by the same noun or verb and preposition ("a fundraiser in Texas"
/ "the Iowa fundraiser"; the thing placed may be a preposition's object: "left for a trip to Utah" /
"left for Iowa"), or named with the same region where WordNet knows one of them to lie outside it
("the consulate in Benghazi, Libya" / "the attack in Nebraska, Libya"), or as the one place that
differs between two lists of as many places, the others named in both ("from Ghana and Peru" / "from
Latvia and Ghana": one list), each named nowhere in the other article but in a longer name ("the
Leeds Evening Post") or in a name the tagger calls no place ("The White House declined to comment")
(``Differ.settings``); or named there, where the other place is one no other article names, where
something is or happens, and the named one every article names ("the Orlando attack" / "the massacre
in Orlando" and "the attack in Toronto"; ``_one_place``). And one place put for another in the same
words ("immunity from most U.S. lawsuits" / "… from most Oslo lawsuits", ``Differ.swapped``),
however else the articles name them."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from difflib import SequenceMatcher
from itertools import combinations, product
from typing import TYPE_CHECKING

from ...nlp.spacy_backend import analyse
from ...text.places import PAIR, named_in, outside, part_of, place_names, same_place
from ...types import Claim, Fact, Span
from ..facts import PLACE_LABELS, is_home, place_named_as_org
from .base import NOWHERE, DifferBase, Mention, first_conjunct

if TYPE_CHECKING:
    from spacy.tokens import Token

NOUN_PREP = "noun "  # the key of a noun's place through a preposition (``_related``)
# where a thing is, not who takes part in it: "a summit in Panmunjom" and "a meeting in Beijing"
# may be two meetings, "a deal with Japan" and "an agreement with Canada" not (``_related``)
WHERE = frozenset(["in", "at", "on", "near", "inside", "outside", "across"])
LOCATIVE = frozenset(["in", "at", "to", "from", "near", "into", "inside", "outside", "across"])
SAME_WORDS = 6  # words around one place put for another that two sentences share (``swapped``)


def _related(x: str, y: str) -> bool:
    """Two nouns WordNet relates: one a synonym of the other or a direct kind of it ("deal"
    is a kind of "agreement", "shot" a synonym of "shooting"). Read through a preposition of
    a party only ("a deal with Japan"; not ``WHERE``: a story's meetings in two places may be
    two meetings)."""
    from ...consistency.wordnet import entailing

    return y in entailing(x, "noun") or x in entailing(y, "noun")


class PlaceRules(DifferBase):
    """The place rules of ``Differ`` (see the module)."""

    def places(self, a: Claim, b: Claim, close: bool) -> Iterator[tuple[Mention, Mention]]:
        """The one place each of two aligned sentences names that the other article never
        names (see the module); a place of a list is none ("seized the hardwood from Ghana and
        Peru at the docks" / "… at the docks in Leeds": Peru is one of the origins, compared as
        one of a list in ``_lists_of_places``)."""
        listed = {f.id for claim in (a, b) for members in self._listed(claim) for f in members}
        only_a = [f for f in self.in_claim(a, "place") if not NOWHERE & set(f.qualifier)
                  and (close or "located" in f.qualifier) and f.id not in listed
                  and not named_in(f.value, self.texts[b.article_id])]
        only_b = [g for g in self.in_claim(b, "place") if not NOWHERE & set(g.qualifier)
                  and (close or "located" in g.qualifier) and g.id not in listed
                  and not named_in(g.value, self.texts[a.article_id])]
        if len(only_a) == 1 and len(only_b) == 1 \
                and not same_place(only_a[0].value, only_b[0].value) \
                and not part_of(only_a[0].value, only_b[0].value):
            f, g = only_a[0], only_b[0]
            yield (Mention("place", f.value.lower(), f.value, f.span,
                           self.about("where", f.span, a, b, f.span, at_verb=True)),
                   Mention("place", g.value.lower(), g.value, g.span,
                           self.about("where", g.span, b, a, g.span, at_verb=True)))

    def swapped(self, a: Claim, b: Claim) -> Iterator[tuple[Mention, Mention]]:
        """One place put for another in the same words: where the two sentences differ by one
        place each, between ``SAME_WORDS`` words or more that both give in the same order, some
        before it and some after ("other nations have immunity from most U.S. lawsuits" /
        "… from most Oslo lawsuits"; a place the tagger calls an organisation counts,
        ``_places_as_orgs``). The same words say the same thing of both places, so the places
        differ however else each article names them (not a dateline's or a title's place, nor
        one place written another way, ``same_place``, nor one within the other)."""
        words_a, words_b = self._claim_words(a), self._claim_words(b)
        if words_a is None or words_b is None:
            return
        ops = SequenceMatcher(None, [t.lower_ for t in words_a], [t.lower_ for t in words_b],
                              autojunk=False).get_opcodes()
        for n, (op, i1, i2, j1, j2) in enumerate(ops):
            if op != "replace" or not 0 < n < len(ops) - 1:
                continue
            around = [words_a[k] for k in (*range(ops[n - 1][1], i1), *range(i2, ops[n + 1][2]))]
            if sum(t.is_alpha for t in around) < SAME_WORDS:
                continue
            f = self._place_at(a, words_a[i1:i2])
            g = self._place_at(b, words_b[j1:j2])
            if f is None or g is None or same_place(f.value, g.value) \
                    or part_of(f.value, g.value):
                continue
            yield (Mention("place", f.value.lower(), f.value, f.span,
                           self.about("where", f.span, a, b, f.span, at_verb=True)),
                   Mention("place", g.value.lower(), g.value, g.span,
                           self.about("where", g.span, b, a, g.span, at_verb=True)))

    def _claim_words(self, claim: Claim) -> list[Token] | None:
        """The words of ``claim``, without punctuation ("—" / "--"), None where they cross
        tokens oddly."""
        span = self.sentence(claim)
        return None if span is None else [t for t in span if not (t.is_punct or t.is_space)]

    def _place_at(self, claim: Claim, words: list[Token]) -> Fact | None:
        """The place ``claim`` names as exactly ``words``, not a dateline's nor a title's."""
        if not len(words):
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        return next((f for f in self.in_claim(claim, "place") + self._places_as_orgs(claim)
                     if (f.span.start, f.span.end) == (start, end)
                     and not NOWHERE & set(f.qualifier)), None)

    def settings(self, claims: list[Claim]) -> Iterator[tuple[Mention, Mention, str]]:
        """Two places of one thing, however else the sentences are worded: two independent
        articles each name one place, which the other article never names, as the place of a
        thing named by the same noun ("a fundraiser in Texas" / "a January fundraiser in
        Iowa"; several things the place names: "the Iowa caucuses" / "the Ohio caucuses"; one
        title's: "president of the United States" / "president of Peru") or of the same verb
        through the same preposition ("flew to Utah" / "flew to Toronto"; "move to Oslo", which
        the tagger calls an organisation: ``_places_as_orgs``), or with the same region where
        one of them is known to lie outside it (``outside``: "Nebraska, Libya"; two places of
        one region may each be right); never a list's other places nor a dateline's,
        nor a place within the other (``part_of``), nor a place the other article names (but
        as the first words of a longer name, "the Leeds Evening Post": ``_names``; or where
        that article's one place of the thing is named by no other article and every article
        names this one: ``_one_place``) or writes another way (``same_place``). WordNet knows
        a place by its names' senses: "Paris, Texas", which it does not know, reads as outside
        Texas. Also the one place that differs between two lists anchored by their other
        places (``_lists_of_places``).
        Each pair comes with the words that say why the two places are one thing's ("the
        place of one fundraiser", "one of the places listed with Ghana")."""
        placed: dict[str, dict[tuple[str, str], list[tuple[Fact, Claim, str]]]] = {}
        for claim in claims:
            found = placed.setdefault(claim.article_id, defaultdict(list))
            for fact in self.in_claim(claim, "place") + self._places_as_orgs(claim):
                if "dateline" not in fact.qualifier:  # a title's place: the title's
                    for key, words in self._things_placed(fact):
                        found[key].append((fact, claim, words))
        for a_id, b_id in combinations(sorted(placed), 2):
            if self.sources.source_of[a_id] == self.sources.source_of[b_id]:
                continue
            for key in placed[a_id].keys() & placed[b_id].keys():
                if not key[1].startswith(NOUN_PREP):
                    yield from self._one_place(a_id, b_id, key, placed[a_id][key],
                                               placed[b_id][key])
            for ka, kb in product(placed[a_id], placed[b_id]):
                if ka[1] == kb[1] and ka[1].startswith(NOUN_PREP) and ka[0] != kb[0] \
                        and _related(ka[0], kb[0]):
                    prep = ka[1].removeprefix(NOUN_PREP)
                    yield from self._one_place(a_id, b_id, ka, placed[a_id][ka],
                                               placed[b_id][kb], f"the place of one “{ka[0]} "
                                               f"{prep}” or “{kb[0]} {prep}”")
        yield from self._lists_of_places(claims)

    def _one_place(self, a_id: str, b_id: str, key: tuple[str, str],
                   xs: list[tuple[Fact, Claim, str]], ys: list[tuple[Fact, Claim, str]],
                   why: str | None = None) -> Iterator[tuple[Mention, Mention, str]]:
        """The two places of one thing (``key``; ``xs`` in one article, ``ys`` in the other),
        where each article names one place the other does not (see ``settings``). An article
        may name the other's place elsewhere where every article names that place and the
        article's own places of the thing are named by no other article, each where something
        is or happens (``_lone``): "the gunman in Sunday morning's attack in Toronto" against
        "the Orlando attack", in an article that also tells of "the massacre in Orlando".
        (Nineteenth session, measured on the benchmark's controls: without WordNet knowing
        both places, "arrested in Plantation" against "arrested in Florida" and "the East Room"
        against "the White House", each within the other, were false alarms; without the lone
        place being where something happens, the places of one governor, office or agreement
        of two different ones: six in all.)"""
        shared_a = all(self._lone(b_id, g) for g, _, _ in ys)
        shared_b = all(self._lone(a_id, f) for f, _, _ in xs)
        only_a = {f.value.lower(): (f, c, w) for f, c, w in xs
                  if not self._names(b_id, f.value) or shared_a and self._common(f.value)}
        only_b = {g.value.lower(): (g, c) for g, c, _ in ys
                  if not self._names(a_id, g.value) or shared_b and self._common(g.value)}
        if len(only_a) != 1 or len(only_b) != 1:
            return
        (f, a, words), = only_a.values()
        (g, b), = only_b.values()
        words = why or words
        if not (shared_a and self._common(f.value)) and self._knows(b_id, f.value) \
                or not (shared_b and self._common(g.value)) and self._knows(a_id, g.value) \
                or part_of(f.value, g.value):
            return
        if key[1] == ",":  # one region: one of the two is known to lie outside it
            out = next((x.value for x in (f, g) if outside(x.value, key[0])), None)
            if out is None:
                return
            words = f"a place in {words} (WordNet knows no {out} there)"
        yield (Mention("place", f.value.lower(), f.value, f.span,
                       self.about("where", f.span, a, b, f.span, at_verb=True)),
               Mention("place", g.value.lower(), g.value, g.span,
                       self.about("where", g.span, b, a, g.span, at_verb=True)),
               words)

    def _lone(self, article_id: str, fact: Fact) -> bool:
        """A place where something is or happens ("located") that WordNet knows as a part of
        places, and no other article of the story names nor writes another way."""
        from ...consistency.wordnet import around

        return "located" in fact.qualifier and bool(around(place_names(fact.value)[0])) \
            and not any(self._knows(other, fact.value) for other in self.texts
                        if other != article_id)

    def _common(self, place: str) -> bool:
        """Every article of the story names ``place`` (``_names``), which WordNet knows as a
        part of places."""
        from ...consistency.wordnet import around

        return bool(around(place_names(place)[0])) \
            and all(self._names(article_id, place) for article_id in self.texts)

    def _places_as_orgs(self, claim: Claim) -> list[Fact]:
        """The places ``claim`` names that the tagger calls organisations, where only a place
        can be (``place_named_as_org``: "joked she might move to Oslo")."""
        article = self.sources.articles[claim.article_id]
        span = claim.span
        return [Fact(f"{article.id}:{e.start_char}", article.id, "place", "place", e.text,
                     Span(article.id, e.start_char, e.end_char), "settings", e.text)
                for e in analyse(article).doc.ents if span.start <= e.start_char < span.end
                and place_named_as_org(e)]

    def _lists_of_places(self, claims: list[Claim]) -> Iterator[tuple[Mention, Mention, str]]:
        """One list of places, one place of it changed: two independent articles each list the
        same number of places ("airing in Miami, Tampa and Fort Myers" / "ads air in Miami,
        Naples and Ft. Myers"), every place but one named in both lists (the anchor: one list),
        the one left each named nowhere in the other article, nor written another way there,
        neither within the other."""
        lists: dict[str, list[tuple[list[Fact], Claim]]] = defaultdict(list)
        for claim in claims:
            lists[claim.article_id] += [(members, claim) for members in self._listed(claim)]
        for a_id, b_id in combinations(sorted(lists), 2):
            if self.sources.source_of[a_id] == self.sources.source_of[b_id]:
                continue
            for (xs, a), (ys, b) in product(lists[a_id], lists[b_id]):
                only_a = [x for x in xs if not self._knows(b_id, x.value)]
                only_b = [y for y in ys if not self._knows(a_id, y.value)]
                if len(xs) != len(ys) or len(only_a) != 1 or len(only_b) != 1:
                    continue
                (f,), (g,) = only_a, only_b
                rest_b = [y for y in ys if y is not g]
                if part_of(f.value, g.value) or not all(
                        any(same_place(x.value, y.value) for y in rest_b)
                        for x in xs if x is not f):
                    continue
                shared = " and ".join(x.value for x in xs if x is not f)
                yield (Mention("place", f.value.lower(), f.value, f.span,
                               self.about("where", f.span, a, b, f.span, at_verb=True)),
                       Mention("place", g.value.lower(), g.value, g.span,
                               self.about("where", g.span, b, a, g.span, at_verb=True)),
                       f"one of the places listed with {shared}")

    def _listed(self, claim: Claim) -> list[list[Fact]]:
        """The lists of places ``claim`` names, places joined as conjuncts ("Miami, Tarrant and
        Fort Myers", "Leeds or York"), each of two places or more; not a dateline's or a
        title's place, a person's home ("(R-Texas)"), a place named with its region or that
        region ("Benghazi, Libya"), nor two places joined as a pair ("U.S.-North Korea")."""
        groups: dict[int, list[Fact]] = defaultdict(list)
        for fact in self.in_claim(claim, "place"):
            if NOWHERE & set(fact.qualifier) or fact.subject != "place" \
                    or PAIR.search(fact.value) or self._region(fact) is not None:
                continue
            words = self._words(fact)
            if words is None:
                continue
            token = first_conjunct(words.root)
            if token.i != words.root.i or any(t.dep_ == "conj" for t in token.children):
                groups[token.i].append(fact)
        return [members for members in groups.values()
                if len({m.value.lower() for m in members}) == len(members) >= 2]

    def _region(self, fact: Fact) -> str | None:
        """The region a place is named with, right after it ("Benghazi, Libya": "Libya")."""
        return next((g.value for g in self.facts_of[fact.article_id] if g.kind == "place"
                     and "region" in g.qualifier and g.subject == fact.value
                     and 0 < g.span.start - fact.span.end <= 3), None)

    def _knows(self, article_id: str, place: str) -> bool:
        """The article names ``place`` (``_names``), or writes it another way
        (``same_place``: "U.S." / "United States"), other than as a person's home ("Sen.
        Bernie Sanders (I-Vt.)" names no place of "the Manila senator")."""
        return self._names(article_id, place) or any(
            same_place(place, f.value) for f in self.facts_of[article_id]
            if f.kind == "place" and not is_home(f))

    def _names(self, article_id: str, place: str) -> bool:
        """The article's text names ``place`` other than as the first words of a longer name
        that is no place ("the Kansas City Star", a newspaper, names no city; "New York City"
        names New York) or inside a name the tagger calls no place ("The White House declined
        to comment": an organisation), unless the name is what a verb acts on or a place
        preposition's object ("visited Ashford", "flew to Ashford", however tagged), or as a
        person's home ("Wyoming Senate candidate Liz Cheney", "Boehner (R-Ohio)":
        ``facts.is_home``)."""
        if not named_in(place, self.texts[article_id]):
            return False
        text = self.sources.articles[article_id].text
        found = list(re.finditer(rf"(?<!\w){re.escape(place)}(?!\w)", text, re.I))
        places = [f.span for f in self.facts_of[article_id] if f.kind == "place"]
        homes = [(f.span.start, f.span.end) for f in self.facts_of[article_id]
                 if is_home(f)]
        others = homes + [(e.start_char, e.end_char) for e in analyse(
            self.sources.articles[article_id]).doc.ents if e.label_ not in PLACE_LABELS
            and not (e.root.dep_ == "dobj" or e.root.dep_ == "pobj"
                     and e.root.head.lower_ in LOCATIVE)]  # ("visited Ashford": a place)
        return not found or any((not re.match(r" [A-Z]", text[m.end():m.end() + 2]) or any(
            p.start <= m.start() and m.end() < p.end for p in places)) and not any(
            s <= m.start() and m.end() <= e for s, e in others) for m in found)

    def _things_placed(self, fact: Fact) -> Iterator[tuple[tuple[str, str], str]]:
        """What a place is the place of: a noun's lemma (any relation: "Iowa fundraiser",
        "fundraiser in Iowa"; things a place names, "Iowa caucuses", "Pennsylvania's families",
        apart from one thing's: "several"), a title's with its preposition ("president of the
        United States": "president", "of"; not "the U.S. ambassador", the one sent, against
        "the ambassador to Peru"), or a verb's lemma and the preposition ("fly", "to"); the first
        place of a list stands for the list ("from Zimbabwe and Zambia"); and the region it is
        named with ("Benghazi, Libya": "libya", ","). Not two places joined as a pair
        ("U.S.-North Korea summit": the parties, not a place). The place of one thing that is
        a verb's preposition's object is also that verb's ("left for a trip to Utah": "leave",
        "for"), and the place of a named thing a noun's ("the attack on the Harlow Consulate in
        Leeds": "attack"; "the attacks on the Harlow Consulate in Leeds", the one thing's,
        as "the Leeds attacks"; not of one thing: "an investigation into loans on a balcony in
        York", where the parser often hangs a verb's words on the noun before them). The place of
        a deed a verb's preposition names is also that verb's ("arrested for dealing heroin in
        Maine": "arrest", "in", as "dealers arrested in Maine"). Each with its
        words: "the place of one fundraiser", "the place of “born in”", the region as
        written."""
        if PAIR.search(fact.value):
            return
        region = self._region(fact)
        if region is not None:
            yield (place_names(region)[0], ","), region
        words = self._words(fact)
        if words is None:
            return
        token = first_conjunct(words.root)
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            prep, head = token.head.lower_, token.head.head
        elif token.dep_ in ("compound", "poss", "nmod", "amod"):
            prep, head = "", token.head
        else:
            return
        if "title" in fact.qualifier:  # "president of the United States": of one title only
            yield (head.lemma_.lower(), prep), f"the place of “{head.text} {prep}”"
            return
        if head.pos_ == "NOUN" and head.tag_ == "NN":
            yield (head.lemma_.lower(), ""), f"the place of one {head.lower_}"
            if prep and prep not in WHERE:  # a party's, read against a related noun's
                yield (head.lemma_.lower(), NOUN_PREP + prep), ""  # ("deal/agreement with")
        elif head.pos_ == "NOUN" and head.tag_ == "NNS" and not prep:  # one place's things
            yield (head.lemma_.lower(), "several"), f"the place of the {head.lower_}"
        elif head.pos_ == "VERB" and prep:
            yield (head.lemma_.lower(), prep), f"the place of “{head.text} {prep}”"
            outer = head.head.head  # "arrested for dealing heroin in Maine": "arrested in"
            if prep in WHERE and head.dep_ == "pcomp" and head.head.dep_ == "prep" \
                    and outer.pos_ == "VERB":
                yield (outer.lemma_.lower(), prep), f"the place of “{outer.text} {prep}”"
        if head.tag_ in ("NN", "NNP") and head.dep_ == "pobj" and head.head.dep_ == "prep":
            via, outer = head.head.lower_, head.head.head  # "left for a trip to Utah"
            if outer.pos_ == "NOUN" and outer.tag_ == "NN" and head.tag_ == "NNP":
                yield (outer.lemma_.lower(), ""), f"the place of one {outer.lower_}"
            elif outer.pos_ == "NOUN" and outer.tag_ == "NNS" and head.tag_ == "NNP":
                yield (outer.lemma_.lower(), "several"), f"the place of the {outer.lower_}"
            elif outer.pos_ == "VERB":
                yield (outer.lemma_.lower(), via), f"the place of “{outer.text} {via}”"
