"""Proper names of agencies, trading companies and employers (claims.md, "Organizations").

A name is a run of capitalised words that contains an organisational head word
("Kangseong Trading Company", "Ministry of State Security"), or a capitalised run
right before a generic noun ("the Hong Chao Zhi Yi garment factory" gives "Hong
Chao Zhi Yi"). Generic words are stripped; bodies that only report or make rules
(news agencies, research centres, a ministry quoted as a source, a party named as a
lawmaker's affiliation) are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from yalu.extract.lexicon import alternation, load, phrase_regex

CAPITALISED = r"(?:[A-Z][\w'’.-]*|\d+)"
# The same as CAPITALISED, led by one character class: ``re`` then skips straight to capitals and digits.
FIRST_CAPITALISED = r"[A-Z\d](?:(?<=[A-Z])[\w'’.-]*|(?<=\d)\d*)"
RUN = re.compile(rf"{FIRST_CAPITALISED}(?:\s+(?:of|for|the|de)\s+{CAPITALISED}|\s+{CAPITALISED})*")
# Matched at the end of a run (``match`` with a start), not on a copy of the rest of the sentence.
GENERIC_NOUN = re.compile(
    r"\s+(?:garment|clothing|seafood|shoe|textile|processing|trading)?\s*(?:factory|plant|company|restaurant)\b"
)
SPEECH_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:who spoke|said|says|told|reported|estimates?|stated"
    r"|lawmakers?|legislators?|members?|MPs?|senators?|politicians?|spokes\w+)\b"
)
SPEECH_BEFORE = re.compile(r"\b(?:according to|cited by|citing|told)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class OrganizationMention:
    """A named organization in a sentence; offsets are relative to the sentence."""

    start: int
    end: int
    name: str


@cache
def _heads() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alternation(load('organizations')['heads'])})(?![\w-])")


@cache
def _suffix_names() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(load('organizations')['name_suffixes'])})\b")


@cache
def _generic_prefix() -> re.Pattern[str]:
    return re.compile(
        rf"^(?:(?:{alternation(load('organizations')['generic_words'])})(?:\s+|$))+", re.IGNORECASE
    )


def _clean(name: str) -> str:
    name = _generic_prefix().sub("", name).strip(" ,.'’")
    return re.sub(r"[’']s$", "", name)


def _is_reporting_body(name: str) -> bool:
    bodies = phrase_regex("organizations", "reporting_bodies").exact
    return bool(bodies.fullmatch(name)) or bool(
        bodies.search(name) and not _heads().search(bodies.sub("", name))
    )


def _candidates(text: str) -> list[tuple[int, int, str]]:
    found = []
    for run in RUN.finditer(text):
        name = run.group(0)
        if _heads().search(name) or GENERIC_NOUN.match(text, run.end()):
            found.append((run.start(), run.end(), name))
    found.extend((m.start(), m.end(), m.group(0)) for m in _suffix_names().finditer(text))
    return found


def find_organizations(text: str) -> list[OrganizationMention]:
    """Named organizations in ``text``, earliest first, without reporting bodies."""
    mentions: dict[str, OrganizationMention] = {}
    for start, end, raw in sorted(_candidates(text)):
        name = _clean(raw)
        if len(name) < 3 or name.lower() in {m.lower() for m in mentions} or _is_reporting_body(name):
            continue
        if SPEECH_AFTER.match(text, end) or SPEECH_BEFORE.search(text, 0, start):
            continue
        if any(start < m.end and end > m.start for m in mentions.values()):
            continue
        mentions[name] = OrganizationMention(start, end, name)
    return list(mentions.values())


def has_organization_role(text: str) -> bool:
    """Whether the sentence gives its named bodies a part in recruiting, employing or controlling workers."""
    return bool(phrase_regex("organizations", "roles").search(text))
