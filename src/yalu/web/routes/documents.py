"""A document's page (its text with every claim's quotes highlighted) and its original for download.

Document ids may hold "/" (a JSON Lines export may use paths as ids), so the
routes take the rest of the path; the original's route is registered first,
or the page would take "ID/original" for an id.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from yalu.errors import NotFoundError
from yalu.store.claim_queries import ClaimFilter, find_claims
from yalu.store.documents import get_document
from yalu.store.tables import DocumentRow
from yalu.web.auth import Viewer, current_viewer
from yalu.web.highlight import segments
from yalu.web.pages import page, respond
from yalu.web.routes.claims import CLAIM_ID
from yalu.web.schemas import DocumentPage, claim_public, document_public
from yalu.web.state import db

router = APIRouter(tags=["documents"], dependencies=[Depends(current_viewer)])
DOCUMENT_ID = Path(min_length=1, max_length=200)
CLAIMS_PER_DOCUMENT = 1000
# Originals a browser may open as they are; anything else (HTML above all) is served as opaque bytes.
SAFE_MEDIA_TYPES = {"application/pdf": ".pdf", "text/plain": ".txt", "application/json": ".json"}


def visible_document(session: Session, document_id: str, viewer: Viewer) -> DocumentRow:
    """The document, unless it is sensitive and the viewer is an anonymous reader (then: not found)."""
    row = get_document(session, document_id)
    if row.sensitive and not viewer.sees_sensitive:
        raise NotFoundError(f"no document with id {document_id!r} in the store")
    return row


@router.get(
    "/documents/{document_id:path}/original",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}, "description": "The original bytes."}},
)
def download_original(
    document_id: Annotated[str, DOCUMENT_ID],
    viewer: Annotated[Viewer, Depends(current_viewer)],
    session: Annotated[Session, Depends(db)],
) -> Response:
    """The exact bytes the document came from, always as a download, never rendered by the browser."""
    row = visible_document(session, document_id, viewer)
    media_type = row.original.media_type.split(";")[0].strip().lower()
    extension = SAFE_MEDIA_TYPES.get(media_type, ".bin")
    content_type = media_type if media_type in SAFE_MEDIA_TYPES else "application/octet-stream"
    return Response(
        row.original.content,
        media_type=content_type,
        headers={
            "Content-Disposition": f'attachment; filename="{row.sha256}{extension}"',
            "Content-Security-Policy": "default-src 'none'; sandbox",
        },
    )


@page(router, "/documents/{document_id:path}", DocumentPage)
def read_document(
    request: Request,
    document_id: Annotated[str, DOCUMENT_ID],
    viewer: Annotated[Viewer, Depends(current_viewer)],
    session: Annotated[Session, Depends(db)],
    claim: Annotated[str | None, Query(pattern=CLAIM_ID, description="Claim whose quote to mark.")] = None,
) -> Response:
    row = visible_document(session, document_id, viewer)
    claims = find_claims(
        session, ClaimFilter(document_id=row.id), sort="type", limit=CLAIMS_PER_DOCUMENT
    ).rows
    quotes = [(c.id, e.start, e.end) for c in claims for e in c.evidence]
    data = DocumentPage(
        document=document_public(row, viewer.sees_sensitive),
        segments=segments(row.text, quotes),
        claims=sorted(
            (claim_public(c) for c in claims),
            key=lambda c: (c.evidence[0].start if c.evidence else -1, c.type),
        ),
        active_claim=claim if claim in {c.id for c in claims} else None,
    )
    return respond(request, "document.html", data)
