"""Saved web pages: trafilatura finds the article among menus and footers, and its metadata."""

from __future__ import annotations

from pathlib import Path

from yalu.errors import InputError
from yalu.ingest.decode import decode_text
from yalu.ingest.parsed import ParsedDocument, has_words

# Dates from the page's markup only: a year mentioned in the story is not its publication date.
DATE_FROM_MARKUP = {"extensive_search": False, "original_date": True}


def read_html(path: Path, data: bytes) -> ParsedDocument:
    source = str(path)
    markup = decode_text(data, source)
    parsed = _extract(source, data, markup)
    if parsed is None and "<html" not in markup[:2000].lower():
        # trafilatura refuses a saved fragment (no <html> around it); give it the page it lacks.
        parsed = _extract(source, data, f"<html><body>{markup}</body></html>")
    if parsed is None:
        raise InputError(source, "malformed or empty HTML: no readable text found")
    return parsed


def _extract(source: str, data: bytes, markup: str) -> ParsedDocument | None:
    """The page's main text and metadata, or ``None`` when trafilatura finds no readable text."""
    # Imported here: trafilatura is slow to import and only ingest of web pages needs it.
    import trafilatura
    from trafilatura.settings import Document

    try:
        page = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            favor_recall=True,
            date_extraction_params=DATE_FROM_MARKUP,
        )
    except Exception as error:  # a parser fed arbitrary markup fails in many ways; each is one bad file
        raise InputError(source, f"malformed HTML: {error}") from error
    if not isinstance(page, Document) or not page.text or not has_words(page.text):
        return None
    return ParsedDocument(
        source=source,
        original=data,
        media_type="text/html",
        text=page.text,
        size=len(data),
        title=page.title,
        url=page.url,
        published=page.date,
        author=page.author,
        site=page.sitename,
    )
