"""Numbers as reports write them: digits with separators, scale words and number words.

Counts and money share this grammar, so both stages read "1,000", "1.6 billion",
"twenty-three" and "a dozen" the same way.
"""

from __future__ import annotations

import re

from yalu.extract.lexicon import prefix_tree

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_WORD = prefix_tree(sorted([*UNITS, *TENS], key=len, reverse=True))
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
WORDS = (
    rf"(?:{prefix_tree(list(TENS))})(?:-(?:{prefix_tree(list(UNITS))}))?|{_WORD}"
    "|a (?:dozen|hundred|thousand)"
)
SCALE = r"(?:\s*-?\s*(?:hundred|thousand|million|billion|mn|bn|k)\b)"
NUMBER = rf"(?:(?:{DIGITS}){SCALE}?|(?:{WORDS})\b{SCALE}?)"
NUMBER_RE = re.compile(NUMBER, re.IGNORECASE)
# What a number begins with (a digit, a number word, "a "): patterns put this quick test before
# their costlier checks of what precedes the number (lookbehinds), so those run only where a
# number starts. Testing whole words, not first letters, keeps words like "the" and "said" out.
# Lower case: for patterns run on lower-cased text.
NUMBER_START = rf"(?=\d|{_WORD}|a )"
_NUMBER_PARTS = re.compile(rf"({DIGITS}|{WORDS})\s*-?\s*([a-z]+)?", re.IGNORECASE)
SCALE_ABBREVIATIONS = {"mn": "million", "bn": "billion", "k": "thousand"}


def _word_value(word: str) -> float:
    word = word.lower()
    if word in ("a dozen",):
        return 12
    if word.startswith("a "):
        return SCALES[word[2:]]
    if "-" in word:
        tens, unit = word.split("-", 1)
        return TENS[tens] + UNITS[unit]
    return UNITS.get(word) or TENS[word]


def parse_number(text: str) -> float | None:
    """The value of one number as written ("2,500", "1.6 billion", "fifty"), or None."""
    text = text.strip().lower().replace("\u00a0", " ")
    match = _NUMBER_PARTS.fullmatch(text)
    if not match:
        return None
    head, scale = match.group(1), match.group(2)
    value = float(head.replace(",", "")) if head[0].isdigit() else _word_value(head)
    if scale:
        scale = SCALE_ABBREVIATIONS.get(scale, scale)
        if scale not in SCALES:
            return None
        value *= SCALES[scale]
    return value


def as_int(value: float | None) -> int | None:
    return None if value is None else round(value)
