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


def alternation(patterns: list[str]) -> str:
    """One regular-expression alternation, longest entries first so "tens of thousands" beats "tens"."""
    return "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))


CASE_SENSITIVE = re.compile(r"\[[^\]]*[A-Z]|\(\?-?i")
PROTECTED = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)")


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
        self.exact = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
        fast = not CASE_SENSITIVE.search(body)
        self._lower = re.compile(rf"(?<![\w-])(?:{lower_literals(body)})(?![\w-])") if fast else None
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


@cache
def phrase_regex(file: str, *keys: str) -> Phrases:
    """Whole-word, case-insensitive matching of the pattern list at ``keys`` in ``file``."""
    node = load(file)
    for key in keys:
        node = node[key]
    return Phrases(node)


@cache
def labelled_regexes(file: str) -> dict[str, Phrases]:
    """For files that map a label (a sector, an indicator...) to its patterns: one regex per label."""
    return {label: phrase_regex(file, label) for label in load(file)}


class LabelledPhrases:
    """All labels of a data file (a sector per pattern list...) matched in one pass.

    One alternation with a named group per label, run on the lower-cased text,
    finds every label in a sentence several times faster than a search per
    label. Matches do not overlap, so where two labels' phrases start at the
    same place the one listed first in the data file wins. Labels with
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
        self.regex = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])") if fast else None
        self.stems = StemTest(lower_literals(p) for patterns in fast.values() for p in patterns)
        self.order = list(patterns_by_label)

    def matches(self, text: str) -> list[tuple[str, int, int]]:
        """(label, start, end) of every match, in text order."""
        found = [(self.groups[m.lastgroup or ""], m.start(), m.end()) for m in self._fast(text)]
        if not self.slow:
            return found  # one regex: already in text order
        for label, phrases in self.slow.items():
            found.extend((label, m.start(), m.end()) for m in phrases.finditer(text))
        return sorted(found, key=lambda match: match[1])

    def labels(self, text: str) -> list[str]:
        """The labels found in ``text``, in the data file's order."""
        found = {label for label, _, _ in self.matches(text)}
        return [label for label in self.order if label in found] if found else []

    def _fast(self, text: str) -> Iterator[re.Match[str]]:
        if self.regex is None:
            return iter(())
        low = lowered(text)
        return self.regex.finditer(low) if self.stems.may_match(low) else iter(())


@cache
def labelled_phrases(file: str, *keys: str) -> LabelledPhrases:
    """The :class:`LabelledPhrases` of a file that maps labels to pattern lists (under ``keys``)."""
    node = load(file)
    for key in keys:
        node = node[key]
    return LabelledPhrases(node)
