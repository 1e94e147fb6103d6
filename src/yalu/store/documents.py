"""Adding documents with their originals, and looking them up: by id, by content or id, as a list."""

from __future__ import annotations

import hashlib

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from yalu.errors import NotFoundError
from yalu.store.tables import DocumentRow

# The same syntax on SQLite and PostgreSQL; one statement instead of a look-up and an insert.
ADD_ORIGINAL = text(
    "INSERT INTO originals (sha256, content, size, media_type) "
    "VALUES (:sha256, :content, :size, :media_type) ON CONFLICT (sha256) DO NOTHING"
)


def add_document(session: Session, document: DocumentRow, original: bytes) -> DocumentRow:
    """Add ``document`` and the bytes it came from in the caller's transaction, so neither is stored alone."""
    document.sha256 = hashlib.sha256(original).hexdigest()
    values = {
        "sha256": document.sha256,
        "content": original,
        "size": len(original),
        "media_type": document.media_type,
    }
    session.execute(ADD_ORIGINAL, values)
    session.add(document)
    session.flush()
    return document


def get_document(session: Session, external_id: str) -> DocumentRow:
    """The document a user named; raises :class:`NotFoundError` with the id when there is none."""
    row = session.scalar(select(DocumentRow).where(DocumentRow.external_id == external_id))
    if row is None:
        raise NotFoundError(f"no document with id {external_id!r} in the store")
    return row


def find_same(session: Session, *, sha256: str, external_id: str) -> list[tuple[str, str]]:
    """``(external_id, sha256)`` of stored documents with this content or this id, in one cheap query.

    Ingest asks this of every document, so it reads two short columns, not rows.
    """
    query = select(DocumentRow.external_id, DocumentRow.sha256).where(
        or_(DocumentRow.sha256 == sha256, DocumentRow.external_id == external_id)
    )
    return [(found_id, found_sha256) for found_id, found_sha256 in session.execute(query)]


def list_documents(
    session: Session, *, limit: int = 50, offset: int = 0, outlet: str | None = None
) -> list[DocumentRow]:
    """Newest ingest first, so what a user just added is on top."""
    query = select(DocumentRow).order_by(DocumentRow.ingested_at.desc(), DocumentRow.id.desc())
    if outlet is not None:
        query = query.where(DocumentRow.outlet == outlet)
    return list(session.scalars(query.limit(limit).offset(offset)))
