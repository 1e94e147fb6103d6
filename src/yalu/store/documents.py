"""Adding documents with their originals, and looking them up: by id, by content hash, as a list."""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from yalu.errors import NotFoundError
from yalu.store.tables import DocumentRow, OriginalRow


def add_document(session: Session, document: DocumentRow, original: bytes) -> DocumentRow:
    """Add ``document`` and the bytes it came from in the caller's transaction, so neither is stored alone."""
    document.sha256 = hashlib.sha256(original).hexdigest()
    if session.get(OriginalRow, document.sha256) is None:
        session.add(
            OriginalRow(
                sha256=document.sha256, content=original, size=len(original), media_type=document.media_type
            )
        )
    session.add(document)
    session.flush()
    return document


def get_document(session: Session, external_id: str) -> DocumentRow:
    """The document a user named; raises :class:`NotFoundError` with the id when there is none."""
    row = session.scalar(select(DocumentRow).where(DocumentRow.external_id == external_id))
    if row is None:
        raise NotFoundError(f"no document with id {external_id!r} in the store")
    return row


def find_by_sha256(session: Session, sha256: str) -> DocumentRow | None:
    return session.scalar(select(DocumentRow).where(DocumentRow.sha256 == sha256))


def list_documents(
    session: Session, *, limit: int = 50, offset: int = 0, outlet: str | None = None
) -> list[DocumentRow]:
    """Newest ingest first, so what a user just added is on top."""
    query = select(DocumentRow).order_by(DocumentRow.ingested_at.desc(), DocumentRow.id.desc())
    if outlet is not None:
        query = query.where(DocumentRow.outlet == outlet)
    return list(session.scalars(query.limit(limit).offset(offset)))
