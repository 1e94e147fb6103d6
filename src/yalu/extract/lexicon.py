"""Loads the analyst-editable data files under ``extract/data`` and compiles their patterns.

Domain knowledge (worker nouns, claim-type triggers, sectors, indicators, incidents,
policy actors, modality cues, organization words) lives in YAML so an analyst can
extend it without touching Python; ``tests/extract/test_data_files.py`` validates it.
Entries are regular expressions matched case-insensitively on word boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from yalu.errors import ConfigError
from yalu.extract.stems import StemTest

DATA_FILES = (
    "workers", "triggers", "sectors", "indicators", "incidents", "actors", "modality",
    "organizations", "money", "roles", "background",
)  # fmt: skip


@cache
def load(name: str) -> Any:
    """The parsed YAML file ``extract/data/<name>.yaml``; loaded once, never mutated."""
    path = resources.files("yalu.extract").joinpath("data").joinpath(f"{name}.yaml")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"extract/data/{name}.yaml: cannot load: {err}") from err


def by_length(patterns: list[str]) -> list[str]:
    """Longest entries first, so "tens of thousands" beats "tens"."""
    return sorted(patterns, key=len, reverse=True)


def alternation(patterns: list[str]) -> str:
    """One regular-expression alternation, longest entries first."""
    return "|".join(f"(?:{p})" for p in by_length(patterns))


SPECIAL = frozenset(".^$*+?{}[]\\|()#")
"""Characters that are not a plain literal at the start of a pattern."""


def _top_level(pattern: str) -> Iterator[tuple[int, str]]:
    """(index, character) of the characters of ``pattern`` outside groups, classes and escapes,
    and of the closing parenthesis that brings the depth back to zero."""
    depth, escaped, in_class = 0, False, False
    for index, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                yield index, char
        elif depth == 0:
            yield index, char


def _top_level_alternation(pattern: str) -> bool:
    return any(char == "|" for _, char in _top_level(pattern))


def _branches(pattern: str) -> list[str]:
    cuts = [index for index, char in _top_level(pattern) if char == "|"]
    return [pattern[start + 1 : end] for start, end in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


MAX_SPELT_OUT = 40
"""Alternatives one pattern may be spelt out into; beyond, it is kept whole."""


def expanded(pattern: str) -> list[str]:
    """``sent to|dispatched to`` and ``(?:sent|dispatched) to`` as ``sent to`` and ``dispatched to``,
    in that order, which a backtracking engine tries exactly as it tries the pattern; other
    patterns as they are."""
    if "(?P" in pattern:
        return [pattern]
    if _top_level_alternation(pattern):
        whole = _branches(pattern)
    elif pattern.startswith("(?:"):
        close = next(index for index, char in _top_level(pattern) if char == ")")
        after = pattern[close + 1 : close + 3]
        if after[:1] in ("*", "+", "{") or after == "??":
            return [pattern]
        optional = after[:1] == "?"
        rest = pattern[close + 1 + optional :]
        whole = [branch + rest for branch in _branches(pattern[3:close])] + ([rest] if optional else [])
    else:
        return [pattern]
    parts = [part for branch in whole for part in expanded(branch)]
    return parts if len(parts) <= MAX_SPELT_OUT else [pattern]


def _leading_literal(pattern: str) -> str | None:
    """The plain character every match of ``pattern`` starts with, if it can be split off as is."""
    if not pattern or pattern[0] in SPECIAL or pattern[1:2] in ("?", "*", "+", "{"):
        return None
    return None if _top_level_alternation(pattern) else pattern[0]


def prefix_tree(patterns: list[str]) -> str:
    """An alternation of ``patterns`` (in priority order) factored by leading characters.

    ``workers|work|women`` becomes ``w(?:o(?:r(?:k(?:ers|))|men))``: the engine
    then tries a handful of letters at each word instead of every alternative,
    which made long lexicons several times cheaper. Matches are those of the
    plain alternation: alternatives that part ways at a letter cannot both
    match at one place, and alternatives that do keep their order. A pattern
    without a plain first letter is kept whole, between its neighbours.
    """
    parts: list[str] = []
    branches: dict[str, list[str]] = {}
    for pattern in (part for whole in patterns for part in expanded(whole)):
        lead = _leading_literal(pattern)
        if lead is None:
            parts += [_grouped(branches), f"(?:{pattern})"]
            branches = {}
        else:
            branches.setdefault(lead, []).append(pattern[1:])
    parts.append(_grouped(branches))
    return "|".join(part for part in parts if part)


def _grouped(branches: dict[str, list[str]]) -> str:
    """Each leading character once, followed by what the alternatives that start with it go on with."""
    return "|".join(
        lead + (rests[0] if len(rests) == 1 else f"(?:{prefix_tree(rests)})")
        for lead, rests in branches.items()
    )


def lower_tree(patterns: list[str]) -> str:
    """The alternation of ``patterns`` (longest first), literals in lower case, as a prefix tree:
    for regexes run on lower-cased text without IGNORECASE."""
    return prefix_tree([lower_literals(p) for p in by_length(patterns)])


CASE_SENSITIVE = re.compile(r"\[[^\]]*[A-Z]|\(\?-?i")
PROTECTED = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)")


def whole_words(body: str) -> str:
    """``body`` matched only where no word character or hyphen stands right before or after."""
    return rf"(?<![\w-])(?:{body})(?![\w-])"


def lower_literals(pattern: str) -> str:
    """The pattern with its literal letters in lower case; escapes and group names are left alone."""
    out, last = [], 0
    for match in PROTECTED.finditer(pattern):
        out += [pattern[last : match.start()].lower(), match.group(0)]
        last = match.end()
    return "".join([*out, pattern[last:].lower()])


@lru_cache(maxsize=16)
def lowered(text: str) -> str:
    """``text`` in lower case with every offset kept (the rare letter whose lower case is longer stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class CaseFree:
    """A case-insensitive pattern, searched fast in ASCII text.

    ``re`` runs patterns several times slower with IGNORECASE; in ASCII text the
    lower-cased pattern finds the same in the lower-cased text. Other text
    (curly quotes, accents) gets the IGNORECASE pattern, as lower-casing would
    not keep its case-insensitive matches ("ſ", "İ").
    """

    def __init__(self, pattern: str) -> None:
        self._lower = re.compile(lower_literals(pattern))
        self._exact = re.compile(pattern, re.IGNORECASE)

    def search(self, text: str) -> bool:
        if text.isascii():
            return self._lower.search(text.lower()) is not None
        return self._exact.search(text) is not None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches, with offsets into ``text`` (lower-casing ASCII keeps every offset)."""
        return self._lower.finditer(text.lower()) if text.isascii() else self._exact.finditer(text)


class Phrases:
    """A whole-word, case-insensitive pattern list, matched fast.

    Python's ``re`` is several times slower with IGNORECASE on long alternations,
    so patterns without case-sensitive parts are compiled in lower case and run
    on the lower-cased text; match offsets are the same. A text without any of
    the word stems the patterns need is not scanned at all (``stems.py``).
    ``exact`` is the plain case-insensitive regex, for everything beyond finding
    spans.
    """

    def __init__(self, patterns: list[str]) -> None:
        body = alternation(patterns)
        self.exact = re.compile(whole_words(body), re.IGNORECASE)
        fast = not CASE_SENSITIVE.search(body)
        self._lower = re.compile(whole_words(lower_tree(patterns))) if fast else None
        self._stems = StemTest(lower_literals(p) for p in patterns)

    def _target(self, text: str) -> tuple[re.Pattern[str], str] | None:
        """The regex and text to run, or ``None`` when the text lacks every stem the patterns need."""
        if self._lower is None:
            return self.exact, text
        low = lowered(text)
        return (self._lower, low) if self._stems.may_match(low) else None

    def search(self, text: str) -> re.Match[str] | None:
        target = self._target(text)
        return target[0].search(target[1]) if target else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        target = self._target(text)
        return target[0].finditer(target[1]) if target else iter(())


def _entry(file: str, keys: tuple[str, ...]) -> Any:
    """The part of a data file under ``keys``."""
    node = load(file)
    for key in keys:
        node = node[key]
    return node


@cache
def phrase_regex(file: str, *keys: str) -> Phrases:
    """Whole-word, case-insensitive matching of the pattern list at ``keys`` in ``file``."""
    return Phrases(_entry(file, keys))


@cache
def labelled_regexes(file: str) -> dict[str, Phrases]:
    """For files that map a label (a sector, an indicator...) to its patterns: one regex per label."""
    return {label: phrase_regex(file, label) for label in load(file)}


class LabelledPhrases:
    """All labels of a data file (a sector per pattern list...) matched in one pass.

    One alternation, run on the lower-cased text, finds every label in a
    sentence several times faster than a search per label. Matches do not
    overlap, so where two labels' phrases start at the same place the one
    listed first in the data file wins. The alternation is a prefix tree, which
    cannot tell whose phrase matched; the plain alternation with a named group
    per label, run only where a phrase was found, tells. Labels with
    case-sensitive patterns are searched on their own. As with ``Phrases``, a
    text lacking every stem the patterns need is not scanned.
    """

    def __init__(self, patterns_by_label: dict[str, list[str]]) -> None:
        fast = {
            label: p for label, p in patterns_by_label.items() if not CASE_SENSITIVE.search(alternation(p))
        }
        self.slow = {label: Phrases(p) for label, p in patterns_by_label.items() if label not in fast}
        self.groups = {f"g{index}": label for index, label in enumerate(fast)}
        body = "|".join(
            f"(?P<{group}>{lower_literals(alternation(fast[label]))})" for group, label in self.groups.items()
        )
        self.labelled = re.compile(whole_words(body))
        ordered = [lower_literals(p) for patterns in fast.values() for p in by_length(patterns)]
        self.regex = re.compile(whole_words(prefix_tree(ordered))) if fast else None
        self.stems = StemTest(lower_literals(p) for patterns in fast.values() for p in patterns)
        self.order = list(patterns_by_label)

    def matches(self, text: str) -> list[tuple[str, int, int]]:
        """(label, start, end) of every match, in text order."""
        low = lowered(text)
        found = (
            [(self._label(low, m.start()), m.start(), m.end()) for m in self.regex.finditer(low)]
            if self.regex is not None and self.stems.may_match(low)
            else []
        )
        if not self.slow:
            return found  # one regex: already in text order
        for label, phrases in self.slow.items():
            found.extend((label, m.start(), m.end()) for m in phrases.finditer(text))
        return sorted(found, key=lambda match: match[1])

    def labels(self, text: str) -> list[str]:
        """The labels found in ``text``, in the data file's order."""
        found = {label for label, _, _ in self.matches(text)}
        return [label for label in self.order if label in found] if found else []

    def _label(self, low: str, start: int) -> str:
        match = self.labelled.match(low, start)
        return self.groups[match.lastgroup or ""] if match else ""


@cache
def labelled_phrases(file: str, *keys: str) -> LabelledPhrases:
    """The :class:`LabelledPhrases` of a file that maps labels to pattern lists (under ``keys``)."""
    return LabelledPhrases(_entry(file, keys))
