"""Plain text and Markdown files: the decoded file is the document."""

from __future__ import annotations

import re
from pathlib import Path

from yalu.ingest.decode import decode_text
from yalu.ingest.parsed import ParsedDocument

MARKDOWN_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def read_text(path: Path, data: bytes) -> ParsedDocument:
    text = decode_text(data, str(path))
    is_markdown = path.suffix.lower() == ".md"
    heading = MARKDOWN_HEADING.search(text) if is_markdown else None
    return ParsedDocument(
        source=str(path),
        original=data,
        media_type="text/markdown" if is_markdown else "text/plain",
        text=text,
        size=len(data),
        title=heading.group(1) if heading else None,
    )
