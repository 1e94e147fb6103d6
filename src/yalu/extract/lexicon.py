"""Loads the analyst-editable data files under ``extract/data`` and compiles their patterns.

Domain knowledge (worker nouns, claim-type triggers, sectors, indicators, incidents,
policy actors, modality cues, organization words) lives in YAML so an analyst can
extend it without touching Python; ``tests/extract/test_data_files.py`` validates it.
Entries are regular expressions matched case-insensitively on word boundaries.
"""

from __future__ import annotations

import re
from functools import cache
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


@cache
def phrase_regex(file: str, *keys: str) -> re.Pattern[str]:
    """A whole-word, case-insensitive regex for the pattern list at ``keys`` in ``file``."""
    node = load(file)
    for key in keys:
        node = node[key]
    return re.compile(rf"(?<![\w-])(?:{alternation(node)})(?![\w-])", re.IGNORECASE)


@cache
def labelled_regexes(file: str) -> dict[str, re.Pattern[str]]:
    """For files that map a label (a sector, an indicator...) to its patterns: one regex per label."""
    return {label: phrase_regex(file, label) for label in load(file)}


@cache
def labels_regex(file: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for all labels of a file, each label a named group; scanning once is much faster."""
    groups = {f"g{i}": label for i, label in enumerate(load(file))}
    body = "|".join(f"(?P<{group}>{alternation(load(file)[label])})" for group, label in groups.items())
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE), groups
