"""Small hand-written word lists: negation cues, antonym pairs, number words, colours.

The antonym pairs are general English (directions of change, outcomes, legal states, moods,
quantities) written for this module, not mined from any benchmark. Each pair is stored once;
``ANTONYMS`` maps every word (lower case, lemma form) to the set of its opposites.
"""

from __future__ import annotations

NEGATION_CUES = frozenset({
    "not", "n't", "n\u2019t", "no", "never", "none", "nobody", "nothing", "neither", "nor",
    "without", "cannot", "nowhere", "instead", "rather", "deny", "denied", "denies", "fail",
    "failed", "fails", "refuse", "refused", "refuses", "reject", "rejected", "rejects", "unable",
})
# cues that flip polarity on their own (the verbs above may carry a reported negation); "n’t"
# is spaCy's token of "don’t" written with a typographic apostrophe
STRONG_NEGATION = frozenset({"not", "n't", "n\u2019t", "no", "never", "without", "cannot",
                             "neither", "nor", "nobody", "nothing", "none"})

_PAIRS = """
increase decrease|increase decline|increase drop|increase fall|increase cut|increase reduction
rise fall|rise decline|rise drop|grow shrink|growth decline|growth contraction|gain loss
gain lose|higher lower|high low|more fewer|many few|maximum minimum|expand contract
expansion contraction|boost cut|raise lower|raise cut|surge plunge|soar plunge|strengthen weaken
improve worsen|improvement deterioration|better worse|best worst|good bad|positive negative
profit loss|profitable unprofitable|success failure|succeed fail|successful unsuccessful
win lose|winner loser|victory defeat|won lost|beat lose|pass fail|accept reject|approve reject
approval rejection|allow ban|allow forbid|permit ban|legal illegal|lawful unlawful
guilty innocent|convict acquit|conviction acquittal|convicted acquitted|arrest release
arrested released|charge acquit|guilty acquitted|indict acquit|admit deny|confirm deny
agree disagree|support oppose|supporter opponent|pro anti|ally enemy|friend enemy
friendly hostile|peace war|peaceful violent|war truce|attack defend|offense defense
offensive defensive|invade withdraw|invasion withdrawal|advance retreat|open close|opened closed
start end|begin end|beginning end|launch end|first last|early late|earlier later|before after
past future|ahead behind|forward backward|old new|old young|older younger|ancient modern
new former|current former|future past|enter exit|arrive depart|arrival departure|import export
buy sell|purchase sale|buyer seller|lend borrow|lender borrower|send receive|hire fire
employ dismiss|join leave|resign appoint|appoint dismiss|elect defeat|rich poor|wealthy poor
wealth poverty|cheap expensive|expensive inexpensive|strong weak|strength weakness|large small
big small|huge tiny|long short|tall short|wide narrow|thick thin|fast slow|quick slow|rapid slow
hot cold|warm cool|wet dry|full empty|dark light|black white|north south|east west
northern southern|eastern western|inside outside|internal external|domestic foreign
local national|public private|urban rural|true false|real fake|right wrong|correct incorrect
accurate inaccurate|honest dishonest|truth lie|safe dangerous|safety danger|safe unsafe
secure insecure|healthy sick|health illness|alive dead|live die|life death|birth death
survive die|survivor victim|win loss|benefit harm|help harm|help hurt|happy sad
happiness sadness|love hate|like dislike|praise criticize|praise criticise|praise condemn
welcome reject|welcome condemn|celebrate mourn|celebration protest|optimistic pessimistic
hope fear|calm angry|easy difficult|easy hard|simple complex|possible impossible|likely unlikely
able unable|certain uncertain|clear unclear|known unknown|common rare|usual unusual
frequent rare|often rarely|always never|everyone nobody|everything nothing|include exclude
inclusion exclusion|add remove|add subtract|addition removal|increase lower|attach detach
connect disconnect|unite divide|united divided|together apart|similar different|equal unequal
fair unfair|just unjust|legal criminal|military civilian|democratic republican
democrat republican|liberal conservative|male female|man woman|men women|boy girl|husband wife
father mother|son daughter|brother sister|king queen|majority minority|most few|top bottom
upper lower|support undermine|strengthen undermine|protect threaten|protect attack|defend attack
build destroy|create destroy|construct demolish|repair damage|fix break|win forfeit|gain lose
earn lose|save spend|spend save|save waste|poor prosperous|weak booming|decline boom
recession boom|slump boom|crisis recovery|collapse recovery|collapse boom|crash rally|bull bear
bullish bearish|optimism pessimism|lift impose|impose lift|tighten loosen|tighten ease
restrict ease|restriction relaxation|ban allow|increase cut|hike cut|accelerate slow
acceleration slowdown|expand cut|upgrade downgrade|overestimate underestimate
overweight underweight|surplus deficit|export import|credit debit|asset liability|income expense
revenue cost|inflow outflow|ascend descend|upward downward|maximum minimum|ceiling floor
peak trough|accept decline|attend skip|remember forget|agree refuse|obey disobey|comply violate
keep break|follow break|continue stop|continue halt|continue end|resume suspend|resume halt
maintain abandon|keep abandon|keep lose|find lose|present absent|presence absence
visible invisible|include omit|reveal hide|reveal conceal|disclose conceal|show hide
public secret|open secret|official unofficial|formal informal|temporary permanent
partial complete|partial full|complete incomplete|finish start|finished unfinished|ready unready
willing unwilling|voluntary mandatory|optional mandatory
"""

ANTONYMS: dict[str, frozenset[str]] = {}


def _build() -> None:
    table: dict[str, set[str]] = {}
    for pair in _PAIRS.replace("\n", "|").split("|"):
        words = pair.split()
        if len(words) != 2:
            continue
        a, b = words
        table.setdefault(a, set()).add(b)
        table.setdefault(b, set()).add(a)
    ANTONYMS.update({k: frozenset(v) for k, v in table.items()})


_build()

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "half": 0.5, "once": 1, "twice": 2, "thrice": 3, "single": 1, "double": 2, "triple": 3,
}
SCALES = {"hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6,
          "mln": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade",
                        "century", "quarter"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"})
# the basic colour terms (Berlin and Kay): no writer puts one for another ("yellow and white
# paint" is not a way of saying "yellow and blue paint")
COLOURS = frozenset({"black", "white", "red", "green", "yellow", "blue", "brown", "purple",
                     "pink", "orange", "grey", "gray"})
