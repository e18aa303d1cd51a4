"""Numbers as written ("1,200", "fourteen", "3.5 million", "4.5 per cent") and the one word
per meaning that lets fact subjects compare across articles ("hurt" and "injuring" → "injured").
"""

from __future__ import annotations

import re

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
          "billion": 1_000_000_000, "trillion": 1_000_000_000_000, "m": 1_000_000,
          "bn": 1_000_000_000, "k": 1_000}
FILLER = frozenset(["about", "around", "nearly", "almost", "over", "under", "some", "more", "than",
                    "at", "least", "most", "up", "to", "less", "fewer", "estimated",
                    "approximately", "roughly"])
SYNONYMS = {"hurt": "injure", "wound": "injure", "injured": "injure", "die": "kill"}
IRREGULAR = {"take": "taken", "leave": "left", "give": "given", "send": "sent", "hold": "held",
             "find": "found", "see": "seen", "make": "made", "bring": "brought", "keep": "kept",
             "lose": "lost", "build": "built", "pay": "paid", "say": "said", "have": "had",
             "do": "done", "get": "got", "run": "run", "put": "put", "cut": "cut", "set": "set",
             "spend": "spent", "sell": "sold", "buy": "bought", "win": "won", "fall": "fallen"}
DOUBLED = {"admit", "commit", "permit", "omit", "submit", "occur", "refer", "prefer", "stop",
           "plan", "drop", "ban", "ship", "trap", "grab", "rob", "jam", "pin", "tag", "control"}


def parse_number(text: str) -> str | None:
    """The plain number of "1,200", "3.5 million", "fourteen", "twenty-one", "$5m", "40%",
    "two dozen" (24, not 2 + 12)."""
    if re.search(r"\d[:/]\d", text):
        return None  # a time or a date, not a count
    words = re.findall(r"\d[\d,]*(?:\.\d+)?|[a-z]+", text.lower().replace("-", " "))
    words = [w for w in words if w not in ("and", "percent", "per", "cent", "us", "usd")]
    if len(words) > 1 and words[0] in ("a", "an") and words[1] not in SCALES:
        words = words[1:]  # "a 4.5 per cent rise"
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if word[0].isdigit():
            current += float(word.replace(",", ""))
        elif word in UNITS:
            current += UNITS[word]
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0.0
        elif word in FILLER:
            continue
        elif seen:
            break  # a unit: "30 metres", "5 km"
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    return str(int(value)) if value == int(value) else f"{value:g}"


def participle(lemma: str) -> str:
    """"injure" → "injured", "hurt" → "injured" (one word per meaning, so subjects compare)."""
    lemma = SYNONYMS.get(lemma, lemma)
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    if lemma.endswith("ed"):
        return lemma
    if lemma in DOUBLED:
        return lemma + lemma[-1] + "ed"
    return lemma + ("d" if lemma.endswith("e") else "ed")
