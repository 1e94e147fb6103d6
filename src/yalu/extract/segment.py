"""Sentence segmentation with character offsets into the original text.

Every quote Yalu keeps must equal ``text[start:end]``, so segmentation never
rewrites text: it only finds boundaries. News pages mix body prose with
headlines, photo captions, subheadings, quoted speech and Q&A blocks; each line
is segmented on its own, because a line break in these layouts ends a unit even
without a full stop.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

SentenceKind = Literal["heading", "question", "body"]

# Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "mt",
        "co",
        "corp",
        "ltd",
        "inc",
        "gen",
        "lt",
        "col",
        "sgt",
        "prof",
        "no",
        "vs",
        "approx",
        "est",
        "dept",
        "govt",
        "jr",
        "sr",
        "fig",
        "vol",
        "e.g",
        "i.e",
    ]
)
BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+(?:[\"“‘'\[◆※]?[A-Z0-9\"“‘◆※]|\())")
INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")
PROSE_END = re.compile(r"[.!?:][\"”’')\]]*$")
QA_PREFIX = re.compile(r"^(?:Q|A)\s*[:.]")


class Sentence(NamedTuple):
    """A sentence, or a heading line, located in the document text."""

    start: int
    end: int
    text: str
    kind: SentenceKind


def _token_ending_at(line: str, stop: int) -> str:
    """The run of word characters and dots that ends with the full stop at ``stop`` (at most 41 long)."""
    start, limit = stop, max(0, stop - 40)
    while start > limit and (line[start - 1].isalnum() or line[start - 1] in "._"):
        start -= 1
    return line[start : stop + 1]


def _is_real_boundary(line: str, stop: int) -> bool:
    """A full stop after an abbreviation or an initialism (U.N., Sept.) is not a boundary."""
    token = _token_ending_at(line, stop)
    if token.rstrip(".").lower() in ABBREVIATIONS:
        return False
    return not (INITIALISM.match(token) or (len(token.rstrip(".")) == 1 and token[0].isupper()))


def _split_line(line: str) -> list[tuple[int, int]]:
    spans, begin = [], 0
    for match in BOUNDARY.finditer(line):
        stop = match.start()
        if line[stop] == "." and not _is_real_boundary(line, stop):
            continue
        spans.append((begin, match.end()))
        begin = match.end()
    spans.append((begin, len(line)))
    return spans


def _ends_like_prose(line: str) -> bool:
    return bool(PROSE_END.search(line.rstrip()[-6:]))


def _kind(text: str, in_heading_line: bool) -> SentenceKind:
    if QA_PREFIX.match(text) or text.rstrip("\"”’' ").endswith("?"):
        return "question"
    return "heading" if in_heading_line else "body"


def _blocks(text: str) -> list[tuple[int, str]]:
    """Lines, with a soft-wrapped line (next one starts in lower case) joined to its successor."""
    blocks: list[tuple[int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if blocks and line[:1].islower() and not _ends_like_prose(blocks[-1][1]):
            blocks[-1] = (blocks[-1][0], blocks[-1][1] + line)
        else:
            blocks.append((offset, line))
        offset += len(line)
    return blocks


def segment(text: str) -> list[Sentence]:
    """Split ``text`` into sentences whose offsets index ``text`` itself."""
    sentences: list[Sentence] = []
    for offset, block in _blocks(text):
        heading = not _ends_like_prose(block) and len(block.split()) <= 30
        for begin, finish in _split_line(block):
            chunk = block[begin:finish]
            lead = len(chunk) - len(chunk.lstrip())
            body = chunk.strip()
            if body:
                start = offset + begin + lead
                sentences.append(Sentence(start, start + len(body), body, _kind(body, heading)))
    return sentences
