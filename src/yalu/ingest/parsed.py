"""What a reader makes of one input: the text to store, the bytes it came from, and metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from yalu.errors import InputError

PUBLISHED = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
WORD = re.compile(r"\w{2,}")


@dataclass(frozen=True)
class Metadata:
    """What the user says about a file on the command line; each set field beats what the file says."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    sensitive: bool | None = None


@dataclass(frozen=True)
class ParsedDocument:
    """One document read from a file or a JSON Lines record, not yet stored.

    ``original`` is what is kept, content-addressed, so the text can be
    re-checked against it: the file's bytes, or a JSON Lines record's text.
    ``size`` is how many bytes of input this document accounts for, so
    progress can be shown in bytes.
    """

    source: str
    original: bytes
    media_type: str
    text: str
    size: int
    external_id: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    author: str | None = None
    site: str | None = None
    sensitive: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def with_metadata(self, metadata: Metadata) -> ParsedDocument:
        given = {name: value for name, value in vars(metadata).items() if value is not None}
        return replace(self, **given)


def check_published(source: str, published: str | None, line: int | None = None) -> None:
    """The contract's date forms only, so relative dates in the text have a sound anchor."""
    if published is not None and not PUBLISHED.fullmatch(published):
        raise InputError(source, f"published date {published!r} is not YYYY, YYYY-MM or YYYY-MM-DD", line)


def has_words(text: str) -> bool:
    """Whether a parser found something a reader could read, not just markup debris or blank pages."""
    return WORD.search(text) is not None
