"""Lists inside one sentence that are separate claims (claims.md: facets adding new values).

"30,000 in Liaoning and 20,000 in Jilin" is two presence claims; "Kuwait
repatriated 904, and Qatar sent back 2,500" is two returns. Each part is a
segment: its count and the span of the sentence whose places belong to it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from yalu.extract.classify import find_triggers
from yalu.extract.facts import SentenceFacts
from yalu.extract.quantities import CountMention

LIST_AND = re.compile(r"(?:,\s*|\s+)and\s+")
CLAUSE_BREAK = re.compile(r",\s+(?:and|while|whereas)\s+|;\s+")
SUBJECT_VERB = re.compile(r"\s+(?:has\s+|had\s+|also\s+)?[a-z]+(?:ed|s|t)\b")
SUBGROUP = re.compile(r"\b(?:including|among them|such as)\s+$", re.IGNORECASE)
Segment = tuple[CountMention | None, int, int | None]


def count_list(facts: SentenceFacts) -> list[Segment]:
    """Split a list of counts into one segment per count with its own places.

    "30,000 in Liaoning and 20,000 in Jilin"; "100,000 abroad, 30,000 of them in
    Russia and 80,000 in China" (a leading total may have no place); "5,000
    builders and 1,000 deminers" (counts joined by "and", each naming its workers).
    A subgroup ("300 workers, including 40 women") is not a list.
    """
    counts = [c for c in facts.counts if not c.singular]
    gaps = [facts.text[a.end : b.start] for a, b in pairwise(counts)]
    if not gaps or any(SUBGROUP.search(gap) for gap in gaps):
        return []
    bounds = [counts[0].start] + [_list_break(gap, b) for gap, b in zip(gaps, counts[1:], strict=True)]
    segments: list[Segment] = list(zip(counts, bounds, [*bounds[1:], None], strict=True))
    placed = all(_has_place(facts, start, end) for _, start, end in segments[1:])
    joined = all(LIST_AND.search(gap) for gap in gaps) and not any(c.elliptic for c in counts)
    return segments if placed or joined else []


def _list_break(gap: str, after: CountMention) -> int:
    """Where the next item of a list begins: at its "and", else at its count."""
    joint = LIST_AND.search(gap)
    return after.start - len(gap) + joint.start() if joint else after.start


def _has_place(facts: SentenceFacts, start: int, end: int | None) -> bool:
    return any(p.start >= start and (end is None or p.end <= end) for p in facts.places)


def _clauses(facts: SentenceFacts, claim_type: str) -> list[tuple[int, int]]:
    """ "Kuwait repatriated 904, and Qatar sent back 2,500": a clause led by another place is an event."""
    cuts = [m for m in CLAUSE_BREAK.finditer(facts.text) if _place_subject(facts, m.end())]
    edges = [0] + [m.start() for m in cuts] + [len(facts.text)]
    spans = list(pairwise(edges))
    if len(spans) < 2 or not all(claim_type in find_triggers(facts.text[s:e]) for s, e in spans):
        return []
    return spans


def _place_subject(facts: SentenceFacts, at: int) -> bool:
    """A place opening a clause and followed by its verb ("and Qatar sent back ..."), not by a comma."""
    return any(p.start == at and SUBJECT_VERB.match(facts.text, p.end) for p in facts.places)


def segments(facts: SentenceFacts, claim_type: str) -> list[Segment]:
    """The parts of a sentence that are separate movements, each with its count; the whole sentence if one."""
    clauses = _clauses(facts, claim_type)
    if clauses:
        return [(_first_count(facts, start, end), start, end) for start, end in clauses]
    listed = count_list(facts) if claim_type != "return" else []
    return listed or [(facts.worker_count(), 0, None)]


def _first_count(facts: SentenceFacts, start: int, end: int) -> CountMention | None:
    return next((c for c in facts.counts if not c.singular and start <= c.start and c.end <= end), None)
