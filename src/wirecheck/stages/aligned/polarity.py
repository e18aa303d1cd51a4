"""Polarity: what one sentence says is so and the other says is not.

A conflict of polarity (type ``status``): the same verb negated in one sentence and affirmed in the
other, or the verbs the two sentences assert with (the root, or what a "said" reports), in other
words ("urged" / "did not encourage"), when one sentence says "no" once more than the other; the
verb a sentence asserts with stands for its lemma over clauses under it ("the rate was not 35.7
percent, while the other was …") and over the quoted words it adds ("did not have …: “… you have
…”"), and a "there is" for the verb its noun names ("there had not been entries" / "entered"); the
verbs that introduce the same quoted words, one negated ("the letter did not conclude, “…”" / "“…,”
the letter stated"); two sentences whose asserted clauses (what the verb they assert with says,
without an attribution "according to …" or the "X said" that reports it) are nearly the same in
their words compare those verbs even when one is "is" or "has" ("the plan does not have three aims —
…" / "she said her plan was guided by three aims: …"), unless both are; the purpose of a negated
verb is not done ("was not at the office to have lunch with Reed": "not have"), an affirmed verb's
purpose is not said to be done ("went there to meet him"), and what is wanted or sought is not done
(yet: "have sought for weeks to question Reed" / "Reed has been questioned"; not what is tried,
which may have succeeded, nor planned, nor not wanted); in closely aligned sentences that are not
the same statement, one deed each asserts (its verb, the purpose of its negated verb, or what it
seeks), the same verb with the same object (what it is done to) in the same tense ("did not" /
"will"), negated in one only ("was not there to have lunch with Reed" / "Reed had lunch with her");
a deed sought compares so though neither sentence says "no" in a word; in sentences aligned less
closely, one deed (the same named doer, verb and object) negated in one of them only ("Braley did
not apologize to Grassley" / "Braley apologized to Grassley in person")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ...nlp.spacy_backend import analyse
from ...text.names import SPEECH
from ...text.quotemarks import find_quoted
from ...text.similarity import content_words, overlap_score
from ...types import Claim, Span
from ..facts import NEGATORS
from .base import LIGHT_VERBS, NEARLY_SAME, QUOTE_MARKS, DifferBase, Mention, first_conjunct

if TYPE_CHECKING:
    from spacy.tokens import Token

# words that say "no" without a negation: polarity is then a matter of wording, not compared
NEGATIVE_WORDS = frozenset(["decline", "refuse", "deny", "fail", "reject", "avoid", "lack",
                            "oppose", "prevent", "refrain", "halt", "stop", "bar", "ban",
                            "exclude", "dismiss", "unable", "nobody", "none", "nothing",
                            "nowhere", "hardly", "barely", "impossible", "absence", "refusal"])
NEGATING = ("det", "advmod", "preconj")
NOT_NEGATING = frozenset(["only", "just", "merely", "least"])  # "not only", "not least"
NOT_ADVERB = re.compile(r"\b(?:not|never)\b|n['’]t\b", re.I)
MODALS = frozenset(["must", "should", "ought", "may", "might"])  # a duty or a chance, not a fact


def _verb_key(token: Token) -> str:
    """What a verb's polarity is compared under: its lemma, with its modal when it has one
    ("must never have" is a duty, not a fact: it compares with "must have", not with "has")."""
    modal = next((c.lower_ for c in token.children if c.dep_ == "aux" and c.lower_ in MODALS), "")
    return f"{modal} {_lemma(token)}" if modal else _lemma(token)


def _lemma(token: Token) -> str:
    """A verb's lemma, with the prefix spaCy splits off: "re-confirmed" is "reconfirm", which
    says nothing of "confirm" ("the site had “re-confirmed” its reporting" / "The Times has
    not confirmed the report")."""
    doc, i = token.doc, token.i
    prefixed = i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "re"
    return ("re" if prefixed else "") + token.lemma_.lower()


def _negators(token: Token) -> list[Token]:
    """The words that negate a verb: "not", "never" ("not only" does not), and the "no" of its
    subject or object (not a quoted "no" vote)."""
    doc = token.doc
    return [c for c in token.children if (c.dep_ == "neg" or (
        c.lower_ in NEGATORS and c.dep_ in NEGATING))
        and doc[min(c.i + 1, len(doc) - 1)].lower_ not in NOT_NEGATING] + [
        d for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
        for d in c.children if d.lower_ in NEGATORS and d.dep_ == "det" and not _quoted(d)]


def _attribution(token: Token, main: Token) -> bool:
    """A word of the attribution of what ``main`` asserts ("according to excerpts of his
    speech"), not of the assertion."""
    return any(t.head == main and t.dep_ == "prep" and t.lower_ == "according"
               for t in (token, *token.ancestors))


# not "try" (it may have succeeded), nor "plan", "intend" (what will be done: "plans to close
# the site" / "would close the site")
AIMS = frozenset(["want", "seek", "hope", "wish"])


def _aim_of(token: Token) -> Token | None:
    """The verb of wanting whose aim ``token`` is, an infinitive under it ("has sought for
    months to question the president"): what is wanted is not done (yet); not wanting it ("did
    not want to give up") says nothing of that."""
    token = first_conjunct(token)
    if token.dep_ in ("xcomp", "advcl") and token.head.lemma_.lower() in AIMS \
            and not _negators(token.head) \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return token.head
    return None


def _purpose_of(token: Token) -> Token | None:
    """The verb whose purpose ``token`` tells, an infinitive clause under it ("was at the White
    House to have lunch … and join him": "have" and "join" of "was")."""
    token = first_conjunct(token)
    if token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                      for c in token.children):
        return token.head
    return None


def _tense(token: Token) -> str:
    """A verb's time as its auxiliaries tell it: "will be recognized", "did not recognize",
    "has been questioned" (the present perfect is of now)."""
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in ("will", "shall", "'ll", "’ll") for c in auxes):
        return "future"
    return "past" if token.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes) else "present"


def _under(token: Token, main: Token) -> bool:
    """Whether ``token`` is in a clause under ``main``'s ("was not …, while … was"), not in
    one coordinated with it ("is …, but I am not …") nor beside it ("said it is …, I am
    not …": two clauses of "said")."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
        if token == main:
            return False
    return main.is_ancestor(token)


def _there_is(token: Token) -> frozenset[str]:
    """The verbs the noun of a "there is" names ("there had been entries": "enter"): WordNet's
    verbs of the noun that share its first three letters (not "record" for "entry")."""
    from ...consistency.wordnet import verbs_of

    if not any(c.dep_ == "expl" for c in token.children):
        return frozenset()
    nouns = [c.lemma_.lower() for c in token.children if c.dep_ in ("attr", "nsubj")
             and c.pos_ == "NOUN"]
    return frozenset(v for noun in nouns for v in verbs_of(noun) if v[:3] == noun[:3])


def _shown(article_id: str, token: Token, negators: list[Token]) -> Span:
    """A verb's span with its negation: the span shows the "not"."""
    start = min([token.idx, *(n.idx for n in negators)])
    end = max([token.idx + len(token), *(n.idx + len(n) for n in negators)])
    return Span(article_id, start, end)


def _done(token: Token) -> str | None:
    """The verb of a "did not" whose verb the parser took for another word: in "Abedin
    reportedly did not forward emails", "forward" is parsed as an adverb of "did"."""
    from ...consistency.wordnet import is_verb

    doc = token.doc
    if token.lemma_.lower() != "do" or token.dep_ != "ROOT" or token.i + 2 >= len(doc) \
            or doc[token.i + 1].dep_ != "neg":
        return None
    word = doc[token.i + 2]
    if word.head != token or word.pos_ in ("VERB", "AUX") or not word.is_lower \
            or not word.is_alpha or not is_verb(word.lower_):
        return None
    return word.lower_


def _worded(span: Any) -> set[int]:
    """The verbs whose polarity a word says ("declined to comment": "decline" and "comment";
    "nobody knows": "know"; "ruled out"); the sentence's other verbs still compare ("He accused
    Obama …, saying nobody knows …")."""
    worded: set[int] = set()
    for token in span:
        lemma = token.lemma_.lower()
        if lemma in NEGATIVE_WORDS or (
                lemma == "rule" and any(c.lower_ == "out" for c in token.children)):
            if token.pos_ in ("VERB", "AUX"):
                worded.update(d.i for d in token.subtree if d.pos_ in ("VERB", "AUX"))
            else:
                worded.add(token.head.i)
    return worded


# verbs that assert nothing of their own: auxiliaries, participles as adjectives, and gerunds
# after a preposition ("help ourselves by putting people back to work")
ARGUMENT_OF_NOTHING = frozenset(["aux", "auxpass", "amod", "pcomp"])
SUPPOSING = frozenset(["if", "unless"])


def _asserts_nothing(token: Token) -> bool:
    """No verb, or a verb whose polarity the sentence does not assert: an auxiliary, a
    participle as an adjective, a gerund after a preposition, or a supposition ("if they don't
    pass this bill, …" says nothing of whether they pass it)."""
    return token.pos_ not in ("VERB", "AUX") or token.dep_ in ARGUMENT_OF_NOTHING \
        or _supposed(token)


def _supposed(token: Token) -> bool:
    """The verb of an "if" or "unless" clause: marked so, or the first verb after an "if" that
    the parser hung on no verb ("If they [Democrats] don't pass": "If" on the bracket)."""
    if any(c.dep_ == "mark" and c.lower_ in SUPPOSING for c in token.children):
        return True
    for before in reversed(token.doc[token.sent.start:token.i]):
        if before.lower_ in SUPPOSING:
            return before.dep_ == "mark" and before.head.pos_ not in ("VERB", "AUX")
        if before.pos_ in ("VERB", "AUX") and before.head != token:
            return False
    return False


NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
NOT_NEGATIVE = frozenset(["invaluable", "inflammable", "infamous", "indifferent", "impassive"])


def _negative_adjective(word: str) -> bool:
    """"inaccurate", "unfair", "illegal", "dishonest": a negative prefix on an adjective
    WordNet knows without it."""
    from ...consistency.wordnet import is_adjective

    return word not in NOT_NEGATIVE and any(
        word.startswith(p) and len(word) > len(p) + 3 and is_adjective(word[len(p):])
        for p in NEGATIVE_PREFIXES)


def _quoted(token: Token) -> bool:
    """A word in quotation marks of its own: the "no" of a "no" vote."""
    doc = token.doc
    return token.i > 0 and doc[token.i - 1].text in QUOTE_MARKS \
        and token.i + 1 < len(doc) and doc[token.i + 1].text in QUOTE_MARKS


def _negations(text: str) -> int:
    """How many times a sentence says "no" ("not only" does not)."""
    words = re.findall(r"[\w']+|n[’']t", text.lower())
    return sum((w in NEGATORS or w.endswith(("n't", "n’t"))) and nxt not in NOT_NEGATING
               for w, nxt in zip(words, [*words[1:], ""], strict=True))


class PolarityRules(DifferBase):
    """The polarity rules of ``Differ`` (see the module), and the deeds they compare."""

    def polarity(self, a: Claim, b: Claim, worded_alike: bool = False,
                 nearly_same: bool = False) -> Iterator[tuple[Mention, Mention]]:
        """Verbs two sentences that state the same thing (by their words, ``worded_alike``, or
        by their lemmas: "voted" / "did not vote") assert with, one negated. Two sentences
        ``nearly_same`` in their words, one of which says "no" nowhere, compare the verbs they
        assert with even when one is "is" or "has" ("Gibbs was not on ABC" / "Gibbs was on
        ABC … on Sunday"), unless the "no" is in a quotation the other does not carry; so do
        two sentences whose asserted clauses (``_asserted``) are nearly the same, unless both
        verbs are light ("does not have three aims — …" / "said her plan was guided by three
        aims: …"). Sentences that are not the same statement compare only one deed each
        asserts: the same verb with the same object, in the same tense (``_objects``); a deed
        sought ("have sought to question him", ``_aims``) compares with the same deed done."""
        verbs_a, verbs_b = self.verbs(a), self.verbs(b)
        if verbs_a is None or verbs_b is None:
            return
        stated = worded_alike or overlap_score(self.lemmas(a), self.lemmas(b)) \
            >= self.same_statement
        mains = {self._main.get(c.id, "").split(" ")[-1] for c in (a, b)}
        nearly_same = nearly_same or not mains <= LIGHT_VERBS and overlap_score(
            self._asserted.get(a.id, set()), self._asserted.get(b.id, set())) >= NEARLY_SAME
        # both say "no" as often: which of their verbs it belongs to is wording, unless it is
        # the verb both assert with ("is not a former chief" / "who opted not to …, is a …")
        as_often = _negations(a.text) == _negations(b.text)
        for lemma in sorted(set(verbs_a) & set(verbs_b)):
            (neg_a, span_a, root_a), (neg_b, span_b, root_b) = verbs_a[lemma], verbs_b[lemma]
            deed_a, deed_b = self._objects.get((a.id, lemma)), self._objects.get((b.id, lemma))
            same_object = bool(deed_a and deed_b and deed_a[0] & deed_b[0]
                               and deed_a[1] == deed_b[1])
            # the "no" of a deed sought is in no word: "has sought to question" / "questioned"
            sought = same_object and bool({(a.id, lemma), (b.id, lemma)} & self._aims)
            if not stated and not (same_object and (not as_often or sought)):
                continue  # not the same statement: only one deed, the same thing done then
            if (lemma.split()[-1] in LIGHT_VERBS and not same_object or as_often and not sought) \
                    and not (root_a and root_b):
                continue  # "is", "has" of two clauses: only the asserting verbs compare
            doers = (self._doers.get((a.id, lemma)), self._doers.get((b.id, lemma)))
            if None not in doers and doers[0] != doers[1]:
                continue  # saying or writing by two different subjects
            if neg_a != neg_b:
                topic = self.whether(span_a, span_b, neg_a, a, b)
                label_a = self._said.get((a.id, lemma)) or (f"not {lemma}" if neg_a else lemma)
                label_b = self._said.get((b.id, lemma)) or (f"not {lemma}" if neg_b else lemma)
                yield (Mention("status", label_a, label_a, span_a, topic),
                       Mention("status", label_b, label_b, span_b, topic))
                return  # one polarity conflict per pair
        if not stated:
            return
        main_a, main_b = self._main.get(a.id), self._main.get(b.id)
        if not as_often and main_a and main_b and main_a in verbs_a and main_b in verbs_b \
                and (not {main_a.split()[-1], main_b.split()[-1]} & LIGHT_VERBS
                     or nearly_same and self._plain_no(a, b, verbs_a[main_a], verbs_b[main_b])) \
                and (" " in main_a) == (" " in main_b):  # a duty and a fact do not compare
            (neg_a, span_a, _), (neg_b, span_b, _) = verbs_a[main_a], verbs_b[main_b]
            if neg_a != neg_b:  # what each sentence asserts, in other verbs: "urged" / "did
                topic = self.whether(span_a, span_b, neg_a, a, b)  # not encourage"
                label_a = self._said.get((a.id, main_a)) or (f"not {main_a}" if neg_a else main_a)
                label_b = self._said.get((b.id, main_b)) or (f"not {main_b}" if neg_b else main_b)
                yield (Mention("status", label_a, label_a, span_a, topic),
                       Mention("status", label_b, label_b, span_b, topic))
                return
        given_a, given_b = self._giving.get(a.id), self._giving.get(b.id)
        if worded_alike and not as_often and given_a and given_b and given_a[0] != given_b[0]:
            (neg_a, span_a, verb_a), (neg_b, span_b, verb_b) = given_a, given_b
            denied = span_a if neg_a else span_b  # "did not conclude, “…”" / "“…,” it stated"
            if NOT_ADVERB.search(self.sources.articles[denied.article_id].text[
                    denied.start:denied.end]):
                topic = self.whether(span_a, span_b, neg_a, a, b)
                label_a, label_b = (f"not {verb}" if neg else verb for neg, verb in
                                    ((neg_a, verb_a), (neg_b, verb_b)))
                yield (Mention("status", label_a, label_a, span_a, topic),
                       Mention("status", label_b, label_b, span_b, topic))

    def _plain_no(self, a: Claim, b: Claim, verb_a: tuple[bool, Span, bool],
                  verb_b: tuple[bool, Span, bool]) -> bool:
        """One sentence says "no" nowhere, and the other says "not" (or "never") to its
        asserting verb (in the verb's span, which shows its negation), out of quotation marks
        ("no decision has been taken" is about a decision: ``commitment_conflicts``)."""
        for (negated, span, _), other in ((verb_a, b), (verb_b, a)):
            if negated and _negations(other.text) == 0:
                shown = self.sources.articles[span.article_id].text[span.start:span.end]
                return NOT_ADVERB.search(shown) is not None and not self.in_quotation(span)
        return False

    def in_quotation(self, span: Span) -> bool:
        """Whether ``span`` starts within quoted words of its article (a quotation may run
        over several sentences and paragraphs)."""
        if span.article_id not in self._quoted:
            article = self.sources.articles[span.article_id]
            self._quoted[span.article_id] = [p for f in find_quoted(article) for p in f.pieces]
        return any(s <= span.start < e for s, e in self._quoted[span.article_id])

    def events(self, a: Claim, b: Claim) -> Iterator[tuple[Mention, Mention]]:
        """One thing done, by the same named doer to the same thing, negated in one sentence
        and not in the other, however else the two sentences differ: "Braley did not
        apologize to Grassley" / "Braley apologized to Grassley in person on Tuesday"."""
        done_a, done_b = self.deeds(a), self.deeds(b)
        for key in sorted(set(done_a) & set(done_b)):
            (neg_a, span_a, things_a), (neg_b, span_b, things_b) = done_a[key], done_b[key]
            if neg_a != neg_b and things_a & things_b:
                topic = self.whether(span_a, span_b, neg_a, a, b)
                verb = key[1]
                label_a, label_b = (f"not {verb}" if neg else verb for neg in (neg_a, neg_b))
                yield (Mention("status", label_a, label_a, span_a, topic),
                       Mention("status", label_b, label_b, span_b, topic))
                return

    def deeds(self, claim: Claim) -> dict[tuple[str, str], tuple[bool, Span, frozenset[str]]]:
        """(doer, verb) -> (negated, span, what it was done to) for a claim's verbs whose
        subject is a named person or a thing; none for speech and light verbs (saying is
        compared as quotation), pronouns, or a verb asserted both ways."""
        if claim.id not in self._deeds:
            self._deeds[claim.id] = self._claim_deeds(claim)
        return self._deeds[claim.id]

    def _claim_deeds(self, claim: Claim
                     ) -> dict[tuple[str, str], tuple[bool, Span, frozenset[str]]]:
        parsed = analyse(self.sources.articles[claim.article_id])
        span = self.sentence(claim)
        found: dict[tuple[str, str], tuple[bool, Span, frozenset[str]]] = {}
        if span is None:
            return found
        worded = _worded(span)
        mixed = set()
        for token in span:
            verb = _done(token) or _verb_key(token)
            if _asserts_nothing(token) or token.i in worded \
                    or verb.split()[-1] in LIGHT_VERBS | SPEECH:
                continue
            doer = next((self._thing(parsed, c) for c in token.children
                         if c.dep_ in ("nsubj", "nsubjpass")), None)
            things = frozenset(filter(None, (
                self._thing(parsed, t) for c in token.children
                for t in ([c] if c.dep_ in ("dobj", "dative", "attr") else
                          [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep"
                          else []))))
            if not doer or not things:
                continue
            negators = _negators(token)
            key = (doer, verb)
            if key in found and found[key][0] != bool(negators):
                mixed.add(key)
            found[key] = (bool(negators), _shown(claim.article_id, token, negators), things)
        return {k: v for k, v in found.items() if k not in mixed}

    def _thing(self, parsed: Any, token: Token) -> str | None:
        """A named person (resolved across the story), or a noun's lemma; None for a
        pronoun or a word of no content."""
        mention = parsed.people.at(token.i)
        if mention is not None:
            return self.people.resolve(mention.name) or mention.name
        if token.pos_ in ("NOUN", "PROPN") and not token.is_stop:
            return token.lemma_.lower()
        return None

    def lemmas(self, claim: Claim) -> set[str]:
        if claim.id not in self._lemmas:
            self._lemmas[claim.id] = self._content_lemmas(claim)
        return self._lemmas[claim.id]

    def _content_lemmas(self, claim: Claim) -> set[str]:
        span = self.sentence(claim)
        return {t.lemma_.lower() for t in span or () if t.is_alpha and not t.is_stop}

    def verbs(self, claim: Claim) -> dict[str, tuple[bool, Span, bool]] | None:
        """Verb lemma -> (negated, span of the verb, is the sentence's root) for a claim;
        None when a negative verb ("declined", "denied") makes polarity a matter of wording.
        A lemma said both ways in the sentence is left out, unless one of its verbs is the one
        the sentence asserts with and the other way is said only in clauses under it ("the rate
        was not 35.7 percent, while the other rate was …" is "not be"; not "it is important …,
        but I am not willing …", two clauses it asserts alike), or in quoted words the sentence
        adds out of them (``_quoted_apart``)."""
        if claim.id not in self._verbs:
            self._verbs[claim.id] = self._clause_verbs(claim)
        return self._verbs[claim.id]

    def _clause_verbs(self, claim: Claim) -> dict[str, tuple[bool, Span, bool]] | None:
        parsed = analyse(self.sources.articles[claim.article_id])
        span = self.sentence(claim)
        if span is None:
            return None
        found: dict[str, tuple[bool, Span, bool]] = {}
        main = span.root  # what the sentence asserts: the root, or what a speech verb reports
        if main.lemma_.lower() in SPEECH:
            main = next((c for c in main.children if c.dep_ == "ccomp"), main)
        self._main[claim.id] = _verb_key(main)
        self._asserted[claim.id] = content_words(" ".join(
            t.text for t in main.subtree if not _attribution(t, main)))
        worded = _worded(span)
        if main.i in worded:
            return None  # what it asserts says "no" in words: "declined", "ruled out"
        self._giving[claim.id] = self._quotation_verb(claim.article_id, span)
        mixed: set[str] = set()  # verbs said both ways, out of the one it asserts with
        for token in span:
            lemma, key = _lemma(token), _verb_key(token)
            if (done := _done(token)) is not None:
                lemma = key = done
            if _asserts_nothing(token) or token.i in worded or token != main and key in mixed:
                continue
            negators = _negators(token)
            aim = _aim_of(token)  # "has sought for months to question him": not yet done
            purpose = None if aim is not None else _purpose_of(token)
            if purpose is not None and _negators(purpose):
                negators = _negators(purpose)  # "was not there to have lunch": no lunch
            negated = bool(negators) or aim is not None
            complement = next((c for c in token.children if c.dep_ == "acomp"), None)
            said = None
            if lemma == "be" and complement is not None:  # shown as said: "not accurate"
                said = ("not " if negated else "") + complement.lower_
                if _negative_adjective(complement.lower_):
                    negated = not negated  # "was inaccurate" says what "was not accurate" says
            elif key != lemma:  # shown with its modal: "must not have"
                said = f"{key.split()[0]} {'not ' if negated else ''}{lemma}"
            if aim is not None:  # shown as sought: "seek to question"
                said = f"{_lemma(aim)} to {lemma}"
            if token != main and key in found and found[key][2] and (
                    found[key][0] == negated or _under(token, main)
                    or self._quoted_apart(claim.article_id, token, main)):
                continue  # the asserting verb stands for its lemma, over the clauses under it
                # and over the quoted words it does not quote
            if token != main and key in found and found[key][0] != negated:
                found.pop(key)  # both ways in one sentence: nothing to compare
                mixed.add(key)
                continue
            shown_by = negators or ([aim] if aim is not None else [])  # "sought … to question"
            found[key] = (negated, _shown(claim.article_id, token, shown_by), token == main)
            if said:
                self._said[(claim.id, key)] = said
            else:
                self._said.pop((claim.id, key), None)
            # a deed the sentence asserts: its verb, or the purpose of its verb negated ("was
            # not there to have lunch"; "went there to meet him" says not whether they met)
            if token == main or purpose == main and negators or aim == main:
                self._objects[(claim.id, key)] = (frozenset(
                    c.lemma_.lower() for c in token.children
                    if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")),
                    _tense(main))
            else:
                self._objects.pop((claim.id, key), None)
            if aim is not None:
                self._aims.add((claim.id, key))
            else:
                self._aims.discard((claim.id, key))
            if token == main:  # "there had not been entries" asserts "not enter"
                found.update(dict.fromkeys(_there_is(token), found[key]))
            if lemma in SPEECH:  # who says or writes: "they wrote" is not "Comey never wrote"
                self._doers[(claim.id, key)] = next(
                    (self._thing(parsed, c) or c.lower_ for c in token.children
                     if c.dep_ in ("nsubj", "nsubjpass")), None)
        return found

    def _quoted_apart(self, article_id: str, token: Token, main: Token) -> bool:
        """Whether ``token`` is in quotation marks and ``main`` (the verb the sentence asserts
        with, in its own words) is not: the quoted words are someone's own, another statement,
        and a verb of theirs does not unsay the sentence's ("Lee wrote that they did not have
        a deal: “You have my word …”" still asserts "not have")."""
        def at(t: Token) -> Span:
            return Span(article_id, t.idx, t.idx + 1)

        return self.in_quotation(at(token)) and not self.in_quotation(at(main))

    def _quotation_verb(self, article_id: str, span: Any) -> tuple[bool, Span, str] | None:
        """How a sentence gives the quoted words it asserts with: (negated, span, lemma) of the
        verb out of quotation marks that introduces them (the root, its clause in quotation
        marks: "the letter did not conclude, “…”"; or a clause of a quoted root: "“…,” it
        stated"), else, for a sentence whose root is quoted, (False, the root, "quoted"); None
        for a sentence that asserts in its own words."""
        def quoted(token: Token) -> bool:
            return self.in_quotation(Span(article_id, token.idx, token.idx + 1))

        root = span.root
        for token in (root, *root.children):
            if token.pos_ in ("VERB", "AUX") and not quoted(token) and (
                    token == root and any(c.dep_ in ("ccomp", "parataxis") and quoted(c)
                                          for c in token.children)
                    or token != root and token.dep_ in ("ccomp", "parataxis") and quoted(root)):
                negators = _negators(token)
                return bool(negators), _shown(article_id, token, negators), _lemma(token)
        if quoted(root):
            return False, Span(article_id, root.idx, root.idx + len(root)), "quoted"
        return None
