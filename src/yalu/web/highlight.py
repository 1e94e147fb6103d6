"""Cutting a document's text into runs by which claims' quotes cover them.

The page escapes every run and wraps covered runs in a mark, so quotes are
highlighted without ever inserting markup into the text: whatever HTML a
document contains is shown as text. Overlapping quotes are fine: each run
lists every claim that covers it.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from yalu.web.schemas import TextSegment


def segments(text: str, quotes: Iterable[tuple[str, int, int]]) -> list[TextSegment]:
    """Runs of ``text`` split at every quote boundary; ``quotes`` are ``(claim id, start, end)``."""
    spans = [(claim, max(0, start), min(len(text), end)) for claim, start, end in quotes if start < end]
    cuts = sorted({0, len(text), *(s for _, s, _ in spans), *(e for _, _, e in spans)})
    runs: list[TextSegment] = []
    for start, end in pairwise(cuts):
        covering = sorted({claim for claim, s, e in spans if s <= start and end <= e})
        if runs and runs[-1].claims == covering:
            runs[-1].text += text[start:end]
        else:
            runs.append(TextSegment(start=start, text=text[start:end], claims=covering))
    return runs
