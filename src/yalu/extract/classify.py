"""What a sentence is about: claim-type triggers, sectors, indicators, incidents, actors, modality.

Everything here reads the YAML lexicons under ``extract/data``; the code only
decides how matches combine (an incident blocked by "to prevent", a killing
absorbing the beating that caused it, the policy actor nearest the rule).
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from yalu.extract.lexicon import (
    CaseFree,
    LabelledPhrases,
    Phrases,
    labelled_phrases,
    labelled_regexes,
    load,
    phrase_regex,
)


class Trigger(NamedTuple):
    """A claim-type pattern that matched; ``rule`` is "<type>.<rule name>"."""

    type: str
    rule: str
    start: int
    end: int


@cache
def _trigger_kinds() -> list[tuple[str, LabelledPhrases, dict[str, int]]]:
    """Each claim type's trigger phrases, and the place of each of its rules in the data file."""
    return [
        (kind, labelled_phrases("triggers", kind), {rule: index for index, rule in enumerate(rules)})
        for kind, rules in load("triggers").items()
    ]


def find_triggers(text: str) -> dict[str, Trigger]:
    """For each claim type, its first rule (in the data file's order) that matches, at its earliest match."""
    found: dict[str, Trigger] = {}
    for kind, phrases, order in _trigger_kinds():
        matches = phrases.matches(text)
        if matches:
            name, start, end = min(matches, key=lambda m: (order[m[0]], m[1]))
            found[kind] = Trigger(kind, f"{kind}.{name}", start, end)
    return found


def find_labels(file: str, text: str) -> list[str]:
    """Labels (sectors, indicators) whose patterns occur in ``text``, in the data file's order."""
    return labelled_phrases(file).labels(text)


def _blocked(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40) : start]
    after = text[end : end + 25]
    blockers_before = phrase_regex("incidents", "blockers_before")
    blockers_after = phrase_regex("incidents", "blockers_after")
    return bool(blockers_before.search(before) or blockers_after.search(after))


def find_incidents(text: str) -> list[Trigger]:
    """Incidents the sentence reports as events, one per kind, earliest first."""
    found: dict[str, Trigger] = {}
    for label, start, end in labelled_phrases("incidents", "labels").matches(text):
        if label not in found and not _blocked(text, start, end):
            found[label] = Trigger("incident", f"incident.{label}", start, end)
    if not found:
        return []
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


NEGATION = r"(?:\b(?:no|not|never|none|nor)\b|n[’']t\b)(?:\W+\w+){0,5}\W*$"
CONDITION = r"\b(?:if|unless|whether|until|once)\b(?:\W+\w+){0,8}\W*$"
OBLIGATION = (
    r"\b(?:(?:should|must|were to|was to|supposed to|obliged to|required to)(?:\s+have)?(?:\s+been)?"
    r"|g[ai]ve(?:s|n)?\s+(?:[\w.,-]+\s+){1,5}?to)\s*$"
)
MONEY_SUBJECT = (
    r"\b(?:salar\w+|wages?|earnings|funds?|money|profits?|cash|revenue|remittances?|income)\b"
    r"(?:\W+(?!workers|labou?rers|people|women|men)\w+){0,5}\W*$"
)
NO_MOVE = CaseFree("|".join(f"(?:{p})" for p in (NEGATION, MONEY_SUBJECT, CONDITION, OBLIGATION)))
"""Any of the four, searched in one pass over the words before a trigger."""


def negated(text: str, trigger: Trigger) -> bool:
    """ "No workers were repatriated", "if they go home", "salaries are repatriated", "should have
    gone home", "gave states two years to send them home" (an obligation is a rule), "until
    they return home": no worker moved."""
    return NO_MOVE.search(text[max(0, trigger.start - 50) : trigger.start])


def is_expected(text: str, trigger: Trigger) -> bool:
    """A forecast or plan: a modal cue in the words just before the trigger, or in it."""
    window = text[max(0, trigger.start - 45) : trigger.end]
    return bool(phrase_regex("modality", "expected").search(window))
