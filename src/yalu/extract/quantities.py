"""Counts of workers, normalized by the conventions in claims.md ("Counts").

"about/around N" is N; "N to M", "N-M", "between N and M" are a range; "more than/
over/at least N" has no max; "up to/fewer than/as many as N" has no min; "dozens"
is 24-99, "hundreds" 200-999, "thousands" 2,000-9,999, "tens of thousands"
20,000-99,999; "three groups of 50 each" is 150; a group size alone ("groups of
30-40") is a count per group. Only numbers of workers count: a number is kept
when a worker noun follows it, or when it stands alone before a verb in a
sentence that names workers ("about 20,000 in Jilin").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from yalu.extract.lexicon import Phrases, load, lower_literals, lower_tree, lowered, prefix_tree
from yalu.extract.numbers import NUMBER, NUMBER_START, as_int, parse_number
from yalu.extract.stems import StemTest

VAGUE = {
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "several thousand": (2_000, 9_999),
    "a few thousand": (2_000, 9_999),
    "thousands": (2_000, 9_999),
    "several hundred": (200, 999),
    "a few hundred": (200, 999),
    "hundreds": (200, 999),
    "several dozen": (24, 99),
    "a few dozen": (24, 99),
    "dozens": (24, 99),
}
EXACT = r"about|around|approximately|roughly|some|an estimated|estimated|nearly|almost|close to|a total of"
AT_LEAST = r"more than|over|at least|upwards of|in excess of|no fewer than|no less than"
AT_MOST = r"up to|fewer than|less than|under|at most|as many as|as much as|no more than"
AT_LEAST_WORDS, AT_MOST_WORDS = frozenset(AT_LEAST.split("|")), frozenset(AT_MOST.split("|"))
YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
RANGE_SEP = r"\s*(?:-|–|—|to|or)\s*"
# What the group patterns need before they are worth running ("groups of", "... each").
GROUPS_OF = re.compile(r"(?:groups|batches|teams|contingents|buses|units)\s+of\s")
EACH = re.compile(r"\seach\b")
NOUN_KINDS = ("plural", "singular", "victims")
UNIT_AFTER = re.compile(r"\s*(?:%|percent|per cent|times|years?|months?|days?|hours?)\b")
VAGUE_WORDS = re.compile(r"dozen|hundred|thousand")
# What a sentence needs for any count but "a worker": a digit, or else a number word. Apart, the
# digit test is a character scan ``re`` runs fast, and the words a prefix tree.
DIGIT = re.compile(r"\d")
NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty|"
    "sixty|seventy|eighty|ninety|dozen|hundred|thousand|million"
)
NUMBER_WORD = re.compile(rf"\b(?:{prefix_tree(NUMBER_WORDS.split('|'))})")
NOT_ADJECTIVES = r"(?:from|to|in|at|on|by|for|with|a|an|and|or|than|per|years?|months?|weeks?|days?|hours?)\b"
ADJECTIVES = rf"(?:(?!{NOT_ADJECTIVES})[\"“”'‘’]?[\w-]+[\"“”'‘’]?\s+){{0,4}}?"


class CountMention(NamedTuple):
    """A number of workers in a sentence; offsets are relative to the sentence."""

    start: int
    end: int
    text: str
    min: int | None
    max: int | None
    per_group: bool = False
    singular: bool = False
    victim: bool = False
    elliptic: bool = False


def _lower(pattern: str, flags: int) -> re.Pattern[str]:
    return re.compile(lower_literals(pattern), flags)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    plural = lower_tree(load("workers")["plural"])
    singular = lower_tree(load("workers")["singular"])
    victims = lower_tree(load("workers")["victims"])
    follower = lower_tree(load("workers")["elliptic_followers"])
    leader = lower_tree(load("workers")["elliptic_leaders"])
    not_named = "".join(rf"(?<!\b{word}\s)" for word in load("workers")["named_by_number"])
    vague = lower_tree(list(VAGUE))
    amount = (
        rf"(?:between\s+(?P<lo>{NUMBER})\s+and\s+(?P<hi>{NUMBER})"
        rf"|{NUMBER_START}(?<![$£€¥₩₽.,\d]){not_named}(?P<a>{NUMBER})(?:{RANGE_SEP}(?P<b>{NUMBER}))?)"
    )
    # A prefix tree: the pattern tries the qualifiers at every word, most words begin none of them.
    qualifiers = prefix_tree(f"{EXACT}|{AT_LEAST}|{AT_MOST}".split("|"))
    qualifier = rf"(?:(?P<qual>{qualifiers})\s+)?"
    noun = rf"(?:of\s+)?(?:the\s+)?{ADJECTIVES}(?:{plural})\b"
    flags = 0
    return {
        "groups": _lower(
            rf"\b(?P<n>{NUMBER})\s+(?:groups|batches|teams|contingents|buses)\s+of\s+{qualifier}{amount}"
            rf"(?:\s+{noun})?\s+each\b",
            flags,
        ),
        "group_size": _lower(
            rf"\b(?:groups|batches|teams|contingents|units)\s+of\s+{qualifier}{amount}(?:\s+{noun})?", flags
        ),
        "each": _lower(rf"\b{qualifier}{amount}\s+{noun}\s+each\b", flags),
        "vague": _lower(rf"\b(?P<vague>{vague})\s+{noun}", flags),
        "number": _lower(rf"\b{qualifier}{amount}\s+{noun}", flags),
        "percent": _lower(
            rf"\b(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent|per cent)\s+of\s+"
            rf"(?:the\s+)?{qualifier}{amount}\s+{noun}",
            flags,
        ),
        "elliptic": _lower(rf"\b{qualifier}{amount}(?=\s+(?:{follower})\b)(?!\s+in\s+\d)", flags),
        "after_movement": _lower(
            rf"\b(?:{leader})\s+{qualifier}{amount}(?=\s*(?:[.,;]|$|(?:since|during|in|last|this)\b))", flags
        ),
        "singular": _lower(rf"\b(?:a|an|one)\s+(?:[\w-]+\s+){{0,3}}?(?:{singular})\b(?!s)", flags),
        "victim": _lower(rf"\b(?:a|an|one)\s+(?:[\w-]+\s+){{0,3}}?(?:{victims})\b(?!s)", flags),
    }


@lru_cache(maxsize=1)
def _noun_tests() -> dict[str, StemTest]:
    """Whether a sentence has a worker noun of each kind as a whole word, which the patterns needing
    one cannot match without: in them the noun follows a space and ends at a word boundary."""
    return {kind: StemTest(lower_literals(p) for p in load("workers")[kind]) for kind in NOUN_KINDS}


def _bounds(match: re.Match[str]) -> tuple[int | None, int | None]:
    lo_text = match.group("lo") or match.group("a")
    hi_text = match.group("hi") or match.group("b")
    lo, hi = as_int(parse_number(lo_text)), as_int(parse_number(hi_text)) if hi_text else None
    if hi is None:
        hi = lo
    qualifier = (match.group("qual") or "").lower()
    if qualifier in AT_LEAST_WORDS:
        return lo, None
    if qualifier in AT_MOST_WORDS:
        return None, hi
    return lo, hi


def _is_year(match: re.Match[str]) -> bool:
    text = match.group("a") or ""
    return bool(YEAR_LIKE.fullmatch(text)) and not match.group("qual")


def _mention(
    match: re.Match[str], text: str, bounds: tuple[int | None, int | None], **flags: bool
) -> CountMention:
    """The patterns run on lower-cased text; the mention keeps the source's own wording from ``text``."""
    return CountMention(
        match.start(), match.end(), text[match.start() : match.end()], bounds[0], bounds[1], **flags
    )


def _scaled(match: re.Match[str], text: str, factor: float) -> CountMention:
    lo, hi = _bounds(match)
    scale = as_int(factor)
    return _mention(
        match,
        text,
        (None if lo is None else lo * (scale or 0), None if hi is None else hi * (scale or 0)),
    )


def _percent(match: re.Match[str], text: str) -> CountMention:
    lo, hi = _bounds(match)
    share = float(match.group("pct")) / 100
    return _mention(match, text, (as_int(lo * share) if lo else None, as_int(hi * share) if hi else None))


def find_counts(text: str) -> list[CountMention]:
    """Worker counts in ``text``, earliest first; overlapping readings keep the most specific."""
    patterns, low = _patterns(), lowered(text)
    if not (DIGIT.search(low) or NUMBER_WORD.search(low)):
        return _singular_counts(text, low, patterns)
    found: list[CountMention] = []
    plural = _noun_tests()["plural"].may_match(low)
    grouped = GROUPS_OF.search(low)
    for match in patterns["groups"].finditer(low) if grouped else ():
        found.append(_scaled(match, text, parse_number(match.group("n")) or 0))
    for match in patterns["percent"].finditer(low) if plural and ("%" in low or "cent" in low) else ():
        found.append(_percent(match, text))
    for name, worth_running in (("group_size", grouped), ("each", plural and EACH.search(low))):
        for match in patterns[name].finditer(low) if worth_running else ():
            found.append(_mention(match, text, _bounds(match), per_group=True))
    for match in patterns["vague"].finditer(low) if plural and VAGUE_WORDS.search(low) else ():
        found.append(_mention(match, text, VAGUE[match.group("vague")]))
    for match in patterns["number"].finditer(low) if plural else ():
        if not _is_year(match):
            found.append(_mention(match, text, _bounds(match)))
    named = bool(found) or mentions_workers(text)
    for match in patterns["elliptic"].finditer(low):
        if (named or match.group("qual")) and not _is_year(match) and not _unit_follows(low, match.end()):
            found.append(_mention(match, text, _bounds(match), elliptic=True))
    for match in patterns["after_movement"].finditer(low) if named else ():
        if not _is_year(match):
            start = match.start("qual") if match.group("qual") else match.start("a")
            lo, hi = _bounds(match)
            found.append(CountMention(start, match.end(), text[start : match.end()], lo, hi, elliptic=True))
    return _without_overlaps(found + _singular_counts(text, low, patterns))


def _singular_counts(text: str, low: str, patterns: dict[str, re.Pattern[str]]) -> list[CountMention]:
    tests = _noun_tests()
    singular = patterns["singular"].finditer(low) if tests["singular"].may_match(low) else ()
    victims = patterns["victim"].finditer(low) if tests["victims"].may_match(low) else ()
    found = [_mention(m, text, (1, 1), singular=True) for m in singular]
    found += [_mention(m, text, (1, 1), singular=True, victim=True) for m in victims]
    return _without_overlaps(found)


@lru_cache(maxsize=1)
def _worker_nouns() -> Phrases:
    return Phrases(load("workers")["plural"] + load("workers")["singular"])


@lru_cache(maxsize=16)
def mentions_workers(text: str) -> bool:
    """Whether ``text`` names workers, one or many; the sentence's counts and its builders both ask."""
    return _worker_nouns().search(text) is not None


def _unit_follows(text: str, end: int) -> bool:
    return UNIT_AFTER.match(text, end) is not None


def _without_overlaps(found: list[CountMention]) -> list[CountMention]:
    """Earlier entries in ``found`` are the more specific readings; later overlapping ones are dropped."""
    if len(found) < 2:
        return found  # most sentences: nothing to compare or sort
    kept: list[CountMention] = []
    for mention in found:
        if all(mention.end <= other.start or mention.start >= other.end for other in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
