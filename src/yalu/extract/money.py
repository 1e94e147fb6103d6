"""Money amounts tied to the labour: pay, payments to the state, fees, bribes, revenue.

The amount is in the currency the text gives first; a conversion in brackets
right after it ("300 yuan (about $39 USD)") belongs to the same amount: the
mention's text spans it, and it never becomes an amount of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from yalu.extract.lexicon import CaseFree, alternation, load, lower_literals, lower_tree, lowered
from yalu.extract.numbers import NUMBER, parse_number

AT_LEAST = r"at least|more than|over|upwards of|in excess of|no less than"
AT_MOST = r"up to|as much as|as high as|no more than|at most|less than|under"
AT_LEAST_WORDS, AT_MOST_WORDS = frozenset(AT_LEAST.split("|")), frozenset(AT_MOST.split("|"))
TERSE_WORDS = 10
LOWER_LETTER = re.compile(r"[a-z]")
RATE = re.compile(r"\b(?:exchange|market) rate\b|=")
CONVERSION_GAP = re.compile(
    r"(?:\s+[\w-]+){0,3}\s*[(\[]\s*"
    r"(?:about|approximately|approx\.|around|roughly|some|or|equivalent to|~|≈)?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Amount:
    min: float | None
    max: float | None
    currency: str


@dataclass(frozen=True)
class MoneyMention:
    """An amount in a sentence; offsets are relative to the sentence."""

    start: int
    end: int
    text: str
    amount: Amount
    per: str | None
    flow: str


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    return dict(load("money"))


@lru_cache(maxsize=1)
def _amount_regex() -> re.Pattern[str]:
    currencies = _lexicon()["currencies"]
    before = alternation([p for spec in currencies.values() for p in spec["before"]])
    after = alternation([p for spec in currencies.values() for p in spec["after"]])
    return re.compile(
        rf"(?:(?P<qual>{AT_LEAST}|{AT_MOST})\s+)?(?:(?P<between>between)\s+|from\s+)?"
        rf"(?:(?P<pre>{before})\s?)?(?P<a>{NUMBER})"
        rf"(?:\s*(?P<sep>-|–|to|and)\s*(?:(?P<pre2>{before})\s?)?(?P<b>{NUMBER}))?"
        rf"(?:\s*(?P<post>{after})(?![\w]))?",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _lower_amount_regex() -> re.Pattern[str]:
    return re.compile(lower_literals(_amount_regex().pattern))


def _amount_matches(text: str) -> Iterator[re.Match[str]]:
    """The amount regex's matches in ``text``.

    ``re`` is several times slower with IGNORECASE, so in ASCII text a lower-case copy of
    the regex finds the matches in the lower-cased text, and the case-insensitive regex
    matches again only where one starts, for its groups in the source's own case. Beyond
    ASCII, ``re`` folds case more widely than ``str.lower`` ("ſ" is an "s" to it).
    """
    exact = _amount_regex()
    if not text.isascii():
        yield from exact.finditer(text)
        return
    for found in _lower_amount_regex().finditer(text.lower()):
        match = exact.match(text, found.start())
        assert match is not None, "in ASCII text both regexes match alike"
        yield match


@cache
def _currency_gate() -> re.Pattern[str]:
    """Any currency word or symbol at all: most sentences have none, and then nothing else runs."""
    currencies = _lexicon()["currencies"]
    words = [p for spec in currencies.values() for side in ("before", "after") for p in spec[side]]
    return re.compile(lower_tree(words))


@cache
def _currency_regexes(side: str) -> list[tuple[str, re.Pattern[str]]]:
    """(code, regex) for each way to write a currency on one side of the number, in the data file's order."""
    currencies = _lexicon()["currencies"]
    return [
        (str(code), re.compile(p, re.IGNORECASE)) for code, spec in currencies.items() for p in spec[side]
    ]


def _currency(symbol: str | None, side: str) -> str | None:
    if not symbol:
        return None
    return next((code for code, regex in _currency_regexes(side) if regex.fullmatch(symbol)), None)


def _amount(match: re.Match[str]) -> Amount | None:
    currency = _currency(match.group("post"), "after") or _currency(match.group("pre"), "before")
    if currency is None or (match.group("pre") is None and match.group("post") is None):
        return None
    lo, hi = parse_number(match.group("a")), _upper_bound(match)
    if lo is None:
        return None
    if hi is not None and lo < hi / 1000 and not LOWER_LETTER.search(match.group("a")):
        lo *= _scale_of(match.group("b"))
    if hi is None or hi < lo:
        hi = lo
    qualifier = (match.group("qual") or "").lower()
    if qualifier in AT_LEAST_WORDS:
        return Amount(lo, None, currency)
    if qualifier in AT_MOST_WORDS:
        return Amount(None, hi, currency)
    return Amount(lo, hi, currency)


def _upper_bound(match: re.Match[str]) -> float | None:
    """The range's second number; "and" makes a range only after "between"."""
    if match.group("b") is None or (match.group("sep").lower() == "and" and not match.group("between")):
        return None
    return parse_number(match.group("b"))


def _scale_of(number_text: str) -> float:
    """The scale word's factor ("500 million" gives a million): "$200 to 500 million" means millions."""
    value, bare = parse_number(number_text) or 1, parse_number(re.sub(r"[a-zA-Z\s-]+$", "", number_text)) or 1
    return value / bare


@lru_cache(maxsize=1)
def _period_regexes() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    """(period, regex just after the amount, regex just before it) in the data file's order."""
    return [
        (
            str(period),
            re.compile(rf"^\W*(?:{alternation(patterns)})\b", re.IGNORECASE),
            re.compile(rf"\b(?:{alternation(patterns)})\W*(?:\w+\W+){{0,3}}$", re.IGNORECASE),
        )
        for period, patterns in _lexicon()["periods"].items()
    ]


def _period(text: str, start: int, end: int) -> str | None:
    after, before = text[end : end + 30], text[max(0, start - 30) : start]
    found = next((period for period, regex, _ in _period_regexes() if regex.search(after)), None)
    return found or next((period for period, _, regex in _period_regexes() if regex.search(before)), None)


@lru_cache(maxsize=1)
def _flow_regexes() -> list[tuple[str, CaseFree]]:
    """(flow, pattern) in the data file's order: the first flow found wins."""
    flows = _lexicon()["flows"]
    return [
        (str(flow), CaseFree(rf"(?<!\w)(?:{alternation(patterns)})(?!\w)"))
        for flow, patterns in flows.items()
    ]


def _flow(clause: str) -> str | None:
    return next((flow for flow, regex in _flow_regexes() if regex.search(clause)), None)


def find_money(text: str, previous_flow: str | None = None) -> list[MoneyMention]:
    """Amounts in ``text`` that a pay, fee, bribe or revenue word ties to the labour.

    A terse follow-up ("In Pyongyang, it's USD 50.") names no flow of its own;
    it carries on the flow of the sentence before, when that one had money.
    """
    if not _currency_gate().search(lowered(text)):
        return []
    raw = [(m, a) for m in _amount_matches(text) if (a := _amount(m))]
    mentions: list[MoneyMention] = []
    for index, (match, amount) in enumerate(raw):
        if mentions and CONVERSION_GAP.fullmatch(text[mentions[-1].end : match.start()]):
            last = mentions[-1]
            mentions[-1] = replace(last, end=match.end(), text=text[last.start : match.end()])
            continue
        clause_start = raw[index - 1][0].end() if index else 0
        clause_end = raw[index + 1][0].start() if index + 1 < len(raw) else len(text)
        terse = len(raw) == 1 and len(text.split()) <= TERSE_WORDS and not RATE.search(text)
        carried = previous_flow if terse else None
        flow = _flow(text[clause_start:clause_end]) or _flow(text) or carried
        if flow is None:
            continue
        per = _period(text, match.start(), _end_with_brackets(text, match.end()))
        if per is None and flow in ("bribe", "fee"):
            per = "once"
        mentions.append(MoneyMention(match.start(), match.end(), match.group(0), amount, per, flow))
    return mentions


def _end_with_brackets(text: str, end: int) -> int:
    """Where the amount's period would start: after a conversion in brackets, if one follows."""
    bracket = re.match(r"\s*[(\[][^)\]]{0,60}[)\]]", text[end:])
    return end + bracket.end() if bracket else end
