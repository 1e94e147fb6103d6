"""Extraction over many documents: a JSON Lines file (stateless) or the documents in the store.

The stateless path writes its output atomically (a temporary file renamed into
place), so an interrupted run never leaves half a claims file behind. A bad
input line is reported and skipped; the rest of the file is still extracted.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from sqlalchemy import select

from yalu.errors import InputError, NotFoundError
from yalu.extract.pipeline import extract_document
from yalu.extract.places import Gazetteer, load_gazetteer
from yalu.ingest.jsonl import read_jsonl
from yalu.model import Claim, Document
from yalu.store import DocumentRow, Store, document_to_model, save_claims

Advance = Callable[[int], None]


@dataclass
class Tally:
    """What a batch did: documents extracted, claims found, lines or documents that failed."""

    documents: int = 0
    claims: int = 0
    errors: list[InputError] = field(default_factory=list)


def read_documents(path: Path) -> Iterator[Document | InputError]:
    """Each record of a "Documents in" JSON Lines file, or the error of its line."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror}") from error
    for record in read_jsonl(path, data):
        if isinstance(record, InputError):
            yield record
            continue
        yield Document(
            id=record.external_id or "", text=record.text, url=record.url, outlet=record.outlet,
            title=record.title, published=record.published, language=record.language,
        )  # fmt: skip


def find_document(path: Path, document_id: str) -> Document:
    for record in read_documents(path):
        if isinstance(record, Document) and record.id == document_id:
            return record
    raise NotFoundError(f"{path}: no document with id {document_id!r}")


def count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def extract_file(
    input_path: Path, output_path: Path, advance: Advance, report: Callable[[InputError], None]
) -> Tally:
    """Extract every document of ``input_path`` into ``output_path`` in the contract's export format."""
    tally = Tally()
    gazetteer = load_gazetteer()
    output_path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=output_path.parent, prefix=f".{output_path.name}.")
    try:
        with open(descriptor, "w", encoding="utf-8") as handle:
            for record in read_documents(input_path):
                if isinstance(record, InputError):
                    tally.errors.append(record)
                    report(record)
                else:
                    _write(handle, extract_document(record, gazetteer), tally)
                advance(1)
        os.replace(temporary, output_path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return tally


def _write(handle: TextIO, claims: list[Claim], tally: Tally) -> None:
    for claim in claims:
        handle.write(json.dumps(claim.to_export(), ensure_ascii=False) + "\n")
    tally.documents += 1
    tally.claims += len(claims)


def stored_documents_to_extract(store: Store, force: bool) -> list[str]:
    """External ids of the stored documents not yet extracted (all of them with ``force``)."""
    with store.session() as session:
        query = select(DocumentRow.external_id).order_by(DocumentRow.id)
        if not force:
            query = query.where(DocumentRow.extracted_at.is_(None))
        return list(session.scalars(query))


def extract_stored(
    store: Store, document_ids: list[str], advance: Advance, gazetteer: Gazetteer | None = None
) -> Tally:
    """Extract and save the claims of each stored document; one transaction per document."""
    tally = Tally()
    gazetteer = gazetteer or load_gazetteer()
    for document_id in document_ids:
        with store.transaction() as session:
            row = session.scalars(select(DocumentRow).where(DocumentRow.external_id == document_id)).one()
            claims = extract_document(document_to_model(row), gazetteer)
            save_claims(session, document_id, claims)
        tally.documents += 1
        tally.claims += len(claims)
        advance(1)
    return tally
