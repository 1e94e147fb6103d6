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

DATA_FILES = (
    "workers", "triggers", "sectors", "indicators", "incidents", "actors", "modality",
    "organizations", "money", "roles",
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
    on the lower-cased text; match offsets are the same. ``exact`` is the plain
    case-insensitive regex, for everything beyond finding spans.
    """

    def __init__(self, patterns: list[str]) -> None:
        body = alternation(patterns)
        self.exact = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
        fast = not CASE_SENSITIVE.search(body)
        self._lower = re.compile(rf"(?<![\w-])(?:{lower_literals(body)})(?![\w-])") if fast else None

    def _target(self, text: str) -> tuple[re.Pattern[str], str]:
        return (self._lower, lowered(text)) if self._lower is not None else (self.exact, text)

    def search(self, text: str) -> re.Match[str] | None:
        regex, target = self._target(text)
        return regex.search(target)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        regex, target = self._target(text)
        return regex.finditer(target)


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


WORD = re.compile(r"\w+")
STEM_LENGTH = 6  # gates compare at most this many leading letters: cheaper, and only more permissive
LEADING_LITERAL = re.compile(r"^[\w' ]+")


def _leading_stems(pattern: str) -> list[str] | None:
    """The words a match of ``pattern`` must start with, or None when that cannot be told simply.

    Handles a literal start ("seafood", "workers?") and a leading group of
    alternatives after an optional lookbehind ("(?<!the\\s)(?:sent|dispatch(?:ed)?)").
    """
    pattern = re.sub(r"^\(\?<[!=][^()]*\)", "", pattern)
    alternatives = _top_level_alternatives(pattern[3:]) if pattern.startswith("(?:") else [pattern]
    if alternatives is None:
        return None
    stems = []
    for alternative in alternatives:
        literal = LEADING_LITERAL.match(alternative)
        words = literal.group(0).split() if literal else []
        if not words:
            return None
        stem = words[0].lower().rstrip("'")
        if literal and len(words) == 1 and alternative[literal.end() : literal.end() + 1] in ("?", "*", "{"):
            stem = stem[:-1]
        if len(stem) < 2:
            return None
        stems.append(stem)
    return stems


def _top_level_alternatives(body: str) -> list[str] | None:
    """The alternatives of a group whose opening "(?:" is already cut off, up to its closing bracket."""
    depth, start, parts = 0, 0, list[str]()
    for index, char in enumerate(body):
        if body[index - 1 : index] == "\\":
            continue
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif char == ")":
            return [*parts, body[start:index]]
        elif char == "|" and not depth:
            parts.append(body[start:index])
            start = index + 1
    return None


class Gate:
    """A cheap word test that rules labels out before their regular expressions run.

    Each pattern that starts with literal text contributes its first word; a
    label can match a sentence only if some word of the sentence starts with
    one of those. Labels with a pattern that starts with regex syntax are always
    candidates. Scanning a sentence's words is far cheaper than trying dozens of
    case-insensitive alternations at every position.
    """

    def __init__(self, patterns_by_label: dict[str, list[str]]) -> None:
        self.always: set[str] = set()
        self.labels_by_stem: dict[str, set[str]] = {}
        for label, patterns in patterns_by_label.items():
            for pattern in patterns:
                stems = _leading_stems(pattern)
                if stems is None:
                    self.always.add(label)
                for stem in stems or ():
                    self.labels_by_stem.setdefault(stem[:STEM_LENGTH], set()).add(label)
        self.stems = frozenset(self.labels_by_stem)

    def candidates(self, text: str) -> set[str]:
        found = set(self.always)
        for stem in self.stems & word_prefixes(text):
            found |= self.labels_by_stem[stem]
        return found


@lru_cache(maxsize=16)
def word_prefixes(text: str) -> frozenset[str]:
    """Every prefix (two letters or more) of every lower-case word of a sentence; all gates share it."""
    words = set(WORD.findall(text.lower()))
    return frozenset(word[:k] for word in words for k in range(2, min(len(word), STEM_LENGTH) + 1))


@cache
def label_gate(file: str, *keys: str) -> Gate:
    """The :class:`Gate` for a file that maps labels to pattern lists (optionally under ``keys``)."""
    node = load(file)
    for key in keys:
        node = node[key]
    return Gate(node)
