"""What a sentence is about: claim-type triggers, sectors, indicators, incidents, actors, modality.

Everything here reads the YAML lexicons under ``extract/data``; the code only
decides how matches combine (an incident blocked by "to prevent", a killing
absorbing the beating that caused it, the policy actor nearest the rule).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from yalu.extract.lexicon import Gate, Phrases, label_gate, labelled_regexes, load, phrase_regex


@dataclass(frozen=True)
class Trigger:
    """A claim-type pattern that matched; ``rule`` is "<type>.<rule name>"."""

    type: str
    rule: str
    start: int
    end: int


@cache
def _trigger_regexes() -> dict[str, dict[str, Phrases]]:
    rules = load("triggers")
    return {kind: {name: phrase_regex("triggers", kind, name) for name in rules[kind]} for kind in rules}


@cache
def _trigger_gate() -> Gate:
    rules = load("triggers")
    return Gate({f"{kind}.{name}": patterns for kind in rules for name, patterns in rules[kind].items()})


def find_triggers(text: str) -> dict[str, Trigger]:
    """The first matching rule of each claim type, in the data file's rule order."""
    found: dict[str, Trigger] = {}
    candidates = _trigger_gate().candidates(text)
    for kind, rules in _trigger_regexes().items():
        for name, regex in rules.items():
            match = regex.search(text) if f"{kind}.{name}" in candidates else None
            if match:
                found[kind] = Trigger(kind, f"{kind}.{name}", match.start(), match.end())
                break
    return found


def find_labels(file: str, text: str) -> list[str]:
    """Labels (sectors, indicators) whose patterns occur in ``text``, in the data file's order."""
    candidates = label_gate(file).candidates(text)
    return [
        label for label, regex in labelled_regexes(file).items() if label in candidates and regex.search(text)
    ]


@cache
def _incident_regexes() -> dict[str, Phrases]:
    return {label: phrase_regex("incidents", "labels", label) for label in load("incidents")["labels"]}


def _blocked(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40) : start]
    after = text[end : end + 25]
    blockers_before = phrase_regex("incidents", "blockers_before")
    blockers_after = phrase_regex("incidents", "blockers_after")
    return bool(blockers_before.search(before) or blockers_after.search(after))


def find_incidents(text: str) -> list[Trigger]:
    """Incidents the sentence reports as events, one per kind, earliest first."""
    found: dict[str, Trigger] = {}
    candidates = label_gate("incidents", "labels").candidates(text)
    for label, regex in _incident_regexes().items():
        for match in regex.finditer(text) if label in candidates else ():
            if not _blocked(text, match.start(), match.end()):
                found[label] = Trigger("incident", f"incident.{label}", match.start(), match.end())
                break
    for label, absorbed in load("incidents")["absorbs"].items():
        if label in found:
            for other in absorbed:
                found.pop(other, None)
    return sorted(found.values(), key=lambda t: t.start)


def incident_label(trigger: Trigger) -> str:
    return trigger.rule.split(".", 1)[1]


@cache
def _actor_regexes() -> dict[str, Phrases]:
    return labelled_regexes("actors")


def actor_mentions(text: str) -> list[tuple[int, str]]:
    """(position, actor) for every actor named in ``text``; overlapping names keep the longer."""
    spans: list[tuple[int, int, str]] = []
    for actor, regex in _actor_regexes().items():
        spans.extend((m.start(), m.end(), actor) for m in regex.finditer(text))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return [(start, actor) for start, _, actor in kept]


NEGATION = re.compile(r"(?:\b(?:no|not|never|none|nor)\b|n[’']t\b)(?:\W+\w+){0,5}\W*$", re.IGNORECASE)


MONEY_SUBJECT = re.compile(
    r"\b(?:salar\w+|wages?|earnings|funds?|money|profits?|cash|revenue|remittances?|income)\b"
    r"(?:\W+(?!workers|labou?rers|people|women|men)\w+){0,5}\W*$",
    re.IGNORECASE,
)


def negated(text: str, trigger: Trigger) -> bool:
    """ "No workers were repatriated", "I can't send them", "salaries are repatriated": no worker moved."""
    before = text[max(0, trigger.start - 50) : trigger.start]
    return bool(NEGATION.search(before) or MONEY_SUBJECT.search(before))


def is_expected(text: str, trigger: Trigger) -> bool:
    """A forecast or plan: a modal cue in the words just before the trigger, or in it."""
    window = text[max(0, trigger.start - 45) : trigger.end]
    return bool(phrase_regex("modality", "expected").search(window))
