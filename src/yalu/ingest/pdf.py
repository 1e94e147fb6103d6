"""PDF files: the text layer, page by page; scans without one are refused, not stored empty."""

from __future__ import annotations

import logging
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from yalu.errors import InputError
from yalu.ingest.parsed import ParsedDocument, has_words

# pypdf logs every recoverable quirk; the user needs only the one line an unreadable file gets.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(path: Path, data: bytes) -> ParsedDocument:
    source = str(path)
    if not data:
        raise InputError(source, "empty file")
    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        info = reader.metadata
    except Exception as error:  # pypdf raises many kinds of error on damaged files; each is one bad file
        raise InputError(source, f"not a readable PDF: {error}") from error
    text = "\n\n".join(page for page in pages if page)
    if not has_words(text):
        raise InputError(source, "PDF has no text layer (a scan?); run OCR on it first")
    return ParsedDocument(
        source=source,
        original=data,
        media_type="application/pdf",
        text=text,
        size=len(data),
        title=(info.title or None) if info else None,
        author=(info.author or None) if info else None,
    )
