"""Ingest: files, folders and JSON Lines into the store, originals kept, duplicates caught.

:class:`Ingester` is the entry point; one reader module per format turns bytes
into a :class:`ParsedDocument`.
"""

from yalu.ingest.files import SUPPORTED, collect_files, read_file
from yalu.ingest.parsed import Metadata, ParsedDocument
from yalu.ingest.pipeline import Ingester, Outcome, Status

__all__ = [
    "SUPPORTED",
    "Ingester",
    "Metadata",
    "Outcome",
    "ParsedDocument",
    "Status",
    "collect_files",
    "read_file",
]
