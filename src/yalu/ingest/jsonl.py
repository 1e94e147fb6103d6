"""JSON Lines in the contract's "Documents in" format: one report per line, each checked on its own.

A record's text is kept exactly as given (claim quotes are offsets into it), and
keys beyond the contract's, such as a citation, are kept as extra metadata.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from yalu.errors import InputError
from yalu.ingest.decode import decode_text
from yalu.ingest.parsed import ParsedDocument, check_published

OPTIONAL_STRINGS = ("url", "outlet", "title", "published", "language", "author")
KNOWN_KEYS = {"id", "text", "sensitive", *OPTIONAL_STRINGS}


def read_jsonl(path: Path, data: bytes) -> Iterator[ParsedDocument | InputError]:
    """Each record, or the error that one line has; a bad line never stops the lines after it."""
    source = str(path)
    try:
        content = decode_text(data, source)
    except InputError as error:
        yield error
        return
    # Split on newlines only: JSON strings may hold other line separators such as U+2028.
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield parse_record(source, number, line)
        except InputError as error:
            yield error


def parse_record(source: str, number: int, line: str) -> ParsedDocument:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(source, f"not JSON: {error.msg} at column {error.colno}", number) from error
    if not isinstance(record, dict):
        raise InputError(source, "not a JSON object", number)
    external_id = _required_string(source, number, record, "id")
    text = _required_string(source, number, record, "text")
    try:
        original = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(source, "'text' holds an unpaired surrogate, not valid Unicode", number) from error
    if "\x00" in text:
        raise InputError(source, "'text' holds a NUL character", number)
    fields = {key: _optional_string(source, number, record, key) for key in OPTIONAL_STRINGS}
    check_published(source, fields["published"], number)
    sensitive = record.get("sensitive")
    if sensitive is not None and not isinstance(sensitive, bool):
        raise InputError(source, "'sensitive' must be true, false or null", number)
    return ParsedDocument(
        source=f"{source}:{number}",
        original=original,
        media_type="text/plain",
        text=text,
        size=len(line.encode("utf-8", "replace")) + 1,
        external_id=external_id,
        sensitive=sensitive,
        extra={key: value for key, value in record.items() if key not in KNOWN_KEYS},
        **fields,
    )


def _required_string(source: str, number: int, record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if value is None:
        raise InputError(source, f"record has no {key!r}", number)
    if not isinstance(value, str) or not value.strip():
        raise InputError(source, f"{key!r} must be a non-empty string", number)
    return value


def _optional_string(source: str, number: int, record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(source, f"{key!r} must be a string or null", number)
    return value
